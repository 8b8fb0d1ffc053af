/* cf-server-http.c: the sync server's HTTP side
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "Sync protocol" and "Server". A SoupServer on the main loop; every response is
 * JSON; bodies may be gzip both ways. Nothing a client sends may crash it or make it hold more
 * than CF_SERVER_HTTP_BODY_LIMIT of a body in memory: request bodies are not accumulated by
 * libsoup but collected here, up to the limit, and a gzip body is inflated with the same
 * limit. The request log names the time, method, route, status, size and duration, and never
 * a user, a token, a query value or a body.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <sodium.h>
#include <string.h>

#include "cf-server-audit.h"
#include "cf-server-http.h"
#include "cf-server-sync.h"
#include "cf-wire.h"

#define REQUEST_KEY "cf-server-request"

struct _CfServerHttp
{
  GObject          parent_instance;

  CfServerStore   *store;
  GTlsCertificate *tls_certificate;
  SoupServer      *server;

  GMutex           pending_mutex;
  GCond            pending_cond;
  guint            n_pending;

  /* Folded user name → Failures: wrong passwords lately, for the sign-in limit. Touched on
   * the main loop only. */
  GHashTable      *failures;
};

/* After this many wrong passwords for one user name within the window, sign-in for that name
 * is refused (429) until the window has passed since the last of them: Argon2id makes each
 * guess slow, and this makes guessing one person's password hopeless. */
#define HTTP_TOO_MANY_REQUESTS 429  /* RFC 6585; libsoup 3.2 has no name for it */
#define SIGN_IN_MAX_FAILURES 5
#define SIGN_IN_WINDOW_US    (15 * 60 * G_USEC_PER_SEC)
/* A bound on the table, so that guesses at made-up names cannot fill memory. */
#define SIGN_IN_MAX_TRACKED  10000

typedef struct
{
  guint  count;
  gint64 last;
} Failures;

G_DEFINE_FINAL_TYPE (CfServerHttp, cf_server_http, G_TYPE_OBJECT)

G_DEFINE_QUARK (cf-server-http-error-quark, cf_server_http_error)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TLS_CERTIFICATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the server knows of one request while libsoup reads it. */
typedef struct
{
  gint64      started;
  GByteArray *body;
  gboolean    too_large;
  gboolean    gone;
  const char *route;
} Request;

static void
request_free (Request *request)
{
  if (request->body != NULL)
    g_byte_array_unref (request->body);
  g_free (request);
}

static Request *
get_request (SoupServerMessage *msg)
{
  return g_object_get_data (G_OBJECT (msg), REQUEST_KEY);
}

/* Responses */

static gboolean
client_accepts_gzip (SoupServerMessage *msg)
{
  const char *header =
    soup_message_headers_get_list (soup_server_message_get_request_headers (msg),
                                   "Accept-Encoding");
  GSList *acceptable;
  gboolean gzip = FALSE;

  if (header == NULL)
    return FALSE;

  acceptable = soup_header_parse_quality_list (header, NULL);
  for (GSList *l = acceptable; l != NULL; l = l->next)
    if (g_ascii_strcasecmp (l->data, "gzip") == 0)
      gzip = TRUE;
  soup_header_free_list (acceptable);

  return gzip;
}

static GBytes *
gzip_bytes (const char *data,
            gsize       length)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP,
                                                                 -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory,
                                                                G_CONVERTER (compressor));

  if (!g_output_stream_write_all (out, data, length, NULL, NULL, NULL) ||
      !g_output_stream_close (out, NULL, NULL))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

void
cf_server_http_respond_json (SoupServerMessage *msg,
                             guint              status,
                             JsonNode          *node)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) compressed = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));
  g_return_if_fail (node != NULL);

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);

  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (headers, "Vary", "Accept-Encoding");

  if (client_accepts_gzip (msg) && (compressed = gzip_bytes (text, length)) != NULL)
    {
      gsize size;
      gconstpointer data = g_bytes_get_data (compressed, &size);

      soup_message_headers_replace (headers, "Content-Encoding", "gzip");
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, data, size);
    }
  else
    {
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE,
                                        g_steal_pointer (&text), length);
    }
}

