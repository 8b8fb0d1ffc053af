/* test-gui-layout.c: every page fits a small laptop's screen with the largest text, and in
 * high contrast, with no words cut off or on top of each other
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Many of the people who use Carefield read with large text, and the laptops carers
 * organisations buy often have 1366×768 screens. The real CfApplication runs (as in
 * test-gui-window.c) on a profile with demonstration carers, and each page is opened the way a
 * worker opens it, with Carefield's text at 200 %, then again in high contrast. On each page:
 *
 *  - the window's minimum size fits 1366×768, so nothing forces it past the screen's edge;
 *  - every label shown lies inside its window, and inside whatever clips it, except where it
 *    has only scrolled out of sight (up or down: sideways scrolling is a failure);
 *  - no two labels overlap by more than a pixel;
 *  - a label that neither wraps nor ellipsizes gets its natural width, and every label at least
 *    the height its text needs at the width it has.
 *
 * A picture of each page goes to $CF_LAYOUT_DIR (meson-logs/layout in the build folder), named
 * after the page, for a person to look at.
 *
 * High contrast is turned on the way the desktop does it: libadwaita 1.2 reads
 * org.gnome.desktop.a11y.interface's high-contrast key (gsettings-desktop-schemas) when no
 * settings portal answers, and GSETTINGS_BACKEND=memory lets the test set it. The portal is
 * turned off (ADW_DISABLE_PORTAL) so that a desktop's portal cannot answer instead.
 */

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "cf-application.h"
#include "cf-assessment-editor-private.h"
#include "cf-assessment-template.h"
#include "cf-cared-for-row.h"
#include "cf-caseload-view.h"
#include "cf-conflicts-dialog.h"
#include "cf-due-page.h"
#include "cf-interface-language.h"
#include "cf-preferences-window.h"
#include "cf-profile.h"
#include "cf-sync-local.h"
#include "cf-test-gui.h"
#include "cf-test-util.h"
#include "cf-text-scale.h"
#include "cf-unlock-page.h"
#include "cf-window-private.h"

#define PASSPHRASE   "layout test passphrase"
#define SCREEN_W     1366
#define SCREEN_H     768
#define LARGE_TEXT   200
#define N_DEMO       60
/* Long enough for a page's rows to be built and laid out, and transitions to end. */
#define SETTLE_MS    250

typedef enum
{
  MODE_LARGE,
  MODE_HIGH_CONTRAST,
} Mode;

static const char * const mode_names[] = { "large", "hc" };

static CfApplication *app;
static GSettings *a11y_settings;
static char *carer_id;
static char *assessment_id;
static char *hester_id;
static guint n_pages_checked;
static guint n_labels_checked;
static guint n_ellipsized;
static int status;

/* Finding things ----------------------------------------------------------------------------- */

static CfWindow *
window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (CF_IS_WINDOW (l->data))
        return CF_WINDOW (l->data);
    }

  g_assert_not_reached ();
}

static GSettings *
settings (void)
{
  return cf_context_get_settings (cf_application_get_context (app));
}

/* The newest shown toplevel of @type. */
static GtkWidget *
shown_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_WIDGET (toplevel);
    }

  return NULL;
}

static void
find_all (GtkWidget *root,
          GType      type,
          GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      else
        find_all (child, type, found);
    }
}

static gboolean
is_unlocked (gpointer data)
{
  return !cf_window_is_locked (window ());
}

static void
unlock (void)
{
  GtkWidget *page = cf_test_find_type (GTK_WIDGET (window ()), CF_TYPE_UNLOCK_PAGE);
  GtkWidget *entry = cf_test_find_type (page, ADW_TYPE_PASSWORD_ENTRY_ROW);

  if (!cf_window_is_locked (window ()))
    return;

  gtk_editable_set_text (GTK_EDITABLE (entry), PASSPHRASE);
  g_assert_true (gtk_widget_activate_action (page, "unlock-page.unlock", NULL));
  cf_test_spin_until (is_unlocked, NULL, 30000);
  cf_test_spin (SETTLE_MS);
}

/* Scrolls @widget's page so that @widget is at the top, for the picture. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;
  GtkAdjustment *adjustment;
  GtkWidget *content;

  if (scrolled == NULL)
    return;

  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content == NULL || !gtk_widget_compute_bounds (widget, content, &bounds))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, bounds.origin.y);
  cf_test_spin (50);
}

/* What is wrong with a page ------------------------------------------------------------------ */

typedef struct
{
  GtkWidget       *label;
  graphene_rect_t  bounds;   /* in the toplevel's coordinates, as laid out */
  graphene_rect_t  visible;  /* what of it is not clipped away */
  GtkWidget       *scroller; /* its nearest scrolling ancestor, or NULL */
} Placed;

static const char *
label_text (GtkWidget *label)
{
  return gtk_label_get_text (GTK_LABEL (label));
}

static char *
describe (GtkWidget *label)
{
  GtkWidget *parent = gtk_widget_get_parent (label);
  g_autofree char *text = g_strndup (label_text (label), 60);

  return g_strdup_printf ("“%s” (%s in %s)", text, G_OBJECT_TYPE_NAME (label),
                          parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "nothing");
}

static gboolean
scrolls (GtkWidget *widget)
{
  return GTK_IS_SCROLLED_WINDOW (widget) || GTK_IS_VIEWPORT (widget) ||
         GTK_IS_SCROLLABLE (widget);
}

