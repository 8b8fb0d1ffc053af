/* cf-plan-actions-group.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-plan.h"

G_BEGIN_DECLS

#define CF_TYPE_PLAN_ACTIONS_GROUP (cf_plan_actions_group_get_type ())

G_DECLARE_FINAL_TYPE (CfPlanActionsGroup, cf_plan_actions_group, CF, PLAN_ACTIONS_GROUP,
                      AdwPreferencesGroup)

void     cf_plan_actions_group_set_actions  (CfPlanActionsGroup *self,
                                             CfPlan             *plan,
                                             GPtrArray          *actions);
void     cf_plan_actions_group_set_editable (CfPlanActionsGroup *self,
                                             gboolean            editable);
gboolean cf_plan_actions_group_has_error    (CfPlanActionsGroup *self);

G_END_DECLS
