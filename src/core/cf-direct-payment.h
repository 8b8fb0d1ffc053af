/* cf-direct-payment.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_DIRECT_PAYMENT (cf_direct_payment_get_type ())

G_DECLARE_FINAL_TYPE (CfDirectPayment, cf_direct_payment, CF, DIRECT_PAYMENT, CfRecord)

CfDirectPayment *cf_direct_payment_new (const char *carer_id);

G_END_DECLS
