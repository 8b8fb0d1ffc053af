/* cf-direct-payment-page.c: a carer's direct payments, their conditions and their monitoring
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Direct payments" (Care Act 2014 s.31-33; Direct Payments Regulations 2014). The
 * rules are in src/core/cf-direct-payments.c; this page shows them beside the fields they are
 * about, in words. Edits are saved half a second after the last change. A value that cannot be
 * stored yet (an amount or a date typed wrongly) stays as typed, with the reason beside it, and
 * the record keeps its last good value until it is corrected.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-dates.h"
#include "cf-direct-payment-page.h"
#include "cf-direct-payments.h"
#include "cf-dp-form.h"
#include "cf-field.h"
#include "cf-gui-util.h"
#include "cf-money.h"
#include "cf-plans.h"
#include "cf-reviews.h"
#include "cf-schedule.h"

#define SAVE_DELAY_MS 500
#define RETRY_DELAY_S 5

typedef enum
{
  KIND_TEXT,
  KIND_DATE,
  KIND_MONEY,
  KIND_CHOICE,
  KIND_FREQUENCY,
  KIND_BRIDGES,
  KIND_BOOL,
} FieldKind;

struct _CfDirectPaymentPage
{
  AdwBin           parent_instance;

  CfContext       *context;
  CfCarer         *carer;
  GPtrArray       *payments;
  CfDirectPayment *payment;
  GPtrArray       *returns;
  GPtrArray       *assistants;
  GPtrArray       *bridge_ids;
  GPtrArray       *list_rows;
  GPtrArray       *extra_rows;
  GPtrArray       *fields;
  guint            save_source;
  gboolean         loading;

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
  GtkWidget       *add_return_button;
  GtkWidget       *assistants_group;
  GtkWidget       *add_assistant_button;
};

G_DEFINE_FINAL_TYPE (CfDirectPaymentPage, cf_direct_payment_page, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void load_fields   (CfDirectPaymentPage *self);
static void refresh_all   (CfDirectPaymentPage *self);
static void reload        (CfDirectPaymentPage *self,
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

static char *
today_for_user (CfDirectPaymentPage *self)
{
  GDate today;
  g_autofree char *iso = NULL;

  get_today (self, &today);
  iso = cf_date_write_iso (&today);
  return cf_date_to_user (iso);
}

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  return *stripped == '\0';
}

/* What is wrong with a typed date, or %NULL; @iso gets the stored form when it is right. */
static char *
check_date (const char  *typed,
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

/* What is wrong with a typed amount, or %NULL; @pence gets it when it is right. Blank is £0. */
static char *
check_money (const char *typed,
             gint64     *pence)
{
  g_autoptr(GError) error = NULL;

  *pence = 0;
  if (is_blank (typed))
    return NULL;

  if (!cf_money_parse (typed, pence, &error))
    return g_strdup (error->message);

  return NULL;
}

static char *
format_date (const char *iso)
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

static const char *
payment_text (CfDirectPaymentPage *self,
              const char          *field)
{
  return self->payment != NULL ? cf_record_get_text (CF_RECORD (self->payment), field) : "";
}

static GtkStringList *
labels_without_none (const CfChoice *choices)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; choices[i].id != NULL; i++)
    gtk_string_list_append (labels, _(choices[i].label));

  return labels;
}

/* Messages beside fields --------------------------------------------------------------------- */

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
find_field_row (CfDirectPaymentPage *self,
                const char          *field)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->fields, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "cf-field"), field) == 0)
        return row;
    }

  return NULL;
}

