#!/usr/bin/python3
# test_calendar.py -- Preferences → Calendar as a user meets it, through AT-SPI: the calendars of
# evolution-data-server (its real services, started by D-Bus on the private session bus) are
# offered; the user chooses Personal, schedules a meeting, and finds it in that calendar, read back
# with libecal as GNOME Calendar would.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sys
import unittest

import gi
gi.require_version('EDataServer', '1.2')
gi.require_version('ECal', '2.0')
gi.require_version('ICalGLib', '3.0')
from gi.repository import ECal, EDataServer  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import App, click, do_action, find, find_all, key_combo, states, wait_for  # noqa: E402

PERSONAL = 'system-calendar'


def events():
    registry = EDataServer.SourceRegistry.new_sync(None)
    client = ECal.Client.connect_sync(registry.ref_source(PERSONAL), ECal.ClientSourceType.EVENTS,
                                      4294967295, None)   # (guint32) -1: do not wait for a server
    _, objects = client.get_object_list_sync('#t', None)
    return {o.get_uid(): o for o in objects if o.get_uid().endswith('@rapport')}


class Calendar(unittest.TestCase):
    def setUp(self):
        self.app = App()
        self.addCleanup(self.app.close)
        self.main = self.app.window('Rapport')

    def choose_calendar(self, label):
        key_combo('Control', 'comma')
        preferences = self.app.window('Preferences')
        row = find(preferences, 'combo box', 'Add Meetings To')
        wait_for(lambda: 'sensitive' in states(row), 15, 'the calendars to be listed')
        # The row opens its list (a pointer's click: GTK 4.8 gives the row no AT-SPI action);
        # there the keys move from None, the first entry, to the calendar, and Return takes it.
        click(preferences, row)
        find(row, 'label', label, timeout=10)
        names = [n.get_name() for n in find_all(row, 'label') if n.get_name() not in ('Add Meetings To', '')]
        for _ in range(names.index(label)):
            key_combo('Down')
        key_combo('Return')
        # Escape closes the list if it is still open, then Preferences.
        def closed():
            key_combo('Escape')
            return 'Preferences' not in self.app.windows()
        wait_for(closed, 10, 'Preferences to close')

    def test_meeting_in_calendar(self):
        self.assertEqual(events(), {})
        self.choose_calendar('Personal — On This Computer')

        key_combo('Control', '2')   # the Contacts page
        switcher = find(self.main, 'page tab list')
        wait_for(lambda: 'selected' in states(find(switcher, 'page tab', 'Contacts')), 5, 'the Contacts page')
        do_action(find(self.main, 'push button', 'New Contact'))
        editor = self.app.window('New Contact')
        find(editor, 'text', 'Name (required)').set_text_contents('Priya Raman')
        find(editor, 'text', 'Email').set_text_contents('priya@example.org')
        save = find(editor, 'push button', 'Save')
        wait_for(lambda: 'sensitive' in states(save), 5, 'Save to be enabled')
        do_action(save)
        self.app.wait_window_gone('New Contact')

        do_action(find(self.main, 'push button', 'Schedule Meeting…'))
        editor = self.app.window('Schedule Meeting')
        find(editor, 'text', 'Place, Phone Number or Video Call Link').set_text_contents('Café Central')
        save = find(editor, 'push button', 'Save')
        wait_for(lambda: 'sensitive' in states(save), 5, 'Save to be enabled')
        do_action(save)
        self.app.wait_window_gone('Schedule Meeting')

        found = {}

        def in_calendar():
            found.update(events())
            return len(found) == 1
        wait_for(in_calendar, 15, 'the meeting in the calendar')
        event = next(iter(found.values()))
        self.assertEqual(event.get_summary(), 'Informational meeting with Priya Raman')
        self.assertEqual(event.get_location(), 'Café Central')
        attendee = event.get_first_property(gi.repository.ICalGLib.PropertyKind.ATTENDEE_PROPERTY)
        self.assertEqual(attendee.get_attendee(), 'mailto:priya@example.org')


if __name__ == '__main__':
    unittest.main(verbosity=2)
