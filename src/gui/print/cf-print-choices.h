/* cf-print-choices.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "cf-carer.h"
#include "cf-document.h"

G_BEGIN_DECLS

#define CF_TYPE_PRINT_CHOICES (cf_print_choices_get_type ())

G_DECLARE_FINAL_TYPE (CfPrintChoices, cf_print_choices, CF, PRINT_CHOICES, GObject)

CfPrintChoices   *cf_print_choices_new          (AdwComboRow      *format_row,
                                                 AdwComboRow      *language_row);
void              cf_print_choices_set_carer    (CfPrintChoices   *self,
                                                 CfCarer          *carer);
CfDocumentFormat  cf_print_choices_get_format   (CfPrintChoices   *self);
void              cf_print_choices_set_format   (CfPrintChoices   *self,
                                                 CfDocumentFormat  format);
const char       *cf_print_choices_get_language (CfPrintChoices   *self);
GtkStringList    *cf_print_languages_new        (GStrv            *codes);

G_END_DECLS
