/* cf-reviews.c: reviews of plans and direct payments, and what falls due
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Support plan and personal budget" (reviews, reminders), "Emergency (contingency)
 * plan" and "Direct payments" (monitoring, personal assistants). A review is a record; every
 * date something falls due is worked out here from the records, the rules in cf-schedule.c and
 * the store's clock, and never typed in or stored.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-assessment.h"
#include "cf-carer-event.h"
#include "cf-choices.h"
#include "cf-dates.h"
#include "cf-direct-payment.h"
#include "cf-emergency-plan.h"
#include "cf-operation-private.h"
#include "cf-personal-assistant.h"
#include "cf-plan.h"
#include "cf-plans.h"
#include "cf-record-private.h"
#include "cf-reviews.h"
#include "cf-store-private.h"
#include "cf-text-reminder.h"

/* Everything about one carer that a due date depends on. */
typedef struct
{
  CfCarer   *carer;
  GPtrArray *plans;
  GPtrArray *reviews;
  GPtrArray *payments;
  GPtrArray *emergency_plans;
  GPtrArray *assistants;
  gboolean   adult_assessment_booked;
} Facts;

static void
facts_free (gpointer data)
{
  Facts *facts = data;

  g_clear_object (&facts->carer);
  g_ptr_array_unref (facts->plans);
  g_ptr_array_unref (facts->reviews);
  g_ptr_array_unref (facts->payments);
  g_ptr_array_unref (facts->emergency_plans);
  g_ptr_array_unref (facts->assistants);
  g_free (facts);
}

static Facts *
facts_new (CfCarer *carer)
{
  Facts *facts = g_new0 (Facts, 1);

  facts->carer = g_object_ref (carer);
  facts->plans = g_ptr_array_new_with_free_func (g_object_unref);
  facts->reviews = g_ptr_array_new_with_free_func (g_object_unref);
  facts->payments = g_ptr_array_new_with_free_func (g_object_unref);
  facts->emergency_plans = g_ptr_array_new_with_free_func (g_object_unref);
  facts->assistants = g_ptr_array_new_with_free_func (g_object_unref);

  return facts;
}

void
cf_due_item_free (CfDueItem *item)
{
  if (item == NULL)
    return;

  g_free (item->carer_id);
  g_free (item->reference);
  g_free (item->carer_name);
  g_free (item->subject_id);
  g_free (item->title);
  g_free (item);
}

/**
 * cf_reviews_list:
 *
 * The carer's reviews, held and asked for, newest first.
 *
 * Returns: (transfer full) (element-type CfReview):
 */
GPtrArray *
cf_reviews_list (CfStore     *store,
                 const char  *carer_id,
                 GError     **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (carer_id != NULL, NULL);

  return cf_store_load_records (store, CF_TYPE_REVIEW,
                                "carer_id = ? AND deleted = 0 "
                                "ORDER BY max (held_on, requested_on) DESC, rowid DESC",
                                carer_id, NULL, error);
}

static gboolean
check_subject (const char  *subject,
               const char  *subject_id,
               GError     **error)
{
  if (g_strcmp0 (subject, CF_REVIEW_SUBJECT_PLAN) != 0 &&
      g_strcmp0 (subject, CF_REVIEW_SUBJECT_DIRECT_PAYMENT) != 0)
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("A review is of a support plan or of a direct payment."));
      return FALSE;
    }

  if (subject_id == NULL || *subject_id == '\0')
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Say which plan or direct payment is reviewed."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_date (const char  *text,
           GDate       *date,
           const char  *message,
           GError     **error)
{
  if (cf_date_read_iso (text, date))
    return TRUE;

  g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID, message);
  return FALSE;
}

/**
 * cf_reviews_request_early:
 * @subject: %CF_REVIEW_SUBJECT_PLAN or %CF_REVIEW_SUBJECT_DIRECT_PAYMENT
 * @reason: one of cf_review_reasons
 * @requested_on: (nullable): ISO 8601 date; today when %NULL
 *
 * DOMAIN.md: a review is held sooner than scheduled on request or after a change of
 * circumstances. The request is due within %CF_EARLY_REVIEW_DAYS days; once it is held it
 * starts the cycle again (cf_plan_review_due()).
 *
 * Returns: (transfer full): the review asked for, saved
 */
CfReview *
cf_reviews_request_early (CfStore     *store,
                          CfCarer     *carer,
                          const char  *subject,
                          const char  *subject_id,
                          const char  *reason,
                          const char  *notes,
                          const char  *requested_on,
                          GError     **error)
{
  return cf_reviews_request_early_by (store, carer, subject, subject_id, reason, notes,
                                      requested_on, NULL, error);
}

