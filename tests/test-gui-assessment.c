/* test-gui-assessment.c: the assessment editor as a worker uses it
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb with GTK_A11Y=test, so accessible states can be read back. Answers are given
 * through the rows a worker uses (combo rows, entries, text views) and read back from the
 * assessment, from the store after the autosave, and from the words on screen.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cf-assessment-editor-private.h"
#include "cf-assessments.h"
#include "cf-profile.h"
#include "cf-return-dialog.h"
#include "cf-test-gui.h"
#include "cf-test-util.h"

#define PDF_WAIT_SECONDS 60

typedef struct
{
  CfContext          *context;
  CfStore            *store;
  CfCarer            *carer;
  GtkWidget          *window;
  CfAssessmentEditor *editor;
  guint               n_saved;
} Fixture;

static void
on_assessment_saved (CfAssessmentEditor *editor,
                     Fixture            *fixture)
{
  fixture->n_saved++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint counter;
  g_autofree char *dir = g_strdup_printf ("%s/assessment-%u", g_get_user_data_dir (), counter++);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 18, 10, 0, 0);
  g_autoptr(CfClock) clock = cf_clock_new_fixed (now);
  g_autoptr(GError) error = NULL;

  fixture->context = cf_context_new (clock, NULL);
  fixture->store = cf_profile_create (dir, "assessment test passphrase", "Sam Assessor", clock,
                                      &error);
  g_assert_no_error (error);
  cf_context_set_store (fixture->context, fixture->store);
  fixture->carer = cf_test_save_carer (fixture->store, "given_name", "Hester",
                                       "family_name", "Goldcrest", NULL);

  fixture->editor = cf_assessment_editor_new (fixture->context);
  g_signal_connect (fixture->editor, "assessment-saved", G_CALLBACK (on_assessment_saved),
                    fixture);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->editor));
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

static CfAssessment *
open_assessment (Fixture    *fixture,
                 const char *kind)
{
  g_autoptr(GError) error = NULL;
  CfAssessment *assessment = cf_assessments_start (fixture->store, fixture->carer, kind,
                                                   "face-to-face", "2026-11-18", NULL, NULL,
                                                   &error);

  g_assert_no_error (error);
  cf_assessment_editor_set_assessment (fixture->editor, fixture->carer, assessment);
  cf_test_spin (50);

  return assessment;
}

/* Finding widgets ------------------------------------------------------------------------- */

static GtkWidget *
page (Fixture    *fixture,
      const char *key)
{
  GtkWidget *found = cf_assessment_editor_get_page (fixture->editor, key);

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
row (GtkWidget  *root,
     const char *title)
{
  GtkWidget *found = cf_test_find_row (root, title);

  if (found == NULL)
    g_error ("No row titled “%s”", title);
  return found;
}

/* Every label's text under @root, one a line, to look for words a person would see. */
static void
collect_text (GtkWidget *root,
              GString   *text,
              gboolean   visible_only)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (visible_only && !gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      collect_text (child, text, visible_only);
    }
}

static gboolean
shows (GtkWidget  *root,
       const char *words)
{
  g_autoptr(GString) text = g_string_new (NULL);

  collect_text (root, text, TRUE);
  return strstr (text->str, words) != NULL;
}

static GtkLabel *
find_label (GtkWidget  *root,
            const char *words)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), words) != NULL)
        return GTK_LABEL (child);
      if ((found = find_label (child, words)) != NULL)
        return found;
    }

  return NULL;
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = cf_test_find_button (root, label);

  if (button == NULL)
    g_error ("No button labelled “%s”", label);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  cf_test_spin (20);
}

static GtkListBoxRow *
sidebar_row (Fixture    *fixture,
             const char *title)
{
  GtkWidget *sidebar = GTK_WIDGET (cf_assessment_editor_get_sidebar (fixture->editor));

  for (GtkWidget *child = gtk_widget_get_first_child (sidebar); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *first = GTK_LABEL (cf_test_find_type (child, GTK_TYPE_LABEL));

      if (g_strcmp0 (gtk_label_get_text (first), title) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  g_error ("No part of the assessment is called “%s” in the sidebar", title);
}

static void
choose (GtkWidget  *root,
        const char *title,
        guint       position)
{
  GtkWidget *combo = row (root, title);

  g_assert_true (ADW_IS_COMBO_ROW (combo));
  g_assert_true (gtk_widget_is_sensitive (combo));
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), position);
  cf_test_spin (20);
}

