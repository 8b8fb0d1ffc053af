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
#include "cf-carer-break.h"
#include "cf-carer-event.h"
#include "cf-carer.h"
#include "cf-dates.h"
#include "cf-demo.h"
#include "cf-direct-payments.h"
#include "cf-emergency-plans.h"
#include "cf-money.h"
#include "cf-plans.h"
#include "cf-reviews.h"

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

static CfAssessment *add_demo_assessment (GPtrArray *records,
                                          GRand     *rand,
                                          CfCarer   *carer,
                                          GDateTime *contacted,
                                          GDateTime *now,
                                          gboolean   finished);

/* An active carer found eligible, who may go on to have a plan and the rest. */
typedef struct
{
  CfCarer      *carer;
  CfAssessment *assessment;
} DemoCandidate;

static void
demo_candidate_free (gpointer data)
{
  DemoCandidate *candidate = data;

  g_object_unref (candidate->carer);
  g_object_unref (candidate->assessment);
  g_free (candidate);
}

static void
add_demo_carer (GPtrArray *records,
                GPtrArray *candidates,
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
        {
          CfAssessment *eligible = add_demo_assessment (records, rand, carer, contacted, now,
                                                        roll >= 65);

          if (eligible != NULL)
            {
              DemoCandidate *candidate = g_new0 (DemoCandidate, 1);

              candidate->carer = g_object_ref (carer);
              candidate->assessment = eligible;
              g_ptr_array_add (candidates, candidate);
            }
        }
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
 * the decision the rules proposed. Written directly, as if it had been done at the visit.
 * Returns a finished assessment that found the carer eligible, or NULL. */
static CfAssessment *
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

  if (finished && g_str_equal (cf_record_get_text (record, "decision"), CF_DECISION_ELIGIBLE))
    return g_steal_pointer (&assessment);

  return NULL;
}

/* After the decision ------------------------------------------------------------------------ */

static const struct
{
  const char *way;
  const char *how;
} demo_ways[] = {
  { "break", "A day a fortnight at the Brackenford day centre while a sitter stays in." },
  { "peer-support", "Monthly carers’ coffee morning at the village hall." },
  { "equipment", "A bed sensor and a pendant alarm, so nights are less broken." },
  { "information", "Benefits check and the carers’ guide, talked through at home." },
  { "training", "Moving and handling course at the carers’ centre." },
  { "direct-payment", "A direct payment for a cleaner two hours a week." },
};

static const char *demo_actions[][2] = {
  { "Book the first sitter visit", "Carers’ support worker" },
  { "Send the benefits check form", "Carers’ support worker" },
  { "Ask the GP for a carer’s health check", "Carer" },
  { "Arrange the bed sensor fitting", "Council equipment service" },
};

/* How many in ten active carers found eligible have a plan. Each plan is two transactions
 * (made, then agreed) and half of them a third (an emergency plan), so this share decides how
 * much longer a large demo takes to write. */
#define DEMO_PLANS_IN_TEN 4

static const char *helper_relationships[] = { "Daughter", "Son", "Neighbour", "Friend", "Brother" };

static char *
demo_phone (GRand *rand)
{
  /* Ofcom's drama range, as the carers' own numbers. */
  return g_strdup_printf ("01632 960%03d", g_rand_int_range (rand, 0, 1000));
}

static char *
demo_person (GRand *rand)
{
  return g_strdup_printf ("%s %s", PICK (rand, given_names), PICK (rand, family_names));
}

static char *
date_after (const GDate *from,
            int          days,
            const GDate *at_most)
{
  GDate date = *from;

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  if (at_most != NULL && g_date_compare (&date, at_most) > 0)
    date = *at_most;

  return cf_date_write_iso (&date);
}

