/* test-direct-payment.c: setting up, agreeing, monitoring and ending a direct payment
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cf-carer-event.h"
#include "cf-dates.h"
#include "cf-direct-payments.h"
#include "cf-money.h"
#include "cf-plans.h"
#include "cf-schedule.h"
#include "cf-test-util.h"

typedef struct
{
  char    *dir;
  CfStore *store;
  CfCarer *carer;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* The start-london-date test moves the clock to a summer night, when UTC is a day behind. */
  fixture->dir = cf_test_make_dir ("direct-payment");
  fixture->store = cf_test_open_store (fixture->dir, NULL);
  fixture->carer = cf_test_save_carer (fixture->store, "given_name", "Ada", "family_name", "Birch",
                                       "status", "active", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->carer);
  g_clear_object (&fixture->store);
  g_free (fixture->dir);
}

static CfDirectPayment *
start (Fixture    *fixture,
       const char *term)
{
  g_autoptr(GError) error = NULL;
  CfDirectPayment *payment = cf_direct_payments_start (fixture->store, fixture->carer, NULL,
                                                       term, "2026-11-02", &error);

  g_assert_no_error (error);
  g_assert_nonnull (payment);

  return payment;
}

/* Everything agreeing needs, with no issue left. */
static void
complete (CfDirectPayment *payment)
{
  CfRecord *record = CF_RECORD (payment);

  cf_record_set_text (record, "capacity", "yes");
  cf_record_set_bool (record, "consent", TRUE);
  cf_record_set_text (record, "able_to_manage", "with-help");
  cf_record_set_bool (record, "appropriate", TRUE);
  cf_record_set_text (record, "decided_by", "Sam Assessor");
  cf_record_set_text (record, "decided_on", "2026-11-10");
  cf_record_set_int (record, "amount_pence", 15000);
  cf_record_set_text (record, "frequency", "four-weekly");
  cf_record_set_text (record, "purpose", "A weekly swim and a break");
}

static CfDirectPaymentIssue *
find_issue (CfDirectPayment *payment,
            const char      *field,
            GPtrArray      **keep)
{
  *keep = cf_direct_payment_check (payment);

  for (guint i = 0; i < (*keep)->len; i++)
    {
      CfDirectPaymentIssue *issue = g_ptr_array_index (*keep, i);

      if (g_str_equal (issue->field, field))
        return issue;
    }

  return NULL;
}

static gboolean
has_issue (CfDirectPayment          *payment,
           const char               *field,
           CfDirectPaymentIssueKind  kind)
{
  g_autoptr(GPtrArray) issues = NULL;
  CfDirectPaymentIssue *issue = find_issue (payment, field, &issues);

  return issue != NULL && issue->kind == kind;
}

/* Starting ----------------------------------------------------------------------------- */

static void
test_start (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDirectPayment) payment = NULL;
  g_autoptr(CfDirectPayment) loaded = NULL;
  g_autoptr(GPtrArray) events = NULL;
  CfRecord *record;
  gint64 outbox = cf_store_count (fixture->store, "outbox", NULL);
  gint64 audit = cf_store_count (fixture->store, "audit", NULL);

  payment = cf_direct_payments_start (fixture->store, fixture->carer, NULL, "long-term", NULL,
                                      &error);
  g_assert_no_error (error);
  record = CF_RECORD (payment);
  g_assert_cmpstr (cf_record_get_text (record, "status"), ==, CF_DIRECT_PAYMENT_SETTING_UP);
  g_assert_cmpstr (cf_record_get_text (record, "method"), ==, "prepaid-card");
  g_assert_cmpstr (cf_record_get_text (record, "term"), ==, "long-term");
  /* Today by the store's clock. */
  g_assert_cmpstr (cf_record_get_text (record, "requested_on"), ==, "2026-11-18");
  g_assert_false (cf_record_is_dirty (record));

  /* The payment and the history event, each with an outbox row and an audit row. */
  g_assert_cmpint (cf_store_count (fixture->store, "outbox", NULL), ==, outbox + 2);
  g_assert_cmpint (cf_store_count (fixture->store, "audit", NULL), ==, audit + 2);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", "entity = 'direct_payment' AND "
                          "operation = 'create'"), ==, 1);
  events = cf_store_list_events (fixture->store, cf_record_get_id (CF_RECORD (fixture->carer)),
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (events, 0), "kind"), ==,
                   CF_EVENT_DIRECT_PAYMENT_REQUESTED);
  {
    g_autofree char *title = cf_carer_event_dup_title (g_ptr_array_index (events, 0));

    g_assert_cmpstr (title, ==, "Direct payment requested");
  }

  /* Loading is audited as a view; listing is not. */
  audit = cf_store_count (fixture->store, "audit", NULL);
  g_ptr_array_unref (cf_direct_payments_list (fixture->store,
                                              cf_record_get_id (CF_RECORD (fixture->carer)),
                                              &error));
  g_assert_cmpint (cf_store_count (fixture->store, "audit", NULL), ==, audit);
  loaded = cf_direct_payments_load (fixture->store, cf_record_get_id (record), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (loaded), "requested_on"), ==, "2026-11-18");
  g_assert_cmpint (cf_test_count (fixture->store, "audit", "action = 'view' AND "
                          "entity = 'direct_payment'"), ==, 1);
}

