/* test-gui-editor.c: the carer editor as a worker uses it, and the window's lock
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb with GTK_A11Y=test, so accessible states can be read back.
 */

#include "config.h"

#include <adwaita.h>

#include "cf-carer-editor.h"
#include "cf-profile.h"
#include "cf-referral.h"
#include "cf-test-gui.h"
#include "cf-test-util.h"

typedef struct
{
  CfContext     *context;
  CfStore       *store;
  GtkWidget     *window;
  CfCarerEditor *editor;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint counter;
  g_autofree char *dir = g_strdup_printf ("%s/editor-%u", g_get_user_data_dir (), counter++);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 18, 10, 0, 0);
  g_autoptr(CfClock) clock = cf_clock_new_fixed (now);
  g_autoptr(GError) error = NULL;

  fixture->context = cf_context_new (clock, NULL);
  fixture->store = cf_profile_create (dir, "editor test passphrase", "Editor Tester", clock,
                                      &error);
  g_assert_no_error (error);
  cf_context_set_store (fixture->context, fixture->store);

  fixture->editor = cf_carer_editor_new (fixture->context);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 700);
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
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->context);
}

/* The first widget of @type (or any, if G_TYPE_INVALID) whose title or label is @text. */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;
      const char *title = NULL;

      if (ADW_IS_PREFERENCES_ROW (child))
        title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child));
      else if (GTK_IS_LABEL (child))
        title = gtk_label_get_text (GTK_LABEL (child));

      if ((type == G_TYPE_INVALID || G_TYPE_CHECK_INSTANCE_TYPE (child, type)) &&
          title != NULL && g_str_equal (title, text) && gtk_widget_get_mapped (child))
        return child;

      if ((found = find_widget (child, type, text)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
label_shown (GtkWidget  *root,
             const char *substring)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_is_drawable (child) &&
          strstr (gtk_label_get_text (GTK_LABEL (child)), substring) != NULL)
        return TRUE;
      if (label_shown (child, substring))
        return TRUE;
    }

  return FALSE;
}

static CfCarer *
saved_carer (Fixture *fixture)
{
  return cf_test_save_carer (fixture->store, "given_name", "Hester", "family_name", "Goldcrest",
                             "phone", "01632 960555",
                             "referral_received_at", "2026-11-16T09:00:00Z",
                             "priority", "amber", NULL);
}

static void
test_shows_record (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CfCarer) carer = saved_carer (fixture);
  GtkWidget *root = GTK_WIDGET (fixture->editor);
  GtkWidget *given;
  g_autofree char *title = NULL;

  cf_carer_editor_set_carer (fixture->editor, carer);
  cf_test_spin (50);

  given = find_widget (root, ADW_TYPE_ENTRY_ROW, "Given Name");
  g_assert_nonnull (given);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (given)), ==, "Hester");
  g_object_get (fixture->editor, "title", &title, NULL);
  g_assert_cmpstr (title, ==, "Hester Goldcrest");

  /* Due Thursday 19th, shown in words; priority as a word, not only a colour. */
  g_assert_true (label_shown (root, "First contact due Thu 19 Nov"));
  g_assert_true (label_shown (root, "Amber"));
  g_assert_true (label_shown (root, "Waiting for first contact"));
  g_assert_true (label_shown (root, "Re-rate…"));
}