static void
assert_invalid (GtkWidget *widget,
                gboolean   invalid)
{
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                    invalid ? GTK_ACCESSIBLE_INVALID_TRUE
                                            : GTK_ACCESSIBLE_INVALID_FALSE);
}

/* Answers everything the decision needs, takes the proposal and says who decided, as a
 * worker does on the decision page. */
static void
complete_in_gui (Fixture      *fixture,
                 CfAssessment *assessment,
                 gboolean      eligible)
{
  GtkWidget *decision = page (fixture, "decision");

  cf_test_answer_all (assessment, eligible);
  cf_assessment_editor_show_section (fixture->editor, "decision");
  cf_test_spin (20);
  click (decision, "Use the Proposed Decision");
  choose (decision, "Decided By", 1);
}

/* Tests ----------------------------------------------------------------------------------- */

static void
test_sidebar_and_progress (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = open_assessment (fixture, "carer");
  CfAssessmentTemplate *template = cf_assessment_get_template (assessment);
  GtkWidget *sidebar = GTK_WIDGET (cf_assessment_editor_get_sidebar (fixture->editor));
  GtkWidget *caring = page (fixture, "caring");
  GtkListBoxRow *caring_row;
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (sidebar); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  /* About, the thirteen sections of the template, the decision and the written record. */
  g_assert_cmpuint (cf_assessment_template_get_n_sections (template), ==, 13);
  g_assert_cmpuint (n, ==, 13 + 3);
  g_assert_true (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), 0) ==
                 sidebar_row (fixture, "About This Assessment"));
  for (guint i = 0; i < 13; i++)
    {
      CfAssessmentSection *section = cf_assessment_template_get_section (template, i);

      g_assert_true (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), i + 1) ==
                     sidebar_row (fixture, cf_assessment_section_get_title (section)));
    }
  g_assert_true (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), 14) ==
                 sidebar_row (fixture, "Decision"));
  g_assert_true (gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), 15) ==
                 sidebar_row (fixture, "Written Record"));

  /* The header says what it is and where it stands. */
  g_assert_true (shows (GTK_WIDGET (fixture->editor), "Carer’s assessment, 18/11/2026"));
  g_assert_true (shows (GTK_WIDGET (fixture->editor), "Draft"));
  g_assert_true (shows (GTK_WIDGET (sidebar), "Proposed: not yet known"));

  /* Choosing a part shows its page. */
  caring_row = sidebar_row (fixture, "Caring role");
  gtk_list_box_select_row (GTK_LIST_BOX (sidebar), caring_row);
  cf_test_spin (20);
  g_assert_true (gtk_widget_get_mapped (caring));
  g_assert_true (shows (GTK_WIDGET (caring_row), "0 of 3 answered"));

  choose (caring, "Gives necessary care to an adult", 1);
  g_assert_cmpstr (cf_assessment_get_answer (assessment, "caring.necessary_care"), ==, "yes");
  g_assert_true (shows (GTK_WIDGET (caring_row), "1 of 3 answered"));
  g_assert_false (shows (GTK_WIDGET (caring_row), "0 of 3 answered"));

  /* "Not answered" takes the answer away again. */
  choose (caring, "Gives necessary care to an adult", 0);
  g_assert_cmpstr (cf_assessment_get_answer (assessment, "caring.necessary_care"), ==, "");
  g_assert_true (shows (GTK_WIDGET (caring_row), "0 of 3 answered"));

  /* The window can go straight to a part. */
  cf_assessment_editor_show_section (fixture->editor, "record");
  cf_test_spin (20);
  g_assert_true (gtk_widget_get_mapped (page (fixture, "record")));
  g_assert_false (gtk_widget_get_mapped (caring));
}

