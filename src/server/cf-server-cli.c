/* cf-server-cli.c: carefield-server's command line
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "Server" and "Command-line contract": init, user, device, audit and serve over a
 * data folder; human text by default, JSON with --json; exit 0 on success, 1 on failure with a
 * one-line message on stderr, 2 on bad usage.
 */

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "cf-server-cli.h"
#include "cf-server-http.h"
#include "cf-server-sqlite.h"
#include "cf-terminal.h"
#include "cf-wire.h"
#include "cf-language.h"

#define EXIT_USAGE 2
#define DEFAULT_PORT 8443

typedef struct
{
  char     *data;
  gboolean  json;
  gboolean  version;
  char     *role;
  char     *carer;
  char     *record;
  char     *user;
  int       limit;
  char     *address;
  int       port;
  char     *tls_cert;
  char     *tls_key;
  gboolean  insecure_http;
  char    **rest;
} Cli;

static void
cli_clear (Cli *cli)
{
  g_free (cli->data);
  g_free (cli->role);
  g_free (cli->carer);
  g_free (cli->record);
  g_free (cli->user);
  g_free (cli->address);
  g_free (cli->tls_cert);
  g_free (cli->tls_key);
  g_strfreev (cli->rest);
}

static int
fail (GError *error)
{
  g_printerr ("carefield-server: %s\n", error->message);
  return EXIT_FAILURE;
}

static int
usage (const char *message)
{
  g_printerr ("carefield-server: %s\n", message);
  g_printerr ("%s\n", _("Try “carefield-server --help”."));
  return EXIT_USAGE;
}

static guint
n_args (Cli *cli)
{
  return cli->rest != NULL ? g_strv_length (cli->rest) : 0;
}

static void
print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static CfServerStore *
open_store (Cli     *cli,
            GError **error)
{
  return CF_SERVER_STORE (cf_server_sqlite_open_dir (cli->data, error));
}

static void
wipe_string (char *text)
{
  if (text != NULL)
    sodium_memzero (text, strlen (text));
  g_free (text);
}

static char *
get_new_password (GError **error)
{
  const char *from_env = g_getenv ("CAREFIELD_SERVER_PASSWORD");
  char *first;
  char *second;
  gboolean same;

  if (from_env != NULL)
    return g_strdup (from_env);

  first = cf_terminal_read_secret (_("Password for the new user: "));
  if (first == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("No password: set CAREFIELD_SERVER_PASSWORD or run in a "
                             "terminal."));
      return NULL;
    }

  second = cf_terminal_read_secret (_("The same password again: "));
  same = g_strcmp0 (first, second) == 0;
  wipe_string (second);
  if (!same)
    {
      wipe_string (first);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The two passwords are not the same."));
      return NULL;
    }

  return first;
}

static int
command_init (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfServerSqlite) store = NULL;

  if (n_args (cli) != 0)
    return usage (_("init takes no arguments, only --data DIR."));

  if ((store = cf_server_sqlite_create_dir (cli->data, &error)) == NULL)
    return fail (error);

  /* Translators: %s is a folder */
  g_print (_("Made a new server in %s. Add the first user with “carefield-server user add”.\n"),
           cli->data);
  return EXIT_SUCCESS;
}

static int
command_user_add (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfServerStore) store = NULL;
  g_autoptr(CfServerUser) user = NULL;
  char *password;

  if (n_args (cli) != 2)
    return usage (_("user add takes one user name: user add NAME --role ROLE [--carer ID]."));
  if (cli->role == NULL)
    return usage (_("user add needs --role: worker, coordinator, carer or admin."));
  if (!cf_server_role_is_valid (cli->role))
    return usage (_("--role is worker, coordinator, carer or admin."));
  if (g_str_equal (cli->role, CF_SERVER_ROLE_CARER) != (cli->carer != NULL))
    return usage (_("--carer ID is needed for a carer account, and only for one."));

  if ((store = open_store (cli, &error)) == NULL)
    return fail (error);

  if ((password = get_new_password (&error)) == NULL)
    return fail (error);

  user = cf_server_store_add_user (store, cli->rest[1], cli->role, cli->carer, password, &error);
  wipe_string (password);
  if (user == NULL)
    return fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, user->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, user->name);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, user->role);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      print_json (root);
      return EXIT_SUCCESS;
    }

  /* Translators: %1$s is a user name, %2$s a role such as “worker” */
  g_print (_("Added %1$s as %2$s\n"), user->name, user->role);
  return EXIT_SUCCESS;
}

