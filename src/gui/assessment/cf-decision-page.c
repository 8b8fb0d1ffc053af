/* cf-decision-page.c: the proposed eligibility, the decision, and finishing
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Eligibility": the software proposes the result from the answers; a person
 * confirms it, and a different decision needs a written reason. Who decided is recorded (the
 * council may keep the decision, s.79), and the council's sign-off may come later, so it stays
 * editable once the assessment is finished. Finishing says in words what is still needed;
 * nothing is required before that.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-assessments.h"
#include "cf-dates.h"
#include "cf-decision-page.h"
#include "cf-eligibility-panel.h"
#include "cf-field.h"
#include "cf-gui-util.h"
#include "cf-return-dialog.h"

struct _CfDecisionPage
{
  AdwBin               parent_instance;

  CfContext           *context;
  CfAssessment        *assessment;
  const CfChoice      *decisions;
  gboolean             loading;
  /* Set once Finish was pressed: from then on the list of what is missing stays current. */
  gboolean             show_missing;
  char                *finish_error;
  GtkWidget           *dialog;
  CfStore             *store;
  gulong               role_handler;

  CfEligibilityPanel  *eligibility_panel;
  GtkWidget           *use_proposal_button;
  GtkWidget           *decision_row;
  GtkWidget           *reason_row;
  GtkWidget           *reason_message_row;
  GtkLabel            *reason_message;
  GtkWidget           *decided_by_row;
  GtkWidget           *decided_by_name_row;
  GtkWidget           *signoff_by_row;
  GtkWidget           *signoff_on_row;
  GtkWidget           *signoff_message_row;
  GtkLabel            *signoff_message;
  GtkLabel            *finished_label;
  GtkWidget           *finish_button;
  GtkWidget           *return_button;
  GtkWidget           *missing_label;
};

G_DEFINE_FINAL_TYPE (CfDecisionPage, cf_decision_page, ADW_TYPE_BIN)

enum {
  SAVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
field_text (CfDecisionPage *self,
            const char     *field)
{
  return self->assessment != NULL ? cf_record_get_text (CF_RECORD (self->assessment), field)
                                  : "";
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* The rows and the fields they edit --------------------------------------------------------- */

static const char *
row_field (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "cf-field");
}

static const CfChoice *
row_choices (CfDecisionPage *self,
             GtkWidget      *row)
{
  return row == self->decision_row ? self->decisions : cf_decided_by;
}

static void
load_entry (CfDecisionPage *self,
            GtkWidget      *row)
{
  g_autofree char *shown = NULL;
  const char *value = field_text (self, row_field (row));

  if (row == self->signoff_on_row)
    value = shown = cf_date_to_user (value);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), value) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), value);
}

static void
load_choice (CfDecisionPage *self,
             GtkWidget      *row)
{
  const CfChoice *choices = row_choices (self, row);
  guint position = 0;

  if (choices != NULL)
    position = cf_choices_find (choices, field_text (self, row_field (row))) + 1;

  if (adw_combo_row_get_selected (ADW_COMBO_ROW (row)) != position)
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
}

static void
load_fields (CfDecisionPage *self)
{
  self->loading = TRUE;
  load_choice (self, self->decision_row);
  load_entry (self, self->reason_row);
  load_choice (self, self->decided_by_row);
  load_entry (self, self->decided_by_name_row);
  load_entry (self, self->signoff_by_row);
  load_entry (self, self->signoff_on_row);
  self->loading = FALSE;
}

/* The decisions differ between kinds: transition assessments say "likely". */
static void
set_decisions (CfDecisionPage *self,
               const CfChoice *decisions)
{
  g_autoptr(GtkStringList) model = NULL;

  if (self->decisions == decisions && adw_combo_row_get_model (ADW_COMBO_ROW (self->decision_row)))
    return;

  self->decisions = decisions;
  /* Translators: the first entry of the list of decisions, before one is recorded */
  model = decisions != NULL ? cf_choice_list_new_with_none (decisions, _("Not decided"))
                            : gtk_string_list_new (NULL);
  self->loading = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->decision_row), G_LIST_MODEL (model));
  self->loading = FALSE;
}

