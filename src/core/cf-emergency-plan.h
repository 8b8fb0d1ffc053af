/* cf-emergency-plan.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_EMERGENCY_PLAN (cf_emergency_plan_get_type ())

G_DECLARE_FINAL_TYPE (CfEmergencyPlan, cf_emergency_plan, CF, EMERGENCY_PLAN, CfRecord)

CfEmergencyPlan *cf_emergency_plan_new (const char *carer_id);

G_END_DECLS
