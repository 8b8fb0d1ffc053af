/* cf-caseload-item.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CF_TYPE_CASELOAD_ITEM (cf_caseload_item_get_type ())

G_DECLARE_FINAL_TYPE (CfCaseloadItem, cf_caseload_item, CF, CASELOAD_ITEM, GObject)

/* How urgent the next thing due is. */
#define CF_DUE_NONE    "none"
#define CF_DUE_LATER   "later"
#define CF_DUE_TODAY   "today"
#define CF_DUE_OVERDUE "overdue"

/* What of the carer's is not yet in step with the server, the most pressing first: clashing
 * changes to resolve, a change the server refused, changes waiting to be sent, or none. */
#define CF_SYNC_MARK_NONE     "none"
#define CF_SYNC_MARK_WAITING  "waiting"
#define CF_SYNC_MARK_REFUSED  "refused"
#define CF_SYNC_MARK_CONFLICT "conflict"

const char *cf_caseload_item_get_id          (CfCaseloadItem *self);
const char *cf_caseload_item_get_name        (CfCaseloadItem *self);
const char *cf_caseload_item_get_reference   (CfCaseloadItem *self);
const char *cf_caseload_item_get_locality    (CfCaseloadItem *self);
const char *cf_caseload_item_get_status      (CfCaseloadItem *self);
const char *cf_caseload_item_get_priority    (CfCaseloadItem *self);
const char *cf_caseload_item_get_due_text    (CfCaseloadItem *self);
const char *cf_caseload_item_get_due_state   (CfCaseloadItem *self);
const char *cf_caseload_item_get_sync_mark   (CfCaseloadItem *self);
const char *cf_caseload_item_get_worker      (CfCaseloadItem *self);

const char *cf_sync_mark_describe            (const char     *mark);

G_END_DECLS