/* Works out where @label is and what it fits in; adds what is wrong to @problems. */
static void
place_label (GtkWidget *toplevel,
             GtkWidget *label,
             Placed    *placed,
             GPtrArray *problems)
{
  g_autofree char *what = describe (label);
  int width = gtk_widget_get_width (toplevel);
  int height = gtk_widget_get_height (toplevel);
  gboolean vertical_free = FALSE;
  graphene_rect_t limit;

  placed->label = label;
  placed->scroller = NULL;
  g_assert_true (gtk_widget_compute_bounds (label, toplevel, &placed->bounds));
  placed->visible = placed->bounds;

  for (GtkWidget *a = gtk_widget_get_parent (label); a != NULL && a != toplevel;
       a = gtk_widget_get_parent (a))
    {
      graphene_rect_t clip;
      float left, right;

      if (gtk_widget_get_overflow (a) != GTK_OVERFLOW_HIDDEN && !scrolls (a))
        continue;
      if (!gtk_widget_compute_bounds (a, toplevel, &clip))
        continue;

      left = placed->bounds.origin.x;
      right = left + placed->bounds.size.width;
      if (left < clip.origin.x - 1 || right > clip.origin.x + clip.size.width + 1)
        g_ptr_array_add (problems,
                         g_strdup_printf ("%s is cut off at the side by %s: x %.0f–%.0f, "
                                          "shown %.0f–%.0f", what, G_OBJECT_TYPE_NAME (a),
                                          left, right, clip.origin.x,
                                          clip.origin.x + clip.size.width));

      /* Up and down, a label may have scrolled out of sight; above a scrolling widget, the
       * content it scrolls may be taller than anything around it. */
      if (!vertical_free && !scrolls (a))
        {
          float top = placed->bounds.origin.y;
          float bottom = top + placed->bounds.size.height;

          if (top < clip.origin.y - 1 || bottom > clip.origin.y + clip.size.height + 1)
            g_ptr_array_add (problems,
                             g_strdup_printf ("%s is cut off by %s: y %.0f–%.0f, shown "
                                              "%.0f–%.0f", what, G_OBJECT_TYPE_NAME (a), top,
                                              bottom, clip.origin.y,
                                              clip.origin.y + clip.size.height));
        }

      if (scrolls (a))
        {
          vertical_free = TRUE;
          if (placed->scroller == NULL)
            placed->scroller = a;
        }

      if (!graphene_rect_intersection (&placed->visible, &clip, &placed->visible))
        graphene_rect_init (&placed->visible, 0, 0, 0, 0);
    }

  graphene_rect_init (&limit, 0, 0, width, height);
  if (placed->bounds.origin.x < -1 ||
      placed->bounds.origin.x + placed->bounds.size.width > width + 1 ||
      (!vertical_free && (placed->bounds.origin.y < -1 ||
                          placed->bounds.origin.y + placed->bounds.size.height > height + 1)))
    g_ptr_array_add (problems,
                     g_strdup_printf ("%s is outside its window (%d×%d): %.0f,%.0f %.0f×%.0f",
                                      what, width, height, placed->bounds.origin.x,
                                      placed->bounds.origin.y, placed->bounds.size.width,
                                      placed->bounds.size.height));
  if (!graphene_rect_intersection (&placed->visible, &limit, &placed->visible))
    graphene_rect_init (&placed->visible, 0, 0, 0, 0);

  /* The room the text needs. */
  {
    GtkLabel *l = GTK_LABEL (label);
    int min, nat, min_height;
    int w = gtk_widget_get_width (label);
    int h = gtk_widget_get_height (label);
    GtkStyleContext *style = gtk_widget_get_style_context (label);
    GtkBorder margin, border, padding;

    /* Measuring counts the margins, border and padding; the width and height a label is
     * given, its content's, do not. */
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    gtk_style_context_get_margin (style, &margin);
    gtk_style_context_get_border (style, &border);
    gtk_style_context_get_padding (style, &padding);
    G_GNUC_END_IGNORE_DEPRECATIONS
    margin.left += gtk_widget_get_margin_start (label) + gtk_widget_get_margin_end (label) +
                   border.left + border.right + padding.left + padding.right;
    margin.top += gtk_widget_get_margin_top (label) + gtk_widget_get_margin_bottom (label) +
                  border.top + border.bottom + padding.top + padding.bottom;

    gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
    nat -= margin.left + margin.right;
    if (!gtk_label_get_wrap (l) && gtk_label_get_ellipsize (l) == PANGO_ELLIPSIZE_NONE &&
        w + 1 < nat)
      g_ptr_array_add (problems, g_strdup_printf ("%s is %d pixels wide but its text needs %d",
                                                  what, w, nat));

    gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL,
                        w + margin.left + margin.right, &min_height, NULL, NULL, NULL);
    min_height -= margin.top + margin.bottom;
    if (h + 1 < min_height)
      g_ptr_array_add (problems, g_strdup_printf ("%s is %d pixels high but its text needs %d",
                                                  what, h, min_height));

    if (gtk_label_get_ellipsize (l) != PANGO_ELLIPSIZE_NONE &&
        pango_layout_is_ellipsized (gtk_label_get_layout (l)))
      {
        n_ellipsized++;
        g_test_message ("ellipsized: %s", what);
      }
  }
}

