/* test-gui-documents.c: a carer's documents as PDFs, in each format and in their language
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Information, consent": the written record, the support plan and the emergency plan
 * are given in the format the carer needs (standard, large print, easy read) and in their
 * language. The PDFs are read back with poppler-utils (build-aux/install-deps): pdftohtml -xml
 * for the size of every piece of text, pdftotext for the words and where they are.
 *
 * The words expected in Polish, Romanian and Urdu are taken from the catalogues the build makes
 * (CF_TEST_LOCALEDIR, po/ in the build folder), never written here: a language whose catalogue
 * is missing, or does not translate a heading, fails the test and says so.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libintl.h>
#include <math.h>
#include <string.h>

#include "cf-assessments.h"
#include "cf-document-print.h"
#include "cf-emergency-plans.h"
#include "cf-language.h"
#include "cf-plans.h"
#include "cf-test-gui.h"
#include "cf-test-util.h"
#include "cf-written-record.h"

#define WAIT_SECONDS 60
/* A4 in points, and the 20 mm margins. */
#define PAGE_WIDTH   595.28
#define MARGIN       56.69
/* The RNIB's clear print guidance: large print is at least 16 pt. */
#define LARGE_POINTS 16.0

typedef struct
{
  char            *dir;
  CfStore         *store;
  CfCarer         *carer;
  CfAssessment    *assessment;
  CfPlan          *plan;
  GPtrArray       *needs;
  GPtrArray       *actions;
  CfEmergencyPlan *emergency;
  GPtrArray       *contacts;
} Fixture;

typedef enum
{
  WRITTEN_RECORD,
  SUPPORT_PLAN,
  EMERGENCY_PLAN,
  N_DOCUMENTS
} Which;

static const char * const document_names[] = { "record", "plan", "emergency" };

static const CfOrganisation organisation = { "Dales Carers", "01632 960000" };

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CfPlanAction *action;
  CfEmergencyContact *contact;
  CfCaredFor *mary;

  fixture->dir = cf_test_make_dir ("documents");
  fixture->store = cf_test_open_store (fixture->dir, NULL);
  fixture->carer = cf_test_save_carer (fixture->store, "given_name", "Zofia", "family_name",
                                       "Nowak", "reference", "CF-AAAA-0002",
                                       "preferred_language", "Polski", NULL);
  mary = cf_carer_add_cared_for (fixture->carer);
  cf_record_set_text (CF_RECORD (mary), "name", "Mary");
  fixture->assessment = cf_test_finished_assessment (fixture->store, fixture->carer, TRUE);

  fixture->plan = cf_plans_create_from_assessment (fixture->store, fixture->carer,
                                                   fixture->assessment, &error);
  g_assert_no_error (error);
  fixture->needs = cf_plans_list_needs (fixture->store,
                                        cf_record_get_id (CF_RECORD (fixture->plan)), &error);
  g_assert_no_error (error);
  cf_record_set_text (CF_RECORD (fixture->plan), "outcomes", "A night's sleep once a week.");
  cf_record_set_int (CF_RECORD (fixture->plan), "cost_pence", 120000);
  fixture->actions = g_ptr_array_new_with_free_func (g_object_unref);
  action = cf_plan_action_new (cf_record_get_id (CF_RECORD (fixture->plan)));
  cf_record_set_text (CF_RECORD (action), "who", "Sam");
  cf_record_set_text (CF_RECORD (action), "what", "Book a sitting service");
  cf_record_set_text (CF_RECORD (action), "due_on", "2026-12-01");
  g_ptr_array_add (fixture->actions, action);

  fixture->emergency = cf_emergency_plans_create (fixture->store, fixture->carer,
                                                  organisation.phone, &error);
  g_assert_no_error (error);
  fixture->contacts = g_ptr_array_new_with_free_func (g_object_unref);
  contact = cf_emergency_contact_new (cf_record_get_id (CF_RECORD (fixture->emergency)));
  cf_record_set_text (CF_RECORD (contact), "name", "Ann Smith");
  cf_record_set_text (CF_RECORD (contact), "phone", "01632 960123");
  g_ptr_array_add (fixture->contacts, contact);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->contacts, g_ptr_array_unref);
  g_clear_object (&fixture->emergency);
  g_clear_pointer (&fixture->actions, g_ptr_array_unref);
  g_clear_pointer (&fixture->needs, g_ptr_array_unref);
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->assessment);
  g_clear_object (&fixture->carer);
  g_clear_object (&fixture->store);
  g_free (fixture->dir);
}

