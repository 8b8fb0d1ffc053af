/* cf-dp-fields.c: the direct payment page's rows, bound to the fields of the payment shown
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Direct payments": the rules in src/core/cf-direct-payments.c say what a payment
 * still needs (a reason for paying a close relative, say); their words go beside the fields they
 * are about. A value that cannot be stored yet (an amount or a date typed wrongly) stays as
 * typed, with the reason beside it, and the payment keeps its last good value until it is
 * corrected. Each edit put into the payment is said with #CfDpFields::edited, for the page to
 * save it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-dates.h"
#include "cf-dp-fields.h"
#include "cf-dp-form.h"
#include "cf-field.h"
#include "cf-gui-util.h"
#include "cf-money.h"
#include "cf-plans.h"

struct _CfDpFields
{
  GObject          parent_instance;

  CfDirectPayment *payment;
  GPtrArray       *rows;
  GPtrArray       *bridge_ids;
  gboolean         loading;
};

G_DEFINE_FINAL_TYPE (CfDpFields, cf_dp_fields, G_TYPE_OBJECT)

enum {
  EDITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
payment_text (CfDpFields *self,
              const char *field)
{
  return self->payment != NULL ? cf_record_get_text (CF_RECORD (self->payment), field) : "";
}

/* Messages beside fields ----------------------------------------------------------------------- */

/* A hidden row under @row for words about it. libadwaita 1.2 groups only append, so the row is
 * put straight into the group's list, after the field. */
static void
add_message_row (GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *message_row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  /* The words say it all; the icon is for the eye only. */
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "dialog-warning-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  GtkWidget *label = gtk_label_new (NULL);

  g_assert (GTK_IS_LIST_BOX (list));

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (message_row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (message_row), FALSE);
  gtk_widget_set_focusable (message_row, FALSE);
  gtk_widget_set_visible (message_row, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (message_row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);

  gtk_list_box_insert (GTK_LIST_BOX (list), message_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);

  g_object_set_data (G_OBJECT (row), "cf-message-row", message_row);
  g_object_set_data (G_OBJECT (row), "cf-message-label", label);
}

/* @invalid: the field's value is wrong or missing (marked invalid), rather than a note. */
static void
set_row_message (GtkWidget  *row,
                 const char *message,
                 gboolean    invalid)
{
  GtkWidget *message_row = g_object_get_data (G_OBJECT (row), "cf-message-row");
  GtkLabel *label = g_object_get_data (G_OBJECT (row), "cf-message-label");

  cf_field_set_message (row, message_row, label, invalid ? message : NULL);
  gtk_widget_remove_css_class (message_row, "field-error");
  gtk_widget_remove_css_class (message_row, "field-note");

  if (message == NULL)
    return;

  gtk_widget_add_css_class (message_row, invalid ? "field-error" : "field-note");
  if (!invalid)
    {
      gtk_label_set_text (label, message);
      gtk_widget_set_visible (message_row, TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      label, NULL, -1);
    }
}

/* The text typed into @row that could not be stored, with why; NULL when there is none. */
static const char *
row_invalid (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "cf-invalid");
}

static void
set_row_invalid (GtkWidget  *row,
                 const char *message)
{
  g_object_set_data_full (G_OBJECT (row), "cf-invalid", g_strdup (message), g_free);
  set_row_message (row, message, message != NULL);
}

static GtkWidget *
find_row (CfDpFields *self,
          const char *field)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "cf-field"), field) == 0)
        return row;
    }

  return NULL;
}

/* The rules' issues beside their fields, after anything typed wrongly. */
void
cf_dp_fields_refresh_issues (CfDpFields *self)
{
  g_autoptr(GPtrArray) issues = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (row_invalid (row) == NULL)
        set_row_message (row, NULL, FALSE);
    }

  if (self->payment == NULL || cf_direct_payment_is_locked (self->payment))
    return;

  issues = cf_direct_payment_check (self->payment);
  for (guint i = 0; i < issues->len; i++)
    {
      CfDirectPaymentIssue *issue = g_ptr_array_index (issues, i);
      GtkWidget *row = find_row (self, issue->field);

      if (row == NULL || row_invalid (row) != NULL)
        continue;

      set_row_message (row, issue->message, issue->kind == CF_DP_ISSUE_NEEDS_REASON);
      if (issue->kind == CF_DP_ISSUE_BLOCKS)
        {
          GtkWidget *message_row = g_object_get_data (G_OBJECT (row), "cf-message-row");

          gtk_widget_remove_css_class (message_row, "field-note");
          gtk_widget_add_css_class (message_row, "field-error");
        }
    }
}

