/* test-gui-conflicts.c: a carer's side of sync in the window: marks in the caseload, the two
 * filters, the notice on the carer's page, the conflicts dialog, and giving a carer to a worker
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real CfApplication runs, as in test-gui-window.c. The profile is made before it starts,
 * with conflicts put in the store the way a sync puts them there: a push whose results the
 * client applies (cf_sync_local_apply_results()), with the server's answer written here. The
 * tests run in order, as one afternoon: see the marks, open the carer, resolve, move a carer.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cf-application.h"
#include "cf-carer-editor.h"
#include "cf-carer-sync-notice.h"
#include "cf-caseload-row.h"
#include "cf-caseload-view.h"
#include "cf-conflict-group.h"
#include "cf-conflicts-dialog.h"
#include "cf-profile.h"
#include "cf-sync-local.h"
#include "cf-test-gui.h"
#include "cf-test-util.h"
#include "cf-unlock-page.h"
#include "cf-window-private.h"
#include "cf-worker-group.h"

#define PASSPHRASE "conflicts test passphrase"

static CfApplication *app;
static char *hester_id;
static char *godfrey_id;
static char *ivy_id;
static guint n_resolved;

/* The first label under @root reading exactly @text. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return GTK_LABEL (child);
      if ((found = find_label (child, text)) != NULL)
        return found;
    }

  return NULL;
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect (child, type, found);
    }
}

static GPtrArray *
find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (root, type, found);
  return found;
}

static CfWindow *
window (void)
{
  return CF_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static CfStore *
store (void)
{
  return cf_context_get_store (cf_application_get_context (app));
}

static gboolean
is_unlocked (gpointer data)
{
  return !cf_window_is_locked (window ());
}

static CfCaseloadRow *
row_for (const char *id)
{
  g_autoptr(GPtrArray) rows = find_all (GTK_WIDGET (window ()), CF_TYPE_CASELOAD_ROW);

  for (guint i = 0; i < rows->len; i++)
    {
      CfCaseloadItem *item = cf_caseload_row_get_item (g_ptr_array_index (rows, i));

      if (item != NULL && g_strcmp0 (cf_caseload_item_get_id (item), id) == 0)
        return g_ptr_array_index (rows, i);
    }

  return NULL;
}

/* The sync mark's icon in a row: the first image that says something. */
static GtkWidget *
mark_icon (CfCaseloadRow *row)
{
  g_autoptr(GPtrArray) images = find_all (GTK_WIDGET (row), GTK_TYPE_IMAGE);

  for (guint i = 0; i < images->len; i++)
    {
      GtkWidget *image = g_ptr_array_index (images, i);

      if (gtk_widget_get_tooltip_text (image) != NULL)
        return image;
    }

  return NULL;
}

static CfCaseloadView *
caseload_view (void)
{
  return CF_CASELOAD_VIEW (cf_test_find_type (GTK_WIDGET (window ()), CF_TYPE_CASELOAD_VIEW));
}

static void
open_carer (const char *id)
{
  g_signal_emit_by_name (caseload_view (), "carer-activated", id);
  cf_test_spin (100);
}

static CfCarerEditor *
editor (void)
{
  return CF_CARER_EDITOR (cf_test_find_type (GTK_WIDGET (window ()), CF_TYPE_CARER_EDITOR));
}

/* As Space or Enter would: GTK shows the button pressed, then clicks it. */
static void
press (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_activate (button));
  cf_test_spin (400);
}

static CfConflictsDialog *
shown_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i - 1);

      if (CF_IS_CONFLICTS_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return CF_CONFLICTS_DIALOG (toplevel);
    }

  return NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return shown_dialog () == NULL;
}

static void
close_dialog (void)
{
  gtk_window_close (GTK_WINDOW (shown_dialog ()));
  cf_test_spin_until (dialog_gone, NULL, 5000);
}

static void
on_resolved (CfConflictsDialog *dialog,
             gpointer           user_data)
{
  n_resolved++;
}

static CfConflictsDialog *
open_dialog (void)
{
  CfConflictsDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window ()), "win.show-conflicts",
                                             NULL));
  cf_test_spin (100);
  dialog = shown_dialog ();
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "resolved", G_CALLBACK (on_resolved), NULL);

  return dialog;
}

