/* cf-record-private.h: what the store needs to load and save records.
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

CfRecord *cf_record_new_for_entity   (GType       type,
                                      const char *id);
void      cf_record_set_sync_columns (CfRecord   *self,
                                      gint64      version,
                                      const char *sync_state,
                                      const char *updated_at,
                                      const char *updated_by,
                                      gboolean    deleted);
void      cf_record_mark_saved       (CfRecord   *self);
gboolean  cf_record_saved_equals     (CfRecord     *self,
                                      int           index,
                                      const GValue *value);
void      cf_record_set_base_version (CfRecord   *self,
                                      gint64      version);
gboolean  cf_record_deleted_changed  (CfRecord   *self);
void      cf_record_mark_changed     (CfRecord   *self,
                                      const char *field);

G_END_DECLS
