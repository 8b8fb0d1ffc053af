/* cf-sync-local.c: the client store's side of sync
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "Sync protocol", and src/sync/README.md. What to push comes from the outbox and
 * nowhere else. A batch takes at most one operation per record, because the next operation of
 * a record is based on what the server answers for this one. Results and pulled pages are each
 * applied in one transaction, the cursor saved in the same transaction as its page, so an
 * interrupted sync resumes where it stopped and never leaves half a page. A pulled record never
 * overwrites a field with an edit still waiting to go up, and a carer who leaves this device's
 * scope is removed only when nothing of theirs is waiting: an edit must never vanish.
 *
 * Everything here reads what the server sent as untrusted: a response or page of the wrong
 * shape is refused whole before anything is written.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "cf-database.h"
#include "cf-entities.h"
#include "cf-record-private.h"
#include "cf-store-private.h"
#include "cf-sync-local.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The account and the cursor, in the store's meta table. */
#define META_SERVER_URL "sync_server_url"
#define META_USER       "sync_user"
#define META_ROLE       "sync_role"
#define META_CARER_ID   "sync_carer_id"
#define META_DEVICE_ID  "sync_device_id"
#define META_TOKEN      "sync_token"
#define META_CURSOR     "sync_cursor"
/* The seq of the newest local audit row the server has taken. */
#define META_AUDIT_SENT "audit_sent_seq"

/* The only wire format this program reads (src/sync/README.md, "Format versioning"). */
#define FORMAT_VERSION 1

/* Account ----------------------------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (CfSyncAccount, cf_sync_account, cf_sync_account_copy, cf_sync_account_free)

CfSyncAccount *
cf_sync_account_copy (const CfSyncAccount *account)
{
  CfSyncAccount *copy;

  g_return_val_if_fail (account != NULL, NULL);

  copy = g_new0 (CfSyncAccount, 1);
  copy->server_url = g_strdup (account->server_url);
  copy->user = g_strdup (account->user);
  copy->role = g_strdup (account->role);
  copy->carer_id = g_strdup (account->carer_id);
  copy->device_id = g_strdup (account->device_id);
  copy->token = g_strdup (account->token);

  return copy;
}

void
cf_sync_account_free (CfSyncAccount *account)
{
  if (account == NULL)
    return;

  /* The token lets anyone who has it sync this caseload: it does not linger in freed memory. */
  if (account->token != NULL)
    sodium_memzero (account->token, strlen (account->token));

  g_free (account->server_url);
  g_free (account->user);
  g_free (account->role);
  g_free (account->carer_id);
  g_free (account->device_id);
  g_free (account->token);
  g_free (account);
}

static gboolean
step_done (sqlite3_stmt  *stmt,
           const char    *doing,
           GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cf_database_set_error (error, sqlite3_db_handle (stmt), doing);

  return TRUE;
}

/**
 * cf_sync_local_set_account:
 * @account: the account; its carer_id may be %NULL for ""
 *
 * Keeps the account in the encrypted store, replacing any other, in one transaction.
 */
gboolean
cf_sync_local_set_account (CfStore              *store,
                           const CfSyncAccount  *account,
                           GError              **error)
{
  static const char * const keys[] = {
    META_SERVER_URL, META_USER, META_ROLE, META_CARER_ID, META_DEVICE_ID, META_TOKEN,
  };
  const char *values[G_N_ELEMENTS (keys)];

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (account != NULL, FALSE);
  g_return_val_if_fail (account->server_url != NULL && *account->server_url != '\0', FALSE);
  g_return_val_if_fail (account->user != NULL, FALSE);
  g_return_val_if_fail (account->role != NULL, FALSE);
  g_return_val_if_fail (account->device_id != NULL, FALSE);
  g_return_val_if_fail (account->token != NULL && *account->token != '\0', FALSE);

  values[0] = account->server_url;
  values[1] = account->user;
  values[2] = account->role;
  values[3] = account->carer_id != NULL ? account->carer_id : "";
  values[4] = account->device_id;
  values[5] = account->token;

  if (!cf_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (!cf_store_set_meta (store, keys[i], values[i], error))
        {
          cf_store_rollback (store);
          return FALSE;
        }
    }

  return cf_store_commit (store, error);
}

/**
 * cf_sync_local_dup_account:
 *
 * Returns: (transfer full) (nullable): the account, or %NULL with @error unset when this
 *   profile is not signed in to a server
 */
CfSyncAccount *
cf_sync_local_dup_account (CfStore  *store,
                           GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(CfSyncAccount) account = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);

  /* One statement, so that an account being replaced on another connection is read whole. */
  stmt = cf_store_prepare (store,
                           "SELECT key, value FROM meta WHERE key IN ('" META_SERVER_URL "', '"
                           META_USER "', '" META_ROLE "', '" META_CARER_ID "', '"
                           META_DEVICE_ID "', '" META_TOKEN "')",
                           error);
  if (stmt == NULL)
    return NULL;

  account = g_new0 (CfSyncAccount, 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 1));

      if (strcmp (key, META_SERVER_URL) == 0)
        account->server_url = value;
      else if (strcmp (key, META_USER) == 0)
        account->user = value;
      else if (strcmp (key, META_ROLE) == 0)
        account->role = value;
      else if (strcmp (key, META_CARER_ID) == 0)
        account->carer_id = value;
      else if (strcmp (key, META_DEVICE_ID) == 0)
        account->device_id = value;
      else
        account->token = value;
    }

  if (rc != SQLITE_DONE)
    {
      cf_database_set_error (error, sqlite3_db_handle (stmt), _("read the sync account"));
      return NULL;
    }

  /* Signed out: no server, or no token to show it. */
  if (account->server_url == NULL || account->token == NULL)
    return NULL;

  if (account->user == NULL)
    account->user = g_strdup ("");
  if (account->role == NULL)
    account->role = g_strdup ("");
  if (account->carer_id == NULL)
    account->carer_id = g_strdup ("");
  if (account->device_id == NULL)
    account->device_id = g_strdup ("");

  return g_steal_pointer (&account);
}

/**
 * cf_sync_local_clear_account:
 *
 * Forgets the account and the pull cursor, so that signing in again (perhaps to another
 * server) pulls from the start. Outbox rows are kept: they are this device's edits.
 */
gboolean
cf_sync_local_clear_account (CfStore  *store,
                             GError  **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), FALSE);

  if (!cf_store_begin (store, error))
    return FALSE;

  if (!cf_store_exec (store,
                      "DELETE FROM meta WHERE key IN ('" META_SERVER_URL "', '" META_USER "', '"
                      META_ROLE "', '" META_CARER_ID "', '" META_DEVICE_ID "', '" META_TOKEN
                      "', '" META_CURSOR "');",
                      error))
    {
      cf_store_rollback (store);
      return FALSE;
    }

  return cf_store_commit (store, error);
}

/**
 * cf_sync_local_dup_cursor:
 *
 * Returns: (transfer full): the cursor of the last pulled page applied; "" before the first
 *   pull, or %NULL with @error set
 */
char *
cf_sync_local_dup_cursor (CfStore  *store,
                          GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  char *cursor;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);

  cursor = cf_store_dup_meta (store, META_CURSOR, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return cursor != NULL ? cursor : g_strdup ("");
}

/**
 * cf_sync_local_reset_cursor:
 *
 * Forgets the pull cursor, so that the next pull starts from the beginning. Pulling again is
 * safe: records already here are updated in place, and edits not yet pushed are kept.
 */
gboolean
cf_sync_local_reset_cursor (CfStore  *store,
                            GError  **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), FALSE);

  return cf_store_set_meta (store, META_CURSOR, NULL, error);
}

/**
 * cf_sync_local_count_outbox:
 * @pending: (out) (optional): operations waiting to go up, sent already or not
 * @errors: (out) (optional): operations the server refused, kept for a person to see
 */
gboolean
cf_sync_local_count_outbox (CfStore  *store,
                            guint    *pending,
                            guint    *errors,
                            GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);

  /* From the per-carer counts (migration 6) rather than the outbox itself: the window asks
   * after every save, on its main thread, and a laptop that has never synced a large
   * caseload has hundreds of thousands of rows waiting. */
  stmt = cf_store_prepare (store,
                           "SELECT total (pending), total (errors) FROM outbox_carer",
                           error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return cf_database_set_error (error, sqlite3_db_handle (stmt), _("count the changes to sync"));

  if (pending != NULL)
    *pending = (guint) sqlite3_column_int64 (stmt, 0);
  if (errors != NULL)
    *errors = (guint) sqlite3_column_int64 (stmt, 1);

  return TRUE;
}

