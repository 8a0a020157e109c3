#!/usr/bin/python3
# test_contacts.py -- the contacts page, driven through AT-SPI as a user would: create a
# contact, then a second one introduced by the first; find the second by a prefix of its
# organisation; open it and follow the referral link to the first. A birthday chosen with
# the keyboard in the editor, shown on the contact's page, given its year, then removed.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sqlite3
import sys
import tempfile
import time
import unittest

from gi.repository import GLib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import App, do_action, find, find_all, key_combo, states, wait_for  # noqa: E402


def set_text(node, text):
    node.set_text_contents(text)


class Contacts(unittest.TestCase):
    def setUp(self):
        self.app = App()
        self.addCleanup(self.app.close)
        self.main = self.app.window('Rapport')
        key_combo('Control', '2')
        switcher = find(self.main, 'page tab list')
        wait_for(lambda: 'selected' in states(find(switcher, 'page tab', 'Contacts')), 5, 'the Contacts page')

    def list_names(self):
        contacts = find(self.main, 'list', 'Contacts')
        names = []
        for item in find_all(contacts, 'list item'):
            try:
                row = item.get_child_at_index(0)
                if row is not None and row.get_name():
                    names.append(row.get_name())
            except GLib.Error:
                pass   # a row recycled while we read it
        return sorted(names)

    def create_contact(self, name, organisation, email=None, referrer_prefix=None, referrer=None):
        do_action(find(self.main, 'push button', 'New Contact'))
        editor = self.app.window('New Contact')
        set_text(find(editor, 'text', 'Name (required)'), name)
        set_text(find(editor, 'text', 'Organisation'), organisation)
        if email:
            set_text(find(editor, 'text', 'Email'), email)
        if referrer_prefix:
            do_action(find(editor, 'push button', 'Nobody'))
            search = find(self.app.node, 'entry', 'Search for the Person Who Introduced You')
            set_text(search, referrer_prefix)
            matches = find(self.app.node, 'list', 'Matching Contacts')
            find(matches, 'list item', referrer, timeout=10)
            key_combo('Return')   # in the search field: picks the first match
            find(editor, 'push button', referrer)
        save = find(editor, 'push button', 'Save')
        wait_for(lambda: 'sensitive' in states(save), 5, 'Save to be enabled')
        do_action(save)
        self.app.wait_window_gone('New Contact')

    def trashed(self, name):
        db = os.path.join(os.environ['XDG_DATA_HOME'], 'rapport', 'rapport.db')
        with sqlite3.connect(db) as conn:
            row = conn.execute('SELECT trashed FROM contact WHERE display_name = ?', (name,)).fetchone()
        return row[0] if row else None

    def wait_list(self, expected):
        try:
            wait_for(lambda: self.list_names() == sorted(expected), 10, f'the list to show {expected}')
        except AssertionError:
            db = os.path.join(os.environ['XDG_DATA_HOME'], 'rapport', 'rapport.db')
            with sqlite3.connect(db) as conn:
                rows = list(conn.execute('SELECT display_name, trashed FROM contact'))
            raise AssertionError(f'the list shows {self.list_names()}, the database has {rows}') from None

    def test_referral_flow(self):
        # The empty state tells a new user what to do first.
        find(self.main, 'label', 'No Contacts Yet')

        self.create_contact('Priya Raman', 'Northwind Labs', 'priya@northwind.example')
        self.wait_list(['Priya Raman'])
        self.create_contact('Tom Becker', 'Globex Research', referrer_prefix='Pri', referrer='Priya Raman')
        self.wait_list(['Priya Raman', 'Tom Becker'])

        # Search by a prefix of the organisation (Ctrl+F puts the focus in the search field).
        key_combo('Control', 'f')
        search = find(self.main, 'entry', 'Search Contacts')
        wait_for(lambda: 'focused' in states(search), 5, 'the search field to have the focus')
        set_text(search, 'Glob')
        self.wait_list(['Tom Becker'])

        # Open the second contact; the detail names who introduced them.
        key_combo('Return')
        introductions = find(self.main, 'list', 'Introductions')
        find(introductions, 'list item', 'Priya Raman')

        # Follow the referral link to the first contact, who introduced the second.
        do_action(find(introductions, 'push button', 'Priya Raman'))
        wait_for(lambda: find_all(find(self.main, 'list', 'Introductions'), 'list item', 'Tom Becker'), 10,
                 'Priya’s introductions to list Tom Becker')

        # Delete her, then undo from the toast.
        set_text(search, '')
        self.wait_list(['Priya Raman', 'Tom Becker'])
        do_action(find(self.main, 'push button', 'Delete Contact'))
        undo = find(self.main, 'push button', 'Undo')
        wait_for(lambda: self.trashed('Priya Raman') == 1, 5, 'Priya to be deleted')
        do_action(undo)
        wait_for(lambda: self.trashed('Priya Raman') == 0, 5, 'Priya to be restored')
        self.wait_list(['Priya Raman', 'Tom Becker'])

        # Deleting and letting the toast go removes the contact for good, and only
        # clears the referral link of the person she introduced.
        do_action(find(self.main, 'push button', 'Delete Contact'))
        wait_for(lambda: self.trashed('Priya Raman') is None, 20, 'Priya to be removed for good')
        self.wait_list(['Tom Becker'])
        db = os.path.join(os.environ['XDG_DATA_HOME'], 'rapport', 'rapport.db')
        with sqlite3.connect(db) as conn:
            rows = list(conn.execute('SELECT display_name, referred_by, trashed FROM contact'))
        self.assertEqual(rows, [('Tom Becker', None, 0)])

    def pressable(self, root, name):
        # GTK 4.8 names a menu button's inner button after its label, and only that one can be pressed.
        return wait_for(lambda: next((b for b in find_all(root, 'push button', name) if b.get_n_actions()), None),
                        5, f'the button {name!r}')

    def birthday_in_db(self, name):
        db = os.path.join(self.app.env['XDG_DATA_HOME'], 'rapport', 'rapport.db')
        with sqlite3.connect(db) as conn:
            row = conn.execute('SELECT birthday FROM contact WHERE display_name = ?', (name,)).fetchone()
        return row[0] if row else 'no contact'

    def test_birthday(self):
        # A data folder of its own, so that the other test starts with no contacts.
        self.app.close()
        data = tempfile.mkdtemp(prefix='rapport-birthday-')
        self.addCleanup(shutil.rmtree, data, True)
        self.app = App(env={'XDG_DATA_HOME': data})
        self.addCleanup(self.app.close)
        self.main = self.app.window('Rapport')
        key_combo('Control', '2')
        switcher = find(self.main, 'page tab list')
        wait_for(lambda: 'selected' in states(find(switcher, 'page tab', 'Contacts')), 5, 'the Contacts page')

        # A birthday chosen with the keyboard in the editor, the year left out at first.
        do_action(find(self.main, 'push button', 'New Contact'))
        editor = self.app.window('New Contact')
        set_text(find(editor, 'text', 'Name (required)'), 'Lena Vogt')
        self.assertEqual(find(editor, 'push button', 'Birthday').get_name(), 'Birthday')
        do_action(self.pressable(editor, 'Not Set'))
        day = find(self.app.node, 'spin button', 'Day')
        self.assertEqual(day.get_name(), 'Day')
        # The popover puts the focus on its first field, the day.
        wait_for(lambda: 'focused' in states(day), 5, 'the day to have the focus')
        for _ in range(13):
            key_combo('Up')
        wait_for(lambda: day.get_current_value() == 14, 5, 'the day to be 14')
        year = find(self.app.node, 'check box', 'Year')
        self.assertEqual(year.get_name(), 'Year')
        self.assertEqual(find(self.app.node, 'push button', 'Remove Birthday').get_name(), 'Remove Birthday')
        key_combo('Escape')   # closes the popover, not the editor
        self.pressable(editor, '14 January')
        save = find(editor, 'push button', 'Save')
        wait_for(lambda: 'sensitive' in states(save), 5, 'Save to be enabled')
        do_action(save)
        self.app.wait_window_gone('New Contact')
        wait_for(lambda: self.birthday_in_db('Lena Vogt') == '--01-14', 5, 'the birthday to be saved')

        # The contact page shows it.
        key_combo('Control', 'f')
        search = find(self.main, 'entry', 'Search Contacts')
        wait_for(lambda: 'focused' in states(search), 5, 'the search field to have the focus')
        set_text(search, 'Lena')
        self.wait_list(['Lena Vogt'])
        key_combo('Return')
        details = find(self.main, 'list', 'Details')
        find(details, 'label', '14 January')

        # Edited again: the year is added, then the birthday removed.
        do_action(find(self.main, 'push button', 'Edit Contact'))
        editor = self.app.window('Edit Contact')
        do_action(self.pressable(editor, '14 January'))
        year = find(self.app.node, 'check box', 'Year')
        wait_for(lambda: 'focused' in states(find(self.app.node, 'spin button', 'Day')), 5, 'the day to have the focus')
        key_combo('Tab')   # the month
        key_combo('Tab')   # the year's check box
        wait_for(lambda: 'focused' in states(year), 5, 'the year check box to have the focus')
        key_combo('space')
        wait_for(lambda: 'checked' in states(year), 5, 'the year to be known')
        self.pressable(editor, '14 January 1990')
        key_combo('Escape')
        do_action(find(editor, 'push button', 'Save'))
        self.app.wait_window_gone('Edit Contact')
        wait_for(lambda: self.birthday_in_db('Lena Vogt') == '1990-01-14', 5, 'the year to be saved')
        find(find(self.main, 'list', 'Details'), 'label', '14 January 1990')

        do_action(find(self.main, 'push button', 'Edit Contact'))
        editor = self.app.window('Edit Contact')
        do_action(self.pressable(editor, '14 January 1990'))
        do_action(find(self.app.node, 'push button', 'Remove Birthday'))
        self.pressable(editor, 'Not Set')
        do_action(find(editor, 'push button', 'Save'))
        self.app.wait_window_gone('Edit Contact')
        wait_for(lambda: self.birthday_in_db('Lena Vogt') is None, 5, 'the birthday to be removed')


if __name__ == '__main__':
    unittest.main(verbosity=2)
