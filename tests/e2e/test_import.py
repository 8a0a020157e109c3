#!/usr/bin/python3
# test_import.py -- importing from the command line, as a file manager would open a file:
# the preview tells what would be added and what is already there, and only "Import"
# writes; a file that is not contacts gets a clear message and writes nothing.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import App, do_action, find, find_all, wait_for  # noqa: E402

FIXTURES = os.path.join(os.environ['G_TEST_SRCDIR'], 'fixtures', 'import')


class Import(unittest.TestCase):
    def setUp(self):
        # A database of its own for each test.
        self.data = tempfile.mkdtemp(dir=os.environ.get('RAPPORT_SESSION_DIR'))
        self.db = os.path.join(self.data, 'rapport', 'rapport.db')

    def start(self, *args):
        app = App(*args, env={'XDG_DATA_HOME': self.data})
        self.addCleanup(app.close)
        return app

    def names(self):
        if not os.path.exists(self.db):
            return []
        with sqlite3.connect(self.db) as conn:
            return sorted(r[0] for r in conn.execute('SELECT display_name FROM contact WHERE trashed = 0'))

    def test_linkedin_twice(self):
        path = os.path.join(FIXTURES, 'linkedin-connections.csv')
        app = self.start(path)
        dialog = app.window('Import Contacts')
        find(dialog, 'label', 'LinkedIn connections')
        self.assertEqual(self.names(), [], 'nothing is written before Import')
        do_action(find(dialog, 'push button', 'Import'))
        app.wait_window_gone('Import Contacts')
        imported = wait_for(self.names, 10, 'the contacts to be written')
        self.assertIn('Zoë Ødegård', imported)
        self.assertIn('Priya Raman', imported)
        main = app.window('Rapport')
        find(main, 'label', f'Imported {len(imported)} contacts')
        app.close()

        # The same file again: every contact is already there, and skipping writes nothing.
        app = self.start(path)
        dialog = app.window('Import Contacts')
        wait_for(lambda: [r for r in find_all(dialog, 'label') if r.get_name() == str(len(imported))], 10,
                 'the preview to count every contact as already in Rapport')
        do_action(find(dialog, 'push button', 'Import'))
        app.wait_window_gone('Import Contacts')
        find(app.window('Rapport'), 'label', 'Imported 0 contacts')
        self.assertEqual(self.names(), imported)

    def test_not_contacts(self):
        app = self.start(os.path.join(FIXTURES, 'junk.bin'))
        dialog = app.window('Import Contacts')
        find(dialog, 'label', 'The File Cannot Be Imported')
        message = next(n.get_name() for n in find_all(dialog, 'label') if 'Nothing has been imported' in n.get_name())
        self.assertIn('junk.bin', message)
        do_action(find(dialog, 'push button', 'Cancel'))
        app.wait_window_gone('Import Contacts')
        self.assertEqual(self.names(), [])


if __name__ == '__main__':
    unittest.main(verbosity=2)
