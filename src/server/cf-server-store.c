/* cf-server-store.c: the server store's interface, and the rules that sit above any backend
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "Server": passwords are kept as Argon2id hashes and device tokens as hashes, and
 * the store sits behind one interface so that a PostgreSQL store can be added. The
 * implementations only store and fetch rows; hashing, validation and what a disabled user or a
 * revoked device means are decided here, once.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "cf-server-store.h"

#define TOKEN_BYTES 32

G_DEFINE_QUARK (cf-server-store-error-quark, cf_server_store_error)

G_DEFINE_INTERFACE (CfServerStore, cf_server_store, G_TYPE_OBJECT)

static void
cf_server_store_default_init (CfServerStoreInterface *iface)
{
}

CfServerUser *
cf_server_user_copy (const CfServerUser *user)
{
  CfServerUser *copy = g_new0 (CfServerUser, 1);

  copy->id = user->id;
  copy->name = g_strdup (user->name);
  copy->role = g_strdup (user->role);
  copy->carer_id = g_strdup (user->carer_id);
  copy->password_hash = g_strdup (user->password_hash);
  copy->created_at = g_strdup (user->created_at);
  copy->disabled = user->disabled;

  return copy;
}

void
cf_server_user_free (CfServerUser *user)
{
  if (user == NULL)
    return;

  g_free (user->name);
  g_free (user->role);
  g_free (user->carer_id);
  if (user->password_hash != NULL)
    sodium_memzero (user->password_hash, strlen (user->password_hash));
  g_free (user->password_hash);
  g_free (user->created_at);
  g_free (user);
}

G_DEFINE_BOXED_TYPE (CfServerUser, cf_server_user, cf_server_user_copy, cf_server_user_free)

CfServerDevice *
cf_server_device_copy (const CfServerDevice *device)
{
  CfServerDevice *copy = g_new0 (CfServerDevice, 1);

  copy->id = device->id;
  copy->user_id = device->user_id;
  copy->user_name = g_strdup (device->user_name);
  copy->name = g_strdup (device->name);
  copy->token_hash = g_strdup (device->token_hash);
  copy->created_at = g_strdup (device->created_at);
  copy->last_seen_at = g_strdup (device->last_seen_at);
  copy->revoked_at = g_strdup (device->revoked_at);

  return copy;
}

void
cf_server_device_free (CfServerDevice *device)
{
  if (device == NULL)
    return;

  g_free (device->user_name);
  g_free (device->name);
  g_free (device->token_hash);
  g_free (device->created_at);
  g_free (device->last_seen_at);
  g_free (device->revoked_at);
  g_free (device);
}

G_DEFINE_BOXED_TYPE (CfServerDevice, cf_server_device, cf_server_device_copy,
                     cf_server_device_free)

CfServerRecord *
cf_server_record_copy (const CfServerRecord *record)
{
  CfServerRecord *copy = g_new0 (CfServerRecord, 1);

  copy->entity = g_strdup (record->entity);
  copy->id = g_strdup (record->id);
  copy->carer_id = g_strdup (record->carer_id);
  copy->worker = g_strdup (record->worker);
  copy->seq = record->seq;
  copy->version = record->version;
  copy->deleted = record->deleted;
  copy->updated_at = g_strdup (record->updated_at);
  copy->updated_by = g_strdup (record->updated_by);
  copy->state = g_strdup (record->state);

  return copy;
}

void
cf_server_record_free (CfServerRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->entity);
  g_free (record->id);
  g_free (record->carer_id);
  g_free (record->worker);
  g_free (record->updated_at);
  g_free (record->updated_by);
  g_free (record->state);
  g_free (record);
}

G_DEFINE_BOXED_TYPE (CfServerRecord, cf_server_record, cf_server_record_copy,
                     cf_server_record_free)

CfServerConflict *
cf_server_conflict_copy (const CfServerConflict *conflict)
{
  CfServerConflict *copy = g_new0 (CfServerConflict, 1);

  copy->id = conflict->id;
  copy->entity = g_strdup (conflict->entity);
  copy->record_id = g_strdup (conflict->record_id);
  copy->field = g_strdup (conflict->field);
  copy->base = g_strdup (conflict->base);
  copy->server = g_strdup (conflict->server);
  copy->client = g_strdup (conflict->client);
  copy->version = conflict->version;
  copy->device_id = conflict->device_id;
  copy->user_name = g_strdup (conflict->user_name);
  copy->at = g_strdup (conflict->at);
  copy->resolved_at = g_strdup (conflict->resolved_at);

  return copy;
}

void
cf_server_conflict_free (CfServerConflict *conflict)
{
  if (conflict == NULL)
    return;

  g_free (conflict->entity);
  g_free (conflict->record_id);
  g_free (conflict->field);
  g_free (conflict->base);
  g_free (conflict->server);
  g_free (conflict->client);
  g_free (conflict->user_name);
  g_free (conflict->at);
  g_free (conflict->resolved_at);
  g_free (conflict);
}

G_DEFINE_BOXED_TYPE (CfServerConflict, cf_server_conflict, cf_server_conflict_copy,
                     cf_server_conflict_free)

CfServerAuditEntry *
cf_server_audit_entry_copy (const CfServerAuditEntry *entry)
{
  CfServerAuditEntry *copy = g_new0 (CfServerAuditEntry, 1);

  copy->id = g_strdup (entry->id);
  copy->received_at = g_strdup (entry->received_at);
  copy->server_user = g_strdup (entry->server_user);
  copy->device_id = entry->device_id;
  copy->at = g_strdup (entry->at);
  copy->user_name = g_strdup (entry->user_name);
  copy->laptop_device = g_strdup (entry->laptop_device);
  copy->action = g_strdup (entry->action);
  copy->entity = g_strdup (entry->entity);
  copy->record_id = g_strdup (entry->record_id);
  copy->detail = g_strdup (entry->detail);

  return copy;
}

void
cf_server_audit_entry_free (CfServerAuditEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->id);
  g_free (entry->received_at);
  g_free (entry->server_user);
  g_free (entry->at);
  g_free (entry->user_name);
  g_free (entry->laptop_device);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->record_id);
  g_free (entry->detail);
  g_free (entry);
}

G_DEFINE_BOXED_TYPE (CfServerAuditEntry, cf_server_audit_entry, cf_server_audit_entry_copy,
                     cf_server_audit_entry_free)

gboolean
cf_server_device_is_revoked (const CfServerDevice *device)
{
  g_return_val_if_fail (device != NULL, TRUE);

  return device->revoked_at != NULL && *device->revoked_at != '\0';
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
cf_server_role_is_valid (const char *role)
{
  return g_strcmp0 (role, CF_SERVER_ROLE_WORKER) == 0 ||
         g_strcmp0 (role, CF_SERVER_ROLE_COORDINATOR) == 0 ||
         g_strcmp0 (role, CF_SERVER_ROLE_CARER) == 0 ||
         g_strcmp0 (role, CF_SERVER_ROLE_ADMIN) == 0;
}

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_FAILED,
                           _("The encryption library could not start."));
      return FALSE;
    }

  return TRUE;
}

static void
pwhash_limits (unsigned long long *opslimit,
               size_t             *memlimit)
{
  /* Interactive limits: a login costs a fraction of a second and 64 MiB, which a base server
   * handles and a guesser pays for each try. The test suite lowers them (and only it: the
   * variable's name says so) because dozens of logins at full cost would make it slow. */
  if (g_getenv (CF_SERVER_TEST_FAST_HASH_ENV) != NULL)
    {
      *opslimit = crypto_pwhash_OPSLIMIT_MIN;
      *memlimit = crypto_pwhash_MEMLIMIT_MIN;
    }
  else
    {
      *opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
      *memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    }
}

