/* test-eligibility.c: the proposed eligibility decision (Eligibility Regulations 2015, reg 3)
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tests run untranslated (LC_ALL=C.UTF-8), so they can check the English words.
 */

#include "config.h"

#include <string.h>

#include "cf-choices.h"
#include "cf-eligibility.h"

#define M CF_CONDITION_MET
#define N CF_CONDITION_NOT_MET
#define U CF_CONDITION_UNANSWERED

#define ELIGIBLE     CF_ELIGIBILITY_ELIGIBLE
#define NOT_ELIGIBLE CF_ELIGIBILITY_NOT_ELIGIBLE
#define UNDECIDED    CF_ELIGIBILITY_UNDETERMINED

/* Written out rather than read from the tables, so that a changed id is caught: ids are
 * stored, and the regulation has eight outcomes and the Act nine areas. */
static const char * const outcome_ids[] = {
  "child-care", "other-care", "home", "nutrition", "relationships", "work", "community",
  "recreation",
};

static const char * const area_ids[] = {
  "dignity", "health", "protection", "control", "participation", "social-economic",
  "relationships", "accommodation", "contribution",
};

static const char * const base_keys[] = {
  "caring.necessary_care",
  "health.at_risk",
  "outcome.child-care.achievable",
  "outcome.other-care.achievable",
  "outcome.home.achievable",
  "outcome.nutrition.achievable",
  "outcome.relationships.achievable",
  "outcome.work.achievable",
  "outcome.community.achievable",
  "outcome.recreation.achievable",
  "wellbeing.dignity.impact",
  "wellbeing.health.impact",
  "wellbeing.protection.impact",
  "wellbeing.control.impact",
  "wellbeing.participation.impact",
  "wellbeing.social-economic.impact",
  "wellbeing.relationships.impact",
  "wellbeing.accommodation.impact",
  "wellbeing.contribution.impact",
  "wellbeing.overall",
};

static GHashTable *
answers_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
set (GHashTable *answers,
     const char *key,
     const char *value)
{
  g_hash_table_insert (answers, g_strdup (key), g_strdup (value));
}

static void
set_outcome (GHashTable *answers,
             const char *id,
             const char *value)
{
  g_autofree char *key = g_strdup_printf ("outcome.%s.achievable", id);

  set (answers, key, value);
}

static void
set_reason (GHashTable *answers,
            const char *id,
            const char *value)
{
  g_autofree char *key = g_strdup_printf ("outcome.%s.reason", id);

  set (answers, key, value);
}

static void
set_area (GHashTable *answers,
          const char *id,
          const char *value)
{
  g_autofree char *key = g_strdup_printf ("wellbeing.%s.impact", id);

  set (answers, key, value);
}

static void
set_all_outcomes (GHashTable *answers,
                  const char *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcome_ids); i++)
    set_outcome (answers, outcome_ids[i], value);
}

static void
set_all_areas (GHashTable *answers,
               const char *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (area_ids); i++)
    set_area (answers, area_ids[i], value);
}

/* Every answer given, and eligible only through the outcome “home” and the overall judgement:
 * health not at risk, the other outcomes achievable, no area significant. Tests change one
 * thing at a time from here. */
static GHashTable *
complete_answers (void)
{
  GHashTable *answers = answers_new ();

  set (answers, "caring.necessary_care", "yes");
  set (answers, "health.at_risk", "no");
  set_all_outcomes (answers, "achievable");
  set_outcome (answers, "home", "unable");
  set_reason (answers, "home", "distress");
  set_all_areas (answers, "some");
  set (answers, "wellbeing.overall", "yes");

  return answers;
}

static gboolean
contains (const char *haystack,
          const char *needle)
{
  return haystack != NULL && strstr (haystack, needle) != NULL;
}

static void
assert_reasons_and_summary (CfEligibility *eligibility)
{
  for (guint c = 0; c < CF_N_CONDITIONS; c++)
    {
      const char *reason = cf_eligibility_get_reason (eligibility, c);

      g_assert_nonnull (reason);
      g_assert_cmpstr (reason, !=, "");
    }

  g_assert_nonnull (cf_eligibility_get_summary (eligibility));
  g_assert_cmpstr (cf_eligibility_get_summary (eligibility), !=, "");
}

static void
assert_missing_keys (CfEligibility      *eligibility,
                     const char * const *expected,
                     guint               n_expected)
{
  GStrv keys = cf_eligibility_get_missing_keys (eligibility);
  GStrv words = cf_eligibility_get_missing (eligibility);

  g_assert_nonnull (keys);
  g_assert_nonnull (words);
  g_assert_cmpuint (g_strv_length (keys), ==, n_expected);
  g_assert_cmpuint (g_strv_length (words), ==, n_expected);

  for (guint i = 0; i < n_expected; i++)
    {
      g_assert_cmpstr (keys[i], ==, expected[i]);
      g_assert_cmpstr (words[i], !=, "");
    }
}

static void
assert_missing_key (CfEligibility *eligibility,
                    const char    *key)
{
  const char *expected[] = { key };

  assert_missing_keys (eligibility, expected, 1);
}

