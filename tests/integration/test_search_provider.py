#!/usr/bin/python3
# test_search_provider.py -- GNOME Shell's search, as the Shell does it: the org.gnome.Shell.SearchProvider2
# methods called over the session bus on Rapport's bus name, with Rapport not running, so that D-Bus starts
# it (data/io.github.rapport.Rapport.search-provider.ini names the name and path). Results come from the
# database's full-text index; activating one opens Rapport's window on that contact.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sqlite3
import subprocess
import sys
import time
import unittest

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, Gio, GLib  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'e2e'))
from rapport_atspi import walk  # noqa: E402

RAPPORT = os.environ['RAPPORT_EXECUTABLE']
APP_ID = 'io.github.rapport.Rapport'
APP_PATH = '/io/github/rapport/Rapport'
PROVIDER = 'org.gnome.Shell.SearchProvider2'
DATA_HOME = os.environ['XDG_DATA_HOME']
DB = os.path.join(DATA_HOME, 'rapport', 'rapport.db')
SLOW = 3 if 'ASAN_OPTIONS' in os.environ else 1
ENV = dict(os.environ, GSETTINGS_BACKEND='keyfile', G_DEBUG='fatal-criticals')
BUS = Gio.bus_get_sync(Gio.BusType.SESSION, None)
INI = os.path.join(os.environ['RAPPORT_SRCDIR'], 'data', APP_ID + '.search-provider.ini')


def wait_for(predicate, timeout, what):
    end = time.monotonic() + timeout * SLOW
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f'timed out waiting for {what}')
        time.sleep(0.1)


def call(path, interface, method, args, reply):
    return BUS.call_sync(APP_ID, path, interface, method, args, reply and GLib.VariantType(reply),
                         Gio.DBusCallFlags.NONE, 20000 * SLOW, None).unpack()


def name_has_owner(name):
    return BUS.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus', 'NameHasOwner',
                         GLib.Variant('(s)', (name,)), GLib.VariantType('(b)'), Gio.DBusCallFlags.NONE, -1,
                         None).unpack()[0]


def fold(text):
    # What rapport_fold() does for these plain names.
    return text.lower()


def add_contact(conn, name, role='', organisation=None, tag=None):
    now = int(time.time())
    org_id = None
    if organisation:
        row = conn.execute('SELECT id FROM organisation WHERE name = ?', (organisation,)).fetchone()
        org_id = row[0] if row else conn.execute('INSERT INTO organisation (name, name_key, created_at, updated_at) '
                                                 'VALUES (?, ?, ?, ?)', (organisation, fold(organisation), now, now)).lastrowid
    cid = conn.execute('INSERT INTO contact (display_name, sort_key, role, organisation_id, created_at, updated_at) '
                       'VALUES (?, ?, ?, ?, ?, ?)', (name, name.lower(), role, org_id, now, now)).lastrowid
    # The index the app keeps (rapport_contact_sql_reindex), filled the same way.
    conn.execute('INSERT INTO contact_search (rowid, name, organisation, role, emails, tags, notes, timeline) '
                 'VALUES (?, ?, ?, ?, \'\', ?, \'\', \'\')',
                 (cid, f'{name} {fold(name)}', f'{organisation} {fold(organisation)}' if organisation else '',
                  role, tag or ''))
    return str(cid)


