/* cf-referral-dialog.c: first contact, waiting-well calls, re-rating, closing and reopening
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Referral and waiting". Each dialog asks for what the history needs (a reason for
 * a new priority, the advice given before closing) and will not save without it; the change
 * and its history entry are then saved together by src/core/cf-referral.c.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-carer-event.h"
#include "cf-choices.h"
#include "cf-dates.h"
#include "cf-referral-dialog.h"
#include "cf-referral.h"

struct _CfReferralDialog
{
  AdwMessageDialog      parent_instance;

  CfContext            *context;
  CfCarer              *carer;
  CfReferralDialogKind  kind;
  GtkTextBuffer        *buffer;
  GtkWidget            *when;
  GtkWidget            *when_message;
  GtkWidget            *priorities[3];
  GtkWidget            *outcomes[3];
  gboolean              text_required;
};

G_DEFINE_FINAL_TYPE (CfReferralDialog, cf_referral_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  RECORDED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dialog_text (CfReferralDialog *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE));
}

static const char *
dialog_priority (CfReferralDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->priorities); i++)
    {
      if (self->priorities[i] != NULL &&
          gtk_check_button_get_active (GTK_CHECK_BUTTON (self->priorities[i])))
        return cf_priorities[i].id;
    }

  return NULL;
}

static const char *
dialog_outcome (CfReferralDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->outcomes); i++)
    {
      if (self->outcomes[i] != NULL &&
          gtk_check_button_get_active (GTK_CHECK_BUTTON (self->outcomes[i])))
        return cf_closure_outcomes[i].id;
    }

  return NULL;
}

static void
set_invalid (GtkWidget *widget,
             GtkWidget *message,
             gboolean   invalid)
{
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE
                                       : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
  if (invalid)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, message, NULL, -1);
  else
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
}

static void
update_response (CfReferralDialog *self)
{
  g_autofree char *text = dialog_text (self);
  const char *priority = dialog_priority (self);
  gboolean ok = !self->text_required || *text != '\0';

  if (self->kind == CF_REFERRAL_DIALOG_RERATE)
    ok = ok && priority != NULL;

  /* A change of priority after a call needs its reason, like any re-rating. */
  if (self->kind == CF_REFERRAL_DIALOG_WAITING_WELL && priority != NULL &&
      g_strcmp0 (priority, cf_record_get_text (CF_RECORD (self->carer), "priority")) != 0)
    ok = ok && *text != '\0';

  if (self->when != NULL)
    {
      g_autofree char *stored =
        cf_datetime_from_user (gtk_editable_get_text (GTK_EDITABLE (self->when)));
      g_autoptr(GDateTime) now = cf_clock_now (cf_context_get_clock (self->context));
      g_autofree char *message = cf_validate_received_at (stored, now);

      /* The same rule as the referral's own time: a real time, not in the future. */
      gtk_label_set_text (GTK_LABEL (self->when_message), message ? message : "");
      gtk_widget_set_visible (self->when_message, message != NULL);
      set_invalid (self->when, self->when_message, message != NULL);
      ok = ok && message == NULL;
    }

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", ok);
}

