/* test-gui-reviews.c: the reviews page and the caseload's due list as a worker uses them
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialogs are AdwMessageDialogs; the test drives what their responses do
 * (cf_reviews_page_request_early, cf_reviews_page_record) and checks the page and the store.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cf-due-page.h"
#include "cf-plans.h"
#include "cf-profile.h"
#include "cf-reviews-page.h"
#include "cf-reviews.h"
#include "cf-test-gui.h"
#include "cf-test-util.h"

typedef struct
{
  CfContext     *context;
  CfStore       *store;
  CfCarer       *carer;
  CfPlan        *plan;
  GtkWidget     *window;
  CfReviewsPage *page;
  guint          n_changed;
} Fixture;

static void
on_changed (CfReviewsPage *page,
            Fixture       *fixture)
{
  fixture->n_changed++;
}

/* Does any label or row under @root, shown or not, hold @text? */
static gboolean
shows (GtkWidget  *root,
       const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (ADW_IS_PREFERENCES_ROW (child) &&
          strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), text) != NULL)
        return TRUE;
      if (ADW_IS_ACTION_ROW (child) && adw_action_row_get_subtitle (ADW_ACTION_ROW (child)) &&
          strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child)), text) != NULL)
        return TRUE;
      if (shows (child, text))
        return TRUE;
    }

  return FALSE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint counter;
  g_autofree char *dir = g_strdup_printf ("%s/reviews-%u", g_get_user_data_dir (), counter++);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 18, 10, 30, 0);
  g_autoptr(CfClock) clock = cf_clock_new_fixed (now);
  g_autoptr(CfAssessment) assessment = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GError) error = NULL;

  fixture->context = cf_context_new (clock, NULL);
  fixture->store = cf_profile_create (dir, "reviews test passphrase", "Sam Assessor", clock,
                                      &error);
  g_assert_no_error (error);
  cf_context_set_store (fixture->context, fixture->store);
  fixture->carer = cf_test_save_carer (fixture->store, "given_name", "Hester",
                                       "family_name", "Goldcrest", "phone", "01632 960555",
                                       NULL);

  /* An agreed plan whose first review fell due in March. */
  assessment = cf_test_finished_assessment (fixture->store, fixture->carer, TRUE);
  fixture->plan = cf_plans_create_from_assessment (fixture->store, fixture->carer, assessment,
                                                   &error);
  g_assert_no_error (error);
  needs = cf_plans_list_needs (fixture->store, cf_record_get_id (CF_RECORD (fixture->plan)),
                               &error);
  for (guint i = 0; i < needs->len; i++)
    cf_record_set_text (g_ptr_array_index (needs, i), "met_by", "break");
  cf_record_set_text (CF_RECORD (fixture->plan), "outcomes", "Time to rest");
  cf_record_set_bool (CF_RECORD (fixture->plan), "carer_agrees", TRUE);
  g_assert_true (cf_plans_agree (fixture->store, fixture->plan, needs, NULL, "2026-01-05",
                                 &error));
  g_assert_no_error (error);

  fixture->page = cf_reviews_page_new (fixture->context);
  g_signal_connect (fixture->page, "changed", G_CALLBACK (on_changed), fixture);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));
  cf_reviews_page_set_carer (fixture->page, fixture->carer);
  cf_test_spin (50);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  cf_test_spin (20);
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->carer);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->context);
}

static void
test_due_and_reviews (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->page);
  const char *plan_id = cf_record_get_id (CF_RECORD (fixture->plan));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) plans = NULL;

  /* The first review, 8 weeks after the plan was agreed, is overdue: in words. */
  g_assert_true (shows (root, "Plan review overdue since 2 Mar 2026"));
  g_assert_true (shows (root, "No reviews yet"));

  /* An early review needs a reason the page knows. */
  g_assert_false (cf_reviews_page_request_early (fixture->page, plan_id, "whim", NULL, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (cf_reviews_page_request_early (fixture->page, "no-such-plan", "request", NULL,
                                                 &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cf_reviews_page_request_early (fixture->page, plan_id, "carer-in-hospital",
                                                "Five nights in hospital", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_true (shows (root, "Early review asked for on 18/11/2026"));
  g_assert_true (shows (root, "The carer was in hospital"));
  g_assert_true (shows (root, "Early review due 16 Dec 2026"));

  /* A date typed wrongly is refused in words; nothing is recorded. */
  {
    g_autoptr(GPtrArray) reviews = cf_reviews_list (fixture->store,
                                                    cf_record_get_id (CF_RECORD (fixture->carer)),
                                                    &error);
    const char *pending_id = cf_record_get_id (g_ptr_array_index (reviews, 0));

    g_assert_false (cf_reviews_page_record (fixture->page, pending_id, NULL, "31/02/2026",
                                            "plan-revised", NULL, &error));
    g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
    g_clear_error (&error);

    /* Held, with the plan revised: the cycle restarts and the next version is started. */
    g_assert_true (cf_reviews_page_record (fixture->page, pending_id, NULL, "18/11/2026",
                                           "plan-revised", "More breaks while recovering",
                                           &error));
    g_assert_no_error (error);
  }

  g_assert_true (shows (root, "Early plan review held on 18/11/2026"));
  g_assert_true (shows (root, "The plan was revised"));
  g_assert_true (shows (root, "Plan review due 18 Nov 2027"));
  g_assert_true (shows (root, "A new version of the plan was started"));
  g_assert_false (shows (root, "overdue since"));

  plans = cf_plans_list (fixture->store, cf_record_get_id (CF_RECORD (fixture->carer)), &error);
  g_assert_cmpuint (plans->len, ==, 2);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (plans, 0), "status"), ==,
                   CF_PLAN_DRAFT);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (plans, 0), "change_reason"), ==,
                   "More breaks while recovering");

  /* A scheduled review of the plan in force. */
  g_assert_true (cf_reviews_page_record (fixture->page, NULL, plan_id, "17/11/2026", "no-change",
                                         NULL, &error));
  g_assert_no_error (error);
  g_assert_true (shows (root, "Plan review held on 17/11/2026"));
}

