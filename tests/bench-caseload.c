/* bench-caseload.c: the caseload at the size of a county service
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measures, with N demo carers (20,000 by default, or the first argument): unlocking the
 * profile (Argon2id, key unwrap, open and migrate), loading the caseload model, search as you
 * type, filters, and saving one edit while the caseload is live; then, among the demo's tens of
 * thousands of assessment answers, opening one carer's assessment, proposing eligibility,
 * saving an answer, finishing, and building the written record; then building, saving and
 * agreeing a support plan from it, one carer's due dates and whole support record, and the
 * caseload's "due soon and overdue" list with its text reminders. Prints medians and maxima; it
 * asserts nothing, and is run by `meson test --benchmark`, not by the test suites.
 */

#include "config.h"

#include <stdlib.h>

#include "cf-assessments.h"
#include "cf-carer-support.h"
#include "cf-caseload.h"
#include "cf-demo.h"
#include "cf-plans.h"
#include "cf-profile.h"
#include "cf-reviews.h"
#include "cf-written-record.h"

#define RUNS 7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        double     *ms,
        guint       n)
{
  qsort (ms, n, sizeof (double), compare_doubles);
  g_print ("%-46s median %8.2f ms   max %8.2f ms\n", what, ms[n / 2], ms[n - 1]);
}

static double
elapsed_ms (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1000.0;
}

