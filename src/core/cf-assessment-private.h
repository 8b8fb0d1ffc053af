/* cf-assessment-private.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-assessment.h"

G_BEGIN_DECLS

void cf_assessment_take_loaded_answers (CfAssessment *self,
                                        GPtrArray    *answers);

G_END_DECLS
