/* bench-print.c: how long the written record takes to become a PDF
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a real written record (a finished, eligible assessment with notes) and exports it to
 * PDF in standard print, large print and easy read, as the Save as PDF button does. Export runs on the main
 * thread, so this is also how long the window waits. Needs a display; run with
 * `xvfb-run -a meson test -C _build --benchmark`. Prints medians and maxima; asserts nothing.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "cf-assessments.h"
#include "cf-demo.h"
#include "cf-document-print.h"
#include "cf-test-gui.h"
#include "cf-written-record.h"

#define RUNS 7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
on_printed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  gboolean printed = FALSE;

  if (!cf_document_print_finish (result, &printed, &error))
    g_error ("%s", error->message);
  *done = TRUE;
}

static void
measure (CfDocument *document,
         const char *path,
         const char *what)
{
  double ms[RUNS];
  GStatBuf info;

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gboolean done = FALSE;

      cf_document_print_async (document, NULL, CF_PRINT_EXPORT_PDF, path, NULL, on_printed,
                               &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (ms, RUNS, sizeof (double), compare_doubles);
  g_stat (path, &info);
  g_print ("%-46s median %8.2f ms   max %8.2f ms   %7.1f KiB\n", what, ms[RUNS / 2],
           ms[RUNS - 1], info.st_size / 1024.0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(CfCarer) carer = NULL;
  g_autoptr(CfAssessment) assessment = NULL;
  g_autoptr(CfDocument) document = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) key = g_bytes_new ("0123456789abcdef0123456789abcdef", 32);
  const CfOrganisation organisation = { "Bench Carers", "01632 960000" };

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_print ("bench-print needs a display: run it under xvfb-run\n");
      return 0;
    }

  cf_test_gui_init (&argc, &argv);
  dir = g_dir_make_tmp ("carefield-bench-print-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "carefield.db", NULL);
  store = cf_store_new (path, key, NULL, &error);
  g_assert_no_error (error);

  carer = cf_carer_new ();
  cf_record_set_text (CF_RECORD (carer), "given_name", "Zoë");
  cf_record_set_text (CF_RECORD (carer), "family_name", "Goldcrest");
  g_assert_true (cf_store_save_carer (store, carer, &error));
  assessment = cf_assessments_start (store, carer, "carer", "face-to-face", NULL, NULL, NULL,
                                     &error);
  g_assert_no_error (error);
  cf_demo_answer_assessment (assessment, TRUE);
  cf_assessment_set_answer (assessment, "caring.role",
                            "Helps her husband wash, dress and eat; gives his medicines four "
                            "times a day; drives him to hospital appointments twice a week.",
                            NULL);
  cf_assessment_set_answer (assessment, "matters.what_matters",
                            "Keeping her job three mornings a week and seeing her sister.", NULL);
  cf_assessment_set_field (assessment, "decision", CF_DECISION_ELIGIBLE, NULL);
  cf_assessment_set_field (assessment, "decided_by", "organisation", NULL);
  g_assert_true (cf_assessments_finish (store, assessment, &error));
  g_assert_no_error (error);

  g_free (path);
  path = g_build_filename (dir, "record.pdf", NULL);
  for (CfDocumentFormat format = 0; format < CF_DOCUMENT_N_FORMATS; format++)
    {
      g_autofree char *what = g_strdup_printf ("written record to PDF, %s",
                                               cf_document_format_to_id (format));

      document = cf_written_record_build (carer, assessment, &organisation, format, NULL);
      measure (document, path, what);
      g_clear_pointer (&document, cf_document_unref);
    }
  g_remove (path);
  g_rmdir (dir);

  return 0;
}
