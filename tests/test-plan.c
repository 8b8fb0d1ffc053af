/* test-plan.c: support plans and their versions, breaks, reviews and what falls due
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cf-carer-break.h"
#include "cf-dates.h"
#include "cf-direct-payment.h"
#include "cf-emergency-plan.h"
#include "cf-personal-assistant.h"
#include "cf-plans.h"
#include "cf-reviews.h"
#include "cf-test-easy-read.h"
#include "cf-test-util.h"
#include "cf-text-reminder.h"

typedef struct
{
  char         *dir;
  CfStore      *store;
  CfCarer      *carer;
  CfAssessment *assessment;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = cf_test_make_dir ("plan");
  fixture->store = cf_test_open_store (fixture->dir, NULL);
  fixture->carer = cf_test_save_carer (fixture->store, "given_name", "Ada", "family_name", "Birch",
                                       "reference", "CF-AAAA-0001", "date_of_birth", "1960-04-02",
                                       "phone", "01632 960123", NULL);
  fixture->assessment = cf_test_finished_assessment (fixture->store, fixture->carer, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->assessment);
  g_clear_object (&fixture->carer);
  g_clear_object (&fixture->store);
  g_free (fixture->dir);
}

static const char *
carer_id (Fixture *fixture)
{
  return cf_record_get_id (CF_RECORD (fixture->carer));
}

static CfPlan *
create_plan (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CfPlan *plan = cf_plans_create_from_assessment (fixture->store, fixture->carer,
                                                  fixture->assessment, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

static gboolean
mentions (GPtrArray  *missing,
          const char *text)
{
  for (guint i = 0; i < missing->len; i++)
    {
      if (strstr (g_ptr_array_index (missing, i), text) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Fills in a plan so that it can be agreed: every need met by a break, a budget and the
 * carer's agreement. */
static void
complete_plan (CfPlan    *plan,
               GPtrArray *needs)
{
  CfRecord *record = CF_RECORD (plan);

  for (guint i = 0; i < needs->len; i++)
    cf_record_set_text (g_ptr_array_index (needs, i), "met_by", "break");

  cf_record_set_text (record, "outcomes", "A night's sleep once a week");
  cf_record_set_int (record, "cost_pence", 120000);
  cf_record_set_int (record, "carer_contribution_pence", 20000);
  cf_record_set_bool (record, "carer_agrees", TRUE);
}

static CfPlan *
agreed_plan (Fixture    *fixture,
             const char *agreed_on)
{
  g_autoptr(GError) error = NULL;
  CfPlan *plan = create_plan (fixture);
  g_autoptr(GPtrArray) needs = cf_plans_list_needs (fixture->store,
                                                    cf_record_get_id (CF_RECORD (plan)), &error);

  complete_plan (plan, needs);
  g_assert_true (cf_plans_agree (fixture->store, plan, needs, NULL, agreed_on, &error));
  g_assert_no_error (error);

  return plan;
}

