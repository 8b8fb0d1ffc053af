/* main.c: carefield-server
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base sync server arrives with the sync work (DESIGN.md, "Server"). Until then this
 * program links the shared library, reports its version and wire format, and says plainly
 * that it cannot serve yet, rather than pretending to.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cf-store.h"
#include "cf-wire.h"

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  textdomain (GETTEXT_PACKAGE);

  if (argc == 2 && g_str_equal (argv[1], "--version"))
    {
      g_print ("carefield-server %s (schema %d, wire format %d)\n",
               PACKAGE_VERSION, CF_STORE_SCHEMA_VERSION, CF_WIRE_FORMAT_VERSION);
      return 0;
    }

  g_printerr ("carefield-server: %s\n",
              _("the sync server is not part of this version yet; only --version works."));
  return argc == 2 && g_str_equal (argv[1], "--help") ? 0 : 2;
}
