/* cf-terminal.h: asking for a secret at a terminal
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cf_terminal_read_secret (const char *prompt);

G_END_DECLS
