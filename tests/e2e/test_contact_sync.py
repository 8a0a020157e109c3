#!/usr/bin/python3
# test_contact_sync.py -- "Keep in Sync" with an address book of evolution-data-server (its real
# services, started by D-Bus on the private session bus) and a conflict, as a user meets them,
# through AT-SPI: Lena is in the local address book with a phone (written with libebook, as GNOME
# Contacts would) and in Rapport with her email only; the book's switch in Preferences links her
# and brings the phone in. While the switch is off her phone is changed in Rapport's contact editor
# and, differently, in the book; switched on again, Preferences shows the conflict with both values,
# and "Keep the Address Book's" makes both places say the book's.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import sys
import unittest

import gi
gi.require_version('EDataServer', '1.2')
gi.require_version('EBook', '1.2')
gi.require_version('EBookContacts', '1.2')
from gi.repository import EBook, EBookContacts, EDataServer  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import App, do_action, find, find_all, key_combo, states, text_of, wait_for  # noqa: E402

BOOK = 'system-address-book'
CARD = ('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lena Vogel\r\nN:Vogel;Lena;;;\r\nEMAIL:lena@example.org\r\n'
        'TEL:+49 30 1111\r\nEND:VCARD')
FIRST, OURS, THEIRS = '+49 30 1111', '+49 30 3333', '+49 30 2222'


class Book:
    """The address book as GNOME Contacts sees it."""

    def __init__(self):
        registry = EDataServer.SourceRegistry.new_sync(None)
        self.client = EBook.BookClient.connect_sync(registry.ref_source(BOOK), 4294967295, None)

    def add(self, vcard):
        _, uid = self.client.add_contact_sync(EBookContacts.Contact.new_from_vcard(vcard),
                                              EBookContacts.BookOperationFlags.NONE, None)
        return uid

    def phones(self, uid):
        _, contact = self.client.get_contact_sync(uid, None)
        return [a.get_value() for a in contact.get_attributes(EBookContacts.ContactField.TEL)]

    def set_phone(self, uid, number):
        _, contact = self.client.get_contact_sync(uid, None)
        contact.remove_attributes(None, 'TEL')
        tel = EBookContacts.VCardAttribute.new(None, 'TEL')
        tel.add_value(number)
        contact.add_attribute(tel)
        self.client.modify_contact_sync(contact, EBookContacts.BookOperationFlags.NONE, None)


def query(sql):
    db = os.path.join(os.environ['XDG_DATA_HOME'], 'rapport', 'rapport.db')
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def rapport_phones():
    return [r[0] for r in query("SELECT number FROM contact_phone JOIN contact ON contact.id = contact_id "
                                "WHERE display_name = 'Lena Vogel' ORDER BY position")]


class ContactSync(unittest.TestCase):
    def setUp(self):
        self.book = Book()
        self.uid = self.book.add(CARD)
        self.app = App()
        self.addCleanup(self.app.close)
        self.main = self.app.window('Rapport')

    def open_preferences(self):
        key_combo('Control', 'comma')
        return self.app.window('Preferences')

    def close_preferences(self):
        def closed():
            key_combo('Escape')
            return 'Preferences' not in self.app.windows()
        wait_for(closed, 10, 'Preferences to close')

    def switch(self, preferences, on):
        """The book's switch, by its action, as a screen reader user toggles it."""
        toggle = find(preferences, 'check box', 'Keep Personal in Sync', timeout=20)
        if ('checked' in states(toggle)) != on:
            do_action(toggle, 'toggle')
        wait_for(lambda: ('checked' in states(toggle)) == on, 5, f'the switch to be {"on" if on else "off"}')

    def test_conflict_keep_the_book(self):
        # Lena in Rapport, with her email only.
        key_combo('Control', '2')
        switcher = find(self.main, 'page tab list')
        wait_for(lambda: 'selected' in states(find(switcher, 'page tab', 'Contacts')), 5, 'the Contacts page')
        do_action(find(self.main, 'push button', 'New Contact'))
        editor = self.app.window('New Contact')
        find(editor, 'text', 'Name (required)').set_text_contents('Lena Vogel')
        find(editor, 'text', 'Email').set_text_contents('lena@example.org')
        save = find(editor, 'push button', 'Save')
        wait_for(lambda: 'sensitive' in states(save), 5, 'Save to be enabled')
        do_action(save)
        self.app.wait_window_gone('New Contact')

        # Kept in sync: linked by her email, the book's phone comes in.
        preferences = self.open_preferences()
        self.switch(preferences, True)
        wait_for(lambda: rapport_phones() == [FIRST], 20, "the book's phone in Rapport")
        self.assertEqual(query('SELECT count (*) FROM eds_contact_link')[0][0], 1)
        self.assertEqual(self.book.phones(self.uid), [FIRST])

        # With the switch off, both sides change her phone, differently: switched on, a pass
        # would carry the first change over before the second is made, and there would be no
        # conflict to see.
        self.switch(preferences, False)
        self.close_preferences()
        do_action(find(self.main, 'push button', 'Edit Contact'))
        editor = self.app.window('Edit Contact')
        phone = find(editor, 'text', 'Phone')
        wait_for(lambda: text_of(phone) == FIRST, 5, 'the phone in the editor')
        phone.set_text_contents(OURS)
        do_action(find(editor, 'push button', 'Save'))
        self.app.wait_window_gone('Edit Contact')
        wait_for(lambda: rapport_phones() == [OURS], 10, "Rapport's phone saved")
        self.book.set_phone(self.uid, THEIRS)

        # On again: the conflict, with both values, and nothing decided for the user.
        preferences = self.open_preferences()
        self.switch(preferences, True)
        find(preferences, 'label', 'Changed in both places: Lena Vogel', timeout=20)
        find(preferences, 'label', OURS)
        find(preferences, 'label', THEIRS)
        self.assertEqual(rapport_phones(), [OURS])
        self.assertEqual(self.book.phones(self.uid), [THEIRS])

        keep = find(preferences, 'push button', 'Keep the Address Book’s')
        find(preferences, 'push button', 'Keep Rapport’s')
        do_action(keep)
        wait_for(lambda: rapport_phones() == [THEIRS], 20, "the book's phone in Rapport")
        self.assertEqual(self.book.phones(self.uid), [THEIRS])
        wait_for(lambda: not find_all(preferences, 'label', 'Changed in both places: Lena Vogel'), 10,
                 'the conflict row to go')
        self.assertEqual(query('SELECT count (*) FROM eds_contact_link WHERE conflict IS NOT NULL')[0][0], 0)
        self.assertEqual(query("SELECT count (*) FROM contact WHERE display_name = 'Lena Vogel'")[0][0], 1)


if __name__ == '__main__':
    unittest.main(verbosity=2)
