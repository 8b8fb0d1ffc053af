/* cf-support-group.c: the carer page's summary of what follows the assessment
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row each for the support plan, the emergency plan, direct payments and reviews, saying
 * where each stands and what is due, in words with an icon (never colour alone). Each row opens
 * that page of the support view (win.open-support). It reads lists, which are not audited;
 * opening a page is.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-dates.h"
#include "cf-direct-payments.h"
#include "cf-plans.h"
#include "cf-reviews.h"
#include "cf-support-group.h"

struct _CfSupportGroup
{
  AdwPreferencesGroup  parent_instance;

  CfStore             *store;
  CfCarer             *carer;
  gulong               saved_handler;
  guint                refresh_id;

  AdwActionRow        *plan_row;
  AdwActionRow        *emergency_row;
  AdwActionRow        *payments_row;
  AdwActionRow        *reviews_row;
  GtkImage            *plan_icon;
  GtkImage            *emergency_icon;
  GtkImage            *payments_icon;
  GtkImage            *reviews_icon;
};

G_DEFINE_FINAL_TYPE (CfSupportGroup, cf_support_group, ADW_TYPE_PREFERENCES_GROUP)

static AdwActionRow *
add_row (CfSupportGroup  *self,
         const char      *title,
         const char      *page,
         const char      *icon_name,
         GtkImage       **icon)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon_name);
  /* What is due soon or overdue shows as a second icon beside the arrow. */
  *icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_visible (GTK_WIDGET (*icon), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (*icon));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-support");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", page);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);

  return ADW_ACTION_ROW (row);
}

static void
set_icon (GtkImage   *icon,
          CfDueState  state)
{
  gtk_widget_remove_css_class (GTK_WIDGET (icon), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (icon), "warning");

  if (state == CF_DUE_STATE_OVERDUE)
    {
      gtk_image_set_from_icon_name (icon, "dialog-warning-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (icon), "error");
    }
  else if (state == CF_DUE_STATE_SOON)
    {
      gtk_image_set_from_icon_name (icon, "alarm-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (icon), "warning");
    }

  /* The subtitle says it in words; the icon is a repeat, so it is hidden from screen readers. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_visible (GTK_WIDGET (icon),
                          state == CF_DUE_STATE_OVERDUE || state == CF_DUE_STATE_SOON);
}

static CfDueItem *
first_of (GPtrArray *items,
          CfDueKind  kind1,
          CfDueKind  kind2,
          CfDueKind  kind3)
{
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      CfDueItem *item = g_ptr_array_index (items, i);

      if (item->kind == kind1 || item->kind == kind2 || item->kind == kind3)
        return item;
    }

  return NULL;
}

static void
describe_plan (CfSupportGroup *self,
               GPtrArray      *items)
{
  g_autoptr(GPtrArray) plans = cf_plans_list (self->store,
                                              cf_record_get_id (CF_RECORD (self->carer)), NULL);
  g_autofree char *subtitle = NULL;
  CfRecord *current = NULL;
  CfDueItem *review = first_of (items, CF_DUE_PLAN_REVIEW, CF_DUE_PLAN_REVIEW, CF_DUE_PLAN_REVIEW);

  for (guint i = 0; plans != NULL && i < plans->len && current == NULL; i++)
    {
      CfRecord *plan = g_ptr_array_index (plans, i);

      if (!g_str_equal (cf_record_get_text (plan, "status"), CF_PLAN_SUPERSEDED))
        current = plan;
    }

  if (current == NULL)
    subtitle = g_strdup (_("No plan yet. One is built from an assessment that found the carer "
                           "eligible."));
  else if (g_str_equal (cf_record_get_text (current, "status"), CF_PLAN_DRAFT))
    /* Translators: %lld is a version number */
    subtitle = g_strdup_printf (_("Version %lld being written, not yet agreed"),
                                (long long) cf_record_get_int (current, "number"));
  else
    {
      g_autofree char *agreed = cf_date_to_user (cf_record_get_text (current, "agreed_on"));

      /* Translators: %lld is a version number, %s a date */
      subtitle = g_strdup_printf (_("Version %lld, agreed on %s"),
                                  (long long) cf_record_get_int (current, "number"), agreed);
    }

  if (review != NULL)
    {
      g_autofree char *with_review = g_strdup_printf ("%s · %s", subtitle, review->title);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_review);
    }

  adw_action_row_set_subtitle (self->plan_row, subtitle);
  set_icon (self->plan_icon, review != NULL ? review->state : CF_DUE_STATE_NONE);
}

static void
describe_emergency (CfSupportGroup *self,
                    GPtrArray      *items)
{
  CfDueItem *check = first_of (items, CF_DUE_EMERGENCY_CHECK, CF_DUE_EMERGENCY_CHECK,
                               CF_DUE_EMERGENCY_CHECK);

  adw_action_row_set_subtitle (self->emergency_row,
                               check != NULL ? check->title
                                             : _("No emergency plan agreed yet"));
  set_icon (self->emergency_icon, check != NULL ? check->state : CF_DUE_STATE_NONE);
}

static void
describe_payments (CfSupportGroup *self,
                   GPtrArray      *items)
{
  g_autoptr(GPtrArray) payments = cf_direct_payments_list (self->store,
                                                           cf_record_get_id (CF_RECORD (self->carer)),
                                                           NULL);
  CfDueItem *due = first_of (items, CF_DUE_DIRECT_PAYMENT_REVIEW, CF_DUE_VACANCY,
                             CF_DUE_DBS_RENEWAL);
  guint n_paying = 0, n_setting_up = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; payments != NULL && i < payments->len; i++)
    {
      const char *status = cf_record_get_text (g_ptr_array_index (payments, i), "status");

      if (g_str_equal (status, CF_DIRECT_PAYMENT_ACTIVE))
        n_paying++;
      else if (g_str_equal (status, CF_DIRECT_PAYMENT_SETTING_UP))
        n_setting_up++;
    }

  if (n_paying == 0 && n_setting_up == 0)
    subtitle = g_strdup (_("None"));
  else if (n_setting_up == 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u paying", "%u paying", n_paying),
                                n_paying);
  else
    /* Translators: counts of direct payments */
    subtitle = g_strdup_printf (_("%u paying, %u being set up"), n_paying, n_setting_up);

  if (due != NULL && due->state != CF_DUE_STATE_LATER)
    {
      g_autofree char *with_due = g_strdup_printf ("%s · %s", subtitle, due->title);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with_due);
    }

  adw_action_row_set_subtitle (self->payments_row, subtitle);
  set_icon (self->payments_icon, due != NULL ? due->state : CF_DUE_STATE_NONE);
}

