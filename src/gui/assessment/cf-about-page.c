/* cf-about-page.c: when and how the assessment was done, by whom, and who was involved
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "The carer's assessment": the modes, and the people the carer wants involved
 * (Care Act s.10(7)(b); Assessment Regulations 2014 reg 2). Dates are typed day first and kept
 * as typed when they are wrong, with the reason in words beside the field.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-about-page.h"
#include "cf-dates.h"
#include "cf-field.h"
#include "cf-gui-util.h"

struct _CfAboutPage
{
  AdwBin        parent_instance;

  CfContext    *context;
  CfAssessment *assessment;
  gboolean      loading;

  GtkLabel     *title_label;
  GtkWidget    *date_row;
  GtkWidget    *date_message_row;
  GtkLabel     *date_message;
  GtkWidget    *mode_row;
  GtkWidget    *assessor_row;
  GtkWidget    *people_row;
};

G_DEFINE_FINAL_TYPE (CfAboutPage, cf_about_page, ADW_TYPE_BIN)

enum {
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
field_text (CfAboutPage *self,
            const char  *field)
{
  return self->assessment != NULL ? cf_record_get_text (CF_RECORD (self->assessment), field)
                                  : "";
}

static const char *
row_field (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "cf-field");
}

static void
validate_date (CfAboutPage *self)
{
  g_autofree char *message = NULL;

  if (self->assessment != NULL)
    {
      GDate today;

      cf_clock_today (cf_context_get_clock (self->context), &today);
      message = cf_field_check_date (field_text (self, "assessed_on"), &today);
    }

  cf_field_set_message (self->date_row, self->date_message_row, self->date_message, message);
}

/* Only what differs is set: the row being typed in keeps its cursor. */
static void
load_fields (CfAboutPage *self)
{
  GtkWidget *entries[] = { self->date_row, self->assessor_row, self->people_row };
  guint mode;

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autofree char *shown = NULL;
      const char *value = field_text (self, row_field (entries[i]));

      if (entries[i] == self->date_row)
        value = shown = cf_date_to_user (value);
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entries[i])), value) != 0)
        gtk_editable_set_text (GTK_EDITABLE (entries[i]), value);
    }

  /* Position 0 is "Not recorded". */
  mode = cf_choices_find (cf_assessment_modes, field_text (self, "mode")) + 1;
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (self->mode_row)) != mode)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->mode_row), mode);
  self->loading = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    cf_field_set_sensitive (entries[i],
                            self->assessment != NULL &&
                            cf_assessment_field_is_editable (self->assessment,
                                                             row_field (entries[i])));
  cf_field_set_sensitive (self->mode_row,
                          self->assessment != NULL &&
                          cf_assessment_field_is_editable (self->assessment, "mode"));
}

static void
set_field (CfAboutPage *self,
           const char  *field,
           const char  *value)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->assessment == NULL)
    return;

  if (!cf_assessment_set_field (self->assessment, field, value, &error))
    {
      load_fields (self);
      g_signal_emit (self, signals[FAILED], 0, error->message);
    }
}

static void
on_entry_changed (GtkEditable *editable,
                  CfAboutPage *self)
{
  g_autofree char *value = NULL;

  if (GTK_WIDGET (editable) == self->date_row)
    value = cf_date_from_user (gtk_editable_get_text (editable));
  else
    value = g_strdup (gtk_editable_get_text (editable));

  set_field (self, row_field (GTK_WIDGET (editable)), value);
}

static void
on_mode_selected (CfAboutPage *self)
{
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (self->mode_row));

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  set_field (self, "mode", position == 0 ? "" : cf_assessment_modes[position - 1].id);
}

static void
on_assessment_notify (CfAboutPage *self,
                      GParamSpec  *pspec)
{
  if (g_str_equal (pspec->name, "assessed-on") || g_str_equal (pspec->name, "mode") ||
      g_str_equal (pspec->name, "assessor") || g_str_equal (pspec->name, "people-involved") ||
      g_str_equal (pspec->name, "status"))
    {
      load_fields (self);
      validate_date (self);
    }
}

