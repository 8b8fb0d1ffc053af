/* cf-assessment-list.c: a carer's assessments, on the carer's page
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each row opens its assessment (win.open-assessment); the header's button starts a new one
 * (win.start-assessment). The list reads only the assessment rows, not their answers: opening
 * one is the audited view.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-assessment-list.h"
#include "cf-assessments.h"

struct _CfAssessmentList
{
  AdwPreferencesGroup  parent_instance;

  CfStore             *store;
  CfCarer             *carer;
  GPtrArray           *rows;
  GtkWidget           *empty_row;
  gulong               saved_handler;
};

G_DEFINE_FINAL_TYPE (CfAssessmentList, cf_assessment_list, ADW_TYPE_PREFERENCES_GROUP)

static char *
describe (CfAssessment *assessment)
{
  CfRecord *record = CF_RECORD (assessment);
  const char *decision = cf_record_get_text (record, "decision");

  if (cf_assessment_is_finished (assessment))
    {
      if (*decision == '\0')
        return g_strdup (_("Finished"));
      /* Translators: %s is a decision such as “Eligible” */
      return g_strdup_printf (_("Finished: %s"), cf_decision_get_label (decision));
    }

  if (*cf_record_get_text (record, "return_reason") != '\0')
    return g_strdup (_("Returned for correction"));

  return g_strdup (_("Draft: not finished yet"));
}

static void
clear_rows (CfAssessmentList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

void
cf_assessment_list_refresh (CfAssessmentList *self)
{
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CF_IS_ASSESSMENT_LIST (self));

  clear_rows (self);

  if (self->store == NULL || self->carer == NULL)
    return;

  assessments = cf_assessments_list (self->store, cf_record_get_id (CF_RECORD (self->carer)),
                                     &error);
  if (assessments == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      /* Translators: %s says why, e.g. the database could not be read */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Assessments can’t be shown"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
      return;
    }

  gtk_widget_set_visible (self->empty_row, assessments->len == 0);

  for (guint i = 0; i < assessments->len; i++)
    {
      CfAssessment *assessment = g_ptr_array_index (assessments, i);
      g_autofree char *title = cf_assessment_dup_title (assessment);
      g_autofree char *subtitle = describe (assessment);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-assessment");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s",
                                        cf_record_get_id (CF_RECORD (assessment)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
on_record_saved (CfAssessmentList *self,
                 CfRecord         *record)
{
  if (CF_IS_ASSESSMENT (record) && self->carer != NULL &&
      g_str_equal (cf_assessment_get_carer_id (CF_ASSESSMENT (record)),
                   cf_record_get_id (CF_RECORD (self->carer))))
    cf_assessment_list_refresh (self);
}

void
cf_assessment_list_set_carer (CfAssessmentList *self,
                              CfStore          *store,
                              CfCarer          *carer)
{
  g_return_if_fail (CF_IS_ASSESSMENT_LIST (self));
  g_return_if_fail (store == NULL || CF_IS_STORE (store));
  g_return_if_fail (carer == NULL || CF_IS_CARER (carer));

  if (self->store != store)
    {
      g_clear_signal_handler (&self->saved_handler, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->saved_handler = g_signal_connect_object (store, "record-saved",
                                                       G_CALLBACK (on_record_saved), self,
                                                       G_CONNECT_SWAPPED);
    }

  g_set_object (&self->carer, carer);
  cf_assessment_list_refresh (self);
}

static void
cf_assessment_list_dispose (GObject *object)
{
  CfAssessmentList *self = CF_ASSESSMENT_LIST (object);

  g_clear_signal_handler (&self->saved_handler, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->carer);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_assessment_list_parent_class)->dispose (object);
}

static void
cf_assessment_list_class_init (CfAssessmentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_assessment_list_dispose;
}

static void
cf_assessment_list_init (CfAssessmentList *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);
  GtkWidget *start = gtk_button_new_with_label (_("Start Assessment…"));

  self->rows = g_ptr_array_new ();

  adw_preferences_group_set_title (group, _("Assessments"));
  adw_preferences_group_set_description (group,
                                         _("The carer’s assessment under the Care Act, with "
                                           "the eligibility decision"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (start), "win.start-assessment");
  gtk_widget_set_valign (start, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (group, start);

  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row),
                                 _("No assessments yet"));
  adw_preferences_group_add (group, self->empty_row);
}
