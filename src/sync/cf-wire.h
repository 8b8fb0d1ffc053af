/* cf-wire.h: records as JSON, the sync wire format and the import/export format
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cf-assessment.h"
#include "cf-carer.h"
#include "cf-record.h"

G_BEGIN_DECLS

#define CF_WIRE_FORMAT_VERSION 1

JsonNode *cf_wire_record_to_json     (CfRecord     *record);
JsonNode *cf_wire_assessment_to_json (CfAssessment *assessment);
JsonNode *cf_wire_carer_to_json      (CfCarer      *carer,
                                      GPtrArray    *events,
                                      GPtrArray    *assessments);

G_END_DECLS
