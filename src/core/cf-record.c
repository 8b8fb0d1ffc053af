/* cf-record.c: the common ground of every synced entity
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every synced table carries the same sync columns (DESIGN.md, "Local store"): id, version,
 * sync_state, updated_at, updated_by and deleted. A subclass declares its own fields once, in a
 * static CfField table; from that table it gets GObject properties (so the GUI can bind
 * widgets to them), change tracking against what was last saved (so the store writes the
 * outbox with exactly the fields that changed), and generic SQL and wire handling.
 */

#include "config.h"

#include <string.h>

#include "cf-record-private.h"

typedef struct
{
  char     *id;
  gint64    version;
  char     *sync_state;
  char     *updated_at;
  char     *updated_by;
  gboolean  deleted;
  gboolean  saved_deleted;
  gboolean  is_new;
  /* Per field: to be written as changed at the next save even if its value is the saved one. */
  gboolean *forced;

  /* Current values and the values as last saved, one per field of the class. */
  GValue   *values;
  GValue   *saved;
  guint     n_values;
} CfRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CfRecord, cf_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_SYNC_STATE,
  PROP_UPDATED_AT,
  PROP_UPDATED_BY,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
field_gtype (CfFieldType type)
{
  switch (type)
    {
    case CF_FIELD_TEXT:
      return G_TYPE_STRING;
    case CF_FIELD_BOOL:
      return G_TYPE_BOOLEAN;
    case CF_FIELD_INT:
      return G_TYPE_INT64;
    default:
      g_assert_not_reached ();
    }
}

static void
init_default (GValue      *value,
              CfFieldType  type)
{
  g_value_init (value, field_gtype (type));
  if (type == CF_FIELD_TEXT)
    g_value_set_static_string (value, "");
}

static void
ensure_values (CfRecord *self)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);
  CfRecordClass *klass = CF_RECORD_GET_CLASS (self);

  if (priv->values != NULL)
    return;

  priv->n_values = klass->n_fields;
  priv->values = g_new0 (GValue, klass->n_fields);
  priv->saved = g_new0 (GValue, klass->n_fields);
  priv->forced = g_new0 (gboolean, klass->n_fields);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      init_default (&priv->values[i], klass->fields[i].type);
      init_default (&priv->saved[i], klass->fields[i].type);
    }
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  g_assert (G_VALUE_TYPE (a) == G_VALUE_TYPE (b));

  switch (G_VALUE_TYPE (a))
    {
    case G_TYPE_STRING:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    case G_TYPE_BOOLEAN:
      return !g_value_get_boolean (a) == !g_value_get_boolean (b);
    case G_TYPE_INT64:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    default:
      g_assert_not_reached ();
    }
}

static void
cf_record_finalize (GObject *object)
{
  CfRecord *self = CF_RECORD (object);
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  for (guint i = 0; i < priv->n_values; i++)
    {
      g_value_unset (&priv->values[i]);
      g_value_unset (&priv->saved[i]);
    }
  g_free (priv->values);
  g_free (priv->saved);
  g_free (priv->forced);
  g_free (priv->id);
  g_free (priv->sync_state);
  g_free (priv->updated_at);
  g_free (priv->updated_by);

  G_OBJECT_CLASS (cf_record_parent_class)->finalize (object);
}

static void
cf_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CfRecord *self = CF_RECORD (object);
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, priv->version);
      break;
    case PROP_SYNC_STATE:
      g_value_set_string (value, priv->sync_state);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;
    case PROP_UPDATED_BY:
      g_value_set_string (value, priv->updated_by);
      break;
    case PROP_DELETED:
      g_value_set_boolean (value, priv->deleted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CfRecord *self = CF_RECORD (object);
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_ID:
      g_free (priv->id);
      priv->id = g_value_dup_string (value);
      if (priv->id == NULL)
        priv->id = g_uuid_string_random ();
      break;
    case PROP_DELETED:
      cf_record_set_deleted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_record_class_init (CfRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_record_finalize;
  object_class->get_property = cf_record_get_property;
  object_class->set_property = cf_record_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYNC_STATE] =
    g_param_spec_string ("sync-state", NULL, NULL, "local",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_BY] =
    g_param_spec_string ("updated-by", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_record_init (CfRecord *self)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  priv->sync_state = g_strdup ("local");
  priv->is_new = TRUE;
}

/* Field properties are installed on the subclass, so GObject dispatches them to these. */
static void
field_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  CfRecord *self = CF_RECORD (object);
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  ensure_values (self);
  g_return_if_fail (prop_id >= 1 && prop_id <= priv->n_values);
  g_value_copy (&priv->values[prop_id - 1], value);
}

