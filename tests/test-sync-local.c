/* test-sync-local.c: the client store's side of sync: outbox, batches, results, pages, conflicts
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>

#include "cf-emergency-contact.h"
#include "cf-entities.h"
#include "cf-profile.h"
#include "cf-sync-local.h"
#include "cf-test-util.h"

#define TEST_KEY "0123456789abcdef0123456789abcdef"

typedef struct
{
  char    *dir;
  CfStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = cf_test_make_dir ("sync-local");
  fixture->store = cf_test_open_store (fixture->dir, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->dir);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);

  return node;
}

static JsonNode *parse_printf (const char *format,
                               ...) G_GNUC_PRINTF (1, 2);

static JsonNode *
parse_printf (const char *format,
              ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  return parse (text);
}

static gint64 count_printf (CfStore    *store,
                            const char *table,
                            const char *format,
                            ...) G_GNUC_PRINTF (3, 4);

/* How many rows of @table match the condition, written printf-style. */
static gint64
count_printf (CfStore    *store,
              const char *table,
              const char *format,
              ...)
{
  g_autofree char *where = NULL;
  va_list args;

  va_start (args, format);
  where = g_strdup_vprintf (format, args);
  va_end (args);

  return cf_test_count (store, table, where);
}

static void exec_printf (CfStore    *store,
                         const char *format,
                         ...) G_GNUC_PRINTF (2, 3);

static void
exec_printf (CfStore    *store,
             const char *format,
             ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  g_assert_true (cf_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static const char *
id_of (gpointer record)
{
  return cf_record_get_id (CF_RECORD (record));
}

/* A carer saved here and then, as if pushed and accepted, in step with the server at
 * @version, with nothing left in the outbox. */
static CfCarer *
synced_carer (Fixture    *fixture,
              const char *family_name,
              gint64      version)
{
  g_autoptr(CfCarer) saved = cf_test_save_carer (fixture->store, "family_name", family_name,
                                                 "phone", "01632 960000", NULL);
  g_autoptr(GError) error = NULL;
  CfCarer *carer;

  exec_printf (fixture->store,
               "DELETE FROM outbox WHERE record_id = '%1$s';"
               "UPDATE carer SET version = %2$" G_GINT64_FORMAT ", sync_state = 'synced' "
               "WHERE id = '%1$s';",
               id_of (saved), version);

  carer = cf_store_load_carer (fixture->store, id_of (saved), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_record_get_version (CF_RECORD (carer)), ==, version);

  return carer;
}

static void
save_text (Fixture    *fixture,
           CfCarer    *carer,
           const char *field,
           const char *value)
{
  g_autoptr(GError) error = NULL;

  cf_record_set_text (CF_RECORD (carer), field, value);
  g_assert_true (cf_store_save_carer (fixture->store, carer, &error));
  g_assert_no_error (error);
}

static GPtrArray *
next_batch (Fixture *fixture,
            guint    max_ops)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *batch = cf_sync_local_next_batch (fixture->store, max_ops, &error);

  g_assert_no_error (error);
  g_assert_nonnull (batch);

  return batch;
}

static CfSyncOp *
op_at (GPtrArray *batch,
       guint      i)
{
  return g_ptr_array_index (batch, i);
}

static void
apply_results (Fixture       *fixture,
               GPtrArray     *batch,
               CfSyncSummary *summary,
               const char    *response)
{
  g_autoptr(JsonNode) node = parse (response);
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_sync_local_apply_results (fixture->store, batch, node, summary, &error));
  g_assert_no_error (error);
}

static gboolean
apply_page (Fixture       *fixture,
            CfSyncSummary *summary,
            const char    *page)
{
  g_autoptr(JsonNode) node = parse (page);
  g_autoptr(GError) error = NULL;
  gboolean more = TRUE;

  g_assert_true (cf_sync_local_apply_page (fixture->store, node, &more, summary, &error));
  g_assert_no_error (error);

  return more;
}

static char *
dup_cursor (CfStore *store)
{
  g_autoptr(GError) error = NULL;
  char *cursor = cf_sync_local_dup_cursor (store, &error);

  g_assert_no_error (error);

  return cursor;
}

/* Account -------------------------------------------------------------------------------- */

static void
test_account (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSyncAccount) none = NULL;
  g_autoptr(CfSyncAccount) found = NULL;
  g_autoptr(CfSyncAccount) copy = NULL;
  g_autofree char *cursor = NULL;
  CfSyncAccount account = {
    .server_url = (char *) "https://base.example.org:8443",
    .user = (char *) "sam",
    .role = (char *) "worker",
    .carer_id = NULL,
    .device_id = (char *) "dev-17",
    .token = (char *) "tok-secret-1",
  };

  /* Signed out: no account, and no error. */
  none = cf_sync_local_dup_account (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g_assert_true (cf_sync_local_set_account (fixture->store, &account, &error));
  g_assert_no_error (error);
  found = cf_sync_local_dup_account (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpstr (found->server_url, ==, "https://base.example.org:8443");
  g_assert_cmpstr (found->user, ==, "sam");
  g_assert_cmpstr (found->role, ==, "worker");
  g_assert_cmpstr (found->carer_id, ==, "");
  g_assert_cmpstr (found->device_id, ==, "dev-17");
  g_assert_cmpstr (found->token, ==, "tok-secret-1");

  copy = g_boxed_copy (CF_TYPE_SYNC_ACCOUNT, found);
  g_assert_cmpstr (copy->token, ==, "tok-secret-1");
  g_clear_pointer (&found, cf_sync_account_free);

  /* Signing in again replaces it whole. */
  account.user = (char *) "ada";
  account.role = (char *) "carer";
  account.carer_id = (char *) "carer-1";
  account.token = (char *) "tok-secret-2";
  g_assert_true (cf_sync_local_set_account (fixture->store, &account, &error));
  found = cf_sync_local_dup_account (fixture->store, &error);
  g_assert_cmpstr (found->user, ==, "ada");
  g_assert_cmpstr (found->role, ==, "carer");
  g_assert_cmpstr (found->carer_id, ==, "carer-1");
  g_assert_cmpstr (found->token, ==, "tok-secret-2");
  g_clear_pointer (&found, cf_sync_account_free);

  /* Only ever this account's keys in meta. */
  g_assert_cmpint (cf_test_count (fixture->store, "meta", "key LIKE 'sync_%'"), ==, 6);

  /* Clearing forgets the account and the cursor. */
  apply_page (fixture, NULL,
              "{\"format\": 1, \"records\": [], \"removed\": [], \"next\": \"c-9\", "
              "\"more\": false}");
  cursor = dup_cursor (fixture->store);
  g_assert_cmpstr (cursor, ==, "c-9");
  g_clear_pointer (&cursor, g_free);

  /* Reset for a server that no longer knows it: the next pull is from the start. */
  g_assert_true (cf_sync_local_reset_cursor (fixture->store, &error));
  g_assert_no_error (error);
  cursor = dup_cursor (fixture->store);
  g_assert_cmpstr (cursor, ==, "");
  g_clear_pointer (&cursor, g_free);
  apply_page (fixture, NULL,
              "{\"format\": 1, \"records\": [], \"removed\": [], \"next\": \"c-10\", "
              "\"more\": false}");

  g_assert_true (cf_sync_local_clear_account (fixture->store, &error));
  g_assert_no_error (error);
  found = cf_sync_local_dup_account (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_null (found);
  cursor = dup_cursor (fixture->store);
  g_assert_cmpstr (cursor, ==, "");
  g_assert_cmpint (cf_test_count (fixture->store, "meta", "key LIKE 'sync_%'"), ==, 0);
}

/* Outbox: folding edits together ------------------------------------------------------------ */

static void
test_coalesce (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CfCarer) carer = synced_carer (fixture, "Ash", 3);
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GPtrArray) later = NULL;
  const char *id = id_of (carer);
  CfSyncOp *op;

  /* Two saves before a push are one operation with both fields, on the first one's base. */
  save_text (fixture, carer, "phone", "01632 960001");
  save_text (fixture, carer, "email", "ash@example.org");
  g_assert_cmpint (count_printf (fixture->store, "outbox", "record_id = '%s'", id), ==, 1);
  g_assert_cmpint (count_printf (fixture->store, "audit",
                                 "record_id = '%s' AND action = 'change'", id), ==, 2);

  /* A later value of the same field wins. */
  save_text (fixture, carer, "phone", "01632 960002");
  g_assert_cmpint (count_printf (fixture->store, "outbox", "record_id = '%s'", id), ==, 1);
  g_assert_cmpint (count_printf (fixture->store, "audit",
                                 "record_id = '%s' AND action = 'change'", id), ==, 3);

  batch = next_batch (fixture, 100);
  g_assert_cmpuint (batch->len, ==, 1);
  op = op_at (batch, 0);
  g_assert_cmpstr (op->entity, ==, "carer");
  g_assert_cmpstr (op->record_id, ==, id);
  g_assert_cmpint (op->operation, ==, CF_SYNC_OPERATION_UPDATE);
  g_assert_cmpint (op->base_version, ==, 3);
  g_assert_cmpuint (json_object_get_size (op->fields), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (op->fields, "phone"), ==, "01632 960002");
  g_assert_cmpstr (json_object_get_string_member (op->fields, "email"), ==, "ash@example.org");
  g_assert_cmpint (count_printf (fixture->store, "outbox", "op_id = '%s' AND sent = 1",
                                 op->op_id), ==, 1);

  /* Once sent, that row never changes: a save gets a row of its own. */
  save_text (fixture, carer, "phone", "01632 960003");
  g_assert_cmpint (count_printf (fixture->store, "outbox", "record_id = '%s'", id), ==, 2);
  g_assert_cmpint (count_printf (fixture->store, "outbox",
                                 "op_id = '%s' AND sent = 1 AND "
                                 "fields = '{\"phone\":\"01632 960002\","
                                 "\"email\":\"ash@example.org\"}'", op->op_id), ==, 1);
  g_assert_cmpint (count_printf (fixture->store, "outbox",
                                 "record_id = '%s' AND sent = 0 AND operation = 'update' AND "
                                 "base_version = 3 AND fields = '{\"phone\":\"01632 960003\"}'",
                                 id), ==, 1);

  /* …and the next save folds into that new row, not the sent one. */
  save_text (fixture, carer, "postcode", "LN1 3AB");
  g_assert_cmpint (count_printf (fixture->store, "outbox", "record_id = '%s'", id), ==, 2);
  g_assert_cmpint (count_printf (fixture->store, "outbox",
                                 "record_id = '%s' AND sent = 0 AND fields = "
                                 "'{\"phone\":\"01632 960003\",\"postcode\":\"LN1 3AB\"}'",
                                 id), ==, 1);

  /* The sent row goes first; the new one waits for its result. */
  later = next_batch (fixture, 100);
  g_assert_cmpuint (later->len, ==, 1);
  g_assert_cmpstr (op_at (later, 0)->op_id, ==, op->op_id);
}