static void
test_texts_consent (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->page);
  GtkWidget *row = cf_test_find_row (root, "The carer agrees to text message reminders");
  GtkWidget *toggle = cf_test_find_type (row, GTK_TYPE_SWITCH);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCarer) stored = NULL;
  g_autoptr(GPtrArray) events = NULL;
  guint n_consent = 0;

  g_assert_nonnull (toggle);
  g_assert_true (shows (root, "No reminders will be sent by text"));

  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  cf_test_spin (20);
  g_assert_true (shows (root, "Agreed on 18/11/2026"));
  g_assert_true (shows (root, "Consent to text reminders recorded"));
  stored = cf_store_load_carer (fixture->store, cf_record_get_id (CF_RECORD (fixture->carer)),
                                &error);
  g_assert_true (cf_record_get_bool (CF_RECORD (stored), "texts_consent"));
  g_clear_object (&stored);

  /* The overdue review is queued as a text, for this carer only. */
  g_assert_cmpuint (cf_due_queue_reminders (fixture->store, NULL, &error), ==, 1);

  /* Withdrawn: recorded as its own history entry. */
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  cf_test_spin (20);
  g_assert_true (shows (root, "Withdrawal of consent to text reminders recorded"));
  stored = cf_store_load_carer (fixture->store, cf_record_get_id (CF_RECORD (fixture->carer)),
                                &error);
  g_assert_false (cf_record_get_bool (CF_RECORD (stored), "texts_consent"));
  events = cf_store_list_events (fixture->store, cf_record_get_id (CF_RECORD (fixture->carer)),
                                 &error);
  for (guint i = 0; i < events->len; i++)
    n_consent += g_str_equal (cf_record_get_text (g_ptr_array_index (events, i), "kind"),
                              "texts-consent");
  g_assert_cmpuint (n_consent, ==, 2);
}

static void
on_loaded (gboolean *loaded)
{
  *loaded = TRUE;
}

static void
test_due_page (Fixture       *fixture,
               gconstpointer  data)
{
  CfDuePage *due = cf_due_page_new (fixture->context);
  GtkWidget *window = gtk_window_new ();
  gboolean loaded = FALSE;
  gint64 until = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (due));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect_swapped (due, "loaded", G_CALLBACK (on_loaded), &loaded);
  cf_due_page_reload (due);
  while (!loaded && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (loaded);

  g_assert_cmpuint (cf_due_page_get_n_items (due), ==, 1);
  g_assert_true (shows (GTK_WIDGET (due), "1 due within 30 days or overdue, 1 of them overdue."));
  g_assert_true (shows (GTK_WIDGET (due), "Hester Goldcrest"));
  g_assert_true (shows (GTK_WIDGET (due), "Plan review overdue since 2 Mar 2026"));

  /* Queuing reminders says how many, in words: none, as no carer agreed to texts. */
  g_signal_emit_by_name (cf_test_find_button (GTK_WIDGET (due), "Queue _Text Reminders"),
                         "clicked");
  g_assert_true (shows (GTK_WIDGET (due), "No new text reminders"));

  gtk_window_destroy (GTK_WINDOW (window));
  cf_test_spin (20);
}

int
main (int   argc,
      char *argv[])
{
  cf_test_gui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/reviews/due-and-reviews", test_due_and_reviews);
  ADD ("/gui/reviews/texts-consent", test_texts_consent);
  ADD ("/gui/reviews/due-page", test_due_page);

#undef ADD

  return g_test_run ();
}
