/* cf-test-devices.h: laptops for the sync tests: a store, a CfSyncClient signed in to the
 * test server, and ways to compare what they hold
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cf-entities.h"
#include "cf-sync-client.h"
#include "cf-test-server.h"
#include "cf-wire.h"
#include "../cf-test-util.h"

/* The one server of a test program. */
static CfTestServer server;

typedef struct
{
  char         *user;
  char         *dir;
  CfStore      *store;
  CfSyncClient *client;
} Device;

static inline void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static inline GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static inline Device *
device_new_at (const char *user,
               const char *base)
{
  Device *device = g_new0 (Device, 1);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  device->user = g_strdup (user);
  device->dir = cf_test_make_dir (user);
  device->store = cf_test_open_store (device->dir, NULL);
  device->client = cf_sync_client_new (device->store);
  g_assert_cmpint (cf_sync_client_get_state (device->client), ==, CF_SYNC_STATE_SIGNED_OUT);

  cf_sync_client_login_async (device->client, base, user, CF_TEST_SERVER_PASSWORD,
                              user, NULL, got_result, &result);
  g_assert_true (cf_sync_client_login_finish (device->client, wait_for (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_sync_client_get_user (device->client), ==, user);
  g_assert_cmpint (cf_sync_client_get_state (device->client), ==, CF_SYNC_STATE_IDLE);

  return device;
}

static inline Device *
device_new (const char *user)
{
  return device_new_at (user, server.base);
}

static inline void
device_free (Device *device)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&device->client);
  g_assert_true (cf_store_close (device->store, &error));
  g_clear_object (&device->store);
  g_free (device->user);
  g_free (device->dir);
  g_free (device);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Device, device_free)

static inline CfSyncSummary *
device_try_sync (Device  *device,
                 GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  cf_sync_client_sync_async (device->client, NULL, got_result, &result);
  return cf_sync_client_sync_finish (device->client, wait_for (&result), error);
}

static inline CfSyncSummary *
device_sync (Device *device)
{
  g_autoptr(GError) error = NULL;
  CfSyncSummary *summary = device_try_sync (device, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  g_assert_cmpint (cf_sync_client_get_state (device->client), ==, CF_SYNC_STATE_IDLE);
  return summary;
}

/* Syncs every device in turn, until a whole round moves nothing. */
static inline void
sync_until_quiet (Device **devices,
                  guint    n_devices)
{
  for (guint round = 0; round < 6; round++)
    {
      guint moved = 0;

      for (guint i = 0; i < n_devices; i++)
        {
          g_autoptr(CfSyncSummary) summary = device_sync (devices[i]);

          g_assert_cmpuint (summary->conflicts, ==, 0);
          g_assert_cmpuint (summary->errors, ==, 0);
          moved += summary->pushed + summary->merged + summary->pulled + summary->removed;
        }

      if (moved == 0)
        return;
    }

  g_assert_not_reached ();
}

/* Every record of a store, "entity/id" → the record as JSON without its local sync state. */
static inline GHashTable *
snapshot (CfStore *store)
{
  GHashTable *records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) json_node_unref);
  guint n_entities;
  const CfEntityInfo *entities = cf_entities_get_all (&n_entities);

  for (guint e = 0; e < n_entities; e++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = cf_store_load_records (store, entities[e].type, "1 = 1",
                                                         NULL, NULL, &error);

      g_assert_no_error (error);
      for (guint i = 0; i < rows->len; i++)
        {
          CfRecord *record = g_ptr_array_index (rows, i);
          JsonNode *node = cf_wire_record_to_json (record);

          json_object_remove_member (json_node_get_object (node), "sync_state");
          g_hash_table_insert (records,
                               g_strdup_printf ("%s/%s", entities[e].entity,
                                                cf_record_get_id (record)),
                               node);
        }
    }

  return records;
}

