/* cf-written-record.c: the written record of an assessment and its decision
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Care Act 2014 s.13(1)-(3) and DOMAIN.md, "Eligibility": the carer is given a written record
 * of the determination and the reasons for it; where none of their needs is eligible, it also
 * says what can be done to prevent or delay needs and where to get help (s.2, s.4). It is
 * written to the carer, in plain words, and built here as a document so that printing, PDF
 * and any later format read the same words.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-dates.h"
#include "cf-language.h"
#include "cf-written-record.h"

static void
add_field_if_set (CfDocument *document,
                  const char *label,
                  const char *value)
{
  if (value != NULL && *value != '\0')
    cf_document_add_field (document, label, value);
}

static const char *
decision_sentence (const char *decision)
{
  if (g_str_equal (decision, CF_DECISION_ELIGIBLE))
    return _("You have needs as a carer that are eligible for support.");
  if (g_str_equal (decision, CF_DECISION_NOT_ELIGIBLE))
    return _("Your needs as a carer do not meet the national eligibility criteria at the "
             "moment. You can still have information, advice and support to stop things "
             "getting harder.");
  if (g_str_equal (decision, CF_DECISION_LIKELY_ELIGIBLE))
    return _("When you become an adult carer, your needs are likely to be eligible for "
             "support.");
  if (g_str_equal (decision, CF_DECISION_LIKELY_NOT_ELIGIBLE))
    return _("When you become an adult carer, your needs are not likely to be eligible for "
             "support. You can still have information and advice.");

  return _("No decision has been made yet.");
}

static const char *
condition_state_word (CfConditionState state)
{
  switch (state)
    {
    case CF_CONDITION_MET:
      /* Translators: an eligibility condition is met */
      return _("Met");
    case CF_CONDITION_NOT_MET:
      return _("Not met");
    case CF_CONDITION_UNANSWERED:
    default:
      return _("Not yet known");
    }
}

static void
add_answer (CfDocument   *document,
            CfAssessment *assessment,
            const char   *question,
            const char   *label)
{
  add_field_if_set (document, label, cf_assessment_get_answer (assessment, question));
}

static void
add_told_us (CfDocument   *document,
             CfAssessment *assessment)
{
  cf_document_add_heading (document, _("What you told us"));
  add_answer (document, assessment, "caring.role", _("The care you give"));
  add_answer (document, assessment, "fluctuation.good_days", _("A good day"));
  add_answer (document, assessment, "fluctuation.bad_days", _("A bad day"));
  add_answer (document, assessment, "health.notes", _("Your health"));
  add_answer (document, assessment, "matters.what_matters", _("What matters to you"));
  add_answer (document, assessment, "matters.outcomes_wanted", _("What you would like to change"));
  add_answer (document, assessment, "work.wished", _("Work, learning and leisure you would like"));
  add_answer (document, assessment, "strengths.notes", _("Who and what helps you"));
}

static void
add_outcomes_and_wellbeing (CfDocument    *document,
                            CfAssessment  *assessment,
                            CfEligibility *eligibility)
{
  GStrv unable = cf_eligibility_get_unable_outcomes (eligibility);
  gboolean any_significant = FALSE;

  if (unable != NULL && unable[0] != NULL)
    {
      cf_document_add_heading (document, _("Things caring makes you unable to do"));
      for (guint i = 0; unable[i] != NULL; i++)
        {
          g_autofree char *key = g_strdup_printf ("outcome.%s.reason", unable[i]);
          const char *reason = cf_assessment_get_answer (assessment, key);
          const char *outcome = cf_choices_label (cf_reg3_outcomes, unable[i]);

          if (cf_choices_find (cf_unable_reasons, reason) >= 0)
            {
              /* Translators: "%1$s" is an outcome, "%2$s" why the carer can't achieve it */
              g_autofree char *line = g_strdup_printf (_("%1$s: %2$s"), outcome,
                                                       cf_choices_label (cf_unable_reasons,
                                                                         reason));
              cf_document_add_bullet (document, line);
            }
          else
            cf_document_add_bullet (document, outcome);
        }
    }

  for (guint i = 0; cf_wellbeing_areas[i].id != NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("wellbeing.%s.impact", cf_wellbeing_areas[i].id);

      if (!g_str_equal (cf_assessment_get_answer (assessment, key), "significant"))
        continue;

      if (!any_significant)
        cf_document_add_heading (document, _("Where caring has a big effect on your wellbeing"));
      any_significant = TRUE;
      cf_document_add_bullet (document, cf_choices_label (cf_wellbeing_areas,
                                                          cf_wellbeing_areas[i].id));
    }
}

