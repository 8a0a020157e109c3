#!/usr/bin/python3
# test_online_accounts.py -- Preferences → Mail with GNOME Online Accounts, through AT-SPI: the
# real goa-daemon on the session's bus (tests/goa/goa.py) with two "IMAP and SMTP" accounts (a
# personal and a school address). The Online Accounts group lists both; "Use This Account" makes
# the mailbox and sending use one (its id in the settings, the typed servers set aside), the
# mailbox's status row names it, and the typed servers are kept for later; the account removed from GOA leaves a row that says so, and
# "Stop Using" goes back to the typed servers. Without GOA on the bus the group is absent.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import configparser
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, '..', 'goa'))
from goa import GoaDaemon  # noqa: E402
from rapport_atspi import App, do_action, find, find_all, key_combo, wait_for  # noqa: E402

PERSONAL = dict(id='account_1765000001_0', address='juergen@example.org', name='Jürgen Größ',
                imap_host='127.0.0.1:1993', imap_user='juergen', imap_password='p1', smtp_host='127.0.0.1:1587',
                smtp_user='juergen', smtp_password='p2')
SCHOOL = dict(PERSONAL, id='account_1765000002_0', address='j.gross@uni.example.edu', imap_user='jgross',
              smtp_user='jgross')


def setting(key):
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(os.path.join(os.environ['XDG_CONFIG_HOME'], 'glib-2.0', 'settings', 'keyfile'))
    return parser.get('io/github/rapport/Rapport', key, fallback="''").strip("'")


def texts(root):
    from rapport_atspi import walk
    out = []
    for node in walk(root):
        out.append(node.get_name() or '')
        out.append(node.get_description() or '')
    return out


class OnlineAccounts(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix='goa-prefs-', dir=os.environ.get('RAPPORT_SESSION_DIR'))
        # The keyfile backend, so that the test reads what the buttons wrote.
        os.environ['GSETTINGS_BACKEND'] = 'keyfile'
        self.goa = GoaDaemon(self.work)
        self.addCleanup(self.goa.stop)

    def open_mail_page(self):
        self.app = App(env={'XDG_DATA_HOME': os.path.join(self.work, 'data')})
        self.addCleanup(self.app.close)
        self.app.window('Rapport')
        key_combo('Control', 'comma')
        preferences = self.app.window('Preferences')
        do_action(find(preferences, None, 'Mail'))
        find(preferences, 'text', 'Address')
        return preferences

    def test_absent_without_goa(self):
        preferences = self.open_mail_page()
        find(preferences, 'list', 'Outgoing Server (SMTP)')
        self.assertEqual(find_all(preferences, 'list', 'Online Accounts'), [])
        self.assertFalse(any('Use This Account' in t for t in texts(preferences)))

    def test_use_then_removed(self):
        self.goa.start([PERSONAL, SCHOOL])
        preferences = self.open_mail_page()
        group = find(preferences, 'list', 'Online Accounts', timeout=20)
        wait_for(lambda: len(find_all(group, 'push button')) == 2, 10, 'both accounts listed')
        self.assertEqual(sorted(b.get_name() for b in find_all(group, 'push button')),
                         ['Use j.gross@uni.example.edu', 'Use juergen@example.org'])

        do_action(find(group, 'push button', 'Use j.gross@uni.example.edu'))
        wait_for(lambda: setting('imap-goa-account') == SCHOOL['id'], 5, 'the mailbox to use the account')
        self.assertEqual(setting('smtp-goa-account'), SCHOOL['id'])
        find(group, 'push button', 'Stop using j.gross@uni.example.edu')
        find(preferences, None, 'Mailbox of j.gross@uni.example.edu (Online Accounts)')
        # The greyed typed servers are explained in words, which a screen reader reads.
        wait_for(lambda: any('Mail is sent through the online account chosen above' in t for t in texts(preferences))
                 and any('The mailbox of the online account chosen above is read' in t for t in texts(preferences)),
                 5, 'why the typed servers are greyed')
        wait_for(lambda: 'Used for your mailbox and for sending' in texts(group)
                 or any('Used for your mailbox and for sending' in t for t in texts(group)), 5, 'the row to say so')

        # Removed in Settings → Online Accounts while Preferences is open: both groups say so
        # by themselves, and again when Preferences is opened anew.
        self.goa.rewrite([PERSONAL])
        wait_for(lambda: find_all(group, None, 'Online account no longer available'), 20, 'the account said gone')
        find(preferences, None, 'Mailbox of an online account no longer available')
        key_combo('Escape')
        self.app.wait_window_gone('Preferences')
        key_combo('Control', 'comma')
        preferences = self.app.window('Preferences')
        do_action(find(preferences, None, 'Mail'))
        group = find(preferences, 'list', 'Online Accounts', timeout=20)
        wait_for(lambda: find_all(group, None, 'Online account no longer available'), 20, 'the account said gone')
        find(preferences, None, 'Mailbox of an online account no longer available')
        do_action(find(group, 'push button', 'Stop using the removed account'))
        wait_for(lambda: setting('imap-goa-account') == '' and setting('smtp-goa-account') == '', 5,
                 'back to the typed servers')
        find(group, 'push button', 'Use juergen@example.org')
        wait_for(lambda: not any('Mail is sent through the online account' in t for t in texts(preferences)), 5,
                 'the description of the typed server back')


if __name__ == '__main__':
    unittest.main(verbosity=2)