static void
test_from_assessment (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPlan) plan = create_plan (fixture);
  g_autoptr(CfPlan) second = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(CfPlan) current = NULL;
  g_autoptr(CfAssessment) not_eligible = NULL;
  CfRecord *record = CF_RECORD (plan);

  g_assert_cmpstr (cf_record_get_text (record, "status"), ==, CF_PLAN_DRAFT);
  g_assert_cmpint (cf_record_get_int (record, "number"), ==, 1);
  g_assert_cmpstr (cf_record_get_text (record, "assessment_id"), ==,
                   cf_record_get_id (CF_RECORD (fixture->assessment)));
  g_assert_true (cf_plan_is_editable (plan));

  /* A need for each outcome the carer can't achieve, marked eligible. */
  needs = cf_plans_list_needs (fixture->store, cf_record_get_id (record), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (needs->len, >, 0);
  for (guint i = 0; i < needs->len; i++)
    {
      CfRecord *need = g_ptr_array_index (needs, i);

      g_assert_cmpstr (cf_record_get_text (need, "eligibility"), ==, "eligible");
      g_assert_true (g_str_has_prefix (cf_record_get_text (need, "source"), "outcome."));
      g_assert_cmpint (cf_record_get_int (need, "position"), ==, i);
      g_assert_cmpstr (cf_record_get_text (need, "need"), !=, "");
    }

  g_assert_cmpint (cf_test_count (fixture->store, "carer_event", "kind = 'plan-created'"), ==, 1);
  /* The outcome's notes became how far the need goes. */
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (needs, 0), "need"), !=, "");
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", "entity = 'plan_need'"), ==, needs->len);

  /* Only one draft at a time. */
  second = cf_plans_create_from_assessment (fixture->store, fixture->carer, fixture->assessment,
                                            &error);
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED);
  g_assert_null (second);
  g_clear_error (&error);

  current = cf_plans_current (fixture->store, carer_id (fixture), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_id (CF_RECORD (current)), ==, cf_record_get_id (record));
  g_assert_cmpint (cf_test_count (fixture->store, "audit", "action = 'view' AND entity = 'support_plan'"),
                   ==, 1);

  /* An assessment as listed, without its answers, gives the same needs. */
  {
    g_autoptr(CfCarer) listed_carer = cf_test_save_carer (fixture->store, "given_name", "Lu", NULL);
    g_autoptr(CfAssessment) finished = cf_test_finished_assessment (fixture->store, listed_carer,
                                                                    TRUE);
    g_autoptr(GPtrArray) listed = cf_assessments_list (fixture->store,
                                                       cf_record_get_id (CF_RECORD (listed_carer)),
                                                       &error);
    g_autoptr(CfPlan) from_list = NULL;
    g_autoptr(GPtrArray) listed_needs = NULL;

    g_assert_cmpuint (g_hash_table_size (cf_assessment_get_answers (g_ptr_array_index (listed, 0))),
                      ==, 0);
    from_list = cf_plans_create_from_assessment (fixture->store, listed_carer,
                                                 g_ptr_array_index (listed, 0), &error);
    g_assert_no_error (error);
    listed_needs = cf_plans_list_needs (fixture->store, cf_record_get_id (CF_RECORD (from_list)),
                                        &error);
    g_assert_cmpuint (listed_needs->len, ==, needs->len);
  }

  /* Not eligible, or not finished: no plan. */
  {
    g_autoptr(CfCarer) other = cf_test_save_carer (fixture->store, "given_name", "Bo", NULL);

    not_eligible = cf_test_finished_assessment (fixture->store, other, FALSE);
    g_assert_null (cf_plans_create_from_assessment (fixture->store, other, not_eligible, &error));
    g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED);
    g_clear_error (&error);

    /* Nor from another carer's assessment. */
    g_assert_null (cf_plans_create_from_assessment (fixture->store, other, fixture->assessment,
                                                    &error));
    g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  }
}

