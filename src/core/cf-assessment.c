/* cf-assessment.c: a carer's assessment, its answers and its decision
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "The carer's assessment" (Care Act 2014 s.10) and "Eligibility" (Care and Support
 * (Eligibility Criteria) Regulations 2015, reg 3). The assessment is a synced record; its
 * answers are records of their own (see cf-assessment-answer.c). Nothing is required while
 * it is a draft; finishing checks everything the decision needs, and a finished assessment is
 * locked until a coordinator returns it for correction.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-assessment-private.h"
#include "cf-dates.h"

struct _CfAssessment
{
  CfRecord    parent_instance;

  /* question key → CfAssessmentAnswer, and the same answers as plain strings for the rules */
  GHashTable *answer_records;
  GHashTable *answers;
};

G_DEFINE_FINAL_TYPE (CfAssessment, cf_assessment, CF_TYPE_RECORD)

G_DEFINE_QUARK (cf-assessment-error-quark, cf_assessment_error)

enum {
  ANSWER_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const CfField assessment_fields[] = {
  { "carer_id", CF_FIELD_TEXT },
  { "kind", CF_FIELD_TEXT },
  { "mode", CF_FIELD_TEXT },
  { "template", CF_FIELD_TEXT },
  { "status", CF_FIELD_TEXT },
  { "assessed_on", CF_FIELD_TEXT },
  { "assessor", CF_FIELD_TEXT },
  { "people_involved", CF_FIELD_TEXT },
  { "previous_id", CF_FIELD_TEXT },
  /* How many times it has been finished: each return for correction starts a new revision. */
  { "revision", CF_FIELD_INT },
  /* The proposal from the rules when the decision was last recorded, kept so the record
   * shows whether a person agreed with it. */
  { "proposed", CF_FIELD_TEXT },
  { "decision", CF_FIELD_TEXT },
  { "decision_reason", CF_FIELD_TEXT },
  { "decided_by", CF_FIELD_TEXT },
  { "decided_by_name", CF_FIELD_TEXT },
  { "council_signoff_by", CF_FIELD_TEXT },
  { "council_signoff_on", CF_FIELD_TEXT },
  { "finished_at", CF_FIELD_TEXT },
  { "finished_by", CF_FIELD_TEXT },
  { "returned_at", CF_FIELD_TEXT },
  { "returned_by", CF_FIELD_TEXT },
  { "return_reason", CF_FIELD_TEXT },
  { "record_given_on", CF_FIELD_TEXT },
  { "record_given_how", CF_FIELD_TEXT },
  { "record_language", CF_FIELD_TEXT },
  { "record_large_print", CF_FIELD_BOOL },
  { NULL }
};

/* DOMAIN.md, "Who and where": the council stays accountable (s.79) and may keep the decision. */
const CfChoice cf_decided_by[] = {
  { "organisation", N_("The carers organisation") },
  { "council", N_("The council") },
  { NULL }
};

/* s.13(2)-(3): the written record is given to the carer; record how. */
const CfChoice cf_written_record_methods[] = {
  { "in-person", N_("Printed and given in person") },
  { "post", N_("Sent by post") },
  { "email", N_("Sent by email as a PDF") },
  { "read-aloud", N_("Read and explained in person") },
  { NULL }
};

static const CfChoice decisions[] = {
  { CF_DECISION_ELIGIBLE, N_("Eligible") },
  { CF_DECISION_NOT_ELIGIBLE, N_("Not eligible") },
  { NULL }
};

/* s.60 and s.63: transition assessments say whether needs are likely to be eligible. */
static const CfChoice transition_decisions[] = {
  { CF_DECISION_LIKELY_ELIGIBLE, N_("Likely to be eligible") },
  { CF_DECISION_LIKELY_NOT_ELIGIBLE, N_("Likely not to be eligible") },
  { NULL }
};

/* Fields a person may still change once the assessment is finished: the council's sign-off
 * can come later, and the written record is given after the decision. */
static const char * const editable_when_finished[] = {
  "council_signoff_by",
  "council_signoff_on",
  "record_given_on",
  "record_given_how",
  "record_language",
  "record_large_print",
  NULL
};

static void
cf_assessment_finalize (GObject *object)
{
  CfAssessment *self = CF_ASSESSMENT (object);

  g_hash_table_unref (self->answer_records);
  g_hash_table_unref (self->answers);

  G_OBJECT_CLASS (cf_assessment_parent_class)->finalize (object);
}

static void
cf_assessment_constructed (GObject *object)
{
  CfRecord *record = CF_RECORD (object);

  G_OBJECT_CLASS (cf_assessment_parent_class)->constructed (object);

  /* A new assessment is a draft on the default template; a loaded one gets its stored
   * values over these straight after. */
  cf_record_set_text (record, "status", CF_ASSESSMENT_DRAFT);
  cf_record_set_text (record, "template",
                      cf_assessment_template_get_id (cf_assessment_template_get_default ()));
}

static void
cf_assessment_class_init (CfAssessmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_assessment_finalize;
  object_class->constructed = cf_assessment_constructed;

  cf_record_class_set_entity (CF_RECORD_CLASS (klass), "assessment", assessment_fields);

  /**
   * CfAssessment::answer-changed:
   * @question: the question's key
   */
  signals[ANSWER_CHANGED] =
    g_signal_new ("answer-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
cf_assessment_init (CfAssessment *self)
{
  self->answer_records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                g_object_unref);
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

CfAssessment *
cf_assessment_new (const char *carer_id,
                   const char *kind)
{
  CfAssessment *self;

  g_return_val_if_fail (carer_id != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (CF_TYPE_ASSESSMENT, NULL);
  cf_record_set_text (CF_RECORD (self), "carer_id", carer_id);
  cf_record_set_text (CF_RECORD (self), "kind", kind);

  return self;
}

const char *
cf_assessment_get_carer_id (CfAssessment *self)
{
  g_return_val_if_fail (CF_IS_ASSESSMENT (self), NULL);

  return cf_record_get_text (CF_RECORD (self), "carer_id");
}

const char *
cf_assessment_get_kind (CfAssessment *self)
{
  g_return_val_if_fail (CF_IS_ASSESSMENT (self), NULL);

  return cf_record_get_text (CF_RECORD (self), "kind");
}

const char *
cf_assessment_get_status (CfAssessment *self)
{
  g_return_val_if_fail (CF_IS_ASSESSMENT (self), NULL);

  return cf_record_get_text (CF_RECORD (self), "status");
}

gboolean
cf_assessment_is_finished (CfAssessment *self)
{
  g_return_val_if_fail (CF_IS_ASSESSMENT (self), FALSE);

  return g_str_equal (cf_assessment_get_status (self), CF_ASSESSMENT_FINISHED);
}

/**
 * cf_assessment_get_template:
 *
 * Returns: (transfer none): the questions this assessment answers
 */
CfAssessmentTemplate *
cf_assessment_get_template (CfAssessment *self)
{
  g_return_val_if_fail (CF_IS_ASSESSMENT (self), NULL);

  /* Only the Care Act template exists so far; a council's would be looked up by id here. */
  return cf_assessment_template_get_default ();
}

/**
 * cf_assessment_dup_title:
 *
 * The kind and the date, as a list shows it: "Carer’s assessment, 03/11/2026".
 */
char *
cf_assessment_dup_title (CfAssessment *self)
{
  CfRecord *record = CF_RECORD (self);
  g_autofree char *date = NULL;
  const char *kind;

  g_return_val_if_fail (CF_IS_ASSESSMENT (self), NULL);

  kind = cf_choices_label (cf_assessment_kinds, cf_record_get_text (record, "kind"));
  date = cf_date_to_user (cf_record_get_text (record, "assessed_on"));
  if (*date == '\0')
    return g_strdup (kind);

  /* Translators: "%1$s" is the kind of assessment, "%2$s" its date */
  return g_strdup_printf (_("%1$s, %2$s"), kind, date);
}

/**
 * cf_assessment_get_answer:
 *
 * Returns: the answer to @question, or "" when there is none
 */
const char *
cf_assessment_get_answer (CfAssessment *self,
                          const char   *question)
{
  const char *value;

  g_return_val_if_fail (CF_IS_ASSESSMENT (self), NULL);
  g_return_val_if_fail (question != NULL, NULL);

  value = g_hash_table_lookup (self->answers, question);

  return value != NULL ? value : "";
}

static gboolean
check_unlocked (CfAssessment  *self,
                GError       **error)
{
  if (!cf_assessment_is_finished (self))
    return TRUE;

  g_set_error_literal (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_LOCKED,
                       _("This assessment is finished, so it can’t be changed. A coordinator "
                         "can return it for correction."));
  return FALSE;
}

/**
 * cf_assessment_set_answer:
 * @value: (nullable): the answer; %NULL or "" clears it
 *
 * Changes an answer in memory; save with cf_assessments_save(). Refused once finished.
 */
gboolean
cf_assessment_set_answer (CfAssessment  *self,
                          const char    *question,
                          const char    *value,
                          GError       **error)
{
  CfAssessmentAnswer *answer;

  g_return_val_if_fail (CF_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (question != NULL && *question != '\0', FALSE);

  if (value == NULL)
    value = "";

  if (g_str_equal (cf_assessment_get_answer (self, question), value))
    return TRUE;

  if (!check_unlocked (self, error))
    return FALSE;

  answer = g_hash_table_lookup (self->answer_records, question);
  if (answer == NULL)
    {
      answer = cf_assessment_answer_new (cf_record_get_id (CF_RECORD (self)), question);
      g_hash_table_insert (self->answer_records, g_strdup (question), answer);
    }

  cf_record_set_text (CF_RECORD (answer), "value", value);
  g_hash_table_insert (self->answers, g_strdup (question), g_strdup (value));

  g_signal_emit (self, signals[ANSWER_CHANGED], g_quark_from_string (question), question);

  return TRUE;
}

/**
 * cf_assessment_get_answers:
 *
 * Returns: (transfer none) (element-type utf8 utf8): every answer by question key, for the
 *   rules (cf_eligibility_evaluate()) and the template's progress
 */
GHashTable *
cf_assessment_get_answers (CfAssessment *self)
{
  g_return_val_if_fail (CF_IS_ASSESSMENT (self), NULL);

  return self->answers;
}

gboolean
cf_assessment_field_is_editable (CfAssessment *self,
                                 const char   *field)
{
  g_return_val_if_fail (CF_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  return !cf_assessment_is_finished (self) ||
         g_strv_contains (editable_when_finished, field);
}

/**
 * cf_assessment_set_field:
 * @field: a text field of the assessment, or "record_large_print" ("true" or "false")
 *
 * Changes a field a person edits. Refused once finished, except for the council's sign-off
 * and how the written record was given.
 */
gboolean
cf_assessment_set_field (CfAssessment  *self,
                         const char    *field,
                         const char    *value,
                         GError       **error)
{
  CfRecord *record = CF_RECORD (self);
  int index;

  g_return_val_if_fail (CF_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  index = cf_record_find_field (record, field);
  g_return_val_if_fail (index >= 0, FALSE);

  if (value == NULL)
    value = "";

  if (!cf_assessment_field_is_editable (self, field))
    return check_unlocked (self, error);

  if (g_str_equal (field, "record_large_print"))
    cf_record_set_bool (record, field, g_str_equal (value, "true"));
  else
    cf_record_set_text (record, field, value);

  return TRUE;
}

/**
 * cf_assessment_evaluate:
 *
 * Returns: (transfer full): the eligibility the rules propose from the answers so far
 */
CfEligibility *
cf_assessment_evaluate (CfAssessment *self)
{
  g_return_val_if_fail (CF_IS_ASSESSMENT (self), NULL);

  return cf_eligibility_evaluate (cf_assessment_get_kind (self), self->answers);
}

/**
 * cf_assessment_get_decisions:
 *
 * Returns: the decisions a person can record for this kind of assessment
 */
const CfChoice *
cf_assessment_get_decisions (CfAssessment *self)
{
  g_return_val_if_fail (CF_IS_ASSESSMENT (self), NULL);

  return cf_kind_is_transition (cf_assessment_get_kind (self)) ? transition_decisions
                                                               : decisions;
}

/**
 * cf_assessment_decision_differs:
 *
 * Whether the recorded decision is not the one the rules propose. DOMAIN.md, "Eligibility":
 * a person confirms the proposal, and a different decision needs a written reason.
 */
gboolean
cf_assessment_decision_differs (CfAssessment  *self,
                                CfEligibility *proposal)
{
  const char *decision;

  g_return_val_if_fail (CF_IS_ASSESSMENT (self), FALSE);
  g_return_val_if_fail (proposal != NULL, FALSE);

  decision = cf_record_get_text (CF_RECORD (self), "decision");
  if (*decision == '\0')
    return FALSE;

  return !g_str_equal (decision, cf_eligibility_get_decision_id (proposal));
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static void
add_missing (GPtrArray  *missing,
             const char *text)
{
  for (guint i = 0; i < missing->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (missing, i), text))
        return;
    }

  g_ptr_array_add (missing, g_strdup (text));
}

/**
 * cf_assessment_dup_missing:
 *
 * What must still be answered or recorded before the assessment can be finished, in words a
 * person can act on, in the order of the form.
 *
 * Returns: (transfer full) (element-type utf8): empty when it can be finished
 */
GPtrArray *
cf_assessment_dup_missing (CfAssessment *self)
{
  CfRecord *record = CF_RECORD (self);
  g_autoptr(CfEligibility) proposal = NULL;
  g_autoptr(GPtrArray) required = NULL;
  GPtrArray *missing;
  const char *decision;
  GStrv eligibility_missing;
  guint year, month, day;

  g_return_val_if_fail (CF_IS_ASSESSMENT (self), NULL);

  missing = g_ptr_array_new_with_free_func (g_free);

  if (!cf_date_parse_iso_shape (cf_record_get_text (record, "assessed_on"), &year, &month, &day))
    add_missing (missing, _("The date of the assessment"));
  if (is_blank (cf_record_get_text (record, "assessor")))
    add_missing (missing, _("Who carried out the assessment"));

  /* s.11(1)-(2): a carer may refuse; an assessment without consent is not finished. */
  if (g_str_equal (cf_assessment_get_answer (self, "consent.assessment"), "no"))
    add_missing (missing, _("The carer’s consent to the assessment: they have said no"));

  required = cf_assessment_template_dup_missing (cf_assessment_get_template (self),
                                                 self->answers, FALSE);
  for (guint i = 0; i < required->len; i++)
    add_missing (missing, g_ptr_array_index (required, i));

  proposal = cf_assessment_evaluate (self);
  eligibility_missing = cf_eligibility_get_missing (proposal);
  /* The template marks every question the rules need as required, so these only add
   * something when a council template leaves one out. */
  if (required->len == 0)
    {
      for (guint i = 0; eligibility_missing != NULL && eligibility_missing[i] != NULL; i++)
        add_missing (missing, eligibility_missing[i]);
    }

  decision = cf_record_get_text (record, "decision");
  if (*decision == '\0')
    add_missing (missing, _("The decision: confirm the proposed result or record another"));
  else if (cf_choices_find (cf_assessment_get_decisions (self), decision) < 0)
    add_missing (missing, _("The decision: choose one that fits this kind of assessment"));
  else if (cf_eligibility_get_result (proposal) != CF_ELIGIBILITY_UNDETERMINED &&
           cf_assessment_decision_differs (self, proposal) &&
           is_blank (cf_record_get_text (record, "decision_reason")))
    add_missing (missing, _("The reason for a decision different from the proposed one"));

  if (cf_choices_find (cf_decided_by, cf_record_get_text (record, "decided_by")) < 0)
    add_missing (missing, _("Who made the decision: the organisation or the council"));

  return missing;
}

/**
 * cf_assessment_dup_records:
 *
 * Returns: (transfer full) (element-type CfRecord): the assessment and its answers, to save
 *   together
 */
GPtrArray *
cf_assessment_dup_records (CfAssessment *self)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer answer;

  g_return_val_if_fail (CF_IS_ASSESSMENT (self), records);

  g_ptr_array_add (records, g_object_ref (self));

  g_hash_table_iter_init (&iter, self->answer_records);
  while (g_hash_table_iter_next (&iter, NULL, &answer))
    g_ptr_array_add (records, g_object_ref (answer));

  return records;
}

/* For the store: answers read from the database, replacing any in memory. */
void
cf_assessment_take_loaded_answers (CfAssessment *self,
                                   GPtrArray    *answers)
{
  g_return_if_fail (CF_IS_ASSESSMENT (self));
  g_return_if_fail (answers != NULL);

  g_hash_table_remove_all (self->answer_records);
  g_hash_table_remove_all (self->answers);

  for (guint i = 0; i < answers->len; i++)
    {
      CfAssessmentAnswer *answer = g_ptr_array_index (answers, i);
      const char *question = cf_assessment_answer_get_question (answer);

      g_hash_table_insert (self->answer_records, g_strdup (question), g_object_ref (answer));
      g_hash_table_insert (self->answers, g_strdup (question),
                           g_strdup (cf_assessment_answer_get_value (answer)));
    }

  g_ptr_array_unref (answers);
}
