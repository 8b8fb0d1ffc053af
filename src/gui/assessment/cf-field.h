/* cf-field.h: helpers for the assessment's form fields
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void       cf_field_set_message       (GtkWidget    *field,
                                       GtkWidget    *message_widget,
                                       GtkLabel     *label,
                                       const char   *message);
void       cf_field_describe          (GtkWidget    *field,
                                       GtkWidget    *description);
void       cf_field_set_sensitive     (GtkWidget    *field,
                                       gboolean      sensitive);
char      *cf_field_check_date        (const char   *iso_date,
                                       const GDate  *today);

G_END_DECLS
