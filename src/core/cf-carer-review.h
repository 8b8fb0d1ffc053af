/* cf-carer-review.h: what a carer reads and says in carer review mode
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-carer-response.h"
#include "cf-carer.h"
#include "cf-direct-payment.h"
#include "cf-document.h"
#include "cf-emergency-plan.h"
#include "cf-plan.h"
#include "cf-store.h"
#include "cf-written-record.h"

G_BEGIN_DECLS

#define CF_CARER_RESPONSE_AGREE        "agree"
#define CF_CARER_RESPONSE_COMMENT      "comment"
#define CF_CARER_RESPONSE_CHANGE       "change"
#define CF_CARER_RESPONSE_EARLY_REVIEW "early-review"

/* Everything of one carer's that carer review mode shows, and nothing of anyone else's. */
typedef struct
{
  CfCarer         *carer;
  /* The plan in force, or the draft being agreed when there is none yet. */
  CfPlan          *plan;
  GPtrArray       *needs;
  GPtrArray       *actions;
  CfEmergencyPlan *emergency_plan;
  GPtrArray       *contacts;
  /* Set up or being set up; ended and refused payments are not the carer's to act on. */
  GPtrArray       *payments;
  /* The soonest review due, if one is: a plan, early or direct payment review. */
  gboolean         has_next_review;
  GDate            next_review;
} CfCarerReview;

void           cf_carer_review_free            (CfCarerReview   *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfCarerReview, cf_carer_review_free)

CfCarerReview *cf_carer_review_load            (CfStore         *store,
                                                const char      *carer_id,
                                                GError         **error);
char          *cf_carer_review_dup_language    (CfCarerReview   *review);
GPtrArray     *cf_carer_review_build_documents (CfCarerReview   *review,
                                                const char      *language,
                                                const CfOrganisation *organisation);
CfCarerResponse *cf_carer_review_respond       (CfStore         *store,
                                                CfCarerReview   *review,
                                                const char      *kind,
                                                const char      *text,
                                                const char      *language,
                                                GError         **error);
GPtrArray     *cf_carer_review_list_responses  (CfStore         *store,
                                                const char      *carer_id,
                                                GError         **error);
char          *cf_carer_response_dup_summary   (CfCarerResponse *response);

G_END_DECLS
