/* cf-sync-status.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-sync-client.h"

G_BEGIN_DECLS

#define CF_TYPE_SYNC_STATUS (cf_sync_status_get_type ())

G_DECLARE_FINAL_TYPE (CfSyncStatus, cf_sync_status, CF, SYNC_STATUS, AdwBin)

CfSyncStatus *cf_sync_status_new               (void);
void          cf_sync_status_set_client        (CfSyncStatus *self,
                                                CfSyncClient *client,
                                                CfStore      *store);
void          cf_sync_status_refresh_conflicts (CfSyncStatus *self);
gboolean      cf_sync_status_get_compact       (CfSyncStatus *self);
void          cf_sync_status_set_compact       (CfSyncStatus *self,
                                                gboolean      compact);
const char   *cf_sync_status_get_text          (CfSyncStatus *self);
const char   *cf_sync_status_get_description   (CfSyncStatus *self);

char         *cf_sync_status_dup_state_text    (CfSyncClient *client);

G_END_DECLS
