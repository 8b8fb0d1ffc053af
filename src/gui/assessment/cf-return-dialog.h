/* cf-return-dialog.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-assessment.h"
#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_RETURN_DIALOG (cf_return_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CfReturnDialog, cf_return_dialog, CF, RETURN_DIALOG, AdwMessageDialog)

CfReturnDialog *cf_return_dialog_new       (GtkWindow      *parent,
                                            CfContext      *context,
                                            CfAssessment   *assessment);
GtkEditable    *cf_return_dialog_get_entry (CfReturnDialog *self);

G_END_DECLS
