/* test-util.h -- waiting for async results in the model tests
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-database.h"

G_BEGIN_DECLS

void             test_store_result_cb (GObject *object, GAsyncResult *result, gpointer user_data);
GAsyncResult    *test_wait_for        (GAsyncResult **slot);
RapportDatabase *test_open_database   (void);
char            *test_query_text      (RapportDatabase *db, const char *sql);

G_END_DECLS