/* Loading -------------------------------------------------------------------------------------- */

static guint
selected_position (CfDpFields *self,
                   GtkWidget  *row)
{
  CfDpFieldKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cf-kind"));
  const char *value = payment_text (self, g_object_get_data (G_OBJECT (row), "cf-field"));
  CfPaymentFrequency frequency;

  switch (kind)
    {
    case CF_DP_FIELD_CHOICE:
      return cf_choices_find (g_object_get_data (G_OBJECT (row), "cf-choices"), value) + 1;
    case CF_DP_FIELD_FREQUENCY:
      return cf_payment_frequency_from_string (value, &frequency) ? frequency + 1 : 0;
    case CF_DP_FIELD_BRIDGES:
      for (guint i = 0; i < self->bridge_ids->len; i++)
        {
          if (g_str_equal (g_ptr_array_index (self->bridge_ids, i), value))
            return i + 1;
        }
      return 0;
    case CF_DP_FIELD_TEXT:
    case CF_DP_FIELD_DATE:
    case CF_DP_FIELD_MONEY:
    case CF_DP_FIELD_BOOL:
    default:
      g_assert_not_reached ();
    }
}

/* Only what differs is set, so the row being typed in keeps its cursor; a row holding text
 * that could not be stored keeps it. */
void
cf_dp_fields_load (CfDpFields *self)
{
  gboolean editable;

  g_return_if_fail (CF_IS_DP_FIELDS (self));

  editable = self->payment != NULL && !cf_direct_payment_is_locked (self->payment);
  self->loading = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      const char *field = g_object_get_data (G_OBJECT (row), "cf-field");
      CfDpFieldKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cf-kind"));
      g_autofree char *shown = NULL;

      switch (kind)
        {
        case CF_DP_FIELD_TEXT:
        case CF_DP_FIELD_DATE:
        case CF_DP_FIELD_MONEY:
          if (row_invalid (row) != NULL)
            break;
          if (kind == CF_DP_FIELD_DATE)
            shown = cf_date_to_user (payment_text (self, field));
          else if (kind == CF_DP_FIELD_MONEY)
            {
              gint64 pence = self->payment != NULL
                             ? cf_record_get_int (CF_RECORD (self->payment), field) : 0;
              gint64 typed;
              const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
              g_autofree char *message = cf_dp_form_check_money (text, &typed);

              /* "150" and "£150.00" are the same amount: leave what was typed alone. */
              if (message == NULL && typed == pence)
                break;
              shown = pence > 0 ? cf_money_format (pence) : g_strdup ("");
            }
          else
            shown = g_strdup (payment_text (self, field));

          if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), shown) != 0)
            gtk_editable_set_text (GTK_EDITABLE (row), shown);
          break;

        case CF_DP_FIELD_CHOICE:
        case CF_DP_FIELD_FREQUENCY:
        case CF_DP_FIELD_BRIDGES:
          {
            guint position = self->payment != NULL ? selected_position (self, row) : 0;

            if (adw_combo_row_get_selected (ADW_COMBO_ROW (row)) != position)
              adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
          }
          break;

        case CF_DP_FIELD_BOOL:
          {
            GtkSwitch *toggle = g_object_get_data (G_OBJECT (row), "cf-switch");
            gboolean active = self->payment != NULL &&
                              cf_record_get_bool (CF_RECORD (self->payment), field);

            if (gtk_switch_get_active (toggle) != active)
              gtk_switch_set_active (toggle, active);
          }
          break;

        default:
          g_assert_not_reached ();
        }

      cf_field_set_sensitive (row, editable);
    }
  self->loading = FALSE;
}


/* Edits ---------------------------------------------------------------------------------------- */

