/* check-sync-readme.c: the entity list in src/sync/README.md matches the field tables
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wire format's entities and fields come from the record classes' field tables, so the
 * documentation is generated from them too, and this check fails as soon as the two differ.
 *
 *   check-sync-readme README.md   check the part between the markers
 *   check-sync-readme --print     print what that part should be
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cf-entities.h"

#define BEGIN_MARKER "<!-- entities:begin (generated: check-sync-readme --print) -->\n"
#define END_MARKER "<!-- entities:end -->"

static const char *
type_name (CfFieldType type)
{
  switch (type)
    {
    case CF_FIELD_TEXT:
      return "string";
    case CF_FIELD_BOOL:
      return "boolean";
    case CF_FIELD_INT:
      return "integer";
    default:
      g_assert_not_reached ();
    }
}

static char *
generate (void)
{
  GString *out = g_string_new (BEGIN_MARKER);
  guint n;
  const CfEntityInfo *all = cf_entities_get_all (&n);

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (out, "\n#### `%s`\n\n| field | type |\n|---|---|\n",
                              all[i].entity);
      for (guint f = 0; f < all[i].n_fields; f++)
        g_string_append_printf (out, "| `%s` | %s |\n", all[i].fields[f].name,
                                type_name (all[i].fields[f].type));
    }
  g_string_append (out, "\n" END_MARKER);

  return g_string_free (out, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *expected = generate ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *begin;
  const char *end;

  if (argc == 2 && strcmp (argv[1], "--print") == 0)
    {
      printf ("%s\n", expected);
      return 0;
    }

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s README.md | --print\n", argv[0]);
      return 2;
    }

  if (!g_file_get_contents (argv[1], &contents, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  begin = strstr (contents, BEGIN_MARKER);
  end = begin != NULL ? strstr (begin, END_MARKER) : NULL;
  if (begin == NULL || end == NULL)
    {
      fprintf (stderr, "%s has no generated entity list between the markers.\n", argv[1]);
      return 1;
    }

  end += strlen (END_MARKER);
  if ((gsize) (end - begin) != strlen (expected) || strncmp (begin, expected, end - begin) != 0)
    {
      fprintf (stderr,
               "The entity list in %s differs from the field tables in src/core.\n"
               "Replace it, markers included, with the output of check-sync-readme --print:\n\n"
               "%s\n", argv[1], expected);
      return 1;
    }

  return 0;
}
