/* cf-plans.c: support plans, their needs, actions and breaks, in the store
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Care Act 2014 s.24-25 and DOMAIN.md, "Support plan and personal budget". A carer's plans are
 * numbered versions. A draft is written with the carer, built from the needs their assessment
 * found; once they agree, that version is kept exactly as agreed and any change is made in a
 * new draft, which supersedes it when that is agreed in turn. Each step is saved with a history
 * event in one transaction, so it reaches the outbox and the audit trail together.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-assessments.h"
#include "cf-carer-event.h"
#include "cf-choices.h"
#include "cf-dates.h"
#include "cf-eligibility.h"
#include "cf-language.h"
#include "cf-money.h"
#include "cf-operation-private.h"
#include "cf-plans.h"
#include "cf-store-private.h"

G_DEFINE_QUARK (cf-plan-error-quark, cf_plan_error)

/* The fields a person may still set on an agreed plan: a copy is often given after. */
static const char * const editable_when_agreed[] = {
  "copy_given_on",
  "copy_format",
  NULL
};

static void
add_all (GPtrArray *records,
         GPtrArray *more)
{
  if (more == NULL)
    return;

  for (guint i = 0; i < more->len; i++)
    g_ptr_array_add (records, g_object_ref (g_ptr_array_index (more, i)));
}

static gboolean
save_records (CfStore    *store,
              GPtrArray  *records,
              GError    **error)
{
  return cf_store_save (store, (CfRecord **) records->pdata, records->len, error);
}

/**
 * cf_plans_list:
 *
 * Every version of the carer's support plan, newest first, for a list. Not audited: it shows
 * no more than the carer's page does.
 *
 * Returns: (transfer full) (element-type CfPlan):
 */
GPtrArray *
cf_plans_list (CfStore     *store,
               const char  *carer_id,
               GError     **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (carer_id != NULL, NULL);

  return cf_store_load_records (store, CF_TYPE_PLAN,
                                "carer_id = ? AND deleted = 0 ORDER BY number DESC, rowid DESC",
                                carer_id, NULL, error);
}

/**
 * cf_plans_load:
 *
 * Loads one version of a plan. Every view of a plan is audited.
 *
 * Returns: (transfer full): the plan
 */
CfPlan *
cf_plans_load (CfStore     *store,
               const char  *id,
               GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  found = cf_store_load_records (store, CF_TYPE_PLAN, "id = ? AND deleted = 0", id, NULL, error);
  if (found == NULL)
    return NULL;

  if (found->len == 0)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_FOUND,
                   _("No support plan has the id “%s”."), id);
      return NULL;
    }

  if (!cf_store_audit (store, CF_AUDIT_VIEW, "support_plan", id, NULL, error))
    return NULL;

  return g_object_ref (g_ptr_array_index (found, 0));
}

/**
 * cf_plans_current:
 *
 * The carer's newest plan that is not superseded: a draft being written, or the plan in
 * force. The view is audited.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL without an error if there is none
 */
CfPlan *
cf_plans_current (CfStore     *store,
                  const char  *carer_id,
                  GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  CfPlan *plan;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (carer_id != NULL, NULL);

  found = cf_store_load_records (store, CF_TYPE_PLAN,
                                 "carer_id = ? AND deleted = 0 AND status != 'superseded' "
                                 "ORDER BY number DESC, rowid DESC LIMIT 1",
                                 carer_id, NULL, error);
  if (found == NULL || found->len == 0)
    return NULL;

  plan = g_ptr_array_index (found, 0);
  if (!cf_store_audit (store, CF_AUDIT_VIEW, "support_plan", cf_record_get_id (CF_RECORD (plan)),
                       NULL, error))
    return NULL;

  return g_object_ref (plan);
}

GPtrArray *
cf_plans_list_needs (CfStore     *store,
                     const char  *plan_id,
                     GError     **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  return cf_store_load_records (store, CF_TYPE_PLAN_NEED,
                                "plan_id = ? AND deleted = 0 ORDER BY position, rowid",
                                plan_id, NULL, error);
}

GPtrArray *
cf_plans_list_actions (CfStore     *store,
                       const char  *plan_id,
                       GError     **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  return cf_store_load_records (store, CF_TYPE_PLAN_ACTION,
                                "plan_id = ? AND deleted = 0 ORDER BY position, rowid",
                                plan_id, NULL, error);
}

