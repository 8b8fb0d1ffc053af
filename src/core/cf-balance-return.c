/* cf-balance-return.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A direct payment's balance return, and any surplus recovered (DOMAIN.md, "Direct payments").
 */

#include "config.h"

#include "cf-balance-return.h"

struct _CfBalanceReturn
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfBalanceReturn, cf_balance_return, CF_TYPE_RECORD)

static const CfField balance_return_fields[] = {
  { "direct_payment_id", CF_FIELD_TEXT },
  { "returned_on", CF_FIELD_TEXT },
  { "balance_pence", CF_FIELD_INT },
  /* One-off amounts paid in but not yet spent are not surplus. */
  { "one_off_spent_pence", CF_FIELD_INT },
  /* Worked out from the rules when it is saved. */
  { "surplus_pence", CF_FIELD_INT },
  { "recovered_pence", CF_FIELD_INT },
  { "recovered_on", CF_FIELD_TEXT },
  { "notes", CF_FIELD_TEXT },
  { NULL }
};

static void
cf_balance_return_class_init (CfBalanceReturnClass *klass)
{
  cf_record_class_set_entity (CF_RECORD_CLASS (klass), "balance_return", balance_return_fields);
}

static void
cf_balance_return_init (CfBalanceReturn *self)
{
}

CfBalanceReturn *
cf_balance_return_new (const char *direct_payment_id)
{
  CfBalanceReturn *self;

  g_return_val_if_fail (direct_payment_id != NULL, NULL);

  self = g_object_new (CF_TYPE_BALANCE_RETURN, NULL);
  cf_record_set_text (CF_RECORD (self), "direct_payment_id", direct_payment_id);

  return self;
}
