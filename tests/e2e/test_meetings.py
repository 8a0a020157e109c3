#!/usr/bin/python3
# test_meetings.py -- meetings, driven through AT-SPI as a user would: create a contact,
# schedule a meeting from their page, follow it to the Meetings page, where it is listed
# under Upcoming, and prepare for it there; the contact has moved to the Scheduled stage
# and the checklist is kept with the meeting.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import sys
import time
import unittest

from gi.repository import GLib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import Atspi, App, do_action, find, find_all, key_combo, states, wait_for  # noqa: E402

STAGE_SCHEDULED = 2
CHECKLIST_FIRST_BIT = 16   # RAPPORT_CHECKLIST_FIRST_BIT: below are the agenda's steps
NOTEBOOK_ITEM = 3


def query(sql, *args):
    db = os.path.join(os.environ['XDG_DATA_HOME'], 'rapport', 'rapport.db')
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


class Meetings(unittest.TestCase):
    def setUp(self):
        self.app = App()
        self.addCleanup(self.app.close)
        self.main = self.app.window('Rapport')
        self.switcher = find(self.main, 'page tab list')

    def show_page(self, key, name):
        key_combo('Control', key)
        wait_for(lambda: 'selected' in states(find(self.switcher, 'page tab', name)), 5, f'the {name} page')

    def click(self, node):
        """GTK 4.8 check buttons have no AT-SPI action and cannot be focused through it:
        scroll them into view with the wheel and click them, as a pointer user does."""
        window = self.main.get_extents(Atspi.CoordType.SCREEN)
        x, y = window.x + window.width * 2 // 3, window.y + window.height // 2
        for _ in range(60):
            ext = node.get_extents(Atspi.CoordType.SCREEN)
            if window.y + 80 < ext.y < window.y + window.height - 40:
                break
            Atspi.generate_mouse_event(x, y, 'b5c' if ext.y > y else 'b4c')
            time.sleep(0.1)
        Atspi.generate_mouse_event(ext.x + ext.width // 2, ext.y + ext.height // 2, 'b1c')

    def create_contact(self, name, organisation):
        do_action(find(self.main, 'push button', 'New Contact'))
        editor = self.app.window('New Contact')
        find(editor, 'text', 'Name (required)').set_text_contents(name)
        find(editor, 'text', 'Organisation').set_text_contents(organisation)
        save = find(editor, 'push button', 'Save')
        wait_for(lambda: 'sensitive' in states(save), 5, 'Save to be enabled')
        do_action(save)
        self.app.wait_window_gone('New Contact')

    def test_schedule_and_prepare(self):
        # A new user is told how to start.
        self.show_page('3', 'Meetings')
        find(self.main, 'label', 'No Meetings Yet')

        self.show_page('2', 'Contacts')
        self.create_contact('Priya Raman', 'Northwind Labs')

        # Schedule from her page: the contact is fixed, the rest has defaults.
        their_meetings = find(self.main, 'list', 'Meetings with This Person')
        find(their_meetings, 'list item', 'No meetings yet')
        do_action(find(self.main, 'push button', 'Schedule Meeting…'))
        editor = self.app.window('Schedule Meeting')
        find(editor, 'label', 'Priya Raman')
        find(editor, 'text', 'Place, Phone Number or Video Call Link').set_text_contents('Café Central')
        find(editor, 'text', 'What You Want to Learn').set_text_contents('How research teams hire')
        do_action(find(editor, 'push button', '30 minutes'))
        save = find(editor, 'push button', 'Save')
        wait_for(lambda: 'sensitive' in states(save), 5, 'Save to be enabled')
        do_action(save)
        self.app.wait_window_gone('Schedule Meeting')

        rows = query('SELECT m.duration, m.place, m.purpose, c.stage FROM meeting m '
                     'JOIN contact c ON c.id = m.contact_id WHERE c.display_name = ?', 'Priya Raman')
        self.assertEqual(rows, [(30, 'Café Central', 'How research teams hire', STAGE_SCHEDULED)])

        # Her page lists the meeting; opening it leads to the Meetings page.
        def open_meeting():
            buttons = [b for b in find_all(their_meetings, 'push button') if b.get_name()]
            try:
                return buttons and (do_action(buttons[0]) or True)
            except GLib.Error:
                return False   # the list was refilled meanwhile
        wait_for(open_meeting, 10, 'her meeting to open')
        wait_for(lambda: 'selected' in states(find(self.switcher, 'page tab', 'Meetings')), 5, 'the Meetings page')

        meetings = find(self.main, 'list', 'Meetings')
        find(meetings, 'label', 'Upcoming')
        item = find(meetings, 'list item', 'Priya Raman, Northwind Labs')
        wait_for(lambda: 'selected' in states(item), 5, 'her meeting to be selected')

        # The preparation: who, what to learn, and the checklist, kept with the meeting.
        find(self.main, 'label', 'About Priya Raman')
        find(self.main, 'label', 'Checklist for the Day')
        find(self.main, 'label', 'How research teams hire')
        notebook = find(self.main, 'check box', 'Bring a notebook and a pen')
        self.assertNotIn('checked', states(notebook))
        self.click(notebook)
        wait_for(lambda: 'checked' in states(notebook), 5, 'the check box to be checked')
        bit = 1 << (CHECKLIST_FIRST_BIT + NOTEBOOK_ITEM)
        wait_for(lambda: query('SELECT agenda_done FROM meeting')[0][0] & bit, 5, 'the checklist to be saved')
        find(self.main, 'push button', 'Start Meeting')


if __name__ == '__main__':
    unittest.main(verbosity=2)
