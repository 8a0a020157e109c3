#!/usr/bin/python3
# crash-safety.py -- kills a process writing through Rapport's own write paths with SIGKILL at
# random moments, 1,000 times, and checks after each kill that the database passes
# PRAGMA integrity_check and still holds every write the writer had reported as committed.
#
#   crash-safety.py CRASH_WRITER_EXECUTABLE [KILLS]
#
# Prints BENCH lines, and exits 1 if a single check failed.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time


def main():
    writer = sys.argv[1]
    kills = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    rng = random.Random(20261122)
    work = tempfile.mkdtemp(prefix='rapport-crash-')
    db = os.path.join(work, 'rapport.db')
    integrity_failures = lost = reported = 0
    start = time.monotonic()

    try:
        for n in range(kills):
            proc = subprocess.Popen([writer, db], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            # Let it open the database and write for a while: 0 to 40 ms after its first write.
            first = proc.stdout.readline()
            time.sleep(rng.uniform(0, 0.04))
            proc.send_signal(signal.SIGKILL)
            out, err = proc.communicate()
            if proc.returncode != -signal.SIGKILL:
                sys.exit(f'the writer stopped by itself ({proc.returncode}): {err.decode()}')
            lines = (first + out).decode().splitlines()

            with sqlite3.connect(db) as conn:
                check, = conn.execute('PRAGMA integrity_check').fetchone()
                if check != 'ok':
                    integrity_failures += 1
                    print(f'kill {n}: integrity_check says {check}', file=sys.stderr)
                contacts = {r[0]: r[1] for r in conn.execute('SELECT id, stage FROM contact')}
                entries = {r[0] for r in conn.execute('SELECT id FROM interaction')}
                meetings = {r[0]: r[1] for r in conn.execute('SELECT id, notes FROM meeting')}
                with_meeting = {r[0] for r in conn.execute('SELECT contact_id FROM meeting')}

            # A contact's stage is what the last reported change made it.
            last_stage = {}
            for line in lines:
                kind, *values = line.split()
                if kind == 'S':
                    last_stage[int(values[0])] = line

            for line in lines:
                kind, *values = line.split()
                reported += 1
                if ((kind == 'C' and int(values[0]) not in contacts) or
                        (kind == 'I' and int(values[0]) not in entries) or
                        (kind == 'S' and last_stage[int(values[0])] == line and
                         contacts.get(int(values[0])) != int(values[1]) and
                         # else a meeting scheduled after it, committed but not yet reported
                         not (int(values[0]) in with_meeting and contacts.get(int(values[0])) == 2)) or
                        (kind == 'M' and int(values[0]) not in meetings) or
                        (kind == 'N' and meetings.get(int(values[0])) != f'Notes typed in meeting {values[1]}')):
                    lost += 1
                    print(f'kill {n}: lost {line!r}', file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f'BENCH crash_kills {kills} kills')
    print(f'BENCH crash_reported_commits {reported} commits')
    print(f'BENCH crash_integrity_failures {integrity_failures} failures')
    print(f'BENCH crash_lost_commits {lost} commits')
    print(f'BENCH crash_run_s {time.monotonic() - start:.1f} s')
    return 1 if integrity_failures or lost else 0


if __name__ == '__main__':
    sys.exit(main())
