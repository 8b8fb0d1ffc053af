/* cf-plan-header-group.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-plan.h"

G_BEGIN_DECLS

#define CF_TYPE_PLAN_HEADER_GROUP (cf_plan_header_group_get_type ())

G_DECLARE_FINAL_TYPE (CfPlanHeaderGroup, cf_plan_header_group, CF, PLAN_HEADER_GROUP,
                      AdwPreferencesGroup)

void cf_plan_header_group_show            (CfPlanHeaderGroup *self,
                                           CfPlan            *plan,
                                           GPtrArray         *versions,
                                           gboolean           current,
                                           const char        *review);
void cf_plan_header_group_set_save_status (CfPlanHeaderGroup *self,
                                           const char        *text);

G_END_DECLS
