/* cf-sync-op.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading what a client pushes is the server's first line of defence (DESIGN.md, "Server":
 * nothing a client sends can crash it), so every member is checked for its JSON type, its
 * range and its size before anything else looks at it. What this program does not know is
 * kept rather than refused, so an older server passes a newer client's data on unchanged.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "cf-entities.h"
#include "cf-sync-op.h"

G_DEFINE_QUARK (cf-sync-error-quark, cf_sync_error)

G_DEFINE_BOXED_TYPE (CfSyncOp, cf_sync_op, cf_sync_op_copy, cf_sync_op_free)

/* How much of a string the client sent goes into a message: enough to recognise it. */
#define QUOTE_MAX_CHARS 40

static const char * const operation_names[] = { "create", "update", "delete" };

const char *
cf_sync_operation_to_string (CfSyncOperation operation)
{
  g_return_val_if_fail (operation <= CF_SYNC_OPERATION_DELETE, NULL);

  return operation_names[operation];
}

gboolean
cf_sync_operation_from_string (const char      *text,
                               CfSyncOperation *operation)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (operation_names); i++)
    {
      if (strcmp (text, operation_names[i]) == 0)
        {
          if (operation != NULL)
            *operation = (CfSyncOperation) i;
          return TRUE;
        }
    }

  return FALSE;
}

CfSyncOp *
cf_sync_op_new (const char      *op_id,
                const char      *entity,
                const char      *record_id,
                CfSyncOperation  operation,
                gint64           base_version)
{
  CfSyncOp *op;

  g_return_val_if_fail (op_id != NULL, NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (record_id != NULL, NULL);
  g_return_val_if_fail (operation <= CF_SYNC_OPERATION_DELETE, NULL);

  op = g_new0 (CfSyncOp, 1);
  op->op_id = g_strdup (op_id);
  op->entity = g_strdup (entity);
  op->record_id = g_strdup (record_id);
  op->operation = operation;
  op->base_version = base_version;
  op->fields = json_object_new ();
  op->unknown_fields = json_object_new ();
  op->unknown = json_object_new ();

  return op;
}

static void
copy_member (JsonObject *object,
             const char *name,
             JsonNode   *value,
             gpointer    user_data)
{
  json_object_set_member (user_data, name, json_node_copy (value));
}

/* A new object with the same members. json_node_copy() shares what an array or object
 * value holds rather than copying it, which is safe here as nothing edits nested values. */
static JsonObject *
copy_object (JsonObject *object)
{
  JsonObject *copy = json_object_new ();

  json_object_foreach_member (object, copy_member, copy);

  return copy;
}

CfSyncOp *
cf_sync_op_copy (const CfSyncOp *op)
{
  CfSyncOp *copy;

  g_return_val_if_fail (op != NULL, NULL);

  copy = g_new0 (CfSyncOp, 1);
  copy->op_id = g_strdup (op->op_id);
  copy->entity = g_strdup (op->entity);
  copy->record_id = g_strdup (op->record_id);
  copy->operation = op->operation;
  copy->base_version = op->base_version;
  copy->fields = copy_object (op->fields);
  copy->unknown_fields = copy_object (op->unknown_fields);
  copy->unknown = copy_object (op->unknown);

  return copy;
}

void
cf_sync_op_free (CfSyncOp *op)
{
  if (op == NULL)
    return;

  g_free (op->op_id);
  g_free (op->entity);
  g_free (op->record_id);
  g_clear_pointer (&op->fields, json_object_unref);
  g_clear_pointer (&op->unknown_fields, json_object_unref);
  g_clear_pointer (&op->unknown, json_object_unref);
  g_free (op);
}

/* A client's string, cut short and with anything unprintable escaped, fit for a message. */
static char *
quote (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = text;
  guint n = 0;

  while (*p != '\0' && n < QUOTE_MAX_CHARS)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
        }
      else
        {
          if (g_unichar_isprint (c))
            g_string_append_unichar (out, c);
          else
            g_string_append_printf (out, "\\u%04x", c);
          p = g_utf8_next_char (p);
        }
      n++;
    }

  if (*p != '\0')
    g_string_append (out, "…");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
