/* cf-cli.c: carefield-cli, the headless client on the same local store
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "Command-line contract": human text by default, JSON with --json; exit 0 on
 * success, 1 on failure with a one-line message on stderr, 2 on bad usage.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "cf-assessments.h"
#include "cf-carer-event.h"
#include "cf-carer-support.h"
#include "cf-caseload.h"
#include "cf-choices.h"
#include "cf-cli.h"
#include "cf-cli-private.h"
#include "cf-context.h"
#include "cf-dates.h"
#include "cf-demo.h"
#include "cf-profile.h"
#include "cf-reviews.h"
#include "cf-sync-client.h"
#include "cf-terminal.h"
#include "cf-wire.h"
#include "cf-language.h"

#define EXIT_USAGE 2

typedef struct
{
  char      *profile;
  gboolean   json;
  int        carers;
  int        seed;
  char      *user;
  char      *role;
  char      *search;
  char      *filter;
  char     **rest;
  CfContext *context;
} Cli;

static void
cli_clear (Cli *cli)
{
  g_free (cli->profile);
  g_free (cli->user);
  g_free (cli->role);
  g_free (cli->search);
  g_free (cli->filter);
  g_strfreev (cli->rest);
  g_clear_object (&cli->context);
}

static int
fail (GError *error)
{
  g_printerr ("carefield-cli: %s\n", error->message);
  return EXIT_FAILURE;
}

static int
usage (const char *message)
{
  g_printerr ("carefield-cli: %s\n", message);
  g_printerr ("%s\n", _("Try “carefield-cli --help”."));
  return EXIT_USAGE;
}

static char *
get_passphrase (gboolean   confirm,
                GError   **error)
{
  const char *from_env = g_getenv ("CAREFIELD_PASSPHRASE");
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (from_env != NULL)
    return g_strdup (from_env);

  first = cf_terminal_read_secret (_("Passphrase: "));
  if (first == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("No passphrase: set CAREFIELD_PASSPHRASE or run in a terminal."));
      return NULL;
    }

  if (confirm)
    {
      second = cf_terminal_read_secret (_("Passphrase again: "));
      if (g_strcmp0 (first, second) != 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The two passphrases are not the same."));
          return NULL;
        }
    }

  return g_steal_pointer (&first);
}

static CfStore *
open_profile (Cli     *cli,
              GError **error)
{
  g_autofree char *passphrase = get_passphrase (FALSE, error);

  if (passphrase == NULL)
    return NULL;

  return cf_profile_unlock (cli->profile, passphrase, cf_context_get_clock (cli->context),
                            error);
}

void
cf_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static int
command_init (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *passphrase = get_passphrase (TRUE, &error);
  g_autoptr(CfStore) store = NULL;

  if (passphrase == NULL)
    return fail (error);

  if (cli->role != NULL && !g_str_equal (cli->role, CF_ROLE_WORKER) &&
      !g_str_equal (cli->role, CF_ROLE_COORDINATOR))
    return usage (_("--role is worker or coordinator."));

  store = cf_profile_create (cli->profile, passphrase, cli->user,
                             cf_context_get_clock (cli->context), &error);
  if (store == NULL)
    return fail (error);

  if (cli->role != NULL && !cf_store_set_role (store, cli->role, &error))
    return fail (error);

  /* Translators: %s is a folder */
  g_print (_("Created an encrypted profile in %s\n"), cli->profile);
  return EXIT_SUCCESS;
}

static int
command_gen_demo (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  gint64 started;

  if (cli->carers <= 0)
    return usage (_("gen-demo needs --carers N with N at least 1."));

  if ((store = open_profile (cli, &error)) == NULL)
    return fail (error);

  started = g_get_monotonic_time ();
  if (!cf_demo_generate (store, cli->carers, cli->seed, &error))
    return fail (error);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Added %d fictional carer in %.1f s\n",
                        "Added %d fictional carers in %.1f s\n",
                        cli->carers),
           cli->carers, (g_get_monotonic_time () - started) / 1e6);
  return EXIT_SUCCESS;
}

