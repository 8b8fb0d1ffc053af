/* cf-assessment-editor.c: a carer's assessment, part by part, saved as it is typed
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "The carer's assessment". A worker fills this in at a kitchen table, in whatever
 * order the conversation takes: the sidebar lists the parts with their progress in words, and
 * nothing is required until the assessment is finished. Every edit goes into the CfAssessment
 * at once and is saved half a second after the last one, never blocking typing; a failed save
 * keeps the edit in memory, says why, and tries again. The pages are separate widgets
 * (cf-about-page.c, cf-section-page.c, cf-decision-page.c, cf-record-page.c) that edit the same
 * assessment; this one saves it and says where things stand.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-about-page.h"
#include "cf-assessment-editor-private.h"
#include "cf-assessments.h"
#include "cf-dates.h"
#include "cf-decision-page.h"
#include "cf-record-page.h"
#include "cf-section-page.h"

/* How long after the last keystroke a change is saved. Short enough that a crash or a flat
 * battery loses at most a second of typing. */
#define SAVE_DELAY_MS 500
#define RETRY_DELAY_S 5
/* Typing without a pause still saves this often. */
#define MAX_DELAY_US  (3 * G_USEC_PER_SEC)

#define KEY_ABOUT    "about"
#define KEY_DECISION "decision"
#define KEY_RECORD   "record"

/* The assessment's own fields a person edits here; a change to any of them is saved. */
static const char * const autosaved_fields[] = {
  "assessed-on", "mode", "assessor", "people-involved",
  "decision", "decision-reason", "decided-by", "decided-by-name",
  "council-signoff-by", "council-signoff-on",
  "record-language", "record-large-print",
  NULL
};

/* One part of the assessment in the sidebar, and its page. */
typedef struct
{
  char                *key;
  CfAssessmentSection *section;
  GtkWidget           *row;
  GtkLabel            *title;
  GtkLabel            *detail;
  GtkWidget           *icon;
  GtkWidget           *page;
} Entry;

struct _CfAssessmentEditor
{
  AdwBin                parent_instance;

  CfContext            *context;
  CfCarer              *carer;
  CfAssessment         *assessment;
  CfAssessmentTemplate *template;
  GPtrArray            *entries;
  CfAboutPage          *about_page;
  CfDecisionPage       *decision_page;
  CfRecordPage         *record_page;
  guint                 save_source;
  gint64                pending_since;

  GtkLabel             *title_label;
  GtkLabel             *status_label;
  GtkLabel             *save_status;
  GtkListBox           *sidebar;
  GtkStack             *stack;
};

