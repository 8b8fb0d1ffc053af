/* test-money.c: amounts of money, personal budgets and direct-payment balances
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cf-money.h"

static void
assert_format (gint64      pence,
               const char *expected)
{
  g_autofree char *text = cf_money_format (pence);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format (void)
{
  assert_format (0, "£0.00");
  assert_format (1, "£0.01");
  assert_format (50, "£0.50");
  assert_format (100, "£1.00");
  assert_format (99999, "£999.99");
  assert_format (100000, "£1,000.00");
  assert_format (123456, "£1,234.56");
  assert_format (12345678, "£123,456.78");
  assert_format (100000000, "£1,000,000.00");
  assert_format (CF_MONEY_MAX, "£10,000,000.00");
}

static void
test_format_negative (void)
{
  /* U+2212 MINUS SIGN, not a hyphen. */
  assert_format (-500, "\xe2\x88\x92£5.00");
  assert_format (-1, "−£0.01");
  assert_format (-123456, "−£1,234.56");
}

static void
test_format_large (void)
{
  assert_format (G_MAXINT64, "£92,233,720,368,547,758.07");
  assert_format (G_MININT64, "−£92,233,720,368,547,758.08");
}

static void
assert_parse (const char *text,
              gint64      expected)
{
  g_autoptr(GError) error = NULL;
  gint64 pence = -1;

  if (!cf_money_parse (text, &pence, &error))
    {
      g_test_fail_printf ("“%s” was refused: %s", text, error->message);
      return;
    }

  g_assert_no_error (error);
  if (pence != expected)
    g_test_fail_printf ("“%s” gave %" G_GINT64_FORMAT " pence, not %" G_GINT64_FORMAT,
                        text, pence, expected);
}

static void
assert_refused (const char   *text,
                CfMoneyError  code,
                const char   *hint)
{
  g_autoptr(GError) error = NULL;
  gint64 pence = 42;

  if (cf_money_parse (text, &pence, &error))
    {
      g_test_fail_printf ("“%s” was accepted as %" G_GINT64_FORMAT " pence", text, pence);
      return;
    }

  g_assert_error (error, CF_MONEY_ERROR, (int) code);
  /* Refusing leaves the old value alone. */
  g_assert_cmpint (pence, ==, 42);
  /* The message says what to type instead. */
  if (strstr (error->message, hint) == NULL)
    g_test_fail_printf ("the message for “%s” does not mention “%s”: %s",
                        text, hint, error->message);
}

static void
test_parse_accepted (void)
{
  assert_parse ("12", 1200);
  assert_parse ("12.5", 1250);
  assert_parse ("12.50", 1250);
  assert_parse ("12.05", 1205);
  assert_parse ("12.", 1200);
  assert_parse (".5", 50);
  assert_parse ("0", 0);
  assert_parse ("0.01", 1);
  assert_parse ("£12.50", 1250);
  assert_parse ("1,200.00", 120000);
  assert_parse ("1,234,567.89", 123456789);
  assert_parse ("£1,200", 120000);
  assert_parse (" £ 3 ", 300);
  assert_parse ("\t12.50\n", 1250);
  assert_parse ("0012", 1200);
  assert_parse ("10000000", CF_MONEY_MAX);
  assert_parse ("£10,000,000.00", CF_MONEY_MAX);
}

static void
test_parse_refused (void)
{
  const char *hint = "such as 12.50";

  assert_refused ("12.345", CF_MONEY_ERROR_INVALID, "two digits");
  assert_refused ("abc", CF_MONEY_ERROR_INVALID, hint);
  assert_refused ("", CF_MONEY_ERROR_INVALID, hint);
  assert_refused ("   ", CF_MONEY_ERROR_INVALID, hint);
  assert_refused ("£", CF_MONEY_ERROR_INVALID, hint);
  assert_refused (".", CF_MONEY_ERROR_INVALID, hint);
  assert_refused ("12abc", CF_MONEY_ERROR_INVALID, hint);
  assert_refused ("12.50p", CF_MONEY_ERROR_INVALID, hint);
  assert_refused ("1 200", CF_MONEY_ERROR_INVALID, hint);
  assert_refused ("12.3.4", CF_MONEY_ERROR_INVALID, hint);
  assert_refused ("12£", CF_MONEY_ERROR_INVALID, hint);
  /* Commas only between groups of three: "12,50" is probably a decimal comma, and guessing
   * could be out by a factor of 100. */
  assert_refused ("12,50", CF_MONEY_ERROR_INVALID, hint);
  assert_refused ("1,2000", CF_MONEY_ERROR_INVALID, hint);
  assert_refused ("1234,567", CF_MONEY_ERROR_INVALID, hint);
  assert_refused (",500", CF_MONEY_ERROR_INVALID, hint);
  assert_refused ("1,", CF_MONEY_ERROR_INVALID, hint);
  assert_refused ("1,000,", CF_MONEY_ERROR_INVALID, hint);
}

