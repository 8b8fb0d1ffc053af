/* cf-review-mode.c: the laptop handed to a carer to read and answer their own plan
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "GUI map": carer review mode shows one carer's plan, emergency plan, direct
 * payment and next review in large, plain text, and nothing else: it holds only what
 * cf_carer_review_load() loaded for that carer, and the window shows nothing but this while it
 * is up. The carer can agree, comment, say what should change or ask for an early review
 * (Care Act s.25(5), s.27(3)); what they say is saved as theirs and syncs like any record.
 *
 * It speaks the carer's language (DOMAIN.md, "Information, consent"): it is built, and its
 * messages written, in the language chosen at the top, whatever the worker's interface
 * language is; right-to-left languages mirror it. Leaving needs the worker's passphrase,
 * checked as unlocking checks it, off the main thread; after CF_REVIEW_MODE_MAX_ATTEMPTS wrong
 * ones the window locks instead.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-choices.h"
#include "cf-dates.h"
#include "cf-interface-language.h"
#include "cf-language.h"
#include "cf-profile.h"
#include "cf-review-mode.h"

struct _CfReviewMode
{
  GtkWidget             parent_instance;

  CfStore              *store;
  char                 *profile_dir;
  CfCarerReview        *review;
  char                 *language;
  GStrv                 languages;
  GCancellable         *cancellable;
  guint                 failures;
  gboolean              checking;

  AdwWindowTitle       *window_title;
  GtkDropDown          *language_dropdown;
  GtkRevealer          *leave_revealer;
  GtkWidget            *passphrase_entry;
  GtkLabel             *leave_error;
  GtkWidget            *documents_box;
  GtkTextView          *words_view;
  GtkLabel             *status_label;
  GtkWidget            *said_heading;
  GtkWidget            *said_box;
};

G_DEFINE_FINAL_TYPE (CfReviewMode, cf_review_mode, GTK_TYPE_WIDGET)

enum {
  LEAVE,
  LOCK,
  LANGUAGE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Every widget below @widget takes @direction: GTK gives each widget the default direction
 * unless told otherwise, and the rest of the window keeps the interface's. */
static void
set_direction (GtkWidget        *widget,
               GtkTextDirection  direction)
{
  gtk_widget_set_direction (widget, direction);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    set_direction (child, direction);
}

static void
apply_direction (CfReviewMode *self)
{
  set_direction (GTK_WIDGET (self), cf_interface_language_get_direction (self->language));
}

static GtkWidget *
new_label (const char *text,
           const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);

  return label;
}

static GtkWidget *
new_heading (const char *text,
             const char *style_class)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "xalign", 0.0f,
                                   NULL);

  gtk_widget_add_css_class (label, style_class);

  return label;
}

