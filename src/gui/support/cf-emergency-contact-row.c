/* cf-emergency-contact-row.c: one person to call in an emergency plan
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Emergency (contingency) plan": named contacts, in order, each agreed. What is
 * typed goes straight into the contact record, so nothing typed is lost even when it cannot be
 * saved yet (a phone number that is not a UK number is shown as an error here and kept).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-emergency-contact-row.h"
#include "cf-field.h"
#include "cf-validate.h"

struct _CfEmergencyContactRow
{
  GtkBox              parent_instance;

  CfEmergencyContact *contact;
  gboolean            loading;
  guint               number;

  GtkLabel           *heading;
  GtkWidget          *name_row;
  GtkWidget          *relationship_row;
  GtkWidget          *phone_row;
  GtkWidget          *phone_message_row;
  GtkLabel           *phone_message;
  GtkWidget          *help_row;
  GtkWidget          *agreed_switch;
  GtkWidget          *up_button;
  GtkWidget          *down_button;
  GtkWidget          *remove_button;
};

G_DEFINE_FINAL_TYPE (CfEmergencyContactRow, cf_emergency_contact_row, GTK_TYPE_BOX)

enum {
  EDITED,
  MOVE_REQUESTED,
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
has_name (CfEmergencyContactRow *self)
{
  g_autofree char *name = NULL;

  if (self->contact == NULL)
    return FALSE;

  name = g_strstrip (g_strdup (cf_record_get_text (CF_RECORD (self->contact), "name")));
  return *name != '\0';
}

static char *
dup_who (CfEmergencyContactRow *self)
{
  g_autofree char *name = NULL;

  if (self->contact != NULL)
    name = g_strstrip (g_strdup (cf_record_get_text (CF_RECORD (self->contact), "name")));

  if (name != NULL && *name != '\0')
    return g_steal_pointer (&name);

  /* Translators: %u is a contact's place in the emergency plan's list */
  return g_strdup_printf (_("Contact %u"), self->number);
}

static void
set_label (GtkWidget  *widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* The heading and the buttons' names say whose they are: a screen reader user tabbing
 * through three "Move Up" buttons hears which person each one moves. */
static void
refresh_names (CfEmergencyContactRow *self)
{
  g_autofree char *who = dup_who (self);
  g_autofree char *heading = NULL;
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;
  g_autofree char *remove = NULL;

  if (has_name (self))
    /* Translators: "%1$u" is the contact's place in the list, "%2$s" their name */
    heading = g_strdup_printf (_("%1$u. %2$s"), self->number, who);
  else
    heading = g_strdup (who);
  gtk_label_set_text (self->heading, heading);

  /* Translators: the accessible name of a button; %s is a person's name */
  up = g_strdup_printf (_("Move %s up"), who);
  /* Translators: the accessible name of a button; %s is a person's name */
  down = g_strdup_printf (_("Move %s down"), who);
  /* Translators: the accessible name of a button; %s is a person's name */
  remove = g_strdup_printf (_("Remove %s"), who);
  set_label (self->up_button, up);
  set_label (self->down_button, down);
  set_label (self->remove_button, remove);
}

static void
check_phone (CfEmergencyContactRow *self)
{
  g_autofree char *message =
    cf_validate_phone (gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));

  cf_field_set_message (self->phone_row, self->phone_message_row, self->phone_message, message);
}

static void
on_text_changed (CfEmergencyContactRow *self,
                 GtkEditable           *editable)
{
  const char *field;

  if (self->loading || self->contact == NULL)
    return;

  if (GTK_WIDGET (editable) == self->name_row)
    field = "name";
  else if (GTK_WIDGET (editable) == self->relationship_row)
    field = "relationship";
  else if (GTK_WIDGET (editable) == self->phone_row)
    field = "phone";
  else
    field = "can_help_with";

  cf_record_set_text (CF_RECORD (self->contact), field, gtk_editable_get_text (editable));

  if (GTK_WIDGET (editable) == self->name_row)
    refresh_names (self);
  else if (GTK_WIDGET (editable) == self->phone_row)
    check_phone (self);

  g_signal_emit (self, signals[EDITED], 0);
}

static void
on_agreed_changed (CfEmergencyContactRow *self)
{
  if (self->loading || self->contact == NULL)
    return;

  cf_record_set_bool (CF_RECORD (self->contact), "agreed",
                      gtk_switch_get_active (GTK_SWITCH (self->agreed_switch)));
  g_signal_emit (self, signals[EDITED], 0);
}

static void
on_up_clicked (CfEmergencyContactRow *self)
{
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, -1);
}

static void
on_down_clicked (CfEmergencyContactRow *self)
{
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, 1);
}

static void
on_remove_clicked (CfEmergencyContactRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
load (CfEmergencyContactRow *self)
{
  CfRecord *record = self->contact != NULL ? CF_RECORD (self->contact) : NULL;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         record != NULL ? cf_record_get_text (record, "name") : "");
  gtk_editable_set_text (GTK_EDITABLE (self->relationship_row),
                         record != NULL ? cf_record_get_text (record, "relationship") : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row),
                         record != NULL ? cf_record_get_text (record, "phone") : "");
  gtk_editable_set_text (GTK_EDITABLE (self->help_row),
                         record != NULL ? cf_record_get_text (record, "can_help_with") : "");
  gtk_switch_set_active (GTK_SWITCH (self->agreed_switch),
                         record != NULL && cf_record_get_bool (record, "agreed"));
  self->loading = FALSE;

  check_phone (self);
  refresh_names (self);
}

