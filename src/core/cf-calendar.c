/* cf-calendar.c: working days in England and Wales
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first-contact target is counted in working days, with England and Wales bank holidays
 * (DOMAIN.md, "Referral and waiting"), and the organisation may also be closed on days of its
 * own (the Christmas week, a training day), given as extra closures.
 *
 * Bank holidays are worked out from the rules rather than read from a list, so the software does
 * not stop counting correctly in a year nobody updated the list for. The rules are those of the
 * Banking and Financial Dealings Act 1971 and the Royal Proclamations made under it, as they
 * have stood since the early May bank holiday began in 1978; earlier years get the same rules,
 * which is good enough for anything a referral needs. A holiday proclaimed after this was
 * written (a coronation, a jubilee) has to be added to special_days[] below; until then an
 * organisation can list it as an extra closure.
 *
 * A caseload of 20,000 carers asks for due dates all at once, so each year's holidays are worked
 * out once and kept in a table keyed by julian day: after that a question is a weekday sum and
 * one hash lookup, with no allocation. The table fills in lazily, under a mutex, so one calendar
 * can serve a worker thread and the main thread together.
 */

#include "config.h"

#include "cf-calendar.h"
#include "cf-dates.h"

/* Values in CfCalendar.days: a day can be both (a closure on Christmas Day). */
#define DAY_BANK_HOLIDAY (1u << 0)
#define DAY_CLOSURE      (1u << 1)

/* The day after 31 December 65535 is not a GDate, so counting stops there. */
#define LAST_YEAR G_MAXUINT16

struct _CfCalendar
{
  GObject     parent_instance;

  char      **extra_closures;
  GTimeZone  *england;

  GMutex      mutex;
  GHashTable *days;   /* julian day → DAY_* flags */
  GHashTable *years;  /* years whose bank holidays are already in @days */
};

G_DEFINE_FINAL_TYPE (CfCalendar, cf_calendar, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EXTRA_CLOSURES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One-off bank holidays and moved ones, each from its own Royal Proclamation. A moved holiday
 * lists the day it left (moved_from) so that day becomes a working day again. */
static const struct
{
  guint16    year;
  GDateMonth month;
  guint8     day;
  GDateMonth moved_from_month;  /* G_DATE_BAD_MONTH when nothing moved */
  guint8     moved_from_day;
} special_days[] = {
  /* Wedding of the Prince of Wales. */
  { 1981, G_DATE_JULY, 29, G_DATE_BAD_MONTH, 0 },
  /* 50th anniversary of VE Day: early May bank holiday moved from Monday 1 May. */
  { 1995, G_DATE_MAY, 8, G_DATE_MAY, 1 },
  /* Millennium. */
  { 1999, G_DATE_DECEMBER, 31, G_DATE_BAD_MONTH, 0 },
  /* Golden Jubilee: the spring bank holiday moved from Monday 27 May to Tuesday 4 June, and
   * Monday 3 June added. */
  { 2002, G_DATE_JUNE, 4, G_DATE_MAY, 27 },
  { 2002, G_DATE_JUNE, 3, G_DATE_BAD_MONTH, 0 },
  /* Wedding of Prince William and Catherine Middleton. */
  { 2011, G_DATE_APRIL, 29, G_DATE_BAD_MONTH, 0 },
  /* Diamond Jubilee: spring bank holiday moved from Monday 28 May to Monday 4 June, and
   * Tuesday 5 June added. */
  { 2012, G_DATE_JUNE, 4, G_DATE_MAY, 28 },
  { 2012, G_DATE_JUNE, 5, G_DATE_BAD_MONTH, 0 },
  /* 75th anniversary of VE Day: early May bank holiday moved from Monday 4 May. */
  { 2020, G_DATE_MAY, 8, G_DATE_MAY, 4 },
  /* Platinum Jubilee: spring bank holiday moved from Monday 30 May to Thursday 2 June, and
   * Friday 3 June added. */
  { 2022, G_DATE_JUNE, 2, G_DATE_MAY, 30 },
  { 2022, G_DATE_JUNE, 3, G_DATE_BAD_MONTH, 0 },
  /* State funeral of Queen Elizabeth II. */
  { 2022, G_DATE_SEPTEMBER, 19, G_DATE_BAD_MONTH, 0 },
  /* Coronation of King Charles III. */
  { 2023, G_DATE_MAY, 8, G_DATE_BAD_MONTH, 0 },
};

static inline guint32
julian_for (guint      year,
            GDateMonth month,
            guint      day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return g_date_get_julian (&date);
}

/* Julian day 1 (1 January of year 1, proleptic Gregorian) was a Monday, which is what GLib's own
 * g_date_get_weekday() relies on; doing it here saves building a GDate in the counting loops. */
static inline gboolean
julian_is_weekend (guint32 julian)
{
  return (julian - 1) % 7 >= 5;
}

static inline GDateWeekday
weekday_for (guint      year,
             GDateMonth month,
             guint      day)
{
  return (GDateWeekday) ((julian_for (year, month, day) - 1) % 7 + 1);
}

static void
mark_locked (CfCalendar *self,
             guint32     julian,
             guint       flag)
{
  guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (self->days, GUINT_TO_POINTER (julian)));

  g_hash_table_insert (self->days, GUINT_TO_POINTER (julian), GUINT_TO_POINTER (flags | flag));
}

