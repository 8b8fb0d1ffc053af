# cfa11y.py: helpers for driving Carefield through AT-SPI, as a screen reader user would
#
# Copyright 2026 The Carefield authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Used by test-a11y.py, test-a11y-assessment.py and bench-startup.py. Run with Debian's
# /usr/bin/python3 (pyatspi comes from python3-pyatspi), inside one X display and one D-Bus
# session bus, e.g.
#   xvfb-run -a -s "-screen 0 1366x768x24" dbus-run-session -- meson test --suite a11y
#
# What GTK 4.8 and libadwaita 1.2 expose, found while writing these tests:
#  - STATE_SHOWING is set on windows only. Widgets carry STATE_VISIBLE while they are in the
#    tree (hidden widgets leave it), including those on a GtkStack page that is not shown. So
#    "showing" is approximated as VISIBLE with a non-empty on-screen extent (see is_showing).
#  - An unnamed widget is not given an empty name but its type name ("GtkToggleButton",
#    "GtkListBox"): such names count as no name at all (see is_placeholder_name).
#  - GTK_ACCESSIBLE_STATE_INVALID becomes ATSPI_STATE_INVALID ("invalid"), not
#    ATSPI_STATE_INVALID_ENTRY. Both are accepted.
#  - A text field inside AdwEntryRow / AdwPasswordEntryRow is a GtkText with no accessible of
#    its own, and GTK 4.8 does not forward its focus to the row (that came in GTK 4.10), so no
#    object is FOCUSED while the caret is in such a row. Where no object is FOCUSED, the focus
#    is found the way a user notices it: a probe key is typed and the object whose text changed
#    is the focused one (after End, so nothing selected is replaced); the probe is then
#    deleted again (see Scenario.focus in test-a11y.py).
#  - A widget with both an accessible label and a labelled-by relation (a mnemonic label, a
#    button's own label) is named by both, one after the other ("Show Show"), and a button
#    keeps its mnemonic underscore ("_Remove Remove"). Reported as notes, not failures.
#  - A GtkStack page that was on show once keeps its last extents after another page replaces
#    it, so extents alone do not tell which page is seen. The component interface's
#    GetAccessibleAtPoint (window coordinates) picks only what is mapped: a page whose centre
#    picks into a sibling page is not on show (see stack_page_hidden). Never ask GTK 4.8 for
#    screen or desktop coordinates: it warns "Screen coordinates not supported", and the
#    application runs with G_DEBUG=fatal-warnings.
#  - Keys: pyatspi.Registry.generateKeyboardEvent goes through the registry's XTest path and
#    works under Xvfb. KEY_PRESS/KEY_RELEASE take keycodes, not keysyms, so a chord such as
#    Ctrl+N is made with KEY_LOCKMODIFIERS, the key, then KEY_UNLOCKMODIFIERS. xdotool is a
#    fallback only (CAREFIELD_A11Y_KEYS=xdotool, or when AT-SPI keys change nothing).

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import traceback

# G_DEBUG=fatal-warnings (the test suites' setting) is for the application, not for this
# process: libatspi warns here about GTK 4 having no AT-SPI cache interface ("Error in
# GetItems"), which would abort the test. Taken out before GLib is loaded, given back to the app.
APP_G_DEBUG = os.environ.pop('G_DEBUG', None)

import pyatspi  # noqa: E402
from gi.repository import Atspi, GLib  # noqa: E402

PASSPHRASE = 'a11y test passphrase'
NOW = '2026-11-18T10:00:00Z'
TIMEOUT = float(os.environ.get('CAREFIELD_A11Y_TIMEOUT', '20'))

# X keysyms
KEYSYMS = {
    'Tab': 0xff09,
    'Return': 0xff0d,
    'BackSpace': 0xff08,
    'Escape': 0xff1b,
    'Home': 0xff50,
    'End': 0xff57,
    'Down': 0xff54,
    'Up': 0xff52,
    'Left': 0xff51,
    'Right': 0xff53,
    'Page_Up': 0xff55,
    'Page_Down': 0xff56,
    'space': 0x20,
}
MODIFIER_MASKS = {'shift': 1 << 0, 'ctrl': 1 << 2, 'alt': 1 << 3}