/* Condition states made from the answers that should give them. */
static void
answer_condition (GHashTable       *answers,
                  CfCondition       condition,
                  CfConditionState  state)
{
  switch (condition)
    {
    case CF_CONDITION_NECESSARY_CARE:
      if (state == M)
        set (answers, "caring.necessary_care", "yes");
      else if (state == N)
        set (answers, "caring.necessary_care", "no");
      break;

    case CF_CONDITION_HEALTH_OR_OUTCOMES:
      if (state == M)
        {
          set (answers, "health.at_risk", "yes");
        }
      else if (state == N)
        {
          set (answers, "health.at_risk", "no");
          set_all_outcomes (answers, "achievable");
        }
      else
        {
          /* Nearly everything, but one outcome is still open, so it is not settled. */
          set (answers, "health.at_risk", "no");
          set_all_outcomes (answers, "achievable");
          g_hash_table_remove (answers, "outcome.work.achievable");
        }
      break;

    case CF_CONDITION_WELLBEING:
      if (state == M)
        set (answers, "wellbeing.overall", "yes");
      else if (state == N)
        set (answers, "wellbeing.overall", "no");
      else
        set_all_areas (answers, "some");
      break;

    case CF_N_CONDITIONS:
    default:
      g_assert_not_reached ();
    }
}

static void
test_truth_table (void)
{
  /* Reg 3(1): eligible when all three are met; any one not met settles it. */
  static const struct
  {
    CfConditionState    c1, c2, c3;
    CfEligibilityResult result;
  } cases[] = {
    { M, M, M, ELIGIBLE },
    { M, M, N, NOT_ELIGIBLE },
    { M, M, U, UNDECIDED },
    { M, N, M, NOT_ELIGIBLE },
    { M, N, N, NOT_ELIGIBLE },
    { M, N, U, NOT_ELIGIBLE },
    { M, U, M, UNDECIDED },
    { M, U, N, NOT_ELIGIBLE },
    { M, U, U, UNDECIDED },
    { N, M, M, NOT_ELIGIBLE },
    { N, M, N, NOT_ELIGIBLE },
    { N, M, U, NOT_ELIGIBLE },
    { N, N, M, NOT_ELIGIBLE },
    { N, N, N, NOT_ELIGIBLE },
    { N, N, U, NOT_ELIGIBLE },
    { N, U, M, NOT_ELIGIBLE },
    { N, U, N, NOT_ELIGIBLE },
    { N, U, U, NOT_ELIGIBLE },
    { U, M, M, UNDECIDED },
    { U, M, N, NOT_ELIGIBLE },
    { U, M, U, UNDECIDED },
    { U, N, M, NOT_ELIGIBLE },
    { U, N, N, NOT_ELIGIBLE },
    { U, N, U, NOT_ELIGIBLE },
    { U, U, M, UNDECIDED },
    { U, U, N, NOT_ELIGIBLE },
    { U, U, U, UNDECIDED },
  };
  static const char * const decisions[] = {
    [UNDECIDED] = "",
    [ELIGIBLE] = CF_DECISION_ELIGIBLE,
    [NOT_ELIGIBLE] = CF_DECISION_NOT_ELIGIBLE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GHashTable) answers = answers_new ();
      g_autoptr(CfEligibility) eligibility = NULL;

      answer_condition (answers, CF_CONDITION_NECESSARY_CARE, cases[i].c1);
      answer_condition (answers, CF_CONDITION_HEALTH_OR_OUTCOMES, cases[i].c2);
      answer_condition (answers, CF_CONDITION_WELLBEING, cases[i].c3);
      eligibility = cf_eligibility_evaluate ("carer", answers);

      g_test_message ("case %u", i);
      g_assert_cmpint (cf_eligibility_get_condition (eligibility, CF_CONDITION_NECESSARY_CARE),
                       ==, cases[i].c1);
      g_assert_cmpint (cf_eligibility_get_condition (eligibility,
                                                     CF_CONDITION_HEALTH_OR_OUTCOMES),
                       ==, cases[i].c2);
      g_assert_cmpint (cf_eligibility_get_condition (eligibility, CF_CONDITION_WELLBEING),
                       ==, cases[i].c3);
      g_assert_cmpint (cf_eligibility_get_result (eligibility), ==, cases[i].result);
      g_assert_cmpstr (cf_eligibility_get_decision_id (eligibility), ==,
                       decisions[cases[i].result]);
      g_assert_false (cf_eligibility_is_transition (eligibility));
      assert_reasons_and_summary (eligibility);

      /* An open condition always leaves something to ask. */
      if (cases[i].c1 == U || cases[i].c2 == U || cases[i].c3 == U)
        g_assert_cmpuint (g_strv_length (cf_eligibility_get_missing_keys (eligibility)), >, 0);
    }
}

