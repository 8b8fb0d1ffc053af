/* test-calendar.c: working days and England and Wales bank holidays
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cf-calendar.h"

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

static gboolean
is_holiday (CfCalendar *calendar,
            const char *text)
{
  GDate date = iso (text);

  return cf_calendar_is_bank_holiday (calendar, &date);
}

static gboolean
is_working (CfCalendar *calendar,
            const char *text)
{
  GDate date = iso (text);

  return cf_calendar_is_working_day (calendar, &date);
}

/* The date @n_days working days after @from, as "YYYY-MM-DD". */
static char *
add (CfCalendar *calendar,
     const char *from,
     guint       n_days)
{
  GDate date = iso (from);

  cf_calendar_add_working_days (calendar, &date, n_days);

  return format_date (&date);
}

static guint
between (CfCalendar *calendar,
         const char *from,
         const char *to)
{
  GDate first = iso (from);
  GDate last = iso (to);

  return cf_calendar_working_days_between (calendar, &first, &last);
}

static void
assert_add (CfCalendar *calendar,
            const char *from,
            guint       n_days,
            const char *expected)
{
  g_autofree char *result = add (calendar, from, n_days);

  g_assert_cmpstr (result, ==, expected);
}

static void
test_parse_iso_date (void)
{
  static const char * const bad[] = {
    "", "2026-1-05", "2026-01-5", "26-01-05", "2026/01/05", "2026-01-05 ", " 2026-01-05",
    "2026-01-05T10:00", "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "0000-01-01",
    "abcd-ef-gh", "2026-01-0x", "05/01/2026", "2026--1-05",
  };
  GDate untouched = iso ("2000-01-01");
  GDate date;
  gsize i;

  g_assert_true (cf_calendar_parse_iso_date ("2024-02-29", &date));
  g_assert_cmpuint (g_date_get_year (&date), ==, 2024);
  g_assert_cmpuint (g_date_get_month (&date), ==, G_DATE_FEBRUARY);
  g_assert_cmpuint (g_date_get_day (&date), ==, 29);

  g_assert_true (cf_calendar_parse_iso_date ("1958-03-21", NULL));
  g_assert_false (cf_calendar_parse_iso_date (NULL, &date));

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      date = untouched;
      if (cf_calendar_parse_iso_date (bad[i], &date))
        g_test_fail_printf ("“%s” was taken for a date", bad[i]);
      /* A failed parse leaves the date alone. */
      g_assert_cmpint (g_date_compare (&date, &untouched), ==, 0);
    }
}

/* gov.uk's published England and Wales bank holidays, year by year; every other day of those
 * years must not be one. */
static void
test_gov_uk_years (void)
{
  static const struct
  {
    guint       year;
    const char *days[11];
  } years[] = {
    { 2020, { "2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31",
              "2020-12-25", "2020-12-28" } },
    { 2021, { "2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30",
              "2021-12-27", "2021-12-28" } },
    { 2022, { "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03",
              "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27" } },
    { 2023, { "2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29",
              "2023-08-28", "2023-12-25", "2023-12-26" } },
    { 2024, { "2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26",
              "2024-12-25", "2024-12-26" } },
    { 2025, { "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25",
              "2025-12-25", "2025-12-26" } },
    { 2026, { "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31",
              "2026-12-25", "2026-12-28" } },
    { 2027, { "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30",
              "2027-12-27", "2027-12-28" } },
  };
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, years[i].year);
      while (g_date_get_year (&date) == years[i].year)
        {
          if (cf_calendar_is_bank_holiday (calendar, &date))
            g_ptr_array_add (found, format_date (&date));
          g_date_add_days (&date, 1);
        }
      g_ptr_array_add (found, NULL);

      g_assert_cmpstrv ((const char * const *) found->pdata, years[i].days);
    }
}

static void
test_new_year_substitute (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);

  /* 2022: Saturday 1 January, so Monday 3 January. */
  g_assert_false (is_holiday (calendar, "2022-01-01"));
  g_assert_true (is_holiday (calendar, "2022-01-03"));
  g_assert_false (is_working (calendar, "2022-01-03"));
  g_assert_true (is_working (calendar, "2022-01-04"));

  /* 2023: Sunday 1 January, so Monday 2 January. */
  g_assert_false (is_holiday (calendar, "2023-01-01"));
  g_assert_true (is_holiday (calendar, "2023-01-02"));
  g_assert_false (is_working (calendar, "2023-01-02"));
  g_assert_true (is_working (calendar, "2023-01-03"));

  /* 2027: Friday, no substitute. */
  g_assert_true (is_holiday (calendar, "2027-01-01"));
  g_assert_true (is_working (calendar, "2027-01-04"));
}