/* The rules' issues beside their fields, after anything typed wrongly. */
static void
refresh_issues (CfDirectPaymentPage *self)
{
  g_autoptr(GPtrArray) issues = NULL;

  for (guint i = 0; i < self->fields->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->fields, i);

      if (row_invalid (row) == NULL)
        set_row_message (row, NULL, FALSE);
    }

  if (self->payment == NULL || cf_direct_payment_is_locked (self->payment))
    return;

  issues = cf_direct_payment_check (self->payment);
  for (guint i = 0; i < issues->len; i++)
    {
      CfDirectPaymentIssue *issue = g_ptr_array_index (issues, i);
      GtkWidget *row = find_field_row (self, issue->field);

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

static char *
describe_payment (CfDirectPayment *payment)
{
  CfRecord *record = CF_RECORD (payment);
  g_autofree char *amount = cf_direct_payment_describe_amount (payment);
  g_autofree char *requested = format_date (cf_record_get_text (record, "requested_on"));
  const char *status = cf_choices_label (cf_direct_payment_statuses,
                                         cf_record_get_text (record, "status"));

  /* Translators: %1$s is a state such as “Paying”, %2$s an amount such as “£150.00 every four
   * weeks” and %3$s a date */
  return g_strdup_printf (_("%1$s · %2$s · requested %3$s"), status != NULL ? status : "",
                          amount, requested);
}

static const char *
term_title (CfDirectPayment *payment)
{
  const char *term = cf_record_get_text (CF_RECORD (payment), "term");

  if (g_str_equal (term, "short-term"))
    return _("Short-Term Direct Payment");
  if (g_str_equal (term, "long-term"))
    return _("Long-Term Direct Payment");
  return _("Direct Payment");
}

static void
refresh_list_rows (CfDirectPaymentPage *self)
{
  for (guint i = 0; i < self->list_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->list_rows, i);
      CfDirectPayment *payment = g_object_get_data (G_OBJECT (row), "cf-payment");
      GtkWidget *shown = g_object_get_data (G_OBJECT (row), "cf-shown");
      g_autofree char *subtitle = NULL;

      if (payment == NULL)
        continue;

      subtitle = describe_payment (payment);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_visible (shown, payment == self->payment);
    }
}

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
                                   term_title (self->payment));

  if (g_str_equal (status, CF_DIRECT_PAYMENT_REFUSED))
    /* Translators: %s is the reason, such as “A direct payment cannot be set up: …” */
    subtitle = g_strdup_printf (_("Cannot be set up. %s"), payment_text (self, "end_reason"));
  else if (g_str_equal (status, CF_DIRECT_PAYMENT_ENDED))
    {
      g_autofree char *ended = format_date (payment_text (self, "ended_on"));

      /* Translators: %1$s is a date, %2$s why the payment ended */
      subtitle = g_strdup_printf (_("Ended %1$s: %2$s"), ended, payment_text (self, "end_reason"));
    }
  else if (g_str_equal (status, CF_DIRECT_PAYMENT_ACTIVE))
    {
      g_autofree char *agreed = format_date (payment_text (self, "agreed_on"));

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
  gtk_widget_set_visible (self->bridges_row,
                          g_str_equal (payment_text (self, "term"), "short-term"));
  if (!gtk_widget_get_visible (self->bridges_row))
    gtk_widget_set_visible (g_object_get_data (G_OBJECT (self->bridges_row), "cf-message-row"),
                            FALSE);

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

/* Balance returns ------------------------------------------------------------------------- */

static void on_record_recovery (GtkButton           *button,
                                CfDirectPaymentPage *self);

static void
clear_extra_rows (CfDirectPaymentPage *self,
                  GtkWidget           *group)
{
  for (guint i = self->extra_rows->len; i > 0; i--)
    {
      GtkWidget *row = g_ptr_array_index (self->extra_rows, i - 1);

      if (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP) == group)
        {
          adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
          g_ptr_array_remove_index (self->extra_rows, i - 1);
        }
    }
}

static void
add_extra_row (CfDirectPaymentPage *self,
               GtkWidget           *group,
               GtkWidget           *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_ptr_array_add (self->extra_rows, row);
}

static GtkWidget *
placeholder_row (const char *title)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
refresh_returns (CfDirectPaymentPage *self)
{
  clear_extra_rows (self, self->returns_group);

  if (self->returns == NULL || self->returns->len == 0)
    {
      add_extra_row (self, self->returns_group, placeholder_row (_("No balance returns yet")));
      return;
    }

  for (guint i = 0; i < self->returns->len; i++)
    {
      CfBalanceReturn *balance_return = g_ptr_array_index (self->returns, i);
      CfRecord *record = CF_RECORD (balance_return);
      gint64 surplus = cf_record_get_int (record, "surplus_pence");
      gint64 recovered = cf_record_get_int (record, "recovered_pence");
      g_autofree char *balance = cf_money_format (cf_record_get_int (record, "balance_pence"));
      g_autofree char *on = format_date (cf_record_get_text (record, "returned_on"));
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
              g_autofree char *back_on = format_date (cf_record_get_text (record,
                                                                          "recovered_on"));

              /* Translators: %1$s is an amount, %2$s a date */
              g_string_append_printf (subtitle, _(" · %1$s recovered on %2$s"), back, back_on);
            }
          else
            g_string_append (subtitle, _(" · nothing recovered yet"));

          if (recovered < surplus)
            {
              GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

              gtk_widget_add_css_class (icon, "warning");
              gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              _("Surplus to recover"), -1);
              adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
            }

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
      add_extra_row (self, self->returns_group, row);
    }
}

/* Personal assistants ---------------------------------------------------------------------- */

static void on_edit_assistant (GtkButton           *button,
                               CfDirectPaymentPage *self);

