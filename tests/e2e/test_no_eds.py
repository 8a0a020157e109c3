#!/usr/bin/python3
# test_no_eds.py -- Rapport on a desktop without evolution-data-server: the session bus offers
# every service of the machine but EDS's. A calendar and an address book chosen before (EDS
# removed since) do not stop Rapport from starting; Preferences says, in the Calendar and the
# Address Books groups, that evolution-data-server is not available; a contact is still created
# and saved.
# Runs inside tests/session/headless-session, and runs itself again on a bus of its own.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import sqlite3
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import App, do_action, find, find_all, key_combo, states, wait_for  # noqa: E402

BUS_CONFIG = '''<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={runtime}</listen>
  <auth>EXTERNAL</auth>
  <servicedir>{services}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
'''


def run_without_eds():
    """Runs this file again on a session bus whose services are the machine's but EDS's, as
    on a desktop where it is not installed (headless-session's bus has them all). The bus is
    started before anything talks D-Bus: AT-SPI, found through the bus, follows it. Returns
    the run's exit status."""
    scratch = tempfile.mkdtemp(prefix='rapport-no-eds-', dir=os.environ['RAPPORT_SESSION_DIR'])
    services = os.path.join(scratch, 'services')
    os.mkdir(services)
    for path in glob.glob('/usr/share/dbus-1/services/*.service'):
        if not os.path.basename(path).startswith('org.gnome.evolution.dataserver.'):
            os.symlink(path, os.path.join(services, os.path.basename(path)))
    config = os.path.join(scratch, 'bus.conf')
    with open(config, 'w') as f:
        f.write(BUS_CONFIG.format(runtime=scratch, services=services))
    read, write = os.pipe()
    bus = subprocess.Popen(['dbus-daemon', '--config-file', config, '--nofork', '--nopidfile',
                            f'--print-address={write}'], pass_fds=(write,))
    os.close(write)
    try:
        with os.fdopen(read) as f:
            address = f.readline().strip()
        assert address, 'the bus without EDS did not start'
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address, RAPPORT_TEST_NO_EDS='1')
        return subprocess.run([sys.executable, os.path.abspath(__file__)], env=env).returncode
    finally:
        bus.terminate()
        bus.wait()



def chosen_before():
    """A calendar and an address book chosen while EDS was there."""
    settings = os.path.join(os.environ['XDG_CONFIG_HOME'], 'glib-2.0', 'settings')
    os.makedirs(settings, exist_ok=True)
    with open(os.path.join(settings, 'keyfile'), 'a') as f:
        f.write("[io/github/rapport/Rapport]\nmeeting-calendar='system-calendar'\n"
                "synced-address-books=['system-address-book']\n")


def names():
    db = os.path.join(os.environ['XDG_DATA_HOME'], 'rapport', 'rapport.db')
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute('SELECT display_name FROM contact WHERE trashed = 0'))


class NoEds(unittest.TestCase):
    def setUp(self):
        bus = subprocess.run(['gdbus', 'call', '--session', '--dest', 'org.freedesktop.DBus', '--object-path',
                              '/org/freedesktop/DBus', '--method', 'org.freedesktop.DBus.ListActivatableNames'],
                             check=True, capture_output=True, text=True).stdout
        self.assertNotIn('org.gnome.evolution.dataserver', bus)
        self.assertIn('org.a11y.Bus', bus)
        chosen_before()
        # The settings of the keyfile above; a critical anywhere fails the test.
        self.app = App(env={'GSETTINGS_BACKEND': 'keyfile', 'G_DEBUG': 'fatal-criticals'})
        self.addCleanup(self.app.close)
        self.main = self.app.window('Rapport')

    def test_preferences_explain(self):
        key_combo('Control', 'comma')
        preferences = self.app.window('Preferences')
        find(preferences, 'label', 'Calendars are not available', timeout=20)
        find(preferences, 'label', 'Rapport uses evolution-data-server, the service behind GNOME Calendar, to '
                                   'reach your calendars; it is not installed or not running.')
        find(preferences, 'label', 'Address books are not available', timeout=20)
        find(preferences, 'label', 'Rapport uses evolution-data-server, the service behind GNOME Contacts, to '
                                   'reach your address books; it is not installed or not running.')
        calendar = find(preferences, 'combo box', 'Add Meetings To')
        self.assertNotIn('sensitive', states(calendar))
        # Nothing is still being looked for, and no switch offers a book that is not there.
        labels = [n.get_name() for n in find_all(preferences, 'label')]
        self.assertNotIn('Looking for your calendars…', labels)
        self.assertNotIn('Looking for your address books…', labels)
        self.assertEqual([n for n in find_all(preferences, 'switch') if n.get_name().startswith('Keep ')], [])

        def closed():
            key_combo('Escape')
            return 'Preferences' not in self.app.windows()
        wait_for(closed, 10, 'Preferences to close')

        # The rest works: a contact is created and saved.
        key_combo('Control', '2')
        switcher = find(self.main, 'page tab list')
        wait_for(lambda: 'selected' in states(find(switcher, 'page tab', 'Contacts')), 5, 'the Contacts page')
        do_action(find(self.main, 'push button', 'New Contact'))
        editor = self.app.window('New Contact')
        find(editor, 'text', 'Name (required)').set_text_contents('Priya Raman')
        save = find(editor, 'push button', 'Save')
        wait_for(lambda: 'sensitive' in states(save), 5, 'Save to be enabled')
        do_action(save)
        self.app.wait_window_gone('New Contact')
        wait_for(lambda: names() == ['Priya Raman'], 10, 'the contact to be saved')
        self.assertIsNone(self.app.proc.poll(), 'Rapport is still running')


if __name__ == '__main__':
    # Importing AT-SPI connects to nothing yet; only the run on the bus without EDS uses it.
    if os.environ.get('RAPPORT_TEST_NO_EDS') != '1':
        sys.exit(run_without_eds())
    unittest.main(verbosity=2)
