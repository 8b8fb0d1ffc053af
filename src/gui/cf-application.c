/* cf-application.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-application.h"
#include "cf-gui-util.h"
#include "cf-interface-language.h"
#include "cf-preferences-window.h"
#include "cf-profile.h"
#include "cf-text-scale.h"
#include "cf-window.h"

struct _CfApplication
{
  AdwApplication  parent_instance;

  CfContext      *context;
  GSettings      *settings;
  CfTextScale    *text_scale;
  char           *profile_dir;
};

G_DEFINE_FINAL_TYPE (CfApplication, cf_application, ADW_TYPE_APPLICATION)

static CfWindow *
get_window (CfApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return CF_IS_WINDOW (window) ? CF_WINDOW (window) : NULL;
}

static void
update_text_actions (CfApplication *self)
{
  guint n_steps;
  const guint *steps = cf_text_scale_get_steps (&n_steps);
  guint percent = cf_text_scale_get_percent (self->text_scale);
  GAction *larger = g_action_map_lookup_action (G_ACTION_MAP (self), "text-larger");
  GAction *smaller = g_action_map_lookup_action (G_ACTION_MAP (self), "text-smaller");
  GAction *reset = g_action_map_lookup_action (G_ACTION_MAP (self), "text-reset");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (larger), percent < steps[n_steps - 1]);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (smaller), percent > steps[0]);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (reset), percent != CF_TEXT_SCALE_NORMAL);
}

static void
cf_application_activate (GApplication *app)
{
  CfApplication *self = CF_APPLICATION (app);
  CfWindow *window = get_window (self);

  if (window == NULL)
    window = cf_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
}

static int
cf_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CfApplication *self = CF_APPLICATION (app);
  const char *profile = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("carefield %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_lookup (options, "profile", "^&ay", &profile))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (profile);

      g_free (self->profile_dir);
      self->profile_dir = g_file_get_path (file);
    }

  return -1;
}

static void
cf_application_startup (GApplication *app)
{
  CfApplication *self = CF_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *lock_accels[] = { "<Control>l", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *search_accels[] = { "<Control>f", NULL };
  static const char *show_carer_accels[] = { "<Alt>Left", NULL };
  static const char *show_due_accels[] = { "<Control>d", NULL };
  static const char *sync_now_accels[] = { "<Control><Shift>s", NULL };
  /* Ctrl+= is Ctrl++ without Shift on most keyboards; the keypad's keys work too. */
  static const char *text_larger_accels[] = {
    "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL
  };
  static const char *text_smaller_accels[] = { "<Control>minus", "<Control>KP_Subtract", NULL };
  static const char *text_reset_accels[] = { "<Control>0", "<Control>KP_0", NULL };

  G_APPLICATION_CLASS (cf_application_parent_class)->startup (app);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.lock", lock_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.new-referral",
                                         new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.search", search_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-carer",
                                         show_carer_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-due",
                                         show_due_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.sync-now",
                                         sync_now_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.text-larger",
                                         text_larger_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.text-smaller",
                                         text_smaller_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.text-reset",
                                         text_reset_accels);

  self->settings = cf_context_dup_default_settings ();
  cf_interface_language_apply_direction (self->settings);
  self->text_scale = cf_text_scale_new (gdk_display_get_default (), self->settings);
  g_signal_connect_object (self->text_scale, "notify::percent",
                           G_CALLBACK (update_text_actions), self, G_CONNECT_SWAPPED);
  update_text_actions (self);
  self->context = cf_context_new (NULL, self->settings);
  if (self->profile_dir == NULL && self->settings != NULL)
    {
      g_autofree char *configured = g_settings_get_string (self->settings, "profile-dir");

      if (*configured != '\0')
        self->profile_dir = g_steal_pointer (&configured);
    }
  if (self->profile_dir == NULL)
    self->profile_dir = cf_profile_default_dir ();
}

static void
cf_application_shutdown (GApplication *app)
{
  CfApplication *self = CF_APPLICATION (app);

  G_APPLICATION_CLASS (cf_application_parent_class)->shutdown (app);

  /* Quitting while a profile is being unlocked waits for it (a fraction of a second). */
  cf_profile_wait_for_pending ();
  g_clear_object (&self->text_scale);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
}

static void
cf_application_finalize (GObject *object)
{
  CfApplication *self = CF_APPLICATION (object);

  g_free (self->profile_dir);

  G_OBJECT_CLASS (cf_application_parent_class)->finalize (object);
}

static void
cf_application_class_init (CfApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = cf_application_finalize;
  app_class->activate = cf_application_activate;
  app_class->startup = cf_application_startup;
  app_class->shutdown = cf_application_shutdown;
  app_class->handle_local_options = cf_application_handle_local_options;

  cf_gui_register_resources ();
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CfApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing each window saves its edits first. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CfApplication *self = user_data;
  CfWindow *window = get_window (self);
  CfPreferencesWindow *preferences;

  /* The window passes its sync client to the Sync page. */
  if (window != NULL)
    {
      cf_window_show_preferences (window, NULL);
      return;
    }

  preferences = cf_preferences_window_new (self->context, self->profile_dir);
  gtk_window_set_transient_for (GTK_WINDOW (preferences),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CfApplication *self = user_data;

  gtk_show_uri (gtk_application_get_active_window (GTK_APPLICATION (self)), "help:carefield",
                GDK_CURRENT_TIME);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CfApplication *self = user_data;
  static const char *developers[] = { "The Carefield authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Carefield"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Carefield authors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Carers’ assessments and support plans, offline"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         /* Translators: put your names here, one a line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
text_larger_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CfApplication *self = user_data;

  cf_text_scale_step (self->text_scale, 1);
}

static void
text_smaller_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  CfApplication *self = user_data;

  cf_text_scale_step (self->text_scale, -1);
}

static void
text_reset_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  CfApplication *self = user_data;

  cf_text_scale_set_percent (self->text_scale, CF_TEXT_SCALE_NORMAL);
}

static void
cf_application_init (CfApplication *self)
{
  static const GActionEntry app_actions[] = {
    { "quit", quit_activated },
    { "preferences", preferences_activated },
    { "help", help_activated },
    { "about", about_activated },
    { "text-larger", text_larger_activated },
    { "text-smaller", text_smaller_activated },
    { "text-reset", text_reset_activated },
  };
  static const GOptionEntry options[] = {
    { "profile", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the profile in this folder"), N_("DIR") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
}

CfApplication *
cf_application_new (void)
{
  return g_object_new (CF_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/carefield/Carefield",
                       NULL);
}

CfContext *
cf_application_get_context (CfApplication *self)
{
  g_return_val_if_fail (CF_IS_APPLICATION (self), NULL);

  return self->context;
}

/**
 * cf_application_get_text_scale:
 *
 * Returns: (transfer none) (nullable): the text size every window follows, once started
 */
CfTextScale *
cf_application_get_text_scale (CfApplication *self)
{
  g_return_val_if_fail (CF_IS_APPLICATION (self), NULL);

  return self->text_scale;
}

const char *
cf_application_get_profile_dir (CfApplication *self)
{
  g_return_val_if_fail (CF_IS_APPLICATION (self), NULL);

  return self->profile_dir;
}