static CfDocument *
build (Fixture          *fixture,
       Which             which,
       CfDocumentFormat  format,
       const char       *language)
{
  switch (which)
    {
    case WRITTEN_RECORD:
      return cf_written_record_build (fixture->carer, fixture->assessment, &organisation, format,
                                      language);
    case SUPPORT_PLAN:
      return cf_plan_document_build (fixture->carer, fixture->plan, fixture->needs,
                                     fixture->actions, "1 March 2027", &organisation, format,
                                     language);
    case EMERGENCY_PLAN:
    case N_DOCUMENTS:
    default:
      return cf_emergency_plan_document_build (fixture->carer, fixture->emergency,
                                               fixture->contacts, NULL, &organisation, format,
                                               language);
    }
}

typedef struct
{
  gboolean  finished;
  gboolean  printed;
  GError   *error;
} Outcome;

static void
printed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Outcome *outcome = user_data;

  cf_document_print_finish (result, &outcome->printed, &outcome->error);
  outcome->finished = TRUE;
}

/* Saves @document as a PDF in @fixture's folder, as Save as PDF does, and returns its path. */
static char *
save_pdf (Fixture    *fixture,
          CfDocument *document,
          const char *name)
{
  g_autofree char *file = g_strconcat (name, ".pdf", NULL);
  char *path = g_build_filename (fixture->dir, file, NULL);
  gint64 until = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  Outcome outcome = { 0 };

  cf_document_print_async (document, NULL, CF_PRINT_EXPORT_PDF, path, NULL, printed_cb,
                           &outcome);
  while (!outcome.finished && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  if (!outcome.finished)
    g_error ("Timed out after %d seconds saving %s", WAIT_SECONDS, path);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.printed);

  return path;
}

/* The size in points of every piece of text in the PDF, from pdftohtml -xml. */
static GArray *
pdf_text_sizes (const char *path)
{
  g_autofree char *xml = cf_test_run_tool ("pdftohtml", "-xml", "-i", "-q", "-stdout", "-zoom",
                                           "1", path, NULL);
  g_autoptr(GRegex) fontspec = g_regex_new ("<fontspec id=\"([0-9]+)\" size=\"([0-9.]+)\"",
                                            G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT, NULL);
  g_autoptr(GRegex) text = g_regex_new ("<text [^>]*font=\"([0-9]+)\"", G_REGEX_DEFAULT,
                                        G_REGEX_MATCH_DEFAULT, NULL);
  g_autoptr(GHashTable) sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *used = g_array_new (FALSE, FALSE, sizeof (double));

  g_regex_match (fontspec, xml, G_REGEX_MATCH_DEFAULT, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    g_hash_table_insert (sizes, g_match_info_fetch (match, 1), g_match_info_fetch (match, 2));
  g_clear_pointer (&match, g_match_info_free);

  g_regex_match (text, xml, G_REGEX_MATCH_DEFAULT, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *id = g_match_info_fetch (match, 1);
      const char *size = g_hash_table_lookup (sizes, id);
      double points;

      g_assert_nonnull (size);
      points = g_ascii_strtod (size, NULL);
      g_array_append_val (used, points);
    }
  g_assert_cmpuint (used->len, >, 0);

  return used;
}

/* What a reader sees, for comparing: compatibility forms folded (an Arabic letter's joined
 * shape is the letter), the direction marks pdftotext puts around right-to-left runs left out,
 * and any run of spaces and line breaks one space. */
static char *
normalise (const char *text)
{
  g_autofree char *folded = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autoptr(GRegex) marks = g_regex_new ("[\\x{200E}\\x{200F}\\x{202A}-\\x{202E}"
                                         "\\x{2066}-\\x{2069}]", G_REGEX_DEFAULT,
                                         G_REGEX_MATCH_DEFAULT, NULL);
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT, NULL);
  g_autofree char *unmarked = NULL;

  g_assert_nonnull (folded);
  unmarked = g_regex_replace_literal (marks, folded, -1, 0, "", G_REGEX_MATCH_DEFAULT, NULL);

  return g_regex_replace_literal (spaces, unmarked, -1, 0, " ", G_REGEX_MATCH_DEFAULT, NULL);
}

