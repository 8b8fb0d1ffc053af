/* cf-referral.h: what a worker does to a referral while the carer waits
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-carer.h"
#include "cf-store.h"

G_BEGIN_DECLS

gboolean cf_referral_record_contact (CfStore     *store,
                                     CfCarer     *carer,
                                     const char  *kind,
                                     GDateTime   *when,
                                     const char  *notes,
                                     GError     **error);
gboolean cf_referral_rerate         (CfStore     *store,
                                     CfCarer     *carer,
                                     const char  *priority,
                                     const char  *reason,
                                     GError     **error);
gboolean cf_referral_close          (CfStore     *store,
                                     CfCarer     *carer,
                                     const char  *outcome,
                                     const char  *advice_given,
                                     GError     **error);
gboolean cf_referral_reopen         (CfStore     *store,
                                     CfCarer     *carer,
                                     const char  *reason,
                                     GError     **error);

G_END_DECLS