holds_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
holds_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
holds_bool (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN;
}

/* Ids are made on the device as UUIDs; anything id-like of a sensible size is accepted, so
 * that ids can be written into logs and SQL parameters without surprises. */
static gboolean
id_is_valid (const char *id)
{
  gsize length = strlen (id);

  if (length == 0 || length > CF_SYNC_MAX_ID_LENGTH)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("-_.:", *p) == NULL)
        return FALSE;
    }

  return TRUE;
}

static const char *
read_id (JsonObject  *object,
         const char  *member,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  const char *id;

  if (node == NULL)
    {
      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                   /* Translators: %s is a member name of the sync format, like “op_id”. */
                   _("The operation has no “%s”."), member);
      return NULL;
    }

  if (!holds_string (node) || !id_is_valid ((id = json_node_get_string (node))))
    {
      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                   /* Translators: %1$s is a member name of the sync format, like “op_id”;
                    * %2$d is a number of characters. */
                   _("The operation’s “%1$s” must be an identifier of 1 to %2$d letters, digits "
                     "or hyphens."),
                   member, CF_SYNC_MAX_ID_LENGTH);
      return NULL;
    }

  return id;
}

static gboolean
check_text (JsonNode    *node,
            const char  *field,
            const char  *entity,
            GError     **error)
{
  const char *text = json_node_get_string (node);
  gsize length = strlen (text);

  if (length > CF_SYNC_MAX_TEXT_BYTES)
    {
      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_TOO_LARGE,
                   /* Translators: %1$s is a field name, %2$s an entity name, %3$d a number of
                    * kilobytes. */
                   _("The field “%1$s” of the %2$s is longer than %3$d KB."),
                   field, entity, CF_SYNC_MAX_TEXT_BYTES / 1024);
      return FALSE;
    }

  if (!g_utf8_validate (text, length, NULL))
    {
      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_BAD_FIELD,
                   /* Translators: %1$s is a field name, %2$s an entity name. */
                   _("The field “%1$s” of the %2$s is not valid UTF-8 text."), field, entity);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_field (const CfEntityInfo  *info,
             const char          *name,
             CfFieldType          type,
             JsonNode            *value,
             GError             **error)
{
  const char *wanted;

  switch (type)
    {
    case CF_FIELD_TEXT:
      if (holds_string (value))
        return check_text (value, name, info->entity, error);
      /* Translators: what a field must be, in “The field … must be %s”. */
      wanted = _("text");
      break;
    case CF_FIELD_BOOL:
      if (holds_bool (value))
        return TRUE;
      /* Translators: what a field must be, in “The field … must be %s”. */
      wanted = _("true or false");
      break;
    case CF_FIELD_INT:
      if (holds_int (value))
        return TRUE;
      /* Translators: what a field must be, in “The field … must be %s”. */
      wanted = _("a whole number");
      break;
    default:
      g_assert_not_reached ();
    }

  g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_BAD_FIELD,
               /* Translators: %1$s is a field name, %2$s an entity name, %3$s what the value
                * must be, like “text” or “a whole number”. */
               _("The field “%1$s” of the %2$s must be %3$s."), name, info->entity, wanted);
  return FALSE;
}

/* json-glib 1.6 writes a double without a '.' in its shortest form by adding ".0", so 1e30
 * goes out as "1e+30.0", which no JSON parser reads, its own included. A value this program
 * keeps and passes on must come out readable, so such numbers (and any that are not finite)
 * are refused on the way in rather than corrupting a later pull. */
