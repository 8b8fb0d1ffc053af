/* cf-server-sqlite.c: the server store in an encrypted SQLite (SQLCipher) file
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The embedded default behind CfServerStore (DESIGN.md, "Server"). The data folder holds
 * server.db, encrypted with SQLCipher under a random 32-byte key, and that key in server.key
 * (mode 0600). The key is not wrapped under a passphrase, unlike a laptop's: the server starts
 * unattended, after a power cut, with nobody there to type one. What the encryption buys is
 * that a copied database file, a backup of it or a disk image without the key file tells
 * nothing; the key file itself is protected by the operating system's permissions and by the
 * disk's own encryption, and an administrator who backs the folder up keeps the two apart.
 *
 * Like the client's store, the SQL here must run on the SQLite 3.15 that Debian 12's SQLCipher
 * is built on.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <sqlcipher/sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "cf-database.h"
#include "cf-server-sqlite-private.h"
#include "cf-store.h"

#define KEY_BYTES 32
#define KEY_GROUP "Carefield Server Key"

struct _CfServerSqlite
{
  GObject     parent_instance;

  char       *path;
  GBytes     *key;
  sqlite3    *db;

  /* SQL text → sqlite3_stmt, prepared once (see cached ()). */
  GHashTable *statements;
};

static void cf_server_sqlite_initable_iface_init (GInitableIface *iface);
static void cf_server_sqlite_store_iface_init (CfServerStoreInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CfServerSqlite, cf_server_sqlite, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      cf_server_sqlite_initable_iface_init)
                               G_IMPLEMENT_INTERFACE (CF_TYPE_SERVER_STORE,
                                                      cf_server_sqlite_store_iface_init))

enum {
  PROP_0,
  PROP_PATH,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Migration N takes the schema from version N-1 to N. Never edit one that has shipped: add
 * the next. */
static const char *migrations[] = {
  NULL,

  /* 1: who may sign in, and the devices they signed in from. */
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL);"
  "INSERT INTO meta (key, value) VALUES ('server_id', lower (hex (randomblob (16))));"
  "CREATE TABLE users ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name TEXT NOT NULL UNIQUE,"
  "  role TEXT NOT NULL CHECK (role IN ('worker', 'coordinator', 'carer', 'admin')),"
  "  carer_id TEXT NOT NULL DEFAULT '',"
  "  password_hash TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  disabled INTEGER NOT NULL DEFAULT 0,"
  "  CHECK ((role = 'carer') = (carer_id != '')));"
  "CREATE TABLE devices ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  user_id INTEGER NOT NULL REFERENCES users (id),"
  "  name TEXT NOT NULL,"
  "  token_hash TEXT NOT NULL UNIQUE,"
  "  created_at TEXT NOT NULL,"
  "  last_seen_at TEXT NOT NULL DEFAULT '',"
  "  revoked_at TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX devices_by_user ON devices (user_id);",

  /* 2: push and pull (src/sync/README.md). Each record with its merge state and its place in
   * the server's sequence, which the pull cursor counts; last_seq is the sequence's newest
   * number. `worker` is the record's carer's worker, kept on every record of that carer (a
   * reassignment re-touches them all anyway), so that a worker's pull is one range of
   * records_by_worker, in sequence order, however large the caseload or the server. */
  "INSERT INTO meta (key, value) VALUES ('last_seq', '0');"
  "CREATE TABLE records ("
  "  entity TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  carer_id TEXT NOT NULL,"
  "  worker TEXT NOT NULL DEFAULT '',"
  "  seq INTEGER NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  updated_at TEXT NOT NULL,"
  "  updated_by TEXT NOT NULL,"
  "  state TEXT NOT NULL,"
  "  PRIMARY KEY (entity, id));"
  "CREATE UNIQUE INDEX records_by_seq ON records (seq);"
  "CREATE INDEX records_by_carer ON records (carer_id, seq);"
  "CREATE INDEX records_by_worker ON records (worker, seq);"
  /* The first result of every operation that was not rejected: a repeat gets it again. */
  "CREATE TABLE applied_ops ("
  "  op_id TEXT PRIMARY KEY NOT NULL,"
  "  device_id INTEGER NOT NULL REFERENCES devices (id),"
  "  result TEXT NOT NULL,"
  "  at TEXT NOT NULL);"
  /* Values are JSON text; base and server are NULL when not known or not there. */
  "CREATE TABLE conflicts ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  entity TEXT NOT NULL,"
  "  record_id TEXT NOT NULL,"
  "  field TEXT NOT NULL,"
  "  base TEXT,"
  "  server TEXT,"
  "  client TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  device_id INTEGER NOT NULL REFERENCES devices (id),"
  "  user_name TEXT NOT NULL,"
  "  at TEXT NOT NULL,"
  "  resolved_at TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX conflicts_by_field ON conflicts (entity, record_id, field, resolved_at);"
  /* A carer left user_name's caseload at seq (a number of the same sequence). */
  "CREATE TABLE scope_log ("
  "  seq INTEGER PRIMARY KEY,"
  "  carer_id TEXT NOT NULL,"
  "  user_name TEXT NOT NULL);"
  "CREATE INDEX scope_log_by_user ON scope_log (user_name, seq);",