/* @text without its spaces. */
static char *
squeeze (const char *text)
{
  GString *squeezed = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (squeezed, *p);

  return g_string_free (squeezed, FALSE);
}

typedef struct
{
  double  x_min, x_max, y_min;
  char   *text;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->text);
}

/* Every word of every page and where it is, from pdftotext. Words of pages after the first
 * are further down: a page is 842 pt. Right-to-left text may come as a word a letter. */
static GArray *
pdf_words (const char *path)
{
  g_autofree char *html = cf_test_run_tool ("pdftotext", "-enc", "UTF-8", "-bbox", path, "-",
                                            NULL);
  g_autoptr(GRegex) regex = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                         "xMax=\"([0-9.]+)\" yMax=\"[0-9.]+\">([^<]*)</word>",
                                         G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_auto(GStrv) pages = g_strsplit (html, "<page ", -1);
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));

  g_array_set_clear_func (words, word_clear);
  for (guint p = 1; pages[0] != NULL && pages[p] != NULL; p++)
    {
      g_regex_match (regex, pages[p], G_REGEX_MATCH_DEFAULT, &match);
      for (; g_match_info_matches (match); g_match_info_next (match, NULL))
        {
          g_autofree char *x_min = g_match_info_fetch (match, 1);
          g_autofree char *y_min = g_match_info_fetch (match, 2);
          g_autofree char *x_max = g_match_info_fetch (match, 3);
          g_autofree char *text = g_match_info_fetch (match, 4);
          Word word = { g_ascii_strtod (x_min, NULL), g_ascii_strtod (x_max, NULL),
                        g_ascii_strtod (y_min, NULL), normalise (text) };

          word.y_min += (p - 1) * 842.0;
          g_array_append_val (words, word);
        }
      g_clear_pointer (&match, g_match_info_free);
    }

  return words;
}

static gboolean
same_line (const Word *a,
           const Word *b)
{
  return fabs (a->y_min - b->y_min) < 1;
}

static int
compare_x (gconstpointer a,
           gconstpointer b,
           gpointer      rtl)
{
  const Word *x = *(const Word * const *) a;
  const Word *y = *(const Word * const *) b;
  int order = x->x_min < y->x_min ? -1 : x->x_min > y->x_min;

  return GPOINTER_TO_INT (rtl) ? -order : order;
}

/* The line of @words that reads @text, from its start (the right in right-to-left text): its
 * words, which may be letters, from left to right across the page; NULL when none does. */
static GPtrArray *
find_line (GArray     *words,
           const char *text,
           gboolean    rtl)
{
  /* Spaces are not drawn, so lines are compared without them. */
  g_autofree char *squeezed = squeeze (text);

  for (guint i = 0; i < words->len; i++)
    {
      g_autoptr(GPtrArray) line = g_ptr_array_new ();
      g_autoptr(GString) reading = g_string_new (NULL);

      for (guint j = 0; j < words->len; j++)
        if (same_line (&g_array_index (words, Word, i), &g_array_index (words, Word, j)))
          g_ptr_array_add (line, &g_array_index (words, Word, j));
      g_ptr_array_sort_with_data (line, compare_x, GINT_TO_POINTER (rtl));
      for (guint j = 0; j < line->len; j++)
        for (const char *p = ((Word *) g_ptr_array_index (line, j))->text; *p != '\0'; p++)
          if (*p != ' ')
            g_string_append_c (reading, *p);

      if (strstr (reading->str, squeezed) != NULL)
        {
          g_ptr_array_sort_with_data (line, compare_x, GINT_TO_POINTER (FALSE));
          return g_steal_pointer (&line);
        }
    }

  return NULL;
}

