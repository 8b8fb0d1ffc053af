/* cf-language.c: writing for a carer in their own language
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * DOMAIN.md, "Information, consent": a carer's preferred language is part of their
 * communication needs (the Accessible Information Standard), and what is written for them, such
 * as the s.13 written record, should be in it wherever Carefield has a translation. The worker
 * keeps their own language on screen; only the document changes.
 *
 * The carer's preferred language is typed as a person says it ("Polish", "polski", "pl"), so it
 * is matched against the languages most often needed in England before it names a catalogue.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libintl.h>
#include <string.h>

#include "cf-language.h"

/* GNU gettext's documented way to make a change of LANGUAGE take effect at once ("Being a
 * gettext grok", in the gettext manual): its cache of translations is keyed on this counter. */
extern int _nl_msg_cat_cntr;

typedef struct
{
  const char *code;
  const char *name;
  /* Other ways people write it, casefolded, separated by '|'. */
  const char *aliases;
} Language;

static const Language languages[] = {
  { "en", N_("English"), "english" },
  { "cy", N_("Welsh"), "welsh|cymraeg" },
  { "pl", N_("Polish"), "polish|polski" },
  { "ro", N_("Romanian"), "romanian|română|romana" },
  { "pt", N_("Portuguese"), "portuguese|português|portugues" },
  { "lt", N_("Lithuanian"), "lithuanian|lietuvių|lietuviu" },
  { "lv", N_("Latvian"), "latvian|latviešu|latviesu" },
  { "bg", N_("Bulgarian"), "bulgarian|български" },
  { "ru", N_("Russian"), "russian|русский" },
  { "uk", N_("Ukrainian"), "ukrainian|українська" },
  { "es", N_("Spanish"), "spanish|español|espanol" },
  { "it", N_("Italian"), "italian|italiano" },
  { "fr", N_("French"), "french|français|francais" },
  { "de", N_("German"), "german|deutsch" },
  { "tr", N_("Turkish"), "turkish|türkçe|turkce" },
  { "ar", N_("Arabic"), "arabic|العربية" },
  { "fa", N_("Persian (Farsi)"), "persian|farsi|فارسی" },
  { "ku", N_("Kurdish"), "kurdish|kurdî|kurdi" },
  { "ur", N_("Urdu"), "urdu|اردو" },
  { "pa", N_("Punjabi"), "punjabi|panjabi|ਪੰਜਾਬੀ" },
  { "bn", N_("Bengali"), "bengali|bangla|sylheti|বাংলা" },
  { "gu", N_("Gujarati"), "gujarati|ગુજરાતી" },
  { "hi", N_("Hindi"), "hindi|हिन्दी" },
  { "ta", N_("Tamil"), "tamil|தமிழ்" },
  { "so", N_("Somali"), "somali|soomaali" },
  { "ti", N_("Tigrinya"), "tigrinya|ትግርኛ" },
  { "am", N_("Amharic"), "amharic|አማርኛ" },
  { "sq", N_("Albanian"), "albanian|shqip" },
  { "zh", N_("Chinese"), "chinese|mandarin|cantonese|中文" },
  { "ne", N_("Nepali"), "nepali|नेपाली" },
};

static const Language *
find_language (const char *preferred_language)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;

  if (preferred_language == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (preferred_language));
  folded = g_utf8_casefold (stripped, -1);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_auto(GStrv) aliases = g_strsplit (languages[i].aliases, "|", -1);

      if (g_str_equal (folded, languages[i].code) || g_strv_contains ((const char * const *) aliases,
                                                                       folded))
        return &languages[i];

      /* "pl_PL", "pt-BR": the language is what decides the words. */
      if (g_str_has_prefix (folded, languages[i].code) &&
          (folded[strlen (languages[i].code)] == '_' || folded[strlen (languages[i].code)] == '-'))
        return &languages[i];
    }

  return NULL;
}

/**
 * cf_language_code_for:
 * @preferred_language: (nullable): a language as typed: a name in English or in itself, or a
 *   code
 *
 * Returns: (transfer full) (nullable): its code, such as "pl", or %NULL when it is not one we
 *   know (British Sign Language, for one, has no written form to print)
 */
