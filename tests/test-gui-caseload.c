/* test-gui-caseload.c: the caseload sidebar: rows, search as you type, filter, empty states,
 * activation and what a screen reader is told
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "cf-gui-util.h"
#include "cf-caseload-row.h"
#include "cf-caseload-view.h"
#include "cf-choices.h"
#include "cf-demo.h"
#include "cf-profile.h"
#include "cf-store-private.h"
#include "cf-test-util.h"

#define N_DEMO 200
#define N_OWN  3

typedef struct
{
  CfClock        *clock;
  CfStore        *store;
  CfCalendar     *calendar;
  CfCaseload     *caseload;
  GtkWindow      *window;
  CfCaseloadView *view;

  /* Carers of our own, with names, postcodes and phones the demo data never has. */
  CfCarer        *red;
  CfCarer        *amber;
  CfCarer        *green;
} Fixture;

/* ------------------------------------------------------------------------------------------ */
/* Helpers */

static gboolean
set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Long enough for the search entry's delay, a layout and a frame. */
static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_true, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
collect (GtkWidget *widget,
         GType      type,
         gboolean   shown_only,
         GPtrArray *found)
{
  if (shown_only && !gtk_widget_get_mapped (widget))
    return;
  /* A drop-down's popover has a list and a search entry of its own. */
  if (GTK_IS_POPOVER (widget))
    return;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, shown_only, found);
}

/* The widgets of @type under @root that are on screen, in tree order. */
static GPtrArray *
find_all (gpointer root,
          GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (GTK_WIDGET (root), type, TRUE, found);
  return found;
}

/* The one widget of @type under @root, shown or not, outside popovers. */
static gpointer
find_one (gpointer root,
          GType    type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (GTK_WIDGET (root), type, FALSE, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static GtkLabel *
find_label (gpointer    root,
            const char *text)
{
  g_autoptr(GPtrArray) labels = find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_label_get_text (label), text) == 0)
        return label;
    }

  return NULL;
}

static GtkImage *
find_icon (gpointer    root,
           const char *icon_name)
{
  g_autoptr(GPtrArray) images = find_all (root, GTK_TYPE_IMAGE);

  for (guint i = 0; i < images->len; i++)
    {
      GtkImage *image = g_ptr_array_index (images, i);

      if (g_strcmp0 (gtk_image_get_icon_name (image), icon_name) == 0)
        return image;
    }

  return NULL;
}

/* The rows on screen, each with a carer. */
static GPtrArray *
find_rows (Fixture *fixture)
{
  GPtrArray *rows = find_all (fixture->view, CF_TYPE_CASELOAD_ROW);

  for (guint i = rows->len; i > 0; i--)
    {
      if (cf_caseload_row_get_item (g_ptr_array_index (rows, i - 1)) == NULL)
        g_ptr_array_remove_index (rows, i - 1);
    }

  return rows;
}

static CfCaseloadRow *
find_row_for (Fixture *fixture,
              CfCarer *carer)
{
  g_autoptr(GPtrArray) rows = find_rows (fixture);
  const char *id = cf_record_get_id (CF_RECORD (carer));

  for (guint i = 0; i < rows->len; i++)
    {
      CfCaseloadItem *item = cf_caseload_row_get_item (g_ptr_array_index (rows, i));

      if (g_strcmp0 (cf_caseload_item_get_id (item), id) == 0)
        return g_ptr_array_index (rows, i);
    }

  return NULL;
}

static GtkEditable *
search_entry (Fixture *fixture)
{
  return GTK_EDITABLE (find_one (fixture->view, GTK_TYPE_SEARCH_ENTRY));
}

static GtkDropDown *
filter_drop_down (Fixture *fixture)
{
  return find_one (fixture->view, GTK_TYPE_DROP_DOWN);
}

static GtkListView *
list_view (Fixture *fixture)
{
  return find_one (fixture->view, GTK_TYPE_LIST_VIEW);
}

static const char *
subtitle (Fixture *fixture)
{
  return adw_window_title_get_subtitle (find_one (fixture->view, ADW_TYPE_WINDOW_TITLE));
}

static guint
n_listed (Fixture *fixture)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fixture->caseload));
}

