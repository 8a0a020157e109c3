#!/usr/bin/python3
# test_busy.py -- another program holds the database's write lock while the user saves a contact:
# the window says why the save waits, the editor stays open with what was typed, and once the lock
# is let go the contact is saved and the note goes away.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import App, do_action, find, find_all, key_combo, states, wait_for  # noqa: E402

WAITING = 'Waiting for another program that is using the database…'


def note_shown(window):
    # A hidden widget's children leave the accessible tree, so the note is there only while shown.
    return bool(find_all(window, 'label', WAITING))


class Busy(unittest.TestCase):
    def test_save_waits_for_the_lock(self):
        app = App()
        self.addCleanup(app.close)
        main = app.window('Rapport')
        key_combo('Control', '2')
        find(main, 'push button', 'New Contact')

        db = os.path.join(os.environ['XDG_DATA_HOME'], 'rapport', 'rapport.db')
        self.assertFalse(note_shown(main))

        other = sqlite3.connect(db, isolation_level=None, timeout=10)
        self.addCleanup(other.close)
        other.execute('BEGIN IMMEDIATE')

        do_action(find(main, 'push button', 'New Contact'))
        editor = app.window('New Contact')
        find(editor, 'text', 'Name (required)').set_text_contents('Ines Lock')
        save = find(editor, 'push button', 'Save')
        wait_for(lambda: 'sensitive' in states(save), 5, 'Save to be enabled')
        do_action(save)

        wait_for(lambda: note_shown(main), 10, 'the waiting note')
        time.sleep(0.5)
        self.assertIn('New Contact', app.windows())
        self.assertEqual(other.execute("SELECT count(*) FROM contact WHERE display_name = 'Ines Lock'")
                         .fetchone()[0], 0)

        other.execute('ROLLBACK')
        app.wait_window_gone('New Contact')
        wait_for(lambda: not note_shown(main), 10, 'the note to go')
        self.assertEqual(other.execute("SELECT count(*) FROM contact WHERE display_name = 'Ines Lock'")
                         .fetchone()[0], 1)


if __name__ == '__main__':
    unittest.main(verbosity=2)
