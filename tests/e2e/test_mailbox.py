#!/usr/bin/python3
# test_mailbox.py -- reading the mailbox as a user sets it up, through AT-SPI: in Preferences → Mail,
# fill in the incoming account of a real dovecot (tests/imap/dovecot.py, TLS with a test CA on
# 127.0.0.1), type the password, Test Connection, turn on "Read My Mailbox for Replies" (which
# checks at once), then "Check Now" finds a second reply; both are on the contact's timeline.
# The password lands in the keyring only. And on resume from suspend (logind's PrepareForSleep,
# sent on a private system bus, as logind cannot run here) it looks again at once rather than
# when its five-minute timer, which slept, comes round. Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import email.message
import email.utils
import imaplib
import os
import secrets
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, '..', 'imap'))
from dovecot import Dovecot  # noqa: E402
from rapport_atspi import App, Atspi, Gio, GLib, click, do_action, find, find_all, key_combo, keyboard_to, states, wait_for, walk  # noqa: E402,E501

USER = 'juergen@example.org'
PASSWORD = 'Pässwort-' + secrets.token_hex(8)
DAY = 24 * 60 * 60
APP_ID = 'io.github.rapport.Rapport'


def texts(root):
    return [n.get_name() or '' for n in walk(root) if n.get_role_name() in ('label', 'list item')]


def keyring():
    return subprocess.run(['secret-tool', 'lookup', 'xdg:schema', 'io.github.rapport.Rapport.Imap',
                           'server', '127.0.0.1', 'user', USER], capture_output=True).stdout.decode()


def reply(subject, body, in_reply_to=None):
    m = email.message.EmailMessage()
    m['From'] = 'Ana Ruiz <ana.ruiz@example.com>'
    m['To'] = USER
    m['Subject'] = subject
    m['Date'] = email.utils.formatdate(time.time() - 600)
    m['Message-ID'] = email.utils.make_msgid(domain='mail.test')
    if in_reply_to:
        m['In-Reply-To'] = m['References'] = in_reply_to
    m.set_content(body)
    return m


def system_bus(folder):
    """A private bus standing in for the system bus, on which this process is "logind"."""
    daemon = subprocess.Popen(['dbus-daemon', '--session', '--nofork', '--print-address=1',
                               '--address=unix:dir=' + folder], stdout=subprocess.PIPE, text=True)
    address = daemon.stdout.readline().strip()
    conn = Gio.DBusConnection.new_for_address_sync(
        address, Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION,
        None, None)
    conn.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus', 'RequestName',
                   GLib.Variant('(su)', ('org.freedesktop.login1', 4)), None, Gio.DBusCallFlags.NONE, 5000, None)
    return daemon, address, conn


