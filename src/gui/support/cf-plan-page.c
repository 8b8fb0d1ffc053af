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
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-assessments.h"
#include "cf-choices.h"
#include "cf-dates.h"
#include "cf-eligibility.h"
#include "cf-field.h"
#include "cf-gui-util.h"
#include "cf-money.h"
#include "cf-plan-action-row.h"
#include "cf-plan-dialogs.h"
#include "cf-plan-need-row.h"
#include "cf-plan-page-private.h"
#include "cf-plans.h"
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
  guint                 switch_source;
  gint64                pending_since;
  CfPrintControl       *printer;
  AdwMessageDialog     *dialog;
  CfAssessment         *assessment;

  GtkWidget            *empty_group;
  GtkWidget            *build_button;
  GtkLabel             *build_message;
  GtkWidget            *header_group;
  AdwActionRow         *status_row;
  AdwActionRow         *reason_row;
  AdwActionRow         *review_row;
  GtkWidget            *versions_row;
  GtkWidget            *back_button;
  GtkLabel             *save_status;
  GtkWidget            *outcomes_group;
  GtkWidget            *outcomes_view;
  GtkWidget            *advice_view;
  GtkWidget            *needs_group;
  GtkWidget            *add_need_button;
  GtkListBox           *needs_list;
  GtkWidget            *actions_group;
  GtkWidget            *add_action_button;
  GtkListBox           *actions_list;
  GtkWidget            *budget_group;
  GtkWidget            *cost_entry;
  GtkWidget            *cost_message_row;
  GtkLabel             *cost_message;
  GtkWidget            *contribution_entry;
  GtkWidget            *contribution_message_row;
  GtkLabel             *contribution_message;
  AdwActionRow         *council_row;
  GtkWidget            *breaks_group;
  GtkWidget            *short_notice_row;
  GtkWidget            *short_notice_spin;
  GtkWidget            *day_row;
  GtkWidget            *day_spin;
  GtkWidget            *long_row;
  GtkWidget            *long_spin;
  GtkListBox           *breaks_list;
  GtkWidget            *break_button;
  GtkLabel             *break_status;
  GtkWidget            *agreement_group;
  GtkWidget            *agrees_row;
  GtkWidget            *agrees_switch;
  GtkWidget            *comments_entry;
  GtkWidget            *agree_button;
  GtkWidget            *agree_message_box;
  GtkLabel             *agree_message;
  GtkLabel             *agree_status;
  GtkWidget            *copy_group;
  AdwActionRow         *copy_row;
  GtkWidget            *copy_on_entry;
  GtkWidget            *copy_on_message_row;
  GtkLabel             *copy_on_message;
  GtkWidget            *copy_format_row;
  GtkWidget            *copy_button;
  GtkLabel             *copy_status;
  GtkWidget            *document_group;
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

static void show_plan (CfPlanPage *self, CfPlan *plan);
static void reload    (CfPlanPage *self, const char *show_id);

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

/* "18 November 2026", for a date in a sentence; the stored text when it is not a date. */
static char *
date_in_words (const char *iso)
{
  guint year, month, day;
  g_autoptr(GDateTime) time = NULL;

  if (iso == NULL || !cf_date_parse_iso_shape (iso, &year, &month, &day) ||
      !g_date_valid_dmy (day, month, year))
    return g_strdup (iso != NULL ? iso : "");

  time = g_date_time_new_local (year, month, day, 12, 0, 0);
  /* Translators: a date in a sentence, as g_date_time_format() writes it; see its manual */
  return g_date_time_format (time, _("%-d %B %Y"));
}

