/* main.c: carefield-server
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "cf-server-cli.h"

int
main (int    argc,
      char **argv)
{
  return cf_server_cli_run (argc, argv);
}