static CfPlan *
add_demo_plan (CfStore      *store,
               GRand        *rand,
               CfCarer      *carer,
               CfAssessment *assessment,
               const char   *agreed_on,
               GError      **error)
{
  g_autoptr(CfPlan) plan = NULL;
  g_autoptr(GPtrArray) needs = NULL;
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_object_unref);
  static const gint64 costs[] = { 30000, 45000, 60000, 90000, 120000 };
  GDate agreed;
  CfRecord *record;
  const char *plan_id;
  guint n_actions = g_rand_int_range (rand, 1, 3);

  plan = cf_plans_create_from_assessment (store, carer, assessment, error);
  if (plan == NULL)
    return NULL;

  record = CF_RECORD (plan);
  plan_id = cf_record_get_id (record);
  needs = cf_plans_list_needs (store, plan_id, error);
  if (needs == NULL)
    return NULL;

  for (guint i = 0; i < needs->len; i++)
    {
      CfRecord *need = g_ptr_array_index (needs, i);
      guint way = g_rand_int_range (rand, 0, G_N_ELEMENTS (demo_ways));

      cf_record_set_text (need, "met_by", demo_ways[way].way);
      cf_record_set_text (need, "how", demo_ways[way].how);
    }

  cf_date_read_iso (agreed_on, &agreed);
  for (guint i = 0; i < n_actions; i++)
    {
      CfPlanAction *action = cf_plan_action_new (plan_id);
      guint which = g_rand_int_range (rand, 0, G_N_ELEMENTS (demo_actions));
      g_autofree char *due_on = date_after (&agreed, g_rand_int_range (rand, 7, 42), NULL);

      cf_record_set_text (CF_RECORD (action), "what", demo_actions[which][0]);
      cf_record_set_text (CF_RECORD (action), "who", demo_actions[which][1]);
      cf_record_set_text (CF_RECORD (action), "due_on", due_on);
      g_ptr_array_add (actions, action);
    }

  if (*cf_record_get_text (record, "outcomes") == '\0')
    cf_record_set_text (record, "outcomes",
                        "To sleep through more nights, and to get out once a week for myself.");
  cf_record_set_text (record, "prevention_advice",
                      "Carers’ guide given; local groups and the out-of-hours number explained.");
  cf_record_set_int (record, "cost_pence", PICK (rand, costs));
  cf_record_set_int (record, "carer_contribution_pence",
                     g_rand_int_range (rand, 0, 4) == 0 ? 5000 : 0);
  cf_record_set_int (record, "breaks_short_notice", g_rand_int_range (rand, 0, 2));
  cf_record_set_int (record, "breaks_day", g_rand_int_range (rand, 2, 13));
  cf_record_set_int (record, "breaks_long", g_rand_int_range (rand, 0, 2));
  cf_record_set_bool (record, "carer_agrees", TRUE);
  cf_record_set_text (record, "carer_comments", "Happy with this; the breaks matter most.");
  cf_record_set_text (record, "copy_given_on", agreed_on);
  cf_record_set_text (record, "copy_format", "standard");

  if (!cf_plans_agree (store, plan, needs, actions, agreed_on, error))
    return NULL;

  return g_steal_pointer (&plan);
}

