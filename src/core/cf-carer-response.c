/* cf-carer-response.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a carer said about their own plan, in their own words, in carer review mode
 * (DESIGN.md, "GUI map"). It is theirs: the worker whose laptop it was is kept apart, as the
 * one who recorded it. Care Act s.25(3)–(4): the local authority must involve the carer in
 * preparing the plan and try to agree it with them; s.27(1): a plan is kept under review, and
 * the carer may ask for a review.
 */

#include "config.h"

#include "cf-carer-response.h"

struct _CfCarerResponse
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfCarerResponse, cf_carer_response, CF_TYPE_RECORD)

static const CfField carer_response_fields[] = {
  { "carer_id", CF_FIELD_TEXT },
  /* The plan version the carer was reading, if there was one. */
  { "plan_id", CF_FIELD_TEXT },
  /* agree, comment, change or early-review */
  { "kind", CF_FIELD_TEXT },
  /* In the carer's words. */
  { "text", CF_FIELD_TEXT },
  /* ISO 8601, with the time. */
  { "given_at", CF_FIELD_TEXT },
  /* The carer's name as it was then: the response is theirs. */
  { "given_by", CF_FIELD_TEXT },
  /* The worker whose laptop it was given on. */
  { "recorded_by", CF_FIELD_TEXT },
  /* The language the carer read their plan in, such as "pl". */
  { "language", CF_FIELD_TEXT },
  /* For early-review: the review it asked for. */
  { "review_id", CF_FIELD_TEXT },
  { NULL }
};

static void
cf_carer_response_class_init (CfCarerResponseClass *klass)
{
  cf_record_class_set_entity (CF_RECORD_CLASS (klass), "carer_response", carer_response_fields);
}

static void
cf_carer_response_init (CfCarerResponse *self)
{
}

CfCarerResponse *
cf_carer_response_new (const char *carer_id)
{
  CfCarerResponse *self;

  g_return_val_if_fail (carer_id != NULL, NULL);

  self = g_object_new (CF_TYPE_CARER_RESPONSE, NULL);
  cf_record_set_text (CF_RECORD (self), "carer_id", carer_id);

  return self;
}
