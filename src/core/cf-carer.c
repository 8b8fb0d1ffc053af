/* cf-carer.c: an unpaid carer, their referral and how to reach them
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cf-carer-private.h"

struct _CfCarer
{
  CfRecord    parent_instance;

  GListStore *cared_for;
  /* Cared-for people removed since the last save: kept so the store writes tombstones. */
  GPtrArray  *removed;
};

G_DEFINE_FINAL_TYPE (CfCarer, cf_carer, CF_TYPE_RECORD)

/* The columns of the carer table. Adding a field means a migration, a line here, and (if a
 * person edits it) a row in the editor. DOMAIN.md, "Referral and waiting" and "Information,
 * consent, equality, records". */
static const CfField carer_fields[] = {
  { "reference", CF_FIELD_TEXT },
  { "given_name", CF_FIELD_TEXT },
  { "family_name", CF_FIELD_TEXT },
  { "preferred_name", CF_FIELD_TEXT },
  { "date_of_birth", CF_FIELD_TEXT },
  { "address", CF_FIELD_TEXT },
  { "postcode", CF_FIELD_TEXT },
  { "phone", CF_FIELD_TEXT },
  { "email", CF_FIELD_TEXT },
  { "contact_method", CF_FIELD_TEXT },
  { "locality", CF_FIELD_TEXT },
  { "rural_isolated", CF_FIELD_BOOL },
  { "communication_needs", CF_FIELD_TEXT },
  { "preferred_language", CF_FIELD_TEXT },
  { "interpreter_needed", CF_FIELD_BOOL },
  { "referral_source", CF_FIELD_TEXT },
  { "referral_reason", CF_FIELD_TEXT },
  { "referral_received_at", CF_FIELD_TEXT },
  { "referral_consent", CF_FIELD_BOOL },
  { "priority", CF_FIELD_TEXT },
  { "priority_reason", CF_FIELD_TEXT },
  { "status", CF_FIELD_TEXT },
  { "first_contact_at", CF_FIELD_TEXT },
  { "closed_at", CF_FIELD_TEXT },
  { "closure_reason", CF_FIELD_TEXT },
  /* Why a carer was closed, counted as an outcome (DOMAIN.md, "Indicators"). */
  { "closure_outcome", CF_FIELD_TEXT },
  { "worker", CF_FIELD_TEXT },
  /* Consent to text messages (DOMAIN.md, "Information, consent"): reminders are queued only
   * when it is given. Withdrawing it is a history event, so it is never lost. */
  { "texts_consent", CF_FIELD_BOOL },
  { "texts_consent_on", CF_FIELD_TEXT },
  { NULL }
};

static void
cf_carer_dispose (GObject *object)
{
  CfCarer *self = CF_CARER (object);

  g_clear_object (&self->cared_for);
  g_clear_pointer (&self->removed, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_carer_parent_class)->dispose (object);
}

static void
cf_carer_constructed (GObject *object)
{
  CfCarer *self = CF_CARER (object);
  CfRecord *record = CF_RECORD (self);
  g_autofree char *reference = cf_reference_for_id (cf_record_get_id (record));

  G_OBJECT_CLASS (cf_carer_parent_class)->constructed (object);

  /* A new carer has a reference and is waiting for first contact. A loaded one gets its
   * stored values over these straight after. */
  cf_record_set_text (record, "reference", reference);
  cf_record_set_text (record, "status", "waiting");
}

static void
cf_carer_class_init (CfCarerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_carer_dispose;
  object_class->constructed = cf_carer_constructed;

  cf_record_class_set_entity (CF_RECORD_CLASS (klass), "carer", carer_fields);
}

static void
cf_carer_init (CfCarer *self)
{
  self->cared_for = g_list_store_new (CF_TYPE_CARED_FOR);
  self->removed = g_ptr_array_new_with_free_func (g_object_unref);
}

CfCarer *
cf_carer_new (void)
{
  return g_object_new (CF_TYPE_CARER, NULL);
}

/* References are made on the device from the record's UUID, so two laptops offline never
 * hand out the same one. */
