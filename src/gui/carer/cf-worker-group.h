/* cf-worker-group.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-carer.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_WORKER_GROUP (cf_worker_group_get_type ())

G_DECLARE_FINAL_TYPE (CfWorkerGroup, cf_worker_group, CF, WORKER_GROUP, AdwPreferencesGroup)

void     cf_worker_group_set_carer   (CfWorkerGroup *self,
                                      CfStore       *store,
                                      CfCarer       *carer);
gboolean cf_worker_group_is_editable (CfWorkerGroup *self);

G_END_DECLS
