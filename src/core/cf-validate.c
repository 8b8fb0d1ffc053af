/* cf-validate.c: checks on what people type about a carer
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each check returns NULL when the text is acceptable and otherwise a message to show next to
 * the field (STYLE.md, "Accessibility": validation errors are text next to the field), saying
 * what to type instead. Empty text is acceptable to every check here: whether a field is
 * required is the form's business, and cf_validate_contactable() covers the one rule that
 * spans fields.
 *
 * Surrounding white space is forgiven, because it is invisible and comes with pasted text;
 * callers should store the text stripped (and postcodes through cf_postcode_normalise()).
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cf-dates.h"
#include "cf-validate.h"

/* The longest postcode without its space: AA9A 9AA. */
#define POSTCODE_MAX 7

/* Letters allowed in each position of a postcode, from the Royal Mail and gov.uk rules for
 * validating postcodes (the "Bulk Data Transfer: additional validation" rules): */
#define POSTCODE_FIRST    "ABCDEFGHIJKLMNOPRSTUWYZ"  /* not Q, V, X */
#define POSTCODE_SECOND   "ABCDEFGHKLMNOPQRSTUVWXY"  /* not I, J, Z */
#define POSTCODE_THIRD    "ABCDEFGHJKPSTUW"          /* the letter in A9A, as in W1A */
#define POSTCODE_FOURTH   "ABEHMNPRVWXY"             /* the letter in AA9A, as in EC1A */
#define POSTCODE_INWARD   "ABDEFGHJLNPQRSTUWXYZ"     /* not C, I, K, M, O, V */

/* The age past which a date of birth must be a typing mistake. */
#define MAX_AGE_YEARS 120

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

static inline gboolean
is_one_of (char        c,
           const char *set)
{
  return c != '\0' && strchr (set, c) != NULL;
}

static gboolean
outward_code_is_valid (const char *outward,
                       gsize       length)
{
  if (!is_one_of (outward[0], POSTCODE_FIRST))
    return FALSE;

  switch (length)
    {
    case 2:  /* A9 */
      return g_ascii_isdigit (outward[1]);

    case 3:  /* A99, A9A or AA9 */
      if (g_ascii_isdigit (outward[1]))
        return g_ascii_isdigit (outward[2]) || is_one_of (outward[2], POSTCODE_THIRD);
      return is_one_of (outward[1], POSTCODE_SECOND) && g_ascii_isdigit (outward[2]);

    case 4:  /* AA99 or AA9A */
      return (is_one_of (outward[1], POSTCODE_SECOND) && g_ascii_isdigit (outward[2])
              && (g_ascii_isdigit (outward[3]) || is_one_of (outward[3], POSTCODE_FOURTH)));

    default:
      return FALSE;
    }
}

/* Reads a postcode in any case, with or without the space between the outward and inward codes
 * (but nowhere else), and writes it to @compact in capitals without the space.
 *
 * Returns: the length of the outward code, or 0 when @text is not a UK postcode. */
static gsize
parse_postcode (const char *text,
                char        compact[POSTCODE_MAX + 1])
{
  const char *end;
  gsize length = 0;
  gsize space_at = 0;
  gsize outward;

  if (text == NULL)
    return 0;

  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;

  for (; text < end; text++)
    {
      if (g_ascii_isspace (*text))
        {
          /* A second gap, as in "L N1 3AB", is not a postcode. */
          if (space_at != 0 && space_at != length)
            return 0;
          space_at = length;
        }
      else if (g_ascii_isalnum (*text) && length < POSTCODE_MAX)
        {
          compact[length++] = g_ascii_toupper (*text);
        }
      else
        {
          return 0;
        }
    }
  compact[length] = '\0';

  if (length < 5)
    return 0;

  outward = length - 3;
  if (space_at != 0 && space_at != outward)
    return 0;

  /* The one postcode outside the rules, once Girobank's. */
  if (strcmp (compact, "GIR0AA") == 0)
    return outward;

  /* The NHS pseudo-postcodes, "ZZ99 3VZ" (no fixed abode) and the like, which health and
   * care records hold for people with no usual address. They break the letter rules on
   * purpose, so no real address has one; the demo data uses them for that reason. */
  if (outward == 4 && strncmp (compact, "ZZ99", 4) == 0 && g_ascii_isdigit (compact[4]) &&
      g_ascii_isalpha (compact[5]) && g_ascii_isalpha (compact[6]))
    return outward;

  if (!g_ascii_isdigit (compact[outward])
      || !is_one_of (compact[outward + 1], POSTCODE_INWARD)
      || !is_one_of (compact[outward + 2], POSTCODE_INWARD))
    return 0;

  if (!outward_code_is_valid (compact, outward))
    return 0;

  return outward;
}