/* One section the carer reads, one idea to a line: a heading, then each block. */
static GtkWidget *
render_document (CfDocument *document)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  const char *footer = cf_document_get_footer (document);
  guint n = cf_document_get_n_blocks (document);

  gtk_widget_add_css_class (box, "review-section");
  gtk_box_append (GTK_BOX (box), new_heading (cf_document_get_title (document), "title-1"));

  for (guint i = 0; i < n; i++)
    {
      const char *text;
      const char *value;

      switch (cf_document_get_block (document, i, &text, &value))
        {
        case CF_DOCUMENT_HEADING:
          gtk_box_append (GTK_BOX (box), new_heading (text, "title-3"));
          break;

        case CF_DOCUMENT_PARAGRAPH:
          gtk_box_append (GTK_BOX (box), new_label (text, NULL));
          break;

        case CF_DOCUMENT_FIELD:
          {
            /* Translators: a line of a carer's plan in carer review mode: %1$s is what it is,
             * such as “Who does it”, %2$s what it says */
            g_autofree char *line = g_strdup_printf (_("%1$s: %2$s"), text, value);

            gtk_box_append (GTK_BOX (box), new_label (line, NULL));
          }
          break;

        case CF_DOCUMENT_BULLET:
          {
            /* Translators: an item of a list in a carer's plan, as a bullet point */
            g_autofree char *line = g_strdup_printf (_("• %s"), text);

            gtk_box_append (GTK_BOX (box), new_label (line, NULL));
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (footer != NULL && *footer != '\0')
    gtk_box_append (GTK_BOX (box), new_label (footer, "dim-label"));

  return box;
}

static void
show_documents (CfReviewMode         *self,
                const CfOrganisation *organisation)
{
  g_autoptr(GPtrArray) documents = cf_carer_review_build_documents (self->review, self->language,
                                                                    organisation);

  for (guint i = 0; i < documents->len; i++)
    gtk_box_append (GTK_BOX (self->documents_box),
                    render_document (g_ptr_array_index (documents, i)));
}

/* What the carer has said about their plans, newest last. Called inside the language. */
static void
show_responses (CfReviewMode *self)
{
  g_autoptr(GPtrArray) responses = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->said_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->said_box), child);

  responses = cf_carer_review_list_responses (self->store,
                                              cf_record_get_id (CF_RECORD (self->review->carer)),
                                              &error);
  if (responses == NULL)
    {
      /* What they said is saved; only the list of it could not be read back. */
      gtk_widget_set_visible (self->said_heading, TRUE);
      gtk_box_append (GTK_BOX (self->said_box), new_label (error->message, NULL));
      return;
    }

  gtk_widget_set_visible (self->said_heading, responses->len > 0);
  for (guint i = 0; i < responses->len; i++)
    {
      CfCarerResponse *response = g_ptr_array_index (responses, i);
      g_autofree char *summary = cf_carer_response_dup_summary (response);
      g_autofree char *when = cf_datetime_to_user (cf_record_get_text (CF_RECORD (response),
                                                                       "given_at"));
      /* Translators: %1$s is a date and time, %2$s what a carer said about their plan */
      g_autofree char *line = g_strdup_printf (_("%1$s — %2$s"), when, summary);

      gtk_box_append (GTK_BOX (self->said_box), new_label (line, NULL));
    }
}

static void
set_status (CfReviewMode *self,
            const char   *message)
{
  gtk_label_set_label (self->status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
}

/* The thanks a carer reads once what they said is saved, in their language. */
static const char *
thanks_for (const char *kind)
{
  if (g_str_equal (kind, CF_CARER_RESPONSE_AGREE))
    return _("Thank you. We have saved that you agree with your plan.");
  if (g_str_equal (kind, CF_CARER_RESPONSE_COMMENT))
    return _("Thank you. We have saved your comment. Your worker will read it.");
  if (g_str_equal (kind, CF_CARER_RESPONSE_CHANGE))
    return _("Thank you. We have saved what you would like to change. Your worker will talk "
             "to you about it.");
  return _("Thank you. We have asked for an early review. Your worker will contact you within "
           "four weeks.");
}

static void
action_respond (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CfReviewMode *self = CF_REVIEW_MODE (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  g_autoptr(CfCarerResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *words = cf_review_mode_dup_words (self);
  CfLanguageScope scope = { 0 };

  response = cf_carer_review_respond (self->store, self->review, kind, words, self->language,
                                      &error);

  cf_language_scope_begin (&scope, self->language);
  if (response == NULL)
    {
      /* The words stay where they were typed. */
      set_status (self, error->message);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->words_view),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_widget_grab_focus (GTK_WIDGET (self->words_view));
    }
  else
    {
      set_status (self, thanks_for (kind));
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->words_view),
                                  GTK_ACCESSIBLE_STATE_INVALID);
      cf_review_mode_set_words (self, "");
      show_responses (self);
      apply_direction (self);
    }
  cf_language_scope_end (&scope);
}

static void
show_leave_error (CfReviewMode *self,
                  const char   *message)
{
  gtk_label_set_label (self->leave_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->leave_error), message != NULL);
  if (message != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (self->passphrase_entry),
                                 GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (self->passphrase_entry),
                                GTK_ACCESSIBLE_STATE_INVALID);
}

static void
action_leave (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CfReviewMode *self = CF_REVIEW_MODE (widget);

  gtk_revealer_set_reveal_child (self->leave_revealer, TRUE);
  gtk_widget_grab_focus (self->passphrase_entry);
}

static void
action_stay (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CfReviewMode *self = CF_REVIEW_MODE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  show_leave_error (self, NULL);
  gtk_revealer_set_reveal_child (self->leave_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->words_view));
}

