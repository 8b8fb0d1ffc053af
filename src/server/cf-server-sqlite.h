/* cf-server-sqlite.h: the server store in an encrypted SQLite (SQLCipher) file
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-server-store.h"

G_BEGIN_DECLS

/* The schema version this program writes; a newer database is refused. */
#define CF_SERVER_SQLITE_SCHEMA_VERSION 3

#define CF_SERVER_DB_FILE_NAME  "server.db"
#define CF_SERVER_KEY_FILE_NAME "server.key"

#define CF_TYPE_SERVER_SQLITE (cf_server_sqlite_get_type ())

G_DECLARE_FINAL_TYPE (CfServerSqlite, cf_server_sqlite, CF, SERVER_SQLITE, GObject)

CfServerSqlite *cf_server_sqlite_new        (const char  *path,
                                             GBytes      *key,
                                             GError     **error);
CfServerSqlite *cf_server_sqlite_create_dir (const char  *dir,
                                             GError     **error);
CfServerSqlite *cf_server_sqlite_open_dir   (const char  *dir,
                                             GError     **error);
GBytes         *cf_server_sqlite_read_key   (const char  *dir,
                                             GError     **error);

G_END_DECLS