static void
test_autosave_and_flush (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = open_assessment (fixture, "carer");
  g_autoptr(CfAssessment) reloaded = NULL;
  g_autoptr(CfAssessment) flushed = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = cf_record_get_id (CF_RECORD (assessment));
  GtkWidget *health = page (fixture, "health");
  GtkWidget *notes;
  GtkTextView *view;

  cf_assessment_editor_show_section (fixture->editor, "health");
  cf_test_spin (20);
  choose (health, "Health deteriorating or at risk", 1);
  g_assert_true (shows (GTK_WIDGET (fixture->editor), "Saving…"));

  /* Saved by itself within a second. */
  cf_test_spin (900);
  g_assert_true (shows (GTK_WIDGET (fixture->editor), "All changes saved."));
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  reloaded = cf_assessments_load (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_assessment_get_answer (reloaded, "health.at_risk"), ==, "yes");

  /* Notes typed in a text view, saved at once when the window asks (before locking). */
  notes = row (health, "The carer’s own health");
  view = GTK_TEXT_VIEW (cf_test_find_type (notes, GTK_TYPE_TEXT_VIEW));
  g_assert_nonnull (view);
  g_assert_true (gtk_text_view_get_wrap_mode (view) != GTK_WRAP_NONE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), "Back pain from lifting.", -1);
  g_assert_cmpstr (cf_assessment_get_answer (assessment, "health.notes"), ==,
                   "Back pain from lifting.");
  g_assert_true (cf_assessment_editor_flush (fixture->editor, &error));
  g_assert_no_error (error);
  flushed = cf_assessments_load (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_assessment_get_answer (flushed, "health.notes"), ==,
                   "Back pain from lifting.");

  /* An answer given elsewhere shows in its row. */
  g_assert_true (cf_assessment_set_answer (assessment, "health.at_risk", "no", &error));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (health,
                      "Health deteriorating or at risk"))), ==, 2);
}

static void
test_about_this_assessment (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = open_assessment (fixture, "carer");
  GtkWidget *about = page (fixture, "about");
  GtkWidget *date = row (about, "Date of the Assessment (day/month/year)");
  GtkWidget *people = row (about, "People the Carer Wanted Involved");

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, "18/11/2026");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (about, "Assessor"))), ==,
                   "Sam Assessor");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (about,
                      "How It Was Carried Out"))), ==, 1);
  assert_invalid (date, FALSE);

  gtk_editable_set_text (GTK_EDITABLE (date), "31/02/2026");
  cf_test_spin (20);
  g_assert_true (shows (about, "“31/02/2026” is not a date that exists."));
  assert_invalid (date, TRUE);
  /* Kept as typed, in the stored form: nothing is thrown away. */
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (assessment), "assessed_on"), ==, "2026-02-31");

  gtk_editable_set_text (GTK_EDITABLE (date), "17/11/2026");
  cf_test_spin (20);
  g_assert_false (shows (about, "is not a date that exists"));
  assert_invalid (date, FALSE);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (assessment), "assessed_on"), ==, "2026-11-17");
  g_assert_true (shows (GTK_WIDGET (fixture->editor), "Carer’s assessment, 17/11/2026"));

  choose (about, "How It Was Carried Out", 2);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (assessment), "mode"), ==, "phone");
  gtk_editable_set_text (GTK_EDITABLE (people), "Her daughter, Bea");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (assessment), "people_involved"), ==,
                   "Her daughter, Bea");
  g_assert_true (shows (GTK_WIDGET (sidebar_row (fixture, "About This Assessment")),
                        "17/11/2026, By phone"));
}

