/* cf-review-mode.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-carer-review.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_TYPE_REVIEW_MODE (cf_review_mode_get_type ())

G_DECLARE_FINAL_TYPE (CfReviewMode, cf_review_mode, CF, REVIEW_MODE, GtkWidget)

/* How many wrong passphrases before the window locks itself instead. */
#define CF_REVIEW_MODE_MAX_ATTEMPTS 3

CfReviewMode  *cf_review_mode_new           (CfStore              *store,
                                             const char           *profile_dir,
                                             CfCarerReview        *review,
                                             const char           *language,
                                             const CfOrganisation *organisation);
CfCarerReview *cf_review_mode_get_review    (CfReviewMode         *self);
const char    *cf_review_mode_get_language  (CfReviewMode         *self);
char          *cf_review_mode_dup_words     (CfReviewMode         *self);
void           cf_review_mode_set_words     (CfReviewMode         *self,
                                             const char           *words);
void           cf_review_mode_set_failures  (CfReviewMode         *self,
                                             guint                 failures);
guint          cf_review_mode_get_failures  (CfReviewMode         *self);
void           cf_review_mode_focus         (CfReviewMode         *self);

G_END_DECLS
