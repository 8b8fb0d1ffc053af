/* test-sync-faults.c: syncing through a network that breaks, to a server that falls over
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "Tests": the connection cut in the middle of a push response and of a pull page,
 * the server killed and restarted during a push, 5xx answers and timeouts. A small proxy in
 * this file stands between the laptop and the real server and does the damage; after each,
 * the next sync must leave nothing lost, nothing duplicated and the cursor sane.
 */

#include "cf-test-devices.h"

/* What the proxy does to the next request whose first line contains @trigger. */
typedef enum
{
  FAULT_NONE,
  /* Forward it, then pass only the first @cut_after bytes of the answer and hang up. */
  FAULT_CUT,
  /* Answer 503 without forwarding it. */
  FAULT_503,
  /* Never answer. */
  FAULT_HANG,
  /* Forward it, and kill the server (SIGKILL) while it is taking it in. */
  FAULT_KILL,
  /* Answer 200 with JSON nested 200,000 deep, as a hostile "server" might. */
  FAULT_DEEP,
} Fault;

typedef struct
{
  GSocketService *service;
  char           *base;
  guint16         upstream_port;

  GMutex          lock;
  Fault           fault;
  char           *trigger;
  gsize           cut_after;
  /* Matching requests to let through before the fault. */
  guint           skip;
} Proxy;

static Proxy proxy;

typedef struct
{
  GSocketConnection *client;
  GSocketConnection *upstream;
  /* Bytes of the answer still to pass before hanging up; G_MAXSIZE when not cutting. */
  gsize              cut_remaining;
  gboolean           hang;
  GMutex             lock;
} Link;

static void
link_shutdown (Link *link)
{
  g_socket_shutdown (g_socket_connection_get_socket (link->client), TRUE, TRUE, NULL);
  if (link->upstream != NULL)
    g_socket_shutdown (g_socket_connection_get_socket (link->upstream), TRUE, TRUE, NULL);
}

/* Decides, under the proxy's lock, what happens to a chunk the laptop sent. */
static Fault
take_fault (const char *data,
            gsize       length)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&proxy.lock);
  Fault fault = proxy.fault;

  if (fault == FAULT_NONE || g_strstr_len (data, length, proxy.trigger) == NULL)
    return FAULT_NONE;

  if (proxy.skip > 0)
    {
      proxy.skip--;
      return FAULT_NONE;
    }

  proxy.fault = FAULT_NONE;
  return fault;
}

/* The server to the laptop, passing at most cut_remaining bytes once a cut is armed. */
static gpointer
pump_answers (gpointer data)
{
  Link *link = data;
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (link->upstream));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (link->client));
  char buffer[16384];

  for (;;)
    {
      gssize n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL);
      gsize pass;

      if (n <= 0)
        break;

      g_mutex_lock (&link->lock);
      pass = MIN ((gsize) n, link->cut_remaining);
      if (link->cut_remaining != G_MAXSIZE)
        link->cut_remaining -= pass;
      g_mutex_unlock (&link->lock);

      if (pass > 0 && !g_output_stream_write_all (out, buffer, pass, NULL, NULL, NULL))
        break;
      if (pass < (gsize) n || link->cut_remaining == 0)
        break;
    }

  link_shutdown (link);
  return NULL;
}