/* As a person would: type, then wait for the results. */
static void
type_search (Fixture    *fixture,
             const char *text)
{
  gtk_editable_set_text (search_entry (fixture), text);
  spin (250);
}

static char *
dup_count_text (guint n)
{
  return g_strdup_printf (n == 1 ? "%u carer" : "%u carers", n);
}

static CfCarer *
add_carer (Fixture    *fixture,
           const char *given,
           const char *family,
           const char *locality,
           const char *postcode,
           const char *phone,
           const char *priority,
           const char *received_at)
{
  return cf_test_save_carer (fixture->store, "given_name", given, "family_name", family,
                             "locality", locality, "postcode", postcode, "phone", phone,
                             "priority", priority, "referral_received_at", received_at, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "profile", NULL);
  /* Wednesday 18 November 2026, mid-morning. */
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 11, 18, 10, 0, 0);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  fixture->clock = cf_clock_new_fixed (now);
  fixture->store = cf_profile_create (dir, "caseload view test passphrase", "Tester",
                                      fixture->clock, &error);
  g_assert_no_error (error);
  g_assert_true (cf_demo_generate (fixture->store, N_DEMO, 1, &error));
  g_assert_no_error (error);

  /* Waiting since Monday 9 November: first contact is overdue. */
  fixture->red = add_carer (fixture, "Margaret", "Thistledown", "Marshby Wolds", "ZZ99 0QX",
                            "0113 496 0777", "red", "2026-11-09T09:00:00Z");
  /* Referred this morning: due in a few working days. */
  fixture->amber = add_carer (fixture, "Tobias", "Quenby", "Fenwick Green", "ZZ99 0RT",
                              "0113 496 0778", "amber", "2026-11-18T09:00:00Z");
  fixture->green = add_carer (fixture, "Edith", "Harebell", "Saltmarsh End", "ZZ99 0SU",
                              "0113 496 0779", "green", "2026-11-02T09:00:00Z");
  cf_record_set_text (CF_RECORD (fixture->green), "status", "active");
  cf_record_set_text (CF_RECORD (fixture->green), "first_contact_at", "2026-11-03T11:00:00Z");
  g_assert_true (cf_store_save_carer (fixture->store, fixture->green, &error));
  g_assert_no_error (error);

  fixture->calendar = cf_calendar_new (NULL);
  fixture->caseload = cf_caseload_new (fixture->store, fixture->calendar, 3);
  g_assert_true (cf_caseload_reload (fixture->caseload, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cf_caseload_get_n_carers (fixture->caseload), ==, N_DEMO + N_OWN);

  fixture->view = cf_caseload_view_new ();
  cf_caseload_view_set_caseload (fixture->view, fixture->caseload);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 400, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  spin (300);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->window, gtk_window_destroy);
  spin (50);
  g_clear_object (&fixture->red);
  g_clear_object (&fixture->amber);
  g_clear_object (&fixture->green);
  g_clear_object (&fixture->caseload);
  g_clear_object (&fixture->calendar);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->clock);
}

/* ------------------------------------------------------------------------------------------ */
/* Tests */

static void
assert_pill (CfCaseloadRow *row,
             const char    *priority,
             const char    *word,
             const char    *icon_name)
{
  g_autofree char *css_class = g_strconcat ("priority-", priority, NULL);
  GtkLabel *label = find_label (row, word);
  GtkWidget *pill;

  g_assert_nonnull (label);
  pill = gtk_widget_get_parent (GTK_WIDGET (label));
  g_assert_true (gtk_widget_has_css_class (pill, css_class));
  /* An icon beside the word, inside the same pill. */
  g_assert_nonnull (find_icon (pill, icon_name));
}

