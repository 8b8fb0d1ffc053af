/* cf-emergency-page-private.h: for the tests
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-emergency-page.h"
#include "cf-emergency-plan.h"

G_BEGIN_DECLS

typedef enum
{
  CF_EMERGENCY_DOCUMENT_PLAN,
  CF_EMERGENCY_DOCUMENT_CARD,
} CfEmergencyDocument;

CfEmergencyPlan *cf_emergency_page_get_plan          (CfEmergencyPage      *self);
GPtrArray       *cf_emergency_page_get_contacts      (CfEmergencyPage      *self);
void             cf_emergency_page_export_pdf_async  (CfEmergencyPage      *self,
                                                      CfEmergencyDocument   what,
                                                      const char           *path,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean         cf_emergency_page_export_pdf_finish (CfEmergencyPage      *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
