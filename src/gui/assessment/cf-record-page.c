/* cf-record-page.c: the carer's written record: printing it, and when it was given
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Care Act 2014 s.13 and DOMAIN.md, "Eligibility": the carer is given a written record of the
 * decision and its reasons. Paper still matters where there is no broadband, and many carers
 * need large print or easy read (DOMAIN.md, "Information, consent"): the record is printed in
 * the format and language chosen on the page, which start from the carer's communication needs
 * and preferred language (cf-print-choices.c). The record states the decision, so it is
 * printed only once the assessment is finished. Every print and export is audited, with its
 * format and language: it takes special category data off the laptop.
 *
 * The assessment's "record_large_print" keeps its meaning: the carer's written record is
 * printed large. It is true for large print and for easy read, which is printed as large; which
 * of the two is then told from the carer's communication needs.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-assessments.h"
#include "cf-dates.h"
#include "cf-field.h"
#include "cf-gui-util.h"
#include "cf-language.h"
#include "cf-print-choices.h"
#include "cf-print-control.h"
#include "cf-record-page.h"
#include "cf-written-record.h"

struct _CfRecordPage
{
  AdwBin                parent_instance;

  CfContext            *context;
  CfCarer              *carer;
  CfAssessment         *assessment;
  gboolean              loading;
  CfPrintControl       *printer;
  CfPrintChoices       *choices;

  GtkWidget            *format_row;
  GtkWidget            *language_row;
  GtkWidget            *not_finished_label;
  GtkWidget            *print_button;
  GtkWidget            *pdf_button;
  GtkLabel             *print_status;
  AdwActionRow         *last_given_row;
  GtkWidget            *given_on_row;
  GtkWidget            *given_on_message_row;
  GtkLabel             *given_on_message;
  GtkWidget            *given_how_row;
  GtkWidget            *given_button;
  GtkLabel             *given_status;
};

G_DEFINE_FINAL_TYPE (CfRecordPage, cf_record_page, ADW_TYPE_BIN)

enum {
  SAVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_finished (CfRecordPage *self)
{
  return self->assessment != NULL && cf_assessment_is_finished (self->assessment);
}

static void
refresh (CfRecordPage *self)
{
  gboolean have = self->assessment != NULL && self->carer != NULL;
  gboolean finished = have && is_finished (self);
  gboolean busy = cf_print_control_get_busy (self->printer);
  const char *given_on = "";
  const char *given_how = "";
  g_autofree char *last = NULL;

  gtk_widget_set_visible (self->not_finished_label, have && !finished);
  cf_field_set_sensitive (self->format_row,
                          have && cf_assessment_field_is_editable (self->assessment,
                                                                   "record_large_print"));
  cf_field_set_sensitive (self->language_row, have);
  gtk_widget_set_sensitive (self->print_button, finished && !busy);
  gtk_widget_set_sensitive (self->pdf_button, finished && !busy);
  cf_field_set_sensitive (self->given_on_row, finished);
  cf_field_set_sensitive (self->given_how_row, finished);
  gtk_widget_set_sensitive (self->given_button, finished);

  if (self->assessment != NULL)
    {
      given_on = cf_record_get_text (CF_RECORD (self->assessment), "record_given_on");
      given_how = cf_record_get_text (CF_RECORD (self->assessment), "record_given_how");
    }

  if (*given_on == '\0')
    last = g_strdup (self->assessment != NULL ? _("Not recorded yet") : "");
  else
    {
      g_autofree char *date = cf_date_to_user (given_on);

      /* Translators: "%1$s" is a date, "%2$s" how the record was given, such as “Sent by
       * post” */
      last = g_strdup_printf (_("%1$s: %2$s"), date,
                              cf_choices_label (cf_written_record_methods, given_how));
    }
  adw_action_row_set_subtitle (self->last_given_row, last);
}

/* The format kept on the assessment: large (large print, or easy read when the carer's needs
 * ask for it), or standard once a record has been printed; before then, what the carer's
 * communication needs ask for. */
