/* test-sync-clients.c: laptops syncing with the real server, as people would use them
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two workers and a coordinator, each with a store of their own and the same CfSyncClient the
 * window and carefield-cli use, against carefield-server on 127.0.0.1 (DESIGN.md, "Tests").
 * After every scenario each laptop must hold exactly the records of its scope, field for
 * field as the coordinator holds them.
 */

#include "cf-assessments.h"
#include "cf-plans.h"
#include "cf-carer-review.h"
#include "cf-test-devices.h"

/* Creations, edits and deletions made offline on three laptops, in an interleaved order:
 * all converge, different fields of one record merge without asking. */
static void
test_convergence (void)
{
  g_autoptr(Device) w1 = device_new ("w1");
  g_autoptr(Device) w2 = device_new ("w2");
  g_autoptr(Device) coord = device_new ("coord");
  Device *all[] = { w1, w2, coord };
  g_autoptr(CfCarer) ada = cf_test_save_carer (w1->store, "given_name", "Ada",
                                               "family_name", "Ash", "phone", "01632 960001",
                                               NULL);
  g_autoptr(CfCarer) bea = cf_test_save_carer (w2->store, "given_name", "Bea",
                                               "family_name", "Birch", NULL);
  g_autoptr(CfCarer) cal = cf_test_save_carer (coord->store, "given_name", "Cal",
                                               "family_name", "Cedar", "worker", "w1", NULL);
  g_autoptr(CfCarer) dot = cf_test_save_carer (coord->store, "given_name", "Dot",
                                               "family_name", "Dale", "worker", "w2", NULL);
  g_autoptr(CfAssessment) assessment = cf_test_finished_assessment (w1->store, ada, TRUE);
  g_autoptr(CfRecord) ada_mum = add_cared_for (w1, cf_record_get_id (CF_RECORD (ada)), "Mum");
  g_autoptr(CfRecord) bea_son = add_cared_for (w2, cf_record_get_id (CF_RECORD (bea)), "Son");
  g_autoptr(CfRecord) cal_dad = NULL;
  g_autoptr(CfCarer) eve = NULL;
  g_autoptr(CfSyncSummary) first = NULL;
  g_autofree char *value = NULL;
  const char *ada_id = cf_record_get_id (CF_RECORD (ada));
  const char *bea_id = cf_record_get_id (CF_RECORD (bea));
  const char *cal_id = cf_record_get_id (CF_RECORD (cal));

  g_assert_cmpuint (cf_sync_client_get_waiting (w1->client), ==, 0);
  cf_sync_client_refresh_waiting (w1->client);
  g_assert_cmpuint (cf_sync_client_get_waiting (w1->client), >, 2);

  first = device_sync (w1);
  g_assert_cmpuint (first->pushed, >, 2);
  g_assert_cmpuint (first->errors, ==, 0);
  g_assert_cmpuint (cf_sync_client_get_waiting (w1->client), ==, 0);
  sync_until_quiet (all, G_N_ELEMENTS (all));

  /* The server gave the workers' own new carers to them. */
  value = field_of (coord, CF_TYPE_CARER, ada_id, "worker");
  g_assert_cmpstr (value, ==, "w1");
  g_clear_pointer (&value, g_free);
  value = field_of (coord, CF_TYPE_CARER, bea_id, "worker");
  g_assert_cmpstr (value, ==, "w2");
  g_clear_pointer (&value, g_free);

  /* Offline, all at once: */
  edit_carer (w1, ada_id, "phone", "01632 960002");          /* w1: Ada's phone */
  edit_carer (coord, ada_id, "postcode", "ZZ99 1AA");        /* coord: Ada's postcode */
  cf_record_set_deleted (ada_mum, TRUE);                     /* w1: Mum is no longer cared for */
  save_one (w1, ada_mum);
  cal_dad = add_cared_for (coord, cal_id, "Dad");            /* coord: Cal now cares for Dad */
  edit_carer (w1, cal_id, "locality", "Upper Slaughter");    /* w1: Cal's village */
  edit_carer (w2, bea_id, "address", "2 Mill Lane");         /* w2: Bea's address */
  edit_carer (coord, bea_id, "phone", "01632 960003");       /* coord: Bea's phone */
  cf_record_set_text (bea_son, "name", "Sonny");             /* w2: the son's name */
  save_one (w2, bea_son);
  eve = cf_test_save_carer (w2->store, "given_name", "Eve", "family_name", "Elm", NULL);

  {
    Device *order[] = { coord, w2, w1, coord, w1, w2 };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_autoptr(CfSyncSummary) summary = device_sync (order[i]);

        g_assert_cmpuint (summary->conflicts, ==, 0);
        g_assert_cmpuint (summary->errors, ==, 0);
      }
  }
  sync_until_quiet (all, G_N_ELEMENTS (all));

  assert_converged (coord, w1);
  assert_converged (coord, w2);
  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    assert_outbox_empty (all[i]);

  /* Both edits of Ada's record landed, and nobody was asked. */
  value = field_of (w1, CF_TYPE_CARER, ada_id, "phone");
  g_assert_cmpstr (value, ==, "01632 960002");
  g_clear_pointer (&value, g_free);
  value = field_of (w1, CF_TYPE_CARER, ada_id, "postcode");
  g_assert_cmpstr (value, ==, "ZZ99 1AA");
  g_clear_pointer (&value, g_free);
  value = field_of (w2, CF_TYPE_CARER, bea_id, "phone");
  g_assert_cmpstr (value, ==, "01632 960003");
  g_clear_pointer (&value, g_free);
  value = field_of (coord, CF_TYPE_CARER, bea_id, "address");
  g_assert_cmpstr (value, ==, "2 Mill Lane");
  g_clear_pointer (&value, g_free);
  {
    g_autoptr(CfRecord) mum = load_one (coord, CF_TYPE_CARED_FOR,
                                        cf_record_get_id (ada_mum));
    g_autoptr(CfRecord) dad = load_one (w1, CF_TYPE_CARED_FOR, cf_record_get_id (cal_dad));

    g_assert_true (cf_record_get_deleted (mum));
    g_assert_cmpstr (cf_record_get_text (dad, "name"), ==, "Dad");
  }
  value = field_of (coord, CF_TYPE_CARER, cf_record_get_id (CF_RECORD (eve)), "worker");
  g_assert_cmpstr (value, ==, "w2");
  g_clear_pointer (&value, g_free);
  /* The finished assessment and its answers went up with the carer. */
  {
    g_autoptr(CfRecord) copy = load_one (coord, CF_TYPE_ASSESSMENT,
                                         cf_record_get_id (CF_RECORD (assessment)));

    g_assert_cmpstr (cf_record_get_text (copy, "status"), ==,
                     cf_record_get_text (CF_RECORD (assessment), "status"));
  }
}

