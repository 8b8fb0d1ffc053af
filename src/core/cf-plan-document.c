/* cf-plan-document.c: the support plan as the carer is given it
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Care Act 2014 s.25(9) and DOMAIN.md, "Support plan and personal budget": the carer is given
 * a copy of their plan, stating everything s.25(1) says a plan states, in the format they need
 * (DOMAIN.md, "Information, consent": standard, large print or easy read) and in their own
 * language where Carefield has it. Large print is the standard words printed larger; easy
 * read is its own words (cf-easy-read.c).
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-dates.h"
#include "cf-easy-read.h"
#include "cf-language.h"
#include "cf-money.h"
#include "cf-operation-private.h"
#include "cf-plans.h"

static void
add_field_if_set (CfDocument *document,
                  const char *label,
                  const char *value)
{
  if (value != NULL && *value != '\0')
    cf_document_add_field (document, label, value);
}

static void
add_money (CfDocument *document,
           const char *label,
           gint64      pence)
{
  g_autofree char *shown = cf_money_format (pence);

  cf_document_add_field (document, label, shown);
}

static void
add_date_if_set (CfDocument *document,
                 const char *label,
                 const char *stored)
{
  g_autofree char *shown = NULL;

  if (stored == NULL || *stored == '\0')
    return;

  shown = cf_date_to_user (stored);
  cf_document_add_field (document, label, shown);
}

static char *
dup_title (CfCarer *carer)
{
  const char *name = cf_record_get_text (CF_RECORD (carer), "preferred_name");

  if (*name == '\0')
    name = cf_record_get_text (CF_RECORD (carer), "given_name");

  /* Translators: %s is the carer's name */
  return g_strdup_printf (_("Your support plan — %s"), name);
}

