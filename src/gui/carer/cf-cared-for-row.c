/* cf-cared-for-row.c: one person the carer looks after, as an expandable row
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edits go straight into the CfCaredFor record; the editor saves it with the carer. Removal is
 * asked of the editor ("remove-requested"), which keeps a tombstone so the removal syncs.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-cared-for-row.h"
#include "cf-gui-util.h"

struct _CfCaredForRow
{
  AdwExpanderRow  parent_instance;

  CfCaredFor     *person;
  GtkWidget      *name;
  GtkWidget      *relationship;
  GtkWidget      *lives_with;
  GtkWidget      *notes;
};

G_DEFINE_FINAL_TYPE (CfCaredForRow, cf_cared_for_row, ADW_TYPE_EXPANDER_ROW)

enum {
  REMOVE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_title (CfCaredForRow *self)
{
  CfRecord *record = CF_RECORD (self->person);
  const char *name = cf_record_get_text (record, "name");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 *name != '\0' ? name : _("New person"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self),
                                 cf_choices_label (cf_relationships,
                                                   cf_record_get_text (record, "relationship")));
}

static void
on_name_changed (CfCaredForRow *self)
{
  cf_record_set_text (CF_RECORD (self->person), "name",
                      gtk_editable_get_text (GTK_EDITABLE (self->name)));
  update_title (self);
}

static void
on_notes_changed (CfCaredForRow *self)
{
  cf_record_set_text (CF_RECORD (self->person), "notes",
                      gtk_editable_get_text (GTK_EDITABLE (self->notes)));
}

static void
on_relationship_changed (CfCaredForRow *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->relationship));

  cf_record_set_text (CF_RECORD (self->person), "relationship",
                      selected == 0 || selected == GTK_INVALID_LIST_POSITION
                      ? "" : cf_relationships[selected - 1].id);
  update_title (self);
}

static void
on_lives_with_changed (CfCaredForRow *self)
{
  cf_record_set_bool (CF_RECORD (self->person), "lives_with_carer",
                      gtk_switch_get_active (GTK_SWITCH (self->lives_with)));
}

static void
on_remove_clicked (CfCaredForRow *self)
{
  g_signal_emit (self, signals[REMOVE_REQUESTED], 0);
}

static void
build (CfCaredForRow *self)
{
  CfRecord *record = CF_RECORD (self->person);
  g_autoptr(GtkStringList) model = cf_choice_list_new (cf_relationships);
  GtkWidget *lives_row = adw_action_row_new ();
  GtkWidget *remove_row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_with_label (_("Remove"));

  self->name = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name), _("Name"));
  gtk_editable_set_text (GTK_EDITABLE (self->name), cf_record_get_text (record, "name"));
  g_signal_connect_swapped (self->name, "changed", G_CALLBACK (on_name_changed), self);

  self->relationship = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->relationship),
                                 _("Relationship to the Carer"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->relationship), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->relationship),
                              cf_choices_find (cf_relationships,
                                               cf_record_get_text (record, "relationship")) + 1);
  g_signal_connect_swapped (self->relationship, "notify::selected",
                            G_CALLBACK (on_relationship_changed), self);

  /* DOMAIN.md, "Direct payments": living together matters to who may be paid later. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (lives_row), _("Lives with the Carer"));
  self->lives_with = gtk_switch_new ();
  gtk_widget_set_valign (self->lives_with, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (self->lives_with),
                         cf_record_get_bool (record, "lives_with_carer"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (lives_row), self->lives_with);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (lives_row), self->lives_with);
  g_signal_connect_swapped (self->lives_with, "notify::active",
                            G_CALLBACK (on_lives_with_changed), self);

  self->notes = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->notes), _("Notes"));
  gtk_editable_set_text (GTK_EDITABLE (self->notes), cf_record_get_text (record, "notes"));
  g_signal_connect_swapped (self->notes, "changed", G_CALLBACK (on_notes_changed), self);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row),
                                 _("Remove This Person from the Carer’s Record"));
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "destructive-action");
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->name);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->relationship);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), lives_row);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), self->notes);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), remove_row);

  update_title (self);
  /* A person just added opens ready to type their name. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), cf_record_is_new (record));
}

static void
cf_cared_for_row_dispose (GObject *object)
{
  CfCaredForRow *self = CF_CARED_FOR_ROW (object);

  g_clear_object (&self->person);

  G_OBJECT_CLASS (cf_cared_for_row_parent_class)->dispose (object);
}

static void
cf_cared_for_row_class_init (CfCaredForRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_cared_for_row_dispose;

  /**
   * CfCaredForRow::remove-requested:
   *
   * The worker asked to remove this person from the carer's record.
   */
  signals[REMOVE_REQUESTED] = g_signal_new ("remove-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);
}

static void
cf_cared_for_row_init (CfCaredForRow *self)
{
}

CfCaredForRow *
cf_cared_for_row_new (CfCaredFor *person)
{
  CfCaredForRow *self;

  g_return_val_if_fail (CF_IS_CARED_FOR (person), NULL);

  self = g_object_new (CF_TYPE_CARED_FOR_ROW, NULL);
  self->person = g_object_ref (person);
  build (self);

  return self;
}

CfCaredFor *
cf_cared_for_row_get_person (CfCaredForRow *self)
{
  g_return_val_if_fail (CF_IS_CARED_FOR_ROW (self), NULL);

  return self->person;
}

/* Straight to the name: an expander row itself does not take the focus in libadwaita 1.2. */
void
cf_cared_for_row_focus_name (CfCaredForRow *self)
{
  g_return_if_fail (CF_IS_CARED_FOR_ROW (self));

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  gtk_widget_grab_focus (self->name);
}
