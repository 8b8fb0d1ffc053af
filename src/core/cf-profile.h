/* cf-profile.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cf-clock.h"
#include "cf-store.h"

G_BEGIN_DECLS

#define CF_PROFILE_ERROR (cf_profile_error_quark ())

typedef enum
{
  CF_PROFILE_ERROR_FAILED,
  CF_PROFILE_ERROR_WRONG_PASSPHRASE,
  CF_PROFILE_ERROR_WEAK_PASSPHRASE,
  CF_PROFILE_ERROR_EXISTS,
  CF_PROFILE_ERROR_NOT_FOUND,
  CF_PROFILE_ERROR_DAMAGED,
} CfProfileError;

/* DESIGN.md: the passphrase has a minimum strength. */
#define CF_PASSPHRASE_MIN_LENGTH 10

GQuark    cf_profile_error_quark          (void);

char     *cf_profile_default_dir          (void);
gboolean  cf_profile_exists               (const char           *dir);
char     *cf_passphrase_check             (const char           *passphrase);
CfStore  *cf_profile_create               (const char           *dir,
                                           const char           *passphrase,
                                           const char           *user_name,
                                           CfClock              *clock,
                                           GError              **error);
CfStore  *cf_profile_unlock               (const char           *dir,
                                           const char           *passphrase,
                                           CfClock              *clock,
                                           GError              **error);
gboolean  cf_profile_change_passphrase    (const char           *dir,
                                           const char           *old_passphrase,
                                           const char           *new_passphrase,
                                           GError              **error);
void      cf_profile_change_passphrase_async  (const char           *dir,
                                               const char           *old_passphrase,
                                               const char           *new_passphrase,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean  cf_profile_change_passphrase_finish (GAsyncResult         *result,
                                               GError              **error);
void      cf_profile_unlock_async         (const char           *dir,
                                           const char           *passphrase,
                                           CfClock              *clock,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
CfStore  *cf_profile_unlock_finish        (GAsyncResult         *result,
                                           GError              **error);
void      cf_profile_create_async         (const char           *dir,
                                           const char           *passphrase,
                                           const char           *user_name,
                                           CfClock              *clock,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
CfStore  *cf_profile_create_finish        (GAsyncResult         *result,
                                           GError              **error);

gboolean  cf_profile_wipe                 (const char           *dir,
                                           GError              **error);

void      cf_profile_wait_for_pending     (void);

G_END_DECLS
