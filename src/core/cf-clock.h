/* cf-clock.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CF_TYPE_CLOCK (cf_clock_get_type ())

G_DECLARE_FINAL_TYPE (CfClock, cf_clock, CF, CLOCK, GObject)

CfClock   *cf_clock_new_system   (void);
CfClock   *cf_clock_new_fixed    (GDateTime *now);
GDateTime *cf_clock_now          (CfClock   *self);
void       cf_clock_set_now      (CfClock   *self,
                                  GDateTime *now);
void       cf_clock_today        (CfClock   *self,
                                  GDate     *today);
char      *cf_clock_now_iso8601  (CfClock   *self);

G_END_DECLS
