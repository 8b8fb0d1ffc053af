/* cf-unlock-page.c: the first thing a worker sees, to set up or unlock the encrypted profile
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DESIGN.md, "Local store" and "GUI map": the first run sets the passphrase up, later runs ask
 * for it. Deriving the key (Argon2id) takes a noticeable moment by design, so it always runs in
 * a thread through cf_profile_*_async () and the page shows that it is working.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "cf-profile.h"
#include "cf-unlock-page.h"

struct _CfUnlockPage
{
  AdwBin         parent_instance;

  CfContext     *context;
  char          *profile_dir;
  GCancellable  *cancellable;
  gboolean       setup_mode;
  gboolean       busy;

  AdwStatusPage *status_page;
  GtkWidget     *name_box;
  GtkWidget     *name_row;
  GtkWidget     *passphrase_row;
  GtkLabel      *passphrase_message;
  GtkWidget     *confirm_box;
  GtkWidget     *confirm_row;
  GtkLabel      *confirm_message;
  GtkWidget     *create_button;
  GtkWidget     *unlock_button;
  GtkWidget     *status_box;
  GtkWidget     *spinner;
  GtkLabel      *status_label;
};

G_DEFINE_FINAL_TYPE (CfUnlockPage, cf_unlock_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_PROFILE_DIR,
  N_PROPS
};

enum {
  UNLOCKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum
{
  MESSAGE_HINT,
  MESSAGE_ERROR,
} MessageKind;

/* Shows @text under @row, or hides the message when @text is %NULL. Only errors mark the row
 * invalid, so a screen reader hears "invalid entry" exactly when the text is red. */
static void
set_message (GtkLabel    *label,
             GtkWidget   *row,
             const char  *text,
             MessageKind  kind)
{
  gboolean shown = text != NULL && *text != '\0';
  gboolean error = shown && kind == MESSAGE_ERROR;

  gtk_label_set_text (label, shown ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), shown);

  if (error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }

  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static void
