/* cf-direct-payment-page.c: a carer's direct payments, their conditions and their monitoring
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Direct payments" (Care Act 2014 s.31-33; Direct Payments Regulations 2014). The
 * rules are in src/core/cf-direct-payments.c; this page shows them beside the fields they are
 * about, in words. Edits are saved half a second after the last change. The fields' rows are
 * bound to the payment by cf-dp-fields.c; the list of payments, the balance returns and the
 * personal assistants are groups of their own (cf-dp-payments-group.c, cf-dp-returns-group.c,
 * cf-dp-assistants-group.c), and the set-up and end questions are in cf-dp-dialogs.c.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-dates.h"
#include "cf-direct-payment-page.h"
#include "cf-direct-payments.h"
#include "cf-dp-assistants-group.h"
#include "cf-dp-dialogs.h"
#include "cf-dp-fields.h"
#include "cf-dp-form.h"
#include "cf-dp-payments-group.h"
#include "cf-dp-returns-group.h"
#include "cf-gui-util.h"
#include "cf-plans.h"
#include "cf-reviews.h"
#include "cf-schedule.h"

#define SAVE_DELAY_MS 500
#define RETRY_DELAY_S 5

struct _CfDirectPaymentPage
{
  AdwBin           parent_instance;

  CfContext       *context;
  CfCarer         *carer;
  GPtrArray       *payments;
  CfDirectPayment *payment;
  CfDpFields      *fields;
  guint            save_source;

  GtkWidget       *list_group;
  GtkWidget       *set_up_button;
  GtkWidget       *summary_group;
  GtkWidget       *status_row;
  GtkLabel        *result_label;
  GtkWidget       *agree_button;
  GtkWidget       *end_button;
  GtkLabel        *save_status;
  GtkWidget       *conditions_group;
  GtkWidget       *capacity_row;
  GtkWidget       *authorised_row;
  GtkWidget       *consent_row;
  GtkWidget       *consent_switch;
  GtkWidget       *manage_row;
  GtkWidget       *appropriate_row;
  GtkWidget       *appropriate_switch;
  GtkWidget       *decided_by_row;
  GtkWidget       *decided_on_row;
  GtkWidget       *payment_group;
  GtkWidget       *amount_row;
  GtkWidget       *frequency_row;
  GtkWidget       *purpose_row;
  GtkWidget       *method_row;
  GtkWidget       *method_reason_row;
  GtkWidget       *budget_holder_row;
  GtkWidget       *cardholder_row;
  GtkWidget       *relative_row;
  GtkWidget       *relative_switch;
  GtkWidget       *relative_reason_row;
  GtkWidget       *not_allowed_row;
  GtkWidget       *not_allowed_reason_row;
  GtkWidget       *bridges_row;
  GtkWidget       *dates_group;
  GtkWidget       *requested_row;
  GtkWidget       *agreed_row;
  GtkWidget       *signed_row;
  GtkWidget       *first_payment_row;
  GtkWidget       *monitoring_group;
  GtkWidget       *review_row;
  GtkWidget       *returns_group;
  GtkWidget       *assistants_group;
};

G_DEFINE_FINAL_TYPE (CfDirectPaymentPage, cf_direct_payment_page, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh_all (CfDirectPaymentPage *self);
static void reload      (CfDirectPaymentPage *self,
                         const char          *select_id);

/* Small helpers --------------------------------------------------------------------------- */

static CfStore *
get_store (CfDirectPaymentPage *self)
{
  return cf_context_get_store (self->context);
}

static void
get_today (CfDirectPaymentPage *self,
           GDate               *today)
{
  cf_clock_today (cf_context_get_clock (self->context), today);
}

static const char *
payment_text (CfDirectPaymentPage *self,
              const char          *field)
{
  return self->payment != NULL ? cf_record_get_text (CF_RECORD (self->payment), field) : "";
}


/* Saving ------------------------------------------------------------------------------------ */

static void
set_save_status (CfDirectPaymentPage *self,
                 const char          *error_message)
{
  g_autofree char *words = NULL;

  if (error_message != NULL)
    /* Translators: %s is why a change could not be saved */
    words = g_strdup_printf (_("Not saved: %s Your changes are kept here."), error_message);
  else
    words = g_strdup (_("All changes saved."));

  gtk_label_set_text (self->save_status, words);
}

