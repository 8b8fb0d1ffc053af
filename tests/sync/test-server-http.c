/* test-server-http.c: the real carefield-server, over real HTTP on 127.0.0.1
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One server for the whole file, started from the built binary ($CAREFIELD_SERVER), fed the
 * requests a careless or hostile client might send; the last test checks it is still
 * answering and that its log names nobody.
 */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#define PASSWORD "correct horse battery"
#define WORKER   "sam-worker"
#define DISABLED "dee-disabled"
#define BODY_LIMIT (16 * 1024 * 1024)

typedef struct
{
  GSubprocess *process;
  char        *base;
  char        *log_path;
} Server;

static Server server;
static char *work_dir;
static SoupSession *session;
static GPtrArray *tokens_seen;

static void
run_cli (const char *password,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CAREFIELD_SERVER"));
  va_start (args, password);
  for (const char *arg = va_arg (args, const char *); arg != NULL;
       arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  if (password != NULL)
    g_subprocess_launcher_setenv (launcher, "CAREFIELD_SERVER_PASSWORD", password, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

static void
server_start (Server     *self,
              const char *data_dir,
              const char *first_option,
              ...)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  va_list args;

  self->log_path = g_strdup_printf ("%s/server-%p.log", work_dir, (void *) self);
  g_subprocess_launcher_set_stderr_file_path (launcher, self->log_path);

  g_ptr_array_add (argv, (gpointer) g_getenv ("CAREFIELD_SERVER"));
  g_ptr_array_add (argv, "serve");
  g_ptr_array_add (argv, "--data");
  g_ptr_array_add (argv, (gpointer) data_dir);
  g_ptr_array_add (argv, "--address");
  g_ptr_array_add (argv, "127.0.0.1");
  g_ptr_array_add (argv, "--port");
  g_ptr_array_add (argv, "0");
  va_start (args, first_option);
  for (const char *arg = first_option; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  self->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                                &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "listening on http"));
  self->base = g_strdup (line + strlen ("listening on "));
  g_assert_true (g_str_has_prefix (self->base, "http://127.0.0.1:") ||
                 g_str_has_prefix (self->base, "https://127.0.0.1:"));
}

static void
server_stop (Server *self)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (self->process, SIGTERM);
  g_assert_true (g_subprocess_wait (self->process, NULL, &error));
  g_assert_no_error (error);
  /* It shut down cleanly, not by crashing. */
  g_assert_true (g_subprocess_get_if_exited (self->process));
  g_assert_cmpint (g_subprocess_get_exit_status (self->process), ==, 0);
  g_clear_object (&self->process);
  g_clear_pointer (&self->base, g_free);
  g_clear_pointer (&self->log_path, g_free);
}

typedef struct
{
  guint               status;
  GBytes             *body;
  SoupMessageHeaders *headers;
  JsonNode           *json;
} Response;