static void
test_christmas_on_saturday (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);

  /* 2021: Christmas on Saturday, Boxing Day on Sunday: Monday 27 and Tuesday 28. */
  g_assert_true (is_working (calendar, "2021-12-24"));
  g_assert_false (is_holiday (calendar, "2021-12-25"));
  g_assert_false (is_holiday (calendar, "2021-12-26"));
  g_assert_true (is_holiday (calendar, "2021-12-27"));
  g_assert_true (is_holiday (calendar, "2021-12-28"));
  g_assert_true (is_working (calendar, "2021-12-29"));
}

static void
test_christmas_on_sunday (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);

  /* 2022: Christmas on Sunday: Boxing Day keeps Monday 26, Christmas takes Tuesday 27. */
  g_assert_true (is_working (calendar, "2022-12-23"));
  g_assert_false (is_holiday (calendar, "2022-12-25"));
  g_assert_true (is_holiday (calendar, "2022-12-26"));
  g_assert_true (is_holiday (calendar, "2022-12-27"));
  g_assert_true (is_working (calendar, "2022-12-28"));
}

static void
test_boxing_day_on_saturday (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);

  /* 2020: Christmas on Friday, Boxing Day on Saturday, so Monday 28. */
  g_assert_true (is_holiday (calendar, "2020-12-25"));
  g_assert_false (is_holiday (calendar, "2020-12-26"));
  g_assert_true (is_holiday (calendar, "2020-12-28"));
  g_assert_false (is_working (calendar, "2020-12-28"));
  g_assert_true (is_working (calendar, "2020-12-29"));
}

/* Easter Sundays from an independent computation (python-dateutil's easter()). */
static const char * const easter_sundays[] = {
  "1978-03-26", "1979-04-15", "1980-04-06", "1981-04-19", "1982-04-11", "1983-04-03",
  "1984-04-22", "1985-04-07", "1986-03-30", "1987-04-19", "1988-04-03", "1989-03-26",
  "1990-04-15", "1991-03-31", "1992-04-19", "1993-04-11", "1994-04-03", "1995-04-16",
  "1996-04-07", "1997-03-30", "1998-04-12", "1999-04-04", "2000-04-23", "2001-04-15",
  "2002-03-31", "2003-04-20", "2004-04-11", "2005-03-27", "2006-04-16", "2007-04-08",
  "2008-03-23", "2009-04-12", "2010-04-04", "2011-04-24", "2012-04-08", "2013-03-31",
  "2014-04-20", "2015-04-05", "2016-03-27", "2017-04-16", "2018-04-01", "2019-04-21",
  "2020-04-12", "2021-04-04", "2022-04-17", "2023-04-09", "2024-03-31", "2025-04-20",
  "2026-04-05", "2027-03-28", "2028-04-16", "2029-04-01", "2030-04-21", "2031-04-13",
  "2032-03-28", "2033-04-17", "2034-04-09", "2035-03-25", "2036-04-13", "2037-04-05",
  "2038-04-25", "2039-04-10", "2040-04-01", "2041-04-21", "2042-04-06", "2043-03-29",
  "2044-04-17", "2045-04-09", "2046-03-25", "2047-04-14", "2048-04-05", "2049-04-18",
  "2050-04-10", "2051-04-02", "2052-04-21", "2053-04-06", "2054-03-29", "2055-04-18",
  "2056-04-02", "2057-04-22", "2058-04-14", "2059-03-30", "2060-04-18", "2061-04-10",
  "2062-03-26", "2063-04-15", "2064-04-06", "2065-03-29", "2066-04-11", "2067-04-03",
  "2068-04-22", "2069-04-14", "2070-03-30", "2071-04-19", "2072-04-10", "2073-03-26",
  "2074-04-15", "2075-04-07", "2076-04-19", "2077-04-11", "2078-04-03", "2079-04-23",
  "2080-04-07", "2081-03-30", "2082-04-19", "2083-04-04", "2084-03-26", "2085-04-15",
  "2086-03-31", "2087-04-20", "2088-04-11", "2089-04-03", "2090-04-16", "2091-04-08",
  "2092-03-30", "2093-04-12", "2094-04-04", "2095-04-24", "2096-04-15", "2097-03-31",
  "2098-04-20", "2099-04-12", "2100-03-28",
};