static gboolean
save_now (CfDirectPaymentPage  *self,
          GError              **error)
{
  CfStore *store = get_store (self);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->payment == NULL || store == NULL || !cf_record_is_dirty (CF_RECORD (self->payment)))
    return TRUE;

  if (!cf_direct_payments_save (store, self->payment, error))
    return FALSE;

  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

static gboolean
save_timeout (gpointer user_data)
{
  CfDirectPaymentPage *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!save_now (self, &error))
    {
      set_save_status (self, error->message);
      /* A busy database may work later; a refused value waits for the person to change it. */
      if (error->domain == CF_STORE_ERROR)
        self->save_source = g_timeout_add_seconds (RETRY_DELAY_S, save_timeout, self);
      return G_SOURCE_REMOVE;
    }

  set_save_status (self, NULL);
  refresh_all (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (CfDirectPaymentPage *self)
{
  gtk_label_set_text (self->save_status, _("Saving…"));
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
}

/* The payments list and the summary ----------------------------------------------------------- */

static void
refresh_summary (CfDirectPaymentPage *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *amount = NULL;
  const char *status;
  gboolean locked;

  if (self->payment == NULL)
    return;

  status = payment_text (self, "status");
  locked = cf_direct_payment_is_locked (self->payment);
  amount = cf_direct_payment_describe_amount (self->payment);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->summary_group),
                                   cf_dp_form_term_title (self->payment));

  if (g_str_equal (status, CF_DIRECT_PAYMENT_REFUSED))
    /* Translators: %s is the reason, such as “A direct payment cannot be set up: …” */
    subtitle = g_strdup_printf (_("Cannot be set up. %s"), payment_text (self, "end_reason"));
  else if (g_str_equal (status, CF_DIRECT_PAYMENT_ENDED))
    {
      g_autofree char *ended = cf_dp_form_format_date (payment_text (self, "ended_on"));

      /* Translators: %1$s is a date, %2$s why the payment ended */
      subtitle = g_strdup_printf (_("Ended %1$s: %2$s"), ended, payment_text (self, "end_reason"));
    }
  else if (g_str_equal (status, CF_DIRECT_PAYMENT_ACTIVE))
    {
      g_autofree char *agreed = cf_dp_form_format_date (payment_text (self, "agreed_on"));

      /* Translators: %1$s is an amount such as “£150.00 every four weeks”, %2$s a date */
      subtitle = g_strdup_printf (_("Paying %1$s, agreed %2$s"), amount, agreed);
    }
  else
    /* Translators: %s is an amount such as “£150.00 every four weeks” */
    subtitle = g_strdup_printf (_("Being set up: %s"), amount);

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), subtitle);

  /* Once agreed, ended or refused there is nothing to agree: the button goes, as on the plan. */
  gtk_widget_set_visible (self->agree_button, g_str_equal (status, CF_DIRECT_PAYMENT_SETTING_UP));
  gtk_widget_set_sensitive (self->end_button, !locked);
  cf_dp_fields_set_row_visible (self->fields, self->bridges_row,
                                g_str_equal (payment_text (self, "term"), "short-term"));

  /* DOMAIN.md, "Monitoring": within the first six months, then at most every twelve. */
  {
    GDate first, due, today, reviewed;
    g_autofree char *words = NULL;

    get_today (self, &today);
    if (g_str_equal (status, CF_DIRECT_PAYMENT_ACTIVE) &&
        cf_date_read_iso (payment_text (self, "first_payment_on"), &first))
      {
        /* A review held restarts the cycle: the latest one held counts. */
        if (self->carer == NULL || get_store (self) == NULL ||
            !cf_reviews_last_held (get_store (self), cf_record_get_id (CF_RECORD (self->carer)),
                                   cf_record_get_id (CF_RECORD (self->payment)), &reviewed, NULL))
          g_date_clear (&reviewed, 1);

        cf_direct_payment_review_due (&first, g_date_valid (&reviewed) ? &reviewed : NULL, &due);
        words = cf_due_describe (_("Direct payment review"), &due, &today);
      }
    else if (g_str_equal (status, CF_DIRECT_PAYMENT_ACTIVE))
      words = g_strdup (_("Due within six months of the first payment: record its date."));
    else
      words = g_strdup (_("Only for a payment that is paying."));

    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->review_row), words);
  }
}

