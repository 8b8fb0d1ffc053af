/* cf-sync-marks.c: what of one carer's is not yet in step with the server
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The caseload marks each carer with what of theirs is waiting, refused or in conflict
 * (cf_store_foreach_carer_summary()); a carer's page and the conflicts dialog need the
 * details: the server's reasons, and the records concerned in words.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlcipher/sqlite3.h>

#include "cf-assessment-template.h"
#include "cf-carer.h"
#include "cf-database.h"
#include "cf-entities.h"
#include "cf-entity-words.h"
#include "cf-store-private.h"
#include "cf-sync-marks.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_DEFINE_BOXED_TYPE (CfRefusedChange, cf_refused_change, cf_refused_change_copy,
                     cf_refused_change_free)

CfRefusedChange *
cf_refused_change_copy (const CfRefusedChange *change)
{
  CfRefusedChange *copy;

  g_return_val_if_fail (change != NULL, NULL);

  copy = g_new0 (CfRefusedChange, 1);
  copy->entity = g_strdup (change->entity);
  copy->record_id = g_strdup (change->record_id);
  copy->reason = g_strdup (change->reason);

  return copy;
}

void
cf_refused_change_free (CfRefusedChange *change)
{
  if (change == NULL)
    return;

  g_free (change->entity);
  g_free (change->record_id);
  g_free (change->reason);
  g_free (change);
}

/**
 * cf_sync_marks_list_refused:
 * @carer_id: a carer
 *
 * Returns: (transfer full) (element-type CfRefusedChange): the changes to the carer's records
 *   that the server refused, oldest first, or %NULL with @error set
 */
GPtrArray *
cf_sync_marks_list_refused (CfStore     *store,
                            const char  *carer_id,
                            GError     **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (carer_id != NULL, NULL);

  stmt = cf_store_prepare (store,
                           "SELECT entity, record_id, error FROM outbox "
                           "WHERE carer_id = ? AND state = 'error' ORDER BY seq",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, carer_id, -1, SQLITE_STATIC);
  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) cf_refused_change_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CfRefusedChange *change = g_new0 (CfRefusedChange, 1);
      const char *reason = (const char *) sqlite3_column_text (stmt, 2);

      change->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      change->record_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      change->reason = g_strdup (reason != NULL && *reason != '\0'
                                 ? reason : _("The server refused this change."));
      g_ptr_array_add (changes, change);
    }

  if (rc != SQLITE_DONE)
    {
      cf_database_set_error (error, sqlite3_db_handle (stmt), _("read the refused changes"));
      return NULL;
    }

  return g_steal_pointer (&changes);
}

/**
 * cf_sync_marks_retry_refused:
 * @carer_id: the carer whose refused changes to send again
 *
 * Puts the carer's refused changes back in the queue, with the op_ids they had: the server
 * keeps no answer for a refused operation, so it judges each one afresh at the next sync
 * (once the reason is dealt with, say a coordinator has given this worker the carer). A
 * refused change is never dropped; this is the way it goes on.
 *
 * Returns: how many went back in the queue, or -1 on error
 */
gint
cf_sync_marks_retry_refused (CfStore     *store,
                             const char  *carer_id,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), -1);
  g_return_val_if_fail (carer_id != NULL, -1);

  stmt = cf_store_prepare (store,
                           "UPDATE outbox SET state = 'pending', error = NULL "
                           "WHERE carer_id = ? AND state = 'error'",
                           error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, carer_id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      cf_database_set_error (error, sqlite3_db_handle (stmt), _("queue the refused changes again"));
      return -1;
    }

  return sqlite3_changes (sqlite3_db_handle (stmt));
}

/**
 * cf_sync_marks_describe_carer:
 * @name: (out) (transfer full): the carer's name as the caseload shows it
 * @reference: (out) (transfer full): the carer's reference
 *
 * Reads only the carer's name and reference, for a heading; it is not a view of the record,
 * and deleted carers are found too (a conflict may be about the deletion).
 *
 * Returns: %FALSE with @error set if the carer is not on this device
 */
gboolean
cf_sync_marks_describe_carer (CfStore     *store,
                              const char  *carer_id,
                              char       **name,
                              char       **reference,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (carer_id != NULL, FALSE);
  g_return_val_if_fail (name != NULL && reference != NULL, FALSE);

  stmt = cf_store_prepare (store,
                           "SELECT given_name, family_name, preferred_name, reference FROM carer "
                           "WHERE id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, carer_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, CF_STORE_ERROR, CF_STORE_ERROR_NOT_FOUND,
                           _("The carer is no longer on this device."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return cf_database_set_error (error, sqlite3_db_handle (stmt), _("read the carer"));

  *name = cf_display_name ((const char *) sqlite3_column_text (stmt, 0),
                           (const char *) sqlite3_column_text (stmt, 1),
                           (const char *) sqlite3_column_text (stmt, 2));
  *reference = g_strdup ((const char *) sqlite3_column_text (stmt, 3));

  return TRUE;
}

/* What tells one record of its kind from another: a person's name, or an answer's question. */
static char *
dup_record_detail (CfStore             *store,
                   const CfEntityInfo  *info,
                   const char          *record_id,
                   GError             **error)
{
  const char *column;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *text;
  int rc;

  if (g_str_equal (info->entity, "assessment_answer"))
    column = "question";
  else if (cf_entity_info_find_field (info, "name") != NULL)
    column = "name";
  else
    return g_strdup ("");

  sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?", column, info->entity);
  if ((stmt = cf_store_prepare (store, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, record_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return g_strdup ("");
  if (rc != SQLITE_ROW)
    {
      cf_database_set_error (error, sqlite3_db_handle (stmt), _("read the record"));
      return NULL;
    }

  text = (const char *) sqlite3_column_text (stmt, 0);
  if (g_str_equal (column, "question"))
    {
      const CfQuestion *question =
        cf_assessment_template_find_question (cf_assessment_template_get_default (), text);

      if (question != NULL)
        text = _(question->label);
    }

  return g_strdup (text != NULL ? text : "");
}

/**
 * cf_sync_marks_describe_record:
 * @entity: an entity name, as on the wire
 *
 * Returns: (transfer full): the record in words, e.g. “Person cared for: Godfrey”, or just its
 *   kind (“Carer’s details”) when nothing more tells it apart; %NULL with @error set
 */
char *
cf_sync_marks_describe_record (CfStore     *store,
                               const char  *entity,
                               const char  *record_id,
                               GError     **error)
{
  const CfEntityInfo *info;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (entity != NULL, NULL);
  g_return_val_if_fail (record_id != NULL, NULL);

  if ((info = cf_entities_lookup (entity)) == NULL)
    return g_strdup (cf_entity_describe (entity));

  if ((detail = dup_record_detail (store, info, record_id, error)) == NULL)
    return NULL;
  if (*detail == '\0')
    return g_strdup (cf_entity_describe (entity));

  /* Translators: a record in a list of sync conflicts or refused changes: its kind, then what
   * tells it apart, e.g. “Person cared for: Godfrey” */
  return g_strdup_printf (C_("sync record", "%1$s: %2$s"), cf_entity_describe (entity), detail);
}
