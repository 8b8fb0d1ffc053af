/* cf-eligibility.c: the proposed eligibility decision for a carer
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Applies the Care and Support (Eligibility Criteria) Regulations 2015, reg 3, to the answers
 * of a carer’s assessment (DOMAIN.md, "Eligibility"). The result is only a proposal: a person
 * confirms it, and a different decision needs a written reason. So besides the result this
 * keeps, for each condition, a sentence saying why, and the list of answers the decision still
 * needs, which is what stops an assessment being finished too early.
 *
 * The answers are the assessment’s question keys and the ids stored for them. A missing key,
 * an empty value and a value we do not know (one synced from a newer version, say) all count
 * as unanswered: an unknown answer must never decide anything.
 *
 * Transition assessments (Care Act s.60 for the carer of a child, s.63–64 for a young carer)
 * do not apply the criteria: they indicate whether the carer is likely to have eligible needs
 * once the transition happens. They give the same result here, with their own decision ids
 * and words.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "cf-choices.h"
#include "cf-eligibility.h"

#define KEY_NECESSARY_CARE  "caring.necessary_care"
#define KEY_HEALTH_AT_RISK  "health.at_risk"
#define KEY_OVERALL_IMPACT  "wellbeing.overall"

typedef enum
{
  ANSWER_NONE,
  ANSWER_YES,
  ANSWER_NO,
} YesNo;

typedef enum
{
  OUTCOME_NONE,
  OUTCOME_ACHIEVABLE,
  OUTCOME_UNABLE,
  OUTCOME_NOT_APPLICABLE,
} Outcome;

typedef enum
{
  IMPACT_NONE_GIVEN,
  IMPACT_NONE,
  IMPACT_SOME,
  IMPACT_SIGNIFICANT,
} Impact;

struct _CfEligibility
{
  gboolean             transition;
  CfConditionState     conditions[CF_N_CONDITIONS];
  char                *reasons[CF_N_CONDITIONS];
  CfEligibilityResult  result;
  char                *summary;
  GStrv                unable_outcomes;
  GStrv                missing;
  GStrv                missing_keys;
};

G_DEFINE_BOXED_TYPE (CfEligibility, cf_eligibility, cf_eligibility_ref, cf_eligibility_unref)

/* The answer for @key, or NULL when it is unanswered. */
static const char *
lookup (GHashTable *answers,
        const char *key)
{
  const char *value;

  if (answers == NULL)
    return NULL;

  value = g_hash_table_lookup (answers, key);
  if (value == NULL || *value == '\0')
    return NULL;

  return value;
}

static YesNo
lookup_yes_no (GHashTable *answers,
               const char *key)
{
  const char *value = lookup (answers, key);

  if (g_strcmp0 (value, "yes") == 0)
    return ANSWER_YES;
  if (g_strcmp0 (value, "no") == 0)
    return ANSWER_NO;

  return ANSWER_NONE;
}

static Outcome
lookup_outcome (GHashTable *answers,
                const char *outcome_id)
{
  g_autofree char *key = g_strdup_printf ("outcome.%s.achievable", outcome_id);
  const char *value = lookup (answers, key);

  if (g_strcmp0 (value, "achievable") == 0)
    return OUTCOME_ACHIEVABLE;
  if (g_strcmp0 (value, "unable") == 0)
    return OUTCOME_UNABLE;
  if (g_strcmp0 (value, "not-applicable") == 0)
    return OUTCOME_NOT_APPLICABLE;

  return OUTCOME_NONE;
}

static gboolean
has_unable_reason (GHashTable *answers,
                   const char *outcome_id)
{
  g_autofree char *key = g_strdup_printf ("outcome.%s.reason", outcome_id);

  return cf_choices_find (cf_unable_reasons, lookup (answers, key)) >= 0;
}