static void
load_children (CfDirectPaymentPage *self)
{
  CfStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) returns = NULL;
  g_autoptr(GPtrArray) assistants = NULL;
  const char *id;

  cf_dp_list_group_set_payment (CF_DP_LIST_GROUP (self->returns_group), self->payment);
  cf_dp_list_group_set_payment (CF_DP_LIST_GROUP (self->assistants_group), self->payment);

  if (self->payment == NULL || store == NULL)
    return;

  id = cf_record_get_id (CF_RECORD (self->payment));
  returns = cf_direct_payments_list_returns (store, id, &error);
  if (returns != NULL)
    assistants = cf_direct_payments_list_assistants (store, id, &error);
  if (error != NULL)
    set_save_status (self, error->message);

  cf_dp_list_group_set_items (CF_DP_LIST_GROUP (self->returns_group), returns);
  cf_dp_list_group_set_items (CF_DP_LIST_GROUP (self->assistants_group), assistants);
}

static void
refresh_all (CfDirectPaymentPage *self)
{
  cf_dp_payments_group_set_shown (CF_DP_PAYMENTS_GROUP (self->list_group), self->payment);
  refresh_summary (self);
  cf_dp_fields_refresh_issues (self->fields);
}

/**
 * cf_direct_payment_page_refresh_dates:
 *
 * Works out the shown payment's review date again, after a review was recorded elsewhere.
 */
void
cf_direct_payment_page_refresh_dates (CfDirectPaymentPage *self)
{
  g_return_if_fail (CF_IS_DIRECT_PAYMENT_PAGE (self));

  if (self->payment != NULL)
    refresh_summary (self);
}

/* Fields ------------------------------------------------------------------------------------ */

/* "Not linked", then the long-term payments a short-term one could bridge, but @except, with
 * their ids added to @ids. @open_only leaves out those agreed no more (ended or refused). */
static GtkStringList *
list_long_term (CfDirectPaymentPage *self,
                CfDirectPayment     *except,
                gboolean             open_only,
                GPtrArray           *ids)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  /* Translators: a short-term direct payment not linked to a long-term one */
  gtk_string_list_append (labels, _("Not linked"));

  for (guint i = 0; self->payments != NULL && i < self->payments->len; i++)
    {
      CfDirectPayment *other = g_ptr_array_index (self->payments, i);
      g_autofree char *words = NULL;

      if (other == except ||
          !g_str_equal (cf_record_get_text (CF_RECORD (other), "term"), "long-term") ||
          (open_only && cf_direct_payment_is_locked (other)))
        continue;

      words = cf_dp_form_describe_payment (other);
      gtk_string_list_append (labels, words);
      g_ptr_array_add (ids, g_strdup (cf_record_get_id (CF_RECORD (other))));
    }

  return labels;
}

static void
load_bridges (CfDirectPaymentPage *self)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkStringList) labels = list_long_term (self, self->payment, FALSE, ids);

  cf_dp_fields_set_bridges (self->fields, self->bridges_row, labels, ids);
}

static void
after_change (CfDirectPaymentPage *self)
{
  refresh_all (self);
  if (cf_record_is_dirty (CF_RECORD (self->payment)))
    schedule_save (self);
}

/* Which payment is shown ----------------------------------------------------------------------- */

