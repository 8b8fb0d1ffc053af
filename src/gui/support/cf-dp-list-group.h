/* cf-dp-list-group.h: a group listing direct payments, or records that belong to one
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-context.h"
#include "cf-direct-payments.h"

G_BEGIN_DECLS

#define CF_TYPE_DP_LIST_GROUP (cf_dp_list_group_get_type ())

G_DECLARE_DERIVABLE_TYPE (CfDpListGroup, cf_dp_list_group, CF, DP_LIST_GROUP, AdwPreferencesGroup)

struct _CfDpListGroupClass
{
  AdwPreferencesGroupClass parent_class;

  /* What the group says when the payment has none, marked with N_(). */
  const char *placeholder;

  /* The row showing @item, one of the records. */
  GtkWidget *(*create_row) (CfDpListGroup *self,
                            gpointer       item);
};

void             cf_dp_list_group_set_context (CfDpListGroup   *self,
                                               CfContext       *context);
void             cf_dp_list_group_set_payment (CfDpListGroup   *self,
                                               CfDirectPayment *payment);
void             cf_dp_list_group_set_items   (CfDpListGroup   *self,
                                               GPtrArray       *items);

/* For the subclasses */
CfContext       *cf_dp_list_group_get_context (CfDpListGroup   *self);
CfStore         *cf_dp_list_group_get_store   (CfDpListGroup   *self);
CfDirectPayment *cf_dp_list_group_get_payment (CfDpListGroup   *self);
GPtrArray       *cf_dp_list_group_get_rows    (CfDpListGroup   *self);
void             cf_dp_list_group_refresh     (CfDpListGroup   *self);
void             cf_dp_list_group_stored      (CfDpListGroup   *self);
void             cf_dp_list_group_refused     (CfDpListGroup   *self,
                                               const char      *message);
void             cf_dp_list_group_outdate     (CfDpListGroup   *self);

G_END_DECLS
