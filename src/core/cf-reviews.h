/* cf-reviews.h: reviews of plans and direct payments, and what falls due
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-carer.h"
#include "cf-review.h"
#include "cf-schedule.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_REVIEW_SUBJECT_PLAN           "plan"
#define CF_REVIEW_SUBJECT_DIRECT_PAYMENT "direct-payment"
#define CF_REVIEW_SCHEDULED "scheduled"
#define CF_REVIEW_EARLY     "early"

/* Our practice, where DOMAIN.md says only "sooner": an early review asked for is due within
 * this many days of the request. */
#define CF_EARLY_REVIEW_DAYS 28

typedef enum
{
  CF_DUE_PLAN_REVIEW,
  CF_DUE_EARLY_REVIEW,
  CF_DUE_DIRECT_PAYMENT_REVIEW,
  CF_DUE_EMERGENCY_CHECK,
  CF_DUE_DBS_RENEWAL,
  CF_DUE_INSURANCE,
  CF_DUE_VACANCY,
  CF_DUE_TRANSITION,
} CfDueKind;

/* One thing that falls due for a carer: computed, never stored. */
typedef struct
{
  CfDueKind   kind;
  char       *carer_id;
  char       *reference;
  char       *carer_name;
  /* The plan, direct payment, emergency plan, assistant or early review it is about. */
  char       *subject_id;
  GDate       due;
  CfDueState  state;
  /* In words, such as "Plan review due in 12 days". */
  char       *title;
} CfDueItem;

void       cf_due_item_free           (CfDueItem   *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfDueItem, cf_due_item_free)

GPtrArray *cf_reviews_list            (CfStore     *store,
                                       const char  *carer_id,
                                       GError     **error);
CfReview  *cf_reviews_request_early   (CfStore     *store,
                                       CfCarer     *carer,
                                       const char  *subject,
                                       const char  *subject_id,
                                       const char  *reason,
                                       const char  *notes,
                                       const char  *requested_on,
                                       GError     **error);
CfReview  *cf_reviews_request_early_by (CfStore    *store,
                                       CfCarer     *carer,
                                       const char  *subject,
                                       const char  *subject_id,
                                       const char  *reason,
                                       const char  *notes,
                                       const char  *requested_on,
                                       const char  *requested_by,
                                       GError     **error);
CfReview  *cf_reviews_record          (CfStore     *store,
                                       CfCarer     *carer,
                                       CfReview    *pending,
                                       const char  *subject,
                                       const char  *subject_id,
                                       const char  *held_on,
                                       const char  *outcome,
                                       const char  *notes,
                                       GError     **error);

gboolean   cf_reviews_last_held       (CfStore     *store,
                                       const char  *carer_id,
                                       const char  *subject_id,
                                       GDate       *held_on,
                                       GError     **error);
gboolean   cf_reviews_set_texts_consent (CfStore  *store,
                                         CfCarer  *carer,
                                         gboolean  consent,
                                         GError  **error);

GPtrArray *cf_due_for_carer           (CfStore     *store,
                                       CfCarer     *carer,
                                       const GDate *today,
                                       GError     **error);
GPtrArray *cf_due_list                (CfStore     *store,
                                       const GDate *today,
                                       GError     **error);
guint      cf_due_queue_reminders     (CfStore     *store,
                                       const GDate *today,
                                       GError     **error);

const char *cf_review_due_kind_to_string (CfDueKind  kind);
const char *cf_due_state_to_string       (CfDueState state);

G_END_DECLS
