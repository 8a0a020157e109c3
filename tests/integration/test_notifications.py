#!/usr/bin/python3
# test_notifications.py -- the real rapport binary and the session's notification daemon
# (python-dbusmock's notification_daemon template, started by tests/session/headless-session):
# reminders that fall due become desktop notifications, their buttons change the database,
# Rapport runs on without a window, catches up in one notification, keeps its autostart
# entry in step with "start-at-login", and is started by D-Bus for a notification's action.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sqlite3
import subprocess
import sys
import time
import unittest

from gi.repository import Gio, GLib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'e2e'))
from rapport_atspi import App, key_combo, walk  # noqa: E402

RAPPORT = os.environ['RAPPORT_EXECUTABLE']
APP_ID = 'io.github.rapport.Rapport'
APP_PATH = '/io/github/rapport/Rapport'
DATA_HOME = os.environ['XDG_DATA_HOME']   # the session's: D-Bus activation starts Rapport there too
DB = os.path.join(DATA_HOME, 'rapport', 'rapport.db')
DAY = 24 * 60 * 60
FOLLOW_UP_DAYS = 14
# The sanitizer build runs several times slower.
SLOW = 3 if 'ASAN_OPTIONS' in os.environ else 1
TEMPLATE = os.path.join(os.environ['RAPPORT_SESSION_DIR'], 'empty.db')

BUS = Gio.bus_get_sync(Gio.BusType.SESSION, None)
OWN_ENV = {'GSETTINGS_BACKEND': 'keyfile', 'G_DEBUG': 'fatal-criticals', 'G_MESSAGES_DEBUG': 'rapport-application'}
ENV = dict(os.environ, **OWN_ENV)


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
        result.append({'id': nid, 'summary': summary, 'body': body, 'hints': hints,
                       'actions': dict(zip(actions[1::2], actions[0::2]))})   # label -> key
    return result


def invoke(notification, label):
    mock('EmitSignal', GLib.Variant('(sssav)', ('org.freedesktop.Notifications', 'ActionInvoked', 'us',
                                                [GLib.Variant('u', notification['id']),
                                                 GLib.Variant('s', notification['actions'][label])])))


def app_action(name, target=None):
    params = [target] if target is not None else []
    call(APP_ID, APP_PATH, 'org.gtk.Actions', 'Activate',
         GLib.Variant('(sava{sv})', (name, params, {})))


def gsettings(key, value):
    subprocess.run(['gsettings', 'set', APP_ID, key, value], env=ENV, check=True)


def reminders(where='1'):
    with sqlite3.connect(DB) as conn:
        return conn.execute(f'SELECT id, kind, state, snoozed_until, notified_at FROM reminder WHERE {where} '
                            'ORDER BY id').fetchall()


