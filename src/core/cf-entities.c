/* cf-entities.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list of synced entities lives here once, so that the wire format, the server and the
 * documentation check all see the same entities with the same fields: each comes from its
 * record class, never from a second copy of the field table.
 *
 * The audit trail also syncs (DESIGN.md, "Local store"), but it is not a CfRecord and is
 * append-only; it is not listed here.
 */

#include "config.h"

#include <string.h>

#include "cf-assessment-answer.h"
#include "cf-assessment.h"
#include "cf-balance-return.h"
#include "cf-cared-for.h"
#include "cf-carer-break.h"
#include "cf-carer-event.h"
#include "cf-carer.h"
#include "cf-direct-payment.h"
#include "cf-emergency-contact.h"
#include "cf-emergency-plan.h"
#include "cf-entities.h"
#include "cf-personal-assistant.h"
#include "cf-plan-action.h"
#include "cf-plan-need.h"
#include "cf-plan.h"
#include "cf-review.h"
#include "cf-text-reminder.h"

static CfEntityInfo *entities;
static guint n_entities;

static void
ensure_entities (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      GType types[] = {
        CF_TYPE_CARER,
        CF_TYPE_CARED_FOR,
        CF_TYPE_CARER_EVENT,
        CF_TYPE_ASSESSMENT,
        CF_TYPE_ASSESSMENT_ANSWER,
        CF_TYPE_PLAN,
        CF_TYPE_PLAN_NEED,
        CF_TYPE_PLAN_ACTION,
        CF_TYPE_CARER_BREAK,
        CF_TYPE_EMERGENCY_PLAN,
        CF_TYPE_EMERGENCY_CONTACT,
        CF_TYPE_DIRECT_PAYMENT,
        CF_TYPE_BALANCE_RETURN,
        CF_TYPE_PERSONAL_ASSISTANT,
        CF_TYPE_REVIEW,
        CF_TYPE_TEXT_REMINDER,
      };

      n_entities = G_N_ELEMENTS (types);
      entities = g_new0 (CfEntityInfo, n_entities);
      for (guint i = 0; i < n_entities; i++)
        {
          /* The class reference is kept for the life of the process: the field tables it
           * points to are static, and the types are never unloaded. */
          CfRecordClass *klass = g_type_class_ref (types[i]);

          g_assert (klass->entity != NULL);
          entities[i].entity = klass->entity;
          entities[i].type = types[i];
          entities[i].fields = klass->fields;
          entities[i].n_fields = klass->n_fields;
        }

      g_once_init_leave (&initialised, 1);
    }
}

/**
 * cf_entities_get_all:
 * @n_out: (out) (optional): the number of entities
 *
 * Returns: (transfer none) (array length=n_out): every synced entity, in the order
 *   parents come before their children
 */
const CfEntityInfo *
cf_entities_get_all (guint *n_out)
{
  ensure_entities ();

  if (n_out != NULL)
    *n_out = n_entities;

  return entities;
}

/**
 * cf_entities_lookup:
 * @entity: an entity name, as on the wire
 *
 * Returns: (transfer none) (nullable): the entity, or %NULL if there is none of that name
 */
const CfEntityInfo *
cf_entities_lookup (const char *entity)
{
  g_return_val_if_fail (entity != NULL, NULL);

  ensure_entities ();

  for (guint i = 0; i < n_entities; i++)
    {
      if (strcmp (entities[i].entity, entity) == 0)
        return &entities[i];
    }

  return NULL;
}

/**
 * cf_record_type_for_entity:
 *
 * Returns: the record class of @entity, or %G_TYPE_INVALID if there is none
 */
GType
cf_record_type_for_entity (const char *entity)
{
  const CfEntityInfo *info = cf_entities_lookup (entity);

  return info != NULL ? info->type : G_TYPE_INVALID;
}

/**
 * cf_entity_info_find_field:
 *
 * Returns: (transfer none) (nullable): the field of that name, or %NULL
 */
const CfField *
cf_entity_info_find_field (const CfEntityInfo *info,
                           const char         *field)
{
  g_return_val_if_fail (info != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < info->n_fields; i++)
    {
      if (strcmp (info->fields[i].name, field) == 0)
        return &info->fields[i];
    }

  return NULL;
}
