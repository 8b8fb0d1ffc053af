/* cf-interface-language.c: the language of Carefield's own words, chosen in Preferences
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A worker may want Carefield in a language other than the desktop's: a laptop shared in an
 * office, or set up by IT in English for someone who reads Polish more easily. The choice is
 * read once, before anything is translated, and put in LANGUAGE, which GNU gettext consults
 * first for Carefield's catalogue, GTK's and libadwaita's alike; so it applies from the next
 * start, and Preferences says so. Under the "C" locale gettext ignores LANGUAGE altogether, so
 * the messages category moves to "C.UTF-8", which changes nothing else that is shown.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "cf-interface-language.h"
#include "cf-language.h"

typedef struct
{
  const char *code;
  /* The language's name in itself, which a person finds in a list they cannot yet read. */
  const char *own_name;
} OwnName;

/* Every language cf-language.c knows: those with a catalogue are offered. Not translated, on
 * purpose. */
static const OwnName own_names[] = {
  { "en", "English" },
  { "cy", "Cymraeg" },
  { "pl", "Polski" },
  { "ro", "Română" },
  { "pt", "Português" },
  { "lt", "Lietuvių" },
  { "lv", "Latviešu" },
  { "bg", "Български" },
  { "ru", "Русский" },
  { "uk", "Українська" },
  { "es", "Español" },
  { "it", "Italiano" },
  { "fr", "Français" },
  { "de", "Deutsch" },
  { "tr", "Türkçe" },
  { "ar", "العربية" },
  { "fa", "فارسی" },
  { "ku", "Kurdî" },
  { "ur", "اردو" },
  { "pa", "ਪੰਜਾਬੀ" },
  { "bn", "বাংলা" },
  { "gu", "ગુજરાતી" },
  { "hi", "हिन्दी" },
  { "ta", "தமிழ்" },
  { "so", "Soomaali" },
  { "ti", "ትግርኛ" },
  { "am", "አማርኛ" },
  { "sq", "Shqip" },
  { "zh", "中文" },
  { "ne", "नेपाली" },
};

/* Written from right to left. */
static const char * const rtl_codes[] = {
  "ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi", NULL
};

/* What cf_interface_language_apply() put in place: the language this process shows. */
static char *applied;

static char *
dup_setting (GSettings *settings)
{
  g_autofree char *code = NULL;

  if (settings == NULL)
    return g_strdup ("");

  code = g_settings_get_string (settings, "interface-language");
  return g_strstrip (g_steal_pointer (&code));
}

/**
 * cf_interface_language_apply:
 * @settings: (nullable): Carefield's settings
 *
 * Makes the interface language chosen in Preferences the one translations come in. Call it
 * after setlocale() and before anything is translated, or GTK initialised: GTK takes its text
 * direction from its own catalogue when it starts, and then keeps it. With nothing chosen, the
 * desktop's language stands.
 */
void
cf_interface_language_apply (GSettings *settings)
{
  g_autofree char *code = dup_setting (settings);
  const char *messages;

  g_clear_pointer (&applied, g_free);
  applied = g_strdup (code);

  if (*code == '\0')
    return;

  g_setenv ("LANGUAGE", code, TRUE);

  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_MESSAGES, "C.UTF-8");
}

/**
 * cf_interface_language_get_applied:
 *
 * Returns: the language code put in place when Carefield started, or "" where it follows the
 *   desktop: Preferences compares the setting with it to say whether a restart is needed
 */
const char *
cf_interface_language_get_applied (void)
{
  return applied != NULL ? applied : "";
}

/**
 * cf_interface_language_get_direction:
 * @code: a language code, such as "ur" or "pl_PL"
 */
GtkTextDirection
cf_interface_language_get_direction (const char *code)
{
  g_autofree char *language = NULL;

  g_return_val_if_fail (code != NULL, GTK_TEXT_DIR_LTR);

  language = g_strndup (code, strcspn (code, "_-.@"));
  return g_strv_contains (rtl_codes, language) ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
}

/**
 * cf_interface_language_apply_direction:
 * @settings: (nullable): Carefield's settings
 *
 * After GTK has started: lays the windows out in the chosen language's direction. GTK sets it
 * from its own catalogue, which a language may lack; Carefield's choice should not depend on
 * that. Following the desktop, GTK's direction stands.
 */
void
cf_interface_language_apply_direction (GSettings *settings)
{
  g_autofree char *code = dup_setting (settings);

  if (*code != '\0')
    gtk_widget_set_default_direction (cf_interface_language_get_direction (code));
}

/**
 * cf_interface_language_get_own_name:
 *
 * Returns: (nullable): the language's name in itself, such as "Polski", or %NULL if unknown
 */
const char *
cf_interface_language_get_own_name (const char *code)
{
  g_return_val_if_fail (code != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (own_names); i++)
    {
      if (g_str_equal (own_names[i].code, code))
        return own_names[i].own_name;
    }

  return NULL;
}

/**
 * cf_interface_language_dup_available:
 *
 * Returns: (transfer full): the codes of the languages Carefield can be shown in: English, and
 *   each with a catalogue installed
 */
GStrv
cf_interface_language_dup_available (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (own_names); i++)
    {
      if (cf_language_is_translated (own_names[i].code))
        g_strv_builder_add (builder, own_names[i].code);
    }

  return g_strv_builder_end (builder);
}
