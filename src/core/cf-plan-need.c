/* cf-plan-need.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One need in a support plan: whether and how far it is eligible and how it will be met
 * (Care Act 2014 s.25(1)).
 */

#include "config.h"

#include "cf-plan-need.h"

struct _CfPlanNeed
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfPlanNeed, cf_plan_need, CF_TYPE_RECORD)

static const CfField plan_need_fields[] = {
  { "plan_id", CF_FIELD_TEXT },
  { "position", CF_FIELD_INT },
  { "need", CF_FIELD_TEXT },
  /* The assessment question it came from, such as outcome.leisure. */
  { "source", CF_FIELD_TEXT },
  /* eligible, partly or not-eligible */
  { "eligibility", CF_FIELD_TEXT },
  { "how_far", CF_FIELD_TEXT },
  /* One of cf_plan_ways (cf-plan.h). */
  { "met_by", CF_FIELD_TEXT },
  { "how", CF_FIELD_TEXT },
  /* Replacement care needs the cared-for person's consent. */
  { "cared_for_consent", CF_FIELD_BOOL },
  { "outcome", CF_FIELD_TEXT },
  { NULL }
};

static void
cf_plan_need_class_init (CfPlanNeedClass *klass)
{
  cf_record_class_set_entity (CF_RECORD_CLASS (klass), "plan_need", plan_need_fields);
}

static void
cf_plan_need_init (CfPlanNeed *self)
{
}

CfPlanNeed *
cf_plan_need_new (const char *plan_id)
{
  CfPlanNeed *self;

  g_return_val_if_fail (plan_id != NULL, NULL);

  self = g_object_new (CF_TYPE_PLAN_NEED, NULL);
  cf_record_set_text (CF_RECORD (self), "plan_id", plan_id);

  return self;
}
