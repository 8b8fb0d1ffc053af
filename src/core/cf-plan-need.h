/* cf-plan-need.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_PLAN_NEED (cf_plan_need_get_type ())

G_DECLARE_FINAL_TYPE (CfPlanNeed, cf_plan_need, CF, PLAN_NEED, CfRecord)

CfPlanNeed *cf_plan_need_new (const char *plan_id);

G_END_DECLS
