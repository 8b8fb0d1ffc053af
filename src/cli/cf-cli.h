/* cf-cli.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int cf_cli_run (int    argc,
                char **argv);

G_END_DECLS
