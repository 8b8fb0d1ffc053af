/* test-assessment.c: the carer's assessment, its questions, finishing and returning
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "cf-assessments.h"
#include "cf-carer-event.h"
#include "cf-language.h"
#include "cf-test-easy-read.h"
#include "cf-test-util.h"
#include "cf-wire.h"
#include "cf-written-record.h"

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
  fixture->dir = cf_test_make_dir ("assessment");
  fixture->store = cf_test_open_store (fixture->dir, NULL);
  fixture->carer = cf_test_save_carer (fixture->store, "given_name", "Ada", "family_name", "Birch",
                                       NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->carer);
  g_clear_object (&fixture->store);
  g_free (fixture->dir);
}

static CfAssessment *
start (Fixture    *fixture,
       const char *kind)
{
  g_autoptr(GError) error = NULL;
  CfAssessment *assessment = cf_assessments_start (fixture->store, fixture->carer, kind,
                                                   "face-to-face", "2026-11-18", NULL,
                                                   "Her daughter, Bea", &error);

  g_assert_no_error (error);
  g_assert_nonnull (assessment);

  return assessment;
}

static gboolean
missing_mentions (CfAssessment *assessment,
                  const char   *words)
{
  g_autoptr(GPtrArray) missing = cf_assessment_dup_missing (assessment);

  for (guint i = 0; i < missing->len; i++)
    {
      if (strstr (g_ptr_array_index (missing, i), words) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Answers everything, confirms the proposal and says who decided. */
static void
complete (CfAssessment *assessment,
          gboolean      eligible)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEligibility) proposal = NULL;

  cf_test_answer_all (assessment, eligible);
  proposal = cf_assessment_evaluate (assessment);
  g_assert_true (cf_assessment_set_field (assessment, "decision",
                                          cf_eligibility_get_decision_id (proposal), &error));
  g_assert_true (cf_assessment_set_field (assessment, "decided_by", "organisation", &error));
  g_assert_no_error (error);
}

static void
test_template (void)
{
  CfAssessmentTemplate *template = cf_assessment_template_get_default ();
  g_autoptr(GHashTable) empty = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(CfEligibility) eligibility = cf_eligibility_evaluate ("carer", empty);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GStrv needed = cf_eligibility_get_missing_keys (eligibility);
  CfAssessmentSection *outcomes;
  CfAssessmentSection *wellbeing;

  g_assert_cmpuint (cf_assessment_template_get_n_sections (template), ==, 13);

  /* Every key appears once, every question has a label, every choice has choices. */
  for (guint i = 0; i < cf_assessment_template_get_n_sections (template); i++)
    {
      CfAssessmentSection *section = cf_assessment_template_get_section (template, i);

      g_assert_cmpstr (cf_assessment_section_get_title (section), !=, "");
      for (guint j = 0; j < cf_assessment_section_get_n_questions (section); j++)
        {
          const CfQuestion *question = cf_assessment_section_get_question (section, j);

          g_assert_false (g_hash_table_contains (seen, question->key));
          g_hash_table_add (seen, (gpointer) question->key);
          g_assert_cmpstr (cf_question_get_label (question), !=, "");
          g_assert_true (question->type != CF_QUESTION_CHOICE || question->choices != NULL);
        }
    }

  /* Reg 3: the eight outcomes, each with "achievable", "why unable" and notes; s.1(2): the
   * nine areas of wellbeing with notes, and the overall judgement. */
  outcomes = cf_assessment_template_find_section (template, "outcomes");
  g_assert_cmpuint (cf_assessment_section_get_n_questions (outcomes), ==, 8 * 3);
  wellbeing = cf_assessment_template_find_section (template, "wellbeing");
  g_assert_cmpuint (cf_assessment_section_get_n_questions (wellbeing), ==, 9 * 2 + 1);

  /* Everything the rules need is a required question, so the form asks for it. */
  g_assert_cmpuint (g_strv_length (needed), ==, 20);
  for (guint i = 0; needed[i] != NULL; i++)
    {
      const CfQuestion *question = cf_assessment_template_find_question (template, needed[i]);

      g_assert_nonnull (question);
      g_assert_true (question->required);
    }
}

