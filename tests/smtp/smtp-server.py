#!/usr/bin/python3
# smtp-server.py -- a real SMTP server on 127.0.0.1 for the mail tests (aiosmtpd).
#
#   smtp-server.py MODE DIR
#
# MODE is "starttls" (plain, STARTTLS required before AUTH), "tls" (implicit TLS from the first byte),
# "plain" (no TLS offered at all, AUTH in the clear) or "silent" (accepts connections and never says a
# word, for timeouts). DIR holds the certificates:
# ca.pem (a self-signed CA made with openssl on first use) and server.pem/server.key signed by it for
# localhost and 127.0.0.1. Every message received goes to DIR/MODE-mail/N.eml with the envelope in
# N.json. When ready, the port goes to DIR/MODE.port. AUTH PLAIN and LOGIN take one user name and
# password, from the environment (SMTP_TEST_USER, SMTP_TEST_PASSWORD). RCPT TO refused@… gets 550.
# SIGTERM stops it.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

mode, folder = sys.argv[1], sys.argv[2]
user = os.environ.get('SMTP_TEST_USER', 'anna').encode()
password = os.environ.get('SMTP_TEST_PASSWORD', 'secret').encode()


def openssl(*args):
    subprocess.run(['openssl', *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_certificates():
    ca_key, ca = os.path.join(folder, 'ca.key'), os.path.join(folder, 'ca.pem')
    key, csr, cert = (os.path.join(folder, name) for name in ('server.key', 'server.csr', 'server.pem'))
    if os.path.exists(cert):
        return cert, key
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Rapport Test CA',
            '-keyout', ca_key, '-out', ca + '.tmp')
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', key, '-out', csr)
    extensions = os.path.join(folder, 'server.ext')
    with open(extensions, 'w') as f:
        f.write('subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n')
    openssl('x509', '-req', '-in', csr, '-CA', ca + '.tmp', '-CAkey', ca_key, '-CAcreateserial', '-days', '2',
            '-extfile', extensions, '-out', cert)
    os.rename(ca + '.tmp', ca)
    return cert, key


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Handler:
    count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith('refused@'):
            return '550 5.1.1 No such user here'
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        Handler.count += 1
        maildir = os.path.join(folder, mode + '-mail')
        os.makedirs(maildir, exist_ok=True)
        base = os.path.join(maildir, str(Handler.count))
        with open(base + '.json', 'w') as f:
            json.dump({'mail_from': envelope.mail_from, 'rcpt_tos': envelope.rcpt_tos,
                       'login': session.auth_data.login.decode() if session.auth_data else None,
                       # session.ssl is set by STARTTLS only; implicit TLS shows on the transport
                       'tls': session.ssl is not None or server.transport.get_extra_info('ssl_object') is not None},
                      f)
        with open(base + '.eml', 'wb') as f:
            f.write(envelope.original_content)
        return '250 OK'


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == user and auth_data.password == password
    print(f'AUTH {mechanism} ok={ok}', flush=True)
    # handled=False makes aiosmtpd answer 535; with the default it answers nothing at all.
    return AuthResult(success=True, auth_data=auth_data) if ok else AuthResult(success=False, handled=False)


def serve_silently(port):
    listener = socket.create_server(('127.0.0.1', port))
    held = []

    def accept():
        while True:
            connection, _ = listener.accept()
            held.append(connection)   # open, and never a word

    threading.Thread(target=accept, daemon=True).start()
    return listener


def main():
    port = free_port()
    if mode == 'silent':
        running = serve_silently(port)
    else:
        cert, key = make_certificates()
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        options = dict(hostname='127.0.0.1', port=port, auth_required=True, auth_require_tls=True,
                       authenticator=authenticator, decode_data=False, server_hostname='localhost')
        if mode == 'starttls':
            running = Controller(Handler(), tls_context=context, require_starttls=True, **options)
        elif mode == 'tls':
            # aiosmtpd's auth_require_tls looks at STARTTLS only and would hide AUTH on a connection
            # that is TLS from the start.
            options['auth_require_tls'] = False
            running = Controller(Handler(), ssl_context=context, **options)
        elif mode == 'plain':
            options['auth_require_tls'] = False
            running = Controller(Handler(), **options)
        else:
            sys.exit(f'unknown mode {mode}')
        running.start()

    portfile = os.path.join(folder, mode + '.port')
    with open(portfile + '.tmp', 'w') as f:
        f.write(str(port))
    os.rename(portfile + '.tmp', portfile)
    print(f'{mode} SMTP server on 127.0.0.1:{port}', flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    if mode == 'silent':
        running.close()
    else:
        running.stop()


main()
