/* cf-dp-assistants-group.c: the personal assistants a direct payment employs
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Direct payments": the carer employs their personal assistants (paid, and not the
 * same people as unpaid carers or care workers). A DBS check is renewed every three years, and
 * a post vacant over 30 days is flagged; the dates are worked out in src/core/cf-schedule.c.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-dates.h"
#include "cf-dp-assistants-group.h"
#include "cf-dp-form.h"
#include "cf-schedule.h"

struct _CfDpAssistantsGroup
{
  CfDpListGroup  parent_instance;

  GtkWidget     *add_button;
};

G_DEFINE_FINAL_TYPE (CfDpAssistantsGroup, cf_dp_assistants_group, CF_TYPE_DP_LIST_GROUP)

static const char *const assistant_dates[][2] = {
  { "dbs_checked_on", N_("DBS Check Done On (day/month/year)") },
  { "insurance_expires_on", N_("Employer’s Liability Insurance Expires On (day/month/year)") },
  { "right_to_work_checked_on", N_("Right to Work Checked On (day/month/year)") },
  { "contract_signed_on", N_("Contract Signed On (day/month/year)") },
};

static CfStore *
get_store (CfDpAssistantsGroup *self)
{
  return cf_dp_list_group_get_store (CF_DP_LIST_GROUP (self));
}

/* The rows ------------------------------------------------------------------------------------- */

static void on_edit_clicked (GtkButton           *button,
                             CfDpAssistantsGroup *self);

/* What is due for a post still filled or being filled, in words after @subtitle's; %TRUE when
 * it is overdue. */
static gboolean
describe_checks (CfRecord    *record,
                 const GDate *today,
                 GString     *subtitle)
{
  gboolean overdue = FALSE;
  GDate date, due;

  if (g_strcmp0 (cf_record_get_text (record, "status"), "ended") == 0)
    return FALSE;

  if (cf_date_read_iso (cf_record_get_text (record, "dbs_checked_on"), &date))
    {
      g_autofree char *words = NULL;

      cf_dbs_renewal_due (&date, &due);
      words = cf_due_describe (_("DBS renewal"), &due, today);
      g_string_append_printf (subtitle, " · %s", words);
      overdue |= cf_due_state (&due, today) == CF_DUE_STATE_OVERDUE;
    }

  if (cf_date_read_iso (cf_record_get_text (record, "insurance_expires_on"), &date))
    {
      g_autofree char *words = cf_due_describe (_("Insurance renewal"), &date, today);

      g_string_append_printf (subtitle, " · %s", words);
      overdue |= cf_due_state (&date, today) == CF_DUE_STATE_OVERDUE;
    }

  return overdue;
}

static GtkWidget *
create_row (CfDpListGroup *group,
            gpointer       item)
{
  CfDpAssistantsGroup *self = CF_DP_ASSISTANTS_GROUP (group);
  CfRecord *record = item;
  const char *name = cf_record_get_text (record, "name");
  const char *label = cf_choices_label (cf_assistant_statuses,
                                        cf_record_get_text (record, "status"));
  g_autoptr(GString) subtitle = g_string_new (label != NULL ? label : "");
  g_autofree char *accessible = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  gboolean flag = FALSE;
  GDate today, opened;

  cf_clock_today (cf_context_get_clock (cf_dp_list_group_get_context (group)), &today);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 *name != '\0' ? name : _("Post not yet filled"));

  if (cf_date_read_iso (cf_record_get_text (record, "vacant_since"), &opened))
    {
      guint days = MAX (0, g_date_days_between (&opened, &today));

      g_string_append (subtitle, " · ");
      /* Translators: %u is a number of days */
      g_string_append_printf (subtitle, ngettext ("vacant for %u day",
                                                  "vacant for %u days", days), days);
      if (cf_vacancy_is_long (&opened, &today))
        {
          g_string_append (subtitle, _(" — open over 30 days"));
          flag = TRUE;
        }
    }

  flag |= describe_checks (record, &today, subtitle);
  if (flag)
    cf_dp_form_add_warning (ADW_ACTION_ROW (row), _("Needs attention"));

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  button = gtk_button_new_with_mnemonic (_("_Edit…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: %s is a personal assistant's name */
  accessible = g_strdup_printf (_("Edit %s"), *name != '\0' ? name : _("the post"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  g_object_set_data (G_OBJECT (button), "cf-assistant", record);
  g_signal_connect (button, "clicked", G_CALLBACK (on_edit_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* Adding and editing --------------------------------------------------------------------------- */

static char *
check_assistant (AdwMessageDialog *form,
                 gpointer          user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (assistant_dates); i++)
    {
      char *message = cf_dp_form_check_date (cf_dp_form_get_text (form, assistant_dates[i][0]),
                                             FALSE, NULL);

      if (message != NULL)
        return message;
    }

  return NULL;
}

static void
on_assistant_response (AdwMessageDialog    *form,
                       const char          *response,
                       CfDpAssistantsGroup *self)
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
      g_autofree char *message =
        cf_dp_form_check_date (cf_dp_form_get_text (form, assistant_dates[i][0]), FALSE, &iso);

      if (message != NULL)
        return;
      cf_record_set_text (record, assistant_dates[i][0], iso != NULL ? iso : "");
    }

  cf_record_set_text (record, "name", cf_dp_form_get_text (form, "name"));
  cf_record_set_text (record, "status", cf_assistant_statuses[status].id);
  cf_record_set_text (record, "payroll_provider", cf_dp_form_get_text (form, "payroll"));

  /* Refused or not, the rows are read again: the record shown may hold the refused values. */
  if (!cf_direct_payments_save_assistant (get_store (self), CF_PERSONAL_ASSISTANT (record),
                                          &error))
    cf_dp_list_group_refused (CF_DP_LIST_GROUP (self), error->message);
  else
    cf_dp_list_group_stored (CF_DP_LIST_GROUP (self));

  cf_dp_list_group_outdate (CF_DP_LIST_GROUP (self));
}

static void
open_assistant (CfDpAssistantsGroup *self,
                CfRecord            *record)
{
  g_autoptr(GtkStringList) statuses = cf_dp_form_choice_labels (cf_assistant_statuses);
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
on_add_clicked (CfDpAssistantsGroup *self)
{
  g_autoptr(CfPersonalAssistant) assistant = NULL;

  CfDirectPayment *payment = cf_dp_list_group_get_payment (CF_DP_LIST_GROUP (self));

  if (payment == NULL)
    return;

  assistant = cf_personal_assistant_new (cf_record_get_id (CF_RECORD (payment)));
  cf_record_set_text (CF_RECORD (assistant), "status", "recruiting");
  open_assistant (self, CF_RECORD (assistant));
}

static void
on_edit_clicked (GtkButton           *button,
                 CfDpAssistantsGroup *self)
{
  open_assistant (self, g_object_get_data (G_OBJECT (button), "cf-assistant"));
}

/* GObject -------------------------------------------------------------------------------------- */

static void
cf_dp_assistants_group_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CF_TYPE_DP_ASSISTANTS_GROUP);

  G_OBJECT_CLASS (cf_dp_assistants_group_parent_class)->dispose (object);
}

static void
cf_dp_assistants_group_class_init (CfDpAssistantsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  CfDpListGroupClass *list_class = CF_DP_LIST_GROUP_CLASS (klass);

  object_class->dispose = cf_dp_assistants_group_dispose;
  list_class->placeholder = N_("No personal assistants recorded");
  list_class->create_row = create_row;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/support/cf-dp-assistants-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CfDpAssistantsGroup, add_button);
}

static void
cf_dp_assistants_group_init (CfDpAssistantsGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
}
