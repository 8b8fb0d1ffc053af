/* cf-application.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-context.h"
#include "cf-text-scale.h"

G_BEGIN_DECLS

#define CF_TYPE_APPLICATION (cf_application_get_type ())

G_DECLARE_FINAL_TYPE (CfApplication, cf_application, CF, APPLICATION, AdwApplication)

CfApplication *cf_application_new             (void);
CfContext     *cf_application_get_context     (CfApplication *self);
const char    *cf_application_get_profile_dir (CfApplication *self);
CfTextScale   *cf_application_get_text_scale  (CfApplication *self);

G_END_DECLS
