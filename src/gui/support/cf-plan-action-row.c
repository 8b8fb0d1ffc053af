/* cf-plan-action-row.c: one action in a support plan: who does what, by when
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates are typed as people write them (DD/MM/YYYY). A date that is not one is kept as typed,
 * marked, and explained beside the field; the action keeps its last real date until it is
 * corrected, so the plan can still be saved meanwhile.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-dates.h"
#include "cf-field.h"
#include "cf-plan-action-row.h"

struct _CfPlanActionRow
{
  AdwExpanderRow  parent_instance;

  CfPlanAction   *action;
  gboolean        loading;
  gboolean        editable;

  GtkWidget      *what_entry;
  GtkWidget      *who_entry;
  GtkWidget      *due_entry;
  GtkWidget      *due_message_row;
  GtkLabel       *due_message;
  GtkWidget      *done_entry;
  GtkWidget      *done_message_row;
  GtkLabel       *done_message;
  GtkWidget      *buttons_row;
  GtkWidget      *remove_button;
};

G_DEFINE_FINAL_TYPE (CfPlanActionRow, cf_plan_action_row, ADW_TYPE_EXPANDER_ROW)

enum {
  CHANGED,
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CfRecord *
record (CfPlanActionRow *self)
{
  return CF_RECORD (self->action);
}

/* What is wrong with a typed date, or %NULL. A due date may well be in the future. */
static char *
check_date (const char *iso)
{
  guint year, month, day;

  if (*iso == '\0')
    return NULL;

  if (!cf_date_parse_iso_shape (iso, &year, &month, &day))
    /* Translators: keep the example in the day/month/year order people type in your
     * language's region, with digits the person can type */
    return g_strdup (_("Enter the date as day/month/year, for example 18/11/2026."));

  if (!g_date_valid_dmy (day, month, year))
    {
      g_autofree char *shown = cf_date_to_user (iso);

      /* Translators: %s is the date the person typed, such as “30/02/2026” */
      return g_strdup_printf (_("“%s” is not a date that exists. Check the day and the month."),
                              shown);
    }

  return NULL;
}

static void
refresh_summary (CfPlanActionRow *self)
{
  const char *what = cf_record_get_text (record (self), "what");
  const char *who = cf_record_get_text (record (self), "who");
  g_autofree char *due = cf_date_to_user (cf_record_get_text (record (self), "due_on"));
  g_autofree char *done = cf_date_to_user (cf_record_get_text (record (self), "done_on"));
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 *what != '\0' ? what : _("A new action (say what)"));

  if (*done != '\0')
    /* Translators: %s is a date */
    subtitle = g_strdup_printf (_("Done on %s"), done);
  else if (*who != '\0' && *due != '\0')
    /* Translators: %1$s is who will do an action, %2$s by when (a date) */
    subtitle = g_strdup_printf (C_("action who and when", "%1$s, by %2$s"), who, due);
  else if (*who != '\0')
    subtitle = g_strdup (who);
  else
    subtitle = g_strdup (_("Who will do it is not recorded yet"));

  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
load (CfPlanActionRow *self)
{
  g_autofree char *due = cf_date_to_user (cf_record_get_text (record (self), "due_on"));
  g_autofree char *done = cf_date_to_user (cf_record_get_text (record (self), "done_on"));

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->what_entry),
                         cf_record_get_text (record (self), "what"));
  gtk_editable_set_text (GTK_EDITABLE (self->who_entry),
                         cf_record_get_text (record (self), "who"));
  gtk_editable_set_text (GTK_EDITABLE (self->due_entry), due);
  gtk_editable_set_text (GTK_EDITABLE (self->done_entry), done);
  self->loading = FALSE;

  refresh_summary (self);
}

