/* cf-cli-private.h: shared between the command line's own files
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-carer-support.h"

G_BEGIN_DECLS

void cf_cli_print_field   (const char     *label,
                           const char     *value);
void cf_cli_print_support (CfCarerSupport *support);

G_END_DECLS
