/* cf-reviews-page.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-carer.h"
#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_REVIEWS_PAGE (cf_reviews_page_get_type ())

G_DECLARE_FINAL_TYPE (CfReviewsPage, cf_reviews_page, CF, REVIEWS_PAGE, AdwBin)

CfReviewsPage *cf_reviews_page_new       (CfContext     *context);
void           cf_reviews_page_set_carer (CfReviewsPage *self,
                                          CfCarer       *carer);
void           cf_reviews_page_refresh   (CfReviewsPage *self);

/* For tests: what the dialogs would do, without the dialogs. */
gboolean       cf_reviews_page_request_early (CfReviewsPage *self,
                                              const char    *subject_id,
                                              const char    *reason,
                                              const char    *notes,
                                              GError       **error);
gboolean       cf_reviews_page_record        (CfReviewsPage *self,
                                              const char    *pending_id,
                                              const char    *subject_id,
                                              const char    *held_on_typed,
                                              const char    *outcome,
                                              const char    *notes,
                                              GError       **error);

G_END_DECLS
