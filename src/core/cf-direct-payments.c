/* cf-direct-payments.c: setting up, agreeing, monitoring and ending a carer's direct payment
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Care Act 2014 s.31-33 and the Care and Support (Direct Payments) Regulations 2014; DOMAIN.md,
 * "Direct payments". Each step saves the payment and a history entry for the carer in one
 * transaction, so the outbox and the audit trail always agree with what a person sees.
 *
 * The conditions are yes/no questions that start unanswered. "Decided" means the decision is
 * recorded (who and when): until then an unticked consent or "appropriate" is a question not
 * yet answered, so it is missing at agree time rather than a reason to refuse.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-carer-event.h"
#include "cf-choices.h"
#include "cf-dates.h"
#include "cf-direct-payments.h"
#include "cf-operation-private.h"
#include "cf-money.h"
#include "cf-plans.h"
#include "cf-store-private.h"

/* Fields that may still change once a payment has ended or could not be set up: the record of
 * why and when. Everything else is the history of what was agreed. */
static const char *const after_end_fields[] = { "end_reason", "ended_on", NULL };

static const char *const payment_date_fields[] = {
  "decided_on", "requested_on", "agreed_on", "agreement_signed_on", "first_payment_on",
  "ended_on", NULL
};

static const char *const assistant_date_fields[] = {
  "vacant_since", "right_to_work_checked_on", "contract_signed_on", "dbs_checked_on",
  "insurance_expires_on", NULL
};

void
cf_direct_payment_issue_free (CfDirectPaymentIssue *issue)
{
  if (issue == NULL)
    return;

  g_free (issue->field);
  g_free (issue->message);
  g_free (issue);
}

static const char *
text (CfDirectPayment *payment,
      const char      *field)
{
  return cf_record_get_text (CF_RECORD (payment), field);
}

static gboolean
is_date_or_blank (const char *value)
{
  GDate date;

  return cf_operation_is_blank (value) || cf_date_read_iso (value, &date);
}

static void
add_issue (GPtrArray                *issues,
           CfDirectPaymentIssueKind  kind,
           const char               *field,
           const char               *message)
{
  CfDirectPaymentIssue *issue = g_new0 (CfDirectPaymentIssue, 1);

  issue->kind = kind;
  issue->field = g_strdup (field);
  issue->message = g_strdup (message);
  g_ptr_array_add (issues, issue);
}

static gboolean
conditions_decided (CfDirectPayment *payment)
{
  return !cf_operation_is_blank (text (payment, "decided_by")) && !cf_operation_is_blank (text (payment, "decided_on"));
}

/**
 * cf_direct_payment_check:
 *
 * What stands in the way of the payment, what needs a recorded reason, and what is worth
 * knowing, each with the field to show it beside. Blocking issues come first.
 *
 * Returns: (transfer full) (element-type CfDirectPaymentIssue): the issues, possibly none
 */