/* The plan's highest version number and whether a draft is being written. */
static gboolean
find_versions (CfStore     *store,
               const char  *carer_id,
               gint64      *highest,
               CfPlan     **draft,
               CfPlan     **agreed,
               GError     **error)
{
  g_autoptr(GPtrArray) plans = cf_plans_list (store, carer_id, error);

  if (plans == NULL)
    return FALSE;

  *highest = 0;
  for (guint i = 0; i < plans->len; i++)
    {
      CfRecord *record = g_ptr_array_index (plans, i);
      const char *status = cf_record_get_text (record, "status");

      *highest = MAX (*highest, cf_record_get_int (record, "number"));
      if (draft != NULL && *draft == NULL && g_str_equal (status, CF_PLAN_DRAFT))
        *draft = g_object_ref (CF_PLAN (record));
      if (agreed != NULL && *agreed == NULL && g_str_equal (status, CF_PLAN_AGREED))
        *agreed = g_object_ref (CF_PLAN (record));
    }

  return TRUE;
}

/**
 * cf_plans_create_from_assessment:
 *
 * s.24(1): where a carer has eligible needs, a support plan follows. The new draft starts
 * with a need for each outcome the assessment found the carer unable to achieve (reg 3(1)(b)),
 * marked eligible, and the outcomes the carer wanted. If the carer already has an agreed plan
 * (after a reassessment) the draft is its next version.
 *
 * Returns: (transfer full): the new draft, already saved
 */
CfPlan *
cf_plans_create_from_assessment (CfStore       *store,
                                 CfCarer       *carer,
                                 CfAssessment  *assessment,
                                 GError       **error)
{
  const char *carer_id;
  g_autoptr(CfPlan) draft = NULL;
  g_autoptr(CfPlan) agreed = NULL;
  g_autoptr(CfPlan) plan = NULL;
  g_autoptr(CfEligibility) eligibility = NULL;
  g_autoptr(CfAssessment) stored = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CfCarerEvent) event = NULL;
  CfRecord *record;
  CfRecord *assessment_record;
  gint64 highest;
  GStrv unable;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (CF_IS_CARER (carer), NULL);
  g_return_val_if_fail (CF_IS_ASSESSMENT (assessment), NULL);

  carer_id = cf_record_get_id (CF_RECORD (carer));
  assessment_record = CF_RECORD (assessment);

  if (g_strcmp0 (cf_assessment_get_carer_id (assessment), carer_id) != 0)
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("This assessment is another carer’s."));
      return NULL;
    }

  if (!cf_assessment_is_finished (assessment) ||
      !g_str_equal (cf_record_get_text (assessment_record, "decision"), CF_DECISION_ELIGIBLE))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED,
                           _("A support plan is made from a finished assessment that found the "
                             "carer eligible. Finish the assessment first."));
      return NULL;
    }

  if (!find_versions (store, carer_id, &highest, &draft, &agreed, error))
    return NULL;

  if (draft != NULL)
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED,
                           _("This carer already has a support plan being written. Open it "
                             "to carry on."));
      return NULL;
    }

  /* The needs come from the answers as stored: an assessment from a list has none loaded. */
  stored = cf_assessments_load (store, cf_record_get_id (assessment_record), error);
  if (stored == NULL)
    return NULL;
  assessment = stored;

  plan = cf_plan_new (carer_id);
  record = CF_RECORD (plan);
  cf_record_set_text (record, "assessment_id", cf_record_get_id (assessment_record));
  cf_record_set_int (record, "number", highest + 1);
  cf_record_set_text (record, "status", CF_PLAN_DRAFT);
  cf_record_set_text (record, "outcomes",
                      cf_assessment_get_answer (assessment, "matters.outcomes_wanted"));
  if (agreed != NULL)
    {
      cf_record_set_text (record, "previous_id", cf_record_get_id (CF_RECORD (agreed)));
      cf_record_set_text (record, "change_reason", _("A new assessment"));
    }
  g_ptr_array_add (records, g_object_ref (plan));

  eligibility = cf_assessment_evaluate (assessment);
  unable = cf_eligibility_get_unable_outcomes (eligibility);
  for (guint i = 0; unable != NULL && unable[i] != NULL; i++)
    {
      CfPlanNeed *need = cf_plan_need_new (cf_record_get_id (record));
      g_autofree char *source = g_strdup_printf ("outcome.%s", unable[i]);
      g_autofree char *notes_key = g_strdup_printf ("outcome.%s.notes", unable[i]);

      cf_record_set_int (CF_RECORD (need), "position", i);
      cf_record_set_text (CF_RECORD (need), "need", cf_choices_label (cf_reg3_outcomes, unable[i]));
      cf_record_set_text (CF_RECORD (need), "source", source);
      cf_record_set_text (CF_RECORD (need), "eligibility", "eligible");
      cf_record_set_text (CF_RECORD (need), "how_far",
                          cf_assessment_get_answer (assessment, notes_key));
      g_ptr_array_add (records, need);
    }

  event = cf_operation_new_event (store, carer_id, CF_EVENT_PLAN_CREATED, NULL, cf_record_get_id (record));
  g_ptr_array_add (records, g_object_ref (event));

  if (!save_records (store, records, error))
    return NULL;

  return g_steal_pointer (&plan);
}

