/* cf-passphrase-dialog.c: asks for the current passphrase and a new one, twice
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The "change" response is only enabled once the new passphrase is strong enough and typed the
 * same twice; what is wrong is said under the fields, as on the set-up page.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-passphrase-dialog.h"
#include "cf-profile.h"

struct _CfPassphraseDialog
{
  AdwMessageDialog  parent_instance;

  GtkWidget        *current;
  GtkWidget        *fresh;
  GtkWidget        *again;
  GtkWidget        *message;
};

G_DEFINE_FINAL_TYPE (CfPassphraseDialog, cf_passphrase_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
update (CfPassphraseDialog *self)
{
  const char *current = gtk_editable_get_text (GTK_EDITABLE (self->current));
  const char *fresh = gtk_editable_get_text (GTK_EDITABLE (self->fresh));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (self->again));
  g_autofree char *weakness = NULL;
  const char *message = NULL;
  GtkWidget *invalid = NULL;

  if (*fresh != '\0' && (weakness = cf_passphrase_check (fresh)) != NULL)
    {
      message = weakness;
      invalid = self->fresh;
    }
  else if (*again != '\0' && g_strcmp0 (fresh, again) != 0)
    {
      message = _("The new passphrases are not the same.");
      invalid = self->again;
    }

  gtk_label_set_text (GTK_LABEL (self->message), message ? message : "");
  gtk_widget_set_visible (self->message, message != NULL);

  for (GtkWidget *row = self->fresh; row != NULL; row = row == self->fresh ? self->again : NULL)
    {
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   row == invalid ? GTK_ACCESSIBLE_INVALID_TRUE
                                                  : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
      if (row == invalid)
        gtk_widget_add_css_class (row, "error");
      else
        gtk_widget_remove_css_class (row, "error");
    }

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "change",
                                           *current != '\0' && *fresh != '\0' &&
                                           message == NULL && g_str_equal (fresh, again));
}

/* GTK's own password entry in a plain row. (AdwPasswordEntryRow, tried first, showed the same
 * Caps Lock warning on closing; it was not tried again with the focus released.) */
static GtkWidget *
password_row (CfPassphraseDialog *self,
              GtkWidget          *list,
              const char         *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_password_entry_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  /* One Tab stop a field: the entry, not also the row around it. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_signal_connect_swapped (entry, "changed", G_CALLBACK (update), self);
  gtk_list_box_append (GTK_LIST_BOX (list), row);

  return entry;
}

/* The message dialog would start on its buttons; the worker starts by typing. */
static void
on_map (CfPassphraseDialog *self)
{
  if (self->current != NULL)
    gtk_widget_grab_focus (self->current);
}

/* A password field destroyed while it has the focus leaves GTK 4.8's Caps Lock watcher behind,
 * which then warns of an invalid pointer: let go of the focus before the dialog closes. */
static void
on_response (CfPassphraseDialog *self)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
}

static void
cf_passphrase_dialog_dispose (GObject *object)
{
  CfPassphraseDialog *self = CF_PASSPHRASE_DIALOG (object);

  /* The rows are emptied as they go, which must not call update () on rows already gone. */
  if (self->current != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->current, self);
      g_signal_handlers_disconnect_by_data (self->fresh, self);
      g_signal_handlers_disconnect_by_data (self->again, self);
      self->current = self->fresh = self->again = self->message = NULL;
    }

  G_OBJECT_CLASS (cf_passphrase_dialog_parent_class)->dispose (object);
}

static void
cf_passphrase_dialog_class_init (CfPassphraseDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_passphrase_dialog_dispose;
}

static void
cf_passphrase_dialog_init (CfPassphraseDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = gtk_list_box_new ();

  adw_message_dialog_set_heading (dialog, _("Change Passphrase"));
  adw_message_dialog_set_body (dialog,
                               _("The records stay as they are; only the passphrase that opens "
                                 "them changes. It cannot be recovered if forgotten."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "change", _("C_hange Passphrase"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "change", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "change");
  adw_message_dialog_set_close_response (dialog, "cancel");

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Passphrases"), -1);
  self->current = password_row (self, list, _("Current Passphrase"));
  self->fresh = password_row (self, list, _("New Passphrase"));
  self->again = password_row (self, list, _("New Passphrase Again"));

  self->message = gtk_label_new (NULL);
  g_object_set (self->message, "accessible-role", GTK_ACCESSIBLE_ROLE_STATUS, NULL);
  gtk_label_set_wrap (GTK_LABEL (self->message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->message), 0);
  gtk_widget_add_css_class (self->message, "error");
  gtk_widget_set_visible (self->message, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->fresh),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->message, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->again),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->message, NULL, -1);

  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), self->message);
  adw_message_dialog_set_extra_child (dialog, box);

  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (self, "response", G_CALLBACK (on_response), NULL);
  update (self);
}

CfPassphraseDialog *
cf_passphrase_dialog_new (GtkWindow *parent)
{
  return g_object_new (CF_TYPE_PASSPHRASE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}

const char *
cf_passphrase_dialog_get_current (CfPassphraseDialog *self)
{
  g_return_val_if_fail (CF_IS_PASSPHRASE_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->current));
}

const char *
cf_passphrase_dialog_get_new (CfPassphraseDialog *self)
{
  g_return_val_if_fail (CF_IS_PASSPHRASE_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->fresh));
}