static char *
json_text (const char *value)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);

  return json_to_string (node, FALSE);
}

/* The same field changed on two laptops: the second to sync sees both values and the one
 * before, keeps what they typed, chooses, and the choice reaches everyone. */
static void
test_conflict_resolved (void)
{
  g_autoptr(Device) w1 = device_new ("w1");
  g_autoptr(Device) coord = device_new ("coord");
  Device *all[] = { w1, coord };
  g_autoptr(CfCarer) fay = cf_test_save_carer (w1->store, "given_name", "Fay",
                                               "family_name", "Fir", "phone", "01632 960010",
                                               NULL);
  const char *fay_id = cf_record_get_id (CF_RECORD (fay));
  g_autoptr(CfSyncSummary) summary = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = json_text ("01632 960010");
  g_autofree char *mine = json_text ("01632 960012");
  g_autofree char *theirs = json_text ("01632 960011");
  g_autofree char *value = NULL;
  g_autoptr(JsonNode) choice = NULL;
  CfSyncConflict *conflict;

  sync_until_quiet (all, G_N_ELEMENTS (all));

  edit_carer (w1, fay_id, "phone", "01632 960011");
  edit_carer (coord, fay_id, "phone", "01632 960012");
  edit_carer (coord, fay_id, "email", "fay@example.org");

  g_clear_pointer (&summary, cf_sync_summary_free);
  summary = device_sync (w1);
  g_assert_cmpuint (summary->pushed, ==, 1);

  g_clear_pointer (&summary, cf_sync_summary_free);
  summary = device_sync (coord);
  g_assert_cmpuint (summary->conflicts, ==, 1);

  conflicts = cf_sync_local_list_conflicts (coord->store, fay_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (conflict->field, ==, "phone");
  g_assert_cmpstr (conflict->base, ==, base);
  g_assert_cmpstr (conflict->server, ==, theirs);
  g_assert_cmpstr (conflict->client, ==, mine);

  /* The other field of the same change went through. */
  value = field_of (w1, CF_TYPE_CARER, fay_id, "email");
  g_assert_cmpstr (value, ==, "");
  g_clear_pointer (&value, g_free);
  g_clear_pointer (&summary, cf_sync_summary_free);
  summary = device_sync (w1);
  value = field_of (w1, CF_TYPE_CARER, fay_id, "email");
  g_assert_cmpstr (value, ==, "fay@example.org");
  g_clear_pointer (&value, g_free);

  /* The coordinator keeps their own number. */
  choice = json_from_string (conflict->client, &error);
  g_assert_no_error (error);
  g_assert_true (cf_sync_local_resolve (coord->store, conflict->id, choice, &error));
  g_assert_no_error (error);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = cf_sync_local_list_conflicts (coord->store, NULL, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);

  sync_until_quiet (all, G_N_ELEMENTS (all));
  value = field_of (w1, CF_TYPE_CARER, fay_id, "phone");
  g_assert_cmpstr (value, ==, "01632 960012");
  g_clear_pointer (&value, g_free);
  assert_converged (coord, w1);
  assert_outbox_empty (w1);
  assert_outbox_empty (coord);
}

/* A record edited offline on one laptop and deleted on another: the edit is a conflict, kept
 * for a person, never silently lost to the delete. */
static void
test_edit_of_deleted (void)
{
  g_autoptr(Device) w1 = device_new ("w1");
  g_autoptr(Device) coord = device_new ("coord");
  Device *all[] = { w1, coord };
  g_autoptr(CfCarer) gus = cf_test_save_carer (w1->store, "given_name", "Gus",
                                               "family_name", "Gorse", NULL);
  g_autoptr(CfRecord) aunt = add_cared_for (w1, cf_record_get_id (CF_RECORD (gus)), "Aunt");
  g_autoptr(CfRecord) aunt_there = NULL;
  g_autoptr(CfSyncSummary) summary = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_name = FALSE;

  sync_until_quiet (all, G_N_ELEMENTS (all));

  aunt_there = load_one (coord, CF_TYPE_CARED_FOR, cf_record_get_id (aunt));
  cf_record_set_deleted (aunt_there, TRUE);
  save_one (coord, aunt_there);
  g_clear_object (&aunt);
  aunt = load_one (w1, CF_TYPE_CARED_FOR, cf_record_get_id (aunt_there));
  cf_record_set_text (aunt, "name", "Aunt Jo");
  save_one (w1, aunt);

  summary = device_sync (coord);
  g_clear_pointer (&summary, cf_sync_summary_free);
  summary = device_sync (w1);
  g_assert_cmpuint (summary->conflicts, ==, 1);

  conflicts = cf_sync_local_list_conflicts (w1->store, cf_record_get_id (aunt), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, >=, 1);
  for (guint i = 0; i < conflicts->len; i++)
    {
      CfSyncConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *typed = json_text ("Aunt Jo");

      if (g_str_equal (conflict->field, "name"))
        {
          g_assert_cmpstr (conflict->client, ==, typed);
          saw_name = TRUE;
        }
    }
  g_assert_true (saw_name);
}

/* The coordinator gives a carer to another worker: at their next syncs the carer and every
 * record of theirs leave one laptop and arrive on the other. */
static void
test_reassignment (void)
{
  g_autoptr(Device) w1 = device_new ("w1");
  g_autoptr(Device) w2 = device_new ("w2");
  g_autoptr(Device) coord = device_new ("coord");
  Device *all[] = { w1, w2, coord };
  g_autoptr(CfCarer) hal = cf_test_save_carer (w1->store, "given_name", "Hal",
                                               "family_name", "Hazel", NULL);
  g_autoptr(CfAssessment) assessment = cf_test_finished_assessment (w1->store, hal, TRUE);
  g_autoptr(CfRecord) wife = add_cared_for (w1, cf_record_get_id (CF_RECORD (hal)), "Wife");
  g_autoptr(CfSyncSummary) summary = NULL;
  const char *hal_id = cf_record_get_id (CF_RECORD (hal));
  g_autofree char *where = g_strdup_printf ("carer_id = '%s'", hal_id);
  g_autofree char *is_hal = g_strdup_printf ("id = '%s'", hal_id);

  sync_until_quiet (all, G_N_ELEMENTS (all));
  g_assert_cmpint (cf_test_count (w2->store, "carer", is_hal), ==, 0);
  g_assert_cmpint (cf_test_count (w1->store, "carer", is_hal), ==, 1);

  edit_carer (coord, hal_id, "worker", "w2");
  summary = device_sync (coord);
  g_assert_cmpuint (summary->pushed, ==, 1);

  g_clear_pointer (&summary, cf_sync_summary_free);
  summary = device_sync (w1);
  g_assert_cmpuint (summary->removed, ==, 1);
  g_assert_cmpint (cf_test_count (w1->store, "carer", is_hal), ==, 0);
  g_assert_cmpint (cf_test_count (w1->store, "assessment", where), ==, 0);
  g_assert_cmpint (cf_test_count (w1->store, "assessment_answer",
                                  "assessment_id NOT IN (SELECT id FROM assessment)"), ==, 0);
  g_assert_cmpint (cf_test_count (w1->store, "cared_for", where), ==, 0);

  g_clear_pointer (&summary, cf_sync_summary_free);
  summary = device_sync (w2);
  g_assert_cmpuint (summary->pulled, >, 3);
  g_assert_cmpint (cf_test_count (w2->store, "cared_for", where), ==, 1);
  g_assert_cmpint (cf_test_count (w2->store, "assessment", where), ==, 1);

  sync_until_quiet (all, G_N_ELEMENTS (all));
  assert_converged (coord, w1);
  assert_converged (coord, w2);
}

/* A coordinator returns a finished assessment for correction: after the worker's next sync
 * it is a draft again on their laptop, and the reason is in the carer's history. */
static void
test_return_for_correction (void)
{
  g_autoptr(Device) w1 = device_new ("w1");
  g_autoptr(Device) coord = device_new ("coord");
  Device *all[] = { w1, coord };
  g_autoptr(CfCarer) kit = cf_test_save_carer (w1->store, "given_name", "Kit",
                                               "family_name", "Knapweed", NULL);
  g_autoptr(CfAssessment) finished = cf_test_finished_assessment (w1->store, kit, TRUE);
  const char *assessment_id = cf_record_get_id (CF_RECORD (finished));
  g_autoptr(CfAssessment) theirs = NULL;
  g_autoptr(CfAssessment) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = g_strdup_printf ("carer_id = '%s' AND notes LIKE '%%dates%%'",
                                            cf_record_get_id (CF_RECORD (kit)));

  /* The server told the laptop its role when it signed in. */
  g_assert_cmpstr (cf_store_get_role (coord->store), ==, CF_ROLE_COORDINATOR);
  g_assert_cmpstr (cf_store_get_role (w1->store), ==, CF_ROLE_WORKER);

  sync_until_quiet (all, G_N_ELEMENTS (all));
  theirs = cf_assessments_load (coord->store, assessment_id, &error);
  g_assert_no_error (error);
  g_assert_true (cf_assessments_return (coord->store, theirs, "Check the dates of the "
                                        "hospital stays", &error));
  g_assert_no_error (error);

  sync_until_quiet (all, G_N_ELEMENTS (all));
  mine = cf_assessments_load (w1->store, assessment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (mine), "status"), ==, CF_ASSESSMENT_DRAFT);
  g_assert_true (cf_assessment_field_is_editable (mine, "decision"));
  g_assert_cmpint (cf_test_count (w1->store, "carer_event", where), ==, 1);
  assert_converged (coord, w1);
}