/**
 * cf_server_hash_password:
 *
 * Returns: (transfer full): an Argon2id hash in libsodium's crypto_pwhash_str() form, which
 *   carries its own salt and limits
 */
char *
cf_server_hash_password (const char  *password,
                         GError     **error)
{
  char hash[crypto_pwhash_STRBYTES];
  unsigned long long opslimit;
  size_t memlimit;

  g_return_val_if_fail (password != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;

  pwhash_limits (&opslimit, &memlimit);
  if (crypto_pwhash_str_alg (hash, password, strlen (password), opslimit, memlimit,
                             crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_FAILED,
                           _("There is not enough memory to hash the password."));
      return NULL;
    }

  return g_strdup (hash);
}

/**
 * cf_server_hash_token:
 *
 * Returns: (transfer full): the SHA-256 of @token in lower-case hex, the only form of a device
 *   token the server keeps
 */
char *
cf_server_hash_token (const char *token)
{
  guint8 digest[crypto_hash_sha256_BYTES];
  char hex[2 * crypto_hash_sha256_BYTES + 1];

  g_return_val_if_fail (token != NULL, NULL);

  /* SHA-256 and not Argon2id: the token is 32 random bytes, so there is nothing to guess, and
   * every request checks one. */
  crypto_hash_sha256 (digest, (const guint8 *) token, strlen (token));
  sodium_bin2hex (hex, sizeof hex, digest, sizeof digest);

  return g_strdup (hex);
}

/* A hash of no one's password, made with the limits in force, so that a login for a user who
 * does not exist costs the same time as one for a user who does. */
static const char *
dummy_hash (void)
{
  static gsize once;
  static char *hash;

  if (g_once_init_enter (&once))
    {
      guint8 random[16];
      char hex[33];

      randombytes_buf (random, sizeof random);
      sodium_bin2hex (hex, sizeof hex, random, sizeof random);
      hash = cf_server_hash_password (hex, NULL);
      if (hash == NULL)
        hash = g_strdup ("-");
      g_once_init_leave (&once, 1);
    }

  return hash;
}

int
cf_server_store_get_schema_version (CfServerStore *self)
{
  g_return_val_if_fail (CF_IS_SERVER_STORE (self), -1);

  return CF_SERVER_STORE_GET_IFACE (self)->get_schema_version (self);
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  if (name == NULL || *name == '\0' || !g_utf8_validate (name, -1, NULL) ||
      g_utf8_strlen (name, -1) > 100)
    {
      g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_INVALID,
                           _("A user name is 1 to 100 characters."));
      return FALSE;
    }

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
        {
          g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_INVALID,
                               _("A user name cannot contain spaces or control characters."));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * cf_server_store_add_user:
 * @carer_id: (nullable): the carer a carer account belongs to; required for that role and
 *   refused for the others
 *
 * Returns: (transfer full): the new user
 */
CfServerUser *
cf_server_store_add_user (CfServerStore  *self,
                          const char     *name,
                          const char     *role,
                          const char     *carer_id,
                          const char     *password,
                          GError        **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *now = NULL;
  gboolean is_carer;
  gint64 id;

  g_return_val_if_fail (CF_IS_SERVER_STORE (self), NULL);

  if (!check_name (name, error))
    return NULL;

  if (!cf_server_role_is_valid (role))
    {
      g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_INVALID,
                           _("The role is one of worker, coordinator, carer or admin."));
      return NULL;
    }

  is_carer = g_str_equal (role, CF_SERVER_ROLE_CARER);
  if (carer_id != NULL && *carer_id == '\0')
    carer_id = NULL;
  if (is_carer && carer_id == NULL)
    {
      g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_INVALID,
                           _("A carer account needs the id of the carer it belongs to."));
      return NULL;
    }
  if (!is_carer && carer_id != NULL)
    {
      g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_INVALID,
                           _("Only a carer account belongs to a carer."));
      return NULL;
    }

  if (password == NULL || !g_utf8_validate (password, -1, NULL) ||
      g_utf8_strlen (password, -1) < CF_SERVER_PASSWORD_MIN_LENGTH)
    {
      g_set_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "A password is at least %d character.",
                                "A password is at least %d characters.",
                                CF_SERVER_PASSWORD_MIN_LENGTH),
                   CF_SERVER_PASSWORD_MIN_LENGTH);
      return NULL;
    }

  if ((hash = cf_server_hash_password (password, error)) == NULL)
    return NULL;

  now = now_text ();
  id = CF_SERVER_STORE_GET_IFACE (self)->insert_user (self, name, role,
                                                      carer_id ? carer_id : "", hash, now,
                                                      error);
  sodium_memzero (hash, strlen (hash));
  if (id <= 0)
    return NULL;

  return CF_SERVER_STORE_GET_IFACE (self)->lookup_user (self, NULL, id, error);
}

