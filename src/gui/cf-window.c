/* cf-window.c: the window a worker opens every morning
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two states: locked, where only the unlock page exists and no personal data is loaded, and
 * unlocked, with the caseload beside the open carer. Locking (Ctrl+L, or after the idle time
 * set in Preferences, 10 minutes by default) saves what is being typed, then closes the store
 * and drops every record, so nothing personal stays on screen or in the widgets.
 *
 * While unlocked the window owns the profile's sync client, syncing by itself (DESIGN.md,
 * "Sync protocol"). A sync runs on a store connection of its own and never holds up typing;
 * locking stops the automatic syncing and lets a sync under way finish, closing the store only
 * once the client has let go of it. A laptop the server says was revoked wipes its profile.
 *
 * Carer review mode (cf-review-mode.c) is a third state: the window shows one carer's plan
 * and nothing else, every action that could reach another record is off, and only the
 * worker's passphrase (or locking) ends it.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-assessment-editor.h"
#include "cf-assessment-start-dialog.h"
#include "cf-assessments.h"
#include "cf-carer-editor.h"
#include "cf-conflicts-dialog.h"
#include "cf-carer-event.h"
#include "cf-caseload-view.h"
#include "cf-due-page.h"
#include "cf-preferences-window.h"
#include "cf-review-mode.h"
#include "cf-support-view.h"
#include "cf-sync-client.h"
#include "cf-sync-release.h"
#include "cf-sync-status.h"
#include "cf-unlock-page.h"
#include "cf-window-private.h"

#define DEFAULT_AUTO_LOCK_MINUTES 10
#define IDLE_CHECK_SECONDS        10

struct _CfWindow
{
  AdwApplicationWindow  parent_instance;

  CfContext            *context;
  GSettings            *settings;
  CfCaseload           *caseload;
  CfCarerEditor        *editor;
  CfAssessmentEditor   *assessment_editor;
  CfSupportView        *support_view;
  CfDuePage            *due_page;
  CfUnlockPage         *unlock_page;
  /* Set while the laptop is in the carer's hands. */
  CfReviewMode         *review_mode;
  CfCarer              *unsaved;
  CfAssessment         *unsaved_assessment;
  /* The support view could not save before locking: it keeps its edits (out of sight) and
   * saves them at the next unlock. */
  gboolean              support_unsaved;
  /* The header shows the carer's name, except over the caseload's due list. */
  GBinding             *title_binding;
  GBinding             *subtitle_binding;
  GCancellable         *cancellable;
  gint64                last_activity;
  gint64                unlock_started;
  guint                 idle_source;
  CfSyncClient         *sync_client;
  /* Saves come in bursts (a record and its history entry): counted once after each. */
  guint                 saved_idle;
  gboolean              sync_after_saved;
  guint                 signed_in_idle;
  /* The Preferences window this window opened, while it is open. */
  CfPreferencesWindow  *preferences;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *lock_stack;
  AdwBin               *unlock_bin;
  AdwLeaflet           *leaflet;
  CfCaseloadView       *caseload_view;
  GtkWidget            *separator;
  GtkWidget            *content_box;
  AdwWindowTitle       *content_title;
  GtkWidget            *back_button;
  GtkWidget            *carer_button;
  GtkStack             *content_stack;
  AdwBin               *editor_bin;
  AdwBin               *assessment_bin;
  AdwBin               *support_bin;
  AdwBin               *due_bin;
  AdwBin               *review_bin;
  CfSyncStatus         *sync_status;
  GMenuModel           *primary_menu;
};

G_DEFINE_FINAL_TYPE (CfWindow, cf_window, ADW_TYPE_APPLICATION_WINDOW)

static void
toast (CfWindow   *self,
       const char *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static void
update_actions (CfWindow *self)
{
  /* In review mode the carer holds the laptop: nothing but their own plan is reachable. */
  gboolean unlocked = !cf_window_is_locked (self) && self->review_mode == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.lock", !cf_window_is_locked (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-mode",
                                 unlocked && self->editor != NULL &&
                                 cf_carer_editor_get_carer (self->editor) != NULL &&
                                 !cf_record_is_new (CF_RECORD (cf_carer_editor_get_carer (self->editor))));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-referral", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-caseload", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-assessment",
                                 unlocked && self->editor != NULL &&
                                 cf_carer_editor_get_carer (self->editor) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-assessment", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-carer", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-support",
                                 unlocked && self->editor != NULL &&
                                 cf_carer_editor_get_carer (self->editor) != NULL &&
                                 !cf_record_is_new (CF_RECORD (cf_carer_editor_get_carer (self->editor))));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-due", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-carer", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-conflicts", unlocked);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync-now",
                                 unlocked && self->sync_client != NULL &&
                                 cf_sync_client_get_user (self->sync_client) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sync-sign-in", unlocked);
}

