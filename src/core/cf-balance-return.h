/* cf-balance-return.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_BALANCE_RETURN (cf_balance_return_get_type ())

G_DECLARE_FINAL_TYPE (CfBalanceReturn, cf_balance_return, CF, BALANCE_RETURN, CfRecord)

CfBalanceReturn *cf_balance_return_new (const char *direct_payment_id);

G_END_DECLS
