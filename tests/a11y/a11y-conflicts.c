/* a11y-conflicts.c: puts sync conflicts on one carer of a demo profile, for test-a11y-walk.py
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: a11y-conflicts PROFILE CARER_ID, with the passphrase in CAREFIELD_PASSPHRASE.
 *
 * The conflicts dialog, the caseload's "Conflicts" filter and the notice on a carer's page
 * only show something once a sync has reported a conflict, and the a11y tests run without a
 * server. So the conflicts are put in the store the way a sync puts them there, as
 * tests/test-gui-conflicts.c does: the next push's operation for the carer (and for one person
 * they care for) is answered by the server with "conflict" (cf_sync_local_apply_results()).
 * Every other operation is left waiting, as if the push had not got that far.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "cf-profile.h"
#include "cf-sync-local.h"
#include "cf-sync-op.h"

static const char *
text_field (CfSyncOp   *op,
            const char *field)
{
  if (op->fields == NULL || !json_object_has_member (op->fields, field))
    return "";

  return json_object_get_string_member_with_default (op->fields, field, "");
}

static void
add_conflict (JsonBuilder *builder,
              const char  *field,
              JsonNode    *base,
              JsonNode    *server,
              JsonNode    *client)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "field");
  json_builder_add_string_value (builder, field);
  if (base != NULL)
    {
      json_builder_set_member_name (builder, "base");
      json_builder_add_value (builder, base);
    }
  json_builder_set_member_name (builder, "server");
  json_builder_add_value (builder, server);
  json_builder_set_member_name (builder, "client");
  json_builder_add_value (builder, client);
  json_builder_end_object (builder);
}

static JsonNode *
string_node (const char *text)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  return node;
}

static JsonNode *
bool_node (gboolean value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, value);
  return node;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) response = NULL;
  g_autoptr(GError) error = NULL;
  const char *passphrase = g_getenv ("CAREFIELD_PASSPHRASE");
  CfSyncOp *carer_op = NULL;
  CfSyncOp *cared_for_op = NULL;
  guint n_conflicts = 0;

  setlocale (LC_ALL, "");

  if (argc != 3 || passphrase == NULL)
    {
      fprintf (stderr, "Usage: CAREFIELD_PASSPHRASE=… %s PROFILE CARER_ID\n", argv[0]);
      return 2;
    }

  store = cf_profile_unlock (argv[1], passphrase, NULL, &error);
  if (store == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }

  /* One operation per record: enough for every record of a demo caseload. */
  batch = cf_sync_local_next_batch (store, 5000, &error);
  if (batch == NULL)
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }

  for (guint i = 0; i < batch->len; i++)
    {
      CfSyncOp *op = g_ptr_array_index (batch, i);

      if (carer_op == NULL && g_str_equal (op->entity, "carer") &&
          g_str_equal (op->record_id, argv[2]))
        carer_op = op;
      else if (cared_for_op == NULL && g_str_equal (op->entity, "cared_for") &&
               op->fields != NULL &&
               g_str_equal (text_field (op, "carer_id"), argv[2]))
        cared_for_op = op;
    }

  if (carer_op == NULL)
    {
      fprintf (stderr, "%s: nothing of carer %s is waiting to be sent\n", argv[0], argv[2]);
      return 1;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, 1);
  json_builder_set_member_name (builder, "results");
  json_builder_begin_array (builder);

  /* The carer's phone, changed on the server too, and "rural or isolated". */
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "op_id");
  json_builder_add_string_value (builder, carer_op->op_id);
  json_builder_set_member_name (builder, "result");
  json_builder_add_string_value (builder, "conflict");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 2);
  json_builder_set_member_name (builder, "conflicts");
  json_builder_begin_array (builder);
  add_conflict (builder, "phone", NULL, string_node ("01632 960111"),
                string_node (text_field (carer_op, "phone")));
  add_conflict (builder, "rural_isolated", NULL, bool_node (TRUE), bool_node (FALSE));
  n_conflicts += 2;
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  /* A person they care for: their name, changed on both sides. */
  if (cared_for_op != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "op_id");
      json_builder_add_string_value (builder, cared_for_op->op_id);
      json_builder_set_member_name (builder, "result");
      json_builder_add_string_value (builder, "conflict");
      json_builder_set_member_name (builder, "version");
      json_builder_add_int_value (builder, 2);
      json_builder_set_member_name (builder, "conflicts");
      json_builder_begin_array (builder);
      add_conflict (builder, "name", NULL, string_node ("Flo Juniper"),
                    string_node (text_field (cared_for_op, "name")));
      n_conflicts++;
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);
  response = json_builder_get_root (builder);

  if (!cf_sync_local_apply_results (store, batch, response, NULL, &error) ||
      !cf_store_close (store, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 1;
    }

  printf ("%u conflicts on carer %s\n", n_conflicts, argv[2]);
  return 0;
}