static void
note_activity (CfWindow *self)
{
  self->last_activity = g_get_monotonic_time ();
}

static guint
auto_lock_minutes (CfWindow *self)
{
  if (self->settings == NULL)
    return DEFAULT_AUTO_LOCK_MINUTES;

  return MAX (1, g_settings_get_uint (self->settings, "auto-lock-minutes"));
}

/* Returns TRUE if it locked. */
gboolean
cf_window_check_idle (CfWindow *self,
                      gint64    now_us)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), FALSE);

  if (cf_window_is_locked (self))
    return FALSE;

  if (now_us - self->last_activity < (gint64) auto_lock_minutes (self) * 60 * G_USEC_PER_SEC)
    return FALSE;

  cf_window_lock (self);
  return TRUE;
}

static gboolean
idle_check (gpointer user_data)
{
  CfWindow *self = user_data;

  if (cf_window_check_idle (self, g_get_monotonic_time ()))
    return G_SOURCE_CONTINUE;

  /* Past midnight "due today" becomes "overdue"; this costs nothing on other days. */
  if (self->caseload != NULL)
    cf_caseload_refresh_dates (self->caseload);

  return G_SOURCE_CONTINUE;
}

static gboolean
on_key_pressed (CfWindow *self)
{
  note_activity (self);
  return GDK_EVENT_PROPAGATE;
}

/* @state: "unlock", "main" or "review". A stack keeps its other pages in the accessibility
 * tree, where GTK 4.8 marks them visible: a screen reader would still find the caseload behind
 * the unlock page or behind carer review mode. So the caseload and the carer's pages are
 * hidden outright unless they are what is shown. */
static void
show_state (CfWindow   *self,
            const char *state)
{
  gboolean main = g_str_equal (state, "main");

  /* A stack cannot show a hidden page, and leaves one that is hidden while shown. */
  if (main)
    gtk_widget_set_visible (GTK_WIDGET (self->leaflet), TRUE);
  gtk_stack_set_visible_child_name (self->lock_stack, state);
  if (!main)
    gtk_widget_set_visible (GTK_WIDGET (self->leaflet), FALSE);
}

static void
show_content (CfWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static gboolean
flush_editor (CfWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->editor == NULL || cf_carer_editor_flush (self->editor, &error))
    return TRUE;

  /* Translators: %s says why saving failed */
  {
    g_autofree char *message = g_strdup_printf (_("Could not save the carer’s record: %s"),
                                                error->message);

    toast (self, message);
  }
  return FALSE;
}

/* Saves the open assessment. On failure the edit stays in the editor, and the caller keeps
 * the assessment on screen (or in memory, when locking) rather than lose it. */
static gboolean
flush_assessment (CfWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->assessment_editor == NULL ||
      cf_assessment_editor_flush (self->assessment_editor, &error))
    return TRUE;

  /* Translators: %s says why saving failed */
  message = g_strdup_printf (_("Could not save the assessment: %s"), error->message);
  toast (self, message);
  return FALSE;
}

/* Saves the support pages; like flush_assessment(), a failure keeps the edits on screen. */
static gboolean
flush_support (CfWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->support_view == NULL || cf_support_view_flush (self->support_view, &error))
    return TRUE;

  /* Translators: %s says why saving failed */
  message = g_strdup_printf (_("Could not save the support plan: %s"), error->message);
  toast (self, message);
  return FALSE;
}

/* Everything open beside the carer's record: the assessment and the support pages. */
static gboolean
flush_work (CfWindow *self)
{
  return flush_assessment (self) && flush_support (self);
}

static void
show_carer_title (CfWindow *self,
                  gboolean  carer)
{
  if (carer && self->title_binding == NULL)
    {
      self->title_binding = g_object_bind_property (self->editor, "title", self->content_title,
                                                    "title", G_BINDING_SYNC_CREATE);
      self->subtitle_binding = g_object_bind_property (self->editor, "subtitle",
                                                       self->content_title, "subtitle",
                                                       G_BINDING_SYNC_CREATE);
    }
  else if (!carer && self->title_binding != NULL)
    {
      g_binding_unbind (g_steal_pointer (&self->title_binding));
      g_binding_unbind (g_steal_pointer (&self->subtitle_binding));
    }
}

static void
close_assessment (CfWindow *self)
{
  if (self->assessment_editor != NULL)
    cf_assessment_editor_set_assessment (self->assessment_editor, NULL, NULL);
  if (self->support_view != NULL && !self->support_unsaved)
    cf_support_view_set_carer (self->support_view, NULL);
  gtk_widget_set_visible (self->carer_button, FALSE);
  show_carer_title (self, TRUE);
}

