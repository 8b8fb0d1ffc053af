/* cf-preferences-window.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-context.h"
#include "cf-sync-client.h"

G_BEGIN_DECLS

#define CF_TYPE_PREFERENCES_WINDOW (cf_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CfPreferencesWindow, cf_preferences_window, CF, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

CfPreferencesWindow *cf_preferences_window_new             (CfContext           *context,
                                                            const char          *profile_dir);
void                 cf_preferences_window_set_sync_client (CfPreferencesWindow *self,
                                                            CfSyncClient        *client);

G_END_DECLS
