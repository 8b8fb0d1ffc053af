/* cf-dates.h: dates as people type them and as the store keeps them
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean cf_date_parse_iso_shape (const char *text,
                                  guint      *year,
                                  guint      *month,
                                  guint      *day);

gboolean cf_date_read_iso      (const char  *text,
                                GDate       *date);
char    *cf_date_write_iso     (const GDate *date);

char *cf_date_from_user        (const char *text);
char *cf_date_to_user          (const char *stored);
char *cf_datetime_from_user    (const char *text);
char *cf_datetime_to_user      (const char *stored);
char *cf_validate_received_at  (const char *stored,
                                GDateTime  *now);

G_END_DECLS