/**
 * cf_plan_is_editable:
 *
 * Returns: whether the plan is a draft: an agreed or superseded version is kept as it was
 */
gboolean
cf_plan_is_editable (CfPlan *plan)
{
  g_return_val_if_fail (CF_IS_PLAN (plan), FALSE);

  return g_str_equal (cf_record_get_text (CF_RECORD (plan), "status"), CF_PLAN_DRAFT);
}

/**
 * cf_plan_get_council_contribution:
 *
 * s.26(1)(c): the personal budget less the carer's contribution.
 *
 * Returns: the council's contribution in pence, or -1 when the amounts do not add up (see
 *   cf_budget_council_contribution() for the words)
 */
gint64
cf_plan_get_council_contribution (CfPlan *plan)
{
  CfRecord *record = CF_RECORD (plan);
  gint64 council;

  g_return_val_if_fail (CF_IS_PLAN (plan), -1);

  if (!cf_budget_council_contribution (cf_record_get_int (record, "cost_pence"),
                                       cf_record_get_int (record, "carer_contribution_pence"),
                                       &council, NULL))
    return -1;

  return council;
}

static const char *
need_name (CfRecord *need,
           guint     position)
{
  const char *text = cf_record_get_text (need, "need");

  return cf_operation_is_blank (text) ? NULL : text;
}

/**
 * cf_plan_dup_missing:
 * @needs: (element-type CfPlanNeed) (nullable):
 * @actions: (element-type CfPlanAction) (nullable):
 *
 * What the plan still needs before the carer can agree it, in words: s.25(1) says what a
 * plan must state.
 *
 * Returns: (transfer full) (element-type utf8): empty when nothing is missing
 */
GPtrArray *
cf_plan_dup_missing (CfPlan    *plan,
                     GPtrArray *needs,
                     GPtrArray *actions)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);
  CfRecord *record = CF_RECORD (plan);
  g_autoptr(GError) budget_error = NULL;
  guint n_needs = 0;
  gint64 council;

  g_return_val_if_fail (CF_IS_PLAN (plan), missing);

  for (guint i = 0; needs != NULL && i < needs->len; i++)
    {
      CfRecord *need = g_ptr_array_index (needs, i);
      const char *name;
      const char *eligibility;
      const char *met_by;

      if (cf_record_get_deleted (need))
        continue;

      n_needs++;
      name = need_name (need, n_needs);
      eligibility = cf_record_get_text (need, "eligibility");
      met_by = cf_record_get_text (need, "met_by");

      if (name == NULL)
        {
          /* Translators: %u is the number of a need in the plan, counting from 1 */
          g_ptr_array_add (missing, g_strdup_printf (_("what need %u is"), n_needs));
          continue;
        }

      if (cf_choices_find (cf_need_eligibility, eligibility) < 0)
        /* Translators: %s is a need, such as “Having a break” */
        g_ptr_array_add (missing, g_strdup_printf (_("whether “%s” is eligible"), name));
      else if (!g_str_equal (eligibility, "not-eligible") && cf_choices_find (cf_plan_ways, met_by) < 0)
        g_ptr_array_add (missing, g_strdup_printf (_("how “%s” will be met"), name));

      /* DOMAIN.md: replacement care is for the cared-for person, with their consent. */
      if (g_str_equal (met_by, "replacement-care") &&
          !cf_record_get_bool (need, "cared_for_consent"))
        g_ptr_array_add (missing,
                         g_strdup_printf (_("the cared-for person’s consent to replacement "
                                            "care for “%s”"), name));
    }

  if (n_needs == 0)
    g_ptr_array_add (missing, g_strdup (_("at least one need")));

  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      CfRecord *action = g_ptr_array_index (actions, i);
      const char *what = cf_record_get_text (action, "what");

      if (cf_record_get_deleted (action) || cf_operation_is_blank (what))
        continue;

      if (cf_operation_is_blank (cf_record_get_text (action, "who")))
        /* Translators: %s is an action in the plan, such as “Apply for a Blue Badge” */
        g_ptr_array_add (missing, g_strdup_printf (_("who will “%s”"), what));
    }

  if (cf_operation_is_blank (cf_record_get_text (record, "outcomes")))
    g_ptr_array_add (missing, g_strdup (_("the carer’s outcomes")));

  if (!cf_budget_council_contribution (cf_record_get_int (record, "cost_pence"),
                                       cf_record_get_int (record, "carer_contribution_pence"),
                                       &council, &budget_error))
    g_ptr_array_add (missing, g_strdup (budget_error->message));

  if (!cf_record_get_bool (record, "carer_agrees"))
    g_ptr_array_add (missing, g_strdup (_("the carer’s agreement")));

  return missing;
}

