/* cf-sync-release.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-sync-client.h"

G_BEGIN_DECLS

/**
 * CfSyncWipedFunc:
 * @owner: the object given to cf_sync_release(), still there
 * @error: (nullable): why the profile could not all be deleted
 */
typedef void (*CfSyncWipedFunc) (GObject      *owner,
                                 const GError *error);

void cf_sync_release (CfSyncClient    *client,
                      CfStore         *store,
                      GApplication    *application,
                      const char      *profile_dir,
                      gboolean         wipe,
                      GObject         *owner,
                      CfSyncWipedFunc  wiped);

G_END_DECLS
