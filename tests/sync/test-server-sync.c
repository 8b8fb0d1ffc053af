/* test-server-sync.c: push and pull against the real carefield-server, over real HTTP
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One server for the whole file, started from the built binary ($CAREFIELD_SERVER) on
 * 127.0.0.1, with a user of every role. Each test makes its own records under fresh ids, so
 * tests do not depend on each other; those that look inside the store stop the server first
 * and start it again on the same data folder. The last test checks the server is still
 * answering and that its log names nobody.
 *
 * The benchmark (/server-sync/perf/bench) runs only with -m perf, on a server of its own.
 */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "cf-server-sqlite-private.h"
#include "cf-server-store.h"

#define PASSWORD    "correct horse battery"
#define WORKER_A    "ana-worker"
#define WORKER_B    "ben-worker"
#define WORKER_P    "pia-worker"
#define COORDINATOR "cora-coordinator"
#define ADMIN       "adam-admin"
#define CARER_USER  "carl-carer"
#define CARER_ID    "c0ffee00-0000-4000-8000-0000000ca7e1"

/* What a laptop's audit rows say of their user and of itself. */
#define AUDIT_USER   "Tam Auditor"
#define AUDIT_LAPTOP "0123456789abcdef0123456789abcdef"

#define NO_PARENT    "The record this belongs to is not on the server."
#define NOT_CASELOAD "This carer is not on your caseload."
#define REASSIGN     "Only a coordinator can give a carer to another worker."
#define OWN_PLAN     "This is not part of your own plan."

typedef struct
{
  GSubprocess *process;
  char        *data_dir;
  char        *base;
  char        *log_path;
} Server;

static Server server;
static char *work_dir;
static SoupSession *session;
static GPtrArray *tokens_seen;

static char *token_a;
static char *token_b;
static char *token_p;
static char *token_coordinator;
static char *token_admin;
static char *token_carer;

/* The server */

static void
run_cli (const char *data_dir,
         const char *first_arg,
         ...)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CAREFIELD_SERVER"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, "--data");
  g_ptr_array_add (argv, (gpointer) data_dir);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "CAREFIELD_SERVER_PASSWORD", PASSWORD, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait (process, NULL, &error));
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

/* In the server, before it runs: a test that fails part-way aborts before it can stop the
 * server, which must not be left running. */
static void
die_with_test (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
server_start (Server *self)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *argv[] = { g_getenv ("CAREFIELD_SERVER"), "serve", "--data", self->data_dir,
                         "--address", "127.0.0.1", "--port", "0", "--insecure-http", NULL };

  /* One log for every run on this folder, so the last test reads them all. */
  if (self->log_path == NULL)
    self->log_path = g_strdup_printf ("%s/server.log", self->data_dir);
  {
    g_autofree char *previous = NULL;
    gsize length = 0;

    /* set_stderr_file_path truncates; keep what earlier runs wrote. */
    g_file_get_contents (self->log_path, &previous, &length, NULL);
    if (previous != NULL)
      {
        g_autofree char *old = g_strconcat (self->log_path, ".old", NULL);
        g_autofree char *all = NULL;
        g_autofree char *older = NULL;

        g_file_get_contents (old, &older, NULL, NULL);
        all = g_strconcat (older != NULL ? older : "", previous, NULL);
        g_assert_true (g_file_set_contents (old, all, -1, NULL));
      }
  }
  g_subprocess_launcher_set_stderr_file_path (launcher, self->log_path);
  g_subprocess_launcher_set_child_setup (launcher, die_with_test, NULL, NULL);

  self->process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "listening on http://127.0.0.1:"));
  g_free (self->base);
  self->base = g_strdup (line + strlen ("listening on "));
}

static void
server_stop (Server   *self,
             gboolean  kill)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (self->process, kill ? SIGKILL : SIGTERM);
  g_assert_true (g_subprocess_wait (self->process, NULL, &error));
  g_assert_no_error (error);
  if (!kill)
    {
      /* It shut down cleanly, not by crashing. */
      g_assert_true (g_subprocess_get_if_exited (self->process));
      g_assert_cmpint (g_subprocess_get_exit_status (self->process), ==, 0);
    }
  g_clear_object (&self->process);
  g_clear_pointer (&self->base, g_free);
}

/* The whole log: earlier runs' and this one's. */
static char *
server_log (Server *self)
{
  g_autofree char *old_path = g_strconcat (self->log_path, ".old", NULL);
  g_autofree char *old = NULL;
  g_autofree char *current = NULL;

  g_file_get_contents (old_path, &old, NULL, NULL);
  g_assert_true (g_file_get_contents (self->log_path, &current, NULL, NULL));

  return g_strconcat (old != NULL ? old : "", current, NULL);
}

static CfServerStore *
open_store (Server *self)
{
  g_autoptr(GError) error = NULL;
  CfServerSqlite *store = cf_server_sqlite_open_dir (self->data_dir, &error);

  g_assert_no_error (error);
  return CF_SERVER_STORE (store);
}

/* Requests */

typedef struct
{
  guint     status;
  JsonNode *json;
} Response;

static void
response_clear (Response *response)
{
  g_clear_pointer (&response->json, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Response, response_clear)

static GBytes *
gzip (const char *text)
{
  g_autoptr(GZlibCompressor) compressor =
    g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory,
                                                                G_CONVERTER (compressor));

  g_assert_true (g_output_stream_write_all (out, text, strlen (text), NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
send_to (Server     *target,
         Response   *response,
         const char *method,
         const char *path,
         const char *token,
         const char *body,
         gboolean    gzipped)
{
  g_autofree char *uri = g_strconcat (target->base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  SoupMessageHeaders *headers;
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (msg);
  headers = soup_message_get_request_headers (msg);
  if (token != NULL)
    {
      g_autofree char *value = g_strdup_printf ("Bearer %s", token);

      soup_message_headers_replace (headers, "Authorization", value);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = gzipped ? gzip (body) : g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
      if (gzipped)
        soup_message_headers_replace (headers, "Content-Encoding", "gzip");
    }

  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  response->status = soup_message_get_status (msg);

  if (g_strcmp0 (soup_message_headers_get_content_type (soup_message_get_response_headers (msg),
                                                        NULL), "application/json") == 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (answer, NULL),
                                                 g_bytes_get_size (answer), &error));
      g_assert_no_error (error);
      response->json = json_node_ref (json_parser_get_root (parser));
    }
}

static void
request (Response   *response,
         const char *method,
         const char *path,
         const char *token,
         const char *body)
{
  send_to (&server, response, method, path, token, body, FALSE);
}

static JsonObject *
response_object (Response *response)
{
  g_assert_nonnull (response->json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (response->json));
  return json_node_get_object (response->json);
}

static void
assert_error (Response   *response,
              guint       status,
              const char *reason)
{
  JsonObject *object;

  g_assert_cmpuint (response->status, ==, status);
  object = response_object (response);
  g_assert_cmpstr (json_object_get_string_member (object, "error"), !=, "");
  if (reason != NULL)
    g_assert_cmpstr (json_object_get_string_member (object, "reason"), ==, reason);
}

static char *
sign_in_to (Server     *target,
            const char *user)
{
  g_auto(Response) response = { 0 };
  g_autofree char *body = g_strdup_printf ("{\"user\": \"%s\", \"password\": \"%s\", "
                                           "\"device_name\": \"test laptop\"}",
                                           user, PASSWORD);
  char *token;

  send_to (target, &response, "POST", "/api/v1/session", NULL, body, FALSE);
  g_assert_cmpuint (response.status, ==, 201);
  token = g_strdup (json_object_get_string_member (response_object (&response), "token"));
  g_ptr_array_add (tokens_seen, g_strdup (token));
  return token;
}

/* Operations and pushes */

static GPtrArray *ids_made;

/* A new UUID, kept until the program ends, so tests can use ids inline. */
static const char *
fresh_id (void)
{
  char *id = g_uuid_string_random ();

  g_ptr_array_add (ids_made, id);
  return id;
}

/* One operation as JSON; @fields is a JSON object's text, or NULL for none. */
static char *
op (const char *op_id,
    const char *entity,
    const char *record_id,
    const char *operation,
    gint64      base,
    const char *fields)
{
  return g_strdup_printf ("{\"op_id\": \"%s\", \"entity\": \"%s\", \"record_id\": \"%s\", "
                          "\"operation\": \"%s\", \"base_version\": %" G_GINT64_FORMAT "%s%s}",
                          op_id, entity, record_id, operation, base,
                          fields != NULL ? ", \"fields\": " : "", fields != NULL ? fields : "");
}

static char *
batch_of (GPtrArray *ops)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": 1, \"device\": \"test laptop\", "
                                          "\"ops\": [");

  for (guint i = 0; i < ops->len; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", (char *) ops->pdata[i]);
  g_string_append (text, "]}");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Pushes the operations (JSON texts, up to a NULL) and asserts a 200 with one result each. */
static void
push_to (Server     *target,
         Response   *response,
         const char *token,
         ...)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new ();
  g_autofree char *body = NULL;
  JsonArray *results;
  va_list args;

  va_start (args, token);
  for (const char *text = va_arg (args, const char *); text != NULL;
       text = va_arg (args, const char *))
    g_ptr_array_add (ops, (gpointer) text);
  va_end (args);

  body = batch_of (ops);
  send_to (target, response, "POST", "/api/v1/push", token, body, FALSE);
  g_assert_cmpuint (response->status, ==, 200);
  g_assert_cmpint (json_object_get_int_member (response_object (response), "format"), ==, 1);
  results = json_object_get_array_member (response_object (response), "results");
  g_assert_cmpuint (json_array_get_length (results), ==, ops->len);
}

#define push(response, token, ...) push_to (&server, response, token, __VA_ARGS__)

static JsonObject *
result_at (Response *response,
           guint     index)
{
  JsonArray *results = json_object_get_array_member (response_object (response), "results");

  return json_array_get_object_element (results, index);
}

static void
assert_result (JsonObject *result,
               const char *op_id,
               const char *outcome,
               gint64      version)
{
  g_assert_cmpstr (json_object_get_string_member (result, "op_id"), ==, op_id);
  g_assert_cmpstr (json_object_get_string_member (result, "result"), ==, outcome);
  g_assert_cmpint (json_object_get_int_member (result, "version"), ==, version);
  if (g_str_equal (outcome, "conflict"))
    g_assert_cmpstr (json_object_get_string_member (result, "reason"), !=, "");
  else
    g_assert_false (json_object_has_member (result, "reason"));
}

static void
assert_rejected (JsonObject *result,
                 const char *op_id,
                 const char *reason)
{
  g_assert_cmpstr (json_object_get_string_member (result, "op_id"), ==, op_id);
  g_assert_cmpstr (json_object_get_string_member (result, "result"), ==, "rejected");
  g_assert_false (json_object_has_member (result, "version"));
  if (reason != NULL)
    g_assert_cmpstr (json_object_get_string_member (result, "reason"), ==, reason);
  else
    g_assert_cmpstr (json_object_get_string_member (result, "reason"), !=, "");
}

/* Pushes one operation and returns its result, as JSON text for comparing. */
static char *
push_one (const char *token,
          const char *operation)
{
  g_auto(Response) response = { 0 };

  push (&response, token, operation, NULL);
  return json_to_string (json_array_get_element (json_object_get_array_member (
                           response_object (&response), "results"), 0), FALSE);
}

/* Pushes one operation and asserts its outcome and version. */
static void
push_expect (const char *token,
             const char *operation_json,
             const char *op_id,
             const char *outcome,
             gint64      version)
{
  g_auto(Response) response = { 0 };

  push (&response, token, operation_json, NULL);
  assert_result (result_at (&response, 0), op_id, outcome, version);
}

/* Creates a record and asserts it was applied at version 1. */
static void
create (const char *token,
        const char *entity,
        const char *id,
        const char *fields)
{
  const char *op_id = fresh_id ();
  g_autofree char *text = op (op_id, entity, id, "create", 0, fields);

  push_expect (token, text, op_id, "applied", 1);
}

static void
push_rejected (const char *token,
               const char *operation_json,
               const char *op_id,
               const char *reason)
{
  g_auto(Response) response = { 0 };

  push (&response, token, operation_json, NULL);
  assert_rejected (result_at (&response, 0), op_id, reason);
}

/* Pulls */

static void
pull_to (Server     *target,
         Response   *response,
         const char *token,
         const char *since,
         const char *limit)
{
  g_autoptr(GString) path = g_string_new ("/api/v1/changes");
  JsonObject *object;

  if (since != NULL)
    g_string_append_printf (path, "?since=%s", since);
  if (limit != NULL)
    g_string_append_printf (path, "%slimit=%s", since != NULL ? "&" : "?", limit);

  send_to (target, response, "GET", path->str, token, NULL, FALSE);
  g_assert_cmpuint (response->status, ==, 200);
  object = response_object (response);
  g_assert_cmpint (json_object_get_int_member (object, "format"), ==, 1);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "records")));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "removed")));
  g_assert_nonnull (json_object_get_string_member (object, "next"));
}