GPtrArray *
cf_direct_payment_check (CfDirectPayment *payment)
{
  GPtrArray *issues;
  CfRecord *record;

  g_return_val_if_fail (CF_IS_DIRECT_PAYMENT (payment), NULL);

  record = CF_RECORD (payment);
  issues = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_direct_payment_issue_free);

  /* Direct Payments Regulations 2014 (and s.32 of the Act): someone who lacks capacity to
   * request a direct payment can have one only through an authorised person. Without one the
   * council can only arrange a managed service. */
  if (g_strcmp0 (text (payment, "capacity"), "no") == 0 &&
      cf_operation_is_blank (text (payment, "authorised_person")))
    add_issue (issues, CF_DP_ISSUE_BLOCKS, "capacity",
               _("A direct payment cannot be set up: the carer lacks capacity to request one "
                 "and no authorised person acts for them, so only a managed service can be "
                 "offered."));

  /* s.31(4)/s.32(4): the person (or the authorised person) must be able to manage it, alone
   * or with whatever help is available. */
  if (g_strcmp0 (text (payment, "able_to_manage"), "no") == 0)
    add_issue (issues, CF_DP_ISSUE_BLOCKS, "able_to_manage",
               _("A direct payment cannot be set up: it was decided that it cannot be managed, "
                 "even with help. The needs can be met by a managed service instead."));

  if (conditions_decided (payment))
    {
      /* s.31(2)(b) and s.32(2)(b): a payment is made only with consent. */
      if (!cf_record_get_bool (record, "consent"))
        add_issue (issues, CF_DP_ISSUE_BLOCKS, "consent",
                   _("A direct payment cannot be set up without consent to it."));

      /* s.31(7)/s.32(7): making the payment must be an appropriate way to meet the needs. */
      if (!cf_record_get_bool (record, "appropriate"))
        add_issue (issues, CF_DP_ISSUE_BLOCKS, "appropriate",
                   _("A direct payment cannot be set up: it was decided that it is not an "
                     "appropriate way to meet the carer’s needs."));
    }

  /* Direct Payments Regulations 2014 reg 3: paying a spouse, partner or close relative who
   * lives in the same household is allowed only when the council decides it is necessary. */
  if (cf_record_get_bool (record, "pays_close_relative") &&
      cf_operation_is_blank (text (payment, "close_relative_reason")))
    add_issue (issues, CF_DP_ISSUE_NEEDS_REASON, "close_relative_reason",
               _("Paying a close relative who lives in the same household is allowed only when "
                 "it is necessary. Record why it is."));

  /* DOMAIN.md, "Not allowed": an item on the list needs a recorded reason to be agreed. */
  if (!cf_operation_is_blank (text (payment, "not_allowed")) &&
      cf_operation_is_blank (text (payment, "not_allowed_reason")))
    add_issue (issues, CF_DP_ISSUE_NEEDS_REASON, "not_allowed_reason",
               _("A direct payment is not usually spent on this. Record why it is agreed."));

  /* DOMAIN.md, "Method": a prepaid card is the default; a bank account needs a reason. */
  if (g_strcmp0 (text (payment, "method"), "bank-account") == 0 &&
      cf_operation_is_blank (text (payment, "method_reason")))
    add_issue (issues, CF_DP_ISSUE_NEEDS_REASON, "method_reason",
               _("A prepaid card is the usual way to pay. Record why a bank account is used."));

  /* DOMAIN.md: short-term payments bridge the wait for a long-term one; link them. */
  if (g_strcmp0 (text (payment, "term"), "short-term") == 0 &&
      cf_operation_is_blank (text (payment, "bridges_id")))
    add_issue (issues, CF_DP_ISSUE_WARNING, "bridges_id",
               _("This short-term payment is not linked to the long-term one it bridges."));

  return issues;
}

/**
 * cf_direct_payment_can_set_up:
 * @reason: (out) (optional) (transfer full): why not, in words, when it cannot
 *
 * Returns: %FALSE when a condition rules the payment out (a %CF_DP_ISSUE_BLOCKS issue)
 */
