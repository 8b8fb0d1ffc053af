/* cf-sync-client.c
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one sync client, used by the window and by carefield-cli alike (DESIGN.md, "Sync
 * protocol"). A sync runs in a worker thread with its own store connection and its own
 * SoupSession, using libsoup's blocking API there (libsoup ≥ 3.2 allows a session made in a
 * thread to be used in it): the window never waits on the network or on applying a page.
 *
 * One sync is: push the outbox in batches until it is empty, send the audit trail written since
 * the last sync, then pull pages of changes until the server says there are no more. Every
 * step commits what it has done, so a sync cut off anywhere resumes where it stopped: an
 * operation without a result is sent again with the same op_id, an audit batch without an
 * answer is sent again whole (the server keeps one copy of each entry), and a pull starts from
 * the last page applied.
 *
 * When it is automatic, the client syncs when the network changes (after a short settle and a
 * reachability check), on a timer, and when asked (after finishing an assessment, "Sync now");
 * a failure that may pass (offline, a server error) is retried with exponential backoff and
 * jitter.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "cf-store-private.h"
#include "cf-sync-client.h"

/* DESIGN.md: pulls are paged, 500 records by default. */
#define PULL_PAGE_SIZE        500
#define PUSH_BATCH_SIZE       CF_SYNC_MAX_OPS
/* Well under the server's 5000, so that a batch of long details stays far from its body
 * limit. */
#define AUDIT_BATCH_SIZE      2000
#define REQUEST_TIMEOUT_S     60
#define TIMER_INTERVAL_S      (10 * 60)
#define NETWORK_SETTLE_MS     2000
#define BACKOFF_FIRST_S       15
#define BACKOFF_MAX_S         (30 * 60)

struct _CfSyncClient
{
  GObject          parent_instance;

  CfStore         *store;
  CfSyncAccount   *account;

  CfSyncState      state;
  char            *message;
  GDateTime       *offline_since;
  GDateTime       *last_synced;
  guint            waiting;

  guint            timeout;
  gboolean         running;
  gboolean         again;
  GCancellable    *cancellable;

  gboolean         automatic;
  /* Cancelled when automatic syncing stops, so a reachability check under way starts no sync
   * after that. */
  GCancellable    *reach_cancellable;
  GNetworkMonitor *chosen_monitor;
  GNetworkMonitor *monitor;
  gulong           network_changed_id;
  guint            timer_id;
  guint            settle_id;
  guint            retry_id;
  guint            failures;
};

G_DEFINE_FINAL_TYPE (CfSyncClient, cf_sync_client, G_TYPE_OBJECT)

G_DEFINE_QUARK (cf-sync-client-error-quark, cf_sync_client_error)

G_DEFINE_BOXED_TYPE (CfSyncSummary, cf_sync_summary, cf_sync_summary_copy, cf_sync_summary_free)

enum {
  PROP_0,
  PROP_STATE,
  PROP_MESSAGE,
  PROP_OFFLINE_SINCE,
  PROP_LAST_SYNCED,
  PROP_USER,
  PROP_WAITING,
  N_PROPS
};

enum {
  PROGRESS,
  SYNCED,
  RECORDS_CHANGED,
  REVOKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule_retry (CfSyncClient *self);

CfSyncSummary *
cf_sync_summary_copy (const CfSyncSummary *summary)
{
  return g_memdup2 (summary, sizeof *summary);
}

void
cf_sync_summary_free (CfSyncSummary *summary)
{
  g_free (summary);
}

/**
 * cf_sync_summary_describe:
 *
 * Returns: (transfer full): one line for a person: what went up, what came down, what needs
 *   them
 */
char *
cf_sync_summary_describe (const CfSyncSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);

  /* Translators: the summary of one sync; each count is a number of changes, records or
   * audit trail entries. */
  return g_strdup_printf (_("pushed %u, merged %u, conflicts %u, errors %u, pulled %u, "
                            "removed %u, audit entries %u"),
                          summary->pushed, summary->merged, summary->conflicts,
                          summary->errors, summary->pulled, summary->removed,
                          summary->audited);
}

/* The address check: HTTPS, or plain HTTP to this machine only (the server itself serves plain
 * HTTP only when told to, for tests on loopback). A carer's data never crosses a network in
 * clear text. */
gboolean
cf_sync_check_server_url (const char  *server_url,
                          GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  g_return_val_if_fail (server_url != NULL, FALSE);

  uri = g_uri_parse (server_url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL ||
      g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_BAD_ADDRESS,
                   _("“%s” is not a server address. Write it like https://carers.example.org."),
                   server_url);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") == 0 &&
      (g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1") ||
       g_ascii_strcasecmp (host, "localhost") == 0))
    return TRUE;

  g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_BAD_ADDRESS,
               _("The server address must start with https://, so that carers’ details are "
                 "encrypted on the way."));
  return FALSE;
}

static char *
normalise_url (const char *server_url)
{
  g_autofree char *url = g_strstrip (g_strdup (server_url));
  gsize length = strlen (url);

  while (length > 0 && url[length - 1] == '/')
    url[--length] = '\0';

  return g_steal_pointer (&url);
}

/* The job a worker thread does; everything in it belongs to the thread until it returns. */
typedef struct
{
  CfStore       *store;
  CfSyncAccount *account;
  char          *device_name;
  guint          timeout;
  GMainContext  *context;
  CfSyncClient  *client;

  /* login only */
  char          *server_url;
  char          *user;
  char          *password;

  CfSyncSummary  summary;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  g_clear_pointer (&job->account, cf_sync_account_free);
  g_free (job->device_name);
  g_main_context_unref (job->context);
  g_clear_object (&job->client);
  g_free (job->server_url);
  g_free (job->user);
  if (job->password != NULL)
    memset (job->password, 0, strlen (job->password));
  g_free (job->password);
  g_free (job);
}

