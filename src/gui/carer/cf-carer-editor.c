/* cf-carer-editor.c: the carer's page: their details, referral, the people they care for
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A worker fills this in at a kitchen table, often with the carer beside them. Nothing is
 * required and nothing blocks typing: every change is saved within a second, invalid values
 * included, with the reason shown in words beside the field. An edit is never lost to a
 * validation rule, a closed window or a lock.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-assessment-list.h"
#include "cf-cared-for-row.h"
#include "cf-carer-editor.h"
#include "cf-carer-event.h"
#include "cf-carer-sync-notice.h"
#include "cf-caseload.h"
#include "cf-choices.h"
#include "cf-dates.h"
#include "cf-gui-util.h"
#include "cf-referral-dialog.h"
#include "cf-support-group.h"
#include "cf-validate.h"
#include "cf-worker-group.h"

/* How long after the last keystroke a change is saved. Short enough that a crash or a flat
 * battery loses at most a second of typing. */
#define SAVE_DELAY_MS 500
#define RETRY_DELAY_S 5

typedef enum
{
  ROW_TEXT,
  ROW_DATE,
  ROW_DATETIME,
  ROW_CHOICE,
  ROW_SWITCH,
} RowKind;

typedef enum
{
  CHECK_NONE,
  CHECK_DATE_OF_BIRTH,
  CHECK_POSTCODE,
  CHECK_PHONE,
  CHECK_EMAIL,
  CHECK_RECEIVED,
} Check;

typedef struct
{
  const char     *group;
  const char     *field;
  RowKind         kind;
  const char     *title;
  const char     *subtitle;
  const CfChoice *choices;
  Check           check;
} FieldSpec;

/* The carer's fields as a worker sees them, in order. DOMAIN.md, "Referral and waiting" and
 * "Information, consent, equality, records". */
static const FieldSpec field_specs[] = {
  { "person", "given_name", ROW_TEXT, N_("Given Name") },
  { "person", "family_name", ROW_TEXT, N_("Family Name") },
  { "person", "preferred_name", ROW_TEXT, N_("Preferred Name") },
  { "person", "date_of_birth", ROW_DATE, N_("Date of Birth (day/month/year)"), NULL, NULL,
    CHECK_DATE_OF_BIRTH },
  { "contact", "address", ROW_TEXT, N_("Address") },
  { "contact", "postcode", ROW_TEXT, N_("Postcode"), NULL, NULL, CHECK_POSTCODE },
  { "contact", "phone", ROW_TEXT, N_("Phone"), NULL, NULL, CHECK_PHONE },
  { "contact", "email", ROW_TEXT, N_("Email"), NULL, NULL, CHECK_EMAIL },
  { "contact", "contact_method", ROW_CHOICE, N_("Preferred Contact Method"), NULL,
    cf_contact_methods },
  { "contact", "locality", ROW_TEXT, N_("Locality") },
  { "contact", "rural_isolated", ROW_SWITCH, N_("Rural or Isolated"),
    N_("Far from services, shops or public transport") },
  { "communication", "preferred_language", ROW_TEXT, N_("Preferred Language") },
  { "communication", "communication_needs", ROW_TEXT,
    N_("Communication Needs (large print, easy read, braille, BSL…)") },
  { "communication", "interpreter_needed", ROW_SWITCH, N_("Interpreter Needed") },
  { "referral", "referral_source", ROW_CHOICE, N_("Referral Source"), NULL,
    cf_referral_sources },
  { "referral", "referral_reason", ROW_TEXT, N_("Reason for Referral") },
  { "referral", "referral_received_at", ROW_DATETIME,
    N_("Received (day/month/year hours:minutes)"), NULL, NULL, CHECK_RECEIVED },
  { "referral", "referral_consent", ROW_SWITCH, N_("Consent to the Referral"),
    N_("The carer agreed to be referred") },
};

typedef struct
{
  const FieldSpec *spec;
  GtkWidget       *row;
  GtkWidget       *control;
  GtkWidget       *message_row;
  GtkLabel        *message;
  gboolean         invalid;
} Field;

struct _CfCarerEditor
{
  AdwBin                parent_instance;

  CfContext            *context;
  CfCarer              *carer;
  GPtrArray            *fields;
  Field                *contact_check;
  gboolean              loading;
  guint                 save_source;
  GtkWidget            *dialog;
  GPtrArray            *cared_for_rows;
  GPtrArray            *history_rows;
  gulong                saved_handler;

  GtkWidget            *scroller;
  CfCarerSyncNotice    *sync_notice;
  CfWorkerGroup        *worker_group;
  AdwActionRow         *status_row;
  AdwActionRow         *due_row;
  AdwActionRow         *priority_row;
  GtkWidget            *priority_pill;
  GtkImage             *priority_icon;
  GtkLabel             *priority_word;
  GtkWidget            *actions_box;
  GtkWidget            *rerate_button;
  GtkWidget            *first_contact_button;
  GtkWidget            *waiting_well_button;
  GtkWidget            *close_button;
  GtkWidget            *reopen_button;
  AdwPreferencesGroup  *person_group;
  AdwPreferencesGroup  *contact_group;
  AdwPreferencesGroup  *communication_group;
  AdwPreferencesGroup  *referral_group;
  AdwPreferencesGroup  *cared_for_group;
  AdwPreferencesGroup  *history_group;
  CfAssessmentList     *assessment_list;
  CfSupportGroup       *support_group;
  GtkLabel             *save_status;
};

