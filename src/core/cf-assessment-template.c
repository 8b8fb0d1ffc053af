/* cf-assessment-template.c: the questions of a carer's assessment, defined in one place
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "The carer's assessment": Care Act 2014 s.10 and the Care and Support
 * (Assessment) Regulations 2014 say what an assessment must cover. Every question is here,
 * once: the editor builds its rows from this table, the written record reads its labels, and
 * finishing checks its "required" flags. A council's own template can start from the default
 * and add sections and questions without touching the widgets.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-assessment-template.h"

struct _CfAssessmentSection
{
  char      *key;
  char      *title;
  char      *description;
  GPtrArray *questions; /* CfQuestion *, owned */
};

struct _CfAssessmentTemplate
{
  char      *id;
  GPtrArray *sections;
};

G_DEFINE_BOXED_TYPE (CfAssessmentTemplate, cf_assessment_template,
                     cf_assessment_template_ref, cf_assessment_template_unref)

const CfChoice cf_answer_yes_no[] = {
  { "yes", N_("Yes") },
  { "no", N_("No") },
  { NULL }
};

const CfChoice cf_answer_future[] = {
  { "yes", N_("Yes") },
  { "no", N_("No") },
  /* Translators: whether the carer will be able or willing to care in future */
  { "unsure", N_("Not sure") },
  { NULL }
};

/* Reg 3(2)(b): each outcome is achievable or not; some (a child to care for, other people to
 * care for) do not apply to every carer. */
const CfChoice cf_answer_achievable[] = {
  { "achievable", N_("Can achieve it") },
  { "unable", N_("Unable to achieve it") },
  { "not-applicable", N_("Does not apply") },
  { NULL }
};

const CfChoice cf_answer_impact[] = {
  { "none", N_("No impact") },
  { "some", N_("Some impact") },
  { "significant", N_("Significant impact") },
  { NULL }
};

/* Shorthand for the tables below. */
#define NOTES(k, l) { k, CF_QUESTION_NOTES, l, NULL, NULL, NULL, NULL, NULL, TRUE, FALSE }
#define EXTRA_NOTES(k, l) { k, CF_QUESTION_NOTES, l, NULL, NULL, NULL, NULL, NULL, FALSE, FALSE }
#define TEXT(k, l, h) { k, CF_QUESTION_TEXT, l, h, NULL, NULL, NULL, NULL, TRUE, FALSE }
#define CHOICE(k, l, h, c, req) { k, CF_QUESTION_CHOICE, l, h, c, NULL, NULL, NULL, TRUE, req }

typedef struct
{
  const char       *key;
  const char       *title;
  const char       *description;
  const CfQuestion *questions;
} SectionDef;

static const CfQuestion caring_questions[] = {
  NOTES ("caring.role", N_("The care the carer gives")),
  /* Reg 3(1)(a). The cared-for person need not have eligible needs themselves. */
  CHOICE ("caring.necessary_care", N_("Gives necessary care to an adult"),
          N_("Care the adult needs, not care they could do for themselves"),
          cf_answer_yes_no, TRUE),
  /* DOMAIN.md: never gate an assessment on hours of care; recorded for context only. */
  TEXT ("caring.time", N_("Time spent caring"),
        N_("For context only: it is never a condition of support")),
  { NULL }
};

static const CfQuestion ability_questions[] = {
  /* s.10(5)(a)-(b): able and willing to provide care, now and in future. */
  CHOICE ("ability.able_now", N_("Able to care now"), NULL, cf_answer_yes_no, TRUE),
  CHOICE ("ability.willing_now", N_("Willing to care now"), NULL, cf_answer_yes_no, TRUE),
  CHOICE ("ability.able_future", N_("Able to care in future"), NULL, cf_answer_future, TRUE),
  CHOICE ("ability.willing_future", N_("Willing to care in future"), NULL, cf_answer_future,
          TRUE),
  EXTRA_NOTES ("ability.notes", N_("Notes on being able and willing to care")),
  { NULL }
};

static const CfQuestion fluctuation_questions[] = {
  /* Assessment Regulations 2014, reg 3(2)(e) context: needs that fluctuate are assessed over
   * a period long enough to see them. */
  NOTES ("fluctuation.good_days", N_("A good day")),
  NOTES ("fluctuation.bad_days", N_("A bad day")),
  TEXT ("fluctuation.period", N_("Period considered"), N_("For example, the last three months")),
  { NULL }
};

