/* cf-wire.h: records as JSON, the sync wire format and the import/export format
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cf-assessment.h"
#include "cf-carer.h"
#include "cf-carer-support.h"
#include "cf-record.h"
#include "cf-reviews.h"

G_BEGIN_DECLS

#define CF_WIRE_FORMAT_VERSION 1

JsonNode *cf_wire_record_to_json     (CfRecord     *record);
JsonNode *cf_wire_assessment_to_json (CfAssessment *assessment);
JsonNode *cf_wire_carer_to_json      (CfCarer      *carer,
                                      GPtrArray    *events,
                                      GPtrArray    *assessments);
JsonNode *cf_wire_carer_with_support_to_json (CfCarer        *carer,
                                              GPtrArray      *events,
                                              GPtrArray      *assessments,
                                              CfCarerSupport *support);
JsonNode *cf_wire_due_item_to_json   (const CfDueItem *item);
JsonNode *cf_wire_due_list_to_json   (GPtrArray    *items);

G_END_DECLS
