/* cf-caseload-view.c: the caseload sidebar: search, filter and the list of carers
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A coordinator's caseload can hold tens of thousands of carers, and CfCaseload makes a row
 * object only for the carers a view asks for. So this view never walks the model: the count
 * comes from the model's length, and positions come from cf_caseload_find_position().
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cf-caseload-row.h"
#include "cf-caseload-view.h"
#include "cf-gui-util.h"

/* CfCaseloadView */

struct _CfCaseloadView
{
  AdwBin              parent_instance;

  CfCaseload         *caseload;
  /* Set while this view changes the query or filter: the list is replaced under the
   * selection, and the carer selected before is still the one to show. */
  gboolean            replacing;
  gulong              items_changed_handler;
  gulong              role_handler;
  /* A coordinator sees whose caseload each carer is on. */
  gboolean            show_worker;
  GSettings          *settings;

  /* The carer whose row should be selected, kept while the list is replaced under it. */
  char               *selected_id;
  guint               restore_selection_source;

  /* Carer id to GtkListItem for the rows bound now: those on screen and a few hundred
   * around them at most (GTK 4.8 keeps up to 200 rows bound). */
  GHashTable         *bound_items;

  AdwWindowTitle     *window_title;
  GtkMenuButton      *menu_button;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *filter_drop_down;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
};

G_DEFINE_FINAL_TYPE (CfCaseloadView, cf_caseload_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CASELOAD,
  N_PROPS
};

enum {
  CARER_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_status (CfCaseloadView *self)
{
  g_autofree char *subtitle = NULL;
  const char *page = "list";

  if (self->caseload != NULL)
    {
      guint n_visible = g_list_model_get_n_items (G_LIST_MODEL (self->caseload));

      if (n_visible == 0)
        page = cf_caseload_get_n_carers (self->caseload) == 0 ? "no-carers" : "no-results";

      /* Translators: how many carers the caseload list shows; %'u is the number, with the
       * locale’s thousands separator, e.g. “20,000 carers” */
      subtitle = g_strdup_printf (ngettext ("%'u carer", "%'u carers", n_visible), n_visible);
    }

  adw_window_title_set_subtitle (self->window_title, subtitle != NULL ? subtitle : "");
  gtk_stack_set_visible_child_name (self->stack, page);
}

static GtkListItem *
find_bound_item (CfCaseloadView *self,
                 const char     *id)
{
  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->bound_items, id);
}

static gboolean
restore_selection_cb (gpointer user_data)
{
  CfCaseloadView *self = user_data;
  GtkListItem *list_item;

  self->restore_selection_source = 0;

  if (gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    return G_SOURCE_REMOVE;

  list_item = find_bound_item (self, self->selected_id);
  if (list_item != NULL)
    gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (list_item));

  return G_SOURCE_REMOVE;
}

/* Selecting changes rows while the list view is binding them, so it waits for an idle. */
static void
queue_restore_selection (CfCaseloadView *self)
{
  if (self->restore_selection_source == 0)
    self->restore_selection_source = g_idle_add (restore_selection_cb, self);
}

static void
on_caseload_items_changed (CfCaseloadView *self,
                           guint           position,
                           guint           removed,
                           guint           added,
                           GListModel     *model)
{
  update_status (self);
}

static void
on_selected_item_changed (CfCaseloadView     *self,
                          GParamSpec         *pspec,
                          GtkSingleSelection *selection)
{
  CfCaseloadItem *item = gtk_single_selection_get_selected_item (selection);

  /* Replacing the list lets go of the selection; the carer is still the one to show. */
  if (self->replacing)
    return;

  g_free (self->selected_id);
  self->selected_id = item != NULL ? g_strdup (cf_caseload_item_get_id (item)) : NULL;
}

static void
on_factory_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  CfCaseloadView           *self)
{
  GtkWidget *row = cf_caseload_row_new ();

  cf_caseload_row_set_show_worker (CF_CASELOAD_ROW (row), self->show_worker);
  gtk_list_item_set_child (list_item, row);
}

