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
from rapport_atspi import App, click, do_action, find, find_all, key_combo, spoken_name, states, wait_for  # noqa: E402

STAGE_SCHEDULED = 2
STAGE_MET = 3
MEETING_HELD = 2
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
        click(self.main, notebook)
        wait_for(lambda: 'checked' in states(notebook), 5, 'the check box to be checked')
        bit = 1 << (CHECKLIST_FIRST_BIT + NOTEBOOK_ITEM)
        wait_for(lambda: query('SELECT agenda_done FROM meeting')[0][0] & bit, 5, 'the checklist to be saved')

        # Three questions from the bank (each is a check box in its popover).
        # (GTK 4.8 names a menu button's inner button after its label, and only that one can be pressed.)
        bank = wait_for(lambda: next((b for b in find_all(self.main, 'push button', 'Add From Bank')
                                      if b.get_n_actions()), None), 10, 'the question bank button')
        do_action(bank)
        bank_list = find(self.app.node, 'list', 'Question Bank')
        boxes = wait_for(lambda: find_all(bank_list, 'check box')[:3] if len(find_all(bank_list, 'check box')) >= 3
                         else None, 10, 'the questions of the bank')
        picked = [spoken_name(box) for box in boxes]
        for box in boxes:
            click(bank_list, box, scroll=False)
            wait_for(lambda: 'checked' in states(box), 5, 'the question to be picked')
        wait_for(lambda: [r[0] for r in query('SELECT text FROM meeting_question ORDER BY position')] == picked, 5,
                 'the three questions to be saved in order')
        key_combo('Escape')

        # The meeting itself: the clock counts down from 30:00.
        do_action(find(self.main, 'push button', 'Start Meeting'))
        meeting = self.app.window('Meeting with Priya Raman')
        find(meeting, 'label', picked[0])
        clock = find(meeting, 'progress bar', 'Time Left')
        self.assertEqual(clock.get_description(), '30:00 left')
        do_action(find(meeting, 'push button', 'Start'))
        wait_for(lambda: clock.get_description() == '29:58 left', 5, 'the clock to count down')
        self.assertEqual(query('SELECT started_at IS NOT NULL FROM meeting'), [(1,)])

        # A note, saved as it is typed, and an answer to the first question.
        find(meeting, 'text', 'Meeting Notes').set_text_contents('They hire through referrals.')
        find(meeting, 'text', f'Notes on “{picked[0]}”').set_text_contents('Ten years, two companies.')
        wait_for(lambda: query('SELECT notes FROM meeting') == [('They hire through referrals.',)], 5,
                 'the note to be saved')
        wait_for(lambda: query('SELECT answer FROM meeting_question WHERE position = 0') ==
                 [('Ten years, two companies.',)], 5, 'the answer to be saved')

        # End it, and record one referral on the outcome sheet.
        do_action(find(meeting, 'push button', 'End Meeting'))
        sheet = self.app.window('How Did It Go?')
        find(sheet, 'text', 'Summary').set_text_contents('Generous with her time.')
        do_action(find(sheet, 'push button', 'Add Referral'))
        find(sheet, 'text', 'Name (required)').set_text_contents('Omar Haddad')
        find(sheet, 'text', 'Organisation').set_text_contents('Contoso Data')
        find(sheet, 'text', 'Email').set_text_contents('omar@contoso.example')
        do_action(find(sheet, 'push button', 'Record Meeting'))
        self.app.wait_window_gone('Meeting with Priya Raman')

        self.assertEqual(query('SELECT status FROM meeting'), [(MEETING_HELD,)])
        self.assertEqual(query("SELECT stage FROM contact WHERE display_name = 'Priya Raman'"), [(STAGE_MET,)])

        # The new contact is there, introduced by Priya.
        self.show_page('2', 'Contacts')
        key_combo('Control', 'f')
        search = find(self.main, 'entry', 'Search Contacts')
        wait_for(lambda: 'focused' in states(search), 5, 'the search field to have the focus')
        search.set_text_contents('Omar')
        contacts = find(self.main, 'list', 'Contacts')

        def listed():
            try:
                return [item.get_child_at_index(0).get_name() for item in find_all(contacts, 'list item')]
            except (GLib.Error, AttributeError):
                return []   # a row recycled while we read it
        # Priya is found too: her timeline records that she suggested him.
        wait_for(lambda: listed() == ['Omar Haddad', 'Priya Raman'], 10, 'Omar, and Priya who named him')
        key_combo('Return')
        introductions = find(self.main, 'list', 'Introductions')
        find(introductions, 'push button', 'Priya Raman')


if __name__ == '__main__':
    unittest.main(verbosity=2)