#define pull(response, token, since, limit) pull_to (&server, response, token, since, limit)

static JsonArray *
page_records (Response *response)
{
  return json_object_get_array_member (response_object (response), "records");
}

static JsonArray *
page_removed (Response *response)
{
  return json_object_get_array_member (response_object (response), "removed");
}

static const char *
page_next (Response *response)
{
  return json_object_get_string_member (response_object (response), "next");
}

static gboolean
page_more (Response *response)
{
  return json_object_get_boolean_member (response_object (response), "more");
}

/* Everything from @since to the end: the records in order (each a new reference), the ids
 * removed, and the cursor to go on from. */
typedef struct
{
  GPtrArray *records;
  GPtrArray *removed;
  char      *next;
} Pulled;

static void
pulled_clear (Pulled *pulled)
{
  g_clear_pointer (&pulled->records, g_ptr_array_unref);
  g_clear_pointer (&pulled->removed, g_ptr_array_unref);
  g_clear_pointer (&pulled->next, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pulled, pulled_clear)

static void
pull_all (Pulled     *pulled,
          const char *token,
          const char *since)
{
  pulled->records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  pulled->removed = g_ptr_array_new_with_free_func (g_free);
  pulled->next = g_strdup (since != NULL ? since : "");

  for (guint pages = 0; ; pages++)
    {
      g_auto(Response) response = { 0 };
      JsonArray *records;
      JsonArray *removed;

      g_assert_cmpuint (pages, <, 1000);
      pull (&response, token, pulled->next, "1000");
      records = page_records (&response);
      removed = page_removed (&response);
      for (guint i = 0; i < json_array_get_length (records); i++)
        g_ptr_array_add (pulled->records,
                         json_object_ref (json_array_get_object_element (records, i)));
      for (guint i = 0; i < json_array_get_length (removed); i++)
        {
          JsonObject *entry = json_array_get_object_element (removed, i);

          g_assert_cmpstr (json_object_get_string_member (entry, "entity"), ==, "carer");
          g_ptr_array_add (pulled->removed,
                           g_strdup (json_object_get_string_member (entry, "id")));
        }
      g_free (pulled->next);
      pulled->next = g_strdup (page_next (&response));
      if (!page_more (&response))
        break;
    }
}

/* Where @token's device is now: the cursor after everything in its scope. */
static char *
cursor_now (const char *token)
{
  g_auto(Pulled) pulled = { 0 };

  pull_all (&pulled, token, NULL);
  return g_steal_pointer (&pulled.next);
}

static JsonObject *
find_record (GPtrArray  *records,
             const char *id)
{
  for (guint i = 0; i < records->len; i++)
    {
      if (g_strcmp0 (json_object_get_string_member (records->pdata[i], "id"), id) == 0)
        return records->pdata[i];
    }

  return NULL;
}

static int
index_of (GPtrArray  *records,
          const char *id)
{
  for (guint i = 0; i < records->len; i++)
    {
      if (g_strcmp0 (json_object_get_string_member (records->pdata[i], "id"), id) == 0)
        return i;
    }

  return -1;
}

static const char *
field (JsonObject *record,
       const char *name)
{
  JsonObject *fields = json_object_get_object_member (record, "fields");

  return json_object_has_member (fields, name) ? json_object_get_string_member (fields, name)
                                               : NULL;
}

/* The record as @token's device sees it after pulling everything. */
static JsonObject *
pull_record (const char *token,
             const char *id)
{
  g_auto(Pulled) pulled = { 0 };
  JsonObject *record;

  pull_all (&pulled, token, NULL);
  record = find_record (pulled.records, id);
  return record != NULL ? json_object_ref (record) : NULL;
}

/* Push */

static void
test_create_and_repeat (void)
{
  const char *id = fresh_id ();
  const char *op_id = fresh_id ();
  g_autofree char *create_op = op (op_id, "carer", id, "create", 0,
                                   "{\"given_name\": \"Ada\", \"phone\": \"01234 567890\", "
                                   "\"a_newer_field\": {\"kept\": [1, true]}}");
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonObject) record = NULL;

  push_expect (token_coordinator, create_op, op_id, "applied", 1);
  first = push_one (token_coordinator, create_op);
  cursor = cursor_now (token_coordinator);

  /* The same op_id again: the first answer, word for word, and nothing written. */
  again = push_one (token_coordinator, create_op);
  g_assert_cmpstr (again, ==, first);
  after = cursor_now (token_coordinator);
  g_assert_cmpstr (after, ==, cursor);

  record = pull_record (token_coordinator, id);
  g_assert_nonnull (record);
  g_assert_cmpstr (json_object_get_string_member (record, "entity"), ==, "carer");
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 1);
  g_assert_false (json_object_get_boolean_member (record, "deleted"));
  g_assert_cmpstr (json_object_get_string_member (record, "updated_by"), ==, COORDINATOR);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       json_object_get_string_member (record, "updated_at"),
                                       0, 0));
  g_assert_cmpstr (field (record, "given_name"), ==, "Ada");
  g_assert_cmpstr (field (record, "phone"), ==, "01234 567890");
  /* A field this server does not know is kept and passed on as it came. */
  {
    JsonObject *fields = json_object_get_object_member (record, "fields");
    g_autofree char *newer = json_to_string (json_object_get_member (fields, "a_newer_field"),
                                             FALSE);

    g_assert_cmpstr (newer, ==, "{\"kept\":[1,true]}");
    g_assert_false (json_object_has_member (fields, "deleted"));
  }
}

/* An op_id replayed from another device gets no one's stored result back, and changes
 * nothing. */
static void
test_repeat_from_another_device (void)
{
  const char *id = fresh_id ();
  const char *op_id = fresh_id ();
  g_autofree char *create_op = op (op_id, "carer", id, "create", 0,
                                   "{\"given_name\": \"Bo\", \"phone\": \"01234 000111\"}");
  g_autofree char *other = sign_in_to (&server, COORDINATOR);
  g_autofree char *replayed = op (op_id, "carer", id, "update", 1,
                                  "{\"phone\": \"09999 999999\"}");
  g_autoptr(JsonObject) record = NULL;
  g_auto(Response) response = { 0 };

  push_expect (token_coordinator, create_op, op_id, "applied", 1);
  push (&response, other, replayed, NULL);
  assert_rejected (result_at (&response, 0), op_id, NULL);
  g_assert_nonnull (strstr (json_object_get_string_member (result_at (&response, 0), "reason"),
                            "Another device"));

  record = pull_record (token_coordinator, id);
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 1);
  g_assert_cmpstr (field (record, "phone"), ==, "01234 000111");
}

static void
test_repeat_after_change (void)
{
  const char *id = fresh_id ();
  const char *ids[2] = { fresh_id (), fresh_id () };
  g_autofree char *first_op = op (ids[0], "carer", id, "update", 1, "{\"phone\": \"02\"}");
  g_autofree char *second_op = op (ids[1], "carer", id, "update", 2, "{\"phone\": \"03\"}");
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;
  g_autofree char *cursor = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonObject) record = NULL;

  create (token_a, "carer", id, "{\"given_name\": \"Bo\", \"phone\": \"01\"}");
  first = push_one (token_a, first_op);
  push_expect (token_a, second_op, ids[1], "applied", 3);
  cursor = cursor_now (token_a);

  /* Merged again now, the first would conflict with the second; a repeat is not merged
   * again, it gets its first answer. */
  again = push_one (token_a, first_op);
  g_assert_cmpstr (again, ==, first);
  g_assert_nonnull (strstr (first, "\"applied\""));
  after = cursor_now (token_a);
  g_assert_cmpstr (after, ==, cursor);
  record = pull_record (token_a, id);
  g_assert_cmpstr (field (record, "phone"), ==, "03");
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 3);
}

static void
test_update_current (void)
{
  const char *id = fresh_id ();
  const char *op_id = fresh_id ();
  g_autofree char *update = op (op_id, "carer", id, "update", 1, "{\"phone\": \"01999\"}");
  g_autoptr(JsonObject) record = NULL;

  create (token_a, "carer", id, "{\"given_name\": \"Ben\", \"phone\": \"01111\"}");
  push_expect (token_a, update, op_id, "applied", 2);

  record = pull_record (token_a, id);
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 2);
  g_assert_cmpstr (field (record, "phone"), ==, "01999");
  g_assert_cmpstr (field (record, "given_name"), ==, "Ben");
}

static void
test_merge (void)
{
  const char *id = fresh_id ();
  const char *op1 = fresh_id ();
  const char *op2 = fresh_id ();
  g_autofree char *phone = op (op1, "carer", id, "update", 1, "{\"phone\": \"01999\"}");
  g_autofree char *email = op (op2, "carer", id, "update", 1, "{\"email\": \"c@example.org\"}");
  g_autoptr(JsonObject) record = NULL;

  create (token_a, "carer", id, "{\"given_name\": \"Cy\", \"phone\": \"01111\"}");
  push_expect (token_a, phone, op1, "applied", 2);
  /* Made on version 1 elsewhere, on another field: taken. */
  push_expect (token_a, email, op2, "merged", 3);

  record = pull_record (token_a, id);
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 3);
  g_assert_cmpstr (field (record, "phone"), ==, "01999");
  g_assert_cmpstr (field (record, "email"), ==, "c@example.org");
}

static CfServerConflict *
conflict_for (GPtrArray  *conflicts,
              const char *client)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      CfServerConflict *conflict = conflicts->pdata[i];

      if (g_str_equal (conflict->client, client))
        return conflict;
    }

  g_assert_not_reached ();
}

