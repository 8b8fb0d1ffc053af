/* cf-assessment-start-dialog.c: starting a carer's assessment
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "The carer's assessment": the kind (s.10, s.12 joint, young carer, the s.60 and
 * s.63 transition assessments, reassessment), how it is done, when, by whom, and the people
 * the carer wants involved. Everything else is asked in the assessment itself, in any order.
 * Kinds and ways are radio buttons rather than drop-downs: all the choices are read out and
 * none is hidden behind a button.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-assessment-start-dialog.h"
#include "cf-assessments.h"
#include "cf-dates.h"

struct _CfAssessmentStartDialog
{
  AdwMessageDialog  parent_instance;

  CfContext        *context;
  CfCarer          *carer;
  GPtrArray        *kinds;
  GPtrArray        *modes;
  GtkWidget        *date;
  GtkWidget        *date_message;
  GtkWidget        *assessor;
  GtkWidget        *people;
};

G_DEFINE_FINAL_TYPE (CfAssessmentStartDialog, cf_assessment_start_dialog,
                     ADW_TYPE_MESSAGE_DIALOG)

enum {
  STARTED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
chosen (GPtrArray      *buttons,
        const CfChoice *choices)
{
  for (guint i = 0; i < buttons->len; i++)
    {
      if (gtk_check_button_get_active (g_ptr_array_index (buttons, i)))
        return choices[i].id;
    }

  return NULL;
}

static char *
stored_date (CfAssessmentStartDialog  *self,
             const char              **message)
{
  g_autofree char *stored = cf_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->date)));
  guint year, month, day;

  *message = NULL;
  if (!cf_date_parse_iso_shape (stored, &year, &month, &day))
    *message = _("Type the date as day/month/year, for example 18/11/2026.");
  else
    {
      g_autoptr(GDateTime) now = cf_clock_now (cf_context_get_clock (self->context));
      g_autoptr(GDateTime) local = g_date_time_to_local (now);
      g_autofree char *today = g_date_time_format (local, "%Y-%m-%d");

      if (g_strcmp0 (stored, today) > 0)
        *message = _("The date is in the future: an assessment is recorded on or after the day "
                     "it happens.");
    }

  return g_steal_pointer (&stored);
}

static void
update_response (CfAssessmentStartDialog *self)
{
  const char *message;
  g_autofree char *date = stored_date (self, &message);
  gboolean invalid = message != NULL;

  gtk_label_set_text (GTK_LABEL (self->date_message), message ? message : "");
  gtk_widget_set_visible (self->date_message, invalid);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->date), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE
                                       : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (invalid)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (self->date),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->date_message,
                                    NULL, -1);
  else
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->date),
                                   GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "start", !invalid);
}

static void
cf_assessment_start_dialog_response (AdwMessageDialog *dialog,
                                     const char       *response)
{
  CfAssessmentStartDialog *self = CF_ASSESSMENT_START_DIALOG (dialog);
  CfStore *store = cf_context_get_store (self->context);
  g_autoptr(CfAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *assessor = NULL;
  const char *message;

  if (!g_str_equal (response, "start") || store == NULL)
    return;

  date = stored_date (self, &message);
  assessor = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->assessor))));
  assessment = cf_assessments_start (store, self->carer,
                                     chosen (self->kinds, cf_assessment_kinds),
                                     chosen (self->modes, cf_assessment_modes),
                                     date, *assessor != '\0' ? assessor : NULL,
                                     gtk_editable_get_text (GTK_EDITABLE (self->people)),
                                     &error);
  if (assessment != NULL)
    g_signal_emit (self, signals[STARTED], 0, assessment);
  else
    g_signal_emit (self, signals[FAILED], 0, error->message);
}

static GtkWidget *
radio_group (const char     *title,
             const CfChoice *choices,
             const char     *active,
             GPtrArray      *buttons)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);

  for (guint i = 0; choices[i].id != NULL; i++)
    {
      /* GTK 4.8 exposes grouped check buttons as check boxes: a screen reader would not say
       * that choosing one unchooses the others. */
      GtkWidget *button = g_object_new (GTK_TYPE_CHECK_BUTTON,
                                        "label", _(choices[i].label),
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO,
                                        NULL);

      if (buttons->len > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (button), g_ptr_array_index (buttons, 0));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                   g_str_equal (choices[i].id, active));
      gtk_box_append (GTK_BOX (box), button);
      g_ptr_array_add (buttons, button);
    }

  return box;
}

