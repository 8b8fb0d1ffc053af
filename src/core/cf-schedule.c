/* cf-schedule.c: when reviews, checks and renewals fall due
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules for when a support plan is reviewed, a direct payment monitored, a personal
 * assistant's DBS check renewed and an emergency plan checked, and when a young carer's
 * transition to adult support needs planning (DOMAIN.md, "Support plan and personal budget",
 * "Emergency (contingency) plan" and "Direct payments"). Each rule names its source, so that
 * when the law or the council's policy changes the line to change is easy to find.
 *
 * Everything here is a calendar day with no time or zone: a review due on 3 December is due all
 * that day wherever the computer is. "Today" comes from the caller (from its CfClock), so the
 * rules can be tested on any day and a caseload is judged against one day throughout.
 *
 * Months and years are added with g_date_add_months() and g_date_add_years(), which clamp to the
 * end of a short month: a plan reviewed on 31 August is next due on 28 or 29 February, not in
 * March, so a review is never due later than the rule allows.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-schedule.h"

/* DOMAIN.md, "Support plan and personal budget": first review at 6 to 8 weeks. */
#define FIRST_REVIEW_OPENS_DAYS (6 * 7)
#define FIRST_REVIEW_DUE_DAYS   (8 * 7)

/* DOMAIN.md, "Support plan and personal budget": then at least every 12 months, young carers
 * every 6 months. */
#define REVIEW_MONTHS             12
#define YOUNG_CARER_REVIEW_MONTHS 6

/* Care and Support (Direct Payments) Regulations 2014; DOMAIN.md, "Direct payments": review
 * within the first 6 months, then at intervals of no more than 12 months. */
#define DIRECT_PAYMENT_FIRST_REVIEW_MONTHS 6
#define DIRECT_PAYMENT_REVIEW_MONTHS       12

/* DOMAIN.md, "Direct payments": DBS check date (renew every 3 years). */
#define DBS_RENEWAL_YEARS 3

/* DOMAIN.md, "Direct payments": flag vacancies open over 30 days. */
#define LONG_VACANCY_DAYS 30

/* DOMAIN.md, "Emergency (contingency) plan" and "Indicators": not checked in 12 months. */
#define EMERGENCY_PLAN_CHECK_MONTHS 12

/* Care Act 2014 s.63; DOMAIN.md, "Support plan and personal budget": flag transition planning
 * from age 14 and again at 17 if no adult assessment is booked. At 18 the young carer is an
 * adult carer, assessed under s.10, and these flags no longer apply. */
#define TRANSITION_PLAN_AGE   14
#define TRANSITION_URGENT_AGE 17
#define ADULT_AGE             18

/* A review or check earlier than the start it is counted from (a review of an earlier plan, a
 * review before the first payment) says nothing about the current cycle. */
static gboolean
counts_after (const GDate *review,
              const GDate *start)
{
  return review != NULL && g_date_valid (review) && g_date_compare (review, start) >= 0;
}

/**
 * cf_due_state:
 * @due: (nullable): the due date, or %NULL or a cleared date when nothing is due
 * @today: today's date
 *
 * Where @due stands against @today: overdue the day after it, soon from
 * %CF_SCHEDULE_SOON_DAYS days before it up to and including the day itself.
 *
 * Returns: the state, %CF_DUE_STATE_NONE when nothing is due
 */
CfDueState
cf_due_state (const GDate *due,
              const GDate *today)
{
  int days_left;

  g_return_val_if_fail (today != NULL && g_date_valid (today), CF_DUE_STATE_NONE);

  if (due == NULL || !g_date_valid (due))
    return CF_DUE_STATE_NONE;

  /* DOMAIN.md, "Support plan and personal budget": "list reviews due within 30 days and
   * overdue". A review due today is not yet overdue: there is still the day to do it. */
  days_left = g_date_days_between (today, due);
  if (days_left < 0)
    return CF_DUE_STATE_OVERDUE;
  if (days_left <= CF_SCHEDULE_SOON_DAYS)
    return CF_DUE_STATE_SOON;

  return CF_DUE_STATE_LATER;
}