static const CfQuestion health_questions[] = {
  NOTES ("health.notes", N_("The carer’s own health")),
  /* Reg 3(1)(b), first limb. */
  CHOICE ("health.at_risk", N_("Health deteriorating or at risk"),
          N_("The carer’s physical or mental health is getting worse, or is at risk of it, "
             "because of caring"),
          cf_answer_yes_no, TRUE),
  { NULL }
};

static const CfQuestion work_questions[] = {
  NOTES ("work.now", N_("Work, education, training and recreation now")),
  NOTES ("work.wished", N_("What the carer would like to do")),
  { NULL }
};

static const CfQuestion strengths_questions[] = {
  NOTES ("strengths.notes", N_("Strengths, family, friends and community")),
  { NULL }
};

static const CfQuestion matters_questions[] = {
  NOTES ("matters.what_matters", N_("What matters to the carer")),
  NOTES ("matters.outcomes_wanted", N_("Outcomes the carer wants")),
  /* s.10(6)(c): whether support could contribute to those outcomes. */
  CHOICE ("matters.support_could_help", N_("Support could help achieve them"), NULL,
          cf_answer_yes_no, FALSE),
  { NULL }
};

static const CfQuestion tec_questions[] = {
  CHOICE ("tec.considered", N_("Technology-enabled care considered"),
          N_("For example a pendant alarm, sensors or medication reminders"),
          cf_answer_yes_no, FALSE),
  { "tec.notes", CF_QUESTION_NOTES, N_("What was considered"), NULL, NULL, NULL,
    "tec.considered", "yes", FALSE, FALSE },
  { NULL }
};

static const CfQuestion family_questions[] = {
  /* DOMAIN.md: the whole-family approach. A child who cares is prompted for a young carer's
   * needs assessment (Care Act s.63; Children Act 1989 s.17ZA). */
  CHOICE ("family.children", N_("Children or young people in the household"), NULL,
          cf_answer_yes_no, FALSE),
  { "family.young_carer", CF_QUESTION_CHOICE, N_("A child or young person helps to care"),
    NULL, cf_answer_yes_no, NULL, "family.children", "yes", TRUE, FALSE },
  { "family.referral", CF_QUESTION_CHOICE, N_("Young carer’s referral made"),
    N_("Refer the young carer for their own needs assessment"), cf_answer_yes_no, NULL,
    "family.young_carer", "yes", TRUE, FALSE },
  { "family.notes", CF_QUESTION_NOTES, N_("Notes on the household"), NULL, NULL, NULL,
    "family.children", "yes", FALSE, FALSE },
  { NULL }
};

static const CfQuestion safeguarding_questions[] = {
  CHOICE ("safeguarding.concern", N_("Safeguarding concern"),
          N_("Any risk of abuse or neglect to the carer or the person they care for"),
          cf_answer_yes_no, TRUE),
  { "safeguarding.action", CF_QUESTION_NOTES, N_("What was done and who was told"), NULL, NULL,
    NULL, "safeguarding.concern", "yes", TRUE, FALSE },
  { NULL }
};

static const CfQuestion consent_questions[] = {
  /* DOMAIN.md, "Information, consent": consent per purpose. A carer may refuse an assessment
   * (s.11); without consent it cannot be finished. */
  CHOICE ("consent.assessment", N_("Consent to the assessment"), NULL, cf_answer_yes_no, TRUE),
  CHOICE ("consent.share_council", N_("Consent to share with the council"), NULL,
          cf_answer_yes_no, FALSE),
  CHOICE ("consent.share_health", N_("Consent to share with the GP or NHS"), NULL,
          cf_answer_yes_no, FALSE),
  EXTRA_NOTES ("consent.notes", N_("Notes on consent")),
  { NULL }
};

/* The order a conversation usually takes; any order works. */
static const SectionDef default_sections[] = {
  { "caring", N_("Caring role"),
    N_("What the carer does for the person they care for"), caring_questions },
  { "ability", N_("Able and willing"),
    N_("Whether the carer is able and willing to care, now and in future"), ability_questions },
  { "fluctuation", N_("Good days and bad days"),
    N_("Needs that change from day to day"), fluctuation_questions },
  { "health", N_("The carer’s health"), NULL, health_questions },
  { "outcomes", N_("Outcomes"),
    N_("The eight outcomes of the eligibility regulations: can the carer achieve each one?"),
    NULL },
  { "wellbeing", N_("Wellbeing"),
    N_("The impact of caring on each of the nine areas of wellbeing"), NULL },
  { "work", N_("Work, learning and leisure"), NULL, work_questions },
  { "strengths", N_("Strengths and networks"), NULL, strengths_questions },
  { "matters", N_("What matters"), NULL, matters_questions },
  { "tec", N_("Technology"), NULL, tec_questions },
  { "family", N_("Family"), N_("Children and young carers in the household"),
    family_questions },
  { "safeguarding", N_("Safeguarding"), NULL, safeguarding_questions },
  { "consent", N_("Consent"), NULL, consent_questions },
};

