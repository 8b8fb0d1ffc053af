/* cf-sync-page.c: Preferences → Sync: signing in to the organisation's server, and out
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "GUI map": preferences hold the server and the account. Signing in sends the user
 * name and password once, for a device token the sync client keeps in the encrypted store; the
 * password is never kept, and the field is emptied after every attempt. What went wrong is
 * said in words beside the field it is about: a refused address under the address, a wrong
 * password or an unreachable server under the account.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-gui-util.h"
#include "cf-sync-page.h"
#include "cf-sync-status.h"

struct _CfSyncPage
{
  AdwPreferencesPage  parent_instance;

  CfSyncClient       *client;
  GCancellable       *cancellable;
  gboolean            busy;

  GtkWidget          *locked_group;
  GtkWidget          *server_group;
  GtkWidget          *address_row;
  GtkLabel           *address_message;
  GtkWidget          *account_group;
  GtkWidget          *user_row;
  GtkWidget          *password_row;
  GtkWidget          *status_box;
  GtkWidget          *spinner;
  GtkLabel           *status_label;
  GtkWidget          *signed_in_group;
  AdwActionRow       *account_row;
  AdwActionRow       *sync_row;
  GtkLabel           *signed_in_message;
};

G_DEFINE_FINAL_TYPE (CfSyncPage, cf_sync_page, ADW_TYPE_PREFERENCES_PAGE)

static const char *
entry_text (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
dup_stripped (GtkWidget *row)
{
  return g_strstrip (g_strdup (entry_text (row)));
}

static gboolean
signed_in (CfSyncPage *self)
{
  return self->client != NULL && cf_sync_client_get_user (self->client) != NULL;
}

static void
update_actions (CfSyncPage *self)
{
  g_autofree char *address = dup_stripped (self->address_row);
  g_autofree char *user = dup_stripped (self->user_row);
  gboolean can_sign_in = self->client != NULL && !signed_in (self) && !self->busy &&
                         *address != '\0' && *user != '\0' &&
                         *entry_text (self->password_row) != '\0';
  gboolean syncing = self->client != NULL &&
                     cf_sync_client_get_state (self->client) == CF_SYNC_STATE_SYNCING;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync-page.sign-in", can_sign_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync-page.sync-now",
                                 signed_in (self) && !self->busy && !syncing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync-page.sign-out",
                                 signed_in (self) && !self->busy);
}

/* The address's hint, or why it was refused: only a refusal marks the row invalid, so a
 * screen reader hears "invalid" exactly when the words are an error. */
static void
set_address_error (CfSyncPage *self,
                   const char *error)
{
  if (error != NULL)
    {
      gtk_label_set_text (self->address_message, error);
      gtk_widget_remove_css_class (GTK_WIDGET (self->address_message), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->address_message), "error");
      gtk_widget_add_css_class (self->address_row, "error");
    }
  else
    {
      /* Translators: the hint under the server address; keep the address as it is */
      gtk_label_set_text (self->address_message,
                          _("For example, https://carers.example.org"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->address_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->address_message), "dim-label");
      gtk_widget_remove_css_class (self->address_row, "error");
    }

  gtk_accessible_update_state (GTK_ACCESSIBLE (self->address_row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               error != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                             : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
set_status (CfSyncPage *self,
            const char *text,
            gboolean    error)
{
  gboolean shown = text != NULL && *text != '\0';

  gtk_label_set_text (self->status_label, shown ? text : "");
  gtk_widget_set_visible (self->status_box, shown || self->busy);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
set_signed_in_message (CfSyncPage *self,
                       const char *text,
                       gboolean    error)
{
  gboolean shown = text != NULL && *text != '\0';

  gtk_label_set_text (self->signed_in_message, shown ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->signed_in_message), shown);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->signed_in_message), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->signed_in_message), "error");
}

/* GTK 4.8 does not tell a focused text field that it lost the focus when it is hidden or made
 * insensitive, and a password field then leaves its Caps Lock watcher behind: move the focus
 * away properly first. */
static void
release_focus (CfSyncPage *self,
               GtkWidget  *within)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, within))
    gtk_root_set_focus (root, NULL);
}

static void
focus_row (CfSyncPage *self,
           GtkWidget  *row)
{
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL && gtk_widget_get_mapped (row))
    gtk_widget_grab_focus (row);
}

static const char *
role_words (const char *role)
{
  if (g_strcmp0 (role, "worker") == 0)
    return _("worker");
  if (g_strcmp0 (role, "coordinator") == 0)
    return _("coordinator");
  if (g_strcmp0 (role, "carer") == 0)
    return _("carer’s own account");
  if (g_strcmp0 (role, "admin") == 0)
    return _("administrator");
  return role != NULL ? role : "";
}

static void
set_group_visible (CfSyncPage *self,
                   GtkWidget  *group,
                   gboolean    visible)
{
  if (!visible && gtk_widget_get_visible (group))
    release_focus (self, group);
  gtk_widget_set_visible (group, visible);
}