/* The standard words, for standard and large print. */
static CfDocument *
build_standard (CfCarer              *carer,
                CfPlan               *plan,
                GPtrArray            *needs,
                GPtrArray            *actions,
                const char           *next_review,
                const CfOrganisation *organisation)
{
  CfRecord *carer_record = CF_RECORD (carer);
  CfRecord *record = CF_RECORD (plan);
  g_autofree char *title = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *version = NULL;
  CfDocument *document;
  gint64 council;
  gboolean any_action = FALSE;

  title = dup_title (carer);
  document = cf_document_new (title);
  /* Translators: %s is the carer's reference, such as CF-1A2B-3C4D */
  footer = g_strdup_printf (_("Reference %s"), cf_record_get_text (carer_record, "reference"));
  cf_document_set_footer (document, footer);

  /* Translators: %lld is the plan's version number */
  version = g_strdup_printf (_("Version %lld"), (long long) cf_record_get_int (record, "number"));
  cf_document_add_field (document, _("Plan"), version);
  if (g_str_equal (cf_record_get_text (record, "status"), CF_PLAN_DRAFT))
    cf_document_add_paragraph (document, _("This plan is a draft. It has not been agreed yet."));
  add_date_if_set (document, _("Agreed on"), cf_record_get_text (record, "agreed_on"));
  add_field_if_set (document, _("Why it changed"), cf_record_get_text (record, "change_reason"));

  cf_document_add_heading (document, _("What you want to achieve"));
  cf_document_add_paragraph (document, cf_record_get_text (record, "outcomes"));

  cf_document_add_heading (document, _("Your needs and how they will be met"));
  for (guint i = 0; needs != NULL && i < needs->len; i++)
    {
      CfRecord *need = g_ptr_array_index (needs, i);

      if (cf_record_get_deleted (need))
        continue;

      cf_document_add_bullet (document, cf_record_get_text (need, "need"));
      add_field_if_set (document, _("Eligible"),
                        cf_choices_label (cf_need_eligibility,
                                          cf_record_get_text (need, "eligibility")));
      add_field_if_set (document, _("How far"), cf_record_get_text (need, "how_far"));
      add_field_if_set (document, _("How it will be met"),
                        cf_choices_label (cf_plan_ways, cf_record_get_text (need, "met_by")));
      add_field_if_set (document, _("What this means"), cf_record_get_text (need, "how"));
      add_field_if_set (document, _("What you want from it"), cf_record_get_text (need, "outcome"));
    }

  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      CfRecord *action = g_ptr_array_index (actions, i);
      g_autofree char *due = NULL;
      g_autofree char *line = NULL;

      if (cf_record_get_deleted (action) ||
          cf_operation_is_blank (cf_record_get_text (action, "what")))
        continue;

      if (!any_action)
        cf_document_add_heading (document, _("Who will do what"));
      any_action = TRUE;

      due = cf_date_to_user (cf_record_get_text (action, "due_on"));
      if (*due != '\0')
        /* Translators: %1$s is who, %2$s what they will do, %3$s by when (a date) */
        line = g_strdup_printf (_("%1$s: %2$s, by %3$s"), cf_record_get_text (action, "who"),
                                cf_record_get_text (action, "what"), due);
      else
        /* Translators: %1$s is who, %2$s what they will do */
        line = g_strdup_printf (_("%1$s: %2$s"), cf_record_get_text (action, "who"),
                                cf_record_get_text (action, "what"));
      cf_document_add_bullet (document, line);
    }

  /* s.26: the personal budget. */
  cf_document_add_heading (document, _("Your personal budget"));
  add_money (document, _("Cost of meeting your needs"), cf_record_get_int (record, "cost_pence"));
  add_money (document, _("Your contribution"),
             cf_record_get_int (record, "carer_contribution_pence"));
  council = cf_plan_get_council_contribution (plan);
  if (council >= 0)
    add_money (document, _("The council’s contribution"), council);

  if (cf_record_get_int (record, "breaks_short_notice") > 0 ||
      cf_record_get_int (record, "breaks_day") > 0 ||
      cf_record_get_int (record, "breaks_long") > 0)
    {
      const char *fields[] = { "breaks_short_notice", "breaks_day", "breaks_long" };

      cf_document_add_heading (document, _("Breaks planned"));
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          g_autofree char *count = g_strdup_printf ("%lld",
                                                    (long long) cf_record_get_int (record,
                                                                                   fields[i]));

          cf_document_add_field (document, _(cf_break_kinds[i].label), count);
        }
    }

  if (!cf_operation_is_blank (cf_record_get_text (record, "prevention_advice")))
    {
      cf_document_add_heading (document, _("Advice to stop things getting harder"));
      cf_document_add_paragraph (document, cf_record_get_text (record, "prevention_advice"));
    }

  cf_document_add_heading (document, _("Looking at your plan again"));
  cf_document_add_paragraph (document,
                             _("We will look at this plan with you again. You can ask for that "
                               "sooner at any time, for example if something changes."));
  add_field_if_set (document, _("Next review"), next_review);

  if (organisation != NULL && organisation->phone != NULL && *organisation->phone != '\0')
    {
      g_autofree char *contact = NULL;

      /* Translators: %1$s is an organisation's name, %2$s its phone number */
      contact = g_strdup_printf (_("To talk about your plan, call %1$s on %2$s."),
                                 organisation->name != NULL && *organisation->name != '\0'
                                   ? organisation->name : _("us"),
                                 organisation->phone);
      cf_document_add_paragraph (document, contact);
    }

  return document;
}

/* Easy read ----------------------------------------------------------------------------- */

static void
add_easy_money (CfDocument *document,
                const char *label,
                gint64      pence)
{
  g_autofree char *shown = cf_money_format (pence);

  cf_easy_read_add_line (document, label, shown);
}

static const char *
easy_eligibility (const char *eligibility)
{
  if (g_str_equal (eligibility, "eligible"))
    /* Translators: easy read: whether we can help with a need */
    return C_("easy read", "Yes");
  if (g_str_equal (eligibility, "partly"))
    /* Translators: easy read: whether we can help with a need */
    return C_("easy read", "Partly");
  if (g_str_equal (eligibility, "not-eligible"))
    /* Translators: easy read: whether we can help with a need */
    return C_("easy read", "No");

  return NULL;
}

