/* cf-schedule.h: when reviews, checks and renewals fall due
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How far ahead a due date counts as soon (DOMAIN.md, "Support plan and personal budget"). */
#define CF_SCHEDULE_SOON_DAYS 30

typedef enum {
  CF_DUE_STATE_NONE,
  CF_DUE_STATE_LATER,
  CF_DUE_STATE_SOON,
  CF_DUE_STATE_OVERDUE,
} CfDueState;

typedef enum {
  CF_TRANSITION_NONE,
  CF_TRANSITION_PLAN,
  CF_TRANSITION_URGENT,
} CfTransitionFlag;

CfDueState       cf_due_state                    (const GDate *due,
                                                  const GDate *today);
char            *cf_due_describe                 (const char  *what,
                                                  const GDate *due,
                                                  const GDate *today);

void             cf_plan_review_due              (const GDate *plan_agreed,
                                                  const GDate *last_review,
                                                  gboolean     young_carer,
                                                  GDate       *window_opens,
                                                  GDate       *due);
void             cf_direct_payment_review_due    (const GDate *first_payment,
                                                  const GDate *last_review,
                                                  GDate       *due);
void             cf_dbs_renewal_due              (const GDate *checked,
                                                  GDate       *due);
gboolean         cf_vacancy_is_long              (const GDate *opened,
                                                  const GDate *today);
gboolean         cf_emergency_plan_needs_check   (const GDate *last_checked,
                                                  const GDate *today);

guint            cf_age_in_years                 (const GDate *date_of_birth,
                                                  const GDate *today);
CfTransitionFlag cf_young_carer_transition_flag  (const GDate *date_of_birth,
                                                  const GDate *today,
                                                  gboolean     adult_assessment_booked);

G_END_DECLS
