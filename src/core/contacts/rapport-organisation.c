/* rapport-organisation.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-organisation"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rapport-contact-sql.h"
#include "rapport-db-run.h"
#include "rapport-organisation.h"
#include "rapport-text.h"

/* An organisation the user's contacts work for, with what the user learned
 * about it before meetings. Organisations are made as contacts name them;
 * this is where their own details are read and written. */
struct _RapportOrganisation
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *industry;
  char    *website;
  char    *notes;
  guint    n_people;
};

G_DEFINE_FINAL_TYPE (RapportOrganisation, rapport_organisation, G_TYPE_OBJECT)

static void
rapport_organisation_finalize (GObject *object)
{
  RapportOrganisation *self = (RapportOrganisation *)object;

  g_free (self->name);
  g_free (self->industry);
  g_free (self->website);
  g_free (self->notes);

  G_OBJECT_CLASS (rapport_organisation_parent_class)->finalize (object);
}

static void
rapport_organisation_class_init (RapportOrganisationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_organisation_finalize;
}

static void
rapport_organisation_init (RapportOrganisation *self)
{
  self->name = g_strdup ("");
  self->industry = g_strdup ("");
  self->website = g_strdup ("");
  self->notes = g_strdup ("");
}

RapportOrganisation *
rapport_organisation_new (void)
{
  return g_object_new (RAPPORT_TYPE_ORGANISATION, NULL);
}

#define DEFINE_TEXT(field)                                                  \
const char *                                                                \
rapport_organisation_get_##field (RapportOrganisation *self)               \
{                                                                           \
  g_return_val_if_fail (RAPPORT_IS_ORGANISATION (self), NULL);              \
  return self->field;                                                       \
}                                                                           \
                                                                            \
void                                                                        \
rapport_organisation_set_##field (RapportOrganisation *self,               \
                                  const char          *value)              \
{                                                                           \
  g_return_if_fail (RAPPORT_IS_ORGANISATION (self));                        \
  g_free (self->field);                                                     \
  self->field = g_strdup (value ? value : "");                              \
}

DEFINE_TEXT (name)
DEFINE_TEXT (industry)
DEFINE_TEXT (website)
DEFINE_TEXT (notes)

gint64
rapport_organisation_get_id (RapportOrganisation *self)
{
  g_return_val_if_fail (RAPPORT_IS_ORGANISATION (self), 0);
  return self->id;
}

void
rapport_organisation_set_id (RapportOrganisation *self,
                             gint64               id)
{
  g_return_if_fail (RAPPORT_IS_ORGANISATION (self));
  self->id = id;
}

guint
rapport_organisation_get_n_people (RapportOrganisation *self)
{
  g_return_val_if_fail (RAPPORT_IS_ORGANISATION (self), 0);
  return self->n_people;
}

void
rapport_organisation_set_n_people (RapportOrganisation *self,
                                   guint                n_people)
{
  g_return_if_fail (RAPPORT_IS_ORGANISATION (self));
  self->n_people = n_people;
}

/* On the database thread {{{ */

static gpointer
list_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  /* Only organisations someone works for: a name typed once and changed
   * later leaves no empty entry behind. */
  stmt = rapport_database_prepare (db,
    "SELECT o.id, o.name, o.industry, o.website, o.notes, count (c.id) FROM organisation o "
    "JOIN contact c ON c.organisation_id = o.id AND c.trashed = 0 "
    "GROUP BY o.id ORDER BY o.name_key", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportOrganisation *organisation = rapport_organisation_new ();

      organisation->id = sqlite3_column_int64 (stmt, 0);
      rapport_organisation_set_name (organisation, rapport_sql_column_text (stmt, 1));
      rapport_organisation_set_industry (organisation, rapport_sql_column_text (stmt, 2));
      rapport_organisation_set_website (organisation, rapport_sql_column_text (stmt, 3));
      rapport_organisation_set_notes (organisation, rapport_sql_column_text (stmt, 4));
      organisation->n_people = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (list, organisation);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "list organisations", error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gpointer
people_func (RapportDatabase  *db,
             gpointer          data,
             GError          **error)
{
  gint64 id = *(gint64 *) data;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db,
    "SELECT id FROM contact WHERE organisation_id = ?1 AND trashed = 0 ORDER BY sort_key", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 contact_id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, contact_id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      rapport_sql_fail (db, rc, "organisation people", error);
      return NULL;
    }

  return rapport_contact_sql_load_many (db, (gint64 *) (gpointer) ids->data, ids->len, error);
}

