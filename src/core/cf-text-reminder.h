/* cf-text-reminder.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_TEXT_REMINDER (cf_text_reminder_get_type ())

G_DECLARE_FINAL_TYPE (CfTextReminder, cf_text_reminder, CF, TEXT_REMINDER, CfRecord)

CfTextReminder *cf_text_reminder_new (const char *carer_id);

G_END_DECLS