/**
 * cf_server_http_respond_error:
 * @message: what went wrong, in words a person can act on
 * @reason: (nullable): a word a program can act on, such as "revoked"
 *
 * Responds with {"error": message, "reason": reason}.
 */
void
cf_server_http_respond_error (SoupServerMessage *msg,
                              guint              status,
                              const char        *message,
                              const char        *reason)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_add_string_value (builder, message);
  if (reason != NULL)
    {
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, reason);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  cf_server_http_respond_json (msg, status, root);
}

static void
respond_too_large (SoupServerMessage *msg)
{
  g_autofree char *message =
    /* Translators: %d is a size in mebibytes */
    g_strdup_printf (_("The request is larger than the server accepts (%d MiB). Sync in "
                       "smaller batches."), CF_SERVER_HTTP_BODY_LIMIT / (1024 * 1024));

  cf_server_http_respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, message,
                                "too-large");
}

/* Request bodies */

static GBytes *
gunzip_bounded (GBytes    *compressed,
                gboolean  *too_large,
                GError   **error)
{
  g_autoptr(GZlibDecompressor) decompressor =
    g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) memory = g_memory_input_stream_new_from_bytes (compressed);
  g_autoptr(GInputStream) in = g_converter_input_stream_new (memory,
                                                             G_CONVERTER (decompressor));
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint8 buffer[64 * 1024];

  *too_large = FALSE;

  for (;;)
    {
      gssize n = g_input_stream_read (in, buffer, sizeof buffer, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;

      /* Stop at the limit, however much more the stream would give: a few kilobytes of gzip
       * can inflate to gigabytes. */
      if (out->len + (gsize) n > CF_SERVER_HTTP_BODY_LIMIT)
        {
          *too_large = TRUE;
          return NULL;
        }

      g_byte_array_append (out, buffer, n);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* The request body, inflated if it came as gzip. Responds itself, and returns %NULL, when
 * the body is too large (413), is not the gzip it says (400) or is encoded in a way the
 * server does not read (415). */
static GBytes *
read_body (SoupServerMessage *msg)
{
  Request *request = get_request (msg);
  const char *encoding =
    soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                  "Content-Encoding");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (request != NULL, NULL);

  if (request->too_large)
    {
      respond_too_large (msg);
      return NULL;
    }

  body = request->body != NULL ? g_bytes_new (request->body->data, request->body->len)
                               : g_bytes_new (NULL, 0);

  if (encoding != NULL && g_ascii_strcasecmp (encoding, "gzip") == 0)
    {
      gboolean too_large;
      g_autoptr(GBytes) inflated = gunzip_bounded (body, &too_large, &error);

      if (too_large)
        {
          respond_too_large (msg);
          return NULL;
        }
      if (inflated == NULL)
        {
          g_autofree char *message =
            /* Translators: %s is the decompressor's message */
            g_strdup_printf (_("The body is not valid gzip: %s"), error->message);

          cf_server_http_respond_error (msg, SOUP_STATUS_BAD_REQUEST, message, "malformed");
          return NULL;
        }
      g_bytes_unref (body);
      body = g_steal_pointer (&inflated);
    }
  else if (encoding != NULL && g_ascii_strcasecmp (encoding, "identity") != 0)
    {
      cf_server_http_respond_error (msg, SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE,
                                    _("The server reads bodies that are plain or gzip, "
                                      "nothing else."), "encoding");
      return NULL;
    }

  return g_steal_pointer (&body);
}

/**
 * cf_server_http_read_json:
 * @root_out: (out) (optional): the parsed document, which owns the object
 *
 * Reads a request's JSON object, inflating gzip. Responds itself, and returns %NULL, when the
 * body is too large (413), encoded in a way the server does not read (415), or not a JSON
 * object (400, with the parser's message).
 *
 * Returns: (transfer none) (nullable): the object, owned by *@root_out
 */
JsonObject *
cf_server_http_read_json (SoupServerMessage  *msg,
                          JsonNode          **root_out)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;
  gconstpointer data;
  gsize length;

  if ((body = read_body (msg)) == NULL)
    return NULL;

  data = g_bytes_get_data (body, &length);
  if (length == 0)
    {
      cf_server_http_respond_error (msg, SOUP_STATUS_BAD_REQUEST,
                                    _("The request has no body; it needs a JSON object."),
                                    "malformed");
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      g_autofree char *message =
        /* Translators: %s is the JSON parser's message */
        g_strdup_printf (_("The body is not valid JSON: %s"), error->message);

      cf_server_http_respond_error (msg, SOUP_STATUS_BAD_REQUEST, message, "malformed");
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      cf_server_http_respond_error (msg, SOUP_STATUS_BAD_REQUEST,
                                    _("The body must be a JSON object."), "malformed");
      return NULL;
    }

  if (root_out != NULL)
    *root_out = json_node_ref (root);

  return json_node_get_object (root);
}

