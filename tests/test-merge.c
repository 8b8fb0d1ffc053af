/* test-merge.c: the server's field-level merge, rule by rule
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cf-merge.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static CfSyncOp *
make_op (CfSyncOperation  operation,
         gint64           base,
         const char      *fields)
{
  static guint counter;
  g_autofree char *op_id = g_strdup_printf ("op-%u", ++counter);
  CfSyncOp *op = cf_sync_op_new (op_id, "carer", "rec-1", operation, base);

  if (fields != NULL)
    {
      g_autoptr(JsonNode) node = parse (fields);

      json_object_unref (op->fields);
      op->fields = json_node_dup_object (node);
    }

  return op;
}

/* Applies @op and checks it changed the state; returns the new state. */
static CfMergeState *
apply (CfMergeState    *state,
       CfSyncOperation  operation,
       gint64           base,
       const char      *fields)
{
  g_autoptr(CfSyncOp) op = make_op (operation, base, fields);
  g_autoptr(CfMergeResult) result = cf_merge (state, op);

  g_assert_cmpint (result->outcome, ==, CF_MERGE_APPLIED);
  g_assert_true (result->changed);

  return g_steal_pointer (&result->state);
}

/* The server's record for most tests, version 3:
 *   v1 created: given_name "Ada", family_name "Lovelace", phone "1", rural_isolated false
 *   v2 phone "2"
 *   v3 given_name "Ada K"                                                                  */
static CfMergeState *
history (void)
{
  g_autoptr(CfMergeState) v1 = apply (NULL, CF_SYNC_OPERATION_CREATE, 0,
                                      "{\"given_name\": \"Ada\", \"family_name\": \"Lovelace\", "
                                      "\"phone\": \"1\", \"rural_isolated\": false}");
  g_autoptr(CfMergeState) v2 = apply (v1, CF_SYNC_OPERATION_UPDATE, 1, "{\"phone\": \"2\"}");
  CfMergeState *v3 = apply (v2, CF_SYNC_OPERATION_UPDATE, 2, "{\"given_name\": \"Ada K\"}");

  g_assert_cmpint (v3->version, ==, 3);
  return v3;
}

/* The same record deleted at version 4. */
static CfMergeState *
deleted_history (void)
{
  g_autoptr(CfMergeState) v3 = history ();

  return apply (v3, CF_SYNC_OPERATION_DELETE, 3, NULL);
}

typedef struct
{
  const char      *name;
  gboolean         deleted_state;
  CfSyncOperation  operation;
  gint64           base;
  const char      *fields;
  CfMergeOutcome   outcome;
  gboolean         changed;
  gint64           version;
  /* Members the state must have afterwards ("deleted" means the tombstone flag). */
  const char      *expect_values;
  /* [[field, base, server, client], …]: "?" for a base that is not known, null for a field
   * that had no value. */
  const char      *expect_conflicts;
} MergeCase;

