/* test-sync-auto.c: syncing by itself, when the network comes back
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "When": on GNetworkMonitor::network-changed, after a short settle, a reachability
 * check to the server, then a sync; failures back off exponentially with jitter. The laptop
 * here listens to a network monitor the test controls, against the real server.
 */

#include "cf-test-devices.h"

/* A network monitor whose network the test switches on and off. */
G_DECLARE_FINAL_TYPE (FakeMonitor, fake_monitor, FAKE, MONITOR, GObject)

struct _FakeMonitor
{
  GObject  parent_instance;
  gboolean available;
  gboolean reachable;
  guint    reach_checks;
};

static void fake_monitor_iface_init (GNetworkMonitorInterface *iface);
static void fake_monitor_initable_init (GInitableIface *iface);

G_DEFINE_TYPE_WITH_CODE (FakeMonitor, fake_monitor, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, fake_monitor_initable_init)
                         G_IMPLEMENT_INTERFACE (G_TYPE_NETWORK_MONITOR, fake_monitor_iface_init))

static gboolean
fake_monitor_initable_init_fn (GInitable     *initable,
                               GCancellable  *cancellable,
                               GError       **error)
{
  return TRUE;
}

static void
fake_monitor_initable_init (GInitableIface *iface)
{
  iface->init = fake_monitor_initable_init_fn;
}

enum {
  PROP_0,
  PROP_AVAILABLE,
  PROP_METERED,
  PROP_CONNECTIVITY,
};

static void
fake_monitor_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FakeMonitor *self = (FakeMonitor *) object;

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    case PROP_METERED:
      g_value_set_boolean (value, FALSE);
      break;
    case PROP_CONNECTIVITY:
      g_value_set_enum (value, self->available ? G_NETWORK_CONNECTIVITY_FULL
                                               : G_NETWORK_CONNECTIVITY_LOCAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
fake_monitor_can_reach (GNetworkMonitor     *monitor,
                        GSocketConnectable  *connectable,
                        GCancellable        *cancellable,
                        GError             **error)
{
  FakeMonitor *self = (FakeMonitor *) monitor;

  self->reach_checks++;
  if (self->available && self->reachable)
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE, "Host unreachable");
  return FALSE;
}

