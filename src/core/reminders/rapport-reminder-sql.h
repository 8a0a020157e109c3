/* rapport-reminder-sql.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-database.h"
#include "rapport-due.h"
#include "rapport-reminder.h"

G_BEGIN_DECLS

/* The reminders' SQL, for the database thread only (inside a
 * #RapportDatabaseFunc). Times are Unix seconds in UTC. Functions marked
 * "own transaction" begin and commit one; the others run inside the
 * caller's. */

/* The rules (rapport-reminder-rules.c). */
void       rapport_reminder_rules_attach      (RapportDatabase                *db);
gboolean   rapport_reminder_sql_derive        (RapportDatabase                *db,
                                               gint64                          contact_id,
                                               const RapportReminderSettings  *settings,
                                               gint64                          now,
                                               GError                        **error);
gboolean   rapport_reminder_sql_derive_dirty  (RapportDatabase                *db,
                                               gint64                          now,
                                               GError                        **error);
void       rapport_reminder_sql_get_settings  (RapportDatabase                *db,
                                               RapportReminderSettings        *settings);
gboolean   rapport_reminder_sql_set_settings  (RapportDatabase                *db,
                                               const RapportReminderSettings  *settings,
                                               gint64                          now,
                                               GError                        **error);

/* Reading and writing them (rapport-reminder-sql.c). */
gboolean   rapport_reminder_sql_next_at       (RapportDatabase  *db,
                                               gint64           *next_at,
                                               GError          **error);
GPtrArray *rapport_reminder_sql_mark_due      (RapportDatabase  *db,
                                               gint64            due_before,
                                               gint64            now,
                                               GError          **error);   /* own transaction */
GPtrArray *rapport_reminder_sql_list          (RapportDatabase  *db,
                                               gint64            until,
                                               GError          **error);
RapportDueList *rapport_reminder_sql_list_due (RapportDatabase  *db,
                                               const gint64     *bounds,
                                               const guint      *limits,
                                               GError          **error);
RapportReminder *rapport_reminder_sql_load    (RapportDatabase  *db,
                                               gint64            id,
                                               GError          **error);
gboolean   rapport_reminder_sql_set_state     (RapportDatabase       *db,
                                               gint64                 id,
                                               RapportReminderState   state,
                                               gint64                 snoozed_until,
                                               gint64                 now,
                                               GError               **error);
gint64     rapport_reminder_sql_save_custom   (RapportDatabase  *db,
                                               RapportReminder  *reminder,
                                               gint64            now,
                                               GError          **error);
gboolean   rapport_reminder_sql_delete_custom (RapportDatabase  *db,
                                               gint64            id,
                                               GError          **error);

G_END_DECLS
