/* cf-section-page.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-assessment.h"

G_BEGIN_DECLS

#define CF_TYPE_SECTION_PAGE (cf_section_page_get_type ())

G_DECLARE_FINAL_TYPE (CfSectionPage, cf_section_page, CF, SECTION_PAGE, AdwBin)

CfSectionPage       *cf_section_page_new            (CfAssessmentSection *section);
CfAssessmentSection *cf_section_page_get_section    (CfSectionPage       *self);
void                 cf_section_page_set_assessment (CfSectionPage       *self,
                                                     CfAssessment        *assessment);
gboolean             cf_section_page_focus_first    (CfSectionPage       *self);

G_END_DECLS
