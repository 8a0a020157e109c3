#!/usr/bin/python3
# test_import.py -- importing from the command line, as a file manager would open a file:
# the preview tells what would be added and what is already there, and only "Import"
# writes; rows that cannot be imported are counted and left out; a file that is not
# contacts gets a clear message and writes nothing.
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

    def test_organisation_notes(self):
        app = self.start(os.path.join(FIXTURES, 'linkedin-connections.csv'))
        dialog = app.window('Import Contacts')
        do_action(find(dialog, 'push button', 'Import'))
        app.wait_window_gone('Import Contacts')
        main = app.window('Rapport')
        find(main, 'label', 'Imported 3 contacts')

        # The organisations, each with its people and the research notes kept about it.
        do_action(find(main, 'push button', 'Organisations'))   # a toggle button, which GTK 4.8 reports as a push button
        organisations = find(main, 'list', 'Organisations')
        row = find(organisations, 'list item', 'Nordlys Design AS')
        index = [organisations.get_child_at_index(i) for i in range(organisations.get_child_count())].index(row)
        self.assertTrue(organisations.get_selection_iface().select_child(index))
        people = find(main, 'list', 'People')
        find(people, 'list item', 'Zoë Ødegård')

        notes = find(main, 'text', 'Research Notes')
        notes.set_text_contents('Launched a design system in 2025; hiring researchers.')
        do_action(find(main, 'push button', 'Save Changes'))
        find(main, 'label', 'Saved')
        with sqlite3.connect(self.db) as conn:
            saved, = conn.execute("SELECT notes FROM organisation WHERE name = 'Nordlys Design AS'").fetchone()
        self.assertEqual(saved, 'Launched a design system in 2025; hiring researchers.')

        # Her name leads back to her details.
        do_action(find(people, 'push button', 'Zoë Ødegård'))
        find(find(main, 'list', 'Introductions'), 'list item')

    def test_rows_left_out(self):
        # One row has neither a name nor an address: the preview says so and names its line,
        # and the import brings the others.
        path = os.path.join(self.data, 'people.csv')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('Name,Email,Company\nZoë Ødegård,zoe@nordlys.example,Nordlys\n,,Nobody Inc\n'
                    'Priya Raman,priya@example.org,\n')
        app = self.start(path)
        dialog = app.window('Import Contacts')
        find(dialog, 'label', 'Cannot Be Imported')
        left_out = wait_for(lambda: next((n.get_name() for n in find_all(dialog, 'label')
                                          if n.get_name().startswith('1, left out.')), None), 10,
                            'the count of rows left out')
        self.assertIn('Line 3', left_out)
        do_action(find(dialog, 'push button', 'Import'))
        app.wait_window_gone('Import Contacts')
        find(app.window('Rapport'), 'label', 'Imported 2 contacts')
        self.assertEqual(self.names(), ['Priya Raman', 'Zoë Ødegård'])

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
