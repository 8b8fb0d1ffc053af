/* cf-dp-dialogs.h: the questions the direct payment page asks to set a payment up and to end it
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CF_DP_RESPONSE_SET_UP "set-up"
#define CF_DP_RESPONSE_END    "end"

AdwMessageDialog *cf_dp_set_up_dialog_new            (GtkWidget        *parent,
                                                      const char       *carer_name,
                                                      const char       *today,
                                                      GtkStringList    *bridges,
                                                      GPtrArray        *bridge_ids);
const char       *cf_dp_set_up_dialog_get_term       (AdwMessageDialog *dialog);
const char       *cf_dp_set_up_dialog_get_bridges_id (AdwMessageDialog *dialog);

AdwMessageDialog *cf_dp_end_dialog_new               (GtkWidget        *parent,
                                                      const char       *today);

G_END_DECLS
