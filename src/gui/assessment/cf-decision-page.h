/* cf-decision-page.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-assessment.h"
#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_DECISION_PAGE (cf_decision_page_get_type ())

G_DECLARE_FINAL_TYPE (CfDecisionPage, cf_decision_page, CF, DECISION_PAGE, AdwBin)

CfDecisionPage *cf_decision_page_new            (CfContext      *context);
void            cf_decision_page_set_assessment (CfDecisionPage *self,
                                                 CfAssessment   *assessment);
gboolean        cf_decision_page_focus_first    (CfDecisionPage *self);

G_END_DECLS