static void
test_template_extend (void)
{
  g_autoptr(CfAssessmentTemplate) template = cf_assessment_template_new_default ();
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) missing = NULL;
  CfAssessmentSection *section;
  const CfQuestion extra = {
    "council.carers_card", CF_QUESTION_CHOICE, "Carers card offered", NULL, cf_answer_yes_no,
    NULL, NULL, NULL, TRUE, TRUE
  };
  guint before;

  before = cf_assessment_template_get_n_sections (template);
  section = cf_assessment_template_add_section (template, "council", "Council questions", NULL);
  cf_assessment_template_add_question (template, section, &extra);

  g_assert_cmpuint (cf_assessment_template_get_n_sections (template), ==, before + 1);
  g_assert_nonnull (cf_assessment_template_find_question (template, "council.carers_card"));
  /* The shared default is untouched. */
  g_assert_null (cf_assessment_template_find_question (cf_assessment_template_get_default (),
                                                      "council.carers_card"));

  missing = cf_assessment_template_dup_missing (template, answers, TRUE);
  g_assert_true (g_ptr_array_find_with_equal_func (missing, "council.carers_card", g_str_equal,
                                                   NULL));
}

static void
test_progress (void)
{
  CfAssessmentTemplate *template = cf_assessment_template_get_default ();
  CfAssessmentSection *outcomes = cf_assessment_template_find_section (template, "outcomes");
  CfAssessmentSection *family = cf_assessment_template_find_section (template, "family");
  g_autoptr(GHashTable) answers = g_hash_table_new (g_str_hash, g_str_equal);
  guint answered, total;

  /* Eight outcomes to answer; "why unable" appears only when one is unable. */
  cf_assessment_section_get_progress (outcomes, answers, &answered, &total);
  g_assert_cmpuint (answered, ==, 0);
  g_assert_cmpuint (total, ==, 8);

  g_hash_table_insert (answers, "outcome.home.achievable", "unable");
  cf_assessment_section_get_progress (outcomes, answers, &answered, &total);
  g_assert_cmpuint (answered, ==, 1);
  g_assert_cmpuint (total, ==, 9);

  g_hash_table_insert (answers, "outcome.home.reason", "distress");
  cf_assessment_section_get_progress (outcomes, answers, &answered, &total);
  g_assert_cmpuint (answered, ==, 2);

  /* A value this version doesn't know is not an answer. */
  g_hash_table_insert (answers, "outcome.work.achievable", "from-the-future");
  cf_assessment_section_get_progress (outcomes, answers, &answered, &total);
  g_assert_cmpuint (answered, ==, 2);

  /* The young carer questions follow from "children in the household". */
  cf_assessment_section_get_progress (family, answers, &answered, &total);
  g_assert_cmpuint (total, ==, 1);
  g_hash_table_insert (answers, "family.children", "yes");
  g_hash_table_insert (answers, "family.young_carer", "yes");
  cf_assessment_section_get_progress (family, answers, &answered, &total);
  g_assert_cmpuint (answered, ==, 2);
  g_assert_cmpuint (total, ==, 3);
}

static void
test_start (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(CfAssessment) first = NULL;
  g_autoptr(CfAssessment) second = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  CfAssessment *nothing;

  g_assert_cmpstr (cf_record_get_text (CF_RECORD (fixture->carer), "status"), ==, "waiting");

  first = start (fixture, "carer");
  g_assert_cmpstr (cf_assessment_get_status (first), ==, CF_ASSESSMENT_DRAFT);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (first), "assessor"), ==, "Sam Assessor");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (first), "people_involved"), ==,
                   "Her daughter, Bea");
  g_assert_false (cf_record_is_dirty (CF_RECORD (first)));

  /* The assessment is the first contact. */
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (fixture->carer), "status"), ==, "active");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (fixture->carer), "first_contact_at"), !=, "");
  events = cf_store_list_events (fixture->store, cf_record_get_id (CF_RECORD (fixture->carer)),
                                 &error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_true (cf_test_count (fixture->store, "carer_event",
                        "kind = 'assessment-started' AND related_id != ''") == 1);

  /* A reassessment points at the last finished one. */
  complete (first, TRUE);
  g_assert_true (cf_assessments_finish (fixture->store, first, &error));
  g_assert_no_error (error);
  second = start (fixture, "reassessment");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (second), "previous_id"), ==,
                   cf_record_get_id (CF_RECORD (first)));

  listed = cf_assessments_list (fixture->store, cf_record_get_id (CF_RECORD (fixture->carer)),
                                &error);
  g_assert_cmpuint (listed->len, ==, 2);

  nothing = cf_assessments_start (fixture->store, fixture->carer, "no-such-kind", NULL, NULL,
                                  NULL, NULL, &error);
  g_assert_null (nothing);
  g_assert_error (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_INVALID);
}