static const MergeCase cases[] = {
  { "update based on the current version is applied",
    FALSE, CF_SYNC_OPERATION_UPDATE, 3, "{\"phone\": \"9\"}",
    CF_MERGE_APPLIED, TRUE, 4, "{\"phone\": \"9\", \"given_name\": \"Ada K\"}", "[]" },
  { "update of several fields on the current version",
    FALSE, CF_SYNC_OPERATION_UPDATE, 3,
    "{\"phone\": \"9\", \"given_name\": \"Ada\", \"rural_isolated\": true}",
    CF_MERGE_APPLIED, TRUE, 4,
    "{\"phone\": \"9\", \"given_name\": \"Ada\", \"rural_isolated\": true}", "[]" },
  { "a field the server has not changed since the base takes the new value",
    FALSE, CF_SYNC_OPERATION_UPDATE, 1, "{\"family_name\": \"Byron\"}",
    CF_MERGE_MERGED, TRUE, 4, "{\"family_name\": \"Byron\", \"given_name\": \"Ada K\"}", "[]" },
  { "a field changed at the base itself is not changed since it",
    FALSE, CF_SYNC_OPERATION_UPDATE, 2, "{\"phone\": \"7\"}",
    CF_MERGE_MERGED, TRUE, 4, "{\"phone\": \"7\"}", "[]" },
  { "a field changed on both sides to different values is a conflict",
    FALSE, CF_SYNC_OPERATION_UPDATE, 1, "{\"given_name\": \"Augusta\"}",
    CF_MERGE_CONFLICT, FALSE, 3, "{\"given_name\": \"Ada K\"}",
    "[[\"given_name\", \"Ada\", \"Ada K\", \"Augusta\"]]" },
  { "the same value on both sides is not a conflict",
    FALSE, CF_SYNC_OPERATION_UPDATE, 1, "{\"given_name\": \"Ada K\"}",
    CF_MERGE_MERGED, FALSE, 3, "{\"given_name\": \"Ada K\"}", "[]" },
  { "the fields that can be taken are, beside a conflict",
    FALSE, CF_SYNC_OPERATION_UPDATE, 1,
    "{\"given_name\": \"Augusta\", \"family_name\": \"Byron\", \"phone\": \"2\"}",
    CF_MERGE_CONFLICT, TRUE, 4,
    "{\"given_name\": \"Ada K\", \"family_name\": \"Byron\", \"phone\": \"2\"}",
    "[[\"given_name\", \"Ada\", \"Ada K\", \"Augusta\"]]" },
  { "two conflicts at once, in name order",
    FALSE, CF_SYNC_OPERATION_UPDATE, 1, "{\"phone\": \"3\", \"given_name\": \"Augusta\"}",
    CF_MERGE_CONFLICT, FALSE, 3, "{\"phone\": \"2\", \"given_name\": \"Ada K\"}",
    "[[\"given_name\", \"Ada\", \"Ada K\", \"Augusta\"], [\"phone\", \"1\", \"2\", \"3\"]]" },
  { "the base value is the one before the last change when that was set by the base",
    FALSE, CF_SYNC_OPERATION_UPDATE, 2, "{\"given_name\": \"Augusta\"}",
    CF_MERGE_CONFLICT, FALSE, 3, "{\"given_name\": \"Ada K\"}",
    "[[\"given_name\", \"Ada\", \"Ada K\", \"Augusta\"]]" },
  { "an update from a record never synced conflicts with every field set since",
    FALSE, CF_SYNC_OPERATION_UPDATE, 0, "{\"rural_isolated\": true}",
    CF_MERGE_CONFLICT, FALSE, 3, "{\"rural_isolated\": false}",
    "[[\"rural_isolated\", null, false, true]]" },
  { "a field the server never had is taken",
    FALSE, CF_SYNC_OPERATION_UPDATE, 1, "{\"postcode\": \"TR1 1AA\"}",
    CF_MERGE_MERGED, TRUE, 4, "{\"postcode\": \"TR1 1AA\"}", "[]" },
  { "an update with nothing in it changes nothing",
    FALSE, CF_SYNC_OPERATION_UPDATE, 3, "{}",
    CF_MERGE_APPLIED, FALSE, 3, "{\"phone\": \"2\"}", "[]" },
  { "an update based on a version the server never reached is rejected",
    FALSE, CF_SYNC_OPERATION_UPDATE, 4, "{\"phone\": \"9\"}",
    CF_MERGE_REJECTED, FALSE, 3, "{\"phone\": \"2\"}", "[]" },
  { "a delete based on the current version is applied",
    FALSE, CF_SYNC_OPERATION_DELETE, 3, NULL,
    CF_MERGE_APPLIED, TRUE, 4, "{\"deleted\": true, \"phone\": \"2\"}", "[]" },
  { "a delete with its tombstone flag in the fields",
    FALSE, CF_SYNC_OPERATION_DELETE, 3, "{\"deleted\": true}",
    CF_MERGE_APPLIED, TRUE, 4, "{\"deleted\": true}", "[]" },
  { "a delete of a record changed since the base is a conflict, and the record stays",
    FALSE, CF_SYNC_OPERATION_DELETE, 1, NULL,
    CF_MERGE_CONFLICT, FALSE, 3, "{\"deleted\": false, \"given_name\": \"Ada K\"}",
    "[[\"deleted\", false, false, true]]" },
  { "an update that sets deleted on a record changed since the base is a conflict too",
    FALSE, CF_SYNC_OPERATION_UPDATE, 1, "{\"deleted\": true, \"family_name\": \"Byron\"}",
    CF_MERGE_CONFLICT, TRUE, 4, "{\"deleted\": false, \"family_name\": \"Byron\"}",
    "[[\"deleted\", false, false, true]]" },
  { "an update that sets deleted on the current version deletes",
    FALSE, CF_SYNC_OPERATION_UPDATE, 3, "{\"deleted\": true}",
    CF_MERGE_APPLIED, TRUE, 4, "{\"deleted\": true}", "[]" },
  { "a delete based on a version the server never reached is rejected",
    FALSE, CF_SYNC_OPERATION_DELETE, 9, NULL,
    CF_MERGE_REJECTED, FALSE, 3, "{\"deleted\": false}", "[]" },
  { "a create of an existing record with the same values is applied and changes nothing",
    FALSE, CF_SYNC_OPERATION_CREATE, 0,
    "{\"given_name\": \"Ada K\", \"family_name\": \"Lovelace\", \"phone\": \"2\", "
    "\"rural_isolated\": false}",
    CF_MERGE_APPLIED, FALSE, 3, "{\"given_name\": \"Ada K\"}", "[]" },
  { "a create of an existing record with other values is a conflict with no base",
    FALSE, CF_SYNC_OPERATION_CREATE, 0,
    "{\"given_name\": \"Bob\", \"family_name\": \"Lovelace\", \"phone\": \"2\"}",
    CF_MERGE_CONFLICT, FALSE, 3, "{\"given_name\": \"Ada K\"}",
    "[[\"given_name\", \"?\", \"Ada K\", \"Bob\"]]" },
  { "a create of an existing record takes the fields the server lacks",
    FALSE, CF_SYNC_OPERATION_CREATE, 0, "{\"given_name\": \"Bob\", \"postcode\": \"EX1\"}",
    CF_MERGE_CONFLICT, TRUE, 4, "{\"given_name\": \"Ada K\", \"postcode\": \"EX1\"}",
    "[[\"given_name\", \"?\", \"Ada K\", \"Bob\"]]" },
  { "an edit to a deleted record is a conflict and changes nothing",
    TRUE, CF_SYNC_OPERATION_UPDATE, 3, "{\"phone\": \"5\"}",
    CF_MERGE_CONFLICT, FALSE, 4, "{\"deleted\": true, \"phone\": \"2\"}",
    "[[\"deleted\", false, true, false], [\"phone\", \"2\", \"2\", \"5\"]]" },
  { "an edit to a deleted record is a conflict even from after the delete",
    TRUE, CF_SYNC_OPERATION_UPDATE, 4, "{\"phone\": \"5\"}",
    CF_MERGE_CONFLICT, FALSE, 4, "{\"deleted\": true, \"phone\": \"2\"}",
    "[[\"deleted\", true, true, false], [\"phone\", \"2\", \"2\", \"5\"]]" },
  { "an edit to a deleted record that changes no value is still a conflict",
    TRUE, CF_SYNC_OPERATION_UPDATE, 1, "{\"phone\": \"2\"}",
    CF_MERGE_CONFLICT, FALSE, 4, "{\"deleted\": true}",
    "[[\"deleted\", false, true, false], [\"phone\", \"1\", \"2\", \"2\"]]" },
  { "a restore from a version that saw the delete is applied",
    TRUE, CF_SYNC_OPERATION_UPDATE, 4, "{\"deleted\": false, \"phone\": \"5\"}",
    CF_MERGE_APPLIED, TRUE, 5, "{\"deleted\": false, \"phone\": \"5\"}", "[]" },
  { "a restore from before the delete is a conflict",
    TRUE, CF_SYNC_OPERATION_UPDATE, 2, "{\"deleted\": false}",
    CF_MERGE_CONFLICT, FALSE, 4, "{\"deleted\": true}",
    "[[\"deleted\", false, true, false]]" },
  { "a delete of a deleted record agrees, whatever its base",
    TRUE, CF_SYNC_OPERATION_DELETE, 1, NULL,
    CF_MERGE_MERGED, FALSE, 4, "{\"deleted\": true}", "[]" },
  { "a delete of a deleted record from the current version is applied",
    TRUE, CF_SYNC_OPERATION_DELETE, 4, NULL,
    CF_MERGE_APPLIED, FALSE, 4, "{\"deleted\": true}", "[]" },
  { "a create over a tombstone is a conflict",
    TRUE, CF_SYNC_OPERATION_CREATE, 0,
    "{\"given_name\": \"Ada K\", \"family_name\": \"Lovelace\", \"phone\": \"2\", "
    "\"rural_isolated\": false}",
    CF_MERGE_CONFLICT, FALSE, 4, "{\"deleted\": true}",
    "[[\"deleted\", true, true, false]]" },
};

