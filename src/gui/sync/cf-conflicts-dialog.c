/* cf-conflicts-dialog.c: every clash between this laptop's changes and the server's
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "Versions and merge": conflicts keep the server's value and store both, for a
 * person to resolve; no value anyone typed is ever discarded. So this dialog only ever
 * resolves a conflict someone chose a value for: closing it, or locking, leaves the rest as
 * they are, here and in the caseload's "Conflicts". Each choice is saved through the ordinary
 * save path (cf_sync_local_resolve()), so it waits in the outbox and goes up at the next sync;
 * "resolved" tells the window to sync soon.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-conflict-group.h"
#include "cf-conflicts-dialog.h"
#include "cf-sync-local.h"
#include "cf-sync-marks.h"

struct _CfConflictsDialog
{
  AdwWindow       parent_instance;

  CfContext      *context;
  gulong          store_handler;
  /* The carers' sections now in carers_box, below its introduction. */
  GPtrArray      *sections;
  guint           n_open;

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkWidget      *carers_box;
  GtkLabel       *status_label;
};

G_DEFINE_FINAL_TYPE (CfConflictsDialog, cf_conflicts_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  RESOLVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_count (CfConflictsDialog *self)
{
  g_autofree char *subtitle = NULL;

  if (self->n_open > 0)
    /* Translators: how many sync conflicts are still open */
    subtitle = g_strdup_printf (ngettext ("%u conflict to resolve", "%u conflicts to resolve",
                                          self->n_open), self->n_open);

  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  gtk_stack_set_visible_child_name (self->stack, self->n_open > 0 ? "list" : "empty");
}

static GtkWidget *
first_choice (GtkWidget *section)
{
  for (GtkWidget *child = gtk_widget_get_first_child (section); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (CF_IS_CONFLICT_GROUP (child))
        return child;
    }

  return NULL;
}

static void
on_group_chosen (CfConflictsDialog *self,
                 JsonNode          *value,
                 CfConflictGroup   *group)
{
  CfStore *store = cf_context_get_store (self->context);
  const CfSyncConflict *conflict = cf_conflict_group_get_conflict (group);
  GtkWidget *section = gtk_widget_get_parent (GTK_WIDGET (group));
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  GtkWidget *next;

  if (store == NULL)
    return;

  if (!cf_sync_local_resolve (store, conflict->id, value, &error))
    {
      cf_conflict_group_show_error (group, error->message);
      return;
    }

  gtk_box_remove (GTK_BOX (section), GTK_WIDGET (group));
  next = first_choice (section);
  if (next == NULL)
    {
      guint index;

      if (g_ptr_array_find (self->sections, section, &index))
        {
          /* The next carer's first clash, if any, is where the keyboard goes on. */
          if (index + 1 < self->sections->len)
            next = first_choice (g_ptr_array_index (self->sections, index + 1));
          g_ptr_array_remove_index (self->sections, index);
        }
      gtk_box_remove (GTK_BOX (self->carers_box), section);
    }

  self->n_open--;
  update_count (self);

  if (self->n_open > 0)
    /* Translators: said when one sync conflict has been resolved; %u is how many are left */
    status = g_strdup_printf (ngettext ("Resolved. %u conflict left.", "Resolved. %u conflicts left.",
                                        self->n_open), self->n_open);
  else
    status = g_strdup (_("Resolved. Nothing left to resolve."));
  gtk_label_set_text (self->status_label, status);

  if (next != NULL)
    gtk_widget_child_focus (next, GTK_DIR_TAB_FORWARD);

  g_signal_emit (self, signals[RESOLVED], 0);
}

static GtkWidget *
make_section (const char *name,
              const char *reference)
{
  GtkWidget *section = g_object_new (GTK_TYPE_BOX,
                                     "orientation", GTK_ORIENTATION_VERTICAL,
                                     "spacing", 18,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                     NULL);
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name_label = gtk_label_new (name);
  GtkWidget *reference_label = gtk_label_new (reference);

  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
  gtk_widget_add_css_class (name_label, "title-3");
  gtk_label_set_xalign (GTK_LABEL (reference_label), 0);
  gtk_widget_add_css_class (reference_label, "dim-label");
  gtk_widget_set_visible (reference_label, *reference != '\0');

  gtk_box_append (GTK_BOX (heading), name_label);
  gtk_box_append (GTK_BOX (heading), reference_label);
  gtk_box_append (GTK_BOX (section), heading);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (section), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  name_label, reference_label, NULL, -1);

  return section;
}

static void
clear_sections (CfConflictsDialog *self)
{
  for (guint i = 0; i < self->sections->len; i++)
    gtk_box_remove (GTK_BOX (self->carers_box), g_ptr_array_index (self->sections, i));
  g_ptr_array_set_size (self->sections, 0);
  self->n_open = 0;
}

/**
 * cf_conflicts_dialog_reload:
 *
 * Lists the open conflicts again, grouped by carer: after a sync brought more, or resolved
 * some elsewhere. A merged value being typed is lost; the conflicts themselves never are.
 */