static void
unmark_holiday_locked (CfCalendar *self,
                       guint32     julian)
{
  guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (self->days, GUINT_TO_POINTER (julian)));

  flags &= ~DAY_BANK_HOLIDAY;
  if (flags == 0)
    g_hash_table_remove (self->days, GUINT_TO_POINTER (julian));
  else
    g_hash_table_insert (self->days, GUINT_TO_POINTER (julian), GUINT_TO_POINTER (flags));
}

static void
add_holiday_locked (CfCalendar *self,
                    guint       year,
                    GDateMonth  month,
                    guint       day)
{
  mark_locked (self, julian_for (year, month, day), DAY_BANK_HOLIDAY);
}

/* Easter Sunday in the Gregorian calendar, by the anonymous ("Meeus/Jones/Butcher") computus,
 * which is exact for every Gregorian year. */
static void
easter_sunday (guint       year,
               GDateMonth *month,
               guint      *day)
{
  int golden = (int) year % 19;
  int century = (int) year / 100;
  int year_of_century = (int) year % 100;
  int leap_centuries = century / 4;
  int century_rest = century % 4;
  int lunar_shift = (century + 8) / 25;
  int lunar_correction = (century - lunar_shift + 1) / 3;
  int epact = (19 * golden + century - leap_centuries - lunar_correction + 15) % 30;
  int leap_years = year_of_century / 4;
  int year_rest = year_of_century % 4;
  int to_sunday = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7;
  int late = (golden + 11 * epact + 22 * to_sunday) / 451;
  int days = epact + to_sunday - 7 * late + 114;

  *month = (GDateMonth) (days / 31);
  *day = days % 31 + 1;
}

static guint
first_monday (guint      year,
              GDateMonth month)
{
  int first = weekday_for (year, month, 1);

  return 1 + (G_DATE_MONDAY - first + 7) % 7;
}

static guint
last_monday (guint      year,
             GDateMonth month)
{
  guint last = g_date_get_days_in_month (month, year);
  int weekday = weekday_for (year, month, last);

  return last - (weekday - G_DATE_MONDAY);
}

/* Banking and Financial Dealings Act 1971, Schedule 1, and the annual proclamations: a holiday
 * falling on a weekend moves to the next weekday that is not already a holiday. */
