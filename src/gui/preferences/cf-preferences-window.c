/* cf-preferences-window.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-passphrase-dialog.h"
#include "cf-preferences-window.h"
#include "cf-profile.h"
#include "cf-sync-page.h"

struct _CfPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkWidget            *auto_lock_row;
  GtkWidget            *auto_lock_spin;
  GtkWidget            *first_contact_row;
  GtkWidget            *first_contact_spin;
  AdwActionRow         *profile_row;
  GtkWidget            *change_button;
  GtkWidget            *organisation_name_row;
  GtkWidget            *organisation_phone_row;
  AdwComboRow          *role_row;
  CfSyncClient         *sync_client;
  gulong                user_changed_id;
  CfSyncPage           *sync_page;

  CfContext            *context;

  char                 *profile_dir;
  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (CfPreferencesWindow, cf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
on_passphrase_changed (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(CfPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  gtk_widget_set_sensitive (self->change_button, TRUE);

  if (!cf_profile_change_passphrase_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s says why, e.g. that the current passphrase was not right */
      toast = adw_toast_new_format (_("The passphrase was not changed: %s"), error->message);
    }
  else
    {
      toast = adw_toast_new (_("Passphrase changed. Use the new one from now on."));
    }

  adw_toast_set_timeout (toast, 10);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

static void
on_passphrase_response (CfPreferencesWindow *self,
                        const char          *response,
                        CfPassphraseDialog  *dialog)
{
  if (!g_str_equal (response, "change"))
    return;

  /* The dialog has what it needs from the worker; the result comes as a toast here. */

  /* Argon2id runs twice: in a thread, with the button off until it is done. */
  gtk_widget_set_sensitive (self->change_button, FALSE);
  cf_profile_change_passphrase_async (self->profile_dir,
                                      cf_passphrase_dialog_get_current (dialog),
                                      cf_passphrase_dialog_get_new (dialog),
                                      self->cancellable, on_passphrase_changed,
                                      g_object_ref (self));
}

static void
on_change_clicked (CfPreferencesWindow *self)
{
  CfPassphraseDialog *dialog = cf_passphrase_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_passphrase_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cf_preferences_window_dispose (GObject *object)
{
  CfPreferencesWindow *self = CF_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_signal_handler (&self->user_changed_id, self->sync_client);
  g_clear_object (&self->sync_client);
  g_clear_pointer (&self->profile_dir, g_free);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (object), CF_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (cf_preferences_window_parent_class)->dispose (object);
}

static void
cf_preferences_window_class_init (CfPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_preferences_window_dispose;

  g_type_ensure (CF_TYPE_SYNC_PAGE);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/preferences/cf-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, auto_lock_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, auto_lock_spin);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, first_contact_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, first_contact_spin);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, profile_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, change_button);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow,
                                        organisation_name_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow,
                                        organisation_phone_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, role_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, sync_page);
  gtk_widget_class_bind_template_callback (widget_class, on_change_clicked);
}

static void
on_role_selected (CfPreferencesWindow *self)
{
  CfStore *store = cf_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  const char *role = adw_combo_row_get_selected (self->role_row) == 1 ? CF_ROLE_COORDINATOR
                                                                       : CF_ROLE_WORKER;

  if (store != NULL && !cf_store_set_role (store, role, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (error->message));
}

static void
cf_preferences_window_init (CfPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * cf_preferences_window_new:
 * @profile_dir: the folder holding the encrypted profile, shown so IT staff can find it
 */
/* Once signed in, the server says what the role is (the client sets it at sign-in): the row
 * shows it and cannot be changed here, so a worker cannot make their laptop a coordinator's. */
static void
update_role_row (CfPreferencesWindow *self)
{
  CfStore *store = cf_context_get_store (self->context);
  gboolean from_server = store != NULL && self->sync_client != NULL &&
                         cf_sync_client_get_user (self->sync_client) != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->role_row), store != NULL && !from_server);
  if (from_server)
    {
      adw_combo_row_set_selected (self->role_row,
                                  g_str_equal (cf_store_get_role (store), CF_ROLE_COORDINATOR));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->role_row),
                                   _("Set by the server you are signed in to."));
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->role_row),
                                   _("A coordinator can return finished assessments for "
                                     "correction."));
    }
}

CfPreferencesWindow *
cf_preferences_window_new (CfContext  *context,
                           const char *profile_dir)
{
  CfPreferencesWindow *self;
  GSettings *settings;
  CfStore *store;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  self = g_object_new (CF_TYPE_PREFERENCES_WINDOW, NULL);
  settings = cf_context_get_settings (context);

  if (settings != NULL)
    {
      g_settings_bind (settings, "auto-lock-minutes", self->auto_lock_spin, "value",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "first-contact-working-days", self->first_contact_spin,
                       "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "organisation-name", self->organisation_name_row, "text",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "organisation-phone", self->organisation_phone_row, "text",
                       G_SETTINGS_BIND_DEFAULT);
    }
  else
    {
      /* Without the installed schema there is nowhere to keep a change: say so, don't pretend. */
      gtk_widget_set_sensitive (self->auto_lock_row, FALSE);
      gtk_widget_set_sensitive (self->first_contact_row, FALSE);
      gtk_widget_set_sensitive (self->organisation_name_row, FALSE);
      gtk_widget_set_sensitive (self->organisation_phone_row, FALSE);
    }

  /* The role lives in the encrypted profile. Until sync takes it from the server's session
   * (DESIGN.md, "Scope"), it is chosen here. */
  self->context = g_object_ref (context);
  store = cf_context_get_store (context);
  gtk_widget_set_sensitive (GTK_WIDGET (self->role_row), store != NULL);
  if (store != NULL)
    adw_combo_row_set_selected (self->role_row,
                                g_str_equal (cf_store_get_role (store), CF_ROLE_COORDINATOR));
  g_signal_connect_object (self->role_row, "notify::selected", G_CALLBACK (on_role_selected),
                           self, G_CONNECT_SWAPPED);

  adw_action_row_set_subtitle (self->profile_row, profile_dir);
  self->profile_dir = g_strdup (profile_dir);

  return self;
}

/**
 * cf_preferences_window_set_sync_client:
 * @client: (nullable): the window's sync client for the Sync page, or %NULL once it locks
 */
void
cf_preferences_window_set_sync_client (CfPreferencesWindow *self,
                                       CfSyncClient        *client)
{
  g_return_if_fail (CF_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (client == NULL || CF_IS_SYNC_CLIENT (client));

  cf_sync_page_set_client (self->sync_page, client);

  g_clear_signal_handler (&self->user_changed_id, self->sync_client);
  g_set_object (&self->sync_client, client);
  if (client != NULL)
    self->user_changed_id = g_signal_connect_object (client, "notify::user",
                                                     G_CALLBACK (update_role_row), self,
                                                     G_CONNECT_SWAPPED);
  update_role_row (self);
}