static void
collect_labels (GtkWidget *toplevel,
                GtkWidget *widget,
                GPtrArray *labels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* Popovers are windows of their own, not open here. */
      if (!gtk_widget_get_mapped (child) || GTK_IS_NATIVE (child))
        continue;
      if (gtk_widget_get_opacity (child) == 0)
        continue;
      if (GTK_IS_LABEL (child) && *label_text (child) != '\0')
        g_ptr_array_add (labels, child);
      collect_labels (toplevel, child, labels);
    }
}

static gboolean
overlap (const graphene_rect_t *a,
         const graphene_rect_t *b)
{
  graphene_rect_t both;

  return graphene_rect_intersection (a, b, &both) && both.size.width > 1 &&
         both.size.height > 1;
}

static void
check_overlaps (GArray    *placed,
                GPtrArray *problems)
{
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *a = &g_array_index (placed, Placed, i);

      for (guint j = i + 1; j < placed->len; j++)
        {
          Placed *b = &g_array_index (placed, Placed, j);
          /* Labels scrolled together are compared where they are laid out, whether in sight
           * or not; others where they can be seen. */
          gboolean together = a->scroller == b->scroller;

          if (gtk_widget_is_ancestor (a->label, b->label) ||
              gtk_widget_is_ancestor (b->label, a->label))
            continue;

          if (together ? overlap (&a->bounds, &b->bounds) : overlap (&a->visible, &b->visible))
            {
              g_autofree char *first = describe (a->label);
              g_autofree char *second = describe (b->label);

              g_ptr_array_add (problems, g_strdup_printf ("%s overlaps %s", first, second));
            }
        }
    }
}

static void
save_picture (GtkWidget  *toplevel,
              const char *name)
{
  const char *dir = g_getenv ("CF_LAYOUT_DIR");
  g_autofree char *fallback = g_build_filename (g_get_tmp_dir (), "carefield-layout", NULL);
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (toplevel);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (toplevel);
  int height = gtk_widget_get_height (toplevel);

  if (dir == NULL || *dir == '\0')
    dir = fallback;
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  path = g_build_filename (dir, file, NULL);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (toplevel)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("picture: %s", path);
}

/* Checks the page shown in @toplevel, saves its picture as @name, and fails the test with
 * every problem found. */
static void
check_page (GtkWidget  *toplevel,
            const char *name)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) placed = g_array_new (FALSE, TRUE, sizeof (Placed));
  g_autofree char *picture = NULL;
  int min_width, min_height;

  g_assert_true (gtk_widget_get_mapped (toplevel));
  cf_test_spin (SETTLE_MS);

  gtk_widget_measure (toplevel, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (toplevel, GTK_ORIENTATION_VERTICAL, MAX (min_width, SCREEN_W),
                      &min_height, NULL, NULL, NULL);
  if (min_width > SCREEN_W || min_height > SCREEN_H)
    g_ptr_array_add (problems, g_strdup_printf ("%s needs at least %d×%d, more than the "
                                                "screen's %d×%d", G_OBJECT_TYPE_NAME (toplevel),
                                                min_width, min_height, SCREEN_W, SCREEN_H));

  collect_labels (toplevel, toplevel, labels);
  g_assert_cmpuint (labels->len, >, 0);
  g_array_set_size (placed, labels->len);
  for (guint i = 0; i < labels->len; i++)
    place_label (toplevel, g_ptr_array_index (labels, i), &g_array_index (placed, Placed, i),
                 problems);
  check_overlaps (placed, problems);

  n_pages_checked++;
  n_labels_checked += labels->len;
  g_test_message ("%s: %u labels in a %d×%d window, %u problems", name, labels->len,
                  gtk_widget_get_width (toplevel), gtk_widget_get_height (toplevel),
                  problems->len);

  picture = g_strdup_printf ("%s-%s", mode_names[adw_style_manager_get_high_contrast (
                               adw_style_manager_get_default ()) ? MODE_HIGH_CONTRAST
                                                                 : MODE_LARGE], name);
  save_picture (toplevel, picture);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s: %s", name, (char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    g_test_fail_printf ("%u layout problems on %s; the first: %s", problems->len, name,
                        (char *) g_ptr_array_index (problems, 0));
}

/* The modes ---------------------------------------------------------------------------------- */

static void
set_mode (Mode mode)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  g_settings_set_uint (settings (), "text-scale", LARGE_TEXT);
  g_settings_set_boolean (a11y_settings, "high-contrast", mode == MODE_HIGH_CONTRAST);
  cf_test_spin (100);

  g_assert_cmpuint (cf_text_scale_get_percent (cf_application_get_text_scale (app)), ==,
                    LARGE_TEXT);
  g_assert_cmpint (adw_style_manager_get_high_contrast (style), ==,
                   mode == MODE_HIGH_CONTRAST);
}

/* The pages ---------------------------------------------------------------------------------- */

typedef struct
{
  Mode        mode;
  const char *page;
} PageTest;

static void
close_other_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i - 1);

      if (!CF_IS_WINDOW (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        gtk_window_destroy (GTK_WINDOW (toplevel));
    }
  cf_test_spin (50);
}

static void
open_carer (const char *id)
{
  unlock ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window ()), "win.open-carer", "s", id));
  cf_test_spin (SETTLE_MS);
}

static GtkWidget *
open_assessment (void)
{
  GtkWidget *editor;

  open_carer (carer_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window ()), "win.open-assessment", "s",
                                             assessment_id));
  cf_test_spin (SETTLE_MS);
  editor = cf_test_find_type (GTK_WIDGET (window ()), CF_TYPE_ASSESSMENT_EDITOR);
  g_assert_true (gtk_widget_get_mapped (editor));

  return editor;
}