static void
test_shown_when (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = open_assessment (fixture, "carer");
  GtkWidget *tec = page (fixture, "tec");
  GtkWidget *family = page (fixture, "family");
  GtkWidget *considered = row (tec, "What was considered");
  GtkWidget *prompt = row (family, "Young carer’s referral");
  GtkWidget *young_carer = row (family, "A child or young person helps to care");
  GtkListBoxRow *family_row = sidebar_row (fixture, "Family");

  cf_assessment_editor_show_section (fixture->editor, "tec");
  cf_test_spin (20);
  g_assert_false (gtk_widget_get_visible (considered));
  choose (tec, "Technology-enabled care considered", 1);
  g_assert_true (gtk_widget_get_visible (considered));
  g_assert_true (gtk_widget_get_mapped (considered));
  choose (tec, "Technology-enabled care considered", 2);
  g_assert_false (gtk_widget_get_visible (considered));

  /* Whole family: a young carer is prompted for a referral of their own. */
  cf_assessment_editor_show_section (fixture->editor, "family");
  cf_test_spin (20);
  g_assert_true (shows (GTK_WIDGET (family_row), "0 of 1 answered"));
  g_assert_false (gtk_widget_get_visible (young_carer));
  g_assert_false (gtk_widget_get_visible (prompt));
  choose (family, "Children or young people in the household", 1);
  g_assert_true (gtk_widget_get_visible (young_carer));
  g_assert_false (gtk_widget_get_visible (prompt));
  g_assert_true (shows (GTK_WIDGET (family_row), "1 of 2 answered"));

  choose (family, "A child or young person helps to care", 1);
  g_assert_true (gtk_widget_get_visible (prompt));
  g_assert_true (gtk_widget_get_mapped (prompt));
  g_assert_true (shows (family, "Refer them for a young carer’s needs assessment"));
  g_assert_true (shows (GTK_WIDGET (family_row), "2 of 3 answered"));

  /* Once the referral is recorded, the prompt has done its job. */
  choose (family, "Young carer’s referral made", 1);
  g_assert_false (gtk_widget_get_visible (prompt));
  g_assert_true (shows (GTK_WIDGET (family_row), "3 of 3 answered"));
}

static void
test_eligibility_panel (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = open_assessment (fixture, "carer");
  g_autoptr(GError) error = NULL;
  GtkWidget *decision = page (fixture, "decision");
  GtkWidget *caring = page (fixture, "caring");
  GtkWidget *necessary = row (decision, "Necessary care");
  GtkWidget *outcomes = row (decision, "Health or outcomes");
  GtkWidget *wellbeing = row (decision, "Impact on wellbeing");
  GtkWidget *result = row (decision, "Proposed Result");

  cf_assessment_editor_show_section (fixture->editor, "decision");
  cf_test_spin (20);
  g_assert_true (shows (necessary, "Not yet known"));
  g_assert_true (shows (outcomes, "Not yet known"));
  g_assert_true (shows (wellbeing, "Not yet known"));
  g_assert_true (shows (result, "Eligibility is not decided yet"));

  /* An answer given on another page, through its row. */
  choose (caring, "Gives necessary care to an adult", 1);
  g_assert_true (shows (necessary, "Met"));
  g_assert_true (shows (necessary, "The carer gives necessary care to an adult."));
  g_assert_false (shows (necessary, "Not yet known"));

  choose (caring, "Gives necessary care to an adult", 2);
  g_assert_true (shows (necessary, "Not met"));
  g_assert_true (shows (result, "Not eligible"));
  g_assert_true (shows (result, "The carer is not eligible for support."));
  g_assert_true (shows (GTK_WIDGET (sidebar_row (fixture, "Decision")), "Proposed: Not eligible"));

  choose (caring, "Gives necessary care to an adult", 1);
  g_assert_true (shows (result, "Eligibility is not decided yet"));

  /* Health at risk, through the row on its own page: the second condition is met. */
  choose (page (fixture, "health"), "Health deteriorating or at risk", 1);
  g_assert_true (shows (outcomes, "Met"));
  g_assert_true (shows (wellbeing, "Not yet known"));

  g_assert_true (cf_assessment_set_answer (assessment, "wellbeing.overall", "yes", &error));
  g_assert_true (shows (wellbeing, "Met"));
  g_assert_true (shows (result, "The carer is eligible for support: all three conditions are "
                                "met."));
  g_assert_true (shows (GTK_WIDGET (sidebar_row (fixture, "Decision")), "Proposed: Eligible"));
}

static void
test_transition_says_likely (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = open_assessment (fixture, "young-carer-transition");
  GtkWidget *decision = page (fixture, "decision");
  GListModel *decisions;

  cf_test_answer_all (assessment, TRUE);
  g_assert_true (shows (row (decision, "Proposed Result"), "likely to be eligible"));

  decisions = adw_combo_row_get_model (ADW_COMBO_ROW (row (decision, "Decision")));
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 3);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (decisions), 1), ==,
                   "Likely to be eligible");
}

