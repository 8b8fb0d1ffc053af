/* cf-record-page.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-assessment.h"
#include "cf-carer.h"
#include "cf-context.h"

G_BEGIN_DECLS

#define CF_TYPE_RECORD_PAGE (cf_record_page_get_type ())

G_DECLARE_FINAL_TYPE (CfRecordPage, cf_record_page, CF, RECORD_PAGE, AdwBin)

CfRecordPage *cf_record_page_new            (CfContext    *context);
void          cf_record_page_set_assessment (CfRecordPage *self,
                                             CfCarer      *carer,
                                             CfAssessment *assessment);
void          cf_record_page_export_pdf     (CfRecordPage *self,
                                             GFile        *file);
gboolean      cf_record_page_focus_first    (CfRecordPage *self);

G_END_DECLS
