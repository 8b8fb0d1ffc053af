/* cf-carer-editor.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-carer.h"
#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_CARER_EDITOR (cf_carer_editor_get_type ())

G_DECLARE_FINAL_TYPE (CfCarerEditor, cf_carer_editor, CF, CARER_EDITOR, AdwBin)

CfCarerEditor *cf_carer_editor_new       (CfContext     *context);
void           cf_carer_editor_set_carer (CfCarerEditor *self,
                                          CfCarer       *carer);
CfCarer       *cf_carer_editor_get_carer (CfCarerEditor *self);
gboolean       cf_carer_editor_flush     (CfCarerEditor *self,
                                          GError       **error);
void           cf_carer_editor_focus_first (CfCarerEditor *self);

void           cf_carer_editor_sync_changed (CfCarerEditor  *self);

G_END_DECLS
