#!/usr/bin/python3
# test_accessible_names.py -- what a screen reader announces, on every window and dialog:
# each push button, toggle, check box, radio, menu item and page tab has a name, with no
# mnemonic underscore and no text said twice ("_People People", "Bring a notebook and a pen
# Bring a notebook and a pen" are what GTK 4.8 reads when a control is named twice). The main
# actions are named exactly. And the keyboard: Escape closes each dialog.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import unittest

from gi.repository import GLib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import App, Atspi, do_action, find, find_all, key_combo, matches, states, wait_for, walk  # noqa: E402

FIXTURES = os.path.join(os.environ['G_TEST_SRCDIR'], 'fixtures', 'import')
CONTROLS = {'push button', 'toggle button', 'check box', 'radio button', 'menu item', 'check menu item',
            'radio menu item', 'page tab'}


def said_twice(name):
    """True for "Import Import", "_Import Import" or "A B A B": one text, then the same again."""
    for i, c in enumerate(name):
        if c == ' ' and name[:i].replace('_', '') == name[i + 1:].replace('_', ''):
            return True
    return False


def bad_names(root):
    """The controls below root that a screen reader would announce badly, as 'role: name'."""
    bad = []
    for node in walk(root):
        try:
            role = node.get_role_name()
            if role not in CONTROLS:
                continue
            name = node.get_name() or ''
        except GLib.Error:
            continue   # gone while the tree was read
        if not name.strip() or '_' in name or said_twice(name) or name.startswith('Gtk'):
            where = ''
            if os.environ.get('RAPPORT_E2E_DEBUG'):
                chain, up = [], node.get_parent()
                while up is not None and len(chain) < 5:
                    chain.append(f'{up.get_role_name()}:{up.get_name()!r}')
                    up = up.get_parent()
                where = f' in {" < ".join(chain)} ({node.get_description()!r}) {sorted(states(node))}'
            bad.append(f'{role}: {name!r}{where}')
    return bad


def names(root, role):
    result = []
    for node in find_all(root, role):
        try:
            result.append(node.get_name())
        except GLib.Error:
            pass
    return result