static const char *
get_string_member (JsonObject *object,
                   const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Authentication */

/**
 * cf_server_http_authenticate:
 * @user_out: (out) (optional): the device's user
 *
 * Checks "Authorization: Bearer TOKEN" for the endpoints that need it. When it fails it has
 * already responded: 401 with reason "missing", "unknown" or "revoked" (the client wipes
 * itself on "revoked"), or 403 with reason "disabled".
 *
 * Returns: (transfer full) (nullable): the device
 */
CfServerDevice *
cf_server_http_authenticate (CfServerHttp       *self,
                             SoupServerMessage  *msg,
                             CfServerUser      **user_out)
{
  const char *header =
    soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                  "Authorization");
  g_autoptr(GError) error = NULL;
  CfServerDevice *device;
  const char *token;

  g_return_val_if_fail (CF_IS_SERVER_HTTP (self), NULL);

  if (header == NULL || g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "WWW-Authenticate", "Bearer");
      cf_server_http_respond_error (msg, SOUP_STATUS_UNAUTHORIZED,
                                    _("This request needs a device token. Sign in first."),
                                    "missing");
      return NULL;
    }

  for (token = header + 7; *token == ' '; token++)
    ;

  device = cf_server_store_check_token (self->store, token, user_out, &error);
  if (device != NULL)
    return device;

  if (g_error_matches (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_UNKNOWN_TOKEN))
    cf_server_http_respond_error (msg, SOUP_STATUS_UNAUTHORIZED, error->message, "unknown");
  else if (g_error_matches (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_REVOKED))
    cf_server_http_respond_error (msg, SOUP_STATUS_UNAUTHORIZED, error->message, "revoked");
  else if (g_error_matches (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_DISABLED))
    cf_server_http_respond_error (msg, SOUP_STATUS_FORBIDDEN, error->message, "disabled");
  else
    {
      g_warning ("Could not check a device token: %s", error->message);
      cf_server_http_respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                    _("The server could not check the device token."), NULL);
    }

  return NULL;
}

/* Endpoints */

static void
handle_health (CfServerHttp      *self,
               SoupServerMessage *msg,
               GHashTable        *query)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, "ok");
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, CF_WIRE_FORMAT_VERSION);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  cf_server_http_respond_json (msg, SOUP_STATUS_OK, root);
}

typedef struct
{
  SoupServerMessage *msg;
  char              *user;
  char              *password;
  char              *device_name;
} Login;

static void
login_free (Login *login)
{
  g_clear_object (&login->msg);
  g_free (login->user);
  if (login->password != NULL)
    sodium_memzero (login->password, strlen (login->password));
  g_free (login->password);
  g_free (login->device_name);
  g_free (login);
}

static void
pending_done (CfServerHttp *self)
{
  g_mutex_lock (&self->pending_mutex);
  self->n_pending--;
  g_cond_broadcast (&self->pending_cond);
  g_mutex_unlock (&self->pending_mutex);
}

static char *
failure_key (const char *user)
{
  return g_utf8_casefold (user, -1);
}

static gboolean
forget_old (gpointer key,
            gpointer value,
            gpointer user_data)
{
  const Failures *failures = value;

  return failures->last < *(const gint64 *) user_data - SIGN_IN_WINDOW_US;
}

/* Seconds until @user may try again, or 0 if they may now. */
static gint64
sign_in_wait (CfServerHttp *self,
              const char   *user)
{
  g_autofree char *key = failure_key (user);
  Failures *failures = g_hash_table_lookup (self->failures, key);
  gint64 now = g_get_monotonic_time ();

  if (failures == NULL || failures->count < SIGN_IN_MAX_FAILURES)
    return 0;

  if (now - failures->last >= SIGN_IN_WINDOW_US)
    {
      g_hash_table_remove (self->failures, key);
      return 0;
    }

  return (failures->last + SIGN_IN_WINDOW_US - now) / G_USEC_PER_SEC + 1;
}