static void
test_parse_negative (void)
{
  const char *hint = "without a minus sign";

  assert_refused ("-5", CF_MONEY_ERROR_NEGATIVE, hint);
  assert_refused ("-£5", CF_MONEY_ERROR_NEGATIVE, hint);
  assert_refused ("£-5.00", CF_MONEY_ERROR_NEGATIVE, hint);
  assert_refused ("−£5.00", CF_MONEY_ERROR_NEGATIVE, hint);
  assert_refused (" - 5 ", CF_MONEY_ERROR_NEGATIVE, hint);
  /* A minus sign on something that is not an amount is still not an amount. */
  assert_refused ("-abc", CF_MONEY_ERROR_INVALID, "such as 12.50");
  assert_refused ("--5", CF_MONEY_ERROR_INVALID, "such as 12.50");
}

static void
test_parse_too_large (void)
{
  const char *hint = "£10,000,000.00";

  assert_refused ("10000000.01", CF_MONEY_ERROR_TOO_LARGE, hint);
  assert_refused ("£10,000,001", CF_MONEY_ERROR_TOO_LARGE, hint);
  /* Far past what a gint64 holds: refused, not wrapped round to something small. */
  assert_refused ("99999999999999999999999999", CF_MONEY_ERROR_TOO_LARGE, hint);
  assert_refused ("18446744073709551616", CF_MONEY_ERROR_TOO_LARGE, hint);
}

static void
test_parse_round_trip (void)
{
  const gint64 amounts[] = { 0, 1, 10, 99, 100, 1250, 99999, 100000, 123456, 100000001,
                             CF_MONEY_MAX - 1, CF_MONEY_MAX };

  for (gsize i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *text = cf_money_format (amounts[i]);

      assert_parse (text, amounts[i]);
    }

  /* What people type comes back in the house form. */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;
    gint64 pence = 0;

    g_assert_true (cf_money_parse (" £ 1200.5 ", &pence, &error));
    g_assert_no_error (error);
    text = cf_money_format (pence);
    g_assert_cmpstr (text, ==, "£1,200.50");
  }
}

static void
test_budget (void)
{
  g_autoptr(GError) error = NULL;
  gint64 council = -1;

  /* s.26: cost = carer's contribution + council's contribution. */
  g_assert_true (cf_budget_council_contribution (50000, 12050, &council, &error));
  g_assert_no_error (error);
  g_assert_cmpint (council, ==, 37950);

  g_assert_true (cf_budget_council_contribution (50000, 0, &council, &error));
  g_assert_cmpint (council, ==, 50000);

  /* The carer pays it all. */
  g_assert_true (cf_budget_council_contribution (50000, 50000, &council, &error));
  g_assert_cmpint (council, ==, 0);

  g_assert_true (cf_budget_council_contribution (0, 0, &council, &error));
  g_assert_cmpint (council, ==, 0);
  g_assert_no_error (error);
}

static void
assert_budget_refused (gint64       cost,
                       gint64       contribution,
                       CfMoneyError code,
                       const char  *hint)
{
  g_autoptr(GError) error = NULL;
  gint64 council = 7;

  g_assert_false (cf_budget_council_contribution (cost, contribution, &council, &error));
  g_assert_error (error, CF_MONEY_ERROR, (int) code);
  g_assert_cmpint (council, ==, 7);
  if (strstr (error->message, hint) == NULL)
    g_test_fail_printf ("the message does not mention “%s”: %s", hint, error->message);
}

static void
test_budget_refused (void)
{
  /* The message names both amounts, so the person can see which is wrong. */
  assert_budget_refused (50000, 50001, CF_MONEY_ERROR_INVALID, "£500.01");
  assert_budget_refused (50000, 50001, CF_MONEY_ERROR_INVALID, "£500.00");
  assert_budget_refused (0, 1, CF_MONEY_ERROR_INVALID, "£0.01");
  assert_budget_refused (-1, 0, CF_MONEY_ERROR_NEGATIVE, "Check both amounts");
  assert_budget_refused (100, -1, CF_MONEY_ERROR_NEGATIVE, "Check both amounts");
  assert_budget_refused (G_MININT64, G_MAXINT64, CF_MONEY_ERROR_NEGATIVE, "Check both amounts");
}