char *
cf_reference_for_id (const char *id)
{
  g_autofree char *hex = NULL;
  GString *reference;

  g_return_val_if_fail (id != NULL, NULL);

  hex = g_ascii_strup (id, -1);
  reference = g_string_new ("CF-");
  for (const char *p = hex; *p != '\0' && reference->len < 12; p++)
    {
      if (!g_ascii_isxdigit (*p))
        continue;
      if (reference->len == 7)
        g_string_append_c (reference, '-');
      g_string_append_c (reference, *p);
    }

  return g_string_free (reference, FALSE);
}

char *
cf_display_name (const char *given_name,
                 const char *family_name,
                 const char *preferred_name)
{
  g_autofree char *given = g_strstrip (g_strdup (given_name ? given_name : ""));
  g_autofree char *family = g_strstrip (g_strdup (family_name ? family_name : ""));
  g_autofree char *preferred = g_strstrip (g_strdup (preferred_name ? preferred_name : ""));

  if (*given == '\0' && *family == '\0' && *preferred == '\0')
    return g_strdup (_("Unnamed carer"));

  if (*preferred != '\0' && g_strcmp0 (preferred, given) != 0)
    {
      if (*given == '\0')
        return g_strdup_printf ("%s %s", preferred, family);
      /* Translators: a person's name with the name they prefer to be called, e.g.
       * “Margaret (Peggy) Ash”: %1$s is the given name, %2$s the preferred name, %3$s the
       * family name */
      return g_strdup_printf (_("%1$s (%2$s) %3$s"), given, preferred, family);
    }

  if (*given == '\0')
    return g_strdup (family);
  if (*family == '\0')
    return g_strdup (given);

  return g_strdup_printf ("%s %s", given, family);
}

char *
cf_carer_dup_display_name (CfCarer *self)
{
  CfRecord *record = CF_RECORD (self);

  g_return_val_if_fail (CF_IS_CARER (self), NULL);

  return cf_display_name (cf_record_get_text (record, "given_name"),
                          cf_record_get_text (record, "family_name"),
                          cf_record_get_text (record, "preferred_name"));
}

/**
 * cf_carer_get_cared_for:
 *
 * Returns: (transfer none): the people this carer cares for, as #CfCaredFor
 */
GListModel *
cf_carer_get_cared_for (CfCarer *self)
{
  g_return_val_if_fail (CF_IS_CARER (self), NULL);

  return G_LIST_MODEL (self->cared_for);
}

/**
 * cf_carer_add_cared_for:
 *
 * Returns: (transfer none): a new cared-for person, linked to this carer, saved with it
 */
CfCaredFor *
cf_carer_add_cared_for (CfCarer *self)
{
  g_autoptr(CfCaredFor) cared_for = NULL;
  guint n;

  g_return_val_if_fail (CF_IS_CARER (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->cared_for));
  cared_for = cf_cared_for_new (cf_record_get_id (CF_RECORD (self)));
  cf_record_set_int (CF_RECORD (cared_for), "position", n);
  g_list_store_append (self->cared_for, cared_for);

  return cared_for;
}

void
cf_carer_remove_cared_for (CfCarer    *self,
                           CfCaredFor *cared_for)
{
  guint position;

  g_return_if_fail (CF_IS_CARER (self));
  g_return_if_fail (CF_IS_CARED_FOR (cared_for));

  if (!g_list_store_find (self->cared_for, cared_for, &position))
    return;

  cf_record_set_deleted (CF_RECORD (cared_for), TRUE);
  if (!cf_record_is_new (CF_RECORD (cared_for)))
    g_ptr_array_add (self->removed, g_object_ref (cared_for));
  g_list_store_remove (self->cared_for, position);
}

/**
 * cf_carer_dup_removed:
 *
 * Returns: (transfer container): cared-for people removed since the last save
 */
GPtrArray *
cf_carer_dup_removed (CfCarer *self)
{
  GPtrArray *copy;

  g_return_val_if_fail (CF_IS_CARER (self), NULL);

  copy = g_ptr_array_new_full (self->removed->len, g_object_unref);
  for (guint i = 0; i < self->removed->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (self->removed, i)));

  return copy;
}

void
cf_carer_forget_removed (CfCarer *self)
{
  g_ptr_array_set_size (self->removed, 0);
}

void
cf_carer_take_loaded_cared_for (CfCarer   *self,
                                GPtrArray *cared_for)
{
  g_list_store_splice (self->cared_for, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->cared_for)),
                       cared_for->pdata, cared_for->len);
  g_ptr_array_unref (cared_for);
}
