/* cf-document.c: a simple structured document, such as the written record of an assessment
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Care Act 2014, s.13, requires the carer to be given a written record of the assessment
 * decision. Whoever builds that record describes it here as a title and a run of headings,
 * paragraphs, labelled fields and bullets, in plain text; how it looks is decided by whoever
 * renders it: the print code in the GUI or cf_document_to_text() for the command line. The
 * document says which format it was written for (standard, large print or easy read): easy read
 * is different words, built by the same builders, and the printer sizes each format. Keeping
 * the record free of markup means a carer's own words (“Fish & chips <3”) cannot change how it
 * is laid out.
 *
 * A document is built once and then only read, so it is a refcounted boxed type rather than a
 * GObject: cheap to hand to a print operation that outlives the page that started it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

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
  CfDocumentFormat format;
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

/**
 * cf_document_set_format:
 *
 * The format the document was written for; the printer follows it. New documents are
 * %CF_DOCUMENT_FORMAT_STANDARD.
 */
void
cf_document_set_format (CfDocument       *self,
                        CfDocumentFormat  format)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (format < CF_DOCUMENT_N_FORMATS);

  self->format = format;
}

CfDocumentFormat
cf_document_get_format (CfDocument *self)
{
  g_return_val_if_fail (self != NULL, CF_DOCUMENT_FORMAT_STANDARD);

  return self->format;
}

/**
 * cf_document_dup_audit_detail:
 *
 * What the audit log says about a print or export of the document: its format and language,
 * as ids (“easy-read, pl”), never anything from the document itself.
 *
 * Returns: (transfer full): the detail
 */
char *
cf_document_dup_audit_detail (CfDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strdup_printf ("%s, %s", cf_document_format_to_id (self->format),
                          self->language != NULL ? self->language : "und");
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

static const char * const format_ids[] = { "standard", "large-print", "easy-read" };

G_STATIC_ASSERT (G_N_ELEMENTS (format_ids) == CF_DOCUMENT_N_FORMATS);

/**
 * cf_document_format_to_id:
 *
 * Returns: the format's id in cf_copy_formats, such as "easy-read"
 */
const char *
cf_document_format_to_id (CfDocumentFormat format)
{
  g_return_val_if_fail (format < CF_DOCUMENT_N_FORMATS, format_ids[0]);

  return format_ids[format];
}

/**
 * cf_document_format_from_id:
 * @id: (nullable): an id of cf_copy_formats
 * @format: (out): the format, when it is one Carefield prints
 *
 * Returns: whether @id is a format Carefield prints (braille and audio are not)
 */
gboolean
cf_document_format_from_id (const char       *id,
                            CfDocumentFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (format_ids); i++)
    if (g_str_equal (id, format_ids[i]))
      {
        *format = i;
        return TRUE;
      }

  return FALSE;
}

static gboolean
mentions (const char         *folded,
          const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (folded, words[i]) != NULL)
      return TRUE;

  return FALSE;
}

/**
 * cf_document_format_for_needs:
 * @communication_needs: (nullable): the carer's communication needs, as the worker typed them
 *   (“Large print, no phone calls”)
 *
 * DOMAIN.md, "Information, consent": the Accessible Information Standard asks that a person's
 * communication needs are recorded and met, large print and easy read among them. This is the
 * format to offer first: easy read when it is asked for (it is printed large too), else large
 * print, else standard. The worker can always choose another.
 */
CfDocumentFormat
cf_document_format_for_needs (const char *communication_needs)
{
  static const char * const easy_read[] = { "easy read", "easy-read", "easyread",
                                            "easy to read", NULL };
  static const char * const large_print[] = { "large print", "large-print", "largeprint",
                                              "large type", "big print", "giant print", NULL };
  g_autofree char *folded = NULL;

  if (communication_needs == NULL)
    return CF_DOCUMENT_FORMAT_STANDARD;

  folded = g_utf8_casefold (communication_needs, -1);
  if (mentions (folded, easy_read))
    return CF_DOCUMENT_FORMAT_EASY_READ;
  if (mentions (folded, large_print))
    return CF_DOCUMENT_FORMAT_LARGE_PRINT;

  return CF_DOCUMENT_FORMAT_STANDARD;
}