static gboolean
value_is_portable (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        g_autoptr(GList) values = json_object_get_values (json_node_get_object (node));

        for (GList *l = values; l != NULL; l = l->next)
          {
            if (!value_is_portable (l->data))
              return FALSE;
          }
        return TRUE;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (!value_is_portable (json_array_get_element (array, i)))
              return FALSE;
          }
        return TRUE;
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];
          double value = json_node_get_double (node);

          if (!isfinite (value))
            return FALSE;
          g_ascii_formatd (buffer, sizeof buffer, "%.17g", value);
          return strchr (buffer, '.') != NULL || strpbrk (buffer, "eE") == NULL;
        }
      return TRUE;
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

static gboolean
check_unknown (const char  *name,
               JsonNode    *value,
               GError     **error)
{
  if (value_is_portable (value))
    return TRUE;

  g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_BAD_FIELD,
               /* Translators: %s is the name of a member of the sync format. */
               _("“%s” holds a number that cannot be stored as it was sent; write large "
                 "numbers with a decimal point, like 1.0e30."),
               name);
  return FALSE;
}

typedef struct
{
  const CfEntityInfo *info;
  JsonObject         *fields;
  JsonObject         *unknown_fields;
  GError             *error;
} ReadFields;

static void
read_field (JsonObject  *object,
            const char  *name,
            JsonNode    *value,
            gpointer     user_data)
{
  ReadFields *read = user_data;
  const CfField *field;

  if (read->error != NULL)
    return;

  if (strcmp (name, CF_SYNC_FIELD_DELETED) == 0)
    {
      if (!holds_bool (value))
        {
          g_set_error (&read->error, CF_SYNC_ERROR, CF_SYNC_ERROR_BAD_FIELD,
                       /* Translators: %s is an entity name. “deleted” is a fixed name. */
                       _("The field “deleted” of the %s must be true or false."),
                       read->info->entity);
          return;
        }
      json_object_set_member (read->fields, name, json_node_copy (value));
      return;
    }

  if ((field = cf_entity_info_find_field (read->info, name)) == NULL)
    {
      /* DESIGN.md: unknown fields are kept, so a newer client's data passes through. */
      if (check_unknown (name, value, &read->error))
        json_object_set_member (read->unknown_fields, name, json_node_copy (value));
      return;
    }

  if (!check_field (read->info, name, field->type, value, &read->error))
    return;

  json_object_set_member (read->fields, name, json_node_copy (value));
}

typedef struct
{
  JsonObject *unknown;
  GError     *error;
} KeepUnknown;

static void
keep_unknown_member (JsonObject *object,
                     const char *name,
                     JsonNode   *value,
                     gpointer    user_data)
{
  KeepUnknown *keep = user_data;
  static const char * const known[] = {
    "op_id", "entity", "record_id", "operation", "base_version", "fields",
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      if (strcmp (name, known[i]) == 0)
        return;
    }

  if (keep->error == NULL && check_unknown (name, value, &keep->error))
    json_object_set_member (keep->unknown, name, json_node_copy (value));
}

/**
 * cf_sync_op_from_json:
 * @node: one operation of a push batch
 *
 * Reads and checks an operation: every member of the right JSON type and in range, the
 * entity one this program knows, each known field of its field type and within the size
 * limits. Fields and members it does not know are kept in @unknown_fields and @unknown.
 *
 * Returns: (transfer full) (nullable): the operation, or %NULL with @error set in the
 *   %CF_SYNC_ERROR domain
 */