static void
assert_values (const CfMergeState *state,
               const char         *expected)
{
  g_autoptr(JsonNode) node = parse (expected);
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *want = json_object_get_member (object, name);

      if (strcmp (name, "deleted") == 0)
        {
          g_assert_cmpint (state->deleted, ==, json_node_get_boolean (want));
        }
      else
        {
          JsonNode *have = json_object_get_member (state->values, name);

          g_test_message ("field %s", name);
          g_assert_nonnull (have);
          g_assert_true (json_node_equal (have, want));
        }
    }
}

static void
assert_value_or_null (JsonNode *have,
                      JsonNode *want)
{
  if (JSON_NODE_HOLDS_VALUE (want) && json_node_get_value_type (want) == G_TYPE_STRING &&
      strcmp (json_node_get_string (want), "?") == 0)
    g_assert_null (have);
  else
    {
      g_assert_nonnull (have);
      g_assert_true (json_node_equal (have, want));
    }
}

static void
assert_conflicts (GPtrArray  *conflicts,
                  const char *expected)
{
  g_autoptr(JsonNode) node = parse (expected);
  JsonArray *array = json_node_get_array (node);

  g_assert_cmpuint (conflicts->len, ==, json_array_get_length (array));
  for (guint i = 0; i < conflicts->len; i++)
    {
      CfConflict *conflict = g_ptr_array_index (conflicts, i);
      JsonArray *want = json_array_get_array_element (array, i);

      g_assert_cmpstr (conflict->field, ==, json_array_get_string_element (want, 0));
      assert_value_or_null (conflict->base_value, json_array_get_element (want, 1));
      assert_value_or_null (conflict->server_value, json_array_get_element (want, 2));
      g_assert_true (json_node_equal (conflict->client_value, json_array_get_element (want, 3)));
    }
}

