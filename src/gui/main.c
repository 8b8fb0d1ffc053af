/* main.c: carefield
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cf-application.h"
#include "cf-interface-language.h"
#include "cf-language.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(CfApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;

  setlocale (LC_ALL, "");
  /* The language chosen in Preferences, before a word is translated; GTK must not set the
   * locale again when it starts, or a "C" locale would hide the choice from gettext. */
  settings = cf_context_dup_default_settings ();
  cf_interface_language_apply (settings);
  gtk_disable_setlocale ();
  cf_language_bind_domain ();
  textdomain (GETTEXT_PACKAGE);

  app = cf_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