static Job *
job_new (CfSyncClient *self)
{
  Job *job = g_new0 (Job, 1);
  g_autofree char *host = g_strdup (g_get_host_name ());

  job->store = g_object_ref (self->store);
  job->account = self->account != NULL ? cf_sync_account_copy (self->account) : NULL;
  job->timeout = self->timeout;
  job->context = g_main_context_ref_thread_default ();
  job->client = g_object_ref (self);

  /* The push envelope names the device in at most 100 bytes (src/sync/README.md). */
  if (strlen (host) > 100)
    host[g_utf8_find_prev_char (host, host + 100) - host] = '\0';
  job->device_name = g_steal_pointer (&host);

  return job;
}

typedef struct
{
  CfSyncClient *client;
  CfSyncPhase   phase;
  guint         done;
  guint         total;
} Progress;

static gboolean
emit_progress (gpointer data)
{
  Progress *progress = data;

  g_signal_emit (progress->client, signals[PROGRESS], 0,
                 progress->phase, progress->done, progress->total);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->client);
  g_free (progress);
}

static void
job_progress (Job         *job,
              CfSyncPhase  phase,
              guint        done,
              guint        total)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->client = g_object_ref (job->client);
  progress->phase = phase;
  progress->done = done;
  progress->total = total;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, emit_progress,
                              progress, progress_free);
}

static SoupSession *
new_session (Job *job)
{
  g_autofree char *agent = g_strdup_printf ("Carefield/%s", PACKAGE_VERSION);
  SoupSession *session = soup_session_new_with_options ("timeout", job->timeout,
                                                        "idle-timeout", job->timeout,
                                                        "user-agent", agent,
                                                        NULL);

  /* Responses come gzipped when we say we take them (DESIGN.md: gzip both ways). */
  if (!soup_session_has_feature (session, SOUP_TYPE_CONTENT_DECODER))
    soup_session_add_feature_by_type (session, SOUP_TYPE_CONTENT_DECODER);

  return session;
}

static GBytes *
gzip_bytes (const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GZlibCompressor) compressor =
    g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out =
    g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  if (!g_output_stream_write_all (out, data, length, NULL, NULL, error) ||
      !g_output_stream_close (out, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static char *
server_reason (JsonNode    *node,
               const char **reason)
{
  JsonObject *object;

  *reason = "";
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  object = json_node_get_object (node);
  if (json_object_has_member (object, "reason") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "reason")))
    *reason = json_object_get_string_member_with_default (object, "reason", "");

  if (json_object_has_member (object, "error") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "error")))
    return g_strdup (json_object_get_string_member_with_default (object, "error", ""));

  return NULL;
}

/* One request and its JSON answer. A status the caller handles itself (413 for a push) comes
 * back in @status with a NULL answer and no error; every other failure is an error in words. */
static JsonNode *
request_json (Job           *job,
              SoupSession   *session,
              const char    *method,
              const char    *path,
              JsonNode      *body,
              guint          expected,
              guint         *status,
              GCancellable  *cancellable,
              GError       **error)
{
  const char *base = job->account != NULL ? job->account->server_url : job->server_url;
  g_autofree char *url = g_strconcat (base, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *server_message = NULL;
  JsonNode *root = NULL;
  const char *reason = "";
  guint code;

  *status = 0;
  if (message == NULL)
    {
      g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_BAD_ADDRESS,
                   _("“%s” is not a server address."), base);
      return NULL;
    }

  if (job->account != NULL)
    {
      g_autofree char *bearer = g_strdup_printf ("Bearer %s", job->account->token);

      soup_message_headers_replace (soup_message_get_request_headers (message),
                                    "Authorization", bearer);
    }

  if (body != NULL)
    {
      gsize length = 0;
      g_autofree char *text = json_to_string (body, FALSE);
      g_autoptr(GBytes) packed = NULL;

      length = strlen (text);
      if ((packed = gzip_bytes (text, length, error)) == NULL)
        return NULL;

      soup_message_headers_replace (soup_message_get_request_headers (message),
                                    "Content-Encoding", "gzip");
      soup_message_set_request_body_from_bytes (message, "application/json", packed);
    }

  soup_message_add_flags (message, SOUP_MESSAGE_COLLECT_METRICS);
  answer = soup_session_send_and_read (session, message, cancellable, &local_error);
  if (soup_message_get_metrics (message) != NULL)
    {
      SoupMessageMetrics *metrics = soup_message_get_metrics (message);

      job->summary.bytes_sent += soup_message_metrics_get_request_body_bytes_sent (metrics);
      job->summary.bytes_received +=
        soup_message_metrics_get_response_body_bytes_received (metrics);
    }

  if (answer == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_OFFLINE,
                   _("Could not reach the server: %s"), local_error->message);
      return NULL;
    }

  code = soup_message_get_status (message);
  *status = code;

  /* The same guards as the server's on what it reads (README, "JSON the server accepts"): a
   * server, or something pretending to be one, must not be able to crash the laptop with
   * nesting deep enough to exhaust json-glib's recursion. */
  if (g_bytes_get_size (answer) > 0 &&
      cf_sync_json_check (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer),
                          CF_SYNC_MAX_JSON_DEPTH, NULL) &&
      json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                  g_bytes_get_size (answer), NULL))
    root = json_parser_get_root (parser);

  if (code == expected && root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);

      if (json_object_has_member (object, "format") &&
          json_object_get_int_member_with_default (object, "format", 1) > 1)
        {
          g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_TOO_NEW,
                       _("The server uses a newer version of Carefield’s sync format. "
                         "Update Carefield on this computer."));
          return NULL;
        }

      return json_node_ref (root);
    }

  if (code == expected && expected == SOUP_STATUS_NO_CONTENT)
    return json_node_init_object (json_node_alloc (), json_object_new ());

  server_message = server_reason (root, &reason);

  switch (code)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      if (g_str_equal (reason, "revoked"))
        g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_REVOKED,
                     _("This computer’s access to the server has been withdrawn."));
      else if (job->account == NULL)
        g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_UNAUTHORIZED,
                     _("The user name or password is wrong."));
      else
        g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_UNAUTHORIZED,
                     _("The server no longer knows this computer. Sign in again."));
      return NULL;

    case SOUP_STATUS_FORBIDDEN:
      if (g_str_equal (reason, "disabled"))
        g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_FORBIDDEN,
                     _("This account has been disabled. Ask your coordinator."));
      else
        g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_FORBIDDEN,
                     _("The server refused: %s"),
                     server_message != NULL ? server_message : _("not allowed"));
      return NULL;

    case SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE:
      return NULL;

    case 429: /* Too Many Requests: the server's sign-in limit */
      g_set_error_literal (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_UNAUTHORIZED,
                           server_message != NULL ? server_message
                                                  : _("Too many tries. Try again later."));
      return NULL;

    default:
      break;
    }

  if (code == SOUP_STATUS_BAD_REQUEST && g_str_equal (reason, "unsupported-format"))
    g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_SERVER,
                 _("The server is older than this Carefield. Ask for it to be updated."));
  else if (code >= 500)
    g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_SERVER,
                 _("The server had a problem (%u). Carefield will try again."), code);
  else if (code == expected)
    g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_SERVER,
                 _("The server’s answer could not be read."));
  else
    g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_SERVER,
                 _("The server refused the request (%u): %s"), code,
                 server_message != NULL ? server_message : soup_message_get_reason_phrase (message));
  return NULL;
}

