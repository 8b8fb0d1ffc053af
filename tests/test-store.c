/* test-store.c: the encrypted store, its migrations, outbox and audit trail
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include "cf-carer-event.h"
#include "cf-profile.h"
#include "cf-referral.h"
#include "cf-store-private.h"

#define PASSPHRASE "correct horse battery"

static CfClock *
fixed_clock (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 18, 10, 30, 0);

  return cf_clock_new_fixed (now);
}

static char *
new_profile_dir (void)
{
  static guint counter;

  return g_strdup_printf ("%s/profile-%u", g_get_user_data_dir (), counter++);
}

static CfStore *
new_store (char **out_dir)
{
  g_autofree char *dir = new_profile_dir ();
  g_autoptr(CfClock) clock = fixed_clock ();
  g_autoptr(GError) error = NULL;
  CfStore *store;

  store = cf_profile_create (dir, PASSPHRASE, "Test Worker", clock, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  if (out_dir != NULL)
    *out_dir = g_steal_pointer (&dir);

  return store;
}

static gint64
count_where (CfStore    *store,
             const char *sql)
{
  g_autoptr(GError) error = NULL;
  gint64 n;

  /* cf_store_count only takes table names; views give us filtered counts. */
  g_assert_true (cf_store_exec (store, "DROP VIEW IF EXISTS probe;", &error));
  {
    g_autofree char *create = g_strdup_printf ("CREATE TEMP VIEW probe AS %s;", sql);

    g_assert_true (cf_store_exec (store, create, &error));
  }
  n = cf_store_count (store, "probe", &error);
  g_assert_no_error (error);
  g_assert_true (cf_store_exec (store, "DROP VIEW probe;", &error));

  return n;
}