static char *
today_text (CfPlanPage *self)
{
  GDate today;
  g_autofree char *iso = NULL;

  cf_clock_today (cf_context_get_clock (self->context), &today);
  iso = cf_date_write_iso (&today);
  return cf_date_to_user (iso);
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

  gtk_label_set_text (self->save_status, text);
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

/* The budget --------------------------------------------------------------------------------- */

static gboolean
budget_has_error (CfPlanPage *self)
{
  return gtk_widget_get_visible (self->cost_message_row) ||
         gtk_widget_get_visible (self->contribution_message_row);
}

static void
refresh_council (CfPlanPage *self)
{
  g_autofree char *text = NULL;
  gint64 council;

  if (self->plan == NULL)
    text = g_strdup ("");
  else if (budget_has_error (self))
    text = g_strdup (_("Correct the amount marked above first."));
  else if ((council = cf_plan_get_council_contribution (self->plan)) >= 0)
    text = cf_money_format (council);
  else
    {
      g_autoptr(GError) error = NULL;

      cf_budget_council_contribution (cf_record_get_int (CF_RECORD (self->plan), "cost_pence"),
                                      cf_record_get_int (CF_RECORD (self->plan),
                                                         "carer_contribution_pence"),
                                      &council, &error);
      text = g_strdup (error != NULL ? error->message : "");
    }

  adw_action_row_set_subtitle (self->council_row, text);
}

static void
on_money_changed (GtkEditable *entry,
                  CfPlanPage  *self)
{
  gboolean cost = entry == GTK_EDITABLE (self->cost_entry);
  const char *field = cost ? "cost_pence" : "carer_contribution_pence";
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  g_autoptr(GError) error = NULL;
  gint64 pence = 0;

  if (self->loading || !is_editable (self))
    return;

  /* Nothing typed is nothing: a carer's contribution is often £0. */
  if (*text != '\0')
    cf_money_parse (text, &pence, &error);

  /* The text stays as typed; the plan keeps its last good amount until it is corrected. */
  cf_field_set_message (GTK_WIDGET (entry),
                        cost ? self->cost_message_row : self->contribution_message_row,
                        cost ? self->cost_message : self->contribution_message,
                        error != NULL ? error->message : NULL);

  if (error == NULL && cf_record_get_int (CF_RECORD (self->plan), field) != pence)
    {
      cf_record_set_int (CF_RECORD (self->plan), field, pence);
      schedule_save (self);
    }

  refresh_council (self);
}

/* Needs and actions -------------------------------------------------------------------------- */

static void
refresh_need_moves (CfPlanPage *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->needs_list));

  for (GtkWidget *row = first; row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (!CF_IS_PLAN_NEED_ROW (row))
        continue;

      cf_plan_need_row_set_movable (CF_PLAN_NEED_ROW (row), row != first,
                                    gtk_widget_get_next_sibling (row) != NULL &&
                                    CF_IS_PLAN_NEED_ROW (gtk_widget_get_next_sibling (row)));
    }
}

static void
on_item_changed (CfPlanPage *self)
{
  schedule_save (self);
}

/* Moves @item in @items by @direction places, counting only items still in the plan. */
static void
move_item (GPtrArray *items,
           gpointer   item,
           int        direction)
{
  guint index, other;

  if (!g_ptr_array_find (items, item, &index))
    return;

  other = index;
  do
    {
      if ((direction < 0 && other == 0) || (direction > 0 && other + 1 >= items->len))
        return;
      other += direction;
    }
  while (cf_record_get_deleted (g_ptr_array_index (items, other)));

  items->pdata[index] = items->pdata[other];
  items->pdata[other] = item;
}

static void
on_need_move (CfPlanNeedRow *row,
              int            direction,
              CfPlanPage    *self)
{
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));

  if (!is_editable (self) || position + direction < 0)
    return;

  move_item (self->needs, cf_plan_need_row_get_need (row), direction);

  g_object_ref (row);
  gtk_list_box_remove (self->needs_list, GTK_WIDGET (row));
  gtk_list_box_insert (self->needs_list, GTK_WIDGET (row), position + direction);
  g_object_unref (row);

  refresh_need_moves (self);
  cf_plan_need_row_focus_move (row, direction);
  schedule_save (self);
}

static void
on_need_remove (CfPlanNeedRow *row,
                CfPlanPage    *self)
{
  if (!is_editable (self))
    return;

  cf_record_set_deleted (CF_RECORD (cf_plan_need_row_get_need (row)), TRUE);
  gtk_list_box_remove (self->needs_list, GTK_WIDGET (row));
  refresh_need_moves (self);
  gtk_widget_grab_focus (self->add_need_button);
  schedule_save (self);
}

static CfPlanNeedRow *
add_need_row (CfPlanPage *self,
              CfPlanNeed *need)
{
  CfPlanNeedRow *row = cf_plan_need_row_new (need);

  cf_plan_need_row_set_editable (row, is_editable (self));
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_item_changed), self);
  g_signal_connect (row, "move-requested", G_CALLBACK (on_need_move), self);
  g_signal_connect (row, "remove-requested", G_CALLBACK (on_need_remove), self);
  gtk_list_box_append (self->needs_list, GTK_WIDGET (row));

  return row;
}

static void
on_add_need_clicked (CfPlanPage *self)
{
  g_autoptr(CfPlanNeed) need = NULL;
  CfPlanNeedRow *row;

  if (!is_editable (self))
    return;

  need = cf_plan_need_new (cf_record_get_id (CF_RECORD (self->plan)));
  cf_record_set_int (CF_RECORD (need), "position", self->needs->len);
  g_ptr_array_add (self->needs, g_object_ref (need));
  row = add_need_row (self, need);
  refresh_need_moves (self);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  schedule_save (self);
}

static void
on_action_remove (CfPlanActionRow *row,
                  CfPlanPage      *self)
{
  if (!is_editable (self))
    return;

  cf_record_set_deleted (CF_RECORD (cf_plan_action_row_get_action (row)), TRUE);
  gtk_list_box_remove (self->actions_list, GTK_WIDGET (row));
  gtk_widget_grab_focus (self->add_action_button);
  schedule_save (self);
}