static void
test_frequency_strings (void)
{
  const struct
  {
    CfPaymentFrequency frequency;
    const char *id;
    const char *label;
  } expected[] = {
    { CF_PAYMENT_ONE_OFF, "one-off", "One-off" },
    { CF_PAYMENT_WEEKLY, "weekly", "Every week" },
    { CF_PAYMENT_FOUR_WEEKLY, "four-weekly", "Every four weeks" },
    { CF_PAYMENT_MONTHLY, "monthly", "Every month" },
    { CF_PAYMENT_YEARLY, "yearly", "Every year" },
  };
  CfPaymentFrequency frequency;

  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      /* Start from a different value so a lookup that does nothing is noticed. */
      frequency = (expected[i].frequency + 1) % G_N_ELEMENTS (expected);

      g_assert_cmpstr (cf_payment_frequency_to_string (expected[i].frequency), ==,
                       expected[i].id);
      g_assert_cmpstr (cf_payment_frequency_get_label (expected[i].frequency), ==,
                       expected[i].label);
      g_assert_true (cf_payment_frequency_from_string (expected[i].id, &frequency));
      g_assert_cmpint (frequency, ==, expected[i].frequency);
    }

  frequency = CF_PAYMENT_MONTHLY;
  g_assert_false (cf_payment_frequency_from_string ("fortnightly", &frequency));
  g_assert_false (cf_payment_frequency_from_string ("Weekly", &frequency));
  g_assert_false (cf_payment_frequency_from_string ("", &frequency));
  g_assert_false (cf_payment_frequency_from_string (NULL, &frequency));
  g_assert_cmpint (frequency, ==, CF_PAYMENT_MONTHLY);
}

static void
test_eight_weeks (void)
{
  /* £25.00 a week: 8 × £25.00. */
  g_assert_cmpint (cf_direct_payment_eight_weeks (2500, CF_PAYMENT_WEEKLY), ==, 20000);
  /* £100.00 every four weeks: two payments. */
  g_assert_cmpint (cf_direct_payment_eight_weeks (10000, CF_PAYMENT_FOUR_WEEKLY), ==, 20000);
  /* £100.00 a month: 10000 × 12 ÷ 52 × 8 = 18461.54 pence, so £184.62. */
  g_assert_cmpint (cf_direct_payment_eight_weeks (10000, CF_PAYMENT_MONTHLY), ==, 18462);
  /* £520.00 a year is £10.00 a week: exactly £80.00. */
  g_assert_cmpint (cf_direct_payment_eight_weeks (52000, CF_PAYMENT_YEARLY), ==, 8000);
  /* £1,000.00 a year: 100000 × 8 ÷ 52 = 15384.62 pence, so £153.85. */
  g_assert_cmpint (cf_direct_payment_eight_weeks (100000, CF_PAYMENT_YEARLY), ==, 15385);
  /* A one-off payment may be held whole until it is spent. */
  g_assert_cmpint (cf_direct_payment_eight_weeks (30000, CF_PAYMENT_ONE_OFF), ==, 30000);

  for (int f = CF_PAYMENT_ONE_OFF; f <= CF_PAYMENT_YEARLY; f++)
    g_assert_cmpint (cf_direct_payment_eight_weeks (0, f), ==, 0);
}

static void
test_eight_weeks_rounding (void)
{
  /* Monthly: 1p × 96 ÷ 52 = 1.85p rounds up to 2p; 13p × 96 ÷ 52 = 24p exactly;
   * 20p × 96 ÷ 52 = 36.92p rounds up to 37p; 6p × 96 ÷ 52 = 11.08p rounds down to 11p. */
  g_assert_cmpint (cf_direct_payment_eight_weeks (1, CF_PAYMENT_MONTHLY), ==, 2);
  g_assert_cmpint (cf_direct_payment_eight_weeks (13, CF_PAYMENT_MONTHLY), ==, 24);
  g_assert_cmpint (cf_direct_payment_eight_weeks (20, CF_PAYMENT_MONTHLY), ==, 37);
  g_assert_cmpint (cf_direct_payment_eight_weeks (6, CF_PAYMENT_MONTHLY), ==, 11);
  /* Yearly: 100p × 8 ÷ 52 = 15.38p rounds down to 15p; 1000p gives 153.85p, up to 154p;
   * 6p gives 0.92p, up to 1p; 3p gives 0.46p, down to 0p. */
  g_assert_cmpint (cf_direct_payment_eight_weeks (100, CF_PAYMENT_YEARLY), ==, 15);
  g_assert_cmpint (cf_direct_payment_eight_weeks (1000, CF_PAYMENT_YEARLY), ==, 154);
  g_assert_cmpint (cf_direct_payment_eight_weeks (6, CF_PAYMENT_YEARLY), ==, 1);
  g_assert_cmpint (cf_direct_payment_eight_weeks (3, CF_PAYMENT_YEARLY), ==, 0);
}