/* Large print and easy read: no text under 16 pt, footer included. Standard: 11 pt text. */
static void
test_formats (Fixture       *fixture,
              gconstpointer  data)
{
  for (Which which = 0; which < N_DOCUMENTS; which++)
    for (CfDocumentFormat format = 0; format < CF_DOCUMENT_N_FORMATS; format++)
      {
        g_autoptr(CfDocument) document = build (fixture, which, format, "en");
        g_autofree char *name = g_strdup_printf ("%s-%s", document_names[which],
                                                 cf_document_format_to_id (format));
        g_autofree char *path = save_pdf (fixture, document, name);
        g_autoptr(GArray) sizes = pdf_text_sizes (path);
        double smallest = G_MAXDOUBLE;
        gboolean any_body = FALSE;

        for (guint i = 0; i < sizes->len; i++)
          {
            double size = g_array_index (sizes, double, i);

            smallest = MIN (smallest, size);
            any_body = any_body || (size > 10.5 && size < 11.5);
          }
        g_test_message ("%s: smallest text %.1f pt", name, smallest);

        if (format == CF_DOCUMENT_FORMAT_STANDARD)
          g_assert_true (any_body);
        else
          g_assert_cmpfloat (smallest, >=, LARGE_POINTS);
      }
}

/* Easy read on paper: each "Label: value" on one line, the words plain. */
static void
test_easy_read_on_paper (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const lines[N_DOCUMENTS][4] = {
    { "Your name: Zofia Nowak", "You look after: Mary", "You can get support from us.", NULL },
    { "Who: Sam", "What: Book a sitting service", "By: 1 December 2026", NULL },
    { "Person 1 to call: Ann Smith", "Phone: 01632 960123", "Call: Dales Carers", NULL },
  };

  for (Which which = 0; which < N_DOCUMENTS; which++)
    {
      g_autoptr(CfDocument) document = build (fixture, which, CF_DOCUMENT_FORMAT_EASY_READ,
                                              "en");
      g_autofree char *name = g_strdup_printf ("%s-easy-read", document_names[which]);
      g_autofree char *path = save_pdf (fixture, document, name);
      g_autofree char *text = cf_test_run_tool ("pdftotext", "-enc", "UTF-8", "-layout", path,
                                                "-", NULL);
      g_auto(GStrv) page_lines = g_strsplit (text, "\n", -1);

      for (guint i = 0; lines[which][i] != NULL; i++)
        {
          gboolean found = FALSE;

          for (guint l = 0; page_lines[l] != NULL && !found; l++)
            found = strstr (page_lines[l], lines[which][i]) != NULL;
          if (!found)
            g_error ("“%s” is not one line of %s:\n%s", lines[which][i], name, text);
        }
    }
}

/* The headings each document has in each format, as Carefield writes them in English. */
static const struct
{
  Which             which;
  CfDocumentFormat  format;
  const char       *heading;
} headings[] = {
  { WRITTEN_RECORD, CF_DOCUMENT_FORMAT_STANDARD, N_("The decision") },
  { WRITTEN_RECORD, CF_DOCUMENT_FORMAT_STANDARD, N_("If you disagree") },
  { WRITTEN_RECORD, CF_DOCUMENT_FORMAT_EASY_READ, N_("What we decided") },
  { WRITTEN_RECORD, CF_DOCUMENT_FORMAT_EASY_READ, N_("If you do not agree") },
  { SUPPORT_PLAN, CF_DOCUMENT_FORMAT_STANDARD, N_("Your personal budget") },
  { SUPPORT_PLAN, CF_DOCUMENT_FORMAT_STANDARD, N_("Who will do what") },
  { SUPPORT_PLAN, CF_DOCUMENT_FORMAT_EASY_READ, N_("Money") },
  { SUPPORT_PLAN, CF_DOCUMENT_FORMAT_EASY_READ, N_("Who will do what") },
  { EMERGENCY_PLAN, CF_DOCUMENT_FORMAT_STANDARD, N_("Who to call, in this order") },
  { EMERGENCY_PLAN, CF_DOCUMENT_FORMAT_STANDARD, N_("About this plan") },
  { EMERGENCY_PLAN, CF_DOCUMENT_FORMAT_EASY_READ, N_("Who to call") },
  { EMERGENCY_PLAN, CF_DOCUMENT_FORMAT_EASY_READ, N_("What helpers need to know") },
};

/* @heading as the catalogue for @language has it. */
static char *
translate (const char *language,
           const char *heading)
{
  CfLanguageScope scope = { 0 };
  char *translated;

  cf_language_scope_begin (&scope, language);
  translated = g_strdup (g_dgettext (GETTEXT_PACKAGE, heading));
  cf_language_scope_end (&scope);

  return translated;
}

