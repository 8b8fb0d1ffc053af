/* test-gui-sync.c: syncing from the window against the real server: signing in from
 * Preferences, the state in the header bar, syncing by itself, and a revoked laptop
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real CfApplication runs, as in test-gui-window.c, and the real carefield-server runs on
 * 127.0.0.1 ($CAREFIELD_SERVER). The tests run in order, as one worker's day: sign in, edit,
 * receive a carer from the office, lose the signal, and finally lose the laptop.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cf-application.h"
#include "cf-caseload-view.h"
#include "cf-preferences-window.h"
#include "cf-profile.h"
#include "cf-sync-page.h"
#include "cf-carer-sync-notice.h"
#include "cf-sync-status.h"
#include "cf-test-gui.h"
#include "cf-unlock-page.h"
#include "cf-window-private.h"
#include "sync/cf-test-devices.h"

#define PASSPHRASE "sync window test passphrase"

static CfApplication *app;
static CfWindow *win;
static char *carer_id;
static char *pulled_id;

static CfSyncStatus *
status (void)
{
  GtkWidget *found = cf_test_find_type (GTK_WIDGET (win), CF_TYPE_SYNC_STATUS);

  g_assert_nonnull (found);
  return CF_SYNC_STATUS (found);
}

static const char *
status_text (void)
{
  const char *text = cf_sync_status_get_text (status ());

  return text != NULL ? text : "";
}

static CfSyncClient *
client (void)
{
  CfSyncClient *found = cf_window_get_sync_client (win);

  g_assert_nonnull (found);
  return found;
}

static CfStore *
window_store (void)
{
  return cf_context_get_store (cf_application_get_context (app));
}

/* The header bar's words and what a screen reader hears from the button agree, and the
 * button's words start with @prefix. */
static void
assert_status (const char *prefix)
{
  GtkWidget *button = cf_test_find_type (GTK_WIDGET (status ()), GTK_TYPE_MENU_BUTTON);
  GtkWidget *label = cf_test_find_type (button, GTK_TYPE_LABEL);
  const char *description = cf_sync_status_get_description (status ());
  g_autofree char *spoken = NULL;

  if (!g_str_has_prefix (status_text (), prefix))
    g_error ("the sync status is “%s”, not “%s…”", status_text (), prefix);

  /* The label in the header bar is a status a screen reader announces, holding the words. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, status_text ());
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_ROLE_STATUS);

  /* The button's accessible label is the whole state in words. */
  spoken = g_strdup_printf ("Sync: %s.", status_text ());
  g_assert_nonnull (description);
  g_assert_true (g_str_has_prefix (description, spoken));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       description);
}

static gboolean
is_unlocked (gpointer data)
{
  return !cf_window_is_locked (win);
}

static gboolean
is_idle (gpointer data)
{
  CfSyncClient *found = cf_window_get_sync_client (win);

  return found != NULL && cf_sync_client_get_state (found) != CF_SYNC_STATE_SYNCING;
}

static gboolean
status_starts_with (gpointer data)
{
  return g_str_has_prefix (status_text (), data);
}

static gboolean
widget_holds_text (gpointer data)
{
  return cf_test_holds_text (GTK_WIDGET (win), data);
}

/* Sync Now (Ctrl+Shift+S's action), waiting for the sync it starts to end. */
static void
sync_now (void)
{
  cf_test_spin_until (is_idle, NULL, 30000);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (win), "win.sync-now", NULL));
  g_assert_cmpint (cf_sync_client_get_state (client ()), ==, CF_SYNC_STATE_SYNCING);
  assert_status ("Syncing…");
  cf_test_spin_until (is_idle, NULL, 30000);
  cf_test_spin (50);
}

static CfPreferencesWindow *
shown_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i - 1);

      if (CF_IS_PREFERENCES_WINDOW (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return CF_PREFERENCES_WINDOW (toplevel);
    }

  return NULL;
}

/* The text field inside an entry row: it, not the row, has the focus. */
static GtkWidget *
text_of (GtkWidget *row)
{
  GtkWidget *text = cf_test_find_type (row, GTK_TYPE_TEXT);

  g_assert_nonnull (text);
  return text;
}

