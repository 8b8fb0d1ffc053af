/* cf-dp-form.c: small forms in a message dialog, for the direct payment page's questions, and
 * the checks and words the page's parts share
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each field has a visible label that names it (for a screen reader too), and what is wrong is
 * said in words under the fields while the response stays disabled, so nothing typed is lost
 * to a refusal after the dialog has closed (STYLE.md, "Accessibility").
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-dates.h"
#include "cf-dp-form.h"
#include "cf-gui-util.h"
#include "cf-money.h"

typedef struct
{
  GtkWidget     *fields;
  GtkWidget     *message;
  char          *response;
  CfDpFormCheck  check;
  gpointer       check_data;
} Form;

static void
form_free (gpointer data)
{
  Form *form = data;

  g_free (form->response);
  g_free (form);
}

static Form *
get_form (AdwMessageDialog *dialog)
{
  Form *form = g_object_get_data (G_OBJECT (dialog), "cf-dp-form");

  g_assert (form != NULL);
  return form;
}

/**
 * cf_dp_form_new:
 * @parent: (nullable): a widget in the window the dialog belongs to
 *
 * Returns: (transfer none): a modal dialog with Cancel and @response, not yet shown
 */
AdwMessageDialog *
cf_dp_form_new (GtkWidget  *parent,
                const char *heading,
                const char *body,
                const char *response,
                const char *response_label)
{
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;
  AdwMessageDialog *dialog;
  Form *form = g_new0 (Form, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       heading, body));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response, ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, response);
  adw_message_dialog_set_close_response (dialog, "cancel");

  form->response = g_strdup (response);
  form->fields = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  form->message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (form->message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (form->message), 0);
  gtk_widget_add_css_class (form->message, "field-error");
  gtk_widget_set_visible (form->message, FALSE);
  gtk_box_append (GTK_BOX (box), form->fields);
  gtk_box_append (GTK_BOX (box), form->message);
  adw_message_dialog_set_extra_child (dialog, box);

  g_object_set_data_full (G_OBJECT (dialog), "cf-dp-form", form, form_free);

  return dialog;
}

static GtkWidget *
add_labelled (AdwMessageDialog *dialog,
              const char       *key,
              const char       *title,
              GtkWidget        *field)
{
  Form *form = get_form (dialog);
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *data_key = g_strconcat ("cf-dp-form-", key, NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_box_append (GTK_BOX (form->fields), label);
  gtk_box_append (GTK_BOX (form->fields), field);
  g_object_set_data (G_OBJECT (dialog), data_key, field);

  return label;
}

GtkWidget *
cf_dp_form_add_entry (AdwMessageDialog *dialog,
                      const char       *key,
                      const char       *title,
                      const char       *text)
{
  GtkWidget *entry = gtk_entry_new ();

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  add_labelled (dialog, key, title, entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (cf_dp_form_update), dialog,
                           G_CONNECT_SWAPPED);

  return entry;
}

/**
 * cf_dp_form_add_choice:
 * @labels: a #GtkStringList of the choices' words
 */
GtkWidget *
cf_dp_form_add_choice (AdwMessageDialog *dialog,
                       const char       *key,
                       const char       *title,
                       GListModel       *labels,
                       guint             selected)
{
  GtkWidget *drop_down;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  drop_down = gtk_drop_down_new (g_object_ref (labels), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), selected);
  /* The label names the button inside the drop-down too: that is what takes the focus. */
  cf_drop_down_label_button (GTK_DROP_DOWN (drop_down),
                             add_labelled (dialog, key, title, drop_down));
  g_signal_connect_object (drop_down, "notify::selected", G_CALLBACK (cf_dp_form_update), dialog,
                           G_CONNECT_SWAPPED);

  return drop_down;
}

/**
 * cf_dp_form_get_field:
 *
 * Returns: (transfer none) (nullable): the entry or drop-down added as @key
 */
GtkWidget *
cf_dp_form_get_field (AdwMessageDialog *dialog,
                      const char       *key)
{
  g_autofree char *data_key = g_strconcat ("cf-dp-form-", key, NULL);

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), NULL);

  return g_object_get_data (G_OBJECT (dialog), data_key);
}

const char *
cf_dp_form_get_text (AdwMessageDialog *dialog,
                     const char       *key)
{
  GtkWidget *field = cf_dp_form_get_field (dialog, key);

  return GTK_IS_EDITABLE (field) ? gtk_editable_get_text (GTK_EDITABLE (field)) : "";
}

guint
cf_dp_form_get_selected (AdwMessageDialog *dialog,
                         const char       *key)
{
  GtkWidget *field = cf_dp_form_get_field (dialog, key);

  return GTK_IS_DROP_DOWN (field) ? gtk_drop_down_get_selected (GTK_DROP_DOWN (field))
                                  : GTK_INVALID_LIST_POSITION;
}

void
cf_dp_form_set_check (AdwMessageDialog *dialog,
                      CfDpFormCheck     check,
                      gpointer          user_data)
{
  Form *form = get_form (dialog);

  form->check = check;
  form->check_data = user_data;
  cf_dp_form_update (dialog);
}

