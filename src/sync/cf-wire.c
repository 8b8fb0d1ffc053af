/* cf-wire.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record on the wire is its sync columns and an object of its fields, keyed by the same
 * names as the store's columns. Field names come from the record's own field table, so a new
 * field travels without any change here.
 */

#include "config.h"

#include <stdlib.h>

#include "cf-dates.h"
#include "cf-money.h"
#include "cf-wire.h"

static void
add_value (JsonBuilder  *builder,
           const GValue *value)
{
  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_STRING:
      json_builder_add_string_value (builder, g_value_get_string (value));
      break;
    case G_TYPE_BOOLEAN:
      json_builder_add_boolean_value (builder, g_value_get_boolean (value));
      break;
    case G_TYPE_INT64:
      json_builder_add_int_value (builder, g_value_get_int64 (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
build_record (JsonBuilder *builder,
              CfRecord    *record)
{
  guint n_fields;
  const CfField *fields = cf_record_get_fields (record, &n_fields);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "entity");
  json_builder_add_string_value (builder, cf_record_get_entity (record));
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, cf_record_get_id (record));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, cf_record_get_version (record));
  json_builder_set_member_name (builder, "sync_state");
  json_builder_add_string_value (builder, cf_record_get_sync_state (record));
  json_builder_set_member_name (builder, "updated_at");
  json_builder_add_string_value (builder, cf_record_get_updated_at (record));
  json_builder_set_member_name (builder, "updated_by");
  json_builder_add_string_value (builder, cf_record_get_updated_by (record));
  json_builder_set_member_name (builder, "deleted");
  json_builder_add_boolean_value (builder, cf_record_get_deleted (record));

  json_builder_set_member_name (builder, "fields");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_fields; i++)
    {
      json_builder_set_member_name (builder, fields[i].name);
      add_value (builder, cf_record_get_value (record, i));
    }
  json_builder_end_object (builder);

  json_builder_end_object (builder);
}

/**
 * cf_wire_record_to_json:
 *
 * Returns: (transfer full): the record as a JSON object
 */
JsonNode *
cf_wire_record_to_json (CfRecord *record)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (CF_IS_RECORD (record), NULL);

  build_record (builder, record);
  return json_builder_get_root (builder);
}

static const char *
condition_state_id (CfConditionState state)
{
  switch (state)
    {
    case CF_CONDITION_MET:
      return "met";
    case CF_CONDITION_NOT_MET:
      return "not-met";
    case CF_CONDITION_UNANSWERED:
    default:
      return "unanswered";
    }
}

static void
add_strv (JsonBuilder *builder,
          const char  *name,
          GStrv        strv)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

static void
build_eligibility (JsonBuilder   *builder,
                   CfEligibility *eligibility)
{
  static const char * const condition_ids[CF_N_CONDITIONS] = {
    "necessary-care", "health-or-outcomes", "wellbeing",
  };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "proposed");
  json_builder_add_string_value (builder, cf_eligibility_get_decision_id (eligibility));
  json_builder_set_member_name (builder, "transition");
  json_builder_add_boolean_value (builder, cf_eligibility_is_transition (eligibility));
  json_builder_set_member_name (builder, "summary");
  json_builder_add_string_value (builder, cf_eligibility_get_summary (eligibility));

  json_builder_set_member_name (builder, "conditions");
  json_builder_begin_array (builder);
  for (CfCondition c = 0; c < CF_N_CONDITIONS; c++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "condition");
      json_builder_add_string_value (builder, condition_ids[c]);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder,
                                     condition_state_id (cf_eligibility_get_condition (eligibility,
                                                                                       c)));
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, cf_eligibility_get_reason (eligibility, c));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_strv (builder, "unable_outcomes", cf_eligibility_get_unable_outcomes (eligibility));
  add_strv (builder, "missing", cf_eligibility_get_missing_keys (eligibility));
  json_builder_end_object (builder);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