G_DEFINE_FINAL_TYPE (CfCarerEditor, cf_carer_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_TITLE,
  PROP_SUBTITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh_status        (CfCarerEditor *self);
static void refresh_history       (CfCarerEditor *self);
static void refresh_cared_for     (CfCarerEditor *self);
static void refresh_save_status   (CfCarerEditor *self,
                                   const GError  *error);

static CfStore *
get_store (CfCarerEditor *self)
{
  return cf_context_get_store (self->context);
}

static CfRecord *
record (CfCarerEditor *self)
{
  return CF_RECORD (self->carer);
}

/* Validation ------------------------------------------------------------------------------ */

static void
set_invalid (GtkWidget *row,
             GtkWidget *message,
             gboolean   invalid)
{
  GtkAccessible *targets[2] = { GTK_ACCESSIBLE (row), NULL };

  if (GTK_IS_EDITABLE (row) && gtk_editable_get_delegate (GTK_EDITABLE (row)) != NULL)
    targets[1] = GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row)));

  for (guint i = 0; i < G_N_ELEMENTS (targets) && targets[i] != NULL; i++)
    {
      gtk_accessible_update_state (targets[i], GTK_ACCESSIBLE_STATE_INVALID,
                                   invalid ? GTK_ACCESSIBLE_INVALID_TRUE
                                           : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
      if (invalid)
        gtk_accessible_update_relation (targets[i], GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                        message, NULL, -1);
      else
        gtk_accessible_reset_relation (targets[i], GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }

  if (invalid)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static void
show_message (Field      *field,
              const char *message)
{
  gboolean invalid = message != NULL;

  field->invalid = invalid;
  gtk_label_set_text (field->message, message ? message : "");
  gtk_widget_set_visible (field->message_row, invalid);
  if (field->row != NULL)
    set_invalid (field->row, GTK_WIDGET (field->message), invalid);
}

static char *
check_field (CfCarerEditor *self,
             Check          check,
             const char    *value)
{
  g_autoptr(GDateTime) now = cf_clock_now (cf_context_get_clock (self->context));
  GDate today;

  switch (check)
    {
    case CHECK_DATE_OF_BIRTH:
      cf_clock_today (cf_context_get_clock (self->context), &today);
      return cf_validate_date_of_birth (value, &today);
    case CHECK_POSTCODE:
      return cf_validate_postcode (value);
    case CHECK_PHONE:
      return cf_validate_phone (value);
    case CHECK_EMAIL:
      return cf_validate_email (value);
    case CHECK_RECEIVED:
      return cf_validate_received_at (value, now);
    case CHECK_NONE:
    default:
      return NULL;
    }
}

static void
validate_field (CfCarerEditor *self,
                Field         *field)
{
  g_autofree char *message = NULL;

  if (field->spec->check != CHECK_NONE)
    message = check_field (self, field->spec->check,
                           cf_record_get_text (record (self), field->spec->field));
  show_message (field, message);
}

/* DOMAIN.md: a way to contact the carer is needed; the message sits at the top of Contact. */
static void
validate_contactable (CfCarerEditor *self)
{
  g_autofree char *message =
    cf_validate_contactable (cf_record_get_text (record (self), "phone"),
                             cf_record_get_text (record (self), "email"),
                             cf_record_get_text (record (self), "address"),
                             cf_record_get_text (record (self), "postcode"));

  show_message (self->contact_check, message);
}

static void
validate_all (CfCarerEditor *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    validate_field (self, g_ptr_array_index (self->fields, i));
  validate_contactable (self);
}

/* Saving ---------------------------------------------------------------------------------- */

static gboolean
save_now (CfCarerEditor  *self,
          GError        **error)
{
  CfStore *store = get_store (self);

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->carer == NULL || store == NULL)
    return TRUE;

  if (!cf_store_save_carer (store, self->carer, error))
    return FALSE;

  return TRUE;
}

static gboolean
save_timeout (gpointer user_data)
{
  CfCarerEditor *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!save_now (self, &error))
    {
      refresh_save_status (self, error);
      /* Keep trying: the edit stays in memory and in the fields until it is stored. */
      self->save_source = g_timeout_add_seconds (RETRY_DELAY_S, save_timeout, self);
      return G_SOURCE_REMOVE;
    }

  refresh_save_status (self, NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (CfCarerEditor *self)
{
  if (self->loading || self->carer == NULL)
    return;

  gtk_label_set_text (self->save_status, _("Saving…"));
  if (self->save_source == 0)
    self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout, self);
}

static void
refresh_save_status (CfCarerEditor *self,
                     const GError  *error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) attention = g_string_new (NULL);
  guint n_invalid = 0;

  if (self->carer == NULL)
    {
      gtk_label_set_text (self->save_status, "");
      return;
    }

  if (error != NULL)
    /* Translators: %s says why saving failed */
    g_string_printf (text, _("Not saved yet: %s. Your changes are kept here and Carefield will "
                             "try again."), error->message);
  else if (cf_record_is_new (record (self)))
    g_string_assign (text, _("New referral: it is saved as soon as you type."));
  else
    g_string_assign (text, _("All changes saved."));

  for (guint i = 0; i <= self->fields->len; i++)
    {
      Field *field = i < self->fields->len ? g_ptr_array_index (self->fields, i)
                                           : self->contact_check;

      if (!field->invalid)
        continue;
      if (n_invalid++ > 0)
        g_string_append (attention, _(", "));
      g_string_append (attention, field == self->contact_check ? _("Contact")
                                                               : _(field->spec->title));
    }

  if (n_invalid > 0)
    {
      g_string_append_c (text, ' ');
      /* Translators: %s lists the fields with a problem, e.g. “Postcode, Phone” */
      g_string_append_printf (text, _("Check: %s."), attention->str);
    }

  gtk_label_set_text (self->save_status, text->str);
}

