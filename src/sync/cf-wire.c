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

/**
 * cf_wire_carer_to_json:
 * @events: (nullable) (element-type CfCarerEvent): the carer's history
 *
 * Returns: (transfer full): the carer with the people they care for and their history
 */
JsonNode *
cf_wire_carer_to_json (CfCarer   *carer,
                       GPtrArray *events)
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

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