static CfDocumentFormat
stored_format (CfRecordPage *self)
{
  CfRecord *record = CF_RECORD (self->assessment);
  CfDocumentFormat needs =
    cf_document_format_for_needs (cf_record_get_text (CF_RECORD (self->carer),
                                                      "communication_needs"));

  if (cf_record_get_bool (record, "record_large_print"))
    return needs == CF_DOCUMENT_FORMAT_EASY_READ ? CF_DOCUMENT_FORMAT_EASY_READ
                                                 : CF_DOCUMENT_FORMAT_LARGE_PRINT;
  if (*cf_record_get_text (record, "record_language") != '\0')
    return CF_DOCUMENT_FORMAT_STANDARD;

  return needs;
}

static void
load_fields (CfRecordPage *self)
{
  self->loading = TRUE;
  if (self->assessment != NULL && self->carer != NULL)
    cf_print_choices_set_format (self->choices, stored_format (self));
  self->loading = FALSE;
}

static void
on_assessment_notify (CfRecordPage *self,
                      GParamSpec   *pspec)
{
  if (g_str_equal (pspec->name, "version") || g_str_equal (pspec->name, "sync-state") ||
      g_str_equal (pspec->name, "updated-at") || g_str_equal (pspec->name, "updated-by"))
    return;

  /* The format shown is only put back when the stored one no longer matches it (a sync, a
   * refused change): easy read and large print are both stored as large. */
  if (self->assessment != NULL &&
      cf_record_get_bool (CF_RECORD (self->assessment), "record_large_print") !=
      (cf_print_choices_get_format (self->choices) != CF_DOCUMENT_FORMAT_STANDARD))
    load_fields (self);
  refresh (self);
}

/* Keeps "record_large_print" in step with the format chosen; changes nothing when it already
 * is, so that looking at the page never edits the assessment. */
static gboolean
store_format (CfRecordPage      *self,
              CfDocumentFormat   format,
              GError           **error)
{
  gboolean large = format != CF_DOCUMENT_FORMAT_STANDARD;

  if (cf_record_get_bool (CF_RECORD (self->assessment), "record_large_print") == large)
    return TRUE;

  return cf_assessment_set_field (self->assessment, "record_large_print",
                                  large ? "true" : "false", error);
}

static void
on_choices_changed (CfRecordPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->assessment == NULL)
    return;

  if (!store_format (self, cf_print_choices_get_format (self->choices), &error))
    {
      load_fields (self);
      g_signal_emit (self, signals[FAILED], 0, error->message);
    }
}

/* Printing and PDF ------------------------------------------------------------------------- */

static const CfPrintWords record_words = {
  /* Translators: %s says why */
  .not_printed = N_("The written record was not printed: %s"),
  /* Translators: %s says why */
  .not_saved = N_("The written record was not saved as a PDF: %s"),
  .printed = N_("Sent the written record to the printer."),
  /* Translators: %s is a file name, such as “carer-assessment-CF-1A2B-3C4D.pdf” */
  .saved = N_("Saved the written record as %s."),
};

static gboolean
can_print (CfRecordPage *self)
{
  return self->carer != NULL && is_finished (self) && !cf_print_control_get_busy (self->printer) &&
         cf_context_get_store (self->context) != NULL;
}

static void
start_print (CfRecordPage  *self,
             CfPrintAction  action,
             const char    *path)
{
  GSettings *settings = cf_context_get_settings (self->context);
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autoptr(CfDocument) document = NULL;
  g_autofree char *detail = NULL;
  const char *language = cf_print_choices_get_language (self->choices);
  CfDocumentFormat format = cf_print_choices_get_format (self->choices);

  if (!can_print (self))
    return;

  if (settings != NULL)
    {
      name = g_settings_get_string (settings, "organisation-name");
      phone = g_settings_get_string (settings, "organisation-phone");
    }
  document = cf_written_record_build (self->carer, self->assessment,
                                     settings != NULL ? &(CfOrganisation) { name, phone } : NULL,
                                     format, language);
  /* The record keeps the language and size it was last printed in. */
  if (!g_str_equal (cf_record_get_text (CF_RECORD (self->assessment), "record_language"),
                    language))
    cf_assessment_set_field (self->assessment, "record_language", language, NULL);
  store_format (self, format, NULL);

  detail = cf_document_dup_audit_detail (document);
  cf_print_control_start (self->printer, &record_words, document, action, path,
                          cf_context_get_store (self->context), "assessment",
                          cf_record_get_id (CF_RECORD (self->assessment)), detail, NULL);
}