static void
question_free (gpointer data)
{
  CfQuestion *question = data;

  /* Keys of generated questions are allocated; labels always point at static strings. */
  g_free ((char *) question->key);
  g_free ((char *) question->shown_when_key);
  g_free (question);
}

static void
section_free (gpointer data)
{
  CfAssessmentSection *section = data;

  g_free (section->key);
  g_free (section->title);
  g_free (section->description);
  g_ptr_array_unref (section->questions);
  g_free (section);
}

CfAssessmentSection *
cf_assessment_template_add_section (CfAssessmentTemplate *self,
                                    const char           *key,
                                    const char           *title,
                                    const char           *description)
{
  CfAssessmentSection *section;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL && title != NULL, NULL);
  g_return_val_if_fail (cf_assessment_template_find_section (self, key) == NULL, NULL);

  section = g_new0 (CfAssessmentSection, 1);
  section->key = g_strdup (key);
  section->title = g_strdup (title);
  section->description = g_strdup (description);
  section->questions = g_ptr_array_new_with_free_func (question_free);
  g_ptr_array_add (self->sections, section);

  return section;
}

/**
 * cf_assessment_template_add_question:
 * @question: copied; its label, help, choices and group must be static strings (N_())
 */
void
cf_assessment_template_add_question (CfAssessmentTemplate *self,
                                     CfAssessmentSection  *section,
                                     const CfQuestion     *question)
{
  CfQuestion *copy;

  g_return_if_fail (self != NULL);
  g_return_if_fail (section != NULL);
  g_return_if_fail (question != NULL && question->key != NULL);
  g_return_if_fail (question->type != CF_QUESTION_CHOICE || question->choices != NULL);
  g_return_if_fail (cf_assessment_template_find_question (self, question->key) == NULL);

  copy = g_memdup2 (question, sizeof *question);
  copy->key = g_strdup (question->key);
  copy->shown_when_key = g_strdup (question->shown_when_key);
  g_ptr_array_add (section->questions, copy);
}

static void
add_outcome_questions (CfAssessmentTemplate *self,
                       CfAssessmentSection  *section)
{
  /* Reg 3(2)(b)(i)-(viii) and reg 3(3): for each outcome, whether the carer can achieve it,
   * what "unable" means here, and the carer's words. */
  for (guint i = 0; cf_reg3_outcomes[i].id != NULL; i++)
    {
      const char *id = cf_reg3_outcomes[i].id;
      g_autofree char *achievable = g_strdup_printf ("outcome.%s.achievable", id);
      g_autofree char *reason = g_strdup_printf ("outcome.%s.reason", id);
      g_autofree char *notes = g_strdup_printf ("outcome.%s.notes", id);
      CfQuestion questions[] = {
        { achievable, CF_QUESTION_CHOICE, N_("Can the carer achieve this?"), NULL,
          cf_answer_achievable, cf_reg3_outcomes[i].label, NULL, NULL, TRUE, TRUE },
        { reason, CF_QUESTION_CHOICE, N_("Why unable"), NULL, cf_unable_reasons,
          cf_reg3_outcomes[i].label, achievable, "unable", TRUE, TRUE },
        { notes, CF_QUESTION_NOTES, N_("In the carer’s words"), NULL, NULL,
          cf_reg3_outcomes[i].label, NULL, NULL, FALSE, FALSE },
      };

      for (guint j = 0; j < G_N_ELEMENTS (questions); j++)
        cf_assessment_template_add_question (self, section, &questions[j]);
    }
}

