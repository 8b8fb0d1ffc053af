/* test-cli.c: carefield-cli as a script or an administrator uses it
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cf-direct-payments.h"
#include "cf-emergency-plans.h"
#include "cf-plans.h"
#include "cf-profile.h"
#include "cf-reviews.h"
#include "cf-test-util.h"
#include "cf-text-reminder.h"

#define PASSPHRASE "cli test passphrase"
/* The CLI's clock in every run: see run_cli(). */
#define NOW "2026-11-18T10:00:00Z"

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
  g_subprocess_launcher_setenv (launcher, "CAREFIELD_NOW", NOW, TRUE);

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
  g_auto(Run) unsynced = { 0 };
  g_auto(Run) conflicts = { 0 };
  g_auto(Run) show = { 0 };
  g_auto(Run) show_text = { 0 };
  g_auto(Run) due = { 0 };
  g_autoptr(JsonNode) carers = NULL;
  g_autoptr(JsonNode) listed = NULL;
  g_autoptr(JsonNode) due_items = NULL;
  guint n_plan_reviews = 0, n_payment_reviews = 0;
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
  /* Demo carers were made here and never synced: all waiting to be sent, none in conflict. */
  g_assert_cmpstr (json_object_get_string_member (first, "sync"), ==, "waiting");

  run_cli (&unsynced, PASSPHRASE, "--profile", dir, "list", "--json", "--filter", "unsynced",
           NULL);
  g_assert_cmpint (unsynced.status, ==, 0);
  listed = parse (unsynced.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 120);
  g_clear_pointer (&listed, json_node_unref);
  run_cli (&conflicts, PASSPHRASE, "--profile", dir, "list", "--json", "--filter", "conflicts",
           NULL);
  g_assert_cmpint (conflicts.status, ==, 0);
  listed = parse (conflicts.out);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (listed)), ==, 0);

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

  /* The demo goes on past the assessment: plans agreed, with reviews and payments falling due. */
  run_cli (&due, PASSPHRASE, "--profile", dir, "due", "--json", NULL);
  g_assert_cmpint (due.status, ==, 0);
  due_items = parse (due.out);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (due_items)); i++)
    {
      JsonObject *item = json_array_get_object_element (json_node_get_array (due_items), i);
      const char *kind = json_object_get_string_member (item, "kind");
      g_auto(Run) planned = { 0 };
      g_autoptr(JsonNode) shown = NULL;
      JsonArray *plans;
      gboolean in_force = FALSE;

      if (!g_str_equal (kind, "plan-review") && !g_str_equal (kind, "direct-payment-review"))
        continue;

      run_cli (&planned, PASSPHRASE, "--profile", dir, "show",
               json_object_get_string_member (item, "reference"), "--json", NULL);
      g_assert_cmpint (planned.status, ==, 0);
      shown = parse (planned.out);
      plans = json_object_get_array_member (json_node_get_object (shown), "support_plans");
      for (guint j = 0; j < json_array_get_length (plans); j++)
        in_force |= json_object_get_boolean_member (json_array_get_object_element (plans, j),
                                                    "in_force");
      g_assert_true (in_force);

      if (g_str_equal (kind, "plan-review"))
        n_plan_reviews++;
      else
        {
          JsonArray *payments = json_object_get_array_member (json_node_get_object (shown),
                                                              "direct_payments");

          g_assert_cmpuint (json_array_get_length (payments), >=, 1);
          n_payment_reviews++;
        }
    }
  g_assert_cmpuint (n_plan_reviews, >=, 1);
  g_assert_cmpuint (n_payment_reviews, >=, 1);
}

/* A profile made in this process, with the same clock the CLI runs with. */
static CfStore *
open_store (const char *dir,
            gboolean    create)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (NOW, NULL);
  g_autoptr(CfClock) clock = cf_clock_new_fixed (now);
  g_autoptr(GError) error = NULL;
  CfStore *store;

  if (create)
    {
      g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
      store = cf_profile_create (dir, PASSPHRASE, "Jo Worker", clock, &error);
    }
  else
    {
      store = cf_profile_unlock (dir, PASSPHRASE, clock, &error);
    }
  g_assert_no_error (error);

  return store;
}