static void
test_rows_show_priority_word (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = find_rows (fixture);
  static const char *icons[] = {
    "dialog-error-symbolic", "dialog-warning-symbolic", "emblem-ok-symbolic",
  };

  /* Every row on screen says its priority in words, with an icon, as well as in colour. */
  g_assert_cmpuint (rows->len, >=, 5);
  for (guint i = 0; i < rows->len; i++)
    {
      CfCaseloadRow *row = g_ptr_array_index (rows, i);
      CfCaseloadItem *item = cf_caseload_row_get_item (row);
      const char *priority = cf_caseload_item_get_priority (item);
      int index = cf_choices_find (cf_priorities, priority);

      g_assert_cmpint (index, >=, 0);
      g_assert_nonnull (find_label (row, cf_caseload_item_get_name (item)));
      assert_pill (row, priority, cf_choices_label (cf_priorities, priority), icons[index]);
    }

  type_search (fixture, "Thistledown");
  assert_pill (find_row_for (fixture, fixture->red), "red", "Red", "dialog-error-symbolic");
  type_search (fixture, "Quenby");
  assert_pill (find_row_for (fixture, fixture->amber), "amber", "Amber",
               "dialog-warning-symbolic");
  type_search (fixture, "Harebell");
  assert_pill (find_row_for (fixture, fixture->green), "green", "Green", "emblem-ok-symbolic");
}

static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *secondary = NULL;
  CfCaseloadRow *row;
  CfCaseloadItem *item;
  GtkLabel *due;

  /* Overdue: said in words, marked, with an alarm. */
  type_search (fixture, "Thistledown");
  row = find_row_for (fixture, fixture->red);
  g_assert_nonnull (row);
  item = cf_caseload_row_get_item (row);
  g_assert_cmpstr (cf_caseload_item_get_due_state (item), ==, "overdue");
  g_assert_true (g_str_has_prefix (cf_caseload_item_get_due_text (item),
                                   "First contact overdue since "));
  secondary = g_strdup_printf ("Marshby Wolds · %s",
                               cf_record_get_text (CF_RECORD (fixture->red), "reference"));
  g_assert_nonnull (find_label (row, secondary));
  due = find_label (row, cf_caseload_item_get_due_text (item));
  g_assert_nonnull (due);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (due), "due-overdue"));
  g_assert_nonnull (find_icon (row, "alarm-symbolic"));

  /* Not overdue: neither. */
  type_search (fixture, "Quenby");
  row = find_row_for (fixture, fixture->amber);
  g_assert_nonnull (row);
  item = cf_caseload_row_get_item (row);
  g_assert_cmpstr (cf_caseload_item_get_due_state (item), ==, "later");
  due = find_label (row, cf_caseload_item_get_due_text (item));
  g_assert_nonnull (due);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (due), "due-overdue"));
  g_assert_null (find_icon (row, "alarm-symbolic"));

  /* Contacted while on screen: the same row updates in place. */
  type_search (fixture, "Thistledown");
  row = find_row_for (fixture, fixture->red);
  cf_record_set_text (CF_RECORD (fixture->red), "status", "active");
  cf_record_set_text (CF_RECORD (fixture->red), "first_contact_at", "2026-11-18T09:30:00Z");
  cf_record_set_text (CF_RECORD (fixture->red), "priority", "amber");
  g_assert_true (cf_store_save_carer (fixture->store, fixture->red, &error));
  g_assert_no_error (error);
  spin (50);
  g_assert_true (find_row_for (fixture, fixture->red) == row);
  due = find_label (row, "Contacted");
  g_assert_nonnull (due);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (due), "due-overdue"));
  g_assert_null (find_icon (row, "alarm-symbolic"));
  g_assert_null (find_label (row, "Red"));
  assert_pill (row, "amber", "Amber", "dialog-warning-symbolic");
}

