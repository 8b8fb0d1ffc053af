#!/usr/bin/python3
# test-a11y.py: Carefield as a screen reader user meets it, through AT-SPI, keyboard only
#
# Copyright 2026 The Carefield authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run with Debian's /usr/bin/python3 (python3-pyatspi), in one X display and one session bus:
#   xvfb-run -a -s "-screen 0 1366x768x24" dbus-run-session -- env \
#     GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=_build/data TZ=Europe/London \
#     LC_ALL=C.UTF-8 CAREFIELD_APP=_build/src/gui/carefield \
#     CAREFIELD_CLI=_build/src/cli/carefield-cli /usr/bin/python3 tests/a11y/test-a11y.py
# Prints TAP. Optional: CAREFIELD_A11Y_TIMEOUT (seconds per wait, default 20),
# CAREFIELD_A11Y_KEYS=xdotool (force the xdotool keyboard), CAREFIELD_A11Y_SCREENSHOTS=DIR.

import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cfa11y as a  # noqa: E402  (first: it keeps G_DEBUG away from GLib in this process)

import pyatspi  # noqa: E402
from cfa11y import StepFailed  # noqa: E402

STEPS = [
    ('start', 'the application appears in the AT-SPI registry'),
    ('unlock-focus', 'unlock page: the "Passphrase" entry is there and has the keyboard focus'),
    ('wrong', 'a wrong passphrase: a "not right" message, and the entry marked invalid'),
    ('audit-unlock', 'unlock page: every interactive object has an accessible name'),
    ('unlock', 'the right passphrase: a caseload list with items and a "Search caseload" entry'),
    ('sync-status', 'the sync state button is named with the state in words: "Sync: …"'),
    ('new', 'Ctrl+N: the carer editor opens with the focus in "Given Name"'),
    ('tab-family', 'Tab from "Given Name" reaches "Family Name"; every focus stop is named'),
    ('postcode-bad', 'Postcode "XYZ 123": an "is not a UK postcode" message, the field invalid'),
    ('audit-editor', 'caseload and editor, an error showing: every interactive object is named'),
    ('postcode-good', 'Postcode "LN1 3AB": the message goes, the field is valid; Phone filled'),
    ('cared-for', '"Add Person Cared For" (action): its "Name" reached by Tab and filled in'),
    ('audit-cared-for', 'after adding a person: every interactive object has an accessible name'),
    ('search', 'Ctrl+F, "Testbridge": focus in "Search caseload", one result, the new carer'),
    ('no-trap', 'Tab, Shift+Tab from the search go and come back; every focus stop met is named'),
    ('lock', 'Ctrl+L: no personal data left in the accessible tree; "Passphrase" focused'),
    ('cli-list', 'stored: the CLI lists exactly one "Wilhelmina Testbridge"'),
    ('cli-show', 'stored: postcode "LN1 3AB", phone, and cared-for "Albert Testbridge"'),
    ('toolkit', 'unnamed controls inside toolkit widgets (GTK 4.8, libadwaita 1.2)'),
]

GIVEN, FAMILY = 'Wilhelmina', 'Testbridge'
FULL_NAME = GIVEN + ' ' + FAMILY
CARED_FOR = 'Albert Testbridge'
BAD_POSTCODE, GOOD_POSTCODE = 'XYZ 123', 'LN1 3AB'
PHONE = '01632 960123'
PERSONAL = (GIVEN, FAMILY, GOOD_POSTCODE, BAD_POSTCODE, PHONE, 'Albert')


