/* cf-emergency-document.c: the emergency plan and the emergency card, on paper
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Emergency (contingency) plan": the plan is printable, to keep by the phone and to
 * give to the people named in it, in the format the carer needs ("Information, consent":
 * standard, large print or easy read, cf-easy-read.c) and in their language where Carefield
 * has it. The card carries a reference number and a phone number only.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-dates.h"
#include "cf-easy-read.h"
#include "cf-emergency-plans.h"
#include "cf-language.h"
#include "cf-operation-private.h"

static const char *
text_of (gpointer    record,
         const char *field)
{
  return cf_record_get_text (CF_RECORD (record), field);
}

static void
add_field_if_set (CfDocument *document,
                  const char *label,
                  const char *value)
{
  if (!cf_operation_is_blank (value))
    cf_document_add_field (document, label, value);
}

/* A date as a person writes it in a letter, e.g. “3 March 2026”, with the month named in the
 * document's language rather than the worker's locale. */
static char *
long_date (const char *iso)
{
  return cf_easy_read_date (iso);
}

static const char *
first_name (CfCarer *carer)
{
  const char *preferred = text_of (carer, "preferred_name");

  return !cf_operation_is_blank (preferred) ? preferred : text_of (carer, "given_name");
}

static char *
dup_title (CfCarer *carer)
{
  /* Translators: %s is the carer's first name, or the name they prefer */
  return g_strdup_printf (_("Emergency plan — %s"), first_name (carer));
}

static void
add_contacts (CfDocument *document,
              GPtrArray  *contacts)
{
  guint number = 0;

  cf_document_add_heading (document, _("Who to call, in this order"));

  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      CfEmergencyContact *contact = g_ptr_array_index (contacts, i);
      const char *relationship = text_of (contact, "relationship");
      const char *phone = text_of (contact, "phone");
      g_autofree char *who = NULL;
      g_autofree char *line = NULL;

      if (!cf_emergency_contact_is_listed (contact))
        continue;
      number++;

      who = cf_emergency_contact_dup_label (contact, number);
      if (!cf_operation_is_blank (relationship))
        {
          g_autofree char *bare = g_steal_pointer (&who);

          /* Translators: "%1$s" is a person's name, "%2$s" who they are, e.g. “daughter” */
          who = g_strdup_printf (_("%1$s (%2$s)"), bare, relationship);
        }

      if (!cf_operation_is_blank (phone))
        /* Translators: "%1$u" is the contact's place in the list, "%2$s" who they are,
         * "%3$s" their phone number */
        line = g_strdup_printf (_("%1$u. %2$s — %3$s"), number, who, phone);
      else
        /* Translators: "%1$u" is the contact's place in the list, "%2$s" who they are */
        line = g_strdup_printf (_("%1$u. %2$s — no phone number yet"), number, who);
      cf_document_add_bullet (document, line);

      add_field_if_set (document, _("Can help with"), text_of (contact, "can_help_with"));
      if (!cf_record_get_bool (CF_RECORD (contact), "agreed"))
        cf_document_add_paragraph (document, _("Has not yet agreed to be called."));
    }

  if (number == 0)
    cf_document_add_paragraph (document, _("No one has been named yet."));
}

static void
add_cared_for (CfDocument *document,
               GPtrArray  *cared_for)
{
  guint n = 0;

  for (guint i = 0; cared_for != NULL && i < cared_for->len; i++)
    if (!cf_record_get_deleted (g_ptr_array_index (cared_for, i)) &&
        !cf_operation_is_blank (text_of (g_ptr_array_index (cared_for, i), "name")))
      n++;

  if (n == 0)
    return;

  cf_document_add_heading (document, ngettext ("The person you care for",
                                               "The people you care for", n));
  for (guint i = 0; i < cared_for->len; i++)
    {
      gpointer person = g_ptr_array_index (cared_for, i);
      const char *relationship = text_of (person, "relationship");

      if (cf_record_get_deleted (person) || cf_operation_is_blank (text_of (person, "name")))
        continue;

      if (!cf_operation_is_blank (relationship))
        {
          /* Translators: "%1$s" is a person's name, "%2$s" who they are, e.g. “mother” */
          g_autofree char *line = g_strdup_printf (_("%1$s (%2$s)"), text_of (person, "name"),
                                                   relationship);

          cf_document_add_bullet (document, line);
        }
      else
        cf_document_add_bullet (document, text_of (person, "name"));
    }
}

