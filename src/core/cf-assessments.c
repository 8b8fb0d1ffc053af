/* cf-assessments.c: starting, saving, finishing and returning a carer's assessment
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "The carer's assessment" and "Eligibility". Each step saves the assessment, its
 * answers and a history entry for the carer in one transaction, so the outbox and the audit
 * trail always agree with what a person sees.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-assessment-private.h"
#include "cf-assessments.h"
#include "cf-carer-event.h"
#include "cf-dates.h"
#include "cf-operation-private.h"
#include "cf-store-private.h"

static CfCarerEvent *
new_event (CfStore      *store,
           CfAssessment *assessment,
           const char   *kind,
           const char   *notes)
{
  return cf_operation_new_event (store, cf_assessment_get_carer_id (assessment), kind, notes,
                                 cf_record_get_id (CF_RECORD (assessment)));
}

/* The assessment, its changed answers and any extra records, in one transaction. */
static gboolean
save_all (CfStore       *store,
          CfAssessment  *assessment,
          CfRecord      *extra1,
          CfRecord      *extra2,
          GError       **error)
{
  g_autoptr(GPtrArray) records = cf_assessment_dup_records (assessment);

  if (extra1 != NULL)
    g_ptr_array_add (records, g_object_ref (extra1));
  if (extra2 != NULL)
    g_ptr_array_add (records, g_object_ref (extra2));

  return cf_store_save (store, (CfRecord **) records->pdata, records->len, error);
}

/**
 * cf_assessments_list:
 *
 * The carer's assessments, newest first, without their answers: enough for a list. Open one
 * with cf_assessments_load(), which is audited as a view.
 *
 * Returns: (transfer full) (element-type CfAssessment):
 */
GPtrArray *
cf_assessments_list (CfStore     *store,
                     const char  *carer_id,
                     GError     **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (carer_id != NULL, NULL);

  return cf_store_load_records (store, CF_TYPE_ASSESSMENT,
                                "carer_id = ? AND deleted = 0 "
                                "ORDER BY assessed_on DESC, rowid DESC",
                                carer_id, NULL, error);
}

/**
 * cf_assessments_load:
 *
 * Loads an assessment with its answers. DOMAIN.md: every view of an assessment is audited.
 *
 * Returns: (transfer full): the assessment
 */
CfAssessment *
cf_assessments_load (CfStore     *store,
                     const char  *id,
                     GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(CfAssessment) assessment = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  found = cf_store_load_records (store, CF_TYPE_ASSESSMENT, "id = ? AND deleted = 0", id, NULL,
                                 error);
  if (found == NULL)
    return NULL;

  if (found->len == 0)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_FOUND,
                   _("No assessment has the id “%s”."), id);
      return NULL;
    }

  assessment = g_object_ref (g_ptr_array_index (found, 0));
  answers = cf_store_load_records (store, CF_TYPE_ASSESSMENT_ANSWER,
                                   "assessment_id = ? AND deleted = 0", id, NULL, error);
  if (answers == NULL ||
      !cf_store_audit (store, CF_AUDIT_VIEW, "assessment", id, NULL, error))
    return NULL;

  cf_assessment_take_loaded_answers (assessment, g_steal_pointer (&answers));

  return g_steal_pointer (&assessment);
}

static char *
latest_finished_id (CfStore     *store,
                    const char  *carer_id,
                    GError     **error)
{
  g_autoptr(GPtrArray) earlier = cf_assessments_list (store, carer_id, error);

  if (earlier == NULL)
    return NULL;

  for (guint i = 0; i < earlier->len; i++)
    {
      CfAssessment *assessment = g_ptr_array_index (earlier, i);

      if (cf_assessment_is_finished (assessment))
        return g_strdup (cf_record_get_id (CF_RECORD (assessment)));
    }

  return g_strdup ("");
}

/**
 * cf_assessments_start:
 * @mode: (nullable): how the assessment is done, from cf_assessment_modes
 * @assessed_on: (nullable): the date as ISO 8601 (YYYY-MM-DD); today if %NULL
 * @assessor: (nullable): who carries it out; the profile's user if %NULL
 * @people_involved: (nullable): the people the carer wants involved (s.10(7)(b) and
 *   Assessment Regulations 2014 reg 2)
 *
 * Starts a draft assessment for @carer and records it in the carer's history. A carer still
 * waiting for first contact becomes active: the assessment is that contact. DOMAIN.md: any
 * carer who appears to have needs gets one, so nothing about hours or money is asked here.
 *
 * Returns: (transfer full): the new assessment, saved
 */
