/* cf-dp-payments-group.h: a carer's direct payments, one row each, to choose the one shown
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-dp-list-group.h"

G_BEGIN_DECLS

#define CF_TYPE_DP_PAYMENTS_GROUP (cf_dp_payments_group_get_type ())

G_DECLARE_FINAL_TYPE (CfDpPaymentsGroup, cf_dp_payments_group, CF, DP_PAYMENTS_GROUP,
                      CfDpListGroup)

void cf_dp_payments_group_set_shown (CfDpPaymentsGroup *self,
                                     CfDirectPayment   *shown);

G_END_DECLS
