/* cf-plan-page.c: a carer's support plan, written with them, agreed, and revised
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Care Act 2014 s.24-26 and DOMAIN.md, "Support plan and personal budget". The page shows one
 * version of the plan: the current one (a draft being written, or the plan in force), or an
 * earlier version to read. A draft is edited in place: every change goes into the records at
 * once and is saved half a second after the last one, never blocking typing; a failed save
 * keeps the change in memory, says why, and tries again. An agreed or superseded version is
 * kept as it was, but for when the carer was given a copy. What the core refuses is said in
 * its words, beside the button that asked.
 *
 * Each section of the plan is a group of its own (cf-plan-*-group.c), given the version shown
 * and told whether it may be edited; a group edits the records in place and says so with
 * "edited". The page owns what concerns the whole version: which one is shown, saving, agreeing,
 * revising and printing. The plan is printed in the format and language chosen under "Print and
 * Revise" (cf-print-choices.c): at first those the carer's record asks for, or the format the
 * carer took their last copy in; the carer's copy is then recorded in the same by default.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-plan-actions-group.h"
#include "cf-plan-agreement-group.h"
#include "cf-plan-breaks-group.h"
#include "cf-plan-build-group.h"
#include "cf-plan-budget-group.h"
#include "cf-plan-copy-group.h"
#include "cf-plan-dialogs.h"
#include "cf-plan-header-group.h"
#include "cf-plan-needs-group.h"
#include "cf-plan-outcomes-group.h"
#include "cf-plan-page-private.h"
#include "cf-plans.h"
#include "cf-print-choices.h"
#include "cf-print-control.h"
#include "cf-reviews.h"

/* As the assessment editor: a crash or a flat battery loses at most a second of typing. */
#define SAVE_DELAY_MS 500
#define RETRY_DELAY_S 5
#define MAX_DELAY_US  (3 * G_USEC_PER_SEC)

struct _CfPlanPage
{
  AdwBin                parent_instance;

  CfContext            *context;
  CfCarer              *carer;
  /* The version shown, its needs and actions in the order shown, and every version. */
  CfPlan               *plan;
  GPtrArray            *needs;
  GPtrArray            *actions;
  GPtrArray            *versions;
  /* The carer's current version (cf_plans_current()), or NULL when they have no plan. */
  char                 *current_id;
  gboolean              loading;
  gboolean              pending;
  guint                 save_source;
  gint64                pending_since;
  CfPrintControl       *printer;
  CfPrintChoices       *choices;
  AdwMessageDialog     *dialog;

  CfPlanBuildGroup     *empty_group;
  CfPlanHeaderGroup    *header_group;
  CfPlanOutcomesGroup  *outcomes_group;
  CfPlanNeedsGroup     *needs_group;
  CfPlanActionsGroup   *actions_group;
  CfPlanBudgetGroup    *budget_group;
  CfPlanBreaksGroup    *breaks_group;
  CfPlanAgreementGroup *agreement_group;
  CfPlanCopyGroup      *copy_group;
  GtkWidget            *document_group;
  GtkWidget            *format_row;
  GtkWidget            *language_row;
  GtkWidget            *revise_button;
  GtkWidget            *print_button;
  GtkWidget            *pdf_button;
  GtkLabel             *print_status;
};