static gpointer
save_func (RapportDatabase  *db,
           gpointer          data,
           GError          **error)
{
  RapportOrganisation *organisation = data;
  g_autofree char *name = g_strstrip (g_strdup (organisation->name));
  g_autofree char *key = rapport_text_fold (name);
  sqlite3_stmt *stmt;
  gboolean ok;

  if (name[0] == '\0')
    {
      g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID,
                   _("An organisation needs a name."));
      return NULL;
    }

  if (!rapport_sql_begin (db, error))
    return NULL;

  stmt = rapport_database_prepare (db,
    "UPDATE organisation SET name = ?2, name_key = ?3, industry = ?4, website = ?5, notes = ?6, updated_at = ?7 "
    "WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, organisation->id);
      rapport_sql_bind_text (stmt, 2, name);
      rapport_sql_bind_text (stmt, 3, key);
      rapport_sql_bind_text (stmt, 4, organisation->industry);
      rapport_sql_bind_text (stmt, 5, organisation->website);
      rapport_sql_bind_text (stmt, 6, organisation->notes);
      sqlite3_bind_int64 (stmt, 7, rapport_sql_now ());
      ok = rapport_sql_step_done (db, stmt, error);
      if (!ok && error && *error && strstr ((*error)->message, "UNIQUE"))
        {
          g_clear_error (error);
          g_set_error (error, RAPPORT_CONTACT_STORE_ERROR, RAPPORT_CONTACT_STORE_ERROR_INVALID,
                       _("Another organisation already has this name."));
        }
    }

  /* A renamed organisation is found under its new name. */
  if (ok)
    {
      g_autoptr(GArray) people = NULL;

      stmt = rapport_database_prepare (db, "SELECT id FROM contact WHERE organisation_id = ?1", error);
      ok = stmt != NULL;
      if (ok)
        {
          int rc;

          people = g_array_new (FALSE, FALSE, sizeof (gint64));
          sqlite3_bind_int64 (stmt, 1, organisation->id);
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              gint64 contact_id = sqlite3_column_int64 (stmt, 0);
              g_array_append_val (people, contact_id);
            }
          sqlite3_reset (stmt);
          ok = rc == SQLITE_DONE || rapport_sql_fail (db, rc, "organisation people", error);
        }
      for (guint i = 0; ok && people && i < people->len; i++)
        ok = rapport_contact_sql_reindex (db, g_array_index (people, gint64, i), error);
    }

  return rapport_sql_commit_or_rollback (db, ok, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

static gpointer
for_contact_func (RapportDatabase  *db,
                  gpointer          data,
                  GError          **error)
{
  gint64 contact_id = *(gint64 *) data;
  RapportOrganisation *organisation = rapport_organisation_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = rapport_database_prepare (db,
    "SELECT o.id, o.name, o.industry, o.website, o.notes FROM organisation o "
    "JOIN contact c ON c.organisation_id = o.id WHERE c.id = ?1", error);
  if (stmt == NULL)
    {
      g_object_unref (organisation);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, contact_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      organisation->id = sqlite3_column_int64 (stmt, 0);
      rapport_organisation_set_name (organisation, rapport_sql_column_text (stmt, 1));
      rapport_organisation_set_industry (organisation, rapport_sql_column_text (stmt, 2));
      rapport_organisation_set_website (organisation, rapport_sql_column_text (stmt, 3));
      rapport_organisation_set_notes (organisation, rapport_sql_column_text (stmt, 4));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      g_object_unref (organisation);
      rapport_sql_fail (db, rc, "organisation of a contact", error);
      return NULL;
    }
  return organisation;
}

static gpointer
save_notes_func (RapportDatabase  *db,
                 gpointer          data,
                 GError          **error)
{
  RapportOrganisation *organisation = data;
  sqlite3_stmt *stmt;

  stmt = rapport_database_prepare (db, "UPDATE organisation SET notes = ?2, updated_at = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, organisation->id);
  rapport_sql_bind_text (stmt, 2, organisation->notes);
  sqlite3_bind_int64 (stmt, 3, rapport_sql_now ());
  return rapport_sql_step_done (db, stmt, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

/* }}} */
/* Public API {{{ */

/* Organisations are the contact store's: a write announces its "changed"
 * for all contacts (0). */
static void
announce (gpointer source_object,
          gpointer data,
          gpointer result)
{
  rapport_contact_store_notify_changed (source_object, 0);
}

static void
run (RapportContactStore *store,
     RapportDbRunFlags    flags,
     RapportDatabaseFunc  func,
     gpointer             data,
     GDestroyNotify       data_free,
     GDestroyNotify       result_free,
     gpointer             source_tag,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  rapport_db_run (store, source_tag, rapport_contact_store_get_database (store), flags, func, data, data_free,
                  result_free, (flags & RAPPORT_DB_RUN_WRITE) ? announce : NULL, cancellable, callback, user_data);
}

void
rapport_organisation_list_async (RapportContactStore *store,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));

  run (store, RAPPORT_DB_RUN_READ, list_func, NULL, NULL, (GDestroyNotify) g_ptr_array_unref,
       rapport_organisation_list_async, cancellable, callback, user_data);
}

/**
 * rapport_organisation_list_finish:
 *
 * Returns: (transfer full) (element-type RapportOrganisation): the
 *   organisations someone works for, by name
 */
GPtrArray *
rapport_organisation_list_finish (RapportContactStore  *store,
                                  GAsyncResult         *result,
                                  GError              **error)
{
  return rapport_db_run_finish (store, result, rapport_organisation_list_async, error);
}

void
rapport_organisation_people_async (RapportContactStore *store,
                                   gint64               organisation_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));

  run (store, RAPPORT_DB_RUN_READ, people_func, g_memdup2 (&organisation_id, sizeof organisation_id), g_free,
       (GDestroyNotify) g_ptr_array_unref, rapport_organisation_people_async, cancellable, callback, user_data);
}

