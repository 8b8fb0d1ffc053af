/* cf-emergency-page.c: a carer's emergency (contingency) plan
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Emergency (contingency) plan": who steps in (at least two named contacts, in
 * order, each agreed), what to do if none can, what someone stepping in needs to know; the
 * dates it was agreed and last checked, flagged when not checked in 12 months; printable, and
 * an emergency card that carries a reference number and a phone number only.
 *
 * Edits go into the records at once and are saved 500 ms after the last change, as in the
 * assessment editor. A save that fails (a phone number that is not a UK number, say) keeps
 * every edit in the records and the rows, and says why next to the field and in the status
 * line. Printing and PDF export are audited: the plan holds special category data. The plan is
 * printed in the format and language chosen on the page (cf-print-choices.c), at first those the
 * carer's record asks for (DOMAIN.md, "Information, consent"); the card is always the same.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-dates.h"
#include "cf-emergency-contact-row.h"
#include "cf-emergency-page-private.h"
#include "cf-emergency-plans.h"
#include "cf-field.h"
#include "cf-plans.h"
#include "cf-print-choices.h"
#include "cf-print-control.h"
#include "cf-schedule.h"
#include "cf-validate.h"

#define SAVE_DELAY_MS 500
#define RETRY_DELAY_S 5

/* The plan's own text fields, each shown in an entry row of the template with the same id. */
static const char * const plan_fields[] = {
  "if_none_can_come", "medication", "medication_kept", "routines", "appointments", "mobility",
  "communication", "home_access", "pets", "other", "card_phone",
};

struct _CfEmergencyPage
{
  AdwBin                parent_instance;

  CfContext            *context;
  CfCarer              *carer;
  CfEmergencyPlan      *plan;
  /* Every contact of the plan in the order they are called, with those removed since the
   * last save (marked deleted) until the save writes their tombstones. */
  GPtrArray            *contacts;
  gboolean              loading;
  guint                 save_source;
  CfPrintControl       *printer;
  CfPrintChoices       *choices;
  CfEmergencyDocument   choosing;

  GtkWidget            *plan_rows[G_N_ELEMENTS (plan_fields)];

  GtkWidget            *empty_group;
  GtkWidget            *create_button;
  GtkLabel             *create_status;
  GtkWidget            *status_group;
  AdwActionRow         *status_row;
  GtkWidget            *check_warning_row;
  GtkLabel             *check_warning;
  GtkWidget            *agree_button;
  GtkWidget            *checked_button;
  GtkLabel             *agree_message;
  GtkLabel             *save_status;
  GtkWidget            *contacts_group;
  GtkWidget            *add_button;
  GtkWidget            *contacts_box;
  GtkWidget            *if_none_group;
  GtkWidget            *needs_group;
  GtkWidget            *card_group;
  GtkWidget            *card_phone_message_row;
  GtkLabel             *card_phone_message;
  GtkWidget            *print_group;
  GtkWidget            *format_row;
  GtkWidget            *language_row;
  GtkWidget            *print_button;
  GtkWidget            *pdf_button;
  GtkWidget            *card_print_button;
  GtkWidget            *card_pdf_button;
  GtkLabel             *print_status;
};

G_DEFINE_FINAL_TYPE (CfEmergencyPage, cf_emergency_page, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (CfEmergencyPage *self);

static CfStore *
get_store (CfEmergencyPage *self)
{
  return cf_context_get_store (self->context);
}

static GtkWidget *
plan_row (CfEmergencyPage *self,
          const char      *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (plan_fields); i++)
    if (g_str_equal (plan_fields[i], field))
      return self->plan_rows[i];

  g_assert_not_reached ();
}

static char *
dup_setting (CfEmergencyPage *self,
             const char      *key)
{
  GSettings *settings = cf_context_get_settings (self->context);

  return settings != NULL ? g_settings_get_string (settings, key) : g_strdup ("");
}

/* A date as a person says it, e.g. “3 March 2026”. */
static char *
long_date (const GDate *date)
{
  char text[64];

  /* Translators: a date in full, e.g. “3 March 2026”; see strftime for the codes */
  if (g_date_strftime (text, sizeof text, _("%-d %B %Y"), date) == 0)
    g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (date),
                g_date_get_month (date), g_date_get_day (date));

  return g_strdup (text);
}