  /* 3: the audit trail the laptops send (src/sync/README.md, "POST /api/v1/audit"), with who
   * sent it and when it arrived. Append-only, like the laptops' own: the triggers refuse any
   * change or removal. An insert of an id already there is skipped, whatever its conflict
   * clause: INSERT OR REPLACE would otherwise swap an entry for another without firing the
   * delete trigger (unless recursive_triggers is on, which nothing here relies on). So a batch
   * sent twice leaves one copy, and the first copy stays. */
  "CREATE TABLE audit ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  received_at TEXT NOT NULL,"
  "  server_user TEXT NOT NULL,"
  "  device_id INTEGER NOT NULL REFERENCES devices (id),"
  "  at TEXT NOT NULL,"
  "  user_name TEXT NOT NULL,"
  "  laptop_device TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  record_id TEXT NOT NULL,"
  "  detail TEXT NOT NULL);"
  "CREATE INDEX audit_by_record ON audit (record_id, at);"
  "CREATE INDEX audit_by_at ON audit (at);"
  "CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit trail cannot be changed'); END;"
  "CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit trail cannot be changed'); END;"
  "CREATE TRIGGER audit_is_append_only_replace BEFORE INSERT ON audit"
  "  WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)"
  "  BEGIN SELECT RAISE (IGNORE); END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CF_SERVER_SQLITE_SCHEMA_VERSION + 1);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static gboolean
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  const char  *doing)
{
  g_set_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_FAILED,
               /* Translators: %1$s is what the server was doing, %2$s the database's message */
               _("Could not %1$s: %2$s"), doing, sqlite3_errmsg (db));
  return FALSE;
}

/* The shared opener (cf-database.c) reports in the laptop store's domain; the server's
 * callers and tests see its own, with words that name the server's files. */
static gboolean
server_error (GError **error)
{
  GError *local;

  if (error == NULL || *error == NULL || (*error)->domain != CF_STORE_ERROR)
    return FALSE;

  local = *error;
  switch (local->code)
    {
    case CF_STORE_ERROR_WRONG_KEY:
      *error = g_error_new_literal (CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_WRONG_KEY,
                                    _("The server database could not be decrypted with its key "
                                      "file. Is server.key the one made with this database?"));
      break;
    case CF_STORE_ERROR_TOO_NEW:
      *error = g_error_new (CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_TOO_NEW,
                            /* Translators: %s explains, with the schema versions */
                            _("The server database is newer than this carefield-server: %s"),
                            local->message);
      break;
    case CF_STORE_ERROR_NOT_ENCRYPTED:
      *error = g_error_new_literal (CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_NOT_ENCRYPTED,
                                    _("This build of carefield-server cannot encrypt its "
                                      "database. It must be built with SQLCipher."));
      break;
    default:
      *error = g_error_new_literal (CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_FAILED,
                                    local->message);
      break;
    }
  g_error_free (local);

  return FALSE;
}

gboolean
cf_server_sqlite_exec (CfServerSqlite  *self,
                       const char      *sql,
                       GError         **error)
{
  return cf_database_exec (self->db, sql, error) || server_error (error);
}

static sqlite3_stmt *
prepare (CfServerSqlite  *self,
         const char      *sql,
         GError         **error)
{
  sqlite3_stmt *stmt = cf_database_prepare (self->db, sql, error);

  if (stmt == NULL)
    server_error (error);

  return stmt;
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

/* The sync vfuncs run a handful of statements thousands of times in one push, so they keep
 * them prepared. Only the main thread uses these: a prepared statement must never be stepped
 * from two threads, and only the login check (which does not use them) runs in a thread. */
typedef sqlite3_stmt CachedStatement;

static void
release_statement (CachedStatement *stmt)
{
  /* Ends any read it was part of, and drops bindings to the caller's strings. */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStatement, release_statement)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static CachedStatement *
cached (CfServerSqlite  *self,
        const char      *sql,
        GError         **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      release_statement (stmt);
      return stmt;
    }

  if ((stmt = prepare (self, sql, error)) == NULL)
    return NULL;
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

static int
query_int (CfServerSqlite  *self,
           const char      *sql,
           GError         **error)
{
  int value = cf_database_query_int (self->db, sql, error);

  if (value < 0)
    server_error (error);

  return value;
}

static gboolean
migrate (CfServerSqlite  *self,
         GError         **error)
{
  return cf_database_migrate (self->db, migrations, CF_SERVER_SQLITE_SCHEMA_VERSION,
                              CF_SERVER_SQLITE_SCHEMA_VERSION, error) ||
         server_error (error);
}

static gboolean
cf_server_sqlite_initable_init (GInitable     *initable,
                                GCancellable  *cancellable,
                                GError       **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (initable);

  g_return_val_if_fail (self->path != NULL, FALSE);
  g_return_val_if_fail (self->key != NULL, FALSE);

  /* Usable from several threads: logins are checked in worker threads (Argon2id must not
   * stall the server). */
  self->db = cf_database_open (self->path, self->key, error);
  if (self->db == NULL)
    return server_error (error);

  return migrate (self, error);
}

static void
cf_server_sqlite_initable_iface_init (GInitableIface *iface)
{
  iface->init = cf_server_sqlite_initable_init;
}

/* CfServerStore */

static int
sqlite_get_schema_version (CfServerStore *store)
{
  return query_int (CF_SERVER_SQLITE (store), "PRAGMA user_version;", NULL);
}

static gint64
sqlite_insert_user (CfServerStore  *store,
                    const char     *name,
                    const char     *role,
                    const char     *carer_id,
                    const char     *password_hash,
                    const char     *created_at,
                    GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(sqlite3_stmt) stmt =
    prepare (self, "INSERT INTO users (name, role, carer_id, password_hash, created_at) "
             "VALUES (?, ?, ?, ?, ?)", error);
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, carer_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, password_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, created_at, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT)
    {
      g_set_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_EXISTS,
                   /* Translators: %s is a user name */
                   _("There is already a user called %s."), name);
      return -1;
    }
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, _("add the user"));
      return -1;
    }

  return sqlite3_last_insert_rowid (self->db);
}