/**
 * cf_validate_postcode:
 * @postcode: (nullable): a postcode as typed
 *
 * Accepts UK postcodes (including Northern Ireland, the Channel Islands and the Isle of Man) in
 * any case, with or without the space. BFPO numbers are not postcodes of carers' homes.
 *
 * Returns: (transfer full) (nullable): NULL when @postcode is empty or a postcode, otherwise
 *   a message saying what a postcode looks like
 */
char *
cf_validate_postcode (const char *postcode)
{
  g_autofree char *shown = NULL;
  char compact[POSTCODE_MAX + 1];

  if (is_blank (postcode) || parse_postcode (postcode, compact) != 0)
    return NULL;

  shown = g_strstrip (g_strdup (postcode));

  /* Translators: %s is the postcode the person typed. “LN1 3AB” is an example of how a UK
   * postcode is written; it does not need translating. */
  return g_strdup_printf (_("“%s” is not a UK postcode. A postcode looks like “LN1 3AB”."), shown);
}

/**
 * cf_postcode_normalise:
 * @postcode: (nullable): a postcode as typed
 *
 * Puts a postcode the way Royal Mail writes it, "LN1 3AB", so that the same postcode is stored
 * and searched for the same way whatever was typed.
 *
 * Returns: (transfer full) (nullable): the postcode in capitals with one space before the
 *   inward code; a copy of @postcode when it is not a postcode; NULL when @postcode is NULL
 */
char *
cf_postcode_normalise (const char *postcode)
{
  char compact[POSTCODE_MAX + 1];
  gsize outward;

  if (postcode == NULL)
    return NULL;

  outward = parse_postcode (postcode, compact);
  if (outward == 0)
    return g_strdup (postcode);

  return g_strdup_printf ("%.*s %s", (int) outward, compact, compact + outward);
}

/**
 * cf_validate_date_of_birth:
 * @iso_date: (nullable): a date of birth as "YYYY-MM-DD"
 * @today: today's date, from the context's clock
 *
 * There is no lower age: young carers are carers too (DOMAIN.md, "The carer's assessment").
 *
 * Returns: (transfer full) (nullable): NULL when @iso_date is empty or a plausible date of
 *   birth, otherwise a message saying what is wrong
 */