static void
test_validation_messages (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CfCarer) carer = saved_carer (fixture);
  GtkWidget *root = GTK_WIDGET (fixture->editor);
  GtkWidget *dob;
  GtkWidget *postcode;
  GtkWidget *phone;

  cf_carer_editor_set_carer (fixture->editor, carer);
  cf_test_spin (50);

  dob = find_widget (root, ADW_TYPE_ENTRY_ROW, "Date of Birth (day/month/year)");
  postcode = find_widget (root, ADW_TYPE_ENTRY_ROW, "Postcode");
  phone = find_widget (root, ADW_TYPE_ENTRY_ROW, "Phone");
  g_assert_nonnull (dob);
  g_assert_nonnull (postcode);
  g_assert_nonnull (phone);

  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (dob), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_FALSE);

  /* A date of birth in the future: said in words next to the field, and marked invalid. */
  gtk_editable_set_text (GTK_EDITABLE (dob), "01/02/2030");
  cf_test_spin (20);
  g_assert_true (label_shown (root, "The date of birth is in the future."));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (dob), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_true (gtk_widget_has_css_class (dob, "error"));
  /* Typed day first, kept as ISO, and kept even though it is wrong: nothing is lost. */
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (carer), "date_of_birth"), ==, "2030-02-01");

  gtk_editable_set_text (GTK_EDITABLE (dob), "21/3/1958");
  cf_test_spin (20);
  g_assert_false (label_shown (root, "The date of birth is in the future."));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (dob), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_FALSE);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (carer), "date_of_birth"), ==, "1958-03-21");

  gtk_editable_set_text (GTK_EDITABLE (postcode), "XYZ 123");
  cf_test_spin (20);
  g_assert_true (label_shown (root, "“XYZ 123” is not a UK postcode."));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (postcode), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  /* The status line names the field needing attention, for a screen reader to announce. */
  g_assert_true (label_shown (root, "Check: Postcode."));

  /* No way to contact: the only phone number removed, no address or email. */
  gtk_editable_set_text (GTK_EDITABLE (phone), "");
  cf_test_spin (20);
  g_assert_true (label_shown (root, "There is no way to contact this carer."));
  gtk_editable_set_text (GTK_EDITABLE (phone), "01632 960555");
  cf_test_spin (20);
  g_assert_false (label_shown (root, "There is no way to contact this carer."));
}

static void
test_autosave_and_flush (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CfCarer) carer = saved_carer (fixture);
  g_autoptr(CfCarer) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *root = GTK_WIDGET (fixture->editor);
  GtkWidget *locality;
  gint64 changes_before = cf_test_count (fixture->store, "audit", "action = 'change'");

  cf_carer_editor_set_carer (fixture->editor, carer);
  cf_test_spin (50);
  locality = find_widget (root, ADW_TYPE_ENTRY_ROW, "Locality");
  g_assert_nonnull (locality);

  /* Saved by itself within a second of typing. */
  gtk_editable_set_text (GTK_EDITABLE (locality), "Saltmarsh End");
  cf_test_spin (900);
  g_assert_false (cf_record_is_dirty (CF_RECORD (carer)));
  g_assert_true (label_shown (root, "All changes saved."));
  /* In the outbox (folded into the carer's creation, which has not been pushed yet) and
   * audited as a change. */
  g_assert_cmpint (cf_test_count (fixture->store, "outbox",
                                  "fields LIKE '%\"locality\":\"Saltmarsh End\"%'"), ==, 1);
  g_assert_cmpint (cf_test_count (fixture->store, "audit", "action = 'change'"), ==,
                   changes_before + 1);

  /* Saved at once when the window closes or locks, without waiting for the delay. */
  gtk_editable_set_text (GTK_EDITABLE (locality), "Brackenford");
  g_assert_true (cf_record_is_dirty (CF_RECORD (carer)));
  g_assert_true (cf_carer_editor_flush (fixture->editor, &error));
  g_assert_no_error (error);
  cf_carer_editor_set_carer (fixture->editor, NULL);

  reloaded = cf_store_load_carer (fixture->store, cf_record_get_id (CF_RECORD (carer)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (reloaded), "locality"), ==, "Brackenford");
}

static void
test_new_referral_saved_on_first_keystroke (Fixture       *fixture,
                                            gconstpointer  data)
{
  g_autoptr(CfCarer) carer = cf_carer_new ();
  GtkWidget *root = GTK_WIDGET (fixture->editor);
  GtkWidget *given;

  cf_record_set_text (CF_RECORD (carer), "referral_received_at", "2026-11-18T09:30:00Z");
  cf_carer_editor_set_carer (fixture->editor, carer);
  cf_test_spin (700);
  /* Nothing typed, nothing stored. */
  g_assert_cmpint (cf_store_count (fixture->store, "carer", NULL), ==, 0);
  g_assert_true (label_shown (root, "saved as soon as you type"));
  /* Not rated yet: the button says what it will do. */
  g_assert_true (label_shown (root, "Set Priority…"));
  g_assert_true (label_shown (root, "Not rated yet"));

  given = find_widget (root, ADW_TYPE_ENTRY_ROW, "Given Name");
  gtk_editable_set_text (GTK_EDITABLE (given), "Linnet");
  cf_test_spin (900);
  g_assert_cmpint (cf_store_count (fixture->store, "carer", NULL), ==, 1);
  g_assert_false (cf_record_is_new (CF_RECORD (carer)));
}