static void
update_actions (CfReviewMode *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.check-passphrase", !self->checking);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.respond", !self->checking);
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(CfReviewMode) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CfStore) opened = cf_profile_unlock_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->checking = FALSE;
  update_actions (self);

  if (opened != NULL)
    {
      /* Only the check was wanted: the window already has the store open. */
      cf_store_close (opened, NULL);
      g_signal_emit (self, signals[LEAVE], 0);
      return;
    }

  /* The worker reads this, in the interface's language. */
  if (g_error_matches (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_WRONG_PASSPHRASE))
    {
      guint left;

      self->failures++;
      if (self->failures >= CF_REVIEW_MODE_MAX_ATTEMPTS)
        {
          g_signal_emit (self, signals[LOCK], 0);
          return;
        }
      left = CF_REVIEW_MODE_MAX_ATTEMPTS - self->failures;
      {
        g_autofree char *message =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        /* Translators: %u is how many more tries there are */
                                        "That is not the worker’s passphrase. After %u more "
                                        "wrong try Carefield will lock.",
                                        "That is not the worker’s passphrase. After %u more "
                                        "wrong tries Carefield will lock.", left), left);
        show_leave_error (self, message);
      }
    }
  else
    show_leave_error (self, error->message);

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_entry), "");
  gtk_widget_grab_focus (self->passphrase_entry);
}

static void
action_check_passphrase (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CfReviewMode *self = CF_REVIEW_MODE (widget);
  const char *passphrase = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_entry));

  if (self->checking)
    return;

  if (*passphrase == '\0')
    {
      show_leave_error (self, _("Enter the worker’s passphrase to leave review mode."));
      gtk_widget_grab_focus (self->passphrase_entry);
      return;
    }

  show_leave_error (self, NULL);
  self->checking = TRUE;
  update_actions (self);
  cf_profile_unlock_async (self->profile_dir, passphrase, cf_store_get_clock (self->store),
                           self->cancellable, on_checked, g_object_ref (self));
}

static void
on_language_selected (CfReviewMode *self)
{
  guint selected = gtk_drop_down_get_selected (self->language_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || self->languages[selected] == NULL ||
      g_str_equal (self->languages[selected], self->language))
    return;

  g_signal_emit (self, signals[LANGUAGE_CHANGED], 0, self->languages[selected]);
}

static void
fill_languages (CfReviewMode *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) available = cf_interface_language_dup_available ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *carers = cf_carer_review_dup_language (self->review);
  guint selected = 0;

  /* The carer's own first, then English, then the rest. */
  g_strv_builder_add (builder, carers);
  if (!g_str_equal (carers, "en"))
    g_strv_builder_add (builder, "en");
  for (guint i = 0; available[i] != NULL; i++)
    {
      if (!g_str_equal (available[i], carers) && !g_str_equal (available[i], "en"))
        g_strv_builder_add (builder, available[i]);
    }
  self->languages = g_strv_builder_end (builder);

  for (guint i = 0; self->languages[i] != NULL; i++)
    {
      const char *own = cf_interface_language_get_own_name (self->languages[i]);

      gtk_string_list_append (names, own != NULL ? own : cf_language_get_name (self->languages[i]));
      if (g_str_equal (self->languages[i], self->language))
        selected = i;
    }

  gtk_drop_down_set_model (self->language_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->language_dropdown, selected);
  g_signal_connect_swapped (self->language_dropdown, "notify::selected",
                            G_CALLBACK (on_language_selected), self);
}

static void
cf_review_mode_dispose (GObject *object)
{
  CfReviewMode *self = CF_REVIEW_MODE (object);

  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_REVIEW_MODE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (cf_review_mode_parent_class)->dispose (object);
}

static void
cf_review_mode_finalize (GObject *object)
{
  CfReviewMode *self = CF_REVIEW_MODE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->review, cf_carer_review_free);
  g_free (self->profile_dir);
  g_free (self->language);
  g_strfreev (self->languages);

  G_OBJECT_CLASS (cf_review_mode_parent_class)->finalize (object);
}

