/* cf-preferences-window.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-interface-language.h"
#include "cf-language.h"
#include "cf-passphrase-dialog.h"
#include "cf-preferences-window.h"
#include "cf-profile.h"
#include "cf-sync-page.h"
#include "cf-text-scale.h"

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
  AdwComboRow          *text_size_row;
  AdwComboRow          *language_row;
  GtkWidget            *language_notice;
  /* The codes in language_row, "" (the desktop's) first. */
  GtkStringList        *languages;
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
  g_clear_object (&self->languages);
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
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, text_size_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, language_notice);
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

/* Text size ------------------------------------------------------------------------------- */

static GtkStringList *
text_size_list_new (void)
{
  static const char *names[] = {
    NC_("text size", "Normal"), NC_("text size", "Large"), NC_("text size", "Larger"),
    NC_("text size", "Largest"),
  };
  GtkStringList *list = gtk_string_list_new (NULL);
  guint n_steps;
  const guint *steps = cf_text_scale_get_steps (&n_steps);

  g_assert (n_steps == G_N_ELEMENTS (names));

  for (guint i = 0; i < n_steps; i++)
    {
      /* Translators: a text size and its percentage of the normal size, as in
       * "Large (125 %)": %1$s is the size's name, %2$u the number */
      g_autofree char *item = g_strdup_printf (_("%1$s (%2$u %%)"),
                                               g_dpgettext2 (NULL, "text size", names[i]),
                                               steps[i]);

      gtk_string_list_append (list, item);
    }

  return list;
}

static void
on_text_scale_changed (CfPreferencesWindow *self)
{
  GSettings *settings = cf_context_get_settings (self->context);
  guint step = cf_text_scale_nearest_step (g_settings_get_uint (settings, "text-scale"));

  if (adw_combo_row_get_selected (self->text_size_row) != step)
    adw_combo_row_set_selected (self->text_size_row, step);
}

static void
on_text_size_selected (CfPreferencesWindow *self)
{
  GSettings *settings = cf_context_get_settings (self->context);
  guint selected = adw_combo_row_get_selected (self->text_size_row);
  guint n_steps;
  const guint *steps = cf_text_scale_get_steps (&n_steps);

  if (settings != NULL && selected < n_steps &&
      g_settings_get_uint (settings, "text-scale") != steps[selected])
    g_settings_set_uint (settings, "text-scale", steps[selected]);
}

/* Interface language ---------------------------------------------------------------------- */

static const char *
language_code (GtkListItem *item)
{
  return gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_list_item_get_item (item)));
}

/* The name a person looks for: the language's own ("Polski"), or the desktop's. */
static const char *
language_own_name (const char *code)
{
  const char *own;

  if (*code == '\0')
    return _("Follow the Desktop");

  own = cf_interface_language_get_own_name (code);
  return own != NULL ? own : code;
}

static void
on_language_setup (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  gboolean in_list = GPOINTER_TO_INT (user_data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), in_list ? PANGO_ELLIPSIZE_NONE
                                                     : PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (name), in_list);
  gtk_box_append (GTK_BOX (box), name);

  /* In the list, the name in the interface's language as well: someone helping a worker
   * still sees which is which, and a screen reader says both. */
  if (in_list)
    {
      GtkWidget *other = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (other), 0);
      gtk_label_set_wrap (GTK_LABEL (other), TRUE);
      gtk_widget_add_css_class (other, "caption");
      gtk_widget_add_css_class (other, "dim-label");
      gtk_box_append (GTK_BOX (box), other);
    }

  gtk_list_item_set_child (item, box);
}

