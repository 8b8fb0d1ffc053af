/* cf-sync-client.h: syncing a profile's store with the base server
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-store.h"
#include "cf-sync-local.h"

G_BEGIN_DECLS

#define CF_SYNC_CLIENT_ERROR (cf_sync_client_error_quark ())

typedef enum
{
  /* No account: sign in first. */
  CF_SYNC_CLIENT_ERROR_NOT_SIGNED_IN,
  /* The address is not one Carefield will send a carer's data to (plain HTTP off this machine). */
  CF_SYNC_CLIENT_ERROR_BAD_ADDRESS,
  /* The server could not be reached, or the connection failed or timed out: try later. */
  CF_SYNC_CLIENT_ERROR_OFFLINE,
  /* Wrong user name or password, or the server no longer knows this laptop. */
  CF_SYNC_CLIENT_ERROR_UNAUTHORIZED,
  /* The account is disabled, or the request was outside its role. */
  CF_SYNC_CLIENT_ERROR_FORBIDDEN,
  /* This laptop was revoked (lost or stolen): its local data must be wiped. */
  CF_SYNC_CLIENT_ERROR_REVOKED,
  /* The server failed (5xx) or answered with something that is not the protocol. */
  CF_SYNC_CLIENT_ERROR_SERVER,
  /* The server speaks a newer format: Carefield needs updating. */
  CF_SYNC_CLIENT_ERROR_TOO_NEW,
} CfSyncClientError;

GQuark cf_sync_client_error_quark (void);

typedef enum
{
  CF_SYNC_STATE_SIGNED_OUT,
  /* Signed in; the last sync (if any) succeeded. */
  CF_SYNC_STATE_IDLE,
  CF_SYNC_STATE_SYNCING,
  /* The server cannot be reached; see CfSyncClient:offline-since. */
  CF_SYNC_STATE_OFFLINE,
  /* The last sync failed for another reason; see CfSyncClient:message. */
  CF_SYNC_STATE_ERROR,
} CfSyncState;

typedef enum
{
  CF_SYNC_PHASE_PUSH,
  CF_SYNC_PHASE_PULL,
} CfSyncPhase;

#define CF_TYPE_SYNC_SUMMARY (cf_sync_summary_get_type ())

GType          cf_sync_summary_get_type (void) G_GNUC_CONST;
CfSyncSummary *cf_sync_summary_copy     (const CfSyncSummary *summary);
void           cf_sync_summary_free     (CfSyncSummary       *summary);
char          *cf_sync_summary_describe (const CfSyncSummary *summary);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfSyncSummary, cf_sync_summary_free)

#define CF_TYPE_SYNC_CLIENT (cf_sync_client_get_type ())

G_DECLARE_FINAL_TYPE (CfSyncClient, cf_sync_client, CF, SYNC_CLIENT, GObject)

CfSyncClient  *cf_sync_client_new               (CfStore              *store);

CfSyncState    cf_sync_client_get_state         (CfSyncClient         *self);
const char    *cf_sync_client_get_message       (CfSyncClient         *self);
GDateTime     *cf_sync_client_get_offline_since (CfSyncClient         *self);
GDateTime     *cf_sync_client_get_last_synced   (CfSyncClient         *self);
const char    *cf_sync_client_get_user          (CfSyncClient         *self);
const char    *cf_sync_client_get_server_url    (CfSyncClient         *self);
const char    *cf_sync_client_get_role          (CfSyncClient         *self);
guint          cf_sync_client_get_waiting       (CfSyncClient         *self);

void           cf_sync_client_login_async       (CfSyncClient         *self,
                                                 const char           *server_url,
                                                 const char           *user,
                                                 const char           *password,
                                                 const char           *device_name,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       cf_sync_client_login_finish      (CfSyncClient         *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

void           cf_sync_client_sync_async        (CfSyncClient         *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
CfSyncSummary *cf_sync_client_sync_finish       (CfSyncClient         *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

void           cf_sync_client_sign_out_async    (CfSyncClient         *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       cf_sync_client_sign_out_finish   (CfSyncClient         *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

void           cf_sync_client_set_timeout       (CfSyncClient         *self,
                                                 guint                 seconds);
void           cf_sync_client_set_network_monitor (CfSyncClient       *self,
                                                   GNetworkMonitor    *monitor);
void           cf_sync_client_set_automatic     (CfSyncClient         *self,
                                                 gboolean              automatic);
void           cf_sync_client_request_sync      (CfSyncClient         *self);
void           cf_sync_client_refresh_waiting   (CfSyncClient         *self);

guint          cf_sync_backoff_delay_ms         (guint                 failures,
                                                 double                jitter);
gboolean       cf_sync_check_server_url         (const char           *server_url,
                                                 GError              **error);

G_END_DECLS