static void
cf_emergency_contact_row_dispose (GObject *object)
{
  CfEmergencyContactRow *self = CF_EMERGENCY_CONTACT_ROW (object);

  g_clear_object (&self->contact);

  G_OBJECT_CLASS (cf_emergency_contact_row_parent_class)->dispose (object);
}

static void
cf_emergency_contact_row_class_init (CfEmergencyContactRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_emergency_contact_row_dispose;

  /**
   * CfEmergencyContactRow::edited:
   *
   * The contact record was changed from the row.
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CfEmergencyContactRow::move-requested:
   * @direction: -1 to call them earlier, 1 later
   */
  signals[MOVE_REQUESTED] = g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_INT);
  signals[REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/support/cf-emergency-contact-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyContactRow, heading);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyContactRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyContactRow, relationship_row);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyContactRow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyContactRow, phone_message_row);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyContactRow, phone_message);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyContactRow, help_row);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyContactRow, agreed_switch);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyContactRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyContactRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, CfEmergencyContactRow, remove_button);
}

static void
cf_emergency_contact_row_init (CfEmergencyContactRow *self)
{
  GtkWidget *entries[4];

  gtk_widget_init_template (GTK_WIDGET (self));

  entries[0] = self->name_row;
  entries[1] = self->relationship_row;
  entries[2] = self->phone_row;
  entries[3] = self->help_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_swapped (entries[i], "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect_swapped (self->agreed_switch, "notify::active",
                            G_CALLBACK (on_agreed_changed), self);
  g_signal_connect_swapped (self->up_button, "clicked", G_CALLBACK (on_up_clicked), self);
  g_signal_connect_swapped (self->down_button, "clicked", G_CALLBACK (on_down_clicked), self);
  g_signal_connect_swapped (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked),
                            self);
}

CfEmergencyContactRow *
cf_emergency_contact_row_new (CfEmergencyContact *contact)
{
  CfEmergencyContactRow *self;

  g_return_val_if_fail (CF_IS_EMERGENCY_CONTACT (contact), NULL);

  self = g_object_new (CF_TYPE_EMERGENCY_CONTACT_ROW, NULL);
  self->contact = g_object_ref (contact);
  self->number = 1;
  load (self);

  return self;
}

CfEmergencyContact *
cf_emergency_contact_row_get_contact (CfEmergencyContactRow *self)
{
  g_return_val_if_fail (CF_IS_EMERGENCY_CONTACT_ROW (self), NULL);

  return self->contact;
}

/**
 * cf_emergency_contact_row_set_place:
 * @number: the contact's place in the list, from 1
 * @n_contacts: how many there are
 */
void
cf_emergency_contact_row_set_place (CfEmergencyContactRow *self,
                                    guint                  number,
                                    guint                  n_contacts)
{
  g_return_if_fail (CF_IS_EMERGENCY_CONTACT_ROW (self));

  self->number = number;
  gtk_widget_set_sensitive (self->up_button, number > 1);
  gtk_widget_set_sensitive (self->down_button, number < n_contacts);
  refresh_names (self);
}

gboolean
cf_emergency_contact_row_focus_name (CfEmergencyContactRow *self)
{
  g_return_val_if_fail (CF_IS_EMERGENCY_CONTACT_ROW (self), FALSE);

  return gtk_widget_grab_focus (self->name_row);
}

/**
 * cf_emergency_contact_row_keep_move_focus:
 * @direction: the way the contact was just moved
 *
 * After a move the focus stays on the button pressed, so it can be pressed again; at the top
 * or the bottom, where that button is off, it goes to the other one rather than being lost.
 */
void
cf_emergency_contact_row_keep_move_focus (CfEmergencyContactRow *self,
                                          int                    direction)
{
  GtkWidget *pressed;
  GtkWidget *other;

  g_return_if_fail (CF_IS_EMERGENCY_CONTACT_ROW (self));

  pressed = direction < 0 ? self->up_button : self->down_button;
  other = direction < 0 ? self->down_button : self->up_button;

  if (gtk_widget_is_sensitive (pressed))
    gtk_widget_grab_focus (pressed);
  else if (gtk_widget_is_sensitive (other))
    gtk_widget_grab_focus (other);
  else
    gtk_widget_grab_focus (self->remove_button);
}

/**
 * cf_emergency_contact_row_clear:
 *
 * Lets go of the contact and empties every field, so no personal data stays in the widgets
 * (or in the accessibility tree) once the row is gone.
 */
void
cf_emergency_contact_row_clear (CfEmergencyContactRow *self)
{
  g_return_if_fail (CF_IS_EMERGENCY_CONTACT_ROW (self));

  g_clear_object (&self->contact);
  load (self);
}
