/* cf-about-page.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-assessment.h"
#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_ABOUT_PAGE (cf_about_page_get_type ())

G_DECLARE_FINAL_TYPE (CfAboutPage, cf_about_page, CF, ABOUT_PAGE, AdwBin)

CfAboutPage *cf_about_page_new            (CfContext    *context);
void         cf_about_page_set_assessment (CfAboutPage  *self,
                                           CfAssessment *assessment);
gboolean     cf_about_page_focus_first    (CfAboutPage  *self);

G_END_DECLS