static void
update (CfSyncPage *self)
{
  gboolean in = signed_in (self);

  set_group_visible (self, self->locked_group, self->client == NULL);
  set_group_visible (self, self->server_group, self->client != NULL && !in);
  set_group_visible (self, self->account_group, self->client != NULL && !in);
  set_group_visible (self, self->signed_in_group, in);

  if (in)
    {
      g_autofree char *account = NULL;
      g_autofree char *state = cf_sync_status_dup_state_text (self->client);
      const char *message = cf_sync_client_get_message (self->client);
      CfSyncState sync_state = cf_sync_client_get_state (self->client);

      /* Translators: %1$s is a user name, %2$s the server's address, %3$s the account's role,
       * such as “worker” */
      account = g_strdup_printf (_("Signed in as %1$s at %2$s (%3$s)"),
                                 cf_sync_client_get_user (self->client),
                                 cf_sync_client_get_server_url (self->client),
                                 role_words (cf_sync_client_get_role (self->client)));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), account);

      if ((sync_state == CF_SYNC_STATE_OFFLINE || sync_state == CF_SYNC_STATE_ERROR) &&
          message != NULL)
        {
          /* Translators: %1$s is the sync state, such as “Sync Problem”, %2$s why */
          g_autofree char *subtitle = g_strdup_printf (_("%1$s: %2$s"), state, message);

          adw_action_row_set_subtitle (self->sync_row, subtitle);
        }
      else
        {
          adw_action_row_set_subtitle (self->sync_row, state);
        }
    }

  update_actions (self);
}

static void
set_busy (CfSyncPage *self,
          gboolean    busy,
          const char *status)
{
  self->busy = busy;

  if (busy)
    release_focus (self, GTK_WIDGET (self));

  gtk_widget_set_sensitive (self->address_row, !busy);
  gtk_widget_set_sensitive (self->user_row, !busy);
  gtk_widget_set_sensitive (self->password_row, !busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  set_status (self, status, FALSE);

  update_actions (self);
}

static void
login_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CfSyncPage) self = user_data;
  g_autoptr(GError) error = NULL;

  cf_sync_client_login_finish (CF_SYNC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE, NULL);

  if (error == NULL)
    {
      update (self);
      set_signed_in_message (self, _("Signed in. Carefield syncs by itself from now on."),
                             FALSE);
      return;
    }

  if (g_error_matches (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_BAD_ADDRESS))
    {
      set_address_error (self, error->message);
      focus_row (self, self->address_row);
      return;
    }

  set_status (self, error->message, TRUE);
  focus_row (self, self->password_row);
}

static void
sign_in_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CfSyncPage *self = CF_SYNC_PAGE (widget);
  g_autofree char *address = dup_stripped (self->address_row);
  g_autofree char *user = dup_stripped (self->user_row);
  g_autofree char *password = g_strdup (entry_text (self->password_row));
  g_autoptr(GError) error = NULL;

  if (self->client == NULL || signed_in (self) || self->busy)
    return;

  set_address_error (self, NULL);
  set_status (self, NULL, FALSE);
  set_signed_in_message (self, NULL, FALSE);

  /* The password is used for this one attempt and never kept, not even in the field. */
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");

  if (!cf_sync_check_server_url (address, &error))
    {
      set_address_error (self, error->message);
      focus_row (self, self->address_row);
      memset (password, 0, strlen (password));
      return;
    }

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* Translators: beside a spinner while the server checks the user name and password */
  set_busy (self, TRUE, _("Signing in…"));
  cf_sync_client_login_async (self->client, address, user, password, g_get_host_name (),
                              self->cancellable, login_done, g_object_ref (self));
  memset (password, 0, strlen (password));
}

static void
sync_now_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CfSyncPage *self = CF_SYNC_PAGE (widget);

  if (!signed_in (self))
    return;

  set_signed_in_message (self, NULL, FALSE);
  cf_sync_client_request_sync (self->client);
}

static void
sign_out_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CfSyncPage) self = user_data;
  g_autoptr(GError) error = NULL;

  cf_sync_client_sign_out_finish (CF_SYNC_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->busy = FALSE;
  if (error != NULL)
    {
      update (self);
      set_signed_in_message (self, error->message, TRUE);
      return;
    }

  set_busy (self, FALSE, _("Signed out. Changes you make stay on this laptop until you sign "
                           "in again."));
  update (self);
}

static void
on_sign_out_response (CfSyncPage *self,
                      const char *response)
{
  if (!g_str_equal (response, "sign-out") || !signed_in (self) || self->busy)
    return;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  self->busy = TRUE;
  set_signed_in_message (self, _("Signing out…"), FALSE);
  update_actions (self);
  cf_sync_client_sign_out_async (self->client, self->cancellable, sign_out_done,
                                 g_object_ref (self));
}