static GtkWidget *
labelled_entry (GtkWidget  *box,
                const char *title,
                const char *text)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);

  return entry;
}

static void
cf_assessment_start_dialog_build (CfAssessmentStartDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  CfStore *store = cf_context_get_store (self->context);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *fields = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled;
  g_autoptr(GDateTime) now = cf_clock_now (cf_context_get_clock (self->context));
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autofree char *today = g_date_time_format (local, "%d/%m/%Y");
  g_autofree char *name = cf_carer_dup_display_name (self->carer);
  g_autofree char *body = NULL;
  g_autoptr(GPtrArray) earlier = NULL;
  const char *kind = "carer";

  /* A carer with a finished assessment is most likely being reassessed. */
  if (store != NULL)
    earlier = cf_assessments_list (store, cf_record_get_id (CF_RECORD (self->carer)), NULL);
  for (guint i = 0; earlier != NULL && i < earlier->len; i++)
    {
      if (cf_assessment_is_finished (g_ptr_array_index (earlier, i)))
        kind = "reassessment";
    }

  adw_message_dialog_set_heading (dialog, _("Start an Assessment"));
  /* Translators: %s is the carer's name */
  body = g_strdup_printf (_("A carer’s assessment for %s. Nothing else is needed now: answer "
                            "the questions in any order as you talk."), name);
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "start", _("_Start"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "start", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "start");
  adw_message_dialog_set_close_response (dialog, "cancel");

  gtk_box_append (GTK_BOX (box),
                  radio_group (_("Kind of assessment"), cf_assessment_kinds, kind, self->kinds));
  gtk_box_append (GTK_BOX (box),
                  radio_group (_("How it is done"), cf_assessment_modes, "face-to-face",
                               self->modes));

  self->date = labelled_entry (fields, _("Date (day/month/year)"), today);
  self->date_message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->date_message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->date_message), 0);
  gtk_widget_add_css_class (self->date_message, "field-error");
  gtk_widget_set_visible (self->date_message, FALSE);
  gtk_box_append (GTK_BOX (fields), self->date_message);
  g_signal_connect_swapped (self->date, "changed", G_CALLBACK (update_response), self);

  self->assessor = labelled_entry (fields, _("Assessor"),
                                   store != NULL ? cf_store_get_user_name (store) : NULL);
  self->people = labelled_entry (fields, _("People the carer wants involved"), NULL);
  gtk_box_append (GTK_BOX (box), fields);

  /* With large text the questions are taller than a small laptop's screen: they scroll, and
   * the dialog's buttons stay in sight. */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  adw_message_dialog_set_extra_child (dialog, scrolled);
  update_response (self);
}

static void
cf_assessment_start_dialog_dispose (GObject *object)
{
  CfAssessmentStartDialog *self = CF_ASSESSMENT_START_DIALOG (object);

  g_clear_object (&self->carer);
  g_clear_object (&self->context);
  g_clear_pointer (&self->kinds, g_ptr_array_unref);
  g_clear_pointer (&self->modes, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_assessment_start_dialog_parent_class)->dispose (object);
}

static void
cf_assessment_start_dialog_class_init (CfAssessmentStartDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = cf_assessment_start_dialog_dispose;
  dialog_class->response = cf_assessment_start_dialog_response;

  /**
   * CfAssessmentStartDialog::started:
   * @assessment: the new draft, saved
   */
  signals[STARTED] = g_signal_new ("started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, CF_TYPE_ASSESSMENT);
  /**
   * CfAssessmentStartDialog::failed:
   * @message: why, in words
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cf_assessment_start_dialog_init (CfAssessmentStartDialog *self)
{
  self->kinds = g_ptr_array_new ();
  self->modes = g_ptr_array_new ();
}

CfAssessmentStartDialog *
cf_assessment_start_dialog_new (GtkWindow *parent,
                                CfContext *context,
                                CfCarer   *carer)
{
  CfAssessmentStartDialog *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CF_IS_CARER (carer), NULL);

  self = g_object_new (CF_TYPE_ASSESSMENT_START_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->context = g_object_ref (context);
  self->carer = g_object_ref (carer);
  cf_assessment_start_dialog_build (self);

  return self;
}