static void
cf_referral_dialog_response (AdwMessageDialog *dialog,
                             const char       *response)
{
  CfReferralDialog *self = CF_REFERRAL_DIALOG (dialog);
  CfStore *store = cf_context_get_store (self->context);
  g_autofree char *text = dialog_text (self);
  g_autoptr(GError) error = NULL;
  const char *priority = dialog_priority (self);
  gboolean ok = TRUE;

  if (!g_str_equal (response, "save") || store == NULL)
    return;

  switch (self->kind)
    {
    case CF_REFERRAL_DIALOG_FIRST_CONTACT:
      {
        g_autofree char *stored =
          cf_datetime_from_user (gtk_editable_get_text (GTK_EDITABLE (self->when)));
        g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (stored, NULL);

        ok = cf_referral_record_contact (store, self->carer, CF_EVENT_FIRST_CONTACT, when, text,
                                         &error);
      }
      break;
    case CF_REFERRAL_DIALOG_WAITING_WELL:
      ok = cf_referral_record_contact (store, self->carer, CF_EVENT_WAITING_WELL, NULL, text,
                                       &error);
      if (ok && priority != NULL &&
          g_strcmp0 (priority, cf_record_get_text (CF_RECORD (self->carer), "priority")) != 0)
        ok = cf_referral_rerate (store, self->carer, priority, text, &error);
      break;
    case CF_REFERRAL_DIALOG_RERATE:
      ok = cf_referral_rerate (store, self->carer, priority, text, &error);
      break;
    case CF_REFERRAL_DIALOG_CLOSE:
      ok = cf_referral_close (store, self->carer, dialog_outcome (self), text, &error);
      break;
    case CF_REFERRAL_DIALOG_REOPEN:
      ok = cf_referral_reopen (store, self->carer, text, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (ok)
    g_signal_emit (self, signals[RECORDED], 0);
  else
    g_signal_emit (self, signals[FAILED], 0, error->message);
}

static GtkWidget *
labelled_text_view (const char     *label_text,
                    GtkTextBuffer **buffer_out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *view = gtk_text_view_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the buttons, as a keyboard user expects in a dialog. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 96);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);

  *buffer_out = g_object_ref (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)));
  return box;
}

static GtkWidget *
build_when (CfReferralDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autoptr(GDateTime) now = cf_clock_now (cf_context_get_clock (self->context));
  g_autofree char *now_text = g_date_time_format (now, "%d/%m/%Y %H:%M");
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_When (day/month/year hours:minutes)"));

  self->when = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (self->when), now_text);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->when);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->when),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  self->when_message = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->when_message), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->when_message), 0);
  gtk_widget_add_css_class (self->when_message, "field-error");
  gtk_widget_set_visible (self->when_message, FALSE);
  g_signal_connect_swapped (self->when, "changed", G_CALLBACK (update_response), self);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->when);
  gtk_box_append (GTK_BOX (box), self->when_message);

  return box;
}

static GtkWidget *
build_priorities (CfReferralDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (self->kind == CF_REFERRAL_DIALOG_RERATE
                                    ? _("Priority") : _("Priority after the call"));
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  const char *current = cf_record_get_text (CF_RECORD (self->carer), "priority");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Priority"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (self->priorities); i++)
    {
      self->priorities[i] = gtk_check_button_new_with_label (_(cf_priorities[i].label));
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (self->priorities[i]),
                                    GTK_CHECK_BUTTON (self->priorities[0]));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->priorities[i]),
                                   g_strcmp0 (current, cf_priorities[i].id) == 0);
      g_signal_connect_swapped (self->priorities[i], "toggled", G_CALLBACK (update_response),
                                self);
      gtk_box_append (GTK_BOX (row), self->priorities[i]);
    }
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), row);

  return box;
}

static GtkWidget *
build_outcomes (CfReferralDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label = gtk_label_new (_("Outcome"));

  g_assert (cf_choices_count (cf_closure_outcomes) == G_N_ELEMENTS (self->outcomes));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Outcome"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (self->outcomes); i++)
    {
      self->outcomes[i] = gtk_check_button_new_with_label (_(cf_closure_outcomes[i].label));
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (self->outcomes[i]),
                                    GTK_CHECK_BUTTON (self->outcomes[0]));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->outcomes[i]), i == 0);
      gtk_box_append (GTK_BOX (box), self->outcomes[i]);
    }

  return box;
}

