/* cf-plan-action-row.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-plan-action.h"

G_BEGIN_DECLS

#define CF_TYPE_PLAN_ACTION_ROW (cf_plan_action_row_get_type ())

G_DECLARE_FINAL_TYPE (CfPlanActionRow, cf_plan_action_row, CF, PLAN_ACTION_ROW, AdwExpanderRow)

CfPlanActionRow *cf_plan_action_row_new          (CfPlanAction    *action);
CfPlanAction    *cf_plan_action_row_get_action   (CfPlanActionRow *self);
void             cf_plan_action_row_set_editable (CfPlanActionRow *self,
                                                  gboolean         editable);
gboolean         cf_plan_action_row_has_error    (CfPlanActionRow *self);

G_END_DECLS
