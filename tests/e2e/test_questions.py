#!/usr/bin/python3
# test_questions.py -- the question bank, driven through AT-SPI as a user would: the
# built-in questions are there on first start; add one, find it by searching, star it,
# delete it and take the deletion back.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import sys
import unittest

from gi.repository import GLib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import App, do_action, find, find_all, key_combo, states, wait_for  # noqa: E402

MINE = 'What would you change about how newcomers are trained?'
TRENDS = 'Which changes do you see coming for this industry in the next few years?'


def database():
    return os.path.join(os.environ['XDG_DATA_HOME'], 'rapport', 'rapport.db')


def query(sql, *args):
    with sqlite3.connect(database()) as conn:
        return list(conn.execute(sql, args))


def row_of(page, text):
    """The list item whose question reads text."""
    for item in find_all(page, 'list item'):
        try:
            if find_all(item, 'label', text):
                return item
        except GLib.Error:
            pass
    return None


class Questions(unittest.TestCase):
    def setUp(self):
        self.app = App()
        self.addCleanup(self.app.close)
        self.main = self.app.window('Rapport')
        key_combo('Control', '4')
        switcher = find(self.main, 'page tab list')
        wait_for(lambda: 'selected' in states(find(switcher, 'page tab', 'Questions')), 5, 'the Questions page')

    def hidden(self, text):
        row = row_of(self.main, text)
        return row is None or 'visible' not in states(row)

    def test_bank(self):
        # The bank is seeded on first start, in eight categories.
        find(self.main, 'list', 'The Industry')
        find(self.main, 'list', 'Asking for More Contacts')
        find(self.main, 'label', 'Who else would you suggest I talk to?')
        self.assertFalse(self.hidden(TRENDS))
        self.assertGreaterEqual(query('SELECT count (*) FROM question')[0][0], 40)
        self.assertEqual(query('SELECT count (*) FROM question_category')[0][0], 8)

        # Add a question of one's own, filed under Advice.
        do_action(find(self.main, 'push button', 'New Question'))
        editor = self.app.window('New Question')
        find(editor, 'text', 'Question').set_text_contents(MINE)
        save = find(editor, 'push button', 'Save')
        wait_for(lambda: 'sensitive' in states(save), 5, 'Save to be enabled')
        do_action(save)
        self.app.wait_window_gone('New Question')
        wait_for(lambda: query('SELECT count (*) FROM question WHERE text = ?', MINE)[0][0] == 1, 5,
                 'the question to be saved')
        find(self.main, 'label', MINE)

        # Search, case and accents aside: only matching questions stay. On this page,
        # Ctrl+F finds questions.
        key_combo('Control', 'f')
        search = find(self.main, 'entry', 'Search Questions')
        wait_for(lambda: 'focused' in states(search), 5, 'the search field to have the focus')
        search.set_text_contents('NEWCÖMERS')
        wait_for(lambda: self.hidden(TRENDS), 5, 'other questions to be hidden')
        row = wait_for(lambda: row_of(self.main, MINE), 5, 'the new question in the results')
        self.assertIn('visible', states(row))

        # Nothing matches: the page says so.
        search.set_text_contents('xylophone')
        find(self.main, 'label', 'No Matching Questions')
        search.set_text_contents('newcomers')
        row = wait_for(lambda: row_of(self.main, MINE), 5, 'the new question in the results')

        # Star it.
        do_action(find(row, 'push button', 'Star'))
        wait_for(lambda: query('SELECT starred FROM question WHERE text = ?', MINE) == [(1,)], 5,
                 'the question to be starred')
        find(row, 'push button', 'Unstar')

        # Delete it from its editor (Enter in the search opens the first found), then undo.
        key_combo('Return')
        editor = self.app.window('Edit Question')
        do_action(find(editor, 'push button', 'Delete Question'))
        self.app.wait_window_gone('Edit Question')
        undo = find(self.main, 'push button', 'Undo')
        wait_for(lambda: query('SELECT count (*) FROM question WHERE text = ?', MINE) == [(0,)], 5,
                 'the question to be deleted')
        do_action(undo)
        wait_for(lambda: query('SELECT starred FROM question WHERE text = ?', MINE) == [(1,)], 5,
                 'the question to be back, still starred')
        wait_for(lambda: row_of(self.main, MINE), 5, 'the question to be listed again')


if __name__ == '__main__':
    unittest.main(verbosity=2)
