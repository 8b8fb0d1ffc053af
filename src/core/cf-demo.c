/* cf-demo.c: synthetic carers for demonstrations, tests and benchmarks
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every name is plainly invented (family names are trees and birds, places are fictional), the
 * phone numbers are in Ofcom's ranges reserved for drama, and the postcodes use the "ZZ99"
 * outward code that no real address has: demo data can never be mistaken for a real person.
 */

#include "config.h"

#include "cf-assessment-answer.h"
#include "cf-carer-event.h"
#include "cf-carer.h"
#include "cf-demo.h"

static const char *given_names[] = {
  "Ada", "Bramble", "Clover", "Dorian", "Elsie", "Fenwick", "Gwen", "Hollis", "Ivy", "Jory",
  "Kestrel", "Linnet", "Marigold", "Nesbit", "Olwen", "Piper", "Quill", "Rosalind", "Sorrel",
  "Tamsin", "Ulric", "Verity", "Wilfred", "Yarrow", "Zinnia", "Amos", "Bryony", "Cedric",
  "Delphine", "Ebenezer", "Florin", "Hester",
};

static const char *family_names[] = {
  "Alderbrook", "Birchwhistle", "Copperbeech", "Dunnockfield", "Elmsworth", "Fieldfare",
  "Goldcrest", "Hawthornby", "Ironoak", "Juniperlea", "Kingfisherton", "Larchmont",
  "Mistlethrush", "Nightjar", "Oakapple", "Ploverdale", "Quailsby", "Rowanberry", "Siskinwood",
  "Teasel-Moor", "Umberwillow", "Vetchling", "Waxwing", "Yellowhammer", "Ashgrove", "Blackthorn",
  "Chiffchaff", "Dogrose", "Eiderholme", "Fernbrake",
};

static const char *localities[] = {
  "Marshby Wolds", "Fenwick Green", "Saltmarsh End", "Little Hollowdene", "Brackenford",
  "Upper Tillingham", "Nether Crowle", "Eastmere Fen",
};

static const char *streets[] = {
  "Mill Lane", "Church Row", "The Drove", "Fen Road", "Orchard Close", "Chapel Yard",
  "Long Furrow", "Pinfold Lane",
};

static const char *reasons[] = {
  "Caring for a parent with dementia; struggling with sleep.",
  "Partner recently discharged from hospital after a stroke.",
  "Caring for an adult son with a learning disability; would like a break.",
  "Looking after a neighbour with Parkinson’s; finding it hard to keep working.",
  "Caring for a partner with MS; own back pain getting worse.",
  "Supporting a sister with severe depression; feeling isolated.",
};

