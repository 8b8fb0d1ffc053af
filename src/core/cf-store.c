/* cf-store.c: the encrypted local store
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "Local store": SQLCipher with a raw 32-byte key, WAL, foreign keys and
 * secure_delete on, numbered migrations run in one transaction each at open, and an outbox row
 * and an audit row written in the same transaction as every change. The SQL here must run on
 * the SQLite 3.15 that Debian 12's SQLCipher is built on: no UPSERT, no window functions, no
 * RETURNING, no JSON1.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <sqlcipher/sqlite3.h>
#include <string.h>

#include "cf-carer-event.h"
#include "cf-carer-private.h"
#include "cf-database.h"
#include "cf-entities.h"
#include "cf-record-private.h"
#include "cf-store-private.h"

struct _CfStore
{
  GObject   parent_instance;

  char     *path;
  GBytes   *key;
  CfClock  *clock;
  int       target_version;

  sqlite3  *db;
  char     *device_id;
  char     *user_name;
  char     *role;

  /* The carer of the last parent looked up during a save: the answers of one assessment, or
   * the needs of one plan, are saved together, and all belong to the same carer. */
  char     *carer_cache_parent;
  char     *carer_cache_carer;
  /* Carer id to how many outbox rows the save under way has added for them. */
  GHashTable *new_outbox_rows;
};

static void cf_store_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CfStore, cf_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE,
                                                      cf_store_initable_iface_init))

G_DEFINE_QUARK (cf-store-error-quark, cf_store_error)

enum {
  PROP_0,
  PROP_PATH,
  PROP_KEY,
  PROP_CLOCK,
  PROP_TARGET_VERSION,
  PROP_ROLE,
  N_PROPS
};

enum {
  RECORD_SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The columns every synced entity has (DESIGN.md, "Local store"). Migrations before 4 spell
 * them out; they have shipped and are never edited. */
#define SYNC_COLUMNS \
  "  id TEXT PRIMARY KEY NOT NULL," \
  "  version INTEGER NOT NULL DEFAULT 0," \
  "  sync_state TEXT NOT NULL DEFAULT 'local'" \
  "    CHECK (sync_state IN ('synced', 'local', 'conflict', 'error'))," \
  "  updated_at TEXT NOT NULL," \
  "  updated_by TEXT NOT NULL," \
  "  deleted INTEGER NOT NULL DEFAULT 0,"

/* Migration N takes the schema from version N-1 to N. Never edit one that has shipped: add
 * the next. */
static const char *migrations[] = {
  NULL,

  /* 1: carers, the people they care for, and the outbox and audit trail. */
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL);"
  "INSERT INTO meta (key, value) VALUES ('device_id', lower (hex (randomblob (16))));"
  "CREATE TABLE carer ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 0,"
  "  sync_state TEXT NOT NULL DEFAULT 'local'"
  "    CHECK (sync_state IN ('synced', 'local', 'conflict', 'error')),"
  "  updated_at TEXT NOT NULL,"
  "  updated_by TEXT NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  reference TEXT NOT NULL DEFAULT '',"
  "  given_name TEXT NOT NULL DEFAULT '',"
  "  family_name TEXT NOT NULL DEFAULT '',"
  "  preferred_name TEXT NOT NULL DEFAULT '',"
  "  date_of_birth TEXT NOT NULL DEFAULT '',"
  "  address TEXT NOT NULL DEFAULT '',"
  "  postcode TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  contact_method TEXT NOT NULL DEFAULT '',"
  "  locality TEXT NOT NULL DEFAULT '',"
  "  rural_isolated INTEGER NOT NULL DEFAULT 0,"
  "  communication_needs TEXT NOT NULL DEFAULT '',"
  "  preferred_language TEXT NOT NULL DEFAULT '',"
  "  interpreter_needed INTEGER NOT NULL DEFAULT 0,"
  "  referral_source TEXT NOT NULL DEFAULT '',"
  "  referral_reason TEXT NOT NULL DEFAULT '',"
  "  referral_received_at TEXT NOT NULL DEFAULT '',"
  "  referral_consent INTEGER NOT NULL DEFAULT 0,"
  "  priority TEXT NOT NULL DEFAULT '',"
  "  priority_reason TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'waiting',"
  "  first_contact_at TEXT NOT NULL DEFAULT '',"
  "  closed_at TEXT NOT NULL DEFAULT '',"
  "  closure_reason TEXT NOT NULL DEFAULT '',"
  "  worker TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX carer_by_reference ON carer (reference);"
  "CREATE TABLE cared_for ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 0,"
  "  sync_state TEXT NOT NULL DEFAULT 'local'"
  "    CHECK (sync_state IN ('synced', 'local', 'conflict', 'error')),"
  "  updated_at TEXT NOT NULL,"
  "  updated_by TEXT NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  carer_id TEXT NOT NULL REFERENCES carer (id) DEFERRABLE INITIALLY DEFERRED,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  relationship TEXT NOT NULL DEFAULT '',"
  "  lives_with_carer INTEGER NOT NULL DEFAULT 0,"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX cared_for_by_carer ON cared_for (carer_id);"
  "CREATE TABLE outbox ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  op_id TEXT NOT NULL UNIQUE,"
  "  entity TEXT NOT NULL,"
  "  record_id TEXT NOT NULL,"
  "  operation TEXT NOT NULL CHECK (operation IN ('create', 'update', 'delete')),"
  "  base_version INTEGER NOT NULL,"
  "  fields TEXT NOT NULL,"
  "  created_at TEXT NOT NULL,"
  "  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'error')),"
  "  error TEXT);"
  "CREATE TABLE audit ("
  "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  id TEXT NOT NULL UNIQUE,"
  "  at TEXT NOT NULL,"
  "  user_name TEXT NOT NULL,"
  "  device_id TEXT NOT NULL,"
  "  action TEXT NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  record_id TEXT,"
  "  detail TEXT);"
  "CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit trail cannot be changed'); END;"
  "CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit trail cannot be changed'); END;",

  /* 2: the carer's history: first contact, waiting-well calls, re-ratings, closure. */
  "CREATE TABLE carer_event ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 0,"
  "  sync_state TEXT NOT NULL DEFAULT 'local'"
  "    CHECK (sync_state IN ('synced', 'local', 'conflict', 'error')),"
  "  updated_at TEXT NOT NULL,"
  "  updated_by TEXT NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  carer_id TEXT NOT NULL REFERENCES carer (id) DEFERRABLE INITIALLY DEFERRED,"
  "  kind TEXT NOT NULL,"
  "  occurred_at TEXT NOT NULL DEFAULT '',"
  "  recorded_by TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  previous_priority TEXT NOT NULL DEFAULT '',"
  "  priority TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX carer_event_by_carer ON carer_event (carer_id, occurred_at);",

  /* 3: carers' assessments, one row per answer, and history entries that point at them. */
  "CREATE TABLE assessment ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 0,"
  "  sync_state TEXT NOT NULL DEFAULT 'local'"
  "    CHECK (sync_state IN ('synced', 'local', 'conflict', 'error')),"
  "  updated_at TEXT NOT NULL,"
  "  updated_by TEXT NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  carer_id TEXT NOT NULL REFERENCES carer (id) DEFERRABLE INITIALLY DEFERRED,"
  "  kind TEXT NOT NULL DEFAULT '',"
  "  mode TEXT NOT NULL DEFAULT '',"
  "  template TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'draft',"
  "  assessed_on TEXT NOT NULL DEFAULT '',"
  "  assessor TEXT NOT NULL DEFAULT '',"
  "  people_involved TEXT NOT NULL DEFAULT '',"
  "  previous_id TEXT NOT NULL DEFAULT '',"
  "  revision INTEGER NOT NULL DEFAULT 0,"
  "  proposed TEXT NOT NULL DEFAULT '',"
  "  decision TEXT NOT NULL DEFAULT '',"
  "  decision_reason TEXT NOT NULL DEFAULT '',"
  "  decided_by TEXT NOT NULL DEFAULT '',"
  "  decided_by_name TEXT NOT NULL DEFAULT '',"
  "  council_signoff_by TEXT NOT NULL DEFAULT '',"
  "  council_signoff_on TEXT NOT NULL DEFAULT '',"
  "  finished_at TEXT NOT NULL DEFAULT '',"
  "  finished_by TEXT NOT NULL DEFAULT '',"
  "  returned_at TEXT NOT NULL DEFAULT '',"
  "  returned_by TEXT NOT NULL DEFAULT '',"
  "  return_reason TEXT NOT NULL DEFAULT '',"
  "  record_given_on TEXT NOT NULL DEFAULT '',"
  "  record_given_how TEXT NOT NULL DEFAULT '',"
  "  record_language TEXT NOT NULL DEFAULT '',"
  "  record_large_print INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX assessment_by_carer ON assessment (carer_id);"
  "CREATE TABLE assessment_answer ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  version INTEGER NOT NULL DEFAULT 0,"
  "  sync_state TEXT NOT NULL DEFAULT 'local'"
  "    CHECK (sync_state IN ('synced', 'local', 'conflict', 'error')),"
  "  updated_at TEXT NOT NULL,"
  "  updated_by TEXT NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  assessment_id TEXT NOT NULL REFERENCES assessment (id) DEFERRABLE INITIALLY DEFERRED,"
  "  question TEXT NOT NULL,"
  "  value TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX assessment_answer_by_assessment ON assessment_answer (assessment_id);"
  "ALTER TABLE carer_event ADD COLUMN related_id TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE carer ADD COLUMN closure_outcome TEXT NOT NULL DEFAULT '';",

