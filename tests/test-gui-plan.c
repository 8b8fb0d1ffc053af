/* test-gui-plan.c: the support plan page as a worker uses it
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb with GTK_A11Y=test, so accessible states can be read back. The plan is built,
 * edited, agreed and revised through the page's rows and buttons, and read back from the store
 * after the autosave, from the words on screen, and from the PDF a carer would be given.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cf-plan-action-row.h"
#include "cf-plan-need-row.h"
#include "cf-plan-page-private.h"
#include "cf-plans.h"
#include "cf-profile.h"
#include "cf-test-gui.h"
#include "cf-test-util.h"

#define PDF_WAIT_SECONDS 60
/* Longer than the page's 500 ms autosave delay. */
#define SAVE_WAIT_MS     800

typedef struct
{
  CfContext  *context;
  CfStore    *store;
  CfCarer    *carer;
  GtkWidget  *window;
  CfPlanPage *page;
  guint       n_changed;
} Fixture;

static void
on_changed (CfPlanPage *page,
            Fixture    *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint counter;
  g_autofree char *dir = g_strdup_printf ("%s/plan-%u", g_get_user_data_dir (), counter++);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 18, 10, 0, 0);
  g_autoptr(CfClock) clock = cf_clock_new_fixed (now);
  g_autoptr(GError) error = NULL;

  fixture->context = cf_context_new (clock, NULL);
  fixture->store = cf_profile_create (dir, "plan test passphrase", "Sam Assessor", clock, &error);
  g_assert_no_error (error);
  cf_context_set_store (fixture->context, fixture->store);
  fixture->carer = cf_test_save_carer (fixture->store, "given_name", "Hester",
                                       "family_name", "Goldcrest", NULL);

  fixture->page = cf_plan_page_new (fixture->context);
  g_signal_connect (fixture->page, "changed", G_CALLBACK (on_changed), fixture);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));
  cf_test_spin (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cf_test_spin (20);
  g_clear_object (&fixture->carer);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->context);
}

/* Finding and using widgets ---------------------------------------------------------------- */

static GtkWidget *
root (Fixture *fixture)
{
  return GTK_WIDGET (fixture->page);
}

static GtkWidget *
row (GtkWidget  *under,
     const char *title)
{
  GtkWidget *found = cf_test_find_row (under, title);

  if (found == NULL)
    g_error ("No row titled “%s”", title);
  return found;
}

static GtkLabel *
find_label (GtkWidget  *under,
            const char *words)
{
  for (GtkWidget *child = gtk_widget_get_first_child (under); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_is_visible (child) &&
          strstr (gtk_label_get_text (GTK_LABEL (child)), words) != NULL)
        return GTK_LABEL (child);
      if ((found = find_label (child, words)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
shows (GtkWidget  *under,
       const char *words)
{
  return find_label (under, words) != NULL;
}

static void
click (GtkWidget  *under,
       const char *label)
{
  GtkWidget *button = cf_test_find_button (under, label);

  if (button == NULL)
    g_error ("No button labelled “%s”", label);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  cf_test_spin (20);
}

static void
type (GtkWidget  *entry,
      const char *text)
{
  g_assert_true (gtk_widget_is_sensitive (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  cf_test_spin (20);
}

static void
choose (GtkWidget  *combo,
        guint       position)
{
  g_assert_true (gtk_widget_is_sensitive (combo));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), position);
  cf_test_spin (20);
}

static const char *
subtitle (GtkWidget *action_row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (action_row));
}

static void
assert_invalid (GtkWidget *widget,
                gboolean   invalid)
{
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                    invalid ? GTK_ACCESSIBLE_INVALID_TRUE
                                            : GTK_ACCESSIBLE_INVALID_FALSE);
}

/* The need rows, in the order shown. */
static GPtrArray *
need_rows (Fixture *fixture)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *first = cf_test_find_type (root (fixture), CF_TYPE_PLAN_NEED_ROW);

  for (GtkWidget *child = first; child != NULL; child = gtk_widget_get_next_sibling (child))
    if (CF_IS_PLAN_NEED_ROW (child))
      g_ptr_array_add (rows, child);

  return rows;
}

static CfPlan *
stored_current (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CfPlan *plan = cf_plans_current (fixture->store,
                                   cf_record_get_id (CF_RECORD (fixture->carer)), &error);

  g_assert_no_error (error);
  return plan;
}

