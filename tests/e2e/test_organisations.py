#!/usr/bin/python3
# test_organisations.py -- the target list, driven through AT-SPI as a user would: six
# organisations typed one a line into the empty Organisations page, rated with their
# drop-downs (one parked), listed in the method's order; the Today page's focus shows the
# first five not parked with their next step, in that order, and opening one shows it on
# the Organisations page with the keyboard on it.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import (App, Atspi, click, do_action, find, find_all, key_combo, spoken_name,  # noqa: E402
                           states, wait_for)
from test_accessible_names import bad_names  # noqa: E402

PARKED = 3
# name: (motivation, posting, parked); typed in this order, which is not the list's
RATINGS = {
    'Globex': (0, 1, False),
    'Hooli': (2, 1, False),
    'Wayne Enterprises': (3, 3, True),
    'Acme': (1, 2, False),
    'Umbrella': (3, 1, False),
    'Initech': (2, 3, False),
}
# Motivation, then Posting, highest first (nobody known anywhere: no Advocacy)
ORDER = ['Wayne Enterprises', 'Umbrella', 'Initech', 'Hooli', 'Acme', 'Globex']
FOCUS = [name for name in ORDER if not RATINGS[name][2]]


def database():
    return os.path.join(os.environ['XDG_DATA_HOME'], 'rapport', 'rapport.db')


def query(sql, *args):
    with sqlite3.connect(database()) as conn:
        return conn.execute(sql, args).fetchall()


