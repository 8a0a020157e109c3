#!/usr/bin/python3
# test_shell.py -- the application shell, driven as a user would through AT-SPI: the four
# pages, switching between them by pointer and keyboard, the main menu's windows, and
# quitting with Ctrl+Q. Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import App, do_action, find, find_all, key_combo, states, wait_for, walk  # noqa: E402

PAGES = ['Today', 'Contacts', 'Meetings', 'Questions', 'Insights', 'Organisations']
CONTROL_ROLES = {'push button', 'toggle button', 'page tab', 'check box', 'radio button', 'menu item',
                 'combo box', 'text', 'spin button', 'slider', 'switch', 'link', 'entry'}


class WindowState(unittest.TestCase):
    """Size, maximised state and page come back at the next start."""

    def test_state_is_restored(self):
        config = os.path.join(os.environ['XDG_CONFIG_HOME'], 'window-state-test')
        keyfile = os.path.join(config, 'glib-2.0', 'settings', 'keyfile')
        os.makedirs(os.path.dirname(keyfile), exist_ok=True)
        with open(keyfile, 'w') as f:
            f.write("[io/github/rapport/Rapport]\nwindow-width=820\nwindow-height=610\nlast-page='meetings'\n")
        env = {'GSETTINGS_BACKEND': 'keyfile', 'XDG_CONFIG_HOME': config}

        app = App(env=env)
        self.addCleanup(app.close)
        main = app.window('Rapport')
        switcher = find(main, 'page tab list')
        meetings = find(switcher, 'page tab', 'Meetings')
        wait_for(lambda: 'selected' in states(meetings), 5, 'the Meetings page')
        # The reported frame leaves out a few pixels of client-side decoration.
        size = main.get_size()
        self.assertAlmostEqual(size.x, 820, delta=16)
        self.assertAlmostEqual(size.y, 610, delta=16)

        key_combo('Control', '2')
        wait_for(lambda: 'selected' in states(find(switcher, 'page tab', 'Contacts')), 5, 'the Contacts page')
        key_combo('Control', 'w')
        status, output = app.wait_exit()
        self.assertEqual(status, 0, output)

        with open(keyfile) as f:
            saved = f.read()
        self.assertIn("last-page='contacts'", saved)
        self.assertIn('window-width=820', saved)
        self.assertIn('window-height=610', saved)
        self.assertIn('window-maximized=false', saved)


class Shell(unittest.TestCase):
    def setUp(self):
        self.app = App()
        self.addCleanup(self.app.close)
        self.main = self.app.window('Rapport')

    def page_tabs(self):
        # The header holds a wide and a narrow switcher, and a bar at the bottom takes
        # over on narrow windows: use the one shown at this width, the wide one. (The Insights
        # page has a switcher of its own, Overview and Network.)
        for switcher in find_all(self.main, 'page tab list'):
            tabs = find_all(switcher, 'page tab')
            if tabs and 'horizontal' in states(tabs[0]) and any(tab.get_name() == 'Today' for tab in tabs):
                return {tab.get_name(): tab for tab in tabs}
        raise AssertionError('no wide view switcher')

    def selected_page(self):
        selected = [name for name, tab in self.page_tabs().items() if 'selected' in states(tab)]
        return selected[0] if len(selected) == 1 else None

    def wait_page(self, name):
        wait_for(lambda: self.selected_page() == name, 5, f'page {name!r} to be shown')

    def test_pages_by_pointer(self):
        self.assertEqual(sorted(self.page_tabs()), sorted(PAGES))
        self.assertEqual(self.selected_page(), 'Today')
        for name in ['Contacts', 'Meetings', 'Questions', 'Insights', 'Organisations', 'Today']:
            do_action(self.page_tabs()[name])
            self.wait_page(name)

    def test_pages_by_keyboard(self):
        for key, name in [('3', 'Meetings'), ('2', 'Contacts'), ('4', 'Questions'), ('5', 'Insights'), ('6', 'Organisations'),
                          ('1', 'Today')]:
            key_combo('Control', key)
            self.wait_page(name)

    def test_every_control_has_a_name(self):
        unnamed = []
        for node in walk(self.main):
            if node.get_role_name() in CONTROL_ROLES:
                name = node.get_name() or ''
                if not name.strip() or re.match(r'^(Gtk|Adw)[A-Z]', name):
                    unnamed.append(f'[{node.get_role_name()}] {name!r}')
        self.assertEqual(unnamed, [])

    def open_menu_item(self, label):
        menu_button = [b for b in find_all(self.main, 'push button', 'Main Menu') if b.get_n_actions()][0]
        do_action(menu_button)
        item = find(self.app.node, 'menu item', label)
        do_action(item)

    def test_keyboard_shortcuts_window(self):
        self.open_menu_item('Keyboard Shortcuts')
        shortcuts = self.app.window('Keyboard Shortcuts')
        for title in ['Preferences', 'Quit', 'Close Window', 'Contacts']:
            find(shortcuts, name=title)
        do_action(shortcuts, 'window.close')
        self.app.wait_window_gone('Keyboard Shortcuts')

    def test_about_window(self):
        self.open_menu_item('About Rapport')
        about = wait_for(lambda: next((n for n in find_all(self.app.node, 'frame') if n.get_name() != 'Rapport'), None),
                         10, 'the About window')
        find(about, 'label', 'Rapport')
        version = subprocess.run([os.environ['RAPPORT_EXECUTABLE'], '--version'],
                                 capture_output=True, text=True, check=True).stdout.split()[1]
        find(about, 'label', version)
        title = about.get_name()
        do_action(about, 'window.close')
        self.app.wait_window_gone(title)

    def test_preferences_by_keyboard(self):
        key_combo('Control', 'comma')
        preferences = self.app.window('Preferences')
        find(preferences, name='Style')
        do_action(preferences, 'window.close')
        self.app.wait_window_gone('Preferences')

    def test_quit_with_ctrl_q(self):
        key_combo('Control', 'q')
        status, output = self.app.wait_exit()
        self.assertEqual(status, 0, output)


if __name__ == '__main__':
    unittest.main(verbosity=2)