static void
cf_referral_dialog_build (CfReferralDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *name = cf_carer_dup_display_name (self->carer);
  g_autofree char *who = NULL;
  GtkWidget *who_label;
  const char *heading = NULL;
  const char *body = NULL;
  const char *text_label = NULL;
  const char *save_label = NULL;

  switch (self->kind)
    {
    case CF_REFERRAL_DIALOG_FIRST_CONTACT:
      heading = _("Record First Contact");
      body = _("When did you first speak to the carer, and what was agreed?");
      text_label = _("_Notes");
      save_label = _("_Record First Contact");
      break;
    case CF_REFERRAL_DIALOG_WAITING_WELL:
      heading = _("Waiting Well Call");
      body = _("A check-in call while the carer waits. Change the priority if the call showed "
               "it should change.");
      text_label = _("_Notes from the call");
      save_label = _("_Record Call");
      break;
    case CF_REFERRAL_DIALOG_RERATE:
      heading = *cf_record_get_text (CF_RECORD (self->carer), "priority") == '\0'
                ? _("Set Priority") : _("Re-rate Priority");
      body = _("The old priority and your reason are kept in the carer’s history.");
      text_label = _("_Reason for this priority");
      save_label = _("_Re-rate");
      self->text_required = TRUE;
      break;
    case CF_REFERRAL_DIALOG_CLOSE:
      heading = _("Close with Information and Advice");
      body = _("Close with information and advice: without an assessment, after one that "
               "found nothing eligible, or when the carer declines. Say what was given, and "
               "where the carer was pointed to.");
      text_label = _("_Information and advice given");
      save_label = _("_Close Referral");
      self->text_required = TRUE;
      break;
    case CF_REFERRAL_DIALOG_REOPEN:
      heading = _("Reopen Referral");
      body = _("The duty to assess revives when a carer asks again or things change.");
      text_label = _("_Reason for reopening");
      save_label = _("Re_open");
      self->text_required = TRUE;
      break;
    default:
      g_assert_not_reached ();
    }

  adw_message_dialog_set_heading (dialog, heading);
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", save_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  /* Translators: %s is the carer's name; shown above a dialog's fields */
  who = g_strdup_printf (_("Carer: %s"), name);
  who_label = gtk_label_new (who);
  gtk_label_set_xalign (GTK_LABEL (who_label), 0);
  gtk_label_set_wrap (GTK_LABEL (who_label), TRUE);
  gtk_widget_add_css_class (who_label, "heading");
  gtk_box_append (GTK_BOX (box), who_label);

  if (self->kind == CF_REFERRAL_DIALOG_FIRST_CONTACT)
    gtk_box_append (GTK_BOX (box), build_when (self));

  if (self->kind == CF_REFERRAL_DIALOG_WAITING_WELL || self->kind == CF_REFERRAL_DIALOG_RERATE)
    gtk_box_append (GTK_BOX (box), build_priorities (self));

  if (self->kind == CF_REFERRAL_DIALOG_CLOSE)
    gtk_box_append (GTK_BOX (box), build_outcomes (self));

  gtk_box_append (GTK_BOX (box), labelled_text_view (text_label, &self->buffer));
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (update_response), self);

  adw_message_dialog_set_extra_child (dialog, box);
  update_response (self);
}

static void
cf_referral_dialog_dispose (GObject *object)
{
  CfReferralDialog *self = CF_REFERRAL_DIALOG (object);

  g_clear_object (&self->buffer);
  g_clear_object (&self->carer);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_referral_dialog_parent_class)->dispose (object);
}

static void
cf_referral_dialog_class_init (CfReferralDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = cf_referral_dialog_dispose;
  dialog_class->response = cf_referral_dialog_response;

  /**
   * CfReferralDialog::recorded:
   *
   * The change and its history entry were saved.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CfReferralDialog::failed:
   * @message: why, in words
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cf_referral_dialog_init (CfReferralDialog *self)
{
}

CfReferralDialog *
cf_referral_dialog_new (GtkWindow            *parent,
                        CfContext            *context,
                        CfCarer              *carer,
                        CfReferralDialogKind  kind)
{
  CfReferralDialog *self;

  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CF_IS_CARER (carer), NULL);

  self = g_object_new (CF_TYPE_REFERRAL_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->context = g_object_ref (context);
  self->carer = g_object_ref (carer);
  self->kind = kind;
  cf_referral_dialog_build (self);

  return self;
}
