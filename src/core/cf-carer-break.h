/* cf-carer-break.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_CARER_BREAK (cf_carer_break_get_type ())

G_DECLARE_FINAL_TYPE (CfCarerBreak, cf_carer_break, CF, CARER_BREAK, CfRecord)

CfCarerBreak *cf_carer_break_new (const char *carer_id);

G_END_DECLS