/**
 * cf_plan_review_due:
 * @plan_agreed: the date the carer's support plan was agreed
 * @last_review: (nullable): the date of the last review of this plan, or %NULL if none yet
 * @young_carer: whether the carer is a young carer (under 18)
 * @window_opens: (out caller-allocates): the first day the review should be held
 * @due: (out caller-allocates): the last day the review can be held on time
 *
 * When the next review of a support plan falls due (Care Act 2014 s.27; DOMAIN.md, "Support plan
 * and personal budget", "Reviews"). The first review is held 6 to 8 weeks after the plan was
 * agreed. After that a review is due at least every 12 months, or 6 for a young carer, counted
 * from the last review: an early review, on request or after a change of circumstances, is a
 * review and so starts the cycle again from its own date.
 *
 * Later reviews have no earliest day ("at least every 12 months"), so their window opens when
 * they start to be listed as due soon, %CF_SCHEDULE_SOON_DAYS days before they are due.
 */
void
cf_plan_review_due (const GDate *plan_agreed,
                    const GDate *last_review,
                    gboolean     young_carer,
                    GDate       *window_opens,
                    GDate       *due)
{
  g_return_if_fail (plan_agreed != NULL && g_date_valid (plan_agreed));
  g_return_if_fail (window_opens != NULL);
  g_return_if_fail (due != NULL);

  if (!counts_after (last_review, plan_agreed))
    {
      *window_opens = *plan_agreed;
      g_date_add_days (window_opens, FIRST_REVIEW_OPENS_DAYS);
      *due = *plan_agreed;
      g_date_add_days (due, FIRST_REVIEW_DUE_DAYS);
      return;
    }

  *due = *last_review;
  g_date_add_months (due, young_carer ? YOUNG_CARER_REVIEW_MONTHS : REVIEW_MONTHS);

  *window_opens = *due;
  g_date_subtract_days (window_opens, CF_SCHEDULE_SOON_DAYS);
}

/**
 * cf_direct_payment_review_due:
 * @first_payment: the date of the first direct payment
 * @last_review: (nullable): the date of the last review of the direct payment, or %NULL
 * @due: (out caller-allocates): the date the next review is due
 *
 * When a direct payment must next be reviewed (Direct Payments Regulations 2014; DOMAIN.md,
 * "Direct payments", "Monitoring"): within 6 months of the first payment, then no more than 12
 * months after the last review.
 */
void
cf_direct_payment_review_due (const GDate *first_payment,
                              const GDate *last_review,
                              GDate       *due)
{
  g_return_if_fail (first_payment != NULL && g_date_valid (first_payment));
  g_return_if_fail (due != NULL);

  if (counts_after (last_review, first_payment))
    {
      *due = *last_review;
      g_date_add_months (due, DIRECT_PAYMENT_REVIEW_MONTHS);
    }
  else
    {
      *due = *first_payment;
      g_date_add_months (due, DIRECT_PAYMENT_FIRST_REVIEW_MONTHS);
    }
}

/**
 * cf_dbs_renewal_due:
 * @checked: the date of the personal assistant's last DBS check
 * @due: (out caller-allocates): the date the check is due for renewal
 *
 * A personal assistant's DBS check is renewed every 3 years (DOMAIN.md, "Direct payments",
 * "Personal assistants"). A check made on 29 February is due on 28 February three years on.
 */
void
cf_dbs_renewal_due (const GDate *checked,
                    GDate       *due)
{
  g_return_if_fail (checked != NULL && g_date_valid (checked));
  g_return_if_fail (due != NULL);

  *due = *checked;
  g_date_add_years (due, DBS_RENEWAL_YEARS);
}

/**
 * cf_vacancy_is_long:
 * @opened: the date a personal assistant's post fell vacant
 * @today: today's date
 *
 * Whether the vacancy has been open more than 30 days (DOMAIN.md, "Direct payments", "flag
 * vacancies open over 30 days"): on the 30th day after it opened it is not yet flagged, on the
 * 31st it is.
 *
 * Returns: %TRUE when the vacancy should be flagged
 */
