/* test-cli.c: carefield-cli as a script or an administrator uses it
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#define PASSPHRASE "cli test passphrase"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run        *run,
         const char *passphrase,
         ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("CAREFIELD_CLI"));
  va_start (ap, passphrase);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                        G_SUBPROCESS_FLAGS_STDIN_PIPE);
  if (passphrase != NULL)
    g_subprocess_launcher_setenv (launcher, "CAREFIELD_PASSPHRASE", passphrase, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "CAREFIELD_PASSPHRASE");
  /* The demo's dates are relative to now; fix now. */
  g_subprocess_launcher_setenv (launcher, "CAREFIELD_NOW", "2026-11-18T10:00:00Z", TRUE);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) args->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (process);
}

static char *
profile_dir (void)
{
  static guint counter;

  return g_strdup_printf ("%s/cli-%u", g_get_user_data_dir (), counter++);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
test_init_demo_list_show (void)
{
  g_autofree char *dir = profile_dir ();
  g_auto(Run) init = { 0 };
  g_auto(Run) demo = { 0 };
  g_auto(Run) list = { 0 };
  g_auto(Run) search = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) show_text = { 0 };
  g_autoptr(JsonNode) carers = NULL;
  g_autoptr(JsonNode) found = NULL;
  g_autoptr(JsonNode) one = NULL;
  JsonObject *first;
  JsonObject *carer_fields;
  const char *reference;

  run_cli (&init, PASSPHRASE, "--profile", dir, "init", "--user", "Jo Worker", NULL);
  g_assert_cmpint (init.status, ==, 0);
  g_assert_nonnull (strstr (init.out, "encrypted profile"));

  run_cli (&demo, PASSPHRASE, "--profile", dir, "gen-demo", "--carers", "120", NULL);
  g_assert_cmpint (demo.status, ==, 0);
  g_assert_nonnull (strstr (demo.out, "120 fictional carers"));

  run_cli (&list, PASSPHRASE, "--profile", dir, "list", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  carers = parse (list.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (carers)), ==, 120);
  first = json_array_get_object_element (json_node_get_array (carers), 0);
  reference = json_object_get_string_member (first, "reference");
  g_assert_true (g_str_has_prefix (reference, "CF-"));
  g_assert_true (json_object_has_member (first, "due_state"));

  run_cli (&search, PASSPHRASE, "--profile", dir, "list", "--json", "--search", reference,
           NULL);
  g_assert_cmpint (search.status, ==, 0);
  found = parse (search.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (found)), ==, 1);

  run_cli (&show, PASSPHRASE, "--profile", dir, "show", reference, "--json", NULL);
  g_assert_cmpint (show.status, ==, 0);
  one = parse (show.out);
  carer_fields = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (one), "carer"), "fields");
  g_assert_cmpstr (json_object_get_string_member (carer_fields, "reference"), ==, reference);
  g_assert_true (json_object_has_member (carer_fields, "date_of_birth"));
  g_assert_true (json_object_has_member (json_node_get_object (one), "cared_for"));
  g_assert_cmpuint (json_array_get_length (
                      json_object_get_array_member (json_node_get_object (one), "cared_for")),
                    >=, 1);

  run_cli (&show_text, PASSPHRASE, "--profile", dir, "show", reference, NULL);
  g_assert_cmpint (show_text.status, ==, 0);
  g_assert_nonnull (strstr (show_text.out, reference));
  g_assert_nonnull (strstr (show_text.out, "Cares for"));
}

static void
test_failures_and_usage (void)
{
  g_autofree char *dir = profile_dir ();
  g_auto(Run) init = { 0 };
  g_auto(Run) wrong = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) no_command = { 0 };
  g_auto(Run) bad_filter = { 0 };
  g_auto(Run) weak = { 0 };
  g_auto(Run) no_pass = { 0 };
  g_autofree char *other = profile_dir ();

  run_cli (&init, PASSPHRASE, "--profile", dir, "init", NULL);
  g_assert_cmpint (init.status, ==, 0);

  run_cli (&wrong, "not the passphrase", "--profile", dir, "list", NULL);
  g_assert_cmpint (wrong.status, ==, 1);
  g_assert_nonnull (strstr (wrong.err, "passphrase is not right"));
  /* One line on stderr. */
  g_assert_cmpint (strchr (wrong.err, '\n') - wrong.err, ==, (int) strlen (wrong.err) - 1);

  run_cli (&missing, PASSPHRASE, "--profile", dir, "show", "CF-0000-0000", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "No carer"));

  run_cli (&unknown, PASSPHRASE, "--profile", dir, "frobnicate", NULL);
  g_assert_cmpint (unknown.status, ==, 2);
  run_cli (&no_command, PASSPHRASE, "--profile", dir, NULL);
  g_assert_cmpint (no_command.status, ==, 2);
  run_cli (&bad_filter, PASSPHRASE, "--profile", dir, "list", "--filter", "purple", NULL);
  g_assert_cmpint (bad_filter.status, ==, 2);

  run_cli (&weak, "short", "--profile", other, "init", NULL);
  g_assert_cmpint (weak.status, ==, 1);
  g_assert_nonnull (strstr (weak.err, "at least 10 characters"));

  run_cli (&no_pass, NULL, "--profile", dir, "list", NULL);
  g_assert_cmpint (no_pass.status, ==, 1);
  g_assert_nonnull (strstr (no_pass.err, "CAREFIELD_PASSPHRASE"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cli/init-demo-list-show", test_init_demo_list_show);
  g_test_add_func ("/cli/failures-and-usage", test_failures_and_usage);

  return g_test_run ();
}
