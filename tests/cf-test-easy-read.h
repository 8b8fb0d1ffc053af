/* cf-test-easy-read.h: what every easy-read document must be
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Information, consent" (cf-easy-read.c): a heading for each section, one idea a
 * line (a single sentence, or "Label: value", of at most CF_EASY_READ_MAX_WORDS words), plain
 * words with no references to the law, and the facts the carer needs.
 */

#pragma once

#include <string.h>

#include "cf-easy-read.h"

static inline void
cf_test_assert_easy_read (CfDocument         *document,
                          const char * const *facts)
{
  static const char * const legal[] = {
    "Care Act", "section", "s.1", "s.2", "s.6", "Regulation", "reg 3", "reg. 3", "law", NULL
  };
  g_autofree char *text = cf_document_to_text (document);
  guint n = cf_document_get_n_blocks (document);
  gboolean heading_waits = FALSE;

  g_test_message ("%s", text);
  g_assert_cmpint (cf_document_get_format (document), ==, CF_DOCUMENT_FORMAT_EASY_READ);
  g_assert_cmpuint (n, >, 0);
  /* Each section is headed, and each heading heads something. */
  g_assert_cmpint (cf_document_get_block (document, 0, NULL, NULL), ==, CF_DOCUMENT_HEADING);

  for (guint i = 0; i < n; i++)
    {
      const char *label, *value;
      CfDocumentBlockKind kind = cf_document_get_block (document, i, &label, &value);
      g_autofree char *line = kind == CF_DOCUMENT_FIELD ? g_strdup_printf ("%s: %s", label, value)
                                                        : g_strdup (label);
      g_auto(GStrv) sentences = cf_easy_read_split_sentences (kind == CF_DOCUMENT_FIELD ? value
                                                                                        : label);

      if (kind == CF_DOCUMENT_HEADING)
        {
          if (heading_waits)
            g_error ("A heading with nothing under it before “%s”", label);
          heading_waits = TRUE;
          continue;
        }
      heading_waits = FALSE;

      if (kind == CF_DOCUMENT_BULLET)
        g_error ("Easy read has lines, not bullets: “%s”", label);
      if (cf_easy_read_count_words (line) > CF_EASY_READ_MAX_WORDS)
        g_error ("More than %d words on one line: “%s”", CF_EASY_READ_MAX_WORDS, line);
      if (g_strv_length (sentences) > 1)
        g_error ("More than one sentence on one line: “%s”", line);
    }
  g_assert_false (heading_waits);

  for (guint i = 0; legal[i] != NULL; i++)
    if (strstr (text, legal[i]) != NULL)
      g_error ("Easy read refers to the law (“%s”):\n%s", legal[i], text);

  for (guint i = 0; facts[i] != NULL; i++)
    if (strstr (text, facts[i]) == NULL)
      g_error ("“%s” is not in the easy-read document:\n%s", facts[i], text);
}