static void
test_conflict (void)
{
  const char *id = fresh_id ();
  const char *ids[6];
  g_auto(GStrv) ops = g_new0 (char *, G_N_ELEMENTS (ids) + 1);
  g_auto(Response) response = { 0 };
  g_autoptr(JsonObject) record = NULL;
  JsonObject *result;
  JsonArray *conflicts;
  JsonObject *conflict;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = fresh_id ();
  ops[0] = op (ids[0], "carer", id, "update", 1, "{\"phone\": \"02222\"}");
  ops[1] = op (ids[1], "carer", id, "update", 1, "{\"phone\": \"03333\"}");
  ops[2] = op (ids[2], "carer", id, "update", 2, "{\"email\": \"d@example.org\"}");
  ops[3] = op (ids[3], "carer", id, "update", 1, "{\"phone\": \"04444\"}");
  ops[4] = op (ids[4], "carer", id, "update", 2, "{\"phone\": \"03333\"}");
  ops[5] = op (ids[5], "carer", id, "update", 4, "{\"phone\": \"03333\"}");

  create (token_a, "carer", id, "{\"given_name\": \"Di\", \"phone\": \"01111\"}");
  push_expect (token_a, ops[0], ids[0], "applied", 2);

  /* Changed here and on the server since version 1: the server's value stays, and the
   * result says what each side had. */
  push (&response, token_a, ops[1], NULL);
  result = result_at (&response, 0);
  assert_result (result, ids[1], "conflict", 2);
  conflicts = json_object_get_array_member (result, "conflicts");
  g_assert_cmpuint (json_array_get_length (conflicts), ==, 1);
  conflict = json_array_get_object_element (conflicts, 0);
  g_assert_cmpstr (json_object_get_string_member (conflict, "field"), ==, "phone");
  g_assert_cmpstr (json_object_get_string_member (conflict, "base"), ==, "01111");
  g_assert_cmpstr (json_object_get_string_member (conflict, "server"), ==, "02222");
  g_assert_cmpstr (json_object_get_string_member (conflict, "client"), ==, "03333");
  record = pull_record (token_a, id);
  g_assert_cmpstr (field (record, "phone"), ==, "02222");

  /* Another field, another conflict on the same one, then a write that saw version 2. */
  push_expect (token_a, ops[2], ids[2], "applied", 3);
  push_expect (token_a, ops[3], ids[3], "conflict", 3);
  push_expect (token_a, ops[4], ids[4], "merged", 4);

  /* In the store: both values and the base kept; the first conflict resolved by the write
   * based on its version, the second (stored at version 3) still open. */
  server_stop (&server, FALSE);
  {
    g_autoptr(CfServerStore) store = open_store (&server);
    g_autoptr(GPtrArray) stored = NULL;
    g_autoptr(GError) error = NULL;
    CfServerConflict *first;
    CfServerConflict *second;

    stored = cf_server_store_list_conflicts (store, "carer", id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (stored->len, ==, 2);
    first = conflict_for (stored, "\"03333\"");
    g_assert_cmpstr (first->field, ==, "phone");
    g_assert_cmpstr (first->base, ==, "\"01111\"");
    g_assert_cmpstr (first->server, ==, "\"02222\"");
    g_assert_cmpint (first->version, ==, 2);
    g_assert_cmpstr (first->user_name, ==, WORKER_A);
    g_assert_cmpint (first->device_id, >, 0);
    g_assert_cmpstr (first->at, !=, "");
    g_assert_cmpstr (first->resolved_at, !=, "");

    second = conflict_for (stored, "\"04444\"");
    g_assert_cmpstr (second->base, ==, "\"01111\"");
    g_assert_cmpstr (second->server, ==, "\"02222\"");
    g_assert_cmpint (second->version, ==, 3);
    g_assert_cmpstr (second->resolved_at, ==, "");
  }
  server_start (&server);

  /* Choosing a value from version 4, even the one already there, resolves the rest. */
  push_expect (token_a, ops[5], ids[5], "applied", 4);
  server_stop (&server, FALSE);
  {
    g_autoptr(CfServerStore) store = open_store (&server);
    g_autoptr(GPtrArray) stored = NULL;
    g_autoptr(GError) error = NULL;

    stored = cf_server_store_list_conflicts (store, "carer", id, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (stored->len, ==, 2);
    for (guint i = 0; i < stored->len; i++)
      g_assert_cmpstr (((CfServerConflict *) stored->pdata[i])->resolved_at, !=, "");
  }
  server_start (&server);
}

static void
test_unknown_record (void)
{
  const char *id = fresh_id ();
  const char *op_id = fresh_id ();
  g_autofree char *update = op (op_id, "carer", id, "update", 1, "{\"phone\": \"01999\"}");
  g_autofree char *delete = op (op_id, "cared_for", id, "delete", 1, NULL);

  g_autofree char *reassign = op (op_id, "carer", id, "update", 1,
                                  "{\"worker\": \"" WORKER_A "\"}");
  g_auto(Response) response = { 0 };

  push_rejected (token_a, update, op_id, NULL);
  /* Not kept: the same op_id is read afresh. */
  push_rejected (token_coordinator, delete, op_id, NULL);

  /* Whoever sends it and whatever it says, the answer is that the record is not there. */
  push (&response, token_b, reassign, NULL);
  assert_rejected (result_at (&response, 0), op_id, NULL);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (result_at (&response, 0),
                                                                  "reason"),
                                   "The record is not on the server"));
}

static void
test_rejected_between (void)
{
  const char *ids[3] = { fresh_id (), fresh_id (), fresh_id () };
  const char *records[3] = { fresh_id (), fresh_id (), fresh_id () };
  g_autofree char *first = op (ids[0], "carer", records[0], "create", 0, "{\"given_name\": \"E\"}");
  g_autofree char *bad = op (ids[1], "carer", records[1], "update", 3, "{\"phone\": \"0\"}");
  g_autofree char *last = op (ids[2], "carer", records[2], "create", 0, "{\"given_name\": \"F\"}");
  g_auto(Response) response = { 0 };
  g_auto(Pulled) pulled = { 0 };

  push (&response, token_a, first, bad, last, NULL);
  assert_result (result_at (&response, 0), ids[0], "applied", 1);
  assert_rejected (result_at (&response, 1), ids[1], NULL);
  assert_result (result_at (&response, 2), ids[2], "applied", 1);

  pull_all (&pulled, token_a, NULL);
  g_assert_nonnull (find_record (pulled.records, records[0]));
  g_assert_null (find_record (pulled.records, records[1]));
  g_assert_nonnull (find_record (pulled.records, records[2]));
}

static void
test_child_before_parent (void)
{
  const char *carer = fresh_id ();
  const char *child = fresh_id ();
  const char *child_op_id = fresh_id ();
  g_autofree char *fields = g_strdup_printf ("{\"carer_id\": \"%s\", \"name\": \"Gil\"}", carer);
  g_autofree char *child_op = op (child_op_id, "cared_for", child, "create", 0, fields);
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;

  push_rejected (token_a, child_op, child_op_id, NO_PARENT);

  create (token_a, "carer", carer, "{\"given_name\": \"Hal\"}");

  /* The same operation, sent again once its parent is there: a rejection was not kept. */
  push_expect (token_a, child_op, child_op_id, "applied", 1);
  first = push_one (token_a, child_op);
  again = push_one (token_a, child_op);
  g_assert_cmpstr (first, ==, again);

  /* A parent id that is no string, or names nothing, is the same. */
  {
    const char *op_id = fresh_id ();
    g_autofree char *other = op (op_id, "cared_for", fresh_id (), "create", 0,
                                 "{\"carer_id\": \"\", \"name\": \"Ivy\"}");

    push_rejected (token_coordinator, other, op_id, NO_PARENT);
  }
}

static void
test_malformed (void)
{
  static const struct
  {
    const char *body;
    guint       status;
    const char *reason;
  } cases[] = {
    { "not json at all", 400, "malformed" },
    { "{\"format\": 1, \"device\": \"x\", \"ops\": [{\"op_id\": \"a\"", 400, "malformed" },
    { "[]", 400, "malformed" },
    { "", 400, "malformed" },
    { "{\"device\": \"x\", \"ops\": []}", 400, "malformed" },
    { "{\"format\": 1, \"ops\": []}", 400, "malformed" },
    { "{\"format\": 1, \"device\": \"x\", \"ops\": {}}", 400, "malformed" },
    { "{\"format\": 1, \"device\": \"x\", \"ops\": [010]}", 400, "malformed" },
    { "{\"format\": 2, \"device\": \"x\", \"ops\": []}", 400, "unsupported-format" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Response) response = { 0 };

      request (&response, "POST", "/api/v1/push", token_a, cases[i].body);
      assert_error (&response, cases[i].status, cases[i].reason);
    }

  /* gzip, as the client sends it, is read like plain text. */
  {
    const char *op_id = fresh_id ();
    g_autofree char *one = op (op_id, "carer", fresh_id (), "create", 0, "{\"given_name\": \"J\"}");
    g_autofree char *body = g_strdup_printf ("{\"format\": 1, \"device\": \"x\", \"ops\": [%s], "
                                             "\"a_newer_member\": true}", one);
    g_auto(Response) response = { 0 };

    send_to (&server, &response, "POST", "/api/v1/push", token_a, body, TRUE);
    g_assert_cmpuint (response.status, ==, 200);
    assert_result (result_at (&response, 0), op_id, "applied", 1);
  }
}

static void
test_bad_ops (void)
{
  const char *ids[4] = { fresh_id (), fresh_id (), fresh_id (), fresh_id () };
  g_autofree char *wrong_type = op (ids[0], "carer", fresh_id (), "create", 0,
                                    "{\"given_name\": 5}");
  g_autofree char *unknown_entity = op (ids[1], "spaceship", fresh_id (), "create", 0, "{}");
  g_autofree char *no_op_id = g_strdup ("{\"entity\": \"carer\", \"operation\": \"create\"}");
  g_autofree char *good = op (ids[3], "carer", fresh_id (), "create", 0, "{\"given_name\": \"K\"}");
  g_auto(Response) response = { 0 };
  JsonObject *result;

  push (&response, token_a, wrong_type, unknown_entity, no_op_id, "17", good, NULL);

  assert_rejected (result_at (&response, 0), ids[0], NULL);
  g_assert_nonnull (strstr (json_object_get_string_member (result_at (&response, 0), "reason"),
                            "given_name"));
  assert_rejected (result_at (&response, 1), ids[1], NULL);
  g_assert_nonnull (strstr (json_object_get_string_member (result_at (&response, 1), "reason"),
                            "spaceship"));

  /* Without an op_id, a result names the operation by its place in the batch. */
  result = result_at (&response, 2);
  g_assert_false (json_object_has_member (result, "op_id"));
  g_assert_cmpint (json_object_get_int_member (result, "index"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (result, "result"), ==, "rejected");
  result = result_at (&response, 3);
  g_assert_cmpint (json_object_get_int_member (result, "index"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (result, "result"), ==, "rejected");

  assert_result (result_at (&response, 4), ids[3], "applied", 1);
}

static void
test_too_many (void)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *body = NULL;
  g_auto(Response) response = { 0 };
  g_autofree char *cursor = cursor_now (token_coordinator);
  g_autofree char *after = NULL;

  for (guint i = 0; i < 1001; i++)
    {
      const char *op_id = fresh_id ();
      const char *id = fresh_id ();

      g_ptr_array_add (ops, op (op_id, "carer", id, "create", 0, "{\"given_name\": \"L\"}"));
    }
  body = batch_of (ops);

  request (&response, "POST", "/api/v1/push", token_coordinator, body);
  assert_error (&response, 413, "too-large");

  after = cursor_now (token_coordinator);
  g_assert_cmpstr (after, ==, cursor);
}

static void
test_auth (void)
{
  static const char *unknown = "0000000000000000000000000000000000000000000000000000000000000000";
  static const char *paths[][2] = {
    { "POST", "/api/v1/push" },
    { "GET", "/api/v1/changes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_auto(Response) missing = { 0 };
      g_auto(Response) wrong = { 0 };
      const char *body = g_str_equal (paths[i][0], "POST")
                           ? "{\"format\": 1, \"device\": \"x\", \"ops\": []}" : NULL;

      request (&missing, paths[i][0], paths[i][1], NULL, body);
      assert_error (&missing, 401, "missing");
      request (&wrong, paths[i][0], paths[i][1], unknown, body);
      assert_error (&wrong, 401, "unknown");
    }

  {
    g_auto(Response) response = { 0 };

    request (&response, "PUT", "/api/v1/changes", token_a, NULL);
    assert_error (&response, 405, NULL);
  }
}

/* Pull */

static void
test_paging (void)
{
  const char *carer = fresh_id ();
  const char *children[4] = { fresh_id (), fresh_id (), fresh_id (), fresh_id () };
  g_autofree char *start = cursor_now (token_p);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *second_next = NULL;
  g_autofree char *cursor = g_strdup (start);
  const guint expected[] = { 2, 2, 1 };

  create (token_p, "carer", carer, "{\"given_name\": \"Mo\"}");
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    {
      g_autofree char *fields = g_strdup_printf ("{\"carer_id\": \"%s\", \"name\": \"N%u\", "
                                                 "\"position\": %u}", carer, i, i);

      create (token_p, "cared_for", children[i], fields);
    }

  for (guint page = 0; page < G_N_ELEMENTS (expected); page++)
    {
      g_auto(Response) response = { 0 };
      JsonArray *records;

      pull (&response, token_p, cursor, "2");
      records = page_records (&response);
      g_assert_cmpuint (json_array_get_length (records), ==, expected[page]);
      g_assert_cmpint (page_more (&response), ==, page < 2);
      for (guint i = 0; i < json_array_get_length (records); i++)
        {
          JsonObject *record = json_array_get_object_element (records, i);

          g_ptr_array_add (seen, g_strdup (json_object_get_string_member (record, "id")));
          g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 1);
          g_assert_cmpstr (json_object_get_string_member (record, "updated_by"), ==, WORKER_P);
        }
      if (page == 1)
        second_next = g_strdup (page_next (&response));

      /* Resuming from a cursor gives the same page again. */
      if (page == 1)
        {
          g_auto(Response) again = { 0 };

          pull (&again, token_p, cursor, "2");
          g_assert_cmpstr (page_next (&again), ==, page_next (&response));
          g_assert_cmpuint (json_array_get_length (page_records (&again)), ==, 2);
        }

      g_free (cursor);
      cursor = g_strdup (page_next (&response));
    }

  /* In the order they were written. */
  g_assert_cmpuint (seen->len, ==, 5);
  g_assert_cmpstr (seen->pdata[0], ==, carer);
  for (guint i = 0; i < G_N_ELEMENTS (children); i++)
    g_assert_cmpstr (seen->pdata[i + 1], ==, children[i]);
  g_assert_cmpstr (second_next, !=, cursor);

  /* Up to date: nothing more. */
  {
    g_auto(Response) response = { 0 };

    pull (&response, token_p, cursor, NULL);
    g_assert_cmpuint (json_array_get_length (page_records (&response)), ==, 0);
    g_assert_false (page_more (&response));
    g_assert_cmpstr (page_next (&response), ==, cursor);
  }
}

static void
test_tombstone (void)
{
  const char *carer = fresh_id ();
  const char *child = fresh_id ();
  g_autofree char *fields = g_strdup_printf ("{\"carer_id\": \"%s\", \"name\": \"Ola\"}", carer);
  const char *op_id = fresh_id ();
  g_autofree char *delete = op (op_id, "cared_for", child, "delete", 1, NULL);
  g_autofree char *cursor = NULL;
  g_auto(Response) response = { 0 };
  JsonObject *record;

  create (token_p, "carer", carer, "{\"given_name\": \"Pat\"}");
  create (token_p, "cared_for", child, fields);
  cursor = cursor_now (token_p);

  push_expect (token_p, delete, op_id, "applied", 2);

  pull (&response, token_p, cursor, NULL);
  g_assert_cmpuint (json_array_get_length (page_records (&response)), ==, 1);
  record = json_array_get_object_element (page_records (&response), 0);
  g_assert_cmpstr (json_object_get_string_member (record, "id"), ==, child);
  g_assert_true (json_object_get_boolean_member (record, "deleted"));
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 2);
  /* The fields stay with the tombstone. */
  g_assert_cmpstr (field (record, "name"), ==, "Ola");
  g_assert_false (json_object_has_member (json_object_get_object_member (record, "fields"),
                                          "deleted"));
}

