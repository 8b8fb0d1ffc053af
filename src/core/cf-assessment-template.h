/* cf-assessment-template.h: the questions of a carer's assessment
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "cf-choices.h"

G_BEGIN_DECLS

typedef enum
{
  CF_QUESTION_TEXT,   /* one line */
  CF_QUESTION_NOTES,  /* a paragraph or more, in the carer's words */
  CF_QUESTION_CHOICE, /* one of a fixed list; unanswered until chosen */
} CfQuestionType;

/* One question. Labels are untranslated (N_()); read them through the accessors. An answer is
 * stored under the question's key; a question "shown when" another answer has a value is
 * skipped, and not counted, until then. */
typedef struct
{
  const char     *key;
  CfQuestionType  type;
  const char     *label;
  const char     *help;
  const CfChoice *choices;
  const char     *group;
  const char     *shown_when_key;
  const char     *shown_when_value;
  /* Counted in the section's progress (notes beside a choice are not). */
  gboolean        counted;
  /* Must be answered before the assessment can be finished. */
  gboolean        required;
} CfQuestion;

typedef struct _CfAssessmentSection CfAssessmentSection;
typedef struct _CfAssessmentTemplate CfAssessmentTemplate;

#define CF_TYPE_ASSESSMENT_TEMPLATE (cf_assessment_template_get_type ())

/* Answers used by the questions, for code that reads them. */
extern const CfChoice cf_answer_yes_no[];
extern const CfChoice cf_answer_future[];
extern const CfChoice cf_answer_achievable[];
extern const CfChoice cf_answer_impact[];

GType                 cf_assessment_template_get_type      (void) G_GNUC_CONST;

CfAssessmentTemplate *cf_assessment_template_get_default   (void);
CfAssessmentTemplate *cf_assessment_template_new_default   (void);
CfAssessmentTemplate *cf_assessment_template_ref           (CfAssessmentTemplate *self);
void                  cf_assessment_template_unref         (CfAssessmentTemplate *self);
const char           *cf_assessment_template_get_id        (CfAssessmentTemplate *self);

guint                 cf_assessment_template_get_n_sections (CfAssessmentTemplate *self);
CfAssessmentSection  *cf_assessment_template_get_section   (CfAssessmentTemplate *self,
                                                            guint                 index);
CfAssessmentSection  *cf_assessment_template_find_section  (CfAssessmentTemplate *self,
                                                            const char           *key);
const CfQuestion     *cf_assessment_template_find_question (CfAssessmentTemplate *self,
                                                            const char           *key);
CfAssessmentSection  *cf_assessment_template_add_section   (CfAssessmentTemplate *self,
                                                            const char           *key,
                                                            const char           *title,
                                                            const char           *description);
void                  cf_assessment_template_add_question  (CfAssessmentTemplate *self,
                                                            CfAssessmentSection  *section,
                                                            const CfQuestion     *question);
GPtrArray            *cf_assessment_template_dup_missing   (CfAssessmentTemplate *self,
                                                            GHashTable           *answers,
                                                            gboolean              want_keys);

const char           *cf_assessment_section_get_key        (CfAssessmentSection  *section);
const char           *cf_assessment_section_get_title      (CfAssessmentSection  *section);
const char           *cf_assessment_section_get_description (CfAssessmentSection *section);
guint                 cf_assessment_section_get_n_questions (CfAssessmentSection *section);
const CfQuestion     *cf_assessment_section_get_question   (CfAssessmentSection  *section,
                                                            guint                 index);
void                  cf_assessment_section_get_progress   (CfAssessmentSection  *section,
                                                            GHashTable           *answers,
                                                            guint                *answered,
                                                            guint                *total);

gboolean              cf_question_is_shown                 (const CfQuestion     *question,
                                                            GHashTable           *answers);
gboolean              cf_question_is_answered              (const CfQuestion     *question,
                                                            GHashTable           *answers);
const char           *cf_question_get_label                (const CfQuestion     *question);
const char           *cf_question_get_help                 (const CfQuestion     *question);
const char           *cf_question_get_group                (const CfQuestion     *question);
char                 *cf_question_dup_answer_text          (const CfQuestion     *question,
                                                            const char           *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfAssessmentTemplate, cf_assessment_template_unref)

G_END_DECLS
