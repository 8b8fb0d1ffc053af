/* cf-plan-dialogs.c: the questions the support plan page asks
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Message dialogs with their fields as the extra child: why a plan is being revised, and which
 * break the carer took when. The answering button stays off until the answer is usable, and
 * the reason is said beside the field, so a dialog never closes on an answer it can't use.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-choices.h"
#include "cf-dates.h"
#include "cf-field.h"
#include "cf-gui-util.h"
#include "cf-plan-dialogs.h"

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* @name: what a screen reader calls the list, as nothing above it in the dialog names it. */
static GtkWidget *
boxed_list (const char *name)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  return list;
}

static AdwMessageDialog *
new_dialog (GtkWindow  *parent,
            const char *heading,
            const char *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_set_body_use_markup (dialog, FALSE);

  return dialog;
}

/* Revising ---------------------------------------------------------------------------------- */

static void
on_reason_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, CF_PLAN_RESPONSE_REVISE,
                                           !is_blank (gtk_editable_get_text (entry)));
}

/**
 * cf_plan_revise_dialog_new:
 *
 * Asks why an agreed plan is changing: the new version records it.
 *
 * Returns: (transfer floating): the dialog, not yet shown
 */
AdwMessageDialog *
cf_plan_revise_dialog_new (GtkWindow *parent)
{
  AdwMessageDialog *dialog = new_dialog (parent, _("Revise the Plan?"),
                                         _("A new draft version is made from this one. The "
                                           "agreed version stays in force until the carer "
                                           "agrees the new one."));
  GtkWidget *list = boxed_list (_("Why the Plan Is Changing"));
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Why the Plan Is Changing"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (entry), FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_message_dialog_set_extra_child (dialog, list);
  g_object_set_data (G_OBJECT (dialog), "cf-reason", entry);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    CF_PLAN_RESPONSE_REVISE, _("_Revise Plan"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, CF_PLAN_RESPONSE_REVISE,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, CF_PLAN_RESPONSE_REVISE, FALSE);
  adw_message_dialog_set_default_response (dialog, CF_PLAN_RESPONSE_REVISE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_reason_changed), dialog, 0);

  return dialog;
}

