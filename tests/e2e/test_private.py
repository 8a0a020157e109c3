#!/usr/bin/python3
# test_private.py -- an older Rapport left its folder 0755 and its database 0644: the first start
# makes them the user's alone (0700, 0600) and says so once; the next start says nothing.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import stat
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import App, find, find_all  # noqa: E402

NOTICE = 'Your Rapport data can now be read by you alone'


class Private(unittest.TestCase):
    def test_tightened_once(self):
        folder = os.path.join(os.environ['XDG_DATA_HOME'], 'rapport')
        os.makedirs(folder, mode=0o755, exist_ok=True)
        os.chmod(folder, 0o755)
        db = os.path.join(folder, 'rapport.db')
        sqlite3.connect(db).close()
        os.chmod(db, 0o644)

        app = App()
        main = app.window('Rapport')
        find(main, 'label', NOTICE)
        self.assertEqual(stat.S_IMODE(os.stat(folder).st_mode), 0o700)
        self.assertEqual(stat.S_IMODE(os.stat(db).st_mode), 0o600)
        app.close()

        app = App()
        self.addCleanup(app.close)
        main = app.window('Rapport')
        find(main, 'label', 'All Caught Up')   # the Today page, read from the open database
        self.assertEqual([n for n in find_all(main, 'label') if n.get_name() == NOTICE], [])


if __name__ == '__main__':
    unittest.main(verbosity=2)
