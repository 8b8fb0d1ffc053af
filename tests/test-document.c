/* test-document.c: the structured document behind the written record, and its plain text
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cf-document.h"
#include "cf-easy-read.h"

#define TITLE "Carer’s assessment — Zoë Brown"

static void
test_new (void)
{
  g_autoptr(CfDocument) document = cf_document_new (TITLE);
  g_autofree char *text = NULL;

  g_assert_cmpstr (cf_document_get_title (document), ==, TITLE);
  g_assert_null (cf_document_get_footer (document));
  g_assert_null (cf_document_get_language (document));
  g_assert_cmpuint (cf_document_get_n_blocks (document), ==, 0);

  text = cf_document_to_text (document);
  g_assert_cmpstr (text, ==, TITLE "\n");
}

static void
test_blocks_in_order (void)
{
  g_autoptr(CfDocument) document = cf_document_new (TITLE);
  const char *text = NULL;
  const char *value = NULL;

  cf_document_add_heading (document, "Your caring role");
  cf_document_add_paragraph (document, "You look after your father.");
  cf_document_add_field (document, "Date of assessment", "3 March 2026");
  cf_document_add_bullet (document, "Help with shopping");
  cf_document_add_field (document, "Outcome", NULL);

  g_assert_cmpuint (cf_document_get_n_blocks (document), ==, 5);

  g_assert_cmpint (cf_document_get_block (document, 0, &text, &value), ==, CF_DOCUMENT_HEADING);
  g_assert_cmpstr (text, ==, "Your caring role");
  g_assert_null (value);

  g_assert_cmpint (cf_document_get_block (document, 1, &text, &value), ==,
                   CF_DOCUMENT_PARAGRAPH);
  g_assert_cmpstr (text, ==, "You look after your father.");
  g_assert_null (value);

  g_assert_cmpint (cf_document_get_block (document, 2, &text, &value), ==, CF_DOCUMENT_FIELD);
  g_assert_cmpstr (text, ==, "Date of assessment");
  g_assert_cmpstr (value, ==, "3 March 2026");

  g_assert_cmpint (cf_document_get_block (document, 3, &text, &value), ==, CF_DOCUMENT_BULLET);
  g_assert_cmpstr (text, ==, "Help with shopping");
  g_assert_null (value);

  /* A field with no value yet still has its label, and an empty value rather than none. */
  g_assert_cmpint (cf_document_get_block (document, 4, &text, &value), ==, CF_DOCUMENT_FIELD);
  g_assert_cmpstr (text, ==, "Outcome");
  g_assert_cmpstr (value, ==, "");

  /* Either out argument may be left out. */
  g_assert_cmpint (cf_document_get_block (document, 2, NULL, NULL), ==, CF_DOCUMENT_FIELD);
}

static void
test_copies_text (void)
{
  g_autoptr(CfDocument) document = cf_document_new (TITLE);
  char buffer[32];
  const char *text = NULL;

  g_strlcpy (buffer, "Carer’s own words", sizeof buffer);
  cf_document_add_paragraph (document, buffer);
  g_strlcpy (buffer, "changed afterwards", sizeof buffer);

  cf_document_get_block (document, 0, &text, NULL);
  g_assert_cmpstr (text, ==, "Carer’s own words");
}

static void
test_footer_and_language (void)
{
  g_autoptr(CfDocument) document = cf_document_new (TITLE);

  cf_document_set_footer (document, "Reference CF-1A2B-3C4D");
  g_assert_cmpstr (cf_document_get_footer (document), ==, "Reference CF-1A2B-3C4D");
  cf_document_set_footer (document, NULL);
  g_assert_null (cf_document_get_footer (document));

  cf_document_set_language (document, "pl");
  g_assert_cmpstr (cf_document_get_language (document), ==, "pl");
  cf_document_set_language (document, "");
  g_assert_null (cf_document_get_language (document));
  cf_document_set_language (document, "ur");
  cf_document_set_language (document, NULL);
  g_assert_null (cf_document_get_language (document));
}

