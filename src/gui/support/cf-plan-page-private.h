/* cf-plan-page-private.h: for the tests
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-plan.h"
#include "cf-plan-page.h"

G_BEGIN_DECLS

CfPlan           *cf_plan_page_get_plan          (CfPlanPage           *self);
GPtrArray        *cf_plan_page_get_needs         (CfPlanPage           *self);
AdwMessageDialog *cf_plan_page_get_dialog        (CfPlanPage           *self);
void              cf_plan_page_export_pdf_async  (CfPlanPage           *self,
                                                  const char           *path,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean          cf_plan_page_export_pdf_finish (CfPlanPage           *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
