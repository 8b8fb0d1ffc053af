/* cf-server-audit.h: reading the audit trail a laptop sends
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-server-store.h"

G_BEGIN_DECLS

GPtrArray *cf_server_audit_parse (const char            *data,
                                  gsize                  length,
                                  const CfServerUser    *user,
                                  const CfServerDevice  *device,
                                  const char            *received_at,
                                  GError               **error);

G_END_DECLS