static gboolean
add_demo_emergency_plan (CfStore     *store,
                         GRand       *rand,
                         CfCarer     *carer,
                         const char  *agreed_on,
                         GError     **error)
{
  g_autoptr(CfEmergencyPlan) plan = cf_emergency_plan_new (cf_record_get_id (CF_RECORD (carer)));
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *card_phone = demo_phone (rand);
  CfRecord *record = CF_RECORD (plan);

  cf_record_set_text (record, "if_none_can_come",
                      "Phone the council’s out-of-hours team for emergency replacement care.");
  cf_record_set_text (record, "medication", "Morning and evening tablets, in a dosette box.");
  cf_record_set_text (record, "medication_kept", "Kitchen cupboard above the kettle.");
  cf_record_set_text (record, "routines", "Breakfast at eight; likes the radio on at night.");
  cf_record_set_text (record, "home_access", "Key safe by the back door; the code is held by "
                                             "the first contact.");
  cf_record_set_text (record, "card_phone", card_phone);

  for (guint i = 0; i < CF_EMERGENCY_MIN_CONTACTS; i++)
    {
      CfEmergencyContact *contact = cf_emergency_contact_new (cf_record_get_id (record));
      g_autofree char *name = demo_person (rand);
      g_autofree char *phone = demo_phone (rand);

      cf_record_set_text (CF_RECORD (contact), "name", name);
      cf_record_set_text (CF_RECORD (contact), "relationship", PICK (rand, helper_relationships));
      cf_record_set_text (CF_RECORD (contact), "phone", phone);
      cf_record_set_text (CF_RECORD (contact), "can_help_with",
                          i == 0 ? "Can stay overnight." : "Can come in the day.");
      cf_record_set_bool (CF_RECORD (contact), "agreed", TRUE);
      cf_record_set_text (CF_RECORD (contact), "agreed_on", agreed_on);
      g_ptr_array_add (contacts, contact);
    }

  return cf_emergency_plans_agree (store, plan, contacts, agreed_on, error);
}

/* Something that happened, in the carer's history, on @on (an ISO 8601 date). */
static void
add_demo_event (GPtrArray  *extras,
                const char *carer_id,
                const char *kind,
                const char *on,
                const char *notes,
                CfRecord   *related)
{
  CfCarerEvent *event = cf_carer_event_new (carer_id, kind);
  g_autofree char *at = g_strdup_printf ("%sT12:00:00Z", on);

  cf_record_set_text (CF_RECORD (event), "occurred_at", at);
  cf_record_set_text (CF_RECORD (event), "recorded_by", "demo");
  cf_record_set_text (CF_RECORD (event), "notes", notes);
  cf_record_set_text (CF_RECORD (event), "related_id", cf_record_get_id (related));
  g_ptr_array_add (extras, event);
}

/* A direct payment paying since a fortnight after the plan was agreed, written as it would be
 * after cf_direct_payments_start() and cf_direct_payments_agree(), with the batch: going
 * through those calls for each would mean several transactions per payment. The rules
 * themselves are still asked whether it could have been agreed. */