static void
test_search_as_you_type (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *all_text = dup_count_text (N_DEMO + N_OWN);
  const char *reference = cf_record_get_text (CF_RECORD (fixture->green), "reference");
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *focus;
  CfCaseloadItem *selected;

  g_assert_cmpstr (subtitle (fixture), ==, all_text);

  /* Not on every keystroke: after a short pause. */
  gtk_editable_set_text (search_entry (fixture), "thistle");
  g_assert_cmpuint (n_listed (fixture), ==, N_DEMO + N_OWN);
  spin (250);
  g_assert_cmpstr (cf_caseload_get_query (fixture->caseload), ==, "thistle");
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  g_assert_cmpstr (subtitle (fixture), ==, "1 carer");
  rows = find_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_nonnull (find_label (g_ptr_array_index (rows, 0), "Margaret Thistledown"));

  /* Postcode with or without its space, phone with spaces, reference. */
  type_search (fixture, "zz99 0rt");
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  g_assert_nonnull (find_row_for (fixture, fixture->amber));
  type_search (fixture, "ZZ990QX");
  g_assert_nonnull (find_row_for (fixture, fixture->red));
  type_search (fixture, "0113 496 0779");
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  g_assert_nonnull (find_row_for (fixture, fixture->green));
  type_search (fixture, reference);
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  g_assert_nonnull (find_row_for (fixture, fixture->green));
  type_search (fixture, "0113 496");
  g_assert_cmpuint (n_listed (fixture), ==, 3);
  g_assert_cmpstr (subtitle (fixture), ==, "3 carers");

  /* Enter in the search goes to the first result. */
  g_signal_emit_by_name (search_entry (fixture), "activate");
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (list_view (fixture))));
  {
    g_autoptr(GPtrArray) focused_rows = find_all (focus, CF_TYPE_CASELOAD_ROW);
    g_autoptr(CfCaseloadItem) first = g_list_model_get_item (G_LIST_MODEL (fixture->caseload),
                                                             0);

    g_assert_cmpuint (focused_rows->len, ==, 1);
    g_assert_true (cf_caseload_row_get_item (g_ptr_array_index (focused_rows, 0)) == first);
  }

  /* So does the Down arrow. */
  cf_caseload_view_focus_search (fixture->view);
  g_assert_false (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                          GTK_WIDGET (list_view (fixture))));
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (
      GTK_WIDGET (search_entry (fixture)));
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
            gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
      }
    g_assert_true (handled);
  }
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         GTK_WIDGET (list_view (fixture))));

  /* Selected, then the search is cleared: the list is back in full. */
  type_search (fixture, "thistle");
  cf_caseload_view_select_carer (fixture->view, cf_record_get_id (CF_RECORD (fixture->red)));
  spin (50);
  g_assert_cmpuint (gtk_single_selection_get_selected (
                      GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_view (fixture)))),
                    ==, 0);
  cf_caseload_view_focus_search (fixture->view);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         GTK_WIDGET (search_entry (fixture))));
  g_signal_emit_by_name (search_entry (fixture), "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (search_entry (fixture)), ==, "");
  spin (250);
  g_assert_cmpuint (n_listed (fixture), ==, N_DEMO + N_OWN);
  g_assert_cmpstr (subtitle (fixture), ==, all_text);

  /* The carer is still the selected one when found again. */
  cf_caseload_view_select_carer (fixture->view, cf_record_get_id (CF_RECORD (fixture->red)));
  spin (100);
  selected = gtk_single_selection_get_selected_item (
    GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_view (fixture))));
  g_assert_nonnull (selected);
  g_assert_cmpstr (cf_caseload_item_get_id (selected), ==,
                   cf_record_get_id (CF_RECORD (fixture->red)));
  g_assert_nonnull (find_row_for (fixture, fixture->red));
}

/* GTK 4.8's list view binds up to 200 rows around what is on screen; beyond that, nothing in
 * the view may ask the caseload for every carer. */
