/* cf-carer-review.c: what a carer reads and says in carer review mode
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "GUI map": a worker hands the laptop to the carer, who reads their own plan, in
 * large plain text and in their own language, and can agree, comment, say what should change
 * or ask for a review. What is loaded here is one carer's and nobody else's: the mode shows
 * only this, so the carer cannot reach another person's record from it.
 *
 * The law behind what the carer may say:
 * - Care Act s.25(3)–(5): the plan is prepared with the carer, and the local authority must
 *   take all reasonable steps to reach agreement with them; their agreement is recorded on a
 *   draft plan as theirs.
 * - s.27(1)(b) and (3): the carer may ask for the plan to be reviewed, and a reasonable
 *   request must be considered; DOMAIN.md lists "the carer asked" among the reasons for an
 *   early review.
 * - DOMAIN.md, "Information, consent" (the Accessible Information Standard): the carer reads
 *   in their preferred language wherever Carefield has a translation.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-carer-event.h"
#include "cf-carer-review.h"
#include "cf-choices.h"
#include "cf-dates.h"
#include "cf-direct-payments.h"
#include "cf-emergency-plans.h"
#include "cf-language.h"
#include "cf-operation-private.h"
#include "cf-plans.h"
#include "cf-reviews.h"
#include "cf-store-private.h"

void
cf_carer_review_free (CfCarerReview *review)
{
  if (review == NULL)
    return;

  g_clear_object (&review->carer);
  g_clear_object (&review->plan);
  g_clear_pointer (&review->needs, g_ptr_array_unref);
  g_clear_pointer (&review->actions, g_ptr_array_unref);
  g_clear_object (&review->emergency_plan);
  g_clear_pointer (&review->contacts, g_ptr_array_unref);
  g_clear_pointer (&review->payments, g_ptr_array_unref);
  g_free (review);
}

/* The plan in force, or, before one is agreed, the draft being written with the carer. */
static CfPlan *
choose_plan (GPtrArray *plans)
{
  CfPlan *draft = NULL;

  /* cf_plans_list() gives the newest version first. */
  for (guint i = 0; i < plans->len; i++)
    {
      CfPlan *plan = g_ptr_array_index (plans, i);
      const char *status = cf_record_get_text (CF_RECORD (plan), "status");

      if (g_str_equal (status, "agreed"))
        return g_object_ref (plan);
      if (g_str_equal (status, "draft") && draft == NULL)
        draft = plan;
    }

  return draft != NULL ? g_object_ref (draft) : NULL;
}

static gboolean
is_review (CfDueKind kind)
{
  return kind == CF_DUE_PLAN_REVIEW || kind == CF_DUE_EARLY_REVIEW ||
         kind == CF_DUE_DIRECT_PAYMENT_REVIEW;
}

/**
 * cf_carer_review_load:
 * @carer_id: the carer's id or reference
 *
 * Loads the carer's plan, emergency plan, direct payments and next review, for carer review
 * mode. The views are audited as the functions it calls audit them.
 *
 * Returns: (transfer full) (nullable): what the carer reads, or %NULL with @error set
 */