build_assessment (JsonBuilder  *builder,
                  CfAssessment *assessment)
{
  GHashTable *answers = cf_assessment_get_answers (assessment);
  g_autofree gpointer *keys = NULL;
  g_autoptr(CfEligibility) eligibility = cf_assessment_evaluate (assessment);
  guint n_keys;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "assessment");
  build_record (builder, CF_RECORD (assessment));

  /* Sorted, so the same answers always print the same way. */
  keys = g_hash_table_get_keys_as_array (answers, &n_keys);
  qsort (keys, n_keys, sizeof (gpointer), compare_keys);
  json_builder_set_member_name (builder, "answers");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_keys; i++)
    {
      json_builder_set_member_name (builder, keys[i]);
      json_builder_add_string_value (builder, g_hash_table_lookup (answers, keys[i]));
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "eligibility");
  build_eligibility (builder, eligibility);
  json_builder_end_object (builder);
}

/**
 * cf_wire_assessment_to_json:
 *
 * Returns: (transfer full): the assessment record, its answers by question, and the
 *   eligibility the rules propose from them, with the reasons
 */
JsonNode *
cf_wire_assessment_to_json (CfAssessment *assessment)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (CF_IS_ASSESSMENT (assessment), NULL);

  build_assessment (builder, assessment);
  return json_builder_get_root (builder);
}

static void
build_records (JsonBuilder *builder,
               const char  *name,
               GPtrArray   *records)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; records != NULL && i < records->len; i++)
    build_record (builder, g_ptr_array_index (records, i));
  json_builder_end_array (builder);
}

/* Money both ways: "NAME_pence" as an integer for programs and "NAME" in pounds for people.
 * An amount that cannot be worked out (a negative @pence) is null in both. */
static void
add_money (JsonBuilder *builder,
           const char  *name,
           gint64       pence)
{
  g_autofree char *pence_name = g_strdup_printf ("%s_pence", name);

  json_builder_set_member_name (builder, pence_name);
  if (pence < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, pence);

  json_builder_set_member_name (builder, name);
  if (pence < 0)
    {
      json_builder_add_null_value (builder);
    }
  else
    {
      g_autofree char *pounds = cf_money_format (pence);

      json_builder_add_string_value (builder, pounds);
    }
}

static void
add_break_counts (JsonBuilder *builder,
                  gint64       short_notice,
                  gint64       day,
                  gint64       longer)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "short_notice");
  json_builder_add_int_value (builder, short_notice);
  json_builder_set_member_name (builder, "day");
  json_builder_add_int_value (builder, day);
  json_builder_set_member_name (builder, "long");
  json_builder_add_int_value (builder, longer);
  json_builder_end_object (builder);
}

static void
add_planned_breaks (JsonBuilder *builder,
                    CfRecord    *plan)
{
  add_break_counts (builder, cf_record_get_int (plan, "breaks_short_notice"),
                    cf_record_get_int (plan, "breaks_day"),
                    cf_record_get_int (plan, "breaks_long"));
}

static gboolean
same_record (CfRecord *record,
             gpointer  other)
{
  return other != NULL && g_str_equal (cf_record_get_id (record), cf_record_get_id (other));
}

static void
build_plan (JsonBuilder        *builder,
            CfCarerSupportPlan *version,
            CfCarerSupport     *support)
{
  CfRecord *plan = CF_RECORD (version->plan);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "plan");
  build_record (builder, plan);
  json_builder_set_member_name (builder, "current");
  json_builder_add_boolean_value (builder, same_record (plan, support->current_plan));
  json_builder_set_member_name (builder, "in_force");
  json_builder_add_boolean_value (builder, same_record (plan, support->plan_in_force));

  json_builder_set_member_name (builder, "budget");
  json_builder_begin_object (builder);
  add_money (builder, "cost", cf_record_get_int (plan, "cost_pence"));
  add_money (builder, "carer_contribution", cf_record_get_int (plan, "carer_contribution_pence"));
  add_money (builder, "council_contribution", cf_plan_get_council_contribution (version->plan));
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "breaks_planned");
  add_planned_breaks (builder, plan);

  build_records (builder, "needs", version->needs);
  build_records (builder, "actions", version->actions);
  json_builder_end_object (builder);
}