static void
set_text (CfPlanActionRow *self,
          const char      *field,
          const char      *value)
{
  if (g_strcmp0 (cf_record_get_text (record (self), field), value) == 0)
    return;

  cf_record_set_text (record (self), field, value);
  refresh_summary (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_text_changed (GtkEditable     *entry,
                 CfPlanActionRow *self)
{
  if (self->loading || !self->editable)
    return;

  set_text (self, entry == GTK_EDITABLE (self->what_entry) ? "what" : "who",
            gtk_editable_get_text (entry));
}

static void
on_date_changed (GtkEditable     *entry,
                 CfPlanActionRow *self)
{
  gboolean due = entry == GTK_EDITABLE (self->due_entry);
  g_autofree char *iso = NULL;
  g_autofree char *message = NULL;

  if (self->loading || !self->editable)
    return;

  iso = cf_date_from_user (gtk_editable_get_text (entry));
  message = check_date (iso);
  cf_field_set_message (GTK_WIDGET (entry), due ? self->due_message_row : self->done_message_row,
                        due ? self->due_message : self->done_message, message);
  if (message == NULL)
    set_text (self, due ? "due_on" : "done_on", iso);
}

static void
on_remove_clicked (CfPlanActionRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
cf_plan_action_row_dispose (GObject *object)
{
  CfPlanActionRow *self = CF_PLAN_ACTION_ROW (object);

  g_clear_object (&self->action);

  G_OBJECT_CLASS (cf_plan_action_row_parent_class)->dispose (object);
}

static void
cf_plan_action_row_class_init (CfPlanActionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_plan_action_row_dispose;

  /**
   * CfPlanActionRow::changed:
   *
   * The action was edited; it is not saved yet.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/support/cf-plan-action-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CfPlanActionRow, what_entry);
  gtk_widget_class_bind_template_child (widget_class, CfPlanActionRow, who_entry);
  gtk_widget_class_bind_template_child (widget_class, CfPlanActionRow, due_entry);
  gtk_widget_class_bind_template_child (widget_class, CfPlanActionRow, due_message_row);
  gtk_widget_class_bind_template_child (widget_class, CfPlanActionRow, due_message);
  gtk_widget_class_bind_template_child (widget_class, CfPlanActionRow, done_entry);
  gtk_widget_class_bind_template_child (widget_class, CfPlanActionRow, done_message_row);
  gtk_widget_class_bind_template_child (widget_class, CfPlanActionRow, done_message);
  gtk_widget_class_bind_template_child (widget_class, CfPlanActionRow, buttons_row);
  gtk_widget_class_bind_template_child (widget_class, CfPlanActionRow, remove_button);
}

static void
cf_plan_action_row_init (CfPlanActionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->editable = TRUE;

  g_signal_connect (self->what_entry, "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect (self->who_entry, "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect (self->due_entry, "changed", G_CALLBACK (on_date_changed), self);
  g_signal_connect (self->done_entry, "changed", G_CALLBACK (on_date_changed), self);
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked), self);
}

CfPlanActionRow *
cf_plan_action_row_new (CfPlanAction *action)
{
  CfPlanActionRow *self;

  g_return_val_if_fail (CF_IS_PLAN_ACTION (action), NULL);

  self = g_object_new (CF_TYPE_PLAN_ACTION_ROW, NULL);
  self->action = g_object_ref (action);
  load (self);

  return self;
}

CfPlanAction *
cf_plan_action_row_get_action (CfPlanActionRow *self)
{
  g_return_val_if_fail (CF_IS_PLAN_ACTION_ROW (self), NULL);

  return self->action;
}

void
cf_plan_action_row_set_editable (CfPlanActionRow *self,
                                 gboolean         editable)
{
  GtkWidget *fields[] = { self->what_entry, self->who_entry, self->due_entry, self->done_entry };

  g_return_if_fail (CF_IS_PLAN_ACTION_ROW (self));

  self->editable = editable;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    cf_field_set_sensitive (fields[i], editable);
  gtk_widget_set_visible (self->buttons_row, editable);
}

/**
 * cf_plan_action_row_has_error:
 *
 * Returns: whether a date typed here is not a date, so what is saved is not what is shown
 */
gboolean
cf_plan_action_row_has_error (CfPlanActionRow *self)
{
  g_return_val_if_fail (CF_IS_PLAN_ACTION_ROW (self), FALSE);

  return gtk_widget_get_visible (self->due_message_row) ||
         gtk_widget_get_visible (self->done_message_row);
}