/* The server no longer knows the laptop's cursor (restored from a backup): the laptop starts
 * its pull again from the beginning, and loses nothing. */
static void
test_unknown_cursor (void)
{
  g_autoptr(Device) w2 = device_new ("w2");
  g_autoptr(Device) coord = device_new ("coord");
  Device *all[] = { w2, coord };
  g_autoptr(CfSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  g_autoptr(CfCarer) lee = cf_test_save_carer (w2->store, "given_name", "Lee",
                                               "family_name", "Larch", NULL);
  gint64 carers;

  sync_until_quiet (all, G_N_ELEMENTS (all));
  carers = cf_test_count (w2->store, "carer", "1 = 1");
  g_assert_true (cf_store_exec (w2->store, "UPDATE meta SET value = '99999999' "
                                "WHERE key = 'sync_cursor';", &error));
  g_assert_no_error (error);
  edit_carer (w2, cf_record_get_id (CF_RECORD (lee)), "phone", "01632 960444");

  summary = device_sync (w2);
  g_assert_cmpuint (summary->pushed, ==, 1);
  g_assert_cmpuint (summary->pulled, >=, (guint) carers);
  g_assert_cmpint (cf_test_count (w2->store, "carer", "1 = 1"), ==, carers);
  sync_until_quiet (all, G_N_ELEMENTS (all));
  assert_converged (coord, w2);
}

/* A carer's own account receives their carer record and plan, nothing else, and nobody
 * else's. */
static void
test_carer_account (void)
{
  g_autoptr(Device) w1 = device_new ("w1");
  g_autoptr(CfCarer) ivy = cf_test_save_carer (w1->store, "given_name", "Ivy",
                                               "family_name", "Ivel", NULL);
  g_autoptr(CfCarer) jon = cf_test_save_carer (w1->store, "given_name", "Jon",
                                               "family_name", "Juniper", NULL);
  g_autoptr(CfAssessment) assessment = cf_test_finished_assessment (w1->store, ivy, TRUE);
  g_autoptr(CfRecord) mum = add_cared_for (w1, cf_record_get_id (CF_RECORD (ivy)), "Mum");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPlan) plan = cf_plans_create_from_assessment (w1->store, ivy, assessment, &error);
  g_autoptr(CfSyncSummary) summary = NULL;
  g_autoptr(Device) ivy_laptop = NULL;
  const char *ivy_id = cf_record_get_id (CF_RECORD (ivy));

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  /* Each carer says something about their plan in carer review mode on the worker's laptop. */
  {
    g_autoptr(CfCarerReview) ivy_review = cf_carer_review_load (w1->store, ivy_id, &error);
    g_autoptr(CfCarerReview) jon_review =
      cf_carer_review_load (w1->store, cf_record_get_id (CF_RECORD (jon)), &error);
    g_autoptr(CfCarerResponse) said = NULL;
    g_autoptr(CfCarerResponse) other = NULL;

    g_assert_no_error (error);
    said = cf_carer_review_respond (w1->store, ivy_review, CF_CARER_RESPONSE_CHANGE,
                                    "More help at weekends", "en", &error);
    g_assert_no_error (error);
    other = cf_carer_review_respond (w1->store, jon_review, CF_CARER_RESPONSE_COMMENT,
                                     "Jon’s own words", "en", &error);
    g_assert_no_error (error);
  }

  summary = device_sync (w1);
  g_assert_cmpuint (summary->errors, ==, 0);

  cf_test_server_add_user (&server, "ivy", "carer", ivy_id);
  ivy_laptop = device_new ("ivy");
  g_assert_cmpstr (cf_sync_client_get_role (ivy_laptop->client), ==, "carer");

  g_clear_pointer (&summary, cf_sync_summary_free);
  summary = device_sync (ivy_laptop);
  g_assert_cmpint (cf_test_count (ivy_laptop->store, "carer", "1 = 1"), ==, 1);
  g_assert_cmpint (cf_test_count (ivy_laptop->store, "carer", "given_name = 'Ivy'"), ==, 1);
  g_assert_cmpint (cf_test_count (ivy_laptop->store, "support_plan", "1 = 1"), ==, 1);
  g_assert_cmpint (cf_test_count (ivy_laptop->store, "plan_need", "1 = 1"), >, 0);
  g_assert_cmpint (cf_test_count (ivy_laptop->store, "cared_for", "1 = 1"), ==, 0);
  g_assert_cmpint (cf_test_count (ivy_laptop->store, "assessment", "1 = 1"), ==, 0);
  g_assert_cmpint (cf_test_count (ivy_laptop->store, "assessment_answer", "1 = 1"), ==, 0);
  /* What she said is hers to see, as she said it; what Jon said is not. */
  g_assert_cmpint (cf_test_count (ivy_laptop->store, "carer_response",
                                  "kind = 'change' AND text = 'More help at weekends' AND "
                                  "given_by = 'Ivy Ivel'"), ==, 1);
  g_assert_cmpint (cf_test_count (ivy_laptop->store, "carer_response", "1 = 1"), ==, 1);
  (void) jon;
  (void) mum;
}

