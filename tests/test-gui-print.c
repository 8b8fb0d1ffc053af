/* test-gui-print.c: the written record saved as a PDF, read back with poppler's tools
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pdftotext and pdfinfo (poppler-utils, from build-aux/install-deps) read what a carer would
 * be given. The print dialog itself is GTK's and is not driven here.
 */

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

#include "cf-document-print.h"
#include "cf-test-gui.h"

#define WAIT_SECONDS 60
#define TITLE        "Carer’s assessment — Zoë"
#define FOOTER       "Reference CF-1A2B-3C4D"

/* A4 in points, and the 20 mm margins. */
#define PAGE_WIDTH   595.28
#define PAGE_HEIGHT  841.89
#define MARGIN       56.69

typedef struct
{
  guint     n_calls;
  gboolean  finished;
  gboolean  ok;
  gboolean  printed;
  GError   *error;
} Outcome;

typedef struct
{
  double  x_min, y_min, x_max, y_max;
  char   *text;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->text);
}

static void
print_finished_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = cf_document_print_finish (result, &outcome->printed, &outcome->error);
  outcome->finished = TRUE;
  outcome->n_calls++;
}

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

/* Spins until @outcome is in, or fails the test. */
static void
wait_for (Outcome *outcome)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, timed_out_cb, &timed_out);

  while (!outcome->finished && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out after %d seconds waiting for printing to finish", WAIT_SECONDS);
  g_source_remove (timeout_id);
}

/* Saves @document as a PDF at @path in @format and waits for the result. */
static gboolean
export_pdf (CfDocument        *document,
            const char        *path,
            CfDocumentFormat   format,
            GCancellable      *cancellable,
            GError           **error)
{
  Outcome outcome = { 0 };

  cf_document_set_format (document, format);
  cf_document_print_async (document, NULL, CF_PRINT_EXPORT_PDF, path, cancellable,
                           print_finished_cb, &outcome);
  /* Callers may rely on the callback coming later, from the main loop. */
  g_assert_false (outcome.finished);
  wait_for (&outcome);

  g_assert_true (outcome.ok == (outcome.error == NULL));
  if (outcome.ok)
    g_assert_true (outcome.printed);
  if (outcome.error != NULL)
    g_propagate_error (error, outcome.error);

  return outcome.ok;
}

/* Runs a poppler tool and returns what it wrote; the tools are required, not optional. */
static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  return cf_test_run_tool ("pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL);
}

/* The value of one "Name:   value" line of pdfinfo's report. */
static char *
pdf_info (const char *path,
          const char *name)
{
  g_autofree char *info = cf_test_run_tool ("pdfinfo", "-enc", "UTF-8", path, NULL);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strconcat (name, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));

  g_error ("pdfinfo did not report %s for %s:\n%s", name, path, info);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *pages = pdf_info (path, "Pages");
  guint64 n = 0;

  g_assert_true (g_ascii_string_to_unsigned (pages, 10, 1, G_MAXUINT, &n, NULL));

  return n;
}

