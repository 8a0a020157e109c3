#!/usr/bin/python3
# test_network.py -- the referral network on the Insights page, as a keyboard user: find a
# person, Tab to the one they introduced (the focus names them), Enter opens that contact;
# then export the network as SVG through the file chooser and read it back as XML, and as PNG.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import stat
import struct
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import (App, Atspi, click, do_action, find, find_all, key_combo, keyboard_to,  # noqa: E402
                           states, type_text, wait_for, walk)

PEOPLE = ['Ana Ruiz', 'Ben Ortiz', 'Cleo Park', 'Dan Weiss']
SVG = '{http://www.w3.org/2000/svg}'


def focused(root):
    return next((n for n in walk(root) if 'focused' in states(n)), None)


def wait_focus(root, name):
    seen = []

    def check():
        node = focused(root)
        seen.append((node.get_role_name(), node.get_name()) if node else None)
        return node is not None and node.get_name() == name
    try:
        wait_for(check, 10, name)
    except AssertionError:
        raise AssertionError(f'the focus never reached {name!r}; last on {seen[-1]!r}')


class Network(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(dir=os.environ.get('RAPPORT_SESSION_DIR'))
        cards = os.path.join(self.folder, 'people.vcf')
        with open(cards, 'w') as f:
            for name in PEOPLE:
                f.write('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:%s\r\nEND:VCARD\r\n' % name)
        # a database of its own for each test
        self.data = os.path.join(self.folder, 'data')
        self.app = App(cards, env={'XDG_DATA_HOME': self.data})
        self.addCleanup(self.app.close)
        dialog = self.app.window('Import Contacts')
        do_action(find(dialog, 'push button', 'Import'))
        self.app.wait_window_gone('Import Contacts')
        self.main = self.app.window('Rapport')
        find(self.main, 'label', 'Imported 4 contacts')

        # Who introduced whom, as the contact editor's "Referred by" stores it: Ana introduced
        # Ben and Dan, Ben introduced Cleo. The Insights page reads it when shown.
        db = os.path.join(self.data, 'rapport', 'rapport.db')
        with sqlite3.connect(db) as conn:
            ids = dict(conn.execute('SELECT display_name, id FROM contact'))
            for person, referrer in (('Ben Ortiz', 'Ana Ruiz'), ('Dan Weiss', 'Ana Ruiz'), ('Cleo Park', 'Ben Ortiz')):
                conn.execute('UPDATE contact SET referred_by = ? WHERE id = ?', (ids[referrer], ids[person]))

    def open_network(self):
        keyboard_to(self.main, 8)
        key_combo('Control', '5')
        do_action(find(self.main, 'page tab', 'Network'))
        return find(self.main, 'entry', 'Find a Person in the Network')

    def test_keyboard_to_a_contact_and_export(self):
        search = self.open_network()
        click(self.main, search, scroll=False)
        wait_for(lambda: any('focused' in states(n) for n in walk(search)), 5, 'the search field to have the focus')
        type_text('ortiz')
        key_combo('Return')   # onto the person found
        wait_focus(self.main, 'Ben Ortiz, To Contact, introduced 1 person')
        key_combo('Tab')      # to the person Ben introduced
        wait_focus(self.main, 'Cleo Park, To Contact, introduced 0 people')
        key_combo('Return')   # opens her contact
        tab = next(t for s in find_all(self.main, 'page tab list') for t in walk(s)
                   if t.get_role_name() == 'page tab' and t.get_name() == 'Contacts')
        wait_for(lambda: 'selected' in states(tab), 10, 'the Contacts page')
        contacts = find(self.main, 'list', 'Contacts')

        def selected_name():
            row = Atspi.Selection.get_selected_child(contacts, 0)
            return row is not None and any(n.get_name() == 'Cleo Park' for n in walk(row))
        wait_for(selected_name, 10, 'Cleo Park to be the contact shown')

        # Export as SVG and PNG, through GTK's own chooser (no portal in this session).
        key_combo('Control', '5')
        path = self.export('Export as SVG…', 'network.svg')

        root = ET.parse(path).getroot()
        self.assertEqual(root.tag, SVG + 'svg')
        titles = sorted(t.text for t in root.iter(SVG + 'title'))
        self.assertEqual(titles, sorted(PEOPLE + ['You']))
        self.assertEqual(sorted(t.text for t in root.iter(SVG + 'text')), sorted(PEOPLE + ['You']))
        self.assertEqual(len(list(root.iter(SVG + 'line'))), 4)   # an arrow per person

        with open(self.export('Export as PNG…', 'network.png'), 'rb') as f:
            png = f.read()
        self.assertEqual(png[:8], b'\x89PNG\r\n\x1a\n')
        width, height = struct.unpack('>II', png[16:24])
        self.assertGreater(width, 100)
        self.assertGreater(height, 100)

    def test_chart_export(self):
        # The Overview's charts, each from its own button; the SVG carries the numbers as text.
        key_combo('Control', '5')
        path = self.export('Export as SVG…', 'funnel.svg', 'Export the Funnel')
        root = ET.parse(path).getroot()
        self.assertEqual(root.tag, SVG + 'svg')
        self.assertEqual(root.find(SVG + 'title').text, 'Funnel')
        self.assertTrue(root.find(SVG + 'desc').text.startswith('Identified: 4.'), root.find(SVG + 'desc').text)

        with open(self.export('Export as PNG…', 'rhythm.png', 'Export the Weekly Rhythm'), 'rb') as f:
            png = f.read()
        self.assertEqual(png[:8], b'\x89PNG\r\n\x1a\n')

    def export(self, item, name, button='Export the Network'):
        export = wait_for(lambda: next((b for b in find_all(self.main, 'push button', button)
                                        if b.get_n_actions()), None), 10, 'the export button')
        do_action(export)
        do_action(find(self.app.node, 'menu item', item))
        chooser = self.app.window(button)
        path = os.path.join(self.folder, name)
        find(chooser, 'text', 'Name:').set_text_contents(path)
        do_action(find(chooser, 'push button', 'Export'))
        self.app.wait_window_gone(button)
        wait_for(lambda: os.path.exists(path) and os.path.getsize(path) > 0, 10, f'{name} to be written')
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        return path


if __name__ == '__main__':
    unittest.main()