static void
test_closed_carer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CfAssessment *assessment;

  cf_record_set_text (CF_RECORD (fixture->carer), "status", "closed");
  assessment = cf_assessments_start (fixture->store, fixture->carer, "carer", NULL, NULL, NULL,
                                     NULL, &error);
  g_assert_null (assessment);
  g_assert_error (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "Reopen"));
}

static void
test_answers_saved (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = start (fixture, "carer");
  g_autoptr(CfAssessment) loaded = NULL;
  g_autoptr(CfStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (cf_record_get_id (CF_RECORD (assessment)));
  g_autofree char *answer_id = NULL;
  gint64 views;

  g_assert_true (cf_assessment_set_answer (assessment, "caring.role",
                                           "Helps Dad wash and dress — “every morning”", &error));
  g_assert_true (cf_assessment_set_answer (assessment, "outcome.home.achievable", "unable",
                                           &error));
  g_assert_true (cf_assessments_save (fixture->store, assessment, &error));
  g_assert_no_error (error);

  /* One outbox operation per answer, with only the changed field. */
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", "entity = 'assessment_answer'"), ==, 2);
  answer_id = cf_assessment_answer_id_for (id, "outcome.home.achievable");
  {
    g_autofree char *where = g_strdup_printf ("record_id = '%s' AND operation = 'create' AND "
                                              "fields LIKE '%%unable%%'", answer_id);

    g_assert_cmpint (cf_test_count (fixture->store, "outbox", where), ==, 1);
  }

  /* Once those have gone up in a push (sent), changing an answer is an update of that answer
   * only. Before a push it is folded into the waiting creation (test-sync-local.c). */
  g_assert_true (cf_store_exec (fixture->store, "UPDATE outbox SET sent = 1;", &error));
  g_assert_true (cf_assessment_set_answer (assessment, "outcome.home.achievable", "achievable",
                                           &error));
  g_assert_true (cf_assessments_save (fixture->store, assessment, &error));
  g_assert_cmpint (cf_test_count (fixture->store, "outbox",
                          "entity = 'assessment_answer' AND operation = 'update'"), ==, 1);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", "entity = 'assessment'"), ==, 1);

  /* A draft survives the program stopping: reopen the database and read it back. */
  g_clear_object (&fixture->store);
  reopened = cf_test_open_store (fixture->dir, NULL);
  views = cf_test_count (reopened, "audit", "action = 'view' AND entity = 'assessment'");
  loaded = cf_assessments_load (reopened, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_assessment_get_answer (loaded, "caring.role"), ==,
                   "Helps Dad wash and dress — “every morning”");
  g_assert_cmpstr (cf_assessment_get_answer (loaded, "outcome.home.achievable"), ==,
                   "achievable");
  g_assert_cmpstr (cf_assessment_get_answer (loaded, "health.at_risk"), ==, "");
  g_assert_false (cf_record_is_dirty (CF_RECORD (loaded)));

  /* Every view of an assessment is audited; the audit names no answers. */
  g_assert_cmpint (cf_test_count (reopened, "audit", "action = 'view' AND entity = 'assessment'"), ==,
                   views + 1);
  g_assert_cmpint (cf_test_count (reopened, "audit", "detail LIKE '%wash%'"), ==, 0);

  /* The same question answered for the same assessment is always the same record. */
  {
    g_autofree char *again = cf_assessment_answer_id_for (id, "outcome.home.achievable");
    g_autofree char *other = cf_assessment_answer_id_for (id, "outcome.home.reason");

    g_assert_cmpstr (answer_id, ==, again);
    g_assert_cmpstr (answer_id, !=, other);
  }
}

static void
test_finish_incomplete (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = start (fixture, "carer");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) missing = NULL;

  g_assert_true (missing_mentions (assessment, "Maintaining a habitable home"));
  g_assert_true (missing_mentions (assessment, "Consent to the assessment"));
  g_assert_true (missing_mentions (assessment, "The decision"));
  g_assert_true (missing_mentions (assessment, "Who made the decision"));

  g_assert_false (cf_assessments_finish (fixture->store, assessment, &error));
  g_assert_error (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "Still needed"));
  g_assert_nonnull (strstr (error->message, "Able to care now"));
  g_assert_cmpstr (cf_assessment_get_status (assessment), ==, CF_ASSESSMENT_DRAFT);
  g_clear_error (&error);

  /* All answered but the decision: only the decision is missing. */
  cf_test_answer_all (assessment, TRUE);
  missing = cf_assessment_dup_missing (assessment);
  g_assert_cmpuint (missing->len, ==, 2);

  /* A carer who refuses the assessment can't have it finished (s.11). */
  complete (assessment, TRUE);
  g_assert_true (cf_assessment_set_answer (assessment, "consent.assessment", "no", &error));
  g_assert_true (missing_mentions (assessment, "they have said no"));
  g_assert_false (cf_assessments_finish (fixture->store, assessment, &error));
  g_assert_error (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_INCOMPLETE);
}

