/* cf-sync-status.c: the sync state in the main header bar
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "Sync protocol": the window shows the sync state, progress (counts) and the last
 * error in words. A short label and an icon sit in the header bar; the popover says what the
 * state means and what can be done about it, with the changes waiting, the conflicts to
 * resolve, and Sync Now. The state is always words: the icon only repeats them.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cf-sync-status.h"

#define PULSE_INTERVAL_MS 150

struct _CfSyncStatus
{
  AdwBin          parent_instance;

  CfSyncClient   *client;
  CfStore        *store;
  guint           conflicts;
  CfSyncPhase     phase;
  guint           done;
  guint           total;
  guint           pulse_id;
  gboolean        compact;
  char           *text;
  char           *description;

  GtkMenuButton  *button;
  GtkImage       *icon;
  GtkLabel       *label;
  GtkPopover     *popover;
  GtkLabel       *heading;
  GtkLabel       *detail;
  GtkWidget      *progress_box;
  GtkProgressBar *progress_bar;
  GtkLabel       *progress_label;
  GtkLabel       *waiting_label;
  GtkWidget      *conflicts_box;
  GtkLabel       *conflicts_label;
  GtkWidget      *sync_button;
  GtkWidget      *sign_in_button;
};

G_DEFINE_FINAL_TYPE (CfSyncStatus, cf_sync_status, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COMPACT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "14:02" for a time today, "3 Mar at 14:02" for another day; @today says which. */
static char *
format_when (GDateTime *time,
             gboolean  *today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = g_date_time_to_local (time);

  *today = g_date_time_get_year (local) == g_date_time_get_year (now) &&
           g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now);

  if (*today)
    /* Translators: a time of day, as in “Synced at 14:02”; the codes are
     * g_date_time_format ()’s */
    return g_date_time_format (local, _("%H:%M"));

  /* Translators: a day and a time, as in “Synced on 3 Mar at 14:02”; the codes are
   * g_date_time_format ()’s */
  return g_date_time_format (local, _("%-d %b at %H:%M"));
}

/* A count with the locale's thousands separator: "1,500". */
static char *
format_count (guint count)
{
  return g_strdup_printf ("%'u", count);
}

static char *
synced_when (CfSyncClient *client)
{
  GDateTime *last = cf_sync_client_get_last_synced (client);
  g_autofree char *when = NULL;
  gboolean today;

  if (last == NULL)
    return NULL;

  when = format_when (last, &today);
  if (today)
    /* Translators: %s is a time of day, such as 14:02 */
    return g_strdup_printf (_("Synced at %s"), when);

  /* Translators: %s is a day and a time, such as “3 Mar at 14:02” */
  return g_strdup_printf (_("Synced on %s"), when);
}

/**
 * cf_sync_status_dup_state_text:
 *
 * Returns: (transfer full): the sync state in a few words, as the header bar shows it:
 *   “Synced at 14:02”, “3 changes waiting”, “Offline since 13:40”…
 */
char *
cf_sync_status_dup_state_text (CfSyncClient *client)
{
  g_return_val_if_fail (CF_IS_SYNC_CLIENT (client), NULL);

  switch (cf_sync_client_get_state (client))
    {
    case CF_SYNC_STATE_SIGNED_OUT:
      return g_strdup (_("Not Syncing"));

    case CF_SYNC_STATE_IDLE:
      {
        guint waiting = cf_sync_client_get_waiting (client);
        char *synced;

        if (waiting > 0)
          /* Translators: the sync state, in the header bar; %u is a number of changes */
          return g_strdup_printf (ngettext ("%u change waiting", "%u changes waiting", waiting),
                                  waiting);

        if ((synced = synced_when (client)) != NULL)
          return synced;

        /* Translators: the sync state before the first sync since Carefield was unlocked */
        return g_strdup (_("Not Synced Yet"));
      }

    case CF_SYNC_STATE_SYNCING:
      return g_strdup (_("Syncing…"));

    case CF_SYNC_STATE_OFFLINE:
      {
        GDateTime *since = cf_sync_client_get_offline_since (client);
        g_autofree char *when = NULL;
        gboolean today;

        if (since == NULL)
          return g_strdup (_("Offline"));

        when = format_when (since, &today);
        /* Translators: %s is a time, such as 13:40, or a day and a time */
        return g_strdup_printf (_("Offline since %s"), when);
      }

    case CF_SYNC_STATE_ERROR:
    default:
      return g_strdup (_("Sync Problem"));
    }
}

