/* test-validate.c: checks on what people type about a carer
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cf-validate.h"

typedef char *(*Validator) (const char *text);

static void
assert_valid (Validator   validate,
              const char *text)
{
  g_autofree char *message = validate (text);

  if (message != NULL)
    g_test_fail_printf ("“%s” was refused: %s", text, message);
}

/* The message must name what was typed, so the person can see which entry is wrong, and say
 * what to type instead (@hint). */
static void
assert_invalid (Validator   validate,
                const char *text,
                const char *hint)
{
  g_autofree char *message = validate (text);
  g_autofree char *shown = g_strstrip (g_strdup (text));

  if (message == NULL)
    {
      g_test_fail_printf ("“%s” was accepted", text);
      return;
    }

  g_assert_nonnull (strstr (message, shown));
  g_assert_nonnull (strstr (message, hint));
}

static void
test_postcode_formats (void)
{
  static const char * const valid[] = {
    "M1 1AE",     /* A9 9AA */
    "B33 8TH",    /* A99 9AA */
    "CR2 6XH",    /* AA9 9AA */
    "DN55 1PT",   /* AA99 9AA */
    "W1A 0AX",    /* A9A 9AA */
    "EC1A 1BB",   /* AA9A 9AA */
    "LN1 3AB",
    "SW1A 2AA",
    "BT1 5GS",    /* Northern Ireland */
    "GIR 0AA",
    "ZZ99 3VZ",   /* NHS pseudo-postcode: no fixed abode */
    "zz993wz",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_valid (cf_validate_postcode, valid[i]);
}

static void
test_postcode_case_and_spacing (void)
{
  assert_valid (cf_validate_postcode, "ln1 3ab");
  assert_valid (cf_validate_postcode, "LN13AB");
  assert_valid (cf_validate_postcode, "ec1a1bb");
  assert_valid (cf_validate_postcode, "m11ae");
  assert_valid (cf_validate_postcode, "  LN1 3AB  ");
  assert_valid (cf_validate_postcode, "Ln1  3aB");
  assert_valid (cf_validate_postcode, "gir0aa");
}

static void
test_postcode_empty (void)
{
  assert_valid (cf_validate_postcode, NULL);
  assert_valid (cf_validate_postcode, "");
  assert_valid (cf_validate_postcode, "   ");
}

static void
test_postcode_invalid (void)
{
  static const char * const invalid[] = {
    "XYZ 123",
    "ZZ98 3VZ",    /* only ZZ99 is a pseudo-postcode */
    "ZZ99 33Z",
    "LN1",         /* outward code only */
    "LN1 3A",
    "LN1 3ABC",
    "LN123 3AB",   /* outward code too long */
    "123 4AB",     /* starts with a digit */
    "LN 3AB",      /* no district number */
    "L N1 3AB",    /* gaps inside the codes */
    "L N13AB",
    "LN13 AB",
    "LN1 3 AB",
    "Q1 1AA",      /* Q, V and X never come first */
    "AI1 1AA",     /* I, J and Z never come second */
    "W1L 1AA",     /* L is not used in A9A */
    "EC1C 1BB",    /* C is not used in AA9A */
    "LN1 3CB",     /* C, I, K, M, O and V are not used in the inward code */
    "LN1 3AO",
    "LN1-3AB",
    "LN1 3AB.",
    "BFPO 123",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (invalid); i++)
    assert_invalid (cf_validate_postcode, invalid[i], "“LN1 3AB”");
}

static void
test_postcode_message (void)
{
  g_autofree char *message = cf_validate_postcode ("XYZ 123");

  g_assert_cmpstr (message, ==,
                   "“XYZ 123” is not a UK postcode. A postcode looks like “LN1 3AB”.");
}

static void
assert_normalised (const char *text,
                   const char *expected)
{
  g_autofree char *normalised = cf_postcode_normalise (text);

  g_assert_cmpstr (normalised, ==, expected);
}

static void
test_postcode_normalise (void)
{
  assert_normalised ("ln13ab", "LN1 3AB");
  assert_normalised ("  ln1 3ab ", "LN1 3AB");
  assert_normalised ("Ln1   3aB", "LN1 3AB");
  assert_normalised ("m11ae", "M1 1AE");
  assert_normalised ("ec1a1bb", "EC1A 1BB");
  assert_normalised ("w1a0ax", "W1A 0AX");
  assert_normalised ("dn551pt", "DN55 1PT");
  assert_normalised ("gir0aa", "GIR 0AA");
  assert_normalised ("LN1 3AB", "LN1 3AB");

  /* Anything else is kept exactly as typed, so nothing the person wrote is lost. */
  assert_normalised ("not a postcode ", "not a postcode ");
  assert_normalised ("xyz 123", "xyz 123");
  assert_normalised ("", "");
  assert_normalised (NULL, NULL);
}

static GDate
make_date (guint      day,
           GDateMonth month,
           guint      year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return date;
}

static void
assert_dob (const char  *text,
            const GDate *today,
            const char  *expected)
{
  g_autofree char *message = cf_validate_date_of_birth (text, today);

  g_assert_cmpstr (message, ==, expected);
}

static void
test_dob (void)
{
  GDate today = make_date (15, G_DATE_JUNE, 2026);
  GDate leap_day = make_date (29, G_DATE_FEBRUARY, 2020);
  const char *format = "Enter the date of birth as day/month/year, for example 21/03/1958.";
  const char *future = "The date of birth is in the future.";
  const char *too_old = "The date of birth is more than 120 years ago. Check the year.";

  assert_dob (NULL, &today, NULL);
  assert_dob ("", &today, NULL);
  assert_dob ("1958-03-21", &today, NULL);
  assert_dob (" 1958-03-21 ", &today, NULL);
  assert_dob ("1960-02-29", &today, NULL);
  /* Young carers are carers: no lower age. */
  assert_dob ("2016-06-15", &today, NULL);
  assert_dob ("2026-06-15", &today, NULL);

  assert_dob ("2026-06-16", &today, future);
  assert_dob ("2030-01-01", &today, future);

  /* 120 years ago to the day is allowed; a day earlier is not. */
  assert_dob ("1906-06-15", &today, NULL);
  assert_dob ("1906-06-14", &today, too_old);
  assert_dob ("1858-03-21", &today, too_old);
  /* 1900 had no 29 February, so 120 years before 29 February 2020 is taken as the 28th. */
  assert_dob ("1900-02-28", &leap_day, NULL);
  assert_dob ("1900-02-27", &leap_day, too_old);

  assert_dob ("21/03/1958", &today, format);
  assert_dob ("1958-3-21", &today, format);
  assert_dob ("58-03-21", &today, format);
  assert_dob ("21 March 1958", &today, format);
  assert_dob ("1958-03-21T00:00", &today, format);

  assert_dob ("1958-02-30", &today,
              "“1958-02-30” is not a date that exists. Check the day and the month.");
  assert_dob ("1958-13-01", &today,
              "“1958-13-01” is not a date that exists. Check the day and the month.");
  assert_dob ("1959-02-29", &today,
              "“1959-02-29” is not a date that exists. Check the day and the month.");
}

static void
test_email (void)
{
  static const char * const valid[] = {
    "jo.bloggs@example.org",
    "jo+carers@mail.example.co.uk",
    "J.O'Neill@Example.ORG",
    "  jo@example.org ",
    "x@example.xn--p1ai",
  };
  static const char * const invalid[] = {
    "jo",
    "jo@",
    "@example.org",
    "jo@example",
    "jo@@example.org",
    "jo@bloggs@example.org",
    "jo bloggs@example.org",
    "jo@example..org",
    "jo@.example.org",
    "jo@example.org.",
    "jo@example.c",
    "jo@-example.org",
    "jo@exa_mple.org",
    "jo@192.168.1.1",
    "jo.example.org",
  };
  gsize i;

  assert_valid (cf_validate_email, NULL);
  assert_valid (cf_validate_email, "");
  assert_valid (cf_validate_email, " ");

  for (i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_valid (cf_validate_email, valid[i]);

  for (i = 0; i < G_N_ELEMENTS (invalid); i++)
    assert_invalid (cf_validate_email, invalid[i], "“name@example.org”");
}

static void
test_phone (void)
{
  static const char * const valid[] = {
    "+44 7700 900123",
    "+447700900123",
    "01632 960123",
    "01632960123",
    "(01632) 960123",
    "01632-960-123",
    "+44 (0)1632 960123",
    "0044 7700 900123",
    "020 7946 0000",
    "016977 4123",       /* a 10-digit number in Brampton */
    " 07700 900123 ",
  };
  static const char * const wrong_length[] = {
    "01632 9601",        /* too short */
    "+44 1632 9601",
    "016329601234",      /* 12 digits */
    "7700 900123",       /* no trunk 0 */
    "+44",
    "01632 960123 ext 4",
    "01632.960123",
    "0163+2960123",
    "phone me",
  };
  gsize i;

  assert_valid (cf_validate_phone, NULL);
  assert_valid (cf_validate_phone, "");

  for (i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_valid (cf_validate_phone, valid[i]);

  for (i = 0; i < G_N_ELEMENTS (wrong_length); i++)
    assert_invalid (cf_validate_phone, wrong_length[i], "10 or 11 digits");

  /* Numbers abroad get a message saying so, not one about the count of digits. */
  assert_invalid (cf_validate_phone, "+33 1 23 45 67 89", "0 or +44");
  assert_invalid (cf_validate_phone, "0033 1 23 45 67 89", "0 or +44");
}

static void
assert_contactable (const char *phone,
                    const char *email,
                    const char *address,
                    const char *postcode,
                    gboolean    contactable)
{
  g_autofree char *message = cf_validate_contactable (phone, email, address, postcode);

  if (contactable)
    g_assert_null (message);
  else
    g_assert_cmpstr (message, ==, "There is no way to contact this carer. Add a phone number, "
                                  "an email address or a postal address.");
}

static void
test_contactable (void)
{
  const char *address = "1 Castle Hill\nLincoln";

  assert_contactable (NULL, NULL, NULL, NULL, FALSE);
  assert_contactable ("", "", "", "", FALSE);
  assert_contactable (" ", " ", " ", " ", FALSE);

  /* Any one way is enough. */
  assert_contactable ("01632 960123", NULL, NULL, NULL, TRUE);
  assert_contactable (NULL, "jo@example.org", NULL, NULL, TRUE);
  assert_contactable (NULL, NULL, address, "LN1 3AB", TRUE);
  assert_contactable (NULL, NULL, address, "ln13ab", TRUE);

  /* A letter needs both the address and the postcode. */
  assert_contactable (NULL, NULL, address, NULL, FALSE);
  assert_contactable (NULL, NULL, NULL, "LN1 3AB", FALSE);
  assert_contactable (NULL, NULL, " ", "LN1 3AB", FALSE);

  /* Details that are there but wrong do not count. */
  assert_contactable ("01632", NULL, NULL, NULL, FALSE);
  assert_contactable (NULL, "jo@example", NULL, NULL, FALSE);
  assert_contactable (NULL, NULL, address, "XYZ 123", FALSE);
  assert_contactable ("01632", "jo@example", address, NULL, FALSE);

  /* One good way is enough even when another is wrong. */
  assert_contactable ("01632", "jo@example.org", NULL, NULL, TRUE);
  assert_contactable (" +44 7700 900123 ", "jo@example", NULL, NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/validate/postcode/formats", test_postcode_formats);
  g_test_add_func ("/validate/postcode/case-and-spacing", test_postcode_case_and_spacing);
  g_test_add_func ("/validate/postcode/empty", test_postcode_empty);
  g_test_add_func ("/validate/postcode/invalid", test_postcode_invalid);
  g_test_add_func ("/validate/postcode/message", test_postcode_message);
  g_test_add_func ("/validate/postcode/normalise", test_postcode_normalise);
  g_test_add_func ("/validate/date-of-birth", test_dob);
  g_test_add_func ("/validate/email", test_email);
  g_test_add_func ("/validate/phone", test_phone);
  g_test_add_func ("/validate/contactable", test_contactable);

  return g_test_run ();
}