static void
update_show_worker (CfCaseloadView *self)
{
  CfStore *store = self->caseload != NULL ? cf_caseload_get_store (self->caseload) : NULL;
  gboolean show_worker = store != NULL &&
                         g_strcmp0 (cf_store_get_role (store), CF_ROLE_COORDINATOR) == 0;
  GHashTableIter iter;
  gpointer value;

  if (self->show_worker == show_worker)
    return;

  /* Rows not bound now are set up again as they are bound: only these need telling. */
  self->show_worker = show_worker;
  g_hash_table_iter_init (&iter, self->bound_items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    cf_caseload_row_set_show_worker (CF_CASELOAD_ROW (gtk_list_item_get_child (value)),
                                     show_worker);
}

static void
on_factory_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 CfCaseloadView           *self)
{
  CfCaseloadItem *item = gtk_list_item_get_item (list_item);
  const char *id = cf_caseload_item_get_id (item);
  CfCaseloadRow *row = CF_CASELOAD_ROW (gtk_list_item_get_child (list_item));

  cf_caseload_row_set_show_worker (row, self->show_worker);
  cf_caseload_row_set_item (row, item);
  g_hash_table_insert (self->bound_items, (gpointer) id, list_item);

  if (g_strcmp0 (id, self->selected_id) == 0 &&
      gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    queue_restore_selection (self);
}

static void
on_factory_unbind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   CfCaseloadView           *self)
{
  CfCaseloadItem *item = gtk_list_item_get_item (list_item);

  /* Only if it is still this list item's: the same carer may be bound again elsewhere first. */
  if (item != NULL &&
      g_hash_table_lookup (self->bound_items, cf_caseload_item_get_id (item)) == list_item)
    g_hash_table_remove (self->bound_items, cf_caseload_item_get_id (item));

  cf_caseload_row_set_item (CF_CASELOAD_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
on_list_activate (CfCaseloadView *self,
                  guint           position,
                  GtkListView    *list_view)
{
  g_autoptr(CfCaseloadItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection),
                                                          position);

  if (item != NULL)
    g_signal_emit (self, signals[CARER_ACTIVATED], 0, cf_caseload_item_get_id (item));
}

static void
on_search_changed (CfCaseloadView *self,
                   GtkSearchEntry *entry)
{
  if (self->caseload == NULL)
    return;

  self->replacing = TRUE;
  cf_caseload_set_query (self->caseload, gtk_editable_get_text (GTK_EDITABLE (entry)));
  self->replacing = FALSE;
}

static void
on_stop_search (CfCaseloadView *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
focus_list (CfCaseloadView *self)
{
  GtkListItem *first = NULL;
  GHashTableIter iter;
  gpointer value;

  if (self->caseload == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->caseload)) == 0)
    return;

  /* The first row, when it is bound; otherwise wherever the list had its focus. */
  g_hash_table_iter_init (&iter, self->bound_items);
  while (first == NULL && g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (gtk_list_item_get_position (value) == 0)
        first = value;
    }

  if (first != NULL)
    gtk_widget_grab_focus (gtk_widget_get_parent (gtk_list_item_get_child (first)));
  else
    gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

static void
on_search_activate (CfCaseloadView *self,
                    GtkSearchEntry *entry)
{
  focus_list (self);
}

static gboolean
on_search_key_pressed (CfCaseloadView        *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  /* Caps Lock does not count as a modifier here. */
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) == 0)
    {
      focus_list (self);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

static void
on_filter_selected (CfCaseloadView *self,
                    GParamSpec     *pspec,
                    GtkDropDown    *drop_down)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->caseload == NULL || selected >= CF_CASELOAD_N_FILTERS)
    return;

  self->replacing = TRUE;
  cf_caseload_set_filter (self->caseload, selected);
  self->replacing = FALSE;
}

static gboolean
filter_from_setting (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  CfCaseloadFilter filter;

  if (!cf_caseload_filter_from_string (g_variant_get_string (variant, NULL), &filter))
    filter = CF_CASELOAD_FILTER_ALL;

  g_value_set_uint (value, filter);
  return TRUE;
}