static void
test_start_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDirectPayment) payment = NULL;
  g_autoptr(CfCarer) closed = NULL;
  gint64 outbox = cf_store_count (fixture->store, "outbox", NULL);

  payment = cf_direct_payments_start (fixture->store, fixture->carer, NULL, "medium-term", NULL,
                                      &error);
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_assert_null (payment);
  g_clear_error (&error);

  payment = cf_direct_payments_start (fixture->store, fixture->carer, NULL, "long-term",
                                      "31/02/2026", &error);
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  payment = cf_direct_payments_start (fixture->store, fixture->carer, NULL, "long-term",
                                      "2026-02-31", &error);
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  closed = cf_test_save_carer (fixture->store, "family_name", "Elm", "status", "closed", NULL);
  payment = cf_direct_payments_start (fixture->store, closed, NULL, "long-term", NULL, &error);
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED);
  g_assert_null (payment);

  /* Only the closed carer was written. */
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", "entity = 'direct_payment'"), ==, 0);
  g_assert_cmpint (cf_store_count (fixture->store, "outbox", NULL), >, outbox);
}

static void
test_start_london_date (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDirectPayment) payment = NULL;
  /* 23:30 UTC on 30 June is 00:30 on 1 July in London (BST). */
  g_autoptr(GDateTime) late = g_date_time_new_utc (2026, 6, 30, 23, 30, 0);

  cf_clock_set_now (cf_store_get_clock (fixture->store), late);
  payment = cf_direct_payments_start (fixture->store, fixture->carer, NULL, "short-term", NULL,
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (payment), "requested_on"), ==, "2026-07-01");
}

/* The rules ----------------------------------------------------------------------------- */

static void
test_check_capacity (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CfDirectPayment) payment = start (fixture, "long-term");
  g_autoptr(GPtrArray) issues = NULL;
  g_autofree char *reason = NULL;
  CfRecord *record = CF_RECORD (payment);
  CfDirectPaymentIssue *issue;

  /* Nothing decided yet: nothing rules it out. */
  issues = cf_direct_payment_check (payment);
  g_assert_cmpuint (issues->len, ==, 0);
  g_assert_true (cf_direct_payment_can_set_up (payment, &reason));
  g_assert_null (reason);

  cf_record_set_text (record, "capacity", "no");
  g_clear_pointer (&issues, g_ptr_array_unref);
  issue = find_issue (payment, "capacity", &issues);
  g_assert_nonnull (issue);
  g_assert_cmpint (issue->kind, ==, CF_DP_ISSUE_BLOCKS);
  g_assert_nonnull (strstr (issue->message, "cannot be set up"));
  g_assert_nonnull (strstr (issue->message, "only a managed service"));
  g_assert_false (cf_direct_payment_can_set_up (payment, &reason));
  g_assert_cmpstr (reason, ==, issue->message);

  /* An authorised person can act for them. */
  cf_record_set_text (record, "authorised_person", "Bea Birch, her daughter");
  g_assert_false (has_issue (payment, "capacity", CF_DP_ISSUE_BLOCKS));
  g_assert_true (cf_direct_payment_can_set_up (payment, NULL));
}

static void
test_check_conditions (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(CfDirectPayment) payment = start (fixture, "long-term");
  CfRecord *record = CF_RECORD (payment);

  complete (payment);
  g_assert_true (cf_direct_payment_can_set_up (payment, NULL));

  cf_record_set_text (record, "able_to_manage", "no");
  g_assert_true (has_issue (payment, "able_to_manage", CF_DP_ISSUE_BLOCKS));
  cf_record_set_text (record, "able_to_manage", "alone");
  g_assert_false (has_issue (payment, "able_to_manage", CF_DP_ISSUE_BLOCKS));

  /* Once decided, unticked consent or appropriateness means no. */
  cf_record_set_bool (record, "consent", FALSE);
  g_assert_true (has_issue (payment, "consent", CF_DP_ISSUE_BLOCKS));
  cf_record_set_bool (record, "consent", TRUE);
  cf_record_set_bool (record, "appropriate", FALSE);
  g_assert_true (has_issue (payment, "appropriate", CF_DP_ISSUE_BLOCKS));

  /* Until the decision is recorded they are unanswered, not refusals. */
  cf_record_set_text (record, "decided_on", "");
  g_assert_false (has_issue (payment, "appropriate", CF_DP_ISSUE_BLOCKS));
  g_assert_true (cf_direct_payment_can_set_up (payment, NULL));
}

