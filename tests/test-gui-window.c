/* test-gui-window.c: the whole window: unlocking, opening a carer, locking by hand and when idle
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real CfApplication runs, without a session bus registration, and the tests run from its
 * "activate" handler against the window it opened.
 */

#include "config.h"

#include <adwaita.h>

#include "cf-application.h"
#include "cf-assessment-editor.h"
#include "cf-assessment-start-dialog.h"
#include "cf-assessments.h"
#include "cf-caseload-view.h"
#include "cf-due-page.h"
#include "cf-plans.h"
#include "cf-reviews-page.h"
#include "cf-support-view.h"
#include "cf-profile.h"
#include "cf-test-gui.h"
#include "cf-test-util.h"
#include "cf-unlock-page.h"
#include "cf-window-private.h"

#define PASSPHRASE "window test passphrase"

static CfApplication *app;
static char *carer_id;
static char *planned_id;

static CfWindow *
window (void)
{
  return CF_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static gboolean
is_unlocked (gpointer data)
{
  return !cf_window_is_locked (window ());
}

static void
unlock (void)
{
  GtkWidget *page = cf_test_find_type (GTK_WIDGET (window ()), CF_TYPE_UNLOCK_PAGE);
  GtkWidget *entry = cf_test_find_type (page, ADW_TYPE_PASSWORD_ENTRY_ROW);

  g_assert_true (cf_window_is_locked (window ()));
  gtk_editable_set_text (GTK_EDITABLE (entry), PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (page, "unlock-page.unlock", NULL));
  cf_test_spin_until (is_unlocked, NULL, 20000);
  cf_test_spin (200);
}

static void
open_carer (void)
{
  GtkWidget *view = cf_test_find_type (GTK_WIDGET (window ()), CF_TYPE_CASELOAD_VIEW);

  g_signal_emit_by_name (view, "carer-activated", carer_id);
  cf_test_spin (100);
}

static void
test_unlock_and_open (void)
{
  GtkWidget *root = GTK_WIDGET (window ());

  g_assert_false (cf_test_holds_text (root, "Goldcrest"));
  unlock ();
  /* The caseload shows the carer; opening them shows their record. */
  g_assert_true (cf_test_holds_text (root, "Hester Goldcrest"));
  open_carer ();
  g_assert_true (cf_test_holds_text (root, "01632 960555"));
}

static void
test_locks_when_idle (void)
{
  GtkWidget *root = GTK_WIDGET (window ());
  gint64 now = g_get_monotonic_time ();

  g_assert_false (cf_window_is_locked (window ()));

  /* Nine minutes without a key or a click: still open (the default is 10). */
  g_assert_false (cf_window_check_idle (window (), now + 9 * 60 * G_USEC_PER_SEC));
  g_assert_false (cf_window_is_locked (window ()));

  /* Eleven: locked, and nothing personal left in any widget, shown or hidden. */
  g_assert_true (cf_window_check_idle (window (), now + 11 * 60 * G_USEC_PER_SEC));
  g_assert_true (cf_window_is_locked (window ()));
  cf_test_spin (100);
  g_assert_false (cf_test_holds_text (root, "Goldcrest"));
  g_assert_false (cf_test_holds_text (root, "Hester"));
  g_assert_false (cf_test_holds_text (root, "01632 960555"));
  /* After the crossfade, only the unlock page is on screen. */
  cf_test_spin (500);
  g_assert_true (gtk_widget_get_mapped (cf_test_find_type (root, CF_TYPE_UNLOCK_PAGE)));
  g_assert_false (gtk_widget_get_mapped (cf_test_find_type (root, CF_TYPE_CASELOAD_VIEW)));
}

static void
test_lock_on_demand_keeps_edits (void)
{
  GtkWidget *root = GTK_WIDGET (window ());
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfCarer) carer = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *locality = NULL;

  unlock ();
  open_carer ();

  /* Type into Locality, then lock at once (Ctrl+L's action), well within the autosave delay. */
  locality = cf_test_find_row (root, "Locality");
  g_assert_nonnull (locality);
  gtk_editable_set_text (GTK_EDITABLE (locality), "Saltmarsh End");
  g_assert_true (gtk_widget_activate_action (root, "win.lock", NULL));
  g_assert_true (cf_window_is_locked (window ()));
  g_assert_false (cf_test_holds_text (root, "Saltmarsh End"));

  /* Nothing typed was lost to the lock. */
  store = cf_profile_unlock (cf_application_get_profile_dir (app), PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  carer = cf_store_load_carer (store, carer_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (carer), "locality"), ==, "Saltmarsh End");
}

