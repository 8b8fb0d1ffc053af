/* cf-assessments.h: a carer's assessments in the store
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-assessment.h"
#include "cf-carer.h"
#include "cf-store.h"

G_BEGIN_DECLS

GPtrArray    *cf_assessments_list          (CfStore       *store,
                                            const char    *carer_id,
                                            GError       **error);
CfAssessment *cf_assessments_load          (CfStore       *store,
                                            const char    *id,
                                            GError       **error);
CfAssessment *cf_assessments_start         (CfStore       *store,
                                            CfCarer       *carer,
                                            const char    *kind,
                                            const char    *mode,
                                            const char    *assessed_on,
                                            const char    *assessor,
                                            const char    *people_involved,
                                            GError       **error);
gboolean      cf_assessments_save          (CfStore       *store,
                                            CfAssessment  *assessment,
                                            GError       **error);
gboolean      cf_assessments_finish        (CfStore       *store,
                                            CfAssessment  *assessment,
                                            GError       **error);
gboolean      cf_assessments_return        (CfStore       *store,
                                            CfAssessment  *assessment,
                                            const char    *reason,
                                            GError       **error);
gboolean      cf_assessments_record_given  (CfStore       *store,
                                            CfAssessment  *assessment,
                                            const char    *given_on,
                                            const char    *how,
                                            GError       **error);

G_END_DECLS