static CfPlanActionRow *
add_action_row (CfPlanPage   *self,
                CfPlanAction *action)
{
  CfPlanActionRow *row = cf_plan_action_row_new (action);

  cf_plan_action_row_set_editable (row, is_editable (self));
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_item_changed), self);
  g_signal_connect (row, "remove-requested", G_CALLBACK (on_action_remove), self);
  gtk_list_box_append (self->actions_list, GTK_WIDGET (row));

  return row;
}

static void
on_add_action_clicked (CfPlanPage *self)
{
  g_autoptr(CfPlanAction) action = NULL;
  CfPlanActionRow *row;

  if (!is_editable (self))
    return;

  action = cf_plan_action_new (cf_record_get_id (CF_RECORD (self->plan)));
  cf_record_set_int (CF_RECORD (action), "position", self->actions->len);
  g_ptr_array_add (self->actions, g_object_ref (action));
  row = add_action_row (self, action);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  schedule_save (self);
}

static gboolean
actions_have_error (CfPlanPage *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->actions_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      if (CF_IS_PLAN_ACTION_ROW (row) && cf_plan_action_row_has_error (CF_PLAN_ACTION_ROW (row)))
        return TRUE;
    }

  return FALSE;
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* Other fields of the plan -------------------------------------------------------------------- */

static void
on_text_view_changed (GtkTextBuffer *buffer,
                      CfPlanPage    *self)
{
  const char *field = g_object_get_data (G_OBJECT (buffer), "cf-field");
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->loading || !is_editable (self))
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  cf_record_set_text (CF_RECORD (self->plan), field, text);
  schedule_save (self);
}

static void
on_spin_changed (GtkSpinButton *spin,
                 CfPlanPage    *self)
{
  const char *field = g_object_get_data (G_OBJECT (spin), "cf-field");
  gint64 value = gtk_spin_button_get_value_as_int (spin);

  if (self->loading || !is_editable (self) ||
      cf_record_get_int (CF_RECORD (self->plan), field) == value)
    return;

  cf_record_set_int (CF_RECORD (self->plan), field, value);
  schedule_save (self);
}

static void
on_agrees_changed (CfPlanPage *self)
{
  gboolean active = gtk_switch_get_active (GTK_SWITCH (self->agrees_switch));

  if (self->loading || !is_editable (self) ||
      cf_record_get_bool (CF_RECORD (self->plan), "carer_agrees") == active)
    return;

  cf_record_set_bool (CF_RECORD (self->plan), "carer_agrees", active);
  schedule_save (self);
}

static void
on_comments_changed (CfPlanPage *self)
{
  if (self->loading || !is_editable (self))
    return;

  cf_record_set_text (CF_RECORD (self->plan), "carer_comments",
                      gtk_editable_get_text (GTK_EDITABLE (self->comments_entry)));
  schedule_save (self);
}

/* Showing a version ------------------------------------------------------------------------ */

static char *
status_text (CfPlan *plan)
{
  CfRecord *record = CF_RECORD (plan);
  const char *status = cf_record_get_text (record, "status");
  long long number = cf_record_get_int (record, "number");
  g_autofree char *agreed = date_in_words (cf_record_get_text (record, "agreed_on"));
  g_autofree char *superseded = date_in_words (cf_record_get_text (record, "superseded_on"));

  if (g_str_equal (status, CF_PLAN_AGREED))
    /* Translators: %1$lld is a plan's version number, %2$s a date */
    return g_strdup_printf (_("Version %1$lld · Agreed on %2$s"), number, agreed);
  if (g_str_equal (status, CF_PLAN_SUPERSEDED) && *superseded != '\0')
    /* Translators: %1$lld is a plan's version number, %2$s a date */
    return g_strdup_printf (_("Version %1$lld · Superseded on %2$s"), number, superseded);
  if (g_str_equal (status, CF_PLAN_SUPERSEDED))
    /* Translators: %lld is a plan's version number */
    return g_strdup_printf (_("Version %lld · Superseded"), number);

  /* Translators: %lld is a plan's version number */
  return g_strdup_printf (_("Version %lld · Draft"), number);
}

