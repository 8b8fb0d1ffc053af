/* cf-support-view.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-carer.h"
#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_SUPPORT_VIEW (cf_support_view_get_type ())

G_DECLARE_FINAL_TYPE (CfSupportView, cf_support_view, CF, SUPPORT_VIEW, AdwBin)

CfSupportView *cf_support_view_new       (CfContext     *context);
void           cf_support_view_set_carer (CfSupportView *self,
                                          CfCarer       *carer);
CfCarer       *cf_support_view_get_carer (CfSupportView *self);
void           cf_support_view_show_page (CfSupportView *self,
                                          const char    *name);
const char    *cf_support_view_get_page  (CfSupportView *self);
gboolean       cf_support_view_flush     (CfSupportView *self,
                                          GError       **error);
GtkWidget     *cf_support_view_get_page_widget (CfSupportView *self,
                                                const char    *name);

G_END_DECLS
