/* cf-emergency-contact.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_EMERGENCY_CONTACT (cf_emergency_contact_get_type ())

G_DECLARE_FINAL_TYPE (CfEmergencyContact, cf_emergency_contact, CF, EMERGENCY_CONTACT, CfRecord)

CfEmergencyContact *cf_emergency_contact_new (const char *emergency_plan_id);

G_END_DECLS
