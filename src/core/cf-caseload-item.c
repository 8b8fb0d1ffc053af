/* cf-caseload-item.c: one row of the caseload, made only when a view asks for it
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-caseload-item-private.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_REFERENCE,
  PROP_LOCALITY,
  PROP_STATUS,
  PROP_PRIORITY,
  PROP_DUE_TEXT,
  PROP_DUE_STATE,
  PROP_SYNC_MARK,
  PROP_WORKER,
  N_PROPS
};

struct _CfCaseloadItem
{
  GObject  parent_instance;
  /* Every property is a string, indexed by its property id. */
  char    *values[N_PROPS];
};

G_DEFINE_FINAL_TYPE (CfCaseloadItem, cf_caseload_item, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
cf_caseload_item_finalize (GObject *object)
{
  CfCaseloadItem *self = CF_CASELOAD_ITEM (object);

  for (guint i = 0; i < N_PROPS; i++)
    g_free (self->values[i]);

  G_OBJECT_CLASS (cf_caseload_item_parent_class)->finalize (object);
}

static void
cf_caseload_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CfCaseloadItem *self = CF_CASELOAD_ITEM (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_value_set_string (value, self->values[prop_id]);
}

static void
cf_caseload_item_class_init (CfCaseloadItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *names[N_PROPS] = {
    NULL, "id", "name", "reference", "locality", "status", "priority", "due-text", "due-state",
    "sync-mark", "worker",
  };

  object_class->finalize = cf_caseload_item_finalize;
  object_class->get_property = cf_caseload_item_get_property;

  for (guint i = 1; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_caseload_item_init (CfCaseloadItem *self)
{
}

CfCaseloadItem *
cf_caseload_item_new (const char *id)
{
  CfCaseloadItem *self = g_object_new (CF_TYPE_CASELOAD_ITEM, NULL);

  self->values[PROP_ID] = g_strdup (id);

  return self;
}

static void
set_value (CfCaseloadItem *self,
           guint           prop_id,
           const char     *value)
{
  if (g_strcmp0 (self->values[prop_id], value) == 0)
    return;

  g_free (self->values[prop_id]);
  self->values[prop_id] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Updated in place when the carer is saved, so a row being looked at keeps its place and any
 * selection on it. */
void
cf_caseload_item_update (CfCaseloadItem *self,
                         const char     *name,
                         const char     *reference,
                         const char     *locality,
                         const char     *status,
                         const char     *priority,
                         const char     *due_text,
                         const char     *due_state,
                         const char     *sync_mark,
                         const char     *worker)
{
  g_object_freeze_notify (G_OBJECT (self));
  set_value (self, PROP_NAME, name);
  set_value (self, PROP_REFERENCE, reference);
  set_value (self, PROP_LOCALITY, locality);
  set_value (self, PROP_STATUS, status);
  set_value (self, PROP_PRIORITY, priority);
  set_value (self, PROP_DUE_TEXT, due_text);
  set_value (self, PROP_DUE_STATE, due_state);
  set_value (self, PROP_SYNC_MARK, sync_mark);
  set_value (self, PROP_WORKER, worker);
  g_object_thaw_notify (G_OBJECT (self));
}

#define GETTER(name, prop)                                   \
  const char *                                               \
  cf_caseload_item_get_##name (CfCaseloadItem *self)         \
  {                                                          \
    g_return_val_if_fail (CF_IS_CASELOAD_ITEM (self), NULL); \
    return self->values[prop];                               \
  }

GETTER (id, PROP_ID)
GETTER (name, PROP_NAME)
GETTER (reference, PROP_REFERENCE)
GETTER (locality, PROP_LOCALITY)
GETTER (status, PROP_STATUS)
GETTER (priority, PROP_PRIORITY)
GETTER (due_text, PROP_DUE_TEXT)
GETTER (due_state, PROP_DUE_STATE)
GETTER (sync_mark, PROP_SYNC_MARK)
GETTER (worker, PROP_WORKER)

#undef GETTER

/**
 * cf_sync_mark_describe:
 * @mark: one of the CF_SYNC_MARK_ values
 *
 * Returns: (nullable): the mark in words, as the caseload shows it beside its icon, or %NULL
 *   for %CF_SYNC_MARK_NONE
 */
const char *
cf_sync_mark_describe (const char *mark)
{
  if (g_strcmp0 (mark, CF_SYNC_MARK_CONFLICT) == 0)
    return _("Conflicting changes to resolve");
  if (g_strcmp0 (mark, CF_SYNC_MARK_REFUSED) == 0)
    return _("The server refused a change");
  if (g_strcmp0 (mark, CF_SYNC_MARK_WAITING) == 0)
    return _("Changes waiting to be sent");

  return NULL;
}