/* The entries of `carefield-server audit list --json [ARGS…]`. */
static JsonNode *
server_audit (const char *first_arg,
              ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *args[4] = { NULL, NULL, NULL, NULL };
  JsonNode *list;
  va_list ap;

  va_start (ap, first_arg);
  args[0] = first_arg;
  for (guint i = 1; args[i - 1] != NULL && i < G_N_ELEMENTS (args); i++)
    args[i] = va_arg (ap, const char *);
  va_end (ap);

  out = cf_test_server_cli ("audit", "list", "--json", "--data", server.data_dir,
                            args[0], args[1], args[2], args[3], NULL);
  list = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (list));
  return list;
}

static JsonObject *
find_entry (JsonNode   *list,
            const char *action)
{
  JsonArray *array = json_node_get_array (list);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *entry = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (entry, "action"), action))
        return entry;
    }

  return NULL;
}

/* A laptop's audit trail goes up at its next sync, once: the server's copy says who did what
 * to which record, from which laptop and account, and nothing of the carer. The laptop keeps
 * its own rows. */
static void
test_audit_trail (void)
{
  g_autoptr(Device) w1 = device_new ("w1");
  g_autoptr(CfSyncAccount) account = cf_sync_local_dup_account (w1->store, NULL);
  g_autoptr(CfCarer) uma = NULL;
  g_autoptr(CfCarer) seen = NULL;
  g_autoptr(CfSyncSummary) summary = NULL;
  g_autoptr(JsonNode) trail = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *everything = NULL;
  g_autofree char *long_detail = g_strnfill (1500, 'd');
  g_autofree char *where = NULL;
  static const char *personal[] = { "Uma", "Upton", "01632 960777", "01632 960778" };
  const char *uma_id;
  JsonObject *entry;
  gint64 before;
  gint64 written;
  gint64 after_first;

  /* What this new laptop has done so far goes up first: its first pull, and the audit row
   * that pull wrote. A sync that pulls nothing writes no row. */
  for (guint round = 0; ; round++)
    {
      g_autoptr(CfSyncSummary) quiet = device_sync (w1);

      g_assert_cmpuint (round, <, 4);
      if (quiet->audited == 0 && quiet->pulled == 0 && quiet->removed == 0)
        break;
    }

  before = cf_test_count (w1->store, "audit", "1 = 1");
  uma = cf_test_save_carer (w1->store, "given_name", "Uma", "family_name", "Upton",
                            "phone", "01632 960777", NULL);
  uma_id = cf_record_get_id (CF_RECORD (uma));
  seen = load_carer (w1, uma_id);
  g_assert_true (cf_store_audit (w1->store, CF_AUDIT_PRINT, "carer", uma_id, long_detail,
                                 &error));
  g_assert_no_error (error);
  edit_carer (w1, uma_id, "phone", "01632 960778");
  written = cf_test_count (w1->store, "audit", "1 = 1") - before;
  /* The create, two views, the print and the change. */
  g_assert_cmpint (written, ==, 5);

  summary = device_sync (w1);
  g_assert_cmpuint (summary->pushed, >=, 1);
  g_assert_cmpuint (summary->audited, ==, written);

  trail = server_audit ("--record", uma_id, NULL);
  where = g_strdup_printf ("record_id = '%s'", uma_id);
  g_assert_cmpint (json_array_get_length (json_node_get_array (trail)), ==,
                   cf_test_count (w1->store, "audit", where));
  entry = find_entry (trail, CF_AUDIT_CREATE);
  g_assert_nonnull (entry);
  g_assert_cmpstr (json_object_get_string_member (entry, "entity"), ==, "carer");
  g_assert_cmpstr (json_object_get_string_member (entry, "record_id"), ==, uma_id);
  g_assert_cmpstr (json_object_get_string_member (entry, "user_name"), ==, "Sam Assessor");
  g_assert_cmpstr (json_object_get_string_member (entry, "server_user"), ==, "w1");
  g_assert_cmpstr (json_object_get_string_member (entry, "laptop_device"), ==,
                   cf_store_get_device_id (w1->store));
  g_assert_cmpint (json_object_get_int_member (entry, "device_id"), ==,
                   g_ascii_strtoll (account->device_id, NULL, 10));
  g_assert_nonnull (find_entry (trail, CF_AUDIT_VIEW));
  entry = find_entry (trail, CF_AUDIT_CHANGE);
  g_assert_nonnull (entry);
  g_assert_cmpstr (json_object_get_string_member (entry, "detail"), ==, "phone");
  /* A detail longer than the server takes goes up cut, with an ellipsis; the laptop's own row
   * keeps all of it. */
  entry = find_entry (trail, CF_AUDIT_PRINT);
  g_assert_nonnull (entry);
  g_assert_cmpuint (strlen (json_object_get_string_member (entry, "detail")), ==, 1000);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (entry, "detail"), "…"));
  g_assert_cmpint (cf_test_count (w1->store, "audit", "length (detail) = 1500"), ==, 1);

  /* That sync's pull wrote one row of its own, after the trail had gone: it goes at the next
   * sync, which pulls nothing and so writes none. Then there is nothing left to send. */
  after_first = cf_test_count (w1->store, "audit", "1 = 1");
  g_clear_pointer (&summary, cf_sync_summary_free);
  summary = device_sync (w1);
  g_assert_cmpuint (summary->pulled, ==, 0);
  g_assert_cmpuint (summary->audited, ==, after_first - before - written);
  g_clear_pointer (&summary, cf_sync_summary_free);
  summary = device_sync (w1);
  g_assert_cmpuint (summary->audited, ==, 0);
  g_clear_pointer (&trail, json_node_unref);
  trail = server_audit ("--record", uma_id, NULL);
  g_assert_cmpint (json_array_get_length (json_node_get_array (trail)), ==,
                   cf_test_count (w1->store, "audit", where));

  /* Sent, and still here: the laptop's trail is append-only too. */
  g_assert_cmpint (cf_test_count (w1->store, "audit", "1 = 1"), ==, after_first);

  /* More than one batch's worth goes up in batches, all of it. */
  g_assert_true (cf_store_begin (w1->store, &error));
  for (guint i = 0; i < 2500; i++)
    g_assert_true (cf_store_audit (w1->store, CF_AUDIT_LIST, "carer", NULL, "json", &error));
  g_assert_true (cf_store_commit (w1->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&summary, cf_sync_summary_free);
  summary = device_sync (w1);
  g_assert_cmpuint (summary->audited, ==, 2500);

  /* Nothing of the carer reached the server's trail. */
  everything = cf_test_server_cli ("audit", "list", "--json", "--data", server.data_dir, NULL);
  g_assert_nonnull (strstr (everything, uma_id));
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    g_assert_null (strstr (everything, personal[i]));
}

