# dovecot.py -- a throwaway dovecot for the mailbox tests, on 127.0.0.1, as the current user.
#
#   server = Dovecot(folder, user, password); server.start(); ...; server.stop()
#   (idle=False: a server that does not offer IDLE)
#
# Everything lives in FOLDER: the configuration (no system file is read), a test CA and a
# certificate for localhost and 127.0.0.1 signed by it (made with openssl), the user in a
# passwd-file, the mail in Maildir, the log. Listens on two free ports: implicit TLS (imaps) and
# plain with STARTTLS (imap); plaintext login only after TLS. Started by root (as the tests are on
# the CI machines), its login processes run as dovecot-core's own users, the mail as root.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import grp
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


def openssl(*args):
    subprocess.run(['openssl', *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def make_certificates(folder):
    ca_key, ca = os.path.join(folder, 'ca.key'), os.path.join(folder, 'ca.pem')
    key, csr, cert = (os.path.join(folder, name) for name in ('server.key', 'server.csr', 'server.pem'))
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Rapport IMAP Test CA',
            '-keyout', ca_key, '-out', ca)
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', key, '-out', csr)
    extensions = os.path.join(folder, 'server.ext')
    with open(extensions, 'w') as f:
        f.write('subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n')
    openssl('x509', '-req', '-in', csr, '-CA', ca, '-CAkey', ca_key, '-CAcreateserial', '-days', '2',
            '-extfile', extensions, '-out', cert)
    return ca, cert, key


# Dovecot's own capabilities less IDLE, for a server that cannot say when new mail arrives.
NO_IDLE = """protocol imap {
  imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT SORT=DISPLAY THREAD=REFERENCES \\
    THREAD=REFS THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS \\
    LIST-EXTENDED I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS \\
    BINARY MOVE SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ NOTIFY SPECIAL-USE
}
"""


class Dovecot:
    def __init__(self, folder, user, password, idle=True):
        self.folder = folder
        self.user = user
        self.ca, cert, key = make_certificates(folder)
        self.tls_port, self.starttls_port = free_port(), free_port()
        self.log = os.path.join(folder, 'dovecot.log')
        me = pwd.getpwuid(os.getuid()).pw_name
        group = grp.getgrgid(os.getgid()).gr_name
        # Dovecot runs its login and internal processes as another user only when started as
        # root, and then refuses root for them: the accounts dovecot-core made for that.
        login_user, internal_user, internal_group = (('dovenull', 'dovecot', 'dovecot') if os.getuid() == 0
                                                     else (me, me, group))
        for sub in ('run', 'state'):
            os.makedirs(os.path.join(folder, sub), exist_ok=True)
        # Nor does it keep mail as root: then the mail (and the passwd-file, which its auth
        # process reads as that user) belong to its "dovecot" user, in a folder of its own that it
        # can reach (FOLDER may be closed to others).
        if os.getuid() == 0:
            mail_uid, mail_gid = pwd.getpwnam('dovecot').pw_uid, grp.getgrnam('dovecot').gr_gid
            self.home = tempfile.mkdtemp(prefix='rapport-imap-')
            os.chown(self.home, mail_uid, mail_gid)
        else:
            mail_uid, mail_gid = os.getuid(), os.getgid()
            self.home = os.path.join(folder, 'home')
            os.makedirs(self.home, exist_ok=True)
        passwd = os.path.join(self.home, 'passwd')
        with open(passwd, 'w') as f:
            f.write(f'{user}:{{PLAIN}}{password}::::::\n')
        if os.getuid() == 0:
            os.chown(passwd, mail_uid, mail_gid)
        self.config = os.path.join(folder, 'dovecot.conf')
        with open(self.config, 'w') as f:
            f.write(f'''
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {self.log}
info_log_path = {self.log}
protocols = imap
listen = 127.0.0.1
default_internal_user = {internal_user}
default_internal_group = {internal_group}
default_login_user = {login_user}
first_valid_uid = {mail_uid}
first_valid_gid = {mail_gid}
ssl = required
ssl_cert = <{cert}
ssl_key = <{key}
disable_plaintext_auth = yes
auth_mechanisms = plain login
auth_verbose = yes
passdb {{
  driver = passwd-file
  args = {passwd}
}}
userdb {{
  driver = static
  args = uid={mail_uid} gid={mail_gid} home={self.home}/%u
}}
mail_location = maildir:~/Maildir
namespace inbox {{
  inbox = yes
  separator = /
  mailbox "Sent Messages" {{
    special_use = \\Sent
    auto = create
  }}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.starttls_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.tls_port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
''' + ('' if idle else NO_IDLE))
        self.process = None

    def start(self):
        self.process = subprocess.Popen(['/usr/sbin/dovecot', '-F', '-c', self.config],
                                        stdout=subprocess.DEVNULL, stderr=open(self.log + '.stderr', 'w'))
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(('127.0.0.1', self.tls_port), timeout=1).close()
                socket.create_connection(('127.0.0.1', self.starttls_port), timeout=1).close()
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError('dovecot did not start: ' + open(self.log + '.stderr').read()
                                       + (open(self.log).read() if os.path.exists(self.log) else ''))
                time.sleep(0.05)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        if os.getuid() == 0:
            shutil.rmtree(self.home, ignore_errors=True)