static CfConflictGroup *
group_for (CfConflictsDialog *dialog,
           const char        *field)
{
  g_autoptr(GPtrArray) groups = find_all (GTK_WIDGET (dialog), CF_TYPE_CONFLICT_GROUP);

  for (guint i = 0; i < groups->len; i++)
    {
      CfConflictGroup *group = g_ptr_array_index (groups, i);

      if (g_str_equal (cf_conflict_group_get_conflict (group)->field, field))
        return group;
    }

  return NULL;
}

/* The check button of the choice titled @title, in a conflict group. */
static GtkCheckButton *
choice (CfConflictGroup *group,
        const char      *title)
{
  GtkWidget *row = cf_test_find_row (GTK_WIDGET (group), title);

  g_assert_nonnull (row);
  return GTK_CHECK_BUTTON (cf_test_find_type (row, GTK_TYPE_CHECK_BUTTON));
}

static GtkWidget *
resolve_button (CfConflictGroup *group)
{
  GtkWidget *button = cf_test_find_button (GTK_WIDGET (group), "_Resolve");

  g_assert_nonnull (button);
  return button;
}

static void
assert_value (CfConflictGroup *group,
              const char      *caption,
              const char      *words)
{
  g_autofree char *spoken = g_strdup_printf ("%s: %s", caption, words);
  GtkLabel *heading = find_label (GTK_WIDGET (group), caption);
  GtkWidget *label;

  /* The value sits under its caption. */
  g_assert_nonnull (heading);
  label = gtk_widget_get_next_sibling (GTK_WIDGET (heading));
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, words);
  gtk_test_accessible_assert_property (label, GTK_ACCESSIBLE_PROPERTY_LABEL, spoken);
}

static const char *
sync_mark_of (const char *id)
{
  CfCaseloadRow *row = row_for (id);

  g_assert_nonnull (row);
  return cf_caseload_item_get_sync_mark (cf_caseload_row_get_item (row));
}

static void
unlock (void)
{
  GtkWidget *page = cf_test_find_type (GTK_WIDGET (window ()), CF_TYPE_UNLOCK_PAGE);
  GtkWidget *entry = cf_test_find_type (page, ADW_TYPE_PASSWORD_ENTRY_ROW);

  gtk_editable_set_text (GTK_EDITABLE (entry), PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (page, "unlock-page.unlock", NULL));
  cf_test_spin_until (is_unlocked, NULL, 20000);
  cf_test_spin (300);
}

static void
select_filter (CfCaseloadFilter filter)
{
  GtkDropDown *drop_down = GTK_DROP_DOWN (cf_test_find_type (GTK_WIDGET (caseload_view ()),
                                                             GTK_TYPE_DROP_DOWN));

  gtk_drop_down_set_selected (drop_down, filter);
  cf_test_spin (100);
}

/* The caseload marks each carer with what of theirs is not in step, in a shape and in words;
 * the two sync filters pick them out. */
static void
test_caseload_marks (void)
{
  GtkDropDown *drop_down;
  GListModel *strings;
  CfCaseload *caseload;
  GtkWidget *icon;

  unlock ();

  /* Hester's record and the person she cares for clash with the server. */
  g_assert_cmpstr (sync_mark_of (hester_id), ==, CF_SYNC_MARK_CONFLICT);
  icon = mark_icon (row_for (hester_id));
  g_assert_nonnull (icon);
  g_assert_true (gtk_widget_get_visible (icon));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (icon), ==, "Conflicting changes to resolve");
  gtk_test_accessible_assert_property (icon, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Conflicting changes to resolve");
  g_assert_nonnull (strstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), "symbolic"));

  /* The server refused a change to Ivy's. */
  g_assert_cmpstr (sync_mark_of (ivy_id), ==, CF_SYNC_MARK_REFUSED);
  icon = mark_icon (row_for (ivy_id));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (icon), ==, "The server refused a change");

  /* The filter offers both, in words. */
  drop_down = GTK_DROP_DOWN (cf_test_find_type (GTK_WIDGET (caseload_view ()),
                                                GTK_TYPE_DROP_DOWN));
  strings = gtk_drop_down_get_model (drop_down);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (strings),
                                               CF_CASELOAD_FILTER_UNSYNCED), ==,
                   "Not yet synced");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (strings),
                                               CF_CASELOAD_FILTER_CONFLICTS), ==, "Conflicts");

  caseload = cf_caseload_view_get_caseload (caseload_view ());
  select_filter (CF_CASELOAD_FILTER_CONFLICTS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (caseload)), ==, 1);
  g_assert_nonnull (row_for (hester_id));
  select_filter (CF_CASELOAD_FILTER_UNSYNCED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (caseload)), ==, 1);
  g_assert_nonnull (row_for (ivy_id));
  select_filter (CF_CASELOAD_FILTER_ALL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (caseload)), ==, 2);
}