class Organisations(unittest.TestCase):
    def setUp(self):
        self.app = App()
        self.addCleanup(self.app.close)
        self.main = self.app.window('Rapport')
        self.switcher = find(self.main, 'page tab list')

    def show_page(self, key, name):
        """Ctrl+key, again if a drop-down's list closing at that moment took the first."""
        tab = find(self.switcher, 'page tab', name)
        for _ in range(3):
            key_combo('Control', key)
            try:
                return wait_for(lambda: 'selected' in states(tab), 2, f'the {name} page')
            except AssertionError:
                pass
        raise AssertionError(f'Ctrl+{key} did not show the {name} page')

    def target_list(self):
        return find(self.main, 'list', 'Target Organisations')

    def items(self):
        """The list's items: its own children (a walk of the whole list would also read every
        drop-down's choices, which is slow over AT-SPI)."""
        lst = self.target_list()
        return [c for c in (lst.get_child_at_index(i) for i in range(lst.get_child_count()))
                if c is not None and c.get_role_name() == 'list item']

    def rows_of(self, name):
        """The list items showing an organisation, on screen first: the rows are recycled,
        and one kept out of view (no size) may still show it."""
        rows = [r for r in self.items() if self.name_of(r) == name]
        return sorted(rows, key=lambda r: r.get_extents(Atspi.CoordType.SCREEN).height == 0)

    def row_of(self, name):
        return wait_for(lambda: next(iter(self.rows_of(name)), None), 10, f'the row of {name}')

    @staticmethod
    def name_of(item):
        """The organisation a row shows: the first label of its heading (row > box > box > box >
        box > box > label), read without going into the drop-downs."""
        node = item
        for _ in range(6):
            if node is None or node.get_child_count() == 0:
                return None
            node = node.get_child_at_index(0)
        return spoken_name(node) if node is not None and node.get_role_name() == 'label' else None

    def shows_order(self, order):
        """The rows on screen (at least three) are the first of order, in order."""
        shown = self.listed()
        return len(shown) >= 3 and shown == order[:len(shown)]

    def scroll_to_top(self):
        """A few turns of the wheel up; False, to wait on."""
        area = self.main.get_extents(Atspi.CoordType.SCREEN)
        for _ in range(3):
            Atspi.generate_mouse_event(area.x + area.width // 2, area.y + area.height // 2, 'b4c')
            time.sleep(0.1)
        return False

    def listed(self):
        """The organisations of the rows on screen, top to bottom."""
        rows = [r for r in self.items() if r.get_extents(Atspi.CoordType.SCREEN).height > 0]
        rows.sort(key=lambda r: r.get_extents(Atspi.CoordType.SCREEN).y)
        return [self.name_of(r) for r in rows]

    def reveal(self, name, rating):
        """Scrolls the list with the wheel until the row's drop-down is on screen. A row out of
        view has no place yet (the list view makes rows only for what it shows): the wheel
        goes down to find it first, then up."""
        area = self.main.get_extents(Atspi.CoordType.SCREEN)
        x, y = area.x + area.width // 2, area.y + area.height // 2
        for turn in range(80):
            combo = find(self.row_of(name), 'combo box', rating)
            ext = combo.get_extents(Atspi.CoordType.SCREEN)
            if ext.height > 0 and area.y + 120 < ext.y < area.y + area.height - ext.height - 10:
                return combo
            down = ext.y > y if ext.height > 0 else turn < 40
            Atspi.generate_mouse_event(x, y, 'b5c' if down else 'b4c')
            time.sleep(0.1)
        raise AssertionError(f'the {rating} of {name} never came into view')

    def choose(self, name, rating, index):
        """Opens the row's drop-down with a click and picks the index-th choice with the keys,
        as a user does (the keys start on the current choice). Returns the choices."""
        combo = self.reveal(name, rating)
        button = find(combo, 'push button', rating)
        click(self.main, combo, scroll=False)
        wait_for(lambda: 'pressed' in states(button), 5, f'the choices of {rating} to open')
        items = wait_for(lambda: find_all(combo, 'list item'), 5, f'the choices of {rating}')
        focused, = wait_for(lambda: next(((i,) for i, item in enumerate(items) if 'focused' in states(item)), None),
                            5, f'the keyboard on the current {rating}')
        choices = [spoken_name(label) for item in items for label in find_all(item, 'label')]
        for _ in range(abs(index - focused)):
            key_combo('Down' if index > focused else 'Up')
        key_combo('Return')
        wait_for(lambda: 'pressed' not in states(button), 5, f'the choices of {rating} to close')
        return choices

    def test_rate_and_focus(self):
        self.show_page('6', 'Organisations')
        find(self.main, 'label', 'Where Would You Like to Work?')
        find(self.main, 'text', 'Organisations, One a Line').set_text_contents(
            '\n'.join(RATINGS) + '\n\n  Acme  \n')   # a blank line and a repeat, with spaces
        do_action(find(self.main, 'push button', 'Add to the List'))
        find(self.main, 'label', '6 organisations added to the list')
        find(self.main, 'label', '6 organisations on your list. Around 40 gives you plenty to choose from.')
        self.assertEqual(sorted(n for n, in query('SELECT o.name FROM organisation_target t '
                                                   'JOIN organisation o ON o.id = t.organisation_id')),
                         sorted(RATINGS))
        # new: by name, each with its first step and nobody known there
        wait_for(lambda: self.shows_order(sorted(RATINGS)), 10, 'the list by name')
        find(self.row_of('Acme'), 'label', 'Next: find a contact there')
        find(self.row_of('Acme'), 'label', 'None of your contacts works here yet')
        # every control of the rows named cleanly (the drop-downs' buttons by their captions)
        self.assertEqual(bad_names(self.target_list()), [])
        self.assertEqual(len(find_all(self.row_of('Acme'), 'push button', 'Take Acme Off the List')), 1)

        for name, (motivation, posting, parked) in RATINGS.items():
            if motivation != 0:
                self.choose(name, 'Motivation', motivation)
            if posting != 1:
                self.choose(name, 'Posting', posting - 1)   # the first choice is 1
            if parked:
                self.assertEqual(self.choose(name, 'Stage', PARKED)[PARKED], 'Parked')
            wait_for(lambda: query('SELECT motivation, posting, stage = ? FROM organisation_target t '
                                   'JOIN organisation o ON o.id = t.organisation_id WHERE o.name = ?',
                                   PARKED, name) == [(motivation, posting, int(parked))], 10,
                     f'the ratings of {name}')

        # the method's order; the parked one stays on the list but is not in the focus
        wait_for(lambda: self.shows_order(ORDER) or self.scroll_to_top(), 20, f'the list in the order {ORDER}')
        self.assertFalse(find_all(self.row_of('Wayne Enterprises'), 'label', 'In Focus'))
        find(self.row_of('Umbrella'), 'label', 'In Focus')

        # Today: the five, in order, each with its next step
        self.show_page('1', 'Today')
        focus = find(self.main, 'list', 'Your Focus')
        expected = [f'Find a contact at {name}' for name in FOCUS]
        titles = lambda: [next((spoken_name(n) for n in find_all(item, 'label')
                                if spoken_name(n).startswith('Find a contact at')), None)
                          for item in find_all(focus, 'list item')]
        wait_for(lambda: titles() == expected, 10, f'the focus {expected}')
        find(focus, 'label', 'Motivation 3 · Posting 1 · Advocacy: no')
        # shown although nothing is due (the page is not "All Caught Up" then)
        self.assertGreater(focus.get_extents(Atspi.CoordType.SCREEN).height, 0)

        # opening one shows it on the Organisations page, the keyboard on its row
        second = find_all(focus, 'list item')[1]
        find(second, 'label', 'Find a contact at Initech')
        click(self.main, second)
        wait_for(lambda: 'selected' in states(find(self.switcher, 'page tab', 'Organisations')), 5,
                 'the Organisations page')
        wait_for(lambda: 'focused' in states(self.row_of('Initech')), 10, 'the keyboard on Initech')

        # a rating changed on the page moves the focus on Today: Globex up to first
        self.choose('Globex', 'Motivation', 3)
        self.choose('Globex', 'Posting', 2)
        self.show_page('1', 'Today')
        expected = [f'Find a contact at {name}' for name in ['Globex', 'Umbrella', 'Initech', 'Hooli', 'Acme']]
        wait_for(lambda: titles() == expected, 10, f'the focus {expected}')


if __name__ == '__main__':
    unittest.main(verbosity=2)
