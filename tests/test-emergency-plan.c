/* test-emergency-plan.c: the carer's emergency plan, its contacts, the plan and the card
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "cf-carer-event.h"
#include "cf-dates.h"
#include "cf-emergency-plans.h"
#include "cf-plans.h"
#include "cf-schedule.h"
#include "cf-test-easy-read.h"
#include "cf-test-util.h"

#define ORG_PHONE "01632 960000"

typedef struct
{
  char    *dir;
  CfClock *clock;
  CfStore *store;
  CfCarer *carer;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 3, 10, 30, 0);

  fixture->dir = cf_test_make_dir ("emergency");
  fixture->store = cf_test_open_store (fixture->dir, now);
  fixture->clock = g_object_ref (cf_store_get_clock (fixture->store));
  fixture->carer = cf_test_save_carer (fixture->store, "given_name", "Philippa",
                                       "family_name", "Wrenfield", "preferred_name", "Pip",
                                       "address", "4 Mill Lane, Little Snoring",
                                       "postcode", "NR21 0AA", "phone", "01632 961111", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->carer);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->clock);
  g_free (fixture->dir);
}

static CfEmergencyPlan *
create (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CfEmergencyPlan *plan = cf_emergency_plans_create (fixture->store, fixture->carer, ORG_PHONE,
                                                     &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);

  return plan;
}

static CfEmergencyContact *
add_contact (GPtrArray       *contacts,
             CfEmergencyPlan *plan,
             const char      *name,
             const char      *relationship,
             const char      *phone,
             const char      *can_help_with,
             gboolean         agreed)
{
  CfEmergencyContact *contact = cf_emergency_contact_new (cf_record_get_id (CF_RECORD (plan)));
  CfRecord *record = CF_RECORD (contact);

  cf_record_set_text (record, "name", name);
  cf_record_set_text (record, "relationship", relationship);
  cf_record_set_text (record, "phone", phone);
  cf_record_set_text (record, "can_help_with", can_help_with);
  cf_record_set_bool (record, "agreed", agreed);
  g_ptr_array_add (contacts, contact);

  return contact;
}

static gboolean
mentions (GPtrArray  *missing,
          const char *words)
{
  for (guint i = 0; i < missing->len; i++)
    if (strstr (g_ptr_array_index (missing, i), words) != NULL)
      return TRUE;

  return FALSE;
}

/* A complete plan with Ann and Bob, both agreed, saved. */
static CfEmergencyPlan *
complete_plan (Fixture    *fixture,
               GPtrArray **contacts_out)
{
  g_autoptr(GError) error = NULL;
  CfEmergencyPlan *plan = create (fixture);
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);
  CfRecord *record = CF_RECORD (plan);

  add_contact (contacts, plan, "Ann Smith", "daughter", "01632 960123", "Meals and tablets",
               TRUE);
  add_contact (contacts, plan, "Bob Jones", "neighbour", "07700 900456", "Sitting overnight",
               TRUE);
  cf_record_set_text (record, "if_none_can_come", "Ring the council out-of-hours team");
  cf_record_set_text (record, "medication", "Donepezil 10 mg at night");
  cf_record_set_text (record, "medication_kept", "Blue box on the kitchen dresser");
  cf_record_set_text (record, "routines", "Breakfast at eight, walk after lunch");
  cf_record_set_text (record, "appointments", "Memory clinic every other Tuesday");
  cf_record_set_text (record, "mobility", "Walks with a frame indoors");
  cf_record_set_text (record, "communication", "Hard of hearing on the left side");
  cf_record_set_text (record, "home_access", "Key safe by the back door, code with Ann");
  cf_record_set_text (record, "pets", "Biscuit the cat, fed twice a day");
  cf_record_set_text (record, "other", "Likes the radio on");
  g_assert_true (cf_emergency_plans_save (fixture->store, plan, contacts, &error));
  g_assert_no_error (error);

  *contacts_out = contacts;
  return plan;
}

