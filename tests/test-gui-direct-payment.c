/* test-gui-direct-payment.c: the direct payment page as a worker uses it
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under Xvfb with GTK_A11Y=test, so accessible states can be read back. Everything is done
 * through the rows, buttons and dialogs a worker uses, and read back from the store and from the
 * words on screen.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cf-direct-payment-page.h"
#include "cf-direct-payments.h"
#include "cf-dp-form.h"
#include "cf-money.h"
#include "cf-plans.h"
#include "cf-profile.h"
#include "cf-test-gui.h"
#include "cf-test-util.h"

typedef struct
{
  CfContext           *context;
  CfStore             *store;
  CfCarer             *carer;
  GtkWidget           *window;
  CfDirectPaymentPage *page;
  guint                n_changed;
} Fixture;

static void
on_changed (CfDirectPaymentPage *page,
            Fixture             *fixture)
{
  fixture->n_changed++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static guint counter;
  g_autofree char *dir = g_strdup_printf ("%s/direct-payment-%u", g_get_user_data_dir (),
                                          counter++);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 18, 10, 0, 0);
  g_autoptr(CfClock) clock = cf_clock_new_fixed (now);
  g_autoptr(GError) error = NULL;

  fixture->context = cf_context_new (clock, NULL);
  fixture->store = cf_profile_create (dir, "direct payment test passphrase", "Sam Assessor",
                                      clock, &error);
  g_assert_no_error (error);
  cf_context_set_store (fixture->context, fixture->store);
  fixture->carer = cf_test_save_carer (fixture->store, "given_name", "Hester",
                                       "family_name", "Goldcrest", "status", "active", NULL);

  fixture->page = cf_direct_payment_page_new (fixture->context);
  g_signal_connect (fixture->page, "changed", G_CALLBACK (on_changed), fixture);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 1400);
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

/* Finding and using widgets ------------------------------------------------------------------ */

static GtkWidget *
row (Fixture    *fixture,
     const char *title)
{
  GtkWidget *found = cf_test_find_row (GTK_WIDGET (fixture->page), title);

  if (found == NULL)
    g_error ("No row titled “%s”", title);
  return found;
}

static void
collect_text (GtkWidget *root,
              GString   *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      collect_text (child, text);
    }
}

static gboolean
shows (Fixture    *fixture,
       const char *words)
{
  g_autoptr(GString) text = g_string_new (NULL);

  collect_text (GTK_WIDGET (fixture->page), text);
  return strstr (text->str, words) != NULL;
}

/* The visible words shown under a field row, or NULL. */
static const char *
message_under (GtkWidget *field)
{
  GtkWidget *next = gtk_widget_get_next_sibling (field);
  GtkWidget *label;

  if (next == NULL || !gtk_widget_get_visible (next))
    return NULL;
  label = cf_test_find_type (next, GTK_TYPE_LABEL);
  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
click (Fixture    *fixture,
       const char *label)
{
  GtkWidget *button = cf_test_find_button (GTK_WIDGET (fixture->page), label);

  if (button == NULL)
    g_error ("No button labelled “%s”", label);
  g_assert_true (gtk_widget_is_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  cf_test_spin (20);
}

static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }

  g_error ("No dialog headed “%s”", heading);
  return NULL;
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  cf_test_spin (20);
}

static void
type (AdwMessageDialog *dialog,
      const char       *key,
      const char       *text)
{
  GtkWidget *field = cf_dp_form_get_field (dialog, key);

  g_assert_nonnull (field);
  gtk_editable_set_text (GTK_EDITABLE (field), text);
}

static void
choose (GtkWidget *combo,
        guint      position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), position);
}

static void
toggle (GtkWidget *switch_row,
        gboolean   active)
{
  GtkWidget *toggle_switch = cf_test_find_type (switch_row, GTK_TYPE_SWITCH);

  g_assert_nonnull (toggle_switch);
  gtk_switch_set_active (GTK_SWITCH (toggle_switch), active);
}

static GPtrArray *
stored_payments (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *payments = cf_direct_payments_list (fixture->store,
                                                 cf_record_get_id (CF_RECORD (fixture->carer)),
                                                 &error);

  g_assert_no_error (error);
  return payments;
}

/* Sets up a long-term payment through the dialog, requested on 2 November. */
static void
set_up_in_gui (Fixture *fixture)
{
  AdwMessageDialog *dialog;

  click (fixture, "Set _Up Direct Payment…");
  dialog = find_dialog ("Set Up a Direct Payment");
  g_assert_cmpstr (cf_dp_form_get_text (dialog, "requested_on"), ==, "18/11/2026");
  type (dialog, "requested_on", "31/11/2026");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "set-up"));
  type (dialog, "requested_on", "2/11/2026");
  respond (dialog, "set-up");
}

