#!/usr/bin/python3
# search-provider-100k.py -- GNOME Shell's search at 100,000 contacts: the time from calling
# org.gnome.Shell.SearchProvider2.GetInitialResultSet on Rapport's bus name to its answer, and
# GetResultMetas for the results after it, as the Shell calls them while the user types. Rapport
# runs as a D-Bus service on a database written by bench-contacts --generate-only; each term is
# asked 10 times, after one unmeasured round. Reported: the 95th percentile, and the median.
#
#   search-provider-100k.py BENCH_CONTACTS_EXECUTABLE
#
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from gi.repository import Gio, GLib

APP_ID = 'io.github.rapport.Rapport'
PATH = '/io/github/rapport/Rapport/SearchProvider'
PROVIDER = 'org.gnome.Shell.SearchProvider2'
# What people type into the overview: a name, its first letters, an organisation, accents both ways.
TERMS = [['beck'], ['glo'], ['globex'], ['odegard'], ['ødegård'], ['anna', 'beck'], ['product', 'manager'],
         ['siobhán'], ['李'], ['initech']]
RUNS = 10

BUS = Gio.bus_get_sync(Gio.BusType.SESSION, None)


def call(method, args, reply):
    return BUS.call_sync(APP_ID, PATH, PROVIDER, method, args, GLib.VariantType(reply), Gio.DBusCallFlags.NONE,
                         30000, None).unpack()[0]


def ask(terms):
    ids = call('GetInitialResultSet', GLib.Variant('(as)', (terms,)), '(as)')
    call('GetResultMetas', GLib.Variant('(as)', (ids[:5],)), '(aa{sv})')
    return ids


def main():
    home = tempfile.mkdtemp(prefix='rapport-bench-search-', dir=os.environ.get('RAPPORT_SESSION_DIR'))
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, 'data'),
               XDG_CONFIG_HOME=os.path.join(home, 'config'), XDG_CACHE_HOME=os.path.join(home, 'cache'),
               GSETTINGS_BACKEND='memory')
    db = os.path.join(env['XDG_DATA_HOME'], 'rapport', 'rapport.db')
    proc = None
    try:
        subprocess.run([sys.argv[1], '--generate-only', db], env=env, check=True, timeout=600)
        proc = subprocess.Popen([os.environ['RAPPORT_EXECUTABLE'], '--gapplication-service'], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        end = time.monotonic() + 60
        while True:
            try:
                found = ask(['beck'])   # also waits for the database to open
                break
            except GLib.Error:
                if time.monotonic() > end:
                    raise
                time.sleep(0.2)
        if not found:
            sys.exit('no contact found for "beck" in the generated database')

        for terms in TERMS:
            ask(terms)
        times = []
        for _ in range(RUNS):
            for terms in TERMS:
                start = time.monotonic()
                ask(terms)
                times.append((time.monotonic() - start) * 1000)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=10)
        shutil.rmtree(home, ignore_errors=True)

    times.sort()
    print(f'# {len(times)} searches, each GetInitialResultSet then GetResultMetas for 5 results')
    print(f'BENCH search_provider_ms_100k {times[int(len(times) * 0.95) - 1]:.1f} ms')
    print(f'BENCH search_provider_median_ms_100k {statistics.median(times):.1f} ms')


if __name__ == '__main__':
    main()