static void
refresh_assistants (CfDirectPaymentPage *self)
{
  GDate today;

  clear_extra_rows (self, self->assistants_group);
  get_today (self, &today);

  if (self->assistants == NULL || self->assistants->len == 0)
    {
      add_extra_row (self, self->assistants_group,
                     placeholder_row (_("No personal assistants recorded")));
      return;
    }

  for (guint i = 0; i < self->assistants->len; i++)
    {
      CfRecord *record = g_ptr_array_index (self->assistants, i);
      const char *name = cf_record_get_text (record, "name");
      const char *status = cf_record_get_text (record, "status");
      const char *label = cf_choices_label (cf_assistant_statuses, status);
      g_autoptr(GString) subtitle = g_string_new (label != NULL ? label : "");
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;
      gboolean flag = FALSE;
      GDate date, due;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     *name != '\0' ? name : _("Post not yet filled"));

      if (cf_date_read_iso (cf_record_get_text (record, "vacant_since"), &date))
        {
          guint days = MAX (0, g_date_days_between (&date, &today));

          g_string_append (subtitle, " · ");
          /* Translators: %u is a number of days */
          g_string_append_printf (subtitle, ngettext ("vacant for %u day",
                                                      "vacant for %u days", days), days);
          if (cf_vacancy_is_long (&date, &today))
            {
              g_string_append (subtitle, _(" — open over 30 days"));
              flag = TRUE;
            }
        }

      if (g_strcmp0 (status, "ended") != 0 &&
          cf_date_read_iso (cf_record_get_text (record, "dbs_checked_on"), &date))
        {
          g_autofree char *words = NULL;

          cf_dbs_renewal_due (&date, &due);
          words = cf_due_describe (_("DBS renewal"), &due, &today);
          g_string_append_printf (subtitle, " · %s", words);
          flag |= cf_due_state (&due, &today) == CF_DUE_STATE_OVERDUE;
        }

      if (g_strcmp0 (status, "ended") != 0 &&
          cf_date_read_iso (cf_record_get_text (record, "insurance_expires_on"), &date))
        {
          g_autofree char *words = cf_due_describe (_("Insurance renewal"), &date, &today);

          g_string_append_printf (subtitle, " · %s", words);
          flag |= cf_due_state (&date, &today) == CF_DUE_STATE_OVERDUE;
        }

      if (flag)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Needs attention"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

      button = gtk_button_new_with_mnemonic (_("_Edit…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      /* Translators: %s is a personal assistant's name */
      {
        g_autofree char *accessible = g_strdup_printf (_("Edit %s"),
                                                       *name != '\0' ? name : _("the post"));

        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        accessible, -1);
      }
      g_object_set_data (G_OBJECT (button), "cf-assistant", record);
      g_signal_connect (button, "clicked", G_CALLBACK (on_edit_assistant), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      add_extra_row (self, self->assistants_group, row);
    }
}

static void
load_children (CfDirectPaymentPage *self)
{
  CfStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  const char *id;

  g_clear_pointer (&self->returns, g_ptr_array_unref);
  g_clear_pointer (&self->assistants, g_ptr_array_unref);

  if (self->payment == NULL || store == NULL)
    return;

  id = cf_record_get_id (CF_RECORD (self->payment));
  self->returns = cf_direct_payments_list_returns (store, id, &error);
  if (self->returns != NULL)
    self->assistants = cf_direct_payments_list_assistants (store, id, &error);
  if (error != NULL)
    set_save_status (self, error->message);

  refresh_returns (self);
  refresh_assistants (self);
}

static void
refresh_all (CfDirectPaymentPage *self)
{
  refresh_list_rows (self);
  refresh_summary (self);
  refresh_issues (self);
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

static void
load_bridges (CfDirectPaymentPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_ptr_array_set_size (self->bridge_ids, 0);
  /* Translators: a short-term direct payment not linked to a long-term one */
  gtk_string_list_append (labels, _("Not linked"));

  for (guint i = 0; self->payments != NULL && i < self->payments->len; i++)
    {
      CfDirectPayment *other = g_ptr_array_index (self->payments, i);
      g_autofree char *words = NULL;

      if (other == self->payment ||
          !g_str_equal (cf_record_get_text (CF_RECORD (other), "term"), "long-term"))
        continue;

      words = describe_payment (other);
      gtk_string_list_append (labels, words);
      g_ptr_array_add (self->bridge_ids, g_strdup (cf_record_get_id (CF_RECORD (other))));
    }

  self->loading = TRUE;
  adw_combo_row_set_model (ADW_COMBO_ROW (self->bridges_row), G_LIST_MODEL (labels));
  self->loading = FALSE;
}

static guint
selected_position (CfDirectPaymentPage *self,
                   GtkWidget           *row)
{
  FieldKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cf-kind"));
  const char *value = payment_text (self, g_object_get_data (G_OBJECT (row), "cf-field"));
  CfPaymentFrequency frequency;

  switch (kind)
    {
    case KIND_CHOICE:
      return cf_choices_find (g_object_get_data (G_OBJECT (row), "cf-choices"), value) + 1;
    case KIND_FREQUENCY:
      return cf_payment_frequency_from_string (value, &frequency) ? frequency + 1 : 0;
    case KIND_BRIDGES:
      for (guint i = 0; i < self->bridge_ids->len; i++)
        {
          if (g_str_equal (g_ptr_array_index (self->bridge_ids, i), value))
            return i + 1;
        }
      return 0;
    case KIND_TEXT:
    case KIND_DATE:
    case KIND_MONEY:
    case KIND_BOOL:
    default:
      g_assert_not_reached ();
    }
}

/* Only what differs is set, so the row being typed in keeps its cursor; a row holding text
 * that could not be stored keeps it. */
static void
load_fields (CfDirectPaymentPage *self)
{
  gboolean editable = self->payment != NULL && !cf_direct_payment_is_locked (self->payment);

  self->loading = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->fields, i);
      const char *field = g_object_get_data (G_OBJECT (row), "cf-field");
      FieldKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cf-kind"));
      g_autofree char *shown = NULL;

      switch (kind)
        {
        case KIND_TEXT:
        case KIND_DATE:
        case KIND_MONEY:
          if (row_invalid (row) != NULL)
            break;
          if (kind == KIND_DATE)
            shown = cf_date_to_user (payment_text (self, field));
          else if (kind == KIND_MONEY)
            {
              gint64 pence = self->payment != NULL
                             ? cf_record_get_int (CF_RECORD (self->payment), field) : 0;
              gint64 typed;
              g_autofree char *message = check_money (gtk_editable_get_text (GTK_EDITABLE (row)),
                                                      &typed);

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

        case KIND_CHOICE:
        case KIND_FREQUENCY:
        case KIND_BRIDGES:
          {
            guint position = self->payment != NULL ? selected_position (self, row) : 0;

            if (adw_combo_row_get_selected (ADW_COMBO_ROW (row)) != position)
              adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
          }
          break;

        case KIND_BOOL:
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

static void
after_change (CfDirectPaymentPage *self)
{
  refresh_all (self);
  if (cf_record_is_dirty (CF_RECORD (self->payment)))
    schedule_save (self);
}

static void
on_entry_changed (GtkEditable         *editable,
                  CfDirectPaymentPage *self)
{
  GtkWidget *row = GTK_WIDGET (editable);
  const char *field = g_object_get_data (G_OBJECT (row), "cf-field");
  FieldKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cf-kind"));
  const char *typed = gtk_editable_get_text (editable);
  CfRecord *record;
  g_autofree char *message = NULL;

  if (self->loading || self->payment == NULL)
    return;

  record = CF_RECORD (self->payment);

  if (kind == KIND_DATE)
    {
      g_autofree char *iso = NULL;

      message = check_date (typed, FALSE, &iso);
      if (message == NULL)
        cf_record_set_text (record, field, iso != NULL ? iso : "");
    }
  else if (kind == KIND_MONEY)
    {
      gint64 pence;

      message = check_money (typed, &pence);
      if (message == NULL)
        cf_record_set_int (record, field, pence);
    }
  else
    cf_record_set_text (record, field, typed);

  set_row_invalid (row, message);
  after_change (self);
}

static void
on_combo_selected (AdwComboRow         *combo,
                   GParamSpec          *pspec,
                   CfDirectPaymentPage *self)
{
  GtkWidget *row = GTK_WIDGET (combo);
  const char *field = g_object_get_data (G_OBJECT (row), "cf-field");
  FieldKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "cf-kind"));
  guint position = adw_combo_row_get_selected (combo);
  const char *value = "";

  if (self->loading || self->payment == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  if (position > 0)
    {
      if (kind == KIND_CHOICE)
        value = ((const CfChoice *) g_object_get_data (G_OBJECT (row), "cf-choices"))[position - 1].id;
      else if (kind == KIND_FREQUENCY)
        value = cf_payment_frequency_to_string ((CfPaymentFrequency) (position - 1));
      else if (position - 1 < self->bridge_ids->len)
        value = g_ptr_array_index (self->bridge_ids, position - 1);
    }

  cf_record_set_text (CF_RECORD (self->payment), field, value);
  after_change (self);
}

static void
on_switch_active (GtkSwitch           *toggle,
                  GParamSpec          *pspec,
                  CfDirectPaymentPage *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (toggle), "cf-row");

  if (self->loading || self->payment == NULL)
    return;

  cf_record_set_bool (CF_RECORD (self->payment), g_object_get_data (G_OBJECT (row), "cf-field"),
                      gtk_switch_get_active (toggle));
  after_change (self);
}

static void
bind_field (CfDirectPaymentPage *self,
            GtkWidget           *row,
            const char          *field,
            FieldKind            kind,
            gconstpointer        extra)
{
  g_object_set_data (G_OBJECT (row), "cf-field", (gpointer) field);
  g_object_set_data (G_OBJECT (row), "cf-kind", GINT_TO_POINTER (kind));
  g_ptr_array_add (self->fields, row);
  add_message_row (row);

  switch (kind)
    {
    case KIND_TEXT:
    case KIND_DATE:
    case KIND_MONEY:
      g_signal_connect (row, "changed", G_CALLBACK (on_entry_changed), self);
      break;
    case KIND_CHOICE:
      {
        g_autoptr(GtkStringList) labels = cf_choice_list_new (extra);

        g_object_set_data (G_OBJECT (row), "cf-choices", (gpointer) extra);
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      }
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected), self);
      break;
    case KIND_FREQUENCY:
      {
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

        gtk_string_list_append (labels, _("Not recorded"));
        for (CfPaymentFrequency f = CF_PAYMENT_ONE_OFF; f <= CF_PAYMENT_YEARLY; f++)
          gtk_string_list_append (labels, cf_payment_frequency_get_label (f));
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      }
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected), self);
      break;
    case KIND_BRIDGES:
      g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected), self);
      break;
    case KIND_BOOL:
      g_object_set_data (G_OBJECT (row), "cf-switch", (gpointer) extra);
      g_object_set_data (G_OBJECT (extra), "cf-row", row);
      g_signal_connect ((gpointer) extra, "notify::active", G_CALLBACK (on_switch_active), self);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
