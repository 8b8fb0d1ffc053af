/* test-gui-unlock.c: setting up and unlocking the encrypted profile, as a worker does it
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under Xvfb with GTK_A11Y=test, so the accessible states below are GTK's real ones.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cf-profile.h"
#include "cf-test-gui.h"
#include "cf-unlock-page.h"

#define PASSPHRASE   "correct horse battery"
#define WORKER_NAME  "Test Worker"
#define WAIT_SECONDS 60

typedef struct
{
  CfContext    *context;
  char         *dir;
  GtkWindow    *window;
  CfUnlockPage *page;
  CfStore      *store;
  guint         n_unlocked;
} Fixture;

/* Widget lookup: the page exposes nothing for tests, so find things as a person would, by
 * their visible titles and labels. */

typedef gboolean (*WidgetMatch) (GtkWidget  *widget,
                                 const char *text);

static GtkWidget *
find_widget (GtkWidget   *root,
             WidgetMatch  match,
             const char  *text)
{
  if (match (root, text))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
match_row (GtkWidget  *widget,
           const char *title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
match_button (GtkWidget  *widget,
              const char *label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
match_visible_label (GtkWidget  *widget,
                     const char *text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
match_visible_error (GtkWidget  *widget,
                     const char *unused)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         gtk_widget_has_css_class (widget, "error");
}

static GtkWidget *
row (Fixture    *fixture,
     const char *title)
{
  GtkWidget *found = find_widget (GTK_WIDGET (fixture->page), match_row, title);

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
button (Fixture    *fixture,
        const char *label)
{
  GtkWidget *found = find_widget (GTK_WIDGET (fixture->page), match_button, label);

  g_assert_nonnull (found);
  return found;
}

static GtkWidget *
visible_label (Fixture    *fixture,
               const char *text)
{
  return find_widget (GTK_WIDGET (fixture->page), match_visible_label, text);
}

static void
type_into (Fixture    *fixture,
           const char *title,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, title)), text);
}

/* "clicked", as a mouse or Space does; gtk_widget_activate () would click only after a delay. */
static void
click (Fixture    *fixture,
       const char *label)
{
  g_signal_emit_by_name (button (fixture, label), "clicked");
}

static const char *
text_of (Fixture    *fixture,
         const char *title)
{
  return gtk_editable_get_text (GTK_EDITABLE (row (fixture, title)));
}

/* Main loop helpers */

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (Fixture *fixture);

static void
wait_until (Fixture   *fixture,
            Condition  condition)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, timed_out_cb, &timed_out);

  while (!condition (fixture) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out after %d seconds waiting for the page", WAIT_SECONDS);

  g_source_remove (timeout_id);
}

/* Waits until an unlock the page started has run its course. Starting an identical one and
 * waiting for that was not enough: GTask's pool runs them side by side, and the first could
 * still be running in its thread when the process exited. */
static void
wait_for_abandoned_unlock (Fixture *fixture)
{
  /* The abandoned unlock finishes in its thread; then its callback, if it still has one,
   * runs from the main loop. The test must not end (and the process exit) before both. */
  cf_profile_wait_for_pending ();
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
was_unlocked (Fixture *fixture)
{
  return fixture->n_unlocked > 0;
}

static gboolean
wrong_passphrase_shown (Fixture *fixture)
{
  return visible_label (fixture, "That passphrase is not right") != NULL;
}

/* Fixture */

static void
on_unlocked (CfUnlockPage *page,
             CfStore      *store,
             Fixture      *fixture)
{
  g_assert_true (CF_IS_STORE (store));

  fixture->n_unlocked++;
  g_set_object (&fixture->store, store);
}

static void
show_page (Fixture *fixture)
{
  if (fixture->window != NULL)
    gtk_window_destroy (g_steal_pointer (&fixture->window));

  fixture->page = cf_unlock_page_new (fixture->context, fixture->dir);
  g_signal_connect (fixture->page, "unlocked", G_CALLBACK (on_unlocked), fixture);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 600);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  gtk_window_present (fixture->window);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  with_profile)
{
  static guint counter;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 18, 10, 30, 0);
  g_autoptr(CfClock) clock = cf_clock_new_fixed (now);

  fixture->context = cf_context_new (clock, NULL);
  /* The data folder is the process's own (cf_test_gui_init ()); each test a new profile. */
  fixture->dir = g_strdup_printf ("%s/profile-%u", g_get_user_data_dir (), counter++);

  if (GPOINTER_TO_INT (with_profile))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CfStore) store = cf_profile_create (fixture->dir, PASSPHRASE, WORKER_NAME,
                                                    clock, &error);

      g_assert_no_error (error);
      g_assert_true (cf_store_close (store, &error));
      g_assert_no_error (error);
    }

  show_page (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  with_profile)
{
  g_clear_pointer (&fixture->window, gtk_window_destroy);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->context);
  g_free (fixture->dir);
}