/* For the list of versions: "Version 1, agreed 1 September 2026". */
static char *
version_label (CfPlan *plan)
{
  CfRecord *record = CF_RECORD (plan);
  const char *status = cf_record_get_text (record, "status");
  long long number = cf_record_get_int (record, "number");
  g_autofree char *agreed = date_in_words (cf_record_get_text (record, "agreed_on"));

  if (g_str_equal (status, CF_PLAN_DRAFT))
    /* Translators: %lld is a plan's version number */
    return g_strdup_printf (_("Version %lld, draft"), number);
  if (g_str_equal (status, CF_PLAN_AGREED))
    /* Translators: %1$lld is a plan's version number, %2$s a date */
    return g_strdup_printf (_("Version %1$lld, agreed %2$s, in force"), number, agreed);

  /* Translators: %1$lld is a plan's version number, %2$s a date */
  return g_strdup_printf (_("Version %1$lld, agreed %2$s, superseded"), number, agreed);
}

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
  CfRecord *record = CF_RECORD (self->plan);
  const char *reason = cf_record_get_text (record, "change_reason");
  g_autofree char *status = status_text (self->plan);
  g_autofree char *review = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint shown = 0;

  adw_action_row_set_subtitle (self->status_row, status);
  adw_action_row_set_subtitle (self->reason_row, reason);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), *reason != '\0');

  review = dup_next_review (self, &error);
  if (error != NULL)
    /* Translators: %s says why */
    review = g_strdup_printf (_("Could not work out the next review: %s"), error->message);
  adw_action_row_set_subtitle (self->review_row,
                               review != NULL ? review
                                              : _("Set once a version of the plan is agreed"));

  for (guint i = 0; self->versions != NULL && i < self->versions->len; i++)
    {
      CfPlan *version = g_ptr_array_index (self->versions, i);
      g_autofree char *label = version_label (version);

      gtk_string_list_append (labels, label);
      if (g_str_equal (cf_record_get_id (CF_RECORD (version)), cf_record_get_id (record)))
        shown = i;
    }

  self->loading = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->versions_row), G_LIST_MODEL (labels));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->versions_row), shown);
  self->loading = FALSE;
  gtk_widget_set_visible (self->versions_row,
                          g_list_model_get_n_items (G_LIST_MODEL (labels)) > 1);
  gtk_widget_set_visible (self->back_button, !is_current (self));
}

static void
refresh_breaks (CfPlanPage *self)
{
  g_autoptr(GPtrArray) breaks = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->breaks_list);
  if (self->carer == NULL || store (self) == NULL)
    return;

  breaks = cf_plans_list_breaks (store (self), cf_record_get_id (CF_RECORD (self->carer)), &error);
  if (breaks == NULL)
    {
      gtk_label_set_text (self->break_status, error->message);
      return;
    }

  for (guint i = 0; i < breaks->len; i++)
    {
      CfRecord *taken = g_ptr_array_index (breaks, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = date_in_words (cf_record_get_text (taken, "taken_on"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     cf_choices_label (cf_break_kinds,
                                                       cf_record_get_text (taken, "kind")));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), date);
      gtk_list_box_append (self->breaks_list, row);
    }
}

static void
refresh_copy (CfPlanPage *self)
{
  CfRecord *record = CF_RECORD (self->plan);
  const char *given_on = cf_record_get_text (record, "copy_given_on");
  g_autofree char *text = NULL;

  if (*given_on == '\0')
    text = g_strdup (_("Not recorded yet"));
  else
    {
      g_autofree char *date = date_in_words (given_on);

      /* Translators: %1$s is a date, %2$s the format of a copy, such as “Large print” */
      text = g_strdup_printf (_("%1$s, %2$s"), date,
                              cf_choices_label (cf_copy_formats,
                                                cf_record_get_text (record, "copy_format")));
    }
  adw_action_row_set_subtitle (self->copy_row, text);
}

/* Still readable, selectable and scrollable: only typing is refused. The focus is let go of
 * first, as cf_field_set_sensitive() does for entries. "cursor-visible" is left alone: GTK 4.8
 * asserts in its cursor blink when a focused text view's cursor is hidden. */
static void
set_text_view_editable (GtkWidget *view,
                        gboolean   editable)
{
  GtkRoot *root = gtk_widget_get_root (view);

  if (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)) == editable)
    return;

  if (!editable && root != NULL && gtk_root_get_focus (root) == view)
    gtk_root_set_focus (root, NULL);

  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), editable);
}