static void
test_eight_weeks_large (void)
{
  const gint64 largest_weekly = G_MAXINT64 / 8;
  const gint64 largest_monthly = G_MAXINT64 / 96;

  /* The largest amounts whose sums fit are counted exactly, without wrapping. */
  g_assert_cmpint (cf_direct_payment_eight_weeks (largest_weekly, CF_PAYMENT_WEEKLY), ==,
                   largest_weekly * 8);
  g_assert_cmpint (cf_direct_payment_eight_weeks (largest_monthly, CF_PAYMENT_MONTHLY), >,
                   largest_monthly);

  /* One penny more overflows: a programming error, reported, and no surplus flagged. */
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*too large*");
  g_assert_cmpint (cf_direct_payment_eight_weeks (largest_weekly + 1, CF_PAYMENT_WEEKLY), ==,
                   G_MAXINT64);
  g_test_assert_expected_messages ();

  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*too large*");
  g_assert_cmpint (cf_direct_payment_surplus (G_MAXINT64, largest_monthly + 1,
                                              CF_PAYMENT_MONTHLY, FALSE), ==, 0);
  g_test_assert_expected_messages ();
}

static void
test_surplus (void)
{
  /* £25.00 a week: eight weeks' worth is £200.00. */
  g_assert_cmpint (cf_direct_payment_surplus (0, 2500, CF_PAYMENT_WEEKLY, FALSE), ==, 0);
  g_assert_cmpint (cf_direct_payment_surplus (15000, 2500, CF_PAYMENT_WEEKLY, FALSE), ==, 0);
  g_assert_cmpint (cf_direct_payment_surplus (20000, 2500, CF_PAYMENT_WEEKLY, FALSE), ==, 0);
  g_assert_cmpint (cf_direct_payment_surplus (20001, 2500, CF_PAYMENT_WEEKLY, FALSE), ==, 1);
  g_assert_cmpint (cf_direct_payment_surplus (35000, 2500, CF_PAYMENT_WEEKLY, FALSE), ==, 15000);
  /* An overdrawn balance has nothing to recover. */
  g_assert_cmpint (cf_direct_payment_surplus (-500, 2500, CF_PAYMENT_WEEKLY, FALSE), ==, 0);

  /* £100.00 a month: the threshold is the rounded £184.62. */
  g_assert_cmpint (cf_direct_payment_surplus (18462, 10000, CF_PAYMENT_MONTHLY, FALSE), ==, 0);
  g_assert_cmpint (cf_direct_payment_surplus (18463, 10000, CF_PAYMENT_MONTHLY, FALSE), ==, 1);

  /* Four-weekly and yearly, each a penny over. */
  g_assert_cmpint (cf_direct_payment_surplus (20001, 10000, CF_PAYMENT_FOUR_WEEKLY, FALSE), ==,
                   1);
  g_assert_cmpint (cf_direct_payment_surplus (8001, 52000, CF_PAYMENT_YEARLY, FALSE), ==, 1);

  /* "Spent" means nothing for regular payments. */
  g_assert_cmpint (cf_direct_payment_surplus (20001, 2500, CF_PAYMENT_WEEKLY, TRUE), ==, 1);
}

static void
test_surplus_one_off (void)
{
  /* A £300.00 one-off payment for a course, not yet paid for: the carer may hold it all. */
  g_assert_cmpint (cf_direct_payment_surplus (30000, 30000, CF_PAYMENT_ONE_OFF, FALSE), ==, 0);
  g_assert_cmpint (cf_direct_payment_surplus (12000, 30000, CF_PAYMENT_ONE_OFF, FALSE), ==, 0);
  /* Paid twice by mistake: the second payment is a surplus. */
  g_assert_cmpint (cf_direct_payment_surplus (60000, 30000, CF_PAYMENT_ONE_OFF, FALSE), ==,
                   30000);

  /* The course cost £270.00 and is paid for: the £30.00 left over is all recoverable. */
  g_assert_cmpint (cf_direct_payment_surplus (3000, 30000, CF_PAYMENT_ONE_OFF, TRUE), ==, 3000);
  g_assert_cmpint (cf_direct_payment_surplus (1, 30000, CF_PAYMENT_ONE_OFF, TRUE), ==, 1);
  g_assert_cmpint (cf_direct_payment_surplus (0, 30000, CF_PAYMENT_ONE_OFF, TRUE), ==, 0);
}

