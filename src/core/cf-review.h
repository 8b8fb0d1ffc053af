/* cf-review.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_REVIEW (cf_review_get_type ())

G_DECLARE_FINAL_TYPE (CfReview, cf_review, CF, REVIEW, CfRecord)

CfReview *cf_review_new (const char *carer_id);

G_END_DECLS
