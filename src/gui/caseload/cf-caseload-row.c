/* cf-caseload-row.c: one carer in the caseload list
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows are recycled as the list scrolls through thousands of carers, so everything here is
 * cheap: setting an item only copies a few strings into labels.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-caseload-row.h"
#include "cf-choices.h"

struct _CfCaseloadRow
{
  GtkWidget       parent_instance;

  CfCaseloadItem *item;
  gulong          notify_handler;
  gboolean        show_worker;

  GtkLabel       *name_label;
  GtkImage       *sync_icon;
  GtkWidget      *priority_pill;
  GtkImage       *priority_icon;
  GtkLabel       *priority_label;
  GtkLabel       *secondary_label;
  GtkLabel       *worker_label;
  GtkWidget      *due_icon;
  GtkLabel       *due_label;
};

G_DEFINE_FINAL_TYPE (CfCaseloadRow, cf_caseload_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* DOMAIN.md, "Referral and waiting": colour is never the only signal, so each priority has an
 * icon of its own shape as well as its word. */
static const struct
{
  const char *id;
  const char *css_class;
  const char *icon_name;
} priority_looks[] = {
  { "red", "priority-red", "dialog-error-symbolic" },
  { "amber", "priority-amber", "dialog-warning-symbolic" },
  { "green", "priority-green", "emblem-ok-symbolic" },
};

/* The sync marks (DESIGN.md, "GUI map"), each with a shape of its own. Changes waiting are the
 * ordinary state of a laptop away from the office, so they are shown quietly. */
static const struct
{
  const char *mark;
  const char *css_class;
  const char *icon_name;
} sync_looks[] = {
  { CF_SYNC_MARK_WAITING, "dim-label", "emblem-synchronizing-symbolic" },
  { CF_SYNC_MARK_REFUSED, "error", "action-unavailable-symbolic" },
  { CF_SYNC_MARK_CONFLICT, "warning", "object-flip-horizontal-symbolic" },
};

static inline const char *
not_null (const char *text)
{
  return text != NULL ? text : "";
}

static char *
dup_secondary_text (const char *locality,
                    const char *reference)
{
  if (*locality == '\0')
    return g_strdup (reference);
  if (*reference == '\0')
    return g_strdup (locality);

  /* Translators: the second line of a carer in the caseload list: where they live and their
   * reference, e.g. “Marshby Wolds · CF-1A2B-3C4D” */
  return g_strdup_printf (_("%1$s · %2$s"), locality, reference);
}

/* One sentence, so a screen reader does not have to guess how the labels in the row go
 * together. */
static char *
dup_description (const char *name,
                 const char *locality,
                 const char *reference,
                 const char *priority_word,
                 const char *due_text)
{
  gboolean has_locality = *locality != '\0';
  gboolean has_priority = *priority_word != '\0';

  if (has_locality && has_priority)
    /* Translators: how a screen reader reads a carer in the caseload list: name, locality,
     * reference, priority (“Red”, “Amber” or “Green”) and what is due, e.g. “Margaret
     * Ashgrove, Marshby Wolds, CF-1A2B-3C4D, priority Red, First contact overdue since Fri
     * 13 Nov” */
    return g_strdup_printf (C_("caseload row", "%1$s, %2$s, %3$s, priority %4$s, %5$s"),
                            name, locality, reference, priority_word, due_text);
  if (has_priority)
    /* Translators: how a screen reader reads a carer in the caseload list who has no
     * locality: name, reference, priority (“Red”, “Amber” or “Green”) and what is due, e.g.
     * “Margaret Ashgrove, CF-1A2B-3C4D, priority Red, Contacted” */
    return g_strdup_printf (C_("caseload row", "%1$s, %2$s, priority %3$s, %4$s"),
                            name, reference, priority_word, due_text);
  if (has_locality)
    /* Translators: how a screen reader reads a carer in the caseload list who has no
     * priority yet: name, locality, reference and what is due, e.g. “Margaret Ashgrove,
     * Marshby Wolds, CF-1A2B-3C4D, Contacted” */
    return g_strdup_printf (C_("caseload row", "%1$s, %2$s, %3$s, %4$s"),
                            name, locality, reference, due_text);

  /* Translators: how a screen reader reads a carer in the caseload list who has neither a
   * locality nor a priority: name, reference and what is due, e.g. “Margaret Ashgrove,
   * CF-1A2B-3C4D, Contacted” */
  return g_strdup_printf (C_("caseload row", "%1$s, %2$s, %3$s"), name, reference, due_text);
}

