/* test-dates.c: dates as workers type them and as the store keeps them
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cf-dates.h"

static void
check_date (const char *typed,
            const char *stored)
{
  g_autofree char *result = cf_date_from_user (typed);

  g_assert_cmpstr (result, ==, stored);
}

static void
test_date_from_user (void)
{
  check_date ("21/03/1958", "1958-03-21");
  check_date ("21/3/1958", "1958-03-21");
  check_date ("1.2.1960", "1960-02-01");
  check_date (" 05-11-1947 ", "1947-11-05");
  /* Already stored form: kept. */
  check_date ("1958-03-21", "1958-03-21");
  /* Shaped like a date but not one: converted, so validation can say the day does not exist. */
  check_date ("30/02/1958", "1958-02-30");
  /* Not a date: kept as typed, never thrown away. */
  check_date ("next Tuesday", "next Tuesday");
  check_date ("21/03/58", "21/03/58");
  check_date ("", "");
  check_date (NULL, "");
}

static void
test_date_to_user (void)
{
  g_autofree char *shown = cf_date_to_user ("1958-03-21");
  g_autofree char *kept = cf_date_to_user ("next Tuesday");
  g_autofree char *empty = cf_date_to_user ("");

  g_assert_cmpstr (shown, ==, "21/03/1958");
  g_assert_cmpstr (kept, ==, "next Tuesday");
  g_assert_cmpstr (empty, ==, "");
}

static void
test_datetime_round_trip (void)
{
  /* 18 November is GMT; 18 June is BST, an hour ahead of UTC. */
  g_autofree char *winter = cf_datetime_from_user ("18/11/2026 14:30");
  g_autofree char *summer = cf_datetime_from_user ("18/06/2026 14:30");
  g_autofree char *midnight = cf_datetime_from_user ("18/06/2026");
  g_autofree char *shown = cf_datetime_to_user ("2026-06-18T13:30:00Z");
  g_autofree char *bad_time = cf_datetime_from_user ("18/06/2026 25:00");
  g_autofree char *bad_day = cf_datetime_from_user ("31/06/2026 10:00");

  g_assert_cmpstr (winter, ==, "2026-11-18T14:30:00Z");
  g_assert_cmpstr (summer, ==, "2026-06-18T13:30:00Z");
  g_assert_cmpstr (midnight, ==, "2026-06-17T23:00:00Z");
  g_assert_cmpstr (shown, ==, "18/06/2026 14:30");
  g_assert_cmpstr (bad_time, ==, "18/06/2026 25:00");
  g_assert_cmpstr (bad_day, ==, "31/06/2026 10:00");
}

static void
test_validate_received_at (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 18, 10, 0, 0);
  g_autofree char *ok = cf_validate_received_at ("2026-11-18T09:59:00Z", now);
  g_autofree char *grace = cf_validate_received_at ("2026-11-18T10:00:30Z", now);
  g_autofree char *future = cf_validate_received_at ("2026-11-19T09:00:00Z", now);
  g_autofree char *garbled = cf_validate_received_at ("yesterday", now);
  g_autofree char *empty = cf_validate_received_at ("", now);

  g_assert_null (ok);
  g_assert_null (grace);
  g_assert_cmpstr (future, ==, "The referral cannot have been received in the future.");
  g_assert_nonnull (garbled);
  g_assert_true (g_str_has_prefix (garbled, "Enter the date and time as day/month/year"));
  g_assert_cmpstr (empty, ==, "Enter when the referral was received.");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/dates/date-from-user", test_date_from_user);
  g_test_add_func ("/dates/date-to-user", test_date_to_user);
  g_test_add_func ("/dates/datetime-round-trip", test_datetime_round_trip);
  g_test_add_func ("/dates/validate-received-at", test_validate_received_at);

  return g_test_run ();
}