static void
test_bad_query (void)
{
  static const char *queries[] = {
    "?since=abc", "?since=-1", "?since=+1", "?since=1.5", "?since=%201", "?since=0x10",
    "?since=99999999999999", "?since=99999999999999999999999",
    "?limit=0", "?limit=1001", "?limit=abc", "?limit=", "?limit=-5", "?since=0&limit=2x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autofree char *path = g_strconcat ("/api/v1/changes", queries[i], NULL);
      g_auto(Response) response = { 0 };

      request (&response, "GET", path, token_a, NULL);
      assert_error (&response, 400, "malformed");
    }

  {
    g_auto(Response) response = { 0 };

    /* Empty is the start, like none. */
    pull (&response, token_a, "", "1000");
    pull (&response, token_a, "0", "1");
  }
}

/* Scope */

static void
test_scope_worker (void)
{
  const char *carer = fresh_id ();
  const char *blank = fresh_id ();
  const char *own = fresh_id ();
  const char *op_id = fresh_id ();
  const char *child_op_id = fresh_id ();
  g_autofree char *update = op (op_id, "carer", carer, "update", 1, "{\"phone\": \"0\"}");
  g_autofree char *child_fields = g_strdup_printf ("{\"carer_id\": \"%s\", \"name\": \"Q\"}",
                                                   carer);
  g_autofree char *child = op (child_op_id, "cared_for", fresh_id (), "create", 0, child_fields);
  g_auto(Pulled) pulled_b = { 0 };
  g_autoptr(JsonObject) record = NULL;

  /* A worker's new carer is on their caseload: the server writes it in. */
  create (token_a, "carer", carer, "{\"given_name\": \"Rae\"}");
  record = pull_record (token_a, carer);
  g_assert_nonnull (record);
  g_assert_cmpstr (field (record, "worker"), ==, WORKER_A);
  g_clear_pointer (&record, json_object_unref);
  record = pull_record (token_coordinator, carer);
  g_assert_cmpstr (field (record, "worker"), ==, WORKER_A);
  g_clear_pointer (&record, json_object_unref);

  create (token_a, "carer", blank, "{\"given_name\": \"Sid\", \"worker\": \"\"}");
  record = pull_record (token_a, blank);
  g_assert_cmpstr (field (record, "worker"), ==, WORKER_A);
  g_clear_pointer (&record, json_object_unref);

  create (token_a, "carer", own, "{\"given_name\": \"Tia\", \"worker\": \"" WORKER_A "\"}");

  /* Another worker can neither change it, add to it, nor see it. */
  push_rejected (token_b, update, op_id, NOT_CASELOAD);
  push_rejected (token_b, child, child_op_id, NOT_CASELOAD);
  pull_all (&pulled_b, token_b, NULL);
  g_assert_null (find_record (pulled_b.records, carer));
  g_assert_null (find_record (pulled_b.records, own));
  for (guint i = 0; i < pulled_b.records->len; i++)
    {
      const char *worker = field (pulled_b.records->pdata[i], "worker");

      g_assert_true (worker == NULL || g_str_equal (worker, WORKER_B));
    }

  /* Its own worker can. */
  push_expect (token_a, child, child_op_id, "applied", 1);
}

static void
test_scope_worker_cannot_reassign (void)
{
  const char *carer = fresh_id ();
  const char *ids[4] = { fresh_id (), fresh_id (), fresh_id (), fresh_id () };
  g_autofree char *to_b = op (ids[0], "carer", carer, "update", 1,
                              "{\"worker\": \"" WORKER_B "\"}");
  g_autofree char *to_none = op (ids[1], "carer", carer, "update", 1, "{\"worker\": \"\"}");
  g_autofree char *create_for_b = op (ids[2], "carer", fresh_id (), "create", 0,
                                      "{\"given_name\": \"Uma\", \"worker\": \"" WORKER_B "\"}");
  g_autofree char *to_self = op (ids[3], "carer", carer, "update", 1,
                                 "{\"worker\": \"" WORKER_A "\", \"phone\": \"1\"}");
  g_autoptr(JsonObject) record = NULL;

  create (token_a, "carer", carer, "{\"given_name\": \"Val\"}");
  push_rejected (token_a, to_b, ids[0], REASSIGN);
  push_rejected (token_a, to_none, ids[1], REASSIGN);
  push_rejected (token_a, create_for_b, ids[2], REASSIGN);
  /* Naming themselves is no change. */
  push_expect (token_a, to_self, ids[3], "applied", 2);

  record = pull_record (token_coordinator, carer);
  g_assert_cmpstr (field (record, "worker"), ==, WORKER_A);
}

static void
test_scope_coordinator (void)
{
  const char *of_a = fresh_id ();
  const char *of_b = fresh_id ();
  const char *unassigned = fresh_id ();
  const char *op_id = fresh_id ();
  g_autofree char *update = op (op_id, "carer", of_b, "update", 1, "{\"phone\": \"01\"}");
  g_auto(Pulled) coordinator = { 0 };
  g_auto(Pulled) admin = { 0 };
  g_auto(Pulled) worker_a = { 0 };
  JsonObject *record;

  create (token_a, "carer", of_a, "{\"given_name\": \"Wyn\"}");
  create (token_b, "carer", of_b, "{\"given_name\": \"Xan\"}");
  /* A coordinator's new carer stays unassigned until they give it to someone. */
  create (token_coordinator, "carer", unassigned, "{\"given_name\": \"Yas\"}");
  push_expect (token_coordinator, update, op_id, "applied", 2);

  pull_all (&coordinator, token_coordinator, NULL);
  pull_all (&admin, token_admin, NULL);
  for (guint i = 0; i < 3; i++)
    {
      const char *id = i == 0 ? of_a : i == 1 ? of_b : unassigned;

      g_assert_nonnull (find_record (coordinator.records, id));
      g_assert_nonnull (find_record (admin.records, id));
    }
  record = find_record (coordinator.records, unassigned);
  g_assert_null (field (record, "worker"));
  g_assert_cmpuint (coordinator.removed->len, ==, 0);
  g_assert_cmpuint (coordinator.records->len, ==, admin.records->len);

  /* Nobody's worker receives an unassigned carer. */
  pull_all (&worker_a, token_a, NULL);
  g_assert_null (find_record (worker_a.records, unassigned));
  g_assert_cmpuint (worker_a.records->len, <, coordinator.records->len);

  /* Given to a worker, it arrives whole at their next pull. */
  {
    const char *child = fresh_id ();
    const char *give_id = fresh_id ();
    g_autofree char *fields = g_strdup_printf ("{\"carer_id\": \"%s\", \"name\": \"Ali\"}",
                                               unassigned);
    g_autofree char *give = op (give_id, "carer", unassigned, "update", 1,
                                "{\"worker\": \"" WORKER_B "\"}");
    g_autofree char *cursor_b = NULL;
    g_auto(Pulled) pulled_b = { 0 };

    create (token_coordinator, "cared_for", child, fields);
    cursor_b = cursor_now (token_b);
    push_expect (token_coordinator, give, give_id, "applied", 2);

    pull_all (&pulled_b, token_b, cursor_b);
    g_assert_cmpuint (pulled_b.records->len, ==, 2);
    g_assert_cmpint (index_of (pulled_b.records, unassigned), ==, 0);
    g_assert_cmpint (index_of (pulled_b.records, child), ==, 1);
    g_assert_cmpuint (pulled_b.removed->len, ==, 0);
  }
}