static void
test_create_and_load (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEmergencyPlan) none = NULL;
  g_autoptr(CfEmergencyPlan) plan = NULL;
  g_autoptr(CfEmergencyPlan) again = NULL;
  g_autoptr(CfEmergencyPlan) loaded = NULL;
  const char *carer_id = cf_record_get_id (CF_RECORD (fixture->carer));

  /* No plan yet: NULL without an error, and nothing audited since nothing was seen. */
  none = cf_emergency_plans_load_for_carer (fixture->store, carer_id, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_cmpint (cf_test_count (fixture->store, "audit", "entity = 'emergency_plan'"), ==, 0);

  plan = create (fixture);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (plan), "card_phone"), ==, ORG_PHONE);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (plan), "carer_id"), ==, carer_id);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (plan), "agreed_on"), ==, "");
  g_assert_false (cf_record_is_dirty (CF_RECORD (plan)));
  g_assert_cmpint (cf_test_count (fixture->store, "outbox",
                          "entity = 'emergency_plan' AND operation = 'create'"), ==, 1);
  g_assert_cmpint (cf_test_count (fixture->store, "audit",
                          "entity = 'emergency_plan' AND action = 'create'"), ==, 1);

  /* One plan per carer. */
  again = cf_emergency_plans_create (fixture->store, fixture->carer, ORG_PHONE, &error);
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED);
  g_assert_null (again);
  g_assert_cmpint (cf_test_count (fixture->store, "emergency_plan", "1"), ==, 1);
  g_clear_error (&error);

  /* Opening it is audited as a view. */
  loaded = cf_emergency_plans_load_for_carer (fixture->store, carer_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpstr (cf_record_get_id (CF_RECORD (loaded)), ==, cf_record_get_id (CF_RECORD (plan)));
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (loaded), "card_phone"), ==, ORG_PHONE);
  g_assert_cmpint (cf_test_count (fixture->store, "audit",
                          "entity = 'emergency_plan' AND action = 'view'"), ==, 1);
}

static void
test_newest_of_two (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *carer_id = cf_record_get_id (CF_RECORD (fixture->carer));
  g_autoptr(CfEmergencyPlan) first = cf_emergency_plan_new (carer_id);
  g_autoptr(CfEmergencyPlan) second = cf_emergency_plan_new (carer_id);
  g_autoptr(CfEmergencyPlan) loaded = NULL;
  g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 3, 4, 9, 0, 0);
  CfRecord *records[1];

  /* Two laptops each made a plan while offline; both arrived. The newer one is shown. */
  records[0] = CF_RECORD (first);
  g_assert_true (cf_store_save (fixture->store, records, 1, &error));
  cf_clock_set_now (fixture->clock, later);
  cf_record_set_text (CF_RECORD (second), "pets", "Two hens");
  records[0] = CF_RECORD (second);
  g_assert_true (cf_store_save (fixture->store, records, 1, &error));
  g_assert_no_error (error);

  loaded = cf_emergency_plans_load_for_carer (fixture->store, carer_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_id (CF_RECORD (loaded)), ==,
                   cf_record_get_id (CF_RECORD (second)));
}

