/* rapport-backup-names.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What a backup is called, when it was made, and which there are: plain
 * functions of names, times and the folder, for any thread. */

#define G_LOG_DOMAIN "rapport-backup"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rapport-backup.h"
#include "rapport-backup-private.h"

/* Helpers {{{ */

void
rapport_backup_free (RapportBackup *backup)
{
  if (backup == NULL)
    return;

  g_free (backup->path);
  g_clear_pointer (&backup->time, g_date_time_unref);
  g_free (backup);
}

RapportBackup *
_rapport_backup_new (const char *path,
            GDateTime  *time)
{
  RapportBackup *backup = g_new0 (RapportBackup, 1);
  GStatBuf st;

  backup->path = g_strdup (path);
  backup->time = g_date_time_ref (time);
  if (g_stat (path, &st) == 0)
    backup->size = st.st_size;
  return backup;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const RapportBackup *x = *(RapportBackup **) a;
  const RapportBackup *y = *(RapportBackup **) b;
  int ret = g_date_time_compare (y->time, x->time);

  return ret != 0 ? ret : g_strcmp0 (y->path, x->path);
}

/* }}} */
/* Names, times and lists {{{ */

/**
 * rapport_backup_dup_folder:
 *
 * Returns: (transfer full): the folder of the backups of the database at
 *   @database_path
 */
char *
rapport_backup_dup_folder (const char *database_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);

  dir = g_path_get_dirname (database_path);
  return g_build_filename (dir, "backups", NULL);
}

/**
 * rapport_backup_build_path:
 *
 * Returns: (transfer full): a path in @folder for a backup taken at @time
 *   that no file has yet
 */
char *
rapport_backup_build_path (const char *folder,
                           GDateTime  *time)
{
  g_autofree char *stamp = NULL;
  char *path;

  g_return_val_if_fail (folder != NULL, NULL);
  g_return_val_if_fail (time != NULL, NULL);

  stamp = g_date_time_format (time, "%Y-%m-%dT%H%M%S");
  path = g_strdup_printf ("%s/" RAPPORT_BACKUP_NAME_PREFIX "%s" RAPPORT_BACKUP_NAME_SUFFIX, folder, stamp);
  for (guint i = 2; g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_free (path);
      path = g_strdup_printf ("%s/" RAPPORT_BACKUP_NAME_PREFIX "%s-%u" RAPPORT_BACKUP_NAME_SUFFIX, folder, stamp, i);
    }

  return path;
}

/**
 * rapport_backup_parse_time:
 *
 * Returns: (transfer full) (nullable): the local time in a backup's file
 *   name, or %NULL if @basename is not the name of a backup
 */
GDateTime *
rapport_backup_parse_time (const char *basename)
{
  int year, month, day, hour, minute, second;
  int end = 0;

  g_return_val_if_fail (basename != NULL, NULL);

  if (!g_str_has_suffix (basename, RAPPORT_BACKUP_NAME_SUFFIX) ||
      sscanf (basename, RAPPORT_BACKUP_NAME_PREFIX "%4d-%2d-%2dT%2d%2d%2d%n",
              &year, &month, &day, &hour, &minute, &second, &end) != 6 ||
      end != (int) strlen (RAPPORT_BACKUP_NAME_PREFIX "YYYY-MM-DDTHHMMSS"))
    return NULL;

  return g_date_time_new_local (year, month, day, hour, minute, second);
}

/**
 * rapport_backup_list:
 *
 * Reads the folder; any thread.
 *
 * Returns: (transfer full) (element-type RapportBackup): the backups in
 *   @folder, newest first; empty if the folder does not exist
 */
GPtrArray *
rapport_backup_list (const char  *folder,
                     GError     **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_backup_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (folder != NULL, NULL);

  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);

      g_set_error (error, RAPPORT_DATABASE_ERROR, RAPPORT_DATABASE_ERROR_ACCESS,
                   _("Could not read the backups: %s"), local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(GDateTime) time = rapport_backup_parse_time (name);
      g_autofree char *path = NULL;

      if (time == NULL)
        continue;

      path = g_build_filename (folder, name, NULL);
      g_ptr_array_add (backups, _rapport_backup_new (path, time));
    }

  g_ptr_array_sort (backups, compare_newest_first);
  return g_steal_pointer (&backups);
}

/**
 * rapport_backup_is_due:
 * @backups: (nullable): as from rapport_backup_list()
 *
 * Returns: whether a daily backup is due at @now: there is none, or the
 *   newest is a day old (or, after a clock change, a day in the future)
 */
gboolean
rapport_backup_is_due (GPtrArray *backups,
                       GDateTime *now)
{
  RapportBackup *newest;
  GTimeSpan age;

  g_return_val_if_fail (now != NULL, FALSE);

  if (backups == NULL || backups->len == 0)
    return TRUE;

  newest = g_ptr_array_index (backups, 0);
  age = g_date_time_difference (now, newest->time);
  return age >= G_TIME_SPAN_DAY || age <= -G_TIME_SPAN_DAY;
}

/**
 * rapport_backup_format_date:
 *
 * Returns: (transfer full): "20 November at 09:12", with the year when it
 *   is not that of @now
 */
char *
rapport_backup_format_date (GDateTime *time,
                            GDateTime *now)
{
  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (g_date_time_get_year (time) == g_date_time_get_year (now))
    /* Translators: a date and time for g_date_time_format(), e.g. "20 November at 09:12" */
    return g_date_time_format (time, _("%-d %B at %H:%M"));
  else
    /* Translators: a date and time for g_date_time_format(), e.g. "20 November 2025 at 09:12" */
    return g_date_time_format (time, _("%-d %B %Y at %H:%M"));
}

/**
 * rapport_backup_describe_time:
 *
 * Returns: (transfer full): "Today at 09:12", "Yesterday at 09:12" or as
 *   rapport_backup_format_date()
 */
char *
rapport_backup_describe_time (GDateTime *time,
                              GDateTime *now)
{
  g_autoptr(GDateTime) yesterday = NULL;
  g_autofree char *clock = NULL;

  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  clock = g_date_time_format (time, "%H:%M");
  yesterday = g_date_time_add_days (now, -1);

  if (g_date_time_get_year (time) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (now))
    /* Translators: %s is a time of day, e.g. "Today at 09:12" */
    return g_strdup_printf (_("Today at %s"), clock);

  if (g_date_time_get_year (time) == g_date_time_get_year (yesterday) &&
      g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (yesterday))
    /* Translators: %s is a time of day, e.g. "Yesterday at 09:12" */
    return g_strdup_printf (_("Yesterday at %s"), clock);

  return rapport_backup_format_date (time, now);
}

/* }}} */
