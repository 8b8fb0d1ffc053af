/* cf-caseload.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-calendar.h"
#include "cf-caseload-item.h"
#include "cf-store.h"

G_BEGIN_DECLS

typedef enum
{
  CF_CASELOAD_FILTER_ALL,
  CF_CASELOAD_FILTER_WAITING,
  CF_CASELOAD_FILTER_OVERDUE,
  CF_CASELOAD_FILTER_ACTIVE,
  CF_CASELOAD_FILTER_CLOSED,
  CF_CASELOAD_FILTER_ASSESSING,
  /* Changes waiting to be sent, or refused by the server. */
  CF_CASELOAD_FILTER_UNSYNCED,
  /* Conflicting changes to resolve. */
  CF_CASELOAD_FILTER_CONFLICTS,
} CfCaseloadFilter;

#define CF_CASELOAD_N_FILTERS (CF_CASELOAD_FILTER_CONFLICTS + 1)

#define CF_TYPE_CASELOAD (cf_caseload_get_type ())

G_DECLARE_FINAL_TYPE (CfCaseload, cf_caseload, CF, CASELOAD, GObject)

CfCaseload       *cf_caseload_new                 (CfStore             *store,
                                                   CfCalendar          *calendar,
                                                   guint                first_contact_days);
CfStore          *cf_caseload_get_store           (CfCaseload          *self);
gboolean          cf_caseload_reload              (CfCaseload          *self,
                                                   GError             **error);
void              cf_caseload_reload_async        (CfCaseload          *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean          cf_caseload_reload_finish       (CfCaseload          *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
void              cf_caseload_set_query           (CfCaseload          *self,
                                                   const char          *query);
const char       *cf_caseload_get_query           (CfCaseload          *self);
void              cf_caseload_set_filter          (CfCaseload          *self,
                                                   CfCaseloadFilter     filter);
CfCaseloadFilter  cf_caseload_get_filter          (CfCaseload          *self);
guint             cf_caseload_get_n_carers        (CfCaseload          *self);
guint             cf_caseload_get_n_materialized  (CfCaseload          *self);
gboolean          cf_caseload_find_position       (CfCaseload          *self,
                                                   const char          *id,
                                                   guint               *position);
void              cf_caseload_refresh_dates       (CfCaseload          *self);

guint32           cf_first_contact_due_julian     (CfCalendar          *calendar,
                                                   guint                target_days,
                                                   const char          *status,
                                                   const char          *received_at);
char             *cf_first_contact_describe       (const char          *status,
                                                   guint32              due_julian,
                                                   guint32              today_julian,
                                                   const char         **state);

const char       *cf_caseload_filter_to_string    (CfCaseloadFilter     filter);
gboolean          cf_caseload_filter_from_string  (const char          *text,
                                                   CfCaseloadFilter    *filter);

G_END_DECLS
