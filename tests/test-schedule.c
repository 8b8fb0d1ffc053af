/* test-schedule.c: when reviews, checks and renewals fall due
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cf-calendar.h"
#include "cf-schedule.h"

static GDate
iso (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!cf_calendar_parse_iso_date (text, &date))
    g_error ("test data “%s” is not a date", text);

  return date;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

#define assert_date(date, expected) \
  G_STMT_START { \
    g_autofree char *_text = format_date (date); \
    g_assert_cmpstr (_text, ==, expected); \
  } G_STMT_END

/* Fills @opens and @due for a plan agreed on @agreed and last reviewed on @reviewed (or NULL). */
static void
plan_review (const char *agreed,
             const char *reviewed,
             gboolean    young_carer,
             GDate      *opens,
             GDate      *due)
{
  GDate agreed_date = iso (agreed);
  GDate reviewed_date;

  g_date_clear (&reviewed_date, 1);
  g_date_clear (opens, 1);
  g_date_clear (due, 1);
  if (reviewed != NULL)
    reviewed_date = iso (reviewed);

  cf_plan_review_due (&agreed_date, reviewed != NULL ? &reviewed_date : NULL, young_carer,
                      opens, due);
}

static void
test_plan_first_review (void)
{
  GDate opens, due;

  /* 6 to 8 weeks after the plan was agreed, for adult and young carers alike. */
  plan_review ("2026-03-02", NULL, FALSE, &opens, &due);
  assert_date (&opens, "2026-04-13");
  assert_date (&due, "2026-04-27");

  plan_review ("2026-03-02", NULL, TRUE, &opens, &due);
  assert_date (&opens, "2026-04-13");
  assert_date (&due, "2026-04-27");

  /* Across the end of a leap February. */
  plan_review ("2028-01-20", NULL, FALSE, &opens, &due);
  assert_date (&opens, "2028-03-02");
  assert_date (&due, "2028-03-16");

  /* A review dated before this plan was agreed was of an earlier plan. */
  plan_review ("2026-03-02", "2026-01-10", FALSE, &opens, &due);
  assert_date (&due, "2026-04-27");
}

static void
test_plan_annual (void)
{
  GDate opens, due;

  plan_review ("2026-03-02", "2026-04-20", FALSE, &opens, &due);
  assert_date (&due, "2027-04-20");
  /* The window opens as the review starts to be listed as due soon. */
  assert_date (&opens, "2027-03-21");

  /* The next cycle counts from the last review, not from the plan. */
  plan_review ("2026-03-02", "2027-04-14", FALSE, &opens, &due);
  assert_date (&due, "2028-04-14");
}

static void
test_plan_young_carer (void)
{
  GDate opens, due;

  plan_review ("2026-03-02", "2026-04-20", TRUE, &opens, &due);
  assert_date (&due, "2026-10-20");
  assert_date (&opens, "2026-09-20");

  plan_review ("2026-03-02", "2026-10-19", TRUE, &opens, &due);
  assert_date (&due, "2027-04-19");
}

static void
test_plan_early_review (void)
{
  GDate opens, due;

  /* Annual review on 20 April 2026 would make the next due 20 April 2027; the cared-for person
   * goes into hospital and an early review on 5 September restarts the cycle from then. */
  plan_review ("2026-03-02", "2026-04-20", FALSE, &opens, &due);
  assert_date (&due, "2027-04-20");
  plan_review ("2026-03-02", "2026-09-05", FALSE, &opens, &due);
  assert_date (&due, "2027-09-05");
}

static void
test_plan_month_end (void)
{
  GDate opens, due;

  /* A young carer reviewed on 31 August is next due at the end of February, never in March. */
  plan_review ("2026-06-01", "2026-08-31", TRUE, &opens, &due);
  assert_date (&due, "2027-02-28");
  plan_review ("2027-06-01", "2027-08-31", TRUE, &opens, &due);
  assert_date (&due, "2028-02-29");

  /* A review on 29 February falls due on 28 February a year on. */
  plan_review ("2027-12-01", "2028-02-29", FALSE, &opens, &due);
  assert_date (&due, "2029-02-28");

  /* 31 March + 6 months is 30 September. */
  plan_review ("2026-01-05", "2026-03-31", TRUE, &opens, &due);
  assert_date (&due, "2026-09-30");
}

