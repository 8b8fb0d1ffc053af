/* cf-cared-for.c: a person the carer looks after
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Eligibility": the needs arise from necessary care to an adult, who need not have
 * eligible needs themselves; the relationship and whether they live together matter later
 * (direct payments to a relative in the same household).
 */

#include "config.h"

#include "cf-cared-for.h"

struct _CfCaredFor
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfCaredFor, cf_cared_for, CF_TYPE_RECORD)

static const CfField cared_for_fields[] = {
  { "carer_id", CF_FIELD_TEXT },
  { "name", CF_FIELD_TEXT },
  { "relationship", CF_FIELD_TEXT },
  { "lives_with_carer", CF_FIELD_BOOL },
  { "notes", CF_FIELD_TEXT },
  { "position", CF_FIELD_INT },
  { NULL }
};

static void
cf_cared_for_class_init (CfCaredForClass *klass)
{
  cf_record_class_set_entity (CF_RECORD_CLASS (klass), "cared_for", cared_for_fields);
}

static void
cf_cared_for_init (CfCaredFor *self)
{
}

CfCaredFor *
cf_cared_for_new (const char *carer_id)
{
  CfCaredFor *self;

  g_return_val_if_fail (carer_id != NULL, NULL);

  self = g_object_new (CF_TYPE_CARED_FOR, NULL);
  cf_record_set_text (CF_RECORD (self), "carer_id", carer_id);

  return self;
}