static void
test_agree (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPlan) plan = create_plan (fixture);
  CfRecord *record = CF_RECORD (plan);
  const char *plan_id = cf_record_get_id (record);
  g_autoptr(GPtrArray) needs = cf_plans_list_needs (fixture->store, plan_id, &error);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) missing = NULL;
  CfRecord *need = g_ptr_array_index (needs, 0);
  CfPlanAction *action = cf_plan_action_new (plan_id);

  g_ptr_array_add (actions, action);
  cf_record_set_text (CF_RECORD (action), "what", "Apply for a carer's break");

  missing = cf_plan_dup_missing (plan, needs, actions);
  g_assert_true (mentions (missing, "how “"));
  g_assert_true (mentions (missing, "who will “Apply for a carer's break”"));
  g_assert_true (mentions (missing, "the carer’s agreement"));
  g_clear_pointer (&missing, g_ptr_array_unref);

  g_assert_false (cf_plans_agree (fixture->store, plan, needs, actions, NULL, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "Still needed"));
  g_clear_error (&error);
  g_assert_true (cf_plan_is_editable (plan));

  /* Replacement care needs the cared-for person's consent. */
  complete_plan (plan, needs);
  cf_record_set_text (CF_RECORD (action), "who", "Sam");
  cf_record_set_text (need, "met_by", "replacement-care");
  missing = cf_plan_dup_missing (plan, needs, actions);
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_true (mentions (missing, "consent to replacement care"));
  g_clear_pointer (&missing, g_ptr_array_unref);
  cf_record_set_bool (need, "cared_for_consent", TRUE);

  /* The budget has to add up (s.26). */
  cf_record_set_int (record, "carer_contribution_pence", 130000);
  missing = cf_plan_dup_missing (plan, needs, actions);
  g_assert_true (mentions (missing, "more than the cost"));
  g_assert_cmpint (cf_plan_get_council_contribution (plan), ==, -1);
  g_clear_pointer (&missing, g_ptr_array_unref);
  cf_record_set_int (record, "carer_contribution_pence", 20000);
  g_assert_cmpint (cf_plan_get_council_contribution (plan), ==, 100000);

  /* A need that isn't eligible doesn't need a way of meeting it. */
  cf_record_set_text (need, "eligibility", "not-eligible");
  cf_record_set_text (need, "met_by", "");
  missing = cf_plan_dup_missing (plan, needs, actions);
  g_assert_cmpuint (missing->len, ==, 0);

  g_assert_false (cf_plans_agree (fixture->store, plan, needs, actions, "31/02/2026", &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (cf_plans_agree (fixture->store, plan, needs, actions, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (record, "status"), ==, CF_PLAN_AGREED);
  g_assert_cmpstr (cf_record_get_text (record, "agreed_on"), ==, "2026-11-18");
  g_assert_cmpstr (cf_record_get_text (record, "agreed_by"), ==, "Sam Assessor");
  g_assert_false (cf_record_is_dirty (CF_RECORD (action)));
  g_assert_cmpint (cf_test_count (fixture->store, "carer_event", "kind = 'plan-agreed'"), ==, 1);

  /* Agreed means kept as it was. */
  cf_record_set_text (record, "outcomes", "Something else");
  g_assert_false (cf_plans_save (fixture->store, plan, needs, actions, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_LOCKED);
  g_clear_error (&error);
  cf_record_set_text (record, "outcomes", "A night's sleep once a week");
  cf_record_set_text (need, "how", "Changed");
  g_assert_false (cf_plans_save (fixture->store, plan, needs, actions, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_LOCKED);
  g_clear_error (&error);
  cf_record_set_text (need, "how", "");

  /* …but a copy can be given afterwards, in a format the carer can use. */
  g_assert_false (cf_plans_copy_given (fixture->store, plan, "2026-11-19", "smoke-signal", NULL,
                                         &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cf_plans_copy_given (fixture->store, plan, "2026-11-19", "large-print", "en",
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_test_count (fixture->store, "support_plan", "copy_format = 'large-print'"), ==, 1);
}

static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPlan) plan = create_plan (fixture);
  const char *plan_id = cf_record_get_id (CF_RECORD (plan));
  g_autoptr(GPtrArray) needs = cf_plans_list_needs (fixture->store, plan_id, &error);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) reloaded = NULL;
  CfPlanNeed *extra = cf_plan_need_new (plan_id);
  CfPlanAction *action = cf_plan_action_new (plan_id);
  guint n_needs = needs->len;

  /* The plan and its needs have gone up in a push (sent), so the removal below is an
   * operation of its own rather than folded into the waiting creation. */
  g_assert_true (cf_store_exec (fixture->store, "UPDATE outbox SET sent = 1;", &error));

  /* A new need goes first; the first need found is removed. */
  cf_record_set_text (CF_RECORD (extra), "need", "Time for a course");
  cf_record_set_text (CF_RECORD (extra), "eligibility", "partly");
  g_ptr_array_insert (needs, 0, extra);
  cf_record_set_deleted (g_ptr_array_index (needs, 1), TRUE);
  g_ptr_array_add (actions, action);
  cf_record_set_text (CF_RECORD (action), "what", "Find a course");
  cf_record_set_text (CF_RECORD (action), "who", "Ada");
  cf_record_set_text (CF_RECORD (action), "due_on", "2027-02-30");

  g_assert_false (cf_plans_save (fixture->store, plan, needs, actions, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Find a course"));
  g_clear_error (&error);
  /* Nothing was lost: the edit is still there to correct. */
  g_assert_true (cf_record_is_dirty (CF_RECORD (extra)));

  cf_record_set_text (CF_RECORD (action), "due_on", "2027-02-28");
  cf_record_set_text (CF_RECORD (extra), "met_by", "teleportation");
  g_assert_false (cf_plans_save (fixture->store, plan, needs, actions, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  cf_record_set_text (CF_RECORD (extra), "met_by", "training");

  g_assert_true (cf_plans_save (fixture->store, plan, needs, actions, &error));
  g_assert_no_error (error);

  reloaded = cf_plans_list_needs (fixture->store, plan_id, &error);
  g_assert_cmpuint (reloaded->len, ==, n_needs);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (reloaded, 0), "need"), ==,
                   "Time for a course");
  g_clear_pointer (&reloaded, g_ptr_array_unref);
  reloaded = cf_plans_list_actions (fixture->store, plan_id, &error);
  g_assert_cmpuint (reloaded->len, ==, 1);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (reloaded, 0), "due_on"), ==,
                   "2027-02-28");

  /* Each saved record went to the outbox, and the deletion too. */
  g_assert_cmpint (cf_test_count (fixture->store, "outbox",
                          "entity = 'plan_need' AND operation = 'delete'"), ==, 1);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", "entity = 'plan_action'"), ==, 1);
}

static void
test_versions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPlan) first = agreed_plan (fixture, "2026-09-01");
  g_autoptr(CfPlan) second = NULL;
  g_autoptr(CfPlan) third = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GPtrArray) first_needs = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(CfPlan) reloaded = NULL;
  const char *first_id = cf_record_get_id (CF_RECORD (first));

  g_assert_null (cf_plans_revise (fixture->store, first, "  ", &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  second = cf_plans_revise (fixture->store, first, "The review found sleep is worse", &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_record_get_int (CF_RECORD (second), "number"), ==, 2);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (second), "previous_id"), ==, first_id);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (second), "status"), ==, CF_PLAN_DRAFT);
  g_assert_cmpint (cf_record_get_int (CF_RECORD (second), "cost_pence"), ==, 120000);
  g_assert_false (cf_record_get_bool (CF_RECORD (second), "carer_agrees"));

  /* Needs are copied to the new version, not moved. */
  needs = cf_plans_list_needs (fixture->store, cf_record_get_id (CF_RECORD (second)), &error);
  first_needs = cf_plans_list_needs (fixture->store, first_id, &error);
  g_assert_cmpuint (needs->len, ==, first_needs->len);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (needs, 0), "met_by"), ==, "break");

  /* Still one draft at a time, and only the plan in force is revised. */
  g_assert_null (cf_plans_revise (fixture->store, first, "Again", &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_null (cf_plans_revise (fixture->store, second, "Again", &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* Until the new version is agreed, the old one is in force. */
  reloaded = cf_plans_load (fixture->store, first_id, &error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (reloaded), "status"), ==, CF_PLAN_AGREED);
  g_clear_object (&reloaded);

  cf_record_set_int (CF_RECORD (second), "cost_pence", 150000);
  cf_record_set_bool (CF_RECORD (second), "carer_agrees", TRUE);
  g_assert_true (cf_plans_agree (fixture->store, second, needs, NULL, "2026-11-10", &error));
  g_assert_no_error (error);

  reloaded = cf_plans_load (fixture->store, first_id, &error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (reloaded), "status"), ==, CF_PLAN_SUPERSEDED);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (reloaded), "superseded_on"), ==, "2026-11-10");
  /* The old version keeps what was agreed. */
  g_assert_cmpint (cf_record_get_int (CF_RECORD (reloaded), "cost_pence"), ==, 120000);

  versions = cf_plans_list (fixture->store, carer_id (fixture), &error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpint (cf_record_get_int (g_ptr_array_index (versions, 0), "number"), ==, 2);

  /* A reassessment makes the next version too. */
  third = cf_plans_create_from_assessment (fixture->store, fixture->carer, fixture->assessment,
                                           &error);
  g_assert_no_error (error);
  g_assert_cmpint (cf_record_get_int (CF_RECORD (third), "number"), ==, 3);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (third), "previous_id"), ==,
                   cf_record_get_id (CF_RECORD (second)));
  g_assert_cmpint (cf_test_count (fixture->store, "carer_event", "kind = 'plan-revised'"), ==, 1);
}