static const char *
state_icon (CfSyncClient *client)
{
  switch (cf_sync_client_get_state (client))
    {
    case CF_SYNC_STATE_SIGNED_OUT:
      return "network-idle-symbolic";
    case CF_SYNC_STATE_IDLE:
      return cf_sync_client_get_waiting (client) > 0 ? "network-transmit-symbolic"
                                                      : "emblem-ok-symbolic";
    case CF_SYNC_STATE_SYNCING:
      return "emblem-synchronizing-symbolic";
    case CF_SYNC_STATE_OFFLINE:
      return "network-offline-symbolic";
    case CF_SYNC_STATE_ERROR:
    default:
      return "dialog-warning-symbolic";
    }
}

static char *
waiting_text (CfSyncClient *client)
{
  guint waiting = cf_sync_client_get_waiting (client);

  if (waiting == 0)
    return g_strdup (_("No changes waiting to be sent."));

  /* Translators: %u is a number of changes made on this laptop */
  return g_strdup_printf (ngettext ("%u change waiting to be sent.",
                                    "%u changes waiting to be sent.", waiting), waiting);
}

static char *
conflicts_text (guint conflicts)
{
  /* Translators: %u is a number of values changed both here and at the office */
  return g_strdup_printf (ngettext ("%u conflict to resolve.", "%u conflicts to resolve.",
                                    conflicts), conflicts);
}

/* @text, ending as a sentence does, so that another sentence can follow it. */
static char *
as_sentence (const char *text)
{
  const char *end = text + strlen (text);
  gunichar last;

  if (end == text)
    return g_strdup (text);

  last = g_utf8_get_char (g_utf8_find_prev_char (text, end));
  if (last == '.' || last == '!' || last == '?' || last == 0x2026 /* … */)
    return g_strdup (text);

  /* Translators: %s is a message from the sync, made into a sentence; change the full stop
   * if your language ends sentences otherwise */
  return g_strdup_printf (_("%s."), text);
}

/* What the state means and, for a problem, why: the popover's words under the heading. */
static char *
detail_text (CfSyncClient *client)
{
  g_autofree char *message = NULL;
  g_autofree char *synced = NULL;

  if (cf_sync_client_get_message (client) != NULL)
    message = as_sentence (cf_sync_client_get_message (client));

  switch (cf_sync_client_get_state (client))
    {
    case CF_SYNC_STATE_SIGNED_OUT:
      return g_strdup (_("This laptop is not signed in to your organisation’s server, so "
                         "your changes stay here. Sign in to send them to the office and to "
                         "receive your caseload."));

    case CF_SYNC_STATE_IDLE:
      synced = synced_when (client);
      if (synced != NULL && cf_sync_client_get_waiting (client) > 0)
        /* Translators: %s is “Synced at 14:02” or “Synced on 3 Mar at 14:02” */
        return g_strdup_printf (_("%s. Carefield syncs by itself while it can reach the "
                                  "server."), synced);
      return g_strdup (_("Carefield syncs by itself while it can reach the server."));

    case CF_SYNC_STATE_SYNCING:
      return g_strdup (_("Sending your changes to the office and receiving the office’s. "
                         "You can carry on working."));

    case CF_SYNC_STATE_OFFLINE:
      /* Translators: %s says why the server could not be reached */
      return g_strdup_printf (_("%s Nothing is lost: your changes wait on this laptop and go "
                                "when the server can be reached."),
                              message != NULL ? message : _("The server cannot be reached."));

    case CF_SYNC_STATE_ERROR:
    default:
      /* Translators: %s is what went wrong, in words */
      return g_strdup_printf (_("%s Your changes are safe on this laptop."),
                              message != NULL ? message : _("The last sync failed."));
    }
}