set_status (CfUnlockPage *self,
            const char   *text,
            MessageKind   kind)
{
  gboolean shown = text != NULL && *text != '\0';

  gtk_label_set_text (self->status_label, shown ? text : "");
  gtk_widget_set_visible (self->status_box, shown || self->busy);

  if (kind == MESSAGE_ERROR)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static const char *
entry_text (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
dup_user_name (CfUnlockPage *self)
{
  return g_strstrip (g_strdup (entry_text (self->name_row)));
}

static gboolean
can_create (CfUnlockPage *self)
{
  g_autofree char *name = NULL;
  g_autofree char *weakness = NULL;
  const char *passphrase;

  if (!self->setup_mode || self->busy)
    return FALSE;

  name = dup_user_name (self);
  if (*name == '\0')
    return FALSE;

  passphrase = entry_text (self->passphrase_row);
  weakness = cf_passphrase_check (passphrase);

  return weakness == NULL && g_strcmp0 (passphrase, entry_text (self->confirm_row)) == 0;
}

static gboolean
can_unlock (CfUnlockPage *self)
{
  return !self->setup_mode && !self->busy && *entry_text (self->passphrase_row) != '\0';
}

static void
update_actions (CfUnlockPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock-page.create", can_create (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "unlock-page.unlock", can_unlock (self));
}

static void
update_setup_messages (CfUnlockPage *self)
{
  const char *passphrase = entry_text (self->passphrase_row);
  const char *confirm = entry_text (self->confirm_row);
  g_autofree char *weakness = cf_passphrase_check (passphrase);

  /* Before anything is typed the rule is a hint, not a complaint. */
  set_message (self->passphrase_message, self->passphrase_row, weakness,
               *passphrase == '\0' ? MESSAGE_HINT : MESSAGE_ERROR);

  if (*confirm != '\0' && g_strcmp0 (passphrase, confirm) != 0)
    set_message (self->confirm_message, self->confirm_row,
                 _("The passphrases are not the same."), MESSAGE_ERROR);
  else
    set_message (self->confirm_message, self->confirm_row, NULL, MESSAGE_HINT);
}

static void
focus_entry (CfUnlockPage *self,
             GtkWidget    *row)
{
  /* Focus belongs to a window: before the page is in one there is nothing to do. */
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    gtk_widget_grab_focus (row);
}

static void
focus_first_entry (CfUnlockPage *self)
{
  focus_entry (self, self->setup_mode ? self->name_row : self->passphrase_row);
}

/* GTK 4.8 does not tell a focused text field that it lost focus when it is made insensitive
 * or hidden, and its cursor keeps blinking ("did not receive a focus-out event"). Move the
 * focus away properly first. */
static void
release_focus (CfUnlockPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    gtk_root_set_focus (root, NULL);
}

static void
set_busy (CfUnlockPage *self,
          gboolean      busy,
          const char   *status)
{
  self->busy = busy;

  if (busy)
    release_focus (self);

  gtk_widget_set_sensitive (self->name_row, !busy);
  gtk_widget_set_sensitive (self->passphrase_row, !busy);
  gtk_widget_set_sensitive (self->confirm_row, !busy);

  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  set_status (self, status, MESSAGE_HINT);

  update_actions (self);
}

static void
cancel_operation (CfUnlockPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

static void
emit_unlocked (CfUnlockPage *self,
               CfStore      *store)
{
  /* A handler may well drop the page from the window; keep it alive until we return. */
  g_autoptr(CfUnlockPage) hold = g_object_ref (self);

  g_signal_emit (self, signals[UNLOCKED], 0, store);
}

static void
create_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CfUnlockPage *self;

  store = cf_profile_create_finish (result, &error);

  /* Cancelled means the page was reset or disposed: it may no longer exist. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = CF_UNLOCK_PAGE (user_data);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE, NULL);

  if (store == NULL)
    {
      set_status (self, error->message, MESSAGE_ERROR);
      focus_entry (self, self->passphrase_row);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");

  emit_unlocked (self, store);
}

static void
create_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CfUnlockPage *self = CF_UNLOCK_PAGE (widget);
  g_autofree char *name = NULL;

  if (!can_create (self))
    return;

  name = dup_user_name (self);

  cancel_operation (self);
  self->cancellable = g_cancellable_new ();

  /* Translators: shown beside a spinner for the second or so that setting up takes */
  set_busy (self, TRUE, _("Creating the encrypted database…"));
  cf_profile_create_async (self->profile_dir, entry_text (self->passphrase_row), name,
                           cf_context_get_clock (self->context), self->cancellable,
                           create_done, self);
}

static void
unlock_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CfStore) store = NULL;
  g_autoptr(GError) error = NULL;
  CfUnlockPage *self;

  store = cf_profile_unlock_finish (result, &error);

  /* Cancelled means the page was reset or disposed: it may no longer exist. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = CF_UNLOCK_PAGE (user_data);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE, NULL);

  if (store != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
      emit_unlocked (self, store);
      return;
    }

  if (g_error_matches (error, CF_PROFILE_ERROR, CF_PROFILE_ERROR_WRONG_PASSPHRASE))
    {
      /* Emptied first: typing again clears the message, and this change must not. */
      gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
      set_message (self->passphrase_message, self->passphrase_row, error->message,
                   MESSAGE_ERROR);
    }
  else
    {
      set_status (self, error->message, MESSAGE_ERROR);
    }

  focus_entry (self, self->passphrase_row);
}

static void
unlock_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CfUnlockPage *self = CF_UNLOCK_PAGE (widget);

  if (!can_unlock (self))
    return;

  cancel_operation (self);
  self->cancellable = g_cancellable_new ();

  set_message (self->passphrase_message, self->passphrase_row, NULL, MESSAGE_HINT);
  /* Translators: shown beside a spinner while the passphrase is checked */
  set_busy (self, TRUE, _("Unlocking…"));
  cf_profile_unlock_async (self->profile_dir, entry_text (self->passphrase_row),
                           cf_context_get_clock (self->context), self->cancellable,
                           unlock_done, self);
}

