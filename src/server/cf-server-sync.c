/* cf-server-sync.c: what push and pull do on the server
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "Sync protocol"; src/sync/README.md is the contract, its "Scope" section
 * included. The store only keeps rows (cf-server-store.h); who may change or see which
 * record, what giving a carer to another worker sets off, and what each result says are
 * decided here, once, above any backend.
 *
 * A push batch is one transaction: a server stopped half-way keeps none of it, and the client
 * sends the whole batch again with the same op_ids. Results that are not rejections are kept
 * with their op_id in the same transaction, so a repeat gets the first answer and changes
 * nothing; a rejection is not kept, so an operation refused because its parent had not
 * arrived yet goes through when it is sent again after it.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-entities.h"
#include "cf-merge.h"
#include "cf-server-sync.h"

/* The carer's field naming the worker whose caseload the carer is on. */
#define WORKER_FIELD "worker"

#define REASON_NO_PARENT _("The record this belongs to is not on the server.")
#define REASON_NOT_CASELOAD _("This carer is not on your caseload.")
#define REASON_REASSIGN _("Only a coordinator can give a carer to another worker.")
#define REASON_OWN_PLAN _("This is not part of your own plan.")

/* One push, while it is applied. */
typedef struct
{
  CfServerStore          *store;
  CfServerStoreInterface *iface;
  const CfServerUser     *user;
  const CfServerDevice   *device;
  const char             *now;
} Push;

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
is_role (const CfServerUser *user,
         const char         *role)
{
  return g_strcmp0 (user->role, role) == 0;
}

/* DESIGN.md, "Scope": a coordinator's device receives everything; so does an admin's. */
static gboolean
sees_everything (const CfServerUser *user)
{
  return is_role (user, CF_SERVER_ROLE_COORDINATOR) || is_role (user, CF_SERVER_ROLE_ADMIN);
}

/* Following parents ends at a carer, which has none (cf-entities.h). */
static gboolean
is_carer_entity (const CfEntityInfo *info)
{
  return info->parent_field == NULL;
}

static const char *
carer_entity (void)
{
  guint n;
  const CfEntityInfo *all = cf_entities_get_all (&n);

  for (guint i = 0; i < n; i++)
    {
      if (is_carer_entity (&all[i]))
        return all[i].entity;
    }

  g_assert_not_reached ();
}

/* Parents come before their children in cf_entities_get_all(); what this program does not
 * know goes last. */
static guint
entity_position (const char *entity)
{
  const CfEntityInfo *all = cf_entities_get_all (NULL);
  const CfEntityInfo *info = cf_entities_lookup (entity);

  return info != NULL ? (guint) (info - all) : G_MAXUINT;
}

/* The entities a carer's own account receives (README, "Scope"). */
static const char * const *
carer_account_entities (void)
{
  static gsize initialised;
  static const char **names;

  if (g_once_init_enter (&initialised))
    {
      GPtrArray *list = g_ptr_array_new ();
      guint n;
      const CfEntityInfo *all = cf_entities_get_all (&n);

      for (guint i = 0; i < n; i++)
        {
          if (all[i].carer_account_sees)
            g_ptr_array_add (list, (gpointer) all[i].entity);
        }
      g_ptr_array_add (list, NULL);
      names = (const char **) g_ptr_array_free (list, FALSE);

      g_once_init_leave (&initialised, 1);
    }

  return names;
}

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* The worker a carer's state names; "" for none. */
static const char *
state_worker (const CfMergeState *state)
{
  const char *worker = string_member (state->values, WORKER_FIELD);

  return worker != NULL ? worker : "";
}

static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);

  return node;
}

