/* cf-cli-private.h: shared between the command line's own files
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cf-carer-support.h"
#include "cf-store.h"

G_BEGIN_DECLS

void cf_cli_print_field   (const char     *label,
                           const char     *value);
void cf_cli_print_support (CfCarerSupport *support);
void cf_cli_print_json    (JsonNode       *node);

int  cf_cli_login         (CfStore        *store,
                           const char     *server_url,
                           const char     *user,
                           gboolean        json);
int  cf_cli_sync          (CfStore        *store,
                           const char     *profile_dir,
                           gboolean        json);

G_END_DECLS
