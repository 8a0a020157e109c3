#!/usr/bin/python3
# test_mail_send.py -- sending mail for real, inside tests/session/headless-session.
#
#   test_mail_send.py MAIL-TOOL
#
# Stores the SMTP password in the session's gnome-keyring through Rapport's API (mail-tool), sends
# to aiosmtpd (smtp-server.py) by STARTTLS and by implicit TLS with a self-signed CA, and reads
# what arrived with Python's email package. Then each failure the user can meet: wrong password,
# untrusted certificate, closed port, TLS on a plain port, refused recipient, no password, no
# Secret Service on the bus, a header with a line break, a server that never answers, and a
# cancel. Last, the password must appear in no file of the session, no setting and no log.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import base64
import email
import email.policy
import email.utils
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'session'))
import sanitizers  # noqa: E402

TOOL = sys.argv[1]
SESSION = os.environ['RAPPORT_SESSION_DIR']
WORK = tempfile.mkdtemp(prefix='smtp-', dir=SESSION)
USER = 'anna'
PASSWORD = 'Pässwort-' + secrets.token_hex(8)
SENDER = ('Jürgen Größ', 'juergen@example.org')
CA = os.path.join(WORK, 'ca.pem')

# Every run writes settings to the keyfile backend and logs everything it would ever log.
TOOL_ENV = dict(os.environ, GSETTINGS_BACKEND='keyfile', G_MESSAGES_DEBUG='all')

TOOL_ENV = sanitizers.allow_libsecret_lookup_leak(TOOL_ENV, WORK)
SLOW = 3 if 'ASAN_OPTIONS' in os.environ else 1   # the sanitizers make every step slower

outputs = []
failures = 0
count = 0


def check(condition, what):
    global failures, count
    count += 1
    print(f'{"ok" if condition else "not ok"} {count} {what}', flush=True)
    if not condition:
        failures += 1


def start_server(mode):
    log = open(os.path.join(WORK, mode + '.log'), 'w')
    process = subprocess.Popen(['/usr/bin/python3', os.path.join(HERE, 'smtp-server.py'), mode, WORK],
                               env=dict(os.environ, SMTP_TEST_USER=USER, SMTP_TEST_PASSWORD=PASSWORD),
                               stdout=log, stderr=subprocess.STDOUT)
    portfile = os.path.join(WORK, mode + '.port')
    deadline = time.monotonic() + 30
    while not os.path.exists(portfile):
        if process.poll() is not None or time.monotonic() > deadline:
            sys.exit(f'Bail out! the {mode} server did not start')
        time.sleep(0.05)
    with open(portfile) as f:
        return process, int(f.read())


def tool(*args, stdin='', env=None, **account):
    options = []
    for key, value in account.items():
        options += [f'--{key.replace("_", "-")}={value}']
    result = subprocess.run([TOOL, *options, *args], input=stdin.encode(), capture_output=True,
                            env=env or TOOL_ENV, timeout=60)
    out = result.stdout.decode()
    outputs.append(result.stdout + result.stderr)
    lines = dict(line.split(' ', 1) if ' ' in line else (line, '') for line in out.splitlines())
    status = 'OK' if 'OK' in lines else lines.get('ERROR', '?').split(' ', 1)[0]
    if status != 'OK':
        print(f'# {out.strip()} {result.stderr.decode().strip()}', flush=True)
    return status, lines.get('OK', lines.get('ERROR', '')), int(lines.get('ELAPSED', '-1'))


def mails(mode):
    folder = os.path.join(WORK, mode + '-mail')
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def read_mail(mode, number):
    with open(os.path.join(WORK, mode + '-mail', f'{number}.eml'), 'rb') as f:
        raw = f.read()
    with open(os.path.join(WORK, mode + '-mail', f'{number}.json')) as f:
        import json
        envelope = json.load(f)
    return raw, email.message_from_bytes(raw, policy=email.policy.default), envelope


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