static void
test_direct_payment (void)
{
  GDate first = iso ("2026-01-31");
  GDate reviewed = iso ("2026-07-15");
  GDate before = iso ("2025-12-01");
  GDate due;

  /* 6 months after 31 January is the end of July; 31 August + 6 would be the end of February. */
  g_date_clear (&due, 1);
  cf_direct_payment_review_due (&first, NULL, &due);
  assert_date (&due, "2026-07-31");

  first = iso ("2025-08-31");
  cf_direct_payment_review_due (&first, NULL, &due);
  assert_date (&due, "2026-02-28");

  /* Then no more than 12 months after the last review. */
  first = iso ("2026-01-31");
  cf_direct_payment_review_due (&first, &reviewed, &due);
  assert_date (&due, "2027-07-15");

  /* A review before the first payment does not count. */
  cf_direct_payment_review_due (&first, &before, &due);
  assert_date (&due, "2026-07-31");
}

static void
test_dbs_renewal (void)
{
  GDate checked = iso ("2026-05-12");
  GDate due;

  g_date_clear (&due, 1);
  cf_dbs_renewal_due (&checked, &due);
  assert_date (&due, "2029-05-12");

  /* 29 February 2028 has no anniversary in 2031: the end of February. */
  checked = iso ("2028-02-29");
  cf_dbs_renewal_due (&checked, &due);
  assert_date (&due, "2031-02-28");
}

static void
test_vacancy (void)
{
  GDate opened = iso ("2026-01-15");
  GDate day_30 = iso ("2026-02-14");
  GDate day_31 = iso ("2026-02-15");

  g_assert_false (cf_vacancy_is_long (&opened, &opened));
  g_assert_false (cf_vacancy_is_long (&opened, &day_30));
  g_assert_true (cf_vacancy_is_long (&opened, &day_31));
}

static void
test_emergency_plan (void)
{
  GDate checked = iso ("2025-03-01");
  GDate eleven_months = iso ("2026-02-01");
  GDate twelve_months = iso ("2026-03-01");
  GDate day_more = iso ("2026-03-02");
  GDate leap_checked = iso ("2028-02-29");
  GDate leap_end = iso ("2029-02-28");
  GDate leap_after = iso ("2029-03-01");

  g_assert_false (cf_emergency_plan_needs_check (&checked, &eleven_months));
  g_assert_false (cf_emergency_plan_needs_check (&checked, &twelve_months));
  g_assert_true (cf_emergency_plan_needs_check (&checked, &day_more));

  g_assert_false (cf_emergency_plan_needs_check (&leap_checked, &leap_end));
  g_assert_true (cf_emergency_plan_needs_check (&leap_checked, &leap_after));
}

static CfTransitionFlag
transition (const char *born,
            const char *today,
            gboolean    booked)
{
  GDate born_date = iso (born);
  GDate today_date = iso (today);

  return cf_young_carer_transition_flag (&born_date, &today_date, booked);
}

static void
test_transition (void)
{
  /* 13 years and 364 days. */
  g_assert_cmpint (transition ("2012-06-10", "2026-06-09", FALSE), ==, CF_TRANSITION_NONE);
  /* 14th birthday. */
  g_assert_cmpint (transition ("2012-06-10", "2026-06-10", FALSE), ==, CF_TRANSITION_PLAN);
  g_assert_cmpint (transition ("2012-06-10", "2026-06-10", TRUE), ==, CF_TRANSITION_PLAN);
  /* The day before the 17th birthday. */
  g_assert_cmpint (transition ("2009-06-10", "2026-06-09", FALSE), ==, CF_TRANSITION_PLAN);
  /* 17th birthday, with and without an adult assessment booked. */
  g_assert_cmpint (transition ("2009-06-10", "2026-06-10", FALSE), ==, CF_TRANSITION_URGENT);
  g_assert_cmpint (transition ("2009-06-10", "2026-06-10", TRUE), ==, CF_TRANSITION_PLAN);
  /* An adult carer from 18. */
  g_assert_cmpint (transition ("2008-06-10", "2026-06-10", FALSE), ==, CF_TRANSITION_NONE);
}