static void
test_scope_carer_account (void)
{
  const char *other = fresh_id ();
  const char *plan = fresh_id ();
  const char *need = fresh_id ();
  const char *assessment = fresh_id ();
  const char *cared_for = fresh_id ();
  const char *emergency = fresh_id ();
  const char *contact = fresh_id ();
  const char *other_plan = fresh_id ();
  g_autofree char *fields = NULL;
  g_auto(Pulled) pulled = { 0 };
  const char *visible[] = { CARER_ID, plan, need, emergency, contact };

  create (token_coordinator, "carer", CARER_ID,
          "{\"given_name\": \"Zoe\", \"worker\": \"" WORKER_A "\"}");
  create (token_coordinator, "carer", other, "{\"given_name\": \"Abe\"}");
  fields = g_strdup_printf ("{\"carer_id\": \"%s\", \"status\": \"agreed\"}", CARER_ID);
  create (token_a, "support_plan", plan, fields);
  g_free (fields);
  fields = g_strdup_printf ("{\"plan_id\": \"%s\", \"need\": \"A break\"}", plan);
  create (token_a, "plan_need", need, fields);
  g_free (fields);
  fields = g_strdup_printf ("{\"carer_id\": \"%s\", \"kind\": \"first\"}", CARER_ID);
  create (token_a, "assessment", assessment, fields);
  g_free (fields);
  fields = g_strdup_printf ("{\"carer_id\": \"%s\", \"name\": \"Bea\"}", CARER_ID);
  create (token_a, "cared_for", cared_for, fields);
  g_free (fields);
  fields = g_strdup_printf ("{\"carer_id\": \"%s\", \"pets\": \"A cat\"}", CARER_ID);
  create (token_a, "emergency_plan", emergency, fields);
  g_free (fields);
  fields = g_strdup_printf ("{\"emergency_plan_id\": \"%s\", \"name\": \"Cal\"}", emergency);
  create (token_a, "emergency_contact", contact, fields);
  g_free (fields);
  fields = g_strdup_printf ("{\"carer_id\": \"%s\", \"status\": \"agreed\"}", other);
  create (token_coordinator, "support_plan", other_plan, fields);

  /* Their own carer record and plan, and nothing else. */
  pull_all (&pulled, token_carer, NULL);
  g_assert_cmpuint (pulled.records->len, ==, G_N_ELEMENTS (visible));
  for (guint i = 0; i < G_N_ELEMENTS (visible); i++)
    g_assert_nonnull (find_record (pulled.records, visible[i]));
  g_assert_cmpuint (pulled.removed->len, ==, 0);

  /* They may comment on their plan and add to it; nothing beyond it, and not their worker. */
  {
    const char *ids[6] = { fresh_id (), fresh_id (), fresh_id (), fresh_id (), fresh_id (),
                                fresh_id () };
    g_autofree char *comment = op (ids[0], "support_plan", plan, "update", 1,
                                   "{\"carer_comments\": \"Thank you\"}");
    g_autofree char *action_fields = g_strdup_printf ("{\"plan_id\": \"%s\", \"what\": \"Ring\"}",
                                                      plan);
    g_autofree char *action = op (ids[1], "plan_action", fresh_id (), "create", 0, action_fields);
    g_autofree char *assess = op (ids[2], "assessment", assessment, "update", 1,
                                  "{\"status\": \"done\"}");
    g_autofree char *others = op (ids[3], "support_plan", other_plan, "update", 1,
                                  "{\"carer_comments\": \"Mine now\"}");
    g_autofree char *worker = op (ids[4], "carer", CARER_ID, "update", 1,
                                  "{\"worker\": \"" WORKER_B "\"}");
    g_autofree char *person_fields = g_strdup_printf ("{\"carer_id\": \"%s\", \"name\": \"D\"}",
                                                      CARER_ID);
    g_autofree char *person = op (ids[5], "cared_for", fresh_id (), "create", 0, person_fields);

    push_expect (token_carer, comment, ids[0], "applied", 2);
    push_expect (token_carer, action, ids[1], "applied", 1);
    push_rejected (token_carer, assess, ids[2], OWN_PLAN);
    push_rejected (token_carer, others, ids[3], OWN_PLAN);
    push_rejected (token_carer, worker, ids[4], OWN_PLAN);
    push_rejected (token_carer, person, ids[5], OWN_PLAN);
  }
}

static void
test_scope_reassign (void)
{
  const char *carer = fresh_id ();
  const char *plan = fresh_id ();
  const char *need = fresh_id ();
  const char *assessment = fresh_id ();
  const char *answer = fresh_id ();
  const char *cared_for = fresh_id ();
  g_autofree char *fields = NULL;
  g_autofree char *cursor_a = NULL;
  g_autofree char *cursor_b = NULL;
  const char *op_id = fresh_id ();
  g_autofree char *give = op (op_id, "carer", carer, "update", 1,
                              "{\"worker\": \"" WORKER_B "\"}");
  g_auto(Pulled) pulled_a = { 0 };
  g_auto(Pulled) pulled_b = { 0 };
  /* In the order of cf_entities_get_all(), parents before children, not push order. */
  const char *order[] = { carer, cared_for, assessment, answer, plan, need };

  create (token_a, "carer", carer, "{\"given_name\": \"Eli\"}");
  fields = g_strdup_printf ("{\"carer_id\": \"%s\"}", carer);
  create (token_a, "support_plan", plan, fields);
  g_free (fields);
  fields = g_strdup_printf ("{\"plan_id\": \"%s\", \"need\": \"Sleep\"}", plan);
  create (token_a, "plan_need", need, fields);
  g_free (fields);
  fields = g_strdup_printf ("{\"carer_id\": \"%s\"}", carer);
  create (token_a, "assessment", assessment, fields);
  g_free (fields);
  fields = g_strdup_printf ("{\"assessment_id\": \"%s\", \"question\": \"q1\"}", assessment);
  create (token_a, "assessment_answer", answer, fields);
  g_free (fields);
  fields = g_strdup_printf ("{\"carer_id\": \"%s\", \"name\": \"Fay\"}", carer);
  create (token_a, "cared_for", cared_for, fields);

  cursor_a = cursor_now (token_a);
  cursor_b = cursor_now (token_b);

  push_expect (token_coordinator, give, op_id, "applied", 2);

  /* The old worker's next pull says the carer left; none of its records come. */
  pull_all (&pulled_a, token_a, cursor_a);
  g_assert_cmpuint (pulled_a.removed->len, ==, 1);
  g_assert_cmpstr (pulled_a.removed->pdata[0], ==, carer);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_null (find_record (pulled_a.records, order[i]));

  /* Once told, not again. */
  {
    g_auto(Pulled) again = { 0 };

    pull_all (&again, token_a, pulled_a.next);
    g_assert_cmpuint (again.removed->len, ==, 0);
  }

  /* The new worker's next pull has the carer and everything of theirs, parents first,
   * though the cursor was past all of it. */
  pull_all (&pulled_b, token_b, cursor_b);
  g_assert_cmpuint (pulled_b.removed->len, ==, 0);
  g_assert_cmpuint (pulled_b.records->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpint (index_of (pulled_b.records, order[i]), ==, i);
  g_assert_cmpstr (field (pulled_b.records->pdata[0], "worker"), ==, WORKER_B);
  g_assert_cmpint (json_object_get_int_member (pulled_b.records->pdata[0], "version"), ==, 2);
  /* Moved, not changed. */
  for (guint i = 1; i < G_N_ELEMENTS (order); i++)
    {
      g_assert_cmpint (json_object_get_int_member (pulled_b.records->pdata[i], "version"), ==,
                       1);
      g_assert_cmpstr (json_object_get_string_member (pulled_b.records->pdata[i], "updated_by"),
                       ==, WORKER_A);
    }

  /* Now it is the new worker's to change, and no longer the old one's. */
  {
    const char *ids[2] = { fresh_id (), fresh_id () };
    g_autofree char *by_a = op (ids[0], "cared_for", cared_for, "update", 1, "{\"notes\": \"a\"}");
    g_autofree char *by_b = op (ids[1], "cared_for", cared_for, "update", 1, "{\"notes\": \"b\"}");

    push_rejected (token_a, by_a, ids[0], NOT_CASELOAD);
    push_expect (token_b, by_b, ids[1], "applied", 2);
  }

  /* Given back: the first worker receives it all again, and is not told it left. */
  {
    const char *back_id = fresh_id ();
    g_autofree char *back = op (back_id, "carer", carer, "update", 2,
                                "{\"worker\": \"" WORKER_A "\"}");
    g_auto(Pulled) back_a = { 0 };
    g_auto(Pulled) back_b = { 0 };

    push_expect (token_coordinator, back, back_id, "applied", 3);
    pull_all (&back_a, token_a, pulled_a.next);
    g_assert_cmpuint (back_a.removed->len, ==, 0);
    g_assert_cmpuint (back_a.records->len, ==, G_N_ELEMENTS (order));
    g_assert_cmpint (index_of (back_a.records, carer), ==, 0);

    pull_all (&back_b, token_b, pulled_b.next);
    g_assert_cmpuint (back_b.removed->len, ==, 1);
    g_assert_cmpstr (back_b.removed->pdata[0], ==, carer);
    g_assert_cmpuint (back_b.records->len, ==, 0);
  }

  /* A device of the first worker that slept through both moves is not told to remove a
   * carer who is theirs again: it just receives the records. */
  {
    g_auto(Pulled) slept = { 0 };

    pull_all (&slept, token_a, cursor_a);
    g_assert_cmpuint (slept.removed->len, ==, 0);
    g_assert_cmpint (index_of (slept.records, carer), ==, 0);
    g_assert_cmpuint (slept.records->len, ==, G_N_ELEMENTS (order));
  }
}

/* The audit trail */

/* One audit entry as a laptop sends it. */
static char *
audit_entry (const char *id,
             const char *at,
             const char *action,
             const char *record_id,
             const char *detail)
{
  return g_strdup_printf ("{\"id\": \"%s\", \"at\": \"%s\", \"user_name\": \"" AUDIT_USER "\", "
                          "\"device_id\": \"" AUDIT_LAPTOP "\", \"action\": \"%s\", "
                          "\"entity\": \"carer\", \"record_id\": \"%s\", \"detail\": \"%s\"}",
                          id, at, action, record_id, detail);
}

/* A batch of the entries (JSON texts) up to a NULL. */
static char *
audit_batch (const char *first,
             ...)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": 1, \"entries\": [");
  guint n = 0;
  va_list args;

  va_start (args, first);
  for (const char *entry = first; entry != NULL; entry = va_arg (args, const char *))
    g_string_append_printf (text, "%s%s", n++ > 0 ? ", " : "", entry);
  va_end (args);
  g_string_append (text, "]}");

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Sends @body to POST /api/v1/audit, asserts a 200, and returns how many were stored. */
static gint64
send_audit (const char *token,
            const char *body)
{
  g_auto(Response) response = { 0 };
  JsonObject *object;

  request (&response, "POST", "/api/v1/audit", token, body);
  g_assert_cmpuint (response.status, ==, 200);
  object = response_object (&response);
  g_assert_cmpint (json_object_get_int_member (object, "format"), ==, 1);
  return json_object_get_int_member (object, "stored");
}

/* Runs `carefield-server ARGS… --data DIR` and returns what it printed. */
static char *
cli_output (const char *first_arg,
            ...)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("CAREFIELD_SERVER"));
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, "--data");
  g_ptr_array_add (argv, server.data_dir);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  return out;
}

/* `audit list --json` with the given filters: the entries, as JSON objects. */
static JsonNode *
audit_list (const char *first_arg,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  JsonNode *list;
  va_list args;

  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  while (argv->len < 6)
    g_ptr_array_add (argv, NULL);

  out = cli_output ("audit", "list", "--json", argv->pdata[0], argv->pdata[1], argv->pdata[2],
                    argv->pdata[3], argv->pdata[4], argv->pdata[5], NULL);
  list = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (list));
  return list;
}

/* Signs in as @user from a device of its own; returns the token and the device's number. */
static char *
sign_in_device (const char *user,
                gint64     *device_id)
{
  g_auto(Response) response = { 0 };
  g_autofree char *body = g_strdup_printf ("{\"user\": \"%s\", \"password\": \"%s\", "
                                           "\"device_name\": \"audit laptop\"}",
                                           user, PASSWORD);
  char *token;

  request (&response, "POST", "/api/v1/session", NULL, body);
  g_assert_cmpuint (response.status, ==, 201);
  token = g_strdup (json_object_get_string_member (response_object (&response), "token"));
  *device_id = json_object_get_int_member (response_object (&response), "device_id");
  g_ptr_array_add (tokens_seen, g_strdup (token));
  return token;
}

static void
test_audit_store_and_repeat (void)
{
  const char *record = fresh_id ();
  const char *ids[4] = { fresh_id (), fresh_id (), fresh_id (), fresh_id () };
  g_autofree char *view = audit_entry (ids[0], "2026-11-18T10:30:00Z", "view", record, "");
  g_autofree char *change = audit_entry (ids[1], "2026-11-18T10:31:00Z", "change", record,
                                         "phone, email");
  g_autofree char *print = audit_entry (ids[2], "2026-11-18T10:32:00Z", "print", record,
                                        "support plan");
  g_autofree char *unlock = audit_entry (ids[3], "2026-11-18T10:33:00Z", "unlock", "", "");
  g_autofree char *first = audit_batch (view, change, print, NULL);
  g_autofree char *again = audit_batch (print, unlock, view, NULL);
  g_autofree char *none = audit_batch (NULL);
  g_autoptr(JsonNode) list = NULL;

  g_assert_cmpint (send_audit (token_a, first), ==, 3);

  /* The same batch again (its answer lost on the way): nothing new, and no second copy. */
  g_assert_cmpint (send_audit (token_a, first), ==, 0);
  /* Only what is new counts, whichever device sends the rest. */
  g_assert_cmpint (send_audit (token_b, again), ==, 1);
  g_assert_cmpint (send_audit (token_a, none), ==, 0);

  list = audit_list ("--record", record, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 3);
}

