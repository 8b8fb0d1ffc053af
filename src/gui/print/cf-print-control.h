/* cf-print-control.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "cf-document-print.h"
#include "cf-store.h"

G_BEGIN_DECLS

/* What a page says about printing one of its documents: whole sentences, marked with N_(), so
 * that each is translated on its own. */
typedef struct
{
  const char *not_printed; /* "%s" says why */
  const char *not_saved;   /* "%s" says why */
  const char *printed;
  const char *saved;       /* "%s" is the PDF's file name */
} CfPrintWords;

/* @path is %NULL when the file chosen is not on this computer. */
typedef void (*CfPrintChosenFunc) (const char *path,
                                   gpointer    user_data);

#define CF_TYPE_PRINT_CONTROL (cf_print_control_get_type ())

G_DECLARE_FINAL_TYPE (CfPrintControl, cf_print_control, CF, PRINT_CONTROL, GObject)

CfPrintControl *cf_print_control_new        (GtkWidget           *page,
                                             GtkLabel            *status,
                                             GtkWidget           *first_button,
                                             ...) G_GNUC_NULL_TERMINATED;
gboolean        cf_print_control_get_busy   (CfPrintControl      *self);
void            cf_print_control_choose_pdf (CfPrintControl      *self,
                                             const char          *title,
                                             const char          *stem,
                                             const char          *reference,
                                             CfPrintChosenFunc    chosen,
                                             gpointer             user_data);
void            cf_print_control_start      (CfPrintControl      *self,
                                             const CfPrintWords  *words,
                                             CfDocument          *document,
                                             CfPrintAction        action,
                                             const char          *path,
                                             CfStore             *store,
                                             const char          *entity,
                                             const char          *record_id,
                                             const char          *detail,
                                             GTask               *task);
void            cf_print_control_stop       (CfPrintControl      *self);

char           *cf_print_words_format       (const CfPrintWords  *words,
                                             CfPrintAction        action,
                                             gboolean             ok,
                                             gboolean             printed,
                                             const GError        *error,
                                             const GError        *audit_error,
                                             const char          *file_name);

G_END_DECLS