static void
assert_setup_mode (Fixture *fixture)
{
  g_assert_nonnull (visible_label (fixture, "Set Up Carefield"));
  g_assert_null (visible_label (fixture, "Carefield Is Locked"));
  g_assert_true (gtk_widget_is_visible (row (fixture, "Your Name")));
  g_assert_true (gtk_widget_is_visible (row (fixture, "Passphrase")));
  g_assert_true (gtk_widget_is_visible (row (fixture, "Passphrase Again")));
  g_assert_true (gtk_widget_is_visible (button (fixture, "Create Encrypted Profile")));
  g_assert_false (gtk_widget_is_visible (button (fixture, "Unlock")));
}

static void
assert_unlock_mode (Fixture *fixture)
{
  g_assert_nonnull (visible_label (fixture, "Carefield Is Locked"));
  g_assert_nonnull (visible_label (fixture, "Enter your passphrase to open the caseload."));
  g_assert_null (visible_label (fixture, "Set Up Carefield"));
  g_assert_false (gtk_widget_is_visible (row (fixture, "Your Name")));
  g_assert_true (gtk_widget_is_visible (row (fixture, "Passphrase")));
  g_assert_false (gtk_widget_is_visible (row (fixture, "Passphrase Again")));
  g_assert_false (gtk_widget_is_visible (button (fixture, "Create Encrypted Profile")));
  g_assert_true (gtk_widget_is_visible (button (fixture, "Unlock")));
}

static void
assert_invalid (GtkWidget *widget,
                gboolean   invalid)
{
  if (invalid)
    gtk_test_accessible_assert_state (widget, GTK_ACCESSIBLE_STATE_INVALID,
                                      GTK_ACCESSIBLE_INVALID_TRUE);
  else
    gtk_test_accessible_assert_state (widget, GTK_ACCESSIBLE_STATE_INVALID,
                                      GTK_ACCESSIBLE_INVALID_FALSE);
}

static void
fill_in_setup (Fixture *fixture)
{
  type_into (fixture, "Your Name", WORKER_NAME);
  type_into (fixture, "Passphrase", PASSPHRASE);
  type_into (fixture, "Passphrase Again", PASSPHRASE);
}

/* Tests */