static void
update_priority (CfCaseloadRow *self,
                 const char    *priority)
{
  const char *css_classes[2] = { NULL, NULL };
  const char *icon_name = NULL;

  gtk_widget_set_visible (self->priority_pill, *priority != '\0');
  if (*priority == '\0')
    return;

  for (guint i = 0; i < G_N_ELEMENTS (priority_looks); i++)
    {
      if (g_str_equal (priority, priority_looks[i].id))
        {
          css_classes[0] = priority_looks[i].css_class;
          icon_name = priority_looks[i].icon_name;
          break;
        }
    }

  /* A priority this version does not know (from a newer device) still shows its word. */
  gtk_widget_set_css_classes (self->priority_pill, css_classes);
  gtk_image_set_from_icon_name (self->priority_icon, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->priority_icon), icon_name != NULL);
  gtk_label_set_text (self->priority_label, cf_choices_label (cf_priorities, priority));
}

static void
update_due (CfCaseloadRow *self,
            const char    *due_text,
            const char    *due_state)
{
  GtkWidget *due_label = GTK_WIDGET (self->due_label);
  gboolean overdue = g_strcmp0 (due_state, CF_DUE_OVERDUE) == 0;

  gtk_label_set_text (self->due_label, due_text);
  gtk_widget_set_visible (self->due_icon, overdue);

  /* The secondary colour would win over the overdue one, so only one is ever set. */
  if (overdue)
    {
      gtk_widget_remove_css_class (due_label, "caseload-secondary");
      gtk_widget_add_css_class (due_label, "due-overdue");
    }
  else
    {
      gtk_widget_remove_css_class (due_label, "due-overdue");
      gtk_widget_add_css_class (due_label, "caseload-secondary");
    }
}

static void
update_sync_mark (CfCaseloadRow *self,
                  const char    *mark)
{
  GtkWidget *icon = GTK_WIDGET (self->sync_icon);
  const char *words = cf_sync_mark_describe (mark);

  for (guint i = 0; i < G_N_ELEMENTS (sync_looks); i++)
    gtk_widget_remove_css_class (icon, sync_looks[i].css_class);

  gtk_widget_set_visible (icon, words != NULL);
  if (words == NULL)
    {
      gtk_widget_set_tooltip_text (icon, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sync_looks); i++)
    {
      if (g_str_equal (mark, sync_looks[i].mark))
        {
          gtk_image_set_from_icon_name (self->sync_icon, sync_looks[i].icon_name);
          gtk_widget_add_css_class (icon, sync_looks[i].css_class);
        }
    }
  gtk_widget_set_tooltip_text (icon, words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, words, -1);
}

static void
update_worker (CfCaseloadRow *self,
               const char    *worker)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->worker_label), self->show_worker);
  if (!self->show_worker)
    {
      gtk_label_set_text (self->worker_label, "");
      return;
    }

  if (*worker == '\0')
    /* Translators: a carer on no worker's caseload, in a coordinator's caseload list */
    text = g_strdup (_("No worker yet"));
  else
    /* Translators: whose caseload a carer is on, in a coordinator's caseload list; %s is the
     * worker's user name on the server, e.g. “Worker: sam” */
    text = g_strdup_printf (_("Worker: %s"), worker);
  gtk_label_set_text (self->worker_label, text);
}

static void
cf_caseload_row_refresh (CfCaseloadRow *self)
{
  const char *name = "";
  const char *locality = "";
  const char *reference = "";
  const char *priority = "";
  const char *due_text = "";
  const char *due_state = CF_DUE_NONE;
  const char *sync_mark = CF_SYNC_MARK_NONE;
  const char *worker = "";
  const char *priority_word;
  g_autofree char *secondary = NULL;
  g_autofree char *description = NULL;
  GtkWidget *parent;

  if (self->item != NULL)
    {
      name = not_null (cf_caseload_item_get_name (self->item));
      locality = not_null (cf_caseload_item_get_locality (self->item));
      reference = not_null (cf_caseload_item_get_reference (self->item));
      priority = not_null (cf_caseload_item_get_priority (self->item));
      due_text = not_null (cf_caseload_item_get_due_text (self->item));
      due_state = cf_caseload_item_get_due_state (self->item);
      sync_mark = not_null (cf_caseload_item_get_sync_mark (self->item));
      worker = not_null (cf_caseload_item_get_worker (self->item));
    }

  priority_word = *priority != '\0' ? cf_choices_label (cf_priorities, priority) : "";
  secondary = dup_secondary_text (locality, reference);

  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->secondary_label, secondary);
  update_priority (self, priority);
  update_due (self, due_text, due_state);
  update_sync_mark (self, sync_mark);
  update_worker (self, worker);

  /* The sentence goes on the row and on the list's own row widget around it, which is what
   * takes the focus and what a screen reader reads as the list item in GTK 4.8. */
  parent = gtk_widget_get_parent (GTK_WIDGET (self));
  if (self->item != NULL)
    {
      g_autofree char *sentence = dup_description (name, locality, reference, priority_word,
                                                   due_text);
      const char *sync_words = cf_sync_mark_describe (sync_mark);

      if (sync_words != NULL && self->show_worker)
        /* Translators: a carer in the caseload list as a screen reader reads it, then whose
         * caseload they are on and what of theirs is not yet synced, e.g. “…, Worker: sam,
         * Changes waiting to be sent” */
        description = g_strdup_printf (C_("caseload row with sync", "%1$s, %2$s, %3$s"),
                                       sentence, gtk_label_get_text (self->worker_label),
                                       sync_words);
      else if (sync_words != NULL || self->show_worker)
        /* Translators: a carer in the caseload list as a screen reader reads it, then what of
         * theirs is not yet synced (“Changes waiting to be sent”) or whose caseload they are
         * on (“Worker: sam”) */
        description = g_strdup_printf (C_("caseload row with sync", "%1$s, %2$s"), sentence,
                                       sync_words != NULL
                                       ? sync_words : gtk_label_get_text (self->worker_label));
      else
        description = g_steal_pointer (&sentence);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                      -1);
      if (parent != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (parent),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      if (parent != NULL)
        gtk_accessible_reset_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL);
    }
}

