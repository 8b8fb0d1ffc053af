/* test-gui-emergency.c: the emergency plan page as a worker uses it
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb with GTK_A11Y=test. The plan is made, filled in and agreed through the
 * page's own rows and buttons; then the plan and the card are saved as PDFs and read back with
 * pdftotext (poppler-utils), as a carer would read them.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cf-emergency-contact-row.h"
#include "cf-emergency-page-private.h"
#include "cf-emergency-plans.h"
#include "cf-plans.h"
#include "cf-profile.h"
#include "cf-test-gui.h"
#include "cf-test-util.h"

#define PDF_WAIT_SECONDS 60
#define ORG_PHONE        "01632 960000"

typedef struct
{
  CfClock         *clock;
  GSettings       *settings;
  CfContext       *context;
  CfStore         *store;
  CfCarer         *carer;
  GtkWidget       *window;
  CfEmergencyPage *page;
  guint            n_changed;
} Fixture;

static void
on_changed (CfEmergencyPage *page,
            Fixture         *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint counter;
  g_autofree char *dir = g_strdup_printf ("%s/emergency-%u", g_get_user_data_dir (), counter++);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 3, 10, 0, 0);
  g_autoptr(GError) error = NULL;

  fixture->clock = cf_clock_new_fixed (now);
  fixture->settings = g_settings_new (CF_SETTINGS_SCHEMA);
  g_settings_set_string (fixture->settings, "organisation-name", "Fenland Carers");
  g_settings_set_string (fixture->settings, "organisation-phone", ORG_PHONE);
  fixture->context = cf_context_new (fixture->clock, fixture->settings);
  fixture->store = cf_profile_create (dir, "emergency test passphrase", "Sam Assessor",
                                      fixture->clock, &error);
  g_assert_no_error (error);
  cf_context_set_store (fixture->context, fixture->store);
  fixture->carer = cf_test_save_carer (fixture->store, "given_name", "Philippa",
                                       "family_name", "Wrenfield", "preferred_name", "Pip",
                                       "address", "4 Mill Lane", "postcode", "NR21 0AA", NULL);

  fixture->page = cf_emergency_page_new (fixture->context);
  g_signal_connect (fixture->page, "changed", G_CALLBACK (on_changed), fixture);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 700);
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
  g_clear_object (&fixture->settings);
  g_clear_object (&fixture->clock);
}

/* Finding and using widgets ---------------------------------------------------------------- */

static void
collect_contact_rows (GtkWidget *root,
                      GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (CF_IS_EMERGENCY_CONTACT_ROW (child))
        g_ptr_array_add (rows, child);
      else
        collect_contact_rows (child, rows);
    }
}

static GtkWidget *
contact_row (Fixture *fixture,
             guint    index)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_contact_rows (GTK_WIDGET (fixture->page), rows);
  g_assert_cmpuint (index, <, rows->len);

  return g_ptr_array_index (rows, index);
}