static void
test_contacts_order_and_delete (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEmergencyPlan) plan = create (fixture);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) relisted = NULL;
  const char *plan_id = cf_record_get_id (CF_RECORD (plan));
  CfEmergencyContact *ann, *bob, *cat;
  g_autofree char *where = NULL;

  ann = add_contact (contacts, plan, "Ann Smith", "daughter", "01632 960123", "", FALSE);
  bob = add_contact (contacts, plan, "Bob Jones", "neighbour", "07700 900456", "", FALSE);
  cat = add_contact (contacts, plan, "Cat Brown", "friend", "+44 1632 960789", "", FALSE);
  g_assert_true (cf_emergency_plans_save (fixture->store, plan, contacts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox",
                          "entity = 'emergency_contact' AND operation = 'create'"), ==, 3);

  listed = cf_emergency_plans_list_contacts (fixture->store, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (cf_record_get_id (g_ptr_array_index (listed, i)), ==,
                       cf_record_get_id (g_ptr_array_index (contacts, i)));
      g_assert_cmpint (cf_record_get_int (g_ptr_array_index (listed, i), "position"), ==, i);
    }

  /* Cat moves to the top and Ann is removed: Cat, Bob, numbered 0 and 1. The creations have
   * gone up in a push (sent), so each change is an operation of its own. */
  g_assert_true (cf_store_exec (fixture->store, "UPDATE outbox SET sent = 1;", &error));
  g_ptr_array_steal_index (contacts, 2);
  g_ptr_array_insert (contacts, 0, cat);
  cf_record_set_deleted (CF_RECORD (ann), TRUE);
  g_assert_true (cf_emergency_plans_save (fixture->store, plan, contacts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_record_get_int (CF_RECORD (cat), "position"), ==, 0);
  g_assert_cmpint (cf_record_get_int (CF_RECORD (bob), "position"), ==, 1);

  relisted = cf_emergency_plans_list_contacts (fixture->store, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relisted->len, ==, 2);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (relisted, 0), "name"), ==,
                   "Cat Brown");
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (relisted, 1), "name"), ==,
                   "Bob Jones");

  /* The removal is a tombstone that syncs, and is audited as a deletion. */
  where = g_strdup_printf ("record_id = '%s' AND operation = 'delete'",
                           cf_record_get_id (CF_RECORD (ann)));
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", where), ==, 1);
  g_assert_cmpint (cf_test_count (fixture->store, "emergency_contact", "deleted = 1"), ==, 1);
  g_assert_cmpint (cf_test_count (fixture->store, "audit",
                          "entity = 'emergency_contact' AND action = 'delete'"), ==, 1);
  /* Bob's position did not change, so he was not written again. */
  g_free (where);
  where = g_strdup_printf ("record_id = '%s'", cf_record_get_id (CF_RECORD (bob)));
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", where), ==, 1);
}

static void
test_missing_and_agree (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEmergencyPlan) plan = create (fixture);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree char *title = NULL;
  CfEmergencyContact *ann, *bob;
  CfRecord *record = CF_RECORD (plan);

  /* An empty plan: two contacts, what if none can come. The card phone came from Preferences. */
  missing = cf_emergency_plan_dup_missing (plan, contacts);
  g_assert_cmpuint (missing->len, ==, 2);
  g_assert_true (mentions (missing, "two people to call"));
  g_assert_true (mentions (missing, "what happens if none of them can come"));
  g_clear_pointer (&missing, g_ptr_array_unref);

  cf_record_set_text (record, "card_phone", "");
  g_assert_false (cf_emergency_plans_agree (fixture->store, plan, contacts, NULL, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "two people to call"));
  g_assert_nonnull (strstr (error->message, "the phone number for the emergency card"));
  g_assert_cmpstr (cf_record_get_text (record, "agreed_on"), ==, "");
  g_clear_error (&error);

  /* One contact, not agreed, and a blank row just added. */
  ann = add_contact (contacts, plan, "Ann Smith", "daughter", "01632 960123", "", FALSE);
  add_contact (contacts, plan, "", "", "", "", FALSE);
  cf_record_set_text (record, "card_phone", ORG_PHONE);
  missing = cf_emergency_plan_dup_missing (plan, contacts);
  g_assert_true (mentions (missing, "another person to call"));
  g_assert_true (mentions (missing, "Ann Smith’s agreement to be called"));
  g_assert_false (mentions (missing, "Contact 2"));
  g_assert_false (mentions (missing, "emergency card"));
  g_clear_pointer (&missing, g_ptr_array_unref);

  /* Bob is named without a phone: still only one person who can be reached. */
  g_ptr_array_remove_index (contacts, 1);
  bob = add_contact (contacts, plan, "Bob Jones", "neighbour", "", "", TRUE);
  cf_record_set_text (record, "if_none_can_come", "Ring the council out-of-hours team");
  missing = cf_emergency_plan_dup_missing (plan, contacts);
  g_assert_true (mentions (missing, "another person to call"));
  g_assert_true (mentions (missing, "a phone number for Bob Jones"));
  g_assert_false (mentions (missing, "Bob Jones’s agreement"));
  g_clear_pointer (&missing, g_ptr_array_unref);

  cf_record_set_text (CF_RECORD (bob), "phone", "07700 900456");
  g_assert_false (cf_emergency_plans_agree (fixture->store, plan, contacts, NULL, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "Ann Smith’s agreement to be called"));
  g_assert_null (strstr (error->message, "Bob Jones"));
  g_clear_error (&error);
  g_assert_cmpint (cf_test_count (fixture->store, "carer_event", "kind = 'emergency-plan-agreed'"), ==,
                   0);

  /* Everything in place: agreed today, which is also its first check. The new plan has gone
   * up in a push (sent), so agreeing is an update of its own. */
  g_assert_true (cf_store_exec (fixture->store, "UPDATE outbox SET sent = 1;", &error));
  cf_record_set_bool (CF_RECORD (ann), "agreed", TRUE);
  missing = cf_emergency_plan_dup_missing (plan, contacts);
  g_assert_cmpuint (missing->len, ==, 0);
  g_assert_true (cf_emergency_plans_agree (fixture->store, plan, contacts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (record, "agreed_on"), ==, "2026-03-03");
  g_assert_cmpstr (cf_record_get_text (record, "last_checked_on"), ==, "2026-03-03");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (ann), "agreed_on"), ==, "2026-03-03");
  g_assert_false (cf_record_is_dirty (CF_RECORD (ann)));
  g_assert_false (cf_record_is_dirty (record));

  /* The plan, contacts and history entry reached the outbox and the audit trail together. */
  g_assert_cmpint (cf_test_count (fixture->store, "outbox",
                          "entity = 'emergency_plan' AND operation = 'update' AND "
                          "fields LIKE '%agreed_on%'"), ==, 1);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", "entity = 'emergency_contact'"), ==, 2);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox", "entity = 'carer_event'"), ==, 1);
  g_assert_cmpint (cf_test_count (fixture->store, "audit",
                          "entity = 'emergency_plan' AND action = 'change'"), ==, 1);
  events = cf_store_list_events (fixture->store, cf_record_get_id (CF_RECORD (fixture->carer)),
                                 &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (events, 0), "kind"), ==,
                   CF_EVENT_EMERGENCY_PLAN_AGREED);
  g_assert_cmpstr (cf_record_get_text (g_ptr_array_index (events, 0), "related_id"), ==,
                   cf_record_get_id (record));
  title = cf_carer_event_dup_title (g_ptr_array_index (events, 0));
  g_assert_cmpstr (title, ==, "Emergency plan agreed");

  /* A contact who withdraws loses the date they agreed on. */
  cf_record_set_bool (CF_RECORD (bob), "agreed", FALSE);
  g_assert_true (cf_emergency_plans_save (fixture->store, plan, contacts, &error));
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (bob), "agreed_on"), ==, "");
}

