/* cf-referral-dialog.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-carer.h"
#include "cf-context.h"

G_BEGIN_DECLS

typedef enum
{
  CF_REFERRAL_DIALOG_FIRST_CONTACT,
  CF_REFERRAL_DIALOG_WAITING_WELL,
  CF_REFERRAL_DIALOG_RERATE,
  CF_REFERRAL_DIALOG_CLOSE,
  CF_REFERRAL_DIALOG_REOPEN,
} CfReferralDialogKind;

#define CF_TYPE_REFERRAL_DIALOG (cf_referral_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CfReferralDialog, cf_referral_dialog, CF, REFERRAL_DIALOG,
                      AdwMessageDialog)

CfReferralDialog *cf_referral_dialog_new (GtkWindow            *parent,
                                          CfContext            *context,
                                          CfCarer              *carer,
                                          CfReferralDialogKind  kind);

G_END_DECLS
