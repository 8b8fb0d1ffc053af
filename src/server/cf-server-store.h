/* cf-server-store.h: what the sync server keeps, behind one interface
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CF_SERVER_STORE_ERROR (cf_server_store_error_quark ())

typedef enum
{
  CF_SERVER_STORE_ERROR_FAILED,
  CF_SERVER_STORE_ERROR_NOT_FOUND,
  CF_SERVER_STORE_ERROR_EXISTS,
  CF_SERVER_STORE_ERROR_INVALID,
  CF_SERVER_STORE_ERROR_WRONG_PASSWORD,
  CF_SERVER_STORE_ERROR_DISABLED,
  CF_SERVER_STORE_ERROR_UNKNOWN_TOKEN,
  CF_SERVER_STORE_ERROR_REVOKED,
  CF_SERVER_STORE_ERROR_TOO_NEW,
  CF_SERVER_STORE_ERROR_WRONG_KEY,
  CF_SERVER_STORE_ERROR_NOT_ENCRYPTED,
} CfServerStoreError;

/* Roles (DESIGN.md, "Scope"); a carer account belongs to one carer. */
#define CF_SERVER_ROLE_WORKER      "worker"
#define CF_SERVER_ROLE_COORDINATOR "coordinator"
#define CF_SERVER_ROLE_CARER       "carer"
#define CF_SERVER_ROLE_ADMIN       "admin"

#define CF_SERVER_PASSWORD_MIN_LENGTH 10

/* Set (to anything) only by the test suite: hashes passwords with libsodium's minimum
 * Argon2id limits so that tests stay fast. Never set it on a real server. */
#define CF_SERVER_TEST_FAST_HASH_ENV "CF_SERVER_TEST_FAST_HASH"

typedef struct
{
  gint64    id;
  char     *name;
  char     *role;
  char     *carer_id;       /* "" unless role is carer */
  char     *password_hash;  /* crypto_pwhash_str (Argon2id); never the password */
  char     *created_at;     /* ISO 8601, UTC */
  gboolean  disabled;
} CfServerUser;

typedef struct
{
  gint64  id;
  gint64  user_id;
  char   *user_name;
  char   *name;
  char   *token_hash;       /* SHA-256 of the token, in hex; never the token */
  char   *created_at;
  char   *last_seen_at;     /* "" until first used */
  char   *revoked_at;       /* "" while valid */
} CfServerDevice;

#define CF_TYPE_SERVER_USER   (cf_server_user_get_type ())
#define CF_TYPE_SERVER_DEVICE (cf_server_device_get_type ())

GType           cf_server_user_get_type   (void) G_GNUC_CONST;
CfServerUser   *cf_server_user_copy       (const CfServerUser   *user);
void            cf_server_user_free       (CfServerUser         *user);
GType           cf_server_device_get_type (void) G_GNUC_CONST;
CfServerDevice *cf_server_device_copy     (const CfServerDevice *device);
void            cf_server_device_free     (CfServerDevice       *device);
gboolean        cf_server_device_is_revoked (const CfServerDevice *device);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfServerUser, cf_server_user_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfServerDevice, cf_server_device_free)

#define CF_TYPE_SERVER_STORE (cf_server_store_get_type ())

G_DECLARE_INTERFACE (CfServerStore, cf_server_store, CF, SERVER_STORE, GObject)

/* Storage primitives only: what a PostgreSQL store would implement. Hashing, validation and
 * the rules about disabled users and revoked devices live once, in cf-server-store.c.
 * Functions returning a pointer return %NULL with an error; lookups that find nothing set
 * %CF_SERVER_STORE_ERROR_NOT_FOUND. */
struct _CfServerStoreInterface
{
  GTypeInterface parent_iface;

  int             (*get_schema_version)   (CfServerStore  *self);
  gint64          (*insert_user)          (CfServerStore  *self,
                                           const char     *name,
                                           const char     *role,
                                           const char     *carer_id,
                                           const char     *password_hash,
                                           const char     *created_at,
                                           GError        **error);
  CfServerUser   *(*lookup_user)          (CfServerStore  *self,
                                           const char     *name,
                                           gint64          id,
                                           GError        **error);
  GPtrArray      *(*list_users)           (CfServerStore  *self,
                                           GError        **error);
  gboolean        (*set_user_disabled)    (CfServerStore  *self,
                                           gint64          user_id,
                                           gboolean        disabled,
                                           GError        **error);
  gint64          (*insert_device)        (CfServerStore  *self,
                                           gint64          user_id,
                                           const char     *name,
                                           const char     *token_hash,
                                           const char     *created_at,
                                           GError        **error);
  CfServerDevice *(*lookup_device)        (CfServerStore  *self,
                                           const char     *token_hash,
                                           gint64          id,
                                           GError        **error);
  GPtrArray      *(*list_devices)         (CfServerStore  *self,
                                           GError        **error);
  gboolean        (*revoke_device)        (CfServerStore  *self,
                                           gint64          device_id,
                                           const char     *at,
                                           GError        **error);
  gboolean        (*touch_device)         (CfServerStore  *self,
                                           gint64          device_id,
                                           const char     *at,
                                           GError        **error);
};

GQuark          cf_server_store_error_quark      (void);

gboolean        cf_server_role_is_valid          (const char      *role);
char           *cf_server_hash_password          (const char      *password,
                                                  GError         **error);
char           *cf_server_hash_token             (const char      *token);

int             cf_server_store_get_schema_version (CfServerStore *self);

CfServerUser   *cf_server_store_add_user         (CfServerStore   *self,
                                                  const char      *name,
                                                  const char      *role,
                                                  const char      *carer_id,
                                                  const char      *password,
                                                  GError         **error);
CfServerUser   *cf_server_store_lookup_user      (CfServerStore   *self,
                                                  const char      *name,
                                                  GError         **error);
GPtrArray      *cf_server_store_list_users       (CfServerStore   *self,
                                                  GError         **error);
gboolean        cf_server_store_set_user_disabled (CfServerStore  *self,
                                                   const char     *name,
                                                   gboolean        disabled,
                                                   GError        **error);
CfServerUser   *cf_server_store_check_password   (CfServerStore   *self,
                                                  const char      *name,
                                                  const char      *password,
                                                  GError         **error);

CfServerDevice *cf_server_store_add_device       (CfServerStore   *self,
                                                  gint64           user_id,
                                                  const char      *device_name,
                                                  char           **token_out,
                                                  GError         **error);
CfServerDevice *cf_server_store_check_token      (CfServerStore   *self,
                                                  const char      *token,
                                                  CfServerUser   **user_out,
                                                  GError         **error);
GPtrArray      *cf_server_store_list_devices     (CfServerStore   *self,
                                                  GError         **error);
gboolean        cf_server_store_revoke_device    (CfServerStore   *self,
                                                  gint64           device_id,
                                                  GError         **error);

G_END_DECLS