static gboolean
only_editable_when_agreed_changed (CfRecord *record)
{
  g_autoptr(GPtrArray) changed = cf_record_dup_changed_fields (record);

  for (guint i = 0; i < changed->len; i++)
    {
      if (!g_strv_contains (editable_when_agreed, g_ptr_array_index (changed, i)))
        return FALSE;
    }

  return TRUE;
}

static gboolean
any_dirty (GPtrArray *records)
{
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      if (cf_record_is_dirty (g_ptr_array_index (records, i)))
        return TRUE;
    }

  return FALSE;
}

/* Puts the items in the order of the array, as the person arranged them. */
static void
renumber (GPtrArray *items)
{
  guint position = 0;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      CfRecord *item = g_ptr_array_index (items, i);

      if (cf_record_get_deleted (item))
        continue;
      if (cf_record_get_int (item, "position") != position)
        cf_record_set_int (item, "position", position);
      position++;
    }
}

static gboolean
check_values (CfPlan     *plan,
              GPtrArray  *needs,
              GPtrArray  *actions,
              GError    **error)
{
  const char *plan_id = cf_record_get_id (CF_RECORD (plan));

  for (guint i = 0; needs != NULL && i < needs->len; i++)
    {
      CfRecord *need = g_ptr_array_index (needs, i);
      const char *eligibility = cf_record_get_text (need, "eligibility");
      const char *met_by = cf_record_get_text (need, "met_by");

      if (!g_str_equal (cf_record_get_text (need, "plan_id"), plan_id) ||
          (*eligibility != '\0' && cf_choices_find (cf_need_eligibility, eligibility) < 0) ||
          (*met_by != '\0' && cf_choices_find (cf_plan_ways, met_by) < 0))
        {
          g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                               _("A need in the plan has a value Carefield does not know."));
          return FALSE;
        }
    }

  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      CfRecord *action = g_ptr_array_index (actions, i);
      const char *due_on = cf_record_get_text (action, "due_on");
      const char *done_on = cf_record_get_text (action, "done_on");
      GDate date;

      if (!g_str_equal (cf_record_get_text (action, "plan_id"), plan_id))
        {
          g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                               _("An action belongs to another plan."));
          return FALSE;
        }

      if ((*due_on != '\0' && !cf_date_read_iso (due_on, &date)) ||
          (*done_on != '\0' && !cf_date_read_iso (done_on, &date)))
        {
          g_set_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                       /* Translators: %s is an action in the plan */
                       _("The date for “%s” is not a real date. Type it as DD/MM/YYYY."),
                       cf_record_get_text (action, "what"));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * cf_plans_save:
 * @needs: (element-type CfPlanNeed) (nullable): the plan's needs in the order shown; a need
 *   marked deleted is saved as deleted
 * @actions: (element-type CfPlanAction) (nullable): likewise
 *
 * Saves a draft with its needs and actions in one transaction. An agreed plan refuses every
 * change but when and how a copy was given (%CF_PLAN_ERROR_LOCKED): make a new version with
 * cf_plans_revise(). A draft may be inconsistent (a budget that does not add up); agreeing
 * checks it.
 */