static void
fake_monitor_can_reach_async (GNetworkMonitor     *monitor,
                              GSocketConnectable  *connectable,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (monitor, cancellable, callback, user_data);
  GError *error = NULL;

  if (fake_monitor_can_reach (monitor, connectable, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
fake_monitor_can_reach_finish (GNetworkMonitor  *monitor,
                               GAsyncResult     *result,
                               GError          **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
fake_monitor_iface_init (GNetworkMonitorInterface *iface)
{
  iface->can_reach = fake_monitor_can_reach;
  iface->can_reach_async = fake_monitor_can_reach_async;
  iface->can_reach_finish = fake_monitor_can_reach_finish;
}

static void
fake_monitor_class_init (FakeMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = fake_monitor_get_property;
  g_object_class_override_property (object_class, PROP_AVAILABLE, "network-available");
  g_object_class_override_property (object_class, PROP_METERED, "network-metered");
  g_object_class_override_property (object_class, PROP_CONNECTIVITY, "connectivity");
}

static void
fake_monitor_init (FakeMonitor *self)
{
}

static void
fake_monitor_set (FakeMonitor *self,
                  gboolean     available,
                  gboolean     reachable)
{
  self->available = available;
  self->reachable = reachable;
  g_object_notify (G_OBJECT (self), "network-available");
  g_signal_emit_by_name (self, "network-changed", available);
}

static gboolean
spin_until_state (Device      *device,
                  CfSyncState  state,
                  guint        timeout_ms)
{
  gint64 until = g_get_monotonic_time () + timeout_ms * 1000;

  while (cf_sync_client_get_state (device->client) != state &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE), g_usleep (5000);

  return cf_sync_client_get_state (device->client) == state;
}

/* Out of signal: offline, since when, and edits wait. The network comes back, but the server
 * cannot be reached yet: still offline. Then it can: the laptop syncs by itself. */
static void
test_network_comes_back (void)
{
  g_autoptr(Device) laptop = device_new ("w1");
  g_autoptr(FakeMonitor) monitor = g_object_new (fake_monitor_get_type (), NULL);
  g_autoptr(CfCarer) carer = NULL;
  GDateTime *since;

  cf_sync_client_set_network_monitor (laptop->client, G_NETWORK_MONITOR (monitor));
  cf_sync_client_set_automatic (laptop->client, TRUE);
  g_assert_cmpint (cf_sync_client_get_state (laptop->client), ==, CF_SYNC_STATE_OFFLINE);
  since = cf_sync_client_get_offline_since (laptop->client);
  g_assert_nonnull (since);
  g_assert_nonnull (strstr (cf_sync_client_get_message (laptop->client), "no network"));

  carer = cf_test_save_carer (laptop->store, "given_name", "Nell", "family_name", "Nettle",
                              NULL);
  cf_sync_client_refresh_waiting (laptop->client);
  g_assert_cmpuint (cf_sync_client_get_waiting (laptop->client), ==, 1);

  /* A network, but not to the server (a hotel's sign-in page, say). */
  fake_monitor_set (monitor, TRUE, FALSE);
  g_assert_false (spin_until_state (laptop, CF_SYNC_STATE_IDLE, 3500));
  g_assert_cmpuint (monitor->reach_checks, ==, 1);
  g_assert_cmpint (cf_sync_client_get_state (laptop->client), ==, CF_SYNC_STATE_OFFLINE);
  g_assert_true (cf_sync_client_get_offline_since (laptop->client) == since);

  /* The network settles and the server answers. */
  fake_monitor_set (monitor, TRUE, TRUE);
  g_assert_true (spin_until_state (laptop, CF_SYNC_STATE_IDLE, 10000));
  g_assert_cmpuint (monitor->reach_checks, ==, 2);
  g_assert_nonnull (cf_sync_client_get_last_synced (laptop->client));
  g_assert_null (cf_sync_client_get_offline_since (laptop->client));
  g_assert_cmpuint (cf_sync_client_get_waiting (laptop->client), ==, 0);
  assert_outbox_empty (laptop);

  /* Turned off, it no longer listens. */
  cf_sync_client_set_automatic (laptop->client, FALSE);
  fake_monitor_set (monitor, FALSE, FALSE);
  g_assert_cmpint (cf_sync_client_get_state (laptop->client), ==, CF_SYNC_STATE_IDLE);
}

/* Each failure waits twice as long as the one before, from 15 s up to 30 min, always between
 * half and one and a half times that. */
static void
test_backoff (void)
{
  const guint base_s[] = { 15, 30, 60, 120, 240, 480, 960, 1800, 1800, 1800 };

  for (guint failures = 1; failures <= G_N_ELEMENTS (base_s); failures++)
    {
      guint base_ms = base_s[failures - 1] * 1000;

      g_assert_cmpuint (cf_sync_backoff_delay_ms (failures, 0.0), ==, base_ms / 2);
      g_assert_cmpuint (cf_sync_backoff_delay_ms (failures, 0.5), ==, base_ms);
      g_assert_cmpuint (cf_sync_backoff_delay_ms (failures, 0.999999), <=, base_ms * 3 / 2);
      g_assert_cmpuint (cf_sync_backoff_delay_ms (failures, 0.999999), >, base_ms * 3 / 2 - 10);
    }

  /* Fifty laptops failing together spread out. */
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

    for (guint i = 0; i < 50; i++)
      g_hash_table_add (seen, GUINT_TO_POINTER (cf_sync_backoff_delay_ms (3,
                                                                          g_random_double ())));
    g_assert_cmpuint (g_hash_table_size (seen), >, 40);
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cf_test_server_init_temp (&server);
  cf_test_server_add_user (&server, "w1", "worker", NULL);
  cf_test_server_start (&server);

  g_test_add_func ("/sync-auto/network-comes-back", test_network_comes_back);
  g_test_add_func ("/sync-auto/backoff", test_backoff);

  status = g_test_run ();
  cf_test_server_clear (&server);
  return status;
}