static void
on_print_clicked (CfRecordPage *self)
{
  start_print (self, CF_PRINT_DIALOG, NULL);
}

/**
 * cf_record_page_export_pdf:
 * @file: where to write the PDF, a local file
 *
 * Saves the written record as a PDF: what "Save as PDF…" does once a file is chosen.
 */
void
cf_record_page_export_pdf (CfRecordPage *self,
                           GFile        *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CF_IS_RECORD_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  start_print (self, CF_PRINT_EXPORT_PDF, path);
}

static void
on_pdf_chosen (const char *path,
               gpointer    user_data)
{
  start_print (user_data, CF_PRINT_EXPORT_PDF, path);
}

static void
on_pdf_clicked (CfRecordPage *self)
{
  if (!can_print (self))
    return;

  cf_print_control_choose_pdf (self->printer, _("Save the Written Record as PDF"),
                               /* Translators: a PDF file name's start; short, no spaces */
                               _("carer-assessment"),
                               cf_record_get_text (CF_RECORD (self->carer), "reference"),
                               on_pdf_chosen, self);
}

/* Given to the carer ------------------------------------------------------------------------ */

static char *
given_on_iso (CfRecordPage *self)
{
  return cf_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->given_on_row)));
}

static char *
check_given_on (CfRecordPage *self)
{
  g_autofree char *iso = given_on_iso (self);
  GDate today;

  if (*iso == '\0')
    return g_strdup (_("Enter the date the carer was given the written record."));

  cf_clock_today (cf_context_get_clock (self->context), &today);
  return cf_field_check_date (iso, &today);
}

static void
on_given_on_changed (CfRecordPage *self)
{
  g_autofree char *message = NULL;

  if (self->loading || self->assessment == NULL)
    return;

  message = check_given_on (self);
  cf_field_set_message (self->given_on_row, self->given_on_message_row, self->given_on_message,
                        message);
}

static void
on_given_clicked (CfRecordPage *self)
{
  CfStore *store = cf_context_get_store (self->context);
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (self->given_how_row));
  const char *how = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *message = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!is_finished (self) || store == NULL)
    return;

  message = check_given_on (self);
  cf_field_set_message (self->given_on_row, self->given_on_message_row, self->given_on_message,
                        message);
  if (message != NULL)
    {
      gtk_label_set_text (self->given_status, message);
      return;
    }

  if (position != 0 && position != GTK_INVALID_LIST_POSITION)
    how = cf_written_record_methods[position - 1].id;

  iso = given_on_iso (self);
  if (!cf_assessments_record_given (store, self->assessment, iso, how, &error))
    {
      gtk_label_set_text (self->given_status, error->message);
      return;
    }

  shown = cf_date_to_user (iso);
  /* Translators: %s is a date */
  text = g_strdup_printf (_("Recorded that the written record was given on %s."), shown);
  gtk_label_set_text (self->given_status, text);
  refresh (self);
  g_signal_emit (self, signals[SAVED], 0);
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
cf_record_page_dispose (GObject *object)
{
  CfRecordPage *self = CF_RECORD_PAGE (object);

  if (self->printer != NULL)
    cf_record_page_set_assessment (self, NULL, NULL);
  g_clear_object (&self->printer);
  g_clear_object (&self->choices);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_RECORD_PAGE);

  G_OBJECT_CLASS (cf_record_page_parent_class)->dispose (object);
}

