/* cf-test-gui.h: the common start of every GUI test
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * G_TEST_OPTION_ISOLATE_DIRS also hides the system's data folders, where GTK finds the MIME
 * database it needs to load icons. GUI tests instead give the whole process fresh, empty user
 * folders (so no test reads or writes a real profile) and keep the system's.
 */

#pragma once

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "cf-gui-util.h"

static inline void
cf_test_gui_init (int    *argc,
                  char ***argv)
{
  static const char *variables[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *root = g_dir_make_tmp ("carefield-gui-test-XXXXXX", &error);

  g_assert_no_error (error);
  g_setenv ("HOME", root, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (variables); i++)
    {
      g_autofree char *dir = g_build_filename (root, variables[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (variables[i], dir, TRUE);
    }

  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
  cf_gui_register_resources ();
}