CfServerUser *
cf_server_store_lookup_user (CfServerStore  *self,
                             const char     *name,
                             GError        **error)
{
  g_return_val_if_fail (CF_IS_SERVER_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return CF_SERVER_STORE_GET_IFACE (self)->lookup_user (self, name, 0, error);
}

/**
 * cf_server_store_list_users:
 *
 * Returns: (transfer container) (element-type CfServerUser): every user, by name
 */
GPtrArray *
cf_server_store_list_users (CfServerStore  *self,
                            GError        **error)
{
  g_return_val_if_fail (CF_IS_SERVER_STORE (self), NULL);

  return CF_SERVER_STORE_GET_IFACE (self)->list_users (self, error);
}

gboolean
cf_server_store_set_user_disabled (CfServerStore  *self,
                                   const char     *name,
                                   gboolean        disabled,
                                   GError        **error)
{
  g_autoptr(CfServerUser) user = NULL;

  g_return_val_if_fail (CF_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if ((user = cf_server_store_lookup_user (self, name, error)) == NULL)
    return FALSE;

  return CF_SERVER_STORE_GET_IFACE (self)->set_user_disabled (self, user->id, disabled, error);
}

/**
 * cf_server_store_check_password:
 *
 * Checks a login. A user who does not exist and a wrong password give the same error
 * (%CF_SERVER_STORE_ERROR_WRONG_PASSWORD) after the same work, so a caller cannot learn
 * which names exist. A right password for a disabled user gives
 * %CF_SERVER_STORE_ERROR_DISABLED.
 *
 * Returns: (transfer full): the user
 */
CfServerUser *
cf_server_store_check_password (CfServerStore  *self,
                                const char     *name,
                                const char     *password,
                                GError        **error)
{
  g_autoptr(CfServerUser) user = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *hash;
  gboolean ok;

  g_return_val_if_fail (CF_IS_SERVER_STORE (self), NULL);

  if (!ensure_sodium (error))
    return NULL;

  if (name != NULL && g_utf8_validate (name, -1, NULL))
    user = cf_server_store_lookup_user (self, name, &local_error);

  if (user == NULL && local_error != NULL &&
      !g_error_matches (local_error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  hash = user != NULL ? user->password_hash : dummy_hash ();
  ok = password != NULL &&
       crypto_pwhash_str_verify (hash, password, strlen (password)) == 0 &&
       user != NULL;

  if (!ok)
    {
      g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_WRONG_PASSWORD,
                           _("The user name or password is not right."));
      return NULL;
    }

  if (user->disabled)
    {
      g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_DISABLED,
                           _("This account is disabled. Ask your coordinator."));
      return NULL;
    }

  return g_steal_pointer (&user);
}

/**
 * cf_server_store_add_device:
 * @token_out: (out): the device's token; shown once, to the device, and never stored
 *
 * Returns: (transfer full): the new device
 */
CfServerDevice *
cf_server_store_add_device (CfServerStore  *self,
                            gint64          user_id,
                            const char     *device_name,
                            char          **token_out,
                            GError        **error)
{
  guint8 random[TOKEN_BYTES];
  char token[2 * TOKEN_BYTES + 1];
  g_autofree char *hash = NULL;
  g_autofree char *now = NULL;
  gint64 id;

  g_return_val_if_fail (CF_IS_SERVER_STORE (self), NULL);
  g_return_val_if_fail (token_out != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;

  if (device_name == NULL || *device_name == '\0' || !g_utf8_validate (device_name, -1, NULL) ||
      g_utf8_strlen (device_name, -1) > 100)
    {
      g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_INVALID,
                           _("A device name is 1 to 100 characters."));
      return NULL;
    }

  randombytes_buf (random, sizeof random);
  sodium_bin2hex (token, sizeof token, random, sizeof random);
  sodium_memzero (random, sizeof random);
  hash = cf_server_hash_token (token);
  now = now_text ();

  id = CF_SERVER_STORE_GET_IFACE (self)->insert_device (self, user_id, device_name, hash, now,
                                                        error);
  if (id <= 0)
    {
      sodium_memzero (token, sizeof token);
      return NULL;
    }

  *token_out = g_strdup (token);
  sodium_memzero (token, sizeof token);

  return CF_SERVER_STORE_GET_IFACE (self)->lookup_device (self, NULL, id, error);
}

/**
 * cf_server_store_check_token:
 * @user_out: (out) (optional): the device's user
 *
 * Finds the device a bearer token belongs to and notes that it was seen. An unknown token is
 * %CF_SERVER_STORE_ERROR_UNKNOWN_TOKEN, a revoked one %CF_SERVER_STORE_ERROR_REVOKED (the
 * client then wipes itself), a disabled user's %CF_SERVER_STORE_ERROR_DISABLED.
 *
 * Returns: (transfer full): the device
 */
CfServerDevice *
cf_server_store_check_token (CfServerStore  *self,
                             const char     *token,
                             CfServerUser  **user_out,
                             GError        **error)
{
  CfServerStoreInterface *iface;
  g_autoptr(CfServerDevice) device = NULL;
  g_autoptr(CfServerUser) user = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CF_IS_SERVER_STORE (self), NULL);

  iface = CF_SERVER_STORE_GET_IFACE (self);

  if (token != NULL && *token != '\0')
    {
      hash = cf_server_hash_token (token);
      device = iface->lookup_device (self, hash, 0, &local_error);
    }

  if (device == NULL)
    {
      if (local_error != NULL &&
          !g_error_matches (local_error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_NOT_FOUND))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_UNKNOWN_TOKEN,
                             _("This device is not signed in. Sign in again."));
      return NULL;
    }

  if (cf_server_device_is_revoked (device))
    {
      g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_REVOKED,
                           _("This device’s access has been withdrawn."));
      return NULL;
    }

  if ((user = iface->lookup_user (self, NULL, device->user_id, error)) == NULL)
    return NULL;

  if (user->disabled)
    {
      g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_DISABLED,
                           _("This account is disabled. Ask your coordinator."));
      return NULL;
    }

  now = now_text ();
  if (!iface->touch_device (self, device->id, now, error))
    return NULL;
  g_free (device->last_seen_at);
  device->last_seen_at = g_steal_pointer (&now);

  if (user_out != NULL)
    *user_out = g_steal_pointer (&user);

  return g_steal_pointer (&device);
}

