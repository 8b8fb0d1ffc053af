/* cf-return-dialog.c: a coordinator returns a finished assessment for correction
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Eligibility": a finished assessment is locked. A coordinator may return it, and
 * must say why, so the assessor knows what to correct; src/core/cf-assessments.c keeps who
 * returned it, when and why in the carer's history.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-assessments.h"
#include "cf-return-dialog.h"

struct _CfReturnDialog
{
  AdwMessageDialog  parent_instance;

  CfContext        *context;
  CfAssessment     *assessment;
  GtkWidget        *entry;
};

G_DEFINE_FINAL_TYPE (CfReturnDialog, cf_return_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  RETURNED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_reason (CfReturnDialog *self)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
}

static void
update_response (CfReturnDialog *self)
{
  g_autofree char *reason = dup_reason (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "return", *reason != '\0');
}

static void
cf_return_dialog_response (AdwMessageDialog *dialog,
                           const char       *response)
{
  CfReturnDialog *self = CF_RETURN_DIALOG (dialog);
  CfStore *store = cf_context_get_store (self->context);
  g_autofree char *reason = dup_reason (self);
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "return") || store == NULL || *reason == '\0')
    return;

  if (cf_assessments_return (store, self->assessment, reason, &error))
    g_signal_emit (self, signals[RETURNED], 0);
  else
    g_signal_emit (self, signals[FAILED], 0, error->message);
}

static void
cf_return_dialog_dispose (GObject *object)
{
  CfReturnDialog *self = CF_RETURN_DIALOG (object);

  g_clear_object (&self->assessment);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_return_dialog_parent_class)->dispose (object);
}

static void
cf_return_dialog_class_init (CfReturnDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = cf_return_dialog_dispose;
  dialog_class->response = cf_return_dialog_response;

  /**
   * CfReturnDialog::returned:
   *
   * The assessment is a draft again, and that was saved.
   */
  signals[RETURNED] = g_signal_new ("returned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * CfReturnDialog::failed:
   * @message: why, in words
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
cf_return_dialog_init (CfReturnDialog *self)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_("What needs correcting"));

  adw_message_dialog_set_heading (dialog, _("Return for Correction?"));
  adw_message_dialog_set_body (dialog,
                               _("The assessment becomes a draft again, so the assessor can "
                                 "correct it and finish it again. Who returned it, when and "
                                 "why are kept in the carer’s history."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("Cancel"),
                                    /* Translators: a button: return an assessment for
                                     * correction */
                                    "return", _("Return"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "return", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "return");
  adw_message_dialog_set_close_response (dialog, "cancel");

  self->entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (self->entry), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), self->entry);
  adw_message_dialog_set_extra_child (dialog, box);

  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (update_response), self);
  update_response (self);
}

CfReturnDialog *
cf_return_dialog_new (GtkWindow    *parent,
                      CfContext    *context,
                      CfAssessment *assessment)
{
  CfReturnDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (CF_IS_ASSESSMENT (assessment), NULL);

  self = g_object_new (CF_TYPE_RETURN_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->context = g_object_ref (context);
  self->assessment = g_object_ref (assessment);

  return self;
}

/* The reason's entry, for the keyboard's first stop and for tests. */
GtkEditable *
cf_return_dialog_get_entry (CfReturnDialog *self)
{
  g_return_val_if_fail (CF_IS_RETURN_DIALOG (self), NULL);

  return GTK_EDITABLE (self->entry);
}