/* An agreed plan from an eligible assessment: one need met by breaks, one action, a budget of
 * £600.00 of which the carer pays £50.00, and six day breaks. */
static CfPlan *
agreed_plan (CfStore    *store,
             CfCarer    *carer,
             const char *agreed_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfAssessment) assessment = cf_test_finished_assessment (store, carer, TRUE);
  g_autoptr(CfPlan) plan = cf_plans_create_from_assessment (store, carer, assessment, &error);
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  CfPlanAction *action;
  CfRecord *record;

  g_assert_no_error (error);
  record = CF_RECORD (plan);
  needs = cf_plans_list_needs (store, cf_record_get_id (record), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (needs->len, >=, 1);
  for (guint i = 0; i < needs->len; i++)
    {
      cf_record_set_text (g_ptr_array_index (needs, i), "met_by", "break");
      cf_record_set_text (g_ptr_array_index (needs, i), "how", "A sitter one day a fortnight.");
    }

  action = cf_plan_action_new (cf_record_get_id (record));
  cf_record_set_text (CF_RECORD (action), "what", "Book the first sitter visit");
  cf_record_set_text (CF_RECORD (action), "who", "Jo Worker");
  cf_record_set_text (CF_RECORD (action), "due_on", "2026-06-15");
  g_ptr_array_add (actions, action);

  cf_record_set_text (record, "outcomes", "A full night’s sleep, and time for myself.");
  cf_record_set_int (record, "cost_pence", 60000);
  cf_record_set_int (record, "carer_contribution_pence", 5000);
  cf_record_set_int (record, "breaks_day", 6);
  cf_record_set_bool (record, "carer_agrees", TRUE);
  g_assert_true (cf_plans_agree (store, plan, needs, actions, agreed_on, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&plan);
}

static CfCarer *
carer_with_phone (CfStore    *store,
                  const char *family_name,
                  const char *phone,
                  gboolean    texts_consent)
{
  g_autoptr(GError) error = NULL;
  CfCarer *carer = cf_test_save_carer (store, "given_name", "Sorrel", "family_name", family_name,
                                       "phone", phone, "postcode", "ZZ99 1AB",
                                       "status", "active", NULL);

  cf_record_set_bool (CF_RECORD (carer), "texts_consent", texts_consent);
  g_assert_true (cf_store_save_carer (store, carer, &error));
  g_assert_no_error (error);

  return carer;
}

/* Writes two carers: Ashgrove, who agreed to texts and has a plan (two versions), an emergency
 * plan, a direct payment and an early review asked for; and Blackthorn, who did not agree to
 * texts and whose plan review is overdue. */
static void
write_support (const char  *dir,
               char       **reference,
               char       **other_reference,
               char       **plan_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = open_store (dir, TRUE);
  g_autoptr(CfCarer) carer = carer_with_phone (store, "Ashgrove", "01632 960001", TRUE);
  g_autoptr(CfCarer) other = carer_with_phone (store, "Blackthorn", "01632 960002", FALSE);
  g_autoptr(CfPlan) plan = agreed_plan (store, carer, "2026-06-01");
  g_autoptr(CfPlan) other_plan = agreed_plan (store, other, "2026-03-02");
  g_autoptr(CfPlan) draft = NULL;
  g_autoptr(CfCarerBreak) taken = NULL;
  g_autoptr(CfReview) early = NULL;
  g_autoptr(CfEmergencyPlan) emergency = NULL;
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CfDirectPayment) payment = NULL;
  g_autoptr(CfBalanceReturn) balance_return = NULL;
  g_autoptr(CfPersonalAssistant) assistant = NULL;
  g_autoptr(CfPersonalAssistant) vacancy = NULL;
  CfRecord *record;

  *reference = g_strdup (cf_record_get_text (CF_RECORD (carer), "reference"));
  *other_reference = g_strdup (cf_record_get_text (CF_RECORD (other), "reference"));
  *plan_id = g_strdup (cf_record_get_id (CF_RECORD (plan)));

  draft = cf_plans_revise (store, plan, "The carer’s hours at work changed.", &error);
  g_assert_no_error (error);

  taken = cf_plans_record_break (store, carer, "day", "2026-07-01", NULL, &error);
  g_assert_no_error (error);

  early = cf_reviews_request_early (store, carer, CF_REVIEW_SUBJECT_PLAN, *plan_id,
                                    "cared-for-in-hospital", NULL, "2026-11-01", &error);
  g_assert_no_error (error);

  emergency = cf_emergency_plans_create (store, carer, "01632 960999", &error);
  g_assert_no_error (error);
  cf_record_set_text (CF_RECORD (emergency), "if_none_can_come", "Phone the out-of-hours team.");
  for (guint i = 0; i < 2; i++)
    {
      CfEmergencyContact *contact =
        cf_emergency_contact_new (cf_record_get_id (CF_RECORD (emergency)));

      cf_record_set_text (CF_RECORD (contact), "name",
                          i == 0 ? "Hilda Ashgrove" : "Amos Fieldfare");
      cf_record_set_text (CF_RECORD (contact), "phone", i == 0 ? "01632 960101" : "01632 960102");
      cf_record_set_bool (CF_RECORD (contact), "agreed", TRUE);
      g_ptr_array_add (contacts, contact);
    }
  g_assert_true (cf_emergency_plans_agree (store, emergency, contacts, "2026-06-01", &error));
  g_assert_no_error (error);

  payment = cf_direct_payments_start (store, carer, plan, "long-term", "2026-06-01", &error);
  g_assert_no_error (error);
  record = CF_RECORD (payment);
  cf_record_set_int (record, "amount_pence", 15000);
  cf_record_set_text (record, "frequency", "four-weekly");
  cf_record_set_text (record, "capacity", "yes");
  cf_record_set_bool (record, "consent", TRUE);
  cf_record_set_text (record, "able_to_manage", "alone");
  cf_record_set_bool (record, "appropriate", TRUE);
  cf_record_set_text (record, "decided_by", "Jo Worker");
  cf_record_set_text (record, "decided_on", "2026-06-08");
  cf_record_set_text (record, "first_payment_on", "2026-06-15");
  g_assert_true (cf_direct_payments_agree (store, payment, "2026-06-10", &error));
  g_assert_no_error (error);

  /* Eight weeks' worth of £150.00 every four weeks is £300.00: £400.00 held is £100.00 over. */
  balance_return = cf_direct_payments_add_return (store, payment, "2026-09-07", 40000, 0, &error);
  g_assert_no_error (error);

  assistant = cf_personal_assistant_new (cf_record_get_id (record));
  cf_record_set_text (CF_RECORD (assistant), "name", "Quill Larchmont");
  cf_record_set_text (CF_RECORD (assistant), "status", "in-post");
  cf_record_set_text (CF_RECORD (assistant), "dbs_checked_on", "2025-01-10");
  g_assert_true (cf_direct_payments_save_assistant (store, assistant, &error));
  g_assert_no_error (error);

  vacancy = cf_personal_assistant_new (cf_record_get_id (record));
  cf_record_set_text (CF_RECORD (vacancy), "status", "vacant");
  cf_record_set_text (CF_RECORD (vacancy), "vacant_since", "2026-09-01");
  g_assert_true (cf_direct_payments_save_assistant (store, vacancy, &error));
  g_assert_no_error (error);
}

