/* cf-assessment-editor-private.h: for the tests
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-assessment-editor.h"

G_BEGIN_DECLS

GtkListBox *cf_assessment_editor_get_sidebar (CfAssessmentEditor *self);
GtkWidget  *cf_assessment_editor_get_page    (CfAssessmentEditor *self,
                                              const char         *key);
void        cf_assessment_editor_export_pdf  (CfAssessmentEditor *self,
                                              const char         *path);

G_END_DECLS
