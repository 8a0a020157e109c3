/* rapport-backup.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rapport-database.h"

G_BEGIN_DECLS

/* How many backups are kept; older ones go once a newer one is written. */
#define RAPPORT_BACKUP_KEEP 7

typedef struct
{
  char      *path;
  GDateTime *time;   /* from the file name, local time */
  goffset    size;
} RapportBackup;

void           rapport_backup_free          (RapportBackup    *backup);
char          *rapport_backup_dup_folder    (const char       *database_path);
char          *rapport_backup_build_path    (const char       *folder,
                                             GDateTime        *time);
GDateTime     *rapport_backup_parse_time    (const char       *basename);
GPtrArray     *rapport_backup_list          (const char       *folder,
                                             GError          **error);
gboolean       rapport_backup_is_due        (GPtrArray        *backups,
                                             GDateTime        *now);
char          *rapport_backup_format_date   (GDateTime        *time,
                                             GDateTime        *now);
char          *rapport_backup_describe_time (GDateTime        *time,
                                             GDateTime        *now);

RapportBackup *rapport_backup_create        (RapportDatabase  *database,
                                             GDateTime        *time,
                                             GError          **error);
void           rapport_backup_create_async  (RapportDatabase  *database,
                                             GDateTime        *time,
                                             gboolean          only_if_due,
                                             GCancellable     *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer          user_data);
RapportBackup *rapport_backup_create_finish (RapportDatabase  *database,
                                             GAsyncResult     *result,
                                             GError          **error);
void           rapport_backup_list_async    (RapportDatabase  *database,
                                             GCancellable     *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer          user_data);
GPtrArray     *rapport_backup_list_finish   (RapportDatabase  *database,
                                             GAsyncResult     *result,
                                             GError          **error);
gboolean       rapport_backup_restore       (RapportDatabase  *database,
                                             const char       *backup_path,
                                             GDateTime        *time,
                                             char            **kept_path,
                                             GError          **error);
void           rapport_backup_restore_async (RapportDatabase  *database,
                                             const char       *backup_path,
                                             GCancellable     *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer          user_data);
gboolean       rapport_backup_restore_finish (RapportDatabase *database,
                                              GAsyncResult    *result,
                                              char           **kept_path,
                                              GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportBackup, rapport_backup_free)

G_END_DECLS
