/* cf-plan-header-group.c: which version of a support plan is shown, and where it stands
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Support plan and personal budget" (Care Act 2014 s.24-27): a plan is agreed,
 * then revised into a new version when it changes; every version is kept as it was agreed, and
 * the next review is due from the version in force. The group says which version is shown and
 * why it changed, and offers the others to read: a choice is told with "version-chosen", and
 * "Back to the Current Version" with "back-requested", for the page to save and load. The
 * page's saving status is said here too.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-plan-dialogs.h"
#include "cf-plan-header-group.h"
#include "cf-plans.h"

struct _CfPlanHeaderGroup
{
  AdwPreferencesGroup  parent_instance;

  CfPlan              *plan;
  GPtrArray           *versions;
  gboolean             loading;
  guint                switch_source;

  AdwActionRow        *status_row;
  AdwActionRow        *reason_row;
  AdwActionRow        *review_row;
  GtkWidget           *versions_row;
  GtkWidget           *back_button;
  GtkLabel            *save_status;
};

G_DEFINE_FINAL_TYPE (CfPlanHeaderGroup, cf_plan_header_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  VERSION_CHOSEN,
  BACK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
status_text (CfPlan *plan)
{
  CfRecord *record = CF_RECORD (plan);
  const char *status = cf_record_get_text (record, "status");
  long long number = cf_record_get_int (record, "number");
  g_autofree char *agreed = cf_plan_date_in_words (cf_record_get_text (record, "agreed_on"));
  g_autofree char *superseded = cf_plan_date_in_words (cf_record_get_text (record,
                                                                           "superseded_on"));

  if (g_str_equal (status, CF_PLAN_AGREED))
    /* Translators: %1$lld is a plan's version number, %2$s a date */
    return g_strdup_printf (_("Version %1$lld · Agreed on %2$s"), number, agreed);
  if (g_str_equal (status, CF_PLAN_SUPERSEDED) && *superseded != '\0')
    /* Translators: %1$lld is a plan's version number, %2$s a date */
    return g_strdup_printf (_("Version %1$lld · Superseded on %2$s"), number, superseded);
  if (g_str_equal (status, CF_PLAN_SUPERSEDED))
    /* Translators: %lld is a plan's version number */
    return g_strdup_printf (_("Version %lld · Superseded"), number);

  /* Translators: %lld is a plan's version number */
  return g_strdup_printf (_("Version %lld · Draft"), number);
}

/* For the list of versions: "Version 1, agreed 1 September 2026". */
static char *
version_label (CfPlan *plan)
{
  CfRecord *record = CF_RECORD (plan);
  const char *status = cf_record_get_text (record, "status");
  long long number = cf_record_get_int (record, "number");
  g_autofree char *agreed = cf_plan_date_in_words (cf_record_get_text (record, "agreed_on"));

  if (g_str_equal (status, CF_PLAN_DRAFT))
    /* Translators: %lld is a plan's version number */
    return g_strdup_printf (_("Version %lld, draft"), number);
  if (g_str_equal (status, CF_PLAN_AGREED))
    /* Translators: %1$lld is a plan's version number, %2$s a date */
    return g_strdup_printf (_("Version %1$lld, agreed %2$s, in force"), number, agreed);

  /* Translators: %1$lld is a plan's version number, %2$s a date */
  return g_strdup_printf (_("Version %1$lld, agreed %2$s, superseded"), number, agreed);
}

/* Run from an idle: the combo row's model is replaced when the page shows the version chosen,
 * which must not happen while the combo is still telling of its selection. */
static gboolean
switch_version (gpointer user_data)
{
  CfPlanHeaderGroup *self = user_data;
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (self->versions_row));
  g_autoptr(CfPlan) version = NULL;

  self->switch_source = 0;
  if (self->versions == NULL || position >= self->versions->len)
    return G_SOURCE_REMOVE;

  version = g_object_ref (g_ptr_array_index (self->versions, position));
  if (self->plan != NULL &&
      g_str_equal (cf_record_get_id (CF_RECORD (version)),
                   cf_record_get_id (CF_RECORD (self->plan))))
    return G_SOURCE_REMOVE;

  g_signal_emit (self, signals[VERSION_CHOSEN], 0, version);
  return G_SOURCE_REMOVE;
}