static void
test_stays_lazy (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkSingleSelection *selection =
    GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_view (fixture)));
  guint n_carers;

  /* 3,000 more, straight in with SQL, which is quicker than the save path. */
  cf_test_insert_carers (fixture->store, 3000);
  g_assert_no_error (error);
  g_assert_true (cf_caseload_reload (fixture->caseload, &error));
  g_assert_no_error (error);
  n_carers = cf_caseload_get_n_carers (fixture->caseload);
  g_assert_cmpuint (n_carers, ==, N_DEMO + N_OWN + 3000);
  spin (200);

  /* The pointer over the list selects a row; then the worker types and clears a search. Left to
   * itself GtkSingleSelection would ask for every carer to find the selected one again. */
  gtk_single_selection_set_selected (selection, 0);
  type_search (fixture, "given123");
  g_assert_cmpuint (n_listed (fixture), ==, 11);
  gtk_single_selection_set_selected (selection, 3);
  type_search (fixture, "");
  g_assert_cmpuint (n_listed (fixture), ==, n_carers);
  gtk_drop_down_set_selected (filter_drop_down (fixture), CF_CASELOAD_FILTER_WAITING);
  spin (100);
  gtk_drop_down_set_selected (filter_drop_down (fixture), CF_CASELOAD_FILTER_ALL);
  spin (100);
  g_assert_cmpuint (cf_caseload_get_n_materialized (fixture->caseload), <, 1000);

  /* Jumping to a carer far down the list brings the row into view, selected. */
  {
    g_autoptr(CfCaseloadItem) last = g_list_model_get_item (G_LIST_MODEL (fixture->caseload),
                                                            n_carers - 1);
    g_autoptr(GPtrArray) rows = NULL;
    gboolean shown = FALSE;

    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (list_view (fixture)),
                                                    GTK_TYPE_SCROLLED_WINDOW)));
    gint64 until;

    cf_caseload_view_select_carer (fixture->view, cf_caseload_item_get_id (last));
    g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, n_carers - 1);

    /* The scroll happens over a few frames: slower under AddressSanitizer on a busy machine,
     * so wait for it (up to 10 s) rather than for a fixed time. */
    until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
    while (!shown && g_get_monotonic_time () < until)
      {
        spin (50);
        g_clear_pointer (&rows, g_ptr_array_unref);
        rows = find_rows (fixture);
        for (guint i = 0; i < rows->len; i++)
          shown |= cf_caseload_row_get_item (g_ptr_array_index (rows, i)) == last;
        shown &= gtk_adjustment_get_value (adjustment) > 0;
      }
    g_assert_true (shown);
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  }
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  GtkDropDown *drop_down = filter_drop_down (fixture);
  g_autoptr(GPtrArray) rows = NULL;
  guint n_overdue;

  gtk_drop_down_set_selected (drop_down, CF_CASELOAD_FILTER_OVERDUE);
  spin (100);
  g_assert_cmpint (cf_caseload_get_filter (fixture->caseload), ==, CF_CASELOAD_FILTER_OVERDUE);
  n_overdue = n_listed (fixture);
  g_assert_cmpuint (n_overdue, >, 0);
  g_assert_cmpuint (n_overdue, <, N_DEMO + N_OWN);
  rows = find_rows (fixture);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      CfCaseloadItem *item = cf_caseload_row_get_item (g_ptr_array_index (rows, i));

      g_assert_cmpstr (cf_caseload_item_get_due_state (item), ==, "overdue");
    }
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* Search within the filter. */
  type_search (fixture, "thistledown");
  g_assert_cmpuint (n_listed (fixture), ==, 1);
  gtk_drop_down_set_selected (drop_down, CF_CASELOAD_FILTER_ACTIVE);
  spin (100);
  g_assert_cmpuint (n_listed (fixture), ==, 0);
  type_search (fixture, "");

  gtk_drop_down_set_selected (drop_down, CF_CASELOAD_FILTER_CLOSED);
  spin (100);
  g_assert_cmpuint (n_listed (fixture), >, 0);
  rows = find_rows (fixture);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      CfCaseloadItem *item = cf_caseload_row_get_item (g_ptr_array_index (rows, i));

      g_assert_cmpstr (cf_caseload_item_get_status (item), ==, "closed");
      g_assert_nonnull (find_label (g_ptr_array_index (rows, i), "Closed"));
    }

  gtk_drop_down_set_selected (drop_down, CF_CASELOAD_FILTER_ALL);
  spin (100);
  g_assert_cmpuint (n_listed (fixture), ==, N_DEMO + N_OWN);
}

static void
assert_setting (GSettings  *settings,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, "caseload-filter");

  g_assert_cmpstr (value, ==, expected);
}

