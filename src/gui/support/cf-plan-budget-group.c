/* cf-plan-budget-group.c: the personal budget of a support plan
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Care Act 2014 s.26 and DOMAIN.md, "Support plan and personal budget": the cost of meeting the
 * carer's needs, the carer's assessed contribution, and the council's contribution, worked out
 * by the core. Amounts are typed in pounds and kept in pence. A typed amount that is not money
 * is said beside its field and not stored: the plan keeps its last good amount until it is
 * corrected. Each stored edit is told with "edited"; the page saves it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-field.h"
#include "cf-money.h"
#include "cf-plan-budget-group.h"
#include "cf-plans.h"

struct _CfPlanBudgetGroup
{
  AdwPreferencesGroup  parent_instance;

  CfPlan              *plan;
  gboolean             loading;

  GtkWidget           *cost_entry;
  GtkWidget           *cost_message_row;
  GtkLabel            *cost_message;
  GtkWidget           *contribution_entry;
  GtkWidget           *contribution_message_row;
  GtkLabel            *contribution_message;
  AdwActionRow        *council_row;
};

G_DEFINE_FINAL_TYPE (CfPlanBudgetGroup, cf_plan_budget_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_editable (CfPlanBudgetGroup *self)
{
  return self->plan != NULL && cf_plan_is_editable (self->plan);
}

static void
on_money_changed (GtkEditable       *entry,
                  CfPlanBudgetGroup *self)
{
  gboolean cost = entry == GTK_EDITABLE (self->cost_entry);
  const char *field = cost ? "cost_pence" : "carer_contribution_pence";
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;
  gint64 pence = 0;

  if (self->loading || !is_editable (self))
    return;

  /* Nothing typed is nothing: a carer's contribution is often £0. */
  if (*text != '\0')
    cf_money_parse (text, &pence, &error);

  /* The text stays as typed; the plan keeps its last good amount until it is corrected. */
  cf_field_set_message (GTK_WIDGET (entry),
                        cost ? self->cost_message_row : self->contribution_message_row,
                        cost ? self->cost_message : self->contribution_message,
                        error != NULL ? error->message : NULL);

  if (error == NULL && cf_record_get_int (CF_RECORD (self->plan), field) != pence)
    {
      cf_record_set_int (CF_RECORD (self->plan), field, pence);
      g_signal_emit (self, signals[EDITED], 0);
    }

  cf_plan_budget_group_refresh (self);
}

static void
set_money_entry (GtkWidget  *entry,
                 GtkWidget  *message_row,
                 GtkLabel   *message,
                 gint64      pence)
{
  g_autofree char *text = cf_money_format (pence);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  cf_field_set_message (entry, message_row, message, NULL);
}

static void
cf_plan_budget_group_dispose (GObject *object)
{
  CfPlanBudgetGroup *self = CF_PLAN_BUDGET_GROUP (object);

  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_PLAN_BUDGET_GROUP);

  G_OBJECT_CLASS (cf_plan_budget_group_parent_class)->dispose (object);
}

static void
cf_plan_budget_group_class_init (CfPlanBudgetGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_plan_budget_group_dispose;

  /**
   * CfPlanBudgetGroup::edited:
   *
   * An amount in the plan was changed, and the plan needs saving.
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/support/cf-plan-budget-group.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CfPlanBudgetGroup, name)
  BIND (cost_entry);
  BIND (cost_message_row);
  BIND (cost_message);
  BIND (contribution_entry);
  BIND (contribution_message_row);
  BIND (contribution_message);
  BIND (council_row);
#undef BIND
}

static void
cf_plan_budget_group_init (CfPlanBudgetGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self->cost_entry, "changed", G_CALLBACK (on_money_changed), self);
  g_signal_connect (self->contribution_entry, "changed", G_CALLBACK (on_money_changed), self);
}

/**
 * cf_plan_budget_group_set_plan:
 * @plan: (nullable): the version shown, or %NULL to empty the fields
 *
 * Fills the amounts from @plan, with no message beside them.
 */
void
cf_plan_budget_group_set_plan (CfPlanBudgetGroup *self,
                               CfPlan            *plan)
{
  CfRecord *record = plan != NULL ? CF_RECORD (plan) : NULL;

  g_return_if_fail (CF_IS_PLAN_BUDGET_GROUP (self));
  g_return_if_fail (plan == NULL || CF_IS_PLAN (plan));

  g_set_object (&self->plan, plan);

  self->loading = TRUE;
  set_money_entry (self->cost_entry, self->cost_message_row, self->cost_message,
                   record != NULL ? cf_record_get_int (record, "cost_pence") : 0);
  set_money_entry (self->contribution_entry, self->contribution_message_row,
                   self->contribution_message,
                   record != NULL ? cf_record_get_int (record, "carer_contribution_pence") : 0);
  self->loading = FALSE;
}

void
cf_plan_budget_group_set_editable (CfPlanBudgetGroup *self,
                                   gboolean           editable)
{
  g_return_if_fail (CF_IS_PLAN_BUDGET_GROUP (self));

  cf_field_set_sensitive (self->cost_entry, editable);
  cf_field_set_sensitive (self->contribution_entry, editable);
}

/**
 * cf_plan_budget_group_refresh:
 *
 * Works out the council's contribution again from the amounts stored.
 */
void
cf_plan_budget_group_refresh (CfPlanBudgetGroup *self)
{
  g_autofree char *text = NULL;
  gint64 council;

  g_return_if_fail (CF_IS_PLAN_BUDGET_GROUP (self));

  if (self->plan == NULL)
    text = g_strdup ("");
  else if (cf_plan_budget_group_has_error (self))
    text = g_strdup (_("Correct the amount marked above first."));
  else if ((council = cf_plan_get_council_contribution (self->plan)) >= 0)
    text = cf_money_format (council);
  else
    {
      g_autoptr(GError) error = NULL;

      cf_budget_council_contribution (cf_record_get_int (CF_RECORD (self->plan), "cost_pence"),
                                      cf_record_get_int (CF_RECORD (self->plan),
                                                         "carer_contribution_pence"),
                                      &council, &error);
      text = g_strdup (error != NULL ? error->message : "");
    }

  adw_action_row_set_subtitle (self->council_row, text);
}

/* Whether an amount shown is not what is stored: the plan is not agreed with one. */
gboolean
cf_plan_budget_group_has_error (CfPlanBudgetGroup *self)
{
  g_return_val_if_fail (CF_IS_PLAN_BUDGET_GROUP (self), FALSE);

  return gtk_widget_get_visible (self->cost_message_row) ||
         gtk_widget_get_visible (self->contribution_message_row);
}
