/* cf-sync-op.h: one pushed operation, and a push batch, as they travel on the wire
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CF_SYNC_ERROR (cf_sync_error_quark ())

typedef enum
{
  /* Not the shape the protocol describes: wrong JSON type, missing member, bad id. */
  CF_SYNC_ERROR_MALFORMED,
  CF_SYNC_ERROR_UNKNOWN_ENTITY,
  /* A known field with a value of the wrong type. */
  CF_SYNC_ERROR_BAD_FIELD,
  /* Over a limit: a text field, a batch, a request body, nesting depth. */
  CF_SYNC_ERROR_TOO_LARGE,
  /* A newer wire format than this program understands. */
  CF_SYNC_ERROR_UNSUPPORTED_FORMAT,
} CfSyncError;

GQuark cf_sync_error_quark (void);

/* Limits on what a client may send (src/sync/README.md, "Limits"). */
#define CF_SYNC_MAX_ID_LENGTH    100
#define CF_SYNC_MAX_TEXT_BYTES   (100 * 1024)
#define CF_SYNC_MAX_OPS          1000
#define CF_SYNC_MAX_JSON_DEPTH   64

typedef enum
{
  CF_SYNC_OPERATION_CREATE,
  CF_SYNC_OPERATION_UPDATE,
  CF_SYNC_OPERATION_DELETE,
} CfSyncOperation;

const char *cf_sync_operation_to_string   (CfSyncOperation  operation);
gboolean    cf_sync_operation_from_string (const char      *text,
                                           CfSyncOperation *operation);

/* The field a create or delete may carry besides the entity's own: the tombstone flag. */
#define CF_SYNC_FIELD_DELETED "deleted"

#define CF_TYPE_SYNC_OP (cf_sync_op_get_type ())

typedef struct
{
  char            *op_id;
  char            *entity;
  char            *record_id;
  CfSyncOperation  operation;
  gint64           base_version;
  /* The entity's fields that changed, by name, each of its field type (and "deleted"). */
  JsonObject      *fields;
  /* Names in "fields" this program does not know: kept as they came, sent on unchanged. */
  JsonObject      *unknown_fields;
  /* Members of the operation this program does not know: kept likewise. */
  JsonObject      *unknown;
} CfSyncOp;

GType     cf_sync_op_get_type  (void) G_GNUC_CONST;
CfSyncOp *cf_sync_op_new       (const char      *op_id,
                                const char      *entity,
                                const char      *record_id,
                                CfSyncOperation  operation,
                                gint64           base_version);
CfSyncOp *cf_sync_op_copy      (const CfSyncOp  *op);
void      cf_sync_op_free      (CfSyncOp        *op);
CfSyncOp *cf_sync_op_from_json (JsonNode        *node,
                                GError         **error);
JsonNode *cf_sync_op_to_json   (const CfSyncOp  *op);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfSyncOp, cf_sync_op_free)

/* An operation of a batch that could not be read: where it was, its op_id when that much
 * could be read (so the result can name it), and why. */
typedef struct
{
  guint   index;
  char   *op_id;
  GError *error;
} CfSyncRejected;

typedef struct
{
  gint64      format;
  char       *device;
  /* (element-type CfSyncOp): the operations that were read, in batch order. */
  GPtrArray  *ops;
  /* (element-type CfSyncRejected): the ones that were not, in batch order. */
  GPtrArray  *rejected;
  JsonObject *unknown;
} CfSyncPush;

void        cf_sync_push_free      (CfSyncPush  *push);
CfSyncPush *cf_sync_push_from_json (JsonNode    *node,
                                    GError     **error);
CfSyncPush *cf_sync_push_parse     (const char  *data,
                                    gssize       length,
                                    GError     **error);
JsonNode   *cf_sync_push_to_json   (const char  *device,
                                    GPtrArray   *ops);

gboolean    cf_sync_json_check     (const char  *data,
                                    gsize        length,
                                    guint        max_depth,
                                    GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfSyncPush, cf_sync_push_free)

G_END_DECLS