def finish_run(tap, app, started):
    """The end of a run, however it ended: the application's warnings, the steps not reached,
    and the time it took."""
    if app is not None:
        warnings = [l for l in app.log_text().splitlines() if 'WARNING' in l or 'CRITICAL' in l]
        if warnings:
            tap.diag('the application printed %d warning(s), e.g.:' % len(warnings))
            for w in warnings[:8]:
                tap.diag('  ' + w)
    tap.finish_remaining('the test stopped early')
    tap.diag('total %.1f s' % (time.monotonic() - started))


class StepFailed(Exception):
    """A check failed; the message (and optional diagnostics) say what a user would notice."""

    def __init__(self, message, diagnostics=()):
        super().__init__(message)
        self.diagnostics = list(diagnostics)


# TAP --------------------------------------------------------------------------------------

class Tap:
    def __init__(self, names):
        self.names = list(names)
        self.n = 0
        self.failures = 0
        print('1..%d' % len(self.names), flush=True)

    def emit(self, ok, description, diagnostics=(), directive=None):
        self.n += 1
        line = '%s %d - %s' % ('ok' if ok else 'not ok', self.n, description)
        if directive:
            line += ' # ' + directive
        print(line, flush=True)
        for d in diagnostics:
            for part in str(d).splitlines() or ['']:
                print('# ' + part, flush=True)
        if not ok and not (directive and directive.startswith('TODO')):
            self.failures += 1

    def diag(self, text):
        for part in str(text).splitlines():
            print('# ' + part, flush=True)

    def finish_remaining(self, reason):
        while self.n < len(self.names):
            self.emit(False, self.names[self.n], ['not run: ' + reason])


# Waiting ----------------------------------------------------------------------------------

def pump(seconds=0.0):
    """Lets pyatspi deliver events for @seconds (at least once)."""
    ctx = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while True:
        while ctx.iteration(False):
            pass
        if time.monotonic() >= end:
            return
        time.sleep(0.02)


def wait_for(predicate, timeout=None, interval=0.1):
    """Polls @predicate until it returns something true, or the deadline. Returns its value,
    or None on timeout. Exceptions from AT-SPI (objects going away) count as false."""
    deadline = time.monotonic() + (TIMEOUT if timeout is None else timeout)
    while True:
        try:
            value = predicate()
        except GLib.GError:
            value = None
        if value:
            return value
        if time.monotonic() >= deadline:
            return None
        pump(interval)


# Reading accessibles ----------------------------------------------------------------------

def safe(fn, default=None):
    try:
        return fn()
    except (GLib.GError, AttributeError, NotImplementedError, RuntimeError, TypeError):
        return default


def role_of(obj):
    return safe(obj.getRole, pyatspi.ROLE_INVALID)


def role_name(obj):
    return safe(obj.getRoleName, '?')


def states_of(obj):
    st = safe(obj.getState)
    return set(st.getStates()) if st is not None else set()


def text_of(obj):
    """The Text interface's contents, or None. GTK 4.8 ignores end offset -1, so ask for the
    character count explicitly."""
    def get():
        t = obj.queryText()
        return t.getText(0, t.characterCount)
    return safe(get)


def char_count(obj):
    return safe(lambda: obj.queryText().characterCount)


_PLACEHOLDER = re.compile(r'^(Gtk|Adw|Gdk|Cf)[A-Z][A-Za-z0-9]*$')


def is_placeholder_name(name):
    """GTK 4.8 names an unlabelled widget after its type; that is no name for a user."""
    return not name or not name.strip() or bool(_PLACEHOLDER.match(name.strip()))


def relation_targets(obj, relation_type):
    out = []
    for rel in safe(obj.getRelationSet, []) or []:
        if safe(rel.getRelationType) == relation_type:
            for i in range(safe(rel.getNTargets, 0)):
                target = safe(lambda: rel.getTarget(i))
                if target is not None:
                    out.append(target)
    return out