G_DEFINE_FINAL_TYPE (CfPlanPage, cf_plan_page, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CfStore *
store (CfPlanPage *self)
{
  return cf_context_get_store (self->context);
}

static gboolean
is_editable (CfPlanPage *self)
{
  return self->plan != NULL && cf_plan_is_editable (self->plan);
}

static gboolean
is_agreed (CfPlanPage *self)
{
  return self->plan != NULL &&
         g_str_equal (cf_record_get_text (CF_RECORD (self->plan), "status"), CF_PLAN_AGREED);
}

static gboolean
is_current (CfPlanPage *self)
{
  return self->plan != NULL &&
         g_strcmp0 (cf_record_get_id (CF_RECORD (self->plan)), self->current_id) == 0;
}

/* Saving ---------------------------------------------------------------------------------- */

static void
set_save_status (CfPlanPage *self,
                 const char *error_message)
{
  g_autofree char *text = NULL;

  if (self->plan == NULL || !is_editable (self))
    text = g_strdup ("");
  else if (error_message != NULL)
    /* Translators: %s says why saving failed */
    text = g_strdup_printf (_("Not saved: %s Your changes are kept here and Carefield will try "
                              "again."), error_message);
  else if (self->pending)
    text = g_strdup (_("Saving…"));
  else
    text = g_strdup (_("All changes saved."));

  cf_plan_header_group_set_save_status (self->header_group, text);
}

/* A removed need or action is saved as deleted once; then it is let go of. */
static void
prune_deleted (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      CfRecord *item = g_ptr_array_index (items, i);

      if (cf_record_get_deleted (item) && !cf_record_is_dirty (item))
        g_ptr_array_remove_index (items, i--);
    }
}

static gboolean
save_now (CfPlanPage  *self,
          GError     **error)
{
  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->pending || self->plan == NULL || store (self) == NULL)
    return TRUE;

  if (!cf_plans_save (store (self), self->plan, self->needs, self->actions, error))
    return FALSE;

  self->pending = FALSE;
  prune_deleted (self->needs);
  prune_deleted (self->actions);
  return TRUE;
}

static gboolean
save_timeout (gpointer user_data)
{
  CfPlanPage *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!save_now (self, &error))
    {
      set_save_status (self, error->message);
      /* The edit stays in the records and on screen until it is stored. */
      self->save_source = g_timeout_add_seconds (RETRY_DELAY_S, save_timeout, self);
      return G_SOURCE_REMOVE;
    }

  set_save_status (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (CfPlanPage *self)
{
  if (self->loading || !is_editable (self))
    return;

  self->pending = TRUE;
  set_save_status (self, NULL);

  /* Restarted by each change, so a save lands in a pause; a long stretch of typing is still
   * saved every few seconds. */
  if (self->save_source == 0)
    self->pending_since = g_get_monotonic_time ();
  else if (g_get_monotonic_time () - self->pending_since > MAX_DELAY_US)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
}

/* Showing a version ------------------------------------------------------------------------ */

/* The next plan review, in words, or %NULL when none is due (no plan in force yet). */
static char *
dup_next_review (CfPlanPage *self,
                 GError    **error)
{
  g_autoptr(GPtrArray) due = NULL;

  if (self->carer == NULL || store (self) == NULL)
    return NULL;

  due = cf_due_for_carer (store (self), self->carer, NULL, error);
  if (due == NULL)
    return NULL;

  for (guint i = 0; i < due->len; i++)
    {
      CfDueItem *item = g_ptr_array_index (due, i);

      /* The title already has the date, such as "Plan review due 3 Mar 2027". */
      if (item->kind == CF_DUE_PLAN_REVIEW)
        return g_strdup (item->title);
    }

  return NULL;
}

static void
refresh_header (CfPlanPage *self)
{
  g_autofree char *review = NULL;
  g_autoptr(GError) error = NULL;

  review = dup_next_review (self, &error);
  if (error != NULL)
    /* Translators: %s says why */
    review = g_strdup_printf (_("Could not work out the next review: %s"), error->message);
  cf_plan_header_group_show (self->header_group, self->plan, self->versions, is_current (self),
                             review);
}

/* What a person can do to the version shown. */
static void
refresh_sensitivity (CfPlanPage *self)
{
  gboolean editable = is_editable (self);
  gboolean agreed = is_agreed (self);
  gboolean busy = cf_print_control_get_busy (self->printer);

  cf_plan_needs_group_set_editable (self->needs_group, editable);
  cf_plan_actions_group_set_editable (self->actions_group, editable);
  cf_plan_budget_group_set_editable (self->budget_group, editable);
  cf_plan_breaks_group_set_editable (self->breaks_group, editable);
  cf_plan_agreement_group_set_editable (self->agreement_group, editable);
  cf_plan_outcomes_group_set_editable (self->outcomes_group, editable);

  gtk_widget_set_visible (GTK_WIDGET (self->copy_group), agreed);
  gtk_widget_set_visible (self->revise_button, agreed);
  gtk_widget_set_sensitive (self->print_button, !busy);
  gtk_widget_set_sensitive (self->pdf_button, !busy);
}

static void
set_groups_visible (CfPlanPage *self,
                    gboolean    plan)
{
  GtkWidget *groups[] = {
    GTK_WIDGET (self->header_group), GTK_WIDGET (self->outcomes_group),
    GTK_WIDGET (self->needs_group), GTK_WIDGET (self->actions_group),
    GTK_WIDGET (self->budget_group), GTK_WIDGET (self->breaks_group),
    GTK_WIDGET (self->agreement_group), self->document_group,
  };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_visible (groups[i], plan);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_group), !plan && self->carer != NULL);
  if (!plan)
    gtk_widget_set_visible (GTK_WIDGET (self->copy_group), FALSE);
}

