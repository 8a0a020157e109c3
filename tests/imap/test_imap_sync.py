#!/usr/bin/python3
# test_imap_sync.py -- Rapport reads the user's mailbox for real, inside tests/session/headless-session.
#
#   test_imap_sync.py IMAP-TOOL
#
# Starts dovecot (dovecot.py) with a test CA and user, appends mail with Python's imaplib and email
# packages (a reply from a contact, mail the user sent from another client into Sent, unrelated
# mail, a duplicate in INBOX and Sent, a reply to a message Rapport sent from an address Rapport
# does not know, old mail), and syncs through rapport-imap.so into a real database file (imap-tool),
# the password in the session's keyring. Asserts the timeline entries, that unrelated mail left no
# trace in the database, that the reply ended the follow-up series, and that syncing again adds
# nothing. Then the faults: wrong password, untrusted certificate, no TLS offered (and no login
# sent), a closed port, a server that never answers (and quitting stops it at once), a folder
# renumbered (UIDVALIDITY).
#
# SPDX-License-Identifier: GPL-3.0-or-later
import email.message
import email.utils
import imaplib
import os
import secrets
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'session'))
from dovecot import Dovecot, free_port  # noqa: E402
import sanitizers  # noqa: E402

TOOL = sys.argv[1]
SESSION = os.environ['RAPPORT_SESSION_DIR']
WORK = tempfile.mkdtemp(prefix='imap-', dir=SESSION)
DB = os.path.join(WORK, 'rapport.db')
USER = 'juergen@example.org'
PASSWORD = 'Pässwort-' + secrets.token_hex(8)
SECRET_WORD = 'UNRELATED' + secrets.token_hex(6)
TOOL_ENV = sanitizers.allow_libsecret_lookup_leak(dict(os.environ, GSETTINGS_BACKEND='keyfile'), WORK)
DAY = 86400
SLOW = 3 if 'ASAN_OPTIONS' in os.environ else 1   # the sanitizers make every step slower

failures = 0
count = 0


def check(condition, what):
    global failures, count
    count += 1
    print(f'{"ok" if condition else "not ok"} {count} {what}', flush=True)
    if not condition:
        failures += 1


def tool(*args, stdin='', **account):
    options = [f'--{key.replace("_", "-")}={value}' for key, value in account.items()]
    result = subprocess.run([TOOL, *options, *args], input=stdin.encode(), capture_output=True,
                            env=TOOL_ENV, timeout=60)
    out = result.stdout.decode()
    lines = out.splitlines()
    replies = [line[6:] for line in lines if line.startswith('REPLY ')]
    last = [line for line in lines if line.startswith('OK') or line.startswith('ERROR')]
    status = 'OK' if last and last[-1] == 'OK' else (last[-1].split(' ')[1] if last else '?')
    elapsed = next((int(line.split(' ')[1]) for line in lines if line.startswith('ELAPSED ')), -1)
    if status != 'OK':
        for line in (out + result.stderr.decode()).splitlines():
            print(f'# {line}', flush=True)
    return status, replies, elapsed, out


def message(sender, to, subject, body, days_ago=2, message_id=None, in_reply_to=None, cc=None):
    m = email.message.EmailMessage()
    m['From'] = sender
    m['To'] = to
    if cc:
        m['Cc'] = cc
    m['Subject'] = subject
    m['Date'] = email.utils.formatdate(time.time() - days_ago * DAY, localtime=False)
    m['Message-ID'] = message_id or email.utils.make_msgid(domain='mail.test')
    if in_reply_to:
        m['In-Reply-To'] = in_reply_to
        m['References'] = in_reply_to
    m.set_content(body)
    return m


# SASL PLAIN is UTF-8; imaplib's LOGIN only takes ASCII.
def login(imap):
    imap.authenticate('PLAIN', lambda _: f'\0{USER}\0{PASSWORD}'.encode())


def append(server, folder, m, days_ago=2):
    ctx = ssl.create_default_context(cafile=server.ca)
    with imaplib.IMAP4_SSL('127.0.0.1', server.tls_port, ssl_context=ctx) as imap:
        login(imap)
        imap.append(f'"{folder}"', '', imaplib.Time2Internaldate(time.time() - days_ago * DAY), m.as_bytes())


