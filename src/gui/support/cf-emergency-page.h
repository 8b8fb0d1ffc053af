/* cf-emergency-page.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-carer.h"
#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_EMERGENCY_PAGE (cf_emergency_page_get_type ())

G_DECLARE_FINAL_TYPE (CfEmergencyPage, cf_emergency_page, CF, EMERGENCY_PAGE, AdwBin)

CfEmergencyPage *cf_emergency_page_new       (CfContext        *context);
void             cf_emergency_page_set_carer (CfEmergencyPage  *self,
                                              CfCarer          *carer);
gboolean         cf_emergency_page_flush     (CfEmergencyPage  *self,
                                              GError          **error);

G_END_DECLS
