/* cf-dp-form.h: small forms in a message dialog, for the direct payment page's questions
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Returns what is wrong with the form's values, in words, or %NULL when the response can be
 * given. */
typedef char *(*CfDpFormCheck) (AdwMessageDialog *form,
                                gpointer          user_data);

AdwMessageDialog *cf_dp_form_new          (GtkWidget        *parent,
                                           const char       *heading,
                                           const char       *body,
                                           const char       *response,
                                           const char       *response_label);
GtkWidget        *cf_dp_form_add_entry    (AdwMessageDialog *form,
                                           const char       *key,
                                           const char       *title,
                                           const char       *text);
GtkWidget        *cf_dp_form_add_choice   (AdwMessageDialog *form,
                                           const char       *key,
                                           const char       *title,
                                           GListModel       *labels,
                                           guint             selected);
GtkWidget        *cf_dp_form_get_field    (AdwMessageDialog *form,
                                           const char       *key);
const char       *cf_dp_form_get_text     (AdwMessageDialog *form,
                                           const char       *key);
guint             cf_dp_form_get_selected (AdwMessageDialog *form,
                                           const char       *key);
void              cf_dp_form_set_check    (AdwMessageDialog *form,
                                           CfDpFormCheck     check,
                                           gpointer          user_data);
void              cf_dp_form_update       (AdwMessageDialog *form);

G_END_DECLS
