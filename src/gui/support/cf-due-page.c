/* cf-due-page.c: reviews and checks due soon or overdue, across the caseload
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Support plan and personal budget", "Reminders": list reviews due within 30 days
 * and overdue. The list is worked out in a thread (cf_due_list() reads the whole caseload), so
 * the window never waits for it. Each row opens the carer (win.open-carer).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-due-page.h"
#include "cf-gui-util.h"
#include "cf-reviews.h"

struct _CfDuePage
{
  AdwBin               parent_instance;

  CfContext           *context;
  GCancellable        *cancellable;
  AdwPreferencesGroup *group;
  GtkLabel            *status_label;
  GtkWidget           *remind_button;
  GPtrArray           *rows;
  guint                n_items;
};

G_DEFINE_FINAL_TYPE (CfDuePage, cf_due_page, ADW_TYPE_BIN)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_rows (CfDuePage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
set_status (CfDuePage  *self,
            const char *message)
{
  gtk_label_set_label (self->status_label, message);
}

static void
due_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *items = cf_due_list (task_data, NULL, &error);

  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static GtkWidget *
make_row (CfDueItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%s · %s", item->carer_name, item->reference);
  GtkWidget *icon;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* The title says "overdue" or "due" in words (cf_due_describe()); the icon repeats it. */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->title);
  if (item->state == CF_DUE_STATE_OVERDUE)
    {
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      gtk_widget_add_css_class (icon, "error");
    }
  else
    {
      icon = gtk_image_new_from_icon_name ("alarm-symbolic");
      gtk_widget_add_css_class (icon, "warning");
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-carer");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", item->carer_id);

  return row;
}

static void
due_loaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CfDuePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *status = NULL;
  guint n_overdue = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  clear_rows (self);

  if (items == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The list can’t be shown: %s"), error->message);

      set_status (self, message);
      g_signal_emit (self, signals[LOADED], 0);
      return;
    }

  /* A long list is shown in full: a coordinator works down it. GtkListBox copes with the few
   * hundred a caseload of 20,000 has due in any month. */
  for (guint i = 0; i < items->len; i++)
    {
      CfDueItem *item = g_ptr_array_index (items, i);
      GtkWidget *row = make_row (item);

      if (item->state == CF_DUE_STATE_OVERDUE)
        n_overdue++;
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }

  self->n_items = items->len;
  if (items->len == 0)
    status = g_strdup (_("Nothing is due within 30 days and nothing is overdue."));
  else
    /* Translators: %1$u things due in all, %2$u of them overdue */
    status = g_strdup_printf (_("%1$u due within 30 days or overdue, %2$u of them overdue."),
                              items->len, n_overdue);
  set_status (self, status);
  g_signal_emit (self, signals[LOADED], 0);
}

void
cf_due_page_reload (CfDuePage *self)
{
  CfStore *store;
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CF_IS_DUE_PAGE (self));

  store = cf_context_get_store (self->context);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (store == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  set_status (self, _("Working out what is due…"));
  task = g_task_new (NULL, self->cancellable, due_loaded_cb, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  g_task_run_in_thread (task, due_thread);
}

guint
cf_due_page_get_n_items (CfDuePage *self)
{
  g_return_val_if_fail (CF_IS_DUE_PAGE (self), 0);

  return self->n_items;
}

static void
on_remind_clicked (CfDuePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = cf_due_queue_reminders (cf_context_get_store (self->context), NULL, &error);

  if (n == G_MAXUINT)
    message = g_strdup_printf (_("Text reminders could not be queued: %s"), error->message);
  else if (n == 0)
    message = g_strdup (_("No new text reminders: carers who agreed to texts already have "
                          "theirs queued."));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u text reminder queued, for carers who agreed "
                                            "to texts.",
                                            "%u text reminders queued, for carers who agreed "
                                            "to texts.", n), n);
  set_status (self, message);
}

CfDuePage *
cf_due_page_new (CfContext *context)
{
  CfDuePage *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  self = g_object_new (CF_TYPE_DUE_PAGE, NULL);
  self->context = g_object_ref (context);

  return self;
}

static void
cf_due_page_dispose (GObject *object)
{
  CfDuePage *self = CF_DUE_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->context);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_due_page_parent_class)->dispose (object);
}

static void
cf_due_page_class_init (CfDuePageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_due_page_dispose;

  /**
   * CfDuePage::loaded:
   *
   * The list has been worked out (or failed to be, with the reason shown).
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cf_due_page_init (CfDuePage *self)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *top = adw_preferences_group_new ();

  self->rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (top), _("Due Soon and Overdue"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (top),
                                         _("Reviews and checks due within 30 days, and those "
                                           "overdue, for every open carer. Soonest first."));
  self->remind_button = gtk_button_new_with_mnemonic (_("Queue _Text Reminders"));
  gtk_widget_set_valign (self->remind_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->remind_button,
                               _("Only for carers who agreed to text messages"));
  g_signal_connect_swapped (self->remind_button, "clicked", G_CALLBACK (on_remind_clicked), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (top), self->remind_button);

  /* A status, so a screen reader hears how many are due once the list is ready. */
  self->status_label = g_object_new (GTK_TYPE_LABEL,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_STATUS,
                                     "xalign", 0.0f,
                                     "wrap", TRUE,
                                     NULL);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (top), GTK_WIDGET (self->status_label));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (top));

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->group);
  /* No title of its own: the heading above says what the rows are. */
  cf_preferences_group_name_list (self->group, _("Due soon and overdue"));

  adw_bin_set_child (ADW_BIN (self), page);
}