static void
on_item_notify (CfCaseloadRow *self,
                GParamSpec    *pspec,
                GObject       *item)
{
  cf_caseload_row_refresh (self);
}

static void
cf_caseload_row_dispose (GObject *object)
{
  CfCaseloadRow *self = CF_CASELOAD_ROW (object);
  GtkWidget *child;

  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_handler, self->item);
  g_clear_object (&self->item);

  /* The template's outer box has no name, so it is not among what dispose_template unparents. */
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_CASELOAD_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cf_caseload_row_parent_class)->dispose (object);
}

static void
cf_caseload_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CfCaseloadRow *self = CF_CASELOAD_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_caseload_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CfCaseloadRow *self = CF_CASELOAD_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      cf_caseload_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_caseload_row_class_init (CfCaseloadRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_caseload_row_dispose;
  object_class->get_property = cf_caseload_row_get_property;
  object_class->set_property = cf_caseload_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         CF_TYPE_CASELOAD_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/carefield/Carefield/caseload/"
                                               "cf-caseload-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CfCaseloadRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, CfCaseloadRow, sync_icon);
  gtk_widget_class_bind_template_child (widget_class, CfCaseloadRow, worker_label);
  gtk_widget_class_bind_template_child (widget_class, CfCaseloadRow, priority_pill);
  gtk_widget_class_bind_template_child (widget_class, CfCaseloadRow, priority_icon);
  gtk_widget_class_bind_template_child (widget_class, CfCaseloadRow, priority_label);
  gtk_widget_class_bind_template_child (widget_class, CfCaseloadRow, secondary_label);
  gtk_widget_class_bind_template_child (widget_class, CfCaseloadRow, due_icon);
  gtk_widget_class_bind_template_child (widget_class, CfCaseloadRow, due_label);

  /* A group, so the sentence set as its label is what a screen reader announces for it. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "caseloadrow");
}

static void
cf_caseload_row_init (CfCaseloadRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cf_caseload_row_new (void)
{
  return g_object_new (CF_TYPE_CASELOAD_ROW, NULL);
}

/**
 * cf_caseload_row_get_item:
 *
 * Returns: (transfer none) (nullable): the carer shown
 */
CfCaseloadItem *
cf_caseload_row_get_item (CfCaseloadRow *self)
{
  g_return_val_if_fail (CF_IS_CASELOAD_ROW (self), NULL);

  return self->item;
}

/**
 * cf_caseload_row_set_item:
 * @item: (nullable): the carer to show
 *
 * The row follows changes to @item, so a carer saved while in view updates in place.
 */
void
cf_caseload_row_set_item (CfCaseloadRow  *self,
                          CfCaseloadItem *item)
{
  g_return_if_fail (CF_IS_CASELOAD_ROW (self));
  g_return_if_fail (item == NULL || CF_IS_CASELOAD_ITEM (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_handler, self->item);
  g_set_object (&self->item, item);
  if (item != NULL)
    self->notify_handler = g_signal_connect_swapped (item, "notify",
                                                     G_CALLBACK (on_item_notify), self);

  cf_caseload_row_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * cf_caseload_row_set_show_worker:
 * @show_worker: whether to say whose caseload the carer is on (for coordinators)
 */
void
cf_caseload_row_set_show_worker (CfCaseloadRow *self,
                                 gboolean       show_worker)
{
  g_return_if_fail (CF_IS_CASELOAD_ROW (self));

  show_worker = !!show_worker;
  if (self->show_worker == show_worker)
    return;

  self->show_worker = show_worker;
  cf_caseload_row_refresh (self);
}
