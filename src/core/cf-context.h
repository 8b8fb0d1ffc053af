/* cf-context.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-calendar.h"
#include "cf-clock.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_SETTINGS_SCHEMA "org.carefield.Carefield"

#define CF_TYPE_CONTEXT (cf_context_get_type ())

G_DECLARE_FINAL_TYPE (CfContext, cf_context, CF, CONTEXT, GObject)

CfContext  *cf_context_new                        (CfClock    *clock,
                                                   GSettings  *settings);
CfClock    *cf_context_get_clock                  (CfContext  *self);
CfCalendar *cf_context_get_calendar               (CfContext  *self);
GSettings  *cf_context_get_settings               (CfContext  *self);
guint       cf_context_get_first_contact_days     (CfContext  *self);
CfStore    *cf_context_get_store                  (CfContext  *self);
void        cf_context_set_store                  (CfContext  *self,
                                                   CfStore    *store);
GSettings  *cf_context_dup_default_settings       (void);

G_END_DECLS
