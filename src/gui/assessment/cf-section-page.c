/* cf-section-page.c: one section of a carer's assessment, its questions as rows
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows come from the template (src/core/cf-assessment-template.c), so a council's own
 * questions need no new widgets. Each edit goes straight into the CfAssessment; the editor
 * saves it. The assessment is also the only truth the rows show: an answer changed anywhere
 * (another page, the rules, a test) is shown here at once, and questions that depend on it
 * appear or hide.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-field.h"
#include "cf-gui-util.h"
#include "cf-section-page.h"

/* DOMAIN.md, "The carer's assessment": the whole-family approach. A child who cares is
 * prompted for a young carer's needs assessment (Care Act s.63; Children Act 1989 s.17ZA)
 * until the referral is recorded as made. */
#define KEY_YOUNG_CARER "family.young_carer"
#define KEY_REFERRAL    "family.referral"

#define NOTES_LINES 3

typedef struct
{
  CfSectionPage    *page;
  const CfQuestion *question;
  GtkWidget        *group;
  GtkWidget        *row;
  GtkWidget        *control;
  GtkWidget        *hint_row;
  GtkTextBuffer    *buffer;
} Question;

struct _CfSectionPage
{
  AdwBin               parent_instance;

  CfAssessmentSection *section;
  CfAssessment        *assessment;
  GPtrArray           *questions;
  GPtrArray           *groups;
  gboolean             loading;

  GtkWidget           *prompt_row;

  GtkBox              *content;
  GtkLabel            *title_label;
  GtkLabel            *description_label;
};

G_DEFINE_FINAL_TYPE (CfSectionPage, cf_section_page, ADW_TYPE_BIN)

enum {
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
answer_of (CfSectionPage *self,
           const char    *key)
{
  return self->assessment != NULL ? cf_assessment_get_answer (self->assessment, key) : "";
}

/* Rows from the assessment --------------------------------------------------------------- */

static char *
notes_text (Question *q)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (q->buffer, &start, &end);
  return gtk_text_buffer_get_text (q->buffer, &start, &end, FALSE);
}

/* Only what differs is set: the row being typed in keeps its cursor. */
static void
question_load (CfSectionPage *self,
               Question      *q)
{
  const char *value = answer_of (self, q->question->key);

  self->loading = TRUE;
  switch (q->question->type)
    {
    case CF_QUESTION_CHOICE:
      {
        /* Position 0 is "Not answered". */
        guint position = cf_choices_find (q->question->choices, value) + 1;

        if (adw_combo_row_get_selected (ADW_COMBO_ROW (q->control)) != position)
          adw_combo_row_set_selected (ADW_COMBO_ROW (q->control), position);
      }
      break;

    case CF_QUESTION_TEXT:
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (q->control)), value) != 0)
        gtk_editable_set_text (GTK_EDITABLE (q->control), value);
      break;

    case CF_QUESTION_NOTES:
      {
        g_autofree char *shown = notes_text (q);

        if (g_strcmp0 (shown, value) != 0)
          gtk_text_buffer_set_text (q->buffer, value, -1);
      }
      break;

    default:
      g_assert_not_reached ();
    }
  self->loading = FALSE;
}

static void
refresh_shown (CfSectionPage *self)
{
  GHashTable *answers = self->assessment != NULL ? cf_assessment_get_answers (self->assessment)
                                                 : NULL;

  for (guint i = 0; i < self->questions->len; i++)
    {
      Question *q = g_ptr_array_index (self->questions, i);
      /* With nothing open, only the questions every assessment asks. */
      gboolean shown = answers != NULL ? cf_question_is_shown (q->question, answers)
                                       : q->question->shown_when_key == NULL;

      gtk_widget_set_visible (q->row, shown);
      if (q->hint_row != NULL)
        gtk_widget_set_visible (q->hint_row, shown);
    }

  /* A group whose questions are all waiting on another answer is hidden with them. */
  for (guint i = 0; i < self->groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (self->groups, i);
      gboolean any = FALSE;

      for (guint j = 0; j < self->questions->len && !any; j++)
        {
          Question *q = g_ptr_array_index (self->questions, j);

          any = q->group == group && gtk_widget_get_visible (q->row);
        }
      /* With its heading. */
      gtk_widget_set_visible (gtk_widget_get_parent (group), any);
    }

  if (self->prompt_row != NULL)
    gtk_widget_set_visible (self->prompt_row,
                            g_str_equal (answer_of (self, KEY_YOUNG_CARER), "yes") &&
                            !g_str_equal (answer_of (self, KEY_REFERRAL), "yes"));
}