CfAssessment *
cf_assessments_start (CfStore     *store,
                      CfCarer     *carer,
                      const char  *kind,
                      const char  *mode,
                      const char  *assessed_on,
                      const char  *assessor,
                      const char  *people_involved,
                      GError     **error)
{
  CfRecord *carer_record = CF_RECORD (carer);
  const char *carer_id;
  g_autoptr(CfAssessment) assessment = NULL;
  g_autoptr(CfCarerEvent) event = NULL;
  g_autoptr(CfCarerEvent) contact = NULL;
  g_autofree char *today = NULL;
  g_autofree char *previous = NULL;
  CfRecord *record;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (CF_IS_CARER (carer), NULL);

  carer_id = cf_record_get_id (carer_record);

  if (cf_choices_find (cf_assessment_kinds, kind) < 0)
    {
      g_set_error (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_INVALID,
                   _("“%s” is not a kind of assessment."), kind != NULL ? kind : "");
      return NULL;
    }

  if (mode != NULL && *mode != '\0' && cf_choices_find (cf_assessment_modes, mode) < 0)
    {
      g_set_error (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_INVALID,
                   _("“%s” is not a way of carrying out an assessment."), mode);
      return NULL;
    }

  if (g_str_equal (cf_record_get_text (carer_record, "status"), "closed"))
    {
      g_set_error_literal (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_NOT_ALLOWED,
                           _("This carer is closed. Reopen them before starting an "
                             "assessment."));
      return NULL;
    }

  if (assessed_on == NULL)
    {
      g_autoptr(GDateTime) now = cf_clock_now (cf_store_get_clock (store));
      g_autoptr(GDateTime) local = g_date_time_to_local (now);

      assessed_on = today = g_date_time_format (local, "%Y-%m-%d");
    }

  previous = latest_finished_id (store, carer_id, error);
  if (previous == NULL)
    return NULL;

  assessment = cf_assessment_new (carer_id, kind);
  record = CF_RECORD (assessment);
  cf_record_set_text (record, "mode", mode != NULL ? mode : "");
  cf_record_set_text (record, "assessed_on", assessed_on);
  cf_record_set_text (record, "assessor",
                      assessor != NULL ? assessor : cf_store_get_user_name (store));
  cf_record_set_text (record, "people_involved", people_involved != NULL ? people_involved : "");
  cf_record_set_text (record, "previous_id", previous);

  event = new_event (store, assessment, CF_EVENT_ASSESSMENT_STARTED,
                     cf_choices_label (cf_assessment_kinds, kind));

  if (g_str_equal (cf_record_get_text (carer_record, "status"), "waiting"))
    {
      contact = new_event (store, assessment, CF_EVENT_FIRST_CONTACT, _("Assessment started"));
      cf_record_set_text (carer_record, "status", "active");
      if (*cf_record_get_text (carer_record, "first_contact_at") == '\0')
        cf_record_set_text (carer_record, "first_contact_at",
                            cf_record_get_text (CF_RECORD (contact), "occurred_at"));
    }

  {
    CfRecord *records[] = { record, CF_RECORD (event), carer_record,
                            contact != NULL ? CF_RECORD (contact) : NULL };

    if (!cf_store_save (store, records, contact != NULL ? 4 : 3, error))
      return NULL;
  }

  return g_steal_pointer (&assessment);
}

/**
 * cf_assessments_save:
 *
 * Saves a draft's changed fields and answers. Nothing is required while it is a draft.
 */
gboolean
cf_assessments_save (CfStore       *store,
                     CfAssessment  *assessment,
                     GError       **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_ASSESSMENT (assessment), FALSE);

  return save_all (store, assessment, NULL, NULL, error);
}

/**
 * cf_assessments_finish:
 *
 * Finishes the assessment: checks that everything the decision needs is answered (refusing
 * with %CF_ASSESSMENT_ERROR_INCOMPLETE and the list otherwise), keeps the rules' proposal
 * beside the decision, locks it, and records it in the carer's history.
 */