/* Values as the field table says ------------------------------------------------------------- */

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* @value as a @type field holds it on the wire, or %NULL if it cannot be one. Rows written
 * before schema 5 were GVariant text, where a flag and a number are told apart by type alone;
 * a flag read as 0 or 1, or a number read as a flag, is put right here. */
static JsonNode *
typed_value (CfFieldType  type,
             JsonNode    *value)
{
  switch (type)
    {
    case CF_FIELD_TEXT:
      if (holds_type (value, G_TYPE_STRING))
        return json_node_copy (value);
      return NULL;
    case CF_FIELD_BOOL:
      if (holds_type (value, G_TYPE_BOOLEAN))
        return json_node_copy (value);
      if (holds_type (value, G_TYPE_INT64))
        return json_node_init_boolean (json_node_alloc (), json_node_get_int (value) != 0);
      return NULL;
    case CF_FIELD_INT:
      if (holds_type (value, G_TYPE_INT64))
        return json_node_copy (value);
      if (holds_type (value, G_TYPE_BOOLEAN))
        return json_node_init_int (json_node_alloc (), json_node_get_boolean (value) ? 1 : 0);
      return NULL;
    default:
      g_assert_not_reached ();
    }
}

static void
bind_json (sqlite3_stmt *stmt,
           int           column,
           JsonNode     *value)
{
  GType type = json_node_get_value_type (value);

  if (type == G_TYPE_STRING)
    sqlite3_bind_text (stmt, column, json_node_get_string (value), -1, SQLITE_TRANSIENT);
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, column, json_node_get_boolean (value) ? 1 : 0);
  else
    sqlite3_bind_int64 (stmt, column, json_node_get_int (value));
}

static void
bind_empty (sqlite3_stmt *stmt,
            int           column,
            CfFieldType   type)
{
  if (type == CF_FIELD_TEXT)
    sqlite3_bind_text (stmt, column, "", -1, SQLITE_STATIC);
  else
    sqlite3_bind_int (stmt, column, 0);
}

/* Push: the next batch ---------------------------------------------------------------------- */

static CfSyncOp *
op_from_row (sqlite3_stmt  *stmt,
             GError       **error)
{
  const char *op_id = (const char *) sqlite3_column_text (stmt, 1);
  const char *entity = (const char *) sqlite3_column_text (stmt, 2);
  const char *record_id = (const char *) sqlite3_column_text (stmt, 3);
  const char *operation_text = (const char *) sqlite3_column_text (stmt, 4);
  const CfEntityInfo *info = cf_entities_lookup (entity);
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(CfSyncOp) op = NULL;
  g_autoptr(GList) names = NULL;
  CfSyncOperation operation;

  if (info == NULL)
    {
      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_UNKNOWN_ENTITY,
                   /* Translators: %s is the name of a kind of record */
                   _("This version of Carefield does not know records of the kind “%s”."),
                   entity);
      return NULL;
    }

  if (!cf_sync_operation_from_string (operation_text, &operation))
    {
      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                   /* Translators: %s is what the outbox holds instead of create, update or
                    * delete */
                   _("The change is of an unknown kind (“%s”)."), operation_text);
      return NULL;
    }

  fields = cf_store_parse_outbox_fields ((const char *) sqlite3_column_text (stmt, 6),
                                         (const char *) sqlite3_column_text (stmt, 7), error);
  if (fields == NULL)
    return NULL;

  op = cf_sync_op_new (op_id, entity, record_id, operation, sqlite3_column_int64 (stmt, 5));

  names = json_object_get_members (fields);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (fields, name);
      const CfField *field;
      JsonNode *typed;

      if (strcmp (name, CF_SYNC_FIELD_DELETED) == 0)
        typed = typed_value (CF_FIELD_BOOL, value);
      else if ((field = cf_entity_info_find_field (info, name)) != NULL)
        typed = typed_value (field->type, value);
      else
        {
          /* Not a field this version knows: passed on as it is (README, "Unknown members are
           * kept, never dropped"). */
          json_object_set_member (op->unknown_fields, name, json_node_copy (value));
          continue;
        }

      if (typed == NULL)
        {
          g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_BAD_FIELD,
                       /* Translators: %1$s is a field name, %2$s the name of a kind of record */
                       _("The field “%1$s” of the %2$s holds a value of the wrong type."),
                       name, entity);
          return NULL;
        }

      json_object_set_member (op->fields, name, typed);
    }

  return g_steal_pointer (&op);
}

typedef struct
{
  gint64    seq;
  char     *entity;
  char     *record_id;
  char     *why;
} RefusedRow;

static void
refused_row_free (RefusedRow *row)
{
  g_free (row->entity);
  g_free (row->record_id);
  g_free (row->why);
  g_free (row);
}