static Impact
lookup_impact (GHashTable *answers,
               const char *area_id)
{
  g_autofree char *key = g_strdup_printf ("wellbeing.%s.impact", area_id);
  const char *value = lookup (answers, key);

  if (g_strcmp0 (value, "none") == 0)
    return IMPACT_NONE;
  if (g_strcmp0 (value, "some") == 0)
    return IMPACT_SOME;
  if (g_strcmp0 (value, "significant") == 0)
    return IMPACT_SIGNIFICANT;

  return IMPACT_NONE_GIVEN;
}

/* Translated labels of @ids in @choices, as one list for a sentence. */
static char *
join_labels (const CfChoice *choices,
             GPtrArray      *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      if (i > 0)
        /* Translators: goes between the items of a list in a sentence, such as
         * “Maintaining a habitable home; Managing and maintaining nutrition” */
        g_string_append (text, _("; "));
      g_string_append (text, cf_choices_label (choices, g_ptr_array_index (ids, i)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_missing (GPtrArray  *keys,
             GPtrArray  *words,
             char       *key,
             char       *word)
{
  g_ptr_array_add (keys, key);
  g_ptr_array_add (words, word);
}

/* Reg 3(1)(a): the needs arise because the carer provides necessary care to an adult. Only
 * the worker’s answer counts: the regulation sets no minimum number of hours, so neither do
 * we, and the adult need not have eligible needs of their own. */
static void
evaluate_necessary_care (CfEligibility *self,
                         GHashTable    *answers,
                         GPtrArray     *missing_keys,
                         GPtrArray     *missing)
{
  CfConditionState *state = &self->conditions[CF_CONDITION_NECESSARY_CARE];
  char **reason = &self->reasons[CF_CONDITION_NECESSARY_CARE];

  switch (lookup_yes_no (answers, KEY_NECESSARY_CARE))
    {
    case ANSWER_YES:
      *state = CF_CONDITION_MET;
      *reason = g_strdup (_("The carer gives necessary care to an adult."));
      break;

    case ANSWER_NO:
      *state = CF_CONDITION_NOT_MET;
      *reason = g_strdup (_("The carer does not give necessary care to an adult, so their needs "
                            "do not come from caring."));
      break;

    case ANSWER_NONE:
    default:
      *state = CF_CONDITION_UNANSWERED;
      *reason = g_strdup (_("Still needed: whether the carer gives necessary care to an "
                            "adult."));
      add_missing (missing_keys, missing, g_strdup (KEY_NECESSARY_CARE),
                   g_strdup (_("Whether the carer gives necessary care to an adult")));
      break;
    }
}

/* Reg 3(1)(b) and 3(2): as a result of caring, either the carer’s physical or mental health is
 * deteriorating or at risk of it, or they are unable to achieve any one of the eight outcomes
 * of reg 3(2)(b). What “unable” means is reg 3(3); the reason is asked for the record, but the
 * proposal only needs the answer “unable”. “Not applicable” (a carer with no child, say) is
 * not “unable”. */
static void
evaluate_health_or_outcomes (CfEligibility *self,
                             GHashTable    *answers,
                             GPtrArray     *missing_keys,
                             GPtrArray     *missing)
{
  CfConditionState *state = &self->conditions[CF_CONDITION_HEALTH_OR_OUTCOMES];
  char **reason = &self->reasons[CF_CONDITION_HEALTH_OR_OUTCOMES];
  g_autoptr(GPtrArray) unable = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  YesNo health = lookup_yes_no (answers, KEY_HEALTH_AT_RISK);
  guint n_unanswered = 0;

  if (health == ANSWER_NONE)
    add_missing (missing_keys, missing, g_strdup (KEY_HEALTH_AT_RISK),
                 g_strdup (_("Whether caring puts the carer’s health at risk")));

  for (guint i = 0; cf_reg3_outcomes[i].id != NULL; i++)
    {
      const char *id = cf_reg3_outcomes[i].id;
      const char *label = cf_choices_label (cf_reg3_outcomes, id);

      switch (lookup_outcome (answers, id))
        {
        case OUTCOME_UNABLE:
          g_ptr_array_add (unable, g_strdup (id));
          if (!has_unable_reason (answers, id))
            add_missing (missing_keys, missing, g_strdup_printf ("outcome.%s.reason", id),
                         /* Translators: %s is an outcome, such as “Maintaining a habitable
                          * home”; this names an answer still to be given */
                         g_strdup_printf (_("Why the carer is unable: %s"), label));
          break;

        case OUTCOME_NONE:
          n_unanswered++;
          add_missing (missing_keys, missing, g_strdup_printf ("outcome.%s.achievable", id),
                       /* Translators: %s is an outcome, such as “Maintaining a habitable
                        * home”; this names an answer still to be given */
                       g_strdup_printf (_("Outcome: %s"), label));
          break;

        case OUTCOME_ACHIEVABLE:
        case OUTCOME_NOT_APPLICABLE:
        default:
          break;
        }
    }

  if (health == ANSWER_YES || unable->len > 0)
    {
      g_autofree char *list = join_labels (cf_reg3_outcomes, unable);

      *state = CF_CONDITION_MET;
      if (health == ANSWER_YES && unable->len > 0)
        /* Translators: %s is a list of outcomes, such as “Maintaining a habitable home;
         * Managing and maintaining nutrition” */
        *reason = g_strdup_printf (_("Caring affects the carer’s health, and they are unable "
                                     "to: %s."), list);
      else if (health == ANSWER_YES)
        *reason = g_strdup (_("Caring affects the carer’s health: it is getting worse, or is "
                              "at risk of getting worse."));
      else
        /* Translators: %s is a list of outcomes, such as “Maintaining a habitable home;
         * Managing and maintaining nutrition” */
        *reason = g_strdup_printf (_("Because of caring, the carer is unable to: %s."), list);
    }
  else if (health == ANSWER_NO && n_unanswered == 0)
    {
      *state = CF_CONDITION_NOT_MET;
      *reason = g_strdup (_("Caring does not put the carer’s health at risk, and they can "
                            "achieve every outcome that applies to them."));
    }
  else
    {
      *state = CF_CONDITION_UNANSWERED;
      if (n_unanswered == 0)
        *reason = g_strdup (_("Still needed: whether caring puts the carer’s health at "
                              "risk."));
      else if (health == ANSWER_NONE)
        *reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                /* Translators: %u is how many of the eight
                                                 * outcomes have no answer yet */
                                                "Still needed: whether caring puts the "
                                                "carer’s health at risk, and whether they can "
                                                "achieve the %u outcome not yet answered.",
                                                "Still needed: whether caring puts the "
                                                "carer’s health at risk, and whether they can "
                                                "achieve the %u outcomes not yet answered.",
                                                n_unanswered),
                                   n_unanswered);
      else
        *reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                /* Translators: %u is how many of the eight
                                                 * outcomes have no answer yet */
                                                "Still needed: whether the carer can achieve "
                                                "the %u outcome not yet answered.",
                                                "Still needed: whether the carer can achieve "
                                                "the %u outcomes not yet answered.",
                                                n_unanswered),
                                   n_unanswered);
    }

  self->unable_outcomes = (GStrv) g_ptr_array_free (g_steal_pointer (&unable), FALSE);
}

