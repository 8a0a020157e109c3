# rapport_atspi.py -- drive the real Rapport window through AT-SPI, as a screen reader
# user or an assistive tool would: find controls by role and accessible name, run their
# actions, type keys. Used by the e2e tests inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import collections
import os
import subprocess
import sys
import time
import warnings

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, Gio, GLib  # noqa: E402

APP_NAME = 'rapport'     # GTK 4.8 names the accessible application after the program

# X keycodes of the evdev layout that Xvfb starts with.
KEYCODES = {
    'Control': 37, 'Escape': 9, 'Return': 36, 'Tab': 23, 'comma': 59,
    '1': 10, '2': 11, '3': 12, '4': 13, '5': 14, '6': 15, 'q': 24, 'w': 25, 'e': 26, 'f': 41, 'n': 57, 'z': 52,
    'Delete': 119, 'BackSpace': 22, 'space': 65, 'm': 58, 'Up': 111, 'Down': 116, 'Shift': 50,
    'slash': 61, 'Alt': 64, 't': 28, 'F10': 76, 'i': 31, 'l': 46,
}


class Timeout(AssertionError):
    pass


def wait_for(predicate, timeout=10.0, what='condition'):
    end = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > end:
            raise Timeout(f'timed out after {timeout} s waiting for {what}')
        time.sleep(0.05)


def walk(node):
    """Every accessible below node, node first, level by level, so that a search stops
    early on shallow widgets. Widgets that go away while the tree is read (a list refilling
    itself) are skipped."""
    queue = collections.deque([node])
    while queue:
        current = queue.popleft()
        yield current
        children = []
        try:
            for i in range(current.get_child_count()):
                child = current.get_child_at_index(i)
                if child is not None:
                    children.append(child)
        except GLib.Error:
            continue
        queue.extend(children)


def matches(node, role, name):
    try:
        return (role is None or node.get_role_name() == role) and (name is None or spoken_name(node) == name)
    except GLib.Error:
        return False


def states(node):
    return {s.value_nick for s in node.get_state_set().get_states()}


def spoken_name(node):
    """The name as a user hears it. GTK 4.8 builds a labelled button's name from both its
    label property (with the mnemonic underscore) and its label child: "_Save Save"."""
    name = node.get_name() or ''
    for i, c in enumerate(name):
        if c == ' ' and name[:i].replace('_', '') == name[i + 1:]:
            return name[i + 1:]
    return name


def text_of(node):
    return Atspi.Text.get_text(node, 0, Atspi.Text.get_character_count(node))


def find_all(root, role=None, name=None):
    return [n for n in walk(root) if matches(n, role, name)]


def find(root, role=None, name=None, timeout=10.0):
    return wait_for(lambda: next((n for n in walk(root) if matches(n, role, name)), None), timeout,
                    f'[{role}] {name!r}')


def do_action(node, action='click'):
    with warnings.catch_warnings():
        # PyGObject flags get_action_name as deprecated, yet at-spi2 2.46 has no other call.
        warnings.simplefilter('ignore', DeprecationWarning)
        names = [node.get_action_name(i) for i in range(node.get_n_actions())]
    assert action in names, f'{node.get_name()!r} has no action {action!r}, only {names}'
    assert node.do_action(names.index(action)), f'{action} on {node.get_name()!r} failed'


def activate_row(node):
    """List box rows have no AT-SPI action in GTK 4.8: focus the row and press Enter, as a
    keyboard user does."""
    assert node.grab_focus(), f'could not focus {node.get_name()!r}'
    wait_for(lambda: 'focused' in states(node), 5, f'{node.get_name()!r} to have the focus')
    key_combo('Return')



