# goa.py -- the real goa-daemon on the test session's bus, with accounts of the "IMAP and SMTP"
# provider in a scratch XDG_CONFIG_HOME, for tests/goa/ and tests/e2e/.
#
#   daemon = GoaDaemon(folder); daemon.start([account, ...]); daemon.rewrite([...]); daemon.stop()
#
# An account is a dict: id, address, name, imap_host, imap_user, imap_password, imap_ssl (implicit
# TLS, else STARTTLS), smtp_host, smtp_user, smtp_password, smtp_ssl. Its passwords go to the
# session's keyring as goa-daemon itself keeps them (goa 3.46, src/goabackend/goautils.c): schema
# org.gnome.OnlineAccounts, attribute goa-identity "imap_smtp:gen0:<AccountId>", the value the text
# of a GVariant dictionary {'imap-password': <'…'>, 'smtp-password': <'…'>}. goa-daemon watches
# accounts.conf: rewriting it adds or removes accounts as Settings → Online Accounts would.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import subprocess


def gvariant_string(text):
    return "'" + text.replace('\\', '\\\\').replace("'", "\\'") + "'"


class GoaDaemon:
    def __init__(self, folder):
        self.config = os.path.join(folder, 'goa-config')
        self.log = os.path.join(folder, 'goa-daemon.log')
        self.process = None

    def rewrite(self, accounts):
        folder = os.path.join(self.config, 'goa-1.0')
        os.makedirs(folder, exist_ok=True)
        text = ''
        for a in accounts:
            # The imap_smtp provider's switch for its one feature is "Enabled" (not MailEnabled).
            # GOA's own login check may accept the test CA's certificate; Rapport ignores these
            # keys and always verifies, with the CA file of Preferences.
            text += f'''[Account {a["id"]}]
Provider=imap_smtp
Identity={a["address"]}
PresentationIdentity={a["address"]}
Name={a["name"]}
EmailAddress={a["address"]}
Enabled=true
ImapHost={a["imap_host"]}
ImapUserName={a["imap_user"]}
ImapUseSsl={str(a.get("imap_ssl", True)).lower()}
ImapUseTls={str(not a.get("imap_ssl", True)).lower()}
ImapAcceptSslErrors=true
SmtpHost={a["smtp_host"]}
SmtpUseAuth=true
SmtpUserName={a["smtp_user"]}
SmtpAuthLogin=false
SmtpAuthPlain=true
SmtpUseSsl={str(a.get("smtp_ssl", False)).lower()}
SmtpUseTls={str(not a.get("smtp_ssl", False)).lower()}
SmtpAcceptSslErrors=true

'''
            value = '{%s: <%s>, %s: <%s>}' % (gvariant_string('imap-password'), gvariant_string(a['imap_password']),
                                              gvariant_string('smtp-password'), gvariant_string(a['smtp_password']))
            subprocess.run(['secret-tool', 'store', f'--label=GOA imap_smtp credentials for identity {a["id"]}',
                            'xdg:schema', 'org.gnome.OnlineAccounts', 'goa-identity', f'imap_smtp:gen0:{a["id"]}'],
                           input=value.encode(), check=True)
        path = os.path.join(folder, 'accounts.conf')
        with open(path + '.new', 'w') as f:
            f.write(text)
        os.rename(path + '.new', path)

    def start(self, accounts):
        self.rewrite(accounts)
        log = open(self.log, 'w')
        self.process = subprocess.Popen(['/usr/libexec/goa-daemon', '--replace'], stdout=log,
                                        stderr=subprocess.STDOUT,
                                        env=dict(os.environ, XDG_CONFIG_HOME=self.config, G_MESSAGES_DEBUG='all'))

    def tail(self, lines=30):
        with open(self.log) as f:
            return f.read().splitlines()[-lines:]

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            self.process.wait()
            self.process = None
