/* cf-plan-agreement-group.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-plan.h"

G_BEGIN_DECLS

#define CF_TYPE_PLAN_AGREEMENT_GROUP (cf_plan_agreement_group_get_type ())

G_DECLARE_FINAL_TYPE (CfPlanAgreementGroup, cf_plan_agreement_group, CF, PLAN_AGREEMENT_GROUP,
                      AdwPreferencesGroup)

void cf_plan_agreement_group_set_plan     (CfPlanAgreementGroup *self,
                                           CfPlan               *plan);
void cf_plan_agreement_group_set_editable (CfPlanAgreementGroup *self,
                                           gboolean              editable);
void cf_plan_agreement_group_show_refusal (CfPlanAgreementGroup *self,
                                           const char           *message);
void cf_plan_agreement_group_set_status   (CfPlanAgreementGroup *self,
                                           const char           *text);

G_END_DECLS
