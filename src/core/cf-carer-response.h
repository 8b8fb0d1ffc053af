/* cf-carer-response.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_CARER_RESPONSE (cf_carer_response_get_type ())

G_DECLARE_FINAL_TYPE (CfCarerResponse, cf_carer_response, CF, CARER_RESPONSE, CfRecord)

CfCarerResponse *cf_carer_response_new (const char *carer_id);

G_END_DECLS
