/* cf-entity-words.c: synced records and their fields, in words a worker reads
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sync talks in entities and field names (src/sync/README.md); a person resolving a conflict
 * or reading why the server refused a change needs "Person cared for" and "Phone". The words
 * follow the editors' own row titles where there are any. A field this table does not know
 * (a newer program's, kept as an unknown field) still gets readable words from its name.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-dates.h"
#include "cf-entity-words.h"

static const struct
{
  const char *entity;
  const char *words;
} entity_words[] = {
  /* Translators: a kind of record, as a heading over a sync conflict or a refused change */
  { "carer", N_("Carer’s details") },
  { "cared_for", N_("Person cared for") },
  { "carer_event", N_("History entry") },
  { "assessment", N_("Assessment") },
  { "assessment_answer", N_("Assessment answer") },
  { "support_plan", N_("Support plan") },
  { "plan_need", N_("Need in the support plan") },
  { "plan_action", N_("Action in the support plan") },
  { "carer_break", N_("Break") },
  { "emergency_plan", N_("Emergency plan") },
  { "emergency_contact", N_("Emergency contact") },
  { "direct_payment", N_("Direct payment") },
  { "balance_return", N_("Direct payment balance return") },
  { "personal_assistant", N_("Personal assistant") },
  { "review", N_("Review") },
  { "text_reminder", N_("Text message reminder") },
  { "carer_response", N_("Carer’s response to their plan") },
};

/* A field's words, for one entity or (entity NULL) for any entity with a field of that name. */
typedef struct
{
  const char     *entity;
  const char     *field;
  const char     *words;
  const CfChoice *choices;
} FieldWords;

