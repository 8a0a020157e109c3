#!/usr/bin/python3
# test_compose_send.py -- Send from the composer, for real: an account in Preferences' settings,
# its password in the session's keyring (through mail-tool, as the Mail page stores it), aiosmtpd
# with STARTTLS on 127.0.0.1. Write a request on a referred contact's page and Send: the message
# arrives (parsed back with Python's email package), is on the timeline, and the follow-up is due
# in 14 days. With the server gone, Send fails with a clear message and the message is kept as a
# draft on the contact's page.
#
#   test_compose_send.py MAIL-TOOL       (inside tests/session/headless-session)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import email
import email.policy
import os
import secrets
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from rapport_atspi import App, Atspi, do_action, find, find_all, key_combo, states, text_of, wait_for  # noqa: E402

TOOL = sys.argv.pop(1)
USER = 'sam'
PASSWORD = 'Geheim-' + secrets.token_hex(8)
EMAIL_SENT = 0
STAGE_REQUEST_SENT = 1
DAY = 24 * 60 * 60


def query(sql, *args):
    db = os.path.join(os.environ['XDG_DATA_HOME'], 'rapport', 'rapport.db')
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


class ComposeSend(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix='compose-', dir=os.environ['RAPPORT_SESSION_DIR'])
        log = open(os.path.join(self.work, 'server.log'), 'w')
        self.server = subprocess.Popen(
            ['/usr/bin/python3', os.path.join(HERE, '..', 'smtp', 'smtp-server.py'), 'starttls', self.work],
            env=dict(os.environ, SMTP_TEST_USER=USER, SMTP_TEST_PASSWORD=PASSWORD), stdout=log, stderr=subprocess.STDOUT)
        self.addCleanup(self.stop_server)
        portfile = os.path.join(self.work, 'starttls.port')
        wait_for(lambda: os.path.exists(portfile), 30, 'the SMTP server')
        with open(portfile) as f:
            port = int(f.read())
        # The account as Preferences → Mail saves it, and the password in the keyring.
        result = subprocess.run([TOOL, '--name=Sam Porter', '--address=sam@example.org', '--server=127.0.0.1',
                                 f'--port={port}', '--security=starttls', f'--user={USER}',
                                 f'--ca-file={os.path.join(self.work, "ca.pem")}', 'store'],
                                input=PASSWORD.encode(), capture_output=True, timeout=60,
                                env=dict(os.environ, GSETTINGS_BACKEND='keyfile'))
        self.assertIn(b'OK', result.stdout, result.stdout + result.stderr)

        self.app = App(env={'GSETTINGS_BACKEND': 'keyfile'})
        self.addCleanup(self.app.close)
        self.main = self.app.window('Rapport')
        key_combo('Control', '2')
        switcher = find(self.main, 'page tab list')
        wait_for(lambda: 'selected' in states(find(switcher, 'page tab', 'Contacts')), 5, 'the Contacts page')

    def stop_server(self):
        if self.server.poll() is None:
            self.server.terminate()
            self.server.wait(10)

    def create_contact(self, name, organisation, email_address, referrer=None):
        do_action(find(self.main, 'push button', 'New Contact'))
        editor = self.app.window('New Contact')
        find(editor, 'text', 'Name (required)').set_text_contents(name)
        find(editor, 'text', 'Organisation').set_text_contents(organisation)
        find(editor, 'text', 'Email').set_text_contents(email_address)
        if referrer:
            do_action(find(editor, 'push button', 'Nobody'))
            find(self.app.node, 'entry', 'Search for the Person Who Introduced You').set_text_contents(referrer[:3])
            find(find(self.app.node, 'list', 'Matching Contacts'), 'list item', referrer, timeout=10)
            key_combo('Return')
            find(editor, 'push button', referrer)
        save = find(editor, 'push button', 'Save')
        wait_for(lambda: 'sensitive' in states(save), 5, 'Save to be enabled')
        do_action(save)
        self.app.wait_window_gone('New Contact')

    def write(self, expected):
        do_action(find(self.main, 'push button', 'Write…'))
        composer = self.app.window('Write to Jörg Weiß')
        body = find(composer, 'text', 'Message')
        wait_for(lambda: expected in text_of(body), 10, f'a message with {expected!r}')
        # no role known, no phone number in Preferences: written by hand
        body.set_text_contents(text_of(body).replace('{role}', 'head of research').replace('{my_phone}', '0170 1234567'))
        return composer

    def test_send(self):
        self.create_contact('Grace Hopper', 'Navy Labs', 'grace@navy.example')
        self.create_contact('Jörg Weiß', 'Nordwind Energie', 'joerg@nordwind.example', referrer='Grace Hopper')
        key_combo('Control', 'f')
        find(self.main, 'entry', 'Search Contacts').set_text_contents('Jörg')
        contacts = find(self.main, 'list', 'Contacts')
        wait_for(lambda: len(find_all(contacts, 'list item')) == 1, 10, 'Jörg alone in the list')
        key_combo('Return')
        wait_for(lambda: find_all(self.main, 'label', 'Jörg Weiß'), 10, 'his page')

        composer = self.write('Grace Hopper suggested')
        send = find(composer, 'push button', 'Send')
        wait_for(lambda: 'sensitive' in states(send), 5, 'Send to be on with an account set up')
        subject = text_of(find(composer, 'text', 'Subject'))
        do_action(send)
        try:
            self.app.wait_window_gone('Write to Jörg Weiß', 60)
        except AssertionError:
            said = [n.get_name() for n in find_all(composer, 'label') if n.get_name()]
            with open(os.path.join(self.work, 'server.log')) as f:
                raise AssertionError(f'the composer says {said}; the server: {f.read()}') from None

        folder = os.path.join(self.work, 'starttls-mail')
        wait_for(lambda: os.path.exists(os.path.join(folder, '1.eml')), 10, 'the message at the server')
        with open(os.path.join(folder, '1.eml'), 'rb') as f:
            message = email.message_from_bytes(f.read(), policy=email.policy.default)
        self.assertEqual(str(message['Subject']), subject)
        self.assertEqual(message['To'].addresses[0].addr_spec, 'joerg@nordwind.example')
        self.assertIn('Jörg Weiß', str(message['To']))
        self.assertIn('Grace Hopper suggested', message.get_body().get_content())
        self.assertIn('head of research', message.get_body().get_content())

        wait_for(lambda: query('SELECT count (*) FROM interaction WHERE kind = ? AND summary LIKE ?',
                               EMAIL_SENT, 'Request: %') == [(1,)], 10, 'the request on the timeline')
        self.assertEqual(query('SELECT stage FROM contact WHERE display_name = ?', 'Jörg Weiß'), [(STAGE_REQUEST_SENT,)])
        (days,), = query('SELECT (r.due_at - i.happened_at) / ? FROM reminder r JOIN interaction i '
                         'ON i.contact_id = r.contact_id AND i.kind = 0 WHERE r.kind = 0', DAY)
        self.assertEqual(days, 14)

        # The server gone: a clear message, and the message kept as a draft.
        self.stop_server()
        composer = self.write('following up')
        do_action(find(composer, 'push button', 'Send'))
        wait_for(lambda: [n for n in find_all(composer, 'label') if (n.get_name() or '').startswith('Not sent:')],
                 60, 'the failure to be told')
        wait_for(lambda: len(query('SELECT error FROM draft')) == 1, 10, 'the draft')
        (error,), = query('SELECT error FROM draft')
        self.assertNotEqual(error, '')
        self.assertEqual(query('SELECT count (*) FROM interaction WHERE kind = ?', EMAIL_SENT), [(1,)])

        # Fourteen days later, with no reply: the follow-up is on the Today page. Rapport starts again
        # with its clock moved on (RAPPORT_TEST_TIME_OFFSET, read only by rapport_clock_get_real_time).
        key_combo('Escape')
        self.app.wait_window_gone('Write to Jörg Weiß')
        # Quit from the main menu: with no window manager, nothing gives the main window the
        # keyboard back after the composer closes.
        menu_button = [b for b in find_all(self.main, 'push button', 'Main Menu') if b.get_n_actions()][0]
        do_action(menu_button)
        do_action(find(self.app.node, 'menu item', 'Quit'))
        self.app.wait_exit()
        self.app = App(env={'GSETTINGS_BACKEND': 'keyfile', 'RAPPORT_TEST_TIME_OFFSET': str(14 * DAY + 3600)})
        self.addCleanup(self.app.close)
        main = self.app.window('Rapport')
        do_action(find(find(main, 'page tab list'), 'page tab', 'Today'))
        title = 'Follow up with Jörg Weiß'

        def follow_up_row():
            for group in ('Overdue', 'Today'):
                for lst in find_all(main, 'list', group):
                    for row in find_all(lst, 'list item'):
                        if find_all(row, 'label', title):
                            return row
            return None
        row = wait_for(follow_up_row, 20, 'the follow-up on the Today page 14 days later')
        find(row, 'push button', 'Write')


if __name__ == '__main__':
    unittest.main(verbosity=2)
