/* test-sync-load.c: fifty laptops syncing at once with one server
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "Tests": 50 simulated devices sync at the same time, for a bounded number of
 * rounds, while they and a coordinator go on changing records. No sync may fail, no change
 * may be lost, and at the end every laptop holds exactly the coordinator's records of its
 * caseload.
 */

#include "cf-test-devices.h"

#define N_DEVICES      50
#define CARERS_EACH    8

typedef struct
{
  guint  running;
  guint  failed;
  guint  pushed;
  guint  merged;
  guint  conflicts;
  guint  errors;
} Round;

static void
sync_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Round *round = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSyncSummary) summary =
    cf_sync_client_sync_finish (CF_SYNC_CLIENT (source), result, &error);

  if (summary == NULL)
    {
      g_test_message ("a sync failed: %s", error->message);
      round->failed++;
    }
  else
    {
      round->pushed += summary->pushed;
      round->merged += summary->merged;
      round->conflicts += summary->conflicts;
      round->errors += summary->errors;
    }

  round->running--;
}

/* Starts a sync on every device at once and waits for all of them. */
static Round
sync_all_at_once (Device **devices,
                  guint    n_devices)
{
  Round round = { 0 };

  for (guint i = 0; i < n_devices; i++)
    {
      round.running++;
      cf_sync_client_sync_async (devices[i]->client, NULL, sync_done, &round);
    }

  while (round.running > 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (round.failed, ==, 0);
  g_assert_cmpuint (round.errors, ==, 0);
  g_assert_cmpuint (round.conflicts, ==, 0);
  return round;
}

static GPtrArray *
carers_of (Device *device)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *carers = cf_store_load_records (device->store, CF_TYPE_CARER, "deleted = 0",
                                             NULL, NULL, &error);

  g_assert_no_error (error);
  return carers;
}

static void
test_fifty_devices (void)
{
  Device *devices[N_DEVICES + 1];
  Device *coord;
  g_autoptr(GTimer) timer = g_timer_new ();
  Round round;
  guint expected_carers = 0;
  g_autoptr(CfSyncSummary) caught_up = NULL;

  for (guint i = 0; i < N_DEVICES; i++)
    {
      g_autofree char *user = g_strdup_printf ("w%02u", i);

      cf_test_server_add_user (&server, user, "worker", NULL);
      devices[i] = device_new (user);
    }
  coord = devices[N_DEVICES] = device_new ("coord");

  /* Round 1: every laptop brings in its new carers, all at once. */
  for (guint i = 0; i < N_DEVICES; i++)
    for (guint c = 0; c < CARERS_EACH; c++)
      {
        g_autofree char *given = g_strdup_printf ("Given%u", c);
        g_autoptr(CfCarer) carer = cf_test_save_carer (devices[i]->store, "given_name", given,
                                                       "family_name", devices[i]->user, NULL);
        g_autoptr(CfRecord) mum = add_cared_for (devices[i],
                                                 cf_record_get_id (CF_RECORD (carer)), "Mum");

        expected_carers++;
      }

  g_timer_start (timer);
  round = sync_all_at_once (devices, N_DEVICES + 1);
  g_test_message ("round 1: %u laptops pushed %u changes in %.2f s", N_DEVICES + 1,
                  round.pushed, g_timer_elapsed (timer, NULL));
  g_assert_cmpuint (round.pushed, ==, 2 * expected_carers);

  /* The coordinator catches up, then everyone edits at once: the workers their carers'
   * phones, the coordinator the same carers' localities; and the workers add one more. */
  caught_up = device_sync (coord);
  g_assert_cmpint (cf_test_count (coord->store, "carer", "1 = 1"), ==, expected_carers);
  g_assert_cmpint (cf_test_count (coord->store, "cared_for", "1 = 1"), ==, expected_carers);

  {
    g_autoptr(GPtrArray) all = carers_of (coord);

    g_assert_cmpuint (all->len, >=, expected_carers);
    for (guint i = 0; i < all->len; i++)
      {
        CfRecord *carer = g_ptr_array_index (all, i);
        g_autoptr(GError) error = NULL;

        cf_record_set_text (carer, "locality", "Lower Slaughter");
        g_assert_true (cf_store_save (coord->store, &carer, 1, &error));
        g_assert_no_error (error);
      }
  }

  for (guint i = 0; i < N_DEVICES; i++)
    {
      g_autoptr(GPtrArray) mine = carers_of (devices[i]);
      g_autoptr(CfCarer) extra = cf_test_save_carer (devices[i]->store, "given_name", "Late",
                                                     "family_name", devices[i]->user, NULL);

      for (guint c = 0; c < mine->len; c++)
        {
          CfRecord *carer = g_ptr_array_index (mine, c);
          g_autofree char *phone = g_strdup_printf ("01632 9%02u%03u", i, c);
          g_autoptr(GError) error = NULL;

          cf_record_set_text (carer, "phone", phone);
          g_assert_true (cf_store_save (devices[i]->store, &carer, 1, &error));
          g_assert_no_error (error);
        }
      expected_carers++;
    }

  g_timer_start (timer);
  round = sync_all_at_once (devices, N_DEVICES + 1);
  g_test_message ("round 2: %u applied and %u merged in %.2f s", round.pushed, round.merged,
                  g_timer_elapsed (timer, NULL));

  /* Round 3, and until quiet: everyone takes what the others did. */
  g_timer_start (timer);
  sync_all_at_once (devices, N_DEVICES + 1);
  sync_until_quiet (devices, N_DEVICES + 1);
  g_test_message ("settled in %.2f s", g_timer_elapsed (timer, NULL));

  for (guint i = 0; i < N_DEVICES; i++)
    {
      g_autoptr(GPtrArray) mine = carers_of (devices[i]);

      assert_converged (coord, devices[i]);
      assert_outbox_empty (devices[i]);
      g_assert_cmpuint (mine->len, ==, CARERS_EACH + 1);
      for (guint c = 0; c < mine->len; c++)
        {
          CfRecord *carer = g_ptr_array_index (mine, c);

          /* Both sides' edits of each carer arrived. */
          if (!g_str_equal (cf_record_get_text (carer, "given_name"), "Late"))
            {
              g_assert_cmpstr (cf_record_get_text (carer, "locality"), ==, "Lower Slaughter");
              g_assert_true (g_str_has_prefix (cf_record_get_text (carer, "phone"), "01632 9"));
            }
        }
    }
  assert_outbox_empty (coord);

  for (guint i = 0; i <= N_DEVICES; i++)
    device_free (devices[i]);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cf_test_server_init_temp (&server);
  cf_test_server_add_user (&server, "coord", "coordinator", NULL);
  cf_test_server_start (&server);

  g_test_add_func ("/sync-load/fifty-devices", test_fifty_devices);

  status = g_test_run ();
  cf_test_server_clear (&server);
  return status;
}