static void
test_finish_locks (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = start (fixture, "carer");
  g_autoptr(CfAssessment) loaded = NULL;
  g_autoptr(GError) error = NULL;
  CfRecord *record = CF_RECORD (assessment);

  complete (assessment, TRUE);
  g_assert_true (cf_assessments_finish (fixture->store, assessment, &error));
  g_assert_no_error (error);

  g_assert_true (cf_assessment_is_finished (assessment));
  g_assert_cmpstr (cf_record_get_text (record, "proposed"), ==, CF_DECISION_ELIGIBLE);
  g_assert_cmpstr (cf_record_get_text (record, "decision"), ==, CF_DECISION_ELIGIBLE);
  g_assert_cmpstr (cf_record_get_text (record, "finished_by"), ==, "Sam Assessor");
  g_assert_cmpint (cf_record_get_int (record, "revision"), ==, 1);
  g_assert_false (cf_record_is_dirty (record));

  /* Locked: answers and the decision can't change, and nothing is half-changed. */
  g_assert_false (cf_assessment_set_answer (assessment, "health.at_risk", "yes", &error));
  g_assert_error (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpstr (cf_assessment_get_answer (assessment, "health.at_risk"), ==, "no");
  g_assert_false (cf_assessment_set_field (assessment, "decision", "not-eligible", &error));
  g_assert_error (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (cf_assessments_finish (fixture->store, assessment, &error));
  g_assert_error (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_LOCKED);
  g_clear_error (&error);

  /* The council's sign-off and the written record come after the decision. */
  g_assert_true (cf_assessment_set_field (assessment, "council_signoff_by", "R. Oak", &error));
  g_assert_true (cf_assessments_record_given (fixture->store, assessment, "2026-11-19", "post",
                                              &error));
  g_assert_no_error (error);
  g_assert_false (cf_assessments_record_given (fixture->store, assessment, "19th", "post",
                                               &error));
  g_assert_error (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_INVALID);
  g_clear_error (&error);

  loaded = cf_assessments_load (fixture->store, cf_record_get_id (record), &error);
  g_assert_true (cf_assessment_is_finished (loaded));
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (loaded), "record_given_how"), ==, "post");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (loaded), "council_signoff_by"), ==, "R. Oak");
  g_assert_cmpint (cf_test_count (fixture->store, "carer_event", "kind = 'written-record-given'"), ==,
                   1);
}

