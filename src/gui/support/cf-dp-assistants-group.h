/* cf-dp-assistants-group.h: the personal assistants a direct payment employs
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-dp-list-group.h"

G_BEGIN_DECLS

#define CF_TYPE_DP_ASSISTANTS_GROUP (cf_dp_assistants_group_get_type ())

G_DECLARE_FINAL_TYPE (CfDpAssistantsGroup, cf_dp_assistants_group, CF, DP_ASSISTANTS_GROUP,
                      CfDpListGroup)

G_END_DECLS