static void
on_entry_changed (GtkEditable         *editable,
                  CfDpFields          *self)
{
  GtkWidget *row = GTK_WIDGET (editable);
  const char *field = g_object_get_data (G_OBJECT (row), "cf-field");
  CfDpFieldKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cf-kind"));
  const char *typed = gtk_editable_get_text (editable);
  CfRecord *record;
  g_autofree char *message = NULL;

  if (self->loading || self->payment == NULL)
    return;

  record = CF_RECORD (self->payment);

  if (kind == CF_DP_FIELD_DATE)
    {
      g_autofree char *iso = NULL;

      message = cf_dp_form_check_date (typed, FALSE, &iso);
      if (message == NULL)
        cf_record_set_text (record, field, iso != NULL ? iso : "");
    }
  else if (kind == CF_DP_FIELD_MONEY)
    {
      gint64 pence;

      message = cf_dp_form_check_money (typed, &pence);
      if (message == NULL)
        cf_record_set_int (record, field, pence);
    }
  else
    cf_record_set_text (record, field, typed);

  set_row_invalid (row, message);
  g_signal_emit (self, signals[EDITED], 0);
}

static void
on_combo_selected (AdwComboRow         *combo,
                   GParamSpec          *pspec,
                   CfDpFields          *self)
{
  GtkWidget *row = GTK_WIDGET (combo);
  const char *field = g_object_get_data (G_OBJECT (row), "cf-field");
  CfDpFieldKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cf-kind"));
  guint position = adw_combo_row_get_selected (combo);
  const char *value = "";

  if (self->loading || self->payment == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  if (position > 0)
    {
      if (kind == CF_DP_FIELD_CHOICE)
        {
          const CfChoice *choices = g_object_get_data (G_OBJECT (row), "cf-choices");

          value = choices[position - 1].id;
        }
      else if (kind == CF_DP_FIELD_FREQUENCY)
        value = cf_payment_frequency_to_string ((CfPaymentFrequency) (position - 1));
      else if (position - 1 < self->bridge_ids->len)
        value = g_ptr_array_index (self->bridge_ids, position - 1);
    }

  cf_record_set_text (CF_RECORD (self->payment), field, value);
  g_signal_emit (self, signals[EDITED], 0);
}

static void
on_switch_active (GtkSwitch           *toggle,
                  GParamSpec          *pspec,
                  CfDpFields          *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (toggle), "cf-row");

  if (self->loading || self->payment == NULL)
    return;

  cf_record_set_bool (CF_RECORD (self->payment), g_object_get_data (G_OBJECT (row), "cf-field"),
                      gtk_switch_get_active (toggle));
  g_signal_emit (self, signals[EDITED], 0);
}

/**
 * cf_dp_fields_bind:
 * @row: an entry row, a combo row, or a row holding a switch, in a preferences group
 * @field: the payment's field it shows, a static string
 * @extra: the #CfChoice table of a choice, or the #GtkSwitch of a yes-or-no row
 *
 * Shows @field in @row from now on, and puts what is typed or chosen in it into the payment. A
 * row for words about the field goes under it.
 */
void
cf_dp_fields_bind (CfDpFields    *self,
                   GtkWidget     *row,
                   const char    *field,
                   CfDpFieldKind  kind,
                   gconstpointer  extra)
{
  g_return_if_fail (CF_IS_DP_FIELDS (self));
  g_return_if_fail (GTK_IS_WIDGET (row));

  g_object_set_data (G_OBJECT (row), "cf-field", (gpointer) field);
  g_object_set_data (G_OBJECT (row), "cf-kind", GINT_TO_POINTER (kind));
  g_ptr_array_add (self->rows, row);
  add_message_row (row);

  switch (kind)
    {
    case CF_DP_FIELD_TEXT:
    case CF_DP_FIELD_DATE:
    case CF_DP_FIELD_MONEY:
      g_signal_connect (row, "changed", G_CALLBACK (on_entry_changed), self);
      break;
    case CF_DP_FIELD_CHOICE:
      {
        g_autoptr(GtkStringList) labels = cf_choice_list_new (extra);

        g_object_set_data (G_OBJECT (row), "cf-choices", (gpointer) extra);
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      }
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected), self);
      break;
    case CF_DP_FIELD_FREQUENCY:
      {
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

        gtk_string_list_append (labels, _("Not recorded"));
        for (CfPaymentFrequency f = CF_PAYMENT_ONE_OFF; f <= CF_PAYMENT_YEARLY; f++)
          gtk_string_list_append (labels, cf_payment_frequency_get_label (f));
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      }
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected), self);
      break;
    case CF_DP_FIELD_BRIDGES:
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected), self);
      break;
    case CF_DP_FIELD_BOOL:
      g_object_set_data (G_OBJECT (row), "cf-switch", (gpointer) extra);
      g_object_set_data (G_OBJECT (extra), "cf-row", row);
      g_signal_connect ((gpointer) extra, "notify::active", G_CALLBACK (on_switch_active), self);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
