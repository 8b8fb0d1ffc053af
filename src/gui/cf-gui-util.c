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