static void
test_checked_after_a_year (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEmergencyPlan) plan = create (fixture);
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(CfEmergencyPlan) complete = NULL;
  g_autoptr(GDateTime) a_year_on = g_date_time_new_utc (2027, 3, 3, 12, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_new_utc (2027, 3, 4, 12, 0, 0);
  GDate last, today;
  guint y, m, d;

  /* Nothing agreed, nothing to check. */
  g_assert_false (cf_emergency_plans_checked (fixture->store, plan, NULL, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_clear_object (&plan);

  /* A separate carer for the complete plan, since a carer has one. */
  g_clear_object (&fixture->carer);
  fixture->carer = cf_test_save_carer (fixture->store, "given_name", "Ruth", NULL);
  complete = complete_plan (fixture, &contacts);
  g_assert_true (cf_emergency_plans_agree (fixture->store, complete, contacts, "2026-03-03",
                                           &error));
  g_assert_no_error (error);

  /* Checked exactly 12 months ago is still in date; a day more is flagged. */
  g_assert_true (cf_date_parse_iso_shape (cf_record_get_text (CF_RECORD (complete),
                                                              "last_checked_on"), &y, &m, &d));
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, d, m, y);
  cf_clock_set_now (fixture->clock, a_year_on);
  cf_clock_today (fixture->clock, &today);
  g_assert_false (cf_emergency_plan_needs_check (&last, &today));
  cf_clock_set_now (fixture->clock, later);
  cf_clock_today (fixture->clock, &today);
  g_assert_true (cf_emergency_plan_needs_check (&last, &today));

  g_assert_true (cf_emergency_plans_checked (fixture->store, complete, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (complete), "last_checked_on"), ==,
                   "2027-03-04");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (complete), "agreed_on"), ==, "2026-03-03");
  g_assert_true (cf_date_parse_iso_shape (cf_record_get_text (CF_RECORD (complete),
                                                              "last_checked_on"), &y, &m, &d));
  g_date_set_dmy (&last, d, m, y);
  g_assert_false (cf_emergency_plan_needs_check (&last, &today));
  g_assert_cmpint (cf_test_count (fixture->store, "carer_event", "kind = 'emergency-plan-checked'"), ==,
                   1);
  g_assert_cmpint (cf_test_count (fixture->store, "outbox",
                          "entity = 'emergency_plan' AND fields LIKE '%last_checked_on%'"), >=,
                   2);

  /* A date that is not a date is refused, and nothing changes. */
  g_assert_false (cf_emergency_plans_checked (fixture->store, complete, "2027-02-30", &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (complete), "last_checked_on"), ==,
                   "2027-03-04");
}

