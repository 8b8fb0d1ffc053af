/* cf-print-choices.c: the format and language a page prints a carer's document in
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Information, consent": under the Accessible Information Standard a carer's
 * communication needs (large print, easy read…) and preferred language are recorded and met.
 * So the written record, the support plan and the emergency plan are printed in the format the
 * carer's communication needs ask for, and in the carer's language where Carefield is
 * translated into it, whatever language the worker's screen is in. The worker can choose
 * another for one print; when the carer's language has no translation the page says so in
 * words, so the worker can arrange to explain or interpret.
 *
 * Each page has a "Format" and a "Language" combo row in its template, titled (and so named
 * for assistive technologies) there; this object fills them and keeps their subtitles saying
 * what the choice means. Like CfPrintControl it does not own the rows: the page does.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-choices.h"
#include "cf-language.h"
#include "cf-print-choices.h"

struct _CfPrintChoices
{
  GObject      parent_instance;

  /* The page's own, not referenced. */
  AdwComboRow *format_row;
  AdwComboRow *language_row;
  GStrv        languages;      /* codes, in the order of language_row's model */
  /* What the carer's record asks for, or NULL with no carer. */
  char        *carer_language; /* the carer's language when translated, else NULL */
  char        *untranslated;   /* the carer's language when it has no translation */
  gboolean     has_carer;
  CfDocumentFormat needs_format;
  gboolean     setting;
};

G_DEFINE_FINAL_TYPE (CfPrintChoices, cf_print_choices, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
format_meaning (CfDocumentFormat format)
{
  switch (format)
    {
    case CF_DOCUMENT_FORMAT_LARGE_PRINT:
      return _("The same words in bigger text, at 18 point.");
    case CF_DOCUMENT_FORMAT_EASY_READ:
      return _("Short sentences in plain words, one idea a line, in bigger text.");
    case CF_DOCUMENT_FORMAT_STANDARD:
    default:
      return _("Standard size text.");
    }
}

static void
refresh_subtitles (CfPrintChoices *self)
{
  CfDocumentFormat format = cf_print_choices_get_format (self);
  const char *language = cf_print_choices_get_language (self);
  g_autofree char *format_text = NULL;
  g_autofree char *language_text = NULL;

  if (self->has_carer && format == self->needs_format &&
      self->needs_format != CF_DOCUMENT_FORMAT_STANDARD)
    /* Translators: "%s" says what a print format is, as a sentence */
    format_text = g_strdup_printf (_("%s The carer’s communication needs ask for it."),
                                   format_meaning (format));
  else
    format_text = g_strdup (format_meaning (format));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->format_row), format_text);

  if (!self->has_carer)
    language_text = g_strdup ("");
  else if (self->untranslated != NULL && g_str_equal (language, "en"))
    /* Translators: "%1$s" is English, "%2$s" the carer's preferred language */
    language_text = g_strdup_printf (_("%1$s: Carefield is not yet translated into %2$s"),
                                     cf_language_get_name ("en"),
                                     cf_language_get_name (self->untranslated));
  else if (self->untranslated != NULL)
    /* Translators: "%s" is the carer's preferred language, such as “Lithuanian” */
    language_text = g_strdup_printf (_("Carefield is not yet translated into %s, the carer’s "
                                       "language."), cf_language_get_name (self->untranslated));
  else if (self->carer_language != NULL && g_str_equal (language, self->carer_language))
    language_text = g_strdup (_("The carer’s preferred language."));
  else if (self->carer_language != NULL)
    /* Translators: "%s" is the carer's preferred language, such as “Polish” */
    language_text = g_strdup_printf (_("The carer’s preferred language is %s."),
                                     cf_language_get_name (self->carer_language));
  else
    language_text = g_strdup ("");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->language_row), language_text);
}

static void
on_selected (CfPrintChoices *self)
{
  refresh_subtitles (self);
  if (!self->setting)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
select_language (CfPrintChoices *self,
                 const char     *code)
{
  for (guint i = 0; self->languages[i] != NULL; i++)
    if (g_str_equal (self->languages[i], code))
      {
        adw_combo_row_set_selected (self->language_row, i);
        return;
      }

  adw_combo_row_set_selected (self->language_row, 0);
}

/**
 * cf_print_languages_new:
 * @codes: (out) (transfer full): the codes of the languages, in the model's order
 *
 * Returns: (transfer full): the names of the languages Carefield can write in, for a combo
 *   row: English first
 */
GtkStringList *
cf_print_languages_new (GStrv *codes)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  g_return_val_if_fail (codes != NULL, names);

  *codes = cf_language_dup_translated ();
  for (guint i = 0; (*codes)[i] != NULL; i++)
    gtk_string_list_append (names, cf_language_get_name ((*codes)[i]));

  return names;
}

