/* cf-dp-fields.h: the direct payment page's rows, bound to the fields of the payment shown
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-direct-payments.h"

G_BEGIN_DECLS

typedef enum
{
  CF_DP_FIELD_TEXT,
  CF_DP_FIELD_DATE,
  CF_DP_FIELD_MONEY,
  CF_DP_FIELD_CHOICE,
  CF_DP_FIELD_FREQUENCY,
  CF_DP_FIELD_BRIDGES,
  CF_DP_FIELD_BOOL,
} CfDpFieldKind;

#define CF_TYPE_DP_FIELDS (cf_dp_fields_get_type ())

G_DECLARE_FINAL_TYPE (CfDpFields, cf_dp_fields, CF, DP_FIELDS, GObject)

CfDpFields *cf_dp_fields_new             (void);
void        cf_dp_fields_bind            (CfDpFields       *self,
                                          GtkWidget        *row,
                                          const char       *field,
                                          CfDpFieldKind     kind,
                                          gconstpointer     extra);
void        cf_dp_fields_set_payment     (CfDpFields       *self,
                                          CfDirectPayment  *payment);
void        cf_dp_fields_set_bridges     (CfDpFields       *self,
                                          GtkWidget        *row,
                                          GtkStringList    *labels,
                                          GPtrArray        *ids);
void        cf_dp_fields_load            (CfDpFields       *self);
void        cf_dp_fields_refresh_issues  (CfDpFields       *self);
void        cf_dp_fields_clear_invalid   (CfDpFields       *self);
gboolean    cf_dp_fields_check           (CfDpFields       *self,
                                          GError          **error);
void        cf_dp_fields_set_row_visible (CfDpFields       *self,
                                          GtkWidget        *row,
                                          gboolean          visible);

G_END_DECLS