/* Runs carefield-cli with the test passphrases; returns its exit status. */
static int
run_cli (char       **out,
         char       **err,
         const char  *first_arg,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CAREFIELD_CLI"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "CAREFIELD_PASSPHRASE", "a long test passphrase", TRUE);
  g_subprocess_launcher_setenv (launcher, "CAREFIELD_SERVER_PASSWORD", CF_TEST_SERVER_PASSWORD,
                                TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}

/* carefield-cli login and sync, with their words and exit codes; then the laptop is
 * revoked, and its next sync wipes it (DESIGN.md, "Lost laptop"). */
static void
test_cli_and_revocation (void)
{
  g_autofree char *profile = cf_test_make_dir ("cli-profile");
  g_autofree char *db = g_build_filename (profile, "carefield.db", NULL);
  g_autofree char *key = g_build_filename (profile, "key", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *devices = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *device_id = NULL;
  JsonArray *array;

  g_assert_cmpint (run_cli (&out, &err, "--profile", profile, "init", "--user", "Kim Worker",
                            NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Plain HTTP off this machine is refused before anything is sent: a usage error. */
  g_assert_cmpint (run_cli (&out, &err, "--profile", profile, "login",
                            "http://carers.example.org", "w1", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "https://"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "--profile", profile, "sync", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "not signed in"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "--profile", profile, "login", server.base, "w2",
                            NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Signed in as w2"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "--profile", profile, "gen-demo", "--carers", "3",
                            NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "--profile", profile, "sync", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Synced: pushed "));
  g_assert_nonnull (strstr (out, "errors 0"));
  g_assert_nonnull (strstr (err, "Sending changes: "));
  g_assert_nonnull (strstr (err, "Receiving changes: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (&out, &err, "--profile", profile, "--json", "sync", NULL), ==, 0);
  list = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (list), "pushed"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (list), "errors"), ==, 0);
  g_clear_pointer (&list, json_node_unref);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The administrator revokes the laptop. */
  devices = cf_test_server_cli ("device", "list", "--json", "--data", server.data_dir, NULL);
  list = json_from_string (devices, &error);
  g_assert_no_error (error);
  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *device = json_array_get_object_element (array, i);

      if (g_str_equal (json_object_get_string_member (device, "user"), "w2") &&
          !json_object_get_boolean_member (device, "revoked"))
        {
          g_free (device_id);
          device_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                       json_object_get_int_member (device, "id"));
        }
    }
  g_assert_nonnull (device_id);
  g_free (cf_test_server_cli ("device", "revoke", device_id, "--data", server.data_dir, NULL));

  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_cli (&out, &err, "--profile", profile, "sync", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "withdrawn"));
  g_assert_nonnull (strstr (err, "deleted"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (key, G_FILE_TEST_EXISTS));
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

  g_test_add_func ("/sync-clients/convergence", test_convergence);
  g_test_add_func ("/sync-clients/conflict-resolved", test_conflict_resolved);
  g_test_add_func ("/sync-clients/edit-of-deleted", test_edit_of_deleted);
  g_test_add_func ("/sync-clients/reassignment", test_reassignment);
  g_test_add_func ("/sync-clients/return-for-correction", test_return_for_correction);
  g_test_add_func ("/sync-clients/unknown-cursor", test_unknown_cursor);
  g_test_add_func ("/sync-clients/carer-account", test_carer_account);
  g_test_add_func ("/sync-clients/audit-trail", test_audit_trail);
  g_test_add_func ("/sync-clients/cli-and-revocation", test_cli_and_revocation);

  status = g_test_run ();
  cf_test_server_clear (&server);
  return status;
}
