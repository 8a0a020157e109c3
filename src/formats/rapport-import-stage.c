/* rapport-import-stage.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rapport-import-stage"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>

#include "rapport-import-private.h"
#include "rapport-private-files.h"

/*
 * The rows of a file being imported wait here, on disk, between the reading
 * and the import: a 200 MB file held as contacts took over a gigabyte. A
 * scratch database of its own rather than a TEMP table of the user's, since
 * the file is read on a thread of its own while the database worker goes on
 * with other work. Nothing in it needs to survive a crash, so it keeps no
 * journal and never syncs; it is private data all the same (0600, in a 0700
 * folder) and deleted as soon as the import is done with.
 */

/* The page cache, bounded whatever the file: a few megabytes. */
#define CACHE_KIB 8192

struct _RapportImportStage
{
  sqlite3      *db;
  sqlite3_stmt *insert;
  char         *path;
  guint         n_keys;
};

static gboolean
set_error (RapportImportStage  *self,
           GError             **error)
{
  int code = sqlite3_errcode (self->db);

  if (code == SQLITE_FULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                         _("There is not enough free disk space to read the file"));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 /* Translators: %s is SQLite's description of what failed */
                 _("Could not keep the file’s contacts while reading it: %s"), sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec (RapportImportStage  *self,
      const char          *sql,
      GError             **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_error (self, error);
  return TRUE;
}

/* A scratch file whose import was cut short (Rapport killed, a crash) is
 * deleted by the next import: its name says which process it was for. */
static void
delete_abandoned (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      guint64 pid;
      char *end;

      if (!g_str_has_prefix (name, "import-") || !g_str_has_suffix (name, ".db"))
        continue;

      pid = g_ascii_strtoull (name + strlen ("import-"), &end, 10);
      if (end == name + strlen ("import-") || *end != '-' || pid == 0 || pid > G_MAXINT)
        continue;

      if (kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);

          g_debug ("Deleting %s, left by an import that was cut short", path);
          g_unlink (path);
        }
    }
}