static void
show_payment (CfDirectPaymentPage *self,
              CfDirectPayment     *payment)
{
  GtkWidget *groups[] = {
    self->summary_group, self->conditions_group, self->payment_group, self->dates_group,
    self->monitoring_group, self->returns_group, self->assistants_group,
  };

  if (payment != self->payment)
    {
      g_set_object (&self->payment, payment);
      cf_dp_fields_set_payment (self->fields, payment);
      gtk_label_set_text (self->result_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
      gtk_label_set_text (self->save_status, "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_visible (groups[i], payment != NULL);

  load_bridges (self);
  cf_dp_fields_load (self->fields);
  load_children (self);
  refresh_all (self);
}

static void
on_payment_activated (CfDirectPaymentPage *self,
                      CfDirectPayment     *payment)
{
  g_autoptr(GError) error = NULL;

  if (payment == self->payment)
    return;

  /* Anything waiting goes with the payment it was typed for. */
  if (!save_now (self, &error))
    set_save_status (self, error->message);

  reload (self, cf_record_get_id (CF_RECORD (payment)));
}

static void
reload (CfDirectPaymentPage *self,
        const char          *select_id)
{
  CfStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) payments = NULL;
  g_autofree char *wanted = g_strdup (select_id);
  CfDirectPayment *chosen = NULL;

  if (self->carer != NULL && store != NULL)
    payments = cf_direct_payments_list (store, cf_record_get_id (CF_RECORD (self->carer)),
                                        &error);
  if (error != NULL)
    set_save_status (self, error->message);

  if (wanted == NULL && self->payment != NULL)
    wanted = g_strdup (cf_record_get_id (CF_RECORD (self->payment)));

  g_clear_pointer (&self->payments, g_ptr_array_unref);
  self->payments = payments != NULL ? g_ptr_array_ref (payments)
                                    : g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->payments->len; i++)
    {
      CfDirectPayment *payment = g_ptr_array_index (self->payments, i);
      const char *id = cf_record_get_id (CF_RECORD (payment));

      /* The one shown keeps its object, with any edit not yet stored. */
      if (self->payment != NULL && g_str_equal (id, cf_record_get_id (CF_RECORD (self->payment))))
        {
          g_ptr_array_index (self->payments, i) = g_object_ref (self->payment);
          g_object_unref (payment);
        }
    }

  for (guint i = 0; i < self->payments->len; i++)
    {
      CfDirectPayment *payment = g_ptr_array_index (self->payments, i);
      const char *id = cf_record_get_id (CF_RECORD (payment));

      if (chosen == NULL && (wanted == NULL || g_str_equal (id, wanted)))
        chosen = payment;
    }
  if (chosen == NULL && self->payments->len > 0)
    chosen = g_ptr_array_index (self->payments, 0);

  /* DOMAIN.md, "Information, consent…, records": opening a payment is audited as a view. */
  if (chosen != NULL && chosen != self->payment && store != NULL)
    {
      g_autoptr(CfDirectPayment) loaded =
        cf_direct_payments_load (store, cf_record_get_id (CF_RECORD (chosen)), &error);

      if (loaded != NULL)
        {
          for (guint i = 0; i < self->payments->len; i++)
            {
              if (g_ptr_array_index (self->payments, i) == chosen)
                {
                  g_ptr_array_index (self->payments, i) = g_object_ref (loaded);
                  g_object_unref (chosen);
                  chosen = loaded;
                  break;
                }
            }
        }
      else
        set_save_status (self, error->message);
    }

  cf_dp_list_group_set_items (CF_DP_LIST_GROUP (self->list_group), self->payments);
  gtk_widget_set_sensitive (self->set_up_button, self->carer != NULL);
  show_payment (self, chosen);
}

/* Agreeing and ending ------------------------------------------------------------------------ */

static void
show_result (CfDirectPaymentPage *self,
             const char          *words)
{
  gtk_label_set_text (self->result_label, words);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), words != NULL && *words != '\0');
}

static void
on_agree_clicked (CfDirectPaymentPage *self)
{
  CfStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  const char *agreed_on;
  gboolean had_focus = gtk_widget_is_focus (self->agree_button);

  if (self->payment == NULL || store == NULL)
    return;

  if (!save_now (self, &error))
    {
      set_save_status (self, error->message);
      show_result (self, error->message);
      return;
    }

  agreed_on = payment_text (self, "agreed_on");
  if (cf_direct_payments_agree (store, self->payment, *agreed_on != '\0' ? agreed_on : NULL,
                                &error))
    {
      g_autofree char *amount = cf_direct_payment_describe_amount (self->payment);
      /* Translators: %s is an amount such as “£150.00 every four weeks” */
      g_autofree char *words = g_strdup_printf (_("Agreed: %s."), amount);

      show_result (self, words);
      g_signal_emit (self, signals[CHANGED], 0);
    }
  else
    {
      show_result (self, error->message);
      if (g_error_matches (error, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED))
        g_signal_emit (self, signals[CHANGED], 0);
    }

  cf_dp_fields_load (self->fields);
  refresh_all (self);

  /* Once agreed (or refused) the button is hidden under the focus, which GTK 4.8 leaves on
   * nothing: move it to the words saying what happened (a selectable label). */
  if (had_focus && !gtk_widget_get_visible (self->agree_button) &&
      gtk_widget_get_visible (GTK_WIDGET (self->result_label)))
    gtk_widget_grab_focus (GTK_WIDGET (self->result_label));
}