def query(sql, *args):
    with sqlite3.connect(DB) as db:
        return db.execute(sql, args).fetchall()


def seed():
    now = int(time.time())
    with sqlite3.connect(DB) as db:
        for cid, name, address in ((1, 'Ana Ruiz', 'ana.ruiz@example.com'), (2, 'Bob Stein', 'Bob@Example.net'),
                                   (3, 'Carla Díaz', 'carla@example.org')):
            db.execute('INSERT INTO contact (id, display_name, sort_key, stage, created_at, updated_at) '
                       'VALUES (?, ?, ?, 1, ?, ?)', (cid, name, name.lower(), now, now))
            db.execute('INSERT INTO contact_email (contact_id, position, address) VALUES (?, 0, ?)', (cid, address))
        # The requests Rapport sent three weeks ago, with their Message-IDs: follow-ups are due.
        for cid, mid in ((1, 'req-ana@example.org'), (2, 'req-bob@example.org'), (3, 'req-carla@example.org')):
            db.execute('INSERT INTO interaction (contact_id, kind, happened_at, summary, message_id, created_at, '
                       'updated_at) VALUES (?, 0, ?, ?, ?, ?, ?)', (cid, now - 21 * DAY, 'Request', mid, now, now))


def pending_follow_ups(cid):
    return query('SELECT count(*) FROM reminder WHERE contact_id = ? AND kind IN (0, 1) AND state = 0', cid)[0][0]


def timeline(cid):
    return query('SELECT kind, summary, body, message_id FROM interaction WHERE contact_id = ? AND kind IN (0, 1) '
                 'ORDER BY happened_at, id', cid)