static const FieldWords field_words[] = {
  /* The record's tombstone, which every entity has. */
  { NULL, "deleted", N_("Deleted") },

  /* The carer: as the carer's page titles its rows. */
  { "carer", "reference", N_("Reference") },
  { "carer", "given_name", N_("Given Name") },
  { "carer", "family_name", N_("Family Name") },
  { "carer", "preferred_name", N_("Preferred Name") },
  { "carer", "date_of_birth", N_("Date of Birth") },
  { "carer", "address", N_("Address") },
  { "carer", "postcode", N_("Postcode") },
  { "carer", "phone", N_("Phone") },
  { "carer", "email", N_("Email") },
  { "carer", "contact_method", N_("Preferred Contact Method"), cf_contact_methods },
  { "carer", "locality", N_("Locality") },
  { "carer", "rural_isolated", N_("Rural or Isolated") },
  { "carer", "communication_needs", N_("Communication Needs") },
  { "carer", "preferred_language", N_("Preferred Language") },
  { "carer", "interpreter_needed", N_("Interpreter Needed") },
  { "carer", "referral_source", N_("Referral Source"), cf_referral_sources },
  { "carer", "referral_reason", N_("Reason for Referral") },
  { "carer", "referral_received_at", N_("Referral Received") },
  { "carer", "referral_consent", N_("Consent to the Referral") },
  { "carer", "priority", N_("Priority"), cf_priorities },
  { "carer", "priority_reason", N_("Reason for the Priority") },
  { "carer", "status", N_("Status"), cf_statuses },
  { "carer", "first_contact_at", N_("First Contact") },
  { "carer", "closed_at", N_("Closed") },
  { "carer", "closure_reason", N_("Reason for Closing") },
  { "carer", "closure_outcome", N_("Outcome of Closing"), cf_closure_outcomes },
  /* Translators: the carers organisation’s worker (a member of its staff, not a paid care
   * worker) whose caseload a carer is on */
  { "carer", "worker", N_("Worker") },
  { "carer", "texts_consent", N_("Agreed to Text Messages") },
  { "carer", "texts_consent_on", N_("Agreed to Text Messages On") },

  { "cared_for", "name", N_("Name") },
  { "cared_for", "relationship", N_("Relationship to the Carer"), cf_relationships },
  { "cared_for", "lives_with_carer", N_("Lives with the Carer") },

  { "carer_event", "kind", N_("Kind of Entry") },
  { "carer_event", "occurred_at", N_("When") },
  { "carer_event", "recorded_by", N_("Recorded By") },
  { "carer_event", "previous_priority", N_("Previous Priority"), cf_priorities },
  { "carer_event", "priority", N_("Priority"), cf_priorities },
  { "carer_event", "related_id", N_("Related Record") },

  { "assessment", "kind", N_("Kind of Assessment"), cf_assessment_kinds },
  { "assessment", "mode", N_("How It Was Done"), cf_assessment_modes },
  { "assessment", "template", N_("Questions Used") },
  { "assessment", "assessed_on", N_("Assessed On") },
  { "assessment", "assessor", N_("Assessor") },
  { "assessment", "people_involved", N_("People Involved") },
  { "assessment", "previous_id", N_("Previous Assessment") },
  { "assessment", "revision", N_("Revision") },
  { "assessment", "proposed", N_("Proposed Decision") },
  { "assessment", "decision", N_("Decision") },
  { "assessment", "decision_reason", N_("Reason for the Decision") },
  { "assessment", "decided_by", N_("Decided By") },
  { "assessment", "decided_by_name", N_("Name of Who Decided") },
  { "assessment", "council_signoff_by", N_("Council Sign-off By") },
  { "assessment", "council_signoff_on", N_("Council Sign-off On") },
  { "assessment", "finished_at", N_("Finished") },
  { "assessment", "finished_by", N_("Finished By") },
  { "assessment", "returned_at", N_("Returned") },
  { "assessment", "returned_by", N_("Returned By") },
  { "assessment", "return_reason", N_("Reason for Returning") },
  { "assessment", "record_given_on", N_("Written Record Given On") },
  { "assessment", "record_given_how", N_("How the Written Record Was Given") },
  { "assessment", "record_language", N_("Language of the Written Record") },
  { "assessment", "record_large_print", N_("Written Record in Large Print") },

  { "assessment_answer", "question", N_("Question") },
  { "assessment_answer", "value", N_("Answer") },

  { "support_plan", "number", N_("Plan Number") },
  { "support_plan", "previous_id", N_("Previous Plan") },
  { "support_plan", "change_reason", N_("Reason for the Change") },
  { "support_plan", "outcomes", N_("Outcomes the Carer Wants") },
  { "support_plan", "prevention_advice", N_("Advice on Preventing Needs") },
  { "support_plan", "cost_pence", N_("Cost to the Council") },
  { "support_plan", "carer_contribution_pence", N_("Carer’s Contribution") },
  { "support_plan", "breaks_short_notice", N_("Emergency or Short-Notice Breaks") },
  { "support_plan", "breaks_day", N_("Breaks of 1 to 24 Hours") },
  { "support_plan", "breaks_long", N_("Breaks of More Than 24 Hours") },
  { "support_plan", "carer_agrees", N_("Carer Agrees") },
  { "support_plan", "carer_comments", N_("Carer’s Comments") },
  { "support_plan", "agreed_by", N_("Agreed By") },
  { "support_plan", "copy_given_on", N_("Copy Given On") },
  { "support_plan", "copy_format", N_("Format of the Copy"), cf_copy_formats },
  { "support_plan", "superseded_on", N_("Replaced On") },

  { "plan_need", "need", N_("Need") },
  { "plan_need", "source", N_("Where the Need Came From") },
  { "plan_need", "eligibility", N_("Eligibility"), cf_need_eligibility },
  { "plan_need", "how_far", N_("How Far Eligible") },
  { "plan_need", "met_by", N_("Met By"), cf_plan_ways },
  { "plan_need", "how", N_("How It Will Be Met") },
  { "plan_need", "cared_for_consent", N_("Cared-for Person Consents") },
  { "plan_need", "outcome", N_("Outcome") },

  { "plan_action", "what", N_("What") },
  { "plan_action", "who", N_("Who") },
  { "plan_action", "due_on", N_("Due On") },
  { "plan_action", "done_on", N_("Done On") },

  { "carer_break", "kind", N_("Kind of Break"), cf_break_kinds },
  { "carer_break", "taken_on", N_("Taken On") },

  { "emergency_plan", "if_none_can_come", N_("If No One Can Come") },
  { "emergency_plan", "medication", N_("Medication") },
  { "emergency_plan", "medication_kept", N_("Where Medication Is Kept") },
  { "emergency_plan", "routines", N_("Routines") },
  { "emergency_plan", "appointments", N_("Appointments") },
  { "emergency_plan", "mobility", N_("Mobility") },
  { "emergency_plan", "communication", N_("Communication") },
  { "emergency_plan", "home_access", N_("Access to the Home") },
  { "emergency_plan", "pets", N_("Pets") },
  { "emergency_plan", "other", N_("Anything Else") },
  { "emergency_plan", "card_phone", N_("Phone Number on the Card") },
  { "emergency_plan", "last_checked_on", N_("Last Checked On") },

  { "emergency_contact", "name", N_("Name") },
  { "emergency_contact", "relationship", N_("Relationship") },
  { "emergency_contact", "phone", N_("Phone") },
  { "emergency_contact", "can_help_with", N_("Can Help With") },
  { "emergency_contact", "agreed", N_("Agreed to Be a Contact") },

  { "direct_payment", "term", N_("Short or Long Term"), cf_direct_payment_terms },
  { "direct_payment", "bridges_id", N_("Bridges to") },
  { "direct_payment", "purpose", N_("Purpose") },
  { "direct_payment", "amount_pence", N_("Amount") },
  { "direct_payment", "frequency", N_("How Often") },
  { "direct_payment", "capacity", N_("Capacity to Request It"), cf_capacity_answers },
  { "direct_payment", "authorised_person", N_("Authorised Person") },
  { "direct_payment", "consent", N_("Consent") },
  { "direct_payment", "able_to_manage", N_("Able to Manage It"), cf_manage_answers },
  { "direct_payment", "appropriate", N_("Appropriate") },
  { "direct_payment", "decided_by", N_("Decided By") },
  { "direct_payment", "decided_on", N_("Decided On") },
  { "direct_payment", "method", N_("How It Is Paid"), cf_direct_payment_methods },
  { "direct_payment", "method_reason", N_("Reason for How It Is Paid") },
  { "direct_payment", "budget_holder", N_("Budget Holder") },
  { "direct_payment", "cardholder", N_("Cardholder") },
  { "direct_payment", "pays_close_relative", N_("Pays a Close Relative") },
  { "direct_payment", "close_relative_reason", N_("Why Paying a Close Relative Is Necessary") },
  { "direct_payment", "not_allowed", N_("Not Allowed"), cf_direct_payment_not_allowed },
  { "direct_payment", "not_allowed_reason", N_("Why It Is Not Allowed") },
  { "direct_payment", "requested_on", N_("Requested On") },
  { "direct_payment", "agreement_signed_on", N_("Agreement Signed On") },
  { "direct_payment", "first_payment_on", N_("First Payment On") },
  { "direct_payment", "ended_on", N_("Ended On") },
  { "direct_payment", "end_reason", N_("Reason for Ending") },
  { "direct_payment", "status", N_("Status"), cf_direct_payment_statuses },

  { "balance_return", "returned_on", N_("Returned On") },
  { "balance_return", "balance_pence", N_("Balance") },
  { "balance_return", "one_off_spent_pence", N_("One-off Payments Spent") },
  { "balance_return", "surplus_pence", N_("Surplus") },
  { "balance_return", "recovered_pence", N_("Recovered") },
  { "balance_return", "recovered_on", N_("Recovered On") },

  { "personal_assistant", "name", N_("Name") },
  { "personal_assistant", "status", N_("Status"), cf_assistant_statuses },
  { "personal_assistant", "vacant_since", N_("Vacant Since") },
  { "personal_assistant", "right_to_work_checked_on", N_("Right to Work Checked On") },
  { "personal_assistant", "contract_signed_on", N_("Contract Signed On") },
  { "personal_assistant", "dbs_checked_on", N_("DBS Checked On") },
  { "personal_assistant", "insurance_expires_on", N_("Insurance Expires On") },
  { "personal_assistant", "payroll_provider", N_("Payroll Provider") },

  { "review", "subject", N_("What Is Reviewed") },
  { "review", "kind", N_("Kind of Review") },
  { "review", "reason", N_("Reason for the Review"), cf_review_reasons },
  { "review", "reason_notes", N_("More About the Reason") },
  { "review", "requested_on", N_("Requested On") },
  { "review", "requested_by", N_("Requested By") },
  { "review", "held_on", N_("Held On") },
  { "review", "reviewer", N_("Reviewer") },
  { "review", "outcome", N_("Outcome"), cf_review_outcomes },
  { "carer_response", "kind", N_("What the Carer Said"), cf_carer_response_kinds },
  { "carer_response", "text", N_("In the Carer’s Words") },
  { "carer_response", "given_at", N_("Said On") },
  { "carer_response", "given_by", N_("Said By") },
  { "carer_response", "language", N_("Read In") },
  { "carer_response", "recorded_by", N_("On the Laptop Of") },
  { "carer_response", "plan_id", N_("Plan Read") },
  { "carer_response", "review_id", N_("Review Asked For") },

  { "text_reminder", "about", N_("About") },
  { "text_reminder", "send_on", N_("Send On") },
  { "text_reminder", "phone", N_("Phone") },
  { "text_reminder", "message", N_("Message") },
  { "text_reminder", "state", N_("State") },

  /* Fields of the same name and meaning in several entities. */
  { NULL, "notes", N_("Notes") },
  { NULL, "status", N_("Status") },
  { NULL, "position", N_("Order in the List") },
  { NULL, "agreed_on", N_("Agreed On") },
  { NULL, "carer_id", N_("Carer") },
  { NULL, "assessment_id", N_("Assessment") },
  { NULL, "plan_id", N_("Support Plan") },
  { NULL, "emergency_plan_id", N_("Emergency Plan") },
  { NULL, "direct_payment_id", N_("Direct Payment") },
  { NULL, "subject_id", N_("Record Concerned") },
};

