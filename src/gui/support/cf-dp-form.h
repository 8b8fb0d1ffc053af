/* cf-dp-form.h: small forms in a message dialog, for the direct payment page's questions, and
 * the checks and words the page's parts share
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-choices.h"
#include "cf-context.h"
#include "cf-direct-payments.h"

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

gboolean          cf_dp_form_is_blank        (const char       *text);
char             *cf_dp_form_check_date      (const char       *typed,
                                              gboolean          required,
                                              char            **iso);
char             *cf_dp_form_check_money     (const char       *typed,
                                              gint64           *pence);
char             *cf_dp_form_format_date     (const char       *iso);
char             *cf_dp_form_today           (CfContext        *context);
GtkStringList    *cf_dp_form_choice_labels   (const CfChoice   *choices);
GtkWidget        *cf_dp_form_placeholder_row (const char       *title);
void              cf_dp_form_add_warning     (AdwActionRow     *row,
                                              const char       *label);
char             *cf_dp_form_describe_payment (CfDirectPayment *payment);
const char       *cf_dp_form_term_title       (CfDirectPayment *payment);

G_END_DECLS