/* Reg 3(2)(b): being unable to achieve any one outcome is enough. */
static void
test_each_outcome_alone (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcome_ids); i++)
    {
      g_autoptr(GHashTable) answers = answers_new ();
      g_autoptr(CfEligibility) eligible = NULL;
      g_autoptr(CfEligibility) no_care = NULL;
      GStrv unable;

      set (answers, "caring.necessary_care", "yes");
      set (answers, "health.at_risk", "no");
      set_all_outcomes (answers, "achievable");
      set_outcome (answers, outcome_ids[i], "unable");
      set (answers, "wellbeing.overall", "yes");

      g_test_message ("outcome %s", outcome_ids[i]);
      eligible = cf_eligibility_evaluate ("carer", answers);
      g_assert_cmpint (cf_eligibility_get_condition (eligible, CF_CONDITION_HEALTH_OR_OUTCOMES),
                       ==, M);
      g_assert_cmpint (cf_eligibility_get_result (eligible), ==, ELIGIBLE);
      g_assert_cmpstr (cf_eligibility_get_decision_id (eligible), ==, CF_DECISION_ELIGIBLE);
      unable = cf_eligibility_get_unable_outcomes (eligible);
      g_assert_cmpuint (g_strv_length (unable), ==, 1);
      g_assert_cmpstr (unable[0], ==, outcome_ids[i]);
      g_assert_true (contains (cf_eligibility_get_reason (eligible,
                                                          CF_CONDITION_HEALTH_OR_OUTCOMES),
                               cf_choices_label (cf_reg3_outcomes, outcome_ids[i])));

      /* Reg 3(1)(a): without necessary care, no outcome makes the carer eligible. */
      set (answers, "caring.necessary_care", "no");
      no_care = cf_eligibility_evaluate ("carer", answers);
      g_assert_cmpint (cf_eligibility_get_condition (no_care, CF_CONDITION_HEALTH_OR_OUTCOMES),
                       ==, M);
      g_assert_cmpint (cf_eligibility_get_result (no_care), ==, NOT_ELIGIBLE);
      g_assert_cmpstr (cf_eligibility_get_decision_id (no_care), ==, CF_DECISION_NOT_ELIGIBLE);
    }
}

/* The same carer with every outcome achievable and health not at risk is not eligible: the
 * counterpart of the test above, so it cannot pass by always saying “met”. */
static void
test_no_outcome_unable (void)
{
  g_autoptr(GHashTable) answers = complete_answers ();
  g_autoptr(CfEligibility) eligibility = NULL;

  set_outcome (answers, "home", "achievable");
  eligibility = cf_eligibility_evaluate ("carer", answers);

  g_assert_cmpint (cf_eligibility_get_condition (eligibility, CF_CONDITION_HEALTH_OR_OUTCOMES),
                   ==, N);
  g_assert_cmpint (cf_eligibility_get_result (eligibility), ==, NOT_ELIGIBLE);
  g_assert_cmpuint (g_strv_length (cf_eligibility_get_unable_outcomes (eligibility)), ==, 0);
  g_assert_cmpuint (g_strv_length (cf_eligibility_get_missing_keys (eligibility)), ==, 0);
}

/* Reg 3(1)(b): a risk to health is enough on its own. */
static void
test_health_at_risk (void)
{
  g_autoptr(GHashTable) answers = complete_answers ();
  g_autoptr(CfEligibility) eligibility = NULL;

  set_outcome (answers, "home", "achievable");
  set (answers, "health.at_risk", "yes");
  eligibility = cf_eligibility_evaluate ("carer", answers);

  g_assert_cmpint (cf_eligibility_get_condition (eligibility, CF_CONDITION_HEALTH_OR_OUTCOMES),
                   ==, M);
  g_assert_cmpint (cf_eligibility_get_result (eligibility), ==, ELIGIBLE);
  g_assert_true (contains (cf_eligibility_get_reason (eligibility,
                                                      CF_CONDITION_HEALTH_OR_OUTCOMES),
                           "health"));
  g_assert_cmpuint (g_strv_length (cf_eligibility_get_unable_outcomes (eligibility)), ==, 0);
}

/* Health at risk settles condition 2 even before the outcomes are answered, but the outcomes
 * are still asked for the record. */
static void
test_health_at_risk_outcomes_open (void)
{
  g_autoptr(GHashTable) answers = answers_new ();
  g_autoptr(CfEligibility) eligibility = NULL;
  GStrv keys;

  set (answers, "health.at_risk", "yes");
  eligibility = cf_eligibility_evaluate ("carer", answers);

  g_assert_cmpint (cf_eligibility_get_condition (eligibility, CF_CONDITION_HEALTH_OR_OUTCOMES),
                   ==, M);
  keys = cf_eligibility_get_missing_keys (eligibility);
  g_assert_false (g_strv_contains ((const char * const *) keys, "health.at_risk"));
  g_assert_true (g_strv_contains ((const char * const *) keys, "outcome.home.achievable"));
}