RapportImportStage *
_rapport_import_stage_new (GError **error)
{
  g_autoptr(RapportImportStage) self = g_new0 (RapportImportStage, 1);
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "rapport", NULL);
  int saved_errno;
  int fd;

  if ((saved_errno = rapport_private_folder_ensure (folder, NULL)) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), folder, g_strerror (saved_errno));
      return NULL;
    }

  delete_abandoned (folder);

  {
    g_autofree char *name = g_strdup_printf ("import-%d-XXXXXX.db", (int) getpid ());

    self->path = g_build_filename (folder, name, NULL);
  }
  if ((fd = g_mkstemp_full (self->path, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the file %s: %s"), self->path, g_strerror (saved_errno));
      g_clear_pointer (&self->path, g_free);
      return NULL;
    }
  close (fd);

  /* FULLMUTEX: the preview (on the database worker) and a new column
   * mapping (on a thread of its own) may read at the same time. */
  if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK)
    {
      set_error (self, error);
      return NULL;
    }

  /* EXCLUSIVE: this connection is the file's only one, so it need not
   * take and release a file lock for every statement. */
  if (!exec (self, "PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                   "PRAGMA cache_size = -" G_STRINGIFY (CACHE_KIB) "; PRAGMA temp_store = FILE; "
                   "CREATE TABLE records (n INTEGER PRIMARY KEY, data BLOB NOT NULL); BEGIN", error))
    return NULL;

  if (sqlite3_prepare_v2 (self->db, "INSERT INTO records (data) VALUES (?)", -1, &self->insert, NULL) != SQLITE_OK)
    {
      set_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
_rapport_import_stage_free (RapportImportStage *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->insert, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  if (self->path != NULL)
    g_unlink (self->path);
  g_free (self->path);
  g_free (self);
}

/* Adds @record (floating references are sunk) after the others. */
gboolean
_rapport_import_stage_add (RapportImportStage  *self,
                           GVariant            *record,
                           GError             **error)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (record);
  gboolean ok;

  sqlite3_bind_blob (self->insert, 1, g_variant_get_data (owned), g_variant_get_size (owned), SQLITE_STATIC);
  ok = sqlite3_step (self->insert) == SQLITE_DONE;
  sqlite3_reset (self->insert);
  sqlite3_clear_bindings (self->insert);

  return ok || set_error (self, error);
}

/* Ends the writing: the records are read from now on. */
gboolean
_rapport_import_stage_commit (RapportImportStage  *self,
                              GError             **error)
{
  g_clear_pointer (&self->insert, sqlite3_finalize);
  return exec (self, "COMMIT", error);
}

/* Calls @func on each record, as a variant of @type, in the order added. */
gboolean
_rapport_import_stage_foreach (RapportImportStage      *self,
                               const GVariantType      *type,
                               RapportImportStageFunc   func,
                               gpointer                 user_data,
                               GCancellable            *cancellable,
                               GError                 **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  guint n = 0;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT data FROM records ORDER BY n", -1, &stmt, NULL) != SQLITE_OK)
    return set_error (self, error);

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      g_autoptr(GVariant) record = g_variant_ref_sink (g_variant_new_from_bytes (type, bytes, FALSE));

      if (++n % RAPPORT_IMPORT_CANCEL_LINES == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else
        ok = func (record, user_data, error);
    }

  if (ok && rc != SQLITE_DONE)
    ok = set_error (self, error);
  sqlite3_finalize (stmt);

  return ok;
}

/*
 * A set of keys (a contact's addresses, its name with its organisation) on
 * disk, for telling which rows repeat an earlier one: a million of them in
 * a hash table would take a hundred megabytes. Each preview has a set of
 * its own, since a new one may begin before the last has noticed Cancel.
 */
struct _RapportImportKeys
{
  RapportImportStage *stage;
  sqlite3_stmt       *insert;
  guint               number;
  guint               n_added;
};

/* Keys are added in batches of this many to a transaction: one each would
 * write the file a million times. Two previews at once share the batch,
 * which is harmless, since nothing here is ever rolled back. */
#define KEYS_BATCH 10000

static void
end_batch (RapportImportKeys *self)
{
  if (!sqlite3_get_autocommit (self->stage->db))
    sqlite3_exec (self->stage->db, "COMMIT", NULL, NULL, NULL);
}

RapportImportKeys *
_rapport_import_keys_new (RapportImportStage  *stage,
                          GError             **error)
{
  g_autoptr(RapportImportKeys) self = g_new0 (RapportImportKeys, 1);
  g_autofree char *create = NULL;
  g_autofree char *insert = NULL;

  self->number = g_atomic_int_add (&stage->n_keys, 1) + 1;
  create = g_strdup_printf ("CREATE TABLE keys_%u (key TEXT PRIMARY KEY) WITHOUT ROWID", self->number);
  insert = g_strdup_printf ("INSERT OR IGNORE INTO keys_%u VALUES (?)", self->number);

  if (!exec (stage, create, error))
    return NULL;
  self->stage = stage;

  if (sqlite3_prepare_v2 (stage->db, insert, -1, &self->insert, NULL) != SQLITE_OK)
    {
      set_error (stage, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
_rapport_import_keys_free (RapportImportKeys *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->insert, sqlite3_finalize);
  if (self->stage != NULL)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TABLE IF EXISTS keys_%u", self->number);

      end_batch (self);
      sqlite3_exec (self->stage->db, drop, NULL, NULL, NULL);
    }
  g_free (self);
}

/* Returns: 1 if @key is new to the set, 0 if it was there, -1 on error. */
int
_rapport_import_keys_add (RapportImportKeys  *self,
                          const char         *key,
                          GError            **error)
{
  int ret = -1;

  if (self->n_added++ % KEYS_BATCH == 0)
    {
      end_batch (self);
      sqlite3_exec (self->stage->db, "BEGIN", NULL, NULL, NULL);
    }

  sqlite3_bind_text (self->insert, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (self->insert) == SQLITE_DONE)
    ret = sqlite3_changes (self->stage->db) > 0 ? 1 : 0;
  else
    set_error (self->stage, error);
  sqlite3_reset (self->insert);
  sqlite3_clear_bindings (self->insert);

  return ret;
}

/* Contacts as records {{{ */

/*
 * A contact read from a vCard file is staged as its properties, by name:
 * everything a contact holds is one of its properties, so nothing is lost
 * and nothing here needs to change when a field is added.
 */
GVariant *
_rapport_import_contact_to_variant (RapportContact *contact)
{
  g_autofree GParamSpec **pspecs = NULL;
  GVariantBuilder builder;
  guint n;

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (contact), &n);

  for (guint i = 0; i < n; i++)
    {
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspecs[i]);
      g_auto(GValue) value = G_VALUE_INIT;
      GVariant *v = NULL;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;

      g_value_init (&value, type);
      g_object_get_property (G_OBJECT (contact), pspecs[i]->name, &value);

      if (type == G_TYPE_STRING)
        v = g_variant_new_string (g_value_get_string (&value) ? g_value_get_string (&value) : "");
      else if (type == G_TYPE_STRV)
        v = g_variant_new_strv (g_value_get_boxed (&value) ? g_value_get_boxed (&value) : (gpointer) (const char *[]) { NULL }, -1);
      else if (type == G_TYPE_DATE_TIME)
        {
          g_autofree char *iso = g_value_get_boxed (&value) ? g_date_time_format_iso8601 (g_value_get_boxed (&value)) : NULL;

          if (iso != NULL)
            v = g_variant_new_string (iso);
        }
      else if (type == G_TYPE_INT64)
        v = g_variant_new_int64 (g_value_get_int64 (&value));
      else if (type == G_TYPE_INT)
        v = g_variant_new_int32 (g_value_get_int (&value));
      else if (type == G_TYPE_BOOLEAN)
        v = g_variant_new_boolean (g_value_get_boolean (&value));
      else if (G_TYPE_IS_ENUM (type))
        v = g_variant_new_int32 (g_value_get_enum (&value));
      else
        g_assert_not_reached ();

      if (v != NULL)
        g_variant_builder_add (&builder, "{sv}", pspecs[i]->name, v);
    }

  return g_variant_builder_end (&builder);
}

