/* cf-money.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CF_MONEY_ERROR (cf_money_error_quark ())

typedef enum
{
  CF_MONEY_ERROR_INVALID,
  CF_MONEY_ERROR_TOO_LARGE,
  CF_MONEY_ERROR_NEGATIVE,
} CfMoneyError;

/* The largest amount cf_money_parse() accepts, in pence: £10,000,000.00. */
#define CF_MONEY_MAX G_GINT64_CONSTANT (1000000000)

typedef enum
{
  CF_PAYMENT_ONE_OFF,
  CF_PAYMENT_WEEKLY,
  CF_PAYMENT_FOUR_WEEKLY,
  CF_PAYMENT_MONTHLY,
  CF_PAYMENT_YEARLY,
} CfPaymentFrequency;

GQuark      cf_money_error_quark             (void);

char       *cf_money_format                  (gint64              pence);
gboolean    cf_money_parse                   (const char         *text,
                                              gint64             *pence,
                                              GError            **error);

gboolean    cf_budget_council_contribution   (gint64              cost,
                                              gint64              carer_contribution,
                                              gint64             *council,
                                              GError            **error);

const char *cf_payment_frequency_to_string   (CfPaymentFrequency  frequency);
gboolean    cf_payment_frequency_from_string (const char         *string,
                                              CfPaymentFrequency *frequency);
const char *cf_payment_frequency_get_label   (CfPaymentFrequency  frequency);

gint64      cf_direct_payment_eight_weeks    (gint64              amount,
                                              CfPaymentFrequency  frequency);
gint64      cf_direct_payment_surplus        (gint64              balance,
                                              gint64              amount,
                                              CfPaymentFrequency  frequency,
                                              gboolean            one_off_spent);

gboolean    cf_days_mean_median              (const guint        *days,
                                              guint               n,
                                              double             *mean,
                                              double             *median);

G_END_DECLS
