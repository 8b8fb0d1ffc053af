/* cf-test-util.h: making test carers, shared by the core and GUI tests
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdarg.h>

#include "cf-assessment.h"
#include "cf-assessments.h"
#include "cf-carer.h"
#include "cf-demo.h"
#include "cf-store-private.h"

/* Saves a new carer through the ordinary save path, with text fields given as name, value
 * pairs ending with NULL, e.g. cf_test_save_carer (store, "family_name", "Ash", NULL). */
static inline CfCarer *
cf_test_save_carer (CfStore    *store,
                    const char *first_field,
                    ...)
{
  g_autoptr(GError) error = NULL;
  CfCarer *carer = cf_carer_new ();
  va_list args;

  va_start (args, first_field);
  for (const char *field = first_field; field != NULL; field = va_arg (args, const char *))
    cf_record_set_text (CF_RECORD (carer), field, va_arg (args, const char *));
  va_end (args);

  g_assert_true (cf_store_save_carer (store, carer, &error));
  g_assert_no_error (error);

  return carer;
}

/* Puts @n synthetic carers straight into the table with SQL, far quicker than the save path,
 * for tests about size: ids "id-00001"…, family names "Family0"…"Family96", given names
 * "Given1"…, phones "01632 96xxxx" and postcodes "ZZ99 nAB", and statuses waiting, active
 * and closed in turn (i % 3 == 0 waiting, 1 active, 2 closed). */
static inline void
cf_test_insert_carers (CfStore *store,
                       guint    n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql =
    g_strdup_printf ("WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                     "WHERE i < %u) "
                     "INSERT INTO carer (id, updated_at, updated_by, reference, given_name, "
                     "family_name, postcode, phone, status, priority, referral_received_at) "
                     "SELECT printf ('id-%%05d', i), '', '', printf ('CF-%%08X', i), "
                     "'Given' || i, 'Family' || (i %% 97), printf ('ZZ99 %%dAB', i %% 10), "
                     "printf ('01632 96%%04d', i), "
                     "CASE i %% 3 WHEN 0 THEN 'waiting' WHEN 1 THEN 'active' "
                     "ELSE 'closed' END, 'green', '2026-11-16T09:00:00Z' FROM n;", n);

  g_assert_true (cf_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/* Answers every question the decision needs; see cf_demo_answer_assessment(). */
static inline void
cf_test_answer_all (CfAssessment *assessment,
                    gboolean      eligible)
{
  cf_demo_answer_assessment (assessment, eligible);
  g_assert_cmpuint (g_hash_table_size (cf_assessment_get_answers (assessment)), >=, 26);
}

/* Starts, completes and finishes an assessment of @carer through the ordinary path, with the
 * decision the rules propose. */
static inline CfAssessment *
cf_test_finished_assessment (CfStore  *store,
                             CfCarer  *carer,
                             gboolean  eligible)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEligibility) proposal = NULL;
  CfAssessment *assessment = cf_assessments_start (store, carer, "carer", "face-to-face", NULL,
                                                   NULL, NULL, &error);

  g_assert_no_error (error);
  cf_test_answer_all (assessment, eligible);
  proposal = cf_assessment_evaluate (assessment);
  g_assert_true (cf_assessment_set_field (assessment, "decision",
                                          cf_eligibility_get_decision_id (proposal), &error));
  g_assert_true (cf_assessment_set_field (assessment, "decided_by", "organisation", &error));
  g_assert_true (cf_assessments_finish (store, assessment, &error));
  g_assert_no_error (error);

  return assessment;
}
