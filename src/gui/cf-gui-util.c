/* cf-gui-util.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "carefield-resources.h"
#include "cf-gui-util.h"

/**
 * cf_choice_list_new:
 *
 * Returns: (transfer full): the choices' translated labels for a combo row, after a first
 *   "Not recorded" entry: position 0 is no choice, position i + 1 is @choices[i]
 */
GtkStringList *
cf_choice_list_new (const CfChoice *choices)
{
  /* Translators: shown in a list of choices when none has been chosen yet */
  return cf_choice_list_new_with_none (choices, _("Not recorded"));
}

/**
 * cf_choice_list_new_with_none:
 * @none_label: the words for no choice, such as “Not answered”
 *
 * Returns: (transfer full): like cf_choice_list_new(), with @none_label at position 0
 */
GtkStringList *
cf_choice_list_new_with_none (const CfChoice *choices,
                              const char     *none_label)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  g_return_val_if_fail (choices != NULL, model);
  g_return_val_if_fail (none_label != NULL, model);

  gtk_string_list_append (model, none_label);
  for (guint i = 0; choices[i].id != NULL; i++)
    gtk_string_list_append (model, _(choices[i].label));

  return model;
}

/* Once per process: registering the same static resource twice links GLib's list of them into
 * a loop. The application and the tests both call this. */
void
cf_gui_register_resources (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      carefield_register_resource ();
      g_once_init_leave (&registered, 1);
    }
}

static GtkWidget *
find_list_box (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_BOX (child))
        return child;
      if ((found = find_list_box (child)) != NULL)
        return found;
    }

  return NULL;
}

/**
 * cf_preferences_group_name_list:
 * @name: what a screen reader calls the group's list of rows
 *
 * libadwaita 1.2 names a preferences group's list of rows by the group's title, so the list of
 * a group without a title (rows that follow on from the group above them) has no accessible
 * name: a screen reader entering it says only “list”. This gives it @name.
 */
void
cf_preferences_group_name_list (AdwPreferencesGroup *group,
                                const char          *name)
{
  GtkWidget *list;

  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));
  g_return_if_fail (name != NULL);

  list = find_list_box (GTK_WIDGET (group));
  g_return_if_fail (list != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/**
 * cf_drop_down_label_button:
 * @label: the label that names @drop_down
 *
 * GTK 4.8 gives a drop-down's accessible name to the drop-down only, not to the toggle button
 * inside it, which is what takes the keyboard focus: a screen reader says only “toggle
 * button”. This names the button by @label too.
 */
void
cf_drop_down_label_button (GtkDropDown *drop_down,
                           GtkWidget   *label)
{
  GtkWidget *button;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (GTK_IS_LABEL (label));

  button = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
  while (button != NULL && !GTK_IS_TOGGLE_BUTTON (button))
    button = gtk_widget_get_next_sibling (button);
  g_return_if_fail (button != NULL);

  gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
}