/**
 * cf_reviews_request_early_by:
 * @requested_by: (nullable): who asked, in words, such as the carer's name when they asked
 *   in carer review mode; the store's user when %NULL
 *
 * As cf_reviews_request_early(), for a request someone other than the worker made.
 */
CfReview *
cf_reviews_request_early_by (CfStore     *store,
                             CfCarer     *carer,
                             const char  *subject,
                             const char  *subject_id,
                             const char  *reason,
                             const char  *notes,
                             const char  *requested_on,
                             const char  *requested_by,
                             GError     **error)
{
  const char *carer_id;
  g_autoptr(CfReview) review = NULL;
  g_autoptr(CfCarerEvent) event = NULL;
  g_autofree char *today = NULL;
  CfRecord *record;
  GDate date;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (CF_IS_CARER (carer), NULL);

  carer_id = cf_record_get_id (CF_RECORD (carer));

  if (!check_subject (subject, subject_id, error))
    return NULL;

  if (cf_choices_find (cf_review_reasons, reason) < 0)
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Say why an early review is needed."));
      return NULL;
    }

  if (requested_on == NULL)
    requested_on = today = cf_operation_today (store);
  else if (!read_date (requested_on, &date,
                       _("Give the date the review was asked for, as DD/MM/YYYY."), error))
    return NULL;

  review = cf_review_new (carer_id);
  record = CF_RECORD (review);
  cf_record_set_text (record, "subject", subject);
  cf_record_set_text (record, "subject_id", subject_id);
  cf_record_set_text (record, "kind", CF_REVIEW_EARLY);
  cf_record_set_text (record, "reason", reason);
  cf_record_set_text (record, "reason_notes", notes != NULL ? notes : "");
  cf_record_set_text (record, "requested_on", requested_on);
  cf_record_set_text (record, "requested_by",
                      requested_by != NULL ? requested_by : cf_store_get_user_name (store));

  event = cf_operation_new_event (store, carer_id, CF_EVENT_REVIEW_REQUESTED,
                     cf_choices_label (cf_review_reasons, reason), cf_record_get_id (record));

  {
    CfRecord *records[] = { record, CF_RECORD (event) };

    if (!cf_store_save (store, records, G_N_ELEMENTS (records), error))
      return NULL;
  }

  return g_steal_pointer (&review);
}

/**
 * cf_reviews_record:
 * @pending: (nullable): an early review asked for, which this completes; otherwise a
 *   scheduled review is recorded
 * @subject: (nullable): for a scheduled review, %CF_REVIEW_SUBJECT_PLAN or
 *   %CF_REVIEW_SUBJECT_DIRECT_PAYMENT
 * @subject_id: (nullable): for a scheduled review, the plan or payment reviewed
 * @held_on: ISO 8601 date, not in the future
 * @outcome: one of cf_review_outcomes
 *
 * Records a review that was held. If the outcome is a revised plan, the caller goes on to
 * cf_plans_revise(); a reassessment is started like any assessment.
 *
 * Returns: (transfer full): the review, saved
 */
CfReview *
cf_reviews_record (CfStore     *store,
                   CfCarer     *carer,
                   CfReview    *pending,
                   const char  *subject,
                   const char  *subject_id,
                   const char  *held_on,
                   const char  *outcome,
                   const char  *notes,
                   GError     **error)
{
  const char *carer_id;
  g_autoptr(CfReview) review = NULL;
  g_autoptr(CfCarerEvent) event = NULL;
  CfRecord *record;
  GDate date, today;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (CF_IS_CARER (carer), NULL);
  g_return_val_if_fail (pending == NULL || CF_IS_REVIEW (pending), NULL);

  carer_id = cf_record_get_id (CF_RECORD (carer));

  if (pending != NULL)
    {
      if (*cf_record_get_text (CF_RECORD (pending), "held_on") != '\0')
        {
          g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED,
                               _("This review has already been held."));
          return NULL;
        }
      review = g_object_ref (pending);
    }
  else
    {
      if (!check_subject (subject, subject_id, error))
        return NULL;

      review = cf_review_new (carer_id);
      cf_record_set_text (CF_RECORD (review), "subject", subject);
      cf_record_set_text (CF_RECORD (review), "subject_id", subject_id);
      cf_record_set_text (CF_RECORD (review), "kind", CF_REVIEW_SCHEDULED);
    }

  if (!read_date (held_on, &date, _("Give the date the review was held, as DD/MM/YYYY."), error))
    return NULL;

  cf_clock_today (cf_store_get_clock (store), &today);
  if (g_date_compare (&date, &today) > 0)
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("A review is recorded once it has been held: the date is in the "
                             "future."));
      return NULL;
    }

  if (cf_choices_find (cf_review_outcomes, outcome) < 0)
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Say what the review decided."));
      return NULL;
    }

  record = CF_RECORD (review);
  cf_record_set_text (record, "held_on", held_on);
  cf_record_set_text (record, "outcome", outcome);
  cf_record_set_text (record, "notes", notes != NULL ? notes : "");
  cf_record_set_text (record, "reviewer", cf_store_get_user_name (store));

  event = cf_operation_new_event (store, carer_id, CF_EVENT_REVIEW_HELD,
                     cf_choices_label (cf_review_outcomes, outcome), cf_record_get_id (record));

  {
    CfRecord *records[] = { record, CF_RECORD (event) };

    if (!cf_store_save (store, records, G_N_ELEMENTS (records), error))
      {
        if (pending != NULL)
          {
            cf_record_set_text (record, "held_on", "");
            cf_record_set_text (record, "outcome", "");
          }
        return NULL;
      }
  }

  return g_steal_pointer (&review);
}