static void
on_versions_selected (CfPlanHeaderGroup *self)
{
  if (self->loading || self->switch_source != 0)
    return;

  self->switch_source = g_idle_add_full (G_PRIORITY_DEFAULT, switch_version, self, NULL);
}

static void
on_back_clicked (CfPlanHeaderGroup *self)
{
  g_signal_emit (self, signals[BACK_REQUESTED], 0);
  gtk_widget_grab_focus (self->versions_row);
}

static void
cf_plan_header_group_dispose (GObject *object)
{
  CfPlanHeaderGroup *self = CF_PLAN_HEADER_GROUP (object);

  g_clear_handle_id (&self->switch_source, g_source_remove);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_PLAN_HEADER_GROUP);

  G_OBJECT_CLASS (cf_plan_header_group_parent_class)->dispose (object);
}

static void
cf_plan_header_group_class_init (CfPlanHeaderGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_plan_header_group_dispose;

  /**
   * CfPlanHeaderGroup::version-chosen:
   * @version: the version chosen from the list, not the one shown
   *
   * Another version was chosen to be shown.
   */
  signals[VERSION_CHOSEN] = g_signal_new ("version-chosen", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, CF_TYPE_PLAN);

  /**
   * CfPlanHeaderGroup::back-requested:
   *
   * "Back to the Current Version" was pressed.
   */
  signals[BACK_REQUESTED] = g_signal_new ("back-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/support/cf-plan-header-group.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CfPlanHeaderGroup, name)
  BIND (status_row);
  BIND (reason_row);
  BIND (review_row);
  BIND (versions_row);
  BIND (back_button);
  BIND (save_status);
#undef BIND
}

static void
cf_plan_header_group_init (CfPlanHeaderGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->versions_row, "notify::selected",
                            G_CALLBACK (on_versions_selected), self);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (on_back_clicked), self);
}

/**
 * cf_plan_header_group_show:
 * @plan: the version shown
 * @versions: (nullable): every version of the carer's plan, to choose from
 * @current: whether @plan is the carer's current version
 * @review: (nullable): when the next plan review is due, in words, or %NULL when none is
 *
 * Says where @plan stands, and selects it in the list of versions.
 */
void
cf_plan_header_group_show (CfPlanHeaderGroup *self,
                           CfPlan            *plan,
                           GPtrArray         *versions,
                           gboolean           current,
                           const char        *review)
{
  CfRecord *record = CF_RECORD (plan);
  const char *reason = cf_record_get_text (record, "change_reason");
  g_autofree char *status = status_text (plan);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint shown = 0;

  g_return_if_fail (CF_IS_PLAN_HEADER_GROUP (self));
  g_return_if_fail (CF_IS_PLAN (plan));

  g_set_object (&self->plan, plan);
  if (versions != NULL)
    g_ptr_array_ref (versions);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  self->versions = versions;

  adw_action_row_set_subtitle (self->status_row, status);
  adw_action_row_set_subtitle (self->reason_row, reason);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), *reason != '\0');
  adw_action_row_set_subtitle (self->review_row,
                               review != NULL ? review
                                              : _("Set once a version of the plan is agreed"));

  for (guint i = 0; versions != NULL && i < versions->len; i++)
    {
      CfPlan *version = g_ptr_array_index (versions, i);
      g_autofree char *label = version_label (version);

      gtk_string_list_append (labels, label);
      if (g_str_equal (cf_record_get_id (CF_RECORD (version)), cf_record_get_id (record)))
        shown = i;
    }

  self->loading = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->versions_row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->versions_row), shown);
  self->loading = FALSE;
  gtk_widget_set_visible (self->versions_row,
                          g_list_model_get_n_items (G_LIST_MODEL (labels)) > 1);
  gtk_widget_set_visible (self->back_button, !current);
}

/* Whether the version shown is saved, or why not; said in a label with the status role. */
void
cf_plan_header_group_set_save_status (CfPlanHeaderGroup *self,
                                      const char        *text)
{
  g_return_if_fail (CF_IS_PLAN_HEADER_GROUP (self));

  gtk_label_set_text (self->save_status, text);
}
