/* cf-plan-needs-group.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-plan.h"

G_BEGIN_DECLS

#define CF_TYPE_PLAN_NEEDS_GROUP (cf_plan_needs_group_get_type ())

G_DECLARE_FINAL_TYPE (CfPlanNeedsGroup, cf_plan_needs_group, CF, PLAN_NEEDS_GROUP,
                      AdwPreferencesGroup)

void cf_plan_needs_group_set_needs    (CfPlanNeedsGroup *self,
                                       CfPlan           *plan,
                                       GPtrArray        *needs);
void cf_plan_needs_group_set_editable (CfPlanNeedsGroup *self,
                                       gboolean          editable);

G_END_DECLS