/* Condition 2 is only “not met” once health is “no” and all eight outcomes are answered. */
static void
test_health_or_outcomes_open (void)
{
  g_autoptr(GHashTable) answers = answers_new ();
  g_autoptr(CfEligibility) health_open = NULL;
  g_autoptr(CfEligibility) one_outcome_open = NULL;
  g_autoptr(CfEligibility) unable_health_open = NULL;

  set_all_outcomes (answers, "achievable");
  health_open = cf_eligibility_evaluate ("carer", answers);
  g_assert_cmpint (cf_eligibility_get_condition (health_open, CF_CONDITION_HEALTH_OR_OUTCOMES),
                   ==, U);
  g_assert_true (contains (cf_eligibility_get_reason (health_open,
                                                      CF_CONDITION_HEALTH_OR_OUTCOMES),
                           "Still needed"));

  set (answers, "health.at_risk", "no");
  g_hash_table_remove (answers, "outcome.recreation.achievable");
  one_outcome_open = cf_eligibility_evaluate ("carer", answers);
  g_assert_cmpint (cf_eligibility_get_condition (one_outcome_open,
                                                 CF_CONDITION_HEALTH_OR_OUTCOMES),
                   ==, U);
  g_assert_true (contains (cf_eligibility_get_reason (one_outcome_open,
                                                      CF_CONDITION_HEALTH_OR_OUTCOMES),
                           "1 outcome "));

  /* One outcome “unable” is enough while health is still open. */
  g_hash_table_remove (answers, "health.at_risk");
  set_outcome (answers, "nutrition", "unable");
  unable_health_open = cf_eligibility_evaluate ("carer", answers);
  g_assert_cmpint (cf_eligibility_get_condition (unable_health_open,
                                                 CF_CONDITION_HEALTH_OR_OUTCOMES),
                   ==, M);
}

/* Reg 3(1)(c): without a significant impact on wellbeing, nothing else makes a carer
 * eligible. */
static void
test_wellbeing_not_significant (void)
{
  g_autoptr(GHashTable) answers = complete_answers ();
  g_autoptr(CfEligibility) eligibility = NULL;

  set (answers, "health.at_risk", "yes");
  set_outcome (answers, "nutrition", "unable");
  set_reason (answers, "nutrition", "needs-help");
  set (answers, "wellbeing.overall", "no");
  eligibility = cf_eligibility_evaluate ("carer", answers);

  g_assert_cmpint (cf_eligibility_get_condition (eligibility, CF_CONDITION_HEALTH_OR_OUTCOMES),
                   ==, M);
  g_assert_cmpint (cf_eligibility_get_condition (eligibility, CF_CONDITION_WELLBEING), ==, N);
  g_assert_cmpint (cf_eligibility_get_result (eligibility), ==, NOT_ELIGIBLE);
  g_assert_cmpstr (cf_eligibility_get_decision_id (eligibility), ==, CF_DECISION_NOT_ELIGIBLE);
  g_assert_false (contains (cf_eligibility_get_reason (eligibility, CF_CONDITION_WELLBEING),
                            "Check"));
}

static void
test_wellbeing_area_without_overall (void)
{
  g_autoptr(GHashTable) answers = complete_answers ();
  g_autoptr(CfEligibility) eligibility = NULL;
  g_autoptr(CfEligibility) no_area = NULL;
  const char *reason;

  g_hash_table_remove (answers, "wellbeing.overall");
  no_area = cf_eligibility_evaluate ("carer", answers);
  g_assert_cmpint (cf_eligibility_get_condition (no_area, CF_CONDITION_WELLBEING), ==, U);
  g_assert_cmpint (cf_eligibility_get_result (no_area), ==, UNDECIDED);

  set_area (answers, "accommodation", "significant");
  eligibility = cf_eligibility_evaluate ("carer", answers);
  g_assert_cmpint (cf_eligibility_get_condition (eligibility, CF_CONDITION_WELLBEING), ==, M);
  g_assert_cmpint (cf_eligibility_get_result (eligibility), ==, ELIGIBLE);
  reason = cf_eligibility_get_reason (eligibility, CF_CONDITION_WELLBEING);
  g_assert_true (contains (reason, "Suitability of accommodation"));
  g_assert_true (contains (reason, "overall judgement is still to be given"));

  /* The proposal can be made, but the assessment cannot be finished without the judgement. */
  assert_missing_key (eligibility, "wellbeing.overall");
}

static void
test_wellbeing_overall_no_area_significant (void)
{
  g_autoptr(GHashTable) answers = complete_answers ();
  g_autoptr(CfEligibility) eligibility = NULL;
  const char *reason;

  set (answers, "wellbeing.overall", "no");
  set_area (answers, "dignity", "significant");
  set_area (answers, "control", "significant");
  eligibility = cf_eligibility_evaluate ("carer", answers);

  g_assert_cmpint (cf_eligibility_get_condition (eligibility, CF_CONDITION_WELLBEING), ==, N);
  g_assert_cmpint (cf_eligibility_get_result (eligibility), ==, NOT_ELIGIBLE);
  reason = cf_eligibility_get_reason (eligibility, CF_CONDITION_WELLBEING);
  g_assert_true (contains (reason, "Personal dignity; Control over day-to-day life"));
  g_assert_false (contains (reason, "Suitability of accommodation"));
}