char *
cf_validate_date_of_birth (const char  *iso_date,
                           const GDate *today)
{
  g_autofree char *shown = NULL;
  GDate date;
  GDate oldest;
  guint year;
  guint month;
  guint day;

  g_return_val_if_fail (today != NULL, NULL);
  g_return_val_if_fail (g_date_valid (today), NULL);

  if (is_blank (iso_date))
    return NULL;

  shown = g_strstrip (g_strdup (iso_date));

  if (!cf_date_parse_iso_shape (shown, &year, &month, &day))
    {
      /* The editor turns day/month/year into the stored year-month-day form, so anything that
       * reaches here unconverted was not a date in either form.
       * Translators: keep the example in the day/month/year order people type in your
       * language's region, with digits the person can type. */
      return g_strdup (_("Enter the date of birth as day/month/year, for example 21/03/1958."));
    }

  if (!g_date_valid_dmy (day, month, year))
    {
      /* Translators: %s is the date the person typed, such as “1958-02-30”. */
      return g_strdup_printf (_("“%s” is not a date that exists. Check the day and the month."),
                              shown);
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  /* Born today is allowed: the check is for a mistyped year, not for an age. */
  if (g_date_compare (&date, today) > 0)
    return g_strdup (_("The date of birth is in the future."));

  /* No one alive is that old, so the year was mistyped (1885 for 1985). On 29 February,
   * g_date_subtract_years() takes 28 February, which errs towards accepting the date. */
  oldest = *today;
  if (g_date_get_year (&oldest) > MAX_AGE_YEARS)
    {
      g_date_subtract_years (&oldest, MAX_AGE_YEARS);
      if (g_date_compare (&date, &oldest) < 0)
        {
          /* The number is MAX_AGE_YEARS; it is written out so the message is a plain string. */
          return g_strdup (_("The date of birth is more than 120 years ago. Check the year."));
        }
    }

  return NULL;
}

static gboolean
email_domain_is_valid (const char *domain)
{
  const char *label = domain;
  const char *p;
  gsize n_labels = 0;
  gboolean tld_all_digits = TRUE;

  /* Each label: 1 to 63 letters, digits or hyphens, not starting or ending with a hyphen
   * (RFC 1035 §2.3.1). Bytes past ASCII are let through for internationalised domains. */
  while (TRUE)
    {
      const char *end = label;

      while (*end != '\0' && *end != '.')
        end++;

      if (end == label || end - label > 63 || *label == '-' || end[-1] == '-')
        return FALSE;

      tld_all_digits = TRUE;
      for (p = label; p < end; p++)
        {
          if (!g_ascii_isalnum (*p) && *p != '-' && (guchar) *p < 0x80)
            return FALSE;
          if (!g_ascii_isdigit (*p))
            tld_all_digits = FALSE;
        }

      n_labels++;

      if (*end == '\0')
        {
          /* The last label is the top-level domain: "example.org", not "example" or
           * "192.168.1.1". */
          return n_labels >= 2 && end - label >= 2 && !tld_all_digits;
        }

      label = end + 1;
    }
}

/* @email has no surrounding white space. */
static gboolean
email_is_valid (const char *email)
{
  const char *at = strchr (email, '@');
  const char *p;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;

  /* Anything printable goes in the part before the @: mail servers differ, and refusing a
   * working address would lose the way to reach the carer. */
  if (at - email > 64)
    return FALSE;
  for (p = email; p < at; p++)
    {
      if ((guchar) *p <= ' ' || *p == 0x7f)
        return FALSE;
    }

  return email_domain_is_valid (at + 1);
}

static gboolean
email_is_usable (const char *email)
{
  g_autofree char *stripped = NULL;

  if (is_blank (email))
    return FALSE;

  stripped = g_strstrip (g_strdup (email));

  return email_is_valid (stripped);
}

/**
 * cf_validate_email:
 * @email: (nullable): an email address as typed
 *
 * A simple check that catches typing mistakes (no @, no dot in the domain, a space); whether
 * the address receives mail only sending to it can tell.
 *
 * Returns: (transfer full) (nullable): NULL when @email is empty or looks like an email
 *   address, otherwise a message saying what one looks like
 */
char *
cf_validate_email (const char *email)
{
  g_autofree char *shown = NULL;

  if (is_blank (email))
    return NULL;

  shown = g_strstrip (g_strdup (email));
  if (email_is_valid (shown))
    return NULL;

  /* Translators: %s is the email address the person typed; “name@example.org” is an example
   * address, and example.org is reserved for examples, so keep it. */
  return g_strdup_printf (_("“%s” is not an email address. An email address looks like "
                            "“name@example.org”."), shown);
}

typedef enum
{
  PHONE_VALID,
  PHONE_NOT_UK,
  PHONE_INVALID,
} PhoneCheck;

/* A UK number written nationally (01632 960123, 07700 900123) or internationally
 * (+44 7700 900123, +44 (0)1632 960123, 0044 7700 900123): after turning the +44 back into
 * the trunk 0, it has 10 or 11 digits starting with 0. */
static PhoneCheck
check_phone (const char *phone)
{
  char digits[16];
  gsize n_digits = 0;
  gboolean international = FALSE;
  gboolean started = FALSE;
  const char *national;
  gsize n_national;

  for (; *phone != '\0'; phone++)
    {
      if (g_ascii_isdigit (*phone))
        {
          if (n_digits == sizeof digits - 1)
            return PHONE_INVALID;
          digits[n_digits++] = *phone;
          started = TRUE;
        }
      else if (*phone == '+' && !started)
        {
          international = TRUE;
          started = TRUE;
        }
      else if (g_ascii_isspace (*phone) || *phone == '-' || *phone == '(' || *phone == ')')
        {
          continue;
        }
      else
        {
          return PHONE_INVALID;
        }
    }
  digits[n_digits] = '\0';

  national = digits;
  if (!international && g_str_has_prefix (digits, "00"))
    {
      international = TRUE;
      national += 2;
    }

  if (international)
    {
      if (!g_str_has_prefix (national, "44"))
        return PHONE_NOT_UK;
      national += 2;

      /* The "(0)" of "+44 (0)1632 960123" is the trunk 0 again; written without it, the
       * number is one digit short. */
      n_national = strlen (national) + (*national == '0' ? 0 : 1);
    }
  else
    {
      if (*national != '0')
        return PHONE_INVALID;
      n_national = strlen (national);
    }

  if (n_national < 10 || n_national > 11)
    return PHONE_INVALID;

  return PHONE_VALID;
}

/**
 * cf_validate_phone:
 * @phone: (nullable): a phone number as typed
 *
 * Returns: (transfer full) (nullable): NULL when @phone is empty or a UK phone number,
 *   otherwise a message saying what to type
 */
char *
cf_validate_phone (const char *phone)
{
  g_autofree char *shown = NULL;

  if (is_blank (phone))
    return NULL;

  shown = g_strstrip (g_strdup (phone));
  switch (check_phone (phone))
    {
    case PHONE_VALID:
      return NULL;

    case PHONE_NOT_UK:
      /* Translators: %s is the phone number the person typed. */
      return g_strdup_printf (_("“%s” is not a UK phone number. Enter a number that starts with "
                                "0 or +44."), shown);

    case PHONE_INVALID:
    default:
      /* Translators: %s is the phone number the person typed. “01632 960123” is a number
       * reserved for examples; keep it. */
      return g_strdup_printf (_("“%s” is not a UK phone number. Enter all 10 or 11 digits, with "
                                "the area code, for example “01632 960123”."), shown);
    }
}

/**
 * cf_validate_contactable:
 * @phone: (nullable): the carer's phone number
 * @email: (nullable): the carer's email address
 * @address: (nullable): the carer's postal address, without the postcode
 * @postcode: (nullable): the carer's postcode
 *
 * First contact is due within 3 working days of the referral (DOMAIN.md, "Referral and
 * waiting"), and many carers are not online, so a record needs at least one way to reach the
 * carer: a phone number or email address that is valid, or a postal address with a valid
 * postcode. The fields' own messages say what is wrong with each.
 *
 * Returns: (transfer full) (nullable): NULL when the carer can be contacted, otherwise a
 *   message saying what to add
 */
char *
cf_validate_contactable (const char *phone,
                         const char *email,
                         const char *address,
                         const char *postcode)
{
  char compact[POSTCODE_MAX + 1];

  if (!is_blank (phone) && check_phone (phone) == PHONE_VALID)
    return NULL;

  if (email_is_usable (email))
    return NULL;

  if (!is_blank (address) && parse_postcode (postcode, compact) != 0)
    return NULL;

  /* Translators: the carer is an unpaid carer, the person being assessed, not a care worker. */
  return g_strdup (_("There is no way to contact this carer. Add a phone number, an email "
                     "address or a postal address."));
}
