/* cf-text-reminder.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A text message waiting to be sent; queued only for carers who agreed to texts.
 */

#include "config.h"

#include "cf-text-reminder.h"

struct _CfTextReminder
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfTextReminder, cf_text_reminder, CF_TYPE_RECORD)

static const CfField text_reminder_fields[] = {
  { "carer_id", CF_FIELD_TEXT },
  { "about", CF_FIELD_TEXT },
  { "subject_id", CF_FIELD_TEXT },
  { "send_on", CF_FIELD_TEXT },
  { "phone", CF_FIELD_TEXT },
  { "message", CF_FIELD_TEXT },
  /* queued, sent or cancelled */
  { "state", CF_FIELD_TEXT },
  { NULL }
};

static void
cf_text_reminder_class_init (CfTextReminderClass *klass)
{
  cf_record_class_set_entity (CF_RECORD_CLASS (klass), "text_reminder", text_reminder_fields);
}

static void
cf_text_reminder_init (CfTextReminder *self)
{
}

CfTextReminder *
cf_text_reminder_new (const char *carer_id)
{
  CfTextReminder *self;

  g_return_val_if_fail (carer_id != NULL, NULL);

  self = g_object_new (CF_TYPE_TEXT_REMINDER, NULL);
  cf_record_set_text (CF_RECORD (self), "carer_id", carer_id);

  return self;
}