static gboolean
read_date (const char *iso,
           GDate      *date)
{
  guint year, month, day;

  g_date_clear (date, 1);
  if (iso == NULL || !cf_date_parse_iso_shape (iso, &year, &month, &day) ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/* Saving ------------------------------------------------------------------------------------ */

static void
set_save_status (CfEmergencyPage *self,
                 const char      *error_message)
{
  g_autofree char *text = NULL;

  if (self->plan == NULL)
    text = g_strdup ("");
  else if (error_message != NULL)
    /* Translators: %s says why saving failed */
    text = g_strdup_printf (_("Not saved: %s Your changes are kept here."), error_message);
  else
    text = g_strdup (_("All changes saved."));

  gtk_label_set_text (self->save_status, text);
}

static gboolean
has_unsaved (CfEmergencyPage *self)
{
  if (self->plan == NULL)
    return FALSE;
  if (self->save_source != 0 || cf_record_is_dirty (CF_RECORD (self->plan)))
    return TRUE;

  for (guint i = 0; i < self->contacts->len; i++)
    if (cf_record_is_dirty (g_ptr_array_index (self->contacts, i)))
      return TRUE;

  return FALSE;
}

static void
forget_removed (CfEmergencyPage *self)
{
  for (guint i = self->contacts->len; i > 0; i--)
    {
      CfRecord *contact = g_ptr_array_index (self->contacts, i - 1);

      if (cf_record_get_deleted (contact) && !cf_record_is_dirty (contact))
        g_ptr_array_remove_index (self->contacts, i - 1);
    }
}

static gboolean
save_now (CfEmergencyPage  *self,
          GError          **error)
{
  CfStore *store = get_store (self);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->plan == NULL || store == NULL)
    return TRUE;

  if (!cf_emergency_plans_save (store, self->plan, self->contacts, error))
    return FALSE;

  forget_removed (self);
  return TRUE;
}

static gboolean
save_timeout (gpointer user_data)
{
  CfEmergencyPage *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!save_now (self, &error))
    {
      set_save_status (self, error->message);
      /* A number that is not a UK number stays wrong until someone changes it, and the next
       * edit saves again; anything else (a busy database) is tried again shortly. */
      if (!g_error_matches (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INVALID))
        self->save_source = g_timeout_add_seconds (RETRY_DELAY_S, save_timeout, self);
      return G_SOURCE_REMOVE;
    }

  set_save_status (self, NULL);
  refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (CfEmergencyPage *self)
{
  if (self->plan == NULL)
    return;

  gtk_label_set_text (self->save_status, _("Saving…"));
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
}

/* Showing the plan -------------------------------------------------------------------------- */

static guint
count_contacts (CfEmergencyPage *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (self->contacts_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

static void
renumber (CfEmergencyPage *self)
{
  guint n = count_contacts (self);
  guint number = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (self->contacts_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    cf_emergency_contact_row_set_place (CF_EMERGENCY_CONTACT_ROW (child), number++, n);
}

static char *
join_missing (GPtrArray *missing)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < missing->len; i++)
    {
      if (i > 0)
        /* Translators: between the items of a list of what is still needed */
        g_string_append (text, _("; "));
      g_string_append (text, g_ptr_array_index (missing, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_agree_message (CfEmergencyPage *self,
                   const char      *message)
{
  cf_field_set_message (self->agree_button, GTK_WIDGET (self->agree_message),
                        self->agree_message, message);
}

/* Once the worker has been told what is missing, the list follows their edits: each item
 * goes as it is filled in, and the message with the last one. */
static void
refresh_agree_message (CfEmergencyPage *self)
{
  g_autoptr(GPtrArray) missing = NULL;
  g_autofree char *list = NULL;
  g_autofree char *message = NULL;

  if (self->plan == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->agree_message)))
    return;

  missing = cf_emergency_plan_dup_missing (self->plan, self->contacts);
  if (missing->len == 0)
    {
      set_agree_message (self, NULL);
      return;
    }

  list = join_missing (missing);
  /* Translators: %s is a list of what is still needed */
  message = g_strdup_printf (_("The emergency plan can’t be agreed yet. Still needed: %s."),
                             list);
  set_agree_message (self, message);
}

static void
refresh_status (CfEmergencyPage *self)
{
  CfRecord *record = self->plan != NULL ? CF_RECORD (self->plan) : NULL;
  g_autofree char *text = NULL;
  GDate agreed, checked, today, due;
  gboolean overdue = FALSE;

  if (record == NULL)
    {
      adw_action_row_set_subtitle (self->status_row, "");
      gtk_label_set_text (self->check_warning, "");
      gtk_widget_set_visible (self->check_warning_row, FALSE);
      return;
    }

  cf_clock_today (cf_context_get_clock (self->context), &today);

  if (!read_date (cf_record_get_text (record, "agreed_on"), &agreed))
    text = g_strdup (_("Not agreed yet"));
  else
    {
      g_autofree char *agreed_text = long_date (&agreed);
      g_autofree char *checked_text = NULL;
      g_autofree char *due_text = NULL;

      /* An agreed plan not checked since counts from the day it was agreed. */
      if (!read_date (cf_record_get_text (record, "last_checked_on"), &checked))
        checked = agreed;
      due = checked;
      g_date_add_months (&due, 12);
      overdue = cf_emergency_plan_needs_check (&checked, &today);
      checked_text = long_date (&checked);
      due_text = long_date (&due);

      /* Translators: "%1$s" is the date the plan was agreed, "%2$s" when it was last checked
       * and "%3$s" when the next check is due, e.g. “Agreed 3 March 2026 · last checked
       * 3 March 2026 · check due 3 March 2027” */
      text = g_strdup_printf (_("Agreed %1$s · last checked %2$s · check due %3$s"),
                              agreed_text, checked_text, due_text);
    }
  adw_action_row_set_subtitle (self->status_row, text);

  if (overdue)
    {
      g_autofree char *due_words = cf_due_describe (_("Check"), &due, &today);
      /* Translators: "%s" says since when a check is overdue, e.g. “Check overdue since
       * 3 Mar 2027” */
      g_autofree char *warning =
        g_strdup_printf (_("%s. This plan has not been checked in the last 12 months: go "
                           "through it with the carer, then mark it as checked."), due_words);

      gtk_label_set_text (self->check_warning, warning);
    }
  else
    gtk_label_set_text (self->check_warning, "");
  gtk_widget_set_visible (self->check_warning_row, overdue);
}

static void
refresh (CfEmergencyPage *self)
{
  gboolean have = self->plan != NULL;
  gboolean busy = cf_print_control_get_busy (self->printer);
  gboolean agreed = have && *cf_record_get_text (CF_RECORD (self->plan), "agreed_on") != '\0';
  gboolean store = get_store (self) != NULL;

  gtk_widget_set_visible (self->empty_group, self->carer != NULL && !have);
  gtk_widget_set_visible (self->status_group, have);
  gtk_widget_set_visible (self->contacts_group, have);
  gtk_widget_set_visible (self->if_none_group, have);
  gtk_widget_set_visible (self->needs_group, have);
  gtk_widget_set_visible (self->card_group, have);
  gtk_widget_set_visible (self->print_group, have);

  gtk_widget_set_sensitive (self->create_button, self->carer != NULL && !have && store);
  gtk_widget_set_sensitive (self->checked_button, agreed && store);
  gtk_widget_set_sensitive (self->agree_button, have && store);
  gtk_widget_set_sensitive (self->print_button, have && !busy);
  gtk_widget_set_sensitive (self->pdf_button, have && !busy);
  gtk_widget_set_sensitive (self->card_print_button, have && !busy);
  gtk_widget_set_sensitive (self->card_pdf_button, have && !busy);

  refresh_status (self);
  refresh_agree_message (self);
}

static void
check_card_phone (CfEmergencyPage *self)
{
  g_autofree char *message =
    cf_validate_phone (gtk_editable_get_text (GTK_EDITABLE (plan_row (self, "card_phone"))));

  cf_field_set_message (plan_row (self, "card_phone"), self->card_phone_message_row,
                        self->card_phone_message, message);
}

static void
on_contact_edited (CfEmergencyPage *self)
{
  refresh_agree_message (self);
  schedule_save (self);
}

static void on_move_requested   (CfEmergencyPage       *self,
                                 int                    direction,
                                 CfEmergencyContactRow *row);
static void on_remove_requested (CfEmergencyPage       *self,
                                 CfEmergencyContactRow *row);

static CfEmergencyContactRow *
add_row (CfEmergencyPage    *self,
         CfEmergencyContact *contact)
{
  CfEmergencyContactRow *row = cf_emergency_contact_row_new (contact);

  g_signal_connect_object (row, "edited", G_CALLBACK (on_contact_edited), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "move-requested", G_CALLBACK (on_move_requested), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove-requested", G_CALLBACK (on_remove_requested), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->contacts_box), GTK_WIDGET (row));

  return row;
}

static void
remove_rows (CfEmergencyPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->contacts_box)) != NULL)
    {
      /* Emptied first: no name or number lingers in a widget on its way out. */
      cf_emergency_contact_row_clear (CF_EMERGENCY_CONTACT_ROW (child));
      gtk_box_remove (GTK_BOX (self->contacts_box), child);
    }
}

static void
load_fields (CfEmergencyPage *self)
{
  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (plan_fields); i++)
    gtk_editable_set_text (GTK_EDITABLE (self->plan_rows[i]),
                           self->plan != NULL
                           ? cf_record_get_text (CF_RECORD (self->plan), plan_fields[i]) : "");
  self->loading = FALSE;
  check_card_phone (self);

  remove_rows (self);
  for (guint i = 0; i < self->contacts->len; i++)
    {
      CfEmergencyContact *contact = g_ptr_array_index (self->contacts, i);

      if (!cf_record_get_deleted (CF_RECORD (contact)))
        add_row (self, contact);
    }
  renumber (self);
}

static void
on_plan_field_changed (CfEmergencyPage *self,
                       GtkEditable     *editable)
{
  if (self->loading || self->plan == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (plan_fields); i++)
    {
      if (self->plan_rows[i] != GTK_WIDGET (editable))
        continue;

      cf_record_set_text (CF_RECORD (self->plan), plan_fields[i],
                          gtk_editable_get_text (editable));
      if (g_str_equal (plan_fields[i], "card_phone"))
        check_card_phone (self);
      break;
    }

  refresh_agree_message (self);
  schedule_save (self);
}

/* Contacts ---------------------------------------------------------------------------------- */

static void
on_add_clicked (CfEmergencyPage *self)
{
  g_autoptr(CfEmergencyContact) contact = NULL;
  CfEmergencyContactRow *row;

  if (self->plan == NULL)
    return;

  contact = cf_emergency_contact_new (cf_record_get_id (CF_RECORD (self->plan)));
  g_ptr_array_add (self->contacts, g_object_ref (contact));
  row = add_row (self, contact);
  renumber (self);
  cf_emergency_contact_row_focus_name (row);
  refresh_agree_message (self);
  schedule_save (self);
}

static void
on_move_requested (CfEmergencyPage       *self,
                   int                    direction,
                   CfEmergencyContactRow *row)
{
  CfEmergencyContact *contact = cf_emergency_contact_row_get_contact (row);
  CfEmergencyContact *other;
  GtkWidget *neighbour;
  guint from, to;

  neighbour = direction < 0 ? gtk_widget_get_prev_sibling (GTK_WIDGET (row))
                            : gtk_widget_get_next_sibling (GTK_WIDGET (row));
  if (neighbour == NULL || !g_ptr_array_find (self->contacts, contact, &from))
    return;
  other = cf_emergency_contact_row_get_contact (CF_EMERGENCY_CONTACT_ROW (neighbour));
  if (!g_ptr_array_find (self->contacts, other, &to))
    return;

  /* Swapped with the next person shown; removed contacts in between keep their places, and
   * the save numbers everyone by this order. */
  self->contacts->pdata[from] = self->contacts->pdata[to];
  self->contacts->pdata[to] = contact;

  /* Moved in place rather than rebuilt, so the focus stays where it was. */
  if (direction < 0)
    gtk_box_reorder_child_after (GTK_BOX (self->contacts_box), neighbour, GTK_WIDGET (row));
  else
    gtk_box_reorder_child_after (GTK_BOX (self->contacts_box), GTK_WIDGET (row), neighbour);

  renumber (self);
  cf_emergency_contact_row_keep_move_focus (row, direction);
  schedule_save (self);
}

static void
on_remove_requested (CfEmergencyPage       *self,
                     CfEmergencyContactRow *row)
{
  CfEmergencyContact *contact = cf_emergency_contact_row_get_contact (row);
  GtkWidget *next = gtk_widget_get_next_sibling (GTK_WIDGET (row));

  if (next == NULL)
    next = gtk_widget_get_prev_sibling (GTK_WIDGET (row));

  /* Kept as a tombstone until saved: it may already be on the server. */
  cf_record_set_deleted (CF_RECORD (contact), TRUE);
  cf_emergency_contact_row_clear (row);
  gtk_box_remove (GTK_BOX (self->contacts_box), GTK_WIDGET (row));
  renumber (self);

  /* The focus was on the button just removed: give it somewhere sensible to go. */
  if (next != NULL)
    cf_emergency_contact_row_focus_name (CF_EMERGENCY_CONTACT_ROW (next));
  else
    gtk_widget_grab_focus (self->add_button);

  refresh_agree_message (self);
  schedule_save (self);
}

/* Making, agreeing and checking -------------------------------------------------------------- */

static void
on_create_clicked (CfEmergencyPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;
  CfStore *store = get_store (self);

  if (self->carer == NULL || self->plan != NULL || store == NULL)
    return;

  phone = dup_setting (self, "organisation-phone");
  self->plan = cf_emergency_plans_create (store, self->carer, phone, &error);
  if (self->plan == NULL)
    {
      gtk_label_set_text (self->create_status, error->message);
      return;
    }

  gtk_label_set_text (self->create_status, "");
  load_fields (self);
  set_save_status (self, NULL);
  refresh (self);
  gtk_widget_grab_focus (self->add_button);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_agree_clicked (CfEmergencyPage *self)
{
  g_autoptr(GError) error = NULL;
  CfStore *store = get_store (self);

  if (self->plan == NULL || store == NULL)
    return;

  if (!cf_emergency_plans_agree (store, self->plan, self->contacts, NULL, &error))
    {
      if (g_error_matches (error, CF_PLAN_ERROR, CF_PLAN_ERROR_INCOMPLETE))
        set_agree_message (self, error->message);
      else
        {
          set_agree_message (self, NULL);
          set_save_status (self, error->message);
        }
      return;
    }

  /* The agreement saved everything typed so far. */
  g_clear_handle_id (&self->save_source, g_source_remove);
  forget_removed (self);
  set_agree_message (self, NULL);
  gtk_label_set_text (self->save_status, _("The emergency plan is agreed. All changes saved."));
  refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_checked_clicked (CfEmergencyPage *self)
{
  g_autoptr(GError) error = NULL;
  CfStore *store = get_store (self);

  if (self->plan == NULL || store == NULL)
    return;

  if (!save_now (self, &error) ||
      !cf_emergency_plans_checked (store, self->plan, NULL, &error))
    {
      set_save_status (self, error->message);
      return;
    }

  gtk_label_set_text (self->save_status, _("Marked as checked today."));
  refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Printing and PDF ------------------------------------------------------------------------- */

static const CfPrintWords plan_words = {
  /* Translators: %s says why */
  .not_printed = N_("The emergency plan was not printed: %s"),
  /* Translators: %s says why */
  .not_saved = N_("The emergency plan was not saved as a PDF: %s"),
  .printed = N_("The emergency plan was sent to the printer."),
  /* Translators: %s is a file name, such as “emergency-plan-CF-1A2B-3C4D.pdf” */
  .saved = N_("The emergency plan was saved as %s."),
};

static const CfPrintWords card_words = {
  /* Translators: %s says why */
  .not_printed = N_("The emergency card was not printed: %s"),
  /* Translators: %s says why */
  .not_saved = N_("The emergency card was not saved as a PDF: %s"),
  .printed = N_("The emergency card was sent to the printer."),
  /* Translators: %s is a file name, such as “emergency-card-CF-1A2B-3C4D.pdf” */
  .saved = N_("The emergency card was saved as %s."),
};

static GPtrArray *
dup_cared_for (CfEmergencyPage *self)
{
  GListModel *model = cf_carer_get_cared_for (self->carer);
  GPtrArray *people = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (people, g_list_model_get_item (model, i));

  return people;
}

static CfDocument *
build_document (CfEmergencyPage     *self,
                CfEmergencyDocument  what)
{
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autoptr(GPtrArray) cared_for = NULL;

  if (what == CF_EMERGENCY_DOCUMENT_CARD)
    return cf_emergency_card_build (self->carer, self->plan);

  name = dup_setting (self, "organisation-name");
  phone = dup_setting (self, "organisation-phone");
  cared_for = dup_cared_for (self);

  return cf_emergency_plan_document_build (self->carer, self->plan, self->contacts, cared_for,
                                           &(CfOrganisation) { name, phone },
                                           cf_print_choices_get_format (self->choices),
                                           cf_print_choices_get_language (self->choices));
}

/* Why @what can't be printed now, or %NULL when it can. */
static char *
check_can_print (CfEmergencyPage     *self,
                 CfEmergencyDocument  what)
{
  g_autofree char *phone = NULL;

  if (self->carer == NULL || self->plan == NULL || get_store (self) == NULL)
    return g_strdup (_("There is no emergency plan to print."));
  if (cf_print_control_get_busy (self->printer))
    return g_strdup (_("Wait for the printing already under way to finish."));

  if (what != CF_EMERGENCY_DOCUMENT_CARD)
    return NULL;

  /* The card is nothing without its number. */
  phone = g_strstrip (g_strdup (cf_record_get_text (CF_RECORD (self->plan), "card_phone")));
  if (*phone == '\0')
    return g_strdup (_("Enter the phone number for the card first."));

  return cf_validate_phone (phone);
}

static void
start_print (CfEmergencyPage     *self,
             CfEmergencyDocument  what,
             CfPrintAction        action,
             const char          *path,
             GTask               *task)
{
  g_autoptr(CfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *problem = check_can_print (self, what);
  gboolean card = what == CF_EMERGENCY_DOCUMENT_CARD;

  if (problem != NULL)
    {
      gtk_label_set_text (self->print_status, problem);
      if (task != NULL)
        g_task_return_new_error (task, CF_PLAN_ERROR, CF_PLAN_ERROR_NOT_ALLOWED, "%s", problem);
      return;
    }

  /* Print what is on screen, and keep the store in step with it where it can be. */
  if (has_unsaved (self) && !save_now (self, &error))
    set_save_status (self, error->message);

  document = build_document (self, what);
  detail = card ? g_strdup ("card") : cf_document_dup_audit_detail (document);
  cf_print_control_start (self->printer, card ? &card_words : &plan_words, document, action,
                          path, get_store (self), "emergency_plan",
                          cf_record_get_id (CF_RECORD (self->plan)), detail, task);
}

static void
on_print_clicked (CfEmergencyPage *self)
{
  start_print (self, CF_EMERGENCY_DOCUMENT_PLAN, CF_PRINT_DIALOG, NULL, NULL);
}

static void
on_card_print_clicked (CfEmergencyPage *self)
{
  start_print (self, CF_EMERGENCY_DOCUMENT_CARD, CF_PRINT_DIALOG, NULL, NULL);
}

/**
 * cf_emergency_page_export_pdf_async:
 * @path: where to write the PDF
 *
 * Saves the plan or the card as a PDF: what "Save as PDF…" and "Save Card as PDF…" do once a
 * file is chosen. The export is audited before the file is written.
 */
void
cf_emergency_page_export_pdf_async (CfEmergencyPage     *self,
                                    CfEmergencyDocument  what,
                                    const char          *path,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CF_IS_EMERGENCY_PAGE (self));
  g_return_if_fail (path != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, cf_emergency_page_export_pdf_async);
  start_print (self, what, CF_PRINT_EXPORT_PDF, path, task);
}

gboolean
cf_emergency_page_export_pdf_finish (CfEmergencyPage  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_pdf_chosen (const char *path,
               gpointer    user_data)
{
  CfEmergencyPage *self = user_data;

  start_print (self, self->choosing, CF_PRINT_EXPORT_PDF, path, NULL);
}

static void
choose_pdf (CfEmergencyPage     *self,
            CfEmergencyDocument  what)
{
  g_autofree char *problem = check_can_print (self, what);
  gboolean card = what == CF_EMERGENCY_DOCUMENT_CARD;

  if (problem != NULL)
    {
      gtk_label_set_text (self->print_status, problem);
      return;
    }

  self->choosing = what;
  cf_print_control_choose_pdf (self->printer,
                               card ? _("Save the Emergency Card as PDF")
                                    : _("Save the Emergency Plan as PDF"),
                               card
                               /* Translators: a PDF file name's start; short, no spaces */
                               ? _("emergency-card")
                               /* Translators: a PDF file name's start; short, no spaces */
                               : _("emergency-plan"),
                               cf_record_get_text (CF_RECORD (self->carer), "reference"),
                               on_pdf_chosen, self);
}

static void
on_pdf_clicked (CfEmergencyPage *self)
{
  choose_pdf (self, CF_EMERGENCY_DOCUMENT_PLAN);
}

static void
on_card_pdf_clicked (CfEmergencyPage *self)
{
  choose_pdf (self, CF_EMERGENCY_DOCUMENT_CARD);
}

/* The class -------------------------------------------------------------------------------- */

static void
cf_emergency_page_dispose (GObject *object)
{
  CfEmergencyPage *self = CF_EMERGENCY_PAGE (object);

  if (self->save_source != 0 && self->plan != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!save_now (self, &error))
        g_warning ("An edit to an emergency plan could not be saved before closing it: %s",
                   error->message);
    }
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (self->printer != NULL)
    cf_print_control_stop (self->printer);
  g_clear_object (&self->printer);
  g_clear_object (&self->choices);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_clear_object (&self->carer);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_emergency_page_parent_class)->dispose (object);
}

static void
cf_emergency_page_class_init (CfEmergencyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_emergency_page_dispose;

  /**
   * CfEmergencyPage::changed:
   *
   * The plan was saved: after an edit's autosave, a flush, making, agreeing or checking it.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (CF_TYPE_EMERGENCY_CONTACT_ROW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/support/cf-emergency-page.ui");
  /* The plan's own rows are found by name in init, through one table. */
  for (guint i = 0; i < G_N_ELEMENTS (plan_fields); i++)
    gtk_widget_class_bind_template_child_full (widget_class, plan_fields[i], FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, empty_group);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, create_status);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, check_warning_row);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, check_warning);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, agree_button);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, checked_button);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, agree_message);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, save_status);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, contacts_box);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, if_none_group);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, needs_group);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, card_group);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, card_phone_message_row);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, card_phone_message);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, print_group);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, format_row);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, pdf_button);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, card_print_button);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, card_pdf_button);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyPage, print_status);
}