static void
sign_in_failed (CfServerHttp *self,
                const char   *user)
{
  gint64 now = g_get_monotonic_time ();
  char *key = failure_key (user);
  Failures *failures = g_hash_table_lookup (self->failures, key);

  if (g_hash_table_size (self->failures) >= SIGN_IN_MAX_TRACKED)
    g_hash_table_foreach_remove (self->failures, forget_old, &now);

  if (failures == NULL || now - failures->last >= SIGN_IN_WINDOW_US)
    {
      failures = g_new0 (Failures, 1);
      g_hash_table_replace (self->failures, key, failures);
    }
  else
    {
      g_free (key);
    }

  failures->count++;
  failures->last = now;
}

static void
login_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CfServerHttp *self = source_object;
  Login *login = task_data;
  GError *error = NULL;
  CfServerUser *user;

  /* Argon2id takes a noticeable fraction of a second and 64 MiB by design: off the main loop,
   * so one login never stalls every other device's sync. */
  user = cf_server_store_check_password (self->store, login->user, login->password, &error);
  if (user == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, user, (GDestroyNotify) cf_server_user_free);

  pending_done (self);
}

static void
login_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  CfServerHttp *self = CF_SERVER_HTTP (source);
  Login *login = g_task_get_task_data (G_TASK (result));
  SoupServerMessage *msg = login->msg;
  Request *request = get_request (msg);
  g_autoptr(CfServerUser) user = NULL;
  g_autoptr(CfServerDevice) device = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;

  user = g_task_propagate_pointer (G_TASK (result), &error);

  /* The client hung up while the password was checked: there is no one to answer. */
  if (request == NULL || request->gone)
    return;

  if (user == NULL)
    {
      if (g_error_matches (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_WRONG_PASSWORD))
        {
          sign_in_failed (self, login->user);
          cf_server_http_respond_error (msg, SOUP_STATUS_UNAUTHORIZED, error->message,
                                        "wrong-password");
        }
      else if (g_error_matches (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_DISABLED))
        cf_server_http_respond_error (msg, SOUP_STATUS_FORBIDDEN, error->message, "disabled");
      else
        {
          g_warning ("Could not check a password: %s", error->message);
          cf_server_http_respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                        _("The server could not check the password."), NULL);
        }
    }
  else if ((device = cf_server_store_add_device (self->store, user->id, login->device_name,
                                                 &token, &error)) == NULL)
    {
      guint status = g_error_matches (error, CF_SERVER_STORE_ERROR,
                                      CF_SERVER_STORE_ERROR_INVALID)
                     ? SOUP_STATUS_BAD_REQUEST : SOUP_STATUS_INTERNAL_SERVER_ERROR;

      cf_server_http_respond_error (msg, status, error->message, NULL);
    }
  else
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "token");
      json_builder_add_string_value (builder, token);
      json_builder_set_member_name (builder, "device_id");
      json_builder_add_int_value (builder, device->id);
      json_builder_set_member_name (builder, "user_id");
      json_builder_add_int_value (builder, user->id);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, user->role);
      if (*user->carer_id != '\0')
        {
          json_builder_set_member_name (builder, "carer_id");
          json_builder_add_string_value (builder, user->carer_id);
        }
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);

      cf_server_http_respond_json (msg, SOUP_STATUS_CREATED, root);
      sodium_memzero (token, strlen (token));
    }

  soup_server_message_unpause (msg);
}