static void
build_breaks (JsonBuilder    *builder,
              CfCarerSupport *support)
{
  const char *in_force_id = support->plan_in_force != NULL
                            ? cf_record_get_id (CF_RECORD (support->plan_in_force)) : NULL;
  gint64 short_notice = 0, day = 0, longer = 0;

  json_builder_begin_object (builder);

  /* What the plan in force allows, and what has been taken against it. */
  json_builder_set_member_name (builder, "planned");
  if (support->plan_in_force != NULL)
    add_planned_breaks (builder, CF_RECORD (support->plan_in_force));
  else
    json_builder_add_null_value (builder);

  for (guint i = 0; in_force_id != NULL && i < support->breaks->len; i++)
    {
      CfRecord *taken = g_ptr_array_index (support->breaks, i);
      const char *kind = cf_record_get_text (taken, "kind");

      if (!g_str_equal (cf_record_get_text (taken, "plan_id"), in_force_id))
        continue;
      if (g_str_equal (kind, "short-notice"))
        short_notice++;
      else if (g_str_equal (kind, "day"))
        day++;
      else if (g_str_equal (kind, "long"))
        longer++;
    }
  json_builder_set_member_name (builder, "taken_against_plan");
  if (in_force_id != NULL)
    add_break_counts (builder, short_notice, day, longer);
  else
    json_builder_add_null_value (builder);

  build_records (builder, "taken", support->breaks);
  json_builder_end_object (builder);
}

static const char *
issue_kind_id (CfDirectPaymentIssueKind kind)
{
  switch (kind)
    {
    case CF_DP_ISSUE_BLOCKS:
      return "blocks";
    case CF_DP_ISSUE_NEEDS_REASON:
      return "needs-reason";
    case CF_DP_ISSUE_WARNING:
    default:
      return "warning";
    }
}

static void
build_payment (JsonBuilder           *builder,
               CfCarerSupportPayment *shown)
{
  CfRecord *payment = CF_RECORD (shown->payment);
  g_autofree char *described = cf_direct_payment_describe_amount (shown->payment);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "payment");
  build_record (builder, payment);
  add_money (builder, "amount", cf_record_get_int (payment, "amount_pence"));
  json_builder_set_member_name (builder, "amount_described");
  json_builder_add_string_value (builder, described);

  json_builder_set_member_name (builder, "issues");
  json_builder_begin_array (builder);
  for (guint i = 0; i < shown->issues->len; i++)
    {
      CfDirectPaymentIssue *issue = g_ptr_array_index (shown->issues, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, issue_kind_id (issue->kind));
      json_builder_set_member_name (builder, "field");
      json_builder_add_string_value (builder, issue->field);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, issue->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "balance_returns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < shown->returns->len; i++)
    {
      CfRecord *balance_return = g_ptr_array_index (shown->returns, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "return");
      build_record (builder, balance_return);
      add_money (builder, "balance", cf_record_get_int (balance_return, "balance_pence"));
      add_money (builder, "surplus", cf_record_get_int (balance_return, "surplus_pence"));
      add_money (builder, "recovered", cf_record_get_int (balance_return, "recovered_pence"));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  build_records (builder, "personal_assistants", shown->assistants);
  json_builder_end_object (builder);
}

static void
build_due_item (JsonBuilder     *builder,
                const CfDueItem *item)
{
  g_autofree char *due = cf_date_write_iso (&item->due);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, cf_review_due_kind_to_string (item->kind));
  json_builder_set_member_name (builder, "subject_id");
  json_builder_add_string_value (builder, item->subject_id);
  json_builder_set_member_name (builder, "due");
  json_builder_add_string_value (builder, due);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, cf_due_state_to_string (item->state));
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, item->title);
  json_builder_set_member_name (builder, "carer_id");
  json_builder_add_string_value (builder, item->carer_id);
  json_builder_set_member_name (builder, "reference");
  json_builder_add_string_value (builder, item->reference);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, item->carer_name);
  json_builder_end_object (builder);
}

static void
build_due_list (JsonBuilder *builder,
                GPtrArray   *items)
{
  json_builder_begin_array (builder);
  for (guint i = 0; items != NULL && i < items->len; i++)
    build_due_item (builder, g_ptr_array_index (items, i));
  json_builder_end_array (builder);
}