static void
test_filter_saved (Fixture       *fixture,
                   gconstpointer  data)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(CfCaseload) other = NULL;
  CfCaseloadView *view;
  GtkDropDown *drop_down = filter_drop_down (fixture);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.carefield.Carefield", TRUE);
  if (schema == NULL)
    {
      g_test_skip ("The org.carefield.Carefield schema is not installed; set GSETTINGS_SCHEMA_DIR");
      return;
    }

  settings = g_settings_new ("org.carefield.Carefield");
  g_settings_set_string (settings, "caseload-filter", "overdue");

  /* Restored when the settings are given... */
  cf_caseload_view_set_settings (fixture->view, settings);
  g_assert_cmpuint (gtk_drop_down_get_selected (drop_down), ==, CF_CASELOAD_FILTER_OVERDUE);
  g_assert_cmpint (cf_caseload_get_filter (fixture->caseload), ==, CF_CASELOAD_FILTER_OVERDUE);

  /* ...and saved when changed. */
  gtk_drop_down_set_selected (drop_down, CF_CASELOAD_FILTER_CLOSED);
  assert_setting (settings, "closed");

  /* A new view (the next start) opens with it, and gives it to the caseload it is given. */
  view = cf_caseload_view_new ();
  g_object_ref_sink (view);
  cf_caseload_view_set_settings (view, settings);
  other = cf_caseload_new (fixture->store, fixture->calendar, 3);
  cf_caseload_view_set_caseload (view, other);
  g_assert_cmpint (cf_caseload_get_filter (other), ==, CF_CASELOAD_FILTER_CLOSED);
  cf_caseload_view_set_settings (view, NULL);
  g_object_unref (view);

  cf_caseload_view_set_settings (fixture->view, NULL);
  gtk_drop_down_set_selected (drop_down, CF_CASELOAD_FILTER_WAITING);
  assert_setting (settings, "closed");
}

static void
assert_status_page (Fixture    *fixture,
                    const char *title)
{
  g_autoptr(GPtrArray) pages = find_all (fixture->view, ADW_TYPE_STATUS_PAGE);
  g_autoptr(GPtrArray) rows = find_rows (fixture);
  AdwStatusPage *page;

  g_assert_cmpuint (pages->len, ==, 1);
  page = g_ptr_array_index (pages, 0);

  g_assert_cmpstr (adw_status_page_get_title (page), ==, title);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (list_view (fixture))));
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CfCaseload) empty = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) pages = find_all (fixture->view, ADW_TYPE_STATUS_PAGE);

  g_assert_cmpuint (pages->len, ==, 0);

  type_search (fixture, "qqzzxx");
  assert_status_page (fixture, "No Carers Found");
  g_assert_cmpstr (subtitle (fixture), ==, "0 carers");

  type_search (fixture, "thistledown");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list_view (fixture))));
  g_assert_nonnull (find_row_for (fixture, fixture->red));

  gtk_drop_down_set_selected (filter_drop_down (fixture), CF_CASELOAD_FILTER_CLOSED);
  spin (100);
  assert_status_page (fixture, "No Carers Found");
  gtk_drop_down_set_selected (filter_drop_down (fixture), CF_CASELOAD_FILTER_ALL);
  spin (100);
  g_assert_nonnull (find_row_for (fixture, fixture->red));
  type_search (fixture, "");

  /* A caseload with nobody in it yet says how to start one. */
  empty = cf_caseload_new (fixture->store, fixture->calendar, 3);
  cf_caseload_view_set_caseload (fixture->view, empty);
  spin (100);
  assert_status_page (fixture, "No Carers Yet");
  g_assert_cmpstr (subtitle (fixture), ==, "0 carers");

  /* And it follows the caseload as it fills. */
  g_assert_true (cf_caseload_reload (empty, NULL));
  spin (100);
  rows = find_rows (fixture);
  g_assert_cmpuint (rows->len, >, 0);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (list_view (fixture))));
  {
    g_autofree char *all_text = dup_count_text (N_DEMO + N_OWN);

    g_assert_cmpstr (subtitle (fixture), ==, all_text);
  }
}