static int
command_user_list (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfServerStore) store = NULL;
  g_autoptr(GPtrArray) users = NULL;

  if (n_args (cli) != 1)
    return usage (_("user list takes no arguments."));

  if ((store = open_store (cli, &error)) == NULL ||
      (users = cf_server_store_list_users (store, &error)) == NULL)
    return fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < users->len; i++)
        {
          CfServerUser *user = g_ptr_array_index (users, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, user->id);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, user->name);
          json_builder_set_member_name (builder, "role");
          json_builder_add_string_value (builder, user->role);
          json_builder_set_member_name (builder, "carer_id");
          json_builder_add_string_value (builder, user->carer_id);
          json_builder_set_member_name (builder, "created_at");
          json_builder_add_string_value (builder, user->created_at);
          json_builder_set_member_name (builder, "disabled");
          json_builder_add_boolean_value (builder, user->disabled);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      print_json (root);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < users->len; i++)
    {
      CfServerUser *user = g_ptr_array_index (users, i);

      g_print ("%-24s %-12s %-12s %s\n", user->name, user->role, user->carer_id,
               user->disabled ? _("disabled") : "");
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u user\n", "%u users\n", users->len), users->len);
  return EXIT_SUCCESS;
}

static int
command_user_disable (Cli      *cli,
                      gboolean  disabled)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfServerStore) store = NULL;

  if (n_args (cli) != 2)
    return usage (disabled ? _("user disable takes one user name.")
                           : _("user enable takes one user name."));

  if ((store = open_store (cli, &error)) == NULL ||
      !cf_server_store_set_user_disabled (store, cli->rest[1], disabled, &error))
    return fail (error);

  if (disabled)
    /* Translators: %s is a user name */
    g_print (_("Disabled %s: they can no longer sign in or sync.\n"), cli->rest[1]);
  else
    /* Translators: %s is a user name */
    g_print (_("Enabled %s.\n"), cli->rest[1]);
  return EXIT_SUCCESS;
}

static int
command_device_list (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfServerStore) store = NULL;
  g_autoptr(GPtrArray) devices = NULL;

  if (n_args (cli) != 1)
    return usage (_("device list takes no arguments."));

  if ((store = open_store (cli, &error)) == NULL ||
      (devices = cf_server_store_list_devices (store, &error)) == NULL)
    return fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < devices->len; i++)
        {
          CfServerDevice *device = g_ptr_array_index (devices, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, device->id);
          json_builder_set_member_name (builder, "user_id");
          json_builder_add_int_value (builder, device->user_id);
          json_builder_set_member_name (builder, "user");
          json_builder_add_string_value (builder, device->user_name);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, device->name);
          json_builder_set_member_name (builder, "created_at");
          json_builder_add_string_value (builder, device->created_at);
          json_builder_set_member_name (builder, "last_seen_at");
          json_builder_add_string_value (builder, device->last_seen_at);
          json_builder_set_member_name (builder, "revoked_at");
          json_builder_add_string_value (builder, device->revoked_at);
          json_builder_set_member_name (builder, "revoked");
          json_builder_add_boolean_value (builder, cf_server_device_is_revoked (device));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      print_json (root);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < devices->len; i++)
    {
      CfServerDevice *device = g_ptr_array_index (devices, i);
      const char *state;

      if (cf_server_device_is_revoked (device))
        state = _("revoked");
      else if (*device->last_seen_at == '\0')
        state = _("never used");
      else
        state = device->last_seen_at;

      g_print ("%-5" G_GINT64_FORMAT " %-20s %-24s %s\n", device->id, device->user_name,
               device->name, state);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u device\n", "%u devices\n", devices->len),
           devices->len);
  return EXIT_SUCCESS;
}

static int
command_device_revoke (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfServerStore) store = NULL;
  gint64 id = 0;

  if (n_args (cli) != 2 || !g_ascii_string_to_signed (cli->rest[1], 10, 1, G_MAXINT64, &id,
                                                      NULL))
    return usage (_("device revoke takes one device number, as “device list” shows it."));

  if ((store = open_store (cli, &error)) == NULL ||
      !cf_server_store_revoke_device (store, id, &error))
    return fail (error);

  /* Translators: %lld is a device's number */
  g_print (_("Revoked device %lld. It will wipe its data the next time it syncs.\n"),
           (long long) id);
  return EXIT_SUCCESS;
}

