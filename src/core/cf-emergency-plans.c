/* cf-emergency-plans.c: a carer's emergency plan, its contacts, and its printed forms
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Emergency (contingency) plan": who steps in if the carer cannot care (at least
 * two named contacts, in order, each agreed), what to do if none can, and what someone stepping
 * in needs to know about the cared-for person. The dates it was agreed and last checked are
 * kept, and a plan not checked in 12 months is flagged (cf_emergency_plan_needs_check()).
 *
 * As with assessments, each step saves the plan, its contacts and any history entry in one
 * transaction, so the outbox and the audit trail always agree with what a person sees.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-carer-event.h"
#include "cf-dates.h"
#include "cf-emergency-plans.h"
#include "cf-operation-private.h"
#include "cf-plans.h"
#include "cf-schedule.h"
#include "cf-store-private.h"
#include "cf-validate.h"

static const char *
text_of (gpointer    record,
         const char *field)
{
  return cf_record_get_text (CF_RECORD (record), field);
}

/**
 * cf_emergency_contact_is_listed:
 *
 * A contact row someone has started to fill in. A row left completely empty (just added) is
 * not a contact yet: it is neither printed nor counted as missing its agreement.
 */
gboolean
cf_emergency_contact_is_listed (CfEmergencyContact *contact)
{
  g_return_val_if_fail (CF_IS_EMERGENCY_CONTACT (contact), FALSE);

  return !cf_record_get_deleted (CF_RECORD (contact)) &&
         (!cf_operation_is_blank (text_of (contact, "name")) || !cf_operation_is_blank (text_of (contact, "phone")) ||
          !cf_operation_is_blank (text_of (contact, "relationship")) ||
          !cf_operation_is_blank (text_of (contact, "can_help_with")));
}

static CfCarerEvent *
new_event (CfStore         *store,
           CfEmergencyPlan *plan,
           const char      *kind,
           const char      *notes)
{
  return cf_operation_new_event (store, text_of (plan, "carer_id"), kind, notes,
                                 cf_record_get_id (CF_RECORD (plan)));
}

/**
 * cf_emergency_contact_dup_label:
 * @number: the contact's place in the list, from 1
 *
 * Returns: (transfer full): the name a person reads for @contact, in messages and on paper:
 *   their name, or their place in the list
 */
char *
cf_emergency_contact_dup_label (CfEmergencyContact *contact,
                                guint               number)
{
  const char *name = text_of (contact, "name");

  if (!cf_operation_is_blank (name))
    return g_strstrip (g_strdup (name));

  /* Translators: %u is a contact's place in the emergency plan's list, e.g. “Contact 2” */
  return g_strdup_printf (_("Contact %u"), number);
}

static gboolean
check_phones (CfEmergencyPlan  *plan,
              GPtrArray        *contacts,
              GError          **error)
{
  g_autofree char *card_message = cf_validate_phone (text_of (plan, "card_phone"));
  guint number = 0;

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      CfEmergencyContact *contact = g_ptr_array_index (contacts, i);
      g_autofree char *message = NULL;
      g_autofree char *label = NULL;

      if (cf_record_get_deleted (CF_RECORD (contact)))
        continue;
      number++;

      message = cf_validate_phone (text_of (contact, "phone"));
      if (message == NULL)
        continue;

      label = cf_emergency_contact_dup_label (contact, number);
      g_set_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                   /* Translators: "%1$s" names an emergency contact, "%2$s" says what is wrong
                    * with their phone number */
                   _("%1$s’s phone number: %2$s"), label, message);
      return FALSE;
    }

  if (card_message != NULL)
    {
      g_set_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                   /* Translators: %s says what is wrong with the phone number */
                   _("The phone number for the emergency card: %s"), card_message);
      return FALSE;
    }

  return TRUE;
}

/* The plan, its contacts (numbered 0..n-1 in the array's order, skipping removed ones) and any
 * extra records, in one transaction. A contact's agreed_on follows its "agreed" switch. */