static void
test_breaks (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCarerBreak) before = NULL;
  g_autoptr(CfCarerBreak) after = NULL;
  g_autoptr(CfPlan) plan = NULL;
  g_autoptr(GPtrArray) breaks = NULL;

  g_assert_null (cf_plans_record_break (fixture->store, fixture->carer, "fortnight", NULL, NULL,
                                        &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cf_plans_record_break (fixture->store, fixture->carer, "day", "yesterday", NULL,
                                        &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  before = cf_plans_record_break (fixture->store, fixture->carer, "short-notice", "2026-08-01",
                                  "Hospital stay", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (before), "plan_id"), ==, "");

  plan = agreed_plan (fixture, "2026-09-01");
  after = cf_plans_record_break (fixture->store, fixture->carer, "long", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (after), "taken_on"), ==, "2026-11-18");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (after), "plan_id"), ==,
                   cf_record_get_id (CF_RECORD (plan)));

  breaks = cf_plans_list_breaks (fixture->store, carer_id (fixture), &error);
  g_assert_cmpuint (breaks->len, ==, 2);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (breaks, 0), "kind"), ==, "long");
  g_assert_cmpint (cf_test_count (fixture->store, "carer_event", "kind = 'break-taken'"), ==, 2);
}

static void
test_document (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPlan) plan = agreed_plan (fixture, "2026-09-01");
  g_autoptr(GPtrArray) needs = cf_plans_list_needs (fixture->store,
                                                    cf_record_get_id (CF_RECORD (plan)), &error);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  CfOrganisation organisation = { "Dales Carers", "01632 960000" };
  g_autoptr(CfDocument) document = NULL;
  g_autofree char *text = NULL;
  CfPlanAction *action = cf_plan_action_new (cf_record_get_id (CF_RECORD (plan)));

  cf_record_set_text (CF_RECORD (action), "what", "book a sitting service");
  cf_record_set_text (CF_RECORD (action), "who", "Sam");
  cf_record_set_text (CF_RECORD (action), "due_on", "2026-12-01");
  g_ptr_array_add (actions, action);

  document = cf_plan_document_build (fixture->carer, plan, needs, actions, "1 Mar 2027",
                                     &organisation, CF_DOCUMENT_FORMAT_STANDARD, NULL);
  text = cf_document_to_text (document);

  g_assert_nonnull (strstr (text, "Your support plan — Ada"));
  g_assert_nonnull (strstr (text, "Version 1"));
  g_assert_nonnull (strstr (text, "A night's sleep once a week"));
  g_assert_nonnull (strstr (text, "A break"));
  g_assert_nonnull (strstr (text, "Sam: book a sitting service, by 01/12/2026"));
  g_assert_nonnull (strstr (text, "£1,200.00"));
  g_assert_nonnull (strstr (text, "£200.00"));
  g_assert_nonnull (strstr (text, "£1,000.00"));
  g_assert_nonnull (strstr (text, "1 Mar 2027"));
  g_assert_nonnull (strstr (text, "call Dales Carers on 01632 960000"));
  g_assert_cmpstr (cf_document_get_footer (document), ==, "Reference CF-AAAA-0001");
}

