/* cf-conflict-group.c: one clash between this device's change and the server's
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "Versions and merge": the server kept its value and both were kept here, for a
 * person to choose. This shows the value before either change, the server's and this
 * device's, in words rather than as stored, and offers to keep either or to write one that
 * combines them. Nothing happens until "Resolve": the group only says what was chosen, as the
 * value to store (the "chosen" signal); the dialog around it resolves the conflict.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-conflict-group.h"
#include "cf-dates.h"
#include "cf-entities.h"
#include "cf-entity-words.h"
#include "cf-money.h"

/* How a field's values are shown and a merged value is read back. */
typedef enum
{
  KIND_TEXT,
  KIND_DATE,
  KIND_DATETIME,
  KIND_CHOICE,
  KIND_BOOL,
  KIND_DELETED,
  KIND_INT,
  KIND_MONEY,
  /* A field this version does not know: shown as sent, no merged value. */
  KIND_OTHER,
} Kind;

struct _CfConflictGroup
{
  GtkWidget       parent_instance;

  CfSyncConflict *conflict;
  Kind            kind;

  GtkLabel       *title_label;
  GtkLabel       *record_label;
  GtkLabel       *explanation_label;
  GtkLabel       *base_caption;
  GtkLabel       *base_value;
  GtkLabel       *server_caption;
  GtkLabel       *server_value;
  GtkLabel       *yours_caption;
  GtkLabel       *yours_value;
  GtkCheckButton *server_check;
  GtkCheckButton *yours_check;
  GtkWidget      *merged_row;
  GtkCheckButton *merged_check;
  GtkWidget      *merged_entry;
  GtkWidget      *merged_switch_row;
  GtkSwitch      *merged_switch;
  GtkWidget      *message_box;
  GtkLabel       *message_label;
  GtkWidget      *resolve_button;
};

G_DEFINE_FINAL_TYPE (CfConflictGroup, cf_conflict_group, GTK_TYPE_WIDGET)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Kind
kind_of (const char *entity,
         const char *field)
{
  const CfEntityInfo *info = cf_entities_lookup (entity);
  const CfField *found;

  if (g_str_equal (field, "deleted"))
    return KIND_DELETED;
  if (info == NULL || (found = cf_entity_info_find_field (info, field)) == NULL)
    return KIND_OTHER;

  switch (found->type)
    {
    case CF_FIELD_BOOL:
      return KIND_BOOL;
    case CF_FIELD_INT:
      return g_str_has_suffix (field, "_pence") ? KIND_MONEY : KIND_INT;
    case CF_FIELD_TEXT:
    default:
      if (cf_entity_field_get_choices (entity, field) != NULL)
        return KIND_CHOICE;
      if (g_str_has_suffix (field, "_at"))
        return KIND_DATETIME;
      if (g_str_has_suffix (field, "_on") || g_str_has_suffix (field, "_since") ||
          g_str_equal (field, "date_of_birth"))
        return KIND_DATE;
      return KIND_TEXT;
    }
}

static JsonNode *
parse_value (const char *json)
{
  return json != NULL ? json_from_string (json, NULL) : NULL;
}

/* A value as a person reads it; NULL when it is not known. */
static char *
describe_value (CfConflictGroup *self,
                const char      *json)
{
  g_autoptr(JsonNode) node = parse_value (json);
  GType type;

  if (node == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return g_strdup (json);

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);

      if (*text == '\0')
        /* Translators: a text field with nothing in it, in a sync conflict */
        return g_strdup (_("Left blank"));
      return cf_entity_field_describe_text (self->conflict->entity, self->conflict->field, text);
    }
  if (type == G_TYPE_BOOLEAN)
    {
      gboolean value = json_node_get_boolean (node);

      if (self->kind == KIND_DELETED)
        return g_strdup (value ? _("Deleted") : _("Not deleted"));
      return g_strdup (value ? _("Yes") : _("No"));
    }
  if (type == G_TYPE_INT64)
    {
      if (self->kind == KIND_MONEY)
        return cf_money_format (json_node_get_int (node));
      return g_strdup_printf ("%'" G_GINT64_FORMAT, json_node_get_int (node));
    }

  return g_strdup (json);
}

