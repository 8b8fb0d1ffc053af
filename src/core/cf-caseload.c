/* cf-caseload.c: the worker's caseload as a list model
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A coordinator's caseload can hold tens of thousands of carers (DOMAIN.md, "Who and where"),
 * and the list and its search must stay instant. So the model reads only the few columns the
 * list shows into compact entries, searches and filters those in memory, and makes a
 * CfCaseloadItem only for the rows a view actually asks for. Full records are loaded one at a
 * time, when a carer is opened.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cf-assessment.h"
#include "cf-carer.h"
#include "cf-caseload-item-private.h"
#include "cf-caseload.h"
#include "cf-choices.h"
#include "cf-store-private.h"

typedef enum
{
  STATUS_WAITING,
  STATUS_ACTIVE,
  STATUS_CLOSED,
  STATUS_OTHER,
} Status;

typedef struct
{
  char           *id;
  char           *name;
  char           *reference;
  char           *locality;
  char           *status;
  char           *priority;
  char           *received_at;
  char           *worker;
  /* Casefolded family name, then given names: the sort order. */
  char           *sort_key;
  /* Casefolded names, reference and postcode, and the phone number's digits. */
  char           *haystack;
  Status          status_kind;
  gboolean        assessing;
  CfCarerSyncFlags sync_flags;
  /* The first-contact due date as a Julian day, 0 when nothing is due. */
  guint32         due_julian;
  CfCaseloadItem *item;
} Entry;

struct _CfCaseload
{
  GObject           parent_instance;

  CfStore          *store;
  CfCalendar       *calendar;
  guint             first_contact_days;
  gulong            saved_handler;

  /* Every carer, sorted; and the ones the query and filter let through, in the same order. */
  GPtrArray        *entries;
  GHashTable       *by_id;
  GPtrArray        *visible;

  char             *query;
  char            **query_words;
  CfCaseloadFilter  filter;
  guint32           today_julian;
};

static void cf_caseload_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CfCaseload, cf_caseload, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cf_caseload_list_model_init))

enum {
  PROP_0,
  PROP_QUERY,
  PROP_FILTER,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *filter_names[] = {
  "all", "waiting", "overdue", "active", "closed", "assessing", "unsynced", "conflicts",
};

G_STATIC_ASSERT (G_N_ELEMENTS (filter_names) == CF_CASELOAD_N_FILTERS);

static void
entry_free (Entry *entry)
{
  g_free (entry->id);
  g_free (entry->name);
  g_free (entry->reference);
  g_free (entry->locality);
  g_free (entry->status);
  g_free (entry->priority);
  g_free (entry->received_at);
  g_free (entry->worker);
  g_free (entry->sort_key);
  g_free (entry->haystack);
  g_clear_object (&entry->item);
  g_free (entry);
}

static char *
digits_of (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
    }

  return g_string_free (digits, FALSE);
}

static char *
squeeze_spaces (const char *text)
{
  GString *squeezed = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p != ' ')
        g_string_append_c (squeezed, *p);
    }

  return g_string_free (squeezed, FALSE);
}

static Entry *
entry_new (const CfCarerSummaryRow *row)
{
  Entry *entry = g_new0 (Entry, 1);
  g_autofree char *phone_digits = NULL;
  g_autofree char *postcode_squeezed = NULL;
  g_autofree char *sort_source = NULL;
  g_autofree char *haystack = NULL;

  entry->id = g_strdup (row->id);
  entry->name = cf_display_name (row->given_name, row->family_name, row->preferred_name);
  entry->reference = g_strdup (row->reference);
  entry->locality = g_strdup (row->locality);
  entry->status = g_strdup (row->status);
  entry->priority = g_strdup (row->priority);
  entry->received_at = g_strdup (row->referral_received_at);
  entry->worker = g_strdup (row->worker);
  entry->assessing = row->assessing;
  entry->sync_flags = row->sync_flags;

  if (g_strcmp0 (row->status, "waiting") == 0)
    entry->status_kind = STATUS_WAITING;
  else if (g_strcmp0 (row->status, "active") == 0)
    entry->status_kind = STATUS_ACTIVE;
  else if (g_strcmp0 (row->status, "closed") == 0)
    entry->status_kind = STATUS_CLOSED;
  else
    entry->status_kind = STATUS_OTHER;

  sort_source = g_strdup_printf ("%s\x01%s\x01%s", row->family_name, row->given_name,
                                 row->reference);
  entry->sort_key = g_utf8_casefold (sort_source, -1);

  /* The postcode goes in with and without its space, so "ln13ab" finds "LN1 3AB". */
  postcode_squeezed = squeeze_spaces (row->postcode);
  phone_digits = digits_of (row->phone);
  haystack = g_strjoin ("\x01", row->given_name, row->family_name, row->preferred_name,
                        row->reference, row->postcode, postcode_squeezed, phone_digits, NULL);
  entry->haystack = g_utf8_casefold (haystack, -1);

  return entry;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(const Entry * const *) a;
  const Entry *eb = *(const Entry * const *) b;
  int cmp = strcmp (ea->sort_key, eb->sort_key);

  return cmp != 0 ? cmp : strcmp (ea->id, eb->id);
}