gboolean
cf_direct_payment_can_set_up (CfDirectPayment  *payment,
                              char            **reason)
{
  g_autoptr(GPtrArray) issues = NULL;

  g_return_val_if_fail (CF_IS_DIRECT_PAYMENT (payment), FALSE);

  if (reason != NULL)
    *reason = NULL;

  issues = cf_direct_payment_check (payment);
  for (guint i = 0; i < issues->len; i++)
    {
      CfDirectPaymentIssue *issue = g_ptr_array_index (issues, i);

      if (issue->kind == CF_DP_ISSUE_BLOCKS)
        {
          if (reason != NULL)
            *reason = g_strdup (issue->message);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * cf_direct_payment_dup_missing:
 *
 * What must be recorded before the payment can be agreed, in words, such as “who made the
 * decision”. Consent and appropriateness are missing only until the decision is recorded:
 * after that, unticked means no.
 *
 * Returns: (transfer full) (element-type utf8): the missing items, possibly none
 */
GPtrArray *
cf_direct_payment_dup_missing (CfDirectPayment *payment)
{
  GPtrArray *missing;
  CfRecord *record;
  CfPaymentFrequency frequency;
  gboolean decided;

  g_return_val_if_fail (CF_IS_DIRECT_PAYMENT (payment), NULL);

  record = CF_RECORD (payment);
  missing = g_ptr_array_new_with_free_func (g_free);
  decided = conditions_decided (payment);

  if (cf_choices_find (cf_capacity_answers, text (payment, "capacity")) < 0)
    g_ptr_array_add (missing, g_strdup (_("whether the carer has capacity to request it")));
  if (!decided && !cf_record_get_bool (record, "consent"))
    g_ptr_array_add (missing, g_strdup (_("consent")));
  if (cf_choices_find (cf_manage_answers, text (payment, "able_to_manage")) < 0)
    g_ptr_array_add (missing, g_strdup (_("whether it can be managed")));
  if (!decided && !cf_record_get_bool (record, "appropriate"))
    g_ptr_array_add (missing, g_strdup (_("whether it is appropriate")));
  if (cf_operation_is_blank (text (payment, "decided_by")))
    g_ptr_array_add (missing, g_strdup (_("who made the decision")));
  if (cf_operation_is_blank (text (payment, "decided_on")))
    g_ptr_array_add (missing, g_strdup (_("the date of the decision")));
  if (cf_record_get_int (record, "amount_pence") <= 0)
    g_ptr_array_add (missing, g_strdup (_("the amount")));
  if (!cf_payment_frequency_from_string (text (payment, "frequency"), &frequency))
    g_ptr_array_add (missing, g_strdup (_("how often it is paid")));

  return missing;
}

/**
 * cf_direct_payment_is_locked:
 *
 * Returns: whether the payment has ended or could not be set up, so what was agreed can no
 *   longer change (only the end date and reason can)
 */
gboolean
cf_direct_payment_is_locked (CfDirectPayment *payment)
{
  const char *status;

  g_return_val_if_fail (CF_IS_DIRECT_PAYMENT (payment), FALSE);

  status = text (payment, "status");
  return g_str_equal (status, CF_DIRECT_PAYMENT_ENDED) ||
         g_str_equal (status, CF_DIRECT_PAYMENT_REFUSED);
}

/**
 * cf_direct_payment_describe_amount:
 *
 * The amount and how often, in words, such as “£150.00 every four weeks”.
 *
 * Returns: (transfer full): the words; “Amount not recorded” and the like when unknown
 */
char *
cf_direct_payment_describe_amount (CfDirectPayment *payment)
{
  g_autofree char *amount = NULL;
  CfPaymentFrequency frequency;
  gint64 pence;

  g_return_val_if_fail (CF_IS_DIRECT_PAYMENT (payment), NULL);

  pence = cf_record_get_int (CF_RECORD (payment), "amount_pence");
  if (pence <= 0)
    return g_strdup (_("Amount not recorded"));

  amount = cf_money_format (pence);
  if (!cf_payment_frequency_from_string (text (payment, "frequency"), &frequency))
    /* Translators: %s is an amount, such as “£150.00” */
    return g_strdup_printf (_("%s, how often not recorded"), amount);

  switch (frequency)
    {
    case CF_PAYMENT_ONE_OFF:
      /* Translators: %s is an amount, such as “£150.00” */
      return g_strdup_printf (_("%s as a one-off payment"), amount);
    case CF_PAYMENT_WEEKLY:
      /* Translators: %s is an amount, such as “£150.00” */
      return g_strdup_printf (_("%s every week"), amount);
    case CF_PAYMENT_FOUR_WEEKLY:
      /* Translators: %s is an amount, such as “£150.00” */
      return g_strdup_printf (_("%s every four weeks"), amount);
    case CF_PAYMENT_MONTHLY:
      /* Translators: %s is an amount, such as “£150.00” */
      return g_strdup_printf (_("%s every month"), amount);
    case CF_PAYMENT_YEARLY:
      /* Translators: %s is an amount, such as “£150.00” */
      return g_strdup_printf (_("%s every year"), amount);
    default:
      g_assert_not_reached ();
    }
}

static CfCarerEvent *
new_event (CfStore         *store,
           CfDirectPayment *payment,
           const char      *kind,
           const char      *notes)
{
  return cf_operation_new_event (store, text (payment, "carer_id"), kind, notes,
                                 cf_record_get_id (CF_RECORD (payment)));
}

static gboolean
save_with_event (CfStore          *store,
                 CfDirectPayment  *payment,
                 CfCarerEvent     *event,
                 GError          **error)
{
  CfRecord *records[] = { CF_RECORD (payment), CF_RECORD (event) };

  return cf_store_save (store, records, G_N_ELEMENTS (records), error);
}

/* Lists ---------------------------------------------------------------------------------- */

/**
 * cf_direct_payments_list:
 *
 * The carer's direct payments, the most recently requested first. Not audited: a list shows
 * no more than a caseload does; cf_direct_payments_load() is.
 *
 * Returns: (transfer full) (element-type CfDirectPayment):
 */
GPtrArray *
cf_direct_payments_list (CfStore     *store,
                         const char  *carer_id,
                         GError     **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (carer_id != NULL, NULL);

  return cf_store_load_records (store, CF_TYPE_DIRECT_PAYMENT,
                                "carer_id = ? AND deleted = 0 "
                                "ORDER BY requested_on DESC, rowid DESC",
                                carer_id, NULL, error);
}

/**
 * cf_direct_payments_load:
 *
 * Loads one direct payment; the view is audited.
 *
 * Returns: (transfer full): the payment
 */
CfDirectPayment *
cf_direct_payments_load (CfStore     *store,
                         const char  *id,
                         GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  found = cf_store_load_records (store, CF_TYPE_DIRECT_PAYMENT, "id = ? AND deleted = 0", id,
                                 NULL, error);
  if (found == NULL)
    return NULL;

  if (found->len == 0)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_FOUND,
                   _("No direct payment has the id “%s”."), id);
      return NULL;
    }

  if (!cf_store_audit (store, CF_AUDIT_VIEW, "direct_payment", id, NULL, error))
    return NULL;

  return g_object_ref (g_ptr_array_index (found, 0));
}

/* Setting up and agreeing ------------------------------------------------------------------ */

/**
 * cf_direct_payments_start:
 * @plan: (nullable): the support plan whose needs it meets, if there is one yet
 * @term: "long-term" or "short-term"
 * @requested_on: (nullable): the date of the request as ISO 8601; today if %NULL
 *
 * Records a request for a direct payment: it is being set up, paid by prepaid card unless
 * decided otherwise (DOMAIN.md, "Method"), and noted in the carer's history.
 *
 * Returns: (transfer full): the new payment, saved
 */
CfDirectPayment *
cf_direct_payments_start (CfStore     *store,
                          CfCarer     *carer,
                          CfPlan      *plan,
                          const char  *term,
                          const char  *requested_on,
                          GError     **error)
{
  g_autoptr(CfDirectPayment) payment = NULL;
  g_autoptr(CfCarerEvent) event = NULL;
  g_autofree char *today = NULL;
  CfRecord *record;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (CF_IS_CARER (carer), NULL);
  g_return_val_if_fail (plan == NULL || CF_IS_PLAN (plan), NULL);

  if (cf_choices_find (cf_direct_payment_terms, term) < 0)
    {
      g_set_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                   _("“%s” is not a kind of direct payment: choose long term or short term."),
                   term != NULL ? term : "");
      return NULL;
    }

  if (requested_on == NULL)
    requested_on = today = cf_operation_today (store);
  else if (!is_date_or_blank (requested_on) || cf_operation_is_blank (requested_on))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Give the date of the request as day/month/year."));
      return NULL;
    }

  if (g_strcmp0 (cf_record_get_text (CF_RECORD (carer), "status"), "closed") == 0)
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED,
                           _("This carer is closed. Reopen them before setting up a direct "
                             "payment."));
      return NULL;
    }

  payment = cf_direct_payment_new (cf_record_get_id (CF_RECORD (carer)));
  record = CF_RECORD (payment);
  cf_record_set_text (record, "status", CF_DIRECT_PAYMENT_SETTING_UP);
  cf_record_set_text (record, "term", term);
  cf_record_set_text (record, "method", "prepaid-card");
  cf_record_set_text (record, "requested_on", requested_on);
  if (plan != NULL)
    cf_record_set_text (record, "plan_id", cf_record_get_id (CF_RECORD (plan)));

  event = new_event (store, payment, CF_EVENT_DIRECT_PAYMENT_REQUESTED,
                     cf_choices_label (cf_direct_payment_terms, term));

  if (!save_with_event (store, payment, event, error))
    return NULL;

  return g_steal_pointer (&payment);
}