static void
assert_mean_median (const guint *days,
                    guint        n,
                    double       expected_mean,
                    double       expected_median)
{
  double mean = -1.0;
  double median = -1.0;

  g_assert_true (cf_days_mean_median (days, n, &mean, &median));
  g_assert_cmpfloat_with_epsilon (mean, expected_mean, 1e-9);
  g_assert_cmpfloat_with_epsilon (median, expected_median, 1e-9);
}

static void
test_mean_median (void)
{
  const guint odd[] = { 30, 10, 20 };
  const guint even[] = { 4, 1, 10, 3 };
  const guint one[] = { 9 };
  const guint same[] = { 5, 5, 5, 5 };
  /* DOMAIN.md: "one council: mean 18 days, median 14". A few long waits pull the mean above
   * the median, which is why both are reported. */
  const guint council[] = { 45, 7, 14, 10, 14 };
  const guint huge[] = { G_MAXUINT, G_MAXUINT };

  assert_mean_median (odd, G_N_ELEMENTS (odd), 20.0, 20.0);
  assert_mean_median (even, G_N_ELEMENTS (even), 4.5, 3.5);
  assert_mean_median (one, 1, 9.0, 9.0);
  assert_mean_median (same, G_N_ELEMENTS (same), 5.0, 5.0);
  assert_mean_median (council, G_N_ELEMENTS (council), 18.0, 14.0);
  /* The sum does not wrap. */
  assert_mean_median (huge, G_N_ELEMENTS (huge), (double) G_MAXUINT, (double) G_MAXUINT);

  /* The input is left in the caller's order. */
  g_assert_cmpuint (council[0], ==, 45);

  /* Either result may be left out. */
  {
    double mean = 0.0;
    double median = 0.0;

    g_assert_true (cf_days_mean_median (council, G_N_ELEMENTS (council), &mean, NULL));
    g_assert_cmpfloat_with_epsilon (mean, 18.0, 1e-9);
    g_assert_true (cf_days_mean_median (council, G_N_ELEMENTS (council), NULL, &median));
    g_assert_cmpfloat_with_epsilon (median, 14.0, 1e-9);
  }
}

static void
test_mean_median_empty (void)
{
  const guint days[] = { 3 };
  double mean = -1.0;
  double median = -1.0;

  /* Nothing to measure: say so rather than report 0 days. */
  g_assert_false (cf_days_mean_median (NULL, 0, &mean, &median));
  g_assert_cmpfloat (mean, ==, 0.0);
  g_assert_cmpfloat (median, ==, 0.0);

  mean = median = -1.0;
  g_assert_false (cf_days_mean_median (days, 0, &mean, &median));
  g_assert_cmpfloat (mean, ==, 0.0);
  g_assert_cmpfloat (median, ==, 0.0);

  g_assert_false (cf_days_mean_median (NULL, 0, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/format/negative", test_format_negative);
  g_test_add_func ("/money/format/large", test_format_large);
  g_test_add_func ("/money/parse/accepted", test_parse_accepted);
  g_test_add_func ("/money/parse/refused", test_parse_refused);
  g_test_add_func ("/money/parse/negative", test_parse_negative);
  g_test_add_func ("/money/parse/too-large", test_parse_too_large);
  g_test_add_func ("/money/parse/round-trip", test_parse_round_trip);
  g_test_add_func ("/money/budget", test_budget);
  g_test_add_func ("/money/budget/refused", test_budget_refused);
  g_test_add_func ("/money/frequency", test_frequency_strings);
  g_test_add_func ("/money/eight-weeks", test_eight_weeks);
  g_test_add_func ("/money/eight-weeks/rounding", test_eight_weeks_rounding);
  g_test_add_func ("/money/eight-weeks/large", test_eight_weeks_large);
  g_test_add_func ("/money/surplus", test_surplus);
  g_test_add_func ("/money/surplus/one-off", test_surplus_one_off);
  g_test_add_func ("/money/mean-median", test_mean_median);
  g_test_add_func ("/money/mean-median/empty", test_mean_median_empty);

  return g_test_run ();
}
