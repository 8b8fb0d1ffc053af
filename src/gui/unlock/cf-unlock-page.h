/* cf-unlock-page.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_UNLOCK_PAGE (cf_unlock_page_get_type ())

G_DECLARE_FINAL_TYPE (CfUnlockPage, cf_unlock_page, CF, UNLOCK_PAGE, AdwBin)

CfUnlockPage *cf_unlock_page_new         (CfContext    *context,
                                          const char   *profile_dir);
void          cf_unlock_page_reset       (CfUnlockPage *self);
void          cf_unlock_page_show_notice (CfUnlockPage *self,
                                          const char   *notice);

G_END_DECLS