static void
test_unlock (gconstpointer data)
{
  const PageTest *test = data;

  set_mode (test->mode);
  close_other_windows ();
  if (!cf_window_is_locked (window ()))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window ()), "win.lock", NULL));
  cf_test_spin (SETTLE_MS);
  check_page (GTK_WIDGET (window ()), "unlock");
  unlock ();
}

static void
test_caseload (gconstpointer data)
{
  const PageTest *test = data;

  set_mode (test->mode);
  close_other_windows ();
  unlock ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window ()), "win.show-caseload", NULL));
  cf_test_spin (SETTLE_MS);
  check_page (GTK_WIDGET (window ()), "caseload");
}

static void
test_carer (gconstpointer data)
{
  const PageTest *test = data;

  set_mode (test->mode);
  close_other_windows ();
  open_carer (carer_id);
  check_page (GTK_WIDGET (window ()), "carer");
}

static void
test_cared_for (gconstpointer data)
{
  const PageTest *test = data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  set_mode (test->mode);
  close_other_windows ();
  open_carer (carer_id);
  find_all (GTK_WIDGET (window ()), CF_TYPE_CARED_FOR_ROW, rows);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_set_expanded (g_ptr_array_index (rows, i), TRUE);
  cf_test_spin (SETTLE_MS);
  scroll_to (g_ptr_array_index (rows, 0));
  check_page (GTK_WIDGET (window ()), "cared-for");
  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_set_expanded (g_ptr_array_index (rows, i), FALSE);
}

static void
test_assessment (gconstpointer data)
{
  const PageTest *test = data;
  CfAssessmentTemplate *template = cf_assessment_template_get_default ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GtkWidget *editor;

  set_mode (test->mode);
  close_other_windows ();
  editor = open_assessment ();

  g_ptr_array_add (keys, (char *) "about");
  for (guint i = 0; i < cf_assessment_template_get_n_sections (template); i++)
    g_ptr_array_add (keys, (char *) cf_assessment_section_get_key (
                       cf_assessment_template_get_section (template, i)));
  g_ptr_array_add (keys, (char *) "decision");
  g_ptr_array_add (keys, (char *) "record");

  for (guint i = 0; i < keys->len; i++)
    {
      const char *key = g_ptr_array_index (keys, i);
      g_autofree char *name = g_strdup_printf ("assessment-%s", key);

      cf_assessment_editor_show_section (CF_ASSESSMENT_EDITOR (editor), key);
      cf_test_spin (SETTLE_MS);
      g_assert_true (gtk_widget_get_mapped (
        cf_assessment_editor_get_page (CF_ASSESSMENT_EDITOR (editor), key)));
      check_page (GTK_WIDGET (window ()), name);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window ()), "win.show-carer", NULL));
  cf_test_spin (SETTLE_MS);
}

static void
test_support (gconstpointer data)
{
  const PageTest *test = data;
  static const char * const pages[] = { "plan", "emergency", "payments", "reviews" };

  set_mode (test->mode);
  close_other_windows ();
  open_carer (carer_id);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window ()), "win.open-support", "s",
                                                 pages[i]));
      cf_test_spin (SETTLE_MS);
      check_page (GTK_WIDGET (window ()), pages[i]);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window ()), "win.show-carer", NULL));
  cf_test_spin (SETTLE_MS);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_loaded (gboolean *loaded)
{
  *loaded = TRUE;
}

static void
test_due (gconstpointer data)
{
  const PageTest *test = data;
  GtkWidget *due;
  gboolean loaded = FALSE;
  gulong handler;

  set_mode (test->mode);
  close_other_windows ();
  unlock ();
  due = cf_test_find_type (GTK_WIDGET (window ()), CF_TYPE_DUE_PAGE);
  handler = g_signal_connect_swapped (due, "loaded", G_CALLBACK (on_loaded), &loaded);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window ()), "win.show-due", NULL));
  cf_test_spin_until (is_true, &loaded, 20000);
  g_signal_handler_disconnect (due, handler);
  g_assert_cmpuint (cf_due_page_get_n_items (CF_DUE_PAGE (due)), >, 0);
  check_page (GTK_WIDGET (window ()), "due");
}

static void
test_preferences (gconstpointer data)
{
  const PageTest *test = data;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  GtkWidget *preferences;

  set_mode (test->mode);
  close_other_windows ();
  unlock ();
  cf_window_show_preferences (window (), NULL);
  cf_test_spin (SETTLE_MS);
  preferences = shown_toplevel (CF_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);

  find_all (preferences, ADW_TYPE_PREFERENCES_PAGE, pages);
  g_assert_cmpuint (pages->len, >=, 2);
  for (guint i = 0; i < pages->len; i++)
    {
      AdwPreferencesPage *page = g_ptr_array_index (pages, i);
      g_autofree char *name = NULL;
      g_autofree char *title = g_ascii_strdown (adw_preferences_page_get_title (page), -1);

      /* The window's own pages, not one libadwaita keeps for itself. */
      if (!ADW_IS_VIEW_STACK (gtk_widget_get_parent (GTK_WIDGET (page))))
        continue;
      g_strdelimit (title, " ", '-');
      name = g_strdup_printf ("preferences-%s", title);
      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), page);
      cf_test_spin (SETTLE_MS);
      check_page (preferences, name);
    }

  gtk_window_destroy (GTK_WINDOW (preferences));
  cf_test_spin (50);
}

