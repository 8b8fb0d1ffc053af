/* cf-caseload-item-private.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-caseload-item.h"

G_BEGIN_DECLS

CfCaseloadItem *cf_caseload_item_new    (const char     *id);
void            cf_caseload_item_update (CfCaseloadItem *self,
                                         const char     *name,
                                         const char     *reference,
                                         const char     *locality,
                                         const char     *status,
                                         const char     *priority,
                                         const char     *due_text,
                                         const char     *due_state,
                                         const char     *sync_mark,
                                         const char     *worker);

G_END_DECLS
