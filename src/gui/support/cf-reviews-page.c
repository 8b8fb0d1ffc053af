/* cf-reviews-page.c: what falls due for a carer, their reviews, and reminders by text
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Support plan and personal budget": reviews at 6 to 8 weeks and then at least
 * every 12 months (6 for young carers), sooner on request or a change of circumstances, and
 * text reminders only with consent. Every date on this page comes from cf_due_for_carer();
 * none is typed in.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-dates.h"
#include "cf-direct-payments.h"
#include "cf-gui-util.h"
#include "cf-plans.h"
#include "cf-reviews-page.h"
#include "cf-reviews.h"

struct _CfReviewsPage
{
  AdwBin               parent_instance;

  CfContext           *context;
  CfCarer             *carer;

  GtkLabel            *status_label;
  AdwPreferencesGroup *due_group;
  AdwPreferencesGroup *reviews_group;
  GtkSwitch           *texts_switch;
  AdwActionRow        *texts_row;
  GtkWidget           *request_button;
  GtkWidget           *record_button;

  GPtrArray           *rows;
  /* What can be reviewed: (subject, id, label) triples, the plan in force first. */
  GPtrArray           *subjects;
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (CfReviewsPage, cf_reviews_page, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  char *subject;
  char *id;
  char *label;
} Subject;

static void
subject_free (gpointer data)
{
  Subject *subject = data;

  g_free (subject->subject);
  g_free (subject->id);
  g_free (subject->label);
  g_free (subject);
}

static CfStore *
get_store (CfReviewsPage *self)
{
  return cf_context_get_store (self->context);
}

static void
show_status (CfReviewsPage *self,
             const char    *message,
             gboolean       is_error)
{
  gtk_label_set_label (self->status_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), message != NULL && *message != '\0');
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
clear_rows (CfReviewsPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static GtkWidget *
add_row (CfReviewsPage       *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);

  return row;
}

/* The state in words and an icon: never colour alone. */
static const char *
state_words (CfDueState state,
             const char **icon)
{
  switch (state)
    {
    case CF_DUE_STATE_OVERDUE:
      *icon = "dialog-warning-symbolic";
      return _("Overdue");
    case CF_DUE_STATE_SOON:
      *icon = "alarm-symbolic";
      return _("Due soon");
    case CF_DUE_STATE_LATER:
    case CF_DUE_STATE_NONE:
    default:
      *icon = "emblem-ok-symbolic";
      return _("In date");
    }
}