/* A lookup where "not there" is an answer: TRUE, with *@out %NULL. */
static gboolean
find_record (CfServerStore   *store,
             const char      *entity,
             const char      *id,
             CfServerRecord **out,
             GError         **error)
{
  g_autoptr(GError) local_error = NULL;

  *out = CF_SERVER_STORE_GET_IFACE (store)->lookup_record (store, entity, id, &local_error);
  if (*out != NULL ||
      g_error_matches (local_error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
set_damaged (GError **error)
{
  /* Never the parser's message: it would quote what the record holds. */
  g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_FAILED,
                       _("The server’s stored copy of a record is damaged."));
}

static CfMergeState *
read_state (const CfServerRecord  *record,
            GError               **error)
{
  g_autoptr(JsonNode) node = json_from_string (record->state, NULL);
  CfMergeState *state = node != NULL ? cf_merge_state_from_json (node, NULL) : NULL;

  if (state == NULL)
    set_damaged (error);

  return state;
}

/* Results (README, "POST /api/v1/push") */

/* @op_id: (nullable): when %NULL the result names the operation by @index */
static JsonNode *
rejected_result (const char *op_id,
                 guint       index,
                 const char *reason)
{
  JsonObject *object = json_object_new ();

  if (op_id != NULL)
    json_object_set_string_member (object, "op_id", op_id);
  else
    json_object_set_int_member (object, "index", index);
  json_object_set_string_member (object, "result",
                                 cf_merge_outcome_to_string (CF_MERGE_REJECTED));
  json_object_set_string_member (object, "reason", reason);

  return object_node (object);
}

static JsonNode *
merge_result (const CfSyncOp      *op,
              const CfMergeResult *merged)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "op_id", op->op_id);
  json_object_set_string_member (object, "result",
                                 cf_merge_outcome_to_string (merged->outcome));
  json_object_set_int_member (object, "version", merged->state->version);

  if (merged->outcome == CF_MERGE_CONFLICT)
    {
      JsonArray *conflicts = json_array_sized_new (merged->conflicts->len);

      json_object_set_string_member (object, "reason",
                                     merged->reason != NULL ? merged->reason : "");
      for (guint i = 0; i < merged->conflicts->len; i++)
        {
          CfConflict *conflict = g_ptr_array_index (merged->conflicts, i);
          JsonObject *entry = json_object_new ();

          json_object_set_string_member (entry, "field", conflict->field);
          /* Omitted when the server no longer knows it (README, "Merge"). */
          if (conflict->base_value != NULL)
            json_object_set_member (entry, "base", json_node_copy (conflict->base_value));
          json_object_set_member (entry, "server",
                                  conflict->server_value != NULL
                                    ? json_node_copy (conflict->server_value)
                                    : json_node_new (JSON_NODE_NULL));
          json_object_set_member (entry, "client", json_node_copy (conflict->client_value));
          json_array_add_object_element (conflicts, entry);
        }
      json_object_set_array_member (object, "conflicts", conflicts);
    }

  return object_node (object);
}

/* The result first given for @op_id: TRUE with *@out %NULL when there is none. Only to the
 * device that sent it: the result may carry conflicting values, and an op_id taken from
 * someone else's traffic must not be a way to read them. */