/**
 * cf_entity_describe:
 * @entity: an entity name, as on the wire
 *
 * Returns: (transfer none): the kind of record in words, e.g. “Person cared for”; for an
 *   entity this program does not know, “Record”
 */
const char *
cf_entity_describe (const char *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_words); i++)
    {
      if (g_strcmp0 (entity_words[i].entity, entity) == 0)
        return _(entity_words[i].words);
    }

  /* Translators: a kind of record this version of Carefield does not know */
  return _("Record");
}

static const FieldWords *
find_field (const char *entity,
            const char *field)
{
  const FieldWords *generic = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (field_words); i++)
    {
      if (g_strcmp0 (field_words[i].field, field) != 0)
        continue;
      if (g_strcmp0 (field_words[i].entity, entity) == 0)
        return &field_words[i];
      if (field_words[i].entity == NULL && generic == NULL)
        generic = &field_words[i];
    }

  return generic;
}

/**
 * cf_entity_field_describe:
 * @entity: an entity name, as on the wire
 * @field: one of its fields, or "deleted"
 *
 * Returns: (transfer full): the field in words, e.g. “Phone”; a field not in the table reads
 *   as its name in words (“texts_consent_on” as “Texts consent on”)
 */
char *
cf_entity_field_describe (const char *entity,
                          const char *field)
{
  const FieldWords *words;
  char *text;

  g_return_val_if_fail (field != NULL, NULL);

  if ((words = find_field (entity, field)) != NULL)
    return g_strdup (_(words->words));

  text = g_strdelimit (g_strdup (field), "_-", ' ');
  if (*text != '\0')
    text[0] = g_ascii_toupper (text[0]);

  return text;
}