/* The field's value, when it is set and is not one of @choices. */
static const char *
bad_choice (const CfChoice *choices,
            CfRecord       *record,
            const char     *field)
{
  const char *value = cf_record_get_text (record, field);

  return *value == '\0' || cf_choices_find (choices, value) >= 0 ? NULL : value;
}

static gboolean
validate_payment (CfDirectPayment  *payment,
                  GError          **error)
{
  CfRecord *record = CF_RECORD (payment);
  CfPaymentFrequency frequency;
  const char *value;

  if ((value = bad_choice (cf_direct_payment_statuses, record, "status")) != NULL)
    {
      /* Translators: %s is a value that is not one of the choices */
      g_set_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                   _("“%s” is not a state a direct payment can be in."), value);
      return FALSE;
    }
  if ((value = bad_choice (cf_direct_payment_terms, record, "term")) != NULL)
    {
      /* Translators: %s is a value that is not one of the choices */
      g_set_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                   _("“%s” is not a kind of direct payment: choose long term or short term."),
                   value);
      return FALSE;
    }
  if ((value = bad_choice (cf_direct_payment_methods, record, "method")) != NULL)
    {
      /* Translators: %s is a value that is not one of the choices */
      g_set_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                   _("“%s” is not a way of paying a direct payment."), value);
      return FALSE;
    }
  if ((value = bad_choice (cf_capacity_answers, record, "capacity")) != NULL)
    {
      /* Translators: %s is a value that is not one of the choices */
      g_set_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                   _("“%s” is not an answer about capacity."), value);
      return FALSE;
    }
  if ((value = bad_choice (cf_manage_answers, record, "able_to_manage")) != NULL)
    {
      /* Translators: %s is a value that is not one of the choices */
      g_set_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                   _("“%s” is not an answer about managing the payment."), value);
      return FALSE;
    }
  if ((value = bad_choice (cf_direct_payment_not_allowed, record, "not_allowed")) != NULL)
    {
      /* Translators: %s is a value that is not one of the choices */
      g_set_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                   _("“%s” is not on the list of things a direct payment is not usually "
                     "spent on."), value);
      return FALSE;
    }

  value = cf_record_get_text (record, "frequency");
  if (*value != '\0' && !cf_payment_frequency_from_string (value, &frequency))
    {
      /* Translators: %s is a value that is not one of the choices */
      g_set_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                   _("“%s” is not a way of saying how often a payment is made."), value);
      return FALSE;
    }

  if (cf_record_get_int (record, "amount_pence") < 0 ||
      cf_record_get_int (record, "amount_pence") > CF_MONEY_MAX)
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("The amount must be between £0.00 and £10,000,000.00."));
      return FALSE;
    }

  for (guint i = 0; payment_date_fields[i] != NULL; i++)
    {
      if (!is_date_or_blank (cf_record_get_text (record, payment_date_fields[i])))
        {
          g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                               _("A date of the direct payment is not a real date. Type dates "
                                 "as day/month/year, for example 18/11/2026."));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * cf_direct_payments_save:
 *
 * Saves the payment's changed fields. Values from the fixed lists are checked; a payment that
 * has ended or could not be set up keeps what was decided (%CF_PLAN_ERROR_LOCKED), and its
 * status changes only through agreeing or ending it. On failure nothing is written and the
 * record keeps the edits, so the person can correct them.
 */
gboolean
cf_direct_payments_save (CfStore          *store,
                         CfDirectPayment  *payment,
                         GError          **error)
{
  g_autoptr(GPtrArray) changed = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_DIRECT_PAYMENT (payment), FALSE);

  if (!cf_record_is_dirty (CF_RECORD (payment)))
    return TRUE;

  changed = cf_record_dup_changed_fields (CF_RECORD (payment));
  if (!cf_record_is_new (CF_RECORD (payment)))
    {
      for (guint i = 0; i < changed->len; i++)
        {
          const char *field = g_ptr_array_index (changed, i);

          if (g_str_equal (field, "status"))
            {
              g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                                   _("A direct payment’s state changes only when it is agreed "
                                     "or ended."));
              return FALSE;
            }

          if (cf_direct_payment_is_locked (payment) &&
              !g_strv_contains (after_end_fields, field))
            {
              g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_LOCKED,
                                   g_str_equal (text (payment, "status"),
                                                CF_DIRECT_PAYMENT_ENDED)
                                   ? _("This direct payment has ended: what was agreed can no "
                                       "longer change. Set up a new one instead.")
                                   : _("This direct payment could not be set up: what was "
                                       "decided can no longer change. Set up a new one "
                                       "instead."));
              return FALSE;
            }
        }
    }

  if (!validate_payment (payment, error))
    return FALSE;

  {
    CfRecord *records[] = { CF_RECORD (payment) };

    return cf_store_save (store, records, 1, error);
  }
}