gboolean
cf_plans_save (CfStore    *store,
               CfPlan     *plan,
               GPtrArray  *needs,
               GPtrArray  *actions,
               GError    **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_PLAN (plan), FALSE);

  if (!cf_plan_is_editable (plan))
    {
      renumber (needs);
      renumber (actions);
      if (!only_editable_when_agreed_changed (CF_RECORD (plan)) || any_dirty (needs) ||
          any_dirty (actions))
        {
          g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_LOCKED,
                               _("This version of the plan was agreed with the carer and is "
                                 "kept as it was. Revise the plan to make a new version."));
          return FALSE;
        }
    }

  if (!check_values (plan, needs, actions, error))
    return FALSE;

  renumber (needs);
  renumber (actions);

  g_ptr_array_add (records, g_object_ref (plan));
  add_all (records, needs);
  add_all (records, actions);

  return save_records (store, records, error);
}

/**
 * cf_plans_agree:
 * @agreed_on: (nullable): ISO 8601 date; today when %NULL
 *
 * s.25(3)-(5): the plan is agreed with the carer. Refuses with %CF_PLAN_ERROR_INCOMPLETE and
 * the list in words when something is missing. The version in force before it is marked
 * superseded, and kept.
 */
gboolean
cf_plans_agree (CfStore     *store,
                CfPlan      *plan,
                GPtrArray   *needs,
                GPtrArray   *actions,
                const char  *agreed_on,
                GError     **error)
{
  CfRecord *record = CF_RECORD (plan);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(CfCarerEvent) event = NULL;
  g_autofree char *today = NULL;
  g_autofree char *notes = NULL;
  GDate date;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_PLAN (plan), FALSE);

  if (!cf_plan_is_editable (plan))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_LOCKED,
                           _("This version of the plan has already been agreed."));
      return FALSE;
    }

  if (agreed_on == NULL)
    agreed_on = today = cf_operation_today (store);
  else if (!cf_date_read_iso (agreed_on, &date))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Give the date the plan was agreed, as DD/MM/YYYY."));
      return FALSE;
    }

  missing = cf_plan_dup_missing (plan, needs, actions);
  if (missing->len > 0)
    {
      g_autofree char *list = cf_operation_join_missing (missing);

      g_set_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INCOMPLETE,
                   /* Translators: %s is a list of what is still needed */
                   _("The plan can’t be agreed yet. Still needed: %s."), list);
      return FALSE;
    }

  if (!check_values (plan, needs, actions, error))
    return FALSE;

  plans = cf_plans_list (store, cf_record_get_text (record, "carer_id"), error);
  if (plans == NULL)
    return FALSE;

  renumber (needs);
  renumber (actions);
  cf_record_set_text (record, "status", CF_PLAN_AGREED);
  cf_record_set_text (record, "agreed_on", agreed_on);
  cf_record_set_text (record, "agreed_by", cf_store_get_user_name (store));
  g_ptr_array_add (records, g_object_ref (plan));
  add_all (records, needs);
  add_all (records, actions);

  for (guint i = 0; i < plans->len; i++)
    {
      CfRecord *other = g_ptr_array_index (plans, i);

      if (g_str_equal (cf_record_get_id (other), cf_record_get_id (record)) ||
          !g_str_equal (cf_record_get_text (other, "status"), CF_PLAN_AGREED))
        continue;

      cf_record_set_text (other, "status", CF_PLAN_SUPERSEDED);
      cf_record_set_text (other, "superseded_on", agreed_on);
      g_ptr_array_add (records, g_object_ref (other));
    }

  /* Translators: %lld is the plan's version number */
  notes = g_strdup_printf (_("Version %lld"), (long long) cf_record_get_int (record, "number"));
  event = cf_operation_new_event (store, cf_record_get_text (record, "carer_id"), CF_EVENT_PLAN_AGREED, notes,
                     cf_record_get_id (record));
  g_ptr_array_add (records, g_object_ref (event));

  if (!save_records (store, records, error))
    {
      /* Nothing was written: the draft stays a draft so the person can try again. */
      cf_record_set_text (record, "status", CF_PLAN_DRAFT);
      cf_record_set_text (record, "agreed_on", "");
      cf_record_set_text (record, "agreed_by", "");
      return FALSE;
    }

  return TRUE;
}