char *
cf_plan_revise_dialog_dup_reason (AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "cf-reason");

  g_return_val_if_fail (GTK_IS_EDITABLE (entry), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

/* Recording a break ------------------------------------------------------------------------ */

typedef struct
{
  GtkWidget *kind_row;
  GtkWidget *date_row;
  GtkWidget *message_row;
  GtkLabel  *message;
  GDate      today;
} BreakFields;

static void
check_break (AdwMessageDialog *dialog)
{
  BreakFields *fields = g_object_get_data (G_OBJECT (dialog), "cf-break");
  g_autofree char *iso = cf_plan_break_dialog_dup_date (dialog);
  g_autofree char *message = NULL;

  if (*iso == '\0')
    message = g_strdup (_("Enter the date of the break."));
  else
    message = cf_field_check_date (iso, &fields->today);

  cf_field_set_message (fields->date_row, fields->message_row, fields->message, message);
  adw_message_dialog_set_response_enabled (dialog, CF_PLAN_RESPONSE_RECORD,
                                           message == NULL &&
                                           cf_plan_break_dialog_get_kind (dialog) != NULL);
}

/**
 * cf_plan_break_dialog_new:
 * @today: the context clock's today: the date shown at first, and the latest allowed
 *
 * Returns: (transfer floating): the dialog, not yet shown
 */
AdwMessageDialog *
cf_plan_break_dialog_new (GtkWindow   *parent,
                          const GDate *today)
{
  AdwMessageDialog *dialog = new_dialog (parent, _("Record a Break"),
                                         _("A break the carer has taken, by type."));
  /* Translators: the first entry of the list of kinds of break */
  g_autoptr(GtkStringList) kinds = cf_choice_list_new_with_none (cf_break_kinds,
                                                                 _("Choose a kind"));
  BreakFields *fields = g_new0 (BreakFields, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *list = boxed_list (_("Record a Break"));
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "dialog-warning-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "valign", GTK_ALIGN_START,
                                  NULL);
  g_autofree char *iso = NULL;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (today != NULL && g_date_valid (today), dialog);

  fields->today = *today;
  fields->kind_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fields->kind_row), _("Kind of Break"));
  adw_combo_row_set_model (ADW_COMBO_ROW (fields->kind_row), G_LIST_MODEL (kinds));
  gtk_list_box_append (GTK_LIST_BOX (list), fields->kind_row);

  fields->date_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (fields->date_row),
                                 _("Taken On (day/month/year)"));
  iso = cf_date_write_iso (today);
  shown = cf_date_to_user (iso);
  gtk_editable_set_text (GTK_EDITABLE (fields->date_row), shown);
  gtk_list_box_append (GTK_LIST_BOX (list), fields->date_row);
  gtk_box_append (GTK_BOX (box), list);

  fields->message_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (fields->message_row, "field-error");
  gtk_box_append (GTK_BOX (fields->message_row), icon);
  fields->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (fields->message, TRUE);
  gtk_label_set_xalign (fields->message, 0);
  gtk_box_append (GTK_BOX (fields->message_row), GTK_WIDGET (fields->message));
  gtk_widget_set_visible (fields->message_row, FALSE);
  gtk_box_append (GTK_BOX (box), fields->message_row);

  adw_message_dialog_set_extra_child (dialog, box);
  g_object_set_data_full (G_OBJECT (dialog), "cf-break", fields, g_free);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    CF_PLAN_RESPONSE_RECORD, _("_Record Break"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, CF_PLAN_RESPONSE_RECORD,
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, CF_PLAN_RESPONSE_RECORD, FALSE);
  adw_message_dialog_set_close_response (dialog, "cancel");

  g_signal_connect_object (fields->kind_row, "notify::selected", G_CALLBACK (check_break), dialog,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (fields->date_row, "changed", G_CALLBACK (check_break), dialog,
                           G_CONNECT_SWAPPED);

  return dialog;
}

/**
 * cf_plan_break_dialog_get_kind:
 *
 * Returns: (nullable): one of cf_break_kinds, or %NULL when none is chosen
 */
const char *
cf_plan_break_dialog_get_kind (AdwMessageDialog *dialog)
{
  BreakFields *fields = g_object_get_data (G_OBJECT (dialog), "cf-break");
  guint position;

  g_return_val_if_fail (fields != NULL, NULL);

  position = adw_combo_row_get_selected (ADW_COMBO_ROW (fields->kind_row));
  if (position == 0 || position == GTK_INVALID_LIST_POSITION)
    return NULL;

  return cf_break_kinds[position - 1].id;
}

/* The date as stored (YYYY-MM-DD), or the text as typed when it is not a date. */
char *
cf_plan_break_dialog_dup_date (AdwMessageDialog *dialog)
{
  BreakFields *fields = g_object_get_data (G_OBJECT (dialog), "cf-break");

  g_return_val_if_fail (fields != NULL, NULL);

  return cf_date_from_user (gtk_editable_get_text (GTK_EDITABLE (fields->date_row)));
}

/**
 * cf_plan_date_in_words:
 * @iso: (nullable): a stored date, such as "2026-11-18"
 *
 * "18 November 2026", for a date in a sentence on the plan page and its groups; the stored text
 * when it is not a date.
 */
char *
cf_plan_date_in_words (const char *iso)
{
  guint year, month, day;
  g_autoptr(GDateTime) time = NULL;

  if (iso == NULL || !cf_date_parse_iso_shape (iso, &year, &month, &day) ||
      !g_date_valid_dmy (day, month, year))
    return g_strdup (iso != NULL ? iso : "");

  time = g_date_time_new_local (year, month, day, 12, 0, 0);
  /* Translators: a date in a sentence, as g_date_time_format() writes it; see its manual */
  return g_date_time_format (time, _("%-d %B %Y"));
}