static GVariant *
filter_to_setting (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= CF_CASELOAD_N_FILTERS)
    selected = CF_CASELOAD_FILTER_ALL;

  return g_variant_new_string (cf_caseload_filter_to_string (selected));
}

static void
cf_caseload_view_dispose (GObject *object)
{
  CfCaseloadView *self = CF_CASELOAD_VIEW (object);

  g_clear_handle_id (&self->restore_selection_source, g_source_remove);

  if (self->settings != NULL)
    g_settings_unbind (self->filter_drop_down, "selected");
  g_clear_object (&self->settings);

  if (self->caseload != NULL)
    {
      g_clear_signal_handler (&self->items_changed_handler, self->caseload);
      g_clear_signal_handler (&self->role_handler, cf_caseload_get_store (self->caseload));
    }
  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  g_clear_object (&self->caseload);

  G_OBJECT_CLASS (cf_caseload_view_parent_class)->dispose (object);
}

static void
cf_caseload_view_finalize (GObject *object)
{
  CfCaseloadView *self = CF_CASELOAD_VIEW (object);

  g_clear_pointer (&self->bound_items, g_hash_table_unref);
  g_free (self->selected_id);

  G_OBJECT_CLASS (cf_caseload_view_parent_class)->finalize (object);
}

static void
cf_caseload_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CfCaseloadView *self = CF_CASELOAD_VIEW (object);

  switch (prop_id)
    {
    case PROP_CASELOAD:
      g_value_set_object (value, self->caseload);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_caseload_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CfCaseloadView *self = CF_CASELOAD_VIEW (object);

  switch (prop_id)
    {
    case PROP_CASELOAD:
      cf_caseload_view_set_caseload (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_caseload_view_class_init (CfCaseloadViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cf_caseload_view_dispose;
  object_class->finalize = cf_caseload_view_finalize;
  object_class->get_property = cf_caseload_view_get_property;
  object_class->set_property = cf_caseload_view_set_property;

  properties[PROP_CASELOAD] =
    g_param_spec_object ("caseload", NULL, NULL,
                         CF_TYPE_CASELOAD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CfCaseloadView::carer-activated:
   * @id: the carer's record id
   *
   * A carer's row was activated, with a click or the keyboard: open that carer.
   */
  signals[CARER_ACTIVATED] =
    g_signal_new ("carer-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/carefield/Carefield/caseload/"
                                               "cf-caseload-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CfCaseloadView, window_title);
  gtk_widget_class_bind_template_child (widget_class, CfCaseloadView, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CfCaseloadView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CfCaseloadView, filter_drop_down);
  gtk_widget_class_bind_template_child (widget_class, CfCaseloadView, stack);
  gtk_widget_class_bind_template_child (widget_class, CfCaseloadView, list_view);
  gtk_widget_class_bind_template_child (widget_class, CfCaseloadView, selection);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
}

static void
cf_caseload_view_init (CfCaseloadView *self)
{
  GtkEventController *keys;

  /* Keys are the items' ids, which live as long as the items the bound list items hold. */
  self->bound_items = g_hash_table_new (g_str_hash, g_str_equal);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The "Show" label just before the filter names the button inside it too (GTK 4.8). */
  cf_drop_down_label_button (self->filter_drop_down,
                             gtk_widget_get_prev_sibling (GTK_WIDGET (self->filter_drop_down)));

  /* Down from the search goes to the results; caught before the text field sees it. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  update_status (self);
}

CfCaseloadView *
cf_caseload_view_new (void)
{
  return g_object_new (CF_TYPE_CASELOAD_VIEW, NULL);
}

/**
 * cf_caseload_view_set_caseload:
 * @caseload: (nullable): the caseload to show, or %NULL while the profile is locked
 *
 * The view's search and filter apply to @caseload. With %NULL the list empties, the search is
 * cleared, and the view keeps no reference to the old caseload.
 */
void
cf_caseload_view_set_caseload (CfCaseloadView *self,
                               CfCaseload     *caseload)
{
  g_return_if_fail (CF_IS_CASELOAD_VIEW (self));
  g_return_if_fail (caseload == NULL || CF_IS_CASELOAD (caseload));

  if (self->caseload == caseload)
    return;

  g_clear_pointer (&self->selected_id, g_free);
  if (self->caseload != NULL)
    {
      g_clear_signal_handler (&self->items_changed_handler, self->caseload);
      g_clear_signal_handler (&self->role_handler, cf_caseload_get_store (self->caseload));
    }
  g_set_object (&self->caseload, caseload);

  if (caseload != NULL)
    {
      guint filter = gtk_drop_down_get_selected (self->filter_drop_down);

      if (filter < CF_CASELOAD_N_FILTERS)
        cf_caseload_set_filter (caseload, filter);
      cf_caseload_set_query (caseload, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      self->items_changed_handler =
        g_signal_connect_object (caseload, "items-changed",
                                 G_CALLBACK (on_caseload_items_changed), self,
                                 G_CONNECT_SWAPPED);
      /* Signing in to the server as a coordinator shows the workers at once. */
      self->role_handler =
        g_signal_connect_object (cf_caseload_get_store (caseload), "notify::role",
                                 G_CALLBACK (update_show_worker), self, G_CONNECT_SWAPPED);
    }
  else
    {
      /* Locked: nothing typed about a carer stays on screen behind the lock. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
    }

  update_show_worker (self);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (caseload));
  update_status (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASELOAD]);
}

/**
 * cf_caseload_view_get_caseload:
 *
 * Returns: (transfer none) (nullable): the caseload shown
 */
CfCaseload *
cf_caseload_view_get_caseload (CfCaseloadView *self)
{
  g_return_val_if_fail (CF_IS_CASELOAD_VIEW (self), NULL);

  return self->caseload;
}

/**
 * cf_caseload_view_set_settings:
 * @settings: (nullable): the application's settings
 *
 * The filter is restored from, and saved to, the “caseload-filter” key, so the list opens
 * the way the worker left it.
 */
void
cf_caseload_view_set_settings (CfCaseloadView *self,
                               GSettings      *settings)
{
  g_return_if_fail (CF_IS_CASELOAD_VIEW (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings == settings)
    return;

  if (self->settings != NULL)
    g_settings_unbind (self->filter_drop_down, "selected");
  g_set_object (&self->settings, settings);

  if (settings != NULL)
    g_settings_bind_with_mapping (settings, "caseload-filter",
                                  self->filter_drop_down, "selected",
                                  G_SETTINGS_BIND_DEFAULT,
                                  filter_from_setting, filter_to_setting,
                                  NULL, NULL);
}

/**
 * cf_caseload_view_set_primary_menu:
 * @menu: (nullable): the main menu
 */
void
cf_caseload_view_set_primary_menu (CfCaseloadView *self,
                                   GMenuModel     *menu)
{
  g_return_if_fail (CF_IS_CASELOAD_VIEW (self));
  g_return_if_fail (menu == NULL || G_IS_MENU_MODEL (menu));

  gtk_menu_button_set_menu_model (self->menu_button, menu);
}

void
cf_caseload_view_focus_search (CfCaseloadView *self)
{
  g_return_if_fail (CF_IS_CASELOAD_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Without a way to ask the caseload where a carer is, this has to look, one item at a time;
 * it stops at the carer, and is only for a deliberate jump to one carer. */
/**
 * cf_caseload_view_select_carer:
 * @id: (nullable): a carer's record id, or %NULL to select nothing
 *
 * Selects that carer's row and scrolls to it, when the search and filter let it show.
 */
void
cf_caseload_view_select_carer (CfCaseloadView *self,
                               const char     *id)
{
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (CF_IS_CASELOAD_VIEW (self));

  if (self->caseload != NULL && id != NULL && !cf_caseload_find_position (self->caseload, id,
                                                                        &position))
    position = GTK_INVALID_LIST_POSITION;

  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                position);

  /* Remembered even when not shown now, so the row is selected when the search lets it be. */
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
}
