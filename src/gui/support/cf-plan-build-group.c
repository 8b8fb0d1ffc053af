/* cf-plan-build-group.c: building a carer's first support plan from their assessment
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Care Act 2014 s.24-25 and DOMAIN.md, "Support plan and personal budget": a plan is written
 * for a carer whose needs were found eligible, from the needs and outcomes their assessment
 * found. "Build Plan from Assessment" is offered once the latest finished assessment found them
 * eligible, and why not is said otherwise. A plan built is told with "plan-built".
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-assessments.h"
#include "cf-eligibility.h"
#include "cf-plan-build-group.h"
#include "cf-plans.h"

struct _CfPlanBuildGroup
{
  AdwPreferencesGroup  parent_instance;

  CfContext           *context;
  CfCarer             *carer;
  /* The latest finished assessment, when it found the carer eligible. */
  CfAssessment        *assessment;

  GtkWidget           *build_button;
  GtkLabel            *build_message;
};

G_DEFINE_FINAL_TYPE (CfPlanBuildGroup, cf_plan_build_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PLAN_BUILT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CfStore *
store (CfPlanBuildGroup *self)
{
  return self->context != NULL ? cf_context_get_store (self->context) : NULL;
}

static void
on_build_clicked (CfPlanBuildGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfAssessment) assessment = NULL;
  g_autoptr(CfPlan) plan = NULL;

  if (self->carer == NULL || self->assessment == NULL || store (self) == NULL)
    return;

  /* The list gives the assessment without its answers, and the plan's needs come from them. */
  assessment = cf_assessments_load (store (self), cf_record_get_id (CF_RECORD (self->assessment)),
                                    &error);
  if (assessment != NULL)
    plan = cf_plans_create_from_assessment (store (self), self->carer, assessment, &error);
  if (plan == NULL)
    {
      gtk_label_set_text (self->build_message, error->message);
      return;
    }

  g_signal_emit (self, signals[PLAN_BUILT], 0);
}

static void
cf_plan_build_group_dispose (GObject *object)
{
  CfPlanBuildGroup *self = CF_PLAN_BUILD_GROUP (object);

  g_clear_object (&self->assessment);
  g_clear_object (&self->carer);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_PLAN_BUILD_GROUP);

  G_OBJECT_CLASS (cf_plan_build_group_parent_class)->dispose (object);
}

static void
cf_plan_build_group_class_init (CfPlanBuildGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_plan_build_group_dispose;

  /**
   * CfPlanBuildGroup::plan-built:
   *
   * A plan was built from the carer's assessment and stored, as a draft.
   */
  signals[PLAN_BUILT] = g_signal_new ("plan-built", G_TYPE_FROM_CLASS (klass),
                                      G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/support/cf-plan-build-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPlanBuildGroup, build_button);
  gtk_widget_class_bind_template_child (widget_class, CfPlanBuildGroup, build_message);
}

static void
cf_plan_build_group_init (CfPlanBuildGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->build_button, "clicked", G_CALLBACK (on_build_clicked), self);
}

void
cf_plan_build_group_set_context (CfPlanBuildGroup *self,
                                 CfContext        *context)
{
  g_return_if_fail (CF_IS_PLAN_BUILD_GROUP (self));
  g_return_if_fail (context == NULL || CF_IS_CONTEXT (context));

  g_set_object (&self->context, context);
}

/**
 * cf_plan_build_group_set_carer:
 * @carer: (nullable): whose plan would be built
 *
 * What can be built is worked out by cf_plan_build_group_refresh().
 */
void
cf_plan_build_group_set_carer (CfPlanBuildGroup *self,
                               CfCarer          *carer)
{
  g_return_if_fail (CF_IS_PLAN_BUILD_GROUP (self));
  g_return_if_fail (carer == NULL || CF_IS_CARER (carer));

  g_set_object (&self->carer, carer);
}

/* Finds the latest finished assessment, which a plan is built from, and says why not when it
 * can't be. */
void
cf_plan_build_group_refresh (CfPlanBuildGroup *self)
{
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GError) error = NULL;
  const char *why = NULL;

  g_return_if_fail (CF_IS_PLAN_BUILD_GROUP (self));

  g_clear_object (&self->assessment);
  if (self->carer == NULL || store (self) == NULL)
    {
      gtk_widget_set_sensitive (self->build_button, FALSE);
      gtk_label_set_text (self->build_message, "");
      return;
    }

  assessments = cf_assessments_list (store (self), cf_record_get_id (CF_RECORD (self->carer)),
                                     &error);
  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    {
      CfAssessment *assessment = g_ptr_array_index (assessments, i);

      if (cf_assessment_is_finished (assessment))
        {
          self->assessment = g_object_ref (assessment);
          break;
        }
    }

  if (error != NULL)
    why = error->message;
  else if (self->assessment == NULL && assessments->len > 0)
    why = _("The carer’s assessment is not finished yet. Finish it, with a decision, and the "
            "plan can be built from it.");
  else if (self->assessment == NULL)
    why = _("The carer has not been assessed yet. A plan is built from a finished assessment "
            "that found them eligible.");
  else if (!g_str_equal (cf_record_get_text (CF_RECORD (self->assessment), "decision"),
                         CF_DECISION_ELIGIBLE))
    why = _("The carer’s latest finished assessment did not find needs eligible for support, "
            "so there is no plan to build. Information and advice can still be given.");

  if (why != NULL)
    g_clear_object (&self->assessment);
  gtk_widget_set_sensitive (self->build_button, self->assessment != NULL);
  gtk_label_set_text (self->build_message, why != NULL ? why : "");
}

/* Says why the plan could not be opened, in place of what can be built. */
void
cf_plan_build_group_set_message (CfPlanBuildGroup *self,
                                 const char       *message)
{
  g_return_if_fail (CF_IS_PLAN_BUILD_GROUP (self));

  gtk_label_set_text (self->build_message, message);
}
