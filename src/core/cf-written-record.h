/* cf-written-record.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-assessment.h"
#include "cf-carer.h"
#include "cf-document.h"

G_BEGIN_DECLS

/* Who the carer can contact, printed on the record. Any field may be NULL or empty. */
typedef struct
{
  const char *name;
  const char *phone;
} CfOrganisation;

CfDocument *cf_written_record_build (CfCarer              *carer,
                                     CfAssessment         *assessment,
                                     const CfOrganisation *organisation,
                                     CfDocumentFormat      format,
                                     const char           *language);

G_END_DECLS