static int
command_audit_list (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfServerStore) store = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  if (n_args (cli) != 1)
    return usage (_("audit list takes no arguments, only --record ID, --user NAME and "
                    "--limit N."));
  if (cli->limit == 0 || cli->limit < -1)
    return usage (_("--limit is a number of entries, 1 or more."));

  if ((store = open_store (cli, &error)) == NULL ||
      (entries = cf_server_store_list_audit (store, cli->record, cli->user,
                                             cli->limit > 0 ? (guint) cli->limit : 0,
                                             &error)) == NULL)
    return fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < entries->len; i++)
        {
          CfServerAuditEntry *entry = g_ptr_array_index (entries, i);
          const struct { const char *name; const char *value; } texts[] = {
            { "id", entry->id },
            { "received_at", entry->received_at },
            { "server_user", entry->server_user },
            { "at", entry->at },
            { "user_name", entry->user_name },
            { "laptop_device", entry->laptop_device },
            { "action", entry->action },
            { "entity", entry->entity },
            { "record_id", entry->record_id },
            { "detail", entry->detail },
          };

          json_builder_begin_object (builder);
          for (guint j = 0; j < G_N_ELEMENTS (texts); j++)
            {
              json_builder_set_member_name (builder, texts[j].name);
              json_builder_add_string_value (builder, texts[j].value);
            }
          json_builder_set_member_name (builder, "device_id");
          json_builder_add_int_value (builder, entry->device_id);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      print_json (root);
      return EXIT_SUCCESS;
    }

  /* One line each, in the order things happened: when, which server account sent it, who
   * the laptop says did it, what, to what. The detail and ids are in --json. */
  for (guint i = 0; i < entries->len; i++)
    {
      CfServerAuditEntry *entry = g_ptr_array_index (entries, i);

      g_print ("%-20s %-20s %-24s %-8s %-20s %s\n", entry->at, entry->server_user,
               entry->user_name, entry->action, entry->entity, entry->record_id);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%u entry\n", "%u entries\n", entries->len),
           entries->len);
  return EXIT_SUCCESS;
}

static gboolean
quit_on_signal (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static int
command_serve (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfServerStore) store = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(CfServerHttp) http = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *uri = NULL;
  guint sigint_id, sigterm_id;
  int port = cli->port < 0 ? DEFAULT_PORT : cli->port;

  if (n_args (cli) != 0)
    return usage (_("serve takes no arguments, only options."));
  if (port > 65535)
    return usage (_("--port is a number from 0 to 65535; 0 lets the system choose."));
  if ((cli->tls_cert == NULL) != (cli->tls_key == NULL))
    return usage (_("--tls-cert and --tls-key go together."));
  if (cli->tls_cert != NULL && cli->insecure_http)
    return usage (_("Choose either --tls-cert and --tls-key, or --insecure-http."));
  if (cli->tls_cert == NULL && !cli->insecure_http)
    return usage (_("serve needs --tls-cert FILE and --tls-key FILE, or --insecure-http to "
                    "serve without encryption (for tests on one machine only)."));

  if (cli->tls_cert != NULL &&
      (certificate = g_tls_certificate_new_from_files (cli->tls_cert, cli->tls_key,
                                                       &error)) == NULL)
    {
      g_prefix_error (&error, _("Could not load the TLS certificate: "));
      return fail (error);
    }

  if ((store = open_store (cli, &error)) == NULL)
    return fail (error);

  /* Whatever G_DEBUG says, a warning is not a reason to stop serving: libsoup 3.2 warns (from
   * GObject) about some malformed requests, such as a negative Content-Length, and no bytes
   * a client sends may take the server down. Warnings still reach the log. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);

  http = cf_server_http_new (store, certificate);
  if (!cf_server_http_listen (http, cli->address ? cli->address : "127.0.0.1", port, &error))
    {
      if (g_error_matches (error, CF_SERVER_HTTP_ERROR, CF_SERVER_HTTP_ERROR_ADDRESS))
        return usage (error->message);
      return fail (error);
    }

  uri = cf_server_http_dup_uri (http);
  /* The first line of stdout is the address, with the real port for --port 0: tests and
   * scripts read it. */
  g_print ("listening on %s\n", uri);
  fflush (stdout);

  if (cli->insecure_http)
    g_printerr ("carefield-server: %s\n",
                _("warning: serving plain HTTP because of --insecure-http. Passwords, tokens "
                  "and records cross the network unencrypted. Never use it beyond this "
                  "machine."));

  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, quit_on_signal, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_on_signal, loop);
  g_main_loop_run (loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  cf_server_http_wait_idle (http);
  return EXIT_SUCCESS;
}