static GPtrArray *
stored_needs (Fixture *fixture,
              CfPlan  *plan)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *needs = cf_plans_list_needs (fixture->store, cf_record_get_id (CF_RECORD (plan)),
                                          &error);

  g_assert_no_error (error);
  return needs;
}

static gint64
count_audits (CfStore    *store,
              const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql =
    g_strdup_printf ("DROP VIEW IF EXISTS plan_audits; CREATE TEMP VIEW plan_audits AS "
                     "SELECT * FROM audit WHERE action = '%s' AND entity = 'support_plan';",
                     action);
  gint64 n;

  g_assert_true (cf_store_exec (store, sql, &error));
  n = cf_store_count (store, "plan_audits", &error);
  g_assert_no_error (error);

  return n;
}

/* Builds the plan through the button, after a finished eligible assessment. */
static void
build_plan (Fixture *fixture)
{
  g_autoptr(CfAssessment) assessment = cf_test_finished_assessment (fixture->store,
                                                                    fixture->carer, TRUE);

  cf_plan_page_set_carer (fixture->page, fixture->carer);
  cf_test_spin (20);
  click (root (fixture), "Build Plan from Assessment");
  g_assert_nonnull (cf_plan_page_get_plan (fixture->page));
}

/* Says how every need will be met and that each is eligible, through the rows. */
static void
complete_needs (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = need_rows (fixture);

  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *need = g_ptr_array_index (rows, i);

      choose (row (need, "Eligibility"), 1 + cf_choices_find (cf_need_eligibility, "eligible"));
      choose (row (need, "How It Will Be Met"), 1 + cf_choices_find (cf_plan_ways, "break"));
    }
}

static void
type_outcomes (Fixture    *fixture,
               const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (cf_test_find_type (root (fixture), GTK_TYPE_TEXT_VIEW));

  g_assert_true (gtk_text_view_get_editable (view));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
  cf_test_spin (20);
}

/* Tests ------------------------------------------------------------------------------------ */

static void
test_no_plan (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = NULL;
  GtkWidget *build;

  cf_plan_page_set_carer (fixture->page, fixture->carer);
  cf_test_spin (20);
  build = cf_test_find_button (root (fixture), "Build Plan from Assessment");
  g_assert_true (gtk_widget_is_visible (build));
  g_assert_false (gtk_widget_is_sensitive (build));
  g_assert_true (shows (root (fixture), "The carer has not been assessed yet."));

  /* Assessed, but not eligible: nothing to plan for, and the page says so. */
  assessment = cf_test_finished_assessment (fixture->store, fixture->carer, FALSE);
  cf_plan_page_set_carer (fixture->page, NULL);
  cf_plan_page_set_carer (fixture->page, fixture->carer);
  cf_test_spin (20);
  g_assert_false (gtk_widget_is_sensitive (build));
  g_assert_true (shows (root (fixture), "did not find needs eligible for support"));
  g_assert_null (cf_plan_page_get_plan (fixture->page));
}