/* The whole state in words, for a screen reader: the button's accessible label. */
static char *
describe (CfSyncStatus *self)
{
  CfSyncClient *client = self->client;
  GString *text = g_string_new (NULL);
  g_autofree char *state = cf_sync_status_dup_state_text (client);
  g_autofree char *detail = detail_text (client);
  g_autofree char *waiting = waiting_text (client);

  /* Translators: the start of the sync button's description for screen readers; %s is the
   * state, such as “Synced at 14:02” */
  g_string_append_printf (text, _("Sync: %s."), state);
  g_string_append_c (text, ' ');
  g_string_append (text, detail);
  if (cf_sync_client_get_state (client) != CF_SYNC_STATE_IDLE ||
      cf_sync_client_get_waiting (client) == 0)
    {
      g_string_append_c (text, ' ');
      g_string_append (text, waiting);
    }
  if (self->conflicts > 0)
    {
      g_autofree char *conflicts = conflicts_text (self->conflicts);

      g_string_append_c (text, ' ');
      g_string_append (text, conflicts);
    }

  return g_string_free (text, FALSE);
}

static char *
progress_text (CfSyncStatus *self)
{
  g_autofree char *done = format_count (self->done);
  g_autofree char *total = format_count (self->total);

  if (self->phase == CF_SYNC_PHASE_PUSH)
    {
      if (self->total == 0)
        return g_strdup (_("Checking for changes to send…"));

      /* Translators: %1$s and %2$s are numbers of changes, such as “120 of 300” */
      return g_strdup_printf (ngettext ("Sending %1$s of %2$s change",
                                        "Sending %1$s of %2$s changes", self->total),
                              done, total);
    }

  if (self->done == 0)
    return g_strdup (_("Receiving changes…"));

  /* Translators: %s is a number of records received from the server, such as 1,500 */
  return g_strdup_printf (ngettext ("Received %s record", "Received %s records", self->done),
                          done);
}

static gboolean
pulse_cb (gpointer user_data)
{
  CfSyncStatus *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
stop_pulse (CfSyncStatus *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
}

static void
update_progress (CfSyncStatus *self)
{
  g_autofree char *text = progress_text (self);

  gtk_label_set_text (self->progress_label, text);

  /* The server does not say how many records a pull brings: the bar pulses. */
  if (self->phase == CF_SYNC_PHASE_PULL)
    {
      if (self->pulse_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self->popover)) &&
          self->client != NULL &&
          cf_sync_client_get_state (self->client) == CF_SYNC_STATE_SYNCING)
        self->pulse_id = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, self);
      gtk_progress_bar_pulse (self->progress_bar);
    }
  else
    {
      stop_pulse (self);
      gtk_progress_bar_set_fraction (self->progress_bar,
                                     self->total > 0 ? (double) self->done / self->total : 0.0);
    }
}