static gboolean
on_run (GThreadedSocketService *service,
        GSocketConnection      *connection,
        GObject                *source,
        gpointer                user_data)
{
  g_autoptr(GSocketClient) connector = g_socket_client_new ();
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out;
  g_autoptr(GThread) answers = NULL;
  Link link = { .client = connection, .cut_remaining = G_MAXSIZE };
  char buffer[16384];

  g_mutex_init (&link.lock);
  link.upstream = g_socket_client_connect_to_host (connector, "127.0.0.1", proxy.upstream_port,
                                                   NULL, NULL);
  if (link.upstream == NULL)
    {
      g_mutex_clear (&link.lock);
      return TRUE;
    }

  out = g_io_stream_get_output_stream (G_IO_STREAM (link.upstream));
  answers = g_thread_new ("proxy-answers", pump_answers, &link);

  /* The laptop to the server, looking at each chunk for the request to break. */
  for (;;)
    {
      gssize n = g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL);

      if (n <= 0)
        break;

      if (link.hang)
        continue;

      switch (take_fault (buffer, n))
        {
        case FAULT_CUT:
          g_mutex_lock (&link.lock);
          link.cut_remaining = proxy.cut_after;
          g_mutex_unlock (&link.lock);
          break;

        case FAULT_503:
          {
            static const char answer[] = "HTTP/1.1 503 Service Unavailable\r\n"
                                         "Content-Length: 0\r\nConnection: close\r\n\r\n";

            g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                       answer, strlen (answer), NULL, NULL, NULL);
            /* Read what is left of the request rather than hang up on it: closing with unread
             * data resets the connection, and the laptop might see the reset before the
             * answer. It closes once it has the answer. */
            link.hang = TRUE;
            continue;
          }

        case FAULT_HANG:
          link.hang = TRUE;
          continue;

        case FAULT_DEEP:
          {
            const gsize depth = 200000;
            g_autoptr(GString) answer = g_string_new (NULL);

            g_string_append_printf (answer, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                    "Content-Length: %" G_GSIZE_FORMAT "\r\n"
                                    "Connection: close\r\n\r\n", 2 * depth);
            for (gsize i = 0; i < depth; i++)
              g_string_append_c (answer, '[');
            for (gsize i = 0; i < depth; i++)
              g_string_append_c (answer, ']');
            g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                       answer->str, answer->len, NULL, NULL, NULL);
            link.hang = TRUE;
            continue;
          }

        case FAULT_KILL:
          g_output_stream_write_all (out, buffer, n, NULL, NULL, NULL);
          g_usleep (20 * 1000);
          cf_test_server_stop (&server, TRUE);
          link_shutdown (&link);
          goto done;

        case FAULT_NONE:
        default:
          break;
        }

      if (!g_output_stream_write_all (out, buffer, n, NULL, NULL, NULL))
        break;
    }

done:
  link_shutdown (&link);
  g_thread_join (g_steal_pointer (&answers));
  g_io_stream_close (G_IO_STREAM (link.upstream), NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  g_clear_object (&link.upstream);
  g_mutex_clear (&link.lock);
  return TRUE;
}

static void
proxy_start (void)
{
  g_autoptr(GError) error = NULL;
  guint16 port;

  g_mutex_init (&proxy.lock);
  proxy.upstream_port = server.port;
  proxy.service = g_threaded_socket_service_new (32);
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (proxy.service), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (proxy.service, "run", G_CALLBACK (on_run), NULL);
  g_socket_service_start (proxy.service);
  proxy.base = g_strdup_printf ("http://127.0.0.1:%u", port);
}

static void
proxy_arm (Fault       fault,
           const char *trigger,
           gsize       cut_after)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&proxy.lock);

  proxy.fault = fault;
  proxy.skip = 0;
  g_free (proxy.trigger);
  proxy.trigger = g_strdup (trigger);
  proxy.cut_after = cut_after;
}

static void
proxy_assert_fired (void)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&proxy.lock);

  g_assert_cmpint (proxy.fault, ==, FAULT_NONE);
}

static void
add_carers (Device *device,
            guint   n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *given = g_strdup_printf ("Given%u", i);
      g_autoptr(CfCarer) carer = cf_test_save_carer (device->store, "given_name", given,
                                                     "family_name", device->user, NULL);
    }
}

/* Every carer the coordinator holds is at version @version: nothing was applied twice. */
static void
assert_versions (Device     *coordinator,
                 const char *family,
                 guint       expected,
                 gint64      version)
{
  g_autofree char *all = g_strdup_printf ("family_name = '%s'", family);
  g_autofree char *at = g_strdup_printf ("family_name = '%s' AND version = %" G_GINT64_FORMAT,
                                         family, version);

  g_assert_cmpint (cf_test_count (coordinator->store, "carer", all), ==, expected);
  g_assert_cmpint (cf_test_count (coordinator->store, "carer", at), ==, expected);
}