/**
 * cf_server_store_list_devices:
 *
 * Returns: (transfer container) (element-type CfServerDevice): every device, newest last
 */
GPtrArray *
cf_server_store_list_devices (CfServerStore  *self,
                              GError        **error)
{
  g_return_val_if_fail (CF_IS_SERVER_STORE (self), NULL);

  return CF_SERVER_STORE_GET_IFACE (self)->list_devices (self, error);
}

/**
 * cf_server_store_revoke_device:
 *
 * Withdraws a device's token for good. Revoking a device already revoked keeps the first
 * time and succeeds.
 */
gboolean
cf_server_store_revoke_device (CfServerStore  *self,
                               gint64          device_id,
                               GError        **error)
{
  g_autoptr(CfServerDevice) device = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CF_IS_SERVER_STORE (self), FALSE);

  device = CF_SERVER_STORE_GET_IFACE (self)->lookup_device (self, NULL, device_id, error);
  if (device == NULL)
    return FALSE;

  if (cf_server_device_is_revoked (device))
    return TRUE;

  now = now_text ();
  return CF_SERVER_STORE_GET_IFACE (self)->revoke_device (self, device_id, now, error);
}

/**
 * cf_server_store_get_last_seq:
 *
 * Returns: the newest number of the server's sequence (0 before the first record), or -1
 *   with @error set
 */