static void
show_value (GtkLabel   *value_label,
            GtkLabel   *caption,
            const char *words)
{
  g_autofree char *spoken = NULL;

  gtk_label_set_text (value_label, words);
  /* Translators: how a screen reader reads one of the values in a sync conflict: which value
   * it is, then the value, e.g. “On the server: 01632 960111” */
  spoken = g_strdup_printf (C_("conflict value", "%1$s: %2$s"), gtk_label_get_text (caption),
                            words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (value_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken, -1);
}

/* A deleted record is a clash of its own kind: the words say who deleted it. */
static const char *
explain_deleted (CfConflictGroup *self)
{
  g_autoptr(JsonNode) server = parse_value (self->conflict->server);
  gboolean server_deleted = server != NULL && JSON_NODE_HOLDS_VALUE (server) &&
                            json_node_get_value_type (server) == G_TYPE_BOOLEAN &&
                            json_node_get_boolean (server);

  if (server_deleted)
    return _("Someone deleted this record while you were changing it. Keep the server’s to "
             "leave it deleted, or keep yours to bring it back with your changes.");

  return _("You deleted this record, but someone changed it while you were doing so. Keep the "
           "server’s to keep the record with their changes, or keep yours to delete it.");
}

static void
update_resolve (CfConflictGroup *self)
{
  gtk_widget_set_sensitive (self->resolve_button,
                            gtk_check_button_get_active (self->server_check) ||
                            gtk_check_button_get_active (self->yours_check) ||
                            gtk_check_button_get_active (self->merged_check));
}

static void
set_entry_invalid (CfConflictGroup *self,
                   gboolean         invalid)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->merged_entry),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE
                                       : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (invalid)
    {
      gtk_widget_add_css_class (self->merged_entry, "error");
      gtk_accessible_update_relation (GTK_ACCESSIBLE (self->merged_entry),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                      self->message_label, NULL, -1);
    }
  else
    {
      gtk_widget_remove_css_class (self->merged_entry, "error");
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->merged_entry),
                                     GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
}

/**
 * cf_conflict_group_show_error:
 * @message: (nullable): why the choice could not be used, or %NULL to clear it
 */
void
cf_conflict_group_show_error (CfConflictGroup *self,
                              const char      *message)
{
  g_return_if_fail (CF_IS_CONFLICT_GROUP (self));

  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->message_box, message != NULL);
  if (message == NULL)
    set_entry_invalid (self, FALSE);
}

static void
on_choice_toggled (CfConflictGroup *self)
{
  cf_conflict_group_show_error (self, NULL);
  update_resolve (self);
}

static void
on_merged_changed (CfConflictGroup *self)
{
  /* Typing a merged value chooses it. */
  if (!gtk_check_button_get_active (self->merged_check))
    gtk_check_button_set_active (self->merged_check, TRUE);
  cf_conflict_group_show_error (self, NULL);
}

/* The merged value, typed as the field is on the wire; NULL with @message set when what was
 * typed cannot be a value of the field. */
static JsonNode *
merged_value (CfConflictGroup  *self,
              const char      **message)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->merged_entry));
  g_autofree char *stored = NULL;
  gint64 number;

  switch (self->kind)
    {
    case KIND_BOOL:
      return json_node_init_boolean (json_node_alloc (),
                                     gtk_switch_get_active (self->merged_switch));
    case KIND_DATE:
      stored = cf_date_from_user (text);
      return json_node_init_string (json_node_alloc (), stored);
    case KIND_DATETIME:
      stored = cf_datetime_from_user (text);
      return json_node_init_string (json_node_alloc (), stored);
    case KIND_INT:
      stored = g_strstrip (g_strdup (text));
      if (!g_ascii_string_to_signed (stored, 10, G_MININT64, G_MAXINT64, &number, NULL))
        {
          *message = _("Type a whole number, such as 3.");
          return NULL;
        }
      return json_node_init_int (json_node_alloc (), number);
    case KIND_MONEY:
      if (!cf_money_parse (text, &number, NULL))
        {
          *message = _("Type an amount of money, such as 12.50.");
          return NULL;
        }
      return json_node_init_int (json_node_alloc (), number);
    case KIND_TEXT:
    case KIND_CHOICE:
    case KIND_DELETED:
    case KIND_OTHER:
    default:
      return json_node_init_string (json_node_alloc (), text);
    }
}

static void
on_resolve_clicked (CfConflictGroup *self)
{
  g_autoptr(JsonNode) value = NULL;
  const char *message = NULL;

  if (gtk_check_button_get_active (self->server_check))
    value = parse_value (self->conflict->server);
  else if (gtk_check_button_get_active (self->yours_check))
    value = parse_value (self->conflict->client);
  else if (gtk_check_button_get_active (self->merged_check))
    value = merged_value (self, &message);
  else
    return;

  if (value == NULL)
    {
      cf_conflict_group_show_error (self, message != NULL
                                          ? message
                                          : _("This value cannot be read. Choose another."));
      set_entry_invalid (self, message != NULL);
      return;
    }

  g_signal_emit (self, signals[CHOSEN], 0, value);
}

