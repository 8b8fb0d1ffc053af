/* cf-plan-breaks-group.c: the breaks a support plan plans, and the breaks the carer took
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Support plan and personal budget" (Care Act 2014 s.24-25): breaks are recorded
 * by type, planned and taken: emergency or short notice, 1 to 24 hours, more than 24 hours.
 * The numbers planned belong to the version shown, and each change is told with "edited" for
 * the page to save. Breaks taken belong to the carer, not to a version: they are listed, and
 * recorded through "Record a Break…", whichever version is being read.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-choices.h"
#include "cf-field.h"
#include "cf-plan-breaks-group.h"
#include "cf-plan-dialogs.h"
#include "cf-plans.h"

struct _CfPlanBreaksGroup
{
  AdwPreferencesGroup  parent_instance;

  CfContext           *context;
  CfCarer             *carer;
  CfPlan              *plan;
  gboolean             loading;
  AdwMessageDialog    *dialog;

  GtkWidget           *short_notice_row;
  GtkWidget           *short_notice_spin;
  GtkWidget           *day_row;
  GtkWidget           *day_spin;
  GtkWidget           *long_row;
  GtkWidget           *long_spin;
  GtkListBox          *breaks_list;
  GtkWidget           *break_button;
  GtkLabel            *break_status;
};

G_DEFINE_FINAL_TYPE (CfPlanBreaksGroup, cf_plan_breaks_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  EDITED,
  BREAK_RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CfStore *
store (CfPlanBreaksGroup *self)
{
  return self->context != NULL ? cf_context_get_store (self->context) : NULL;
}

static void
on_spin_changed (GtkSpinButton     *spin,
                 CfPlanBreaksGroup *self)
{
  const char *field = g_object_get_data (G_OBJECT (spin), "cf-field");
  gint64 value = gtk_spin_button_get_value_as_int (spin);

  if (self->loading || self->plan == NULL || !cf_plan_is_editable (self->plan) ||
      cf_record_get_int (CF_RECORD (self->plan), field) == value)
    return;

  cf_record_set_int (CF_RECORD (self->plan), field, value);
  g_signal_emit (self, signals[EDITED], 0);
}

static void
on_break_response (AdwMessageDialog  *dialog,
                   const char        *response,
                   CfPlanBreaksGroup *self)
{
  g_autoptr(CfCarerBreak) taken = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  const char *kind = cf_plan_break_dialog_get_kind (dialog);

  iso = cf_plan_break_dialog_dup_date (dialog);
  g_signal_handlers_disconnect_by_data (dialog, self);
  g_clear_object (&self->dialog);

  if (!g_str_equal (response, CF_PLAN_RESPONSE_RECORD) || self->carer == NULL ||
      store (self) == NULL)
    return;

  taken = cf_plans_record_break (store (self), self->carer, kind, iso, NULL, &error);
  if (taken == NULL)
    {
      gtk_label_set_text (self->break_status, error->message);
      return;
    }

  cf_plan_breaks_group_refresh_taken (self);
  gtk_label_set_text (self->break_status, _("The break is recorded."));
  g_signal_emit (self, signals[BREAK_RECORDED], 0);
}

static void
on_break_clicked (CfPlanBreaksGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GDate today;

  if (self->carer == NULL || self->context == NULL)
    return;

  cf_plan_breaks_group_close_dialog (self);
  cf_clock_today (cf_context_get_clock (self->context), &today);
  self->dialog = g_object_ref_sink (cf_plan_break_dialog_new (GTK_IS_WINDOW (root)
                                                              ? GTK_WINDOW (root) : NULL,
                                                              &today));
  g_signal_connect (self->dialog, "response", G_CALLBACK (on_break_response), self);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

static void
cf_plan_breaks_group_dispose (GObject *object)
{
  CfPlanBreaksGroup *self = CF_PLAN_BREAKS_GROUP (object);

  cf_plan_breaks_group_close_dialog (self);
  g_clear_object (&self->plan);
  g_clear_object (&self->carer);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_PLAN_BREAKS_GROUP);

  G_OBJECT_CLASS (cf_plan_breaks_group_parent_class)->dispose (object);
}

static void
cf_plan_breaks_group_class_init (CfPlanBreaksGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_plan_breaks_group_dispose;

  /**
   * CfPlanBreaksGroup::edited:
   *
   * A number of breaks planned was changed, and the plan needs saving.
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CfPlanBreaksGroup::break-recorded:
   *
   * A break the carer took was stored.
   */
  signals[BREAK_RECORDED] = g_signal_new ("break-recorded", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/support/cf-plan-breaks-group.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CfPlanBreaksGroup, name)
  BIND (short_notice_row);
  BIND (short_notice_spin);
  BIND (day_row);
  BIND (day_spin);
  BIND (long_row);
  BIND (long_spin);
  BIND (breaks_list);
  BIND (break_button);
  BIND (break_status);
#undef BIND
}

