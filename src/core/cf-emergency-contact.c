/* cf-emergency-contact.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Someone who will step in if the carer cannot care, in order.
 */

#include "config.h"

#include "cf-emergency-contact.h"

struct _CfEmergencyContact
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfEmergencyContact, cf_emergency_contact, CF_TYPE_RECORD)

static const CfField emergency_contact_fields[] = {
  { "emergency_plan_id", CF_FIELD_TEXT },
  { "position", CF_FIELD_INT },
  { "name", CF_FIELD_TEXT },
  { "relationship", CF_FIELD_TEXT },
  { "phone", CF_FIELD_TEXT },
  { "can_help_with", CF_FIELD_TEXT },
  /* They have agreed to be called. */
  { "agreed", CF_FIELD_BOOL },
  { "agreed_on", CF_FIELD_TEXT },
  { NULL }
};

static void
cf_emergency_contact_class_init (CfEmergencyContactClass *klass)
{
  cf_record_class_set_entity (CF_RECORD_CLASS (klass), "emergency_contact", emergency_contact_fields);
}

static void
cf_emergency_contact_init (CfEmergencyContact *self)
{
}

CfEmergencyContact *
cf_emergency_contact_new (const char *emergency_plan_id)
{
  CfEmergencyContact *self;

  g_return_val_if_fail (emergency_plan_id != NULL, NULL);

  self = g_object_new (CF_TYPE_EMERGENCY_CONTACT, NULL);
  cf_record_set_text (CF_RECORD (self), "emergency_plan_id", emergency_plan_id);

  return self;
}