class NoTlsServer(threading.Thread):
    """Speaks just enough IMAP to offer no STARTTLS, and keeps every line it is sent."""

    def __init__(self, silent=False):
        super().__init__(daemon=True)
        self.sock = socket.socket()
        self.sock.bind(('127.0.0.1', 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        self.silent = silent
        self.received = []

    def run(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            if self.silent:
                time.sleep(30)
                continue
            conn.sendall(b'* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] no TLS here\r\n')
            f = conn.makefile('rb')
            for line in f:
                self.received.append(line)
                tag = line.split(b' ')[0]
                if b'CAPABILITY' in line.upper():
                    conn.sendall(b'* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n' + tag + b' OK done\r\n')
                else:
                    conn.sendall(tag + b' OK fine\r\n')


def main():
    server = Dovecot(WORK, USER, PASSWORD)
    server.start()
    tls = dict(server='127.0.0.1', port=server.tls_port, security='tls', user=USER, ca_file=server.ca,
               address=USER)
    starttls = dict(tls, port=server.starttls_port, security='starttls')
    try:
        status, _, _, _ = tool('sync', DB)
        check(status == 'NOT_CONFIGURED', f'nothing to read before an account is set up: {status}')
        seed()

        # The mailbox.
        append(server, 'INBOX', message('Ana Ruiz <Ana.Ruiz@example.com>', USER, 'Re: Twenty minutes about UX',
                                        'Hello Jürgen,\n\nhappy to talk, how about Tuesday at 10?\n\nAna\n\n'
                                        '-- \nAna Ruiz, Lead Designer\n\nOn Mon, Jürgen wrote:\n> Would you have '
                                        'twenty minutes?\n', in_reply_to='<req-ana@example.org>',
                                        message_id='<reply-ana@mail.test>'))
        append(server, 'INBOX', message('Shop <news@shop.test>', USER, SECRET_WORD + ' deals', SECRET_WORD + ' body'))
        append(server, 'INBOX', message('Ana Ruiz <ana.ruiz@example.com>', USER, 'Old thread from spring',
                                        'long ago', days_ago=120, message_id='<old-ana@mail.test>'), days_ago=120)
        # Carla answers from her private address, which Rapport does not know.
        append(server, 'INBOX', message('Carla <carla.private@gmail.test>', USER, 'Re: A question',
                                        'Yes, gladly.', in_reply_to='<req-carla@example.org>',
                                        message_id='<reply-carla@mail.test>'))
        # The user wrote to Bob from another mail app, with a copy to themselves: in Sent and in INBOX.
        to_bob = message(USER, 'Bob Stein <bob@example.net>', 'Following up', 'Hi Bob, any news?\n', cc=USER,
                         message_id='<followup-bob@mail.test>')
        append(server, 'Sent Messages', to_bob)
        append(server, 'INBOX', to_bob)
        # What Rapport itself sent, found again in Sent.
        append(server, 'Sent Messages', message(USER, 'ana.ruiz@example.com', 'Twenty minutes about UX', 'Request',
                                                days_ago=21, message_id='<req-ana@example.org>'))

        status, _, _, _ = tool('store', stdin='wrong-' + PASSWORD, **tls)
        check(status == 'OK', 'a (wrong) password is stored in the keyring')
        status, _, _, out = tool('sync', DB, **tls)
        check(status == 'LOGIN' and 'user name or password' in out, f'a wrong password: {status}')
        check(pending_follow_ups(1) == 1 and pending_follow_ups(2) == 1,
              'the follow-ups are due before the mailbox is read')
        status, _, _, _ = tool('store', stdin=PASSWORD, **tls)

        status, _, _, _ = tool('test', DB, **tls)
        check(status == 'OK', 'Test Connection by implicit TLS')
        status, _, _, _ = tool('test', DB, **starttls)
        check(status == 'OK', 'Test Connection by STARTTLS')
        status, _, _, out = tool('test', DB, **dict(tls, ca_file=''))
        check(status == 'CERTIFICATE' and 'not trusted' in out, f'implicit TLS, the test CA not given: {status}')
        status, _, _, _ = tool('sync', DB, **dict(starttls, ca_file=''))
        check(status == 'CERTIFICATE', f'STARTTLS, the test CA not given: {status}')
        status, _, _, _ = tool('test', DB, **dict(tls, security='tls', port=server.starttls_port))
        check(status == 'TLS', f'implicit TLS to a plain port: {status}')
        plain = NoTlsServer()
        plain.start()
        status, _, _, out = tool('sync', DB, **dict(starttls, port=plain.port))
        check(status == 'TLS' and 'STARTTLS' in out, f'a server that offers no TLS: {status}')
        check(not any(b'LOGIN' in line.upper() or b'AUTHENTICATE' in line.upper() for line in plain.received)
              and not any(PASSWORD.encode() in line for line in plain.received),
              f'and it was never sent a login: {plain.received}')
        status, _, _, _ = tool('sync', DB, **dict(tls, port=free_port()))
        check(status == 'CONNECT', f'a closed port: {status}')
        silent = NoTlsServer(silent=True)
        silent.start()
        status, _, _, out = tool('--cancel-after=300', 'sync', DB, **dict(tls, port=silent.port))
        stopped = next((int(line.split(' ')[1]) for line in out.splitlines() if line.startswith('STOPPED ')), -1)
        check(status == 'g-io-error-quark:19' and (SLOW > 1 or 0 <= stopped < 1000),   # timed in the plain build only
              f'quitting stops a sync waiting on the server within a second: {status} after {stopped} ms')

        status, replies, elapsed, out = tool('sync', DB, **tls)
        check(status == 'OK', f'the first sync ({elapsed} ms)')
        check(sorted(replies) == ['Ana Ruiz', 'Carla Díaz'], f'the replies it announces: {replies}')
        check('Last checked at' in out, 'the status says when')
        ana = timeline(1)
        check([(k, s, m) for k, s, _, m in ana] == [(0, 'Request', 'req-ana@example.org'),
                                                    (1, 'Re: Twenty minutes about UX', 'reply-ana@mail.test')],
              f"Ana's timeline: her reply once, Rapport's request not again: {ana}")
        check(ana[-1][2] == 'Hello Jürgen, happy to talk, how about Tuesday at 10? Ana',
              f'the snippet, without signature and quote: {ana[-1][2]!r}')
        bob = timeline(2)
        check([(k, s, m) for k, s, _, m in bob] == [(0, 'Request', 'req-bob@example.org'),
                                                    (0, 'Following up', 'followup-bob@mail.test')],
              f"Bob's timeline: the mail sent from another app, once though in two folders: {bob}")
        carla = timeline(3)
        check([(k, m) for k, _, _, m in carla] == [(0, 'req-carla@example.org'), (1, 'reply-carla@mail.test')],
              f"Carla's reply from a new address, by its In-Reply-To: {carla}")
        check(query("SELECT count(*) FROM interaction WHERE message_id = 'old-ana@mail.test'")[0][0] == 0,
              'mail older than 90 days is not read')
        check(pending_follow_ups(1) == 0 and pending_follow_ups(3) == 0, 'the replies ended their follow-up series')
        check(pending_follow_ups(2) == 1, "Bob, who did not answer, still has his follow-up")
        folders = query('SELECT folder, uidvalidity > 0, last_uid FROM mailbox_folder ORDER BY folder')
        check([f for f, _, _ in folders] == ['INBOX', 'Sent Messages'] and all(v for _, v, _ in folders),
              f'where each folder stopped, found by SPECIAL-USE: {folders}')

        raw = b''
        for suffix in ('', '-wal', '-journal'):
            if os.path.exists(DB + suffix):
                with open(DB + suffix, 'rb') as f:
                    raw += f.read()
        check(SECRET_WORD.encode() not in raw and b'news@shop.test' not in raw,
              'unrelated mail left no trace in the database files')

        before = query('SELECT count(*) FROM interaction')[0][0]
        status, replies, elapsed, _ = tool('sync', DB, **tls)
        check(status == 'OK' and replies == [] and query('SELECT count(*) FROM interaction')[0][0] == before,
              f'a second sync adds nothing ({elapsed} ms)')

        append(server, 'INBOX', message('Bob Stein <bob@example.net>', USER, 'Re: Following up', 'Sorry, yes!',
                                        in_reply_to='<followup-bob@mail.test>', message_id='<reply-bob@mail.test>'))
        status, replies, _, _ = tool('sync', DB, **tls)
        check(status == 'OK' and replies == ['Bob Stein'] and pending_follow_ups(2) == 0,
              f'new mail is read incrementally: {replies}')

        # A folder renumbered (deleted and made again): read again from the start, nothing doubled.
        ctx = ssl.create_default_context(cafile=server.ca)
        with imaplib.IMAP4_SSL('127.0.0.1', server.tls_port, ssl_context=ctx) as imap:
            login(imap)
            imap.delete('"Sent Messages"')
            imap.create('"Sent Messages"')
        append(server, 'Sent Messages', to_bob)
        old_validity = dict((f, v) for f, v, _ in query('SELECT folder, uidvalidity, 0 FROM mailbox_folder'))
        before = query('SELECT count(*) FROM interaction')[0][0]
        status, replies, _, _ = tool('sync', DB, **tls)
        new_validity = dict((f, v) for f, v, _ in query('SELECT folder, uidvalidity, 0 FROM mailbox_folder'))
        check(status == 'OK' and new_validity['Sent Messages'] != old_validity['Sent Messages']
              and query('SELECT count(*) FROM interaction')[0][0] == before,
              f'a UIDVALIDITY change resyncs the folder and doubles nothing: {old_validity} -> {new_validity}')

        # Hostile mail from a contact: a 50 MB message (headers and the start of the text only are
        # read), and broken MIME (a bad charset, a boundary that never comes, raw 8-bit headers).
        huge = message('Ana Ruiz <ana.ruiz@example.com>', USER, 'The big file', 'See attached.\n' + 'x' * 100,
                       message_id='<huge-ana@mail.test>')
        huge.add_attachment(os.urandom(50 * 1024 * 1024), maintype='application', subtype='octet-stream',
                            filename='big.bin')
        append(server, 'INBOX', huge)
        broken = (b'From: =?x-unknown?Q?Carla?= <carla@example.org>\r\nTo: ' + USER.encode() +
                  b'\r\nSubject: Caf\xe9 \xff\xfe\r\nMessage-ID: <broken-carla@mail.test>\r\n'
                  b'Date: ' + email.utils.formatdate(time.time() - DAY).encode() +
                  b'\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="never"\r\n'
                  b'Content-Transfer-Encoding: base64\r\n\r\n%%%not base64%%%\r\n')
        ctx = ssl.create_default_context(cafile=server.ca)
        with imaplib.IMAP4_SSL('127.0.0.1', server.tls_port, ssl_context=ctx) as imap:
            login(imap)
            imap.append('INBOX', '', imaplib.Time2Internaldate(time.time() - DAY), broken)
        status, replies, elapsed, out = tool('sync', DB, **tls)
        check(status == 'OK', f'a 50 MB message and broken MIME are read without trouble ({elapsed} ms): {status}')
        kept = query("SELECT message_id, length(body) FROM interaction WHERE message_id IN "
                     "('huge-ana@mail.test', 'broken-carla@mail.test') ORDER BY message_id")
        check([m for m, _ in kept] == ['broken-carla@mail.test', 'huge-ana@mail.test']
              and all(n is not None and n <= 400 for _, n in kept),
              f'both on the timeline, each with a short snippet only: {kept}')

        # No keyring at all (no Secret Service on the bus): a clear message, nothing lost.
        before = query('SELECT count(*) FROM interaction')[0][0]
        no_bus = dict(TOOL_ENV, DBUS_SESSION_BUS_ADDRESS='unix:path=' + os.path.join(WORK, 'no-bus'))
        result = subprocess.run([TOOL, *[f'--{k.replace("_", "-")}={v}' for k, v in tls.items()], 'sync', DB],
                                capture_output=True, env=no_bus, timeout=60)
        out = result.stdout.decode()
        check('ERROR NO_SECRET_SERVICE Reading your mailbox needs a keyring (Secret Service) to keep its password'
              in out and query('SELECT count(*) FROM interaction')[0][0] == before,
              f'without a keyring, a clear message and nothing lost: {out.splitlines()[-2:]}')

        # The Sent folder deleted on the server: INBOX is still read.
        with imaplib.IMAP4_SSL('127.0.0.1', server.tls_port, ssl_context=ctx) as imap:
            login(imap)
            imap.delete('"Sent Messages"')
        append(server, 'INBOX', message('Bob Stein <bob@example.net>', USER, 'Still there?', 'Yes.',
                                        message_id='<after-delete-bob@mail.test>'))
        status, _, _, out = tool('sync', DB, **tls)
        check(status == 'OK' and query("SELECT count(*) FROM interaction WHERE message_id = "
                                       "'after-delete-bob@mail.test'")[0][0] == 1,
              f'a deleted folder does not stop the sync: {status}')

        # IDLE: new mail in INBOX ends the wait at once; a flag set elsewhere does not count.
        status, _, elapsed, out = tool('wait', '2', **tls)
        check(status == 'OK' and 'TIMEOUT' in out.splitlines() and elapsed >= 2000,
              f'with nothing new, the wait ends when its time is up ({elapsed} ms)')
        with imaplib.IMAP4_SSL('127.0.0.1', server.tls_port, ssl_context=ssl.create_default_context(
                cafile=server.ca)) as imap:
            login(imap)
            waiter = subprocess.Popen([TOOL, *[f'--{k.replace("_", "-")}={v}' for k, v in tls.items()], 'wait', '3'],
                                      stdout=subprocess.PIPE, env=TOOL_ENV)
            time.sleep(1)
            imap.select('INBOX')
            imap.store('1', '+FLAGS', '\\Seen')
            out = waiter.communicate(timeout=30)[0].decode()
        check('TIMEOUT' in out.splitlines(), f'a flag changed elsewhere does not count as new mail: {out!r}')
        waiter = subprocess.Popen([TOOL, *[f'--{k.replace("_", "-")}={v}' for k, v in tls.items()], 'wait', '60'],
                                  stdout=subprocess.PIPE, env=TOOL_ENV)
        time.sleep(1.5 * SLOW)   # logged in and waiting
        appended = time.monotonic()
        append(server, 'INBOX', message('Ana Ruiz <ana.ruiz@example.com>', USER, 'One more thing', 'Also…'))
        out = waiter.communicate(timeout=60)[0].decode()
        woke = (time.monotonic() - appended) * 1000
        check('NEW' in out.splitlines() and woke < 3000 * SLOW,
              f'new mail in INBOX ends the wait at once ({woke:.0f} ms after it came): {out!r}')
    finally:
        server.stop()

    print(f'1..{count}')
    sys.exit(1 if failures else 0)


main()