CfSyncOp *
cf_sync_op_from_json (JsonNode  *node,
                      GError   **error)
{
  g_autoptr(CfSyncOp) op = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *op_id;
  const char *record_id;
  const char *entity;
  const CfEntityInfo *info;
  CfSyncOperation operation;
  ReadFields read = { NULL };

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                           _("An operation must be a JSON object."));
      return NULL;
    }
  object = json_node_get_object (node);

  if ((op_id = read_id (object, "op_id", error)) == NULL)
    return NULL;

  member = json_object_get_member (object, "entity");
  if (!holds_string (member))
    {
      g_set_error_literal (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                           _("The operation’s “entity” must be the name of a kind of record."));
      return NULL;
    }
  entity = json_node_get_string (member);
  if ((info = cf_entities_lookup (entity)) == NULL)
    {
      g_autofree char *quoted = quote (entity);

      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_UNKNOWN_ENTITY,
                   /* Translators: %s is what the client sent as the kind of record. */
                   _("This server does not know records of the kind “%s”."), quoted);
      return NULL;
    }

  if ((record_id = read_id (object, "record_id", error)) == NULL)
    return NULL;

  member = json_object_get_member (object, "operation");
  if (!holds_string (member) ||
      !cf_sync_operation_from_string (json_node_get_string (member), &operation))
    {
      g_set_error_literal (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                           _("The operation’s “operation” must be “create”, “update” or "
                             "“delete”."));
      return NULL;
    }

  member = json_object_get_member (object, "base_version");
  if (!holds_int (member) || json_node_get_int (member) < 0)
    {
      g_set_error_literal (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                           _("The operation’s “base_version” must be a whole number, 0 or "
                             "more."));
      return NULL;
    }

  op = cf_sync_op_new (op_id, info->entity, record_id, operation, json_node_get_int (member));

  member = json_object_get_member (object, "fields");
  if (member == NULL && operation == CF_SYNC_OPERATION_DELETE)
    ;  /* A delete needs no fields: the operation says it all. */
  else if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
    {
      g_set_error_literal (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                           _("The operation’s “fields” must be a JSON object."));
      return NULL;
    }
  else
    {
      read.info = info;
      read.fields = op->fields;
      read.unknown_fields = op->unknown_fields;
      json_object_foreach_member (json_node_get_object (member), read_field, &read);
      if (read.error != NULL)
        {
          g_propagate_error (error, read.error);
          return NULL;
        }
    }

  {
    KeepUnknown keep = { op->unknown, NULL };

    json_object_foreach_member (object, keep_unknown_member, &keep);
    if (keep.error != NULL)
      {
        g_propagate_error (error, keep.error);
        return NULL;
      }
  }

  return g_steal_pointer (&op);
}

/**
 * cf_sync_op_to_json:
 *
 * Returns: (transfer full): the operation as it goes on the wire, with what was unknown
 *   put back where it came from
 */
JsonNode *
cf_sync_op_to_json (const CfSyncOp *op)
{
  JsonObject *object;
  JsonObject *fields;
  JsonNode *node;

  g_return_val_if_fail (op != NULL, NULL);

  object = json_object_new ();
  fields = json_object_new ();

  /* Unknown members first, so that a known one could never be overwritten by them. */
  json_object_foreach_member (op->unknown, copy_member, object);
  json_object_set_string_member (object, "op_id", op->op_id);
  json_object_set_string_member (object, "entity", op->entity);
  json_object_set_string_member (object, "record_id", op->record_id);
  json_object_set_string_member (object, "operation",
                                 cf_sync_operation_to_string (op->operation));
  json_object_set_int_member (object, "base_version", op->base_version);

  json_object_foreach_member (op->unknown_fields, copy_member, fields);
  json_object_foreach_member (op->fields, copy_member, fields);
  json_object_set_object_member (object, "fields", fields);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}

static void
cf_sync_rejected_free (CfSyncRejected *rejected)
{
  g_free (rejected->op_id);
  g_clear_error (&rejected->error);
  g_free (rejected);
}

void
cf_sync_push_free (CfSyncPush *push)
{
  if (push == NULL)
    return;

  g_free (push->device);
  g_clear_pointer (&push->ops, g_ptr_array_unref);
  g_clear_pointer (&push->rejected, g_ptr_array_unref);
  g_clear_pointer (&push->unknown, json_object_unref);
  g_free (push);
}

static void
keep_unknown_envelope_member (JsonObject *object,
                              const char *name,
                              JsonNode   *value,
                              gpointer    user_data)
{
  if (strcmp (name, "format") == 0 || strcmp (name, "device") == 0 ||
      strcmp (name, "ops") == 0)
    return;

  json_object_set_member (user_data, name, json_node_copy (value));
}