static void
test_different_decision_needs_reason (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = open_assessment (fixture, "carer");
  GtkWidget *decision = page (fixture, "decision");
  GtkWidget *reason = row (decision, "Reason for a Different Decision");

  cf_test_answer_all (assessment, TRUE);
  cf_assessment_editor_show_section (fixture->editor, "decision");
  cf_test_spin (20);
  g_assert_false (gtk_widget_get_visible (reason));

  /* Not eligible, against a proposal of eligible. */
  choose (decision, "Decision", 2);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (assessment), "decision"), ==, "not-eligible");
  g_assert_true (gtk_widget_get_visible (reason));
  g_assert_true (shows (decision, "This is different from the proposed result, “Eligible”."));
  assert_invalid (reason, TRUE);

  gtk_editable_set_text (GTK_EDITABLE (reason), "The carer’s sister has moved in to help.");
  cf_test_spin (20);
  g_assert_false (shows (decision, "This is different from the proposed result"));
  assert_invalid (reason, FALSE);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (assessment), "decision_reason"), ==,
                   "The carer’s sister has moved in to help.");

  /* The proposal can be taken with one button. */
  click (decision, "Use the Proposed Decision");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (assessment), "decision"), ==, "eligible");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (decision, "Decision"))), ==,
                    1);
  g_assert_false (gtk_widget_is_sensitive (cf_test_find_button (decision,
                                                                "Use the Proposed Decision")));
}

static void
test_finish_with_missing (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = open_assessment (fixture, "carer");
  GtkWidget *decision = page (fixture, "decision");
  GtkWidget *finish = cf_test_find_button (decision, "Finish Assessment");
  GtkLabel *missing;

  cf_assessment_editor_show_section (fixture->editor, "decision");
  cf_test_spin (20);
  assert_invalid (finish, FALSE);
  click (decision, "Finish Assessment");

  g_assert_false (cf_assessment_is_finished (assessment));
  missing = find_label (decision, "The assessment can’t be finished yet.");
  g_assert_nonnull (missing);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (missing)));
  g_assert_true (shows (decision, "• Who made the decision: the organisation or the council"));
  g_assert_true (shows (decision, "Can the carer achieve this?"));
  assert_invalid (finish, TRUE);
  g_assert_true (shows (GTK_WIDGET (fixture->editor), "Draft"));

  /* The list follows the answers once it is shown. */
  choose (decision, "Decided By", 1);
  g_assert_false (shows (decision, "• Who made the decision"));
}

static void
test_finish_locks (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = open_assessment (fixture, "carer");
  g_autoptr(CfAssessment) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *decision = page (fixture, "decision");
  GtkWidget *caring = page (fixture, "caring");
  GtkWidget *record = page (fixture, "record");
  guint saved_before;

  g_assert_false (gtk_widget_is_sensitive (cf_test_find_button (record, "Print…")));
  g_assert_false (gtk_widget_is_sensitive (cf_test_find_button (record, "Save as PDF…")));
  g_assert_true (shows (record, "once the assessment is finished: it records the decision."));

  complete_in_gui (fixture, assessment, TRUE);
  saved_before = fixture->n_saved;
  click (decision, "Finish Assessment");

  g_assert_true (cf_assessment_is_finished (assessment));
  g_assert_cmpuint (fixture->n_saved, >, saved_before);
  g_assert_true (shows (GTK_WIDGET (fixture->editor), "Finished"));
  g_assert_false (shows (GTK_WIDGET (fixture->editor), "Draft"));
  g_assert_true (shows (decision, "Finished on 18/11/2026 10:00 by Sam Assessor."));
  g_assert_false (gtk_widget_is_visible (cf_test_find_button (decision, "Finish Assessment")));
  g_assert_true (shows (GTK_WIDGET (sidebar_row (fixture, "Decision")), "Decided: Eligible"));

  /* Every answer and the decision are locked... */
  g_assert_false (gtk_widget_is_sensitive (row (caring, "Gives necessary care to an adult")));
  g_assert_false (gtk_widget_is_sensitive (row (caring, "The care the carer gives")));
  g_assert_false (gtk_widget_is_sensitive (row (caring, "Time spent caring")));
  g_assert_false (gtk_widget_is_sensitive (row (decision, "Decision")));
  g_assert_false (gtk_widget_is_sensitive (row (decision, "Decided By")));
  g_assert_false (gtk_widget_is_sensitive (row (page (fixture, "about"),
                                                "Date of the Assessment (day/month/year)")));
  /* ...but the council's sign-off and the written record are not. */
  g_assert_true (gtk_widget_is_sensitive (row (decision, "Signed Off By")));
  g_assert_true (gtk_widget_is_sensitive (row (decision, "Signed Off On (day/month/year)")));
  g_assert_true (gtk_widget_is_sensitive (row (record, "Format")));
  g_assert_true (gtk_widget_is_sensitive (cf_test_find_button (record, "Print…")));
  g_assert_true (gtk_widget_is_sensitive (cf_test_find_button (record, "Save as PDF…")));
  g_assert_false (shows (record, "once the assessment is finished: it records the decision."));

  /* Only a coordinator can return it. */
  g_assert_false (gtk_widget_is_visible (cf_test_find_button (decision,
                                                              "Return for Correction…")));

  gtk_editable_set_text (GTK_EDITABLE (row (decision, "Signed Off By")), "Pat Council");
  cf_test_spin (900);
  reloaded = cf_assessments_load (fixture->store, cf_record_get_id (CF_RECORD (assessment)),
                                  &error);
  g_assert_no_error (error);
  g_assert_true (cf_assessment_is_finished (reloaded));
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (reloaded), "decision"), ==, "eligible");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (reloaded), "council_signoff_by"), ==,
                   "Pat Council");
}

