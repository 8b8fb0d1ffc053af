/* cf-sync-release.c: closing a profile's store once its sync client has let go of it
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Locking, closing the window and a revoked laptop all end with the store closed. A sync may be
 * under way then, on a store connection of its own; it holds the client, and the client holds
 * the store, until it has finished. Rather than wait for it (the window would hang for as long
 * as a slow network takes) or cut it short, the store is closed when the client goes, and the
 * application is held until then, so that quitting never cuts a sync short either.
 */

#include "config.h"

#include "cf-profile.h"
#include "cf-sync-release.h"

typedef struct
{
  CfStore         *store;
  GApplication    *application;
  char            *profile_dir;
  GWeakRef         owner;
  CfSyncWipedFunc  wiped;
  GThread         *thread;
  gboolean         wipe;
} Release;

static void
release_finish (Release *release)
{
  g_autoptr(GObject) owner = g_weak_ref_get (&release->owner);
  g_autoptr(GError) error = NULL;

  /* A laptop being wiped does not stop for a store that would not close. */
  if (!cf_store_close (release->store, &error) && !release->wipe)
    g_warning ("%s", error->message);
  g_clear_error (&error);

  if (release->wipe && release->profile_dir != NULL)
    {
      cf_profile_wipe (release->profile_dir, &error);
      if (owner != NULL && release->wiped != NULL)
        release->wiped (owner, error);
      else if (error != NULL)
        g_warning ("The revoked profile could not all be deleted: %s", error->message);
    }

  g_object_unref (release->store);
  g_weak_ref_clear (&release->owner);
  if (release->application != NULL)
    {
      g_application_release (release->application);
      g_object_unref (release->application);
    }
  g_free (release->profile_dir);
  g_free (release);
}

static gboolean
release_idle (gpointer data)
{
  release_finish (data);
  return G_SOURCE_REMOVE;
}

static void
on_client_gone (gpointer  data,
                GObject  *where_the_client_was)
{
  Release *release = data;

  /* The last reference may be let go in the worker thread that ran the sync. */
  if (g_thread_self () == release->thread)
    release_finish (release);
  else
    g_idle_add (release_idle, release);
}

static void
on_revoked (CfSyncClient *client,
            Release      *release)
{
  /* A sync that was under way when the owner let go found the laptop revoked. */
  release->wipe = TRUE;
}

/**
 * cf_sync_release:
 * @client: (transfer full) (nullable): the store's sync client
 * @store: the store to close
 * @application: (nullable): held until the store is closed
 * @profile_dir: (nullable): the profile folder, to wipe
 * @wipe: whether to delete the profile once the store is closed (a revoked laptop)
 * @owner: told through @wiped that the profile was deleted, if it is still there then
 * @wiped: (nullable): called on @owner after a wipe
 *
 * Stops @client syncing by itself and lets go of it. @store is closed once the client has let
 * go of it too: at once when no sync is under way, otherwise when the sync ends. The profile
 * is wiped then if @wipe, or if a sync still under way finds the laptop revoked.
 */
void
cf_sync_release (CfSyncClient    *client,
                 CfStore         *store,
                 GApplication    *application,
                 const char      *profile_dir,
                 gboolean         wipe,
                 GObject         *owner,
                 CfSyncWipedFunc  wiped)
{
  Release *release;

  g_return_if_fail (client == NULL || CF_IS_SYNC_CLIENT (client));
  g_return_if_fail (CF_IS_STORE (store));
  g_return_if_fail (application == NULL || G_IS_APPLICATION (application));
  g_return_if_fail (G_IS_OBJECT (owner));

  release = g_new0 (Release, 1);
  release->store = g_object_ref (store);
  release->profile_dir = g_strdup (profile_dir);
  g_weak_ref_init (&release->owner, owner);
  release->wiped = wiped;
  release->thread = g_thread_self ();
  release->wipe = wipe;
  if (application != NULL)
    {
      release->application = g_object_ref (application);
      g_application_hold (application);
    }

  if (client == NULL)
    {
      release_finish (release);
      return;
    }

  cf_sync_client_set_automatic (client, FALSE);
  g_signal_connect (client, "revoked", G_CALLBACK (on_revoked), release);
  g_object_weak_ref (G_OBJECT (client), on_client_gone, release);
  g_object_unref (client);
}