G_DEFINE_FINAL_TYPE (CfAssessmentEditor, cf_assessment_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ASSESSMENT_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
field_text (CfAssessmentEditor *self,
            const char         *field)
{
  return self->assessment != NULL ? cf_record_get_text (CF_RECORD (self->assessment), field)
                                  : "";
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/* Saving ---------------------------------------------------------------------------------- */

static void
refresh_save_status (CfAssessmentEditor *self,
                     const char         *error_message)
{
  g_autofree char *text = NULL;

  if (self->assessment == NULL)
    text = g_strdup ("");
  else if (error_message != NULL)
    /* Translators: %s says why saving failed */
    text = g_strdup_printf (_("Not saved: %s. Your changes are kept here and Carefield will "
                              "try again."), error_message);
  else
    text = g_strdup (_("All changes saved."));

  gtk_label_set_text (self->save_status, text);
}

static gboolean
save_now (CfAssessmentEditor  *self,
          GError             **error)
{
  CfStore *store = cf_context_get_store (self->context);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->assessment == NULL || store == NULL)
    return TRUE;

  return cf_assessments_save (store, self->assessment, error);
}

static gboolean
save_timeout (gpointer user_data)
{
  CfAssessmentEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!save_now (self, &error))
    {
      refresh_save_status (self, error->message);
      /* Keep trying: the edit stays in memory and in the rows until it is stored. */
      self->save_source = g_timeout_add_seconds (RETRY_DELAY_S, save_timeout, self);
      return G_SOURCE_REMOVE;
    }

  refresh_save_status (self, NULL);
  g_signal_emit (self, signals[ASSESSMENT_SAVED], 0);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (CfAssessmentEditor *self)
{
  if (self->assessment == NULL)
    return;

  gtk_label_set_text (self->save_status, _("Saving…"));

  /* Restarted by each change, so a save lands in a pause rather than mid-word; but a long
   * stretch of typing is still saved every few seconds. */
  if (self->save_source == 0)
    self->pending_since = g_get_monotonic_time ();
  else if (g_get_monotonic_time () - self->pending_since > MAX_DELAY_US)
    return;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
}

/* The header and the sidebar --------------------------------------------------------------- */

static void
refresh_header (CfAssessmentEditor *self)
{
  g_autofree char *title = NULL;
  g_autofree char *status = NULL;
  const char *reason = field_text (self, "return_reason");

  if (self->assessment == NULL)
    {
      gtk_label_set_text (self->title_label, "");
      gtk_label_set_text (self->status_label, "");
      return;
    }

  title = cf_assessment_dup_title (self->assessment);
  if (cf_assessment_is_finished (self->assessment))
    /* Translators: the status of an assessment */
    status = g_strdup (_("Finished"));
  else if (!is_blank (reason))
    /* Translators: the status of an assessment; %s is why a coordinator returned it */
    status = g_strdup_printf (_("Returned for correction: %s"), reason);
  else
    /* Translators: the status of an assessment that is not finished */
    status = g_strdup (_("Draft"));

  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->status_label, status);
}

static char *
entry_detail (CfAssessmentEditor *self,
              Entry              *entry,
              gboolean           *complete)
{
  *complete = FALSE;

  if (self->assessment == NULL)
    return g_strdup ("");

  if (entry->section != NULL)
    {
      guint answered, total;

      cf_assessment_section_get_progress (entry->section,
                                          cf_assessment_get_answers (self->assessment),
                                          &answered, &total);
      *complete = answered == total;
      return g_strdup_printf (ngettext (/* Translators: progress through one part of an
                                         * assessment, such as “3 of 4 answered”; the plural
                                         * follows the second number */
                                        "%1$u of %2$u answered", "%1$u of %2$u answered",
                                        total),
                              answered, total);
    }

  if (g_str_equal (entry->key, KEY_ABOUT))
    {
      g_autofree char *date = cf_date_to_user (field_text (self, "assessed_on"));
      const char *mode = field_text (self, "mode");
      guint year, month, day;

      *complete = cf_date_parse_iso_shape (field_text (self, "assessed_on"), &year, &month, &day) &&
                  !is_blank (field_text (self, "assessor"));
      if (*date == '\0')
        return g_strdup (_("Date not recorded"));
      if (cf_choices_find (cf_assessment_modes, mode) < 0)
        return g_steal_pointer (&date);
      /* Translators: "%1$s" is the date of an assessment, "%2$s" how it was done */
      return g_strdup_printf (_("%1$s, %2$s"), date, cf_choices_label (cf_assessment_modes, mode));
    }

  if (g_str_equal (entry->key, KEY_DECISION))
    {
      g_autoptr(CfEligibility) proposal = cf_assessment_evaluate (self->assessment);
      const char *proposed = cf_eligibility_get_decision_id (proposal);

      *complete = cf_assessment_is_finished (self->assessment);
      if (*complete)
        /* Translators: %s is the decision recorded, such as “Eligible” */
        return g_strdup_printf (_("Decided: %s"),
                                cf_decision_get_label (field_text (self, "decision")));
      /* Translators: %s is the result the rules propose, such as “Eligible” */
      return g_strdup_printf (_("Proposed: %s"), *proposed != '\0'
                                                 ? cf_decision_get_label (proposed)
                                                 : _("not yet known"));
    }

  if (g_str_equal (entry->key, KEY_RECORD))
    {
      const char *given_on = field_text (self, "record_given_on");

      if (!cf_assessment_is_finished (self->assessment))
        return g_strdup (_("Once the assessment is finished"));
      if (*given_on == '\0')
        return g_strdup (_("Not given yet"));

      *complete = TRUE;
      {
        g_autofree char *date = cf_date_to_user (given_on);

        /* Translators: %s is a date */
        return g_strdup_printf (_("Given on %s"), date);
      }
    }

  g_return_val_if_reached (g_strdup (""));
}

