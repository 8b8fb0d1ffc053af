/* cf-due-page.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_DUE_PAGE (cf_due_page_get_type ())

G_DECLARE_FINAL_TYPE (CfDuePage, cf_due_page, CF, DUE_PAGE, AdwBin)

CfDuePage *cf_due_page_new         (CfContext *context);
void       cf_due_page_reload      (CfDuePage *self);
guint      cf_due_page_get_n_items (CfDuePage *self);

G_END_DECLS