class Scenario:
    def __init__(self, tap, tmp):
        self.tap = tap
        self.tmp = tmp
        self.app_path = a.require_env('CAREFIELD_APP')
        self.cli = a.require_env('CAREFIELD_CLI')
        self.profile = os.path.join(tmp, 'profile')
        self.app = None
        self.kb = a.Keyboard(os.environ.get('CAREFIELD_A11Y_KEYS', 'atspi'))
        self.win = None
        self.caseload_list = None
        self.stops = []          # (Node, how) for every focus stop met
        self.toolkit = {}        # description without path -> full description
        self.shots = os.environ.get('CAREFIELD_A11Y_SCREENSHOTS')
        self.blocked = None
        self.quirks_seen = set()

    # Helpers ------------------------------------------------------------------------------

    def shot(self, name):
        if self.shots:
            os.makedirs(self.shots, exist_ok=True)
            a.screenshot(os.path.join(self.shots, name + '.png'))

    def find_text_field(self, name, timeout=None):
        def look():
            return a.find_first(self.win, lambda n: n.role in a.TEXT_ROLES
                                and a.accessible_name(n.obj) == name and a.is_showing(n))
        node = a.wait_for(look, timeout)
        if node is None:
            raise StepFailed('no text field named %r' % name)
        return node

    def focus(self, probe=True, walk=False):
        """(Node, how) for the object with the keyboard focus, or (None, why)."""
        a.pump(0.3)
        events = self.app.events
        f = events.focus
        if f is not None and pyatspi.STATE_FOCUSED in a.states_of(f):
            return a.node_for(f), 'STATE_FOCUSED'
        if walk:
            node = a.focused_node(self.win)
            if node is not None:
                return node, 'STATE_FOCUSED'
        if not probe:
            return None, 'no object has STATE_FOCUSED'
        # Tab selects a field's text, so first move the caret to the end: the probe must
        # never replace what is there.
        self.kb.key('End')
        mark = events.mark()
        self.kb.key('x')
        inserted = a.wait_for(lambda: events.since(mark, 'object:text-changed:insert'),
                              timeout=min(5, a.TIMEOUT))
        if not inserted:
            return None, 'no object has STATE_FOCUSED, and a typed key changed no text'
        source = inserted[0][2]
        with_probe = a.text_of(source)
        mark = events.mark()
        self.kb.key('BackSpace')
        a.wait_for(lambda: events.since(mark, 'object:text-changed:delete'),
                   timeout=min(5, a.TIMEOUT))
        after = a.text_of(source)
        if with_probe and after is not None and with_probe.count('x') != after.count('x') + 1:
            raise StepFailed('the focus probe did not undo cleanly in %r: %r became %r'
                             % (a.accessible_name(source), with_probe, after))
        return a.node_for(source), 'typing (no STATE_FOCUSED on AdwEntryRow in GTK 4.8)'

    def record_stop(self, node, how):
        self.stops.append((node, how))
        return '%s %r (found by %s)' % (a.role_name(node.obj), a.accessible_name(node.obj)
                                        or node.name, how)

    def expect_focus(self, name, probe=True, walk=False, timeout=5):
        """Waits (a little) for the focus to be on the object named @name."""
        deadline = time.monotonic() + timeout
        while True:
            node, how = self.focus(probe=probe, walk=walk)
            got = a.accessible_name(node.obj) if node is not None else None
            if got == name or time.monotonic() >= deadline:
                break
            a.pump(0.3)
        if node is None:
            raise StepFailed('expected the focus in %r, but %s' % (name, how))
        desc = self.record_stop(node, how)
        if got != name:
            raise StepFailed('expected the focus in %r, found it on %s' % (name, desc),
                             [node.describe()])
        return node, desc

    def type_into(self, node, text, replace=False):
        """Types @text where the focus is and checks it all lands in @node."""
        events = self.app.events
        if replace:
            self.kb.key('a', mods=['ctrl'])
        mark = events.mark()
        self.kb.type(text)
        password = (node.role == pyatspi.ROLE_PASSWORD_TEXT
                    or 'Passphrase' in a.accessible_name(node.obj))

        def landed():
            got = a.text_of(node.obj)
            if password:
                return a.char_count(node.obj) == len(text)
            return got == text
        if not a.wait_for(landed):
            raise StepFailed('typed %r, but the field %r holds %r'
                             % (text, a.accessible_name(node.obj),
                                '(hidden)' if password else a.text_of(node.obj)))
        strays = {a.accessible_name(s) or a.role_name(s)
                  for (_, _, s) in events.since(mark, 'object:text-changed:insert')
                  if s != node.obj}
        if strays:
            raise StepFailed('typing also changed %s' % ', '.join(sorted(strays)))

    def audit(self):
        offenders, toolkit, quirks = a.audit_names(self.win)
        for t in toolkit:
            key = t.split(', at ')[0] + t.split(' -- ', 1)[-1]
            self.toolkit.setdefault(key, t)
        notes = ['note: %s' % q for q in quirks if q not in self.quirks_seen]
        self.quirks_seen.update(quirks)
        if offenders:
            raise StepFailed('%d interactive object(s) without an accessible name'
                             % len(offenders),
                             ['unnamed: ' + o for o in offenders] + notes)
        return notes

    def list_items(self):
        lst = self.caseload_list
        items = []
        for i in range(a.safe(lambda: lst.childCount, 0) or 0):
            child = a.safe(lambda: lst.getChildAtIndex(i))
            if child is not None and a.role_of(child) in (pyatspi.ROLE_LIST_ITEM,
                                                          pyatspi.ROLE_TABLE_ROW,
                                                          pyatspi.ROLE_TABLE_CELL):
                if pyatspi.STATE_VISIBLE in a.states_of(child):
                    items.append(child)
        return items

    @staticmethod
    def all_text(obj):
        parts = []
        for node in a.walk(obj):
            if node.name and not a.is_placeholder_name(node.name):
                parts.append(node.name)
            t = a.text_of(node.obj)
            if t:
                parts.append(t)
        return ' | '.join(parts)

    # Steps --------------------------------------------------------------------------------

    def step_start(self):
        a.run_cli(self.cli, self.profile, self.tmp, 'init', '--user', 'Access Tester')
        a.run_cli(self.cli, self.profile, self.tmp, 'gen-demo', '--carers', '40')
        self.app = a.App(self.app_path, self.profile, self.tmp)
        self.app.start()
        t0 = time.monotonic()
        if self.app.find_accessible() is None:
            raise StepFailed('no application named "carefield" (pid %d) on the AT-SPI desktop '
                             'after %.0f s' % (self.app.proc.pid, a.TIMEOUT),
                             ['DISPLAY=%s DBUS_SESSION_BUS_ADDRESS=%s'
                              % (os.environ.get('DISPLAY'),
                                 os.environ.get('DBUS_SESSION_BUS_ADDRESS'))]
                             + self.app.log_tail())
        self.win = a.wait_for(self.app.window)
        if self.win is None:
            raise StepFailed('the application has no window')
        return ['found after %.1f s; window %r' % (time.monotonic() - t0, self.win.name)]

    def step_unlock_focus(self):
        diags = []
        entry = self.find_text_field('Passphrase')
        diags.append('entry: ' + entry.describe())
        if not a.wait_for(lambda: pyatspi.STATE_ACTIVE in a.states_of(self.win), timeout=5):
            diags.append('note: the window is not ACTIVE; key presses may go elsewhere')
        node, how = self.focus(probe=False, walk=True)
        if node is None:
            # GTK 4.8: nothing FOCUSED inside an AdwPasswordEntryRow; find where keys go.
            node, how = self.focus(probe=True)
            if node is None and self.kb.backend == 'atspi' and a.shutil.which('xdotool'):
                diags.append('AT-SPI key events (generateKeyboardEvent) changed nothing; '
                             'trying xdotool')
                self.kb = a.Keyboard('xdotool')
                node, how = self.focus(probe=True)
        diags.append('keyboard: %s' % ('AT-SPI registry generateKeyboardEvent (XTest)'
                                       if self.kb.backend == 'atspi' else 'xdotool'))
        if node is None:
            raise StepFailed('the focus is not in "Passphrase": %s' % how, diags)
        diags.append('focus: ' + self.record_stop(node, how))
        if a.accessible_name(node.obj) != 'Passphrase':
            raise StepFailed('the focus is on %r, not "Passphrase"' % a.accessible_name(node.obj),
                             diags)
        self.passphrase = node
        return diags

    def step_wrong(self):
        entry = self.passphrase
        self.type_into(entry, 'not the passphrase')
        self.kb.key('Return')

        def message():
            return a.find_first(self.win, lambda n: n.role in (pyatspi.ROLE_LABEL,
                                                               pyatspi.ROLE_STATUS_BAR,
                                                               pyatspi.ROLE_NOTIFICATION,
                                                               pyatspi.ROLE_ALERT)
                                and 'not right' in (n.name + ' ' + (a.text_of(n.obj) or ''))
                                and a.is_showing(n))
        msg = a.wait_for(message)
        if msg is None:
            raise StepFailed('no message saying the passphrase is "not right" appeared',
                             self.app.log_tail())
        diags = ['message: ' + msg.describe()]
        states = a.wait_for(lambda: a.invalid_state_names(a.states_of(entry.obj)), timeout=5)
        described = [a.safe(lambda: t.name, '') or a.text_of(t) or ''
                     for t in a.relation_targets(entry.obj, pyatspi.RELATION_DESCRIBED_BY)]
        diags.append('entry states: %s; described by: %r' % (
            ', '.join(sorted(pyatspi.stateToString(s) for s in a.states_of(entry.obj))),
            described))
        if not states:
            raise StepFailed('the "Passphrase" entry is not marked invalid '
                             '(neither invalid-entry nor invalid state)', diags)
        if pyatspi.STATE_INVALID_ENTRY not in a.states_of(entry.obj):
            diags.append('note: GTK 4.8 exposes GTK_ACCESSIBLE_STATE_INVALID as ATSPI "invalid", '
                         'not "invalid-entry"')
        if not any('not right' in d for d in described):
            raise StepFailed('the "Passphrase" entry is not described by the message', diags)
        return diags

    def step_audit_unlock(self):
        self.shot('01-unlock')
        return self.audit()

    def step_unlock(self):
        node, how = self.focus(probe=True)
        if node is None or a.accessible_name(node.obj) != 'Passphrase':
            raise StepFailed('after the wrong passphrase the focus is not in "Passphrase" (%s)'
                             % (node.describe() if node else how))
        self.type_into(self.passphrase, a.PASSPHRASE, replace=True)
        t0 = time.monotonic()
        self.kb.key('Return')

        def caseload():
            search = a.find_first(self.win, lambda n: n.role in a.TEXT_ROLES
                                  and a.accessible_name(n.obj) == 'Search caseload')
            if search is None:
                return None
            lst = a.find_first(self.win, lambda n: n.role in a.LIST_ROLES
                               and a.accessible_name(n.obj) == 'Carers')
            if lst is None:   # unnamed: any list with rows (the audit reports the name)
                lists = [n for n in a.walk(self.win) if n.role in a.LIST_ROLES
                         and any(a.role_of(c) == pyatspi.ROLE_LIST_ITEM for c in n.obj)]
                lst = max(lists, key=lambda n: n.obj.childCount) if lists else None
            if lst is None or not any(a.role_of(c) == pyatspi.ROLE_LIST_ITEM for c in lst.obj):
                return None
            return search, lst
        found = a.wait_for(caseload, interval=0.3)
        if found is None:
            raise StepFailed('no caseload list with items and "Search caseload" entry within '
                             '%.0f s' % a.TIMEOUT, self.app.log_tail())
        search, lst = found
        self.caseload_list = lst.obj
        self.shot('02-caseload')
        return ['list %r with %d item(s) after %.1f s' % (
                    a.accessible_name(lst.obj), len(self.list_items()),
                    time.monotonic() - t0),
                'search: ' + search.describe()]

    def step_sync_status(self):
        buttons = (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)

        def status():
            return a.find_first(self.win, lambda n: n.role in buttons and a.is_showing(n)
                                and (a.accessible_name(n.obj) or '').startswith('Sync: '))
        node = a.wait_for(status, timeout=5)
        if node is None:
            names = sorted({a.accessible_name(n.obj) or '(unnamed)' for n in a.walk(self.win)
                            if n.role in buttons and a.is_showing(n)})
            raise StepFailed('no button named "Sync: …" in the window',
                             ['buttons: ' + ', '.join(names)])
        name = a.accessible_name(node.obj)
        # This profile never signed in: the name says so, and why, not only an icon.
        if not name.startswith('Sync: Not Syncing.') or 'not signed in' not in name:
            raise StepFailed('the sync button is named %r' % name)
        return ['button: ' + node.describe()]

    def step_new(self):
        self.kb.key('n', mods=['ctrl'])
        given = self.find_text_field('Given Name')
        diags = ['field: ' + given.describe()]
        # The editor is shown and the focus moved: wait until it has left the search entry.
        a.wait_for(lambda: self.app.events.focus is None
                   or a.accessible_name(self.app.events.focus) != 'Search caseload', timeout=5)
        node, desc = self.expect_focus('Given Name')
        diags.append('focus: ' + desc)
        self.type_into(node, GIVEN)
        return diags

    def step_tab_family(self):
        self.kb.key('Tab')
        node, desc = self.expect_focus('Family Name')
        self.type_into(node, FAMILY)
        return ['focus: ' + desc]

    def tab_to(self, name, limit=10, diags=None):
        seen = []
        for _ in range(limit):
            self.kb.key('Tab')
            node, how = self.focus(probe=True)
            if node is None:
                seen.append('(%s)' % how)
                continue
            seen.append(self.record_stop(node, how))
            if a.accessible_name(node.obj) == name:
                return node, seen
        raise StepFailed('%r not reached in %d presses of Tab' % (name, limit),
                         (diags or []) + ['focus stops: ' + s for s in seen])

    def step_postcode_bad(self):
        node, seen = self.tab_to('Postcode')
        self.postcode = node
        self.type_into(node, BAD_POSTCODE)
        diags = ['focus stops: ' + s for s in seen]

        def message():
            return a.find_first(self.win, lambda n: n.role in (pyatspi.ROLE_LABEL,
                                                               pyatspi.ROLE_STATUS_BAR)
                                and 'is not a UK postcode' in (n.name + (a.text_of(n.obj) or ''))
                                and a.is_showing(n))
        msg = a.wait_for(message)
        if msg is None:
            raise StepFailed('no "is not a UK postcode" message appeared', diags)
        diags.append('message: ' + msg.describe())
        invalid = a.wait_for(lambda: a.invalid_state_names(a.states_of(node.obj)), timeout=5)
        described = [a.safe(lambda: t.name, '') or a.text_of(t) or ''
                     for t in a.relation_targets(node.obj, pyatspi.RELATION_DESCRIBED_BY)]
        diags.append('Postcode states: %s; described by: %r'
                     % (', '.join(invalid or ['(none invalid)']), described))
        if not invalid and not any('is not a UK postcode' in d for d in described):
            raise StepFailed('the Postcode field is neither marked invalid nor described by '
                             'the message', diags)
        if not invalid:
            raise StepFailed('the Postcode field is not marked invalid', diags)
        self.shot('03-postcode-bad')
        return diags

    def step_postcode_good(self):
        node = self.postcode
        self.type_into(node, GOOD_POSTCODE, replace=True)

        def cleared():
            msg = a.find_first(self.win, lambda n: 'is not a UK postcode'
                               in (n.name + (a.text_of(n.obj) or '')) and a.is_showing(n))
            return msg is None and not a.invalid_state_names(a.states_of(node.obj))
        if not a.wait_for(cleared):
            raise StepFailed('the postcode message or invalid state stayed after correcting it',
                             ['Postcode states: %s'
                              % a.invalid_state_names(a.states_of(node.obj))])
        self.kb.key('Tab')
        phone, desc = self.expect_focus('Phone')
        self.type_into(phone, PHONE)
        return ['focus: ' + desc]

    def step_audit_editor(self):
        self.shot('04-editor')
        return self.audit()

    def step_cared_for(self):
        button = a.find_first(self.win, lambda n: n.role == pyatspi.ROLE_PUSH_BUTTON
                              and a.name_matches(n.obj, 'Add Person Cared For'))
        if button is None:
            raise StepFailed('no button named "Add Person Cared For"')
        action = button.obj.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        if not names:
            raise StepFailed('the "Add Person Cared For" button has no action')
        action.doAction(0)
        diags = ['did action %r of %s' % (names[0], button.describe())]
        self.find_text_field('Name')
        node, how = self.focus(probe=True)
        landed = (self.record_stop(node, how) if node else '(%s)' % how)
        diags.append('focus after the action: ' + landed)
        problem = None
        if node is None or a.accessible_name(node.obj) != 'Name':
            # Where the focus lands, Tab must lead to the new person's name. It should be on
            # the new person (the editor means to take the worker "straight to its name").
            node, seen = self.tab_to('Name', limit=30, diags=diags)
            diags += ['focus stops: ' + s for s in seen]
            if len(seen) > 2:
                problem = ('the focus did not move to the new person: it stayed on %s, %d '
                           'presses of Tab away from its "Name"' % (landed, len(seen)))
        self.type_into(node, CARED_FOR)
        self.shot('05-cared-for')
        if problem:
            raise StepFailed(problem, diags)
        return diags

    def step_audit_cared_for(self):
        return self.audit()

    def step_search(self):
        a.pump(1.5)   # the editor saves 0.5 s after the last key
        self.kb.key('f', mods=['ctrl'])
        node, desc = self.expect_focus('Search caseload', probe=False)
        self.type_into(node, FAMILY, replace=True)
        diags = ['focus: ' + desc]
        last = {'n': None, 'since': 0}

        def settled():
            items = self.list_items()
            if len(items) != last['n']:
                last['n'], last['since'] = len(items), time.monotonic()
                return None
            return items if len(items) == 1 and time.monotonic() - last['since'] > 0.6 else None
        items = a.wait_for(settled)
        if items is None:
            raise StepFailed('the list does not settle on exactly one item (it has %s)'
                             % last['n'], diags)
        text = self.all_text(items[0])
        diags.append('the item reads: ' + text)
        if FULL_NAME not in text:
            raise StepFailed('the only item does not say %r' % FULL_NAME, diags)
        self.shot('06-search')
        return diags

    def step_no_trap(self):
        diags, unnamed, toolkit_only = [], [], []
        start, _ = self.expect_focus('Search caseload', probe=False)

        def stop(label):
            node, how = self.focus(probe=True)
            if node is None:
                diags.append('%s: (%s)' % (label, how))
                return None
            desc = self.record_stop(node, how)
            diags.append('%s: %s' % (label, desc))
            return node
        for sequence in ((['Tab'] * 2, [('Tab', ['shift'])] * 2),
                         ([('Tab', ['shift'])] * 2, ['Tab'] * 2)):
            for part in sequence:
                for k in part:
                    if isinstance(k, tuple):
                        self.kb.key(k[0], mods=k[1])
                        stop('Shift+Tab')
                    else:
                        self.kb.key(k)
                        stop('Tab')
            node, how = self.focus(probe=False)
            if node is None or a.accessible_name(node.obj) != 'Search caseload':
                raise StepFailed('the focus did not come back to "Search caseload" '
                                 '(possible focus trap)', diags)
        for node, how in self.stops:
            if not a.accessible_name(node.obj):
                issue = a.known_toolkit_issue(node)
                if issue:
                    toolkit_only.append('%s -- %s' % (node.describe(), issue))
                else:
                    unnamed.append(node.describe())
        for t in toolkit_only:
            self.toolkit.setdefault(t.split(', at ')[0] + t.split(' -- ', 1)[-1], t)
        if unnamed:
            raise StepFailed('%d focus stop(s) without an accessible name' % len(set(unnamed)),
                             diags + ['unnamed focus stop: ' + u for u in sorted(set(unnamed))])
        return diags

    def step_lock(self):
        self.kb.key('l', mods=['ctrl'])
        entry = self.find_text_field('Passphrase')
        try:
            _, desc = self.expect_focus('Passphrase', timeout=10)
            diags, focus_problem = ['focus: ' + desc], None
        except StepFailed as e:
            diags, focus_problem = [], str(e)
        leaks = []

        def scan():
            leaks.clear()
            for n in a.walk(self.app.accessible):
                for what, value in (('name', n.name), ('description',
                                                       a.safe(lambda: n.obj.description, '')),
                                    ('text', a.text_of(n.obj))):
                    if value and any(p in value for p in PERSONAL):
                        leaks.append('%s %r in %s' % (what, value, n.describe()))
            return not leaks
        a.wait_for(scan, timeout=min(5, a.TIMEOUT), interval=0.5)
        self.shot('07-locked')
        if leaks:
            raise StepFailed('%d object(s) still show personal data after locking' % len(leaks),
                             diags + ['still there: ' + l for l in leaks])
        if focus_problem:
            raise StepFailed('after locking: ' + focus_problem, diags)
        del entry
        return diags

    def step_cli_list(self):
        self.app.stop()
        carers = a.cli_json(self.cli, self.profile, self.tmp, 'list', '--json',
                            '--search', FAMILY)
        names = [c.get('name') for c in carers]
        if names != [FULL_NAME]:
            raise StepFailed('expected exactly [%r], the CLI lists %r' % (FULL_NAME, names))
        self.carer_id = carers[0]['id']
        return ['carer %s (%s)' % (carers[0].get('reference'), self.carer_id)]

    def step_cli_show(self):
        record = a.cli_json(self.cli, self.profile, self.tmp, 'show', self.carer_id, '--json')
        fields = record['carer']['fields']
        people = [p['fields'].get('name') for p in record.get('cared_for', [])
                  if not p.get('deleted')]
        diags = ['postcode %r, phone %r, cared for %r' % (fields.get('postcode'),
                                                        fields.get('phone'), people)]
        problems = []
        if fields.get('given_name') != GIVEN or fields.get('family_name') != FAMILY:
            problems.append('name %r %r' % (fields.get('given_name'), fields.get('family_name')))
        if fields.get('postcode') != GOOD_POSTCODE:
            problems.append('postcode %r' % fields.get('postcode'))
        if fields.get('phone') != PHONE:
            problems.append('phone %r' % fields.get('phone'))
        if people != [CARED_FOR]:
            problems.append('cared for %r' % people)
        if problems:
            raise StepFailed('stored record differs: ' + '; '.join(problems), diags)
        return diags