static int
command_list (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfCaseload) caseload = NULL;
  CfCaseloadFilter filter = CF_CASELOAD_FILTER_ALL;
  guint n;

  if (cli->filter != NULL && !cf_caseload_filter_from_string (cli->filter, &filter))
    return usage (_("--filter takes one of: all, waiting, overdue, active, closed, "
                    "assessing, unsynced, conflicts."));

  if ((store = open_profile (cli, &error)) == NULL)
    return fail (error);

  caseload = cf_caseload_new (store, cf_context_get_calendar (cli->context),
                              cf_context_get_first_contact_days (cli->context));
  if (!cf_caseload_reload (caseload, &error))
    return fail (error);

  cf_caseload_set_filter (caseload, filter);
  cf_caseload_set_query (caseload, cli->search);
  cf_store_audit (store, CF_AUDIT_LIST, "carer", NULL, cli->json ? "json" : "text", NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (caseload));

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CfCaseloadItem) item = g_list_model_get_item (G_LIST_MODEL (caseload), i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, cf_caseload_item_get_id (item));
          json_builder_set_member_name (builder, "reference");
          json_builder_add_string_value (builder, cf_caseload_item_get_reference (item));
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, cf_caseload_item_get_name (item));
          json_builder_set_member_name (builder, "locality");
          json_builder_add_string_value (builder, cf_caseload_item_get_locality (item));
          json_builder_set_member_name (builder, "status");
          json_builder_add_string_value (builder, cf_caseload_item_get_status (item));
          json_builder_set_member_name (builder, "priority");
          json_builder_add_string_value (builder, cf_caseload_item_get_priority (item));
          json_builder_set_member_name (builder, "due");
          json_builder_add_string_value (builder, cf_caseload_item_get_due_text (item));
          json_builder_set_member_name (builder, "due_state");
          json_builder_add_string_value (builder, cf_caseload_item_get_due_state (item));
          json_builder_set_member_name (builder, "sync");
          json_builder_add_string_value (builder, cf_caseload_item_get_sync_mark (item));
          json_builder_set_member_name (builder, "worker");
          json_builder_add_string_value (builder, cf_caseload_item_get_worker (item));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      cf_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfCaseloadItem) item = g_list_model_get_item (G_LIST_MODEL (caseload), i);

      g_print ("%-14s %-32s %-18s %-7s %s\n",
               cf_caseload_item_get_reference (item),
               cf_caseload_item_get_name (item),
               cf_caseload_item_get_locality (item),
               cf_choices_label (cf_priorities, cf_caseload_item_get_priority (item)),
               cf_caseload_item_get_due_text (item));
    }

  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u carer\n", "%u carers\n", n), n);
  return EXIT_SUCCESS;
}

static void
print_field (const char *label,
             const char *value)
{
  cf_cli_print_field (label, value);
}