static void
add_due_rows (CfReviewsPage *self,
              CfStore       *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = cf_due_for_carer (store, self->carer, NULL, &error);

  if (items == NULL)
    {
      add_row (self, self->due_group, _("Due dates can’t be shown"), error->message);
      return;
    }

  if (items->len == 0)
    add_row (self, self->due_group, _("Nothing is due yet"),
             _("Dates appear here once a plan, an emergency plan or a direct payment is agreed."));

  for (guint i = 0; i < items->len; i++)
    {
      CfDueItem *item = g_ptr_array_index (items, i);
      const char *icon_name;
      const char *words = state_words (item->state, &icon_name);
      /* The title says "overdue since" or "due" with the date (cf_due_describe()); the icon
       * repeats it, and is named for a screen reader that reads it. */
      GtkWidget *row = add_row (self, self->due_group, item->title, NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, words,
                                      -1);
      if (item->state == CF_DUE_STATE_OVERDUE)
        gtk_widget_add_css_class (icon, "error");
      else if (item->state == CF_DUE_STATE_SOON)
        gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
}

static void on_record_clicked (CfReviewsPage *self,
                               GtkButton     *button);

static void
add_review_rows (CfReviewsPage *self,
                 CfStore       *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) reviews = cf_reviews_list (store, cf_record_get_id (CF_RECORD (self->carer)),
                                                  &error);

  if (reviews == NULL)
    {
      add_row (self, self->reviews_group, _("Reviews can’t be shown"), error->message);
      return;
    }

  if (reviews->len == 0)
    add_row (self, self->reviews_group, _("No reviews yet"), NULL);

  for (guint i = 0; i < reviews->len; i++)
    {
      CfRecord *review = g_ptr_array_index (reviews, i);
      const char *held_on = cf_record_get_text (review, "held_on");
      gboolean early = g_str_equal (cf_record_get_text (review, "kind"), CF_REVIEW_EARLY);
      gboolean of_plan = g_str_equal (cf_record_get_text (review, "subject"),
                                      CF_REVIEW_SUBJECT_PLAN);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *date = NULL;
      GtkWidget *row;

      if (*held_on != '\0')
        {
          date = cf_date_to_user (held_on);
          title = g_strdup_printf (early ? (of_plan ? _("Early plan review held on %s")
                                                    : _("Early direct payment review held on %s"))
                                         : (of_plan ? _("Plan review held on %s")
                                                    : _("Direct payment review held on %s")),
                                   date);
          subtitle = g_strdup (cf_choices_label (cf_review_outcomes,
                                                 cf_record_get_text (review, "outcome")));
        }
      else
        {
          date = cf_date_to_user (cf_record_get_text (review, "requested_on"));
          /* Translators: %s is a date */
          title = g_strdup_printf (_("Early review asked for on %s"), date);
          subtitle = g_strdup (cf_choices_label (cf_review_reasons,
                                                 cf_record_get_text (review, "reason")));
        }

      row = add_row (self, self->reviews_group, title, subtitle);

      if (*held_on == '\0')
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("Record _Outcome…"));
          g_autofree char *label = g_strdup_printf (_("Record the outcome of the early review "
                                                      "asked for on %s"), date);

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          g_object_set_data_full (G_OBJECT (button), "review-id",
                                  g_strdup (cf_record_get_id (review)), g_free);
          g_signal_connect_object (button, "clicked", G_CALLBACK (on_record_clicked), self,
                                   G_CONNECT_SWAPPED);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
    }
}

static void
load_subjects (CfReviewsPage *self,
               CfStore       *store)
{
  const char *carer_id = cf_record_get_id (CF_RECORD (self->carer));
  g_autoptr(GPtrArray) plans = cf_plans_list (store, carer_id, NULL);
  g_autoptr(GPtrArray) payments = cf_direct_payments_list (store, carer_id, NULL);

  g_ptr_array_set_size (self->subjects, 0);

  for (guint i = 0; plans != NULL && i < plans->len; i++)
    {
      CfRecord *plan = g_ptr_array_index (plans, i);
      Subject *subject;

      if (!g_str_equal (cf_record_get_text (plan, "status"), CF_PLAN_AGREED))
        continue;

      subject = g_new0 (Subject, 1);
      subject->subject = g_strdup (CF_REVIEW_SUBJECT_PLAN);
      subject->id = g_strdup (cf_record_get_id (plan));
      /* Translators: %lld is a version number */
      subject->label = g_strdup_printf (_("The support plan (version %lld)"),
                                        (long long) cf_record_get_int (plan, "number"));
      g_ptr_array_add (self->subjects, subject);
    }

  for (guint i = 0; payments != NULL && i < payments->len; i++)
    {
      CfDirectPayment *payment = g_ptr_array_index (payments, i);
      g_autofree char *amount = NULL;
      Subject *subject;

      if (!g_str_equal (cf_record_get_text (CF_RECORD (payment), "status"),
                        CF_DIRECT_PAYMENT_ACTIVE))
        continue;

      amount = cf_direct_payment_describe_amount (payment);
      subject = g_new0 (Subject, 1);
      subject->subject = g_strdup (CF_REVIEW_SUBJECT_DIRECT_PAYMENT);
      subject->id = g_strdup (cf_record_get_id (CF_RECORD (payment)));
      /* Translators: %s is an amount and how often, such as “£150.00 every four weeks” */
      subject->label = g_strdup_printf (_("The direct payment of %s"), amount);
      g_ptr_array_add (self->subjects, subject);
    }
}

