/* cf-preferences-window.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-preferences-window.h"

struct _CfPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GtkWidget            *auto_lock_row;
  GtkWidget            *auto_lock_spin;
  GtkWidget            *first_contact_row;
  GtkWidget            *first_contact_spin;
  AdwActionRow         *profile_row;
};

G_DEFINE_FINAL_TYPE (CfPreferencesWindow, cf_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
cf_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CF_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (cf_preferences_window_parent_class)->dispose (object);
}

static void
cf_preferences_window_class_init (CfPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/preferences/cf-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, auto_lock_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, auto_lock_spin);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, first_contact_row);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, first_contact_spin);
  gtk_widget_class_bind_template_child (widget_class, CfPreferencesWindow, profile_row);
}

static void
cf_preferences_window_init (CfPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cf_preferences_window_new:
 * @profile_dir: the folder holding the encrypted profile, shown so IT staff can find it
 */
CfPreferencesWindow *
cf_preferences_window_new (CfContext  *context,
                           const char *profile_dir)
{
  CfPreferencesWindow *self;
  GSettings *settings;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  self = g_object_new (CF_TYPE_PREFERENCES_WINDOW, NULL);
  settings = cf_context_get_settings (context);

  if (settings != NULL)
    {
      g_settings_bind (settings, "auto-lock-minutes", self->auto_lock_spin, "value",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "first-contact-working-days", self->first_contact_spin,
                       "value", G_SETTINGS_BIND_DEFAULT);
    }
  else
    {
      /* Without the installed schema there is nowhere to keep a change: say so, don't pretend. */
      gtk_widget_set_sensitive (self->auto_lock_row, FALSE);
      gtk_widget_set_sensitive (self->first_contact_row, FALSE);
    }

  adw_action_row_set_subtitle (self->profile_row, profile_dir);

  return self;
}
