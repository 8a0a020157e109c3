/* rapport-contact-sql.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-store"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-contact-sql.h"
#include "rapport-text.h"

/* Work on the database thread {{{ */

/* Rewrites the search rows of the contacts in @ids, a JSON array in
 * ascending order. FTS5 writes what it has gathered to the disk at each
 * statement's savepoint and whenever a rowid comes lower than the one
 * before: one statement for many contacts, in order, costs a fraction of
 * one a contact. The old rows go one by one, as FTS5 finds a row by its
 * rowid only for "rowid = ?"; a new contact has none, and a delete that
 * removes nothing leaves nothing to write. */
static gboolean
reindex_ids (RapportDatabase  *db,
             const char       *ids,
             GError          **error)
{
  sqlite3_stmt *stmt;
  sqlite3_stmt *each;
  gboolean ok = TRUE;
  int rc;

  each = rapport_database_prepare (db, "SELECT value FROM json_each (?1)", error);
  if (each == NULL)
    return FALSE;
  rapport_sql_bind_text (each, 1, ids);
  while (ok && (rc = sqlite3_step (each)) == SQLITE_ROW)
    {
      stmt = rapport_database_prepare (db, "DELETE FROM contact_search WHERE rowid = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, sqlite3_column_int64 (each, 0));
          ok = rapport_sql_step_done (db, stmt, error);
        }
    }
  sqlite3_reset (each);
  if (ok && rc != SQLITE_DONE)
    ok = rapport_sql_fail (db, rc, "search index", error);
  if (!ok)
    return FALSE;

  /* CROSS JOIN: the list leads, in its order, rather than a scan of
   * every contact asking whether it is in the list. */
  stmt = rapport_database_prepare (db,
    "INSERT INTO contact_search (rowid, name, organisation, role, emails, tags, notes, timeline) "
    "SELECT c.id, c.display_name || ' ' || c.given_name || ' ' || c.family_name || ' ' || rapport_fold (c.display_name), "
    "  coalesce (o.name || ' ' || rapport_fold (o.name), ''), c.role, "
    "  coalesce ((SELECT group_concat (address, ' ') FROM contact_email WHERE contact_id = c.id), ''), "
    "  coalesce ((SELECT group_concat (t.name, ' ') FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
    "             WHERE ct.contact_id = c.id), ''), "
    "  c.notes || ' ' || c.source || ' ' || c.location, "
    "  coalesce ((SELECT group_concat (summary || ' ' || body, ' ') FROM interaction WHERE contact_id = c.id), '') "
    "FROM json_each (?1) AS j CROSS JOIN contact c ON c.id = j.value "
    "LEFT JOIN organisation o ON o.id = c.organisation_id "
    "WHERE c.trashed = 0", error);
  if (stmt == NULL)
    return FALSE;
  rapport_sql_bind_text (stmt, 1, ids);
  return rapport_sql_step_done (db, stmt, error);
}

#define PENDING_KEY "rapport-contact-search-pending"

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Commit hook: the search rows that a bulk write left for its end. After
 * a rollback the list may still hold contacts that are gone; rewriting
 * their rows then removes nothing and adds nothing. */
static gboolean
reindex_pending_hook (RapportDatabase  *db,
                      gpointer          user_data,
                      GError          **error)
{
  GArray *pending = g_object_get_data (G_OBJECT (db), PENDING_KEY);
  g_autoptr(GString) ids = NULL;
  gint64 last = 0;

  if (pending == NULL || pending->len == 0)
    return TRUE;

  g_array_sort (pending, compare_ids);
  ids = g_string_new ("[");
  for (guint i = 0; i < pending->len; i++)
    {
      gint64 id = g_array_index (pending, gint64, i);

      if (id == last)
        continue;
      g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, last == 0 ? "" : ",", id);
      last = id;
    }
  g_string_append_c (ids, ']');
  g_array_set_size (pending, 0);

  return reindex_ids (db, ids->str, error);
}

/* Outside a bulk write the row is rewritten at once; inside one, every
 * contact's together just before the commit (reindex_pending_hook()). */