/* Loading a record into the rows ---------------------------------------------------------- */

static void
field_load (CfCarerEditor *self,
            Field         *field)
{
  const char *name = field->spec->field;

  switch (field->spec->kind)
    {
    case ROW_TEXT:
      gtk_editable_set_text (GTK_EDITABLE (field->control),
                             cf_record_get_text (record (self), name));
      break;
    case ROW_DATE:
      {
        g_autofree char *shown = cf_date_to_user (cf_record_get_text (record (self), name));

        gtk_editable_set_text (GTK_EDITABLE (field->control), shown);
      }
      break;
    case ROW_DATETIME:
      {
        g_autofree char *shown = cf_datetime_to_user (cf_record_get_text (record (self), name));

        gtk_editable_set_text (GTK_EDITABLE (field->control), shown);
      }
      break;
    case ROW_CHOICE:
      {
        int index = cf_choices_find (field->spec->choices,
                                     cf_record_get_text (record (self), name));

        /* Position 0 is "Not recorded". */
        adw_combo_row_set_selected (ADW_COMBO_ROW (field->control), index + 1);
      }
      break;
    case ROW_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (field->control), cf_record_get_bool (record (self), name));
      break;
    default:
      g_assert_not_reached ();
    }
}

/* With no carer the rows are emptied, not just hidden: locking must leave no personal data in
 * any widget, where a screen reader (or anything reading the accessibility tree) would find it. */
static void
clear_fields (CfCarerEditor *self)
{
  self->loading = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      switch (field->spec->kind)
        {
        case ROW_TEXT:
        case ROW_DATE:
        case ROW_DATETIME:
          gtk_editable_set_text (GTK_EDITABLE (field->control), "");
          break;
        case ROW_CHOICE:
          adw_combo_row_set_selected (ADW_COMBO_ROW (field->control), 0);
          break;
        case ROW_SWITCH:
          gtk_switch_set_active (GTK_SWITCH (field->control), FALSE);
          break;
        default:
          g_assert_not_reached ();
        }
      show_message (field, NULL);
    }
  show_message (self->contact_check, NULL);
  self->loading = FALSE;

  adw_action_row_set_subtitle (self->status_row, "");
  adw_action_row_set_subtitle (self->due_row, "");
  adw_action_row_set_subtitle (self->priority_row, "");
  gtk_label_set_text (self->priority_word, "");
}

static void
on_field_changed (CfCarerEditor *self,
                  Field         *field)
{
  const char *name = field->spec->field;
  g_autofree char *value = NULL;

  if (self->loading || self->carer == NULL)
    return;

  switch (field->spec->kind)
    {
    case ROW_TEXT:
      cf_record_set_text (record (self), name,
                          gtk_editable_get_text (GTK_EDITABLE (field->control)));
      break;
    case ROW_DATE:
      value = cf_date_from_user (gtk_editable_get_text (GTK_EDITABLE (field->control)));
      cf_record_set_text (record (self), name, value);
      break;
    case ROW_DATETIME:
      value = cf_datetime_from_user (gtk_editable_get_text (GTK_EDITABLE (field->control)));
      cf_record_set_text (record (self), name, value);
      break;
    case ROW_CHOICE:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->control));

        cf_record_set_text (record (self), name,
                            selected == 0 || selected == GTK_INVALID_LIST_POSITION
                            ? "" : field->spec->choices[selected - 1].id);
      }
      break;
    case ROW_SWITCH:
      cf_record_set_bool (record (self), name,
                          gtk_switch_get_active (GTK_SWITCH (field->control)));
      break;
    default:
      g_assert_not_reached ();
    }

  validate_field (self, field);
  if (g_str_equal (field->spec->group, "contact"))
    validate_contactable (self);
  refresh_save_status (self, NULL);
}

static void
on_editable_changed (GtkEditable *editable,
                     Field       *field)
{
  CfCarerEditor *self = g_object_get_data (G_OBJECT (editable), "cf-editor");

  on_field_changed (self, field);
}

static void
on_property_changed (GObject    *object,
                     GParamSpec *pspec,
                     Field      *field)
{
  CfCarerEditor *self = g_object_get_data (object, "cf-editor");

  on_field_changed (self, field);
}