CfCarerReview *
cf_carer_review_load (CfStore     *store,
                      const char  *carer_id,
                      GError     **error)
{
  g_autoptr(CfCarerReview) review = g_new0 (CfCarerReview, 1);
  g_autoptr(GPtrArray) plans = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autoptr(GPtrArray) due = NULL;
  const char *id;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (carer_id != NULL, NULL);

  review->carer = cf_store_load_carer (store, carer_id, error);
  if (review->carer == NULL)
    return NULL;
  id = cf_record_get_id (CF_RECORD (review->carer));

  plans = cf_plans_list (store, id, error);
  if (plans == NULL)
    return NULL;
  review->plan = choose_plan (plans);
  if (review->plan != NULL)
    {
      const char *plan_id = cf_record_get_id (CF_RECORD (review->plan));

      review->needs = cf_plans_list_needs (store, plan_id, error);
      if (review->needs == NULL)
        return NULL;
      review->actions = cf_plans_list_actions (store, plan_id, error);
      if (review->actions == NULL)
        return NULL;
    }

  review->emergency_plan = cf_emergency_plans_load_for_carer (store, id, error);
  if (review->emergency_plan == NULL && error != NULL && *error != NULL)
    return NULL;
  if (review->emergency_plan != NULL)
    {
      review->contacts = cf_emergency_plans_list_contacts (
        store, cf_record_get_id (CF_RECORD (review->emergency_plan)), error);
      if (review->contacts == NULL)
        return NULL;
    }

  payments = cf_direct_payments_list (store, id, error);
  if (payments == NULL)
    return NULL;
  review->payments = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < payments->len; i++)
    {
      CfRecord *payment = g_ptr_array_index (payments, i);
      const char *status = cf_record_get_text (payment, "status");

      if (g_str_equal (status, "active") || g_str_equal (status, "setting-up"))
        g_ptr_array_add (review->payments, g_object_ref (payment));
    }

  due = cf_due_for_carer (store, review->carer, NULL, error);
  if (due == NULL)
    return NULL;
  /* Soonest first. */
  for (guint i = 0; i < due->len && !review->has_next_review; i++)
    {
      CfDueItem *item = g_ptr_array_index (due, i);

      if (is_review (item->kind))
        {
          review->next_review = item->due;
          review->has_next_review = TRUE;
        }
    }

  return g_steal_pointer (&review);
}

/**
 * cf_carer_review_dup_language:
 *
 * Returns: (transfer full): the language to show the carer first: their preferred language
 *   when Carefield is translated into it, otherwise English ("en")
 */
char *
cf_carer_review_dup_language (CfCarerReview *review)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (review != NULL, NULL);

  wanted = cf_language_code_for (cf_record_get_text (CF_RECORD (review->carer),
                                                     "preferred_language"));
  if (wanted != NULL && cf_language_is_translated (wanted))
    return g_steal_pointer (&wanted);

  return g_strdup ("en");
}

static GPtrArray *
dup_cared_for (CfCarer *carer)
{
  GListModel *model = cf_carer_get_cared_for (carer);
  GPtrArray *people = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (people, g_list_model_get_item (model, i));

  return people;
}

static CfDocument *
build_payments (CfCarerReview *review)
{
  CfDocument *document = cf_document_new (_("Your Direct Payment"));

  if (review->payments->len == 0)
    {
      cf_document_add_paragraph (document, _("You do not have a direct payment."));
      cf_document_add_paragraph (document, _("Ask your worker if you would like one."));
      return document;
    }

  for (guint i = 0; i < review->payments->len; i++)
    {
      CfDirectPayment *payment = g_ptr_array_index (review->payments, i);
      CfRecord *record = CF_RECORD (payment);
      g_autofree char *amount = cf_direct_payment_describe_amount (payment);
      const char *purpose = cf_record_get_text (record, "purpose");
      const char *method = cf_record_get_text (record, "method");

      if (review->payments->len > 1)
        cf_document_add_heading (document, amount);
      cf_document_add_field (document, _("We pay you"), amount);
      if (*purpose != '\0')
        cf_document_add_field (document, _("It is for"), purpose);
      if (*method != '\0')
        cf_document_add_field (document, _("Paid into"),
                               cf_choices_label (cf_direct_payment_methods, method));
      if (g_str_equal (cf_record_get_text (record, "status"), "setting-up"))
        cf_document_add_paragraph (document, _("It is still being set up."));
    }

  return document;
}

static CfDocument *
build_next_review (CfCarerReview *review)
{
  CfDocument *document = cf_document_new (_("Your Next Review"));

  if (review->has_next_review)
    {
      g_autofree char *iso = cf_date_write_iso (&review->next_review);
      g_autofree char *date = cf_date_to_user (iso);

      cf_document_add_field (document, _("Your next review is due by"), date);
    }
  else
    cf_document_add_paragraph (document, _("No review is planned yet."));
  cf_document_add_paragraph (document,
                             _("You can ask for a review sooner at any time, if things change."));

  return document;
}

/**
 * cf_carer_review_build_documents:
 * @language: the language to write in, such as "pl"; English when it has no translation
 * @organisation: (nullable): who the carer can call, as printed on their plan
 *
 * What the carer reads, section by section: their support plan, their emergency plan, their
 * direct payment and their next review, in @language.
 *
 * Returns: (transfer full) (element-type CfDocument): the sections, in that order
 */