static void
open_carer (CfWindow *self,
            CfCarer  *carer)
{
  close_assessment (self);
  cf_carer_editor_set_carer (self->editor, carer);
  gtk_stack_set_visible_child_name (self->content_stack, carer ? "carer" : "empty");
  if (carer != NULL)
    show_content (self);
  update_actions (self);
}

static void
open_assessment (CfWindow     *self,
                 CfAssessment *assessment)
{
  CfCarer *carer = cf_carer_editor_get_carer (self->editor);

  cf_assessment_editor_set_assessment (self->assessment_editor, carer, assessment);
  gtk_stack_set_visible_child_name (self->content_stack, "assessment");
  gtk_widget_set_visible (self->carer_button, TRUE);
  show_content (self);
  cf_assessment_editor_focus_first (self->assessment_editor);
}

/* @page: "plan", "emergency", "payments" or "reviews" */
static void
open_support (CfWindow   *self,
              const char *page)
{
  CfCarer *carer = cf_carer_editor_get_carer (self->editor);

  if (carer == NULL)
    return;

  if (cf_support_view_get_carer (self->support_view) != carer)
    cf_support_view_set_carer (self->support_view, carer);
  cf_support_view_show_page (self->support_view, page);
  gtk_stack_set_visible_child_name (self->content_stack, "support");
  gtk_widget_set_visible (self->carer_button, TRUE);
  show_content (self);
}

static void
on_carer_activated (CfWindow   *self,
                    const char *id)
{
  CfStore *store = cf_context_get_store (self->context);
  g_autoptr(CfCarer) carer = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL || !flush_work (self) || !flush_editor (self))
    return;

  /* One carer's full record, read when it is opened (and the view audited). */
  carer = cf_store_load_carer (store, id, &error);
  if (carer == NULL)
    {
      toast (self, error->message);
      return;
    }

  open_carer (self, carer);
}