static GtkWidget *
make_message_row (GtkLabel **label_out)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                 "activatable", FALSE,
                                 "focusable", FALSE,
                                 "selectable", FALSE,
                                 "visible", FALSE,
                                 NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Problem"), -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (box, "field-error");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);

  *label_out = GTK_LABEL (label);
  return row;
}

static Field *
build_field (CfCarerEditor   *self,
             const FieldSpec *spec)
{
  Field *field = g_new0 (Field, 1);
  AdwPreferencesGroup *group;

  field->spec = spec;

  if (g_str_equal (spec->group, "person"))
    group = self->person_group;
  else if (g_str_equal (spec->group, "contact"))
    group = self->contact_group;
  else if (g_str_equal (spec->group, "communication"))
    group = self->communication_group;
  else
    group = self->referral_group;

  switch (spec->kind)
    {
    case ROW_TEXT:
    case ROW_DATE:
    case ROW_DATETIME:
      field->row = adw_entry_row_new ();
      field->control = field->row;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), _(spec->title));
      g_object_set_data (G_OBJECT (field->control), "cf-editor", self);
      g_signal_connect (field->control, "changed", G_CALLBACK (on_editable_changed), field);
      break;
    case ROW_CHOICE:
      {
        g_autoptr(GtkStringList) model = cf_choice_list_new (spec->choices);

        field->row = adw_combo_row_new ();
        field->control = field->row;
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), _(spec->title));
        adw_combo_row_set_model (ADW_COMBO_ROW (field->row), G_LIST_MODEL (model));
        g_object_set_data (G_OBJECT (field->control), "cf-editor", self);
        g_signal_connect (field->control, "notify::selected", G_CALLBACK (on_property_changed),
                          field);
      }
      break;
    case ROW_SWITCH:
      field->row = adw_action_row_new ();
      field->control = gtk_switch_new ();
      gtk_widget_set_valign (field->control, GTK_ALIGN_CENTER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field->row), _(spec->title));
      if (spec->subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (field->row), _(spec->subtitle));
      adw_action_row_add_suffix (ADW_ACTION_ROW (field->row), field->control);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (field->row), field->control);
      g_object_set_data (G_OBJECT (field->control), "cf-editor", self);
      g_signal_connect (field->control, "notify::active", G_CALLBACK (on_property_changed),
                        field);
      break;
    default:
      g_assert_not_reached ();
    }

  adw_preferences_group_add (group, field->row);
  field->message_row = make_message_row (&field->message);
  adw_preferences_group_add (group, field->message_row);

  return field;
}

/* The cared-for people -------------------------------------------------------------------- */

static void
on_record_notify (CfCarerEditor *self)
{
  schedule_save (self);
}

static void
on_remove_requested (CfCarerEditor *self,
                     CfCaredForRow *row)
{
  /* A tombstone: the person stays in the store, marked deleted, and the removal syncs. */
  cf_carer_remove_cared_for (self->carer, cf_cared_for_row_get_person (row));
  schedule_save (self);
}

static void
refresh_cared_for (CfCarerEditor *self)
{
  GListModel *people;
  guint n;

  for (guint i = 0; i < self->cared_for_rows->len; i++)
    adw_preferences_group_remove (self->cared_for_group,
                                  g_ptr_array_index (self->cared_for_rows, i));
  g_ptr_array_set_size (self->cared_for_rows, 0);

  if (self->carer == NULL)
    return;

  people = cf_carer_get_cared_for (self->carer);
  n = g_list_model_get_n_items (people);

  if (n == 0)
    {
      GtkWidget *empty = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (empty), _("No one recorded yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (empty),
                                   _("Add the people this carer looks after."));
      g_ptr_array_add (self->cared_for_rows, empty);
      adw_preferences_group_add (self->cared_for_group, empty);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CfCaredFor) person = g_list_model_get_item (people, i);
      GtkWidget *row = GTK_WIDGET (cf_cared_for_row_new (person));

      g_signal_connect_object (row, "remove-requested", G_CALLBACK (on_remove_requested), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (person, "notify", G_CALLBACK (on_record_notify), self,
                               G_CONNECT_SWAPPED);

      g_ptr_array_add (self->cared_for_rows, row);
      adw_preferences_group_add (self->cared_for_group, row);
    }
}

static void
on_cared_for_items_changed (CfCarerEditor *self)
{
  refresh_cared_for (self);
}

/* Status, priority and history ------------------------------------------------------------ */

static const char *
priority_icon_name (const char *priority)
{
  if (g_strcmp0 (priority, "red") == 0)
    return "dialog-error-symbolic";
  if (g_strcmp0 (priority, "amber") == 0)
    return "dialog-warning-symbolic";
  if (g_strcmp0 (priority, "green") == 0)
    return "emblem-ok-symbolic";
  return NULL;
}

/* A button in the actions flow box is shown or hidden with the flow box child around it:
 * a hidden button in a shown child still takes a Tab stop, and traps the keyboard there. */