static void
test_build_edit_agree_revise (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(CfPlan) stored = NULL;
  g_autoptr(CfPlan) version_2 = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *page = root (fixture);
  GtkWidget *first_need;
  GtkWidget *cost;
  GtkWidget *contribution;
  GtkLabel *refusal;
  AdwMessageDialog *dialog;
  GtkWidget *reason;
  guint changed_before;

  /* Built from the assessment: a draft with a need for each outcome the carer can't achieve. */
  build_plan (fixture);
  g_assert_cmpstr (subtitle (row (page, "This Version")), ==, "Version 1 · Draft");
  g_assert_cmpuint (cf_plan_page_get_needs (fixture->page)->len, ==, 1);
  rows = need_rows (fixture);
  g_assert_cmpuint (rows->len, >, 0);
  first_need = g_ptr_array_index (rows, 0);

  /* How the first need is met, chosen in its row, reaches the store after the autosave. */
  changed_before = fixture->n_changed;
  choose (row (first_need, "How It Will Be Met"), 1 + cf_choices_find (cf_plan_ways, "break"));
  cf_test_spin (SAVE_WAIT_MS);
  stored = stored_current (fixture);
  needs = stored_needs (fixture, stored);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (needs, 0), "met_by"), ==, "break");
  g_assert_cmpuint (fixture->n_changed, >, changed_before);
  g_assert_true (shows (page, "All changes saved."));
  /* The row says how, without being opened. */
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (first_need)),
                            "A break"));

  /* A contribution that isn't an amount is marked and explained; the text stays as typed and
   * the stored amount is not touched. */
  cost = row (page, "Cost of Meeting the Needs (£)");
  contribution = row (page, "The Carer’s Contribution (£)");
  type (contribution, "12.3.4");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (contribution)), ==, "12.3.4");
  g_assert_true (gtk_widget_has_css_class (contribution, "error"));
  assert_invalid (contribution, TRUE);
  g_assert_true (shows (page, "Correct the amount marked above first."));
  g_assert_nonnull (find_label (page, "such as 12.50"));

  /* Good amounts: the council's contribution is worked out as they are typed. */
  type (cost, "120.50");
  type (contribution, "20");
  g_assert_false (gtk_widget_has_css_class (contribution, "error"));
  assert_invalid (contribution, FALSE);
  g_assert_cmpstr (subtitle (row (page, "The Council’s Contribution")), ==, "£100.50");

  /* A contribution above the cost: the council's share is explained, not shown as a sum. */
  type (contribution, "200");
  g_assert_nonnull (strstr (subtitle (row (page, "The Council’s Contribution")),
                            "is more than the cost"));
  type (contribution, "20");

  /* Agreeing too soon: what is missing is listed in words, and nothing is agreed. */
  click (page, "Agree Plan");
  refusal = find_label (page, "The plan can’t be agreed yet. Still needed:");
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (gtk_label_get_text (refusal), "the carer’s agreement"));
  g_assert_nonnull (strstr (gtk_label_get_text (refusal), "the carer’s outcomes"));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (refusal)));
  g_assert_true (cf_plan_is_editable (cf_plan_page_get_plan (fixture->page)));

  /* Complete, with the carer's agreement, and agree. */
  complete_needs (fixture);
  type_outcomes (fixture, "To keep my job and have an evening to myself each week.");
  gtk_switch_set_active (GTK_SWITCH (cf_test_find_type (row (page, "The Carer Agrees With This "
                                                              "Plan"), GTK_TYPE_SWITCH)), TRUE);
  cf_test_spin (20);
  changed_before = fixture->n_changed;
  click (page, "Agree Plan");
  g_assert_cmpstr (subtitle (row (page, "This Version")), ==,
                   "Version 1 · Agreed on 18 November 2026");
  g_assert_cmpuint (fixture->n_changed, >, changed_before);
  g_clear_object (&stored);
  stored = stored_current (fixture);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (stored), "status"), ==, CF_PLAN_AGREED);
  g_assert_cmpint (cf_record_get_int (CF_RECORD (stored), "cost_pence"), ==, 12050);
  g_assert_cmpint (cf_record_get_int (CF_RECORD (stored), "carer_contribution_pence"), ==, 2000);
  /* The first review is due from the day it was agreed. */
  g_assert_nonnull (strstr (subtitle (row (page, "Next Plan Review")), "Plan review"));

  /* Agreed: kept as it was. */
  g_assert_false (gtk_widget_is_sensitive (row (page, "Cost of Meeting the Needs (£)")));
  g_assert_false (gtk_widget_is_sensitive (row (page, "The Carer Agrees With This Plan")));
  g_assert_false (gtk_widget_is_sensitive (cf_test_find_button (page, "Add Need")));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (cf_test_find_type (page,
                                                                  GTK_TYPE_TEXT_VIEW))));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = need_rows (fixture);
  g_assert_false (gtk_widget_is_sensitive (row (g_ptr_array_index (rows, 0),
                                                "How It Will Be Met")));
  g_assert_false (gtk_widget_is_visible (cf_test_find_button (page, "Agree Plan")));

  /* But when the carer was given a copy can still be recorded. */
  g_assert_true (gtk_widget_is_sensitive (row (page, "Copy Given On (day/month/year)")));
  choose (row (page, "Format of the Copy"), 1 + cf_choices_find (cf_copy_formats, "large-print"));
  type (row (page, "Copy Given On (day/month/year)"), "18/11/2026");
  click (page, "Record Copy Given");
  g_assert_true (shows (page, "Recorded that the carer was given a copy on 18 November 2026."));
  g_clear_object (&stored);
  stored = stored_current (fixture);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (stored), "copy_given_on"), ==, "2026-11-18");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (stored), "copy_format"), ==, "large-print");
  /* …and in which language, in the carer's history: the one chosen for printing. */
  g_assert_cmpint (cf_test_count (fixture->store, "carer_event",
                                  "kind = 'plan-copy-given' AND "
                                  "notes = 'Large print, in English'"), ==, 1);

  /* Revising asks why, then shows the new draft, editable again. */
  click (page, "Revise Plan…");
  dialog = cf_plan_page_get_dialog (fixture->page);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "revise"));
  reason = row (adw_message_dialog_get_extra_child (dialog), "Why the Plan Is Changing");
  type (reason, "The cared-for person went into hospital");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "revise"));
  adw_message_dialog_response (dialog, "revise");
  cf_test_spin (50);

  g_assert_cmpstr (subtitle (row (page, "This Version")), ==, "Version 2 · Draft");
  g_assert_cmpstr (subtitle (row (page, "Why It Changed")), ==,
                   "The cared-for person went into hospital");
  g_assert_true (gtk_widget_is_sensitive (row (page, "Cost of Meeting the Needs (£)")));
  cost = row (page, "Cost of Meeting the Needs (£)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cost)), ==, "£120.50");
  version_2 = stored_current (fixture);
  g_assert_cmpint (cf_record_get_int (CF_RECORD (version_2), "number"), ==, 2);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (version_2), "status"), ==, CF_PLAN_DRAFT);

  /* The agreed version 1 opens from the list of versions, read-only, and the page goes back. */
  g_assert_true (gtk_widget_is_visible (row (page, "Version Shown")));
  choose (row (page, "Version Shown"), 1);
  g_assert_cmpstr (subtitle (row (page, "This Version")), ==,
                   "Version 1 · Agreed on 18 November 2026");
  g_assert_false (gtk_widget_is_sensitive (row (page, "Cost of Meeting the Needs (£)")));
  click (page, "Back to the Current Version");
  g_assert_cmpstr (subtitle (row (page, "This Version")), ==, "Version 2 · Draft");
}

