/* rapport-contact-sql-merge.c
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

/* Finding a contact that an imported one duplicates, and merging the two.
 * Work on the database thread. */

/* Importing {{{ */

/**
 * rapport_contact_sql_find_duplicate:
 *
 * A contact already in the database is the same person as @contact if they
 * share an email address, or have the same name and organisation (case and
 * accents aside).
 *
 * Returns: the existing contact's id, 0 for none, or -1 with @error set
 */
gint64
rapport_contact_sql_find_duplicate (RapportDatabase  *db,
                                    RapportContact   *contact,
                                    GError          **error)
{
  const char * const *emails = rapport_contact_get_emails (contact);
  g_autofree char *name_key = rapport_text_fold (rapport_contact_get_display_name (contact));
  g_autofree char *org_key = rapport_text_fold (rapport_contact_get_organisation (contact));
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  /* "+c.trashed" keeps SQLite from walking every contact through the trashed
   * column's index instead of looking the address up in its own: without it
   * an import of 10,000 cards took minutes. */
  for (guint i = 0; emails[i] != NULL && id == 0; i++)
    {
      stmt = rapport_database_prepare (db,
        "SELECT c.id FROM contact_email e JOIN contact c ON c.id = e.contact_id "
        "WHERE e.address = ?1 COLLATE NOCASE AND +c.trashed = 0 LIMIT 1", error);
      if (stmt == NULL)
        return -1;
      rapport_sql_bind_text (stmt, 1, emails[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return rapport_sql_fail (db, rc, "find duplicate", error) ? 0 : -1;
    }

  if (id != 0)
    return id;

  stmt = rapport_database_prepare (db,
    "SELECT c.id FROM contact c LEFT JOIN organisation o ON o.id = c.organisation_id "
    "WHERE c.sort_key = ?1 AND coalesce (o.name_key, '') = ?2 AND c.trashed = 0 LIMIT 1", error);
  if (stmt == NULL)
    return -1;
  rapport_sql_bind_text (stmt, 1, name_key);
  rapport_sql_bind_text (stmt, 2, org_key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return rapport_sql_fail (db, rc, "find duplicate", error) ? 0 : -1;

  return id;
}

static char **
union_lists (const char * const *a,
             const char * const *b)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (const char * const *list = a; list != NULL; list = (list == a ? b : NULL))
    for (guint i = 0; list[i] != NULL; i++)
      {
        char *key = g_utf8_casefold (list[i], -1);

        if (g_hash_table_add (seen, key))
          g_strv_builder_add (builder, list[i]);
      }

  return g_strv_builder_end (builder);
}

/**
 * rapport_contact_sql_merge:
 *
 * Completes the contact @existing_id with what @incoming knows and it does
 * not: empty fields are filled, addresses, numbers and tags are added. What
 * the user already wrote is never replaced.
 */
gboolean
rapport_contact_sql_merge (RapportDatabase  *db,
                           gint64            existing_id,
                           RapportContact   *incoming,
                           GError          **error)
{
  g_autoptr(RapportContact) merged = NULL;
  g_auto(GStrv) emails = NULL;
  g_auto(GStrv) phones = NULL;
  g_auto(GStrv) tags = NULL;
  GError *local_error = NULL;

  merged = rapport_contact_sql_load (db, existing_id, &local_error);
  if (merged == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_NOT_FOUND,
                     _("The contact no longer exists."));
      return FALSE;
    }

#define FILL(field)                                                                  \
  if (rapport_contact_get_##field (merged)[0] == '\0')                               \
    rapport_contact_set_##field (merged, rapport_contact_get_##field (incoming))

  FILL (given_name);
  FILL (family_name);
  FILL (role);
  FILL (organisation);
  FILL (profile_url);
  FILL (location);
  FILL (source);
  FILL (notes);
#undef FILL
  if (rapport_contact_get_birthday (merged) == NULL)
    rapport_contact_set_birthday (merged, rapport_contact_get_birthday (incoming));

  emails = union_lists (rapport_contact_get_emails (merged), rapport_contact_get_emails (incoming));
  phones = union_lists (rapport_contact_get_phones (merged), rapport_contact_get_phones (incoming));
  tags = union_lists (rapport_contact_get_tags (merged), rapport_contact_get_tags (incoming));
  rapport_contact_set_emails (merged, (const char * const *) emails);
  rapport_contact_set_phones (merged, (const char * const *) phones);
  rapport_contact_set_tags (merged, (const char * const *) tags);

  return rapport_contact_sql_save (db, merged, error) != 0;
}

/* }}} */
