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
#include "cf-carer-response.h"
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
      /* Parents before their children. */
      static const struct {
        GType (*get_type) (void);
        const char *parent_field;
        const char *parent_entity;
        gboolean carer_account_sees;
      } types[] = {
        { cf_carer_get_type, NULL, NULL, TRUE },
        { cf_cared_for_get_type, "carer_id", "carer", FALSE },
        { cf_carer_event_get_type, "carer_id", "carer", FALSE },
        { cf_assessment_get_type, "carer_id", "carer", FALSE },
        { cf_assessment_answer_get_type, "assessment_id", "assessment", FALSE },
        { cf_plan_get_type, "carer_id", "carer", TRUE },
        { cf_plan_need_get_type, "plan_id", "support_plan", TRUE },
        { cf_plan_action_get_type, "plan_id", "support_plan", TRUE },
        { cf_carer_break_get_type, "carer_id", "carer", FALSE },
        { cf_emergency_plan_get_type, "carer_id", "carer", TRUE },
        { cf_emergency_contact_get_type, "emergency_plan_id", "emergency_plan", TRUE },
        { cf_direct_payment_get_type, "carer_id", "carer", FALSE },
        { cf_balance_return_get_type, "direct_payment_id", "direct_payment", FALSE },
        { cf_personal_assistant_get_type, "direct_payment_id", "direct_payment", FALSE },
        { cf_review_get_type, "carer_id", "carer", TRUE },
        { cf_text_reminder_get_type, "carer_id", "carer", FALSE },
        { cf_carer_response_get_type, "carer_id", "carer", TRUE },
      };

      n_entities = G_N_ELEMENTS (types);
      entities = g_new0 (CfEntityInfo, n_entities);
      for (guint i = 0; i < n_entities; i++)
        {
          /* The class reference is kept for the life of the process: the field tables it
           * points to are static, and the types are never unloaded. */
          GType type = types[i].get_type ();
          CfRecordClass *klass = g_type_class_ref (type);

          g_assert (klass->entity != NULL);
          entities[i].entity = klass->entity;
          entities[i].type = type;
          entities[i].fields = klass->fields;
          entities[i].n_fields = klass->n_fields;
          entities[i].parent_field = types[i].parent_field;
          entities[i].parent_entity = types[i].parent_entity;
          entities[i].carer_account_sees = types[i].carer_account_sees;
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
