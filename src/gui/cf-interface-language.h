/* cf-interface-language.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void              cf_interface_language_apply           (GSettings  *settings);
const char       *cf_interface_language_get_applied     (void);
void              cf_interface_language_apply_direction (GSettings  *settings);
GtkTextDirection  cf_interface_language_get_direction   (const char *code);
const char       *cf_interface_language_get_own_name    (const char *code);
GStrv             cf_interface_language_dup_available   (void);

G_END_DECLS