static void
test_cared_for (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CfCarer) carer = saved_carer (fixture);
  g_autoptr(CfCarer) reloaded = NULL;
  g_autoptr(CfRecord) person = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *root = GTK_WIDGET (fixture->editor);
  GtkWidget *name;

  cf_carer_editor_set_carer (fixture->editor, carer);
  cf_test_spin (50);
  g_assert_true (label_shown (root, "No one recorded yet"));

  g_assert_true (gtk_widget_activate_action (root, "editor.add-cared-for", NULL));
  cf_test_spin (50);
  g_assert_false (label_shown (root, "No one recorded yet"));
  name = find_widget (root, ADW_TYPE_ENTRY_ROW, "Name");
  g_assert_nonnull (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "Arthur Goldcrest");
  cf_test_spin (900);

  reloaded = cf_store_load_carer (fixture->store, cf_record_get_id (CF_RECORD (carer)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (cf_carer_get_cared_for (reloaded)), ==, 1);
  person = g_list_model_get_item (cf_carer_get_cared_for (reloaded), 0);
  g_assert_cmpstr (cf_record_get_text (person, "name"), ==, "Arthur Goldcrest");
}

static void
test_actions_follow_status (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CfCarer) carer = saved_carer (fixture);
  g_autoptr(GError) error = NULL;
  GtkWidget *root = GTK_WIDGET (fixture->editor);

  cf_carer_editor_set_carer (fixture->editor, carer);
  cf_test_spin (50);
  g_assert_true (label_shown (root, "Record First Contact…"));

  g_assert_true (cf_referral_record_contact (fixture->store, carer, "first-contact", NULL,
                                             "Phoned.", &error));
  cf_test_spin (50);
  /* The history shows it, newest first, with who recorded it. */
  g_assert_true (label_shown (root, "First contact made"));
  g_assert_true (label_shown (root, "by Editor Tester: Phoned."));
  g_assert_true (label_shown (root, "Made on 18/11/2026 10:00"));
  /* What can no longer apply is hidden, not greyed out. */
  g_assert_false (label_shown (root, "Record First Contact…"));
  g_assert_false (label_shown (root, "Waiting Well Call…"));

  g_assert_true (cf_referral_close (fixture->store, carer, "information-only",
                                    "Leaflet and local group.", &error));
  cf_test_spin (50);
  g_assert_true (label_shown (root, "Closed with information and advice"));
  g_assert_true (label_shown (root, "Leaflet and local group."));
  g_assert_true (label_shown (root, "Reopen…"));
  g_assert_false (label_shown (root, "Close with Information and Advice…"));
}

int
main (int    argc,
      char **argv)
{
  cf_test_gui_init (&argc, &argv);

  g_test_add ("/gui/editor/shows-record", Fixture, NULL,
              fixture_set_up, test_shows_record, fixture_tear_down);
  g_test_add ("/gui/editor/validation-messages", Fixture, NULL,
              fixture_set_up, test_validation_messages, fixture_tear_down);
  g_test_add ("/gui/editor/autosave-and-flush", Fixture, NULL,
              fixture_set_up, test_autosave_and_flush, fixture_tear_down);
  g_test_add ("/gui/editor/new-referral-saved-on-first-keystroke", Fixture, NULL,
              fixture_set_up, test_new_referral_saved_on_first_keystroke, fixture_tear_down);
  g_test_add ("/gui/editor/cared-for", Fixture, NULL,
              fixture_set_up, test_cared_for, fixture_tear_down);
  g_test_add ("/gui/editor/actions-follow-status", Fixture, NULL,
              fixture_set_up, test_actions_follow_status, fixture_tear_down);

  return g_test_run ();
}