static void
test_age_leap_day (void)
{
  GDate born = iso ("2012-02-29");
  GDate feb_28 = iso ("2026-02-28");
  GDate mar_1 = iso ("2026-03-01");
  GDate leap_feb_28 = iso ("2028-02-28");
  GDate leap_feb_29 = iso ("2028-02-29");

  /* Born 29 February: 14 on 1 March in a common year, on 29 February in a leap year. */
  g_assert_cmpuint (cf_age_in_years (&born, &feb_28), ==, 13);
  g_assert_cmpuint (cf_age_in_years (&born, &mar_1), ==, 14);
  g_assert_cmpuint (cf_age_in_years (&born, &leap_feb_28), ==, 15);
  g_assert_cmpuint (cf_age_in_years (&born, &leap_feb_29), ==, 16);

  g_assert_cmpint (transition ("2012-02-29", "2026-02-28", FALSE), ==, CF_TRANSITION_NONE);
  g_assert_cmpint (transition ("2012-02-29", "2026-03-01", FALSE), ==, CF_TRANSITION_PLAN);
  g_assert_cmpint (transition ("2012-02-29", "2029-02-28", FALSE), ==, CF_TRANSITION_PLAN);
  g_assert_cmpint (transition ("2012-02-29", "2029-03-01", FALSE), ==, CF_TRANSITION_URGENT);
}

static CfDueState
due_state (const char *due,
           const char *today)
{
  GDate due_date = iso (due);
  GDate today_date = iso (today);

  return cf_due_state (&due_date, &today_date);
}

static void
test_due_state (void)
{
  GDate today = iso ("2026-11-01");
  GDate cleared;

  g_assert_cmpint (due_state ("2026-12-02", "2026-11-01"), ==, CF_DUE_STATE_LATER);
  /* 30 days ahead is soon, 31 is not. */
  g_assert_cmpint (due_state ("2026-12-01", "2026-11-01"), ==, CF_DUE_STATE_SOON);
  g_assert_cmpint (due_state ("2026-11-02", "2026-11-01"), ==, CF_DUE_STATE_SOON);
  /* Due today is not yet overdue; the day after it is. */
  g_assert_cmpint (due_state ("2026-11-01", "2026-11-01"), ==, CF_DUE_STATE_SOON);
  g_assert_cmpint (due_state ("2026-10-31", "2026-11-01"), ==, CF_DUE_STATE_OVERDUE);
  g_assert_cmpint (due_state ("2025-01-01", "2026-11-01"), ==, CF_DUE_STATE_OVERDUE);

  g_date_clear (&cleared, 1);
  g_assert_cmpint (cf_due_state (NULL, &today), ==, CF_DUE_STATE_NONE);
  g_assert_cmpint (cf_due_state (&cleared, &today), ==, CF_DUE_STATE_NONE);
}

static char *
describe (const char *what,
          const char *due,
          const char *today)
{
  GDate due_date = iso (due);
  GDate today_date = iso (today);

  return cf_due_describe (what, &due_date, &today_date);
}

static void
test_describe (void)
{
  g_autofree char *later = describe ("Review", "2026-12-03", "2026-11-20");
  g_autofree char *today = describe ("Review", "2026-11-20", "2026-11-20");
  g_autofree char *overdue = describe ("DBS renewal", "2026-11-01", "2026-11-20");

  g_assert_cmpstr (later, ==, "Review due 3 Dec 2026");
  g_assert_cmpstr (today, ==, "Review due today");
  g_assert_cmpstr (overdue, ==, "DBS renewal overdue since 1 Nov 2026");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/schedule/plan-review/first", test_plan_first_review);
  g_test_add_func ("/schedule/plan-review/annual", test_plan_annual);
  g_test_add_func ("/schedule/plan-review/young-carer", test_plan_young_carer);
  g_test_add_func ("/schedule/plan-review/early-review", test_plan_early_review);
  g_test_add_func ("/schedule/plan-review/month-end", test_plan_month_end);
  g_test_add_func ("/schedule/direct-payment-review", test_direct_payment);
  g_test_add_func ("/schedule/dbs-renewal", test_dbs_renewal);
  g_test_add_func ("/schedule/vacancy", test_vacancy);
  g_test_add_func ("/schedule/emergency-plan", test_emergency_plan);
  g_test_add_func ("/schedule/transition", test_transition);
  g_test_add_func ("/schedule/age/leap-day", test_age_leap_day);
  g_test_add_func ("/schedule/due-state", test_due_state);
  g_test_add_func ("/schedule/describe", test_describe);

  return g_test_run ();
}