void
cf_reviews_page_refresh (CfReviewsPage *self)
{
  CfStore *store;

  g_return_if_fail (CF_IS_REVIEWS_PAGE (self));

  clear_rows (self);
  store = get_store (self);
  if (self->carer == NULL || store == NULL)
    return;

  load_subjects (self, store);
  add_due_rows (self, store);
  add_review_rows (self, store);

  self->updating = TRUE;
  gtk_switch_set_active (self->texts_switch,
                         cf_record_get_bool (CF_RECORD (self->carer), "texts_consent"));
  self->updating = FALSE;
  if (cf_record_get_bool (CF_RECORD (self->carer), "texts_consent"))
    {
      g_autofree char *date = cf_date_to_user (cf_record_get_text (CF_RECORD (self->carer),
                                                                   "texts_consent_on"));
      g_autofree char *subtitle = g_strdup_printf (_("Agreed on %s"), date);

      adw_action_row_set_subtitle (self->texts_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->texts_row, _("No reminders will be sent by text"));

  gtk_widget_set_sensitive (self->request_button, self->subjects->len > 0);
  gtk_widget_set_sensitive (self->record_button, self->subjects->len > 0);
}

static Subject *
find_subject (CfReviewsPage *self,
              const char    *id)
{
  for (guint i = 0; i < self->subjects->len; i++)
    {
      Subject *subject = g_ptr_array_index (self->subjects, i);

      if (g_strcmp0 (subject->id, id) == 0)
        return subject;
    }

  return NULL;
}

static CfReview *
find_pending (CfReviewsPage *self,
              const char    *id)
{
  g_autoptr(GPtrArray) reviews = cf_reviews_list (get_store (self),
                                                  cf_record_get_id (CF_RECORD (self->carer)), NULL);

  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      CfRecord *review = g_ptr_array_index (reviews, i);

      if (g_str_equal (cf_record_get_id (review), id))
        return g_object_ref (CF_REVIEW (review));
    }

  return NULL;
}

gboolean
cf_reviews_page_request_early (CfReviewsPage *self,
                               const char    *subject_id,
                               const char    *reason,
                               const char    *notes,
                               GError       **error)
{
  Subject *subject;
  g_autoptr(CfReview) review = NULL;

  g_return_val_if_fail (CF_IS_REVIEWS_PAGE (self), FALSE);
  g_return_val_if_fail (self->carer != NULL, FALSE);

  subject = find_subject (self, subject_id);
  if (subject == NULL)
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Choose the plan or direct payment to review."));
      return FALSE;
    }

  review = cf_reviews_request_early (get_store (self), self->carer, subject->subject, subject->id,
                                     reason, notes, NULL, error);
  if (review == NULL)
    return FALSE;

  show_status (self, _("Early review asked for. It is due within four weeks."), FALSE);
  cf_reviews_page_refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
cf_reviews_page_record (CfReviewsPage *self,
                        const char    *pending_id,
                        const char    *subject_id,
                        const char    *held_on_typed,
                        const char    *outcome,
                        const char    *notes,
                        GError       **error)
{
  CfStore *store;
  g_autoptr(CfReview) pending = NULL;
  g_autoptr(CfReview) review = NULL;
  g_autofree char *held_on = NULL;
  const char *subject_kind = NULL;
  const char *plan_id = NULL;
  Subject *subject = NULL;

  g_return_val_if_fail (CF_IS_REVIEWS_PAGE (self), FALSE);
  g_return_val_if_fail (self->carer != NULL, FALSE);

  store = get_store (self);

  if (pending_id != NULL)
    {
      pending = find_pending (self, pending_id);
      if (pending == NULL)
        {
          g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                               _("That review is no longer there."));
          return FALSE;
        }
      subject_kind = cf_record_get_text (CF_RECORD (pending), "subject");
      plan_id = cf_record_get_text (CF_RECORD (pending), "subject_id");
    }
  else if ((subject = find_subject (self, subject_id)) == NULL)
    {
      g_set_error_literal (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID,
                           _("Choose the plan or direct payment that was reviewed."));
      return FALSE;
    }
  else
    {
      subject_kind = subject->subject;
      plan_id = subject->id;
    }

  held_on = cf_date_from_user (held_on_typed != NULL ? held_on_typed : "");
  review = cf_reviews_record (store, self->carer, pending,
                              subject != NULL ? subject->subject : NULL,
                              subject != NULL ? subject->id : NULL, held_on, outcome, notes,
                              error);
  if (review == NULL)
    return FALSE;

  /* A review that revises the plan starts its next version straight away. */
  if (g_str_equal (outcome, "plan-revised") &&
      g_strcmp0 (subject_kind, CF_REVIEW_SUBJECT_PLAN) == 0)
    {
      g_autoptr(GError) revise_error = NULL;
      g_autoptr(CfPlan) plan = cf_plans_load (store, plan_id, &revise_error);
      g_autofree char *display = cf_date_to_user (held_on);
      g_autofree char *reason = NULL;
      g_autoptr(CfPlan) next = NULL;

      /* Translators: %s is a date */
      reason = notes != NULL && *notes != '\0' ? g_strdup (notes)
                                               : g_strdup_printf (_("The review on %s"), display);
      if (plan != NULL)
        next = cf_plans_revise (store, plan, reason, &revise_error);

      if (next != NULL)
        show_status (self, _("Review recorded. A new version of the plan was started: "
                             "open Plan to change it and agree it with the carer."), FALSE);
      else
        show_status (self, revise_error->message, TRUE);
    }
  else
    show_status (self, _("Review recorded. The next review date has been worked out again."),
                 FALSE);

  cf_reviews_page_refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/* The dialogs */