static void
test_setup_validation (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *create = button (fixture, "Create Encrypted Profile");
  GtkWidget *passphrase = row (fixture, "Passphrase");
  GtkWidget *again = row (fixture, "Passphrase Again");
  GtkWidget *message;

  assert_setup_mode (fixture);
  g_assert_false (cf_profile_exists (fixture->dir));
  g_assert_false (gtk_widget_is_sensitive (create));

  /* The rule is stated before anything is typed, but is not yet an error. */
  message = visible_label (fixture, "Use at least 10 characters.");
  g_assert_nonnull (message);
  g_assert_false (gtk_widget_has_css_class (message, "error"));
  assert_invalid (passphrase, FALSE);

  type_into (fixture, "Your Name", WORKER_NAME);
  type_into (fixture, "Passphrase", "short");
  message = visible_label (fixture, "Use at least 10 characters.");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_has_css_class (message, "error"));
  gtk_test_accessible_assert_relation (passphrase, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                       message, NULL);
  assert_invalid (passphrase, TRUE);
  g_assert_false (gtk_widget_is_sensitive (create));

  /* Long enough but well known. */
  type_into (fixture, "Passphrase", "Password123");
  g_assert_nonnull (visible_label (fixture, "too easy to guess"));
  assert_invalid (passphrase, TRUE);

  /* Strong, and the second copy is not the same. */
  type_into (fixture, "Passphrase", PASSPHRASE);
  g_assert_null (visible_label (fixture, "Use at least"));
  g_assert_null (visible_label (fixture, "too easy to guess"));
  assert_invalid (passphrase, FALSE);
  g_assert_null (visible_label (fixture, "The passphrases are not the same."));
  assert_invalid (again, FALSE);

  type_into (fixture, "Passphrase Again", "correct horse");
  message = visible_label (fixture, "The passphrases are not the same.");
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_has_css_class (message, "error"));
  gtk_test_accessible_assert_relation (again, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                       message, NULL);
  assert_invalid (again, TRUE);
  g_assert_false (gtk_widget_is_sensitive (create));

  type_into (fixture, "Passphrase Again", PASSPHRASE);
  g_assert_null (visible_label (fixture, "The passphrases are not the same."));
  assert_invalid (again, FALSE);
  g_assert_true (gtk_widget_is_sensitive (create));

  /* The audit trail needs a name. */
  type_into (fixture, "Your Name", "   ");
  g_assert_false (gtk_widget_is_sensitive (create));
  type_into (fixture, "Your Name", WORKER_NAME);
  g_assert_true (gtk_widget_is_sensitive (create));

  /* Enter in the last field while something is wrong does nothing. */
  type_into (fixture, "Passphrase Again", "correct horse batter");
  g_signal_emit_by_name (again, "entry-activated");
  g_assert_null (visible_label (fixture, "Creating the encrypted database"));
  g_assert_false (cf_profile_exists (fixture->dir));

  /* Reset empties everything. */
  cf_unlock_page_reset (fixture->page);
  g_assert_cmpstr (text_of (fixture, "Passphrase"), ==, "");
  g_assert_cmpstr (text_of (fixture, "Passphrase Again"), ==, "");
  g_assert_null (visible_label (fixture, "The passphrases are not the same."));
  assert_invalid (again, FALSE);
  g_assert_false (gtk_widget_is_sensitive (create));
  g_assert_cmpuint (fixture->n_unlocked, ==, 0);
}

static void
test_create_emits_unlocked (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *status;

  fill_in_setup (fixture);
  g_assert_true (gtk_widget_is_sensitive (button (fixture, "Create Encrypted Profile")));
  click (fixture, "Create Encrypted Profile");

  /* While the key is derived the page says so and cannot be changed. */
  status = visible_label (fixture, "Creating the encrypted database…");
  g_assert_nonnull (status);
  gtk_test_accessible_assert_role (status, GTK_ACCESSIBLE_ROLE_STATUS);
  g_assert_false (gtk_widget_is_sensitive (row (fixture, "Passphrase")));
  g_assert_false (gtk_widget_is_sensitive (button (fixture, "Create Encrypted Profile")));

  wait_until (fixture, was_unlocked);

  g_assert_cmpuint (fixture->n_unlocked, ==, 1);
  g_assert_true (CF_IS_STORE (fixture->store));
  g_assert_cmpstr (cf_store_get_user_name (fixture->store), ==, WORKER_NAME);
  g_assert_true (cf_profile_exists (fixture->dir));
  g_assert_null (visible_label (fixture, "Creating the encrypted database…"));
  g_assert_cmpstr (text_of (fixture, "Passphrase"), ==, "");
  g_assert_cmpstr (text_of (fixture, "Passphrase Again"), ==, "");

  /* Locking later shows the unlock screen on the same page… */
  cf_unlock_page_reset (fixture->page);
  assert_unlock_mode (fixture);

  /* …and a new page on that folder starts there. */
  show_page (fixture);
  assert_unlock_mode (fixture);
  g_assert_false (gtk_widget_is_sensitive (button (fixture, "Unlock")));
}