static void
test_wellbeing_overall_yes (void)
{
  g_autoptr(GHashTable) answers = complete_answers ();
  g_autoptr(CfEligibility) eligibility = NULL;

  /* Cumulative or domino effects: overall “yes” with no single area significant counts. */
  eligibility = cf_eligibility_evaluate ("carer", answers);
  g_assert_cmpint (cf_eligibility_get_condition (eligibility, CF_CONDITION_WELLBEING), ==, M);
  g_assert_cmpint (cf_eligibility_get_result (eligibility), ==, ELIGIBLE);
}

static void
test_transition (void)
{
  static const char * const kinds[] = { "child-carer-transition", "young-carer-transition" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GHashTable) answers = complete_answers ();
      g_autoptr(GHashTable) empty = answers_new ();
      g_autoptr(CfEligibility) eligible = NULL;
      g_autoptr(CfEligibility) eligible_carer = NULL;
      g_autoptr(CfEligibility) not_eligible = NULL;
      g_autoptr(CfEligibility) not_eligible_carer = NULL;
      g_autoptr(CfEligibility) undecided = NULL;

      g_test_message ("kind %s", kinds[i]);
      g_assert_true (cf_kind_is_transition (kinds[i]));
      g_assert_cmpint (cf_choices_find (cf_assessment_kinds, kinds[i]), >=, 0);

      eligible = cf_eligibility_evaluate (kinds[i], answers);
      eligible_carer = cf_eligibility_evaluate ("carer", answers);
      g_assert_true (cf_eligibility_is_transition (eligible));
      g_assert_cmpint (cf_eligibility_get_result (eligible), ==, ELIGIBLE);
      g_assert_cmpstr (cf_eligibility_get_decision_id (eligible), ==,
                       CF_DECISION_LIKELY_ELIGIBLE);
      g_assert_true (contains (cf_eligibility_get_summary (eligible), "likely"));
      g_assert_cmpstr (cf_eligibility_get_summary (eligible), !=,
                       cf_eligibility_get_summary (eligible_carer));

      set (answers, "caring.necessary_care", "no");
      not_eligible = cf_eligibility_evaluate (kinds[i], answers);
      not_eligible_carer = cf_eligibility_evaluate ("carer", answers);
      g_assert_cmpint (cf_eligibility_get_result (not_eligible), ==, NOT_ELIGIBLE);
      g_assert_cmpstr (cf_eligibility_get_decision_id (not_eligible), ==,
                       CF_DECISION_LIKELY_NOT_ELIGIBLE);
      g_assert_true (contains (cf_eligibility_get_summary (not_eligible), "likely"));
      g_assert_cmpstr (cf_eligibility_get_summary (not_eligible), !=,
                       cf_eligibility_get_summary (not_eligible_carer));

      undecided = cf_eligibility_evaluate (kinds[i], empty);
      g_assert_cmpint (cf_eligibility_get_result (undecided), ==, UNDECIDED);
      g_assert_cmpstr (cf_eligibility_get_decision_id (undecided), ==, "");
      assert_reasons_and_summary (undecided);
    }
}

static void
test_not_transition (void)
{
  guint n_transition = 0;

  for (guint i = 0; cf_assessment_kinds[i].id != NULL; i++)
    {
      const char *kind = cf_assessment_kinds[i].id;
      g_autoptr(GHashTable) answers = complete_answers ();
      g_autoptr(CfEligibility) eligible = NULL;
      g_autoptr(CfEligibility) not_eligible = NULL;

      if (cf_kind_is_transition (kind))
        {
          n_transition++;
          continue;
        }

      g_test_message ("kind %s", kind);
      eligible = cf_eligibility_evaluate (kind, answers);
      g_assert_false (cf_eligibility_is_transition (eligible));
      g_assert_cmpstr (cf_eligibility_get_decision_id (eligible), ==, CF_DECISION_ELIGIBLE);
      g_assert_false (contains (cf_eligibility_get_summary (eligible), "likely"));

      set (answers, "wellbeing.overall", "no");
      not_eligible = cf_eligibility_evaluate (kind, answers);
      g_assert_cmpstr (cf_eligibility_get_decision_id (not_eligible), ==,
                       CF_DECISION_NOT_ELIGIBLE);
      g_assert_false (contains (cf_eligibility_get_summary (not_eligible), "likely"));
    }

  g_assert_cmpuint (n_transition, ==, 2);

  /* A kind from a newer version applies the criteria rather than crashing. */
  g_assert_false (cf_kind_is_transition ("some-new-kind"));
  g_assert_false (cf_kind_is_transition (""));
  g_assert_false (cf_kind_is_transition (NULL));
}

