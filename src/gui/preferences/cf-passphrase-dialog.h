/* cf-passphrase-dialog.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CF_TYPE_PASSPHRASE_DIALOG (cf_passphrase_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CfPassphraseDialog, cf_passphrase_dialog, CF, PASSPHRASE_DIALOG,
                      AdwMessageDialog)

CfPassphraseDialog *cf_passphrase_dialog_new         (GtkWindow          *parent);
const char         *cf_passphrase_dialog_get_current (CfPassphraseDialog *self);
const char         *cf_passphrase_dialog_get_new     (CfPassphraseDialog *self);

G_END_DECLS
