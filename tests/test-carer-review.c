/* test-carer-review.c: what a carer reads and says in carer review mode
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cf-carer-review.h"
#include "cf-emergency-plans.h"
#include "cf-plans.h"
#include "cf-reviews.h"
#include "cf-test-util.h"

typedef struct
{
  char         *dir;
  CfStore      *store;
  CfCarer      *carer;
  CfCarer      *other;
} Fixture;

static CfPlan *
draft_plan (CfStore *store,
            CfCarer *carer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfAssessment) assessment = cf_test_finished_assessment (store, carer, TRUE);
  CfPlan *plan = cf_plans_create_from_assessment (store, carer, assessment, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
  cf_record_set_text (CF_RECORD (plan), "outcomes", "A night’s sleep once a week");
  g_assert_true (cf_plans_save (store, plan, NULL, NULL, &error));
  g_assert_no_error (error);

  return plan;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(CfPlan) mine = NULL;
  g_autoptr(CfPlan) theirs = NULL;

  fixture->dir = cf_test_make_dir ("carer-review");
  fixture->store = cf_test_open_store (fixture->dir, NULL);
  fixture->carer = cf_test_save_carer (fixture->store, "given_name", "Ada", "family_name", "Birch",
                                       "reference", "CF-AAAA-0001", NULL);
  fixture->other = cf_test_save_carer (fixture->store, "given_name", "Olwen", "family_name",
                                       "Quarry", "reference", "CF-BBBB-0002", NULL);
  mine = draft_plan (fixture->store, fixture->carer);
  theirs = draft_plan (fixture->store, fixture->other);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->carer);
  g_clear_object (&fixture->other);
  g_clear_object (&fixture->store);
  g_free (fixture->dir);
}

static CfCarerReview *
load (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CfCarerReview *review = cf_carer_review_load (fixture->store,
                                                cf_record_get_id (CF_RECORD (fixture->carer)),
                                                &error);

  g_assert_no_error (error);
  g_assert_nonnull (review);

  return review;
}

static char *
all_text (GPtrArray *documents)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < documents->len; i++)
    {
      g_autofree char *part = cf_document_to_text (g_ptr_array_index (documents, i));

      g_string_append (text, part);
    }

  return g_string_free (text, FALSE);
}

/* The carer reads their plan, emergency plan, direct payment and next review, and nothing of
 * anybody else's. */
static void
test_only_theirs (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CfCarerReview) review = load (fixture);
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (review->plan);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (review->plan), "carer_id"), ==,
                   cf_record_get_id (CF_RECORD (fixture->carer)));
  g_assert_null (review->emergency_plan);
  g_assert_cmpuint (review->payments->len, ==, 0);

  documents = cf_carer_review_build_documents (review, "en", NULL);
  g_assert_cmpuint (documents->len, ==, 4);
  g_assert_cmpstr (cf_document_get_title (g_ptr_array_index (documents, 1)), ==,
                   "Your Emergency Plan");
  g_assert_cmpstr (cf_document_get_title (g_ptr_array_index (documents, 2)), ==,
                   "Your Direct Payment");
  g_assert_cmpstr (cf_document_get_title (g_ptr_array_index (documents, 3)), ==,
                   "Your Next Review");

  text = all_text (documents);
  g_assert_nonnull (strstr (text, "Your support plan — Ada"));
  g_assert_nonnull (strstr (text, "A night’s sleep once a week"));
  g_assert_null (strstr (text, "Quarry"));
  g_assert_null (strstr (text, "Olwen"));
  g_assert_null (strstr (text, "CF-BBBB-0002"));
  g_assert_nonnull (strstr (text, "You do not have an emergency plan yet."));
}

static void
test_comment (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(CfCarerReview) review = load (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCarerResponse) response = NULL;
  g_autoptr(GPtrArray) responses = NULL;
  CfRecord *record;

  /* Nothing written: refused in words, and nothing saved. */
  response = cf_carer_review_respond (fixture->store, review, CF_CARER_RESPONSE_COMMENT, "   ",
                                      "en", &error);
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Write what you want to say first.");
  g_assert_null (response);
  g_assert_cmpint (cf_test_count (fixture->store, "carer_response", "1"), ==, 0);
  g_clear_error (&error);

  response = cf_carer_review_respond (fixture->store, review, CF_CARER_RESPONSE_CHANGE,
                                      " I would like the sitting service on Tuesdays ", "pl",
                                      &error);
  g_assert_no_error (error);
  record = CF_RECORD (response);
  g_assert_cmpstr (cf_record_get_text (record, "kind"), ==, "change");
  g_assert_cmpstr (cf_record_get_text (record, "text"), ==,
                   "I would like the sitting service on Tuesdays");
  /* Theirs, recorded on the worker's laptop. */
  g_assert_cmpstr (cf_record_get_text (record, "given_by"), ==, "Ada Birch");
  g_assert_cmpstr (cf_record_get_text (record, "recorded_by"), ==, "Sam Assessor");
  g_assert_cmpstr (cf_record_get_text (record, "language"), ==, "pl");
  g_assert_cmpstr (cf_record_get_text (record, "plan_id"), ==,
                   cf_record_get_id (CF_RECORD (review->plan)));
  g_assert_cmpstr (cf_record_get_text (record, "given_at"), ==, "2026-11-18T10:30:00Z");

  /* Synced: waiting in the outbox, counted against the carer; and in their history. */
  g_assert_cmpint (cf_test_count (fixture->store, "outbox",
                                  "entity = 'carer_response' AND state = 'pending'"), ==, 1);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox_carer", "pending > 0 AND carer_id = "
                                  "(SELECT id FROM carer WHERE family_name = 'Birch')"), ==, 1);
  g_assert_cmpint (cf_test_count (fixture->store, "carer_event",
                                  "kind = 'carer-responded' AND notes = 'Something should change: "
                                  "I would like the sitting service on Tuesdays'"), ==, 1);

  responses = cf_carer_review_list_responses (fixture->store,
                                              cf_record_get_id (CF_RECORD (fixture->carer)),
                                              &error);
  g_assert_no_error (error);
  g_assert_cmpuint (responses->len, ==, 1);
}