static void
refresh_sidebar (CfAssessmentEditor *self)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      gboolean complete;
      g_autofree char *detail = entry_detail (self, entry, &complete);

      gtk_label_set_text (entry->detail, detail);
      gtk_widget_set_visible (GTK_WIDGET (entry->detail), *detail != '\0');
      gtk_widget_set_visible (entry->icon, complete);
    }
}

static void
on_row_selected (CfAssessmentEditor *self,
                 GtkListBoxRow      *row)
{
  Entry *entry;

  if (row == NULL)
    return;

  entry = g_object_get_data (G_OBJECT (row), "cf-entry");
  gtk_stack_set_visible_child (self->stack, entry->page);
}

/* A GtkListBox moves Tab from row to row, and in browse mode the selection follows: from the
 * sidebar, Tab would only ever open the next part, never reach the questions of this one.
 * Tab goes into the page on show instead (Shift+Tab still moves back through the list and
 * out of it). A page with nothing to focus leaves Tab to the list. */
static gboolean
on_sidebar_key_pressed (CfAssessmentEditor    *self,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        GtkEventControllerKey *controller)
{
  GtkWidget *page;

  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab) ||
      (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  page = gtk_stack_get_visible_child (self->stack);
  if (page != NULL && gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD))
    return GDK_EVENT_STOP;

  return GDK_EVENT_PROPAGATE;
}

static Entry *
entry_new (const char          *key,
           const char          *title,
           CfAssessmentSection *section,
           GtkWidget           *page)
{
  Entry *entry = g_new0 (Entry, 1);
  GtkWidget *grid = gtk_grid_new ();

  entry->key = g_strdup (key);
  entry->section = section;
  entry->page = page;
  entry->row = gtk_list_box_row_new ();
  entry->title = GTK_LABEL (gtk_label_new (title));
  entry->detail = GTK_LABEL (gtk_label_new (NULL));
  /* The words say it is complete; the icon only repeats them. */
  entry->icon = g_object_new (GTK_TYPE_IMAGE,
                              "icon-name", "emblem-ok-symbolic",
                              "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                              "valign", GTK_ALIGN_CENTER,
                              "visible", FALSE,
                              NULL);

  gtk_label_set_xalign (entry->title, 0);
  gtk_label_set_wrap (entry->title, TRUE);
  gtk_label_set_wrap_mode (entry->title, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (GTK_WIDGET (entry->title), TRUE);
  gtk_label_set_xalign (entry->detail, 0);
  gtk_label_set_wrap (entry->detail, TRUE);
  gtk_label_set_wrap_mode (entry->detail, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (entry->detail), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (entry->detail), "caption");
  gtk_widget_add_css_class (entry->icon, "success");

  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_set_margin_top (grid, 4);
  gtk_widget_set_margin_bottom (grid, 4);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (entry->title), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (entry->detail), 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), entry->icon, 1, 0, 1, 2);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (entry->row), grid);

  /* Named by the title and the progress both ("Caring role 2 of 3 answered"): GTK 4.8 does
   * not turn a described-by relation into the description a screen reader reads, so the
   * progress would not be heard as the row is reached. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry->row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, entry->title,
                                  entry->detail, NULL,
                                  -1);
  g_object_set_data (G_OBJECT (entry->row), "cf-entry", entry);

  return entry;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->key);
  g_free (entry);
}

static void
on_page_failed (CfAssessmentEditor *self,
                const char         *message)
{
  refresh_save_status (self, message);
}

static void
on_page_saved (CfAssessmentEditor *self)
{
  g_autoptr(GError) error = NULL;

  /* The page's step saved the whole assessment; anything newer goes with it now. */
  if (!save_now (self, &error))
    {
      refresh_save_status (self, error->message);
      self->save_source = g_timeout_add_seconds (RETRY_DELAY_S, save_timeout, self);
    }
  else
    refresh_save_status (self, NULL);

  g_signal_emit (self, signals[ASSESSMENT_SAVED], 0);
}