/* Saves a screenshot of the page when CF_DP_SCREENSHOT names a folder, to look at. */
static void
maybe_screenshot (Fixture    *fixture,
                  const char *name)
{
  const char *dir = g_getenv ("CF_DP_SCREENSHOT");
  g_autofree char *file = g_strconcat (name, ".png", NULL);
  g_autofree char *path = dir != NULL ? g_build_filename (dir, file, NULL) : NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  if (path == NULL)
    return;

  /* The monitoring groups are at the end of the page. */
  if (g_str_equal (name, "returns") || g_str_equal (name, "assistants"))
    {
      GtkWidget *scroller = cf_test_find_type (GTK_WIDGET (fixture->page),
                                               GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

      cf_test_spin (100);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    }

  cf_test_spin (200);
  width = gtk_widget_get_width (fixture->window);
  height = gtk_widget_get_height (fixture->window);
  paintable = gtk_widget_paintable_new (fixture->window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (fixture->window)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_save_to_png (texture, path);
}

/* Tests ------------------------------------------------------------------------------------- */

static void
test_set_up_and_amount (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(CfDirectPayment) loaded = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *amount;

  cf_direct_payment_page_set_carer (fixture->page, fixture->carer);
  cf_test_spin (20);
  g_assert_true (shows (fixture, "No direct payments yet"));

  set_up_in_gui (fixture);
  payments = stored_payments (fixture);
  g_assert_cmpuint (payments->len, ==, 1);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (payments, 0), "requested_on"), ==,
                   "2026-11-02");
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (payments, 0), "method"), ==,
                   "prepaid-card");
  g_assert_cmpuint (fixture->n_changed, >=, 1);
  g_assert_true (shows (fixture, "Being set up · Amount not recorded · requested 2 Nov 2026"));

  /* A decimal comma could be out by a hundred times: refused in words, kept as typed. */
  amount = row (fixture, "Amount in Pounds");
  gtk_editable_set_text (GTK_EDITABLE (amount), "12,50");
  cf_test_spin (20);
  g_assert_cmpstr (message_under (amount), ==,
                   "Type an amount in pounds and pence, such as 12.50.");
  g_assert_true (gtk_widget_has_css_class (amount, "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (amount), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  cf_test_spin (700);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "12,50");

  /* Flushing says what is not saved, and loses nothing. */
  g_assert_false (cf_direct_payment_page_flush (fixture->page, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Amount in Pounds"));
  g_clear_error (&error);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (amount)), ==, "12,50");

  gtk_editable_set_text (GTK_EDITABLE (amount), "150");
  g_assert_null (message_under (amount));
  g_assert_false (gtk_widget_has_css_class (amount, "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (amount), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_FALSE);
  /* Four weeks: position 0 is "Not recorded". */
  choose (row (fixture, "How Often"), 1 + CF_PAYMENT_FOUR_WEEKLY);
  cf_test_spin (700);
  g_assert_true (shows (fixture, "£150.00 every four weeks"));
  g_assert_true (shows (fixture, "All changes saved."));

  loaded = cf_direct_payments_load (fixture->store,
                                    cf_record_get_id (g_ptr_array_index (payments, 0)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_record_get_int (CF_RECORD (loaded), "amount_pence"), ==, 15000);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (loaded), "frequency"), ==, "four-weekly");

  /* A date typed wrongly waits beside its field; flush saves what is right at once. */
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, "First Payment On (day/month/year)")),
                         "30/02/2026");
  g_assert_nonnull (strstr (message_under (row (fixture, "First Payment On (day/month/year)")),
                            "not a date that exists"));
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, "What It Is For")), "Swimming");
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, "First Payment On (day/month/year)")),
                         "1/12/2026");
  g_assert_true (cf_direct_payment_page_flush (fixture->page, &error));
  g_assert_no_error (error);
  g_clear_object (&loaded);
  loaded = cf_direct_payments_load (fixture->store,
                                    cf_record_get_id (g_ptr_array_index (payments, 0)), &error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (loaded), "purpose"), ==, "Swimming");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (loaded), "first_payment_on"), ==,
                   "2026-12-01");

  maybe_screenshot (fixture, "set-up");
}

