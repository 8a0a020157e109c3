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

  /* 2: contacts, organisations, tags and the timeline. Times are Unix
   * seconds in UTC. A deleted contact is first only marked "trashed", so
   * that Undo can bring it back whole; it is removed for good later. */
  "CREATE TABLE organisation ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL,"
  "  name_key    TEXT NOT NULL UNIQUE,"
  "  industry    TEXT NOT NULL DEFAULT '',"
  "  website     TEXT NOT NULL DEFAULT '',"
  "  notes       TEXT NOT NULL DEFAULT '',"
  "  created_at  INTEGER NOT NULL,"
  "  updated_at  INTEGER NOT NULL"
  ");"
  "CREATE TABLE contact ("
  "  id              INTEGER PRIMARY KEY,"
  "  display_name    TEXT NOT NULL,"
  "  given_name      TEXT NOT NULL DEFAULT '',"
  "  family_name     TEXT NOT NULL DEFAULT '',"
  "  sort_key        TEXT NOT NULL,"
  "  role            TEXT NOT NULL DEFAULT '',"
  "  organisation_id INTEGER REFERENCES organisation (id) ON DELETE SET NULL,"
  "  profile_url     TEXT NOT NULL DEFAULT '',"
  "  location        TEXT NOT NULL DEFAULT '',"
  "  source          TEXT NOT NULL DEFAULT '',"
  "  notes           TEXT NOT NULL DEFAULT '',"
  "  referred_by     INTEGER REFERENCES contact (id) ON DELETE SET NULL,"
  "  stage           INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 8),"
  "  last_contacted  INTEGER,"
  "  trashed         INTEGER NOT NULL DEFAULT 0,"
  "  created_at      INTEGER NOT NULL,"
  "  updated_at      INTEGER NOT NULL"
  ");"
  "CREATE INDEX contact_by_name ON contact (trashed, sort_key);"
  "CREATE INDEX contact_by_last_contacted ON contact (trashed, last_contacted DESC, sort_key);"
  "CREATE INDEX contact_by_stage ON contact (trashed, stage, sort_key);"
  "CREATE INDEX contact_by_organisation ON contact (organisation_id);"
  "CREATE INDEX contact_by_referrer ON contact (referred_by);"
  "CREATE TABLE contact_email ("
  "  contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,"
  "  position   INTEGER NOT NULL,"
  "  address    TEXT NOT NULL,"
  "  PRIMARY KEY (contact_id, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX contact_email_by_address ON contact_email (address COLLATE NOCASE);"
  "CREATE TABLE contact_phone ("
  "  contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,"
  "  position   INTEGER NOT NULL,"
  "  number     TEXT NOT NULL,"
  "  PRIMARY KEY (contact_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE tag ("
  "  id   INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE"
  ");"
  "CREATE TABLE contact_tag ("
  "  contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,"
  "  tag_id     INTEGER NOT NULL REFERENCES tag (id) ON DELETE CASCADE,"
  "  position   INTEGER NOT NULL,"
  "  PRIMARY KEY (contact_id, tag_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX contact_tag_by_tag ON contact_tag (tag_id);"
  "CREATE TABLE interaction ("
  "  id          INTEGER PRIMARY KEY,"
  "  contact_id  INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,"
  "  kind        INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 8),"
  "  happened_at INTEGER NOT NULL,"
  "  summary     TEXT NOT NULL,"
  "  body        TEXT NOT NULL DEFAULT '',"
  "  created_at  INTEGER NOT NULL,"
  "  updated_at  INTEGER NOT NULL"
  ");"
  "CREATE INDEX interaction_by_contact ON interaction (contact_id, happened_at DESC);"
  /* "Last contacted" is derived from the timeline, never typed: these keep
   * the column (which the list sorts on) equal to the newest entry of a kind
   * that means being in touch (see rapport_interaction_kind_is_contact). */
  "CREATE TRIGGER interaction_inserted AFTER INSERT ON interaction BEGIN"
  "  UPDATE contact SET last_contacted = (SELECT max (happened_at) FROM interaction"
  "    WHERE contact_id = NEW.contact_id AND kind IN (0, 1, 2, 3, 4, 6)) WHERE id = NEW.contact_id;"
  "END;"
  "CREATE TRIGGER interaction_updated AFTER UPDATE ON interaction BEGIN"
  "  UPDATE contact SET last_contacted = (SELECT max (happened_at) FROM interaction"
  "    WHERE contact_id = NEW.contact_id AND kind IN (0, 1, 2, 3, 4, 6)) WHERE id = NEW.contact_id;"
  "END;"
  "CREATE TRIGGER interaction_deleted AFTER DELETE ON interaction BEGIN"
  "  UPDATE contact SET last_contacted = (SELECT max (happened_at) FROM interaction"
  "    WHERE contact_id = OLD.contact_id AND kind IN (0, 1, 2, 3, 4, 6)) WHERE id = OLD.contact_id;"
  "END;"
  /* The search index holds its own copy of the text, one row per contact
   * (rowid = contact id), rewritten by the store whenever a contact, its
   * organisation or its timeline changes. */
  "CREATE VIRTUAL TABLE contact_search USING fts5 ("
  "  name, organisation, role, emails, tags, notes, timeline,"
  "  tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'"
  ");",
};

const char * const *
rapport_migrations_get (guint *n_migrations)
{
  g_return_val_if_fail (n_migrations != NULL, NULL);

  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