/* The value this device sent, as the merged value to start from. */
static void
prefill_merged (CfConflictGroup *self)
{
  g_autoptr(JsonNode) yours = parse_value (self->conflict->client);
  gboolean has_merged = self->kind != KIND_CHOICE && self->kind != KIND_DELETED &&
                        self->kind != KIND_OTHER;
  GType type = yours != NULL && JSON_NODE_HOLDS_VALUE (yours) ? json_node_get_value_type (yours)
                                                              : G_TYPE_INVALID;
  g_autofree char *text = NULL;

  /* A field with a fixed list of values, and the tombstone, have no value between the two. */
  gtk_widget_set_visible (self->merged_row, has_merged);
  gtk_widget_set_visible (self->merged_entry, has_merged && self->kind != KIND_BOOL);
  gtk_widget_set_visible (self->merged_switch_row, has_merged && self->kind == KIND_BOOL);
  if (!has_merged)
    return;

  if (self->kind == KIND_BOOL)
    {
      gtk_switch_set_active (self->merged_switch,
                             type == G_TYPE_BOOLEAN && json_node_get_boolean (yours));
      return;
    }

  if (type == G_TYPE_STRING)
    {
      const char *stored = json_node_get_string (yours);

      if (self->kind == KIND_DATE)
        text = cf_date_to_user (stored);
      else if (self->kind == KIND_DATETIME)
        text = cf_datetime_to_user (stored);
      else
        text = g_strdup (stored);
    }
  else if (type == G_TYPE_INT64)
    {
      gint64 number = json_node_get_int (yours);

      if (self->kind == KIND_MONEY)
        text = g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", number < 0 ? "-" : "",
                                (guint64) ABS (number) / 100, (guint) (ABS (number) % 100));
      else
        text = g_strdup_printf ("%" G_GINT64_FORMAT, number);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->merged_entry), text != NULL ? text : "");
}

static void
cf_conflict_group_dispose (GObject *object)
{
  CfConflictGroup *self = CF_CONFLICT_GROUP (object);
  GtkWidget *child;

  /* The boxes that only lay the rest out have no names, so dispose_template leaves them. */
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_CONFLICT_GROUP);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->conflict, cf_sync_conflict_free);

  G_OBJECT_CLASS (cf_conflict_group_parent_class)->dispose (object);
}

static void
cf_conflict_group_class_init (CfConflictGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_conflict_group_dispose;

  /**
   * CfConflictGroup::chosen:
   * @value: the value to keep, as on the wire
   *
   * "Resolve" was pressed with a value that can be stored.
   */
  signals[CHOSEN] =
    g_signal_new ("chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, JSON_TYPE_NODE | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/carefield/Carefield/sync/"
                                               "cf-conflict-group.ui");
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, title_label);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, record_label);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, base_caption);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, base_value);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, server_caption);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, server_value);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, yours_caption);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, yours_value);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, server_check);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, yours_check);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, merged_row);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, merged_check);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, merged_entry);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, merged_switch_row);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, merged_switch);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, message_box);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, message_label);
  gtk_widget_class_bind_template_child (widget_class, CfConflictGroup, resolve_button);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_merged_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_resolve_clicked);

  /* A group, named after its field, so each "Resolve" is heard in its place. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "conflictgroup");
}

static void
cf_conflict_group_init (CfConflictGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cf_conflict_group_new:
 * @conflict: an open conflict
 * @record_words: the record in words, e.g. “Person cared for: Godfrey”
 */
CfConflictGroup *
cf_conflict_group_new (const CfSyncConflict *conflict,
                       const char           *record_words)
{
  CfConflictGroup *self;
  g_autofree char *field_words = NULL;
  g_autofree char *base = NULL;
  g_autofree char *server = NULL;
  g_autofree char *yours = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (conflict != NULL, NULL);
  g_return_val_if_fail (record_words != NULL, NULL);

  self = g_object_new (CF_TYPE_CONFLICT_GROUP, NULL);
  self->conflict = cf_sync_conflict_copy (conflict);
  self->kind = kind_of (conflict->entity, conflict->field);

  field_words = self->kind == KIND_DELETED
                /* Translators: the heading of a clash over whether a record is deleted */
                ? g_strdup (_("Deleted or Kept"))
                : cf_entity_field_describe (conflict->entity, conflict->field);
  gtk_label_set_text (self->title_label, field_words);
  gtk_label_set_text (self->record_label, record_words);
  /* Translators: how a screen reader names one sync conflict: the field, then the record,
   * e.g. “Phone, Carer’s details” */
  name = g_strdup_printf (C_("conflict name", "%1$s, %2$s"), field_words, record_words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  if (self->kind == KIND_DELETED)
    {
      gtk_label_set_text (self->explanation_label, explain_deleted (self));
      gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), TRUE);
    }

  base = describe_value (self, conflict->base);
  server = describe_value (self, conflict->server);
  yours = describe_value (self, conflict->client);
  /* Translators: the value before either change, when the server no longer knows it */
  show_value (self->base_value, self->base_caption, base != NULL ? base : _("Not known"));
  show_value (self->server_value, self->server_caption, server != NULL ? server : _("Not known"));
  show_value (self->yours_value, self->yours_caption, yours != NULL ? yours : _("Not known"));

  prefill_merged (self);
  /* Prefilling chose nothing: the person chooses. */
  gtk_check_button_set_active (self->merged_check, FALSE);
  update_resolve (self);

  return self;
}

const CfSyncConflict *
cf_conflict_group_get_conflict (CfConflictGroup *self)
{
  g_return_val_if_fail (CF_IS_CONFLICT_GROUP (self), NULL);

  return self->conflict;
}