static guint32
julian_today (CfCaseload *self)
{
  GDate today;

  cf_clock_today (cf_store_get_clock (self->store), &today);
  return g_date_get_julian (&today);
}

/**
 * cf_first_contact_due_julian:
 * @status: the carer's status
 * @received_at: when the referral was received, ISO 8601
 *
 * DOMAIN.md, "Referral and waiting": first contact is due 3 working days from referral
 * (England and Wales bank holidays; configurable). Only carers still waiting have it due.
 *
 * Returns: the due date as a Julian day, or 0 when nothing is due
 */
guint32
cf_first_contact_due_julian (CfCalendar *calendar,
                             guint       target_days,
                             const char *status,
                             const char *received_at)
{
  g_autoptr(GDateTime) received = NULL;
  GDate *due;
  guint32 julian;

  g_return_val_if_fail (CF_IS_CALENDAR (calendar), 0);

  if (g_strcmp0 (status, "waiting") != 0 || received_at == NULL || *received_at == '\0')
    return 0;

  received = g_date_time_new_from_iso8601 (received_at, NULL);
  if (received == NULL)
    return 0;

  due = cf_calendar_first_contact_due (calendar, received, target_days);
  julian = g_date_get_julian (due);
  g_date_free (due);

  return julian;
}

/**
 * cf_first_contact_describe:
 * @state: (out) (optional): one of the CF_DUE_ states
 *
 * Returns: (transfer full): the next thing due for a carer, in words, as the caseload and the
 *   carer's page both show it
 */
char *
cf_first_contact_describe (const char *status,
                           guint32     due_julian,
                           guint32     today_julian,
                           const char **state)
{
  char date_text[64];
  GDate due;

  if (state != NULL)
    {
      if (due_julian == 0)
        *state = CF_DUE_NONE;
      else if (due_julian < today_julian)
        *state = CF_DUE_OVERDUE;
      else if (due_julian == today_julian)
        *state = CF_DUE_TODAY;
      else
        *state = CF_DUE_LATER;
    }

  if (g_strcmp0 (status, "closed") == 0)
    return g_strdup (_("Closed"));
  if (g_strcmp0 (status, "active") == 0)
    return g_strdup (_("Contacted"));
  if (due_julian == 0)
    return g_strdup (_("Waiting for first contact"));

  g_date_clear (&due, 1);
  g_date_set_julian (&due, due_julian);
  /* Translators: a short date, e.g. “Wed 25 Nov”; see strftime for the codes */
  g_date_strftime (date_text, sizeof date_text, _("%a %-d %b"), &due);

  if (due_julian < today_julian)
    /* Translators: %s is a short date, e.g. “Wed 25 Nov” */
    return g_strdup_printf (_("First contact overdue since %s"), date_text);
  if (due_julian == today_julian)
    return g_strdup (_("First contact due today"));

  /* Translators: %s is a short date, e.g. “Wed 25 Nov” */
  return g_strdup_printf (_("First contact due %s"), date_text);
}

static void
entry_compute_due (CfCaseload *self,
                   Entry      *entry)
{
  entry->due_julian = cf_first_contact_due_julian (self->calendar, self->first_contact_days,
                                                   entry->status, entry->received_at);
}

/* The one mark a row shows: the most pressing of what is not yet in step. */
static const char *
entry_sync_mark (const Entry *entry)
{
  if (entry->sync_flags & CF_CARER_SYNC_CONFLICT)
    return CF_SYNC_MARK_CONFLICT;
  if (entry->sync_flags & CF_CARER_SYNC_REFUSED)
    return CF_SYNC_MARK_REFUSED;
  if (entry->sync_flags & CF_CARER_SYNC_WAITING)
    return CF_SYNC_MARK_WAITING;

  return CF_SYNC_MARK_NONE;
}

