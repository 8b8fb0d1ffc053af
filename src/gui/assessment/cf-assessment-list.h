/* cf-assessment-list.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-carer.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_ASSESSMENT_LIST (cf_assessment_list_get_type ())

G_DECLARE_FINAL_TYPE (CfAssessmentList, cf_assessment_list, CF, ASSESSMENT_LIST,
                      AdwPreferencesGroup)

void cf_assessment_list_set_carer (CfAssessmentList *self,
                                   CfStore          *store,
                                   CfCarer          *carer);
void cf_assessment_list_refresh   (CfAssessmentList *self);

G_END_DECLS
