/* cf-dates.c: dates as people type them and as the store keeps them
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Workers in England type dates day first (21/03/1958). The store keeps ISO 8601: dates as
 * YYYY-MM-DD, times in UTC, so they sort as text and mean the same on every device. Text that
 * is not a date in either form is kept exactly as typed, so the field's message can say what
 * is wrong and nothing the person typed is thrown away.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cf-dates.h"

/* D/M/YYYY with '/', '.' or '-' between the parts. */
static gboolean
parse_day_first (const char *text,
                 guint      *day,
                 guint      *month,
                 guint      *year,
                 const char **rest)
{
  const char *p = text;
  guint parts[3] = { 0 };
  int digits;

  for (guint i = 0; i < 3; i++)
    {
      digits = 0;
      while (g_ascii_isdigit (*p) && digits < 4)
        {
          parts[i] = parts[i] * 10 + (*p - '0');
          p++;
          digits++;
        }
      if ((i < 2 && (digits < 1 || digits > 2)) || (i == 2 && digits != 4))
        return FALSE;
      if (i < 2)
        {
          if (*p != '/' && *p != '.' && *p != '-')
            return FALSE;
          p++;
        }
    }

  *day = parts[0];
  *month = parts[1];
  *year = parts[2];
  *rest = p;
  return TRUE;
}

/**
 * cf_date_parse_iso_shape:
 *
 * Reads strictly "YYYY-MM-DD", the form dates are stored in. Whether such a day exists is left
 * to the caller, so that a message can say which mistake was made.
 *
 * Returns: whether @text has that shape
 */
gboolean
cf_date_parse_iso_shape (const char *text,
                         guint      *year,
                         guint      *month,
                         guint      *day)
{
  g_return_val_if_fail (year != NULL && month != NULL && day != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (text[i]))
        {
          /* Also stops at the terminating nul of shorter text. */
          return FALSE;
        }
    }

  if (text[10] != '\0')
    return FALSE;

  *year = atoi (text);
  *month = atoi (text + 5);
  *day = atoi (text + 8);
  return TRUE;
}

/**
 * cf_date_read_iso:
 * @date: (out): set to the day when it exists
 *
 * Reads a stored "YYYY-MM-DD" date into a #GDate, for the rules in cf-schedule.c.
 *
 * Returns: whether @text is a day that exists
 */
gboolean
cf_date_read_iso (const char *text,
                  GDate      *date)
{
  guint year, month, day;

  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (!cf_date_parse_iso_shape (text, &year, &month, &day) ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/**
 * cf_date_write_iso:
 *
 * Returns: (transfer full): @date as stored, "YYYY-MM-DD", or "" for an invalid date
 */
char *
cf_date_write_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (!g_date_valid (date))
    return g_strdup ("");

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

/**
 * cf_date_from_user:
 *
 * Returns: (transfer full): "YYYY-MM-DD" for a day-first or ISO date (whether or not such a
 *   day exists, which the field's validation says), otherwise the text as typed, trimmed
 */
char *
cf_date_from_user (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  guint day, month, year;
  const char *rest;

  if (parse_day_first (trimmed, &day, &month, &year, &rest) && *rest == '\0')
    return g_strdup_printf ("%04u-%02u-%02u", year, month, day);

  return g_steal_pointer (&trimmed);
}

char *
cf_date_to_user (const char *stored)
{
  guint day, month, year;

  if (stored != NULL && cf_date_parse_iso_shape (stored, &year, &month, &day))
    return g_strdup_printf ("%02u/%02u/%04u", day, month, year);

  return g_strdup (stored ? stored : "");
}

/**
 * cf_datetime_from_user:
 *
 * Reads "21/03/2026 14:30" (or without the time, meaning midnight) as local time.
 *
 * Returns: (transfer full): the UTC time as "YYYY-MM-DDTHH:MM:SSZ", or the text as typed
 */
char *
cf_datetime_from_user (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  guint day, month, year, hour = 0, minute = 0;
  const char *rest;

  if (!parse_day_first (trimmed, &day, &month, &year, &rest))
    return g_steal_pointer (&trimmed);

  while (*rest == ' ')
    rest++;
  if (*rest != '\0')
    {
      int consumed = 0;

      if (sscanf (rest, "%2u:%2u%n", &hour, &minute, &consumed) != 2 ||
          rest[consumed] != '\0' || hour > 23 || minute > 59)
        return g_steal_pointer (&trimmed);
    }

  if (!g_date_valid_dmy (day, month, year))
    return g_steal_pointer (&trimmed);

  local = g_date_time_new_local (year, month, day, hour, minute, 0);
  if (local == NULL)
    return g_steal_pointer (&trimmed);

  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

char *
cf_datetime_to_user (const char *stored)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (stored == NULL || *stored == '\0')
    return g_strdup ("");

  when = g_date_time_new_from_iso8601 (stored, NULL);
  if (when == NULL)
    return g_strdup (stored);

  local = g_date_time_to_local (when);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

/**
 * cf_validate_received_at:
 * @stored: the stored value of the referral's date and time
 *
 * Returns: (transfer full) (nullable): %NULL if it is a time not in the future, otherwise what
 *   to do about it
 */
char *
cf_validate_received_at (const char *stored,
                         GDateTime  *now)
{
  g_autoptr(GDateTime) when = NULL;

  g_return_val_if_fail (now != NULL, NULL);

  if (stored == NULL || *stored == '\0')
    return g_strdup (_("Enter when the referral was received."));

  when = g_date_time_new_from_iso8601 (stored, NULL);
  if (when == NULL)
    /* Translators: keep the example in the day/month/year order people type in your region */
    return g_strdup (_("Enter the date and time as day/month/year and hours:minutes, for "
                       "example 18/11/2026 14:30."));

  /* A minute's grace: the clock on a laptop and the one on a phone are rarely the same. */
  if (g_date_time_difference (when, now) > G_TIME_SPAN_MINUTE)
    return g_strdup (_("The referral cannot have been received in the future."));

  return NULL;
}
