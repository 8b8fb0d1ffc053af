/* cf-carer-sync-notice.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_CARER_SYNC_NOTICE (cf_carer_sync_notice_get_type ())

G_DECLARE_FINAL_TYPE (CfCarerSyncNotice, cf_carer_sync_notice, CF, CARER_SYNC_NOTICE, GtkWidget)

void  cf_carer_sync_notice_set_carer     (CfCarerSyncNotice *self,
                                          CfStore           *store,
                                          const char        *carer_id);
void  cf_carer_sync_notice_refresh       (CfCarerSyncNotice *self);
guint cf_carer_sync_notice_get_conflicts (CfCarerSyncNotice *self);
guint cf_carer_sync_notice_get_refused   (CfCarerSyncNotice *self);

G_END_DECLS
