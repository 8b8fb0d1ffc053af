/* cf-dp-returns-group.c: a direct payment's balance returns and the recoveries of surpluses
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Direct payments": a balance held above eight weeks' worth of payments is a surplus
 * to be recovered (Direct Payments Regulations 2014). The sums are worked out in
 * src/core/cf-direct-payments.c; this group lists each return with its surplus in words, and
 * asks for new returns and recoveries.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-dp-form.h"
#include "cf-dp-returns-group.h"
#include "cf-money.h"

struct _CfDpReturnsGroup
{
  CfDpListGroup  parent_instance;

  GtkWidget     *add_button;
};

G_DEFINE_FINAL_TYPE (CfDpReturnsGroup, cf_dp_returns_group, CF_TYPE_DP_LIST_GROUP)

enum {
  SAVE_REQUEST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static CfStore *
get_store (CfDpReturnsGroup *self)
{
  return cf_dp_list_group_get_store (CF_DP_LIST_GROUP (self));
}

static CfDirectPayment *
get_payment (CfDpReturnsGroup *self)
{
  return cf_dp_list_group_get_payment (CF_DP_LIST_GROUP (self));
}

static char *
today_text (CfDpReturnsGroup *self)
{
  return cf_dp_form_today (cf_dp_list_group_get_context (CF_DP_LIST_GROUP (self)));
}

/* The rows ------------------------------------------------------------------------------------- */

static void on_record_recovery (GtkButton        *button,
                                CfDpReturnsGroup *self);