static void
test_case (gconstpointer data)
{
  const MergeCase *c = data;
  g_autoptr(CfMergeState) state = c->deleted_state ? deleted_history () : history ();
  g_autoptr(JsonNode) before = cf_merge_state_to_json (state);
  g_autoptr(JsonNode) after = NULL;
  g_autoptr(CfSyncOp) op = make_op (c->operation, c->base, c->fields);
  g_autoptr(CfMergeResult) result = cf_merge (state, op);
  g_autoptr(JsonNode) result_json = cf_merge_state_to_json (result->state);

  g_assert_cmpstr (cf_merge_outcome_to_string (result->outcome), ==,
                   cf_merge_outcome_to_string (c->outcome));
  g_assert_cmpint (result->changed, ==, c->changed);
  g_assert_cmpint (result->state->version, ==, c->version);
  g_assert_true (result->state->exists);
  assert_values (result->state, c->expect_values);
  assert_conflicts (result->conflicts, c->expect_conflicts);

  /* A conflict or a rejection always says why; an applied change never needs to. */
  if (c->outcome == CF_MERGE_CONFLICT || c->outcome == CF_MERGE_REJECTED)
    {
      g_assert_nonnull (result->reason);
      g_assert_cmpstr (result->reason, !=, "");
    }
  else
    g_assert_null (result->reason);

  /* Unchanged means unchanged, member for member. */
  if (!c->changed)
    g_assert_true (json_node_equal (result_json, before));

  /* The merge is pure: the state it was given is as it was. */
  after = cf_merge_state_to_json (state);
  g_assert_true (json_node_equal (before, after));
}