static void
cf_record_page_class_init (CfRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_record_page_dispose;

  /**
   * CfRecordPage::saved:
   *
   * When and how the written record was given is stored.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CfRecordPage::failed:
   * @message: why a change was refused, in words
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/assessment/cf-record-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfRecordPage, format_row);
  gtk_widget_class_bind_template_child (widget_class, CfRecordPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, CfRecordPage, not_finished_label);
  gtk_widget_class_bind_template_child (widget_class, CfRecordPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, CfRecordPage, pdf_button);
  gtk_widget_class_bind_template_child (widget_class, CfRecordPage, print_status);
  gtk_widget_class_bind_template_child (widget_class, CfRecordPage, last_given_row);
  gtk_widget_class_bind_template_child (widget_class, CfRecordPage, given_on_row);
  gtk_widget_class_bind_template_child (widget_class, CfRecordPage, given_on_message_row);
  gtk_widget_class_bind_template_child (widget_class, CfRecordPage, given_on_message);
  gtk_widget_class_bind_template_child (widget_class, CfRecordPage, given_how_row);
  gtk_widget_class_bind_template_child (widget_class, CfRecordPage, given_button);
  gtk_widget_class_bind_template_child (widget_class, CfRecordPage, given_status);
}

static void
cf_record_page_init (CfRecordPage *self)
{
  /* Translators: the first entry of the list of ways the written record was given */
  g_autoptr(GtkStringList) methods = cf_choice_list_new_with_none (cf_written_record_methods,
                                                                   _("Choose how"));

  gtk_widget_init_template (GTK_WIDGET (self));
  self->printer = cf_print_control_new (GTK_WIDGET (self), self->print_status,
                                        self->print_button, self->pdf_button, NULL);
  self->choices = cf_print_choices_new (ADW_COMBO_ROW (self->format_row),
                                        ADW_COMBO_ROW (self->language_row));

  adw_combo_row_set_model (ADW_COMBO_ROW (self->given_how_row), G_LIST_MODEL (methods));
  g_signal_connect_swapped (self->choices, "changed", G_CALLBACK (on_choices_changed), self);
  g_signal_connect_swapped (self->print_button, "clicked", G_CALLBACK (on_print_clicked), self);
  g_signal_connect_swapped (self->pdf_button, "clicked", G_CALLBACK (on_pdf_clicked), self);
  g_signal_connect_swapped (self->printer, "busy-changed", G_CALLBACK (refresh), self);
  g_signal_connect_swapped (self->given_on_row, "changed", G_CALLBACK (on_given_on_changed),
                            self);
  g_signal_connect_swapped (self->given_button, "clicked", G_CALLBACK (on_given_clicked), self);
}

CfRecordPage *
cf_record_page_new (CfContext *context)
{
  CfRecordPage *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  self = g_object_new (CF_TYPE_RECORD_PAGE, NULL);
  self->context = g_object_ref (context);
  refresh (self);

  return self;
}

/**
 * cf_record_page_set_assessment:
 * @carer: (nullable): whose record it is
 * @assessment: (nullable): the assessment, or %NULL to empty the page
 */
void
cf_record_page_set_assessment (CfRecordPage *self,
                               CfCarer      *carer,
                               CfAssessment *assessment)
{
  g_autofree char *today_text = NULL;

  g_return_if_fail (CF_IS_RECORD_PAGE (self));
  g_return_if_fail (carer == NULL || CF_IS_CARER (carer));
  g_return_if_fail (assessment == NULL || CF_IS_ASSESSMENT (assessment));

  if (self->assessment == assessment && self->carer == carer)
    return;

  cf_print_control_stop (self->printer);

  if (self->assessment != NULL)
    g_signal_handlers_disconnect_by_data (self->assessment, self);
  g_set_object (&self->assessment, assessment);
  g_set_object (&self->carer, carer);
  cf_print_choices_set_carer (self->choices, assessment != NULL ? carer : NULL);

  if (assessment != NULL)
    {
      g_autoptr(GDateTime) now = cf_clock_now (cf_context_get_clock (self->context));
      g_autoptr(GDateTime) local = g_date_time_to_local (now);

      today_text = g_date_time_format (local, "%d/%m/%Y");
      g_signal_connect_object (assessment, "notify", G_CALLBACK (on_assessment_notify), self,
                               G_CONNECT_SWAPPED);
    }

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->given_on_row), today_text != NULL ? today_text : "");
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->given_how_row), 0);
  self->loading = FALSE;
  cf_field_set_message (self->given_on_row, self->given_on_message_row, self->given_on_message,
                        NULL);
  gtk_label_set_text (self->print_status, "");
  gtk_label_set_text (self->given_status, "");

  load_fields (self);
  refresh (self);
  scroll_to_top (self);
}

/**
 * cf_record_page_focus_first:
 *
 * Returns: whether a control took the focus
 */
gboolean
cf_record_page_focus_first (CfRecordPage *self)
{
  g_return_val_if_fail (CF_IS_RECORD_PAGE (self), FALSE);

  if (gtk_widget_is_sensitive (self->format_row))
    return gtk_widget_grab_focus (self->format_row);

  return FALSE;
}