/* Reg 3(1)(c): as a consequence there is, or is likely to be, a significant impact on the
 * carer’s wellbeing, meaning the nine areas of Care Act s.1(2). “Significant” has its everyday
 * meaning and the impact may be on one area, cumulative, or a domino effect, so the worker’s
 * overall judgement decides, not a count of areas. The areas still guide it: an area marked
 * significant with no overall judgement yet is taken as meeting the condition, and an overall
 * “no” against an area marked significant is pointed out for the worker to check. */
static void
evaluate_wellbeing (CfEligibility *self,
                    GHashTable    *answers,
                    GPtrArray     *missing_keys,
                    GPtrArray     *missing)
{
  CfConditionState *state = &self->conditions[CF_CONDITION_WELLBEING];
  char **reason = &self->reasons[CF_CONDITION_WELLBEING];
  g_autoptr(GPtrArray) significant = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  YesNo overall;

  for (guint i = 0; cf_wellbeing_areas[i].id != NULL; i++)
    {
      const char *id = cf_wellbeing_areas[i].id;

      switch (lookup_impact (answers, id))
        {
        case IMPACT_SIGNIFICANT:
          g_ptr_array_add (significant, g_strdup (id));
          break;

        case IMPACT_NONE_GIVEN:
          add_missing (missing_keys, missing, g_strdup_printf ("wellbeing.%s.impact", id),
                       /* Translators: %s is an area of wellbeing, such as “Personal
                        * dignity”; this names an answer still to be given */
                       g_strdup_printf (_("Wellbeing: %s"),
                                        cf_choices_label (cf_wellbeing_areas, id)));
          break;

        case IMPACT_NONE:
        case IMPACT_SOME:
        default:
          break;
        }
    }

  overall = lookup_yes_no (answers, KEY_OVERALL_IMPACT);
  if (overall == ANSWER_NONE)
    add_missing (missing_keys, missing, g_strdup (KEY_OVERALL_IMPACT),
                 g_strdup (_("Whether the overall impact on wellbeing is significant")));

  list = join_labels (cf_wellbeing_areas, significant);

  switch (overall)
    {
    case ANSWER_YES:
      *state = CF_CONDITION_MET;
      if (significant->len > 0)
        /* Translators: %s is a list of areas of wellbeing, such as “Personal dignity;
         * Suitability of accommodation” */
        *reason = g_strdup_printf (_("Caring has, or is likely to have, a significant impact "
                                     "on the carer’s wellbeing, in particular: %s."), list);
      else
        *reason = g_strdup (_("Caring has, or is likely to have, a significant impact on the "
                              "carer’s wellbeing."));
      break;

    case ANSWER_NO:
      *state = CF_CONDITION_NOT_MET;
      if (significant->len > 0)
        /* Translators: %s is a list of areas of wellbeing, such as “Personal dignity;
         * Suitability of accommodation” */
        *reason = g_strdup_printf (_("The overall impact on the carer’s wellbeing is recorded "
                                     "as not significant, but these areas are marked "
                                     "significant: %s. Check the overall judgement."), list);
      else
        *reason = g_strdup (_("Caring does not have a significant impact on the carer’s "
                              "wellbeing."));
      break;

    case ANSWER_NONE:
    default:
      if (significant->len > 0)
        {
          *state = CF_CONDITION_MET;
          /* Translators: %s is a list of areas of wellbeing, such as “Personal dignity;
           * Suitability of accommodation” */
          *reason = g_strdup_printf (_("Caring has a significant impact on these areas of the "
                                       "carer’s wellbeing: %s. The overall judgement is still "
                                       "to be given."), list);
        }
      else
        {
          *state = CF_CONDITION_UNANSWERED;
          *reason = g_strdup (_("Still needed: whether caring has, or is likely to have, a "
                                "significant impact on the carer’s wellbeing overall."));
        }
      break;
    }
}