/* The sidebar and the pages follow the template: a council's own sections get their own. */
static void
build_entries (CfAssessmentEditor   *self,
               CfAssessmentTemplate *template)
{
  GtkWidget *child;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->section != NULL)
        gtk_stack_remove (self->stack, entry->page);
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, child);
  g_ptr_array_set_size (self->entries, 0);

  self->template = template;

  g_ptr_array_add (self->entries, entry_new (KEY_ABOUT, _("About This Assessment"), NULL,
                                             GTK_WIDGET (self->about_page)));

  for (guint i = 0; i < cf_assessment_template_get_n_sections (template); i++)
    {
      CfAssessmentSection *section = cf_assessment_template_get_section (template, i);
      const char *key = cf_assessment_section_get_key (section);
      GtkWidget *page = GTK_WIDGET (cf_section_page_new (section));

      g_signal_connect_object (page, "failed", G_CALLBACK (on_page_failed), self,
                               G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->stack, page, key);
      g_ptr_array_add (self->entries, entry_new (key, cf_assessment_section_get_title (section),
                                                 section, page));
    }

  g_ptr_array_add (self->entries, entry_new (KEY_DECISION, _("Decision"), NULL,
                                             GTK_WIDGET (self->decision_page)));
  g_ptr_array_add (self->entries, entry_new (KEY_RECORD, _("Written Record"), NULL,
                                             GTK_WIDGET (self->record_page)));

  for (guint i = 0; i < self->entries->len; i++)
    gtk_list_box_append (self->sidebar, ((Entry *) g_ptr_array_index (self->entries, i))->row);
}

static Entry *
find_entry (CfAssessmentEditor *self,
            const char         *key)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_str_equal (entry->key, key))
        return entry;
    }

  return NULL;
}

/* Following the assessment ----------------------------------------------------------------- */

static void
on_answer_changed (CfAssessmentEditor *self)
{
  refresh_sidebar (self);
  schedule_save (self);
}

static void
on_assessment_notify (CfAssessmentEditor *self,
                      GParamSpec         *pspec)
{
  /* Saving touches the version and times: nothing to show, nothing more to save. */
  if (g_str_equal (pspec->name, "version") || g_str_equal (pspec->name, "sync-state") ||
      g_str_equal (pspec->name, "updated-at") || g_str_equal (pspec->name, "updated-by"))
    return;

  refresh_header (self);
  refresh_sidebar (self);

  if (g_strv_contains (autosaved_fields, pspec->name))
    schedule_save (self);
}

/* GObject --------------------------------------------------------------------------------- */

static void
cf_assessment_editor_dispose (GObject *object)
{
  CfAssessmentEditor *self = CF_ASSESSMENT_EDITOR (object);

  if (self->assessment != NULL && self->save_source != 0)
    {
      g_autoptr(GError) error = NULL;

      if (!save_now (self, &error))
        g_warning ("An edit to an assessment could not be saved: %s", error->message);
    }
  if (self->entries != NULL)
    cf_assessment_editor_set_assessment (self, NULL, NULL);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_ASSESSMENT_EDITOR);

  G_OBJECT_CLASS (cf_assessment_editor_parent_class)->dispose (object);
}