static CfReturnDialog *
find_return_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (CF_IS_RETURN_DIALOG (window))
        return CF_RETURN_DIALOG (window);
    }

  return NULL;
}

static void
test_return_for_correction (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfAssessment) assessment = NULL;
  GtkWidget *decision = page (fixture, "decision");
  CfReturnDialog *dialog;

  g_assert_true (cf_store_set_role (fixture->store, CF_ROLE_COORDINATOR, &error));
  g_assert_no_error (error);
  assessment = open_assessment (fixture, "carer");

  complete_in_gui (fixture, assessment, FALSE);
  /* Not yet finished: nothing to return. */
  g_assert_false (gtk_widget_is_visible (cf_test_find_button (decision,
                                                              "Return for Correction…")));
  click (decision, "Finish Assessment");
  g_assert_true (cf_assessment_is_finished (assessment));

  click (decision, "Return for Correction…");
  dialog = find_return_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "return"));
  gtk_editable_set_text (cf_return_dialog_get_entry (dialog), "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                           "return"));
  gtk_editable_set_text (cf_return_dialog_get_entry (dialog), "Wellbeing notes are missing.");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                                          "return"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "return");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cf_test_spin (20);

  g_assert_false (cf_assessment_is_finished (assessment));
  g_assert_true (shows (GTK_WIDGET (fixture->editor),
                        "Returned for correction: Wellbeing notes are missing."));
  g_assert_true (gtk_widget_is_sensitive (row (page (fixture, "caring"),
                                               "Gives necessary care to an adult")));
  g_assert_true (gtk_widget_is_sensitive (row (decision, "Decision")));
  g_assert_true (gtk_widget_is_visible (cf_test_find_button (decision, "Finish Assessment")));
  g_assert_false (gtk_widget_is_visible (cf_test_find_button (decision,
                                                              "Return for Correction…")));
}

static void
test_return_only_for_coordinator (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = open_assessment (fixture, "carer");
  g_autoptr(GError) error = NULL;
  GtkWidget *decision = page (fixture, "decision");
  GtkWidget *button = cf_test_find_button (decision, "Return for Correction…");

  complete_in_gui (fixture, assessment, TRUE);
  click (decision, "Finish Assessment");
  g_assert_false (gtk_widget_is_visible (button));

  /* The role changes in Preferences; the page follows. */
  g_assert_true (cf_store_set_role (fixture->store, CF_ROLE_COORDINATOR, &error));
  g_assert_no_error (error);
  cf_test_spin (20);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_get_mapped (button));

  g_assert_true (cf_store_set_role (fixture->store, CF_ROLE_WORKER, &error));
  cf_test_spin (20);
  g_assert_false (gtk_widget_is_visible (button));
}

