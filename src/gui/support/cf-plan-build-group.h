/* cf-plan-build-group.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-carer.h"
#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_PLAN_BUILD_GROUP (cf_plan_build_group_get_type ())

G_DECLARE_FINAL_TYPE (CfPlanBuildGroup, cf_plan_build_group, CF, PLAN_BUILD_GROUP,
                      AdwPreferencesGroup)

void cf_plan_build_group_set_context (CfPlanBuildGroup *self,
                                      CfContext        *context);
void cf_plan_build_group_set_carer   (CfPlanBuildGroup *self,
                                      CfCarer          *carer);
void cf_plan_build_group_refresh     (CfPlanBuildGroup *self);
void cf_plan_build_group_set_message (CfPlanBuildGroup *self,
                                      const char       *message);

G_END_DECLS