/* The carer a record of @records belongs to, following parents (cf-entities). */
static inline const char *
carer_of (GHashTable *records,
          JsonNode   *node)
{
  JsonObject *object = json_node_get_object (node);
  const CfEntityInfo *info = cf_entities_lookup (json_object_get_string_member (object, "entity"));
  g_autofree char *key = NULL;
  JsonNode *parent;

  if (info->parent_field == NULL)
    return json_object_get_string_member (object, "id");

  key = g_strdup_printf ("%s/%s", info->parent_entity,
                         json_object_get_string_member (json_object_get_object_member (object,
                                                                                       "fields"),
                                                        info->parent_field));
  parent = g_hash_table_lookup (records, key);
  g_assert_nonnull (parent);
  return carer_of (records, parent);
}

static inline const char *
worker_of (GHashTable *records,
           JsonNode   *node)
{
  g_autofree char *key = g_strdup_printf ("carer/%s", carer_of (records, node));
  JsonNode *carer = g_hash_table_lookup (records, key);

  return json_object_get_string_member (json_object_get_object_member (json_node_get_object (carer),
                                                                       "fields"),
                                        "worker");
}

/* @device holds exactly the coordinator's records of the carers on its caseload, every
 * field, version and tombstone the same. */
static inline void
assert_converged (Device *coordinator,
                  Device *device)
{
  g_autoptr(GHashTable) all = snapshot (coordinator->store);
  g_autoptr(GHashTable) mine = snapshot (device->store);
  GHashTableIter iter;
  gpointer key, value;
  guint expected = 0;

  g_hash_table_iter_init (&iter, all);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      JsonNode *theirs;

      if (!g_str_equal (worker_of (all, value), device->user))
        {
          g_assert_null (g_hash_table_lookup (mine, key));
          continue;
        }

      expected++;
      theirs = g_hash_table_lookup (mine, key);
      if (theirs == NULL)
        g_error ("%s is missing %s", device->user, (const char *) key);
      if (!json_node_equal (value, theirs))
        {
          g_autofree char *a = json_to_string (value, FALSE);
          g_autofree char *b = json_to_string (theirs, FALSE);

          g_error ("%s differs:\ncoordinator %s\n%s %s", (const char *) key, a, device->user, b);
        }
    }

  g_assert_cmpuint (g_hash_table_size (mine), ==, expected);
}

static inline void
assert_outbox_empty (Device *device)
{
  g_assert_cmpint (cf_test_count (device->store, "outbox", "1 = 1"), ==, 0);
  g_assert_cmpint (cf_test_count (device->store, "sync_conflict", "resolved_at = ''"), ==, 0);
}

static inline CfCarer *
load_carer (Device     *device,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  CfCarer *carer = cf_store_load_carer (device->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (carer);
  return carer;
}

static inline void
edit_carer (Device     *device,
            const char *id,
            const char *field,
            const char *value)
{
  g_autoptr(CfCarer) carer = load_carer (device, id);
  g_autoptr(GError) error = NULL;

  cf_record_set_text (CF_RECORD (carer), field, value);
  g_assert_true (cf_store_save_carer (device->store, carer, &error));
  g_assert_no_error (error);
}

static inline CfRecord *
add_cared_for (Device     *device,
               const char *carer_id,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  CfRecord *record = CF_RECORD (cf_cared_for_new (carer_id));

  cf_record_set_text (record, "name", name);
  g_assert_true (cf_store_save (device->store, &record, 1, &error));
  g_assert_no_error (error);
  return record;
}

static inline CfRecord *
load_one (Device     *device,
          GType       type,
          const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = cf_store_load_records (device->store, type, "id = ?", id, NULL,
                                                     &error);

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  return g_object_ref (g_ptr_array_index (rows, 0));
}

static inline void
save_one (Device   *device,
          CfRecord *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_store_save (device->store, &record, 1, &error));
  g_assert_no_error (error);
}

static inline char *
field_of (Device     *device,
          GType       type,
          const char *id,
          const char *field)
{
  g_autoptr(CfRecord) record = load_one (device, type, id);

  return g_strdup (cf_record_get_text (record, field));
}

