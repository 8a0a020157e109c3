/* test-util.h -- waiting for async results in the model tests
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-contact-file.h"
#include "rapport-database.h"

G_BEGIN_DECLS

void             test_store_result_cb (GObject *object, GAsyncResult *result, gpointer user_data);
GAsyncResult    *test_wait_for        (GAsyncResult **slot);
RapportDatabase *test_open_database   (void);
char            *test_query_text      (RapportDatabase *db, const char *sql);
gint64           test_exec            (RapportDatabase *db, const char *sql);
void             test_write           (RapportDatabase *db, const char *sql);

RapportContactFile *test_contact_file_new          (GPtrArray          *contacts);
GPtrArray          *test_contact_file_dup_contacts (RapportContactFile *file);

G_END_DECLS
