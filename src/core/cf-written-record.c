/* cf-written-record.c: the written record of an assessment and its decision
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Care Act 2014 s.13(1)-(3) and DOMAIN.md, "Eligibility": the carer is given a written record
 * of the determination and the reasons for it; where none of their needs is eligible, it also
 * says what can be done to prevent or delay needs and where to get help (s.2, s.4). It is
 * written to the carer, in plain words, and built here as a document so that printing and PDF
 * read the same words, in the carer's format (standard, large print or easy read: DOMAIN.md,
 * "Information, consent") and language.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-dates.h"
#include "cf-easy-read.h"
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

/* The standard words, for standard and large print. */
static CfDocument *
build_standard (CfCarer              *carer,
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

/* Easy read ----------------------------------------------------------------------------- */

static void
add_easy_decision (CfDocument *document,
                   const char *decision)
{
  if (g_str_equal (decision, CF_DECISION_ELIGIBLE))
    cf_document_add_paragraph (document, _("You can get support from us."));
  else if (g_str_equal (decision, CF_DECISION_NOT_ELIGIBLE))
    {
      cf_document_add_paragraph (document, _("You cannot get support from us now."));
      cf_document_add_paragraph (document, _("You can still get help and advice."));
    }
  else if (g_str_equal (decision, CF_DECISION_LIKELY_ELIGIBLE))
    cf_document_add_paragraph (document, _("When you are an adult carer, you will probably get "
                                           "support."));
  else if (g_str_equal (decision, CF_DECISION_LIKELY_NOT_ELIGIBLE))
    {
      cf_document_add_paragraph (document, _("When you are an adult carer, you will probably "
                                             "not get support."));
      cf_document_add_paragraph (document, _("You can still get advice."));
    }
  else
    cf_document_add_paragraph (document, _("We have not decided yet."));
}

/* The three things reg 3(1) asks, in plain words, without naming the regulation. */
static const char *
easy_condition (CfCondition condition)
{
  switch (condition)
    {
    case CF_CONDITION_NECESSARY_CARE:
      return _("You give care that the person needs");
    case CF_CONDITION_HEALTH_OR_OUTCOMES:
      return _("Caring affects your health or daily life");
    case CF_CONDITION_WELLBEING:
      return _("This has a big effect on your wellbeing");
    case CF_N_CONDITIONS:
    default:
      g_return_val_if_reached ("");
    }
}

static const char *
easy_condition_state (CfConditionState state)
{
  switch (state)
    {
    case CF_CONDITION_MET:
      /* Translators: easy read: an answer to one of the three things we looked at */
      return C_("easy read", "Yes");
    case CF_CONDITION_NOT_MET:
      /* Translators: easy read: an answer to one of the three things we looked at */
      return C_("easy read", "No");
    case CF_CONDITION_UNANSWERED:
    default:
      return _("We do not know yet");
    }
}

/* Reg 3(2)'s outcomes and s.1's wellbeing areas in plain words, by id; an id without one is
 * shown with its usual words. */
static const CfChoice easy_outcomes[] = {
  { "child-care", N_("Looking after a child") },
  { "other-care", N_("Caring for other people") },
  { "home", N_("Keeping your home clean and safe") },
  { "nutrition", N_("Eating well") },
  { "relationships", N_("Seeing family and friends") },
  { "work", N_("Work, study or volunteering") },
  { "community", N_("Going to shops and services") },
  { "recreation", N_("Doing things you enjoy") },
  { NULL }
};

static const CfChoice easy_wellbeing[] = {
  { "dignity", N_("Being treated with respect") },
  { "health", N_("Your health and feelings") },
  { "protection", N_("Being safe from harm") },
  { "control", N_("Having a say in your day") },
  { "participation", N_("Work, learning and free time") },
  { "social-economic", N_("Money and friends") },
  { "relationships", N_("Family and friends") },
  { "accommodation", N_("Your home") },
  { "contribution", N_("Doing things for other people") },
  { NULL }
};

static const char *
easy_label (const CfChoice *easy,
            const CfChoice *usual,
            const char     *id)
{
  return cf_choices_find (easy, id) >= 0 ? cf_choices_label (easy, id)
                                         : cf_choices_label (usual, id);
}

static void
add_easy_effects (CfDocument    *document,
                  CfAssessment  *assessment,
                  CfEligibility *eligibility)
{
  GStrv unable = cf_eligibility_get_unable_outcomes (eligibility);
  gboolean any_significant = FALSE;

  if (unable != NULL && unable[0] != NULL)
    {
      cf_document_add_heading (document, _("Things caring makes hard"));
      for (guint i = 0; unable[i] != NULL; i++)
        cf_document_add_paragraph (document, easy_label (easy_outcomes, cf_reg3_outcomes,
                                                         unable[i]));
    }

  for (guint i = 0; cf_wellbeing_areas[i].id != NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("wellbeing.%s.impact", cf_wellbeing_areas[i].id);

      if (!g_str_equal (cf_assessment_get_answer (assessment, key), "significant"))
        continue;

      if (!any_significant)
        cf_document_add_heading (document, _("Where caring affects you most"));
      any_significant = TRUE;
      cf_document_add_paragraph (document, easy_label (easy_wellbeing, cf_wellbeing_areas,
                                                       cf_wellbeing_areas[i].id));
    }
}

static void
add_easy_told_us (CfDocument   *document,
                  CfAssessment *assessment)
{
  const struct
  {
    const char *question;
    const char *label;
  } answers[] = {
    { "caring.role", _("Your caring") },
    { "fluctuation.good_days", _("A good day") },
    { "fluctuation.bad_days", _("A bad day") },
    { "health.notes", _("Your health") },
    { "matters.what_matters", _("What matters to you") },
    { "matters.outcomes_wanted", _("What you want to change") },
    { "work.wished", _("What you would like to do") },
    { "strengths.notes", _("Who helps you") },
  };

  gboolean any = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_auto(GStrv) sentences =
        cf_easy_read_split_sentences (cf_assessment_get_answer (assessment,
                                                                answers[i].question));

      if (sentences[0] == NULL)
        continue;
      /* A heading only over something: nothing may have been written down. */
      if (!any)
        cf_document_add_heading (document, _("What you told us"));
      any = TRUE;
      cf_easy_read_add_text (document, answers[i].label,
                             cf_assessment_get_answer (assessment, answers[i].question));
    }
}