/* Easy read: the same plan in short lines, one idea each, with the facts the carer needs. */
static void
test_document_easy_read (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPlan) plan = agreed_plan (fixture, "2026-09-01");
  g_autoptr(GPtrArray) needs = cf_plans_list_needs (fixture->store,
                                                    cf_record_get_id (CF_RECORD (plan)), &error);
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  CfOrganisation organisation = { "Dales Carers", "01632 960000" };
  g_autoptr(CfDocument) document = NULL;
  CfPlanAction *action = cf_plan_action_new (cf_record_get_id (CF_RECORD (plan)));
  CfCaredFor *mary = cf_carer_add_cared_for (fixture->carer);
  const char * const facts[] = {
    "You look after: Mary", "Your name: Ada Birch", "We agreed it on: 1 September 2026",
    "You want: A night's sleep once a week", "Help: A break", "We can help with this: Yes",
    "Who: Sam", "What: Book a sitting service", "By: 1 December 2026",
    "Your support costs: £1,200.00", "You pay: £200.00", "The council pays: £1,000.00",
    "Next time: 1 Mar 2027", "Call: Dales Carers", "Phone: 01632 960000", NULL
  };

  cf_record_set_text (CF_RECORD (mary), "name", "Mary");
  cf_record_set_text (CF_RECORD (action), "what", "Book a sitting service");
  cf_record_set_text (CF_RECORD (action), "who", "Sam");
  cf_record_set_text (CF_RECORD (action), "due_on", "2026-12-01");
  g_ptr_array_add (actions, action);

  document = cf_plan_document_build (fixture->carer, plan, needs, actions, "1 Mar 2027",
                                     &organisation, CF_DOCUMENT_FORMAT_EASY_READ, NULL);
  g_assert_cmpstr (cf_document_get_title (document), ==, "Your support plan — Ada");
  g_assert_cmpstr (cf_document_get_footer (document), ==, "Reference CF-AAAA-0001");
  g_assert_cmpstr (cf_document_get_language (document), ==, "en");
  cf_test_assert_easy_read (document, facts);

  /* Large print is the standard words, to be printed larger. */
  {
    g_autoptr(CfDocument) large = cf_plan_document_build (fixture->carer, plan, needs, actions,
                                                          "1 Mar 2027", &organisation,
                                                          CF_DOCUMENT_FORMAT_LARGE_PRINT, NULL);
    g_autoptr(CfDocument) standard = cf_plan_document_build (fixture->carer, plan, needs,
                                                             actions, "1 Mar 2027",
                                                             &organisation,
                                                             CF_DOCUMENT_FORMAT_STANDARD, NULL);
    g_autofree char *large_text = cf_document_to_text (large);
    g_autofree char *standard_text = cf_document_to_text (standard);

    g_assert_cmpint (cf_document_get_format (large), ==, CF_DOCUMENT_FORMAT_LARGE_PRINT);
    g_assert_cmpstr (large_text, ==, standard_text);
  }
}

/* Reviews and due dates */

static void
set_date (GDate *date,
          guint  year,
          guint  month,
          guint  day)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static CfDueItem *
find_item (GPtrArray *items,
           CfDueKind  kind)
{
  for (guint i = 0; i < items->len; i++)
    {
      CfDueItem *item = g_ptr_array_index (items, i);

      if (item->kind == kind)
        return item;
    }

  return NULL;
}

static void
assert_due (CfDueItem  *item,
            const char *expected)
{
  g_autofree char *due = NULL;

  g_assert_nonnull (item);
  due = cf_date_write_iso (&item->due);
  g_assert_cmpstr (due, ==, expected);
}

