/* cf-sync-local.h: the client store's side of sync: what to push, what came back, what was pulled
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure database work on a CfStore, no network: CfSyncClient calls these from its worker thread
 * on a store connection of its own (cf_store_open_another), so the window's connection never
 * waits on a sync. Every function that writes does so in one transaction.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cf-store.h"
#include "cf-sync-op.h"

G_BEGIN_DECLS

/* The account a profile syncs with (DESIGN.md, "Sync protocol"), kept in the encrypted store:
 * the token is a secret, and the store is where secrets live. */
typedef struct
{
  char *server_url;  /* "https://base.example.org:8443", no trailing slash */
  char *user;        /* the server's user name */
  char *role;        /* worker, coordinator, carer or admin */
  char *carer_id;    /* a carer account's carer; "" otherwise */
  char *device_id;   /* the server's id for this device */
  char *token;       /* the device token */
} CfSyncAccount;

#define CF_TYPE_SYNC_ACCOUNT (cf_sync_account_get_type ())

GType          cf_sync_account_get_type (void) G_GNUC_CONST;
CfSyncAccount *cf_sync_account_copy     (const CfSyncAccount *account);
void           cf_sync_account_free     (CfSyncAccount       *account);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfSyncAccount, cf_sync_account_free)

/* Counts for one sync, added to as it goes: what the CLI prints and the window shows. */
typedef struct
{
  guint pushed;      /* results "applied" */
  guint merged;      /* results "merged" */
  guint conflicts;   /* results "conflict" (operations, not fields) */
  guint errors;      /* results "rejected" */
  guint pulled;      /* records written from pulled pages */
  guint removed;     /* carers removed because they left this device's scope */
  /* Bytes on the wire, compressed, headers not counted: filled in by CfSyncClient. */
  guint64 bytes_sent;
  guint64 bytes_received;
  guint audited;     /* audit trail entries sent and taken by the server (new to it or not) */
} CfSyncSummary;

/* The audit trail on the wire (src/sync/README.md, "POST /api/v1/audit"): the server refuses
 * a batch of more entries, or an entry with a longer text; the client keeps within both. */
#define CF_SYNC_AUDIT_MAX_ENTRIES    5000
#define CF_SYNC_AUDIT_MAX_TEXT_BYTES 1000

gboolean       cf_sync_local_set_account   (CfStore              *store,
                                            const CfSyncAccount  *account,
                                            GError              **error);
CfSyncAccount *cf_sync_local_dup_account   (CfStore              *store,
                                            GError              **error);
gboolean       cf_sync_local_clear_account (CfStore              *store,
                                            GError              **error);

/* The cursor of the last pull page applied; "" before the first pull. */
char          *cf_sync_local_dup_cursor    (CfStore              *store,
                                            GError              **error);
/* Forgets the cursor, so the next pull starts from the beginning: for a server that no
 * longer knows it (README: a cursor it never gave out is 400, and the client pulls again). */
gboolean       cf_sync_local_reset_cursor  (CfStore              *store,
                                            GError              **error);

/* Counts of outbox rows: waiting to go up (pending, whether sent or not) and refused (error). */
gboolean       cf_sync_local_count_outbox  (CfStore              *store,
                                            guint                *pending,
                                            guint                *errors,
                                            GError              **error);

GPtrArray     *cf_sync_local_next_batch    (CfStore              *store,
                                            guint                 max_ops,
                                            GError              **error);
gboolean       cf_sync_local_apply_results (CfStore              *store,
                                            GPtrArray            *batch,
                                            JsonNode             *response,
                                            CfSyncSummary        *summary,
                                            GError              **error);
gboolean       cf_sync_local_apply_page    (CfStore              *store,
                                            JsonNode             *page,
                                            gboolean             *more,
                                            CfSyncSummary        *summary,
                                            GError              **error);

/* The audit trail going up: the local rows not yet taken by the server, oldest first. The
 * rows themselves stay: the trail is append-only here too. */
JsonNode      *cf_sync_local_next_audit_batch (CfStore        *store,
                                               guint           max,
                                               gint64         *last_seq,
                                               GError        **error);
gboolean       cf_sync_local_audit_sent       (CfStore        *store,
                                               gint64          last_seq,
                                               GError        **error);

/* Conflicts the server reported, kept until a person resolves them (DESIGN.md: no value that
 * anyone typed is ever discarded). */
typedef struct
{
  gint64  id;
  char   *entity;
  char   *record_id;
  char   *field;
  /* JSON text of each value, as on the wire; base is NULL when the server did not know it. */
  char   *base;
  char   *server;
  char   *client;
  char   *reported_at;
} CfSyncConflict;

#define CF_TYPE_SYNC_CONFLICT (cf_sync_conflict_get_type ())

GType           cf_sync_conflict_get_type (void) G_GNUC_CONST;
CfSyncConflict *cf_sync_conflict_copy     (const CfSyncConflict *conflict);
void            cf_sync_conflict_free     (CfSyncConflict       *conflict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfSyncConflict, cf_sync_conflict_free)

GPtrArray      *cf_sync_local_list_conflicts (CfStore     *store,
                                              const char  *record_id,
                                              GError     **error);
gboolean        cf_sync_local_resolve        (CfStore     *store,
                                              gint64       conflict_id,
                                              JsonNode    *value,
                                              GError     **error);

G_END_DECLS
