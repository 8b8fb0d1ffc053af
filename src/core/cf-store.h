/* cf-store.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-carer.h"
#include "cf-clock.h"
#include "cf-record.h"

G_BEGIN_DECLS

#define CF_STORE_ERROR (cf_store_error_quark ())

typedef enum
{
  CF_STORE_ERROR_FAILED,
  CF_STORE_ERROR_WRONG_KEY,
  CF_STORE_ERROR_TOO_NEW,
  CF_STORE_ERROR_NOT_ENCRYPTED,
  CF_STORE_ERROR_NOT_FOUND,
} CfStoreError;

/* The schema version this program writes; DESIGN.md: a newer database is refused. */
#define CF_STORE_SCHEMA_VERSION 8

/* Audit actions (DESIGN.md: "who viewed, created, changed, exported or printed"). */
#define CF_AUDIT_VIEW   "view"
#define CF_AUDIT_CREATE "create"
#define CF_AUDIT_CHANGE "change"
#define CF_AUDIT_DELETE "delete"
#define CF_AUDIT_LIST   "list"
#define CF_AUDIT_EXPORT "export"
#define CF_AUDIT_PRINT  "print"
#define CF_AUDIT_UNLOCK "unlock"
/* A pulled page applied to the store: counts only, never personal data. */
#define CF_AUDIT_SYNC   "sync"

/* Roles (DESIGN.md, "Scope"): a coordinator can also return finished assessments. */
#define CF_ROLE_WORKER      "worker"
#define CF_ROLE_COORDINATOR "coordinator"

#define CF_TYPE_STORE (cf_store_get_type ())

G_DECLARE_FINAL_TYPE (CfStore, cf_store, CF, STORE, GObject)

GQuark      cf_store_error_quark       (void);

CfStore    *cf_store_new               (const char   *path,
                                        GBytes       *key,
                                        CfClock      *clock,
                                        GError      **error);
const char *cf_store_get_path          (CfStore      *self);
CfClock    *cf_store_get_clock         (CfStore      *self);
const char *cf_store_get_device_id     (CfStore      *self);
const char *cf_store_get_user_name     (CfStore      *self);
void        cf_store_set_user_name     (CfStore      *self,
                                        const char   *user_name);
const char *cf_store_get_role          (CfStore      *self);
gboolean    cf_store_set_role          (CfStore      *self,
                                        const char   *role,
                                        GError      **error);
int         cf_store_get_schema_version (CfStore     *self);

gboolean    cf_store_save              (CfStore      *self,
                                        CfRecord    **records,
                                        guint         n_records,
                                        GError      **error);
gboolean    cf_store_save_carer        (CfStore      *self,
                                        CfCarer      *carer,
                                        GError      **error);
CfCarer    *cf_store_load_carer        (CfStore      *self,
                                        const char   *id_or_reference,
                                        GError      **error);
GPtrArray  *cf_store_list_events       (CfStore      *self,
                                        const char   *carer_id,
                                        GError      **error);
gboolean    cf_store_audit             (CfStore      *self,
                                        const char   *action,
                                        const char   *entity,
                                        const char   *record_id,
                                        const char   *detail,
                                        GError      **error);
char       *cf_store_dup_carer_id      (CfStore      *self,
                                        const char   *entity,
                                        const char   *record_id,
                                        GError      **error);
gint64      cf_store_count             (CfStore      *self,
                                        const char   *table,
                                        GError      **error);
gboolean    cf_store_close             (CfStore      *self,
                                        GError      **error);

G_END_DECLS