static void
response_clear (Response *response)
{
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_pointer (&response->json, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Response, response_clear)

static GBytes *
gzip (gconstpointer data,
      gsize         length)
{
  g_autoptr(GZlibCompressor) compressor =
    g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory,
                                                                G_CONVERTER (compressor));

  g_assert_true (g_output_stream_write_all (out, data, length, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static GBytes *
gunzip (GBytes *compressed)
{
  g_autoptr(GZlibDecompressor) decompressor =
    g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) memory = g_memory_input_stream_new_from_bytes (compressed);
  g_autoptr(GInputStream) in = g_converter_input_stream_new (memory,
                                                             G_CONVERTER (decompressor));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* Sends one request. @token and @body may be NULL; @content_encoding "gzip" means @body is
 * already compressed. A JSON response body is parsed into response->json. */
static void
send_request (Response   *response,
              const char *method,
              const char *path,
              const char *token,
              GBytes     *body,
              const char *content_encoding,
              const char *accept_encoding)
{
  g_autofree char *uri = g_strconcat (server.base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  g_autoptr(GError) error = NULL;
  const char *type;

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *value = g_strdup_printf ("Bearer %s", token);

      soup_message_headers_replace (headers, "Authorization", value);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", body);
  if (content_encoding != NULL)
    soup_message_headers_replace (headers, "Content-Encoding", content_encoding);
  if (accept_encoding != NULL)
    soup_message_headers_replace (headers, "Accept-Encoding", accept_encoding);

  response->body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  response->status = soup_message_get_status (msg);
  response->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));

  type = soup_message_headers_get_content_type (response->headers, NULL);
  if (g_strcmp0 (type, "application/json") == 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GBytes) plain = NULL;
      const char *encoding = soup_message_headers_get_one (response->headers,
                                                           "Content-Encoding");
      gsize length;
      gconstpointer data;

      plain = g_strcmp0 (encoding, "gzip") == 0 ? gunzip (response->body)
                                                 : g_bytes_ref (response->body);
      data = g_bytes_get_data (plain, &length);
      g_assert_true (json_parser_load_from_data (parser, data, length, &error));
      g_assert_no_error (error);
      response->json = json_node_ref (json_parser_get_root (parser));
    }
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static GBytes *
login_body (const char *user,
            const char *password)
{
  char *text = g_strdup_printf ("{\"user\": \"%s\", \"password\": \"%s\", "
                                "\"device_name\": \"test laptop\"}", user, password);

  return g_bytes_new_take (text, strlen (text));
}

static const char *
member (Response   *response,
        const char *name)
{
  JsonObject *object;

  g_assert_nonnull (response->json);
  object = json_node_get_object (response->json);
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_string_member (object, name);
}

static void
assert_error (Response   *response,
              guint       status,
              const char *reason)
{
  g_assert_cmpuint (response->status, ==, status);
  g_assert_cmpstr (member (response, "error"), !=, "");
  if (reason != NULL)
    g_assert_cmpstr (member (response, "reason"), ==, reason);
}

static char *
sign_in (const char *user)
{
  g_auto(Response) response = { 0 };
  g_autoptr(GBytes) body = login_body (user, PASSWORD);
  JsonObject *object;

  send_request (&response, "POST", "/api/v1/session", NULL, body, NULL, NULL);
  g_assert_cmpuint (response.status, ==, 201);
  object = json_node_get_object (response.json);
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "token")), ==, 64);
  g_assert_cmpint (json_object_get_int_member (object, "device_id"), >, 0);
  g_assert_cmpint (json_object_get_int_member (object, "user_id"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "role"), ==, "worker");
  g_ptr_array_add (tokens_seen, g_strdup (json_object_get_string_member (object, "token")));
  return g_strdup (json_object_get_string_member (object, "token"));
}

static void
test_health (void)
{
  g_auto(Response) response = { 0 };
  JsonObject *object;

  send_request (&response, "GET", "/api/v1/health", NULL, NULL, NULL, NULL);
  g_assert_cmpuint (response.status, ==, 200);
  object = json_node_get_object (response.json);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "ok");
  g_assert_cmpstr (json_object_get_string_member (object, "version"), !=, "");
  g_assert_cmpint (json_object_get_int_member (object, "format"), ==, 1);
  g_assert_null (soup_message_headers_get_one (response.headers, "Content-Encoding"));
}

static void
test_gzip_response (void)
{
  g_auto(Response) response = { 0 };

  send_request (&response, "GET", "/api/v1/health", NULL, NULL, NULL, "gzip");
  g_assert_cmpuint (response.status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_one (response.headers, "Content-Encoding"), ==,
                   "gzip");
  /* Really gzip: it starts with gzip's magic bytes, and inflates to the JSON parsed above. */
  g_assert_cmpuint (g_bytes_get_size (response.body), >, 2);
  g_assert_cmpint (((const guint8 *) g_bytes_get_data (response.body, NULL))[0], ==, 0x1f);
  g_assert_cmpint (((const guint8 *) g_bytes_get_data (response.body, NULL))[1], ==, 0x8b);
  g_assert_cmpstr (member (&response, "status"), ==, "ok");
}

static void
test_session_and_revoke (void)
{
  g_autofree char *token = sign_in (WORKER);
  g_autofree char *other = sign_in (WORKER);
  g_auto(Response) deleted = { 0 };
  g_auto(Response) again = { 0 };
  g_auto(Response) still = { 0 };

  g_assert_cmpstr (token, !=, other);

  send_request (&deleted, "DELETE", "/api/v1/session", token, NULL, NULL, NULL);
  g_assert_cmpuint (deleted.status, ==, 204);
  g_assert_cmpuint (g_bytes_get_size (deleted.body), ==, 0);

  /* A revoked token says so, so the laptop knows to wipe itself. */
  send_request (&again, "DELETE", "/api/v1/session", token, NULL, NULL, NULL);
  assert_error (&again, 401, "revoked");

  /* The user's other device is untouched. */
  send_request (&still, "DELETE", "/api/v1/session", other, NULL, NULL, NULL);
  g_assert_cmpuint (still.status, ==, 204);
}