static void
add_wellbeing_questions (CfAssessmentTemplate *self,
                         CfAssessmentSection  *section)
{
  /* Care Act s.1(2): the nine areas; reg 3(1)(c): the overall judgement, which may come from
   * one area or from several together (a cumulative or domino effect). */
  const CfQuestion overall = {
    "wellbeing.overall", CF_QUESTION_CHOICE, N_("Significant impact on wellbeing overall"),
    N_("Including impacts that add up, or one that leads to another"),
    cf_answer_yes_no, NULL, NULL, NULL, TRUE, TRUE
  };

  for (guint i = 0; cf_wellbeing_areas[i].id != NULL; i++)
    {
      const char *id = cf_wellbeing_areas[i].id;
      g_autofree char *impact = g_strdup_printf ("wellbeing.%s.impact", id);
      g_autofree char *notes = g_strdup_printf ("wellbeing.%s.notes", id);
      CfQuestion questions[] = {
        { impact, CF_QUESTION_CHOICE, N_("Impact of caring"), NULL, cf_answer_impact,
          cf_wellbeing_areas[i].label, NULL, NULL, TRUE, TRUE },
        { notes, CF_QUESTION_NOTES, N_("In the carer’s words"), NULL, NULL,
          cf_wellbeing_areas[i].label, NULL, NULL, FALSE, FALSE },
      };

      for (guint j = 0; j < G_N_ELEMENTS (questions); j++)
        cf_assessment_template_add_question (self, section, &questions[j]);
    }

  cf_assessment_template_add_question (self, section, &overall);
}

/**
 * cf_assessment_template_new_default:
 *
 * A new copy of the Care Act template, for a council's template to extend.
 */
CfAssessmentTemplate *
cf_assessment_template_new_default (void)
{
  CfAssessmentTemplate *self = g_atomic_rc_box_new0 (CfAssessmentTemplate);

  self->id = g_strdup ("care-act-2014");
  self->sections = g_ptr_array_new_with_free_func (section_free);

  for (guint i = 0; i < G_N_ELEMENTS (default_sections); i++)
    {
      const SectionDef *def = &default_sections[i];
      CfAssessmentSection *section =
        cf_assessment_template_add_section (self, def->key, def->title, def->description);

      if (g_str_equal (def->key, "outcomes"))
        add_outcome_questions (self, section);
      else if (g_str_equal (def->key, "wellbeing"))
        add_wellbeing_questions (self, section);
      else
        {
          for (guint j = 0; def->questions[j].key != NULL; j++)
            cf_assessment_template_add_question (self, section, &def->questions[j]);
        }
    }

  return self;
}

/**
 * cf_assessment_template_get_default:
 *
 * Returns: (transfer none): the Care Act template, shared and never changed
 */
CfAssessmentTemplate *
cf_assessment_template_get_default (void)
{
  static gsize template = 0;

  if (g_once_init_enter (&template))
    g_once_init_leave (&template, (gsize) cf_assessment_template_new_default ());

  return (CfAssessmentTemplate *) template;
}

CfAssessmentTemplate *
cf_assessment_template_ref (CfAssessmentTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

static void
template_clear (gpointer data)
{
  CfAssessmentTemplate *self = data;

  g_free (self->id);
  g_ptr_array_unref (self->sections);
}

void
cf_assessment_template_unref (CfAssessmentTemplate *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, template_clear);
}

const char *
cf_assessment_template_get_id (CfAssessmentTemplate *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->id;
}

guint
cf_assessment_template_get_n_sections (CfAssessmentTemplate *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->sections->len;
}

CfAssessmentSection *
cf_assessment_template_get_section (CfAssessmentTemplate *self,
                                    guint                 index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);

  return g_ptr_array_index (self->sections, index);
}

CfAssessmentSection *
cf_assessment_template_find_section (CfAssessmentTemplate *self,
                                     const char           *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      CfAssessmentSection *section = g_ptr_array_index (self->sections, i);

      if (g_str_equal (section->key, key))
        return section;
    }

  return NULL;
}

const CfQuestion *
cf_assessment_template_find_question (CfAssessmentTemplate *self,
                                      const char           *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      CfAssessmentSection *section = g_ptr_array_index (self->sections, i);

      for (guint j = 0; j < section->questions->len; j++)
        {
          const CfQuestion *question = g_ptr_array_index (section->questions, j);

          if (g_str_equal (question->key, key))
            return question;
        }
    }

  return NULL;
}

/**
 * cf_assessment_template_dup_missing:
 * @answers: (element-type utf8 utf8): the answers so far
 * @want_keys: %TRUE for the questions' keys, %FALSE for words a person reads
 *
 * The required questions, among those shown, that have no answer yet, in template order.
 *
 * Returns: (transfer full) (element-type utf8):
 */