int
cf_server_cli_run (int    argc,
                   char **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  Cli cli = { .port = -1, .limit = -1 };
  g_autofree char *command = NULL;
  const char *sub;
  int status;
  GOptionEntry entries[] = {
    { "data", 'd', 0, G_OPTION_ARG_FILENAME, &cli.data,
      N_("The server’s data folder"), N_("DIR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli.json, N_("Print JSON"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &cli.version, N_("Print the version"), NULL },
    { "role", 0, 0, G_OPTION_ARG_STRING, &cli.role,
      N_("user add: worker, coordinator, carer or admin"), N_("ROLE") },
    { "carer", 0, 0, G_OPTION_ARG_STRING, &cli.carer,
      N_("user add: the carer a carer account belongs to"), N_("ID") },
    { "record", 0, 0, G_OPTION_ARG_STRING, &cli.record,
      N_("audit list: only the entries about this record"), N_("ID") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &cli.user,
      N_("audit list: only the entries this server user’s devices sent"), N_("NAME") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &cli.limit,
      N_("audit list: only the newest N entries"), "N" },
    { "address", 0, 0, G_OPTION_ARG_STRING, &cli.address,
      N_("serve: the IP address to listen on (default 127.0.0.1)"), N_("ADDRESS") },
    { "port", 0, 0, G_OPTION_ARG_INT, &cli.port,
      N_("serve: the port (default 8443; 0 lets the system choose)"), "N" },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &cli.tls_cert,
      N_("serve: the TLS certificate, in PEM"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &cli.tls_key,
      N_("serve: the TLS private key, in PEM"), N_("FILE") },
    { "insecure-http", 0, 0, G_OPTION_ARG_NONE, &cli.insecure_http,
      N_("serve: plain HTTP, without encryption, for tests on one machine"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &cli.rest, NULL, NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  cf_language_bind_domain ();
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [ARGUMENTS] — the Carefield sync server"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Commands, each with --data DIR:\n"
                                      "  init                          make a new server\n"
                                      "  user add NAME --role ROLE     add a user (--carer ID "
                                      "for a carer)\n"
                                      "  user list                     list the users\n"
                                      "  user disable NAME             stop a user signing in\n"
                                      "  user enable NAME              let them again\n"
                                      "  device list                   list signed-in devices\n"
                                      "  device revoke ID              withdraw a device’s "
                                      "access\n"
                                      "  audit list [--record ID] [--user NAME] [--limit N]\n"
                                      "                                the audit trail the "
                                      "laptops sent\n"
                                      "  serve --address ADDR --port N (--tls-cert FILE "
                                      "--tls-key FILE | --insecure-http)\n"
                                      "\n"
                                      "A new user’s password is read from "
                                      "CAREFIELD_SERVER_PASSWORD, or asked for in a terminal."));

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      status = usage (error->message);
      cli_clear (&cli);
      return status;
    }

  if (cli.version)
    {
      g_print ("carefield-server %s (server schema %d, wire format %d)\n", PACKAGE_VERSION,
               CF_SERVER_SQLITE_SCHEMA_VERSION, CF_WIRE_FORMAT_VERSION);
      cli_clear (&cli);
      return EXIT_SUCCESS;
    }

  if (cli.rest == NULL || cli.rest[0] == NULL)
    {
      status = usage (_("Say what to do: init, user, device, audit or serve."));
      cli_clear (&cli);
      return status;
    }

  command = g_strdup (cli.rest[0]);
  if (!g_str_equal (command, "init") && !g_str_equal (command, "user") &&
      !g_str_equal (command, "device") && !g_str_equal (command, "audit") &&
      !g_str_equal (command, "serve"))
    {
      g_autofree char *message =
        /* Translators: %s is what the user typed as a command */
        g_strdup_printf (_("“%s” is not a command: use init, user, device, audit or serve."),
                         command);

      status = usage (message);
      cli_clear (&cli);
      return status;
    }

  if (cli.data == NULL)
    {
      status = usage (_("Say which data folder with --data DIR."));
      cli_clear (&cli);
      return status;
    }

  /* From here on cli.rest holds the command's own arguments ("user", "device" and "audit"
   * keep their sub-command first). */
  {
    char **own = g_strdupv (cli.rest + 1);

    g_strfreev (cli.rest);
    cli.rest = own;
  }
  sub = cli.rest[0];

  if (g_str_equal (command, "init"))
    status = command_init (&cli);
  else if (g_str_equal (command, "serve"))
    status = command_serve (&cli);
  else if (g_str_equal (command, "user") && g_strcmp0 (sub, "add") == 0)
    status = command_user_add (&cli);
  else if (g_str_equal (command, "user") && g_strcmp0 (sub, "list") == 0)
    status = command_user_list (&cli);
  else if (g_str_equal (command, "user") && g_strcmp0 (sub, "disable") == 0)
    status = command_user_disable (&cli, TRUE);
  else if (g_str_equal (command, "user") && g_strcmp0 (sub, "enable") == 0)
    status = command_user_disable (&cli, FALSE);
  else if (g_str_equal (command, "device") && g_strcmp0 (sub, "list") == 0)
    status = command_device_list (&cli);
  else if (g_str_equal (command, "device") && g_strcmp0 (sub, "revoke") == 0)
    status = command_device_revoke (&cli);
  else if (g_str_equal (command, "audit") && g_strcmp0 (sub, "list") == 0)
    status = command_audit_list (&cli);
  else if (g_str_equal (command, "user"))
    status = usage (_("user takes add, list, disable or enable."));
  else if (g_str_equal (command, "audit"))
    status = usage (_("audit takes list."));
  else
    status = usage (_("device takes list or revoke."));

  cli_clear (&cli);
  return status;
}