static void
test_check_reasons (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CfDirectPayment) payment = start (fixture, "long-term");
  g_autoptr(CfDirectPayment) bridge = start (fixture, "short-term");
  CfRecord *record = CF_RECORD (payment);

  complete (payment);

  cf_record_set_bool (record, "pays_close_relative", TRUE);
  g_assert_true (has_issue (payment, "close_relative_reason", CF_DP_ISSUE_NEEDS_REASON));
  cf_record_set_text (record, "close_relative_reason", "   ");
  g_assert_true (has_issue (payment, "close_relative_reason", CF_DP_ISSUE_NEEDS_REASON));
  cf_record_set_text (record, "close_relative_reason", "No agency covers the village");
  g_assert_false (has_issue (payment, "close_relative_reason", CF_DP_ISSUE_NEEDS_REASON));

  cf_record_set_text (record, "not_allowed", "food");
  g_assert_true (has_issue (payment, "not_allowed_reason", CF_DP_ISSUE_NEEDS_REASON));
  cf_record_set_text (record, "not_allowed_reason", "Meals on a residential course");
  g_assert_false (has_issue (payment, "not_allowed_reason", CF_DP_ISSUE_NEEDS_REASON));

  cf_record_set_text (record, "method", "bank-account");
  g_assert_true (has_issue (payment, "method_reason", CF_DP_ISSUE_NEEDS_REASON));
  cf_record_set_text (record, "method_reason", "The card is not accepted by the provider");
  g_assert_false (has_issue (payment, "method_reason", CF_DP_ISSUE_NEEDS_REASON));

  /* Reasons are not blocks. */
  g_assert_true (cf_direct_payment_can_set_up (payment, NULL));

  /* A different cardholder is just recorded. */
  cf_record_set_text (record, "budget_holder", "Ada Birch");
  cf_record_set_text (record, "cardholder", "Bea Birch");
  {
    g_autoptr(GPtrArray) issues = cf_direct_payment_check (payment);

    g_assert_cmpuint (issues->len, ==, 0);
  }

  /* A short-term payment should say what it bridges. */
  g_assert_true (has_issue (bridge, "bridges_id", CF_DP_ISSUE_WARNING));
  g_assert_true (cf_direct_payment_can_set_up (bridge, NULL));
  cf_record_set_text (CF_RECORD (bridge), "bridges_id", cf_record_get_id (record));
  g_assert_false (has_issue (bridge, "bridges_id", CF_DP_ISSUE_WARNING));
  g_assert_false (has_issue (payment, "bridges_id", CF_DP_ISSUE_WARNING));
}

static void
test_describe_amount (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CfDirectPayment) payment = start (fixture, "long-term");
  CfRecord *record = CF_RECORD (payment);
  struct { const char *frequency; const char *words; } cases[] = {
    { "one-off", "£1,150.00 as a one-off payment" },
    { "weekly", "£1,150.00 every week" },
    { "four-weekly", "£1,150.00 every four weeks" },
    { "monthly", "£1,150.00 every month" },
    { "yearly", "£1,150.00 every year" },
  };
  g_autofree char *none = cf_direct_payment_describe_amount (payment);

  g_assert_cmpstr (none, ==, "Amount not recorded");
  cf_record_set_int (record, "amount_pence", 115000);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = NULL;

      cf_record_set_text (record, "frequency", cases[i].frequency);
      words = cf_direct_payment_describe_amount (payment);
      g_assert_cmpstr (words, ==, cases[i].words);
    }
}

/* Saving --------------------------------------------------------------------------------- */

