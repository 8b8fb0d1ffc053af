/* cf-dp-payments-group.c: a carer's direct payments, one row each, to choose the one shown
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Direct payments": a carer may have several payments over time, short term and long
 * term. Each row says its kind, state, amount and when it was requested; the one shown below
 * says so. Activating a row asks the page to show that payment.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-dp-form.h"
#include "cf-dp-payments-group.h"

struct _CfDpPaymentsGroup
{
  CfDpListGroup parent_instance;
};

G_DEFINE_FINAL_TYPE (CfDpPaymentsGroup, cf_dp_payments_group, CF_TYPE_DP_LIST_GROUP)

enum {
  PAYMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_row_activated (AdwActionRow      *row,
                  CfDpPaymentsGroup *self)
{
  g_signal_emit (self, signals[PAYMENT_ACTIVATED], 0,
                 g_object_get_data (G_OBJECT (row), "cf-payment"));
}

static GtkWidget *
create_row (CfDpListGroup *group,
            gpointer       item)
{
  CfDirectPayment *payment = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *shown = gtk_label_new (_("Shown below"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), cf_dp_form_term_title (payment));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (shown, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), shown);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "cf-payment", g_object_ref (payment),
                          g_object_unref);
  g_object_set_data (G_OBJECT (row), "cf-shown", shown);
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), group);
  return row;
}

static void
cf_dp_payments_group_class_init (CfDpPaymentsGroupClass *klass)
{
  CfDpListGroupClass *list_class = CF_DP_LIST_GROUP_CLASS (klass);

  list_class->placeholder = N_("No direct payments yet");
  list_class->create_row = create_row;

  /**
   * CfDpPaymentsGroup::payment-activated:
   * @payment: the payment whose row was activated
   *
   * Emitted when a payment's row is activated, for it to be shown.
   */
  signals[PAYMENT_ACTIVATED] = g_signal_new ("payment-activated", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, CF_TYPE_DIRECT_PAYMENT);
}

static void
cf_dp_payments_group_init (CfDpPaymentsGroup *self)
{
}

/**
 * cf_dp_payments_group_set_shown:
 * @shown: (nullable): the payment shown below
 *
 * Says again what each payment is, as it may have changed, and which one is shown.
 */
void
cf_dp_payments_group_set_shown (CfDpPaymentsGroup *self,
                                CfDirectPayment   *shown)
{
  GPtrArray *rows;

  g_return_if_fail (CF_IS_DP_PAYMENTS_GROUP (self));

  rows = cf_dp_list_group_get_rows (CF_DP_LIST_GROUP (self));
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      CfDirectPayment *payment = g_object_get_data (G_OBJECT (row), "cf-payment");
      GtkWidget *label = g_object_get_data (G_OBJECT (row), "cf-shown");
      g_autofree char *subtitle = NULL;

      if (payment == NULL)
        continue;

      subtitle = cf_dp_form_describe_payment (payment);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_visible (label, payment == shown);
    }
}
