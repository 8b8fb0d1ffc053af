/* cf-gui-util.h: small pieces several widgets share
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-choices.h"

G_BEGIN_DECLS

GtkStringList *cf_choice_list_new           (const CfChoice *choices);
GtkStringList *cf_choice_list_new_with_none (const CfChoice *choices,
                                             const char     *none_label);
void           cf_gui_register_resources    (void);
void           cf_preferences_group_name_list (AdwPreferencesGroup *group,
                                               const char          *name);
void           cf_drop_down_label_button    (GtkDropDown         *drop_down,
                                             GtkWidget           *label);

G_END_DECLS