/* Fills every field from the version shown, or empties them all: with nothing shown (after
 * locking) no personal data stays in any widget. */
static void
load_fields (CfPlanPage *self)
{
  self->loading = TRUE;

  cf_plan_outcomes_group_set_plan (self->outcomes_group, self->plan);
  cf_plan_needs_group_set_needs (self->needs_group, self->plan, self->needs);
  cf_plan_actions_group_set_actions (self->actions_group, self->plan, self->actions);
  cf_plan_budget_group_set_plan (self->budget_group, self->plan);
  cf_plan_breaks_group_set_plan (self->breaks_group, self->plan);
  cf_plan_agreement_group_set_plan (self->agreement_group, self->plan);
  cf_plan_copy_group_set_plan (self->copy_group, self->plan);

  self->loading = FALSE;

  gtk_label_set_text (self->print_status, "");
}

static void
refresh (CfPlanPage *self)
{
  set_groups_visible (self, self->plan != NULL);
  if (self->plan == NULL)
    return;

  refresh_header (self);
  cf_plan_budget_group_refresh (self->budget_group);
  refresh_sensitivity (self);
  set_save_status (self, NULL);
}

static void
close_dialog (CfPlanPage *self)
{
  cf_plan_breaks_group_close_dialog (self->breaks_group);
  if (self->dialog == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->dialog, self);
  gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_object (&self->dialog);
}

/* The carer's copy is recorded, by default, in the format and language printed. */
static void
on_choices_changed (CfPlanPage *self)
{
  CfDocumentFormat format = cf_print_choices_get_format (self->choices);

  cf_plan_copy_group_set_printed (self->copy_group, cf_document_format_to_id (format),
                                  cf_print_choices_get_language (self->choices));
}

/* Shows @plan (or nothing), loading its needs and actions. */
static void
show_plan (CfPlanPage *self,
           CfPlan     *plan)
{
  g_autoptr(GError) error = NULL;
  CfDocumentFormat format;

  cf_print_control_stop (self->printer);
  close_dialog (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->pending = FALSE;

  g_set_object (&self->plan, plan);
  g_clear_pointer (&self->needs, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);

  if (plan != NULL)
    {
      const char *id = cf_record_get_id (CF_RECORD (plan));

      self->needs = cf_plans_list_needs (store (self), id, &error);
      if (self->needs != NULL)
        self->actions = cf_plans_list_actions (store (self), id, &error);
      if (self->actions == NULL)
        {
          /* Translators: %s says why */
          g_autofree char *text = g_strdup_printf (_("The support plan could not be opened: %s"),
                                                   error->message);

          g_clear_pointer (&self->needs, g_ptr_array_unref);
          g_clear_object (&self->plan);
          cf_plan_build_group_set_message (self->empty_group, text);
        }
    }

  /* A carer who took their last copy in a format Carefield prints gets it again. */
  if (self->plan != NULL &&
      cf_document_format_from_id (cf_record_get_text (CF_RECORD (self->plan), "copy_format"),
                                  &format))
    cf_print_choices_set_format (self->choices, format);
  on_choices_changed (self);

  load_fields (self);
  refresh (self);
}

/* Loads the carer's versions and shows @show_id, or the current version when %NULL. */
static void
reload (CfPlanPage *self,
        const char *show_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPlan) current = NULL;
  g_autoptr(CfPlan) shown = NULL;
  const char *carer_id;

  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->current_id, g_free);

  if (self->carer == NULL || store (self) == NULL)
    {
      show_plan (self, NULL);
      return;
    }

  carer_id = cf_record_get_id (CF_RECORD (self->carer));
  self->versions = cf_plans_list (store (self), carer_id, &error);
  if (self->versions != NULL)
    current = cf_plans_current (store (self), carer_id, &error);

  if (current != NULL)
    self->current_id = g_strdup (cf_record_get_id (CF_RECORD (current)));

  if (show_id != NULL && g_strcmp0 (show_id, self->current_id) != 0 && error == NULL)
    shown = cf_plans_load (store (self), show_id, &error);
  else if (current != NULL)
    shown = g_object_ref (current);

  cf_plan_build_group_refresh (self->empty_group);
  show_plan (self, error == NULL ? shown : NULL);
  cf_plan_breaks_group_refresh_taken (self->breaks_group);

  if (error != NULL)
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The support plan could not be opened: %s"),
                                               error->message);

      gtk_widget_set_visible (GTK_WIDGET (self->empty_group), TRUE);
      cf_plan_build_group_set_message (self->empty_group, text);
    }
}

