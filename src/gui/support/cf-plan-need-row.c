/* cf-plan-need-row.c: one need in a support plan, as an expander row
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Care Act 2014 s.25(1): the plan states each need, whether and how far it is eligible and how
 * it will be met. Every edit goes straight into the CfPlanNeed and is announced with "changed";
 * the page saves it. The row's title is the need itself, so a screen reader reads the list of
 * needs as a list of needs.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-choices.h"
#include "cf-field.h"
#include "cf-gui-util.h"
#include "cf-plan-need-row.h"

struct _CfPlanNeedRow
{
  AdwExpanderRow  parent_instance;

  CfPlanNeed     *need;
  gboolean        loading;
  gboolean        editable;

  GtkWidget      *need_entry;
  GtkWidget      *eligibility_row;
  GtkWidget      *how_far_entry;
  GtkWidget      *met_by_row;
  GtkWidget      *how_entry;
  GtkWidget      *consent_row;
  GtkWidget      *consent_switch;
  GtkWidget      *outcome_entry;
  GtkWidget      *buttons_row;
  GtkWidget      *up_button;
  GtkWidget      *down_button;
  GtkWidget      *remove_button;
};

G_DEFINE_FINAL_TYPE (CfPlanNeedRow, cf_plan_need_row, ADW_TYPE_EXPANDER_ROW)

enum {
  CHANGED,
  MOVE_REQUESTED,
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CfRecord *
record (CfPlanNeedRow *self)
{
  return CF_RECORD (self->need);
}

/* Position 0 of a combo is "Not recorded"; position i + 1 is @choices[i]. */
static guint
choice_position (const CfChoice *choices,
                 const char     *id)
{
  int found = cf_choices_find (choices, id);

  return found < 0 ? 0 : (guint) found + 1;
}

static const char *
choice_id (const CfChoice *choices,
           GtkWidget      *combo)
{
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (combo));

  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return "";

  return choices[position - 1].id;
}

static void
refresh_summary (CfPlanNeedRow *self)
{
  const char *need = cf_record_get_text (record (self), "need");
  const char *met_by = cf_record_get_text (record (self), "met_by");
  const char *eligibility = cf_record_get_text (record (self), "eligibility");
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 *need != '\0' ? need : _("A new need (say what it is)"));

  if (cf_choices_find (cf_need_eligibility, eligibility) < 0)
    subtitle = g_strdup (cf_choices_find (cf_plan_ways, met_by) < 0
                         ? _("Eligibility and how it will be met not recorded yet")
                         : cf_choices_label (cf_plan_ways, met_by));
  else if (cf_choices_find (cf_plan_ways, met_by) < 0)
    /* Translators: %s is whether a need is eligible, such as “Partly eligible” */
    subtitle = g_strdup_printf (_("%s; how it will be met not recorded yet"),
                                cf_choices_label (cf_need_eligibility, eligibility));
  else
    /* Translators: %1$s is whether a need is eligible, %2$s how it will be met */
    subtitle = g_strdup_printf (_("%1$s: %2$s"),
                                cf_choices_label (cf_need_eligibility, eligibility),
                                cf_choices_label (cf_plan_ways, met_by));

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_widget_set_visible (self->consent_row, g_str_equal (met_by, "replacement-care"));

  /* Someone tabbing through several needs hears which one each button moves or removes. */
  {
    const char *which = *need != '\0' ? need : _("the new need");
    /* Translators: %s is a need in the plan */
    g_autofree char *up = g_strdup_printf (_("Move “%s” up"), which);
    g_autofree char *down = g_strdup_printf (_("Move “%s” down"), which);
    g_autofree char *remove = g_strdup_printf (_("Remove the need “%s”"), which);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->up_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, up, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->down_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, down, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
  }
}