static void
cf_plan_breaks_group_init (CfPlanBreaksGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_set_data (G_OBJECT (self->short_notice_spin), "cf-field",
                     (gpointer) "breaks_short_notice");
  g_object_set_data (G_OBJECT (self->day_spin), "cf-field", (gpointer) "breaks_day");
  g_object_set_data (G_OBJECT (self->long_spin), "cf-field", (gpointer) "breaks_long");
  g_signal_connect (self->short_notice_spin, "value-changed", G_CALLBACK (on_spin_changed), self);
  g_signal_connect (self->day_spin, "value-changed", G_CALLBACK (on_spin_changed), self);
  g_signal_connect (self->long_spin, "value-changed", G_CALLBACK (on_spin_changed), self);
  g_signal_connect_swapped (self->break_button, "clicked", G_CALLBACK (on_break_clicked), self);
}

void
cf_plan_breaks_group_set_context (CfPlanBreaksGroup *self,
                                  CfContext         *context)
{
  g_return_if_fail (CF_IS_PLAN_BREAKS_GROUP (self));
  g_return_if_fail (context == NULL || CF_IS_CONTEXT (context));

  g_set_object (&self->context, context);
}

/**
 * cf_plan_breaks_group_set_carer:
 * @carer: (nullable): whose breaks these are
 *
 * The list of breaks taken is filled by cf_plan_breaks_group_refresh_taken().
 */
void
cf_plan_breaks_group_set_carer (CfPlanBreaksGroup *self,
                                CfCarer           *carer)
{
  g_return_if_fail (CF_IS_PLAN_BREAKS_GROUP (self));
  g_return_if_fail (carer == NULL || CF_IS_CARER (carer));

  g_set_object (&self->carer, carer);
}

/**
 * cf_plan_breaks_group_set_plan:
 * @plan: (nullable): the version shown, or %NULL to empty the fields
 *
 * Fills the breaks planned from @plan, and clears what was last said.
 */
void
cf_plan_breaks_group_set_plan (CfPlanBreaksGroup *self,
                               CfPlan            *plan)
{
  CfRecord *record = plan != NULL ? CF_RECORD (plan) : NULL;

  g_return_if_fail (CF_IS_PLAN_BREAKS_GROUP (self));
  g_return_if_fail (plan == NULL || CF_IS_PLAN (plan));

  g_set_object (&self->plan, plan);

  self->loading = TRUE;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->short_notice_spin),
                             record != NULL
                             ? cf_record_get_int (record, "breaks_short_notice") : 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->day_spin),
                             record != NULL ? cf_record_get_int (record, "breaks_day") : 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->long_spin),
                             record != NULL ? cf_record_get_int (record, "breaks_long") : 0);
  self->loading = FALSE;

  gtk_label_set_text (self->break_status, "");
}

/* The numbers planned follow the version shown; a break is taken against the plan in force,
 * whichever version is being read. */
void
cf_plan_breaks_group_set_editable (CfPlanBreaksGroup *self,
                                   gboolean           editable)
{
  g_return_if_fail (CF_IS_PLAN_BREAKS_GROUP (self));

  cf_field_set_sensitive (self->short_notice_row, editable);
  cf_field_set_sensitive (self->day_row, editable);
  cf_field_set_sensitive (self->long_row, editable);
  gtk_widget_set_sensitive (self->break_button, self->carer != NULL);
}

/* Lists the carer's breaks taken again, from the store. */
void
cf_plan_breaks_group_refresh_taken (CfPlanBreaksGroup *self)
{
  g_autoptr(GPtrArray) breaks = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *old;

  g_return_if_fail (CF_IS_PLAN_BREAKS_GROUP (self));

  while ((old = gtk_list_box_get_row_at_index (self->breaks_list, 0)) != NULL)
    gtk_list_box_remove (self->breaks_list, GTK_WIDGET (old));
  if (self->carer == NULL || store (self) == NULL)
    return;

  breaks = cf_plans_list_breaks (store (self), cf_record_get_id (CF_RECORD (self->carer)), &error);
  if (breaks == NULL)
    {
      gtk_label_set_text (self->break_status, error->message);
      return;
    }

  for (guint i = 0; i < breaks->len; i++)
    {
      CfRecord *taken = g_ptr_array_index (breaks, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = cf_plan_date_in_words (cf_record_get_text (taken, "taken_on"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     cf_choices_label (cf_break_kinds,
                                                       cf_record_get_text (taken, "kind")));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
      gtk_list_box_append (self->breaks_list, row);
    }
}

/* The record-a-break dialog, while it is open. */
AdwMessageDialog *
cf_plan_breaks_group_get_dialog (CfPlanBreaksGroup *self)
{
  g_return_val_if_fail (CF_IS_PLAN_BREAKS_GROUP (self), NULL);

  return self->dialog;
}

void
cf_plan_breaks_group_close_dialog (CfPlanBreaksGroup *self)
{
  g_return_if_fail (CF_IS_PLAN_BREAKS_GROUP (self));

  if (self->dialog == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->dialog, self);
  gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_object (&self->dialog);
}