typedef gpointer (*RowReader) (sqlite3_stmt *stmt);

/* Every row @stmt (prepared and bound) gives, read with @read. */
static GPtrArray *
read_rows (CfServerSqlite  *self,
           sqlite3_stmt    *stmt,
           RowReader        read,
           GDestroyNotify   free_func,
           const char      *doing,
           GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read (stmt));

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, doing);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* The one row @stmt gives, or %NULL with @error set from @not_found when there is none. */
static gpointer
read_one (CfServerSqlite  *self,
          sqlite3_stmt    *stmt,
          RowReader        read,
          GDestroyNotify   free_func,
          const char      *doing,
          GError          *not_found,
          GError         **error)
{
  g_autoptr(GPtrArray) rows = read_rows (self, stmt, read, free_func, doing, error);

  if (rows == NULL || rows->len == 0)
    {
      if (rows != NULL)
        g_propagate_error (error, not_found);
      else
        g_error_free (not_found);
      return NULL;
    }

  g_error_free (not_found);
  return g_ptr_array_steal_index (rows, 0);
}

#define USER_COLUMNS "id, name, role, carer_id, password_hash, created_at, disabled"

/* A RowReader: returns a CfServerUser. */
static gpointer
read_user (sqlite3_stmt *stmt)
{
  CfServerUser *user = g_new0 (CfServerUser, 1);

  user->id = sqlite3_column_int64 (stmt, 0);
  user->name = g_strdup (column_text (stmt, 1));
  user->role = g_strdup (column_text (stmt, 2));
  user->carer_id = g_strdup (column_text (stmt, 3));
  user->password_hash = g_strdup (column_text (stmt, 4));
  user->created_at = g_strdup (column_text (stmt, 5));
  user->disabled = sqlite3_column_int (stmt, 6) != 0;

  return user;
}

static CfServerUser *
sqlite_lookup_user (CfServerStore  *store,
                    const char     *name,
                    gint64          id,
                    GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (name != NULL)
    {
      stmt = prepare (self, "SELECT " USER_COLUMNS " FROM users WHERE name = ?", error);
      if (stmt != NULL)
        sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
    }
  else
    {
      stmt = prepare (self, "SELECT " USER_COLUMNS " FROM users WHERE id = ?", error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, id);
    }

  return read_one (self, stmt, read_user, (GDestroyNotify) cf_server_user_free,
                   _("read the users"),
                   name != NULL
                     ? g_error_new (CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_NOT_FOUND,
                                    /* Translators: %s is a user name */
                                    _("There is no user called %s."), name)
                     : g_error_new_literal (CF_SERVER_STORE_ERROR,
                                            CF_SERVER_STORE_ERROR_NOT_FOUND,
                                            _("That user does not exist.")),
                   error);
}

static GPtrArray *
sqlite_list_users (CfServerStore  *store,
                   GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(sqlite3_stmt) stmt =
    prepare (self, "SELECT " USER_COLUMNS " FROM users ORDER BY name", error);

  return read_rows (self, stmt, read_user, (GDestroyNotify) cf_server_user_free,
                    _("read the users"), error);
}

static gboolean
sqlite_set_user_disabled (CfServerStore  *store,
                          gint64          user_id,
                          gboolean        disabled,
                          GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(sqlite3_stmt) stmt =
    prepare (self, "UPDATE users SET disabled = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, disabled ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, user_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (error, self->db, _("change the user"));

  return TRUE;
}

static gint64
sqlite_insert_device (CfServerStore  *store,
                      gint64          user_id,
                      const char     *name,
                      const char     *token_hash,
                      const char     *created_at,
                      GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(sqlite3_stmt) stmt =
    prepare (self, "INSERT INTO devices (user_id, name, token_hash, created_at) "
             "VALUES (?, ?, ?, ?)", error);

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, user_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, token_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, created_at, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, _("add the device"));
      return -1;
    }

  return sqlite3_last_insert_rowid (self->db);
}

#define DEVICE_COLUMNS \
  "d.id, d.user_id, u.name, d.name, d.token_hash, d.created_at, d.last_seen_at, d.revoked_at"

/* A RowReader: returns a CfServerDevice. */
static gpointer
read_device (sqlite3_stmt *stmt)
{
  CfServerDevice *device = g_new0 (CfServerDevice, 1);

  device->id = sqlite3_column_int64 (stmt, 0);
  device->user_id = sqlite3_column_int64 (stmt, 1);
  device->user_name = g_strdup (column_text (stmt, 2));
  device->name = g_strdup (column_text (stmt, 3));
  device->token_hash = g_strdup (column_text (stmt, 4));
  device->created_at = g_strdup (column_text (stmt, 5));
  device->last_seen_at = g_strdup (column_text (stmt, 6));
  device->revoked_at = g_strdup (column_text (stmt, 7));

  return device;
}