static char *
check_due (CfEmergencyPlan *plan)
{
  const char *last = text_of (plan, "last_checked_on");
  guint year, month, day;
  GDate due;

  if (!cf_date_parse_iso_shape (last, &year, &month, &day) || !g_date_valid_dmy (day, month, year))
    return NULL;

  g_date_clear (&due, 1);
  g_date_set_dmy (&due, day, month, year);
  g_date_add_months (&due, 12);

  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&due), g_date_get_month (&due),
                          g_date_get_day (&due));
}

/* The standard words, for standard and large print: the whole plan, to keep by the phone and
 * to give to the people named in it (DOMAIN.md: "Printable"). */
static CfDocument *
build_standard (CfCarer              *carer,
                CfEmergencyPlan      *plan,
                GPtrArray            *contacts,
                GPtrArray            *cared_for,
                const CfOrganisation *organisation)
{
  const char *reference;
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *agreed = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *due_iso = NULL;
  g_autofree char *due = NULL;
  CfDocument *document;

  reference = text_of (carer, "reference");
  title = dup_title (carer);
  document = cf_document_new (title);
  /* Translators: %s is a carer's reference number such as CF-1A2B-3C4D */
  footer = g_strdup_printf (_("Reference %s"), reference);
  cf_document_set_footer (document, footer);

  cf_document_add_paragraph (document,
                             _("If you are suddenly unable to care, this plan says who will "
                               "step in and what they need to know."));

  add_contacts (document, contacts);

  cf_document_add_heading (document, _("If none of them can come"));
  if (!cf_operation_is_blank (text_of (plan, "if_none_can_come")))
    cf_document_add_paragraph (document, text_of (plan, "if_none_can_come"));
  else
    cf_document_add_paragraph (document, _("Not written yet."));

  add_cared_for (document, cared_for);

  cf_document_add_heading (document, _("What someone stepping in needs to know"));
  add_field_if_set (document, _("Medication"), text_of (plan, "medication"));
  add_field_if_set (document, _("Where the medication is kept"),
                    text_of (plan, "medication_kept"));
  add_field_if_set (document, _("Daily routines"), text_of (plan, "routines"));
  add_field_if_set (document, _("Appointments"), text_of (plan, "appointments"));
  add_field_if_set (document, _("Getting about"), text_of (plan, "mobility"));
  add_field_if_set (document, _("Communication"), text_of (plan, "communication"));
  add_field_if_set (document, _("Getting into the home"), text_of (plan, "home_access"));
  add_field_if_set (document, _("Pets"), text_of (plan, "pets"));
  add_field_if_set (document, _("Anything else"), text_of (plan, "other"));

  cf_document_add_heading (document, _("About this plan"));
  agreed = long_date (text_of (plan, "agreed_on"));
  checked = long_date (text_of (plan, "last_checked_on"));
  cf_document_add_field (document, _("Agreed"), *agreed != '\0' ? agreed : _("Not yet agreed"));
  add_field_if_set (document, _("Last checked"), checked);
  due_iso = check_due (plan);
  if (due_iso != NULL)
    {
      due = long_date (due_iso);
      cf_document_add_field (document, _("Next check due"), due);
    }

  if (organisation != NULL &&
      (!cf_operation_is_blank (organisation->name) || !cf_operation_is_blank (organisation->phone)))
    {
      cf_document_add_heading (document, _("Where to get help"));
      add_field_if_set (document, _("Contact"), organisation->name);
      add_field_if_set (document, _("Phone"), organisation->phone);
    }

  return document;
}

/* Easy read ----------------------------------------------------------------------------- */

static void
add_easy_contacts (CfDocument *document,
                   GPtrArray  *contacts)
{
  guint number = 0;

  cf_document_add_heading (document, _("Who to call"));
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      CfEmergencyContact *contact = g_ptr_array_index (contacts, i);
      const char *relationship = text_of (contact, "relationship");
      g_autofree char *who = NULL;
      g_autofree char *label = NULL;

      if (!cf_emergency_contact_is_listed (contact))
        continue;
      number++;

      who = cf_emergency_contact_dup_label (contact, number);
      if (!cf_operation_is_blank (relationship))
        {
          g_autofree char *bare = g_steal_pointer (&who);

          /* Translators: "%1$s" is a person's name, "%2$s" who they are, e.g. “daughter” */
          who = g_strdup_printf (_("%1$s (%2$s)"), bare, relationship);
        }
      /* Translators: easy read: "%u" is the place in the order of calling; a name follows,
       * e.g. “Person 1 to call: Ann Smith” */
      label = g_strdup_printf (_("Person %u to call"), number);
      cf_easy_read_add_line (document, label, who);
      if (!cf_operation_is_blank (text_of (contact, "phone")))
        cf_easy_read_add_line (document, _("Phone"), text_of (contact, "phone"));
      else
        cf_document_add_paragraph (document, _("We do not have their phone number yet."));
      cf_easy_read_add_text (document, _("Can help with"), text_of (contact, "can_help_with"));
      if (!cf_record_get_bool (CF_RECORD (contact), "agreed"))
        cf_document_add_paragraph (document, _("They have not said yes yet."));
    }

  if (number == 0)
    cf_document_add_paragraph (document, _("No one is named yet."));
}