static CfDocument *
build_easy_read (CfCarer              *carer,
                 CfAssessment         *assessment,
                 const CfOrganisation *organisation)
{
  CfRecord *record = CF_RECORD (assessment);
  g_autoptr(CfEligibility) eligibility = cf_assessment_evaluate (assessment);
  g_autofree char *name = cf_carer_dup_display_name (carer);
  g_autofree char *footer = NULL;
  g_autofree char *date = NULL;
  const char *decision = cf_record_get_text (record, "decision");
  const char *decided_by = cf_record_get_text (record, "decided_by");
  CfDocument *document = cf_document_new (_("Your carer’s assessment"));

  /* Translators: %s is a carer's reference number such as CF-1A2B-3C4D */
  footer = g_strdup_printf (_("Reference %s"), cf_record_get_text (CF_RECORD (carer), "reference"));
  cf_document_set_footer (document, footer);

  cf_document_add_heading (document, _("About you"));
  /* Translators: easy read: the carer's name follows */
  cf_easy_read_add_line (document, _("Your name"), name);
  cf_easy_read_add_cared_for (document, carer);
  date = cf_easy_read_date (cf_record_get_text (record, "assessed_on"));
  /* Translators: easy read: a date follows */
  cf_easy_read_add_line (document, _("We met on"), date);
  /* Translators: easy read: the name of the worker who assessed the carer follows */
  cf_easy_read_add_line (document, _("You talked to"), cf_record_get_text (record, "assessor"));

  cf_document_add_heading (document, _("What we decided"));
  add_easy_decision (document, decision);
  if (cf_choices_find (cf_decided_by, decided_by) >= 0)
    /* Translators: easy read: who made the decision follows, e.g. “The council” */
    cf_easy_read_add_line (document, _("Who decided"),
                           cf_choices_label (cf_decided_by, decided_by));
  if (cf_assessment_decision_differs (assessment, eligibility))
    /* Translators: easy read: why the decision was made follows */
    cf_easy_read_add_text (document, _("Why"), cf_record_get_text (record, "decision_reason"));

  cf_document_add_heading (document, _("How we decided"));
  cf_document_add_paragraph (document, _("We looked at three things."));
  for (CfCondition c = 0; c < CF_N_CONDITIONS; c++)
    cf_easy_read_add_line (document, easy_condition (c),
                           easy_condition_state (cf_eligibility_get_condition (eligibility, c)));

  add_easy_effects (document, assessment, eligibility);
  add_easy_told_us (document, assessment);

  if (g_str_equal (decision, CF_DECISION_NOT_ELIGIBLE) ||
      g_str_equal (decision, CF_DECISION_LIKELY_NOT_ELIGIBLE))
    {
      cf_document_add_heading (document, _("Help to stay well"));
      cf_document_add_paragraph (document, _("Ask us about short breaks."));
      cf_document_add_paragraph (document, _("Ask us about carers’ groups near you."));
      cf_document_add_paragraph (document, _("Tell your doctor you are a carer."));
      cf_document_add_paragraph (document, _("Ask for a check of your benefits."));
      cf_document_add_paragraph (document, _("Make an emergency plan."));
      cf_document_add_paragraph (document, _("Ask us about alarms and reminders."));
      cf_document_add_paragraph (document, _("If things change, ask us to look again."));
    }
  else if (*decision != '\0')
    {
      cf_document_add_heading (document, _("What happens next"));
      cf_document_add_paragraph (document, _("We will make a support plan with you."));
      cf_document_add_paragraph (document, _("The plan says what help you will get."));
    }

  cf_document_add_heading (document, _("If you do not agree"));
  cf_document_add_paragraph (document, _("You can ask us to look again."));
  cf_document_add_paragraph (document, _("You can make a complaint."));
  cf_document_add_paragraph (document, _("Talk to your worker, or call us."));
  if (organisation != NULL)
    {
      /* Translators: easy read: who to call follows, e.g. “Call: Dales Carers” */
      cf_easy_read_add_line (document, C_("easy read", "Call"), organisation->name);
      cf_easy_read_add_line (document, _("Phone"), organisation->phone);
    }

  return document;
}