/* Agreeing with a draft is the carer's agreement on the plan (s.25(5)); the worker still
 * agrees the plan itself. An agreed plan is locked and stays as it is. */
static void
test_agree (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CfCarerReview) review = load (fixture);
  g_autoptr(CfCarerReview) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCarerResponse) response = NULL;

  g_assert_false (cf_record_get_bool (CF_RECORD (review->plan), "carer_agrees"));
  response = cf_carer_review_respond (fixture->store, review, CF_CARER_RESPONSE_AGREE,
                                      "It is right", "en", &error);
  g_assert_no_error (error);
  g_assert_nonnull (response);

  again = load (fixture);
  g_assert_true (cf_record_get_bool (CF_RECORD (again->plan), "carer_agrees"));
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (again->plan), "carer_comments"), ==,
                   "It is right");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (again->plan), "status"), ==, "draft");
  /* Only theirs. */
  g_assert_cmpint (cf_test_count (fixture->store, "support_plan", "carer_agrees = 1"), ==, 1);
}

static void
test_early_review (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CfCarerReview) review = load (fixture);
  g_autoptr(CfCarerReview) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCarerResponse) response = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  CfRecord *asked;

  g_assert_false (review->has_next_review);
  response = cf_carer_review_respond (fixture->store, review, CF_CARER_RESPONSE_EARLY_REVIEW,
                                      "My husband is back from hospital", "en", &error);
  g_assert_no_error (error);

  reviews = cf_reviews_list (fixture->store, cf_record_get_id (CF_RECORD (fixture->carer)),
                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 1);
  asked = g_ptr_array_index (reviews, 0);
  g_assert_cmpstr (cf_record_get_text (asked, "kind"), ==, "early");
  g_assert_cmpstr (cf_record_get_text (asked, "reason"), ==, "request");
  g_assert_cmpstr (cf_record_get_text (asked, "requested_by"), ==, "Ada Birch");
  g_assert_cmpstr (cf_record_get_text (asked, "reason_notes"), ==,
                   "My husband is back from hospital");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (response), "review_id"), ==,
                   cf_record_get_id (asked));

  /* It is now the next review, within four weeks. */
  again = load (fixture);
  g_assert_true (again->has_next_review);
  {
    GDate requested;

    g_date_clear (&requested, 1);
    g_date_set_dmy (&requested, 18, G_DATE_NOVEMBER, 2026);
    g_assert_cmpint (g_date_days_between (&requested, &again->next_review), ==,
                     CF_EARLY_REVIEW_DAYS);
  }
}

static void
test_no_plan (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCarer) carer = cf_test_save_carer (fixture->store, "given_name", "Nell", NULL);
  g_autoptr(CfCarerReview) review = cf_carer_review_load (fixture->store,
                                                          cf_record_get_id (CF_RECORD (carer)),
                                                          &error);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(CfCarerResponse) response = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_null (review->plan);
  documents = cf_carer_review_build_documents (review, "en", NULL);
  text = all_text (documents);
  g_assert_nonnull (strstr (text, "You do not have a support plan yet."));

  response = cf_carer_review_respond (fixture->store, review, CF_CARER_RESPONSE_AGREE, NULL,
                                      "en", &error);
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_assert_null (response);
  g_clear_error (&error);

  /* A comment needs no plan. */
  response = cf_carer_review_respond (fixture->store, review, CF_CARER_RESPONSE_COMMENT,
                                      "When will I hear?", "en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (response), "plan_id"), ==, "");

  /* Unknown kinds are refused. */
  g_clear_object (&response);
  response = cf_carer_review_respond (fixture->store, review, "delete-everything", "x", "en",
                                      &error);
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_assert_null (response);
}

/* English unless Carefield is translated into the carer's language. */
static void
test_language (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfCarer) carer = cf_test_save_carer (fixture->store, "given_name", "Wen",
                                                 "preferred_language", "Tigrinya", NULL);
  g_autoptr(CfCarerReview) review = cf_carer_review_load (fixture->store,
                                                          cf_record_get_id (CF_RECORD (carer)),
                                                          &error);
  g_autofree char *language = NULL;

  g_assert_no_error (error);
  language = cf_carer_review_dup_language (review);
  g_assert_cmpstr (language, ==, "en");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/carer-review/only-theirs", test_only_theirs);
  ADD ("/carer-review/comment", test_comment);
  ADD ("/carer-review/agree", test_agree);
  ADD ("/carer-review/early-review", test_early_review);
  ADD ("/carer-review/no-plan", test_no_plan);
  ADD ("/carer-review/language", test_language);

#undef ADD

  return g_test_run ();
}
