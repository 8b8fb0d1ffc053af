/* cf-easy-read.c: writing a carer's documents in easy read
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Information, consent": under the Accessible Information Standard a carer who
 * needs easy read is given their documents in easy read, as they are given large print or a
 * language they read. Easy read is different words, not just bigger type: each section has a
 * heading; each line holds one idea, as a short sentence or as "Label: value" ("You look
 * after: Mary", "Who: Sam", "By: 1 December 2026"); the words are plain and the body has no
 * references to the law. It is printed large, with room between the lines
 * (cf-document-print.c).
 *
 * The builders of the written record, the support plan and the emergency plan write their
 * easy-read versions with these helpers. What a worker typed is not rewritten, but it is split
 * into sentences, one a line, so it keeps to one idea a line as far as it can.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-dates.h"
#include "cf-easy-read.h"

/* Full stops, question and exclamation marks, and the Urdu full stop. */
static gboolean
ends_sentence (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x06D4;
}

/**
 * cf_easy_read_split_sentences:
 * @text: (nullable): text a person typed
 *
 * Returns: (transfer full): its sentences, trimmed, in order; a line break ends one too
 */
GStrv
cf_easy_read_split_sentences (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) sentence = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar next = g_utf8_get_char (g_utf8_next_char (p));
      gboolean end = c == '\n' || (ends_sentence (c) && (next == 0 || g_unichar_isspace (next)));

      if (c != '\n')
        g_string_append_unichar (sentence, c);
      if (end || next == 0)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (sentence->str));

          if (*trimmed != '\0')
            g_strv_builder_add (builder, trimmed);
          g_string_truncate (sentence, 0);
        }
    }

  return g_strv_builder_end (builder);
}

/**
 * cf_easy_read_count_words:
 *
 * Returns: how many words @text has, counted between spaces
 */
guint
cf_easy_read_count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint n = 0;

  g_return_val_if_fail (text != NULL, 0);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        n++;
      in_word = !space;
    }

  return n;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/**
 * cf_easy_read_add_line:
 * @label: what the line says, such as “You look after”
 * @value: (nullable): the fact; a line with none is left out
 *
 * One line, "Label: value", as a field of @document.
 */
void
cf_easy_read_add_line (CfDocument *document,
                       const char *label,
                       const char *value)
{
  g_autofree char *trimmed = NULL;

  g_return_if_fail (document != NULL);
  g_return_if_fail (label != NULL);

  if (is_blank (value))
    return;

  trimmed = g_strstrip (g_strdup (value));
  cf_document_add_field (document, label, trimmed);
}

/**
 * cf_easy_read_add_text:
 * @label: what the text is about, such as “What matters to you”
 * @text: (nullable): what a person typed; left out when empty
 *
 * The first sentence of @text after its label, then each further sentence on a line of its
 * own.
 */
void
cf_easy_read_add_text (CfDocument *document,
                       const char *label,
                       const char *text)
{
  g_auto(GStrv) sentences = NULL;

  g_return_if_fail (document != NULL);
  g_return_if_fail (label != NULL);

  sentences = cf_easy_read_split_sentences (text);
  if (sentences[0] == NULL)
    return;

  cf_document_add_field (document, label, sentences[0]);
  for (guint i = 1; sentences[i] != NULL; i++)
    cf_document_add_paragraph (document, sentences[i]);
}

/**
 * cf_easy_read_date:
 * @iso: (nullable): an ISO 8601 date
 *
 * A date in words in the language being written, such as “3 March 2026”: the month is named
 * from Carefield's own words, not the C library's, which follow the worker's locale.
 *
 * Returns: (transfer full): the date, or @iso itself when it is not a date ("" for %NULL)
 */
char *
cf_easy_read_date (const char *iso)
{
  const char *months[] = {
    /* Translators: a month's name as it is written in a date, e.g. “3 January 2026” */
    C_("in a date", "January"), C_("in a date", "February"), C_("in a date", "March"),
    C_("in a date", "April"), C_("in a date", "May"), C_("in a date", "June"),
    C_("in a date", "July"), C_("in a date", "August"), C_("in a date", "September"),
    C_("in a date", "October"), C_("in a date", "November"), C_("in a date", "December"),
  };
  guint year, month, day;

  if (iso == NULL)
    return g_strdup ("");
  if (!cf_date_parse_iso_shape (iso, &year, &month, &day) ||
      !g_date_valid_dmy (day, month, year))
    return g_strdup (iso);

  /* Translators: a date in words: "%1$u" is the day, "%2$s" the month's name, "%3$u" the
   * year, e.g. “3 March 2026” */
  return g_strdup_printf (_("%1$u %2$s %3$u"), day, months[month - 1], year);
}

/**
 * cf_easy_read_add_cared_for:
 *
 * "You look after: …", a line for each person the carer cares for.
 */
void
cf_easy_read_add_cared_for (CfDocument *document,
                            CfCarer    *carer)
{
  GListModel *people = cf_carer_get_cared_for (carer);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(CfRecord) person = g_list_model_get_item (people, i);

      if (!cf_record_get_deleted (person))
        /* Translators: easy read: the name of a person the carer looks after follows */
        cf_easy_read_add_line (document, _("You look after"),
                               cf_record_get_text (person, "name"));
    }
}