/**
 * cf_written_record_build:
 * @organisation: (nullable): who the carer can contact
 * @format: the format the carer needs
 * @language: (nullable): the code of the language to write in; %NULL for the carer's
 *   preferred language where Carefield is translated into it, else English (issue: "in the
 *   carer's preferred language where translated")
 *
 * The written record, addressed to the carer, in their format and language. What the worker
 * typed stays as typed.
 *
 * Returns: (transfer full): the written record
 */
CfDocument *
cf_written_record_build (CfCarer              *carer,
                         CfAssessment         *assessment,
                         const CfOrganisation *organisation,
                         CfDocumentFormat      format,
                         const char           *language)
{
  g_autofree char *chosen = NULL;
  CfLanguageScope scope = { 0 };
  CfDocument *document;

  g_return_val_if_fail (CF_IS_CARER (carer), NULL);
  g_return_val_if_fail (CF_IS_ASSESSMENT (assessment), NULL);
  g_return_val_if_fail (format < CF_DOCUMENT_N_FORMATS, NULL);

  if (language == NULL)
    language = chosen = cf_language_choose (cf_record_get_text (CF_RECORD (carer),
                                                                "preferred_language"), NULL);

  cf_language_scope_begin (&scope, language);
  if (format == CF_DOCUMENT_FORMAT_EASY_READ)
    document = build_easy_read (carer, assessment, organisation);
  else
    document = build_standard (carer, assessment, organisation);
  cf_language_scope_end (&scope);

  cf_document_set_language (document, language);
  cf_document_set_format (document, format);

  return document;
}