/* Reg 3(1): the carer is eligible only when all three conditions are met. */
static CfEligibilityResult
combine (const CfConditionState conditions[CF_N_CONDITIONS])
{
  gboolean all_met = TRUE;

  for (guint i = 0; i < CF_N_CONDITIONS; i++)
    {
      if (conditions[i] == CF_CONDITION_NOT_MET)
        return CF_ELIGIBILITY_NOT_ELIGIBLE;
      if (conditions[i] != CF_CONDITION_MET)
        all_met = FALSE;
    }

  return all_met ? CF_ELIGIBILITY_ELIGIBLE : CF_ELIGIBILITY_UNDETERMINED;
}

/* When nothing is eligible, the written record still has to say how to prevent or delay needs
 * (s.13(5) and DOMAIN.md), so the summary reminds the worker of it. */
static char *
make_summary (CfEligibility *self)
{
  guint n_missing;

  switch (self->result)
    {
    case CF_ELIGIBILITY_ELIGIBLE:
      if (self->transition)
        return g_strdup (_("The carer is likely to be eligible for support after the "
                           "transition."));
      return g_strdup (_("The carer is eligible for support: all three conditions are met."));

    case CF_ELIGIBILITY_NOT_ELIGIBLE:
      if (self->transition)
        return g_strdup (_("The carer is likely not to be eligible for support after the "
                           "transition. They should still be given information and advice on "
                           "preventing or delaying needs."));
      return g_strdup (_("The carer is not eligible for support. They should still be given "
                         "information and advice on preventing or delaying needs."));

    case CF_ELIGIBILITY_UNDETERMINED:
    default:
      /* An undetermined condition always has an answer missing, but an unknown stored value
       * should not make this say “0”. */
      n_missing = MAX (g_strv_length (self->missing_keys), 1);
      if (self->transition)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             /* Translators: %u is how many answers are still
                                              * needed before a transition assessment can say
                                              * whether the carer is likely to be eligible */
                                             "Whether the carer is likely to be eligible is not "
                                             "decided yet: %u answer is still needed.",
                                             "Whether the carer is likely to be eligible is not "
                                             "decided yet: %u answers are still needed.",
                                             n_missing),
                                n_missing);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %u is how many answers are still
                                            * needed before eligibility can be decided */
                                           "Eligibility is not decided yet: %u answer is still "
                                           "needed.",
                                           "Eligibility is not decided yet: %u answers are "
                                           "still needed.",
                                           n_missing),
                              n_missing);
    }
}