/* The carer's page says what clashes and what was refused, and leads to the dialog. */
static void
test_carer_notice (void)
{
  CfCarerSyncNotice *notice;
  GtkWidget *button;

  open_carer (hester_id);
  notice = CF_CARER_SYNC_NOTICE (cf_test_find_type (GTK_WIDGET (editor ()),
                                                    CF_TYPE_CARER_SYNC_NOTICE));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (notice)));
  g_assert_cmpuint (cf_carer_sync_notice_get_conflicts (notice), ==, 4);
  g_assert_true (cf_test_holds_text (GTK_WIDGET (notice), "4 changes to this carer’s records conflict"));

  /* Its button is named for what it does, and opens the dialog over the window. */
  button = cf_test_find_button (GTK_WIDGET (notice), "_Resolve…");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Resolve conflicting changes");
  press (button);
  g_assert_nonnull (shown_dialog ());
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (shown_dialog ())) ==
                 GTK_WINDOW (window ()));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (shown_dialog ())));
  close_dialog ();

  /* Ivy's page gives the server's reason, with nothing to resolve. */
  open_carer (ivy_id);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (notice)));
  g_assert_cmpuint (cf_carer_sync_notice_get_conflicts (notice), ==, 0);
  g_assert_cmpuint (cf_carer_sync_notice_get_refused (notice), ==, 1);
  g_assert_true (cf_test_holds_text (GTK_WIDGET (notice),
                             "The server refused a change to Carer’s details: This carer is not "
                             "on your caseload."));
  g_assert_false (gtk_widget_get_visible (button));

  /* Once the reason is dealt with, the change goes back in the queue, with its op_id. */
  {
    GtkWidget *retry = cf_test_find_button (GTK_WIDGET (notice), "Try _Again");
    g_autofree char *ivy_pending = g_strdup_printf ("record_id = '%s' AND state = 'pending'",
                                                    ivy_id);

    g_assert_nonnull (retry);
    g_assert_true (gtk_widget_get_visible (retry));
    gtk_test_accessible_assert_property (retry, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Send the refused changes again");
    press (retry);
    g_assert_cmpint (cf_test_count (store (), "outbox", "state = 'error'"), ==, 0);
    g_assert_cmpint (cf_test_count (store (), "outbox", ivy_pending), ==, 1);
    g_assert_cmpuint (cf_carer_sync_notice_get_refused (notice), ==, 0);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (notice)));
  }
}

