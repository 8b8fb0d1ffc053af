/* cf-merge.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "Versions and merge": an operation based on the current version is applied;
 * otherwise each field the server has not changed since the base version takes the new
 * value, and a field changed on both sides to different values is a conflict, which keeps
 * the server value and reports both. No value anyone typed is discarded: everything the
 * server does not take is in the result, for the server to store as a conflict record.
 *
 * The tombstone flag is handled as one more field, "deleted", with its own field version,
 * so that two devices deleting the same record agree rather than conflict.
 *
 * This is a pure function of the state and the operation, so every rule can be tested
 * without a server or a database.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-merge.h"

static const char * const outcome_names[] = { "applied", "merged", "conflict", "rejected" };

const char *
cf_merge_outcome_to_string (CfMergeOutcome outcome)
{
  g_return_val_if_fail (outcome <= CF_MERGE_REJECTED, NULL);

  return outcome_names[outcome];
}

CfMergeState *
cf_merge_state_new (void)
{
  CfMergeState *state = g_new0 (CfMergeState, 1);

  state->values = json_object_new ();
  state->field_versions = json_object_new ();
  state->previous_values = json_object_new ();
  state->previous_versions = json_object_new ();

  return state;
}

static void
copy_member (JsonObject *object,
             const char *name,
             JsonNode   *value,
             gpointer    user_data)
{
  json_object_set_member (user_data, name, json_node_copy (value));
}

static JsonObject *
copy_object (JsonObject *object)
{
  JsonObject *copy = json_object_new ();

  json_object_foreach_member (object, copy_member, copy);

  return copy;
}

CfMergeState *
cf_merge_state_copy (const CfMergeState *state)
{
  CfMergeState *copy;

  g_return_val_if_fail (state != NULL, NULL);

  copy = g_new0 (CfMergeState, 1);
  copy->exists = state->exists;
  copy->version = state->version;
  copy->deleted = state->deleted;
  copy->values = copy_object (state->values);
  copy->field_versions = copy_object (state->field_versions);
  copy->previous_values = copy_object (state->previous_values);
  copy->previous_versions = copy_object (state->previous_versions);

  return copy;
}

void
cf_merge_state_free (CfMergeState *state)
{
  if (state == NULL)
    return;

  g_clear_pointer (&state->values, json_object_unref);
  g_clear_pointer (&state->field_versions, json_object_unref);
  g_clear_pointer (&state->previous_values, json_object_unref);
  g_clear_pointer (&state->previous_versions, json_object_unref);
  g_free (state);
}

/**
 * cf_merge_state_to_json:
 *
 * Returns: (transfer full): the state as one JSON object, for a server store to keep
 */
JsonNode *
cf_merge_state_to_json (const CfMergeState *state)
{
  JsonObject *object;
  JsonNode *node;

  g_return_val_if_fail (state != NULL, NULL);

  object = json_object_new ();
  json_object_set_boolean_member (object, "exists", state->exists);
  json_object_set_int_member (object, "version", state->version);
  json_object_set_boolean_member (object, "deleted", state->deleted);
  json_object_set_object_member (object, "values", copy_object (state->values));
  json_object_set_object_member (object, "field_versions",
                                 copy_object (state->field_versions));
  json_object_set_object_member (object, "previous_values",
                                 copy_object (state->previous_values));
  json_object_set_object_member (object, "previous_versions",
                                 copy_object (state->previous_versions));

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);

  return node;
}

static gboolean
holds_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static gboolean
all_ints (JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_values (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      if (!holds_int (l->data))
        return FALSE;
    }

  return TRUE;
}

/**
 * cf_merge_state_from_json:
 *
 * Reads what cf_merge_state_to_json() wrote.
 *
 * Returns: (transfer full) (nullable): the state, or %NULL with %CF_SYNC_ERROR_MALFORMED
 */
CfMergeState *
cf_merge_state_from_json (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(CfMergeState) state = NULL;
  static const char * const objects[] = {
    "values", "field_versions", "previous_values", "previous_versions",
  };
  JsonObject *object;
  JsonNode *member;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    goto malformed;
  object = json_node_get_object (node);

  state = g_new0 (CfMergeState, 1);

  member = json_object_get_member (object, "version");
  if (!holds_int (member) || json_node_get_int (member) < 0)
    goto malformed;
  state->version = json_node_get_int (member);
  state->exists = json_object_get_boolean_member_with_default (object, "exists", FALSE);
  state->deleted = json_object_get_boolean_member_with_default (object, "deleted", FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      member = json_object_get_member (object, objects[i]);
      if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
        goto malformed;
    }

  state->values = copy_object (json_object_get_object_member (object, "values"));
  state->field_versions = copy_object (json_object_get_object_member (object,
                                                                      "field_versions"));
  state->previous_values = copy_object (json_object_get_object_member (object,
                                                                       "previous_values"));
  state->previous_versions =
    copy_object (json_object_get_object_member (object, "previous_versions"));

  if (!all_ints (state->field_versions) || !all_ints (state->previous_versions))
    goto malformed;

  return g_steal_pointer (&state);

malformed:
  g_set_error_literal (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED,
                       _("The server’s stored record state is damaged."));
  return NULL;
}