static void
on_caseload_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(CfWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!cf_caseload_reload_finish (CF_CASELOAD (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (self, error->message);
      return;
    }

  /* For the benchmark: time from the store opening to a caseload on screen. */
  if (g_getenv ("CAREFIELD_TIMING") != NULL)
    g_printerr ("carefield-timing: caseload of %u ready %.1f ms after the store opened\n",
                cf_caseload_get_n_carers (CF_CASELOAD (source)),
                (g_get_monotonic_time () - self->unlock_started) / 1000.0);
}

/* Sync --------------------------------------------------------------------------------------- */

static void end_review_mode (CfWindow *self,
                             gboolean  audit);
static void lock_window (CfWindow *self,
                         gboolean  wipe);

static gboolean
saved_idle_cb (gpointer user_data)
{
  CfWindow *self = user_data;

  self->saved_idle = 0;
  if (self->sync_client == NULL)
    return G_SOURCE_REMOVE;

  cf_sync_client_refresh_waiting (self->sync_client);
  if (self->sync_after_saved)
    cf_sync_client_request_sync (self->sync_client);
  self->sync_after_saved = FALSE;

  return G_SOURCE_REMOVE;
}

static void
on_record_saved (CfWindow *self,
                 CfRecord *record)
{
  /* A finished assessment goes to the office straight away (DESIGN.md, "When"). Finishing is
   * the only thing that writes this history entry, in the same save as the assessment. */
  if (CF_IS_CARER_EVENT (record) &&
      g_strcmp0 (cf_record_get_text (record, "kind"), CF_EVENT_ASSESSMENT_FINISHED) == 0)
    self->sync_after_saved = TRUE;

  if (self->saved_idle == 0)
    self->saved_idle = g_idle_add (saved_idle_cb, self);
}

static void
on_records_changed (CfWindow *self)
{
  /* A sync wrote the store on its own connection: carers pulled appear, removed ones go, and
   * the open carer's page catches up. */
  if (self->caseload != NULL)
    cf_caseload_reload_async (self->caseload, self->cancellable, on_caseload_loaded,
                              g_object_ref (self));
  if (self->editor != NULL)
    cf_carer_editor_sync_changed (self->editor);
}

static gboolean
signed_in_idle_cb (gpointer user_data)
{
  CfWindow *self = user_data;

  self->signed_in_idle = 0;
  if (self->sync_client != NULL && cf_sync_client_get_user (self->sync_client) != NULL)
    cf_sync_client_request_sync (self->sync_client);

  return G_SOURCE_REMOVE;
}

static void
on_sync_user_changed (CfWindow *self)
{
  update_actions (self);

  /* Signed in (again; signing out turns syncing by itself off): sync by itself from now on,
   * starting as soon as the sign-in has finished. */
  if (cf_sync_client_get_user (self->sync_client) != NULL)
    {
      cf_sync_client_set_automatic (self->sync_client, TRUE);
      if (self->signed_in_idle == 0)
        self->signed_in_idle = g_idle_add (signed_in_idle_cb, self);
    }
}

static void
on_revoked (CfWindow *self)
{
  /* DESIGN.md, "Lost laptop": the server refused this laptop, so its records go. */
  lock_window (self, TRUE);
}

static void
start_sync (CfWindow *self,
            CfStore  *store)
{
  g_assert (self->sync_client == NULL);

  self->sync_client = cf_sync_client_new (store);
  g_signal_connect_object (self->sync_client, "records-changed",
                           G_CALLBACK (on_records_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync_client, "revoked", G_CALLBACK (on_revoked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync_client, "notify::user",
                           G_CALLBACK (on_sync_user_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "record-saved", G_CALLBACK (on_record_saved), self,
                           G_CONNECT_SWAPPED);

  cf_sync_status_set_client (self->sync_status, self->sync_client, store);
  if (self->preferences != NULL)
    cf_preferences_window_set_sync_client (self->preferences, self->sync_client);

  cf_sync_client_set_automatic (self->sync_client, TRUE);
}

static void on_wiped (GObject      *owner,
                      const GError *error);

/* Stops syncing by itself and lets go of the client; @store is closed (and with @wipe the
 * profile deleted) once the client has let go of it too: see cf_sync_release(). */
static void
stop_sync (CfWindow *self,
           CfStore  *store,
           gboolean  wipe)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  g_clear_handle_id (&self->saved_idle, g_source_remove);
  g_clear_handle_id (&self->signed_in_idle, g_source_remove);
  self->sync_after_saved = FALSE;
  g_signal_handlers_disconnect_by_func (store, on_record_saved, self);
  cf_sync_status_set_client (self->sync_status, NULL, NULL);
  if (self->preferences != NULL)
    cf_preferences_window_set_sync_client (self->preferences, NULL);
  if (self->sync_client != NULL)
    g_signal_handlers_disconnect_by_data (self->sync_client, self);

  cf_sync_release (g_steal_pointer (&self->sync_client), store, G_APPLICATION (application),
                   application != NULL
                   ? cf_application_get_profile_dir (CF_APPLICATION (application)) : NULL,
                   wipe, G_OBJECT (self), on_wiped);
}

static void
on_wiped (GObject      *owner,
          const GError *error)
{
  CfWindow *self = CF_WINDOW (owner);
  g_autofree char *notice = NULL;

  /* Disposed meanwhile: the profile is gone and there is nothing to show. */
  if (self->context == NULL)
    return;

  /* The revocation came from a sync that ended after the window was unlocked again: the
   * store open now was on the same profile, and goes the same way. */
  if (!cf_window_is_locked (self))
    {
      lock_window (self, TRUE);
      return;
    }

  if (error == NULL)
    notice = g_strdup (_("This laptop’s access was withdrawn by your organisation, so the "
                         "Carefield records on it have been deleted. Ask your coordinator to "
                         "set it up again."));
  else
    /* Translators: %s says why a file could not be deleted */
    notice = g_strdup_printf (_("This laptop’s access was withdrawn by your organisation, but "
                                "the Carefield records on it could not all be deleted (%s). "
                                "Tell your coordinator."), error->message);

  gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_page), TRUE);
  cf_unlock_page_reset (self->unlock_page);
  cf_unlock_page_show_notice (self->unlock_page, notice);
}

static void
on_preferences_destroyed (CfWindow *self)
{
  self->preferences = NULL;
}

/**
 * cf_window_show_preferences:
 * @page: (nullable): the name of the page to show, such as "sync"
 *
 * Opens Preferences over the window, with the window's sync client for its Sync page.
 */
void
cf_window_show_preferences (CfWindow   *self,
                            const char *page)
{
  CfApplication *application;
  CfPreferencesWindow *preferences;

  g_return_if_fail (CF_IS_WINDOW (self));

  /* The carer holds the laptop: settings, and the sync page's accounts, are the worker's. */
  if (self->review_mode != NULL)
    {
      toast (self, _("Preferences open once the worker has left carer review mode."));
      return;
    }

  application = CF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  preferences = cf_preferences_window_new (self->context,
                                           cf_application_get_profile_dir (application));
  cf_preferences_window_set_sync_client (preferences, self->sync_client);
  if (page != NULL)
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), page);

  if (self->preferences != NULL)
    g_signal_handlers_disconnect_by_func (self->preferences, on_preferences_destroyed, self);
  self->preferences = preferences;
  g_signal_connect_object (preferences, "destroy", G_CALLBACK (on_preferences_destroyed), self,
                           G_CONNECT_SWAPPED);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (preferences));
}

CfSyncClient *
cf_window_get_sync_client (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);

  return self->sync_client;
}