static void
test_save_validates (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CfDirectPayment) payment = start (fixture, "long-term");
  g_autoptr(CfDirectPayment) loaded = NULL;
  CfRecord *record = CF_RECORD (payment);
  struct { const char *field; const char *value; } bad[] = {
    { "method", "cheque" },
    { "capacity", "maybe" },
    { "able_to_manage", "sometimes" },
    { "not_allowed", "holidays" },
    { "frequency", "fortnightly" },
    { "term", "forever" },
    { "first_payment_on", "2026-13-01" },
    { "agreement_signed_on", "18/11/2026" },
  };
  g_autoptr(GError) error = NULL;

  /* The new payment has gone up in a push (sent), so the save below is an update of its own
   * rather than folded into the waiting creation. */
  g_assert_true (cf_store_exec (fixture->store, "UPDATE outbox SET sent = 1;", &error));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *previous = g_strdup (cf_record_get_text (record, bad[i].field));

      cf_record_set_text (record, bad[i].field, bad[i].value);
      g_assert_false (cf_direct_payments_save (fixture->store, payment, &error));
      g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
      g_assert_cmpuint (strlen (error->message), >, 10);
      g_clear_error (&error);
      /* The edit is kept for the person to correct. */
      g_assert_cmpstr (cf_record_get_text (record, bad[i].field), ==, bad[i].value);
      cf_record_set_text (record, bad[i].field, previous);
    }

  cf_record_set_int (record, "amount_pence", -5);
  g_assert_false (cf_direct_payments_save (fixture->store, payment, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  /* The status moves only by agreeing or ending. */
  cf_record_set_int (record, "amount_pence", 2500);
  cf_record_set_text (record, "status", CF_DIRECT_PAYMENT_ACTIVE);
  g_assert_false (cf_direct_payments_save (fixture->store, payment, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  cf_record_set_text (record, "status", CF_DIRECT_PAYMENT_SETTING_UP);

  cf_record_set_text (record, "method", "managed-account");
  cf_record_set_text (record, "first_payment_on", "2026-11-20");
  g_assert_true (cf_direct_payments_save (fixture->store, payment, &error));
  g_assert_no_error (error);
  g_assert_false (cf_record_is_dirty (record));

  loaded = cf_direct_payments_load (fixture->store, cf_record_get_id (record), &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_record_get_int (CF_RECORD (loaded), "amount_pence"), ==, 2500);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (loaded), "method"), ==, "managed-account");
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", "entity = 'direct_payment' AND "
                          "operation = 'update'"), ==, 1);
  g_assert_cmpint (cf_test_count (fixture->store, "audit", "entity = 'direct_payment' AND "
                          "action = 'change'"), ==, 1);
}

/* Agreeing, refusing and ending ------------------------------------------------------------ */