/* Fills every field of a carer with a distinct value, so a column mix-up shows. */
static void
fill_every_field (CfRecord *record)
{
  guint n_fields;
  const CfField *fields = cf_record_get_fields (record, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *text = NULL;

      if (g_str_equal (fields[i].name, "carer_id"))
        continue;

      switch (fields[i].type)
        {
        case CF_FIELD_TEXT:
          text = g_strdup_printf ("%s — “value” ’%u’ ✓", fields[i].name, i);
          cf_record_set_text (record, fields[i].name, text);
          break;
        case CF_FIELD_BOOL:
          cf_record_set_bool (record, fields[i].name, TRUE);
          break;
        case CF_FIELD_INT:
          cf_record_set_int (record, fields[i].name, 1000 + i);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
assert_same_fields (CfRecord *a,
                    CfRecord *b)
{
  guint n_fields;
  const CfField *fields = cf_record_get_fields (a, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      g_autofree char *sa = NULL;
      g_autofree char *sb = NULL;

      g_value_init (&va, G_VALUE_TYPE (cf_record_get_value (a, i)));
      g_value_init (&vb, G_VALUE_TYPE (cf_record_get_value (b, i)));
      g_value_copy (cf_record_get_value (a, i), &va);
      g_value_copy (cf_record_get_value (b, i), &vb);
      sa = g_strdup_value_contents (&va);
      sb = g_strdup_value_contents (&vb);
      if (g_strcmp0 (sa, sb) != 0)
        g_error ("field %s: %s != %s", fields[i].name, sa, sb);
    }
}

static void
test_round_trip_every_field (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CfStore) store = new_store (&dir);
  g_autoptr(CfCarer) carer = cf_carer_new ();
  g_autoptr(CfCarer) loaded = NULL;
  g_autoptr(CfStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  CfCaredFor *person;
  g_autoptr(CfRecord) loaded_person = NULL;
  const char *id = cf_record_get_id (CF_RECORD (carer));

  fill_every_field (CF_RECORD (carer));
  person = cf_carer_add_cared_for (carer);
  fill_every_field (CF_RECORD (person));

  g_assert_true (cf_store_save_carer (store, carer, &error));
  g_assert_no_error (error);
  g_assert_false (cf_record_is_dirty (CF_RECORD (carer)));
  g_assert_cmpstr (cf_record_get_updated_by (CF_RECORD (carer)), ==, "Test Worker");
  g_assert_cmpstr (cf_record_get_updated_at (CF_RECORD (carer)), ==, "2026-11-18T10:30:00Z");

  /* Through a fresh connection, so nothing comes from memory. */
  g_assert_true (cf_store_close (store, &error));
  reopened = cf_profile_unlock (dir, PASSPHRASE, NULL, &error);
  g_assert_no_error (error);

  loaded = cf_store_load_carer (reopened, id, &error);
  g_assert_no_error (error);
  assert_same_fields (CF_RECORD (carer), CF_RECORD (loaded));
  g_assert_cmpstr (cf_record_get_sync_state (CF_RECORD (loaded)), ==, "local");
  g_assert_cmpint (cf_record_get_version (CF_RECORD (loaded)), ==, 0);

  g_assert_cmpuint (g_list_model_get_n_items (cf_carer_get_cared_for (loaded)), ==, 1);
  loaded_person = g_list_model_get_item (cf_carer_get_cared_for (loaded), 0);
  assert_same_fields (CF_RECORD (person), loaded_person);
}

static void
test_load_by_reference (void)
{
  g_autoptr(CfStore) store = new_store (NULL);
  g_autoptr(CfCarer) carer = cf_carer_new ();
  g_autoptr(CfCarer) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lower = NULL;
  const char *reference = cf_record_get_text (CF_RECORD (carer), "reference");

  g_assert_true (g_str_has_prefix (reference, "CF-"));
  g_assert_cmpuint (strlen (reference), ==, 12);
  cf_record_set_text (CF_RECORD (carer), "family_name", "Wren");
  g_assert_true (cf_store_save_carer (store, carer, &error));

  lower = g_ascii_strdown (reference, -1);
  loaded = cf_store_load_carer (store, lower, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (loaded), "family_name"), ==, "Wren");

  g_clear_object (&loaded);
  loaded = cf_store_load_carer (store, "CF-0000-0000", &error);
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_FOUND);
  g_assert_null (loaded);
}

static void
test_encrypted_at_rest (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CfStore) store = new_store (&dir);
  g_autoptr(CfCarer) carer = cf_carer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  cf_record_set_text (CF_RECORD (carer), "given_name", "Philippa");
  cf_record_set_text (CF_RECORD (carer), "family_name", "Quillfeather");
  cf_record_set_text (CF_RECORD (carer), "postcode", "LN1 3AB");
  g_assert_true (cf_store_save_carer (store, carer, &error));
  g_assert_true (cf_store_close (store, &error));

  db_path = g_build_filename (dir, "carefield.db", NULL);
  g_assert_true (g_file_get_contents (db_path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1024);
  g_assert_null (memmem (contents, length, "Quillfeather", strlen ("Quillfeather")));
  g_assert_null (memmem (contents, length, "Philippa", strlen ("Philippa")));
  g_assert_null (memmem (contents, length, "LN1 3AB", strlen ("LN1 3AB")));
  /* Not even the SQLite header: the whole file is ciphertext. */
  g_assert_null (memmem (contents, length, "SQLite format 3", 15));
}

static void
test_wrong_passphrase (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CfStore) store = new_store (&dir);
  g_autoptr(CfStore) other = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_store_close (store, &error));

  other = cf_profile_unlock (dir, "correct horse battery!", NULL, &error);
  g_assert_error (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_WRONG_PASSPHRASE);
  g_assert_null (other);
  g_assert_nonnull (strstr (error->message, "not right"));
  g_clear_error (&error);

  /* And the right one still works afterwards: nothing was damaged by the wrong try. */
  other = cf_profile_unlock (dir, PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (other);
}

static void
test_wrong_raw_key (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CfStore) store = new_store (&dir);
  g_autoptr(CfStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (dir, "carefield.db", NULL);
  guint8 zeros[32] = { 0 };
  g_autoptr(GBytes) key = g_bytes_new (zeros, sizeof zeros);

  g_assert_true (cf_store_close (store, &error));
  other = cf_store_new (db_path, key, NULL, &error);
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_WRONG_KEY);
  g_assert_null (other);
}