static void
test_wrong_passphrase (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *passphrase = row (fixture, "Passphrase");
  GtkWidget *unlock = button (fixture, "Unlock");
  GtkWidget *message;
  GtkWidget *focus;

  assert_unlock_mode (fixture);
  g_assert_false (gtk_widget_is_sensitive (unlock));

  type_into (fixture, "Passphrase", "correct horse battery staple");
  g_assert_true (gtk_widget_is_sensitive (unlock));
  click (fixture, "Unlock");

  g_assert_nonnull (visible_label (fixture, "Unlocking…"));
  g_assert_false (gtk_widget_is_sensitive (passphrase));
  g_assert_false (gtk_widget_is_sensitive (unlock));

  wait_until (fixture, wrong_passphrase_shown);

  message = visible_label (fixture, "That passphrase is not right");
  g_assert_true (gtk_widget_has_css_class (message, "error"));
  gtk_test_accessible_assert_relation (passphrase, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                       message, NULL);
  gtk_test_accessible_assert_role (message, GTK_ACCESSIBLE_ROLE_STATUS);
  assert_invalid (passphrase, TRUE);
  g_assert_null (visible_label (fixture, "Unlocking…"));

  /* Still the lock screen, emptied and ready for another try. */
  g_assert_cmpuint (fixture->n_unlocked, ==, 0);
  g_assert_null (fixture->store);
  assert_unlock_mode (fixture);
  g_assert_cmpstr (text_of (fixture, "Passphrase"), ==, "");
  g_assert_true (gtk_widget_is_sensitive (passphrase));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == passphrase || gtk_widget_is_ancestor (focus, passphrase));

  /* Typing again takes the complaint away. */
  type_into (fixture, "Passphrase", "c");
  g_assert_null (visible_label (fixture, "That passphrase is not right"));
  assert_invalid (passphrase, FALSE);
}

static void
test_right_passphrase (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  assert_unlock_mode (fixture);

  /* Enter in the field unlocks, as the button does. */
  type_into (fixture, "Passphrase", PASSPHRASE);
  g_signal_emit_by_name (row (fixture, "Passphrase"), "entry-activated");
  g_assert_nonnull (visible_label (fixture, "Unlocking…"));

  wait_until (fixture, was_unlocked);

  g_assert_cmpuint (fixture->n_unlocked, ==, 1);
  g_assert_true (CF_IS_STORE (fixture->store));
  g_assert_cmpstr (cf_store_get_user_name (fixture->store), ==, WORKER_NAME);
  g_assert_cmpint (cf_store_count (fixture->store, "audit", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpstr (text_of (fixture, "Passphrase"), ==, "");
  g_assert_null (visible_label (fixture, "Unlocking…"));
  g_assert_null (visible_label (fixture, "That passphrase is not right"));
}

static void
test_reset_while_unlocking (Fixture       *fixture,
                            gconstpointer  data)
{
  type_into (fixture, "Passphrase", PASSPHRASE);
  click (fixture, "Unlock");
  g_assert_nonnull (visible_label (fixture, "Unlocking…"));

  /* Locking again mid-way abandons the attempt: no late "unlocked" behind the worker's back. */
  cf_unlock_page_reset (fixture->page);
  g_assert_null (visible_label (fixture, "Unlocking…"));
  g_assert_true (gtk_widget_is_sensitive (row (fixture, "Passphrase")));

  wait_for_abandoned_unlock (fixture);
  g_assert_cmpuint (fixture->n_unlocked, ==, 0);
  assert_unlock_mode (fixture);
  g_assert_null (find_widget (GTK_WIDGET (fixture->page), match_visible_error, NULL));
  g_assert_true (gtk_widget_is_sensitive (row (fixture, "Passphrase")));
}

static void
test_dispose_while_unlocking (Fixture       *fixture,
                              gconstpointer  data)
{
  type_into (fixture, "Passphrase", PASSPHRASE);
  click (fixture, "Unlock");

  /* The page goes away with the key derivation still running in its thread. */
  g_object_add_weak_pointer (G_OBJECT (fixture->page), (gpointer *) &fixture->page);
  gtk_window_destroy (g_steal_pointer (&fixture->window));
  g_assert_null (fixture->page);

  wait_for_abandoned_unlock (fixture);
  g_assert_cmpuint (fixture->n_unlocked, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  cf_test_gui_init (&argc, &argv);

  g_test_add ("/gui/unlock/setup-validation", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_setup_validation, fixture_tear_down);
  g_test_add ("/gui/unlock/create-emits-unlocked", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_create_emits_unlocked, fixture_tear_down);
  g_test_add ("/gui/unlock/wrong-passphrase", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_wrong_passphrase, fixture_tear_down);
  g_test_add ("/gui/unlock/right-passphrase", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_right_passphrase, fixture_tear_down);
  g_test_add ("/gui/unlock/reset-while-unlocking", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_reset_while_unlocking, fixture_tear_down);
  g_test_add ("/gui/unlock/dispose-while-unlocking", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_dispose_while_unlocking, fixture_tear_down);

  return g_test_run ();
}
