/* test-caseload.c: the caseload list model: lazy at 20,000, search, filters, live updates, sync
 * marks
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cf-assessment-answer.h"
#include "cf-assessments.h"
#include "cf-caseload.h"
#include "cf-demo.h"
#include "cf-entities.h"
#include "cf-entity-words.h"
#include "cf-profile.h"
#include "cf-referral.h"
#include "cf-store-private.h"
#include "cf-sync-local.h"
#include "cf-sync-marks.h"
#include "cf-test-util.h"

typedef struct
{
  CfClock    *clock;
  CfStore    *store;
  CfCalendar *calendar;
  CfCaseload *caseload;
  guint       n_changes;
  guint       last_position;
  guint       last_removed;
  guint       last_added;
  guint       shadow_n;
  gboolean    check_rows;
} Fixture;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  /* The GListModel contract: at each signal the model already is, exactly, the list that change
   * describes. A view asks for rows while handling it, so a model ahead of its signals crashes
   * GTK's list view. */
  g_assert_cmpuint (position + removed, <=, fixture->shadow_n);
  fixture->shadow_n = fixture->shadow_n - removed + added;
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, fixture->shadow_n);
  /* Single insertions (a saved carer) are checked row by row; big ones would make every row
   * object and defeat the laziness the other tests check. */
  if (fixture->check_rows && added == 1)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, position);

      g_assert_nonnull (item);
    }

  fixture->n_changes++;
  fixture->last_position = position;
  fixture->last_removed = removed;
  fixture->last_added = added;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint counter;
  g_autofree char *dir = g_strdup_printf ("%s/caseload-%u", g_get_user_data_dir (), counter++);
  /* Wednesday 18 November 2026, mid-morning. */
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 18, 10, 0, 0);
  g_autoptr(GError) error = NULL;

  fixture->clock = cf_clock_new_fixed (now);
  fixture->store = cf_profile_create (dir, "caseload test passphrase", "Tester", fixture->clock,
                                      &error);
  g_assert_no_error (error);
  fixture->calendar = cf_calendar_new (NULL);
  fixture->caseload = cf_caseload_new (fixture->store, fixture->calendar, 3);
  g_signal_connect (fixture->caseload, "items-changed", G_CALLBACK (on_items_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->caseload);
  g_clear_object (&fixture->calendar);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->clock);
}

static CfCarer *
add_carer (Fixture    *fixture,
           const char *given,
           const char *family,
           const char *postcode,
           const char *phone,
           const char *received_at)
{
  return cf_test_save_carer (fixture->store, "given_name", given, "family_name", family,
                             "postcode", postcode, "phone", phone, "locality", "Marshby Wolds",
                             "priority", "amber", "referral_received_at", received_at, NULL);
}

static char *
name_at (CfCaseload *caseload,
         guint       position)
{
  g_autoptr(CfCaseloadItem) item = g_list_model_get_item (G_LIST_MODEL (caseload), position);

  return g_strdup (cf_caseload_item_get_name (item));
}