  /* 4: after the decision: support plans (versioned), their needs and actions, breaks,
   * emergency plans and contacts, direct payments with balance returns and personal
   * assistants, reviews, queued text reminders, and the carer's consent to texts. */
  "CREATE TABLE support_plan ("
  SYNC_COLUMNS
  "  carer_id TEXT NOT NULL REFERENCES carer (id) DEFERRABLE INITIALLY DEFERRED,"
  "  assessment_id TEXT NOT NULL DEFAULT '',"
  "  number INTEGER NOT NULL DEFAULT 0,"
  "  previous_id TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT '',"
  "  change_reason TEXT NOT NULL DEFAULT '',"
  "  outcomes TEXT NOT NULL DEFAULT '',"
  "  prevention_advice TEXT NOT NULL DEFAULT '',"
  "  cost_pence INTEGER NOT NULL DEFAULT 0,"
  "  carer_contribution_pence INTEGER NOT NULL DEFAULT 0,"
  "  breaks_short_notice INTEGER NOT NULL DEFAULT 0,"
  "  breaks_day INTEGER NOT NULL DEFAULT 0,"
  "  breaks_long INTEGER NOT NULL DEFAULT 0,"
  "  carer_agrees INTEGER NOT NULL DEFAULT 0,"
  "  carer_comments TEXT NOT NULL DEFAULT '',"
  "  agreed_on TEXT NOT NULL DEFAULT '',"
  "  agreed_by TEXT NOT NULL DEFAULT '',"
  "  copy_given_on TEXT NOT NULL DEFAULT '',"
  "  copy_format TEXT NOT NULL DEFAULT '',"
  "  superseded_on TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX support_plan_by_carer ON support_plan (carer_id);"
  "CREATE TABLE plan_need ("
  SYNC_COLUMNS
  "  plan_id TEXT NOT NULL REFERENCES support_plan (id) DEFERRABLE INITIALLY DEFERRED,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  need TEXT NOT NULL DEFAULT '',"
  "  source TEXT NOT NULL DEFAULT '',"
  "  eligibility TEXT NOT NULL DEFAULT '',"
  "  how_far TEXT NOT NULL DEFAULT '',"
  "  met_by TEXT NOT NULL DEFAULT '',"
  "  how TEXT NOT NULL DEFAULT '',"
  "  cared_for_consent INTEGER NOT NULL DEFAULT 0,"
  "  outcome TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX plan_need_by_plan ON plan_need (plan_id);"
  "CREATE TABLE plan_action ("
  SYNC_COLUMNS
  "  plan_id TEXT NOT NULL REFERENCES support_plan (id) DEFERRABLE INITIALLY DEFERRED,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  what TEXT NOT NULL DEFAULT '',"
  "  who TEXT NOT NULL DEFAULT '',"
  "  due_on TEXT NOT NULL DEFAULT '',"
  "  done_on TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX plan_action_by_plan ON plan_action (plan_id);"
  "CREATE TABLE carer_break ("
  SYNC_COLUMNS
  "  carer_id TEXT NOT NULL REFERENCES carer (id) DEFERRABLE INITIALLY DEFERRED,"
  "  plan_id TEXT NOT NULL DEFAULT '',"
  "  kind TEXT NOT NULL DEFAULT '',"
  "  taken_on TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX carer_break_by_carer ON carer_break (carer_id);"
  "CREATE TABLE emergency_plan ("
  SYNC_COLUMNS
  "  carer_id TEXT NOT NULL REFERENCES carer (id) DEFERRABLE INITIALLY DEFERRED,"
  "  if_none_can_come TEXT NOT NULL DEFAULT '',"
  "  medication TEXT NOT NULL DEFAULT '',"
  "  medication_kept TEXT NOT NULL DEFAULT '',"
  "  routines TEXT NOT NULL DEFAULT '',"
  "  appointments TEXT NOT NULL DEFAULT '',"
  "  mobility TEXT NOT NULL DEFAULT '',"
  "  communication TEXT NOT NULL DEFAULT '',"
  "  home_access TEXT NOT NULL DEFAULT '',"
  "  pets TEXT NOT NULL DEFAULT '',"
  "  other TEXT NOT NULL DEFAULT '',"
  "  card_phone TEXT NOT NULL DEFAULT '',"
  "  agreed_on TEXT NOT NULL DEFAULT '',"
  "  last_checked_on TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX emergency_plan_by_carer ON emergency_plan (carer_id);"
  "CREATE TABLE emergency_contact ("
  SYNC_COLUMNS
  "  emergency_plan_id TEXT NOT NULL REFERENCES emergency_plan (id) DEFERRABLE INITIALLY DEFERRED,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  relationship TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  can_help_with TEXT NOT NULL DEFAULT '',"
  "  agreed INTEGER NOT NULL DEFAULT 0,"
  "  agreed_on TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX emergency_contact_by_emergency_plan ON emergency_contact (emergency_plan_id);"
  "CREATE TABLE direct_payment ("
  SYNC_COLUMNS
  "  carer_id TEXT NOT NULL REFERENCES carer (id) DEFERRABLE INITIALLY DEFERRED,"
  "  plan_id TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT '',"
  "  term TEXT NOT NULL DEFAULT '',"
  "  bridges_id TEXT NOT NULL DEFAULT '',"
  "  purpose TEXT NOT NULL DEFAULT '',"
  "  amount_pence INTEGER NOT NULL DEFAULT 0,"
  "  frequency TEXT NOT NULL DEFAULT '',"
  "  capacity TEXT NOT NULL DEFAULT '',"
  "  authorised_person TEXT NOT NULL DEFAULT '',"
  "  consent INTEGER NOT NULL DEFAULT 0,"
  "  able_to_manage TEXT NOT NULL DEFAULT '',"
  "  appropriate INTEGER NOT NULL DEFAULT 0,"
  "  decided_by TEXT NOT NULL DEFAULT '',"
  "  decided_on TEXT NOT NULL DEFAULT '',"
  "  method TEXT NOT NULL DEFAULT '',"
  "  method_reason TEXT NOT NULL DEFAULT '',"
  "  budget_holder TEXT NOT NULL DEFAULT '',"
  "  cardholder TEXT NOT NULL DEFAULT '',"
  "  pays_close_relative INTEGER NOT NULL DEFAULT 0,"
  "  close_relative_reason TEXT NOT NULL DEFAULT '',"
  "  not_allowed TEXT NOT NULL DEFAULT '',"
  "  not_allowed_reason TEXT NOT NULL DEFAULT '',"
  "  requested_on TEXT NOT NULL DEFAULT '',"
  "  agreed_on TEXT NOT NULL DEFAULT '',"
  "  agreement_signed_on TEXT NOT NULL DEFAULT '',"
  "  first_payment_on TEXT NOT NULL DEFAULT '',"
  "  ended_on TEXT NOT NULL DEFAULT '',"
  "  end_reason TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX direct_payment_by_carer ON direct_payment (carer_id);"
  "CREATE TABLE balance_return ("
  SYNC_COLUMNS
  "  direct_payment_id TEXT NOT NULL REFERENCES direct_payment (id) DEFERRABLE INITIALLY DEFERRED,"
  "  returned_on TEXT NOT NULL DEFAULT '',"
  "  balance_pence INTEGER NOT NULL DEFAULT 0,"
  "  one_off_spent_pence INTEGER NOT NULL DEFAULT 0,"
  "  surplus_pence INTEGER NOT NULL DEFAULT 0,"
  "  recovered_pence INTEGER NOT NULL DEFAULT 0,"
  "  recovered_on TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX balance_return_by_direct_payment ON balance_return (direct_payment_id);"
  "CREATE TABLE personal_assistant ("
  SYNC_COLUMNS
  "  direct_payment_id TEXT NOT NULL REFERENCES direct_payment (id) DEFERRABLE INITIALLY DEFERRED,"
  "  name TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT '',"
  "  vacant_since TEXT NOT NULL DEFAULT '',"
  "  right_to_work_checked_on TEXT NOT NULL DEFAULT '',"
  "  contract_signed_on TEXT NOT NULL DEFAULT '',"
  "  dbs_checked_on TEXT NOT NULL DEFAULT '',"
  "  insurance_expires_on TEXT NOT NULL DEFAULT '',"
  "  payroll_provider TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX personal_assistant_by_direct_payment ON personal_assistant (direct_payment_id);"
  "CREATE TABLE review ("
  SYNC_COLUMNS
  "  carer_id TEXT NOT NULL REFERENCES carer (id) DEFERRABLE INITIALLY DEFERRED,"
  "  subject TEXT NOT NULL DEFAULT '',"
  "  subject_id TEXT NOT NULL DEFAULT '',"
  "  kind TEXT NOT NULL DEFAULT '',"
  "  reason TEXT NOT NULL DEFAULT '',"
  "  reason_notes TEXT NOT NULL DEFAULT '',"
  "  requested_on TEXT NOT NULL DEFAULT '',"
  "  requested_by TEXT NOT NULL DEFAULT '',"
  "  held_on TEXT NOT NULL DEFAULT '',"
  "  reviewer TEXT NOT NULL DEFAULT '',"
  "  outcome TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX review_by_carer ON review (carer_id);"
  "CREATE TABLE text_reminder ("
  SYNC_COLUMNS
  "  carer_id TEXT NOT NULL REFERENCES carer (id) DEFERRABLE INITIALLY DEFERRED,"
  "  about TEXT NOT NULL DEFAULT '',"
  "  subject_id TEXT NOT NULL DEFAULT '',"
  "  send_on TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  message TEXT NOT NULL DEFAULT '',"
  "  state TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX text_reminder_by_carer ON text_reminder (carer_id);"
  "ALTER TABLE carer ADD COLUMN texts_consent INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE carer ADD COLUMN texts_consent_on TEXT NOT NULL DEFAULT '';",

