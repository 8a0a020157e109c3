#!/usr/bin/python3
# check_po.py -- every translatable file is in po/POTFILES.in, and every catalogue of LANGUAGES
# translates every current string, with nothing fuzzy or left over.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import glob
import os
import re
import subprocess
import sys
import tempfile

SRC = os.environ.get('RAPPORT_SRCDIR') or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANGUAGES = ['de', 'es', 'fr']

# The same keywords and flags as meson's i18n "glib" preset, which builds the real template.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments', '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2', '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3', '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format', '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format', '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format', '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format', '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format', '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format', '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

C_MARK = re.compile(r'\b(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\(')


def translatable_files():
    found = set()
    for path in glob.glob(os.path.join(SRC, 'src', '**', '*.c'), recursive=True):
        with open(path, encoding='utf-8') as f:
            if C_MARK.search(f.read()):
                found.add(os.path.relpath(path, SRC))
    for path in glob.glob(os.path.join(SRC, 'ui', '**', '*.ui'), recursive=True):
        with open(path, encoding='utf-8') as f:
            if 'translatable="yes"' in f.read():
                found.add(os.path.relpath(path, SRC))
    for pattern in ('*.desktop.in.in', '*.metainfo.xml.in.in', '*.gschema.xml'):
        for path in glob.glob(os.path.join(SRC, 'data', pattern)):
            found.add(os.path.relpath(path, SRC))
    return found


def potfiles():
    with open(os.path.join(SRC, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip() and not line.startswith('#')]


def main():
    failures = []
    listed = potfiles()

    for missing in sorted(translatable_files() - set(listed)):
        failures.append(f'{missing} has translatable strings but is not listed in po/POTFILES.in')
    for path in listed:
        if not os.path.exists(os.path.join(SRC, path)):
            failures.append(f'po/POTFILES.in lists {path}, which does not exist')
    if listed != sorted(listed):
        failures.append('po/POTFILES.in is not sorted')

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'rapport.pot')
        subprocess.run(['xgettext', *XGETTEXT_ARGS, '--directory', SRC, '--output', pot,
                        *[p for p in listed if os.path.exists(os.path.join(SRC, p))]], check=True)

        for lang in LANGUAGES:
            po = os.path.join(SRC, 'po', f'{lang}.po')
            merged = os.path.join(tmp, f'{lang}.po')
            subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '--output-file', merged, po, pot],
                           check=True)
            check = subprocess.run(['msgfmt', '--check', '--statistics', '--output-file', os.devnull, po],
                                   capture_output=True, text=True)
            if check.returncode != 0:
                failures.append(f'po/{lang}.po does not compile:\n{check.stderr}')
            stats = subprocess.run(['msgfmt', '--statistics', '--output-file', os.devnull, merged],
                                   capture_output=True, text=True).stderr.strip()
            print(f'{lang}: {stats}')
            for kind in ('untranslated', 'fuzzy'):
                ids = subprocess.run(['msgattrib', f'--only-{kind}' if kind == 'fuzzy' else '--untranslated',
                                      '--no-obsolete', '--no-wrap', merged],
                                     capture_output=True, text=True, check=True).stdout
                entries = [m for m in re.findall(r'^msgid "(.*)"$', ids, re.M) if m]
                for entry in entries:
                    failures.append(f'po/{lang}.po: {kind}: "{entry}"')
            obsolete = subprocess.run(['msgattrib', '--only-obsolete', '--no-wrap', po],
                                      capture_output=True, text=True, check=True).stdout
            if re.search(r'^#~ msgid', obsolete, re.M):
                failures.append(f'po/{lang}.po keeps obsolete entries; drop them with msgattrib --no-obsolete')

    for failure in failures:
        print('FAIL', failure)
    if failures:
        print(f'{len(failures)} problem(s); refresh the catalogue with: ninja -C _build rapport-update-po')
        return 1
    print('translations complete')
    return 0


if __name__ == '__main__':
    sys.exit(main())
