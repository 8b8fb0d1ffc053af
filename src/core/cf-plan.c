/* cf-plan.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A version of a carer's support plan (Care Act 2014 s.24-25; DOMAIN.md, "Support plan and
 * personal budget"). Once agreed it is kept as it was: a change makes the next version.
 */

#include "config.h"

#include "cf-plan.h"

struct _CfPlan
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfPlan, cf_plan, CF_TYPE_RECORD)

static const CfField plan_fields[] = {
  { "carer_id", CF_FIELD_TEXT },
  /* The assessment whose needs it meets. */
  { "assessment_id", CF_FIELD_TEXT },
  /* 1 for the first plan, then one more for each later version. */
  { "number", CF_FIELD_INT },
  /* The version this one replaces. */
  { "previous_id", CF_FIELD_TEXT },
  /* draft, agreed or superseded */
  { "status", CF_FIELD_TEXT },
  /* Why this version was made (empty for the first). */
  { "change_reason", CF_FIELD_TEXT },
  /* The carer's outcomes, in their words. */
  { "outcomes", CF_FIELD_TEXT },
  /* Advice on reducing or preventing needs (s.25(1)(f)). */
  { "prevention_advice", CF_FIELD_TEXT },
  /* The personal budget (s.26), in pence. */
  { "cost_pence", CF_FIELD_INT },
  { "carer_contribution_pence", CF_FIELD_INT },
  /* Breaks planned by type (DOMAIN.md): emergency or short notice, */
  { "breaks_short_notice", CF_FIELD_INT },
  /* 1 to 24 hours, */
  { "breaks_day", CF_FIELD_INT },
  /* and more than 24 hours. */
  { "breaks_long", CF_FIELD_INT },
  /* The carer's agreement, and what they said. */
  { "carer_agrees", CF_FIELD_BOOL },
  { "carer_comments", CF_FIELD_TEXT },
  { "agreed_on", CF_FIELD_TEXT },
  /* Who recorded the agreement. */
  { "agreed_by", CF_FIELD_TEXT },
  /* When and in what format the carer was given a copy. */
  { "copy_given_on", CF_FIELD_TEXT },
  { "copy_format", CF_FIELD_TEXT },
  { "superseded_on", CF_FIELD_TEXT },
  { NULL }
};

static void
cf_plan_class_init (CfPlanClass *klass)
{
  cf_record_class_set_entity (CF_RECORD_CLASS (klass), "support_plan", plan_fields);
}

static void
cf_plan_init (CfPlan *self)
{
}

CfPlan *
cf_plan_new (const char *carer_id)
{
  CfPlan *self;

  g_return_val_if_fail (carer_id != NULL, NULL);

  self = g_object_new (CF_TYPE_PLAN, NULL);
  cf_record_set_text (CF_RECORD (self), "carer_id", carer_id);

  return self;
}
