/* cf-database.c: opening an encrypted SQLite database and bringing its schema up to date
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "Local store" and "Server": SQLCipher with a random 32-byte key, WAL, foreign keys
 * and secure_delete on, and numbered migrations run in one transaction each when the database
 * is opened. The laptop's store (cf-store.c) and the server's (cf-server-sqlite.c) open their
 * databases the same way, here.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "cf-database.h"
#include "cf-store.h"

#define KEY_BYTES 32

/**
 * cf_database_set_error:
 * @doing: what was being done, in words, such as _("read the database")
 *
 * Returns: %FALSE, for `return cf_database_set_error (…);`
 */
gboolean
cf_database_set_error (GError     **error,
                       sqlite3     *db,
                       const char  *doing)
{
  g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED,
               /* Translators: %1$s is what the program was doing, %2$s the database's message */
               _("Could not %1$s: %2$s"), doing, sqlite3_errmsg (db));
  return FALSE;
}

static void
set_wrong_key (GError **error)
{
  g_set_error_literal (error, CF_STORE_ERROR, CF_STORE_ERROR_WRONG_KEY,
                       _("The database could not be decrypted with this key."));
}

gboolean
cf_database_exec (sqlite3     *db,
                  const char  *sql,
                  GError     **error)
{
  char *message = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      if (sqlite3_errcode (db) == SQLITE_NOTADB)
        set_wrong_key (error);
      else
        g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED,
                     _("The database refused a change: %s"), message ? message : "");
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
cf_database_prepare (sqlite3     *db,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      /* SQLCipher reports a wrong key when it first reads the schema, which may be here. */
      if (sqlite3_errcode (db) == SQLITE_NOTADB)
        set_wrong_key (error);
      else
        cf_database_set_error (error, db, _("read the database"));
      return NULL;
    }

  return stmt;
}

/* Returns: the first column of the first row, 0 with no row, or -1 with @error set */
int
cf_database_query_int (sqlite3     *db,
                       const char  *sql,
                       GError     **error)
{
  sqlite3_stmt *stmt = cf_database_prepare (db, sql, error);
  int rc;
  int value = -1;

  if (stmt == NULL)
    return -1;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  else if (rc == SQLITE_DONE)
    value = 0;
  else if (rc == SQLITE_NOTADB)
    set_wrong_key (error);
  else
    cf_database_set_error (error, db, _("read the database"));

  sqlite3_finalize (stmt);
  return value;
}

static gboolean
apply_key (sqlite3  *db,
           GBytes   *key,
           GError  **error)
{
  gsize key_len = 0;
  const guint8 *bytes = g_bytes_get_data (key, &key_len);
  char hex[2 * KEY_BYTES + 1];
  char *pragma;
  int rc;

  if (key_len != KEY_BYTES)
    {
      g_set_error_literal (error, CF_STORE_ERROR, CF_STORE_ERROR_WRONG_KEY,
                           _("The database key has the wrong length."));
      return FALSE;
    }

  sodium_bin2hex (hex, sizeof hex, bytes, key_len);
  /* A raw key ("x'…'") skips SQLCipher's own key derivation: ours is already random. */
  pragma = g_strdup_printf ("PRAGMA key = \"x'%s'\";", hex);
  rc = sqlite3_exec (db, pragma, NULL, NULL, NULL);
  sodium_memzero (pragma, strlen (pragma));
  sodium_memzero (hex, sizeof hex);
  g_free (pragma);

  if (rc != SQLITE_OK)
    return cf_database_set_error (error, db, _("set the database key"));

  return TRUE;
}

static gboolean
check_encrypted (sqlite3  *db,
                 GError  **error)
{
  sqlite3_stmt *stmt = cf_database_prepare (db, "PRAGMA cipher_version;", error);
  gboolean encrypted;

  if (stmt == NULL)
    return FALSE;

  /* Plain SQLite ignores the key pragma; refuse rather than write health data (or password
   * hashes) in clear. */
  encrypted = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL;
  sqlite3_finalize (stmt);
  if (!encrypted)
    {
      g_set_error_literal (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_ENCRYPTED,
                           _("This build of Carefield cannot encrypt its database, so it will "
                             "not store any personal data. It must be built with SQLCipher."));
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_database_open:
 * @key: the 32 random bytes the database is encrypted with
 *
 * Opens (creating if need be) an SQLCipher database usable from several threads, checks the
 * key and that the build really encrypts, and sets WAL, foreign keys and secure_delete.
 *
 * Returns: (transfer full): the connection, to close with sqlite3_close()
 */
sqlite3 *
cf_database_open (const char  *path,
                  GBytes      *key,
                  GError     **error)
{
  sqlite3 *db = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  rc = sqlite3_open_v2 (path, &db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED,
                   _("Could not open the database at %s: %s"),
                   path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, 5000);

  /* The first read is where a wrong key shows itself. The page cache is 16 MiB rather than
   * SQLite's 2 MiB: with 20,000 carers the outbox's and the audit trail's indexes take inserts
   * all over, and every page missed is read and decrypted again (gen-demo of 10,000 carers:
   * 28.3 s with the default, 22.1 s with this; 64 MiB gained nothing more). */
  if (!apply_key (db, key, error) || !check_encrypted (db, error) ||
      cf_database_query_int (db, "SELECT count (*) FROM sqlite_master;", error) < 0 ||
      !cf_database_exec (db,
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = NORMAL;"
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA secure_delete = ON;"
                         "PRAGMA cache_size = -16384;",
                         error))
    {
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

/**
 * cf_database_migrate:
 * @migrations: migration N takes the schema from version N-1 to N; [0] is unused
 * @newest: the newest schema this program knows; a newer database is refused, untouched
 * @target: the version to migrate to (@newest, or less in tests of migrations)
 *
 * Runs each migration still to run in a transaction of its own, with the new version number.
 */
gboolean
cf_database_migrate (sqlite3             *db,
                     const char * const  *migrations,
                     int                  newest,
                     int                  target,
                     GError             **error)
{
  int current;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (target <= newest, FALSE);

  current = cf_database_query_int (db, "PRAGMA user_version;", error);
  if (current < 0)
    return FALSE;

  if (current > newest)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_TOO_NEW,
                   /* Translators: %1$d and %2$d are schema version numbers */
                   _("This database was written by a newer version of Carefield (schema %1$d; "
                     "this version understands up to %2$d). Update Carefield to open it. "
                     "Nothing has been changed."),
                   current, newest);
      return FALSE;
    }

  for (int version = current + 1; version <= target; version++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d;", version);

      if (!cf_database_exec (db, "BEGIN IMMEDIATE;", error))
        return FALSE;

      if (!cf_database_exec (db, migrations[version], error) ||
          !cf_database_exec (db, set_version, error))
        {
          cf_database_exec (db, "ROLLBACK;", NULL);
          g_prefix_error (error, _("Could not upgrade the database to version %d: "), version);
          return FALSE;
        }

      if (!cf_database_exec (db, "COMMIT;", error))
        return FALSE;
    }

  return TRUE;
}