static void
compute_year_locked (CfCalendar *self,
                     guint       year)
{
  GDateMonth easter_month;
  guint easter_day;
  guint32 easter;
  GDateWeekday weekday;
  gsize i;

  /* New Year's Day, or the Monday after when it falls at the weekend. */
  weekday = weekday_for (year, G_DATE_JANUARY, 1);
  if (weekday == G_DATE_SATURDAY)
    add_holiday_locked (self, year, G_DATE_JANUARY, 3);
  else if (weekday == G_DATE_SUNDAY)
    add_holiday_locked (self, year, G_DATE_JANUARY, 2);
  else
    add_holiday_locked (self, year, G_DATE_JANUARY, 1);

  /* Good Friday (common law) and Easter Monday. */
  easter_sunday (year, &easter_month, &easter_day);
  easter = julian_for (year, easter_month, easter_day);
  mark_locked (self, easter - 2, DAY_BANK_HOLIDAY);
  mark_locked (self, easter + 1, DAY_BANK_HOLIDAY);

  /* Early May, spring and summer bank holidays; exceptions come from special_days[]. */
  add_holiday_locked (self, year, G_DATE_MAY, first_monday (year, G_DATE_MAY));
  add_holiday_locked (self, year, G_DATE_MAY, last_monday (year, G_DATE_MAY));
  add_holiday_locked (self, year, G_DATE_AUGUST, last_monday (year, G_DATE_AUGUST));

  /* Christmas Day (common law) and Boxing Day. On a Saturday Christmas moves to Monday 27 and
   * Boxing Day to Tuesday 28; on a Sunday Boxing Day keeps Monday 26 and Christmas takes
   * Tuesday 27; when only Boxing Day is on a Saturday it moves to Monday 28. */
  weekday = weekday_for (year, G_DATE_DECEMBER, 25);
  switch (weekday)
    {
    case G_DATE_FRIDAY:
      add_holiday_locked (self, year, G_DATE_DECEMBER, 25);
      add_holiday_locked (self, year, G_DATE_DECEMBER, 28);
      break;

    case G_DATE_SATURDAY:
    case G_DATE_SUNDAY:
      add_holiday_locked (self, year, G_DATE_DECEMBER, 27);
      add_holiday_locked (self, year, G_DATE_DECEMBER, weekday == G_DATE_SATURDAY ? 28 : 26);
      break;

    case G_DATE_BAD_WEEKDAY:
    case G_DATE_MONDAY:
    case G_DATE_TUESDAY:
    case G_DATE_WEDNESDAY:
    case G_DATE_THURSDAY:
    default:
      add_holiday_locked (self, year, G_DATE_DECEMBER, 25);
      add_holiday_locked (self, year, G_DATE_DECEMBER, 26);
      break;
    }

  for (i = 0; i < G_N_ELEMENTS (special_days); i++)
    {
      if (special_days[i].year != year)
        continue;

      if (special_days[i].moved_from_month != G_DATE_BAD_MONTH)
        unmark_holiday_locked (self, julian_for (year, special_days[i].moved_from_month,
                                                 special_days[i].moved_from_day));
      add_holiday_locked (self, year, special_days[i].month, special_days[i].day);
    }

  g_hash_table_add (self->years, GUINT_TO_POINTER (year));
}

static inline void
ensure_year_locked (CfCalendar *self,
                    guint       year)
{
  if (!g_hash_table_contains (self->years, GUINT_TO_POINTER (year)))
    compute_year_locked (self, year);
}

static inline guint
day_flags_locked (CfCalendar *self,
                  guint32     julian)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->days, GUINT_TO_POINTER (julian)));
}

/* The caller has made sure the year of @julian is computed. */
static inline gboolean
is_working_julian_locked (CfCalendar *self,
                          guint32     julian)
{
  return !julian_is_weekend (julian) && day_flags_locked (self, julian) == 0;
}

static void
cf_calendar_set_extra_closures (CfCalendar         *self,
                                const char * const *extra_closures)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->mutex);
  gsize i;

  self->extra_closures = g_strdupv ((char **) extra_closures);

  /* Settings are edited by hand, so a bad entry must not stop the service: it is skipped, and
   * the settings page uses cf_calendar_parse_iso_date() to tell the person it is wrong. */
  for (i = 0; extra_closures != NULL && extra_closures[i] != NULL; i++)
    {
      GDate date;

      if (cf_calendar_parse_iso_date (extra_closures[i], &date))
        mark_locked (self, g_date_get_julian (&date), DAY_CLOSURE);
    }
}