static void
test_coalesce_operations (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCarer) fresh = cf_carer_new ();
  g_autoptr(CfCarer) updated = synced_carer (fixture, "Birch", 2);
  g_autoptr(CfCarer) restored = synced_carer (fixture, "Cedar", 4);
  g_autoptr(GPtrArray) batch = NULL;

  /* A create stays a create, with every field as it now stands, deleted or not. */
  cf_record_set_text (CF_RECORD (fresh), "family_name", "Alder");
  g_assert_true (cf_store_save_carer (fixture->store, fresh, &error));
  cf_record_set_bool (CF_RECORD (fresh), "rural_isolated", TRUE);
  g_assert_true (cf_store_save_carer (fixture->store, fresh, &error));
  cf_record_set_deleted (CF_RECORD (fresh), TRUE);
  g_assert_true (cf_store_save_carer (fixture->store, fresh, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_printf (fixture->store, "outbox",
                                 "record_id = '%s' AND operation = 'create' AND "
                                 "base_version = 0 AND fields LIKE '%%\"rural_isolated\":true%%' "
                                 "AND fields LIKE '%%\"deleted\":true%%'", id_of (fresh)), ==, 1);
  g_assert_cmpint (count_printf (fixture->store, "outbox", "record_id = '%s'", id_of (fresh)),
                   ==, 1);

  /* An update then a delete is a delete. */
  save_text (fixture, updated, "phone", "01632 960010");
  cf_record_set_deleted (CF_RECORD (updated), TRUE);
  g_assert_true (cf_store_save_carer (fixture->store, updated, &error));
  g_assert_cmpint (count_printf (fixture->store, "outbox",
                                 "record_id = '%s' AND operation = 'delete' AND "
                                 "base_version = 2 AND fields = "
                                 "'{\"phone\":\"01632 960010\",\"deleted\":true}'",
                                 id_of (updated)), ==, 1);

  /* A delete undone before the push is an update saying "deleted": false, which the server
   * reads as a restore; a delete would be forced to a tombstone. */
  cf_record_set_deleted (CF_RECORD (restored), TRUE);
  g_assert_true (cf_store_save_carer (fixture->store, restored, &error));
  cf_record_set_deleted (CF_RECORD (restored), FALSE);
  g_assert_true (cf_store_save_carer (fixture->store, restored, &error));
  g_assert_cmpint (count_printf (fixture->store, "outbox",
                                 "record_id = '%s' AND operation = 'update' AND "
                                 "fields = '{\"deleted\":false}'", id_of (restored)), ==, 1);
  g_assert_cmpint (count_printf (fixture->store, "audit",
                                 "record_id = '%s' AND action IN ('delete', 'change')",
                                 id_of (restored)), ==, 2);

  /* On the wire each is typed by the field table. */
  batch = next_batch (fixture, 100);
  g_assert_cmpuint (batch->len, ==, 3);
  g_assert_cmpint (op_at (batch, 0)->operation, ==, CF_SYNC_OPERATION_CREATE);
  g_assert_true (json_object_get_boolean_member (op_at (batch, 0)->fields, "rural_isolated"));
  g_assert_true (json_object_get_boolean_member (op_at (batch, 0)->fields, "deleted"));
  g_assert_cmpstr (json_object_get_string_member (op_at (batch, 0)->fields, "family_name"), ==,
                   "Alder");
  g_assert_cmpint (op_at (batch, 1)->operation, ==, CF_SYNC_OPERATION_DELETE);
  g_assert_cmpint (op_at (batch, 2)->operation, ==, CF_SYNC_OPERATION_UPDATE);
  g_assert_false (json_object_get_boolean_member (op_at (batch, 2)->fields, "deleted"));
}

/* Batches ------------------------------------------------------------------------------------ */

static void
test_batch_one_per_record (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CfCarer) a = synced_carer (fixture, "Ash", 1);
  g_autoptr(CfCarer) b = synced_carer (fixture, "Birch", 1);
  g_autoptr(CfCarer) c = synced_carer (fixture, "Cedar", 1);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) third = NULL;
  g_autoptr(GPtrArray) limited = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  g_autofree char *a1 = NULL;
  g_autofree char *response = NULL;
  guint pending = 99, errors = 99;
  g_autoptr(GError) error = NULL;

  empty = next_batch (fixture, 100);
  g_assert_cmpuint (empty->len, ==, 0);

  save_text (fixture, a, "phone", "01632 960101");
  first = next_batch (fixture, 100);
  g_assert_cmpuint (first->len, ==, 1);
  a1 = g_strdup (op_at (first, 0)->op_id);

  /* Ash again (a row of its own, as the first was sent), then Birch and Cedar. */
  save_text (fixture, a, "phone", "01632 960102");
  save_text (fixture, b, "phone", "01632 960201");
  save_text (fixture, c, "phone", "01632 960301");
  g_assert_true (cf_sync_local_count_outbox (fixture->store, &pending, &errors, &error));
  g_assert_cmpuint (pending, ==, 4);
  g_assert_cmpuint (errors, ==, 0);

  /* No result came for the first batch: its operation goes again, same op_id, and Ash's
   * second waits, as its base comes from the first one's result. Oldest first. */
  second = next_batch (fixture, 100);
  g_assert_cmpuint (second->len, ==, 3);
  g_assert_cmpstr (op_at (second, 0)->op_id, ==, a1);
  g_assert_cmpstr (json_object_get_string_member (op_at (second, 0)->fields, "phone"), ==,
                   "01632 960101");
  g_assert_cmpstr (op_at (second, 1)->record_id, ==, id_of (b));
  g_assert_cmpstr (op_at (second, 2)->record_id, ==, id_of (c));

  /* At most max_ops, oldest first. */
  limited = next_batch (fixture, 2);
  g_assert_cmpuint (limited->len, ==, 2);
  g_assert_cmpstr (op_at (limited, 0)->op_id, ==, a1);
  g_assert_cmpstr (op_at (limited, 1)->record_id, ==, id_of (b));

  /* Once Ash's first is answered, the second goes. */
  response = g_strdup_printf ("{\"format\": 1, \"results\": ["
                              "{\"op_id\": \"%s\", \"result\": \"applied\", \"version\": 2}]}",
                              a1);
  apply_results (fixture, second, NULL, response);
  third = next_batch (fixture, 100);
  g_assert_cmpuint (third->len, ==, 3);
  g_assert_cmpstr (op_at (third, 0)->record_id, ==, id_of (a));
  g_assert_cmpstr (op_at (third, 0)->op_id, !=, a1);
  g_assert_cmpint (op_at (third, 0)->base_version, ==, 2);
  g_assert_cmpstr (json_object_get_string_member (op_at (third, 0)->fields, "phone"), ==,
                   "01632 960102");
  g_assert_cmpstr (op_at (third, 1)->record_id, ==, id_of (b));
  g_assert_cmpstr (op_at (third, 2)->record_id, ==, id_of (c));
}