static void
on_name_changed (GtkEditable  *editable,
                 CfUnlockPage *self)
{
  update_actions (self);
}

static void
on_passphrase_changed (GtkEditable  *editable,
                       CfUnlockPage *self)
{
  if (self->setup_mode)
    update_setup_messages (self);
  else if (*gtk_editable_get_text (editable) != '\0')
    set_message (self->passphrase_message, self->passphrase_row, NULL, MESSAGE_HINT);

  update_actions (self);
}

static void
on_confirm_changed (GtkEditable  *editable,
                    CfUnlockPage *self)
{
  if (self->setup_mode)
    update_setup_messages (self);

  update_actions (self);
}

static void
on_name_activated (AdwEntryRow  *row,
                   CfUnlockPage *self)
{
  focus_entry (self, self->passphrase_row);
}

static void
on_passphrase_activated (AdwEntryRow  *row,
                         CfUnlockPage *self)
{
  if (self->setup_mode)
    gtk_widget_grab_focus (self->confirm_row);
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "unlock-page.unlock", NULL);
}

static void
on_confirm_activated (AdwEntryRow  *row,
                      CfUnlockPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "unlock-page.create", NULL);
}

static void
cf_unlock_page_constructed (GObject *object)
{
  CfUnlockPage *self = CF_UNLOCK_PAGE (object);

  G_OBJECT_CLASS (cf_unlock_page_parent_class)->constructed (object);

  g_assert (CF_IS_CONTEXT (self->context));

  if (self->profile_dir == NULL)
    self->profile_dir = cf_profile_default_dir ();

  cf_unlock_page_reset (self);
}

static void
cf_unlock_page_map (GtkWidget *widget)
{
  CfUnlockPage *self = CF_UNLOCK_PAGE (widget);

  GTK_WIDGET_CLASS (cf_unlock_page_parent_class)->map (widget);

  /* Whenever the lock screen appears, the passphrase can be typed straight away. */
  if (!self->busy)
    focus_first_entry (self);
}

static void
cf_unlock_page_dispose (GObject *object)
{
  CfUnlockPage *self = CF_UNLOCK_PAGE (object);

  cancel_operation (self);
  /* AdwBin keeps its own pointer to the template's top widget: let go of it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CF_TYPE_UNLOCK_PAGE);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (cf_unlock_page_parent_class)->dispose (object);
}

static void
cf_unlock_page_finalize (GObject *object)
{
  CfUnlockPage *self = CF_UNLOCK_PAGE (object);

  g_free (self->profile_dir);

  G_OBJECT_CLASS (cf_unlock_page_parent_class)->finalize (object);
}

static void
cf_unlock_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CfUnlockPage *self = CF_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_PROFILE_DIR:
      g_value_set_string (value, self->profile_dir);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_unlock_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CfUnlockPage *self = CF_UNLOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_assert (self->context == NULL);
      self->context = g_value_dup_object (value);
      break;
    case PROP_PROFILE_DIR:
      g_assert (self->profile_dir == NULL);
      self->profile_dir = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_unlock_page_class_init (CfUnlockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = cf_unlock_page_constructed;
  object_class->dispose = cf_unlock_page_dispose;
  object_class->finalize = cf_unlock_page_finalize;
  object_class->get_property = cf_unlock_page_get_property;
  object_class->set_property = cf_unlock_page_set_property;

  widget_class->map = cf_unlock_page_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CF_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The profile folder; cf_profile_default_dir () if %NULL. */
  properties[PROP_PROFILE_DIR] =
    g_param_spec_string ("profile-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfUnlockPage::unlocked:
   * @store: the open store; a handler that keeps it takes its own reference
   *
   * The profile was created or unlocked.
   */
  signals[UNLOCKED] =
    g_signal_new ("unlocked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CF_TYPE_STORE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/carefield/Carefield/unlock/"
                                               "cf-unlock-page.ui");

  gtk_widget_class_bind_template_child (widget_class, CfUnlockPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, CfUnlockPage, name_box);
  gtk_widget_class_bind_template_child (widget_class, CfUnlockPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, CfUnlockPage, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, CfUnlockPage, passphrase_message);
  gtk_widget_class_bind_template_child (widget_class, CfUnlockPage, confirm_box);
  gtk_widget_class_bind_template_child (widget_class, CfUnlockPage, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, CfUnlockPage, confirm_message);
  gtk_widget_class_bind_template_child (widget_class, CfUnlockPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, CfUnlockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, CfUnlockPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, CfUnlockPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, CfUnlockPage, status_label);

  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_name_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_activated);

  gtk_widget_class_install_action (widget_class, "unlock-page.create", NULL, create_activated);
  gtk_widget_class_install_action (widget_class, "unlock-page.unlock", NULL, unlock_activated);
}

