/* cf-document-print.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cf-document.h"

G_BEGIN_DECLS

typedef enum
{
  CF_PRINT_DIALOG,
  CF_PRINT_EXPORT_PDF,
} CfPrintAction;

void     cf_document_print_async  (CfDocument           *document,
                                   GtkWindow            *parent,
                                   CfPrintAction         action,
                                   const char           *pdf_path,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data);
gboolean cf_document_print_finish (GAsyncResult         *result,
                                   gboolean             *printed,
                                   GError              **error);

G_END_DECLS