def accessible_name(obj):
    """The name a screen reader would speak: the name, else the labelled-by targets' names or
    texts. Type-name placeholders count as nothing."""
    name = safe(lambda: obj.name, '') or ''
    if not is_placeholder_name(name):
        return name.strip()
    parts = []
    for target in relation_targets(obj, pyatspi.RELATION_LABELLED_BY):
        if target == obj:
            continue
        tname = safe(lambda: target.name, '') or ''
        if is_placeholder_name(tname):
            tname = text_of(target) or ''
        if tname.strip() and not is_placeholder_name(tname):
            parts.append(tname.strip())
    return ' '.join(parts)


def extents(obj):
    def get():
        e = obj.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        return (e.x, e.y, e.width, e.height)
    return safe(get)


class Node:
    __slots__ = ('obj', 'role', 'name', 'states', 'path', 'depth', 'parent')

    def __init__(self, obj, path, depth, parent):
        self.obj = obj
        self.role = role_of(obj)
        self.name = safe(lambda: obj.name, '') or ''
        self.states = states_of(obj)
        self.path = path
        self.depth = depth
        self.parent = parent

    def describe(self):
        bits = ['%s %r' % (role_name(self.obj), self.name)]
        desc = safe(lambda: self.obj.description, '')
        if desc:
            bits.append('description %r' % desc)
        text = text_of(self.obj)
        if text:
            bits.append('text %r' % text[:80])
        bits.append('at ' + self.path)
        return ', '.join(bits)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


def walk(root, max_depth=80, prune=None):
    """Depth-first list of Nodes under @root (inclusive), with readable paths. With @prune, a
    node (other than @root) for which prune(node) is true is left out with all below it."""
    out = []
    stack = [(root, role_name(root), 0, None)]
    while stack:
        obj, path, depth, parent = stack.pop()
        node = Node(obj, path, depth, parent)
        if prune is not None and depth > 0 and safe(lambda: prune(node), False):
            continue
        out.append(node)
        if depth >= max_depth:
            continue
        n = safe(lambda: obj.childCount, 0) or 0
        children = []
        for i in range(n):
            child = safe(lambda: obj.getChildAtIndex(i))
            if child is None:
                continue
            label = role_name(child)
            cname = safe(lambda: child.name, '')
            if cname and not is_placeholder_name(cname):
                label += '(%s)' % cname[:30]
            children.append((child, '%s/%s[%d]' % (path, label, i), depth + 1, node))
        stack.extend(reversed(children))
    return out


def find_all(root, predicate):
    return [n for n in walk(root) if safe(lambda: predicate(n), False)]


def find_first(root, predicate, prune=None):
    """Early-exit depth-first search; returns a Node or None. @prune: as for walk()."""
    stack = [(root, role_name(root), 0, None)]
    while stack:
        obj, path, depth, parent = stack.pop()
        node = Node(obj, path, depth, parent)
        if prune is not None and depth > 0 and safe(lambda: prune(node), False):
            continue
        if safe(lambda: predicate(node), False):
            return node
        n = safe(lambda: obj.childCount, 0) or 0
        children = []
        for i in range(n):
            child = safe(lambda: obj.getChildAtIndex(i))
            if child is not None:
                children.append((child, '%s/%s[%d]' % (path, role_name(child), i), depth + 1, node))
        stack.extend(reversed(children))
    return None


TEXT_ROLES = {pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_ENTRY}
LIST_ROLES = {pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE}
INVALID_STATES = {pyatspi.STATE_INVALID_ENTRY, pyatspi.STATE_INVALID}


def invalid_state_names(states):
    return sorted(pyatspi.stateToString(s) for s in states & INVALID_STATES)


def is_showing(node):
    """GTK 4.8 sets SHOWING on windows only; otherwise VISIBLE with a real extent."""
    if pyatspi.STATE_SHOWING in node.states:
        return True
    if pyatspi.STATE_VISIBLE not in node.states:
        return False
    ext = extents(node.obj)
    return ext is None or (ext[2] > 0 and ext[3] > 0)


