/* cf-dp-list-group.c: a group listing direct payments, or records that belong to one
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Direct payments": a carer's payments are listed, and a payment's balance returns
 * and personal assistants are kept with it. The direct payment page reads them from the store
 * and hands them over; the group shows one row each (or words saying there are none) and says by
 * signals what it stored or could not, for the page to show and to read them again.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-dp-form.h"
#include "cf-dp-list-group.h"

typedef struct
{
  CfContext       *context;
  CfDirectPayment *payment;
  GPtrArray       *items;
  GPtrArray       *rows;
} CfDpListGroupPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (CfDpListGroup, cf_dp_list_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  FAILED,
  OUTDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cf_dp_list_group_dispose (GObject *object)
{
  CfDpListGroupPrivate *priv = cf_dp_list_group_get_instance_private (CF_DP_LIST_GROUP (object));

  g_clear_object (&priv->payment);
  g_clear_pointer (&priv->items, g_ptr_array_unref);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (cf_dp_list_group_parent_class)->dispose (object);
}

static void
cf_dp_list_group_finalize (GObject *object)
{
  CfDpListGroupPrivate *priv = cf_dp_list_group_get_instance_private (CF_DP_LIST_GROUP (object));

  g_ptr_array_unref (priv->rows);

  G_OBJECT_CLASS (cf_dp_list_group_parent_class)->finalize (object);
}

static void
cf_dp_list_group_class_init (CfDpListGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_dp_list_group_dispose;
  object_class->finalize = cf_dp_list_group_finalize;

  /**
   * CfDpListGroup::changed:
   *
   * Emitted after the group stored something for the payment.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CfDpListGroup::failed:
   * @message: why, in words
   *
   * Emitted when the store refused what the group asked it to keep.
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * CfDpListGroup::outdated:
   *
   * Emitted when the records shown may no longer be those stored, for them to be read again
   * and given with cf_dp_list_group_set_items().
   */
  signals[OUTDATED] = g_signal_new ("outdated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cf_dp_list_group_init (CfDpListGroup *self)
{
  CfDpListGroupPrivate *priv = cf_dp_list_group_get_instance_private (self);

  priv->rows = g_ptr_array_new ();
}

void
cf_dp_list_group_set_context (CfDpListGroup *self,
                              CfContext     *context)
{
  CfDpListGroupPrivate *priv = cf_dp_list_group_get_instance_private (self);

  g_return_if_fail (CF_IS_DP_LIST_GROUP (self));
  g_return_if_fail (CF_IS_CONTEXT (context));

  g_set_object (&priv->context, context);
}

/* The payment the records belong to, which new ones are added to. The rows are left as they are
 * until the records are given. */
void
cf_dp_list_group_set_payment (CfDpListGroup   *self,
                              CfDirectPayment *payment)
{
  CfDpListGroupPrivate *priv = cf_dp_list_group_get_instance_private (self);

  g_return_if_fail (CF_IS_DP_LIST_GROUP (self));
  g_return_if_fail (payment == NULL || CF_IS_DIRECT_PAYMENT (payment));

  g_set_object (&priv->payment, payment);
}

/**
 * cf_dp_list_group_set_items:
 * @items: (nullable): the payment's records, or %NULL when they could not be read
 *
 * Shows @items, one row each.
 */
void
cf_dp_list_group_set_items (CfDpListGroup *self,
                            GPtrArray     *items)
{
  CfDpListGroupPrivate *priv = cf_dp_list_group_get_instance_private (self);

  g_return_if_fail (CF_IS_DP_LIST_GROUP (self));

  g_clear_pointer (&priv->items, g_ptr_array_unref);
  if (items != NULL)
    priv->items = g_ptr_array_ref (items);

  cf_dp_list_group_refresh (self);
}

CfContext *
cf_dp_list_group_get_context (CfDpListGroup *self)
{
  CfDpListGroupPrivate *priv = cf_dp_list_group_get_instance_private (self);

  g_return_val_if_fail (CF_IS_DP_LIST_GROUP (self), NULL);

  return priv->context;
}

CfStore *
cf_dp_list_group_get_store (CfDpListGroup *self)
{
  CfDpListGroupPrivate *priv = cf_dp_list_group_get_instance_private (self);

  g_return_val_if_fail (CF_IS_DP_LIST_GROUP (self), NULL);

  return priv->context != NULL ? cf_context_get_store (priv->context) : NULL;
}

CfDirectPayment *
cf_dp_list_group_get_payment (CfDpListGroup *self)
{
  CfDpListGroupPrivate *priv = cf_dp_list_group_get_instance_private (self);

  g_return_val_if_fail (CF_IS_DP_LIST_GROUP (self), NULL);

  return priv->payment;
}

static void
add_row (CfDpListGroup *self,
         GtkWidget     *row)
{
  CfDpListGroupPrivate *priv = cf_dp_list_group_get_instance_private (self);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (priv->rows, row);
}

/**
 * cf_dp_list_group_get_rows:
 *
 * Returns: (transfer none) (element-type GtkWidget): the rows shown, one a record, or the one
 *   saying there are none
 */
GPtrArray *
cf_dp_list_group_get_rows (CfDpListGroup *self)
{
  CfDpListGroupPrivate *priv = cf_dp_list_group_get_instance_private (self);

  g_return_val_if_fail (CF_IS_DP_LIST_GROUP (self), NULL);

  return priv->rows;
}

/* Makes the rows again from the records, after one of them changed. */
void
cf_dp_list_group_refresh (CfDpListGroup *self)
{
  CfDpListGroupPrivate *priv = cf_dp_list_group_get_instance_private (self);
  CfDpListGroupClass *klass = CF_DP_LIST_GROUP_GET_CLASS (self);

  g_return_if_fail (CF_IS_DP_LIST_GROUP (self));

  for (guint i = 0; i < priv->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (priv->rows, i));
  g_ptr_array_set_size (priv->rows, 0);

  if (priv->items == NULL || priv->items->len == 0)
    add_row (self, cf_dp_form_placeholder_row (_(klass->placeholder)));

  for (guint i = 0; priv->items != NULL && i < priv->items->len; i++)
    add_row (self, klass->create_row (self, g_ptr_array_index (priv->items, i)));
}

/* Says something was stored: emits #CfDpListGroup::changed. */
void
cf_dp_list_group_stored (CfDpListGroup *self)
{
  g_return_if_fail (CF_IS_DP_LIST_GROUP (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

/* Says the store refused something, and why: emits #CfDpListGroup::failed. */
void
cf_dp_list_group_refused (CfDpListGroup *self,
                          const char    *message)
{
  g_return_if_fail (CF_IS_DP_LIST_GROUP (self));

  g_signal_emit (self, signals[FAILED], 0, message);
}

/* Asks for the records to be read again: emits #CfDpListGroup::outdated. */
void
cf_dp_list_group_outdate (CfDpListGroup *self)
{
  g_return_if_fail (CF_IS_DP_LIST_GROUP (self));

  g_signal_emit (self, signals[OUTDATED], 0);
}