static void
test_agree (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CfDirectPayment) payment = start (fixture, "long-term");
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  CfRecord *record = CF_RECORD (payment);
  gint64 outbox;

  /* Nothing recorded: everything is listed in words. */
  g_assert_false (cf_direct_payments_agree (fixture->store, payment, NULL, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "capacity"));
  g_assert_nonnull (strstr (error->message, "consent"));
  g_assert_nonnull (strstr (error->message, "who made the decision"));
  g_assert_nonnull (strstr (error->message, "the amount"));
  g_assert_nonnull (strstr (error->message, "how often"));
  g_clear_error (&error);
  g_assert_cmpstr (cf_record_get_text (record, "status"), ==, CF_DIRECT_PAYMENT_SETTING_UP);

  complete (payment);
  cf_record_set_text (record, "frequency", "");
  g_assert_false (cf_direct_payments_agree (fixture->store, payment, NULL, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INCOMPLETE);
  g_assert_null (strstr (error->message, "capacity"));
  g_assert_nonnull (strstr (error->message, "how often"));
  g_clear_error (&error);

  /* A reason still needed stops it too. */
  cf_record_set_text (record, "frequency", "four-weekly");
  cf_record_set_bool (record, "pays_close_relative", TRUE);
  g_assert_false (cf_direct_payments_agree (fixture->store, payment, NULL, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "close relative"));
  g_clear_error (&error);
  cf_record_set_text (record, "close_relative_reason", "No agency covers the village");

  /* The new payment has gone up in a push (sent), so agreeing is an operation of its own
   * rather than folded into the waiting creation. */
  g_assert_true (cf_store_exec (fixture->store, "UPDATE outbox SET sent = 1;", &error));
  outbox = cf_store_count (fixture->store, "outbox", NULL);
  g_assert_true (cf_direct_payments_agree (fixture->store, payment, "2026-11-17", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (record, "status"), ==, CF_DIRECT_PAYMENT_ACTIVE);
  g_assert_cmpstr (cf_record_get_text (record, "agreed_on"), ==, "2026-11-17");
  g_assert_cmpint (cf_store_count (fixture->store, "outbox", NULL), ==, outbox + 2);

  events = cf_store_list_events (fixture->store, cf_record_get_id (CF_RECORD (fixture->carer)),
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_test_count (fixture->store, "carer_event", "kind = 'direct-payment-agreed' AND "
                          "notes = '£150.00 every four weeks'"), ==, 1);

  /* Agreeing twice is a mistake. */
  g_assert_false (cf_direct_payments_agree (fixture->store, payment, NULL, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
}

static void
test_agree_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CfDirectPayment) payment = start (fixture, "long-term");
  g_autoptr(CfDirectPayment) loaded = NULL;
  g_autoptr(GError) error = NULL;
  CfRecord *record = CF_RECORD (payment);

  /* No capacity and no authorised person: refused even before the rest is recorded. */
  cf_record_set_text (record, "capacity", "no");
  g_assert_false (cf_direct_payments_agree (fixture->store, payment, NULL, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "managed service"));
  g_assert_cmpstr (cf_record_get_text (record, "status"), ==, CF_DIRECT_PAYMENT_REFUSED);
  g_assert_cmpstr (cf_record_get_text (record, "end_reason"), ==, error->message);
  g_clear_error (&error);

  /* Saved, with the reason, and in the history. */
  loaded = cf_direct_payments_load (fixture->store, cf_record_get_id (record), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (loaded), "status"), ==,
                   CF_DIRECT_PAYMENT_REFUSED);
  g_assert_nonnull (strstr (cf_record_get_text (CF_RECORD (loaded), "end_reason"),
                            "authorised person"));
  g_assert_cmpint (cf_test_count (fixture->store, "carer_event", "kind = 'direct-payment-refused'"), ==,
                   1);
  g_assert_true (cf_direct_payment_is_locked (payment));

  /* What was decided no longer changes, but the reason can be reworded. */
  cf_record_set_text (record, "authorised_person", "Bea Birch");
  g_assert_false (cf_direct_payments_save (fixture->store, payment, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_LOCKED);
  g_clear_error (&error);
  cf_record_set_text (record, "authorised_person", "");
  cf_record_set_text (record, "end_reason", "No capacity; no one to act for her.");
  g_assert_true (cf_direct_payments_save (fixture->store, payment, &error));
  g_assert_no_error (error);

  g_assert_false (cf_direct_payments_agree (fixture->store, payment, NULL, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_LOCKED);
}

static void
test_agree_refused_conditions (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *fields[] = { "consent", "appropriate", "able_to_manage" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(CfDirectPayment) payment = start (fixture, "long-term");
      g_autoptr(GError) error = NULL;
      CfRecord *record = CF_RECORD (payment);

      complete (payment);
      if (g_str_equal (fields[i], "able_to_manage"))
        cf_record_set_text (record, fields[i], "no");
      else
        cf_record_set_bool (record, fields[i], FALSE);

      g_assert_false (cf_direct_payments_agree (fixture->store, payment, NULL, &error));
      g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED);
      g_assert_cmpstr (cf_record_get_text (record, "status"), ==, CF_DIRECT_PAYMENT_REFUSED);
      g_assert_nonnull (strstr (cf_record_get_text (record, "end_reason"), "cannot be set up"));
    }

  /* Unticked before the decision is recorded is only missing. */
  {
    g_autoptr(CfDirectPayment) payment = start (fixture, "long-term");
    g_autoptr(GError) error = NULL;

    complete (payment);
    cf_record_set_bool (CF_RECORD (payment), "appropriate", FALSE);
    cf_record_set_text (CF_RECORD (payment), "decided_by", "");
    g_assert_false (cf_direct_payments_agree (fixture->store, payment, NULL, &error));
    g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INCOMPLETE);
    g_assert_nonnull (strstr (error->message, "appropriate"));
    g_assert_cmpstr (cf_record_get_text (CF_RECORD (payment), "status"), ==,
                     CF_DIRECT_PAYMENT_SETTING_UP);
  }
}