  /* 5: sync. An outbox row that has gone up in a push batch is marked sent and never changed
   * again; rows written from now on hold their fields as JSON, and the rows already there keep
   * their GVariant text and say so. Conflicts the server reports are kept until a person
   * resolves them (DESIGN.md: no value that anyone typed is ever discarded). */
  "ALTER TABLE outbox ADD COLUMN sent INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE outbox ADD COLUMN fields_format TEXT NOT NULL DEFAULT 'gvariant';"
  "CREATE INDEX outbox_by_record ON outbox (record_id, state);"
  "CREATE TABLE sync_conflict ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  entity TEXT NOT NULL,"
  "  record_id TEXT NOT NULL,"
  "  field TEXT NOT NULL,"
  "  base TEXT,"
  "  server TEXT,"
  "  client TEXT NOT NULL,"
  "  reported_at TEXT NOT NULL,"
  "  resolved_at TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX sync_conflict_by_record ON sync_conflict (record_id);",

  /* 6: each outbox row names the carer its record belongs to (following parent fields, as in
   * cf-entities.c), and outbox_carer counts each carer's rows waiting and refused: new rows
   * as a save writes them (count_outbox_rows()), rows that change state or go by triggers,
   * whichever connection changes them. So the caseload marks carers with changes not yet
   * synced by reading one row per carer, however many rows the outbox holds (a new profile's
   * whole caseload before its first sync). Rows already there are filled in from their
   * records; a row whose record cannot be found belongs to no carer (''). */
  "ALTER TABLE outbox ADD COLUMN carer_id TEXT NOT NULL DEFAULT '';"
  "UPDATE outbox SET carer_id = coalesce (CASE entity"
  "  WHEN 'carer' THEN record_id"
  "  WHEN 'cared_for' THEN (SELECT carer_id FROM cared_for WHERE id = outbox.record_id)"
  "  WHEN 'carer_event' THEN (SELECT carer_id FROM carer_event WHERE id = outbox.record_id)"
  "  WHEN 'assessment' THEN (SELECT carer_id FROM assessment WHERE id = outbox.record_id)"
  "  WHEN 'assessment_answer' THEN (SELECT a.carer_id FROM assessment_answer AS x"
  "    JOIN assessment AS a ON a.id = x.assessment_id WHERE x.id = outbox.record_id)"
  "  WHEN 'support_plan' THEN (SELECT carer_id FROM support_plan WHERE id = outbox.record_id)"
  "  WHEN 'plan_need' THEN (SELECT p.carer_id FROM plan_need AS x"
  "    JOIN support_plan AS p ON p.id = x.plan_id WHERE x.id = outbox.record_id)"
  "  WHEN 'plan_action' THEN (SELECT p.carer_id FROM plan_action AS x"
  "    JOIN support_plan AS p ON p.id = x.plan_id WHERE x.id = outbox.record_id)"
  "  WHEN 'carer_break' THEN (SELECT carer_id FROM carer_break WHERE id = outbox.record_id)"
  "  WHEN 'emergency_plan' THEN (SELECT carer_id FROM emergency_plan"
  "    WHERE id = outbox.record_id)"
  "  WHEN 'emergency_contact' THEN (SELECT p.carer_id FROM emergency_contact AS x"
  "    JOIN emergency_plan AS p ON p.id = x.emergency_plan_id WHERE x.id = outbox.record_id)"
  "  WHEN 'direct_payment' THEN (SELECT carer_id FROM direct_payment"
  "    WHERE id = outbox.record_id)"
  "  WHEN 'balance_return' THEN (SELECT d.carer_id FROM balance_return AS x"
  "    JOIN direct_payment AS d ON d.id = x.direct_payment_id WHERE x.id = outbox.record_id)"
  "  WHEN 'personal_assistant' THEN (SELECT d.carer_id FROM personal_assistant AS x"
  "    JOIN direct_payment AS d ON d.id = x.direct_payment_id WHERE x.id = outbox.record_id)"
  "  WHEN 'review' THEN (SELECT carer_id FROM review WHERE id = outbox.record_id)"
  "  WHEN 'text_reminder' THEN (SELECT carer_id FROM text_reminder"
  "    WHERE id = outbox.record_id)"
  "  END, '');"
  "CREATE INDEX outbox_refused_by_carer ON outbox (carer_id) WHERE state = 'error';"
  "CREATE TABLE outbox_carer ("
  "  carer_id TEXT PRIMARY KEY NOT NULL,"
  "  pending INTEGER NOT NULL DEFAULT 0,"
  "  errors INTEGER NOT NULL DEFAULT 0);"
  "INSERT INTO outbox_carer (carer_id, pending, errors)"
  "  SELECT carer_id, sum (state = 'pending'), sum (state = 'error') FROM outbox"
  "  GROUP BY carer_id;"
  "CREATE TRIGGER outbox_carer_delete AFTER DELETE ON outbox BEGIN"
  "  UPDATE outbox_carer SET pending = pending - (OLD.state = 'pending'),"
  "    errors = errors - (OLD.state = 'error') WHERE carer_id = OLD.carer_id;"
  "  DELETE FROM outbox_carer WHERE carer_id = OLD.carer_id AND pending = 0 AND errors = 0;"
  "END;"
  "CREATE TRIGGER outbox_carer_update AFTER UPDATE OF state, carer_id ON outbox"
  "  WHEN OLD.state IS NOT NEW.state OR OLD.carer_id IS NOT NEW.carer_id BEGIN"
  "  UPDATE outbox_carer SET pending = pending - (OLD.state = 'pending'),"
  "    errors = errors - (OLD.state = 'error') WHERE carer_id = OLD.carer_id;"
  "  DELETE FROM outbox_carer WHERE carer_id = OLD.carer_id AND pending = 0 AND errors = 0;"
  "  INSERT OR IGNORE INTO outbox_carer (carer_id) VALUES (NEW.carer_id);"
  "  UPDATE outbox_carer SET pending = pending + (NEW.state = 'pending'),"
  "    errors = errors + (NEW.state = 'error') WHERE carer_id = NEW.carer_id;"
  "END;",

  /* 7: INSERT OR REPLACE deletes the old row without firing delete triggers (recursive
   * triggers are off), so it could rewrite an audit entry: an insert of an id already there
   * is refused outright. */
  "CREATE TRIGGER audit_is_append_only_replace BEFORE INSERT ON audit"
  "  WHEN EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)"
  "  BEGIN SELECT RAISE (ABORT, 'the audit trail cannot be changed'); END;",

