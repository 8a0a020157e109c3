#!/usr/bin/python3
# test_mail_preferences.py -- Preferences → Mail as a user meets it, through AT-SPI: fill in the
# sender and a real SMTP account (aiosmtpd with STARTTLS on 127.0.0.1, tests/smtp/smtp-server.py),
# type the password, and Test Connection logs in. The password lands in the keyring only.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import KEYCODES, App, Atspi, click, do_action, find, key_combo, wait_for, walk  # noqa: E402

DOWN = 116   # X keycode of the evdev layout
CONTROL_ROLES = {'push button', 'toggle button', 'check box', 'radio button', 'combo box', 'text',
                 'spin button', 'switch', 'entry'}

SMTP_SERVER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'smtp', 'smtp-server.py')
USER = 'anna'
PASSWORD = 'Pässwort-' + secrets.token_hex(8)


def keyring():
    return subprocess.run(['secret-tool', 'lookup', 'server', '127.0.0.1', 'user', USER],
                          capture_output=True).stdout.decode()


def texts(root):
    return [n.get_name() or '' for n in walk(root) if n.get_role_name() in ('label', 'list item')]


class MailPreferences(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix='mail-prefs-', dir=os.environ.get('RAPPORT_SESSION_DIR'))
        server = subprocess.Popen(['/usr/bin/python3', SMTP_SERVER, 'starttls', self.work],
                                  env=dict(os.environ, SMTP_TEST_USER=USER, SMTP_TEST_PASSWORD=PASSWORD),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.addCleanup(lambda: (server.terminate(), server.wait()))
        portfile = os.path.join(self.work, 'starttls.port')
        wait_for(lambda: os.path.exists(portfile), 30, 'the SMTP server')
        with open(portfile) as f:
            self.port = f.read().strip()
        # The keyfile backend, so that the test can set the CA file from outside as a file chooser would.
        os.environ['GSETTINGS_BACKEND'] = 'keyfile'
        self.app = App(env={'XDG_DATA_HOME': os.path.join(self.work, 'data')})
        self.addCleanup(self.app.close)
        self.app.window('Rapport')

    def test_fill_in_and_test_connection(self):
        key_combo('Control', 'comma')
        preferences = self.app.window('Preferences')
        do_action(find(preferences, None, 'Mail'))
        find(preferences, 'text', 'Address')

        # The page's own controls (the window around it is libadwaita's).
        page = [n for root in (find(preferences, 'list', 'Sender'), find(preferences, 'list', 'Outgoing Server (SMTP)'),
                               find(preferences, 'list item', 'Log in to the server without sending anything'))
                for n in walk(root)]
        self.assertGreater(len([n for n in page if n.get_role_name() in CONTROL_ROLES]), 8)
        unnamed = [f'[{n.get_role_name()}] {n.get_name()!r}' for n in page
                   if n.get_role_name() in CONTROL_ROLES
                   and (not (n.get_name() or '').strip() or re.match(r'^(Gtk|Adw)[A-Z]', n.get_name()))]
        self.assertEqual(unnamed, [])

        find(preferences, 'text', 'Name').set_text_contents('Jürgen Größ')
        address = find(preferences, 'text', 'Address')
        address.set_text_contents('juergen@')
        wait_for(lambda: any('not an email address yet' in t for t in texts(preferences)), 5,
                 'the message on a half-typed address')
        address.set_text_contents('juergen@example.org')
        wait_for(lambda: not any('not an email address yet' in t for t in texts(preferences)), 5,
                 'the message gone once the address is whole')

        find(preferences, 'text', 'Server').set_text_contents('127.0.0.1')
        # STARTTLS moves the port from 465 to 587 by itself; this server has its own.
        security = find(preferences, 'combo box', 'Security')
        port = find(preferences, 'spin button', 'Port')
        self.assertEqual(port.get_current_value(), 465)
        # GTK 4.8 combo rows take no AT-SPI focus or action: by pointer, as in the other tests.
        click(preferences, security)
        wait_for(lambda: next((n for n in walk(self.app.node) if n.get_role_name() == 'label'
                               and n.get_name() == 'STARTTLS'), None), 5, 'the STARTTLS choice')
        # The popover is a surface of its own, whose extents AT-SPI gets wrong: the keyboard.
        time.sleep(0.3)
        for keycode in (DOWN, KEYCODES['Return']):
            Atspi.generate_keyboard_event(keycode, None, Atspi.KeySynthType.PRESSRELEASE)
            time.sleep(0.1)
        wait_for(lambda: port.get_current_value() == 587, 5, 'the port following STARTTLS')
        port.set_current_value(float(self.port))
        find(preferences, 'text', 'User Name').set_text_contents(USER)

        wait_for(lambda: 'No password is stored yet' in texts(preferences), 10, 'no password yet')
        # Moving the focus on saves what was typed …
        # (GTK 4.8 text fields take no focus through AT-SPI: by pointer.)
        click(preferences, find(preferences, 'text', 'Password'))
        find(preferences, 'text', 'Password').set_text_contents('first-' + PASSWORD)
        click(preferences, find(preferences, 'text', 'User Name'))
        wait_for(lambda: 'A password is stored in the keyring' in texts(preferences), 10, 'the password saved')
        self.assertEqual(keyring(), 'first-' + PASSWORD)
        # … and so does Test Connection, before it connects.
        find(preferences, 'text', 'Password').set_text_contents(PASSWORD)

        do_action(find(preferences, 'push button', 'Test Connection'))
        # Without the certificate authority the server's certificate is not trusted …
        wait_for(lambda: any('is not trusted' in t for t in texts(preferences)), 30, 'the certificate refused')
        self.assertIn('A password is stored in the keyring', texts(preferences))
        wait_for(lambda: keyring() == PASSWORD, 5, 'the new password in the keyring')
        self.assertEqual(find(preferences, 'text', 'Password').get_text(0, -1), '')
        # … and with it, Test Connection logs in (the path goes in as the file chooser would put it).
        subprocess.run(['gsettings', 'set', 'io.github.rapport.Rapport', 'smtp-ca-file',
                        os.path.join(self.work, 'ca.pem')], check=False)
        do_action(find(preferences, 'push button', 'Test Connection'))
        wait_for(lambda: any(t.startswith('Connected and logged in to 127.0.0.1') for t in texts(preferences)),
                 30, 'the connection test to pass')
        if os.environ.get('RAPPORT_MAIL_SHOT'):   # a look at the page, for whoever changes it
            subprocess.run(['import', '-window', 'root', os.environ['RAPPORT_MAIL_SHOT']], check=False)

        do_action(find(preferences, 'push button', 'Forget Password'))
        wait_for(lambda: 'No password is stored yet' in texts(preferences), 10, 'the password forgotten')
        self.assertEqual(keyring(), '')
        do_action(find(preferences, 'push button', 'Test Connection'))
        wait_for(lambda: any(t.startswith('No password is stored for anna') for t in texts(preferences)), 10,
                 'Test Connection without a password')

        # Nowhere but in the keyring: not the database, the settings' keyfile or any log.
        database = os.path.join(self.work, 'data', 'rapport', 'rapport.db')
        wait_for(lambda: os.path.exists(database), 10, 'the database')
        self.app.close()
        leaks, scanned = [], 0
        for root, _, files in os.walk(os.environ['RAPPORT_SESSION_DIR']):
            for name in files:
                try:
                    with open(os.path.join(root, name), 'rb') as f:
                        scanned += 1
                        if PASSWORD.encode() in f.read():
                            leaks.append(os.path.join(root, name))
                except OSError:
                    pass
        self.assertGreater(scanned, 10)
        self.assertEqual(leaks, [])


if __name__ == '__main__':
    unittest.main(verbosity=2)