static void
test_missing_empty (void)
{
  g_autoptr(GHashTable) answers = answers_new ();
  g_autoptr(CfEligibility) eligibility = cf_eligibility_evaluate ("carer", answers);
  g_autoptr(CfEligibility) no_table = cf_eligibility_evaluate ("carer", NULL);
  GStrv words = cf_eligibility_get_missing (eligibility);

  g_assert_cmpuint (G_N_ELEMENTS (base_keys), ==, 20);
  assert_missing_keys (eligibility, base_keys, G_N_ELEMENTS (base_keys));
  assert_missing_keys (no_table, base_keys, G_N_ELEMENTS (base_keys));

  g_assert_cmpstr (words[0], ==, "Whether the carer gives necessary care to an adult");
  g_assert_cmpstr (words[4], ==, "Outcome: Maintaining a habitable home");
  g_assert_cmpstr (words[10], ==, "Wellbeing: Personal dignity");
  g_assert_cmpstr (words[19], ==, "Whether the overall impact on wellbeing is significant");

  g_assert_cmpint (cf_eligibility_get_result (eligibility), ==, UNDECIDED);
  g_assert_cmpuint (g_strv_length (cf_eligibility_get_unable_outcomes (eligibility)), ==, 0);
  for (guint c = 0; c < CF_N_CONDITIONS; c++)
    g_assert_cmpint (cf_eligibility_get_condition (eligibility, c), ==, U);
}

static void
test_missing_reason (void)
{
  g_autoptr(GHashTable) answers = complete_answers ();
  g_autoptr(CfEligibility) without_reason = NULL;
  g_autoptr(CfEligibility) unknown_reason = NULL;
  GStrv words;

  g_hash_table_remove (answers, "outcome.home.reason");
  without_reason = cf_eligibility_evaluate ("carer", answers);
  assert_missing_key (without_reason, "outcome.home.reason");
  words = cf_eligibility_get_missing (without_reason);
  g_assert_cmpstr (words[0], ==, "Why the carer is unable: Maintaining a habitable home");

  /* The proposal does not wait for the reason. */
  g_assert_cmpint (cf_eligibility_get_result (without_reason), ==, ELIGIBLE);

  set_reason (answers, "home", "because");
  unknown_reason = cf_eligibility_evaluate ("carer", answers);
  assert_missing_key (unknown_reason, "outcome.home.reason");

  /* The reason goes where the outcome is in the list, between its neighbours. */
  {
    g_autoptr(CfEligibility) both_open = NULL;
    GStrv keys;

    g_hash_table_remove (answers, "outcome.home.reason");
    g_hash_table_remove (answers, "outcome.other-care.achievable");
    g_hash_table_remove (answers, "outcome.nutrition.achievable");
    both_open = cf_eligibility_evaluate ("carer", answers);
    keys = cf_eligibility_get_missing_keys (both_open);
    g_assert_cmpuint (g_strv_length (keys), ==, 3);
    g_assert_cmpstr (keys[0], ==, "outcome.other-care.achievable");
    g_assert_cmpstr (keys[1], ==, "outcome.home.reason");
    g_assert_cmpstr (keys[2], ==, "outcome.nutrition.achievable");
  }
}

static void
test_missing_complete (void)
{
  g_autoptr(GHashTable) answers = complete_answers ();
  g_autoptr(CfEligibility) eligibility = NULL;

  /* A reason is not asked for an outcome the carer can achieve, and one left over from an
   * earlier answer does no harm. */
  set_reason (answers, "work", "danger");
  eligibility = cf_eligibility_evaluate ("carer", answers);

  assert_missing_keys (eligibility, NULL, 0);
  g_assert_cmpint (cf_eligibility_get_result (eligibility), ==, ELIGIBLE);
  g_assert_cmpstr (cf_eligibility_get_decision_id (eligibility), ==, CF_DECISION_ELIGIBLE);
  g_assert_cmpuint (g_strv_length (cf_eligibility_get_unable_outcomes (eligibility)), ==, 1);
  g_assert_cmpstr (cf_eligibility_get_unable_outcomes (eligibility)[0], ==, "home");
}

/* Each answer on its own: taking it away leaves exactly that key missing. */
static void
test_missing_each_key (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (base_keys); i++)
    {
      g_autoptr(GHashTable) answers = complete_answers ();
      g_autoptr(CfEligibility) eligibility = NULL;

      g_test_message ("key %s", base_keys[i]);
      g_hash_table_remove (answers, base_keys[i]);
      eligibility = cf_eligibility_evaluate ("carer", answers);
      assert_missing_key (eligibility, base_keys[i]);
    }
}

static void
test_not_applicable (void)
{
  g_autoptr(GHashTable) answers = complete_answers ();
  g_autoptr(CfEligibility) none_apply = NULL;
  g_autoptr(CfEligibility) one_unable = NULL;

  set_all_outcomes (answers, "not-applicable");
  none_apply = cf_eligibility_evaluate ("carer", answers);
  g_assert_cmpint (cf_eligibility_get_condition (none_apply, CF_CONDITION_HEALTH_OR_OUTCOMES),
                   ==, N);
  g_assert_cmpint (cf_eligibility_get_result (none_apply), ==, NOT_ELIGIBLE);
  g_assert_cmpuint (g_strv_length (cf_eligibility_get_unable_outcomes (none_apply)), ==, 0);
  assert_missing_keys (none_apply, NULL, 0);

  set_outcome (answers, "community", "unable");
  set_reason (answers, "community", "danger");
  one_unable = cf_eligibility_evaluate ("carer", answers);
  g_assert_cmpint (cf_eligibility_get_condition (one_unable, CF_CONDITION_HEALTH_OR_OUTCOMES),
                   ==, M);
  g_assert_cmpint (cf_eligibility_get_result (one_unable), ==, ELIGIBLE);
}