static void
test_gzip_request (void)
{
  g_autoptr(GBytes) plain = login_body (WORKER, PASSWORD);
  g_autoptr(GBytes) body = gzip (g_bytes_get_data (plain, NULL), g_bytes_get_size (plain));
  g_auto(Response) response = { 0 };

  send_request (&response, "POST", "/api/v1/session", NULL, body, "gzip", NULL);
  g_assert_cmpuint (response.status, ==, 201);
  g_ptr_array_add (tokens_seen, g_strdup (member (&response, "token")));
}

static void
test_wrong_password (void)
{
  g_autoptr(GBytes) wrong = login_body (WORKER, "not the password");
  g_autoptr(GBytes) nobody = login_body ("nobody-at-all", PASSWORD);
  g_auto(Response) first = { 0 };
  g_auto(Response) second = { 0 };

  send_request (&first, "POST", "/api/v1/session", NULL, wrong, NULL, NULL);
  assert_error (&first, 401, NULL);

  /* An unknown name gets the very same answer. */
  send_request (&second, "POST", "/api/v1/session", NULL, nobody, NULL, NULL);
  assert_error (&second, 401, NULL);
  g_assert_cmpstr (member (&first, "error"), ==, member (&second, "error"));
}

/* Guessing: after five wrong passwords for one name, that name is refused for a while
 * (429 with Retry-After), whatever the password; other names are not affected. */
static void
test_sign_in_limit (void)
{
  g_autoptr(GBytes) guess = login_body ("Guessed-Name", "a guess at it");
  g_autoptr(GBytes) same_folded = login_body ("guessed-name", "another guess");
  g_autoptr(GBytes) other = login_body ("someone-else", "a guess at it");
  g_auto(Response) refused = { 0 };
  g_auto(Response) still_401 = { 0 };

  for (guint i = 0; i < 5; i++)
    {
      g_auto(Response) response = { 0 };

      send_request (&response, "POST", "/api/v1/session", NULL, guess, NULL, NULL);
      assert_error (&response, 401, NULL);
    }

  send_request (&refused, "POST", "/api/v1/session", NULL, same_folded, NULL, NULL);
  assert_error (&refused, 429, "too-many");
  g_assert_nonnull (strstr (member (&refused, "error"), "Try again in 15 minutes"));
  g_assert_cmpint (g_ascii_strtoll (soup_message_headers_get_one (refused.headers,
                                                                  "Retry-After"), NULL, 10),
                   >, 800);

  send_request (&still_401, "POST", "/api/v1/session", NULL, other, NULL, NULL);
  assert_error (&still_401, 401, NULL);
}

static void
test_disabled (void)
{
  g_autoptr(GBytes) body = login_body (DISABLED, PASSWORD);
  g_auto(Response) response = { 0 };

  send_request (&response, "POST", "/api/v1/session", NULL, body, NULL, NULL);
  assert_error (&response, 403, "disabled");
}

static void
test_malformed (void)
{
  static const char *bodies[] = {
    "{\"user\": \"sam-worker\", \"password\": \"correct horse",  /* truncated */
    "not json at all",
    "[1, 2, 3]",
    "{\"user\": 12, \"password\": [], \"device_name\": null}",
    "{\"user\": \"sam-worker\"}",
    "\xff\xfe\x00\x01",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GBytes) body = g_bytes_new (bodies[i], strlen (bodies[i]));
      g_auto(Response) response = { 0 };

      send_request (&response, "POST", "/api/v1/session", NULL, body, NULL, NULL);
      assert_error (&response, 400, NULL);
    }

  {
    g_autoptr(GBytes) body = text_bytes ("{\"user\": ");
    g_auto(Response) response = { 0 };

    send_request (&response, "POST", "/api/v1/session", NULL, body, NULL, NULL);
    assert_error (&response, 400, "malformed");
    /* The parser's own words, so a developer can find the fault. */
    g_assert_nonnull (strstr (member (&response, "error"), "JSON"));
  }

  {
    /* Says gzip, is not. */
    g_autoptr(GBytes) body = text_bytes ("{\"user\": \"x\"}");
    g_auto(Response) response = { 0 };

    send_request (&response, "POST", "/api/v1/session", NULL, body, "gzip", NULL);
    assert_error (&response, 400, NULL);
  }
}

static void
test_too_large (void)
{
  gsize size = BODY_LIMIT + 1024 * 1024;
  char *data = g_malloc (size);
  g_autoptr(GBytes) body = NULL;
  g_auto(Response) response = { 0 };

  memset (data, ' ', size);
  data[0] = '{';
  body = g_bytes_new_take (data, size);
  send_request (&response, "POST", "/api/v1/session", NULL, body, NULL, NULL);
  assert_error (&response, 413, "too-large");
}

