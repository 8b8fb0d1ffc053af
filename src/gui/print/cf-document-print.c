/* cf-document-print.c: prints a CfDocument, or saves it as a PDF, in the document's format
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The carer must be given a written record of the assessment (Care Act 2014, s.13), and a copy
 * of their plans, in the format they need (DOMAIN.md, "Information, consent": the Accessible
 * Information Standard). Many carers are older and some have sight loss, so large print has
 * body text at 18 pt, above the 16 pt the RNIB's clear print guidance asks for, with headings
 * and the title the same proportion larger as in standard print. Easy read (cf-easy-read.c) is
 * printed as large, with more room between lines and around each, and each "Label: value"
 * on one line, the label in bold. All are a plain sans font, start-aligned
 * (never justified), with generous line spacing.
 *
 * Each block of the document becomes one PangoLayout. begin-print measures the lines of every
 * layout and deals them out onto pages: a block may continue on the next page, but a line never
 * does, a heading stays with what follows it, a field's label stays with the start of its value,
 * and a paragraph does not leave a lone first line at the foot of a page. draw-page then only
 * draws the lines it was given.
 *
 * The document's language, when set, is the Pango language (fonts, line breaking) and decides
 * which side is the start: a record in Urdu starts on the right, footer included.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cf-document-print.h"

/* Sizes in points; headings, the title and the footer scale with the body text. */
#define BODY_POINTS          11.0
#define LARGE_BODY_POINTS    18.0
#define EASY_READ_POINTS     18.0
#define HEADING_SCALE        1.3
#define TITLE_SCALE          1.6
#define FOOTER_SCALE         0.9
#define BODY_LINE_SPACING    1.4
#define EASY_LINE_SPACING    1.6
#define HEADING_LINE_SPACING 1.2
#define MARGIN_MM            20.0

typedef struct
{
  double           top;       /* points, in the block's own layout */
  double           bottom;
  double           baseline;
  double           x;
  PangoLayoutLine *line;      /* owned by the layout */
} LineBox;

typedef struct
{
  PangoLayout *layout;
  GArray      *lines;           /* LineBox */
  double       space_before;
  double       space_after;
  guint        keep_lines;      /* lines at the start that must share a page */
  gboolean     keep_with_next;  /* and with the first lines of the next block */
} Block;

/* The lines of one block that go on one page. */
typedef struct
{
  guint  block;
  guint  first_line;
  guint  n_lines;
  double y;                     /* where the first line's top goes on the page */
} Slice;

typedef struct
{
  CfDocument        *document;
  GtkPrintOperation *operation;
  CfPrintAction      action;
  char              *pdf_path;
  gboolean           returned;
  GCancellable      *cancellable;
  gulong             cancelled_id;
  PangoLanguage     *language;
  PangoDirection     direction;
  gboolean           language_decides;  /* the language says which way, not each paragraph */
  double             body_points;
  double             line_spacing;
  gboolean           easy_read;

  /* Made in begin-print, for the paper the person chose. */
  double             width;
  double             height;
  GPtrArray         *blocks;         /* Block, the title first */
  GArray            *slices;         /* Slice, page after page */
  GArray            *page_starts;    /* guint: the first slice of each page */
  PangoLayout       *footer;
  double             footer_height;
  double             number_width;   /* room kept for "Page N of M" */
} PrintJob;

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_clear_pointer (&block->lines, g_array_unref);
  g_free (block);
}

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  if (job->cancelled_id != 0)
    g_cancellable_disconnect (job->cancellable, job->cancelled_id);
  if (job->operation != NULL)
    g_signal_handlers_disconnect_by_data (job->operation, job);

  g_clear_object (&job->operation);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->document, cf_document_unref);
  g_clear_pointer (&job->pdf_path, g_free);
  g_clear_pointer (&job->blocks, g_ptr_array_unref);
  g_clear_pointer (&job->slices, g_array_unref);
  g_clear_pointer (&job->page_starts, g_array_unref);
  g_clear_object (&job->footer);
  g_free (job);
}

/* Returns @task once, whichever of "done" and the cancellable comes first; takes @error. */
static void
print_job_return (GTask    *task,
                  GError   *error,
                  gboolean  printed)
{
  PrintJob *job = g_task_get_task_data (task);

  if (job->returned)
    {
      g_clear_error (&error);
      return;
    }

  job->returned = TRUE;
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, printed ? 1 : 0);
}

