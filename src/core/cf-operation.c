/* cf-operation.c: what every operation on the store shares
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each step a person takes on a record (starting an assessment, agreeing a plan, ending a direct
 * payment…) is saved with an entry in the carer's history, dated by the store's clock and
 * signed with the user's name, and refuses with the list of what is still missing, in words.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-dates.h"
#include "cf-operation-private.h"

/**
 * cf_operation_is_blank:
 *
 * Returns: whether @text is %NULL, empty or only white space (in any script)
 */
gboolean
cf_operation_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }

  return TRUE;
}

/**
 * cf_operation_today:
 *
 * Returns: (transfer full): today's date by the store's clock, in England, as stored
 *   ("YYYY-MM-DD")
 */
char *
cf_operation_today (CfStore *store)
{
  GDate today;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);

  cf_clock_today (cf_store_get_clock (store), &today);
  return cf_date_write_iso (&today);
}

/**
 * cf_operation_new_event:
 * @related_id: the record the step was taken on
 *
 * An entry for the carer's history, made now by the store's user.
 *
 * Returns: (transfer full): the event, not yet saved
 */
CfCarerEvent *
cf_operation_new_event (CfStore    *store,
                        const char *carer_id,
                        const char *kind,
                        const char *notes,
                        const char *related_id)
{
  CfCarerEvent *event;
  g_autofree char *now = NULL;
  CfRecord *record;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (carer_id != NULL && kind != NULL, NULL);

  event = cf_carer_event_new (carer_id, kind);
  now = cf_clock_now_iso8601 (cf_store_get_clock (store));
  record = CF_RECORD (event);
  cf_record_set_text (record, "occurred_at", now);
  cf_record_set_text (record, "recorded_by", cf_store_get_user_name (store));
  cf_record_set_text (record, "notes", notes != NULL ? notes : "");
  cf_record_set_text (record, "related_id", related_id != NULL ? related_id : "");

  return event;
}

/**
 * cf_operation_join_missing:
 * @missing: (element-type utf8): what is still needed, in words
 *
 * Returns: (transfer full): the items as one line, for a message such as "Still needed: …"
 */
char *
cf_operation_join_missing (GPtrArray *missing)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (missing != NULL, NULL);

  for (guint i = 0; i < missing->len; i++)
    {
      if (i > 0)
        /* Translators: between the items of a list of what is still needed */
        g_string_append (text, _("; "));
      g_string_append (text, g_ptr_array_index (missing, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