static void
on_unlocked (CfWindow *self,
             CfStore  *store)
{
  g_autoptr(GError) error = NULL;

  self->unlock_started = g_get_monotonic_time ();
  cf_context_set_store (self->context, store);

  self->caseload = cf_caseload_new (store, cf_context_get_calendar (self->context),
                                    cf_context_get_first_contact_days (self->context));
  cf_caseload_view_set_caseload (self->caseload_view, self->caseload);
  cf_caseload_reload_async (self->caseload, self->cancellable, on_caseload_loaded,
                            g_object_ref (self));
  start_sync (self, store);

  /* An edit that could not be saved before locking is saved now. */
  if (self->unsaved != NULL)
    {
      if (!cf_store_save_carer (store, self->unsaved, &error))
        toast (self, error->message);
      g_clear_object (&self->unsaved);
    }
  if (self->unsaved_assessment != NULL)
    {
      g_clear_error (&error);
      if (!cf_assessments_save (store, self->unsaved_assessment, &error))
        toast (self, error->message);
      g_clear_object (&self->unsaved_assessment);
    }
  if (self->support_unsaved)
    {
      g_clear_error (&error);
      if (!cf_support_view_flush (self->support_view, &error))
        toast (self, error->message);
      self->support_unsaved = FALSE;
    }

  open_carer (self, NULL);
  show_state (self, "main");
  note_activity (self);
  update_actions (self);
  cf_caseload_view_focus_search (self->caseload_view);
}

gboolean
cf_window_is_locked (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), TRUE);

  return cf_context_get_store (self->context) == NULL;
}

/* @wipe: the server revoked this laptop; its profile is deleted once the store is closed */
static void
lock_window (CfWindow *self,
             gboolean  wipe)
{
  CfStore *store = cf_context_get_store (self->context);
  g_autoptr(CfStore) closing = NULL;

  if (store == NULL)
    return;

  /* Save first. If that fails, keep the carer in memory (never on screen) and save it at the
   * next unlock: locking must not lose an edit, nor wait for one. */
  if (!flush_editor (self) && cf_carer_editor_get_carer (self->editor) != NULL)
    g_set_object (&self->unsaved, cf_carer_editor_get_carer (self->editor));
  if (self->assessment_editor != NULL && !flush_assessment (self) &&
      cf_assessment_editor_get_assessment (self->assessment_editor) != NULL)
    g_set_object (&self->unsaved_assessment,
                  cf_assessment_editor_get_assessment (self->assessment_editor));
  self->support_unsaved = !flush_support (self);

  if (wipe)
    {
      /* Whatever could not be saved goes with the rest of the profile. */
      g_clear_object (&self->unsaved);
      g_clear_object (&self->unsaved_assessment);
      self->support_unsaved = FALSE;
    }

  end_review_mode (self, FALSE);
  open_carer (self, NULL);
  cf_caseload_view_set_caseload (self->caseload_view, NULL);
  g_clear_object (&self->caseload);

  closing = g_object_ref (store);
  cf_context_set_store (self->context, NULL);

  /* Until the profile is gone, there is nothing to unlock. The focus is let go properly
   * first: GTK 4.8 does not tell a text field made insensitive that it lost the focus. */
  if (wipe)
    {
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
      gtk_widget_set_sensitive (GTK_WIDGET (self->unlock_page), FALSE);
    }
  cf_unlock_page_reset (self->unlock_page);
  show_state (self, "unlock");
  update_actions (self);

  stop_sync (self, closing, wipe);
}

void
cf_window_lock (CfWindow *self)
{
  g_return_if_fail (CF_IS_WINDOW (self));

  lock_window (self, FALSE);
}

static void
action_lock (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  cf_window_lock (CF_WINDOW (widget));
}

static void
action_sync_now (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (self->sync_client != NULL)
    cf_sync_client_request_sync (self->sync_client);
}

static void
action_sync_sign_in (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  cf_window_show_preferences (CF_WINDOW (widget), "sync");
}

static void
action_new_referral (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  g_autoptr(CfCarer) carer = NULL;
  g_autofree char *now = NULL;

  if (cf_window_is_locked (self) || !flush_work (self) || !flush_editor (self))
    return;

  /* Saved with its first keystroke; until then nothing is stored. */
  carer = cf_carer_new ();
  now = cf_clock_now_iso8601 (cf_context_get_clock (self->context));
  cf_record_set_text (CF_RECORD (carer), "referral_received_at", now);

  open_carer (self, carer);
  cf_carer_editor_focus_first (self->editor);
}

static void
action_search (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->caseload_view));
  cf_caseload_view_focus_search (self->caseload_view);
}

static void
action_show_caseload (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->caseload_view));
}

static void
on_assessment_started (CfWindow     *self,
                       CfAssessment *assessment)
{
  open_assessment (self, assessment);
}

static void
on_start_failed (CfWindow   *self,
                 const char *message)
{
  toast (self, message);
}

