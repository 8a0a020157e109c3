#!/usr/bin/python3
# test_mailbox_replies.py -- the real rapport binary reading a real mailbox (dovecot on 127.0.0.1,
# tests/imap/dovecot.py) with the session's keyring and notification daemon:
#
#   test_mailbox_replies.py IMAP-TOOL
#
# With "read-mailbox" on, Rapport checks at start, without a window (--background): a contact's
# reply ends their follow-ups and gives one notification, "Ana Ruiz replied", with Write Back
# and Open. Two replies found by one check (app.check-mailbox, as "Check Now" does) are one
# notification, "2 contacts replied"; a check that finds nothing new shows none. Open brings the
# window up. Quitting while a server never answers takes less than a second.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import email.message
import email.utils
import imaplib
import os
import secrets
import shutil
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import unittest

from gi.repository import Gio, GLib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'imap'))
sys.path.insert(0, os.path.join(HERE, '..', 'session'))
from dovecot import Dovecot  # noqa: E402
import sanitizers  # noqa: E402

TOOL = sys.argv.pop(1)
RAPPORT = os.environ['RAPPORT_EXECUTABLE']
APP_ID = 'io.github.rapport.Rapport'
APP_PATH = '/io/github/rapport/Rapport'
DATA_HOME = os.environ['XDG_DATA_HOME']
DB = os.path.join(DATA_HOME, 'rapport', 'rapport.db')
USER = 'juergen@example.org'
PASSWORD = 'Pässwort-' + secrets.token_hex(8)
DAY = 24 * 60 * 60
SLOW = 3 if 'ASAN_OPTIONS' in os.environ else 1
ENV = sanitizers.allow_libsecret_lookup_leak(
    dict(os.environ, GSETTINGS_BACKEND='keyfile', G_DEBUG='fatal-criticals',
         G_MESSAGES_DEBUG='rapport-application rapport-mailbox'), os.environ['RAPPORT_SESSION_DIR'])
BUS = Gio.bus_get_sync(Gio.BusType.SESSION, None)
CONTACTS = ((1, 'Ana Ruiz', 'ana.ruiz@example.com'), (2, 'Bob Stein', 'bob@example.net'),
            (3, 'Carla Díaz', 'carla@example.org'))


def wait_for(predicate, timeout, what):
    timeout *= SLOW
    end = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > end:
            raise AssertionError(f'timed out after {timeout} s waiting for {what}')
        time.sleep(0.05)


def call(dest, path, interface, method, args=None, reply=None):
    return BUS.call_sync(dest, path, interface, method, args, reply, Gio.DBusCallFlags.NONE, 10000, None)


def name_has_owner(name):
    return call('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus', 'NameHasOwner',
                GLib.Variant('(s)', (name,)), GLib.VariantType('(b)')).unpack()[0]


def mock(method, args=None):
    return call('org.freedesktop.Notifications', '/org/freedesktop/Notifications', 'org.freedesktop.DBus.Mock',
                method, args)


def notifications():
    """Every Notify call the daemon has had since it started, with the id it returned."""
    result, next_id = [], 1
    for _, method, args in mock('GetCalls').unpack()[0]:
        if method != 'Notify':
            continue
        app_name, replaces, icon, summary, body, actions, hints, timeout = args
        if replaces:
            nid = replaces
        else:
            nid, next_id = next_id, next_id + 1
        result.append({'id': nid, 'summary': summary, 'body': body,
                       'actions': dict(zip(actions[1::2], actions[0::2]))})   # label -> key
    return result


def invoke(notification, label):
    mock('EmitSignal', GLib.Variant('(sssav)', ('org.freedesktop.Notifications', 'ActionInvoked', 'us',
                                                [GLib.Variant('u', notification['id']),
                                                 GLib.Variant('s', notification['actions'][label])])))


def app_action(name):
    call(APP_ID, APP_PATH, 'org.gtk.Actions', 'Activate', GLib.Variant('(sava{sv})', (name, [], {})))


def window_exists(path):
    try:
        call(APP_ID, path, 'org.gtk.Actions', 'List')
        return True
    except GLib.Error:
        return False