RapportContact *
_rapport_import_contact_from_variant (GVariant *variant)
{
  RapportContact *contact = _rapport_import_new_contact ();
  GObjectClass *klass = G_OBJECT_GET_CLASS (contact);
  GVariantIter iter;
  const char *name;
  GVariant *v;

  g_variant_iter_init (&iter, variant);
  while (g_variant_iter_loop (&iter, "{&sv}", &name, &v))
    {
      GParamSpec *pspec = g_object_class_find_property (klass, name);
      g_auto(GValue) value = G_VALUE_INIT;
      GType type;

      if (pspec == NULL)
        continue;

      type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_value_init (&value, type);

      if (type == G_TYPE_STRING && g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
        g_value_set_string (&value, g_variant_get_string (v, NULL));
      else if (type == G_TYPE_STRV && g_variant_is_of_type (v, G_VARIANT_TYPE_STRING_ARRAY))
        g_value_take_boxed (&value, g_variant_dup_strv (v, NULL));
      else if (type == G_TYPE_DATE_TIME && g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
        g_value_take_boxed (&value, g_date_time_new_from_iso8601 (g_variant_get_string (v, NULL), NULL));
      else if (type == G_TYPE_INT64 && g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
        g_value_set_int64 (&value, g_variant_get_int64 (v));
      else if (type == G_TYPE_INT && g_variant_is_of_type (v, G_VARIANT_TYPE_INT32))
        g_value_set_int (&value, g_variant_get_int32 (v));
      else if (type == G_TYPE_BOOLEAN && g_variant_is_of_type (v, G_VARIANT_TYPE_BOOLEAN))
        g_value_set_boolean (&value, g_variant_get_boolean (v));
      else if (G_TYPE_IS_ENUM (type) && g_variant_is_of_type (v, G_VARIANT_TYPE_INT32))
        g_value_set_enum (&value, g_variant_get_int32 (v));
      else
        continue;

      g_object_set_property (G_OBJECT (contact), name, &value);
    }

  return contact;
}

/* }}} */
