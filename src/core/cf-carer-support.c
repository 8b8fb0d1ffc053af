/* cf-carer-support.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The carer's support plan (every version), breaks, emergency plan, direct payments, reviews
 * and what falls due, loaded together for a view that shows them all at once: the command
 * line's `show`, and an export. Each plan version and payment shown is audited as viewed, as
 * an assessment is when it is opened; the emergency plan is audited by its own loader.
 */

#include "config.h"

#include "cf-carer-support.h"

static void
support_plan_free (gpointer data)
{
  CfCarerSupportPlan *version = data;

  g_clear_object (&version->plan);
  g_clear_pointer (&version->needs, g_ptr_array_unref);
  g_clear_pointer (&version->actions, g_ptr_array_unref);
  g_free (version);
}

static void
support_payment_free (gpointer data)
{
  CfCarerSupportPayment *payment = data;

  g_clear_object (&payment->payment);
  g_clear_pointer (&payment->issues, g_ptr_array_unref);
  g_clear_pointer (&payment->returns, g_ptr_array_unref);
  g_clear_pointer (&payment->assistants, g_ptr_array_unref);
  g_free (payment);
}

void
cf_carer_support_free (CfCarerSupport *support)
{
  if (support == NULL)
    return;

  g_clear_pointer (&support->plans, g_ptr_array_unref);
  g_clear_object (&support->current_plan);
  g_clear_object (&support->plan_in_force);
  g_clear_pointer (&support->breaks, g_ptr_array_unref);
  g_clear_object (&support->emergency_plan);
  g_clear_pointer (&support->emergency_contacts, g_ptr_array_unref);
  g_clear_pointer (&support->direct_payments, g_ptr_array_unref);
  g_clear_pointer (&support->reviews, g_ptr_array_unref);
  g_clear_pointer (&support->due, g_ptr_array_unref);
  g_free (support);
}

static gboolean
load_plans (CfStore         *store,
            const char      *carer_id,
            CfCarerSupport  *support,
            GError         **error)
{
  g_autoptr(GPtrArray) plans = cf_plans_list (store, carer_id, error);

  if (plans == NULL)
    return FALSE;

  for (guint i = 0; i < plans->len; i++)
    {
      CfPlan *plan = g_ptr_array_index (plans, i);
      CfRecord *record = CF_RECORD (plan);
      const char *id = cf_record_get_id (record);
      const char *status = cf_record_get_text (record, "status");
      CfCarerSupportPlan *version;

      if (!cf_store_audit (store, CF_AUDIT_VIEW, "support_plan", id, NULL, error))
        return FALSE;

      version = g_new0 (CfCarerSupportPlan, 1);
      version->plan = g_object_ref (plan);
      g_ptr_array_add (support->plans, version);
      if ((version->needs = cf_plans_list_needs (store, id, error)) == NULL ||
          (version->actions = cf_plans_list_actions (store, id, error)) == NULL)
        return FALSE;

      /* Newest first, so the first not superseded is cf_plans_current()'s answer. */
      if (support->current_plan == NULL && !g_str_equal (status, CF_PLAN_SUPERSEDED))
        support->current_plan = g_object_ref (plan);
      if (support->plan_in_force == NULL && g_str_equal (status, CF_PLAN_AGREED))
        support->plan_in_force = g_object_ref (plan);
    }

  return TRUE;
}

static gboolean
load_emergency_plan (CfStore         *store,
                     const char      *carer_id,
                     CfCarerSupport  *support,
                     GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  support->emergency_plan = cf_emergency_plans_load_for_carer (store, carer_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (support->emergency_plan == NULL)
    {
      support->emergency_contacts = g_ptr_array_new_with_free_func (g_object_unref);
      return TRUE;
    }

  support->emergency_contacts =
    cf_emergency_plans_list_contacts (store, cf_record_get_id (CF_RECORD (support->emergency_plan)),
                                      error);
  return support->emergency_contacts != NULL;
}

static gboolean
load_payments (CfStore         *store,
               const char      *carer_id,
               CfCarerSupport  *support,
               GError         **error)
{
  g_autoptr(GPtrArray) payments = cf_direct_payments_list (store, carer_id, error);

  if (payments == NULL)
    return FALSE;

  for (guint i = 0; i < payments->len; i++)
    {
      CfDirectPayment *payment = g_ptr_array_index (payments, i);
      const char *id = cf_record_get_id (CF_RECORD (payment));
      CfCarerSupportPayment *shown;

      if (!cf_store_audit (store, CF_AUDIT_VIEW, "direct_payment", id, NULL, error))
        return FALSE;

      shown = g_new0 (CfCarerSupportPayment, 1);
      shown->payment = g_object_ref (payment);
      shown->issues = cf_direct_payment_check (payment);
      g_ptr_array_add (support->direct_payments, shown);
      if ((shown->returns = cf_direct_payments_list_returns (store, id, error)) == NULL ||
          (shown->assistants = cf_direct_payments_list_assistants (store, id, error)) == NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * cf_carer_support_load:
 *
 * Loads the carer's plans with their needs and actions, breaks taken, emergency plan and its
 * contacts, direct payments with their issues, balance returns and personal assistants,
 * reviews, and every date that falls due (cf_due_for_carer()), counted from the store
 * clock's today.
 *
 * Returns: (transfer full): the support, free with cf_carer_support_free()
 */
CfCarerSupport *
cf_carer_support_load (CfStore  *store,
                       CfCarer  *carer,
                       GError  **error)
{
  g_autoptr(CfCarerSupport) support = NULL;
  const char *carer_id;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (CF_IS_CARER (carer), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  carer_id = cf_record_get_id (CF_RECORD (carer));
  support = g_new0 (CfCarerSupport, 1);
  support->plans = g_ptr_array_new_with_free_func (support_plan_free);
  support->direct_payments = g_ptr_array_new_with_free_func (support_payment_free);

  if (!load_plans (store, carer_id, support, error) ||
      (support->breaks = cf_plans_list_breaks (store, carer_id, error)) == NULL ||
      !load_emergency_plan (store, carer_id, support, error) ||
      !load_payments (store, carer_id, support, error) ||
      (support->reviews = cf_reviews_list (store, carer_id, error)) == NULL ||
      (support->due = cf_due_for_carer (store, carer, NULL, error)) == NULL)
    return NULL;

  return g_steal_pointer (&support);
}
