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
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cf-gui-util.h"

/* Runs the main loop until @done says so, failing the test after @timeout_ms. */
static inline void
cf_test_spin_until (gboolean (*done) (gpointer),
                    gpointer   data,
                    guint      timeout_ms)
{
  gint64 until = g_get_monotonic_time () + timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () > until)
        g_error ("timed out waiting");
      g_main_context_iteration (NULL, FALSE);
    }
}

/* Does any label or text field anywhere in @root, shown or not, hold @text? */
static inline gboolean
cf_test_holds_text (GtkWidget  *root,
                    const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (GTK_IS_EDITABLE (child) &&
          strstr (gtk_editable_get_text (GTK_EDITABLE (child)), text) != NULL)
        return TRUE;
      if (cf_test_holds_text (child, text))
        return TRUE;
    }

  return FALSE;
}

/* Lets the main loop run for @ms milliseconds: timeouts, idles and redraws happen. */
static inline void
cf_test_spin (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* The first preferences row (entry, combo, action row…) under @root titled @title. */
static inline GtkWidget *
cf_test_find_row (GtkWidget  *root,
                  const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_PREFERENCES_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = cf_test_find_row (child, title)) != NULL)
        return found;
    }

  return NULL;
}

/* The first button under @root whose label is @label, as written (mnemonics included). */
static inline GtkWidget *
cf_test_find_button (GtkWidget  *root,
                     const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = cf_test_find_button (child, label)) != NULL)
        return found;
    }

  return NULL;
}

/* The first widget of @type (or a subtype) under @root. */
static inline GtkWidget *
cf_test_find_type (GtkWidget *root,
                   GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = cf_test_find_type (child, type)) != NULL)
        return found;
    }

  return NULL;
}

/* Runs one of poppler-utils' tools (from build-aux/install-deps) with arguments ending in
 * NULL, and returns what it printed; fails the test if it can't run or fails. */
static inline char *
cf_test_run_tool (const char *name,
                  ...)
{
  g_autofree char *program = g_find_program_in_path (name);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *standard_error = NULL;
  char *standard_output = NULL;
  const char *arg;
  int status;
  va_list args;

  if (program == NULL)
    g_error ("%s is not installed: build-aux/install-deps installs it (poppler-utils)", name);

  g_ptr_array_add (argv, program);
  va_start (args, name);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &standard_output, &standard_error, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", name, error->message, standard_error);

  return standard_output;
}

/* The text of a PDF, as a person would read it. */
static inline char *
cf_test_pdf_text (const char *path)
{
  return cf_test_run_tool ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
}

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
