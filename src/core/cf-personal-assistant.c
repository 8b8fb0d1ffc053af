/* cf-personal-assistant.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A personal assistant employed through a direct payment; the recipient is the employer.
 */

#include "config.h"

#include "cf-personal-assistant.h"

struct _CfPersonalAssistant
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfPersonalAssistant, cf_personal_assistant, CF_TYPE_RECORD)

static const CfField personal_assistant_fields[] = {
  { "direct_payment_id", CF_FIELD_TEXT },
  { "name", CF_FIELD_TEXT },
  /* recruiting, in-post, vacant or ended */
  { "status", CF_FIELD_TEXT },
  { "vacant_since", CF_FIELD_TEXT },
  { "right_to_work_checked_on", CF_FIELD_TEXT },
  { "contract_signed_on", CF_FIELD_TEXT },
  { "dbs_checked_on", CF_FIELD_TEXT },
  { "insurance_expires_on", CF_FIELD_TEXT },
  { "payroll_provider", CF_FIELD_TEXT },
  { "notes", CF_FIELD_TEXT },
  { NULL }
};

static void
cf_personal_assistant_class_init (CfPersonalAssistantClass *klass)
{
  cf_record_class_set_entity (CF_RECORD_CLASS (klass), "personal_assistant", personal_assistant_fields);
}

static void
cf_personal_assistant_init (CfPersonalAssistant *self)
{
}

CfPersonalAssistant *
cf_personal_assistant_new (const char *direct_payment_id)
{
  CfPersonalAssistant *self;

  g_return_val_if_fail (direct_payment_id != NULL, NULL);

  self = g_object_new (CF_TYPE_PERSONAL_ASSISTANT, NULL);
  cf_record_set_text (CF_RECORD (self), "direct_payment_id", direct_payment_id);

  return self;
}