static gboolean
map_local_error (GError **error)
{
  /* A results list or a page in a newer format than cf-sync-local reads. */
  if (error != NULL && *error != NULL &&
      g_error_matches (*error, CF_SYNC_ERROR, CF_SYNC_ERROR_UNSUPPORTED_FORMAT))
    {
      g_clear_error (error);
      g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_TOO_NEW,
                   _("The server uses a newer version of Carefield’s sync format. "
                     "Update Carefield on this computer."));
    }
  else if (error != NULL && *error != NULL && (*error)->domain == CF_SYNC_ERROR)
    {
      g_autofree char *text = g_strdup ((*error)->message);

      g_clear_error (error);
      g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_SERVER,
                   _("The server’s answer could not be read: %s"), text);
    }

  return FALSE;
}

static guint
handled (const CfSyncSummary *summary)
{
  return summary->pushed + summary->merged + summary->conflicts + summary->errors;
}

/* Push: batches of the outbox until it is empty. Each batch's results are saved before the
 * next is taken, so a connection lost mid-push costs at most one batch, sent again with the
 * same op_ids. */
static gboolean
push (Job           *job,
      CfStore       *store,
      SoupSession   *session,
      GCancellable  *cancellable,
      GError       **error)
{
  guint pending = 0;
  guint errors = 0;
  guint done = 0;
  guint max_ops = PUSH_BATCH_SIZE;

  if (!cf_sync_local_count_outbox (store, &pending, &errors, error))
    return FALSE;

  job_progress (job, CF_SYNC_PHASE_PUSH, 0, pending);

  for (;;)
    {
      g_autoptr(GPtrArray) batch = NULL;
      g_autoptr(JsonNode) body = NULL;
      g_autoptr(JsonNode) response = NULL;
      guint before = handled (&job->summary);
      guint status;

      if ((batch = cf_sync_local_next_batch (store, max_ops, error)) == NULL)
        return FALSE;
      if (batch->len == 0)
        return TRUE;

      body = cf_sync_push_to_json (job->device_name, batch);
      response = request_json (job, session, "POST", "/api/v1/push", body,
                               SOUP_STATUS_OK, &status, cancellable, error);
      if (response == NULL && status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE)
        {
          /* Big texts: send fewer at a time, down to one. */
          if (max_ops > 1)
            {
              max_ops /= 2;
              continue;
            }

          g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_SERVER,
                       _("A change is too large for the server to take."));
          return FALSE;
        }
      if (response == NULL)
        return FALSE;

      if (!cf_sync_local_apply_results (store, batch, response, &job->summary, error))
        return map_local_error (error);

      if (handled (&job->summary) == before)
        {
          /* Without this, an answer missing every result would loop for ever. */
          g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_SERVER,
                       _("The server did not say what happened to the changes sent."));
          return FALSE;
        }

      done += handled (&job->summary) - before;
      job_progress (job, CF_SYNC_PHASE_PUSH, done, MAX (done, pending));
    }
}

/* The audit trail (DESIGN.md, "Local store": it syncs like data): the rows the server has not
 * taken, in batches, oldest first, each marked sent only after the server's 200. A batch is
 * taken whole or not at all, so a batch that failed is simply sent again. The rows are never
 * removed here. A server older than the audit endpoint (404) is no reason to stop the sync:
 * the trail waits for one that has it. */