/* A value this version does not know, and an empty one, are both unanswered. */
static void
assert_treated_as_unanswered (const char *value)
{
  for (guint i = 0; i < G_N_ELEMENTS (base_keys); i++)
    {
      g_autoptr(GHashTable) answers = complete_answers ();
      g_autoptr(CfEligibility) eligibility = NULL;

      g_test_message ("key %s = \"%s\"", base_keys[i], value);
      set (answers, base_keys[i], value);
      eligibility = cf_eligibility_evaluate ("carer", answers);
      assert_missing_key (eligibility, base_keys[i]);
    }

  /* And they decide nothing: each condition is open again. */
  {
    g_autoptr(GHashTable) answers = answers_new ();
    g_autoptr(CfEligibility) eligibility = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (base_keys); i++)
      set (answers, base_keys[i], value);
    for (guint i = 0; i < G_N_ELEMENTS (outcome_ids); i++)
      set_reason (answers, outcome_ids[i], value);
    eligibility = cf_eligibility_evaluate ("carer", answers);

    for (guint c = 0; c < CF_N_CONDITIONS; c++)
      g_assert_cmpint (cf_eligibility_get_condition (eligibility, c), ==, U);
    g_assert_cmpint (cf_eligibility_get_result (eligibility), ==, UNDECIDED);
    g_assert_cmpstr (cf_eligibility_get_decision_id (eligibility), ==, "");
    assert_missing_keys (eligibility, base_keys, G_N_ELEMENTS (base_keys));
    assert_reasons_and_summary (eligibility);
  }
}

static void
test_unknown_values (void)
{
  assert_treated_as_unanswered ("maybe");
  /* Values are ids, not words: a capital letter is a different value. */
  assert_treated_as_unanswered ("Yes");
}

static void
test_empty_values (void)
{
  assert_treated_as_unanswered ("");
}

/* The reason for condition 2 names the outcomes, in words the carer reads. */
static void
test_reason_names_outcomes (void)
{
  g_autoptr(GHashTable) answers = complete_answers ();
  g_autoptr(CfEligibility) outcomes_only = NULL;
  g_autoptr(CfEligibility) with_health = NULL;
  const char *reason;
  GStrv unable;

  set_outcome (answers, "nutrition", "unable");
  set_reason (answers, "nutrition", "needs-help");
  outcomes_only = cf_eligibility_evaluate ("carer", answers);
  reason = cf_eligibility_get_reason (outcomes_only, CF_CONDITION_HEALTH_OR_OUTCOMES);
  g_assert_true (contains (reason,
                           "Maintaining a habitable home; Managing and maintaining nutrition"));
  g_assert_false (contains (reason, "Engaging in recreational activities"));
  g_assert_false (contains (reason, "health"));

  unable = cf_eligibility_get_unable_outcomes (outcomes_only);
  g_assert_cmpuint (g_strv_length (unable), ==, 2);
  g_assert_cmpstr (unable[0], ==, "home");
  g_assert_cmpstr (unable[1], ==, "nutrition");

  set (answers, "health.at_risk", "yes");
  with_health = cf_eligibility_evaluate ("carer", answers);
  g_assert_cmpstr (cf_eligibility_get_reason (with_health, CF_CONDITION_HEALTH_OR_OUTCOMES), ==,
                   "Caring affects the carer’s health, and they are unable to: Maintaining a "
                   "habitable home; Managing and maintaining nutrition.");
}

static void
test_summaries (void)
{
  g_autoptr(GHashTable) answers = complete_answers ();
  g_autoptr(GHashTable) empty = answers_new ();
  g_autoptr(CfEligibility) eligible = cf_eligibility_evaluate ("carer", answers);
  g_autoptr(CfEligibility) undecided = cf_eligibility_evaluate ("carer", empty);
  g_autoptr(CfEligibility) one_open = NULL;
  g_autoptr(CfEligibility) not_eligible = NULL;

  g_assert_cmpint (cf_eligibility_get_result (eligible), ==, ELIGIBLE);
  assert_reasons_and_summary (eligible);

  g_assert_cmpint (cf_eligibility_get_result (undecided), ==, UNDECIDED);
  assert_reasons_and_summary (undecided);
  g_assert_true (contains (cf_eligibility_get_summary (undecided), "20 answers"));

  g_hash_table_remove (answers, "caring.necessary_care");
  one_open = cf_eligibility_evaluate ("carer", answers);
  g_assert_cmpint (cf_eligibility_get_result (one_open), ==, UNDECIDED);
  g_assert_true (contains (cf_eligibility_get_summary (one_open), "1 answer "));

  /* s.13: a carer who is not eligible still gets advice on preventing or delaying needs. */
  set (answers, "caring.necessary_care", "no");
  not_eligible = cf_eligibility_evaluate ("carer", answers);
  g_assert_cmpint (cf_eligibility_get_result (not_eligible), ==, NOT_ELIGIBLE);
  assert_reasons_and_summary (not_eligible);
  g_assert_true (contains (cf_eligibility_get_summary (not_eligible), "preventing or delaying"));

  g_assert_cmpstr (cf_eligibility_get_summary (eligible), !=,
                   cf_eligibility_get_summary (not_eligible));
  g_assert_cmpstr (cf_eligibility_get_summary (eligible), !=,
                   cf_eligibility_get_summary (undecided));
}

