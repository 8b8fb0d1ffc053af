/* cf-text-scale.c: Carefield's own text size, on top of the desktop's
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Many of the people who use Carefield, and many of the carers a worker sits beside, read
 * better with larger text than the desktop gives everything else. The size chosen in
 * Preferences (or with Ctrl++, Ctrl+- and Ctrl+0) is a percentage of the desktop's: one style
 * sheet for the whole display sets the font size of each window's and each popover's root
 * node, which everything in them follows, and of what libadwaita sizes on its own. The sizes
 * are in "rem" (the desktop's text size) and points, both of which grow with the desktop's text
 * scaling too: the two multiply.
 *
 * Clamps (AdwClamp, and the one in each AdwPreferencesPage) keep lines of text to a readable
 * length in pixels; with larger text they would squeeze it into a narrow column with the rest
 * of the window empty, so their sizes grow with the text too.
 */

#include "config.h"

#include <adwaita.h>

#include "cf-text-scale.h"

/* Each clamp's own sizes, from before any scaling, kept on it. */
#define BASE_MAXIMUM   "cf-text-scale-maximum-size"
#define BASE_THRESHOLD "cf-text-scale-tightening-threshold"

static const guint steps[] = { 100, 125, 150, 200 };

/* The root of each window and of each popover (libadwaita gives popovers the initial font, not
 * their window's), and what libadwaita 1.2 sizes absolutely, so that a size on a window does
 * not reach it: the typography classes, a message dialog's and a compact status page's titles,
 * column headers, and the view switcher's narrow labels. Each is libadwaita's own size
 * (base.css), to be scaled; "rem" is the desktop's text size. */
static const struct
{
  const char *selector;
  double      size;
  const char *unit;
} sizes[] = {
  { "window, popover.background", 1, "rem" },
  { ".large-title", 24, "pt" },
  { ".title-1", 20, "pt" },
  { ".title-2, .title-3", 15, "pt" },
  { ".title-4", 13, "pt" },
  { ".heading, .body", 11, "pt" },
  { ".caption-heading, .caption", 9, "pt" },
  { "window.dialog.message box.dialog-vbox.vertical > box > box > box > label.title", 15, "pt" },
  { "statuspage.compact > scrolledwindow > viewport > box > clamp > box > .title", 18, "pt" },
  { "columnview.view > header > button > box, treeview.view > header > button > box", 9, "pt" },
  { "viewswitcher button.toggle > stack > box.narrow", 0.75, "rem" },
  { "indicatorbin > indicator > label", 0.6, "rem" },
};

struct _CfTextScale
{
  GObject         parent_instance;

  GdkDisplay     *display;
  GSettings      *settings;
  GtkCssProvider *provider;
  /* Without settings (no schema installed), the size lives here until Carefield quits. */
  guint           percent;
};

G_DEFINE_FINAL_TYPE (CfTextScale, cf_text_scale, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERCENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * cf_text_scale_get_steps:
 * @n_steps: (out): how many there are
 *
 * Returns: the sizes offered, in percent, smallest first
 */
const guint *
cf_text_scale_get_steps (guint *n_steps)
{
  g_return_val_if_fail (n_steps != NULL, NULL);

  *n_steps = G_N_ELEMENTS (steps);
  return steps;
}

/* The step closest to @percent: a value set outside Preferences still shows as one. */
guint
cf_text_scale_nearest_step (guint percent)
{
  guint nearest = 0;

  for (guint i = 1; i < G_N_ELEMENTS (steps); i++)
    {
      if (ABS ((int) steps[i] - (int) percent) < ABS ((int) steps[nearest] - (int) percent))
        nearest = i;
    }

  return nearest;
}

static void
update_css (CfTextScale *self)
{
  guint percent = cf_text_scale_get_percent (self);
  g_autoptr(GString) css = g_string_new (NULL);

  /* At 100 % the sheet is empty, so nothing differs from the desktop's own sizes. */
  if (percent != CF_TEXT_SCALE_NORMAL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          char size[G_ASCII_DTOSTR_BUF_SIZE];

          /* Not printf's %f: a Polish locale would write a decimal comma. */
          g_ascii_formatd (size, sizeof size, "%.3f", sizes[i].size * percent / 100.0);
          g_string_append_printf (css, "%s { font-size: %s%s; }\n", sizes[i].selector, size,
                                  sizes[i].unit);
        }
    }

  gtk_css_provider_load_from_data (self->provider, css->str, -1);
}

static void
scale_clamps (GtkWidget *widget,
              guint      percent)
{
  if (ADW_IS_CLAMP (widget) || ADW_IS_CLAMP_SCROLLABLE (widget))
    {
      int maximum, threshold;

      if (g_object_get_data (G_OBJECT (widget), BASE_MAXIMUM) == NULL)
        {
          g_object_get (widget, "maximum-size", &maximum, "tightening-threshold", &threshold,
                        NULL);
          g_object_set_data (G_OBJECT (widget), BASE_MAXIMUM, GINT_TO_POINTER (maximum + 1));
          g_object_set_data (G_OBJECT (widget), BASE_THRESHOLD, GINT_TO_POINTER (threshold + 1));
        }

      maximum = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), BASE_MAXIMUM)) - 1;
      threshold = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (widget), BASE_THRESHOLD)) - 1;
      g_object_set (widget,
                    "maximum-size", (int) (maximum * percent / CF_TEXT_SCALE_NORMAL),
                    "tightening-threshold", (int) (threshold * percent / CF_TEXT_SCALE_NORMAL),
                    NULL);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    scale_clamps (child, percent);
}

