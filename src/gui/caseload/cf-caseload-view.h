/* cf-caseload-view.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-caseload.h"

G_BEGIN_DECLS

#define CF_TYPE_CASELOAD_VIEW (cf_caseload_view_get_type ())

G_DECLARE_FINAL_TYPE (CfCaseloadView, cf_caseload_view, CF, CASELOAD_VIEW, AdwBin)

CfCaseloadView *cf_caseload_view_new               (void);
void            cf_caseload_view_set_caseload      (CfCaseloadView *self,
                                                    CfCaseload     *caseload);
CfCaseload     *cf_caseload_view_get_caseload      (CfCaseloadView *self);
void            cf_caseload_view_set_settings      (CfCaseloadView *self,
                                                    GSettings      *settings);
void            cf_caseload_view_set_primary_menu  (CfCaseloadView *self,
                                                    GMenuModel     *menu);
void            cf_caseload_view_focus_search      (CfCaseloadView *self);
void            cf_caseload_view_select_carer      (CfCaseloadView *self,
                                                    const char     *id);

G_END_DECLS
