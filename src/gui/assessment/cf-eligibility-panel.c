/* cf-eligibility-panel.c: the three conditions of eligibility and the proposed result
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Eligibility" (Care and Support (Eligibility Criteria) Regulations 2015, reg 3):
 * a carer is eligible when all three conditions hold. Each condition is shown with a word and
 * an icon, never a colour alone, and the reason in full: the worker reads it to the carer, and
 * it is what the written record will say. The result is only a proposal; a person decides.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-eligibility-panel.h"

typedef struct
{
  GtkWidget *row;
  GtkImage  *icon;
  GtkLabel  *word;
  GtkLabel  *reason;
} StateRow;

struct _CfEligibilityPanel
{
  AdwPreferencesGroup  parent_instance;

  StateRow             conditions[CF_N_CONDITIONS];
  StateRow             result;
};

G_DEFINE_FINAL_TYPE (CfEligibilityPanel, cf_eligibility_panel, ADW_TYPE_PREFERENCES_GROUP)

static const char * const state_classes[] = { "success", "error", "dim-label" };

/**
 * cf_condition_state_get_word:
 *
 * Returns: the state of one condition in a word or two
 */
const char *
cf_condition_state_get_word (CfConditionState state)
{
  switch (state)
    {
    case CF_CONDITION_MET:
      /* Translators: a condition of eligibility is met */
      return _("Met");
    case CF_CONDITION_NOT_MET:
      /* Translators: a condition of eligibility is not met */
      return _("Not met");
    case CF_CONDITION_UNANSWERED:
    default:
      /* Translators: a condition of eligibility needs answers before it can be known */
      return _("Not yet known");
    }
}

static void
state_row_set (StateRow   *state_row,
               const char *icon_name,
               const char *css_class,
               const char *word,
               const char *reason)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (state_row->icon), state_classes[i]);
      gtk_widget_remove_css_class (GTK_WIDGET (state_row->word), state_classes[i]);
    }
  gtk_widget_add_css_class (GTK_WIDGET (state_row->icon), css_class);
  gtk_widget_add_css_class (GTK_WIDGET (state_row->word), css_class);

  gtk_image_set_from_icon_name (state_row->icon, icon_name);
  gtk_label_set_text (state_row->word, word);
  gtk_label_set_text (state_row->reason, reason != NULL ? reason : "");
}

/* A row of the title, the state as an icon and a word, and the reason wrapping below. The
 * row's own title and subtitle label would not hold a word beside the title, nor let a screen
 * reader hear the word, so the row is built from labels it is named and described by. */
