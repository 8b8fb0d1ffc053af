/* cf-test-server.h: the real carefield-server for the sync tests, started from the built
 * binary ($CAREFIELD_SERVER) on 127.0.0.1
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#define CF_TEST_SERVER_PASSWORD "correct horse battery"

typedef struct
{
  GSubprocess *process;
  gboolean     own_data_dir;
  char        *data_dir;
  char        *base;      /* http://127.0.0.1:PORT */
  guint        port;
  char        *log_path;
} CfTestServer;

/* Runs `carefield-server ARGS…` to completion and asserts it succeeded; the password for
 * `user add` comes from its environment variable. Returns its standard output. */
static inline char *
cf_test_server_cli (const char *first_arg,
                    ...)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CAREFIELD_SERVER"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "CAREFIELD_SERVER_PASSWORD", CF_TEST_SERVER_PASSWORD,
                                TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  return out;
}

/* A new data folder with the server initialised in it. */
static inline void
cf_test_server_init (CfTestServer *self,
                     const char   *data_dir)
{
  g_autofree char *out = NULL;

  self->data_dir = g_strdup (data_dir);
  out = cf_test_server_cli ("init", "--data", data_dir, NULL);
}

static inline void
cf_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        cf_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* A data folder of its own in the temporary folder, initialised, removed again by
 * cf_test_server_clear(): for a server made in main(), before GTest isolates each test's
 * folders. */
static inline void
cf_test_server_init_temp (CfTestServer *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("carefield-server-XXXXXX", &error);

  g_assert_no_error (error);
  cf_test_server_init (self, dir);
  self->own_data_dir = TRUE;
}

static inline void
cf_test_server_add_user (CfTestServer *self,
                         const char   *name,
                         const char   *role,
                         const char   *carer_id)
{
  g_autofree char *out = NULL;

  if (carer_id != NULL)
    out = cf_test_server_cli ("user", "add", name, "--role", role, "--carer", carer_id,
                              "--data", self->data_dir, NULL);
  else
    out = cf_test_server_cli ("user", "add", name, "--role", role,
                              "--data", self->data_dir, NULL);
}

/* Serves plain HTTP on 127.0.0.1: on a new port the first time, on the same port after a
 * stop, so the clients' saved address still works. */
static inline void
cf_test_server_start (CfTestServer *self)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *port = g_strdup_printf ("%u", self->port);
  const char *argv[] = {
    g_getenv ("CAREFIELD_SERVER"), "serve", "--data", self->data_dir, "--address", "127.0.0.1",
    "--port", port, "--insecure-http", NULL
  };

  if (self->log_path == NULL)
    self->log_path = g_build_filename (self->data_dir, "server.log", NULL);
  g_subprocess_launcher_set_stderr_file_path (launcher, self->log_path);

  self->process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "listening on http://127.0.0.1:"));

  g_free (self->base);
  self->base = g_strdup (line + strlen ("listening on "));
  self->port = (guint) g_ascii_strtoull (strrchr (self->base, ':') + 1, NULL, 10);
  g_assert_cmpuint (self->port, >, 0);
}

/* Stops it cleanly (SIGTERM, exit 0) or, with @kill, as a crash or power cut would. */
static inline void
cf_test_server_stop (CfTestServer *self,
                     gboolean      kill)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (self->process, kill ? SIGKILL : SIGTERM);
  g_assert_true (g_subprocess_wait (self->process, NULL, &error));
  g_assert_no_error (error);
  if (!kill)
    {
      g_assert_true (g_subprocess_get_if_exited (self->process));
      g_assert_cmpint (g_subprocess_get_exit_status (self->process), ==, 0);
    }
  g_clear_object (&self->process);
}

static inline void
cf_test_server_clear (CfTestServer *self)
{
  if (self->process != NULL)
    cf_test_server_stop (self, FALSE);
  if (self->own_data_dir)
    cf_test_remove_tree (self->data_dir);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->base, g_free);
  g_clear_pointer (&self->log_path, g_free);
}
