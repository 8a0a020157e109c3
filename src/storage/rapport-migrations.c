/* rapport-migrations.c
 *
 * Copyright 2026 The Rapport Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rapport-migrations.h"

/* The schema, one step at a time. Step N (counting from 1) moves a database
 * from user_version N-1 to N inside one transaction. Released steps are
 * never edited: a change to the schema is always a new step at the end.
 */
static const char * const migrations[] = {
  /* 1: bookkeeping that later steps and backups rely on. */
  "CREATE TABLE meta ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT"
  ") WITHOUT ROWID;"
  "INSERT INTO meta (key, value) VALUES ('created', strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'));",
};

const char * const *
rapport_migrations_get (guint *n_migrations)
{
  g_return_val_if_fail (n_migrations != NULL, NULL);

  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