static void
test_audit_too_many (void)
{
  g_autoptr(GString) body = g_string_new ("{\"format\": 1, \"entries\": [");
  g_auto(Response) response = { 0 };
  const char *record = fresh_id ();
  const char *first_id = NULL;

  for (guint i = 0; i < 5001; i++)
    {
      const char *id = fresh_id ();
      g_autofree char *entry = audit_entry (id, "2026-11-18T10:30:00Z", "view", record, "");

      if (first_id == NULL)
        first_id = id;
      g_string_append_printf (body, "%s%s", i > 0 ? ", " : "", entry);
    }
  g_string_append (body, "]}");

  request (&response, "POST", "/api/v1/audit", token_a, body->str);
  assert_error (&response, 413, "too-large");

  /* Nothing of it was kept: its first entry, sent alone, is new. */
  {
    g_autofree char *entry = audit_entry (first_id, "2026-11-18T10:30:00Z", "view", record, "");
    g_autofree char *one = audit_batch (entry, NULL);

    g_assert_cmpint (send_audit (token_a, one), ==, 1);
  }
}

static void
test_audit_bad_entry (void)
{
  const char *record = fresh_id ();
  g_autofree char *long_detail = g_strnfill (1001, 'x');
  g_autofree char *full_detail = g_strnfill (1000, 'x');
  g_autofree char *number = g_strdup_printf ("{\"id\": \"%s\", \"at\": \"2026-11-18T10:30:00Z\", "
                                             "\"user_name\": \"" AUDIT_USER "\", \"device_id\": "
                                             "\"" AUDIT_LAPTOP "\", \"action\": \"view\", "
                                             "\"entity\": \"carer\", \"record_id\": \"%s\", "
                                             "\"detail\": 5}", fresh_id (), record);
  g_autofree char *no_id = g_strdup_printf ("{\"at\": \"2026-11-18T10:30:00Z\", "
                                            "\"user_name\": \"" AUDIT_USER "\", \"device_id\": "
                                            "\"" AUDIT_LAPTOP "\", \"action\": \"view\", "
                                            "\"entity\": \"carer\", \"record_id\": \"%s\", "
                                            "\"detail\": \"\"}", record);
  g_autofree char *overlong = audit_entry (fresh_id (), "2026-11-18T10:30:00Z", "change", record,
                                           long_detail);
  g_autofree char *bad_id = audit_entry ("not an id", "2026-11-18T10:30:00Z", "view", record, "");
  g_autofree char *null_record =
    g_strdup_printf ("{\"id\": \"%s\", \"at\": \"2026-11-18T10:30:00Z\", "
                     "\"user_name\": \"" AUDIT_USER "\", \"device_id\": \"" AUDIT_LAPTOP "\", "
                     "\"action\": \"view\", \"entity\": \"carer\", \"record_id\": null, "
                     "\"detail\": \"\"}", fresh_id ());
  const struct
  {
    const char *entry;
    const char *named;
  } cases[] = {
    { number, "detail" },
    { no_id, "id" },
    { overlong, "detail" },
    { bad_id, "id" },
    { null_record, "record_id" },
    { "17", NULL },
  };
  const char *good_id = fresh_id ();
  g_autofree char *good = audit_entry (good_id, "2026-11-18T10:30:00Z", "view", record, "");
  g_autofree char *fits = audit_entry (fresh_id (), "2026-11-18T10:30:00Z", "change", record,
                                       full_detail);
  g_autofree char *fits_batch = audit_batch (fits, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Response) response = { 0 };
      g_autofree char *body = audit_batch (good, good, cases[i].entry, NULL);
      const char *message;

      /* The bad entry is the third: the message names it, and what is wrong. */
      request (&response, "POST", "/api/v1/audit", token_a, body);
      assert_error (&response, 400, "malformed");
      message = json_object_get_string_member (response_object (&response), "error");
      g_test_message ("bad entry %u: %s", i, message);
      g_assert_nonnull (strstr (message, "entry 2"));
      if (cases[i].named != NULL)
        g_assert_nonnull (strstr (message, cases[i].named));
    }

  /* The envelope. */
  {
    static const struct
    {
      const char *body;
      const char *reason;
    } envelopes[] = {
      { "not json", "malformed" },
      { "[]", "malformed" },
      { "{\"entries\": []}", "malformed" },
      { "{\"format\": 1}", "malformed" },
      { "{\"format\": 1, \"entries\": {}}", "malformed" },
      { "{\"format\": 1, \"entries\": [010]}", "malformed" },
      { "{\"format\": 2, \"entries\": []}", "unsupported-format" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (envelopes); i++)
      {
        g_auto(Response) response = { 0 };

        request (&response, "POST", "/api/v1/audit", token_a, envelopes[i].body);
        assert_error (&response, 400, envelopes[i].reason);
      }
  }

  /* Nothing of any refused batch was stored: the good entry, alone, is new. A detail of
   * exactly 1000 bytes is within the limit. */
  {
    g_autofree char *alone = audit_batch (good, NULL);

    g_assert_cmpint (send_audit (token_a, alone), ==, 1);
    g_assert_cmpint (send_audit (token_a, fits_batch), ==, 1);
  }
}

static void
test_audit_auth (void)
{
  static const char *unknown = "0000000000000000000000000000000000000000000000000000000000000000";
  g_autofree char *entry = audit_entry (fresh_id (), "2026-11-18T10:30:00Z", "view", "", "");
  g_autofree char *body = audit_batch (entry, NULL);
  g_auto(Response) missing = { 0 };
  g_auto(Response) wrong = { 0 };
  g_auto(Response) method = { 0 };

  request (&missing, "POST", "/api/v1/audit", NULL, body);
  assert_error (&missing, 401, "missing");
  request (&wrong, "POST", "/api/v1/audit", unknown, body);
  assert_error (&wrong, 401, "unknown");
  request (&method, "GET", "/api/v1/audit", token_a, NULL);
  assert_error (&method, 405, NULL);

  /* Refused, so not stored: sent properly, it is new. */
  g_assert_cmpint (send_audit (token_a, body), ==, 1);
}

static void
test_audit_append_only (void)
{
  const char *record = fresh_id ();
  const char *ids[2] = { fresh_id (), fresh_id () };
  g_autofree char *view = audit_entry (ids[0], "2026-11-18T10:30:00Z", "view", record, "");
  g_autofree char *export = audit_entry (ids[1], "2026-11-18T10:31:00Z", "export", record, "pdf");
  g_autofree char *body = audit_batch (view, export, NULL);
  /* RECORD stands for the record's id. */
  static const char *refused[] = {
    "UPDATE audit SET detail = 'nothing to see' WHERE record_id = 'RECORD'",
    "UPDATE audit SET server_user = 'someone else' WHERE record_id = 'RECORD'",
    "DELETE FROM audit WHERE record_id = 'RECORD'",
    "DELETE FROM audit WHERE record_id = 'RECORD' OR 1 = 1",
  };
  /* Another entry under the same id, or the same entry again: nothing changes. */
  static const char *skipped[] = {
    "INSERT OR REPLACE INTO audit (id, received_at, server_user, device_id, at, user_name, "
    "laptop_device, action, entity, record_id, detail) SELECT id, received_at, 'someone else', "
    "device_id, at, user_name, laptop_device, 'list', entity, '', 'nothing to see' FROM audit "
    "WHERE record_id = 'RECORD'",
    "REPLACE INTO audit SELECT * FROM audit WHERE record_id = 'RECORD'",
    "INSERT OR IGNORE INTO audit SELECT * FROM audit WHERE record_id = 'RECORD'",
  };

  g_assert_cmpint (send_audit (token_coordinator, body), ==, 2);

  server_stop (&server, FALSE);
  {
    g_autoptr(CfServerStore) store = open_store (&server);
    g_autoptr(GPtrArray) before = NULL;
    g_autoptr(GPtrArray) after = NULL;
    g_autoptr(GError) error = NULL;
    CfServerAuditEntry *entry;

    before = cf_server_store_list_audit (store, record, NULL, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (before->len, ==, 2);
    entry = before->pdata[0];
    g_assert_cmpstr (entry->id, ==, ids[0]);
    g_assert_cmpstr (entry->server_user, ==, COORDINATOR);
    g_assert_cmpint (entry->device_id, >, 0);
    g_assert_cmpstr (entry->received_at, !=, "");
    g_assert_cmpstr (entry->user_name, ==, AUDIT_USER);
    g_assert_cmpstr (entry->laptop_device, ==, AUDIT_LAPTOP);
    g_assert_cmpstr (entry->action, ==, "view");
    g_assert_cmpstr (((CfServerAuditEntry *) before->pdata[1])->detail, ==, "pdf");

    /* With the database and its key, in SQL: no change, no removal, no replacement. */
    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autoptr(GString) sql = g_string_new (refused[i]);

        g_string_replace (sql, "RECORD", record, 0);
        g_assert_false (cf_server_sqlite_exec (CF_SERVER_SQLITE (store), sql->str, &error));
        g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_FAILED);
        g_assert_nonnull (strstr (error->message, "cannot be changed"));
        g_clear_error (&error);
      }
    for (guint i = 0; i < G_N_ELEMENTS (skipped); i++)
      {
        g_autoptr(GString) sql = g_string_new (skipped[i]);

        g_string_replace (sql, "RECORD", record, 0);
        g_assert_true (cf_server_sqlite_exec (CF_SERVER_SQLITE (store), sql->str, &error));
        g_assert_no_error (error);
      }

    after = cf_server_store_list_audit (store, record, NULL, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (after->len, ==, 2);
    for (guint i = 0; i < after->len; i++)
      {
        CfServerAuditEntry *was = before->pdata[i];
        CfServerAuditEntry *is = after->pdata[i];

        g_assert_cmpstr (is->id, ==, was->id);
        g_assert_cmpstr (is->received_at, ==, was->received_at);
        g_assert_cmpstr (is->server_user, ==, was->server_user);
        g_assert_cmpint (is->device_id, ==, was->device_id);
        g_assert_cmpstr (is->action, ==, was->action);
        g_assert_cmpstr (is->record_id, ==, was->record_id);
        g_assert_cmpstr (is->detail, ==, was->detail);
      }
  }
  server_start (&server);
}

static void
test_audit_cli (void)
{
  const char *record = fresh_id ();
  const char *ids[4] = { fresh_id (), fresh_id (), fresh_id (), fresh_id () };
  /* Sent out of order: the list is in the order things happened. */
  g_autofree char *second = audit_entry (ids[1], "2026-11-18T10:31:00Z", "change", record,
                                         "phone");
  g_autofree char *first = audit_entry (ids[0], "2026-11-18T10:30:00Z", "create", record, "");
  g_autofree char *third = audit_entry (ids[2], "2026-11-18T10:32:00Z", "print", record,
                                        "support plan");
  g_autofree char *elsewhere = audit_entry (ids[3], "2026-11-18T10:33:00Z", "view", fresh_id (),
                                            "");
  g_autofree char *from_b = audit_batch (second, first, elsewhere, NULL);
  g_autofree char *from_a = audit_batch (third, NULL);
  g_autofree char *token = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) newest = NULL;
  g_autoptr(JsonNode) only_a = NULL;
  JsonArray *array;
  JsonObject *entry;
  gint64 device_id = 0;

  token = sign_in_device (WORKER_B, &device_id);
  g_assert_cmpint (send_audit (token, from_b), ==, 3);
  g_assert_cmpint (send_audit (token_a, from_a), ==, 1);

  all = audit_list ("--record", record, NULL);
  array = json_node_get_array (all);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, i),
                                                    "id"), ==, ids[i]);

  /* Every column, with who sent it from where. */
  entry = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "server_user"), ==, WORKER_B);
  g_assert_cmpint (json_object_get_int_member (entry, "device_id"), ==, device_id);
  g_assert_cmpstr (json_object_get_string_member (entry, "received_at"), !=, "");
  g_assert_cmpstr (json_object_get_string_member (entry, "at"), ==, "2026-11-18T10:30:00Z");
  g_assert_cmpstr (json_object_get_string_member (entry, "user_name"), ==, AUDIT_USER);
  g_assert_cmpstr (json_object_get_string_member (entry, "laptop_device"), ==, AUDIT_LAPTOP);
  g_assert_cmpstr (json_object_get_string_member (entry, "action"), ==, "create");
  g_assert_cmpstr (json_object_get_string_member (entry, "entity"), ==, "carer");
  g_assert_cmpstr (json_object_get_string_member (entry, "record_id"), ==, record);
  g_assert_cmpstr (json_object_get_string_member (entry, "detail"), ==, "");
  entry = json_array_get_object_element (array, 2);
  g_assert_cmpstr (json_object_get_string_member (entry, "server_user"), ==, WORKER_A);
  g_assert_cmpstr (json_object_get_string_member (entry, "detail"), ==, "support plan");

  /* --limit keeps the newest; --user only that server user's. */
  newest = audit_list ("--record", record, "--limit", "2", NULL);
  array = json_node_get_array (newest);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "id"), ==, ids[1]);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1),
                                                  "id"), ==, ids[2]);
  only_a = audit_list ("--record", record, "--user", WORKER_A, NULL);
  array = json_node_get_array (only_a);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "id"), ==, ids[2]);
  {
    g_autoptr(JsonNode) both = audit_list ("--user", WORKER_B, "--record", record, NULL);

    g_assert_cmpuint (json_array_get_length (json_node_get_array (both)), ==, 2);
  }

  /* For a person: one line each, with the server user, the laptop's user, what and to what. */
  text = cli_output ("audit", "list", "--record", record, NULL);
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 5);
    g_assert_true (g_str_has_prefix (lines[0], "2026-11-18T10:30:00Z"));
    g_assert_nonnull (strstr (lines[0], WORKER_B));
    g_assert_nonnull (strstr (lines[0], AUDIT_USER));
    g_assert_nonnull (strstr (lines[0], "create"));
    g_assert_nonnull (strstr (lines[0], "carer"));
    g_assert_nonnull (strstr (lines[0], record));
    g_assert_nonnull (strstr (lines[2], WORKER_A));
    g_assert_nonnull (strstr (lines[2], "print"));
    g_assert_cmpstr (lines[3], ==, "3 entries");
  }
}

