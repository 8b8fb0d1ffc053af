/* cf-plan-needs-group.c: the needs a support plan meets, in the order the plan gives them
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Care Act 2014 s.25 and DOMAIN.md, "Support plan and personal budget": the plan states the
 * needs identified, whether and how far each is eligible, and which will be met and how. The
 * group edits the page's array of needs in place: a need added is appended to it, a need
 * removed is marked deleted (the page lets go of it once that is saved), and a move swaps it
 * with its neighbour still in the plan. Every change is told with "edited".
 */

#include "config.h"

#include "cf-field.h"
#include "cf-plan-need-row.h"
#include "cf-plan-needs-group.h"
#include "cf-plans.h"

struct _CfPlanNeedsGroup
{
  AdwPreferencesGroup  parent_instance;

  CfPlan              *plan;
  GPtrArray           *needs;

  GtkWidget           *add_need_button;
  GtkListBox          *needs_list;
};

G_DEFINE_FINAL_TYPE (CfPlanNeedsGroup, cf_plan_needs_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_editable (CfPlanNeedsGroup *self)
{
  return self->plan != NULL && cf_plan_is_editable (self->plan);
}

static void
edited (CfPlanNeedsGroup *self)
{
  g_signal_emit (self, signals[EDITED], 0);
}

static void
refresh_need_moves (CfPlanNeedsGroup *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->needs_list));

  for (GtkWidget *row = first; row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (!CF_IS_PLAN_NEED_ROW (row))
        continue;

      cf_plan_need_row_set_movable (CF_PLAN_NEED_ROW (row), row != first,
                                    gtk_widget_get_next_sibling (row) != NULL &&
                                    CF_IS_PLAN_NEED_ROW (gtk_widget_get_next_sibling (row)));
    }
}

/* Moves @item in @items by @direction places, counting only items still in the plan. */
static void
move_item (GPtrArray *items,
           gpointer   item,
           int        direction)
{
  guint index, other;

  if (!g_ptr_array_find (items, item, &index))
    return;

  other = index;
  do
    {
      if ((direction < 0 && other == 0) || (direction > 0 && other + 1 >= items->len))
        return;
      other += direction;
    }
  while (cf_record_get_deleted (g_ptr_array_index (items, other)));

  items->pdata[index] = items->pdata[other];
  items->pdata[other] = item;
}

static void
on_need_move (CfPlanNeedRow    *row,
              int               direction,
              CfPlanNeedsGroup *self)
{
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (!is_editable (self) || position + direction < 0)
    return;

  move_item (self->needs, cf_plan_need_row_get_need (row), direction);

  g_object_ref (row);
  gtk_list_box_remove (self->needs_list, GTK_WIDGET (row));
  gtk_list_box_insert (self->needs_list, GTK_WIDGET (row), position + direction);
  g_object_unref (row);

  refresh_need_moves (self);
  cf_plan_need_row_focus_move (row, direction);
  edited (self);
}

static void
on_need_remove (CfPlanNeedRow    *row,
                CfPlanNeedsGroup *self)
{
  if (!is_editable (self))
    return;

  cf_record_set_deleted (CF_RECORD (cf_plan_need_row_get_need (row)), TRUE);
  gtk_list_box_remove (self->needs_list, GTK_WIDGET (row));
  refresh_need_moves (self);
  gtk_widget_grab_focus (self->add_need_button);
  edited (self);
}

static CfPlanNeedRow *
add_need_row (CfPlanNeedsGroup *self,
              CfPlanNeed       *need)
{
  CfPlanNeedRow *row = cf_plan_need_row_new (need);

  cf_plan_need_row_set_editable (row, is_editable (self));
  g_signal_connect_swapped (row, "changed", G_CALLBACK (edited), self);
  g_signal_connect (row, "move-requested", G_CALLBACK (on_need_move), self);
  g_signal_connect (row, "remove-requested", G_CALLBACK (on_need_remove), self);
  gtk_list_box_append (self->needs_list, GTK_WIDGET (row));

  return row;
}

static void
on_add_need_clicked (CfPlanNeedsGroup *self)
{
  g_autoptr(CfPlanNeed) need = NULL;
  CfPlanNeedRow *row;

  if (!is_editable (self) || self->needs == NULL)
    return;

  need = cf_plan_need_new (cf_record_get_id (CF_RECORD (self->plan)));
  cf_record_set_int (CF_RECORD (need), "position", self->needs->len);
  g_ptr_array_add (self->needs, g_object_ref (need));
  row = add_need_row (self, need);
  refresh_need_moves (self);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  edited (self);
}

static void
cf_plan_needs_group_dispose (GObject *object)
{
  CfPlanNeedsGroup *self = CF_PLAN_NEEDS_GROUP (object);

  g_clear_object (&self->plan);
  g_clear_pointer (&self->needs, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_PLAN_NEEDS_GROUP);

  G_OBJECT_CLASS (cf_plan_needs_group_parent_class)->dispose (object);
}

static void
cf_plan_needs_group_class_init (CfPlanNeedsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_plan_needs_group_dispose;

  /**
   * CfPlanNeedsGroup::edited:
   *
   * A need was added, changed, moved or removed, and the plan needs saving.
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/support/cf-plan-needs-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPlanNeedsGroup, add_need_button);
  gtk_widget_class_bind_template_child (widget_class, CfPlanNeedsGroup, needs_list);
}

static void
cf_plan_needs_group_init (CfPlanNeedsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->add_need_button, "clicked", G_CALLBACK (on_add_need_clicked),
                            self);
}

/**
 * cf_plan_needs_group_set_needs:
 * @plan: (nullable): the version shown
 * @needs: (nullable): its needs in the order shown, edited in place
 *
 * Shows a row for each need of @needs, or none.
 */
void
cf_plan_needs_group_set_needs (CfPlanNeedsGroup *self,
                               CfPlan           *plan,
                               GPtrArray        *needs)
{
  GtkListBoxRow *row;

  g_return_if_fail (CF_IS_PLAN_NEEDS_GROUP (self));
  g_return_if_fail (plan == NULL || CF_IS_PLAN (plan));

  g_set_object (&self->plan, plan);
  g_clear_pointer (&self->needs, g_ptr_array_unref);
  if (needs != NULL)
    self->needs = g_ptr_array_ref (needs);

  while ((row = gtk_list_box_get_row_at_index (self->needs_list, 0)) != NULL)
    gtk_list_box_remove (self->needs_list, GTK_WIDGET (row));
  for (guint i = 0; needs != NULL && i < needs->len; i++)
    add_need_row (self, g_ptr_array_index (needs, i));
  refresh_need_moves (self);
}

void
cf_plan_needs_group_set_editable (CfPlanNeedsGroup *self,
                                  gboolean          editable)
{
  g_return_if_fail (CF_IS_PLAN_NEEDS_GROUP (self));

  cf_field_set_sensitive (self->add_need_button, editable);
}