static void
test_refused_without_capacity (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) payments = NULL;
  GtkWidget *capacity;
  const char *message;

  cf_direct_payment_page_set_carer (fixture->page, fixture->carer);
  set_up_in_gui (fixture);

  /* Lacks capacity (position 2), and no authorised person. */
  capacity = row (fixture, "Capacity to Request It");
  choose (capacity, 2);
  cf_test_spin (20);
  message = message_under (capacity);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "cannot be set up"));
  g_assert_nonnull (strstr (message, "only a managed service"));

  /* An authorised person clears it; taking them away brings it back. */
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, "Authorised Person Acting for the Carer")),
                         "Ivo Goldcrest");
  g_assert_null (message_under (capacity));
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, "Authorised Person Acting for the Carer")),
                         "");

  click (fixture, "Agree Direct Payment");
  g_assert_true (shows (fixture, "Cannot be set up. A direct payment cannot be set up: the carer "
                                 "lacks capacity"));
  g_assert_false (gtk_widget_get_visible (cf_test_find_button (GTK_WIDGET (fixture->page),
                                                               "Agree Direct Payment")));
  /* What was decided is locked. */
  g_assert_false (gtk_widget_is_sensitive (capacity));

  payments = stored_payments (fixture);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (payments, 0), "status"), ==,
                   CF_DIRECT_PAYMENT_REFUSED);
  g_assert_nonnull (strstr (cf_record_get_text (g_ptr_array_index (payments, 0), "end_reason"),
                            "managed service"));
}

static void
test_close_relative_and_agree (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) payments = NULL;
  GtkWidget *reason;

  cf_direct_payment_page_set_carer (fixture->page, fixture->carer);
  set_up_in_gui (fixture);

  choose (row (fixture, "Capacity to Request It"), 1);
  toggle (row (fixture, "Consent Given"), TRUE);
  choose (row (fixture, "Able to Manage It"), 1);
  toggle (row (fixture, "Appropriate Way to Meet the Needs"), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, "Decided By")), "Sam Assessor");
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, "Decided On (day/month/year)")),
                         "10/11/2026");
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, "Amount in Pounds")), "£40");
  choose (row (fixture, "How Often"), 1 + CF_PAYMENT_WEEKLY);

  reason = row (fixture, "Why Paying the Relative Is Necessary");
  g_assert_null (message_under (reason));
  toggle (row (fixture, "Pays a Close Relative in the Household"), TRUE);
  cf_test_spin (20);
  g_assert_nonnull (message_under (reason));
  g_assert_nonnull (strstr (message_under (reason), "Record why"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);

  maybe_screenshot (fixture, "issues");

  /* Not agreed until the reason is recorded. */
  click (fixture, "Agree Direct Payment");
  g_assert_true (shows (fixture, "Paying a close relative who lives in the same household"));
  payments = stored_payments (fixture);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (payments, 0), "status"), ==,
                   CF_DIRECT_PAYMENT_SETTING_UP);
  g_clear_pointer (&payments, g_ptr_array_unref);

  gtk_editable_set_text (GTK_EDITABLE (reason), "No agency covers the village");
  g_assert_null (message_under (reason));
  click (fixture, "Agree Direct Payment");
  g_assert_true (shows (fixture, "Agreed: £40.00 every week."));
  g_assert_true (shows (fixture, "Paying £40.00 every week, agreed 18 Nov 2026"));

  payments = stored_payments (fixture);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (payments, 0), "status"), ==,
                   CF_DIRECT_PAYMENT_ACTIVE);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (payments, 0), "close_relative_reason"),
                   ==, "No agency covers the village");

  /* The first review is due six months after the first payment. */
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, "First Payment On (day/month/year)")),
                         "1/6/2026");
  g_assert_true (shows (fixture, "Direct payment review due 1 Dec 2026"));

  /* Ending asks why. */
  click (fixture, "End…");
  {
    AdwMessageDialog *dialog = find_dialog ("End the Direct Payment?");

    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "end"));
    type (dialog, "reason", "The carer moved away");
    respond (dialog, "end");
  }
  g_assert_true (shows (fixture, "Ended 18 Nov 2026: The carer moved away"));
  maybe_screenshot (fixture, "ended");
}

