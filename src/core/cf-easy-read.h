/* cf-easy-read.h
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "cf-carer.h"
#include "cf-document.h"

G_BEGIN_DECLS

/* The longest line the words Carefield writes in easy read may make, in words. What a worker
 * typed is split into sentences but not rewritten, so it may be longer. */
#define CF_EASY_READ_MAX_WORDS 15

void  cf_easy_read_add_line        (CfDocument *document,
                                    const char *label,
                                    const char *value);
void  cf_easy_read_add_text        (CfDocument *document,
                                    const char *label,
                                    const char *text);
GStrv cf_easy_read_split_sentences (const char *text);
guint cf_easy_read_count_words     (const char *text);
char *cf_easy_read_date            (const char *iso);
void  cf_easy_read_add_cared_for   (CfDocument *document,
                                    CfCarer    *carer);

G_END_DECLS