static void
test_easter (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);
  gsize i;

  g_assert_true (is_holiday (calendar, "2024-03-29"));
  g_assert_true (is_holiday (calendar, "2024-04-01"));
  g_assert_true (is_holiday (calendar, "2025-04-18"));
  g_assert_true (is_holiday (calendar, "2025-04-21"));
  g_assert_true (is_holiday (calendar, "2026-04-03"));
  g_assert_true (is_holiday (calendar, "2026-04-06"));
  g_assert_true (is_working (calendar, "2026-04-02"));
  g_assert_true (is_working (calendar, "2026-04-07"));

  for (i = 0; i < G_N_ELEMENTS (easter_sundays); i++)
    {
      GDate day = iso (easter_sundays[i]);
      g_autoptr(GString) found = g_string_new (easter_sundays[i]);
      g_autofree char *expected = g_strdup_printf ("%s: -2 +1", easter_sundays[i]);
      int offset;

      g_assert_cmpint (g_date_get_weekday (&day), ==, G_DATE_SUNDAY);

      /* Of Thursday to Tuesday, only Good Friday and Easter Monday. */
      g_string_append (found, ":");
      g_date_subtract_days (&day, 3);
      for (offset = -3; offset <= 2; offset++, g_date_add_days (&day, 1))
        {
          if (cf_calendar_is_bank_holiday (calendar, &day))
            g_string_append_printf (found, " %+d", offset);
        }

      g_assert_cmpstr (found->str, ==, expected);
    }
}

static void
test_early_may (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);

  /* The first Monday in May, whether that is the 1st or the 7th. */
  g_assert_true (is_holiday (calendar, "2023-05-01"));
  g_assert_true (is_holiday (calendar, "2026-05-04"));
  g_assert_true (is_holiday (calendar, "2028-05-01"));
  g_assert_true (is_holiday (calendar, "2029-05-07"));
  g_assert_false (is_holiday (calendar, "2029-05-01"));
  g_assert_false (is_holiday (calendar, "2026-05-11"));
}

static void
test_2020_ve_day (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);

  /* Moved from Monday 4 May to Friday 8 May for the 75th anniversary of VE Day. */
  g_assert_false (is_holiday (calendar, "2020-05-04"));
  g_assert_true (is_working (calendar, "2020-05-04"));
  g_assert_true (is_holiday (calendar, "2020-05-08"));
  g_assert_false (is_working (calendar, "2020-05-08"));

  /* Likewise in 1995 for the 50th: from Monday 1 May to Monday 8 May. */
  g_assert_false (is_holiday (calendar, "1995-05-01"));
  g_assert_true (is_holiday (calendar, "1995-05-08"));
}

static void
test_spring (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);

  /* The last Monday in May, whether that is the 25th or the 31st. */
  g_assert_true (is_holiday (calendar, "2026-05-25"));
  g_assert_true (is_holiday (calendar, "2021-05-31"));
  g_assert_false (is_holiday (calendar, "2021-05-24"));

  /* Moved for the jubilees. */
  g_assert_false (is_holiday (calendar, "2002-05-27"));
  g_assert_true (is_holiday (calendar, "2002-06-04"));
  g_assert_false (is_holiday (calendar, "2012-05-28"));
  g_assert_true (is_holiday (calendar, "2012-06-04"));
  g_assert_false (is_holiday (calendar, "2022-05-30"));
  g_assert_true (is_working (calendar, "2022-05-30"));
  g_assert_true (is_holiday (calendar, "2022-06-02"));
}

static void
test_summer (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);

  /* The last Monday in August; not the first, as in Scotland. */
  g_assert_true (is_holiday (calendar, "2025-08-25"));
  g_assert_true (is_holiday (calendar, "2026-08-31"));
  g_assert_false (is_holiday (calendar, "2026-08-24"));
  g_assert_false (is_holiday (calendar, "2026-08-03"));
  g_assert_true (is_holiday (calendar, "2031-08-25"));
}