static GtkWindow *
shown_start_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i - 1);

      if (CF_IS_ASSESSMENT_START_DIALOG (toplevel) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_WINDOW (toplevel);
    }

  return NULL;
}

static void
test_assessment_start_lock_and_back (void)
{
  GtkWidget *root = GTK_WIDGET (window ());
  GtkWidget *editor;
  GtkWidget *period;
  GtkWindow *dialog;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(CfAssessment) saved = NULL;
  g_autoptr(GError) error = NULL;

  unlock ();
  open_carer ();

  /* Start: the dialog asks only what it must, and Start opens the new draft. */
  g_assert_true (gtk_widget_activate_action (root, "win.start-assessment", NULL));
  cf_test_spin (100);
  dialog = shown_start_dialog ();
  g_assert_nonnull (dialog);
  g_signal_emit_by_name (cf_test_find_button (GTK_WIDGET (dialog), "_Start"), "clicked");
  cf_test_spin (200);
  editor = cf_test_find_type (root, CF_TYPE_ASSESSMENT_EDITOR);
  g_assert_nonnull (editor);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_nonnull (cf_assessment_editor_get_assessment (CF_ASSESSMENT_EDITOR (editor)));

  /* Type an answer and lock within the autosave delay: nothing is lost. */
  cf_assessment_editor_show_section (CF_ASSESSMENT_EDITOR (editor), "fluctuation");
  cf_test_spin (50);
  period = cf_test_find_row (editor, "Period considered");
  g_assert_nonnull (period);
  gtk_editable_set_text (GTK_EDITABLE (period), "The last three months");
  g_assert_true (gtk_widget_activate_action (root, "win.lock", NULL));
  g_assert_false (cf_test_holds_text (root, "The last three months"));

  store = cf_profile_unlock (cf_application_get_profile_dir (app), PASSPHRASE, NULL, &error);
  g_assert_no_error (error);
  listed = cf_assessments_list (store, carer_id, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  saved = cf_assessments_load (store, cf_record_get_id (g_ptr_array_index (listed, 0)), &error);
  g_assert_cmpstr (cf_assessment_get_answer (saved, "fluctuation.period"), ==,
                   "The last three months");
  g_assert_true (cf_store_close (store, &error));

  /* Opened again from the carer's page, and back to the carer with Alt+Left's action. */
  unlock ();
  open_carer ();
  g_assert_true (cf_test_holds_text (root, "Draft: not finished yet"));
  g_assert_true (gtk_widget_activate_action (root, "win.open-assessment", "s",
                                             cf_record_get_id (CF_RECORD (saved))));
  cf_test_spin (100);
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_true (cf_test_holds_text (editor, "The last three months"));
  g_assert_true (gtk_widget_activate_action (root, "win.show-carer", NULL));
  cf_test_spin (600);
  g_assert_false (gtk_widget_get_mapped (editor));
  g_assert_true (cf_test_holds_text (root, "01632 960555"));
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_loaded (gboolean *loaded)
{
  *loaded = TRUE;
}

static void
test_support_and_due (void)
{
  GtkWidget *root = GTK_WIDGET (window ());
  GtkWidget *view;
  GtkWidget *due;
  gboolean loaded = FALSE;

  if (!cf_window_is_locked (window ()))
    g_assert_true (gtk_widget_activate_action (root, "win.lock", NULL));
  unlock ();
  g_signal_emit_by_name (cf_test_find_type (root, CF_TYPE_CASELOAD_VIEW), "carer-activated",
                         planned_id);
  cf_test_spin (100);

  /* The carer's page says where the plan stands and that its review is overdue. */
  g_assert_true (cf_test_holds_text (root, "Version 1, agreed on 05/01/2026"));
  g_assert_true (cf_test_holds_text (root, "1 thing overdue"));

  /* Its row opens the support view on the page asked for. */
  g_assert_true (gtk_widget_activate_action (root, "win.open-support", "s", "reviews"));
  cf_test_spin (100);
  view = cf_test_find_type (root, CF_TYPE_SUPPORT_VIEW);
  g_assert_true (gtk_widget_get_mapped (view));
  g_assert_cmpstr (cf_support_view_get_page (CF_SUPPORT_VIEW (view)), ==, "reviews");
  g_assert_true (cf_test_holds_text (cf_support_view_get_page_widget (CF_SUPPORT_VIEW (view), "reviews"),
                             "Plan review overdue"));
  g_assert_true (gtk_widget_activate_action (root, "win.show-carer", NULL));
  cf_test_spin (100);
  g_assert_false (gtk_widget_get_mapped (view));

  /* The caseload's due list, worked out in a thread, and back to the carer from a row. */
  due = cf_test_find_type (root, CF_TYPE_DUE_PAGE);
  g_signal_connect_swapped (due, "loaded", G_CALLBACK (on_loaded), &loaded);
  g_assert_true (gtk_widget_activate_action (root, "win.show-due", NULL));
  cf_test_spin_until (is_true, &loaded, 20000);
  g_assert_true (gtk_widget_get_mapped (due));
  g_assert_cmpuint (cf_due_page_get_n_items (CF_DUE_PAGE (due)), ==, 1);
  g_assert_true (cf_test_holds_text (due, "Ivy Wren"));
  g_assert_true (cf_test_holds_text (due, "Plan review overdue since 2 Mar 2026"));
  g_assert_true (gtk_widget_activate_action (root, "win.open-carer", "s", carer_id));
  cf_test_spin (100);
  g_assert_false (gtk_widget_get_mapped (due));
  g_assert_true (cf_test_holds_text (root, "01632 960555"));
}

static int status;

static void
on_activate (GApplication *application)
{
  status = g_test_run ();
  g_application_quit (application);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfCarer) carer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  char *app_argv[] = { (char *) "carefield", NULL };

  cf_test_gui_init (&argc, &argv);

  /* A profile where the application looks for it, with one carer in it. */
  dir = cf_profile_default_dir ();
  store = cf_profile_create (dir, PASSPHRASE, "Window Tester", NULL, &error);
  g_assert_no_error (error);
  carer = cf_carer_new ();
  cf_record_set_text (CF_RECORD (carer), "given_name", "Hester");
  cf_record_set_text (CF_RECORD (carer), "family_name", "Goldcrest");
  cf_record_set_text (CF_RECORD (carer), "phone", "01632 960555");
  g_assert_true (cf_store_save_carer (store, carer, &error));
  carer_id = g_strdup (cf_record_get_id (CF_RECORD (carer)));

  /* Another carer, with an agreed support plan whose first review (6 to 8 weeks on) is long
   * overdue. */
  {
    g_autoptr(CfCarer) planned = cf_test_save_carer (store, "given_name", "Ivy", "family_name",
                                                     "Wren", NULL);
    g_autoptr(CfAssessment) assessment = cf_test_finished_assessment (store, planned, TRUE);
    g_autoptr(CfPlan) plan = cf_plans_create_from_assessment (store, planned, assessment, &error);
    g_autoptr(GPtrArray) needs = cf_plans_list_needs (store, cf_record_get_id (CF_RECORD (plan)),
                                                      &error);

    for (guint i = 0; i < needs->len; i++)
      cf_record_set_text (g_ptr_array_index (needs, i), "met_by", "break");
    cf_record_set_text (CF_RECORD (plan), "outcomes", "Time to rest");
    cf_record_set_bool (CF_RECORD (plan), "carer_agrees", TRUE);
    g_assert_true (cf_plans_agree (store, plan, needs, NULL, "2026-01-05", &error));
    g_assert_no_error (error);
    planned_id = g_strdup (cf_record_get_id (CF_RECORD (planned)));
  }
  g_assert_true (cf_store_close (store, &error));

  g_test_add_func ("/gui/window/unlock-and-open", test_unlock_and_open);
  g_test_add_func ("/gui/window/locks-when-idle", test_locks_when_idle);
  g_test_add_func ("/gui/window/lock-on-demand-keeps-edits", test_lock_on_demand_keeps_edits);
  g_test_add_func ("/gui/window/assessment-start-lock-and-back",
                   test_assessment_start_lock_and_back);
  g_test_add_func ("/gui/window/support-and-due", test_support_and_due);

  app = cf_application_new ();
  /* No session bus registration: the test owns this process's only instance. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), NULL);
  g_application_run (G_APPLICATION (app), 1, app_argv);
  g_clear_object (&app);
  g_free (carer_id);

  return status;
}