static void
add_demo_direct_payment (GPtrArray   *extras,
                         GRand       *rand,
                         CfCarer     *carer,
                         CfPlan      *plan,
                         const GDate *agreed,
                         const GDate *today)
{
  static const gint64 amounts[] = { 12000, 15000, 20000, 24000 };
  const char *carer_id = cf_record_get_id (CF_RECORD (carer));
  CfDirectPayment *payment = cf_direct_payment_new (carer_id);
  g_autofree char *agreed_on = cf_date_write_iso (agreed);
  g_autofree char *first_payment_on = date_after (agreed, 14, today);
  g_autofree char *cardholder = cf_carer_dup_display_name (carer);
  g_autofree char *described = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  CfRecord *record = CF_RECORD (payment);
  gint64 amount = PICK (rand, amounts);
  GDate first;

  cf_record_set_text (record, "plan_id", cf_record_get_id (CF_RECORD (plan)));
  cf_record_set_text (record, "status", CF_DIRECT_PAYMENT_ACTIVE);
  cf_record_set_text (record, "term", "long-term");
  cf_record_set_text (record, "purpose", "Sitting service and a cleaner, so the carer gets "
                                         "regular breaks.");
  cf_record_set_int (record, "amount_pence", amount);
  cf_record_set_text (record, "frequency",
                      cf_payment_frequency_to_string (CF_PAYMENT_FOUR_WEEKLY));
  cf_record_set_text (record, "capacity", "yes");
  cf_record_set_bool (record, "consent", TRUE);
  cf_record_set_text (record, "able_to_manage", g_rand_boolean (rand) ? "alone" : "with-help");
  cf_record_set_bool (record, "appropriate", TRUE);
  cf_record_set_text (record, "decided_by", "demo");
  cf_record_set_text (record, "decided_on", agreed_on);
  cf_record_set_text (record, "method", "prepaid-card");
  cf_record_set_text (record, "budget_holder", cardholder);
  cf_record_set_text (record, "cardholder", cardholder);
  cf_record_set_text (record, "requested_on", agreed_on);
  cf_record_set_text (record, "agreed_on", agreed_on);
  cf_record_set_text (record, "agreement_signed_on", agreed_on);
  cf_record_set_text (record, "first_payment_on", first_payment_on);

  missing = cf_direct_payment_dup_missing (payment);
  g_assert (missing->len == 0 && cf_direct_payment_can_set_up (payment, NULL));

  g_ptr_array_add (extras, payment);
  add_demo_event (extras, carer_id, CF_EVENT_DIRECT_PAYMENT_REQUESTED, agreed_on,
                  cf_choices_label (cf_direct_payment_terms, "long-term"), record);
  described = cf_direct_payment_describe_amount (payment);
  add_demo_event (extras, carer_id, CF_EVENT_DIRECT_PAYMENT_AGREED, agreed_on, described,
                  record);

  cf_date_read_iso (first_payment_on, &first);

  /* After twelve weeks the carer sends a balance; some hold more than eight weeks' worth. */
  if ((gint) g_date_days_between (&first, today) >= 84 && g_rand_boolean (rand))
    {
      CfBalanceReturn *balance_return = cf_balance_return_new (cf_record_get_id (record));
      g_autofree char *returned_on = date_after (&first, 84, NULL);
      gint64 balance = amount * g_rand_int_range (rand, 1, 5) + g_rand_int_range (rand, 0, 5000);

      cf_record_set_text (CF_RECORD (balance_return), "returned_on", returned_on);
      cf_record_set_int (CF_RECORD (balance_return), "balance_pence", balance);
      cf_record_set_int (CF_RECORD (balance_return), "surplus_pence",
                         cf_direct_payment_surplus (balance, amount, CF_PAYMENT_FOUR_WEEKLY,
                                                    FALSE));
      g_ptr_array_add (extras, balance_return);
    }

  if (g_rand_boolean (rand))
    {
      CfPersonalAssistant *assistant = cf_personal_assistant_new (cf_record_get_id (record));
      g_autofree char *name = demo_person (rand);
      g_autofree char *dbs_on = date_after (&first, -g_rand_int_range (rand, 20, 900), NULL);
      g_autofree char *insured_to = date_after (&first, g_rand_int_range (rand, 120, 365), NULL);
      CfRecord *pa = CF_RECORD (assistant);

      cf_record_set_text (pa, "name", name);
      cf_record_set_text (pa, "status", "in-post");
      cf_record_set_text (pa, "right_to_work_checked_on", dbs_on);
      cf_record_set_text (pa, "contract_signed_on", first_payment_on);
      cf_record_set_text (pa, "dbs_checked_on", dbs_on);
      cf_record_set_text (pa, "insurance_expires_on", insured_to);
      cf_record_set_text (pa, "payroll_provider", "Marshby Payroll Co-operative");
      g_ptr_array_add (extras, assistant);
    }

  /* Some posts stay empty for weeks: flagged from the 31st day. */
  if (g_rand_int_range (rand, 0, 4) == 0)
    {
      CfPersonalAssistant *vacancy = cf_personal_assistant_new (cf_record_get_id (record));
      g_autofree char *since = date_after (today, -g_rand_int_range (rand, 10, 150), NULL);

      cf_record_set_text (CF_RECORD (vacancy), "status", "vacant");
      cf_record_set_text (CF_RECORD (vacancy), "vacant_since", since);
      cf_record_set_text (CF_RECORD (vacancy), "notes",
                          "Previous assistant moved away; advertised in the parish magazine.");
      g_ptr_array_add (extras, vacancy);
    }
}

