/* cf-plan-agreement-group.c: the carer's agreement to a support plan
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Care Act 2014 s.25 and DOMAIN.md, "Support plan and personal budget": the carer is involved
 * and asked to agree. Whether they agree and their comments are fields of the draft, told with
 * "edited" for the page to save. "Agree Plan" only asks, with "agree-requested": the page checks
 * the whole plan and has the core agree it, and says here why not when it can't.
 */

#include "config.h"

#include "cf-field.h"
#include "cf-plan-agreement-group.h"
#include "cf-plans.h"

struct _CfPlanAgreementGroup
{
  AdwPreferencesGroup  parent_instance;

  CfPlan              *plan;
  gboolean             loading;

  GtkWidget           *agrees_row;
  GtkWidget           *agrees_switch;
  GtkWidget           *comments_entry;
  GtkWidget           *agree_button;
  GtkWidget           *agree_message_box;
  GtkLabel            *agree_message;
  GtkLabel            *agree_status;
};

G_DEFINE_FINAL_TYPE (CfPlanAgreementGroup, cf_plan_agreement_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  EDITED,
  AGREE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_editable (CfPlanAgreementGroup *self)
{
  return self->plan != NULL && cf_plan_is_editable (self->plan);
}

static void
on_agrees_changed (CfPlanAgreementGroup *self)
{
  gboolean active = gtk_switch_get_active (GTK_SWITCH (self->agrees_switch));

  if (self->loading || !is_editable (self) ||
      cf_record_get_bool (CF_RECORD (self->plan), "carer_agrees") == active)
    return;

  cf_record_set_bool (CF_RECORD (self->plan), "carer_agrees", active);
  g_signal_emit (self, signals[EDITED], 0);
}

static void
on_comments_changed (CfPlanAgreementGroup *self)
{
  if (self->loading || !is_editable (self))
    return;

  cf_record_set_text (CF_RECORD (self->plan), "carer_comments",
                      gtk_editable_get_text (GTK_EDITABLE (self->comments_entry)));
  g_signal_emit (self, signals[EDITED], 0);
}

static void
on_agree_clicked (CfPlanAgreementGroup *self)
{
  g_signal_emit (self, signals[AGREE_REQUESTED], 0);
}

static void
cf_plan_agreement_group_dispose (GObject *object)
{
  CfPlanAgreementGroup *self = CF_PLAN_AGREEMENT_GROUP (object);

  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_PLAN_AGREEMENT_GROUP);

  G_OBJECT_CLASS (cf_plan_agreement_group_parent_class)->dispose (object);
}

static void
cf_plan_agreement_group_class_init (CfPlanAgreementGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_plan_agreement_group_dispose;

  /**
   * CfPlanAgreementGroup::edited:
   *
   * Whether the carer agrees, or their comments, changed, and the plan needs saving.
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CfPlanAgreementGroup::agree-requested:
   *
   * "Agree Plan" was pressed.
   */
  signals[AGREE_REQUESTED] = g_signal_new ("agree-requested", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/support/cf-plan-agreement-group.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CfPlanAgreementGroup, name)
  BIND (agrees_row);
  BIND (agrees_switch);
  BIND (comments_entry);
  BIND (agree_button);
  BIND (agree_message_box);
  BIND (agree_message);
  BIND (agree_status);
#undef BIND
}

static void
cf_plan_agreement_group_init (CfPlanAgreementGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->agrees_switch, "notify::active",
                            G_CALLBACK (on_agrees_changed), self);
  g_signal_connect_swapped (self->comments_entry, "changed", G_CALLBACK (on_comments_changed),
                            self);
  g_signal_connect_swapped (self->agree_button, "clicked", G_CALLBACK (on_agree_clicked), self);
}

/**
 * cf_plan_agreement_group_set_plan:
 * @plan: (nullable): the version shown, or %NULL to empty the fields
 *
 * Fills the fields from @plan, and clears what was last said.
 */
void
cf_plan_agreement_group_set_plan (CfPlanAgreementGroup *self,
                                  CfPlan               *plan)
{
  CfRecord *record = plan != NULL ? CF_RECORD (plan) : NULL;

  g_return_if_fail (CF_IS_PLAN_AGREEMENT_GROUP (self));
  g_return_if_fail (plan == NULL || CF_IS_PLAN (plan));

  g_set_object (&self->plan, plan);

  self->loading = TRUE;
  gtk_switch_set_active (GTK_SWITCH (self->agrees_switch),
                         record != NULL && cf_record_get_bool (record, "carer_agrees"));
  gtk_editable_set_text (GTK_EDITABLE (self->comments_entry),
                         record != NULL ? cf_record_get_text (record, "carer_comments") : "");
  self->loading = FALSE;

  cf_plan_agreement_group_show_refusal (self, NULL);
  gtk_label_set_text (self->agree_status, "");
}

void
cf_plan_agreement_group_set_editable (CfPlanAgreementGroup *self,
                                      gboolean              editable)
{
  g_return_if_fail (CF_IS_PLAN_AGREEMENT_GROUP (self));

  cf_field_set_sensitive (self->agrees_row, editable);
  cf_field_set_sensitive (self->comments_entry, editable);
  gtk_widget_set_visible (self->agree_button, editable);
}

/**
 * cf_plan_agreement_group_show_refusal:
 * @message: (nullable): why the plan can't be agreed, or %NULL to hide the last reason
 */
void
cf_plan_agreement_group_show_refusal (CfPlanAgreementGroup *self,
                                      const char           *message)
{
  g_return_if_fail (CF_IS_PLAN_AGREEMENT_GROUP (self));

  gtk_label_set_text (self->agree_message, message != NULL ? message : "");
  gtk_widget_set_visible (self->agree_message_box, message != NULL);
}

/* Said once the plan is agreed, in a label with the status role. */
void
cf_plan_agreement_group_set_status (CfPlanAgreementGroup *self,
                                    const char           *text)
{
  g_return_if_fail (CF_IS_PLAN_AGREEMENT_GROUP (self));

  gtk_label_set_text (self->agree_status, text);
}
