/* cf-direct-payments.h: direct payments, their rules, balance returns and personal assistants
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-balance-return.h"
#include "cf-carer.h"
#include "cf-direct-payment.h"
#include "cf-personal-assistant.h"
#include "cf-plan.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_DIRECT_PAYMENT_SETTING_UP "setting-up"
#define CF_DIRECT_PAYMENT_ACTIVE     "active"
#define CF_DIRECT_PAYMENT_ENDED      "ended"
#define CF_DIRECT_PAYMENT_REFUSED    "refused"

typedef enum
{
  /* The payment cannot be set up while this stands (for example no capacity and no
   * authorised person). */
  CF_DP_ISSUE_BLOCKS,
  /* Allowed only with a recorded reason; cleared once the reason field has text. */
  CF_DP_ISSUE_NEEDS_REASON,
  /* Worth knowing; does not stop anything. */
  CF_DP_ISSUE_WARNING,
} CfDirectPaymentIssueKind;

typedef struct
{
  CfDirectPaymentIssueKind  kind;
  /* The field to put the message next to, such as "capacity" or "close_relative_reason". */
  char                     *field;
  char                     *message;
} CfDirectPaymentIssue;

void             cf_direct_payment_issue_free           (CfDirectPaymentIssue *issue);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfDirectPaymentIssue, cf_direct_payment_issue_free)

GPtrArray       *cf_direct_payment_check                (CfDirectPayment  *payment);
gboolean         cf_direct_payment_can_set_up           (CfDirectPayment  *payment,
                                                         char            **reason);
GPtrArray       *cf_direct_payment_dup_missing          (CfDirectPayment  *payment);
gboolean         cf_direct_payment_is_locked            (CfDirectPayment  *payment);
char            *cf_direct_payment_describe_amount      (CfDirectPayment  *payment);

GPtrArray       *cf_direct_payments_list                (CfStore          *store,
                                                         const char       *carer_id,
                                                         GError          **error);
CfDirectPayment *cf_direct_payments_load                (CfStore          *store,
                                                         const char       *id,
                                                         GError          **error);
CfDirectPayment *cf_direct_payments_start               (CfStore          *store,
                                                         CfCarer          *carer,
                                                         CfPlan           *plan,
                                                         const char       *term,
                                                         const char       *requested_on,
                                                         GError          **error);
gboolean         cf_direct_payments_save                (CfStore          *store,
                                                         CfDirectPayment  *payment,
                                                         GError          **error);
gboolean         cf_direct_payments_agree               (CfStore          *store,
                                                         CfDirectPayment  *payment,
                                                         const char       *agreed_on,
                                                         GError          **error);
gboolean         cf_direct_payments_end                 (CfStore          *store,
                                                         CfDirectPayment  *payment,
                                                         const char       *ended_on,
                                                         const char       *reason,
                                                         GError          **error);

GPtrArray       *cf_direct_payments_list_returns        (CfStore          *store,
                                                         const char       *payment_id,
                                                         GError          **error);
CfBalanceReturn *cf_direct_payments_add_return          (CfStore          *store,
                                                         CfDirectPayment  *payment,
                                                         const char       *returned_on,
                                                         gint64            balance_pence,
                                                         gint64            one_off_spent_pence,
                                                         GError          **error);
gboolean         cf_direct_payments_record_recovery     (CfStore          *store,
                                                         CfBalanceReturn  *balance_return,
                                                         gint64            recovered_pence,
                                                         const char       *recovered_on,
                                                         GError          **error);

GPtrArray       *cf_direct_payments_list_assistants     (CfStore          *store,
                                                         const char       *payment_id,
                                                         GError          **error);
gboolean         cf_direct_payments_save_assistant      (CfStore          *store,
                                                         CfPersonalAssistant *assistant,
                                                         GError          **error);

G_END_DECLS