static void
scroll_to_top (gpointer self)
{
  GtkWidget *scroller = adw_bin_get_child (ADW_BIN (self));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                            0);
}

/* GObject --------------------------------------------------------------------------------- */

static void
cf_about_page_dispose (GObject *object)
{
  CfAboutPage *self = CF_ABOUT_PAGE (object);

  cf_about_page_set_assessment (self, NULL);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_ABOUT_PAGE);

  G_OBJECT_CLASS (cf_about_page_parent_class)->dispose (object);
}

static void
cf_about_page_class_init (CfAboutPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_about_page_dispose;

  /**
   * CfAboutPage::failed:
   * @message: why a change was refused, in words
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/assessment/cf-about-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfAboutPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CfAboutPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, CfAboutPage, date_message_row);
  gtk_widget_class_bind_template_child (widget_class, CfAboutPage, date_message);
  gtk_widget_class_bind_template_child (widget_class, CfAboutPage, mode_row);
  gtk_widget_class_bind_template_child (widget_class, CfAboutPage, assessor_row);
  gtk_widget_class_bind_template_child (widget_class, CfAboutPage, people_row);
}

static void
cf_about_page_init (CfAboutPage *self)
{
  g_autoptr(GtkStringList) modes = cf_choice_list_new (cf_assessment_modes);
  GtkWidget *entries[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_set_data (G_OBJECT (self->date_row), "cf-field", (gpointer) "assessed_on");
  g_object_set_data (G_OBJECT (self->assessor_row), "cf-field", (gpointer) "assessor");
  g_object_set_data (G_OBJECT (self->people_row), "cf-field", (gpointer) "people_involved");
  entries[0] = self->date_row;
  entries[1] = self->assessor_row;
  entries[2] = self->people_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect (entries[i], "changed", G_CALLBACK (on_entry_changed), self);

  adw_combo_row_set_model (ADW_COMBO_ROW (self->mode_row), G_LIST_MODEL (modes));
  g_signal_connect_swapped (self->mode_row, "notify::selected", G_CALLBACK (on_mode_selected),
                            self);

  /* libadwaita 1.2 names a group's list of rows by the group's title, and this group has
   * none (the page's title says it): name the list, the rows' parent, by the page's title. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (gtk_widget_get_parent (self->date_row)),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->title_label, NULL,
                                  -1);
}

CfAboutPage *
cf_about_page_new (CfContext *context)
{
  CfAboutPage *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  self = g_object_new (CF_TYPE_ABOUT_PAGE, NULL);
  self->context = g_object_ref (context);
  load_fields (self);

  return self;
}

/**
 * cf_about_page_set_assessment:
 * @assessment: (nullable): the assessment, or %NULL to empty every field
 */
void
cf_about_page_set_assessment (CfAboutPage  *self,
                              CfAssessment *assessment)
{
  g_return_if_fail (CF_IS_ABOUT_PAGE (self));
  g_return_if_fail (assessment == NULL || CF_IS_ASSESSMENT (assessment));

  if (self->assessment == assessment)
    return;

  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  g_set_object (&self->assessment, assessment);
  if (assessment != NULL)
    g_signal_connect_object (assessment, "notify", G_CALLBACK (on_assessment_notify), self,
                             G_CONNECT_SWAPPED);

  load_fields (self);
  validate_date (self);
  scroll_to_top (self);
}

/**
 * cf_about_page_focus_first:
 *
 * Returns: whether a field took the focus (none can once the assessment is finished)
 */
gboolean
cf_about_page_focus_first (CfAboutPage *self)
{
  g_return_val_if_fail (CF_IS_ABOUT_PAGE (self), FALSE);

  return gtk_widget_is_sensitive (self->date_row) && gtk_widget_grab_focus (self->date_row);
}