static void
cf_assessment_editor_finalize (GObject *object)
{
  CfAssessmentEditor *self = CF_ASSESSMENT_EDITOR (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (cf_assessment_editor_parent_class)->finalize (object);
}

static void
cf_assessment_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CfAssessmentEditor *self = CF_ASSESSMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_assessment_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  CfAssessmentEditor *self = CF_ASSESSMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_assessment_editor_constructed (GObject *object)
{
  CfAssessmentEditor *self = CF_ASSESSMENT_EDITOR (object);

  G_OBJECT_CLASS (cf_assessment_editor_parent_class)->constructed (object);

  g_assert (self->context != NULL);

  self->about_page = cf_about_page_new (self->context);
  self->decision_page = cf_decision_page_new (self->context);
  self->record_page = cf_record_page_new (self->context);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->about_page), KEY_ABOUT);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->decision_page), KEY_DECISION);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->record_page), KEY_RECORD);
  g_signal_connect_object (self->about_page, "failed", G_CALLBACK (on_page_failed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->decision_page, "saved", G_CALLBACK (on_page_saved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->decision_page, "failed", G_CALLBACK (on_page_failed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->record_page, "saved", G_CALLBACK (on_page_saved), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->record_page, "failed", G_CALLBACK (on_page_failed), self,
                           G_CONNECT_SWAPPED);

  build_entries (self, cf_assessment_template_get_default ());
  gtk_list_box_select_row (self->sidebar,
                           GTK_LIST_BOX_ROW (find_entry (self, KEY_ABOUT)->row));
  refresh_header (self);
  refresh_sidebar (self);
}

static void
cf_assessment_editor_class_init (CfAssessmentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_assessment_editor_dispose;
  object_class->finalize = cf_assessment_editor_finalize;
  object_class->get_property = cf_assessment_editor_get_property;
  object_class->set_property = cf_assessment_editor_set_property;
  object_class->constructed = cf_assessment_editor_constructed;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CF_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfAssessmentEditor::assessment-saved:
   *
   * The assessment was saved, finished, returned, or its written record recorded as given:
   * lists that show it can refresh.
   */
  signals[ASSESSMENT_SAVED] = g_signal_new ("assessment-saved", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/carefield/Carefield/assessment/cf-assessment-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CfAssessmentEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, CfAssessmentEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, CfAssessmentEditor, save_status);
  gtk_widget_class_bind_template_child (widget_class, CfAssessmentEditor, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CfAssessmentEditor, stack);
}

static void
cf_assessment_editor_init (CfAssessmentEditor *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_ptr_array_new_with_free_func (entry_free);
  g_signal_connect_swapped (self->sidebar, "row-selected", G_CALLBACK (on_row_selected), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_sidebar_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar), keys);
}

CfAssessmentEditor *
cf_assessment_editor_new (CfContext *context)
{
  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  return g_object_new (CF_TYPE_ASSESSMENT_EDITOR, "context", context, NULL);
}

/**
 * cf_assessment_editor_set_assessment:
 * @carer: (nullable): whose assessment it is
 * @assessment: (nullable): the assessment to show, or %NULL to show nothing (when locking)
 *
 * Saves what was being edited before it lets go of it.
 */
void
cf_assessment_editor_set_assessment (CfAssessmentEditor *self,
                                     CfCarer            *carer,
                                     CfAssessment       *assessment)
{
  g_return_if_fail (CF_IS_ASSESSMENT_EDITOR (self));
  g_return_if_fail (carer == NULL || CF_IS_CARER (carer));
  g_return_if_fail (assessment == NULL || CF_IS_ASSESSMENT (assessment));

  if (self->assessment == assessment && self->carer == carer)
    return;

  if (self->assessment != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (self->save_source != 0 && !save_now (self, &error))
        g_warning ("An edit to an assessment could not be saved before closing it: %s",
                   error->message);

      g_signal_handlers_disconnect_by_data (self->assessment, self);
      g_clear_object (&self->assessment);
    }
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_set_object (&self->carer, carer);

  if (assessment != NULL)
    {
      CfAssessmentTemplate *template = cf_assessment_get_template (assessment);

      if (template != self->template)
        build_entries (self, template);

      self->assessment = g_object_ref (assessment);
      g_signal_connect_object (assessment, "answer-changed", G_CALLBACK (on_answer_changed),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (assessment, "notify", G_CALLBACK (on_assessment_notify), self,
                               G_CONNECT_SWAPPED);
    }

  /* With nothing open every row is emptied, not just hidden: locking must leave no personal
   * data in any widget, where a screen reader (or anything reading the accessibility tree)
   * would find it. */
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->section != NULL)
        cf_section_page_set_assessment (CF_SECTION_PAGE (entry->page), assessment);
    }
  cf_about_page_set_assessment (self->about_page, assessment);
  cf_decision_page_set_assessment (self->decision_page, assessment);
  cf_record_page_set_assessment (self->record_page, carer, assessment);

  refresh_header (self);
  refresh_sidebar (self);
  refresh_save_status (self, NULL);

  gtk_list_box_select_row (self->sidebar,
                           GTK_LIST_BOX_ROW (find_entry (self, KEY_ABOUT)->row));
}