/* Durability and failure */

static void
test_durability (void)
{
  const char *carer = fresh_id ();
  const char *ids[3] = { fresh_id (), fresh_id (), fresh_id () };
  g_autofree char *create_op = op (ids[0], "carer", carer, "create", 0,
                                   "{\"given_name\": \"Gus\"}");
  g_autofree char *first_op = op (ids[1], "carer", carer, "update", 1, "{\"phone\": \"1\"}");
  g_autofree char *second_op = op (ids[2], "carer", carer, "update", 2, "{\"phone\": \"2\"}");
  g_autofree char *created = push_one (token_a, create_op);
  g_autofree char *first = push_one (token_a, first_op);
  g_autofree char *second = push_one (token_a, second_op);
  g_autofree char *cursor = cursor_now (token_a);
  g_autoptr(JsonObject) record = NULL;

  /* No clean shutdown: whatever a push was told is on disk. */
  server_stop (&server, TRUE);
  server_start (&server);

  record = pull_record (token_a, carer);
  g_assert_nonnull (record);
  g_assert_cmpstr (field (record, "given_name"), ==, "Gus");
  g_assert_cmpstr (field (record, "phone"), ==, "2");
  g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 3);

  /* And so is every result given: the same op_ids get the same answers, and change nothing
   * (the first update, merged again, would now be a conflict). */
  {
    g_autofree char *created_again = push_one (token_a, create_op);
    g_autofree char *first_again = push_one (token_a, first_op);
    g_autofree char *second_again = push_one (token_a, second_op);
    g_autofree char *after = cursor_now (token_a);

    g_assert_cmpstr (created_again, ==, created);
    g_assert_cmpstr (first_again, ==, first);
    g_assert_cmpstr (second_again, ==, second);
    g_assert_cmpstr (after, ==, cursor);
  }
}

/* Runs @sql on the stopped server's store. */
static void
store_exec (const char *sql)
{
  g_autoptr(CfServerStore) store = open_store (&server);
  g_autoptr(GError) error = NULL;

  g_assert_true (cf_server_sqlite_exec (CF_SERVER_SQLITE (store), sql, &error));
  g_assert_no_error (error);
}

static void
test_storage_error (void)
{
  const char *damaged = fresh_id ();
  const char *fresh = fresh_id ();
  const char *ids[2] = { fresh_id (), fresh_id () };
  g_autofree char *create_op = op (ids[0], "carer", fresh, "create", 0,
                                   "{\"given_name\": \"Hoa\"}");
  g_autofree char *update = op (ids[1], "carer", damaged, "update", 1, "{\"phone\": \"9\"}");
  g_autofree char *state = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GString) quoted = NULL;
  gint64 last_seq;

  create (token_a, "carer", damaged, "{\"given_name\": \"Ian\"}");

  server_stop (&server, FALSE);
  {
    g_autoptr(CfServerStore) store = open_store (&server);
    g_autoptr(CfServerRecord) record = NULL;
    g_autoptr(GError) error = NULL;

    record = cf_server_store_lookup_record (store, "carer", damaged, &error);
    g_assert_no_error (error);
    state = g_strdup (record->state);
    last_seq = cf_server_store_get_last_seq (store, &error);
    g_assert_no_error (error);
  }
  sql = g_strdup_printf ("UPDATE records SET state = '{\"broken' WHERE id = '%s'", damaged);
  store_exec (sql);
  server_start (&server);

  /* The store fails on the second operation: 500, saying nothing of the server's insides. */
  {
    g_autoptr(GPtrArray) ops = g_ptr_array_new ();
    g_autofree char *body = NULL;
    g_auto(Response) response = { 0 };
    const char *message;

    g_ptr_array_add (ops, create_op);
    g_ptr_array_add (ops, update);
    body = batch_of (ops);
    request (&response, "POST", "/api/v1/push", token_a, body);
    assert_error (&response, 500, NULL);
    message = json_object_get_string_member (response_object (&response), "error");
    g_assert_null (strstr (message, "state"));
    g_assert_null (strstr (message, "SQL"));
    g_assert_null (strstr (message, "record"));
    g_assert_false (json_object_has_member (response_object (&response), "reason"));
  }

  /* The same damage in a pull is a 500 too; other pulls go on. */
  {
    g_auto(Response) damaged_pull = { 0 };
    g_auto(Response) other_pull = { 0 };

    request (&damaged_pull, "GET", "/api/v1/changes", token_a, NULL);
    assert_error (&damaged_pull, 500, NULL);
    pull (&other_pull, token_p, NULL, NULL);
  }

  /* Nothing of the batch was kept, not even the operation before the failure. */
  server_stop (&server, FALSE);
  {
    g_autoptr(CfServerStore) store = open_store (&server);
    g_autoptr(CfServerRecord) record = NULL;
    g_autoptr(GError) error = NULL;

    record = cf_server_store_lookup_record (store, "carer", fresh, &error);
    g_assert_error (error, CF_SERVER_STORE_ERROR, CF_SERVER_STORE_ERROR_NOT_FOUND);
    g_assert_null (record);
    g_clear_error (&error);
    g_assert_cmpint (cf_server_store_get_last_seq (store, &error), ==, last_seq);
    g_assert_no_error (error);
  }
  quoted = g_string_new (state);
  g_string_replace (quoted, "'", "''", 0);
  g_free (sql);
  sql = g_strdup_printf ("UPDATE records SET state = '%s' WHERE id = '%s'", quoted->str,
                         damaged);
  store_exec (sql);
  server_start (&server);

  /* Its result was not kept either: on its own it is applied afresh. */
  push_expect (token_a, create_op, ids[0], "applied", 1);
  {
    g_autoptr(JsonObject) record = pull_record (token_a, damaged);

    g_assert_cmpstr (field (record, "given_name"), ==, "Ian");
  }
}

static void
test_survived (void)
{
  g_autofree char *log = NULL;
  g_auto(Response) response = { 0 };
  static const char *personal[] = {
    "Ada", "01234 567890", "Rae", "Zoe", "A break", CARER_ID, WORKER_A, WORKER_B, WORKER_P,
    COORDINATOR, ADMIN, CARER_USER, PASSWORD, AUDIT_USER, AUDIT_LAPTOP,
  };

  request (&response, "GET", "/api/v1/health", NULL, NULL);
  g_assert_cmpuint (response.status, ==, 200);

  /* One line per request, and nothing personal in any of them. */
  log = server_log (&server);
  g_assert_nonnull (strstr (log, "POST /api/v1/push 200 "));
  g_assert_nonnull (strstr (log, "POST /api/v1/push 400 "));
  g_assert_nonnull (strstr (log, "POST /api/v1/push 413 "));
  g_assert_nonnull (strstr (log, "POST /api/v1/push 500 "));
  g_assert_nonnull (strstr (log, "GET /api/v1/changes 200 "));
  g_assert_nonnull (strstr (log, "GET /api/v1/changes 400 "));
  g_assert_nonnull (strstr (log, "POST /api/v1/audit 200 "));
  g_assert_nonnull (strstr (log, "POST /api/v1/audit 400 "));
  g_assert_nonnull (strstr (log, "POST /api/v1/audit 401 "));
  g_assert_nonnull (strstr (log, "POST /api/v1/audit 413 "));
  g_assert_null (strstr (log, "since="));
  g_assert_null (strstr (log, "CRITICAL"));
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    g_assert_null (strstr (log, personal[i]));
  for (guint i = 0; i < tokens_seen->len; i++)
    g_assert_null (strstr (log, tokens_seen->pdata[i]));
}

/* Benchmark: 20,000 carers of 25 records each, in 1000-operation pushes, then pages of 500.
 * Run with: test-server-sync -m perf -p /server-sync/perf/bench */

#define BENCH_CARERS      20000
#define BENCH_PER_CARER   25
#define BENCH_BIG_CARERS  5000
#define BENCH_SMALL_EVERY 150

static const struct
{
  const char *entity;
  const char *parent;   /* "carer" for carer_id, or the index of the parent in this list */
  guint       count;
} bench_shape[] = {
  { "carer", NULL, 1 },
  { "cared_for", "carer_id", 2 },
  { "carer_event", "carer_id", 5 },
  { "assessment", "carer_id", 1 },
  { "assessment_answer", "assessment_id", 8 },
  { "support_plan", "carer_id", 1 },
  { "plan_need", "plan_id", 3 },
  { "plan_action", "plan_id", 2 },
  { "emergency_plan", "carer_id", 1 },
  { "review", "carer_id", 1 },
};

static const char *
bench_worker (guint carer)
{
  static char name[32];

  if (carer < BENCH_BIG_CARERS)
    return "bench-big";
  g_snprintf (name, sizeof name, "bench-w%03u", (carer - BENCH_BIG_CARERS) % BENCH_SMALL_EVERY);
  return name;
}

/* The operations creating carer @n and its records, as a carer's laptop would: every field
 * of a create, here a realistic handful. */
static void
bench_add_carer (GPtrArray *ops,
                 guint      n)
{
  char carer[64];
  char assessment[64];
  char plan[64];

  g_snprintf (carer, sizeof carer, "bench-%06u-carer", n);
  g_snprintf (assessment, sizeof assessment, "bench-%06u-assessment-0", n);
  g_snprintf (plan, sizeof plan, "bench-%06u-support_plan-0", n);

  for (guint s = 0; s < G_N_ELEMENTS (bench_shape); s++)
    {
      for (guint i = 0; i < bench_shape[s].count; i++)
        {
          g_autofree char *id = NULL;
          g_autofree char *op_id = g_strdup_printf ("bench-op-%06u-%s-%u", n,
                                                    bench_shape[s].entity, i);
          g_autofree char *fields = NULL;

          if (s == 0)
            {
              id = g_strdup (carer);
              fields = g_strdup_printf ("{\"reference\": \"C%06u\", \"given_name\": \"Given%u\", "
                                        "\"family_name\": \"Family%u\", \"postcode\": \"AB1 2CD\", "
                                        "\"phone\": \"01234 %06u\", \"status\": \"open\", "
                                        "\"priority\": \"medium\", \"rural_isolated\": true, "
                                        "\"worker\": \"%s\"}", n, n, n, n, bench_worker (n));
            }
          else
            {
              const char *parent = g_str_equal (bench_shape[s].parent, "assessment_id")
                                     ? assessment
                                     : g_str_equal (bench_shape[s].parent, "plan_id") ? plan
                                                                                      : carer;

              id = g_strdup_printf ("bench-%06u-%s-%u", n, bench_shape[s].entity, i);
              fields = g_strdup_printf ("{\"%s\": \"%s\", \"notes\": \"Some notes about "
                                        "record %u of carer %u, long enough to be a "
                                        "sentence.\", \"position\": %u}",
                                        bench_shape[s].parent, parent, i, n, i);
            }
          g_ptr_array_add (ops, op (op_id, bench_shape[s].entity, id, "create", 0, fields));
        }
    }
}

