/* cf-eligibility.h: the proposed eligibility decision for a carer
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The three conditions of the Care and Support (Eligibility Criteria) Regulations 2015,
 * reg 3(1)(a)-(c). */
typedef enum
{
  CF_CONDITION_NECESSARY_CARE,
  CF_CONDITION_HEALTH_OR_OUTCOMES,
  CF_CONDITION_WELLBEING,
  CF_N_CONDITIONS,
} CfCondition;

typedef enum
{
  CF_CONDITION_UNANSWERED,
  CF_CONDITION_MET,
  CF_CONDITION_NOT_MET,
} CfConditionState;

typedef enum
{
  CF_ELIGIBILITY_UNDETERMINED,
  CF_ELIGIBILITY_ELIGIBLE,
  CF_ELIGIBILITY_NOT_ELIGIBLE,
} CfEligibilityResult;

/* Stored decision identifiers. Transition assessments (s.60, s.63) indicate likely
 * eligibility rather than applying the criteria, so they have their own words. */
#define CF_DECISION_ELIGIBLE            "eligible"
#define CF_DECISION_NOT_ELIGIBLE        "not-eligible"
#define CF_DECISION_LIKELY_ELIGIBLE     "likely-eligible"
#define CF_DECISION_LIKELY_NOT_ELIGIBLE "likely-not-eligible"

typedef struct _CfEligibility CfEligibility;

#define CF_TYPE_ELIGIBILITY (cf_eligibility_get_type ())

GType                cf_eligibility_get_type          (void) G_GNUC_CONST;

CfEligibility       *cf_eligibility_evaluate          (const char     *kind,
                                                       GHashTable     *answers);
CfEligibility       *cf_eligibility_ref               (CfEligibility  *self);
void                 cf_eligibility_unref             (CfEligibility  *self);

gboolean             cf_eligibility_is_transition     (CfEligibility  *self);
CfConditionState     cf_eligibility_get_condition     (CfEligibility  *self,
                                                       CfCondition     condition);
const char          *cf_eligibility_get_reason        (CfEligibility  *self,
                                                       CfCondition     condition);
CfEligibilityResult  cf_eligibility_get_result        (CfEligibility  *self);
const char          *cf_eligibility_get_decision_id   (CfEligibility  *self);
const char          *cf_eligibility_get_summary       (CfEligibility  *self);
GStrv                cf_eligibility_get_unable_outcomes (CfEligibility *self);
GStrv                cf_eligibility_get_missing       (CfEligibility  *self);
GStrv                cf_eligibility_get_missing_keys  (CfEligibility  *self);

const char          *cf_condition_get_title           (CfCondition     condition);
const char          *cf_decision_get_label            (const char     *decision_id);
gboolean             cf_kind_is_transition            (const char     *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfEligibility, cf_eligibility_unref)

G_END_DECLS
