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

/* Opens (or creates) the store in @dir with a fixed key and a fixed clock at @now, or at
 * 10:30 UTC on 18 November 2026 when @now is NULL, used by "Sam Assessor". */
static inline CfStore *
cf_test_open_store (const char *dir,
                    GDateTime  *now)
{
  g_autoptr(GDateTime) default_now = g_date_time_new_utc (2026, 11, 18, 10, 30, 0);
  g_autoptr(CfClock) clock = cf_clock_new_fixed (now != NULL ? now : default_now);
  g_autoptr(GBytes) key = g_bytes_new ("0123456789abcdef0123456789abcdef", 32);
  g_autofree char *path = g_build_filename (dir, "carefield.db", NULL);
  g_autoptr(GError) error = NULL;
  CfStore *store = cf_store_new (path, key, clock, &error);

  g_assert_no_error (error);
  cf_store_set_user_name (store, "Sam Assessor");

  return store;
}

/* A new, empty folder for one test's store, below the test's own data folder. */
static inline char *
cf_test_make_dir (const char *prefix)
{
  static guint counter;
  char *dir = g_strdup_printf ("%s/%s-%u", g_get_user_data_dir (), prefix, counter++);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);

  return dir;
}

/* How many rows of @table match @where (SQL written by the test itself). */
static inline gint64
cf_test_count (CfStore    *store,
               const char *table,
               const char *where)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql =
    g_strdup_printf ("DROP VIEW IF EXISTS probe; CREATE TEMP VIEW probe AS SELECT * FROM %s "
                     "WHERE %s;", table, where);
  gint64 n;

  g_assert_true (cf_store_exec (store, sql, &error));
  n = cf_store_count (store, "probe", &error);
  g_assert_no_error (error);

  return n;
}

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