static void
update (CfSyncStatus *self)
{
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *waiting = NULL;
  g_autofree char *description = NULL;
  CfSyncState state;

  gtk_widget_set_visible (GTK_WIDGET (self->label), !self->compact);

  if (self->client == NULL)
    {
      stop_pulse (self);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Sync Status"));
      gtk_label_set_text (self->label, "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->button), FALSE);
      g_clear_pointer (&self->text, g_free);
      g_clear_pointer (&self->description, g_free);
      return;
    }

  state = cf_sync_client_get_state (self->client);
  text = cf_sync_status_dup_state_text (self->client);
  detail = detail_text (self->client);
  waiting = waiting_text (self->client);
  description = describe (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->button), TRUE);
  gtk_image_set_from_icon_name (self->icon, state_icon (self->client));
  if (state == CF_SYNC_STATE_ERROR)
    gtk_widget_add_css_class (GTK_WIDGET (self->icon), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), "warning");

  /* Only real changes reach the label and the accessible label, so a screen reader is not
   * told the same state again at every notification. */
  if (g_strcmp0 (text, self->text) != 0)
    {
      gtk_label_set_text (self->label, text);
      g_free (self->text);
      self->text = g_strdup (text);
    }
  /* Without the words beside it, the icon says them in its tooltip. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), self->compact ? text : _("Sync Status"));
  if (g_strcmp0 (description, self->description) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                      -1);
      g_free (self->description);
      self->description = g_steal_pointer (&description);
    }

  gtk_label_set_text (self->heading, text);
  gtk_label_set_text (self->detail, detail);
  gtk_label_set_text (self->waiting_label, waiting);

  gtk_widget_set_visible (self->progress_box, state == CF_SYNC_STATE_SYNCING);
  if (state != CF_SYNC_STATE_SYNCING)
    {
      stop_pulse (self);
      self->phase = CF_SYNC_PHASE_PUSH;
      self->done = self->total = 0;
    }
  update_progress (self);

  gtk_widget_set_visible (self->conflicts_box, self->conflicts > 0);
  if (self->conflicts > 0)
    {
      g_autofree char *conflicts = conflicts_text (self->conflicts);

      gtk_label_set_text (self->conflicts_label, conflicts);
    }

  gtk_widget_set_visible (self->sync_button, state != CF_SYNC_STATE_SIGNED_OUT);
  gtk_widget_set_visible (self->sign_in_button, state == CF_SYNC_STATE_SIGNED_OUT);
}

/**
 * cf_sync_status_refresh_conflicts:
 *
 * Counts the open conflicts again: after a sync, and whenever the popover opens (a person may
 * have resolved some since).
 */
void
cf_sync_status_refresh_conflicts (CfSyncStatus *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CF_IS_SYNC_STATUS (self));

  if (self->store == NULL)
    return;

  conflicts = cf_sync_local_list_conflicts (self->store, NULL, &error);
  if (conflicts == NULL)
    {
      /* The count is a convenience; the conflicts themselves are safe in the store. */
      g_debug ("Could not count the sync conflicts: %s", error->message);
      return;
    }

  if (self->conflicts != conflicts->len)
    {
      self->conflicts = conflicts->len;
      update (self);
    }
}

static void
on_client_notify (CfSyncStatus *self)
{
  update (self);
}

static void
on_progress (CfSyncStatus *self,
             int           phase,
             guint         done,
             guint         total,
             CfSyncClient *client)
{
  self->phase = phase;
  self->done = done;
  self->total = total;
  update_progress (self);
}

static void
on_synced (CfSyncStatus *self)
{
  cf_sync_status_refresh_conflicts (self);
}

static void
on_popover_show (CfSyncStatus *self)
{
  cf_sync_status_refresh_conflicts (self);
  if (self->client != NULL &&
      cf_sync_client_get_state (self->client) == CF_SYNC_STATE_SYNCING &&
      self->phase == CF_SYNC_PHASE_PULL && self->pulse_id == 0)
    self->pulse_id = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, self);
}

static void
on_popover_hide (CfSyncStatus *self)
{
  stop_pulse (self);
}

/* Resolve… and Sign In… open a window of their own: the popover is done with. Sync Now keeps
 * it open, to show the sync's progress. */
static void
on_away_clicked (CfSyncStatus *self)
{
  gtk_menu_button_popdown (self->button);
}

/**
 * cf_sync_status_set_client:
 * @client: (nullable): the window's sync client, or %NULL while locked
 * @store: (nullable): the store @client syncs, for counting the conflicts
 */