static void
test_titles_and_labels (void)
{
  g_assert_cmpstr (cf_condition_get_title (CF_CONDITION_NECESSARY_CARE), ==, "Necessary care");
  g_assert_cmpstr (cf_condition_get_title (CF_CONDITION_HEALTH_OR_OUTCOMES), ==,
                   "Health or outcomes");
  g_assert_cmpstr (cf_condition_get_title (CF_CONDITION_WELLBEING), ==, "Impact on wellbeing");

  g_assert_cmpstr (cf_decision_get_label (CF_DECISION_ELIGIBLE), ==, "Eligible");
  g_assert_cmpstr (cf_decision_get_label (CF_DECISION_NOT_ELIGIBLE), ==, "Not eligible");
  g_assert_cmpstr (cf_decision_get_label (CF_DECISION_LIKELY_ELIGIBLE), ==,
                   "Likely to be eligible");
  g_assert_cmpstr (cf_decision_get_label (CF_DECISION_LIKELY_NOT_ELIGIBLE), ==,
                   "Likely not to be eligible");
  g_assert_cmpstr (cf_decision_get_label (""), ==, "Not decided");
  g_assert_cmpstr (cf_decision_get_label (NULL), ==, "Not decided");
  g_assert_cmpstr (cf_decision_get_label ("deferred"), ==, "deferred");
}

static void
test_refcount (void)
{
  g_autoptr(GHashTable) answers = complete_answers ();
  CfEligibility *eligibility = cf_eligibility_evaluate ("carer", answers);
  CfEligibility *copy;

  /* The answers can change afterwards without changing the proposal. */
  g_hash_table_remove_all (answers);
  g_assert_cmpint (cf_eligibility_get_result (eligibility), ==, ELIGIBLE);

  g_assert_true (cf_eligibility_ref (eligibility) == eligibility);
  cf_eligibility_unref (eligibility);

  copy = g_boxed_copy (CF_TYPE_ELIGIBILITY, eligibility);
  g_assert_true (copy == eligibility);
  g_boxed_free (CF_TYPE_ELIGIBILITY, copy);

  g_assert_true (G_TYPE_IS_BOXED (CF_TYPE_ELIGIBILITY));
  g_assert_cmpstr (g_type_name (CF_TYPE_ELIGIBILITY), ==, "CfEligibility");
  g_assert_cmpstr (cf_eligibility_get_summary (eligibility), !=, "");

  cf_eligibility_unref (eligibility);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/eligibility/truth-table", test_truth_table);
  g_test_add_func ("/eligibility/outcomes/each-alone", test_each_outcome_alone);
  g_test_add_func ("/eligibility/outcomes/none-unable", test_no_outcome_unable);
  g_test_add_func ("/eligibility/outcomes/not-applicable", test_not_applicable);
  g_test_add_func ("/eligibility/outcomes/still-open", test_health_or_outcomes_open);
  g_test_add_func ("/eligibility/health-at-risk", test_health_at_risk);
  g_test_add_func ("/eligibility/health-at-risk/outcomes-open",
                   test_health_at_risk_outcomes_open);
  g_test_add_func ("/eligibility/wellbeing/not-significant", test_wellbeing_not_significant);
  g_test_add_func ("/eligibility/wellbeing/overall-yes", test_wellbeing_overall_yes);
  g_test_add_func ("/eligibility/wellbeing/area-without-overall",
                   test_wellbeing_area_without_overall);
  g_test_add_func ("/eligibility/wellbeing/overall-no-area-significant",
                   test_wellbeing_overall_no_area_significant);
  g_test_add_func ("/eligibility/transition", test_transition);
  g_test_add_func ("/eligibility/not-transition", test_not_transition);
  g_test_add_func ("/eligibility/missing/empty", test_missing_empty);
  g_test_add_func ("/eligibility/missing/reason", test_missing_reason);
  g_test_add_func ("/eligibility/missing/complete", test_missing_complete);
  g_test_add_func ("/eligibility/missing/each-key", test_missing_each_key);
  g_test_add_func ("/eligibility/values/unknown", test_unknown_values);
  g_test_add_func ("/eligibility/values/empty", test_empty_values);
  g_test_add_func ("/eligibility/reasons/names-outcomes", test_reason_names_outcomes);
  g_test_add_func ("/eligibility/summaries", test_summaries);
  g_test_add_func ("/eligibility/titles-and-labels", test_titles_and_labels);
  g_test_add_func ("/eligibility/refcount", test_refcount);

  return g_test_run ();
}
