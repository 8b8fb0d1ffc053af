/* cf-terminal.c: asking for a secret at a terminal
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For carefield-cli's passphrase and carefield-server's passwords, when they are not given in
 * the environment.
 */

#include "config.h"

#include <sodium.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#include "cf-terminal.h"

/**
 * cf_terminal_read_secret:
 * @prompt: shown on stderr
 *
 * Reads one line from the terminal without echoing it. The buffer it was read into is wiped.
 *
 * Returns: (transfer full) (nullable): the line without its newline, or %NULL if standard
 *   input is not a terminal or nothing could be read
 */
char *
cf_terminal_read_secret (const char *prompt)
{
  struct termios old_attrs, new_attrs;
  char buffer[1024];
  char *line;
  char *copy;

  if (!isatty (STDIN_FILENO))
    return NULL;

  g_printerr ("%s", prompt);
  tcgetattr (STDIN_FILENO, &old_attrs);
  new_attrs = old_attrs;
  new_attrs.c_lflag &= ~ECHO;
  tcsetattr (STDIN_FILENO, TCSANOW, &new_attrs);
  line = fgets (buffer, sizeof buffer, stdin);
  tcsetattr (STDIN_FILENO, TCSANOW, &old_attrs);
  g_printerr ("\n");

  if (line == NULL)
    return NULL;

  copy = g_strchomp (g_strdup (line));
  sodium_memzero (buffer, sizeof buffer);
  return copy;
}