static void
test_invalid_phone (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfEmergencyPlan) plan = create (fixture);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  CfEmergencyContact *ann;

  add_contact (contacts, plan, "Bob Jones", "neighbour", "07700 900456", "", FALSE);
  ann = add_contact (contacts, plan, "Ann Smith", "daughter", "12345", "Meals", FALSE);
  cf_record_set_text (CF_RECORD (plan), "pets", "Biscuit the cat");

  g_assert_false (cf_emergency_plans_save (fixture->store, plan, contacts, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Ann Smith"));
  g_assert_nonnull (strstr (error->message, "12345"));
  g_clear_error (&error);

  /* Nothing written, nothing lost: the records keep what was typed, to fix and save. */
  g_assert_cmpint (cf_test_count (fixture->store, "emergency_contact", "1"), ==, 0);
  g_assert_cmpint (cf_test_count (fixture->store, "emergency_plan", "pets = 'Biscuit the cat'"), ==, 0);
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (ann), "phone"), ==, "12345");
  g_assert_cmpstr (cf_record_get_text (CF_RECORD (plan), "pets"), ==, "Biscuit the cat");
  g_assert_true (cf_record_is_dirty (CF_RECORD (ann)));

  cf_record_set_text (CF_RECORD (ann), "phone", "01632 960123");
  cf_record_set_text (CF_RECORD (plan), "card_phone", "999");
  g_assert_false (cf_emergency_plans_save (fixture->store, plan, contacts, &error));
  g_assert_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "emergency card"));
  g_clear_error (&error);

  cf_record_set_text (CF_RECORD (plan), "card_phone", ORG_PHONE);
  g_assert_true (cf_emergency_plans_save (fixture->store, plan, contacts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cf_test_count (fixture->store, "emergency_contact", "1"), ==, 2);
  g_assert_cmpint (cf_test_count (fixture->store, "emergency_plan", "pets = 'Biscuit the cat'"), ==, 1);
}

static gboolean
has (const char *text,
     const char *words)
{
  if (strstr (text, words) != NULL)
    return TRUE;

  g_test_message ("“%s” is not in:\n%s", words, text);
  return FALSE;
}