cf_dp_fields_clear_invalid (CfDpFields *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (row_invalid (row) != NULL)
        set_row_invalid (row, NULL);
    }
}

/**
 * cf_dp_fields_check:
 *
 * Returns: %FALSE, with words saying which field and why, while a row holds text that could
 *   not be stored
 */
gboolean
cf_dp_fields_check (CfDpFields  *self,
                    GError     **error)
{
  g_return_val_if_fail (CF_IS_DP_FIELDS (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (row_invalid (row) != NULL)
        {
          /* Translators: %1$s is a field's name, %2$s what is wrong with it */
          g_set_error (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID, _("%1$s: %2$s"),
                       adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                       row_invalid (row));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * cf_dp_fields_set_bridges:
 * @labels: "Not linked", then the long-term payments a short-term one can bridge
 * @ids: (element-type utf8) (transfer full): those payments' ids, in the same order
 *
 * Offers the payments in @row, a row bound as %CF_DP_FIELD_BRIDGES.
 */
void
cf_dp_fields_set_bridges (CfDpFields    *self,
                          GtkWidget     *row,
                          GtkStringList *labels,
                          GPtrArray     *ids)
{
  g_return_if_fail (CF_IS_DP_FIELDS (self));
  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  g_ptr_array_unref (self->bridge_ids);
  self->bridge_ids = ids;

  self->loading = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  self->loading = FALSE;
}

/* Shows or hides a bound row; hidden, the words under it go too. */
void
cf_dp_fields_set_row_visible (CfDpFields *self,
                              GtkWidget  *row,
                              gboolean    visible)
{
  g_return_if_fail (CF_IS_DP_FIELDS (self));

  gtk_widget_set_visible (row, visible);
  if (!visible)
    gtk_widget_set_visible (g_object_get_data (G_OBJECT (row), "cf-message-row"), FALSE);
}

/* GObject -------------------------------------------------------------------------------------- */

static void
cf_dp_fields_dispose (GObject *object)
{
  CfDpFields *self = CF_DP_FIELDS (object);

  g_clear_object (&self->payment);

  G_OBJECT_CLASS (cf_dp_fields_parent_class)->dispose (object);
}

static void
cf_dp_fields_finalize (GObject *object)
{
  CfDpFields *self = CF_DP_FIELDS (object);

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->bridge_ids);

  G_OBJECT_CLASS (cf_dp_fields_parent_class)->finalize (object);
}

static void
cf_dp_fields_class_init (CfDpFieldsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_dp_fields_dispose;
  object_class->finalize = cf_dp_fields_finalize;

  /**
   * CfDpFields::edited:
   *
   * Emitted after a value typed or chosen was put into the payment, or refused with words
   * beside it.
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cf_dp_fields_init (CfDpFields *self)
{
  self->rows = g_ptr_array_new ();
  self->bridge_ids = g_ptr_array_new_with_free_func (g_free);
}

CfDpFields *
cf_dp_fields_new (void)
{
  return g_object_new (CF_TYPE_DP_FIELDS, NULL);
}

/**
 * cf_dp_fields_set_payment:
 * @payment: (nullable): the payment the rows show and change
 *
 * A new payment clears the text that could not be stored for the one before. The rows are not
 * loaded: see cf_dp_fields_load().
 */
void
cf_dp_fields_set_payment (CfDpFields      *self,
                          CfDirectPayment *payment)
{
  g_return_if_fail (CF_IS_DP_FIELDS (self));
  g_return_if_fail (payment == NULL || CF_IS_DIRECT_PAYMENT (payment));

  if (g_set_object (&self->payment, payment))
    cf_dp_fields_clear_invalid (self);
}