static gboolean
set_sync_state (CfStore     *store,
                const char  *entity,
                const char  *record_id,
                const char  *state,
                GError     **error)
{
  const CfEntityInfo *info = cf_entities_lookup (entity);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* Table names only ever come from the entity list, never from what was received. */
  if (info == NULL)
    return TRUE;

  sql = g_strdup_printf ("UPDATE %s SET sync_state = ? WHERE id = ?", info->entity);
  if ((stmt = cf_store_prepare (store, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record_id, -1, SQLITE_STATIC);

  return step_done (stmt, _("save the sync state"), error);
}

static gboolean
take_batch (CfStore    *store,
            guint       max_ops,
            GPtrArray  *batch,
            GError    **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) mark = NULL;
  g_autoptr(sqlite3_stmt) refuse = NULL;
  g_autoptr(GArray) sent = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func ((GDestroyNotify) refused_row_free);
  int rc;

  /* The oldest pending row of each record, and no other of that record: a later one is based
   * on the version this one will produce. Rows in error never hold anything back. */
  select = cf_store_prepare (store,
                             "SELECT seq, op_id, entity, record_id, operation, base_version, "
                             "fields, fields_format FROM outbox AS o "
                             "WHERE state = 'pending' AND seq = (SELECT min (seq) FROM outbox AS p "
                             "WHERE p.record_id = o.record_id AND p.entity = o.entity "
                             "AND p.state = 'pending') "
                             "ORDER BY seq LIMIT ?",
                             error);
  if (select == NULL)
    return FALSE;

  sqlite3_bind_int64 (select, 1, max_ops);

  /* Read first, write after: the rows written would otherwise change what the select sees. */
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      g_autoptr(GError) row_error = NULL;
      CfSyncOp *op = op_from_row (select, &row_error);

      if (op != NULL)
        {
          gint64 seq = sqlite3_column_int64 (select, 0);

          g_ptr_array_add (batch, op);
          g_array_append_val (sent, seq);
        }
      else
        {
          /* A row this program cannot read can never go up; marked an error, with why, it is
           * shown to a person and blocks nothing (DESIGN.md, "Results"). */
          RefusedRow *row = g_new0 (RefusedRow, 1);

          row->seq = sqlite3_column_int64 (select, 0);
          row->entity = g_strdup ((const char *) sqlite3_column_text (select, 2));
          row->record_id = g_strdup ((const char *) sqlite3_column_text (select, 3));
          row->why = g_strdup (row_error->message);
          g_ptr_array_add (refused, row);
        }
    }

  if (rc != SQLITE_DONE)
    return cf_database_set_error (error, sqlite3_db_handle (select), _("read the changes to sync"));

  mark = cf_store_prepare (store, "UPDATE outbox SET sent = 1 WHERE seq = ?", error);
  if (mark == NULL)
    return FALSE;
  refuse = cf_store_prepare (store, "UPDATE outbox SET state = 'error', error = ? WHERE seq = ?",
                             error);
  if (refuse == NULL)
    return FALSE;

  for (guint i = 0; i < sent->len; i++)
    {
      sqlite3_reset (mark);
      sqlite3_bind_int64 (mark, 1, g_array_index (sent, gint64, i));
      if (!step_done (mark, _("mark the changes as sent"), error))
        return FALSE;
    }

  for (guint i = 0; i < refused->len; i++)
    {
      RefusedRow *row = g_ptr_array_index (refused, i);

      sqlite3_reset (refuse);
      sqlite3_bind_text (refuse, 1, row->why, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (refuse, 2, row->seq);
      if (!step_done (refuse, _("mark a change that cannot be sent"), error) ||
          !set_sync_state (store, row->entity, row->record_id, "error", error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cf_sync_local_next_batch:
 * @max_ops: the most operations to take; no more than %CF_SYNC_MAX_OPS are ever taken
 *
 * Takes the next operations to push: the oldest waiting operation of each record (a later one
 * waits for a later batch, as its base version comes from this one's result), oldest first,
 * converted to the wire's types. They are marked sent in the same transaction, so later edits
 * are never folded into them; an operation that gets no result stays waiting and goes again
 * with the same op_id, which the server answers once (README, "Idempotent").
 *
 * Returns: (transfer full) (element-type CfSyncOp): the batch, empty when there is nothing
 *   to push, or %NULL with @error set
 */
GPtrArray *
cf_sync_local_next_batch (CfStore  *store,
                          guint     max_ops,
                          GError  **error)
{
  g_autoptr(GPtrArray) batch = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);

  batch = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_sync_op_free);
  max_ops = MIN (max_ops, CF_SYNC_MAX_OPS);
  if (max_ops == 0)
    return g_steal_pointer (&batch);

  /* One write transaction from the first read: an edit saved on the window's connection waits
   * for it, so nothing can be folded into a row between reading it and marking it sent. */
  if (!cf_store_begin (store, error))
    return NULL;

  if (!take_batch (store, max_ops, batch, error))
    {
      cf_store_rollback (store);
      return NULL;
    }

  if (!cf_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&batch);
}

/* Reading what the server sent --------------------------------------------------------------- */

static gboolean
malformed (GError     **error,
           const char  *what,
           const char  *why)
{
  g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
               /* Translators: %1$s is what was being read (“the answer to a push”, “a page of
                * changes”), %2$s what is wrong with it. */
               _("The server sent %1$s that this version of Carefield cannot read (%2$s). "
                 "Nothing has been changed; sync again later, or ask your coordinator."),
               what, why);
  return FALSE;
}

/* The envelope's "format": present, an integer, and one this program reads. */
static gboolean
check_format (JsonObject  *object,
              const char  *what,
              GError     **error)
{
  JsonNode *format = json_object_get_member (object, "format");
  gint64 version;

  if (!holds_type (format, G_TYPE_INT64))
    return malformed (error, what, _("“format” is not a number"));

  version = json_node_get_int (format);
  if (version > FORMAT_VERSION)
    {
      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_UNSUPPORTED_FORMAT,
                   /* Translators: %1$d and %2$d are version numbers of the sync format */
                   _("The server uses a newer sync format (%1$d) than this version of Carefield "
                     "understands (%2$d). Update Carefield to sync. Nothing has been changed."),
                   (int) MIN (version, G_MAXINT), FORMAT_VERSION);
      return FALSE;
    }

  if (version < 1)
    return malformed (error, what, _("“format” is not a version number"));

  return TRUE;
}

static JsonObject *
object_of (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* An optional string member: TRUE when absent (*value NULL) or a string, FALSE otherwise. */
static gboolean
optional_string (JsonObject  *object,
                 const char  *name,
                 const char **value)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;
  if (node == NULL)
    return TRUE;
  if (!holds_type (node, G_TYPE_STRING))
    return FALSE;

  *value = json_node_get_string (node);
  return TRUE;
}

/* Push: the results --------------------------------------------------------------------------- */

typedef enum
{
  RESULT_NONE,
  RESULT_APPLIED,
  RESULT_MERGED,
  RESULT_CONFLICT,
  RESULT_REJECTED,
} ResultKind;

/* One result, matched to its operation; what it points to belongs to the response. */
typedef struct
{
  ResultKind  kind;
  gint64      version;
  const char *reason;
  JsonArray  *conflicts;
} Result;

static ResultKind
result_kind (const char *text)
{
  static const struct { const char *name; ResultKind kind; } kinds[] = {
    { "applied", RESULT_APPLIED },
    { "merged", RESULT_MERGED },
    { "conflict", RESULT_CONFLICT },
    { "rejected", RESULT_REJECTED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (strcmp (text, kinds[i].name) == 0)
        return kinds[i].kind;
    }

  return RESULT_NONE;
}

static gboolean
read_conflicts (JsonArray    *conflicts,
                const char   *what,
                GError      **error)
{
  for (guint i = 0; i < json_array_get_length (conflicts); i++)
    {
      JsonObject *conflict = object_of (json_array_get_element (conflicts, i));
      JsonNode *field;

      if (conflict == NULL)
        return malformed (error, what, _("a conflict is not an object"));

      field = json_object_get_member (conflict, "field");
      if (!holds_type (field, G_TYPE_STRING) || *json_node_get_string (field) == '\0')
        return malformed (error, what, _("a conflict names no field"));

      if (!json_object_has_member (conflict, "client"))
        return malformed (error, what, _("a conflict has no value from this device"));
    }

  return TRUE;
}

/* Reads the whole response before anything is written, matching each result to its
 * operation by op_id (or by its index in the batch, for an operation whose op_id the server
 * could not read). Results for operations not in @batch are ignored. */
static gboolean
read_results (JsonNode   *response,
              GPtrArray  *batch,
              Result     *results,
              GError    **error)
{
  const char *what = _("an answer to a push");
  g_autoptr(GHashTable) by_op_id = g_hash_table_new (g_str_hash, g_str_equal);
  JsonObject *object = object_of (response);
  JsonArray *array;

  if (object == NULL)
    return malformed (error, what, _("not a JSON object"));

  if (!check_format (object, what, error))
    return FALSE;

  if ((array = array_member (object, "results")) == NULL)
    return malformed (error, what, _("no list of results"));

  for (guint i = 0; i < batch->len; i++)
    {
      CfSyncOp *op = g_ptr_array_index (batch, i);

      g_hash_table_insert (by_op_id, op->op_id, GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = object_of (json_array_get_element (array, i));
      JsonNode *node;
      const char *op_id;
      const char *reason;
      ResultKind kind;
      gint64 index = -1;
      Result *result;

      if (item == NULL)
        return malformed (error, what, _("a result is not an object"));

      node = json_object_get_member (item, "result");
      if (!holds_type (node, G_TYPE_STRING) ||
          (kind = result_kind (json_node_get_string (node))) == RESULT_NONE)
        return malformed (error, what, _("a result is of an unknown kind"));

      if (!optional_string (item, "op_id", &op_id))
        return malformed (error, what, _("an op_id is not text"));

      if (op_id != NULL)
        {
          guint found = GPOINTER_TO_UINT (g_hash_table_lookup (by_op_id, op_id));

          index = found > 0 ? (gint64) found - 1 : -1;
        }
      else
        {
          node = json_object_get_member (item, "index");
          if (!holds_type (node, G_TYPE_INT64))
            return malformed (error, what, _("a result names no operation"));
          index = json_node_get_int (node);
          if (index >= batch->len)
            index = -1;
        }

      if (kind != RESULT_REJECTED)
        {
          node = json_object_get_member (item, "version");
          if (!holds_type (node, G_TYPE_INT64) || json_node_get_int (node) < 0)
            return malformed (error, what, _("a result has no version"));
        }

      if (!optional_string (item, "reason", &reason))
        return malformed (error, what, _("a reason is not text"));

      if (kind == RESULT_CONFLICT)
        {
          JsonArray *conflicts = array_member (item, "conflicts");

          if (conflicts == NULL)
            return malformed (error, what, _("a conflict result lists no conflicts"));
          if (!read_conflicts (conflicts, what, error))
            return FALSE;
        }

      /* Not an operation of this batch: nothing here to apply it to. */
      if (index < 0)
        continue;

      result = &results[index];
      if (result->kind != RESULT_NONE)
        return malformed (error, what, _("two results for one operation"));

      result->kind = kind;
      result->reason = reason;
      if (kind != RESULT_REJECTED)
        result->version = json_object_get_int_member (item, "version");
      if (kind == RESULT_CONFLICT)
        result->conflicts = array_member (item, "conflicts");
    }

  return TRUE;
}

/* Settles a record whose outbox rows or conflicts changed: with nothing left waiting and no
 * conflict open, it is in step with the server. Otherwise its state stays what it was. */
static gboolean
settle_record (CfStore             *store,
               const CfEntityInfo  *info,
               const char          *record_id,
               GError             **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  sql = g_strdup_printf ("UPDATE %s SET sync_state = 'synced' WHERE id = ?1 "
                         "AND NOT EXISTS (SELECT 1 FROM outbox WHERE record_id = ?1 "
                         "AND entity = ?2) "
                         "AND NOT EXISTS (SELECT 1 FROM sync_conflict WHERE record_id = ?1 "
                         "AND entity = ?2 AND resolved_at = '')",
                         info->entity);
  if ((stmt = cf_store_prepare (store, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, record_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, info->entity, -1, SQLITE_STATIC);

  return step_done (stmt, _("save the sync state"), error);
}

static gboolean
set_version (CfStore             *store,
             const CfEntityInfo  *info,
             const char          *record_id,
             gint64               version,
             const char          *state,
             GError             **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* Never backwards: a pull on another connection may already have brought a later one. */
  sql = g_strdup_printf ("UPDATE %s SET version = max (version, ?1), "
                         "sync_state = coalesce (?2, sync_state) WHERE id = ?3",
                         info->entity);
  if ((stmt = cf_store_prepare (store, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, version);
  if (state != NULL)
    sqlite3_bind_text (stmt, 2, state, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, record_id, -1, SQLITE_STATIC);

  return step_done (stmt, _("save the record’s version"), error);
}

static char *
json_text (JsonNode *node)
{
  return node != NULL ? json_to_string (node, FALSE) : NULL;
}

static gboolean
insert_conflicts (CfStore          *store,
                  const CfSyncOp   *op,
                  JsonArray        *conflicts,
                  const char       *now,
                  GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = cf_store_prepare (store,
                           "INSERT INTO sync_conflict (entity, record_id, field, base, server, "
                           "client, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (conflicts); i++)
    {
      JsonObject *conflict = json_array_get_object_element (conflicts, i);
      g_autofree char *base = json_text (json_object_get_member (conflict, "base"));
      g_autofree char *server = json_text (json_object_get_member (conflict, "server"));
      g_autofree char *client = json_text (json_object_get_member (conflict, "client"));

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, op->entity, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, op->record_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, json_object_get_string_member (conflict, "field"), -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, base, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, server, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, client, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
      if (!step_done (stmt, _("keep a sync conflict"), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
apply_result (CfStore         *store,
              const CfSyncOp  *op,
              const Result    *result,
              const char      *now,
              CfSyncSummary   *summary,
              GError         **error)
{
  const CfEntityInfo *info = cf_entities_lookup (op->entity);
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 seq;
  int rc;

  find = cf_store_prepare (store, "SELECT seq FROM outbox WHERE op_id = ?", error);
  if (find == NULL)
    return FALSE;

  sqlite3_bind_text (find, 1, op->op_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (find);
  if (rc == SQLITE_DONE)
    return TRUE;  /* Already answered, by an earlier call with the same results. */
  if (rc != SQLITE_ROW)
    return cf_database_set_error (error, sqlite3_db_handle (find), _("read the changes to sync"));
  seq = sqlite3_column_int64 (find, 0);

  if (result->kind == RESULT_REJECTED)
    {
      /* DESIGN.md, "Results": marked an error on its row and shown; the rows behind it go on. */
      stmt = cf_store_prepare (store,
                               "UPDATE outbox SET state = 'error', error = ? WHERE seq = ?", error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1,
                         result->reason != NULL ? result->reason
                                                : _("The server refused this change."),
                         -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, seq);
      if (!step_done (stmt, _("mark a refused change"), error))
        return FALSE;

      summary->errors++;
      return set_sync_state (store, op->entity, op->record_id, "error", error);
    }

  stmt = cf_store_prepare (store, "DELETE FROM outbox WHERE seq = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, seq);
  if (!step_done (stmt, _("clear a change that was synced"), error))
    return FALSE;

  if (result->kind == RESULT_APPLIED)
    {
      g_autoptr(sqlite3_stmt) rebase = NULL;

      /* The server took exactly this change onto the base it was made on, so its version is
       * this device's edits and nothing else: the record's next operations build on it.
       * (After "merged" they do not: that version holds others' changes those operations
       * never saw, and a base that claimed to have seen them would overwrite them.) */
      rebase = cf_store_prepare (store,
                                 "UPDATE outbox SET base_version = ? WHERE record_id = ? "
                                 "AND entity = ? AND state = 'pending' AND seq > ?",
                                 error);
      if (rebase == NULL)
        return FALSE;

      sqlite3_bind_int64 (rebase, 1, result->version);
      sqlite3_bind_text (rebase, 2, op->record_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (rebase, 3, op->entity, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (rebase, 4, seq);
      if (!step_done (rebase, _("update the changes still to sync"), error))
        return FALSE;

      summary->pushed++;
    }
  else if (result->kind == RESULT_MERGED)
    {
      summary->merged++;
    }
  else
    {
      /* The server kept its values for these fields; both are kept here too, for a person. */
      if (!insert_conflicts (store, op, result->conflicts, now, error))
        return FALSE;

      summary->conflicts++;
    }

  if (info == NULL)
    return TRUE;

  return set_version (store, info, op->record_id, result->version,
                      result->kind == RESULT_CONFLICT ? "conflict" : NULL, error) &&
         settle_record (store, info, op->record_id, error);
}

/**
 * cf_sync_local_apply_results:
 * @batch: (element-type CfSyncOp): the batch pushed, from cf_sync_local_next_batch()
 * @response: the server's answer: `{"format": 1, "results": […]}`
 * @summary: (inout): counts to add to
 *
 * Applies the results of a push in one transaction. Applied and merged operations leave the
 * outbox and give the record the server's version; a conflict also keeps each field in
 * conflict for a person to resolve; a rejected operation stays, marked an error with the
 * server's reason. An operation without a result stays waiting, to be sent again.
 *
 * Returns: %FALSE with @error set, and nothing changed, for a response of the wrong shape
 *   (%CF_SYNC_ERROR_MALFORMED) or of a newer format (%CF_SYNC_ERROR_UNSUPPORTED_FORMAT)
 */
gboolean
cf_sync_local_apply_results (CfStore        *store,
                             GPtrArray      *batch,
                             JsonNode       *response,
                             CfSyncSummary  *summary,
                             GError        **error)
{
  g_autofree Result *results = NULL;
  g_autofree char *now = NULL;
  CfSyncSummary counts = { 0 };

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);

  results = g_new0 (Result, MAX (batch->len, 1));
  if (!read_results (response, batch, results, error))
    return FALSE;

  now = cf_clock_now_iso8601 (cf_store_get_clock (store));

  if (!cf_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < batch->len; i++)
    {
      if (results[i].kind == RESULT_NONE)
        continue;

      if (!apply_result (store, g_ptr_array_index (batch, i), &results[i], now, &counts, error))
        {
          cf_store_rollback (store);
          return FALSE;
        }
    }

  if (!cf_store_commit (store, error))
    return FALSE;

  if (summary != NULL)
    {
      summary->pushed += counts.pushed;
      summary->merged += counts.merged;
      summary->conflicts += counts.conflicts;
      summary->errors += counts.errors;
    }

  return TRUE;
}

/* Pull -------------------------------------------------------------------------------------- */

/* One record of a page, read and checked; what it points to belongs to the page. */
typedef struct
{
  const CfEntityInfo *info;
  const char         *id;
  gint64              version;
  JsonNode           *deleted;
  const char         *updated_at;
  const char         *updated_by;
  JsonObject         *fields;
} Pulled;

typedef struct
{
  GArray     *records;    /* Pulled, for entities this program knows */
  GPtrArray  *removed;    /* carer ids (const char *) */
  const char *next;
  gboolean    more;
} Page;

static gboolean
read_pulled (JsonObject  *record,
             Pulled      *pulled,
             const char  *what,
             GError     **error)
{
  JsonNode *node;
  const char *entity;

  memset (pulled, 0, sizeof *pulled);

  if (!optional_string (record, "entity", &entity) || entity == NULL)
    return malformed (error, what, _("a record has no kind"));
  if (!optional_string (record, "id", &pulled->id) || pulled->id == NULL ||
      *pulled->id == '\0')
    return malformed (error, what, _("a record has no id"));

  node = json_object_get_member (record, "version");
  if (!holds_type (node, G_TYPE_INT64) || json_node_get_int (node) < 0)
    return malformed (error, what, _("a record has no version"));
  pulled->version = json_node_get_int (node);

  node = json_object_get_member (record, "deleted");
  if (node != NULL && !holds_type (node, G_TYPE_BOOLEAN))
    return malformed (error, what, _("a record’s “deleted” is not true or false"));
  pulled->deleted = node;

  if (!optional_string (record, "updated_at", &pulled->updated_at) ||
      !optional_string (record, "updated_by", &pulled->updated_by))
    return malformed (error, what,
                      _("a record’s “updated_at” or “updated_by” is not text"));

  if ((pulled->fields = object_of (json_object_get_member (record, "fields"))) == NULL)
    return malformed (error, what, _("a record has no fields"));

  /* A kind of record from a newer version is skipped, not refused: it cannot be stored here,
   * and the rest of the page can. */
  pulled->info = cf_entities_lookup (entity);

  return TRUE;
}

static gboolean
read_page (JsonNode  *node,
           Page      *page,
           GError   **error)
{
  const char *what = _("a page of changes");
  JsonObject *object = object_of (node);
  JsonArray *records;
  JsonArray *removed;
  JsonNode *member;

  if (object == NULL)
    return malformed (error, what, _("not a JSON object"));

  if (!check_format (object, what, error))
    return FALSE;

  if ((records = array_member (object, "records")) == NULL)
    return malformed (error, what, _("no list of records"));
  if ((removed = array_member (object, "removed")) == NULL)
    return malformed (error, what, _("no list of removed records"));

  if (!optional_string (object, "next", &page->next) || page->next == NULL)
    return malformed (error, what, _("no cursor for the next page"));

  member = json_object_get_member (object, "more");
  if (!holds_type (member, G_TYPE_BOOLEAN))
    return malformed (error, what, _("no “more”"));
  page->more = json_node_get_boolean (member);

  for (guint i = 0; i < json_array_get_length (records); i++)
    {
      JsonObject *record = object_of (json_array_get_element (records, i));
      Pulled pulled;

      if (record == NULL)
        return malformed (error, what, _("a record is not an object"));
      if (!read_pulled (record, &pulled, what, error))
        return FALSE;
      if (pulled.info != NULL)
        g_array_append_val (page->records, pulled);
    }

  for (guint i = 0; i < json_array_get_length (removed); i++)
    {
      JsonObject *item = object_of (json_array_get_element (removed, i));
      const char *entity;
      const char *id;

      if (item == NULL)
        return malformed (error, what, _("a removed record is not an object"));
      if (!optional_string (item, "entity", &entity) || entity == NULL ||
          !optional_string (item, "id", &id) || id == NULL || *id == '\0')
        return malformed (error, what, _("a removed record has no kind or id"));

      /* Scope is by carer (DESIGN.md, "Scope"): a carer's records leave with them. */
      if (strcmp (entity, "carer") == 0)
        g_ptr_array_add (page->removed, (gpointer) id);
    }

  return TRUE;
}

/* The names of the fields (and "deleted") this device has edits of still in the outbox,
 * waiting or refused: a pull leaves those alone. Sets *all when a row cannot be read, so
 * that nothing of the record is overwritten. */
static GHashTable *
dup_unpushed_fields (CfStore             *store,
                     const CfEntityInfo  *info,
                     const char          *record_id,
                     gboolean            *all,
                     GError             **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *all = FALSE;

  stmt = cf_store_prepare (store,
                           "SELECT fields, fields_format FROM outbox "
                           "WHERE record_id = ? AND entity = ?",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, record_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, info->entity, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JsonObject) fields = NULL;
      g_autoptr(GList) members = NULL;

      fields = cf_store_parse_outbox_fields ((const char *) sqlite3_column_text (stmt, 0),
                                             (const char *) sqlite3_column_text (stmt, 1), NULL);
      if (fields == NULL)
        {
          *all = TRUE;
          continue;
        }

      members = json_object_get_members (fields);
      for (GList *l = members; l != NULL; l = l->next)
        g_hash_table_add (names, g_strdup (l->data));
    }

  if (rc != SQLITE_DONE)
    {
      cf_database_set_error (error, sqlite3_db_handle (stmt), _("read the changes to sync"));
      return NULL;
    }

  return g_steal_pointer (&names);
}

/* The columns of @info's table that a new row must be given: NOT NULL and without a default.
 * A pulled record missing one of them (or holding it with the wrong type) is still stored, with
 * the field empty, rather than holding up every page after it. */
static GHashTable *
columns_without_default (CfStore             *store,
                         const CfEntityInfo  *info,
                         GHashTable          *cache,
                         GError             **error)
{
  g_autoptr(GHashTable) columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTable *cached;
  int rc;

  if ((cached = g_hash_table_lookup (cache, info->entity)) != NULL)
    return cached;

  sql = g_strdup_printf ("PRAGMA table_info (%s)", info->entity);
  if ((stmt = cf_store_prepare (store, sql, error)) == NULL)
    return NULL;

  columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      /* cid, name, type, notnull, dflt_value, pk */
      if (sqlite3_column_int (stmt, 3) != 0 && sqlite3_column_type (stmt, 4) == SQLITE_NULL &&
          sqlite3_column_int (stmt, 5) == 0)
        g_hash_table_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }

  if (rc != SQLITE_DONE)
    {
      cf_database_set_error (error, sqlite3_db_handle (stmt), _("read the database"));
      return NULL;
    }

  cached = g_steal_pointer (&columns);
  g_hash_table_insert (cache, (gpointer) info->entity, cached);

  return cached;
}

/* The pulled value of @field in a form its column takes, or %NULL when it is missing or of
 * the wrong type: then it is skipped, never fatal. */
static JsonNode *
pulled_value (const Pulled  *pulled,
              const CfField *field)
{
  JsonNode *value = json_object_get_member (pulled->fields, field->name);

  if (value == NULL)
    return NULL;

  switch (field->type)
    {
    case CF_FIELD_TEXT:
      return holds_type (value, G_TYPE_STRING) ? value : NULL;
    case CF_FIELD_BOOL:
      return holds_type (value, G_TYPE_BOOLEAN) ? value : NULL;
    case CF_FIELD_INT:
      return holds_type (value, G_TYPE_INT64) ? value : NULL;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
insert_pulled (CfStore       *store,
               const Pulled  *pulled,
               GHashTable    *defaults_cache,
               GError       **error)
{
  const CfEntityInfo *info = pulled->info;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GHashTable *required;
  int column = 1;

  if ((required = columns_without_default (store, info, defaults_cache, error)) == NULL)
    return FALSE;

  g_string_append_printf (sql, "INSERT INTO %s (id, version, sync_state, updated_at, updated_by, "
                          "deleted", info->entity);
  g_string_append (values, "?, ?, 'synced', ?, ?, ?");
  for (guint i = 0; i < info->n_fields; i++)
    {
      if (pulled_value (pulled, &info->fields[i]) != NULL ||
          g_hash_table_contains (required, info->fields[i].name))
        {
          g_string_append_printf (sql, ", %s", info->fields[i].name);
          g_string_append (values, ", ?");
        }
    }
  g_string_append_printf (sql, ") VALUES (%s)", values->str);

  if ((stmt = cf_store_prepare (store, sql->str, error)) == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, column++, pulled->id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, column++, pulled->version);
  sqlite3_bind_text (stmt, column++, pulled->updated_at ? pulled->updated_at : "", -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, column++, pulled->updated_by ? pulled->updated_by : "", -1,
                     SQLITE_STATIC);
  sqlite3_bind_int (stmt, column++,
                    pulled->deleted != NULL && json_node_get_boolean (pulled->deleted));
  for (guint i = 0; i < info->n_fields; i++)
    {
      JsonNode *value = pulled_value (pulled, &info->fields[i]);

      if (value != NULL)
        bind_json (stmt, column++, value);
      else if (g_hash_table_contains (required, info->fields[i].name))
        bind_empty (stmt, column++, info->fields[i].type);
    }

  return step_done (stmt, _("save a record from the server"), error);
}

static gboolean
update_pulled (CfStore       *store,
               const Pulled  *pulled,
               gint64         local_version,
               GError       **error)
{
  const CfEntityInfo *info = pulled->info;
  g_autoptr(GHashTable) unpushed = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean all_unpushed;
  gboolean write_deleted;
  int column = 1;

  /* The server sends each record as it now stands, so an older version than this device
   * already has (from the result of its own push) is out of date: its values would undo
   * newer ones, and the newer state is on its way in a later page. */
  if (pulled->version < local_version)
    return TRUE;

  unpushed = dup_unpushed_fields (store, info, pulled->id, &all_unpushed, error);
  if (unpushed == NULL)
    return FALSE;

  /* DESIGN.md: a pulled record never overwrites fields with unpushed local edits. The version
   * never goes back, and the server's word on who changed it last is taken. */
  write_deleted = pulled->deleted != NULL && !all_unpushed &&
                  !g_hash_table_contains (unpushed, CF_SYNC_FIELD_DELETED);

  g_string_append_printf (sql, "UPDATE %s SET version = max (version, ?)", info->entity);
  if (pulled->updated_at != NULL)
    g_string_append (sql, ", updated_at = ?");
  if (pulled->updated_by != NULL)
    g_string_append (sql, ", updated_by = ?");
  if (write_deleted)
    g_string_append (sql, ", deleted = ?");
  for (guint i = 0; i < info->n_fields && !all_unpushed; i++)
    {
      if (pulled_value (pulled, &info->fields[i]) != NULL &&
          !g_hash_table_contains (unpushed, info->fields[i].name))
        g_string_append_printf (sql, ", %s = ?", info->fields[i].name);
    }
  g_string_append (sql, " WHERE id = ?");

  if ((stmt = cf_store_prepare (store, sql->str, error)) == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, column++, pulled->version);
  if (pulled->updated_at != NULL)
    sqlite3_bind_text (stmt, column++, pulled->updated_at, -1, SQLITE_STATIC);
  if (pulled->updated_by != NULL)
    sqlite3_bind_text (stmt, column++, pulled->updated_by, -1, SQLITE_STATIC);
  if (write_deleted)
    sqlite3_bind_int (stmt, column++, json_node_get_boolean (pulled->deleted));
  for (guint i = 0; i < info->n_fields && !all_unpushed; i++)
    {
      JsonNode *value = pulled_value (pulled, &info->fields[i]);

      if (value != NULL && !g_hash_table_contains (unpushed, info->fields[i].name))
        bind_json (stmt, column++, value);
    }
  sqlite3_bind_text (stmt, column++, pulled->id, -1, SQLITE_STATIC);

  if (!step_done (stmt, _("save a record from the server"), error))
    return FALSE;

  /* In step with the server only if nothing of it waits to go up and no conflict is open. */
  return settle_record (store, info, pulled->id, error);
}

static gboolean
apply_pulled (CfStore       *store,
              const Pulled  *pulled,
              GHashTable    *defaults_cache,
              GError       **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  sql = g_strdup_printf ("SELECT version FROM %s WHERE id = ?", pulled->info->entity);
  if ((stmt = cf_store_prepare (store, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, pulled->id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return insert_pulled (store, pulled, defaults_cache, error);
  if (rc != SQLITE_ROW)
    return cf_database_set_error (error, sqlite3_db_handle (stmt), _("read the database"));

  return update_pulled (store, pulled, sqlite3_column_int64 (stmt, 0), error);
}

static gboolean
exec_printf (CfStore     *store,
             GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (3, 4);

static gboolean
exec_printf (CfStore     *store,
             GError     **error,
             const char  *format,
             ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return cf_store_exec (store, sql, error);
}

/* Removes a carer who has left this device's scope with everything that belongs to them,
 * found by following parent links (cf_entities), unless any of it has an edit waiting or
 * refused in the outbox: then everything of theirs stays, because an edit must never vanish.
 * Hard deletes, with no outbox rows and no tombstones: the records are not deleted for
 * anyone else, only gone from this device; secure_delete overwrites them. */
static gboolean
remove_carer (CfStore     *store,
              const char  *carer_id,
              gboolean    *removed,
              GError     **error)
{
  const CfEntityInfo *entities;
  guint n_entities;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean had_carer;
  gboolean unpushed;

  *removed = FALSE;
  entities = cf_entities_get_all (&n_entities);

  if (!cf_store_exec (store,
                      "CREATE TEMP TABLE IF NOT EXISTS sync_removal ("
                      "  entity TEXT NOT NULL, id TEXT NOT NULL);"
                      "DELETE FROM temp.sync_removal;",
                      error))
    return FALSE;

  stmt = cf_store_prepare (store,
                           "INSERT INTO temp.sync_removal (entity, id) VALUES ('carer', ?)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, carer_id, -1, SQLITE_STATIC);
  if (!step_done (stmt, _("remove a carer"), error))
    return FALSE;

  /* Parents come before their children in the entity list, so one pass finds everything. */
  for (guint i = 0; i < n_entities; i++)
    {
      const CfEntityInfo *info = &entities[i];

      if (info->parent_entity == NULL)
        continue;

      if (!exec_printf (store, error,
                        "INSERT INTO temp.sync_removal (entity, id) SELECT '%s', id FROM %s "
                        "WHERE %s IN (SELECT id FROM temp.sync_removal WHERE entity = '%s');",
                        info->entity, info->entity, info->parent_field, info->parent_entity))
        return FALSE;
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = cf_store_prepare (store,
                           "SELECT EXISTS (SELECT 1 FROM carer WHERE id = ?), "
                           "EXISTS (SELECT 1 FROM outbox AS o JOIN temp.sync_removal AS r "
                           "ON o.entity = r.entity AND o.record_id = r.id)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, carer_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return cf_database_set_error (error, sqlite3_db_handle (stmt), _("remove a carer"));
  had_carer = sqlite3_column_int (stmt, 0) != 0;
  unpushed = sqlite3_column_int (stmt, 1) != 0;

  if (unpushed)
    return cf_store_exec (store, "DELETE FROM temp.sync_removal;", error);

  /* Children first, though foreign keys are off while a page is applied. */
  for (guint i = n_entities; i-- > 0;)
    {
      if (!exec_printf (store, error,
                        "DELETE FROM %s WHERE id IN "
                        "(SELECT id FROM temp.sync_removal WHERE entity = '%s');",
                        entities[i].entity, entities[i].entity))
        return FALSE;
    }

  if (!cf_store_exec (store,
                      "DELETE FROM sync_conflict WHERE EXISTS (SELECT 1 FROM temp.sync_removal "
                      "AS r WHERE r.entity = sync_conflict.entity "
                      "AND r.id = sync_conflict.record_id);"
                      "DELETE FROM temp.sync_removal;",
                      error))
    return FALSE;

  *removed = had_carer;
  return TRUE;
}

static char *
describe_page (const CfSyncSummary *counts)
{
  /* The audit trail's own words, not shown translated: counts, never personal data. */
  return g_strdup_printf ("pulled %u %s, removed %u %s",
                          counts->pulled, counts->pulled == 1 ? "record" : "records",
                          counts->removed, counts->removed == 1 ? "carer" : "carers");
}

static gboolean
apply_page (CfStore        *store,
            const Page     *page,
            CfSyncSummary  *counts,
            GError        **error)
{
  g_autoptr(GHashTable) defaults_cache =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < page->records->len; i++)
    {
      if (!apply_pulled (store, &g_array_index (page->records, Pulled, i), defaults_cache,
                         error))
        return FALSE;
      counts->pulled++;
    }

  for (guint i = 0; i < page->removed->len; i++)
    {
      gboolean removed;

      if (!remove_carer (store, g_ptr_array_index (page->removed, i), &removed, error))
        return FALSE;
      if (removed)
        counts->removed++;
    }

  /* DESIGN.md, "Pull": the cursor is saved with its page, so an interrupted pull resumes
   * where it stopped. */
  if (!cf_store_set_meta (store, META_CURSOR, page->next, error))
    return FALSE;

  /* An empty page changes nothing, and a sync on a timer would fill the trail with them. */
  if (counts->pulled > 0 || counts->removed > 0)
    {
      g_autofree char *detail = describe_page (counts);

      if (!cf_store_audit (store, CF_AUDIT_SYNC, "sync", NULL, detail, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cf_sync_local_apply_page:
 * @page: a page of `GET /api/v1/changes`: `{"format": 1, "records": […], "removed": […],
 *   "next": "…", "more": true|false}`
 * @more: (out): whether to ask for another page
 * @summary: (inout): counts to add to
 *
 * Applies a pulled page in one transaction with its cursor, so that an interrupted pull
 * resumes where it stopped. Records are added or updated (never a field with an edit still in
 * the outbox); fields and kinds of record this version does not know are skipped. Carers that
 * left this device's scope are removed with all their records, unless something of theirs is
 * still waiting to go up. Foreign keys are off while the page is applied, as a page may hold a
 * record before the one it belongs to.
 *
 * Returns: %FALSE with @error set, and nothing changed (the cursor included), for a page of
 *   the wrong shape (%CF_SYNC_ERROR_MALFORMED) or a newer format
 *   (%CF_SYNC_ERROR_UNSUPPORTED_FORMAT)
 */
gboolean
cf_sync_local_apply_page (CfStore        *store,
                          JsonNode       *page,
                          gboolean       *more,
                          CfSyncSummary  *summary,
                          GError        **error)
{
  g_autoptr(GArray) records = g_array_new (FALSE, FALSE, sizeof (Pulled));
  g_autoptr(GPtrArray) removed = g_ptr_array_new ();
  Page parsed = { records, removed, NULL, FALSE };
  CfSyncSummary counts = { 0 };
  gboolean ok;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (more != NULL, FALSE);

  *more = FALSE;

  if (!read_page (page, &parsed, error))
    return FALSE;

  /* PRAGMA foreign_keys does nothing inside a transaction: off before it, on after. */
  if (!cf_store_exec (store, "PRAGMA foreign_keys = OFF;", error))
    return FALSE;

  ok = cf_store_begin (store, error);
  if (ok && !apply_page (store, &parsed, &counts, error))
    {
      cf_store_rollback (store);
      ok = FALSE;
    }
  else if (ok)
    {
      ok = cf_store_commit (store, error);
    }

  if (!cf_store_exec (store, "PRAGMA foreign_keys = ON;", ok ? error : NULL))
    ok = FALSE;

  if (!ok)
    return FALSE;

  *more = parsed.more;
  if (summary != NULL)
    {
      summary->pulled += counts.pulled;
      summary->removed += counts.removed;
    }

  return TRUE;
}

/* The audit trail --------------------------------------------------------------------------- */

/* The seq of the newest audit row the server has taken; 0 before the first. */
static gboolean
get_audit_sent (CfStore  *store,
                gint64   *seq,
                GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = cf_store_dup_meta (store, META_AUDIT_SENT, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* Unreadable, it counts as nothing sent: the server keeps one copy of each entry however
   * often it comes, so sending the trail again costs time and loses nothing. */
  if (text == NULL || !g_ascii_string_to_signed (text, 10, 0, G_MAXINT64, seq, NULL))
    *seq = 0;

  return TRUE;
}

/* @text as the server takes it: valid UTF-8 of at most CF_SYNC_AUDIT_MAX_TEXT_BYTES, cut
 * between characters and ending in "…" if it had to be cut; "" for none. The row itself keeps
 * every byte. */
static char *
audit_text (const char *text)
{
  static const char ellipsis[] = "…";
  g_autofree char *valid = NULL;
  const char *cut;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  if (strlen (valid) <= CF_SYNC_AUDIT_MAX_TEXT_BYTES)
    return g_steal_pointer (&valid);

  /* Cut at the start of the character holding the last byte that leaves room for the
   * ellipsis. */
  cut = g_utf8_find_prev_char (valid,
                               valid + CF_SYNC_AUDIT_MAX_TEXT_BYTES - strlen (ellipsis) + 1);
  return g_strdup_printf ("%.*s%s", (int) (cut - valid), valid, ellipsis);
}

/**
 * cf_sync_local_next_audit_batch:
 * @max: the most entries to take; no more than %CF_SYNC_AUDIT_MAX_ENTRIES are ever taken
 * @last_seq: (out): the seq of the newest row in the batch, for cf_sync_local_audit_sent();
 *   left as it was when there is no batch
 *
 * The audit rows the server has not taken yet, oldest first, as the body of
 * `POST /api/v1/audit` (src/sync/README.md): `{"format": 1, "entries": […]}`. Each entry says
 * what the row says, with "" for a row's missing record id or detail, and texts made to fit
 * the server's limits (valid UTF-8, at most %CF_SYNC_AUDIT_MAX_TEXT_BYTES bytes, cut with
 * "…"). The rows are only read: nothing is marked until the server has answered.
 *
 * Returns: (transfer full) (nullable): the request body; %NULL with @error unset when every
 *   row has been taken already (never a batch of no entries), or %NULL with @error set
 */
JsonNode *
cf_sync_local_next_audit_batch (CfStore  *store,
                                guint     max,
                                gint64   *last_seq,
                                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(JsonArray) entries = NULL;
  JsonObject *object;
  JsonNode *node;
  gint64 sent = 0;
  gint64 newest = 0;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (last_seq != NULL, NULL);

  max = MIN (max, CF_SYNC_AUDIT_MAX_ENTRIES);
  if (max == 0 || !get_audit_sent (store, &sent, error))
    return NULL;

  stmt = cf_store_prepare (store,
                           "SELECT seq, id, at, user_name, device_id, action, entity, "
                           "record_id, detail FROM audit WHERE seq > ? ORDER BY seq LIMIT ?",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, sent);
  sqlite3_bind_int64 (stmt, 2, max);

  entries = json_array_new ();
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      static const char * const names[] = {
        "id", "at", "user_name", "device_id", "action", "entity", "record_id", "detail",
      };
      JsonObject *entry = json_object_new ();

      newest = sqlite3_column_int64 (stmt, 0);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *text =
            audit_text ((const char *) sqlite3_column_text (stmt, i + 1));

          json_object_set_string_member (entry, names[i], text);
        }
      json_array_add_object_element (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      cf_database_set_error (error, sqlite3_db_handle (stmt), _("read the audit trail"));
      return NULL;
    }

  if (json_array_get_length (entries) == 0)
    return NULL;

  object = json_object_new ();
  json_object_set_int_member (object, "format", FORMAT_VERSION);
  json_object_set_array_member (object, "entries", g_steal_pointer (&entries));
  node = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  *last_seq = newest;
  return node;
}

/**
 * cf_sync_local_audit_sent:
 * @last_seq: the seq cf_sync_local_next_audit_batch() gave for a batch the server took
 *
 * Notes that the server has every audit row up to @last_seq, so that they are not sent
 * again. The rows stay: the trail is append-only here as well. A @last_seq older than one
 * noted already changes nothing.
 */
gboolean
cf_sync_local_audit_sent (CfStore  *store,
                          gint64    last_seq,
                          GError  **error)
{
  g_autofree char *text = NULL;
  gint64 sent = 0;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (last_seq >= 0, FALSE);

  if (!cf_store_begin (store, error))
    return FALSE;

  if (!get_audit_sent (store, &sent, error))
    {
      cf_store_rollback (store);
      return FALSE;
    }

  if (last_seq > sent)
    {
      text = g_strdup_printf ("%" G_GINT64_FORMAT, last_seq);
      if (!cf_store_set_meta (store, META_AUDIT_SENT, text, error))
        {
          cf_store_rollback (store);
          return FALSE;
        }
    }

  return cf_store_commit (store, error);
}

/* Conflicts --------------------------------------------------------------------------------- */

G_DEFINE_BOXED_TYPE (CfSyncConflict, cf_sync_conflict, cf_sync_conflict_copy,
                     cf_sync_conflict_free)

CfSyncConflict *
cf_sync_conflict_copy (const CfSyncConflict *conflict)
{
  CfSyncConflict *copy;

  g_return_val_if_fail (conflict != NULL, NULL);

  copy = g_new0 (CfSyncConflict, 1);
  copy->id = conflict->id;
  copy->entity = g_strdup (conflict->entity);
  copy->record_id = g_strdup (conflict->record_id);
  copy->field = g_strdup (conflict->field);
  copy->base = g_strdup (conflict->base);
  copy->server = g_strdup (conflict->server);
  copy->client = g_strdup (conflict->client);
  copy->reported_at = g_strdup (conflict->reported_at);

  return copy;
}

void
cf_sync_conflict_free (CfSyncConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->entity);
  g_free (conflict->record_id);
  g_free (conflict->field);
  g_free (conflict->base);
  g_free (conflict->server);
  g_free (conflict->client);
  g_free (conflict->reported_at);
  g_free (conflict);
}

/**
 * cf_sync_local_list_conflicts:
 * @record_id: (nullable): one record's conflicts, or %NULL for every record's
 *
 * Returns: (transfer full) (element-type CfSyncConflict): the conflicts not yet resolved,
 *   oldest first, or %NULL with @error set
 */
GPtrArray *
cf_sync_local_list_conflicts (CfStore     *store,
                              const char  *record_id,
                              GError     **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);

  stmt = cf_store_prepare (store,
                           "SELECT id, entity, record_id, field, base, server, client, "
                           "reported_at FROM sync_conflict WHERE resolved_at = '' "
                           "AND (?1 IS NULL OR record_id = ?1) ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;

  if (record_id != NULL)
    sqlite3_bind_text (stmt, 1, record_id, -1, SQLITE_STATIC);

  conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_sync_conflict_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfSyncConflict *conflict = g_new0 (CfSyncConflict, 1);

      conflict->id = sqlite3_column_int64 (stmt, 0);
      conflict->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      conflict->record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      conflict->field = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      conflict->base = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      conflict->server = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      conflict->client = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      conflict->reported_at = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_ptr_array_add (conflicts, conflict);
    }

  if (rc != SQLITE_DONE)
    {
      cf_database_set_error (error, sqlite3_db_handle (stmt), _("read the sync conflicts"));
      return NULL;
    }

  return g_steal_pointer (&conflicts);
}

typedef struct
{
  gint64              id;
  const CfEntityInfo *info;
  const char         *record_id;
  const char         *now;
} Resolution;

/* In the save's transaction: the conflict is resolved with the record's new value. */
static gboolean
mark_resolved (CfStore   *store,
               gpointer   user_data,
               GError   **error)
{
  Resolution *resolution = user_data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  stmt = cf_store_prepare (store,
                           "UPDATE sync_conflict SET resolved_at = ? "
                           "WHERE id = ? AND resolved_at = ''",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, resolution->now, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, resolution->id);
  if (!step_done (stmt, _("resolve the conflict"), error))
    return FALSE;

  if (sqlite3_changes (sqlite3_db_handle (stmt)) != 1)
    {
      /* Resolved meanwhile, on another connection. */
      g_set_error_literal (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED,
                           _("This conflict has already been resolved."));
      return FALSE;
    }

  /* The save made the record "local"; with other conflicts still open it stays "conflict". */
  g_clear_pointer (&stmt, sqlite3_finalize);
  sql = g_strdup_printf ("UPDATE %s SET sync_state = 'conflict' WHERE id = ?1 AND EXISTS "
                         "(SELECT 1 FROM sync_conflict WHERE record_id = ?1 AND entity = ?2 "
                         "AND resolved_at = '')",
                         resolution->info->entity);
  if ((stmt = cf_store_prepare (store, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, resolution->record_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, resolution->info->entity, -1, SQLITE_STATIC);

  return step_done (stmt, _("save the sync state"), error);
}

static gboolean
set_field_from_json (CfRecord     *record,
                     const char   *field_name,
                     CfFieldType   type,
                     JsonNode     *value,
                     GError      **error)
{
  const char *wanted;

  switch (type)
    {
    case CF_FIELD_TEXT:
      if (holds_type (value, G_TYPE_STRING))
        {
          cf_record_set_text (record, field_name, json_node_get_string (value));
          return TRUE;
        }
      /* Translators: what a value must be, in “The value for … must be %s.” */
      wanted = _("text");
      break;
    case CF_FIELD_BOOL:
      if (holds_type (value, G_TYPE_BOOLEAN))
        {
          if (strcmp (field_name, CF_SYNC_FIELD_DELETED) == 0)
            cf_record_set_deleted (record, json_node_get_boolean (value));
          else
            cf_record_set_bool (record, field_name, json_node_get_boolean (value));
          return TRUE;
        }
      /* Translators: what a value must be, in “The value for … must be %s.” */
      wanted = _("true or false");
      break;
    case CF_FIELD_INT:
      if (holds_type (value, G_TYPE_INT64))
        {
          cf_record_set_int (record, field_name, json_node_get_int (value));
          return TRUE;
        }
      /* Translators: what a value must be, in “The value for … must be %s.” */
      wanted = _("a whole number");
      break;
    default:
      g_assert_not_reached ();
    }

  g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_BAD_FIELD,
               /* Translators: %1$s is a field name, %2$s what its value must be */
               _("The value for “%1$s” must be %2$s."), field_name, wanted);
  return FALSE;
}

/**
 * cf_sync_local_resolve:
 * @conflict_id: the conflict's id, from cf_sync_local_list_conflicts()
 * @value: the value a person chose: the server's, this device's or one of their own, typed
 *   as the field is on the wire (a string, true or false, or a whole number)
 *
 * Resolves a conflict: the record's field takes @value, saved through the ordinary save path
 * (an outbox operation takes it to the server, whichever value it is, and the change is
 * audited), and the conflict is marked resolved, in the same transaction. The record returns
 * to "local" once none of its conflicts is open.
 */
gboolean
cf_sync_local_resolve (CfStore     *store,
                       gint64       conflict_id,
                       JsonNode    *value,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *entity = NULL;
  g_autofree char *record_id = NULL;
  g_autofree char *field_name = NULL;
  g_autofree char *now = NULL;
  const CfEntityInfo *info;
  const CfField *field;
  CfRecord *record;
  Resolution resolution;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  stmt = cf_store_prepare (store,
                           "SELECT entity, record_id, field, resolved_at FROM sync_conflict "
                           "WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conflict_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_FOUND,
                           _("That conflict is no longer on this device."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return cf_database_set_error (error, sqlite3_db_handle (stmt), _("read the sync conflicts"));

  if (*(const char *) sqlite3_column_text (stmt, 3) != '\0')
    {
      g_set_error_literal (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED,
                           _("This conflict has already been resolved."));
      return FALSE;
    }

  entity = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  field_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if ((info = cf_entities_lookup (entity)) == NULL)
    {
      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_UNKNOWN_ENTITY,
                   /* Translators: %s is the name of a kind of record */
                   _("This version of Carefield does not know records of the kind “%s”."),
                   entity);
      return FALSE;
    }

  if (strcmp (field_name, CF_SYNC_FIELD_DELETED) == 0)
    {
      static const CfField deleted_field = { CF_SYNC_FIELD_DELETED, CF_FIELD_BOOL };

      field = &deleted_field;
    }
  else if ((field = cf_entity_info_find_field (info, field_name)) == NULL)
    {
      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_BAD_FIELD,
                   /* Translators: %1$s is a field name, %2$s the name of a kind of record */
                   _("This version of Carefield cannot change the field “%1$s” of a %2$s."),
                   field_name, entity);
      return FALSE;
    }

  records = cf_store_load_records (store, info->type, "id = ?", record_id, NULL, error);
  if (records == NULL)
    return FALSE;
  if (records->len == 0)
    {
      g_set_error_literal (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_FOUND,
                           _("The record in conflict is no longer on this device."));
      return FALSE;
    }

  record = g_ptr_array_index (records, 0);
  if (!set_field_from_json (record, field->name, field->type, value, error))
    return FALSE;

  /* Whichever value was chosen goes up: the server kept its own, and this device may hold
   * the other. */
  cf_record_mark_changed (record, field->name);

  now = cf_clock_now_iso8601 (cf_store_get_clock (store));
  resolution = (Resolution) {
    .id = conflict_id,
    .info = info,
    .record_id = record_id,
    .now = now,
  };

  return cf_store_save_full (store, &record, 1, mark_resolved, &resolution, error);
}
