/* cf-plan-action.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_PLAN_ACTION (cf_plan_action_get_type ())

G_DECLARE_FINAL_TYPE (CfPlanAction, cf_plan_action, CF, PLAN_ACTION, CfRecord)

CfPlanAction *cf_plan_action_new (const char *plan_id);

G_END_DECLS