static void
test_batch_rebase (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CfCarer) applied = synced_carer (fixture, "Ash", 1);
  g_autoptr(CfCarer) merged = synced_carer (fixture, "Birch", 1);
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GPtrArray) next = NULL;
  g_autofree char *response = NULL;
  CfSyncSummary summary = { 0 };

  save_text (fixture, applied, "phone", "01632 960101");
  save_text (fixture, merged, "phone", "01632 960201");
  batch = next_batch (fixture, 100);
  g_assert_cmpuint (batch->len, ==, 2);

  /* Edits made while the push is in flight: rows of their own, on base 1. */
  save_text (fixture, applied, "email", "ash@example.org");
  save_text (fixture, merged, "email", "birch@example.org");
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", "sent = 0 AND base_version = 1"),
                   ==, 2);

  response = g_strdup_printf ("{\"format\": 1, \"results\": ["
                              "{\"op_id\": \"%s\", \"result\": \"applied\", \"version\": 2},"
                              "{\"op_id\": \"%s\", \"result\": \"merged\", \"version\": 9}]}",
                              op_at (batch, 0)->op_id, op_at (batch, 1)->op_id);
  apply_results (fixture, batch, &summary, response);
  g_assert_cmpuint (summary.pushed, ==, 1);
  g_assert_cmpuint (summary.merged, ==, 1);

  /* Applied: the version is this device's edit and nothing else, so the next builds on it.
   * Merged: the version holds others' changes the next never saw, so it keeps its base. */
  g_assert_cmpint (count_printf (fixture->store, "carer", "id = '%s' AND version = 2",
                                 id_of (applied)), ==, 1);
  g_assert_cmpint (count_printf (fixture->store, "carer", "id = '%s' AND version = 9",
                                 id_of (merged)), ==, 1);
  g_assert_cmpint (count_printf (fixture->store, "outbox", "record_id = '%s' AND base_version = 2",
                                 id_of (applied)), ==, 1);
  g_assert_cmpint (count_printf (fixture->store, "outbox", "record_id = '%s' AND base_version = 1",
                                 id_of (merged)), ==, 1);
  /* Still waiting to go up: not yet in step. */
  g_assert_cmpint (cf_test_count (fixture->store, "carer", "sync_state = 'local'"), ==, 2);

  next = next_batch (fixture, 100);
  g_assert_cmpuint (next->len, ==, 2);
  g_assert_cmpint (op_at (next, 0)->base_version, ==, 2);
  g_assert_cmpint (op_at (next, 1)->base_version, ==, 1);
}

/* Rows written before schema 5 hold GVariant text; they still go up, typed. */
static void
test_batch_gvariant_rows (void)
{
  g_autofree char *dir = cf_test_make_dir ("sync-local-v4");
  g_autofree char *path = g_build_filename (dir, "carefield.db", NULL);
  g_autoptr(GBytes) key = g_bytes_new (TEST_KEY, 32);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) old = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfCarer) carer = NULL;
  g_autoptr(GPtrArray) batch = NULL;
  CfSyncOp *op;
  JsonNode *node;

  old = cf_store_new_at_version (path, key, 4, &error);
  g_assert_no_error (error);
  g_assert_true (cf_store_exec (old,
    "INSERT INTO carer (id, updated_at, updated_by, version, sync_state, family_name) "
    "VALUES ('c1', 't', 'me', 3, 'local', 'O’Neill');"
    "INSERT INTO cared_for (id, updated_at, updated_by, carer_id, name) "
    "VALUES ('p1', 't', 'me', 'c1', 'Godfrey');"
    "INSERT INTO outbox (op_id, entity, record_id, operation, base_version, fields, created_at) "
    "VALUES ('op-old-1', 'carer', 'c1', 'update', 3, "
    "'{''phone'': <''01632 960999''>, ''family_name'': <''O’Neill''>, "
    "''rural_isolated'': <true>}', 't');"
    "INSERT INTO outbox (op_id, entity, record_id, operation, base_version, fields, created_at) "
    "VALUES ('op-old-2', 'cared_for', 'p1', 'create', 0, "
    "'{''name'': <''Godfrey''>, ''position'': <int64 3>, ''lives_with_carer'': <true>, "
    "''deleted'': <false>}', 't');",
    &error));
  g_assert_no_error (error);
  g_assert_true (cf_store_close (old, &error));

  /* Migration 5 keeps them, marked as GVariant and not sent. */
  store = cf_test_open_store (dir, NULL);
  g_assert_cmpint (cf_store_get_schema_version (store), ==, CF_STORE_SCHEMA_VERSION);
  g_assert_cmpint (cf_test_count (store, "outbox", "fields_format = 'gvariant' AND sent = 0 "
                                                   "AND state = 'pending'"), ==, 2);
  g_assert_cmpint (cf_store_count (store, "sync_conflict", &error), ==, 0);

  /* A new edit folds into the old row, which is then written as JSON under the same op_id. */
  carer = cf_store_load_carer (store, "c1", &error);
  g_assert_no_error (error);
  cf_record_set_text (CF_RECORD (carer), "email", "oneill@example.org");
  g_assert_true (cf_store_save_carer (store, carer, &error));
  g_assert_cmpint (cf_test_count (store, "outbox",
                                  "op_id = 'op-old-1' AND fields_format = 'json' "
                                  "AND fields LIKE '%oneill@example.org%'"), ==, 1);
  g_assert_cmpint (cf_store_count (store, "outbox", NULL), ==, 2);

  batch = cf_sync_local_next_batch (store, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batch->len, ==, 2);

  op = op_at (batch, 0);
  g_assert_cmpstr (op->op_id, ==, "op-old-1");
  g_assert_cmpint (op->base_version, ==, 3);
  g_assert_cmpstr (json_object_get_string_member (op->fields, "phone"), ==, "01632 960999");
  g_assert_cmpstr (json_object_get_string_member (op->fields, "family_name"), ==, "O’Neill");
  g_assert_cmpstr (json_object_get_string_member (op->fields, "email"), ==, "oneill@example.org");
  node = json_object_get_member (op->fields, "rural_isolated");
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_BOOLEAN);
  g_assert_true (json_node_get_boolean (node));

  op = op_at (batch, 1);
  g_assert_cmpstr (op->op_id, ==, "op-old-2");
  g_assert_cmpint (op->operation, ==, CF_SYNC_OPERATION_CREATE);
  g_assert_cmpstr (json_object_get_string_member (op->fields, "name"), ==, "Godfrey");
  node = json_object_get_member (op->fields, "position");
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_INT64);
  g_assert_cmpint (json_node_get_int (node), ==, 3);
  node = json_object_get_member (op->fields, "lives_with_carer");
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_BOOLEAN);
  node = json_object_get_member (op->fields, "deleted");
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_BOOLEAN);
  g_assert_false (json_node_get_boolean (node));

  g_assert_cmpint (cf_test_count (store, "outbox", "sent = 1"), ==, 2);
}

/* A row that cannot be read never goes up and never holds anything back. */
static void
test_batch_unreadable_row (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CfCarer) broken = synced_carer (fixture, "Ash", 1);
  g_autoptr(CfCarer) fine = synced_carer (fixture, "Birch", 1);
  g_autoptr(GPtrArray) batch = NULL;

  save_text (fixture, broken, "phone", "01632 960101");
  exec_printf (fixture->store, "UPDATE outbox SET fields = '{not json' WHERE record_id = '%s';",
               id_of (broken));
  save_text (fixture, fine, "phone", "01632 960201");

  batch = next_batch (fixture, 100);
  g_assert_cmpuint (batch->len, ==, 1);
  g_assert_cmpstr (op_at (batch, 0)->record_id, ==, id_of (fine));
  g_assert_cmpint (count_printf (fixture->store, "outbox",
                                 "record_id = '%s' AND state = 'error' AND "
                                 "error LIKE '%%could not be read%%'", id_of (broken)), ==, 1);
  g_assert_cmpint (count_printf (fixture->store, "carer", "id = '%s' AND sync_state = 'error'",
                                 id_of (broken)), ==, 1);
}

