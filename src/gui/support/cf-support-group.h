/* cf-support-group.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-carer.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_SUPPORT_GROUP (cf_support_group_get_type ())

G_DECLARE_FINAL_TYPE (CfSupportGroup, cf_support_group, CF, SUPPORT_GROUP, AdwPreferencesGroup)

void cf_support_group_set_carer (CfSupportGroup *self,
                                 CfStore        *store,
                                 CfCarer        *carer);
void cf_support_group_refresh   (CfSupportGroup *self);

G_END_DECLS