static void
test_one_offs (void)
{
  static const char * const days[] = {
    "1981-07-29", "1999-12-31", "2002-06-03", "2011-04-29", "2012-06-05", "2022-06-03",
    "2022-09-19", "2023-05-08",
  };
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (days); i++)
    {
      GDate next_year = iso (days[i]);

      g_date_add_years (&next_year, 1);

      g_assert_true (is_holiday (calendar, days[i]));
      g_assert_false (is_working (calendar, days[i]));
      /* A one-off: the same day a year later is not a holiday. */
      g_assert_false (cf_calendar_is_bank_holiday (calendar, &next_year));
    }

  /* The coronation was as well as the early May bank holiday, not instead of it. */
  g_assert_true (is_holiday (calendar, "2023-05-01"));
}

/* Eight a year, with the years the proclamations changed listed apart. */
static void
test_count_per_year (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);
  guint year;

  for (year = 1978; year <= 2100; year++)
    {
      g_autofree char *expected_text = NULL;
      g_autofree char *count_text = NULL;
      guint expected = 8;
      guint count = 0;
      GDate date;

      switch (year)
        {
        case 1981: case 1999: case 2002: case 2011: case 2012: case 2023:
          expected = 9;
          break;
        case 2022:
          expected = 10;
          break;
        default:
          break;
        }

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, year);
      while (g_date_get_year (&date) == year)
        {
          if (cf_calendar_is_bank_holiday (calendar, &date))
            {
              /* A bank holiday is always on a weekday: weekend ones have substitutes. */
              g_assert_cmpint (g_date_get_weekday (&date), <=, G_DATE_FRIDAY);
              count++;
            }
          g_date_add_days (&date, 1);
        }

      /* As text, so that a failure names the year. */
      expected_text = g_strdup_printf ("%u: %u", year, expected);
      count_text = g_strdup_printf ("%u: %u", year, count);
      g_assert_cmpstr (count_text, ==, expected_text);
    }
}

static void
test_weekends (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);

  g_assert_true (is_working (calendar, "2026-01-09"));   /* Friday */
  g_assert_false (is_working (calendar, "2026-01-10"));  /* Saturday */
  g_assert_false (is_working (calendar, "2026-01-11"));  /* Sunday */
  g_assert_true (is_working (calendar, "2026-01-12"));   /* Monday */
  g_assert_false (is_holiday (calendar, "2026-01-10"));
}

static void
test_extra_closures (void)
{
  static const char * const closures[] = {
    "2026-12-24", "2026-12-31", "not a date", "2026-02-30", "", "2026-1-2", NULL,
  };
  g_autoptr(CfCalendar) calendar = cf_calendar_new (closures);
  g_autoptr(CfCalendar) plain = cf_calendar_new (NULL);
  g_auto(GStrv) stored = NULL;

  g_assert_false (is_working (calendar, "2026-12-24"));
  g_assert_false (is_working (calendar, "2026-12-31"));
  g_assert_true (is_working (plain, "2026-12-24"));

  /* A closure is not a bank holiday. */
  g_assert_false (is_holiday (calendar, "2026-12-24"));

  /* Bad entries are skipped without closing anything else. */
  g_assert_true (is_working (calendar, "2026-01-02"));
  g_assert_true (is_working (calendar, "2026-12-30"));

  g_object_get (calendar, "extra-closures", &stored, NULL);
  g_assert_cmpstrv (stored, closures);
}

static void
test_add_zero (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);

  assert_add (calendar, "2026-01-10", 0, "2026-01-10");  /* Saturday stays Saturday */
  assert_add (calendar, "2026-12-25", 0, "2026-12-25");
}

static void
test_add_over_weekend (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);

  assert_add (calendar, "2026-01-08", 1, "2026-01-09");  /* Thursday to Friday */
  assert_add (calendar, "2026-01-09", 1, "2026-01-12");  /* Friday to Monday */
  assert_add (calendar, "2026-01-09", 5, "2026-01-16");
  assert_add (calendar, "2026-01-10", 1, "2026-01-12");  /* from Saturday */
  assert_add (calendar, "2026-01-11", 3, "2026-01-14");  /* from Sunday */
  assert_add (calendar, "2026-01-07", 3, "2026-01-12");  /* Wednesday + 3 */
}