/* Results ------------------------------------------------------------------------------------ */

static void
test_results_each_kind (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CfCarer) a = synced_carer (fixture, "Ash", 1);
  g_autoptr(CfCarer) b = synced_carer (fixture, "Birch", 1);
  g_autoptr(CfCarer) c = synced_carer (fixture, "Cedar", 1);
  g_autoptr(CfCarer) d = synced_carer (fixture, "Damson", 1);
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *response = NULL;
  CfSyncSummary summary = { .pushed = 10 };
  guint pending, errors;
  CfSyncConflict *conflict;

  save_text (fixture, a, "phone", "01632 960101");
  save_text (fixture, b, "phone", "01632 960201");
  save_text (fixture, c, "phone", "01632 960222");
  save_text (fixture, c, "email", "c@example.org");
  save_text (fixture, d, "phone", "01632 960401");
  batch = next_batch (fixture, 100);
  g_assert_cmpuint (batch->len, ==, 4);

  response = g_strdup_printf (
    "{\"format\": 1, \"results\": ["
    "{\"op_id\": \"%s\", \"result\": \"applied\", \"version\": 2},"
    "{\"op_id\": \"%s\", \"result\": \"merged\", \"version\": 5},"
    "{\"op_id\": \"%s\", \"result\": \"conflict\", \"version\": 7, \"reason\": \"Both changed.\","
    " \"conflicts\": [{\"field\": \"phone\", \"base\": \"01632 960000\","
    "  \"server\": \"01632 960111\", \"client\": \"01632 960222\"},"
    "  {\"field\": \"email\", \"server\": \"s@example.org\", \"client\": \"c@example.org\"}]},"
    "{\"index\": 3, \"result\": \"rejected\","
    " \"reason\": \"The field “phone” of the carer must be text.\"},"
    "{\"op_id\": \"not-in-this-batch\", \"result\": \"applied\", \"version\": 40}"
    "], \"unknown\": true}",
    op_at (batch, 0)->op_id, op_at (batch, 1)->op_id, op_at (batch, 2)->op_id);
  apply_results (fixture, batch, &summary, response);

  /* Counts are added to what was there. */
  g_assert_cmpuint (summary.pushed, ==, 11);
  g_assert_cmpuint (summary.merged, ==, 1);
  g_assert_cmpuint (summary.conflicts, ==, 1);
  g_assert_cmpuint (summary.errors, ==, 1);

  /* Applied and merged: out of the outbox, the server's version, in step. */
  g_assert_cmpint (count_printf (fixture->store, "carer",
                                 "id = '%s' AND version = 2 AND sync_state = 'synced'",
                                 id_of (a)), ==, 1);
  g_assert_cmpint (count_printf (fixture->store, "carer",
                                 "id = '%s' AND version = 5 AND sync_state = 'synced'",
                                 id_of (b)), ==, 1);
  g_assert_cmpint (count_printf (fixture->store, "outbox", "record_id IN ('%s', '%s', '%s')",
                                 id_of (a), id_of (b), id_of (c)), ==, 0);

  /* Conflict: out of the outbox, the server's version, each field kept for a person. */
  g_assert_cmpint (count_printf (fixture->store, "carer",
                                 "id = '%s' AND version = 7 AND sync_state = 'conflict'",
                                 id_of (c)), ==, 1);
  conflicts = cf_sync_local_list_conflicts (fixture->store, id_of (c), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 2);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->entity, ==, "carer");
  g_assert_cmpstr (conflict->record_id, ==, id_of (c));
  g_assert_cmpstr (conflict->field, ==, "phone");
  g_assert_cmpstr (conflict->base, ==, "\"01632 960000\"");
  g_assert_cmpstr (conflict->server, ==, "\"01632 960111\"");
  g_assert_cmpstr (conflict->client, ==, "\"01632 960222\"");
  g_assert_cmpstr (conflict->reported_at, ==, "2026-11-18T10:30:00Z");
  conflict = g_ptr_array_index (conflicts, 1);
  g_assert_cmpstr (conflict->field, ==, "email");
  g_assert_null (conflict->base);
  g_assert_cmpstr (conflict->server, ==, "\"s@example.org\"");
  g_assert_cmpint (cf_test_count (fixture->store, "sync_conflict", "base IS NULL"), ==, 1);

  /* Rejected: kept, marked an error with the reason in words. */
  g_assert_cmpint (count_printf (fixture->store, "outbox",
                                 "record_id = '%s' AND state = 'error' AND "
                                 "error = 'The field “phone” of the carer must be text.'",
                                 id_of (d)), ==, 1);
  g_assert_cmpint (count_printf (fixture->store, "carer",
                                 "id = '%s' AND version = 1 AND sync_state = 'error'",
                                 id_of (d)), ==, 1);
  g_assert_true (cf_sync_local_count_outbox (fixture->store, &pending, &errors, &error));
  g_assert_cmpuint (pending, ==, 0);
  g_assert_cmpuint (errors, ==, 1);

  /* A refused row holds nothing back: nothing goes now, and a new edit of the same record
   * goes at once. */
  after = next_batch (fixture, 100);
  g_assert_cmpuint (after->len, ==, 0);
  g_clear_pointer (&after, g_ptr_array_unref);
  save_text (fixture, d, "phone", "01632 960402");
  after = next_batch (fixture, 100);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (op_at (after, 0)->record_id, ==, id_of (d));
  g_assert_cmpstr (json_object_get_string_member (op_at (after, 0)->fields, "phone"), ==,
                   "01632 960402");

  /* The same results again change nothing: those rows are gone. */
  apply_results (fixture, batch, &summary, response);
  g_assert_cmpuint (summary.pushed, ==, 11);
  g_assert_cmpint (cf_store_count (fixture->store, "sync_conflict", NULL), ==, 2);
}

static void
test_results_missing (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CfCarer) a = synced_carer (fixture, "Ash", 1);
  g_autoptr(CfCarer) b = synced_carer (fixture, "Birch", 1);
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *response = NULL;
  CfSyncSummary summary = { 0 };
  guint pending;

  save_text (fixture, a, "phone", "01632 960101");
  save_text (fixture, b, "phone", "01632 960201");
  batch = next_batch (fixture, 100);
  g_assert_cmpuint (batch->len, ==, 2);

  /* The connection dropped after the first result. */
  response = g_strdup_printf ("{\"format\": 1, \"results\": ["
                              "{\"op_id\": \"%s\", \"result\": \"applied\", \"version\": 2}]}",
                              op_at (batch, 0)->op_id);
  apply_results (fixture, batch, &summary, response);
  g_assert_cmpuint (summary.pushed, ==, 1);

  /* Birch's stays waiting, sent, and goes again with the same op_id and base. */
  g_assert_true (cf_sync_local_count_outbox (fixture->store, &pending, NULL, NULL));
  g_assert_cmpuint (pending, ==, 1);
  g_assert_cmpint (count_printf (fixture->store, "outbox",
                                 "op_id = '%s' AND state = 'pending' AND sent = 1",
                                 op_at (batch, 1)->op_id), ==, 1);
  g_assert_cmpint (count_printf (fixture->store, "carer", "id = '%s' AND sync_state = 'local'",
                                 id_of (b)), ==, 1);

  again = next_batch (fixture, 100);
  g_assert_cmpuint (again->len, ==, 1);
  g_assert_cmpstr (op_at (again, 0)->op_id, ==, op_at (batch, 1)->op_id);
  g_assert_cmpint (op_at (again, 0)->base_version, ==, 1);
}

