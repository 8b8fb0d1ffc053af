/* cf-plan-breaks-group.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-carer.h"
#include "cf-context.h"
#include "cf-plan.h"

G_BEGIN_DECLS

#define CF_TYPE_PLAN_BREAKS_GROUP (cf_plan_breaks_group_get_type ())

G_DECLARE_FINAL_TYPE (CfPlanBreaksGroup, cf_plan_breaks_group, CF, PLAN_BREAKS_GROUP,
                      AdwPreferencesGroup)

void              cf_plan_breaks_group_set_context   (CfPlanBreaksGroup *self,
                                                      CfContext         *context);
void              cf_plan_breaks_group_set_carer     (CfPlanBreaksGroup *self,
                                                      CfCarer           *carer);
void              cf_plan_breaks_group_set_plan      (CfPlanBreaksGroup *self,
                                                      CfPlan            *plan);
void              cf_plan_breaks_group_set_editable  (CfPlanBreaksGroup *self,
                                                      gboolean           editable);
void              cf_plan_breaks_group_refresh_taken (CfPlanBreaksGroup *self);
AdwMessageDialog *cf_plan_breaks_group_get_dialog    (CfPlanBreaksGroup *self);
void              cf_plan_breaks_group_close_dialog  (CfPlanBreaksGroup *self);

G_END_DECLS
