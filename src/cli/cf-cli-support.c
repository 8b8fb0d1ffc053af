/* cf-cli-support.c: `show` for what followed a carer's assessment
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-choices.h"
#include "cf-cli-private.h"
#include "cf-dates.h"
#include "cf-money.h"

/**
 * cf_cli_print_field:
 *
 * Prints one labelled line of `show`; nothing when @value is empty.
 */
void
cf_cli_print_field (const char *label,
                    const char *value)
{
  /* Padded by characters, not bytes, so labels with ’ or é still line up. */
  glong width = g_utf8_strlen (label, -1);

  if (value != NULL && *value != '\0')
    g_print ("  %s%*s %s\n", label, (int) MAX (28 - width, 0), "", value);
}

static void
print_date_field (const char *label,
                  const char *iso)
{
  g_autofree char *shown = cf_date_to_user (iso);

  cf_cli_print_field (label, shown);
}

static void
print_money_field (const char *label,
                   gint64      pence)
{
  g_autofree char *shown = NULL;

  if (pence < 0)
    return;
  shown = cf_money_format (pence);
  cf_cli_print_field (label, shown);
}

static void
print_plan (CfCarerSupport     *support,
            CfCarerSupportPlan *version)
{
  CfRecord *plan = CF_RECORD (version->plan);
  const char *status = cf_record_get_text (plan, "status");
  gint64 council = cf_plan_get_council_contribution (version->plan);
  g_autofree char *title = NULL;
  g_autofree char *breaks = NULL;
  const char *state;

  if (g_str_equal (status, CF_PLAN_AGREED))
    state = _("agreed");
  else if (g_str_equal (status, CF_PLAN_SUPERSEDED))
    state = _("superseded");
  else
    state = _("draft");

  if (support->plan_in_force == version->plan)
    /* Translators: %1$lld is a plan's version number, %2$s its state such as “agreed” */
    title = g_strdup_printf (_("Version %1$lld, %2$s, in force"),
                             (long long) cf_record_get_int (plan, "number"), state);
  else if (support->current_plan == version->plan)
    /* Translators: %1$lld is a plan's version number, %2$s its state such as “draft” */
    title = g_strdup_printf (_("Version %1$lld, %2$s, current"),
                             (long long) cf_record_get_int (plan, "number"), state);
  else
    /* Translators: %1$lld is a plan's version number, %2$s its state such as “superseded” */
    title = g_strdup_printf (_("Version %1$lld, %2$s"),
                             (long long) cf_record_get_int (plan, "number"), state);

  cf_cli_print_field (_("Support plan"), title);
  print_date_field (_("Agreed on"), cf_record_get_text (plan, "agreed_on"));
  print_date_field (_("Superseded on"), cf_record_get_text (plan, "superseded_on"));
  cf_cli_print_field (_("Why this version"), cf_record_get_text (plan, "change_reason"));
  cf_cli_print_field (_("Outcomes"), cf_record_get_text (plan, "outcomes"));
  print_money_field (_("Personal budget"), cf_record_get_int (plan, "cost_pence"));
  print_money_field (_("Carer’s contribution"),
                     cf_record_get_int (plan, "carer_contribution_pence"));
  print_money_field (_("Council’s contribution"), council);

  /* Translators: breaks planned by type: short notice, 1 to 24 hours, more than 24 hours */
  breaks = g_strdup_printf (_("%1$lld short notice, %2$lld of 1 to 24 hours, %3$lld longer"),
                            (long long) cf_record_get_int (plan, "breaks_short_notice"),
                            (long long) cf_record_get_int (plan, "breaks_day"),
                            (long long) cf_record_get_int (plan, "breaks_long"));
  cf_cli_print_field (_("Breaks planned"), breaks);

  for (guint i = 0; i < version->needs->len; i++)
    {
      CfRecord *need = g_ptr_array_index (version->needs, i);
      const char *met_by = cf_record_get_text (need, "met_by");
      g_autofree char *line = NULL;

      if (*met_by != '\0')
        /* Translators: %1$s is a need, %2$s how it is met, such as “A break” */
        line = g_strdup_printf (_("%1$s — %2$s"), cf_record_get_text (need, "need"),
                                cf_choices_label (cf_plan_ways, met_by));
      else
        line = g_strdup (cf_record_get_text (need, "need"));
      cf_cli_print_field (_("Need"), line);
    }

  for (guint i = 0; i < version->actions->len; i++)
    {
      CfRecord *action = g_ptr_array_index (version->actions, i);
      g_autofree char *due = cf_date_to_user (cf_record_get_text (action, "due_on"));
      g_autofree char *line = NULL;

      if (*due != '\0')
        /* Translators: %1$s is an action, %2$s who does it, %3$s the date it is due by */
        line = g_strdup_printf (_("%1$s (%2$s, by %3$s)"), cf_record_get_text (action, "what"),
                                cf_record_get_text (action, "who"), due);
      else
        /* Translators: %1$s is an action, %2$s who does it */
        line = g_strdup_printf (_("%1$s (%2$s)"), cf_record_get_text (action, "what"),
                                cf_record_get_text (action, "who"));
      cf_cli_print_field (_("Action"), line);
    }
}