static void
test_add_over_christmas (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);

  /* 2026: Christmas on Friday, Boxing Day substitute on Monday 28. From Wednesday 23: Thursday
   * 24 is one, Tuesday 29 two, Wednesday 30 three. */
  assert_add (calendar, "2026-12-23", 1, "2026-12-24");
  assert_add (calendar, "2026-12-23", 2, "2026-12-29");
  assert_add (calendar, "2026-12-23", 3, "2026-12-30");
  assert_add (calendar, "2026-12-24", 1, "2026-12-29");

  /* 2021: both days substituted, so Friday 24 + 1 is Wednesday 29. */
  assert_add (calendar, "2021-12-24", 1, "2021-12-29");
}

static void
test_add_over_new_year (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);

  assert_add (calendar, "2026-12-23", 5, "2027-01-04");
  assert_add (calendar, "2026-12-31", 1, "2027-01-04");
  /* Friday 30 December 2022: Monday 2 January 2023 is the substitute. */
  assert_add (calendar, "2022-12-30", 1, "2023-01-03");
  /* 2021 into 2022: Christmas and Boxing Day on 27 and 28 December, New Year's Day on
   * Monday 3 January. */
  assert_add (calendar, "2021-12-23", 3, "2021-12-30");
  assert_add (calendar, "2021-12-23", 5, "2022-01-04");
}

static void
test_add_over_easter (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);

  assert_add (calendar, "2026-04-02", 1, "2026-04-07");  /* Maundy Thursday to Tuesday */
  assert_add (calendar, "2026-04-01", 3, "2026-04-08");
  assert_add (calendar, "2026-04-03", 1, "2026-04-07");  /* from Good Friday itself */
  assert_add (calendar, "2024-03-28", 1, "2024-04-02");  /* Easter across March and April */
}

static void
test_add_extra_closures (void)
{
  static const char * const closures[] = { "2026-12-24", NULL };
  g_autoptr(CfCalendar) calendar = cf_calendar_new (closures);

  assert_add (calendar, "2026-12-23", 1, "2026-12-29");
  assert_add (calendar, "2026-12-23", 3, "2026-12-31");
}

static void
test_between (void)
{
  static const char * const closures[] = { "2026-12-24", NULL };
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);
  g_autoptr(CfCalendar) closed = cf_calendar_new (closures);

  g_assert_cmpuint (between (calendar, "2026-12-23", "2026-12-30"), ==, 3);
  g_assert_cmpuint (between (closed, "2026-12-23", "2026-12-30"), ==, 2);
  g_assert_cmpuint (between (calendar, "2026-12-23", "2026-12-23"), ==, 0);
  g_assert_cmpuint (between (calendar, "2026-12-30", "2026-12-23"), ==, 0);
  g_assert_cmpuint (between (calendar, "2026-01-09", "2026-01-12"), ==, 1);  /* Fri to Mon */
  g_assert_cmpuint (between (calendar, "2026-01-10", "2026-01-11"), ==, 0);  /* the weekend */
  g_assert_cmpuint (between (calendar, "2026-04-02", "2026-04-07"), ==, 1);  /* Easter */

  /* 261 weekdays in 2025, less its 8 bank holidays. */
  g_assert_cmpuint (between (calendar, "2024-12-31", "2025-12-31"), ==, 253);
  /* 2022: 260 weekdays, less 10. */
  g_assert_cmpuint (between (calendar, "2021-12-31", "2022-12-31"), ==, 250);
}

/* Adding n working days and counting them back agree for every start day over several years,
 * and the result is the first day that is n working days on. */
static void
test_between_agrees_with_add (void)
{
  static const guint steps[] = { 1, 2, 3, 5, 10, 40 };
  static const char * const closures[] = { "2024-12-24", "2025-12-24", NULL };
  g_autoptr(CfCalendar) calendar = cf_calendar_new (closures);
  GDate from = iso ("2019-12-01");
  GDate stop = iso ("2027-01-31");

  for (; g_date_compare (&from, &stop) < 0; g_date_add_days (&from, 1))
    {
      gsize i;

      for (i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          GDate due = from;
          GDate day_before;

          cf_calendar_add_working_days (calendar, &due, steps[i]);
          day_before = due;
          g_date_subtract_days (&day_before, 1);

          g_assert_true (cf_calendar_is_working_day (calendar, &due));
          g_assert_cmpuint (cf_calendar_working_days_between (calendar, &from, &due), ==,
                            steps[i]);
          g_assert_cmpuint (cf_calendar_working_days_between (calendar, &from, &day_before), ==,
                            steps[i] - 1);
        }
    }
}