static void
cf_print_choices_finalize (GObject *object)
{
  CfPrintChoices *self = CF_PRINT_CHOICES (object);

  g_strfreev (self->languages);
  g_free (self->carer_language);
  g_free (self->untranslated);

  G_OBJECT_CLASS (cf_print_choices_parent_class)->finalize (object);
}

static void
cf_print_choices_class_init (CfPrintChoicesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cf_print_choices_finalize;

  /**
   * CfPrintChoices::changed:
   *
   * The person chose another format or language.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cf_print_choices_init (CfPrintChoices *self)
{
}

/**
 * cf_print_choices_new:
 * @format_row: the page's "Format" row
 * @language_row: the page's "Language" row
 *
 * Fills the rows; they offer standard print and English until a carer is given.
 */
CfPrintChoices *
cf_print_choices_new (AdwComboRow *format_row,
                      AdwComboRow *language_row)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) languages = NULL;
  CfPrintChoices *self;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (format_row), NULL);
  g_return_val_if_fail (ADW_IS_COMBO_ROW (language_row), NULL);

  self = g_object_new (CF_TYPE_PRINT_CHOICES, NULL);
  self->format_row = format_row;
  self->language_row = language_row;

  for (CfDocumentFormat f = 0; f < CF_DOCUMENT_N_FORMATS; f++)
    gtk_string_list_append (formats, cf_choices_label (cf_copy_formats,
                                                       cf_document_format_to_id (f)));
  languages = cf_print_languages_new (&self->languages);

  self->setting = TRUE;
  adw_combo_row_set_model (format_row, G_LIST_MODEL (formats));
  adw_combo_row_set_model (language_row, G_LIST_MODEL (languages));
  self->setting = FALSE;
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (format_row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (language_row), 0);

  g_signal_connect_object (format_row, "notify::selected", G_CALLBACK (on_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (language_row, "notify::selected", G_CALLBACK (on_selected), self,
                           G_CONNECT_SWAPPED);
  refresh_subtitles (self);

  return self;
}

/**
 * cf_print_choices_set_carer:
 * @carer: (nullable): whose documents are printed
 *
 * Chooses what the carer's record asks for: the format from their communication needs, their
 * preferred language where Carefield has it, else English.
 */
void
cf_print_choices_set_carer (CfPrintChoices *self,
                            CfCarer        *carer)
{
  g_autofree char *language = NULL;

  g_return_if_fail (CF_IS_PRINT_CHOICES (self));
  g_return_if_fail (carer == NULL || CF_IS_CARER (carer));

  g_clear_pointer (&self->carer_language, g_free);
  g_clear_pointer (&self->untranslated, g_free);
  self->has_carer = carer != NULL;
  self->needs_format = CF_DOCUMENT_FORMAT_STANDARD;

  if (carer != NULL)
    {
      CfRecord *record = CF_RECORD (carer);
      const char *preferred = cf_record_get_text (record, "preferred_language");
      g_autofree char *wanted = cf_language_code_for (preferred);

      self->needs_format =
        cf_document_format_for_needs (cf_record_get_text (record, "communication_needs"));
      language = cf_language_choose (preferred, &self->untranslated);
      if (wanted != NULL && self->untranslated == NULL)
        self->carer_language = g_strdup (language);
    }

  self->setting = TRUE;
  adw_combo_row_set_selected (self->format_row, self->needs_format);
  select_language (self, language != NULL ? language : "en");
  self->setting = FALSE;
  refresh_subtitles (self);
}

CfDocumentFormat
cf_print_choices_get_format (CfPrintChoices *self)
{
  guint selected;

  g_return_val_if_fail (CF_IS_PRINT_CHOICES (self), CF_DOCUMENT_FORMAT_STANDARD);

  selected = adw_combo_row_get_selected (self->format_row);

  return selected < CF_DOCUMENT_N_FORMATS ? (CfDocumentFormat) selected
                                          : CF_DOCUMENT_FORMAT_STANDARD;
}

/* For a page that keeps the format chosen last; not reported as a change. */
void
cf_print_choices_set_format (CfPrintChoices   *self,
                             CfDocumentFormat  format)
{
  g_return_if_fail (CF_IS_PRINT_CHOICES (self));
  g_return_if_fail (format < CF_DOCUMENT_N_FORMATS);

  self->setting = TRUE;
  adw_combo_row_set_selected (self->format_row, format);
  self->setting = FALSE;
  refresh_subtitles (self);
}

/**
 * cf_print_choices_get_language:
 *
 * Returns: the code of the language chosen, such as "pl"
 */
const char *
cf_print_choices_get_language (CfPrintChoices *self)
{
  guint selected;

  g_return_val_if_fail (CF_IS_PRINT_CHOICES (self), "en");

  selected = adw_combo_row_get_selected (self->language_row);
  if (selected >= g_strv_length (self->languages))
    return "en";

  return self->languages[selected];
}