static void
test_results_malformed (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CfCarer) a = synced_carer (fixture, "Ash", 1);
  g_autoptr(CfCarer) b = synced_carer (fixture, "Birch", 1);
  g_autoptr(GPtrArray) batch = NULL;
  CfSyncSummary summary = { 0 };
  const char *bad[] = {
    "[]",
    "{\"results\": []}",
    "{\"format\": \"1\", \"results\": []}",
    "{\"format\": 0, \"results\": []}",
    "{\"format\": 1}",
    "{\"format\": 1, \"results\": {}}",
    "{\"format\": 1, \"results\": [42]}",
    "{\"format\": 1, \"results\": [{\"op_id\": \"%1$s\", \"result\": \"done\", \"version\": 2}]}",
    "{\"format\": 1, \"results\": [{\"op_id\": \"%1$s\", \"result\": \"applied\"}]}",
    "{\"format\": 1, \"results\": [{\"op_id\": \"%1$s\", \"result\": \"applied\", "
    "\"version\": -1}]}",
    "{\"format\": 1, \"results\": [{\"result\": \"applied\", \"version\": 2}]}",
    "{\"format\": 1, \"results\": [{\"op_id\": 7, \"result\": \"applied\", \"version\": 2}]}",
    "{\"format\": 1, \"results\": [{\"op_id\": \"%1$s\", \"result\": \"conflict\", "
    "\"version\": 2}]}",
    "{\"format\": 1, \"results\": [{\"op_id\": \"%1$s\", \"result\": \"conflict\", "
    "\"version\": 2, \"conflicts\": [{\"field\": \"phone\", \"server\": \"x\"}]}]}",
    "{\"format\": 1, \"results\": [{\"op_id\": \"%1$s\", \"result\": \"rejected\", "
    "\"reason\": 5}]}",
    /* A good result, then a bad one: nothing at all is applied. */
    "{\"format\": 1, \"results\": [{\"op_id\": \"%1$s\", \"result\": \"applied\", "
    "\"version\": 2}, {\"op_id\": \"%2$s\", \"result\": \"applied\", \"version\": \"3\"}]}",
    /* Two results for one operation. */
    "{\"format\": 1, \"results\": [{\"op_id\": \"%1$s\", \"result\": \"applied\", "
    "\"version\": 2}, {\"index\": 0, \"result\": \"rejected\", \"reason\": \"no\"}]}",
  };

  save_text (fixture, a, "phone", "01632 960101");
  save_text (fixture, b, "phone", "01632 960201");
  batch = next_batch (fixture, 100);
  g_assert_cmpuint (batch->len, ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      text = g_strdup_printf (bad[i], op_at (batch, 0)->op_id, op_at (batch, 1)->op_id);
#pragma GCC diagnostic pop
      node = parse (text);
      g_assert_false (cf_sync_local_apply_results (fixture->store, batch, node, &summary, &error));
      if (error == NULL || !g_error_matches (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED))
        g_error ("“%s” gave %s", text, error ? error->message : "no error");
      g_assert_nonnull (strstr (error->message, "Nothing has been changed"));
    }

  /* A newer format is its own error, and the person is told to update. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) node = parse_printf ("{\"format\": 2, \"results\": [{\"op_id\": \"%s\", "
                                             "\"result\": \"applied\", \"version\": 2}]}",
                                             op_at (batch, 0)->op_id);

    g_assert_false (cf_sync_local_apply_results (fixture->store, batch, node, &summary, &error));
    g_assert_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_UNSUPPORTED_FORMAT);
    g_assert_nonnull (strstr (error->message, "Update Carefield"));
  }

  /* Nothing changed. */
  g_assert_cmpuint (summary.pushed + summary.merged + summary.conflicts + summary.errors, ==, 0);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", "state = 'pending' AND sent = 1"),
                   ==, 2);
  g_assert_cmpint (cf_test_count (fixture->store, "carer", "version = 1 AND sync_state = 'local'"),
                   ==, 2);
  g_assert_cmpint (cf_store_count (fixture->store, "sync_conflict", NULL), ==, 0);
}

/* Pull -------------------------------------------------------------------------------------- */

static void
test_page_insert_update (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CfCarer) local = synced_carer (fixture, "Ash", 2);
  g_autofree char *page = NULL;
  g_autofree char *cursor = NULL;
  CfSyncSummary summary = { .pulled = 1 };
  gint64 outbox = cf_store_count (fixture->store, "outbox", NULL);
  gboolean more;

  page = g_strdup_printf (
    "{\"format\": 1, \"records\": ["
    " {\"entity\": \"carer\", \"id\": \"new-1\", \"version\": 4, \"deleted\": false,"
    "  \"updated_at\": \"2026-11-17T09:00:00Z\", \"updated_by\": \"Kim Coordinator\","
    "  \"fields\": {\"given_name\": \"Nia\", \"family_name\": \"Holt\", \"rural_isolated\": true,"
    "   \"status\": \"active\", \"favourite_colour\": \"blue\"}},"
    " {\"entity\": \"carer\", \"id\": \"%s\", \"version\": 6, \"deleted\": false,"
    "  \"updated_at\": \"2026-11-17T10:00:00Z\", \"updated_by\": \"Kim Coordinator\","
    "  \"fields\": {\"given_name\": \"Ashley\", \"phone\": \"01632 960555\","
    "   \"rural_isolated\": \"yes\"}},"
    " {\"entity\": \"spaceship\", \"id\": \"s-1\", \"version\": 1, \"fields\": {\"warp\": 9}},"
    " {\"entity\": \"carer_event\", \"id\": \"ev-1\", \"version\": 1,"
    "  \"fields\": {\"carer_id\": \"new-1\", \"notes\": \"No kind sent\"}}"
    "], \"removed\": [], \"next\": \"cursor-1\", \"more\": true, \"later\": {}}",
    id_of (local));
  more = apply_page (fixture, &summary, page);
  g_assert_true (more);
  g_assert_cmpuint (summary.pulled, ==, 4);
  g_assert_cmpuint (summary.removed, ==, 0);

  /* A new record: its fields, the server's version and who changed it, in step. Unknown
   * fields and kinds are skipped; a required column the server left out is empty. */
  g_assert_cmpint (cf_test_count (fixture->store, "carer",
                                  "id = 'new-1' AND given_name = 'Nia' AND family_name = 'Holt' "
                                  "AND rural_isolated = 1 AND status = 'active' AND version = 4 "
                                  "AND deleted = 0 AND sync_state = 'synced' "
                                  "AND updated_at = '2026-11-17T09:00:00Z' "
                                  "AND updated_by = 'Kim Coordinator' AND phone = ''"), ==, 1);
  g_assert_cmpint (cf_test_count (fixture->store, "carer_event",
                                  "id = 'ev-1' AND kind = '' AND carer_id = 'new-1' AND "
                                  "notes = 'No kind sent' AND sync_state = 'synced'"), ==, 1);

  /* An update: every field sent, except one of the wrong type. */
  g_assert_cmpint (count_printf (fixture->store, "carer",
                                 "id = '%s' AND given_name = 'Ashley' AND family_name = 'Ash' "
                                 "AND phone = '01632 960555' AND rural_isolated = 0 "
                                 "AND version = 6 AND sync_state = 'synced' "
                                 "AND updated_by = 'Kim Coordinator'", id_of (local)), ==, 1);

  /* Pulled data is not pushed back, the cursor came with the page, and the page is audited
   * in counts only. */
  g_assert_cmpint (cf_store_count (fixture->store, "outbox", NULL), ==, outbox);
  cursor = dup_cursor (fixture->store);
  g_assert_cmpstr (cursor, ==, "cursor-1");
  g_assert_cmpint (cf_test_count (fixture->store, "audit",
                                  "action = 'sync' AND entity = 'sync' AND record_id IS NULL AND "
                                  "detail = 'pulled 3 records, removed 0 carers' AND "
                                  "user_name = 'Sam Assessor'"), ==, 1);

  /* The last page says there is no more. An empty page adds nothing to the audit trail. */
  more = apply_page (fixture, &summary,
                     "{\"format\": 1, \"records\": [], \"removed\": [], \"next\": \"cursor-2\", "
                     "\"more\": false}");
  g_assert_false (more);
  g_clear_pointer (&cursor, g_free);
  cursor = dup_cursor (fixture->store);
  g_assert_cmpstr (cursor, ==, "cursor-2");
  g_assert_cmpint (cf_test_count (fixture->store, "audit", "action = 'sync'"), ==, 1);
}