static void
handle_session_create (CfServerHttp      *self,
                       SoupServerMessage *msg,
                       GHashTable        *query)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GTask) task = NULL;
  JsonObject *object;
  const char *user;
  const char *password;
  const char *device_name;
  gint64 wait;
  Login *login;

  if ((object = cf_server_http_read_json (msg, &root)) == NULL)
    return;

  user = get_string_member (object, "user");
  password = get_string_member (object, "password");
  device_name = get_string_member (object, "device_name");
  if (user == NULL || password == NULL || device_name == NULL)
    {
      cf_server_http_respond_error (msg, SOUP_STATUS_BAD_REQUEST,
                                    _("Signing in needs “user”, “password” and “device_name”, "
                                      "each a string."), "malformed");
      return;
    }

  wait = sign_in_wait (self, user);
  if (wait > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Too many wrong passwords for this user. Try again in "
                                      "%d minute.",
                                      "Too many wrong passwords for this user. Try again in "
                                      "%d minutes.",
                                      (gulong) ((wait + 59) / 60)),
                         (int) ((wait + 59) / 60));
      g_autofree char *retry = g_strdup_printf ("%" G_GINT64_FORMAT, wait);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", retry);
      cf_server_http_respond_error (msg, HTTP_TOO_MANY_REQUESTS, message, "too-many");
      return;
    }

  login = g_new0 (Login, 1);
  login->msg = g_object_ref (msg);
  login->user = g_strdup (user);
  login->password = g_strdup (password);
  login->device_name = g_strdup (device_name);

  task = g_task_new (self, NULL, login_done, NULL);
  g_task_set_source_tag (task, handle_session_create);
  g_task_set_task_data (task, login, (GDestroyNotify) login_free);

  g_mutex_lock (&self->pending_mutex);
  self->n_pending++;
  g_mutex_unlock (&self->pending_mutex);

  soup_server_message_pause (msg);
  g_task_run_in_thread (task, login_thread);
}

static void
handle_session_delete (CfServerHttp      *self,
                       SoupServerMessage *msg,
                       GHashTable        *query)
{
  g_autoptr(CfServerDevice) device = NULL;
  g_autoptr(GError) error = NULL;

  if ((device = cf_server_http_authenticate (self, msg, NULL)) == NULL)
    return;

  if (!cf_server_store_revoke_device (self->store, device->id, &error))
    {
      g_warning ("Could not revoke a device: %s", error->message);
      cf_server_http_respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                    _("The server could not sign this device out."), NULL);
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
}

/* A body of the sync format that could not be read (a CF_SYNC_ERROR): 413 for too much, 400
 * otherwise, with the reader's message, which says what is wrong and where. */
static void
respond_unreadable (SoupServerMessage *msg,
                    const GError      *error)
{
  if (g_error_matches (error, CF_SYNC_ERROR, CF_SYNC_ERROR_TOO_LARGE))
    cf_server_http_respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, error->message,
                                  "too-large");
  else if (g_error_matches (error, CF_SYNC_ERROR, CF_SYNC_ERROR_UNSUPPORTED_FORMAT))
    cf_server_http_respond_error (msg, SOUP_STATUS_BAD_REQUEST, error->message,
                                  "unsupported-format");
  else
    cf_server_http_respond_error (msg, SOUP_STATUS_BAD_REQUEST, error->message, "malformed");
}

static void
handle_push (CfServerHttp      *self,
             SoupServerMessage *msg,
             GHashTable        *query)
{
  g_autoptr(CfServerDevice) device = NULL;
  g_autoptr(CfServerUser) user = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(CfSyncPush) push = NULL;
  g_autoptr(JsonNode) response = NULL;
  g_autoptr(GError) error = NULL;
  gconstpointer data;
  gsize length;

  if ((device = cf_server_http_authenticate (self, msg, &user)) == NULL ||
      (body = read_body (msg)) == NULL)
    return;

  /* cf_sync_push_parse() checks the raw text before json-glib sees it (src/sync/README.md,
   * "JSON the server accepts"). An operation it cannot read is a rejected result, not an
   * error; only an envelope it cannot read is. */
  data = g_bytes_get_data (body, &length);
  push = cf_sync_push_parse (length > 0 ? data : "", length, &error);
  if (push == NULL)
    {
      respond_unreadable (msg, error);
      return;
    }

  response = cf_server_sync_push (self->store, user, device, push, &error);
  if (response == NULL)
    {
      /* The store's message goes to the server's log, never to the client: it is about the
       * server's insides. */
      g_warning ("Could not apply a push: %s", error->message);
      cf_server_http_respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                    _("The server could not save these changes, and kept "
                                      "none of them. Try again later."), NULL);
      return;
    }

  cf_server_http_respond_json (msg, SOUP_STATUS_OK, response);
}

