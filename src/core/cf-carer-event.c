/* cf-carer-event.c: one entry in a carer's history
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Referral and waiting": first contact, "waiting well" check-in calls, and every
 * re-rating of priority with who, when and why. Events are only ever added, so the history
 * a coordinator reads is the history that happened.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-carer-event.h"
#include "cf-choices.h"

struct _CfCarerEvent
{
  CfRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CfCarerEvent, cf_carer_event, CF_TYPE_RECORD)

static const CfField carer_event_fields[] = {
  { "carer_id", CF_FIELD_TEXT },
  { "kind", CF_FIELD_TEXT },
  { "occurred_at", CF_FIELD_TEXT },
  { "recorded_by", CF_FIELD_TEXT },
  { "notes", CF_FIELD_TEXT },
  { "previous_priority", CF_FIELD_TEXT },
  { "priority", CF_FIELD_TEXT },
  /* The assessment (or later, plan) the event is about, if any. */
  { "related_id", CF_FIELD_TEXT },
  { NULL }
};

static void
cf_carer_event_class_init (CfCarerEventClass *klass)
{
  cf_record_class_set_entity (CF_RECORD_CLASS (klass), "carer_event", carer_event_fields);
}

static void
cf_carer_event_init (CfCarerEvent *self)
{
}

CfCarerEvent *
cf_carer_event_new (const char *carer_id,
                    const char *kind)
{
  CfCarerEvent *self;

  g_return_val_if_fail (carer_id != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (CF_TYPE_CARER_EVENT, NULL);
  cf_record_set_text (CF_RECORD (self), "carer_id", carer_id);
  cf_record_set_text (CF_RECORD (self), "kind", kind);

  return self;
}

/* A one-line summary for the history list, e.g. “Priority changed from Green to Red”. */
char *
cf_carer_event_dup_title (CfCarerEvent *self)
{
  CfRecord *record = CF_RECORD (self);
  const char *kind;
  const char *previous;
  const char *priority;

  g_return_val_if_fail (CF_IS_CARER_EVENT (self), NULL);

  kind = cf_record_get_text (record, "kind");
  previous = cf_record_get_text (record, "previous_priority");
  priority = cf_record_get_text (record, "priority");

  if (g_str_equal (kind, CF_EVENT_FIRST_CONTACT))
    return g_strdup (_("First contact made"));
  if (g_str_equal (kind, CF_EVENT_WAITING_WELL))
    return g_strdup (_("Waiting well call"));
  if (g_str_equal (kind, CF_EVENT_CLOSED))
    return g_strdup (_("Closed with information and advice"));
  if (g_str_equal (kind, CF_EVENT_REOPENED))
    return g_strdup (_("Reopened"));
  if (g_str_equal (kind, CF_EVENT_ASSESSMENT_STARTED))
    return g_strdup (_("Assessment started"));
  if (g_str_equal (kind, CF_EVENT_ASSESSMENT_FINISHED))
    return g_strdup (_("Assessment finished"));
  if (g_str_equal (kind, CF_EVENT_ASSESSMENT_RETURNED))
    return g_strdup (_("Assessment returned for correction"));
  if (g_str_equal (kind, CF_EVENT_RECORD_GIVEN))
    return g_strdup (_("Written record given to the carer"));
  if (g_str_equal (kind, CF_EVENT_EMERGENCY_PLAN_AGREED))
    return g_strdup (_("Emergency plan agreed"));
  if (g_str_equal (kind, CF_EVENT_EMERGENCY_PLAN_CHECKED))
    return g_strdup (_("Emergency plan checked"));
  if (g_str_equal (kind, CF_EVENT_DIRECT_PAYMENT_REQUESTED))
    return g_strdup (_("Direct payment requested"));
  if (g_str_equal (kind, CF_EVENT_DIRECT_PAYMENT_AGREED))
    return g_strdup (_("Direct payment agreed"));
  if (g_str_equal (kind, CF_EVENT_DIRECT_PAYMENT_REFUSED))
    return g_strdup (_("Direct payment cannot be set up"));
  if (g_str_equal (kind, CF_EVENT_DIRECT_PAYMENT_ENDED))
    return g_strdup (_("Direct payment ended"));
  if (g_str_equal (kind, CF_EVENT_PLAN_CREATED))
    return g_strdup (_("Support plan started"));
  if (g_str_equal (kind, CF_EVENT_PLAN_AGREED))
    return g_strdup (_("Support plan agreed"));
  if (g_str_equal (kind, CF_EVENT_PLAN_REVISED))
    return g_strdup (_("Support plan revised"));
  if (g_str_equal (kind, CF_EVENT_PLAN_COPY_GIVEN))
    return g_strdup (_("Copy of the support plan given"));
  if (g_str_equal (kind, CF_EVENT_BREAK_TAKEN))
    return g_strdup (_("Break taken"));
  if (g_str_equal (kind, CF_EVENT_REVIEW_REQUESTED))
    return g_strdup (_("Early review asked for"));
  if (g_str_equal (kind, CF_EVENT_REVIEW_HELD))
    return g_strdup (_("Review held"));
  if (g_str_equal (kind, CF_EVENT_TEXT_QUEUED))
    return g_strdup (_("Text reminder queued"));
  if (g_str_equal (kind, CF_EVENT_TEXTS_CONSENT))
    return g_strdup (_("Consent to text messages changed"));
  if (g_str_equal (kind, CF_EVENT_CARER_RESPONDED))
    return g_strdup (_("The carer responded to their plan"));
  if (g_str_equal (kind, CF_EVENT_PRIORITY))
    {
      if (*previous == '\0')
        /* Translators: %s is a priority: Red, Amber or Green */
        return g_strdup_printf (_("Priority set to %s"),
                                cf_choices_label (cf_priorities, priority));
      /* Translators: %1$s and %2$s are priorities: Red, Amber or Green */
      return g_strdup_printf (_("Priority changed from %1$s to %2$s"),
                              cf_choices_label (cf_priorities, previous),
                              cf_choices_label (cf_priorities, priority));
    }

  return g_strdup (kind);
}