static void
on_version_chosen (CfPlanPage *self,
                   CfPlan     *version)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (!cf_plan_page_flush (self, &error))
    {
      /* Stay on the draft: its edits are not stored yet. */
      refresh_header (self);
      set_save_status (self, error->message);
      return;
    }

  id = g_strdup (cf_record_get_id (CF_RECORD (version)));
  reload (self, id);
}

static void
on_back_requested (CfPlanPage *self)
{
  reload (self, NULL);
}

static void
on_plan_built (CfPlanPage *self)
{
  reload (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
  cf_plan_outcomes_group_focus (self->outcomes_group);
}

/* Agreeing --------------------------------------------------------------------------------- */

static void
on_agree_requested (CfPlanPage *self)
{
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (!is_editable (self) || store (self) == NULL)
    return;

  if (cf_plan_budget_group_has_error (self->budget_group) ||
      cf_plan_actions_group_has_error (self->actions_group))
    {
      cf_plan_agreement_group_show_refusal (self->agreement_group,
                                            _("Correct the amounts and dates marked on this "
                                              "page first: what is saved is not what is shown "
                                              "there."));
      return;
    }

  missing = cf_plan_dup_missing (self->plan, self->needs, self->actions);
  if (missing->len > 0)
    {
      g_autoptr(GString) text = g_string_new (_("The plan can’t be agreed yet. Still needed:"));

      for (guint i = 0; i < missing->len; i++)
        /* Translators: one item of a list, on a line of its own */
        g_string_append_printf (text, _("\n• %s"), (const char *) g_ptr_array_index (missing, i));
      cf_plan_agreement_group_show_refusal (self->agreement_group, text->str);
      return;
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!cf_plans_agree (store (self), self->plan, self->needs, self->actions, NULL, &error))
    {
      cf_plan_agreement_group_show_refusal (self->agreement_group, error->message);
      if (self->pending)
        schedule_save (self);
      return;
    }

  self->pending = FALSE;
  id = g_strdup (cf_record_get_id (CF_RECORD (self->plan)));
  reload (self, id);
  cf_plan_agreement_group_set_status (self->agreement_group,
                                      _("The plan is agreed. Record when the carer is given a "
                                        "copy."));
  g_signal_emit (self, signals[CHANGED], 0);
  cf_plan_copy_group_focus_date (self->copy_group);
}

/* Revising --------------------------------------------------------------------------------- */

static void
revise (CfPlanPage *self,
        const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfPlan) draft = NULL;
  g_autofree char *text = NULL;

  if (!is_agreed (self) || store (self) == NULL)
    return;

  draft = cf_plans_revise (store (self), self->plan, reason, &error);
  if (draft == NULL)
    {
      gtk_label_set_text (self->print_status, error->message);
      return;
    }

  reload (self, cf_record_get_id (CF_RECORD (draft)));
  /* Translators: %lld is a plan's version number */
  text = g_strdup_printf (_("Version %lld is a new draft. The agreed version stays in force "
                            "until the carer agrees this one."),
                          (long long) cf_record_get_int (CF_RECORD (draft), "number"));
  cf_plan_header_group_set_save_status (self->header_group, text);
  g_signal_emit (self, signals[CHANGED], 0);
  cf_plan_outcomes_group_focus (self->outcomes_group);
}

