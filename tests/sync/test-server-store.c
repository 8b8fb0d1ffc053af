/* test-server-store.c: the server's users and devices, in its encrypted store
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "cf-server-sqlite-private.h"
#include "cf-server-store.h"

#define PASSWORD "correct horse battery"

typedef struct
{
  char          *dir;
  CfServerStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint counter;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_strdup_printf ("%s/server-%u", g_get_user_data_dir (), counter++);
  fixture->store = CF_SERVER_STORE (cf_server_sqlite_create_dir (fixture->dir, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_free (fixture->dir);
}

static CfServerUser *
add_user (CfServerStore *store,
          const char    *name,
          const char    *role)
{
  g_autoptr(GError) error = NULL;
  CfServerUser *user = cf_server_store_add_user (store, name, role, NULL, PASSWORD, &error);

  g_assert_no_error (error);
  g_assert_nonnull (user);
  return user;
}

static void
test_folder (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *key_path = g_build_filename (fixture->dir, "server.key", NULL);
  g_autofree char *db_path = g_build_filename (fixture->dir, "server.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfServerSqlite) again = NULL;
  gsize length;
  GStatBuf st;

  g_assert_cmpint (g_stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (db_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 077, ==, 0);

  /* Encrypted: the file does not start with SQLite's plain header. */
  g_assert_true (g_file_get_contents (db_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 16);
  g_assert_false (memcmp (contents, "SQLite format 3", 15) == 0);

  g_assert_cmpint (cf_server_store_get_schema_version (fixture->store), ==,
                   CF_SERVER_SQLITE_SCHEMA_VERSION);

  /* init never overwrites a server. */
  again = cf_server_sqlite_create_dir (fixture->dir, &error);
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_EXISTS);
  g_assert_null (again);
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CfServerUser) user = add_user (fixture->store, "sam", CF_SERVER_ROLE_WORKER);
  g_autoptr(CfServerStore) reopened = NULL;
  g_autoptr(CfServerUser) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = g_strdup_printf ("%s/nothing-here", g_get_user_data_dir ());

  g_clear_object (&fixture->store);
  reopened = CF_SERVER_STORE (cf_server_sqlite_open_dir (fixture->dir, &error));
  g_assert_no_error (error);
  found = cf_server_store_lookup_user (reopened, "sam", &error);
  g_assert_no_error (error);
  g_assert_cmpint (found->id, ==, user->id);
  g_assert_cmpstr (found->role, ==, CF_SERVER_ROLE_WORKER);

  g_assert_null (cf_server_sqlite_open_dir (empty, &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_NOT_FOUND);
}

static void
test_key_file_guarded (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *key_path = g_build_filename (fixture->dir, "server.key", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfServerSqlite) opened = NULL;

  g_clear_object (&fixture->store);

  g_assert_cmpint (g_chmod (key_path, 0644), ==, 0);
  opened = cf_server_sqlite_open_dir (fixture->dir, &error);
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "chmod 600"));
  g_assert_null (opened);
  g_clear_error (&error);

  /* Another server's key does not open this database. */
  g_assert_cmpint (g_chmod (key_path, 0600), ==, 0);
  g_assert_true (g_file_set_contents (key_path,
                                      "[Carefield Server Key]\nVersion=1\n"
                                      "Key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=\n",
                                      -1, NULL));
  g_assert_cmpint (g_chmod (key_path, 0600), ==, 0);
  opened = cf_server_sqlite_open_dir (fixture->dir, &error);
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_WRONG_KEY);
  g_assert_null (opened);
}

static void
test_newer_schema_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfServerSqlite) opened = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d;",
                                          CF_SERVER_SQLITE_SCHEMA_VERSION + 1);

  g_assert_true (cf_server_sqlite_exec (CF_SERVER_SQLITE (fixture->store), sql, &error));
  g_clear_object (&fixture->store);

  opened = cf_server_sqlite_open_dir (fixture->dir, &error);
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_TOO_NEW);
  g_assert_null (opened);
}