static void
copy_fields (CfRecord          *from,
             CfRecord          *to,
             const char * const *skip)
{
  guint n_fields;
  const CfField *fields = cf_record_get_fields (from, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      if (g_strv_contains (skip, fields[i].name))
        continue;
      cf_record_set_value (to, i, cf_record_get_value (from, i));
    }
}

/**
 * cf_plans_revise:
 * @reason: why the plan changes, such as what a review found; required
 *
 * Starts the next version of an agreed plan: a draft with the same needs, actions, budget
 * and outcomes, for the carer to agree again. The agreed version stays in force until then.
 *
 * Returns: (transfer full): the new draft, saved
 */
CfPlan *
cf_plans_revise (CfStore     *store,
                 CfPlan      *plan,
                 const char  *reason,
                 GError     **error)
{
  static const char * const not_copied[] = {
    "number", "previous_id", "status", "change_reason", "carer_agrees", "carer_comments",
    "agreed_on", "agreed_by", "copy_given_on", "copy_format", "superseded_on", NULL
  };
  static const char * const item_not_copied[] = { "plan_id", NULL };
  CfRecord *record = CF_RECORD (plan);
  const char *carer_id;
  g_autoptr(CfPlan) draft = NULL;
  g_autoptr(CfPlan) next = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CfCarerEvent) event = NULL;
  const char *next_id;
  gint64 highest;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (CF_IS_PLAN (plan), NULL);

  carer_id = cf_record_get_text (record, "carer_id");

  if (!g_str_equal (cf_record_get_text (record, "status"), CF_PLAN_AGREED))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED,
                           _("Only the plan in force can be revised. A draft can be changed "
                             "as it is."));
      return NULL;
    }

  if (cf_operation_is_blank (reason))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Say why the plan is changing, so the next version records it."));
      return NULL;
    }

  if (!find_versions (store, carer_id, &highest, &draft, NULL, error))
    return NULL;

  if (draft != NULL)
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED,
                           _("A new version of this plan is already being written. Open it "
                             "to carry on."));
      return NULL;
    }

  needs = cf_plans_list_needs (store, cf_record_get_id (record), error);
  actions = needs != NULL ? cf_plans_list_actions (store, cf_record_get_id (record), error) : NULL;
  if (actions == NULL)
    return NULL;

  next = cf_plan_new (carer_id);
  next_id = cf_record_get_id (CF_RECORD (next));
  copy_fields (record, CF_RECORD (next), not_copied);
  cf_record_set_int (CF_RECORD (next), "number", highest + 1);
  cf_record_set_text (CF_RECORD (next), "previous_id", cf_record_get_id (record));
  cf_record_set_text (CF_RECORD (next), "status", CF_PLAN_DRAFT);
  cf_record_set_text (CF_RECORD (next), "change_reason", reason);
  g_ptr_array_add (records, g_object_ref (next));

  for (guint i = 0; i < needs->len; i++)
    {
      CfPlanNeed *need = cf_plan_need_new (next_id);

      copy_fields (g_ptr_array_index (needs, i), CF_RECORD (need), item_not_copied);
      g_ptr_array_add (records, need);
    }

  for (guint i = 0; i < actions->len; i++)
    {
      CfPlanAction *action = cf_plan_action_new (next_id);

      copy_fields (g_ptr_array_index (actions, i), CF_RECORD (action), item_not_copied);
      g_ptr_array_add (records, action);
    }

  event = cf_operation_new_event (store, carer_id, CF_EVENT_PLAN_REVISED, reason, next_id);
  g_ptr_array_add (records, g_object_ref (event));

  if (!save_records (store, records, error))
    return NULL;

  return g_steal_pointer (&next);
}

/**
 * cf_plans_copy_given:
 * @given_on: ISO 8601 date
 * @format: one of cf_copy_formats
 * @language: (nullable): the code of the language the copy was in, such as "pl"
 *
 * s.25(9): the carer is given a copy of the plan; record when and in what format, and, in the
 * history, in which language (DOMAIN.md, "Information, consent").
 */