gboolean
rapport_contact_sql_reindex (RapportDatabase  *db,
                             gint64            contact_id,
                             GError          **error)
{
  g_autofree char *ids = NULL;
  GArray *pending;

  if (!rapport_sql_in_bulk (db))
    {
      ids = g_strdup_printf ("[%" G_GINT64_FORMAT "]", contact_id);
      return reindex_ids (db, ids, error);
    }

  pending = g_object_get_data (G_OBJECT (db), PENDING_KEY);
  if (pending == NULL)
    {
      pending = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_object_set_data_full (G_OBJECT (db), PENDING_KEY, pending, (GDestroyNotify) g_array_unref);
      rapport_database_add_commit_hook (db, reindex_pending_hook, NULL, NULL);
    }
  g_array_append_val (pending, contact_id);

  return TRUE;
}

static gboolean
find_or_create (RapportDatabase  *db,
                const char       *insert_sql,
                const char       *select_sql,
                const char       *name,
                const char       *key,
                gint64           *out_id,
                GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db, insert_sql, error);
  if (stmt == NULL)
    return FALSE;
  rapport_sql_bind_text (stmt, 1, name);
  rapport_sql_bind_text (stmt, 2, key);
  sqlite3_bind_int64 (stmt, 3, rapport_sql_now ());
  if (!rapport_sql_step_done (db, stmt, error))
    return FALSE;

  stmt = rapport_database_prepare (db, select_sql, error);
  if (stmt == NULL)
    return FALSE;
  rapport_sql_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return rapport_sql_fail (db, rc, select_sql, error);
    }
  *out_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
