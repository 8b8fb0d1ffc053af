/* cf-server-http.h: the sync server's HTTP side
 *
 * Copyright 2026 The Carefield authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "cf-server-store.h"

G_BEGIN_DECLS

/* The largest request body the server reads, before or after gzip. A push of a whole caseload
 * is far smaller; anything bigger is a mistake or an attack and gets 413. */
#define CF_SERVER_HTTP_BODY_LIMIT (16 * 1024 * 1024)

#define CF_SERVER_HTTP_ERROR (cf_server_http_error_quark ())

typedef enum
{
  CF_SERVER_HTTP_ERROR_FAILED,
  CF_SERVER_HTTP_ERROR_ADDRESS,
} CfServerHttpError;

#define CF_TYPE_SERVER_HTTP (cf_server_http_get_type ())

G_DECLARE_FINAL_TYPE (CfServerHttp, cf_server_http, CF, SERVER_HTTP, GObject)

GQuark          cf_server_http_error_quark (void);

CfServerHttp   *cf_server_http_new          (CfServerStore      *store,
                                             GTlsCertificate    *tls_certificate);
CfServerStore  *cf_server_http_get_store    (CfServerHttp       *self);
gboolean        cf_server_http_listen       (CfServerHttp       *self,
                                             const char         *address,
                                             guint               port,
                                             GError            **error);
char           *cf_server_http_dup_uri      (CfServerHttp       *self);
void            cf_server_http_wait_idle    (CfServerHttp       *self);

CfServerDevice *cf_server_http_authenticate (CfServerHttp       *self,
                                             SoupServerMessage  *msg,
                                             CfServerUser      **user_out);
void            cf_server_http_respond_error (SoupServerMessage *msg,
                                              guint              status,
                                              const char        *message,
                                              const char        *reason);
void            cf_server_http_respond_json (SoupServerMessage  *msg,
                                             guint               status,
                                             JsonNode           *node);
JsonObject     *cf_server_http_read_json    (SoupServerMessage  *msg,
                                             JsonNode          **root_out);

G_END_DECLS