/* The worker's screen stays English; the carer's documents are in Polish, Romanian and Urdu,
 * their headings as the catalogues say, and the Urdu ones start from the right. */
static void
test_languages (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const languages[] = { "pl", "ro", "ur" };
  const char *localedir = g_getenv ("CF_TEST_LOCALEDIR");
  g_autoptr(GString) problems = g_string_new (NULL);

  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      const char *language = languages[l];
      g_autofree char *catalogue = g_build_filename (localedir, language, "LC_MESSAGES",
                                                     GETTEXT_PACKAGE ".mo", NULL);

      if (!g_file_test (catalogue, G_FILE_TEST_IS_REGULAR))
        {
          g_string_append_printf (problems, "No %s catalogue at %s: po/%s.po must exist and "
                                  "po/LINGUAS name “%s”.\n", language, catalogue, language,
                                  language);
          continue;
        }
      g_assert_true (cf_language_is_translated (language));

      for (Which which = 0; which < N_DOCUMENTS; which++)
        for (CfDocumentFormat format = CF_DOCUMENT_FORMAT_STANDARD;
             format <= CF_DOCUMENT_FORMAT_EASY_READ; format += 2)
          {
            g_autoptr(CfDocument) document = build (fixture, which, format, language);
            g_autofree char *name = g_strdup_printf ("%s-%s-%s", document_names[which],
                                                     cf_document_format_to_id (format),
                                                     language);
            g_autofree char *path = save_pdf (fixture, document, name);
            g_autofree char *raw = cf_test_pdf_text (path);
            g_autofree char *text = normalise (raw);
            g_autofree char *squeezed_text = squeeze (text);
            g_autoptr(GArray) words = pdf_words (path);

            g_assert_cmpstr (cf_document_get_language (document), ==, language);
            for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
              {
                g_autofree char *translated = NULL;
                g_autofree char *expected = NULL;
                g_autofree char *squeezed = NULL;
                g_autoptr(GPtrArray) line = NULL;
                const Word *start, *end;

                if (headings[h].which != which || headings[h].format != format)
                  continue;

                translated = translate (language, headings[h].heading);
                if (g_str_equal (translated, headings[h].heading))
                  {
                    g_string_append_printf (problems, "po/%s.po does not translate “%s”.\n",
                                            language, headings[h].heading);
                    continue;
                  }

                expected = normalise (translated);
                /* Without spaces: pdftotext may move one around a comma in right-to-left
                 * text. */
                if (strstr (squeezed_text, squeezed = squeeze (expected)) == NULL)
                  {
                    g_string_append_printf (problems, "%s.pdf lacks its heading “%s”:\n%s\n",
                                            name, expected, raw);
                    continue;
                  }

                /* The heading starts at the start of the line: the right in Urdu. */
                line = find_line (words, expected, g_str_equal (language, "ur"));
                if (line == NULL)
                  {
                    g_autofree char *bbox = cf_test_run_tool ("pdftotext", "-enc", "UTF-8",
                                                              "-bbox", path, "-", NULL);

                    g_error ("No line of %s reads “%s”:\n%s", name, expected, bbox);
                  }
                start = g_ptr_array_index (line, 0);
                end = g_ptr_array_index (line, line->len - 1);
                if (g_str_equal (language, "ur"))
                  {
                    g_assert_cmpfloat (end->x_max, >, PAGE_WIDTH - MARGIN - 2);
                    g_assert_cmpfloat (start->x_min, >, MARGIN + 10);
                  }
                else
                  {
                    g_assert_cmpfloat (start->x_min, <, MARGIN + 2);
                    g_assert_cmpfloat (end->x_max, <, PAGE_WIDTH - MARGIN - 10);
                  }
              }
          }
    }

  /* The worker's own words never changed language. */
  g_assert_cmpstr (_("The decision"), ==, "The decision");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);

  if (problems->len > 0)
    g_error ("The documents are not in the carer's language:\n%s", problems->str);
}

int
main (int    argc,
      char **argv)
{
  cf_test_gui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/documents/formats", test_formats);
  ADD ("/gui/documents/easy-read-on-paper", test_easy_read_on_paper);
  ADD ("/gui/documents/languages", test_languages);
#undef ADD

  return g_test_run ();
}