char *
cf_language_code_for (const char *preferred_language)
{
  const Language *language = find_language (preferred_language);

  return language != NULL ? g_strdup (language->code) : NULL;
}

/**
 * cf_language_get_name:
 *
 * Returns: the language's name in the interface's language, or @code itself
 */
const char *
cf_language_get_name (const char *code)
{
  const Language *language = find_language (code);

  g_return_val_if_fail (code != NULL, NULL);

  return language != NULL ? _(language->name) : code;
}

/**
 * cf_language_is_translated:
 *
 * Whether Carefield's words exist in the language @code. English is the original.
 */
gboolean
cf_language_is_translated (const char *code)
{
  g_autofree char *path = NULL;
  const char *dir;

  g_return_val_if_fail (code != NULL, FALSE);

  if (g_str_equal (code, "en"))
    return TRUE;

  /* Wherever the catalogue is bound now: the installed one, or a test's. */
  dir = bindtextdomain (GETTEXT_PACKAGE, NULL);
  path = g_strdup_printf ("%s/%s/LC_MESSAGES/%s.mo", dir != NULL ? dir : LOCALEDIR, code,
                          GETTEXT_PACKAGE);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/**
 * cf_language_choose:
 * @preferred_language: (nullable): the carer's preferred language, as typed
 * @untranslated: (out) (optional) (transfer full) (nullable): the code of the carer's
 *   language when Carefield has no translation into it, so the worker can be told
 *
 * What is written for a carer is in their preferred language where Carefield is translated
 * into it, whatever language the worker's screen is in, and in English otherwise.
 *
 * Returns: (transfer full): the code of the language to write in
 */
char *
cf_language_choose (const char  *preferred_language,
                    char       **untranslated)
{
  g_autofree char *wanted = cf_language_code_for (preferred_language);

  if (untranslated != NULL)
    *untranslated = NULL;

  if (wanted == NULL)
    return g_strdup ("en");
  if (cf_language_is_translated (wanted))
    return g_steal_pointer (&wanted);

  if (untranslated != NULL)
    *untranslated = g_steal_pointer (&wanted);

  return g_strdup ("en");
}

/**
 * cf_language_dup_translated:
 *
 * Returns: (transfer full): the codes of the languages Carefield can write in, English first,
 *   then in the order of the languages most often needed in England
 */
GStrv
cf_language_dup_translated (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (cf_language_is_translated (languages[i].code))
      g_strv_builder_add (builder, languages[i].code);

  return g_strv_builder_end (builder);
}

/**
 * cf_language_scope_begin:
 * @code: the language to write in
 *
 * Until cf_language_scope_end(), strings marked for translation come out in @code. For the
 * main thread only, and only around work that returns before anything else runs: it changes
 * the process's LANGUAGE. With the "C" locale GNU gettext ignores LANGUAGE, and the words stay
 * in English.
 */
void
cf_language_scope_begin (CfLanguageScope *scope,
                         const char      *code)
{
  const char *saved;

  g_return_if_fail (scope != NULL);
  g_return_if_fail (code != NULL);

  saved = g_getenv ("LANGUAGE");
  scope->had_saved = saved != NULL;
  scope->saved = g_strdup (saved);
  scope->active = TRUE;

  g_setenv ("LANGUAGE", code, TRUE);
  ++_nl_msg_cat_cntr;
}

void
cf_language_scope_end (CfLanguageScope *scope)
{
  g_return_if_fail (scope != NULL);

  if (!scope->active)
    return;

  if (scope->had_saved)
    g_setenv ("LANGUAGE", scope->saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  ++_nl_msg_cat_cntr;

  g_clear_pointer (&scope->saved, g_free);
  scope->active = FALSE;
}

/**
 * cf_language_bind_domain:
 *
 * Binds Carefield's text domain to its catalogues: the installed ones, or those in
 * $CAREFIELD_LOCALEDIR when set, as it is when Carefield runs from its build folder
 * (build-aux/run-demo) or under test, where the catalogues the build made are in `po/`.
 */
void
cf_language_bind_domain (void)
{
  const char *dir = g_getenv ("CAREFIELD_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, dir != NULL && *dir != '\0' ? dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}
