/* cf-sync-page.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-sync-client.h"

G_BEGIN_DECLS

#define CF_TYPE_SYNC_PAGE (cf_sync_page_get_type ())

G_DECLARE_FINAL_TYPE (CfSyncPage, cf_sync_page, CF, SYNC_PAGE, AdwPreferencesPage)

CfSyncPage   *cf_sync_page_new        (void);
void          cf_sync_page_set_client (CfSyncPage   *self,
                                       CfSyncClient *client);
CfSyncClient *cf_sync_page_get_client (CfSyncPage   *self);

G_END_DECLS
