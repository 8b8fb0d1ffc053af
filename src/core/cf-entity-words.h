/* cf-entity-words.h: synced records and their fields, in words a worker reads
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "cf-choices.h"

G_BEGIN_DECLS

const char     *cf_entity_describe            (const char *entity);
char           *cf_entity_field_describe      (const char *entity,
                                               const char *field);
const CfChoice *cf_entity_field_get_choices   (const char *entity,
                                               const char *field);
char           *cf_entity_field_describe_text (const char *entity,
                                               const char *field,
                                               const char *value);

G_END_DECLS