static gint64
count_exports (CfStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 n;

  g_assert_true (cf_store_exec (store, "DROP VIEW IF EXISTS exports; CREATE TEMP VIEW exports AS "
                                "SELECT * FROM audit WHERE action = 'export' AND "
                                "entity = 'assessment';", &error));
  n = cf_store_count (store, "exports", &error);
  g_assert_no_error (error);

  return n;
}

static void
test_export_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("carefield-assessment-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  GtkWidget *decision = page (fixture, "decision");
  GtkWidget *record = page (fixture, "record");
  gint64 audits_before;
  gint64 until;

  g_assert_no_error (error);
  path = g_build_filename (dir, "written-record.pdf", NULL);

  /* The carer reads Lithuanian, which Carefield has no words in yet: the worker is told the
   * record will be English. */
  cf_record_set_text (CF_RECORD (fixture->carer), "preferred_language", "Lithuanian");
  assessment = open_assessment (fixture, "carer");
  g_assert_true (shows (record, "English: Carefield is not yet translated into Lithuanian"));

  /* A draft can't be printed: the record states the decision. */
  cf_assessment_editor_export_pdf (fixture->editor, path);
  cf_test_spin (50);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  complete_in_gui (fixture, assessment, TRUE);
  click (decision, "Finish Assessment");
  cf_assessment_editor_show_section (fixture->editor, "record");
  cf_test_spin (20);

  audits_before = count_exports (fixture->store);
  cf_assessment_editor_export_pdf (fixture->editor, path);
  g_assert_false (gtk_widget_is_sensitive (cf_test_find_button (record, "Save as PDF…")));

  until = g_get_monotonic_time () + PDF_WAIT_SECONDS * G_USEC_PER_SEC;
  while (find_label (record, "Saved the written record as") == NULL &&
         find_label (record, "not saved") == NULL &&
         g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (shows (record, "Saved the written record as written-record.pdf."));
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (assessment), "record_language"), ==, "en");
  g_assert_true (gtk_widget_is_sensitive (cf_test_find_button (record, "Save as PDF…")));
  g_assert_cmpint (count_exports (fixture->store), ==, audits_before + 1);

  text = cf_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "You have needs as a carer that are eligible for support."));
  expected = g_strdup (cf_decision_get_label ("eligible"));
  g_assert_nonnull (strstr (text, expected));

  g_remove (path);
  g_rmdir (dir);
}

static void
test_record_given (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = open_assessment (fixture, "carer");
  GtkWidget *decision = page (fixture, "decision");
  GtkWidget *record = page (fixture, "record");
  GtkWidget *given_on = row (record, "Given to the Carer On (day/month/year)");
  guint saved_before;

  complete_in_gui (fixture, assessment, TRUE);
  click (decision, "Finish Assessment");
  cf_assessment_editor_show_section (fixture->editor, "record");
  cf_test_spin (20);

  g_assert_true (shows (row (record, "Last Recorded"), "Not recorded yet"));
  g_assert_true (shows (GTK_WIDGET (sidebar_row (fixture, "Written Record")), "Not given yet"));
  /* Today, by default. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (given_on)), ==, "18/11/2026");

  /* How it was given must be said. */
  click (record, "Record That It Was Given");
  g_assert_true (shows (record, "Say how the written record was given."));
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (assessment), "record_given_on"), ==, "");

  /* Not a date in the future. */
  gtk_editable_set_text (GTK_EDITABLE (given_on), "19/11/2027");
  cf_test_spin (20);
  assert_invalid (given_on, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (given_on), "18/11/2026");
  cf_test_spin (20);
  assert_invalid (given_on, FALSE);

  choose (record, "How", 2);
  saved_before = fixture->n_saved;
  click (record, "Record That It Was Given");
  g_assert_cmpuint (fixture->n_saved, >, saved_before);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (assessment), "record_given_on"), ==,
                   "2026-11-18");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (assessment), "record_given_how"), ==, "post");
  g_assert_true (shows (record, "Recorded that the written record was given on 18/11/2026."));
  g_assert_true (shows (row (record, "Last Recorded"), "18/11/2026: Sent by post"));
  g_assert_true (shows (GTK_WIDGET (sidebar_row (fixture, "Written Record")),
                        "Given on 18/11/2026"));
}

