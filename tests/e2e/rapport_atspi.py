# rapport_atspi.py -- drive the real Rapport window through AT-SPI, as a screen reader
# user or an assistive tool would: find controls by role and accessible name, run their
# actions, type keys. Used by the e2e tests inside tests/session/headless-session.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import subprocess
import time
import warnings

import gi
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

APP_NAME = 'rapport'     # GTK 4.8 names the accessible application after the program

# X keycodes of the evdev layout that Xvfb starts with.
KEYCODES = {
    'Control': 37, 'Escape': 9, 'Return': 36, 'Tab': 23, 'comma': 59,
    '1': 10, '2': 11, '3': 12, '4': 13, 'q': 24, 'w': 25, 'f': 41,
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
    """Every accessible below node, node first (depth first)."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        children = []
        for i in range(current.get_child_count()):
            child = current.get_child_at_index(i)
            if child is not None:
                children.append(child)
        stack.extend(reversed(children))


def states(node):
    return {s.value_nick for s in node.get_state_set().get_states()}


def find_all(root, role=None, name=None):
    return [n for n in walk(root)
            if (role is None or n.get_role_name() == role) and (name is None or n.get_name() == name)]


def find(root, role=None, name=None, timeout=10.0):
    return wait_for(lambda: next(iter(find_all(root, role, name)), None), timeout,
                    f'[{role}] {name!r}')


def do_action(node, action='click'):
    with warnings.catch_warnings():
        # PyGObject flags get_action_name as deprecated, yet at-spi2 2.46 has no other call.
        warnings.simplefilter('ignore', DeprecationWarning)
        names = [node.get_action_name(i) for i in range(node.get_n_actions())]
    assert action in names, f'{node.get_name()!r} has no action {action!r}, only {names}'
    assert node.do_action(names.index(action)), f'{action} on {node.get_name()!r} failed'


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
        self.env = dict(os.environ, GSK_RENDERER='cairo', **(env or {}))
        self.proc = subprocess.Popen([os.environ['RAPPORT_EXECUTABLE'], *args], env=self.env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.node = wait_for(self._find_app, 20, 'rapport on the AT-SPI bus')

    def _find_app(self):
        if self.proc.poll() is not None:
            raise AssertionError(f'rapport exited early with {self.proc.returncode}:\n{self.proc.stdout.read()}')
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

    def wait_window_gone(self, title, timeout=10.0):
        wait_for(lambda: title not in self.windows(), timeout, f'window {title!r} to close')

    def wait_exit(self, timeout=15.0):
        try:
            out, _ = self.proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise Timeout(f'rapport did not exit within {timeout} s')
        return self.proc.returncode, out

    def close(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.communicate()
