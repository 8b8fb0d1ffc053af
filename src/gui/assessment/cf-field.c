/* cf-field.c: helpers for the assessment's form fields: messages beside them, and locking
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * STYLE.md, "Accessibility": a validation error is text next to the field, the field is marked
 * invalid, and the text describes the field, so a screen reader says why as it reaches it.
 * Nothing here blocks typing: the value is kept as typed and the message says what is wrong.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-dates.h"
#include "cf-field.h"

/* An entry row's text is typed into an inner GtkText: a screen reader announces that one. */
static guint
accessible_targets (GtkWidget     *field,
                    GtkAccessible *targets[2])
{
  targets[0] = GTK_ACCESSIBLE (field);
  targets[1] = NULL;

  if (GTK_IS_EDITABLE (field) && gtk_editable_get_delegate (GTK_EDITABLE (field)) != NULL)
    {
      targets[1] = GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (field)));
      return 2;
    }

  return 1;
}

/**
 * cf_field_set_message:
 * @field: the control the message is about
 * @message_widget: what to show or hide: the row holding @label, or @label itself
 * @label: the label inside it
 * @message: (nullable): what is wrong, or %NULL when nothing is
 */
void
cf_field_set_message (GtkWidget  *field,
                      GtkWidget  *message_widget,
                      GtkLabel   *label,
                      const char *message)
{
  GtkAccessible *targets[2];
  gboolean invalid = message != NULL;
  guint n;

  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (message_widget, invalid);

  n = accessible_targets (field, targets);
  for (guint i = 0; i < n; i++)
    {
      gtk_accessible_update_state (targets[i], GTK_ACCESSIBLE_STATE_INVALID,
                                   invalid ? GTK_ACCESSIBLE_INVALID_TRUE
                                           : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
      if (invalid)
        gtk_accessible_update_relation (targets[i], GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                        label, NULL, -1);
      else
        gtk_accessible_reset_relation (targets[i], GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }

  /* A button keeps its own look; the words beside it carry the message. */
  if (invalid && !GTK_IS_BUTTON (field))
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
}

/* Help text shown beside a field, read after the field's name. */
void
cf_field_describe (GtkWidget *field,
                           GtkWidget *description)
{
  GtkAccessible *targets[2];
  guint n;

  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_ACCESSIBLE (description));

  n = accessible_targets (field, targets);
  for (guint i = 0; i < n; i++)
    gtk_accessible_update_relation (targets[i], GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                    description, NULL, -1);
}

/**
 * cf_field_set_sensitive:
 *
 * Locks or unlocks a field. GTK 4.8 does not tell a text entry that it lost the focus when it
 * (or a row around it) becomes insensitive while it has the focus; its cursor then warns on
 * the next blink. So the focus is let go of first, as if the person had clicked elsewhere.
 */
void
cf_field_set_sensitive (GtkWidget *field,
                        gboolean   sensitive)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (GTK_IS_WIDGET (field));

  if (!sensitive && (root = gtk_widget_get_root (field)) != NULL &&
      (focus = gtk_root_get_focus (root)) != NULL &&
      (focus == field || gtk_widget_is_ancestor (focus, field)))
    gtk_root_set_focus (root, NULL);

  gtk_widget_set_sensitive (field, sensitive);
}

/**
 * cf_field_check_date:
 * @iso_date: (nullable): a date as stored, "YYYY-MM-DD", or text that was not a date
 * @today: today, from the context's clock
 *
 * Returns: (transfer full) (nullable): %NULL for an empty or real date not after today,
 *   otherwise what is wrong
 */
char *
cf_field_check_date (const char  *iso_date,
                           const GDate *today)
{
  guint year, month, day;
  GDate date;

  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (iso_date == NULL || *iso_date == '\0')
    return NULL;

  if (!cf_date_parse_iso_shape (iso_date, &year, &month, &day))
    /* Translators: keep the example in the day/month/year order people type in your
     * language's region, with digits the person can type */
    return g_strdup (_("Enter the date as day/month/year, for example 18/11/2026."));

  if (!g_date_valid_dmy (day, month, year))
    {
      g_autofree char *shown = cf_date_to_user (iso_date);

      /* Translators: %s is the date the person typed, such as “30/02/2026” */
      return g_strdup_printf (_("“%s” is not a date that exists. Check the day and the month."),
                              shown);
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  if (g_date_compare (&date, today) > 0)
    return g_strdup (_("The date is in the future. Check the year."));

  return NULL;
}