static void
load (CfPlanNeedRow *self)
{
  CfRecord *need = record (self);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->need_entry), cf_record_get_text (need, "need"));
  gtk_editable_set_text (GTK_EDITABLE (self->how_far_entry), cf_record_get_text (need, "how_far"));
  gtk_editable_set_text (GTK_EDITABLE (self->how_entry), cf_record_get_text (need, "how"));
  gtk_editable_set_text (GTK_EDITABLE (self->outcome_entry), cf_record_get_text (need, "outcome"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->eligibility_row),
                              choice_position (cf_need_eligibility,
                                               cf_record_get_text (need, "eligibility")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->met_by_row),
                              choice_position (cf_plan_ways, cf_record_get_text (need, "met_by")));
  gtk_switch_set_active (GTK_SWITCH (self->consent_switch),
                         cf_record_get_bool (need, "cared_for_consent"));
  self->loading = FALSE;

  refresh_summary (self);
}

static void
set_text (CfPlanNeedRow *self,
          const char    *field,
          const char    *value)
{
  if (self->loading || !self->editable)
    return;

  if (g_strcmp0 (cf_record_get_text (record (self), field), value) == 0)
    return;

  cf_record_set_text (record (self), field, value);
  refresh_summary (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_entry_changed (GtkEditable   *entry,
                  CfPlanNeedRow *self)
{
  const char *field = g_object_get_data (G_OBJECT (entry), "cf-field");

  set_text (self, field, gtk_editable_get_text (entry));
}

static void
on_eligibility_changed (CfPlanNeedRow *self)
{
  set_text (self, "eligibility", choice_id (cf_need_eligibility, self->eligibility_row));
}

static void
on_met_by_changed (CfPlanNeedRow *self)
{
  set_text (self, "met_by", choice_id (cf_plan_ways, self->met_by_row));
}

static void
on_consent_changed (CfPlanNeedRow *self)
{
  gboolean active = gtk_switch_get_active (GTK_SWITCH (self->consent_switch));

  if (self->loading || !self->editable ||
      cf_record_get_bool (record (self), "cared_for_consent") == active)
    return;

  cf_record_set_bool (record (self), "cared_for_consent", active);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_up_clicked (CfPlanNeedRow *self)
{
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, -1);
}

static void
on_down_clicked (CfPlanNeedRow *self)
{
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, 1);
}

static void
on_remove_clicked (CfPlanNeedRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
cf_plan_need_row_dispose (GObject *object)
{
  CfPlanNeedRow *self = CF_PLAN_NEED_ROW (object);

  g_clear_object (&self->need);

  G_OBJECT_CLASS (cf_plan_need_row_parent_class)->dispose (object);
}

static void
cf_plan_need_row_class_init (CfPlanNeedRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_plan_need_row_dispose;

  /**
   * CfPlanNeedRow::changed:
   *
   * The need was edited; it is not saved yet.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CfPlanNeedRow::move-requested:
   * @direction: -1 to move up, 1 to move down
   */
  signals[MOVE_REQUESTED] = g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT);
  signals[REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/support/cf-plan-need-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPlanNeedRow, need_entry);
  gtk_widget_class_bind_template_child (widget_class, CfPlanNeedRow, eligibility_row);
  gtk_widget_class_bind_template_child (widget_class, CfPlanNeedRow, how_far_entry);
  gtk_widget_class_bind_template_child (widget_class, CfPlanNeedRow, met_by_row);
  gtk_widget_class_bind_template_child (widget_class, CfPlanNeedRow, how_entry);
  gtk_widget_class_bind_template_child (widget_class, CfPlanNeedRow, consent_row);
  gtk_widget_class_bind_template_child (widget_class, CfPlanNeedRow, consent_switch);
  gtk_widget_class_bind_template_child (widget_class, CfPlanNeedRow, outcome_entry);
  gtk_widget_class_bind_template_child (widget_class, CfPlanNeedRow, buttons_row);
  gtk_widget_class_bind_template_child (widget_class, CfPlanNeedRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, CfPlanNeedRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, CfPlanNeedRow, remove_button);
}

static void
cf_plan_need_row_init (CfPlanNeedRow *self)
{
  g_autoptr(GtkStringList) eligibility = cf_choice_list_new (cf_need_eligibility);
  g_autoptr(GtkStringList) ways = cf_choice_list_new (cf_plan_ways);
  struct { GtkWidget *entry; const char *field; } entries[4];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->editable = TRUE;

  adw_combo_row_set_model (ADW_COMBO_ROW (self->eligibility_row), G_LIST_MODEL (eligibility));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->met_by_row), G_LIST_MODEL (ways));

  entries[0].entry = self->need_entry;
  entries[0].field = "need";
  entries[1].entry = self->how_far_entry;
  entries[1].field = "how_far";
  entries[2].entry = self->how_entry;
  entries[2].field = "how";
  entries[3].entry = self->outcome_entry;
  entries[3].field = "outcome";
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_object_set_data (G_OBJECT (entries[i].entry), "cf-field", (gpointer) entries[i].field);
      g_signal_connect (entries[i].entry, "changed", G_CALLBACK (on_entry_changed), self);
    }

  g_signal_connect_swapped (self->eligibility_row, "notify::selected",
                            G_CALLBACK (on_eligibility_changed), self);
  g_signal_connect_swapped (self->met_by_row, "notify::selected",
                            G_CALLBACK (on_met_by_changed), self);
  g_signal_connect_swapped (self->consent_switch, "notify::active",
                            G_CALLBACK (on_consent_changed), self);
  g_signal_connect_swapped (self->up_button, "clicked", G_CALLBACK (on_up_clicked), self);
  g_signal_connect_swapped (self->down_button, "clicked", G_CALLBACK (on_down_clicked), self);
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked), self);
}

