/* cf-plan-outcomes-group.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-plan.h"

G_BEGIN_DECLS

#define CF_TYPE_PLAN_OUTCOMES_GROUP (cf_plan_outcomes_group_get_type ())

G_DECLARE_FINAL_TYPE (CfPlanOutcomesGroup, cf_plan_outcomes_group, CF, PLAN_OUTCOMES_GROUP,
                      AdwPreferencesGroup)

void cf_plan_outcomes_group_set_plan     (CfPlanOutcomesGroup *self,
                                          CfPlan              *plan);
void cf_plan_outcomes_group_set_editable (CfPlanOutcomesGroup *self,
                                          gboolean             editable);
void cf_plan_outcomes_group_focus        (CfPlanOutcomesGroup *self);

G_END_DECLS
