/* cf-plan-copy-group.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-context.h"
#include "cf-plan.h"

G_BEGIN_DECLS

#define CF_TYPE_PLAN_COPY_GROUP (cf_plan_copy_group_get_type ())

G_DECLARE_FINAL_TYPE (CfPlanCopyGroup, cf_plan_copy_group, CF, PLAN_COPY_GROUP,
                      AdwPreferencesGroup)

void cf_plan_copy_group_set_context (CfPlanCopyGroup *self,
                                     CfContext       *context);
void cf_plan_copy_group_set_plan    (CfPlanCopyGroup *self,
                                     CfPlan          *plan);
void cf_plan_copy_group_focus_date  (CfPlanCopyGroup *self);
void cf_plan_copy_group_set_printed (CfPlanCopyGroup *self,
                                     const char      *format,
                                     const char      *language);

G_END_DECLS