static guint
n_contact_rows (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_contact_rows (GTK_WIDGET (fixture->page), rows);

  return rows->len;
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = cf_test_find_button (root, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  cf_test_spin (20);
}

static void
type (GtkWidget  *root,
      const char *title,
      const char *text)
{
  GtkWidget *row = cf_test_find_row (root, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static GtkWidget *
find_label (GtkWidget  *root,
            const char *words)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_is_visible (child) &&
          strstr (gtk_label_get_text (GTK_LABEL (child)), words) != NULL)
        return child;
      if (ADW_IS_ACTION_ROW (child) && gtk_widget_is_visible (child) &&
          adw_action_row_get_subtitle (ADW_ACTION_ROW (child)) != NULL &&
          strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child)), words) != NULL)
        return child;
      if ((found = find_label (child, words)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
shows (GtkWidget  *root,
       const char *words)
{
  if (find_label (root, words) != NULL)
    return TRUE;

  g_test_message ("Nothing on screen says “%s”", words);
  return FALSE;
}

static void
fill_contact (GtkWidget  *row,
              const char *name,
              const char *relationship,
              const char *phone,
              const char *help)
{
  type (row, "Name", name);
  type (row, "Who They Are to the Carer", relationship);
  type (row, "Phone", phone);
  type (row, "What They Can Help With", help);
}

static void
set_agreed (GtkWidget *row,
            gboolean   agreed)
{
  GtkWidget *toggle = cf_test_find_type (row, GTK_TYPE_SWITCH);

  g_assert_nonnull (toggle);
  gtk_switch_set_active (GTK_SWITCH (toggle), agreed);
}

static void
assert_invalid (GtkWidget *widget,
                gboolean   invalid)
{
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                    invalid ? GTK_ACCESSIBLE_INVALID_TRUE
                                            : GTK_ACCESSIBLE_INVALID_FALSE);
}

static void
make_plan (Fixture *fixture)
{
  cf_emergency_page_set_carer (fixture->page, fixture->carer);
  cf_test_spin (20);
  g_assert_true (shows (GTK_WIDGET (fixture->page), "An emergency plan names at least two"));
  g_assert_null (cf_emergency_page_get_plan (fixture->page));
  click (GTK_WIDGET (fixture->page), "Make an Emergency Plan");
  g_assert_nonnull (cf_emergency_page_get_plan (fixture->page));
}

/* PDFs ------------------------------------------------------------------------------------- */

typedef struct
{
  gboolean  finished;
  gboolean  ok;
  GError   *error;
} Outcome;

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = cf_emergency_page_export_pdf_finish (CF_EMERGENCY_PAGE (source), result,
                                                     &outcome->error);
  outcome->finished = TRUE;
}

