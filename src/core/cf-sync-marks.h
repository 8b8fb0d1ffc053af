/* cf-sync-marks.h: what of one carer's is not yet in step with the server
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-store.h"

G_BEGIN_DECLS

/* A change the server refused, kept in the outbox with its reason (DESIGN.md, "Results"). */
typedef struct
{
  char *entity;
  char *record_id;
  /* The server's reason, in words. */
  char *reason;
} CfRefusedChange;

#define CF_TYPE_REFUSED_CHANGE (cf_refused_change_get_type ())

GType            cf_refused_change_get_type      (void) G_GNUC_CONST;
CfRefusedChange *cf_refused_change_copy          (const CfRefusedChange *change);
void             cf_refused_change_free          (CfRefusedChange       *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfRefusedChange, cf_refused_change_free)

GPtrArray       *cf_sync_marks_list_refused      (CfStore     *store,
                                                  const char  *carer_id,
                                                  GError     **error);
gint             cf_sync_marks_retry_refused     (CfStore     *store,
                                                  const char  *carer_id,
                                                  GError     **error);
gboolean         cf_sync_marks_describe_carer    (CfStore     *store,
                                                  const char  *carer_id,
                                                  char       **name,
                                                  char       **reference,
                                                  GError     **error);
char            *cf_sync_marks_describe_record   (CfStore     *store,
                                                  const char  *entity,
                                                  const char  *record_id,
                                                  GError     **error);

G_END_DECLS