static void
show_action (GtkWidget *button,
             gboolean   visible)
{
  GtkWidget *child = gtk_widget_get_parent (button);

  gtk_widget_set_visible (button, visible);
  if (GTK_IS_FLOW_BOX_CHILD (child))
    gtk_widget_set_visible (child, visible);
}

static void
update_actions (CfCarerEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean have = self->carer != NULL && get_store (self) != NULL;
  const char *status = have ? cf_record_get_text (record (self), "status") : "";
  gboolean contacted = have && *cf_record_get_text (record (self), "first_contact_at") != '\0';
  gboolean closed = g_str_equal (status, "closed");

  gtk_widget_action_set_enabled (widget, "editor.first-contact", have && !contacted && !closed);
  gtk_widget_action_set_enabled (widget, "editor.waiting-well",
                                 have && g_str_equal (status, "waiting"));
  gtk_widget_action_set_enabled (widget, "editor.rerate", have && !closed);
  gtk_widget_action_set_enabled (widget, "editor.close-referral", have && !closed);
  gtk_widget_action_set_enabled (widget, "editor.reopen", have && closed);
  gtk_widget_action_set_enabled (widget, "editor.add-cared-for", have);

  show_action (self->close_button, !closed);
  show_action (self->reopen_button, closed);
  /* Buttons that cannot apply to this carer are hidden rather than greyed out. */
  show_action (self->first_contact_button, have && !contacted && !closed);
  show_action (self->waiting_well_button, have && g_str_equal (status, "waiting"));
}

static void
refresh_status (CfCarerEditor *self)
{
  CfCalendar *calendar = cf_context_get_calendar (self->context);
  const char *status;
  const char *priority;
  const char *reason;
  const char *state = CF_DUE_NONE;
  const char *icon;
  g_autofree char *due_text = NULL;
  g_autofree char *priority_text = NULL;
  GDate today;
  guint32 due;

  update_actions (self);

  if (self->carer == NULL)
    return;

  status = cf_record_get_text (record (self), "status");
  priority = cf_record_get_text (record (self), "priority");
  reason = cf_record_get_text (record (self), "priority_reason");

  adw_action_row_set_subtitle (self->status_row, cf_choices_label (cf_statuses, status));

  cf_clock_today (cf_context_get_clock (self->context), &today);
  due = cf_first_contact_due_julian (calendar, cf_context_get_first_contact_days (self->context),
                                     status,
                                     cf_record_get_text (record (self), "referral_received_at"));
  due_text = cf_first_contact_describe (status, due, g_date_get_julian (&today), &state);
  if (g_str_equal (status, "waiting"))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due_row), _("First Contact"));
      adw_action_row_set_subtitle (self->due_row, due_text);
    }
  else if (g_str_equal (status, "closed"))
    {
      const char *outcome = cf_record_get_text (record (self), "closure_outcome");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due_row),
                                     *outcome != '\0'
                                     ? cf_choices_label (cf_closure_outcomes, outcome)
                                     : _("Information and Advice Given"));
      adw_action_row_set_subtitle (self->due_row,
                                   cf_record_get_text (record (self), "closure_reason"));
    }
  else
    {
      g_autofree char *made =
        cf_datetime_to_user (cf_record_get_text (record (self), "first_contact_at"));
      /* Translators: %s is a date and time */
      g_autofree char *text = g_strdup_printf (_("Made on %s"), made);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->due_row), _("First Contact"));
      adw_action_row_set_subtitle (self->due_row, text);
    }
  /* An icon as well as the colour and the words; none when nothing is overdue, so the row's
   * title lines up with the others. */
  adw_action_row_set_icon_name (self->due_row,
                                g_str_equal (state, CF_DUE_OVERDUE) ? "alarm-symbolic" : NULL);
  if (g_str_equal (state, CF_DUE_OVERDUE))
    gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "due-overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "due-overdue");

  /* The word and an icon, not the colour alone (DOMAIN.md, "Referral and waiting"). */
  if (*priority == '\0')
    priority_text = g_strdup (_("Not rated yet"));
  else if (*reason == '\0')
    priority_text = g_strdup (_("No reason recorded"));
  else
    priority_text = g_strdup (reason);
  adw_action_row_set_subtitle (self->priority_row, priority_text);

  /* Rating for the first time is the same dialog, named for what it does. */
  gtk_button_set_label (GTK_BUTTON (self->rerate_button),
                        *priority == '\0' ? _("Set Priority…") : _("Re-rate…"));

  icon = priority_icon_name (priority);
  gtk_widget_set_visible (self->priority_pill, icon != NULL);
  gtk_image_set_from_icon_name (self->priority_icon, icon);
  gtk_label_set_text (self->priority_word, cf_choices_label (cf_priorities, priority));
  for (guint i = 0; cf_priorities[i].id != NULL; i++)
    {
      g_autofree char *css = g_strdup_printf ("priority-%s", cf_priorities[i].id);

      if (g_str_equal (cf_priorities[i].id, priority))
        gtk_widget_add_css_class (self->priority_pill, css);
      else
        gtk_widget_remove_css_class (self->priority_pill, css);
    }
}