static CfDirectPayment *
agreed_payment (Fixture    *fixture,
                gint64      amount,
                const char *frequency)
{
  g_autoptr(GError) error = NULL;
  CfDirectPayment *payment = cf_direct_payments_start (fixture->store, fixture->carer, NULL,
                                                       "long-term", "2026-06-01", &error);
  CfRecord *record = CF_RECORD (payment);

  g_assert_no_error (error);
  cf_record_set_text (record, "capacity", "yes");
  cf_record_set_bool (record, "consent", TRUE);
  cf_record_set_text (record, "able_to_manage", "alone");
  cf_record_set_bool (record, "appropriate", TRUE);
  cf_record_set_text (record, "decided_by", "Sam Assessor");
  cf_record_set_text (record, "decided_on", "2026-06-10");
  cf_record_set_int (record, "amount_pence", amount);
  cf_record_set_text (record, "frequency", frequency);
  g_assert_true (cf_direct_payments_agree (fixture->store, payment, "2026-06-12", &error));
  g_assert_no_error (error);

  return payment;
}

static void
test_balance_return (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CfDirectPayment) payment = agreed_payment (fixture, 5000, "weekly");
  g_autoptr(GPtrArray) returns = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  cf_direct_payment_page_set_carer (fixture->page, fixture->carer);
  cf_test_spin (20);
  g_assert_true (shows (fixture, "No balance returns yet"));

  click (fixture, "Add _Balance Return…");
  dialog = find_dialog ("Add a Balance Return");
  g_assert_null (cf_dp_form_get_field (dialog, "spent"));
  type (dialog, "balance", "5.2.5");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "add"));
  type (dialog, "balance", "525.00");
  respond (dialog, "add");

  /* £50 a week: eight weeks' worth is £400. */
  g_assert_true (shows (fixture, "Surplus: £125.00 over eight weeks’ worth"));
  g_assert_true (shows (fixture, "nothing recovered yet"));

  click (fixture, "_Record Recovery…");
  dialog = find_dialog ("Record a Recovery");
  type (dialog, "recovered", "200");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "record"));
  type (dialog, "recovered", "125");
  respond (dialog, "record");
  g_assert_true (shows (fixture, "£125.00 recovered on 18 Nov 2026"));
  maybe_screenshot (fixture, "returns");

  returns = cf_direct_payments_list_returns (fixture->store,
                                             cf_record_get_id (CF_RECORD (payment)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (returns->len, ==, 1);
  g_assert_cmpint (cf_record_get_int (g_ptr_array_index (returns, 0), "surplus_pence"), ==,
                   12500);
  g_assert_cmpint (cf_record_get_int (g_ptr_array_index (returns, 0), "recovered_pence"), ==,
                   12500);
}

static void
test_assistants (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CfDirectPayment) payment = agreed_payment (fixture, 15000, "four-weekly");
  g_autoptr(CfPersonalAssistant) long_vacancy =
    cf_personal_assistant_new (cf_record_get_id (CF_RECORD (payment)));
  g_autoptr(GPtrArray) assistants = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  cf_record_set_text (CF_RECORD (long_vacancy), "status", "recruiting");
  cf_record_set_text (CF_RECORD (long_vacancy), "vacant_since", "2026-10-01");
  g_assert_true (cf_direct_payments_save_assistant (fixture->store, long_vacancy, &error));
  g_assert_no_error (error);

  cf_direct_payment_page_set_carer (fixture->page, fixture->carer);
  cf_test_spin (20);
  g_assert_true (shows (fixture, "Recruiting · vacant for 48 days — open over 30 days"));

  click (fixture, "Add Personal _Assistant…");
  dialog = find_dialog ("Add a Personal Assistant");
  type (dialog, "name", "Zoe Rowan");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (cf_dp_form_get_field (dialog, "status")), 1);
  type (dialog, "dbs_checked_on", "20/11/2023");
  type (dialog, "insurance_expires_on", "31/3/27");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  type (dialog, "insurance_expires_on", "31/3/2027");
  respond (dialog, "save");

  g_assert_true (shows (fixture, "Zoe Rowan"));
  g_assert_true (shows (fixture, "In post · DBS renewal due 20 Nov 2026 · Insurance renewal due "
                                 "31 Mar 2027"));

  assistants = cf_direct_payments_list_assistants (fixture->store,
                                                   cf_record_get_id (CF_RECORD (payment)),
                                                   &error);
  g_assert_cmpuint (assistants->len, ==, 2);
  maybe_screenshot (fixture, "assistants");
}

int
main (int   argc,
      char *argv[])
{
  cf_test_gui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/direct-payment/set-up-and-amount", test_set_up_and_amount);
  ADD ("/gui/direct-payment/refused-without-capacity", test_refused_without_capacity);
  ADD ("/gui/direct-payment/close-relative-and-agree", test_close_relative_and_agree);
  ADD ("/gui/direct-payment/balance-return", test_balance_return);
  ADD ("/gui/direct-payment/assistants", test_assistants);

#undef ADD

  return g_test_run ();
}