static void
on_revise_response (AdwMessageDialog *dialog,
                    const char       *response,
                    CfPlanPage       *self)
{
  g_autofree char *reason = NULL;

  if (g_str_equal (response, CF_PLAN_RESPONSE_REVISE))
    reason = cf_plan_revise_dialog_dup_reason (dialog);

  g_signal_handlers_disconnect_by_data (dialog, self);
  g_clear_object (&self->dialog);

  if (reason != NULL)
    revise (self, reason);
}

static GtkWindow *
parent_window (CfPlanPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
on_revise_clicked (CfPlanPage *self)
{
  if (!is_agreed (self))
    return;

  close_dialog (self);
  self->dialog = g_object_ref_sink (cf_plan_revise_dialog_new (parent_window (self)));
  g_signal_connect (self->dialog, "response", G_CALLBACK (on_revise_response), self);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

static void
emit_changed (CfPlanPage *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Printing and PDF ------------------------------------------------------------------------- */

static const CfPrintWords plan_words = {
  /* Translators: %s says why */
  .not_printed = N_("The support plan was not printed: %s"),
  /* Translators: %s says why */
  .not_saved = N_("The support plan was not saved as a PDF: %s"),
  .printed = N_("Sent the support plan to the printer."),
  /* Translators: %s is a file name, such as “support-plan-CF-1A2B-3C4D.pdf” */
  .saved = N_("Saved the support plan as %s."),
};

static void
start_print (CfPlanPage    *self,
             CfPrintAction  action,
             const char    *path,
             GTask         *task)
{
  GSettings *settings = cf_context_get_settings (self->context);
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *review = NULL;
  g_autofree char *detail = NULL;
  g_autoptr(CfDocument) document = NULL;

  if (settings != NULL)
    {
      name = g_settings_get_string (settings, "organisation-name");
      phone = g_settings_get_string (settings, "organisation-phone");
    }
  review = dup_next_review (self, NULL);
  document = cf_plan_document_build (self->carer, self->plan, self->needs, self->actions, review,
                                     settings != NULL ? &(CfOrganisation) { name, phone } : NULL,
                                     cf_print_choices_get_format (self->choices),
                                     cf_print_choices_get_language (self->choices));

  detail = cf_document_dup_audit_detail (document);
  cf_print_control_start (self->printer, &plan_words, document, action, path, store (self),
                          "support_plan", cf_record_get_id (CF_RECORD (self->plan)), detail,
                          task);
}

static gboolean
can_print (CfPlanPage *self)
{
  return self->carer != NULL && self->plan != NULL && !cf_print_control_get_busy (self->printer) &&
         store (self) != NULL;
}

static void
on_print_clicked (CfPlanPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!can_print (self))
    return;

  /* What is printed is what is stored. */
  if (!cf_plan_page_flush (self, &error))
    {
      set_save_status (self, error->message);
      return;
    }

  start_print (self, CF_PRINT_DIALOG, NULL, NULL);
}

static void
export_pdf (CfPlanPage *self,
            const char *path,
            GTask      *task)
{
  g_autoptr(GError) error = NULL;

  if (!can_print (self))
    {
      if (task != NULL)
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                                 _("There is no support plan to save, or one is being saved."));
      return;
    }

  if (!cf_plan_page_flush (self, &error))
    {
      g_autofree char *text = cf_print_words_format (&plan_words, CF_PRINT_EXPORT_PDF, FALSE,
                                                     FALSE, error, NULL, NULL);

      gtk_label_set_text (self->print_status, text);
      if (task != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  start_print (self, CF_PRINT_EXPORT_PDF, path, task);
}

static void
on_pdf_chosen (const char *path,
               gpointer    user_data)
{
  export_pdf (user_data, path, NULL);
}

static void
on_pdf_clicked (CfPlanPage *self)
{
  if (!can_print (self))
    return;

  cf_print_control_choose_pdf (self->printer, _("Save the Support Plan as PDF"),
                               /* Translators: a PDF file name's start; short, no spaces */
                               _("support-plan"),
                               cf_record_get_text (CF_RECORD (self->carer), "reference"),
                               on_pdf_chosen, self);
}

/* GObject --------------------------------------------------------------------------------- */

static void
cf_plan_page_dispose (GObject *object)
{
  CfPlanPage *self = CF_PLAN_PAGE (object);

  if (self->context != NULL)
    cf_plan_page_set_carer (self, NULL);
  if (self->printer != NULL)
    cf_print_control_stop (self->printer);
  g_clear_object (&self->printer);
  g_clear_object (&self->choices);
  close_dialog (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_PLAN_PAGE);

  G_OBJECT_CLASS (cf_plan_page_parent_class)->dispose (object);
}

static void
cf_plan_page_class_init (CfPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_plan_page_dispose;

  /**
   * CfPlanPage::changed:
   *
   * A plan was saved, agreed, revised or given, or a break recorded: due dates and the
   * carer's page may need refreshing.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/support/cf-plan-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CfPlanPage, name)
  BIND (empty_group);
  BIND (header_group);
  BIND (outcomes_group);
  BIND (needs_group);
  BIND (actions_group);
  BIND (budget_group);
  BIND (breaks_group);
  BIND (agreement_group);
  BIND (copy_group);
  BIND (document_group);
  BIND (format_row);
  BIND (language_row);
  BIND (revise_button);
  BIND (print_button);
  BIND (pdf_button);
  BIND (print_status);
#undef BIND
}

static void
cf_plan_page_init (CfPlanPage *self)
{
  g_type_ensure (CF_TYPE_PLAN_BUILD_GROUP);
  g_type_ensure (CF_TYPE_PLAN_HEADER_GROUP);
  g_type_ensure (CF_TYPE_PLAN_OUTCOMES_GROUP);
  g_type_ensure (CF_TYPE_PLAN_NEEDS_GROUP);
  g_type_ensure (CF_TYPE_PLAN_ACTIONS_GROUP);
  g_type_ensure (CF_TYPE_PLAN_BUDGET_GROUP);
  g_type_ensure (CF_TYPE_PLAN_BREAKS_GROUP);
  g_type_ensure (CF_TYPE_PLAN_AGREEMENT_GROUP);
  g_type_ensure (CF_TYPE_PLAN_COPY_GROUP);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->printer = cf_print_control_new (GTK_WIDGET (self), self->print_status,
                                        self->print_button, self->pdf_button, NULL);
  self->choices = cf_print_choices_new (ADW_COMBO_ROW (self->format_row),
                                        ADW_COMBO_ROW (self->language_row));
  g_signal_connect_swapped (self->choices, "changed", G_CALLBACK (on_choices_changed), self);

  g_signal_connect_swapped (self->empty_group, "plan-built", G_CALLBACK (on_plan_built), self);
  g_signal_connect_swapped (self->header_group, "version-chosen", G_CALLBACK (on_version_chosen),
                            self);
  g_signal_connect_swapped (self->header_group, "back-requested",
                            G_CALLBACK (on_back_requested), self);
  g_signal_connect_swapped (self->outcomes_group, "edited", G_CALLBACK (schedule_save), self);
  g_signal_connect_swapped (self->needs_group, "edited", G_CALLBACK (schedule_save), self);
  g_signal_connect_swapped (self->actions_group, "edited", G_CALLBACK (schedule_save), self);
  g_signal_connect_swapped (self->budget_group, "edited", G_CALLBACK (schedule_save), self);
  g_signal_connect_swapped (self->breaks_group, "edited", G_CALLBACK (schedule_save), self);
  g_signal_connect_swapped (self->breaks_group, "break-recorded", G_CALLBACK (emit_changed),
                            self);
  g_signal_connect_swapped (self->agreement_group, "edited", G_CALLBACK (schedule_save), self);
  g_signal_connect_swapped (self->agreement_group, "agree-requested",
                            G_CALLBACK (on_agree_requested), self);
  g_signal_connect_swapped (self->copy_group, "copy-recorded", G_CALLBACK (emit_changed), self);
  g_signal_connect_swapped (self->revise_button, "clicked", G_CALLBACK (on_revise_clicked), self);
  g_signal_connect_swapped (self->print_button, "clicked", G_CALLBACK (on_print_clicked), self);
  g_signal_connect_swapped (self->pdf_button, "clicked", G_CALLBACK (on_pdf_clicked), self);
  g_signal_connect_swapped (self->printer, "busy-changed", G_CALLBACK (refresh_sensitivity),
                            self);
}

CfPlanPage *
cf_plan_page_new (CfContext *context)
{
  CfPlanPage *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  self = g_object_new (CF_TYPE_PLAN_PAGE, NULL);
  self->context = g_object_ref (context);
  cf_plan_build_group_set_context (self->empty_group, context);
  cf_plan_breaks_group_set_context (self->breaks_group, context);
  cf_plan_copy_group_set_context (self->copy_group, context);
  refresh (self);

  return self;
}

/**
 * cf_plan_page_set_carer:
 * @carer: (nullable): whose plan to show, or %NULL to empty the page (when locking)
 *
 * Shows the carer's current plan. Saves what was being edited before it lets go of it.
 */
void
cf_plan_page_set_carer (CfPlanPage *self,
                        CfCarer    *carer)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CF_IS_PLAN_PAGE (self));
  g_return_if_fail (carer == NULL || CF_IS_CARER (carer));

  if (self->pending && !save_now (self, &error))
    g_warning ("An edit to a support plan could not be saved before closing it: %s",
               error->message);

  g_set_object (&self->carer, carer);
  cf_print_choices_set_carer (self->choices, carer);
  cf_plan_build_group_set_carer (self->empty_group, carer);
  cf_plan_breaks_group_set_carer (self->breaks_group, carer);
  reload (self, NULL);
}

/**
 * cf_plan_page_flush:
 *
 * Saves any change waiting for its delay, now: before closing, locking or switching. On
 * failure the change stays here, and is tried again.
 */
gboolean
cf_plan_page_flush (CfPlanPage  *self,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CF_IS_PLAN_PAGE (self), FALSE);

  if (!self->pending)
    return TRUE;

  if (!save_now (self, &local_error))
    {
      set_save_status (self, local_error->message);
      self->save_source = g_timeout_add_seconds (RETRY_DELAY_S, save_timeout, self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  set_save_status (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* For the tests ---------------------------------------------------------------------------- */

CfPlan *
cf_plan_page_get_plan (CfPlanPage *self)
{
  g_return_val_if_fail (CF_IS_PLAN_PAGE (self), NULL);

  return self->plan;
}

GPtrArray *
cf_plan_page_get_needs (CfPlanPage *self)
{
  g_return_val_if_fail (CF_IS_PLAN_PAGE (self), NULL);

  return self->needs;
}

/* The revise or record-a-break dialog, while it is open. */
AdwMessageDialog *
cf_plan_page_get_dialog (CfPlanPage *self)
{
  g_return_val_if_fail (CF_IS_PLAN_PAGE (self), NULL);

  if (self->dialog != NULL)
    return self->dialog;
  return cf_plan_breaks_group_get_dialog (self->breaks_group);
}

/**
 * cf_plan_page_export_pdf_async:
 * @path: where to write the PDF
 *
 * What "Save as PDF…" does once a file is chosen.
 */
void
cf_plan_page_export_pdf_async (CfPlanPage          *self,
                               const char          *path,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CF_IS_PLAN_PAGE (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, cf_plan_page_export_pdf_async);
  export_pdf (self, path, task);
}

gboolean
cf_plan_page_export_pdf_finish (CfPlanPage    *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