static void
on_language_bind (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  const char *code = language_code (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *other = gtk_widget_get_next_sibling (name);
  const char *own = language_own_name (code);

  gtk_label_set_text (GTK_LABEL (name), own);

  if (other != NULL)
    {
      const char *local = *code != '\0' ? cf_language_get_name (code) : NULL;
      gboolean differs = local != NULL && g_strcmp0 (local, own) != 0;

      gtk_label_set_text (GTK_LABEL (other), differs ? local : "");
      gtk_widget_set_visible (other, differs);
    }
}

static GtkListItemFactory *
language_factory_new (gboolean in_list)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_language_setup),
                    GINT_TO_POINTER (in_list));
  g_signal_connect (factory, "bind", G_CALLBACK (on_language_bind), NULL);

  return factory;
}

/* What the row says aloud and what typing in it looks for: the name shown. */
static char *
language_item_name (GtkStringObject *item,
                    gpointer         user_data)
{
  return g_strdup (language_own_name (gtk_string_object_get_string (item)));
}

static guint
find_language (CfPreferencesWindow *self,
               const char          *code)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->languages));

  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (gtk_string_list_get_string (self->languages, i), code))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
on_interface_language_changed (CfPreferencesWindow *self)
{
  GSettings *settings = cf_context_get_settings (self->context);
  g_autofree char *code = g_settings_get_string (settings, "interface-language");
  guint position;

  g_strstrip (code);
  position = find_language (self, code);
  /* Chosen elsewhere (gsettings), with no catalogue here: shown all the same. */
  if (position == GTK_INVALID_LIST_POSITION)
    {
      gtk_string_list_append (self->languages, code);
      position = find_language (self, code);
    }
  if (adw_combo_row_get_selected (self->language_row) != position)
    adw_combo_row_set_selected (self->language_row, position);

  gtk_widget_set_visible (self->language_notice,
                          g_strcmp0 (code, cf_interface_language_get_applied ()) != 0);
}

static void
on_language_selected (CfPreferencesWindow *self)
{
  GSettings *settings = cf_context_get_settings (self->context);
  guint selected = adw_combo_row_get_selected (self->language_row);
  g_autofree char *stored = NULL;
  const char *code;

  if (settings == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  code = gtk_string_list_get_string (self->languages, selected);
  stored = g_settings_get_string (settings, "interface-language");
  if (!g_str_equal (g_strstrip (stored), code))
    g_settings_set_string (settings, "interface-language", code);
}

static void
setup_reading_rows (CfPreferencesWindow *self,
                    GSettings           *settings)
{
  g_autoptr(GtkStringList) sizes = text_size_list_new ();
  g_autoptr(GtkListItemFactory) factory = language_factory_new (FALSE);
  g_autoptr(GtkListItemFactory) list_factory = language_factory_new (TRUE);
  g_autoptr(GtkExpression) expression = NULL;
  g_auto(GStrv) available = cf_interface_language_dup_available ();

  adw_combo_row_set_model (self->text_size_row, G_LIST_MODEL (sizes));

  self->languages = gtk_string_list_new (NULL);
  gtk_string_list_append (self->languages, "");
  for (guint i = 0; available[i] != NULL; i++)
    gtk_string_list_append (self->languages, available[i]);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (language_item_name), NULL, NULL);
  adw_combo_row_set_expression (self->language_row, expression);
  adw_combo_row_set_factory (self->language_row, factory);
  adw_combo_row_set_list_factory (self->language_row, list_factory);
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (self->languages));

  if (settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->text_size_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), FALSE);
      return;
    }

  g_signal_connect_object (settings, "changed::text-scale", G_CALLBACK (on_text_scale_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::interface-language",
                           G_CALLBACK (on_interface_language_changed), self,
                           G_CONNECT_SWAPPED);
  on_text_scale_changed (self);
  on_interface_language_changed (self);
  g_signal_connect_object (self->text_size_row, "notify::selected",
                           G_CALLBACK (on_text_size_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->language_row, "notify::selected",
                           G_CALLBACK (on_language_selected), self, G_CONNECT_SWAPPED);
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

  self->context = g_object_ref (context);
  setup_reading_rows (self, settings);

  /* The role lives in the encrypted profile. Until sync takes it from the server's session
   * (DESIGN.md, "Scope"), it is chosen here. */
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
