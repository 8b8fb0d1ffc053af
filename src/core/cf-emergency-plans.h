/* cf-emergency-plans.h: a carer's emergency plan and its contacts in the store
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-carer.h"
#include "cf-document.h"
#include "cf-emergency-contact.h"
#include "cf-emergency-plan.h"
#include "cf-store.h"
#include "cf-written-record.h"

G_BEGIN_DECLS

/* DOMAIN.md, "Emergency (contingency) plan": at least two named contacts, in order. */
#define CF_EMERGENCY_MIN_CONTACTS 2

CfEmergencyPlan *cf_emergency_plans_load_for_carer (CfStore          *store,
                                                    const char       *carer_id,
                                                    GError          **error);
CfEmergencyPlan *cf_emergency_plans_create         (CfStore          *store,
                                                    CfCarer          *carer,
                                                    const char       *card_phone,
                                                    GError          **error);
GPtrArray       *cf_emergency_plans_list_contacts  (CfStore          *store,
                                                    const char       *plan_id,
                                                    GError          **error);
GPtrArray       *cf_emergency_plan_dup_missing     (CfEmergencyPlan  *plan,
                                                    GPtrArray        *contacts);
gboolean         cf_emergency_plans_save           (CfStore          *store,
                                                    CfEmergencyPlan  *plan,
                                                    GPtrArray        *contacts,
                                                    GError          **error);
gboolean         cf_emergency_plans_agree          (CfStore          *store,
                                                    CfEmergencyPlan  *plan,
                                                    GPtrArray        *contacts,
                                                    const char       *agreed_on,
                                                    GError          **error);
gboolean         cf_emergency_plans_checked        (CfStore          *store,
                                                    CfEmergencyPlan  *plan,
                                                    const char       *checked_on,
                                                    GError          **error);
gboolean         cf_emergency_contact_is_listed    (CfEmergencyContact *contact);
char            *cf_emergency_contact_dup_label    (CfEmergencyContact *contact,
                                                    guint             number);
CfDocument      *cf_emergency_plan_document_build  (CfCarer          *carer,
                                                    CfEmergencyPlan  *plan,
                                                    GPtrArray        *contacts,
                                                    GPtrArray        *cared_for,
                                                    const CfOrganisation *organisation,
                                                    CfDocumentFormat  format,
                                                    const char       *language);
CfDocument      *cf_emergency_card_build           (CfCarer          *carer,
                                                    CfEmergencyPlan  *plan);

G_END_DECLS