static void
test_override_needs_reason (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = start (fixture, "carer");
  g_autoptr(CfEligibility) proposal = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  CfRecord *record = CF_RECORD (assessment);
  g_autofree char *title = NULL;

  complete (assessment, FALSE);
  proposal = cf_assessment_evaluate (assessment);
  g_assert_cmpint (cf_eligibility_get_result (proposal), ==, CF_ELIGIBILITY_NOT_ELIGIBLE);

  /* The person decides otherwise: a reason is needed, in words. */
  g_assert_true (cf_assessment_set_field (assessment, "decision", CF_DECISION_ELIGIBLE, &error));
  g_assert_true (cf_assessment_decision_differs (assessment, proposal));
  g_assert_true (missing_mentions (assessment, "reason for a decision different"));
  g_assert_false (cf_assessments_finish (fixture->store, assessment, &error));
  g_assert_error (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_INCOMPLETE);
  g_clear_error (&error);

  g_assert_true (cf_assessment_set_field (assessment, "decision_reason", "   ", &error));
  g_assert_true (missing_mentions (assessment, "reason for a decision different"));

  g_assert_true (cf_assessment_set_field (assessment, "decision_reason",
                                          "Caring at night is wearing her down: the council "
                                          "agreed on review", &error));
  g_assert_true (cf_assessment_set_field (assessment, "decided_by", "council", &error));
  g_assert_true (cf_assessments_finish (fixture->store, assessment, &error));
  g_assert_no_error (error);

  /* Both the proposal and the decision are kept. */
  g_assert_cmpstr (cf_record_get_text (record, "proposed"), ==, CF_DECISION_NOT_ELIGIBLE);
  g_assert_cmpstr (cf_record_get_text (record, "decision"), ==, CF_DECISION_ELIGIBLE);
  events = cf_store_list_events (fixture->store, cf_record_get_id (CF_RECORD (fixture->carer)),
                                 &error);
  title = g_strdup (cf_record_get_text (g_ptr_array_index (events, events->len - 1), "notes"));
  g_assert_nonnull (strstr (title, "proposed"));

  /* A transition assessment takes only "likely" decisions. */
  {
    g_autoptr(CfAssessment) transition = start (fixture, "young-carer-transition");

    cf_test_answer_all (transition, TRUE);
    g_assert_true (cf_assessment_set_field (transition, "decision", CF_DECISION_ELIGIBLE,
                                            &error));
    g_assert_true (cf_assessment_set_field (transition, "decided_by", "organisation", &error));
    g_assert_true (missing_mentions (transition, "fits this kind"));
    g_assert_true (cf_assessment_set_field (transition, "decision",
                                            CF_DECISION_LIKELY_ELIGIBLE, &error));
    g_assert_true (cf_assessments_finish (fixture->store, transition, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (cf_record_get_text (CF_RECORD (transition), "proposed"), ==,
                     CF_DECISION_LIKELY_ELIGIBLE);
  }
}

static void
test_return_for_correction (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = start (fixture, "carer");
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  CfRecord *record = CF_RECORD (assessment);
  guint n_finished = 0, n_returned = 0;

  complete (assessment, TRUE);
  g_assert_true (cf_assessments_finish (fixture->store, assessment, &error));

  /* A worker can't return it. */
  g_assert_cmpstr (cf_store_get_role (fixture->store), ==, CF_ROLE_WORKER);
  g_assert_false (cf_assessments_return (fixture->store, assessment, "Wrong date", &error));
  g_assert_error (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  /* A coordinator must say why. */
  g_assert_true (cf_store_set_role (fixture->store, CF_ROLE_COORDINATOR, &error));
  g_assert_false (cf_assessments_return (fixture->store, assessment, " ", &error));
  g_assert_error (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (cf_assessment_is_finished (assessment));

  g_assert_true (cf_assessments_return (fixture->store, assessment,
                                        "The date of the visit is wrong", &error));
  g_assert_no_error (error);
  g_assert_false (cf_assessment_is_finished (assessment));
  g_assert_cmpstr (cf_record_get_text (record, "return_reason"), ==,
                   "The date of the visit is wrong");

  /* Unlocked for correction, then finished again as a new revision. */
  g_assert_true (cf_assessment_set_field (assessment, "assessed_on", "2026-11-17", &error));
  g_assert_true (cf_assessments_finish (fixture->store, assessment, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_record_get_int (record, "revision"), ==, 2);

  /* The history keeps every step. */
  events = cf_store_list_events (fixture->store, cf_record_get_id (CF_RECORD (fixture->carer)),
                                 &error);
  for (guint i = 0; i < events->len; i++)
    {
      const char *kind = cf_record_get_text (g_ptr_array_index (events, i), "kind");

      n_finished += g_str_equal (kind, CF_EVENT_ASSESSMENT_FINISHED);
      n_returned += g_str_equal (kind, CF_EVENT_ASSESSMENT_RETURNED);
    }
  g_assert_cmpuint (n_finished, ==, 2);
  g_assert_cmpuint (n_returned, ==, 1);
}

static void
test_versions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = start (fixture, "carer");
  g_autoptr(GError) error = NULL;
  CfRecord *record = CF_RECORD (assessment);
  g_autofree char *where = NULL;
  g_autofree char *id = NULL;

  /* The common sync columns: never synced, edited here. */
  g_assert_cmpint (cf_record_get_version (record), ==, 0);
  g_assert_cmpstr (cf_record_get_sync_state (record), ==, "local");
  g_assert_cmpstr (cf_record_get_updated_by (record), ==, "Sam Assessor");

  /* As if the server had accepted it at version 7 (the creation no longer waits in the
   * outbox): the next change is based on it. */
  where = g_strdup_printf ("UPDATE assessment SET version = 7, sync_state = 'synced' "
                           "WHERE id = '%1$s'; DELETE FROM outbox WHERE record_id = '%1$s';",
                           cf_record_get_id (record));
  g_assert_true (cf_store_exec (fixture->store, where, &error));
  id = g_strdup (cf_record_get_id (record));
  g_clear_object (&assessment);
  assessment = cf_assessments_load (fixture->store, id, &error);
  record = CF_RECORD (assessment);
  g_assert_cmpint (cf_record_get_version (record), ==, 7);

  g_assert_true (cf_assessment_set_field (assessment, "mode", "phone", &error));
  g_assert_true (cf_assessments_save (fixture->store, assessment, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_sync_state (record), ==, "local");
  g_assert_cmpint (cf_test_count (fixture->store, "outbox",
                          "entity = 'assessment' AND base_version = 7 AND "
                          "fields LIKE '%mode%' AND fields NOT LIKE '%assessor%'"), ==, 1);
}

static void
test_wire (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(CfAssessment) assessment = start (fixture, "carer");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonObject *eligibility;
  JsonArray *conditions;

  cf_test_answer_all (assessment, TRUE);
  node = cf_wire_assessment_to_json (assessment);
  object = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (object, "answers"), "outcome.home.reason"),
                   ==, "needs-help");
  eligibility = json_object_get_object_member (object, "eligibility");
  g_assert_cmpstr (json_object_get_string_member (eligibility, "proposed"), ==, "eligible");
  conditions = json_object_get_array_member (eligibility, "conditions");
  g_assert_cmpuint (json_array_get_length (conditions), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *condition = json_array_get_object_element (conditions, i);

      g_assert_cmpstr (json_object_get_string_member (condition, "state"), ==, "met");
      g_assert_cmpstr (json_object_get_string_member (condition, "reason"), !=, "");
    }
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (object, "assessment"), "entity"), ==,
                   "assessment");
}

static void
test_written_record (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(CfAssessment) eligible = start (fixture, "carer");
  g_autoptr(CfAssessment) not_eligible = start (fixture, "carer");
  g_autoptr(CfDocument) yes = NULL;
  g_autoptr(CfDocument) no = NULL;
  g_autofree char *yes_text = NULL;
  g_autofree char *no_text = NULL;
  g_autoptr(GError) error = NULL;
  const CfOrganisation organisation = { "Fenland Carers", "01632 960 000" };

  complete (eligible, TRUE);
  g_assert_true (cf_assessment_set_answer (eligible, "caring.role", "Helps Dad every morning",
                                           &error));
  g_assert_true (cf_assessments_finish (fixture->store, eligible, &error));
  yes = cf_written_record_build (fixture->carer, eligible, &organisation,
                                 CF_DOCUMENT_FORMAT_STANDARD, NULL);
  yes_text = cf_document_to_text (yes);

  /* s.13: the decision, its reasons, and what the carer told us. */
  g_assert_nonnull (strstr (yes_text, "eligible for support"));
  g_assert_nonnull (strstr (yes_text, "Maintaining a habitable home"));
  g_assert_nonnull (strstr (yes_text, "Helps Dad every morning"));
  g_assert_nonnull (strstr (yes_text, "Ada Birch"));
  g_assert_nonnull (strstr (yes_text, "support plan"));
  g_assert_null (strstr (yes_text, "stop things getting harder"));

  /* Nothing eligible: prevention advice and where to get help. */
  complete (not_eligible, FALSE);
  no = cf_written_record_build (fixture->carer, not_eligible, &organisation,
                                CF_DOCUMENT_FORMAT_STANDARD, NULL);
  no_text = cf_document_to_text (no);
  g_assert_nonnull (strstr (no_text, "do not meet the national eligibility criteria"));
  g_assert_nonnull (strstr (no_text, "Help to stop things getting harder"));
  g_assert_nonnull (strstr (no_text, "Fenland Carers"));
  g_assert_nonnull (strstr (no_text, "01632 960 000"));
  g_assert_true (g_str_has_suffix (cf_document_get_footer (no),
                                   cf_record_get_text (CF_RECORD (fixture->carer),
                                                       "reference")));
}

/* Easy read: the decision, why, and what happens next, a line for each, with no reference to
 * the law; the not-eligible record keeps its advice, in short lines. */
static void
test_written_record_easy_read (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(CfAssessment) eligible = start (fixture, "carer");
  g_autoptr(CfAssessment) not_eligible = start (fixture, "carer");
  g_autoptr(CfDocument) yes = NULL;
  g_autoptr(CfDocument) no = NULL;
  g_autoptr(GError) error = NULL;
  const CfOrganisation organisation = { "Fenland Carers", "01632 960 000" };
  CfCaredFor *dad = cf_carer_add_cared_for (fixture->carer);
  const char * const yes_facts[] = {
    "Your name: Ada Birch", "You look after: Bill", "You can get support from us.",
    "You give care that the person needs: Yes", "Caring affects your health or daily life: Yes",
    "This has a big effect on your wellbeing: Yes", "Keeping your home clean and safe",
    "Your caring: Helps Dad every morning.", "He cannot dress alone.",
    "We will make a support plan with you.", "You can make a complaint.",
    "Call: Fenland Carers", "Phone: 01632 960 000", NULL
  };
  const char * const no_facts[] = {
    "You cannot get support from us now.", "You can still get help and advice.",
    "Tell your doctor you are a carer.", "Make an emergency plan.", "Call: Fenland Carers",
    NULL
  };

  cf_record_set_text (CF_RECORD (dad), "name", "Bill");
  complete (eligible, TRUE);
  g_assert_true (cf_assessment_set_answer (eligible, "caring.role",
                                           "Helps Dad every morning. He cannot dress alone.",
                                           &error));
  g_assert_true (cf_assessments_finish (fixture->store, eligible, &error));
  g_assert_no_error (error);
  yes = cf_written_record_build (fixture->carer, eligible, &organisation,
                                 CF_DOCUMENT_FORMAT_EASY_READ, NULL);
  g_assert_cmpstr (cf_document_get_title (yes), ==, "Your carer’s assessment");
  cf_test_assert_easy_read (yes, yes_facts);

  complete (not_eligible, FALSE);
  no = cf_written_record_build (fixture->carer, not_eligible, &organisation,
                                CF_DOCUMENT_FORMAT_EASY_READ, NULL);
  cf_test_assert_easy_read (no, no_facts);
}

/* A Polish catalogue of three strings, made with msgfmt in a folder of the test's own. */
static char *
make_polish_catalogue (void)
{
  static const char po[] =
    "msgid \"\"\n"
    "msgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
    "msgid \"Your carer’s assessment and our decision\"\n"
    "msgstr \"Twoja ocena opiekuna i nasza decyzja\"\n"
    "msgid \"The decision\"\n"
    "msgstr \"Decyzja\"\n"
    "msgid \"Eligible\"\n"
    "msgstr \"Kwalifikuje się\"\n";
  g_autofree char *root = g_build_filename (g_get_user_data_dir (), "locale", NULL);
  g_autofree char *dir = g_build_filename (root, "pl", "LC_MESSAGES", NULL);
  g_autofree char *po_path = g_build_filename (root, "pl.po", NULL);
  g_autofree char *mo_path = g_build_filename (dir, GETTEXT_PACKAGE ".mo", NULL);
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  const char *argv[] = { msgfmt, "-o", mo_path, po_path, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (msgfmt);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (po_path, po, -1, &error));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  return g_steal_pointer (&root);
}

static void
test_written_record_language (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *root = make_polish_catalogue ();
  g_autoptr(CfAssessment) assessment = start (fixture, "carer");
  g_autoptr(GError) error = NULL;
  CfRecord *carer = CF_RECORD (fixture->carer);

  bindtextdomain (GETTEXT_PACKAGE, root);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  complete (assessment, TRUE);
  g_assert_true (cf_assessments_finish (fixture->store, assessment, &error));

  /* Typed as the carer says it: the record comes out in Polish, where it is translated. */
  g_assert_true (cf_language_is_translated ("pl"));
  cf_record_set_text (carer, "preferred_language", "  Polski ");
  {
    g_autofree char *untranslated = NULL;
    g_autofree char *language = cf_language_choose (cf_record_get_text (carer,
                                                                        "preferred_language"),
                                                    &untranslated);
    g_autoptr(CfDocument) document =
      cf_written_record_build (fixture->carer, assessment, NULL, CF_DOCUMENT_FORMAT_STANDARD,
                               NULL);
    g_autofree char *text = cf_document_to_text (document);

    g_assert_cmpstr (language, ==, "pl");
    g_assert_null (untranslated);
    g_assert_cmpstr (cf_document_get_title (document), ==, "Twoja ocena opiekuna i nasza decyzja");
    g_assert_cmpstr (cf_document_get_language (document), ==, "pl");
    g_assert_nonnull (strstr (text, "Decyzja"));
    g_assert_nonnull (strstr (text, "Kwalifikuje się"));
    /* Untranslated words fall back to English, and the worker's screen stays English. */
    g_assert_nonnull (strstr (text, "The reasons"));
    g_assert_cmpstr (_("The decision"), ==, "The decision");
  }

  /* Not translated yet: English, and the caller learns which language was wanted. */
  cf_record_set_text (carer, "preferred_language", "Lithuanian");
  {
    g_autofree char *untranslated = NULL;
    g_autofree char *language = cf_language_choose (cf_record_get_text (carer,
                                                                        "preferred_language"),
                                                    &untranslated);
    g_autoptr(CfDocument) document =
      cf_written_record_build (fixture->carer, assessment, NULL, CF_DOCUMENT_FORMAT_STANDARD,
                               NULL);

    g_assert_cmpstr (language, ==, "en");
    g_assert_cmpstr (cf_document_get_language (document), ==, "en");
    g_assert_cmpstr (untranslated, ==, "lt");
    g_assert_cmpstr (cf_document_get_title (document), ==,
                     "Your carer’s assessment and our decision");
  }

  /* Not a written language we know, or English: English, with nothing to apologise for. */
  g_assert_null (cf_language_code_for ("British Sign Language"));
  {
    g_autofree char *portuguese = cf_language_code_for ("pt-BR");

    g_assert_cmpstr (portuguese, ==, "pt");
  }
  g_assert_cmpstr (cf_language_get_name ("pl"), ==, "Polish");
  cf_record_set_text (carer, "preferred_language", "English");
  {
    g_autofree char *untranslated = NULL;
    g_autofree char *language = cf_language_choose (cf_record_get_text (carer,
                                                                        "preferred_language"),
                                                    &untranslated);

    g_assert_cmpstr (language, ==, "en");
    g_assert_null (untranslated);
  }

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
}

int
main (int   argc,
      char *argv[])
{
  /* The tests run in C.UTF-8, where GNU gettext honours LANGUAGE (it ignores it in "C"). */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/assessment/template", test_template);
  g_test_add_func ("/assessment/template-extend", test_template_extend);
  g_test_add_func ("/assessment/progress", test_progress);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/assessment/start", test_start);
  ADD ("/assessment/closed-carer", test_closed_carer);
  ADD ("/assessment/answers-saved", test_answers_saved);
  ADD ("/assessment/finish-incomplete", test_finish_incomplete);
  ADD ("/assessment/finish-locks", test_finish_locks);
  ADD ("/assessment/override-needs-reason", test_override_needs_reason);
  ADD ("/assessment/return-for-correction", test_return_for_correction);
  ADD ("/assessment/versions", test_versions);
  ADD ("/assessment/wire", test_wire);
  ADD ("/assessment/written-record", test_written_record);
  ADD ("/assessment/written-record/easy-read", test_written_record_easy_read);
  ADD ("/assessment/written-record-language", test_written_record_language);
#undef ADD

  return g_test_run ();
}