static void
cf_calendar_finalize (GObject *object)
{
  CfCalendar *self = CF_CALENDAR (object);

  g_clear_pointer (&self->extra_closures, g_strfreev);
  g_clear_pointer (&self->england, g_time_zone_unref);
  g_clear_pointer (&self->days, g_hash_table_unref);
  g_clear_pointer (&self->years, g_hash_table_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (cf_calendar_parent_class)->finalize (object);
}

static void
cf_calendar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CfCalendar *self = CF_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_EXTRA_CLOSURES:
      g_value_set_boxed (value, self->extra_closures);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_calendar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CfCalendar *self = CF_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_EXTRA_CLOSURES:
      cf_calendar_set_extra_closures (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_calendar_class_init (CfCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_calendar_finalize;
  object_class->get_property = cf_calendar_get_property;
  object_class->set_property = cf_calendar_set_property;

  /**
   * CfCalendar:extra-closures:
   *
   * Dates, as ISO 8601 "YYYY-MM-DD", on which the organisation is closed as well as bank
   * holidays. Entries that are not such dates are ignored.
   */
  properties[PROP_EXTRA_CLOSURES] =
    g_param_spec_boxed ("extra-closures", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_calendar_init (CfCalendar *self)
{
  g_mutex_init (&self->mutex);
  self->days = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->years = g_hash_table_new (g_direct_hash, g_direct_equal);

  /* The service is in England whatever the machine's time zone (a server may run in UTC), so a
   * referral's date is its date in London. Without tzdata, the local zone is the best guess. */
  self->england = g_time_zone_new_identifier ("Europe/London");
  if (self->england == NULL)
    self->england = g_time_zone_new_local ();
}

/**
 * cf_calendar_new:
 * @extra_closures: (nullable) (array zero-terminated=1): dates as "YYYY-MM-DD" on which the
 *   organisation is also closed; entries that are not such dates are ignored
 *
 * Returns: (transfer full): a calendar of England and Wales working days
 */
CfCalendar *
cf_calendar_new (const char * const *extra_closures)
{
  return g_object_new (CF_TYPE_CALENDAR,
                       "extra-closures", extra_closures,
                       NULL);
}

/**
 * cf_calendar_is_bank_holiday:
 * @self: a #CfCalendar
 * @date: a valid date
 *
 * Extra closures are not bank holidays. A holiday that falls at the weekend is not one on that
 * day; its substitute weekday is.
 *
 * Returns: whether @date is a bank holiday in England and Wales
 */
gboolean
cf_calendar_is_bank_holiday (CfCalendar  *self,
                             const GDate *date)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (CF_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (date), FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  ensure_year_locked (self, g_date_get_year (date));

  return (day_flags_locked (self, g_date_get_julian (date)) & DAY_BANK_HOLIDAY) != 0;
}

/**
 * cf_calendar_is_working_day:
 * @self: a #CfCalendar
 * @date: a valid date
 *
 * Returns: whether @date is Monday to Friday, not a bank holiday and not an extra closure
 */
gboolean
cf_calendar_is_working_day (CfCalendar  *self,
                            const GDate *date)
{
  g_autoptr(GMutexLocker) locker = NULL;
  guint32 julian;

  g_return_val_if_fail (CF_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);
  g_return_val_if_fail (g_date_valid (date), FALSE);

  julian = g_date_get_julian (date);
  if (julian_is_weekend (julian))
    return FALSE;

  locker = g_mutex_locker_new (&self->mutex);
  ensure_year_locked (self, g_date_get_year (date));

  return is_working_julian_locked (self, julian);
}

/**
 * cf_calendar_add_working_days:
 * @self: a #CfCalendar
 * @date: a valid date, moved in place
 * @n_days: how many working days to move forward
 *
 * Moves @date to the @n_days-th working day after it. @date itself need not be a working day:
 * from a Saturday, one working day on is the Monday. With @n_days 0, @date is left as it is.
 */
void
cf_calendar_add_working_days (CfCalendar *self,
                              GDate      *date,
                              guint       n_days)
{
  g_autoptr(GMutexLocker) locker = NULL;
  guint32 julian;
  guint32 year_end;
  guint year;

  g_return_if_fail (CF_IS_CALENDAR (self));
  g_return_if_fail (date != NULL);
  g_return_if_fail (g_date_valid (date));

  if (n_days == 0)
    return;

  julian = g_date_get_julian (date);
  year = g_date_get_year (date);
  year_end = julian_for (year, G_DATE_DECEMBER, 31);

  locker = g_mutex_locker_new (&self->mutex);
  ensure_year_locked (self, year);

  while (n_days > 0)
    {
      julian++;
      if (julian > year_end)
        {
          if (year == LAST_YEAR)
            {
              g_critical ("%s: %u working days from %u-%02u-%02u is past the last date a GDate "
                          "can hold", G_STRFUNC, n_days, g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
              return;
            }

          year++;
          year_end = julian_for (year, G_DATE_DECEMBER, 31);
          ensure_year_locked (self, year);
        }

      if (is_working_julian_locked (self, julian))
        n_days--;
    }

  g_date_set_julian (date, julian);
}

/**
 * cf_calendar_working_days_between:
 * @self: a #CfCalendar
 * @from: a valid date
 * @to: a valid date
 *
 * Counts the working days after @from up to and including @to, which is how long a referral
 * received on @from has waited by @to: received today, it has waited 0 days; tomorrow, 1.
 *
 * Returns: the number of working days d with @from < d <= @to; 0 when @to is not after @from
 */
guint
cf_calendar_working_days_between (CfCalendar  *self,
                                  const GDate *from,
                                  const GDate *to)
{
  g_autoptr(GMutexLocker) locker = NULL;
  guint32 first;
  guint32 last;
  guint32 julian;
  guint year;
  guint count = 0;

  g_return_val_if_fail (CF_IS_CALENDAR (self), 0);
  g_return_val_if_fail (from != NULL, 0);
  g_return_val_if_fail (g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL, 0);
  g_return_val_if_fail (g_date_valid (to), 0);

  first = g_date_get_julian (from) + 1;
  last = g_date_get_julian (to);
  if (last < first)
    return 0;

  locker = g_mutex_locker_new (&self->mutex);

  /* When @from is 31 December its own year is not needed; computing it anyway costs nothing
   * that matters. */
  for (year = g_date_get_year (from); year <= g_date_get_year (to); year++)
    ensure_year_locked (self, year);

  for (julian = first; julian <= last; julian++)
    {
      if (is_working_julian_locked (self, julian))
        count++;
    }

  return count;
}

/**
 * cf_calendar_first_contact_due:
 * @self: a #CfCalendar
 * @referral_received: when the referral arrived
 * @target_days: the first-contact target in working days (3 by default)
 *
 * DOMAIN.md, "Referral and waiting": first contact is due @target_days working days from the
 * referral. Days are counted from the date the referral arrived in England (Europe/London),
 * whatever the time of day, so one that arrives at 23:30 UTC in summer counts from the next
 * day. One received at a weekend or on a holiday counts from that day the same way: from a
 * Saturday, 3 working days is the Wednesday.
 *
 * Returns: (transfer full): the due date; free it with g_date_free()
 */
GDate *
cf_calendar_first_contact_due (CfCalendar *self,
                               GDateTime  *referral_received,
                               guint       target_days)
{
  g_autoptr(GDateTime) received = NULL;
  GDate *due;

  g_return_val_if_fail (CF_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (referral_received != NULL, NULL);

  received = g_date_time_to_timezone (referral_received, self->england);
  g_return_val_if_fail (received != NULL, NULL);

  due = g_date_new_dmy (g_date_time_get_day_of_month (received),
                        g_date_time_get_month (received),
                        g_date_time_get_year (received));
  cf_calendar_add_working_days (self, due, target_days);

  return due;
}

/**
 * cf_calendar_parse_iso_date:
 * @text: (nullable): text to parse
 * @out: (out caller-allocates) (optional): where to store the date
 *
 * Accepts exactly "YYYY-MM-DD" naming a date that exists: no time, no spaces, no short forms.
 * Use it to check dates typed into settings, such as extra closures. @out is left as it was
 * when @text is not such a date.
 *
 * Returns: whether @text is such a date
 */
gboolean
cf_calendar_parse_iso_date (const char *text,
                            GDate      *out)
{
  guint year;
  guint month;
  guint day;

  if (!cf_date_parse_iso_shape (text, &year, &month, &day))
    return FALSE;

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  if (out != NULL)
    {
      g_date_clear (out, 1);
      g_date_set_dmy (out, day, month, year);
    }

  return TRUE;
}
