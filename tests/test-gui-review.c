/* test-gui-review.c: carer review mode in the real window
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The laptop is handed to a carer: only their plan is on screen, nothing else can be reached,
 * what they say is saved as theirs, and only the worker's passphrase (or locking) ends it.
 */

#include "config.h"

#include <adwaita.h>
#include <libintl.h>

#include "cf-application.h"
#include "cf-carer-editor.h"
#include "cf-carer-review.h"
#include "cf-language.h"
#include "cf-caseload-view.h"
#include "cf-plans.h"
#include "cf-profile.h"
#include "cf-review-mode.h"
#include "cf-test-gui.h"
#include "cf-test-util.h"
#include "cf-unlock-page.h"
#include "cf-window-private.h"

#define PASSPHRASE "review mode test passphrase"

static CfApplication *app;
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

  gtk_editable_set_text (GTK_EDITABLE (entry), PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (page, "unlock-page.unlock", NULL));
  cf_test_spin_until (is_unlocked, NULL, 20000);
  cf_test_spin (200);
}

static void
enter (void)
{
  GtkWidget *root = GTK_WIDGET (window ());

  if (cf_window_is_locked (window ()))
    unlock ();
  g_signal_emit_by_name (cf_test_find_type (root, CF_TYPE_CASELOAD_VIEW), "carer-activated",
                         planned_id);
  cf_test_spin (100);
  g_assert_true (cf_test_holds_text (root, "Ivy Wren"));
  g_assert_true (gtk_widget_activate_action (root, "win.review-mode", NULL));
  cf_test_spin (300);
  g_assert_nonnull (cf_window_get_review_mode (window ()));
}

static CfReviewMode *
mode (void)
{
  return cf_window_get_review_mode (window ());
}

static CfStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cf_profile_default_dir ();
  CfStore *store = cf_profile_unlock (dir, PASSPHRASE, NULL, &error);

  g_assert_no_error (error);
  return store;
}

/* Every window action that leads to another record. */
static const char *ways_out[] = {
  "win.show-caseload", "win.search", "win.new-referral", "win.show-due", "win.show-conflicts",
  "win.show-carer", "win.review-mode", "win.start-assessment", "win.sync-now",
};

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static gboolean
is_leaving_done (gpointer data)
{
  return mode () == NULL;
}

static gboolean
has_error (gpointer data)
{
  return cf_test_holds_text (GTK_WIDGET (mode ()), (const char *) data);
}

/* Only the carer's own plan is on screen, and nothing else is reachable. */
static void
test_only_theirs (void)
{
  GtkWidget *root = GTK_WIDGET (window ());
  GtkWidget *caseload;
  GtkWidget *editor;

  enter ();
  cf_test_spin (500);

  /* Their plan, in words, with its sections. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (mode ())));
  g_assert_true (cf_test_holds_text (GTK_WIDGET (mode ()), "Time to rest"));
  g_assert_true (cf_test_holds_text (GTK_WIDGET (mode ()), "Your Emergency Plan"));
  g_assert_true (cf_test_holds_text (GTK_WIDGET (mode ()), "Your Direct Payment"));
  g_assert_true (cf_test_holds_text (GTK_WIDGET (mode ()), "Your Next Review"));
  g_assert_true (cf_test_holds_text (GTK_WIDGET (mode ()), "For Ivy Wren"));
  g_assert_false (cf_test_holds_text (GTK_WIDGET (mode ()), "Goldcrest"));

  /* The caseload, and the other carer in it, are out of sight and out of reach: every way
   * there does nothing. */
  caseload = cf_test_find_type (root, CF_TYPE_CASELOAD_VIEW);
  cf_test_spin_until (is_unmapped, caseload, 5000);
  for (guint i = 0; i < G_N_ELEMENTS (ways_out); i++)
    {
      gtk_widget_activate_action (root, ways_out[i], NULL);
      cf_test_spin (50);
    }
  gtk_widget_activate_action (root, "win.open-carer", "s", "anyone");
  cf_test_spin (300);
  g_assert_nonnull (mode ());
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (mode ())));
  g_assert_false (gtk_widget_get_mapped (caseload));
  g_assert_false (cf_test_holds_text (GTK_WIDGET (mode ()), "Goldcrest"));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  /* Nor did anything happen out of sight: the worker's page is as it was. */
  editor = cf_test_find_type (root, CF_TYPE_CARER_EDITOR);
  g_assert_cmpstr (cf_record_get_id (CF_RECORD (cf_carer_editor_get_carer (CF_CARER_EDITOR (editor)))),
                   ==, planned_id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     GTK_STACK (gtk_widget_get_ancestor (editor, GTK_TYPE_STACK))), ==, "carer");

  /* Preferences do not open over it. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  cf_test_spin (200);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_nonnull (mode ());
}

static void
test_respond (void)
{
  g_autoptr(CfStore) store = NULL;
  GtkWidget *root;

  if (mode () == NULL)
    enter ();
  root = GTK_WIDGET (mode ());

  /* A comment needs words: said next to the words, and nothing saved. */
  cf_review_mode_set_words (mode (), "");
  g_assert_true (gtk_widget_activate_action (root, "review.respond", "s", "comment"));
  g_assert_true (cf_test_holds_text (root, "Write what you want to say first."));

  cf_review_mode_set_words (mode (), "Could the sitter come on Tuesdays?");
  g_assert_true (gtk_widget_activate_action (root, "review.respond", "s", "comment"));
  g_assert_true (cf_test_holds_text (root, "We have saved your comment"));
  /* What they said is listed, and the words are cleared for the next thing. */
  g_assert_true (cf_test_holds_text (root, "A comment: Could the sitter come on Tuesdays?"));
  {
    g_autofree char *left = cf_review_mode_dup_words (mode ());

    g_assert_cmpstr (left, ==, "");
  }

  g_assert_true (gtk_widget_activate_action (root, "review.respond", "s", "early-review"));
  g_assert_true (cf_test_holds_text (root, "We have asked for an early review"));

  /* Saved as the carer's, waiting to sync. */
  store = open_store ();
  g_assert_cmpint (cf_test_count (store, "carer_response", "kind = 'comment' AND given_by = "
                                  "'Ivy Wren' AND text = 'Could the sitter come on Tuesdays?'"),
                   ==, 1);
  g_assert_cmpint (cf_test_count (store, "review", "kind = 'early' AND requested_by = 'Ivy Wren'"),
                   ==, 1);
  g_assert_cmpint (cf_test_count (store, "outbox", "entity = 'carer_response'"), ==, 2);
  g_assert_cmpint (cf_test_count (store, "audit", "detail = 'carer review mode started'"), ==, 1);
}

