#!/usr/bin/python3
# imap-sync-10k.py -- how long the first look at a mailbox takes, and a look that finds nothing new,
# inside tests/session/headless-session (its keyring holds the password).
#
#   imap-sync-10k.py IMAP-TOOL
#
# A dovecot on 127.0.0.1 (tests/imap/dovecot.py) with 10,000 messages over the last 90 days, in INBOX
# and Sent, written straight into its Maildir and indexed by dovecot before the clock starts (a real
# server has its indexes already); a database with 1,000 contacts, 3,000 of the messages from or to
# one of them, the rest from strangers. Prints
#   BENCH imap_first_sync_ms_10k       the first sync (target 5,000 ms)
#   BENCH imap_resync_ms_10k           the next one, with nothing new (target 200 ms)
#   BENCH main_thread_stalls_imap_sync main-loop stalls over 16 ms during the first sync (target 0)
# and checks that what was kept is what matched, so that a fast wrong sync cannot pass.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import email.message
import email.utils
import imaplib
import os
import pwd
import secrets
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'imap'))
from dovecot import Dovecot  # noqa: E402

TOOL = sys.argv[1]
WORK = tempfile.mkdtemp(prefix='imap-bench-', dir=os.environ['RAPPORT_SESSION_DIR'])
DB = os.path.join(WORK, 'rapport.db')
USER = 'juergen@example.org'
PASSWORD = 'bench-' + secrets.token_hex(8)
ENV = dict(os.environ, GSETTINGS_BACKEND='keyfile')
DAY = 86400
CONTACTS = 1000
MESSAGES = 10000
MATCHING = 3000   # every third or so of the mail concerns a contact


def tool(*args, stdin='', **account):
    options = [f'--{key.replace("_", "-")}={value}' for key, value in account.items()]
    result = subprocess.run([TOOL, *options, *args], input=stdin.encode(), capture_output=True, env=ENV,
                            timeout=300)
    out = result.stdout.decode()
    if 'OK' not in out.splitlines():
        sys.exit(f'imap-tool {" ".join(args)} failed:\n{out}{result.stderr.decode()}')
    return {line.split(' ', 1)[0]: line.split(' ', 1)[1] for line in out.splitlines() if ' ' in line}


def write_maildir(server):
    """The messages as Maildir files in INBOX and Sent, each dated by its mtime, as dovecot reads it."""
    now = time.time()
    maildir = os.path.join(server.home, USER, 'Maildir')
    owner = os.stat(server.home)
    folders = {'INBOX': maildir, 'Sent': os.path.join(maildir, '.Sent Messages')}
    for path in folders.values():
        for sub in ('cur', 'new', 'tmp'):
            os.makedirs(os.path.join(path, sub), exist_ok=True)
    for i in range(MESSAGES):
        sent = i % 4 == 0
        when = now - (i * 89.0 / MESSAGES) * DAY - 60
        contact = f'person{i % CONTACTS}@example.com' if i % (MESSAGES // MATCHING) == 0 and i < MATCHING * (
            MESSAGES // MATCHING) else f'stranger{i}@elsewhere.test'
        m = email.message.EmailMessage()
        m['From'], m['To'] = (USER, contact) if sent else (contact, USER)
        m['Subject'] = f'Message {i}'
        m['Date'] = email.utils.formatdate(when)
        m['Message-ID'] = f'<bench-{i}@mail.test>'
        m.set_content(f'Hello,\n\nthis is message {i}.\n\n-- \nA signature\n')
        data = m.as_bytes()
        path = os.path.join(folders['Sent' if sent else 'INBOX'], 'cur',
                            f'{int(when)}.M{i}P1.bench,S={len(data)}:2,S')
        with open(path, 'wb') as f:
            f.write(data)
        os.utime(path, (when, when))
    for root, dirs, files in os.walk(os.path.join(server.home, USER)):
        for name in dirs + files:
            os.chown(os.path.join(root, name), owner.st_uid, owner.st_gid)
    os.chown(os.path.join(server.home, USER), owner.st_uid, owner.st_gid)
    # Dovecot builds its index of each folder on the first look: done here, off the clock.
    ctx = ssl.create_default_context(cafile=server.ca)
    with imaplib.IMAP4_SSL('127.0.0.1', server.tls_port, ssl_context=ctx) as imap:
        imap.authenticate('PLAIN', lambda _: f'\0{USER}\0{PASSWORD}'.encode())
        for folder in ('INBOX', '"Sent Messages"'):
            status, data = imap.select(folder, readonly=True)
            assert status == 'OK', (folder, data)
            imap.fetch('1:*', '(UID FLAGS INTERNALDATE)')


def seed():
    now = int(time.time())
    with sqlite3.connect(DB) as db:
        for cid in range(1, CONTACTS + 1):
            name = f'Person {cid - 1}'
            db.execute('INSERT INTO contact (id, display_name, sort_key, stage, created_at, updated_at) '
                       'VALUES (?, ?, ?, 1, ?, ?)', (cid, name, name.lower(), now, now))
            db.execute('INSERT INTO contact_email (contact_id, position, address) VALUES (?, 0, ?)',
                       (cid, f'person{cid - 1}@example.com'))


def kept():
    with sqlite3.connect(DB) as db:
        return db.execute('SELECT count(*) FROM interaction WHERE kind IN (0, 1)').fetchone()[0]


def main():
    server = Dovecot(WORK, USER, PASSWORD)
    server.start()
    try:
        account = dict(server='127.0.0.1', port=server.tls_port, security='tls', user=USER, ca_file=server.ca,
                       address=USER, days=90)
        if pwd.getpwuid(os.getuid()).pw_name != 'root' and not os.access(server.home, os.W_OK):
            sys.exit('cannot write the Maildir')
        write_maildir(server)
        subprocess.run([TOOL, 'sync', DB], capture_output=True, env=ENV, timeout=60)   # migrates the file
        seed()
        tool('store', stdin=PASSWORD, **account)

        first = tool('--count-stalls', 'sync', DB, **account)
        matched = kept()
        if matched != MATCHING:
            sys.exit(f'the first sync kept {matched} messages, not the {MATCHING} that concern a contact')
        again = tool('sync', DB, **account)
        if kept() != matched:
            sys.exit(f'the second sync changed what was kept: {kept()} instead of {matched}')

        stalls, longest = first['STALLS'].split(' ')
        print(f'# first sync: {matched} of {MESSAGES} messages kept; longest main-loop gap {longest} ms')
        print(f'BENCH imap_first_sync_ms_10k {first["ELAPSED"]} ms')
        print(f'BENCH imap_resync_ms_10k {again["ELAPSED"]} ms')
        print(f'BENCH main_thread_stalls_imap_sync {stalls} frames')
    finally:
        server.stop()


if __name__ == '__main__':
    main()