/**
 * rapport_organisation_people_finish:
 *
 * Returns: (transfer full) (element-type RapportContact): who works there
 */
GPtrArray *
rapport_organisation_people_finish (RapportContactStore  *store,
                                    GAsyncResult         *result,
                                    GError              **error)
{
  return rapport_db_run_finish (store, result, rapport_organisation_people_async, error);
}

/**
 * rapport_organisation_save_async:
 *
 * Writes the organisation's name, industry, website and research notes.
 */
void
rapport_organisation_save_async (RapportContactStore *store,
                                 RapportOrganisation *organisation,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  RapportOrganisation *copy;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));
  g_return_if_fail (RAPPORT_IS_ORGANISATION (organisation));

  copy = rapport_organisation_new ();
  copy->id = organisation->id;
  rapport_organisation_set_name (copy, organisation->name);
  rapport_organisation_set_industry (copy, organisation->industry);
  rapport_organisation_set_website (copy, organisation->website);
  rapport_organisation_set_notes (copy, organisation->notes);

  run (store, RAPPORT_DB_RUN_WRITE, save_func, copy, g_object_unref, NULL,
       rapport_organisation_save_async, cancellable, callback, user_data);
}

gboolean
rapport_organisation_save_finish (RapportContactStore  *store,
                                  GAsyncResult         *result,
                                  GError              **error)
{
  return rapport_db_run_finish_boolean (store, result, rapport_organisation_save_async, error);
}

/**
 * rapport_organisation_for_contact_async:
 *
 * Loads the organisation @contact_id works for.
 */
void
rapport_organisation_for_contact_async (RapportContactStore *store,
                                        gint64               contact_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));

  run (store, RAPPORT_DB_RUN_READ, for_contact_func, g_memdup2 (&contact_id, sizeof contact_id), g_free,
       g_object_unref, rapport_organisation_for_contact_async, cancellable, callback, user_data);
}

/**
 * rapport_organisation_for_contact_finish:
 *
 * Returns: (transfer full): the organisation, or one with id 0 when the
 *   contact works for none
 */
RapportOrganisation *
rapport_organisation_for_contact_finish (RapportContactStore  *store,
                                         GAsyncResult         *result,
                                         GError              **error)
{
  return rapport_db_run_finish (store, result, rapport_organisation_for_contact_async, error);
}

/**
 * rapport_organisation_save_notes_async:
 *
 * Writes only the research notes of @organisation_id, so that notes typed
 * while preparing a meeting never undo a rename made meanwhile.
 */
void
rapport_organisation_save_notes_async (RapportContactStore *store,
                                       gint64               organisation_id,
                                       const char          *notes,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  RapportOrganisation *data;

  g_return_if_fail (RAPPORT_IS_CONTACT_STORE (store));
  g_return_if_fail (organisation_id > 0);

  data = rapport_organisation_new ();
  data->id = organisation_id;
  rapport_organisation_set_notes (data, notes);

  run (store, RAPPORT_DB_RUN_WRITE, save_notes_func, data, g_object_unref, NULL,
       rapport_organisation_save_notes_async, cancellable, callback, user_data);
}

gboolean
rapport_organisation_save_notes_finish (RapportContactStore  *store,
                                        GAsyncResult         *result,
                                        GError              **error)
{
  return rapport_db_run_finish_boolean (store, result, rapport_organisation_save_notes_async, error);
}

/* }}} */