/* Leaving needs the worker's passphrase: a wrong one is said so, and the carer stays. */
static void
test_leave (void)
{
  GtkWidget *root;
  GtkWidget *entry;

  if (mode () == NULL)
    enter ();
  root = GTK_WIDGET (mode ());
  entry = cf_test_find_type (root, GTK_TYPE_PASSWORD_ENTRY);

  g_assert_true (gtk_widget_activate_action (root, "review.leave", NULL));
  cf_test_spin_until (is_mapped, entry, 5000);
  /* The focus goes to the passphrase (to the text inside the entry). */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window ())), entry));

  g_assert_true (gtk_widget_activate_action (root, "review.check-passphrase", NULL));
  g_assert_true (cf_test_holds_text (root, "Enter the worker’s passphrase"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "not the passphrase at all");
  g_assert_true (gtk_widget_activate_action (root, "review.check-passphrase", NULL));
  cf_test_spin_until (has_error, (gpointer) "That is not the worker’s passphrase", 20000);
  g_assert_nonnull (mode ());
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (entry), PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (root, "review.check-passphrase", NULL));
  cf_test_spin_until (is_leaving_done, NULL, 20000);
  cf_test_spin (300);

  /* Back on the carer's page, with everything the worker had. */
  cf_test_spin_until (is_mapped, cf_test_find_type (GTK_WIDGET (window ()), CF_TYPE_CASELOAD_VIEW),
                      5000);
  g_assert_true (cf_test_holds_text (GTK_WIDGET (window ()), "The carer responded to their plan"));
}

/* The words a catalogue gives @msgid in @code: never written in the test. */
static char *
translated (const char *code,
            const char *msgid)
{
  CfLanguageScope scope = { 0 };
  char *text;

  cf_language_scope_begin (&scope, code);
  text = g_strdup (g_dgettext (GETTEXT_PACKAGE, msgid));
  cf_language_scope_end (&scope);

  return text;
}

static GtkWidget *
review_title (void)
{
  return cf_test_find_type (GTK_WIDGET (mode ()), ADW_TYPE_WINDOW_TITLE);
}

/* The carer chooses their language: the mode is written again in it, right to left for Urdu,
 * and what they were typing stays. */
