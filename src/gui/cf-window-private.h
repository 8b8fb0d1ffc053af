/* cf-window-private.h: for tests
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-review-mode.h"
#include "cf-sync-client.h"
#include "cf-window.h"

G_BEGIN_DECLS

gboolean      cf_window_check_idle      (CfWindow *self,
                                         gint64    now_us);
CfSyncClient *cf_window_get_sync_client (CfWindow *self);
CfReviewMode *cf_window_get_review_mode (CfWindow *self);

G_END_DECLS