/**
 * cf_merge_state_get_field_version:
 *
 * Returns: the record version at which @field last changed, or 0 if it never has
 */
gint64
cf_merge_state_get_field_version (const CfMergeState *state,
                                  const char         *field)
{
  JsonNode *node;

  g_return_val_if_fail (state != NULL, 0);
  g_return_val_if_fail (field != NULL, 0);

  node = json_object_get_member (state->field_versions, field);

  return holds_int (node) ? json_node_get_int (node) : 0;
}

static void
cf_conflict_free (CfConflict *conflict)
{
  g_free (conflict->field);
  g_clear_pointer (&conflict->base_value, json_node_unref);
  g_clear_pointer (&conflict->server_value, json_node_unref);
  g_clear_pointer (&conflict->client_value, json_node_unref);
  g_free (conflict);
}

void
cf_merge_result_free (CfMergeResult *result)
{
  if (result == NULL)
    return;

  g_free (result->reason);
  g_clear_pointer (&result->state, cf_merge_state_free);
  g_clear_pointer (&result->conflicts, g_ptr_array_unref);
  g_free (result);
}

static gboolean
is_deleted_field (const char *field)
{
  return strcmp (field, CF_SYNC_FIELD_DELETED) == 0;
}

/* (transfer full) (nullable): the server's current value of a field. */
static JsonNode *
dup_server_value (const CfMergeState *state,
                  const char         *field)
{
  JsonNode *node;

  if (is_deleted_field (field))
    return json_node_init_boolean (json_node_alloc (), state->deleted);

  node = json_object_get_member (state->values, field);

  return node != NULL ? json_node_copy (node) : NULL;
}

/* (transfer full) (nullable): the field's value at @base, or NULL if it is not known. */
static JsonNode *
dup_base_value (const CfMergeState *state,
                const char         *field,
                gint64              base)
{
  JsonNode *previous_version;
  JsonNode *previous;

  if (cf_merge_state_get_field_version (state, field) <= base)
    return dup_server_value (state, field);

  /* The field changed after the base. If the value it had before that change was set at
   * or before the base, that value is the one the client saw; if it changed more than once
   * since, it is no longer known. */
  previous_version = json_object_get_member (state->previous_versions, field);
  previous = json_object_get_member (state->previous_values, field);
  if (holds_int (previous_version) && json_node_get_int (previous_version) <= base &&
      previous != NULL)
    return json_node_copy (previous);

  return NULL;
}

static gboolean
is_true (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static gboolean
values_equal (JsonNode *a,
              JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return json_node_equal (a, b);
}

static void
set_field (CfMergeState *state,
           const char   *field,
           JsonNode     *value,
           gint64        version)
{
  g_autoptr(JsonNode) old = dup_server_value (state, field);

  json_object_set_member (state->previous_values, field,
                          old != NULL ? g_steal_pointer (&old) : json_node_new (JSON_NODE_NULL));
  json_object_set_int_member (state->previous_versions, field,
                              cf_merge_state_get_field_version (state, field));
  json_object_set_int_member (state->field_versions, field, version);

  if (is_deleted_field (field))
    state->deleted = JSON_NODE_HOLDS_VALUE (value) && json_node_get_boolean (value);
  else
    json_object_set_member (state->values, field, json_node_copy (value));
}

static void
add_conflict (CfMergeResult      *result,
              const CfMergeState *state,
              const char         *field,
              gint64              base,
              JsonNode           *client_value)
{
  CfConflict *conflict = g_new0 (CfConflict, 1);

  conflict->field = g_strdup (field);
  conflict->base_value = dup_base_value (state, field, base);
  conflict->server_value = dup_server_value (state, field);
  conflict->client_value = json_node_copy (client_value);
  g_ptr_array_add (result->conflicts, conflict);
}

/* What the client sends, in one list: its known fields, the fields this program does not
 * know (kept like any other, DESIGN.md), and for a delete the tombstone flag. */
static GPtrArray *
dup_client_fields (const CfSyncOp  *op,
                   JsonObject     **values)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  JsonObject *all = json_object_new ();
  JsonObject *sources[] = { op->unknown_fields, op->fields };

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    json_object_foreach_member (sources[s], copy_member, all);

  if (op->operation == CF_SYNC_OPERATION_DELETE)
    json_object_set_boolean_member (all, CF_SYNC_FIELD_DELETED, TRUE);

  {
    g_autoptr(GList) members = json_object_get_members (all);

    /* Sorted, so that conflicts come out in the same order whatever the JSON order was. */
    members = g_list_sort (members, (GCompareFunc) strcmp);
    for (GList *l = members; l != NULL; l = l->next)
      g_ptr_array_add (names, g_strdup (l->data));
  }

  *values = all;
  return names;
}

