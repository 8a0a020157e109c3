#!/usr/bin/python3
# test_playbook.py -- the 3B7 routine as a user meets it on the Today page, by the test clock
# (RAPPORT_TEST_TIME_OFFSET): a request sent to a contact whose routine is 3B7, and no answer;
# three business days later "write to someone else there" is due, the follow-up still ahead;
# the reminder suggests whom: the colleague there who answered the user quickly before, not the one
# never asked; seven business days later the follow-up to the first person is due. Weekends are skipped,
# whatever day the test runs on.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import os
import sqlite3
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import App, find, find_all, wait_for  # noqa: E402

EMAIL_SENT = 0
EMAIL_RECEIVED = 1
STAGE_TO_CONTACT = 0
STAGE_KEEPING_IN_TOUCH = 5
PLAYBOOK_3B7 = 1
NAME = 'Ines Okoro'
SECOND = f'No answer from {NAME} yet: write to someone else there'
FOLLOW_UP = f'Follow up with {NAME}'


def business_days_after(at, days):
    """@at plus @days working days (Monday to Friday) at the same local time, as Rapport counts."""
    local = datetime.datetime.fromtimestamp(at)
    date = local.date()
    while days > 0:
        date += datetime.timedelta(days=1)
        if date.weekday() < 5:
            days -= 1
    return int(time.mktime(datetime.datetime.combine(date, local.time()).timetuple()))


class Playbook(unittest.TestCase):
    def setUp(self):
        self.data = tempfile.mkdtemp(dir=os.environ.get('RAPPORT_SESSION_DIR'))
        self.db = os.path.join(self.data, 'rapport', 'rapport.db')

    def start(self, offset=0):
        app = App(env={'XDG_DATA_HOME': self.data, 'RAPPORT_TEST_TIME_OFFSET': str(offset)})
        self.addCleanup(app.close)
        return app, app.window('Rapport')

    def titles(self, main, group):
        lists = find_all(main, 'list', group)
        return [label.get_name() for lst in lists for label in find_all(lst, 'label')]

    def due(self, main):
        return self.titles(main, 'Overdue') + self.titles(main, 'Today')

    def test_3b7(self):
        # The first start makes the database; the request is written while Rapport is closed, and
        # stored reminder settings that differ from the preferences make it derive them at start.
        app, main = self.start()
        wait_for(lambda: os.path.exists(self.db), 10, 'the database')
        app.close()
        asked = int(time.time()) - 60
        with sqlite3.connect(self.db) as conn:
            cur = conn.execute('INSERT INTO contact (display_name, sort_key, stage, playbook, created_at, updated_at) '
                               'VALUES (?, ?, 1, ?, ?, ?)', (NAME, NAME.lower(), PLAYBOOK_3B7, asked, asked))
            conn.execute('INSERT INTO interaction (contact_id, kind, happened_at, summary, created_at, updated_at) '
                         'VALUES (?, ?, ?, ?, ?, ?)', (cur.lastrowid, EMAIL_SENT, asked, 'Asked for 20 minutes',
                                                       asked, asked))
            # Two colleagues at her organisation: Ana never asked, Chen quick to answer a year ago.
            org = conn.execute("INSERT INTO organisation (name, name_key, created_at, updated_at) "
                               "VALUES ('Acme', 'acme', ?, ?)", (asked, asked)).lastrowid
            conn.execute('UPDATE contact SET organisation_id = ? WHERE id = ?', (org, cur.lastrowid))
            for name, stage in (('Ana Abara', STAGE_TO_CONTACT), ('Chen Wei', STAGE_KEEPING_IN_TOUCH)):
                colleague = conn.execute('INSERT INTO contact (display_name, sort_key, stage, organisation_id, '
                                         'created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
                                         (name, name.lower(), stage, org, asked, asked)).lastrowid
                if stage == STAGE_KEEPING_IN_TOUCH:
                    year_ago = asked - 365 * 86400
                    for kind, at in ((EMAIL_SENT, year_ago), (EMAIL_RECEIVED, year_ago + 7200)):
                        conn.execute('INSERT INTO interaction (contact_id, kind, happened_at, summary, created_at, '
                                     'updated_at) VALUES (?, ?, ?, ?, ?, ?)', (colleague, kind, at, '', at, at))
            conn.execute("INSERT INTO meta (key, value) VALUES ('reminder-settings', 'stale') "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value")

        # Three business days and an hour later: the second person is due, the follow-up not yet.
        now = int(time.time())
        app, main = self.start(business_days_after(asked, 3) + 3600 - now)
        wait_for(lambda: SECOND in self.due(main), 15, 'the second-person reminder, due')
        self.assertNotIn(FOLLOW_UP, self.due(main))
        self.assertTrue(any('perhaps Chen Wei' in text for text in self.due(main)), self.due(main))
        self.assertIn(FOLLOW_UP, self.titles(main, 'Next 7 Days'))
        app.close()

        # Seven business days and an hour later: the one follow-up to the first person is due.
        now = int(time.time())
        app, main = self.start(business_days_after(asked, 7) + 3600 - now)
        wait_for(lambda: FOLLOW_UP in self.due(main), 15, 'the follow-up, due')
        kinds = sorted(k for k, in sqlite3.connect(self.db).execute('SELECT kind FROM reminder WHERE state = 0'))
        self.assertEqual(len(kinds), 2, kinds)   # the second person and the follow-up, nothing more


if __name__ == '__main__':
    unittest.main(verbosity=2)