CfAssessment *
cf_assessment_editor_get_assessment (CfAssessmentEditor *self)
{
  g_return_val_if_fail (CF_IS_ASSESSMENT_EDITOR (self), NULL);

  return self->assessment;
}

/**
 * cf_assessment_editor_flush:
 *
 * Saves any change waiting for its delay, now: before closing, locking or switching.
 */
gboolean
cf_assessment_editor_flush (CfAssessmentEditor  *self,
                            GError             **error)
{
  g_return_val_if_fail (CF_IS_ASSESSMENT_EDITOR (self), FALSE);

  if (self->assessment == NULL || self->save_source == 0)
    return TRUE;

  if (!save_now (self, error))
    return FALSE;

  refresh_save_status (self, NULL);
  g_signal_emit (self, signals[ASSESSMENT_SAVED], 0);
  return TRUE;
}

/**
 * cf_assessment_editor_show_section:
 * @key: a section of the assessment's template, or "about", "decision" or "record"
 */
void
cf_assessment_editor_show_section (CfAssessmentEditor *self,
                                   const char         *key)
{
  Entry *entry;

  g_return_if_fail (CF_IS_ASSESSMENT_EDITOR (self));
  g_return_if_fail (key != NULL);

  entry = find_entry (self, key);
  if (entry == NULL)
    {
      g_debug ("No part of the assessment is called “%s”", key);
      return;
    }

  gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (entry->row));
}

/* The first field of the page on show, or the sidebar when nothing there can be edited. */
void
cf_assessment_editor_focus_first (CfAssessmentEditor *self)
{
  GtkWidget *page;
  gboolean focused = FALSE;

  g_return_if_fail (CF_IS_ASSESSMENT_EDITOR (self));

  page = gtk_stack_get_visible_child (self->stack);
  if (page == GTK_WIDGET (self->about_page))
    focused = cf_about_page_focus_first (self->about_page);
  else if (CF_IS_SECTION_PAGE (page))
    focused = cf_section_page_focus_first (CF_SECTION_PAGE (page));
  else if (page == GTK_WIDGET (self->decision_page))
    focused = cf_decision_page_focus_first (self->decision_page);
  else if (page == GTK_WIDGET (self->record_page))
    focused = cf_record_page_focus_first (self->record_page);

  if (!focused)
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);

      if (row != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

/* For the tests ---------------------------------------------------------------------------- */

GtkListBox *
cf_assessment_editor_get_sidebar (CfAssessmentEditor *self)
{
  g_return_val_if_fail (CF_IS_ASSESSMENT_EDITOR (self), NULL);

  return self->sidebar;
}

GtkWidget *
cf_assessment_editor_get_page (CfAssessmentEditor *self,
                               const char         *key)
{
  Entry *entry;

  g_return_val_if_fail (CF_IS_ASSESSMENT_EDITOR (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = find_entry (self, key);
  return entry != NULL ? entry->page : NULL;
}

/* What "Save as PDF…" does once a file is chosen: the file chooser can't be driven in a test. */
void
cf_assessment_editor_export_pdf (CfAssessmentEditor *self,
                                 const char         *path)
{
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (CF_IS_ASSESSMENT_EDITOR (self));
  g_return_if_fail (path != NULL);

  file = g_file_new_for_path (path);
  cf_record_page_export_pdf (self->record_page, file);
}
