/* cf-validate.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *cf_validate_postcode      (const char  *postcode);
char *cf_postcode_normalise     (const char  *postcode);
char *cf_validate_date_of_birth (const char  *iso_date,
                                 const GDate *today);
char *cf_validate_email         (const char  *email);
char *cf_validate_phone         (const char  *phone);
char *cf_validate_contactable   (const char  *phone,
                                 const char  *email,
                                 const char  *address,
                                 const char  *postcode);

G_END_DECLS
