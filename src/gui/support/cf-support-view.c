/* cf-support-view.c: a carer's plan, emergency plan, direct payments and reviews
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What follows the assessment, for one carer, as four pages behind a view switcher. Each page
 * saves its own edits; the view flushes them all before the window locks, closes or moves to
 * another carer, and keeps the carer page's summary in step through each page's "changed".
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-direct-payment-page.h"
#include "cf-emergency-page.h"
#include "cf-plan-page.h"
#include "cf-reviews-page.h"
#include "cf-support-view.h"

struct _CfSupportView
{
  AdwBin         parent_instance;

  CfContext     *context;
  CfCarer       *carer;

  GtkLabel      *title_label;
  GtkLabel      *save_status;
  AdwViewStack  *stack;

  CfPlanPage          *plan_page;
  CfEmergencyPage     *emergency_page;
  CfDirectPaymentPage *payments_page;
  CfReviewsPage       *reviews_page;
};

G_DEFINE_FINAL_TYPE (CfSupportView, cf_support_view, ADW_TYPE_BIN)

static void
on_page_changed (CfSupportView *self,
                 GtkWidget     *page)
{
  /* Due dates on the reviews page depend on every other page, and a review recorded there
   * moves the direct payment's next review. */
  if (page == GTK_WIDGET (self->reviews_page))
    cf_direct_payment_page_refresh_dates (self->payments_page);
  else
    cf_reviews_page_refresh (self->reviews_page);
  gtk_widget_set_visible (GTK_WIDGET (self->save_status), FALSE);
}

static void
add_page (CfSupportView *self,
          GtkWidget     *page,
          const char    *name,
          const char    *title,
          const char    *icon_name)
{
  AdwViewStackPage *stack_page = adw_view_stack_add_titled (self->stack, page, name, title);

  adw_view_stack_page_set_icon_name (stack_page, icon_name);
  adw_view_stack_page_set_use_underline (stack_page, TRUE);
  g_signal_connect_object (page, "changed", G_CALLBACK (on_page_changed), self,
                           G_CONNECT_SWAPPED);
}

void
cf_support_view_set_carer (CfSupportView *self,
                           CfCarer       *carer)
{
  g_return_if_fail (CF_IS_SUPPORT_VIEW (self));
  g_return_if_fail (carer == NULL || CF_IS_CARER (carer));

  g_set_object (&self->carer, carer);

  if (carer != NULL)
    {
      CfRecord *record = CF_RECORD (carer);
      const char *given = cf_record_get_text (record, "preferred_name");
      g_autofree char *title = NULL;

      if (*given == '\0')
        given = cf_record_get_text (record, "given_name");
      /* Translators: %1$s and %2$s are the carer's given and family names */
      title = g_strdup_printf (_("Support for %1$s %2$s"), given,
                               cf_record_get_text (record, "family_name"));
      gtk_label_set_label (self->title_label, title);
    }
  else
    gtk_label_set_label (self->title_label, "");

  gtk_widget_set_visible (GTK_WIDGET (self->save_status), FALSE);
  cf_plan_page_set_carer (self->plan_page, carer);
  cf_emergency_page_set_carer (self->emergency_page, carer);
  cf_direct_payment_page_set_carer (self->payments_page, carer);
  cf_reviews_page_set_carer (self->reviews_page, carer);
}

CfCarer *
cf_support_view_get_carer (CfSupportView *self)
{
  g_return_val_if_fail (CF_IS_SUPPORT_VIEW (self), NULL);

  return self->carer;
}

/**
 * cf_support_view_show_page:
 * @name: "plan", "emergency", "payments" or "reviews"
 */
void
cf_support_view_show_page (CfSupportView *self,
                           const char    *name)
{
  g_return_if_fail (CF_IS_SUPPORT_VIEW (self));

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

const char *
cf_support_view_get_page (CfSupportView *self)
{
  g_return_val_if_fail (CF_IS_SUPPORT_VIEW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

GtkWidget *
cf_support_view_get_page_widget (CfSupportView *self,
                                 const char    *name)
{
  g_return_val_if_fail (CF_IS_SUPPORT_VIEW (self), NULL);

  return adw_view_stack_get_child_by_name (self->stack, name);
}

/**
 * cf_support_view_flush:
 *
 * Saves every page's pending edits. Each page keeps what it could not save, and the first
 * failure is reported here and shown above the pages.
 *
 * Returns: whether everything was saved
 */
gboolean
cf_support_view_flush (CfSupportView  *self,
                       GError        **error)
{
  g_autoptr(GError) first = NULL;
  g_autoptr(GError) plan_error = NULL;
  g_autoptr(GError) emergency_error = NULL;
  g_autoptr(GError) payments_error = NULL;

  g_return_val_if_fail (CF_IS_SUPPORT_VIEW (self), FALSE);

  if (self->carer == NULL)
    return TRUE;

  /* Every page is flushed, even after one fails. */
  if (!cf_plan_page_flush (self->plan_page, &plan_error))
    first = g_steal_pointer (&plan_error);
  if (!cf_emergency_page_flush (self->emergency_page, &emergency_error) && first == NULL)
    first = g_steal_pointer (&emergency_error);
  if (!cf_direct_payment_page_flush (self->payments_page, &payments_error) && first == NULL)
    first = g_steal_pointer (&payments_error);

  if (first != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Not saved yet: %s"), first->message);

      gtk_label_set_label (self->save_status, message);
      gtk_widget_set_visible (GTK_WIDGET (self->save_status), TRUE);
      g_propagate_error (error, g_steal_pointer (&first));
      return FALSE;
    }

  return TRUE;
}

CfSupportView *
cf_support_view_new (CfContext *context)
{
  CfSupportView *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  self = g_object_new (CF_TYPE_SUPPORT_VIEW, NULL);
  self->context = g_object_ref (context);

  self->plan_page = cf_plan_page_new (context);
  self->emergency_page = cf_emergency_page_new (context);
  self->payments_page = cf_direct_payment_page_new (context);
  self->reviews_page = cf_reviews_page_new (context);

  add_page (self, GTK_WIDGET (self->plan_page), "plan", _("_Plan"), "view-list-symbolic");
  add_page (self, GTK_WIDGET (self->emergency_page), "emergency", _("_Emergency"),
            "call-start-symbolic");
  add_page (self, GTK_WIDGET (self->payments_page), "payments", _("_Direct Payments"),
            "auth-smartcard-symbolic");
  add_page (self, GTK_WIDGET (self->reviews_page), "reviews", _("Re_views"),
            "x-office-calendar-symbolic");

  return self;
}

static void
cf_support_view_dispose (GObject *object)
{
  CfSupportView *self = CF_SUPPORT_VIEW (object);

  g_clear_object (&self->carer);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_support_view_parent_class)->dispose (object);
}

static void
cf_support_view_class_init (CfSupportViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cf_support_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/carefield/Carefield/support/cf-support-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CfSupportView, title_label);
  gtk_widget_class_bind_template_child (widget_class, CfSupportView, save_status);
  gtk_widget_class_bind_template_child (widget_class, CfSupportView, stack);
}

static void
cf_support_view_init (CfSupportView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