gboolean
cf_vacancy_is_long (const GDate *opened,
                    const GDate *today)
{
  g_return_val_if_fail (opened != NULL && g_date_valid (opened), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  return g_date_days_between (opened, today) > LONG_VACANCY_DAYS;
}

/**
 * cf_emergency_plan_needs_check:
 * @last_checked: the date the emergency plan was last checked, or the date it was agreed if it
 *   has not been checked since
 * @today: today's date
 *
 * Whether the emergency plan has gone unchecked for more than 12 months (DOMAIN.md, "Emergency
 * (contingency) plan", "flag plans not checked in 12 months"; also an indicator). A plan checked
 * exactly 12 months ago is still in date.
 *
 * Returns: %TRUE when the plan should be flagged
 */
gboolean
cf_emergency_plan_needs_check (const GDate *last_checked,
                               const GDate *today)
{
  GDate expires;

  g_return_val_if_fail (last_checked != NULL && g_date_valid (last_checked), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);

  expires = *last_checked;
  g_date_add_months (&expires, EMERGENCY_PLAN_CHECK_MONTHS);

  return g_date_compare (today, &expires) > 0;
}

/**
 * cf_age_in_years:
 * @date_of_birth: the person's date of birth
 * @today: today's date
 *
 * The person's age in whole years on @today. Someone born on 29 February has their birthday on
 * 1 March in a common year, as the law in England counts it (Family Law Reform Act 1969 s.9: an
 * age is attained at the start of the anniversary of the birth, and a common year has no 29
 * February, so it is attained when 28 February ends).
 *
 * Returns: the age, 0 if @today is before @date_of_birth
 */
guint
cf_age_in_years (const GDate *date_of_birth,
                 const GDate *today)
{
  guint age;

  g_return_val_if_fail (date_of_birth != NULL && g_date_valid (date_of_birth), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  if (g_date_compare (today, date_of_birth) < 0)
    return 0;

  age = g_date_get_year (today) - g_date_get_year (date_of_birth);

  /* Comparing month and day rather than adding years keeps 29 February's birthday on 1 March:
   * g_date_add_years() would move it back to 28 February. */
  if (g_date_get_month (today) < g_date_get_month (date_of_birth)
      || (g_date_get_month (today) == g_date_get_month (date_of_birth)
          && g_date_get_day (today) < g_date_get_day (date_of_birth)))
    age--;

  return age;
}

/**
 * cf_young_carer_transition_flag:
 * @date_of_birth: the young carer's date of birth
 * @today: today's date
 * @adult_assessment_booked: whether a transition (adult carer's) assessment is booked
 *
 * Whether a young carer's move to adult support needs planning (Care Act 2014 s.63; DOMAIN.md,
 * "Support plan and personal budget"): from their 14th birthday, and urgently from their 17th if
 * no adult assessment is booked. From their 18th birthday they are an adult carer and neither
 * flag applies.
 *
 * Returns: the flag to show
 */
CfTransitionFlag
cf_young_carer_transition_flag (const GDate *date_of_birth,
                                const GDate *today,
                                gboolean     adult_assessment_booked)
{
  guint age;

  g_return_val_if_fail (date_of_birth != NULL && g_date_valid (date_of_birth),
                        CF_TRANSITION_NONE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), CF_TRANSITION_NONE);

  age = cf_age_in_years (date_of_birth, today);

  if (age < TRANSITION_PLAN_AGE || age >= ADULT_AGE)
    return CF_TRANSITION_NONE;
  if (age >= TRANSITION_URGENT_AGE && !adult_assessment_booked)
    return CF_TRANSITION_URGENT;

  return CF_TRANSITION_PLAN;
}

/**
 * cf_due_describe:
 * @what: what is due, already translated, e.g. _("Review")
 * @due: the due date
 * @today: today's date
 *
 * Words for a due date as a list shows them, e.g. “Review due 3 Dec 2026”, “Review due today”
 * or “Review overdue since 1 Nov 2026”. The words carry the state, so a list does not depend
 * on colour alone to show it (STYLE.md, "Accessibility").
 *
 * Returns: (transfer full): the text
 */
char *
cf_due_describe (const char  *what,
                 const GDate *due,
                 const GDate *today)
{
  char date_text[64];

  g_return_val_if_fail (what != NULL, NULL);
  g_return_val_if_fail (due != NULL && g_date_valid (due), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (g_date_compare (due, today) == 0)
    /* Translators: "%s" is what is due, e.g. “Review” or “DBS renewal” */
    return g_strdup_printf (_("%s due today"), what);

  /* Translators: a date with the year, e.g. “3 Dec 2026”; see strftime for the codes */
  if (g_date_strftime (date_text, sizeof date_text, _("%-d %b %Y"), due) == 0)
    g_snprintf (date_text, sizeof date_text, "%04u-%02u-%02u", g_date_get_year (due),
                g_date_get_month (due), g_date_get_day (due));

  if (g_date_compare (due, today) < 0)
    /* Translators: "%1$s" is what is due, e.g. “Review”; "%2$s" the date, e.g. “1 Nov 2026” */
    return g_strdup_printf (_("%1$s overdue since %2$s"), what, date_text);

  /* Translators: "%1$s" is what is due, e.g. “Review”; "%2$s" the date, e.g. “3 Dec 2026” */
  return g_strdup_printf (_("%1$s due %2$s"), what, date_text);
}