def stack_page_hidden(page, window):
    """True if @page (a GtkStack's "GtkStackPage" object) holds a child that is not on show.
    A point of the child is picked in @window: the pick lands in the child if it is on show,
    in a sibling page or the stack if not. None: not known (say the child is scrolled out of
    the window); showing_pruner counts that as shown."""
    child = safe(lambda: page.getChildAtIndex(0))
    if child is None:
        return False
    ext = extents(child)
    if ext is None:
        return None
    if ext[2] <= 0 or ext[3] <= 0:
        return True
    stack_obj = safe(lambda: page.parent)
    x, y, w, h = ext
    # The centre first; a corner (a page's margin: a plain container) where the centre picks
    # something outside the accessible tree, such as a text view's insides.
    for px, py in ((x + w // 2, y + h // 2), (x + 2, y + 2), (x + w - 3, y + h - 3)):
        hit = safe(lambda: window.queryComponent().getAccessibleAtPoint(
            px, py, pyatspi.WINDOW_COORDS))
        for _ in range(100):
            if hit is None:
                break
            if hit == child:
                return False
            if hit == stack_obj or hit == window:
                return True
            hit = safe(lambda: hit.parent)
    return None


def showing_pruner(window):
    """A prune predicate for walk(): leaves out what a user cannot see in @window, i.e. objects
    that are not showing (is_showing) and the pages of a GtkStack that are not on show. Much
    faster than walking everything once many stack pages have been visited."""
    def prune(node):
        if node.name == 'GtkStackPage':
            return bool(stack_page_hidden(node.obj, window))
        return not is_showing(node)
    return prune


# Accessible-name audit ------------------------------------------------------------------

INTERACTIVE_ROLES = {
    pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT, pyatspi.ROLE_ENTRY,
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SPIN_BUTTON,
    pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM,
    pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_SLIDER, pyatspi.ROLE_LINK,
    pyatspi.ROLE_TREE_ITEM,
}
if hasattr(pyatspi, 'ROLE_SWITCH'):
    INTERACTIVE_ROLES.add(pyatspi.ROLE_SWITCH)

# Purely presentational or informational; and containers. A scroll pane is exempt here
# because GTK 4 makes every GtkScrolledWindow focusable; one that actually takes the focus is
# checked by the focus-stop test instead.
EXEMPT_ROLES = {
    pyatspi.ROLE_INVALID, pyatspi.ROLE_REDUNDANT_OBJECT, pyatspi.ROLE_FILLER,
    pyatspi.ROLE_PANEL, pyatspi.ROLE_SECTION, pyatspi.ROLE_LABEL, pyatspi.ROLE_STATUS_BAR,
    pyatspi.ROLE_SEPARATOR, pyatspi.ROLE_SCROLL_BAR, pyatspi.ROLE_SCROLL_PANE,
    pyatspi.ROLE_APPLICATION, pyatspi.ROLE_HEADING, pyatspi.ROLE_PARAGRAPH, pyatspi.ROLE_STATIC,
    pyatspi.ROLE_IMAGE, pyatspi.ROLE_ICON,
}
for _r in ('ROLE_PRESENTATION', 'ROLE_NONE'):
    if hasattr(pyatspi, _r):
        EXEMPT_ROLES.add(getattr(pyatspi, _r))


def n_actions(obj):
    return safe(lambda: obj.queryAction().nActions, 0) or 0


def is_interactive(node):
    if node.role in EXEMPT_ROLES:
        return False
    return (node.role in INTERACTIVE_ROLES or pyatspi.STATE_FOCUSABLE in node.states
            or n_actions(node.obj) > 0)


def known_toolkit_issue(node):
    """Unnamed controls that live inside toolkit widgets, with no API for the app to name them
    in GTK 4.8 / libadwaita 1.2. They are reported as TODO, not as the app's failures."""
    parent = node.parent
    if node.role == pyatspi.ROLE_PUSH_BUTTON and node.name == 'GtkImage':
        desc = safe(lambda: node.obj.description, '')
        if desc in ('Show Text', 'Hide Text') and any(anc.role in TEXT_ROLES
                                                      for anc in node.ancestors()):
            return ('libadwaita 1.2 AdwPasswordEntryRow: the show/hide text toggle is a GtkImage '
                    'with role button and only a tooltip')
    if (node.role in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)
            and node.name == 'GtkToggleButton' and parent is not None
            and parent.role == pyatspi.ROLE_COMBO_BOX and accessible_name(parent.obj)):
        return ('GTK 4.8 GtkDropDown: the label given to the drop-down (%r) is not passed to the '
                'toggle button inside it, which is what takes the focus'
                % accessible_name(parent.obj))
    if node.role == pyatspi.ROLE_LIST_ITEM and is_expander_row(node.obj):
        return ('libadwaita 1.2 AdwExpanderRow %r: the row around the header is exposed as an '
                'unnamed list item (its title names only the inner header row)'
                % expander_title(node.obj))
    if node.role == pyatspi.ROLE_LIST and is_placeholder_name(node.name):
        for depth, anc in enumerate(node.ancestors()):
            if depth > 3:
                break
            if anc.role == pyatspi.ROLE_LIST_ITEM:
                if is_expander_row(anc.obj):
                    return ('libadwaita 1.2 AdwExpanderRow %r: its inner GtkListBox is exposed '
                            'unnamed' % expander_title(anc.obj))
                break
    for anc in node.ancestors():
        if anc.name == 'GtkFileChooserWidget':
            return ('GTK 4.8 GtkFileChooserWidget: its own controls (path bar, places sidebar, '
                    'column headers, file type filter) are unnamed')
    if node.role in (pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_ITEM):
        for anc in node.ancestors():
            if anc.role == pyatspi.ROLE_COMBO_BOX and accessible_name(anc.obj):
                return ('libadwaita 1.2 AdwComboRow / GTK 4.8 GtkDropDown %r: the list view that '
                        'shows the chosen item is exposed as an unnamed list'
                        % accessible_name(anc.obj))
    return None


def _expander_header(obj):
    # AdwExpanderRow: list item > box > [list > list item (header, named by the title), revealer]
    for i in range(safe(lambda: obj.childCount, 0) or 0):
        box = safe(lambda: obj.getChildAtIndex(i))
        if box is None or role_of(box) != pyatspi.ROLE_PANEL:
            continue
        for j in range(safe(lambda: box.childCount, 0) or 0):
            lst = safe(lambda: box.getChildAtIndex(j))
            if lst is None or role_of(lst) != pyatspi.ROLE_LIST:
                continue
            header = safe(lambda: lst.getChildAtIndex(0))
            if header is not None and role_of(header) == pyatspi.ROLE_LIST_ITEM:
                return header
            return None
    return None


def is_expander_row(obj):
    header = _expander_header(obj)
    return header is not None and bool(accessible_name(header))


def expander_title(obj):
    header = _expander_header(obj)
    return accessible_name(header) if header is not None else ''


def name_quirk(node):
    """GTK 4.8 speaks the accessible label *and* the labelled-by label one after the other, and
    keeps a button's mnemonic underscore. Returns a note, or None."""
    name = node.name or ''
    notes = []
    if re.search(r'(^|\s)_\w', name):
        notes.append('keeps the mnemonic underscore')
    targets = relation_targets(node.obj, pyatspi.RELATION_LABELLED_BY)
    labels = [safe(lambda: t.name, '') or '' for t in targets if t != node.obj]
    joined = ' '.join(l for l in labels if l and not is_placeholder_name(l))
    if joined and name != joined and name.endswith(' ' + joined):
        notes.append('is the accessible label followed by the visible label %r' % joined)
    return ('name %r %s' % (name, ' and '.join(notes))) if notes else None


def name_matches(obj, wanted):
    """True if the accessible name is @wanted, or (GTK 4.8) @wanted followed by the visible
    label it was meant to replace."""
    name = accessible_name(obj)
    return name == wanted or name.startswith(wanted + ' ')


def audit_names(root, prune=None):
    """Returns (offenders, toolkit_issues, quirks): lists of strings, where objects that differ
    only by their index among siblings (list rows, say) are reported once with a count.
    @prune: as for walk(), e.g. showing_pruner(window) to audit only what is on show."""
    offenders, toolkit, quirks = [], [], []
    for node in walk(root, prune=prune):
        if not is_interactive(node) or not is_showing(node):
            continue
        name = accessible_name(node.obj)
        if not name:
            issue = known_toolkit_issue(node)
            if issue:
                toolkit.append((node, issue))
            else:
                offenders.append((node, None))
        else:
            quirk = name_quirk(node)
            if quirk:
                quirks.append((node, quirk))
    return group(offenders), group(toolkit), group(quirks)


def group(pairs):
    """[(Node, note)] -> ['description (and N more like it) -- note']."""
    groups = {}
    for node, note in pairs:
        key = (re.sub(r'\[\d+\]$', '[*]', node.path), node.role, node.name, note)
        groups.setdefault(key, []).append(node)
    out = []
    for (_, _, _, note), nodes in groups.items():
        text = nodes[0].describe()
        if len(nodes) > 1:
            text += ' (and %d more like it among its siblings)' % (len(nodes) - 1)
        out.append(text + (' -- ' + note if note else ''))
    return out


# Keyboard ---------------------------------------------------------------------------------

class Keyboard:
    """Key presses through the AT-SPI registry (XTest), or xdotool when that does not work."""

    def __init__(self, backend='atspi'):
        self.backend = backend
        self.locked_mods = 0

    def _xdotool(self, *args):
        subprocess.run(['xdotool'] + list(args), check=True, timeout=TIMEOUT)

    def type(self, text):
        if self.backend == 'xdotool':
            self._xdotool('type', '--delay', '25', '--', text)
        else:
            pyatspi.Registry.generateKeyboardEvent(0, text, pyatspi.KEY_STRING)
        pump(0.05)

    def key(self, name, mods=(), settle=0.05):
        """Presses @name with @mods held, then lets events arrive for @settle seconds (0 for a
        caller that waits for an event of its own)."""
        if self.backend == 'xdotool':
            self._xdotool('key', '--clearmodifiers', '+'.join(list(mods) + [name]))
            pump(settle)
            return
        sym = KEYSYMS.get(name, ord(name) if len(name) == 1 else None)
        if sym is None:
            raise ValueError('no keysym for %r' % name)
        mask = 0
        for m in mods:
            mask |= MODIFIER_MASKS[m]
        try:
            if mask:
                pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_LOCKMODIFIERS)
                self.locked_mods |= mask
            pyatspi.Registry.generateKeyboardEvent(sym, None, pyatspi.KEY_SYM)
        finally:
            if mask:
                pyatspi.Registry.generateKeyboardEvent(mask, None, pyatspi.KEY_UNLOCKMODIFIERS)
                self.locked_mods &= ~mask
        pump(settle)

    def release_all(self):
        if self.backend == 'atspi' and self.locked_mods:
            safe(lambda: pyatspi.Registry.generateKeyboardEvent(self.locked_mods, None,
                                                                pyatspi.KEY_UNLOCKMODIFIERS))
            self.locked_mods = 0


