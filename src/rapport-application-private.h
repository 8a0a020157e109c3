/* rapport-application-private.h
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-application.h"

G_BEGIN_DECLS

/* rapport-application.c, for rapport-application-backups.c */
GCancellable *_rapport_application_get_cancellable      (RapportApplication *self);
void          _rapport_application_set_latest_backup    (RapportApplication *self,
                                                         const char         *path);
void          _rapport_application_emit_backups_changed (RapportApplication *self);
void          _rapport_application_database_restored   (RapportApplication *self);
void          _rapport_application_set_database_error   (RapportApplication *self,
                                                         const GError       *error);

/* rapport-application-backups.c */
void          _rapport_application_add_backup_actions   (RapportApplication *self);
void          _rapport_application_back_up_if_due       (RapportApplication *self);
void          _rapport_application_find_latest_backup   (RapportApplication *self);

G_END_DECLS