static void
export_pdf (Fixture             *fixture,
            CfEmergencyDocument  what,
            const char          *path)
{
  Outcome outcome = { 0 };
  gint64 until = g_get_monotonic_time () + PDF_WAIT_SECONDS * G_USEC_PER_SEC;

  cf_emergency_page_export_pdf_async (fixture->page, what, path, exported_cb, &outcome);
  while (!outcome.finished && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (outcome.finished);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  cf_test_spin (20);
}

/* Tests ------------------------------------------------------------------------------------ */

static void
test_make_agree_and_print (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *dir = g_dir_make_tmp ("carefield-emergency-XXXXXX", &error);
  g_autofree char *plan_path = NULL;
  g_autofree char *card_path = NULL;
  g_autofree char *plan_text = NULL;
  g_autofree char *card_text = NULL;
  const char *reference = cf_record_get_text (CF_RECORD (fixture->carer), "reference");
  CfEmergencyPlan *plan;
  GtkWidget *ann, *bob, *agree;
  char *first, *second;

  g_assert_no_error (error);
  make_plan (fixture);
  plan = cf_emergency_page_get_plan (fixture->page);

  /* The card's number starts as the organisation's, from Preferences. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cf_test_find_row (page,
                                                          "Phone Number on the Card"))), ==,
                   ORG_PHONE);
  g_assert_true (shows (page, "Not agreed yet"));

  click (page, "Add Contact");
  click (page, "Add Contact");
  g_assert_cmpuint (n_contact_rows (fixture), ==, 2);
  ann = contact_row (fixture, 0);
  bob = contact_row (fixture, 1);
  fill_contact (ann, "Ann Smith", "daughter", "01632 960123", "Meals and tablets");
  fill_contact (bob, "Bob Jones", "neighbour", "07700 900456", "Sitting overnight");
  type (page, "What Happens If None Can Come", "Ring the council out-of-hours team");
  type (page, "Medication", "Donepezil 10 mg at night");
  type (page, "Where the Medication Is Kept", "Blue box on the dresser");
  type (page, "Getting into the Home", "Key safe by the back door");
  g_assert_true (shows (ann, "1. Ann Smith"));
  g_assert_true (shows (bob, "2. Bob Jones"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cf_test_find_button (bob, "Move Up")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Move Bob Jones up");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (cf_test_find_button (ann, "Remove")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove Ann Smith");
  g_assert_false (gtk_widget_is_sensitive (cf_test_find_button (ann, "Move Up")));
  g_assert_false (gtk_widget_is_sensitive (cf_test_find_button (bob, "Move Down")));

  /* Autosaved after the pause. */
  cf_test_spin (700);
  g_assert_true (shows (page, "All changes saved."));
  g_assert_cmpuint (fixture->n_changed, >=, 2);
  g_assert_cmpint (cf_test_count (fixture->store, "emergency_contact", "name = 'Ann Smith'"), ==, 1);

  /* Neither has agreed to be called: refused, with what is missing in words. */
  agree = cf_test_find_button (page, "Agree Plan");
  click (page, "Agree Plan");
  g_assert_true (shows (page, "can’t be agreed yet"));
  g_assert_true (shows (page, "Ann Smith’s agreement to be called"));
  g_assert_true (shows (page, "Bob Jones’s agreement to be called"));
  assert_invalid (agree, TRUE);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (plan), "agreed_on"), ==, "");

  /* The list follows the edits. */
  set_agreed (ann, TRUE);
  cf_test_spin (20);
  g_assert_false (shows (page, "Ann Smith’s agreement"));
  g_assert_true (shows (page, "Bob Jones’s agreement to be called"));
  click (page, "Agree Plan");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (plan), "agreed_on"), ==, "");

  set_agreed (bob, TRUE);
  cf_test_spin (20);
  click (page, "Agree Plan");
  assert_invalid (agree, FALSE);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (plan), "agreed_on"), ==, "2026-03-03");
  g_assert_true (shows (page, "Agreed 3 March 2026 · last checked 3 March 2026 · check due "
                              "3 March 2027"));
  g_assert_cmpint (cf_test_count (fixture->store, "carer_event", "kind = 'emergency-plan-agreed'"), ==,
                   1);

  /* Bob goes first: the order is kept in the store. */
  click (bob, "Move Up");
  g_assert_true (contact_row (fixture, 0) == bob);
  g_assert_true (shows (bob, "1. Bob Jones"));
  g_assert_true (gtk_widget_is_focus (cf_test_find_button (bob, "Move Down")));
  cf_test_spin (700);
  stored = cf_emergency_plans_list_contacts (fixture->store, cf_record_get_id (CF_RECORD (plan)),
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 2);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (stored, 0), "name"), ==, "Bob Jones");

  /* The plan as a PDF: every heading, both contacts in order. */
  plan_path = g_build_filename (dir, "plan.pdf", NULL);
  export_pdf (fixture, CF_EMERGENCY_DOCUMENT_PLAN, plan_path);
  g_assert_true (shows (page, "The emergency plan was saved as plan.pdf."));
  plan_text = cf_test_pdf_text (plan_path);
  g_test_message ("%s", plan_text);
  g_assert_nonnull (strstr (plan_text, "Emergency plan — Pip"));
  g_assert_nonnull (strstr (plan_text, "Who to call, in this order"));
  first = strstr (plan_text, "Bob Jones");
  second = strstr (plan_text, "Ann Smith");
  g_assert_true (first != NULL && second != NULL && first < second);
  g_assert_nonnull (strstr (plan_text, "07700 900456"));
  g_assert_nonnull (strstr (plan_text, "01632 960123"));
  g_assert_nonnull (strstr (plan_text, "If none of them can come"));
  g_assert_nonnull (strstr (plan_text, "What someone stepping in needs to know"));
  g_assert_nonnull (strstr (plan_text, "Donepezil"));
  g_assert_nonnull (strstr (plan_text, "About this plan"));
  g_assert_nonnull (strstr (plan_text, reference));

  /* The card: the reference and the phone number, and nothing about anyone. */
  card_path = g_build_filename (dir, "card.pdf", NULL);
  export_pdf (fixture, CF_EMERGENCY_DOCUMENT_CARD, card_path);
  g_assert_true (shows (page, "The emergency card was saved as card.pdf."));
  card_text = cf_test_pdf_text (card_path);
  g_test_message ("%s", card_text);
  g_assert_nonnull (strstr (card_text, reference));
  g_assert_nonnull (strstr (card_text, ORG_PHONE));
  g_assert_null (strstr (card_text, "Pip"));
  g_assert_null (strstr (card_text, "Philippa"));
  g_assert_null (strstr (card_text, "Wrenfield"));
  g_assert_null (strstr (card_text, "Mill Lane"));
  g_assert_null (strstr (card_text, "NR21"));
  g_assert_null (strstr (card_text, "Ann Smith"));
  g_assert_null (strstr (card_text, "Bob Jones"));
  g_assert_null (strstr (card_text, "Donepezil"));

  /* Both exports are in the audit log, before anything else could happen to the files. */
  g_assert_cmpint (cf_test_count (fixture->store, "audit",
                          "action = 'export' AND entity = 'emergency_plan'"), ==, 2);
  g_assert_cmpint (cf_test_count (fixture->store, "audit",
                          "action = 'export' AND entity = 'emergency_plan' AND "
                          "detail = 'card'"), ==, 1);

  g_remove (plan_path);
  g_remove (card_path);
  g_rmdir (dir);
}

