/* cf-plan-page.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-carer.h"
#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_PLAN_PAGE (cf_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (CfPlanPage, cf_plan_page, CF, PLAN_PAGE, AdwBin)

CfPlanPage *cf_plan_page_new       (CfContext   *context);
void        cf_plan_page_set_carer (CfPlanPage  *self,
                                    CfCarer     *carer);
gboolean    cf_plan_page_flush     (CfPlanPage  *self,
                                    GError     **error);

G_END_DECLS