static gboolean
send_audit (Job           *job,
            CfStore       *store,
            SoupSession   *session,
            GCancellable  *cancellable,
            GError       **error)
{
  guint max = AUDIT_BATCH_SIZE;

  for (;;)
    {
      g_autoptr(JsonNode) body = NULL;
      g_autoptr(JsonNode) response = NULL;
      g_autoptr(GError) local_error = NULL;
      JsonNode *stored;
      gint64 last_seq = 0;
      guint n_entries;
      guint status;

      body = cf_sync_local_next_audit_batch (store, max, &last_seq, &local_error);
      if (body == NULL)
        {
          if (local_error == NULL)
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      n_entries = json_array_get_length (json_object_get_array_member (
                                           json_node_get_object (body), "entries"));

      response = request_json (job, session, "POST", "/api/v1/audit", body, SOUP_STATUS_OK,
                               &status, cancellable, &local_error);
      if (response == NULL && status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE)
        {
          if (max > 1)
            {
              max /= 2;
              continue;
            }

          g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_SERVER,
                       _("An entry of the audit trail is too large for the server to take."));
          return FALSE;
        }
      if (response == NULL && status == SOUP_STATUS_NOT_FOUND)
        return TRUE;
      if (response == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* The count of entries new to the server: anything else is not the protocol, and the
       * batch is not marked, to go again. */
      stored = json_object_get_member (json_node_get_object (response), "stored");
      if (stored == NULL || !JSON_NODE_HOLDS_VALUE (stored) ||
          json_node_get_value_type (stored) != G_TYPE_INT64 ||
          json_node_get_int (stored) < 0 || json_node_get_int (stored) > n_entries)
        {
          g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_SERVER,
                       _("The server did not say what happened to the audit trail sent."));
          return FALSE;
        }

      if (!cf_sync_local_audit_sent (store, last_seq, error))
        return FALSE;
      job->summary.audited += n_entries;
    }
}

/* Pull: pages from the saved cursor while the server has more. */
static gboolean
pull (Job           *job,
      CfStore       *store,
      SoupSession   *session,
      GCancellable  *cancellable,
      GError       **error)
{
  gboolean more = TRUE;
  gboolean restarted = FALSE;

  job_progress (job, CF_SYNC_PHASE_PULL, 0, 0);

  while (more)
    {
      g_autofree char *cursor = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *path = NULL;
      g_autofree char *after = NULL;
      g_autoptr(JsonNode) page = NULL;
      guint status;

      if ((cursor = cf_sync_local_dup_cursor (store, error)) == NULL)
        return FALSE;

      escaped = g_uri_escape_string (cursor, NULL, FALSE);
      path = g_strdup_printf ("/api/v1/changes?since=%s&limit=%d", escaped, PULL_PAGE_SIZE);
      page = request_json (job, session, "GET", path, NULL, SOUP_STATUS_OK, &status,
                           cancellable, error);
      if (page == NULL && status == SOUP_STATUS_BAD_REQUEST && *cursor != '\0' && !restarted)
        {
          /* A cursor the server no longer knows (restored from a backup, say): start again
           * from the beginning. Pulled records never overwrite unpushed edits, so this only
           * costs time. */
          g_clear_error (error);
          if (!cf_sync_local_reset_cursor (store, error))
            return FALSE;
          restarted = TRUE;
          continue;
        }
      if (page == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_SERVER,
                         _("The server refused the request (%u)."), status);
          return FALSE;
        }

      if (!cf_sync_local_apply_page (store, page, &more, &job->summary, error))
        return map_local_error (error);

      if ((after = cf_sync_local_dup_cursor (store, error)) == NULL)
        return FALSE;

      if (more && g_str_equal (after, cursor))
        {
          g_set_error (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_SERVER,
                       _("The server keeps sending the same changes."));
          return FALSE;
        }

      job_progress (job, CF_SYNC_PHASE_PULL, job->summary.pulled, 0);
    }

  return TRUE;
}

/* Runs @thread on @job in a worker thread; @done gets @outer (the caller's task, taken) as
 * its user data, to complete when it has dealt with the result. One job at a time. */
