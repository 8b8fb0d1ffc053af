/* fuzz-sync-op.c: libFuzzer target for reading push batches
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A push body is the first thing the server reads from a client it cannot trust (DESIGN.md,
 * "Server": nothing a client sends can crash it). This feeds arbitrary bytes through the
 * same path the server takes, JSON parsing included, and checks what must hold for any
 * input: an answer or an error in our domain, never a crash; every operation read can be
 * written out and read back; and the merge treats a repeated create as no change.
 *
 * Built with -Dfuzzing=true and clang; see build-aux/test-all for the CI run.
 */

#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "cf-merge.h"
#include "cf-sync-op.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or warning from our code is a bug the fuzzer should report as a crash. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  return 0;
}

static void
check_round_trip (CfSyncPush *push)
{
  g_autoptr(JsonNode) node = cf_sync_push_to_json (push->device, push->ops);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSyncPush) again = cf_sync_push_parse (text, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (again->ops->len, ==, push->ops->len);
  g_assert_cmpuint (again->rejected->len, ==, 0);
  for (guint i = 0; i < push->ops->len; i++)
    {
      CfSyncOp *a = g_ptr_array_index (push->ops, i);
      CfSyncOp *b = g_ptr_array_index (again->ops, i);

      g_assert_cmpstr (a->op_id, ==, b->op_id);
      g_assert_cmpstr (a->entity, ==, b->entity);
      g_assert_cmpstr (a->record_id, ==, b->record_id);
      g_assert_cmpint (a->operation, ==, b->operation);
      g_assert_cmpint (a->base_version, ==, b->base_version);
      g_assert_cmpuint (json_object_get_size (a->fields), ==, json_object_get_size (b->fields));
    }
}

static void
check_merge (CfSyncOp *op)
{
  g_autoptr(CfMergeResult) first = cf_merge (NULL, op);
  g_autoptr(CfMergeResult) second = NULL;

  if (op->operation != CF_SYNC_OPERATION_CREATE)
    {
      g_assert_cmpint (first->outcome, ==, CF_MERGE_REJECTED);
      g_assert_false (first->changed);
      return;
    }

  g_assert_cmpint (first->outcome, ==, CF_MERGE_APPLIED);
  g_assert_cmpint (first->state->version, ==, 1);

  /* The same create again, as after a lost reply: nothing changes, nothing conflicts. */
  second = cf_merge (first->state, op);
  g_assert_cmpint (second->outcome, ==, CF_MERGE_APPLIED);
  g_assert_false (second->changed);
  g_assert_cmpuint (second->conflicts->len, ==, 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CfSyncPush) push = NULL;

  if (size > G_MAXSSIZE)
    return 0;

  push = cf_sync_push_parse ((const char *) data, (gssize) size, &error);
  if (push == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == CF_SYNC_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (push->ops->len + push->rejected->len, <=, CF_SYNC_MAX_OPS);
  for (guint i = 0; i < push->rejected->len; i++)
    {
      CfSyncRejected *rejected = g_ptr_array_index (push->rejected, i);

      g_assert_true (rejected->error->domain == CF_SYNC_ERROR);
      g_assert_true (g_utf8_validate (rejected->error->message, -1, NULL));
    }

  check_round_trip (push);
  for (guint i = 0; i < push->ops->len; i++)
    check_merge (g_ptr_array_index (push->ops, i));

  return 0;
}