static void
cf_unlock_page_init (CfUnlockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cf_unlock_page_new:
 * @context: the application's context; its clock stamps the new profile
 * @profile_dir: (nullable): the profile folder; cf_profile_default_dir () if %NULL
 */
CfUnlockPage *
cf_unlock_page_new (CfContext  *context,
                    const char *profile_dir)
{
  g_return_val_if_fail (CF_IS_CONTEXT (context), NULL);

  return g_object_new (CF_TYPE_UNLOCK_PAGE,
                       "context", context,
                       "profile-dir", profile_dir,
                       NULL);
}

/**
 * cf_unlock_page_reset:
 *
 * Abandons any unlocking in progress, empties the fields and messages, and shows setup or
 * unlock depending on whether the profile exists now, for example when the window locks.
 */
void
cf_unlock_page_reset (CfUnlockPage *self)
{
  const char *real_name;

  g_return_if_fail (CF_IS_UNLOCK_PAGE (self));

  cancel_operation (self);

  release_focus (self);
  self->setup_mode = !cf_profile_exists (self->profile_dir);

  if (self->setup_mode)
    {
      /* Setup has three fields to fit on a small laptop screen without scrolling. */
      gtk_widget_add_css_class (GTK_WIDGET (self->status_page), "compact");
      adw_status_page_set_title (self->status_page, _("Set Up Carefield"));
      adw_status_page_set_description (self->status_page,
                                       _("Everything you record is kept in an encrypted "
                                         "database on this laptop. Choose a passphrase you "
                                         "will remember: if it is forgotten, it cannot be "
                                         "recovered."));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_page), "compact");
      adw_status_page_set_title (self->status_page, _("Carefield Is Locked"));
      adw_status_page_set_description (self->status_page,
                                       _("Enter your passphrase to open the caseload."));
    }

  gtk_widget_set_visible (self->name_box, self->setup_mode);
  gtk_widget_set_visible (self->confirm_box, self->setup_mode);
  gtk_widget_set_visible (self->create_button, self->setup_mode);
  gtk_widget_set_visible (self->unlock_button, !self->setup_mode);

  /* GLib says "Unknown" when the account has no real name; an empty field is better. */
  real_name = g_get_real_name ();
  if (!self->setup_mode || g_strcmp0 (real_name, "Unknown") == 0)
    real_name = "";

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), real_name);
  gtk_editable_set_text (GTK_EDITABLE (self->passphrase_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_row), "");

  set_message (self->passphrase_message, self->passphrase_row, NULL, MESSAGE_HINT);
  set_message (self->confirm_message, self->confirm_row, NULL, MESSAGE_HINT);
  if (self->setup_mode)
    update_setup_messages (self);

  set_busy (self, FALSE, NULL);

  focus_first_entry (self);
}

/**
 * cf_unlock_page_show_notice:
 * @notice: what happened, in words, such as why the profile was deleted
 *
 * Shows @notice where a screen reader hears it, until the next reset or attempt.
 */
void
cf_unlock_page_show_notice (CfUnlockPage *self,
                            const char   *notice)
{
  g_return_if_fail (CF_IS_UNLOCK_PAGE (self));

  set_status (self, notice, MESSAGE_HINT);
}
