/* cf-calendar.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CF_TYPE_CALENDAR (cf_calendar_get_type ())

G_DECLARE_FINAL_TYPE (CfCalendar, cf_calendar, CF, CALENDAR, GObject)

CfCalendar *cf_calendar_new                  (const char * const *extra_closures);
gboolean    cf_calendar_is_bank_holiday      (CfCalendar         *self,
                                              const GDate        *date);
gboolean    cf_calendar_is_working_day       (CfCalendar         *self,
                                              const GDate        *date);
void        cf_calendar_add_working_days     (CfCalendar         *self,
                                              GDate              *date,
                                              guint               n_days);
guint       cf_calendar_working_days_between (CfCalendar         *self,
                                              const GDate        *from,
                                              const GDate        *to);
GDate      *cf_calendar_first_contact_due    (CfCalendar         *self,
                                              GDateTime          *referral_received,
                                              guint               target_days);
gboolean    cf_calendar_parse_iso_date       (const char         *text,
                                              GDate              *out);

G_END_DECLS