static void
on_end_response (AdwMessageDialog    *form,
                 const char          *response,
                 CfDirectPaymentPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, CF_DP_RESPONSE_END) || self->payment == NULL ||
      get_store (self) == NULL)
    return;

  message = cf_dp_form_check_date (cf_dp_form_get_text (form, "ended_on"), TRUE, &iso);
  if (message != NULL)
    return;

  if (!save_now (self, &error) ||
      !cf_direct_payments_end (get_store (self), self->payment, iso,
                               cf_dp_form_get_text (form, "reason"), &error))
    show_result (self, error->message);
  else
    {
      show_result (self, NULL);
      g_signal_emit (self, signals[CHANGED], 0);
    }

  cf_dp_fields_load (self->fields);
  refresh_all (self);
}

static void
on_end_clicked (CfDirectPaymentPage *self)
{
  AdwMessageDialog *form;
  g_autofree char *today = cf_dp_form_today (self->context);

  if (self->payment == NULL)
    return;

  form = cf_dp_end_dialog_new (GTK_WIDGET (self), today);
  g_signal_connect_object (form, "response", G_CALLBACK (on_end_response), self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

/* Setting one up ----------------------------------------------------------------------------- */

static void
on_set_up_response (AdwMessageDialog    *form,
                    const char          *response,
                    CfDirectPaymentPage *self)
{
  CfStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfDirectPayment) payment = NULL;
  g_autoptr(CfPlan) plan = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *message = NULL;
  const char *term = cf_dp_set_up_dialog_get_term (form);
  const char *bridges_id = cf_dp_set_up_dialog_get_bridges_id (form);

  if (!g_str_equal (response, CF_DP_RESPONSE_SET_UP) || store == NULL || self->carer == NULL)
    return;

  message = cf_dp_form_check_date (cf_dp_form_get_text (form, "requested_on"), TRUE, &iso);
  if (message != NULL || term == NULL)
    return;

  if (!save_now (self, &error))
    g_clear_error (&error);

  /* The payment meets needs in the current support plan, when there is one. */
  plan = cf_plans_current (store, cf_record_get_id (CF_RECORD (self->carer)), NULL);
  payment = cf_direct_payments_start (store, self->carer, plan, term, iso, &error);
  if (payment == NULL)
    {
      set_save_status (self, error->message);
      return;
    }

  if (bridges_id != NULL)
    {
      cf_record_set_text (CF_RECORD (payment), "bridges_id", bridges_id);
      if (!cf_direct_payments_save (store, payment, &error))
        set_save_status (self, error->message);
    }

  g_signal_emit (self, signals[CHANGED], 0);
  reload (self, cf_record_get_id (CF_RECORD (payment)));
  /* The dialog is gone and the page has changed under the focus: put it on what was made, so
   * a screen reader says it ("Status, Being set up") and Tab goes on to its conditions. */
  gtk_widget_grab_focus (self->status_row);
}

static void
on_set_up_clicked (CfDirectPaymentPage *self)
{
  AdwMessageDialog *form;
  g_autoptr(GtkStringList) bridges = NULL;
  GPtrArray *bridge_ids = NULL;
  g_autofree char *today = cf_dp_form_today (self->context);
  g_autofree char *name = NULL;

  if (self->carer == NULL)
    return;

  name = cf_carer_dup_display_name (self->carer);
  bridge_ids = g_ptr_array_new_with_free_func (g_free);
  bridges = list_long_term (self, NULL, TRUE, bridge_ids);
  form = cf_dp_set_up_dialog_new (GTK_WIDGET (self), name, today, bridges, bridge_ids);
  g_signal_connect_object (form, "response", G_CALLBACK (on_set_up_response), self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

/* The groups' requests --------------------------------------------------------------------- */

static gboolean
on_save_request (CfDirectPaymentPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!save_now (self, &error))
    {
      set_save_status (self, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
on_group_changed (CfDirectPaymentPage *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_group_failed (CfDirectPaymentPage *self,
                 const char          *message)
{
  show_result (self, message);
}

/* GObject --------------------------------------------------------------------------------- */

static void
cf_direct_payment_page_dispose (GObject *object)
{
  CfDirectPaymentPage *self = CF_DIRECT_PAYMENT_PAGE (object);

  /* The view flushes before it lets go; this is the last chance not to lose an edit. */
  if (self->save_source != 0)
    save_now (self, NULL);
  g_clear_handle_id (&self->save_source, g_source_remove);

  g_clear_object (&self->payment);
  g_clear_object (&self->carer);
  g_clear_pointer (&self->payments, g_ptr_array_unref);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_DIRECT_PAYMENT_PAGE);

  G_OBJECT_CLASS (cf_direct_payment_page_parent_class)->dispose (object);
}

static void
cf_direct_payment_page_finalize (GObject *object)
{
  CfDirectPaymentPage *self = CF_DIRECT_PAYMENT_PAGE (object);

  g_object_unref (self->fields);

  G_OBJECT_CLASS (cf_direct_payment_page_parent_class)->finalize (object);
}

static void
cf_direct_payment_page_class_init (CfDirectPaymentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_direct_payment_page_dispose;
  object_class->finalize = cf_direct_payment_page_finalize;

  /**
   * CfDirectPaymentPage::changed:
   *
   * Emitted after each successful save, so a view can refresh what is due.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CF_TYPE_DP_PAYMENTS_GROUP);
  g_type_ensure (CF_TYPE_DP_RETURNS_GROUP);
  g_type_ensure (CF_TYPE_DP_ASSISTANTS_GROUP);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/support/cf-direct-payment-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CfDirectPaymentPage, name)
  BIND (list_group);
  BIND (set_up_button);
  BIND (summary_group);
  BIND (status_row);
  BIND (result_label);
  BIND (agree_button);
  BIND (end_button);
  BIND (save_status);
  BIND (conditions_group);
  BIND (capacity_row);
  BIND (authorised_row);
  BIND (consent_row);
  BIND (consent_switch);
  BIND (manage_row);
  BIND (appropriate_row);
  BIND (appropriate_switch);
  BIND (decided_by_row);
  BIND (decided_on_row);
  BIND (payment_group);
  BIND (amount_row);
  BIND (frequency_row);
  BIND (purpose_row);
  BIND (method_row);
  BIND (method_reason_row);
  BIND (budget_holder_row);
  BIND (cardholder_row);
  BIND (relative_row);
  BIND (relative_switch);
  BIND (relative_reason_row);
  BIND (not_allowed_row);
  BIND (not_allowed_reason_row);
  BIND (bridges_row);
  BIND (dates_group);
  BIND (requested_row);
  BIND (agreed_row);
  BIND (signed_row);
  BIND (first_payment_row);
  BIND (monitoring_group);
  BIND (review_row);
  BIND (returns_group);
  BIND (assistants_group);
#undef BIND
}

static void
cf_direct_payment_page_init (CfDirectPaymentPage *self)
{
  g_autoptr(GtkStringList) none = cf_choice_list_new_with_none (cf_direct_payment_not_allowed,
                                                                _("Nothing"));
  GtkWidget *lists[2];

  gtk_widget_init_template (GTK_WIDGET (self));
  lists[0] = self->returns_group;
  lists[1] = self->assistants_group;

  self->fields = cf_dp_fields_new ();

#define BIND_FIELD(row, field, kind, extra) \
  cf_dp_fields_bind (self->fields, row, field, CF_DP_FIELD_##kind, extra)
  BIND_FIELD (self->capacity_row, "capacity", CHOICE, cf_capacity_answers);
  BIND_FIELD (self->authorised_row, "authorised_person", TEXT, NULL);
  BIND_FIELD (self->consent_row, "consent", BOOL, self->consent_switch);
  BIND_FIELD (self->manage_row, "able_to_manage", CHOICE, cf_manage_answers);
  BIND_FIELD (self->appropriate_row, "appropriate", BOOL, self->appropriate_switch);
  BIND_FIELD (self->decided_by_row, "decided_by", TEXT, NULL);
  BIND_FIELD (self->decided_on_row, "decided_on", DATE, NULL);
  BIND_FIELD (self->amount_row, "amount_pence", MONEY, NULL);
  BIND_FIELD (self->frequency_row, "frequency", FREQUENCY, NULL);
  BIND_FIELD (self->purpose_row, "purpose", TEXT, NULL);
  BIND_FIELD (self->method_row, "method", CHOICE, cf_direct_payment_methods);
  BIND_FIELD (self->method_reason_row, "method_reason", TEXT, NULL);
  BIND_FIELD (self->budget_holder_row, "budget_holder", TEXT, NULL);
  BIND_FIELD (self->cardholder_row, "cardholder", TEXT, NULL);
  BIND_FIELD (self->relative_row, "pays_close_relative", BOOL, self->relative_switch);
  BIND_FIELD (self->relative_reason_row, "close_relative_reason", TEXT, NULL);
  BIND_FIELD (self->not_allowed_row, "not_allowed", CHOICE, cf_direct_payment_not_allowed);
  /* "Nothing" reads better than "Not recorded" for what a payment is spent on. */
  adw_combo_row_set_model (ADW_COMBO_ROW (self->not_allowed_row), G_LIST_MODEL (none));
  BIND_FIELD (self->not_allowed_reason_row, "not_allowed_reason", TEXT, NULL);
  BIND_FIELD (self->bridges_row, "bridges_id", BRIDGES, NULL);
  BIND_FIELD (self->requested_row, "requested_on", DATE, NULL);
  BIND_FIELD (self->agreed_row, "agreed_on", DATE, NULL);
  BIND_FIELD (self->signed_row, "agreement_signed_on", DATE, NULL);
  BIND_FIELD (self->first_payment_row, "first_payment_on", DATE, NULL);
#undef BIND_FIELD

  g_signal_connect_swapped (self->set_up_button, "clicked", G_CALLBACK (on_set_up_clicked), self);
  g_signal_connect_swapped (self->agree_button, "clicked", G_CALLBACK (on_agree_clicked), self);
  g_signal_connect_swapped (self->end_button, "clicked", G_CALLBACK (on_end_clicked), self);
  g_signal_connect_swapped (self->fields, "edited", G_CALLBACK (after_change), self);
  g_signal_connect_swapped (self->list_group, "payment-activated",
                            G_CALLBACK (on_payment_activated), self);
  g_signal_connect_swapped (self->returns_group, "save-request",
                            G_CALLBACK (on_save_request), self);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      g_signal_connect_swapped (lists[i], "changed", G_CALLBACK (on_group_changed), self);
      g_signal_connect_swapped (lists[i], "failed", G_CALLBACK (on_group_failed), self);
      g_signal_connect_swapped (lists[i], "outdated", G_CALLBACK (load_children), self);
    }
}

CfDirectPaymentPage *
cf_direct_payment_page_new (CfContext *context)
{
  CfDirectPaymentPage *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  self = g_object_new (CF_TYPE_DIRECT_PAYMENT_PAGE, NULL);
  self->context = g_object_ref (context);
  cf_dp_list_group_set_context (CF_DP_LIST_GROUP (self->returns_group), context);
  cf_dp_list_group_set_context (CF_DP_LIST_GROUP (self->assistants_group), context);
  reload (self, NULL);

  return self;
}

/**
 * cf_direct_payment_page_set_carer:
 * @carer: (nullable): the carer, or %NULL to show nothing
 *
 * Shows the carer's direct payments, the most recently requested one open. Edits waiting for
 * the previous carer are saved first.
 */
void
cf_direct_payment_page_set_carer (CfDirectPaymentPage *self,
                                  CfCarer             *carer)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CF_IS_DIRECT_PAYMENT_PAGE (self));
  g_return_if_fail (carer == NULL || CF_IS_CARER (carer));

  if (!save_now (self, &error))
    set_save_status (self, error->message);

  g_set_object (&self->carer, carer);
  show_payment (self, NULL);
  g_clear_pointer (&self->payments, g_ptr_array_unref);
  reload (self, NULL);
}

/**
 * cf_direct_payment_page_flush:
 *
 * Saves any edit waiting for its delay, now. Fails, keeping the edits in memory and on screen,
 * when the store refuses them, or when a field holds text that is not yet a value (an amount
 * or a date typed wrongly): its words say which.
 */
gboolean
cf_direct_payment_page_flush (CfDirectPaymentPage  *self,
                              GError              **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CF_IS_DIRECT_PAYMENT_PAGE (self), FALSE);

  if (!save_now (self, &local_error))
    {
      set_save_status (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (self->payment != NULL)
    set_save_status (self, NULL);

  return cf_dp_fields_check (self->fields, error);
}
