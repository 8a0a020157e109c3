#!/usr/bin/python3
# startup-100k.py -- the startup benchmark with 100,000 contacts: time from exec to the first
# frame of the main window, and resident memory at that frame, for rapport started on a database
# that holds 100,000 contacts (written once by bench-contacts --generate-only). Median of 10
# runs, cairo renderer, warm caches (one unmeasured run first). The same series on an empty
# database runs alongside, so the two compare within one session.
#
# rapport --exit-after-startup exits once the first frame is drawn *and* the database is open
# (PRAGMA quick_check included), so the time to exit is reported too: when it is far above the
# first frame, opening the database is what keeps a start from being done.
#
#   startup-100k.py BENCH_CONTACTS_EXECUTABLE BARE_WINDOW_EXECUTABLE
#
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 10   # each, in turns
LINE = re.compile(r'startup first-frame-monotonic-us=(\d+) (?:main-to-first-frame-ms=[0-9.]+ )?'
                  r'rss-kb=(\d+) database=(.*)')


def measure(argv, env):
    start_ns = time.monotonic_ns()   # CLOCK_MONOTONIC, as g_get_monotonic_time()
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120)
    exit_ms = (time.monotonic_ns() - start_ns) / 1e6
    if result.returncode != 0:
        sys.exit(f'{argv[0]} failed ({result.returncode}):\n{result.stdout}{result.stderr}')
    match = LINE.search(result.stdout)
    if not match:
        sys.exit(f'{argv[0]} printed no startup line:\n{result.stdout}{result.stderr}')
    if match.group(3) not in ('ready', 'none'):   # "none": the bare window has no database
        sys.exit(f'{argv[0]} could not open its database: {match.group(3)}')
    first_frame_us, rss_kb = int(match.group(1)), int(match.group(2))
    return (first_frame_us * 1000 - start_ns) / 1e6, rss_kb / 1024, exit_ms


def interleaved(*commands):
    """Medians for each (argv, env), measured in turns rather than one series after the
    other, so that all see the same machine."""
    for argv, env in commands:
        measure(argv, env)   # warms the page cache, the font cache and the icon cache
    runs = [[] for _ in commands]
    for _ in range(RUNS):
        for (argv, env), series_runs in zip(commands, runs):
            series_runs.append(measure(argv, env))
    return [tuple(statistics.median(run[i] for run in series_runs) for i in range(3)) for series_runs in runs]


def session_env(home):
    return dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, 'data'),
                XDG_CONFIG_HOME=os.path.join(home, 'config'), XDG_CACHE_HOME=os.path.join(home, 'cache'),
                GSETTINGS_BACKEND='memory')


def contacts_page_env(home):
    """The same, with the window opening on the contacts page, as it does for someone who
    closed it there: the list of 100,000 is then built before the first frame."""
    env = session_env(home)
    settings = os.path.join(env['XDG_CONFIG_HOME'], 'glib-2.0', 'settings')
    os.makedirs(settings, exist_ok=True)
    with open(os.path.join(settings, 'keyfile'), 'w') as f:
        f.write("[io/github/rapport/Rapport]\nlast-page='contacts'\n")
    return dict(env, GSETTINGS_BACKEND='keyfile')


def main():
    bench_contacts = sys.argv[1]
    bare = [sys.argv[2]]
    app = [os.environ['RAPPORT_EXECUTABLE'], '--exit-after-startup']
    homes = [tempfile.mkdtemp(prefix='rapport-bench-', dir=os.environ.get('RAPPORT_SESSION_DIR'))
             for _ in range(2)]

    try:
        env = session_env(homes[0])
        db = os.path.join(env['XDG_DATA_HOME'], 'rapport', 'rapport.db')
        start = time.monotonic()
        subprocess.run([bench_contacts, '--generate-only', db], env=env, check=True, timeout=600)
        print(f'generated the database in {time.monotonic() - start:.1f} s '
              f'({os.path.getsize(db) / 2**20:.1f} MB)', file=sys.stderr)

        (full_ms, full_mb, full_exit_ms), (page_ms, page_mb, _), (empty_ms, empty_mb, empty_exit_ms), \
            (bare_ms, bare_mb, _) = interleaved((app, env), (app, contacts_page_env(homes[0])),
                                                (app, session_env(homes[1])), (bare, session_env(homes[1])))
    finally:
        for home in homes:
            shutil.rmtree(home, ignore_errors=True)

    print(f'BENCH startup_first_frame_ms_100k {full_ms:.1f} ms')
    print(f'BENCH startup_rss_mb_100k {full_mb:.1f} MB')
    print(f'BENCH startup_exit_ms_100k {full_exit_ms:.1f} ms')
    print(f'BENCH startup_first_frame_ms_empty {empty_ms:.1f} ms')
    print(f'BENCH startup_rss_mb_empty {empty_mb:.1f} MB')
    print(f'BENCH startup_exit_ms_empty {empty_exit_ms:.1f} ms')
    print(f'BENCH startup_first_frame_ms_100k_contacts_page {page_ms:.1f} ms')
    print(f'BENCH startup_rss_mb_100k_contacts_page {page_mb:.1f} MB')
    print(f'BENCH startup_first_frame_ms_bare_same_run {bare_ms:.1f} ms')
    print(f'BENCH startup_rss_mb_bare_same_run {bare_mb:.1f} MB')
    print(f'BENCH startup_first_frame_ratio_100k {full_ms / bare_ms:.2f} x')
    print(f'BENCH startup_first_frame_ratio_100k_contacts_page {page_ms / bare_ms:.2f} x')
    print(f'BENCH startup_rss_mb_over_bare_100k {full_mb - bare_mb:.1f} MB')


if __name__ == '__main__':
    main()