static void
start_job (CfSyncClient    *self,
           GTask           *outer,
           Job             *job,
           GTaskThreadFunc  thread,
           GAsyncReadyCallback done)
{
  g_autoptr(GTask) task = g_task_new (self, g_task_get_cancellable (outer), done, outer);

  self->running = TRUE;
  g_task_set_source_tag (task, thread);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, thread);
}

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(CfStore) store = NULL;
  g_autoptr(SoupSession) session = NULL;
  GError *error = NULL;

  if ((store = cf_store_open_another (job->store, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  session = new_session (job);
  if (!push (job, store, session, cancellable, &error) ||
      !send_audit (job, store, session, cancellable, &error) ||
      !pull (job, store, session, cancellable, &error))
    {
      g_autoptr(GError) close_error = NULL;

      cf_store_close (store, &close_error);
      g_task_return_error (task, error);
      return;
    }

  if (!cf_store_close (store, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, cf_sync_summary_copy (&job->summary),
                         (GDestroyNotify) cf_sync_summary_free);
}

static void
set_state (CfSyncClient *self,
           CfSyncState   state,
           const char   *message)
{
  g_object_freeze_notify (G_OBJECT (self));

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }

  if (state == CF_SYNC_STATE_OFFLINE && self->offline_since == NULL)
    {
      self->offline_since = g_date_time_new_now_local ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE_SINCE]);
    }
  else if (state != CF_SYNC_STATE_OFFLINE && state != CF_SYNC_STATE_SYNCING &&
           self->offline_since != NULL)
    {
      g_clear_pointer (&self->offline_since, g_date_time_unref);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE_SINCE]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

static CfSyncState
idle_state (CfSyncClient *self)
{
  return self->account != NULL ? CF_SYNC_STATE_IDLE : CF_SYNC_STATE_SIGNED_OUT;
}

static gboolean
reload_account (CfSyncClient  *self,
                GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  CfSyncAccount *account = cf_sync_local_dup_account (self->store, &local_error);

  if (account == NULL && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_clear_pointer (&self->account, cf_sync_account_free);
  self->account = account;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
  return TRUE;
}

/* Whether waiting and trying again may help. */
static gboolean
is_passing (const GError *error)
{
  return g_error_matches (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_OFFLINE) ||
         g_error_matches (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_SERVER);
}

static void
sync_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  CfSyncClient *self = CF_SYNC_CLIENT (source);
  g_autoptr(GTask) outer = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSyncSummary) summary = g_task_propagate_pointer (G_TASK (result), &error);

  self->running = FALSE;
  cf_sync_client_refresh_waiting (self);

  if (summary != NULL)
    {
      self->failures = 0;
      g_clear_pointer (&self->last_synced, g_date_time_unref);
      self->last_synced = g_date_time_new_now_local ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNCED]);
      set_state (self, idle_state (self), NULL);

      if (handled (summary) > 0 || summary->pulled > 0 || summary->removed > 0)
        g_signal_emit (self, signals[RECORDS_CHANGED], 0);
      g_signal_emit (self, signals[SYNCED], 0, summary);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      set_state (self, idle_state (self), NULL);
    }
  else if (g_error_matches (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_REVOKED))
    {
      /* DESIGN.md, "Lost laptop": whoever owns the profile wipes it; the client stops. */
      g_clear_pointer (&self->account, cf_sync_account_free);
      set_state (self, CF_SYNC_STATE_SIGNED_OUT, error->message);
      cf_sync_client_set_automatic (self, FALSE);
      g_signal_emit (self, signals[REVOKED], 0);
    }
  else
    {
      if (g_error_matches (error, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_OFFLINE))
        set_state (self, CF_SYNC_STATE_OFFLINE, error->message);
      else
        set_state (self, CF_SYNC_STATE_ERROR, error->message);

      if (is_passing (error))
        {
          self->failures++;
          schedule_retry (self);
        }
    }

  if (summary != NULL)
    g_task_return_pointer (outer, g_steal_pointer (&summary),
                           (GDestroyNotify) cf_sync_summary_free);
  else
    g_task_return_error (outer, g_steal_pointer (&error));

  if (self->again && self->account != NULL)
    {
      self->again = FALSE;
      cf_sync_client_request_sync (self);
    }
}

/**
 * cf_sync_client_sync_async:
 *
 * Pushes the outbox and pulls the server's changes. Fails with %G_IO_ERROR_PENDING if a sync
 * is already running (use cf_sync_client_request_sync() to ask for one after it).
 */
void
cf_sync_client_sync_async (CfSyncClient        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;

  g_return_if_fail (CF_IS_SYNC_CLIENT (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, cf_sync_client_sync_async);

  if (self->account == NULL)
    {
      g_task_return_new_error (outer, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_NOT_SIGNED_IN,
                               _("This computer is not signed in to a server. Sign in first."));
      return;
    }

  if (self->running)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("A sync is already running."));
      return;
    }

  g_clear_handle_id (&self->retry_id, g_source_remove);
  set_state (self, CF_SYNC_STATE_SYNCING, NULL);
  start_job (self, g_steal_pointer (&outer), job_new (self), sync_thread, sync_done);
}

