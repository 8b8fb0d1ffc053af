/* main.c: carefield-cli
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cf-cli.h"

int
main (int    argc,
      char **argv)
{
  return cf_cli_run (argc, argv);
}