static CfServerDevice *
sqlite_lookup_device (CfServerStore  *store,
                      const char     *token_hash,
                      gint64          id,
                      GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (token_hash != NULL)
    {
      stmt = prepare (self, "SELECT " DEVICE_COLUMNS " FROM devices d JOIN users u "
                      "ON u.id = d.user_id WHERE d.token_hash = ?", error);
      if (stmt != NULL)
        sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_STATIC);
    }
  else
    {
      stmt = prepare (self, "SELECT " DEVICE_COLUMNS " FROM devices d JOIN users u "
                      "ON u.id = d.user_id WHERE d.id = ?", error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, id);
    }

  return read_one (self, stmt, read_device,
                   (GDestroyNotify) cf_server_device_free, _("read the devices"),
                   token_hash != NULL
                     ? g_error_new_literal (CF_SERVER_STORE_ERROR,
                                            CF_SERVER_STORE_ERROR_NOT_FOUND,
                                            _("No device has that token."))
                     : g_error_new (CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_NOT_FOUND,
                                    /* Translators: %lld is a device's number */
                                    _("There is no device %lld."), (long long) id),
                   error);
}

static GPtrArray *
sqlite_list_devices (CfServerStore  *store,
                     GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(sqlite3_stmt) stmt =
    prepare (self, "SELECT " DEVICE_COLUMNS " FROM devices d JOIN users u ON u.id = d.user_id "
             "ORDER BY d.id", error);

  return read_rows (self, stmt, read_device,
                    (GDestroyNotify) cf_server_device_free, _("read the devices"), error);
}

static gboolean
update_device_time (CfServerSqlite  *self,
                    const char      *sql,
                    gint64           device_id,
                    const char      *at,
                    GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, device_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (error, self->db, _("change the device"));

  return TRUE;
}

static gboolean
sqlite_revoke_device (CfServerStore  *store,
                      gint64          device_id,
                      const char     *at,
                      GError        **error)
{
  return update_device_time (CF_SERVER_SQLITE (store),
                             "UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at = ''",
                             device_id, at, error);
}

static gboolean
sqlite_touch_device (CfServerStore  *store,
                     gint64          device_id,
                     const char     *at,
                     GError        **error)
{
  return update_device_time (CF_SERVER_SQLITE (store),
                             "UPDATE devices SET last_seen_at = ? WHERE id = ?",
                             device_id, at, error);
}

/* Sync */

static gboolean
sqlite_begin (CfServerStore  *store,
              GError        **error)
{
  /* IMMEDIATE: take the write lock now, so a batch never fails half-way for want of it. */
  return cf_server_sqlite_exec (CF_SERVER_SQLITE (store), "BEGIN IMMEDIATE;", error);
}

static gboolean
sqlite_commit (CfServerStore  *store,
               GError        **error)
{
  return cf_server_sqlite_exec (CF_SERVER_SQLITE (store), "COMMIT;", error);
}

static void
sqlite_rollback (CfServerStore *store)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);

  /* SQLite rolls back by itself after some errors (a full disk); then there is nothing to
   * end. */
  if (!sqlite3_get_autocommit (self->db))
    cf_server_sqlite_exec (self, "ROLLBACK;", NULL);
}

static gint64
sqlite_get_last_seq (CfServerStore  *store,
                     GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(CachedStatement) stmt =
    cached (self, "SELECT CAST (value AS INTEGER) FROM meta WHERE key = 'last_seq'", error);

  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_sqlite_error (error, self->db, _("read the sequence number"));
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

static gint64
sqlite_next_seq (CfServerStore  *store,
                 GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(CachedStatement) stmt =
    cached (self, "UPDATE meta SET value = CAST (value AS INTEGER) + 1 WHERE key = 'last_seq'",
            error);

  if (stmt == NULL)
    return -1;

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, _("advance the sequence number"));
      return -1;
    }

  return sqlite_get_last_seq (store, error);
}

#define RECORD_COLUMNS \
  "entity, id, carer_id, worker, seq, version, deleted, updated_at, updated_by, state"

/* A RowReader: returns a CfServerRecord. */
static gpointer
read_record (sqlite3_stmt *stmt)
{
  CfServerRecord *record = g_new0 (CfServerRecord, 1);

  record->entity = g_strdup (column_text (stmt, 0));
  record->id = g_strdup (column_text (stmt, 1));
  record->carer_id = g_strdup (column_text (stmt, 2));
  record->worker = g_strdup (column_text (stmt, 3));
  record->seq = sqlite3_column_int64 (stmt, 4);
  record->version = sqlite3_column_int64 (stmt, 5);
  record->deleted = sqlite3_column_int (stmt, 6) != 0;
  record->updated_at = g_strdup (column_text (stmt, 7));
  record->updated_by = g_strdup (column_text (stmt, 8));
  record->state = g_strdup (column_text (stmt, 9));

  return record;
}

static CfServerRecord *
sqlite_lookup_record (CfServerStore  *store,
                      const char     *entity,
                      const char     *id,
                      GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(CachedStatement) stmt =
    cached (self, "SELECT " RECORD_COLUMNS " FROM records WHERE entity = ? AND id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);

  /* Not read_one (): most lookups of a push are of records not there yet, and need no
   * message made for them. */
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return read_record (stmt);

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_NOT_FOUND,
                         _("The server does not have that record."));
  else
    set_sqlite_error (error, self->db, _("read the records"));

  return NULL;
}