static void
test_page_keeps_unpushed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CfCarer) edited = synced_carer (fixture, "Ash", 3);
  g_autoptr(CfCarer) newer = synced_carer (fixture, "Birch", 8);
  g_autoptr(CfCarer) deleted = synced_carer (fixture, "Cedar", 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *page = NULL;
  CfSyncSummary summary = { 0 };

  /* A refused edit of the email, and a waiting one of the phone and of the tombstone. */
  save_text (fixture, edited, "email", "ash@local.example");
  exec_printf (fixture->store, "UPDATE outbox SET state = 'error', error = 'no' "
                               "WHERE record_id = '%s';", id_of (edited));
  save_text (fixture, edited, "phone", "01632 960101");
  cf_record_set_deleted (CF_RECORD (edited), TRUE);
  g_assert_true (cf_store_save_carer (fixture->store, edited, &error));
  g_assert_cmpint (count_printf (fixture->store, "outbox", "record_id = '%s'", id_of (edited)),
                   ==, 2);

  page = g_strdup_printf (
    "{\"format\": 1, \"records\": ["
    " {\"entity\": \"carer\", \"id\": \"%s\", \"version\": 5, \"deleted\": false,"
    "  \"updated_at\": \"2026-11-17T09:00:00Z\", \"updated_by\": \"Kim Coordinator\","
    "  \"fields\": {\"given_name\": \"Server\", \"phone\": \"01632 969999\","
    "   \"email\": \"ash@server.example\"}},"
    " {\"entity\": \"carer\", \"id\": \"%s\", \"version\": 6, \"deleted\": false,"
    "  \"updated_at\": \"2026-11-10T09:00:00Z\", \"updated_by\": \"Kim Coordinator\","
    "  \"fields\": {\"given_name\": \"Older\"}},"
    " {\"entity\": \"carer\", \"id\": \"%s\", \"version\": 2, \"deleted\": true,"
    "  \"updated_at\": \"2026-11-17T09:00:00Z\", \"updated_by\": \"Kim Coordinator\","
    "  \"fields\": {}}"
    "], \"removed\": [], \"next\": \"c\", \"more\": false}",
    id_of (edited), id_of (newer), id_of (deleted));
  apply_page (fixture, &summary, page);
  g_assert_cmpuint (summary.pulled, ==, 3);

  /* Fields with edits still in the outbox keep them, waiting or refused; the rest take the
   * server's values; the version goes up; still not in step. */
  g_assert_cmpint (count_printf (fixture->store, "carer",
                                 "id = '%s' AND given_name = 'Server' AND "
                                 "phone = '01632 960101' AND email = 'ash@local.example' AND "
                                 "deleted = 1 AND version = 5 AND sync_state = 'local'",
                                 id_of (edited)), ==, 1);
  g_assert_cmpint (count_printf (fixture->store, "outbox", "record_id = '%s'", id_of (edited)),
                   ==, 2);

  /* An older version than this device has changes nothing. */
  g_assert_cmpint (count_printf (fixture->store, "carer",
                                 "id = '%s' AND family_name = 'Birch' AND given_name = '' AND "
                                 "version = 8", id_of (newer)), ==, 1);

  /* A tombstone from the server. */
  g_assert_cmpint (count_printf (fixture->store, "carer",
                                 "id = '%s' AND deleted = 1 AND version = 2 AND "
                                 "sync_state = 'synced'", id_of (deleted)), ==, 1);
}

static void
test_page_child_before_parent (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CfSyncSummary summary = { 0 };

  /* The person cared for comes a page before their carer. */
  apply_page (fixture, &summary,
              "{\"format\": 1, \"records\": ["
              " {\"entity\": \"cared_for\", \"id\": \"p-1\", \"version\": 1,"
              "  \"fields\": {\"carer_id\": \"c-1\", \"name\": \"Godfrey\", \"position\": 2,"
              "   \"lives_with_carer\": true}}"
              "], \"removed\": [], \"next\": \"1\", \"more\": true}");
  g_assert_cmpint (cf_test_count (fixture->store, "cared_for",
                                  "id = 'p-1' AND carer_id = 'c-1' AND position = 2 AND "
                                  "lives_with_carer = 1"), ==, 1);

  apply_page (fixture, &summary,
              "{\"format\": 1, \"records\": ["
              " {\"entity\": \"carer\", \"id\": \"c-1\", \"version\": 1,"
              "  \"fields\": {\"family_name\": \"Holt\"}}"
              "], \"removed\": [], \"next\": \"2\", \"more\": false}");
  g_assert_cmpuint (summary.pulled, ==, 2);

  /* Foreign keys are back on for the connection afterwards. */
  g_assert_true (cf_store_exec (fixture->store, "BEGIN;", &error));
  g_assert_true (cf_store_exec (fixture->store,
                                "INSERT INTO cared_for (id, updated_at, updated_by, carer_id) "
                                "VALUES ('p-2', '', '', 'nobody');", &error));
  g_assert_false (cf_store_exec (fixture->store, "COMMIT;", &error));
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (cf_store_exec (fixture->store, "ROLLBACK;", &error));
  g_assert_cmpint (cf_test_count (fixture->store, "cared_for", "id = 'p-2'"), ==, 0);
}

/* A carer with one of each kind of dependant, down to grandchildren, pulled from the server:
 * ids "C", "C-cf", "C-aa"… for carer C. */
static void
pull_family (Fixture    *fixture,
             const char *c)
{
  static const struct { const char *entity; const char *suffix; const char *fields; } family[] = {
    { "carer", "", "\"family_name\": \"%1$s\"" },
    { "cared_for", "-cf", "\"carer_id\": \"%1$s\"" },
    { "carer_event", "-ev", "\"carer_id\": \"%1$s\", \"kind\": \"first-contact\"" },
    { "assessment", "-as", "\"carer_id\": \"%1$s\"" },
    { "assessment_answer", "-aa",
      "\"assessment_id\": \"%1$s-as\", \"question\": \"caring.role\", \"value\": \"x\"" },
    { "support_plan", "-sp", "\"carer_id\": \"%1$s\"" },
    { "plan_need", "-pn", "\"plan_id\": \"%1$s-sp\"" },
    { "plan_action", "-pa", "\"plan_id\": \"%1$s-sp\"" },
    { "emergency_plan", "-ep", "\"carer_id\": \"%1$s\"" },
    { "emergency_contact", "-ec",
      "\"emergency_plan_id\": \"%1$s-ep\", \"phone\": \"01632 960777\"" },
    { "direct_payment", "-dp", "\"carer_id\": \"%1$s\"" },
    { "balance_return", "-br", "\"direct_payment_id\": \"%1$s-dp\"" },
    { "personal_assistant", "-pe", "\"direct_payment_id\": \"%1$s-dp\"" },
    { "carer_break", "-cb", "\"carer_id\": \"%1$s\"" },
    { "review", "-rv", "\"carer_id\": \"%1$s\"" },
    { "text_reminder", "-tr", "\"carer_id\": \"%1$s\"" },
    { "carer_response", "-re", "\"carer_id\": \"%1$s\", \"kind\": \"comment\"" },
  };
  g_autoptr(GString) page = g_string_new ("{\"format\": 1, \"records\": [");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  gboolean more;

  for (guint i = 0; i < G_N_ELEMENTS (family); i++)
    {
      g_autofree char *fields = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      fields = g_strdup_printf (family[i].fields, c);
#pragma GCC diagnostic pop
      g_string_append_printf (page,
                              "%s{\"entity\": \"%s\", \"id\": \"%s%s\", \"version\": 1, "
                              "\"fields\": {%s}}",
                              i > 0 ? ", " : "", family[i].entity, c, family[i].suffix, fields);
    }
  g_string_append (page, "], \"removed\": [], \"next\": \"f\", \"more\": false}");

  /* Every synced kind of record is in the family. */
  {
    guint n_entities;

    cf_entities_get_all (&n_entities);
    g_assert_cmpuint (G_N_ELEMENTS (family), ==, n_entities);
  }

  node = parse (page->str);
  g_assert_true (cf_sync_local_apply_page (fixture->store, node, &more, NULL, &error));
  g_assert_no_error (error);
}

/* How many records, of every synced kind, have an id starting with @prefix. */
static gint64
count_family (CfStore    *store,
              const char *prefix)
{
  const CfEntityInfo *entities;
  guint n;
  gint64 total = 0;

  entities = cf_entities_get_all (&n);
  for (guint i = 0; i < n; i++)
    total += count_printf (store, entities[i].entity, "id LIKE '%s%%'", prefix);

  return total;
}

static void
remove_page (Fixture       *fixture,
             CfSyncSummary *summary,
             const char    *carer_id)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  gboolean more;

  node = parse_printf ("{\"format\": 1, \"records\": [], \"removed\": ["
                       "{\"entity\": \"carer\", \"id\": \"%s\"}, "
                       "{\"entity\": \"carer\", \"id\": \"never-here\"}, "
                       "{\"entity\": \"assessment\", \"id\": \"ignored\"}], "
                       "\"next\": \"r\", \"more\": false}", carer_id);
  g_assert_true (cf_sync_local_apply_page (fixture->store, node, &more, summary, &error));
  g_assert_no_error (error);
}