static gboolean
script_is_right_to_left (GUnicodeScript script)
{
  switch (script)
    {
    case G_UNICODE_SCRIPT_ARABIC:
    case G_UNICODE_SCRIPT_HEBREW:
    case G_UNICODE_SCRIPT_SYRIAC:
    case G_UNICODE_SCRIPT_THAANA:
    case G_UNICODE_SCRIPT_NKO:
    case G_UNICODE_SCRIPT_SAMARITAN:
    case G_UNICODE_SCRIPT_MANDAIC:
    case G_UNICODE_SCRIPT_ADLAM:
    case G_UNICODE_SCRIPT_HANIFI_ROHINGYA:
    case G_UNICODE_SCRIPT_MENDE_KIKAKUI:
      return TRUE;

    default:
      return FALSE;
    }
}

/* The direction of the document as a whole, which sets the side the footer starts from.
 *
 * When the document's language gives it, every block follows it too: an English name as a
 * field's value in an Urdu record still starts on the right, under its label. Without a
 * language, Pango finds each paragraph's direction from its own text (the interface's
 * direction only placing lines with none, such as a date), so an Arabic paragraph still
 * mirrors in a record nobody gave a language. */
static void
find_direction (PrintJob *job)
{
  GUnicodeScript script = G_UNICODE_SCRIPT_UNKNOWN;

  if (job->language != NULL)
    {
      g_auto(GStrv) subtags = g_strsplit (pango_language_to_string (job->language), "-", -1);
      int n_scripts = 0;
      const PangoScript *scripts = pango_language_get_scripts (job->language, &n_scripts);

      /* A script subtag wins: Punjabi is written in Gurmukhi, but "pa-Arab" in Shahmukhi. */
      for (guint i = 1; subtags[i] != NULL && script == G_UNICODE_SCRIPT_UNKNOWN; i++)
        {
          const char *tag = subtags[i];

          if (strlen (tag) == 4 && g_ascii_isalpha (tag[0]) && g_ascii_isalpha (tag[1]) &&
              g_ascii_isalpha (tag[2]) && g_ascii_isalpha (tag[3]))
            script = g_unicode_script_from_iso15924 ((guint32) g_ascii_toupper (tag[0]) << 24 |
                                                     (guint32) g_ascii_tolower (tag[1]) << 16 |
                                                     (guint32) g_ascii_tolower (tag[2]) << 8 |
                                                     (guint32) g_ascii_tolower (tag[3]));
        }
      if (script == G_UNICODE_SCRIPT_UNKNOWN && n_scripts > 0)
        script = (GUnicodeScript) scripts[0];
    }

  if (script != G_UNICODE_SCRIPT_UNKNOWN)
    {
      job->direction = script_is_right_to_left (script) ? PANGO_DIRECTION_RTL
                                                        : PANGO_DIRECTION_LTR;
      job->language_decides = TRUE;
      return;
    }

  job->direction = gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL
                     ? PANGO_DIRECTION_RTL
                     : PANGO_DIRECTION_LTR;
  job->language_decides = FALSE;
}