  /* 8: what carers say about their own plans in carer review mode (cf-carer-response.c). */
  "CREATE TABLE carer_response ("
  SYNC_COLUMNS
  "  carer_id TEXT NOT NULL REFERENCES carer (id) DEFERRABLE INITIALLY DEFERRED,"
  "  plan_id TEXT NOT NULL DEFAULT '',"
  "  kind TEXT NOT NULL DEFAULT '',"
  "  text TEXT NOT NULL DEFAULT '',"
  "  given_at TEXT NOT NULL DEFAULT '',"
  "  given_by TEXT NOT NULL DEFAULT '',"
  "  recorded_by TEXT NOT NULL DEFAULT '',"
  "  language TEXT NOT NULL DEFAULT '',"
  "  review_id TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX carer_response_by_carer ON carer_response (carer_id);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CF_STORE_SCHEMA_VERSION + 1);

static gboolean
closed_error (GError **error)
{
  g_set_error_literal (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED,
                       _("The database is closed. Unlock Carefield to carry on."));
  return FALSE;
}

gboolean
cf_store_exec (CfStore     *self,
               const char  *sql,
               GError     **error)
{
  if (self->db == NULL)
    return closed_error (error);

  return cf_database_exec (self->db, sql, error);
}

static sqlite3_stmt *
prepare (CfStore     *self,
         const char  *sql,
         GError     **error)
{
  if (self->db == NULL)
    {
      closed_error (error);
      return NULL;
    }

  return cf_database_prepare (self->db, sql, error);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static int
query_int (CfStore     *self,
           const char  *sql,
           GError     **error)
{
  if (self->db == NULL)
    {
      closed_error (error);
      return -1;
    }

  return cf_database_query_int (self->db, sql, error);
}

static char *
meta_get (CfStore    *self,
          const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "SELECT value FROM meta WHERE key = ?", NULL);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  return NULL;
}

static gboolean
meta_set (CfStore     *self,
          const char  *key,
          const char  *value,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    prepare (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cf_database_set_error (error, self->db, _("save a setting"));

  return TRUE;
}

/**
 * cf_store_prepare:
 *
 * Returns: (transfer full) (nullable): the statement, for sqlite3_finalize(), or %NULL with
 *   @error set (also when the store is closed)
 */
struct sqlite3_stmt *
cf_store_prepare (CfStore     *self,
                  const char  *sql,
                  GError     **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  return prepare (self, sql, error);
}

/**
 * cf_store_dup_meta:
 * @key: a setting's name
 *
 * Returns: (transfer full) (nullable): the setting, or %NULL when it is not set (with @error
 *   unset) or could not be read (with @error set)
 */
char *
cf_store_dup_meta (CfStore     *self,
                   const char  *key,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if ((stmt = prepare (self, "SELECT value FROM meta WHERE key = ?", error)) == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    cf_database_set_error (error, self->db, _("read a setting"));

  return NULL;
}

/**
 * cf_store_set_meta:
 * @value: (nullable): the new value; %NULL removes the setting
 */
gboolean
cf_store_set_meta (CfStore     *self,
                   const char  *key,
                   const char  *value,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (value != NULL)
    return meta_set (self, key, value, error);

  if ((stmt = prepare (self, "DELETE FROM meta WHERE key = ?", error)) == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cf_database_set_error (error, self->db, _("save a setting"));

  return TRUE;
}

static gboolean
migrate (CfStore  *self,
         GError  **error)
{
  return cf_database_migrate (self->db, migrations, CF_STORE_SCHEMA_VERSION,
                              self->target_version, error);
}

static gboolean
cf_store_initable_init (GInitable     *initable,
                        GCancellable  *cancellable,
                        GError       **error)
{
  CfStore *self = CF_STORE (initable);

  g_return_val_if_fail (self->path != NULL, FALSE);
  g_return_val_if_fail (self->key != NULL, FALSE);

  self->db = cf_database_open (self->path, self->key, error);
  if (self->db == NULL)
    return FALSE;

  if (!migrate (self, error))
    return FALSE;

  self->device_id = meta_get (self, "device_id");
  self->user_name = meta_get (self, "user_name");
  if (self->user_name == NULL)
    self->user_name = g_strdup (g_get_user_name ());
  self->role = meta_get (self, "role");
  if (self->role == NULL)
    self->role = g_strdup (CF_ROLE_WORKER);

  return TRUE;
}

static void
cf_store_initable_iface_init (GInitableIface *iface)
{
  iface->init = cf_store_initable_init;
}

static void
cf_store_finalize (GObject *object)
{
  CfStore *self = CF_STORE (object);

  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->key, g_bytes_unref);
  g_clear_object (&self->clock);
  g_free (self->path);
  g_free (self->device_id);
  g_free (self->user_name);
  g_free (self->role);
  g_free (self->carer_cache_parent);
  g_free (self->carer_cache_carer);
  g_clear_pointer (&self->new_outbox_rows, g_hash_table_unref);

  G_OBJECT_CLASS (cf_store_parent_class)->finalize (object);
}

static void
cf_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CfStore *self = CF_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_store_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  CfStore *self = CF_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_KEY:
      self->key = g_value_dup_boxed (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      if (self->clock == NULL)
        self->clock = cf_clock_new_system ();
      break;
    case PROP_TARGET_VERSION:
      self->target_version = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_store_class_init (CfStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cf_store_finalize;
  object_class->get_property = cf_store_get_property;
  object_class->set_property = cf_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] =
    g_param_spec_boxed ("key", NULL, NULL, G_TYPE_BYTES,
                        G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL, CF_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_VERSION] =
    g_param_spec_int ("target-version", NULL, NULL, 0, CF_STORE_SCHEMA_VERSION,
                      CF_STORE_SCHEMA_VERSION,
                      G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfStore::record-saved:
   * @record: the record, as it now stands in the store
   *
   * Emitted after a transaction that saved @record has committed.
   */
  signals[RECORD_SAVED] =
    g_signal_new ("record-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CF_TYPE_RECORD);
}

static void
cf_store_init (CfStore *self)
{
  self->target_version = CF_STORE_SCHEMA_VERSION;
  self->new_outbox_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * cf_store_new:
 * @path: the database file
 * @key: the 32-byte database key
 * @clock: (nullable): the clock for timestamps; the system clock if %NULL
 *
 * Opens (creating if needed) and migrates the encrypted store.
 */
CfStore *
cf_store_new (const char  *path,
              GBytes      *key,
              CfClock     *clock,
              GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_initable_new (CF_TYPE_STORE, NULL, error,
                         "path", path, "key", key, "clock", clock, NULL);
}

/**
 * cf_store_open_another:
 *
 * Opens a second connection to the same database with the same key and clock. The sync
 * worker thread works on one of its own, so that the window's connection never waits on a
 * sync (DESIGN.md, "Layers": long work never blocks typing). In WAL mode a reader on either
 * connection never waits; writers take turns within the busy timeout.
 *
 * Returns: (transfer full): the new store, or %NULL with @error set
 */
CfStore *
cf_store_open_another (CfStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  if (self->db == NULL)
    {
      closed_error (error);
      return NULL;
    }

  return cf_store_new (self->path, self->key, self->clock, error);
}

CfStore *
cf_store_new_at_version (const char  *path,
                         GBytes      *key,
                         int          version,
                         GError     **error)
{
  return g_initable_new (CF_TYPE_STORE, NULL, error,
                         "path", path, "key", key, "target-version", version, NULL);
}

const char *
cf_store_get_path (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  return self->path;
}

CfClock *
cf_store_get_clock (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  return self->clock;
}

const char *
cf_store_get_device_id (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  return self->device_id;
}

const char *
cf_store_get_user_name (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  return self->user_name;
}

void
cf_store_set_user_name (CfStore    *self,
                        const char *user_name)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CF_IS_STORE (self));
  g_return_if_fail (user_name != NULL && *user_name != '\0');

  if (!meta_set (self, "user_name", user_name, &error))
    {
      g_warning ("%s", error->message);
      return;
    }

  g_free (self->user_name);
  self->user_name = g_strdup (user_name);
}

/**
 * cf_store_get_role:
 *
 * Returns: %CF_ROLE_WORKER or %CF_ROLE_COORDINATOR. Until sync gives the role from the
 *   server's session, it is set with `carefield-cli init --role` or in Preferences.
 */
const char *
cf_store_get_role (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), NULL);

  return self->role;
}

gboolean
cf_store_set_role (CfStore     *self,
                   const char  *role,
                   GError     **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_strcmp0 (role, CF_ROLE_WORKER) == 0 ||
                        g_strcmp0 (role, CF_ROLE_COORDINATOR) == 0, FALSE);

  if (g_str_equal (self->role, role))
    return TRUE;

  if (!meta_set (self, "role", role, error))
    return FALSE;

  g_free (self->role);
  self->role = g_strdup (role);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);

  return TRUE;
}

int
cf_store_get_schema_version (CfStore *self)
{
  g_return_val_if_fail (CF_IS_STORE (self), -1);

  return query_int (self, "PRAGMA user_version;", NULL);
}

