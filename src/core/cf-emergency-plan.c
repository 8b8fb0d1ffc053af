/* cf-emergency-plan.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A carer's emergency (contingency) plan: DOMAIN.md, "Emergency (contingency) plan". Its
 * contacts are CfEmergencyContact records.
 */

#include "config.h"

#include "cf-emergency-plan.h"

struct _CfEmergencyPlan
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfEmergencyPlan, cf_emergency_plan, CF_TYPE_RECORD)

static const CfField emergency_plan_fields[] = {
  { "carer_id", CF_FIELD_TEXT },
  /* What happens if none of the contacts can come. */
  { "if_none_can_come", CF_FIELD_TEXT },
  { "medication", CF_FIELD_TEXT },
  { "medication_kept", CF_FIELD_TEXT },
  { "routines", CF_FIELD_TEXT },
  { "appointments", CF_FIELD_TEXT },
  { "mobility", CF_FIELD_TEXT },
  { "communication", CF_FIELD_TEXT },
  { "home_access", CF_FIELD_TEXT },
  { "pets", CF_FIELD_TEXT },
  { "other", CF_FIELD_TEXT },
  /* The one phone number on the emergency card. */
  { "card_phone", CF_FIELD_TEXT },
  { "agreed_on", CF_FIELD_TEXT },
  { "last_checked_on", CF_FIELD_TEXT },
  { NULL }
};

static void
cf_emergency_plan_class_init (CfEmergencyPlanClass *klass)
{
  cf_record_class_set_entity (CF_RECORD_CLASS (klass), "emergency_plan", emergency_plan_fields);
}

static void
cf_emergency_plan_init (CfEmergencyPlan *self)
{
}

CfEmergencyPlan *
cf_emergency_plan_new (const char *carer_id)
{
  CfEmergencyPlan *self;

  g_return_val_if_fail (carer_id != NULL, NULL);

  self = g_object_new (CF_TYPE_EMERGENCY_PLAN, NULL);
  cf_record_set_text (CF_RECORD (self), "carer_id", carer_id);

  return self;
}