GPtrArray *
cf_carer_review_build_documents (CfCarerReview        *review,
                                 const char           *language,
                                 const CfOrganisation *organisation)
{
  GPtrArray *documents = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_document_unref);
  CfLanguageScope scope = { 0 };
  CfDocumentFormat format;
  const char *code;

  g_return_val_if_fail (review != NULL, NULL);

  code = language != NULL && cf_language_is_translated (language) ? language : "en";
  /* In the format the carer takes their copies in: easy read for those who need it. */
  format = cf_document_format_for_needs (cf_record_get_text (CF_RECORD (review->carer),
                                                             "communication_needs"));
  cf_language_scope_begin (&scope, code);

  if (review->plan != NULL)
    {
      g_autofree char *next = NULL;

      if (review->has_next_review)
        {
          g_autofree char *iso = cf_date_write_iso (&review->next_review);

          next = cf_date_to_user (iso);
        }
      g_ptr_array_add (documents, cf_plan_document_build (review->carer, review->plan,
                                                          review->needs, review->actions,
                                                          next, organisation, format, code));
    }
  else
    {
      CfDocument *document = cf_document_new (_("Your Support Plan"));

      cf_document_add_paragraph (document, _("You do not have a support plan yet."));
      cf_document_add_paragraph (document,
                                 _("Your worker will write it with you after your assessment."));
      g_ptr_array_add (documents, document);
    }

  if (review->emergency_plan != NULL)
    {
      g_autoptr(GPtrArray) cared_for = dup_cared_for (review->carer);

      g_ptr_array_add (documents,
                       cf_emergency_plan_document_build (review->carer, review->emergency_plan,
                                                         review->contacts, cared_for,
                                                         organisation, format, code));
    }
  else
    {
      CfDocument *document = cf_document_new (_("Your Emergency Plan"));

      cf_document_add_paragraph (document, _("You do not have an emergency plan yet."));
      cf_document_add_paragraph (document,
                                 _("It says who would look after the person you care for if "
                                   "you could not. Ask your worker to make one with you."));
      g_ptr_array_add (documents, document);
    }

  g_ptr_array_add (documents, build_payments (review));
  g_ptr_array_add (documents, build_next_review (review));

  for (guint i = 0; i < documents->len; i++)
    cf_document_set_language (g_ptr_array_index (documents, i), code);

  cf_language_scope_end (&scope);

  return documents;
}

/**
 * cf_carer_review_respond:
 * @kind: one of %CF_CARER_RESPONSE_AGREE, %CF_CARER_RESPONSE_COMMENT,
 *   %CF_CARER_RESPONSE_CHANGE or %CF_CARER_RESPONSE_EARLY_REVIEW
 * @text: (nullable): what the carer said, in their words; needed for a comment and for a
 *   change
 * @language: (nullable): the language the carer was reading in
 *
 * Records what the carer said, as theirs, with the worker whose laptop it was as the one who
 * recorded it, and a line in their history. Agreeing with a draft plan marks the plan as agreed
 * by the carer (s.25(5)); the worker still agrees the plan itself once it is complete. Asking
 * for an early review records the request (s.27(3)), due within %CF_EARLY_REVIEW_DAYS days.
 *
 * Returns: (transfer full) (nullable): the response, saved, or %NULL with @error set
 */