/**
 * cf_direct_payments_agree:
 * @agreed_on: (nullable): the date as ISO 8601; today if %NULL
 *
 * Agrees the payment once the conditions are recorded. A condition that rules it out
 * (no capacity and no authorised person, no consent, cannot be managed, not appropriate) is a
 * decision too: the payment is saved as one that cannot be set up, with the reason in
 * end_reason so it is shown, and %CF_PLAN_ERROR_NOT_ALLOWED is returned with the same words.
 * Missing answers and missing reasons give %CF_PLAN_ERROR_INCOMPLETE and change nothing.
 */
gboolean
cf_direct_payments_agree (CfStore          *store,
                          CfDirectPayment  *payment,
                          const char       *agreed_on,
                          GError          **error)
{
  CfRecord *record;
  g_autoptr(GPtrArray) issues = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(CfCarerEvent) event = NULL;
  g_autofree char *today = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *previous_agreed_on = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_DIRECT_PAYMENT (payment), FALSE);

  record = CF_RECORD (payment);

  if (cf_direct_payment_is_locked (payment))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_LOCKED,
                           _("This direct payment has ended or could not be set up. Set up a "
                             "new one instead."));
      return FALSE;
    }

  if (g_str_equal (text (payment, "status"), CF_DIRECT_PAYMENT_ACTIVE))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("This direct payment is already agreed."));
      return FALSE;
    }

  if (agreed_on == NULL)
    agreed_on = today = cf_operation_today (store);
  else if (cf_operation_is_blank (agreed_on) || !is_date_or_blank (agreed_on))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Give the date it was agreed as day/month/year."));
      return FALSE;
    }

  /* A condition that rules the payment out is decided whatever else is still missing. */
  if (!cf_direct_payment_can_set_up (payment, &reason))
    {
      cf_record_set_text (record, "status", CF_DIRECT_PAYMENT_REFUSED);
      cf_record_set_text (record, "end_reason", reason);
      event = new_event (store, payment, CF_EVENT_DIRECT_PAYMENT_REFUSED, reason);

      if (!validate_payment (payment, error) || !save_with_event (store, payment, event, error))
        {
          cf_record_set_text (record, "status", CF_DIRECT_PAYMENT_SETTING_UP);
          cf_record_set_text (record, "end_reason", "");
          return FALSE;
        }

      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED, reason);
      return FALSE;
    }

  missing = cf_direct_payment_dup_missing (payment);
  if (missing->len > 0)
    {
      g_autofree char *list = cf_operation_join_missing (missing);

      g_set_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INCOMPLETE,
                   /* Translators: %s is a list of what is still needed */
                   _("The direct payment can’t be agreed yet. Still needed: %s."), list);
      return FALSE;
    }

  issues = cf_direct_payment_check (payment);
  for (guint i = 0; i < issues->len; i++)
    {
      CfDirectPaymentIssue *issue = g_ptr_array_index (issues, i);

      if (issue->kind == CF_DP_ISSUE_NEEDS_REASON)
        {
          g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INCOMPLETE, issue->message);
          return FALSE;
        }
    }

  if (!validate_payment (payment, error))
    return FALSE;

  previous_agreed_on = g_strdup (text (payment, "agreed_on"));
  cf_record_set_text (record, "status", CF_DIRECT_PAYMENT_ACTIVE);
  cf_record_set_text (record, "agreed_on", agreed_on);

  notes = cf_direct_payment_describe_amount (payment);
  event = new_event (store, payment, CF_EVENT_DIRECT_PAYMENT_AGREED, notes);

  if (!save_with_event (store, payment, event, error))
    {
      cf_record_set_text (record, "status", CF_DIRECT_PAYMENT_SETTING_UP);
      cf_record_set_text (record, "agreed_on", previous_agreed_on);
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_direct_payments_end:
 * @ended_on: (nullable): the date as ISO 8601; today if %NULL
 * @reason: why it ended; required
 *
 * Ends a payment that is paying or still being set up, and notes it in the carer's history.
 */
gboolean
cf_direct_payments_end (CfStore          *store,
                        CfDirectPayment  *payment,
                        const char       *ended_on,
                        const char       *reason,
                        GError          **error)
{
  CfRecord *record;
  g_autoptr(CfCarerEvent) event = NULL;
  g_autofree char *today = NULL;
  g_autofree char *previous_status = NULL;
  g_autofree char *previous_ended_on = NULL;
  g_autofree char *previous_reason = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_DIRECT_PAYMENT (payment), FALSE);

  record = CF_RECORD (payment);

  if (cf_direct_payment_is_locked (payment))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_LOCKED,
                           _("This direct payment has already ended or could not be set up."));
      return FALSE;
    }

  if (cf_operation_is_blank (reason))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Say why the direct payment ends."));
      return FALSE;
    }

  if (ended_on == NULL)
    ended_on = today = cf_operation_today (store);
  else if (cf_operation_is_blank (ended_on) || !is_date_or_blank (ended_on))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Give the date it ends as day/month/year."));
      return FALSE;
    }

  if (!validate_payment (payment, error))
    return FALSE;

  previous_status = g_strdup (text (payment, "status"));
  previous_ended_on = g_strdup (text (payment, "ended_on"));
  previous_reason = g_strdup (text (payment, "end_reason"));
  cf_record_set_text (record, "status", CF_DIRECT_PAYMENT_ENDED);
  cf_record_set_text (record, "ended_on", ended_on);
  cf_record_set_text (record, "end_reason", reason);
  event = new_event (store, payment, CF_EVENT_DIRECT_PAYMENT_ENDED, reason);

  if (!save_with_event (store, payment, event, error))
    {
      cf_record_set_text (record, "status", previous_status);
      cf_record_set_text (record, "ended_on", previous_ended_on);
      cf_record_set_text (record, "end_reason", previous_reason);
      return FALSE;
    }

  return TRUE;
}