static gboolean
page_busy (gpointer data)
{
  GtkWidget *spinner = cf_test_find_type (data, GTK_TYPE_SPINNER);

  return gtk_spinner_get_spinning (GTK_SPINNER (spinner));
}

static gboolean
page_not_busy (gpointer data)
{
  return !page_busy (data);
}

static void
sign_in_attempt (GtkWidget  *page,
                 const char *address,
                 const char *password)
{
  GtkWidget *button = cf_test_find_button (page, "_Sign In");

  gtk_editable_set_text (GTK_EDITABLE (cf_test_find_row (page, "Server Address")), address);
  gtk_editable_set_text (GTK_EDITABLE (cf_test_find_row (page, "User Name")), "w1");
  gtk_editable_set_text (GTK_EDITABLE (cf_test_find_row (page, "Password")), password);
  cf_test_spin (20);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");

  /* Whatever happens, the password is not kept, not even in the field. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cf_test_find_row (page, "Password"))),
                   ==, "");
  g_assert_false (gtk_widget_is_sensitive (button));
}

static void
test_sign_in (void)
{
  GtkWidget *root = GTK_WIDGET (win);
  GtkWidget *unlock_page = cf_test_find_type (root, CF_TYPE_UNLOCK_PAGE);
  GtkWidget *entry = cf_test_find_type (unlock_page, ADW_TYPE_PASSWORD_ENTRY_ROW);
  g_auto(GStrv) actions = NULL;
  CfPreferencesWindow *preferences;
  GtkWidget *page;
  GtkWidget *address;
  g_autofree char *signed_in = NULL;

  /* Ctrl+Shift+S is Sync Now's, and nothing else's. */
  actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), "<Control><Shift>s");
  g_assert_cmpuint (g_strv_length (actions), ==, 1);
  g_assert_cmpstr (actions[0], ==, "win.sync-now");

  gtk_editable_set_text (GTK_EDITABLE (entry), PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (unlock_page, "unlock-page.unlock", NULL));
  cf_test_spin_until (is_unlocked, NULL, 20000);
  cf_test_spin (200);

  /* Never signed in: the header bar says so, in words. */
  g_assert_cmpint (cf_sync_client_get_state (client ()), ==, CF_SYNC_STATE_SIGNED_OUT);
  assert_status ("Not Syncing");
  g_assert_true (cf_test_holds_text (GTK_WIDGET (status ()), "not signed in"));
  g_assert_nonnull (cf_test_find_button (GTK_WIDGET (status ()), "Sign _In…"));

  /* The popover's Sign In… opens Preferences on the Sync page. */
  g_assert_true (gtk_widget_activate_action (root, "win.sync-sign-in", NULL));
  cf_test_spin (200);
  preferences = shown_preferences ();
  g_assert_nonnull (preferences);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (
                     ADW_PREFERENCES_WINDOW (preferences)), ==, "sync");
  page = cf_test_find_type (GTK_WIDGET (preferences), CF_TYPE_SYNC_PAGE);
  g_assert_true (cf_sync_page_get_client (CF_SYNC_PAGE (page)) == client ());
  address = cf_test_find_row (page, "Server Address");
  g_assert_nonnull (address);
  g_assert_true (gtk_widget_get_mapped (address));
  g_assert_true (cf_test_holds_text (page, "For example, https://carers.example.org"));

  /* Plain HTTP to another machine: refused beside the address, before anything is sent. */
  sign_in_attempt (page, "http://carers.example.org", CF_TEST_SERVER_PASSWORD);
  cf_test_spin (20);
  g_assert_true (gtk_widget_has_css_class (address, "error"));
  g_assert_true (cf_test_holds_text (page, "must start with https://"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (address), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_true (gtk_widget_is_focus (text_of (address)));
  g_assert_null (cf_sync_client_get_user (client ()));

  /* The wrong password: the server says so, under the account, and the address is fine. */
  sign_in_attempt (page, server.base, "not the password");
  g_assert_true (page_busy (page));
  g_assert_true (cf_test_holds_text (page, "Signing in…"));
  g_assert_false (gtk_widget_has_css_class (address, "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (address), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_FALSE);
  cf_test_spin_until (page_not_busy, page, 20000);
  g_assert_true (cf_test_holds_text (page, "The user name or password is wrong."));
  g_assert_false (gtk_widget_has_css_class (address, "error"));
  g_assert_true (gtk_widget_is_focus (text_of (cf_test_find_row (page, "Password"))));
  g_assert_null (cf_sync_client_get_user (client ()));
  assert_status ("Not Syncing");

  /* The right one: signed in, and the first sync starts by itself. */
  sign_in_attempt (page, server.base, CF_TEST_SERVER_PASSWORD);
  cf_test_spin_until (page_not_busy, page, 20000);
  g_assert_cmpstr (cf_sync_client_get_user (client ()), ==, "w1");
  signed_in = g_strdup_printf ("Signed in as w1 at %s (worker)", server.base);
  g_assert_true (cf_test_holds_text (page, signed_in));
  g_assert_false (gtk_widget_get_mapped (address));
  g_assert_nonnull (cf_test_find_button (page, "Sign _Out…"));
  cf_test_spin_until (status_starts_with, (gpointer) "Synced at ", 30000);
  assert_status ("Synced at ");
  g_assert_true (cf_test_holds_text (page, "Synced at "));
  g_assert_true (cf_test_holds_text (GTK_WIDGET (status ()), "No changes waiting to be sent."));

  /* The carer made on this laptop before signing in went to the office with it. */
  g_assert_cmpuint (cf_sync_client_get_waiting (client ()), ==, 0);

  /* The server now says what this laptop's role is: it is no longer chosen by hand. */
  {
    GtkWidget *role = cf_test_find_row (GTK_WIDGET (preferences), "Your Role");

    g_assert_nonnull (role);
    g_assert_false (gtk_widget_get_sensitive (role));
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (role)), ==,
                     "Set by the server you are signed in to.");
  }

  gtk_window_destroy (GTK_WINDOW (preferences));
  cf_test_spin (100);
}

/* The counts during a sync, in words: what is being sent of how many, what has come. */
static void
test_progress_words (void)
{
  GtkWidget *widget = GTK_WIDGET (status ());
  GtkWidget *bar = cf_test_find_type (widget, GTK_TYPE_PROGRESS_BAR);

  g_signal_emit_by_name (client (), "progress", CF_SYNC_PHASE_PUSH, 120, 300);
  g_assert_true (cf_test_holds_text (widget, "Sending 120 of 300 changes"));
  g_assert_cmpfloat_with_epsilon (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), 0.4,
                                  1e-9);
  g_signal_emit_by_name (client (), "progress", CF_SYNC_PHASE_PUSH, 1, 1);
  g_assert_true (cf_test_holds_text (widget, "Sending 1 of 1 change"));
  g_assert_false (cf_test_holds_text (widget, "Sending 1 of 1 changes"));
  g_signal_emit_by_name (client (), "progress", CF_SYNC_PHASE_PULL, 0, 0);
  g_assert_true (cf_test_holds_text (widget, "Receiving changes…"));
  /* C.UTF-8 groups no thousands; en_GB would say 1,500. */
  g_signal_emit_by_name (client (), "progress", CF_SYNC_PHASE_PULL, 1500, 0);
  g_assert_true (cf_test_holds_text (widget, "Received 1500 records"));

  /* Not syncing: the words are the state's, and the counts start again with the next sync. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (bar)));
  sync_now ();
  assert_status ("Synced at ");
}

static void
test_changes_waiting (void)
{
  GtkWidget *root = GTK_WIDGET (win);
  GtkWidget *locality;

  g_signal_emit_by_name (cf_test_find_type (root, CF_TYPE_CASELOAD_VIEW), "carer-activated",
                         carer_id);
  cf_test_spin (100);
  locality = cf_test_find_row (root, "Locality");
  g_assert_nonnull (locality);

  /* One edit, saved as it is typed: one change waiting, in the header and the popover. */
  gtk_editable_set_text (GTK_EDITABLE (locality), "Saltmarsh End");
  cf_test_spin_until (status_starts_with, (gpointer) "1 change waiting", 5000);
  assert_status ("1 change waiting");
  g_assert_cmpuint (cf_sync_client_get_waiting (client ()), ==, 1);
  g_assert_true (cf_test_holds_text (GTK_WIDGET (status ()), "1 change waiting"));

  /* Sync Now sends it. */
  sync_now ();
  assert_status ("Synced at ");
  g_assert_cmpuint (cf_sync_client_get_waiting (client ()), ==, 0);
  g_assert_false (cf_test_holds_text (GTK_WIDGET (status ()), "change waiting"));
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_synced (CfSyncClient  *sync_client,
           CfSyncSummary *summary,
           gboolean      *synced)
{
  *synced = TRUE;
}

/* Finishing an assessment sends it to the office at once, without Sync Now. */
static void
test_finished_assessment_syncs (void)
{
  g_autoptr(CfCarer) carer = NULL;
  g_autoptr(CfAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  gboolean synced = FALSE;
  gulong id;

  cf_test_spin_until (is_idle, NULL, 30000);
  carer = cf_store_load_carer (window_store (), carer_id, &error);
  g_assert_no_error (error);
  id = g_signal_connect (client (), "synced", G_CALLBACK (on_synced), &synced);

  assessment = cf_test_finished_assessment (window_store (), carer, TRUE);
  cf_test_spin_until (is_true, &synced, 10000);
  cf_test_spin_until (is_idle, NULL, 30000);
  g_signal_handler_disconnect (client (), id);

  g_assert_cmpuint (cf_sync_client_get_waiting (client ()), ==, 0);
  assert_status ("Synced at ");
}

static gboolean
caseload_has (gpointer data)
{
  return cf_test_holds_text (cf_test_find_type (GTK_WIDGET (win), CF_TYPE_CASELOAD_VIEW), data);
}

static gboolean
caseload_lacks (gpointer data)
{
  return !caseload_has (data);
}

static void
test_pulled_carer_appears (void)
{
  g_autoptr(Device) coordinator = device_new ("coord");
  g_autoptr(CfCarer) pulled = NULL;
  g_autoptr(CfCarer) moved = NULL;
  g_autoptr(CfSyncSummary) first = NULL;
  g_autoptr(CfSyncSummary) second = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (caseload_has ((gpointer) "Rowan Pulledby"));

  /* At the office, a coordinator gives this worker a new carer. */
  pulled = cf_test_save_carer (coordinator->store, "given_name", "Rowan",
                               "family_name", "Pulledby", "worker", "w1", NULL);
  pulled_id = g_strdup (cf_record_get_id (CF_RECORD (pulled)));
  first = device_sync (coordinator);
  g_assert_cmpuint (first->errors, ==, 0);

  /* The next sync brings them, and the caseload shows them without being asked. */
  sync_now ();
  cf_test_spin_until (caseload_has, (gpointer) "Rowan Pulledby", 10000);
  assert_status ("Synced at ");

  /* Given to another worker: they leave this laptop at the next sync. */
  moved = cf_store_load_carer (coordinator->store, pulled_id, &error);
  g_assert_no_error (error);
  cf_record_set_text (CF_RECORD (moved), "worker", "w2");
  g_assert_true (cf_store_save_carer (coordinator->store, moved, &error));
  g_assert_no_error (error);
  second = device_sync (coordinator);
  g_assert_cmpuint (second->errors, ==, 0);

  sync_now ();
  cf_test_spin_until (caseload_lacks, (gpointer) "Rowan Pulledby", 10000);
  {
    g_autoptr(CfCarer) gone = cf_store_load_carer (window_store (), pulled_id, NULL);

    g_assert_null (gone);
  }
}

/* The same phone number changed at the office and here: the popover says there is a conflict
 * to resolve, with a button for the conflicts dialog. */
static void
test_conflict_counted (void)
{
  GtkWidget *root = GTK_WIDGET (win);
  g_autoptr(Device) coordinator = device_new ("coord");
  g_autoptr(CfCarer) there = NULL;
  g_autoptr(CfSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *phone;
  GtkWidget *resolve;

  g_assert_false (cf_test_holds_text (GTK_WIDGET (status ()), "to resolve"));

  /* The office has the carer this laptop made, and changes their phone number. */
  summary = device_sync (coordinator);
  g_clear_pointer (&summary, cf_sync_summary_free);
  there = cf_store_load_carer (coordinator->store, carer_id, &error);
  g_assert_no_error (error);
  cf_record_set_text (CF_RECORD (there), "phone", "01632 960111");
  g_assert_true (cf_store_save_carer (coordinator->store, there, &error));
  summary = device_sync (coordinator);
  g_assert_cmpuint (summary->errors, ==, 0);

  phone = cf_test_find_row (root, "Phone");
  g_assert_nonnull (phone);
  gtk_editable_set_text (GTK_EDITABLE (phone), "01632 960222");
  cf_test_spin_until (status_starts_with, (gpointer) "1 change waiting", 5000);
  sync_now ();

  g_assert_true (cf_test_holds_text (GTK_WIDGET (status ()), "1 conflict to resolve."));
  g_assert_nonnull (strstr (cf_sync_status_get_description (status ()),
                            "1 conflict to resolve."));
  assert_status ("Synced at ");
  resolve = cf_test_find_button (GTK_WIDGET (status ()), "_Resolve…");
  g_assert_nonnull (resolve);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (resolve)));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (resolve)), ==,
                   "win.show-conflicts");

  /* The open carer's page says so too, without being reopened. */
  {
    GtkWidget *notice = cf_test_find_type (root, CF_TYPE_CARER_SYNC_NOTICE);

    g_assert_nonnull (notice);
    g_assert_true (gtk_widget_get_visible (notice));
    g_assert_cmpuint (cf_carer_sync_notice_get_conflicts (CF_CARER_SYNC_NOTICE (notice)), ==, 1);
  }
}

