#!/usr/bin/python3
# startup.py -- the startup benchmark: time from exec to the first frame of the main window,
# and resident memory at that frame, for rapport and for a bare AdwApplicationWindow (the
# toolkit's floor). Median of 15 runs each, taken in turns, cairo renderer, warm caches (one unmeasured run
# first). Runs inside tests/session/headless-session.
#
#   startup.py BARE_WINDOW_EXECUTABLE
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 15
LINE = re.compile(r'startup first-frame-monotonic-us=(\d+) .*rss-kb=(\d+)')


def measure(argv, env):
    start_ns = time.monotonic_ns()   # CLOCK_MONOTONIC, as g_get_monotonic_time()
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        sys.exit(f'{argv[0]} failed ({result.returncode}):\n{result.stdout}{result.stderr}')
    match = LINE.search(result.stdout)
    if not match:
        sys.exit(f'{argv[0]} printed no startup line:\n{result.stdout}{result.stderr}')
    first_frame_us, rss_kb = int(match.group(1)), int(match.group(2))
    return (first_frame_us * 1000 - start_ns) / 1e6, rss_kb / 1024


def interleaved(*commands):
    """Medians for each (argv, env), measured in turns: A B A B ... rather than A A ... B B,
    so that both see the same machine (a shared one is busier at some moments than at
    others)."""
    for argv, env in commands:
        measure(argv, env)   # warms the page cache, the font cache and the icon cache
    results = [([], []) for _ in commands]
    for _ in range(RUNS):
        for (argv, env), (times, rss) in zip(commands, results):
            ms, mb = measure(argv, env)
            times.append(ms)
            rss.append(mb)
    return [(statistics.median(times), statistics.median(rss)) for times, rss in results]


def main():
    bare = sys.argv[1]
    home = tempfile.mkdtemp(prefix='rapport-bench-', dir=os.environ.get('RAPPORT_SESSION_DIR'))
    env = dict(os.environ, HOME=home, XDG_DATA_HOME=os.path.join(home, 'data'),
               XDG_CONFIG_HOME=os.path.join(home, 'config'), XDG_CACHE_HOME=os.path.join(home, 'cache'),
               GSETTINGS_BACKEND='memory')

    (app_ms, app_mb), (bare_ms, bare_mb) = interleaved(
        ([os.environ['RAPPORT_EXECUTABLE'], '--exit-after-startup'], env), ([bare], env))

    print(f'BENCH startup_first_frame_ms {app_ms:.1f} ms')
    print(f'BENCH startup_first_frame_ms_bare {bare_ms:.1f} ms')
    print(f'BENCH startup_rss_mb {app_mb:.1f} MB')
    print(f'BENCH startup_rss_mb_bare {bare_mb:.1f} MB')
    print(f'BENCH startup_first_frame_ratio {app_ms / bare_ms:.2f} x')


if __name__ == '__main__':
    main()