/* Every value in words: text as it is, booleans as Yes and No, a deletion explained. */
static void
test_dialog_shows_values (void)
{
  CfConflictsDialog *dialog;
  CfConflictGroup *phone, *rural, *deleted;
  GtkWidget *merged_switch;

  open_carer (hester_id);
  dialog = open_dialog ();
  g_assert_cmpuint (cf_conflicts_dialog_get_n_open (dialog), ==, 4);

  /* Grouped under the carer, by name and reference. */
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Hester Goldcrest"));
  g_assert_true (cf_test_holds_text (GTK_WIDGET (dialog), "CF-"));

  phone = group_for (dialog, "phone");
  g_assert_nonnull (phone);
  g_assert_nonnull (find_label (GTK_WIDGET (phone), "Phone"));
  g_assert_nonnull (find_label (GTK_WIDGET (phone), "Carer’s details"));
  gtk_test_accessible_assert_property (phone, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Phone, Carer’s details");
  assert_value (phone, "Before either change", "01632 960555");
  assert_value (phone, "On the server", "01632 960111");
  assert_value (phone, "Yours", "01632 960222");

  /* The server no longer knew the value before: said so, not left blank. */
  rural = group_for (dialog, "rural_isolated");
  g_assert_nonnull (find_label (GTK_WIDGET (rural), "Rural or Isolated"));
  assert_value (rural, "Before either change", "Not known");
  assert_value (rural, "On the server", "Yes");
  assert_value (rural, "Yours", "No");
  /* A switch, not a text field, for a merged yes or no. */
  merged_switch = cf_test_find_type (GTK_WIDGET (rural), GTK_TYPE_SWITCH);
  g_assert_true (gtk_widget_is_visible (merged_switch));
  gtk_test_accessible_assert_property (merged_switch, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Merged Value");
  g_assert_false (gtk_widget_is_visible (cf_test_find_type (GTK_WIDGET (rural),
                                                            ADW_TYPE_ENTRY_ROW)));

  deleted = group_for (dialog, "deleted");
  g_assert_nonnull (find_label (GTK_WIDGET (deleted), "Person cared for: Godfrey"));
  g_assert_true (cf_test_holds_text (GTK_WIDGET (deleted),
                             "Someone deleted this record while you were changing it"));
  assert_value (deleted, "On the server", "Deleted");
  assert_value (deleted, "Yours", "Not deleted");
  /* Deleted or not: there is nothing in between. */
  g_assert_false (gtk_widget_get_visible (cf_test_find_row (GTK_WIDGET (deleted),
                                                            "Write a Merged Value")));

  /* Nothing is chosen for the person: Resolve waits for a choice. */
  g_assert_false (gtk_widget_get_sensitive (resolve_button (phone)));
  gtk_test_accessible_assert_property (choice (phone, "Keep the Server’s"),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Keep the Server’s");
  gtk_test_accessible_assert_relation (resolve_button (phone),
                                       GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                       find_label (GTK_WIDGET (phone), "Phone"), NULL);

  /* Closing resolves nothing. */
  close_dialog ();
  g_assert_cmpint (cf_test_count (store (), "sync_conflict", "resolved_at = ''"), ==, 4);
}

/* A merged number that is not a number is refused in words beside it, and nothing changes. */
static void
test_merged_number_checked (void)
{
  CfConflictsDialog *dialog = open_dialog ();
  CfConflictGroup *position = group_for (dialog, "position");
  GtkWidget *entry = cf_test_find_row (GTK_WIDGET (position), "Merged Value");

  g_assert_nonnull (find_label (GTK_WIDGET (position), "Order in the List"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "two");
  g_assert_true (gtk_check_button_get_active (choice (position, "Write a Merged Value")));
  g_assert_true (gtk_widget_get_sensitive (resolve_button (position)));
  press (resolve_button (position));

  g_assert_true (cf_test_holds_text (GTK_WIDGET (position), "Type a whole number, such as 3."));
  gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_cmpuint (cf_conflicts_dialog_get_n_open (dialog), ==, 4);
  g_assert_cmpint (cf_test_count (store (), "sync_conflict", "resolved_at = ''"), ==, 4);

  /* A number goes through. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "4");
  gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_FALSE);
  press (resolve_button (position));
  g_assert_null (group_for (dialog, "position"));
  g_assert_cmpuint (cf_conflicts_dialog_get_n_open (dialog), ==, 3);
  g_assert_cmpint (cf_test_count (store (), "cared_for", "position = 4"), ==, 1);
  close_dialog ();
}

/* Resolving: the record holds the choice, the outbox takes it to the server, the conflict is
 * resolved and the caseload's mark goes; the carer's page shows the new value. */
static void
test_resolve (void)
{
  CfConflictsDialog *dialog;
  CfConflictGroup *group;
  GtkWidget *entry;
  g_autofree char *where = NULL;
  CfCarerSyncNotice *notice;
  guint resolved_before = n_resolved;

  open_carer (hester_id);
  g_assert_true (cf_test_holds_text (GTK_WIDGET (editor ()), "01632 960222"));
  dialog = open_dialog ();

  /* A merged phone number, typed over the one prefilled from this laptop. */
  group = group_for (dialog, "phone");
  entry = cf_test_find_row (GTK_WIDGET (group), "Merged Value");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "01632 960222");
  gtk_check_button_set_active (choice (group, "Write a Merged Value"), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), "01632 960333 (evenings)");
  press (resolve_button (group));

  g_assert_null (group_for (dialog, "phone"));
  g_assert_cmpuint (cf_conflicts_dialog_get_n_open (dialog), ==, 2);
  g_assert_cmpuint (n_resolved, ==, resolved_before + 1);
  g_assert_true (cf_test_holds_text (GTK_WIDGET (dialog), "Resolved. 2 conflicts left."));
  where = g_strdup_printf ("id = '%s' AND phone = '01632 960333 (evenings)'", hester_id);
  g_assert_cmpint (cf_test_count (store (), "carer", where), ==, 1);
  g_clear_pointer (&where, g_free);
  where = g_strdup_printf ("record_id = '%s' AND state = 'pending' AND fields LIKE "
                           "'%%\"phone\":\"01632 960333 (evenings)\"%%'", hester_id);
  g_assert_cmpint (cf_test_count (store (), "outbox", where), ==, 1);
  g_assert_cmpint (cf_test_count (store (), "sync_conflict",
                                  "field = 'phone' AND resolved_at != ''"), ==, 1);
  /* The keyboard goes on to the next clash, at its first choice. */
  g_assert_true (gtk_widget_is_focus (cf_test_find_row (GTK_WIDGET (group_for (dialog,
                                                                               "rural_isolated")),
                                                        "Keep the Server’s")));

  /* The server's yes for rural or isolated. */
  group = group_for (dialog, "rural_isolated");
  gtk_check_button_set_active (choice (group, "Keep the Server’s"), TRUE);
  press (resolve_button (group));
  g_clear_pointer (&where, g_free);
  where = g_strdup_printf ("id = '%s' AND rural_isolated = 1", hester_id);
  g_assert_cmpint (cf_test_count (store (), "carer", where), ==, 1);

  /* Godfrey stays: this laptop's "not deleted" goes up. */
  group = group_for (dialog, "deleted");
  gtk_check_button_set_active (choice (group, "Keep Yours"), TRUE);
  press (resolve_button (group));
  g_clear_pointer (&where, g_free);
  where = g_strdup_printf ("id = '%s' AND deleted = 0", godfrey_id);
  g_assert_cmpint (cf_test_count (store (), "cared_for", where), ==, 1);
  g_clear_pointer (&where, g_free);
  where = g_strdup_printf ("record_id = '%s' AND fields LIKE '%%\"deleted\":false%%'",
                           godfrey_id);
  g_assert_cmpint (cf_test_count (store (), "outbox", where), ==, 1);

  /* Nothing left: said in words. */
  g_assert_cmpuint (cf_conflicts_dialog_get_n_open (dialog), ==, 0);
  g_assert_true (cf_test_holds_text (GTK_WIDGET (dialog), "Nothing to Resolve"));
  g_assert_cmpint (cf_test_count (store (), "sync_conflict", "resolved_at = ''"), ==, 0);
  close_dialog ();

  /* The caseload: no clash now, only changes waiting to be sent. */
  g_assert_cmpstr (sync_mark_of (hester_id), ==, CF_SYNC_MARK_WAITING);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (mark_icon (row_for (hester_id))), ==,
                   "Changes waiting to be sent");
  select_filter (CF_CASELOAD_FILTER_CONFLICTS);
  g_assert_cmpuint (g_list_model_get_n_items (
                      G_LIST_MODEL (cf_caseload_view_get_caseload (caseload_view ()))), ==, 0);
  select_filter (CF_CASELOAD_FILTER_ALL);

  /* The carer's page shows what is stored now, and no notice. */
  g_assert_true (cf_test_holds_text (GTK_WIDGET (editor ()), "01632 960333 (evenings)"));
  notice = CF_CARER_SYNC_NOTICE (cf_test_find_type (GTK_WIDGET (editor ()),
                                                    CF_TYPE_CARER_SYNC_NOTICE));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (notice)));
}

