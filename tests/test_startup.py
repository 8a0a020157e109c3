#!/usr/bin/python3
# test_startup.py -- starts the real rapport binary, as a user or a test harness would,
# and checks what it leaves behind. Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

RAPPORT = os.environ['RAPPORT_EXECUTABLE']


class Startup(unittest.TestCase):
    def setUp(self):
        self.home = tempfile.mkdtemp(prefix='rapport-startup-', dir=os.environ.get('RAPPORT_SESSION_DIR'))
        self.data_dir = os.path.join(self.home, 'data')
        self.db = os.path.join(self.data_dir, 'rapport', 'rapport.db')
        self.env = dict(os.environ,
                        HOME=self.home,
                        XDG_DATA_HOME=self.data_dir,
                        XDG_CONFIG_HOME=os.path.join(self.home, 'config'),
                        XDG_CACHE_HOME=os.path.join(self.home, 'cache'),
                        GSETTINGS_BACKEND='keyfile',
                        G_DEBUG='fatal-criticals')

    def tearDown(self):
        shutil.rmtree(self.home, ignore_errors=True)

    def run_app(self, *args, timeout=60):
        return subprocess.run([RAPPORT, *args], env=self.env, capture_output=True, text=True, timeout=timeout)

    def test_version(self):
        result = self.run_app('--version')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stdout, r'^rapport \d+\.\d+\.\d+\n$')
        self.assertFalse(os.path.exists(self.db), 'printing the version must not create a database')

    def test_help(self):
        result = self.run_app('--help')
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn('--version', result.stdout)
        self.assertNotIn('exit-after-startup', result.stdout, 'the test option is hidden')

    def test_first_start_creates_database(self):
        result = self.run_app('--exit-after-startup')
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertRegex(result.stdout, r'startup first-frame-monotonic-us=\d+ .*database=ready')
        self.assertTrue(os.path.isfile(self.db))
        with sqlite3.connect(self.db) as conn:
            version, = conn.execute('PRAGMA user_version').fetchone()
            mode, = conn.execute('PRAGMA journal_mode').fetchone()
            created, = conn.execute("SELECT value FROM meta WHERE key = 'created'").fetchone()
        self.assertGreaterEqual(version, 1)
        self.assertEqual(mode, 'wal')
        self.assertTrue(created.endswith('Z'))
        self.assertEqual(os.stat(os.path.dirname(self.db)).st_mode & 0o777, 0o700)

        # A second start finds the same database and changes nothing in it.
        result = self.run_app('--exit-after-startup')
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        with sqlite3.connect(self.db) as conn:
            again, = conn.execute("SELECT value FROM meta WHERE key = 'created'").fetchone()
        self.assertEqual(again, created)

    def test_corrupt_database_is_left_alone(self):
        os.makedirs(os.path.dirname(self.db))
        garbage = b'This is a letter, not a database.\n' * 300
        with open(self.db, 'wb') as f:
            f.write(garbage)
        result = self.run_app('--exit-after-startup')
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn('damaged', result.stdout)
        with open(self.db, 'rb') as f:
            self.assertEqual(f.read(), garbage)

    def test_damaged_pages_are_found_after_the_first_frame(self):
        result = self.run_app('--exit-after-startup')
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        with sqlite3.connect(self.db) as conn:
            conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                         "INSERT INTO meta (key, value) SELECT 'filler-' || i, hex (randomblob (64)) FROM n")
            conn.execute('PRAGMA wal_checkpoint(TRUNCATE)')
        with open(self.db, 'r+b') as f:
            f.seek(8 * 4096)
            f.write(b'\x5a' * 4 * 4096)
        with open(self.db, 'rb') as f:
            before = f.read()

        result = self.run_app('--exit-after-startup')
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertRegex(result.stdout, r'first-frame-monotonic-us=\d+ .*damaged')
        with open(self.db, 'rb') as f:
            self.assertEqual(f.read(), before, 'a damaged file is never written to')

    def test_newer_database_is_left_alone(self):
        os.makedirs(os.path.dirname(self.db))
        with sqlite3.connect(self.db) as conn:
            conn.executescript('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);'
                               'PRAGMA application_id = 1380995668; PRAGMA user_version = 9999;')
        with open(self.db, 'rb') as f:
            before = f.read()
        result = self.run_app('--exit-after-startup')
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn('newer version of Rapport', result.stdout)
        with open(self.db, 'rb') as f:
            self.assertEqual(f.read(), before)


if __name__ == '__main__':
    unittest.main(verbosity=2)