rapport_contact_sql_add_interaction (RapportDatabase         *db,
                                     gint64                   contact_id,
                                     RapportInteractionKind   kind,
                                     gint64                   happened_at,
                                     const char              *summary,
                                     const char              *body,
                                     gint64                  *out_id,
                                     GError                 **error)
{
  sqlite3_stmt *stmt;

  stmt = rapport_database_prepare (db,
    "INSERT INTO interaction (contact_id, kind, happened_at, summary, body, created_at, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  sqlite3_bind_int (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, happened_at);
  rapport_sql_bind_text (stmt, 4, summary);
  rapport_sql_bind_text (stmt, 5, body);
  sqlite3_bind_int64 (stmt, 6, rapport_sql_now ());
  if (!rapport_sql_step_done (db, stmt, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (rapport_database_get_connection (db));
  return TRUE;
}

gboolean
rapport_contact_sql_record_stage_change (RapportDatabase  *db,
                                         gint64            contact_id,
                                         RapportStage      from,
                                         RapportStage      to,
                                         GError          **error)
{
  /* Translators: a timeline entry, e.g. "Request Sent → Scheduled" */
  g_autofree char *summary = g_strdup_printf (_("%s → %s"),
                                              rapport_stage_get_label (from),
                                              rapport_stage_get_label (to));

  return rapport_contact_sql_add_interaction (db, contact_id, RAPPORT_INTERACTION_STAGE_CHANGE,
                          rapport_sql_now (), summary, "", NULL, error);
}

/* Moves a contact to @stage and records the change on its timeline, tied
 * to @meeting_id when a meeting caused it (0 otherwise). */
gboolean
rapport_contact_sql_set_stage (RapportDatabase  *db,
                               gint64            contact_id,
                               RapportStage      stage,
                               gint64            meeting_id,
                               GError          **error)
{
  RapportStage old_stage;
  sqlite3_stmt *stmt;

  if (!rapport_contact_sql_read_stage (db, contact_id, &old_stage, error))
    return FALSE;
  if (old_stage == stage)
    return TRUE;

  stmt = rapport_database_prepare (db, "UPDATE contact SET stage = ?2, updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  sqlite3_bind_int (stmt, 2, stage);
  sqlite3_bind_int64 (stmt, 3, rapport_sql_now ());
  if (!rapport_sql_step_done (db, stmt, error) ||
      !rapport_contact_sql_record_stage_change (db, contact_id, old_stage, stage, error))
    return FALSE;

  if (meeting_id != 0)
    {
      stmt = rapport_database_prepare (db, "UPDATE interaction SET meeting_id = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, sqlite3_last_insert_rowid (rapport_database_get_connection (db)));
      sqlite3_bind_int64 (stmt, 2, meeting_id);
      if (!rapport_sql_step_done (db, stmt, error))
        return FALSE;
    }

  return rapport_contact_sql_reindex (db, contact_id, error);
}

gboolean
rapport_contact_sql_read_stage (RapportDatabase  *db,
                                gint64            contact_id,
                                RapportStage     *stage,
                                GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db, "SELECT stage FROM contact WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *stage = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_NOT_FOUND,
                   _("The contact no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return rapport_sql_fail (db, rc, "read stage", error);
  return TRUE;
}

/* Refuses a referrer that would close a loop: @contact_id itself, or anyone
 * @contact_id introduced, directly or further down. */
static gboolean
check_referrer (RapportDatabase  *db,
                gint64            contact_id,
                gint64            referrer_id,
                GError          **error)
{
  sqlite3_stmt *stmt;
  gboolean loop = FALSE;
  int rc;

  if (referrer_id == 0)
    return TRUE;

  if (referrer_id == contact_id)
    loop = TRUE;
  else if (contact_id != 0)
    {
      stmt = rapport_database_prepare (db,
        "WITH RECURSIVE up (id, depth) AS ("
        "  SELECT ?2, 0"
        "  UNION SELECT c.referred_by, up.depth + 1 FROM contact c JOIN up ON c.id = up.id"
        "  WHERE c.referred_by IS NOT NULL AND up.depth < 1000"
        ") SELECT 1 FROM up WHERE id = ?1 LIMIT 1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, contact_id);
      sqlite3_bind_int64 (stmt, 2, referrer_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return rapport_sql_fail (db, rc, "referral loop", error);
      loop = rc == SQLITE_ROW;
    }

  if (loop)
    {
      g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID,
                   _("A contact cannot be introduced by themselves or by someone they introduced."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
save_list (RapportDatabase     *db,
           gint64               contact_id,
           const char          *delete_sql,
           const char          *insert_sql,
           const char * const  *values,
           GError             **error)
{
  sqlite3_stmt *stmt;
  guint position = 0;

  stmt = rapport_database_prepare (db, delete_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  if (!rapport_sql_step_done (db, stmt, error))
    return FALSE;

  for (guint i = 0; values[i] != NULL; i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (values[i]));

      if (value[0] == '\0')
        continue;

      stmt = rapport_database_prepare (db, insert_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, contact_id);
      sqlite3_bind_int (stmt, 2, position++);
      rapport_sql_bind_text (stmt, 3, value);
      if (!rapport_sql_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
save_tags (RapportDatabase     *db,
           gint64               contact_id,
           const char * const  *tags,
           GError             **error)
{
  sqlite3_stmt *stmt;
  guint position = 0;

  stmt = rapport_database_prepare (db, "DELETE FROM contact_tag WHERE contact_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  if (!rapport_sql_step_done (db, stmt, error))
    return FALSE;

  for (guint i = 0; tags[i] != NULL; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (tags[i]));
      gint64 tag_id;

      if (tag[0] == '\0')
        continue;

      if (!find_or_create (db,
                           "INSERT INTO tag (name) SELECT ?1 WHERE ?2 = ?2 AND ?3 = ?3 "
                           "ON CONFLICT (name) DO NOTHING",
                           "SELECT id FROM tag WHERE name = ?1",
                           tag, tag, &tag_id, error))
        return FALSE;

      stmt = rapport_database_prepare (db,
        "INSERT OR IGNORE INTO contact_tag (contact_id, tag_id, position) VALUES (?1, ?2, ?3)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, contact_id);
      sqlite3_bind_int64 (stmt, 2, tag_id);
      sqlite3_bind_int (stmt, 3, position++);
      if (!rapport_sql_step_done (db, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Inserts or updates one contact, inside the caller's transaction. */
gint64
rapport_contact_sql_save (RapportDatabase  *db,
                          RapportContact   *contact,
                          GError          **error)
{
  g_autofree char *name = g_strstrip (g_strdup (rapport_contact_get_display_name (contact)));
  g_autofree char *organisation = g_strstrip (g_strdup (rapport_contact_get_organisation (contact)));
  g_autofree char *sort_key = NULL;
  gint64 id = rapport_contact_get_id (contact);
  gint64 referrer = rapport_contact_get_referred_by_id (contact);
  RapportStage stage = rapport_contact_get_stage (contact);
  RapportStage old_stage = stage;
  gint64 organisation_id = 0;
  gint64 now = rapport_sql_now ();
  sqlite3_stmt *stmt;

  if (name[0] == '\0')
    {
      g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID,
                   _("A contact needs a name."));
      return 0;
    }

  if (!check_referrer (db, id, referrer, error))
    return 0;

  if (organisation[0] != '\0')
    {
      g_autofree char *key = rapport_text_fold (organisation);

      if (!find_or_create (db,
                           "INSERT INTO organisation (name, name_key, created_at, updated_at) "
                           "VALUES (?1, ?2, ?3, ?3) ON CONFLICT (name_key) DO NOTHING",
                           "SELECT id FROM organisation WHERE name_key = ?1",
                           organisation, key, &organisation_id, error))
        return 0;
    }

  if (id != 0 && !rapport_contact_sql_read_stage (db, id, &old_stage, error))
    return 0;

  sort_key = rapport_text_fold (name);

  if (id == 0)
    stmt = rapport_database_prepare (db,
      "INSERT INTO contact (display_name, given_name, family_name, sort_key, role, organisation_id, "
      "  profile_url, location, source, notes, referred_by, stage, created_at, updated_at, playbook, birthday) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13, ?15, ?16)", error);
  else
    stmt = rapport_database_prepare (db,
      "UPDATE contact SET display_name = ?1, given_name = ?2, family_name = ?3, sort_key = ?4, role = ?5, "
      "  organisation_id = ?6, profile_url = ?7, location = ?8, source = ?9, notes = ?10, referred_by = ?11, "
      "  stage = ?12, updated_at = ?13, playbook = ?15, birthday = ?16 "
      "WHERE id = ?14", error);
  if (stmt == NULL)
    return 0;

  rapport_sql_bind_text (stmt, 1, name);
  rapport_sql_bind_text (stmt, 2, rapport_contact_get_given_name (contact));
  rapport_sql_bind_text (stmt, 3, rapport_contact_get_family_name (contact));
  rapport_sql_bind_text (stmt, 4, sort_key);
  rapport_sql_bind_text (stmt, 5, rapport_contact_get_role (contact));
  if (organisation_id != 0)
    sqlite3_bind_int64 (stmt, 6, organisation_id);
  rapport_sql_bind_text (stmt, 7, rapport_contact_get_profile_url (contact));
  rapport_sql_bind_text (stmt, 8, rapport_contact_get_location (contact));
  rapport_sql_bind_text (stmt, 9, rapport_contact_get_source (contact));
  rapport_sql_bind_text (stmt, 10, rapport_contact_get_notes (contact));
  if (referrer != 0)
    sqlite3_bind_int64 (stmt, 11, referrer);
  sqlite3_bind_int (stmt, 12, stage);
  sqlite3_bind_int64 (stmt, 13, now);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 14, id);
  if (rapport_contact_get_playbook (contact) != RAPPORT_CONTACT_PLAYBOOK_DEFAULT)
    sqlite3_bind_int (stmt, 15, rapport_contact_get_playbook (contact));
  /* NULL when there is none, as the column's default. */
  if (rapport_contact_get_birthday (contact) != NULL)
    rapport_sql_bind_text (stmt, 16, rapport_contact_get_birthday (contact));

  if (!rapport_sql_step_done (db, stmt, error))
    return 0;

  if (id == 0)
    id = sqlite3_last_insert_rowid (rapport_database_get_connection (db));
  else if (sqlite3_changes (rapport_database_get_connection (db)) == 0)
    {
      g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_NOT_FOUND,
                   _("The contact no longer exists."));
      return 0;
    }

  if (old_stage != stage && !rapport_contact_sql_record_stage_change (db, id, old_stage, stage, error))
    return 0;

  if (!save_list (db, id, "DELETE FROM contact_email WHERE contact_id = ?1",
                  "INSERT INTO contact_email (contact_id, position, address) VALUES (?1, ?2, ?3)",
                  rapport_contact_get_emails (contact), error) ||
      !save_list (db, id, "DELETE FROM contact_phone WHERE contact_id = ?1",
                  "INSERT INTO contact_phone (contact_id, position, number) VALUES (?1, ?2, ?3)",
                  rapport_contact_get_phones (contact), error) ||
      !save_tags (db, id, rapport_contact_get_tags (contact), error) ||
      !rapport_contact_sql_reindex (db, id, error))
    return 0;

  return id;
}

char **
rapport_contact_sql_strings (RapportDatabase  *db,
                             const char       *sql,
                             gint64            contact_id,
                             GError          **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, contact_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, rapport_sql_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, sql, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* Returns NULL without an error when the contact does not exist (or is in
 * the trash), so that a list can skip it. */
RapportContact *
rapport_contact_sql_load (RapportDatabase  *db,
                          gint64            id,
                          GError          **error)
{
  g_autoptr(RapportContact) contact = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autoptr(GDateTime) updated = NULL;
  g_autoptr(GDateTime) last_contacted = NULL;
  g_auto(GStrv) emails = NULL;
  g_auto(GStrv) phones = NULL;
  g_auto(GStrv) tags = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db,
    "SELECT c.display_name, c.given_name, c.family_name, c.role, coalesce (o.name, ''), c.profile_url, "
    "  c.location, c.source, c.notes, coalesce (r.id, 0), coalesce (r.display_name, ''), c.stage, "
    "  c.created_at, c.updated_at, c.last_contacted, coalesce (c.playbook, -1), c.birthday "
    "FROM contact c LEFT JOIN organisation o ON o.id = c.organisation_id "
    "  LEFT JOIN contact r ON r.id = c.referred_by AND r.trashed = 0 "
    "WHERE c.id = ?1 AND c.trashed = 0", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        rapport_sql_fail (db, rc, "load contact", error);
      return NULL;
    }

  contact = rapport_contact_new ();
  rapport_contact_set_id (contact, id);
  rapport_contact_set_display_name (contact, rapport_sql_column_text (stmt, 0));
  rapport_contact_set_given_name (contact, rapport_sql_column_text (stmt, 1));
  rapport_contact_set_family_name (contact, rapport_sql_column_text (stmt, 2));
  rapport_contact_set_role (contact, rapport_sql_column_text (stmt, 3));
  rapport_contact_set_organisation (contact, rapport_sql_column_text (stmt, 4));
  rapport_contact_set_profile_url (contact, rapport_sql_column_text (stmt, 5));
  rapport_contact_set_location (contact, rapport_sql_column_text (stmt, 6));
  rapport_contact_set_source (contact, rapport_sql_column_text (stmt, 7));
  rapport_contact_set_notes (contact, rapport_sql_column_text (stmt, 8));
  rapport_contact_set_referred_by_id (contact, sqlite3_column_int64 (stmt, 9));
  rapport_contact_set_referred_by_name (contact, rapport_sql_column_text (stmt, 10));
  rapport_contact_set_stage (contact, CLAMP (sqlite3_column_int (stmt, 11), 0, RAPPORT_N_STAGES - 1));
  created = rapport_sql_column_time (stmt, 12);
  updated = rapport_sql_column_time (stmt, 13);
  last_contacted = rapport_sql_column_time (stmt, 14);
  rapport_contact_set_playbook (contact, MAX (sqlite3_column_int (stmt, 15), RAPPORT_CONTACT_PLAYBOOK_DEFAULT));
  rapport_contact_set_birthday (contact, (const char *) sqlite3_column_text (stmt, 16));
  sqlite3_reset (stmt);

  rapport_contact_set_created (contact, created);
  rapport_contact_set_updated (contact, updated);
  rapport_contact_set_last_contacted (contact, last_contacted);

  if (!(emails = rapport_contact_sql_strings (db, "SELECT address FROM contact_email WHERE contact_id = ?1 ORDER BY position",
                               id, error)) ||
      !(phones = rapport_contact_sql_strings (db, "SELECT number FROM contact_phone WHERE contact_id = ?1 ORDER BY position",
                               id, error)) ||
      !(tags = rapport_contact_sql_strings (db, "SELECT t.name FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
                                 "WHERE ct.contact_id = ?1 ORDER BY ct.position", id, error)))
    return NULL;

  rapport_contact_set_emails (contact, (const char * const *) emails);
  rapport_contact_set_phones (contact, (const char * const *) phones);
  rapport_contact_set_tags (contact, (const char * const *) tags);
  rapport_contact_set_loaded (contact, TRUE);

  return g_steal_pointer (&contact);
}

GPtrArray *
rapport_contact_sql_load_many (RapportDatabase  *db,
                               const gint64     *ids,
                               guint             n_ids,
                               GError          **error)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GError) local_error = NULL;
      RapportContact *contact = rapport_contact_sql_load (db, ids[i], &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (contact != NULL)
        g_ptr_array_add (contacts, contact);
    }

  return g_steal_pointer (&contacts);
}

/* }}} */