static void
assert_due (CfCalendar *calendar,
            GDateTime  *received,
            guint       target_days,
            const char *expected)
{
  g_autoptr(GDate) due = cf_calendar_first_contact_due (calendar, received, target_days);
  g_autofree char *text = NULL;

  g_assert_nonnull (due);
  text = format_date (due);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_first_contact_saturday_evening (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) saturday = g_date_time_new (london, 2026, 1, 10, 19, 45, 0);
  g_autoptr(GDateTime) friday = g_date_time_new (london, 2026, 1, 9, 16, 59, 0);

  /* Monday, Tuesday, Wednesday. */
  assert_due (calendar, saturday, 3, "2026-01-14");
  /* Friday afternoon: Monday, Tuesday, Wednesday as well; the time of day does not count. */
  assert_due (calendar, friday, 3, "2026-01-14");
  assert_due (calendar, saturday, 0, "2026-01-10");
}

static void
test_first_contact_late_utc_in_bst (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);
  /* 23:30 UTC on Thursday 4 June 2026 is 00:30 BST on Friday 5 June, so count from Friday:
   * Monday 8, Tuesday 9, Wednesday 10. Counting from Thursday would give Tuesday 9. */
  g_autoptr(GDateTime) summer = g_date_time_new_utc (2026, 6, 4, 23, 30, 0);
  /* In winter London is on UTC, so 23:30 UTC on Thursday 8 January stays Thursday. */
  g_autoptr(GDateTime) winter = g_date_time_new_utc (2026, 1, 8, 23, 30, 0);

  assert_due (calendar, summer, 3, "2026-06-10");
  assert_due (calendar, winter, 3, "2026-01-13");
}

static void
test_first_contact_over_christmas (void)
{
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) received = g_date_time_new (london, 2026, 12, 23, 10, 0, 0);

  assert_due (calendar, received, 3, "2026-12-30");
}

int
main (int   argc,
      char *argv[])
{
  /* Due dates are England's whatever the machine's zone: run in another zone to prove it. */
  g_setenv ("TZ", "America/New_York", TRUE);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/calendar/parse-iso-date", test_parse_iso_date);
  g_test_add_func ("/calendar/bank-holidays/gov-uk-2020-2027", test_gov_uk_years);
  g_test_add_func ("/calendar/bank-holidays/new-year-substitute", test_new_year_substitute);
  g_test_add_func ("/calendar/bank-holidays/christmas-on-saturday-2021",
                   test_christmas_on_saturday);
  g_test_add_func ("/calendar/bank-holidays/christmas-on-sunday-2022", test_christmas_on_sunday);
  g_test_add_func ("/calendar/bank-holidays/boxing-day-on-saturday-2020",
                   test_boxing_day_on_saturday);
  g_test_add_func ("/calendar/bank-holidays/easter", test_easter);
  g_test_add_func ("/calendar/bank-holidays/early-may", test_early_may);
  g_test_add_func ("/calendar/bank-holidays/2020-ve-day", test_2020_ve_day);
  g_test_add_func ("/calendar/bank-holidays/spring", test_spring);
  g_test_add_func ("/calendar/bank-holidays/summer", test_summer);
  g_test_add_func ("/calendar/bank-holidays/one-offs", test_one_offs);
  g_test_add_func ("/calendar/bank-holidays/count-per-year", test_count_per_year);
  g_test_add_func ("/calendar/working-day/weekends", test_weekends);
  g_test_add_func ("/calendar/working-day/extra-closures", test_extra_closures);
  g_test_add_func ("/calendar/add/zero", test_add_zero);
  g_test_add_func ("/calendar/add/over-weekend", test_add_over_weekend);
  g_test_add_func ("/calendar/add/over-christmas", test_add_over_christmas);
  g_test_add_func ("/calendar/add/over-new-year", test_add_over_new_year);
  g_test_add_func ("/calendar/add/over-easter", test_add_over_easter);
  g_test_add_func ("/calendar/add/extra-closures", test_add_extra_closures);
  g_test_add_func ("/calendar/between/counts", test_between);
  g_test_add_func ("/calendar/between/agrees-with-add", test_between_agrees_with_add);
  g_test_add_func ("/calendar/first-contact/saturday-evening",
                   test_first_contact_saturday_evening);
  g_test_add_func ("/calendar/first-contact/late-utc-in-bst", test_first_contact_late_utc_in_bst);
  g_test_add_func ("/calendar/first-contact/over-christmas", test_first_contact_over_christmas);

  return g_test_run ();
}
