/* cf-caseload-row.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cf-caseload-item.h"

G_BEGIN_DECLS

#define CF_TYPE_CASELOAD_ROW (cf_caseload_row_get_type ())

G_DECLARE_FINAL_TYPE (CfCaseloadRow, cf_caseload_row, CF, CASELOAD_ROW, GtkWidget)

GtkWidget      *cf_caseload_row_new      (void);
CfCaseloadItem *cf_caseload_row_get_item (CfCaseloadRow  *self);
void            cf_caseload_row_set_item (CfCaseloadRow  *self,
                                          CfCaseloadItem *item);
void            cf_caseload_row_set_show_worker (CfCaseloadRow *self,
                                                 gboolean       show_worker);

G_END_DECLS