static void
field_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  CfRecord *self = CF_RECORD (object);

  cf_record_set_value (self, prop_id - 1, value);
}

/**
 * cf_record_class_set_entity:
 * @klass: a subclass's class
 * @entity: the entity name, which is also the table name
 * @fields: the entity's fields, ending with a { NULL } entry
 *
 * Declares the entity and installs a read-write property for each field.
 */
void
cf_record_class_set_entity (CfRecordClass *klass,
                            const char    *entity,
                            const CfField *fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  guint n = 0;

  g_return_if_fail (CF_IS_RECORD_CLASS (klass));
  g_return_if_fail (entity != NULL);
  g_return_if_fail (fields != NULL);

  while (fields[n].name != NULL)
    n++;

  klass->entity = entity;
  klass->fields = fields;
  klass->n_fields = n;
  klass->field_pspecs = g_new0 (GParamSpec *, n);

  object_class->get_property = field_get_property;
  object_class->set_property = field_set_property;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (fields[i].name), "_", '-');
      const char *interned = g_intern_string (name);
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
      GParamSpec *pspec;

      switch (fields[i].type)
        {
        case CF_FIELD_TEXT:
          pspec = g_param_spec_string (interned, NULL, NULL, "", flags);
          break;
        case CF_FIELD_BOOL:
          pspec = g_param_spec_boolean (interned, NULL, NULL, FALSE, flags);
          break;
        case CF_FIELD_INT:
          pspec = g_param_spec_int64 (interned, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        default:
          g_assert_not_reached ();
        }

      klass->field_pspecs[i] = pspec;
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

const char *
cf_record_get_entity (CfRecord *self)
{
  g_return_val_if_fail (CF_IS_RECORD (self), NULL);

  return CF_RECORD_GET_CLASS (self)->entity;
}

const CfField *
cf_record_get_fields (CfRecord *self,
                      guint    *n_fields)
{
  CfRecordClass *klass;

  g_return_val_if_fail (CF_IS_RECORD (self), NULL);

  klass = CF_RECORD_GET_CLASS (self);
  if (n_fields != NULL)
    *n_fields = klass->n_fields;

  return klass->fields;
}

const char *
cf_record_get_id (CfRecord *self)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_val_if_fail (CF_IS_RECORD (self), NULL);

  return priv->id;
}

gint64
cf_record_get_version (CfRecord *self)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_val_if_fail (CF_IS_RECORD (self), 0);

  return priv->version;
}

const char *
cf_record_get_sync_state (CfRecord *self)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_val_if_fail (CF_IS_RECORD (self), NULL);

  return priv->sync_state;
}

const char *
cf_record_get_updated_at (CfRecord *self)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_val_if_fail (CF_IS_RECORD (self), NULL);

  return priv->updated_at;
}

const char *
cf_record_get_updated_by (CfRecord *self)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_val_if_fail (CF_IS_RECORD (self), NULL);

  return priv->updated_by;
}

gboolean
cf_record_get_deleted (CfRecord *self)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_val_if_fail (CF_IS_RECORD (self), FALSE);

  return priv->deleted;
}

/* Deletion is a tombstone (DESIGN.md, "Deletes"): the row stays, marked deleted. */
void
cf_record_set_deleted (CfRecord *self,
                       gboolean  deleted)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_if_fail (CF_IS_RECORD (self));

  deleted = !!deleted;
  if (priv->deleted == deleted)
    return;

  priv->deleted = deleted;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
}

int
cf_record_find_field (CfRecord   *self,
                      const char *field)
{
  CfRecordClass *klass;

  g_return_val_if_fail (CF_IS_RECORD (self), -1);
  g_return_val_if_fail (field != NULL, -1);

  klass = CF_RECORD_GET_CLASS (self);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      if (strcmp (klass->fields[i].name, field) == 0)
        return i;
    }

  return -1;
}

const GValue *
cf_record_get_value (CfRecord *self,
                     guint     index)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_val_if_fail (CF_IS_RECORD (self), NULL);

  ensure_values (self);
  g_return_val_if_fail (index < priv->n_values, NULL);

  return &priv->values[index];
}

