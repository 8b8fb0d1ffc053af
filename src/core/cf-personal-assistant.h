/* cf-personal-assistant.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_PERSONAL_ASSISTANT (cf_personal_assistant_get_type ())

G_DECLARE_FINAL_TYPE (CfPersonalAssistant, cf_personal_assistant, CF, PERSONAL_ASSISTANT, CfRecord)

CfPersonalAssistant *cf_personal_assistant_new (const char *direct_payment_id);

G_END_DECLS
