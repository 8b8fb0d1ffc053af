/* cf-plan-action.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An action in a support plan: who does what, by when.
 */

#include "config.h"

#include "cf-plan-action.h"

struct _CfPlanAction
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfPlanAction, cf_plan_action, CF_TYPE_RECORD)

static const CfField plan_action_fields[] = {
  { "plan_id", CF_FIELD_TEXT },
  { "position", CF_FIELD_INT },
  { "what", CF_FIELD_TEXT },
  { "who", CF_FIELD_TEXT },
  { "due_on", CF_FIELD_TEXT },
  { "done_on", CF_FIELD_TEXT },
  { NULL }
};

static void
cf_plan_action_class_init (CfPlanActionClass *klass)
{
  cf_record_class_set_entity (CF_RECORD_CLASS (klass), "plan_action", plan_action_fields);
}

static void
cf_plan_action_init (CfPlanAction *self)
{
}

CfPlanAction *
cf_plan_action_new (const char *plan_id)
{
  CfPlanAction *self;

  g_return_val_if_fail (plan_id != NULL, NULL);

  self = g_object_new (CF_TYPE_PLAN_ACTION, NULL);
  cf_record_set_text (CF_RECORD (self), "plan_id", plan_id);

  return self;
}
