/* cf-money.c: amounts of money, personal budgets and direct-payment balances
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Money is a whole number of pence in a gint64 and is shown in pounds (STYLE.md, "Translation":
 * "money in pence as integers"). Nothing here uses floating point for money: a sum that does not
 * come out in whole pence is rounded explicitly, and every multiplication is checked for
 * overflow.
 *
 * Amounts are always sterling (a council in England pays and charges in pounds), so they are
 * written the way UK records write them, "£1,234.56", whatever the locale; the same form is
 * what cf_money_parse() reads back, so a formatted amount always parses to itself.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "cf-money.h"

#define POUND_SIGN "\xc2\xa3"   /* U+00A3 */
#define MINUS_SIGN "\xe2\x88\x92" /* U+2212, which typesetting uses rather than a hyphen */

G_DEFINE_QUARK (cf-money-error-quark, cf_money_error)

/* The stored ids never change (they are in people's records); the labels are for reading. */
static const struct
{
  const char *id;
  const char *label;
} frequencies[] = {
  [CF_PAYMENT_ONE_OFF] = { "one-off", N_("One-off") },
  [CF_PAYMENT_WEEKLY] = { "weekly", N_("Every week") },
  [CF_PAYMENT_FOUR_WEEKLY] = { "four-weekly", N_("Every four weeks") },
  [CF_PAYMENT_MONTHLY] = { "monthly", N_("Every month") },
  [CF_PAYMENT_YEARLY] = { "yearly", N_("Every year") },
};

static inline gboolean
frequency_is_valid (CfPaymentFrequency frequency)
{
  return (guint) frequency < G_N_ELEMENTS (frequencies);
}

char *
cf_money_format (gint64 pence)
{
  GString *text = g_string_new (NULL);
  /* Negating G_MININT64 would overflow, so take the magnitude in unsigned arithmetic. */
  guint64 magnitude = pence < 0 ? (guint64) -(pence + 1) + 1 : (guint64) pence;
  char pounds[24];
  gsize length;

  g_snprintf (pounds, sizeof pounds, "%" G_GUINT64_FORMAT, magnitude / 100);
  length = strlen (pounds);

  if (pence < 0)
    g_string_append (text, MINUS_SIGN);
  g_string_append (text, POUND_SIGN);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, pounds[i]);
    }

  g_string_append_printf (text, ".%02u", (guint) (magnitude % 100));

  return g_string_free (text, FALSE);
}

static const char *
skip_space (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return p;
}

/* A hyphen, or the minus sign cf_money_format() writes; advances @p past it. */
static gboolean
skip_minus (const char **p)
{
  if (**p == '-')
    {
      *p += 1;
      return TRUE;
    }

  if (g_str_has_prefix (*p, MINUS_SIGN))
    {
      *p += strlen (MINUS_SIGN);
      return TRUE;
    }

  return FALSE;
}

static gboolean
set_invalid (GError **error)
{
  g_set_error_literal (error, CF_MONEY_ERROR, CF_MONEY_ERROR_INVALID,
                       _("Type an amount in pounds and pence, such as 12.50."));
  return FALSE;
}

gboolean
cf_money_parse (const char  *text,
                gint64      *pence,
                GError     **error)
{
  const char *p;
  gboolean negative = FALSE;
  gboolean grouped = FALSE;
  gboolean too_large = FALSE;
  guint64 pounds = 0;
  guint64 pennies = 0;
  guint pound_digits = 0;
  guint penny_digits = 0;
  guint group = 0;
  guint64 total;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (pence != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* White space around and after the pound sign is forgiven, as in " £ 3 ": it is invisible
   * and comes with pasted text. A minus sign may come before or after the pound sign. */
  p = skip_space (text);
  negative = skip_minus (&p);
  p = skip_space (p);
  if (g_str_has_prefix (p, POUND_SIGN))
    p = skip_space (p + strlen (POUND_SIGN));
  if (!negative)
    {
      negative = skip_minus (&p);
      p = skip_space (p);
    }

  /* Pounds, optionally in groups of three separated by commas ("1,200"). A comma elsewhere,
   * as in "12,50", is probably a decimal comma, and guessing could be out by a factor of 100,
   * so it is refused. */
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          /* Stop accumulating once over the limit, so the sum cannot overflow. */
          if (!too_large)
            {
              pounds = pounds * 10 + (guint64) g_ascii_digit_value (*p);
              too_large = pounds > (guint64) CF_MONEY_MAX / 100;
            }
          pound_digits++;
          group++;
        }
      else if (*p == ',')
        {
          if (pound_digits == 0 || (grouped ? group != 3 : group > 3))
            return set_invalid (error);
          grouped = TRUE;
          group = 0;
        }
      else
        break;
    }

  if (grouped && group != 3)
    return set_invalid (error);

  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (penny_digits == 2)
            {
              g_set_error_literal (error, CF_MONEY_ERROR, CF_MONEY_ERROR_INVALID,
                                   _("Type no more than two digits of pence, such as 12.50."));
              return FALSE;
            }
          pennies = pennies * 10 + (guint64) g_ascii_digit_value (*p);
          penny_digits++;
        }

      /* "12.5" is £12.50. */
      if (penny_digits == 1)
        pennies *= 10;
    }

  p = skip_space (p);
  if (*p != '\0' || (pound_digits == 0 && penny_digits == 0))
    return set_invalid (error);

  /* DOMAIN.md, "Support plan and personal budget" and "Direct payments": budgets,
   * contributions, payments and balances held by the carer are never below £0.00 (money
   * owed back is a surplus, recorded as a recovery). */
  if (negative)
    {
      g_set_error_literal (error, CF_MONEY_ERROR, CF_MONEY_ERROR_NEGATIVE,
                           _("Type the amount without a minus sign, such as 12.50."));
      return FALSE;
    }

  total = pounds * 100 + pennies;
  if (too_large || total > (guint64) CF_MONEY_MAX)
    {
      g_autofree char *max = cf_money_format (CF_MONEY_MAX);

      /* Translators: %s is the largest amount allowed, such as “£10,000,000.00”. */
      g_set_error (error, CF_MONEY_ERROR, CF_MONEY_ERROR_TOO_LARGE,
                   _("Type an amount no more than %s."), max);
      return FALSE;
    }

  *pence = (gint64) total;
  return TRUE;
}