static void
state_row_init (StateRow   *state_row,
                const char *title)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *state = gtk_grid_new ();

  state_row->row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                 "activatable", FALSE,
                                 "selectable", FALSE,
                                 "title", title,
                                 NULL);
  state_row->icon = GTK_IMAGE (g_object_new (GTK_TYPE_IMAGE,
                                             "accessible-role",
                                             GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                             NULL));
  state_row->word = GTK_LABEL (gtk_label_new (NULL));
  state_row->reason = GTK_LABEL (gtk_label_new (NULL));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 10);
  gtk_widget_set_margin_bottom (grid, 10);

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_widget_add_css_class (title_label, "heading");

  gtk_grid_set_column_spacing (GTK_GRID (state), 6);
  gtk_widget_set_valign (state, GTK_ALIGN_START);
  gtk_grid_attach (GTK_GRID (state), GTK_WIDGET (state_row->icon), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (state), GTK_WIDGET (state_row->word), 1, 0, 1, 1);
  gtk_widget_add_css_class (GTK_WIDGET (state_row->word), "heading");

  gtk_label_set_xalign (state_row->reason, 0);
  gtk_label_set_wrap (state_row->reason, TRUE);
  gtk_label_set_wrap_mode (state_row->reason, PANGO_WRAP_WORD_CHAR);

  gtk_grid_attach (GTK_GRID (grid), title_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), state, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (state_row->reason), 0, 1, 2, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (state_row->row), grid);

  /* The state is part of the name ("Necessary care Met"), so it is heard as the row is
   * reached: GTK 4.8 does not turn a described-by relation into the description a screen
   * reader reads. The reason stays the description. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (state_row->row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title_label,
                                  state_row->word, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, state_row->reason, NULL,
                                  -1);
}

static void
cf_eligibility_panel_class_init (CfEligibilityPanelClass *klass)
{
}

static void
cf_eligibility_panel_init (CfEligibilityPanel *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);

  adw_preferences_group_set_title (group, _("Proposed Eligibility"));
  adw_preferences_group_set_description (group,
                                         _("From the answers so far. A carer is eligible when "
                                           "all three conditions are met (Care and Support "
                                           "(Eligibility Criteria) Regulations 2015)."));

  for (guint i = 0; i < CF_N_CONDITIONS; i++)
    {
      state_row_init (&self->conditions[i], cf_condition_get_title (i));
      adw_preferences_group_add (group, self->conditions[i].row);
    }

  state_row_init (&self->result, _("Proposed Result"));
  adw_preferences_group_add (group, self->result.row);

  cf_eligibility_panel_set_eligibility (self, NULL);
}

CfEligibilityPanel *
cf_eligibility_panel_new (void)
{
  return g_object_new (CF_TYPE_ELIGIBILITY_PANEL, NULL);
}

/**
 * cf_eligibility_panel_set_eligibility:
 * @eligibility: (nullable): the proposal to show, or %NULL to show nothing
 */
void
cf_eligibility_panel_set_eligibility (CfEligibilityPanel *self,
                                      CfEligibility      *eligibility)
{
  g_return_if_fail (CF_IS_ELIGIBILITY_PANEL (self));

  for (guint i = 0; i < CF_N_CONDITIONS; i++)
    {
      CfConditionState state = eligibility != NULL ? cf_eligibility_get_condition (eligibility, i)
                                                   : CF_CONDITION_UNANSWERED;
      const char *reason = eligibility != NULL ? cf_eligibility_get_reason (eligibility, i) : NULL;

      switch (state)
        {
        case CF_CONDITION_MET:
          state_row_set (&self->conditions[i], "emblem-ok-symbolic", "success",
                         cf_condition_state_get_word (state), reason);
          break;
        case CF_CONDITION_NOT_MET:
          state_row_set (&self->conditions[i], "action-unavailable-symbolic", "error",
                         cf_condition_state_get_word (state), reason);
          break;
        case CF_CONDITION_UNANSWERED:
        default:
          state_row_set (&self->conditions[i], "view-more-horizontal-symbolic", "dim-label",
                         cf_condition_state_get_word (state), reason);
          break;
        }
    }

  switch (eligibility != NULL ? cf_eligibility_get_result (eligibility)
                              : CF_ELIGIBILITY_UNDETERMINED)
    {
    case CF_ELIGIBILITY_ELIGIBLE:
      state_row_set (&self->result, "emblem-ok-symbolic", "success",
                     cf_decision_get_label (cf_eligibility_get_decision_id (eligibility)),
                     cf_eligibility_get_summary (eligibility));
      break;
    case CF_ELIGIBILITY_NOT_ELIGIBLE:
      state_row_set (&self->result, "action-unavailable-symbolic", "error",
                     cf_decision_get_label (cf_eligibility_get_decision_id (eligibility)),
                     cf_eligibility_get_summary (eligibility));
      break;
    case CF_ELIGIBILITY_UNDETERMINED:
    default:
      state_row_set (&self->result, "view-more-horizontal-symbolic", "dim-label",
                     /* Translators: the proposed eligibility result needs more answers */
                     _("Not yet known"),
                     eligibility != NULL ? cf_eligibility_get_summary (eligibility) : NULL);
      break;
    }
}