CfPlanNeedRow *
cf_plan_need_row_new (CfPlanNeed *need)
{
  CfPlanNeedRow *self;

  g_return_val_if_fail (CF_IS_PLAN_NEED (need), NULL);

  self = g_object_new (CF_TYPE_PLAN_NEED_ROW, NULL);
  self->need = g_object_ref (need);
  load (self);

  return self;
}

CfPlanNeed *
cf_plan_need_row_get_need (CfPlanNeedRow *self)
{
  g_return_val_if_fail (CF_IS_PLAN_NEED_ROW (self), NULL);

  return self->need;
}

/**
 * cf_plan_need_row_set_editable:
 *
 * An agreed or superseded plan is kept as it was: its needs can be read, not changed.
 */
void
cf_plan_need_row_set_editable (CfPlanNeedRow *self,
                               gboolean       editable)
{
  GtkWidget *fields[] = {
    self->need_entry, self->eligibility_row, self->how_far_entry, self->met_by_row,
    self->how_entry, self->consent_row, self->outcome_entry,
  };

  g_return_if_fail (CF_IS_PLAN_NEED_ROW (self));

  self->editable = editable;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    cf_field_set_sensitive (fields[i], editable);
  gtk_widget_set_visible (self->buttons_row, editable);
}

void
cf_plan_need_row_set_movable (CfPlanNeedRow *self,
                              gboolean       up,
                              gboolean       down)
{
  g_return_if_fail (CF_IS_PLAN_NEED_ROW (self));

  cf_field_set_sensitive (self->up_button, up);
  cf_field_set_sensitive (self->down_button, down);
}

/* After a move the focus follows the button that was pressed, or its neighbour when the need
 * reached the end of the list, so a keyboard user can keep moving it. */
void
cf_plan_need_row_focus_move (CfPlanNeedRow *self,
                             int            direction)
{
  GtkWidget *button = direction < 0 ? self->up_button : self->down_button;
  GtkWidget *other = direction < 0 ? self->down_button : self->up_button;

  g_return_if_fail (CF_IS_PLAN_NEED_ROW (self));

  if (gtk_widget_is_sensitive (button))
    gtk_widget_grab_focus (button);
  else
    gtk_widget_grab_focus (other);
}
