/* cf-document.c: a simple structured document, such as the written record of an assessment
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Care Act 2014, s.13, requires the carer to be given a written record of the assessment
 * decision. Whoever builds that record describes it here as a title and a run of headings,
 * paragraphs, labelled fields and bullets, in plain text; how it looks is decided by whoever
 * renders it: the print code in the GUI (normal or large print) or cf_document_to_text() for
 * the command line. Keeping the record free of markup means a carer's own words (“Fish & chips
 * <3”) cannot change how it is laid out.
 *
 * A document is built once and then only read, so it is a refcounted boxed type rather than a
 * GObject: cheap to hand to a print operation that outlives the page that started it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-document.h"

typedef struct
{
  CfDocumentBlockKind  kind;
  char                *text;
  char                *value;  /* fields only */
} Block;

struct _CfDocument
{
  gatomicrefcount  ref_count;

  char            *title;
  char            *footer;
  char            *language;
  GArray          *blocks;  /* Block */
};

G_DEFINE_BOXED_TYPE (CfDocument, cf_document, cf_document_ref, cf_document_unref)

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_clear_pointer (&block->text, g_free);
  g_clear_pointer (&block->value, g_free);
}

static void
add_block (CfDocument          *self,
           CfDocumentBlockKind  kind,
           const char          *text,
           const char          *value)
{
  Block block = { kind, g_strdup (text), g_strdup (value) };

  g_array_append_val (self->blocks, block);
}

/**
 * cf_document_new:
 * @title: the title, printed at the top of the first page
 *
 * Returns: (transfer full): a new, empty document
 */
CfDocument *
cf_document_new (const char *title)
{
  CfDocument *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (title, -1, NULL), NULL);

  self = g_new0 (CfDocument, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->title = g_strdup (title);
  self->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  g_array_set_clear_func (self->blocks, block_clear);

  return self;
}

CfDocument *
cf_document_ref (CfDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
cf_document_unref (CfDocument *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->title);
  g_free (self->footer);
  g_free (self->language);
  g_array_unref (self->blocks);
  g_free (self);
}

const char *
cf_document_get_title (CfDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/**
 * cf_document_set_footer:
 * @footer: (nullable): text for the foot of every page, such as the carer's reference
 */
void
cf_document_set_footer (CfDocument *self,
                        const char *footer)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (footer == NULL || g_utf8_validate (footer, -1, NULL));

  g_free (self->footer);
  self->footer = g_strdup (footer);
}

/**
 * cf_document_get_footer:
 *
 * Returns: (nullable): the footer, or %NULL when there is none
 */
const char *
cf_document_get_footer (CfDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->footer;
}

/**
 * cf_document_set_language:
 * @language: (nullable): a BCP 47 tag such as "en" or "pl", or %NULL for the interface's
 *
 * The language the document is written in, which may not be the worker's: it decides fonts,
 * line breaking and, for a right-to-left language, which side text starts from.
 */
void
cf_document_set_language (CfDocument *self,
                          const char *language)
{
  g_return_if_fail (self != NULL);

  g_free (self->language);
  self->language = language != NULL && *language != '\0' ? g_strdup (language) : NULL;
}

/**
 * cf_document_get_language:
 *
 * Returns: (nullable): the BCP 47 tag, or %NULL when none was set
 */
const char *
cf_document_get_language (CfDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->language;
}

void
cf_document_add_heading (CfDocument *self,
                         const char *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));

  add_block (self, CF_DOCUMENT_HEADING, text, NULL);
}

void
cf_document_add_paragraph (CfDocument *self,
                           const char *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));

  add_block (self, CF_DOCUMENT_PARAGRAPH, text, NULL);
}

/**
 * cf_document_add_field:
 * @label: what the value is, such as "Date of assessment"
 * @value: (nullable): the value; %NULL is the same as ""
 */
void
cf_document_add_field (CfDocument *self,
                       const char *label,
                       const char *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (label != NULL && g_utf8_validate (label, -1, NULL));
  g_return_if_fail (value == NULL || g_utf8_validate (value, -1, NULL));

  add_block (self, CF_DOCUMENT_FIELD, label, value != NULL ? value : "");
}

void
cf_document_add_bullet (CfDocument *self,
                        const char *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL && g_utf8_validate (text, -1, NULL));

  add_block (self, CF_DOCUMENT_BULLET, text, NULL);
}

guint
cf_document_get_n_blocks (CfDocument *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->blocks->len;
}

/**
 * cf_document_get_block:
 * @index: from 0 to cf_document_get_n_blocks() - 1
 * @text: (out) (optional): the text, or a field's label
 * @value: (out) (optional): a field's value; %NULL for other kinds
 *
 * Returns: what kind of block it is
 */
CfDocumentBlockKind
cf_document_get_block (CfDocument  *self,
                       guint        index,
                       const char **text,
                       const char **value)
{
  const Block *block;

  g_return_val_if_fail (self != NULL, CF_DOCUMENT_PARAGRAPH);
  g_return_val_if_fail (index < self->blocks->len, CF_DOCUMENT_PARAGRAPH);

  block = &g_array_index (self->blocks, Block, index);
  if (text != NULL)
    *text = block->text;
  if (value != NULL)
    *value = block->value;

  return block->kind;
}

/* A blank line sets off headings and paragraphs; a run of fields or of bullets stays together,
 * as it does on paper. */
static gboolean
blank_line_between (CfDocumentBlockKind previous,
                    CfDocumentBlockKind next)
{
  if (next == CF_DOCUMENT_HEADING)
    return TRUE;
  if (previous == CF_DOCUMENT_HEADING)
    return FALSE;

  return previous != next || next == CF_DOCUMENT_PARAGRAPH;
}

/**
 * cf_document_to_text:
 *
 * The document as plain text: the title, then each block on its own line(s), fields as
 * "Label: value" and bullets as "• text", then the footer.
 *
 * Returns: (transfer full): UTF-8 text ending with a newline
 */
char *
cf_document_to_text (CfDocument *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (self->title);
  g_string_append_c (text, '\n');

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = &g_array_index (self->blocks, Block, i);

      if (i == 0 ||
          blank_line_between (g_array_index (self->blocks, Block, i - 1).kind, block->kind))
        g_string_append_c (text, '\n');

      switch (block->kind)
        {
        case CF_DOCUMENT_FIELD:
          /* Translators: "%1$s" is a label in the written record, "%2$s" its value */
          g_string_append_printf (text, _("%1$s: %2$s"), block->text, block->value);
          break;

        case CF_DOCUMENT_BULLET:
          g_string_append (text, "• ");
          g_string_append (text, block->text);
          break;

        case CF_DOCUMENT_HEADING:
        case CF_DOCUMENT_PARAGRAPH:
        default:
          g_string_append (text, block->text);
          break;
        }
      g_string_append_c (text, '\n');
    }

  if (self->footer != NULL)
    g_string_append_printf (text, "\n%s\n", self->footer);

  return g_string_free (text, FALSE);
}