/**
 * cf_entity_field_get_choices:
 *
 * Returns: (transfer none) (nullable): the fixed vocabulary the field's values come from
 */
const CfChoice *
cf_entity_field_get_choices (const char *entity,
                             const char *field)
{
  const FieldWords *words;

  g_return_val_if_fail (field != NULL, NULL);

  words = find_field (entity, field);
  return words != NULL ? words->choices : NULL;
}

/**
 * cf_entity_field_describe_text:
 * @value: a text value of the field, as stored
 *
 * Returns: (transfer full): @value as a person reads it: a choice's label for a field with a
 *   fixed vocabulary, a date or time as the editors show it; other text as it is
 */
char *
cf_entity_field_describe_text (const char *entity,
                               const char *field,
                               const char *value)
{
  const CfChoice *choices;

  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL)
    return g_strdup ("");

  choices = cf_entity_field_get_choices (entity, field);
  if (choices != NULL && *value != '\0')
    return g_strdup (cf_choices_label (choices, value));

  if (g_str_has_suffix (field, "_at"))
    return cf_datetime_to_user (value);
  if (g_str_has_suffix (field, "_on") || g_str_has_suffix (field, "_since") ||
      strcmp (field, "date_of_birth") == 0)
    return cf_date_to_user (value);

  return g_strdup (value);
}