static void
add_easy_needs (CfDocument *document,
                GPtrArray  *needs)
{
  gboolean any = FALSE;

  cf_document_add_heading (document, _("Your needs and the help you will get"));
  for (guint i = 0; needs != NULL && i < needs->len; i++)
    {
      CfRecord *need = g_ptr_array_index (needs, i);

      if (cf_record_get_deleted (need))
        continue;

      any = TRUE;
      /* Translators: easy read: one thing the carer needs help with follows */
      cf_easy_read_add_text (document, C_("easy read", "Need"), cf_record_get_text (need, "need"));
      cf_easy_read_add_line (document, _("We can help with this"),
                             easy_eligibility (cf_record_get_text (need, "eligibility")));
      /* Translators: easy read: how a need will be met follows, e.g. “A break” */
      cf_easy_read_add_line (document, C_("easy read", "Help"),
                             cf_choices_label (cf_plan_ways, cf_record_get_text (need, "met_by")));
      cf_easy_read_add_text (document, _("What this means"), cf_record_get_text (need, "how"));
      cf_easy_read_add_text (document, _("What you want from it"),
                             cf_record_get_text (need, "outcome"));
    }

  if (!any)
    cf_document_add_paragraph (document, _("No needs are written in the plan yet."));
}

static void
add_easy_actions (CfDocument *document,
                  GPtrArray  *actions)
{
  gboolean any = FALSE;

  for (guint i = 0; actions != NULL && i < actions->len; i++)
    {
      CfRecord *action = g_ptr_array_index (actions, i);
      g_autofree char *due = NULL;

      if (cf_record_get_deleted (action) ||
          cf_operation_is_blank (cf_record_get_text (action, "what")))
        continue;

      if (!any)
        cf_document_add_heading (document, _("Who will do what"));
      any = TRUE;

      due = cf_easy_read_date (cf_record_get_text (action, "due_on"));
      /* Translators: easy read: who will do something follows, e.g. “Who: Sam” */
      cf_easy_read_add_line (document, C_("easy read", "Who"), cf_record_get_text (action, "who"));
      /* Translators: easy read: what someone will do follows */
      cf_easy_read_add_text (document, C_("easy read", "What"),
                             cf_record_get_text (action, "what"));
      /* Translators: easy read: the date something will be done by follows */
      cf_easy_read_add_line (document, C_("easy read", "By"), due);
    }
}

static void
add_easy_breaks (CfDocument *document,
                 CfRecord   *record)
{
  const struct
  {
    const char *field;
    const char *label;
  } kinds[] = {
    { "breaks_short_notice", _("Breaks at short notice") },
    { "breaks_day", _("Breaks of up to a day") },
    { "breaks_long", _("Breaks of more than a day") },
  };
  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gint64 count = cf_record_get_int (record, kinds[i].field);
      g_autofree char *shown = NULL;

      if (count <= 0)
        continue;

      if (!any)
        cf_document_add_heading (document, _("Breaks"));
      any = TRUE;
      shown = g_strdup_printf ("%" G_GINT64_FORMAT, count);
      cf_easy_read_add_line (document, kinds[i].label, shown);
    }
}

