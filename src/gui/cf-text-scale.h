/* cf-text-scale.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CF_TYPE_TEXT_SCALE (cf_text_scale_get_type ())

G_DECLARE_FINAL_TYPE (CfTextScale, cf_text_scale, CF, TEXT_SCALE, GObject)

#define CF_TEXT_SCALE_NORMAL 100

const guint *cf_text_scale_get_steps   (guint       *n_steps);
guint        cf_text_scale_nearest_step (guint       percent);
CfTextScale *cf_text_scale_new         (GdkDisplay  *display,
                                        GSettings   *settings);
guint        cf_text_scale_get_percent (CfTextScale *self);
void         cf_text_scale_set_percent (CfTextScale *self,
                                        guint        percent);
gboolean     cf_text_scale_step        (CfTextScale *self,
                                        int          n);

G_END_DECLS