static void
test_to_text (void)
{
  g_autoptr(CfDocument) document = cf_document_new (TITLE);
  g_autofree char *text = NULL;

  cf_document_set_footer (document, "Reference CF-1A2B-3C4D");
  cf_document_add_heading (document, "About you");
  cf_document_add_field (document, "Name", "Zoë Brown");
  cf_document_add_field (document, "Date of assessment", "3 March 2026");
  cf_document_add_heading (document, "What you told us");
  cf_document_add_paragraph (document, "You care for your father, who has dementia.");
  cf_document_add_paragraph (document, "You would like a break on Thursdays.");
  cf_document_add_bullet (document, "Help with shopping");
  cf_document_add_bullet (document, "A carer’s break");
  cf_document_add_field (document, "Outcome", "Eligible");

  text = cf_document_to_text (document);
  g_assert_cmpstr (text, ==,
                   TITLE "\n"
                   "\n"
                   "About you\n"
                   "Name: Zoë Brown\n"
                   "Date of assessment: 3 March 2026\n"
                   "\n"
                   "What you told us\n"
                   "You care for your father, who has dementia.\n"
                   "\n"
                   "You would like a break on Thursdays.\n"
                   "\n"
                   "• Help with shopping\n"
                   "• A carer’s break\n"
                   "\n"
                   "Outcome: Eligible\n"
                   "\n"
                   "Reference CF-1A2B-3C4D\n");
}

/* The record holds the carer's words as they are: nothing in them is markup or a format. */
static void
test_to_text_is_literal (void)
{
  g_autoptr(CfDocument) document = cf_document_new ("<b>Title</b> & more");
  g_autofree char *text = NULL;

  cf_document_add_paragraph (document, "Fish & chips <i>on Fridays</i> 100% %s");
  cf_document_add_field (document, "Label %1$s", "Value &amp;");

  text = cf_document_to_text (document);
  g_assert_cmpstr (text, ==,
                   "<b>Title</b> & more\n"
                   "\n"
                   "Fish & chips <i>on Fridays</i> 100% %s\n"
                   "\n"
                   "Label %1$s: Value &amp;\n");
}

static void
test_refcount (void)
{
  CfDocument *document = cf_document_new (TITLE);
  CfDocument *copy;
  GValue value = G_VALUE_INIT;

  g_assert_true (cf_document_ref (document) == document);
  cf_document_unref (document);

  /* As a boxed type it goes into GValues (and so properties and signals) by reference. */
  g_assert_true (G_TYPE_IS_BOXED (CF_TYPE_DOCUMENT));
  copy = g_boxed_copy (CF_TYPE_DOCUMENT, document);
  g_assert_true (copy == document);
  g_boxed_free (CF_TYPE_DOCUMENT, copy);

  g_value_init (&value, CF_TYPE_DOCUMENT);
  g_value_set_boxed (&value, document);
  cf_document_unref (document);
  g_assert_cmpstr (cf_document_get_title (g_value_get_boxed (&value)), ==, TITLE);
  g_value_unset (&value);
}

/* DOMAIN.md, "Information, consent": the format offered first is what the carer's
 * communication needs ask for, as the worker typed them. */
static void
test_format (void)
{
  g_autoptr(CfDocument) document = cf_document_new (TITLE);
  g_autofree char *detail = NULL;
  CfDocumentFormat format = CF_DOCUMENT_FORMAT_STANDARD;

  g_assert_cmpint (cf_document_get_format (document), ==, CF_DOCUMENT_FORMAT_STANDARD);
  cf_document_set_format (document, CF_DOCUMENT_FORMAT_EASY_READ);
  g_assert_cmpint (cf_document_get_format (document), ==, CF_DOCUMENT_FORMAT_EASY_READ);
  cf_document_set_language (document, "ur");
  detail = cf_document_dup_audit_detail (document);
  g_assert_cmpstr (detail, ==, "easy-read, ur");

  for (CfDocumentFormat f = 0; f < CF_DOCUMENT_N_FORMATS; f++)
    {
      g_assert_true (cf_document_format_from_id (cf_document_format_to_id (f), &format));
      g_assert_cmpint (format, ==, f);
    }
  g_assert_cmpstr (cf_document_format_to_id (CF_DOCUMENT_FORMAT_LARGE_PRINT), ==, "large-print");
  g_assert_false (cf_document_format_from_id ("braille", &format));
  g_assert_false (cf_document_format_from_id (NULL, &format));

  g_assert_cmpint (cf_document_format_for_needs (NULL), ==, CF_DOCUMENT_FORMAT_STANDARD);
  g_assert_cmpint (cf_document_format_for_needs ("Hard of hearing"), ==,
                   CF_DOCUMENT_FORMAT_STANDARD);
  g_assert_cmpint (cf_document_format_for_needs ("Large print, no calls after 6"), ==,
                   CF_DOCUMENT_FORMAT_LARGE_PRINT);
  g_assert_cmpint (cf_document_format_for_needs ("needs LARGE-PRINT"), ==,
                   CF_DOCUMENT_FORMAT_LARGE_PRINT);
  /* Easy read is printed large too, so it wins. */
  g_assert_cmpint (cf_document_format_for_needs ("Large print and Easy Read"), ==,
                   CF_DOCUMENT_FORMAT_EASY_READ);
  g_assert_cmpint (cf_document_format_for_needs ("easy-read"), ==, CF_DOCUMENT_FORMAT_EASY_READ);
}