void
cf_conflicts_dialog_reload (CfConflictsDialog *self)
{
  CfStore *store;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GHashTable) by_carer = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CF_IS_CONFLICTS_DIALOG (self));

  clear_sections (self);
  gtk_label_set_text (self->status_label, "");

  store = cf_context_get_store (self->context);
  if (store == NULL)
    {
      update_count (self);
      return;
    }

  conflicts = cf_sync_local_list_conflicts (store, NULL, &error);
  if (conflicts == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      update_count (self);
      return;
    }

  by_carer = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < conflicts->len; i++)
    {
      CfSyncConflict *conflict = g_ptr_array_index (conflicts, i);
      g_autofree char *carer_id = NULL;
      g_autofree char *record_words = NULL;
      GtkWidget *section;
      CfConflictGroup *group;

      carer_id = cf_store_dup_carer_id (store, conflict->entity, conflict->record_id, &error);
      record_words = carer_id != NULL
                     ? cf_sync_marks_describe_record (store, conflict->entity,
                                                      conflict->record_id, &error)
                     : NULL;
      if (record_words == NULL)
        {
          gtk_label_set_text (self->status_label, error->message);
          break;
        }

      section = g_hash_table_lookup (by_carer, carer_id);
      if (section == NULL)
        {
          g_autofree char *name = NULL;
          g_autofree char *reference = NULL;

          if (!cf_sync_marks_describe_carer (store, carer_id, &name, &reference, NULL))
            {
              /* Translators: the heading over conflicts in records whose carer is not on
               * this laptop any more */
              name = g_strdup (_("A carer no longer on this laptop"));
              reference = g_strdup ("");
            }
          section = make_section (name, reference);
          gtk_box_append (GTK_BOX (self->carers_box), section);
          g_ptr_array_add (self->sections, section);
          g_hash_table_insert (by_carer, g_steal_pointer (&carer_id), section);
        }

      group = cf_conflict_group_new (conflict, record_words);
      g_signal_connect_object (group, "chosen", G_CALLBACK (on_group_chosen), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (section), GTK_WIDGET (group));
      self->n_open++;
    }

  update_count (self);
}

static void
on_store_changed (CfConflictsDialog *self)
{
  /* Locked: nothing about a carer stays on screen. The conflicts stay in the store. */
  if (cf_context_get_store (self->context) == NULL)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
cf_conflicts_dialog_dispose (GObject *object)
{
  CfConflictsDialog *self = CF_CONFLICTS_DIALOG (object);

  if (self->context != NULL)
    g_clear_signal_handler (&self->store_handler, self->context);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_CONFLICTS_DIALOG);

  G_OBJECT_CLASS (cf_conflicts_dialog_parent_class)->dispose (object);
}

static void
cf_conflicts_dialog_finalize (GObject *object)
{
  CfConflictsDialog *self = CF_CONFLICTS_DIALOG (object);

  g_clear_pointer (&self->sections, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_conflicts_dialog_parent_class)->finalize (object);
}

static void
cf_conflicts_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CfConflictsDialog *self = CF_CONFLICTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_conflicts_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CfConflictsDialog *self = CF_CONFLICTS_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_conflicts_dialog_constructed (GObject *object)
{
  CfConflictsDialog *self = CF_CONFLICTS_DIALOG (object);

  G_OBJECT_CLASS (cf_conflicts_dialog_parent_class)->constructed (object);

  g_assert (self->context != NULL);
  self->store_handler = g_signal_connect_object (self->context, "notify::store",
                                                 G_CALLBACK (on_store_changed), self,
                                                 G_CONNECT_SWAPPED);
  cf_conflicts_dialog_reload (self);
}

static void
cf_conflicts_dialog_class_init (CfConflictsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_conflicts_dialog_dispose;
  object_class->finalize = cf_conflicts_dialog_finalize;
  object_class->get_property = cf_conflicts_dialog_get_property;
  object_class->set_property = cf_conflicts_dialog_set_property;
  object_class->constructed = cf_conflicts_dialog_constructed;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CF_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfConflictsDialog::resolved:
   *
   * A conflict was resolved: its chosen value waits in the outbox, to be sent soon.
   */
  signals[RESOLVED] =
    g_signal_new ("resolved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (CF_TYPE_CONFLICT_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/carefield/Carefield/sync/"
                                               "cf-conflicts-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CfConflictsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CfConflictsDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CfConflictsDialog, carers_box);
  gtk_widget_class_bind_template_child (widget_class, CfConflictsDialog, status_label);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cf_conflicts_dialog_init (CfConflictsDialog *self)
{
  self->sections = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cf_conflicts_dialog_new:
 * @parent: (nullable): the window to stay above
 *
 * Returns: (transfer none): the dialog, listing the conflicts open now; present it
 */
CfConflictsDialog *
cf_conflicts_dialog_new (GtkWindow *parent,
                         CfContext *context)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  return g_object_new (CF_TYPE_CONFLICTS_DIALOG,
                       "transient-for", parent,
                       "context", context,
                       NULL);
}

guint
cf_conflicts_dialog_get_n_open (CfConflictsDialog *self)
{
  g_return_val_if_fail (CF_IS_CONFLICTS_DIALOG (self), 0);

  return self->n_open;
}