typedef struct
{
  CfReviewsPage *self;
  gboolean       early;
  char          *pending_id;
  AdwComboRow   *subject_row;
  AdwComboRow   *choice_row;
  AdwEntryRow   *date_row;
  AdwEntryRow   *notes_row;
} DialogData;

static void
dialog_data_free (gpointer data)
{
  DialogData *dialog = data;

  g_free (dialog->pending_id);
  g_free (dialog);
}

static void open_dialog (CfReviewsPage *self,
                         gboolean       early,
                         const char    *pending_id,
                         const char    *message);

static void
on_dialog_response (AdwMessageDialog *message_dialog,
                    const char       *response,
                    DialogData       *dialog)
{
  CfReviewsPage *self = dialog->self;
  g_autoptr(GError) error = NULL;
  const CfChoice *choices = dialog->early ? cf_review_reasons : cf_review_outcomes;
  guint choice = adw_combo_row_get_selected (dialog->choice_row);
  const char *choice_id = choice < cf_choices_count (choices) ? choices[choice].id : NULL;
  const char *subject_id = NULL;
  const char *notes = gtk_editable_get_text (GTK_EDITABLE (dialog->notes_row));
  gboolean ok;

  if (!g_str_equal (response, "save"))
    return;

  if (dialog->subject_row != NULL)
    {
      guint index = adw_combo_row_get_selected (dialog->subject_row);

      if (index < self->subjects->len)
        subject_id = ((Subject *) g_ptr_array_index (self->subjects, index))->id;
    }

  if (dialog->early)
    ok = cf_reviews_page_request_early (self, subject_id, choice_id, notes, &error);
  else
    ok = cf_reviews_page_record (self, dialog->pending_id, subject_id,
                                 gtk_editable_get_text (GTK_EDITABLE (dialog->date_row)),
                                 choice_id, notes, &error);

  /* Nothing typed is lost: the dialog comes back with the message. */
  if (!ok)
    open_dialog (self, dialog->early, dialog->pending_id, error->message);
}

