/* cf-carer-private.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-carer.h"

G_BEGIN_DECLS

void cf_carer_take_loaded_cared_for (CfCarer   *self,
                                     GPtrArray *cared_for);
void cf_carer_forget_removed        (CfCarer   *self);

G_END_DECLS