clear_invalid (CfDirectPaymentPage *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->fields, i);

      if (row_invalid (row) != NULL)
        set_row_invalid (row, NULL);
    }
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
      clear_invalid (self);
      gtk_label_set_text (self->result_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
      gtk_label_set_text (self->save_status, "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_visible (groups[i], payment != NULL);

  load_bridges (self);
  load_fields (self);
  load_children (self);
  refresh_all (self);
}

static void
on_payment_row_activated (AdwActionRow        *row,
                          CfDirectPaymentPage *self)
{
  CfDirectPayment *payment = g_object_get_data (G_OBJECT (row), "cf-payment");
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

  for (guint i = 0; i < self->list_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->list_group),
                                  g_ptr_array_index (self->list_rows, i));
  g_ptr_array_set_size (self->list_rows, 0);

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

  for (guint i = 0; i < self->payments->len; i++)
    {
      CfDirectPayment *payment = g_ptr_array_index (self->payments, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *shown = gtk_label_new (_("Shown below"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), term_title (payment));
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (shown, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), shown);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "cf-payment", g_object_ref (payment),
                              g_object_unref);
      g_object_set_data (G_OBJECT (row), "cf-shown", shown);
      g_signal_connect (row, "activated", G_CALLBACK (on_payment_row_activated), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->list_group), row);
      g_ptr_array_add (self->list_rows, row);
    }

  if (self->payments->len == 0)
    {
      GtkWidget *row = placeholder_row (_("No direct payments yet"));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->list_group), row);
      g_ptr_array_add (self->list_rows, row);
    }

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

  load_fields (self);
  refresh_all (self);

  /* Once agreed (or refused) the button is hidden under the focus, which GTK 4.8 leaves on
   * nothing: move it to the words saying what happened (a selectable label). */
  if (had_focus && !gtk_widget_get_visible (self->agree_button) &&
      gtk_widget_get_visible (GTK_WIDGET (self->result_label)))
    gtk_widget_grab_focus (GTK_WIDGET (self->result_label));
}