/* Balance returns -------------------------------------------------------------------------- */

/**
 * cf_direct_payments_list_returns:
 *
 * Returns: (transfer full) (element-type CfBalanceReturn): the payment's balance returns,
 *   newest first
 */
GPtrArray *
cf_direct_payments_list_returns (CfStore     *store,
                                 const char  *payment_id,
                                 GError     **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (payment_id != NULL, NULL);

  return cf_store_load_records (store, CF_TYPE_BALANCE_RETURN,
                                "direct_payment_id = ? AND deleted = 0 "
                                "ORDER BY returned_on DESC, rowid DESC",
                                payment_id, NULL, error);
}

/**
 * cf_direct_payments_add_return:
 * @returned_on: (nullable): the date of the balance as ISO 8601; today if %NULL
 * @balance_pence: the balance held, in pence
 * @one_off_spent_pence: for a one-off payment, how much of it has been spent on the agreed
 *   purchase; more than zero means the purchase has been made, so (cf_direct_payment_surplus())
 *   any balance left is recoverable. Ignored for regular payments.
 *
 * Records a balance return and works out the surplus over eight weeks' worth of payments
 * (DOMAIN.md, "Monitoring"), which is stored with it so a list can flag it.
 *
 * Returns: (transfer full): the balance return, saved
 */