static void
test_clear_leaves_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = open_assessment (fixture, "carer");
  g_autoptr(CfAssessment) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *caring = page (fixture, "caring");
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *time;
  GtkWidget *date;

  choose (caring, "Gives necessary care to an adult", 1);
  time = row (caring, "Time spent caring");
  gtk_editable_set_text (GTK_EDITABLE (time), "Most of the day");

  /* Closing (or locking) saves at once, then empties every row, even the one being typed
   * in. */
  cf_assessment_editor_show_section (fixture->editor, "about");
  cf_test_spin (20);
  cf_assessment_editor_focus_first (fixture->editor);
  cf_test_spin (20);
  date = row (page (fixture, "about"), "Date of the Assessment (day/month/year)");
  g_assert_true (gtk_widget_is_focus (GTK_WIDGET (gtk_editable_get_delegate (
    GTK_EDITABLE (date)))));
  cf_assessment_editor_set_assessment (fixture->editor, NULL, NULL);
  /* Long enough for the text cursor to blink, which is when GTK notices a lost focus. */
  cf_test_spin (1500);
  g_assert_null (cf_assessment_editor_get_assessment (fixture->editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (time)), ==, "");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (caring,
                      "Gives necessary care to an adult"))), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (page (fixture, "about"),
                                                             "Assessor"))), ==, "");
  collect_text (GTK_WIDGET (fixture->editor), text, FALSE);
  g_assert_null (strstr (text->str, "Carer’s assessment"));
  g_assert_null (strstr (text->str, "Sam Assessor"));

  reloaded = cf_assessments_load (fixture->store, cf_record_get_id (CF_RECORD (assessment)),
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_assessment_get_answer (reloaded, "caring.time"), ==, "Most of the day");
}

int
main (int    argc,
      char **argv)
{
  cf_test_gui_init (&argc, &argv);

  g_test_add ("/gui/assessment/sidebar-and-progress", Fixture, NULL,
              fixture_set_up, test_sidebar_and_progress, fixture_tear_down);
  g_test_add ("/gui/assessment/autosave-and-flush", Fixture, NULL,
              fixture_set_up, test_autosave_and_flush, fixture_tear_down);
  g_test_add ("/gui/assessment/about-this-assessment", Fixture, NULL,
              fixture_set_up, test_about_this_assessment, fixture_tear_down);
  g_test_add ("/gui/assessment/shown-when", Fixture, NULL,
              fixture_set_up, test_shown_when, fixture_tear_down);
  g_test_add ("/gui/assessment/eligibility-panel", Fixture, NULL,
              fixture_set_up, test_eligibility_panel, fixture_tear_down);
  g_test_add ("/gui/assessment/transition-says-likely", Fixture, NULL,
              fixture_set_up, test_transition_says_likely, fixture_tear_down);
  g_test_add ("/gui/assessment/different-decision-needs-reason", Fixture, NULL,
              fixture_set_up, test_different_decision_needs_reason, fixture_tear_down);
  g_test_add ("/gui/assessment/finish-with-missing", Fixture, NULL,
              fixture_set_up, test_finish_with_missing, fixture_tear_down);
  g_test_add ("/gui/assessment/finish-locks", Fixture, NULL,
              fixture_set_up, test_finish_locks, fixture_tear_down);
  g_test_add ("/gui/assessment/return-for-correction", Fixture, NULL,
              fixture_set_up, test_return_for_correction, fixture_tear_down);
  g_test_add ("/gui/assessment/return-only-for-coordinator", Fixture, NULL,
              fixture_set_up, test_return_only_for_coordinator, fixture_tear_down);
  g_test_add ("/gui/assessment/export-pdf", Fixture, NULL,
              fixture_set_up, test_export_pdf, fixture_tear_down);
  g_test_add ("/gui/assessment/record-given", Fixture, NULL,
              fixture_set_up, test_record_given, fixture_tear_down);
  g_test_add ("/gui/assessment/clear-leaves-nothing", Fixture, NULL,
              fixture_set_up, test_clear_leaves_nothing, fixture_tear_down);

  return g_test_run ();
}