/**
 * cf_eligibility_evaluate:
 * @kind: the assessment kind, an id from cf_assessment_kinds[]
 * @answers: (nullable) (element-type utf8 utf8): the answers, question key to value; %NULL
 *   is the same as no answers
 *
 * Proposes the eligibility decision for the answers given so far. It never fails: anything
 * unanswered or unknown leaves the decision open and is listed by
 * cf_eligibility_get_missing().
 *
 * Returns: (transfer full): the proposal
 */
CfEligibility *
cf_eligibility_evaluate (const char *kind,
                         GHashTable *answers)
{
  CfEligibility *self;
  g_autoptr(GPtrArray) missing_keys = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_null_terminated (0, g_free, TRUE);

  g_return_val_if_fail (kind != NULL, NULL);

  self = g_atomic_rc_box_new0 (CfEligibility);
  self->transition = cf_kind_is_transition (kind);

  /* The order of the missing list is the order of the questions. */
  evaluate_necessary_care (self, answers, missing_keys, missing);
  evaluate_health_or_outcomes (self, answers, missing_keys, missing);
  evaluate_wellbeing (self, answers, missing_keys, missing);

  self->missing_keys = (GStrv) g_ptr_array_free (g_steal_pointer (&missing_keys), FALSE);
  self->missing = (GStrv) g_ptr_array_free (g_steal_pointer (&missing), FALSE);
  self->result = combine (self->conditions);
  self->summary = make_summary (self);

  return self;
}

CfEligibility *
cf_eligibility_ref (CfEligibility *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
cf_eligibility_clear (CfEligibility *self)
{
  for (guint i = 0; i < CF_N_CONDITIONS; i++)
    g_clear_pointer (&self->reasons[i], g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->unable_outcomes, g_strfreev);
  g_clear_pointer (&self->missing, g_strfreev);
  g_clear_pointer (&self->missing_keys, g_strfreev);
}

void
cf_eligibility_unref (CfEligibility *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) cf_eligibility_clear);
}

/* Whether this is a transition assessment, which indicates likely eligibility. */
gboolean
cf_eligibility_is_transition (CfEligibility *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->transition;
}

CfConditionState
cf_eligibility_get_condition (CfEligibility *self,
                              CfCondition    condition)
{
  g_return_val_if_fail (self != NULL, CF_CONDITION_UNANSWERED);
  g_return_val_if_fail (condition < CF_N_CONDITIONS, CF_CONDITION_UNANSWERED);

  return self->conditions[condition];
}