static void
bind_record (sqlite3_stmt         *stmt,
             const CfServerRecord *record)
{
  sqlite3_bind_text (stmt, 1, record->entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, record->carer_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, record->worker, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, record->seq);
  sqlite3_bind_int64 (stmt, 6, record->version);
  sqlite3_bind_int (stmt, 7, record->deleted ? 1 : 0);
  sqlite3_bind_text (stmt, 8, record->updated_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, record->updated_by, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, record->state, -1, SQLITE_STATIC);
}

static gboolean
sqlite_write_record (CfServerStore         *store,
                     const CfServerRecord  *record,
                     GError               **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  /* Not INSERT OR REPLACE: that would silently delete another record holding the same seq,
   * where this way a mistake in the sequence fails loudly. */
  g_autoptr(CachedStatement) update =
    cached (self, "UPDATE records SET carer_id = ?3, worker = ?4, seq = ?5, version = ?6, "
            "deleted = ?7, updated_at = ?8, updated_by = ?9, state = ?10 "
            "WHERE entity = ?1 AND id = ?2", error);
  g_autoptr(CachedStatement) insert = NULL;

  if (update == NULL)
    return FALSE;

  bind_record (update, record);
  if (sqlite3_step (update) != SQLITE_DONE)
    return set_sqlite_error (error, self->db, _("save a record"));
  if (sqlite3_changes (self->db) > 0)
    return TRUE;

  insert = cached (self, "INSERT INTO records (" RECORD_COLUMNS ") "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (insert == NULL)
    return FALSE;

  bind_record (insert, record);
  if (sqlite3_step (insert) != SQLITE_DONE)
    return set_sqlite_error (error, self->db, _("save a record"));

  return TRUE;
}

static GPtrArray *
sqlite_list_carer_records (CfServerStore  *store,
                           const char     *carer_id,
                           GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(CachedStatement) stmt =
    cached (self, "SELECT " RECORD_COLUMNS " FROM records WHERE carer_id = ? ORDER BY seq",
            error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, carer_id, -1, SQLITE_STATIC);

  return read_rows (self, stmt, read_record, (GDestroyNotify) cf_server_record_free,
                    _("read the records"), error);
}

static GPtrArray *
sqlite_list_changes (CfServerStore       *store,
                     CfServerScope        scope,
                     const char          *who,
                     const char * const  *entities,
                     gint64               after,
                     guint                limit,
                     GError             **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(GString) sql = g_string_new ("SELECT " RECORD_COLUMNS " FROM records WHERE ");
  g_autoptr(CachedStatement) stmt = NULL;
  guint n_entities = 0;

  /* Each shape is one range of one index, already in seq order: no sort, and no more rows
   * read than the page holds (records_by_seq, records_by_worker, records_by_carer). */
  switch (scope)
    {
    case CF_SERVER_SCOPE_ALL:
      break;
    case CF_SERVER_SCOPE_WORKER:
      g_string_append (sql, "worker = ?3 AND ");
      break;
    case CF_SERVER_SCOPE_CARER:
      g_string_append (sql, "carer_id = ?3 AND entity IN (");
      n_entities = entities != NULL ? g_strv_length ((char **) entities) : 0;
      for (guint i = 0; i < n_entities; i++)
        g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 4);
      if (n_entities == 0)
        g_string_append (sql, "NULL");
      g_string_append (sql, ") AND ");
      break;
    default:
      g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_FAILED,
                           _("The server asked for records in a way it does not know."));
      return NULL;
    }
  g_string_append (sql, "seq > ?1 ORDER BY seq LIMIT ?2");

  if ((stmt = cached (self, sql->str, error)) == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, after);
  sqlite3_bind_int64 (stmt, 2, limit);
  if (scope != CF_SERVER_SCOPE_ALL)
    sqlite3_bind_text (stmt, 3, who, -1, SQLITE_STATIC);
  for (guint i = 0; i < n_entities; i++)
    sqlite3_bind_text (stmt, i + 4, entities[i], -1, SQLITE_STATIC);

  return read_rows (self, stmt, read_record, (GDestroyNotify) cf_server_record_free,
                    _("read the records"), error);
}

static char *
sqlite_lookup_applied_op (CfServerStore  *store,
                          const char     *op_id,
                          gint64         *device_id,
                          GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(CachedStatement) stmt =
    cached (self, "SELECT result, device_id FROM applied_ops WHERE op_id = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, op_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *device_id = sqlite3_column_int64 (stmt, 1);
      return g_strdup (column_text (stmt, 0));
    }

  if (rc == SQLITE_DONE)
    g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_NOT_FOUND,
                         _("That operation has not been applied."));
  else
    set_sqlite_error (error, self->db, _("read the applied operations"));

  return NULL;
}

