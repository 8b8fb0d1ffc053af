/* cf-context.c: what every part of the program is handed instead of reaching for a global
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "cf-context.h"

/* DOMAIN.md, "Referral and waiting": 3 working days unless the organisation sets otherwise. */
#define DEFAULT_FIRST_CONTACT_DAYS 3

struct _CfContext
{
  GObject     parent_instance;

  CfClock    *clock;
  GSettings  *settings;
  CfCalendar *calendar;
  CfStore    *store;
  guint       first_contact_days;
};

G_DEFINE_FINAL_TYPE (CfContext, cf_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cf_context_dispose (GObject *object)
{
  CfContext *self = CF_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->calendar);
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (cf_context_parent_class)->dispose (object);
}

static void
cf_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CfContext *self = CF_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CfContext *self = CF_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      cf_context_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_context_class_init (CfContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_context_dispose;
  object_class->get_property = cf_context_get_property;
  object_class->set_property = cf_context_set_property;

  /* The open store, or %NULL while locked. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CF_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_context_init (CfContext *self)
{
  self->first_contact_days = DEFAULT_FIRST_CONTACT_DAYS;
}

/**
 * cf_context_dup_default_settings:
 *
 * Returns: (transfer full) (nullable): Carefield's settings, or %NULL where the schema is not
 *   installed (the command line run from a build tree), in which case defaults apply
 */
GSettings *
cf_context_dup_default_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, CF_SETTINGS_SCHEMA, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

/**
 * cf_context_new:
 * @clock: (nullable): the clock; the system clock if %NULL
 * @settings: (nullable): the settings; defaults if %NULL
 */
CfContext *
cf_context_new (CfClock   *clock,
                GSettings *settings)
{
  CfContext *self = g_object_new (CF_TYPE_CONTEXT, NULL);
  g_auto(GStrv) closures = NULL;

  self->clock = clock ? g_object_ref (clock) : cf_clock_new_system ();

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      self->first_contact_days = g_settings_get_uint (settings, "first-contact-working-days");
      closures = g_settings_get_strv (settings, "extra-closure-days");
    }

  self->calendar = cf_calendar_new ((const char * const *) closures);

  return self;
}

CfClock *
cf_context_get_clock (CfContext *self)
{
  g_return_val_if_fail (CF_IS_CONTEXT (self), NULL);

  return self->clock;
}

CfCalendar *
cf_context_get_calendar (CfContext *self)
{
  g_return_val_if_fail (CF_IS_CONTEXT (self), NULL);

  return self->calendar;
}

GSettings *
cf_context_get_settings (CfContext *self)
{
  g_return_val_if_fail (CF_IS_CONTEXT (self), NULL);

  return self->settings;
}

guint
cf_context_get_first_contact_days (CfContext *self)
{
  g_return_val_if_fail (CF_IS_CONTEXT (self), DEFAULT_FIRST_CONTACT_DAYS);

  return self->first_contact_days;
}

CfStore *
cf_context_get_store (CfContext *self)
{
  g_return_val_if_fail (CF_IS_CONTEXT (self), NULL);

  return self->store;
}

void
cf_context_set_store (CfContext *self,
                      CfStore   *store)
{
  g_return_if_fail (CF_IS_CONTEXT (self));
  g_return_if_fail (store == NULL || CF_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
