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
