#!/usr/bin/python3
# test_export.py -- exporting contacts as a spreadsheet through the file chooser, as a user
# would: a name that a spreadsheet would run as a formula (contacts often come from strangers'
# files) is exported guarded, unless the user ticks the chooser's choice to keep cells as they are.
# Runs inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rapport_atspi import App, click, do_action, find, key_combo, wait_for  # noqa: E402

FORMULA = '=HYPERLINK("http://evil.example/","click")'
CHOICE = 'In a spreadsheet, keep cells that start with = + - or @ exactly as they are'


class Export(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(dir=os.environ.get('RAPPORT_SESSION_DIR'))
        cards = os.path.join(self.folder, 'strangers.vcf')
        with open(cards, 'w') as f:
            f.write('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:%s\r\nEND:VCARD\r\n' % FORMULA.replace(',', '\\,'))
            f.write('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Ruiz\r\nEMAIL:ana@example.org\r\nEND:VCARD\r\n')
        self.app = App(cards)
        self.addCleanup(self.app.close)
        dialog = self.app.window('Import Contacts')
        do_action(find(dialog, 'push button', 'Import'))
        self.app.wait_window_gone('Import Contacts')
        self.main = self.app.window('Rapport')
        find(self.main, 'label', 'Imported 2 contacts')

    def export(self, name, verbatim):
        subprocess.run(['gdbus', 'call', '--session', '--dest', 'io.github.rapport.Rapport',
                        '--object-path', '/io/github/rapport/Rapport/window/1', '--method',
                        'org.gtk.Actions.Activate', 'export', '[]', '{}'], check=True, capture_output=True)
        chooser = self.app.window('Export Contacts')
        path = os.path.join(self.folder, name)
        find(chooser, 'text', 'Name:').set_text_contents(path)   # GTK's own chooser (no portal here)
        if verbatim:
            click(chooser, find(chooser, 'check box', CHOICE), scroll=False)
        do_action(find(chooser, 'push button', 'Export'))
        self.app.wait_window_gone('Export Contacts')
        wait_for(lambda: os.path.exists(path) and os.path.getsize(path) > 0, 10, f'{name} to be written')
        with open(path, encoding='utf-8') as f:
            return f.read()

    def test_guarded_unless_asked(self):
        guarded = self.export('guarded.csv', verbatim=False)
        self.assertIn("'" + FORMULA.replace('"', '""'), guarded)
        self.assertIn('Ana Ruiz', guarded)

        verbatim = self.export('verbatim.csv', verbatim=True)
        self.assertIn('"' + FORMULA.replace('"', '""') + '"', verbatim)
        self.assertNotIn("'=", verbatim)


if __name__ == '__main__':
    unittest.main(verbosity=2)