static void
open_dialog (CfReviewsPage *self,
             gboolean       early,
             const char    *pending_id,
             const char    *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *group = adw_preferences_group_new ();
  DialogData *data = g_new0 (DialogData, 1);
  g_autoptr(GtkStringList) subjects = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) choices = NULL;
  g_autoptr(GDateTime) now = cf_clock_now (cf_context_get_clock (self->context));
  g_autoptr(GDateTime) local = g_date_time_to_local (now);
  g_autofree char *today = g_date_time_format (local, "%d/%m/%Y");

  data->self = self;
  data->early = early;
  data->pending_id = g_strdup (pending_id);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       early ? _("Ask for an Early Review")
                                                             : _("Record a Review"),
                                                       message));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "save", early ? _("_Ask for Review") : _("_Record Review"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  /* The group has no title: the dialog's heading names its list for a screen reader. */
  cf_preferences_group_name_list (ADW_PREFERENCES_GROUP (group),
                                  early ? _("Ask for an Early Review") : _("Record a Review"));

  if (pending_id == NULL)
    {
      for (guint i = 0; i < self->subjects->len; i++)
        gtk_string_list_append (subjects, ((Subject *) g_ptr_array_index (self->subjects, i))->label);
      data->subject_row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->subject_row), _("What is reviewed"));
      adw_combo_row_set_model (data->subject_row, G_LIST_MODEL (subjects));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (data->subject_row));
    }

  if (!early)
    {
      data->date_row = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->date_row),
                                     _("Date held (DD/MM/YYYY)"));
      gtk_editable_set_text (GTK_EDITABLE (data->date_row), today);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (data->date_row));
    }

  choices = cf_choice_list_new (early ? cf_review_reasons : cf_review_outcomes);
  data->choice_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->choice_row),
                                 early ? _("Why it is needed") : _("What the review decided"));
  adw_combo_row_set_model (data->choice_row, G_LIST_MODEL (choices));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (data->choice_row));

  data->notes_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->notes_row),
                                 early ? _("What has changed") : _("Notes"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (data->notes_row));

  adw_message_dialog_set_extra_child (dialog, group);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_dialog_response), data,
                         (GClosureNotify) (void (*) (void)) dialog_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_record_clicked (CfReviewsPage *self,
                   GtkButton     *button)
{
  open_dialog (self, FALSE, g_object_get_data (G_OBJECT (button), "review-id"), NULL);
}

static void
on_request_clicked (CfReviewsPage *self)
{
  open_dialog (self, TRUE, NULL, _("A review sooner than planned, because the carer asked or "
                                   "something changed."));
}

static void
on_record_new_clicked (CfReviewsPage *self)
{
  open_dialog (self, FALSE, NULL, NULL);
}

static void
on_texts_changed (CfReviewsPage *self)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (self->texts_switch);

  if (self->updating || self->carer == NULL)
    return;

  if (!cf_reviews_set_texts_consent (get_store (self), self->carer, active, &error))
    {
      show_status (self, error->message, TRUE);
      self->updating = TRUE;
      gtk_switch_set_active (self->texts_switch, !active);
      self->updating = FALSE;
      return;
    }

  show_status (self, active ? _("Consent to text reminders recorded.")
                            : _("Withdrawal of consent to text reminders recorded."), FALSE);
  cf_reviews_page_refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
cf_reviews_page_set_carer (CfReviewsPage *self,
                           CfCarer       *carer)
{
  g_return_if_fail (CF_IS_REVIEWS_PAGE (self));
  g_return_if_fail (carer == NULL || CF_IS_CARER (carer));

  g_set_object (&self->carer, carer);
  show_status (self, NULL, FALSE);
  cf_reviews_page_refresh (self);
}

CfReviewsPage *
cf_reviews_page_new (CfContext *context)
{
  CfReviewsPage *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  self = g_object_new (CF_TYPE_REVIEWS_PAGE, NULL);
  self->context = g_object_ref (context);

  return self;
}

static void
cf_reviews_page_dispose (GObject *object)
{
  CfReviewsPage *self = CF_REVIEWS_PAGE (object);

  g_clear_object (&self->carer);
  g_clear_object (&self->context);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->subjects, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_reviews_page_parent_class)->dispose (object);
}

static void
cf_reviews_page_class_init (CfReviewsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_reviews_page_dispose;

  /**
   * CfReviewsPage::changed:
   *
   * A review, a request or consent was saved.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/carefield/Carefield/support/cf-reviews-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfReviewsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, CfReviewsPage, due_group);
  gtk_widget_class_bind_template_child (widget_class, CfReviewsPage, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, CfReviewsPage, texts_switch);
  gtk_widget_class_bind_template_child (widget_class, CfReviewsPage, texts_row);
  gtk_widget_class_bind_template_child (widget_class, CfReviewsPage, request_button);
  gtk_widget_class_bind_template_child (widget_class, CfReviewsPage, record_button);
  gtk_widget_class_bind_template_callback (widget_class, on_request_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_record_new_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_texts_changed);
}

static void
cf_reviews_page_init (CfReviewsPage *self)
{
  self->rows = g_ptr_array_new ();
  self->subjects = g_ptr_array_new_with_free_func (subject_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}
