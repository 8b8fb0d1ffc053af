/* cf-record.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CF_FIELD_TEXT,
  CF_FIELD_BOOL,
  CF_FIELD_INT,
} CfFieldType;

/* One synced field of an entity: the column name in the store, the key on the wire, and
 * (with '_' written as '-') the GObject property name. Tables end with a { NULL } entry. */
typedef struct
{
  const char  *name;
  CfFieldType  type;
} CfField;

#define CF_TYPE_RECORD (cf_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (CfRecord, cf_record, CF, RECORD, GObject)

struct _CfRecordClass
{
  GObjectClass parent_class;

  /* The entity (and table) name, and the entity's own fields. Set by the subclass in
   * class_init through cf_record_class_set_entity(). */
  const char    *entity;
  const CfField *fields;
  guint          n_fields;
  GParamSpec   **field_pspecs;

  gpointer padding[8];
};

void           cf_record_class_set_entity   (CfRecordClass *klass,
                                             const char    *entity,
                                             const CfField *fields);

const char    *cf_record_get_entity         (CfRecord      *self);
const CfField *cf_record_get_fields         (CfRecord      *self,
                                             guint         *n_fields);

const char    *cf_record_get_id             (CfRecord      *self);
gint64         cf_record_get_version        (CfRecord      *self);
const char    *cf_record_get_sync_state     (CfRecord      *self);
const char    *cf_record_get_updated_at     (CfRecord      *self);
const char    *cf_record_get_updated_by     (CfRecord      *self);
gboolean       cf_record_get_deleted        (CfRecord      *self);
void           cf_record_set_deleted        (CfRecord      *self,
                                             gboolean       deleted);

const char    *cf_record_get_text           (CfRecord      *self,
                                             const char    *field);
void           cf_record_set_text           (CfRecord      *self,
                                             const char    *field,
                                             const char    *value);
gboolean       cf_record_get_bool           (CfRecord      *self,
                                             const char    *field);
void           cf_record_set_bool           (CfRecord      *self,
                                             const char    *field,
                                             gboolean       value);
gint64         cf_record_get_int            (CfRecord      *self,
                                             const char    *field);
void           cf_record_set_int            (CfRecord      *self,
                                             const char    *field,
                                             gint64         value);

const GValue  *cf_record_get_value          (CfRecord      *self,
                                             guint          index);
void           cf_record_set_value          (CfRecord      *self,
                                             guint          index,
                                             const GValue  *value);
int            cf_record_find_field         (CfRecord      *self,
                                             const char    *field);

gboolean       cf_record_is_new             (CfRecord      *self);
gboolean       cf_record_is_dirty           (CfRecord      *self);
GPtrArray     *cf_record_dup_changed_fields (CfRecord      *self);

G_END_DECLS