static void
test_conflicts (gconstpointer data)
{
  const PageTest *test = data;
  GtkWidget *dialog;

  set_mode (test->mode);
  close_other_windows ();
  unlock ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window ()), "win.show-conflicts", NULL));
  cf_test_spin (SETTLE_MS);
  dialog = shown_toplevel (CF_TYPE_CONFLICTS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (cf_conflicts_dialog_get_n_open (CF_CONFLICTS_DIALOG (dialog)), >, 0);
  check_page (dialog, "conflicts");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cf_test_spin (50);
}

static void
test_shortcuts (gconstpointer data)
{
  const PageTest *test = data;
  GtkWidget *shortcuts;

  set_mode (test->mode);
  close_other_windows ();
  unlock ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window ()), "win.show-help-overlay",
                                             NULL));
  cf_test_spin (SETTLE_MS);
  shortcuts = shown_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (cf_test_holds_text (shortcuts, "Make text larger"));
  check_page (shortcuts, "shortcuts");
  gtk_widget_set_visible (shortcuts, FALSE);
  cf_test_spin (50);
}

static void
test_start_assessment (gconstpointer data)
{
  const PageTest *test = data;
  GtkWidget *dialog;

  set_mode (test->mode);
  close_other_windows ();
  open_carer (carer_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window ()), "win.start-assessment",
                                             NULL));
  cf_test_spin (SETTLE_MS);
  dialog = shown_toplevel (GTK_TYPE_WINDOW);
  g_assert_true (dialog != NULL && !CF_IS_WINDOW (dialog));
  check_page (dialog, "start-assessment");
  gtk_window_destroy (GTK_WINDOW (dialog));
  cf_test_spin (50);
}

/* Text size and language ----------------------------------------------------------------------- */

/* A label's height in a window of its own: text that is twice the size is about twice as high. */
static int
label_height (GtkWidget *label)
{
  int height = -1;
  int last;

  /* A change of style reaches the label at the next frame: measure until it stays put. */
  do
    {
      last = height;
      cf_test_spin (100);
      gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
    }
  while (height != last);

  return height;
}

static void
assert_ratio (int    height,
              int    base,
              double ratio)
{
  g_test_message ("height %d against %d: %.2f, expected %.2f", height, base,
                  (double) height / base, ratio);
  g_assert_cmpfloat_with_epsilon ((double) height / base, ratio, ratio * 0.15);
}

static void
test_text_scale_multiplies (void)
{
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  GtkWidget *window_ = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("Unpaid carer");
  int dpi, base, desktop, both, ours;

  g_settings_set_boolean (a11y_settings, "high-contrast", FALSE);
  g_settings_set_uint (settings (), "text-scale", 100);
  g_object_get (gtk_settings, "gtk-xft-dpi", &dpi, NULL);
  if (dpi <= 0)
    dpi = 96 * 1024;
  gtk_window_set_child (GTK_WINDOW (window_), label);
  gtk_window_present (GTK_WINDOW (window_));

  base = label_height (label);

  /* The desktop's text scaling alone: twice the resolution, twice the text. */
  g_object_set (gtk_settings, "gtk-xft-dpi", dpi * 2, NULL);
  desktop = label_height (label);
  assert_ratio (desktop, base, 2.0);

  /* Carefield's 200 % on top of it: four times, not twice. */
  g_settings_set_uint (settings (), "text-scale", 200);
  both = label_height (label);
  assert_ratio (both, base, 4.0);

  /* And alone. */
  g_object_set (gtk_settings, "gtk-xft-dpi", dpi, NULL);
  ours = label_height (label);
  assert_ratio (ours, base, 2.0);

  g_settings_set_uint (settings (), "text-scale", 125);
  assert_ratio (label_height (label), base, 1.25);

  g_settings_set_uint (settings (), "text-scale", 100);
  g_assert_cmpint (label_height (label), ==, base);
  gtk_window_destroy (GTK_WINDOW (window_));
}

/* What libadwaita sizes on its own (headings, captions) and popovers, which libadwaita gives
 * the desktop's font rather than their window's, grow too. */
static void
test_text_scale_everywhere (void)
{
  static const char * const classes[] = { "heading", "caption", "title-1", NULL };
  GtkWidget *window_ = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *in_popover = gtk_label_new ("Unpaid carer");
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *labels[G_N_ELEMENTS (classes)];
  int base[G_N_ELEMENTS (classes)];
  int popover_base;

  g_settings_set_uint (settings (), "text-scale", 100);
  for (guint i = 0; classes[i] != NULL; i++)
    {
      labels[i] = gtk_label_new ("Unpaid carer");
      gtk_widget_add_css_class (labels[i], classes[i]);
      gtk_box_append (GTK_BOX (box), labels[i]);
    }
  gtk_popover_set_child (GTK_POPOVER (popover), in_popover);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_box_append (GTK_BOX (box), button);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 400);
  gtk_box_append (GTK_BOX (box), clamp);
  gtk_window_set_child (GTK_WINDOW (window_), box);
  gtk_window_present (GTK_WINDOW (window_));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));

  for (guint i = 0; classes[i] != NULL; i++)
    base[i] = label_height (labels[i]);
  popover_base = label_height (in_popover);

  g_settings_set_uint (settings (), "text-scale", 200);
  for (guint i = 0; classes[i] != NULL; i++)
    {
      g_test_message (".%s", classes[i]);
      assert_ratio (label_height (labels[i]), base[i], 2.0);
    }
  g_test_message ("in a popover");
  assert_ratio (label_height (in_popover), popover_base, 2.0);
  /* A clamp's lines are as long for the larger text as they were before. */
  g_assert_cmpint (adw_clamp_get_maximum_size (ADW_CLAMP (clamp)), ==, 1200);
  g_assert_cmpint (adw_clamp_get_tightening_threshold (ADW_CLAMP (clamp)), ==, 800);

  g_settings_set_uint (settings (), "text-scale", 100);
  g_assert_cmpint (adw_clamp_get_maximum_size (ADW_CLAMP (clamp)), ==, 600);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  gtk_window_destroy (GTK_WINDOW (window_));
}