static void
cf_review_mode_class_init (CfReviewModeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_review_mode_dispose;
  object_class->finalize = cf_review_mode_finalize;

  /* The worker's passphrase was given. */
  signals[LEAVE] = g_signal_new ("leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Too many wrong passphrases: the window must lock. */
  signals[LOCK] = g_signal_new ("lock", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The carer chose another language; the mode is built again in it. */
  signals[LANGUAGE_CHANGED] = g_signal_new ("language-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/carefield/Carefield/review/cf-review-mode.ui");
  gtk_widget_class_bind_template_child (widget_class, CfReviewMode, window_title);
  gtk_widget_class_bind_template_child (widget_class, CfReviewMode, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CfReviewMode, leave_revealer);
  gtk_widget_class_bind_template_child (widget_class, CfReviewMode, passphrase_entry);
  gtk_widget_class_bind_template_child (widget_class, CfReviewMode, leave_error);
  gtk_widget_class_bind_template_child (widget_class, CfReviewMode, documents_box);
  gtk_widget_class_bind_template_child (widget_class, CfReviewMode, words_view);
  gtk_widget_class_bind_template_child (widget_class, CfReviewMode, status_label);
  gtk_widget_class_bind_template_child (widget_class, CfReviewMode, said_heading);
  gtk_widget_class_bind_template_child (widget_class, CfReviewMode, said_box);

  gtk_widget_class_install_action (widget_class, "review.respond", "s", action_respond);
  gtk_widget_class_install_action (widget_class, "review.leave", NULL, action_leave);
  gtk_widget_class_install_action (widget_class, "review.stay", NULL, action_stay);
  gtk_widget_class_install_action (widget_class, "review.check-passphrase", NULL,
                                   action_check_passphrase);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "review.stay", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
on_passphrase_activate (CfReviewMode *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "review.check-passphrase", NULL);
}

static void
cf_review_mode_init (CfReviewMode *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->passphrase_entry, "activate",
                            G_CALLBACK (on_passphrase_activate), self);
}

/**
 * cf_review_mode_new:
 * @profile_dir: the profile whose passphrase lets the worker leave
 * @review: (transfer full): the carer's plan and the rest, from cf_carer_review_load()
 * @language: the language to show it in
 * @organisation: (nullable): who the carer can call
 */
CfReviewMode *
cf_review_mode_new (CfStore              *store,
                    const char           *profile_dir,
                    CfCarerReview        *review,
                    const char           *language,
                    const CfOrganisation *organisation)
{
  CfReviewMode *self;
  CfLanguageScope scope = { 0 };
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (CF_IS_STORE (store), NULL);
  g_return_val_if_fail (profile_dir != NULL, NULL);
  g_return_val_if_fail (review != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  /* Everything the template and the code below write is in the carer's language. */
  cf_language_scope_begin (&scope, language);

  self = g_object_new (CF_TYPE_REVIEW_MODE, NULL);
  self->store = g_object_ref (store);
  self->profile_dir = g_strdup (profile_dir);
  self->review = review;
  self->language = g_strdup (language);

  name = cf_carer_dup_display_name (review->carer);
  /* Translators: the subtitle of carer review mode; %s is the carer's name */
  subtitle = g_strdup_printf (_("For %s"), name);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  fill_languages (self);
  show_documents (self, organisation);
  show_responses (self);

  cf_language_scope_end (&scope);

  apply_direction (self);

  return self;
}

CfCarerReview *
cf_review_mode_get_review (CfReviewMode *self)
{
  g_return_val_if_fail (CF_IS_REVIEW_MODE (self), NULL);

  return self->review;
}

const char *
cf_review_mode_get_language (CfReviewMode *self)
{
  g_return_val_if_fail (CF_IS_REVIEW_MODE (self), NULL);

  return self->language;
}

/**
 * cf_review_mode_dup_words:
 *
 * Returns: (transfer full): what the carer has typed and not yet sent
 */
char *
cf_review_mode_dup_words (CfReviewMode *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (CF_IS_REVIEW_MODE (self), NULL);

  buffer = gtk_text_view_get_buffer (self->words_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
cf_review_mode_set_words (CfReviewMode *self,
                          const char   *words)
{
  g_return_if_fail (CF_IS_REVIEW_MODE (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->words_view),
                            words != NULL ? words : "", -1);
}

/* A mode built again in another language keeps count of the wrong passphrases. */
void
cf_review_mode_set_failures (CfReviewMode *self,
                             guint         failures)
{
  g_return_if_fail (CF_IS_REVIEW_MODE (self));

  self->failures = failures;
}

guint
cf_review_mode_get_failures (CfReviewMode *self)
{
  g_return_val_if_fail (CF_IS_REVIEW_MODE (self), 0);

  return self->failures;
}

void
cf_review_mode_focus (CfReviewMode *self)
{
  g_return_if_fail (CF_IS_REVIEW_MODE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->words_view));
}