static void
test_plan_review_cycle (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPlan) plan = agreed_plan (fixture, "2026-09-01");
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(CfReview) early = NULL;
  g_autoptr(CfReview) held = NULL;
  const char *plan_id = cf_record_get_id (CF_RECORD (plan));
  GDate today;

  /* First review: 8 weeks after the plan was agreed. */
  set_date (&today, 2026, 10, 1);
  items = cf_due_for_carer (fixture->store, fixture->carer, &today, &error);
  g_assert_no_error (error);
  assert_due (find_item (items, CF_DUE_PLAN_REVIEW), "2026-10-27");
  g_assert_cmpint (find_item (items, CF_DUE_PLAN_REVIEW)->state, ==, CF_DUE_STATE_SOON);
  g_assert_cmpstr (find_item (items, CF_DUE_PLAN_REVIEW)->subject_id, ==, plan_id);
  g_assert_cmpstr (find_item (items, CF_DUE_PLAN_REVIEW)->reference, ==, "CF-AAAA-0001");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A scheduled review on 20 October: the next is 12 months on. */
  held = cf_reviews_record (fixture->store, fixture->carer, NULL, CF_REVIEW_SUBJECT_PLAN, plan_id,
                            "2026-10-20", "no-change", "All well", &error);
  g_assert_no_error (error);
  g_clear_object (&held);
  items = cf_due_for_carer (fixture->store, fixture->carer, NULL, &error);
  assert_due (find_item (items, CF_DUE_PLAN_REVIEW), "2027-10-20");
  g_assert_cmpint (find_item (items, CF_DUE_PLAN_REVIEW)->state, ==, CF_DUE_STATE_LATER);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* An early review asked for on the 18th November is due within 28 days… */
  g_assert_null (cf_reviews_request_early (fixture->store, fixture->carer, CF_REVIEW_SUBJECT_PLAN,
                                           plan_id, "whim", NULL, NULL, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  early = cf_reviews_request_early (fixture->store, fixture->carer, CF_REVIEW_SUBJECT_PLAN,
                                    plan_id, "cared-for-in-hospital", "Ten days on the ward",
                                    NULL, &error);
  g_assert_no_error (error);
  items = cf_due_for_carer (fixture->store, fixture->carer, NULL, &error);
  assert_due (find_item (items, CF_DUE_EARLY_REVIEW), "2026-12-16");
  g_assert_cmpstr (find_item (items, CF_DUE_EARLY_REVIEW)->title, !=, "");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* …can't be recorded before it is held… */
  g_assert_null (cf_reviews_record (fixture->store, fixture->carer, early, NULL, NULL,
                                    "2026-12-01", "plan-revised", NULL, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (cf_reviews_record (fixture->store, fixture->carer, early, NULL, NULL,
                                    "2026-11-18", "shrug", NULL, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_clear_error (&error);

  /* …and once held, it resets the cycle: 12 months from the early review. */
  held = cf_reviews_record (fixture->store, fixture->carer, early, NULL, NULL, "2026-11-18",
                            "plan-revised", "More breaks", &error);
  g_assert_no_error (error);
  g_assert_true (held == early);
  items = cf_due_for_carer (fixture->store, fixture->carer, NULL, &error);
  g_assert_null (find_item (items, CF_DUE_EARLY_REVIEW));
  assert_due (find_item (items, CF_DUE_PLAN_REVIEW), "2027-11-18");
  g_clear_pointer (&items, g_ptr_array_unref);

  g_assert_null (cf_reviews_record (fixture->store, fixture->carer, early, NULL, NULL,
                                    "2026-11-18", "no-change", NULL, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* Both reviews are kept, newest first, each with its history entry. */
  items = cf_reviews_list (fixture->store, carer_id (fixture), &error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (items, 0), "kind"), ==, "early");
  g_assert_cmpint (cf_test_count (fixture->store, "carer_event", "kind = 'review-held'"), ==, 2);
  g_assert_cmpint (cf_test_count (fixture->store, "carer_event", "kind = 'review-requested'"), ==, 1);
}

static void
test_young_carer (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPlan) plan = NULL;
  g_autoptr(CfReview) held = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GDate today;

  /* Fifteen: reviews every 6 months, and transition planning. */
  cf_record_set_text (CF_RECORD (fixture->carer), "date_of_birth", "2011-05-01");
  g_assert_true (cf_store_save_carer (fixture->store, fixture->carer, &error));
  plan = agreed_plan (fixture, "2026-06-01");
  held = cf_reviews_record (fixture->store, fixture->carer, NULL, CF_REVIEW_SUBJECT_PLAN,
                            cf_record_get_id (CF_RECORD (plan)), "2026-07-20", "no-change", NULL,
                            &error);
  g_assert_no_error (error);

  items = cf_due_for_carer (fixture->store, fixture->carer, NULL, &error);
  assert_due (find_item (items, CF_DUE_PLAN_REVIEW), "2027-01-20");
  g_assert_nonnull (find_item (items, CF_DUE_TRANSITION));
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Seventeen with no adult assessment booked: urgent, so overdue. */
  set_date (&today, 2028, 6, 1);
  items = cf_due_for_carer (fixture->store, fixture->carer, &today, &error);
  g_assert_cmpint (find_item (items, CF_DUE_TRANSITION)->state, ==, CF_DUE_STATE_OVERDUE);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* Eighteen: an adult carer, with 12-monthly reviews and no transition flag. */
  set_date (&today, 2029, 6, 1);
  items = cf_due_for_carer (fixture->store, fixture->carer, &today, &error);
  g_assert_null (find_item (items, CF_DUE_TRANSITION));
  assert_due (find_item (items, CF_DUE_PLAN_REVIEW), "2027-07-20");
}

static void
test_payments_and_assistants (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDirectPayment) payment = cf_direct_payment_new (carer_id (fixture));
  g_autoptr(CfPersonalAssistant) in_post = NULL;
  g_autoptr(CfPersonalAssistant) vacant = NULL;
  g_autoptr(CfEmergencyPlan) emergency = cf_emergency_plan_new (carer_id (fixture));
  g_autoptr(CfReview) held = NULL;
  g_autoptr(GPtrArray) items = NULL;
  const char *payment_id = cf_record_get_id (CF_RECORD (payment));
  GDate today;

  cf_record_set_text (CF_RECORD (payment), "status", "active");
  cf_record_set_text (CF_RECORD (payment), "first_payment_on", "2026-03-10");
  in_post = cf_personal_assistant_new (payment_id);
  cf_record_set_text (CF_RECORD (in_post), "status", "in-post");
  cf_record_set_text (CF_RECORD (in_post), "dbs_checked_on", "2024-01-15");
  cf_record_set_text (CF_RECORD (in_post), "insurance_expires_on", "2026-12-01");
  vacant = cf_personal_assistant_new (payment_id);
  cf_record_set_text (CF_RECORD (vacant), "status", "vacant");
  cf_record_set_text (CF_RECORD (vacant), "vacant_since", "2026-10-01");
  cf_record_set_text (CF_RECORD (emergency), "agreed_on", "2025-10-01");

  {
    CfRecord *records[] = { CF_RECORD (payment), CF_RECORD (in_post), CF_RECORD (vacant),
                            CF_RECORD (emergency) };

    g_assert_true (cf_store_save (fixture->store, records, G_N_ELEMENTS (records), &error));
    g_assert_no_error (error);
  }

  set_date (&today, 2026, 8, 1);
  items = cf_due_for_carer (fixture->store, fixture->carer, &today, &error);
  /* A direct payment is reviewed within 6 months of the first payment. */
  assert_due (find_item (items, CF_DUE_DIRECT_PAYMENT_REVIEW), "2026-09-10");
  /* A DBS check is renewed every 3 years. */
  assert_due (find_item (items, CF_DUE_DBS_RENEWAL), "2027-01-15");
  assert_due (find_item (items, CF_DUE_INSURANCE), "2026-12-01");
  /* A vacancy is flagged after 30 days. */
  assert_due (find_item (items, CF_DUE_VACANCY), "2026-10-31");
  /* An emergency plan is checked every 12 months. */
  assert_due (find_item (items, CF_DUE_EMERGENCY_CHECK), "2026-10-01");
  /* Soonest first. */
  for (guint i = 1; i < items->len; i++)
    g_assert_cmpint (g_date_compare (&((CfDueItem *) g_ptr_array_index (items, i - 1))->due,
                                     &((CfDueItem *) g_ptr_array_index (items, i))->due), <=, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* After a direct payment review, the next is within 12 months. */
  held = cf_reviews_record (fixture->store, fixture->carer, NULL,
                            CF_REVIEW_SUBJECT_DIRECT_PAYMENT, payment_id, "2026-09-01",
                            "no-change", NULL, &error);
  g_assert_no_error (error);
  items = cf_due_for_carer (fixture->store, fixture->carer, NULL, &error);
  assert_due (find_item (items, CF_DUE_DIRECT_PAYMENT_REVIEW), "2027-09-01");

  /* The last review held, for a page that works the date out from an unsaved first payment. */
  g_assert_true (cf_reviews_last_held (fixture->store, carer_id (fixture), payment_id, &today,
                                       &error));
  g_assert_cmpuint (g_date_get_month (&today), ==, 9);
  g_assert_true (cf_reviews_last_held (fixture->store, carer_id (fixture), "no-such-thing",
                                       &today, &error));
  g_assert_false (g_date_valid (&today));
}

static void
test_due_list (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPlan) plan = agreed_plan (fixture, "2026-09-01");
  g_autoptr(CfCarer) closed = cf_test_save_carer (fixture->store, "given_name", "Cy",
                                                  "status", "closed", NULL);
  g_autoptr(CfEmergencyPlan) closed_plan = cf_emergency_plan_new (cf_record_get_id (CF_RECORD (closed)));
  g_autoptr(CfEmergencyPlan) in_date = cf_emergency_plan_new (carer_id (fixture));
  g_autoptr(GPtrArray) items = NULL;
  GDate today;

  cf_record_set_text (CF_RECORD (closed_plan), "agreed_on", "2020-01-01");
  cf_record_set_text (CF_RECORD (in_date), "last_checked_on", "2026-11-01");
  {
    CfRecord *records[] = { CF_RECORD (closed_plan), CF_RECORD (in_date) };

    g_assert_true (cf_store_save (fixture->store, records, G_N_ELEMENTS (records), &error));
  }

  /* Due soon, overdue, and later (left out); closed carers left out. */
  items = cf_due_list (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (((CfDueItem *) g_ptr_array_index (items, 0))->kind, ==, CF_DUE_PLAN_REVIEW);
  g_assert_cmpint (((CfDueItem *) g_ptr_array_index (items, 0))->state, ==, CF_DUE_STATE_OVERDUE);
  g_assert_cmpstr (((CfDueItem *) g_ptr_array_index (items, 0))->carer_name, ==, "Ada Birch");
  g_clear_pointer (&items, g_ptr_array_unref);
  g_assert_cmpint (cf_test_count (fixture->store, "audit", "action = 'list' AND entity = 'due'"), ==, 1);

  set_date (&today, 2026, 9, 2);
  items = cf_due_list (fixture->store, &today, &error);
  g_assert_cmpuint (items->len, ==, 0);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A young carer with nothing else recorded is still listed for transition planning. */
  {
    g_autoptr(CfCarer) young = cf_test_save_carer (fixture->store, "given_name", "Eli",
                                                   "date_of_birth", "2009-03-01", NULL);

    items = cf_due_list (fixture->store, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (items->len, ==, 2);
    g_assert_nonnull (find_item (items, CF_DUE_TRANSITION));
    g_assert_cmpstr (find_item (items, CF_DUE_TRANSITION)->carer_id, ==,
                     cf_record_get_id (CF_RECORD (young)));
  }
}

static void
test_reminders (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPlan) plan = agreed_plan (fixture, "2026-09-01");
  g_autoptr(CfCarer) no_phone = cf_test_save_carer (fixture->store, "given_name", "Di", NULL);
  g_autoptr(CfPlan) no_phone_plan = NULL;
  g_autoptr(CfAssessment) no_phone_assessment = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  guint n;

  /* Consent but no phone number: nothing to send to. */
  cf_record_set_bool (CF_RECORD (no_phone), "texts_consent", TRUE);
  g_assert_true (cf_store_save_carer (fixture->store, no_phone, &error));
  no_phone_assessment = cf_test_finished_assessment (fixture->store, no_phone, TRUE);
  no_phone_plan = cf_plans_create_from_assessment (fixture->store, no_phone, no_phone_assessment,
                                                   &error);
  g_assert_no_error (error);

  /* No consent, no text. */
  n = cf_due_queue_reminders (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 0);

  g_assert_true (cf_reviews_set_texts_consent (fixture->store, fixture->carer, TRUE, &error));
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (fixture->carer), "texts_consent_on"), ==,
                   "2026-11-18");

  n = cf_due_queue_reminders (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  reminders = cf_store_load_records (fixture->store, CF_TYPE_TEXT_REMINDER, "1", NULL, NULL,
                                     &error);
  g_assert_cmpuint (reminders->len, ==, 1);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (reminders, 0), "phone"), ==,
                   "01632 960123");
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (reminders, 0), "state"), ==, "queued");
  /* A text carries no name and no health details. */
  g_assert_null (strstr (cf_record_get_text (g_ptr_array_index (reminders, 0), "message"), "Ada"));
  g_clear_pointer (&reminders, g_ptr_array_unref);

  /* Queuing again adds nothing. */
  g_assert_cmpuint (cf_due_queue_reminders (fixture->store, NULL, &error), ==, 0);
  g_assert_cmpint (cf_test_count (fixture->store, "text_reminder", "1"), ==, 1);

  /* Consent withdrawn: the queued text is cancelled, not sent. */
  g_assert_true (cf_reviews_set_texts_consent (fixture->store, fixture->carer, FALSE, &error));
  g_assert_cmpuint (cf_due_queue_reminders (fixture->store, NULL, &error), ==, 0);
  g_assert_cmpint (cf_test_count (fixture->store, "text_reminder", "state = 'cancelled'"), ==, 1);
  /* Both the consent and its withdrawal are in the history. */
  g_assert_cmpint (cf_test_count (fixture->store, "carer_event", "kind = 'texts-consent'"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/plan/from-assessment", test_from_assessment);
  ADD ("/plan/agree", test_agree);
  ADD ("/plan/save", test_save);
  ADD ("/plan/versions", test_versions);
  ADD ("/plan/breaks", test_breaks);
  ADD ("/plan/document", test_document);
  ADD ("/plan/document/easy-read", test_document_easy_read);
  ADD ("/review/plan-cycle", test_plan_review_cycle);
  ADD ("/review/young-carer", test_young_carer);
  ADD ("/review/payments-and-assistants", test_payments_and_assistants);
  ADD ("/review/due-list", test_due_list);
  ADD ("/review/reminders", test_reminders);

#undef ADD

  return g_test_run ();
}
