/* cf-demo.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-assessment.h"
#include "cf-store.h"

G_BEGIN_DECLS

gboolean cf_demo_generate (CfStore  *store,
                           guint     n_carers,
                           guint32   seed,
                           GError  **error);

void     cf_demo_answer_assessment (CfAssessment *assessment,
                                    gboolean      eligible);

G_END_DECLS