static gboolean
find_applied (Push       *push,
              const char *op_id,
              JsonNode  **out,
              GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 device_id = 0;
  g_autofree char *text = push->iface->lookup_applied_op (push->store, op_id, &device_id,
                                                          &local_error);

  *out = NULL;
  if (text == NULL)
    {
      if (g_error_matches (local_error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (device_id != push->device->id)
    {
      *out = rejected_result (op_id, 0, _("Another device has already used this operation "
                                          "id. Each change needs an id of its own."));
      return TRUE;
    }

  if ((*out = json_from_string (text, NULL)) == NULL)
    {
      set_damaged (error);
      return FALSE;
    }

  return TRUE;
}

/* Scope (DESIGN.md, "Scope, enforced on the server"; README, "Scope") */

/* Why @push's user may not make @op, or %NULL if they may. @carer is the stored carer the
 * record belongs to (%NULL when @op creates that carer). When the server fills in the worker
 * of a carer a worker creates, *@filled is @op with that worker, to merge instead. */
static const char *
check_scope (const Push            *push,
             const CfEntityInfo    *info,
             const CfSyncOp        *op,
             const CfServerRecord  *record,
             const char            *carer_id,
             const CfServerRecord  *carer,
             CfSyncOp             **filled)
{
  const CfServerUser *user = push->user;
  const char *worker = is_carer_entity (info) ? string_member (op->fields, WORKER_FIELD) : NULL;

  if (sees_everything (user))
    return NULL;

  if (is_role (user, CF_SERVER_ROLE_WORKER))
    {
      /* Anything but a new carer belongs to a stored carer, which must be theirs. */
      if ((record != NULL || !is_carer_entity (info)) &&
          (carer == NULL || g_strcmp0 (carer->worker, user->name) != 0))
        return REASON_NOT_CASELOAD;

      if (!is_carer_entity (info))
        return NULL;

      /* A worker's new carer is on their own caseload: the server says so in the record,
       * where it is stored, versioned and pulled back like any value. */
      if (op->operation == CF_SYNC_OPERATION_CREATE && (worker == NULL || *worker == '\0'))
        {
          *filled = cf_sync_op_copy (op);
          json_object_set_string_member ((*filled)->fields, WORKER_FIELD, user->name);
          return NULL;
        }

      if (worker != NULL && strcmp (worker, user->name) != 0)
        return REASON_REASSIGN;

      return NULL;
    }

  if (is_role (user, CF_SERVER_ROLE_CARER))
    {
      if (!info->carer_account_sees || g_strcmp0 (carer_id, user->carer_id) != 0)
        return REASON_OWN_PLAN;

      /* They read who their worker is; they do not choose. */
      if (worker != NULL && strcmp (worker, carer != NULL ? carer->worker : "") != 0)
        return REASON_OWN_PLAN;

      return NULL;
    }

  /* A role this server does not know may change nothing. */
  return REASON_OWN_PLAN;
}

/* Writing */

static int
compare_parents_first (gconstpointer a,
                       gconstpointer b)
{
  const CfServerRecord *first = *(CfServerRecord * const *) a;
  const CfServerRecord *second = *(CfServerRecord * const *) b;
  guint first_position = entity_position (first->entity);
  guint second_position = entity_position (second->entity);

  if (first_position != second_position)
    return first_position < second_position ? -1 : 1;

  return (first->seq > second->seq) - (first->seq < second->seq);
}

/* README, "Scope": carer @carer_id went from worker @from to @to. @from's devices are told
 * at their next pull that it left (the scope log), and every record of the carer is written
 * again, parents first, with @to and a new seq, so that @to's devices, whose cursors are
 * past the records' old seqs, receive them all. */
static gboolean
reassign (Push        *push,
          const char  *carer_id,
          const char  *from,
          const char  *to,
          GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;

  if (*from != '\0')
    {
      gint64 seq = push->iface->next_seq (push->store, error);

      if (seq < 0 || !push->iface->insert_scope_log (push->store, seq, carer_id, from, error))
        return FALSE;
    }

  if ((records = push->iface->list_carer_records (push->store, carer_id, error)) == NULL)
    return FALSE;

  g_ptr_array_sort (records, compare_parents_first);
  for (guint i = 0; i < records->len; i++)
    {
      CfServerRecord *record = g_ptr_array_index (records, i);

      if ((record->seq = push->iface->next_seq (push->store, error)) < 0)
        return FALSE;
      g_free (record->worker);
      record->worker = g_strdup (to);
      if (!push->iface->write_record (push->store, record, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_record (Push                  *push,
             const CfEntityInfo    *info,
             const CfSyncOp        *op,
             const CfServerRecord  *old,
             const char            *carer_id,
             const CfServerRecord  *carer,
             const CfMergeState    *state,
             GError               **error)
{
  g_autoptr(JsonNode) state_node = cf_merge_state_to_json (state);
  g_autofree char *state_text = json_to_string (state_node, FALSE);
  CfServerRecord record = { 0 };

  record.entity = op->entity;
  record.id = op->record_id;
  record.carer_id = (char *) carer_id;
  /* Every record carries its carer's worker: the carer's own field for a carer. */
  record.worker = (char *) (is_carer_entity (info) ? state_worker (state)
                                                   : carer != NULL ? carer->worker : "");
  record.version = state->version;
  record.deleted = state->deleted;
  record.updated_at = (char *) push->now;
  record.updated_by = push->user->name;
  record.state = state_text;

  if ((record.seq = push->iface->next_seq (push->store, error)) < 0 ||
      !push->iface->write_record (push->store, &record, error))
    return FALSE;

  if (is_carer_entity (info) && old != NULL && strcmp (old->worker, record.worker) != 0)
    return reassign (push, carer_id, old->worker, record.worker, error);

  return TRUE;
}

static gboolean
save_conflicts (Push                 *push,
                const CfSyncOp       *op,
                const CfMergeResult  *merged,
                GError              **error)
{
  for (guint i = 0; i < merged->conflicts->len; i++)
    {
      CfConflict *conflict = g_ptr_array_index (merged->conflicts, i);
      g_autofree char *base = NULL;
      g_autofree char *server = NULL;
      g_autofree char *client = json_to_string (conflict->client_value, FALSE);
      CfServerConflict row = { 0 };

      if (conflict->base_value != NULL)
        base = json_to_string (conflict->base_value, FALSE);
      if (conflict->server_value != NULL)
        server = json_to_string (conflict->server_value, FALSE);

      row.entity = op->entity;
      row.record_id = op->record_id;
      row.field = conflict->field;
      row.base = base;
      row.server = server;
      row.client = client;
      /* The version the client is told: a write based on it has seen the server's value. */
      row.version = merged->state->version;
      row.device_id = push->device->id;
      row.user_name = push->user->name;
      row.at = (char *) push->now;
      row.resolved_at = "";

      if (push->iface->insert_conflict (push->store, &row, error) < 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
in_conflict (const CfMergeResult *merged,
             const char          *field)
{
  for (guint i = 0; i < merged->conflicts->len; i++)
    {
      if (strcmp (((CfConflict *) g_ptr_array_index (merged->conflicts, i))->field, field) == 0)
        return TRUE;
    }

  return FALSE;
}

/* README, "Conflicts": an open conflict on a field is resolved by a later operation that
 * writes the field from a base version at or after the conflict's: its author had the
 * server's value in front of them, and chose. */
static gboolean
resolve_conflicts (Push                 *push,
                   const CfSyncOp       *op,
                   const CfMergeResult  *merged,
                   GError              **error)
{
  JsonObject *sources[] = { op->fields, op->unknown_fields };

  /* Conflicts are stored at version 1 or later. */
  if (op->base_version < 1)
    return TRUE;

  for (guint s = 0; s < G_N_ELEMENTS (sources); s++)
    {
      g_autoptr(GList) names = json_object_get_members (sources[s]);

      for (GList *l = names; l != NULL; l = l->next)
        {
          if (!in_conflict (merged, l->data) &&
              !push->iface->resolve_conflicts (push->store, op->entity, op->record_id, l->data,
                                               op->base_version, push->now, error))
            return FALSE;
        }
    }

  if (op->operation == CF_SYNC_OPERATION_DELETE &&
      !json_object_has_member (op->fields, CF_SYNC_FIELD_DELETED) &&
      !in_conflict (merged, CF_SYNC_FIELD_DELETED))
    return push->iface->resolve_conflicts (push->store, op->entity, op->record_id,
                                           CF_SYNC_FIELD_DELETED, op->base_version, push->now,
                                           error);

  return TRUE;
}

/* One operation of the batch, in the batch's transaction (README, "POST /api/v1/push").
 * Returns its result, or %NULL with @error set when storage failed. */
static JsonNode *
apply_op (Push            *push,
          const CfSyncOp  *op,
          GError         **error)
{
  const CfEntityInfo *info = cf_entities_lookup (op->entity);
  g_autoptr(CfServerRecord) record = NULL;
  g_autoptr(CfServerRecord) carer = NULL;
  g_autoptr(CfSyncOp) filled = NULL;
  g_autoptr(CfMergeState) state = NULL;
  g_autoptr(CfMergeResult) merged = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autofree char *result_text = NULL;
  g_autofree char *carer_id = NULL;

  /* cf_sync_op_from_json() reads only entities this program knows. */
  g_assert (info != NULL);

  if (!find_applied (push, op->op_id, &result, error))
    return NULL;
  if (result != NULL)
    return g_steal_pointer (&result);

  if (!find_record (push->store, op->entity, op->record_id, &record, error))
    return NULL;

  /* The carer the record belongs to: once stored, the record says; a new one takes its
   * parent's, and a parent the server does not have yet cannot be checked against anyone's
   * scope. An update or delete of a record the server does not have has none: the merge
   * refuses it, and there is nothing in anyone's scope to protect. */
  if (record != NULL)
    carer_id = g_strdup (record->carer_id);
  else if (op->operation != CF_SYNC_OPERATION_CREATE)
    carer_id = NULL;
  else if (is_carer_entity (info))
    carer_id = g_strdup (op->record_id);
  else
    {
      const char *parent_id = string_member (op->fields, info->parent_field);
      g_autoptr(CfServerRecord) parent = NULL;

      if (parent_id != NULL && *parent_id != '\0' &&
          !find_record (push->store, info->parent_entity, parent_id, &parent, error))
        return NULL;
      if (parent == NULL)
        return rejected_result (op->op_id, 0, REASON_NO_PARENT);
      carer_id = g_strdup (parent->carer_id);
    }

  if (carer_id != NULL)
    {
      const char *reason;

      if (record != NULL && is_carer_entity (info))
        carer = cf_server_record_copy (record);
      else if (!find_record (push->store, carer_entity (), carer_id, &carer, error))
        return NULL;

      reason = check_scope (push, info, op, record, carer_id, carer, &filled);
      if (reason != NULL)
        return rejected_result (op->op_id, 0, reason);
    }

  if (record != NULL && (state = read_state (record, error)) == NULL)
    return NULL;

  merged = cf_merge (state, filled != NULL ? filled : op);
  if (merged->outcome == CF_MERGE_REJECTED)
    return rejected_result (op->op_id, 0, merged->reason);

  if ((merged->changed &&
       !save_record (push, info, op, record, carer_id, carer, merged->state, error)) ||
      !save_conflicts (push, op, merged, error) ||
      !resolve_conflicts (push, op, merged, error))
    return NULL;

  result = merge_result (op, merged);
  result_text = json_to_string (result, FALSE);
  if (!push->iface->insert_applied_op (push->store, op->op_id, push->device->id, result_text,
                                       push->now, error))
    return NULL;

  return g_steal_pointer (&result);
}

/* An operation that could not be read. Its op_id, if it had one that was applied before,
 * still gets its first result: a repeat changes nothing and says the same. */
static JsonNode *
apply_unreadable (Push                  *push,
                  const CfSyncRejected  *rejected,
                  GError               **error)
{
  JsonNode *result = NULL;

  if (rejected->op_id != NULL && !find_applied (push, rejected->op_id, &result, error))
    return NULL;
  if (result != NULL)
    return result;

  return rejected_result (rejected->op_id, rejected->index, rejected->error->message);
}

/**
 * cf_server_sync_push:
 * @user: who pushes
 * @device: the device it comes from
 * @push: the batch, as cf_sync_push_parse() read it
 *
 * Applies a push batch by the rules of src/sync/README.md: each operation in batch order,
 * within the user's scope, merged by cf_merge(), all in one transaction.
 *
 * Returns: (transfer full): the response body, {"format": 1, "results": […]}, one result per
 *   operation in batch order; or %NULL with @error set when the store failed, and then
 *   nothing of the batch was kept
 */
JsonNode *
cf_server_sync_push (CfServerStore         *store,
                     const CfServerUser    *user,
                     const CfServerDevice  *device,
                     const CfSyncPush      *push,
                     GError               **error)
{
  g_autofree char *now = now_text ();
  Push context = { store, NULL, user, device, now };
  JsonArray *results;
  JsonObject *object;
  guint total;
  guint n_ops = 0;
  guint n_rejected = 0;

  g_return_val_if_fail (CF_IS_SERVER_STORE (store), NULL);
  g_return_val_if_fail (user != NULL, NULL);
  g_return_val_if_fail (device != NULL, NULL);
  g_return_val_if_fail (push != NULL, NULL);

  context.iface = CF_SERVER_STORE_GET_IFACE (store);
  total = push->ops->len + push->rejected->len;

  if (!context.iface->begin (store, error))
    return NULL;

  results = json_array_sized_new (total);
  for (guint i = 0; i < total; i++)
    {
      CfSyncRejected *rejected = n_rejected < push->rejected->len
                                   ? g_ptr_array_index (push->rejected, n_rejected) : NULL;
      JsonNode *result;

      /* The two lists together are the batch; results come out in its order. */
      if (rejected != NULL && rejected->index == i)
        {
          n_rejected++;
          result = apply_unreadable (&context, rejected, error);
        }
      else
        {
          g_assert (n_ops < push->ops->len);
          result = apply_op (&context, g_ptr_array_index (push->ops, n_ops++), error);
        }

      if (result == NULL)
        {
          context.iface->rollback (store);
          json_array_unref (results);
          return NULL;
        }
      json_array_add_element (results, result);
    }

  if (!context.iface->commit (store, error))
    {
      context.iface->rollback (store);
      json_array_unref (results);
      return NULL;
    }

  object = json_object_new ();
  json_object_set_int_member (object, "format", 1);
  json_object_set_array_member (object, "results", results);

  return object_node (object);
}

/* Pull */

/* A whole number in plain decimal digits, at most @max: no sign, space or other base. */
static gboolean
parse_decimal (const char *text,
               guint64     max,
               guint64    *out)
{
  if (text == NULL || *text == '\0' || strlen (text) > 19)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return g_ascii_string_to_unsigned (text, 10, 0, max, out, NULL);
}

static JsonNode *
record_to_json (const CfServerRecord  *record,
                GError               **error)
{
  g_autoptr(CfMergeState) state = read_state (record, error);
  JsonObject *object;
  JsonObject *fields;
  g_autoptr(GList) names = NULL;

  if (state == NULL)
    return NULL;

  object = json_object_new ();
  json_object_set_string_member (object, "entity", record->entity);
  json_object_set_string_member (object, "id", record->id);
  json_object_set_int_member (object, "version", record->version);
  json_object_set_boolean_member (object, "deleted", record->deleted);
  json_object_set_string_member (object, "updated_at", record->updated_at);
  json_object_set_string_member (object, "updated_by", record->updated_by);

  /* Every value the server has, those this program does not know included (README: unknown
   * fields are kept and passed on); the tombstone is "deleted" above. */
  fields = json_object_new ();
  names = json_object_get_members (state->values);
  for (GList *l = names; l != NULL; l = l->next)
    {
      if (strcmp (l->data, CF_SYNC_FIELD_DELETED) != 0)
        json_object_set_member (fields, l->data,
                                json_node_copy (json_object_get_member (state->values,
                                                                        l->data)));
    }
  json_object_set_object_member (object, "fields", fields);

  return object_node (object);
}

/* README, "Scope": the carers that left @user's caseload after @after, up to @up_to, and are
 * not back on it. */
static JsonArray *
list_removed (CfServerStore       *store,
              const CfServerUser  *user,
              gint64               after,
              gint64               up_to,
              GError             **error)
{
  g_autoptr(GPtrArray) carer_ids = NULL;
  g_autoptr(JsonArray) removed = json_array_new ();

  /* A coordinator's scope never shrinks; a carer account's is its carer, whoever works
   * with them. */
  if (!is_role (user, CF_SERVER_ROLE_WORKER))
    return g_steal_pointer (&removed);

  carer_ids = CF_SERVER_STORE_GET_IFACE (store)->list_scope_log (store, user->name, after,
                                                                  up_to, error);
  if (carer_ids == NULL)
    return NULL;

  for (guint i = 0; i < carer_ids->len; i++)
    {
      const char *carer_id = g_ptr_array_index (carer_ids, i);
      g_autoptr(CfServerRecord) carer = NULL;
      JsonObject *entry;

      if (!find_record (store, carer_entity (), carer_id, &carer, error))
        return NULL;
      if (carer != NULL && strcmp (carer->worker, user->name) == 0)
        continue;

      entry = json_object_new ();
      json_object_set_string_member (entry, "entity", carer_entity ());
      json_object_set_string_member (entry, "id", carer_id);
      json_array_add_object_element (removed, entry);
    }

  return g_steal_pointer (&removed);
}

/**
 * cf_server_sync_changes:
 * @user: who pulls
 * @since: (nullable): the cursor, the `next` of the previous page; %NULL or "" for the start
 * @limit: (nullable): the most records to return, as text; %NULL for the default
 *
 * One page of GET /api/v1/changes (src/sync/README.md): the records in @user's scope changed
 * after the cursor, in sequence order, and the carers that left their caseload.
 *
 * Returns: (transfer full): the response body, or %NULL with @error set:
 *   %CF_SERVER_STORE_ERROR_INVALID for a bad cursor or limit, another code when the store
 *   failed
 */
JsonNode *
cf_server_sync_changes (CfServerStore       *store,
                        const CfServerUser  *user,
                        const char          *since,
                        const char          *limit,
                        GError             **error)
{
  CfServerStoreInterface *iface;
  CfServerScope scope = CF_SERVER_SCOPE_CARER;
  const char *who = "";
  const char * const *entities = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(JsonArray) records = NULL;
  JsonArray *removed;
  JsonObject *object;
  g_autofree char *next_text = NULL;
  guint64 cursor = 0;
  guint64 max_records = CF_SERVER_SYNC_DEFAULT_LIMIT;
  gint64 last;
  gint64 next;
  gboolean more;

  g_return_val_if_fail (CF_IS_SERVER_STORE (store), NULL);
  g_return_val_if_fail (user != NULL, NULL);

  iface = CF_SERVER_STORE_GET_IFACE (store);

  if (limit != NULL &&
      (!parse_decimal (limit, CF_SERVER_SYNC_MAX_LIMIT, &max_records) || max_records == 0))
    {
      g_set_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_INVALID,
                   /* Translators: “limit” is a fixed name; %d is a number of records */
                   _("“limit” must be a whole number from 1 to %d."), CF_SERVER_SYNC_MAX_LIMIT);
      return NULL;
    }

  if ((last = iface->get_last_seq (store, error)) < 0)
    return NULL;

  /* The cursor is opaque to clients; it is the seq of the last record they received, and a
   * number this server never gave cannot be resumed from. */
  if (since != NULL && *since != '\0' &&
      (!parse_decimal (since, G_MAXINT64, &cursor) || cursor > (guint64) last))
    {
      g_set_error_literal (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_INVALID,
                           _("The “since” cursor is not one this server gave. Pull again "
                             "from the start."));
      return NULL;
    }

  if (sees_everything (user))
    {
      scope = CF_SERVER_SCOPE_ALL;
    }
  else if (is_role (user, CF_SERVER_ROLE_WORKER))
    {
      scope = CF_SERVER_SCOPE_WORKER;
      who = user->name;
    }
  else if (is_role (user, CF_SERVER_ROLE_CARER))
    {
      who = user->carer_id;
      entities = carer_account_entities ();
    }
  /* Otherwise a role this server does not know: the carer scope with no carer, nothing. */

  page = iface->list_changes (store, scope, who, entities, (gint64) cursor,
                              (guint) max_records, error);
  if (page == NULL)
    return NULL;

  records = json_array_sized_new (page->len);
  for (guint i = 0; i < page->len; i++)
    {
      JsonNode *node = record_to_json (g_ptr_array_index (page, i), error);

      if (node == NULL)
        return NULL;
      json_array_add_element (records, node);
    }

  /* A full page may have more behind it; otherwise the client is up to date with the whole
   * sequence, whatever part of it was outside its scope. */
  more = page->len == max_records;
  next = more ? ((CfServerRecord *) g_ptr_array_index (page, page->len - 1))->seq : last;

  if ((removed = list_removed (store, user, (gint64) cursor, next, error)) == NULL)
    return NULL;

  next_text = g_strdup_printf ("%" G_GINT64_FORMAT, next);
  object = json_object_new ();
  json_object_set_int_member (object, "format", 1);
  json_object_set_array_member (object, "records", g_steal_pointer (&records));
  json_object_set_array_member (object, "removed", removed);
  json_object_set_string_member (object, "next", next_text);
  json_object_set_boolean_member (object, "more", more);

  return object_node (object);
}