static void
test_lazy_at_scale (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCaseloadItem) first = NULL;
  g_autoptr(CfCaseloadItem) again = NULL;

  /* 20,000 carers straight in with SQL, which is quicker than the save path for a test. */
  cf_test_insert_carers (fixture->store, 20000);

  g_assert_true (cf_caseload_reload (fixture->caseload, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->caseload)), ==, 20000);
  g_assert_cmpuint (cf_caseload_get_n_carers (fixture->caseload), ==, 20000);

  /* No row object exists until a view asks for it. */
  g_assert_cmpuint (cf_caseload_get_n_materialized (fixture->caseload), ==, 0);
  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (fixture->caseload), i);

      g_assert_nonnull (item);
    }
  g_assert_cmpuint (cf_caseload_get_n_materialized (fixture->caseload), ==, 40);

  /* Asking twice gives the same object, so a view can keep it. */
  first = g_list_model_get_item (G_LIST_MODEL (fixture->caseload), 0);
  again = g_list_model_get_item (G_LIST_MODEL (fixture->caseload), 0);
  g_assert_true (first == again);

  /* Searching 20,000 makes no objects either. */
  cf_caseload_set_query (fixture->caseload, "Given1234 ");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->caseload)), ==, 11);
  cf_caseload_set_query (fixture->caseload, "01632 960 777");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->caseload)), ==, 1);
  g_assert_cmpuint (cf_caseload_get_n_materialized (fixture->caseload), ==, 40);

  cf_caseload_set_query (fixture->caseload, NULL);
  cf_caseload_set_filter (fixture->caseload, CF_CASELOAD_FILTER_CLOSED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->caseload)), ==, 6667);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(CfCarer) a = add_carer (fixture, "Margaret", "Ashgrove", "LN1 3AB", "01632 960123",
                                    "2026-11-16T09:00:00Z");
  g_autoptr(CfCarer) b = add_carer (fixture, "Arthur", "Birchwhistle", "PE21 8QR",
                                    "07700 900456", "2026-11-16T09:00:00Z");
  g_autoptr(CfCarer) c = add_carer (fixture, "Ada", "Copperbeech", "LN2 1AA", "01632 960999",
                                    "2026-11-16T09:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GListModel *model = G_LIST_MODEL (fixture->caseload);
  const char *reference = cf_record_get_text (CF_RECORD (b), "reference");

  cf_record_set_text (CF_RECORD (c), "preferred_name", "Peggy");
  g_assert_true (cf_store_save_carer (fixture->store, c, &error));
  g_assert_true (cf_caseload_reload (fixture->caseload, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* Sorted by family name. */
  name = name_at (fixture->caseload, 0);
  g_assert_cmpstr (name, ==, "Margaret Ashgrove");

  cf_caseload_set_query (fixture->caseload, "MARG");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  cf_caseload_set_query (fixture->caseload, "peggy");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  cf_caseload_set_query (fixture->caseload, "ln1 3ab");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  cf_caseload_set_query (fixture->caseload, "ln13ab");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  cf_caseload_set_query (fixture->caseload, "LN");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  cf_caseload_set_query (fixture->caseload, "07700900456");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  cf_caseload_set_query (fixture->caseload, "07700 900 456");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  cf_caseload_set_query (fixture->caseload, "01632");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  cf_caseload_set_query (fixture->caseload, reference);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  /* Every word must match. */
  cf_caseload_set_query (fixture->caseload, "ada ashgrove");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  cf_caseload_set_query (fixture->caseload, "ada copper");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  cf_caseload_set_query (fixture->caseload, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
}

static void
test_first_contact_due (Fixture       *fixture,
                        gconstpointer  data)
{
  /* Monday 16 November: due Thursday 19th. Friday 13th: due Wednesday 18th, today. Tuesday
   * 10th: due Friday 13th, overdue. */
  g_autoptr(CfCarer) due = add_carer (fixture, "A", "Alder", "", "", "2026-11-16T09:00:00Z");
  g_autoptr(CfCarer) today = add_carer (fixture, "B", "Birch", "", "", "2026-11-13T16:00:00Z");
  g_autoptr(CfCarer) late = add_carer (fixture, "C", "Cedar", "", "", "2026-11-10T09:00:00Z");
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCaseloadItem) item = NULL;
  GListModel *model = G_LIST_MODEL (fixture->caseload);

  g_assert_true (cf_caseload_reload (fixture->caseload, &error));

  item = g_list_model_get_item (model, 0);
  g_assert_cmpstr (cf_caseload_item_get_due_text (item), ==, "First contact due Thu 19 Nov");
  g_assert_cmpstr (cf_caseload_item_get_due_state (item), ==, CF_DUE_LATER);
  g_clear_object (&item);
  item = g_list_model_get_item (model, 1);
  g_assert_cmpstr (cf_caseload_item_get_due_text (item), ==, "First contact due today");
  g_assert_cmpstr (cf_caseload_item_get_due_state (item), ==, CF_DUE_TODAY);
  g_clear_object (&item);
  item = g_list_model_get_item (model, 2);
  g_assert_cmpstr (cf_caseload_item_get_due_text (item), ==,
                   "First contact overdue since Fri 13 Nov");
  g_assert_cmpstr (cf_caseload_item_get_due_state (item), ==, CF_DUE_OVERDUE);

  cf_caseload_set_filter (fixture->caseload, CF_CASELOAD_FILTER_OVERDUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* The next morning, "today" has become overdue. */
  {
    g_autoptr(GDateTime) tomorrow = g_date_time_new_utc (2026, 11, 19, 8, 0, 0);

    cf_clock_set_now (fixture->clock, tomorrow);
    cf_caseload_refresh_dates (fixture->caseload);
    g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  }

  /* Contacting the late one takes it off the overdue list and into active. */
  g_assert_true (cf_referral_record_contact (fixture->store, late, "first-contact", NULL, NULL,
                                             &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  cf_caseload_set_filter (fixture->caseload, CF_CASELOAD_FILTER_ACTIVE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  cf_caseload_set_filter (fixture->caseload, CF_CASELOAD_FILTER_WAITING);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
}

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_live_updates (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CfCarer) a = add_carer (fixture, "Ann", "Ash", "", "", "2026-11-16T09:00:00Z");
  g_autoptr(CfCarer) b = add_carer (fixture, "Bea", "Beech", "", "", "2026-11-16T09:00:00Z");
  g_autoptr(CfCarer) z = NULL;
  g_autoptr(CfCaseloadItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GListModel *model = G_LIST_MODEL (fixture->caseload);
  guint notified = 0;

  g_assert_true (cf_caseload_reload (fixture->caseload, &error));
  fixture->check_rows = TRUE;
  item = g_list_model_get_item (model, 0);
  g_signal_connect (item, "notify::locality", G_CALLBACK (on_notify), &notified);
  fixture->n_changes = 0;

  /* An edit that keeps the row in place updates the item, not the list. */
  cf_record_set_text (CF_RECORD (a), "locality", "Brackenford");
  g_assert_true (cf_store_save_carer (fixture->store, a, &error));
  g_assert_cmpuint (fixture->n_changes, ==, 0);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (cf_caseload_item_get_locality (item), ==, "Brackenford");

  /* A new carer appears in order. */
  z = add_carer (fixture, "Zed", "Aardvark", "", "", "2026-11-16T09:00:00Z");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (fixture->last_position, ==, 0);
  g_assert_cmpuint (fixture->last_added, ==, 1);
  name = name_at (fixture->caseload, 0);
  g_assert_cmpstr (name, ==, "Zed Aardvark");

  /* A renamed carer moves, and keeps the same item object. */
  cf_record_set_text (CF_RECORD (a), "family_name", "Yew");
  g_assert_true (cf_store_save_carer (fixture->store, a, &error));
  g_clear_pointer (&name, g_free);
  name = name_at (fixture->caseload, 2);
  g_assert_cmpstr (name, ==, "Ann Yew");
  {
    g_autoptr(CfCaseloadItem) moved = g_list_model_get_item (model, 2);

    g_assert_true (moved == item);
  }

  /* Under a filter, a carer who no longer matches leaves the list. */
  cf_caseload_set_filter (fixture->caseload, CF_CASELOAD_FILTER_WAITING);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_true (cf_referral_close (fixture->store, b, "information-only", "Leaflet.", &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* A deleted carer leaves too. */
  cf_caseload_set_filter (fixture->caseload, CF_CASELOAD_FILTER_ALL);
  cf_record_set_deleted (CF_RECORD (z), TRUE);
  g_assert_true (cf_store_save_carer (fixture->store, z, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
}

static void
test_assessing (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CfCarer) a = add_carer (fixture, "Ann", "Ash", "LN1 3AB", "01632 960123",
                                    "2026-11-16T09:00:00Z");
  g_autoptr(CfCarer) b = add_carer (fixture, "Bea", "Birch", "LN1 3AB", "01632 960124",
                                    "2026-11-16T09:00:00Z");
  g_autoptr(CfAssessment) assessment = NULL;
  g_autoptr(CfCaseloadItem) item = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model = G_LIST_MODEL (fixture->caseload);

  g_assert_true (cf_caseload_reload (fixture->caseload, &error));
  cf_caseload_set_filter (fixture->caseload, CF_CASELOAD_FILTER_ASSESSING);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);

  /* Starting an assessment puts the carer under "assessment in progress", live. */
  assessment = cf_assessments_start (fixture->store, a, "carer", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  item = g_list_model_get_item (model, 0);
  g_assert_cmpstr (cf_caseload_item_get_name (item), ==, "Ann Ash");
  g_assert_cmpstr (cf_caseload_item_get_due_text (item), ==, "Assessment in progress");

  /* Finishing takes them out of it. */
  cf_test_answer_all (assessment, TRUE);
  g_assert_true (cf_assessment_set_field (assessment, "decision", "eligible", &error));
  g_assert_true (cf_assessment_set_field (assessment, "decided_by", "organisation", &error));
  g_assert_true (cf_assessments_finish (fixture->store, assessment, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (cf_caseload_item_get_due_text (item), ==, "Contacted");

  /* It survives a reload from the store, and has a name for the command line and settings. */
  g_clear_object (&assessment);
  assessment = cf_assessments_start (fixture->store, b, "carer", NULL, NULL, NULL, NULL, &error);
  g_assert_true (cf_caseload_reload (fixture->caseload, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (cf_caseload_filter_to_string (CF_CASELOAD_FILTER_ASSESSING), ==, "assessing");
}

static const char *
mark_of (CfCaseload *caseload,
         const char *id)
{
  static char mark[16];
  g_autoptr(CfCaseloadItem) item = NULL;
  guint position;

  g_assert_true (cf_caseload_find_position (caseload, id, &position));
  item = g_list_model_get_item (G_LIST_MODEL (caseload), position);
  g_strlcpy (mark, cf_caseload_item_get_sync_mark (item), sizeof mark);

  return mark;
}

static char *
names_under (Fixture          *fixture,
             CfCaseloadFilter  filter)
{
  GListModel *model = G_LIST_MODEL (fixture->caseload);
  g_autoptr(GString) names = g_string_new (NULL);

  cf_caseload_set_filter (fixture->caseload, filter);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CfCaseloadItem) item = g_list_model_get_item (model, i);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", cf_caseload_item_get_name (item));
    }
  cf_caseload_set_filter (fixture->caseload, CF_CASELOAD_FILTER_ALL);

  return g_string_free (g_steal_pointer (&names), FALSE);
}

#define assert_names_under(fixture, filter, expected)      \
  G_STMT_START {                                          \
    g_autofree char *names_ = names_under (fixture, filter); \
    g_assert_cmpstr (names_, ==, expected);               \
  } G_STMT_END

/* As if everything had gone up and come back: no outbox rows, no open conflicts. */
static void
pretend_synced (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_store_exec (fixture->store,
                                "DELETE FROM outbox;"
                                "UPDATE sync_conflict SET resolved_at = 'then' "
                                "WHERE resolved_at = '';"
                                "UPDATE carer SET sync_state = 'synced', version = 1;",
                                &error));
  g_assert_no_error (error);
}

/* DESIGN.md, "GUI map": each carer says whether anything of theirs is waiting to be sent, was
 * refused, or clashes with the server, found through every record that belongs to them. */
static void
test_sync_marks (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CfCarer) a = add_carer (fixture, "Ann", "Ash", "", "", "2026-11-16T09:00:00Z");
  g_autoptr(CfCarer) b = add_carer (fixture, "Bea", "Birch", "", "", "2026-11-16T09:00:00Z");
  g_autoptr(CfCarer) c = add_carer (fixture, "Cy", "Cedar", "", "", "2026-11-16T09:00:00Z");
  g_autoptr(CfAssessment) assessment = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JsonNode) merged = json_from_string ("\"Nights are hard.\"", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *answer_id = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *carer_of = NULL;
  g_autofree char *described = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  CfRefusedChange *change;
  CfCaredFor *person;
  const char *id_a = cf_record_get_id (CF_RECORD (a));
  const char *id_b = cf_record_get_id (CF_RECORD (b));
  const char *id_c = cf_record_get_id (CF_RECORD (c));

  /* Carers made here and never synced are waiting to go up, and say so. */
  g_assert_true (cf_caseload_reload (fixture->caseload, &error));
  g_assert_cmpstr (mark_of (fixture->caseload, id_a), ==, CF_SYNC_MARK_WAITING);
  assert_names_under (fixture, CF_CASELOAD_FILTER_UNSYNCED, "Ann Ash, Bea Birch, Cy Cedar");
  assert_names_under (fixture, CF_CASELOAD_FILTER_CONFLICTS, "");

  /* An assessment answer (a grandchild: answer, assessment, carer) for Cy, then all synced. */
  assessment = cf_assessments_start (fixture->store, c, "carer", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cf_assessment_set_answer (assessment, "caring.role", "Every night.", &error));
  g_assert_true (cf_assessments_save (fixture->store, assessment, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox",
                                  "entity = 'assessment_answer' AND carer_id = "
                                  "(SELECT id FROM carer WHERE family_name = 'Cedar')"), ==, 1);
  pretend_synced (fixture);
  g_assert_true (cf_caseload_reload (fixture->caseload, &error));
  g_assert_cmpstr (mark_of (fixture->caseload, id_a), ==, CF_SYNC_MARK_NONE);
  g_assert_cmpstr (mark_of (fixture->caseload, id_b), ==, CF_SYNC_MARK_NONE);
  g_assert_cmpstr (mark_of (fixture->caseload, id_c), ==, CF_SYNC_MARK_NONE);
  assert_names_under (fixture, CF_CASELOAD_FILTER_UNSYNCED, "");

  /* Waiting: a saved edit of someone Ann cares for marks Ann, live, and no one else. */
  person = cf_carer_add_cared_for (a);
  cf_record_set_text (CF_RECORD (person), "name", "Godfrey");
  g_assert_true (cf_store_save_carer (fixture->store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", "entity = 'carer'"), ==, 0);
  g_assert_cmpstr (mark_of (fixture->caseload, id_a), ==, CF_SYNC_MARK_WAITING);
  g_assert_cmpstr (mark_of (fixture->caseload, id_b), ==, CF_SYNC_MARK_NONE);
  assert_names_under (fixture, CF_CASELOAD_FILTER_UNSYNCED, "Ann Ash");

  /* Refused: the server turned that change down. */
  sql = g_strdup_printf ("UPDATE outbox SET state = 'error', "
                         "error = 'This carer is not on your caseload.' WHERE record_id = '%s';",
                         cf_record_get_id (CF_RECORD (person)));
  g_assert_true (cf_store_exec (fixture->store, sql, &error));
  g_assert_true (cf_caseload_reload (fixture->caseload, &error));
  g_assert_cmpstr (mark_of (fixture->caseload, id_a), ==, CF_SYNC_MARK_REFUSED);
  assert_names_under (fixture, CF_CASELOAD_FILTER_UNSYNCED, "Ann Ash");
  assert_names_under (fixture, CF_CASELOAD_FILTER_CONFLICTS, "");

  /* The carer's page says which change, and why, in words. */
  refused = cf_sync_marks_list_refused (fixture->store, id_a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (refused->len, ==, 1);
  change = g_ptr_array_index (refused, 0);
  g_assert_cmpstr (change->entity, ==, "cared_for");
  g_assert_cmpstr (change->reason, ==, "This carer is not on your caseload.");
  described = cf_sync_marks_describe_record (fixture->store, change->entity, change->record_id,
                                             &error);
  g_assert_cmpstr (described, ==, "Person cared for: Godfrey");
  g_clear_pointer (&refused, g_ptr_array_unref);
  refused = cf_sync_marks_list_refused (fixture->store, id_b, &error);
  g_assert_cmpuint (refused->len, ==, 0);

  /* Conflict: the server reported a clash on Cy's answer; conflicts come first. */
  answer_id = cf_assessment_answer_id_for (cf_record_get_id (CF_RECORD (assessment)),
                                           "caring.role");
  carer_of = cf_store_dup_carer_id (fixture->store, "assessment_answer", answer_id, &error);
  g_assert_cmpstr (carer_of, ==, id_c);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("INSERT INTO sync_conflict (entity, record_id, field, base, server, "
                         "client, reported_at) VALUES ('assessment_answer', '%s', 'value', "
                         "'\"Every night.\"', '\"Most nights.\"', '\"Every night, and "
                         "weekends.\"', '2026-11-18T10:00:00Z');"
                         "UPDATE assessment_answer SET sync_state = 'conflict' WHERE id = '%s';",
                         answer_id, answer_id);
  g_assert_true (cf_store_exec (fixture->store, sql, &error));
  g_assert_true (cf_caseload_reload (fixture->caseload, &error));
  g_assert_cmpstr (mark_of (fixture->caseload, id_c), ==, CF_SYNC_MARK_CONFLICT);
  g_clear_pointer (&described, g_free);
  described = cf_sync_marks_describe_record (fixture->store, "assessment_answer", answer_id,
                                             &error);
  g_assert_true (g_str_has_prefix (described, "Assessment answer: "));
  g_assert_null (strstr (described, "caring.role"));
  assert_names_under (fixture, CF_CASELOAD_FILTER_CONFLICTS, "Cy Cedar");
  assert_names_under (fixture, CF_CASELOAD_FILTER_UNSYNCED, "Ann Ash");

  /* Resolving it saves through the ordinary path: the conflict goes, live, and the choice
   * waits to be sent. */
  conflicts = cf_sync_local_list_conflicts (fixture->store, NULL, &error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_true (cf_sync_local_resolve (fixture->store,
                                        ((CfSyncConflict *) g_ptr_array_index (conflicts, 0))->id,
                                        merged, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mark_of (fixture->caseload, id_c), ==, CF_SYNC_MARK_WAITING);
  assert_names_under (fixture, CF_CASELOAD_FILTER_CONFLICTS, "");
  assert_names_under (fixture, CF_CASELOAD_FILTER_UNSYNCED, "Ann Ash, Cy Cedar");

  /* None once everything has gone up, and the outbox's counts per carer agree. */
  pretend_synced (fixture);
  g_assert_cmpint (cf_store_count (fixture->store, "outbox_carer", &error), ==, 0);
  g_assert_true (cf_caseload_reload (fixture->caseload, &error));
  g_assert_cmpstr (mark_of (fixture->caseload, id_a), ==, CF_SYNC_MARK_NONE);
  g_assert_cmpstr (mark_of (fixture->caseload, id_c), ==, CF_SYNC_MARK_NONE);
  assert_names_under (fixture, CF_CASELOAD_FILTER_UNSYNCED, "");
  assert_names_under (fixture, CF_CASELOAD_FILTER_CONFLICTS, "");

  /* The filters have names for the command line and settings. */
  g_assert_cmpstr (cf_caseload_filter_to_string (CF_CASELOAD_FILTER_UNSYNCED), ==, "unsynced");
  g_assert_cmpstr (cf_caseload_filter_to_string (CF_CASELOAD_FILTER_CONFLICTS), ==, "conflicts");
  g_assert_cmpstr (cf_sync_mark_describe (CF_SYNC_MARK_REFUSED), ==,
                   "The server refused a change");
  g_assert_null (cf_sync_mark_describe (CF_SYNC_MARK_NONE));
}

/* The outbox's counts per carer follow every way its rows change: added, refused, sent and
 * gone, on any connection, and a child saved before its parent in one save. */
static void
test_outbox_counts (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CfCarer) a = add_carer (fixture, "Ann", "Ash", "", "", "2026-11-16T09:00:00Z");
  g_autoptr(CfAssessment) assessment = NULL;
  g_autoptr(CfAssessmentAnswer) answer = NULL;
  g_autoptr(CfStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *where = NULL;
  CfRecord *records[2];
  const char *id_a = cf_record_get_id (CF_RECORD (a));

  where = g_strdup_printf ("carer_id = '%s' AND pending = 1 AND errors = 0", id_a);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox_carer", where), ==, 1);

  /* The answer goes first, before the assessment it belongs to is in the database. */
  assessment = cf_assessment_new (id_a, "carer");
  answer = cf_assessment_answer_new (cf_record_get_id (CF_RECORD (assessment)), "caring.role");
  cf_record_set_text (CF_RECORD (answer), "value", "Every night.");
  records[0] = CF_RECORD (answer);
  records[1] = CF_RECORD (assessment);
  g_assert_true (cf_store_save (fixture->store, records, 2, &error));
  g_assert_no_error (error);
  g_clear_pointer (&where, g_free);
  where = g_strdup_printf ("carer_id = '%s'", id_a);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", where), ==, 3);
  g_clear_pointer (&where, g_free);
  where = g_strdup_printf ("carer_id = '%s' AND pending = 3 AND errors = 0", id_a);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox_carer", where), ==, 1);

  /* Another connection (the sync worker's) refuses one and clears another. */
  other = cf_store_open_another (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (cf_store_exec (other,
                                "UPDATE outbox SET state = 'error' WHERE entity = 'assessment';"
                                "DELETE FROM outbox WHERE entity = 'carer';",
                                &error));
  g_assert_no_error (error);
  g_clear_pointer (&where, g_free);
  where = g_strdup_printf ("carer_id = '%s' AND pending = 1 AND errors = 1", id_a);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox_carer", where), ==, 1);

  /* A row traced to its carer only at the end of a save moves its count with it. */
  g_assert_cmpint (cf_test_count (fixture->store, "outbox_carer", "carer_id = ''"), ==, 0);

  g_assert_true (cf_store_exec (other, "DELETE FROM outbox;", &error));
  g_assert_cmpint (cf_store_count (fixture->store, "outbox_carer", &error), ==, 0);
}

/* Records and fields in words, for conflicts and refused changes. */
static void
test_entity_words (void)
{
  g_autofree char *phone = cf_entity_field_describe ("carer", "phone");
  g_autofree char *unknown = cf_entity_field_describe ("carer", "favourite_colour");
  g_autofree char *deleted = cf_entity_field_describe ("plan_need", "deleted");
  g_autofree char *priority = cf_entity_field_describe_text ("carer", "priority", "red");
  g_autofree char *strange = cf_entity_field_describe_text ("carer", "priority", "purple");
  g_autofree char *born = cf_entity_field_describe_text ("carer", "date_of_birth", "1950-03-21");
  g_autofree char *notes = cf_entity_field_describe ("cared_for", "notes");

  g_assert_cmpstr (cf_entity_describe ("carer"), ==, "Carer’s details");
  g_assert_cmpstr (cf_entity_describe ("cared_for"), ==, "Person cared for");
  g_assert_cmpstr (cf_entity_describe ("assessment_answer"), ==, "Assessment answer");
  g_assert_cmpstr (cf_entity_describe ("from_the_future"), ==, "Record");
  g_assert_cmpstr (phone, ==, "Phone");
  g_assert_cmpstr (unknown, ==, "Favourite colour");
  g_assert_cmpstr (deleted, ==, "Deleted");
  g_assert_cmpstr (notes, ==, "Notes");
  g_assert_cmpstr (priority, ==, "Red");
  g_assert_cmpstr (strange, ==, "purple");
  g_assert_cmpstr (born, ==, "21/03/1950");

  /* Every field of every entity has words of its own, not ones made from its name. */
  {
    guint n;
    const CfEntityInfo *entities = cf_entities_get_all (&n);

    for (guint i = 0; i < n; i++)
      {
        g_assert_cmpstr (cf_entity_describe (entities[i].entity), !=, "Record");
        for (guint j = 0; j < entities[i].n_fields; j++)
          {
            g_autofree char *words = cf_entity_field_describe (entities[i].entity,
                                                               entities[i].fields[j].name);
            g_autofree char *made = g_strdelimit (g_strdup (entities[i].fields[j].name), "_", ' ');

            made[0] = g_ascii_toupper (made[0]);
            if (g_strcmp0 (words, made) == 0 && strchr (entities[i].fields[j].name, '_') != NULL)
              g_error ("%s.%s has no words", entities[i].entity, entities[i].fields[j].name);
          }
      }
  }
}

static void
on_reloaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async_reload_and_demo (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GMainContext) main_context = g_main_context_ref_thread_default ();
  guint waiting = 0, active = 0, closed = 0, n;

  g_assert_true (cf_demo_generate (fixture->store, 300, 7, &error));
  g_assert_no_error (error);

  cf_caseload_reload_async (fixture->caseload, NULL, on_reloaded, &result);
  while (result == NULL)
    g_main_context_iteration (main_context, TRUE);
  g_assert_true (cf_caseload_reload_finish (fixture->caseload, result, &error));
  g_assert_no_error (error);

  n = g_list_model_get_n_items (G_LIST_MODEL (fixture->caseload));
  g_assert_cmpuint (n, ==, 300);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfCaseloadItem) item = g_list_model_get_item (G_LIST_MODEL (fixture->caseload),
                                                              i);
      const char *status = cf_caseload_item_get_status (item);

      waiting += g_str_equal (status, "waiting");
      active += g_str_equal (status, "active");
      closed += g_str_equal (status, "closed");
      /* Demo data is plainly fictional: reserved postcode area, drama phone numbers. */
      g_assert_true (g_str_has_prefix (cf_caseload_item_get_reference (item), "CF-"));
    }
  g_assert_cmpuint (waiting + active + closed, ==, 300);
  g_assert_cmpuint (waiting, >, 0);
  g_assert_cmpuint (active, >, 0);
  g_assert_cmpuint (closed, >, 0);

  cf_caseload_set_query (fixture->caseload, "zz99");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fixture->caseload)), ==, 300);
  g_assert_cmpint (cf_store_count (fixture->store, "carer", NULL), ==, 300);
  g_assert_cmpint (cf_store_count (fixture->store, "outbox", NULL), >=, 300);

  /* Every one of those rows is counted for its carer, and only those. */
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", "carer_id = ''"), ==, 0);
  g_assert_cmpint (cf_store_count (fixture->store, "outbox_carer", NULL), ==, 300);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox_carer AS c",
                                  "pending != (SELECT count (*) FROM outbox AS o "
                                  "WHERE o.carer_id = c.carer_id AND o.state = 'pending') "
                                  "OR errors != 0"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/caseload/lazy-at-20000", Fixture, NULL,
              fixture_set_up, test_lazy_at_scale, fixture_tear_down);
  g_test_add ("/caseload/search", Fixture, NULL,
              fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/caseload/first-contact-due", Fixture, NULL,
              fixture_set_up, test_first_contact_due, fixture_tear_down);
  g_test_add ("/caseload/live-updates", Fixture, NULL,
              fixture_set_up, test_live_updates, fixture_tear_down);
  g_test_add ("/caseload/assessing", Fixture, NULL,
              fixture_set_up, test_assessing, fixture_tear_down);
  g_test_add ("/caseload/sync-marks", Fixture, NULL,
              fixture_set_up, test_sync_marks, fixture_tear_down);
  g_test_add ("/caseload/outbox-counts", Fixture, NULL,
              fixture_set_up, test_outbox_counts, fixture_tear_down);
  g_test_add_func ("/caseload/entity-words", test_entity_words);
  g_test_add ("/caseload/async-reload-and-demo", Fixture, NULL,
              fixture_set_up, test_async_reload_and_demo, fixture_tear_down);

  return g_test_run ();
}