static void
assert_fails (Device      *device,
              int          code,
              CfSyncState  state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSyncSummary) summary = device_try_sync (device, &error);

  g_assert_null (summary);
  g_assert_error (error, CF_SYNC_CLIENT_ERROR, code);
  g_assert_cmpint (cf_sync_client_get_state (device->client), ==, state);
  g_assert_cmpstr (cf_sync_client_get_message (device->client), ==, error->message);
}

/* The answer to a push is lost after the server applied it: the retry sends the same
 * operations, which the server recognises, so nothing is applied twice. */
static void
test_push_answer_cut (void)
{
  g_autoptr(Device) laptop = device_new_at ("w1", proxy.base);
  g_autoptr(Device) coord = device_new ("coord");
  g_autoptr(CfSyncSummary) summary = NULL;

  add_carers (laptop, 30);
  proxy_arm (FAULT_CUT, "POST /api/v1/push", 40);
  assert_fails (laptop, CF_SYNC_CLIENT_ERROR_OFFLINE, CF_SYNC_STATE_OFFLINE);
  proxy_assert_fired ();
  g_assert_nonnull (cf_sync_client_get_offline_since (laptop->client));
  g_assert_cmpint (cf_test_count (laptop->store, "outbox", "1 = 1"), ==, 30);

  /* The server had applied them all. */
  summary = device_sync (coord);
  assert_versions (coord, "w1", 30, 1);

  g_clear_pointer (&summary, cf_sync_summary_free);
  summary = device_sync (laptop);
  g_assert_cmpuint (summary->pushed, ==, 30);
  g_assert_cmpuint (summary->conflicts + summary->errors + summary->merged, ==, 0);
  g_assert_null (cf_sync_client_get_offline_since (laptop->client));
  assert_outbox_empty (laptop);

  g_clear_pointer (&summary, cf_sync_summary_free);
  summary = device_sync (coord);
  assert_versions (coord, "w1", 30, 1);
  assert_converged (coord, laptop);
}

/* A pull page cut half way: nothing of it is applied, the cursor stays, and the next sync
 * takes every record exactly once. */
static void
test_pull_page_cut (void)
{
  g_autoptr(Device) w2 = device_new ("w2");
  g_autoptr(Device) laptop = NULL;
  g_autoptr(CfSyncSummary) summary = NULL;
  g_autofree char *cursor = NULL;
  g_autoptr(GError) error = NULL;

  add_carers (w2, 40);
  summary = device_sync (w2);
  g_assert_cmpuint (summary->pushed, ==, 40);

  laptop = device_new_at ("w2", proxy.base);
  proxy_arm (FAULT_CUT, "GET /api/v1/changes", 300);
  assert_fails (laptop, CF_SYNC_CLIENT_ERROR_OFFLINE, CF_SYNC_STATE_OFFLINE);
  proxy_assert_fired ();
  cursor = cf_sync_local_dup_cursor (laptop->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cursor, ==, "");
  g_assert_cmpint (cf_test_count (laptop->store, "carer", "1 = 1"), ==, 0);

  g_clear_pointer (&summary, cf_sync_summary_free);
  summary = device_sync (laptop);
  g_assert_cmpuint (summary->pulled, ==, 40);
  g_clear_pointer (&cursor, g_free);
  cursor = cf_sync_local_dup_cursor (laptop->store, &error);
  g_assert_cmpstr (cursor, !=, "");

  g_clear_pointer (&summary, cf_sync_summary_free);
  summary = device_sync (laptop);
  g_assert_cmpuint (summary->pulled, ==, 0);
  assert_converged (w2, laptop);
}

/* A 503, then a server that never answers: each is an error in words, and the next sync
 * recovers everything. */