/* A worker reads whose caseload the carer is on; a coordinator gives the carer to a worker,
 * and the change is saved for the next sync like any other. */
static void
test_worker_row (void)
{
  CfWorkerGroup *group;
  GtkWidget *entry;
  GtkWidget *row;
  g_autofree char *where = NULL;
  GtkLabel *worker_line;

  open_carer (hester_id);
  group = CF_WORKER_GROUP (cf_test_find_type (GTK_WIDGET (editor ()), CF_TYPE_WORKER_GROUP));
  g_assert_false (cf_worker_group_is_editable (group));
  entry = cf_test_find_type (GTK_WIDGET (group), ADW_TYPE_ENTRY_ROW);
  row = cf_test_find_type (GTK_WIDGET (group), ADW_TYPE_ACTION_ROW);
  g_assert_false (gtk_widget_get_visible (entry));
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Worker");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Your caseload");

  /* Ivy is on someone else's. */
  open_carer (ivy_id);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "sam");
  g_assert_null (find_label (GTK_WIDGET (row_for (ivy_id)), "Worker: sam"));

  /* A coordinator can change it; and sees it in the caseload. */
  g_assert_true (cf_store_set_role (store (), CF_ROLE_COORDINATOR, NULL));
  cf_test_spin (50);
  g_assert_true (cf_worker_group_is_editable (group));
  g_assert_true (gtk_widget_get_visible (entry));
  g_assert_false (gtk_widget_get_visible (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry)), ==, "Worker");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "sam");
  worker_line = find_label (GTK_WIDGET (row_for (ivy_id)), "Worker: sam");
  g_assert_nonnull (worker_line);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (worker_line)));

  /* Emptied, the carer is on no one's caseload; spaces alone are no one's name either, but
   * they are said to be wrong beside the field, and not kept. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  /* Typing alone gives the carer to no one: a half-typed name must not move them. */
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (cf_carer_editor_get_carer (editor ())),
                                       "worker"), ==, "sam");
  g_signal_emit_by_name (entry, "apply");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (cf_carer_editor_get_carer (editor ())),
                                       "worker"), ==, "");
  g_assert_false (cf_test_holds_text (GTK_WIDGET (group), "A user name cannot be only spaces."));
  {
    int position = 0;

    gtk_editable_insert_text (GTK_EDITABLE (entry), "   ", -1, &position);
  }
  g_assert_true (cf_test_holds_text (GTK_WIDGET (group), "A user name cannot be only spaces."));
  gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  g_signal_emit_by_name (entry, "apply");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (cf_carer_editor_get_carer (editor ())),
                                       "worker"), ==, "");

  /* A name, trimmed, saved through the outbox. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "  alex ");
  gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_FALSE);
  g_signal_emit_by_name (entry, "apply");
  g_assert_true (cf_carer_editor_flush (editor (), NULL));
  where = g_strdup_printf ("id = '%s' AND worker = 'alex'", ivy_id);
  g_assert_cmpint (cf_test_count (store (), "carer", where), ==, 1);
  g_clear_pointer (&where, g_free);
  where = g_strdup_printf ("record_id = '%s' AND state = 'pending' "
                           "AND fields LIKE '%%\"worker\":\"alex\"%%'", ivy_id);
  g_assert_cmpint (cf_test_count (store (), "outbox", where), ==, 1);
  cf_test_spin (50);
  g_assert_nonnull (find_label (GTK_WIDGET (row_for (ivy_id)), "Worker: alex"));

  /* Back to a worker's view: read only again. */
  g_assert_true (cf_store_set_role (store (), CF_ROLE_WORKER, NULL));
  cf_test_spin (50);
  g_assert_false (gtk_widget_get_visible (entry));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "alex");
  g_assert_null (find_label (GTK_WIDGET (row_for (ivy_id)), "Worker: alex"));
}