static gboolean
save_all (CfStore          *store,
          CfEmergencyPlan  *plan,
          GPtrArray        *contacts,
          CfRecord         *extra,
          GError          **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autofree char *today = NULL;
  gint64 position = 0;

  if (!check_phones (plan, contacts, error))
    return FALSE;

  g_ptr_array_add (records, plan);
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      CfRecord *contact = g_ptr_array_index (contacts, i);

      g_return_val_if_fail (CF_IS_EMERGENCY_CONTACT (contact), FALSE);
      g_ptr_array_add (records, contact);

      if (cf_record_get_deleted (contact))
        continue;

      if (cf_record_get_int (contact, "position") != position)
        cf_record_set_int (contact, "position", position);
      position++;

      if (cf_record_get_bool (contact, "agreed") && cf_operation_is_blank (text_of (contact, "agreed_on")))
        {
          if (today == NULL)
            today = cf_operation_today (store);
          cf_record_set_text (contact, "agreed_on", today);
        }
      else if (!cf_record_get_bool (contact, "agreed") &&
               !cf_operation_is_blank (text_of (contact, "agreed_on")))
        cf_record_set_text (contact, "agreed_on", "");
    }
  if (extra != NULL)
    g_ptr_array_add (records, extra);

  return cf_store_save (store, (CfRecord **) records->pdata, records->len, error);
}

static GPtrArray *
load_plans (CfStore     *store,
            const char  *carer_id,
            GError     **error)
{
  /* One plan per carer; should two arrive by sync (made on two laptops while offline), the
   * most recently changed is the one shown. */
  return cf_store_load_records (store, CF_TYPE_EMERGENCY_PLAN,
                                "carer_id = ? AND deleted = 0 "
                                "ORDER BY updated_at DESC, rowid DESC",
                                carer_id, NULL, error);
}

/**
 * cf_emergency_plans_load_for_carer:
 *
 * The carer's emergency plan, if they have one. Opening it is audited as a view: it holds the
 * cared-for person's medication and how to get into their home.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with no error when the carer has none
 */
CfEmergencyPlan *
cf_emergency_plans_load_for_carer (CfStore     *store,
                                   const char  *carer_id,
                                   GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  CfEmergencyPlan *plan;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (carer_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  found = load_plans (store, carer_id, error);
  if (found == NULL || found->len == 0)
    return NULL;

  plan = g_ptr_array_index (found, 0);
  if (!cf_store_audit (store, CF_AUDIT_VIEW, "emergency_plan",
                       cf_record_get_id (CF_RECORD (plan)), NULL, error))
    return NULL;

  return g_object_ref (plan);
}

/**
 * cf_emergency_plans_create:
 * @card_phone: (nullable): the number printed on the emergency card; usually the
 *   organisation's phone from Preferences
 *
 * Starts an emergency plan for @carer. A carer has one plan, kept up to date, so this refuses
 * with %CF_PLAN_ERROR_NOT_ALLOWED when they already have one.
 *
 * Returns: (transfer full): the new plan, saved
 */
CfEmergencyPlan *
cf_emergency_plans_create (CfStore     *store,
                           CfCarer     *carer,
                           const char  *card_phone,
                           GError     **error)
{
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(CfEmergencyPlan) plan = NULL;
  const char *carer_id;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (CF_IS_CARER (carer), NULL);

  carer_id = cf_record_get_id (CF_RECORD (carer));
  existing = load_plans (store, carer_id, error);
  if (existing == NULL)
    return NULL;

  if (existing->len > 0)
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED,
                           _("This carer already has an emergency plan. Open it and bring it "
                             "up to date."));
      return NULL;
    }

  plan = cf_emergency_plan_new (carer_id);
  if (card_phone != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (card_phone));

      cf_record_set_text (CF_RECORD (plan), "card_phone", stripped);
    }

  {
    CfRecord *records[] = { CF_RECORD (plan) };

    if (!cf_store_save (store, records, 1, error))
      return NULL;
  }

  return g_steal_pointer (&plan);
}