static const char *sources[] = { "self", "gp", "hospital", "council", "other" };
static const char *priorities[] = { "red", "amber", "green", "green", "amber" };
static const char *relationships[] = {
  "partner", "parent", "child", "sibling", "relative", "friend",
};
static const char *cared_for_given[] = {
  "Arthur", "Beatrix", "Cuthbert", "Dulcie", "Edmund", "Florence", "Godfrey", "Hilda",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static char *
iso8601 (GDateTime *when)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (when);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void add_demo_assessment (GPtrArray *records,
                                 GRand     *rand,
                                 CfCarer   *carer,
                                 GDateTime *contacted,
                                 GDateTime *now,
                                 gboolean   finished);

static void
add_demo_carer (GPtrArray *records,
                GRand     *rand,
                GDateTime *now,
                guint      index)
{
  g_autoptr(CfCarer) carer = cf_carer_new ();
  CfRecord *record = CF_RECORD (carer);
  const char *family = PICK (rand, family_names);
  const char *given = PICK (rand, given_names);
  int roll = g_rand_int_range (rand, 0, 100);
  /* Waiting referrals are recent, so some are due and some overdue. */
  int days_ago = roll < 30 ? g_rand_int_range (rand, 0, 9) : g_rand_int_range (rand, 10, 400);
  g_autoptr(GDateTime) received = g_date_time_add_minutes (now,
                                                           -(days_ago * 24 * 60 +
                                                             g_rand_int_range (rand, 0, 600)));
  g_autofree char *received_text = iso8601 (received);
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *postcode = NULL;
  g_autofree char *address = NULL;
  g_autofree char *dob = NULL;
  guint n_cared_for = g_rand_int_range (rand, 0, 10) < 8 ? 1 : 2;

  email = g_ascii_strdown (family, -1);
  g_strdelimit (email, "-", '.');
  {
    char *full = g_strdup_printf ("%s.%u@example.org", email, index);
    g_free (email);
    email = full;
  }

  /* Ofcom's drama ranges: 07700 900000–900999 and 01632 960000–960999. */
  if (g_rand_boolean (rand))
    phone = g_strdup_printf ("07700 900%03d", g_rand_int_range (rand, 0, 1000));
  else
    phone = g_strdup_printf ("01632 960%03d", g_rand_int_range (rand, 0, 1000));

  postcode = g_strdup_printf ("ZZ99 %d%c%c", g_rand_int_range (rand, 1, 10),
                              'A' + g_rand_int_range (rand, 0, 26),
                              'A' + g_rand_int_range (rand, 0, 26));
  address = g_strdup_printf ("%d %s, %s", g_rand_int_range (rand, 1, 120), PICK (rand, streets),
                             PICK (rand, localities));
  dob = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 1935, 2004),
                         g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));

  cf_record_set_text (record, "given_name", given);
  cf_record_set_text (record, "family_name", family);
  if (g_rand_int_range (rand, 0, 8) == 0)
    cf_record_set_text (record, "preferred_name", PICK (rand, given_names));
  cf_record_set_text (record, "date_of_birth", dob);
  cf_record_set_text (record, "address", address);
  cf_record_set_text (record, "postcode", postcode);
  cf_record_set_text (record, "phone", phone);
  if (g_rand_int_range (rand, 0, 3) > 0)
    cf_record_set_text (record, "email", email);
  cf_record_set_text (record, "contact_method", g_rand_boolean (rand) ? "phone" : "email");
  cf_record_set_text (record, "locality", PICK (rand, localities));
  cf_record_set_bool (record, "rural_isolated", g_rand_int_range (rand, 0, 3) == 0);
  cf_record_set_text (record, "preferred_language",
                      g_rand_int_range (rand, 0, 12) == 0 ? "Polish" : "English");
  if (g_rand_int_range (rand, 0, 10) == 0)
    cf_record_set_text (record, "communication_needs", "Large print");
  cf_record_set_text (record, "referral_source", PICK (rand, sources));
  cf_record_set_text (record, "referral_reason", PICK (rand, reasons));
  cf_record_set_text (record, "referral_received_at", received_text);
  cf_record_set_bool (record, "referral_consent", TRUE);
  cf_record_set_text (record, "priority", PICK (rand, priorities));
  cf_record_set_text (record, "priority_reason", "Rated at referral from what the carer said.");

  if (roll >= 30)
    {
      g_autoptr(GDateTime) contacted = g_date_time_add_days (received, 2);
      g_autofree char *contacted_text = iso8601 (contacted);
      g_autoptr(CfCarerEvent) event = cf_carer_event_new (cf_record_get_id (record),
                                                          CF_EVENT_FIRST_CONTACT);

      cf_record_set_text (record, "first_contact_at", contacted_text);
      cf_record_set_text (record, "status", roll >= 88 ? "closed" : "active");
      cf_record_set_text (CF_RECORD (event), "occurred_at", contacted_text);
      cf_record_set_text (CF_RECORD (event), "notes", "Phoned; carer happy to be assessed.");
      cf_record_set_text (CF_RECORD (event), "recorded_by", "demo");
      if (roll >= 88)
        {
          cf_record_set_text (record, "closed_at", contacted_text);
          cf_record_set_text (record, "closure_reason",
                              "Information and advice given: carers’ guide and local groups.");
          cf_record_set_text (record, "closure_outcome", "information-only");
        }
      g_ptr_array_add (records, g_object_ref (carer));
      g_ptr_array_add (records, g_steal_pointer (&event));
      if (roll >= 50 && roll < 88)
        add_demo_assessment (records, rand, carer, contacted, now, roll >= 65);
    }
  else
    {
      g_ptr_array_add (records, g_object_ref (carer));
    }

  for (guint i = 0; i < n_cared_for; i++)
    {
      CfCaredFor *cared_for = cf_carer_add_cared_for (carer);
      g_autofree char *name = g_strdup_printf ("%s %s", PICK (rand, cared_for_given), family);

      cf_record_set_text (CF_RECORD (cared_for), "name", name);
      cf_record_set_text (CF_RECORD (cared_for), "relationship", PICK (rand, relationships));
      cf_record_set_bool (CF_RECORD (cared_for), "lives_with_carer", g_rand_boolean (rand));
      g_ptr_array_add (records, g_object_ref (cared_for));
    }
}

/**
 * cf_demo_answer_assessment:
 * @eligible: whether the answers make the carer eligible
 *
 * Answers every question the decision needs (for demonstrations and tests). With @eligible
 * the carer cannot maintain a habitable home without help, and the impact on their health and
 * wellbeing is significant; without it every outcome is achievable, health is not at risk and
 * the impact is not significant.
 */
void
cf_demo_answer_assessment (CfAssessment *assessment,
                           gboolean      eligible)
{
  static const char * const fixed[] = {
    "caring.necessary_care", "yes",
    "consent.assessment", "yes",
    "ability.able_now", "yes",
    "ability.willing_now", "yes",
    "ability.able_future", "unsure",
    "ability.willing_future", "yes",
    "safeguarding.concern", "no",
    "health.at_risk", "no",
    NULL
  };

  g_return_if_fail (CF_IS_ASSESSMENT (assessment));
  g_return_if_fail (!cf_assessment_is_finished (assessment));

  for (guint i = 0; fixed[i] != NULL; i += 2)
    cf_assessment_set_answer (assessment, fixed[i], fixed[i + 1], NULL);

  for (guint i = 0; cf_reg3_outcomes[i].id != NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("outcome.%s.achievable", cf_reg3_outcomes[i].id);
      gboolean unable = eligible && g_str_equal (cf_reg3_outcomes[i].id, "home");

      cf_assessment_set_answer (assessment, key, unable ? "unable" : "achievable", NULL);
    }
  if (eligible)
    cf_assessment_set_answer (assessment, "outcome.home.reason", "needs-help", NULL);

  for (guint i = 0; cf_wellbeing_areas[i].id != NULL; i++)
    {
      g_autofree char *key = g_strdup_printf ("wellbeing.%s.impact", cf_wellbeing_areas[i].id);
      gboolean significant = eligible && g_str_equal (cf_wellbeing_areas[i].id, "health");

      cf_assessment_set_answer (assessment, key, significant ? "significant" : "some", NULL);
    }
  cf_assessment_set_answer (assessment, "wellbeing.overall", eligible ? "yes" : "no", NULL);
}