static void
on_carer_activated (CfCaseloadView *view,
                    const char     *id,
                    char          **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static void
test_activate_emits_id (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *activated = NULL;
  GtkListView *list = list_view (fixture);

  g_signal_connect (fixture->view, "carer-activated", G_CALLBACK (on_carer_activated),
                    &activated);

  for (guint position = 0; position < 3; position++)
    {
      g_autoptr(CfCaseloadItem) item = g_list_model_get_item (G_LIST_MODEL (fixture->caseload),
                                                              position);

      g_signal_emit_by_name (list, "activate", position);
      g_assert_cmpstr (activated, ==, cf_caseload_item_get_id (item));
    }

  type_search (fixture, "quenby");
  g_signal_emit_by_name (list, "activate", 0);
  g_assert_cmpstr (activated, ==, cf_record_get_id (CF_RECORD (fixture->amber)));
}

static void
test_accessible_labels (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = find_all (fixture->view, GTK_TYPE_BUTTON);
  const char *reference = cf_record_get_text (CF_RECORD (fixture->red), "reference");
  g_autofree char *expected = NULL;
  g_autofree char *updated = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *new_referral = NULL;
  CfCaseloadRow *row;
  CfCaseloadItem *item;

  gtk_test_accessible_assert_property (search_entry (fixture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Search caseload");
  /* Named by its visible, mnemonic "Show" label, so a screen reader does not hear it twice. */
  gtk_test_accessible_assert_relation (filter_drop_down (fixture),
                                       GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                       find_label (fixture->view, "Show"), NULL);
  gtk_test_accessible_assert_property (list_view (fixture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Carers");
  gtk_test_accessible_assert_property (find_one (fixture->view, GTK_TYPE_MENU_BUTTON),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Main Menu");

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)),
                     "win.new-referral") == 0)
        new_referral = button;
    }
  g_assert_nonnull (new_referral);
  gtk_test_accessible_assert_property (new_referral, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "New referral");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (new_referral), ==, "New Referral (Ctrl+N)");

  /* A row is one sentence, with the priority as a word, and what is not yet synced (these
   * carers were made here and never sent). */
  type_search (fixture, "thistledown");
  row = find_row_for (fixture, fixture->red);
  g_assert_nonnull (row);
  item = cf_caseload_row_get_item (row);
  expected = g_strdup_printf ("Margaret Thistledown, Marshby Wolds, %s, priority Red, %s, "
                              "Changes waiting to be sent",
                              reference, cf_caseload_item_get_due_text (item));
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, expected);
  g_assert_nonnull (strstr (expected, "First contact overdue since Thu 12 Nov"));

  /* And it follows the carer. */
  cf_record_set_text (CF_RECORD (fixture->red), "priority", "green");
  cf_record_set_text (CF_RECORD (fixture->red), "locality", "");
  g_assert_true (cf_store_save_carer (fixture->store, fixture->red, &error));
  g_assert_no_error (error);
  spin (50);
  updated = g_strdup_printf ("Margaret Thistledown, %s, priority Green, %s, "
                             "Changes waiting to be sent",
                             reference, cf_caseload_item_get_due_text (item));
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, updated);
  g_assert_nonnull (find_label (row, reference));
}

static void
test_locked (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *shown = G_LIST_MODEL (gtk_list_view_get_model (list_view (fixture)));
  g_autoptr(GPtrArray) rows = NULL;
  CfCaseload *caseload = fixture->caseload;

  type_search (fixture, "thistle");
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);

  cf_caseload_view_set_caseload (fixture->view, NULL);
  spin (100);
  g_assert_null (cf_caseload_view_get_caseload (fixture->view));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  rows = find_rows (fixture);
  g_assert_cmpuint (rows->len, ==, 0);
  /* Nothing typed about a carer stays behind the lock screen. */
  g_assert_cmpstr (gtk_editable_get_text (search_entry (fixture)), ==, "");
  g_assert_cmpstr (subtitle (fixture), ==, "");

  /* The view holds no reference: the caseload goes when its owner lets go. */
  g_object_add_weak_pointer (G_OBJECT (caseload), (gpointer *) &caseload);
  g_clear_object (&fixture->caseload);
  g_assert_null (caseload);
}

int
main (int   argc,
      char *argv[])
{
  /* Icons are SVG, found by their MIME type: keep the system's MIME database (see
   * g_content_type_set_mime_dirs()) while everything else is isolated. */
  g_content_type_set_mime_dirs (NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  gtk_init ();
  adw_init ();
  cf_gui_register_resources ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/caseload/rows-show-priority-word", test_rows_show_priority_word);
  ADD ("/gui/caseload/overdue", test_overdue);
  ADD ("/gui/caseload/search-as-you-type", test_search_as_you_type);
  ADD ("/gui/caseload/stays-lazy", test_stays_lazy);
  ADD ("/gui/caseload/filter", test_filter);
  ADD ("/gui/caseload/filter-saved", test_filter_saved);
  ADD ("/gui/caseload/empty-state", test_empty_state);
  ADD ("/gui/caseload/activate-emits-id", test_activate_emits_id);
  ADD ("/gui/caseload/accessible-labels", test_accessible_labels);
  ADD ("/gui/caseload/locked", test_locked);

#undef ADD

  return g_test_run ();
}