/* What a person can do to the version shown. */
static void
refresh_sensitivity (CfPlanPage *self)
{
  gboolean editable = is_editable (self);
  gboolean agreed = is_agreed (self);
  gboolean busy = cf_print_control_get_busy (self->printer);
  GtkWidget *fields[] = {
    self->add_need_button, self->add_action_button, self->cost_entry, self->contribution_entry,
    self->short_notice_row, self->day_row, self->long_row, self->agrees_row,
    self->comments_entry,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    cf_field_set_sensitive (fields[i], editable);
  set_text_view_editable (self->outcomes_view, editable);
  set_text_view_editable (self->advice_view, editable);

  gtk_widget_set_visible (self->agree_button, editable);
  gtk_widget_set_visible (self->copy_group, agreed);
  gtk_widget_set_visible (self->revise_button, agreed);
  gtk_widget_set_sensitive (self->print_button, !busy);
  gtk_widget_set_sensitive (self->pdf_button, !busy);
  /* Breaks are taken against the plan in force, whichever version is being read. */
  gtk_widget_set_sensitive (self->break_button, self->carer != NULL);
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
set_money_entry (GtkWidget  *entry,
                 GtkWidget  *message_row,
                 GtkLabel   *message,
                 gint64      pence)
{
  g_autofree char *text = cf_money_format (pence);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  cf_field_set_message (entry, message_row, message, NULL);
}

static void
set_groups_visible (CfPlanPage *self,
                    gboolean    plan)
{
  GtkWidget *groups[] = {
    self->header_group, self->outcomes_group, self->needs_group, self->actions_group,
    self->budget_group, self->breaks_group, self->agreement_group, self->document_group,
  };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_visible (groups[i], plan);
  gtk_widget_set_visible (self->empty_group, !plan && self->carer != NULL);
  if (!plan)
    gtk_widget_set_visible (self->copy_group, FALSE);
}

/* Fills every field from the version shown, or empties them all: with nothing shown (after
 * locking) no personal data stays in any widget. */
static void
load_fields (CfPlanPage *self)
{
  CfRecord *record = self->plan != NULL ? CF_RECORD (self->plan) : NULL;
  g_autofree char *today = today_text (self);

  self->loading = TRUE;

  clear_list (self->needs_list);
  clear_list (self->actions_list);
  set_text_view (self->outcomes_view,
                 record != NULL ? cf_record_get_text (record, "outcomes") : "");
  set_text_view (self->advice_view,
                 record != NULL ? cf_record_get_text (record, "prevention_advice") : "");
  set_money_entry (self->cost_entry, self->cost_message_row, self->cost_message,
                   record != NULL ? cf_record_get_int (record, "cost_pence") : 0);
  set_money_entry (self->contribution_entry, self->contribution_message_row,
                   self->contribution_message,
                   record != NULL ? cf_record_get_int (record, "carer_contribution_pence") : 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->short_notice_spin),
                             record != NULL
                             ? cf_record_get_int (record, "breaks_short_notice") : 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->day_spin),
                             record != NULL ? cf_record_get_int (record, "breaks_day") : 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->long_spin),
                             record != NULL ? cf_record_get_int (record, "breaks_long") : 0);
  gtk_switch_set_active (GTK_SWITCH (self->agrees_switch),
                         record != NULL && cf_record_get_bool (record, "carer_agrees"));
  gtk_editable_set_text (GTK_EDITABLE (self->comments_entry),
                         record != NULL ? cf_record_get_text (record, "carer_comments") : "");
  gtk_editable_set_text (GTK_EDITABLE (self->copy_on_entry), record != NULL ? today : "");
  cf_field_set_message (self->copy_on_entry, self->copy_on_message_row, self->copy_on_message,
                        NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->copy_format_row), 0);

  for (guint i = 0; self->needs != NULL && i < self->needs->len; i++)
    add_need_row (self, g_ptr_array_index (self->needs, i));
  for (guint i = 0; self->actions != NULL && i < self->actions->len; i++)
    add_action_row (self, g_ptr_array_index (self->actions, i));
  refresh_need_moves (self);

  self->loading = FALSE;

  gtk_widget_set_visible (self->agree_message_box, FALSE);
  gtk_label_set_text (self->agree_message, "");
  gtk_label_set_text (self->agree_status, "");
  gtk_label_set_text (self->copy_status, "");
  gtk_label_set_text (self->print_status, "");
  gtk_label_set_text (self->break_status, "");
}

static void
refresh (CfPlanPage *self)
{
  set_groups_visible (self, self->plan != NULL);
  if (self->plan == NULL)
    return;

  refresh_header (self);
  refresh_council (self);
  refresh_copy (self);
  refresh_sensitivity (self);
  set_save_status (self, NULL);
}

static void
close_dialog (CfPlanPage *self)
{
  if (self->dialog == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->dialog, self);
  gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_object (&self->dialog);
}

/* Shows @plan (or nothing), loading its needs and actions. */
static void
show_plan (CfPlanPage *self,
           CfPlan     *plan)
{
  g_autoptr(GError) error = NULL;

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
          gtk_label_set_text (self->build_message, text);
        }
    }

  load_fields (self);
  refresh (self);
}

