/* cf-carer.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-cared-for.h"
#include "cf-record.h"

G_BEGIN_DECLS

#define CF_TYPE_CARER (cf_carer_get_type ())

G_DECLARE_FINAL_TYPE (CfCarer, cf_carer, CF, CARER, CfRecord)

CfCarer    *cf_carer_new                (void);
char       *cf_carer_dup_display_name   (CfCarer    *self);
GListModel *cf_carer_get_cared_for      (CfCarer    *self);
CfCaredFor *cf_carer_add_cared_for      (CfCarer    *self);
void        cf_carer_remove_cared_for   (CfCarer    *self,
                                         CfCaredFor *cared_for);
GPtrArray  *cf_carer_dup_removed        (CfCarer    *self);

char       *cf_reference_for_id         (const char *id);
char       *cf_display_name             (const char *given_name,
                                         const char *family_name,
                                         const char *preferred_name);

G_END_DECLS