CfSyncSummary *
cf_sync_client_sync_finish (CfSyncClient  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (CF_IS_SYNC_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A member that is text or a whole number, as text; "" when absent or anything else. */
static char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("");
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return g_strdup ("");
}

static void
login_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(SoupSession) session = new_session (job);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(CfStore) store = NULL;
  CfSyncAccount account = { 0 };
  JsonObject *object;
  GError *error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *device_id = NULL;
  g_autofree char *role = NULL;
  g_autofree char *carer_id = NULL;
  guint status;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "user");
  json_builder_add_string_value (builder, job->user);
  json_builder_set_member_name (builder, "password");
  json_builder_add_string_value (builder, job->password);
  json_builder_set_member_name (builder, "device_name");
  json_builder_add_string_value (builder, job->device_name);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  answer = request_json (job, session, "POST", "/api/v1/session", body, SOUP_STATUS_CREATED,
                         &status, cancellable, &error);

  /* The password is in the request body: wipe the copy json-glib holds. */
  json_object_set_string_member (json_node_get_object (body), "password", "");

  if (answer == NULL)
    {
      if (error == NULL)
        error = g_error_new (CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_SERVER,
                             _("The server refused the request (%u)."), status);
      g_task_return_error (task, error);
      return;
    }

  object = json_node_get_object (answer);
  account.server_url = job->server_url;
  account.user = job->user;
  account.token = token = member_text (object, "token");
  account.device_id = device_id = member_text (object, "device_id");
  account.role = role = member_text (object, "role");
  account.carer_id = carer_id = member_text (object, "carer_id");
  if (*account.token == '\0' || *account.role == '\0')
    {
      g_task_return_new_error (task, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_SERVER,
                               _("The server’s answer could not be read."));
      return;
    }

  if ((store = cf_store_open_another (job->store, &error)) == NULL ||
      !cf_sync_local_set_account (store, &account, &error) ||
      !cf_store_close (store, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
login_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CfSyncClient *self = CF_SYNC_CLIENT (source);
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;

  self->running = FALSE;

  /* The account and the state change together: whoever hears of the new user finds the
   * client ready to sync. */
  g_object_freeze_notify (G_OBJECT (self));
  if (!g_task_propagate_boolean (G_TASK (result), &error) || !reload_account (self, &error))
    {
      set_state (self, idle_state (self), NULL);
      g_object_thaw_notify (G_OBJECT (self));
      g_task_return_error (outer, error);
      return;
    }

  /* The server decides the role: a coordinator's laptop gets the coordinator's tools. */
  if ((g_str_equal (self->account->role, CF_ROLE_WORKER) ||
       g_str_equal (self->account->role, CF_ROLE_COORDINATOR)) &&
      !cf_store_set_role (self->store, self->account->role, &error))
    {
      g_object_thaw_notify (G_OBJECT (self));
      g_task_return_error (outer, error);
      return;
    }

  set_state (self, CF_SYNC_STATE_IDLE, NULL);
  g_object_thaw_notify (G_OBJECT (self));
  g_task_return_boolean (outer, TRUE);
}

/**
 * cf_sync_client_login_async:
 * @device_name: (nullable): what the administrator sees in `device list`; the host name if
 *   %NULL
 *
 * Signs in: the server returns a device token, which is kept in the encrypted store. The
 * password is never stored.
 */
void
cf_sync_client_login_async (CfSyncClient        *self,
                            const char          *server_url,
                            const char          *user,
                            const char          *password,
                            const char          *device_name,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *name = NULL;
  Job *job;

  g_return_if_fail (CF_IS_SYNC_CLIENT (self));
  g_return_if_fail (server_url != NULL);
  g_return_if_fail (user != NULL);
  g_return_if_fail (password != NULL);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, cf_sync_client_login_async);

  url = normalise_url (server_url);
  if (!cf_sync_check_server_url (url, &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  name = g_strstrip (g_strdup (user));
  if (*name == '\0' || *password == '\0')
    {
      g_task_return_new_error (outer, CF_SYNC_CLIENT_ERROR, CF_SYNC_CLIENT_ERROR_UNAUTHORIZED,
                               _("Enter a user name and a password."));
      return;
    }

  if (self->account != NULL)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_EXISTS,
                               _("This computer is already signed in as %s. Sign out first."),
                               self->account->user);
      return;
    }

  if (self->running)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("A sync is already running."));
      return;
    }

  job = job_new (self);
  job->server_url = g_steal_pointer (&url);
  job->user = g_steal_pointer (&name);
  job->password = g_strdup (password);
  if (device_name != NULL && *device_name != '\0')
    {
      g_free (job->device_name);
      job->device_name = g_strndup (device_name, 100);
    }

  start_job (self, g_steal_pointer (&outer), job, login_thread, login_done);
}

gboolean
cf_sync_client_login_finish (CfSyncClient  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (CF_IS_SYNC_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
sign_out_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(SoupSession) session = new_session (job);
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) request_error = NULL;
  g_autoptr(CfStore) store = NULL;
  GError *error = NULL;
  guint status;

  /* Revoke the token at the server if it can be reached; sign out locally either way, so a
   * person is never stuck signed in to a server that has gone. */
  answer = request_json (job, session, "DELETE", "/api/v1/session", NULL,
                         SOUP_STATUS_NO_CONTENT, &status, cancellable, &request_error);

  if ((store = cf_store_open_another (job->store, &error)) == NULL ||
      !cf_sync_local_clear_account (store, &error) ||
      !cf_store_close (store, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
sign_out_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CfSyncClient *self = CF_SYNC_CLIENT (source);
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;

  self->running = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error) || !reload_account (self, &error))
    {
      g_task_return_error (outer, error);
      return;
    }

  cf_sync_client_set_automatic (self, FALSE);
  set_state (self, CF_SYNC_STATE_SIGNED_OUT, NULL);
  g_task_return_boolean (outer, TRUE);
}

void
cf_sync_client_sign_out_async (CfSyncClient        *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;

  g_return_if_fail (CF_IS_SYNC_CLIENT (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, cf_sync_client_sign_out_async);

  if (self->account == NULL)
    {
      g_task_return_boolean (outer, TRUE);
      return;
    }

  if (self->running)
    {
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("A sync is running. Sign out when it has finished."));
      return;
    }

  start_job (self, g_steal_pointer (&outer), job_new (self), sign_out_thread, sign_out_done);
}

gboolean
cf_sync_client_sign_out_finish (CfSyncClient  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (CF_IS_SYNC_CLIENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
automatic_sync_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CfSyncSummary) summary = NULL;
  g_autoptr(GError) error = NULL;

  /* The state, the signals and any retry were dealt with in sync_done. */
  summary = cf_sync_client_sync_finish (CF_SYNC_CLIENT (source), result, &error);
}

/**
 * cf_sync_client_request_sync:
 *
 * Asks for a sync soon: now if none is running, or once the running one ends. For "Sync now",
 * after finishing an assessment, and the client's own triggers.
 */
void
cf_sync_client_request_sync (CfSyncClient *self)
{
  g_return_if_fail (CF_IS_SYNC_CLIENT (self));

  if (self->account == NULL)
    return;

  if (self->running)
    {
      self->again = TRUE;
      return;
    }

  cf_sync_client_sync_async (self, self->cancellable, automatic_sync_done, NULL);
}

static gboolean
retry_cb (gpointer user_data)
{
  CfSyncClient *self = user_data;

  self->retry_id = 0;
  cf_sync_client_request_sync (self);
  return G_SOURCE_REMOVE;
}

/**
 * cf_sync_backoff_delay_ms:
 * @failures: failed syncs in a row, from 1
 * @jitter: a random number in [0, 1)
 *
 * Exponential backoff with jitter: 15 s, 30 s, 1 min … up to 30 min, each between half and
 * one and a half times that, so fifty laptops coming back into signal together do not all
 * knock at once.
 *
 * Returns: how long to wait before trying again, in milliseconds
 */
