/* cf-wire.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record on the wire is its sync columns and an object of its fields, keyed by the same
 * names as the store's columns. Field names come from the record's own field table, so a new
 * field travels without any change here.
 */

#include "config.h"

#include <stdlib.h>

#include "cf-wire.h"

static void
add_value (JsonBuilder  *builder,
           const GValue *value)
{
  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_STRING:
      json_builder_add_string_value (builder, g_value_get_string (value));
      break;
    case G_TYPE_BOOLEAN:
      json_builder_add_boolean_value (builder, g_value_get_boolean (value));
      break;
    case G_TYPE_INT64:
      json_builder_add_int_value (builder, g_value_get_int64 (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
build_record (JsonBuilder *builder,
              CfRecord    *record)
{
  guint n_fields;
  const CfField *fields = cf_record_get_fields (record, &n_fields);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "entity");
  json_builder_add_string_value (builder, cf_record_get_entity (record));
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, cf_record_get_id (record));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, cf_record_get_version (record));
  json_builder_set_member_name (builder, "sync_state");
  json_builder_add_string_value (builder, cf_record_get_sync_state (record));
  json_builder_set_member_name (builder, "updated_at");
  json_builder_add_string_value (builder, cf_record_get_updated_at (record));
  json_builder_set_member_name (builder, "updated_by");
  json_builder_add_string_value (builder, cf_record_get_updated_by (record));
  json_builder_set_member_name (builder, "deleted");
  json_builder_add_boolean_value (builder, cf_record_get_deleted (record));

  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_fields; i++)
    {
      json_builder_set_member_name (builder, fields[i].name);
      add_value (builder, cf_record_get_value (record, i));
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);
}

/**
 * cf_wire_record_to_json:
 *
 * Returns: (transfer full): the record as a JSON object
 */
JsonNode *
cf_wire_record_to_json (CfRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (CF_IS_RECORD (record), NULL);

  build_record (builder, record);
  return json_builder_get_root (builder);
}

static const char *
condition_state_id (CfConditionState state)
{
  switch (state)
    {
    case CF_CONDITION_MET:
      return "met";
    case CF_CONDITION_NOT_MET:
      return "not-met";
    case CF_CONDITION_UNANSWERED:
    default:
      return "unanswered";
    }
}

static void
add_strv (JsonBuilder *builder,
          const char  *name,
          GStrv        strv)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

static void
build_eligibility (JsonBuilder   *builder,
                   CfEligibility *eligibility)
{
  static const char * const condition_ids[CF_N_CONDITIONS] = {
    "necessary-care", "health-or-outcomes", "wellbeing",
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "proposed");
  json_builder_add_string_value (builder, cf_eligibility_get_decision_id (eligibility));
  json_builder_set_member_name (builder, "transition");
  json_builder_add_boolean_value (builder, cf_eligibility_is_transition (eligibility));
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, cf_eligibility_get_summary (eligibility));

  json_builder_set_member_name (builder, "conditions");
  json_builder_begin_array (builder);
  for (CfCondition c = 0; c < CF_N_CONDITIONS; c++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "condition");
      json_builder_add_string_value (builder, condition_ids[c]);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder,
                                     condition_state_id (cf_eligibility_get_condition (eligibility,
                                                                                       c)));
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, cf_eligibility_get_reason (eligibility, c));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_strv (builder, "unable_outcomes", cf_eligibility_get_unable_outcomes (eligibility));
  add_strv (builder, "missing", cf_eligibility_get_missing_keys (eligibility));
  json_builder_end_object (builder);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
build_assessment (JsonBuilder  *builder,
                  CfAssessment *assessment)
{
  GHashTable *answers = cf_assessment_get_answers (assessment);
  g_autofree gpointer *keys = NULL;
  g_autoptr(CfEligibility) eligibility = cf_assessment_evaluate (assessment);
  guint n_keys;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "assessment");
  build_record (builder, CF_RECORD (assessment));

  /* Sorted, so the same answers always print the same way. */
  keys = g_hash_table_get_keys_as_array (answers, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_keys);
  json_builder_set_member_name (builder, "answers");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_keys; i++)
    {
      json_builder_set_member_name (builder, keys[i]);
      json_builder_add_string_value (builder, g_hash_table_lookup (answers, keys[i]));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "eligibility");
  build_eligibility (builder, eligibility);
  json_builder_end_object (builder);
}

/**
 * cf_wire_assessment_to_json:
 *
 * Returns: (transfer full): the assessment record, its answers by question, and the
 *   eligibility the rules propose from them, with the reasons
 */
JsonNode *
cf_wire_assessment_to_json (CfAssessment *assessment)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (CF_IS_ASSESSMENT (assessment), NULL);

  build_assessment (builder, assessment);
  return json_builder_get_root (builder);
}

/**
 * cf_wire_carer_to_json:
 * @events: (nullable) (element-type CfCarerEvent): the carer's history
 * @assessments: (nullable) (element-type CfAssessment): the carer's assessments, with answers
 *
 * Returns: (transfer full): the carer with the people they care for, their history and their
 *   assessments
 */
JsonNode *
cf_wire_carer_to_json (CfCarer   *carer,
                       GPtrArray *events,
                       GPtrArray *assessments)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *cared_for;
  guint n;

  g_return_val_if_fail (CF_IS_CARER (carer), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, CF_WIRE_FORMAT_VERSION);

  json_builder_set_member_name (builder, "carer");
  build_record (builder, CF_RECORD (carer));

  json_builder_set_member_name (builder, "cared_for");
  json_builder_begin_array (builder);
  cared_for = cf_carer_get_cared_for (carer);
  n = g_list_model_get_n_items (cared_for);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfRecord) person = g_list_model_get_item (cared_for, i);

      build_record (builder, person);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "events");
  json_builder_begin_array (builder);
  for (guint i = 0; events != NULL && i < events->len; i++)
    build_record (builder, g_ptr_array_index (events, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "assessments");
  json_builder_begin_array (builder);
  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    build_assessment (builder, g_ptr_array_index (assessments, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
