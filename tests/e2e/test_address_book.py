#!/usr/bin/python3
# test_address_book.py -- importing from an address book of evolution-data-server (its real
# services, started by D-Bus on the private session bus), as a user would: two people are in the
# local address book (written with libebook, as GNOME Contacts would); Import From an Address
# Book offers the book, the preview shows both as new, Import adds them; a second time they are
# both already in Rapport.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import subprocess
import sys
import unittest

import gi
gi.require_version('EDataServer', '1.2')
gi.require_version('EBook', '1.2')
gi.require_version('EBookContacts', '1.2')
from gi.repository import EBook, EBookContacts, EDataServer  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import App, do_action, find, find_all, wait_for  # noqa: E402

CARDS = [
    'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mei Lin\r\nN:Lin;Mei;;;\r\nEMAIL:mei.lin@example.org\r\nORG:Northwind\r\nEND:VCARD',
    'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jonas Berg\r\nN:Berg;Jonas;;;\r\nTEL:+46 8 123 456\r\nEND:VCARD',
]


def fill_book():
    registry = EDataServer.SourceRegistry.new_sync(None)
    client = EBook.BookClient.connect_sync(registry.ref_source('system-address-book'), 4294967295, None)
    client.add_contacts_sync([EBookContacts.Contact.new_from_vcard(c) for c in CARDS],
                             EBookContacts.BookOperationFlags.NONE, None)


def names():
    db = os.path.join(os.environ['XDG_DATA_HOME'], 'rapport', 'rapport.db')
    if not os.path.exists(db):
        return []
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute('SELECT display_name FROM contact WHERE trashed = 0'))


class AddressBook(unittest.TestCase):
    def setUp(self):
        fill_book()
        self.app = App()
        self.addCleanup(self.app.close)
        self.main = self.app.window('Rapport')

    def import_book(self):
        subprocess.run(['gdbus', 'call', '--session', '--dest', 'io.github.rapport.Rapport',
                        '--object-path', '/io/github/rapport/Rapport/window/1', '--method',
                        'org.gtk.Actions.Activate', 'import-address-book', '[]', '{}'],
                       check=True, capture_output=True)
        chooser = self.app.window('Import From an Address Book', timeout=20)
        find(chooser, 'label', 'Personal')
        do_action(find(chooser, 'push button', 'Continue'))
        return self.app.window('Import Contacts', timeout=20)

    def test_import_twice(self):
        preview = self.import_book()
        self.assertEqual(names(), [], 'nothing is written before Import')
        do_action(find(preview, 'push button', 'Import'))
        self.app.wait_window_gone('Import Contacts')
        wait_for(lambda: names() == ['Jonas Berg', 'Mei Lin'], 10, 'the two to be imported')
        find(self.main, 'label', 'Imported 2 contacts')

        # Again: both are already there, and the copy the preview read is gone.
        preview = self.import_book()
        wait_for(lambda: [r for r in find_all(preview, 'label') if r.get_name() == '2'], 10,
                 'the preview to count both as already in Rapport')
        do_action(find(preview, 'push button', 'Import'))
        self.app.wait_window_gone('Import Contacts')
        self.assertEqual(names(), ['Jonas Berg', 'Mei Lin'])
        folder = os.path.join(os.environ['XDG_RUNTIME_DIR'], 'rapport')
        wait_for(lambda: not any(n.endswith('.vcf') for n in os.listdir(folder)), 10, 'the copy to be deleted')


if __name__ == '__main__':
    unittest.main(verbosity=2)