static void
test_easy_read_lines (void)
{
  g_auto(GStrv) sentences =
    cf_easy_read_split_sentences ("Helps Dad every morning.  He cannot dress alone!\n"
                                  "Takes 10.5 mg at 8 a day\nIs it safe? ٹھیک ہے۔ ہاں");
  g_auto(GStrv) none = cf_easy_read_split_sentences ("  \n ");
  g_autoptr(CfDocument) document = cf_document_new (TITLE);
  g_autofree char *date = cf_easy_read_date ("2026-12-01");
  g_autofree char *not_a_date = cf_easy_read_date ("soon");
  const char *text, *value;

  g_assert_cmpuint (g_strv_length (sentences), ==, 6);
  g_assert_cmpstr (sentences[0], ==, "Helps Dad every morning.");
  g_assert_cmpstr (sentences[1], ==, "He cannot dress alone!");
  g_assert_cmpstr (sentences[2], ==, "Takes 10.5 mg at 8 a day");
  g_assert_cmpstr (sentences[3], ==, "Is it safe?");
  g_assert_cmpstr (sentences[4], ==, "ٹھیک ہے۔");
  g_assert_cmpstr (sentences[5], ==, "ہاں");
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  g_assert_cmpuint (cf_easy_read_count_words ("  You look after:\tMary  "), ==, 4);
  g_assert_cmpuint (cf_easy_read_count_words (""), ==, 0);
  g_assert_cmpstr (date, ==, "1 December 2026");
  g_assert_cmpstr (not_a_date, ==, "soon");

  /* A line with nothing to say is left out; typed text goes a sentence a line. */
  cf_easy_read_add_line (document, "Who", "  ");
  cf_easy_read_add_line (document, "Who", " Sam ");
  cf_easy_read_add_text (document, "What", "Book a sitter. Ring the GP.");
  cf_easy_read_add_text (document, "Why", NULL);
  g_assert_cmpuint (cf_document_get_n_blocks (document), ==, 3);
  g_assert_cmpint (cf_document_get_block (document, 0, &text, &value), ==, CF_DOCUMENT_FIELD);
  g_assert_cmpstr (value, ==, "Sam");
  g_assert_cmpint (cf_document_get_block (document, 1, &text, &value), ==, CF_DOCUMENT_FIELD);
  g_assert_cmpstr (text, ==, "What");
  g_assert_cmpstr (value, ==, "Book a sitter.");
  g_assert_cmpint (cf_document_get_block (document, 2, &text, &value), ==,
                   CF_DOCUMENT_PARAGRAPH);
  g_assert_cmpstr (text, ==, "Ring the GP.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/document/new", test_new);
  g_test_add_func ("/document/blocks-in-order", test_blocks_in_order);
  g_test_add_func ("/document/copies-text", test_copies_text);
  g_test_add_func ("/document/footer-and-language", test_footer_and_language);
  g_test_add_func ("/document/to-text", test_to_text);
  g_test_add_func ("/document/to-text/literal", test_to_text_is_literal);
  g_test_add_func ("/document/refcount", test_refcount);
  g_test_add_func ("/document/format", test_format);
  g_test_add_func ("/document/easy-read-lines", test_easy_read_lines);

  return g_test_run ();
}