static void
test_server_errors_and_timeouts (void)
{
  g_autoptr(Device) laptop = device_new_at ("w1", proxy.base);
  g_autoptr(Device) coord = device_new ("coord");
  g_autoptr(CfSyncSummary) summary = NULL;
  gint64 started;

  add_carers (laptop, 5);
  proxy_arm (FAULT_503, "POST /api/v1/push", 0);
  assert_fails (laptop, CF_SYNC_CLIENT_ERROR_SERVER, CF_SYNC_STATE_ERROR);
  g_assert_nonnull (strstr (cf_sync_client_get_message (laptop->client), "503"));
  g_assert_cmpint (cf_test_count (laptop->store, "outbox", "1 = 1"), ==, 5);

  /* Something that is not the server answers with JSON deep enough to overflow a recursive
   * parser: an error in words, not a crash. */
  proxy_arm (FAULT_DEEP, "POST /api/v1/push", 0);
  assert_fails (laptop, CF_SYNC_CLIENT_ERROR_SERVER, CF_SYNC_STATE_ERROR);
  proxy_assert_fired ();

  cf_sync_client_set_timeout (laptop->client, 1);
  proxy_arm (FAULT_HANG, "POST /api/v1/push", 0);
  started = g_get_monotonic_time ();
  assert_fails (laptop, CF_SYNC_CLIENT_ERROR_OFFLINE, CF_SYNC_STATE_OFFLINE);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 10 * G_USEC_PER_SEC);
  proxy_assert_fired ();

  summary = device_sync (laptop);
  g_assert_cmpuint (summary->pushed + summary->merged, ==, 5);
  g_assert_cmpuint (summary->errors + summary->conflicts, ==, 0);
  assert_outbox_empty (laptop);

  g_clear_pointer (&summary, cf_sync_summary_free);
  summary = device_sync (coord);
  assert_converged (coord, laptop);
}

/* The server dies (SIGKILL) in the middle of a push of several batches and comes back: the
 * batches it committed stay, the one it was writing is gone whole, and the next sync sends
 * what is missing. */
static void
test_server_killed_during_push (void)
{
  g_autoptr(Device) laptop = device_new_at ("w2", proxy.base);
  g_autoptr(CfSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Device) coord = NULL;
  guint pending = 0;
  guint errors = 0;

  g_assert_true (cf_demo_generate (laptop->store, 400, 7, &error));
  g_assert_no_error (error);
  g_assert_true (cf_sync_local_count_outbox (laptop->store, &pending, &errors, &error));
  g_assert_cmpuint (pending, >, 2 * CF_SYNC_MAX_OPS);

  /* The first batch goes through; the server dies taking in the second. */
  proxy_arm (FAULT_KILL, "POST /api/v1/push", 0);
  proxy.skip = 1;
  assert_fails (laptop, CF_SYNC_CLIENT_ERROR_OFFLINE, CF_SYNC_STATE_OFFLINE);
  proxy_assert_fired ();
  g_assert_true (cf_sync_local_count_outbox (laptop->store, &pending, &errors, &error));
  g_assert_cmpuint (pending, >, 0);

  cf_test_server_start (&server);
  summary = device_sync (laptop);
  g_assert_cmpuint (summary->errors + summary->conflicts, ==, 0);
  assert_outbox_empty (laptop);

  coord = device_new ("coord");
  g_clear_pointer (&summary, cf_sync_summary_free);
  summary = device_sync (coord);
  assert_converged (coord, laptop);
  g_assert_cmpint (cf_test_count (laptop->store, "carer", "version = 1"), >=, 400);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cf_test_server_init_temp (&server);
  cf_test_server_add_user (&server, "w1", "worker", NULL);
  cf_test_server_add_user (&server, "w2", "worker", NULL);
  cf_test_server_add_user (&server, "coord", "coordinator", NULL);
  cf_test_server_start (&server);
  proxy_start ();

  g_test_add_func ("/sync-faults/push-answer-cut", test_push_answer_cut);
  g_test_add_func ("/sync-faults/pull-page-cut", test_pull_page_cut);
  g_test_add_func ("/sync-faults/server-errors-and-timeouts", test_server_errors_and_timeouts);
  g_test_add_func ("/sync-faults/server-killed-during-push", test_server_killed_during_push);

  status = g_test_run ();
  g_socket_service_stop (proxy.service);
  g_clear_object (&proxy.service);
  cf_test_server_clear (&server);
  return status;
}