static void
test_change_passphrase (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CfStore) store = new_store (&dir);
  g_autoptr(CfCarer) carer = cf_carer_new ();
  g_autoptr(CfStore) reopened = NULL;
  g_autoptr(CfCarer) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = g_build_filename (dir, "carefield.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;

  cf_record_set_text (CF_RECORD (carer), "family_name", "Siskinwood");
  g_assert_true (cf_store_save_carer (store, carer, &error));
  g_assert_true (cf_store_close (store, &error));
  g_assert_true (g_file_get_contents (db_path, &before, &before_len, NULL));

  g_assert_false (cf_profile_change_passphrase (dir, PASSPHRASE, "short", &error));
  g_assert_error (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_WEAK_PASSPHRASE);
  g_clear_error (&error);

  g_assert_true (cf_profile_change_passphrase (dir, PASSPHRASE, "a brand new passphrase",
                                               &error));
  g_assert_no_error (error);

  /* Rewrapped, not re-encrypted: the database file is byte for byte the same. */
  g_assert_true (g_file_get_contents (db_path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  reopened = cf_profile_unlock (dir, PASSPHRASE, NULL, &error);
  g_assert_error (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_WRONG_PASSPHRASE);
  g_clear_error (&error);

  reopened = cf_profile_unlock (dir, "a brand new passphrase", NULL, &error);
  g_assert_no_error (error);
  loaded = cf_store_load_carer (reopened, cf_record_get_id (CF_RECORD (carer)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (loaded), "family_name"), ==, "Siskinwood");
}

static void
test_weak_passphrases (void)
{
  const char *weak[] = { "", "short", "123456789", "aaaaaaaaaaaaaa", "abababababab",
                         "Password123", "qwertyuiop" };
  const char *strong[] = { "correct horse battery", "carefield-demo", "Lincoln fens 1987" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = new_profile_dir ();
  g_autoptr(CfStore) store = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (weak); i++)
    {
      g_autofree char *message = cf_passphrase_check (weak[i]);

      if (message == NULL)
        g_error ("“%s” was accepted", weak[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (strong); i++)
    {
      g_autofree char *message = cf_passphrase_check (strong[i]);

      g_assert_null (message);
    }

  store = cf_profile_create (dir, "short", NULL, NULL, &error);
  g_assert_error (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_WEAK_PASSPHRASE);
  g_assert_null (store);
  g_assert_false (cf_profile_exists (dir));
}

static void
test_profile_exists (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CfStore) store = new_store (&dir);
  g_autoptr(CfStore) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_profile_exists (dir));
  again = cf_profile_create (dir, PASSPHRASE, NULL, NULL, &error);
  g_assert_error (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_EXISTS);
  g_assert_null (again);
}

static void
test_key_file_damaged (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(CfStore) store = new_store (&dir);
  g_autoptr(CfStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key_path = g_build_filename (dir, "key", NULL);

  g_assert_true (cf_store_close (store, &error));
  g_assert_true (g_file_set_contents (key_path, "[Carefield Key]\nSalt=AAAA\n", -1, &error));

  other = cf_profile_unlock (dir, PASSPHRASE, NULL, &error);
  g_assert_error (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_DAMAGED);
  g_assert_null (other);
}

static void
test_outbox_and_audit (void)
{
  g_autoptr(CfStore) store = new_store (NULL);
  g_autoptr(CfCarer) carer = cf_carer_new ();
  g_autoptr(CfCarer) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  CfCaredFor *person;
  const char *id = cf_record_get_id (CF_RECORD (carer));

  cf_record_set_text (CF_RECORD (carer), "given_name", "Hester");
  person = cf_carer_add_cared_for (carer);
  cf_record_set_text (CF_RECORD (person), "name", "Godfrey");
  g_assert_true (cf_store_save_carer (store, carer, &error));

  /* A creation each, with every field. */
  g_assert_cmpint (cf_store_count (store, "outbox", NULL), ==, 2);
  where = g_strdup_printf ("SELECT * FROM outbox WHERE record_id = '%s' AND operation = 'create'"
                           " AND base_version = 0 AND fields_format = 'json' AND sent = 0"
                           " AND fields LIKE '%%\"given_name\":\"Hester\"%%'"
                           " AND fields LIKE '%%\"phone\":\"\"%%'", id);
  g_assert_cmpint (count_where (store, where), ==, 1);
  g_assert_cmpint (count_where (store, "SELECT * FROM audit WHERE action = 'create'"), ==, 2);

  /* Saving with no change writes nothing. */
  g_assert_true (cf_store_save_carer (store, carer, &error));
  g_assert_cmpint (cf_store_count (store, "outbox", NULL), ==, 2);

  /* Once the creation has gone up in a push (sent), an edit is an operation of its own that
   * sends only the field that changed, and the audit names it without its value. Before a
   * push it would be folded into the creation (test-sync-local.c). */
  g_assert_true (cf_store_exec (store, "UPDATE outbox SET sent = 1;", &error));
  cf_record_set_text (CF_RECORD (carer), "phone", "01632 960123");
  g_assert_true (cf_store_save_carer (store, carer, &error));
  g_assert_cmpint (cf_store_count (store, "outbox", NULL), ==, 3);
  g_clear_pointer (&where, g_free);
  where = g_strdup_printf ("SELECT * FROM outbox WHERE record_id = '%s' AND operation = 'update'"
                           " AND fields = '{\"phone\":\"01632 960123\"}'", id);
  g_assert_cmpint (count_where (store, where), ==, 1);
  g_assert_cmpint (count_where (store, "SELECT * FROM audit WHERE action = 'change' AND "
                                       "detail = 'phone'"), ==, 1);
  g_assert_cmpint (count_where (store, "SELECT * FROM audit WHERE detail LIKE '%01632%'"), ==, 0);

  /* Removing a cared-for person is a tombstone, pushed as a delete. */
  cf_carer_remove_cared_for (carer, person);
  g_assert_true (cf_store_save_carer (store, carer, &error));
  g_assert_cmpint (count_where (store, "SELECT * FROM outbox WHERE operation = 'delete' AND "
                                       "entity = 'cared_for'"), ==, 1);
  g_assert_cmpint (count_where (store, "SELECT * FROM cared_for WHERE deleted = 1"), ==, 1);

  /* Viewing is audited. */
  loaded = cf_store_load_carer (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cf_carer_get_cared_for (loaded)), ==, 0);
  g_assert_cmpint (count_where (store, "SELECT * FROM audit WHERE action = 'view'"), ==, 1);
  g_assert_cmpint (count_where (store, "SELECT * FROM audit WHERE user_name = 'Test Worker' "
                                       "AND length (device_id) = 32"),
                   ==, cf_store_count (store, "audit", NULL));
}

static void
test_audit_append_only (void)
{
  g_autoptr(CfStore) store = new_store (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_store_audit (store, CF_AUDIT_PRINT, "carer", "x", NULL, &error));
  g_assert_false (cf_store_exec (store, "UPDATE audit SET user_name = 'someone else';", &error));
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "cannot be changed"));
  g_clear_error (&error);
  g_assert_false (cf_store_exec (store, "DELETE FROM audit;", &error));
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED);
  g_clear_error (&error);
  /* Nor by replacing a row whole, which fires no delete trigger. */
  g_assert_false (cf_store_exec (store, "INSERT OR REPLACE INTO audit (seq, id, at, user_name, "
                                 "device_id, action, entity) SELECT seq, id, at, 'someone else', "
                                 "device_id, 'view', entity FROM audit;", &error));
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "cannot be changed"));
  g_clear_error (&error);
  g_assert_cmpint (count_where (store, "SELECT * FROM audit WHERE action = 'print' "
                                "AND user_name != 'someone else'"), ==, 1);
}