# Like the session's bus, with no service files: nobody can own org.freedesktop.secrets. (Without
# the eavesdrop rules of the standard session.conf, the bus never answers libsecret at all.)
def private_bus_without_services():
    config = os.path.join(WORK, 'bus.conf')
    with open(config, 'w') as f:
        f.write('''<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=%s</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
''' % WORK)
    bus = subprocess.Popen(['dbus-daemon', '--config-file', config, '--nofork', '--print-address=1'],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    address = bus.stdout.readline().decode().strip()
    return bus, address


def main():
    starttls, starttls_port = start_server('starttls')
    tls, tls_port = start_server('tls')
    silent, silent_port = start_server('silent')
    plain, plain_port = start_server('plain')
    account = dict(name=SENDER[0], address=SENDER[1], server='127.0.0.1', user=USER, ca_file=CA)
    over_starttls = dict(account, security='starttls', port=starttls_port)
    over_tls = dict(account, security='tls', port=tls_port)
    subject = 'Danke für das Gespräch, Frau Łukasiewicz ☺'
    body = 'Guten Tag Frau Łukasiewicz,\n\nvielen Dank für Ihre Zeit.\n.\nMit freundlichen Grüßen\nJürgen Größ\n'

    try:
        status, _, _ = tool('store', stdin=PASSWORD, **over_starttls)
        check(status == 'OK', 'the password is stored in the keyring')
        found = subprocess.run(['secret-tool', 'lookup', 'server', '127.0.0.1', 'user', USER],
                               capture_output=True).stdout.decode()
        check(found == PASSWORD, 'secret-tool finds it under server and user')
        status, detail, _ = tool('has', **over_starttls)
        check((status, detail) == ('OK', 'stored'), f'has_password sees it: {status} {detail}')
        status, detail, _ = tool('has', **dict(over_starttls, user='someone-else'))
        check((status, detail) == ('OK', 'none'), f'not for another user: {status} {detail}')

        status, message_id, _ = tool('send', 'Anna Łukasiewicz', 'anna@example.com', subject, stdin=body,
                                     **over_starttls)
        check(status == 'OK', 'sent by STARTTLS')
        check(mails('starttls') == ['1.eml', '1.json'], 'the STARTTLS server received one message')
        raw, message, envelope = read_mail('starttls', 1)
        check(envelope == {'mail_from': SENDER[1], 'rcpt_tos': ['anna@example.com'], 'login': USER,
                           'tls': True}, f'envelope over TLS, logged in: {envelope}')
        check(b'\n' not in raw.replace(b'\r\n', b''), 'every line ends with CRLF')
        check(all(byte < 0x80 for byte in raw), 'nothing but ASCII on the wire (RFC 2047, QP or base64)')
        check(str(message['Subject']) == subject, f'UTF-8 subject: {message["Subject"]}')
        check(message['From'].addresses[0].display_name == SENDER[0]
              and message['From'].addresses[0].addr_spec == SENDER[1], f'From: {message["From"]}')
        check(message['To'].addresses[0].display_name == 'Anna Łukasiewicz', f'To: {message["To"]}')
        check(message.get_content_type() == 'text/plain' and message.get_content_charset() == 'utf-8',
              'text/plain in UTF-8')
        check(message.get_content().replace('\r\n', '\n') == body, 'the body arrives as written')
        check(message['Date'] is not None and message['Date'].datetime is not None, 'a Date header')
        check(message['Message-ID'] == f'<{message_id}>' and message_id.endswith('@example.org'),
              f'the Message-ID returned, in the sender\'s domain: {message["Message-ID"]}')

        status, message_id, _ = tool('send', '', 'bob@example.net', 'Implicit TLS', stdin='Hallo\n', **over_tls)
        check(status == 'OK', 'sent by implicit TLS')
        raw, message, envelope = read_mail('tls', 1)
        check(envelope['tls'] and envelope['login'] == USER and envelope['rcpt_tos'] == ['bob@example.net'],
              f'implicit TLS envelope: {envelope}')
        check(message['Message-ID'] == f'<{message_id}>' and message.get_content().strip() == 'Hallo',
              'implicit TLS message')

        status, _, _ = tool('test', **over_starttls)
        check(status == 'OK', 'Test Connection logs in by STARTTLS')
        status, _, _ = tool('test', **over_tls)
        check(status == 'OK', 'Test Connection logs in by implicit TLS')
        check(len(mails('starttls')) == 2 and len(mails('tls')) == 2, 'a connection test sends nothing')

        status, _, _ = tool('send', '', 'refused@example.com', 'Hi', stdin='x\n', **over_starttls)
        check(status == 'RECIPIENT', f'a refused recipient: {status}')

        no_ca = dict(over_tls, ca_file='')
        status, _, _ = tool('send', '', 'bob@example.net', 'Hi', stdin='x\n', **no_ca)
        check(status == 'CERTIFICATE', f'implicit TLS with an unknown CA: {status}')
        status, _, _ = tool('test', **dict(over_starttls, ca_file=''))
        check(status == 'CERTIFICATE', f'STARTTLS with an unknown CA: {status}')
        status, _, _ = tool('test', **dict(over_tls, ca_file=os.path.join(WORK, 'missing.pem')))
        check(status == 'CERTIFICATE', f'a CA file that does not exist: {status}')

        status, _, _ = tool('test', **dict(account, security='tls', port=starttls_port))
        check(status == 'TLS', f'implicit TLS to a STARTTLS port: {status}')

        # A server that offers no STARTTLS: never a fallback to plain text, so the password stays home.
        status, _, _ = tool('send', '', 'bob@example.net', 'Hi', stdin='x\n', **dict(over_starttls, port=plain_port))
        check(status == 'TLS' and mails('plain') == [], f'no STARTTLS offered: {status}, nothing sent')
        with open(os.path.join(WORK, 'plain.log')) as f:
            # (the authenticator prints "AUTH <mechanism> ok=…" for every attempt)
            check(not any(line.startswith('AUTH ') for line in f), 'and no login was tried in the clear')

        status, _, _ = tool('send', '', 'bob@example.net', 'Hi', stdin='x\n', **dict(over_tls, port=free_port()))
        check(status == 'CONNECT', f'a closed port: {status}')

        nowhere = dict(over_tls, server='nowhere.invalid')
        tool('store', stdin=PASSWORD, **nowhere)
        status, _, _ = tool('send', '', 'bob@example.net', 'Hi', stdin='x\n', **nowhere)
        check(status == 'CONNECT', f'a server name that does not resolve: {status}')

        status, _, elapsed = tool('test', env=dict(TOOL_ENV, RAPPORT_TEST_SMTP_TIMEOUT='2'),
                                  **dict(over_tls, port=silent_port))
        check(status == 'TIMEOUT' and elapsed < 8000, f'a server that never answers: {status} after {elapsed} ms')
        status, _, elapsed = tool('test', **dict(over_starttls, port=silent_port))
        check(status == 'TIMEOUT' and 10000 <= elapsed < 25000,
              f'the default timeout is about 15 s: {status} after {elapsed} ms')
        status, _, elapsed = tool('--cancel-after=500', 'send', '', 'bob@example.net', 'Hi', stdin='x\n',
                                  **dict(over_tls, port=silent_port))
        check(status == 'g-io-error-quark:19' and (SLOW > 1 or elapsed < 3000),   # timed in the plain build only
              f'cancelled while waiting: {status} after {elapsed} ms')

        before = (mails('starttls'), mails('tls'))
        for name, to, subj in (('Anna', 'anna@example.com', 'Hi\r\nBcc: eve@example.org'),
                               ('Anna\nBcc: eve@example.org', 'anna@example.com', 'Hi'),
                               ('Anna', 'anna@example.com\r\nBcc: eve@example.org', 'Hi'),
                               ('Anna', 'not an address', 'Hi')):
            status, _, _ = tool('send', name, to, subj, stdin='x\n', **over_starttls)
            check(status == 'INVALID_HEADER', f'refused before sending: {name!r} {to!r} {subj!r}: {status}')
        status, _, _ = tool('send', 'Anna', 'anna@example.com', 'Hi', stdin='x\n',
                            **dict(over_starttls, address='juergen@example.org\nBcc: eve@example.org'))
        check(status in ('INVALID_HEADER', 'NOT_CONFIGURED'), f'an injected sender address: {status}')
        check((mails('starttls'), mails('tls')) == before, 'nothing reached a server')

        status, _, _ = tool('store', stdin='wrong-' + PASSWORD, **over_starttls)
        status, _, _ = tool('send', '', 'bob@example.net', 'Hi', stdin='x\n', **over_starttls)
        check(status == 'LOGIN', f'a wrong password: {status}')
        status, _, _ = tool('test', **over_tls)
        check(status == 'LOGIN', f'a wrong password in Test Connection: {status}')

        status, detail, _ = tool('clear', **over_starttls)
        check(status == 'OK' and detail == 'removed', 'Forget Password removes it')
        status, detail, _ = tool('clear', **over_starttls)
        check(status == 'OK' and detail == 'none', 'forgetting again finds none')
        status, _, _ = tool('send', '', 'bob@example.net', 'Hi', stdin='x\n', **over_starttls)
        check(status == 'NO_PASSWORD', f'no password stored: {status}')
        status, detail, _ = tool('has', **over_starttls)
        check((status, detail) == ('OK', 'none'), f'has_password after forgetting: {status} {detail}')

        bus, address = private_bus_without_services()
        try:
            lonely = dict(TOOL_ENV, DBUS_SESSION_BUS_ADDRESS=address)
            status, detail, _ = tool('send', '', 'bob@example.net', 'Hi', stdin='x\n', env=lonely, **over_starttls)
            check(status == 'NO_SECRET_SERVICE' and 'Open in Mail App' in detail,
                  f'no Secret Service on the bus: {status} {detail}')
            status, _, _ = tool('store', stdin=PASSWORD, env=lonely, **over_starttls)
            check(status == 'NO_SECRET_SERVICE', f'storing without a Secret Service: {status}')
            status, _, _ = tool('has', env=lonely, **over_starttls)
            check(status == 'NO_SECRET_SERVICE', f'asking without a Secret Service: {status}')
        finally:
            bus.terminate()
            bus.wait()

        status, _, _ = tool('store', stdin=PASSWORD, **over_starttls)
        status, _, _ = tool('send', '', 'bob@example.net', 'Again', stdin='x\n', **over_starttls)
        check(status == 'OK', 'sends again once the right password is stored')
    finally:
        for process in (starttls, tls, silent, plain):
            process.terminate()
            process.wait()

    # The password, and the AUTH PLAIN and LOGIN forms a protocol trace would show.
    needles = [PASSWORD.encode(), base64.b64encode(f'\0{USER}\0{PASSWORD}'.encode()),
               base64.b64encode(PASSWORD.encode())]
    settings = subprocess.run(['gsettings', 'list-recursively', 'io.github.rapport.Rapport'],
                              capture_output=True, env=TOOL_ENV).stdout
    check(b'smtp-username' in settings and b'127.0.0.1' in settings, 'gsettings lists the account')
    keyfile = os.path.join(os.environ.get('XDG_CONFIG_HOME', ''), 'glib-2.0', 'settings', 'keyfile')
    check(os.path.exists(keyfile), 'the keyfile backend wrote its file')
    found = []
    for name, data in [('gsettings', settings), ('tool output', b''.join(outputs))]:
        if any(n in data for n in needles):
            found.append(name)
    scanned = 0
    for root, _, files in os.walk(SESSION):
        for file in files:
            path = os.path.join(root, file)
            try:
                with open(path, 'rb') as f:
                    data = f.read()
            except OSError:
                continue
            scanned += 1
            if any(n in data for n in needles):
                found.append(path)
    check(scanned > 10 and not found, f'the password is in none of {scanned} files, the settings, the logs: {found}')

    print(f'1..{count}')
    return 1 if failures else 0


sys.exit(main())