static void
test_end (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(CfDirectPayment) payment = start (fixture, "long-term");
  g_autoptr(GError) error = NULL;
  CfRecord *record = CF_RECORD (payment);

  complete (payment);
  g_assert_true (cf_direct_payments_agree (fixture->store, payment, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (record, "agreed_on"), ==, "2026-11-18");

  g_assert_false (cf_direct_payments_end (fixture->store, payment, NULL, "  ", &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (cf_record_get_text (record, "status"), ==, CF_DIRECT_PAYMENT_ACTIVE);

  g_assert_true (cf_direct_payments_end (fixture->store, payment, "2026-11-18",
                                         "The carer moved away", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (record, "status"), ==, CF_DIRECT_PAYMENT_ENDED);
  g_assert_cmpstr (cf_record_get_text (record, "ended_on"), ==, "2026-11-18");
  g_assert_cmpstr (cf_record_get_text (record, "end_reason"), ==, "The carer moved away");
  g_assert_cmpint (cf_test_count (fixture->store, "carer_event", "kind = 'direct-payment-ended' AND "
                          "notes = 'The carer moved away'"), ==, 1);

  /* An ended payment's conditions are history. */
  cf_record_set_int (record, "amount_pence", 99);
  g_assert_false (cf_direct_payments_save (fixture->store, payment, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_LOCKED);
  g_clear_error (&error);
  cf_record_set_int (record, "amount_pence", 15000);

  g_assert_false (cf_direct_payments_end (fixture->store, payment, NULL, "Again", &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_LOCKED);
}

/* Balance returns ------------------------------------------------------------------------- */

static CfDirectPayment *
paying (Fixture    *fixture,
        gint64      amount,
        const char *frequency)
{
  g_autoptr(GError) error = NULL;
  CfDirectPayment *payment = start (fixture, "long-term");

  complete (payment);
  cf_record_set_int (CF_RECORD (payment), "amount_pence", amount);
  cf_record_set_text (CF_RECORD (payment), "frequency", frequency);
  g_assert_true (cf_direct_payments_agree (fixture->store, payment, NULL, &error));
  g_assert_no_error (error);

  return payment;
}

static gint64
surplus_of (Fixture         *fixture,
            CfDirectPayment *payment,
            gint64           balance,
            gint64           one_off_spent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfBalanceReturn) balance_return =
    cf_direct_payments_add_return (fixture->store, payment, "2026-11-18", balance, one_off_spent,
                                   &error);

  g_assert_no_error (error);
  g_assert_false (cf_record_is_dirty (CF_RECORD (balance_return)));

  return cf_record_get_int (CF_RECORD (balance_return), "surplus_pence");
}

static void
test_return_surplus (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CfDirectPayment) weekly = paying (fixture, 5000, "weekly");
  g_autoptr(CfDirectPayment) four_weekly = paying (fixture, 15000, "four-weekly");
  g_autoptr(CfDirectPayment) monthly = paying (fixture, 52000, "monthly");
  g_autoptr(CfDirectPayment) one_off = paying (fixture, 60000, "one-off");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) returns = NULL;
  gint64 outbox;

  /* Weekly £50: eight weeks' worth is £400. */
  g_assert_cmpint (surplus_of (fixture, weekly, 40000, 0), ==, 0);
  g_assert_cmpint (surplus_of (fixture, weekly, 40001, 0), ==, 1);
  g_assert_cmpint (surplus_of (fixture, weekly, 52500, 0), ==, 12500);
  /* Four-weekly £150: two payments, £300. */
  g_assert_cmpint (surplus_of (fixture, four_weekly, 30000, 0), ==, 0);
  g_assert_cmpint (surplus_of (fixture, four_weekly, 45000, 0), ==, 15000);
  /* Monthly £520: £520 × 12 ÷ 52 × 8 = £960. */
  g_assert_cmpint (surplus_of (fixture, monthly, 96000, 0), ==, 0);
  g_assert_cmpint (surplus_of (fixture, monthly, 100000, 0), ==, 4000);
  /* One-off £600: held whole until the purchase; after it, all of the rest is surplus. */
  g_assert_cmpint (surplus_of (fixture, one_off, 60000, 0), ==, 0);
  g_assert_cmpint (surplus_of (fixture, one_off, 61000, 0), ==, 1000);
  g_assert_cmpint (surplus_of (fixture, one_off, 8000, 52000), ==, 8000);
  /* Regular payments ignore one-off spending. */
  g_assert_cmpint (surplus_of (fixture, weekly, 40000, 100), ==, 0);

  /* Each return is one saved record, in the outbox and the audit trail. */
  outbox = cf_store_count (fixture->store, "outbox", NULL);
  surplus_of (fixture, weekly, 1000, 0);
  g_assert_cmpint (cf_store_count (fixture->store, "outbox", NULL), ==, outbox + 1);
  g_assert_cmpint (cf_test_count (fixture->store, "audit", "entity = 'balance_return' AND "
                          "action = 'create'"), ==, 12);

  returns = cf_direct_payments_list_returns (fixture->store,
                                             cf_record_get_id (CF_RECORD (weekly)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (returns->len, ==, 5);
}

static void
test_return_order_and_errors (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(CfDirectPayment) weekly = paying (fixture, 5000, "weekly");
  g_autoptr(CfDirectPayment) unset = start (fixture, "long-term");
  g_autoptr(CfBalanceReturn) balance_return = NULL;
  g_autoptr(GPtrArray) returns = NULL;
  g_autoptr(GError) error = NULL;
  const char *dates[] = { "2026-05-01", "2026-11-01", "2026-08-01" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr(CfBalanceReturn) added =
        cf_direct_payments_add_return (fixture->store, weekly, dates[i], 1000, 0, &error);

      g_assert_no_error (error);
    }

  returns = cf_direct_payments_list_returns (fixture->store,
                                             cf_record_get_id (CF_RECORD (weekly)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (returns->len, ==, 3);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (returns, 0), "returned_on"), ==,
                   "2026-11-01");
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (returns, 2), "returned_on"), ==,
                   "2026-05-01");

  balance_return = cf_direct_payments_add_return (fixture->store, unset, NULL, 1000, 0, &error);
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INCOMPLETE);
  g_assert_null (balance_return);
  g_clear_error (&error);

  balance_return = cf_direct_payments_add_return (fixture->store, weekly, NULL, -1, 0, &error);
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  balance_return = cf_direct_payments_add_return (fixture->store, weekly, "1/11/2026", 1, 0,
                                                  &error);
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  /* Today by default. */
  balance_return = cf_direct_payments_add_return (fixture->store, weekly, NULL, 1, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (balance_return), "returned_on"), ==,
                   "2026-11-18");
}

static void
test_recovery (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CfDirectPayment) weekly = paying (fixture, 5000, "weekly");
  g_autoptr(CfBalanceReturn) balance_return = NULL;
  g_autoptr(GPtrArray) returns = NULL;
  g_autoptr(GError) error = NULL;
  CfRecord *record;

  balance_return = cf_direct_payments_add_return (fixture->store, weekly, "2026-11-01", 52500, 0,
                                                  &error);
  g_assert_no_error (error);
  record = CF_RECORD (balance_return);
  g_assert_cmpint (cf_record_get_int (record, "surplus_pence"), ==, 12500);
  /* The return has gone up in a push (sent), so the recovery is an update of its own rather
   * than folded into the waiting creation. */
  g_assert_true (cf_store_exec (fixture->store, "UPDATE outbox SET sent = 1;", &error));

  g_assert_false (cf_direct_payments_record_recovery (fixture->store, balance_return, 12501,
                                                      NULL, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "£125.00"));
  g_clear_error (&error);
  g_assert_cmpint (cf_record_get_int (record, "recovered_pence"), ==, 0);

  g_assert_false (cf_direct_payments_record_recovery (fixture->store, balance_return, -1, NULL,
                                                      &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cf_direct_payments_record_recovery (fixture->store, balance_return, 12500,
                                                     "2026-11-15", &error));
  g_assert_no_error (error);

  returns = cf_direct_payments_list_returns (fixture->store,
                                             cf_record_get_id (CF_RECORD (weekly)), &error);
  g_assert_cmpint (cf_record_get_int (g_ptr_array_index (returns, 0), "recovered_pence"), ==,
                   12500);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (returns, 0), "recovered_on"), ==,
                   "2026-11-15");
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", "entity = 'balance_return' AND "
                          "operation = 'update'"), ==, 1);

  /* Nothing to recover when there is no surplus. */
  {
    g_autoptr(CfBalanceReturn) small =
      cf_direct_payments_add_return (fixture->store, weekly, "2026-11-02", 100, 0, &error);

    g_assert_no_error (error);
    g_assert_false (cf_direct_payments_record_recovery (fixture->store, small, 1, NULL, &error));
    g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  }
}