static void
refresh_locked (CfSectionPage *self)
{
  gboolean editable = self->assessment != NULL && !cf_assessment_is_finished (self->assessment);

  for (guint i = 0; i < self->questions->len; i++)
    {
      Question *q = g_ptr_array_index (self->questions, i);

      cf_field_set_sensitive (q->row, editable);
    }
}

static void
on_answer_changed (CfSectionPage *self,
                   const char    *key)
{
  for (guint i = 0; i < self->questions->len; i++)
    {
      Question *q = g_ptr_array_index (self->questions, i);

      if (g_str_equal (q->question->key, key))
        question_load (self, q);
    }

  refresh_shown (self);
}

static void
on_status_changed (CfSectionPage *self)
{
  refresh_locked (self);
}

/* Edits into the assessment --------------------------------------------------------------- */

static void
question_store (Question   *q,
                const char *value)
{
  CfSectionPage *self = q->page;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->assessment == NULL)
    return;

  if (!cf_assessment_set_answer (self->assessment, q->question->key, value, &error))
    {
      /* Locked meanwhile (finished elsewhere): show what is stored, and say why. */
      question_load (self, q);
      g_signal_emit (self, signals[FAILED], 0, error->message);
    }
}

static void
on_choice_selected (GObject    *row,
                    GParamSpec *pspec,
                    Question   *q)
{
  guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  question_store (q, position == 0 ? "" : q->question->choices[position - 1].id);
}

static void
on_text_changed (GtkEditable *editable,
                 Question    *q)
{
  question_store (q, gtk_editable_get_text (editable));
}

static void
on_notes_changed (GtkTextBuffer *buffer,
                  Question      *q)
{
  g_autofree char *text = notes_text (q);

  question_store (q, text);
}

/* Building the rows ---------------------------------------------------------------------- */

static GtkWidget *
plain_row (void)
{
  return g_object_new (ADW_TYPE_PREFERENCES_ROW,
                       "activatable", FALSE,
                       "selectable", FALSE,
                       "focusable", FALSE,
                       NULL);
}

static GtkWidget *
wrapping_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);

  return label;
}

/* At least three lines of the current font, so a paragraph has room to be written. */
static void
set_notes_height (GtkWidget *view)
{
  PangoContext *context = gtk_widget_get_pango_context (view);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int line = PANGO_PIXELS (pango_font_metrics_get_height (metrics));

  pango_font_metrics_unref (metrics);
  gtk_widget_set_size_request (view, -1,
                               MAX (line, 16) * NOTES_LINES +
                               gtk_text_view_get_top_margin (GTK_TEXT_VIEW (view)) +
                               gtk_text_view_get_bottom_margin (GTK_TEXT_VIEW (view)));
}

static void
build_notes (Question *q)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *label = wrapping_label (cf_question_get_label (q->question));
  const char *help = cf_question_get_help (q->question);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  int top = 0;

  q->row = plain_row ();
  q->control = view;
  q->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (q->row), cf_question_get_label (q->question));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 8);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_grid_attach (GTK_GRID (grid), label, 0, top++, 1, 1);

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  /* Tab moves on to the next question, as in every other field of the form. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  set_notes_height (view);
  if (help != NULL)
    {
      GtkWidget *hint = wrapping_label (help);

      gtk_widget_add_css_class (hint, "dim-label");
      gtk_widget_add_css_class (hint, "caption");
      gtk_grid_attach (GTK_GRID (grid), hint, 0, top++, 1, 1);
      cf_field_describe (view, hint);
    }
  gtk_frame_set_child (GTK_FRAME (frame), view);
  /* After the frame takes the view: GTK 4.8's GtkFrame resets its child's labelled-by
   * relation (to its own label, and it has none), which left every notes field unnamed. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_grid_attach (GTK_GRID (grid), frame, 0, top, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (q->row), grid);
  /* A plain row does not name itself by its title. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (q->row), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);

  g_signal_connect (q->buffer, "changed", G_CALLBACK (on_notes_changed), q);
}

static void
build_text (Question *q)
{
  const char *help = cf_question_get_help (q->question);

  q->row = adw_entry_row_new ();
  q->control = q->row;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (q->row), cf_question_get_label (q->question));
  g_signal_connect (q->row, "changed", G_CALLBACK (on_text_changed), q);

  /* An entry row has no subtitle: the help goes in a row of its own just below. */
  if (help != NULL)
    {
      GtkWidget *hint = wrapping_label (help);

      gtk_widget_add_css_class (hint, "dim-label");
      gtk_widget_add_css_class (hint, "caption");
      gtk_widget_set_margin_start (hint, 12);
      gtk_widget_set_margin_end (hint, 12);
      gtk_widget_set_margin_top (hint, 6);
      gtk_widget_set_margin_bottom (hint, 6);
      q->hint_row = plain_row ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (q->hint_row), hint);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (q->hint_row),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, hint, NULL, -1);
      cf_field_describe (q->row, hint);
    }
}

