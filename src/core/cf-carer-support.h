/* cf-carer-support.h: everything that follows a carer's assessment, gathered for one view
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-carer.h"
#include "cf-direct-payments.h"
#include "cf-emergency-plans.h"
#include "cf-plans.h"
#include "cf-reviews.h"
#include "cf-store.h"

G_BEGIN_DECLS

/* One version of the support plan with what it says. */
typedef struct
{
  CfPlan    *plan;
  /* (element-type CfPlanNeed), in the plan's order */
  GPtrArray *needs;
  /* (element-type CfPlanAction), in the plan's order */
  GPtrArray *actions;
} CfCarerSupportPlan;

/* One direct payment with what it depends on. */
typedef struct
{
  CfDirectPayment *payment;
  /* (element-type CfDirectPaymentIssue), from cf_direct_payment_check() */
  GPtrArray       *issues;
  /* (element-type CfBalanceReturn), newest first */
  GPtrArray       *returns;
  /* (element-type CfPersonalAssistant), by name */
  GPtrArray       *assistants;
} CfCarerSupportPayment;

typedef struct
{
  /* (element-type CfCarerSupportPlan), every version, newest first */
  GPtrArray       *plans;
  /* (nullable): the newest version not superseded, as cf_plans_current() says: a draft being
   * written or the plan in force */
  CfPlan          *current_plan;
  /* (nullable): the agreed version in force */
  CfPlan          *plan_in_force;
  /* (element-type CfCarerBreak), breaks taken, newest first */
  GPtrArray       *breaks;
  /* (nullable) */
  CfEmergencyPlan *emergency_plan;
  /* (element-type CfEmergencyContact), in the order they are called; empty without a plan */
  GPtrArray       *emergency_contacts;
  /* (element-type CfCarerSupportPayment), the most recently requested first */
  GPtrArray       *direct_payments;
  /* (element-type CfReview), newest first */
  GPtrArray       *reviews;
  /* (element-type CfDueItem), everything that falls due, soonest first */
  GPtrArray       *due;
} CfCarerSupport;

CfCarerSupport *cf_carer_support_load (CfStore         *store,
                                       CfCarer         *carer,
                                       GError         **error);
void            cf_carer_support_free (CfCarerSupport  *support);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfCarerSupport, cf_carer_support_free)

G_END_DECLS