static void
test_create_new (void)
{
  g_autoptr(CfSyncOp) op = make_op (CF_SYNC_OPERATION_CREATE, 0,
                                    "{\"given_name\": \"Ada\", \"rural_isolated\": true}");
  g_autoptr(CfMergeResult) result = cf_merge (NULL, op);
  g_autoptr(CfMergeState) absent = cf_merge_state_new ();
  g_autoptr(CfMergeResult) again = cf_merge (absent, op);

  g_assert_cmpint (result->outcome, ==, CF_MERGE_APPLIED);
  g_assert_true (result->changed);
  g_assert_true (result->state->exists);
  g_assert_false (result->state->deleted);
  g_assert_cmpint (result->state->version, ==, 1);
  g_assert_cmpint (cf_merge_state_get_field_version (result->state, "given_name"), ==, 1);
  g_assert_cmpint (cf_merge_state_get_field_version (result->state, "phone"), ==, 0);
  g_assert_cmpuint (result->conflicts->len, ==, 0);

  /* A state that says the record does not exist is the same as none. */
  g_assert_cmpint (again->outcome, ==, CF_MERGE_APPLIED);
  g_assert_cmpint (again->state->version, ==, 1);
}

static void
test_missing_record (void)
{
  CfSyncOperation operations[] = { CF_SYNC_OPERATION_UPDATE, CF_SYNC_OPERATION_DELETE };

  for (guint i = 0; i < G_N_ELEMENTS (operations); i++)
    {
      g_autoptr(CfSyncOp) op = make_op (operations[i], 2, "{\"phone\": \"1\"}");
      g_autoptr(CfMergeResult) result = cf_merge (NULL, op);

      g_assert_cmpint (result->outcome, ==, CF_MERGE_REJECTED);
      g_assert_false (result->changed);
      g_assert_false (result->state->exists);
      g_assert_nonnull (strstr (result->reason, "not on the server"));
      g_assert_cmpuint (result->conflicts->len, ==, 0);
    }
}

/* A field changed twice since the base: its value at the base is no longer known. */
static void
test_base_unknown (void)
{
  g_autoptr(CfMergeState) v3 = history ();
  g_autoptr(CfMergeState) v4 = apply (v3, CF_SYNC_OPERATION_UPDATE, 3, "{\"phone\": \"3\"}");
  g_autoptr(CfSyncOp) op = make_op (CF_SYNC_OPERATION_UPDATE, 1, "{\"phone\": \"9\"}");
  g_autoptr(CfMergeResult) result = cf_merge (v4, op);
  g_autoptr(CfSyncOp) later = make_op (CF_SYNC_OPERATION_UPDATE, 2, "{\"phone\": \"9\"}");
  g_autoptr(CfMergeResult) known = cf_merge (v4, later);
  CfConflict *conflict;

  g_assert_cmpint (result->outcome, ==, CF_MERGE_CONFLICT);
  conflict = g_ptr_array_index (result->conflicts, 0);
  g_assert_cmpstr (conflict->field, ==, "phone");
  g_assert_null (conflict->base_value);
  g_assert_cmpstr (json_node_get_string (conflict->server_value), ==, "3");
  g_assert_cmpstr (json_node_get_string (conflict->client_value), ==, "9");

  /* From version 2 it changed once, so the value then is known. */
  conflict = g_ptr_array_index (known->conflicts, 0);
  g_assert_cmpstr (json_node_get_string (conflict->base_value), ==, "2");
}

/* Unknown fields are stored and merged like any other (DESIGN.md: unknown fields are kept). */
static void
test_unknown_fields (void)
{
  g_autoptr(CfMergeState) v3 = history ();
  g_autoptr(CfSyncOp) op = make_op (CF_SYNC_OPERATION_UPDATE, 3, "{\"phone\": \"4\"}");
  g_autoptr(CfMergeResult) result = NULL;
  g_autoptr(CfSyncOp) stale = make_op (CF_SYNC_OPERATION_UPDATE, 3, NULL);
  g_autoptr(CfMergeResult) conflict = NULL;

  json_object_set_member (op->unknown_fields, "future_field", parse ("{\"a\": [1, 2]}"));
  result = cf_merge (v3, op);
  g_assert_cmpint (result->outcome, ==, CF_MERGE_APPLIED);
  g_assert_true (json_object_has_member (result->state->values, "future_field"));
  g_assert_cmpint (cf_merge_state_get_field_version (result->state, "future_field"), ==, 4);

  json_object_set_int_member (stale->unknown_fields, "future_field", 7);
  conflict = cf_merge (result->state, stale);
  g_assert_cmpint (conflict->outcome, ==, CF_MERGE_CONFLICT);
  g_assert_cmpstr (((CfConflict *) conflict->conflicts->pdata[0])->field, ==, "future_field");
}

