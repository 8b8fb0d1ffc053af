/* cf-choices.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-choices.h"

/* DOMAIN.md, "Referral and waiting": red / amber / green, and colour is never the only signal,
 * so every priority has a word. */
const CfChoice cf_priorities[] = {
  { "red", N_("Red") },
  { "amber", N_("Amber") },
  { "green", N_("Green") },
  { NULL }
};

const CfChoice cf_statuses[] = {
  /* Translators: a carer who has been referred and not yet contacted */
  { "waiting", N_("Waiting for first contact") },
  { "active", N_("Active") },
  { "closed", N_("Closed") },
  { NULL }
};

/* DOMAIN.md: "source (self, GP, hospital, council, other)" */
const CfChoice cf_referral_sources[] = {
  { "self", N_("Self-referral") },
  { "gp", N_("GP") },
  { "hospital", N_("Hospital") },
  { "council", N_("Council") },
  { "other", N_("Other") },
  { NULL }
};

const CfChoice cf_contact_methods[] = {
  { "phone", N_("Phone call") },
  { "text", N_("Text message") },
  { "email", N_("Email") },
  { "letter", N_("Letter") },
  { "visit", N_("Home visit") },
  { NULL }
};

const CfChoice cf_relationships[] = {
  { "partner", N_("Spouse or partner") },
  { "parent", N_("Parent") },
  { "child", N_("Son or daughter") },
  { "sibling", N_("Brother or sister") },
  { "relative", N_("Other relative") },
  { "friend", N_("Friend or neighbour") },
  { "other", N_("Other") },
  { NULL }
};

const CfChoice cf_contact_kinds[] = {
  { "first-contact", N_("First contact") },
  /* Translators: a check-in call to a carer who is waiting for an assessment */
  { "waiting-well", N_("Waiting well call") },
  { NULL }
};

/* DOMAIN.md: a carer given information and advice and closed, whether without an assessment,
 * after one that found nothing eligible, or after declining, has had an outcome. */
const CfChoice cf_closure_outcomes[] = {
  { "information-only", N_("Information and advice only") },
  { "not-eligible", N_("Not eligible: information and advice given") },
  /* Translators: the carer said no to an assessment or to support (Care Act s.11) */
  { "declined", N_("Declined: information and advice given") },
  { NULL }
};

/* DOMAIN.md, "The carer's assessment": s.10, s.12 joint, young carer's needs assessment,
 * the s.60 and s.63-64 transition assessments, and reassessment. */
const CfChoice cf_assessment_kinds[] = {
  { "carer", N_("Carer’s assessment") },
  { "joint", N_("Joint with the cared-for person’s assessment") },
  { "young-carer", N_("Young carer’s needs assessment") },
  /* Translators: Care Act s.60, the carer of a child who is nearly 18 */
  { "child-carer-transition", N_("Child’s carer transition assessment") },
  /* Translators: Care Act s.63, a young carer who is nearly 18 */
  { "young-carer-transition", N_("Young carer transition assessment") },
  { "reassessment", N_("Reassessment") },
  { NULL }
};

const CfChoice cf_assessment_modes[] = {
  { "face-to-face", N_("Face to face") },
  { "phone", N_("By phone") },
  { "video", N_("By video call") },
  { "supported-self", N_("Supported self-assessment") },
  { NULL }
};

/* The eight outcomes of the Care and Support (Eligibility Criteria) Regulations 2015,
 * reg 3(2)(b)(i)-(viii), in the regulation's order. The ids are stored: never change one. */
const CfChoice cf_reg3_outcomes[] = {
  { "child-care", N_("Carrying out caring responsibilities for a child") },
  { "other-care", N_("Providing care to other people they care for") },
  { "home", N_("Maintaining a habitable home") },
  { "nutrition", N_("Managing and maintaining nutrition") },
  { "relationships", N_("Developing and maintaining family or other personal relationships") },
  { "work", N_("Engaging in work, training, education or volunteering") },
  { "community", N_("Using necessary facilities or services in the local community") },
  { "recreation", N_("Engaging in recreational activities") },
  { NULL }
};

/* Reg 3(3): what "unable to achieve" means. */
const CfChoice cf_unable_reasons[] = {
  { "needs-help", N_("Cannot achieve it without help") },
  { "distress", N_("Can, but it causes significant pain, distress or anxiety") },
  { "danger", N_("Can, but it endangers the health or safety of the carer or others") },
  { NULL }
};

/* The nine areas of wellbeing in Care Act s.1(2), in the Act's order. */
const CfChoice cf_wellbeing_areas[] = {
  { "dignity", N_("Personal dignity") },
  { "health", N_("Physical and mental health and emotional wellbeing") },
  { "protection", N_("Protection from abuse and neglect") },
  { "control", N_("Control over day-to-day life") },
  { "participation", N_("Participation in work, education, training or recreation") },
  { "social-economic", N_("Social and economic wellbeing") },
  { "relationships", N_("Domestic, family and personal relationships") },
  { "accommodation", N_("Suitability of accommodation") },
  { "contribution", N_("Contribution to society") },
  { NULL }
};

/* Ways of meeting a carer's needs (Care Act 2014 s.8; DOMAIN.md, "Support plan"). */
const CfChoice cf_plan_ways[] = {
  { "direct-payment", N_("A direct payment") },
  { "replacement-care", N_("Replacement care for the cared-for person") },
  { "break", N_("A break") },
  { "equipment", N_("Equipment or technology-enabled care") },
  { "training", N_("Training") },
  { "peer-support", N_("Peer support") },
  { "information", N_("Information and advice") },
  { "emergency-planning", N_("Emergency planning") },
  { "signposting", N_("Signposting to other services") },
  { "not-met", N_("Not met by this plan") },
  { NULL }
};

