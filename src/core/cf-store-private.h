/* cf-store-private.h: for core code that needs rows rather than records
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cf-store.h"

G_BEGIN_DECLS

/* What of a carer's is not yet in step with the server: the carer's record or any record
 * belonging to them (through the parent fields of cf-entities.c). */
typedef enum
{
  CF_CARER_SYNC_WAITING  = 1 << 0,  /* outbox rows waiting to go up */
  CF_CARER_SYNC_REFUSED  = 1 << 1,  /* outbox rows the server refused */
  CF_CARER_SYNC_CONFLICT = 1 << 2,  /* conflicts not yet resolved */
} CfCarerSyncFlags;

/* The columns the caseload shows and searches: never the whole record. */
typedef struct
{
  const char *id;
  const char *reference;
  const char *given_name;
  const char *family_name;
  const char *preferred_name;
  const char *locality;
  const char *postcode;
  const char *phone;
  const char *status;
  const char *priority;
  const char *referral_received_at;
  /* The worker whose caseload the carer is on: a server user name, or "". */
  const char *worker;
  /* Whether the carer has an assessment still in draft. */
  gboolean    assessing;
  CfCarerSyncFlags sync_flags;
} CfCarerSummaryRow;

typedef void (*CfCarerSummaryFunc) (const CfCarerSummaryRow *row,
                                    gpointer                 user_data);

gboolean cf_store_foreach_carer_summary (CfStore             *self,
                                         const char          *only_id,
                                         CfCarerSummaryFunc   func,
                                         gpointer             user_data,
                                         GError             **error);

/* For tests of migrations: open a store and migrate it only as far as @version. */
CfStore *cf_store_new_at_version        (const char  *path,
                                         GBytes      *key,
                                         int          version,
                                         GError     **error);
GPtrArray *cf_store_load_records        (CfStore     *self,
                                         GType        type,
                                         const char  *where,
                                         const char  *arg1,
                                         const char  *arg2,
                                         GError     **error);
gboolean cf_store_exec                  (CfStore     *self,
                                         const char  *sql,
                                         GError     **error);

/* For src/sync/cf-sync-local.c, which keeps the store's side of sync in the same database.
 * SQLite's statement type is named here without including SQLite: callers that step
 * statements include it themselves (through cf-database.h). */
struct sqlite3_stmt;

CfStore  *cf_store_open_another         (CfStore     *self,
                                         GError     **error);
struct sqlite3_stmt *
          cf_store_prepare              (CfStore     *self,
                                         const char  *sql,
                                         GError     **error);
gboolean  cf_store_begin                (CfStore     *self,
                                         GError     **error);
gboolean  cf_store_commit               (CfStore     *self,
                                         GError     **error);
void      cf_store_rollback             (CfStore     *self);
char     *cf_store_dup_meta             (CfStore     *self,
                                         const char  *key,
                                         GError     **error);
gboolean  cf_store_set_meta             (CfStore     *self,
                                         const char  *key,
                                         const char  *value,
                                         GError     **error);

/* Work done in the transaction of a save, after its records are written: @error set and
 * %FALSE returned undo the whole save. */
typedef gboolean (*CfStoreWriteFunc) (CfStore   *self,
                                      gpointer   user_data,
                                      GError   **error);

gboolean  cf_store_save_full            (CfStore           *self,
                                         CfRecord         **records,
                                         guint              n_records,
                                         CfStoreWriteFunc   also,
                                         gpointer           user_data,
                                         GError           **error);

/* How an outbox row's fields are written (its fields_format column). Rows written before
 * schema 5 hold GVariant text (an a{sv}); rows written since hold a JSON object. */
#define CF_OUTBOX_FORMAT_GVARIANT "gvariant"
#define CF_OUTBOX_FORMAT_JSON     "json"

JsonObject *cf_store_parse_outbox_fields (const char  *text,
                                          const char  *format,
                                          GError     **error);

G_END_DECLS
