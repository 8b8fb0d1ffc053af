/* cf-server-sqlite-private.h: for the tests, which look inside the file
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-server-sqlite.h"

G_BEGIN_DECLS

gboolean   cf_server_sqlite_exec     (CfServerSqlite  *self,
                                      const char      *sql,
                                      GError         **error);
GPtrArray *cf_server_sqlite_all_text (CfServerSqlite  *self,
                                      GError         **error);

G_END_DECLS