static void
cf_emergency_page_init (CfEmergencyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->contacts = g_ptr_array_new_with_free_func (g_object_unref);
  self->printer = cf_print_control_new (GTK_WIDGET (self), self->print_status, self->print_button,
                                        self->pdf_button, self->card_print_button,
                                        self->card_pdf_button, NULL);
  self->choices = cf_print_choices_new (ADW_COMBO_ROW (self->format_row),
                                        ADW_COMBO_ROW (self->language_row));

  for (guint i = 0; i < G_N_ELEMENTS (plan_fields); i++)
    {
      self->plan_rows[i] = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                                      CF_TYPE_EMERGENCY_PAGE,
                                                                      plan_fields[i]));
      g_assert (ADW_IS_ENTRY_ROW (self->plan_rows[i]));
      g_signal_connect_swapped (self->plan_rows[i], "changed",
                                G_CALLBACK (on_plan_field_changed), self);
    }

  g_signal_connect_swapped (self->create_button, "clicked", G_CALLBACK (on_create_clicked),
                            self);
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
  g_signal_connect_swapped (self->agree_button, "clicked", G_CALLBACK (on_agree_clicked), self);
  g_signal_connect_swapped (self->checked_button, "clicked", G_CALLBACK (on_checked_clicked),
                            self);
  g_signal_connect_swapped (self->print_button, "clicked", G_CALLBACK (on_print_clicked), self);
  g_signal_connect_swapped (self->pdf_button, "clicked", G_CALLBACK (on_pdf_clicked), self);
  g_signal_connect_swapped (self->card_print_button, "clicked",
                            G_CALLBACK (on_card_print_clicked), self);
  g_signal_connect_swapped (self->card_pdf_button, "clicked", G_CALLBACK (on_card_pdf_clicked),
                            self);
  g_signal_connect_swapped (self->printer, "busy-changed", G_CALLBACK (refresh), self);
}

