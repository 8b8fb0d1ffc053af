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
