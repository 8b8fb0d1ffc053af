/* cf-choices.h: the fixed vocabularies a field can take
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An identifier stored and synced, and an untranslated label (marked with N_()). Tables end
 * with a { NULL } entry. */
typedef struct
{
  const char *id;
  const char *label;
} CfChoice;

extern const CfChoice cf_priorities[];
extern const CfChoice cf_statuses[];
extern const CfChoice cf_referral_sources[];
extern const CfChoice cf_contact_methods[];
extern const CfChoice cf_relationships[];
extern const CfChoice cf_contact_kinds[];
extern const CfChoice cf_closure_outcomes[];
extern const CfChoice cf_assessment_kinds[];
extern const CfChoice cf_assessment_modes[];
extern const CfChoice cf_reg3_outcomes[];
extern const CfChoice cf_unable_reasons[];
extern const CfChoice cf_wellbeing_areas[];
extern const CfChoice cf_plan_ways[];
extern const CfChoice cf_need_eligibility[];
extern const CfChoice cf_break_kinds[];
extern const CfChoice cf_copy_formats[];
extern const CfChoice cf_carer_response_kinds[];
extern const CfChoice cf_direct_payment_terms[];
extern const CfChoice cf_direct_payment_methods[];
extern const CfChoice cf_direct_payment_not_allowed[];
extern const CfChoice cf_capacity_answers[];
extern const CfChoice cf_manage_answers[];
extern const CfChoice cf_direct_payment_statuses[];
extern const CfChoice cf_assistant_statuses[];
extern const CfChoice cf_review_reasons[];
extern const CfChoice cf_review_outcomes[];

guint       cf_choices_count (const CfChoice *choices);
int         cf_choices_find  (const CfChoice *choices,
                              const char     *id);
const char *cf_choices_label (const CfChoice *choices,
                              const char     *id);

G_END_DECLS
