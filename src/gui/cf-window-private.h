/* cf-window-private.h: for tests
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-window.h"

G_BEGIN_DECLS

gboolean cf_window_check_idle (CfWindow *self,
                               gint64    now_us);

G_END_DECLS