static gboolean
sqlite_insert_applied_op (CfServerStore  *store,
                          const char     *op_id,
                          gint64          device_id,
                          const char     *result,
                          const char     *at,
                          GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(CachedStatement) stmt =
    cached (self, "INSERT INTO applied_ops (op_id, device_id, result, at) VALUES (?, ?, ?, ?)",
            error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, op_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, device_id);
  sqlite3_bind_text (stmt, 3, result, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, at, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (error, self->db, _("save an operation’s result"));

  return TRUE;
}

static void
bind_nullable_text (sqlite3_stmt *stmt,
                    int           column,
                    const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

static gint64
sqlite_insert_conflict (CfServerStore           *store,
                        const CfServerConflict  *conflict,
                        GError                 **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(CachedStatement) stmt =
    cached (self, "INSERT INTO conflicts (entity, record_id, field, base, server, client, "
            "version, device_id, user_name, at, resolved_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, conflict->entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, conflict->record_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, conflict->field, -1, SQLITE_STATIC);
  bind_nullable_text (stmt, 4, conflict->base);
  bind_nullable_text (stmt, 5, conflict->server);
  sqlite3_bind_text (stmt, 6, conflict->client, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, conflict->version);
  sqlite3_bind_int64 (stmt, 8, conflict->device_id);
  sqlite3_bind_text (stmt, 9, conflict->user_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, conflict->at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, conflict->resolved_at != NULL ? conflict->resolved_at : "", -1,
                     SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, _("save a conflict"));
      return -1;
    }

  return sqlite3_last_insert_rowid (self->db);
}

static gboolean
sqlite_resolve_conflicts (CfServerStore  *store,
                          const char     *entity,
                          const char     *record_id,
                          const char     *field,
                          gint64          up_to,
                          const char     *at,
                          GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(CachedStatement) stmt =
    cached (self, "UPDATE conflicts SET resolved_at = ?5 WHERE entity = ?1 AND record_id = ?2 "
            "AND field = ?3 AND resolved_at = '' AND version <= ?4", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, up_to);
  sqlite3_bind_text (stmt, 5, at, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (error, self->db, _("resolve a conflict"));

  return TRUE;
}

static char *
dup_nullable_text (sqlite3_stmt *stmt,
                   int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;

  return g_strdup (column_text (stmt, column));
}

/* A RowReader: returns a CfServerConflict. */
static gpointer
read_conflict (sqlite3_stmt *stmt)
{
  CfServerConflict *conflict = g_new0 (CfServerConflict, 1);

  conflict->id = sqlite3_column_int64 (stmt, 0);
  conflict->entity = g_strdup (column_text (stmt, 1));
  conflict->record_id = g_strdup (column_text (stmt, 2));
  conflict->field = g_strdup (column_text (stmt, 3));
  conflict->base = dup_nullable_text (stmt, 4);
  conflict->server = dup_nullable_text (stmt, 5);
  conflict->client = g_strdup (column_text (stmt, 6));
  conflict->version = sqlite3_column_int64 (stmt, 7);
  conflict->device_id = sqlite3_column_int64 (stmt, 8);
  conflict->user_name = g_strdup (column_text (stmt, 9));
  conflict->at = g_strdup (column_text (stmt, 10));
  conflict->resolved_at = g_strdup (column_text (stmt, 11));

  return conflict;
}

static GPtrArray *
sqlite_list_conflicts (CfServerStore  *store,
                       const char     *entity,
                       const char     *record_id,
                       GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(CachedStatement) stmt =
    cached (self, "SELECT id, entity, record_id, field, base, server, client, version, "
            "device_id, user_name, at, resolved_at FROM conflicts "
            "WHERE (?1 IS NULL OR entity = ?1) AND (?2 IS NULL OR record_id = ?2) ORDER BY id",
            error);

  if (stmt == NULL)
    return NULL;

  bind_nullable_text (stmt, 1, entity);
  bind_nullable_text (stmt, 2, record_id);

  return read_rows (self, stmt, read_conflict, (GDestroyNotify) cf_server_conflict_free,
                    _("read the conflicts"), error);
}

static gboolean
sqlite_insert_scope_log (CfServerStore  *store,
                         gint64          seq,
                         const char     *carer_id,
                         const char     *user_name,
                         GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(CachedStatement) stmt =
    cached (self, "INSERT INTO scope_log (seq, carer_id, user_name) VALUES (?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_text (stmt, 2, carer_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, user_name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (error, self->db, _("note a change of caseload"));

  return TRUE;
}

/* A RowReader: returns the first column as a string. */
static gpointer
read_text (sqlite3_stmt *stmt)
{
  return g_strdup (column_text (stmt, 0));
}

static GPtrArray *
sqlite_list_scope_log (CfServerStore  *store,
                       const char     *user_name,
                       gint64          after,
                       gint64          up_to,
                       GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(CachedStatement) stmt =
    cached (self, "SELECT carer_id FROM scope_log WHERE user_name = ? AND seq > ? AND seq <= ? "
            "GROUP BY carer_id ORDER BY min (seq)", error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, user_name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, after);
  sqlite3_bind_int64 (stmt, 3, up_to);

  return read_rows (self, stmt, read_text, g_free, _("read the changes of caseload"), error);
}

static gboolean
sqlite_insert_audit (CfServerStore             *store,
                     const CfServerAuditEntry  *entry,
                     gboolean                  *inserted,
                     GError                   **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  /* An id already there is a batch sent again, not a mistake: the insert is skipped (by the
   * audit_is_append_only_replace trigger, and OR IGNORE would skip it anyway), and counted
   * as nothing new. */
  g_autoptr(CachedStatement) stmt =
    cached (self, "INSERT OR IGNORE INTO audit (id, received_at, server_user, device_id, at, "
            "user_name, laptop_device, action, entity, record_id, detail) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, entry->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, entry->received_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, entry->server_user, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 4, entry->device_id);
  sqlite3_bind_text (stmt, 5, entry->at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, entry->user_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, entry->laptop_device, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, entry->action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, entry->entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, entry->record_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 11, entry->detail, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (error, self->db, _("add to the audit trail"));

  /* Only the main thread writes (see cached ()), so this is this statement's count. */
  *inserted = sqlite3_changes (self->db) > 0;
  return TRUE;
}

/* A RowReader: returns a CfServerAuditEntry. */
static gpointer
read_audit_entry (sqlite3_stmt *stmt)
{
  CfServerAuditEntry *entry = g_new0 (CfServerAuditEntry, 1);

  entry->id = g_strdup (column_text (stmt, 0));
  entry->received_at = g_strdup (column_text (stmt, 1));
  entry->server_user = g_strdup (column_text (stmt, 2));
  entry->device_id = sqlite3_column_int64 (stmt, 3);
  entry->at = g_strdup (column_text (stmt, 4));
  entry->user_name = g_strdup (column_text (stmt, 5));
  entry->laptop_device = g_strdup (column_text (stmt, 6));
  entry->action = g_strdup (column_text (stmt, 7));
  entry->entity = g_strdup (column_text (stmt, 8));
  entry->record_id = g_strdup (column_text (stmt, 9));
  entry->detail = g_strdup (column_text (stmt, 10));

  return entry;
}

static GPtrArray *
sqlite_list_audit (CfServerStore  *store,
                   const char     *record_id,
                   const char     *server_user,
                   guint           limit,
                   GError        **error)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (store);
  g_autoptr(GString) sql =
    g_string_new ("SELECT id, received_at, server_user, device_id, at, user_name, "
                  "laptop_device, action, entity, record_id, detail FROM audit");
  g_autoptr(CachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  int column = 1;

  /* Only the filters given are in the SQL, so that a record's trail is read through
   * audit_by_record and the newest entries through audit_by_at, however long the trail. The
   * text comes from here alone; the values are bound. */
  if (record_id != NULL)
    g_string_append (sql, " WHERE record_id = ?");
  if (server_user != NULL)
    g_string_append (sql, record_id != NULL ? " AND server_user = ?" : " WHERE server_user = ?");
  /* Newest first, to stop at @limit (-1 is none); turned round below. Entries that happened
   * at the same second keep the order they arrived in. */
  g_string_append (sql, " ORDER BY at DESC, rowid DESC LIMIT ?");

  if ((stmt = cached (self, sql->str, error)) == NULL)
    return NULL;

  if (record_id != NULL)
    sqlite3_bind_text (stmt, column++, record_id, -1, SQLITE_STATIC);
  if (server_user != NULL)
    sqlite3_bind_text (stmt, column++, server_user, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, column, limit > 0 ? (gint64) limit : -1);

  entries = read_rows (self, stmt, read_audit_entry, (GDestroyNotify) cf_server_audit_entry_free,
                       _("read the audit trail"), error);
  if (entries == NULL)
    return NULL;

  for (guint i = 0; i < entries->len / 2; i++)
    {
      gpointer newer = entries->pdata[i];

      entries->pdata[i] = entries->pdata[entries->len - 1 - i];
      entries->pdata[entries->len - 1 - i] = newer;
    }

  return g_steal_pointer (&entries);
}

static void
cf_server_sqlite_store_iface_init (CfServerStoreInterface *iface)
{
  iface->get_schema_version = sqlite_get_schema_version;
  iface->insert_user = sqlite_insert_user;
  iface->lookup_user = sqlite_lookup_user;
  iface->list_users = sqlite_list_users;
  iface->set_user_disabled = sqlite_set_user_disabled;
  iface->insert_device = sqlite_insert_device;
  iface->lookup_device = sqlite_lookup_device;
  iface->list_devices = sqlite_list_devices;
  iface->revoke_device = sqlite_revoke_device;
  iface->touch_device = sqlite_touch_device;
  iface->begin = sqlite_begin;
  iface->commit = sqlite_commit;
  iface->rollback = sqlite_rollback;
  iface->get_last_seq = sqlite_get_last_seq;
  iface->next_seq = sqlite_next_seq;
  iface->lookup_record = sqlite_lookup_record;
  iface->write_record = sqlite_write_record;
  iface->list_carer_records = sqlite_list_carer_records;
  iface->list_changes = sqlite_list_changes;
  iface->lookup_applied_op = sqlite_lookup_applied_op;
  iface->insert_applied_op = sqlite_insert_applied_op;
  iface->insert_conflict = sqlite_insert_conflict;
  iface->resolve_conflicts = sqlite_resolve_conflicts;
  iface->list_conflicts = sqlite_list_conflicts;
  iface->insert_scope_log = sqlite_insert_scope_log;
  iface->list_scope_log = sqlite_list_scope_log;
  iface->insert_audit = sqlite_insert_audit;
  iface->list_audit = sqlite_list_audit;
}

/**
 * cf_server_sqlite_all_text:
 *
 * Every value in every table, as text, for tests that prove what is not stored.
 *
 * Returns: (transfer container) (element-type utf8): the values
 */
GPtrArray *
cf_server_sqlite_all_text (CfServerSqlite  *self,
                           GError         **error)
{
  g_autoptr(sqlite3_stmt) tables =
    prepare (self, "SELECT name FROM sqlite_master WHERE type = 'table'", error);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  if (tables == NULL)
    return NULL;

  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", column_text (tables, 0));
      g_autoptr(sqlite3_stmt) rows = prepare (self, sql, error);

      if (rows == NULL)
        return NULL;

      while (sqlite3_step (rows) == SQLITE_ROW)
        for (int i = 0; i < sqlite3_column_count (rows); i++)
          g_ptr_array_add (values, g_strdup (column_text (rows, i)));
    }

  return g_steal_pointer (&values);
}

/* GObject */

static void
cf_server_sqlite_finalize (GObject *object)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (object);

  /* Before the connection they belong to. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->key, g_bytes_unref);
  g_free (self->path);

  G_OBJECT_CLASS (cf_server_sqlite_parent_class)->finalize (object);
}

static void
cf_server_sqlite_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_server_sqlite_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CfServerSqlite *self = CF_SERVER_SQLITE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_KEY:
      self->key = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_server_sqlite_class_init (CfServerSqliteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_server_sqlite_finalize;
  object_class->get_property = cf_server_sqlite_get_property;
  object_class->set_property = cf_server_sqlite_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] =
    g_param_spec_boxed ("key", NULL, NULL, G_TYPE_BYTES,
                        G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_server_sqlite_init (CfServerSqlite *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

CfServerSqlite *
cf_server_sqlite_new (const char  *path,
                      GBytes      *key,
                      GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_initable_new (CF_TYPE_SERVER_SQLITE, NULL, error, "path", path, "key", key, NULL);
}

/* The data folder */

/**
 * cf_server_sqlite_read_key:
 *
 * Reads DIR/server.key, refusing one that other users of the machine can read.
 *
 * Returns: (transfer full): the 32-byte database key
 */
GBytes *
cf_server_sqlite_read_key (const char  *dir,
                           GError     **error)
{
  g_autofree char *path = g_build_filename (dir, CF_SERVER_KEY_FILE_NAME, NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  g_autofree guint8 *key = NULL;
  gsize length = 0;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        g_set_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_NOT_FOUND,
                     _("There is no server in %s. Make one with “carefield-server init "
                       "--data %s”."), dir, dir);
      else
        g_set_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_FAILED,
                     _("Could not read %s: %s"), path, g_strerror (saved_errno));
      return NULL;
    }

  if ((st.st_mode & 077) != 0)
    {
      g_set_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_FAILED,
                   _("Other users can read the key file %s. Run “chmod 600 %s” and try "
                     "again."), path, path);
      return NULL;
    }

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &local_error) ||
      (text = g_key_file_get_string (key_file, KEY_GROUP, "Key", NULL)) == NULL ||
      (key = g_base64_decode (text, &length)) == NULL || length != KEY_BYTES)
    {
      g_set_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_WRONG_KEY,
                   _("The key file %s is damaged. Restore it from a backup."), path);
      if (text != NULL)
        sodium_memzero (text, strlen (text));
      return NULL;
    }

  sodium_memzero (text, strlen (text));
  return g_bytes_new_take (g_steal_pointer (&key), length);
}