/**
 * cf_sync_push_from_json:
 * @node: a push request body
 *
 * Reads a push batch. An operation that cannot be read does not fail the batch
 * (DESIGN.md: a rejected operation never blocks the rest): it goes to @rejected with its
 * error, and the others to @ops. Only an envelope that cannot be read at all fails.
 *
 * Returns: (transfer full) (nullable): the batch, or %NULL with @error set: an envelope
 *   that is not an object or lacks a member is %CF_SYNC_ERROR_MALFORMED, a newer format
 *   %CF_SYNC_ERROR_UNSUPPORTED_FORMAT, more than %CF_SYNC_MAX_OPS operations
 *   %CF_SYNC_ERROR_TOO_LARGE
 */
CfSyncPush *
cf_sync_push_from_json (JsonNode  *node,
                        GError   **error)
{
  g_autoptr(CfSyncPush) push = NULL;
  JsonObject *object;
  JsonNode *member;
  JsonArray *ops;
  const char *device;
  gint64 format;
  guint n_ops;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                           _("A push must be a JSON object."));
      return NULL;
    }
  object = json_node_get_object (node);

  member = json_object_get_member (object, "format");
  if (!holds_int (member) || (format = json_node_get_int (member)) < 1)
    {
      g_set_error_literal (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                           _("A push must say its “format” as a whole number."));
      return NULL;
    }
  if (format > 1)
    {
      g_autofree char *sent = g_strdup_printf ("%" G_GINT64_FORMAT, format);

      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_UNSUPPORTED_FORMAT,
                   /* Translators: %1$s is the format number the client sent, %2$d the one
                    * this program understands. */
                   _("The push is in sync format %1$s, but this program understands format "
                     "%2$d. Update Carefield."),
                   sent, 1);
      return NULL;
    }

  member = json_object_get_member (object, "device");
  if (!holds_string (member) || (device = json_node_get_string (member))[0] == '\0' ||
      strlen (device) > CF_SYNC_MAX_ID_LENGTH || !g_utf8_validate (device, -1, NULL))
    {
      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                   /* Translators: %d is a number of characters. */
                   _("A push must name its “device” in 1 to %d characters."),
                   CF_SYNC_MAX_ID_LENGTH);
      return NULL;
    }

  member = json_object_get_member (object, "ops");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error_literal (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                           _("A push must list its operations in “ops”."));
      return NULL;
    }
  ops = json_node_get_array (member);
  n_ops = json_array_get_length (ops);
  if (n_ops > CF_SYNC_MAX_OPS)
    {
      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_TOO_LARGE,
                   /* Translators: %1$u and %2$d are numbers of operations. */
                   _("The push has %1$u operations; send at most %2$d at a time."),
                   n_ops, CF_SYNC_MAX_OPS);
      return NULL;
    }

  push = g_new0 (CfSyncPush, 1);
  push->format = format;
  push->device = g_strdup (device);
  push->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_sync_op_free);
  push->rejected = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_sync_rejected_free);
  push->unknown = json_object_new ();

  for (guint i = 0; i < n_ops; i++)
    {
      JsonNode *element = json_array_get_element (ops, i);
      g_autoptr(GError) local_error = NULL;
      CfSyncOp *op = cf_sync_op_from_json (element, &local_error);

      if (op != NULL)
        {
          g_ptr_array_add (push->ops, op);
        }
      else
        {
          CfSyncRejected *rejected = g_new0 (CfSyncRejected, 1);

          rejected->index = i;
          rejected->error = g_steal_pointer (&local_error);
          /* The result must name the operation it answers, when it can be named. */
          if (JSON_NODE_HOLDS_OBJECT (element))
            {
              JsonNode *id = json_object_get_member (json_node_get_object (element), "op_id");

              if (holds_string (id) && id_is_valid (json_node_get_string (id)))
                rejected->op_id = g_strdup (json_node_get_string (id));
            }
          g_ptr_array_add (push->rejected, rejected);
        }
    }

  json_object_foreach_member (object, keep_unknown_envelope_member, push->unknown);

  return g_steal_pointer (&push);
}

