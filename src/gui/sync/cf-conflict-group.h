/* cf-conflict-group.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-sync-local.h"

G_BEGIN_DECLS

#define CF_TYPE_CONFLICT_GROUP (cf_conflict_group_get_type ())

G_DECLARE_FINAL_TYPE (CfConflictGroup, cf_conflict_group, CF, CONFLICT_GROUP, GtkWidget)

CfConflictGroup      *cf_conflict_group_new          (const CfSyncConflict *conflict,
                                                      const char           *record_words);
const CfSyncConflict *cf_conflict_group_get_conflict (CfConflictGroup      *self);
void                  cf_conflict_group_show_error   (CfConflictGroup      *self,
                                                      const char           *message);

G_END_DECLS