def main():
    tap = a.Tap([d for _, d in STEPS])
    tmp_holder = tempfile.TemporaryDirectory(prefix='carefield-a11y-')
    scenario = Scenario(tap, tmp_holder.name)

    def cleanup():
        scenario.kb.release_all()
        if scenario.app is not None:
            scenario.app.stop()

    a.install_signal_handlers(cleanup)
    critical = {'start', 'unlock-focus', 'unlock', 'new'}
    independent = {'cli-list', 'cli-show', 'toolkit'}
    started = time.monotonic()
    try:
        for key, description in STEPS:
            if key == 'toolkit':
                issues = sorted(scenario.toolkit.values())
                if issues:
                    tap.emit(False, description, issues,
                             directive='TODO not the app\'s own widgets; see the reply/notes')
                else:
                    tap.emit(True, description)
                continue
            if scenario.blocked and key not in independent:
                tap.emit(True, description, directive='SKIP ' + scenario.blocked)
                continue
            if key == 'cli-show' and not hasattr(scenario, 'carer_id'):
                tap.emit(True, description, directive='SKIP no carer id from the CLI list')
                continue
            step = getattr(scenario, 'step_' + key.replace('-', '_'))
            t0 = time.monotonic()
            try:
                if key in ('cli-list',) and scenario.blocked:
                    raise StepFailed('nothing to check: ' + scenario.blocked)
                diags = step() or []
                tap.emit(True, description, diags + ['%.1f s' % (time.monotonic() - t0)])
            except StepFailed as e:
                scenario.shot('failed-' + key)
                tap.emit(False, description, [str(e)] + e.diagnostics
                         + ['%.1f s' % (time.monotonic() - t0)])
                if key in critical:
                    scenario.blocked = 'after "%s" failed' % description
            except Exception:
                scenario.shot('failed-' + key)
                lines = a.format_exception()
                if scenario.app is not None and not scenario.app.alive():
                    lines += ['the application is no longer running (status %s)'
                              % scenario.app.proc.returncode] + scenario.app.log_tail()
                tap.emit(False, description, lines)
                if key in critical or (scenario.app is not None and not scenario.app.alive()
                                       and key not in independent):
                    scenario.blocked = 'after "%s" failed' % description
    finally:
        cleanup()
        a.finish_run(tap, scenario.app, started)
        tmp_holder.cleanup()
    return 1 if tap.failures else 0


if __name__ == '__main__':
    sys.exit(main())
