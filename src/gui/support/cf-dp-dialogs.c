/* cf-dp-dialogs.c: the questions the direct payment page asks to set a payment up and to end it
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Direct payments": a payment is short term or long term, and a short-term one may
 * bridge to a long-term one; ending a payment keeps what was agreed, with the date and why. The
 * dialogs only ask: the page stores the answers (src/core/cf-direct-payments.c).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-direct-payments.h"
#include "cf-dp-dialogs.h"
#include "cf-dp-form.h"

/* The position of the short-term payment in cf_direct_payment_terms (long term comes first). */
#define SHORT_TERM 1

/* Setting one up ------------------------------------------------------------------------------- */

static char *
check_set_up (AdwMessageDialog *form,
              gpointer          user_data)
{
  return cf_dp_form_check_date (cf_dp_form_get_text (form, "requested_on"), TRUE, NULL);
}

static void
on_term_selected (AdwMessageDialog *form)
{
  GtkWidget *bridges = cf_dp_form_get_field (form, "bridges");

  /* Only a short-term payment bridges anything. */
  gtk_widget_set_sensitive (bridges, cf_dp_form_get_selected (form, "term") == SHORT_TERM);
}

/**
 * cf_dp_set_up_dialog_new:
 * @bridges: "Not linked", then the long-term payments a short-term one may bridge
 * @bridge_ids: (element-type utf8) (transfer full): those payments' ids, in the same order
 *
 * Asks for the kind of payment, the date it was requested on ("requested_on", today to start
 * with) and what a short-term one bridges.
 *
 * Returns: (transfer none): the dialog, with Cancel and %CF_DP_RESPONSE_SET_UP, not yet shown
 */
AdwMessageDialog *
cf_dp_set_up_dialog_new (GtkWidget     *parent,
                         const char    *carer_name,
                         const char    *today,
                         GtkStringList *bridges,
                         GPtrArray     *bridge_ids)
{
  g_autoptr(GtkStringList) terms = cf_dp_form_choice_labels (cf_direct_payment_terms);
  g_autofree char *body = NULL;
  AdwMessageDialog *form;

  /* Translators: %s is the carer's name */
  body = g_strdup_printf (_("A direct payment for %s. The conditions, the amount and how it is "
                            "paid are recorded next."), carer_name);
  form = cf_dp_form_new (parent, _("Set Up a Direct Payment"), body, CF_DP_RESPONSE_SET_UP,
                         _("_Set Up"));
  g_object_set_data_full (G_OBJECT (form), "cf-bridge-ids", bridge_ids,
                          (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_swapped (cf_dp_form_add_choice (form, "term", _("Kind of Direct Payment"),
                                                   G_LIST_MODEL (terms), 0),
                            "notify::selected", G_CALLBACK (on_term_selected), form);
  cf_dp_form_add_entry (form, "requested_on", _("Requested On (day/month/year)"), today);
  cf_dp_form_add_choice (form, "bridges",
                         _("For a short-term payment: the long-term one it bridges"),
                         G_LIST_MODEL (bridges), 0);
  on_term_selected (form);
  cf_dp_form_set_check (form, check_set_up, NULL);
  return form;
}

/* The kind of payment chosen, an id from cf_direct_payment_terms, or %NULL. */
const char *
cf_dp_set_up_dialog_get_term (AdwMessageDialog *dialog)
{
  guint term = cf_dp_form_get_selected (dialog, "term");

  return term != GTK_INVALID_LIST_POSITION ? cf_direct_payment_terms[term].id : NULL;
}

/* The id of the long-term payment a short-term one bridges, or %NULL. */
const char *
cf_dp_set_up_dialog_get_bridges_id (AdwMessageDialog *dialog)
{
  GPtrArray *bridge_ids = g_object_get_data (G_OBJECT (dialog), "cf-bridge-ids");
  guint term = cf_dp_form_get_selected (dialog, "term");
  guint bridges = cf_dp_form_get_selected (dialog, "bridges");

  if (term == SHORT_TERM && bridges != GTK_INVALID_LIST_POSITION && bridges > 0 &&
      bridges - 1 < bridge_ids->len)
    return g_ptr_array_index (bridge_ids, bridges - 1);

  return NULL;
}

/* Ending one ----------------------------------------------------------------------------------- */

static char *
check_end (AdwMessageDialog *form,
           gpointer          user_data)
{
  char *message = cf_dp_form_check_date (cf_dp_form_get_text (form, "ended_on"), TRUE, NULL);

  if (message != NULL)
    return message;
  if (cf_dp_form_is_blank (cf_dp_form_get_text (form, "reason")))
    return g_strdup (_("Say why the direct payment ends."));
  return NULL;
}

/**
 * cf_dp_end_dialog_new:
 *
 * Asks for the date the payment ended on ("ended_on", today to start with) and why
 * ("reason").
 *
 * Returns: (transfer none): the dialog, with Cancel and %CF_DP_RESPONSE_END, not yet shown
 */
AdwMessageDialog *
cf_dp_end_dialog_new (GtkWidget  *parent,
                      const char *today)
{
  AdwMessageDialog *form;

  form = cf_dp_form_new (parent, _("End the Direct Payment?"),
                         _("What was agreed is kept as it was; the payment stops."),
                         CF_DP_RESPONSE_END, _("_End Payment"));
  adw_message_dialog_set_response_appearance (form, CF_DP_RESPONSE_END,
                                              ADW_RESPONSE_DESTRUCTIVE);
  cf_dp_form_add_entry (form, "ended_on", _("Ended On (day/month/year)"), today);
  cf_dp_form_add_entry (form, "reason", _("Why It Ends"), NULL);
  cf_dp_form_set_check (form, check_end, NULL);
  return form;
}
