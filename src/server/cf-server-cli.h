/* cf-server-cli.h: carefield-server's command line
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int cf_server_cli_run (int    argc,
                       char **argv);

G_END_DECLS
