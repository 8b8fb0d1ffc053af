/* cf-review.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A review of a support plan or a direct payment, scheduled or early (DOMAIN.md).
 */

#include "config.h"

#include "cf-review.h"

struct _CfReview
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfReview, cf_review, CF_TYPE_RECORD)

static const CfField review_fields[] = {
  { "carer_id", CF_FIELD_TEXT },
  /* plan or direct-payment, and which one */
  { "subject", CF_FIELD_TEXT },
  { "subject_id", CF_FIELD_TEXT },
  /* scheduled or early */
  { "kind", CF_FIELD_TEXT },
  /* Why an early review: one of cf_review_reasons. */
  { "reason", CF_FIELD_TEXT },
  { "reason_notes", CF_FIELD_TEXT },
  { "requested_on", CF_FIELD_TEXT },
  { "requested_by", CF_FIELD_TEXT },
  { "held_on", CF_FIELD_TEXT },
  { "reviewer", CF_FIELD_TEXT },
  /* no-change, plan-revised or reassessment */
  { "outcome", CF_FIELD_TEXT },
  { "notes", CF_FIELD_TEXT },
  { NULL }
};

static void
cf_review_class_init (CfReviewClass *klass)
{
  cf_record_class_set_entity (CF_RECORD_CLASS (klass), "review", review_fields);
}

static void
cf_review_init (CfReview *self)
{
}

CfReview *
cf_review_new (const char *carer_id)
{
  CfReview *self;

  g_return_val_if_fail (carer_id != NULL, NULL);

  self = g_object_new (CF_TYPE_REVIEW, NULL);
  cf_record_set_text (CF_RECORD (self), "carer_id", carer_id);

  return self;
}