static void
build_choice (Question *q)
{
  /* Translators: shown in a question's list of answers while none has been chosen */
  g_autoptr(GtkStringList) model = cf_choice_list_new_with_none (q->question->choices,
                                                                 _("Not answered"));
  const char *help = cf_question_get_help (q->question);

  q->row = adw_combo_row_new ();
  q->control = q->row;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (q->row), cf_question_get_label (q->question));
  adw_combo_row_set_model (ADW_COMBO_ROW (q->row), G_LIST_MODEL (model));
  if (help != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (q->row), help);
  g_signal_connect (q->row, "notify::selected", G_CALLBACK (on_choice_selected), q);
}

static GtkWidget *
build_prompt (void)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                 "activatable", FALSE,
                                 "selectable", FALSE,
                                 /* Reached by the keyboard, so a screen reader reads it. */
                                 "focusable", TRUE,
                                 "title", _("Young carer’s referral"),
                                 NULL);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "dialog-information-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "valign", GTK_ALIGN_START,
                                  NULL);
  GtkWidget *label = wrapping_label (_("A child or young person helps to care. Refer them "
                                       "for a young carer’s needs assessment of their own, "
                                       "then record below that the referral was made. Think "
                                       "about the whole family, not only the adult carer."));

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (GTK_GRID (grid), icon, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), label, 1, 0, 1, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_widget_set_visible (row, FALSE);

  return row;
}

static void
build (CfSectionPage *self)
{
  const char *description = cf_assessment_section_get_description (self->section);
  AdwPreferencesGroup *group = NULL;
  GtkWidget *group_label = NULL;
  const char *group_name = NULL;
  guint n = cf_assessment_section_get_n_questions (self->section);

  gtk_label_set_text (self->title_label, cf_assessment_section_get_title (self->section));
  gtk_label_set_text (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description != NULL);

  for (guint i = 0; i < n; i++)
    {
      const CfQuestion *question = cf_assessment_section_get_question (self->section, i);
      Question *q = g_new0 (Question, 1);

      /* Consecutive questions with one group (an outcome, an area of wellbeing) belong
       * together under its name; the section's own questions share an untitled group. */
      if (group == NULL || g_strcmp0 (question->group, group_name) != 0)
        {
          GtkWidget *block = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          group_name = question->group;
          /* The section's own questions are named by the section. */
          group_label = GTK_WIDGET (self->title_label);
          /* A heading of our own rather than the group's title, which ellipsizes in
           * libadwaita 1.2: an outcome's name is long, and must be read whole. */
          if (question->group != NULL)
            {
              GtkWidget *heading = gtk_label_new (cf_question_get_group (question));

              gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
              gtk_label_set_xalign (GTK_LABEL (heading), 0);
              gtk_widget_add_css_class (heading, "heading");
              gtk_box_append (GTK_BOX (block), heading);
              gtk_accessible_update_relation (GTK_ACCESSIBLE (group),
                                              GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading,
                                              NULL, -1);
              group_label = heading;
            }
          gtk_box_append (GTK_BOX (block), GTK_WIDGET (group));
          gtk_box_append (self->content, block);
          g_ptr_array_add (self->groups, group);
        }

      q->page = self;
      q->question = question;
      q->group = GTK_WIDGET (group);
      switch (question->type)
        {
        case CF_QUESTION_CHOICE:
          build_choice (q);
          break;
        case CF_QUESTION_TEXT:
          build_text (q);
          break;
        case CF_QUESTION_NOTES:
          build_notes (q);
          break;
        default:
          g_assert_not_reached ();
        }

      /* "Can the carer achieve this?" means nothing without the outcome it is about: a
       * screen reader hears the outcome after the question. */
      if (question->group != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (q->control),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        cf_question_get_group (question), -1);
      adw_preferences_group_add (group, q->row);
      /* libadwaita 1.2 names a group's list of rows by the group's title, which these groups
       * leave empty: a screen reader entering the list would hear no name. The rows' parent
       * is that list. */
      if (group_label != NULL && GTK_IS_LIST_BOX (gtk_widget_get_parent (q->row)))
        {
          gtk_accessible_update_relation (GTK_ACCESSIBLE (gtk_widget_get_parent (q->row)),
                                          GTK_ACCESSIBLE_RELATION_LABELLED_BY, group_label,
                                          NULL, -1);
          group_label = NULL;
        }
      if (q->hint_row != NULL)
        adw_preferences_group_add (group, q->hint_row);
      g_ptr_array_add (self->questions, q);

      if (g_str_equal (question->key, KEY_YOUNG_CARER))
        {
          self->prompt_row = build_prompt ();
          adw_preferences_group_add (group, self->prompt_row);
        }
    }

  refresh_shown (self);
  refresh_locked (self);
}