/**
 * cf_reviews_last_held:
 * @subject_id: the plan or direct payment
 * @held_on: (out caller-allocates): the date of the latest review held of it; cleared (invalid)
 *   when there is none
 *
 * Returns: %FALSE only on error; whether one was held is whether @held_on is valid
 */
gboolean
cf_reviews_last_held (CfStore     *store,
                      const char  *carer_id,
                      const char  *subject_id,
                      GDate       *held_on,
                      GError     **error)
{
  g_autoptr(GPtrArray) reviews = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (carer_id != NULL && subject_id != NULL && held_on != NULL, FALSE);

  g_date_clear (held_on, 1);
  reviews = cf_reviews_list (store, carer_id, error);
  if (reviews == NULL)
    return FALSE;

  for (guint i = 0; i < reviews->len; i++)
    {
      CfRecord *review = g_ptr_array_index (reviews, i);
      GDate date;

      if (g_str_equal (cf_record_get_text (review, "subject_id"), subject_id) &&
          cf_date_read_iso (cf_record_get_text (review, "held_on"), &date) &&
          (!g_date_valid (held_on) || g_date_compare (&date, held_on) > 0))
        *held_on = date;
    }

  return TRUE;
}

/**
 * cf_reviews_set_texts_consent:
 *
 * DOMAIN.md, "Information, consent": consent to text messages is recorded with its date, and
 * its withdrawal is a history entry of its own, so the earlier consent is never overwritten
 * from the record of what happened.
 */
gboolean
cf_reviews_set_texts_consent (CfStore  *store,
                              CfCarer  *carer,
                              gboolean  consent,
                              GError  **error)
{
  CfRecord *record = CF_RECORD (carer);
  g_autoptr(CfCarerEvent) event = NULL;
  g_autofree char *today = NULL;
  g_autofree char *previous_on = NULL;
  gboolean previous;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_CARER (carer), FALSE);

  previous = cf_record_get_bool (record, "texts_consent");
  if (previous == consent)
    return TRUE;

  previous_on = g_strdup (cf_record_get_text (record, "texts_consent_on"));
  today = cf_operation_today (store);
  cf_record_set_bool (record, "texts_consent", consent);
  cf_record_set_text (record, "texts_consent_on", today);
  event = cf_operation_new_event (store, cf_record_get_id (record), CF_EVENT_TEXTS_CONSENT,
                     consent ? _("Agreed to text message reminders")
                             : _("Withdrew consent to text message reminders"),
                     cf_record_get_id (record));

  {
    CfRecord *records[] = { record, CF_RECORD (event) };

    if (!cf_store_save (store, records, G_N_ELEMENTS (records), error))
      {
        cf_record_set_bool (record, "texts_consent", previous);
        cf_record_set_text (record, "texts_consent_on", previous_on);
        return FALSE;
      }
  }

  return TRUE;
}

/* Working out what is due */

static char *
carer_name (CfCarer *carer)
{
  CfRecord *record = CF_RECORD (carer);
  const char *given = cf_record_get_text (record, "preferred_name");

  if (*given == '\0')
    given = cf_record_get_text (record, "given_name");

  return g_strstrip (g_strdup_printf ("%s %s", given, cf_record_get_text (record, "family_name")));
}

static void
add_item (GPtrArray   *items,
          Facts       *facts,
          CfDueKind    kind,
          const char  *subject_id,
          const GDate *due,
          const GDate *today,
          const char  *what)
{
  CfDueItem *item;
  CfRecord *carer = CF_RECORD (facts->carer);

  if (!g_date_valid (due))
    return;

  item = g_new0 (CfDueItem, 1);
  item->kind = kind;
  item->carer_id = g_strdup (cf_record_get_id (carer));
  item->reference = g_strdup (cf_record_get_text (carer, "reference"));
  item->carer_name = carer_name (facts->carer);
  item->subject_id = g_strdup (subject_id);
  item->due = *due;
  item->state = cf_due_state (due, today);
  item->title = cf_due_describe (what, due, today);
  g_ptr_array_add (items, item);
}