GPtrArray *
cf_assessment_template_dup_missing (CfAssessmentTemplate *self,
                                    GHashTable           *answers,
                                    gboolean              want_keys)
{
  GPtrArray *missing = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (self != NULL, missing);
  g_return_val_if_fail (answers != NULL, missing);

  for (guint i = 0; i < self->sections->len; i++)
    {
      CfAssessmentSection *section = g_ptr_array_index (self->sections, i);

      for (guint j = 0; j < section->questions->len; j++)
        {
          const CfQuestion *question = g_ptr_array_index (section->questions, j);

          if (!question->required || !cf_question_is_shown (question, answers) ||
              cf_question_is_answered (question, answers))
            continue;

          if (want_keys)
            g_ptr_array_add (missing, g_strdup (question->key));
          else if (question->group != NULL)
            /* Translators: "%1$s" is a section or topic, "%2$s" a question in it */
            g_ptr_array_add (missing, g_strdup_printf (_("%1$s: %2$s"),
                                                       cf_question_get_group (question),
                                                       cf_question_get_label (question)));
          else
            /* Translators: "%1$s" is a section of the assessment, "%2$s" a question in it */
            g_ptr_array_add (missing, g_strdup_printf (_("%1$s: %2$s"),
                                                       _(section->title),
                                                       cf_question_get_label (question)));
        }
    }

  return missing;
}

const char *
cf_assessment_section_get_key (CfAssessmentSection *section)
{
  g_return_val_if_fail (section != NULL, NULL);

  return section->key;
}

const char *
cf_assessment_section_get_title (CfAssessmentSection *section)
{
  g_return_val_if_fail (section != NULL, NULL);

  return _(section->title);
}

const char *
cf_assessment_section_get_description (CfAssessmentSection *section)
{
  g_return_val_if_fail (section != NULL, NULL);

  return section->description != NULL ? _(section->description) : NULL;
}

guint
cf_assessment_section_get_n_questions (CfAssessmentSection *section)
{
  g_return_val_if_fail (section != NULL, 0);

  return section->questions->len;
}

const CfQuestion *
cf_assessment_section_get_question (CfAssessmentSection *section,
                                    guint                index)
{
  g_return_val_if_fail (section != NULL, NULL);
  g_return_val_if_fail (index < section->questions->len, NULL);

  return g_ptr_array_index (section->questions, index);
}

/**
 * cf_assessment_section_get_progress:
 *
 * How many of the section's counted questions, among those shown, have an answer.
 */
void
cf_assessment_section_get_progress (CfAssessmentSection *section,
                                    GHashTable          *answers,
                                    guint               *answered,
                                    guint               *total)
{
  guint n_answered = 0;
  guint n_total = 0;

  g_return_if_fail (section != NULL);
  g_return_if_fail (answers != NULL);

  for (guint i = 0; i < section->questions->len; i++)
    {
      const CfQuestion *question = g_ptr_array_index (section->questions, i);

      if (!question->counted || !cf_question_is_shown (question, answers))
        continue;

      n_total++;
      if (cf_question_is_answered (question, answers))
        n_answered++;
    }

  if (answered != NULL)
    *answered = n_answered;
  if (total != NULL)
    *total = n_total;
}

static const char *
lookup (GHashTable *answers,
        const char *key)
{
  const char *value = g_hash_table_lookup (answers, key);

  return value != NULL ? value : "";
}

gboolean
cf_question_is_shown (const CfQuestion *question,
                      GHashTable       *answers)
{
  g_return_val_if_fail (question != NULL, FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);

  if (question->shown_when_key == NULL)
    return TRUE;

  return g_str_equal (lookup (answers, question->shown_when_key), question->shown_when_value);
}

/* A choice counts as answered only with a value the question knows: a value from a newer
 * template is kept, but does not finish an assessment this version cannot read. */
gboolean
cf_question_is_answered (const CfQuestion *question,
                         GHashTable       *answers)
{
  const char *value;

  g_return_val_if_fail (question != NULL, FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);

  value = lookup (answers, question->key);
  if (question->type == CF_QUESTION_CHOICE)
    return cf_choices_find (question->choices, value) >= 0;

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return TRUE;
    }

  return FALSE;
}

const char *
cf_question_get_label (const CfQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);

  return _(question->label);
}

const char *
cf_question_get_help (const CfQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);

  return question->help != NULL ? _(question->help) : NULL;
}

const char *
cf_question_get_group (const CfQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);

  return question->group != NULL ? _(question->group) : NULL;
}

/**
 * cf_question_dup_answer_text:
 *
 * The answer as a person reads it: a choice's label, or the text as typed.
 */
char *
cf_question_dup_answer_text (const CfQuestion *question,
                             const char       *value)
{
  g_return_val_if_fail (question != NULL, NULL);

  if (value == NULL)
    value = "";

  if (question->type == CF_QUESTION_CHOICE)
    return g_strdup (cf_choices_label (question->choices, value));

  return g_strdup (value);
}