static char *
check_end (AdwMessageDialog *form,
           gpointer          user_data)
{
  char *message = check_date (cf_dp_form_get_text (form, "ended_on"), TRUE, NULL);

  if (message != NULL)
    return message;
  if (is_blank (cf_dp_form_get_text (form, "reason")))
    return g_strdup (_("Say why the direct payment ends."));
  return NULL;
}

static void
on_end_response (AdwMessageDialog    *form,
                 const char          *response,
                 CfDirectPaymentPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "end") || self->payment == NULL || get_store (self) == NULL)
    return;

  message = check_date (cf_dp_form_get_text (form, "ended_on"), TRUE, &iso);
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

  load_fields (self);
  refresh_all (self);
}

static void
on_end_clicked (CfDirectPaymentPage *self)
{
  AdwMessageDialog *form;
  g_autofree char *today = today_for_user (self);

  if (self->payment == NULL)
    return;

  form = cf_dp_form_new (GTK_WIDGET (self), _("End the Direct Payment?"),
                         _("What was agreed is kept as it was; the payment stops."), "end",
                         _("_End Payment"));
  adw_message_dialog_set_response_appearance (form, "end", ADW_RESPONSE_DESTRUCTIVE);
  cf_dp_form_add_entry (form, "ended_on", _("Ended On (day/month/year)"), today);
  cf_dp_form_add_entry (form, "reason", _("Why It Ends"), NULL);
  cf_dp_form_set_check (form, check_end, self);
  g_signal_connect_object (form, "response", G_CALLBACK (on_end_response), self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

/* Setting one up ----------------------------------------------------------------------------- */

static char *
check_set_up (AdwMessageDialog *form,
              gpointer          user_data)
{
  return check_date (cf_dp_form_get_text (form, "requested_on"), TRUE, NULL);
}

static void
on_term_selected (AdwMessageDialog *form)
{
  GtkWidget *bridges = cf_dp_form_get_field (form, "bridges");

  /* Only a short-term payment bridges anything (the first choice is long term). */
  gtk_widget_set_sensitive (bridges, cf_dp_form_get_selected (form, "term") == 1);
}

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
  GPtrArray *bridge_ids = g_object_get_data (G_OBJECT (form), "cf-bridge-ids");
  guint term = cf_dp_form_get_selected (form, "term");
  guint bridges = cf_dp_form_get_selected (form, "bridges");

  if (!g_str_equal (response, "set-up") || store == NULL || self->carer == NULL)
    return;

  message = check_date (cf_dp_form_get_text (form, "requested_on"), TRUE, &iso);
  if (message != NULL || term == GTK_INVALID_LIST_POSITION)
    return;

  if (!save_now (self, &error))
    g_clear_error (&error);

  /* The payment meets needs in the current support plan, when there is one. */
  plan = cf_plans_current (store, cf_record_get_id (CF_RECORD (self->carer)), NULL);
  payment = cf_direct_payments_start (store, self->carer, plan, cf_direct_payment_terms[term].id,
                                      iso, &error);
  if (payment == NULL)
    {
      set_save_status (self, error->message);
      return;
    }

  if (term == 1 && bridges != GTK_INVALID_LIST_POSITION && bridges > 0 &&
      bridges - 1 < bridge_ids->len)
    {
      cf_record_set_text (CF_RECORD (payment), "bridges_id",
                          g_ptr_array_index (bridge_ids, bridges - 1));
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
  g_autoptr(GtkStringList) terms = labels_without_none (cf_direct_payment_terms);
  g_autoptr(GtkStringList) bridges = gtk_string_list_new (NULL);
  GPtrArray *bridge_ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *today = today_for_user (self);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  if (self->carer == NULL)
    return;

  name = cf_carer_dup_display_name (self->carer);
  gtk_string_list_append (bridges, _("Not linked"));
  for (guint i = 0; self->payments != NULL && i < self->payments->len; i++)
    {
      CfDirectPayment *other = g_ptr_array_index (self->payments, i);
      g_autofree char *words = NULL;

      if (!g_str_equal (cf_record_get_text (CF_RECORD (other), "term"), "long-term") ||
          cf_direct_payment_is_locked (other))
        continue;

      words = describe_payment (other);
      gtk_string_list_append (bridges, words);
      g_ptr_array_add (bridge_ids, g_strdup (cf_record_get_id (CF_RECORD (other))));
    }

  /* Translators: %s is the carer's name */
  body = g_strdup_printf (_("A direct payment for %s. The conditions, the amount and how it is "
                            "paid are recorded next."), name);
  form = cf_dp_form_new (GTK_WIDGET (self), _("Set Up a Direct Payment"), body, "set-up",
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
  cf_dp_form_set_check (form, check_set_up, self);
  g_signal_connect_object (form, "response", G_CALLBACK (on_set_up_response), self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

/* Balance returns and recoveries ---------------------------------------------------------- */

static gboolean
is_one_off (CfDirectPaymentPage *self)
{
  return g_str_equal (payment_text (self, "frequency"), "one-off");
}

static char *
check_return (AdwMessageDialog *form,
              gpointer          user_data)
{
  char *message = check_date (cf_dp_form_get_text (form, "returned_on"), TRUE, NULL);
  gint64 pence;

  if (message != NULL)
    return message;
  if (is_blank (cf_dp_form_get_text (form, "balance")))
    return g_strdup (_("Type the balance held, such as 525.00."));
  if ((message = check_money (cf_dp_form_get_text (form, "balance"), &pence)) != NULL)
    return message;
  if (cf_dp_form_get_field (form, "spent") != NULL)
    return check_money (cf_dp_form_get_text (form, "spent"), &pence);
  return NULL;
}

static void
on_return_response (AdwMessageDialog    *form,
                    const char          *response,
                    CfDirectPaymentPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfBalanceReturn) balance_return = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *message = NULL;
  gint64 balance = 0, spent = 0;

  if (!g_str_equal (response, "add") || self->payment == NULL || get_store (self) == NULL)
    return;

  message = check_date (cf_dp_form_get_text (form, "returned_on"), TRUE, &iso);
  if (message != NULL)
    return;
  g_clear_pointer (&message, g_free);
  message = check_money (cf_dp_form_get_text (form, "balance"), &balance);
  if (message == NULL && cf_dp_form_get_field (form, "spent") != NULL)
    message = check_money (cf_dp_form_get_text (form, "spent"), &spent);
  if (message != NULL)
    return;

  if (!save_now (self, &error))
    {
      set_save_status (self, error->message);
      return;
    }

  balance_return = cf_direct_payments_add_return (get_store (self), self->payment, iso, balance,
                                                  spent, &error);
  if (balance_return == NULL)
    {
      show_result (self, error->message);
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  load_children (self);
}

static void
on_add_return_clicked (CfDirectPaymentPage *self)
{
  AdwMessageDialog *form;
  g_autofree char *today = today_for_user (self);
  g_autofree char *amount = NULL;
  g_autofree char *body = NULL;

  if (self->payment == NULL)
    return;

  amount = cf_direct_payment_describe_amount (self->payment);
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

static char *
check_recovery (AdwMessageDialog *form,
                gpointer          user_data)
{
  CfRecord *record = g_object_get_data (G_OBJECT (form), "cf-return");
  gint64 surplus = cf_record_get_int (record, "surplus_pence");
  gint64 pence;
  char *message = check_money (cf_dp_form_get_text (form, "recovered"), &pence);

  if (message != NULL)
    return message;
  if (pence > surplus)
    {
      g_autofree char *shown = cf_money_format (surplus);

      /* Translators: %s is the surplus, such as “£125.00” */
      return g_strdup_printf (_("The surplus is %s: no more than that is recovered."), shown);
    }
  return check_date (cf_dp_form_get_text (form, "recovered_on"), TRUE, NULL);
}

static void
on_recovery_response (AdwMessageDialog    *form,
                      const char          *response,
                      CfDirectPaymentPage *self)
{
  CfBalanceReturn *balance_return = g_object_get_data (G_OBJECT (form), "cf-return");
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *message = NULL;
  gint64 pence;

  if (!g_str_equal (response, "record") || get_store (self) == NULL)
    return;

  message = check_date (cf_dp_form_get_text (form, "recovered_on"), TRUE, &iso);
  if (message != NULL)
    return;
  message = check_money (cf_dp_form_get_text (form, "recovered"), &pence);
  if (message != NULL)
    return;

  if (!cf_direct_payments_record_recovery (get_store (self), balance_return, pence, iso,
                                           &error))
    {
      show_result (self, error->message);
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  refresh_returns (self);
}

static void
on_record_recovery (GtkButton           *button,
                    CfDirectPaymentPage *self)
{
  CfBalanceReturn *balance_return = g_object_get_data (G_OBJECT (button), "cf-return");
  CfRecord *record = CF_RECORD (balance_return);
  AdwMessageDialog *form;
  g_autofree char *today = today_for_user (self);
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

/* Personal assistants ---------------------------------------------------------------------- */

static const char *const assistant_dates[][2] = {
  { "dbs_checked_on", N_("DBS Check Done On (day/month/year)") },
  { "insurance_expires_on", N_("Employer’s Liability Insurance Expires On (day/month/year)") },
  { "right_to_work_checked_on", N_("Right to Work Checked On (day/month/year)") },
  { "contract_signed_on", N_("Contract Signed On (day/month/year)") },
};

static char *
check_assistant (AdwMessageDialog *form,
                 gpointer          user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (assistant_dates); i++)
    {
      char *message = check_date (cf_dp_form_get_text (form, assistant_dates[i][0]), FALSE,
                                  NULL);

      if (message != NULL)
        return message;
    }

  return NULL;
}

static void
on_assistant_response (AdwMessageDialog    *form,
                       const char          *response,
                       CfDirectPaymentPage *self)
{
  CfRecord *record = g_object_get_data (G_OBJECT (form), "cf-assistant");
  guint status = cf_dp_form_get_selected (form, "status");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save") || get_store (self) == NULL ||
      status == GTK_INVALID_LIST_POSITION)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (assistant_dates); i++)
    {
      g_autofree char *iso = NULL;
      g_autofree char *message = check_date (cf_dp_form_get_text (form, assistant_dates[i][0]),
                                             FALSE, &iso);

      if (message != NULL)
        return;
      cf_record_set_text (record, assistant_dates[i][0], iso != NULL ? iso : "");
    }

  cf_record_set_text (record, "name", cf_dp_form_get_text (form, "name"));
  cf_record_set_text (record, "status", cf_assistant_statuses[status].id);
  cf_record_set_text (record, "payroll_provider", cf_dp_form_get_text (form, "payroll"));

  if (!cf_direct_payments_save_assistant (get_store (self), CF_PERSONAL_ASSISTANT (record),
                                          &error))
    {
      show_result (self, error->message);
      load_children (self);
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  load_children (self);
}

static void
open_assistant (CfDirectPaymentPage *self,
                CfRecord            *record)
{
  g_autoptr(GtkStringList) statuses = labels_without_none (cf_assistant_statuses);
  gboolean is_new = cf_record_is_new (record);
  AdwMessageDialog *form;
  int status = cf_choices_find (cf_assistant_statuses, cf_record_get_text (record, "status"));

  form = cf_dp_form_new (GTK_WIDGET (self),
                         is_new ? _("Add a Personal Assistant") : _("Personal Assistant"),
                         _("The carer is the employer. Leave the name empty while the post is "
                           "being recruited to."),
                         "save", is_new ? _("_Add") : _("_Save"));
  g_object_set_data_full (G_OBJECT (form), "cf-assistant", g_object_ref (record),
                          g_object_unref);
  cf_dp_form_add_entry (form, "name", _("Name"), cf_record_get_text (record, "name"));
  cf_dp_form_add_choice (form, "status", _("Status"), G_LIST_MODEL (statuses),
                         status >= 0 ? (guint) status : 0);
  for (guint i = 0; i < G_N_ELEMENTS (assistant_dates); i++)
    {
      g_autofree char *shown = cf_date_to_user (cf_record_get_text (record,
                                                                    assistant_dates[i][0]));

      cf_dp_form_add_entry (form, assistant_dates[i][0], _(assistant_dates[i][1]), shown);
    }
  cf_dp_form_add_entry (form, "payroll", _("Payroll Provider"),
                        cf_record_get_text (record, "payroll_provider"));
  cf_dp_form_set_check (form, check_assistant, self);
  g_signal_connect_object (form, "response", G_CALLBACK (on_assistant_response), self, 0);
  gtk_window_present (GTK_WINDOW (form));
}

static void
on_add_assistant_clicked (CfDirectPaymentPage *self)
{
  g_autoptr(CfPersonalAssistant) assistant = NULL;

  if (self->payment == NULL)
    return;

  assistant = cf_personal_assistant_new (cf_record_get_id (CF_RECORD (self->payment)));
  cf_record_set_text (CF_RECORD (assistant), "status", "recruiting");
  open_assistant (self, CF_RECORD (assistant));
}

static void
on_edit_assistant (GtkButton           *button,
                   CfDirectPaymentPage *self)
{
  open_assistant (self, g_object_get_data (G_OBJECT (button), "cf-assistant"));
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
  g_clear_pointer (&self->returns, g_ptr_array_unref);
  g_clear_pointer (&self->assistants, g_ptr_array_unref);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_DIRECT_PAYMENT_PAGE);

  G_OBJECT_CLASS (cf_direct_payment_page_parent_class)->dispose (object);
}

static void
cf_direct_payment_page_finalize (GObject *object)
{
  CfDirectPaymentPage *self = CF_DIRECT_PAYMENT_PAGE (object);

  g_ptr_array_unref (self->bridge_ids);
  g_ptr_array_unref (self->list_rows);
  g_ptr_array_unref (self->extra_rows);
  g_ptr_array_unref (self->fields);

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
  BIND (add_return_button);
  BIND (assistants_group);
  BIND (add_assistant_button);
#undef BIND
}

static void
cf_direct_payment_page_init (CfDirectPaymentPage *self)
{
  g_autoptr(GtkStringList) none = cf_choice_list_new_with_none (cf_direct_payment_not_allowed,
                                                                _("Nothing"));

  gtk_widget_init_template (GTK_WIDGET (self));

  self->bridge_ids = g_ptr_array_new_with_free_func (g_free);
  self->list_rows = g_ptr_array_new ();
  self->extra_rows = g_ptr_array_new ();
  self->fields = g_ptr_array_new ();

  bind_field (self, self->capacity_row, "capacity", KIND_CHOICE, cf_capacity_answers);
  bind_field (self, self->authorised_row, "authorised_person", KIND_TEXT, NULL);
  bind_field (self, self->consent_row, "consent", KIND_BOOL, self->consent_switch);
  bind_field (self, self->manage_row, "able_to_manage", KIND_CHOICE, cf_manage_answers);
  bind_field (self, self->appropriate_row, "appropriate", KIND_BOOL, self->appropriate_switch);
  bind_field (self, self->decided_by_row, "decided_by", KIND_TEXT, NULL);
  bind_field (self, self->decided_on_row, "decided_on", KIND_DATE, NULL);
  bind_field (self, self->amount_row, "amount_pence", KIND_MONEY, NULL);
  bind_field (self, self->frequency_row, "frequency", KIND_FREQUENCY, NULL);
  bind_field (self, self->purpose_row, "purpose", KIND_TEXT, NULL);
  bind_field (self, self->method_row, "method", KIND_CHOICE, cf_direct_payment_methods);
  bind_field (self, self->method_reason_row, "method_reason", KIND_TEXT, NULL);
  bind_field (self, self->budget_holder_row, "budget_holder", KIND_TEXT, NULL);
  bind_field (self, self->cardholder_row, "cardholder", KIND_TEXT, NULL);
  bind_field (self, self->relative_row, "pays_close_relative", KIND_BOOL, self->relative_switch);
  bind_field (self, self->relative_reason_row, "close_relative_reason", KIND_TEXT, NULL);
  bind_field (self, self->not_allowed_row, "not_allowed", KIND_CHOICE,
              cf_direct_payment_not_allowed);
  /* "Nothing" reads better than "Not recorded" for what a payment is spent on. */
  adw_combo_row_set_model (ADW_COMBO_ROW (self->not_allowed_row), G_LIST_MODEL (none));
  bind_field (self, self->not_allowed_reason_row, "not_allowed_reason", KIND_TEXT, NULL);
  bind_field (self, self->bridges_row, "bridges_id", KIND_BRIDGES, NULL);
  bind_field (self, self->requested_row, "requested_on", KIND_DATE, NULL);
  bind_field (self, self->agreed_row, "agreed_on", KIND_DATE, NULL);
  bind_field (self, self->signed_row, "agreement_signed_on", KIND_DATE, NULL);
  bind_field (self, self->first_payment_row, "first_payment_on", KIND_DATE, NULL);

  g_signal_connect_swapped (self->set_up_button, "clicked", G_CALLBACK (on_set_up_clicked), self);
  g_signal_connect_swapped (self->agree_button, "clicked", G_CALLBACK (on_agree_clicked), self);
  g_signal_connect_swapped (self->end_button, "clicked", G_CALLBACK (on_end_clicked), self);
  g_signal_connect_swapped (self->add_return_button, "clicked",
                            G_CALLBACK (on_add_return_clicked), self);
  g_signal_connect_swapped (self->add_assistant_button, "clicked",
                            G_CALLBACK (on_add_assistant_clicked), self);
}

CfDirectPaymentPage *
cf_direct_payment_page_new (CfContext *context)
{
  CfDirectPaymentPage *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  self = g_object_new (CF_TYPE_DIRECT_PAYMENT_PAGE, NULL);
  self->context = g_object_ref (context);
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

  for (guint i = 0; i < self->fields->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->fields, i);

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