# The application --------------------------------------------------------------------------

class EventLog:
    """Focus and text events from the application, as a screen reader receives them."""

    TYPES = ('object:state-changed:focused', 'object:text-changed:insert',
             'object:text-changed:delete')

    def __init__(self, pid):
        self.pid = pid
        self.events = []
        self.focus = None
        self.listener = Atspi.EventListener.new(self._on_event)
        for t in self.TYPES:
            self.listener.register(t)

    def close(self):
        for t in self.TYPES:
            safe(lambda: self.listener.deregister(t))

    def _on_event(self, event):
        try:
            source = event.source
            if source is None or source.get_process_id() != self.pid:
                return
            self.events.append((event.type, event.detail1, source))
            if event.type.startswith('object:state-changed:focused'):
                if event.detail1:
                    self.focus = source
                elif self.focus is not None and self.focus == source:
                    self.focus = None
        except GLib.GError:
            pass

    def mark(self):
        return len(self.events)

    def since(self, mark, prefix):
        return [e for e in self.events[mark:] if e[0].startswith(prefix)]


class App:
    def __init__(self, app_path, profile_dir, tmp_root, extra_env=None):
        self.app_path = app_path
        self.profile_dir = profile_dir
        self.tmp_root = tmp_root
        self.extra_env = extra_env or {}
        self.proc = None
        self.accessible = None
        self.log_path = os.path.join(tmp_root, 'carefield-%d.log' % int(time.time() * 1000))
        self.events = None
        self.started_at = None

    def env(self):
        env = isolated_env(self.tmp_root)
        env['CAREFIELD_NOW'] = NOW
        for var in ('GTK_A11Y', 'NO_AT_BRIDGE', 'CAREFIELD_PASSPHRASE'):
            env.pop(var, None)
        env.update(self.extra_env)
        return env

    def start(self):
        self._log = open(self.log_path, 'wb')
        self.started_at = time.monotonic()
        self.proc = subprocess.Popen([self.app_path, '--profile', self.profile_dir],
                                     env=self.env(), stdin=subprocess.DEVNULL,
                                     stdout=self._log, stderr=subprocess.STDOUT)
        return self.proc

    def find_accessible(self, timeout=None):
        """Polls the registry's desktop for the application named "carefield" with our pid."""
        def look():
            if self.proc.poll() is not None:
                raise StepFailed('the application exited with status %s' % self.proc.returncode,
                                 ['DISPLAY=%s' % os.environ.get('DISPLAY')] + self.log_tail())
            desktop = pyatspi.Registry.getDesktop(0)
            for i in range(safe(lambda: desktop.childCount, 0) or 0):
                a = safe(lambda: desktop.getChildAtIndex(i))
                if a is None:
                    continue
                if safe(lambda: a.name) == 'carefield' and safe(a.get_process_id) == self.proc.pid:
                    return a
            return None
        self.accessible = wait_for(look, timeout)
        if self.accessible is not None:
            # Read everything live: pyatspi's cache is only kept current by events.
            safe(lambda: self.accessible.set_cache_mask(Atspi.Cache.NONE))
            safe(self.accessible.clear_cache)
            self.events = EventLog(self.proc.pid)
        return self.accessible

    def window(self):
        """The application's first frame."""
        app = self.accessible
        for i in range(safe(lambda: app.childCount, 0) or 0):
            child = safe(lambda: app.getChildAtIndex(i))
            if child is not None and role_of(child) in (pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW):
                return child
        return None

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def stop(self):
        if self.events is not None:
            self.events.close()
            self.events = None
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        if getattr(self, '_log', None):
            self._log.close()
            self._log = None

    def log_text(self):
        try:
            with open(self.log_path, 'rb') as f:
                return f.read().decode('utf-8', 'replace')
        except OSError:
            return ''

    def log_tail(self, n=15):
        lines = self.log_text().splitlines()
        return ['app output: ' + l for l in lines[-n:]]