static void
entry_sync_item (CfCaseload *self,
                 Entry      *entry)
{
  g_autofree char *due_text = NULL;
  const char *state;

  if (entry->item == NULL)
    return;

  due_text = cf_first_contact_describe (entry->status, entry->due_julian, self->today_julian,
                                        &state);
  /* What a worker most needs to know of an active carer: an assessment is part done. */
  if (entry->assessing && entry->status_kind == STATUS_ACTIVE)
    {
      g_free (due_text);
      due_text = g_strdup (_("Assessment in progress"));
    }
  cf_caseload_item_update (entry->item, entry->name, entry->reference, entry->locality,
                           entry->status, entry->priority, due_text, state,
                           entry_sync_mark (entry), entry->worker);
}

static gboolean
entry_matches (CfCaseload  *self,
               const Entry *entry)
{
  switch (self->filter)
    {
    case CF_CASELOAD_FILTER_WAITING:
      if (entry->status_kind != STATUS_WAITING)
        return FALSE;
      break;
    case CF_CASELOAD_FILTER_OVERDUE:
      if (entry->status_kind != STATUS_WAITING || entry->due_julian == 0 ||
          entry->due_julian >= self->today_julian)
        return FALSE;
      break;
    case CF_CASELOAD_FILTER_ACTIVE:
      if (entry->status_kind != STATUS_ACTIVE)
        return FALSE;
      break;
    case CF_CASELOAD_FILTER_CLOSED:
      if (entry->status_kind != STATUS_CLOSED)
        return FALSE;
      break;
    case CF_CASELOAD_FILTER_ASSESSING:
      if (!entry->assessing)
        return FALSE;
      break;
    case CF_CASELOAD_FILTER_UNSYNCED:
      if ((entry->sync_flags & (CF_CARER_SYNC_WAITING | CF_CARER_SYNC_REFUSED)) == 0)
        return FALSE;
      break;
    case CF_CASELOAD_FILTER_CONFLICTS:
      if ((entry->sync_flags & CF_CARER_SYNC_CONFLICT) == 0)
        return FALSE;
      break;
    case CF_CASELOAD_FILTER_ALL:
    default:
      break;
    }

  if (self->query_words != NULL)
    {
      for (guint i = 0; self->query_words[i] != NULL; i++)
        {
          if (strstr (entry->haystack, self->query_words[i]) == NULL)
            return FALSE;
        }
    }

  return TRUE;
}

/* A new search or filter empties the list and fills it again, told as two changes. Told as
 * one (replace n with m), GTK 4.8's list view and selection look through every added item for
 * the rows they were tracking, which would make a row object for each of 20,000 carers; told
 * as two, nothing needs looking for and the list starts again from the top, as it should for
 * new results. */