/* The personal budget (Care Act 2014 s.26; DOMAIN.md, "Support plan and personal budget"):
 * the cost to the council of meeting the needs is the carer's assessed contribution plus the
 * council's contribution, so the council pays the difference. A contribution larger than the
 * cost would make the council's share negative, which the Act does not allow for: one of the
 * amounts has been typed wrongly. */
gboolean
cf_budget_council_contribution (gint64   cost,
                                gint64   carer_contribution,
                                gint64  *council,
                                GError **error)
{
  g_return_val_if_fail (council != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (cost < 0 || carer_contribution < 0)
    {
      g_set_error_literal (error, CF_MONEY_ERROR, CF_MONEY_ERROR_NEGATIVE,
                           _("The cost of meeting the needs and the carer’s contribution "
                             "cannot be less than £0.00. Check both amounts."));
      return FALSE;
    }

  if (carer_contribution > cost)
    {
      g_autofree char *shown_contribution = cf_money_format (carer_contribution);
      g_autofree char *shown_cost = cf_money_format (cost);

      /* Translators: %1$s is the carer’s assessed contribution and %2$s the cost to the
       * council of meeting the carer’s needs, such as “£120.00”. */
      g_set_error (error, CF_MONEY_ERROR, CF_MONEY_ERROR_INVALID,
                   _("The carer’s contribution (%1$s) is more than the cost of meeting their "
                     "needs (%2$s). Check both amounts."),
                   shown_contribution, shown_cost);
      return FALSE;
    }

  /* Both are at least zero, so the difference cannot overflow. */
  *council = cost - carer_contribution;
  return TRUE;
}

const char *
cf_payment_frequency_to_string (CfPaymentFrequency frequency)
{
  g_return_val_if_fail (frequency_is_valid (frequency), NULL);

  return frequencies[frequency].id;
}

gboolean
cf_payment_frequency_from_string (const char         *string,
                                  CfPaymentFrequency *frequency)
{
  g_return_val_if_fail (frequency != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (frequencies); i++)
    {
      if (strcmp (string, frequencies[i].id) == 0)
        {
          *frequency = (CfPaymentFrequency) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
cf_payment_frequency_get_label (CfPaymentFrequency frequency)
{
  g_return_val_if_fail (frequency_is_valid (frequency), NULL);

  return _(frequencies[frequency].label);
}

/* @amount × @numerator ÷ @denominator in whole pence, rounded to the nearest penny, a half
 * penny upwards. FALSE when the product does not fit in a gint64. */
static gboolean
scale_pence (gint64  amount,
             guint64 numerator,
             guint64 denominator,
             gint64 *result)
{
  guint64 product;
  guint64 quotient;

  g_assert (amount >= 0);
  g_assert (denominator > 0);

  if (!g_uint64_checked_mul (&product, (guint64) amount, numerator) || product > G_MAXINT64)
    return FALSE;

  quotient = product / denominator;
  if ((product % denominator) * 2 >= denominator)
    quotient++;

  *result = (gint64) quotient;
  return TRUE;
}

/* Eight weeks' worth of a payment (Direct Payments Regulations 2014; DOMAIN.md, "Direct
 * payments", "Monitoring": a balance above eight weeks' worth of payments is a surplus to be
 * recovered). A year is taken as 52 weeks, as councils' payment schedules do:
 *
 *   weekly        amount × 8
 *   four-weekly   amount × 2
 *   monthly       amount × 12 ÷ 52 × 8  (= amount × 96 ÷ 52)
 *   yearly        amount × 8 ÷ 52
 *
 * Monthly and yearly amounts are rounded to the nearest penny. The divisions reduce to ÷ 13, an
 * odd number, so a result never falls exactly on a half penny and the rounding has no ties to
 * break; it can move the threshold by under a penny either way.
 *
 * A one-off payment has no rate, so there is no "eight weeks' worth" of it: the carer may hold
 * the whole of it until the agreed purchase is made, so its threshold is @amount itself (see
 * cf_direct_payment_surplus() for what happens after the purchase).
 *
 * @amount is in pence and must not be negative. An amount so large that the sum overflows is a
 * programming error: it is reported and G_MAXINT64 returned, so no surplus is flagged. */
gint64
cf_direct_payment_eight_weeks (gint64             amount,
                               CfPaymentFrequency frequency)
{
  guint64 numerator = 0;
  guint64 denominator = 1;
  gint64 result;

  g_return_val_if_fail (amount >= 0, 0);
  g_return_val_if_fail (frequency_is_valid (frequency), 0);

  switch (frequency)
    {
    case CF_PAYMENT_ONE_OFF:
      return amount;
    case CF_PAYMENT_WEEKLY:
      numerator = 8;
      break;
    case CF_PAYMENT_FOUR_WEEKLY:
      numerator = 2;
      break;
    case CF_PAYMENT_MONTHLY:
      numerator = 12 * 8;
      denominator = 52;
      break;
    case CF_PAYMENT_YEARLY:
      numerator = 8;
      denominator = 52;
      break;
    default:
      g_assert_not_reached ();
    }

  if (!scale_pence (amount, numerator, denominator, &result))
    {
      g_critical ("%s: eight weeks of %" G_GINT64_FORMAT " pence %s is too large to count",
                  G_STRFUNC, amount, frequencies[frequency].id);
      return G_MAXINT64;
    }

  return result;
}

/* How much of a balance return is a surplus to be recovered (DOMAIN.md, "Direct payments",
 * "Monitoring": "a balance above eight weeks' worth of payments is a surplus to be recovered;
 * flag it with the amount over"): the balance above the threshold, or 0 when it is at or
 * below it.
 *
 * For a one-off payment, @one_off_spent says whether the agreed purchase has been made or its
 * agreed date has passed. Until then the carer may hold the whole payment, and only a balance
 * above it (say, a payment made twice) is a surplus; after it, nothing further is owed to the
 * carer for that purpose, so the whole unspent balance is recoverable. @one_off_spent is
 * ignored for regular payments. A negative (overdrawn) balance has no surplus. */
gint64
cf_direct_payment_surplus (gint64             balance,
                           gint64             amount,
                           CfPaymentFrequency frequency,
                           gboolean           one_off_spent)
{
  gint64 threshold;

  g_return_val_if_fail (amount >= 0, 0);
  g_return_val_if_fail (frequency_is_valid (frequency), 0);

  if (frequency == CF_PAYMENT_ONE_OFF && one_off_spent)
    threshold = 0;
  else
    threshold = cf_direct_payment_eight_weeks (amount, frequency);

  /* threshold is at least zero, so the difference cannot overflow. */
  return balance > threshold ? balance - threshold : 0;
}

static int
compare_days (const void *a,
              const void *b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* The mean and median number of days from request to first payment, for the indicator
 * (DOMAIN.md, "Direct payments": "the time from request to first payment is reported (one
 * council: mean 18 days, median 14)"; "Indicators a coordinator tracks"). These are counts of
 * days, not money, so floating point is fine. The median of an even number of values is the
 * mean of the two middle ones.
 *
 * Returns FALSE, with both set to 0, when there are no values (@days may then be NULL): the
 * indicator should say there is nothing to measure rather than show 0 days. */
gboolean
cf_days_mean_median (const guint *days,
                     guint        n,
                     double      *mean,
                     double      *median)
{
  g_autofree guint *sorted = NULL;
  guint64 sum = 0;

  g_return_val_if_fail (days != NULL || n == 0, FALSE);

  if (mean != NULL)
    *mean = 0.0;
  if (median != NULL)
    *median = 0.0;

  if (n == 0)
    return FALSE;

  /* At most G_MAXUINT values of at most G_MAXUINT each: the sum fits in 64 bits. */
  for (guint i = 0; i < n; i++)
    sum += days[i];

  if (mean != NULL)
    *mean = (double) sum / n;

  if (median != NULL)
    {
      sorted = g_memdup2 (days, sizeof *days * n);
      qsort (sorted, n, sizeof *sorted, compare_days);

      if (n % 2 == 1)
        *median = sorted[n / 2];
      else
        *median = ((double) sorted[n / 2 - 1] + (double) sorted[n / 2]) / 2.0;
    }

  return TRUE;
}