CfCarerResponse *
cf_carer_review_respond (CfStore        *store,
                         CfCarerReview  *review,
                         const char     *kind,
                         const char     *text,
                         const char     *language,
                         GError        **error)
{
  g_autoptr(CfCarerResponse) response = NULL;
  g_autoptr(CfCarerEvent) event = NULL;
  g_autoptr(CfReview) asked = NULL;
  g_autofree char *words = NULL;
  g_autofree char *name = NULL;
  g_autofree char *now = NULL;
  g_autofree char *summary = NULL;
  const char *carer_id;
  CfRecord *record;
  gboolean agree_draft = FALSE;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (review != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  if (cf_choices_find (cf_carer_response_kinds, kind) < 0)
    {
      g_set_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                   "“%s” is not something a carer can say about their plan", kind);
      return NULL;
    }

  words = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*words == '\0' && (g_str_equal (kind, CF_CARER_RESPONSE_COMMENT) ||
                         g_str_equal (kind, CF_CARER_RESPONSE_CHANGE)))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Write what you want to say first."));
      return NULL;
    }
  if (review->plan == NULL && (g_str_equal (kind, CF_CARER_RESPONSE_AGREE) ||
                               g_str_equal (kind, CF_CARER_RESPONSE_EARLY_REVIEW)))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("There is no support plan yet. Your worker will write it with "
                             "you."));
      return NULL;
    }

  carer_id = cf_record_get_id (CF_RECORD (review->carer));
  name = cf_carer_dup_display_name (review->carer);
  now = cf_clock_now_iso8601 (cf_store_get_clock (store));

  response = cf_carer_response_new (carer_id);
  record = CF_RECORD (response);
  cf_record_set_text (record, "plan_id",
                      review->plan != NULL ? cf_record_get_id (CF_RECORD (review->plan)) : "");
  cf_record_set_text (record, "kind", kind);
  cf_record_set_text (record, "text", words);
  cf_record_set_text (record, "given_at", now);
  cf_record_set_text (record, "given_by", name);
  cf_record_set_text (record, "recorded_by", cf_store_get_user_name (store));
  cf_record_set_text (record, "language", language != NULL ? language : "");

  if (g_str_equal (kind, CF_CARER_RESPONSE_EARLY_REVIEW))
    {
      asked = cf_reviews_request_early_by (store, review->carer, CF_REVIEW_SUBJECT_PLAN,
                                           cf_record_get_id (CF_RECORD (review->plan)), "request",
                                           words, NULL, name, error);
      if (asked == NULL)
        return NULL;
      cf_record_set_text (record, "review_id", cf_record_get_id (CF_RECORD (asked)));
    }

  if (g_str_equal (kind, CF_CARER_RESPONSE_AGREE) && cf_plan_is_editable (review->plan))
    {
      CfRecord *plan = CF_RECORD (review->plan);

      agree_draft = TRUE;
      cf_record_set_bool (plan, "carer_agrees", TRUE);
      if (*words != '\0')
        {
          const char *before = cf_record_get_text (plan, "carer_comments");
          g_autofree char *comments = *before != '\0' ? g_strdup_printf ("%s\n%s", before, words)
                                                      : g_strdup (words);

          cf_record_set_text (plan, "carer_comments", comments);
        }
    }

  summary = cf_carer_response_dup_summary (response);
  event = cf_operation_new_event (store, carer_id, CF_EVENT_CARER_RESPONDED, summary,
                                  cf_record_get_id (record));

  {
    CfRecord *records[] = { record, CF_RECORD (event), CF_RECORD (review->plan) };

    if (!cf_store_save (store, records, agree_draft ? 3 : 2, error))
      return NULL;
  }

  return g_steal_pointer (&response);
}

/**
 * cf_carer_review_list_responses:
 *
 * Returns: (transfer full) (element-type CfCarerResponse) (nullable): what the carer has
 *   said about their plans, oldest first
 */
GPtrArray *
cf_carer_review_list_responses (CfStore     *store,
                                const char  *carer_id,
                                GError     **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (carer_id != NULL, NULL);

  return cf_store_load_records (store, CF_TYPE_CARER_RESPONSE,
                                "carer_id = ? AND deleted = 0 ORDER BY given_at, rowid",
                                carer_id, NULL, error);
}

/**
 * cf_carer_response_dup_summary:
 *
 * Returns: (transfer full): what was said in one line, such as “A comment: I would like the
 *   sitting service on Tuesdays”
 */
char *
cf_carer_response_dup_summary (CfCarerResponse *response)
{
  CfRecord *record;
  const char *label;
  const char *text;

  g_return_val_if_fail (CF_IS_CARER_RESPONSE (response), NULL);

  record = CF_RECORD (response);
  label = cf_choices_label (cf_carer_response_kinds, cf_record_get_text (record, "kind"));
  text = cf_record_get_text (record, "text");
  if (*text == '\0')
    return g_strdup (label);

  /* Translators: %1$s is what kind of response, such as “A comment”; %2$s is what the carer
   * wrote, in their own words */
  return g_strdup_printf (_("%1$s: %2$s"), label, text);
}