static void
print_payment (CfCarerSupportPayment *shown)
{
  CfRecord *payment = CF_RECORD (shown->payment);
  g_autofree char *amount = cf_direct_payment_describe_amount (shown->payment);
  g_autofree char *line = NULL;

  /* Translators: %1$s is a direct payment's state such as “Paying”, %2$s its amount */
  line = g_strdup_printf (_("%1$s, %2$s"),
                          cf_choices_label (cf_direct_payment_statuses,
                                            cf_record_get_text (payment, "status")),
                          amount);
  cf_cli_print_field (_("Direct payment"), line);
  print_date_field (_("First payment"), cf_record_get_text (payment, "first_payment_on"));

  for (guint i = 0; i < shown->issues->len; i++)
    {
      CfDirectPaymentIssue *issue = g_ptr_array_index (shown->issues, i);

      cf_cli_print_field (_("Issue"), issue->message);
    }

  for (guint i = 0; i < shown->returns->len; i++)
    {
      CfRecord *balance_return = g_ptr_array_index (shown->returns, i);
      g_autofree char *on = cf_date_to_user (cf_record_get_text (balance_return, "returned_on"));
      g_autofree char *balance = cf_money_format (cf_record_get_int (balance_return,
                                                                     "balance_pence"));
      g_autofree char *surplus = cf_money_format (cf_record_get_int (balance_return,
                                                                     "surplus_pence"));
      /* Translators: %1$s is a date, %2$s the balance held and %3$s the surplus, in pounds */
      g_autofree char *text = g_strdup_printf (_("%1$s: balance %2$s, surplus %3$s"), on, balance,
                                               surplus);

      cf_cli_print_field (_("Balance return"), text);
    }

  for (guint i = 0; i < shown->assistants->len; i++)
    {
      CfRecord *assistant = g_ptr_array_index (shown->assistants, i);
      const char *name = cf_record_get_text (assistant, "name");
      const char *status = cf_choices_label (cf_assistant_statuses,
                                             cf_record_get_text (assistant, "status"));
      g_autofree char *text = NULL;

      /* Translators: %1$s is a personal assistant's name (or none yet), %2$s their status */
      text = g_strdup_printf (_("%1$s (%2$s)"), *name != '\0' ? name : _("not yet named"),
                              status);
      cf_cli_print_field (_("Personal assistant"), text);
    }
}

/**
 * cf_cli_print_support:
 *
 * Prints what followed the carer's assessment, for `show`: every plan version (the one in
 * force and the current one marked), breaks, the emergency plan and its contacts in order,
 * direct payments, reviews and what falls due.
 */
void
cf_cli_print_support (CfCarerSupport *support)
{
  for (guint i = 0; i < support->plans->len; i++)
    print_plan (support, g_ptr_array_index (support->plans, i));

  for (guint i = 0; i < support->breaks->len; i++)
    {
      CfRecord *taken = g_ptr_array_index (support->breaks, i);
      g_autofree char *on = cf_date_to_user (cf_record_get_text (taken, "taken_on"));
      /* Translators: %1$s is a date, %2$s a kind of break such as “1 to 24 hours” */
      g_autofree char *line = g_strdup_printf (_("%1$s  %2$s"), on,
                                               cf_choices_label (cf_break_kinds,
                                                                 cf_record_get_text (taken,
                                                                                     "kind")));

      cf_cli_print_field (_("Break taken"), line);
    }

  if (support->emergency_plan != NULL)
    {
      CfRecord *plan = CF_RECORD (support->emergency_plan);

      cf_cli_print_field (_("Emergency plan"), *cf_record_get_text (plan, "agreed_on") != '\0'
                                        ? _("Agreed") : _("Not yet agreed"));
      print_date_field (_("Last checked"), cf_record_get_text (plan, "last_checked_on"));
      for (guint i = 0; i < support->emergency_contacts->len; i++)
        {
          CfRecord *contact = g_ptr_array_index (support->emergency_contacts, i);
          /* Translators: %1$u is a contact's place in the order to call, %2$s their name,
           * %3$s their phone number */
          g_autofree char *line = g_strdup_printf (_("%1$u. %2$s, %3$s"), i + 1,
                                                   cf_record_get_text (contact, "name"),
                                                   cf_record_get_text (contact, "phone"));

          cf_cli_print_field (_("Emergency contact"), line);
        }
      cf_cli_print_field (_("If none can come"), cf_record_get_text (plan, "if_none_can_come"));
    }

  for (guint i = 0; i < support->direct_payments->len; i++)
    print_payment (g_ptr_array_index (support->direct_payments, i));

  for (guint i = 0; i < support->reviews->len; i++)
    {
      CfRecord *review = g_ptr_array_index (support->reviews, i);
      const char *held_on = cf_record_get_text (review, "held_on");
      g_autofree char *line = NULL;

      if (*held_on != '\0')
        {
          g_autofree char *on = cf_date_to_user (held_on);

          /* Translators: %1$s is a date, %2$s what the review decided */
          line = g_strdup_printf (_("Held %1$s: %2$s"), on,
                                  cf_choices_label (cf_review_outcomes,
                                                    cf_record_get_text (review, "outcome")));
        }
      else
        {
          g_autofree char *on = cf_date_to_user (cf_record_get_text (review, "requested_on"));

          /* Translators: %1$s is a date, %2$s why an early review was asked for */
          line = g_strdup_printf (_("Asked for %1$s: %2$s"), on,
                                  cf_choices_label (cf_review_reasons,
                                                    cf_record_get_text (review, "reason")));
        }
      cf_cli_print_field (_("Review"), line);
    }

  for (guint i = 0; i < support->due->len; i++)
    {
      CfDueItem *item = g_ptr_array_index (support->due, i);

      cf_cli_print_field (_("Due"), item->title);
    }
}