/* s.25(1)(b): whether, and to what extent, a need meets the eligibility criteria. */
const CfChoice cf_need_eligibility[] = {
  { "eligible", N_("Eligible") },
  { "partly", N_("Partly eligible") },
  { "not-eligible", N_("Not eligible") },
  { NULL }
};

/* DOMAIN.md: breaks are recorded by type, planned and taken. */
const CfChoice cf_break_kinds[] = {
  { "short-notice", N_("Emergency or short notice") },
  { "day", N_("1 to 24 hours") },
  { "long", N_("More than 24 hours") },
  { NULL }
};

/* The format a copy of the plan was given in (Accessible Information Standard). */
const CfChoice cf_copy_formats[] = {
  { "standard", N_("Standard print") },
  { "large-print", N_("Large print") },
  { "easy-read", N_("Easy read") },
  { "email", N_("By email") },
  { "braille", N_("Braille") },
  { "audio", N_("Audio") },
  { "read-aloud", N_("Read aloud and explained") },
  { NULL }
};

/* DOMAIN.md, "Direct payments": short-term payments bridge the wait for a long-term one. */
const CfChoice cf_direct_payment_terms[] = {
  { "long-term", N_("Long term") },
  { "short-term", N_("Short term, while a long-term one is set up") },
  { NULL }
};

const CfChoice cf_direct_payment_methods[] = {
  { "prepaid-card", N_("Prepaid card") },
  { "bank-account", N_("Bank account") },
  { "managed-account", N_("Managed account or third party") },
  { NULL }
};

/* What a direct payment may not buy (DOMAIN.md, "Direct payments"). Agreeing one of these
 * needs a recorded reason. */
const CfChoice cf_direct_payment_not_allowed[] = {
  { "outside-plan", N_("Something outside the support plan") },
  { "health-care", N_("Health care") },
  { "residential-care", N_("Long-term residential care") },
  { "council-services", N_("Council services") },
  { "food", N_("Food") },
  { "utilities", N_("Utilities") },
  { "rent", N_("Rent") },
  { "alcohol", N_("Alcohol") },
  { "tobacco", N_("Tobacco") },
  { "gambling", N_("Gambling") },
  { "gifts", N_("Gifts") },
  { "cash", N_("Cash withdrawals") },
  { "care-for-cared-for", N_("Care for the cared-for person") },
  { NULL }
};

/* Direct Payments Regulations 2014: capacity to request, or an authorised person. */
const CfChoice cf_capacity_answers[] = {
  { "yes", N_("Has capacity to request it") },
  { "no", N_("Lacks capacity to request it") },
  { NULL }
};

const CfChoice cf_manage_answers[] = {
  { "alone", N_("Can manage it alone") },
  { "with-help", N_("Can manage it with help") },
  { "no", N_("Cannot manage it, even with help") },
  { NULL }
};

const CfChoice cf_direct_payment_statuses[] = {
  { "setting-up", N_("Being set up") },
  { "active", N_("Paying") },
  { "ended", N_("Ended") },
  { "refused", N_("Cannot be set up") },
  { NULL }
};

/* DOMAIN.md: personal assistants employed through a direct payment. */
const CfChoice cf_assistant_statuses[] = {
  { "recruiting", N_("Recruiting") },
  { "in-post", N_("In post") },
  { "vacant", N_("Vacant") },
  { "ended", N_("Ended") },
  { NULL }
};

/* DOMAIN.md, "Support plan": sooner on request or a change of circumstances. */
const CfChoice cf_review_reasons[] = {
  { "request", N_("The carer asked for one") },
  { "cared-for-in-hospital", N_("The cared-for person was in hospital over 72 hours") },
  { "carer-in-hospital", N_("The carer was in hospital") },
  { "moved-into-care", N_("The cared-for person moved into care") },
  { "bereavement", N_("Bereavement") },
  { "new-diagnosis", N_("A new diagnosis") },
  { "relationship-change", N_("A change in relationship") },
  { "work-change", N_("A change in work") },
  { "concern", N_("A concern about the direct payment") },
  { "other", N_("Another change of circumstances") },
  { NULL }
};

/* What a carer can say in carer review mode (cf-carer-review.c). */
const CfChoice cf_carer_response_kinds[] = {
  { "agree", N_("Agrees with the plan") },
  { "comment", N_("A comment") },
  { "change", N_("Something should change") },
  { "early-review", N_("Asked for an early review") },
  { NULL }
};

const CfChoice cf_review_outcomes[] = {
  { "no-change", N_("No change to the plan") },
  { "plan-revised", N_("The plan was revised") },
  { "reassessment", N_("A new assessment is needed") },
  { NULL }
};

guint
cf_choices_count (const CfChoice *choices)
{
  guint n = 0;

  g_return_val_if_fail (choices != NULL, 0);

  while (choices[n].id != NULL)
    n++;

  return n;
}

int
cf_choices_find (const CfChoice *choices,
                 const char     *id)
{
  g_return_val_if_fail (choices != NULL, -1);

  if (id == NULL)
    return -1;

  for (guint i = 0; choices[i].id != NULL; i++)
    {
      if (strcmp (choices[i].id, id) == 0)
        return i;
    }

  return -1;
}

/* The translated label, or the identifier itself if it is not one we know: a value synced
 * from a newer version is shown rather than hidden. */
const char *
cf_choices_label (const CfChoice *choices,
                  const char     *id)
{
  int index = cf_choices_find (choices, id);

  if (index < 0)
    return id != NULL ? id : "";

  return _(choices[index].label);
}
