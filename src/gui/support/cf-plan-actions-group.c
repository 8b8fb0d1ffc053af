/* cf-plan-actions-group.c: who will do what, in a support plan
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Care Act 2014 s.25 and DOMAIN.md, "Support plan and personal budget": which needs will be
 * met, and how. The group edits the page's array of actions in place: an action added is
 * appended to it, an action removed is marked deleted (the page lets go of it once that is
 * saved). Every change is told with "edited".
 */

#include "config.h"

#include "cf-field.h"
#include "cf-plan-action-row.h"
#include "cf-plan-actions-group.h"
#include "cf-plans.h"

struct _CfPlanActionsGroup
{
  AdwPreferencesGroup  parent_instance;

  CfPlan              *plan;
  GPtrArray           *actions;

  GtkWidget           *add_action_button;
  GtkListBox          *actions_list;
};

G_DEFINE_FINAL_TYPE (CfPlanActionsGroup, cf_plan_actions_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_editable (CfPlanActionsGroup *self)
{
  return self->plan != NULL && cf_plan_is_editable (self->plan);
}

static void
edited (CfPlanActionsGroup *self)
{
  g_signal_emit (self, signals[EDITED], 0);
}

static void
on_action_remove (CfPlanActionRow    *row,
                  CfPlanActionsGroup *self)
{
  if (!is_editable (self))
    return;

  cf_record_set_deleted (CF_RECORD (cf_plan_action_row_get_action (row)), TRUE);
  gtk_list_box_remove (self->actions_list, GTK_WIDGET (row));
  gtk_widget_grab_focus (self->add_action_button);
  edited (self);
}

static CfPlanActionRow *
add_action_row (CfPlanActionsGroup *self,
                CfPlanAction       *action)
{
  CfPlanActionRow *row = cf_plan_action_row_new (action);

  cf_plan_action_row_set_editable (row, is_editable (self));
  g_signal_connect_swapped (row, "changed", G_CALLBACK (edited), self);
  g_signal_connect (row, "remove-requested", G_CALLBACK (on_action_remove), self);
  gtk_list_box_append (self->actions_list, GTK_WIDGET (row));

  return row;
}

static void
on_add_action_clicked (CfPlanActionsGroup *self)
{
  g_autoptr(CfPlanAction) action = NULL;
  CfPlanActionRow *row;

  if (!is_editable (self) || self->actions == NULL)
    return;

  action = cf_plan_action_new (cf_record_get_id (CF_RECORD (self->plan)));
  cf_record_set_int (CF_RECORD (action), "position", self->actions->len);
  g_ptr_array_add (self->actions, g_object_ref (action));
  row = add_action_row (self, action);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  edited (self);
}

static void
cf_plan_actions_group_dispose (GObject *object)
{
  CfPlanActionsGroup *self = CF_PLAN_ACTIONS_GROUP (object);

  g_clear_object (&self->plan);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_PLAN_ACTIONS_GROUP);

  G_OBJECT_CLASS (cf_plan_actions_group_parent_class)->dispose (object);
}

static void
cf_plan_actions_group_class_init (CfPlanActionsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_plan_actions_group_dispose;

  /**
   * CfPlanActionsGroup::edited:
   *
   * An action was added, changed or removed, and the plan needs saving.
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/support/cf-plan-actions-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPlanActionsGroup, add_action_button);
  gtk_widget_class_bind_template_child (widget_class, CfPlanActionsGroup, actions_list);
}

static void
cf_plan_actions_group_init (CfPlanActionsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->add_action_button, "clicked",
                            G_CALLBACK (on_add_action_clicked), self);
}

/**
 * cf_plan_actions_group_set_actions:
 * @plan: (nullable): the version shown
 * @actions: (nullable): its actions in the order shown, edited in place
 *
 * Shows a row for each action of @actions, or none.
 */
void
cf_plan_actions_group_set_actions (CfPlanActionsGroup *self,
                                   CfPlan             *plan,
                                   GPtrArray          *actions)
{
  GtkListBoxRow *row;

  g_return_if_fail (CF_IS_PLAN_ACTIONS_GROUP (self));
  g_return_if_fail (plan == NULL || CF_IS_PLAN (plan));

  g_set_object (&self->plan, plan);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  if (actions != NULL)
    self->actions = g_ptr_array_ref (actions);

  while ((row = gtk_list_box_get_row_at_index (self->actions_list, 0)) != NULL)
    gtk_list_box_remove (self->actions_list, GTK_WIDGET (row));
  for (guint i = 0; actions != NULL && i < actions->len; i++)
    add_action_row (self, g_ptr_array_index (actions, i));
}

void
cf_plan_actions_group_set_editable (CfPlanActionsGroup *self,
                                    gboolean            editable)
{
  g_return_if_fail (CF_IS_PLAN_ACTIONS_GROUP (self));

  cf_field_set_sensitive (self->add_action_button, editable);
}

/* Whether a date or amount shown in an action is not what is stored. */
gboolean
cf_plan_actions_group_has_error (CfPlanActionsGroup *self)
{
  g_return_val_if_fail (CF_IS_PLAN_ACTIONS_GROUP (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (CF_IS_PLAN_ACTION_ROW (row) && cf_plan_action_row_has_error (CF_PLAN_ACTION_ROW (row)))
        return TRUE;
    }

  return FALSE;
}
