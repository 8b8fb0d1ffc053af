/* cf-server-audit.c: reading the audit trail a laptop sends
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "Local store": the audit trail syncs like data and cannot be edited.
 * src/sync/README.md, "POST /api/v1/audit", is the contract. Unlike a push, an audit batch is
 * all or nothing: an entry the server cannot read refuses the whole request, naming the entry,
 * and the laptop keeps every entry to send again. A trail with holes in it, quietly, would be
 * worse than one that arrives late.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cf-server-audit.h"
#include "cf-sync-local.h"
#include "cf-sync-op.h"

/* The members of an entry, each a string, and where each goes. */
static const struct
{
  const char *name;
  gsize       offset;
} members[] = {
  { "id", G_STRUCT_OFFSET (CfServerAuditEntry, id) },
  { "at", G_STRUCT_OFFSET (CfServerAuditEntry, at) },
  { "user_name", G_STRUCT_OFFSET (CfServerAuditEntry, user_name) },
  { "device_id", G_STRUCT_OFFSET (CfServerAuditEntry, laptop_device) },
  { "action", G_STRUCT_OFFSET (CfServerAuditEntry, action) },
  { "entity", G_STRUCT_OFFSET (CfServerAuditEntry, entity) },
  { "record_id", G_STRUCT_OFFSET (CfServerAuditEntry, record_id) },
  { "detail", G_STRUCT_OFFSET (CfServerAuditEntry, detail) },
};

/* As an op_id (cf-sync-op.c): made on the laptop as a UUID, and safe in a log or a query. */
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

static CfServerAuditEntry *
read_entry (JsonNode  *node,
            guint      index,
            GError   **error)
{
  g_autoptr(CfServerAuditEntry) entry = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                   /* Translators: %u is the place of an entry in the batch, counting from 0 */
                   _("Audit entry %u is not a JSON object. Nothing of this batch was kept."),
                   index);
      return NULL;
    }
  object = json_node_get_object (node);
  entry = g_new0 (CfServerAuditEntry, 1);

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *member = json_object_get_member (object, members[i].name);
      const char *text;

      if (member == NULL)
        {
          g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                       /* Translators: %1$u is the place of an entry in the batch, counting
                        * from 0; %2$s a member name of the sync format, like “record_id” */
                       _("Audit entry %1$u has no “%2$s”. Nothing of this batch was kept."),
                       index, members[i].name);
          return NULL;
        }

      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_STRING)
        {
          g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                       /* Translators: %1$u is the place of an entry in the batch, counting
                        * from 0; %2$s a member name of the sync format, like “record_id” */
                       _("In audit entry %1$u, “%2$s” must be a string. Nothing of this batch "
                         "was kept."),
                       index, members[i].name);
          return NULL;
        }

      text = json_node_get_string (member);
      if (i == 0 && !id_is_valid (text))
        {
          g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                       /* Translators: %1$u is the place of an entry in the batch, counting
                        * from 0; %2$d a number of characters */
                       _("In audit entry %1$u, “id” must be an identifier of 1 to %2$d letters, "
                         "digits, hyphens, underscores, dots or colons. Nothing of this batch "
                         "was kept."),
                       index, CF_SYNC_MAX_ID_LENGTH);
          return NULL;
        }

      /* An entry is a few words: a long text here is a mistake, or a way to fill the disk. */
      if (strlen (text) > CF_SYNC_AUDIT_MAX_TEXT_BYTES)
        {
          g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                       /* Translators: %1$u is the place of an entry in the batch, counting
                        * from 0; %2$s a member name of the sync format, like “detail”; %3$d a
                        * number of bytes */
                       _("In audit entry %1$u, “%2$s” is longer than %3$d bytes. Nothing of "
                         "this batch was kept."),
                       index, members[i].name, CF_SYNC_AUDIT_MAX_TEXT_BYTES);
          return NULL;
        }

      /* json-glib has checked this already; the store must never hold anything else. */
      if (!g_utf8_validate (text, -1, NULL))
        {
          g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                       /* Translators: %1$u is the place of an entry in the batch, counting
                        * from 0; %2$s a member name of the sync format, like “detail” */
                       _("In audit entry %1$u, “%2$s” is not valid UTF-8 text. Nothing of this "
                         "batch was kept."),
                       index, members[i].name);
          return NULL;
        }

      G_STRUCT_MEMBER (char *, entry, members[i].offset) = g_strdup (text);
    }

  return g_steal_pointer (&entry);
}