/* The last review held of @subject (any of @subject_ids when NULL is not given). */
static gboolean
last_review (Facts       *facts,
             const char  *subject,
             const char  *subject_id,
             GDate       *date)
{
  gboolean found = FALSE;

  g_date_clear (date, 1);
  for (guint i = 0; i < facts->reviews->len; i++)
    {
      CfRecord *review = g_ptr_array_index (facts->reviews, i);
      GDate held;

      if (!g_str_equal (cf_record_get_text (review, "subject"), subject) ||
          (subject_id != NULL && !g_str_equal (cf_record_get_text (review, "subject_id"), subject_id)) ||
          !cf_date_read_iso (cf_record_get_text (review, "held_on"), &held))
        continue;

      if (!found || g_date_compare (&held, date) > 0)
        *date = held;
      found = TRUE;
    }

  return found;
}

static gboolean
is_young_carer (Facts       *facts,
                const GDate *today,
                GDate       *date_of_birth)
{
  return cf_date_read_iso (cf_record_get_text (CF_RECORD (facts->carer), "date_of_birth"),
                           date_of_birth) &&
         cf_age_in_years (date_of_birth, today) < 18;
}

static void
plan_items (Facts       *facts,
            const GDate *today,
            GPtrArray   *items)
{
  CfRecord *in_force = NULL;
  GDate first_agreed, reviewed, window, due, dob;
  gboolean any_agreed = FALSE;

  g_date_clear (&first_agreed, 1);
  for (guint i = 0; i < facts->plans->len; i++)
    {
      CfRecord *plan = g_ptr_array_index (facts->plans, i);
      const char *status = cf_record_get_text (plan, "status");
      GDate agreed;

      if (g_str_equal (status, CF_PLAN_AGREED))
        in_force = plan;

      /* The cycle starts when the first version was agreed; later versions come from
       * reviews, which carry the cycle on. */
      if (!g_str_equal (status, CF_PLAN_DRAFT) &&
          cf_date_read_iso (cf_record_get_text (plan, "agreed_on"), &agreed) &&
          (!any_agreed || g_date_compare (&agreed, &first_agreed) < 0))
        {
          first_agreed = agreed;
          any_agreed = TRUE;
        }
    }

  if (in_force == NULL || !any_agreed)
    return;

  cf_plan_review_due (&first_agreed,
                      last_review (facts, CF_REVIEW_SUBJECT_PLAN, NULL, &reviewed) ? &reviewed : NULL,
                      is_young_carer (facts, today, &dob), &window, &due);
  add_item (items, facts, CF_DUE_PLAN_REVIEW, cf_record_get_id (in_force), &due, today,
            _("Plan review"));
}

static void
early_review_items (Facts       *facts,
                    const GDate *today,
                    GPtrArray   *items)
{
  for (guint i = 0; i < facts->reviews->len; i++)
    {
      CfRecord *review = g_ptr_array_index (facts->reviews, i);
      GDate due;

      if (!g_str_equal (cf_record_get_text (review, "kind"), CF_REVIEW_EARLY) ||
          *cf_record_get_text (review, "held_on") != '\0' ||
          !cf_date_read_iso (cf_record_get_text (review, "requested_on"), &due))
        continue;

      g_date_add_days (&due, CF_EARLY_REVIEW_DAYS);
      add_item (items, facts, CF_DUE_EARLY_REVIEW, cf_record_get_id (review), &due, today,
                _("Early review"));
    }
}

