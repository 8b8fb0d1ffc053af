/* cf-assessment-answer.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_ASSESSMENT_ANSWER (cf_assessment_answer_get_type ())

G_DECLARE_FINAL_TYPE (CfAssessmentAnswer, cf_assessment_answer, CF, ASSESSMENT_ANSWER, CfRecord)

CfAssessmentAnswer *cf_assessment_answer_new          (const char         *assessment_id,
                                                       const char         *question);
char               *cf_assessment_answer_id_for       (const char         *assessment_id,
                                                       const char         *question);
const char         *cf_assessment_answer_get_question (CfAssessmentAnswer *self);
const char         *cf_assessment_answer_get_value    (CfAssessmentAnswer *self);

G_END_DECLS
