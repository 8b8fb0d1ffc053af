/* cf-plan-copy-group.c: when the carer was given a copy of their agreed support plan
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Care Act 2014 s.25 and DOMAIN.md, "Support plan and personal budget": the carer is given a
 * copy; record when and in what format, and in which language (DOMAIN.md, "Information,
 * consent"). Only an agreed version is given, and the date is checked as it is typed, and said
 * beside the field, before the core is asked to store it. The format and language start as those
 * the page prints in.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-choices.h"
#include "cf-dates.h"
#include "cf-field.h"
#include "cf-gui-util.h"
#include "cf-plan-copy-group.h"
#include "cf-plan-dialogs.h"
#include "cf-plans.h"
#include "cf-print-choices.h"

struct _CfPlanCopyGroup
{
  AdwPreferencesGroup  parent_instance;

  CfContext           *context;
  CfPlan              *plan;
  gboolean             loading;

  AdwActionRow        *copy_row;
  GtkWidget           *copy_on_entry;
  GtkWidget           *copy_on_message_row;
  GtkLabel            *copy_on_message;
  GtkWidget           *copy_format_row;
  GtkWidget           *copy_language_row;
  GStrv                languages;  /* codes, in the order of copy_language_row's model */
  char                *printed_format;
  char                *printed_language;
  GtkWidget           *copy_button;
  GtkLabel            *copy_status;
};

G_DEFINE_FINAL_TYPE (CfPlanCopyGroup, cf_plan_copy_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  COPY_RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
refresh_copy (CfPlanCopyGroup *self)
{
  CfRecord *record = CF_RECORD (self->plan);
  const char *given_on = cf_record_get_text (record, "copy_given_on");
  g_autofree char *text = NULL;

  if (*given_on == '\0')
    text = g_strdup (_("Not recorded yet"));
  else
    {
      g_autofree char *date = cf_plan_date_in_words (given_on);

      /* Translators: %1$s is a date, %2$s the format of a copy, such as “Large print” */
      text = g_strdup_printf (_("%1$s, %2$s"), date,
                              cf_choices_label (cf_copy_formats,
                                                cf_record_get_text (record, "copy_format")));
    }
  adw_action_row_set_subtitle (self->copy_row, text);
}

static char *
check_copy_on (CfPlanCopyGroup *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->copy_on_entry));
  g_autofree char *iso = cf_date_from_user (typed);
  GDate today;

  if (*iso == '\0')
    return g_strdup (_("Enter the date the carer was given the copy."));

  cf_clock_today (cf_context_get_clock (self->context), &today);
  return cf_field_check_date (iso, &today);
}

static void
on_copy_on_changed (CfPlanCopyGroup *self)
{
  g_autofree char *message = NULL;

  if (self->loading || self->plan == NULL)
    return;

  message = check_copy_on (self);
  cf_field_set_message (self->copy_on_entry, self->copy_on_message_row, self->copy_on_message,
                        message);
}

static void
on_copy_clicked (CfPlanCopyGroup *self)
{
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (self->copy_format_row));
  CfStore *store = self->context != NULL ? cf_context_get_store (self->context) : NULL;
  g_autofree char *message = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  guint language = adw_combo_row_get_selected (ADW_COMBO_ROW (self->copy_language_row));

  if (self->plan == NULL || store == NULL ||
      !g_str_equal (cf_record_get_text (CF_RECORD (self->plan), "status"), CF_PLAN_AGREED))
    return;

  message = check_copy_on (self);
  cf_field_set_message (self->copy_on_entry, self->copy_on_message_row, self->copy_on_message,
                        message);
  if (message != NULL)
    {
      gtk_label_set_text (self->copy_status, message);
      return;
    }

  iso = cf_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->copy_on_entry)));
  if (!cf_plans_copy_given (store, self->plan, iso,
                            position > 0 && position != GTK_INVALID_LIST_POSITION
                            ? cf_copy_formats[position - 1].id : "",
                            language < g_strv_length (self->languages)
                            ? self->languages[language] : NULL, &error))
    {
      gtk_label_set_text (self->copy_status, error->message);
      return;
    }

  date = cf_plan_date_in_words (iso);
  /* Translators: %s is a date */
  text = g_strdup_printf (_("Recorded that the carer was given a copy on %s."), date);
  gtk_label_set_text (self->copy_status, text);
  refresh_copy (self);
  g_signal_emit (self, signals[COPY_RECORDED], 0);
}

