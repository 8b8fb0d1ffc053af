/* cf-document.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CF_TYPE_DOCUMENT (cf_document_get_type ())

typedef enum
{
  CF_DOCUMENT_HEADING,
  CF_DOCUMENT_PARAGRAPH,
  CF_DOCUMENT_FIELD,
  CF_DOCUMENT_BULLET,
} CfDocumentBlockKind;

/* How a document is written and printed for the carer (DOMAIN.md, "Information, consent":
 * the Accessible Information Standard). The ids are those of cf_copy_formats. */
typedef enum
{
  CF_DOCUMENT_FORMAT_STANDARD,
  CF_DOCUMENT_FORMAT_LARGE_PRINT,
  CF_DOCUMENT_FORMAT_EASY_READ,
} CfDocumentFormat;

#define CF_DOCUMENT_N_FORMATS 3

typedef struct _CfDocument CfDocument;

GType               cf_document_get_type      (void) G_GNUC_CONST;

CfDocument         *cf_document_new           (const char   *title);
CfDocument         *cf_document_ref           (CfDocument   *self);
void                cf_document_unref         (CfDocument   *self);
const char         *cf_document_get_title     (CfDocument   *self);
void                cf_document_set_footer    (CfDocument   *self,
                                               const char   *footer);
const char         *cf_document_get_footer    (CfDocument   *self);
void                cf_document_set_language  (CfDocument   *self,
                                               const char   *language);
const char         *cf_document_get_language  (CfDocument   *self);
void                cf_document_set_format    (CfDocument   *self,
                                               CfDocumentFormat format);
CfDocumentFormat    cf_document_get_format    (CfDocument   *self);
char               *cf_document_dup_audit_detail (CfDocument *self);
void                cf_document_add_heading   (CfDocument   *self,
                                               const char   *text);
void                cf_document_add_paragraph (CfDocument   *self,
                                               const char   *text);
void                cf_document_add_field     (CfDocument   *self,
                                               const char   *label,
                                               const char   *value);
void                cf_document_add_bullet    (CfDocument   *self,
                                               const char   *text);
guint               cf_document_get_n_blocks  (CfDocument   *self);
CfDocumentBlockKind cf_document_get_block     (CfDocument   *self,
                                               guint         index,
                                               const char  **text,
                                               const char  **value);
char               *cf_document_to_text       (CfDocument   *self);

const char         *cf_document_format_to_id    (CfDocumentFormat  format);
gboolean            cf_document_format_from_id  (const char       *id,
                                                 CfDocumentFormat *format);
CfDocumentFormat    cf_document_format_for_needs (const char      *communication_needs);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CfDocument, cf_document_unref)

G_END_DECLS