static JsonObject *
fields_of (JsonObject *wrapper,
           const char *member)
{
  return json_object_get_object_member (json_object_get_object_member (wrapper, member),
                                        "fields");
}

/* The due item of @kind in @due, which must be there once. */
static JsonObject *
find_due (JsonArray  *due,
          const char *kind)
{
  JsonObject *found = NULL;

  for (guint i = 0; i < json_array_get_length (due); i++)
    {
      JsonObject *item = json_array_get_object_element (due, i);

      if (g_str_equal (json_object_get_string_member (item, "kind"), kind))
        {
          g_assert_null (found);
          found = item;
        }
    }
  g_assert_nonnull (found);

  return found;
}

static void
test_show_support (void)
{
  g_autofree char *dir = profile_dir ();
  g_autofree char *reference = NULL;
  g_autofree char *other_reference = NULL;
  g_autofree char *plan_id = NULL;
  g_auto(Run) show = { 0 };
  g_auto(Run) show_text = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *carer;
  JsonArray *plans, *needs, *contacts, *payments, *returns, *reviews, *due;
  JsonObject *draft, *agreed, *budget, *breaks, *emergency, *payment, *item;

  write_support (dir, &reference, &other_reference, &plan_id);

  run_cli (&show, PASSPHRASE, "--profile", dir, "show", reference, "--json", NULL);
  g_assert_cmpint (show.status, ==, 0);
  root = parse (show.out);
  carer = json_node_get_object (root);

  /* Every version, newest first: the draft is current, the agreed one still in force. */
  plans = json_object_get_array_member (carer, "support_plans");
  g_assert_cmpuint (json_array_get_length (plans), ==, 2);
  draft = json_array_get_object_element (plans, 0);
  agreed = json_array_get_object_element (plans, 1);
  g_assert_cmpstr (json_object_get_string_member (fields_of (draft, "plan"), "status"), ==,
                   "draft");
  g_assert_true (json_object_get_boolean_member (draft, "current"));
  g_assert_false (json_object_get_boolean_member (draft, "in_force"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (agreed, "plan"),
                                                  "id"), ==, plan_id);
  g_assert_cmpint (json_object_get_int_member (fields_of (agreed, "plan"), "number"), ==, 1);
  g_assert_true (json_object_get_boolean_member (agreed, "in_force"));
  g_assert_false (json_object_get_boolean_member (agreed, "current"));

  budget = json_object_get_object_member (agreed, "budget");
  g_assert_cmpint (json_object_get_int_member (budget, "cost_pence"), ==, 60000);
  g_assert_cmpstr (json_object_get_string_member (budget, "cost"), ==, "£600.00");
  g_assert_cmpint (json_object_get_int_member (budget, "carer_contribution_pence"), ==, 5000);
  g_assert_cmpstr (json_object_get_string_member (budget, "carer_contribution"), ==, "£50.00");
  g_assert_cmpint (json_object_get_int_member (budget, "council_contribution_pence"), ==, 55000);
  g_assert_cmpstr (json_object_get_string_member (budget, "council_contribution"), ==, "£550.00");

  needs = json_object_get_array_member (agreed, "needs");
  g_assert_cmpuint (json_array_get_length (needs), >=, 1);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_array_get_object_element (needs, 0),
                                                    "fields"), "met_by"), ==, "break");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (agreed, "actions")),
                    ==, 1);

  breaks = json_object_get_object_member (carer, "breaks");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (breaks, "planned"),
                                               "day"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (
                     json_object_get_object_member (breaks, "taken_against_plan"), "day"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (breaks, "taken")), ==, 1);

  emergency = json_object_get_object_member (carer, "emergency_plan");
  g_assert_cmpstr (json_object_get_string_member (fields_of (emergency, "plan"), "agreed_on"), ==,
                   "2026-06-01");
  contacts = json_object_get_array_member (emergency, "contacts");
  g_assert_cmpuint (json_array_get_length (contacts), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *contact = json_object_get_object_member (
        json_array_get_object_element (contacts, i), "fields");

      g_assert_cmpint (json_object_get_int_member (contact, "position"), ==, i);
      g_assert_cmpstr (json_object_get_string_member (contact, "name"), ==,
                       i == 0 ? "Hilda Ashgrove" : "Amos Fieldfare");
      g_assert_true (json_object_get_boolean_member (contact, "agreed"));
    }

  payments = json_object_get_array_member (carer, "direct_payments");
  g_assert_cmpuint (json_array_get_length (payments), ==, 1);
  payment = json_array_get_object_element (payments, 0);
  g_assert_cmpstr (json_object_get_string_member (fields_of (payment, "payment"), "status"), ==,
                   "active");
  g_assert_cmpstr (json_object_get_string_member (fields_of (payment, "payment"),
                                                  "first_payment_on"), ==, "2026-06-15");
  g_assert_cmpstr (json_object_get_string_member (payment, "amount"), ==, "£150.00");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (payment, "issues")), ==,
                    0);
  returns = json_object_get_array_member (payment, "balance_returns");
  g_assert_cmpuint (json_array_get_length (returns), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (returns, 0),
                                               "surplus_pence"), ==, 10000);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (returns, 0),
                                                  "surplus"), ==, "£100.00");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (payment,
                                                                         "personal_assistants")),
                    ==, 2);

  reviews = json_object_get_array_member (carer, "reviews");
  g_assert_cmpuint (json_array_get_length (reviews), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_array_get_object_element (reviews, 0),
                                                    "fields"), "kind"), ==, "early");

  /* Worked out from the records and today (18 November 2026). */
  due = json_object_get_array_member (carer, "due");
  item = find_due (due, "plan-review");
  g_assert_cmpstr (json_object_get_string_member (item, "subject_id"), ==, plan_id);
  g_assert_cmpstr (json_object_get_string_member (item, "due"), ==, "2026-07-27");
  g_assert_cmpstr (json_object_get_string_member (item, "state"), ==, "overdue");
  g_assert_nonnull (strstr (json_object_get_string_member (item, "title"), "overdue"));
  item = find_due (due, "early-review");
  g_assert_cmpstr (json_object_get_string_member (item, "due"), ==, "2026-11-29");
  g_assert_cmpstr (json_object_get_string_member (item, "state"), ==, "soon");
  item = find_due (due, "direct-payment-review");
  g_assert_cmpstr (json_object_get_string_member (item, "due"), ==, "2026-12-15");
  g_assert_cmpstr (json_object_get_string_member (item, "state"), ==, "soon");
  item = find_due (due, "emergency-plan-check");
  g_assert_cmpstr (json_object_get_string_member (item, "due"), ==, "2027-06-01");
  g_assert_cmpstr (json_object_get_string_member (item, "state"), ==, "later");
  item = find_due (due, "vacancy");
  g_assert_cmpstr (json_object_get_string_member (item, "due"), ==, "2026-10-01");
  g_assert_cmpstr (json_object_get_string_member (item, "state"), ==, "overdue");
  item = find_due (due, "dbs-renewal");
  g_assert_cmpstr (json_object_get_string_member (item, "due"), ==, "2028-01-10");
  /* Soonest first. */
  for (guint i = 1; i < json_array_get_length (due); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (due, i - 1),
                                                    "due"), <=,
                     json_object_get_string_member (json_array_get_object_element (due, i),
                                                    "due"));

  run_cli (&show_text, PASSPHRASE, "--profile", dir, "show", reference, NULL);
  g_assert_cmpint (show_text.status, ==, 0);
  g_assert_nonnull (strstr (show_text.out, "Version 1, agreed, in force"));
  g_assert_nonnull (strstr (show_text.out, "Version 2, draft, current"));
  g_assert_nonnull (strstr (show_text.out, "£550.00"));
  g_assert_nonnull (strstr (show_text.out, "Hilda Ashgrove"));
  g_assert_nonnull (strstr (show_text.out, "surplus £100.00"));
  g_assert_nonnull (strstr (show_text.out, "Plan review overdue since"));
}