static gboolean
action_enabled (const char *name)
{
  return g_action_group_get_action_enabled (G_ACTION_GROUP (app), name);
}

static void
test_text_keys (void)
{
  g_auto(GStrv) larger = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                "app.text-larger");
  g_auto(GStrv) smaller = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                 "app.text-smaller");
  g_auto(GStrv) reset = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                               "app.text-reset");

  g_assert_true (g_strv_contains ((const char * const *) larger, "<Control>plus"));
  g_assert_true (g_strv_contains ((const char * const *) larger, "<Control>equal"));
  g_assert_true (g_strv_contains ((const char * const *) smaller, "<Control>minus"));
  g_assert_true (g_strv_contains ((const char * const *) reset, "<Control>0"));

  g_settings_set_uint (settings (), "text-scale", 100);
  cf_test_spin (20);
  g_assert_false (action_enabled ("text-smaller"));
  g_assert_false (action_enabled ("text-reset"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "text-larger", NULL);
  g_assert_cmpuint (g_settings_get_uint (settings (), "text-scale"), ==, 125);
  g_action_group_activate_action (G_ACTION_GROUP (app), "text-larger", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "text-larger", NULL);
  g_assert_cmpuint (g_settings_get_uint (settings (), "text-scale"), ==, 200);
  g_assert_false (action_enabled ("text-larger"));
  g_assert_true (action_enabled ("text-smaller"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "text-smaller", NULL);
  g_assert_cmpuint (g_settings_get_uint (settings (), "text-scale"), ==, 150);
  g_action_group_activate_action (G_ACTION_GROUP (app), "text-reset", NULL);
  g_assert_cmpuint (g_settings_get_uint (settings (), "text-scale"), ==, 100);
  g_assert_true (action_enabled ("text-larger"));
}

/* A catalogue for @code where Carefield looks for them now: enough for it to be offered. */
static void
fake_catalogue (const char *dir,
                const char *code)
{
  g_autofree char *folder = g_build_filename (dir, code, "LC_MESSAGES", NULL);
  g_autofree char *path = g_build_filename (folder, GETTEXT_PACKAGE ".mo", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
}

static void
test_preferences_rows (void)
{
  g_autofree char *saved_dir = g_strdup (bindtextdomain (GETTEXT_PACKAGE, NULL));
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "locale", NULL);
  GtkWidget *preferences;
  GtkWidget *size_row;
  GtkWidget *language_row;
  GtkWidget *notice;
  GListModel *languages;
  g_autofree char *stored = NULL;

  close_other_windows ();
  unlock ();
  g_settings_set_uint (settings (), "text-scale", 100);
  fake_catalogue (dir, "pl");
  fake_catalogue (dir, "ur");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  cf_window_show_preferences (window (), NULL);
  bindtextdomain (GETTEXT_PACKAGE, saved_dir);
  cf_test_spin (SETTLE_MS);
  preferences = shown_toplevel (CF_TYPE_PREFERENCES_WINDOW);

  /* Text size: Largest is 200 %, and applies at once. */
  size_row = cf_test_find_row (preferences, "Text Size");
  g_assert_nonnull (size_row);
  g_assert_true (cf_test_holds_text (size_row, "Normal (100 %)"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (size_row), 3);
  g_assert_cmpuint (g_settings_get_uint (settings (), "text-scale"), ==, 200);
  g_assert_cmpuint (cf_text_scale_get_percent (cf_application_get_text_scale (app)), ==, 200);
  /* …and Ctrl+0's action shows in the row. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "text-reset", NULL);
  cf_test_spin (20);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (size_row)), ==, 0);

  /* Language: the desktop's, English, and each language with a catalogue, by its own name. */
  language_row = cf_test_find_row (preferences, "Interface Language");
  g_assert_nonnull (language_row);
  languages = adw_combo_row_get_model (ADW_COMBO_ROW (language_row));
  g_assert_cmpuint (g_list_model_get_n_items (languages), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (languages), 0), ==, "");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (languages), 1), ==, "en");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (languages), 2), ==, "pl");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (languages), 3), ==, "ur");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (language_row)), ==, 0);
  g_assert_true (cf_test_holds_text (language_row, "Follow the Desktop"));
  g_assert_cmpstr (cf_interface_language_get_own_name ("pl"), ==, "Polski");
  g_assert_cmpstr (cf_interface_language_get_own_name ("ur"), ==, "اردو");

  /* Choosing one keeps it and says it needs a restart; choosing the desktop's again does not. */
  notice = NULL;
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    find_all (preferences, GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      {
        if (g_str_has_prefix (label_text (g_ptr_array_index (labels, i)), "Restart Carefield"))
          notice = g_ptr_array_index (labels, i);
      }
  }
  g_assert_nonnull (notice);
  g_assert_false (gtk_widget_get_visible (notice));
  adw_combo_row_set_selected (ADW_COMBO_ROW (language_row), 2);
  cf_test_spin (20);
  stored = g_settings_get_string (settings (), "interface-language");
  g_assert_cmpstr (stored, ==, "pl");
  g_assert_true (gtk_widget_get_mapped (notice));
  g_assert_true (cf_test_holds_text (language_row, "Polski"));
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (notice), GTK_ACCESSIBLE_ROLE_STATUS);
  adw_combo_row_set_selected (ADW_COMBO_ROW (language_row), 0);
  cf_test_spin (20);
  g_clear_pointer (&stored, g_free);
  stored = g_settings_get_string (settings (), "interface-language");
  g_assert_cmpstr (stored, ==, "");
  g_assert_false (gtk_widget_get_visible (notice));

  gtk_window_destroy (GTK_WINDOW (preferences));
  cf_test_spin (50);
}