/* Every word on @page and where it is, from pdftotext -bbox. */
static GArray *
pdf_words (const char *path,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autofree char *html = cf_test_run_tool ("pdftotext", "-enc", "UTF-8", "-bbox", "-f", number,
                                    "-l", number, path, "-", NULL);
  g_autoptr(GRegex) regex = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                         "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                                         G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));

  g_array_set_clear_func (words, word_clear);
  g_regex_match (regex, html, G_REGEX_MATCH_DEFAULT, &match);
  while (g_match_info_matches (match))
    {
      Word word;
      double *coordinates[] = { &word.x_min, &word.y_min, &word.x_max, &word.y_max };

      for (guint i = 0; i < G_N_ELEMENTS (coordinates); i++)
        {
          g_autofree char *value = g_match_info_fetch (match, i + 1);

          *coordinates[i] = g_ascii_strtod (value, NULL);
        }
      word.text = g_match_info_fetch (match, 5);
      g_array_append_val (words, word);
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (words->len, >, 0);

  return words;
}

static const Word *
find_word (GArray     *words,
           const char *text)
{
  for (guint i = 0; i < words->len; i++)
    if (g_strcmp0 (g_array_index (words, Word, i).text, text) == 0)
      return &g_array_index (words, Word, i);

  g_error ("“%s” is not on the page", text);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("carefield-print-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Long enough to need several pages: sections with a heading, paragraphs that each end with a
 * marker “[pN]”, fields and bullets. */
#define N_SECTIONS 8
#define N_MARKERS  (N_SECTIONS * 3)

static CfDocument *
long_document (void)
{
  CfDocument *document = cf_document_new (TITLE);
  guint n = 0;

  cf_document_set_footer (document, FOOTER);
  for (guint section = 1; section <= N_SECTIONS; section++)
    {
      g_autofree char *heading = g_strdup_printf ("Section %u", section);

      cf_document_add_heading (document, heading);
      cf_document_add_field (document, "Date of assessment", "3 March 2026");
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *paragraph =
            g_strdup_printf ("You told us about caring for your father, who lives with you "
                             "and has dementia. You help him wash and dress each morning, "
                             "make his meals, manage his medicines and sit with him at night "
                             "when he is unsettled, and you would like a regular break to see "
                             "your friends and keep up your own health appointments. [p%u]",
                             ++n);

          cf_document_add_paragraph (document, paragraph);
        }
      cf_document_add_bullet (document, "A weekly sitting service so you can go out");
      cf_document_add_bullet (document, "Information about carers’ groups near you");
    }

  return document;
}


static void
test_contents (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "record.pdf", NULL);
  g_autoptr(CfDocument) document = cf_document_new (TITLE);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  cf_document_set_footer (document, FOOTER);
  cf_document_set_language (document, "en");
  cf_document_add_heading (document, "What matters to you");
  cf_document_add_paragraph (document, "Fish & chips <b>on Fridays</b>, 100% sure.");
  cf_document_add_field (document, "Date of assessment", "3 March 2026");
  cf_document_add_bullet (document, "Help with shopping on Tuesdays");

  g_assert_true (export_pdf (document, path, CF_DOCUMENT_FORMAT_STANDARD, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  g_assert_cmpuint (pdf_pages (path), ==, 1);
  title = pdf_info (path, "Title");
  g_assert_cmpstr (title, ==, TITLE);

  text = cf_test_pdf_text (path);
  g_assert_nonnull (strstr (text, TITLE));
  g_assert_nonnull (strstr (text, "What matters to you"));
  /* Plain text, not markup: the carer's words come out exactly as written. */
  g_assert_nonnull (strstr (text, "Fish & chips <b>on Fridays</b>, 100% sure."));
  g_assert_nonnull (strstr (text, "Date of assessment"));
  g_assert_nonnull (strstr (text, "3 March 2026"));
  g_assert_nonnull (strstr (text, "•"));
  g_assert_nonnull (strstr (text, "Help with shopping on Tuesdays"));
  g_assert_nonnull (strstr (text, FOOTER));
  g_assert_nonnull (strstr (text, "Page 1 of 1"));

  remove_temp_dir (dir);
}

/* Several pages, each with the footer and its number; no text lost between pages, and none
 * drawn outside the margins or over the footer. */
static void
test_paginates (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(CfDocument) document = long_document ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *last = NULL;
  g_autofree char *last_marker = NULL;
  guint n_pages;

  g_assert_true (export_pdf (document, path, CF_DOCUMENT_FORMAT_STANDARD, NULL, &error));
  g_assert_no_error (error);

  n_pages = pdf_pages (path);
  g_assert_cmpuint (n_pages, >=, 3);

  text = cf_test_pdf_text (path);
  g_assert_cmpuint (count_occurrences (text, TITLE), ==, 1);
  g_assert_cmpuint (count_occurrences (text, FOOTER), ==, n_pages);
  for (guint i = 1; i <= N_MARKERS; i++)
    {
      g_autofree char *marker = g_strdup_printf ("[p%u]", i);

      g_assert_cmpuint (count_occurrences (text, marker), ==, 1);
    }

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *page_text = pdf_page_text (path, page);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", page, n_pages);
      g_autoptr(GArray) words = pdf_words (path, page);
      const Word *footer = find_word (words, "CF-1A2B-3C4D");

      g_assert_nonnull (strstr (page_text, number));
      g_assert_nonnull (strstr (page_text, FOOTER));
      /* The title only at the top of the first page. */
      g_assert_true ((strstr (page_text, TITLE) != NULL) == (page == 1));

      for (guint i = 0; i < words->len; i++)
        {
          const Word *word = &g_array_index (words, Word, i);

          g_assert_cmpfloat (word->x_min, >=, MARGIN - 1);
          g_assert_cmpfloat (word->x_max, <=, PAGE_WIDTH - MARGIN + 1);
          g_assert_cmpfloat (word->y_min, >=, MARGIN - 1);
          g_assert_cmpfloat (word->y_max, <=, PAGE_HEIGHT - MARGIN + 1);
          if (word->y_max < footer->y_min)
            continue;
          /* Below the body: only the footer line. */
          g_assert_true (g_str_equal (word->text, "Reference") ||
                         g_str_equal (word->text, "CF-1A2B-3C4D") ||
                         g_str_equal (word->text, "Page") || g_str_equal (word->text, "of") ||
                         g_ascii_isdigit (word->text[0]));
        }
    }

  last = pdf_page_text (path, n_pages);
  last_marker = g_strdup_printf ("[p%u]", N_MARKERS);
  g_assert_nonnull (strstr (last, last_marker));

  remove_temp_dir (dir);
}

static double
word_height (GArray     *words,
             const char *text)
{
  const Word *word = find_word (words, text);

  return word->y_max - word->y_min;
}

static void
test_large_print (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *normal_path = g_build_filename (dir, "normal.pdf", NULL);
  g_autofree char *large_path = g_build_filename (dir, "large.pdf", NULL);
  g_autoptr(CfDocument) document = long_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) normal_words = NULL;
  g_autoptr(GArray) large_words = NULL;
  g_autofree char *text = NULL;
  guint normal_pages, large_pages;

  g_assert_true (export_pdf (document, normal_path, CF_DOCUMENT_FORMAT_STANDARD, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (export_pdf (document, large_path, CF_DOCUMENT_FORMAT_LARGE_PRINT, NULL,
                             &error));
  g_assert_no_error (error);

  normal_pages = pdf_pages (normal_path);
  large_pages = pdf_pages (large_path);
  g_assert_cmpuint (large_pages, >, normal_pages);

  /* 18 pt against 11 pt body text, and headings larger than the body in both. */
  normal_words = pdf_words (normal_path, 1);
  large_words = pdf_words (large_path, 1);
  g_assert_cmpfloat (word_height (large_words, "dementia.") /
                     word_height (normal_words, "dementia."), >, 1.5);
  g_assert_cmpfloat (word_height (normal_words, "Section"), >,
                     word_height (normal_words, "dementia.") * 1.2);
  g_assert_cmpfloat (word_height (large_words, "Section"), >,
                     word_height (large_words, "dementia.") * 1.2);

  text = cf_test_pdf_text (large_path);
  for (guint i = 1; i <= N_MARKERS; i++)
    {
      g_autofree char *marker = g_strdup_printf ("[p%u]", i);

      g_assert_cmpuint (count_occurrences (text, marker), ==, 1);
    }
  g_assert_cmpuint (count_occurrences (text, FOOTER), ==, large_pages);

  remove_temp_dir (dir);
}

/* In a right-to-left language the text starts on the right and the footer is mirrored. The
 * language decides for the whole record, even for a line in English; without one, each
 * paragraph goes its own way and the footer the interface's. */
static void
test_right_to_left (void)
{
  static const struct
  {
    const char *language;
    const char *text;
    gboolean    body_rtl;
    gboolean    footer_rtl;
  } cases[] = {
    { "en", "Hello world", FALSE, FALSE },
    { "he", "שלום עולם", TRUE, TRUE },
    { "ur", "Hello world", TRUE, TRUE },
    { "pa", "Hello world", FALSE, FALSE },
    { "pa-Arab", "Hello world", TRUE, TRUE },
    { NULL, "שלום עולם", TRUE, FALSE },
  };
  g_autofree char *dir = make_temp_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("%u.pdf", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(CfDocument) document = cf_document_new (cases[i].text);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) words = NULL;
      const Word *reference, *page;
      double body_x_min = PAGE_WIDTH, body_x_max = 0, footer_x_max = 0;

      g_test_message ("language %s", cases[i].language != NULL ? cases[i].language : "none");
      cf_document_set_language (document, cases[i].language);
      cf_document_set_footer (document, "CF-1A2B-3C4D");
      cf_document_add_paragraph (document, cases[i].text);
      cf_document_add_field (document, cases[i].text, "3/3/2026");

      g_assert_true (export_pdf (document, path, CF_DOCUMENT_FORMAT_STANDARD, NULL, &error));
      g_assert_no_error (error);

      words = pdf_words (path, 1);
      reference = find_word (words, "CF-1A2B-3C4D");
      page = find_word (words, "Page");
      for (guint w = 0; w < words->len; w++)
        {
          const Word *word = &g_array_index (words, Word, w);

          if (word->y_max < reference->y_min)
            {
              body_x_min = MIN (body_x_min, word->x_min);
              body_x_max = MAX (body_x_max, word->x_max);
            }
          else
            {
              footer_x_max = MAX (footer_x_max, word->x_max);
            }
        }

      if (cases[i].body_rtl)
        {
          g_assert_cmpfloat (body_x_max, >, PAGE_WIDTH - MARGIN - 2);
          g_assert_cmpfloat (body_x_min, >, PAGE_WIDTH / 2);
        }
      else
        {
          g_assert_cmpfloat (body_x_min, <, MARGIN + 2);
          g_assert_cmpfloat (body_x_max, <, PAGE_WIDTH / 2);
        }

      if (cases[i].footer_rtl)
        {
          g_assert_cmpfloat (reference->x_max, >, PAGE_WIDTH - MARGIN - 2);
          g_assert_cmpfloat (page->x_min, <, MARGIN + 2);
        }
      else
        {
          g_assert_cmpfloat (reference->x_min, <, MARGIN + 2);
          /* “Page 1 of 1” ends at the end of the line. */
          g_assert_cmpfloat (page->x_min, >, PAGE_WIDTH / 2);
          g_assert_cmpfloat (footer_x_max, >, PAGE_WIDTH - MARGIN - 2);
        }
    }

  remove_temp_dir (dir);
}

static void
test_unwritable (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "record.pdf", NULL);
  g_autoptr(CfDocument) document = cf_document_new (TITLE);
  g_autoptr(GError) error = NULL;

  cf_document_add_paragraph (document, "Never saved.");

  g_assert_false (export_pdf (document, missing, CF_DOCUMENT_FORMAT_STANDARD, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "Could not save the PDF “"));
  g_assert_nonnull (strstr (error->message, "record.pdf"));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  g_clear_error (&error);

  /* A folder where the file should be. */
  g_assert_false (export_pdf (document, dir, CF_DOCUMENT_FORMAT_STANDARD, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not save the PDF “"));

  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  remove_temp_dir (dir);
}

/* Spins until GTK's print dialog shows, for @parent. */
static GtkWidget *
wait_for_print_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *dialog = NULL;
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_SECONDS, timed_out_cb, &timed_out);

  while (dialog == NULL && !timed_out)
    {
      g_main_context_iteration (NULL, TRUE);
      for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
        {
          g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

          /* By name: its header is in gtk4-unix-print, which nothing else needs. */
          if (g_str_equal (G_OBJECT_TYPE_NAME (toplevel), "GtkPrintUnixDialog") &&
              gtk_widget_get_visible (GTK_WIDGET (toplevel)))
            dialog = GTK_WIDGET (toplevel);
        }
    }
  if (timed_out)
    g_error ("Timed out after %d seconds waiting for the print dialog", WAIT_SECONDS);
  g_source_remove (timeout_id);

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == parent);

  return dialog;
}

