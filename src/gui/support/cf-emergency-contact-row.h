/* cf-emergency-contact-row.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-emergency-contact.h"

G_BEGIN_DECLS

#define CF_TYPE_EMERGENCY_CONTACT_ROW (cf_emergency_contact_row_get_type ())

G_DECLARE_FINAL_TYPE (CfEmergencyContactRow, cf_emergency_contact_row, CF, EMERGENCY_CONTACT_ROW,
                      GtkBox)

CfEmergencyContactRow *cf_emergency_contact_row_new           (CfEmergencyContact    *contact);
CfEmergencyContact    *cf_emergency_contact_row_get_contact   (CfEmergencyContactRow *self);
void                   cf_emergency_contact_row_set_place     (CfEmergencyContactRow *self,
                                                               guint                  number,
                                                               guint                  n_contacts);
gboolean               cf_emergency_contact_row_focus_name    (CfEmergencyContactRow *self);
void                   cf_emergency_contact_row_keep_move_focus (CfEmergencyContactRow *self,
                                                               int                    direction);
void                   cf_emergency_contact_row_clear         (CfEmergencyContactRow *self);

G_END_DECLS