/* JSON's number grammar, which json-glib's scanner does not keep to: it reads 010 as octal,
 * 0x10 as hex and .5 as a half, and wraps integers past 64 bits (99999999999999999999 is -1).
 * A number that is not JSON, or an integer out of range, must never reach it. */
static gboolean
number_is_valid (const char *token,
                 gsize       length)
{
  gsize i = 0;
  gsize digits_start;
  gsize digits_end;
  gboolean negative = FALSE;
  gboolean integer = TRUE;

  if (i < length && token[i] == '-')
    {
      negative = TRUE;
      i++;
    }

  digits_start = i;
  if (i < length && token[i] == '0')
    i++;
  else if (i < length && token[i] >= '1' && token[i] <= '9')
    while (i < length && g_ascii_isdigit (token[i]))
      i++;
  else
    return FALSE;
  digits_end = i;

  if (i < length && token[i] == '.')
    {
      integer = FALSE;
      if (++i >= length || !g_ascii_isdigit (token[i]))
        return FALSE;
      while (i < length && g_ascii_isdigit (token[i]))
        i++;
    }

  if (i < length && (token[i] == 'e' || token[i] == 'E'))
    {
      integer = FALSE;
      i++;
      if (i < length && (token[i] == '+' || token[i] == '-'))
        i++;
      if (i >= length || !g_ascii_isdigit (token[i]))
        return FALSE;
      while (i < length && g_ascii_isdigit (token[i]))
        i++;
    }

  if (i != length)
    return FALSE;

  if (integer)
    {
      gsize n = digits_end - digits_start;
      const char *limit = negative ? "9223372036854775808" : "9223372036854775807";

      if (n > 19 || (n == 19 && memcmp (token + digits_start, limit, 19) > 0))
        return FALSE;
    }

  return TRUE;
}