static void
on_window_mapped (CfTextScale *self,
                  GtkWidget   *window)
{
  scale_clamps (window, cf_text_scale_get_percent (self));
}

static void
watch_windows (CfTextScale *self,
               guint        position,
               guint        removed,
               guint        added,
               GListModel  *toplevels)
{
  /* A window's contents are built after it joins the list: its clamps are found when it is
   * shown. */
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      g_signal_connect_object (window, "map", G_CALLBACK (on_window_mapped), self,
                               G_CONNECT_SWAPPED);
      if (gtk_widget_get_mapped (window))
        on_window_mapped (self, window);
    }
}

static void
scale_all_clamps (CfTextScale *self)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint percent = cf_text_scale_get_percent (self);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      scale_clamps (window, percent);
    }
}

static void
on_settings_changed (CfTextScale *self)
{
  update_css (self);
  scale_all_clamps (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERCENT]);
}

static void
cf_text_scale_dispose (GObject *object)
{
  CfTextScale *self = CF_TEXT_SCALE (object);

  if (self->provider != NULL && self->display != NULL)
    gtk_style_context_remove_provider_for_display (self->display,
                                                   GTK_STYLE_PROVIDER (self->provider));
  g_clear_object (&self->provider);
  g_clear_object (&self->display);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cf_text_scale_parent_class)->dispose (object);
}

static void
cf_text_scale_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CfTextScale *self = CF_TEXT_SCALE (object);

  switch (prop_id)
    {
    case PROP_PERCENT:
      g_value_set_uint (value, cf_text_scale_get_percent (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_text_scale_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CfTextScale *self = CF_TEXT_SCALE (object);

  switch (prop_id)
    {
    case PROP_PERCENT:
      cf_text_scale_set_percent (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cf_text_scale_class_init (CfTextScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cf_text_scale_dispose;
  object_class->get_property = cf_text_scale_get_property;
  object_class->set_property = cf_text_scale_set_property;

  /**
   * CfTextScale:percent:
   *
   * The text size, as a percentage of the desktop's.
   */
  properties[PROP_PERCENT] =
    g_param_spec_uint ("percent", NULL, NULL, 100, 200, CF_TEXT_SCALE_NORMAL,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cf_text_scale_init (CfTextScale *self)
{
  self->percent = CF_TEXT_SCALE_NORMAL;
  self->provider = gtk_css_provider_new ();
}

/**
 * cf_text_scale_new:
 * @display: where the text is shown
 * @settings: (nullable): Carefield's settings, whose "text-scale" it follows and keeps
 */
CfTextScale *
cf_text_scale_new (GdkDisplay *display,
                   GSettings  *settings)
{
  CfTextScale *self;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CF_TYPE_TEXT_SCALE, NULL);
  self->display = g_object_ref (display);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect_object (settings, "changed::text-scale", G_CALLBACK (on_settings_changed),
                               self, G_CONNECT_SWAPPED);
    }

  /* Above the application's own style sheet, so no rule there can undo the size. */
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (self->provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  update_css (self);

  g_signal_connect_object (gtk_window_get_toplevels (), "items-changed",
                           G_CALLBACK (watch_windows), self, G_CONNECT_SWAPPED);
  watch_windows (self, 0, 0, g_list_model_get_n_items (gtk_window_get_toplevels ()),
                 gtk_window_get_toplevels ());
  scale_all_clamps (self);

  return self;
}

guint
cf_text_scale_get_percent (CfTextScale *self)
{
  g_return_val_if_fail (CF_IS_TEXT_SCALE (self), CF_TEXT_SCALE_NORMAL);

  if (self->settings != NULL)
    return CLAMP (g_settings_get_uint (self->settings, "text-scale"), 100, 200);

  return self->percent;
}

void
cf_text_scale_set_percent (CfTextScale *self,
                           guint        percent)
{
  g_return_if_fail (CF_IS_TEXT_SCALE (self));

  percent = CLAMP (percent, 100, 200);
  if (percent == cf_text_scale_get_percent (self))
    return;

  if (self->settings != NULL)
    {
      /* The "changed" handler restyles and notifies. */
      g_settings_set_uint (self->settings, "text-scale", percent);
      return;
    }

  self->percent = percent;
  on_settings_changed (self);
}

/**
 * cf_text_scale_step:
 * @n: how many sizes larger (or, negative, smaller) to go from the nearest one
 *
 * Returns: %TRUE if the size changed, %FALSE at the largest or smallest already
 */
gboolean
cf_text_scale_step (CfTextScale *self,
                    int          n)
{
  guint current;
  int next;

  g_return_val_if_fail (CF_IS_TEXT_SCALE (self), FALSE);

  current = cf_text_scale_nearest_step (cf_text_scale_get_percent (self));
  next = CLAMP ((int) current + n, 0, (int) G_N_ELEMENTS (steps) - 1);
  if (steps[next] == cf_text_scale_get_percent (self))
    return FALSE;

  cf_text_scale_set_percent (self, steps[next]);
  return TRUE;
}
