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

  /* 3: the question bank, meetings and what was asked and heard in them.
   *
   * A built-in category or question has a seed_key and an empty text until
   * the user edits it, so that it is shown in the user's language of the
   * day. Every key ever seeded stays in question_seed, also after the user
   * deletes the question: a deleted seed never comes back on upgrade.
   *
   * A meeting's questions are copied from the bank when picked (text), so
   * that the record of a meeting never changes when the bank does; the link
   * back (question_id) counts how often a question was used. */
  "CREATE TABLE question_seed ("
  "  seed_key TEXT PRIMARY KEY NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE question_category ("
  "  id         INTEGER PRIMARY KEY,"
  "  seed_key   TEXT UNIQUE,"
  "  name       TEXT NOT NULL DEFAULT '',"
  "  position   INTEGER NOT NULL"
  ");"
  "CREATE TABLE question ("
  "  id          INTEGER PRIMARY KEY,"
  "  category_id INTEGER NOT NULL REFERENCES question_category (id) ON DELETE RESTRICT,"
  "  seed_key    TEXT UNIQUE,"
  "  text        TEXT NOT NULL DEFAULT '',"
  "  position    INTEGER NOT NULL,"
  "  starred     INTEGER NOT NULL DEFAULT 0,"
  "  created_at  INTEGER NOT NULL,"
  "  updated_at  INTEGER NOT NULL"
  ");"
  "CREATE INDEX question_by_category ON question (category_id, position);"
  /* Times are Unix seconds in UTC; the length is in minutes. status is a
   * RapportMeetingStatus. started_at and ended_at are when the user really
   * started and ended it with the timer; keep_in_touch_at is the date picked
   * on the outcome sheet, which the reminders read. */
  "CREATE TABLE meeting ("
  "  id               INTEGER PRIMARY KEY,"
  "  contact_id       INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,"
  "  starts_at        INTEGER NOT NULL,"
  "  duration         INTEGER NOT NULL CHECK (duration BETWEEN 1 AND 1440),"
  "  place            TEXT NOT NULL DEFAULT '',"
  "  purpose          TEXT NOT NULL DEFAULT '',"
  "  status           INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 4),"
  "  notes            TEXT NOT NULL DEFAULT '',"
  "  agenda_done      INTEGER NOT NULL DEFAULT 0,"
  "  summary          TEXT NOT NULL DEFAULT '',"
  "  next_steps       TEXT NOT NULL DEFAULT '',"
  "  started_at       INTEGER,"
  "  ended_at         INTEGER,"
  "  keep_in_touch_at INTEGER,"
  "  created_at       INTEGER NOT NULL,"
  "  updated_at       INTEGER NOT NULL"
  ");"
  "CREATE INDEX meeting_by_start ON meeting (starts_at);"
  "CREATE INDEX meeting_by_contact ON meeting (contact_id, starts_at DESC);"
  "CREATE TABLE meeting_question ("
  "  id          INTEGER PRIMARY KEY,"
  "  meeting_id  INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
  "  question_id INTEGER REFERENCES question (id) ON DELETE SET NULL,"
  "  text        TEXT NOT NULL,"
  "  position    INTEGER NOT NULL,"
  "  answer      TEXT NOT NULL DEFAULT ''"
  ");"
  "CREATE INDEX meeting_question_by_meeting ON meeting_question (meeting_id, position);"
  "CREATE INDEX meeting_question_by_question ON meeting_question (question_id);"
  /* Timeline entries that a meeting wrote (scheduled, held) point back to
   * it, so that the reminders can tell which meeting an entry is about. */
  "ALTER TABLE interaction ADD COLUMN meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL;"
  "CREATE INDEX interaction_by_meeting ON interaction (meeting_id) WHERE meeting_id IS NOT NULL;",

  /* 4: reminders. Most are derived from the timeline and the meetings
   * (rapport-reminder-rules.c) and kept here so that their state (done,
   * dismissed, snoozed, notified) survives re-deriving: a derived reminder
   * has a stable, unique key naming its cause; the user's own have none.
   * kind is a RapportReminderKind, state a RapportReminderState.
   *
   * next_at is when the reminder is to be shown next, and NULL once it has
   * been shown or dealt with: the scheduler's "what is next" is then one
   * step down the partial index. It is computed by SQLite, so that no write
   * path can forget it.
   *
   * Writes mark the contacts whose reminders they may change in
   * reminder_dirty (by the triggers below); the transaction derives those
   * contacts again before it commits (rapport_sql_commit_or_rollback).
   * Every contact starts dirty, for databases that had no reminders yet. */
  "CREATE TABLE reminder ("
  "  id            INTEGER PRIMARY KEY,"
  "  key           TEXT UNIQUE,"
  "  kind          INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 7),"
  "  contact_id    INTEGER REFERENCES contact (id) ON DELETE CASCADE,"
  "  meeting_id    INTEGER REFERENCES meeting (id) ON DELETE CASCADE,"
  "  series        INTEGER NOT NULL DEFAULT 0,"
  "  sequence      INTEGER NOT NULL DEFAULT 0,"
  "  due_at        INTEGER NOT NULL,"
  "  state         INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),"
  "  snoozed_until INTEGER,"
  "  notified_at   INTEGER,"
  "  text          TEXT NOT NULL DEFAULT '',"
  "  created_at    INTEGER NOT NULL,"
  "  updated_at    INTEGER NOT NULL,"
  "  next_at       INTEGER GENERATED ALWAYS AS ("
  "    CASE WHEN notified_at IS NOT NULL THEN NULL"
  "         WHEN state = 0 THEN due_at"
  "         WHEN state = 2 THEN snoozed_until END) VIRTUAL"
  ");"
  "CREATE INDEX reminder_by_next ON reminder (next_at) WHERE next_at IS NOT NULL;"
  "CREATE INDEX reminder_by_state ON reminder (state, due_at);"
  "CREATE INDEX reminder_by_contact ON reminder (contact_id);"
  "CREATE INDEX reminder_by_meeting ON reminder (meeting_id) WHERE meeting_id IS NOT NULL;"
  /* No key: "OR IGNORE" in a trigger is overridden by the statement that
   * fired it (a foreign key's cascade, say), so repeats are let in and
   * read with DISTINCT. */
  "CREATE TABLE reminder_dirty ("
  "  contact_id INTEGER NOT NULL"
  ");"
  "INSERT INTO reminder_dirty (contact_id) SELECT id FROM contact;"
  /* Plain notes change no reminder, and imports write many of them. */
  "CREATE TRIGGER reminder_interaction_inserted AFTER INSERT ON interaction"
  "  WHEN NEW.kind != 5 OR NEW.meeting_id IS NOT NULL BEGIN"
  "  INSERT INTO reminder_dirty (contact_id) VALUES (NEW.contact_id);"
  "END;"
  "CREATE TRIGGER reminder_interaction_updated AFTER UPDATE OF kind, happened_at, meeting_id, contact_id"
  "  ON interaction BEGIN"
  "  INSERT INTO reminder_dirty (contact_id) VALUES (OLD.contact_id), (NEW.contact_id);"
  "END;"
  "CREATE TRIGGER reminder_interaction_deleted AFTER DELETE ON interaction BEGIN"
  "  INSERT INTO reminder_dirty (contact_id) VALUES (OLD.contact_id);"
  "END;"
  "CREATE TRIGGER reminder_contact_updated AFTER UPDATE OF stage, trashed, referred_by ON contact BEGIN"
  "  INSERT INTO reminder_dirty (contact_id) VALUES (NEW.id);"
  "END;"
  "CREATE TRIGGER reminder_meeting_inserted AFTER INSERT ON meeting BEGIN"
  "  INSERT INTO reminder_dirty (contact_id) VALUES (NEW.contact_id);"
  "END;"
  "CREATE TRIGGER reminder_meeting_updated AFTER UPDATE OF contact_id, starts_at, duration, status,"
  "  ended_at, keep_in_touch_at ON meeting BEGIN"
  "  INSERT INTO reminder_dirty (contact_id) VALUES (OLD.contact_id), (NEW.contact_id);"
  "END;"
  "CREATE TRIGGER reminder_meeting_deleted AFTER DELETE ON meeting BEGIN"
  "  INSERT INTO reminder_dirty (contact_id) VALUES (OLD.contact_id);"
  "END;",

  /* 5: message templates and drafts (the composer).
   *
   * A built-in template lives in the code, translated at run time; a row
   * with its key holds the user's edit of it, and deleting the row resets
   * it. A row without a key is one of the user's own.
   *
   * A draft is a message that was not sent (yet), kept on the contact it
   * is about; template_key tells what it is for (a request, a thank-you).
   *
   * A message to a referrer about a contact's meeting goes on the
   * referrer's timeline, tied to that meeting: the triggers below make the
   * meeting's contact derive its reminders again too, so that its "tell the
   * referrer" reminder goes once the referrer has been told. */
  "CREATE TABLE template ("
  "  id         INTEGER PRIMARY KEY,"
  "  key        TEXT UNIQUE,"
  "  name       TEXT NOT NULL,"
  "  subject    TEXT NOT NULL DEFAULT '',"
  "  body       TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE draft ("
  "  id           INTEGER PRIMARY KEY,"
  "  contact_id   INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,"
  "  meeting_id   INTEGER REFERENCES meeting (id) ON DELETE SET NULL,"
  "  template_key TEXT NOT NULL DEFAULT '',"
  "  to_address   TEXT NOT NULL DEFAULT '',"
  "  subject      TEXT NOT NULL DEFAULT '',"
  "  body         TEXT NOT NULL DEFAULT '',"
  "  error        TEXT NOT NULL DEFAULT '',"
  "  created_at   INTEGER NOT NULL,"
  "  updated_at   INTEGER NOT NULL"
  ");"
  "CREATE INDEX draft_by_contact ON draft (contact_id, updated_at DESC);"
  "CREATE TRIGGER reminder_interaction_meeting_inserted AFTER INSERT ON interaction"
  "  WHEN NEW.meeting_id IS NOT NULL BEGIN"
  "  INSERT INTO reminder_dirty (contact_id) SELECT contact_id FROM meeting"
  "    WHERE id = NEW.meeting_id AND contact_id != NEW.contact_id;"
  "END;"
  "CREATE TRIGGER reminder_interaction_meeting_updated AFTER UPDATE OF meeting_id, contact_id ON interaction"
  "  WHEN OLD.meeting_id IS NOT NULL OR NEW.meeting_id IS NOT NULL BEGIN"
  "  INSERT INTO reminder_dirty (contact_id) SELECT contact_id FROM meeting"
  "    WHERE id IN (OLD.meeting_id, NEW.meeting_id);"
  "END;"
  "CREATE TRIGGER reminder_interaction_meeting_deleted AFTER DELETE ON interaction"
  "  WHEN OLD.meeting_id IS NOT NULL BEGIN"
  "  INSERT INTO reminder_dirty (contact_id) SELECT contact_id FROM meeting"
  "    WHERE id = OLD.meeting_id AND contact_id != OLD.contact_id;"
  "END;",

  /* 6: meetings in the user's calendar (evolution-data-server). Every
   * meeting has an event UID of its own from the start, kept for its life,
   * so that its event is updated and never duplicated. A deleted meeting
   * leaves its UID in calendar_removal until its event has been removed;
   * event_calendar names the calendar (its EDS source) the event was last
   * written to, so that an event missing from it was deleted there. */
  "ALTER TABLE meeting ADD COLUMN event_uid TEXT;"
  "ALTER TABLE meeting ADD COLUMN event_calendar TEXT NOT NULL DEFAULT '';"
  "UPDATE meeting SET event_uid = lower (hex (randomblob (16))) || '@rapport';"
  "CREATE UNIQUE INDEX meeting_by_event_uid ON meeting (event_uid);"
  "CREATE TRIGGER meeting_event_uid_given AFTER INSERT ON meeting WHEN NEW.event_uid IS NULL BEGIN"
  "  UPDATE meeting SET event_uid = lower (hex (randomblob (16))) || '@rapport' WHERE id = NEW.id;"
  "END;"
  "CREATE TABLE calendar_removal ("
  "  event_uid TEXT PRIMARY KEY NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TRIGGER meeting_event_removed AFTER DELETE ON meeting WHEN OLD.event_uid IS NOT NULL BEGIN"
  "  INSERT OR IGNORE INTO calendar_removal (event_uid) VALUES (OLD.event_uid);"
  "END;",
};

const char * const *
rapport_migrations_get (guint *n_migrations)
{
  g_return_val_if_fail (n_migrations != NULL, NULL);

  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