static PangoLayout *
new_layout (PrintJob        *job,
            GtkPrintContext *context,
            double           points,
            PangoWeight      weight,
            double           line_spacing,
            double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoContext *pango_context = pango_layout_get_context (layout);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  if (job->language != NULL)
    pango_context_set_language (pango_context, job->language);
  pango_context_set_base_dir (pango_context, job->direction);
  pango_layout_context_changed (layout);

  pango_font_description_set_size (font, (int) (points * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);

  /* Start-aligned: in Pango, "right" in a right-to-left context is the start, and with
   * auto-dir a paragraph written the other way round swaps it again. */
  pango_layout_set_auto_dir (layout, !job->language_decides);
  pango_layout_set_alignment (layout, job->direction == PANGO_DIRECTION_RTL ? PANGO_ALIGN_RIGHT
                                                                            : PANGO_ALIGN_LEFT);
  pango_layout_set_line_spacing (layout, line_spacing);
  /* A long word (an e-mail address) breaks rather than running into the margin. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, pango_units_from_double (width));

  return layout;
}

static void
measure_lines (Block *block)
{
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (block->layout);

  do
    {
      PangoRectangle logical;
      LineBox box;
      int top, bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      box.top = pango_units_to_double (top);
      box.bottom = pango_units_to_double (bottom);
      box.baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      box.x = pango_units_to_double (logical.x);
      box.line = pango_layout_iter_get_line_readonly (iter);
      g_array_append_val (block->lines, box);
    }
  while (pango_layout_iter_next_line (iter));
}

static Block *
add_block (PrintJob    *job,
           PangoLayout *layout,
           double       space_before,
           double       space_after,
           guint        keep_lines,
           gboolean     keep_with_next)
{
  Block *block = g_new0 (Block, 1);

  block->layout = layout;
  block->lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
  block->space_before = space_before;
  block->space_after = space_after;
  block->keep_with_next = keep_with_next;
  measure_lines (block);
  block->keep_lines = MIN (keep_lines, block->lines->len);
  g_ptr_array_add (job->blocks, block);

  return block;
}

static void
add_text_block (PrintJob        *job,
                GtkPrintContext *context,
                const char      *text,
                double           points,
                PangoWeight      weight,
                double           line_spacing,
                double           space_before,
                double           space_after,
                guint            keep_lines,
                gboolean         keep_with_next)
{
  PangoLayout *layout = new_layout (job, context, points, weight, line_spacing, job->width);

  pango_layout_set_text (layout, text, -1);
  add_block (job, layout, space_before, space_after, keep_lines, keep_with_next);
}

/* The label in bold on its own line(s), the value under it: a long value then wraps under
 * itself, and the two never end up on different pages. */
static void
add_field_block (PrintJob        *job,
                 GtkPrintContext *context,
                 const char      *label,
                 const char      *value)
{
  PangoLayout *layout = new_layout (job, context, job->body_points, PANGO_WEIGHT_NORMAL,
                                    job->line_spacing, job->width);
  g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();
  PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
  g_autofree char *text = NULL;
  guint label_lines = 0;
  Block *block;

  /* Easy read keeps each "Label: value" on one line, as it was written: one idea a line. */
  if (job->easy_read)
    text = *value != '\0' ? g_strconcat (label, ": ", value, NULL) : g_strdup (label);
  else
    text = *value != '\0' ? g_strconcat (label, "\n", value, NULL) : g_strdup (label);
  bold->start_index = 0;
  bold->end_index = strlen (label);
  pango_attr_list_insert (attributes, bold);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_attributes (layout, attributes);

  block = add_block (job, layout, 0, job->body_points * (job->easy_read ? 0.9 : 0.6), G_MAXUINT,
                     FALSE);
  for (guint i = 0; i < block->lines->len; i++)
    {
      const LineBox *box = &g_array_index (block->lines, LineBox, i);

      if ((gsize) pango_layout_line_get_start_index (box->line) < strlen (label))
        label_lines++;
    }
  block->keep_lines = MIN (label_lines + 1, block->lines->len);
}

/* "• text", with later lines lined up under the text rather than under the bullet. */
static void
add_bullet_block (PrintJob        *job,
                  GtkPrintContext *context,
                  const char      *text)
{
  static const char bullet[] = "•\u00a0";
  PangoLayout *layout = new_layout (job, context, job->body_points, PANGO_WEIGHT_NORMAL,
                                    job->line_spacing, job->width);
  g_autofree char *bulleted = g_strconcat (bullet, text, NULL);
  int bullet_width;

  pango_layout_set_text (layout, bullet, -1);
  pango_layout_get_size (layout, &bullet_width, NULL);
  pango_layout_set_indent (layout, -bullet_width);
  pango_layout_set_text (layout, bulleted, -1);

  add_block (job, layout, 0, job->body_points * (job->easy_read ? 0.9 : 0.35), 2, FALSE);
}

static void
make_blocks (PrintJob        *job,
             GtkPrintContext *context)
{
  double body = job->body_points;
  double heading_gap = body * (job->easy_read ? 1.8 : 1.2);
  double paragraph_gap = body * (job->easy_read ? 0.9 : 0.8);
  guint n_blocks = cf_document_get_n_blocks (job->document);

  add_text_block (job, context, cf_document_get_title (job->document), body * TITLE_SCALE,
                  PANGO_WEIGHT_BOLD, HEADING_LINE_SPACING, 0, body * 1.2, G_MAXUINT, TRUE);

  for (guint i = 0; i < n_blocks; i++)
    {
      const char *text, *value;

      switch (cf_document_get_block (job->document, i, &text, &value))
        {
        case CF_DOCUMENT_HEADING:
          add_text_block (job, context, text, body * HEADING_SCALE, PANGO_WEIGHT_BOLD,
                          HEADING_LINE_SPACING, heading_gap, body * 0.5, G_MAXUINT, TRUE);
          break;

        case CF_DOCUMENT_FIELD:
          add_field_block (job, context, text, value);
          break;

        case CF_DOCUMENT_BULLET:
          add_bullet_block (job, context, text);
          break;

        case CF_DOCUMENT_PARAGRAPH:
        default:
          add_text_block (job, context, text, body, PANGO_WEIGHT_NORMAL, job->line_spacing,
                          0, paragraph_gap, 2, FALSE);
          break;
        }
    }
}

static double
lines_height (const Block *block,
              guint        first,
              guint        n_lines)
{
  if (n_lines == 0)
    return 0;

  return g_array_index (block->lines, LineBox, first + n_lines - 1).bottom -
         g_array_index (block->lines, LineBox, first).top;
}

static void
start_page (PrintJob *job,
            double   *y)
{
  guint first = job->slices->len;

  /* A page with nothing on it yet is simply reused. */
  if (job->page_starts->len == 0 ||
      g_array_index (job->page_starts, guint, job->page_starts->len - 1) != first)
    g_array_append_val (job->page_starts, first);
  *y = 0;
}

static void
paginate (PrintJob *job,
          double    body_height)
{
  double y = 0;

  start_page (job, &y);

  for (guint b = 0; b < job->blocks->len; b++)
    {
      const Block *block = g_ptr_array_index (job->blocks, b);
      double need = lines_height (block, 0, block->keep_lines);
      guint line = 0;

      if (y > 0)
        need += block->space_before;
      if (block->keep_with_next && b + 1 < job->blocks->len)
        {
          const Block *next = g_ptr_array_index (job->blocks, b + 1);

          need += block->space_after + next->space_before +
                  lines_height (next, 0, MIN (next->keep_lines, 2));
        }
      /* On an empty page, whatever does not fit is placed anyway, or nothing would ever be. */
      if (y > 0 && y + need > body_height)
        start_page (job, &y);
      if (y > 0)
        y += block->space_before;

      while (line < block->lines->len)
        {
          guint fit = 0;
          Slice slice;

          while (line + fit < block->lines->len &&
                 y + lines_height (block, line, fit + 1) <= body_height)
            fit++;
          if (fit == 0 && y == 0)
            fit = 1;
          if (fit == 0)
            {
              start_page (job, &y);
              continue;
            }

          slice.block = b;
          slice.first_line = line;
          slice.n_lines = fit;
          slice.y = y;
          g_array_append_val (job->slices, slice);
          y += lines_height (block, line, fit);
          line += fit;
          if (line < block->lines->len)
            start_page (job, &y);
        }

      y += block->space_after;
    }
}

static char *
page_label (int page,
            int n_pages)
{
  /* Translators: at the foot of every page of a printed record, such as “Page 1 of 3” */
  return g_strdup_printf (_("Page %1$d of %2$d"), page, n_pages);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                gpointer           user_data)
{
  PrintJob *job = user_data;
  cairo_surface_t *target = cairo_get_target (gtk_print_context_get_cairo_context (context));
  const char *footer = cf_document_get_footer (job->document);
  g_autoptr(PangoLayout) widest_number = NULL;
  g_autofree char *widest_text = NULL;
  double gap;
  int width, height;

  /* PDF readers and screen readers announce the title. */
  if (cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_PDF)
    {
      cairo_pdf_surface_set_metadata (target, CAIRO_PDF_METADATA_TITLE,
                                      cf_document_get_title (job->document));
      cairo_pdf_surface_set_metadata (target, CAIRO_PDF_METADATA_CREATOR, "Carefield");
    }

  job->width = gtk_print_context_get_width (context);
  job->height = gtk_print_context_get_height (context);
  gap = job->body_points;

  /* Room for "Page N of M" at the end of the footer, wide enough for any real document; the
   * footer's own text wraps in what is left. */
  widest_number = new_layout (job, context, job->body_points * FOOTER_SCALE,
                              PANGO_WEIGHT_NORMAL, 0, -1);
  widest_text = page_label (888, 888);
  pango_layout_set_text (widest_number, widest_text, -1);
  pango_layout_get_size (widest_number, &width, &height);
  job->number_width = pango_units_to_double (width);
  job->footer_height = pango_units_to_double (height);

  if (footer != NULL && *footer != '\0')
    {
      job->footer = new_layout (job, context, job->body_points * FOOTER_SCALE,
                                PANGO_WEIGHT_NORMAL, 0,
                                MAX (job->width - job->number_width - gap, job->width / 3));
      /* At the document's start, whichever way the reference itself reads. */
      pango_layout_set_auto_dir (job->footer, FALSE);
      pango_layout_set_text (job->footer, footer, -1);
      pango_layout_get_size (job->footer, NULL, &height);
      job->footer_height = MAX (job->footer_height, pango_units_to_double (height));
    }

  make_blocks (job, context);
  paginate (job, job->height - job->footer_height - gap);
  gtk_print_operation_set_n_pages (operation, job->page_starts->len);
}

static void
draw_footer (PrintJob        *job,
             GtkPrintContext *context,
             cairo_t         *cr,
             int              page_nr)
{
  g_autoptr(PangoLayout) number = new_layout (job, context, job->body_points * FOOTER_SCALE,
                                              PANGO_WEIGHT_NORMAL, 0, -1);
  g_autofree char *text = NULL;
  gboolean rtl = job->direction == PANGO_DIRECTION_RTL;
  double top = job->height - job->footer_height;
  int width;

  text = page_label (page_nr + 1, (int) job->page_starts->len);
  pango_layout_set_text (number, text, -1);
  pango_layout_get_size (number, &width, NULL);
  cairo_move_to (cr, rtl ? 0 : job->width - pango_units_to_double (width), top);
  pango_cairo_show_layout (cr, number);

  if (job->footer != NULL)
    {
      double footer_width = pango_units_to_double (pango_layout_get_width (job->footer));

      cairo_move_to (cr, rtl ? job->width - footer_width : 0, top);
      pango_cairo_show_layout (cr, job->footer);
    }
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              gpointer           user_data)
{
  PrintJob *job = user_data;
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  guint first, end;

  g_assert (page_nr >= 0 && (guint) page_nr < job->page_starts->len);

  first = g_array_index (job->page_starts, guint, page_nr);
  end = (guint) page_nr + 1 < job->page_starts->len
          ? g_array_index (job->page_starts, guint, page_nr + 1)
          : job->slices->len;

  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint s = first; s < end; s++)
    {
      const Slice *slice = &g_array_index (job->slices, Slice, s);
      const Block *block = g_ptr_array_index (job->blocks, slice->block);
      double top = g_array_index (block->lines, LineBox, slice->first_line).top;

      for (guint i = slice->first_line; i < slice->first_line + slice->n_lines; i++)
        {
          const LineBox *box = &g_array_index (block->lines, LineBox, i);

          cairo_move_to (cr, box->x, slice->y + box->baseline - top);
          pango_cairo_show_layout_line (cr, box->line);
        }
    }

  draw_footer (job, context, cr, page_nr);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  /* The reference cf_document_print_async() gave this handler. */
  g_autoptr(GTask) task = user_data;
  PrintJob *job = g_task_get_task_data (task);
  g_autoptr(GError) print_error = NULL;

  g_signal_handlers_disconnect_by_func (operation, done_cb, user_data);

  /* Only asked for on failure: GTK complains when there is no error to give. */
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &print_error);
      if (print_error == NULL)
        print_error = g_error_new_literal (GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL,
                                           _("The printing system did not say why"));
    }

  if (print_error != NULL)
    {
      g_autofree char *name = NULL;
      g_autofree char *message = NULL;

      if (job->action == CF_PRINT_EXPORT_PDF)
        {
          name = g_filename_display_name (job->pdf_path);
          /* Translators: "%1$s" is a file name, "%2$s" what went wrong */
          message = g_strdup_printf (_("Could not save the PDF “%1$s”: %2$s"), name,
                                     print_error->message);
        }
      else
        {
          /* Translators: "%s" is what went wrong, as the printing system put it */
          message = g_strdup_printf (_("Could not print: %s"), print_error->message);
        }
      print_job_return (task,
                        g_error_new_literal (print_error->domain, print_error->code, message),
                        FALSE);
    }
  else if (g_cancellable_is_cancelled (job->cancellable))
    {
      print_job_return (task,
                        g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                             _("Printing was cancelled")),
                        FALSE);
    }
  else
    {
      print_job_return (task, NULL, result == GTK_PRINT_OPERATION_RESULT_APPLY);
    }
}