def click(window, node, scroll=True):
    """GTK 4.8 check buttons have no AT-SPI action and cannot be focused through it:
    scroll them into view with the wheel and click them, as a pointer user does."""
    area = window.get_extents(Atspi.CoordType.SCREEN)
    x, y = area.x + area.width * 2 // 3, area.y + area.height // 2
    for _ in range(60 if scroll else 0):
        ext = node.get_extents(Atspi.CoordType.SCREEN)
        if area.y + 80 < ext.y < area.y + area.height - 40:
            break
        Atspi.generate_mouse_event(x, y, 'b5c' if ext.y > y else 'b4c')
        time.sleep(0.1)
    ext = node.get_extents(Atspi.CoordType.SCREEN)
    Atspi.generate_mouse_event(ext.x + ext.width // 2, ext.y + ext.height // 2, 'b1c')

def key_combo(*keys):
    """Presses the keys in order and releases them in reverse, e.g. key_combo('Control', 'q')."""
    for key in keys:
        Atspi.generate_keyboard_event(KEYCODES[key], None, Atspi.KeySynthType.PRESS)
    for key in reversed(keys):
        Atspi.generate_keyboard_event(KEYCODES[key], None, Atspi.KeySynthType.RELEASE)


def type_text(text):
    Atspi.generate_keyboard_event(0, text, Atspi.KeySynthType.STRING)


class App:
    """The real rapport binary, started in the current (private) session."""

    def __init__(self, *args, env=None):
        self.env = dict(os.environ, **(env or {}))
        self.proc = subprocess.Popen([os.environ['RAPPORT_EXECUTABLE'], *args], env=self.env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.node = wait_for(self._find_app, 20, 'rapport on the AT-SPI bus')

    def _find_app(self):
        if self.proc.poll() is not None:
            raise AssertionError(f'rapport exited early with {self.proc.returncode}:\n{self.proc.stdout.read()}'
                                 f' DISPLAY={os.environ.get("DISPLAY")} sockets={os.listdir("/tmp/.X11-unix")}'
                                 f' env-display={self.env.get("DISPLAY")}')
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            if child is not None and child.get_name() == APP_NAME and child.get_process_id() == self.proc.pid:
                return child
        return None

    def window(self, title, timeout=10.0):
        def lookup():
            for i in range(self.node.get_child_count()):
                child = self.node.get_child_at_index(i)
                if child is not None and child.get_name() == title:
                    return child
            return None
        try:
            return wait_for(lookup, timeout, f'window {title!r}')
        except Timeout as e:
            raise Timeout(f'{e}; the windows are {self.windows()}') from None

    def windows(self):
        return [self.node.get_child_at_index(i).get_name() for i in range(self.node.get_child_count())
                if self.node.get_child_at_index(i) is not None]

    def activate_action(self, name):
        """An application action (app.NAME), as the Shell or a notification activates it."""
        bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        bus.call_sync('io.github.rapport.Rapport', '/io/github/rapport/Rapport', 'org.gtk.Actions', 'Activate',
                      GLib.Variant('(sava{sv})', (name, [], {})), None, Gio.DBusCallFlags.NONE, 10000, None)

    def wait_window_gone(self, title, timeout=10.0):
        wait_for(lambda: title not in self.windows(), timeout, f'window {title!r} to close')

    def wait_exit(self, timeout=15.0):
        try:
            out, _ = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise Timeout(f'rapport did not exit within {timeout} s')
        return self.proc.returncode, out

    def close(self):
        if self.proc.stdout.closed:
            return
        if self.proc.poll() is not None and self.proc.returncode != 0:
            print(f'rapport exited with {self.proc.returncode}:\n{self.proc.stdout.read()}', file=sys.stderr)
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                out, _ = self.proc.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                out, _ = self.proc.communicate()
            if os.environ.get('RAPPORT_E2E_LOG'):
                print(f'rapport said:\n{out}', file=sys.stderr)


def tab_to(node, presses):
    """Presses Tab until @node has the focus, at most @presses times."""
    for _ in range(presses):
        key_combo('Tab')
        try:
            return wait_for(lambda: 'focused' in states(node), 0.5)
        except Timeout:
            pass
    raise Timeout(f'{node.get_role_name()} {node.get_name()!r} not reached in {presses} presses of Tab')


def keyboard_to(window, x=None):
    """The session has no window manager to give the keyboard to a new window: give it as a
    window manager's click-to-focus does, with a click on the window's header bar where it
    holds nothing (a dialog's title; the main window's left end, left of the page switcher)."""
    area = window.get_extents(Atspi.CoordType.SCREEN)
    Atspi.generate_mouse_event(area.x + (area.width // 2 if x is None else x), area.y + 12, 'b1c')
    time.sleep(0.2)
    return window


def register_mail_app(catch):
    """A tiny mail app for mailto: links that writes the link it is given to @catch."""
    apps = os.path.join(os.environ['XDG_DATA_HOME'], 'applications')
    os.makedirs(apps, exist_ok=True)
    script = os.path.join(os.environ['RAPPORT_SESSION_DIR'], 'catch-mailto')
    with open(script, 'w') as f:
        f.write(f'#!/bin/sh\nprintf "%s" "$1" > "{catch}.tmp" && mv "{catch}.tmp" "{catch}"\n')
    os.chmod(script, 0o755)
    with open(os.path.join(apps, 'catch-mailto.desktop'), 'w') as f:
        f.write('[Desktop Entry]\nType=Application\nName=Catch Mailto\n'
                f'Exec={script} %u\nMimeType=x-scheme-handler/mailto;\nNoDisplay=true\n')
    os.makedirs(os.environ['XDG_CONFIG_HOME'], exist_ok=True)
    with open(os.path.join(os.environ['XDG_CONFIG_HOME'], 'mimeapps.list'), 'w') as f:
        f.write('[Default Applications]\nx-scheme-handler/mailto=catch-mailto.desktop\n')


def set_sender():
    """The sender's name and phone, as set in Preferences, for {my_name} and {my_phone}."""
    settings = os.path.join(os.environ['XDG_CONFIG_HOME'], 'glib-2.0', 'settings')
    os.makedirs(settings, exist_ok=True)
    with open(os.path.join(settings, 'keyfile'), 'a') as f:
        f.write("[io/github/rapport/Rapport]\nsender-name='Sam Porter'\nsender-phone='+49 170 1234567'\n")