static void
add_easy_cared_for (CfDocument *document,
                    GPtrArray  *cared_for)
{
  guint n = 0;

  for (guint i = 0; cared_for != NULL && i < cared_for->len; i++)
    if (!cf_record_get_deleted (g_ptr_array_index (cared_for, i)) &&
        !cf_operation_is_blank (text_of (g_ptr_array_index (cared_for, i), "name")))
      n++;

  if (n == 0)
    return;

  cf_document_add_heading (document, ngettext ("The person you look after",
                                               "The people you look after", n));
  for (guint i = 0; i < cared_for->len; i++)
    {
      gpointer person = g_ptr_array_index (cared_for, i);
      const char *relationship = text_of (person, "relationship");
      g_autofree char *who = NULL;

      if (cf_record_get_deleted (person) || cf_operation_is_blank (text_of (person, "name")))
        continue;

      if (!cf_operation_is_blank (relationship))
        /* Translators: "%1$s" is a person's name, "%2$s" who they are, e.g. “mother” */
        who = g_strdup_printf (_("%1$s (%2$s)"), text_of (person, "name"), relationship);
      else
        who = g_strdup (text_of (person, "name"));
      /* Translators: easy read: a person's name follows */
      cf_easy_read_add_line (document, _("Name"), who);
    }
}

static CfDocument *
build_easy_read (CfCarer              *carer,
                 CfEmergencyPlan      *plan,
                 GPtrArray            *contacts,
                 GPtrArray            *cared_for,
                 const CfOrganisation *organisation)
{
  g_autofree char *title = dup_title (carer);
  g_autofree char *footer = NULL;
  g_autofree char *agreed = NULL;
  g_autofree char *checked = NULL;
  g_autofree char *due_iso = NULL;
  g_autofree char *due = NULL;
  CfDocument *document = cf_document_new (title);

  /* Translators: %s is a carer's reference number such as CF-1A2B-3C4D */
  footer = g_strdup_printf (_("Reference %s"), text_of (carer, "reference"));
  cf_document_set_footer (document, footer);

  cf_document_add_heading (document, _("What this plan is for"));
  cf_document_add_paragraph (document, _("This plan is for an emergency."));
  cf_document_add_paragraph (document, _("It says who will help if you cannot care."));

  add_easy_contacts (document, contacts);

  cf_document_add_heading (document, _("If nobody can come"));
  if (!cf_operation_is_blank (text_of (plan, "if_none_can_come")))
    /* Translators: easy read: what to do follows */
    cf_easy_read_add_text (document, _("What to do"), text_of (plan, "if_none_can_come"));
  else
    cf_document_add_paragraph (document, _("Not written yet."));

  add_easy_cared_for (document, cared_for);

  cf_document_add_heading (document, _("What helpers need to know"));
  cf_easy_read_add_text (document, _("Medicines"), text_of (plan, "medication"));
  cf_easy_read_add_text (document, _("Where the medicines are"), text_of (plan, "medication_kept"));
  cf_easy_read_add_text (document, _("Daily routine"), text_of (plan, "routines"));
  cf_easy_read_add_text (document, _("Appointments"), text_of (plan, "appointments"));
  cf_easy_read_add_text (document, _("Getting about"), text_of (plan, "mobility"));
  cf_easy_read_add_text (document, _("Talking and listening"), text_of (plan, "communication"));
  cf_easy_read_add_text (document, _("Getting into the home"), text_of (plan, "home_access"));
  cf_easy_read_add_text (document, _("Pets"), text_of (plan, "pets"));
  cf_easy_read_add_text (document, _("Other things"), text_of (plan, "other"));

  cf_document_add_heading (document, _("About this plan"));
  agreed = long_date (text_of (plan, "agreed_on"));
  if (*agreed != '\0')
    /* Translators: easy read: a date follows */
    cf_easy_read_add_line (document, _("Agreed on"), agreed);
  else
    cf_document_add_paragraph (document, _("This plan is not agreed yet."));
  checked = long_date (text_of (plan, "last_checked_on"));
  /* Translators: easy read: a date follows */
  cf_easy_read_add_line (document, _("Last checked"), checked);
  due_iso = check_due (plan);
  if (due_iso != NULL)
    {
      due = long_date (due_iso);
      /* Translators: easy read: a date follows */
      cf_easy_read_add_line (document, _("Check it again by"), due);
    }

  if (organisation != NULL &&
      (!cf_operation_is_blank (organisation->name) || !cf_operation_is_blank (organisation->phone)))
    {
      cf_document_add_heading (document, _("Who to ask for help"));
      /* Translators: easy read: who to call follows, e.g. “Call: Dales Carers” */
      cf_easy_read_add_line (document, C_("easy read", "Call"), organisation->name);
      cf_easy_read_add_line (document, _("Phone"), organisation->phone);
    }

  return document;
}

