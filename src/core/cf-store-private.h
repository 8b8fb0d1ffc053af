/* cf-store-private.h: for core code that needs rows rather than records
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-store.h"

G_BEGIN_DECLS

/* The columns the caseload shows and searches: never the whole record. */
typedef struct
{
  const char *id;
  const char *reference;
  const char *given_name;
  const char *family_name;
  const char *preferred_name;
  const char *locality;
  const char *postcode;
  const char *phone;
  const char *status;
  const char *priority;
  const char *referral_received_at;
  /* Whether the carer has an assessment still in draft. */
  gboolean    assessing;
} CfCarerSummaryRow;

typedef void (*CfCarerSummaryFunc) (const CfCarerSummaryRow *row,
                                    gpointer                 user_data);

gboolean cf_store_foreach_carer_summary (CfStore             *self,
                                         const char          *only_id,
                                         CfCarerSummaryFunc   func,
                                         gpointer             user_data,
                                         GError             **error);

/* For tests of migrations: open a store and migrate it only as far as @version. */
CfStore *cf_store_new_at_version        (const char  *path,
                                         GBytes      *key,
                                         int          version,
                                         GError     **error);
GPtrArray *cf_store_load_records        (CfStore     *self,
                                         GType        type,
                                         const char  *where,
                                         const char  *arg1,
                                         const char  *arg2,
                                         GError     **error);
gboolean cf_store_exec                  (CfStore     *self,
                                         const char  *sql,
                                         GError     **error);

G_END_DECLS
