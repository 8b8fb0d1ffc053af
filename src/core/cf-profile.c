/* cf-profile.c: a worker's profile folder, its wrapped key and its encrypted store
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "Local store": the database key is 32 random bytes, stored wrapped with libsodium's
 * crypto_secretbox under a key derived from the passphrase with Argon2id (crypto_pwhash).
 * Changing the passphrase rewraps the key and never re-encrypts the database.
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>

#include "cf-profile.h"

#define KEY_FILE_NAME  "key"
#define DB_FILE_NAME   "carefield.db"
#define KEY_GROUP      "Carefield Key"
#define DB_KEY_BYTES   32

G_DEFINE_QUARK (cf-profile-error-quark, cf_profile_error)

/* Passphrases so common that length alone does not make them safe. */
static const char *common_passphrases[] = {
  "password123", "password1234", "1234567890", "12345678910", "0987654321", "qwertyuiop",
  "qwerty12345", "iloveyou123", "letmein123", "welcome123", "passw0rd123", "abcdefghij",
  "carefield123", "carefield1", "administrator", "changeme123",
};

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_FAILED,
                           _("The encryption library could not start."));
      return FALSE;
    }

  return TRUE;
}

char *
cf_profile_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "carefield", "profile", NULL);
}

gboolean
cf_profile_exists (const char *dir)
{
  g_autofree char *key_path = NULL;

  g_return_val_if_fail (dir != NULL, FALSE);

  key_path = g_build_filename (dir, KEY_FILE_NAME, NULL);
  return g_file_test (key_path, G_FILE_TEST_EXISTS);
}

/**
 * cf_passphrase_check:
 *
 * Returns: (nullable): %NULL if the passphrase is strong enough, otherwise what to do about it
 */
char *
cf_passphrase_check (const char *passphrase)
{
  g_autofree char *folded = NULL;
  g_autoptr(GHashTable) distinct = NULL;
  glong length;

  if (passphrase == NULL || !g_utf8_validate (passphrase, -1, NULL))
    return g_strdup (_("Enter a passphrase."));

  length = g_utf8_strlen (passphrase, -1);
  if (length < CF_PASSPHRASE_MIN_LENGTH)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Use at least %d character.",
                                         "Use at least %d characters.",
                                         CF_PASSPHRASE_MIN_LENGTH),
                            CF_PASSPHRASE_MIN_LENGTH);

  folded = g_utf8_casefold (passphrase, -1);
  for (guint i = 0; i < G_N_ELEMENTS (common_passphrases); i++)
    {
      if (strcmp (folded, common_passphrases[i]) == 0)
        return g_strdup (_("That passphrase is too easy to guess. Try three or four unrelated "
                           "words."));
    }

  distinct = g_hash_table_new (NULL, NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    g_hash_table_add (distinct, GUINT_TO_POINTER (g_utf8_get_char (p)));

  if (g_hash_table_size (distinct) < 5)
    return g_strdup (_("That passphrase repeats too few characters to be safe. Try three or "
                       "four unrelated words."));

  return NULL;
}