class Notifications(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # The first start makes an empty database; each test starts from a copy.
        result = subprocess.run([RAPPORT, '--exit-after-startup'], env=ENV, capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
        shutil.copy(DB, TEMPLATE)

    def setUp(self):
        shutil.rmtree(os.path.dirname(DB), ignore_errors=True)
        os.makedirs(os.path.dirname(DB), mode=0o700)
        shutil.copy(TEMPLATE, DB)
        self.proc = None
        self.seen = len(notifications())
        gsettings('run-in-background', 'true')
        gsettings('start-at-login', 'false')

    def tearDown(self):
        if self.proc is not None:
            if self.proc.poll() is None:
                self.proc.terminate()
            out, _ = self.proc.communicate(timeout=10)
            if out:
                print(f'rapport said:\n{out}', file=sys.stderr)
        if name_has_owner(APP_ID):   # one started by D-Bus
            app_action('quit')
            wait_for(lambda: not name_has_owner(APP_ID), 10, 'the activated Rapport to quit')

    def start(self, *args):
        self.proc = subprocess.Popen([RAPPORT, *args], env=ENV, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)
        wait_for(lambda: name_has_owner(APP_ID), 20, 'Rapport on the bus')

    def new(self):
        return notifications()[self.seen:]

    def add_request(self, name, sent_at):
        """A contact asked for a meeting by email at sent_at, with no reply: a follow-up is due
        FOLLOW_UP_DAYS later. Derived at the next start (the contact is marked for it)."""
        now = int(time.time())
        with sqlite3.connect(DB) as conn:
            cur = conn.execute('INSERT INTO contact (display_name, sort_key, stage, created_at, updated_at) '
                               'VALUES (?, ?, 1, ?, ?)', (name, name.lower(), now, now))
            conn.execute('INSERT INTO interaction (contact_id, kind, happened_at, summary, created_at, updated_at) '
                         'VALUES (?, 0, ?, ?, ?, ?)', (cur.lastrowid, sent_at, 'Asked for 20 minutes', now, now))
            return cur.lastrowid

    def test_due_reminder_notifies_and_buttons_write(self):
        due = int(time.time()) + 3
        ada = self.add_request('Ada Lovelace', due - FOLLOW_UP_DAYS * DAY)
        grace = self.add_request('Grace Hopper', due - FOLLOW_UP_DAYS * DAY)
        self.start('--background')

        shown = wait_for(lambda: len(self.new()) >= 2 and self.new(), 10, 'two notifications')
        self.assertGreaterEqual(time.time(), due - 1, 'not before the due time')
        time.sleep(1)   # nothing more comes
        shown = self.new()
        self.assertEqual(sorted(n['summary'] for n in shown),
                         ['Follow up with Ada Lovelace', 'Follow up with Grace Hopper'])
        for n in shown:
            self.assertIn('No reply to your request yet', n['body'])
            self.assertIn('Follow-up 1.', n['body'])
            self.assertEqual(sorted(n['actions']), ['', 'Done', 'Snooze', 'Write'])
            self.assertEqual(n['actions'][''], 'default')
            self.assertEqual(n['hints'].get('urgency'), 1)

        by_name = {n['summary'].split(' with ')[1]: n for n in shown}
        [(ada_id, kind, state, _, notified)] = reminders(f'contact_id = {ada} AND state < 3')
        self.assertEqual((kind, state), (0, 0))
        self.assertIsNotNone(notified)
        self.assertEqual(by_name['Ada Lovelace']['actions']['Done'], f'app.done-reminder(int64 {ada_id})')

        invoke(by_name['Ada Lovelace'], 'Snooze')
        snoozed = wait_for(lambda: [r for r in reminders(f'id = {ada_id}') if r[2] == 2], 5, 'the snooze')
        tomorrow = time.localtime(time.time() + DAY)
        morning = time.mktime((tomorrow.tm_year, tomorrow.tm_mon, tomorrow.tm_mday, 9, 0, 0, 0, 0, -1))
        self.assertEqual(snoozed[0][3], morning, 'snoozed to tomorrow 09:00 local time')

        [(grace_id, *_)] = reminders(f'contact_id = {grace} AND state < 3')
        invoke(by_name['Grace Hopper'], 'Done')
        wait_for(lambda: reminders(f'id = {grace_id} AND state = 1'), 5, 'the reminder done')

        # Without a window all along, and still running: Ada's reminder comes back tomorrow.
        time.sleep(0.5)
        self.assertIsNone(self.proc.poll(), 'Rapport runs on while a reminder is pending')
        self.assertEqual(len(self.new()), 2, 'one notification per reminder, never repeated')
        app_action('quit')
        self.assertEqual(self.proc.wait(timeout=10), 0)

    def test_window_closed_keeps_running_and_notifies(self):
        due = int(time.time()) + 15 * SLOW   # the window and AT-SPI take a few seconds to come up
        self.add_request('Katherine Johnson', due - FOLLOW_UP_DAYS * DAY)
        app = App(env=OWN_ENV)
        self.proc = app.proc
        app.window('Rapport')
        window = f'{APP_PATH}/window/1'
        wait_for(lambda: self.window_exists(window), 10, 'the window on the bus')
        key_combo('Control', 'w')
        # Asked on the session bus: AT-SPI is slow to answer about an application without windows.
        wait_for(lambda: not self.window_exists(window), 10, 'the window to close')
        self.assertLess(time.time(), due, 'closed before the reminder was due')

        shown = wait_for(self.new, 20, 'the notification')
        self.assertEqual([n['summary'] for n in shown], ['Follow up with Katherine Johnson'])
        self.assertIsNone(self.proc.poll(), 'running without a window')

        # Write opens a new window on the contact, and the composer with the follow-up over it.
        invoke(shown[0], 'Write')
        wait_for(lambda: self.window_exists(f'{APP_PATH}/window/2'), 10, 'a window for the contact')
        contact_page = app.window('Rapport')
        wait_for(lambda: any(n.get_name() == 'Katherine Johnson' for n in walk(contact_page)), 30,
                 "the contact's page")
        composer = app.window('Write to Katherine Johnson', 30)
        wait_for(lambda: any(n.get_name() == 'Follow-up after no reply' for n in walk(composer)), 10,
                 'the follow-up template chosen')
        app_action('quit')
        self.assertEqual(self.proc.wait(timeout=10), 0)

    def window_exists(self, path):
        try:
            call(APP_ID, path, 'org.gtk.Actions', 'List')
            return True
        except GLib.Error:
            return False

    def test_nothing_pending_quits_in_the_background(self):
        self.start('--background')
        self.assertEqual(self.proc.wait(timeout=15), 0)
        self.assertEqual(self.new(), [])

    def test_overdue_reminders_are_grouped(self):
        long_ago = int(time.time()) - (FOLLOW_UP_DAYS + 5) * DAY
        for i, name in enumerate(['Alan Turing', 'Barbara Liskov', 'Edsger Dijkstra', 'Frances Allen']):
            self.add_request(name, long_ago + i * 60)
        self.start('--background')

        shown = wait_for(self.new, 10, 'the grouped notification')
        time.sleep(1)
        shown = self.new()
        self.assertEqual(len(shown), 1, [n['summary'] for n in shown])
        self.assertEqual(shown[0]['summary'], 'While you were away: 4 follow-ups due')
        self.assertEqual(shown[0]['body'].split('\n'),
                         ['Follow up with Alan Turing', 'Follow up with Barbara Liskov',
                          'Follow up with Edsger Dijkstra', 'and 1 more'])
        overdue = [r[0] for r in reminders('notified_at IS NOT NULL AND state = 0')]
        self.assertEqual(len(overdue), 4)

        # Dealt with one by one (as from the Today page): the grouped notification goes with the last.
        for i, rid in enumerate(overdue):
            app_action('done-reminder', GLib.Variant('x', rid))
            wait_for(lambda: reminders(f'id = {rid} AND state = 1'), 5, 'the reminder done')
            time.sleep(0.2)
            self.assertEqual(self.closed(shown[0]['id']), i == len(overdue) - 1)
        self.assertEqual(self.new(), shown, 'nothing shown again')
        # Each series goes on with a second follow-up, 14 days on: Rapport waits for those.
        self.assertEqual(len(reminders('state = 0 AND notified_at IS NULL')), 4)
        self.assertIsNone(self.proc.poll())

    def closed(self, nid):
        return any(method == 'CloseNotification' and args[0] == nid for _, method, args in mock('GetCalls').unpack()[0])

    def test_start_at_login_writes_the_autostart_entry(self):
        entry = os.path.join(os.environ['XDG_CONFIG_HOME'], 'autostart', APP_ID + '.desktop')
        self.add_request('Mary Somerville', int(time.time()) - (FOLLOW_UP_DAYS - 1) * DAY)   # pending, keeps it up
        self.start('--background')

        # A second --background start finds this one and leaves: no window, no second process.
        again = subprocess.run([RAPPORT, '--background'], env=ENV, capture_output=True, text=True, timeout=20)
        self.assertEqual(again.returncode, 0, again.stdout + again.stderr)
        self.assertFalse(self.window_exists(f'{APP_PATH}/window/1'))
        # Opening Rapport later (what the desktop does for its icon) shows the window as usual.
        call(APP_ID, APP_PATH, 'org.freedesktop.Application', 'Activate', GLib.Variant('(a{sv})', ({},)))
        wait_for(lambda: self.window_exists(f'{APP_PATH}/window/1'), 10, 'the window')

        gsettings('start-at-login', 'true')
        # GLib writes a new file in place, not by renaming: wait for the whole of it.
        def whole_entry():
            if not os.path.exists(entry):
                return None
            with open(entry) as f:
                text = f.read()
            return text if text.endswith('\n') and 'X-GNOME-Autostart-enabled' in text else None
        text = wait_for(whole_entry, 10, 'the autostart entry')
        self.assertIn('Exec=rapport --background\n', text)
        self.assertIn('X-GNOME-Autostart-enabled=true\n', text)
        self.assertRegex(text, r'\nName=.+\n')
        self.assertRegex(text, r'\nComment=.+\n')
        check = subprocess.run(['desktop-file-validate', entry], capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)

        gsettings('start-at-login', 'false')
        wait_for(lambda: not os.path.exists(entry), 10, 'the autostart entry to go')

        # Reconciled at start: the key on and no file (removed by hand) writes it again.
        app_action('quit')
        self.proc.communicate(timeout=10)
        gsettings('start-at-login', 'true')
        self.start('--background')
        wait_for(lambda: os.path.exists(entry), 10, 'the autostart entry, at start')
        app_action('quit')
        self.proc.wait(timeout=10)
        gsettings('start-at-login', 'false')
        os.remove(entry)

    def test_dbus_activation_runs_the_action(self):
        # What GNOME Shell does when a notification's button is clicked after Rapport quit.
        services = os.path.join(DATA_HOME, 'dbus-1', 'services')
        os.makedirs(services, exist_ok=True)
        with open(os.path.join(services, APP_ID + '.service'), 'w') as f:
            f.write('[D-BUS Service]\nName=%s\nExec=/usr/bin/env GSETTINGS_BACKEND=keyfile '
                    'GSETTINGS_SCHEMA_DIR=%s %s --gapplication-service\n'
                    % (APP_ID, os.environ['GSETTINGS_SCHEMA_DIR'], RAPPORT))
        call('org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus', 'ReloadConfig')

        self.add_request('Hedy Lamarr', int(time.time()) - (FOLLOW_UP_DAYS - 1) * DAY)
        self.add_request('Lise Meitner', int(time.time()) - (FOLLOW_UP_DAYS - 2) * DAY)
        first = subprocess.run([RAPPORT, '--exit-after-startup'], env=ENV, capture_output=True, text=True, timeout=60)
        self.assertEqual(first.returncode, 0, first.stdout + first.stderr)
        hedy, lise = [r[0] for r in reminders('state = 0')]
        self.assertFalse(name_has_owner(APP_ID))

        call(APP_ID, APP_PATH, 'org.freedesktop.Application', 'ActivateAction',
             GLib.Variant('(sava{sv})', ('done-reminder', [GLib.Variant('x', hedy)], {})))
        wait_for(lambda: reminders(f'id = {hedy} AND state = 1'), 15, 'the reminder done by the started Rapport')
        self.assertEqual([r[2] for r in reminders(f'id = {lise}')], [0], 'only the one named')


if __name__ == '__main__':
    unittest.main(verbosity=2)