/**
 * cf_emergency_plans_list_contacts:
 *
 * Returns: (transfer full) (element-type CfEmergencyContact): the plan's contacts, in the order
 *   they are to be called
 */
GPtrArray *
cf_emergency_plans_list_contacts (CfStore     *store,
                                  const char  *plan_id,
                                  GError     **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (plan_id != NULL, NULL);

  return cf_store_load_records (store, CF_TYPE_EMERGENCY_CONTACT,
                                "emergency_plan_id = ? AND deleted = 0 "
                                "ORDER BY position, rowid",
                                plan_id, NULL, error);
}

/**
 * cf_emergency_plan_dup_missing:
 * @contacts: (element-type CfEmergencyContact) (nullable): the plan's contacts
 *
 * What the plan still needs before it can be agreed, in words (DOMAIN.md: at least two named
 * contacts, each agreed; what to do if none can come; and the card's one phone number).
 *
 * Returns: (transfer full) (element-type utf8): the list, empty when nothing is missing
 */
GPtrArray *
cf_emergency_plan_dup_missing (CfEmergencyPlan *plan,
                               GPtrArray       *contacts)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);
  guint reachable = 0;
  guint number = 0;

  g_return_val_if_fail (CF_IS_EMERGENCY_PLAN (plan), missing);

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      CfEmergencyContact *contact = g_ptr_array_index (contacts, i);

      if (cf_record_get_deleted (CF_RECORD (contact)))
        continue;
      number++;
      if (!cf_operation_is_blank (text_of (contact, "name")) && !cf_operation_is_blank (text_of (contact, "phone")))
        reachable++;
    }

  if (reachable == 0)
    g_ptr_array_add (missing, g_strdup (_("two people to call, each with a name and a phone "
                                          "number")));
  else if (reachable < CF_EMERGENCY_MIN_CONTACTS)
    g_ptr_array_add (missing, g_strdup (_("another person to call, with a name and a phone "
                                          "number")));

  number = 0;
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      CfEmergencyContact *contact = g_ptr_array_index (contacts, i);
      g_autofree char *label = NULL;

      if (cf_record_get_deleted (CF_RECORD (contact)))
        continue;
      number++;
      if (!cf_emergency_contact_is_listed (contact))
        continue;

      label = cf_emergency_contact_dup_label (contact, number);
      if (!cf_operation_is_blank (text_of (contact, "name")) && cf_operation_is_blank (text_of (contact, "phone")))
        /* Translators: %s names an emergency contact */
        g_ptr_array_add (missing, g_strdup_printf (_("a phone number for %s"), label));
      if (!cf_record_get_bool (CF_RECORD (contact), "agreed"))
        /* Translators: %s names an emergency contact */
        g_ptr_array_add (missing, g_strdup_printf (_("%s’s agreement to be called"), label));
    }

  if (cf_operation_is_blank (text_of (plan, "if_none_can_come")))
    g_ptr_array_add (missing, g_strdup (_("what happens if none of them can come")));
  if (cf_operation_is_blank (text_of (plan, "card_phone")))
    g_ptr_array_add (missing, g_strdup (_("the phone number for the emergency card")));

  return missing;
}

/**
 * cf_emergency_plans_save:
 * @contacts: (element-type CfEmergencyContact) (nullable): every contact of the plan, in the
 *   order they are to be called, including any marked deleted with cf_record_set_deleted()
 *
 * Saves the plan and its changed contacts together. Contacts are renumbered by their place in
 * @contacts. A phone number that is not a UK number is refused with %CF_PLAN_ERROR_INVALID and a
 * message naming the contact; nothing is written then, and the records keep what was typed.
 */
gboolean
cf_emergency_plans_save (CfStore          *store,
                         CfEmergencyPlan  *plan,
                         GPtrArray        *contacts,
                         GError          **error)
{
  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_EMERGENCY_PLAN (plan), FALSE);

  return save_all (store, plan, contacts, NULL, error);
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  guint year, month, day;

  if (cf_date_parse_iso_shape (date, &year, &month, &day) && g_date_valid_dmy (day, month, year))
    return TRUE;

  g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                       _("Give the date as DD/MM/YYYY."));
  return FALSE;
}

