/* cf-server-sync.h: what push and pull do on the server
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cf-server-store.h"
#include "cf-sync-op.h"

G_BEGIN_DECLS

/* Records per page of GET /api/v1/changes (src/sync/README.md). */
#define CF_SERVER_SYNC_DEFAULT_LIMIT 500
#define CF_SERVER_SYNC_MAX_LIMIT     1000

JsonNode *cf_server_sync_push    (CfServerStore         *store,
                                  const CfServerUser    *user,
                                  const CfServerDevice  *device,
                                  const CfSyncPush      *push,
                                  GError               **error);
JsonNode *cf_server_sync_changes (CfServerStore         *store,
                                  const CfServerUser    *user,
                                  const char            *since,
                                  const char            *limit,
                                  GError               **error);

G_END_DECLS
