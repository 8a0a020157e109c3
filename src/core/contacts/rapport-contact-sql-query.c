/* rapport-contact-sql-query.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-contact-store"

#include "config.h"

#include "rapport-contact-sql.h"

/* Searching, filtering and sorting contacts in SQL: the ids that a
 * RapportContactQuery selects, in its order. Work on the database thread. */

static GArray *
query_in_sql (RapportDatabase            *db,
              const RapportContactQuery  *query,
              gboolean                    with_text,
              GError                    **error)
{
  static const char * const orders[] = {
    [RAPPORT_CONTACT_SORT_NAME] = "c.sort_key, c.id",
    [RAPPORT_CONTACT_SORT_ORGANISATION] = "o.name_key IS NULL, o.name_key, c.sort_key, c.id",
    [RAPPORT_CONTACT_SORT_LAST_CONTACTED] = "c.last_contacted IS NULL, c.last_contacted DESC, c.sort_key, c.id",
    [RAPPORT_CONTACT_SORT_STAGE] = "c.stage, c.sort_key, c.id",
  };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) sql = g_string_new ("SELECT c.id FROM contact c ");
  g_autofree char *match = with_text ? rapport_contact_store_build_match (query->text) : NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (query->sort < G_N_ELEMENTS (orders), NULL);

  if (query->sort == RAPPORT_CONTACT_SORT_ORGANISATION)
    g_string_append (sql, "LEFT JOIN organisation o ON o.id = c.organisation_id ");
  g_string_append (sql, "WHERE c.trashed = 0 ");
  if (match != NULL)
    g_string_append (sql, "AND c.id IN (SELECT rowid FROM contact_search WHERE contact_search MATCH ?1) ");
  if (query->stage >= 0)
    g_string_append (sql, "AND c.stage = ?2 ");
  if (query->tag != NULL)
    g_string_append (sql, "AND c.id IN (SELECT ct.contact_id FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
                          "WHERE t.name = ?3) ");
  g_string_append_printf (sql, "ORDER BY %s ", orders[query->sort]);
  if (query->limit > 0 && with_text)
    g_string_append (sql, "LIMIT ?4");

  /* A few dozen shapes at most: interning keeps each one's statement. */
  stmt = rapport_database_prepare (db, g_intern_string (sql->str), error);
  if (stmt == NULL)
    return NULL;

  if (match != NULL)
    rapport_sql_bind_text (stmt, 1, match);
  if (query->stage >= 0)
    sqlite3_bind_int (stmt, 2, query->stage);
  if (query->tag != NULL)
    rapport_sql_bind_text (stmt, 3, query->tag);
  if (query->limit > 0 && with_text)
    sqlite3_bind_int (stmt, 4, query->limit);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "query contacts", error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* The order of all contacts for a query without its search words, kept
 * between keystrokes: a search then only asks the index which contacts
 * match, and keeps those in this order. Sorting the matches in SQL costs a
 * row lookup for each, which for a first letter matching most of 100,000
 * contacts takes far longer than a frame. The single connection's change
 * counter tells when the order must be read again. */
static struct
{
  GMutex          lock;
  sqlite3        *conn;
  sqlite3_int64   changes;
  int             stage;
  char           *tag;
  int             sort;
  GArray         *ids;
  gint64          max_id;
} order_cache;

static GArray *
ordered_ids (RapportDatabase            *db,
             const RapportContactQuery  *query,
             gint64                     *max_id,
             GError                    **error)
{
  sqlite3 *conn = rapport_database_get_connection (db);
  sqlite3_int64 changes = sqlite3_total_changes64 (conn);
  GArray *ids;

  g_mutex_lock (&order_cache.lock);
  if (order_cache.ids == NULL || order_cache.conn != conn || order_cache.changes != changes ||
      order_cache.stage != query->stage || order_cache.sort != (int) query->sort ||
      g_strcmp0 (order_cache.tag, query->tag) != 0)
    {
      g_clear_pointer (&order_cache.ids, g_array_unref);
      g_clear_pointer (&order_cache.tag, g_free);

      order_cache.ids = query_in_sql (db, query, FALSE, error);
      order_cache.conn = conn;
      order_cache.changes = changes;
      order_cache.stage = query->stage;
      order_cache.sort = query->sort;
      order_cache.tag = g_strdup (query->tag);
      order_cache.max_id = 0;
      for (guint i = 0; order_cache.ids && i < order_cache.ids->len; i++)
        order_cache.max_id = MAX (order_cache.max_id, g_array_index (order_cache.ids, gint64, i));
    }

  ids = order_cache.ids ? g_array_ref (order_cache.ids) : NULL;
  *max_id = order_cache.max_id;
  g_mutex_unlock (&order_cache.lock);

  return ids;
}

GArray *
rapport_contact_sql_query (RapportDatabase            *db,
                           const RapportContactQuery  *query,
                           GError                    **error)
{
  g_autofree char *match = rapport_contact_store_build_match (query->text);
  g_autoptr(GArray) order = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree guint8 *matched = NULL;
  sqlite3_stmt *stmt;
  gint64 max_id = 0;
  int rc;

  if (match == NULL)
    return query_in_sql (db, query, TRUE, error);

  order = ordered_ids (db, query, &max_id, error);
  if (order == NULL)
    return NULL;

  /* One bit per contact id: ids are dense rowids, so this is small. */
  matched = g_malloc0 (max_id / 8 + 1);
  stmt = rapport_database_prepare (db, "SELECT rowid FROM contact_search WHERE contact_search MATCH ?1", error);
  if (stmt == NULL)
    return NULL;
  rapport_sql_bind_text (stmt, 1, match);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id > 0 && id <= max_id)
        matched[id / 8] |= 1 << (id % 8);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "search contacts", error);
      return NULL;
    }

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < order->len; i++)
    {
      gint64 id = g_array_index (order, gint64, i);

      if (matched[id / 8] & (1 << (id % 8)))
        {
          g_array_append_val (ids, id);
          if (query->limit > 0 && ids->len >= query->limit)
            break;
        }
    }

  return g_steal_pointer (&ids);
}