gint64
cf_server_store_get_last_seq (CfServerStore  *self,
                              GError        **error)
{
  g_return_val_if_fail (CF_IS_SERVER_STORE (self), -1);

  return CF_SERVER_STORE_GET_IFACE (self)->get_last_seq (self, error);
}

/**
 * cf_server_store_lookup_record:
 *
 * Returns: (transfer full): the record, or %NULL with %CF_SERVER_STORE_ERROR_NOT_FOUND when
 *   the server does not have it
 */
CfServerRecord *
cf_server_store_lookup_record (CfServerStore  *self,
                               const char     *entity,
                               const char     *id,
                               GError        **error)
{
  g_return_val_if_fail (CF_IS_SERVER_STORE (self), NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return CF_SERVER_STORE_GET_IFACE (self)->lookup_record (self, entity, id, error);
}

/**
 * cf_server_store_list_conflicts:
 * @entity: (nullable): only this entity's
 * @record_id: (nullable): only this record's
 *
 * Returns: (transfer container) (element-type CfServerConflict): the conflicts, open and
 *   resolved, oldest first
 */
GPtrArray *
cf_server_store_list_conflicts (CfServerStore  *self,
                                const char     *entity,
                                const char     *record_id,
                                GError        **error)
{
  g_return_val_if_fail (CF_IS_SERVER_STORE (self), NULL);

  return CF_SERVER_STORE_GET_IFACE (self)->list_conflicts (self, entity, record_id, error);
}

/**
 * cf_server_store_add_audit:
 * @entries: (element-type CfServerAuditEntry): entries of the audit trail, every member set
 * @stored: (out) (optional): how many of them were new to the server
 *
 * Appends to the audit trail, in one transaction: every entry is kept, or none is. An entry
 * whose id the server already has is not stored again and not counted, so a batch sent twice
 * (its answer lost on the way) leaves one copy of each entry.
 */
gboolean
cf_server_store_add_audit (CfServerStore  *self,
                           GPtrArray      *entries,
                           guint          *stored,
                           GError        **error)
{
  CfServerStoreInterface *iface;
  guint count = 0;

  g_return_val_if_fail (CF_IS_SERVER_STORE (self), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);

  iface = CF_SERVER_STORE_GET_IFACE (self);
  if (!iface->begin (self, error))
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      gboolean inserted = FALSE;

      if (!iface->insert_audit (self, g_ptr_array_index (entries, i), &inserted, error))
        {
          iface->rollback (self);
          return FALSE;
        }
      if (inserted)
        count++;
    }

  if (!iface->commit (self, error))
    {
      iface->rollback (self);
      return FALSE;
    }

  if (stored != NULL)
    *stored = count;

  return TRUE;
}

/**
 * cf_server_store_list_audit:
 * @record_id: (nullable): only the entries about this record
 * @server_user: (nullable): only the entries this server user's devices sent
 * @limit: the most entries to give, the newest; 0 for all
 *
 * Returns: (transfer container) (element-type CfServerAuditEntry): the entries, in the order
 *   they happened (by the laptops' clocks, then in the order they arrived)
 */
GPtrArray *
cf_server_store_list_audit (CfServerStore  *self,
                            const char     *record_id,
                            const char     *server_user,
                            guint           limit,
                            GError        **error)
{
  g_return_val_if_fail (CF_IS_SERVER_STORE (self), NULL);

  return CF_SERVER_STORE_GET_IFACE (self)->list_audit (self, record_id, server_user, limit,
                                                       error);
}