/* A review of the plan, held (with @held_on) or asked for early (with @requested_on), as
 * cf_reviews_record() and cf_reviews_request_early() would write it. */
static void
add_demo_review (GPtrArray  *extras,
                 CfCarer    *carer,
                 CfPlan     *plan,
                 const char *held_on,
                 const char *requested_on)
{
  const char *carer_id = cf_record_get_id (CF_RECORD (carer));
  CfReview *review = cf_review_new (carer_id);
  CfRecord *record = CF_RECORD (review);

  cf_record_set_text (record, "subject", CF_REVIEW_SUBJECT_PLAN);
  cf_record_set_text (record, "subject_id", cf_record_get_id (CF_RECORD (plan)));
  g_ptr_array_add (extras, review);

  if (held_on != NULL)
    {
      cf_record_set_text (record, "kind", CF_REVIEW_SCHEDULED);
      cf_record_set_text (record, "held_on", held_on);
      cf_record_set_text (record, "reviewer", "demo");
      cf_record_set_text (record, "outcome", "no-change");
      cf_record_set_text (record, "notes", "Breaks are working; carer sleeping better.");
      add_demo_event (extras, carer_id, CF_EVENT_REVIEW_HELD, held_on,
                      cf_choices_label (cf_review_outcomes, "no-change"), record);
    }
  else
    {
      cf_record_set_text (record, "kind", CF_REVIEW_EARLY);
      cf_record_set_text (record, "reason", "cared-for-in-hospital");
      cf_record_set_text (record, "reason_notes", "In hospital for a week after a fall.");
      cf_record_set_text (record, "requested_on", requested_on);
      cf_record_set_text (record, "requested_by", "demo");
      add_demo_event (extras, carer_id, CF_EVENT_REVIEW_REQUESTED, requested_on,
                      cf_choices_label (cf_review_reasons, "cared-for-in-hospital"), record);
    }
}

/* Breaks taken against the plan, as cf_plans_record_break() would write them. */
static void
add_demo_breaks (GPtrArray   *extras,
                 GRand       *rand,
                 CfCarer     *carer,
                 CfPlan      *plan,
                 const GDate *agreed,
                 const GDate *today)
{
  const char *carer_id = cf_record_get_id (CF_RECORD (carer));
  int days = g_date_days_between (agreed, today);
  guint n = days > 14 ? g_rand_int_range (rand, 0, 4) : 0;

  for (guint i = 0; i < n; i++)
    {
      CfCarerBreak *taken = cf_carer_break_new (carer_id);
      g_autofree char *taken_on = date_after (agreed, g_rand_int_range (rand, 7, days + 1), NULL);

      cf_record_set_text (CF_RECORD (taken), "plan_id", cf_record_get_id (CF_RECORD (plan)));
      cf_record_set_text (CF_RECORD (taken), "kind", "day");
      cf_record_set_text (CF_RECORD (taken), "taken_on", taken_on);
      cf_record_set_text (CF_RECORD (taken), "notes", "Day centre while a sitter stayed in.");
      g_ptr_array_add (extras, taken);
      add_demo_event (extras, carer_id, CF_EVENT_BREAK_TAKEN, taken_on,
                      cf_choices_label (cf_break_kinds, "day"), CF_RECORD (taken));
    }
}

/* Some eligible carers have an agreed plan, made and agreed through the same calls as the
 * application uses, and an emergency plan agreed the same way. What follows needs no more
 * than the rules already asked (reviews, a direct payment with personal assistants and a
 * balance return, breaks taken, consent to texts) and goes into @extras, saved with the
 * batch: a transaction each would make a large demo much slower to write. */