class AccessibleNames(unittest.TestCase):
    def setUp(self):
        self.bad = {}
        self.app = None

    def start(self, *args):
        if self.app is not None:
            self.app.close()
        self.app = App(*args)
        self.addCleanup(self.app.close)
        return self.app

    def check(self, root, where):
        found = bad_names(root)
        if found:
            self.bad.setdefault(where, []).extend(n for n in found if n not in self.bad.get(where, []))

    def assert_named(self, root, role, name):
        if name not in names(root, role):
            self.bad.setdefault('exact names', []).append(f'no {role} named {name!r}')

    def new_window(self, before, what):
        title = wait_for(lambda: next((t for t in self.app.windows() if t not in before), None), 10, what)
        return title, self.app.window(title)

    def show_page(self, main, key, name):
        key_combo('Control', key)
        # the window's switcher, not the Insights page's own (Overview, Network)
        tab = wait_for(lambda: next((t for s in find_all(main, 'page tab list') for t in walk(s)
                                     if matches(t, 'page tab', name)), None), 5, f'the {name} tab')
        wait_for(lambda: 'selected' in states(tab), 5, f'the {name} page')

    def escape_closes(self, title):
        key_combo('Escape')
        self.app.wait_window_gone(title, 5)

    def test_every_window(self):
        # No contacts yet: the empty Contacts page.
        app = self.start()
        main = app.window('Rapport')
        self.show_page(main, '2', 'Contacts')
        self.assert_named(main, 'push button', 'Add a Contact')
        self.assert_named(main, 'push button', 'People')
        self.check(main, 'empty Contacts page')
        app.close()
        self.app = None

        # The import preview, opened as a file manager opens a file.
        app = self.start(os.path.join(FIXTURES, 'linkedin-connections.csv'))
        dialog = app.window('Import Contacts')
        find(dialog, 'label', 'LinkedIn connections')
        self.assert_named(dialog, 'push button', 'Import')
        self.check(dialog, 'import preview')
        do_action(find(dialog, 'push button', 'Import'))
        app.wait_window_gone('Import Contacts')
        main = app.window('Rapport')
        find(main, 'label', 'Imported 3 contacts')

        # Each page of the main window, both switchers included.
        for key, page in (('1', 'Today'), ('2', 'Contacts'), ('3', 'Meetings'), ('4', 'Questions'), ('5', 'Insights'),
                          ('6', 'Organisations')):
            self.show_page(main, key, page)
            self.check(main, f'{page} page')
        self.assertEqual(sorted(set(names(main, 'page tab'))),
                         ['Contacts', 'Insights', 'Meetings', 'Network', 'Organisations', 'Overview', 'Questions',
                          'Today'])

        # A contact's page, from the list.
        self.show_page(main, '2', 'Contacts')
        contacts = find(main, 'list', 'Contacts')
        wait_for(lambda: contacts.get_child_count() >= 3, 10, 'the contacts')
        Atspi.Selection.select_child(contacts, 0)
        write = find(main, 'push button', 'Write…')
        self.assert_named(main, 'push button', 'People')
        self.check(main, 'a contact’s page')

        # The composer; Escape closes it.
        before = app.windows()
        do_action(write)
        title, composer = self.new_window(before, 'the composer')
        find(composer, 'text', 'Message')
        self.check(composer, 'composer')
        self.escape_closes(title)

        # Schedule a meeting with her.
        do_action(find(main, 'push button', 'Schedule Meeting…'))
        editor = app.window('Schedule Meeting')
        self.check(editor, 'meeting editor')
        find(editor, 'text', 'What You Want to Learn').set_text_contents('How research teams hire')
        save = find(editor, 'push button', 'Save')
        wait_for(lambda: 'sensitive' in states(save), 5, 'Save to be enabled')
        do_action(save)
        app.wait_window_gone('Schedule Meeting')

        # Its preparation on the Meetings page.
        self.show_page(main, '3', 'Meetings')
        meetings = find(main, 'list', 'Meetings')
        item = wait_for(lambda: next(iter(find_all(meetings, 'list item')), None), 10, 'the meeting')
        Atspi.Selection.select_child(meetings, [meetings.get_child_at_index(i)
                                                for i in range(meetings.get_child_count())].index(item))
        find(main, 'label', 'Checklist for the Day')
        find(main, 'check box', 'Bring a notebook and a pen')
        self.assert_named(main, 'push button', 'Start Meeting')
        self.check(main, 'meeting preparation')

        # The meeting window, and the outcome sheet that ends it; Escape closes the sheet.
        before = app.windows()
        do_action(find(main, 'push button', 'Start Meeting'))
        title, meeting = self.new_window(before, 'the meeting window')
        find(meeting, 'progress bar', 'Time Left')
        self.check(meeting, 'meeting window')
        do_action(find(meeting, 'push button', 'End Meeting'))
        sheet = app.window('How Did It Go?')
        do_action(find(sheet, 'push button', 'Add Referral'))
        find(sheet, 'text', 'Name (required)')
        self.check(sheet, 'outcome sheet')
        self.escape_closes('How Did It Go?')
        meeting.get_parent()   # still there: closing the sheet does not end the meeting
        self.assertIn(title, app.windows())
        key_combo('Control', 'w')
        app.wait_window_gone(title)

        # Preferences, from its shortcut; Escape closes it.
        before = app.windows()
        key_combo('Control', 'comma')
        title, preferences = self.new_window(before, 'the preferences')
        self.check(preferences, 'preferences')
        self.escape_closes(title)

        # The shortcuts window, from its shortcut; Escape closes it.
        before = app.windows()
        key_combo('Control', 'Shift', 'slash')   # Ctrl+?
        title, shortcuts = self.new_window(before, 'the shortcuts window')
        self.check(shortcuts, 'shortcuts window')
        self.escape_closes(title)

        # The main menu, and About from it; Escape closes it.
        # (GTK 4.8 gives a menu button an inner button, and only that one can be pressed.)
        do_action(wait_for(lambda: next((b for b in find_all(main, 'push button', 'Main Menu') if b.get_n_actions()),
                                        None), 5, 'the main menu button'))
        menu_items = wait_for(lambda: [n for n in find_all(app.node, 'menu item') if n.get_name()], 5, 'the menu')
        self.check(app.node, 'main menu')
        about = next(n for n in menu_items if n.get_name().replace('_', '').startswith('About'))
        before = app.windows()
        do_action(about)
        title, about_window = self.new_window(before, 'the about window')
        self.check(about_window, 'about window')
        self.escape_closes(title)

        self.assertEqual(self.bad, {}, 'controls with a bad accessible name:\n' +
                         '\n'.join(f'{where}: {", ".join(found)}' for where, found in self.bad.items()))


if __name__ == '__main__':
    unittest.main(verbosity=2)
