/* cf-print-control.c: a page's printing, audited, and how it went, in words
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every print and export is audited: each takes special category data off the laptop. The
 * page stops the control when it shows something else: a job still running then audits what
 * it did, but leaves the page alone.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-print-control.h"

struct _CfPrintControl
{
  GObject               parent_instance;

  /* The page's own, not referenced: the page stops this control before they go. */
  GtkWidget            *page;
  GtkLabel             *status;
  GPtrArray            *buttons;
  /* Set while a job runs; a job whose cancellable is no longer this one was stopped. */
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  CfPrintChosenFunc     chosen;
  gpointer              chosen_data;
};

G_DEFINE_FINAL_TYPE (CfPrintControl, cf_print_control, G_TYPE_OBJECT)

enum {
  BUSY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  CfPrintControl     *self;
  const CfPrintWords *words;
  CfPrintAction       action;
  GCancellable       *cancellable;
  CfStore            *store;
  char               *entity;
  char               *record_id;
  char               *detail;
  char               *file_name;
  /* The button that had the focus when the job began. */
  GtkWidget          *button;
  GTask              *task;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_object_unref (job->self);
  g_object_unref (job->cancellable);
  g_object_unref (job->store);
  g_clear_object (&job->button);
  g_clear_object (&job->task);
  g_free (job->entity);
  g_free (job->record_id);
  g_free (job->detail);
  g_free (job->file_name);
  g_free (job);
}

/* How a print or an export went, in a sentence: @printed is %FALSE when the person cancelled
 * the print dialog, @audit_error why a print is not in the audit log. The page's words are not
 * literals here, but each has one "%s", and msgfmt --check holds every translation to it. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
char *
cf_print_words_format (const CfPrintWords *words,
                       CfPrintAction       action,
                       gboolean            ok,
                       gboolean            printed,
                       const GError       *error,
                       const GError       *audit_error,
                       const char         *file_name)
{
  g_return_val_if_fail (words != NULL, NULL);
  g_return_val_if_fail (ok || error != NULL, NULL);

  if (!ok)
    return g_strdup_printf (_(action == CF_PRINT_DIALOG ? words->not_printed : words->not_saved),
                            error->message);
  if (!printed)
    return g_strdup (_("Printing was cancelled. Nothing was printed."));
  if (audit_error != NULL)
    /* Translators: %s says why */
    return g_strdup_printf (_("Sent to the printer, but it could not be written in the audit "
                              "log: %s"), audit_error->message);
  if (action == CF_PRINT_DIALOG)
    return g_strdup (_(words->printed));

  return g_strdup_printf (_(words->saved), file_name != NULL ? file_name : "");
}
#pragma GCC diagnostic pop

static GtkWindow *
parent_window (CfPrintControl *self)
{
  GtkRoot *root = gtk_widget_get_root (self->page);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
set_busy (CfPrintControl *self,
          GCancellable   *cancellable)
{
  gboolean was_busy = self->cancellable != NULL;

  if (cancellable == NULL && self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, cancellable);

  if (was_busy != (cancellable != NULL))
    g_signal_emit (self, signals[BUSY_CHANGED], 0);
}

/* GTK 4.8 drops the focus when the focused button becomes insensitive. Given back only where
 * it went nowhere: the person may have moved on meanwhile. */
static void
give_focus_back (GtkWidget *button)
{
  GtkRoot *root = button != NULL ? gtk_widget_get_root (button) : NULL;
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (root != NULL && gtk_widget_is_sensitive (button) && gtk_widget_get_mapped (button) &&
      (focus == NULL || !gtk_widget_is_sensitive (focus) || !gtk_widget_get_mapped (focus)))
    gtk_widget_grab_focus (button);
}

static void
print_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  PrintJob *job = user_data;
  CfPrintControl *self = job->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) audit_error = NULL;
  g_autofree char *text = NULL;
  gboolean printed = FALSE;
  gboolean ok;

  ok = cf_document_print_finish (result, &printed, &error);

  /* Audited whatever happened to the page meanwhile: the paper exists. */
  if (ok && printed && job->action == CF_PRINT_DIALOG)
    cf_store_audit (job->store, CF_AUDIT_PRINT, job->entity, job->record_id, job->detail,
                    &audit_error);

  if (job->task != NULL)
    {
      if (ok)
        g_task_return_boolean (job->task, printed);
      else
        g_task_return_error (job->task, g_error_copy (error));
    }

  if (job->cancellable != self->cancellable)
    {
      if (audit_error != NULL)
        g_warning ("A print of %s %s was not audited: %s", job->entity, job->record_id,
                   audit_error->message);
      print_job_free (job);
      return;
    }

  /* The page enables its buttons again before the focus goes back to one. */
  set_busy (self, NULL);
  text = cf_print_words_format (job->words, job->action, ok, printed, error, audit_error,
                                job->file_name);
  gtk_label_set_text (self->status, text);
  give_focus_back (job->button);
  print_job_free (job);
}

/**
 * cf_print_control_start:
 * @words: (not copied): what the page says about @document, a static table
 * @path: (nullable): the PDF to write; %NULL, a file not on this computer, is refused
 * @document: what to print, in its own format and language
 * @entity: the audit log's name for what is printed, with @record_id and @detail: the
 *   document's format and language (cf_document_dup_audit_detail()), or what it is ("card")
 * @task: (nullable): returns whether the document was printed, or why not
 */