/* The latest finished assessment, which a plan is built from, and why not when it can't be. */
static void
refresh_build (CfPlanPage *self)
{
  g_autoptr(GPtrArray) assessments = NULL;
  g_autoptr(GError) error = NULL;
  const char *why = NULL;

  g_clear_object (&self->assessment);
  if (self->carer == NULL || store (self) == NULL)
    {
      gtk_widget_set_sensitive (self->build_button, FALSE);
      gtk_label_set_text (self->build_message, "");
      return;
    }

  assessments = cf_assessments_list (store (self), cf_record_get_id (CF_RECORD (self->carer)),
                                     &error);
  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    {
      CfAssessment *assessment = g_ptr_array_index (assessments, i);

      if (cf_assessment_is_finished (assessment))
        {
          self->assessment = g_object_ref (assessment);
          break;
        }
    }

  if (error != NULL)
    why = error->message;
  else if (self->assessment == NULL && assessments->len > 0)
    why = _("The carer’s assessment is not finished yet. Finish it, with a decision, and the "
            "plan can be built from it.");
  else if (self->assessment == NULL)
    why = _("The carer has not been assessed yet. A plan is built from a finished assessment "
            "that found them eligible.");
  else if (!g_str_equal (cf_record_get_text (CF_RECORD (self->assessment), "decision"),
                         CF_DECISION_ELIGIBLE))
    why = _("The carer’s latest finished assessment did not find needs eligible for support, "
            "so there is no plan to build. Information and advice can still be given.");

  if (why != NULL)
    g_clear_object (&self->assessment);
  gtk_widget_set_sensitive (self->build_button, self->assessment != NULL);
  gtk_label_set_text (self->build_message, why != NULL ? why : "");
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

  refresh_build (self);
  show_plan (self, error == NULL ? shown : NULL);
  refresh_breaks (self);

  if (error != NULL)
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("The support plan could not be opened: %s"),
                                               error->message);

      gtk_widget_set_visible (self->empty_group, TRUE);
      gtk_label_set_text (self->build_message, text);
    }
}

/* Run from an idle: the combo row's model is replaced by reload(), which must not happen while
 * the combo is still telling of its selection. */
static gboolean
switch_version (gpointer user_data)
{
  CfPlanPage *self = user_data;
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (self->versions_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  CfPlan *version;

  self->switch_source = 0;
  if (self->versions == NULL || position >= self->versions->len)
    return G_SOURCE_REMOVE;

  version = g_ptr_array_index (self->versions, position);
  if (self->plan != NULL &&
      g_str_equal (cf_record_get_id (CF_RECORD (version)),
                   cf_record_get_id (CF_RECORD (self->plan))))
    return G_SOURCE_REMOVE;

  if (!cf_plan_page_flush (self, &error))
    {
      /* Stay on the draft: its edits are not stored yet. */
      refresh_header (self);
      set_save_status (self, error->message);
      return G_SOURCE_REMOVE;
    }

  id = g_strdup (cf_record_get_id (CF_RECORD (version)));
  reload (self, id);
  return G_SOURCE_REMOVE;
}

static void
on_versions_selected (CfPlanPage *self)
{
  if (self->loading || self->switch_source != 0)
    return;

  self->switch_source = g_idle_add_full (G_PRIORITY_DEFAULT, switch_version, self, NULL);
}

static void
on_back_clicked (CfPlanPage *self)
{
  reload (self, NULL);
  gtk_widget_grab_focus (self->versions_row);
}

static void
on_build_clicked (CfPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfAssessment) assessment = NULL;
  g_autoptr(CfPlan) plan = NULL;

  if (self->carer == NULL || self->assessment == NULL || store (self) == NULL)
    return;

  /* The list gives the assessment without its answers, and the plan's needs come from them. */
  assessment = cf_assessments_load (store (self), cf_record_get_id (CF_RECORD (self->assessment)),
                                    &error);
  if (assessment != NULL)
    plan = cf_plans_create_from_assessment (store (self), self->carer, assessment, &error);
  if (plan == NULL)
    {
      gtk_label_set_text (self->build_message, error->message);
      return;
    }

  reload (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->outcomes_view));
}

/* Agreeing --------------------------------------------------------------------------------- */

static void
show_agree_message (CfPlanPage *self,
                    const char *message)
{
  gtk_label_set_text (self->agree_message, message != NULL ? message : "");
  gtk_widget_set_visible (self->agree_message_box, message != NULL);
}

static void
on_agree_clicked (CfPlanPage *self)
{
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (!is_editable (self) || store (self) == NULL)
    return;

  if (budget_has_error (self) || actions_have_error (self))
    {
      show_agree_message (self, _("Correct the amounts and dates marked on this page first: "
                                  "what is saved is not what is shown there."));
      return;
    }

  missing = cf_plan_dup_missing (self->plan, self->needs, self->actions);
  if (missing->len > 0)
    {
      g_autoptr(GString) text = g_string_new (_("The plan can’t be agreed yet. Still needed:"));

      for (guint i = 0; i < missing->len; i++)
        /* Translators: one item of a list, on a line of its own */
        g_string_append_printf (text, _("\n• %s"), (const char *) g_ptr_array_index (missing, i));
      show_agree_message (self, text->str);
      return;
    }

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!cf_plans_agree (store (self), self->plan, self->needs, self->actions, NULL, &error))
    {
      show_agree_message (self, error->message);
      if (self->pending)
        schedule_save (self);
      return;
    }

  self->pending = FALSE;
  id = g_strdup (cf_record_get_id (CF_RECORD (self->plan)));
  reload (self, id);
  gtk_label_set_text (self->agree_status, _("The plan is agreed. Record when the carer is given "
                                            "a copy."));
  g_signal_emit (self, signals[CHANGED], 0);
  gtk_widget_grab_focus (self->copy_on_entry);
}

