#!/usr/bin/python3
# test_backups.py -- backups as a user meets them, through AT-SPI: the daily backup at the
# first start, Back Up Now and a confirmed restore in Preferences, and a damaged database
# that Rapport offers to replace with the latest backup, keeping the damaged file aside and
# bringing back what the backup held.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import sqlite3
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import App, click, do_action, find, key_combo, states, wait_for, walk  # noqa: E402

GARBAGE = b'This file is not a database, and it must never be overwritten. ' * 200


class Backups(unittest.TestCase):
    def setUp(self):
        self.data = tempfile.mkdtemp(prefix='rapport-backups-', dir=os.environ.get('RAPPORT_SESSION_DIR'))
        self.database = os.path.join(self.data, 'rapport', 'rapport.db')
        self.folder = os.path.join(self.data, 'rapport', 'backups')

    def start(self):
        app = App(env={'XDG_DATA_HOME': self.data})
        self.addCleanup(app.close)
        app.window('Rapport')
        return app

    def backups(self):
        return sorted(glob.glob(os.path.join(self.folder, 'rapport-*.db')))

    def wait_backups(self, n, timeout=15):
        return wait_for(lambda: len(self.backups()) == n and self.backups(), timeout, f'{n} backups')

    def test_back_up_now_and_restore(self):
        app = self.start()
        # The first start finds no backup, so the daily one is due.
        daily = self.wait_backups(1)[0]
        with sqlite3.connect(daily) as conn:
            self.assertEqual(conn.execute('PRAGMA quick_check').fetchone()[0], 'ok')

        key_combo('Control', 'comma')
        preferences = app.window('Preferences')
        # The list of backups unfolds from its row, by pointer: rows have no actions in GTK 4.8.
        # (Before Back Up Now, whose toast would cover the row.)
        click(preferences, find(preferences, 'list item', 'Restore From Backup…'))
        restore = wait_for(lambda: next((n for n in walk(preferences) if n.get_role_name() == 'push button' and
                                         (n.get_name() or '').startswith('Restore the Backup of ')), None),
                           5, 'a Restore button')
        # Until the row has unfolded the button is not realized and its click does nothing;
        # nothing on AT-SPI says when it has, so click until the confirmation shows.
        for _ in range(10):
            do_action(restore)
            try:
                app.window('Restore the Backup?', timeout=1)
                break
            except AssertionError:
                pass
        confirm = find(app.window('Restore the Backup?'), 'push button', 'Restore')
        do_action(confirm)
        # The data it replaced is backed up first: one more backup.
        self.wait_backups(2)

        do_action(find(preferences, 'push button', 'Back Up Now'))
        self.wait_backups(3)
        # (Not the toasts: they may be gone before a walk of the window reaches them.)
        wait_for(lambda: any((n.get_name() or '').startswith('Today at ') for n in walk(preferences)), 5,
                 'the time of the last backup')

    def test_damaged_database_offers_the_latest_backup(self):
        app = self.start()
        self.wait_backups(1)
        app.close()

        for suffix in ('-wal', '-shm'):
            if os.path.exists(self.database + suffix):
                os.unlink(self.database + suffix)
        with open(self.database, 'wb') as f:
            f.write(GARBAGE)

        app = self.start()
        do_action(find(app.window('Rapport'), 'push button', 'Restore Latest Backup', timeout=15))

        # The damaged file is kept, byte for byte, under a timestamped name…
        moved = wait_for(lambda: glob.glob(self.database + '.damaged-*'), 15, 'the damaged file moved aside')
        with open(moved[0], 'rb') as f:
            self.assertEqual(f.read(), GARBAGE)
        # …and the database in its place is Rapport's again, and the pages are back.
        with sqlite3.connect(self.database) as conn:
            self.assertEqual(conn.execute('PRAGMA application_id').fetchone()[0], 0x52505254)
        find(app.window('Rapport'), 'page tab', 'Contacts')
        self.assertEqual(len(self.backups()), 1)

    def test_damaged_database_restores_the_backed_up_contacts(self):
        # A contact the user made, then a backup of it (Back Up Now: the daily one came first).
        app = self.start()
        self.wait_backups(1)
        main = app.window('Rapport')
        key_combo('Control', '2')
        do_action(find(main, 'push button', 'New Contact'))
        editor = app.window('New Contact')
        find(editor, 'text', 'Name (required)').set_text_contents('Ada Lovelace')
        find(editor, 'text', 'Organisation').set_text_contents('Analytical Engines')
        save = find(editor, 'push button', 'Save')
        wait_for(lambda: 'sensitive' in states(save), 5, 'Save to be enabled')
        do_action(save)
        app.wait_window_gone('New Contact')
        key_combo('Control', 'comma')
        do_action(find(app.window('Preferences'), 'push button', 'Back Up Now'))
        latest = self.wait_backups(2)[-1]
        app.close()

        for suffix in ('-wal', '-shm'):
            if os.path.exists(self.database + suffix):
                os.unlink(self.database + suffix)
        with open(self.database, 'wb') as f:
            f.write(GARBAGE)

        # The damaged database is met with the offer, and the restore brings Ada back.
        app = self.start()
        do_action(find(app.window('Rapport'), 'push button', 'Restore Latest Backup', timeout=15))
        wait_for(lambda: glob.glob(self.database + '.damaged-*'), 15, 'the damaged file moved aside')
        with sqlite3.connect(self.database) as conn:
            self.assertEqual(conn.execute('PRAGMA quick_check').fetchone()[0], 'ok')
            names = [row[0] for row in conn.execute('SELECT display_name FROM contact')]
        with sqlite3.connect(latest) as conn:
            backed_up = [row[0] for row in conn.execute('SELECT display_name FROM contact')]
        self.assertEqual(names, ['Ada Lovelace'])
        self.assertEqual(names, backed_up)
        main = app.window('Rapport')
        key_combo('Control', '2')
        wait_for(lambda: any('Ada Lovelace' in (n.get_name() or '') for n in walk(main)), 10,
                 'Ada Lovelace in the contacts list')


if __name__ == '__main__':
    unittest.main(verbosity=2)