static void
handle_changes (CfServerHttp      *self,
                SoupServerMessage *msg,
                GHashTable        *query)
{
  g_autoptr(CfServerDevice) device = NULL;
  g_autoptr(CfServerUser) user = NULL;
  g_autoptr(JsonNode) response = NULL;
  g_autoptr(GError) error = NULL;
  const char *since = query != NULL ? g_hash_table_lookup (query, "since") : NULL;
  const char *limit = query != NULL ? g_hash_table_lookup (query, "limit") : NULL;

  if ((device = cf_server_http_authenticate (self, msg, &user)) == NULL)
    return;

  response = cf_server_sync_changes (self->store, user, since, limit, &error);
  if (response == NULL)
    {
      if (g_error_matches (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_INVALID))
        {
          cf_server_http_respond_error (msg, SOUP_STATUS_BAD_REQUEST, error->message,
                                        "malformed");
          return;
        }

      g_warning ("Could not read changes: %s", error->message);
      cf_server_http_respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                    _("The server could not read the changes. Try again "
                                      "later."), NULL);
      return;
    }

  cf_server_http_respond_json (msg, SOUP_STATUS_OK, response);
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* src/sync/README.md, "POST /api/v1/audit": the laptop's audit trail, all of a batch or none
 * of it, kept with who sent it and when it came. */
static void
handle_audit (CfServerHttp      *self,
              SoupServerMessage *msg,
              GHashTable        *query)
{
  g_autoptr(CfServerDevice) device = NULL;
  g_autoptr(CfServerUser) user = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  gconstpointer data;
  gsize length;
  guint stored = 0;

  if ((device = cf_server_http_authenticate (self, msg, &user)) == NULL ||
      (body = read_body (msg)) == NULL)
    return;

  now = now_text ();
  data = g_bytes_get_data (body, &length);
  entries = cf_server_audit_parse (length > 0 ? data : "", length, user, device, now, &error);
  if (entries == NULL)
    {
      respond_unreadable (msg, error);
      return;
    }

  if (!cf_server_store_add_audit (self->store, entries, &stored, &error))
    {
      /* As for a push: the store's words go to the log, never to the client. */
      g_warning ("Could not store an audit batch: %s", error->message);
      cf_server_http_respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR,
                                    _("The server could not save the audit trail, and kept "
                                      "none of this batch. Try again later."), NULL);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_int_value (builder, CF_WIRE_FORMAT_VERSION);
  json_builder_set_member_name (builder, "stored");
  json_builder_add_int_value (builder, stored);
  json_builder_end_object (builder);
  response = json_builder_get_root (builder);

  cf_server_http_respond_json (msg, SOUP_STATUS_OK, response);
}

typedef void (*Handler) (CfServerHttp *self, SoupServerMessage *msg, GHashTable *query);

static const struct
{
  const char *path;
  const char *method;
  Handler     handler;
} routes[] = {
  { "/api/v1/health", "GET", handle_health },
  { "/api/v1/session", "POST", handle_session_create },
  { "/api/v1/session", "DELETE", handle_session_delete },
  { "/api/v1/push", "POST", handle_push },
  { "/api/v1/changes", "GET", handle_changes },
  { "/api/v1/audit", "POST", handle_audit },
};

static void
server_callback (SoupServer        *server,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  CfServerHttp *self = CF_SERVER_HTTP (user_data);
  const char *method = soup_server_message_get_method (msg);
  Request *request = get_request (msg);
  g_autoptr(GString) allowed = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (g_strcmp0 (path, routes[i].path) != 0)
        continue;

      if (request != NULL)
        request->route = routes[i].path;

      if (g_strcmp0 (method, routes[i].method) == 0)
        {
          routes[i].handler (self, msg, query);
          return;
        }

      if (allowed->len > 0)
        g_string_append (allowed, ", ");
      g_string_append (allowed, routes[i].method);
    }

  if (allowed->len > 0)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow",
                                    allowed->str);
      cf_server_http_respond_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED,
                                    _("That method is not allowed here."), NULL);
      return;
    }

  cf_server_http_respond_error (msg, SOUP_STATUS_NOT_FOUND,
                                _("There is nothing at that address on this server."), NULL);
}