static GtkWidget *
history_row (const char *title,
             const char *when,
             const char *who,
             const char *notes)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *shown_when = cf_datetime_to_user (when);
  g_autofree char *subtitle = NULL;

  if (notes != NULL && *notes != '\0')
    /* Translators: %1$s is a date and time, %2$s a person, %3$s notes */
    subtitle = g_strdup_printf (_("%1$s, by %2$s: %3$s"), shown_when, who, notes);
  else
    /* Translators: %1$s is a date and time, %2$s a person */
    subtitle = g_strdup_printf (_("%1$s, by %2$s"), shown_when, who);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  return row;
}

static void
refresh_history (CfCarerEditor *self)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  CfStore *store = get_store (self);

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->history_group,
                                  g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);

  if (self->carer == NULL || store == NULL)
    return;

  if (!cf_record_is_new (record (self)))
    {
      events = cf_store_list_events (store, cf_record_get_id (record (self)), &error);
      if (events == NULL)
        g_warning ("Could not read the carer’s history: %s", error->message);
    }

  /* Newest first: what happened last is what the worker needs to see. */
  for (guint i = events ? events->len : 0; i > 0; i--)
    {
      CfCarerEvent *event = g_ptr_array_index (events, i - 1);
      CfRecord *rec = CF_RECORD (event);
      g_autofree char *title = cf_carer_event_dup_title (event);
      GtkWidget *row = history_row (title, cf_record_get_text (rec, "occurred_at"),
                                    cf_record_get_text (rec, "recorded_by"),
                                    cf_record_get_text (rec, "notes"));

      g_ptr_array_add (self->history_rows, row);
      adw_preferences_group_add (self->history_group, row);
    }

  {
    const char *received = cf_record_get_text (record (self), "referral_received_at");
    GtkWidget *row = history_row (_("Referral received"), received,
                                  cf_choices_label (cf_referral_sources,
                                                    cf_record_get_text (record (self),
                                                                        "referral_source")),
                                  NULL);

    g_ptr_array_add (self->history_rows, row);
    adw_preferences_group_add (self->history_group, row);
  }
}

/* Whether @saved is this page's own carer, or one of the people they care for. */
static gboolean
is_own_record (CfCarerEditor *self,
               CfRecord      *saved)
{
  GListModel *people = cf_carer_get_cared_for (self->carer);
  g_autoptr(GPtrArray) removed = cf_carer_dup_removed (self->carer);

  if (saved == record (self))
    return TRUE;

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(GObject) person = g_list_model_get_item (people, i);

      if (person == G_OBJECT (saved))
        return TRUE;
    }

  return g_ptr_array_find (removed, saved, NULL);
}

/* The carer's details, or a person they care for, were saved from elsewhere on this laptop: a
 * clash resolved in the conflicts dialog. The page reads them again, so it shows what is
 * stored now rather than the value that was replaced (its own edits are saved first). */
static void
reload_carer (CfCarerEditor *self)
{
  g_autoptr(CfCarer) fresh = NULL;
  g_autoptr(GError) error = NULL;

  fresh = cf_store_load_carer (get_store (self), cf_record_get_id (record (self)), &error);
  if (fresh == NULL)
    {
      refresh_save_status (self, error);
      return;
    }

  cf_carer_editor_set_carer (self, fresh);
}

/**
 * cf_carer_editor_sync_changed:
 *
 * A sync wrote the store on its own connection. The notice of conflicts and refused changes
 * is read again; and when the carer's stored record has moved on (pulled from the server)
 * while no one is typing on this page, the page reads it again too. With the focus on the
 * page it waits, rather than move the page under someone's hands: the next opening shows it,
 * and what they type is saved on the row as it now is (cf-store.c, current_base).
 */
void
cf_carer_editor_sync_changed (CfCarerEditor *self)
{
  g_autoptr(CfCarer) stored = NULL;
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (CF_IS_CARER_EDITOR (self));

  if (self->carer == NULL || cf_record_is_new (record (self)))
    return;

  cf_carer_sync_notice_refresh (self->sync_notice);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;

  stored = cf_store_load_carer (get_store (self), cf_record_get_id (record (self)), NULL);
  if (stored != NULL &&
      cf_record_get_version (CF_RECORD (stored)) > cf_record_get_version (record (self)) &&
      cf_carer_editor_flush (self, NULL))
    reload_carer (self);
}

static void
on_store_record_saved (CfCarerEditor *self,
                       CfRecord      *saved)
{
  gboolean theirs = FALSE;
  const char *id;

  if (self->carer == NULL || cf_record_is_new (record (self)))
    return;

  id = cf_record_get_id (record (self));
  if (CF_IS_CARER_EVENT (saved) && g_strcmp0 (cf_record_get_text (saved, "carer_id"), id) == 0)
    refresh_history (self);

  if (CF_IS_CARER (saved))
    theirs = g_strcmp0 (cf_record_get_id (saved), id) == 0;
  else if (CF_IS_CARED_FOR (saved))
    theirs = g_strcmp0 (cf_record_get_text (saved, "carer_id"), id) == 0;
  if (theirs && !is_own_record (self, saved))
    reload_carer (self);
}

