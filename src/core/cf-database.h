/* cf-database.h: opening an encrypted SQLite database and bringing its schema up to date
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlcipher/sqlite3.h>

G_BEGIN_DECLS

/* Errors are in CF_STORE_ERROR's domain (cf-store.h): FAILED, WRONG_KEY, TOO_NEW,
 * NOT_ENCRYPTED. A caller with a domain of its own translates the code. */

sqlite3      *cf_database_open      (const char          *path,
                                     GBytes              *key,
                                     GError             **error);
gboolean      cf_database_migrate   (sqlite3             *db,
                                     const char * const  *migrations,
                                     int                  newest,
                                     int                  target,
                                     GError             **error);
gboolean      cf_database_exec      (sqlite3             *db,
                                     const char          *sql,
                                     GError             **error);
sqlite3_stmt *cf_database_prepare   (sqlite3             *db,
                                     const char          *sql,
                                     GError             **error);
int           cf_database_query_int (sqlite3             *db,
                                     const char          *sql,
                                     GError             **error);
gboolean      cf_database_set_error (GError             **error,
                                     sqlite3             *db,
                                     const char          *doing);

G_END_DECLS