/* Reading bodies with a limit, and the log */

static void
got_headers (SoupServerMessage *msg,
             gpointer           user_data)
{
  Request *request = get_request (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  if (request != NULL &&
      soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > CF_SERVER_HTTP_BODY_LIMIT)
    request->too_large = TRUE;
}

static void
got_chunk (SoupServerMessage *msg,
           GBytes            *chunk,
           gpointer           user_data)
{
  Request *request = get_request (msg);
  gsize size;
  gconstpointer data;

  if (request == NULL || request->too_large)
    return;

  data = g_bytes_get_data (chunk, &size);
  if (request->body == NULL)
    request->body = g_byte_array_new ();

  /* Past the limit the rest is read off the network and dropped, never kept. */
  if (request->body->len + size > CF_SERVER_HTTP_BODY_LIMIT)
    {
      request->too_large = TRUE;
      g_clear_pointer (&request->body, g_byte_array_unref);
      return;
    }

  g_byte_array_append (request->body, data, size);
}

static void
message_disconnected (SoupServerMessage *msg,
                      gpointer           user_data)
{
  Request *request = get_request (msg);

  if (request != NULL)
    request->gone = TRUE;
}

static void
request_started (SoupServer        *server,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  Request *request = g_new0 (Request, 1);

  request->started = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (msg), REQUEST_KEY, request, (GDestroyNotify) request_free);

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_signal_connect (msg, "got-headers", G_CALLBACK (got_headers), NULL);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk), NULL);
  g_signal_connect (msg, "disconnected", G_CALLBACK (message_disconnected), NULL);
}