/**
 * cf_server_audit_parse:
 * @data: the body of `POST /api/v1/audit`, already inflated
 * @length: its length in bytes
 * @user: who sent it
 * @device: from which device
 * @received_at: when it arrived, ISO 8601 UTC
 *
 * Reads an audit batch, `{"format": 1, "entries": […]}`, strictly: the raw text is checked
 * with cf_sync_json_check() first, as a push is. Members of an entry this program does not
 * know are not kept (the trail is not passed on to anyone, so there is no one to keep them
 * for), but they do not refuse the entry.
 *
 * Returns: (transfer container) (element-type CfServerAuditEntry): the entries, each with
 *   who sent it and when it arrived; or %NULL with @error set: %CF_SYNC_ERROR_TOO_LARGE for
 *   more than %CF_SYNC_AUDIT_MAX_ENTRIES entries or JSON nested too deep,
 *   %CF_SYNC_ERROR_UNSUPPORTED_FORMAT for a newer format, %CF_SYNC_ERROR_MALFORMED for
 *   anything else, with the place of the entry at fault in the message
 */
GPtrArray *
cf_server_audit_parse (const char            *data,
                       gsize                  length,
                       const CfServerUser    *user,
                       const CfServerDevice  *device,
                       const char            *received_at,
                       GError               **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  JsonObject *object;
  JsonNode *root;
  JsonNode *member;
  JsonArray *array;
  gint64 format = 0;
  guint n_entries;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (user != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);
  g_return_val_if_fail (received_at != NULL, NULL);

  if (!cf_sync_json_check (data != NULL ? data : "", length, CF_SYNC_MAX_JSON_DEPTH, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, length > 0 ? data : "", length, &local_error))
    {
      /* The parser quotes the input, cut anywhere, even inside a character. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                   /* Translators: %s is the JSON parser's own message. */
                   _("The audit batch is not valid JSON: %s"), reason);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                           _("An audit batch must be a JSON object."));
      return NULL;
    }
  object = json_node_get_object (root);

  member = json_object_get_member (object, "format");
  if (member != NULL && JSON_NODE_HOLDS_VALUE (member) &&
      json_node_get_value_type (member) == G_TYPE_INT64)
    format = json_node_get_int (member);
  if (format < 1)
    {
      g_set_error_literal (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                           _("An audit batch must say its “format” as a whole number."));
      return NULL;
    }
  if (format > 1)
    {
      g_autofree char *sent = g_strdup_printf ("%" G_GINT64_FORMAT, format);

      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_UNSUPPORTED_FORMAT,
                   /* Translators: %1$s is the format number the client sent, %2$d the one
                    * this program understands. */
                   _("The audit batch is in sync format %1$s, but this program understands "
                     "format %2$d. Update Carefield."),
                   sent, 1);
      return NULL;
    }

  member = json_object_get_member (object, "entries");
  if (member == NULL || !JSON_NODE_HOLDS_ARRAY (member))
    {
      g_set_error_literal (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                           _("An audit batch must list its entries in “entries”."));
      return NULL;
    }
  array = json_node_get_array (member);
  n_entries = json_array_get_length (array);
  if (n_entries > CF_SYNC_AUDIT_MAX_ENTRIES)
    {
      g_set_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_TOO_LARGE,
                   /* Translators: %1$u and %2$d are numbers of entries of the audit trail. */
                   _("The audit batch has %1$u entries; send at most %2$d at a time."),
                   n_entries, CF_SYNC_AUDIT_MAX_ENTRIES);
      return NULL;
    }

  entries = g_ptr_array_new_full (n_entries, (GDestroyNotify) cf_server_audit_entry_free);
  for (guint i = 0; i < n_entries; i++)
    {
      CfServerAuditEntry *entry = read_entry (json_array_get_element (array, i), i, error);

      if (entry == NULL)
        return NULL;

      entry->received_at = g_strdup (received_at);
      entry->server_user = g_strdup (user->name);
      entry->device_id = device->id;
      g_ptr_array_add (entries, entry);
    }

  return g_steal_pointer (&entries);
}
