/* cf-carer-sync-notice.c: what of the open carer's clashes with the server, or was refused
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The caseload marks a carer with conflicts or refused changes; on the carer's own page this
 * says what they are, in words: how many changes clash (with the way to resolve them) and,
 * for each change the server refused, which record and the server's reason. libadwaita 1.2
 * has no AdwBanner, so it is a card at the top of the page. It looks again whenever something
 * is saved (resolving a conflict is a save) and when the window comes back to the front.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-carer-sync-notice.h"
#include "cf-sync-local.h"
#include "cf-sync-marks.h"

/* Refused changes listed one by one; any more are counted. */
#define MAX_REFUSED_SHOWN 3

struct _CfCarerSyncNotice
{
  GtkWidget  parent_instance;

  CfStore   *store;
  char      *carer_id;
  gulong     saved_handler;
  GtkWidget *root;
  gulong     active_handler;
  guint      conflicts;
  guint      refused;

  GtkImage  *icon;
  GtkLabel  *label;
  GtkWidget *resolve_button;
  GtkWidget *retry_button;
};

G_DEFINE_FINAL_TYPE (CfCarerSyncNotice, cf_carer_sync_notice, GTK_TYPE_WIDGET)

static guint
count_conflicts (CfCarerSyncNotice *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  conflicts = cf_sync_local_list_conflicts (self->store, NULL, &error);
  if (conflicts == NULL)
    {
      g_warning ("Could not read the sync conflicts: %s", error->message);
      return 0;
    }

  for (guint i = 0; i < conflicts->len; i++)
    {
      CfSyncConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *carer_id = cf_store_dup_carer_id (self->store, conflict->entity,
                                                         conflict->record_id, NULL);

      if (g_strcmp0 (carer_id, self->carer_id) == 0)
        n++;
    }

  return n;
}

static void
append_refused (CfCarerSyncNotice *self,
                GString           *text,
                GPtrArray         *refused)
{
  for (guint i = 0; i < refused->len && i < MAX_REFUSED_SHOWN; i++)
    {
      CfRefusedChange *change = g_ptr_array_index (refused, i);
      g_autofree char *record = cf_sync_marks_describe_record (self->store, change->entity,
                                                               change->record_id, NULL);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: %1$s is a record in words, e.g. “Person cared for: Godfrey”; %2$s is the
       * server's reason, e.g. “This carer is not on your caseload.” */
      g_string_append_printf (text, _("The server refused a change to %1$s: %2$s"),
                              record != NULL ? record : change->entity, change->reason);
    }

  if (refused->len > MAX_REFUSED_SHOWN)
    {
      guint more = refused->len - MAX_REFUSED_SHOWN;

      g_string_append_c (text, '\n');
      /* Translators: after a list of changes the server refused; %u is how many more */
      g_string_append_printf (text, ngettext ("It refused %u more change too.",
                                              "It refused %u more changes too.", more), more);
    }

  g_string_append_c (text, '\n');
  g_string_append (text, _("A refused change is kept on this laptop, so nothing is lost. Once "
                           "the reason is dealt with, press Try Again to send it at the next "
                           "sync. Ask a coordinator if the reason is not clear."));
}

/**
 * cf_carer_sync_notice_refresh:
 *
 * Looks again at the carer's conflicts and refused changes: after a sync, say.
 */
void
cf_carer_sync_notice_refresh (CfCarerSyncNotice *self)
{
  g_autoptr(GPtrArray) refused = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CF_IS_CARER_SYNC_NOTICE (self));

  self->conflicts = 0;
  self->refused = 0;

  if (self->store != NULL && self->carer_id != NULL)
    {
      self->conflicts = count_conflicts (self);
      refused = cf_sync_marks_list_refused (self->store, self->carer_id, &error);
      if (refused == NULL)
        g_warning ("Could not read the refused changes: %s", error->message);
      else
        self->refused = refused->len;
    }

  if (self->conflicts > 0)
    /* Translators: at the top of a carer's page; %u is how many changes conflict */
    g_string_append_printf (text, ngettext ("%u change to this carer’s records conflicts with a "
                                            "change made on the server. Choose which to keep.",
                                            "%u changes to this carer’s records conflict with "
                                            "changes made on the server. Choose which to keep.",
                                            self->conflicts),
                            self->conflicts);
  if (self->refused > 0)
    append_refused (self, text, refused);

  gtk_label_set_text (self->label, text->str);
  gtk_image_set_from_icon_name (self->icon, self->conflicts > 0
                                            ? "object-flip-horizontal-symbolic"
                                            : "action-unavailable-symbolic");
  gtk_widget_set_visible (self->resolve_button, self->conflicts > 0);
  gtk_widget_set_visible (self->retry_button, self->refused > 0);
  gtk_widget_set_visible (GTK_WIDGET (self), self->conflicts > 0 || self->refused > 0);
}