/* A window too narrow for the caseload beside the carer shows the state as an icon, with the
 * words in its tooltip and still for a screen reader. */
static void
test_narrow_window (void)
{
  GtkWidget *button = cf_test_find_type (GTK_WIDGET (status ()), GTK_TYPE_MENU_BUTTON);
  GtkWidget *label = cf_test_find_type (button, GTK_TYPE_LABEL);
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (win), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (win), 400, height);
  cf_test_spin (300);
  g_assert_true (cf_sync_status_get_compact (status ()));
  g_assert_false (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, status_text ());
  assert_status ("Synced at ");

  gtk_window_set_default_size (GTK_WINDOW (win), width, height);
  cf_test_spin (300);
  g_assert_false (cf_sync_status_get_compact (status ()));
  g_assert_true (gtk_widget_get_visible (label));
}

static void
test_offline (void)
{
  g_autofree char *since = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  /* The signal goes (the server stops): the state says since when, and why. */
  cf_test_server_stop (&server, FALSE);
  sync_now ();
  g_assert_cmpint (cf_sync_client_get_state (client ()), ==, CF_SYNC_STATE_OFFLINE);
  assert_status ("Offline since ");
  since = g_date_time_format (cf_sync_client_get_offline_since (client ()), "%H:%M");
  g_assert_cmpstr (status_text () + strlen ("Offline since "), ==, since);
  g_assert_true (cf_test_holds_text (GTK_WIDGET (status ()), "Could not reach the server"));
  g_assert_true (cf_test_holds_text (GTK_WIDGET (status ()), "Nothing is lost"));
  g_assert_nonnull (strstr (cf_sync_status_get_description (status ()),
                            "Could not reach the server"));

  /* Still offline after a second try: the time is when it was first found offline. */
  sync_now ();
  assert_status ("Offline since ");
  g_assert_cmpstr (status_text () + strlen ("Offline since "), ==, since);

  /* Back: synced again. */
  cf_test_server_start (&server);
  sync_now ();
  assert_status ("Synced at ");
}

