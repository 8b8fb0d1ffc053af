/* cf-carer-break.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A break the carer took, by type (DOMAIN.md, "Support plan and personal budget").
 */

#include "config.h"

#include "cf-carer-break.h"

struct _CfCarerBreak
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfCarerBreak, cf_carer_break, CF_TYPE_RECORD)

static const CfField carer_break_fields[] = {
  { "carer_id", CF_FIELD_TEXT },
  { "plan_id", CF_FIELD_TEXT },
  /* short-notice, day (1 to 24 hours) or long (more than 24 hours) */
  { "kind", CF_FIELD_TEXT },
  { "taken_on", CF_FIELD_TEXT },
  { "notes", CF_FIELD_TEXT },
  { NULL }
};

static void
cf_carer_break_class_init (CfCarerBreakClass *klass)
{
  cf_record_class_set_entity (CF_RECORD_CLASS (klass), "carer_break", carer_break_fields);
}

static void
cf_carer_break_init (CfCarerBreak *self)
{
}

CfCarerBreak *
cf_carer_break_new (const char *carer_id)
{
  CfCarerBreak *self;

  g_return_val_if_fail (carer_id != NULL, NULL);

  self = g_object_new (CF_TYPE_CARER_BREAK, NULL);
  cf_record_set_text (CF_RECORD (self), "carer_id", carer_id);

  return self;
}