static void
test_users (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CfServerUser) sam = add_user (fixture->store, "sam", CF_SERVER_ROLE_WORKER);
  g_autoptr(CfServerUser) cara = NULL;
  g_autoptr(CfServerUser) again = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (sam->name, ==, "sam");
  g_assert_false (sam->disabled);
  g_assert_true (g_str_has_prefix (sam->password_hash, "$argon2id$"));
  g_assert_null (strstr (sam->password_hash, PASSWORD));

  cara = cf_server_store_add_user (fixture->store, "cara", CF_SERVER_ROLE_CARER, "carer-1",
                                   PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cara->carer_id, ==, "carer-1");

  again = cf_server_store_add_user (fixture->store, "sam", CF_SERVER_ROLE_ADMIN, NULL, PASSWORD,
                                    &error);
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* What the store refuses, each with a message a person can act on. */
  g_assert_null (cf_server_store_add_user (fixture->store, "pat", CF_SERVER_ROLE_WORKER, NULL,
                                           "too-short", &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cf_server_store_add_user (fixture->store, "pat", "boss", NULL, PASSWORD,
                                           &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cf_server_store_add_user (fixture->store, "pat", CF_SERVER_ROLE_CARER, NULL,
                                           PASSWORD, &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cf_server_store_add_user (fixture->store, "pat", CF_SERVER_ROLE_WORKER,
                                           "carer-1", PASSWORD, &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cf_server_store_add_user (fixture->store, "pat smith", CF_SERVER_ROLE_WORKER,
                                           NULL, PASSWORD, &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_INVALID);
  g_clear_error (&error);

  users = cf_server_store_list_users (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 2);
  g_assert_cmpstr (((CfServerUser *) users->pdata[0])->name, ==, "cara");
  g_assert_cmpstr (((CfServerUser *) users->pdata[1])->name, ==, "sam");
}

static void
test_passwords (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CfServerUser) sam = add_user (fixture->store, "sam", CF_SERVER_ROLE_COORDINATOR);
  g_autoptr(CfServerUser) checked = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) unknown_error = NULL;

  checked = cf_server_store_check_password (fixture->store, "sam", PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_cmpint (checked->id, ==, sam->id);
  g_assert_cmpstr (checked->role, ==, CF_SERVER_ROLE_COORDINATOR);

  g_assert_null (cf_server_store_check_password (fixture->store, "sam", "Correct horse battery",
                                                 &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_WRONG_PASSWORD);

  /* Someone who does not exist gets the same answer, so names cannot be probed. */
  g_assert_null (cf_server_store_check_password (fixture->store, "nobody", PASSWORD,
                                                 &unknown_error));
  g_assert_error (unknown_error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_WRONG_PASSWORD);
  g_assert_cmpstr (unknown_error->message, ==, error->message);
  g_clear_error (&error);

  g_assert_null (cf_server_store_check_password (fixture->store, "sam", "", &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_WRONG_PASSWORD);
}

static void
test_disabled (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CfServerUser) sam = add_user (fixture->store, "sam", CF_SERVER_ROLE_WORKER);
  g_autoptr(CfServerDevice) device = NULL;
  g_autoptr(CfServerDevice) checked = NULL;
  g_autoptr(CfServerUser) user = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  device = cf_server_store_add_device (fixture->store, sam->id, "laptop", &token, &error);
  g_assert_no_error (error);

  g_assert_true (cf_server_store_set_user_disabled (fixture->store, "sam", TRUE, &error));
  g_assert_no_error (error);

  /* The right password says "disabled"; a wrong one says no more than that it is wrong. */
  g_assert_null (cf_server_store_check_password (fixture->store, "sam", PASSWORD, &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_DISABLED);
  g_clear_error (&error);
  g_assert_null (cf_server_store_check_password (fixture->store, "sam", "not the password",
                                                 &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_WRONG_PASSWORD);
  g_clear_error (&error);

  /* Nor can a device they signed in before sync. */
  g_assert_null (cf_server_store_check_token (fixture->store, token, NULL, &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_DISABLED);
  g_clear_error (&error);

  g_assert_true (cf_server_store_set_user_disabled (fixture->store, "sam", FALSE, &error));
  checked = cf_server_store_check_token (fixture->store, token, &user, &error);
  g_assert_no_error (error);
  g_assert_cmpint (checked->id, ==, device->id);
  g_assert_cmpstr (user->name, ==, "sam");

  g_assert_false (cf_server_store_set_user_disabled (fixture->store, "nobody", TRUE, &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_NOT_FOUND);
}

static void
test_devices (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CfServerUser) sam = add_user (fixture->store, "sam", CF_SERVER_ROLE_WORKER);
  g_autoptr(CfServerDevice) device = NULL;
  g_autoptr(CfServerDevice) second = NULL;
  g_autoptr(CfServerDevice) checked = NULL;
  g_autoptr(GPtrArray) devices = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token2 = NULL;

  device = cf_server_store_add_device (fixture->store, sam->id, "Sam’s laptop", &token, &error);
  g_assert_no_error (error);
  second = cf_server_store_add_device (fixture->store, sam->id, "spare", &token2, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (strlen (token), ==, 64);
  g_assert_cmpstr (token, !=, token2);
  g_assert_cmpstr (device->last_seen_at, ==, "");
  g_assert_false (cf_server_device_is_revoked (device));

  /* The store keeps the token's SHA-256 and never the token: look at every value it holds. */
  g_assert_cmpstr (device->token_hash, !=, token);
  {
    g_autofree char *expected = cf_server_hash_token (token);

    g_assert_cmpstr (device->token_hash, ==, expected);
  }
  values = cf_server_sqlite_all_text (CF_SERVER_SQLITE (fixture->store), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (values->len, >, 10);
  for (guint i = 0; i < values->len; i++)
    {
      g_assert_null (strstr (values->pdata[i], token));
      g_assert_null (strstr (values->pdata[i], token2));
      g_assert_null (strstr (values->pdata[i], PASSWORD));
    }

  checked = cf_server_store_check_token (fixture->store, token, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (checked->id, ==, device->id);
  g_assert_cmpstr (checked->last_seen_at, !=, "");
  g_clear_pointer (&checked, cf_server_device_free);

  g_assert_null (cf_server_store_check_token (fixture->store, "not-a-token", NULL, &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_UNKNOWN_TOKEN);
  g_clear_error (&error);
  g_assert_null (cf_server_store_check_token (fixture->store, "", NULL, &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_UNKNOWN_TOKEN);
  g_clear_error (&error);
  /* The hash itself is not a token. */
  g_assert_null (cf_server_store_check_token (fixture->store, device->token_hash, NULL,
                                              &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_UNKNOWN_TOKEN);
  g_clear_error (&error);

  g_assert_true (cf_server_store_revoke_device (fixture->store, device->id, &error));
  g_assert_no_error (error);
  g_assert_null (cf_server_store_check_token (fixture->store, token, NULL, &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_REVOKED);
  g_clear_error (&error);
  /* Revoking twice is harmless; the other device is untouched. */
  g_assert_true (cf_server_store_revoke_device (fixture->store, device->id, &error));
  checked = cf_server_store_check_token (fixture->store, token2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (checked->id, ==, second->id);

  g_assert_false (cf_server_store_revoke_device (fixture->store, 999, &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  devices = cf_server_store_list_devices (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (devices->len, ==, 2);
  g_assert_cmpstr (((CfServerDevice *) devices->pdata[0])->name, ==, "Sam’s laptop");
  g_assert_cmpstr (((CfServerDevice *) devices->pdata[0])->user_name, ==, "sam");
  g_assert_true (cf_server_device_is_revoked (devices->pdata[0]));
  g_assert_false (cf_server_device_is_revoked (devices->pdata[1]));

  g_assert_null (cf_server_store_add_device (fixture->store, sam->id, "", &token, &error));
  g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/server-store/folder", test_folder);
  ADD ("/server-store/reopen", test_reopen);
  ADD ("/server-store/key-file-guarded", test_key_file_guarded);
  ADD ("/server-store/newer-schema-refused", test_newer_schema_refused);
  ADD ("/server-store/users", test_users);
  ADD ("/server-store/passwords", test_passwords);
  ADD ("/server-store/disabled", test_disabled);
  ADD ("/server-store/devices", test_devices);

  return g_test_run ();
}