CfServerSqlite *
cf_server_sqlite_open_dir (const char  *dir,
                           GError     **error)
{
  g_autofree char *db_path = NULL;
  g_autoptr(GBytes) key = NULL;

  g_return_val_if_fail (dir != NULL, NULL);

  if ((key = cf_server_sqlite_read_key (dir, error)) == NULL)
    return NULL;

  db_path = g_build_filename (dir, CF_SERVER_DB_FILE_NAME, NULL);
  if (!g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_NOT_FOUND,
                   _("The server database %s is missing. Restore it from a backup."), db_path);
      return NULL;
    }

  return cf_server_sqlite_new (db_path, key, error);
}

/**
 * cf_server_sqlite_create_dir:
 *
 * Makes a new server in @dir: a random key in server.key and an empty encrypted server.db.
 * Refuses a folder that already has either.
 */
CfServerSqlite *
cf_server_sqlite_create_dir (const char  *dir,
                             GError     **error)
{
  g_autofree char *db_path = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *key64 = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GBytes) key = NULL;
  guint8 raw[KEY_BYTES];
  gsize length;
  CfServerSqlite *store;

  g_return_val_if_fail (dir != NULL, NULL);

  if (sodium_init () < 0)
    {
      g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_FAILED,
                           _("The encryption library could not start."));
      return NULL;
    }

  db_path = g_build_filename (dir, CF_SERVER_DB_FILE_NAME, NULL);
  key_path = g_build_filename (dir, CF_SERVER_KEY_FILE_NAME, NULL);
  if (g_file_test (db_path, G_FILE_TEST_EXISTS) || g_file_test (key_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_EXISTS,
                   _("There is already a server in %s."), dir);
      return NULL;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_FAILED,
                   _("Could not make the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  randombytes_buf (raw, sizeof raw);
  key = g_bytes_new (raw, sizeof raw);
  key64 = g_base64_encode (raw, sizeof raw);
  sodium_memzero (raw, sizeof raw);

  g_key_file_set_integer (key_file, KEY_GROUP, "Version", 1);
  g_key_file_set_string (key_file, KEY_GROUP, "Key", key64);
  data = g_key_file_to_data (key_file, &length, NULL);
  sodium_memzero (key64, strlen (key64));

  if (!g_file_set_contents_full (key_path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    {
      sodium_memzero (data, length);
      g_prefix_error (error, _("Could not save the key file: "));
      return NULL;
    }
  sodium_memzero (data, length);

  store = cf_server_sqlite_new (db_path, key, error);
  if (store != NULL)
    {
      /* Encrypted or not, the file is nobody else's business (SQLite gives its -wal and -shm
       * files the database's mode). */
      g_chmod (db_path, 0600);
    }
  else
    {
      /* Leave nothing half made, so that init can simply be run again. */
      g_unlink (key_path);
      g_unlink (db_path);
    }

  return store;
}