void
cf_record_set_value (CfRecord     *self,
                     guint         index,
                     const GValue *value)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);
  CfRecordClass *klass;
  GValue *slot;

  g_return_if_fail (CF_IS_RECORD (self));
  g_return_if_fail (value != NULL);

  ensure_values (self);
  g_return_if_fail (index < priv->n_values);

  klass = CF_RECORD_GET_CLASS (self);
  slot = &priv->values[index];
  g_return_if_fail (G_VALUE_HOLDS (value, G_VALUE_TYPE (slot)));

  /* Text is never NULL in memory: an empty field is "", so widgets can bind to it. */
  if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) == NULL)
    {
      g_auto(GValue) empty = G_VALUE_INIT;

      g_value_init (&empty, G_TYPE_STRING);
      g_value_set_static_string (&empty, "");
      cf_record_set_value (self, index, &empty);
      return;
    }

  if (values_equal (slot, value))
    return;

  g_value_unset (slot);
  g_value_init (slot, G_VALUE_TYPE (value));
  g_value_copy (value, slot);

  g_object_notify_by_pspec (G_OBJECT (self), klass->field_pspecs[index]);
}

static int
lookup_field (CfRecord    *self,
              const char  *field,
              CfFieldType  type)
{
  int index = cf_record_find_field (self, field);

  if (index < 0)
    {
      g_critical ("%s has no field “%s”", G_OBJECT_TYPE_NAME (self), field);
      return -1;
    }

  if (CF_RECORD_GET_CLASS (self)->fields[index].type != type)
    {
      g_critical ("Field “%s” of %s has another type", field, G_OBJECT_TYPE_NAME (self));
      return -1;
    }

  return index;
}

const char *
cf_record_get_text (CfRecord   *self,
                    const char *field)
{
  int index;

  g_return_val_if_fail (CF_IS_RECORD (self), NULL);

  if ((index = lookup_field (self, field, CF_FIELD_TEXT)) < 0)
    return NULL;

  return g_value_get_string (cf_record_get_value (self, index));
}

void
cf_record_set_text (CfRecord   *self,
                    const char *field,
                    const char *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  int index;

  g_return_if_fail (CF_IS_RECORD (self));

  if ((index = lookup_field (self, field, CF_FIELD_TEXT)) < 0)
    return;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value ? value : "");
  cf_record_set_value (self, index, &gvalue);
}

gboolean
cf_record_get_bool (CfRecord   *self,
                    const char *field)
{
  int index;

  g_return_val_if_fail (CF_IS_RECORD (self), FALSE);

  if ((index = lookup_field (self, field, CF_FIELD_BOOL)) < 0)
    return FALSE;

  return g_value_get_boolean (cf_record_get_value (self, index));
}

void
cf_record_set_bool (CfRecord   *self,
                    const char *field,
                    gboolean    value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  int index;

  g_return_if_fail (CF_IS_RECORD (self));

  if ((index = lookup_field (self, field, CF_FIELD_BOOL)) < 0)
    return;

  g_value_init (&gvalue, G_TYPE_BOOLEAN);
  g_value_set_boolean (&gvalue, !!value);
  cf_record_set_value (self, index, &gvalue);
}

gint64
cf_record_get_int (CfRecord   *self,
                   const char *field)
{
  int index;

  g_return_val_if_fail (CF_IS_RECORD (self), 0);

  if ((index = lookup_field (self, field, CF_FIELD_INT)) < 0)
    return 0;

  return g_value_get_int64 (cf_record_get_value (self, index));
}

void
cf_record_set_int (CfRecord   *self,
                   const char *field,
                   gint64      value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  int index;

  g_return_if_fail (CF_IS_RECORD (self));

  if ((index = lookup_field (self, field, CF_FIELD_INT)) < 0)
    return;

  g_value_init (&gvalue, G_TYPE_INT64);
  g_value_set_int64 (&gvalue, value);
  cf_record_set_value (self, index, &gvalue);
}

/* A record that was never saved: its first save is a creation, carrying every field. */
gboolean
cf_record_is_new (CfRecord *self)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_val_if_fail (CF_IS_RECORD (self), FALSE);

  return priv->is_new;
}

gboolean
cf_record_deleted_changed (CfRecord *self)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  return priv->deleted != priv->saved_deleted;
}

/**
 * cf_record_dup_changed_fields:
 *
 * Returns: (transfer full) (element-type utf8): the names of the fields whose value differs
 *   from the one last saved; every field for a record that was never saved.
 */
