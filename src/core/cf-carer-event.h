/* cf-carer-event.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_CARER_EVENT (cf_carer_event_get_type ())

G_DECLARE_FINAL_TYPE (CfCarerEvent, cf_carer_event, CF, CARER_EVENT, CfRecord)

/* The kinds of event in a carer's history. */
#define CF_EVENT_FIRST_CONTACT "first-contact"
#define CF_EVENT_WAITING_WELL  "waiting-well"
#define CF_EVENT_PRIORITY      "priority"
#define CF_EVENT_CLOSED        "closed"
#define CF_EVENT_REOPENED      "reopened"
#define CF_EVENT_ASSESSMENT_STARTED  "assessment-started"
#define CF_EVENT_ASSESSMENT_FINISHED "assessment-finished"
#define CF_EVENT_ASSESSMENT_RETURNED "assessment-returned"
#define CF_EVENT_RECORD_GIVEN        "written-record-given"
#define CF_EVENT_EMERGENCY_PLAN_AGREED  "emergency-plan-agreed"
#define CF_EVENT_EMERGENCY_PLAN_CHECKED "emergency-plan-checked"
#define CF_EVENT_DIRECT_PAYMENT_REQUESTED "direct-payment-requested"
#define CF_EVENT_DIRECT_PAYMENT_AGREED    "direct-payment-agreed"
#define CF_EVENT_DIRECT_PAYMENT_REFUSED   "direct-payment-refused"
#define CF_EVENT_DIRECT_PAYMENT_ENDED     "direct-payment-ended"
#define CF_EVENT_PLAN_CREATED        "plan-created"
#define CF_EVENT_PLAN_AGREED         "plan-agreed"
#define CF_EVENT_PLAN_REVISED        "plan-revised"
#define CF_EVENT_PLAN_COPY_GIVEN     "plan-copy-given"
#define CF_EVENT_BREAK_TAKEN         "break-taken"
#define CF_EVENT_REVIEW_REQUESTED    "review-requested"
#define CF_EVENT_REVIEW_HELD         "review-held"
#define CF_EVENT_TEXT_QUEUED         "text-queued"
#define CF_EVENT_TEXTS_CONSENT       "texts-consent"
#define CF_EVENT_CARER_RESPONDED     "carer-responded"

CfCarerEvent *cf_carer_event_new       (const char   *carer_id,
                                        const char   *kind);
char         *cf_carer_event_dup_title (CfCarerEvent *self);

G_END_DECLS
