/* cf-cli-sync.c: carefield-cli login and sync
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same CfSyncClient the window uses, driven to the end of one login or one sync with a
 * main loop of our own.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "cf-cli-private.h"
#include "cf-profile.h"
#include "cf-sync-client.h"
#include "cf-terminal.h"

typedef struct
{
  GMainLoop     *loop;
  CfSyncClient  *client;
  CfSyncSummary *summary;
  GError        *error;
  gboolean       revoked;
  gboolean       tty;
  gboolean       line_open;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->loop, g_main_loop_unref);
  g_clear_object (&run->client);
  g_clear_pointer (&run->summary, cf_sync_summary_free);
  g_clear_error (&run->error);
}

static void
end_progress_line (Run *run)
{
  if (run->line_open)
    g_printerr ("\n");
  run->line_open = FALSE;
}

static void
on_progress (CfSyncClient *client,
             CfSyncPhase   phase,
             guint         done,
             guint         total,
             Run          *run)
{
  g_autofree char *line = NULL;

  if (phase == CF_SYNC_PHASE_PUSH)
    {
      if (total == 0)
        return;
      /* Translators: progress of sending changes to the server: done of total */
      line = g_strdup_printf (_("Sending changes: %u of %u"), done, total);
    }
  else
    {
      /* Translators: progress of receiving records from the server */
      line = g_strdup_printf (_("Receiving changes: %u records"), done);
    }

  /* In a terminal, one line rewritten in place; in a log, a line per step. */
  if (run->tty)
    {
      g_printerr ("\r%s\033[K", line);
      run->line_open = TRUE;
    }
  else
    {
      g_printerr ("%s\n", line);
    }
}

static void
on_revoked (CfSyncClient *client,
            Run          *run)
{
  run->revoked = TRUE;
}

static void
login_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Run *run = user_data;

  cf_sync_client_login_finish (CF_SYNC_CLIENT (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
sync_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Run *run = user_data;

  run->summary = cf_sync_client_sync_finish (CF_SYNC_CLIENT (source), result, &run->error);
  g_main_loop_quit (run->loop);
}

static char *
get_server_password (const char  *user,
                     GError     **error)
{
  const char *from_env = g_getenv ("CAREFIELD_SERVER_PASSWORD");
  g_autofree char *prompt = NULL;
  char *password;

  if (from_env != NULL)
    return g_strdup (from_env);

  /* Translators: %s is the user name on the sync server */
  prompt = g_strdup_printf (_("Password for %s on the server: "), user);
  password = cf_terminal_read_secret (prompt);
  if (password == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("No password: set CAREFIELD_SERVER_PASSWORD or run in a terminal."));
  return password;
}

/**
 * cf_cli_login:
 *
 * `carefield-cli login URL USER`: signs this profile in; the device token is kept in the
 * encrypted store and the password is never stored.
 */
int
cf_cli_login (CfStore    *store,
              const char *server_url,
              const char *user,
              gboolean    json)
{
  Run run = { 0 };
  g_autofree char *password = NULL;
  int status;

  if ((password = get_server_password (user, &run.error)) == NULL)
    {
      g_printerr ("carefield-cli: %s\n", run.error->message);
      run_clear (&run);
      return EXIT_FAILURE;
    }

  run.loop = g_main_loop_new (NULL, FALSE);
  run.client = cf_sync_client_new (store);
  cf_sync_client_login_async (run.client, server_url, user, password, NULL, NULL,
                              login_done, &run);
  g_main_loop_run (run.loop);
  memset (password, 0, strlen (password));

  if (run.error != NULL)
    {
      g_printerr ("carefield-cli: %s\n", run.error->message);
      status = EXIT_FAILURE;
    }
  else if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "server");
      json_builder_add_string_value (builder, cf_sync_client_get_server_url (run.client));
      json_builder_set_member_name (builder, "user");
      json_builder_add_string_value (builder, cf_sync_client_get_user (run.client));
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, cf_sync_client_get_role (run.client));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      cf_cli_print_json (root);
      status = EXIT_SUCCESS;
    }
  else
    {
      /* Translators: the first %s is a user name, the second a server address */
      g_print (_("Signed in as %s at %s\n"), cf_sync_client_get_user (run.client),
               cf_sync_client_get_server_url (run.client));
      status = EXIT_SUCCESS;
    }

  run_clear (&run);
  return status;
}

static void
print_summary_json (const CfSyncSummary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const struct { const char *name; guint value; } counts[] = {
    { "pushed", summary->pushed },
    { "merged", summary->merged },
    { "conflicts", summary->conflicts },
    { "errors", summary->errors },
    { "pulled", summary->pulled },
    { "removed", summary->removed },
    { "audited", summary->audited },
  };

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      json_builder_set_member_name (builder, counts[i].name);
      json_builder_add_int_value (builder, counts[i].value);
    }
  json_builder_set_member_name (builder, "bytes_sent");
  json_builder_add_int_value (builder, (gint64) summary->bytes_sent);
  json_builder_set_member_name (builder, "bytes_received");
  json_builder_add_int_value (builder, (gint64) summary->bytes_received);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  cf_cli_print_json (root);
}

/**
 * cf_cli_sync:
 * @store: (transfer full): the profile's store; closed here if the device was revoked
 *
 * `carefield-cli sync`: one push and pull, with a progress line on stderr and a summary. A
 * revoked device wipes the profile (DESIGN.md, "Lost laptop").
 */
int
cf_cli_sync (CfStore    *store,
             const char *profile_dir,
             gboolean    json)
{
  Run run = { 0 };
  int status = EXIT_SUCCESS;

  run.loop = g_main_loop_new (NULL, FALSE);
  run.client = cf_sync_client_new (store);
  run.tty = isatty (STDERR_FILENO);
  g_signal_connect (run.client, "progress", G_CALLBACK (on_progress), &run);
  g_signal_connect (run.client, "revoked", G_CALLBACK (on_revoked), &run);

  cf_sync_client_sync_async (run.client, NULL, sync_done, &run);
  g_main_loop_run (run.loop);
  end_progress_line (&run);

  if (run.revoked)
    {
      g_autoptr(GError) error = NULL;

      g_clear_object (&run.client);
      if (!cf_store_close (store, &error) || !cf_profile_wipe (profile_dir, &error))
        {
          g_printerr ("carefield-cli: %s %s\n", run.error->message, error->message);
          run_clear (&run);
          g_object_unref (store);
          return EXIT_FAILURE;
        }

      g_printerr ("carefield-cli: %s %s\n", run.error->message,
                  _("The Carefield data on this computer has been deleted."));
      run_clear (&run);
      g_object_unref (store);
      return EXIT_FAILURE;
    }

  if (run.error != NULL)
    {
      g_printerr ("carefield-cli: %s\n", run.error->message);
      status = EXIT_FAILURE;
    }
  else if (json)
    {
      print_summary_json (run.summary);
    }
  else
    {
      g_autofree char *line = cf_sync_summary_describe (run.summary);

      /* Translators: %s is the summary of a sync: pushed 3, merged 0, … */
      g_print (_("Synced: %s\n"), line);
    }

  run_clear (&run);
  g_object_unref (store);
  return status;
}