static void
test_gzip_bomb (void)
{
  /* 64 MiB of spaces inside a JSON string compresses to a few tens of kilobytes. */
  gsize size = 64 * 1024 * 1024;
  g_autofree char *data = g_malloc (size);
  g_autoptr(GBytes) body = NULL;
  g_auto(Response) response = { 0 };

  memset (data, ' ', size);
  memcpy (data, "{\"user\": \"", 10);
  body = gzip (data, size);
  g_assert_cmpuint (g_bytes_get_size (body), <, 1024 * 1024);

  send_request (&response, "POST", "/api/v1/session", NULL, body, "gzip", NULL);
  assert_error (&response, 413, "too-large");
}

static void
test_unknown_path (void)
{
  g_auto(Response) missing = { 0 };
  g_auto(Response) method = { 0 };
  g_auto(Response) query = { 0 };

  send_request (&missing, "GET", "/api/v1/carers/secret-name", NULL, NULL, NULL, NULL);
  assert_error (&missing, 404, NULL);

  send_request (&method, "PUT", "/api/v1/health", NULL, NULL, NULL, NULL);
  assert_error (&method, 405, NULL);
  g_assert_cmpstr (soup_message_headers_get_one (method.headers, "Allow"), ==, "GET");

  /* A query string never changes the route, and is never logged. */
  send_request (&query, "GET", "/api/v1/health?who=secret-name", NULL, NULL, NULL, NULL);
  g_assert_cmpuint (query.status, ==, 200);
}

static void
test_auth (void)
{
  g_auto(Response) missing = { 0 };
  g_auto(Response) unknown = { 0 };

  send_request (&missing, "DELETE", "/api/v1/session", NULL, NULL, NULL, NULL);
  assert_error (&missing, 401, "missing");

  send_request (&unknown, "DELETE", "/api/v1/session",
                "0000000000000000000000000000000000000000000000000000000000000000", NULL, NULL,
                NULL);
  assert_error (&unknown, 401, "unknown");
}

static void
test_garbage (void)
{
  static const char *requests[] = {
    "\x00\xff\xfe garbage\r\n\r\n",
    "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
    "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: bogus\r\n\r\n",
    "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"user\"",
    "GET /%00%ff/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
  };
  g_autoptr(GUri) uri = g_uri_parse (server.base, G_URI_FLAGS_NONE, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (requests); i++)
    {
      g_autoptr(GSocketClient) client = g_socket_client_new ();
      g_autoptr(GSocketConnection) connection = NULL;
      g_autoptr(GError) error = NULL;
      char buffer[256];
      gsize length = i == 0 ? 16 : strlen (requests[i]);

      connection = g_socket_client_connect_to_host (client, "127.0.0.1", g_uri_get_port (uri),
                                                    NULL, &error);
      g_assert_no_error (error);
      g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                 requests[i], length, NULL, NULL, NULL);
      /* Hang up half-way, or read whatever the server answers: either way it carries on. */
      if (i != 3)
        g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)), buffer,
                             sizeof buffer, NULL, NULL);
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
    }
}

static void
test_survived (void)
{
  g_autofree char *log = NULL;

  /* After everything above, it still answers. */
  test_health ();

  /* One line per request, and no personal data in any of them. */
  g_assert_true (g_file_get_contents (server.log_path, &log, NULL, NULL));
  g_assert_nonnull (strstr (log, "POST /api/v1/session 201 "));
  g_assert_nonnull (strstr (log, "POST /api/v1/session 413 "));
  g_assert_nonnull (strstr (log, "GET /api/v1/health 200 "));
  g_assert_nonnull (strstr (log, "--insecure-http"));
  g_assert_null (strstr (log, WORKER));
  g_assert_null (strstr (log, DISABLED));
  g_assert_null (strstr (log, PASSWORD));
  g_assert_null (strstr (log, "secret-name"));
  /* libsoup itself warns of the negative Content-Length in test_garbage; nothing else may. */
  g_assert_null (strstr (log, "CRITICAL"));
  g_assert_cmpuint (tokens_seen->len, >=, 3);
  for (guint i = 0; i < tokens_seen->len; i++)
    g_assert_null (strstr (log, tokens_seen->pdata[i]));
}