CfBalanceReturn *
cf_direct_payments_add_return (CfStore          *store,
                               CfDirectPayment  *payment,
                               const char       *returned_on,
                               gint64            balance_pence,
                               gint64            one_off_spent_pence,
                               GError          **error)
{
  g_autoptr(CfBalanceReturn) balance_return = NULL;
  g_autofree char *today = NULL;
  CfPaymentFrequency frequency;
  gint64 amount;
  CfRecord *record;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (CF_IS_DIRECT_PAYMENT (payment), NULL);

  amount = cf_record_get_int (CF_RECORD (payment), "amount_pence");
  if (amount <= 0 || !cf_payment_frequency_from_string (text (payment, "frequency"), &frequency))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INCOMPLETE,
                           _("Record the amount of the direct payment and how often it is paid "
                             "before adding a balance return."));
      return NULL;
    }

  if (balance_pence < 0 || balance_pence > CF_MONEY_MAX ||
      one_off_spent_pence < 0 || one_off_spent_pence > CF_MONEY_MAX)
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Amounts on a balance return are between £0.00 and "
                             "£10,000,000.00."));
      return NULL;
    }

  if (returned_on == NULL)
    returned_on = today = cf_operation_today (store);
  else if (cf_operation_is_blank (returned_on) || !is_date_or_blank (returned_on))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Give the date of the balance as day/month/year."));
      return NULL;
    }

  balance_return = cf_balance_return_new (cf_record_get_id (CF_RECORD (payment)));
  record = CF_RECORD (balance_return);
  cf_record_set_text (record, "returned_on", returned_on);
  cf_record_set_int (record, "balance_pence", balance_pence);
  cf_record_set_int (record, "one_off_spent_pence", one_off_spent_pence);
  cf_record_set_int (record, "surplus_pence",
                     cf_direct_payment_surplus (balance_pence, amount, frequency,
                                                one_off_spent_pence > 0));

  if (!cf_store_save (store, &record, 1, error))
    return NULL;

  return g_steal_pointer (&balance_return);
}