int
main (int    argc,
      char **argv)
{
  static const char *queries[] = {
    "a", "al", "ald", "alder", "alderbrook", "01632", "01632 960 12", "zz99 3", "cf-a0",
    "ada wren", "no such carer",
  };
  guint n_carers = argc > 1 ? (guint) atoi (argv[1]) : 20000;
  g_autofree char *dir = g_dir_make_tmp ("carefield-bench-XXXXXX", NULL);
  g_autofree char *profile = g_build_filename (dir, "profile", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 18, 10, 0, 0);
  g_autoptr(CfClock) clock = cf_clock_new_fixed (now);
  g_autoptr(CfCalendar) calendar = cf_calendar_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  double unlock[RUNS], load[RUNS], search[G_N_ELEMENTS (queries)], filters[4], save[RUNS];
  gint64 start;

  store = cf_profile_create (profile, "benchmark passphrase", "Bench", clock, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  if (!cf_demo_generate (store, n_carers, 42, &error))
    g_error ("%s", error->message);
  g_print ("Carers: %u (generated in %.1f s)\n\n", n_carers, elapsed_ms (start) / 1000.0);
  g_assert_true (cf_store_close (store, &error));
  g_clear_object (&store);

  for (guint i = 0; i < RUNS; i++)
    {
      start = g_get_monotonic_time ();
      store = cf_profile_unlock (profile, "benchmark passphrase", clock, &error);
      g_assert_no_error (error);
      unlock[i] = elapsed_ms (start);
      if (i + 1 < RUNS)
        g_clear_object (&store);
    }
  report ("unlock (Argon2id, unwrap, open, migrate)", unlock, RUNS);

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(CfCaseload) caseload = cf_caseload_new (store, calendar, 3);

      start = g_get_monotonic_time ();
      if (!cf_caseload_reload (caseload, &error))
        g_error ("%s", error->message);
      load[i] = elapsed_ms (start);
    }
  report ("caseload load (read, sort, due dates)", load, RUNS);

  {
    g_autoptr(CfCaseload) caseload = cf_caseload_new (store, calendar, 3);
    g_autoptr(CfCarer) carer = NULL;
    g_autoptr(CfCaseloadItem) item = NULL;

    g_assert_true (cf_caseload_reload (caseload, &error));

    /* Each keystroke of a search, as the view does it: set the query, then the list asks for
     * the first screenful of rows. */
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      {
        guint n;

        start = g_get_monotonic_time ();
        cf_caseload_set_query (caseload, queries[i]);
        n = MIN (30, g_list_model_get_n_items (G_LIST_MODEL (caseload)));
        for (guint j = 0; j < n; j++)
          g_object_unref (g_list_model_get_item (G_LIST_MODEL (caseload), j));
        search[i] = elapsed_ms (start);
      }
    report ("search keystroke (query + first 30 rows)", search, G_N_ELEMENTS (queries));

    cf_caseload_set_query (caseload, NULL);
    for (guint f = CF_CASELOAD_FILTER_WAITING; f <= CF_CASELOAD_FILTER_CLOSED; f++)
      {
        start = g_get_monotonic_time ();
        cf_caseload_set_filter (caseload, f);
        filters[f - 1] = elapsed_ms (start);
      }
    report ("filter change", filters, 4);
    cf_caseload_set_filter (caseload, CF_CASELOAD_FILTER_ALL);

    /* Saving an edit updates the live caseload too (one row moves). */
    item = g_list_model_get_item (G_LIST_MODEL (caseload), n_carers / 2);
    carer = cf_store_load_carer (store, cf_caseload_item_get_id (item), &error);
    g_assert_no_error (error);
    for (guint i = 0; i < RUNS; i++)
      {
        g_autofree char *locality = g_strdup_printf ("Locality %u", i);

        cf_record_set_text (CF_RECORD (carer), "locality", locality);
        start = g_get_monotonic_time ();
        g_assert_true (cf_store_save_carer (store, carer, &error));
        save[i] = elapsed_ms (start);
      }
    report ("save one edit (with outbox, audit, caseload)", save, RUNS);
    g_print ("\nRow objects made: %u of %u carers\n", cf_caseload_get_n_materialized (caseload),
             cf_caseload_get_n_carers (caseload));
  }

  {
    double list[RUNS], open[RUNS], evaluate[RUNS], answer[RUNS], finish[RUNS], record[RUNS];
    double build[RUNS], plan_save[RUNS], agree[RUNS], due_one[RUNS], support[RUNS], due_all[RUNS];
    g_autoptr(GPtrArray) carers = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) finished = g_ptr_array_new_with_free_func (g_object_unref);
    gint64 n_answers = cf_store_count (store, "assessment_answer", &error);

    /* Carers still open, each gets a fresh assessment to answer, finish and write up. */
    {
      g_autoptr(CfCaseload) caseload = cf_caseload_new (store, calendar, 3);

      g_assert_true (cf_caseload_reload (caseload, &error));
      cf_caseload_set_filter (caseload, CF_CASELOAD_FILTER_ACTIVE);
      for (guint i = 0; i < RUNS; i++)
        {
          g_autoptr(CfCaseloadItem) item =
            g_list_model_get_item (G_LIST_MODEL (caseload), i * 37);

          g_ptr_array_add (carers, g_strdup (cf_caseload_item_get_id (item)));
        }
    }

    g_print ("\nAssessment answers in the store: %" G_GINT64_FORMAT "\n", n_answers);
    for (guint i = 0; i < RUNS; i++)
      {
        g_autoptr(CfCarer) carer = cf_store_load_carer (store, g_ptr_array_index (carers, i),
                                                        &error);
        g_autoptr(CfAssessment) started = NULL;
        g_autoptr(CfAssessment) assessment = NULL;
        g_autoptr(GPtrArray) listed = NULL;
        g_autoptr(CfEligibility) proposal = NULL;
        g_autoptr(CfDocument) document = NULL;
        const CfOrganisation organisation = { "Bench Carers", "01632 960000" };

        g_assert_no_error (error);
        started = cf_assessments_start (store, carer, "carer", "face-to-face", "2026-11-18",
                                        NULL, NULL, &error);
        g_assert_no_error (error);
        cf_demo_answer_assessment (started, TRUE);
        g_assert_true (cf_assessments_save (store, started, &error));

        start = g_get_monotonic_time ();
        listed = cf_assessments_list (store, g_ptr_array_index (carers, i), &error);
        list[i] = elapsed_ms (start);
        g_assert_nonnull (listed);

        start = g_get_monotonic_time ();
        assessment = cf_assessments_load (store, cf_record_get_id (CF_RECORD (started)), &error);
        open[i] = elapsed_ms (start);
        g_assert_no_error (error);

        start = g_get_monotonic_time ();
        for (guint j = 0; j < 1000; j++)
          {
            g_clear_pointer (&proposal, cf_eligibility_unref);
            proposal = cf_assessment_evaluate (assessment);
          }
        evaluate[i] = elapsed_ms (start);

        g_assert_true (cf_assessment_set_answer (assessment, "caring.role", "Every night.",
                                                 &error));
        start = g_get_monotonic_time ();
        g_assert_true (cf_assessments_save (store, assessment, &error));
        answer[i] = elapsed_ms (start);

        cf_assessment_set_field (assessment, "decision", CF_DECISION_ELIGIBLE, &error);
        cf_assessment_set_field (assessment, "decided_by", "organisation", &error);
        start = g_get_monotonic_time ();
        g_assert_true (cf_assessments_finish (store, assessment, &error));
        finish[i] = elapsed_ms (start);

        start = g_get_monotonic_time ();
        document = cf_written_record_build (carer, assessment, &organisation,
                                            CF_DOCUMENT_FORMAT_STANDARD, NULL);
        record[i] = elapsed_ms (start);
        g_assert_nonnull (document);
        g_ptr_array_add (finished, g_object_ref (assessment));
      }
    report ("list a carer's assessments", list, RUNS);
    report ("open an assessment (answers, audited view)", open, RUNS);
    report ("propose eligibility x1000", evaluate, RUNS);
    report ("save one answer (outbox, audit)", answer, RUNS);
    report ("finish (check, lock, history)", finish, RUNS);
    report ("build the written record", record, RUNS);

    /* The support plan built from each of those assessments, and what falls due. */
    for (guint i = 0; i < RUNS; i++)
      {
        g_autoptr(CfCarer) carer = cf_store_load_carer (store, g_ptr_array_index (carers, i),
                                                        &error);
        g_autoptr(CfPlan) plan = NULL;
        g_autoptr(GPtrArray) needs = NULL;
        g_autoptr(GPtrArray) items = NULL;
        CfCarerSupport *loaded;

        start = g_get_monotonic_time ();
        plan = cf_plans_create_from_assessment (store, carer, g_ptr_array_index (finished, i),
                                                &error);
        build[i] = elapsed_ms (start);
        g_assert_no_error (error);

        needs = cf_plans_list_needs (store, cf_record_get_id (CF_RECORD (plan)), &error);
        for (guint j = 0; j < needs->len; j++)
          cf_record_set_text (g_ptr_array_index (needs, j), "met_by", "break");
        cf_record_set_text (CF_RECORD (plan), "outcomes", "Time to rest");
        cf_record_set_int (CF_RECORD (plan), "cost_pence", 120000);
        start = g_get_monotonic_time ();
        g_assert_true (cf_plans_save (store, plan, needs, NULL, &error));
        plan_save[i] = elapsed_ms (start);

        cf_record_set_bool (CF_RECORD (plan), "carer_agrees", TRUE);
        start = g_get_monotonic_time ();
        g_assert_true (cf_plans_agree (store, plan, needs, NULL, NULL, &error));
        agree[i] = elapsed_ms (start);
        g_assert_no_error (error);

        start = g_get_monotonic_time ();
        items = cf_due_for_carer (store, carer, NULL, &error);
        due_one[i] = elapsed_ms (start);
        g_assert_nonnull (items);

        start = g_get_monotonic_time ();
        loaded = cf_carer_support_load (store, carer, &error);
        support[i] = elapsed_ms (start);
        g_assert_nonnull (loaded);
        cf_carer_support_free (loaded);
      }
    report ("build a plan from an assessment", build, RUNS);
    report ("save a plan with its needs", plan_save, RUNS);
    report ("agree a plan (check, supersede, history)", agree, RUNS);
    report ("one carer's due dates", due_one, RUNS);
    report ("one carer's whole support record", support, RUNS);

    {
      guint n_items = 0;
      guint n_queued;

      for (guint i = 0; i < RUNS; i++)
        {
          g_autoptr(GPtrArray) items = NULL;

          start = g_get_monotonic_time ();
          items = cf_due_list (store, NULL, &error);
          due_all[i] = elapsed_ms (start);
          g_assert_nonnull (items);
          n_items = items->len;
        }
      report ("due soon and overdue, whole caseload", due_all, RUNS);

      start = g_get_monotonic_time ();
      n_queued = cf_due_queue_reminders (store, NULL, &error);
      g_print ("%-46s %8.2f ms   (%u queued, %u due soon or overdue)\n",
               "queue text reminders", elapsed_ms (start), n_queued, n_items);
    }
  }

  return 0;
}
