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

/* One synced record as the server keeps it (src/sync/README.md, "Scope"). The merge state
 * is everything cf_merge() needs; the other columns are what pulling and scope ask about
 * without reading it. */
typedef struct
{
  char     *entity;
  char     *id;
  char     *carer_id;       /* the carer it belongs to; its own id for a carer */
  char     *worker;         /* that carer's worker, as its `worker` field says; "" for none */
  gint64    seq;            /* where its last change sits in the server's sequence */
  gint64    version;
  gboolean  deleted;
  char     *updated_at;     /* ISO 8601, UTC */
  char     *updated_by;     /* the user name */
  char     *state;          /* cf_merge_state_to_json(), as JSON text */
} CfServerRecord;

/* A field the server did not take (DESIGN.md, "Versions and merge"). The values are JSON
 * text, so that no value anyone typed is lost whatever its type. */
typedef struct
{
  gint64  id;
  char   *entity;
  char   *record_id;
  char   *field;
  char   *base;             /* (nullable): the value at the client's base, NULL if unknown */
  char   *server;           /* (nullable): the value kept, NULL if the server had none */
  char   *client;           /* the value not taken */
  gint64  version;          /* the record's version when the conflict was stored */
  gint64  device_id;
  char   *user_name;
  char   *at;
  char   *resolved_at;      /* "" while open */
} CfServerConflict;

/* One entry of the audit trail (DESIGN.md, "Local store"), as a laptop recorded it and as the
 * server received it (src/sync/README.md, "POST /api/v1/audit"). Never changed once stored. */
typedef struct
{
  char   *id;               /* made on the laptop; the server keeps one entry per id */
  char   *received_at;      /* when the server received it, ISO 8601, UTC */
  char   *server_user;      /* the server user whose device sent it */
  gint64  device_id;        /* that device, as `device list` numbers it */
  char   *at;               /* when it happened, by the laptop's clock */
  char   *user_name;        /* who, as the laptop names its user */
  char   *laptop_device;    /* the laptop's own id for itself */
  char   *action;           /* view, create, change, delete, list, export, print, unlock, sync, … */
  char   *entity;
  char   *record_id;        /* "" when it was about no one record */
  char   *detail;           /* a few words, "" for none; never personal data */
} CfServerAuditEntry;

/* Which records a pull may see (DESIGN.md, "Scope, enforced on the server"). */
typedef enum
{
  CF_SERVER_SCOPE_ALL,      /* every record */
  CF_SERVER_SCOPE_WORKER,   /* the records of the carers whose worker is the given name */
  CF_SERVER_SCOPE_CARER,    /* the records of one carer, of the given entities only */
} CfServerScope;

#define CF_TYPE_SERVER_USER     (cf_server_user_get_type ())
#define CF_TYPE_SERVER_DEVICE   (cf_server_device_get_type ())
#define CF_TYPE_SERVER_RECORD   (cf_server_record_get_type ())
#define CF_TYPE_SERVER_CONFLICT (cf_server_conflict_get_type ())
#define CF_TYPE_SERVER_AUDIT_ENTRY (cf_server_audit_entry_get_type ())

GType           cf_server_user_get_type   (void) G_GNUC_CONST;
CfServerUser   *cf_server_user_copy       (const CfServerUser   *user);
void            cf_server_user_free       (CfServerUser         *user);
GType           cf_server_device_get_type (void) G_GNUC_CONST;
CfServerDevice *cf_server_device_copy     (const CfServerDevice *device);
void            cf_server_device_free     (CfServerDevice       *device);
gboolean        cf_server_device_is_revoked (const CfServerDevice *device);