/**
 * cf_direct_payments_record_recovery:
 * @recovered_pence: the total recovered from this return's surplus so far
 * @recovered_on: (nullable): the date as ISO 8601; today if %NULL
 *
 * Records how much of a surplus has been recovered: never more than the surplus, never below
 * nothing. A later call replaces the total, so a mistake can be put right.
 */
gboolean
cf_direct_payments_record_recovery (CfStore          *store,
                                    CfBalanceReturn  *balance_return,
                                    gint64            recovered_pence,
                                    const char       *recovered_on,
                                    GError          **error)
{
  CfRecord *record;
  g_autofree char *today = NULL;
  gint64 surplus;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_BALANCE_RETURN (balance_return), FALSE);

  record = CF_RECORD (balance_return);
  surplus = cf_record_get_int (record, "surplus_pence");

  if (recovered_pence < 0)
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("The amount recovered cannot be less than £0.00."));
      return FALSE;
    }

  if (recovered_pence > surplus)
    {
      g_autofree char *shown_recovered = cf_money_format (recovered_pence);
      g_autofree char *shown_surplus = cf_money_format (surplus);

      /* Translators: %1$s is the amount typed and %2$s the surplus, such as “£120.00” */
      g_set_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                   _("%1$s is more than the surplus of %2$s: only a surplus is recovered."),
                   shown_recovered, shown_surplus);
      return FALSE;
    }

  if (recovered_on == NULL)
    recovered_on = today = cf_operation_today (store);
  else if (cf_operation_is_blank (recovered_on) || !is_date_or_blank (recovered_on))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Give the date of the recovery as day/month/year."));
      return FALSE;
    }

  {
    gint64 previous = cf_record_get_int (record, "recovered_pence");
    g_autofree char *previous_on = g_strdup (cf_record_get_text (record, "recovered_on"));

    cf_record_set_int (record, "recovered_pence", recovered_pence);
    cf_record_set_text (record, "recovered_on", recovered_on);
    if (!cf_store_save (store, &record, 1, error))
      {
        cf_record_set_int (record, "recovered_pence", previous);
        cf_record_set_text (record, "recovered_on", previous_on);
        return FALSE;
      }
  }

  return TRUE;
}

/* Personal assistants ---------------------------------------------------------------------- */

/**
 * cf_direct_payments_list_assistants:
 *
 * Returns: (transfer full) (element-type CfPersonalAssistant): the payment's personal
 *   assistants, by name
 */
GPtrArray *
cf_direct_payments_list_assistants (CfStore     *store,
                                    const char  *payment_id,
                                    GError     **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (payment_id != NULL, NULL);

  return cf_store_load_records (store, CF_TYPE_PERSONAL_ASSISTANT,
                                "direct_payment_id = ? AND deleted = 0 "
                                "ORDER BY name COLLATE NOCASE, rowid",
                                payment_id, NULL, error);
}

/**
 * cf_direct_payments_save_assistant:
 *
 * Saves a personal assistant (DOMAIN.md, "Personal assistants"). The status must be one of
 * cf_assistant_statuses and the dates real dates. When the post becomes vacant or is being
 * recruited to, vacant_since is set to today unless already set, so a long vacancy can be
 * flagged; when someone is in post, or the post has ended, it is cleared.
 */
gboolean
cf_direct_payments_save_assistant (CfStore              *store,
                                   CfPersonalAssistant  *assistant,
                                   GError              **error)
{
  CfRecord *record;
  const char *status;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_PERSONAL_ASSISTANT (assistant), FALSE);

  record = CF_RECORD (assistant);
  status = cf_record_get_text (record, "status");

  if (cf_choices_find (cf_assistant_statuses, status) < 0)
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Choose whether the personal assistant is being recruited, is in "
                             "post, or whether the post is vacant or has ended."));
      return FALSE;
    }

  for (guint i = 0; assistant_date_fields[i] != NULL; i++)
    {
      if (!is_date_or_blank (cf_record_get_text (record, assistant_date_fields[i])))
        {
          g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                               _("A date for the personal assistant is not a real date. Type "
                                 "dates as day/month/year, for example 18/11/2026."));
          return FALSE;
        }
    }

  if (g_str_equal (status, "vacant") || g_str_equal (status, "recruiting"))
    {
      if (cf_operation_is_blank (cf_record_get_text (record, "vacant_since")))
        {
          g_autofree char *today = cf_operation_today (store);

          cf_record_set_text (record, "vacant_since", today);
        }
    }
  else
    cf_record_set_text (record, "vacant_since", "");

  return cf_store_save (store, &record, 1, error);
}
