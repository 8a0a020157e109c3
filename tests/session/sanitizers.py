# sanitizers.py -- for the tests whose programs look a password up in the keyring.
#
#   env = sanitizers.allow_libsecret_lookup_leak(env, folder)
#
# Under the sanitizers: Debian 12's libsecret 0.20.5 leaks one D-Bus reply per password lookup
# (a lookup and nothing else, in a ten-line program, shows the same report). The allocation is
# made on GDBus's worker thread, so no libsecret frame is there to name it by; the exception is
# kept to the runs of the programs these tests start (a copy of the shared suppressions with one
# line more, in FOLDER), instead of being added to the suppressions every test shares. Without
# the sanitizers, ENV comes back as it was.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os


def allow_libsecret_lookup_leak(env, folder):
    options = env.get('LSAN_OPTIONS', '')
    if 'suppressions=' not in options:
        return env
    shared = options.split('suppressions=')[1].split(':')[0]
    mine = os.path.join(folder, 'lsan.supp')
    with open(shared) as f, open(mine, 'w') as out:
        out.write(f.read() + '\n# libsecret 0.20.5 password lookup (tests/session/sanitizers.py)\n'
                  'leak:g_dbus_message_new_from_blob\n')
    return dict(env, LSAN_OPTIONS=options.replace(shared, mine))