static void
rebuild_visible (CfCaseload *self)
{
  guint old_n = self->visible->len;

  g_ptr_array_set_size (self->visible, 0);
  if (old_n != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, 0);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry_matches (self, entry))
        g_ptr_array_add (self->visible, entry);
    }

  if (self->visible->len != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->visible->len);
  if (old_n != self->visible->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Where @entry goes in @array, which is sorted and does not hold it. */
static guint
sorted_position (GPtrArray *array,
                 Entry     *entry)
{
  guint low = 0;
  guint high = array->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (compare_entries (&g_ptr_array_index (array, mid), &entry) < 0)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

static gboolean
find_in (GPtrArray *array,
         Entry     *entry,
         guint     *position)
{
  guint at = sorted_position (array, entry);

  if (at < array->len && g_ptr_array_index (array, at) == entry)
    {
      *position = at;
      return TRUE;
    }

  return FALSE;
}

static void
apply_row (const CfCarerSummaryRow *row,
           gpointer                 user_data)
{
  g_ptr_array_add (user_data, entry_new (row));
}

/* A carer was saved: move just that row, and keep its item so a view keeps its place. */
static void
update_entry (CfCaseload *self,
              const char *id)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  g_autoptr(GError) error = NULL;
  Entry *entry;
  Entry *fresh = NULL;
  guint old_visible = G_MAXUINT;
  guint new_visible;
  guint position;
  gboolean was_visible = FALSE;
  gboolean matches;

  if (!cf_store_foreach_carer_summary (self->store, id, apply_row, rows, &error))
    {
      g_warning ("Could not refresh the caseload: %s", error->message);
      return;
    }

  if (rows->len > 0)
    fresh = g_ptr_array_steal_index (rows, 0);

  entry = g_hash_table_lookup (self->by_id, id);
  if (entry != NULL)
    {
      was_visible = find_in (self->visible, entry, &old_visible);
      if (find_in (self->entries, entry, &position))
        g_ptr_array_steal_index (self->entries, position);
    }

  if (fresh == NULL)
    {
      /* Deleted or gone out of scope. */
      if (was_visible)
        {
          g_ptr_array_remove_index (self->visible, old_visible);
          g_list_model_items_changed (G_LIST_MODEL (self), old_visible, 1, 0);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
        }
      if (entry != NULL)
        {
          g_hash_table_remove (self->by_id, id);
          entry_free (entry);
        }
      return;
    }

  if (entry != NULL)
    {
      /* Keep the entry (and its item); take the fresh values. */
      fresh->item = g_steal_pointer (&entry->item);
      g_hash_table_remove (self->by_id, id);
      if (was_visible)
        g_ptr_array_remove_index (self->visible, old_visible);
      entry_free (entry);
    }

  entry_compute_due (self, fresh);
  g_ptr_array_insert (self->entries, sorted_position (self->entries, fresh), fresh);
  g_hash_table_insert (self->by_id, fresh->id, fresh);
  entry_sync_item (self, fresh);

  /* Each items-changed is emitted with the list exactly as that change leaves it: views ask
   * for rows while handling it. */
  matches = entry_matches (self, fresh);
  new_visible = matches ? sorted_position (self->visible, fresh) : 0;

  if (was_visible && matches && new_visible == old_visible)
    {
      /* Same place: the item updated itself in place, nothing to tell the view. */
      g_ptr_array_insert (self->visible, new_visible, fresh);
      return;
    }

  if (was_visible)
    g_list_model_items_changed (G_LIST_MODEL (self), old_visible, 1, 0);

  if (matches)
    {
      g_ptr_array_insert (self->visible, new_visible, fresh);
      g_list_model_items_changed (G_LIST_MODEL (self), new_visible, 0, 1);
    }

  if (was_visible != matches)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Any saved record may change its carer's row: the carer's own fields, an assessment in
 * draft, and the sync mark of whatever belongs to them. */
static void
on_record_saved (CfCaseload *self,
                 CfRecord   *record,
                 CfStore    *store)
{
  g_autofree char *carer_id = NULL;
  g_autoptr(GError) error = NULL;
  Entry *entry;

  if (CF_IS_CARER (record))
    {
      update_entry (self, cf_record_get_id (record));
      return;
    }
  if (CF_IS_ASSESSMENT (record))
    {
      update_entry (self, cf_assessment_get_carer_id (CF_ASSESSMENT (record)));
      return;
    }

  carer_id = cf_store_dup_carer_id (store, cf_record_get_entity (record),
                                    cf_record_get_id (record), &error);
  if (carer_id == NULL)
    {
      g_warning ("Could not refresh the caseload: %s", error->message);
      return;
    }

  /* A save only ever adds changes waiting to be sent, and may resolve a conflict: a carer
   * already marked waiting, with no conflict, stays as they are, so typing in an assessment's
   * answers costs the caseload nothing. */
  if (*carer_id == '\0')
    return;

  entry = g_hash_table_lookup (self->by_id, carer_id);
  if (entry == NULL ||
      (entry->sync_flags & (CF_CARER_SYNC_WAITING | CF_CARER_SYNC_CONFLICT)) !=
      CF_CARER_SYNC_WAITING)
    update_entry (self, carer_id);
}

static void
take_entries (CfCaseload *self,
              GPtrArray  *entries)
{
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = entries;

  g_hash_table_remove_all (self->by_id);
  self->today_julian = julian_today (self);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      entry_compute_due (self, entry);
      g_hash_table_insert (self->by_id, entry->id, entry);
    }

  rebuild_visible (self);
}

static GPtrArray *
load_entries (CfStore  *store,
              GError  **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);

  if (!cf_store_foreach_carer_summary (store, NULL, apply_row, entries, error))
    return NULL;

  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

static void
cf_caseload_dispose (GObject *object)
{
  CfCaseload *self = CF_CASELOAD (object);

  g_clear_signal_handler (&self->saved_handler, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->calendar);

  G_OBJECT_CLASS (cf_caseload_parent_class)->dispose (object);
}

static void
cf_caseload_finalize (GObject *object)
{
  CfCaseload *self = CF_CASELOAD (object);

  g_clear_pointer (&self->visible, g_ptr_array_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->query_words, g_strfreev);
  g_free (self->query);

  G_OBJECT_CLASS (cf_caseload_parent_class)->finalize (object);
}

static void
cf_caseload_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CfCaseload *self = CF_CASELOAD (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    case PROP_FILTER:
      g_value_set_int (value, self->filter);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->visible->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_caseload_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CfCaseload *self = CF_CASELOAD (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      cf_caseload_set_query (self, g_value_get_string (value));
      break;
    case PROP_FILTER:
      cf_caseload_set_filter (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_caseload_class_init (CfCaseloadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_caseload_dispose;
  object_class->finalize = cf_caseload_finalize;
  object_class->get_property = cf_caseload_get_property;
  object_class->set_property = cf_caseload_set_property;

  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_int ("filter", NULL, NULL,
                      CF_CASELOAD_FILTER_ALL, CF_CASELOAD_N_FILTERS - 1,
                      CF_CASELOAD_FILTER_ALL,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_caseload_init (CfCaseload *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->visible = g_ptr_array_new ();
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

static GType
cf_caseload_get_item_type (GListModel *model)
{
  return CF_TYPE_CASELOAD_ITEM;
}

static guint
cf_caseload_get_n_items (GListModel *model)
{
  return CF_CASELOAD (model)->visible->len;
}

static gpointer
cf_caseload_get_item (GListModel *model,
                      guint       position)
{
  CfCaseload *self = CF_CASELOAD (model);
  Entry *entry;

  if (position >= self->visible->len)
    return NULL;

  entry = g_ptr_array_index (self->visible, position);
  if (entry->item == NULL)
    {
      entry->item = cf_caseload_item_new (entry->id);
      entry_sync_item (self, entry);
    }

  return g_object_ref (entry->item);
}

static void
cf_caseload_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cf_caseload_get_item_type;
  iface->get_n_items = cf_caseload_get_n_items;
  iface->get_item = cf_caseload_get_item;
}

/**
 * cf_caseload_new:
 * @first_contact_days: the first-contact target in working days
 *
 * Returns: (transfer full): an empty caseload; call cf_caseload_reload() or its async form
 */
CfCaseload *
cf_caseload_new (CfStore    *store,
                 CfCalendar *calendar,
                 guint       first_contact_days)
{
  CfCaseload *self;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (CF_IS_CALENDAR (calendar), NULL);

  self = g_object_new (CF_TYPE_CASELOAD, NULL);
  self->store = g_object_ref (store);
  self->calendar = g_object_ref (calendar);
  self->first_contact_days = first_contact_days;
  self->today_julian = julian_today (self);
  self->saved_handler = g_signal_connect_object (store, "record-saved",
                                                 G_CALLBACK (on_record_saved), self,
                                                 G_CONNECT_SWAPPED);

  return self;
}

/**
 * cf_caseload_get_store:
 *
 * Returns: (transfer none): the store the caseload reads
 */
CfStore *
cf_caseload_get_store (CfCaseload *self)
{
  g_return_val_if_fail (CF_IS_CASELOAD (self), NULL);

  return self->store;
}

gboolean
cf_caseload_reload (CfCaseload  *self,
                    GError     **error)
{
  GPtrArray *entries;

  g_return_val_if_fail (CF_IS_CASELOAD (self), FALSE);

  if ((entries = load_entries (self->store, error)) == NULL)
    return FALSE;

  take_entries (self, entries);
  return TRUE;
}

static void
reload_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *entries = load_entries (task_data, &error);

  if (entries == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

/* Reading and sorting happen off the main thread; due dates, which use the calendar's
 * cache, are worked out when the entries arrive. */
void
cf_caseload_reload_async (CfCaseload          *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CF_IS_CASELOAD (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cf_caseload_reload_async);
  g_task_set_task_data (task, g_object_ref (self->store), g_object_unref);
  g_task_run_in_thread (task, reload_thread);
}

gboolean
cf_caseload_reload_finish (CfCaseload    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  GPtrArray *entries;

  g_return_val_if_fail (CF_IS_CASELOAD (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  entries = g_task_propagate_pointer (G_TASK (result), error);
  if (entries == NULL)
    return FALSE;

  take_entries (self, entries);
  return TRUE;
}

/* Search as you type (the foundation issue): every word of the query must appear in a name,
 * the reference, the postcode or the phone number. Spaces inside a phone number are ignored. */
void
cf_caseload_set_query (CfCaseload *self,
                       const char *query)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = NULL;

  g_return_if_fail (CF_IS_CASELOAD (self));

  if (query != NULL && *query == '\0')
    query = NULL;
  if (g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);
  g_clear_pointer (&self->query_words, g_strfreev);

  if (query != NULL)
    {
      gboolean all_digits = TRUE;

      folded = g_utf8_casefold (query, -1);
      for (const char *p = folded; *p != '\0'; p++)
        {
          if (!g_ascii_isdigit (*p) && *p != ' ' && *p != '+' && *p != '-' && *p != '(' &&
              *p != ')')
            all_digits = FALSE;
        }

      kept = g_ptr_array_new_with_free_func (g_free);
      if (all_digits)
        {
          /* "01632 960 123" is one phone number, not three words. */
          g_ptr_array_add (kept, digits_of (folded));
        }
      else
        {
          words = g_strsplit_set (folded, " \t\n", -1);
          for (guint i = 0; words[i] != NULL; i++)
            {
              if (*words[i] != '\0')
                g_ptr_array_add (kept, g_strdup (words[i]));
            }
        }
      g_ptr_array_add (kept, NULL);
      self->query_words = (char **) g_ptr_array_free (g_steal_pointer (&kept), FALSE);
      if (self->query_words[0] == NULL)
        g_clear_pointer (&self->query_words, g_strfreev);
    }

  rebuild_visible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

const char *
cf_caseload_get_query (CfCaseload *self)
{
  g_return_val_if_fail (CF_IS_CASELOAD (self), NULL);

  return self->query;
}

void
cf_caseload_set_filter (CfCaseload       *self,
                        CfCaseloadFilter  filter)
{
  g_return_if_fail (CF_IS_CASELOAD (self));
  g_return_if_fail (filter < CF_CASELOAD_N_FILTERS);

  if (self->filter == filter)
    return;

  self->filter = filter;
  rebuild_visible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

CfCaseloadFilter
cf_caseload_get_filter (CfCaseload *self)
{
  g_return_val_if_fail (CF_IS_CASELOAD (self), CF_CASELOAD_FILTER_ALL);

  return self->filter;
}

guint
cf_caseload_get_n_carers (CfCaseload *self)
{
  g_return_val_if_fail (CF_IS_CASELOAD (self), 0);

  return self->entries->len;
}

/**
 * cf_caseload_find_position:
 * @position: (out): where the carer is in the list as the query and filter show it
 *
 * Returns: %TRUE if the carer is in the list now; found without making any row object
 */
gboolean
cf_caseload_find_position (CfCaseload *self,
                           const char *id,
                           guint      *position)
{
  Entry *entry;

  g_return_val_if_fail (CF_IS_CASELOAD (self), FALSE);
  g_return_val_if_fail (position != NULL, FALSE);

  if (id == NULL || (entry = g_hash_table_lookup (self->by_id, id)) == NULL)
    return FALSE;

  return find_in (self->visible, entry, position);
}

/* How many row objects exist: the proof, in tests, that the model stays lazy. */
guint
cf_caseload_get_n_materialized (CfCaseload *self)
{
  guint n = 0;

  g_return_val_if_fail (CF_IS_CASELOAD (self), 0);

  for (guint i = 0; i < self->entries->len; i++)
    {
      if (((Entry *) g_ptr_array_index (self->entries, i))->item != NULL)
        n++;
    }

  return n;
}

/* After midnight "due today" becomes "overdue": recompute against the clock's new date. */
void
cf_caseload_refresh_dates (CfCaseload *self)
{
  guint32 today;

  g_return_if_fail (CF_IS_CASELOAD (self));

  today = julian_today (self);
  if (today == self->today_julian)
    return;

  self->today_julian = today;
  for (guint i = 0; i < self->entries->len; i++)
    entry_sync_item (self, g_ptr_array_index (self->entries, i));
  rebuild_visible (self);
}

const char *
cf_caseload_filter_to_string (CfCaseloadFilter filter)
{
  g_return_val_if_fail (filter < G_N_ELEMENTS (filter_names), "all");

  return filter_names[filter];
}

gboolean
cf_caseload_filter_from_string (const char       *text,
                                CfCaseloadFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (filter_names); i++)
    {
      if (g_strcmp0 (text, filter_names[i]) == 0)
        {
          *filter = i;
          return TRUE;
        }
    }

  return FALSE;
}
