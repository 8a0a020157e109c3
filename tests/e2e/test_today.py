#!/usr/bin/python3
# test_today.py -- the Today page, driven through AT-SPI as a user would: a request sent
# fifteen days ago without a reply is listed as an overdue follow-up with its count on the
# page's switcher; Done removes it (and the database has it done), Undo brings it back;
# a reminder of one's own made with the New Reminder dialog is listed for tomorrow.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import App, do_action, find, find_all, key_combo, spoken_name, states, wait_for  # noqa: E402

DAY = 86400
EMAIL_SENT = 0
FOLLOW_UP = 0
CUSTOM = 7
PENDING = 0
DONE = 1
SNOOZED = 2


def database():
    return os.path.join(os.environ['XDG_DATA_HOME'], 'rapport', 'rapport.db')


def query(sql, *args):
    with sqlite3.connect(database()) as conn:
        return conn.execute(sql, args).fetchall()


def seed():
    """A contact asked for a conversation by email fifteen days ago and never answered.
    The stored intervals are made to differ from the preferences, as after a change in
    Preferences, so that Rapport derives every contact's reminders again at start."""
    now = int(time.time())
    with sqlite3.connect(database()) as conn:
        cur = conn.execute('INSERT INTO contact (display_name, sort_key, stage, created_at, updated_at) '
                           'VALUES (?, ?, 1, ?, ?)', ('Ada Lovelace', 'ada lovelace', now - 30 * DAY, now))
        conn.execute('INSERT INTO interaction (contact_id, kind, happened_at, summary, created_at, updated_at) '
                     'VALUES (?, ?, ?, ?, ?, ?)',
                     (cur.lastrowid, EMAIL_SENT, now - 15 * DAY, 'Asked for 20 minutes', now, now))
        conn.execute("INSERT INTO meta (key, value) VALUES ('reminder-settings', '1,1,1,1,1,1') "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value")


class Today(unittest.TestCase):
    def start(self):
        self.app = App()
        self.addCleanup(self.app.close)
        self.main = self.app.window('Rapport')
        self.switcher = find(self.main, 'page tab list')

    def today_tab(self):
        return find(self.switcher, 'page tab', 'Today')

    def badge(self):
        """The number on the Today tab, or None."""
        labels = [spoken_name(n) for n in find_all(self.today_tab(), 'label')]
        numbers = [t for t in labels if t.isdigit()]
        return int(numbers[0]) if numbers else None

    def row_titled(self, group, title, timeout=10.0):
        lst = find(self.main, 'list', group, timeout)
        return wait_for(lambda: next((r for r in find_all(lst, 'list item')
                                      if find_all(r, 'label', title)), None), timeout, f'{title!r} in {group}')

    def test_today(self):
        # The first start makes the database; the contact is added while Rapport is closed.
        self.start()
        wait_for(lambda: os.path.exists(database()), 10, 'the database')
        find(self.main, 'label', 'All Caught Up')
        self.assertIsNone(self.badge())
        key_combo('Control', 'q')
        self.app.wait_exit()
        seed()

        self.start()
        title = 'Follow up with Ada Lovelace'
        row = self.row_titled('Overdue', title)
        find(row, 'label', 'Yesterday')
        wait_for(lambda: self.badge() == 1, 10, 'the count 1 on the Today tab')
        (reminder_id, state), = query('SELECT id, state FROM reminder WHERE kind = ?', FOLLOW_UP)
        self.assertEqual(state, PENDING)

        # Done, and Undo on its toast at once: back, pending, counted.
        do_action(find(row, 'push button', 'Done'))
        do_action(find(self.main, 'push button', 'Undo'))
        wait_for(lambda: query('SELECT state FROM reminder WHERE id = ?', reminder_id) == [(PENDING,)], 10,
                 'the reminder to be pending again')
        row = self.row_titled('Overdue', title)
        wait_for(lambda: self.badge() == 1, 10, 'the count 1 again')

        # Done: gone from the page and from the count, done in the database.
        do_action(find(row, 'push button', 'Done'))
        wait_for(lambda: query('SELECT state FROM reminder WHERE id = ?', reminder_id) == [(DONE,)], 10,
                 'the reminder to be done')
        wait_for(lambda: not find_all(self.main, 'label', title), 10, 'the row to go')
        self.assertIsNone(self.badge())
        find(self.main, 'label', 'All Caught Up')

        # One's own: tomorrow at nine by default.
        do_action(find(self.main, 'push button', 'New Reminder…'))
        editor = self.app.window('New Reminder')
        save = find(editor, 'push button', 'Save')
        self.assertNotIn('sensitive', states(save))
        find(editor, 'text', 'What to Do').set_text_contents('Update my CV')
        find(editor, 'text', 'Details (Optional)').set_text_contents('Add the data project')
        wait_for(lambda: 'sensitive' in states(save), 5, 'Save to be enabled')
        do_action(save)
        self.app.wait_window_gone('New Reminder')
        own = self.row_titled('Next 7 Days', 'Update my CV')
        find(own, 'label', 'Add the data project')
        find(own, 'label', 'Tomorrow, 09:00')
        (own_id, text, due_at), = query('SELECT id, text, due_at FROM reminder WHERE kind = ?', CUSTOM)
        self.assertEqual(text, 'Update my CV\nAdd the data project')
        tomorrow = time.localtime(time.time() + DAY)
        self.assertEqual(time.localtime(due_at)[:5], (*tomorrow[:3], 9, 0))
        # not due today: not counted
        self.assertIsNone(self.badge())

        # Edited from its row: the same reminder, the new text.
        do_action(find(own, 'push button', 'Edit Reminder'))
        editor = self.app.window('Edit Reminder')
        find(editor, 'text', 'What to Do').set_text_contents('Update my CV and my profile')
        do_action(find(editor, 'push button', 'Save'))
        self.app.wait_window_gone('Edit Reminder')
        own = self.row_titled('Next 7 Days', 'Update my CV and my profile')
        self.assertEqual(query('SELECT id, text FROM reminder WHERE kind = ?', CUSTOM),
                         [(own_id, 'Update my CV and my profile\nAdd the data project')])

        # Snoozed to next week: Monday at nine.
        snooze = wait_for(lambda: next((n for n in find_all(own, None, 'Snooze') if n.get_n_actions() > 0), None),
                          10, 'the Snooze button')   # a menu button: its inner button has the action
        do_action(snooze)
        do_action(find(self.app.node, 'menu item', 'Next Week'))
        wait_for(lambda: query('SELECT state FROM reminder WHERE id = ?', own_id) == [(SNOOZED,)], 10,
                 'the reminder to be snoozed')
        (until,), = query('SELECT snoozed_until FROM reminder WHERE id = ?', own_id)
        monday = time.localtime(time.time() + (7 - time.localtime().tm_wday) * DAY)
        self.assertEqual(time.localtime(until)[:5], (*monday[:3], 9, 0))
        own = self.row_titled('Next 7 Days', 'Update my CV and my profile')
        # and Undo on its toast: pending again
        do_action(find(self.main, 'push button', 'Undo'))
        wait_for(lambda: query('SELECT state FROM reminder WHERE id = ?', own_id) == [(PENDING,)], 10,
                 'the reminder to be pending again')
        own = self.row_titled('Next 7 Days', 'Update my CV and my profile')

        # Deleted from its row, and back with Undo on its toast at once.
        do_action(find(own, 'push button', 'Delete Reminder'))
        do_action(find(self.main, 'push button', 'Undo'))
        self.row_titled('Next 7 Days', 'Update my CV and my profile')
        self.assertEqual(query('SELECT text, state FROM reminder WHERE kind = ?', CUSTOM),
                         [('Update my CV and my profile\nAdd the data project', PENDING)])


if __name__ == '__main__':
    unittest.main(verbosity=2)