static int
hex4 (const char *p)
{
  int value = 0;

  for (int k = 0; k < 4; k++)
    {
      if (!g_ascii_isxdigit (p[k]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[k]);
    }

  return value;
}

/* RFC 8259, section 7: the only escapes are \" \\ \/ \b \f \n \r \t and \uXXXX, a
 * surrogate only as half of a pair. json-glib 1.6 reads others (GScanner's octal \234, for
 * one) into bytes that are not UTF-8, which it would then write back unreadable. @p is at the
 * backslash; @left counts the bytes from there. Returns the escape's length, 0 if invalid. */
static gsize
escape_length (const char *p,
               gsize       left)
{
  int unit, low;

  if (left < 2)
    return 0;
  if (p[1] != '\0' && strchr ("\"\\/bfnrt", p[1]) != NULL)
    return 2;
  if (p[1] != 'u' || left < 6 || (unit = hex4 (p + 2)) < 0)
    return 0;
  if (unit >= 0xDC00 && unit <= 0xDFFF)
    return 0;
  if (unit < 0xD800 || unit > 0xDBFF)
    return 6;

  if (left >= 12 && p[6] == '\\' && p[7] == 'u' && (low = hex4 (p + 8)) >= 0xDC00 &&
      low <= 0xDFFF)
    return 12;

  return 0;
}

/**
 * cf_sync_json_check:
 * @data: JSON text
 * @length: its length in bytes
 * @max_depth: the deepest nesting of arrays and objects allowed
 *
 * Checks raw JSON text for what json-glib 1.6 would get wrong before parsing it:
 *
 * - its parser recurses once per level of nesting, so a few kilobytes of “[[[[…” could
 *   exhaust the stack; records are flat, so a small limit costs nothing;
 * - it ends a string at an escaped nul (\u0000), silently cutting the rest of the value;
 * - it reads numbers JSON does not allow (010, 0x10, .5) and wraps integers past 64 bits.
 *
 * Returns: %TRUE if @data is safe to parse; %FALSE with @error set (%CF_SYNC_ERROR_TOO_LARGE
 *   for nesting, %CF_SYNC_ERROR_MALFORMED otherwise)
 */
gboolean
cf_sync_json_check (const char  *data,
                    gsize        length,
                    guint        max_depth,
                    GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            {
              gsize escape;

              if (length - i >= 6 && memcmp (data + i + 1, "u0000", 5) == 0)
                {
                  g_set_error_literal (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                                       _("The JSON contains a nul character (\\u0000) in a "
                                         "string."));
                  return FALSE;
                }
              escape = escape_length (data + i, length - i);

              if (escape == 0)
                {
                  g_set_error_literal (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                                       _("The JSON has a string with an escape JSON does not "
                                         "allow, or half of a surrogate pair."));
                  return FALSE;
                }
              i += escape - 1;
            }
          else if (c == '"')
            in_string = FALSE;
          else if ((guchar) c < 0x20)
            {
              /* RFC 8259: control characters in a string must be escaped. */
              g_set_error_literal (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                                   _("The JSON has a control character inside a string."));
              return FALSE;
            }
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            {
              g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_TOO_LARGE,
                           /* Translators: %u is a number of levels. */
                           _("The JSON nests arrays or objects more than %u deep."),
                           max_depth);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
      else if (c == '-' || c == '.' || g_ascii_isdigit (c))
        {
          gsize end = i;

          while (end < length && (g_ascii_isalnum (data[end]) || data[end] == '+' ||
                                  data[end] == '-' || data[end] == '.'))
            end++;

          if (!number_is_valid (data + i, end - i))
            {
              g_set_error_literal (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                                   _("The JSON has a number that is not written as JSON "
                                     "allows, or a whole number too large for 64 bits."));
              return FALSE;
            }
          i = end - 1;
        }
    }

  return TRUE;
}

/**
 * cf_sync_push_parse:
 * @data: a push request body, already decompressed
 * @length: its length in bytes, or -1 if it ends with a nul
 *
 * Checks the text with cf_sync_json_check() (nesting at most %CF_SYNC_MAX_JSON_DEPTH), then
 * parses and reads it.
 *
 * Returns: (transfer full) (nullable): as cf_sync_push_from_json(); JSON that does not
 *   parse is %CF_SYNC_ERROR_MALFORMED
 */
CfSyncPush *
cf_sync_push_parse (const char  *data,
                    gssize       length,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);

  if (!cf_sync_json_check (data, length, CF_SYNC_MAX_JSON_DEPTH, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, length > 0 ? data : "", length, &local_error))
    {
      /* The parser quotes the input, cut anywhere, even inside a character. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                   /* Translators: %s is the JSON parser's own message. */
                   _("The push is not valid JSON: %s"), reason);
      return NULL;
    }

  return cf_sync_push_from_json (json_parser_get_root (parser), error);
}

/**
 * cf_sync_push_to_json:
 * @device: the device's name
 * @ops: (element-type CfSyncOp): the operations
 *
 * Returns: (transfer full): a push request body in the current format
 */
JsonNode *
cf_sync_push_to_json (const char *device,
                      GPtrArray  *ops)
{
  JsonObject *object;
  JsonArray *array;
  JsonNode *node;

  g_return_val_if_fail (device != NULL, NULL);
  g_return_val_if_fail (ops != NULL, NULL);

  object = json_object_new ();
  array = json_array_sized_new (ops->len);
  json_object_set_int_member (object, "format", 1);
  json_object_set_string_member (object, "device", device);
  for (guint i = 0; i < ops->len; i++)
    json_array_add_element (array, cf_sync_op_to_json (g_ptr_array_index (ops, i)));
  json_object_set_array_member (object, "ops", array);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}