static void
test_language_applied (void)
{
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));

  g_assert_cmpint (cf_interface_language_get_direction ("ur"), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (cf_interface_language_get_direction ("ar_EG.UTF-8"), ==, GTK_TEXT_DIR_RTL);
  g_assert_cmpint (cf_interface_language_get_direction ("pl"), ==, GTK_TEXT_DIR_LTR);
  g_assert_cmpint (cf_interface_language_get_direction ("ro"), ==, GTK_TEXT_DIR_LTR);

  /* Nothing chosen: the desktop's language and direction stand. */
  g_settings_set_string (settings (), "interface-language", "");
  cf_interface_language_apply (settings ());
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, saved_language);
  g_assert_cmpstr (cf_interface_language_get_applied (), ==, "");

  /* Urdu, under the "C" locale, where gettext would ignore LANGUAGE: the messages move to
   * C.UTF-8, and the windows are laid out from right to left. */
  setlocale (LC_ALL, "C");
  g_settings_set_string (settings (), "interface-language", "ur");
  cf_interface_language_apply (settings ());
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "ur");
  g_assert_cmpstr (setlocale (LC_MESSAGES, NULL), ==, "C.UTF-8");
  g_assert_cmpstr (cf_interface_language_get_applied (), ==, "ur");
  cf_interface_language_apply_direction (settings ());
  g_assert_cmpint (gtk_widget_get_default_direction (), ==, GTK_TEXT_DIR_RTL);

  /* Back as the other tests expect. */
  setlocale (LC_ALL, "");
  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  g_settings_set_string (settings (), "interface-language", "");
  cf_interface_language_apply (settings ());
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

/* The profile -------------------------------------------------------------------------------- */

/* Applies the server's answer to the next push, as a sync would: "@1@" and "@2@" stand for
 * the op_ids of the batch's first two operations (as in test-gui-conflicts.c). */
static void
apply_answer (CfStore    *profile,
              const char *answer)
{
  g_autoptr(GPtrArray) batch = NULL;
  g_autoptr(JsonNode) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (answer);

  batch = cf_sync_local_next_batch (profile, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batch->len, >=, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *mark = g_strdup_printf ("@%u@", i + 1);

      g_string_replace (text, mark, ((CfSyncOp *) g_ptr_array_index (batch, i))->op_id, 0);
    }

  response = json_from_string (text->str, &error);
  g_assert_no_error (error);
  g_assert_true (cf_sync_local_apply_results (profile, batch, response, NULL, &error));
  g_assert_no_error (error);
}

static char *
dup_query (CfStore    *profile,
           const char *key,
           const char *select)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("INSERT OR REPLACE INTO meta (key, value) %s;",
                                          select);
  char *value;

  g_assert_true (cf_store_exec (profile, sql, &error));
  g_assert_no_error (error);
  value = cf_store_dup_meta (profile, key, &error);
  g_assert_no_error (error);
  g_assert_nonnull (value);

  return value;
}

/* Hester, whose phone and whose Godfrey clash with the server's, and demonstration carers; the
 * one with the most support recorded is the carer whose pages are checked. */