static gboolean
add_demo_support (CfStore        *store,
                  GRand          *rand,
                  DemoCandidate  *candidate,
                  const GDate    *today,
                  GPtrArray      *extras,
                  GError        **error)
{
  CfCarer *carer = candidate->carer;
  CfRecord *carer_record = CF_RECORD (carer);
  g_autoptr(CfPlan) plan = NULL;
  g_autofree char *agreed_on = NULL;
  GDate visit, agreed;
  int days;

  if (g_rand_int_range (rand, 0, 10) >= DEMO_PLANS_IN_TEN ||
      !cf_date_read_iso (cf_record_get_text (CF_RECORD (candidate->assessment), "assessed_on"),
                         &visit))
    return TRUE;

  agreed_on = date_after (&visit, g_rand_int_range (rand, 7, 22), today);
  cf_date_read_iso (agreed_on, &agreed);
  days = g_date_days_between (&agreed, today);

  if ((plan = add_demo_plan (store, rand, carer, candidate->assessment, agreed_on, error)) == NULL)
    return FALSE;

  if (g_rand_boolean (rand) &&
      !add_demo_emergency_plan (store, rand, carer, agreed_on, error))
    return FALSE;

  /* The first review falls 6 to 8 weeks after agreeing; most of those past it were held. */
  if (days > 70 && g_rand_int_range (rand, 0, 10) < 6)
    {
      g_autofree char *held_on = date_after (&agreed, g_rand_int_range (rand, 42, 57), today);

      add_demo_review (extras, carer, plan, held_on, NULL);
    }

  if (g_rand_int_range (rand, 0, 12) == 0)
    {
      int ago = g_rand_int_range (rand, 0, MIN (days, 40) + 1);
      g_autofree char *asked_on = date_after (today, -ago, NULL);

      add_demo_review (extras, carer, plan, NULL, asked_on);
    }

  if (g_rand_int_range (rand, 0, 3) == 0)
    add_demo_direct_payment (extras, rand, carer, plan, &agreed, today);

  add_demo_breaks (extras, rand, carer, plan, &agreed, today);

  if (g_rand_int_range (rand, 0, 5) < 2)
    {
      cf_record_set_bool (carer_record, "texts_consent", TRUE);
      cf_record_set_text (carer_record, "texts_consent_on", agreed_on);
      g_ptr_array_add (extras, g_object_ref (carer));
    }

  return TRUE;
}

/**
 * cf_demo_generate:
 * @seed: the same seed gives the same carers
 *
 * Adds @n_carers fictional carers, with cared-for people and first contacts, through the
 * ordinary save path (outbox and audit included), in transactions of a few hundred. About
 * one in ten then has an agreed support plan and what may follow it: reviews, an emergency
 * plan, a direct payment with personal assistants and a balance return, consent to texts.
 * These come from a second random sequence, so a seed gives the same carers as it always has.
 */
gboolean
cf_demo_generate (CfStore  *store,
                  guint     n_carers,
                  guint32   seed,
                  GError  **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GRand) support_rand = g_rand_new_with_seed (seed ^ 0x5eed5u);
  g_autoptr(GDateTime) now = NULL;
  const guint batch = 250;
  GDate today;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);

  now = cf_clock_now (cf_store_get_clock (store));
  cf_clock_today (cf_store_get_clock (store), &today);

  for (guint done = 0; done < n_carers; done += batch)
    {
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (demo_candidate_free);
      g_autoptr(GPtrArray) extras = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = done; i < MIN (done + batch, n_carers); i++)
        add_demo_carer (records, candidates, rand, now, i);

      if (!cf_store_save (store, (CfRecord **) records->pdata, records->len, error))
        return FALSE;

      for (guint i = 0; i < candidates->len; i++)
        {
          if (!add_demo_support (store, support_rand, g_ptr_array_index (candidates, i), &today,
                                 extras, error))
            return FALSE;
        }

      if (!cf_store_save (store, (CfRecord **) extras->pdata, extras->len, error))
        return FALSE;
    }

  return TRUE;
}