static void
test_language (void)
{
  GtkDropDown *languages;
  GListModel *names;
  guint urdu = GTK_INVALID_LIST_POSITION;
  g_autofree char *your_plan = translated ("ur", "Your Plan");
  g_autofree char *english = NULL;

  if (mode () == NULL)
    enter ();
  g_assert_cmpstr (cf_review_mode_get_language (mode ()), ==, "en");
  english = g_strdup (adw_window_title_get_title (ADW_WINDOW_TITLE (review_title ())));
  g_assert_cmpstr (english, ==, "Your Plan");
  /* The catalogue exists and translates it, or the test could not tell. */
  g_assert_true (cf_language_is_translated ("ur"));
  g_assert_cmpstr (your_plan, !=, "Your Plan");

  cf_review_mode_set_words (mode (), "Half-typed words");
  languages = GTK_DROP_DOWN (cf_test_find_type (GTK_WIDGET (mode ()), GTK_TYPE_DROP_DOWN));
  names = gtk_drop_down_get_model (languages);
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    {
      if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "اردو"))
        urdu = i;
    }
  g_assert_cmpuint (urdu, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (languages, urdu);
  cf_test_spin (200);

  g_assert_cmpstr (cf_review_mode_get_language (mode ()), ==, "ur");
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (review_title ())), ==, your_plan);
  g_assert_cmpint (gtk_widget_get_direction (review_title ()), ==, GTK_TEXT_DIR_RTL);
  {
    g_autofree char *words = cf_review_mode_dup_words (mode ());

    g_assert_cmpstr (words, ==, "Half-typed words");
  }
  /* The rest of the window keeps the worker's language and direction. */
  g_assert_cmpint (gtk_widget_get_direction (cf_test_find_type (GTK_WIDGET (window ()),
                                                                CF_TYPE_CASELOAD_VIEW)),
                   !=, GTK_TEXT_DIR_RTL);
  cf_review_mode_set_words (mode (), "");
}

static gboolean
is_locked (gpointer data)
{
  return cf_window_is_locked (window ());
}

/* Guessing is stopped: after three wrong passphrases the window locks. */
static void
test_guesses_lock (void)
{
  enter ();
  for (guint i = 0; i < CF_REVIEW_MODE_MAX_ATTEMPTS; i++)
    {
      GtkWidget *root = GTK_WIDGET (mode ());
      GtkWidget *entry = cf_test_find_type (root, GTK_TYPE_PASSWORD_ENTRY);
      g_autofree char *guess = g_strdup_printf ("guess number %u", i);

      gtk_editable_set_text (GTK_EDITABLE (entry), guess);
      g_assert_true (gtk_widget_activate_action (root, "review.check-passphrase", NULL));
      if (i + 1 < CF_REVIEW_MODE_MAX_ATTEMPTS)
        cf_test_spin_until (has_error, (gpointer) "That is not the worker’s passphrase", 20000);
    }
  cf_test_spin_until (is_locked, NULL, 20000);
  cf_test_spin (100);
  g_assert_null (mode ());
  g_assert_false (cf_test_holds_text (GTK_WIDGET (window ()), "Wren"));
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
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  char *app_argv[] = { (char *) "carefield", NULL };

  cf_test_gui_init (&argc, &argv);
  /* The catalogues the build made, as the application finds them uninstalled. */
  g_setenv ("CAREFIELD_LOCALEDIR", g_getenv ("CF_TEST_LOCALEDIR"), TRUE);
  cf_language_bind_domain ();
  textdomain (GETTEXT_PACKAGE);

  /* Two carers: Ivy Wren, with an agreed plan, whose laptop it is handed to; and Hester
   * Goldcrest, who must never appear. */
  dir = cf_profile_default_dir ();
  store = cf_profile_create (dir, PASSPHRASE, "Review Tester", NULL, &error);
  g_assert_no_error (error);
  {
    g_autoptr(CfCarer) other = cf_test_save_carer (store, "given_name", "Hester", "family_name",
                                                   "Goldcrest", NULL);
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
    g_assert_true (cf_plans_agree (store, plan, needs, NULL, "2026-10-05", &error));
    g_assert_no_error (error);
    planned_id = g_strdup (cf_record_get_id (CF_RECORD (planned)));
  }
  g_assert_true (cf_store_close (store, &error));

  g_test_add_func ("/gui/review/only-theirs", test_only_theirs);
  g_test_add_func ("/gui/review/respond", test_respond);
  g_test_add_func ("/gui/review/language", test_language);
  g_test_add_func ("/gui/review/leave", test_leave);
  g_test_add_func ("/gui/review/guesses-lock", test_guesses_lock);

  app = cf_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), NULL);
  g_application_run (G_APPLICATION (app), 1, app_argv);
  g_clear_object (&app);
  g_free (planned_id);

  return status;
}