static void
make_profile (void)
{
  g_autofree char *dir = cf_profile_default_dir ();
  g_autoptr(CfStore) profile = NULL;
  g_autoptr(CfCarer) hester = NULL;
  g_autoptr(CfCarer) loaded = NULL;
  g_autoptr(GError) error = NULL;
  CfCaredFor *godfrey;

  profile = cf_profile_create (dir, PASSPHRASE, "Layout Tester", NULL, &error);
  g_assert_no_error (error);

  hester = cf_test_save_carer (profile, "given_name", "Hester", "family_name", "Goldcrest",
                               "phone", "01632 960555", NULL);
  godfrey = cf_carer_add_cared_for (hester);
  cf_record_set_text (CF_RECORD (godfrey), "name", "Godfrey");
  g_assert_true (cf_store_save_carer (profile, hester, &error));
  hester_id = g_strdup (cf_record_get_id (CF_RECORD (hester)));
  g_assert_true (cf_store_exec (profile,
                                "DELETE FROM outbox;"
                                "UPDATE carer SET version = 2, sync_state = 'synced';"
                                "UPDATE cared_for SET version = 2, sync_state = 'synced';",
                                &error));
  loaded = cf_store_load_carer (profile, hester_id, &error);
  g_assert_no_error (error);
  cf_record_set_text (CF_RECORD (loaded), "phone", "01632 960222");
  godfrey = g_list_model_get_item (cf_carer_get_cared_for (loaded), 0);
  cf_record_set_text (CF_RECORD (godfrey), "notes", "Likes the radio on.");
  g_object_unref (godfrey);
  g_assert_true (cf_store_save_carer (profile, loaded, &error));
  apply_answer (profile,
                "{\"format\": 1, \"results\": ["
                "{\"op_id\": \"@1@\", \"result\": \"conflict\", \"version\": 5,"
                " \"conflicts\": [{\"field\": \"phone\", \"base\": \"01632 960555\","
                "   \"server\": \"01632 960111\", \"client\": \"01632 960222\"},"
                "  {\"field\": \"rural_isolated\", \"server\": true, \"client\": false}]},"
                "{\"op_id\": \"@2@\", \"result\": \"conflict\", \"version\": 4,"
                " \"conflicts\": [{\"field\": \"deleted\", \"base\": false, \"server\": true,"
                "   \"client\": false}]}]}");

  g_assert_true (cf_demo_generate (profile, N_DEMO, 11, &error));
  g_assert_no_error (error);

  carer_id = dup_query (profile, "layout-carer",
                        "SELECT 'layout-carer', c.id FROM carer c "
                        "WHERE EXISTS (SELECT 1 FROM direct_payment d WHERE d.carer_id = c.id) "
                        "AND EXISTS (SELECT 1 FROM emergency_plan e WHERE e.carer_id = c.id) "
                        "AND EXISTS (SELECT 1 FROM cared_for f WHERE f.carer_id = c.id) "
                        "ORDER BY (SELECT count (*) FROM review r WHERE r.carer_id = c.id) DESC, "
                        "c.id LIMIT 1");
  {
    g_autofree char *select =
      g_strdup_printf ("SELECT 'layout-assessment', id FROM assessment WHERE carer_id = '%s' "
                       "ORDER BY id LIMIT 1", carer_id);

    assessment_id = dup_query (profile, "layout-assessment", select);
  }

  g_assert_true (cf_store_close (profile, &error));
}

/* Running ------------------------------------------------------------------------------------ */

static void
on_activate (GApplication *application)
{
  status = g_test_run ();
  g_test_message ("%u pages checked, %u labels, %u of them ellipsized", n_pages_checked,
                  n_labels_checked, n_ellipsized);
  g_printerr ("# layout: %u pages checked, %u labels, %u of them ellipsized\n", n_pages_checked,
              n_labels_checked, n_ellipsized);
  g_application_quit (application);
}

static void
add_page_tests (Mode mode)
{
  static const struct
  {
    const char    *name;
    GTestDataFunc  func;
  } pages[] = {
    { "unlock", test_unlock },
    { "caseload", test_caseload },
    { "carer", test_carer },
    { "cared-for", test_cared_for },
    { "assessment", test_assessment },
    { "support", test_support },
    { "due", test_due },
    { "preferences", test_preferences },
    { "conflicts", test_conflicts },
    { "shortcuts", test_shortcuts },
    { "start-assessment", test_start_assessment },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      PageTest *test = g_new0 (PageTest, 1);
      g_autofree char *path = g_strdup_printf ("/gui/layout/%s/%s", mode_names[mode],
                                               pages[i].name);

      test->mode = mode;
      test->page = pages[i].name;
      g_test_add_data_func_full (path, test, pages[i].func, g_free);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GSettings) carefield = NULL;
  g_autoptr(GSettingsSchema) a11y_schema = NULL;
  char *app_argv[] = { (char *) "carefield", NULL };

  /* Before libadwaita starts: high contrast from the settings below, not a portal's. */
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);
  cf_test_gui_init (&argc, &argv);

  a11y_schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                                 "org.gnome.desktop.a11y.interface", TRUE);
  if (a11y_schema == NULL)
    g_error ("org.gnome.desktop.a11y.interface is not installed: build-aux/install-deps "
             "installs it (gsettings-desktop-schemas)");
  a11y_settings = g_settings_new ("org.gnome.desktop.a11y.interface");

  /* The window opens at the size of the screen, with no animations to wait for. */
  carefield = g_settings_new ("org.carefield.Carefield");
  g_settings_set_int (carefield, "window-width", SCREEN_W);
  g_settings_set_int (carefield, "window-height", SCREEN_H);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  make_profile ();

  g_test_add_func ("/gui/layout/text-scale-multiplies", test_text_scale_multiplies);
  g_test_add_func ("/gui/layout/text-scale-everywhere", test_text_scale_everywhere);
  g_test_add_func ("/gui/layout/text-keys", test_text_keys);
  g_test_add_func ("/gui/layout/preferences-rows", test_preferences_rows);
  g_test_add_func ("/gui/layout/language-applied", test_language_applied);
  add_page_tests (MODE_LARGE);
  add_page_tests (MODE_HIGH_CONTRAST);

  app = cf_application_new ();
  /* No session bus registration: the test owns this process's only instance. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate), NULL);
  g_application_run (G_APPLICATION (app), 1, app_argv);
  g_clear_object (&app);
  g_clear_object (&a11y_settings);
  g_free (carer_id);
  g_free (assessment_id);
  g_free (hester_id);

  return status;
}
