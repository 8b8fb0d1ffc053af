/* cf-dp-returns-group.h: a direct payment's balance returns and the recoveries of surpluses
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-dp-list-group.h"

G_BEGIN_DECLS

#define CF_TYPE_DP_RETURNS_GROUP (cf_dp_returns_group_get_type ())

G_DECLARE_FINAL_TYPE (CfDpReturnsGroup, cf_dp_returns_group, CF, DP_RETURNS_GROUP,
                      CfDpListGroup)

G_END_DECLS