static gboolean
insert_audit (CfStore     *self,
              const char  *at,
              const char  *action,
              const char  *entity,
              const char  *record_id,
              const char  *detail,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *id = g_uuid_string_random ();

  stmt = prepare (self,
                  "INSERT INTO audit (id, at, user_name, device_id, action, entity, record_id, "
                  "detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, self->user_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, self->device_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, record_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, detail, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cf_database_set_error (error, self->db, _("write the audit trail"));

  return TRUE;
}

/**
 * cf_store_audit:
 * @action: one of the CF_AUDIT_ actions
 * @entity: what kind of thing was accessed
 * @record_id: (nullable): which one
 * @detail: (nullable): a few words, never personal data
 *
 * Appends to the audit trail, for accesses that change nothing (views, prints, exports).
 */
gboolean
cf_store_audit (CfStore     *self,
                const char  *action,
                const char  *entity,
                const char  *record_id,
                const char  *detail,
                GError     **error)
{
  g_autofree char *now = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (entity != NULL, FALSE);

  now = cf_clock_now_iso8601 (self->clock);
  return insert_audit (self, now, action, entity, record_id, detail, error);
}

static void
bind_value (sqlite3_stmt *stmt,
            int           column,
            const GValue *value)
{
  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_STRING:
      sqlite3_bind_text (stmt, column, g_value_get_string (value), -1, SQLITE_TRANSIENT);
      break;
    case G_TYPE_BOOLEAN:
      sqlite3_bind_int (stmt, column, g_value_get_boolean (value) ? 1 : 0);
      break;
    case G_TYPE_INT64:
      sqlite3_bind_int64 (stmt, column, g_value_get_int64 (value));
      break;
    default:
      g_assert_not_reached ();
    }
}

static JsonNode *
value_to_json (const GValue *value)
{
  JsonNode *node = json_node_alloc ();

  switch (G_VALUE_TYPE (value))
    {
    case G_TYPE_STRING:
      return json_node_init_string (node, g_value_get_string (value));
    case G_TYPE_BOOLEAN:
      return json_node_init_boolean (node, g_value_get_boolean (value));
    case G_TYPE_INT64:
      return json_node_init_int (node, g_value_get_int64 (value));
    default:
      g_assert_not_reached ();
    }
}

static gboolean
outbox_fields_error (GError     **error,
                     const char  *why)
{
  g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED,
               /* Translators: %s says what is wrong, from the program's own messages */
               _("A change waiting to be synced could not be read: %s"), why);
  return FALSE;
}