/* Personal assistants -------------------------------------------------------------------- */

static void
test_assistants (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CfDirectPayment) payment = paying (fixture, 15000, "four-weekly");
  const char *payment_id = cf_record_get_id (CF_RECORD (payment));
  g_autoptr(CfPersonalAssistant) zoe = cf_personal_assistant_new (payment_id);
  g_autoptr(CfPersonalAssistant) alf = cf_personal_assistant_new (payment_id);
  g_autoptr(GPtrArray) assistants = NULL;
  g_autoptr(GError) error = NULL;
  CfRecord *record = CF_RECORD (zoe);
  GDate checked, due, opened, today;

  cf_record_set_text (record, "name", "Zoe Rowan");

  /* A status is needed, and it must be one of the list. */
  g_assert_false (cf_direct_payments_save_assistant (fixture->store, zoe, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  cf_record_set_text (record, "status", "on-leave");
  g_assert_false (cf_direct_payments_save_assistant (fixture->store, zoe, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  /* Dates must be real. */
  cf_record_set_text (record, "status", "in-post");
  cf_record_set_text (record, "dbs_checked_on", "2023-02-30");
  g_assert_false (cf_direct_payments_save_assistant (fixture->store, zoe, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "day/month/year"));
  g_clear_error (&error);
  g_assert_cmpint (cf_test_count (fixture->store, "personal_assistant", "1"), ==, 0);

  cf_record_set_text (record, "dbs_checked_on", "2023-11-20");
  cf_record_set_text (record, "insurance_expires_on", "2027-03-31");
  g_assert_true (cf_direct_payments_save_assistant (fixture->store, zoe, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (record, "vacant_since"), ==, "");

  /* DBS renewal every three years (DOMAIN.md), due soon from today. */
  g_assert_true (cf_date_read_iso (cf_record_get_text (record, "dbs_checked_on"), &checked));
  cf_dbs_renewal_due (&checked, &due);
  cf_clock_today (cf_store_get_clock (fixture->store), &today);
  g_assert_cmpint (cf_due_state (&due, &today), ==, CF_DUE_STATE_SOON);

  /* The post falls vacant: since today, unless already known. */
  cf_record_set_text (record, "status", "vacant");
  g_assert_true (cf_direct_payments_save_assistant (fixture->store, zoe, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (record, "vacant_since"), ==, "2026-11-18");
  g_assert_true (cf_date_read_iso (cf_record_get_text (record, "vacant_since"), &opened));
  g_assert_false (cf_vacancy_is_long (&opened, &today));

  cf_record_set_text (record, "vacant_since", "2026-10-01");
  cf_record_set_text (record, "status", "recruiting");
  g_assert_true (cf_direct_payments_save_assistant (fixture->store, zoe, &error));
  g_assert_cmpstr (cf_record_get_text (record, "vacant_since"), ==, "2026-10-01");
  g_assert_true (cf_date_read_iso (cf_record_get_text (record, "vacant_since"), &opened));
  /* 48 days: over 30, flagged. */
  g_assert_true (cf_vacancy_is_long (&opened, &today));

  /* Filled again. */
  cf_record_set_text (record, "status", "in-post");
  g_assert_true (cf_direct_payments_save_assistant (fixture->store, zoe, &error));
  g_assert_cmpstr (cf_record_get_text (record, "vacant_since"), ==, "");

  cf_record_set_text (CF_RECORD (alf), "name", "alf Ash");
  cf_record_set_text (CF_RECORD (alf), "status", "recruiting");
  g_assert_true (cf_direct_payments_save_assistant (fixture->store, alf, &error));
  g_assert_no_error (error);

  assistants = cf_direct_payments_list_assistants (fixture->store, payment_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (assistants->len, ==, 2);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (assistants, 0), "name"), ==,
                   "alf Ash");
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (assistants, 1), "name"), ==,
                   "Zoe Rowan");
  /* Zoe's four saves before any push are one operation, her creation with the values as they
   * now stand; Alf's is another. The audit trail still has every save. */
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", "entity = 'personal_assistant'"), ==, 2);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox",
                                  "entity = 'personal_assistant' AND operation = 'create' AND "
                                  "fields LIKE '%\"status\":\"in-post\"%' AND "
                                  "fields LIKE '%\"vacant_since\":\"\"%'"), ==, 1);
  g_assert_cmpint (cf_test_count (fixture->store, "audit", "entity = 'personal_assistant'"), ==, 5);
}

