/* cf-assessment-editor.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-assessment.h"
#include "cf-carer.h"
#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_ASSESSMENT_EDITOR (cf_assessment_editor_get_type ())

G_DECLARE_FINAL_TYPE (CfAssessmentEditor, cf_assessment_editor, CF, ASSESSMENT_EDITOR, AdwBin)

CfAssessmentEditor *cf_assessment_editor_new            (CfContext          *context);
void                cf_assessment_editor_set_assessment (CfAssessmentEditor *self,
                                                         CfCarer            *carer,
                                                         CfAssessment       *assessment);
CfAssessment       *cf_assessment_editor_get_assessment (CfAssessmentEditor *self);
gboolean            cf_assessment_editor_flush          (CfAssessmentEditor *self,
                                                         GError            **error);
void                cf_assessment_editor_show_section   (CfAssessmentEditor *self,
                                                         const char         *key);
void                cf_assessment_editor_focus_first    (CfAssessmentEditor *self);

G_END_DECLS