CfEmergencyPage *
cf_emergency_page_new (CfContext *context)
{
  CfEmergencyPage *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  self = g_object_new (CF_TYPE_EMERGENCY_PAGE, NULL);
  self->context = g_object_ref (context);
  refresh (self);

  return self;
}

/**
 * cf_emergency_page_set_carer:
 * @carer: (nullable): whose plan to show, or %NULL to empty the page (when locking)
 *
 * Saves what was being edited before it lets go of it, then opens the carer's plan (audited
 * as a view).
 */
void
cf_emergency_page_set_carer (CfEmergencyPage *self,
                             CfCarer         *carer)
{
  g_autoptr(GError) error = NULL;
  CfStore *store;

  g_return_if_fail (CF_IS_EMERGENCY_PAGE (self));
  g_return_if_fail (carer == NULL || CF_IS_CARER (carer));

  if (self->carer == carer)
    return;

  if (has_unsaved (self) && !save_now (self, &error))
    {
      g_warning ("An edit to an emergency plan could not be saved before closing it: %s",
                 error->message);
      g_clear_error (&error);
    }
  g_clear_handle_id (&self->save_source, g_source_remove);

  cf_print_control_stop (self->printer);

  g_set_object (&self->carer, carer);
  cf_print_choices_set_carer (self->choices, carer);
  g_clear_object (&self->plan);
  g_ptr_array_set_size (self->contacts, 0);
  gtk_label_set_text (self->create_status, "");
  gtk_label_set_text (self->print_status, "");
  set_agree_message (self, NULL);

  store = get_store (self);
  if (carer != NULL && store != NULL)
    {
      const char *carer_id = cf_record_get_id (CF_RECORD (carer));

      self->plan = cf_emergency_plans_load_for_carer (store, carer_id, &error);
      if (self->plan != NULL)
        {
          g_autoptr(GPtrArray) contacts =
            cf_emergency_plans_list_contacts (store, cf_record_get_id (CF_RECORD (self->plan)),
                                              &error);

          for (guint i = 0; contacts != NULL && i < contacts->len; i++)
            g_ptr_array_add (self->contacts, g_object_ref (g_ptr_array_index (contacts, i)));
        }
      if (error != NULL)
        gtk_label_set_text (self->create_status, error->message);
    }

  load_fields (self);
  gtk_label_set_text (self->save_status, "");
  refresh (self);
}

/**
 * cf_emergency_page_flush:
 *
 * Saves any change waiting for its delay, now: before closing, locking or switching.
 */
gboolean
cf_emergency_page_flush (CfEmergencyPage  *self,
                         GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (CF_IS_EMERGENCY_PAGE (self), FALSE);

  if (!has_unsaved (self))
    return TRUE;

  if (!save_now (self, &local_error))
    {
      set_save_status (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  set_save_status (self, NULL);
  refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

CfEmergencyPlan *
cf_emergency_page_get_plan (CfEmergencyPage *self)
{
  g_return_val_if_fail (CF_IS_EMERGENCY_PAGE (self), NULL);

  return self->plan;
}

/**
 * cf_emergency_page_get_contacts:
 *
 * Returns: (transfer none) (element-type CfEmergencyContact): the contacts, in order
 */
GPtrArray *
cf_emergency_page_get_contacts (CfEmergencyPage *self)
{
  g_return_val_if_fail (CF_IS_EMERGENCY_PAGE (self), NULL);

  return self->contacts;
}