static void
sign_out_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CfSyncPage *self = CF_SYNC_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  guint waiting;
  g_autofree char *body = NULL;

  if (!signed_in (self) || self->busy)
    return;

  waiting = cf_sync_client_get_waiting (self->client);
  if (waiting > 0)
    /* Translators: %u is a number of changes not yet sent to the server */
    body = g_strdup_printf (ngettext ("%u change is still waiting to be sent. It stays on this "
                                      "laptop and goes when you sign in again.",
                                      "%u changes are still waiting to be sent. They stay on "
                                      "this laptop and go when you sign in again.", waiting),
                            waiting);
  else
    body = g_strdup (_("Changes still waiting to be sent stay on this laptop and go when you "
                       "sign in again."));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       _("Sign Out?"), body));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "sign-out", _("_Sign Out"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "sign-out", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_sign_out_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_address_changed (CfSyncPage *self)
{
  /* Typing again takes the complaint away; the next attempt says if it still applies. */
  set_address_error (self, NULL);
  update_actions (self);
}

static void
on_field_changed (CfSyncPage *self)
{
  update_actions (self);
}

static void
on_address_activated (CfSyncPage *self)
{
  gtk_widget_grab_focus (self->user_row);
}

static void
on_user_activated (CfSyncPage *self)
{
  gtk_widget_grab_focus (self->password_row);
}

static void
on_password_activated (CfSyncPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sync-page.sign-in", NULL);
}

static void
on_client_notify (CfSyncPage *self)
{
  update (self);
}

/**
 * cf_sync_page_set_client:
 * @client: (nullable): the window's sync client, or %NULL while Carefield is locked
 */
void
cf_sync_page_set_client (CfSyncPage   *self,
                         CfSyncClient *client)
{
  g_return_if_fail (CF_IS_SYNC_PAGE (self));
  g_return_if_fail (client == NULL || CF_IS_SYNC_CLIENT (client));

  if (self->client == client)
    return;

  /* An attempt in progress finishes in the client; this page no longer waits for it. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_set_object (&self->client, client);

  if (client != NULL)
    g_signal_connect_object (client, "notify", G_CALLBACK (on_client_notify), self,
                             G_CONNECT_SWAPPED);

  set_busy (self, FALSE, NULL);
  set_signed_in_message (self, NULL, FALSE);
  update (self);
}

CfSyncClient *
cf_sync_page_get_client (CfSyncPage *self)
{
  g_return_val_if_fail (CF_IS_SYNC_PAGE (self), NULL);

  return self->client;
}

static void
cf_sync_page_unmap (GtkWidget *widget)
{
  /* Closing Preferences with the focus in the password field would leave GTK's Caps Lock
   * watcher behind it. */
  release_focus (CF_SYNC_PAGE (widget), widget);

  GTK_WIDGET_CLASS (cf_sync_page_parent_class)->unmap (widget);
}

static void
cf_sync_page_dispose (GObject *object)
{
  CfSyncPage *self = CF_SYNC_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);

  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_SYNC_PAGE);

  G_OBJECT_CLASS (cf_sync_page_parent_class)->dispose (object);
}

static void
cf_sync_page_class_init (CfSyncPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_sync_page_dispose;
  widget_class->unmap = cf_sync_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/carefield/Carefield/sync/"
                                               "cf-sync-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfSyncPage, locked_group);
  gtk_widget_class_bind_template_child (widget_class, CfSyncPage, server_group);
  gtk_widget_class_bind_template_child (widget_class, CfSyncPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, CfSyncPage, address_message);
  gtk_widget_class_bind_template_child (widget_class, CfSyncPage, account_group);
  gtk_widget_class_bind_template_child (widget_class, CfSyncPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, CfSyncPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, CfSyncPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, CfSyncPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CfSyncPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CfSyncPage, signed_in_group);
  gtk_widget_class_bind_template_child (widget_class, CfSyncPage, account_row);
  gtk_widget_class_bind_template_child (widget_class, CfSyncPage, sync_row);
  gtk_widget_class_bind_template_child (widget_class, CfSyncPage, signed_in_message);
  gtk_widget_class_bind_template_callback (widget_class, on_address_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_address_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_user_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_password_activated);

  gtk_widget_class_install_action (widget_class, "sync-page.sign-in", NULL, sign_in_activated);
  gtk_widget_class_install_action (widget_class, "sync-page.sync-now", NULL,
                                   sync_now_activated);
  gtk_widget_class_install_action (widget_class, "sync-page.sign-out", NULL,
                                   sign_out_activated);
}

static void
cf_sync_page_init (CfSyncPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The user name, password and "Sign In" go on from the server address above, under its
   * heading; without a title of their own, their list is named by that heading. */
  cf_preferences_group_name_list (ADW_PREFERENCES_GROUP (self->account_group),
                                  _("Sign In to Your Organisation"));

  set_address_error (self, NULL);
  update (self);
}

CfSyncPage *
cf_sync_page_new (void)
{
  return g_object_new (CF_TYPE_SYNC_PAGE, NULL);
}