static void
test_page_removed_carer (Fixture       *fixture,
                         gconstpointer  data)
{
  CfSyncSummary summary = { 0 };
  guint n_entities;

  cf_entities_get_all (&n_entities);
  pull_family (fixture, "gone");
  pull_family (fixture, "stays");
  g_assert_cmpint (count_family (fixture->store, "gone"), ==, n_entities);
  g_assert_cmpint (cf_store_count (fixture->store, "outbox", NULL), ==, 0);
  exec_printf (fixture->store,
               "INSERT INTO sync_conflict (entity, record_id, field, client, reported_at) "
               "VALUES ('plan_need', 'gone-pn', 'need', '\"x\"', 't'), "
               "('plan_need', 'stays-pn', 'need', '\"y\"', 't');");

  remove_page (fixture, &summary, "gone");

  /* The carer and everything of theirs, down to grandchildren, and their conflicts; no
   * tombstones, nothing to push. Another carer is untouched. */
  g_assert_cmpuint (summary.removed, ==, 1);
  g_assert_cmpint (count_family (fixture->store, "gone"), ==, 0);
  g_assert_cmpint (count_family (fixture->store, "stays"), ==, n_entities);
  g_assert_cmpint (cf_test_count (fixture->store, "sync_conflict", "record_id = 'gone-pn'"), ==, 0);
  g_assert_cmpint (cf_test_count (fixture->store, "sync_conflict", "record_id = 'stays-pn'"), ==,
                   1);
  g_assert_cmpint (cf_store_count (fixture->store, "outbox", NULL), ==, 0);
  g_assert_cmpint (cf_test_count (fixture->store, "audit",
                                  "action = 'sync' AND "
                                  "detail = 'pulled 0 records, removed 1 carer'"), ==, 1);
}

static void
test_page_removed_carer_kept (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(GError) error = NULL;
  CfSyncSummary summary = { 0 };
  CfRecord *contact;
  guint n_entities;

  cf_entities_get_all (&n_entities);
  pull_family (fixture, "kept");

  /* An edit of a grandchild, still waiting to go up. */
  contacts = cf_store_load_records (fixture->store, CF_TYPE_EMERGENCY_CONTACT, "id = ?",
                                    "kept-ec", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (contacts->len, ==, 1);
  contact = g_ptr_array_index (contacts, 0);
  cf_record_set_text (contact, "phone", "01632 960888");
  g_assert_true (cf_store_save (fixture->store, &contact, 1, &error));
  g_assert_no_error (error);

  remove_page (fixture, &summary, "kept");
  g_assert_cmpuint (summary.removed, ==, 0);
  g_assert_cmpint (count_family (fixture->store, "kept"), ==, n_entities);
  g_assert_cmpint (cf_test_count (fixture->store, "emergency_contact",
                                  "id = 'kept-ec' AND phone = '01632 960888'"), ==, 1);

  /* Refused is still an edit a person has to see. */
  g_assert_true (cf_store_exec (fixture->store, "UPDATE outbox SET state = 'error';", &error));
  remove_page (fixture, &summary, "kept");
  g_assert_cmpuint (summary.removed, ==, 0);
  g_assert_cmpint (count_family (fixture->store, "kept"), ==, n_entities);

  /* Once nothing waits, the carer goes. */
  g_assert_true (cf_store_exec (fixture->store, "DELETE FROM outbox;", &error));
  remove_page (fixture, &summary, "kept");
  g_assert_cmpuint (summary.removed, ==, 1);
  g_assert_cmpint (count_family (fixture->store, "kept"), ==, 0);
}

static void
test_page_malformed (Fixture       *fixture,
                     gconstpointer  data)
{
  CfSyncSummary summary = { 0 };
  g_autofree char *cursor = NULL;
  const char *bad[] = {
    "[]",
    "{\"records\": [], \"removed\": [], \"next\": \"x\", \"more\": false}",
    "{\"format\": 1, \"removed\": [], \"next\": \"x\", \"more\": false}",
    "{\"format\": 1, \"records\": [], \"next\": \"x\", \"more\": false}",
    "{\"format\": 1, \"records\": [], \"removed\": [], \"more\": false}",
    "{\"format\": 1, \"records\": [], \"removed\": [], \"next\": 5, \"more\": false}",
    "{\"format\": 1, \"records\": [], \"removed\": [], \"next\": \"x\"}",
    "{\"format\": 1, \"records\": [], \"removed\": [], \"next\": \"x\", \"more\": 1}",
    "{\"format\": 1, \"records\": [1], \"removed\": [], \"next\": \"x\", \"more\": false}",
    "{\"format\": 1, \"records\": [{\"entity\": \"carer\", \"version\": 1, \"fields\": {}}], "
    "\"removed\": [], \"next\": \"x\", \"more\": false}",
    "{\"format\": 1, \"records\": [{\"entity\": \"carer\", \"id\": \"c\", \"version\": \"1\", "
    "\"fields\": {}}], \"removed\": [], \"next\": \"x\", \"more\": false}",
    "{\"format\": 1, \"records\": [{\"entity\": \"carer\", \"id\": \"c\", \"version\": 1}], "
    "\"removed\": [], \"next\": \"x\", \"more\": false}",
    "{\"format\": 1, \"records\": [{\"entity\": \"carer\", \"id\": \"c\", \"version\": 1, "
    "\"deleted\": 0, \"fields\": {}}], \"removed\": [], \"next\": \"x\", \"more\": false}",
    /* A good record, then a removal of the wrong shape: the good one is not kept either. */
    "{\"format\": 1, \"records\": [{\"entity\": \"carer\", \"id\": \"c\", \"version\": 1, "
    "\"fields\": {\"family_name\": \"Holt\"}}], \"removed\": [{\"entity\": \"carer\"}], "
    "\"next\": \"x\", \"more\": false}",
  };

  apply_page (fixture, &summary,
              "{\"format\": 1, \"records\": [], \"removed\": [], \"next\": \"good\", "
              "\"more\": true}");

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = parse (bad[i]);
      g_autoptr(GError) error = NULL;
      gboolean more = TRUE;

      g_assert_false (cf_sync_local_apply_page (fixture->store, node, &more, &summary, &error));
      if (error == NULL || !g_error_matches (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED))
        g_error ("“%s” gave %s", bad[i], error ? error->message : "no error");
      g_assert_false (more);
    }

  {
    g_autoptr(JsonNode) node = parse ("{\"format\": 2, \"records\": [], \"removed\": [], "
                                      "\"next\": \"x\", \"more\": false}");
    g_autoptr(GError) error = NULL;
    gboolean more;

    g_assert_false (cf_sync_local_apply_page (fixture->store, node, &more, &summary, &error));
    g_assert_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_UNSUPPORTED_FORMAT);
  }

  /* Nothing changed, the cursor included. */
  cursor = dup_cursor (fixture->store);
  g_assert_cmpstr (cursor, ==, "good");
  g_assert_cmpint (cf_store_count (fixture->store, "carer", NULL), ==, 0);
  g_assert_cmpuint (summary.pulled + summary.removed, ==, 0);
  g_assert_cmpint (cf_test_count (fixture->store, "audit", "action = 'sync'"), ==, 0);
}

/* Conflicts ---------------------------------------------------------------------------------- */