static void
payment_items (Facts       *facts,
               const GDate *today,
               GPtrArray   *items)
{
  for (guint i = 0; i < facts->payments->len; i++)
    {
      CfRecord *payment = g_ptr_array_index (facts->payments, i);
      const char *id = cf_record_get_id (payment);
      GDate first, reviewed, due;

      if (!g_str_equal (cf_record_get_text (payment, "status"), "active") ||
          !cf_date_read_iso (cf_record_get_text (payment, "first_payment_on"), &first))
        continue;

      cf_direct_payment_review_due (&first,
                                    last_review (facts, CF_REVIEW_SUBJECT_DIRECT_PAYMENT, id,
                                                 &reviewed) ? &reviewed : NULL,
                                    &due);
      add_item (items, facts, CF_DUE_DIRECT_PAYMENT_REVIEW, id, &due, today,
                _("Direct payment review"));
    }

  for (guint i = 0; i < facts->assistants->len; i++)
    {
      CfRecord *assistant = g_ptr_array_index (facts->assistants, i);
      const char *id = cf_record_get_id (assistant);
      const char *status = cf_record_get_text (assistant, "status");
      GDate date, due;

      if (g_str_equal (status, "in-post"))
        {
          if (cf_date_read_iso (cf_record_get_text (assistant, "dbs_checked_on"), &date))
            {
              cf_dbs_renewal_due (&date, &due);
              add_item (items, facts, CF_DUE_DBS_RENEWAL, id, &due, today,
                        _("Personal assistant’s DBS check"));
            }
          if (cf_date_read_iso (cf_record_get_text (assistant, "insurance_expires_on"), &due))
            add_item (items, facts, CF_DUE_INSURANCE, id, &due, today,
                      _("Employer’s liability insurance"));
        }
      else if ((g_str_equal (status, "vacant") || g_str_equal (status, "recruiting")) &&
               cf_date_read_iso (cf_record_get_text (assistant, "vacant_since"), &date))
        {
          /* Flagged from the 31st day (cf_vacancy_is_long()): due on the 30th. */
          due = date;
          g_date_add_days (&due, 30);
          add_item (items, facts, CF_DUE_VACANCY, id, &due, today,
                    _("Filling the personal assistant’s post"));
        }
    }
}

static void
emergency_items (Facts       *facts,
                 const GDate *today,
                 GPtrArray   *items)
{
  for (guint i = 0; i < facts->emergency_plans->len; i++)
    {
      CfRecord *plan = g_ptr_array_index (facts->emergency_plans, i);
      GDate due;

      /* DOMAIN.md: flag plans not checked in 12 months (cf_emergency_plan_needs_check()). */
      if (!cf_date_read_iso (cf_record_get_text (plan, "last_checked_on"), &due) &&
          !cf_date_read_iso (cf_record_get_text (plan, "agreed_on"), &due))
        continue;

      g_date_add_months (&due, 12);
      add_item (items, facts, CF_DUE_EMERGENCY_CHECK, cf_record_get_id (plan), &due, today,
                _("Emergency plan check"));
    }
}

static void
transition_items (Facts       *facts,
                  const GDate *today,
                  GPtrArray   *items)
{
  GDate dob, due;
  CfTransitionFlag flag;

  if (!is_young_carer (facts, today, &dob))
    return;

  flag = cf_young_carer_transition_flag (&dob, today, facts->adult_assessment_booked);
  if (flag == CF_TRANSITION_NONE)
    return;

  /* Planning is due from the 14th birthday, and urgent from the 17th; both are already
   * here when flagged, so they show as due now or overdue. */
  due = dob;
  g_date_add_years (&due, flag == CF_TRANSITION_URGENT ? 17 : 14);
  if (flag == CF_TRANSITION_PLAN)
    due = *today;
  add_item (items, facts, CF_DUE_TRANSITION, cf_record_get_id (CF_RECORD (facts->carer)), &due,
            today, flag == CF_TRANSITION_URGENT
                     ? _("Transition to adult support (no adult assessment booked)")
                     : _("Transition planning"));
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const CfDueItem *first = *(CfDueItem * const *) a;
  const CfDueItem *second = *(CfDueItem * const *) b;
  int by_date = g_date_compare (&first->due, &second->due);

  if (by_date != 0)
    return by_date;

  return g_strcmp0 (first->reference, second->reference);
}

static void
compute (Facts       *facts,
         const GDate *today,
         GPtrArray   *items)
{
  plan_items (facts, today, items);
  early_review_items (facts, today, items);
  payment_items (facts, today, items);
  emergency_items (facts, today, items);
  transition_items (facts, today, items);
}

/* Loads @type where @where (with @carer_id bound, or with no argument when it is NULL) and
 * hands each record to the facts of its carer, found through @key. */
static gboolean
gather (CfStore     *store,
        GHashTable  *facts_by_carer,
        GType        type,
        const char  *where,
        const char  *carer_id,
        const char  *key,
        GHashTable  *carer_of_payment,
        gsize        offset,
        GError     **error)
{
  g_autoptr(GPtrArray) records = cf_store_load_records (store, type, where, carer_id, NULL, error);

  if (records == NULL)
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      CfRecord *record = g_ptr_array_index (records, i);
      const char *owner = cf_record_get_text (record, key);
      Facts *facts;

      if (carer_of_payment != NULL)
        owner = g_hash_table_lookup (carer_of_payment, owner);
      if (owner == NULL || (facts = g_hash_table_lookup (facts_by_carer, owner)) == NULL)
        continue;

      g_ptr_array_add (G_STRUCT_MEMBER (GPtrArray *, facts, offset), g_object_ref (record));
    }

  return TRUE;
}