static gboolean
is_wiped (gpointer data)
{
  const char *dir = cf_application_get_profile_dir (app);
  g_autofree char *db = g_build_filename (dir, "carefield.db", NULL);
  g_autofree char *key = g_build_filename (dir, "key", NULL);

  return !g_file_test (db, G_FILE_TEST_EXISTS) && !g_file_test (key, G_FILE_TEST_EXISTS) &&
         gtk_widget_is_sensitive (cf_test_find_type (GTK_WIDGET (win), CF_TYPE_UNLOCK_PAGE));
}

static void
test_revoked_wipes (void)
{
  GtkWidget *root = GTK_WIDGET (win);
  g_autoptr(CfSyncAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *dir = cf_application_get_profile_dir (app);
  g_autofree char *db = g_build_filename (dir, "carefield.db", NULL);
  g_autofree char *key = g_build_filename (dir, "key", NULL);
  GtkWidget *locality;

  /* The laptop is lost: the administrator withdraws its access. */
  account = cf_sync_local_dup_account (window_store (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (account);
  out = cf_test_server_cli ("device", "revoke", account->device_id, "--data", server.data_dir,
                            NULL);
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));

  /* Something is being typed as the next sync starts; it cannot stop the wipe. */
  locality = cf_test_find_row (root, "Locality");
  g_assert_nonnull (locality);
  gtk_editable_set_text (GTK_EDITABLE (locality), "Lost Lane");
  g_assert_true (gtk_widget_activate_action (root, "win.sync-now", NULL));
  cf_test_spin_until (is_wiped, NULL, 30000);
  cf_test_spin (600);

  /* Database and key are gone; the window shows first run, and says why. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (key, G_FILE_TEST_EXISTS));
  g_assert_false (cf_profile_exists (dir));
  g_assert_true (cf_window_is_locked (win));
  g_assert_null (cf_window_get_sync_client (win));
  g_assert_true (cf_test_holds_text (root, "This laptop’s access was withdrawn by your organisation, so "
                                   "the Carefield records on it have been deleted. Ask your "
                                   "coordinator to set it up again."));
  g_assert_true (cf_test_holds_text (root, "Set Up Carefield"));
  g_assert_true (gtk_widget_get_mapped (cf_test_find_type (root, CF_TYPE_UNLOCK_PAGE)));
  g_assert_false (cf_test_holds_text (root, "Hester"));
  g_assert_false (cf_test_holds_text (root, "Lost Lane"));
  g_assert_false (widget_holds_text ((gpointer) "Goldcrest"));
}

static int status_code;

static void
on_activate (GApplication *application)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l != NULL;
       l = l->next)
    {
      if (CF_IS_WINDOW (l->data))
        win = l->data;
    }
  g_assert_nonnull (win);

  status_code = g_test_run ();
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

  cf_test_server_init_temp (&server);
  cf_test_server_add_user (&server, "w1", "worker", NULL);
  cf_test_server_add_user (&server, "w2", "worker", NULL);
  cf_test_server_add_user (&server, "coord", "coordinator", NULL);
  cf_test_server_start (&server);

  /* A profile where the application looks for it, with one carer made on this laptop. */
  dir = cf_profile_default_dir ();
  store = cf_profile_create (dir, PASSPHRASE, "Sync Tester", NULL, &error);
  g_assert_no_error (error);
  carer = cf_carer_new ();
  cf_record_set_text (CF_RECORD (carer), "given_name", "Hester");
  cf_record_set_text (CF_RECORD (carer), "family_name", "Goldcrest");
  g_assert_true (cf_store_save_carer (store, carer, &error));
  carer_id = g_strdup (cf_record_get_id (CF_RECORD (carer)));
  g_assert_true (cf_store_close (store, &error));

  g_test_add_func ("/gui/sync/sign-in", test_sign_in);
  g_test_add_func ("/gui/sync/progress-words", test_progress_words);
  g_test_add_func ("/gui/sync/changes-waiting", test_changes_waiting);
  g_test_add_func ("/gui/sync/finished-assessment-syncs", test_finished_assessment_syncs);
  g_test_add_func ("/gui/sync/pulled-carer-appears", test_pulled_carer_appears);
  g_test_add_func ("/gui/sync/conflict-counted", test_conflict_counted);
  g_test_add_func ("/gui/sync/narrow-window", test_narrow_window);
  g_test_add_func ("/gui/sync/offline", test_offline);
  g_test_add_func ("/gui/sync/revoked-wipes", test_revoked_wipes);

  app = cf_application_new ();
  /* No session bus registration: the test owns this process's only instance. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), NULL);
  g_application_run (G_APPLICATION (app), 1, app_argv);
  g_clear_object (&app);
  g_free (carer_id);
  g_free (pulled_id);
  cf_test_server_clear (&server);

  return status_code;
}
