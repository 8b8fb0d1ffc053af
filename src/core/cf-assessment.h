/* cf-assessment.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-assessment-answer.h"
#include "cf-assessment-template.h"
#include "cf-choices.h"
#include "cf-eligibility.h"
#include "cf-record.h"

G_BEGIN_DECLS

#define CF_ASSESSMENT_ERROR (cf_assessment_error_quark ())

typedef enum
{
  CF_ASSESSMENT_ERROR_LOCKED,
  CF_ASSESSMENT_ERROR_INCOMPLETE,
  CF_ASSESSMENT_ERROR_INVALID,
  CF_ASSESSMENT_ERROR_NOT_ALLOWED,
} CfAssessmentError;

#define CF_ASSESSMENT_DRAFT    "draft"
#define CF_ASSESSMENT_FINISHED "finished"

#define CF_TYPE_ASSESSMENT (cf_assessment_get_type ())

G_DECLARE_FINAL_TYPE (CfAssessment, cf_assessment, CF, ASSESSMENT, CfRecord)

extern const CfChoice cf_decided_by[];
extern const CfChoice cf_written_record_methods[];

GQuark                cf_assessment_error_quark        (void);

CfAssessment         *cf_assessment_new                (const char    *carer_id,
                                                        const char    *kind);
const char           *cf_assessment_get_carer_id       (CfAssessment  *self);
const char           *cf_assessment_get_kind           (CfAssessment  *self);
const char           *cf_assessment_get_status         (CfAssessment  *self);
gboolean              cf_assessment_is_finished        (CfAssessment  *self);
CfAssessmentTemplate *cf_assessment_get_template       (CfAssessment  *self);
char                 *cf_assessment_dup_title          (CfAssessment  *self);

const char           *cf_assessment_get_answer         (CfAssessment  *self,
                                                        const char    *question);
gboolean              cf_assessment_set_answer         (CfAssessment  *self,
                                                        const char    *question,
                                                        const char    *value,
                                                        GError       **error);
GHashTable           *cf_assessment_get_answers        (CfAssessment  *self);
gboolean              cf_assessment_set_field          (CfAssessment  *self,
                                                        const char    *field,
                                                        const char    *value,
                                                        GError       **error);
gboolean              cf_assessment_field_is_editable  (CfAssessment  *self,
                                                        const char    *field);

CfEligibility        *cf_assessment_evaluate           (CfAssessment  *self);
const CfChoice       *cf_assessment_get_decisions      (CfAssessment  *self);
gboolean              cf_assessment_decision_differs   (CfAssessment  *self,
                                                        CfEligibility *proposal);
GPtrArray            *cf_assessment_dup_missing        (CfAssessment  *self);

GPtrArray            *cf_assessment_dup_records        (CfAssessment  *self);

G_END_DECLS