void
cf_print_control_start (CfPrintControl     *self,
                        const CfPrintWords *words,
                        CfDocument         *document,
                        CfPrintAction       action,
                        const char         *path,
                        CfStore            *store,
                        const char         *entity,
                        const char         *record_id,
                        const char         *detail,
                        GTask              *task)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  GtkRoot *root;
  GtkWidget *focus;
  PrintJob *job;

  g_return_if_fail (CF_IS_PRINT_CONTROL (self) && self->cancellable == NULL);
  g_return_if_fail (words != NULL && document != NULL && CF_IS_STORE (store));
  g_return_if_fail (entity != NULL && record_id != NULL && (task == NULL || G_IS_TASK (task)));

  if (action == CF_PRINT_EXPORT_PDF && path == NULL)
    error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                 /* Translators: why a PDF was not saved */
                                 _("choose a folder on this computer"));
  /* Audited before the file is written, so no copy leaves the store unrecorded. */
  else if (action == CF_PRINT_EXPORT_PDF &&
           !cf_store_audit (store, CF_AUDIT_EXPORT, entity, record_id, detail, &error))
    /* Translators: the start of a reason something was not saved; what went wrong follows */
    g_prefix_error (&error, _("the audit log could not be written: "));

  if (error != NULL)
    {
      g_autofree char *text = cf_print_words_format (words, action, FALSE, FALSE, error, NULL,
                                                     NULL);

      gtk_label_set_text (self->status, text);
      if (task != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job = g_new0 (PrintJob, 1);
  job->self = g_object_ref (self);
  job->words = words;
  job->action = action;
  job->store = g_object_ref (store);
  job->entity = g_strdup (entity);
  job->record_id = g_strdup (record_id);
  job->detail = g_strdup (detail);
  job->file_name = path != NULL ? g_path_get_basename (path) : NULL;
  job->task = task != NULL ? g_object_ref (task) : NULL;

  root = gtk_widget_get_root (self->page);
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && g_ptr_array_find (self->buttons, focus, NULL))
    job->button = g_object_ref (focus);

  cancellable = g_cancellable_new ();
  job->cancellable = g_object_ref (cancellable);
  gtk_label_set_text (self->status, action == CF_PRINT_DIALOG ? _("Preparing to print…")
                                                             : _("Saving as a PDF…"));
  set_busy (self, cancellable);

  cf_document_print_async (document, parent_window (self), action, path, cancellable,
                           print_done, job);
}

static void
close_chooser (CfPrintControl *self)
{
  if (self->chooser == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->chooser, self);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     CfPrintControl  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  self->chosen (path, self->chosen_data);
}

/* Asks where to save a PDF, suggesting "@stem-@reference.pdf"; @chosen is not called if the
 * person cancels, nor once the control is stopped. */
void
cf_print_control_choose_pdf (CfPrintControl    *self,
                             const char        *title,
                             const char        *stem,
                             const char        *reference,
                             CfPrintChosenFunc  chosen,
                             gpointer           user_data)
{
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;

  g_return_if_fail (CF_IS_PRINT_CONTROL (self));
  g_return_if_fail (title != NULL && stem != NULL && reference != NULL);
  g_return_if_fail (chosen != NULL);

  close_chooser (self);
  self->chosen = chosen;
  self->chosen_data = user_data;

  name = g_strdup_printf ("%s%s%s.pdf", stem, *reference != '\0' ? "-" : "", reference);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");

  self->chooser = gtk_file_chooser_native_new (title, parent_window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("Save"), _("Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* For when the page shows another record, locks, or goes. */
void
cf_print_control_stop (CfPrintControl *self)
{
  g_return_if_fail (CF_IS_PRINT_CONTROL (self));

  close_chooser (self);
  set_busy (self, NULL);
}

gboolean
cf_print_control_get_busy (CfPrintControl *self)
{
  g_return_val_if_fail (CF_IS_PRINT_CONTROL (self), FALSE);

  return self->cancellable != NULL;
}

static void
cf_print_control_dispose (GObject *object)
{
  CfPrintControl *self = CF_PRINT_CONTROL (object);

  /* Never busy here: a job holds a reference until it ends. */
  close_chooser (self);
  g_clear_pointer (&self->buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_print_control_parent_class)->dispose (object);
}

static void
cf_print_control_class_init (CfPrintControlClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_print_control_dispose;

  /**
   * CfPrintControl::busy-changed:
   *
   * A job started or ended: the page disables its buttons meanwhile.
   */
  signals[BUSY_CHANGED] = g_signal_new ("busy-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cf_print_control_init (CfPrintControl *self)
{
  self->buttons = g_ptr_array_new ();
}

/**
 * cf_print_control_new:
 * @status: the page's label for how printing went
 * @first_button: the first of the page's print and PDF buttons, then the others and %NULL
 */
CfPrintControl *
cf_print_control_new (GtkWidget *page,
                      GtkLabel  *status,
                      GtkWidget *first_button,
                      ...)
{
  CfPrintControl *self;
  va_list args;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (GTK_IS_LABEL (status), NULL);

  self = g_object_new (CF_TYPE_PRINT_CONTROL, NULL);
  self->page = page;
  self->status = status;

  va_start (args, first_button);
  for (GtkWidget *button = first_button; button != NULL; button = va_arg (args, GtkWidget *))
    g_ptr_array_add (self->buttons, button);
  va_end (args);

  return self;
}
