#!/usr/bin/python3
# test_tiara.py -- TIARA order on a meeting's preparation, through AT-SPI: a meeting's
# questions from the bank (and one of the user's own) in a muddled order are put in TIARA
# order with one button (Trends, Advice, Resources, then the questions of no area, each in
# the order they had), each shows its area, and a second press says there is nothing to do.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import App, do_action, find, find_all, key_combo, states, wait_for  # noqa: E402

WHO_ELSE = 'Who else would you suggest I talk to?'
OWN = 'What surprised you about the move to Berlin?'
FIRST_STEP = 'If you were in my position, what would your first step be?'
READ = 'Which newsletters, podcasts or books do people in your field really read?'
TRENDS = 'Which changes do you see coming for this industry in the next few years?'


def db_path():
    return os.path.join(os.environ['XDG_DATA_HOME'], 'rapport', 'rapport.db')


def query(sql, *args):
    with sqlite3.connect(db_path()) as conn:
        return conn.execute(sql, args).fetchall()


class Tiara(unittest.TestCase):
    def setUp(self):
        self.app = App()
        self.addCleanup(self.app.close)
        self.main = self.app.window('Rapport')

    def test_tiara_order(self):
        # The bank is seeded when its page first reads it.
        key_combo('Control', '4')
        wait_for(lambda: query('SELECT count (*) FROM question WHERE seed_key LIKE ?', 'tiara-%')[0][0] >= 15, 10,
                 'the TIARA questions to be seeded')

        now = int(time.time())
        with sqlite3.connect(db_path()) as conn:
            contact = conn.execute('INSERT INTO contact (display_name, sort_key, stage, created_at, updated_at) '
                                   'VALUES (?, ?, 2, ?, ?)', ('Tom Becker', 'becker tom', now, now)).lastrowid
            meeting = conn.execute('INSERT INTO meeting (contact_id, starts_at, duration, created_at, updated_at) '
                                   'VALUES (?, ?, 20, ?, ?)', (contact, now + 86400, now, now)).lastrowid
            for position, (key, text) in enumerate([('contacts-who-else', WHO_ELSE), (None, OWN),
                                                    ('advice-first-step', FIRST_STEP),
                                                    ('tiara-resources-read', READ), ('industry-trends', TRENDS)]):
                qid = conn.execute('SELECT id FROM question WHERE seed_key = ?', (key,)).fetchone()[0] if key else None
                conn.execute('INSERT INTO meeting_question (meeting_id, question_id, text, position) '
                             'VALUES (?, ?, ?, ?)', (meeting, qid, text, position))
        subprocess.run(['gdbus', 'call', '--session', '--dest', 'io.github.rapport.Rapport',
                        '--object-path', '/io/github/rapport/Rapport/window/1', '--method',
                        'org.gtk.Actions.Activate', 'show-meeting', '[<int64 %d>]' % meeting, '{}'],
                       check=True, capture_output=True)

        button = find(self.main, 'push button', 'Put in TIARA Order')
        # The meeting's questions are read (the button does nothing while they load; a 'Trends'
        # label alone could be the question bank's, on its own page).
        wait_for(lambda: 'sensitive' in states(button), 10, 'the meeting’s questions to be read')
        do_action(button)

        def order():
            return [text for text, in query('SELECT text FROM meeting_question WHERE meeting_id = ? '
                                            'ORDER BY position', meeting)]
        expected = [TRENDS, FIRST_STEP, READ, WHO_ELSE, OWN]
        wait_for(lambda: order() == expected, 10, f'TIARA order, not {order()}')
        self.assertTrue(find_all(self.main, 'label', 'Advice'))
        self.assertTrue(find_all(self.main, 'label', 'Resources'))

        # In order already: nothing changes, and it says so.
        do_action(find(self.main, 'push button', 'Put in TIARA Order'))
        find(self.main, 'label', 'Already in TIARA order')
        self.assertEqual(order(), expected)


if __name__ == '__main__':
    unittest.main(verbosity=2)