GPtrArray *
cf_record_dup_changed_fields (CfRecord *self)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);
  CfRecordClass *klass;
  GPtrArray *changed;

  g_return_val_if_fail (CF_IS_RECORD (self), NULL);

  ensure_values (self);
  klass = CF_RECORD_GET_CLASS (self);
  changed = g_ptr_array_new ();

  for (guint i = 0; i < priv->n_values; i++)
    {
      if (priv->is_new || priv->forced[i] || !values_equal (&priv->values[i], &priv->saved[i]))
        g_ptr_array_add (changed, (gpointer) klass->fields[i].name);
    }

  return changed;
}

gboolean
cf_record_is_dirty (CfRecord *self)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_val_if_fail (CF_IS_RECORD (self), FALSE);

  ensure_values (self);
  if (priv->is_new || priv->deleted != priv->saved_deleted)
    return TRUE;

  for (guint i = 0; i < priv->n_values; i++)
    {
      if (priv->forced[i] || !values_equal (&priv->values[i], &priv->saved[i]))
        return TRUE;
    }

  return FALSE;
}

/**
 * cf_record_mark_changed:
 * @field: a field of the record, or "deleted" for the tombstone flag
 *
 * Has the next save write @field as changed, with an outbox entry, even if its value is the
 * one already saved: resolving a sync conflict with the value this device holds must still
 * send that value to the server, which kept its own.
 */
void
cf_record_mark_changed (CfRecord   *self,
                        const char *field)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);
  int index;

  g_return_if_fail (CF_IS_RECORD (self));
  g_return_if_fail (field != NULL);

  ensure_values (self);

  if (strcmp (field, "deleted") == 0)
    {
      priv->saved_deleted = !priv->deleted;
      return;
    }

  index = cf_record_find_field (self, field);
  g_return_if_fail (index >= 0);
  priv->forced[index] = TRUE;
}

static gboolean
set_str (char       **slot,
         const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;

  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

CfRecord *
cf_record_new_for_entity (GType       type,
                          const char *id)
{
  g_return_val_if_fail (g_type_is_a (type, CF_TYPE_RECORD), NULL);

  return g_object_new (type, "id", id, NULL);
}

void
cf_record_set_sync_columns (CfRecord   *self,
                            gint64      version,
                            const char *sync_state,
                            const char *updated_at,
                            const char *updated_by,
                            gboolean    deleted)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);

  if (priv->version != version)
    {
      priv->version = version;
      g_object_notify_by_pspec (object, properties[PROP_VERSION]);
    }
  if (set_str (&priv->sync_state, sync_state))
    g_object_notify_by_pspec (object, properties[PROP_SYNC_STATE]);
  if (set_str (&priv->updated_at, updated_at))
    g_object_notify_by_pspec (object, properties[PROP_UPDATED_AT]);
  if (set_str (&priv->updated_by, updated_by))
    g_object_notify_by_pspec (object, properties[PROP_UPDATED_BY]);
  cf_record_set_deleted (self, deleted);

  g_object_thaw_notify (object);
}

/* Whether @value is what field @index held when the record was loaded or last saved. */
gboolean
cf_record_saved_equals (CfRecord     *self,
                        int           index,
                        const GValue *value)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_val_if_fail (CF_IS_RECORD (self), FALSE);

  ensure_values (self);
  g_return_val_if_fail (index >= 0 && (guint) index < priv->n_values, FALSE);

  return G_VALUE_TYPE (value) == G_VALUE_TYPE (&priv->saved[index]) &&
         values_equal (&priv->saved[index], value);
}

/* The store moves a record's version on when a save is found to be based on the row as it
 * now is (cf-store.c, current_base). */
void
cf_record_set_base_version (CfRecord *self,
                            gint64    version)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  g_return_if_fail (CF_IS_RECORD (self));

  if (priv->version != version)
    {
      priv->version = version;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
    }
}

/* After a load or a save: what is in memory is what is stored. */
void
cf_record_mark_saved (CfRecord *self)
{
  CfRecordPrivate *priv = cf_record_get_instance_private (self);

  ensure_values (self);
  for (guint i = 0; i < priv->n_values; i++)
    {
      g_value_unset (&priv->saved[i]);
      g_value_init (&priv->saved[i], G_VALUE_TYPE (&priv->values[i]));
      g_value_copy (&priv->values[i], &priv->saved[i]);
      priv->forced[i] = FALSE;
    }
  priv->saved_deleted = priv->deleted;
  priv->is_new = FALSE;
}