static void
add_prevention (CfDocument           *document,
                const CfOrganisation *organisation)
{
  /* s.13(3)(b) with s.2: advice on what can be done to prevent or delay needs. */
  cf_document_add_heading (document, _("Help to stop things getting harder"));
  cf_document_add_paragraph (document,
                             _("Even though you are not eligible for support now, help is "
                               "there. These can make caring easier and help you stay well:"));
  cf_document_add_bullet (document, _("Time for yourself: ask us about short breaks, carers’ "
                                      "groups and activities near you."));
  cf_document_add_bullet (document, _("Your own health: tell your GP you are a carer. You may "
                                      "be offered a health check and a flu jab."));
  cf_document_add_bullet (document, _("Money: a benefits check can tell you whether you can "
                                      "get Carer’s Allowance or other help."));
  cf_document_add_bullet (document, _("Planning ahead: an emergency plan says who would step "
                                      "in if you could not care."));
  cf_document_add_bullet (document, _("Equipment and technology, such as alarms and "
                                      "reminders, can make daily care safer."));
  cf_document_add_paragraph (document,
                             _("If things change, for you or the person you care for, ask for "
                               "a new assessment at any time."));

  cf_document_add_heading (document, _("Where to get help"));
  if (organisation != NULL && organisation->name != NULL && *organisation->name != '\0')
    {
      add_field_if_set (document, _("Contact"), organisation->name);
      add_field_if_set (document, _("Phone"), organisation->phone);
    }
  else
    cf_document_add_paragraph (document,
                               _("Ask the person who assessed you about help near you: carers’ "
                                 "groups, breaks and advice."));
}

/**
 * cf_written_record_build:
 * @organisation: (nullable): who the carer can contact
 *
 * Returns: (transfer full): the written record, addressed to the carer
 */
