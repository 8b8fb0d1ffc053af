/* cf-language.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* While a scope is open, translated strings come out in its language. */
typedef struct
{
  char     *saved;
  gboolean  had_saved;
  gboolean  active;
} CfLanguageScope;

char       *cf_language_code_for        (const char      *preferred_language);
const char *cf_language_get_name        (const char      *code);
gboolean    cf_language_is_translated   (const char      *code);
char       *cf_language_choose          (const char      *preferred_language,
                                         char           **untranslated);
GStrv       cf_language_dup_translated  (void);
void        cf_language_scope_begin     (CfLanguageScope *scope,
                                         const char      *code);
void        cf_language_scope_end       (CfLanguageScope *scope);

void        cf_language_bind_domain     (void);

G_END_DECLS