/* Runs the check again: shows its words and enables the response only when there are none. */
void
cf_dp_form_update (AdwMessageDialog *dialog)
{
  Form *form = get_form (dialog);
  g_autofree char *message = NULL;

  if (form->check != NULL)
    message = form->check (dialog, form->check_data);

  gtk_label_set_text (GTK_LABEL (form->message), message != NULL ? message : "");
  gtk_widget_set_visible (form->message, message != NULL);
  adw_message_dialog_set_response_enabled (dialog, form->response, message == NULL);
}

/* Checks and words ----------------------------------------------------------------------------- */

gboolean
cf_dp_form_is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *stripped == '\0';
}

/**
 * cf_dp_form_check_date:
 * @iso: (out) (optional): the stored form, when the date is right
 *
 * Returns: (nullable): what is wrong with a typed date, or %NULL
 */
char *
cf_dp_form_check_date (const char  *typed,
                       gboolean     required,
                       char       **iso)
{
  g_autofree char *stored = cf_date_from_user (typed);
  guint year, month, day;

  if (iso != NULL)
    *iso = NULL;

  if (*stored == '\0')
    return required ? g_strdup (_("Type the date as day/month/year, for example 18/11/2026."))
                    : NULL;

  if (!cf_date_parse_iso_shape (stored, &year, &month, &day))
    /* Translators: keep the example in the day/month/year order people type in your
     * language's region */
    return g_strdup (_("Type the date as day/month/year, for example 18/11/2026."));

  if (!g_date_valid_dmy (day, month, year))
    /* Translators: %s is the date as typed, such as “30/02/2026” */
    return g_strdup_printf (_("“%s” is not a date that exists. Check the day and the month."),
                            typed);

  if (iso != NULL)
    *iso = g_steal_pointer (&stored);
  return NULL;
}

/**
 * cf_dp_form_check_money:
 * @pence: (out): the amount, when it is right; blank is £0
 *
 * Returns: (nullable): what is wrong with a typed amount, or %NULL
 */
char *
cf_dp_form_check_money (const char *typed,
                        gint64     *pence)
{
  g_autoptr(GError) error = NULL;

  *pence = 0;
  if (cf_dp_form_is_blank (typed))
    return NULL;

  if (!cf_money_parse (typed, pence, &error))
    return g_strdup (error->message);

  return NULL;
}

char *
cf_dp_form_format_date (const char *iso)
{
  GDate date;
  char text[64];

  if (!cf_date_read_iso (iso, &date))
    return g_strdup (iso != NULL ? iso : "");

  /* Translators: a date with the year, e.g. “3 Dec 2026”; see strftime for the codes */
  if (g_date_strftime (text, sizeof text, _("%-d %b %Y"), &date) == 0)
    return cf_date_to_user (iso);

  return g_strdup (text);
}

/* Today as a person types it, for a date field to start from. */
char *
cf_dp_form_today (CfContext *context)
{
  GDate today;
  g_autofree char *iso = NULL;

  cf_clock_today (cf_context_get_clock (context), &today);
  iso = cf_date_write_iso (&today);
  return cf_date_to_user (iso);
}

/* The choices' labels, without a "Not recorded" first: for a form's required choice. */
GtkStringList *
cf_dp_form_choice_labels (const CfChoice *choices)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; choices[i].id != NULL; i++)
    gtk_string_list_append (labels, _(choices[i].label));

  return labels;
}

/* A dimmed row saying a list is empty. */
GtkWidget *
cf_dp_form_placeholder_row (const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

/* A warning icon before the row's title; @label names it, as colour alone says nothing
 * (STYLE.md, "Accessibility"). */
void
cf_dp_form_add_warning (AdwActionRow *row,
                        const char   *label)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  adw_action_row_add_prefix (row, icon);
}

/* The payment in a line: its state, amount and when it was requested. */
char *
cf_dp_form_describe_payment (CfDirectPayment *payment)
{
  CfRecord *record = CF_RECORD (payment);
  g_autofree char *amount = cf_direct_payment_describe_amount (payment);
  g_autofree char *requested =
    cf_dp_form_format_date (cf_record_get_text (record, "requested_on"));
  const char *status = cf_choices_label (cf_direct_payment_statuses,
                                         cf_record_get_text (record, "status"));

  /* Translators: %1$s is a state such as “Paying”, %2$s an amount such as “£150.00 every four
   * weeks” and %3$s a date */
  return g_strdup_printf (_("%1$s · %2$s · requested %3$s"), status != NULL ? status : "",
                          amount, requested);
}

/* A title saying which kind of payment it is. */
const char *
cf_dp_form_term_title (CfDirectPayment *payment)
{
  const char *term = cf_record_get_text (CF_RECORD (payment), "term");

  if (g_str_equal (term, "short-term"))
    return _("Short-Term Direct Payment");
  if (g_str_equal (term, "long-term"))
    return _("Long-Term Direct Payment");
  return _("Direct Payment");
}