def isolated_env(tmp_root):
    """The environment for the application and the CLI: this one's, with fresh HOME and XDG
    directories under @tmp_root, and G_DEBUG given back."""
    env = dict(os.environ)
    if APP_G_DEBUG:
        env['G_DEBUG'] = APP_G_DEBUG
    home = os.path.join(tmp_root, 'home')
    dirs = {
        'HOME': home,
        'XDG_CONFIG_HOME': os.path.join(home, '.config'),
        'XDG_DATA_HOME': os.path.join(home, '.local', 'share'),
        'XDG_CACHE_HOME': os.path.join(home, '.cache'),
        'XDG_STATE_HOME': os.path.join(home, '.local', 'state'),
    }
    for path in dirs.values():
        os.makedirs(path, exist_ok=True)
    env.update(dirs)
    runtime = os.path.join(tmp_root, 'runtime')
    if not os.environ.get('XDG_RUNTIME_DIR'):
        os.makedirs(runtime, mode=0o700, exist_ok=True)
        env['XDG_RUNTIME_DIR'] = runtime
    return env


def run_cli(cli, profile_dir, tmp_root, *args, timeout=None):
    env = isolated_env(tmp_root)
    env['CAREFIELD_PASSPHRASE'] = PASSPHRASE
    env['CAREFIELD_NOW'] = NOW
    env.pop('NO_AT_BRIDGE', None)
    cmd = [cli, '--profile', profile_dir] + list(args)
    res = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                         timeout=timeout or max(120, TIMEOUT * 6))
    if res.returncode != 0:
        output = (res.stdout + res.stderr).decode('utf-8', 'replace')
        raise StepFailed('%s failed with status %d' % (' '.join(cmd), res.returncode),
                         output.splitlines())
    return res.stdout.decode('utf-8')