static void
describe_reviews (CfSupportGroup *self,
                  GPtrArray      *items)
{
  guint n_overdue = 0, n_soon = 0;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      CfDueItem *item = g_ptr_array_index (items, i);

      if (item->state == CF_DUE_STATE_OVERDUE)
        n_overdue++;
      else if (item->state == CF_DUE_STATE_SOON)
        n_soon++;
    }

  if (n_overdue > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing overdue",
                                             "%u things overdue", n_overdue), n_overdue);
  else if (n_soon > 0)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing due within 30 days",
                                             "%u things due within 30 days", n_soon), n_soon);
  else
    subtitle = g_strdup (_("Nothing due within 30 days"));

  adw_action_row_set_subtitle (self->reviews_row, subtitle);
  set_icon (self->reviews_icon, n_overdue > 0 ? CF_DUE_STATE_OVERDUE
                                : n_soon > 0 ? CF_DUE_STATE_SOON : CF_DUE_STATE_NONE);
}

void
cf_support_group_refresh (CfSupportGroup *self)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (CF_IS_SUPPORT_GROUP (self));

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store == NULL || self->carer == NULL)
    return;

  items = cf_due_for_carer (self->store, self->carer, NULL, NULL);
  describe_plan (self, items);
  describe_emergency (self, items);
  describe_payments (self, items);
  describe_reviews (self, items);
}

static gboolean
refresh_cb (gpointer user_data)
{
  CfSupportGroup *self = user_data;

  self->refresh_id = 0;
  cf_support_group_refresh (self);

  return G_SOURCE_REMOVE;
}

/* Saves come in bursts (a record and its history entry): refresh once, when idle. */
static void
on_record_saved (CfSupportGroup *self,
                 CfRecord       *record)
{
  if (self->carer != NULL && self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

void
cf_support_group_set_carer (CfSupportGroup *self,
                            CfStore        *store,
                            CfCarer        *carer)
{
  g_return_if_fail (CF_IS_SUPPORT_GROUP (self));
  g_return_if_fail (store == NULL || CF_IS_STORE (store));
  g_return_if_fail (carer == NULL || CF_IS_CARER (carer));

  if (self->store != store)
    {
      g_clear_signal_handler (&self->saved_handler, self->store);
      g_set_object (&self->store, store);
      if (store != NULL)
        self->saved_handler = g_signal_connect_object (store, "record-saved",
                                                       G_CALLBACK (on_record_saved), self,
                                                       G_CONNECT_SWAPPED);
    }

  g_set_object (&self->carer, carer);
  cf_support_group_refresh (self);
}

static void
cf_support_group_dispose (GObject *object)
{
  CfSupportGroup *self = CF_SUPPORT_GROUP (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_signal_handler (&self->saved_handler, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->carer);

  G_OBJECT_CLASS (cf_support_group_parent_class)->dispose (object);
}

static void
cf_support_group_class_init (CfSupportGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cf_support_group_dispose;
}

static void
cf_support_group_init (CfSupportGroup *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);

  adw_preferences_group_set_title (group, _("Support"));
  adw_preferences_group_set_description (group,
                                         _("The plan, what happens in an emergency, direct "
                                           "payments and reviews"));

  self->plan_row = add_row (self, _("Support _Plan"), "plan", "view-list-symbolic",
                            &self->plan_icon);
  self->emergency_row = add_row (self, _("_Emergency Plan"), "emergency", "call-start-symbolic",
                                 &self->emergency_icon);
  self->payments_row = add_row (self, _("_Direct Payments"), "payments", "auth-smartcard-symbolic",
                                &self->payments_icon);
  self->reviews_row = add_row (self, _("_Reviews and Due Dates"), "reviews",
                               "x-office-calendar-symbolic", &self->reviews_icon);
}