GType             cf_server_record_get_type   (void) G_GNUC_CONST;
CfServerRecord   *cf_server_record_copy       (const CfServerRecord   *record);
void              cf_server_record_free       (CfServerRecord         *record);
GType             cf_server_conflict_get_type (void) G_GNUC_CONST;
CfServerConflict *cf_server_conflict_copy     (const CfServerConflict *conflict);
void              cf_server_conflict_free     (CfServerConflict       *conflict);
GType               cf_server_audit_entry_get_type (void) G_GNUC_CONST;
CfServerAuditEntry *cf_server_audit_entry_copy     (const CfServerAuditEntry *entry);
void                cf_server_audit_entry_free     (CfServerAuditEntry       *entry);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfServerUser, cf_server_user_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfServerDevice, cf_server_device_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfServerRecord, cf_server_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfServerConflict, cf_server_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfServerAuditEntry, cf_server_audit_entry_free)

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

  /* Sync (src/sync/README.md). A push batch is one transaction: begin, then commit, or
   * rollback on any failure, so a batch is saved whole or not at all. */
  gboolean        (*begin)                (CfServerStore  *self,
                                           GError        **error);
  gboolean        (*commit)               (CfServerStore  *self,
                                           GError        **error);
  void            (*rollback)             (CfServerStore  *self);
  /* The server's sequence: every record write takes the next number. */
  gint64          (*get_last_seq)         (CfServerStore  *self,
                                           GError        **error);
  gint64          (*next_seq)             (CfServerStore  *self,
                                           GError        **error);
  CfServerRecord *(*lookup_record)        (CfServerStore  *self,
                                           const char     *entity,
                                           const char     *id,
                                           GError        **error);
  /* Inserts, or replaces the record with the same entity and id. */
  gboolean        (*write_record)         (CfServerStore  *self,
                                           const CfServerRecord *record,
                                           GError        **error);
  GPtrArray      *(*list_carer_records)   (CfServerStore  *self,
                                           const char     *carer_id,
                                           GError        **error);
  /* At most @limit records in @scope with a seq after @after, by seq. @who is the worker's
   * name or the carer's id; @entities (CF_SERVER_SCOPE_CARER only) the entities shown. */
  GPtrArray      *(*list_changes)         (CfServerStore  *self,
                                           CfServerScope   scope,
                                           const char     *who,
                                           const char * const *entities,
                                           gint64          after,
                                           guint           limit,
                                           GError        **error);
  /* The result first returned for @op_id, as JSON text. */
  char           *(*lookup_applied_op)    (CfServerStore  *self,
                                           const char     *op_id,
                                           gint64         *device_id,
                                           GError        **error);
  gboolean        (*insert_applied_op)    (CfServerStore  *self,
                                           const char     *op_id,
                                           gint64          device_id,
                                           const char     *result,
                                           const char     *at,
                                           GError        **error);
  gint64          (*insert_conflict)      (CfServerStore  *self,
                                           const CfServerConflict *conflict,
                                           GError        **error);
  /* Marks resolved, at @at, the open conflicts on one field stored at @up_to or before. */
  gboolean        (*resolve_conflicts)    (CfServerStore  *self,
                                           const char     *entity,
                                           const char     *record_id,
                                           const char     *field,
                                           gint64          up_to,
                                           const char     *at,
                                           GError        **error);
  /* @entity and @record_id may be %NULL for all. */
  GPtrArray      *(*list_conflicts)       (CfServerStore  *self,
                                           const char     *entity,
                                           const char     *record_id,
                                           GError        **error);
  /* The scope log: carer @carer_id left @user_name's caseload at @seq. */
  gboolean        (*insert_scope_log)     (CfServerStore  *self,
                                           gint64          seq,
                                           const char     *carer_id,
                                           const char     *user_name,
                                           GError        **error);
  /* The carer ids, each once, that left @user_name's caseload after @after, up to @up_to. */
  GPtrArray      *(*list_scope_log)       (CfServerStore  *self,
                                           const char     *user_name,
                                           gint64          after,
                                           gint64          up_to,
                                           GError        **error);

  /* The audit trail, append-only: an entry is never changed or removed once stored. Stores
   * @entry unless an entry with its id is there already; *@inserted says which. The caller
   * holds the transaction (begin … commit). */
  gboolean        (*insert_audit)         (CfServerStore  *self,
                                           const CfServerAuditEntry *entry,
                                           gboolean       *inserted,
                                           GError        **error);
  /* The newest @limit entries (0 for all), by when they happened, oldest first. @record_id
   * and @server_user may be %NULL for any. */
  GPtrArray      *(*list_audit)           (CfServerStore  *self,
                                           const char     *record_id,
                                           const char     *server_user,
                                           guint           limit,
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

gint64          cf_server_store_get_last_seq     (CfServerStore   *self,
                                                  GError         **error);
CfServerRecord *cf_server_store_lookup_record    (CfServerStore   *self,
                                                  const char      *entity,
                                                  const char      *id,
                                                  GError         **error);
GPtrArray      *cf_server_store_list_conflicts   (CfServerStore   *self,
                                                  const char      *entity,
                                                  const char      *record_id,
                                                  GError         **error);

gboolean        cf_server_store_add_audit        (CfServerStore   *self,
                                                  GPtrArray       *entries,
                                                  guint           *stored,
                                                  GError         **error);
GPtrArray      *cf_server_store_list_audit       (CfServerStore   *self,
                                                  const char      *record_id,
                                                  const char      *server_user,
                                                  guint            limit,
                                                  GError         **error);

G_END_DECLS