CfDocument *
cf_written_record_build (CfCarer              *carer,
                         CfAssessment         *assessment,
                         const CfOrganisation *organisation)
{
  CfRecord *record = CF_RECORD (assessment);
  CfRecord *carer_record = CF_RECORD (carer);
  g_autoptr(CfEligibility) eligibility = NULL;
  g_autofree char *name = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *date = NULL;
  g_autofree char *signoff_on = NULL;
  const char *decision;
  const char *reference;
  const char *decided_by;
  CfDocument *document;

  g_return_val_if_fail (CF_IS_CARER (carer), NULL);
  g_return_val_if_fail (CF_IS_ASSESSMENT (assessment), NULL);

  eligibility = cf_assessment_evaluate (assessment);
  name = cf_carer_dup_display_name (carer);
  reference = cf_record_get_text (carer_record, "reference");
  decision = cf_record_get_text (record, "decision");
  decided_by = cf_record_get_text (record, "decided_by");
  date = cf_date_to_user (cf_record_get_text (record, "assessed_on"));

  document = cf_document_new (_("Your carer’s assessment and our decision"));
  /* Translators: %s is a carer's reference number such as CF-1A2B-3C4D */
  footer = g_strdup_printf (_("Reference %s"), reference);
  cf_document_set_footer (document, footer);

  cf_document_add_field (document, _("Name"), name);
  add_field_if_set (document, _("Reference"), reference);
  add_field_if_set (document, _("Assessment"),
                    cf_choices_label (cf_assessment_kinds, cf_assessment_get_kind (assessment)));
  add_field_if_set (document, _("Date"), date);
  add_field_if_set (document, _("How"),
                    cf_choices_label (cf_assessment_modes, cf_record_get_text (record, "mode")));
  add_field_if_set (document, _("Assessed by"), cf_record_get_text (record, "assessor"));
  add_field_if_set (document, _("Also involved"), cf_record_get_text (record, "people_involved"));

  cf_document_add_heading (document, _("The decision"));
  cf_document_add_paragraph (document, decision_sentence (decision));
  if (*decision != '\0')
    cf_document_add_field (document, _("Decision"), cf_decision_get_label (decision));
  if (cf_assessment_decision_differs (assessment, eligibility))
    add_field_if_set (document, _("Why we decided this"),
                      cf_record_get_text (record, "decision_reason"));
  if (cf_choices_find (cf_decided_by, decided_by) >= 0)
    cf_document_add_field (document, _("Decided by"),
                           cf_choices_label (cf_decided_by, decided_by));
  signoff_on = cf_date_to_user (cf_record_get_text (record, "council_signoff_on"));
  add_field_if_set (document, _("Agreed for the council by"),
                    cf_record_get_text (record, "council_signoff_by"));
  add_field_if_set (document, _("Agreed on"), signoff_on);

  /* Reg 3(1): the three conditions, each with its reason, so the carer can see why. */
  cf_document_add_heading (document, _("The reasons"));
  cf_document_add_paragraph (document,
                             _("The law says a carer is eligible when all three of these are "
                               "true:"));
  for (CfCondition c = 0; c < CF_N_CONDITIONS; c++)
    {
      /* Translators: "%1$s" is a condition, "%2$s" met or not, "%3$s" the reason */
      g_autofree char *line = g_strdup_printf (_("%1$s — %2$s. %3$s"),
                                               cf_condition_get_title (c),
                                               condition_state_word (
                                                 cf_eligibility_get_condition (eligibility, c)),
                                               cf_eligibility_get_reason (eligibility, c));

      cf_document_add_bullet (document, line);
    }

  add_outcomes_and_wellbeing (document, assessment, eligibility);
  add_told_us (document, assessment);

  if (g_str_equal (decision, CF_DECISION_NOT_ELIGIBLE) ||
      g_str_equal (decision, CF_DECISION_LIKELY_NOT_ELIGIBLE))
    add_prevention (document, organisation);
  else if (*decision != '\0')
    {
      cf_document_add_heading (document, _("What happens next"));
      cf_document_add_paragraph (document,
                                 _("We will agree a support plan with you: what support you "
                                   "will have, and how it will help with the things that "
                                   "matter to you."));
    }

  cf_document_add_heading (document, _("If you disagree"));
  cf_document_add_paragraph (document,
                             _("You can ask us to look at this decision again, or make a "
                               "complaint. Tell your worker, or contact us."));
  if (organisation != NULL && !g_str_equal (decision, CF_DECISION_NOT_ELIGIBLE) &&
      !g_str_equal (decision, CF_DECISION_LIKELY_NOT_ELIGIBLE))
    {
      add_field_if_set (document, _("Contact"), organisation->name);
      add_field_if_set (document, _("Phone"), organisation->phone);
    }

  return document;
}

/**
 * cf_written_record_build_for_carer:
 * @language_out: (out) (optional) (transfer full): the code of the language it is written in
 * @untranslated_out: (out) (optional) (transfer full) (nullable): the code of the carer's
 *   preferred language when Carefield has no translation into it, so the worker can say so
 *
 * The written record in the carer's preferred language where Carefield is translated into it,
 * and in English otherwise (issue: "in the carer's preferred language where translated").
 * What the worker typed stays as typed.
 *
 * Returns: (transfer full): the written record
 */
CfDocument *
cf_written_record_build_for_carer (CfCarer              *carer,
                                   CfAssessment         *assessment,
                                   const CfOrganisation *organisation,
                                   char                **language_out,
                                   char                **untranslated_out)
{
  g_autofree char *wanted = NULL;
  const char *language = "en";
  CfLanguageScope scope = { 0 };
  CfDocument *document;

  g_return_val_if_fail (CF_IS_CARER (carer), NULL);
  g_return_val_if_fail (CF_IS_ASSESSMENT (assessment), NULL);

  wanted = cf_language_code_for (cf_record_get_text (CF_RECORD (carer), "preferred_language"));
  if (wanted != NULL && cf_language_is_translated (wanted))
    language = wanted;

  cf_language_scope_begin (&scope, language);
  document = cf_written_record_build (carer, assessment, organisation);
  cf_language_scope_end (&scope);
  cf_document_set_language (document, language);

  if (language_out != NULL)
    *language_out = g_strdup (language);
  if (untranslated_out != NULL)
    *untranslated_out = wanted != NULL && language != wanted ? g_strdup (wanted) : NULL;

  return document;
}