/**
 * cf_emergency_plans_agree:
 * @contacts: (element-type CfEmergencyContact) (nullable): the plan's contacts
 * @agreed_on: (nullable): the date as ISO 8601 (YYYY-MM-DD); today if %NULL
 *
 * Records that the carer agreed the plan, which also counts as its first check. Refused with
 * %CF_PLAN_ERROR_INCOMPLETE and the list of what is missing while anything is.
 */
gboolean
cf_emergency_plans_agree (CfStore          *store,
                          CfEmergencyPlan  *plan,
                          GPtrArray        *contacts,
                          const char       *agreed_on,
                          GError          **error)
{
  CfRecord *record = CF_RECORD (plan);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(CfCarerEvent) event = NULL;
  g_autofree char *today = NULL;
  g_autofree char *was_agreed = NULL;
  g_autofree char *was_checked = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_EMERGENCY_PLAN (plan), FALSE);

  if (agreed_on == NULL)
    agreed_on = today = cf_operation_today (store);
  if (!check_date (agreed_on, error))
    return FALSE;

  missing = cf_emergency_plan_dup_missing (plan, contacts);
  if (missing->len > 0)
    {
      g_autofree char *list = cf_operation_join_missing (missing);

      g_set_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INCOMPLETE,
                   /* Translators: %s is a list of what is still needed */
                   _("The emergency plan can’t be agreed yet. Still needed: %s."), list);
      return FALSE;
    }

  was_agreed = g_strdup (text_of (plan, "agreed_on"));
  was_checked = g_strdup (text_of (plan, "last_checked_on"));
  cf_record_set_text (record, "agreed_on", agreed_on);
  cf_record_set_text (record, "last_checked_on", agreed_on);

  shown = cf_date_to_user (agreed_on);
  event = new_event (store, plan, CF_EVENT_EMERGENCY_PLAN_AGREED, shown);

  if (!save_all (store, plan, contacts, CF_RECORD (event), error))
    {
      /* Nothing was written: leave the plan as it was so the person can try again. */
      cf_record_set_text (record, "agreed_on", was_agreed);
      cf_record_set_text (record, "last_checked_on", was_checked);
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_emergency_plans_checked:
 * @checked_on: (nullable): the date as ISO 8601 (YYYY-MM-DD); today if %NULL
 *
 * Records that the plan was gone through with the carer and is still right. Only an agreed
 * plan can be checked: until then there is nothing agreed to check.
 */
gboolean
cf_emergency_plans_checked (CfStore          *store,
                            CfEmergencyPlan  *plan,
                            const char       *checked_on,
                            GError          **error)
{
  CfRecord *record = CF_RECORD (plan);
  g_autoptr(CfCarerEvent) event = NULL;
  g_autofree char *today = NULL;
  g_autofree char *was_checked = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_EMERGENCY_PLAN (plan), FALSE);

  if (cf_operation_is_blank (text_of (plan, "agreed_on")))
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED,
                           _("Agree the emergency plan with the carer before marking it as "
                             "checked."));
      return FALSE;
    }

  if (checked_on == NULL)
    checked_on = today = cf_operation_today (store);
  if (!check_date (checked_on, error))
    return FALSE;

  was_checked = g_strdup (text_of (plan, "last_checked_on"));
  cf_record_set_text (record, "last_checked_on", checked_on);

  shown = cf_date_to_user (checked_on);
  event = new_event (store, plan, CF_EVENT_EMERGENCY_PLAN_CHECKED, shown);

  {
    CfRecord *records[] = { record, CF_RECORD (event) };

    if (!cf_store_save (store, records, G_N_ELEMENTS (records), error))
      {
        cf_record_set_text (record, "last_checked_on", was_checked);
        return FALSE;
      }
  }

  return TRUE;
}