static void
on_retry_clicked (CfCarerSyncNotice *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->carer_id == NULL)
    return;

  if (cf_sync_marks_retry_refused (self->store, self->carer_id, &error) < 0)
    {
      gtk_label_set_text (self->label, error->message);
      return;
    }

  cf_carer_sync_notice_refresh (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.sync-now", NULL);
}

static void
on_record_saved (CfCarerSyncNotice *self)
{
  cf_carer_sync_notice_refresh (self);
}

static void
on_root_active (CfCarerSyncNotice *self,
                GParamSpec        *pspec,
                GtkWindow         *window)
{
  if (gtk_window_is_active (window))
    cf_carer_sync_notice_refresh (self);
}

static void
cf_carer_sync_notice_root (GtkWidget *widget)
{
  CfCarerSyncNotice *self = CF_CARER_SYNC_NOTICE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (cf_carer_sync_notice_parent_class)->root (widget);

  /* Back from the conflicts dialog, or from another application. */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->root = GTK_WIDGET (root);
      self->active_handler = g_signal_connect_swapped (root, "notify::is-active",
                                                       G_CALLBACK (on_root_active), self);
    }
}

static void
cf_carer_sync_notice_unroot (GtkWidget *widget)
{
  CfCarerSyncNotice *self = CF_CARER_SYNC_NOTICE (widget);

  if (self->root != NULL)
    g_clear_signal_handler (&self->active_handler, self->root);
  self->root = NULL;

  GTK_WIDGET_CLASS (cf_carer_sync_notice_parent_class)->unroot (widget);
}

static void
cf_carer_sync_notice_dispose (GObject *object)
{
  CfCarerSyncNotice *self = CF_CARER_SYNC_NOTICE (object);

  cf_carer_sync_notice_set_carer (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_CARER_SYNC_NOTICE);

  G_OBJECT_CLASS (cf_carer_sync_notice_parent_class)->dispose (object);
}

static void
cf_carer_sync_notice_class_init (CfCarerSyncNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_carer_sync_notice_dispose;
  widget_class->root = cf_carer_sync_notice_root;
  widget_class->unroot = cf_carer_sync_notice_unroot;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/carefield/Carefield/carer/"
                                               "cf-carer-sync-notice.ui");
  gtk_widget_class_bind_template_child (widget_class, CfCarerSyncNotice, icon);
  gtk_widget_class_bind_template_child (widget_class, CfCarerSyncNotice, label);
  gtk_widget_class_bind_template_child (widget_class, CfCarerSyncNotice, resolve_button);
  gtk_widget_class_bind_template_child (widget_class, CfCarerSyncNotice, retry_button);
  gtk_widget_class_bind_template_callback (widget_class, on_retry_clicked);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "carersyncnotice");
}

static void
cf_carer_sync_notice_init (CfCarerSyncNotice *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Not in step with the server"), -1);
}

/**
 * cf_carer_sync_notice_set_carer:
 * @store: (nullable): the store, or %NULL while locked
 * @carer_id: (nullable): the carer shown, or %NULL for none
 */
void
cf_carer_sync_notice_set_carer (CfCarerSyncNotice *self,
                                CfStore           *store,
                                const char        *carer_id)
{
  g_return_if_fail (CF_IS_CARER_SYNC_NOTICE (self));
  g_return_if_fail (store == NULL || CF_IS_STORE (store));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_clear_signal_handler (&self->saved_handler, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->saved_handler = g_signal_connect_object (store, "record-saved",
                                                       G_CALLBACK (on_record_saved), self,
                                                       G_CONNECT_SWAPPED);
    }

  if (g_strcmp0 (self->carer_id, carer_id) != 0)
    {
      g_free (self->carer_id);
      self->carer_id = g_strdup (carer_id);
    }

  cf_carer_sync_notice_refresh (self);
}

/* How many of the carer's changes clash with the server's, as the notice says. */
guint
cf_carer_sync_notice_get_conflicts (CfCarerSyncNotice *self)
{
  g_return_val_if_fail (CF_IS_CARER_SYNC_NOTICE (self), 0);

  return self->conflicts;
}

/* How many of the carer's changes the server refused, as the notice says. */
guint
cf_carer_sync_notice_get_refused (CfCarerSyncNotice *self)
{
  g_return_val_if_fail (CF_IS_CARER_SYNC_NOTICE (self), 0);

  return self->refused;
}
