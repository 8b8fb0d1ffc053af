/* cf-direct-payment.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A carer's direct payment: Care Act 2014 s.31-33, the Care and Support (Direct Payments)
 * Regulations 2014, and DOMAIN.md, "Direct payments". The rules are in cf-direct-payments.c.
 */

#include "config.h"

#include "cf-direct-payment.h"

struct _CfDirectPayment
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfDirectPayment, cf_direct_payment, CF_TYPE_RECORD)

static const CfField direct_payment_fields[] = {
  { "carer_id", CF_FIELD_TEXT },
  { "plan_id", CF_FIELD_TEXT },
  /* setting-up, active, ended or refused */
  { "status", CF_FIELD_TEXT },
  /* long-term or short-term */
  { "term", CF_FIELD_TEXT },
  /* A short-term payment names the long-term one it bridges. */
  { "bridges_id", CF_FIELD_TEXT },
  { "purpose", CF_FIELD_TEXT },
  { "amount_pence", CF_FIELD_INT },
  /* cf_payment_frequency_to_string () */
  { "frequency", CF_FIELD_TEXT },
  /* The conditions: yes, no or empty while unknown. */
  { "capacity", CF_FIELD_TEXT },
  { "authorised_person", CF_FIELD_TEXT },
  { "consent", CF_FIELD_BOOL },
  /* alone, with-help or no */
  { "able_to_manage", CF_FIELD_TEXT },
  { "appropriate", CF_FIELD_BOOL },
  { "decided_by", CF_FIELD_TEXT },
  { "decided_on", CF_FIELD_TEXT },
  /* prepaid-card (the default), bank-account or managed-account */
  { "method", CF_FIELD_TEXT },
  { "method_reason", CF_FIELD_TEXT },
  { "budget_holder", CF_FIELD_TEXT },
  { "cardholder", CF_FIELD_TEXT },
  /* Paying a close relative in the same household needs a reason. */
  { "pays_close_relative", CF_FIELD_BOOL },
  { "close_relative_reason", CF_FIELD_TEXT },
  /* A key from cf_direct_payment_not_allowed, and the reason it is agreed. */
  { "not_allowed", CF_FIELD_TEXT },
  { "not_allowed_reason", CF_FIELD_TEXT },
  { "requested_on", CF_FIELD_TEXT },
  { "agreed_on", CF_FIELD_TEXT },
  { "agreement_signed_on", CF_FIELD_TEXT },
  { "first_payment_on", CF_FIELD_TEXT },
  { "ended_on", CF_FIELD_TEXT },
  { "end_reason", CF_FIELD_TEXT },
  { NULL }
};

static void
cf_direct_payment_class_init (CfDirectPaymentClass *klass)
{
  cf_record_class_set_entity (CF_RECORD_CLASS (klass), "direct_payment", direct_payment_fields);
}

static void
cf_direct_payment_init (CfDirectPayment *self)
{
}

CfDirectPayment *
cf_direct_payment_new (const char *carer_id)
{
  CfDirectPayment *self;

  g_return_val_if_fail (carer_id != NULL, NULL);

  self = g_object_new (CF_TYPE_DIRECT_PAYMENT, NULL);
  cf_record_set_text (CF_RECORD (self), "carer_id", carer_id);

  return self;
}