static int
command_show (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfCarer) carer = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(CfCarerSupport) support = NULL;
  g_autofree char *name = NULL;
  CfRecord *record;
  GListModel *cared_for;

  if (cli->rest == NULL || cli->rest[0] == NULL || cli->rest[1] != NULL)
    return usage (_("show takes one carer id or reference."));

  if ((store = open_profile (cli, &error)) == NULL)
    return fail (error);

  if ((carer = cf_store_load_carer (store, cli->rest[0], &error)) == NULL)
    return fail (error);

  record = CF_RECORD (carer);
  if ((events = cf_store_list_events (store, cf_record_get_id (record), &error)) == NULL)
    return fail (error);

  /* Each assessment is loaded whole, so each is audited as viewed. */
  if ((listed = cf_assessments_list (store, cf_record_get_id (record), &error)) == NULL)
    return fail (error);
  assessments = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < listed->len; i++)
    {
      CfRecord *summary = g_ptr_array_index (listed, i);
      CfAssessment *assessment = cf_assessments_load (store, cf_record_get_id (summary), &error);

      if (assessment == NULL)
        return fail (error);
      g_ptr_array_add (assessments, assessment);
    }

  if ((support = cf_carer_support_load (store, carer, &error)) == NULL)
    return fail (error);

  if (cli->json)
    {
      g_autoptr(JsonNode) node = cf_wire_carer_with_support_to_json (carer, events, assessments,
                                                                     support);

      cf_cli_print_json (node);
      return EXIT_SUCCESS;
    }

  name = cf_carer_dup_display_name (carer);
  g_print ("%s  (%s)\n", name, cf_record_get_text (record, "reference"));
  print_field (_("Status"), cf_choices_label (cf_statuses, cf_record_get_text (record, "status")));
  print_field (_("Priority"),
               cf_choices_label (cf_priorities, cf_record_get_text (record, "priority")));
  print_field (_("Priority reason"), cf_record_get_text (record, "priority_reason"));
  print_field (_("Date of birth"), cf_record_get_text (record, "date_of_birth"));
  print_field (_("Address"), cf_record_get_text (record, "address"));
  print_field (_("Postcode"), cf_record_get_text (record, "postcode"));
  print_field (_("Phone"), cf_record_get_text (record, "phone"));
  print_field (_("Email"), cf_record_get_text (record, "email"));
  print_field (_("Locality"), cf_record_get_text (record, "locality"));
  print_field (_("Preferred language"), cf_record_get_text (record, "preferred_language"));
  print_field (_("Communication needs"), cf_record_get_text (record, "communication_needs"));
  print_field (_("Referral source"),
               cf_choices_label (cf_referral_sources,
                                 cf_record_get_text (record, "referral_source")));
  print_field (_("Referral received"), cf_record_get_text (record, "referral_received_at"));
  print_field (_("Referral reason"), cf_record_get_text (record, "referral_reason"));
  print_field (_("First contact"), cf_record_get_text (record, "first_contact_at"));

  cared_for = cf_carer_get_cared_for (carer);
  for (guint i = 0; i < g_list_model_get_n_items (cared_for); i++)
    {
      g_autoptr(CfRecord) person = g_list_model_get_item (cared_for, i);
      g_autofree char *line =
        g_strdup_printf ("%s (%s)", cf_record_get_text (person, "name"),
                         cf_choices_label (cf_relationships,
                                           cf_record_get_text (person, "relationship")));

      print_field (_("Cares for"), line);
    }

  for (guint i = 0; i < events->len; i++)
    {
      CfCarerEvent *event = g_ptr_array_index (events, i);
      g_autofree char *title = cf_carer_event_dup_title (event);
      g_autofree char *line =
        g_strdup_printf ("%s  %s", cf_record_get_text (CF_RECORD (event), "occurred_at"),
                         title);

      print_field (_("History"), line);
    }

  for (guint i = 0; i < assessments->len; i++)
    {
      CfAssessment *assessment = g_ptr_array_index (assessments, i);
      CfRecord *fields = CF_RECORD (assessment);
      g_autoptr(CfEligibility) proposal = cf_assessment_evaluate (assessment);
      g_autofree char *title = cf_assessment_dup_title (assessment);
      const char *decision = cf_record_get_text (fields, "decision");

      print_field (_("Assessment"), title);
      print_field (_("Status"), cf_assessment_is_finished (assessment) ? _("Finished")
                                                                      : _("Draft"));
      print_field (_("Proposed"), cf_eligibility_get_summary (proposal));
      if (*decision != '\0')
        print_field (_("Decision"), cf_decision_get_label (decision));
      print_field (_("Reason for a different decision"),
                   cf_record_get_text (fields, "decision_reason"));
    }

  cf_cli_print_support (support);

  return EXIT_SUCCESS;
}

static int
command_due (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (cli->rest != NULL && cli->rest[0] != NULL)
    return usage (_("due takes no arguments."));

  if ((store = open_profile (cli, &error)) == NULL)
    return fail (error);

  /* Audited once as a list by cf_due_list(). */
  if ((items = cf_due_list (store, NULL, &error)) == NULL)
    return fail (error);

  if (cli->json)
    {
      g_autoptr(JsonNode) node = cf_wire_due_list_to_json (items);

      cf_cli_print_json (node);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < items->len; i++)
    {
      CfDueItem *item = g_ptr_array_index (items, i);
      g_autofree char *due = cf_date_write_iso (&item->due);
      g_autofree char *shown = cf_date_to_user (due);

      g_print ("%-10s  %-14s %-32s %s\n", shown, item->reference, item->carer_name, item->title);
    }

  g_printerr (g_dngettext (GETTEXT_PACKAGE,
                           "%u thing due soon or overdue\n",
                           "%u things due soon or overdue\n",
                           items->len),
              items->len);
  return EXIT_SUCCESS;
}

static int
command_login (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;

  if (cli->rest == NULL || g_strv_length (cli->rest) != 2)
    return usage (_("login takes the server address and your user name: login URL USER"));

  if (!cf_sync_check_server_url (cli->rest[0], &error))
    return usage (error->message);

  if ((store = open_profile (cli, &error)) == NULL)
    return fail (error);

  return cf_cli_login (store, cli->rest[0], cli->rest[1], cli->json);
}

static int
command_sync (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  CfStore *store;

  if (cli->rest != NULL && cli->rest[0] != NULL)
    return usage (_("sync takes no arguments."));

  if ((store = open_profile (cli, &error)) == NULL)
    return fail (error);

  return cf_cli_sync (store, cli->profile, cli->json);
}