/* A client that saw the tombstone and brings the record back says "deleted": false. */
static gboolean
is_restore (const CfMergeState *state,
            JsonObject         *values,
            gint64              base)
{
  JsonNode *deleted = json_object_get_member (values, CF_SYNC_FIELD_DELETED);

  return deleted != NULL && JSON_NODE_HOLDS_VALUE (deleted) &&
         json_node_get_value_type (deleted) == G_TYPE_BOOLEAN &&
         !json_node_get_boolean (deleted) &&
         cf_merge_state_get_field_version (state, CF_SYNC_FIELD_DELETED) <= base;
}

static CfMergeResult *
result_new (const CfMergeState *state)
{
  CfMergeResult *result = g_new0 (CfMergeResult, 1);

  result->state = state != NULL ? cf_merge_state_copy (state) : cf_merge_state_new ();
  result->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_conflict_free);

  return result;
}

static CfMergeResult *
reject (CfMergeResult *result,
        const char    *reason)
{
  /* A rejection changes nothing: drop whatever was begun. */
  g_ptr_array_set_size (result->conflicts, 0);
  result->outcome = CF_MERGE_REJECTED;
  result->reason = g_strdup (reason);
  result->changed = FALSE;

  return result;
}

static CfMergeResult *
merge_create_existing (CfMergeResult      *result,
                       const CfMergeState *state,
                       GPtrArray          *names,
                       JsonObject         *values)
{
  CfMergeState *next = result->state;
  gint64 version = state->version + 1;

  /* The same record pushed again (a retry whose result was lost, or another device that
   * made the same record) is no conflict: nothing a person typed differs. */
  for (guint i = 0; i < names->len; i++)
    {
      const char *field = g_ptr_array_index (names, i);
      JsonNode *client = json_object_get_member (values, field);
      g_autoptr(JsonNode) server = dup_server_value (state, field);

      if (values_equal (server, client))
        continue;

      if (server == NULL)
        {
          set_field (next, field, client, version);
          result->changed = TRUE;
        }
      else
        {
          /* There is no base: the client never saw the server's record. */
          CfConflict *conflict = g_new0 (CfConflict, 1);

          conflict->field = g_strdup (field);
          conflict->server_value = g_steal_pointer (&server);
          conflict->client_value = json_node_copy (client);
          g_ptr_array_add (result->conflicts, conflict);
        }
    }

  /* A create never says "not deleted"; a tombstone under the same id differs all the same. */
  if (state->deleted && !json_object_has_member (values, CF_SYNC_FIELD_DELETED))
    {
      g_autoptr(JsonNode) not_deleted = json_node_init_boolean (json_node_alloc (), FALSE);

      add_conflict (result, state, CF_SYNC_FIELD_DELETED, state->version, not_deleted);
    }

  if (result->changed)
    next->version = version;

  if (result->conflicts->len > 0)
    {
      result->outcome = CF_MERGE_CONFLICT;
      result->reason = g_strdup (_("A record with this id is already on the server, with "
                                   "other values."));
    }
  else
    {
      result->outcome = CF_MERGE_APPLIED;
    }

  return result;
}

/**
 * cf_merge:
 * @state: (nullable): the server's record, or %NULL if the server has never seen it
 * @op: the operation pushed
 *
 * Merges @op into @state by the rules of DESIGN.md ("Versions and merge"):
 *
 * - a create of a new record is applied; of an existing one with the same values, applied
 *   with no change; with other values, a conflict on each field that differs;
 * - an update or delete of a record the server does not have is rejected, as is one based
 *   on a version the server never reached;
 * - based on the current version, applied;
 * - otherwise a field the server has not changed since the base version takes the client's
 *   value (merged); a field changed on both sides to different values is a conflict and
 *   keeps the server value; to the same value is no conflict;
 * - an edit to a deleted record is a conflict and changes nothing, unless it restores the
 *   record ("deleted": false) from a base version that saw the deletion;
 * - a delete of a record changed after the base version is a conflict: the record stays.
 *
 * Returns: (transfer full): the outcome, the state after it and any conflicts
 */
