/* cf-eligibility-panel.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-eligibility.h"

G_BEGIN_DECLS

#define CF_TYPE_ELIGIBILITY_PANEL (cf_eligibility_panel_get_type ())

G_DECLARE_FINAL_TYPE (CfEligibilityPanel, cf_eligibility_panel, CF, ELIGIBILITY_PANEL,
                      AdwPreferencesGroup)

CfEligibilityPanel *cf_eligibility_panel_new             (void);
void                cf_eligibility_panel_set_eligibility (CfEligibilityPanel *self,
                                                          CfEligibility      *eligibility);
const char         *cf_condition_state_get_word          (CfConditionState    state);

G_END_DECLS
