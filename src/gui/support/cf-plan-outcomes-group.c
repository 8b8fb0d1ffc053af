/* cf-plan-outcomes-group.c: the carer's outcomes, and advice on preventing or reducing needs
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Care Act 2014 s.25 and DOMAIN.md, "Support plan and personal budget": the plan states the
 * carer's outcomes and advice on reducing or preventing needs. Both are free text in the draft;
 * each change goes into the plan at once and is told with "edited", for the page to save.
 */

#include "config.h"

#include "cf-plan-outcomes-group.h"
#include "cf-plans.h"

struct _CfPlanOutcomesGroup
{
  AdwPreferencesGroup  parent_instance;

  CfPlan              *plan;
  gboolean             loading;

  GtkWidget           *outcomes_view;
  GtkWidget           *advice_view;
};

G_DEFINE_FINAL_TYPE (CfPlanOutcomesGroup, cf_plan_outcomes_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_text_view_changed (GtkTextBuffer       *buffer,
                      CfPlanOutcomesGroup *self)
{
  const char *field = g_object_get_data (G_OBJECT (buffer), "cf-field");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->loading || self->plan == NULL || !cf_plan_is_editable (self->plan))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  cf_record_set_text (CF_RECORD (self->plan), field, text);
  g_signal_emit (self, signals[EDITED], 0);
}

/* Still readable, selectable and scrollable: only typing is refused. The focus is let go of
 * first, as cf_field_set_sensitive() does for entries. "cursor-visible" is left alone: GTK 4.8
 * asserts in its cursor blink when a focused text view's cursor is hidden. */
static void
set_text_view_editable (GtkWidget *view,
                        gboolean   editable)
{
  GtkRoot *root = gtk_widget_get_root (view);

  if (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)) == editable)
    return;

  if (!editable && root != NULL && gtk_root_get_focus (root) == view)
    gtk_root_set_focus (root, NULL);

  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), editable);
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
cf_plan_outcomes_group_dispose (GObject *object)
{
  CfPlanOutcomesGroup *self = CF_PLAN_OUTCOMES_GROUP (object);

  g_clear_object (&self->plan);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_PLAN_OUTCOMES_GROUP);

  G_OBJECT_CLASS (cf_plan_outcomes_group_parent_class)->dispose (object);
}

static void
cf_plan_outcomes_group_class_init (CfPlanOutcomesGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_plan_outcomes_group_dispose;

  /**
   * CfPlanOutcomesGroup::edited:
   *
   * The outcomes or the advice changed, and the plan needs saving.
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/support/cf-plan-outcomes-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPlanOutcomesGroup, outcomes_view);
  gtk_widget_class_bind_template_child (widget_class, CfPlanOutcomesGroup, advice_view);
}

static void
cf_plan_outcomes_group_init (CfPlanOutcomesGroup *self)
{
  GtkTextBuffer *outcomes, *advice;

  gtk_widget_init_template (GTK_WIDGET (self));

  outcomes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->outcomes_view));
  advice = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->advice_view));
  g_object_set_data (G_OBJECT (outcomes), "cf-field", (gpointer) "outcomes");
  g_object_set_data (G_OBJECT (advice), "cf-field", (gpointer) "prevention_advice");
  g_signal_connect (outcomes, "changed", G_CALLBACK (on_text_view_changed), self);
  g_signal_connect (advice, "changed", G_CALLBACK (on_text_view_changed), self);
}

/**
 * cf_plan_outcomes_group_set_plan:
 * @plan: (nullable): the version shown, or %NULL to empty the fields
 */
void
cf_plan_outcomes_group_set_plan (CfPlanOutcomesGroup *self,
                                 CfPlan              *plan)
{
  CfRecord *record = plan != NULL ? CF_RECORD (plan) : NULL;

  g_return_if_fail (CF_IS_PLAN_OUTCOMES_GROUP (self));
  g_return_if_fail (plan == NULL || CF_IS_PLAN (plan));

  g_set_object (&self->plan, plan);

  self->loading = TRUE;
  set_text_view (self->outcomes_view,
                 record != NULL ? cf_record_get_text (record, "outcomes") : "");
  set_text_view (self->advice_view,
                 record != NULL ? cf_record_get_text (record, "prevention_advice") : "");
  self->loading = FALSE;
}

void
cf_plan_outcomes_group_set_editable (CfPlanOutcomesGroup *self,
                                     gboolean             editable)
{
  g_return_if_fail (CF_IS_PLAN_OUTCOMES_GROUP (self));

  set_text_view_editable (self->outcomes_view, editable);
  set_text_view_editable (self->advice_view, editable);
}

/* Where writing a new version starts: the carer's outcomes, in their words. */
void
cf_plan_outcomes_group_focus (CfPlanOutcomesGroup *self)
{
  g_return_if_fail (CF_IS_PLAN_OUTCOMES_GROUP (self));

  gtk_widget_grab_focus (self->outcomes_view);
}
