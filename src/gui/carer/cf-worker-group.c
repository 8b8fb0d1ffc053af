/* cf-worker-group.c: whose caseload the carer is on
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * src/sync/README.md, "Scope": the carer's `worker` is the user name of the worker whose
 * caseload they are on, and only a coordinator changes it. So a coordinator types it here,
 * and the change is saved like any other edit of the carer (the page saves it, with its
 * outbox row): at the next sync the server gives the carer to that worker. A worker reads it
 * only, as “Your caseload” or another worker's name.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-sync-local.h"
#include "cf-worker-group.h"

struct _CfWorkerGroup
{
  AdwPreferencesGroup  parent_instance;

  CfStore             *store;
  CfCarer             *carer;
  gulong               role_handler;
  gulong               worker_handler;
  gboolean             loading;

  GtkWidget           *worker_entry;
  AdwActionRow        *worker_row;
  GtkWidget           *message_row;
  GtkLabel            *message_label;
};

G_DEFINE_FINAL_TYPE (CfWorkerGroup, cf_worker_group, ADW_TYPE_PREFERENCES_GROUP)

static void
show_message (CfWorkerGroup *self,
              const char    *message)
{
  gboolean invalid = message != NULL;

  gtk_label_set_text (self->message_label, invalid ? message : "");
  gtk_widget_set_visible (self->message_row, invalid);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->worker_entry), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE
                                       : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (invalid)
    {
      gtk_widget_add_css_class (self->worker_entry, "error");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->worker_entry),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      self->message_label, NULL, -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->worker_entry, "error");
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->worker_entry),
                                     GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
}

/**
 * cf_worker_group_is_editable:
 *
 * Returns: whether the worker can be changed here: by a coordinator, with a carer open
 */
gboolean
cf_worker_group_is_editable (CfWorkerGroup *self)
{
  g_return_val_if_fail (CF_IS_WORKER_GROUP (self), FALSE);

  return self->store != NULL && self->carer != NULL &&
         g_strcmp0 (cf_store_get_role (self->store), CF_ROLE_COORDINATOR) == 0;
}

static void
refresh (CfWorkerGroup *self)
{
  gboolean editable = cf_worker_group_is_editable (self);
  g_autoptr(CfSyncAccount) account = NULL;
  const char *worker = self->carer != NULL ? cf_record_get_text (CF_RECORD (self->carer),
                                                                 "worker") : "";

  gtk_widget_set_visible (self->worker_entry, editable);
  gtk_widget_set_visible (GTK_WIDGET (self->worker_row), !editable && self->carer != NULL);

  if (editable)
    {
      g_autofree char *shown = g_strstrip (g_strdup (gtk_editable_get_text (
                                                       GTK_EDITABLE (self->worker_entry))));

      /* Only when the record says otherwise: never under the coordinator's typing. */
      if (g_strcmp0 (shown, worker) != 0)
        {
          self->loading = TRUE;
          gtk_editable_set_text (GTK_EDITABLE (self->worker_entry), worker);
          self->loading = FALSE;
          show_message (self, NULL);
        }
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                             _("The user name of the worker whose caseload "
                                               "this carer is on: type it and press Enter. The "
                                               "carer moves to them at the next sync. Leave it "
                                               "empty for no one."));
      return;
    }

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->worker_entry), "");
  self->loading = FALSE;
  show_message (self, NULL);

  /* The user name this laptop signs in to the server with, if it has signed in. */
  if (self->store != NULL && *worker != '\0')
    account = cf_sync_local_dup_account (self->store, NULL);

  if (*worker == '\0' || (account != NULL && g_strcmp0 (worker, account->user) == 0))
    /* Translators: the carer is on the caseload of the worker using this laptop */
    adw_action_row_set_subtitle (self->worker_row, _("Your caseload"));
  else
    adw_action_row_set_subtitle (self->worker_row, worker);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         self->carer != NULL
                                         ? _("Only a coordinator can give a carer to another "
                                             "worker.")
                                         : NULL);
}

/* The typed name, trimmed, or %NULL (with the reason beside the field) if it is no name. */
static char *
typed_worker (CfWorkerGroup *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->worker_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (typed));

  /* Spaces alone would read as nobody: say so, and keep the carer where they are. */
  if (*typed != '\0' && *trimmed == '\0')
    {
      show_message (self, _("A user name cannot be only spaces. Leave it empty to give the "
                            "carer to no one."));
      return NULL;
    }

  show_message (self, NULL);
  return g_steal_pointer (&trimmed);
}

static void
on_worker_changed (CfWorkerGroup *self)
{
  g_autofree char *worker = NULL;

  if (self->loading || !cf_worker_group_is_editable (self))
    return;

  /* Checked as it is typed, but given only when applied (Enter, or the tick): a carer must
   * not move to a half-typed name because a sync ran mid-word. */
  worker = typed_worker (self);
}

static void
on_worker_applied (CfWorkerGroup *self)
{
  g_autofree char *worker = NULL;

  if (self->loading || !cf_worker_group_is_editable (self))
    return;

  if ((worker = typed_worker (self)) == NULL)
    return;

  if (g_strcmp0 (cf_record_get_text (CF_RECORD (self->carer), "worker"), worker) != 0)
    cf_record_set_text (CF_RECORD (self->carer), "worker", worker);
}

static void
cf_worker_group_dispose (GObject *object)
{
  CfWorkerGroup *self = CF_WORKER_GROUP (object);

  cf_worker_group_set_carer (self, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_WORKER_GROUP);

  G_OBJECT_CLASS (cf_worker_group_parent_class)->dispose (object);
}

static void
cf_worker_group_class_init (CfWorkerGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_worker_group_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/carefield/Carefield/carer/"
                                               "cf-worker-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CfWorkerGroup, worker_entry);
  gtk_widget_class_bind_template_child (widget_class, CfWorkerGroup, worker_row);
  gtk_widget_class_bind_template_child (widget_class, CfWorkerGroup, message_row);
  gtk_widget_class_bind_template_child (widget_class, CfWorkerGroup, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_worker_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_worker_applied);
}

static void
cf_worker_group_init (CfWorkerGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cf_worker_group_set_carer:
 * @store: (nullable): the store, or %NULL while locked
 * @carer: (nullable): the carer shown, or %NULL for none
 *
 * A change typed here goes into @carer, which its page saves.
 */
void
cf_worker_group_set_carer (CfWorkerGroup *self,
                           CfStore       *store,
                           CfCarer       *carer)
{
  g_return_if_fail (CF_IS_WORKER_GROUP (self));
  g_return_if_fail (store == NULL || CF_IS_STORE (store));
  g_return_if_fail (carer == NULL || CF_IS_CARER (carer));

  if (self->store != store)
    {
      if (self->store != NULL)
        g_clear_signal_handler (&self->role_handler, self->store);
      g_set_object (&self->store, store);
      /* Signing in as a coordinator makes the row editable at once. */
      if (store != NULL)
        self->role_handler = g_signal_connect_object (store, "notify::role",
                                                      G_CALLBACK (refresh), self,
                                                      G_CONNECT_SWAPPED);
    }

  if (self->carer != carer)
    {
      if (self->carer != NULL)
        g_clear_signal_handler (&self->worker_handler, self->carer);
      g_set_object (&self->carer, carer);
      if (carer != NULL)
        self->worker_handler = g_signal_connect_object (carer, "notify::worker",
                                                        G_CALLBACK (refresh), self,
                                                        G_CONNECT_SWAPPED);
    }

  refresh (self);
  gtk_widget_set_visible (GTK_WIDGET (self), carer != NULL);
}
