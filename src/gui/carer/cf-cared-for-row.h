/* cf-cared-for-row.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-cared-for.h"

G_BEGIN_DECLS

#define CF_TYPE_CARED_FOR_ROW (cf_cared_for_row_get_type ())

G_DECLARE_FINAL_TYPE (CfCaredForRow, cf_cared_for_row, CF, CARED_FOR_ROW, AdwExpanderRow)

CfCaredForRow *cf_cared_for_row_new        (CfCaredFor    *person);
CfCaredFor    *cf_cared_for_row_get_person (CfCaredForRow *self);
void           cf_cared_for_row_focus_name (CfCaredForRow *self);

G_END_DECLS