class SearchProvider(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        result = subprocess.run([RAPPORT, '--exit-after-startup'], env=ENV, capture_output=True, text=True,
                                timeout=60 * SLOW)
        assert result.returncode == 0, result.stdout + result.stderr
        with sqlite3.connect(DB) as conn:
            cls.ana = add_contact(conn, 'Ana Ruiz', 'Product Designer', 'Lumière Labs', 'design')
            cls.anders = add_contact(conn, 'Anders Berg', '', 'Nordlys')
            cls.zoe = add_contact(conn, 'Zoë Ødegård', 'Engineer', 'Lumière Labs')

        # What the Shell finds in /usr/share/dbus-1/services once Rapport is installed.
        services = os.path.join(DATA_HOME, 'dbus-1', 'services')
        os.makedirs(services, exist_ok=True)
        with open(os.path.join(services, APP_ID + '.service'), 'w') as f:
            f.write('[D-BUS Service]\nName=%s\nExec=/usr/bin/env GSETTINGS_BACKEND=keyfile '
                    'GSETTINGS_SCHEMA_DIR=%s %s --gapplication-service\n'
                    % (APP_ID, os.environ['GSETTINGS_SCHEMA_DIR'], RAPPORT))
        BUS.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus', 'ReloadConfig',
                      None, None, Gio.DBusCallFlags.NONE, -1, None)

    @classmethod
    def tearDownClass(cls):
        if name_has_owner(APP_ID):
            BUS.call_sync(APP_ID, APP_PATH, 'org.gtk.Actions', 'Activate', GLib.Variant('(sava{sv})', ('quit', [], {})),
                          None, Gio.DBusCallFlags.NONE, -1, None)
            wait_for(lambda: not name_has_owner(APP_ID), 10, 'Rapport to quit')
        shutil.rmtree(os.path.join(DATA_HOME, 'dbus-1'), ignore_errors=True)

    def search(self, *terms):
        return call(f'{APP_PATH}/SearchProvider', PROVIDER, 'GetInitialResultSet', GLib.Variant('(as)', (terms,)),
                    '(as)')[0]

    def test_1_ini_names_the_provider(self):
        keyfile = GLib.KeyFile()
        keyfile.load_from_file(INI, GLib.KeyFileFlags.NONE)
        group = 'Shell Search Provider'
        self.assertEqual(keyfile.get_string(group, 'BusName'), APP_ID)
        self.assertEqual(keyfile.get_string(group, 'ObjectPath'), f'{APP_PATH}/SearchProvider')
        self.assertEqual(keyfile.get_string(group, 'DesktopId'), APP_ID + '.desktop')
        self.assertEqual(keyfile.get_integer(group, 'Version'), 2)

    def test_2_results_from_a_started_service(self):
        self.assertFalse(name_has_owner(APP_ID), 'not running before the first search')
        # By name, as prefixes, by organisation and by tag; case and accents folded.
        self.assertEqual(self.search('ana'), [self.ana])
        self.assertTrue(name_has_owner(APP_ID), 'started by D-Bus')
        self.assertEqual(sorted(self.search('an')), sorted([self.ana, self.anders]))
        self.assertEqual(sorted(self.search('lumière')), sorted([self.ana, self.zoe]))
        self.assertEqual(self.search('design'), [self.ana])
        self.assertEqual(self.search('nobody-by-that-name'), [])
        self.assertEqual(self.search(''), [])
        # Narrowing as the user types on.
        narrowed = call(f'{APP_PATH}/SearchProvider', PROVIDER, 'GetSubsearchResultSet',
                        GLib.Variant('(asas)', ([self.ana, self.anders], ['an', 'ruiz'])), '(as)')[0]
        self.assertEqual(narrowed, [self.ana])

    def test_3_metas(self):
        metas = call(f'{APP_PATH}/SearchProvider', PROVIDER, 'GetResultMetas',
                     GLib.Variant('(as)', ([self.ana, self.anders, '999999', 'junk'],)), '(aa{sv})')[0]
        self.assertEqual([m['id'] for m in metas], [self.ana, self.anders])
        ana, anders = metas
        self.assertEqual(ana['name'], 'Ana Ruiz')
        self.assertEqual(ana['description'], 'Product Designer at Lumière Labs')
        self.assertEqual(anders['description'], 'Nordlys')
        # The avatar: the initials on a round background, as an icon the Shell can draw.
        kind, data = ana['icon']   # a serialized GIcon, unpacked: ('bytes', the SVG)
        self.assertEqual(kind, 'bytes')
        icon = Gio.Icon.deserialize(GLib.Variant('(sv)', (kind, GLib.Variant('ay', bytes(data)))))
        self.assertIsInstance(icon, Gio.BytesIcon)
        svg = bytes(icon.get_bytes().get_data()).decode()
        self.assertIn('>AR</text>', svg)

    def test_4_activate_opens_the_contact(self):
        call(f'{APP_PATH}/SearchProvider', PROVIDER, 'ActivateResult',
             GLib.Variant('(sasu)', (self.zoe, ['zoe'], 0)), None)

        def contact_shown():
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                app = desktop.get_child_at_index(i)
                if app is None or app.get_name() != 'rapport':
                    continue
                for j in range(app.get_child_count()):
                    window = app.get_child_at_index(j)
                    if window is not None and any(n.get_name() == 'Zoë Ødegård' and
                                                  n.get_role() == Atspi.Role.LABEL for n in walk(window)):
                        return True
            return False
        wait_for(contact_shown, 30, "the contact's page in Rapport's window")


if __name__ == '__main__':
    unittest.main(verbosity=2)
