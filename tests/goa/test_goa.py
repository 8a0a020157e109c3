#!/usr/bin/python3
# test_goa.py -- GNOME Online Accounts for the mailbox and for sending, inside tests/session/headless-session.
#
#   test_goa.py IMAP-TOOL MAIL-TOOL
#
# The real goa-daemon on the session's private bus (goa.py), with a scratch XDG_CONFIG_HOME whose
# goa-1.0/accounts.conf holds one "IMAP and SMTP" account (Provider=imap_smtp) pointing at a
# throwaway dovecot (tests/imap/dovecot.py) and aiosmtpd (tests/smtp/smtp-server.py) on 127.0.0.1,
# its passwords in the session's gnome-keyring as goa-daemon keeps them. Rapport's own keyring
# entries stay empty: the passwords can only come from GOA. Asserted: the account is listed with its servers; a mailbox check through it finds a
# contact's reply in dovecot; a message sent through it reaches the SMTP server, logged in with the
# GOA password; then the account is removed (accounts.conf rewritten, which goa-daemon watches) and
# both a check and a send give the clear "no longer in Online Accounts" message, while what the
# check found before stays in the database.
#
# OAuth2 accounts (Google, Microsoft) cannot be tested here: there is no provider to give a token
# on 127.0.0.1. Their path differs only in GOA's GetAccessToken call and in the SASL mechanism
# (XOAUTH2, built by libetpan's mailimap_oauth2_authenticate and by libcurl's
# CURLOPT_XOAUTH2_BEARER).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import email.message
import email.policy
import email.utils
import imaplib
import json
import os
import secrets
import shutil
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'imap'))
sys.path.insert(0, os.path.join(HERE, '..', 'session'))
from dovecot import Dovecot  # noqa: E402
from goa import GoaDaemon  # noqa: E402
import sanitizers  # noqa: E402

IMAP_TOOL, MAIL_TOOL = sys.argv[1], sys.argv[2]
SESSION = os.environ['RAPPORT_SESSION_DIR']
WORK = tempfile.mkdtemp(prefix='goa-', dir=SESSION)
DB = os.path.join(WORK, 'rapport.db')
USER = 'juergen@example.org'
IMAP_PASSWORD = 'Imap-Pässwort-' + secrets.token_hex(8)
SMTP_USER = 'juergen'
SMTP_PASSWORD = 'Smtp-' + secrets.token_hex(8)
ACCOUNT_ID = 'account_1765000000_0'
TOOL_ENV = sanitizers.allow_libsecret_lookup_leak(dict(os.environ, GSETTINGS_BACKEND='keyfile'), WORK)

failures = 0
count = 0


def check(condition, what):
    global failures, count
    count += 1
    print(f'{"ok" if condition else "not ok"} {count} {what}', flush=True)
    if not condition:
        failures += 1


def run(tool, *args, stdin='', **options):
    flags = [f'--{key.replace("_", "-")}={value}' for key, value in options.items()]
    result = subprocess.run([tool, *flags, *args], input=stdin.encode(), capture_output=True, env=TOOL_ENV,
                            timeout=90)
    out = result.stdout.decode()
    lines = out.splitlines()
    last = [line for line in lines if line.startswith('OK') or line.startswith('ERROR')]
    status = 'OK' if last and last[-1].split(' ')[0] == 'OK' else (last[-1].split(' ')[1] if last else '?')
    if status != 'OK':
        for line in (out + result.stderr.decode()).splitlines():
            print(f'# {line}', flush=True)
    return status, lines, out


def append(server, subject, sender, message_id):
    m = email.message.EmailMessage()
    m['From'], m['To'], m['Subject'] = sender, USER, subject
    m['Date'] = email.utils.formatdate(time.time() - 86400)
    m['Message-ID'] = message_id
    m.set_content('Gladly, Tuesday?\n')
    with imaplib.IMAP4_SSL('127.0.0.1', server.tls_port, ssl_context=ssl.create_default_context(cafile=server.ca)) as c:
        c.authenticate('PLAIN', lambda _: f'\0{USER}\0{IMAP_PASSWORD}'.encode())
        c.append('INBOX', '', imaplib.Time2Internaldate(time.time() - 86400), m.as_bytes())