static int
command_remind (Cli *cli)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  guint queued;

  if (cli->rest != NULL && cli->rest[0] != NULL)
    return usage (_("remind takes no arguments."));

  if ((store = open_profile (cli, &error)) == NULL)
    return fail (error);

  queued = cf_due_queue_reminders (store, NULL, &error);
  if (queued == G_MAXUINT)
    return fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "queued");
      json_builder_add_int_value (builder, queued);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      cf_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Queued %u text reminder\n",
                        "Queued %u text reminders\n",
                        queued),
           queued);
  return EXIT_SUCCESS;
}

int
cf_cli_run (int    argc,
            char **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  Cli cli = { .seed = 20261122 };
  g_autofree char *command = NULL;
  int status;
  GOptionEntry entries[] = {
    { "profile", 'p', 0, G_OPTION_ARG_FILENAME, &cli.profile,
      N_("The profile folder (default: the application’s own)"), N_("DIR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &cli.json, N_("Print JSON"), NULL },
    { "carers", 0, 0, G_OPTION_ARG_INT, &cli.carers,
      N_("gen-demo: how many fictional carers to add"), "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &cli.seed,
      N_("gen-demo: the random seed; the same seed gives the same carers"), "N" },
    { "user", 0, 0, G_OPTION_ARG_STRING, &cli.user,
      N_("init: the worker’s name for the audit trail"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &cli.role,
      N_("init: worker (the default) or coordinator"), N_("ROLE") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &cli.search,
      N_("list: only carers matching these words"), N_("TEXT") },
    { "filter", 0, 0, G_OPTION_ARG_STRING, &cli.filter,
      N_("list: all, waiting, overdue, active, closed, assessing, unsynced (changes waiting to "
         "be sent or refused) or conflicts"), N_("FILTER") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &cli.rest, NULL, NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  cf_language_bind_domain ();
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (_("COMMAND [ARGUMENTS] — the Carefield command line"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
                                    _("Commands:\n"
                                      "  init                 make a new encrypted profile\n"
                                      "  gen-demo --carers N  add N fictional carers\n"
                                      "  list                 list the caseload\n"
                                      "  show ID              show one carer, by id or reference,\n"
                                      "                       with their plan, payments and "
                                      "what is due\n"
                                      "  due                  list what is due soon or overdue\n"
                                      "  remind               queue text reminders of reviews due\n"
                                      "  login URL USER       sign this profile in to the base "
                                      "server\n"
                                      "  sync                 send changes to the server and "
                                      "receive its changes\n"
                                      "\n"
                                      "The passphrase is read from CAREFIELD_PASSPHRASE, or "
                                      "asked for in a terminal; the server password for login "
                                      "from CAREFIELD_SERVER_PASSWORD, or likewise."));

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      status = usage (error->message);
      cli_clear (&cli);
      return status;
    }

  if (cli.rest == NULL || cli.rest[0] == NULL)
    {
      status = usage (_("Say what to do: init, gen-demo, list, show, due, remind, login or sync."));
      cli_clear (&cli);
      return status;
    }

  if (cli.profile == NULL)
    cli.profile = cf_profile_default_dir ();

  settings = cf_context_dup_default_settings ();
  cli.context = cf_context_new (NULL, settings);

  command = g_strdup (cli.rest[0]);
  /* From here on cli.rest holds the command's own arguments. */
  {
    char **own = g_strdupv (cli.rest + 1);

    g_strfreev (cli.rest);
    cli.rest = own;
  }

  if (g_str_equal (command, "init"))
    status = command_init (&cli);
  else if (g_str_equal (command, "gen-demo"))
    status = command_gen_demo (&cli);
  else if (g_str_equal (command, "list"))
    status = command_list (&cli);
  else if (g_str_equal (command, "show"))
    status = command_show (&cli);
  else if (g_str_equal (command, "due"))
    status = command_due (&cli);
  else if (g_str_equal (command, "remind"))
    status = command_remind (&cli);
  else if (g_str_equal (command, "login"))
    status = command_login (&cli);
  else if (g_str_equal (command, "sync"))
    status = command_sync (&cli);
  else
    {
      g_autofree char *message =
        /* Translators: %s is what the user typed as a command */
        g_strdup_printf (_("“%s” is not a command: use init, gen-demo, list, show, due, "
                          "remind, login or sync."), command);

      status = usage (message);
    }

  cli_clear (&cli);
  return status;
}