static void
test_review_due (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(CfDirectPayment) payment = paying (fixture, 15000, "four-weekly");
  GDate first, due, today;
  g_autofree char *words = NULL;

  cf_record_set_text (CF_RECORD (payment), "first_payment_on", "2026-06-01");
  g_assert_true (cf_direct_payments_save (fixture->store, payment, NULL));
  g_assert_true (cf_date_read_iso (cf_record_get_text (CF_RECORD (payment), "first_payment_on"),
                                   &first));
  cf_direct_payment_review_due (&first, NULL, &due);
  cf_clock_today (cf_store_get_clock (fixture->store), &today);
  /* Within the first six months: 1 December, soon. */
  words = cf_due_describe ("Review", &due, &today);
  g_assert_cmpstr (words, ==, "Review due 1 Dec 2026");
  g_assert_cmpint (cf_due_state (&due, &today), ==, CF_DUE_STATE_SOON);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/direct-payment/start", test_start);
  ADD ("/direct-payment/start-refused", test_start_refused);
  ADD ("/direct-payment/start-london-date", test_start_london_date);
  ADD ("/direct-payment/check/capacity", test_check_capacity);
  ADD ("/direct-payment/check/conditions", test_check_conditions);
  ADD ("/direct-payment/check/reasons", test_check_reasons);
  ADD ("/direct-payment/describe-amount", test_describe_amount);
  ADD ("/direct-payment/save-validates", test_save_validates);
  ADD ("/direct-payment/agree", test_agree);
  ADD ("/direct-payment/agree-refused", test_agree_refused);
  ADD ("/direct-payment/agree-refused-conditions", test_agree_refused_conditions);
  ADD ("/direct-payment/end", test_end);
  ADD ("/direct-payment/return/surplus", test_return_surplus);
  ADD ("/direct-payment/return/order-and-errors", test_return_order_and_errors);
  ADD ("/direct-payment/return/recovery", test_recovery);
  ADD ("/direct-payment/assistants", test_assistants);
  ADD ("/direct-payment/review-due", test_review_due);

#undef ADD

  return g_test_run ();
}