static void
test_invalid_phone_is_kept (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  g_autoptr(GError) error = NULL;
  GtkWidget *row, *phone;
  CfEmergencyContact *contact;
  guint changed;

  make_plan (fixture);
  click (page, "Add Contact");
  row = contact_row (fixture, 0);
  /* The new contact's name takes the focus. GTK 4.8 moves the focus only in the active
   * window, and CI runs two GUI tests on one display, so this is checked when this window is
   * the active one; test-a11y-support.py checks it in the real application every run. */
  {
    GtkWidget *name = cf_test_find_row (row, "Name");

    cf_test_spin (50);
    if (gtk_window_is_active (GTK_WINDOW (fixture->window)))
      g_assert_true (gtk_widget_is_focus (name) || gtk_widget_get_focus_child (name) != NULL);
    else
      g_test_message ("the window is not active: the focus is not checked here");
  }
  fill_contact (row, "Ann Smith", "daughter", "12345", "");
  phone = cf_test_find_row (row, "Phone");

  /* Said at once, next to the field, in words and to assistive technology. */
  g_assert_true (gtk_widget_has_css_class (phone, "error"));
  assert_invalid (phone, TRUE);
  g_assert_true (shows (row, "“12345” is not a UK phone number"));

  changed = fixture->n_changed;
  cf_test_spin (700);
  g_assert_true (shows (page, "Not saved: Ann Smith’s phone number"));
  g_assert_true (shows (page, "Your changes are kept here."));
  g_assert_cmpuint (fixture->n_changed, ==, changed);
  contact = g_ptr_array_index (cf_emergency_page_get_contacts (fixture->page), 0);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (contact), "phone"), ==, "12345");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (phone)), ==, "12345");
  g_assert_cmpint (cf_test_count (fixture->store, "emergency_contact", "1"), ==, 0);

  g_assert_false (cf_emergency_page_flush (fixture->page, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  type (row, "Phone", "01632 960123");
  g_assert_false (gtk_widget_has_css_class (phone, "error"));
  assert_invalid (phone, FALSE);
  g_assert_true (cf_emergency_page_flush (fixture->page, &error));
  g_assert_no_error (error);
  g_assert_true (shows (page, "All changes saved."));
  g_assert_cmpuint (fixture->n_changed, ==, changed + 1);
  g_assert_cmpint (cf_test_count (fixture->store, "emergency_contact", "phone = '01632 960123'"), ==, 1);

  /* Removing a contact keeps the focus on the page and saves a tombstone. */
  click (row, "Remove");
  g_assert_cmpuint (n_contact_rows (fixture), ==, 0);
  g_assert_true (gtk_widget_is_focus (cf_test_find_button (page, "Add Contact")));
  g_assert_true (cf_emergency_page_flush (fixture->page, &error));
  g_assert_cmpint (cf_test_count (fixture->store, "emergency_contact", "deleted = 1"), ==, 1);
  g_assert_cmpuint (cf_emergency_page_get_contacts (fixture->page)->len, ==, 0);
}

/* DOMAIN.md, "Information, consent": the plan prints in the format the carer's communication
 * needs ask for, and says when their language has no translation; the audit log says in what. */
static void
test_format_and_language (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEmergencyPlan) plan = cf_emergency_plans_create (fixture->store, fixture->carer,
                                                                ORG_PHONE, &error);
  g_autofree char *dir = g_dir_make_tmp ("carefield-emergency-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *text = NULL;
  GtkWidget *format;
  GtkWidget *language;

  g_assert_no_error (error);
  cf_record_set_text (CF_RECORD (fixture->carer), "communication_needs",
                      "Easy read, and phone before visiting");
  cf_record_set_text (CF_RECORD (fixture->carer), "preferred_language", "Lithuanian");
  cf_emergency_page_set_carer (fixture->page, fixture->carer);
  cf_test_spin (20);

  format = cf_test_find_row (page, "Format");
  language = cf_test_find_row (page, "Language");
  g_assert_true (ADW_IS_COMBO_ROW (format) && ADW_IS_COMBO_ROW (language));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (format)), ==,
                    CF_DOCUMENT_FORMAT_EASY_READ);
  g_assert_true (shows (page, "The carer’s communication needs ask for it."));
  g_assert_true (shows (page, "English: Carefield is not yet translated into Lithuanian"));

  export_pdf (fixture, CF_EMERGENCY_DOCUMENT_PLAN, path);
  text = cf_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "What helpers need to know"));
  g_assert_cmpint (cf_test_count (fixture->store, "audit",
                                  "action = 'export' AND entity = 'emergency_plan' AND "
                                  "detail = 'easy-read, en'"), ==, 1);

  /* Another format for one print: the words change with it. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (format), CF_DOCUMENT_FORMAT_LARGE_PRINT);
  g_assert_false (shows (page, "The carer’s communication needs ask for it."));
  export_pdf (fixture, CF_EMERGENCY_DOCUMENT_PLAN, path);
  g_clear_pointer (&text, g_free);
  text = cf_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "Who to call, in this order"));
  g_assert_cmpint (cf_test_count (fixture->store, "audit",
                                  "action = 'export' AND entity = 'emergency_plan' AND "
                                  "detail = 'large-print, en'"), ==, 1);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_check_overdue (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEmergencyPlan) plan = cf_emergency_plans_create (fixture->store, fixture->carer,
                                                                ORG_PHONE, &error);

  g_assert_no_error (error);
  cf_record_set_text (CF_RECORD (plan), "agreed_on", "2024-11-20");
  cf_record_set_text (CF_RECORD (plan), "last_checked_on", "2025-01-10");
  cf_record_set_text (CF_RECORD (plan), "pets", "Biscuit the cat");
  g_assert_true (cf_emergency_plans_save (fixture->store, plan, NULL, &error));
  g_assert_no_error (error);

  cf_emergency_page_set_carer (fixture->page, fixture->carer);
  cf_test_spin (20);
  g_assert_cmpint (cf_test_count (fixture->store, "audit",
                          "action = 'view' AND entity = 'emergency_plan'"), ==, 1);
  g_assert_true (shows (page, "Agreed 20 November 2024 · last checked 10 January 2025 · "
                              "check due 10 January 2026"));
  /* In words and with an icon, not colour alone. */
  g_assert_true (shows (page, "Check overdue since 10 Jan 2026"));
  g_assert_true (shows (page, "has not been checked in the last 12 months"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cf_test_find_row (page, "Pets"))), ==,
                   "Biscuit the cat");

  click (page, "Mark as Checked Today");
  g_assert_false (shows (page, "has not been checked in the last 12 months"));
  g_assert_true (shows (page, "last checked 3 March 2026 · check due 3 March 2027"));
  g_assert_cmpint (cf_test_count (fixture->store, "carer_event", "kind = 'emergency-plan-checked'"), ==,
                   1);

  /* Locking empties the page: no personal data stays in a widget. */
  cf_emergency_page_set_carer (fixture->page, NULL);
  cf_test_spin (20);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (cf_test_find_row (page, "Pets"))), ==,
                   "");
  g_assert_false (shows (page, "Agreed"));
}

int
main (int    argc,
      char **argv)
{
  cf_test_gui_init (&argc, &argv);

  g_test_add ("/gui/emergency/make-agree-and-print", Fixture, NULL,
              fixture_set_up, test_make_agree_and_print, fixture_tear_down);
  g_test_add ("/gui/emergency/invalid-phone-is-kept", Fixture, NULL,
              fixture_set_up, test_invalid_phone_is_kept, fixture_tear_down);
  g_test_add ("/gui/emergency/check-overdue", Fixture, NULL,
              fixture_set_up, test_check_overdue, fixture_tear_down);
  g_test_add ("/gui/emergency/format-and-language", Fixture, NULL,
              fixture_set_up, test_format_and_language, fixture_tear_down);

  return g_test_run ();
}