static void
test_conflicts_resolve (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CfCarer) carer = synced_carer (fixture, "Ash", 1);
  g_autoptr(CfCarer) other = synced_carer (fixture, "Birch", 1);
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) number = parse ("42");
  g_autoptr(JsonNode) ours = parse ("\"01632 960222\"");
  g_autoptr(JsonNode) theirs = parse ("\"s@example.org\"");
  g_autofree char *response = NULL;
  const char *id = id_of (carer);
  gint64 phone_conflict, email_conflict;
  gint64 audit;

  save_text (fixture, carer, "phone", "01632 960222");
  save_text (fixture, carer, "email", "c@example.org");
  batch = next_batch (fixture, 100);
  response = g_strdup_printf (
    "{\"format\": 1, \"results\": [{\"op_id\": \"%s\", \"result\": \"conflict\", \"version\": 7,"
    " \"conflicts\": [{\"field\": \"phone\", \"base\": \"01632 960000\","
    "  \"server\": \"01632 960111\", \"client\": \"01632 960222\"},"
    "  {\"field\": \"email\", \"server\": \"s@example.org\", \"client\": \"c@example.org\"}]}]}",
    op_at (batch, 0)->op_id);
  apply_results (fixture, batch, NULL, response);

  conflicts = cf_sync_local_list_conflicts (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 2);
  phone_conflict = ((CfSyncConflict *) g_ptr_array_index (conflicts, 0))->id;
  email_conflict = ((CfSyncConflict *) g_ptr_array_index (conflicts, 1))->id;
  g_assert_cmpint (phone_conflict, <, email_conflict);
  none = cf_sync_local_list_conflicts (fixture->store, id_of (other), &error);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpint (cf_store_count (fixture->store, "outbox", NULL), ==, 0);

  /* A value of the wrong type is refused, and nothing changes. */
  g_assert_false (cf_sync_local_resolve (fixture->store, phone_conflict, number, &error));
  g_assert_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_BAD_FIELD);
  g_assert_nonnull (strstr (error->message, "must be text"));
  g_clear_error (&error);
  g_assert_cmpint (cf_store_count (fixture->store, "outbox", NULL), ==, 0);
  g_assert_cmpint (cf_test_count (fixture->store, "sync_conflict", "resolved_at = ''"), ==, 2);

  /* Keeping this device's value, which the record already holds, still sends it: the server
   * kept its own. Audited as a change; the other conflict keeps the record in conflict. */
  audit = cf_test_count (fixture->store, "audit", "action = 'change' AND detail = 'phone'");
  g_assert_true (cf_sync_local_resolve (fixture->store, phone_conflict, ours, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_printf (fixture->store, "outbox",
                                 "record_id = '%s' AND operation = 'update' AND base_version = 7 "
                                 "AND fields = '{\"phone\":\"01632 960222\"}'", id), ==, 1);
  g_assert_cmpint (cf_test_count (fixture->store, "audit",
                                  "action = 'change' AND detail = 'phone'"), ==, audit + 1);
  g_assert_cmpint (count_printf (fixture->store, "sync_conflict",
                                 "id = %" G_GINT64_FORMAT " AND "
                                 "resolved_at = '2026-11-18T10:30:00Z'", phone_conflict), ==, 1);
  g_assert_cmpint (count_printf (fixture->store, "carer", "id = '%s' AND sync_state = 'conflict'",
                                 id), ==, 1);

  /* Taking the server's value for the other: folded into the same waiting operation, and the
   * record is back to local. */
  g_assert_true (cf_sync_local_resolve (fixture->store, email_conflict, theirs, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_printf (fixture->store, "outbox",
                                 "record_id = '%s' AND fields = "
                                 "'{\"phone\":\"01632 960222\",\"email\":\"s@example.org\"}'",
                                 id), ==, 1);
  g_assert_cmpint (count_printf (fixture->store, "carer",
                                 "id = '%s' AND sync_state = 'local' AND email = 's@example.org' "
                                 "AND phone = '01632 960222' AND version = 7", id), ==, 1);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = cf_sync_local_list_conflicts (fixture->store, NULL, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);

  /* Resolving twice is an error in words; so is a conflict that is not here. */
  g_assert_false (cf_sync_local_resolve (fixture->store, phone_conflict, ours, &error));
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "already been resolved"));
  g_clear_error (&error);
  g_assert_false (cf_sync_local_resolve (fixture->store, 9999, ours, &error));
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_FOUND);
}

/* Store and profile ---------------------------------------------------------------------------- */

static void
test_open_another (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) other = cf_store_open_another (fixture->store, &error);
  g_autoptr(CfCarer) saved = NULL;
  g_autoptr(CfCarer) seen = NULL;
  g_autoptr(CfCarer) written = NULL;
  g_autoptr(CfCarer) back = NULL;
  g_autoptr(GPtrArray) batch = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (other);
  g_assert_true (other != fixture->store);
  g_assert_cmpstr (cf_store_get_path (other), ==, cf_store_get_path (fixture->store));
  g_assert_true (cf_store_get_clock (other) == cf_store_get_clock (fixture->store));
  g_assert_cmpstr (cf_store_get_user_name (other), ==, "Sam Assessor");
  g_assert_cmpstr (cf_store_get_device_id (other), ==, cf_store_get_device_id (fixture->store));

  /* What one connection saves, the other reads, both ways. */
  saved = cf_test_save_carer (fixture->store, "family_name", "Rowan", NULL);
  seen = cf_store_load_carer (other, id_of (saved), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (seen), "family_name"), ==, "Rowan");

  written = cf_test_save_carer (other, "family_name", "Sorrel", NULL);
  back = cf_store_load_carer (fixture->store, id_of (written), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (back), "family_name"), ==, "Sorrel");

  /* The sync worker's connection takes the batch; the window's sees it taken. */
  batch = cf_sync_local_next_batch (other, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batch->len, ==, 2);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", "sent = 1"), ==, 2);

  /* A closed store cannot open another. */
  g_assert_true (cf_store_close (other, &error));
  g_clear_object (&other);
  {
    g_autoptr(CfStore) closed = cf_test_open_store (fixture->dir, NULL);
    g_autoptr(CfStore) none = NULL;

    g_assert_true (cf_store_close (closed, &error));
    none = cf_store_open_another (closed, &error);
    g_assert_null (none);
    g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED);
  }
}

static void
test_profile_wipe (void)
{
  g_autofree char *dir = cf_test_make_dir ("wipe");
  g_autofree char *profile = g_build_filename (dir, "profile", NULL);
  g_autofree char *db = g_build_filename (profile, "carefield.db", NULL);
  g_autofree char *key = g_build_filename (profile, "key", NULL);
  g_autofree char *wal = g_build_filename (profile, "carefield.db-wal", NULL);
  g_autofree char *shm = g_build_filename (profile, "carefield.db-shm", NULL);
  g_autofree char *other = g_build_filename (profile, "keep-me.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfStore) again = NULL;
  g_autoptr(CfCarer) carer = NULL;

  store = cf_profile_create (profile, "correct horse battery", "Sam Assessor", NULL, &error);
  g_assert_no_error (error);
  carer = cf_test_save_carer (store, "family_name", "Quillfeather", NULL);
  g_assert_true (g_file_set_contents (other, "not Carefield's", -1, &error));
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (cf_profile_exists (profile));

  /* Closing checkpoints the WAL away; leave a -wal and -shm as a crash would, to see them go
   * too. */
  g_clear_object (&store);
  g_assert_true (g_file_set_contents (wal, "left over", -1, &error));
  g_assert_true (g_file_set_contents (shm, "left over", -1, &error));
  g_assert_true (cf_profile_wipe (profile, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (key, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (cf_profile_exists (profile));
  /* Only Carefield's own files. */
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));

  /* Nothing there is not an error. */
  g_assert_true (cf_profile_wipe (profile, &error));
  g_assert_no_error (error);

  /* Back to first run: a new profile, empty. */
  again = cf_profile_create (profile, "another good passphrase", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_store_count (again, "carer", NULL), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/sync-local/account", test_account);
  ADD ("/sync-local/outbox/coalesce", test_coalesce);
  ADD ("/sync-local/outbox/coalesce-operations", test_coalesce_operations);
  ADD ("/sync-local/batch/one-per-record", test_batch_one_per_record);
  ADD ("/sync-local/batch/rebase-applied-not-merged", test_batch_rebase);
  g_test_add_func ("/sync-local/batch/gvariant-rows", test_batch_gvariant_rows);
  ADD ("/sync-local/batch/unreadable-row", test_batch_unreadable_row);
  ADD ("/sync-local/results/each-kind", test_results_each_kind);
  ADD ("/sync-local/results/missing", test_results_missing);
  ADD ("/sync-local/results/malformed", test_results_malformed);
  ADD ("/sync-local/page/insert-update", test_page_insert_update);
  ADD ("/sync-local/page/keeps-unpushed-edits", test_page_keeps_unpushed);
  ADD ("/sync-local/page/child-before-parent", test_page_child_before_parent);
  ADD ("/sync-local/page/removed-carer", test_page_removed_carer);
  ADD ("/sync-local/page/removed-carer-kept", test_page_removed_carer_kept);
  ADD ("/sync-local/page/malformed", test_page_malformed);
  ADD ("/sync-local/conflicts/resolve", test_conflicts_resolve);
  ADD ("/sync-local/store/open-another", test_open_another);
  g_test_add_func ("/sync-local/profile/wipe", test_profile_wipe);

#undef ADD

  return g_test_run ();
}
