/* test-radicale.h -- a throwaway radicale (CardDAV and CalDAV) on 127.0.0.1 for the tests
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

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

G_END_DECLS