static void
close_print_dialog (GtkWidget *dialog)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* The print dialog opens for the window, and closing it is not an error: nothing printed. */
static void
test_dialog_cancelled_by_person (void)
{
  g_autoptr(CfDocument) document = cf_document_new (TITLE);
  GtkWidget *window = gtk_window_new ();
  Outcome outcome = { 0 };
  GtkWidget *dialog;

  gtk_window_present (GTK_WINDOW (window));
  cf_document_print_async (document, GTK_WINDOW (window), CF_PRINT_DIALOG, NULL, NULL,
                           print_finished_cb, &outcome);
  dialog = wait_for_print_dialog (GTK_WINDOW (window));
  g_assert_false (outcome.finished);

  close_print_dialog (dialog);
  wait_for (&outcome);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  g_assert_false (outcome.printed);

  cf_test_spin (50);
  g_assert_cmpuint (outcome.n_calls, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whoever cancels hears straight away, though the dialog waits for the person; the answer
 * they give later changes nothing. */
static void
test_dialog_cancellable (void)
{
  g_autoptr(CfDocument) document = cf_document_new (TITLE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GtkWidget *window = gtk_window_new ();
  Outcome outcome = { 0 };
  GtkWidget *dialog;

  gtk_window_present (GTK_WINDOW (window));
  cf_document_print_async (document, GTK_WINDOW (window), CF_PRINT_DIALOG, NULL,
                           cancellable, print_finished_cb, &outcome);
  dialog = wait_for_print_dialog (GTK_WINDOW (window));

  g_cancellable_cancel (cancellable);
  wait_for (&outcome);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (outcome.ok);
  g_clear_error (&outcome.error);

  close_print_dialog (dialog);
  cf_test_spin (100);
  g_assert_cmpuint (outcome.n_calls, ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cancelled (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "record.pdf", NULL);
  g_autoptr(CfDocument) document = cf_document_new (TITLE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (export_pdf (document, path, CF_DOCUMENT_FORMAT_STANDARD, cancellable,
                              &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  remove_temp_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  cf_test_gui_init (&argc, &argv);

  g_test_add_func ("/gui/print/pdf/contents", test_contents);
  g_test_add_func ("/gui/print/pdf/paginates", test_paginates);
  g_test_add_func ("/gui/print/pdf/large-print", test_large_print);
  g_test_add_func ("/gui/print/pdf/right-to-left", test_right_to_left);
  g_test_add_func ("/gui/print/pdf/unwritable", test_unwritable);
  g_test_add_func ("/gui/print/cancelled", test_cancelled);
  g_test_add_func ("/gui/print/dialog/cancelled-by-person", test_dialog_cancelled_by_person);
  g_test_add_func ("/gui/print/dialog/cancellable", test_dialog_cancellable);

  return g_test_run ();
}