static void
test_document (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(CfEmergencyPlan) plan = complete_plan (fixture, &contacts);
  g_autoptr(GPtrArray) cared_for = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CfDocument) document = NULL;
  g_autofree char *text = NULL;
  CfOrganisation organisation = { "Fenland Carers", ORG_PHONE };
  CfCaredFor *mother = cf_cared_for_new (cf_record_get_id (CF_RECORD (fixture->carer)));
  const char *reference = cf_record_get_text (CF_RECORD (fixture->carer), "reference");
  g_autofree char *footer = g_strdup_printf ("Reference %s", reference);
  char *ann, *bob;

  cf_record_set_text (CF_RECORD (mother), "name", "Edith Wrenfield");
  cf_record_set_text (CF_RECORD (mother), "relationship", "mother");
  g_ptr_array_add (cared_for, mother);
  /* A removed contact is not printed. */
  add_contact (contacts, plan, "Dan Gone", "cousin", "01632 960999", "", TRUE);
  cf_record_set_deleted (g_ptr_array_index (contacts, 2), TRUE);

  g_assert_true (cf_emergency_plans_agree (fixture->store, plan, contacts, NULL, &error));
  g_assert_no_error (error);

  document = cf_emergency_plan_document_build (fixture->carer, plan, contacts, cared_for,
                                               &organisation, CF_DOCUMENT_FORMAT_STANDARD, NULL);
  g_assert_cmpstr (cf_document_get_title (document), ==, "Emergency plan — Pip");
  g_assert_cmpstr (cf_document_get_footer (document), ==, footer);
  g_assert_cmpstr (cf_document_get_language (document), ==, "en");

  text = cf_document_to_text (document);
  g_assert_true (has (text, "Who to call, in this order"));
  g_assert_true (has (text, "1. Ann Smith (daughter) — 01632 960123"));
  g_assert_true (has (text, "2. Bob Jones (neighbour) — 07700 900456"));
  ann = strstr (text, "Ann Smith");
  bob = strstr (text, "Bob Jones");
  g_assert_true (ann != NULL && bob != NULL && ann < bob);
  g_assert_true (has (text, "Can help with: Meals and tablets"));
  g_assert_null (strstr (text, "Dan Gone"));
  g_assert_null (strstr (text, "not yet agreed"));
  g_assert_true (has (text, "If none of them can come"));
  g_assert_true (has (text, "Ring the council out-of-hours team"));
  g_assert_true (has (text, "The person you care for"));
  g_assert_true (has (text, "Edith Wrenfield (mother)"));
  g_assert_true (has (text, "Medication: Donepezil 10 mg at night"));
  g_assert_true (has (text, "Where the medication is kept: Blue box on the kitchen dresser"));
  g_assert_true (has (text, "Daily routines: Breakfast at eight"));
  g_assert_true (has (text, "Appointments: Memory clinic"));
  g_assert_true (has (text, "Getting about: Walks with a frame"));
  g_assert_true (has (text, "Communication: Hard of hearing"));
  g_assert_true (has (text, "Getting into the home: Key safe"));
  g_assert_true (has (text, "Pets: Biscuit the cat"));
  g_assert_true (has (text, "Anything else: Likes the radio on"));
  g_assert_true (has (text, "Agreed: 3 March 2026"));
  g_assert_true (has (text, "Last checked: 3 March 2026"));
  g_assert_true (has (text, "Next check due: 3 March 2027"));
  g_assert_true (has (text, "Contact: Fenland Carers"));
  g_assert_true (has (text, "Phone: " ORG_PHONE));
  g_assert_true (has (text, footer));
}

/* Easy read: who to call and what to know, a line for each, with no reference to the law. */
static void
test_document_easy_read (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(CfEmergencyPlan) plan = complete_plan (fixture, &contacts);
  g_autoptr(GPtrArray) cared_for = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CfDocument) document = NULL;
  CfOrganisation organisation = { "Fenland Carers", ORG_PHONE };
  CfCaredFor *mother = cf_cared_for_new (cf_record_get_id (CF_RECORD (fixture->carer)));
  g_autofree char *text = NULL;
  const char * const facts[] = {
    "Person 1 to call: Ann Smith (daughter)", "Phone: 01632 960123",
    "Can help with: Meals and tablets", "Person 2 to call: Bob Jones (neighbour)",
    "Phone: 07700 900456", "What to do: Ring the council out-of-hours team",
    "Name: Edith Wrenfield (mother)", "Medicines: Donepezil 10 mg at night",
    "Where the medicines are: Blue box on the kitchen dresser",
    "Daily routine: Breakfast at eight, walk after lunch",
    "Getting into the home: Key safe by the back door, code with Ann",
    "Pets: Biscuit the cat, fed twice a day", "Agreed on: 3 March 2026",
    "Check it again by: 3 March 2027", "Call: Fenland Carers", "Phone: " ORG_PHONE, NULL
  };

  cf_record_set_text (CF_RECORD (mother), "name", "Edith Wrenfield");
  cf_record_set_text (CF_RECORD (mother), "relationship", "mother");
  g_ptr_array_add (cared_for, mother);
  /* What a worker typed in two sentences goes on two lines. */
  cf_record_set_text (CF_RECORD (plan), "other", "Likes the radio on. Hates loud television.");
  g_assert_true (cf_emergency_plans_agree (fixture->store, plan, contacts, NULL, &error));
  g_assert_no_error (error);

  document = cf_emergency_plan_document_build (fixture->carer, plan, contacts, cared_for,
                                               &organisation, CF_DOCUMENT_FORMAT_EASY_READ,
                                               NULL);
  g_assert_cmpstr (cf_document_get_title (document), ==, "Emergency plan — Pip");
  cf_test_assert_easy_read (document, facts);
  text = cf_document_to_text (document);
  g_assert_true (has (text, "Other things: Likes the radio on.\n\nHates loud television.\n"));
}

