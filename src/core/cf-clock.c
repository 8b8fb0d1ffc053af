/* cf-clock.c: the one source of "now"
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Due dates and overdue flags depend on today's date, so everything asks a CfClock rather than
 * the system. Tests use a fixed clock; CAREFIELD_NOW (an ISO 8601 date and time) fixes the
 * system clock of a whole process, which the end-to-end tests use.
 */

#include "config.h"

#include "cf-clock.h"

struct _CfClock
{
  GObject    parent_instance;
  GDateTime *fixed;
};

G_DEFINE_FINAL_TYPE (CfClock, cf_clock, G_TYPE_OBJECT)

static void
cf_clock_finalize (GObject *object)
{
  CfClock *self = CF_CLOCK (object);

  g_clear_pointer (&self->fixed, g_date_time_unref);

  G_OBJECT_CLASS (cf_clock_parent_class)->finalize (object);
}

static void
cf_clock_class_init (CfClockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_clock_finalize;
}

static void
cf_clock_init (CfClock *self)
{
}

CfClock *
cf_clock_new_system (void)
{
  CfClock *self = g_object_new (CF_TYPE_CLOCK, NULL);
  const char *forced = g_getenv ("CAREFIELD_NOW");

  if (forced != NULL && *forced != '\0')
    {
      g_autoptr(GTimeZone) local = g_time_zone_new_local ();

      self->fixed = g_date_time_new_from_iso8601 (forced, local);
      if (self->fixed == NULL)
        g_warning ("CAREFIELD_NOW=“%s” is not an ISO 8601 date and time; using the real time",
                   forced);
    }

  return self;
}

CfClock *
cf_clock_new_fixed (GDateTime *now)
{
  CfClock *self;

  g_return_val_if_fail (now != NULL, NULL);

  self = g_object_new (CF_TYPE_CLOCK, NULL);
  self->fixed = g_date_time_to_local (now);

  return self;
}

void
cf_clock_set_now (CfClock   *self,
                  GDateTime *now)
{
  g_return_if_fail (CF_IS_CLOCK (self));
  g_return_if_fail (now != NULL);

  g_clear_pointer (&self->fixed, g_date_time_unref);
  self->fixed = g_date_time_to_local (now);
}

/**
 * cf_clock_now:
 *
 * Returns: (transfer full): the current local time
 */
GDateTime *
cf_clock_now (CfClock *self)
{
  g_return_val_if_fail (CF_IS_CLOCK (self), NULL);

  if (self->fixed != NULL)
    return g_date_time_ref (self->fixed);

  return g_date_time_new_now_local ();
}

void
cf_clock_today (CfClock *self,
                GDate   *today)
{
  g_autoptr(GDateTime) now = cf_clock_now (self);

  g_return_if_fail (today != NULL);

  g_date_clear (today, 1);
  g_date_set_dmy (today,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/* Stored times are UTC, so they sort as text and mean the same on every device. */
char *
cf_clock_now_iso8601 (CfClock *self)
{
  g_autoptr(GDateTime) now = cf_clock_now (self);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}