gboolean
cf_assessments_finish (CfStore       *store,
                       CfAssessment  *assessment,
                       GError       **error)
{
  CfRecord *record = CF_RECORD (assessment);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(CfEligibility) proposal = NULL;
  g_autoptr(CfCarerEvent) event = NULL;
  g_autofree char *now = NULL;
  g_autofree char *notes = NULL;
  const char *decision;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_ASSESSMENT (assessment), FALSE);

  if (cf_assessment_is_finished (assessment))
    {
      g_set_error_literal (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_LOCKED,
                           _("This assessment is already finished."));
      return FALSE;
    }

  missing = cf_assessment_dup_missing (assessment);
  if (missing->len > 0)
    {
      g_autofree char *list = cf_operation_join_missing (missing);

      g_set_error (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_INCOMPLETE,
                   /* Translators: %s is a list of what is still needed */
                   _("The assessment can’t be finished yet. Still needed: %s."), list);
      return FALSE;
    }

  proposal = cf_assessment_evaluate (assessment);
  decision = cf_record_get_text (record, "decision");
  now = cf_clock_now_iso8601 (cf_store_get_clock (store));

  cf_record_set_text (record, "proposed", cf_eligibility_get_decision_id (proposal));
  cf_record_set_text (record, "status", CF_ASSESSMENT_FINISHED);
  cf_record_set_text (record, "finished_at", now);
  cf_record_set_text (record, "finished_by", cf_store_get_user_name (store));
  cf_record_set_int (record, "revision", cf_record_get_int (record, "revision") + 1);

  if (cf_assessment_decision_differs (assessment, proposal))
    /* Translators: "%1$s" is the decision recorded, "%2$s" the one the rules proposed */
    notes = g_strdup_printf (_("%1$s (the rules proposed: %2$s)"),
                             cf_decision_get_label (decision),
                             cf_decision_get_label (cf_eligibility_get_decision_id (proposal)));
  else
    notes = g_strdup (cf_decision_get_label (decision));

  event = new_event (store, assessment, CF_EVENT_ASSESSMENT_FINISHED, notes);

  if (!save_all (store, assessment, CF_RECORD (event), NULL, error))
    {
      /* Nothing was written: put the draft back as it was so the person can try again. */
      cf_record_set_text (record, "status", CF_ASSESSMENT_DRAFT);
      cf_record_set_text (record, "finished_at", "");
      cf_record_set_text (record, "finished_by", "");
      cf_record_set_int (record, "revision", cf_record_get_int (record, "revision") - 1);
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_assessments_return:
 * @reason: why it is returned; required
 *
 * A coordinator returns a finished assessment for correction: it becomes a draft again, and
 * the carer's history keeps who returned it, when and why, beside the earlier finish.
 */
gboolean
cf_assessments_return (CfStore       *store,
                       CfAssessment  *assessment,
                       const char    *reason,
                       GError       **error)
{
  CfRecord *record = CF_RECORD (assessment);
  g_autoptr(CfCarerEvent) event = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_ASSESSMENT (assessment), FALSE);

  if (!g_str_equal (cf_store_get_role (store), CF_ROLE_COORDINATOR))
    {
      g_set_error_literal (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_NOT_ALLOWED,
                           _("Only a coordinator can return an assessment for correction."));
      return FALSE;
    }

  if (!cf_assessment_is_finished (assessment))
    {
      g_set_error_literal (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_INVALID,
                           _("Only a finished assessment can be returned for correction."));
      return FALSE;
    }

  if (cf_operation_is_blank (reason))
    {
      g_set_error_literal (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_INVALID,
                           _("Say what needs correcting, so the assessor knows."));
      return FALSE;
    }

  now = cf_clock_now_iso8601 (cf_store_get_clock (store));
  cf_record_set_text (record, "status", CF_ASSESSMENT_DRAFT);
  cf_record_set_text (record, "returned_at", now);
  cf_record_set_text (record, "returned_by", cf_store_get_user_name (store));
  cf_record_set_text (record, "return_reason", reason);

  event = new_event (store, assessment, CF_EVENT_ASSESSMENT_RETURNED, reason);

  if (!save_all (store, assessment, CF_RECORD (event), NULL, error))
    {
      cf_record_set_text (record, "status", CF_ASSESSMENT_FINISHED);
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_assessments_record_given:
 * @given_on: the date as ISO 8601 (YYYY-MM-DD)
 * @how: one of cf_written_record_methods
 *
 * Care Act s.13: records when and how the written record of the decision reached the carer.
 */
gboolean
cf_assessments_record_given (CfStore       *store,
                             CfAssessment  *assessment,
                             const char    *given_on,
                             const char    *how,
                             GError       **error)
{
  CfRecord *record = CF_RECORD (assessment);
  g_autoptr(CfCarerEvent) event = NULL;
  guint year, month, day;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_ASSESSMENT (assessment), FALSE);

  if (!cf_assessment_is_finished (assessment))
    {
      g_set_error_literal (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_INVALID,
                           _("Finish the assessment before giving the written record: it "
                             "records the decision."));
      return FALSE;
    }

  if (given_on == NULL || !cf_date_parse_iso_shape (given_on, &year, &month, &day))
    {
      g_set_error_literal (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_INVALID,
                           _("Give the date the written record was given, as DD/MM/YYYY."));
      return FALSE;
    }

  if (cf_choices_find (cf_written_record_methods, how) < 0)
    {
      g_set_error_literal (error, CF_ASSESSMENT_ERROR, CF_ASSESSMENT_ERROR_INVALID,
                           _("Say how the written record was given."));
      return FALSE;
    }

  cf_record_set_text (record, "record_given_on", given_on);
  cf_record_set_text (record, "record_given_how", how);

  event = new_event (store, assessment, CF_EVENT_RECORD_GIVEN,
                     cf_choices_label (cf_written_record_methods, how));

  return save_all (store, assessment, CF_RECORD (event), NULL, error);
}