guint
cf_sync_backoff_delay_ms (guint  failures,
                          double jitter)
{
  guint exponent = MIN (MAX (failures, 1), 8) - 1;
  double delay = MIN ((double) BACKOFF_FIRST_S * (1u << exponent), BACKOFF_MAX_S);

  return (guint) (delay * (0.5 + CLAMP (jitter, 0.0, 1.0)) * 1000);
}

static void
schedule_retry (CfSyncClient *self)
{
  if (!self->automatic)
    return;

  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retry_id = g_timeout_add (cf_sync_backoff_delay_ms (self->failures, g_random_double ()),
                                  retry_cb, self);
}

static void
can_reach_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(CfSyncClient) self = user_data;
  g_autoptr(GError) error = NULL;

  if (g_network_monitor_can_reach_finish (G_NETWORK_MONITOR (source), result, &error))
    {
      if (self->automatic)
        cf_sync_client_request_sync (self);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->running ||
      !self->automatic)
    return;

  set_state (self, CF_SYNC_STATE_OFFLINE, error->message);
}

static gboolean
settled_cb (gpointer user_data)
{
  CfSyncClient *self = user_data;
  g_autoptr(GSocketConnectable) address = NULL;

  self->settle_id = 0;
  if (self->account == NULL)
    return G_SOURCE_REMOVE;

  address = g_network_address_parse_uri (self->account->server_url, 443, NULL);
  if (address == NULL)
    {
      cf_sync_client_request_sync (self);
      return G_SOURCE_REMOVE;
    }

  g_network_monitor_can_reach_async (self->monitor, address, self->reach_cancellable,
                                     can_reach_done, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    CfSyncClient    *self)
{
  if (self->account == NULL)
    return;

  if (!available)
    {
      g_clear_handle_id (&self->settle_id, g_source_remove);
      if (!self->running)
        set_state (self, CF_SYNC_STATE_OFFLINE, _("This computer has no network connection."));
      return;
    }

  /* A network often comes and goes a few times as it settles: wait for it. */
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (NETWORK_SETTLE_MS, settled_cb, self);
}

static gboolean
timer_cb (gpointer user_data)
{
  cf_sync_client_request_sync (user_data);
  return G_SOURCE_CONTINUE;
}

/**
 * cf_sync_client_set_automatic:
 *
 * Turns on syncing by itself: when the network comes back, every ten minutes, and retries
 * with backoff. The window turns it on; the command line does not.
 */
void
cf_sync_client_set_automatic (CfSyncClient *self,
                              gboolean      automatic)
{
  g_return_if_fail (CF_IS_SYNC_CLIENT (self));

  automatic = !!automatic;
  if (self->automatic == automatic)
    return;

  self->automatic = automatic;
  if (automatic)
    {
      self->reach_cancellable = g_cancellable_new ();
      self->monitor = g_object_ref (self->chosen_monitor != NULL
                                    ? self->chosen_monitor : g_network_monitor_get_default ());
      self->network_changed_id = g_signal_connect (self->monitor, "network-changed",
                                                   G_CALLBACK (network_changed_cb), self);
      self->timer_id = g_timeout_add_seconds (TIMER_INTERVAL_S, timer_cb, self);
      network_changed_cb (self->monitor, g_network_monitor_get_network_available (self->monitor),
                          self);
    }
  else
    {
      g_cancellable_cancel (self->reach_cancellable);
      g_clear_object (&self->reach_cancellable);
      g_clear_signal_handler (&self->network_changed_id, self->monitor);
      g_clear_object (&self->monitor);
      g_clear_handle_id (&self->timer_id, g_source_remove);
      g_clear_handle_id (&self->settle_id, g_source_remove);
      g_clear_handle_id (&self->retry_id, g_source_remove);
    }
}

/**
 * cf_sync_client_set_network_monitor:
 * @monitor: (nullable): the monitor to listen to; the system's if %NULL
 *
 * For automatic syncing started after this. The tests give it a monitor they control.
 */
void
cf_sync_client_set_network_monitor (CfSyncClient    *self,
                                    GNetworkMonitor *monitor)
{
  g_return_if_fail (CF_IS_SYNC_CLIENT (self));
  g_return_if_fail (monitor == NULL || G_IS_NETWORK_MONITOR (monitor));

  g_set_object (&self->chosen_monitor, monitor);
}

/**
 * cf_sync_client_set_timeout:
 * @seconds: how long a request may wait for the server before it counts as offline
 *
 * For syncs started after this; 60 seconds unless set (the tests use less).
 */
void
cf_sync_client_set_timeout (CfSyncClient *self,
                            guint         seconds)
{
  g_return_if_fail (CF_IS_SYNC_CLIENT (self));
  g_return_if_fail (seconds > 0);

  self->timeout = seconds;
}

/**
 * cf_sync_client_refresh_waiting:
 *
 * Counts again the changes waiting to go up (CfSyncClient:waiting). The window calls it after
 * saving; it is one count on the outbox.
 */
void
cf_sync_client_refresh_waiting (CfSyncClient *self)
{
  g_autoptr(GError) error = NULL;
  guint pending = 0;
  guint errors = 0;

  g_return_if_fail (CF_IS_SYNC_CLIENT (self));

  if (!cf_sync_local_count_outbox (self->store, &pending, &errors, &error))
    {
      g_warning ("Could not count the changes waiting to sync: %s", error->message);
      return;
    }

  if (self->waiting != pending)
    {
      self->waiting = pending;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING]);
    }
}

