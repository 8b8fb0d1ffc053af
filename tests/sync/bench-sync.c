/* bench-sync.c: sync at the size of a county service, over loopback
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With N demo carers (20,000 by default, or the first argument) made on a worker's laptop,
 * against the real carefield-server on 127.0.0.1: the worker's first sync (its push, then the
 * pull of its own records back), a coordinator's first pull of everything, then an incremental
 * sync of 100 edited carers each way. Prints times, counts and bytes on the wire (gzip, as
 * sent); asserts nothing beyond the syncs succeeding. Run by `meson test --benchmark`.
 */

#include "cf-demo.h"
#include "cf-test-devices.h"

typedef struct
{
  gint64 started;
  gint64 pull_started;
} Phases;

static void
on_progress (CfSyncClient *client,
             CfSyncPhase   phase,
             guint         done,
             guint         total,
             Phases       *phases)
{
  if (phase == CF_SYNC_PHASE_PULL && phases->pull_started == 0)
    phases->pull_started = g_get_monotonic_time ();
}

static CfSyncSummary *
timed_sync (Device *device,
            Phases *phases)
{
  gulong handler = g_signal_connect (device->client, "progress", G_CALLBACK (on_progress),
                                     phases);
  CfSyncSummary *summary;

  phases->started = g_get_monotonic_time ();
  phases->pull_started = 0;
  summary = device_sync (device);
  g_signal_handler_disconnect (device->client, handler);
  return summary;
}

static double
seconds_since (gint64 since)
{
  return (g_get_monotonic_time () - since) / (double) G_USEC_PER_SEC;
}

static void
report (const char          *what,
        const CfSyncSummary *summary,
        double               seconds)
{
  guint records = summary->pushed + summary->merged + summary->pulled;

  g_print ("%-34s %8.2f s  pushed %6u  pulled %6u  sent %9" G_GUINT64_FORMAT " B  "
           "received %9" G_GUINT64_FORMAT " B  (%.0f B/record)\n",
           what, seconds, summary->pushed + summary->merged, summary->pulled,
           summary->bytes_sent, summary->bytes_received,
           records > 0 ? (double) (summary->bytes_sent + summary->bytes_received) / records : 0);
}

static void
edit_hundred (Device     *device,
              const char *field,
              const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) carers = cf_store_load_records (device->store, CF_TYPE_CARER,
                                                       "deleted = 0 ORDER BY id LIMIT 100",
                                                       NULL, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < carers->len; i++)
    {
      CfRecord *carer = g_ptr_array_index (carers, i);

      cf_record_set_text (carer, field, value);
      g_assert_true (cf_store_save (device->store, &carer, 1, &error));
    }
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 20000;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSyncSummary) summary = NULL;
  Device *worker;
  Device *coord;
  Phases phases;
  gint64 started;
  guint pending = 0;
  guint errors = 0;

  g_autofree char *scratch = g_dir_make_tmp ("carefield-bench-sync-XXXXXX", NULL);

  /* The laptops' folders go in a scratch folder, removed at the end. */
  g_setenv ("XDG_DATA_HOME", scratch, TRUE);
  g_test_init (&argc, &argv, NULL);

  cf_test_server_init_temp (&server);
  cf_test_server_add_user (&server, "w1", "worker", NULL);
  cf_test_server_add_user (&server, "coord", "coordinator", NULL);
  cf_test_server_start (&server);

  worker = device_new ("w1");
  coord = device_new ("coord");

  started = g_get_monotonic_time ();
  g_assert_true (cf_demo_generate (worker->store, n, 20261122, &error));
  g_assert_true (cf_sync_local_count_outbox (worker->store, &pending, &errors, &error));
  g_print ("%u demo carers, %u records to push (made in %.1f s)\n", n, pending,
           seconds_since (started));

  summary = timed_sync (worker, &phases);
  g_print ("%-34s %8.2f s\n", "worker first sync: push",
           (phases.pull_started - phases.started) / (double) G_USEC_PER_SEC);
  g_print ("%-34s %8.2f s\n", "worker first sync: pull own back", seconds_since (phases.pull_started));
  report ("worker first sync, in all", summary, seconds_since (phases.started));
  g_clear_pointer (&summary, cf_sync_summary_free);

  summary = timed_sync (coord, &phases);
  report ("coordinator first pull", summary, seconds_since (phases.started));
  g_clear_pointer (&summary, cf_sync_summary_free);

  edit_hundred (worker, "phone", "01632 960999");
  summary = timed_sync (worker, &phases);
  report ("100 changes up (worker)", summary, seconds_since (phases.started));
  g_clear_pointer (&summary, cf_sync_summary_free);

  summary = timed_sync (coord, &phases);
  report ("100 changes down (coordinator)", summary, seconds_since (phases.started));
  g_clear_pointer (&summary, cf_sync_summary_free);

  summary = timed_sync (coord, &phases);
  report ("nothing to do", summary, seconds_since (phases.started));

  device_free (worker);
  device_free (coord);
  cf_test_server_clear (&server);
  cf_test_remove_tree (scratch);
  return EXIT_SUCCESS;
}