/* A long run of edits from two devices: versions go up by one per change, never otherwise. */
static void
test_versions (void)
{
  g_autoptr(CfMergeState) state = history ();

  for (int i = 0; i < 20; i++)
    {
      g_autofree char *fields = g_strdup_printf ("{\"phone\": \"%d\"}", i);
      g_autoptr(CfSyncOp) op = make_op (CF_SYNC_OPERATION_UPDATE, state->version - (i % 2),
                                        fields);
      g_autoptr(CfMergeResult) result = cf_merge (state, op);
      gint64 before = state->version;

      /* The stale one conflicts on phone (changed by the one before it), except the first. */
      if (i % 2 == 0)
        g_assert_cmpint (result->outcome, ==, CF_MERGE_APPLIED);
      else
        g_assert_cmpint (result->outcome, ==, CF_MERGE_CONFLICT);

      cf_merge_state_free (state);
      state = g_steal_pointer (&result->state);
      g_assert_cmpint (state->version, ==, before + (i % 2 == 0 ? 1 : 0));
    }
}

static void
test_state_json (void)
{
  g_autoptr(CfMergeState) state = deleted_history ();
  g_autoptr(JsonNode) node = cf_merge_state_to_json (state);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(JsonNode) reparsed = parse (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfMergeState) back = cf_merge_state_from_json (reparsed, &error);
  g_autoptr(JsonNode) again = NULL;
  static const char * const damaged[] = {
    "null", "[]", "{}", "{\"version\": \"3\"}", "{\"version\": -1, \"values\": {}, "
    "\"field_versions\": {}, \"previous_values\": {}, \"previous_versions\": {}}",
    "{\"version\": 1, \"values\": [], \"field_versions\": {}, \"previous_values\": {}, "
    "\"previous_versions\": {}}",
    "{\"version\": 1, \"values\": {}, \"field_versions\": {\"a\": \"1\"}, "
    "\"previous_values\": {}, \"previous_versions\": {}}",
  };

  g_assert_no_error (error);
  g_assert_true (back->deleted);
  g_assert_true (back->exists);
  g_assert_cmpint (back->version, ==, 4);
  again = cf_merge_state_to_json (back);
  g_assert_true (json_node_equal (node, again));

  for (guint i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_autoptr(JsonNode) bad = parse (damaged[i]);
      g_autoptr(CfMergeState) none = cf_merge_state_from_json (bad, &error);

      g_assert_null (none);
      g_assert_error (error, CF_SYNC_ERROR, CF_SYNC_ERROR_MALFORMED);
      g_clear_error (&error);
    }
}

static void
test_outcome_names (void)
{
  g_assert_cmpstr (cf_merge_outcome_to_string (CF_MERGE_APPLIED), ==, "applied");
  g_assert_cmpstr (cf_merge_outcome_to_string (CF_MERGE_MERGED), ==, "merged");
  g_assert_cmpstr (cf_merge_outcome_to_string (CF_MERGE_CONFLICT), ==, "conflict");
  g_assert_cmpstr (cf_merge_outcome_to_string (CF_MERGE_REJECTED), ==, "rejected");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/merge/rule/%02u", i + 1);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/merge/create-new", test_create_new);
  g_test_add_func ("/merge/missing-record", test_missing_record);
  g_test_add_func ("/merge/base-unknown", test_base_unknown);
  g_test_add_func ("/merge/unknown-fields", test_unknown_fields);
  g_test_add_func ("/merge/versions", test_versions);
  g_test_add_func ("/merge/state-json", test_state_json);
  g_test_add_func ("/merge/outcome-names", test_outcome_names);

  return g_test_run ();
}