/* The carer's copy ------------------------------------------------------------------------- */

static char *
check_copy_on (CfPlanPage *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->copy_on_entry));
  g_autofree char *iso = cf_date_from_user (typed);
  GDate today;

  if (*iso == '\0')
    return g_strdup (_("Enter the date the carer was given the copy."));

  cf_clock_today (cf_context_get_clock (self->context), &today);
  return cf_field_check_date (iso, &today);
}

static void
on_copy_on_changed (CfPlanPage *self)
{
  g_autofree char *message = NULL;

  if (self->loading || self->plan == NULL)
    return;

  message = check_copy_on (self);
  cf_field_set_message (self->copy_on_entry, self->copy_on_message_row, self->copy_on_message,
                        message);
}

static void
on_copy_clicked (CfPlanPage *self)
{
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (self->copy_format_row));
  g_autofree char *message = check_copy_on (self);
  g_autofree char *iso = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!is_agreed (self) || store (self) == NULL)
    return;

  cf_field_set_message (self->copy_on_entry, self->copy_on_message_row, self->copy_on_message,
                        message);
  if (message != NULL)
    {
      gtk_label_set_text (self->copy_status, message);
      return;
    }

  iso = cf_date_from_user (gtk_editable_get_text (GTK_EDITABLE (self->copy_on_entry)));
  if (!cf_plans_copy_given (store (self), self->plan, iso,
                            position > 0 && position != GTK_INVALID_LIST_POSITION
                            ? cf_copy_formats[position - 1].id : "", &error))
    {
      gtk_label_set_text (self->copy_status, error->message);
      return;
    }

  date = date_in_words (iso);
  /* Translators: %s is a date */
  text = g_strdup_printf (_("Recorded that the carer was given a copy on %s."), date);
  gtk_label_set_text (self->copy_status, text);
  refresh_copy (self);
  g_signal_emit (self, signals[CHANGED], 0);
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
  gtk_label_set_text (self->save_status, text);
  g_signal_emit (self, signals[CHANGED], 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->outcomes_view));
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

/* Breaks taken ----------------------------------------------------------------------------- */

