/* cf-cared-for.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_CARED_FOR (cf_cared_for_get_type ())

G_DECLARE_FINAL_TYPE (CfCaredFor, cf_cared_for, CF, CARED_FOR, CfRecord)

CfCaredFor *cf_cared_for_new (const char *carer_id);

G_END_DECLS
