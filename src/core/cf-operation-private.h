/* cf-operation-private.h: what every operation on the store (start, save, agree, finish…)
 * shares
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-carer-event.h"
#include "cf-store.h"

G_BEGIN_DECLS

gboolean      cf_operation_is_blank      (const char *text);
char         *cf_operation_today         (CfStore    *store);
CfCarerEvent *cf_operation_new_event     (CfStore    *store,
                                          const char *carer_id,
                                          const char *kind,
                                          const char *notes,
                                          const char *related_id);
char         *cf_operation_join_missing  (GPtrArray  *missing);

G_END_DECLS