static void
action_start_assessment (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  CfCarer *carer = cf_carer_editor_get_carer (self->editor);
  CfAssessmentStartDialog *dialog;

  if (cf_window_is_locked (self) || carer == NULL || !flush_editor (self))
    return;

  dialog = cf_assessment_start_dialog_new (GTK_WINDOW (self), self->context, carer);
  g_signal_connect_object (dialog, "started", G_CALLBACK (on_assessment_started), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (on_start_failed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_open_assessment (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  CfStore *store = cf_context_get_store (self->context);
  g_autoptr(CfAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL || !flush_work (self) || !flush_editor (self))
    return;

  /* Read whole when opened; the view is audited. */
  assessment = cf_assessments_load (store, g_variant_get_string (parameter, NULL), &error);
  if (assessment == NULL)
    {
      toast (self, error->message);
      return;
    }

  open_assessment (self, assessment);
}

static void
action_show_carer (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  const char *visible = gtk_stack_get_visible_child_name (self->content_stack);

  if ((!g_str_equal (visible, "assessment") && !g_str_equal (visible, "support") &&
       !g_str_equal (visible, "due")) ||
      !flush_work (self))
    return;

  close_assessment (self);
  if (cf_carer_editor_get_carer (self->editor) == NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->content_stack, "carer");
  cf_carer_editor_focus_first (self->editor);
}

static void
action_open_support (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (cf_window_is_locked (self) || !flush_assessment (self) || !flush_editor (self))
    return;

  open_support (self, g_variant_get_string (parameter, NULL));
}

static void
action_show_due (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);

  if (cf_window_is_locked (self) || !flush_work (self) || !flush_editor (self))
    return;

  close_assessment (self);
  cf_due_page_reload (self->due_page);
  gtk_stack_set_visible_child_name (self->content_stack, "due");
  show_carer_title (self, FALSE);
  adw_window_title_set_title (self->content_title, _("Due Soon and Overdue"));
  adw_window_title_set_subtitle (self->content_title, _("Across the caseload"));
  gtk_widget_set_visible (self->carer_button, cf_carer_editor_get_carer (self->editor) != NULL);
  show_content (self);
}

static void
action_open_carer (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  on_carer_activated (CF_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Conflicts --------------------------------------------------------------------------------- */

static void
on_conflicts_resolved (CfWindow *self)
{
  /* The chosen value waits in the outbox: send it soon. */
  if (self->sync_client != NULL)
    cf_sync_client_request_sync (self->sync_client);
}

static void
action_show_conflicts (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  CfConflictsDialog *dialog;

  /* What is being typed is saved first, so a conflict is resolved on top of it. */
  if (cf_window_is_locked (self) || !flush_work (self) || !flush_editor (self))
    return;

  dialog = cf_conflicts_dialog_new (GTK_WINDOW (self), self->context);
  g_signal_connect_object (dialog, "resolved", G_CALLBACK (on_conflicts_resolved), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Carer review mode. */

static void enter_review_mode (CfWindow   *self,
                               const char *carer_id,
                               const char *language,
                               const char *words,
                               guint       failures);

static void
on_review_leave (CfWindow *self)
{
  CfStore *store = cf_context_get_store (self->context);
  g_autofree char *carer_id = NULL;
  g_autoptr(CfCarer) carer = NULL;
  g_autoptr(GError) error = NULL;

  carer_id = g_strdup (cf_record_get_id (CF_RECORD (
    cf_review_mode_get_review (self->review_mode)->carer)));
  end_review_mode (self, TRUE);

  /* The carer's page again, read afresh: what the carer said may have changed the plan. */
  carer = store != NULL ? cf_store_load_carer (store, carer_id, &error) : NULL;
  if (carer == NULL && error != NULL)
    toast (self, error->message);
  open_carer (self, carer);
  show_state (self, "main");
  update_actions (self);
  note_activity (self);
  /* The passphrase entry that had the focus is gone: the worker carries on in the page. */
  if (!gtk_widget_child_focus (GTK_WIDGET (self->editor), GTK_DIR_TAB_FORWARD))
    cf_caseload_view_focus_search (self->caseload_view);
}

static void
on_review_lock (CfWindow *self)
{
  lock_window (self, FALSE);
}

typedef struct
{
  CfWindow     *window;
  CfReviewMode *mode;
  char         *language;
} LanguageChange;

static void
language_change_free (LanguageChange *change)
{
  g_object_unref (change->window);
  g_object_unref (change->mode);
  g_free (change->language);
  g_free (change);
}

static gboolean
change_language_idle_cb (gpointer user_data)
{
  LanguageChange *change = user_data;
  CfWindow *self = change->window;
  CfReviewMode *old = change->mode;
  g_autofree char *carer_id = NULL;
  g_autofree char *words = NULL;

  /* Left or locked meanwhile. */
  if (self->review_mode != old)
    return G_SOURCE_REMOVE;

  carer_id = g_strdup (cf_record_get_id (CF_RECORD (cf_review_mode_get_review (old)->carer)));
  words = cf_review_mode_dup_words (old);
  enter_review_mode (self, carer_id, change->language, words, cf_review_mode_get_failures (old));

  return G_SOURCE_REMOVE;
}

/* The mode is built again in the new language once the drop-down that asked for it has
 * finished: replacing it from inside the drop-down's own signal would free the drop-down
 * while GTK still uses it. */
static void
on_review_language_changed (CfWindow   *self,
                            const char *language)
{
  LanguageChange *change = g_new0 (LanguageChange, 1);

  change->window = g_object_ref (self);
  change->mode = g_object_ref (self->review_mode);
  change->language = g_strdup (language);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, change_language_idle_cb, change,
                   (GDestroyNotify) language_change_free);
}

/* @audit: whether the worker left (audited); otherwise the window is locking */
static void
end_review_mode (CfWindow *self,
                 gboolean  audit)
{
  CfStore *store = cf_context_get_store (self->context);

  if (self->review_mode == NULL)
    return;

  if (audit && store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!cf_store_audit (store, CF_AUDIT_VIEW, "carer",
                           cf_record_get_id (CF_RECORD (
                             cf_review_mode_get_review (self->review_mode)->carer)),
                           "carer review mode ended", &error))
        g_warning ("Could not audit the end of carer review mode: %s", error->message);
    }

  g_signal_handlers_disconnect_by_data (self->review_mode, self);
  self->review_mode = NULL;
  adw_bin_set_child (self->review_bin, NULL);
}

static void
enter_review_mode (CfWindow   *self,
                   const char *carer_id,
                   const char *language,
                   const char *words,
                   guint       failures)
{
  CfStore *store = cf_context_get_store (self->context);
  CfApplication *application = CF_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GSettings *settings = cf_context_get_settings (self->context);
  g_autoptr(CfCarerReview) review = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *chosen = NULL;
  gboolean starting = self->review_mode == NULL;
  CfReviewMode *mode;

  if (store == NULL)
    return;

  review = cf_carer_review_load (store, carer_id, &error);
  if (review == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not start carer review mode: %s"), error->message);
      toast (self, message);
      return;
    }

  if (starting && !cf_store_audit (store, CF_AUDIT_VIEW, "carer", carer_id,
                                   "carer review mode started", &error))
    {
      toast (self, error->message);
      return;
    }

  if (settings != NULL)
    {
      name = g_settings_get_string (settings, "organisation-name");
      phone = g_settings_get_string (settings, "organisation-phone");
    }
  chosen = language != NULL ? g_strdup (language) : cf_carer_review_dup_language (review);

  mode = cf_review_mode_new (store, cf_application_get_profile_dir (application),
                             g_steal_pointer (&review), chosen,
                             &(CfOrganisation) { name, phone });
  cf_review_mode_set_words (mode, words);
  cf_review_mode_set_failures (mode, failures);
  g_signal_connect_swapped (mode, "leave", G_CALLBACK (on_review_leave), self);
  g_signal_connect_swapped (mode, "lock", G_CALLBACK (on_review_lock), self);
  g_signal_connect_swapped (mode, "language-changed", G_CALLBACK (on_review_language_changed),
                            self);

  if (self->review_mode != NULL)
    g_signal_handlers_disconnect_by_data (self->review_mode, self);
  self->review_mode = mode;
  adw_bin_set_child (self->review_bin, GTK_WIDGET (mode));
  show_state (self, "review");
  update_actions (self);
  cf_review_mode_focus (mode);
}

static void
action_review_mode (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CfWindow *self = CF_WINDOW (widget);
  CfCarer *carer = self->editor != NULL ? cf_carer_editor_get_carer (self->editor) : NULL;
  g_autofree char *carer_id = NULL;

  if (carer == NULL || cf_record_is_new (CF_RECORD (carer)))
    return;

  /* What the worker typed is saved first, and the pages beside the carer are closed: the
   * carer's responses can change the plan, which is read afresh when the worker is back. */
  if (!flush_work (self) || !flush_editor (self))
    return;
  carer_id = g_strdup (cf_record_get_id (CF_RECORD (carer)));
  open_carer (self, carer);

  enter_review_mode (self, carer_id, NULL, NULL, 0);
}

CfReviewMode *
cf_window_get_review_mode (CfWindow *self)
{
  g_return_val_if_fail (CF_IS_WINDOW (self), NULL);

  return self->review_mode;
}

static gboolean
cf_window_close_request (GtkWindow *window)
{
  CfWindow *self = CF_WINDOW (window);

  /* Closing never loses an edit: if it cannot be saved, the window stays open and says so. */
  if (!flush_work (self) || !flush_editor (self))
    return TRUE;

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }

  cf_window_lock (self);

  return GTK_WINDOW_CLASS (cf_window_parent_class)->close_request (window);
}

static void
cf_window_dispose (GObject *object)
{
  CfWindow *self = CF_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->context != NULL)
    cf_window_lock (self);
  g_clear_object (&self->caseload);
  g_clear_object (&self->unsaved);
  g_clear_object (&self->unsaved_assessment);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_window_parent_class)->dispose (object);
}

static void
cf_window_class_init (CfWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cf_window_dispose;
  window_class->close_request = cf_window_close_request;

  g_type_ensure (CF_TYPE_CASELOAD_VIEW);
  g_type_ensure (CF_TYPE_SYNC_STATUS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/carefield/Carefield/cf-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CfWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, lock_stack);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, review_bin);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, unlock_bin);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, caseload_view);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, separator);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, carer_button);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, assessment_bin);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, support_bin);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, due_bin);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, editor_bin);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, sync_status);
  gtk_widget_class_bind_template_child (widget_class, CfWindow, primary_menu);

  gtk_widget_class_install_action (widget_class, "win.lock", NULL, action_lock);
  gtk_widget_class_install_action (widget_class, "win.new-referral", NULL, action_new_referral);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, action_search);
  gtk_widget_class_install_action (widget_class, "win.show-caseload", NULL,
                                   action_show_caseload);
  gtk_widget_class_install_action (widget_class, "win.start-assessment", NULL,
                                   action_start_assessment);
  gtk_widget_class_install_action (widget_class, "win.open-assessment", "s",
                                   action_open_assessment);
  gtk_widget_class_install_action (widget_class, "win.show-carer", NULL, action_show_carer);
  gtk_widget_class_install_action (widget_class, "win.open-support", "s", action_open_support);
  gtk_widget_class_install_action (widget_class, "win.show-due", NULL, action_show_due);
  gtk_widget_class_install_action (widget_class, "win.open-carer", "s", action_open_carer);
  gtk_widget_class_install_action (widget_class, "win.show-conflicts", NULL,
                                   action_show_conflicts);
  gtk_widget_class_install_action (widget_class, "win.sync-now", NULL, action_sync_now);
  gtk_widget_class_install_action (widget_class, "win.sync-sign-in", NULL,
                                   action_sync_sign_in);
  gtk_widget_class_install_action (widget_class, "win.review-mode", NULL, action_review_mode);
}