static void
scroll_to_top (gpointer self)
{
  GtkWidget *scroller = adw_bin_get_child (ADW_BIN (self));

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                            0);
}

/* GObject --------------------------------------------------------------------------------- */

static void
cf_section_page_dispose (GObject *object)
{
  CfSectionPage *self = CF_SECTION_PAGE (object);

  cf_section_page_set_assessment (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_SECTION_PAGE);

  G_OBJECT_CLASS (cf_section_page_parent_class)->dispose (object);
}

static void
cf_section_page_finalize (GObject *object)
{
  CfSectionPage *self = CF_SECTION_PAGE (object);

  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_section_page_parent_class)->finalize (object);
}

static void
cf_section_page_class_init (CfSectionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_section_page_dispose;
  object_class->finalize = cf_section_page_finalize;

  /**
   * CfSectionPage::failed:
   * @message: why an answer could not be changed, in words
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/assessment/cf-section-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CfSectionPage, content);
  gtk_widget_class_bind_template_child (widget_class, CfSectionPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, CfSectionPage, description_label);
}

static void
cf_section_page_init (CfSectionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->questions = g_ptr_array_new_with_free_func (g_free);
  self->groups = g_ptr_array_new ();
}

/**
 * cf_section_page_new:
 * @section: (transfer none): a section of a template, which must outlive the page
 */
CfSectionPage *
cf_section_page_new (CfAssessmentSection *section)
{
  CfSectionPage *self;

  g_return_val_if_fail (section != NULL, NULL);

  self = g_object_new (CF_TYPE_SECTION_PAGE, NULL);
  self->section = section;
  build (self);

  return self;
}

CfAssessmentSection *
cf_section_page_get_section (CfSectionPage *self)
{
  g_return_val_if_fail (CF_IS_SECTION_PAGE (self), NULL);

  return self->section;
}

/**
 * cf_section_page_set_assessment:
 * @assessment: (nullable): the assessment to show; %NULL empties every row, so no answer
 *   stays in a widget once the app locks
 */
void
cf_section_page_set_assessment (CfSectionPage *self,
                                CfAssessment  *assessment)
{
  g_return_if_fail (CF_IS_SECTION_PAGE (self));
  g_return_if_fail (assessment == NULL || CF_IS_ASSESSMENT (assessment));

  if (self->assessment == assessment)
    return;

  if (self->assessment != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->assessment, self);
      g_clear_object (&self->assessment);
    }

  if (assessment != NULL)
    {
      self->assessment = g_object_ref (assessment);
      g_signal_connect_object (assessment, "answer-changed", G_CALLBACK (on_answer_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (assessment, "notify::status", G_CALLBACK (on_status_changed),
                               self, G_CONNECT_SWAPPED);
    }

  for (guint i = 0; self->questions != NULL && i < self->questions->len; i++)
    question_load (self, g_ptr_array_index (self->questions, i));

  if (self->questions != NULL)
    {
      refresh_shown (self);
      refresh_locked (self);
    }

  scroll_to_top (self);
}

/**
 * cf_section_page_focus_first:
 *
 * Returns: whether a question took the focus (none can while the assessment is locked)
 */
gboolean
cf_section_page_focus_first (CfSectionPage *self)
{
  g_return_val_if_fail (CF_IS_SECTION_PAGE (self), FALSE);

  for (guint i = 0; i < self->questions->len; i++)
    {
      Question *q = g_ptr_array_index (self->questions, i);

      if (gtk_widget_get_visible (q->row) && gtk_widget_is_sensitive (q->row))
        return gtk_widget_grab_focus (q->control);
    }

  return FALSE;
}