/* Some active carers have an assessment: a draft part-way through, or a finished one with
 * the decision the rules proposed. Written directly, as if it had been done at the visit. */
static void
add_demo_assessment (GPtrArray *records,
                     GRand     *rand,
                     CfCarer   *carer,
                     GDateTime *contacted,
                     GDateTime *now,
                     gboolean   finished)
{
  const char *carer_id = cf_record_get_id (CF_RECORD (carer));
  g_autoptr(CfAssessment) assessment = cf_assessment_new (carer_id, "carer");
  g_autoptr(GDateTime) later = g_date_time_add_days (contacted, g_rand_int_range (rand, 3, 20));
  g_autoptr(GDateTime) visit = g_date_time_compare (later, now) > 0 ? g_date_time_ref (now)
                                                                    : g_date_time_ref (later);
  g_autofree char *visit_day = g_date_time_format (visit, "%Y-%m-%d");
  g_autofree char *visit_at = iso8601 (visit);
  CfRecord *record = CF_RECORD (assessment);
  gboolean eligible = g_rand_int_range (rand, 0, 4) > 0;
  g_autoptr(GPtrArray) all = NULL;

  cf_record_set_text (record, "mode", g_rand_boolean (rand) ? "face-to-face" : "phone");
  cf_record_set_text (record, "assessed_on", visit_day);
  cf_record_set_text (record, "assessor", "demo");
  cf_assessment_set_answer (assessment, "caring.role",
                            "Helps with washing, dressing, meals and medication every day.", NULL);
  cf_assessment_set_answer (assessment, "fluctuation.bad_days",
                            "Up several times in the night; too tired to go out.", NULL);

  if (finished)
    {
      g_autoptr(CfEligibility) proposal = NULL;

      cf_demo_answer_assessment (assessment, eligible);
      proposal = cf_assessment_evaluate (assessment);
      cf_record_set_text (record, "decision", cf_eligibility_get_decision_id (proposal));
      cf_record_set_text (record, "proposed", cf_eligibility_get_decision_id (proposal));
      cf_record_set_text (record, "decided_by", "organisation");
      cf_record_set_text (record, "status", CF_ASSESSMENT_FINISHED);
      cf_record_set_text (record, "finished_at", visit_at);
      cf_record_set_text (record, "finished_by", "demo");
      cf_record_set_int (record, "revision", 1);

      {
        g_autoptr(CfCarerEvent) event = cf_carer_event_new (carer_id,
                                                            CF_EVENT_ASSESSMENT_FINISHED);

        cf_record_set_text (CF_RECORD (event), "occurred_at", visit_at);
        cf_record_set_text (CF_RECORD (event), "recorded_by", "demo");
        cf_record_set_text (CF_RECORD (event), "related_id", cf_record_get_id (record));
        cf_record_set_text (CF_RECORD (event), "notes",
                            cf_decision_get_label (cf_eligibility_get_decision_id (proposal)));
        g_ptr_array_add (records, g_steal_pointer (&event));
      }
    }
  else
    {
      cf_assessment_set_answer (assessment, "caring.necessary_care", "yes", NULL);
      cf_assessment_set_answer (assessment, "health.at_risk",
                                g_rand_boolean (rand) ? "yes" : "no", NULL);
    }

  all = cf_assessment_dup_records (assessment);
  for (guint i = 0; i < all->len; i++)
    g_ptr_array_add (records, g_object_ref (g_ptr_array_index (all, i)));
}

/**
 * cf_demo_generate:
 * @seed: the same seed gives the same carers
 *
 * Adds @n_carers fictional carers, with cared-for people and first contacts, through the
 * ordinary save path (outbox and audit included), in transactions of a few hundred.
 */
gboolean
cf_demo_generate (CfStore  *store,
                  guint     n_carers,
                  guint32   seed,
                  GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GDateTime) now = NULL;
  const guint batch = 250;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);

  now = cf_clock_now (cf_store_get_clock (store));

  for (guint done = 0; done < n_carers; done += batch)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = done; i < MIN (done + batch, n_carers); i++)
        add_demo_carer (records, rand, now, i);

      if (!cf_store_save (store, (CfRecord **) records->pdata, records->len, error))
        return FALSE;
    }

  return TRUE;
}