static CfDocument *
build_easy_read (CfCarer              *carer,
                 CfPlan               *plan,
                 GPtrArray            *needs,
                 GPtrArray            *actions,
                 const char           *next_review,
                 const CfOrganisation *organisation)
{
  CfRecord *record = CF_RECORD (plan);
  g_autofree char *title = dup_title (carer);
  g_autofree char *footer = NULL;
  g_autofree char *name = cf_carer_dup_display_name (carer);
  g_autofree char *number = NULL;
  g_autofree char *agreed = NULL;
  CfDocument *document = cf_document_new (title);
  gint64 council;

  /* Translators: %s is the carer's reference, such as CF-1A2B-3C4D */
  footer = g_strdup_printf (_("Reference %s"), cf_record_get_text (CF_RECORD (carer), "reference"));
  cf_document_set_footer (document, footer);

  cf_document_add_heading (document, _("About your plan"));
  /* Translators: easy read: the carer's name follows */
  cf_easy_read_add_line (document, _("Your name"), name);
  cf_easy_read_add_cared_for (document, carer);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, cf_record_get_int (record, "number"));
  /* Translators: easy read: the plan's version number follows */
  cf_easy_read_add_line (document, _("Plan number"), number);
  if (g_str_equal (cf_record_get_text (record, "status"), CF_PLAN_DRAFT))
    cf_document_add_paragraph (document, _("This plan is not agreed yet."));
  agreed = cf_easy_read_date (cf_record_get_text (record, "agreed_on"));
  /* Translators: easy read: a date follows */
  cf_easy_read_add_line (document, _("We agreed it on"), agreed);
  cf_easy_read_add_text (document, _("Why it changed"),
                         cf_record_get_text (record, "change_reason"));

  cf_document_add_heading (document, _("What you want"));
  if (!cf_operation_is_blank (cf_record_get_text (record, "outcomes")))
    /* Translators: easy read: what the carer wants to achieve follows */
    cf_easy_read_add_text (document, _("You want"), cf_record_get_text (record, "outcomes"));
  else
    cf_document_add_paragraph (document, _("Not written yet."));

  add_easy_needs (document, needs);
  add_easy_actions (document, actions);

  cf_document_add_heading (document, _("Money"));
  /* Translators: easy read: an amount of money follows */
  add_easy_money (document, _("Your support costs"), cf_record_get_int (record, "cost_pence"));
  /* Translators: easy read: an amount of money follows */
  add_easy_money (document, _("You pay"), cf_record_get_int (record, "carer_contribution_pence"));
  council = cf_plan_get_council_contribution (plan);
  if (council >= 0)
    /* Translators: easy read: an amount of money follows */
    add_easy_money (document, _("The council pays"), council);

  add_easy_breaks (document, record);

  if (!cf_operation_is_blank (cf_record_get_text (record, "prevention_advice")))
    {
      cf_document_add_heading (document, _("Staying well"));
      /* Translators: easy read: advice on staying well follows */
      cf_easy_read_add_text (document, _("Our advice"),
                             cf_record_get_text (record, "prevention_advice"));
    }

  cf_document_add_heading (document, _("Looking at your plan again"));
  cf_document_add_paragraph (document, _("We will look at your plan with you again."));
  cf_document_add_paragraph (document, _("You can ask us to do this sooner."));
  /* Translators: easy read: when the plan is next looked at follows */
  cf_easy_read_add_line (document, _("Next time"), next_review);
  if (organisation != NULL)
    {
      /* Translators: easy read: who to call follows, e.g. “Call: Dales Carers” */
      cf_easy_read_add_line (document, C_("easy read", "Call"), organisation->name);
      cf_easy_read_add_line (document, _("Phone"), organisation->phone);
    }

  return document;
}

/**
 * cf_plan_document_build:
 * @needs: (element-type CfPlanNeed):
 * @actions: (element-type CfPlanAction):
 * @next_review: (nullable): when the plan is next reviewed, in words
 * @organisation: (nullable): who to contact
 * @format: the format the carer needs
 * @language: (nullable): the code of the language to write in; %NULL for the carer's
 *   preferred language where Carefield is translated into it, else English
 *
 * The support plan as the carer is given it (s.25(9)), addressed to them, with everything
 * s.25(1) says a plan states, in their format and language; what the worker typed stays as
 * typed.
 *
 * Returns: (transfer full): the document
 */
CfDocument *
cf_plan_document_build (CfCarer              *carer,
                        CfPlan               *plan,
                        GPtrArray            *needs,
                        GPtrArray            *actions,
                        const char           *next_review,
                        const CfOrganisation *organisation,
                        CfDocumentFormat      format,
                        const char           *language)
{
  g_autofree char *chosen = NULL;
  CfLanguageScope scope = { 0 };
  CfDocument *document;

  g_return_val_if_fail (CF_IS_CARER (carer), NULL);
  g_return_val_if_fail (CF_IS_PLAN (plan), NULL);
  g_return_val_if_fail (format < CF_DOCUMENT_N_FORMATS, NULL);

  if (language == NULL)
    language = chosen = cf_language_choose (cf_record_get_text (CF_RECORD (carer),
                                                                "preferred_language"), NULL);

  cf_language_scope_begin (&scope, language);
  if (format == CF_DOCUMENT_FORMAT_EASY_READ)
    document = build_easy_read (carer, plan, needs, actions, next_review, organisation);
  else
    document = build_standard (carer, plan, needs, actions, next_review, organisation);
  cf_language_scope_end (&scope);

  cf_document_set_language (document, language);
  cf_document_set_format (document, format);

  return document;
}
