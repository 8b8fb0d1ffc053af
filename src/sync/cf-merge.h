/* cf-merge.h: the server's field-level merge of one pushed operation
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "cf-sync-op.h"

G_BEGIN_DECLS

/* What the server knows of one record (src/sync/README.md, "Merge"). */
typedef struct
{
  /* FALSE when the server has never seen the record; everything else is then empty. */
  gboolean    exists;
  /* Goes up by one with every change that changes something; 0 before the first. */
  gint64      version;
  gboolean    deleted;
  /* field → current value; only fields ever set. */
  JsonObject *values;
  /* field → the record version at which the field last changed; "deleted" included. */
  JsonObject *field_versions;
  /* field → the value before that last change, and the version at which that value was
   * itself set: enough to give the value at a client's base version whenever the field
   * changed at most once since then. */
  JsonObject *previous_values;
  JsonObject *previous_versions;
} CfMergeState;

CfMergeState *cf_merge_state_new       (void);
CfMergeState *cf_merge_state_copy      (const CfMergeState  *state);
void          cf_merge_state_free      (CfMergeState        *state);
JsonNode     *cf_merge_state_to_json   (const CfMergeState  *state);
CfMergeState *cf_merge_state_from_json (JsonNode            *node,
                                        GError             **error);
gint64        cf_merge_state_get_field_version (const CfMergeState *state,
                                                const char         *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfMergeState, cf_merge_state_free)

typedef enum
{
  /* Based on the current version (or a repeat of what is already there). */
  CF_MERGE_APPLIED,
  /* Based on an older version, and no field was changed on both sides. */
  CF_MERGE_MERGED,
  /* Something the client sent could not be taken: the server value is kept and both are
   * listed. Fields that could be taken are. */
  CF_MERGE_CONFLICT,
  /* The operation cannot apply at all (see the reason); nothing changes. */
  CF_MERGE_REJECTED,
} CfMergeOutcome;

const char *cf_merge_outcome_to_string (CfMergeOutcome outcome);

typedef struct
{
  char     *field;
  /* (nullable): NULL when the value at the base version is not known; a JSON null when the
   * field had no value then. */
  JsonNode *base_value;
  /* (nullable): NULL when the server has no value for the field. */
  JsonNode *server_value;
  JsonNode *client_value;
} CfConflict;

typedef struct
{
  CfMergeOutcome  outcome;
  /* (nullable): why, in words, for a conflict or a rejection. */
  char           *reason;
  /* TRUE when @state differs from the state merged into (and its version is one more). */
  gboolean        changed;
  /* The record after the operation: a copy even when unchanged. */
  CfMergeState   *state;
  /* (element-type CfConflict): empty unless @outcome is CF_MERGE_CONFLICT. */
  GPtrArray      *conflicts;
} CfMergeResult;

void           cf_merge_result_free (CfMergeResult      *result);
CfMergeResult *cf_merge             (const CfMergeState *state,
                                     const CfSyncOp     *op);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfMergeResult, cf_merge_result_free)

G_END_DECLS