static void
on_carer_notify (CfCarerEditor *self,
                 GParamSpec    *pspec)
{
  const char *name = pspec->name;

  if (g_str_equal (name, "given-name") || g_str_equal (name, "family-name") ||
      g_str_equal (name, "preferred-name") || g_str_equal (name, "reference"))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
    }

  if (g_str_equal (name, "status") || g_str_equal (name, "priority") ||
      g_str_equal (name, "priority-reason") || g_str_equal (name, "first-contact-at") ||
      g_str_equal (name, "referral-received-at"))
    refresh_status (self);

  schedule_save (self);
}

static void
on_dialog_recorded (CfCarerEditor *self)
{
  refresh_save_status (self, NULL);
  refresh_status (self);
}

static void
on_dialog_failed (CfCarerEditor *self,
                  const char    *message)
{
  g_autoptr(GError) error = g_error_new_literal (CF_STORE_ERROR, CF_STORE_ERROR_FAILED, message);

  refresh_save_status (self, error);
}

static void
action_dialog (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CfCarerEditor *self = CF_CARER_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  CfReferralDialogKind kind;
  CfReferralDialog *dialog;

  if (self->carer == NULL)
    return;

  if (g_str_equal (action_name, "editor.first-contact"))
    kind = CF_REFERRAL_DIALOG_FIRST_CONTACT;
  else if (g_str_equal (action_name, "editor.waiting-well"))
    kind = CF_REFERRAL_DIALOG_WAITING_WELL;
  else if (g_str_equal (action_name, "editor.rerate"))
    kind = CF_REFERRAL_DIALOG_RERATE;
  else if (g_str_equal (action_name, "editor.close-referral"))
    kind = CF_REFERRAL_DIALOG_CLOSE;
  else
    kind = CF_REFERRAL_DIALOG_REOPEN;

  /* Anything typed in the form goes first, so the event saves on top of it. */
  if (!save_now (self, &error))
    {
      refresh_save_status (self, error);
      return;
    }

  dialog = cf_referral_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   self->context, self->carer, kind);
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_dialog_recorded), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (on_dialog_failed), self,
                           G_CONNECT_SWAPPED);

  /* Locking closes this, so no personal data stays on screen. */
  g_set_weak_pointer (&self->dialog, GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
action_add_cared_for (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CfCarerEditor *self = CF_CARER_EDITOR (widget);
  GtkWidget *row;

  if (self->carer == NULL)
    return;

  cf_carer_add_cared_for (self->carer);
  /* The new person's row is the last; take the worker straight to its name. */
  row = self->cared_for_rows->len > 0 ? g_ptr_array_index (self->cared_for_rows,
                                                           self->cared_for_rows->len - 1)
                                      : NULL;
  if (row != NULL && CF_IS_CARED_FOR_ROW (row))
    cf_cared_for_row_focus_name (CF_CARED_FOR_ROW (row));
}

/* GObject --------------------------------------------------------------------------------- */

static void
cf_carer_editor_dispose (GObject *object)
{
  CfCarerEditor *self = CF_CARER_EDITOR (object);

  if (self->carer != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!save_now (self, &error))
        g_warning ("An edit could not be saved: %s", error->message);
    }
  cf_carer_editor_set_carer (self, NULL);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_object (&self->context);

  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_CARER_EDITOR);

  G_OBJECT_CLASS (cf_carer_editor_parent_class)->dispose (object);
}

static void
cf_carer_editor_finalize (GObject *object)
{
  CfCarerEditor *self = CF_CARER_EDITOR (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->cared_for_rows, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_free (self->contact_check);

  G_OBJECT_CLASS (cf_carer_editor_parent_class)->finalize (object);
}

static void
cf_carer_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CfCarerEditor *self = CF_CARER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_TITLE:
      g_value_take_string (value, self->carer ? cf_carer_dup_display_name (self->carer) : NULL);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value,
                          self->carer ? cf_record_get_text (record (self), "reference") : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_carer_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CfCarerEditor *self = CF_CARER_EDITOR (object);

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
cf_carer_editor_constructed (GObject *object)
{
  CfCarerEditor *self = CF_CARER_EDITOR (object);

  G_OBJECT_CLASS (cf_carer_editor_parent_class)->constructed (object);

  g_assert (self->context != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_specs); i++)
    g_ptr_array_add (self->fields, build_field (self, &field_specs[i]));

  /* The contact group's own message, above its first row. */
  {
    static const FieldSpec contact_spec = { "contact", NULL, ROW_TEXT, N_("Contact") };

    self->contact_check = g_new0 (Field, 1);
    self->contact_check->spec = &contact_spec;
    self->contact_check->message_row = make_message_row (&self->contact_check->message);
    adw_preferences_group_add (self->contact_group, self->contact_check->message_row);
  }

  update_actions (self);
}