/* The person may wait a long time before answering the dialog; whoever cancelled should not. */
static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  GTask *task = user_data;
  PrintJob *job = g_task_get_task_data (task);

  gtk_print_operation_cancel (job->operation);
  print_job_return (task,
                    g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                         _("Printing was cancelled")),
                    FALSE);
}

/* Cairo reports a file it cannot write only as "error while writing to output stream"; trying
 * first gives the person the reason (no such folder, permission denied). */
static gboolean
check_writable (const char  *path,
                GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);
  int saved_errno = errno;

  if (fd < 0)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: "%1$s" is a file name, "%2$s" what went wrong */
                   _("Could not save the PDF “%1$s”: %2$s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  g_close (fd, NULL);

  return TRUE;
}

static GtkPageSetup *
a4_page_setup (void)
{
  GtkPageSetup *page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (page_setup, a4);
  gtk_page_setup_set_top_margin (page_setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (page_setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (page_setup, MARGIN_MM, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (page_setup, MARGIN_MM, GTK_UNIT_MM);

  return page_setup;
}

/**
 * cf_document_print_async:
 * @document: what to print
 * @parent: (nullable): the window the print dialog belongs to
 * @action: show the print dialog, or save straight to @pdf_path
 * @pdf_path: (nullable): where to save the PDF, for %CF_PRINT_EXPORT_PDF
 * @cancellable: (nullable): cancels the operation, from the main thread; a print dialog
 *   already showing stays until the person answers it, but nothing is printed
 *
 * Lays @document out on A4 pages with 20 mm margins (the person can choose other paper in
 * the dialog), in the document's format (cf_document_get_format(): large print and easy read
 * have 18 pt body text), and prints it or saves it as a PDF. Finish with
 * cf_document_print_finish().
 */
void
cf_document_print_async (CfDocument          *document,
                         GtkWindow           *parent,
                         CfPrintAction        action,
                         const char          *pdf_path,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autoptr(GError) error = NULL;
  const char *language;
  PrintJob *job;

  g_return_if_fail (document != NULL);
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (action == CF_PRINT_DIALOG || action == CF_PRINT_EXPORT_PDF);
  g_return_if_fail (action != CF_PRINT_EXPORT_PDF || pdf_path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_document_print_async);

  job = g_new0 (PrintJob, 1);
  job->document = cf_document_ref (document);
  job->action = action;
  job->pdf_path = g_strdup (pdf_path);
  switch (cf_document_get_format (document))
    {
    case CF_DOCUMENT_FORMAT_LARGE_PRINT:
      job->body_points = LARGE_BODY_POINTS;
      job->line_spacing = BODY_LINE_SPACING;
      break;

    case CF_DOCUMENT_FORMAT_EASY_READ:
      job->body_points = EASY_READ_POINTS;
      job->line_spacing = EASY_LINE_SPACING;
      job->easy_read = TRUE;
      break;

    case CF_DOCUMENT_FORMAT_STANDARD:
    default:
      job->body_points = BODY_POINTS;
      job->line_spacing = BODY_LINE_SPACING;
      break;
    }
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  job->blocks = g_ptr_array_new_with_free_func (block_free);
  job->slices = g_array_new (FALSE, FALSE, sizeof (Slice));
  job->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  language = cf_document_get_language (document);
  job->language = language != NULL ? pango_language_from_string (language) : NULL;
  find_direction (job);
  g_task_set_task_data (task, job, print_job_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (action == CF_PRINT_EXPORT_PDF && !check_writable (pdf_path, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job->operation = gtk_print_operation_new ();
  page_setup = a4_page_setup ();
  gtk_print_operation_set_job_name (job->operation, cf_document_get_title (document));
  gtk_print_operation_set_default_page_setup (job->operation, page_setup);
  gtk_print_operation_set_unit (job->operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (job->operation, TRUE);
  if (action == CF_PRINT_EXPORT_PDF)
    gtk_print_operation_set_export_filename (job->operation, pdf_path);
  else
    gtk_print_operation_set_allow_async (job->operation, TRUE);

  g_signal_connect (job->operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (job->operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  /* GTK emits "done" exactly once, whatever happens, even when it fails before printing. */
  g_signal_connect (job->operation, "done", G_CALLBACK (done_cb), g_object_ref (task));
  if (cancellable != NULL)
    job->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), task,
                                               NULL);

  gtk_print_operation_run (job->operation,
                           action == CF_PRINT_EXPORT_PDF ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                         : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           parent, NULL);
}

/**
 * cf_document_print_finish:
 * @printed: (out) (optional): %FALSE when the person cancelled the print dialog
 *
 * Returns: %FALSE with @error set when printing or saving failed, or was cancelled through the
 *   cancellable
 */
gboolean
cf_document_print_finish (GAsyncResult  *result,
                          gboolean      *printed,
                          GError       **error)
{
  gssize value;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_document_print_async,
                        FALSE);

  value = g_task_propagate_int (G_TASK (result), error);
  if (printed != NULL)
    *printed = value > 0;

  return value >= 0;
}
