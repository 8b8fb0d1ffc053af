/* cf-referral.c: first contact, waiting-well calls, re-rating and closing
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Referral and waiting". Each operation changes the carer and adds an event to
 * their history in one transaction, so the history can never disagree with the record.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-carer-event.h"
#include "cf-choices.h"
#include "cf-referral.h"

static gboolean
require_text (const char  *text,
              const char  *message,
              GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (*stripped == '\0')
    {
      g_set_error_literal (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED, message);
      return FALSE;
    }

  return TRUE;
}

static char *
iso8601_utc (GDateTime *when)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (when);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* A history entry of @kind for @carer, happening now unless @at says when. */
static CfCarerEvent *
new_event (CfStore    *store,
           CfCarer    *carer,
           const char *kind,
           const char *at,
           const char *notes)
{
  CfCarerEvent *event = cf_carer_event_new (cf_record_get_id (CF_RECORD (carer)), kind);
  g_autofree char *now = NULL;

  if (at == NULL)
    at = now = cf_clock_now_iso8601 (cf_store_get_clock (store));

  cf_record_set_text (CF_RECORD (event), "occurred_at", at);
  cf_record_set_text (CF_RECORD (event), "notes", notes);

  return event;
}

static gboolean
save_with_event (CfStore       *store,
                 CfCarer       *carer,
                 CfCarerEvent  *event,
                 GError       **error)
{
  CfRecord *records[] = { CF_RECORD (carer), CF_RECORD (event) };

  cf_record_set_text (CF_RECORD (event), "recorded_by", cf_store_get_user_name (store));
  return cf_store_save (store, records, G_N_ELEMENTS (records), error);
}

/**
 * cf_referral_record_contact:
 * @kind: %CF_EVENT_FIRST_CONTACT or %CF_EVENT_WAITING_WELL
 * @when: (nullable): when the contact happened; now if %NULL
 *
 * Records a contact. The first contact moves a waiting carer to active; "waiting well" calls
 * are logged without changing the status.
 */
gboolean
cf_referral_record_contact (CfStore     *store,
                            CfCarer     *carer,
                            const char  *kind,
                            GDateTime   *when,
                            const char  *notes,
                            GError     **error)
{
  CfRecord *record = CF_RECORD (carer);
  g_autoptr(CfCarerEvent) event = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *at = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_CARER (carer), FALSE);
  g_return_val_if_fail (cf_choices_find (cf_contact_kinds, kind) >= 0, FALSE);

  if (when == NULL)
    when = now = cf_clock_now (cf_store_get_clock (store));
  at = iso8601_utc (when);

  event = new_event (store, carer, kind, at, notes);

  if (g_str_equal (kind, CF_EVENT_FIRST_CONTACT))
    {
      if (*cf_record_get_text (record, "first_contact_at") != '\0')
        {
          g_set_error_literal (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED,
                               _("First contact has already been recorded for this carer."));
          return FALSE;
        }
      cf_record_set_text (record, "first_contact_at", at);
      if (g_str_equal (cf_record_get_text (record, "status"), "waiting"))
        cf_record_set_text (record, "status", "active");
    }

  return save_with_event (store, carer, event, error);
}

/**
 * cf_referral_rerate:
 *
 * Changes the carer's priority, keeping who, when and why in the history. A reason is
 * required: a priority with no reason cannot be reviewed later.
 */
gboolean
cf_referral_rerate (CfStore     *store,
                    CfCarer     *carer,
                    const char  *priority,
                    const char  *reason,
                    GError     **error)
{
  CfRecord *record = CF_RECORD (carer);
  g_autoptr(CfCarerEvent) event = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_CARER (carer), FALSE);

  if (cf_choices_find (cf_priorities, priority) < 0)
    {
      g_set_error_literal (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED,
                           _("Choose a priority: red, amber or green."));
      return FALSE;
    }

  if (!require_text (reason, _("Give a reason for the priority."), error))
    return FALSE;

  event = new_event (store, carer, CF_EVENT_PRIORITY, NULL, reason);
  cf_record_set_text (CF_RECORD (event), "previous_priority",
                      cf_record_get_text (record, "priority"));
  cf_record_set_text (CF_RECORD (event), "priority", priority);

  cf_record_set_text (record, "priority", priority);
  cf_record_set_text (record, "priority_reason", reason);

  return save_with_event (store, carer, event, error);
}

/**
 * cf_referral_close:
 * @outcome: one of cf_closure_outcomes
 * @advice_given: what information and advice was given, and where to
 *
 * Closes a carer with information and advice. DOMAIN.md: a carer can be given information and
 * advice and closed without an assessment, or after one that found nothing eligible, or after
 * declining (s.11); each counts as an outcome.
 */
gboolean
cf_referral_close (CfStore     *store,
                   CfCarer     *carer,
                   const char  *outcome,
                   const char  *advice_given,
                   GError     **error)
{
  CfRecord *record = CF_RECORD (carer);
  g_autoptr(CfCarerEvent) event = NULL;
  g_autofree char *at = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_CARER (carer), FALSE);

  if (cf_choices_find (cf_closure_outcomes, outcome) < 0)
    {
      g_set_error_literal (error, CF_STORE_ERROR, CF_STORE_ERROR_FAILED,
                           _("Say why the carer is being closed."));
      return FALSE;
    }

  if (!require_text (advice_given,
                     _("Say what information and advice was given before closing."), error))
    return FALSE;

  event = new_event (store, carer, CF_EVENT_CLOSED, NULL, advice_given);
  at = g_strdup (cf_record_get_text (CF_RECORD (event), "occurred_at"));

  cf_record_set_text (record, "status", "closed");
  cf_record_set_text (record, "closed_at", at);
  cf_record_set_text (record, "closure_reason", advice_given);
  cf_record_set_text (record, "closure_outcome", outcome);

  return save_with_event (store, carer, event, error);
}

/* DOMAIN.md: the duty revives on request or change, so a closed carer can be reopened. */
gboolean
cf_referral_reopen (CfStore     *store,
                    CfCarer     *carer,
                    const char  *reason,
                    GError     **error)
{
  CfRecord *record = CF_RECORD (carer);
  g_autoptr(CfCarerEvent) event = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), FALSE);
  g_return_val_if_fail (CF_IS_CARER (carer), FALSE);

  if (!require_text (reason, _("Give a reason for reopening."), error))
    return FALSE;

  event = new_event (store, carer, CF_EVENT_REOPENED, NULL, reason);

  cf_record_set_text (record, "status",
                      *cf_record_get_text (record, "first_contact_at") != '\0'
                      ? "active" : "waiting");
  cf_record_set_text (record, "closed_at", "");
  cf_record_set_text (record, "closure_reason", "");

  return save_with_event (store, carer, event, error);
}