static GtkWidget *
create_row (CfDpListGroup *group,
            gpointer       item)
{
  CfDpReturnsGroup *self = CF_DP_RETURNS_GROUP (group);
  CfBalanceReturn *balance_return = item;
  CfRecord *record = CF_RECORD (balance_return);
  gint64 surplus = cf_record_get_int (record, "surplus_pence");
  gint64 recovered = cf_record_get_int (record, "recovered_pence");
  g_autofree char *balance = cf_money_format (cf_record_get_int (record, "balance_pence"));
  g_autofree char *on = cf_dp_form_format_date (cf_record_get_text (record, "returned_on"));
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();

  /* Translators: %1$s is an amount, %2$s a date */
  title = g_strdup_printf (_("Balance of %1$s on %2$s"), balance, on);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  if (surplus > 0)
    {
      g_autofree char *over = cf_money_format (surplus);
      GtkWidget *button;

      /* Translators: %s is the amount of a surplus, such as “£125.00” */
      g_string_append_printf (subtitle, _("Surplus: %s over eight weeks’ worth"), over);
      if (recovered > 0)
        {
          g_autofree char *back = cf_money_format (recovered);
          g_autofree char *back_on =
            cf_dp_form_format_date (cf_record_get_text (record, "recovered_on"));

          /* Translators: %1$s is an amount, %2$s a date */
          g_string_append_printf (subtitle, _(" · %1$s recovered on %2$s"), back, back_on);
        }
      else
        g_string_append (subtitle, _(" · nothing recovered yet"));

      if (recovered < surplus)
        cf_dp_form_add_warning (ADW_ACTION_ROW (row), _("Surplus to recover"));

      button = gtk_button_new_with_mnemonic (_("_Record Recovery…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (button), "cf-return", balance_return);
      g_signal_connect (button, "clicked", G_CALLBACK (on_record_recovery), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  else
    g_string_append (subtitle, _("Within eight weeks’ worth: no surplus"));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

/* Adding a return ------------------------------------------------------------------------------ */

static gboolean
is_one_off (CfDpReturnsGroup *self)
{
  return g_str_equal (cf_record_get_text (CF_RECORD (get_payment (self)), "frequency"), "one-off");
}

static char *
check_return (AdwMessageDialog *form,
              gpointer          user_data)
{
  char *message = cf_dp_form_check_date (cf_dp_form_get_text (form, "returned_on"), TRUE, NULL);
  gint64 pence;

  if (message != NULL)
    return message;
  if (cf_dp_form_is_blank (cf_dp_form_get_text (form, "balance")))
    return g_strdup (_("Type the balance held, such as 525.00."));
  if ((message = cf_dp_form_check_money (cf_dp_form_get_text (form, "balance"), &pence)) != NULL)
    return message;
  if (cf_dp_form_get_field (form, "spent") != NULL)
    return cf_dp_form_check_money (cf_dp_form_get_text (form, "spent"), &pence);
  return NULL;
}

static void
on_return_response (AdwMessageDialog *form,
                    const char       *response,
                    CfDpReturnsGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfBalanceReturn) balance_return = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *message = NULL;
  gint64 balance = 0, spent = 0;
  gboolean saved = FALSE;

  if (!g_str_equal (response, "add") || get_payment (self) == NULL || get_store (self) == NULL)
    return;

  message = cf_dp_form_check_date (cf_dp_form_get_text (form, "returned_on"), TRUE, &iso);
  if (message != NULL)
    return;
  g_clear_pointer (&message, g_free);
  message = cf_dp_form_check_money (cf_dp_form_get_text (form, "balance"), &balance);
  if (message == NULL && cf_dp_form_get_field (form, "spent") != NULL)
    message = cf_dp_form_check_money (cf_dp_form_get_text (form, "spent"), &spent);
  if (message != NULL)
    return;

  /* The surplus is worked out from the stored amount, so edits waiting are saved first. */
  g_signal_emit (self, signals[SAVE_REQUEST], 0, &saved);
  if (!saved)
    return;

  balance_return = cf_direct_payments_add_return (get_store (self), get_payment (self), iso,
                                                  balance, spent, &error);
  if (balance_return == NULL)
    {
      cf_dp_list_group_refused (CF_DP_LIST_GROUP (self), error->message);
      return;
    }

  cf_dp_list_group_stored (CF_DP_LIST_GROUP (self));
  cf_dp_list_group_outdate (CF_DP_LIST_GROUP (self));
}

static void
on_add_clicked (CfDpReturnsGroup *self)
{
  AdwMessageDialog *form;
  g_autofree char *today = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *body = NULL;

  if (get_payment (self) == NULL)
    return;

  today = today_text (self);
  amount = cf_direct_payment_describe_amount (get_payment (self));
  /* Translators: %s is an amount such as “£150.00 every four weeks” */
  body = g_strdup_printf (_("The payment is %s. A balance above eight weeks’ worth is a surplus "
                            "to be recovered."), amount);
  form = cf_dp_form_new (GTK_WIDGET (self), _("Add a Balance Return"), body, "add", _("_Add"));
  cf_dp_form_add_entry (form, "returned_on", _("Date of the Balance (day/month/year)"), today);
  cf_dp_form_add_entry (form, "balance", _("Balance Held in Pounds"), NULL);
  if (is_one_off (self))
    cf_dp_form_add_entry (form, "spent",
                          _("Spent on the Agreed Purchase in Pounds (0 if not bought yet)"),
                          NULL);
  cf_dp_form_set_check (form, check_return, self);
  g_signal_connect_object (form, "response", G_CALLBACK (on_return_response), self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

/* Recording a recovery ------------------------------------------------------------------------- */

static char *
check_recovery (AdwMessageDialog *form,
                gpointer          user_data)
{
  CfRecord *record = g_object_get_data (G_OBJECT (form), "cf-return");
  gint64 surplus = cf_record_get_int (record, "surplus_pence");
  gint64 pence;
  char *message = cf_dp_form_check_money (cf_dp_form_get_text (form, "recovered"), &pence);

  if (message != NULL)
    return message;
  if (pence > surplus)
    {
      g_autofree char *shown = cf_money_format (surplus);

      /* Translators: %s is the surplus, such as “£125.00” */
      return g_strdup_printf (_("The surplus is %s: no more than that is recovered."), shown);
    }
  return cf_dp_form_check_date (cf_dp_form_get_text (form, "recovered_on"), TRUE, NULL);
}

static void
on_recovery_response (AdwMessageDialog *form,
                      const char       *response,
                      CfDpReturnsGroup *self)
{
  CfBalanceReturn *balance_return = g_object_get_data (G_OBJECT (form), "cf-return");
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *message = NULL;
  gint64 pence;

  if (!g_str_equal (response, "record") || get_store (self) == NULL)
    return;

  message = cf_dp_form_check_date (cf_dp_form_get_text (form, "recovered_on"), TRUE, &iso);
  if (message != NULL)
    return;
  message = cf_dp_form_check_money (cf_dp_form_get_text (form, "recovered"), &pence);
  if (message != NULL)
    return;

  if (!cf_direct_payments_record_recovery (get_store (self), balance_return, pence, iso,
                                           &error))
    {
      cf_dp_list_group_refused (CF_DP_LIST_GROUP (self), error->message);
      return;
    }

  cf_dp_list_group_stored (CF_DP_LIST_GROUP (self));
  cf_dp_list_group_refresh (CF_DP_LIST_GROUP (self));
}

static void
on_record_recovery (GtkButton        *button,
                    CfDpReturnsGroup *self)
{
  CfBalanceReturn *balance_return = g_object_get_data (G_OBJECT (button), "cf-return");
  CfRecord *record = CF_RECORD (balance_return);
  AdwMessageDialog *form;
  g_autofree char *today = today_text (self);
  g_autofree char *surplus = cf_money_format (cf_record_get_int (record, "surplus_pence"));
  g_autofree char *recovered = NULL;
  g_autofree char *body = NULL;

  if (cf_record_get_int (record, "recovered_pence") > 0)
    recovered = cf_money_format (cf_record_get_int (record, "recovered_pence"));

  /* Translators: %s is the surplus, such as “£125.00” */
  body = g_strdup_printf (_("The surplus is %s. Type the total recovered from it so far."),
                          surplus);
  form = cf_dp_form_new (GTK_WIDGET (self), _("Record a Recovery"), body, "record",
                         _("_Record"));
  g_object_set_data_full (G_OBJECT (form), "cf-return", g_object_ref (balance_return),
                          g_object_unref);
  cf_dp_form_add_entry (form, "recovered", _("Total Recovered in Pounds"),
                        recovered != NULL ? recovered : surplus);
  cf_dp_form_add_entry (form, "recovered_on", _("Recovered On (day/month/year)"), today);
  cf_dp_form_set_check (form, check_recovery, self);
  g_signal_connect_object (form, "response", G_CALLBACK (on_recovery_response), self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

/* GObject -------------------------------------------------------------------------------------- */

static void
cf_dp_returns_group_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CF_TYPE_DP_RETURNS_GROUP);

  G_OBJECT_CLASS (cf_dp_returns_group_parent_class)->dispose (object);
}

static void
cf_dp_returns_group_class_init (CfDpReturnsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CfDpListGroupClass *list_class = CF_DP_LIST_GROUP_CLASS (klass);

  object_class->dispose = cf_dp_returns_group_dispose;
  list_class->placeholder = N_("No balance returns yet");
  list_class->create_row = create_row;

  /**
   * CfDpReturnsGroup::save-request:
   *
   * Emitted before a return is added, for the payment's waiting edits to be saved.
   *
   * Returns: %TRUE when they are, so the return can be added
   */
  signals[SAVE_REQUEST] = g_signal_new ("save-request", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, g_signal_accumulator_first_wins,
                                        NULL, NULL, G_TYPE_BOOLEAN, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/support/cf-dp-returns-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CfDpReturnsGroup, add_button);
}

static void
cf_dp_returns_group_init (CfDpReturnsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
}
