#!/usr/bin/python3
# test_keyboard.py -- a journey by keyboard alone, as a user who does not use a pointer makes it:
# add a contact (Ctrl+N, the fields in the order they are read, Ctrl+Return to save), find it
# (Ctrl+F), edit it (Ctrl+E), schedule a meeting (Ctrl+Shift+N), open Preferences (Ctrl+comma)
# and the shortcuts (Ctrl+?), and leave each dialog with Escape, nothing saved by leaving; then
# schedule a meeting with the contact on the page (Ctrl+Shift+N, Ctrl+Return), open its preparation
# from the Meetings list (Tab, Return), start it (Alt+T), start the clock (space), end it and write
# the outcome (Ctrl+Return, typing straight into the summary, Ctrl+Return from inside it);
# import a file from the main menu (F10, the item's mnemonic, the file chooser's location,
# Alt+I in the preview); write a request from a contact's page (Alt+W, Ctrl+Return) and, two
# weeks later by the test clock, follow it up from the Today page (Tab to the reminder, Return).
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import sys
import tempfile
import unittest
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import (App, Atspi, find, find_all, key_combo, keyboard_to, register_mail_app,  # noqa: E402
                           set_sender, tab_to, text_of, wait_for)

FIXTURES = os.path.join(os.environ['G_TEST_SRCDIR'], 'fixtures', 'import')
DAY = 24 * 60 * 60
EMAIL_SENT = 0


def type_keys(text):
    """Each character as a key press of its keysym, as a keyboard sends it."""
    for c in text:
        Atspi.generate_keyboard_event(ord(c), None, Atspi.KeySynthType.SYM)