static const char *
loggable_method (const char *method)
{
  static const char *known[] = { "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_strcmp0 (method, known[i]) == 0)
      return known[i];

  return "OTHER";
}

static void
log_request (SoupServerMessage *msg,
             gboolean           aborted)
{
  Request *request = get_request (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  double ms = 0;

  if (request != NULL)
    ms = (g_get_monotonic_time () - request->started) / 1000.0;

  /* Only a route the server knows is logged: any other path is whatever a client typed, and
   * might be a name. */
  g_printerr ("%s %s %s %u %" G_GINT64_FORMAT " %.1fms%s\n",
              when, loggable_method (soup_server_message_get_method (msg)),
              request != NULL && request->route != NULL ? request->route : "-",
              soup_server_message_get_status (msg), body != NULL ? body->length : 0, ms,
              aborted ? " aborted" : "");
}

static void
request_finished (SoupServer        *server,
                  SoupServerMessage *msg,
                  gpointer           user_data)
{
  log_request (msg, FALSE);
}

static void
request_aborted (SoupServer        *server,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  Request *request = get_request (msg);

  if (request != NULL)
    request->gone = TRUE;
  log_request (msg, TRUE);
}

/* Listening */

gboolean
cf_server_http_listen (CfServerHttp  *self,
                       const char    *address,
                       guint          port,
                       GError       **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  SoupServerListenOptions options = 0;

  g_return_val_if_fail (CF_IS_SERVER_HTTP (self), FALSE);
  g_return_val_if_fail (address != NULL, FALSE);

  if (port > 65535 || (inet = g_inet_address_new_from_string (address)) == NULL)
    {
      g_set_error (error, CF_SERVER_HTTP_ERROR, CF_SERVER_HTTP_ERROR_ADDRESS,
                   /* Translators: %s is what was given as an address */
                   _("“%s” is not an IP address and port to listen on, such as 127.0.0.1 and "
                     "8443."), address);
      return FALSE;
    }

  socket_address = g_inet_socket_address_new (inet, port);
  if (self->tls_certificate != NULL)
    options |= SOUP_SERVER_LISTEN_HTTPS;

  return soup_server_listen (self->server, socket_address, options, error);
}

/**
 * cf_server_http_dup_uri:
 *
 * Returns: (transfer full) (nullable): where the server listens, such as
 *   "http://127.0.0.1:8080", with the port the system chose for port 0
 */
char *
cf_server_http_dup_uri (CfServerHttp *self)
{
  GSList *uris;
  char *text = NULL;

  g_return_val_if_fail (CF_IS_SERVER_HTTP (self), NULL);

  uris = soup_server_get_uris (self->server);
  if (uris != NULL)
    {
      GUri *uri = uris->data;

      text = g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO);
      if (g_str_has_suffix (text, "/"))
        text[strlen (text) - 1] = '\0';
    }
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return text;
}

/**
 * cf_server_http_wait_idle:
 *
 * Blocks until no password check is running in a thread, so the process never exits under
 * one (SQLCipher's OpenSSL tears its locks down at exit).
 */
void
cf_server_http_wait_idle (CfServerHttp *self)
{
  g_return_if_fail (CF_IS_SERVER_HTTP (self));

  g_mutex_lock (&self->pending_mutex);
  while (self->n_pending > 0)
    g_cond_wait (&self->pending_cond, &self->pending_mutex);
  g_mutex_unlock (&self->pending_mutex);
}

CfServerStore *
cf_server_http_get_store (CfServerHttp *self)
{
  g_return_val_if_fail (CF_IS_SERVER_HTTP (self), NULL);

  return self->store;
}

/* GObject */

static void
cf_server_http_constructed (GObject *object)
{
  CfServerHttp *self = CF_SERVER_HTTP (object);
  g_autofree char *header = g_strdup_printf ("carefield-server/%s", PACKAGE_VERSION);

  G_OBJECT_CLASS (cf_server_http_parent_class)->constructed (object);

  self->server = soup_server_new ("server-header", header,
                                  "tls-certificate", self->tls_certificate,
                                  NULL);
  soup_server_add_handler (self->server, NULL, server_callback, self, NULL);
  g_signal_connect (self->server, "request-started", G_CALLBACK (request_started), self);
  g_signal_connect (self->server, "request-finished", G_CALLBACK (request_finished), self);
  g_signal_connect (self->server, "request-aborted", G_CALLBACK (request_aborted), self);
}

static void
cf_server_http_dispose (GObject *object)
{
  CfServerHttp *self = CF_SERVER_HTTP (object);

  if (self->server != NULL)
    {
      soup_server_disconnect (self->server);
      g_signal_handlers_disconnect_by_data (self->server, self);
    }
  g_clear_object (&self->server);
  g_clear_object (&self->store);
  g_clear_object (&self->tls_certificate);

  G_OBJECT_CLASS (cf_server_http_parent_class)->dispose (object);
}

static void
cf_server_http_finalize (GObject *object)
{
  CfServerHttp *self = CF_SERVER_HTTP (object);

  g_mutex_clear (&self->pending_mutex);
  g_cond_clear (&self->pending_cond);
  g_clear_pointer (&self->failures, g_hash_table_unref);

  G_OBJECT_CLASS (cf_server_http_parent_class)->finalize (object);
}

static void
cf_server_http_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CfServerHttp *self = CF_SERVER_HTTP (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TLS_CERTIFICATE:
      g_value_set_object (value, self->tls_certificate);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_server_http_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CfServerHttp *self = CF_SERVER_HTTP (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_TLS_CERTIFICATE:
      self->tls_certificate = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_server_http_class_init (CfServerHttpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cf_server_http_constructed;
  object_class->dispose = cf_server_http_dispose;
  object_class->finalize = cf_server_http_finalize;
  object_class->get_property = cf_server_http_get_property;
  object_class->set_property = cf_server_http_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CF_TYPE_SERVER_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TLS_CERTIFICATE] =
    g_param_spec_object ("tls-certificate", NULL, NULL, G_TYPE_TLS_CERTIFICATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_server_http_init (CfServerHttp *self)
{
  g_mutex_init (&self->pending_mutex);
  g_cond_init (&self->pending_cond);
  self->failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/**
 * cf_server_http_new:
 * @tls_certificate: (nullable): the certificate and key to serve HTTPS with; plain HTTP if
 *   %NULL
 */
CfServerHttp *
cf_server_http_new (CfServerStore   *store,
                    GTlsCertificate *tls_certificate)
{
  g_return_val_if_fail (CF_IS_SERVER_STORE (store), NULL);
  g_return_val_if_fail (tls_certificate == NULL || G_IS_TLS_CERTIFICATE (tls_certificate), NULL);

  return g_object_new (CF_TYPE_SERVER_HTTP,
                       "store", store,
                       "tls-certificate", tls_certificate,
                       NULL);
}