static void
cf_window_init (CfWindow *self)
{
  GtkEventController *keys;
  GtkEventController *motion;
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet, self->separator), FALSE);
  g_object_bind_property (self->leaflet, "folded", self->back_button, "visible",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->leaflet, "folded", self->sync_status, "compact",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->caseload_view, "carer-activated",
                           G_CALLBACK (on_carer_activated), self, G_CONNECT_SWAPPED);
  cf_caseload_view_set_primary_menu (self->caseload_view, self->primary_menu);

  /* Any key, pointer movement or click counts as someone being there. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  motion = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (note_activity), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (click, "pressed", G_CALLBACK (note_activity), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  self->idle_source = g_timeout_add_seconds (IDLE_CHECK_SECONDS, idle_check, self);
}

CfWindow *
cf_window_new (CfApplication *application)
{
  CfWindow *self;
  CfContext *context;

  g_return_val_if_fail (CF_IS_APPLICATION (application), NULL);

  self = g_object_new (CF_TYPE_WINDOW, "application", application, NULL);
  context = cf_application_get_context (application);
  self->context = g_object_ref (context);
  self->settings = cf_context_get_settings (context)
                   ? g_object_ref (cf_context_get_settings (context)) : NULL;

  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      cf_caseload_view_set_settings (self->caseload_view, self->settings);
    }
  else
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1100, 760);
    }

  self->editor = cf_carer_editor_new (context);
  adw_bin_set_child (self->editor_bin, GTK_WIDGET (self->editor));
  show_carer_title (self, TRUE);

  self->assessment_editor = cf_assessment_editor_new (context);
  adw_bin_set_child (self->assessment_bin, GTK_WIDGET (self->assessment_editor));

  self->support_view = cf_support_view_new (context);
  adw_bin_set_child (self->support_bin, GTK_WIDGET (self->support_view));
  self->due_page = cf_due_page_new (context);
  adw_bin_set_child (self->due_bin, GTK_WIDGET (self->due_page));

  self->unlock_page = cf_unlock_page_new (context,
                                          cf_application_get_profile_dir (application));
  adw_bin_set_child (self->unlock_bin, GTK_WIDGET (self->unlock_page));
  g_signal_connect_object (self->unlock_page, "unlocked", G_CALLBACK (on_unlocked), self,
                           G_CONNECT_SWAPPED);

  cf_unlock_page_reset (self->unlock_page);
  update_actions (self);

  return self;
}