class Mailbox(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix='mailbox-', dir=os.environ.get('RAPPORT_SESSION_DIR'))
        # Without IDLE for the resume test, where only the timer (which slept) would look again.
        self.server = Dovecot(self.work, USER, PASSWORD, idle='resume' not in self.id())
        self.server.start()
        self.addCleanup(self.server.stop)
        # The keyfile backend, so that the test can set the CA file from outside.
        os.environ['GSETTINGS_BACKEND'] = 'keyfile'
        data = os.path.join(self.work, 'data')
        env = dict(os.environ, XDG_DATA_HOME=data)
        result = subprocess.run([os.environ['RAPPORT_EXECUTABLE'], '--exit-after-startup'], env=env,
                                capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.db = os.path.join(data, 'rapport', 'rapport.db')
        now = int(time.time())
        with sqlite3.connect(self.db) as db:
            db.execute("INSERT INTO contact (id, display_name, sort_key, stage, created_at, updated_at) "
                       "VALUES (1, 'Ana Ruiz', 'ana ruiz', 1, ?, ?)", (now, now))
            db.execute("INSERT INTO contact_email (contact_id, position, address) VALUES (1, 0, 'ana.ruiz@example.com')")
            db.execute("INSERT INTO interaction (contact_id, kind, happened_at, summary, message_id, created_at, "
                       "updated_at) VALUES (1, 0, ?, 'Twenty minutes about UX', 'req-ana@example.org', ?, ?)",
                       (now - 21 * DAY, now, now))
        subprocess.run(['gsettings', 'set', APP_ID, 'imap-ca-file', self.server.ca], check=True)
        self.append(reply('Re: Twenty minutes about UX', 'Happy to, Tuesday at 10?', '<req-ana@example.org>'))
        self.bus, address, self.logind = system_bus(self.work)
        self.addCleanup(self.bus.wait)
        self.addCleanup(self.bus.terminate)
        self.app = App(env={'XDG_DATA_HOME': data, 'DBUS_SYSTEM_BUS_ADDRESS': address})
        self.addCleanup(self.app.close)
        self.main = self.app.window('Rapport')

    def append(self, m):
        ctx = ssl.create_default_context(cafile=self.server.ca)
        with imaplib.IMAP4_SSL('127.0.0.1', self.server.tls_port, ssl_context=ctx) as imap:
            imap.authenticate('PLAIN', lambda _: f'\0{USER}\0{PASSWORD}'.encode())
            imap.append('INBOX', '', imaplib.Time2Internaldate(time.time()), m.as_bytes())

    def synced_at(self):
        with sqlite3.connect(self.db) as db:
            return db.execute("SELECT max(synced_at) FROM mailbox_folder WHERE folder = 'INBOX'").fetchone()[0] or 0

    def ignored(self):
        with sqlite3.connect(self.db) as db:
            return [a for a, in db.execute('SELECT address FROM mail_ignored')]

    def received(self):
        with sqlite3.connect(self.db) as db:
            return [s for s, in db.execute('SELECT summary FROM interaction WHERE contact_id = 1 AND kind = 1 '
                                           'ORDER BY happened_at, id')]

    def test_set_up_check_now_and_timeline(self):
        key_combo('Control', 'comma')
        preferences = self.app.window('Preferences')
        do_action(find(preferences, None, 'Mail'))
        group = find(preferences, 'list', 'Incoming Mail (IMAP)')
        switch = next(n for n in walk(group) if n.get_name() == 'Read My Mailbox for Replies'
                      and n.get_role_name() in ('switch', 'toggle button', 'check box'))
        self.assertNotIn('sensitive', states(switch), 'the switch waits for an account')
        check_now = find(group, 'push button', 'Check Now')
        self.assertNotIn('sensitive', states(check_now), 'Check Now waits for the switch')

        find(group, 'text', 'Server').set_text_contents('127.0.0.1')
        port = find(group, 'spin button', 'Port')
        self.assertEqual(port.get_current_value(), 993)
        port.set_current_value(float(self.server.tls_port))
        find(group, 'text', 'User Name').set_text_contents(USER)
        wait_for(lambda: 'sensitive' in states(switch), 5, 'the switch, once there is an account')

        # Test Connection saves the password typed, then logs in.
        find(group, 'text', 'Password').set_text_contents(PASSWORD)
        do_action(find(group, 'push button', 'Test Connection'))
        wait_for(lambda: any(t.startswith('Connected and logged in to 127.0.0.1') for t in texts(group)), 30,
                 'the connection test to pass')
        self.assertEqual(keyring(), PASSWORD)
        self.assertEqual(find(group, 'text', 'Password').get_text(0, -1), '')

        # Turned on, it checks at once.
        click(preferences, switch)
        wait_for(lambda: any(t.startswith('Last checked at') for t in texts(group)), 30, 'the first check')
        self.assertEqual(self.received(), ['Re: Twenty minutes about UX'])
        if os.environ.get('RAPPORT_MAILBOX_SHOT'):   # a look at the page, for whoever changes it
            subprocess.run(['import', '-window', 'root', os.environ['RAPPORT_MAILBOX_SHOT']], check=False)

        # A second reply, found by Check Now.
        self.append(reply('Tuesday works', 'See you then.'))
        wait_for(lambda: 'sensitive' in states(check_now), 5, 'Check Now enabled')
        do_action(check_now)
        wait_for(lambda: len(self.received()) == 2, 30, 'the second reply')
        self.assertEqual(self.received(), ['Re: Twenty minutes about UX', 'Tuesday works'])

        # Both on Ana's timeline.
        # The header bar's Close, not a toast's.
        closes = [n for n in find_all(preferences, 'push button') if n.get_name() == 'Close']
        do_action(min(closes, key=lambda n: n.get_extents(Atspi.CoordType.SCREEN).y))
        self.app.wait_window_gone('Preferences')
        keyboard_to(self.main, x=8)
        key_combo('Control', '2')
        contacts = find(self.main, 'list', 'Contacts')
        click(self.main, wait_for(lambda: next((i for i in find_all(contacts, 'list item')
                                                if any(n.get_name() == 'Ana Ruiz' for n in walk(i))), None),
                                  10, 'Ana in the list'))
        wait_for(lambda: {'Re: Twenty minutes about UX', 'Tuesday works'} <= set(texts(self.main)), 20,
                 "the replies on Ana's timeline")

        # Her address can be left unread, from her page; later mail from it is not read.
        # (GTK 4.8 gives a toggle button the push button's role, and its state as "pressed".)
        ignore = find(self.main, 'push button', 'Do Not Read Mail From ana.ruiz@example.com')
        self.assertNotIn('pressed', states(ignore))
        do_action(ignore)
        wait_for(lambda: self.ignored() == ['ana.ruiz@example.com'], 5, 'the address to be ignored')
        wait_for(lambda: 'pressed' in states(ignore), 5, 'the toggle to show it')
        self.append(reply('An automatic reply', 'I am out of the office.'))
        asked = int(time.time())
        self.app.activate_action('check-mailbox')
        wait_for(lambda: self.synced_at() >= asked, 30, 'the next check')
        self.assertEqual(self.received(), ['Re: Twenty minutes about UX', 'Tuesday works'])

        # The password nowhere but in the keyring.
        self.app.close()
        leaks = []
        for root, _, files in os.walk(os.environ['RAPPORT_SESSION_DIR']):
            if root.startswith(self.server.home):   # dovecot's own passwd-file
                continue
            for name in files:
                if not os.path.isfile(os.path.join(root, name)):   # a socket or a pipe would block
                    continue
                try:
                    with open(os.path.join(root, name), 'rb') as f:
                        if PASSWORD.encode() in f.read():
                            leaks.append(os.path.join(root, name))
                except OSError:
                    pass
        self.assertEqual(leaks, [])

    def test_resume_checks(self):
        # Set up without the window this time: the settings, and the password in the keyring.
        subprocess.run(['secret-tool', 'store', '--label=Rapport IMAP', 'xdg:schema', 'io.github.rapport.Rapport.Imap',
                        'server', '127.0.0.1', 'user', USER], input=PASSWORD.encode(), check=True)
        self.addCleanup(subprocess.run, ['secret-tool', 'clear', 'xdg:schema', 'io.github.rapport.Rapport.Imap',
                                         'server', '127.0.0.1', 'user', USER])
        for key, value in (('imap-server', '127.0.0.1'), ('imap-port', str(self.server.tls_port)),
                           ('imap-username', USER), ('read-mailbox', 'true')):
            subprocess.run(['gsettings', 'set', APP_ID, key, value], check=True)
            self.addCleanup(subprocess.run, ['gsettings', 'reset', APP_ID, key])
        wait_for(lambda: self.received() == ['Re: Twenty minutes about UX'], 30, 'the first check')

        # Left alone, the next look is five minutes away.
        self.append(reply('Tuesday works', 'See you then.', '<req-ana@example.org>'))
        time.sleep(8)
        self.assertEqual(self.received(), ['Re: Twenty minutes about UX'])

        # Asleep and awake again: the next look comes at once.
        for sleeping in (True, False):
            self.logind.emit_signal(None, '/org/freedesktop/login1', 'org.freedesktop.login1.Manager',
                                    'PrepareForSleep', GLib.Variant('(b)', (sleeping,)))
        self.logind.flush_sync(None)
        wait_for(lambda: self.received() == ['Re: Twenty minutes about UX', 'Tuesday works'], 20,
                 'a check on resume')


if __name__ == '__main__':
    unittest.main(verbosity=2)
