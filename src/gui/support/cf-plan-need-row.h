/* cf-plan-need-row.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-plan-need.h"

G_BEGIN_DECLS

#define CF_TYPE_PLAN_NEED_ROW (cf_plan_need_row_get_type ())

G_DECLARE_FINAL_TYPE (CfPlanNeedRow, cf_plan_need_row, CF, PLAN_NEED_ROW, AdwExpanderRow)

CfPlanNeedRow *cf_plan_need_row_new          (CfPlanNeed    *need);
CfPlanNeed    *cf_plan_need_row_get_need     (CfPlanNeedRow *self);
void           cf_plan_need_row_set_editable (CfPlanNeedRow *self,
                                              gboolean       editable);
void           cf_plan_need_row_set_movable  (CfPlanNeedRow *self,
                                              gboolean       up,
                                              gboolean       down);
void           cf_plan_need_row_focus_move   (CfPlanNeedRow *self,
                                              int            direction);

G_END_DECLS