def gsettings(key, value):
    subprocess.run(['gsettings', 'set', APP_ID, key, value], env=ENV, check=True)


def message(sender, subject, body, in_reply_to=None):
    m = email.message.EmailMessage()
    m['From'] = sender
    m['To'] = USER
    m['Subject'] = subject
    m['Date'] = email.utils.formatdate(time.time() - 3600)
    m['Message-ID'] = email.utils.make_msgid(domain='mail.test')
    if in_reply_to:
        m['In-Reply-To'] = m['References'] = in_reply_to
    m.set_content(body)
    return m


def query(sql, *args):
    with sqlite3.connect(DB) as db:
        return db.execute(sql, args).fetchall()


def pending_follow_ups(cid):
    return query('SELECT count(*) FROM reminder WHERE contact_id = ? AND kind IN (0, 1) AND state = 0', cid)[0][0]


class SilentServer(threading.Thread):
    """Accepts connections and never says a word: a sync to it waits until cancelled."""

    def __init__(self):
        super().__init__(daemon=True)
        self.sock = socket.socket()
        self.sock.bind(('127.0.0.1', 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.connected = threading.Event()
        self.held = []

    def run(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)
            self.connected.set()


class MailboxReplies(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix='replies-', dir=os.environ['RAPPORT_SESSION_DIR'])
        cls.server = Dovecot(cls.work, USER, PASSWORD)
        cls.server.start()
        # The account as Preferences writes it, and the password in the keyring.
        result = subprocess.run([TOOL, '--server=127.0.0.1', f'--port={cls.server.tls_port}', '--security=tls',
                                 f'--user={USER}', f'--ca-file={cls.server.ca}', f'--address={USER}', 'store'],
                                input=PASSWORD.encode(), env=ENV, capture_output=True, timeout=60)
        assert 'OK' in result.stdout.decode().splitlines(), result.stdout + result.stderr

        result = subprocess.run([RAPPORT, '--exit-after-startup'], env=ENV, capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
        now = int(time.time())
        with sqlite3.connect(DB) as db:
            for cid, name, address in CONTACTS:
                db.execute('INSERT INTO contact (id, display_name, sort_key, stage, created_at, updated_at) '
                           'VALUES (?, ?, ?, 1, ?, ?)', (cid, name, name.lower(), now, now))
                db.execute('INSERT INTO contact_email (contact_id, position, address) VALUES (?, 0, ?)',
                           (cid, address))
                # A request sent three weeks ago, never answered: its follow-up is due.
                db.execute('INSERT INTO interaction (contact_id, kind, happened_at, summary, message_id, '
                           'created_at, updated_at) VALUES (?, 0, ?, ?, ?, ?, ?)',
                           (cid, now - 21 * DAY, 'Request', f'req-{cid}@example.org', now, now))
        gsettings('run-in-background', 'true')
        gsettings('start-at-login', 'false')

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def setUp(self):
        self.proc = None
        self.seen = len(notifications())

    def tearDown(self):
        if self.proc is not None and self.proc.returncode is None:
            if self.proc.poll() is None:
                self.proc.terminate()
            out, _ = self.proc.communicate(timeout=10)
            if self._outcome.result.failures or self._outcome.result.errors:
                print(f'rapport said:\n{out}', file=sys.stderr)

    def append(self, m):
        ctx = ssl.create_default_context(cafile=self.server.ca)
        with imaplib.IMAP4_SSL('127.0.0.1', self.server.tls_port, ssl_context=ctx) as imap:
            imap.authenticate('PLAIN', lambda _: f'\0{USER}\0{PASSWORD}'.encode())
            imap.append('INBOX', '', imaplib.Time2Internaldate(time.time()), m.as_bytes())

    def start(self):
        self.proc = subprocess.Popen([RAPPORT, '--background'], env=ENV, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)
        wait_for(lambda: name_has_owner(APP_ID), 20, 'Rapport on the bus')

    def new(self):
        """The replies' notifications since the test began (not the reminders')."""
        return [n for n in notifications()[self.seen:] if 'replied' in n['summary']]

    def quit(self):
        app_action('quit')
        self.proc.communicate(timeout=10 * SLOW)

    def test_1_replies_notify_once(self):
        gsettings('read-mailbox', 'false')
        self.start()
        wait_for(lambda: [pending_follow_ups(c[0]) for c in CONTACTS] == [1, 1, 1], 20, 'the follow-ups due')
        self.append(message('Ana Ruiz <Ana.Ruiz@example.com>', 'Re: Twenty minutes about UX', 'Gladly, Tuesday?',
                            in_reply_to='<req-1@example.org>'))
        self.assertEqual(self.new(), [])
        # Turned on: the first check at once.
        gsettings('read-mailbox', 'true')
        [shown] = wait_for(self.new, 30, 'the notification of the first check')
        self.assertEqual(shown['summary'], 'Ana Ruiz replied')
        self.assertEqual(shown['actions'], {'': 'default', 'Write Back': 'app.write-back(int64 1)',
                                            'Open': 'app.show-reply(int64 1)'})
        self.assertEqual(query('SELECT summary FROM interaction WHERE contact_id = 1 AND kind = 1'),
                         [('Re: Twenty minutes about UX',)])
        self.assertEqual([pending_follow_ups(c[0]) for c in CONTACTS], [0, 1, 1])

        # "Check Now" with nothing new: no notification.
        app_action('check-mailbox')
        time.sleep(2 * SLOW)
        self.assertEqual(len(self.new()), 1)

        # Two replies at once, one of them in two messages: one notification.
        self.append(message('Bob Stein <bob@example.net>', 'Re: Request', 'Sure.', in_reply_to='<req-2@example.org>'))
        self.append(message('Carla Díaz <carla@example.org>', 'Re: Request', 'Yes!', in_reply_to='<req-3@example.org>'))
        self.append(message('Carla Díaz <carla@example.org>', 'Re: Request (2)', 'And Friday works too.'))
        self.seen = len(notifications())
        app_action('check-mailbox')
        [grouped] = wait_for(self.new, 30, 'the grouped notification')
        time.sleep(1)
        self.assertEqual(len(self.new()), 1)
        self.assertEqual(grouped['summary'], '2 contacts replied')
        self.assertEqual(sorted(grouped['body'].split('\n')), ['Bob Stein', 'Carla Díaz'])
        self.assertEqual(grouped['actions'], {'': 'default', 'Open': 'app.show-reply(int64 0)'})
        self.assertEqual([pending_follow_ups(c[0]) for c in CONTACTS], [0, 0, 0])

        # Between checks Rapport waits on INBOX (IDLE): new mail is read at once, with no Check Now
        # and the next check minutes away.
        time.sleep(2 * SLOW)   # the wait is set up after the check
        self.append(message('Ana Ruiz <Ana.Ruiz@example.com>', 'One more thing', 'I can bring a colleague.'))
        wait_for(lambda: query("SELECT count(*) FROM interaction WHERE contact_id = 1 AND kind = 1")[0][0] == 2,
                 10 * SLOW, 'the new mail read by itself')

        # Open brings up the window, which Rapport started without.
        invoke(shown, 'Open')
        wait_for(lambda: window_exists(f'{APP_PATH}/window/1'), 20, 'the main window')
        self.quit()

    def test_2_quit_while_a_server_hangs(self):
        silent = SilentServer()
        silent.start()
        gsettings('imap-port', str(silent.port))
        gsettings('read-mailbox', 'true')
        self.start()
        self.assertTrue(silent.connected.wait(20 * SLOW), 'the check at start connects')
        time.sleep(0.3)
        began = time.monotonic()
        app_action('quit')
        self.proc.communicate(timeout=10)
        elapsed = time.monotonic() - began
        print(f'# quit during a sync took {elapsed * 1000:.0f} ms', file=sys.stderr)
        self.assertLess(elapsed, 1.0 * SLOW)
        self.assertEqual(self.proc.returncode, 0)
        silent.sock.close()


if __name__ == '__main__':
    unittest.main(verbosity=2)