static double
bench_time (gint64 started)
{
  return (g_get_monotonic_time () - started) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
bench_report (const char *what,
              GArray     *times)
{
  double total = 0;

  g_array_sort (times, compare_doubles);
  for (guint i = 0; i < times->len; i++)
    total += g_array_index (times, double, i);
  g_test_message ("%s: n=%u min=%.1fms median=%.1fms p95=%.1fms max=%.1fms total=%.1fs",
                  what, times->len, g_array_index (times, double, 0),
                  g_array_index (times, double, times->len / 2),
                  g_array_index (times, double, (times->len * 95) / 100),
                  g_array_index (times, double, times->len - 1), total / 1000.0);
}

static void
bench_pull (Server     *target,
            const char *what,
            const char *token,
            guint       max_pages)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *cursor = g_strdup ("");
  guint records = 0;

  for (guint page = 0; page < max_pages; page++)
    {
      g_auto(Response) response = { 0 };
      gint64 started = g_get_monotonic_time ();
      double ms;

      pull_to (target, &response, token, cursor, "500");
      ms = bench_time (started);
      g_array_append_val (times, ms);
      records += json_array_get_length (page_records (&response));
      g_free (cursor);
      cursor = g_strdup (page_next (&response));
      if (!page_more (&response))
        break;
    }

  g_test_message ("%s: %u records", what, records);
  bench_report (what, times);
}

static void
test_bench (void)
{
  Server bench = { 0 };
  g_autofree char *token_coord = NULL;
  g_autofree char *token_big = NULL;
  g_autofree char *token_small = NULL;
  g_autoptr(GArray) push_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func (g_free);
  guint per_batch = 1000 / BENCH_PER_CARER;

  if (!g_test_perf ())
    {
      g_test_skip ("A benchmark: run with -m perf");
      return;
    }

  bench.data_dir = g_strdup_printf ("%s/bench-data", work_dir);
  run_cli (bench.data_dir, "init", NULL);
  run_cli (bench.data_dir, "user", "add", "bench-coord", "--role", "coordinator", NULL);
  run_cli (bench.data_dir, "user", "add", "bench-big", "--role", "worker", NULL);
  run_cli (bench.data_dir, "user", "add", "bench-w000", "--role", "worker", NULL);
  server_start (&bench);
  token_coord = sign_in_to (&bench, "bench-coord");
  token_big = sign_in_to (&bench, "bench-big");
  token_small = sign_in_to (&bench, "bench-w000");

  for (guint first = 0; first < BENCH_CARERS; first += per_batch)
    {
      g_autofree char *body = NULL;
      g_auto(Response) response = { 0 };
      gint64 started;
      double ms;

      g_ptr_array_set_size (ops, 0);
      for (guint n = first; n < first + per_batch && n < BENCH_CARERS; n++)
        bench_add_carer (ops, n);
      g_assert_cmpuint (ops->len, ==, 1000);
      body = batch_of (ops);

      started = g_get_monotonic_time ();
      send_to (&bench, &response, "POST", "/api/v1/push", token_coord, body, FALSE);
      ms = bench_time (started);
      g_assert_cmpuint (response.status, ==, 200);
      g_assert_cmpstr (json_object_get_string_member (result_at (&response, 999), "result"), ==,
                       "applied");
      g_array_append_val (push_times, ms);
    }
  bench_report ("push 1000 creates (coordinator)", push_times);

  /* A worker's 1000 stale updates, merged field by field. */
  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint round = 0; round < 5; round++)
      {
        g_autofree char *body = NULL;
        g_auto(Response) response = { 0 };
        gint64 started;
        double ms;

        g_ptr_array_set_size (ops, 0);
        for (guint n = round * per_batch; n < (round + 1) * per_batch; n++)
          for (guint s = 1; s < G_N_ELEMENTS (bench_shape); s++)
            for (guint i = 0; i < bench_shape[s].count; i++)
              {
                g_autofree char *op_id = g_strdup_printf ("bench-up-%06u-%s-%u", n,
                                                          bench_shape[s].entity, i);
                g_autofree char *id = g_strdup_printf ("bench-%06u-%s-%u", n,
                                                       bench_shape[s].entity, i);

                g_ptr_array_add (ops, op (op_id, bench_shape[s].entity, id, "update", 1,
                                          "{\"notes\": \"Changed on the laptop.\"}"));
              }
        for (guint n = round * per_batch; ops->len < 1000; n++)
          {
            g_autofree char *op_id = g_strdup_printf ("bench-up-%06u-carer", n);
            g_autofree char *id = g_strdup_printf ("bench-%06u-carer", n);

            g_ptr_array_add (ops, op (op_id, "carer", id, "update", 1,
                                      "{\"phone\": \"01999 000000\"}"));
          }
        body = batch_of (ops);

        started = g_get_monotonic_time ();
        send_to (&bench, &response, "POST", "/api/v1/push", token_big, body, FALSE);
        ms = bench_time (started);
        g_assert_cmpuint (response.status, ==, 200);
        g_assert_cmpstr (json_object_get_string_member (result_at (&response, 0), "result"), ==,
                         "applied");
        g_array_append_val (times, ms);
      }
    bench_report ("push 1000 updates (worker)", times);
  }

  bench_pull (&bench, "pull coordinator, first 20 pages of 500", token_coord, 20);
  bench_pull (&bench, "pull worker with 5000 carers, first 20 pages of 500", token_big, 20);
  bench_pull (&bench, "pull worker with ~100 carers, all pages of 500", token_small, 1000);

  /* Giving a carer to another worker re-touches its 25 records. */
  {
    g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint n = BENCH_CARERS - 20; n < BENCH_CARERS; n++)
      {
        g_autofree char *op_id = g_strdup_printf ("bench-give-%06u", n);
        g_autofree char *id = g_strdup_printf ("bench-%06u-carer", n);
        g_autofree char *give = op (op_id, "carer", id, "update", 1,
                                    "{\"worker\": \"bench-w000\"}");
        g_auto(Response) response = { 0 };
        gint64 started = g_get_monotonic_time ();
        double ms;

        push_to (&bench, &response, token_coord, give, NULL);
        ms = bench_time (started);
        g_assert_cmpstr (json_object_get_string_member (result_at (&response, 0), "result"), ==,
                         "applied");
        g_array_append_val (times, ms);
      }
    bench_report ("push 1 reassignment (25 records re-touched)", times);
  }

  server_stop (&bench, FALSE);
  g_free (bench.data_dir);
  g_free (bench.log_path);
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
  g_autoptr(GProxyResolver) direct = NULL;
  int result;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (g_getenv ("CAREFIELD_SERVER") == NULL)
    {
      g_printerr ("Set CAREFIELD_SERVER to the carefield-server binary.\n");
      return 77;
    }

  tokens_seen = g_ptr_array_new_with_free_func (g_free);
  ids_made = g_ptr_array_new_with_free_func (g_free);

  /* Made here, not by G_TEST_OPTION_ISOLATE_DIRS: that folder is per test, and this server
   * outlives each one. */
  work_dir = g_dir_make_tmp ("carefield-server-sync-XXXXXX", NULL);
  g_assert_nonnull (work_dir);
  server.data_dir = g_strdup_printf ("%s/server-data", work_dir);
  run_cli (server.data_dir, "init", NULL);
  run_cli (server.data_dir, "user", "add", WORKER_A, "--role", "worker", NULL);
  run_cli (server.data_dir, "user", "add", WORKER_B, "--role", "worker", NULL);
  run_cli (server.data_dir, "user", "add", WORKER_P, "--role", "worker", NULL);
  run_cli (server.data_dir, "user", "add", COORDINATOR, "--role", "coordinator", NULL);
  run_cli (server.data_dir, "user", "add", ADMIN, "--role", "admin", NULL);
  run_cli (server.data_dir, "user", "add", CARER_USER, "--role", "carer", "--carer", CARER_ID,
           NULL);

  server_start (&server);

  direct = g_simple_proxy_resolver_new (NULL, NULL);
  session = soup_session_new_with_options ("timeout", 120, "proxy-resolver", direct, NULL);

  token_a = sign_in_to (&server, WORKER_A);
  token_b = sign_in_to (&server, WORKER_B);
  token_p = sign_in_to (&server, WORKER_P);
  token_coordinator = sign_in_to (&server, COORDINATOR);
  token_admin = sign_in_to (&server, ADMIN);
  token_carer = sign_in_to (&server, CARER_USER);

  g_test_add_func ("/server-sync/push/create-and-repeat", test_create_and_repeat);
  g_test_add_func ("/server-sync/push/repeat-from-another-device",
                   test_repeat_from_another_device);
  g_test_add_func ("/server-sync/push/repeat-after-change", test_repeat_after_change);
  g_test_add_func ("/server-sync/push/update-current", test_update_current);
  g_test_add_func ("/server-sync/push/merge", test_merge);
  g_test_add_func ("/server-sync/push/conflict", test_conflict);
  g_test_add_func ("/server-sync/push/unknown-record", test_unknown_record);
  g_test_add_func ("/server-sync/push/rejected-between", test_rejected_between);
  g_test_add_func ("/server-sync/push/child-before-parent", test_child_before_parent);
  g_test_add_func ("/server-sync/push/malformed", test_malformed);
  g_test_add_func ("/server-sync/push/bad-ops", test_bad_ops);
  g_test_add_func ("/server-sync/push/too-many", test_too_many);
  g_test_add_func ("/server-sync/push/auth", test_auth);
  g_test_add_func ("/server-sync/changes/paging", test_paging);
  g_test_add_func ("/server-sync/changes/tombstone", test_tombstone);
  g_test_add_func ("/server-sync/changes/bad-query", test_bad_query);
  g_test_add_func ("/server-sync/scope/worker", test_scope_worker);
  g_test_add_func ("/server-sync/scope/worker-cannot-reassign",
                   test_scope_worker_cannot_reassign);
  g_test_add_func ("/server-sync/scope/coordinator", test_scope_coordinator);
  g_test_add_func ("/server-sync/scope/carer-account", test_scope_carer_account);
  g_test_add_func ("/server-sync/scope/reassign", test_scope_reassign);
  g_test_add_func ("/server-sync/audit/store-and-repeat", test_audit_store_and_repeat);
  g_test_add_func ("/server-sync/audit/too-many", test_audit_too_many);
  g_test_add_func ("/server-sync/audit/bad-entry", test_audit_bad_entry);
  g_test_add_func ("/server-sync/audit/auth", test_audit_auth);
  g_test_add_func ("/server-sync/audit/append-only", test_audit_append_only);
  g_test_add_func ("/server-sync/audit/cli", test_audit_cli);
  g_test_add_func ("/server-sync/server/durability", test_durability);
  g_test_add_func ("/server-sync/server/storage-error", test_storage_error);
  g_test_add_func ("/server-sync/server/survived", test_survived);
  g_test_add_func ("/server-sync/perf/bench", test_bench);

  result = g_test_run ();

  g_clear_object (&session);
  server_stop (&server, FALSE);
  g_free (server.data_dir);
  g_free (server.log_path);
  g_free (token_a);
  g_free (token_b);
  g_free (token_p);
  g_free (token_coordinator);
  g_free (token_admin);
  g_free (token_carer);
  g_ptr_array_unref (tokens_seen);
  g_ptr_array_unref (ids_made);
  remove_tree (work_dir);
  g_free (work_dir);

  return result;
}
