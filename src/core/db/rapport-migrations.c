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

  /* The referral network's layout (src/core/network/): each person's last
   * position, and the key of the graph's shape it was computed for, so that
   * an unchanged graph is never laid out again and a changed one keeps the
   * positions of the people who were already there. Person 0 is the user. */
  "CREATE TABLE network_position ("
  "  contact_id INTEGER PRIMARY KEY,"
  "  x          REAL NOT NULL,"
  "  y          REAL NOT NULL"
  ");"
  "CREATE TABLE network_layout ("
  "  id        INTEGER PRIMARY KEY CHECK (id = 1),"
  "  graph_key TEXT NOT NULL"
  ");",

  /* Playbooks (#16). The follow-up routine of a contact's requests
   * (RapportPlaybook); NULL follows the one chosen in Preferences, and
   * changing it derives the contact's reminders again. The reminder table
   * takes a new kind, 8 (a second person to write to): SQLite cannot
   * change a CHECK in place, so the table is made again as it was with
   * the wider range, rows, ids and indexes kept. Nothing refers to it. */
  "ALTER TABLE contact ADD COLUMN playbook INTEGER CHECK (playbook IN (0, 1));"
  "CREATE TRIGGER reminder_contact_playbook_updated AFTER UPDATE OF playbook ON contact BEGIN"
  "  INSERT INTO reminder_dirty (contact_id) VALUES (NEW.id);"
  "END;"
  "CREATE TABLE reminder_wider ("
  "  id            INTEGER PRIMARY KEY,"
  "  key           TEXT UNIQUE,"
  "  kind          INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 8),"
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
  "INSERT INTO reminder_wider (id, key, kind, contact_id, meeting_id, series, sequence, due_at, state,"
  "  snoozed_until, notified_at, text, created_at, updated_at)"
  "  SELECT id, key, kind, contact_id, meeting_id, series, sequence, due_at, state,"
  "    snoozed_until, notified_at, text, created_at, updated_at FROM reminder;"
  "DROP TABLE reminder;"
  "ALTER TABLE reminder_wider RENAME TO reminder;"
  "CREATE INDEX reminder_by_next ON reminder (next_at) WHERE next_at IS NOT NULL;"
  "CREATE INDEX reminder_by_state ON reminder (state, due_at);"
  "CREATE INDEX reminder_by_contact ON reminder (contact_id);"
  "CREATE INDEX reminder_by_meeting ON reminder (meeting_id) WHERE meeting_id IS NOT NULL;",

  /* Replies read from the user's mailbox over IMAP (src/mail/rapport-mailbox-sync.c).
   * An entry carries the Message-ID of the mail it stands for, Rapport's own
   * sent mail included, so that a message seen twice (in two folders, at
   * each sync, or sent by Rapport and found again in Sent) is one entry.
   * mailbox_folder is where each folder's sync stopped, written in the
   * transaction that adds its entries, so that a crash neither loses nor
   * doubles one. Only matched mail leaves anything here. */
  "ALTER TABLE interaction ADD COLUMN message_id TEXT;"
  "CREATE UNIQUE INDEX interaction_by_message_id ON interaction (message_id, contact_id)"
  "  WHERE message_id IS NOT NULL;"
  "CREATE TABLE mailbox_folder ("
  "  account     TEXT NOT NULL,"
  "  folder      TEXT NOT NULL,"
  "  uidvalidity INTEGER NOT NULL,"
  "  last_uid    INTEGER NOT NULL,"
  "  modseq      INTEGER NOT NULL DEFAULT 0,"
  "  synced_at   INTEGER NOT NULL,"
  "  PRIMARY KEY (account, folder)"
  ") WITHOUT ROWID;",

  /* Insights (#17, src/core/insights/). The funnel counts, per contact, how
   * far the outreach got; read from the timeline for 100,000 contacts that
   * takes far longer than a page may wait, so each contact keeps a summary
   * row, written by the triggers below in the same transaction as what it
   * sums (so it can never disagree with it): when they were identified
   * (added), their stage and bin state, how many requests (an email sent,
   * a call or a voicemail not tied to a meeting), replies (an email
   * received) and meetings held are on their timeline, and how many
   * contacts outside the bin they introduced. The funnel's step is then a
   * column of that row, and each step's count one range of an index.
   * The weekly rhythm reads the last weeks of the timeline through a
   * partial index on time. */
  "CREATE TABLE insights_contact ("
  "  contact_id    INTEGER PRIMARY KEY,"
  "  identified_at INTEGER NOT NULL,"
  "  trashed       INTEGER NOT NULL,"
  "  stage         INTEGER NOT NULL,"
  "  requests      INTEGER NOT NULL DEFAULT 0,"
  "  replies       INTEGER NOT NULL DEFAULT 0,"
  "  meetings      INTEGER NOT NULL DEFAULT 0,"
  "  introduced    INTEGER NOT NULL DEFAULT 0,"
  /* The furthest step (RapportFunnelStep): introducing others counts as
   * every step before it, a meeting as a reply, and so on; a stage set by
   * hand counts too (Scheduled and Declined are answers, No reply follows
   * a request). */
  "  step          INTEGER GENERATED ALWAYS AS ("
  "    CASE WHEN introduced > 0 THEN 4"
  "         WHEN meetings > 0 OR stage IN (3, 4, 5) THEN 3"
  "         WHEN replies > 0 OR stage IN (2, 6) THEN 2"
  "         WHEN requests > 0 OR stage IN (1, 7) THEN 1"
  "         ELSE 0 END) VIRTUAL"
  ");"
  "CREATE INDEX insights_contact_by_step ON insights_contact (trashed, step, identified_at);"
  "CREATE INDEX interaction_by_time ON interaction (happened_at) WHERE kind IN (0, 2, 3, 4, 6);"
  "INSERT INTO insights_contact (contact_id, identified_at, trashed, stage, requests, replies, meetings, introduced)"
  "  SELECT c.id, c.created_at, c.trashed, c.stage,"
  "    (SELECT count (*) FROM interaction i WHERE i.contact_id = c.id AND i.kind IN (0, 2, 3)"
  "       AND i.meeting_id IS NULL),"
  "    (SELECT count (*) FROM interaction i WHERE i.contact_id = c.id AND i.kind = 1),"
  "    (SELECT count (*) FROM interaction i WHERE i.contact_id = c.id AND i.kind = 4),"
  "    (SELECT count (*) FROM contact r WHERE r.referred_by = c.id AND r.trashed = 0)"
  "  FROM contact c;"
  "CREATE TRIGGER insights_contact_inserted AFTER INSERT ON contact BEGIN"
  "  INSERT OR REPLACE INTO insights_contact (contact_id, identified_at, trashed, stage)"
  "    VALUES (NEW.id, NEW.created_at, NEW.trashed, NEW.stage);"
  "  UPDATE insights_contact SET introduced = introduced + 1"
  "    WHERE contact_id = NEW.referred_by AND NEW.trashed = 0;"
  "END;"
  "CREATE TRIGGER insights_contact_updated AFTER UPDATE OF created_at, stage, trashed ON contact BEGIN"
  "  UPDATE insights_contact SET identified_at = NEW.created_at, trashed = NEW.trashed, stage = NEW.stage"
  "    WHERE contact_id = NEW.id;"
  "END;"
  /* Fires whenever either column is set, changed or not: taking the old
   * referral out and putting the new one in keeps the count right either way. */
  "CREATE TRIGGER insights_contact_referral_updated AFTER UPDATE OF referred_by, trashed ON contact BEGIN"
  "  UPDATE insights_contact SET introduced = introduced - 1"
  "    WHERE contact_id = OLD.referred_by AND OLD.trashed = 0;"
  "  UPDATE insights_contact SET introduced = introduced + 1"
  "    WHERE contact_id = NEW.referred_by AND NEW.trashed = 0;"
  "END;"
  "CREATE TRIGGER insights_contact_deleted AFTER DELETE ON contact BEGIN"
  "  DELETE FROM insights_contact WHERE contact_id = OLD.id;"
  "  UPDATE insights_contact SET introduced = introduced - 1"
  "    WHERE contact_id = OLD.referred_by AND OLD.trashed = 0;"
  "END;"
  "CREATE TRIGGER insights_interaction_inserted AFTER INSERT ON interaction"
  "  WHEN NEW.kind IN (0, 1, 2, 3, 4) BEGIN"
  "  UPDATE insights_contact SET"
  "    requests = requests + (NEW.kind IN (0, 2, 3) AND NEW.meeting_id IS NULL),"
  "    replies = replies + (NEW.kind = 1), meetings = meetings + (NEW.kind = 4)"
  "    WHERE contact_id = NEW.contact_id;"
  "END;"
  "CREATE TRIGGER insights_interaction_updated AFTER UPDATE OF kind, contact_id, meeting_id ON interaction"
  "  WHEN OLD.kind IN (0, 1, 2, 3, 4) OR NEW.kind IN (0, 1, 2, 3, 4) BEGIN"
  "  UPDATE insights_contact SET"
  "    requests = requests - (OLD.kind IN (0, 2, 3) AND OLD.meeting_id IS NULL),"
  "    replies = replies - (OLD.kind = 1), meetings = meetings - (OLD.kind = 4)"
  "    WHERE contact_id = OLD.contact_id;"
  "  UPDATE insights_contact SET"
  "    requests = requests + (NEW.kind IN (0, 2, 3) AND NEW.meeting_id IS NULL),"
  "    replies = replies + (NEW.kind = 1), meetings = meetings + (NEW.kind = 4)"
  "    WHERE contact_id = NEW.contact_id;"
  "END;"
  "CREATE TRIGGER insights_interaction_deleted AFTER DELETE ON interaction"
  "  WHEN OLD.kind IN (0, 1, 2, 3, 4) BEGIN"
  "  UPDATE insights_contact SET"
  "    requests = requests - (OLD.kind IN (0, 2, 3) AND OLD.meeting_id IS NULL),"
  "    replies = replies - (OLD.kind = 1), meetings = meetings - (OLD.kind = 4)"
  "    WHERE contact_id = OLD.contact_id;"
  "END;",

  /* Addresses whose mail the mailbox sync leaves alone (#14): a contact's
   * shared or noisy address (a team list, a ticket system). Kept apart
   * from contact_email, which a contact's save rewrites; casefolded as the
   * sync compares them (rapport-mail-match.c). */
  "CREATE TABLE mail_ignored ("
  "  address    TEXT PRIMARY KEY,"
  "  created_at INTEGER NOT NULL"
  ") WITHOUT ROWID;",

  /* The target list (#16, "LAMP"): the organisations the user means to
   * approach, each rated for Motivation (0-3) and Posting (1-3), with the
   * outreach's stage there (RapportTargetStage). Advocacy is derived from
   * the user's contacts there; advocacy holds only the user's own answer
   * when it differs (NULL follows the contacts). */
  "CREATE TABLE organisation_target ("
  "  organisation_id INTEGER PRIMARY KEY REFERENCES organisation (id) ON DELETE CASCADE,"
  "  motivation      INTEGER NOT NULL DEFAULT 0 CHECK (motivation BETWEEN 0 AND 3),"
  "  posting         INTEGER NOT NULL DEFAULT 1 CHECK (posting BETWEEN 1 AND 3),"
  "  advocacy        INTEGER CHECK (advocacy IN (0, 1)),"
  "  stage           INTEGER NOT NULL DEFAULT 0 CHECK (stage BETWEEN 0 AND 3),"
  "  created_at      INTEGER NOT NULL"
  ");",

  /* TIARA (#16): each question's area (RapportTiara: 1 Trends, 2 Insights,
   * 3 Advice, 4 Resources, 5 Assignments; 0 none), for the "TIARA order"
   * of a meeting's questions. The built-in questions seeded before this
   * step get their area here, by key (whatever the user has since done to
   * their words); newer seeds bring theirs when they are seeded. */
  "ALTER TABLE question ADD COLUMN tiara INTEGER NOT NULL DEFAULT 0 CHECK (tiara BETWEEN 0 AND 5);"
  "UPDATE question SET tiara = CASE"
  "    WHEN seed_key IN ('industry-trends', 'industry-growth') THEN 1"
  "    WHEN seed_key IN ('career-best-worst', 'career-differently', 'daily-surprise', 'daily-challenges', 'organisation-success') THEN 2"
  "    WHEN seed_key IN ('advice-next-step', 'advice-profile', 'advice-mistakes', 'advice-first-step', 'advice-wish-known') THEN 3"
  "    WHEN seed_key IN ('advice-resources', 'industry-learn-more', 'skills-training', 'contacts-groups') THEN 4"
  "    WHEN seed_key IN ('daily-typical') THEN 5"
  "    ELSE 0 END"
  "  WHERE seed_key IS NOT NULL;",

  /* Reply times (#17): each person's first request (an email, a call or a
   * voicemail not about a meeting), the first reply or meeting after it,
   * and who introduced them, kept beside the funnel's counts so that the
   * Insights page reads one row a person rather than searching each
   * person's timeline twice. Recomputed for the one person whose timeline
   * changed; the contact's insert trigger is made again to carry the
   * referrer, which a later change of referral keeps. */
  "ALTER TABLE insights_contact ADD COLUMN asked_at INTEGER;"
  "ALTER TABLE insights_contact ADD COLUMN answered_at INTEGER;"
  "ALTER TABLE insights_contact ADD COLUMN referrer INTEGER NOT NULL DEFAULT 0;"
  "UPDATE insights_contact SET"
  "  referrer = coalesce ((SELECT referred_by FROM contact WHERE id = insights_contact.contact_id), 0),"
  "  asked_at = (SELECT min (happened_at) FROM interaction WHERE contact_id = insights_contact.contact_id"
  "    AND kind IN (0, 2, 3) AND meeting_id IS NULL);"
  "UPDATE insights_contact SET answered_at = (SELECT min (happened_at) FROM interaction"
  "  WHERE contact_id = insights_contact.contact_id AND kind IN (1, 4) AND happened_at >= insights_contact.asked_at)"
  "  WHERE asked_at IS NOT NULL;"
  "DROP TRIGGER insights_contact_inserted;"
  "CREATE TRIGGER insights_contact_inserted AFTER INSERT ON contact BEGIN"
  "  INSERT OR REPLACE INTO insights_contact (contact_id, identified_at, trashed, stage, referrer)"
  "    VALUES (NEW.id, NEW.created_at, NEW.trashed, NEW.stage, coalesce (NEW.referred_by, 0));"
  "  UPDATE insights_contact SET introduced = introduced + 1"
  "    WHERE contact_id = NEW.referred_by AND NEW.trashed = 0;"
  "END;"
  "CREATE TRIGGER insights_contact_referrer_updated AFTER UPDATE OF referred_by ON contact BEGIN"
  "  UPDATE insights_contact SET referrer = coalesce (NEW.referred_by, 0) WHERE contact_id = NEW.id;"
  "END;"
  "CREATE TRIGGER insights_reply_times_inserted AFTER INSERT ON interaction"
  "  WHEN NEW.kind IN (0, 1, 2, 3, 4) BEGIN"
  "  UPDATE insights_contact SET asked_at = (SELECT min (happened_at) FROM interaction"
  "    WHERE contact_id = NEW.contact_id AND kind IN (0, 2, 3) AND meeting_id IS NULL) WHERE contact_id = NEW.contact_id;"
  "  UPDATE insights_contact SET answered_at = (SELECT min (happened_at) FROM interaction"
  "    WHERE contact_id = NEW.contact_id AND kind IN (1, 4) AND happened_at >= insights_contact.asked_at)"
  "    WHERE contact_id = NEW.contact_id;"
  "END;"
  "CREATE TRIGGER insights_reply_times_updated AFTER UPDATE OF kind, contact_id, meeting_id, happened_at ON interaction"
  "  WHEN OLD.kind IN (0, 1, 2, 3, 4) OR NEW.kind IN (0, 1, 2, 3, 4) BEGIN"
  "  UPDATE insights_contact SET asked_at = (SELECT min (happened_at) FROM interaction"
  "    WHERE contact_id = OLD.contact_id AND kind IN (0, 2, 3) AND meeting_id IS NULL) WHERE contact_id = OLD.contact_id;"
  "  UPDATE insights_contact SET answered_at = (SELECT min (happened_at) FROM interaction"
  "    WHERE contact_id = OLD.contact_id AND kind IN (1, 4) AND happened_at >= insights_contact.asked_at)"
  "    WHERE contact_id = OLD.contact_id;"
  "  UPDATE insights_contact SET asked_at = (SELECT min (happened_at) FROM interaction"
  "    WHERE contact_id = NEW.contact_id AND kind IN (0, 2, 3) AND meeting_id IS NULL) WHERE contact_id = NEW.contact_id;"
  "  UPDATE insights_contact SET answered_at = (SELECT min (happened_at) FROM interaction"
  "    WHERE contact_id = NEW.contact_id AND kind IN (1, 4) AND happened_at >= insights_contact.asked_at)"
  "    WHERE contact_id = NEW.contact_id;"
  "END;"
  "CREATE TRIGGER insights_reply_times_deleted AFTER DELETE ON interaction"
  "  WHEN OLD.kind IN (0, 1, 2, 3, 4) BEGIN"
  "  UPDATE insights_contact SET asked_at = (SELECT min (happened_at) FROM interaction"
  "    WHERE contact_id = OLD.contact_id AND kind IN (0, 2, 3) AND meeting_id IS NULL) WHERE contact_id = OLD.contact_id;"
  "  UPDATE insights_contact SET answered_at = (SELECT min (happened_at) FROM interaction"
  "    WHERE contact_id = OLD.contact_id AND kind IN (1, 4) AND happened_at >= insights_contact.asked_at)"
  "    WHERE contact_id = OLD.contact_id;"
  "END;",

  /* The Today page's groups (#18): the open reminders by when they are to
   * be shown, so that each group is a range of this index, counted and
   * read up to the rows shown, however many reminders there are; with the
   * contact, a group is counted from the index alone (and the contact's
   * row, for the trash). The expression is the one rapport-reminder-sql.c
   * queries (SQLite uses an expression index only for the same one). */
  "CREATE INDEX reminder_open_by_when ON reminder "
  "  ((CASE state WHEN 2 THEN snoozed_until ELSE due_at END), id, contact_id) WHERE state IN (0, 2);",

  /* Contacts kept in sync with an address book of evolution-data-server
   * (#15): per linked contact the book (its ESource UID), the contact's
   * UID there and its last revision (REV), the standard fields as last
   * synced (rapport-book-card.c's text), from which a three-way merge
   * tells who changed what, and a fingerprint of each side's fields after
   * the last sync. conflict holds the book's fields while a field was
   * changed differently on both sides, until the user chooses. */
  "CREATE TABLE eds_contact_link ("
  "  contact_id          INTEGER PRIMARY KEY REFERENCES contact (id) ON DELETE CASCADE,"
  "  source_uid          TEXT NOT NULL,"
  "  eds_uid             TEXT NOT NULL,"
  "  rev                 TEXT NOT NULL DEFAULT '',"
  "  synced              TEXT NOT NULL,"
  "  rapport_fingerprint TEXT NOT NULL,"
  "  book_fingerprint    TEXT NOT NULL,"
  "  conflict            TEXT,"
  "  UNIQUE (source_uid, eds_uid)"
  ");",

  /* A birthday on each contact (#15), as vCard's BDAY can say it: ISO
   * 8601 text, "1990-04-12", or "--04-12" without the year
   * (core/contacts/rapport-birthday.c); NULL when there is none. */
  "ALTER TABLE contact ADD COLUMN birthday TEXT;",
};

const char * const *
rapport_migrations_get (guint *n_migrations)
{
  g_return_val_if_fail (n_migrations != NULL, NULL);

  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}