/* The format and language the page prints in, as the first guess at the copy's. */
static void
select_printed (CfPlanCopyGroup *self)
{
  int format = cf_choices_find (cf_copy_formats, self->printed_format);
  guint language = 0;

  for (guint i = 0; self->printed_language != NULL && self->languages[i] != NULL; i++)
    if (g_str_equal (self->languages[i], self->printed_language))
      language = i;

  adw_combo_row_set_selected (ADW_COMBO_ROW (self->copy_format_row), format >= 0 ? format + 1 : 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->copy_language_row), language);
}

static void
cf_plan_copy_group_dispose (GObject *object)
{
  CfPlanCopyGroup *self = CF_PLAN_COPY_GROUP (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->context);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->printed_format, g_free);
  g_clear_pointer (&self->printed_language, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_PLAN_COPY_GROUP);

  G_OBJECT_CLASS (cf_plan_copy_group_parent_class)->dispose (object);
}

static void
cf_plan_copy_group_class_init (CfPlanCopyGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_plan_copy_group_dispose;

  /**
   * CfPlanCopyGroup::copy-recorded:
   *
   * The date and format of the carer's copy were stored.
   */
  signals[COPY_RECORDED] = g_signal_new ("copy-recorded", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/support/cf-plan-copy-group.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CfPlanCopyGroup, name)
  BIND (copy_row);
  BIND (copy_on_entry);
  BIND (copy_on_message_row);
  BIND (copy_on_message);
  BIND (copy_format_row);
  BIND (copy_language_row);
  BIND (copy_button);
  BIND (copy_status);
#undef BIND
}

static void
cf_plan_copy_group_init (CfPlanCopyGroup *self)
{
  /* Translators: the first entry of the list of formats a copy was given in */
  g_autoptr(GtkStringList) formats = cf_choice_list_new_with_none (cf_copy_formats,
                                                                   _("Choose a format"));
  g_autoptr(GtkStringList) languages = cf_print_languages_new (&self->languages);

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (ADW_COMBO_ROW (self->copy_format_row), G_LIST_MODEL (formats));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->copy_language_row), G_LIST_MODEL (languages));
  g_signal_connect_swapped (self->copy_on_entry, "changed", G_CALLBACK (on_copy_on_changed), self);
  g_signal_connect_swapped (self->copy_button, "clicked", G_CALLBACK (on_copy_clicked), self);
}

void
cf_plan_copy_group_set_context (CfPlanCopyGroup *self,
                                CfContext       *context)
{
  g_return_if_fail (CF_IS_PLAN_COPY_GROUP (self));
  g_return_if_fail (context == NULL || CF_IS_CONTEXT (context));

  g_set_object (&self->context, context);
}

/**
 * cf_plan_copy_group_set_plan:
 * @plan: (nullable): the version shown, or %NULL to empty the fields
 *
 * Says when the carer was given a copy of @plan, and offers today for the next copy.
 */
void
cf_plan_copy_group_set_plan (CfPlanCopyGroup *self,
                             CfPlan          *plan)
{
  g_autofree char *today = NULL;

  g_return_if_fail (CF_IS_PLAN_COPY_GROUP (self));
  g_return_if_fail (plan == NULL || CF_IS_PLAN (plan));

  g_set_object (&self->plan, plan);

  if (plan != NULL && self->context != NULL)
    {
      GDate date;
      g_autofree char *iso = NULL;

      cf_clock_today (cf_context_get_clock (self->context), &date);
      iso = cf_date_write_iso (&date);
      today = cf_date_to_user (iso);
    }

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->copy_on_entry), today != NULL ? today : "");
  cf_field_set_message (self->copy_on_entry, self->copy_on_message_row, self->copy_on_message,
                        NULL);
  self->loading = FALSE;
  select_printed (self);

  gtk_label_set_text (self->copy_status, "");
  if (plan != NULL)
    refresh_copy (self);
}

/* Where a person goes once the plan is agreed: the copy is what they do next. */
void
cf_plan_copy_group_focus_date (CfPlanCopyGroup *self)
{
  g_return_if_fail (CF_IS_PLAN_COPY_GROUP (self));

  gtk_widget_grab_focus (self->copy_on_entry);
}

/**
 * cf_plan_copy_group_set_printed:
 * @format: (nullable): the id in cf_copy_formats of the format the page prints in
 * @language: (nullable): the code of the language the page prints in
 *
 * The copy is recorded in these unless the person chooses others.
 */
void
cf_plan_copy_group_set_printed (CfPlanCopyGroup *self,
                                const char      *format,
                                const char      *language)
{
  g_return_if_fail (CF_IS_PLAN_COPY_GROUP (self));

  g_free (self->printed_format);
  self->printed_format = g_strdup (format);
  g_free (self->printed_language);
  self->printed_language = g_strdup (language);
  select_printed (self);
}
