/* test-radicale.h -- a throwaway radicale (CardDAV and CalDAV) on 127.0.0.1 for the tests
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
/* EDS 3.46's headers still name GTimeVal, deprecated in GLib 2.62. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
#include <libedataserver/libedataserver.h>
G_GNUC_END_IGNORE_DEPRECATIONS

G_BEGIN_DECLS

/* Starts radicale on a free port of the loopback with one collection,
 * /rapport/NAME/, of TAG ("VADDRESSBOOK" or "VCALENDAR"), and waits until
 * it takes connections. One server per test process. */
void   test_radicale_start (const char *name,
                            const char *tag);
/* The collection's address, for an ESource's WebDAV extension. */
char  *test_radicale_url   (void);
/* What another device would do: PUT an item (ITEM, a file name in the
 * collection) of CONTENT_TYPE; radicale must answer 201. */
void   test_radicale_put   (const char *item,
                            const char *content_type,
                            const char *body);
/* The collection's items as radicale stores them: file name → text. */
GHashTable *test_radicale_dup_items (void);
/* Stops the server and deletes its storage. */
void   test_radicale_stop  (void);

/* An EDS source of @extension (E_SOURCE_EXTENSION_CALENDAR or
 * _ADDRESS_BOOK) on the server, with @backend ("caldav", "carddav"),
 * committed and known to @registry. */
ESource *test_radicale_add_source (ESourceRegistry *registry,
                                   const char      *extension,
                                   const char      *backend);

G_END_DECLS