/* One sentence on @condition for the carer’s written record: why it is met or not, or what
 * is still needed. */
const char *
cf_eligibility_get_reason (CfEligibility *self,
                           CfCondition    condition)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (condition < CF_N_CONDITIONS, NULL);

  return self->reasons[condition];
}

CfEligibilityResult
cf_eligibility_get_result (CfEligibility *self)
{
  g_return_val_if_fail (self != NULL, CF_ELIGIBILITY_UNDETERMINED);

  return self->result;
}

/* The decision id to store: one of the CF_DECISION_* ids, or "" while undetermined. */
const char *
cf_eligibility_get_decision_id (CfEligibility *self)
{
  g_return_val_if_fail (self != NULL, "");

  switch (self->result)
    {
    case CF_ELIGIBILITY_ELIGIBLE:
      return self->transition ? CF_DECISION_LIKELY_ELIGIBLE : CF_DECISION_ELIGIBLE;

    case CF_ELIGIBILITY_NOT_ELIGIBLE:
      return self->transition ? CF_DECISION_LIKELY_NOT_ELIGIBLE : CF_DECISION_NOT_ELIGIBLE;

    case CF_ELIGIBILITY_UNDETERMINED:
    default:
      return "";
    }
}

const char *
cf_eligibility_get_summary (CfEligibility *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->summary;
}

/**
 * cf_eligibility_get_unable_outcomes:
 *
 * Returns: (transfer none): the ids from cf_reg3_outcomes[] answered “unable”, in the
 *   regulation’s order
 */
GStrv
cf_eligibility_get_unable_outcomes (CfEligibility *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->unable_outcomes;
}

/**
 * cf_eligibility_get_missing:
 *
 * Returns: (transfer none): what the decision still needs, in words for the worker, in the
 *   same order as cf_eligibility_get_missing_keys(); empty when everything is answered
 */
GStrv
cf_eligibility_get_missing (CfEligibility *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->missing;
}

/**
 * cf_eligibility_get_missing_keys:
 *
 * Returns: (transfer none): the answer keys the decision still needs, in question order;
 *   empty when everything is answered
 */
GStrv
cf_eligibility_get_missing_keys (CfEligibility *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->missing_keys;
}

const char *
cf_condition_get_title (CfCondition condition)
{
  switch (condition)
    {
    case CF_CONDITION_NECESSARY_CARE:
      /* Reg 3(1)(a) */
      return _("Necessary care");

    case CF_CONDITION_HEALTH_OR_OUTCOMES:
      /* Reg 3(1)(b) and 3(2) */
      return _("Health or outcomes");

    case CF_CONDITION_WELLBEING:
      /* Reg 3(1)(c) */
      return _("Impact on wellbeing");

    case CF_N_CONDITIONS:
    default:
      g_return_val_if_reached ("");
    }
}

/* The words for a stored decision id; an id from a newer version is shown as it is rather
 * than hidden. */
const char *
cf_decision_get_label (const char *decision_id)
{
  if (decision_id == NULL || *decision_id == '\0')
    /* Translators: the eligibility decision has not been made yet */
    return _("Not decided");
  if (strcmp (decision_id, CF_DECISION_ELIGIBLE) == 0)
    return _("Eligible");
  if (strcmp (decision_id, CF_DECISION_NOT_ELIGIBLE) == 0)
    return _("Not eligible");
  if (strcmp (decision_id, CF_DECISION_LIKELY_ELIGIBLE) == 0)
    return _("Likely to be eligible");
  if (strcmp (decision_id, CF_DECISION_LIKELY_NOT_ELIGIBLE) == 0)
    return _("Likely not to be eligible");

  return decision_id;
}

/* Care Act s.60 (the carer of a child nearly 18) and s.63 (a young carer nearly 18). */
gboolean
cf_kind_is_transition (const char *kind)
{
  return g_strcmp0 (kind, "child-carer-transition") == 0
         || g_strcmp0 (kind, "young-carer-transition") == 0;
}