CfMergeResult *
cf_merge (const CfMergeState *state,
          const CfSyncOp     *op)
{
  g_autoptr(CfMergeResult) result = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(JsonObject) values = NULL;
  CfMergeState *next;
  gint64 base;
  gint64 version;
  gboolean deletes;

  g_return_val_if_fail (op != NULL, NULL);

  if (state != NULL && !state->exists)
    state = NULL;

  result = result_new (state);
  next = result->state;
  names = dup_client_fields (op, &values);
  base = op->base_version;

  if (state == NULL)
    {
      if (op->operation != CF_SYNC_OPERATION_CREATE)
        return reject (g_steal_pointer (&result),
                       _("The record is not on the server, so it cannot be changed or "
                         "deleted. It may never have been sent."));

      next->exists = TRUE;
      next->version = 1;
      for (guint i = 0; i < names->len; i++)
        {
          const char *field = g_ptr_array_index (names, i);

          set_field (next, field, json_object_get_member (values, field), next->version);
        }
      result->outcome = CF_MERGE_APPLIED;
      result->changed = TRUE;
      return g_steal_pointer (&result);
    }

  if (op->operation == CF_SYNC_OPERATION_CREATE)
    return merge_create_existing (g_steal_pointer (&result), state, names, values);

  if (base > state->version)
    {
      g_autofree char *base_text = g_strdup_printf ("%" G_GINT64_FORMAT, base);
      g_autofree char *version_text = g_strdup_printf ("%" G_GINT64_FORMAT, state->version);
      g_autofree char *reason =
        g_strdup_printf (/* Translators: %1$s and %2$s are record version numbers. */
                         _("The change is based on version %1$s of the record, but the "
                           "server only has version %2$s."),
                         base_text, version_text);

      return reject (g_steal_pointer (&result), reason);
    }

  /* An edit to a deleted record: taking it into a tombstone would hide it from everyone,
   * so it is all kept in the conflict instead, unless it is a deliberate restore. */
  if (state->deleted && op->operation != CF_SYNC_OPERATION_DELETE &&
      !is_restore (state, values, base))
    {
      g_autoptr(JsonNode) not_deleted = json_node_init_boolean (json_node_alloc (), FALSE);

      add_conflict (result, state, CF_SYNC_FIELD_DELETED, base, not_deleted);
      for (guint i = 0; i < names->len; i++)
        {
          const char *field = g_ptr_array_index (names, i);

          if (!is_deleted_field (field))
            add_conflict (result, state, field, base, json_object_get_member (values, field));
        }
      result->outcome = CF_MERGE_CONFLICT;
      result->reason = g_strdup (_("The record was deleted on the server after this change "
                                   "was made."));
      return g_steal_pointer (&result);
    }

  version = state->version + 1;
  for (guint i = 0; i < names->len; i++)
    {
      const char *field = g_ptr_array_index (names, i);
      JsonNode *client = json_object_get_member (values, field);
      g_autoptr(JsonNode) server = dup_server_value (state, field);

      if (values_equal (server, client))
        continue;

      /* DESIGN.md: a delete never beats an edit it did not see, whether it came as a
       * delete or as an update that sets "deleted". */
      if (is_deleted_field (field) && is_true (client) && base < state->version)
        {
          add_conflict (result, state, field, base, client);
          continue;
        }

      if (cf_merge_state_get_field_version (state, field) <= base)
        {
          set_field (next, field, client, version);
          result->changed = TRUE;
        }
      else
        {
          add_conflict (result, state, field, base, client);
        }
    }

  if (result->changed)
    next->version = version;

  deletes = is_true (json_object_get_member (values, CF_SYNC_FIELD_DELETED));
  if (result->conflicts->len > 0)
    {
      result->outcome = CF_MERGE_CONFLICT;
      if (deletes && !state->deleted && base < state->version)
        result->reason = g_strdup (_("The record was changed on the server after it was "
                                     "deleted here, so it has not been deleted."));
      else
        result->reason = g_strdup (_("Some fields were changed both here and on the server; "
                                     "the server’s values are kept until someone chooses."));
    }
  else if (base == state->version)
    {
      result->outcome = CF_MERGE_APPLIED;
    }
  else
    {
      result->outcome = CF_MERGE_MERGED;
    }

  return g_steal_pointer (&result);
}