static void
test_needs_arranged (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(CfPlan) stored = NULL;
  GtkWidget *page = root (fixture);
  GtkWidget *added;
  guint n;

  build_plan (fixture);
  rows = need_rows (fixture);
  n = rows->len;

  /* A new need, typed in, moved to the top. */
  click (page, "Add Need");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = need_rows (fixture);
  g_assert_cmpuint (rows->len, ==, n + 1);
  added = g_ptr_array_index (rows, n);
  type (row (added, "Need"), "Time to see friends");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (added)), ==,
                   "Time to see friends");
  for (guint i = 0; i < n; i++)
    click (added, "Move Up");
  g_assert_false (gtk_widget_is_sensitive (cf_test_find_button (added, "Move Up")));

  /* The replacement care consent appears only for replacement care. */
  g_assert_false (gtk_widget_is_visible (row (added, "The Cared-for Person Consents to "
                                                     "Replacement Care")));
  choose (row (added, "How It Will Be Met"),
          1 + cf_choices_find (cf_plan_ways, "replacement-care"));
  g_assert_true (gtk_widget_is_visible (row (added, "The Cared-for Person Consents to "
                                                    "Replacement Care")));

  /* The second need is removed. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = need_rows (fixture);
  g_assert_true (rows->pdata[0] == added);
  click (g_ptr_array_index (rows, 1), "Remove Need");

  /* flush() saves now, without waiting for the autosave. */
  g_assert_true (cf_plan_page_flush (fixture->page, NULL));
  stored = stored_current (fixture);
  needs = stored_needs (fixture, stored);
  g_assert_cmpuint (needs->len, ==, n);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (needs, 0), "need"), ==,
                   "Time to see friends");
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (needs, 0), "met_by"), ==,
                   "replacement-care");
}

