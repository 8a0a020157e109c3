/* rapport-backup-private.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-backup.h"

G_BEGIN_DECLS

/* Backups live in a folder next to the database, one file each, named after
 * the local time they were taken: rapport-2026-11-20T091200.db. The name,
 * not the file's mtime, is the backup's time, so copying the folder keeps
 * the order. */
#define RAPPORT_BACKUP_NAME_PREFIX "rapport-"
#define RAPPORT_BACKUP_NAME_SUFFIX ".db"

RapportBackup *_rapport_backup_new (const char *path,
                                    GDateTime  *time);

G_END_DECLS