static void
on_break_response (AdwMessageDialog *dialog,
                   const char       *response,
                   CfPlanPage       *self)
{
  g_autoptr(CfCarerBreak) taken = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  const char *kind = cf_plan_break_dialog_get_kind (dialog);

  iso = cf_plan_break_dialog_dup_date (dialog);
  g_signal_handlers_disconnect_by_data (dialog, self);
  g_clear_object (&self->dialog);

  if (!g_str_equal (response, CF_PLAN_RESPONSE_RECORD) || self->carer == NULL ||
      store (self) == NULL)
    return;

  taken = cf_plans_record_break (store (self), self->carer, kind, iso, NULL, &error);
  if (taken == NULL)
    {
      gtk_label_set_text (self->break_status, error->message);
      return;
    }

  refresh_breaks (self);
  gtk_label_set_text (self->break_status, _("The break is recorded."));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_break_clicked (CfPlanPage *self)
{
  GDate today;

  if (self->carer == NULL)
    return;

  close_dialog (self);
  cf_clock_today (cf_context_get_clock (self->context), &today);
  self->dialog = g_object_ref_sink (cf_plan_break_dialog_new (parent_window (self), &today));
  g_signal_connect (self->dialog, "response", G_CALLBACK (on_break_response), self);
  gtk_window_present (GTK_WINDOW (self->dialog));
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
  g_autoptr(CfDocument) document = NULL;

  if (settings != NULL)
    {
      name = g_settings_get_string (settings, "organisation-name");
      phone = g_settings_get_string (settings, "organisation-phone");
    }
  review = dup_next_review (self, NULL);
  document = cf_plan_document_build (self->carer, self->plan, self->needs, self->actions, review,
                                     settings != NULL ? &(CfOrganisation) { name, phone } : NULL);

  /* Large print when that is the format the carer takes their copy in. */
  cf_print_control_start (self->printer, &plan_words, document, action, path,
                          g_str_equal (cf_record_get_text (CF_RECORD (self->plan), "copy_format"),
                                       "large-print"),
                          store (self), "support_plan", cf_record_get_id (CF_RECORD (self->plan)),
                          NULL, task);
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
  close_dialog (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->switch_source, g_source_remove);
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
  BIND (build_button);
  BIND (build_message);
  BIND (header_group);
  BIND (status_row);
  BIND (reason_row);
  BIND (review_row);
  BIND (versions_row);
  BIND (back_button);
  BIND (save_status);
  BIND (outcomes_group);
  BIND (outcomes_view);
  BIND (advice_view);
  BIND (needs_group);
  BIND (add_need_button);
  BIND (needs_list);
  BIND (actions_group);
  BIND (add_action_button);
  BIND (actions_list);
  BIND (budget_group);
  BIND (cost_entry);
  BIND (cost_message_row);
  BIND (cost_message);
  BIND (contribution_entry);
  BIND (contribution_message_row);
  BIND (contribution_message);
  BIND (council_row);
  BIND (breaks_group);
  BIND (short_notice_row);
  BIND (short_notice_spin);
  BIND (day_row);
  BIND (day_spin);
  BIND (long_row);
  BIND (long_spin);
  BIND (breaks_list);
  BIND (break_button);
  BIND (break_status);
  BIND (agreement_group);
  BIND (agrees_row);
  BIND (agrees_switch);
  BIND (comments_entry);
  BIND (agree_button);
  BIND (agree_message_box);
  BIND (agree_message);
  BIND (agree_status);
  BIND (copy_group);
  BIND (copy_row);
  BIND (copy_on_entry);
  BIND (copy_on_message_row);
  BIND (copy_on_message);
  BIND (copy_format_row);
  BIND (copy_button);
  BIND (copy_status);
  BIND (document_group);
  BIND (revise_button);
  BIND (print_button);
  BIND (pdf_button);
  BIND (print_status);
#undef BIND
}

static void
cf_plan_page_init (CfPlanPage *self)
{
  /* Translators: the first entry of the list of formats a copy was given in */
  g_autoptr(GtkStringList) formats = cf_choice_list_new_with_none (cf_copy_formats,
                                                                   _("Choose a format"));
  GtkTextBuffer *outcomes, *advice;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->printer = cf_print_control_new (GTK_WIDGET (self), self->print_status,
                                        self->print_button, self->pdf_button, NULL);

  g_object_set_data (G_OBJECT (self->short_notice_spin), "cf-field",
                     (gpointer) "breaks_short_notice");
  g_object_set_data (G_OBJECT (self->day_spin), "cf-field", (gpointer) "breaks_day");
  g_object_set_data (G_OBJECT (self->long_spin), "cf-field", (gpointer) "breaks_long");
  g_signal_connect (self->short_notice_spin, "value-changed", G_CALLBACK (on_spin_changed), self);
  g_signal_connect (self->day_spin, "value-changed", G_CALLBACK (on_spin_changed), self);
  g_signal_connect (self->long_spin, "value-changed", G_CALLBACK (on_spin_changed), self);

  outcomes = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->outcomes_view));
  advice = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->advice_view));
  g_object_set_data (G_OBJECT (outcomes), "cf-field", (gpointer) "outcomes");
  g_object_set_data (G_OBJECT (advice), "cf-field", (gpointer) "prevention_advice");
  g_signal_connect (outcomes, "changed", G_CALLBACK (on_text_view_changed), self);
  g_signal_connect (advice, "changed", G_CALLBACK (on_text_view_changed), self);

  adw_combo_row_set_model (ADW_COMBO_ROW (self->copy_format_row), G_LIST_MODEL (formats));

  g_signal_connect_swapped (self->build_button, "clicked", G_CALLBACK (on_build_clicked), self);
  g_signal_connect_swapped (self->versions_row, "notify::selected",
                            G_CALLBACK (on_versions_selected), self);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (on_back_clicked), self);
  g_signal_connect_swapped (self->add_need_button, "clicked", G_CALLBACK (on_add_need_clicked),
                            self);
  g_signal_connect_swapped (self->add_action_button, "clicked",
                            G_CALLBACK (on_add_action_clicked), self);
  g_signal_connect (self->cost_entry, "changed", G_CALLBACK (on_money_changed), self);
  g_signal_connect (self->contribution_entry, "changed", G_CALLBACK (on_money_changed), self);
  g_signal_connect_swapped (self->break_button, "clicked", G_CALLBACK (on_break_clicked), self);
  g_signal_connect_swapped (self->agrees_switch, "notify::active",
                            G_CALLBACK (on_agrees_changed), self);
  g_signal_connect_swapped (self->comments_entry, "changed", G_CALLBACK (on_comments_changed),
                            self);
  g_signal_connect_swapped (self->agree_button, "clicked", G_CALLBACK (on_agree_clicked), self);
  g_signal_connect_swapped (self->copy_on_entry, "changed", G_CALLBACK (on_copy_on_changed), self);
  g_signal_connect_swapped (self->copy_button, "clicked", G_CALLBACK (on_copy_clicked), self);
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

  return self->dialog;
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