static void
set_field (CfDecisionPage *self,
           const char     *field,
           const char     *value)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->assessment == NULL)
    return;

  if (!cf_assessment_set_field (self->assessment, field, value, &error))
    {
      load_fields (self);
      g_signal_emit (self, signals[FAILED], 0, error->message);
    }
}

static void
on_entry_changed (GtkEditable    *editable,
                  CfDecisionPage *self)
{
  GtkWidget *row = GTK_WIDGET (editable);
  g_autofree char *value = NULL;

  if (row == self->signoff_on_row)
    value = cf_date_from_user (gtk_editable_get_text (editable));
  else
    value = g_strdup (gtk_editable_get_text (editable));

  set_field (self, row_field (row), value);
}

static void
on_choice_selected (GObject        *object,
                    GParamSpec     *pspec,
                    CfDecisionPage *self)
{
  GtkWidget *row = GTK_WIDGET (object);
  const CfChoice *choices = row_choices (self, row);
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  if (choices == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  set_field (self, row_field (row), position == 0 ? "" : choices[position - 1].id);
}

/* What the page shows beside the fields ---------------------------------------------------- */

static char *
missing_text (GPtrArray *missing)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_printf (text,
                   ngettext (/* Translators: %u is how many answers or details are still
                              * needed; a list of them follows */
                             "The assessment can’t be finished yet. %u thing is still needed:",
                             "The assessment can’t be finished yet. %u things are still needed:",
                             missing->len),
                   missing->len);

  for (guint i = 0; i < missing->len; i++)
    {
      g_string_append_c (text, '\n');
      /* Translators: one item in a list of what is still needed */
      g_string_append_printf (text, _("• %s"), (const char *) g_ptr_array_index (missing, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
refresh_finish (CfDecisionPage *self)
{
  gboolean have = self->assessment != NULL;
  gboolean finished = have && cf_assessment_is_finished (self->assessment);
  CfStore *store = cf_context_get_store (self->context);
  gboolean coordinator = store != NULL &&
                         g_strcmp0 (cf_store_get_role (store), CF_ROLE_COORDINATOR) == 0;
  g_autofree char *message = NULL;

  gtk_widget_set_visible (self->finish_button, have && !finished);
  gtk_widget_set_visible (self->return_button, finished && coordinator);
  gtk_widget_set_visible (GTK_WIDGET (self->finished_label), finished);

  if (finished)
    {
      g_autofree char *when = cf_datetime_to_user (field_text (self, "finished_at"));
      g_autofree char *text =
        /* Translators: "%1$s" is a date and time, "%2$s" a person */
        g_strdup_printf (_("Finished on %1$s by %2$s. The answers and the decision are locked; "
                           "a coordinator can return the assessment for correction."),
                         when, field_text (self, "finished_by"));

      gtk_label_set_text (self->finished_label, text);
    }
  else
    gtk_label_set_text (self->finished_label, "");

  if (self->finish_error != NULL)
    message = g_strdup (self->finish_error);
  else if (have && !finished && self->show_missing)
    {
      g_autoptr(GPtrArray) missing = cf_assessment_dup_missing (self->assessment);

      if (missing->len > 0)
        message = missing_text (missing);
    }

  cf_field_set_message (self->finish_button, self->missing_label, GTK_LABEL (self->missing_label),
                        message);
}

static void
refresh (CfDecisionPage *self)
{
  g_autoptr(CfEligibility) proposal = NULL;
  g_autofree char *reason_message = NULL;
  g_autofree char *signoff_message = NULL;
  const char *proposal_id = "";
  gboolean differs = FALSE;
  gboolean have = self->assessment != NULL;
  GtkWidget *rows[] = { self->decision_row, self->reason_row, self->decided_by_row,
                        self->decided_by_name_row, self->signoff_by_row, self->signoff_on_row };

  if (have)
    {
      proposal = cf_assessment_evaluate (self->assessment);
      proposal_id = cf_eligibility_get_decision_id (proposal);
      differs = cf_assessment_decision_differs (self->assessment, proposal);
    }
  cf_eligibility_panel_set_eligibility (self->eligibility_panel, proposal);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    cf_field_set_sensitive (rows[i],
                            have && cf_assessment_field_is_editable (self->assessment,
                                                                     row_field (rows[i])));

  /* A reason is asked for once the decision differs from a proposal; one already written
   * stays in view, so nothing stored is hidden. */
  gtk_widget_set_visible (self->reason_row,
                          differs || !is_blank (field_text (self, "decision_reason")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_row),
                                  GTK_ACCESSIBLE_PROPERTY_REQUIRED,
                                  differs && *proposal_id != '\0', -1);
  if (differs && *proposal_id != '\0' && is_blank (field_text (self, "decision_reason")))
    /* Translators: %s is the proposed result, such as “Eligible” */
    reason_message = g_strdup_printf (_("This is different from the proposed result, “%s”. Give "
                                        "the reason for the different decision: it goes in the "
                                        "carer’s written record."),
                                      cf_decision_get_label (proposal_id));
  cf_field_set_message (self->reason_row, self->reason_message_row, self->reason_message,
                        reason_message);

  gtk_widget_set_sensitive (self->use_proposal_button,
                            have &&
                            cf_assessment_field_is_editable (self->assessment, "decision") &&
                            *proposal_id != '\0' &&
                            !g_str_equal (field_text (self, "decision"), proposal_id));

  if (have)
    {
      GDate today;

      cf_clock_today (cf_context_get_clock (self->context), &today);
      signoff_message = cf_field_check_date (field_text (self, "council_signoff_on"),
                                                   &today);
    }
  cf_field_set_message (self->signoff_on_row, self->signoff_message_row, self->signoff_message,
                        signoff_message);

  refresh_finish (self);
}

static void
on_answer_changed (CfDecisionPage *self)
{
  refresh (self);
}

static void
on_assessment_notify (CfDecisionPage *self,
                      GParamSpec     *pspec)
{
  /* Saving touches the version and times: nothing shown here. */
  if (g_str_equal (pspec->name, "version") || g_str_equal (pspec->name, "sync-state") ||
      g_str_equal (pspec->name, "updated-at") || g_str_equal (pspec->name, "updated-by"))
    return;

  load_fields (self);
  refresh (self);
}

/* Actions ----------------------------------------------------------------------------------- */

static void
on_use_proposal_clicked (CfDecisionPage *self)
{
  g_autoptr(CfEligibility) proposal = NULL;

  if (self->assessment == NULL)
    return;

  proposal = cf_assessment_evaluate (self->assessment);
  if (*cf_eligibility_get_decision_id (proposal) == '\0')
    return;

  set_field (self, "decision", cf_eligibility_get_decision_id (proposal));

  /* The button is now insensitive and would drop the focus where a screen reader says
   * nothing: the Decision row takes it, and is heard with the decision it now holds. */
  if (!gtk_widget_is_sensitive (self->use_proposal_button))
    gtk_widget_grab_focus (self->decision_row);
}

static void
on_finish_clicked (CfDecisionPage *self)
{
  CfStore *store = cf_context_get_store (self->context);
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;

  if (self->assessment == NULL || store == NULL)
    return;

  g_clear_pointer (&self->finish_error, g_free);
  self->show_missing = TRUE;

  missing = cf_assessment_dup_missing (self->assessment);
  if (missing->len > 0)
    {
      refresh_finish (self);
      return;
    }

  if (!cf_assessments_finish (store, self->assessment, &error))
    {
      /* Translators: %s says why, such as a problem writing to the disk */
      self->finish_error = g_strdup_printf (_("Not finished: %s"), error->message);
      refresh_finish (self);
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }

  self->show_missing = FALSE;
  refresh (self);
  /* Finish is hidden now: the words saying it is finished take the focus, so a screen
   * reader says what happened rather than nothing. */
  gtk_widget_grab_focus (GTK_WIDGET (self->finished_label));
  gtk_label_select_region (self->finished_label, 0, 0);
  g_signal_emit (self, signals[SAVED], 0);
}

static void
on_dialog_returned (CfDecisionPage *self)
{
  g_clear_pointer (&self->finish_error, g_free);
  refresh (self);
  g_signal_emit (self, signals[SAVED], 0);
}

static void
on_dialog_failed (CfDecisionPage *self,
                  const char     *message)
{
  /* Translators: %s says why the assessment could not be returned for correction */
  self->finish_error = g_strdup_printf (_("Not returned: %s"), message);
  refresh_finish (self);
  g_signal_emit (self, signals[FAILED], 0, message);
}

static void
on_return_clicked (CfDecisionPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  CfReturnDialog *dialog;

  if (self->assessment == NULL || !cf_assessment_is_finished (self->assessment))
    return;

  g_clear_pointer (&self->finish_error, g_free);
  dialog = cf_return_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->context,
                                 self->assessment);
  g_signal_connect_object (dialog, "returned", G_CALLBACK (on_dialog_returned), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (on_dialog_failed), self,
                           G_CONNECT_SWAPPED);

  /* Locking or opening another assessment closes it. */
  g_set_weak_pointer (&self->dialog, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (cf_return_dialog_get_entry (dialog)));
}

static void
scroll_to_top (gpointer self)
{
  GtkWidget *scroller = adw_bin_get_child (ADW_BIN (self));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                            0);
}

/* GObject --------------------------------------------------------------------------------- */

static void
cf_decision_page_dispose (GObject *object)
{
  CfDecisionPage *self = CF_DECISION_PAGE (object);

  cf_decision_page_set_assessment (self, NULL);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_DECISION_PAGE);

  G_OBJECT_CLASS (cf_decision_page_parent_class)->dispose (object);
}

static void
cf_decision_page_finalize (GObject *object)
{
  CfDecisionPage *self = CF_DECISION_PAGE (object);

  g_free (self->finish_error);

  G_OBJECT_CLASS (cf_decision_page_parent_class)->finalize (object);
}

static void
cf_decision_page_class_init (CfDecisionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_decision_page_dispose;
  object_class->finalize = cf_decision_page_finalize;

  /**
   * CfDecisionPage::saved:
   *
   * The assessment was finished or returned, and that is stored.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CfDecisionPage::failed:
   * @message: why, in words
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (CF_TYPE_ELIGIBILITY_PANEL);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/assessment/cf-decision-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfDecisionPage, eligibility_panel);
  gtk_widget_class_bind_template_child (widget_class, CfDecisionPage, use_proposal_button);
  gtk_widget_class_bind_template_child (widget_class, CfDecisionPage, decision_row);
  gtk_widget_class_bind_template_child (widget_class, CfDecisionPage, reason_row);
  gtk_widget_class_bind_template_child (widget_class, CfDecisionPage, reason_message_row);
  gtk_widget_class_bind_template_child (widget_class, CfDecisionPage, reason_message);
  gtk_widget_class_bind_template_child (widget_class, CfDecisionPage, decided_by_row);
  gtk_widget_class_bind_template_child (widget_class, CfDecisionPage, decided_by_name_row);
  gtk_widget_class_bind_template_child (widget_class, CfDecisionPage, signoff_by_row);
  gtk_widget_class_bind_template_child (widget_class, CfDecisionPage, signoff_on_row);
  gtk_widget_class_bind_template_child (widget_class, CfDecisionPage, signoff_message_row);
  gtk_widget_class_bind_template_child (widget_class, CfDecisionPage, signoff_message);
  gtk_widget_class_bind_template_child (widget_class, CfDecisionPage, finished_label);
  gtk_widget_class_bind_template_child (widget_class, CfDecisionPage, finish_button);
  gtk_widget_class_bind_template_child (widget_class, CfDecisionPage, return_button);
  gtk_widget_class_bind_template_child (widget_class, CfDecisionPage, missing_label);
}

static void
cf_decision_page_init (CfDecisionPage *self)
{
  static const struct
  {
    gsize       offset;
    const char *field;
  } fields[] = {
    { G_STRUCT_OFFSET (CfDecisionPage, decision_row), "decision" },
    { G_STRUCT_OFFSET (CfDecisionPage, reason_row), "decision_reason" },
    { G_STRUCT_OFFSET (CfDecisionPage, decided_by_row), "decided_by" },
    { G_STRUCT_OFFSET (CfDecisionPage, decided_by_name_row), "decided_by_name" },
    { G_STRUCT_OFFSET (CfDecisionPage, signoff_by_row), "council_signoff_by" },
    { G_STRUCT_OFFSET (CfDecisionPage, signoff_on_row), "council_signoff_on" },
  };
  g_autoptr(GtkStringList) decided_by = cf_choice_list_new (cf_decided_by);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *row = G_STRUCT_MEMBER (GtkWidget *, self, fields[i].offset);

      g_object_set_data (G_OBJECT (row), "cf-field", (gpointer) fields[i].field);
      if (ADW_IS_COMBO_ROW (row))
        g_signal_connect (row, "notify::selected", G_CALLBACK (on_choice_selected), self);
      else
        g_signal_connect (row, "changed", G_CALLBACK (on_entry_changed), self);
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (self->decided_by_row), G_LIST_MODEL (decided_by));
  set_decisions (self, NULL);

  g_signal_connect_swapped (self->use_proposal_button, "clicked",
                            G_CALLBACK (on_use_proposal_clicked), self);
  g_signal_connect_swapped (self->finish_button, "clicked", G_CALLBACK (on_finish_clicked), self);
  g_signal_connect_swapped (self->return_button, "clicked", G_CALLBACK (on_return_clicked), self);
}

CfDecisionPage *
cf_decision_page_new (CfContext *context)
{
  CfDecisionPage *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  self = g_object_new (CF_TYPE_DECISION_PAGE, NULL);
  self->context = g_object_ref (context);
  refresh (self);

  return self;
}

/**
 * cf_decision_page_set_assessment:
 * @assessment: (nullable): the assessment, or %NULL to empty every field
 */
void
cf_decision_page_set_assessment (CfDecisionPage *self,
                                 CfAssessment   *assessment)
{
  g_return_if_fail (CF_IS_DECISION_PAGE (self));
  g_return_if_fail (assessment == NULL || CF_IS_ASSESSMENT (assessment));

  if (self->assessment == assessment)
    return;

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));

  if (self->assessment != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->assessment, self);
      g_clear_object (&self->assessment);
    }
  g_clear_signal_handler (&self->role_handler, self->store);
  g_clear_object (&self->store);

  self->show_missing = FALSE;
  g_clear_pointer (&self->finish_error, g_free);

  if (assessment != NULL)
    {
      self->assessment = g_object_ref (assessment);
      g_signal_connect_object (assessment, "answer-changed", G_CALLBACK (on_answer_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (assessment, "notify", G_CALLBACK (on_assessment_notify), self,
                               G_CONNECT_SWAPPED);
      set_decisions (self, cf_assessment_get_decisions (assessment));

      /* Only a coordinator may return it; the role can change in Preferences. */
      self->store = cf_context_get_store (self->context);
      if (self->store != NULL)
        {
          g_object_ref (self->store);
          self->role_handler = g_signal_connect_object (self->store, "notify::role",
                                                        G_CALLBACK (refresh_finish), self,
                                                        G_CONNECT_SWAPPED);
        }
    }

  load_fields (self);
  refresh (self);
  scroll_to_top (self);
}

/**
 * cf_decision_page_focus_first:
 *
 * Returns: whether a control took the focus
 */
gboolean
cf_decision_page_focus_first (CfDecisionPage *self)
{
  g_return_val_if_fail (CF_IS_DECISION_PAGE (self), FALSE);

  if (gtk_widget_is_sensitive (self->decision_row))
    return gtk_widget_grab_focus (self->decision_row);
  if (gtk_widget_is_sensitive (self->signoff_by_row))
    return gtk_widget_grab_focus (self->signoff_by_row);

  return FALSE;
}