def listed(wanted, deadline=30):
    end = time.monotonic() + deadline
    while True:
        status, lines, _ = run(IMAP_TOOL, 'goa-list')
        accounts = [line[8:].split('|') for line in lines if line.startswith('ACCOUNT ')]
        if (len(accounts) > 0) == wanted or time.monotonic() > end:
            return status, accounts
        time.sleep(0.3)


def start_smtp():
    log = open(os.path.join(WORK, 'smtp.log'), 'w')
    process = subprocess.Popen(['/usr/bin/python3', os.path.join(HERE, '..', 'smtp', 'smtp-server.py'), 'starttls',
                                WORK], env=dict(os.environ, SMTP_TEST_USER=SMTP_USER, SMTP_TEST_PASSWORD=SMTP_PASSWORD),
                               stdout=log, stderr=subprocess.STDOUT)
    portfile = os.path.join(WORK, 'starttls.port')
    deadline = time.monotonic() + 30
    while not os.path.exists(portfile):
        if process.poll() is not None or time.monotonic() > deadline:
            sys.exit('Bail out! the SMTP server did not start')
        time.sleep(0.05)
    with open(portfile) as f:
        return process, int(f.read())


def main():
    # smtp-server.py makes its CA in WORK/ca.pem; dovecot.py its own in a folder of its own.
    os.makedirs(os.path.join(WORK, 'imap'))
    server = Dovecot(os.path.join(WORK, 'imap'), USER, IMAP_PASSWORD)
    server.start()
    smtp, smtp_port = start_smtp()
    goa = GoaDaemon(WORK)
    account = dict(id=ACCOUNT_ID, address=USER, name='Jürgen Größ', imap_host=f'127.0.0.1:{server.tls_port}',
                   imap_user=USER, imap_password=IMAP_PASSWORD, imap_ssl=True, smtp_host=f'127.0.0.1:{smtp_port}',
                   smtp_user=SMTP_USER, smtp_password=SMTP_PASSWORD, smtp_ssl=False)
    try:
        status, _, _ = run(IMAP_TOOL, 'sync', DB)   # migrates the new database
        with sqlite3.connect(DB) as db:
            now = int(time.time())
            db.execute('INSERT INTO contact (id, display_name, sort_key, stage, created_at, updated_at) '
                       "VALUES (1, 'Ana Ruiz', 'ana ruiz', 1, ?, ?)", (now, now))
            db.execute("INSERT INTO contact_email (contact_id, position, address) VALUES (1, 0, 'ana@example.com')")
        append(server, 'Re: Twenty minutes', 'Ana Ruiz <ana@example.com>', '<reply-ana@goa.test>')

        goa.start([account])
        status, accounts = listed(True)
        check(status == 'OK' and len(accounts) == 1, f'the online account is listed: {accounts}')
        if not accounts:
            for line in goa.tail():
                print(f'# goa-daemon: {line}', flush=True)
        if accounts:
            check(accounts[0][:10] == [ACCOUNT_ID, 'IMAP and SMTP', USER, 'password', f'127.0.0.1:{server.tls_port}',
                                       USER, 'tls', f'127.0.0.1:{smtp_port}', SMTP_USER, 'starttls'],
                  f'with its servers, user names and kinds of TLS: {accounts[0]}')

        # Nothing in Rapport's own keyring entries: the passwords can only come from GOA.
        status, lines, out = run(IMAP_TOOL, 'sync', DB, goa_account=ACCOUNT_ID, ca_file=server.ca)
        check(status == 'OK' and 'REPLY Ana Ruiz' in lines, f'a mailbox check through the online account: {status}')
        with sqlite3.connect(DB) as db:
            rows = db.execute("SELECT kind, summary FROM interaction WHERE message_id = 'reply-ana@goa.test'").fetchall()
        check(len(rows) == 1, f'the reply is on the timeline: {rows}')
        status, _, _ = run(IMAP_TOOL, 'test', DB, goa_account=ACCOUNT_ID, ca_file=server.ca)
        check(status == 'OK', f'Test Connection through the online account: {status}')
        status, _, _ = run(IMAP_TOOL, 'sync', DB, goa_account=ACCOUNT_ID, ca_file='')
        check(status == 'CERTIFICATE', f'GOA accepting SSL errors does not make Rapport accept them: {status}')

        status, lines, _ = run(MAIL_TOOL, 'send', 'Ana Ruiz', 'ana@example.com', 'Thank you', stdin='Thanks!\n',
                               goa_account=ACCOUNT_ID, ca_file=os.path.join(WORK, 'ca.pem'))
        check(status == 'OK', f'a message sent through the online account: {status}')
        mails = sorted(os.listdir(os.path.join(WORK, 'starttls-mail'))) if os.path.isdir(
            os.path.join(WORK, 'starttls-mail')) else []
        check(mails == ['1.eml', '1.json'], f'the SMTP server received it: {mails}')
        if mails:
            with open(os.path.join(WORK, 'starttls-mail', '1.json')) as f:
                envelope = json.load(f)
            with open(os.path.join(WORK, 'starttls-mail', '1.eml'), 'rb') as f:
                raw = f.read()
            check(envelope['tls'] and envelope['login'] == SMTP_USER and envelope['mail_from'] == USER,
                  f'over STARTTLS, logged in with the GOA password, from the account\'s address: {envelope}')
            sent = email.message_from_bytes(raw, policy=email.policy.default)
            check(sent['From'].addresses[0].display_name == 'Jürgen Größ',
                  f'signed with the account\'s name: {sent["From"]}')

        # Removed from GOA (accounts.conf rewritten; goa-daemon watches it).
        goa.rewrite([])
        status, accounts = listed(False)
        check(status == 'OK' and accounts == [], f'the removed account is no longer listed: {accounts}')
        status, lines, out = run(IMAP_TOOL, 'sync', DB, goa_account=ACCOUNT_ID, ca_file=server.ca)
        state = next((line[7:] for line in lines if line.startswith('STATUS ')), '')
        check(status == 'ACCOUNT_GONE' and 'no longer in Settings' in state,
              f'a check says the account is gone, in the status row: {status} / {state}')
        with sqlite3.connect(DB) as db:
            rows = db.execute("SELECT count(*) FROM interaction WHERE message_id = 'reply-ana@goa.test'").fetchall()
        check(rows == [(1,)], 'nothing found before is lost')
        status, _, _ = run(MAIL_TOOL, 'send', 'Ana', 'ana@example.com', 'Again', stdin='x\n', goa_account=ACCOUNT_ID,
                           ca_file=os.path.join(WORK, 'ca.pem'))
        check(status == 'ACCOUNT_GONE', f'sending says the account is gone: {status}')

        # Neither password was written anywhere by Rapport.
        leaked = []
        for root, _, files in os.walk(os.environ['XDG_CONFIG_HOME']):
            for name in files:
                with open(os.path.join(root, name), 'rb') as f:
                    data = f.read()
                if IMAP_PASSWORD.encode() in data or SMTP_PASSWORD.encode() in data:
                    leaked.append(name)
        with open(DB, 'rb') as f:
            if IMAP_PASSWORD.encode() in f.read():
                leaked.append(DB)
        check(leaked == [], f'no password in Rapport\'s settings or database: {leaked}')
    finally:
        goa.stop()
        smtp.terminate()
        smtp.wait()
        server.stop()
    print(f'1..{count}')
    shutil.rmtree(WORK, ignore_errors=True)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
