/* cf-direct-payment-page.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-carer.h"
#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_DIRECT_PAYMENT_PAGE (cf_direct_payment_page_get_type ())

G_DECLARE_FINAL_TYPE (CfDirectPaymentPage, cf_direct_payment_page, CF, DIRECT_PAYMENT_PAGE, AdwBin)

CfDirectPaymentPage *cf_direct_payment_page_new       (CfContext           *context);
void                 cf_direct_payment_page_set_carer (CfDirectPaymentPage *self,
                                                       CfCarer             *carer);
gboolean             cf_direct_payment_page_flush     (CfDirectPaymentPage *self,
                                                       GError             **error);
void                 cf_direct_payment_page_refresh_dates (CfDirectPaymentPage *self);

G_END_DECLS