/* Straight to 127.0.0.1: no system proxy settings, which the test environment does not have. */
static SoupSession *
new_session (void)
{
  g_autoptr(GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);

  return soup_session_new_with_options ("timeout", 20, "proxy-resolver", direct, NULL);
}

static gboolean
accept_test_certificate (SoupMessage          *msg,
                         GTlsCertificate      *certificate,
                         GTlsCertificateFlags  errors,
                         gpointer              user_data)
{
  return g_tls_certificate_is_same (certificate, user_data);
}

static void
test_tls (void)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autofree char *dir = NULL;
  g_autofree char *cert_path = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(SoupSession) tls_session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  Server tls_server = { 0 };
  int status = -1;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed to make a test certificate");
      return;
    }

  dir = g_strdup_printf ("%s/server-data", work_dir);
  cert_path = g_strdup_printf ("%s/tls-cert.pem", work_dir);
  key_path = g_strdup_printf ("%s/tls-key.pem", work_dir);
  {
    const char *argv[] = { openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                           "-subj", "/CN=127.0.0.1", "-days", "2", "-keyout", key_path,
                           "-out", cert_path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                                 G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  certificate = g_tls_certificate_new_from_file (cert_path, &error);
  g_assert_no_error (error);

  server_start (&tls_server, dir, "--tls-cert", cert_path, "--tls-key", key_path, NULL);
  g_assert_true (g_str_has_prefix (tls_server.base, "https://127.0.0.1:"));

  tls_session = new_session ();
  uri = g_strconcat (tls_server.base, "/api/v1/health", NULL);

  /* Without trusting the certificate, the client refuses the server. */
  msg = soup_message_new ("GET", uri);
  body = soup_session_send_and_read (tls_session, msg, NULL, &error);
  g_assert_nonnull (error);
  g_assert_null (body);
  g_clear_error (&error);
  g_clear_object (&msg);

  msg = soup_message_new ("GET", uri);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_test_certificate),
                    certificate);
  body = soup_session_send_and_read (tls_session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                  "\"status\":\"ok\""));

  server_stop (&tls_server);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  int result;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (g_getenv ("CAREFIELD_SERVER") == NULL)
    {
      g_printerr ("Set CAREFIELD_SERVER to the carefield-server binary.\n");
      return 77;
    }

  tokens_seen = g_ptr_array_new_with_free_func (g_free);

  /* Made here, not by G_TEST_OPTION_ISOLATE_DIRS: that folder is per test, and this server
   * outlives each one. */
  work_dir = g_dir_make_tmp ("carefield-server-test-XXXXXX", NULL);
  g_assert_nonnull (work_dir);
  dir = g_strdup_printf ("%s/server-data", work_dir);
  run_cli (NULL, "init", "--data", dir, NULL);
  run_cli (PASSWORD, "user", "add", "--data", dir, WORKER, "--role", "worker", NULL);
  run_cli (PASSWORD, "user", "add", "--data", dir, DISABLED, "--role", "worker", NULL);
  run_cli (NULL, "user", "disable", "--data", dir, DISABLED, NULL);

  server_start (&server, dir, "--insecure-http", NULL);

  session = new_session ();
  /* The tests look at the bytes on the wire, gzip or not. */
  soup_session_remove_feature_by_type (session, SOUP_TYPE_CONTENT_DECODER);

  g_test_add_func ("/server-http/health", test_health);
  g_test_add_func ("/server-http/gzip-response", test_gzip_response);
  g_test_add_func ("/server-http/session-and-revoke", test_session_and_revoke);
  g_test_add_func ("/server-http/gzip-request", test_gzip_request);
  g_test_add_func ("/server-http/wrong-password", test_wrong_password);
  g_test_add_func ("/server-http/sign-in-limit", test_sign_in_limit);
  g_test_add_func ("/server-http/disabled", test_disabled);
  g_test_add_func ("/server-http/malformed", test_malformed);
  g_test_add_func ("/server-http/too-large", test_too_large);
  g_test_add_func ("/server-http/gzip-bomb", test_gzip_bomb);
  g_test_add_func ("/server-http/unknown-path", test_unknown_path);
  g_test_add_func ("/server-http/auth", test_auth);
  g_test_add_func ("/server-http/garbage", test_garbage);
  g_test_add_func ("/server-http/survived", test_survived);
  g_test_add_func ("/server-http/tls", test_tls);

  result = g_test_run ();

  g_clear_object (&session);
  server_stop (&server);
  g_ptr_array_unref (tokens_seen);
  remove_tree (work_dir);
  g_free (work_dir);

  return result;
}