/* What a carer's object gains with their support: cf_wire_carer_with_support_to_json(). */
static void
build_support_members (JsonBuilder    *builder,
                       CfCarerSupport *support)
{
  json_builder_set_member_name (builder, "support_plans");
  json_builder_begin_array (builder);
  for (guint i = 0; i < support->plans->len; i++)
    build_plan (builder, g_ptr_array_index (support->plans, i), support);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "breaks");
  build_breaks (builder, support);

  json_builder_set_member_name (builder, "emergency_plan");
  if (support->emergency_plan != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "plan");
      build_record (builder, CF_RECORD (support->emergency_plan));
      build_records (builder, "contacts", support->emergency_contacts);
      json_builder_end_object (builder);
    }
  else
    {
      json_builder_add_null_value (builder);
    }

  json_builder_set_member_name (builder, "direct_payments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < support->direct_payments->len; i++)
    build_payment (builder, g_ptr_array_index (support->direct_payments, i));
  json_builder_end_array (builder);

  build_records (builder, "reviews", support->reviews);

  json_builder_set_member_name (builder, "due");
  build_due_list (builder, support->due);
}

/**
 * cf_wire_carer_to_json:
 * @events: (nullable) (element-type CfCarerEvent): the carer's history
 * @assessments: (nullable) (element-type CfAssessment): the carer's assessments, with answers
 *
 * Returns: (transfer full): the carer with the people they care for, their history and their
 *   assessments
 */
JsonNode *
cf_wire_carer_to_json (CfCarer   *carer,
                       GPtrArray *events,
                       GPtrArray *assessments)
{
  g_return_val_if_fail (CF_IS_CARER (carer), NULL);

  return cf_wire_carer_with_support_to_json (carer, events, assessments, NULL);
}

/**
 * cf_wire_carer_with_support_to_json:
 * @events: (nullable) (element-type CfCarerEvent): the carer's history
 * @assessments: (nullable) (element-type CfAssessment): the carer's assessments, with answers
 * @support: (nullable): what followed the assessment, from cf_carer_support_load()
 *
 * As cf_wire_carer_to_json(), and with @support the object also has "support_plans" (every
 * version, newest first, each with "current", "in_force", "budget" in pence and in pounds,
 * "breaks_planned", "needs" and "actions"), "breaks" ("planned", "taken_against_plan",
 * "taken"), "emergency_plan" (null, or "plan" and its "contacts" in order), "direct_payments"
 * (each with "issues", "balance_returns" and "personal_assistants"), "reviews" and "due"
 * (cf_wire_due_item_to_json()).
 *
 * Returns: (transfer full): the carer as a JSON object
 */
JsonNode *
cf_wire_carer_with_support_to_json (CfCarer        *carer,
                                    GPtrArray      *events,
                                    GPtrArray      *assessments,
                                    CfCarerSupport *support)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *cared_for;
  guint n;

  g_return_val_if_fail (CF_IS_CARER (carer), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, CF_WIRE_FORMAT_VERSION);

  json_builder_set_member_name (builder, "carer");
  build_record (builder, CF_RECORD (carer));

  json_builder_set_member_name (builder, "cared_for");
  json_builder_begin_array (builder);
  cared_for = cf_carer_get_cared_for (carer);
  n = g_list_model_get_n_items (cared_for);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfRecord) person = g_list_model_get_item (cared_for, i);

      build_record (builder, person);
    }
  json_builder_end_array (builder);

  build_records (builder, "events", events);

  json_builder_set_member_name (builder, "assessments");
  json_builder_begin_array (builder);
  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    build_assessment (builder, g_ptr_array_index (assessments, i));
  json_builder_end_array (builder);

  if (support != NULL)
    build_support_members (builder, support);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * cf_wire_due_item_to_json:
 *
 * Returns: (transfer full): an object with "kind" (cf_review_due_kind_to_string()),
 *   "subject_id", "due" (ISO 8601 date), "state" (cf_due_state_to_string()), "title" in words,
 *   and the carer's "carer_id", "reference" and "name"
 */
JsonNode *
cf_wire_due_item_to_json (const CfDueItem *item)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (item != NULL, NULL);

  build_due_item (builder, item);
  return json_builder_get_root (builder);
}

/**
 * cf_wire_due_list_to_json:
 * @items: (element-type CfDueItem): from cf_due_list() or cf_due_for_carer()
 *
 * Returns: (transfer full): an array of cf_wire_due_item_to_json() objects, in the same order
 */
JsonNode *
cf_wire_due_list_to_json (GPtrArray *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (items != NULL, NULL);

  build_due_list (builder, items);
  return json_builder_get_root (builder);
}