class Keyboard(unittest.TestCase):
    def setUp(self):
        # A database (and a mail app registration) of its own for each journey.
        data = tempfile.mkdtemp(dir=os.environ.get('RAPPORT_SESSION_DIR'))
        self.addCleanup(os.environ.__setitem__, 'XDG_DATA_HOME', os.environ['XDG_DATA_HOME'])
        os.environ['XDG_DATA_HOME'] = data
        self.catch = os.path.join(data, 'mailto.txt')
        register_mail_app(self.catch)
        set_sender()
        self.start()

    def start(self, env=None):
        self.app = App(env=dict({'GSETTINGS_BACKEND': 'keyfile'}, **(env or {})))
        self.addCleanup(self.app.close)
        self.main = self.app.window('Rapport')

    def query(self, sql):
        db = os.path.join(os.environ['XDG_DATA_HOME'], 'rapport', 'rapport.db')
        with sqlite3.connect(db) as conn:
            return conn.execute(sql).fetchall()

    def contacts(self):
        return [row[0] for row in self.query('SELECT display_name FROM contact ORDER BY id')]

    def add_contact(self, name, *fields):
        """A new contact, typed into the editor's fields in their Tab order from the name on:
        each of @fields is (label, text, Tab presses to reach it from the field before)."""
        key_combo('Control', '2')
        find(self.main, 'push button', 'New Contact')
        key_combo('Control', 'n')
        editor = keyboard_to(self.app.window('New Contact'))
        for label, typed, tabs in (('Name (required)', name, 0),) + fields:
            field = find(editor, 'text', label)
            for _ in range(tabs):
                key_combo('Tab')
            type_keys(typed)
            wait_for(lambda: text_of(field) == typed, 5, f'{typed!r} typed into {label}')
        key_combo('Control', 'Return')
        self.app.wait_window_gone('New Contact')
        keyboard_to(self.main, x=8)
        wait_for(lambda: name in self.contacts(), 5, 'the contact to be saved')

    def escape_closes(self, title):
        keyboard_to(self.app.window(title))
        key_combo('Escape')
        self.app.wait_window_gone(title)
        keyboard_to(self.main, x=8)

    def test_journey(self):
        key_combo('Control', '2')
        find(self.main, 'push button', 'New Contact')

        # A new contact: the name has the focus, Tab goes down the form as it reads. What was
        # typed shows where the focus was (GTK 4.8 does not report it without a window manager).
        key_combo('Control', 'n')
        editor = keyboard_to(self.app.window('New Contact'))
        fields = {name: find(editor, 'text', name) for name in
                  ('Name (required)', 'Given Name', 'Family Name', 'Role', 'Organisation')}
        for name, typed in (('Name (required)', 'Kim Keys'), ('Given Name', 'Kim'), ('Family Name', 'Keys'),
                            ('Role', 'Tester'), ('Organisation', 'Keyboard Works')):
            if name != 'Name (required)':
                key_combo('Tab')
            type_keys(typed)
            wait_for(lambda: text_of(fields[name]) == typed, 5, f'{typed!r} typed into {name}')
        key_combo('Control', 'Return')
        self.app.wait_window_gone('New Contact')
        keyboard_to(self.main, x=8)
        wait_for(lambda: self.contacts() == ['Kim Keys'], 5, 'the contact to be saved')

        # Escape leaves an editor without saving what was typed in it.
        key_combo('Control', 'e')
        editor = keyboard_to(self.app.window('Edit Contact'))
        name = find(editor, 'text', 'Name (required)')
        wait_for(lambda: text_of(name) == 'Kim Keys', 5, 'the name in the editor')
        type_keys(' Changed')
        wait_for(lambda: text_of(name) != 'Kim Keys', 5, 'the name to take what was typed')
        key_combo('Escape')
        self.app.wait_window_gone('Edit Contact')
        keyboard_to(self.main, x=8)
        self.assertEqual(self.contacts(), ['Kim Keys'])

        # The search field takes the focus, and finds the contact.
        key_combo('Control', 'f')
        search = find(self.main, None, 'Search Contacts')
        type_keys('Kim')
        wait_for(lambda: text_of(search) == 'Kim', 5, 'the search to take what was typed')
        find(find(self.main, 'list', 'Contacts'), None, 'Kim Keys')
        key_combo('Escape')

        key_combo('Control', 'Shift', 'n')
        self.escape_closes('Schedule Meeting')

        key_combo('Control', 'comma')
        self.escape_closes('Preferences')

        key_combo('Control', 'Shift', 'slash')
        self.escape_closes('Keyboard Shortcuts')

        self.assertEqual(self.contacts(), ['Kim Keys'])

    def test_meeting_journey(self):
        # Schedule, run and end a meeting with the keyboard alone.
        self.add_contact('Mo Meets')
        key_combo('Control', 'Shift', 'n')
        editor = keyboard_to(self.app.window('Schedule Meeting'))
        find(editor, None, 'Mo Meets')   # the contact shown on the page, still changeable
        key_combo('Control', 'Return')
        self.app.wait_window_gone('Schedule Meeting')
        keyboard_to(self.main, x=8)
        wait_for(lambda: self.query('SELECT count(*) FROM meeting') == [(1,)], 5, 'the meeting to be saved')

        key_combo('Control', '3')
        find(self.main, 'list', 'Meetings')
        key_combo('Tab')        # from Schedule Meeting into the list, on the meeting
        key_combo('Return')     # opens its preparation
        find(self.main, 'label', 'About Mo Meets')
        key_combo('Alt', 't')   # the button's mnemonic, S_tart Meeting
        meeting = keyboard_to(self.app.window('Meeting with Mo Meets'))
        key_combo('space')      # starts the clock
        wait_for(lambda: self.query('SELECT started_at IS NOT NULL FROM meeting') == [(1,)], 5, 'the clock to start')
        key_combo('Control', 'Return')   # ends the meeting
        sheet = keyboard_to(self.app.window('How Did It Go?'))
        summary = find(sheet, 'text', 'Summary')
        type_keys('Kind and clear.')
        wait_for(lambda: text_of(summary) == 'Kind and clear.', 5, 'the summary to take what was typed')
        key_combo('Control', 'Return')   # records it
        self.app.wait_window_gone(meeting.get_name())
        self.assertEqual(self.query('SELECT status, summary FROM meeting'), [(2, 'Kind and clear.')])

    def test_import_journey(self):
        # The main menu (F10), its first item by its mnemonic, and the file chooser's location.
        keyboard_to(self.main, x=8)
        key_combo('F10')
        find(self.app.node, 'menu item', 'Import Contacts…')
        key_combo('i')
        chooser = keyboard_to(self.app.window('Import Contacts'))
        key_combo('Control', 'l')
        type_keys(os.path.join(FIXTURES, 'linkedin-connections.csv'))
        key_combo('Return')
        # The preview has the chooser's title; the chooser goes and the preview comes.
        def preview_window():
            windows = [self.app.node.get_child_at_index(i) for i in range(self.app.node.get_child_count())]
            return next((w for w in windows if w is not None and w.get_name() == 'Import Contacts' and
                         w.get_role_name() == 'frame'), None)
        preview = keyboard_to(wait_for(preview_window, 10, 'the preview in place of the file chooser'))
        find(preview, 'label', 'LinkedIn connections', timeout=15)
        self.assertEqual(self.contacts(), [], 'nothing is written before Import')
        key_combo('Alt', 'i')
        self.app.wait_window_gone('Import Contacts', timeout=15)
        imported = wait_for(self.contacts, 10, 'the contacts to be written')
        self.assertIn('Priya Raman', imported)
        find(self.main, 'label', f'Imported {len(imported)} contacts')

    def test_write_and_follow_up_journey(self):
        # A request written from the contact's page: Alt+W, and Ctrl+Return hands it to the mail app.
        self.add_contact('Wren Writes', ('Role', 'Data Analyst', 3), ('Organisation', 'Keyboard Works', 1),
                         ('Email', 'wren@example.org', 1))
        key_combo('Alt', 'w')
        composer = keyboard_to(self.app.window('Write to Wren Writes'))
        body = find(composer, 'text', 'Message')
        wait_for(lambda: 'Sam Porter' in text_of(body), 10, 'the request, signed')
        self.assertEqual(text_of(find(composer, 'text', 'To')), 'wren@example.org')
        key_combo('Control', 'Return')
        self.app.wait_window_gone('Write to Wren Writes')
        wait_for(lambda: os.path.exists(self.catch), 10, 'the mail app to get the request')
        with open(self.catch) as f:
            self.assertTrue(f.read().startswith('mailto:wren@example.org?'))
        wait_for(lambda: self.query('SELECT count (*) FROM interaction WHERE kind = 0') == [(1,)], 10,
                 'the request on the timeline')
        self.app.close()
        os.remove(self.catch)

        # Fifteen days later it is overdue on Today: Tab to it, and Return opens Wren's page,
        # where Alt+W writes the follow-up.
        self.start({'RAPPORT_TEST_TIME_OFFSET': str(15 * DAY)})
        keyboard_to(self.main, x=8)
        key_combo('Control', '1')
        overdue = find(self.main, 'list', 'Overdue')
        row = wait_for(lambda: next((r for r in find_all(overdue, 'list item') if find_all(r, 'label', 'Follow up with Wren Writes')),
                                    None), 10, 'the follow-up on Today')
        # Tab goes along the header bar (the pages, the main menu), then New Reminder…, then the row.
        tab_to(row, 10)
        key_combo('Return')
        find(self.main, 'push button', 'Write…')   # Wren's page
        key_combo('Alt', 'w')
        composer = keyboard_to(self.app.window('Write to Wren Writes'))
        body = find(composer, 'text', 'Message')
        wait_for(lambda: 'following up' in text_of(body), 10, 'the follow-up')
        key_combo('Control', 'Return')
        self.app.wait_window_gone('Write to Wren Writes')
        wait_for(lambda: os.path.exists(self.catch), 10, 'the mail app to get the follow-up')
        with open(self.catch) as f:
            fields = urllib.parse.parse_qs(urllib.parse.urlsplit(f.read()).query)
        self.assertIn('following up', fields['body'][0])
        wait_for(lambda: self.query("SELECT count (*) FROM interaction WHERE kind = 0 AND summary LIKE 'Follow-up: %'")
                 == [(1,)], 10, 'the follow-up on the timeline')
        wait_for(lambda: not find_all(self.main, 'label', 'Follow up with Wren Writes'), 10, 'the reminder to go')


if __name__ == '__main__':
    unittest.main(verbosity=2)