static void
test_document_unfinished (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(CfEmergencyPlan) plan = create (fixture);
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CfDocument) document = NULL;
  g_autofree char *text = NULL;

  add_contact (contacts, plan, "Ann Smith", "", "", "", FALSE);
  cf_record_set_text (CF_RECORD (fixture->carer), "preferred_name", "");
  document = cf_emergency_plan_document_build (fixture->carer, plan, contacts, NULL, NULL,
                                               CF_DOCUMENT_FORMAT_STANDARD, NULL);
  g_assert_cmpstr (cf_document_get_title (document), ==, "Emergency plan — Philippa");
  text = cf_document_to_text (document);
  g_assert_true (has (text, "1. Ann Smith — no phone number yet"));
  g_assert_true (has (text, "Has not yet agreed to be called."));
  g_assert_true (has (text, "Agreed: Not yet agreed"));
  g_assert_null (strstr (text, "Next check due"));
  g_assert_null (strstr (text, "Where to get help"));
}

static void
test_card_carries_nothing_personal (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) contacts = NULL;
  g_autoptr(CfEmergencyPlan) plan = complete_plan (fixture, &contacts);
  g_autoptr(CfDocument) card = NULL;
  g_autofree char *text = NULL;
  g_autofree char *lower = NULL;
  const char *reference = cf_record_get_text (CF_RECORD (fixture->carer), "reference");
  g_autofree char *sentence = NULL;
  const char *never[] = {
    "Philippa", "Wrenfield", "Pip", "Mill Lane", "Snoring", "NR21", "01632 961111",
    "Ann", "Smith", "Bob", "Jones", "01632 960123", "07700 900456", "daughter", "neighbour",
    "Donepezil", "Blue box", "Key safe", "Biscuit", "frame", "Memory clinic", "out-of-hours",
  };

  g_assert_true (cf_emergency_plans_agree (fixture->store, plan, contacts, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (reference, !=, "");

  card = cf_emergency_card_build (fixture->carer, plan);
  text = cf_document_to_text (card);
  sentence = g_strdup_printf ("In an emergency call %s and quote %s.", ORG_PHONE, reference);
  g_assert_true (has (text, sentence));
  g_assert_true (has (text, "Carer’s emergency card"));

  for (guint i = 0; i < G_N_ELEMENTS (never); i++)
    if (strstr (text, never[i]) != NULL)
      g_error ("The emergency card carries “%s”:\n%s", never[i], text);

  /* And nothing else: every block is fixed wording, the phone or the reference. */
  for (guint i = 0; i < cf_document_get_n_blocks (card); i++)
    {
      const char *block_text, *value;
      CfDocumentBlockKind kind = cf_document_get_block (card, i, &block_text, &value);

      if (kind == CF_DOCUMENT_FIELD)
        g_assert_true (g_str_equal (value, ORG_PHONE) || g_str_equal (value, reference));
    }
  g_assert_cmpuint (cf_document_get_n_blocks (card), ==, 4);

  /* The lines, less the phone and reference, are the same for any carer. */
  lower = g_utf8_strdown (text, -1);
  g_assert_null (strstr (lower, "wrenfield"));
  g_assert_null (strstr (lower, "edith"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/emergency-plan/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create-and-load", test_create_and_load);
  ADD ("newest-of-two", test_newest_of_two);
  ADD ("contacts-order-and-delete", test_contacts_order_and_delete);
  ADD ("missing-and-agree", test_missing_and_agree);
  ADD ("checked-after-a-year", test_checked_after_a_year);
  ADD ("invalid-phone", test_invalid_phone);
  ADD ("document", test_document);
  ADD ("document-unfinished", test_document_unfinished);
  ADD ("document-easy-read", test_document_easy_read);
  ADD ("card-carries-nothing-personal", test_card_carries_nothing_personal);

#undef ADD

  return g_test_run ();
}