static void
cf_carer_editor_class_init (CfCarerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_carer_editor_dispose;
  object_class->finalize = cf_carer_editor_finalize;
  object_class->get_property = cf_carer_editor_get_property;
  object_class->set_property = cf_carer_editor_set_property;
  object_class->constructed = cf_carer_editor_constructed;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CF_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CF_TYPE_ASSESSMENT_LIST);
  g_type_ensure (CF_TYPE_CARER_SYNC_NOTICE);
  g_type_ensure (CF_TYPE_WORKER_GROUP);
  g_type_ensure (CF_TYPE_SUPPORT_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/carefield/Carefield/carer/cf-carer-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, sync_notice);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, worker_group);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, priority_row);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, priority_pill);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, priority_icon);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, priority_word);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, actions_box);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, rerate_button);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, first_contact_button);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, waiting_well_button);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, close_button);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, person_group);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, contact_group);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, communication_group);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, referral_group);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, cared_for_group);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, history_group);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, assessment_list);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, support_group);
  gtk_widget_class_bind_template_child (widget_class, CfCarerEditor, save_status);

  gtk_widget_class_install_action (widget_class, "editor.first-contact", NULL, action_dialog);
  gtk_widget_class_install_action (widget_class, "editor.waiting-well", NULL, action_dialog);
  gtk_widget_class_install_action (widget_class, "editor.rerate", NULL, action_dialog);
  gtk_widget_class_install_action (widget_class, "editor.close-referral", NULL, action_dialog);
  gtk_widget_class_install_action (widget_class, "editor.reopen", NULL, action_dialog);
  gtk_widget_class_install_action (widget_class, "editor.add-cared-for", NULL,
                                   action_add_cared_for);
}

static void
cf_carer_editor_init (CfCarerEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The flow box only lays the buttons out; its wrappers must not take the focus, or a screen
   * reader stops on an unnamed "GtkFlowBoxChild" before each button. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->actions_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->cared_for_rows = g_ptr_array_new ();
  self->history_rows = g_ptr_array_new ();
}

CfCarerEditor *
cf_carer_editor_new (CfContext *context)
{
  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  return g_object_new (CF_TYPE_CARER_EDITOR, "context", context, NULL);
}

/**
 * cf_carer_editor_set_carer:
 * @carer: (nullable): the carer to show, or %NULL to show nothing (when locking)
 *
 * Saves what was being edited before it lets go of it.
 */
void
cf_carer_editor_set_carer (CfCarerEditor *self,
                           CfCarer       *carer)
{
  CfStore *store;

  g_return_if_fail (CF_IS_CARER_EDITOR (self));
  g_return_if_fail (carer == NULL || CF_IS_CARER (carer));

  if (self->carer == carer)
    return;

  if (self->carer != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!save_now (self, &error))
        g_warning ("An edit could not be saved before closing the carer: %s", error->message);

      g_signal_handlers_disconnect_by_data (self->carer, self);
      g_signal_handlers_disconnect_by_data (cf_carer_get_cared_for (self->carer), self);
      g_clear_object (&self->carer);
    }

  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));

  g_clear_signal_handler (&self->saved_handler, cf_context_get_store (self->context));
  store = get_store (self);

  if (carer != NULL)
    {
      self->carer = g_object_ref (carer);
      self->loading = TRUE;
      for (guint i = 0; i < self->fields->len; i++)
        field_load (self, g_ptr_array_index (self->fields, i));
      self->loading = FALSE;

      g_signal_connect_object (carer, "notify", G_CALLBACK (on_carer_notify), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (cf_carer_get_cared_for (carer), "items-changed",
                               G_CALLBACK (on_cared_for_items_changed), self,
                               G_CONNECT_SWAPPED);
      if (store != NULL)
        self->saved_handler = g_signal_connect_object (store, "record-saved",
                                                       G_CALLBACK (on_store_record_saved), self,
                                                       G_CONNECT_SWAPPED);
      validate_all (self);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                                  GTK_SCROLLED_WINDOW (self->scroller)), 0);
    }

  else
    {
      clear_fields (self);
    }

  refresh_status (self);
  refresh_cared_for (self);
  refresh_history (self);
  refresh_save_status (self, NULL);
  cf_assessment_list_set_carer (self->assessment_list, store, carer);
  cf_support_group_set_carer (self->support_group, store, carer);
  cf_carer_sync_notice_set_carer (self->sync_notice, store,
                                  carer != NULL ? cf_record_get_id (CF_RECORD (carer)) : NULL);
  cf_worker_group_set_carer (self->worker_group, store, carer);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
}

CfCarer *
cf_carer_editor_get_carer (CfCarerEditor *self)
{
  g_return_val_if_fail (CF_IS_CARER_EDITOR (self), NULL);

  return self->carer;
}

/**
 * cf_carer_editor_flush:
 *
 * Saves any change waiting for its delay, now: before closing, locking or switching carer.
 */
gboolean
cf_carer_editor_flush (CfCarerEditor  *self,
                       GError        **error)
{
  g_return_val_if_fail (CF_IS_CARER_EDITOR (self), FALSE);

  if (self->save_source == 0 && (self->carer == NULL || !cf_record_is_dirty (record (self))))
    return TRUE;

  if (!save_now (self, error))
    return FALSE;

  refresh_save_status (self, NULL);
  return TRUE;
}

void
cf_carer_editor_focus_first (CfCarerEditor *self)
{
  Field *first;

  g_return_if_fail (CF_IS_CARER_EDITOR (self));

  first = g_ptr_array_index (self->fields, 0);
  gtk_widget_grab_focus (first->control);
}