def cli_json(cli, profile_dir, tmp_root, *args):
    return json.loads(run_cli(cli, profile_dir, tmp_root, *args))


def require_env(name):
    value = os.environ.get(name)
    if not value:
        print('1..0 # SKIP %s is not set' % name, flush=True)
        sys.exit(77)
    return value


def install_signal_handlers(cleanup):
    def handler(signum, frame):
        cleanup()
        sys.exit(128 + signum)
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, handler)


def screenshot(path):
    """Best effort, for debugging: CAREFIELD_A11Y_SCREENSHOTS=dir."""
    if shutil.which('import'):
        subprocess.run(['import', '-window', 'root', path], timeout=TIMEOUT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def format_exception():
    return traceback.format_exc().rstrip().splitlines()


def node_for(obj):
    """A Node for @obj with its ancestors filled in (paths are role names only)."""
    chain = []
    cur = obj
    for _ in range(100):
        if cur is None:
            break
        chain.append(cur)
        if role_of(cur) == pyatspi.ROLE_APPLICATION:
            break
        cur = safe(lambda: cur.parent)
    parent = None
    path = ''
    for a in reversed(chain):
        path = (path + '/' if path else '') + role_name(a)
        parent = Node(a, path, 0, parent)
    return parent


def focused_node(root):
    """The object that has STATE_FOCUSED under @root, by walking the tree (slow)."""
    for node in walk(root):
        if pyatspi.STATE_FOCUSED in node.states and node.role not in (
                pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW, pyatspi.ROLE_DIALOG,
                pyatspi.ROLE_APPLICATION):
            return node
    return None


# Words anywhere in the tree ---------------------------------------------------------------

# Roles whose objects hold no text of their own in GTK 4.8 (containers, buttons, rows: a
# button's or row's words are its name, or a label inside it). Their text is not asked for,
# which makes find_words three times as fast; their names and descriptions still are read.
NO_TEXT_ROLES = {
    pyatspi.ROLE_PANEL, pyatspi.ROLE_FILLER, pyatspi.ROLE_SCROLL_PANE, pyatspi.ROLE_LIST,
    pyatspi.ROLE_LIST_BOX, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW,
    pyatspi.ROLE_DIALOG, pyatspi.ROLE_APPLICATION, pyatspi.ROLE_SEPARATOR,
    pyatspi.ROLE_SCROLL_BAR, pyatspi.ROLE_IMAGE, pyatspi.ROLE_ICON, pyatspi.ROLE_PUSH_BUTTON,
    pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_PAGE_TAB_LIST,
    pyatspi.ROLE_MENU, pyatspi.ROLE_MENU_BAR, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TABLE_ROW, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_TOOL_BAR,
}


def find_words(root, words, max_depth=80, prune=None):
    """Every place under @root (inclusive), on show or not, where one of @words stands as a
    whole word (or phrase) in an object's name, description or text: a list of
    (word, what, value, Node), what being 'name', 'description' or 'text'. Case-sensitive, as
    personal names are written. For proving that some personal data is nowhere a screen reader
    could reach it: hidden stack pages, popovers and the application's other windows are walked
    too. Reads each object's name, description and role, and the text of those that can have
    one (not NO_TEXT_ROLES): some 2,000 objects take about 2 s, the first walk of a window
    longer (GTK makes its accessibles as they are asked for). @prune: as for walk(), to look
    only at part of the tree (showing_pruner: only what is on show)."""
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile(r'(?<!\w)(%s)(?!\w)' % '|'.join(re.escape(w) for w in words))
    hits = []
    stack = [(root, 0)]
    while stack:
        obj, depth = stack.pop()
        if prune is not None and depth > 0 and \
                safe(lambda: prune(Node(obj, '', depth, None)), False):
            continue
        role = role_of(obj)
        found = []
        for what, value in (('name', safe(lambda: obj.name, '')),
                            ('description', safe(lambda: obj.description, '')),
                            ('text', None if role in NO_TEXT_ROLES else text_of(obj))):
            if value:
                found += [(word, what, value) for word in sorted(set(pattern.findall(value)))]
        if found:
            node = node_for(obj)
            hits += [(word, what, value, node) for word, what, value in found]
        if depth >= max_depth:
            continue
        n = safe(lambda: obj.childCount, 0) or 0
        children = [safe(lambda: obj.getChildAtIndex(i)) for i in range(n)]
        stack.extend((c, depth + 1) for c in reversed(children) if c is not None)
    return hits