static void
test_due_and_remind (void)
{
  g_autofree char *dir = profile_dir ();
  g_autofree char *reference = NULL;
  g_autofree char *other_reference = NULL;
  g_autofree char *plan_id = NULL;
  g_auto(Run) due = { 0 };
  g_auto(Run) due_text = { 0 };
  g_auto(Run) remind = { 0 };
  g_auto(Run) again = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  JsonArray *items;
  guint other_overdue = 0, consenting_reviews = 0;
  const char *carer_id = NULL;

  write_support (dir, &reference, &other_reference, &plan_id);

  run_cli (&due, PASSPHRASE, "--profile", dir, "due", "--json", NULL);
  g_assert_cmpint (due.status, ==, 0);
  root = parse (due.out);
  items = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *kind = json_object_get_string_member (item, "kind");
      const char *state = json_object_get_string_member (item, "state");
      const char *of = json_object_get_string_member (item, "reference");

      /* Only what is soon or overdue. */
      g_assert_true (g_str_equal (state, "soon") || g_str_equal (state, "overdue"));
      /* Blackthorn's plan, agreed on 2 March, had its first review due by 27 April. */
      if (g_str_equal (of, other_reference) && g_str_equal (kind, "plan-review"))
        {
          g_assert_cmpstr (state, ==, "overdue");
          g_assert_cmpstr (json_object_get_string_member (item, "due"), ==, "2026-04-27");
          other_overdue++;
        }
      if (g_str_equal (of, reference) && g_str_has_suffix (kind, "review"))
        {
          consenting_reviews++;
          carer_id = json_object_get_string_member (item, "carer_id");
        }
    }
  g_assert_cmpuint (other_overdue, ==, 1);
  /* Ashgrove's plan review, early review and direct payment review. */
  g_assert_cmpuint (consenting_reviews, ==, 3);

  run_cli (&due_text, PASSPHRASE, "--profile", dir, "due", NULL);
  g_assert_cmpint (due_text.status, ==, 0);
  g_assert_nonnull (strstr (due_text.out, other_reference));
  g_assert_nonnull (strstr (due_text.out, "27/04/2026"));

  /* Both carers have reviews overdue; only Ashgrove agreed to texts. */
  run_cli (&remind, PASSPHRASE, "--profile", dir, "remind", NULL);
  g_assert_cmpint (remind.status, ==, 0);
  expected = g_strdup_printf ("Queued %u text reminders", consenting_reviews);
  g_assert_nonnull (strstr (remind.out, expected));

  store = open_store (dir, FALSE);
  reminders = cf_store_load_records (store, CF_TYPE_TEXT_REMINDER, "deleted = 0", NULL, NULL,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reminders->len, ==, consenting_reviews);
  for (guint i = 0; i < reminders->len; i++)
    {
      CfRecord *reminder = g_ptr_array_index (reminders, i);

      g_assert_cmpstr (cf_record_get_text (reminder, "carer_id"), ==, carer_id);
      g_assert_cmpstr (cf_record_get_text (reminder, "phone"), ==, "01632 960001");
      g_assert_cmpstr (cf_record_get_text (reminder, "state"), ==, "queued");
    }
  g_clear_object (&store);

  /* Queuing again adds nothing. */
  run_cli (&again, PASSPHRASE, "--profile", dir, "remind", "--json", NULL);
  g_assert_cmpint (again.status, ==, 0);
  {
    g_autoptr(JsonNode) counted = parse (again.out);

    g_assert_cmpint (json_object_get_int_member (json_node_get_object (counted), "queued"), ==, 0);
  }
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
  g_assert_nonnull (strstr (bad_filter.err, "unsynced, conflicts"));

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
  g_test_add_func ("/cli/show-support", test_show_support);
  g_test_add_func ("/cli/due-and-remind", test_due_and_remind);
  g_test_add_func ("/cli/failures-and-usage", test_failures_and_usage);

  return g_test_run ();
}