static JsonNode *
variant_to_json (GVariant *value)
{
  JsonNode *node = json_node_alloc ();

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return json_node_init_string (node, g_variant_get_string (value, NULL));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return json_node_init_boolean (node, g_variant_get_boolean (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return json_node_init_int (node, g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    return json_node_init_int (node, g_variant_get_int32 (value));

  json_node_unref (node);
  return NULL;
}

/**
 * cf_store_parse_outbox_fields:
 * @text: an outbox row's fields
 * @format: its fields_format: %CF_OUTBOX_FORMAT_JSON or %CF_OUTBOX_FORMAT_GVARIANT
 *
 * Reads the fields of an outbox row, whichever way the row was written, as one JSON object
 * of field names and values: text as strings, flags as booleans, numbers as integers.
 *
 * Returns: (transfer full): the fields, or %NULL with @error set
 */
JsonObject *
cf_store_parse_outbox_fields (const char  *text,
                              const char  *format,
                              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  if (strcmp (format, CF_OUTBOX_FORMAT_JSON) == 0)
    {
      g_autoptr(JsonNode) node = json_from_string (text, &local_error);

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        {
          outbox_fields_error (error, local_error != NULL ? local_error->message
                                                          : _("not a JSON object"));
          return NULL;
        }

      return json_object_ref (json_node_get_object (node));
    }

  if (strcmp (format, CF_OUTBOX_FORMAT_GVARIANT) == 0)
    {
      g_autoptr(GVariant) variant = NULL;
      g_autoptr(JsonObject) fields = json_object_new ();
      GVariantIter iter;
      const char *name;
      GVariant *value;

      /* Rows written before schema 5: g_variant_print() of an a{sv}. */
      variant = g_variant_parse (G_VARIANT_TYPE_VARDICT, text, NULL, NULL, &local_error);
      if (variant == NULL)
        {
          outbox_fields_error (error, local_error->message);
          return NULL;
        }

      g_variant_iter_init (&iter, variant);
      while (g_variant_iter_next (&iter, "{&sv}", &name, &value))
        {
          JsonNode *node = variant_to_json (value);

          g_variant_unref (value);
          if (node == NULL)
            {
              outbox_fields_error (error, _("a value of an unknown type"));
              return NULL;
            }
          json_object_set_member (fields, name, node);
        }

      return g_steal_pointer (&fields);
    }

  outbox_fields_error (error, _("an unknown format"));
  return NULL;
}

static void
fold_member (JsonObject *object,
             const char *name,
             JsonNode   *value,
             gpointer    user_data)
{
  json_object_set_member (user_data, name, json_node_copy (value));
}

static gboolean
holds_true (JsonObject *fields,
            const char *name)
{
  JsonNode *node = json_object_get_member (fields, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

/* New outbox rows are counted for their carers (outbox_carer, migration 6) here, where
 * every row is made, once per save: a trigger would be compiled into every save's INSERT,
 * and made saving many records at once half as slow again. Rows that change state or go,
 * on any connection, are counted by triggers. */
static void
tally_outbox_row (CfStore    *self,
                  const char *carer_id)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->new_outbox_rows, carer_id));

  /* A key already there is kept, and the copy passed in freed. */
  g_hash_table_insert (self->new_outbox_rows, g_strdup (carer_id), GUINT_TO_POINTER (n + 1));
}

static gboolean
count_outbox_rows (CfStore  *self,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) add = NULL;
  g_autoptr(sqlite3_stmt) count = NULL;
  GHashTableIter iter;
  gpointer carer_id;
  gpointer n;

  if (g_hash_table_size (self->new_outbox_rows) == 0)
    return TRUE;

  add = prepare (self, "INSERT OR IGNORE INTO outbox_carer (carer_id) VALUES (?)", error);
  count = prepare (self, "UPDATE outbox_carer SET pending = pending + ? WHERE carer_id = ?",
                   error);
  if (add == NULL || count == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, self->new_outbox_rows);
  while (g_hash_table_iter_next (&iter, &carer_id, &n))
    {
      sqlite3_reset (add);
      sqlite3_reset (count);
      sqlite3_bind_text (add, 1, carer_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (count, 1, GPOINTER_TO_UINT (n));
      sqlite3_bind_text (count, 2, carer_id, -1, SQLITE_STATIC);
      if (sqlite3_step (add) != SQLITE_DONE || sqlite3_step (count) != SQLITE_DONE)
        return cf_database_set_error (error, self->db, _("record the change for syncing"));
    }

  g_hash_table_remove_all (self->new_outbox_rows);
  return TRUE;
}

/* DESIGN.md: the outbox is the only source of what to push; it is written in the same
 * transaction as the change, with the fields that changed and the version they were based on.
 *
 * A record edited for an hour is one operation, not hundreds: a change to a record that
 * already has an operation waiting and not yet sent is folded into it. That row keeps its
 * op_id and base version (the change builds on it), a later value of a field wins, a create
 * stays a create, and otherwise the tombstone flag decides between a delete and an update (so
 * a record deleted and restored before a push goes up as an update saying "deleted": false,
 * which the server's merge reads as a restore). A row already sent is never changed: the
 * server may have applied it, so the change gets a row of its own. */
static gboolean
write_outbox (CfStore     *self,
              const char  *entity,
              const char  *id,
              const char  *carer_id,
              const char  *operation,
              gint64       base_version,
              JsonObject  *fields,
              const char  *now,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) write = NULL;
  g_autoptr(JsonObject) folded = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gint64 seq = 0;
  int rc;

  find = prepare (self,
                  "SELECT seq, operation, fields, fields_format FROM outbox "
                  "WHERE record_id = ? AND entity = ? AND state = 'pending' AND sent = 0 "
                  "ORDER BY seq DESC LIMIT 1",
                  error);
  if (find == NULL)
    return FALSE;

  sqlite3_bind_text (find, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (find, 2, entity, -1, SQLITE_STATIC);
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    {
      /* A row that cannot be read is left alone (the next push marks it an error, in words)
       * and the change gets a row of its own, so a save never fails because of an old row. */
      folded = cf_store_parse_outbox_fields ((const char *) sqlite3_column_text (find, 2),
                                             (const char *) sqlite3_column_text (find, 3),
                                             NULL);
      if (folded != NULL)
        {
          seq = sqlite3_column_int64 (find, 0);
          json_object_foreach_member (fields, fold_member, folded);

          if (g_strcmp0 ((const char *) sqlite3_column_text (find, 1), "create") == 0)
            operation = "create";
          else if (holds_true (folded, "deleted"))
            operation = "delete";
          else
            operation = "update";
        }
    }
  else if (rc != SQLITE_DONE)
    {
      return cf_database_set_error (error, self->db, _("record the change for syncing"));
    }

  root = json_node_init_object (json_node_alloc (), folded != NULL ? folded : fields);
  text = json_to_string (root, FALSE);

  if (folded != NULL)
    {
      write = prepare (self,
                       "UPDATE outbox SET operation = ?, fields = ?, fields_format = '"
                       CF_OUTBOX_FORMAT_JSON "' WHERE seq = ? AND sent = 0",
                       error);
      if (write == NULL)
        return FALSE;

      sqlite3_bind_text (write, 1, operation, -1, SQLITE_STATIC);
      sqlite3_bind_text (write, 2, text, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (write, 3, seq);
    }
  else
    {
      g_autofree char *op_id = g_uuid_string_random ();

      write = prepare (self,
                       "INSERT INTO outbox (op_id, entity, record_id, operation, base_version, "
                       "fields, fields_format, created_at, carer_id) VALUES (?, ?, ?, ?, ?, ?, '"
                       CF_OUTBOX_FORMAT_JSON "', ?, ?)",
                       error);
      if (write == NULL)
        return FALSE;

      sqlite3_bind_text (write, 1, op_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (write, 2, entity, -1, SQLITE_STATIC);
      sqlite3_bind_text (write, 3, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (write, 4, operation, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (write, 5, base_version);
      sqlite3_bind_text (write, 6, text, -1, SQLITE_STATIC);
      sqlite3_bind_text (write, 7, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (write, 8, carer_id, -1, SQLITE_STATIC);
    }

  if (sqlite3_step (write) != SQLITE_DONE)
    return cf_database_set_error (error, self->db, _("record the change for syncing"));

  if (folded == NULL)
    tally_outbox_row (self, carer_id);

  return TRUE;
}

/**
 * cf_store_dup_carer_id:
 * @entity: an entity name, as on the wire
 * @record_id: a record of that entity
 *
 * Finds the carer a record belongs to, following each entity's parent field (cf-entities.c)
 * up to the carer: a carer belongs to itself.
 *
 * Returns: (transfer full): the carer's id, "" when the record, or a parent on the way, is
 *   not on this device or the entity is not known, or %NULL with @error set
 */
char *
cf_store_dup_carer_id (CfStore     *self,
                       const char  *entity,
                       const char  *record_id,
                       GError     **error)
{
  g_autofree char *id = NULL;
  const CfEntityInfo *info;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (record_id != NULL, NULL);

  id = g_strdup (record_id);
  while ((info = cf_entities_lookup (entity)) != NULL && info->parent_field != NULL)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;
      g_autofree char *sql = NULL;
      int rc;

      /* Table and column names come from the entity list, never from what was passed in. */
      sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", info->parent_field, info->entity);
      if ((stmt = prepare (self, sql, error)) == NULL)
        return NULL;

      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        return g_strdup ("");
      if (rc != SQLITE_ROW)
        {
          cf_database_set_error (error, self->db, _("find the carer of a record"));
          return NULL;
        }

      g_free (id);
      id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      entity = info->parent_entity;
    }

  return info != NULL ? g_steal_pointer (&id) : g_strdup ("");
}

/* The carer a record being saved belongs to, for its outbox row. Its own parent field says
 * who its parent is; only a grandchild (an answer, a plan's need…) needs a look in the
 * database, and those are saved in runs with the same parent. */
static char *
dup_record_carer_id (CfStore   *self,
                     CfRecord  *record,
                     GError   **error)
{
  const CfEntityInfo *info = cf_entities_lookup (cf_record_get_entity (record));
  const CfEntityInfo *parent;
  const char *parent_id;
  g_autofree char *key = NULL;
  char *carer_id;

  if (info == NULL)
    return g_strdup ("");
  if (info->parent_field == NULL)
    return g_strdup (cf_record_get_id (record));

  parent_id = cf_record_get_text (record, info->parent_field);
  parent = cf_entities_lookup (info->parent_entity);
  if (parent != NULL && parent->parent_field == NULL)
    return g_strdup (parent_id);

  key = g_strconcat (info->parent_entity, "/", parent_id, NULL);
  if (g_strcmp0 (key, self->carer_cache_parent) == 0)
    return g_strdup (self->carer_cache_carer);

  if ((carer_id = cf_store_dup_carer_id (self, info->parent_entity, parent_id, error)) == NULL)
    return NULL;

  g_free (self->carer_cache_parent);
  g_free (self->carer_cache_carer);
  self->carer_cache_parent = g_steal_pointer (&key);
  self->carer_cache_carer = g_strdup (carer_id);

  return carer_id;
}

/* The version a change is based on (DESIGN.md, "Versions and merge"). Normally the version
 * the record was loaded at. But a sync may have moved the row on since, by its own push or by
 * others' changes pulled, while an editor kept the record open: if every field being changed
 * (and the tombstone, if that is changing) still holds in the database the value this record
 * was loaded with, nobody changed them in between, and the change is based on the row as it
 * now is. Otherwise the loaded version stays, so the server sees the clash and reports it
 * rather than one value silently replacing another; and the device's own earlier push never
 * comes back to it as a conflict. */
static gboolean
current_base (CfStore    *self,
              CfRecord   *record,
              GPtrArray  *changed,
              gint64     *base,
              GError    **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT version, deleted");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 loaded = cf_record_get_version (record);
  gint64 stored;
  const CfField *fields = cf_record_get_fields (record, NULL);

  *base = loaded;
  for (guint i = 0; i < changed->len; i++)
    g_string_append_printf (sql, ", %s", (const char *) g_ptr_array_index (changed, i));
  g_string_append_printf (sql, " FROM %s WHERE id = ?", cf_record_get_entity (record));

  if ((stmt = prepare (self, sql->str, error)) == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cf_record_get_id (record), -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    return TRUE;

  stored = sqlite3_column_int64 (stmt, 0);
  if (stored <= loaded)
    return TRUE;

  if (cf_record_deleted_changed (record) &&
      (sqlite3_column_int (stmt, 1) != 0) == cf_record_get_deleted (record))
    return TRUE;

  for (guint i = 0; i < changed->len; i++)
    {
      int index = cf_record_find_field (record, g_ptr_array_index (changed, i));
      g_auto(GValue) value = G_VALUE_INIT;
      int column = (int) i + 2;

      switch (fields[index].type)
        {
        case CF_FIELD_TEXT:
          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, (const char *) sqlite3_column_text (stmt, column));
          break;
        case CF_FIELD_BOOL:
          g_value_init (&value, G_TYPE_BOOLEAN);
          g_value_set_boolean (&value, sqlite3_column_int (stmt, column) != 0);
          break;
        case CF_FIELD_INT:
          g_value_init (&value, G_TYPE_INT64);
          g_value_set_int64 (&value, sqlite3_column_int64 (stmt, column));
          break;
        default:
          g_assert_not_reached ();
        }

      if (!cf_record_saved_equals (record, index, &value))
        return TRUE;
    }

  *base = stored;
  return TRUE;
}

static gboolean
write_record (CfStore     *self,
              CfRecord    *record,
              const char  *now,
              gboolean    *unplaced,
              GError     **error)
{
  const char *entity = cf_record_get_entity (record);
  const char *id = cf_record_get_id (record);
  gboolean is_new = cf_record_is_new (record);
  gboolean deleted = cf_record_get_deleted (record);
  g_autoptr(GPtrArray) changed = cf_record_dup_changed_fields (record);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *carer_id = NULL;
  const char *operation;
  const char *audit_action;
  gint64 base = cf_record_get_version (record);
  int column = 1;

  if (!is_new && !current_base (self, record, changed, &base, error))
    return FALSE;

  if (is_new)
    {
      g_string_append_printf (sql, "INSERT INTO %s (updated_at, updated_by, deleted, id", entity);
      for (guint i = 0; i < changed->len; i++)
        g_string_append_printf (sql, ", %s", (const char *) g_ptr_array_index (changed, i));
      g_string_append (sql, ") VALUES (?, ?, ?, ?");
      for (guint i = 0; i < changed->len; i++)
        g_string_append (sql, ", ?");
      g_string_append (sql, ")");
    }
  else
    {
      g_string_append_printf (sql, "UPDATE %s SET updated_at = ?, updated_by = ?, deleted = ?, "
                              "sync_state = 'local'", entity);
      for (guint i = 0; i < changed->len; i++)
        g_string_append_printf (sql, ", %s = ?", (const char *) g_ptr_array_index (changed, i));
      g_string_append (sql, " WHERE id = ?");
    }

  if ((stmt = prepare (self, sql->str, error)) == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, column++, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, column++, self->user_name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, column++, deleted ? 1 : 0);
  if (is_new)
    sqlite3_bind_text (stmt, column++, id, -1, SQLITE_STATIC);

  for (guint i = 0; i < changed->len; i++)
    {
      const char *name = g_ptr_array_index (changed, i);
      const GValue *value = cf_record_get_value (record, cf_record_find_field (record, name));

      bind_value (stmt, column++, value);
      json_object_set_member (fields, name, value_to_json (value));
      if (detail->len > 0)
        g_string_append (detail, ", ");
      g_string_append (detail, name);
    }

  if (!is_new)
    sqlite3_bind_text (stmt, column++, id, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return cf_database_set_error (error, self->db, _("save the record"));

  if (!is_new && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_FOUND,
                   _("The record being saved is no longer in the database."));
      return FALSE;
    }

  if (cf_record_deleted_changed (record) || (is_new && deleted))
    json_object_set_boolean_member (fields, "deleted", deleted);

  if (is_new)
    {
      operation = "create";
      audit_action = CF_AUDIT_CREATE;
    }
  else if (deleted && cf_record_deleted_changed (record))
    {
      operation = "delete";
      audit_action = CF_AUDIT_DELETE;
    }
  else
    {
      operation = "update";
      audit_action = CF_AUDIT_CHANGE;
    }

  if ((carer_id = dup_record_carer_id (self, record, error)) == NULL ||
      !write_outbox (self, entity, id, carer_id, operation, base, fields, now, error))
    return FALSE;
  *unplaced = *carer_id == '\0';
  cf_record_set_base_version (record, base);

  /* One audit row per save, folded outbox row or not. The detail names the fields, never
   * their values. */
  return insert_audit (self, now, audit_action, entity, id,
                       is_new ? NULL : detail->str, error);
}

gboolean
cf_store_begin (CfStore  *self,
                GError  **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  /* IMMEDIATE takes the write lock at once: two connections (the window's and the sync
   * worker's) then queue for it within the busy timeout rather than fail half-way. */
  return cf_store_exec (self, "BEGIN IMMEDIATE;", error);
}

gboolean
cf_store_commit (CfStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  if (!cf_store_exec (self, "COMMIT;", error))
    {
      cf_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

void
cf_store_rollback (CfStore *self)
{
  g_return_if_fail (CF_IS_STORE (self));

  /* Nothing to do when SQLite has already rolled back on its own, or there is no database. */
  if (self->db != NULL && !sqlite3_get_autocommit (self->db))
    cf_store_exec (self, "ROLLBACK;", NULL);
}

/* Records saved before their parent in the same save (foreign keys wait for the commit) could
 * not be traced to their carer when their outbox rows were written; now every record of the
 * save is in the database, they can. */
static gboolean
place_outbox_rows (CfStore    *self,
                   GPtrArray  *records,
                   GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "UPDATE outbox SET carer_id = ? WHERE entity = ? AND record_id = ? "
                  "AND carer_id = ''",
                  error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < records->len; i++)
    {
      CfRecord *record = g_ptr_array_index (records, i);
      g_autofree char *carer_id = NULL;

      g_clear_pointer (&self->carer_cache_parent, g_free);
      if ((carer_id = dup_record_carer_id (self, record, error)) == NULL)
        return FALSE;
      if (*carer_id == '\0')
        continue;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, carer_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, cf_record_get_entity (record), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, cf_record_get_id (record), -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return cf_database_set_error (error, self->db, _("record the change for syncing"));
    }

  return TRUE;
}

/**
 * cf_store_save_full:
 * @records: (array length=n_records): records to save together
 * @also: (nullable) (scope call): more work for the same transaction, run after the records
 *   are written, even when none of them had changed
 *
 * cf_store_save() with more work in its transaction: all of it is saved, or none.
 */
gboolean
cf_store_save_full (CfStore           *self,
                    CfRecord         **records,
                    guint              n_records,
                    CfStoreWriteFunc   also,
                    gpointer           user_data,
                    GError           **error)
{
  g_autofree char *now = NULL;
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GPtrArray) unplaced_records = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (records != NULL || n_records == 0, FALSE);

  saved = g_ptr_array_new ();
  for (guint i = 0; i < n_records; i++)
    {
      if (cf_record_is_dirty (records[i]))
        g_ptr_array_add (saved, records[i]);
    }

  if (saved->len == 0 && also == NULL)
    return TRUE;

  now = cf_clock_now_iso8601 (self->clock);

  /* Only within one save: a parent seen in an earlier one may since have left the device. */
  g_clear_pointer (&self->carer_cache_parent, g_free);
  g_clear_pointer (&self->carer_cache_carer, g_free);
  g_hash_table_remove_all (self->new_outbox_rows);

  if (!cf_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < saved->len; i++)
    {
      gboolean unplaced = FALSE;

      if (!write_record (self, g_ptr_array_index (saved, i), now, &unplaced, error))
        {
          cf_store_rollback (self);
          return FALSE;
        }
      if (unplaced)
        {
          if (unplaced_records == NULL)
            unplaced_records = g_ptr_array_new ();
          g_ptr_array_add (unplaced_records, g_ptr_array_index (saved, i));
        }
    }

  /* Counted before any row is placed: placing moves a row's count from no carer to its own. */
  if (!count_outbox_rows (self, error) ||
      (unplaced_records != NULL && !place_outbox_rows (self, unplaced_records, error)))
    {
      cf_store_rollback (self);
      return FALSE;
    }

  if (also != NULL && !also (self, user_data, error))
    {
      cf_store_rollback (self);
      return FALSE;
    }

  if (!cf_store_commit (self, error))
    return FALSE;

  for (guint i = 0; i < saved->len; i++)
    {
      CfRecord *record = g_ptr_array_index (saved, i);

      cf_record_set_sync_columns (record, cf_record_get_version (record), "local", now,
                                  self->user_name, cf_record_get_deleted (record));
      cf_record_mark_saved (record);
    }

  for (guint i = 0; i < saved->len; i++)
    g_signal_emit (self, signals[RECORD_SAVED], 0, g_ptr_array_index (saved, i));

  return TRUE;
}

/**
 * cf_store_save:
 * @records: (array length=n_records): records to save together
 *
 * Saves every record that has changed, in one transaction, with an outbox row and an audit row
 * for each. On failure nothing is saved and the records keep their unsaved changes, so a later
 * save can try again: an edit is never dropped.
 */
gboolean
cf_store_save (CfStore   *self,
               CfRecord **records,
               guint      n_records,
               GError   **error)
{
  return cf_store_save_full (self, records, n_records, NULL, NULL, error);
}

/**
 * cf_store_save_carer:
 *
 * Saves a carer with the people they care for, including removals, in one transaction.
 */
gboolean
cf_store_save_carer (CfStore  *self,
                     CfCarer  *carer,
                     GError  **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) removed = NULL;
  GListModel *cared_for;
  guint n;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (CF_IS_CARER (carer), FALSE);

  g_ptr_array_add (records, g_object_ref (carer));

  cared_for = cf_carer_get_cared_for (carer);
  n = g_list_model_get_n_items (cared_for);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (records, g_list_model_get_item (cared_for, i));

  removed = cf_carer_dup_removed (carer);
  for (guint i = 0; i < removed->len; i++)
    g_ptr_array_add (records, g_object_ref (g_ptr_array_index (removed, i)));

  if (!cf_store_save (self, (CfRecord **) records->pdata, records->len, error))
    return FALSE;

  cf_carer_forget_removed (carer);
  return TRUE;
}

static char *
select_sql (GType       type,
            const char *where)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  CfRecordClass *record_class = CF_RECORD_CLASS (klass);
  GString *sql = g_string_new ("SELECT id, version, sync_state, updated_at, updated_by, deleted");

  for (guint i = 0; i < record_class->n_fields; i++)
    g_string_append_printf (sql, ", %s", record_class->fields[i].name);
  g_string_append_printf (sql, " FROM %s WHERE %s", record_class->entity, where);

  return g_string_free (sql, FALSE);
}

static CfRecord *
record_from_row (GType         type,
                 sqlite3_stmt *stmt)
{
  CfRecord *record = cf_record_new_for_entity (type,
                                               (const char *) sqlite3_column_text (stmt, 0));
  guint n_fields;
  const CfField *fields = cf_record_get_fields (record, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      int column = 6 + i;

      switch (fields[i].type)
        {
        case CF_FIELD_TEXT:
          cf_record_set_text (record, fields[i].name,
                              (const char *) sqlite3_column_text (stmt, column));
          break;
        case CF_FIELD_BOOL:
          cf_record_set_bool (record, fields[i].name, sqlite3_column_int (stmt, column) != 0);
          break;
        case CF_FIELD_INT:
          cf_record_set_int (record, fields[i].name, sqlite3_column_int64 (stmt, column));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  cf_record_set_sync_columns (record,
                              sqlite3_column_int64 (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2),
                              (const char *) sqlite3_column_text (stmt, 3),
                              (const char *) sqlite3_column_text (stmt, 4),
                              sqlite3_column_int (stmt, 5) != 0);
  cf_record_mark_saved (record);

  return record;
}

GPtrArray *
cf_store_load_records (CfStore     *self,
                       GType        type,
                       const char  *where,
                       const char  *arg1,
                       const char  *arg2,
                       GError     **error)
{
  g_autofree char *sql = select_sql (type, where);
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;

  if (arg1 != NULL)
    sqlite3_bind_text (stmt, 1, arg1, -1, SQLITE_STATIC);
  if (arg2 != NULL)
    sqlite3_bind_text (stmt, 2, arg2, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (records, record_from_row (type, stmt));

  if (rc != SQLITE_DONE)
    {
      cf_database_set_error (error, self->db, _("read the database"));
      return NULL;
    }

  return g_steal_pointer (&records);
}

/**
 * cf_store_load_carer:
 * @id_or_reference: the carer's id, or their reference such as CF-1A2B-3C4D (any case)
 *
 * Loads a carer and the people they care for. The view is audited.
 *
 * Returns: (transfer full): the carer
 */
CfCarer *
cf_store_load_carer (CfStore     *self,
                     const char  *id_or_reference,
                     GError     **error)
{
  g_autoptr(GPtrArray) carers = NULL;
  g_autoptr(GPtrArray) cared_for = NULL;
  g_autofree char *reference = NULL;
  CfCarer *carer;

  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  g_return_val_if_fail (id_or_reference != NULL, NULL);

  reference = g_ascii_strup (id_or_reference, -1);
  carers = cf_store_load_records (self, CF_TYPE_CARER,
                                  "deleted = 0 AND (id = ? OR reference = ?)",
                                  id_or_reference, reference, error);
  if (carers == NULL)
    return NULL;

  if (carers->len == 0)
    {
      g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_FOUND,
                   _("No carer has the id or reference “%s”."), id_or_reference);
      return NULL;
    }

  carer = g_object_ref (g_ptr_array_index (carers, 0));

  cared_for = cf_store_load_records (self, CF_TYPE_CARED_FOR,
                                     "carer_id = ? AND deleted = 0 ORDER BY position, rowid",
                                     cf_record_get_id (CF_RECORD (carer)), NULL, error);
  if (cared_for == NULL ||
      !cf_store_audit (self, CF_AUDIT_VIEW, "carer", cf_record_get_id (CF_RECORD (carer)),
                       NULL, error))
    {
      g_object_unref (carer);
      return NULL;
    }

  cf_carer_take_loaded_cared_for (carer, g_steal_pointer (&cared_for));

  return carer;
}

/**
 * cf_store_list_events:
 *
 * Returns: (transfer full) (element-type CfCarerEvent): the carer's history, oldest first
 */
GPtrArray *
cf_store_list_events (CfStore     *self,
                      const char  *carer_id,
                      GError     **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), NULL);
  g_return_val_if_fail (carer_id != NULL, NULL);

  return cf_store_load_records (self, CF_TYPE_CARER_EVENT,
                                "carer_id = ? AND deleted = 0 ORDER BY occurred_at, rowid",
                                carer_id, NULL, error);
}

gint64
cf_store_count (CfStore     *self,
                const char  *table,
                GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (CF_IS_STORE (self), -1);
  g_return_val_if_fail (table != NULL, -1);

  for (const char *p = table; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && *p != '_')
        {
          g_set_error (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED,
                       _("“%s” is not a table name."), table);
          return -1;
        }
    }

  sql = g_strdup_printf ("SELECT count (*) FROM %s", table);
  return query_int (self, sql, error);
}

static void
add_sync_flag (GHashTable       *flags,
               const char       *carer_id,
               CfCarerSyncFlags  flag)
{
  guint old;

  if (carer_id == NULL || *carer_id == '\0')
    return;

  /* A key already there is kept, and the copy passed in freed. */
  old = GPOINTER_TO_UINT (g_hash_table_lookup (flags, carer_id));
  g_hash_table_insert (flags, g_strdup (carer_id), GUINT_TO_POINTER (old | flag));
}

/* Which carers have changes waiting, refused or in conflict. The outbox can be large (a new
 * profile's whole caseload, before its first sync), so its counts per carer are read from
 * outbox_carer (migration 6); open conflicts are few, and are traced to their carers one by
 * one. */
static GHashTable *
load_sync_flags (CfStore     *self,
                 const char  *only_id,
                 GError     **error)
{
  g_autoptr(GHashTable) flags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self,
                  only_id != NULL
                  ? "SELECT carer_id, pending, errors FROM outbox_carer WHERE carer_id = ?"
                  : "SELECT carer_id, pending, errors FROM outbox_carer",
                  error);
  if (stmt == NULL)
    return NULL;
  if (only_id != NULL)
    sqlite3_bind_text (stmt, 1, only_id, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *carer_id = (const char *) sqlite3_column_text (stmt, 0);

      if (sqlite3_column_int64 (stmt, 1) > 0)
        add_sync_flag (flags, carer_id, CF_CARER_SYNC_WAITING);
      if (sqlite3_column_int64 (stmt, 2) > 0)
        add_sync_flag (flags, carer_id, CF_CARER_SYNC_REFUSED);
    }
  if (rc != SQLITE_DONE)
    {
      cf_database_set_error (error, self->db, _("read the changes waiting to sync"));
      return NULL;
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = prepare (self,
                  "SELECT DISTINCT entity, record_id FROM sync_conflict WHERE resolved_at = ''",
                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *carer_id =
        cf_store_dup_carer_id (self, (const char *) sqlite3_column_text (stmt, 0),
                               (const char *) sqlite3_column_text (stmt, 1), error);

      if (carer_id == NULL)
        return NULL;
      if (only_id == NULL || strcmp (carer_id, only_id) == 0)
        add_sync_flag (flags, carer_id, CF_CARER_SYNC_CONFLICT);
    }
  if (rc != SQLITE_DONE)
    {
      cf_database_set_error (error, self->db, _("read the sync conflicts"));
      return NULL;
    }

  return g_steal_pointer (&flags);
}

gboolean
cf_store_foreach_carer_summary (CfStore             *self,
                                const char          *only_id,
                                CfCarerSummaryFunc   func,
                                gpointer             user_data,
                                GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) sync_flags = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if ((sync_flags = load_sync_flags (self, only_id, error)) == NULL)
    return FALSE;

#define SUMMARY_COLUMNS \
  "SELECT id, reference, given_name, family_name, preferred_name, locality, postcode, phone, " \
  "status, priority, referral_received_at, EXISTS (SELECT 1 FROM assessment " \
  "WHERE assessment.carer_id = carer.id AND assessment.status = 'draft' " \
  "AND assessment.deleted = 0), worker FROM carer "
  stmt = prepare (self,
                  only_id != NULL
                  ? SUMMARY_COLUMNS "WHERE deleted = 0 AND id = ?"
                  : SUMMARY_COLUMNS "WHERE deleted = 0",
                  error);
#undef SUMMARY_COLUMNS
  if (stmt == NULL)
    return FALSE;

  if (only_id != NULL)
    sqlite3_bind_text (stmt, 1, only_id, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      CfCarerSummaryRow row = {
        .id = id,
        .reference = (const char *) sqlite3_column_text (stmt, 1),
        .given_name = (const char *) sqlite3_column_text (stmt, 2),
        .family_name = (const char *) sqlite3_column_text (stmt, 3),
        .preferred_name = (const char *) sqlite3_column_text (stmt, 4),
        .locality = (const char *) sqlite3_column_text (stmt, 5),
        .postcode = (const char *) sqlite3_column_text (stmt, 6),
        .phone = (const char *) sqlite3_column_text (stmt, 7),
        .status = (const char *) sqlite3_column_text (stmt, 8),
        .priority = (const char *) sqlite3_column_text (stmt, 9),
        .referral_received_at = (const char *) sqlite3_column_text (stmt, 10),
        .assessing = sqlite3_column_int (stmt, 11) != 0,
        .worker = (const char *) sqlite3_column_text (stmt, 12),
        .sync_flags = GPOINTER_TO_UINT (g_hash_table_lookup (sync_flags, id)),
      };

      func (&row, user_data);
    }

  if (rc != SQLITE_DONE)
    return cf_database_set_error (error, self->db, _("read the caseload"));

  return TRUE;
}

/* Closing checkpoints the WAL into the main file, so the profile is one file at rest. */
gboolean
cf_store_close (CfStore  *self,
                GError  **error)
{
  g_return_val_if_fail (CF_IS_STORE (self), FALSE);

  if (self->db == NULL)
    return TRUE;

  if (sqlite3_close (self->db) != SQLITE_OK)
    return cf_database_set_error (error, self->db, _("close the database"));

  self->db = NULL;
  return TRUE;
}