void
cf_sync_status_set_client (CfSyncStatus *self,
                           CfSyncClient *client,
                           CfStore      *store)
{
  g_return_if_fail (CF_IS_SYNC_STATUS (self));
  g_return_if_fail (client == NULL || CF_IS_SYNC_CLIENT (client));
  g_return_if_fail (store == NULL || CF_IS_STORE (store));

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);

  g_set_object (&self->client, client);
  g_set_object (&self->store, store);
  self->conflicts = 0;
  self->phase = CF_SYNC_PHASE_PUSH;
  self->done = self->total = 0;
  stop_pulse (self);

  if (client != NULL)
    {
      g_signal_connect_object (client, "notify", G_CALLBACK (on_client_notify), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (client, "progress", G_CALLBACK (on_progress), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (client, "synced", G_CALLBACK (on_synced), self,
                               G_CONNECT_SWAPPED);
    }
  else
    {
      gtk_menu_button_popdown (self->button);
    }

  update (self);
  cf_sync_status_refresh_conflicts (self);
}

gboolean
cf_sync_status_get_compact (CfSyncStatus *self)
{
  g_return_val_if_fail (CF_IS_SYNC_STATUS (self), FALSE);

  return self->compact;
}

/**
 * cf_sync_status_set_compact:
 * @compact: whether to show only the icon, for a narrow window
 *
 * The words stay in the tooltip, the popover and what a screen reader hears.
 */
void
cf_sync_status_set_compact (CfSyncStatus *self,
                            gboolean      compact)
{
  g_return_if_fail (CF_IS_SYNC_STATUS (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

/**
 * cf_sync_status_get_text:
 *
 * Returns: (nullable): the words the header bar shows, %NULL without a client
 */
const char *
cf_sync_status_get_text (CfSyncStatus *self)
{
  g_return_val_if_fail (CF_IS_SYNC_STATUS (self), NULL);

  return self->text;
}

/**
 * cf_sync_status_get_description:
 *
 * Returns: (nullable): the whole state in words, as a screen reader hears the button
 */
const char *
cf_sync_status_get_description (CfSyncStatus *self)
{
  g_return_val_if_fail (CF_IS_SYNC_STATUS (self), NULL);

  return self->description;
}

static void
cf_sync_status_dispose (GObject *object)
{
  CfSyncStatus *self = CF_SYNC_STATUS (object);

  stop_pulse (self);
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_SYNC_STATUS);

  G_OBJECT_CLASS (cf_sync_status_parent_class)->dispose (object);
}

static void
cf_sync_status_finalize (GObject *object)
{
  CfSyncStatus *self = CF_SYNC_STATUS (object);

  g_free (self->text);
  g_free (self->description);

  G_OBJECT_CLASS (cf_sync_status_parent_class)->finalize (object);
}

static void
cf_sync_status_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CfSyncStatus *self = CF_SYNC_STATUS (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_sync_status_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CfSyncStatus *self = CF_SYNC_STATUS (object);

  switch (prop_id)
    {
    case PROP_COMPACT:
      cf_sync_status_set_compact (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_sync_status_class_init (CfSyncStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_sync_status_dispose;
  object_class->finalize = cf_sync_status_finalize;
  object_class->get_property = cf_sync_status_get_property;
  object_class->set_property = cf_sync_status_set_property;

  /**
   * CfSyncStatus:compact:
   *
   * Only the icon, without the words beside it: for a narrow window.
   */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/carefield/Carefield/sync/"
                                               "cf-sync-status.ui");
  gtk_widget_class_bind_template_child (widget_class, CfSyncStatus, button);
  gtk_widget_class_bind_template_child (widget_class, CfSyncStatus, icon);
  gtk_widget_class_bind_template_child (widget_class, CfSyncStatus, label);
  gtk_widget_class_bind_template_child (widget_class, CfSyncStatus, popover);
  gtk_widget_class_bind_template_child (widget_class, CfSyncStatus, heading);
  gtk_widget_class_bind_template_child (widget_class, CfSyncStatus, detail);
  gtk_widget_class_bind_template_child (widget_class, CfSyncStatus, progress_box);
  gtk_widget_class_bind_template_child (widget_class, CfSyncStatus, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CfSyncStatus, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CfSyncStatus, waiting_label);
  gtk_widget_class_bind_template_child (widget_class, CfSyncStatus, conflicts_box);
  gtk_widget_class_bind_template_child (widget_class, CfSyncStatus, conflicts_label);
  gtk_widget_class_bind_template_child (widget_class, CfSyncStatus, sync_button);
  gtk_widget_class_bind_template_child (widget_class, CfSyncStatus, sign_in_button);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_hide);
  gtk_widget_class_bind_template_callback (widget_class, on_away_clicked);
}

static void
cf_sync_status_init (CfSyncStatus *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

CfSyncStatus *
cf_sync_status_new (void)
{
  return g_object_new (CF_TYPE_SYNC_STATUS, NULL);
}