static void
test_action_date (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *page = root (fixture);
  GtkWidget *action;
  GtkWidget *due;
  CfPlanAction *record;

  build_plan (fixture);
  click (page, "Add Action");
  action = cf_test_find_type (page, CF_TYPE_PLAN_ACTION_ROW);
  g_assert_nonnull (action);
  record = cf_plan_action_row_get_action (CF_PLAN_ACTION_ROW (action));
  type (row (action, "What Will Be Done"), "Apply for a carer’s card");
  type (row (action, "Who Will Do It"), "Sam Assessor");

  due = row (action, "By When (day/month/year)");
  type (due, "31/02/2027");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (due)), ==, "31/02/2027");
  assert_invalid (due, TRUE);
  g_assert_true (shows (action, "is not a date that exists"));
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (record), "due_on"), ==, "");

  /* Agreeing waits until the date is corrected. */
  click (page, "Agree Plan");
  g_assert_true (shows (page, "Correct the amounts and dates marked on this page first"));

  type (due, "28/02/2027");
  assert_invalid (due, FALSE);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (record), "due_on"), ==, "2027-02-28");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (action)), ==,
                   "Sam Assessor, by 28/02/2027");
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;
  gboolean ok = cf_plan_page_export_pdf_finish (CF_PLAN_PAGE (source), result, error);

  g_assert_true (ok == (*error == NULL));
  /* Marks the call as finished, even when it succeeded. */
  if (ok)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("carefield-plan-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *page = root (fixture);
  GError *outcome = NULL;
  gint64 audits_before;
  gint64 until;

  g_assert_no_error (error);
  path = g_build_filename (dir, "support-plan.pdf", NULL);

  build_plan (fixture);
  rows = need_rows (fixture);
  choose (row (g_ptr_array_index (rows, 0), "How It Will Be Met"),
          1 + cf_choices_find (cf_plan_ways, "training"));
  type (row (page, "Cost of Meeting the Needs (£)"), "300");
  type (row (page, "The Carer’s Contribution (£)"), "50");
  type_outcomes (fixture, "An evening off each week");

  audits_before = count_audits (fixture->store, "export");
  cf_plan_page_export_pdf_async (fixture->page, path, on_exported, &outcome);
  g_assert_false (gtk_widget_is_sensitive (cf_test_find_button (page, "Save as PDF…")));

  until = g_get_monotonic_time () + PDF_WAIT_SECONDS * G_USEC_PER_SEC;
  while (outcome == NULL && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (outcome);
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&outcome);

  g_assert_true (shows (page, "Saved the support plan as support-plan.pdf."));
  g_assert_true (gtk_widget_is_sensitive (cf_test_find_button (page, "Save as PDF…")));
  g_assert_cmpint (count_audits (fixture->store, "export"), ==, audits_before + 1);

  /* What was typed a moment ago is in the PDF: the export saved it first. */
  text = cf_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "Your support plan — Hester"));
  g_assert_nonnull (strstr (text, "This plan is a draft."));
  g_assert_nonnull (strstr (text, "An evening off each week"));
  g_assert_nonnull (strstr (text, "Training"));
  g_assert_nonnull (strstr (text, "£250.00"));

  g_remove (path);
  g_rmdir (dir);
}

static void
test_cleared (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *page = root (fixture);

  build_plan (fixture);
  type_outcomes (fixture, "Private words");

  /* Emptied when locking: the edit is saved first, and no personal data stays on screen. */
  cf_plan_page_set_carer (fixture->page, NULL);
  cf_test_spin (20);
  g_assert_null (cf_plan_page_get_plan (fixture->page));
  g_assert_null (cf_test_find_type (page, CF_TYPE_PLAN_NEED_ROW));
  g_assert_false (shows (page, "Version 1"));

  cf_plan_page_set_carer (fixture->page, fixture->carer);
  cf_test_spin (20);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (cf_plan_page_get_plan (fixture->page)),
                                       "outcomes"), ==, "Private words");
}

int
main (int   argc,
      char *argv[])
{
  cf_test_gui_init (&argc, &argv);

  g_test_add ("/plan-page/no-plan", Fixture, NULL,
              fixture_set_up, test_no_plan, fixture_tear_down);
  g_test_add ("/plan-page/build-edit-agree-revise", Fixture, NULL,
              fixture_set_up, test_build_edit_agree_revise, fixture_tear_down);
  g_test_add ("/plan-page/needs-arranged", Fixture, NULL,
              fixture_set_up, test_needs_arranged, fixture_tear_down);
  g_test_add ("/plan-page/action-date", Fixture, NULL,
              fixture_set_up, test_action_date, fixture_tear_down);
  g_test_add ("/plan-page/export-pdf", Fixture, NULL,
              fixture_set_up, test_export_pdf, fixture_tear_down);
  g_test_add ("/plan-page/cleared", Fixture, NULL,
              fixture_set_up, test_cleared, fixture_tear_down);

  return g_test_run ();
}