static void
test_failed_save_keeps_edits (void)
{
  g_autoptr(CfStore) store = new_store (NULL);
  g_autoptr(CfCarer) carer = cf_carer_new ();
  g_autoptr(GError) error = NULL;

  cf_record_set_text (CF_RECORD (carer), "given_name", "Olwen");
  g_assert_true (cf_store_save_carer (store, carer, &error));

  /* The database refuses every outbox write, a new row or one folded into the waiting row:
   * the save fails whole. */
  g_assert_true (cf_store_exec (store,
                                "CREATE TEMP TRIGGER no_outbox BEFORE INSERT ON outbox "
                                "BEGIN SELECT RAISE (ABORT, 'disk full'); END;"
                                "CREATE TEMP TRIGGER no_outbox_fold BEFORE UPDATE ON outbox "
                                "BEGIN SELECT RAISE (ABORT, 'disk full'); END;", &error));
  cf_record_set_text (CF_RECORD (carer), "given_name", "Olwen Mary");
  g_assert_false (cf_store_save_carer (store, carer, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Nothing half-written, and the edit is still there to save again. */
  g_assert_cmpint (count_where (store, "SELECT * FROM carer WHERE given_name = 'Olwen Mary'"),
                   ==, 0);
  g_assert_true (cf_record_is_dirty (CF_RECORD (carer)));
  g_assert_true (cf_store_exec (store, "DROP TRIGGER no_outbox; DROP TRIGGER no_outbox_fold;",
                                &error));
  g_assert_true (cf_store_save_carer (store, carer, &error));
  g_assert_cmpint (count_where (store, "SELECT * FROM carer WHERE given_name = 'Olwen Mary'"),
                   ==, 1);
}

static GBytes *
random_key (void)
{
  guint8 key[32];

  /* The isolated data folder exists only once something makes it. */
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);

  for (guint i = 0; i < sizeof key; i++)
    key[i] = g_random_int_range (0, 256);

  return g_bytes_new (key, sizeof key);
}

/* Every earlier schema, with data in it, migrates to the current one and keeps its data. */
static void
test_migrations_from_each_version (void)
{
  for (int from = 0; from <= CF_STORE_SCHEMA_VERSION; from++)
    {
      g_autofree char *path = g_strdup_printf ("%s/migrate-%d.db", g_get_user_data_dir (), from);
      g_autoptr(GBytes) key = random_key ();
      g_autoptr(GError) error = NULL;
      g_autoptr(CfStore) old = NULL;
      g_autoptr(CfStore) current = NULL;

      old = cf_store_new_at_version (path, key, from, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cf_store_get_schema_version (old), ==, from);

      if (from >= 1)
        g_assert_true (cf_store_exec (old,
                                      "INSERT INTO carer (id, updated_at, updated_by, "
                                      "family_name) VALUES ('c1', 'then', 'me', 'Oakapple');",
                                      &error));
      g_assert_no_error (error);
      g_assert_true (cf_store_close (old, &error));

      current = cf_store_new (path, key, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cf_store_get_schema_version (current), ==, CF_STORE_SCHEMA_VERSION);
      g_assert_cmpint (cf_store_count (current, "carer", NULL), ==, from >= 1 ? 1 : 0);
      g_assert_cmpint (cf_store_count (current, "carer_event", NULL), ==, 0);

      if (from >= 1)
        {
          g_autoptr(CfCarer) loaded = cf_store_load_carer (current, "c1", &error);

          g_assert_no_error (error);
          g_assert_cmpstr (cf_record_get_text (CF_RECORD (loaded), "family_name"), ==,
                           "Oakapple");
          /* Columns added by later migrations have their defaults. */
          g_assert_cmpstr (cf_record_get_text (CF_RECORD (loaded), "status"), ==, "waiting");
        }
    }
}

static void
test_newer_schema_refused (void)
{
  g_autofree char *path = g_strdup_printf ("%s/newer.db", g_get_user_data_dir ());
  g_autoptr(GBytes) key = random_key ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = cf_store_new (path, key, NULL, &error);
  g_autoptr(CfStore) again = NULL;

  g_assert_no_error (error);
  g_assert_true (cf_store_exec (store, "PRAGMA user_version = 99;", &error));
  g_assert_true (cf_store_close (store, &error));

  again = cf_store_new (path, key, NULL, &error);
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Carefield"));
  g_assert_null (again);
}

static void
test_referral_operations (void)
{
  g_autoptr(CfStore) store = new_store (NULL);
  g_autoptr(CfCarer) carer = cf_carer_new ();
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  CfRecord *record = CF_RECORD (carer);
  g_autofree char *title = NULL;

  cf_record_set_text (record, "family_name", "Fieldfare");
  cf_record_set_text (record, "priority", "green");
  g_assert_true (cf_store_save_carer (store, carer, &error));
  g_assert_cmpstr (cf_record_get_text (record, "status"), ==, "waiting");

  /* A waiting-well call changes nothing but the history. */
  g_assert_true (cf_referral_record_contact (store, carer, CF_EVENT_WAITING_WELL, NULL,
                                             "Coping; asked about respite.", &error));
  g_assert_cmpstr (cf_record_get_text (record, "status"), ==, "waiting");

  /* Re-rating needs a reason, and keeps the old priority in the history. */
  g_assert_false (cf_referral_rerate (store, carer, "red", "  ", &error));
  g_assert_error (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (cf_referral_rerate (store, carer, "purple", "why not", &error));
  g_clear_error (&error);
  g_assert_cmpstr (cf_record_get_text (record, "priority"), ==, "green");
  g_assert_true (cf_referral_rerate (store, carer, "red", "Cared-for person fell.", &error));
  g_assert_cmpstr (cf_record_get_text (record, "priority"), ==, "red");

  g_assert_true (cf_referral_record_contact (store, carer, CF_EVENT_FIRST_CONTACT, NULL,
                                             "Visit booked.", &error));
  g_assert_cmpstr (cf_record_get_text (record, "status"), ==, "active");
  g_assert_cmpstr (cf_record_get_text (record, "first_contact_at"), ==, "2026-11-18T10:30:00Z");
  g_assert_false (cf_referral_record_contact (store, carer, CF_EVENT_FIRST_CONTACT, NULL,
                                              NULL, &error));
  g_clear_error (&error);

  g_assert_false (cf_referral_close (store, carer, "information-only", "", &error));
  g_clear_error (&error);
  g_assert_false (cf_referral_close (store, carer, "", "Carers’ guide.", &error));
  g_clear_error (&error);
  g_assert_true (cf_referral_close (store, carer, "declined",
                                    "Carers’ guide; local support group.", &error));
  g_assert_cmpstr (cf_record_get_text (record, "status"), ==, "closed");
  g_assert_cmpstr (cf_record_get_text (record, "closure_outcome"), ==, "declined");

  g_assert_true (cf_referral_reopen (store, carer, "Carer asked again.", &error));
  g_assert_cmpstr (cf_record_get_text (record, "status"), ==, "active");
  g_assert_cmpstr (cf_record_get_text (record, "closed_at"), ==, "");

  events = cf_store_list_events (store, cf_record_get_id (record), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 5);
  title = cf_carer_event_dup_title (g_ptr_array_index (events, 1));
  g_assert_cmpstr (title, ==, "Priority changed from Green to Red");
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (events, 1), "recorded_by"), ==,
                   "Test Worker");
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (events, 1), "notes"), ==,
                   "Cared-for person fell.");
  /* Each operation is one transaction: carer change + event, both in the outbox. */
  g_assert_cmpint (count_where (store, "SELECT * FROM outbox WHERE entity = 'carer_event'"),
                   ==, 5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/round-trip/every-field", test_round_trip_every_field);
  g_test_add_func ("/store/load/by-reference", test_load_by_reference);
  g_test_add_func ("/store/encryption/at-rest", test_encrypted_at_rest);
  g_test_add_func ("/store/encryption/wrong-passphrase", test_wrong_passphrase);
  g_test_add_func ("/store/encryption/wrong-raw-key", test_wrong_raw_key);
  g_test_add_func ("/store/encryption/change-passphrase", test_change_passphrase);
  g_test_add_func ("/store/profile/weak-passphrases", test_weak_passphrases);
  g_test_add_func ("/store/profile/exists", test_profile_exists);
  g_test_add_func ("/store/profile/key-file-damaged", test_key_file_damaged);
  g_test_add_func ("/store/outbox-and-audit", test_outbox_and_audit);
  g_test_add_func ("/store/audit/append-only", test_audit_append_only);
  g_test_add_func ("/store/failed-save-keeps-edits", test_failed_save_keeps_edits);
  g_test_add_func ("/store/migrations/from-each-version", test_migrations_from_each_version);
  g_test_add_func ("/store/migrations/newer-refused", test_newer_schema_refused);
  g_test_add_func ("/store/referral/operations", test_referral_operations);

  return g_test_run ();
}