gboolean
cf_plans_copy_given (CfStore     *store,
                     CfPlan      *plan,
                     const char  *given_on,
                     const char  *format,
                     const char  *language,
                     GError     **error)
{
  CfRecord *record = CF_RECORD (plan);
  g_autoptr(CfCarerEvent) event = NULL;
  g_autofree char *notes = NULL;
  GDate date;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_PLAN (plan), FALSE);

  if (cf_plan_is_editable (plan))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED,
                           _("Agree the plan with the carer before recording that they were "
                             "given a copy."));
      return FALSE;
    }

  if (!cf_date_read_iso (given_on, &date))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Give the date the copy was given, as DD/MM/YYYY."));
      return FALSE;
    }

  if (cf_choices_find (cf_copy_formats, format) < 0)
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Say what format the copy was given in."));
      return FALSE;
    }

  if (language != NULL && *language != '\0')
    /* Translators: in a carer's history: "%1$s" is a format, such as “Easy read”, "%2$s" a
     * language, such as “Polish” */
    notes = g_strdup_printf (_("%1$s, in %2$s"), cf_choices_label (cf_copy_formats, format),
                             cf_language_get_name (language));
  else
    notes = g_strdup (cf_choices_label (cf_copy_formats, format));

  cf_record_set_text (record, "copy_given_on", given_on);
  cf_record_set_text (record, "copy_format", format);
  event = cf_operation_new_event (store, cf_record_get_text (record, "carer_id"),
                                  CF_EVENT_PLAN_COPY_GIVEN, notes, cf_record_get_id (record));

  {
    CfRecord *records[] = { record, CF_RECORD (event) };

    return cf_store_save (store, records, G_N_ELEMENTS (records), error);
  }
}

/**
 * cf_plans_record_break:
 * @kind: one of cf_break_kinds
 * @taken_on: (nullable): ISO 8601 date; today when %NULL
 *
 * DOMAIN.md: breaks are recorded by type, planned (on the plan) and taken (here). The break
 * counts against the plan in force.
 *
 * Returns: (transfer full): the break, saved
 */
CfCarerBreak *
cf_plans_record_break (CfStore     *store,
                       CfCarer     *carer,
                       const char  *kind,
                       const char  *taken_on,
                       const char  *notes,
                       GError     **error)
{
  const char *carer_id;
  g_autoptr(CfCarerBreak) taken = NULL;
  g_autoptr(CfCarerEvent) event = NULL;
  g_autoptr(CfPlan) agreed = NULL;
  g_autofree char *today = NULL;
  gint64 highest;
  GDate date;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (CF_IS_CARER (carer), NULL);

  carer_id = cf_record_get_id (CF_RECORD (carer));

  if (cf_choices_find (cf_break_kinds, kind) < 0)
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Say what kind of break it was."));
      return NULL;
    }

  if (taken_on == NULL)
    taken_on = today = cf_operation_today (store);
  else if (!cf_date_read_iso (taken_on, &date))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Give the date of the break, as DD/MM/YYYY."));
      return NULL;
    }

  if (!find_versions (store, carer_id, &highest, NULL, &agreed, error))
    return NULL;

  taken = cf_carer_break_new (carer_id);
  cf_record_set_text (CF_RECORD (taken), "kind", kind);
  cf_record_set_text (CF_RECORD (taken), "taken_on", taken_on);
  cf_record_set_text (CF_RECORD (taken), "notes", notes != NULL ? notes : "");
  if (agreed != NULL)
    cf_record_set_text (CF_RECORD (taken), "plan_id", cf_record_get_id (CF_RECORD (agreed)));

  event = cf_operation_new_event (store, carer_id, CF_EVENT_BREAK_TAKEN, cf_choices_label (cf_break_kinds, kind),
                     cf_record_get_id (CF_RECORD (taken)));

  {
    CfRecord *records[] = { CF_RECORD (taken), CF_RECORD (event) };

    if (!cf_store_save (store, records, G_N_ELEMENTS (records), error))
      return NULL;
  }

  return g_steal_pointer (&taken);
}

GPtrArray *
cf_plans_list_breaks (CfStore     *store,
                      const char  *carer_id,
                      GError     **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (carer_id != NULL, NULL);

  return cf_store_load_records (store, CF_TYPE_CARER_BREAK,
                                "carer_id = ? AND deleted = 0 ORDER BY taken_on DESC, rowid DESC",
                                carer_id, NULL, error);
}
