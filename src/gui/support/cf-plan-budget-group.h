/* cf-plan-budget-group.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-plan.h"

G_BEGIN_DECLS

#define CF_TYPE_PLAN_BUDGET_GROUP (cf_plan_budget_group_get_type ())

G_DECLARE_FINAL_TYPE (CfPlanBudgetGroup, cf_plan_budget_group, CF, PLAN_BUDGET_GROUP,
                      AdwPreferencesGroup)

void     cf_plan_budget_group_set_plan     (CfPlanBudgetGroup *self,
                                            CfPlan            *plan);
void     cf_plan_budget_group_set_editable (CfPlanBudgetGroup *self,
                                            gboolean           editable);
void     cf_plan_budget_group_refresh      (CfPlanBudgetGroup *self);
gboolean cf_plan_budget_group_has_error    (CfPlanBudgetGroup *self);

G_END_DECLS