static gboolean
derive_wrapping_key (const char    *passphrase,
                     const guint8  *salt,
                     guint64        opslimit,
                     gsize          memlimit,
                     guint8        *out,
                     GError       **error)
{
  if (crypto_pwhash (out, crypto_secretbox_KEYBYTES, passphrase, strlen (passphrase), salt,
                     opslimit, memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_FAILED,
                           _("There is not enough memory to check the passphrase."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_key_file (const char    *dir,
                const char    *passphrase,
                const guint8  *db_key,
                GError       **error)
{
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint8 nonce[crypto_secretbox_NONCEBYTES];
  guint8 wrapping_key[crypto_secretbox_KEYBYTES];
  guint8 wrapped[crypto_secretbox_MACBYTES + DB_KEY_BYTES];
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *salt64 = NULL;
  g_autofree char *nonce64 = NULL;
  g_autofree char *wrapped64 = NULL;
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  guint64 opslimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  gsize memlimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  gsize length;
  gboolean ok;

  randombytes_buf (salt, sizeof salt);
  randombytes_buf (nonce, sizeof nonce);

  if (!derive_wrapping_key (passphrase, salt, opslimit, memlimit, wrapping_key, error))
    return FALSE;

  crypto_secretbox_easy (wrapped, db_key, DB_KEY_BYTES, nonce, wrapping_key);
  sodium_memzero (wrapping_key, sizeof wrapping_key);

  salt64 = g_base64_encode (salt, sizeof salt);
  nonce64 = g_base64_encode (nonce, sizeof nonce);
  wrapped64 = g_base64_encode (wrapped, sizeof wrapped);

  g_key_file_set_integer (key_file, KEY_GROUP, "Version", 1);
  g_key_file_set_string (key_file, KEY_GROUP, "Algorithm", "argon2id13+xsalsa20poly1305");
  g_key_file_set_string (key_file, KEY_GROUP, "Salt", salt64);
  g_key_file_set_uint64 (key_file, KEY_GROUP, "OpsLimit", opslimit);
  g_key_file_set_uint64 (key_file, KEY_GROUP, "MemLimit", memlimit);
  g_key_file_set_string (key_file, KEY_GROUP, "Nonce", nonce64);
  g_key_file_set_string (key_file, KEY_GROUP, "WrappedKey", wrapped64);

  data = g_key_file_to_data (key_file, &length, NULL);
  path = g_build_filename (dir, KEY_FILE_NAME, NULL);

  /* Written whole and atomically: a flat battery mid-write must not leave a key that unwraps
   * to nothing. */
  ok = g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error);
  if (!ok)
    g_prefix_error (error, _("Could not save the key file: "));

  return ok;
}

static guint8 *
decode_exact (GKeyFile    *key_file,
              const char  *name,
              gsize        expected,
              GError     **error)
{
  g_autofree char *text = g_key_file_get_string (key_file, KEY_GROUP, name, NULL);
  g_autofree guint8 *bytes = NULL;
  gsize length = 0;

  if (text != NULL)
    bytes = g_base64_decode (text, &length);

  if (bytes == NULL || length != expected)
    {
      g_set_error (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_DAMAGED,
                   _("The key file is damaged (%s). Restore it from a backup or ask your "
                     "coordinator to set up this laptop again."), name);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

/* On success @db_key holds the unwrapped key; the caller wipes it. */
static gboolean
read_key (const char  *dir,
          const char  *passphrase,
          guint8      *db_key,
          GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = g_build_filename (dir, KEY_FILE_NAME, NULL);
  g_autofree guint8 *salt = NULL;
  g_autofree guint8 *nonce = NULL;
  g_autofree guint8 *wrapped = NULL;
  guint8 wrapping_key[crypto_secretbox_KEYBYTES];
  guint64 opslimit;
  guint64 memlimit;
  int rc;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_NOT_FOUND,
                     _("There is no Carefield profile in %s."), dir);
      else
        g_set_error (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_DAMAGED,
                     _("The key file could not be read: %s"), local_error->message);
      return FALSE;
    }

  opslimit = g_key_file_get_uint64 (key_file, KEY_GROUP, "OpsLimit", NULL);
  memlimit = g_key_file_get_uint64 (key_file, KEY_GROUP, "MemLimit", NULL);
  if (opslimit < crypto_pwhash_OPSLIMIT_MIN || opslimit > crypto_pwhash_OPSLIMIT_MAX ||
      memlimit < crypto_pwhash_MEMLIMIT_MIN || memlimit > G_GUINT64_CONSTANT (1) << 32)
    {
      g_set_error_literal (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_DAMAGED,
                           _("The key file is damaged (its limits are out of range)."));
      return FALSE;
    }

  if (!(salt = decode_exact (key_file, "Salt", crypto_pwhash_SALTBYTES, error)) ||
      !(nonce = decode_exact (key_file, "Nonce", crypto_secretbox_NONCEBYTES, error)) ||
      !(wrapped = decode_exact (key_file, "WrappedKey",
                                crypto_secretbox_MACBYTES + DB_KEY_BYTES, error)))
    return FALSE;

  if (!derive_wrapping_key (passphrase, salt, opslimit, memlimit, wrapping_key, error))
    return FALSE;

  rc = crypto_secretbox_open_easy (db_key, wrapped, crypto_secretbox_MACBYTES + DB_KEY_BYTES,
                                   nonce, wrapping_key);
  sodium_memzero (wrapping_key, sizeof wrapping_key);

  if (rc != 0)
    {
      g_set_error_literal (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_WRONG_PASSPHRASE,
                           _("That passphrase is not right. Check Caps Lock and try again."));
      return FALSE;
    }

  return TRUE;
}

static CfStore *
open_store (const char    *dir,
            const guint8  *db_key,
            CfClock       *clock,
            GError       **error)
{
  g_autofree char *db_path = g_build_filename (dir, DB_FILE_NAME, NULL);
  g_autoptr(GBytes) key = g_bytes_new (db_key, DB_KEY_BYTES);

  return cf_store_new (db_path, key, clock, error);
}

/**
 * cf_profile_create:
 * @user_name: (nullable): the worker's name for the audit trail; the login name if %NULL
 *
 * Makes a profile in @dir: a new random database key, wrapped under @passphrase, and a new
 * encrypted store.
 *
 * Returns: (transfer full): the open store
 */
CfStore *
cf_profile_create (const char  *dir,
                   const char  *passphrase,
                   const char  *user_name,
                   CfClock     *clock,
                   GError     **error)
{
  g_autofree char *weakness = NULL;
  g_autofree char *db_path = NULL;
  guint8 db_key[DB_KEY_BYTES];
  CfStore *store;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;

  db_path = g_build_filename (dir, DB_FILE_NAME, NULL);
  if (cf_profile_exists (dir) || g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_EXISTS,
                   _("There is already a Carefield profile in %s."), dir);
      return NULL;
    }

  if ((weakness = cf_passphrase_check (passphrase)) != NULL)
    {
      g_set_error_literal (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_WEAK_PASSPHRASE, weakness);
      return NULL;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_FAILED,
                   _("Could not make the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  randombytes_buf (db_key, sizeof db_key);

  if (!write_key_file (dir, passphrase, db_key, error))
    {
      sodium_memzero (db_key, sizeof db_key);
      return NULL;
    }

  store = open_store (dir, db_key, clock, error);
  sodium_memzero (db_key, sizeof db_key);

  if (store != NULL && user_name != NULL && *user_name != '\0')
    cf_store_set_user_name (store, user_name);

  return store;
}

/**
 * cf_profile_unlock:
 *
 * Returns: (transfer full): the open store, or %NULL with
 *   %CF_PROFILE_ERROR_WRONG_PASSPHRASE when the passphrase is wrong
 */
CfStore *
cf_profile_unlock (const char  *dir,
                   const char  *passphrase,
                   CfClock     *clock,
                   GError     **error)
{
  guint8 db_key[DB_KEY_BYTES];
  CfStore *store;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (passphrase != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;

  if (!read_key (dir, passphrase, db_key, error))
    return NULL;

  store = open_store (dir, db_key, clock, error);
  sodium_memzero (db_key, sizeof db_key);

  if (store != NULL)
    cf_store_audit (store, CF_AUDIT_UNLOCK, "profile", NULL, NULL, NULL);

  return store;
}

gboolean
cf_profile_change_passphrase (const char  *dir,
                              const char  *old_passphrase,
                              const char  *new_passphrase,
                              GError     **error)
{
  g_autofree char *weakness = NULL;
  guint8 db_key[DB_KEY_BYTES];
  gboolean ok;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (old_passphrase != NULL, FALSE);
  g_return_val_if_fail (new_passphrase != NULL, FALSE);

  if (!ensure_sodium (error))
    return FALSE;

  if ((weakness = cf_passphrase_check (new_passphrase)) != NULL)
    {
      g_set_error_literal (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_WEAK_PASSPHRASE, weakness);
      return FALSE;
    }

  if (!read_key (dir, old_passphrase, db_key, error))
    return FALSE;

  ok = write_key_file (dir, new_passphrase, db_key, error);
  sodium_memzero (db_key, sizeof db_key);

  return ok;
}

static gboolean
remove_if_there (const char  *dir,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_FAILED,
                   /* Translators: %1$s is a file, %2$s the system's reason */
                   _("Could not delete %1$s: %2$s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * cf_profile_wipe:
 * @dir: a profile folder
 *
 * Deletes the profile's wrapped key file and its database (with SQLite's -wal and -shm files),
 * so that the profile is back to its first run: DESIGN.md, "Lost laptop", for a device whose
 * token the server has revoked. Files that are already gone are not an error. Close every
 * store on the profile first.
 *
 * The key file goes first: without it the database can never be decrypted, so a wipe cut
 * short (a flat battery, a full disk) still leaves nothing that can be read.
 */
gboolean
cf_profile_wipe (const char  *dir,
                 GError     **error)
{
  static const char * const files[] = {
    KEY_FILE_NAME, DB_FILE_NAME, DB_FILE_NAME "-wal", DB_FILE_NAME "-shm",
    DB_FILE_NAME "-journal",
  };

  g_return_val_if_fail (dir != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      if (!remove_if_there (dir, files[i], error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char    *dir;
  char    *passphrase;
  char    *new_passphrase;
  char    *user_name;
  CfClock *clock;
  gboolean create;
} UnlockData;

static void
wipe_string (char *text)
{
  if (text != NULL)
    sodium_memzero (text, strlen (text));
  g_free (text);
}

static void
unlock_data_free (UnlockData *data)
{
  wipe_string (data->passphrase);
  wipe_string (data->new_passphrase);
  g_free (data->dir);
  g_free (data->user_name);
  g_clear_object (&data->clock);
  g_free (data);
}

/* Unlocks still running in a thread, even those whose caller has gone. The process must not
 * exit under one: OpenSSL (under SQLCipher) tears down its locks at exit, and a thread still
 * writing then crashes. */
static GMutex pending_mutex;
static GCond pending_cond;
static guint n_pending;

static void
pending_add (void)
{
  g_mutex_lock (&pending_mutex);
  n_pending++;
  g_mutex_unlock (&pending_mutex);
}

static void
pending_done (void)
{
  g_mutex_lock (&pending_mutex);
  n_pending--;
  g_cond_broadcast (&pending_cond);
  g_mutex_unlock (&pending_mutex);
}

/**
 * cf_profile_wait_for_pending:
 *
 * Blocks until every unlock or creation started with cf_profile_unlock_async() or
 * cf_profile_create_async() has finished in its thread, abandoned or not. Their callbacks
 * still run later, from the main loop. For the application's shutdown, and for tests.
 */
void
cf_profile_wait_for_pending (void)
{
  g_mutex_lock (&pending_mutex);
  while (n_pending > 0)
    g_cond_wait (&pending_cond, &pending_mutex);
  g_mutex_unlock (&pending_mutex);
}

static void
unlock_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  UnlockData *data = task_data;
  g_autoptr(GError) error = NULL;
  CfStore *store;

  if (data->create)
    store = cf_profile_create (data->dir, data->passphrase, data->user_name, data->clock,
                               &error);
  else
    store = cf_profile_unlock (data->dir, data->passphrase, data->clock, &error);

  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, store, g_object_unref);

  pending_done ();
}

static void
start_unlock_task (gboolean             create,
                   const char          *dir,
                   const char          *passphrase,
                   const char          *user_name,
                   CfClock             *clock,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data,
                   gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  UnlockData *data = g_new0 (UnlockData, 1);

  data->dir = g_strdup (dir);
  data->passphrase = g_strdup (passphrase);
  data->user_name = g_strdup (user_name);
  data->clock = clock ? g_object_ref (clock) : NULL;
  data->create = create;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) unlock_data_free);
  /* Argon2id takes a noticeable fraction of a second by design: never on the main thread. */
  pending_add ();
  g_task_run_in_thread (task, unlock_thread);
}

void
cf_profile_unlock_async (const char          *dir,
                         const char          *passphrase,
                         CfClock             *clock,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (dir != NULL);
  g_return_if_fail (passphrase != NULL);

  start_unlock_task (FALSE, dir, passphrase, NULL, clock, cancellable, callback, user_data,
                     cf_profile_unlock_async);
}

CfStore *
cf_profile_unlock_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_profile_unlock_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
cf_profile_create_async (const char          *dir,
                         const char          *passphrase,
                         const char          *user_name,
                         CfClock             *clock,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_return_if_fail (dir != NULL);
  g_return_if_fail (passphrase != NULL);

  start_unlock_task (TRUE, dir, passphrase, user_name, clock, cancellable, callback, user_data,
                     cf_profile_create_async);
}

CfStore *
cf_profile_create_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == cf_profile_create_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
change_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  UnlockData *data = task_data;
  g_autoptr(GError) error = NULL;

  if (cf_profile_change_passphrase (data->dir, data->passphrase, data->new_passphrase, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * cf_profile_change_passphrase_async:
 *
 * cf_profile_change_passphrase() in a thread: Argon2id runs twice, for the old passphrase and
 * the new one, and must not freeze a window.
 */
void
cf_profile_change_passphrase_async (const char          *dir,
                                    const char          *old_passphrase,
                                    const char          *new_passphrase,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  UnlockData *data;

  g_return_if_fail (dir != NULL);
  g_return_if_fail (old_passphrase != NULL);
  g_return_if_fail (new_passphrase != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  data = g_new0 (UnlockData, 1);
  data->dir = g_strdup (dir);
  data->passphrase = g_strdup (old_passphrase);
  data->new_passphrase = g_strdup (new_passphrase);
  g_task_set_source_tag (task, cf_profile_change_passphrase_async);
  g_task_set_task_data (task, data, (GDestroyNotify) unlock_data_free);
  g_task_run_in_thread (task, change_thread);
}

gboolean
cf_profile_change_passphrase_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        cf_profile_change_passphrase_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
