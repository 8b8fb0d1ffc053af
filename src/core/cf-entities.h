/* cf-entities.h: every synced entity and its field table
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-record.h"

G_BEGIN_DECLS

/* One synced entity: its wire and table name, its record class and its fields, as the class
 * declared them with cf_record_class_set_entity(). */
typedef struct
{
  const char    *entity;
  GType          type;
  const CfField *fields;
  guint          n_fields;
  /* The record this one belongs to: the field holding its id and its entity. Following
   * parents always ends at a carer, which has none; the server's scope (DESIGN.md, "Scope")
   * and the client's removal of a carer who left it both walk this. */
  const char    *parent_field;
  const char    *parent_entity;
  /* Whether a carer's own account receives it: that carer's plan, and what they need to read
   * it (src/sync/README.md, "Scope"). */
  gboolean       carer_account_sees;
} CfEntityInfo;

const CfEntityInfo *cf_entities_get_all       (guint              *n_out);
const CfEntityInfo *cf_entities_lookup        (const char         *entity);
GType               cf_record_type_for_entity (const char         *entity);
const CfField      *cf_entity_info_find_field (const CfEntityInfo *info,
                                               const char         *field);

G_END_DECLS
