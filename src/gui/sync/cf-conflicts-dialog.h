/* cf-conflicts-dialog.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_CONFLICTS_DIALOG (cf_conflicts_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CfConflictsDialog, cf_conflicts_dialog, CF, CONFLICTS_DIALOG, AdwWindow)

CfConflictsDialog *cf_conflicts_dialog_new         (GtkWindow         *parent,
                                                    CfContext         *context);
guint              cf_conflicts_dialog_get_n_open  (CfConflictsDialog *self);
void               cf_conflicts_dialog_reload      (CfConflictsDialog *self);

G_END_DECLS