/**
 * cf_emergency_plan_document_build:
 * @contacts: (element-type CfEmergencyContact) (nullable): the plan's contacts, in order
 * @cared_for: (element-type CfCaredFor) (nullable): the people the carer cares for
 * @organisation: (nullable): who the carer can contact
 * @format: the format the carer needs
 * @language: (nullable): the code of the language to write in; %NULL for the carer's
 *   preferred language where Carefield is translated into it, else English
 *
 * The whole plan, to print and keep by the phone, and to give to the people named in it
 * (DOMAIN.md: "Printable"), in the carer's format and language; what was typed stays as typed.
 *
 * Returns: (transfer full): the document
 */
CfDocument *
cf_emergency_plan_document_build (CfCarer              *carer,
                                  CfEmergencyPlan      *plan,
                                  GPtrArray            *contacts,
                                  GPtrArray            *cared_for,
                                  const CfOrganisation *organisation,
                                  CfDocumentFormat      format,
                                  const char           *language)
{
  g_autofree char *chosen = NULL;
  CfLanguageScope scope = { 0 };
  CfDocument *document;

  g_return_val_if_fail (CF_IS_CARER (carer), NULL);
  g_return_val_if_fail (CF_IS_EMERGENCY_PLAN (plan), NULL);
  g_return_val_if_fail (format < CF_DOCUMENT_N_FORMATS, NULL);

  if (language == NULL)
    language = chosen = cf_language_choose (text_of (carer, "preferred_language"), NULL);

  cf_language_scope_begin (&scope, language);
  if (format == CF_DOCUMENT_FORMAT_EASY_READ)
    document = build_easy_read (carer, plan, contacts, cared_for, organisation);
  else
    document = build_standard (carer, plan, contacts, cared_for, organisation);
  cf_language_scope_end (&scope);

  cf_document_set_language (document, language);
  cf_document_set_format (document, format);

  return document;
}

/**
 * cf_emergency_card_build:
 *
 * The card the carer keeps in their purse or wallet. DOMAIN.md: it carries a reference number
 * and a phone number only, never personal data: a lost card must tell a stranger nothing about
 * the carer or the person they care for. So it is built from those two values alone, with
 * fixed words around them.
 *
 * Returns: (transfer full): the document
 */
CfDocument *
cf_emergency_card_build (CfCarer         *carer,
                         CfEmergencyPlan *plan)
{
  const char *reference;
  const char *phone;
  g_autofree char *sentence = NULL;
  g_autofree char *footer = NULL;
  CfDocument *document;

  g_return_val_if_fail (CF_IS_CARER (carer), NULL);
  g_return_val_if_fail (CF_IS_EMERGENCY_PLAN (plan), NULL);

  reference = text_of (carer, "reference");
  phone = text_of (plan, "card_phone");

  document = cf_document_new (_("Carer’s emergency card"));
  cf_document_set_language (document, "en");
  /* Translators: %s is a carer's reference number such as CF-1A2B-3C4D */
  footer = g_strdup_printf (_("Reference %s"), reference);
  cf_document_set_footer (document, footer);

  cf_document_add_paragraph (document,
                             _("I look after someone who depends on me. If I am taken ill or "
                               "have an accident, please make sure they are not left alone."));
  /* Translators: "%1$s" is a phone number, "%2$s" a reference number such as CF-1A2B-3C4D */
  sentence = g_strdup_printf (_("In an emergency call %1$s and quote %2$s."), phone, reference);
  cf_document_add_paragraph (document, sentence);
  cf_document_add_field (document, _("Phone"), phone);
  cf_document_add_field (document, _("Reference"), reference);

  return document;
}
