/* rapport-contact-sql.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-contact-store.h"
#include "rapport-sql.h"

G_BEGIN_DECLS

/* The contact store's SQL, for the database thread only: each function runs
 * inside a #RapportDatabaseFunc, within the caller's transaction (the
 * generic helpers are in rapport-sql.h). */

gboolean         rapport_contact_sql_reindex (RapportDatabase *db, gint64 contact_id, GError **error);
gboolean         rapport_contact_sql_add_interaction (RapportDatabase *db, gint64 contact_id, RapportInteractionKind kind, gint64 happened_at, const char *summary, const char *body, gint64 *out_id, GError **error);
gboolean         rapport_contact_sql_record_stage_change (RapportDatabase *db, gint64 contact_id, RapportStage from, RapportStage to, GError **error);
gboolean         rapport_contact_sql_set_stage (RapportDatabase *db, gint64 contact_id, RapportStage stage, gint64 meeting_id, GError **error);
gboolean         rapport_contact_sql_read_stage (RapportDatabase *db, gint64 contact_id, RapportStage *stage, GError **error);
char **          rapport_contact_sql_strings (RapportDatabase *db, const char *sql, gint64 contact_id, GError **error);
RapportContact * rapport_contact_sql_load (RapportDatabase *db, gint64 id, GError **error);
GPtrArray *      rapport_contact_sql_load_many (RapportDatabase *db, const gint64 *ids, guint n_ids, GError **error);
GArray *         rapport_contact_sql_query (RapportDatabase *db, const RapportContactQuery *query, GError **error);
gint64           rapport_contact_sql_save (RapportDatabase *db, RapportContact *contact, GError **error);
gint64           rapport_contact_sql_find_duplicate (RapportDatabase *db, RapportContact *contact, GError **error);
gboolean         rapport_contact_sql_merge (RapportDatabase *db, gint64 existing_id, RapportContact *incoming, GError **error);

G_END_DECLS
