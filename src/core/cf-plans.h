/* cf-plans.h: support plans, their needs, actions and breaks, in the store
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-assessment.h"
#include "cf-carer.h"
#include "cf-carer-break.h"
#include "cf-document.h"
#include "cf-plan.h"
#include "cf-plan-action.h"
#include "cf-plan-need.h"
#include "cf-store.h"
#include "cf-written-record.h"

G_BEGIN_DECLS

#define CF_PLAN_ERROR (cf_plan_error_quark ())

/* Shared by plans, emergency plans, direct payments and reviews. */
typedef enum
{
  CF_PLAN_ERROR_INVALID,
  CF_PLAN_ERROR_INCOMPLETE,
  CF_PLAN_ERROR_LOCKED,
  CF_PLAN_ERROR_NOT_ALLOWED,
} CfPlanError;

#define CF_PLAN_DRAFT      "draft"
#define CF_PLAN_AGREED     "agreed"
#define CF_PLAN_SUPERSEDED "superseded"

GQuark      cf_plan_error_quark             (void);

GPtrArray  *cf_plans_list                   (CfStore       *store,
                                             const char    *carer_id,
                                             GError       **error);
CfPlan     *cf_plans_load                   (CfStore       *store,
                                             const char    *id,
                                             GError       **error);
CfPlan     *cf_plans_current                (CfStore       *store,
                                             const char    *carer_id,
                                             GError       **error);
CfPlan     *cf_plans_create_from_assessment (CfStore       *store,
                                             CfCarer       *carer,
                                             CfAssessment  *assessment,
                                             GError       **error);
GPtrArray  *cf_plans_list_needs             (CfStore       *store,
                                             const char    *plan_id,
                                             GError       **error);
GPtrArray  *cf_plans_list_actions           (CfStore       *store,
                                             const char    *plan_id,
                                             GError       **error);
gboolean    cf_plan_is_editable             (CfPlan        *plan);
gint64      cf_plan_get_council_contribution (CfPlan       *plan);
GPtrArray  *cf_plan_dup_missing             (CfPlan        *plan,
                                             GPtrArray     *needs,
                                             GPtrArray     *actions);
gboolean    cf_plans_save                   (CfStore       *store,
                                             CfPlan        *plan,
                                             GPtrArray     *needs,
                                             GPtrArray     *actions,
                                             GError       **error);
gboolean    cf_plans_agree                  (CfStore       *store,
                                             CfPlan        *plan,
                                             GPtrArray     *needs,
                                             GPtrArray     *actions,
                                             const char    *agreed_on,
                                             GError       **error);
CfPlan     *cf_plans_revise                 (CfStore       *store,
                                             CfPlan        *plan,
                                             const char    *reason,
                                             GError       **error);
gboolean    cf_plans_copy_given             (CfStore       *store,
                                             CfPlan        *plan,
                                             const char    *given_on,
                                             const char    *format,
                                             const char    *language,
                                             GError       **error);
CfCarerBreak *cf_plans_record_break         (CfStore       *store,
                                             CfCarer       *carer,
                                             const char    *kind,
                                             const char    *taken_on,
                                             const char    *notes,
                                             GError       **error);
GPtrArray  *cf_plans_list_breaks            (CfStore       *store,
                                             const char    *carer_id,
                                             GError       **error);
CfDocument *cf_plan_document_build          (CfCarer       *carer,
                                             CfPlan        *plan,
                                             GPtrArray     *needs,
                                             GPtrArray     *actions,
                                             const char    *next_review,
                                             const CfOrganisation *organisation,
                                             CfDocumentFormat format,
                                             const char    *language);

G_END_DECLS