/* The facts of one carer (@carer given) or of every open carer (@carer NULL), with a few
 * queries for the whole caseload rather than several per carer. */
static GHashTable *
load_facts (CfStore      *store,
            CfCarer      *carer,
            const GDate  *today,
            GError      **error)
{
  g_autoptr(GHashTable) facts_by_carer = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                                facts_free);
  g_autoptr(GHashTable) carer_of_payment = g_hash_table_new (g_str_hash, g_str_equal);
  const char *only = carer != NULL ? cf_record_get_id (CF_RECORD (carer)) : NULL;
  g_autoptr(GPtrArray) booked = NULL;
  g_autofree char *plan_where = NULL;
  g_autofree char *review_where = NULL;
  g_autofree char *payment_where = NULL;
  g_autofree char *emergency_where = NULL;
  g_autofree char *assistant_where = NULL;
  g_autofree char *booked_where = NULL;
  const char *carer_clause = only != NULL ? "carer_id = ?" : "1";

  if (carer != NULL)
    {
      Facts *facts = facts_new (carer);

      g_hash_table_insert (facts_by_carer, (gpointer) cf_record_get_id (CF_RECORD (carer)), facts);
    }
  else
    {
      /* Only carers something can fall due for: those with a plan, a review, a payment or an
       * emergency plan, and those under 18 (transition). Most of a caseload has none. */
      g_autoptr(GPtrArray) carers = NULL;
      g_autofree char *adult_from = NULL;
      GDate eighteen_years_ago;

      eighteen_years_ago = *today;
      g_date_subtract_years (&eighteen_years_ago, 18);
      adult_from = cf_date_write_iso (&eighteen_years_ago);
      carers = cf_store_load_records (store, CF_TYPE_CARER,
                                      "deleted = 0 AND status != 'closed' AND ("
                                      "  date_of_birth > ?"
                                      "  OR id IN (SELECT carer_id FROM support_plan"
                                      "            WHERE deleted = 0 AND status != 'draft')"
                                      "  OR id IN (SELECT carer_id FROM review WHERE deleted = 0)"
                                      "  OR id IN (SELECT carer_id FROM direct_payment"
                                      "            WHERE deleted = 0)"
                                      "  OR id IN (SELECT carer_id FROM emergency_plan"
                                      "            WHERE deleted = 0))",
                                      adult_from, NULL, error);

      if (carers == NULL)
        return NULL;

      for (guint i = 0; i < carers->len; i++)
        {
          Facts *facts = facts_new (g_ptr_array_index (carers, i));

          g_hash_table_insert (facts_by_carer,
                               (gpointer) cf_record_get_id (CF_RECORD (facts->carer)), facts);
        }
    }

  plan_where = g_strdup_printf ("%s AND deleted = 0 AND status != 'draft'", carer_clause);
  review_where = g_strdup_printf ("%s AND deleted = 0", carer_clause);
  payment_where = g_strdup_printf ("%s AND deleted = 0", carer_clause);
  emergency_where = g_strdup_printf ("%s AND deleted = 0", carer_clause);
  assistant_where = g_strdup_printf ("deleted = 0 AND status != 'ended' AND direct_payment_id IN "
                                     "(SELECT id FROM direct_payment WHERE %s AND deleted = 0)",
                                     carer_clause);

  if (!gather (store, facts_by_carer, CF_TYPE_PLAN, plan_where, only, "carer_id", NULL,
               G_STRUCT_OFFSET (Facts, plans), error) ||
      !gather (store, facts_by_carer, CF_TYPE_REVIEW, review_where, only, "carer_id", NULL,
               G_STRUCT_OFFSET (Facts, reviews), error) ||
      !gather (store, facts_by_carer, CF_TYPE_DIRECT_PAYMENT, payment_where, only, "carer_id",
               NULL, G_STRUCT_OFFSET (Facts, payments), error) ||
      !gather (store, facts_by_carer, CF_TYPE_EMERGENCY_PLAN, emergency_where, only, "carer_id",
               NULL, G_STRUCT_OFFSET (Facts, emergency_plans), error))
    return NULL;

  {
    GHashTableIter iter;
    Facts *facts;

    g_hash_table_iter_init (&iter, facts_by_carer);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &facts))
      {
        for (guint i = 0; i < facts->payments->len; i++)
          {
            CfRecord *payment = g_ptr_array_index (facts->payments, i);

            g_hash_table_insert (carer_of_payment, (gpointer) cf_record_get_id (payment),
                                 (gpointer) cf_record_get_text (payment, "carer_id"));
          }
      }
  }

  if (!gather (store, facts_by_carer, CF_TYPE_PERSONAL_ASSISTANT, assistant_where, only,
               "direct_payment_id", carer_of_payment, G_STRUCT_OFFSET (Facts, assistants), error))
    return NULL;

  /* s.63: a young carer's transition assessment counts as the adult assessment booked. */
  booked_where = g_strdup_printf ("%s AND deleted = 0 AND kind = 'young-carer-transition'",
                                  carer_clause);
  booked = cf_store_load_records (store, CF_TYPE_ASSESSMENT, booked_where, only, NULL, error);
  if (booked == NULL)
    return NULL;

  for (guint i = 0; i < booked->len; i++)
    {
      Facts *facts = g_hash_table_lookup (facts_by_carer,
                                          cf_assessment_get_carer_id (g_ptr_array_index (booked, i)));

      if (facts != NULL)
        facts->adult_assessment_booked = TRUE;
    }

  return g_steal_pointer (&facts_by_carer);
}

