/* cf-plan-dialogs.h: the questions the support plan page asks
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CF_PLAN_RESPONSE_REVISE "revise"
#define CF_PLAN_RESPONSE_RECORD "record"

AdwMessageDialog *cf_plan_revise_dialog_new        (GtkWindow        *parent);
char             *cf_plan_revise_dialog_dup_reason (AdwMessageDialog *dialog);

AdwMessageDialog *cf_plan_break_dialog_new         (GtkWindow        *parent,
                                                    const GDate      *today);
const char       *cf_plan_break_dialog_get_kind    (AdwMessageDialog *dialog);
char             *cf_plan_break_dialog_dup_date    (AdwMessageDialog *dialog);

char             *cf_plan_date_in_words            (const char       *iso);

G_END_DECLS
