/* rapport-target-sql.h -- the target list's queries, run on the database worker
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rapport-database.h"
#include "rapport-target.h"

G_BEGIN_DECLS

typedef struct
{
  gint64             organisation_id;
  RapportTargetField field;
  int                value;
} RapportTargetChange;

RapportTarget *rapport_target_new                   (gint64             organisation_id,
                                                     const char        *name,
                                                     guint              motivation,
                                                     guint              posting,
                                                     gboolean           advocacy,
                                                     gboolean           advocacy_derived,
                                                     RapportTargetStage stage,
                                                     guint              n_people,
                                                     RapportTargetStep  step,
                                                     const char        *step_person);

gpointer       rapport_target_sql_list              (RapportDatabase  *db,
                                                     gpointer          data,
                                                     GError          **error);
gpointer       rapport_target_sql_add_names         (RapportDatabase  *db,
                                                     gpointer          data,
                                                     GError          **error);
gpointer       rapport_target_sql_add_from_contacts (RapportDatabase  *db,
                                                     gpointer          data,
                                                     GError          **error);
gpointer       rapport_target_sql_set               (RapportDatabase  *db,
                                                     gpointer          data,
                                                     GError          **error);
gpointer       rapport_target_sql_remove            (RapportDatabase  *db,
                                                     gpointer          data,
                                                     GError          **error);

G_END_DECLS