CfSyncState
cf_sync_client_get_state (CfSyncClient *self)
{
  g_return_val_if_fail (CF_IS_SYNC_CLIENT (self), CF_SYNC_STATE_SIGNED_OUT);

  return self->state;
}

/**
 * cf_sync_client_get_message:
 *
 * Returns: (nullable): the last error, in words, while the state is offline or error
 */
const char *
cf_sync_client_get_message (CfSyncClient *self)
{
  g_return_val_if_fail (CF_IS_SYNC_CLIENT (self), NULL);

  return self->message;
}

/**
 * cf_sync_client_get_offline_since:
 *
 * Returns: (nullable) (transfer none): when the server was first found unreachable, while it
 *   still is
 */
GDateTime *
cf_sync_client_get_offline_since (CfSyncClient *self)
{
  g_return_val_if_fail (CF_IS_SYNC_CLIENT (self), NULL);

  return self->offline_since;
}

/**
 * cf_sync_client_get_last_synced:
 *
 * Returns: (nullable) (transfer none): when the last sync succeeded, in this session
 */
GDateTime *
cf_sync_client_get_last_synced (CfSyncClient *self)
{
  g_return_val_if_fail (CF_IS_SYNC_CLIENT (self), NULL);

  return self->last_synced;
}

const char *
cf_sync_client_get_user (CfSyncClient *self)
{
  g_return_val_if_fail (CF_IS_SYNC_CLIENT (self), NULL);

  return self->account != NULL ? self->account->user : NULL;
}

const char *
cf_sync_client_get_server_url (CfSyncClient *self)
{
  g_return_val_if_fail (CF_IS_SYNC_CLIENT (self), NULL);

  return self->account != NULL ? self->account->server_url : NULL;
}

const char *
cf_sync_client_get_role (CfSyncClient *self)
{
  g_return_val_if_fail (CF_IS_SYNC_CLIENT (self), NULL);

  return self->account != NULL ? self->account->role : NULL;
}

guint
cf_sync_client_get_waiting (CfSyncClient *self)
{
  g_return_val_if_fail (CF_IS_SYNC_CLIENT (self), 0);

  return self->waiting;
}

static void
cf_sync_client_dispose (GObject *object)
{
  CfSyncClient *self = CF_SYNC_CLIENT (object);

  g_cancellable_cancel (self->cancellable);
  cf_sync_client_set_automatic (self, FALSE);

  G_OBJECT_CLASS (cf_sync_client_parent_class)->dispose (object);
}

static void
cf_sync_client_finalize (GObject *object)
{
  CfSyncClient *self = CF_SYNC_CLIENT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->chosen_monitor);
  g_clear_pointer (&self->account, cf_sync_account_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->offline_since, g_date_time_unref);
  g_clear_pointer (&self->last_synced, g_date_time_unref);

  G_OBJECT_CLASS (cf_sync_client_parent_class)->finalize (object);
}

static void
cf_sync_client_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CfSyncClient *self = CF_SYNC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_OFFLINE_SINCE:
      g_value_set_boxed (value, self->offline_since);
      break;
    case PROP_LAST_SYNCED:
      g_value_set_boxed (value, self->last_synced);
      break;
    case PROP_USER:
      g_value_set_string (value, cf_sync_client_get_user (self));
      break;
    case PROP_WAITING:
      g_value_set_uint (value, self->waiting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_sync_client_class_init (CfSyncClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_sync_client_dispose;
  object_class->finalize = cf_sync_client_finalize;
  object_class->get_property = cf_sync_client_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, CF_SYNC_STATE_SIGNED_OUT, CF_SYNC_STATE_ERROR,
                      CF_SYNC_STATE_SIGNED_OUT,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFLINE_SINCE] =
    g_param_spec_boxed ("offline-since", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_SYNCED] =
    g_param_spec_boxed ("last-synced", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_string ("user", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WAITING] =
    g_param_spec_uint ("waiting", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfSyncClient::progress:
   * @phase: a #CfSyncPhase
   * @done: operations pushed, or records pulled, so far in this sync
   * @total: operations to push in all; 0 while pulling (the server does not say how many)
   */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_UINT, G_TYPE_UINT);

  /**
   * CfSyncClient::synced:
   * @summary: what the sync did
   */
  signals[SYNCED] =
    g_signal_new ("synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, CF_TYPE_SYNC_SUMMARY | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * CfSyncClient::records-changed:
   *
   * The store was written by a sync (on its own connection): views should reload.
   */
  signals[RECORDS_CHANGED] =
    g_signal_new ("records-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);

  /**
   * CfSyncClient::revoked:
   *
   * The server said this device was revoked (DESIGN.md, "Lost laptop"). Whoever owns the
   * profile must close the store and wipe it with cf_profile_wipe().
   */
  signals[REVOKED] =
    g_signal_new ("revoked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
cf_sync_client_init (CfSyncClient *self)
{
  self->cancellable = g_cancellable_new ();
  self->timeout = REQUEST_TIMEOUT_S;
}

/**
 * cf_sync_client_new:
 * @store: the profile's open store
 *
 * Returns: (transfer full): a client for @store's account, signed out if it has none
 */
CfSyncClient *
cf_sync_client_new (CfStore *store)
{
  CfSyncClient *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);

  self = g_object_new (CF_TYPE_SYNC_CLIENT, NULL);
  self->store = g_object_ref (store);

  if (!reload_account (self, &error))
    g_warning ("Could not read the sync account: %s", error->message);

  self->state = idle_state (self);
  cf_sync_client_refresh_waiting (self);

  return self;
}