static int status;

static void
on_activate (GApplication *application)
{
  status = g_test_run ();
  g_application_quit (application);
}

/* Applies the server's answer to the next push, written here as a sync would receive it:
 * "@1@" and "@2@" in @answer stand for the op_ids of the batch's first two operations. */
static void
apply_answer (CfStore    *profile,
              const char *answer)
{
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(JsonNode) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (answer);

  batch = cf_sync_local_next_batch (profile, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batch->len, >=, 1);
  for (guint i = 0; i < MIN (batch->len, 2); i++)
    {
      g_autofree char *mark = g_strdup_printf ("@%u@", i + 1);

      g_string_replace (text, mark, ((CfSyncOp *) g_ptr_array_index (batch, i))->op_id, 0);
    }

  response = json_from_string (text->str, &error);
  g_assert_no_error (error);
  g_assert_true (cf_sync_local_apply_results (profile, batch, response, NULL, &error));
  g_assert_no_error (error);
}

/* A profile where the application looks for it: Hester, whose details and whose Godfrey
 * clash with the server's after a push, and Ivy, on Sam's caseload, whose change it refused. */
static void
make_profile (void)
{
  g_autofree char *dir = cf_profile_default_dir ();
  g_autoptr(CfStore) profile = NULL;
  g_autoptr(CfCarer) hester = NULL;
  g_autoptr(CfCarer) ivy = NULL;
  g_autoptr(CfCarer) loaded = NULL;
  g_autoptr(GError) error = NULL;
  CfCaredFor *godfrey;

  profile = cf_profile_create (dir, PASSPHRASE, "Conflicts Tester", NULL, &error);
  g_assert_no_error (error);

  hester = cf_test_save_carer (profile, "given_name", "Hester", "family_name", "Goldcrest",
                               "phone", "01632 960555", NULL);
  godfrey = cf_carer_add_cared_for (hester);
  cf_record_set_text (CF_RECORD (godfrey), "name", "Godfrey");
  g_assert_true (cf_store_save_carer (profile, hester, &error));
  ivy = cf_test_save_carer (profile, "given_name", "Ivy", "family_name", "Wren", "worker", "sam",
                            NULL);
  hester_id = g_strdup (cf_record_get_id (CF_RECORD (hester)));
  godfrey_id = g_strdup (cf_record_get_id (CF_RECORD (godfrey)));
  ivy_id = g_strdup (cf_record_get_id (CF_RECORD (ivy)));

  /* As if it had all gone up and come back at version 2. */
  g_assert_true (cf_store_exec (profile,
                                "DELETE FROM outbox;"
                                "UPDATE carer SET version = 2, sync_state = 'synced';"
                                "UPDATE cared_for SET version = 2, sync_state = 'synced';",
                                &error));

  /* Hester's phone and Godfrey's notes changed here; meanwhile, on the server, her phone and
   * "rural or isolated" changed, and Godfrey was deleted and moved. */
  loaded = cf_store_load_carer (profile, hester_id, &error);
  g_assert_no_error (error);
  cf_record_set_text (CF_RECORD (loaded), "phone", "01632 960222");
  godfrey = g_list_model_get_item (cf_carer_get_cared_for (loaded), 0);
  cf_record_set_text (CF_RECORD (godfrey), "notes", "Likes the radio on.");
  cf_record_set_int (CF_RECORD (godfrey), "position", 3);
  g_object_unref (godfrey);
  g_assert_true (cf_store_save_carer (profile, loaded, &error));
  apply_answer (profile,
                "{\"format\": 1, \"results\": ["
                "{\"op_id\": \"@1@\", \"result\": \"conflict\", \"version\": 5,"
                " \"conflicts\": [{\"field\": \"phone\", \"base\": \"01632 960555\","
                "   \"server\": \"01632 960111\", \"client\": \"01632 960222\"},"
                "  {\"field\": \"rural_isolated\", \"server\": true, \"client\": false}]},"
                "{\"op_id\": \"@2@\", \"result\": \"conflict\", \"version\": 4,"
                " \"conflicts\": [{\"field\": \"deleted\", \"base\": false, \"server\": true,"
                "   \"client\": false},"
                "  {\"field\": \"position\", \"base\": 0, \"server\": 2, \"client\": 3}]}]}");

  /* Ivy's phone, refused. */
  g_clear_object (&loaded);
  loaded = cf_store_load_carer (profile, ivy_id, &error);
  cf_record_set_text (CF_RECORD (loaded), "phone", "01632 960777");
  g_assert_true (cf_store_save_carer (profile, loaded, &error));
  apply_answer (profile,
                "{\"format\": 1, \"results\": [{\"op_id\": \"@1@\", \"result\": \"rejected\","
                " \"reason\": \"This carer is not on your caseload.\"}]}");

  g_assert_cmpint (cf_test_count (profile, "sync_conflict", "resolved_at = ''"), ==, 4);
  g_assert_cmpint (cf_test_count (profile, "outbox", "state = 'error'"), ==, 1);
  g_assert_true (cf_store_close (profile, &error));
}

int
main (int    argc,
      char **argv)
{
  char *app_argv[] = { (char *) "carefield", NULL };

  cf_test_gui_init (&argc, &argv);
  make_profile ();

  g_test_add_func ("/gui/conflicts/caseload-marks", test_caseload_marks);
  g_test_add_func ("/gui/conflicts/carer-notice", test_carer_notice);
  g_test_add_func ("/gui/conflicts/dialog-shows-values", test_dialog_shows_values);
  g_test_add_func ("/gui/conflicts/merged-number-checked", test_merged_number_checked);
  g_test_add_func ("/gui/conflicts/resolve", test_resolve);
  g_test_add_func ("/gui/conflicts/worker-row", test_worker_row);

  app = cf_application_new ();
  /* No session bus registration: the test owns this process's only instance. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), NULL);
  g_application_run (G_APPLICATION (app), 1, app_argv);
  g_clear_object (&app);
  g_free (hester_id);
  g_free (godfrey_id);
  g_free (ivy_id);

  return status;
}