/**
 * cf_due_for_carer:
 * @today: (nullable): the day to count from; the store clock's today when %NULL
 *
 * Everything that falls due for the carer, whenever it is due, soonest first.
 *
 * Returns: (transfer full) (element-type CfDueItem):
 */
GPtrArray *
cf_due_for_carer (CfStore      *store,
                  CfCarer      *carer,
                  const GDate  *today,
                  GError      **error)
{
  g_autoptr(GHashTable) facts_by_carer = NULL;
  GPtrArray *items;
  GDate now;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (CF_IS_CARER (carer), NULL);

  if (today == NULL)
    {
      cf_clock_today (cf_store_get_clock (store), &now);
      today = &now;
    }

  facts_by_carer = load_facts (store, carer, today, error);
  if (facts_by_carer == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_due_item_free);
  compute (g_hash_table_lookup (facts_by_carer, cf_record_get_id (CF_RECORD (carer))), today, items);
  g_ptr_array_sort (items, compare_items);

  return items;
}

/**
 * cf_due_list:
 * @today: (nullable): the day to count from; the store clock's today when %NULL
 *
 * DOMAIN.md, "Reminders": across the caseload, what is due within %CF_SCHEDULE_SOON_DAYS days
 * and what is overdue, soonest first. Closed carers are left out. The list is audited once.
 *
 * Returns: (transfer full) (element-type CfDueItem):
 */
GPtrArray *
cf_due_list (CfStore      *store,
             const GDate  *today,
             GError      **error)
{
  g_autoptr(GHashTable) facts_by_carer = NULL;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_due_item_free);
  GPtrArray *items;
  GHashTableIter iter;
  Facts *facts;
  GDate now;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);

  if (today == NULL)
    {
      cf_clock_today (cf_store_get_clock (store), &now);
      today = &now;
    }

  facts_by_carer = load_facts (store, NULL, today, error);
  if (facts_by_carer == NULL ||
      !cf_store_audit (store, CF_AUDIT_LIST, "due", NULL, NULL, error))
    return NULL;

  g_hash_table_iter_init (&iter, facts_by_carer);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &facts))
    compute (facts, today, all);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_due_item_free);
  for (guint i = 0; i < all->len; i++)
    {
      CfDueItem *item = g_ptr_array_index (all, i);

      if (item->state == CF_DUE_STATE_SOON || item->state == CF_DUE_STATE_OVERDUE)
        g_ptr_array_add (items, g_ptr_array_steal_index_fast (all, i--));
    }
  g_ptr_array_sort (items, compare_items);

  return items;
}

/* The same reminder for the same review on the same due date is one record, however many
 * times or on however many laptops the queue is filled. */
static char *
reminder_id (const CfDueItem *item)
{
  g_autofree char *due = cf_date_write_iso (&item->due);
  g_autofree char *key = g_strdup_printf ("reminder\n%s\n%d\n%s\n%s", item->carer_id, item->kind,
                                          item->subject_id, due);
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);

  /* Shaped like a UUID (version 8, RFC 9562), as every record id is. */
  return g_strdup_printf ("%.8s-%.4s-8%.3s-a%.3s-%.12s", hash, hash + 8, hash + 12, hash + 16,
                          hash + 20);
}

static gboolean
is_review (const CfDueItem *item)
{
  return item->kind == CF_DUE_PLAN_REVIEW || item->kind == CF_DUE_EARLY_REVIEW ||
         item->kind == CF_DUE_DIRECT_PAYMENT_REVIEW;
}

/**
 * cf_due_queue_reminders:
 * @today: (nullable): the store clock's today when %NULL
 *
 * DOMAIN.md, "Reminders": a text message reminder is queued for each review due soon or
 * overdue, only for carers who agreed to texts and have a phone number. Reminders still
 * queued for a carer who has since withdrawn consent are cancelled. Queuing again changes
 * nothing: each reminder has an id made from what it is about.
 *
 * Returns: how many reminders were newly queued, or -1 (as %G_MAXUINT) on error
 */
