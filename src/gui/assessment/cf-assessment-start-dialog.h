/* cf-assessment-start-dialog.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-carer.h"
#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_ASSESSMENT_START_DIALOG (cf_assessment_start_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CfAssessmentStartDialog, cf_assessment_start_dialog, CF,
                      ASSESSMENT_START_DIALOG, AdwMessageDialog)

CfAssessmentStartDialog *cf_assessment_start_dialog_new (GtkWindow *parent,
                                                         CfContext *context,
                                                         CfCarer   *carer);

G_END_DECLS