guint
cf_due_queue_reminders (CfStore      *store,
                        const GDate  *today,
                        GError      **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) queued = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) existing = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) consenting = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) carers = NULL;
  guint n_new = 0;

  g_return_val_if_fail (CF_IS_STORE (store), G_MAXUINT);

  items = cf_due_list (store, today, error);
  if (items == NULL)
    return G_MAXUINT;

  carers = cf_store_load_records (store, CF_TYPE_CARER,
                                  "deleted = 0 AND status != 'closed' AND texts_consent = 1 "
                                  "AND phone != ''", NULL, NULL, error);
  queued = carers != NULL ? cf_store_load_records (store, CF_TYPE_TEXT_REMINDER, "deleted = 0",
                                                   NULL, NULL, error) : NULL;
  if (queued == NULL)
    return G_MAXUINT;

  for (guint i = 0; i < carers->len; i++)
    {
      CfRecord *carer = g_ptr_array_index (carers, i);

      g_hash_table_insert (consenting, g_strdup (cf_record_get_id (carer)),
                           g_strdup (cf_record_get_text (carer, "phone")));
    }

  for (guint i = 0; i < queued->len; i++)
    {
      CfRecord *reminder = g_ptr_array_index (queued, i);

      g_hash_table_add (existing, (gpointer) cf_record_get_id (reminder));
      if (g_str_equal (cf_record_get_text (reminder, "state"), "queued") &&
          !g_hash_table_contains (consenting, cf_record_get_text (reminder, "carer_id")))
        {
          cf_record_set_text (reminder, "state", "cancelled");
          g_ptr_array_add (records, g_object_ref (reminder));
        }
    }

  for (guint i = 0; i < items->len; i++)
    {
      CfDueItem *item = g_ptr_array_index (items, i);
      const char *phone = g_hash_table_lookup (consenting, item->carer_id);
      g_autofree char *id = NULL;
      g_autofree char *due = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *message = NULL;
      g_autofree char *send_on = NULL;
      CfRecord *reminder;

      if (phone == NULL || !is_review (item))
        continue;

      id = reminder_id (item);
      if (g_hash_table_contains (existing, id))
        continue;

      due = cf_date_write_iso (&item->due);
      shown = cf_date_to_user (due);
      /* A text carries no health details: only that a review is due and when. */
      /* Translators: a text message to a carer; %s is a date */
      message = g_strdup_printf (_("Your carer’s support review is due by %s. We will be in "
                                   "touch to arrange it."), shown);
      send_on = cf_operation_today (store);

      reminder = cf_record_new_for_entity (CF_TYPE_TEXT_REMINDER, id);
      cf_record_set_text (reminder, "carer_id", item->carer_id);
      cf_record_set_text (reminder, "about", cf_review_due_kind_to_string (item->kind));
      cf_record_set_text (reminder, "subject_id", item->subject_id);
      cf_record_set_text (reminder, "send_on", send_on);
      cf_record_set_text (reminder, "phone", phone);
      cf_record_set_text (reminder, "message", message);
      cf_record_set_text (reminder, "state", "queued");
      g_ptr_array_add (records, reminder);
      n_new++;
    }

  if (records->len > 0 &&
      !cf_store_save (store, (CfRecord **) records->pdata, records->len, error))
    return G_MAXUINT;

  return n_new;
}

/**
 * cf_review_due_kind_to_string:
 *
 * Returns: a stable identifier for @kind, for the wire and the command line
 */
const char *
cf_review_due_kind_to_string (CfDueKind kind)
{
  switch (kind)
    {
    case CF_DUE_PLAN_REVIEW:
      return "plan-review";
    case CF_DUE_EARLY_REVIEW:
      return "early-review";
    case CF_DUE_DIRECT_PAYMENT_REVIEW:
      return "direct-payment-review";
    case CF_DUE_EMERGENCY_CHECK:
      return "emergency-plan-check";
    case CF_DUE_DBS_RENEWAL:
      return "dbs-renewal";
    case CF_DUE_INSURANCE:
      return "insurance-renewal";
    case CF_DUE_VACANCY:
      return "vacancy";
    case CF_DUE_TRANSITION:
      return "transition";
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * cf_due_state_to_string:
 *
 * Returns: "later", "soon", "overdue" or "none"
 */
const char *
cf_due_state_to_string (CfDueState state)
{
  switch (state)
    {
    case CF_DUE_STATE_LATER:
      return "later";
    case CF_DUE_STATE_SOON:
      return "soon";
    case CF_DUE_STATE_OVERDUE:
      return "overdue";
    case CF_DUE_STATE_NONE:
    default:
      return "none";
    }
}
