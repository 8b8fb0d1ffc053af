#!/usr/bin/python3
# test-a11y-walk.py: every page and dialog a user can reach, each walked whole through AT-SPI
#
# Copyright 2026 The Carefield authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run as test-a11y.py is (see there and tests/a11y/meson.build): Debian's /usr/bin/python3 with
# python3-pyatspi, one X display and one session bus, CAREFIELD_APP and CAREFIELD_CLI set;
# --conflicts PATH names the a11y-conflicts helper (built beside this test). Prints TAP.
# Optional: CAREFIELD_A11Y_TIMEOUT, CAREFIELD_A11Y_KEYS=xdotool, CAREFIELD_A11Y_SCREENSHOTS=DIR,
# CAREFIELD_A11Y_STRICT=1 (unnamed controls inside toolkit widgets fail too, not only TODO),
# CAREFIELD_A11Y_WALK_DEBUG=1 (how many objects each page walked under each GtkStack page);
# --skip STEP,STEP leaves steps out, for debugging.
#
# A demo caseload (CLI gen-demo) with a carer who has everything: a finished assessment, an
# agreed support plan, an emergency plan, a direct payment and reviews; sync conflicts are put
# on that carer by a11y-conflicts, as a sync would. Then every page and dialog is visited:
# the unlock page, the caseload under each filter, the main menu, the sync popover, the
# conflicts dialog, the shortcuts window, the about window, preferences (each page, and the
# dialog it opens), the due page, a carer's page (all its sections, a person cared for opened),
# the start dialog, the assessment editor's every section (a finished assessment; of a draft,
# the parts that differ), the support plan, emergency plan, direct payment and reviews pages
# and every dialog their buttons open, the referral dialogs (on an active, a waiting and a
# closed carer; in one, a time that cannot be, so a field is invalid), and the new referral
# form. Dialogs are found by their buttons' words ending in "…", except those for PDFs and
# printing (GTK's file chooser and print dialog). Nothing is saved. On each page or dialog,
# what is on show is walked whole and the walk FAILS on:
#  - a control without an accessible name (no name, no labelled-by relation giving one): one
#    of the control roles (button, toggle, check box, radio, text, spin button, combo box,
#    slider, switch, link, menu item, page tab), or anything else focusable (a list item, a
#    list);
#  - an object marked invalid with no words saying why: no description, no described-by
#    relation, and no status-role label (role status, alert, notification) in the same group;
#  - a window or dialog without a title.
# Each page prints how many objects it walked and how many controls and invalid objects it
# checked. Unnamed objects that are a toolkit widget's own parts, with no API for the
# application to name them in GTK 4.8 / libadwaita 1.2 (cfa11y.known_toolkit_issue, and the
# insides of GtkShortcutsWindow and AdwAboutWindow), are listed in one TODO line instead, as the
# other a11y tests do; with CAREFIELD_A11Y_STRICT=1 they fail too.
#
# Moving about: keyboard shortcuts and Tab/Enter where a user has them (Ctrl+F, Alt+S, Ctrl+D,
# Ctrl+comma, F10, Alt+Left, Alt+P/E/D/V), and AT-SPI actions ("click", a window's own
# "win.show-conflicts"/"win.show-help-overlay"/"window.close") where the way there is not what
# this test is about: the keyboard journeys are test-a11y*.py's. GTK 4.8 implements no
# Component.GrabFocus.
#
# What is on show: GTK 4.8 leaves hidden GtkStack pages in the tree, VISIBLE, with the extents
# they had, and libadwaita 1.2's AdwViewStack likewise (the support view's pages, the
# preferences pages). So among siblings that cover exactly the same area, only the one that a
# point picked in the window (Component.GetAccessibleAtPoint) lands in is walked (walk_shown);
# where the pick tells nothing, all of them are. GTK 4.8 makes a widget's accessible only when
# a client first asks for it, and a point on a widget without one picks nothing: a page shown
# for the first time is picked only once the objects under the point have been asked for
# (_touch_at). (cfa11y.stack_page_hidden, which the other tests use, does not do this, and so
# cannot tell a page never walked from a hidden one.)
# When the application stops (a crash), the step fails and it is started again and unlocked,
# so the pages after it are still walked.

import argparse
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cfa11y as a  # noqa: E402  (first: it keeps G_DEBUG away from GLib in this process)

import pyatspi  # noqa: E402
from cfa11y import StepFailed  # noqa: E402


def _load(name, filename):
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), filename)
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


support = _load('cf_a11y_support', 'test-a11y-support.py')
assessment = support.assessment
plain = support.plain

a.KEYSYMS.setdefault('F10', 0xffc7)

STEPS = [
    ('start', 'a demo caseload (CLI) with a carer who has everything, conflicts put on them; '
              'the application in the AT-SPI registry'),
    ('unlock', 'unlock page, and a wrong passphrase: all named, the invalid entry explained'),
    ('caseload', 'the caseload under each of its eight filters: all named'),
    ('main-menu', 'F10: the main menu, all named'),
    ('sync-popover', 'the sync status popover: all named'),
    ('conflicts', 'the conflicts dialog with three conflicts: all named'),
    ('shortcuts', 'the keyboard shortcuts window: all named'),
    ('about', 'the about window: all named'),
    ('preferences', 'Ctrl+comma: every preferences page, and the dialog it opens: all named'),
    ('due', 'Ctrl+D: the due page, all named'),
    ('carer', 'a carer\'s page, every section, a person cared for opened, the conflicts '
              'notice: all named'),
    ('start-dialog', '"Start Assessment…": the start dialog, all named'),
    ('assessment', 'a finished assessment: every section of the editor, the decision and the '
                   'written record: all named'),
    ('support', 'the support plan, emergency plan, direct payments and reviews pages, and '
                'every dialog they open: all named'),
    ('referral', 'the referral dialogs (re-rate, close; first contact, waiting well call; '
                 'reopen): all named; a wrong time: the field invalid, and explained'),
    ('draft', 'a draft assessment: its first part, decision and written record: all named'),
    ('new-referral', 'Ctrl+N: the new referral form: all named'),
    ('counts', 'objects checked, page by page'),
    ('toolkit', 'unnamed controls inside toolkit widgets (GTK 4.8, libadwaita 1.2)'),
]

FILTERS = ['All carers', 'Waiting for first contact', 'First contact overdue', 'Active',
           'Closed', 'Assessment in progress', 'Not yet synced', 'Conflicts']

# A draft assessment's parts that differ from a finished one's (editable, "Finish Assessment",
# what is missing, no written record yet).
DRAFT_SECTIONS = ['About This Assessment', 'Decision', 'Written Record']

CARER_SECTIONS = ['Referral Status', 'Assessments', 'Support', 'The Carer', 'Contact',
                  'Communication', 'Referral', 'People Cared For', 'History']

# Buttons that open a dialog have a name ending in "…". These open the file chooser or the
# print dialog (GTK's own, and the print code is not this test's), and are left alone.
NOT_OPENED = re.compile(r'PDF|Print', re.I)

CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_ENTRY, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_LINK, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_CHECK_MENU_ITEM,
    pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_TREE_ITEM,
}
if hasattr(pyatspi, 'ROLE_SWITCH'):
    CONTROL_ROLES.add(pyatspi.ROLE_SWITCH)
# Never counted, focusable or not: windows are checked for a title instead, and GTK 4 makes
# every GtkScrolledWindow focusable though the focus goes to what is inside it.
NOT_CONTROLS = {pyatspi.ROLE_APPLICATION, pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW,
                pyatspi.ROLE_DIALOG, pyatspi.ROLE_SCROLL_PANE, pyatspi.ROLE_INVALID,
                pyatspi.ROLE_REDUNDANT_OBJECT}
WINDOW_ROLES = {pyatspi.ROLE_FRAME, pyatspi.ROLE_WINDOW, pyatspi.ROLE_DIALOG}
STATUS_ROLES = {pyatspi.ROLE_STATUS_BAR, pyatspi.ROLE_ALERT, pyatspi.ROLE_NOTIFICATION}

STRICT = os.environ.get('CAREFIELD_A11Y_STRICT') == '1'
DEBUG = bool(os.environ.get('CAREFIELD_A11Y_WALK_DEBUG'))


def is_control(node):
    if node.role in NOT_CONTROLS:
        return False
    return node.role in CONTROL_ROLES or pyatspi.STATE_FOCUSABLE in node.states


def _showing(node, ext):
    if pyatspi.STATE_SHOWING in node.states:
        return True
    if pyatspi.STATE_VISIBLE not in node.states:
        return False
    return ext is None or (ext[2] > 0 and ext[3] > 0)


def _touch_at(obj, x, y, depth=0):
    """Asks for the accessibles of the widgets under (@x, @y) below @obj. GTK 4.8 makes a
    widget's accessible only when a client first asks for it, and until then a point picked
    on it picks nothing: a page never walked cannot be picked."""
    if depth > 60:
        return
    for i in range(a.safe(lambda: obj.childCount, 0) or 0):
        child = a.safe(lambda: obj.getChildAtIndex(i))
        if child is None:
            continue
        e = a.extents(child)
        if e is None or (e[0] <= x < e[0] + e[2] and e[1] <= y < e[1] + e[3]):
            _touch_at(child, x, y, depth + 1)


def _picked(window, ext, members):
    """Which of @members (siblings covering @ext) a point picked in @window lands in; None
    when no pick says."""
    found = _picked_once(window, ext, members)
    if found is None:
        x, y, w, h = ext
        for m in members:
            _touch_at(m.obj, x + w // 2, y + h // 2)
        found = _picked_once(window, ext, members)
    return found


def _picked_once(window, ext, members):
    x, y, w, h = ext
    for px, py in ((x + w // 2, y + h // 2), (x + 3, y + 3), (x + w - 4, y + h - 4)):
        hit = a.safe(lambda: window.queryComponent().getAccessibleAtPoint(
            px, py, pyatspi.WINDOW_COORDS))
        for _ in range(100):
            if hit is None:
                break
            for m in members:
                if hit == m.obj:
                    return m
            hit = a.safe(lambda: hit.parent)
    return None


def walk_shown(root, window, prune=None):
    """cfa11y.walk, keeping to what is on show in @window: objects that are not showing are left
    out with all below them, and of siblings that cover exactly the same area (the pages of a
    GtkStack or AdwViewStack) only the one a picked point lands in is walked. @prune: a further
    predicate on Nodes to leave out."""
    out = []
    stack = [a.Node(root, a.role_name(root), 0, None)]
    while stack:
        node = stack.pop()
        out.append(node)
        if node.depth >= 80:
            continue
        kids = []
        for i in range(a.safe(lambda: node.obj.childCount, 0) or 0):
            child = a.safe(lambda: node.obj.getChildAtIndex(i))
            if child is None:
                continue
            label = a.role_name(child)
            cname = a.safe(lambda: child.name, '')
            if cname and not a.is_placeholder_name(cname):
                label += '(%s)' % cname[:30]
            cn = a.Node(child, '%s/%s[%d]' % (node.path, label, i), node.depth + 1, node)
            if prune is not None and a.safe(lambda: prune(cn), False):
                continue
            # A GtkStackPage has no extents of its own: its child's stand for it.
            inner = a.safe(lambda: child.getChildAtIndex(0)) if cn.name == 'GtkStackPage' \
                else child
            ext = a.extents(inner) if inner is not None else None
            if not _showing(cn, ext):
                continue
            kids.append((cn, ext))
        groups = {}
        for cn, ext in kids:
            if ext is not None and ext[2] > 0 and ext[3] > 0:
                groups.setdefault(ext, []).append(cn)
        hidden, decided = set(), set()
        for ext, members in groups.items():
            if len(members) > 1:
                shown = _picked(window, ext, members)
                if shown is not None:
                    hidden.update(id(m) for m in members if m is not shown)
                    decided.update(id(m) for m in members)
        # A hidden GtkStack page keeps the extents it last had, which need not be those of the
        # page on show now: cfa11y.stack_page_hidden picks a point of the page itself.
        pages = [cn for cn, _ in kids if cn.name == 'GtkStackPage']
        if len(pages) > 1:
            for cn in pages:
                if id(cn) not in decided and a.stack_page_hidden(cn.obj, window):
                    hidden.add(id(cn))
        stack.extend(reversed([cn for cn, _ in kids if id(cn) not in hidden]))
    return out


def text_or_name(obj):
    text = a.text_of(obj)
    if text and text.strip():
        return text.strip()
    name = a.safe(lambda: obj.name, '') or ''
    return '' if a.is_placeholder_name(name) else name.strip()


def invalid_explained(node, shown):
    """How an invalid object says why, or None: its description, a described-by relation, or a
    status-role label with words in the same group (within four levels above it)."""
    desc = a.safe(lambda: node.obj.description, '') or ''
    if desc.strip() and not a.is_placeholder_name(desc):
        return 'description %r' % desc.strip()
    for target in a.relation_targets(node.obj, pyatspi.RELATION_DESCRIBED_BY):
        words = text_or_name(target)
        if words:
            return 'described by %r' % words
    ancestors = list(node.ancestors())[:4]
    for anc in ancestors:
        for other in shown:
            if other.role in STATUS_ROLES and anc in list(other.ancestors())[:8]:
                words = text_or_name(other.obj)
                if words:
                    return 'status label %r in the same group' % words
    return None


def extra_toolkit_issue(node):
    """Toolkit parts cfa11y.known_toolkit_issue does not know."""
    ancestors = list(node.ancestors())
    for anc in ancestors:
        if anc.role == pyatspi.ROLE_COMBO_BOX and a.accessible_name(anc.obj):
            return ('GTK 4.8 GtkDropDown / libadwaita 1.2 AdwComboRow %r: its own parts (the '
                    'item shown, the list) are exposed unnamed' % a.accessible_name(anc.obj))
    return None


class Walk(support.Scenario):
    def __init__(self, tap, tmp, conflicts_tool):
        super().__init__(tap, tmp)
        self.conflicts_tool = conflicts_tool
        self.counts = []          # (page, walked, controls, invalid)
        self.unnamed_toolkit = {}  # kind of issue -> {'n': count, 'examples': [...]}
        self.people = {}          # 'full', 'draft', 'waiting', 'closed' -> carer from list
        self.in_dialog = None     # called with (page, dialog) on each dialog opened
        self.stopped_logs = []    # the output of each run of the application that stopped
        self.problems = []        # this step's, each a line
        self.step_notes = []

    def shot(self, name):
        if self.shots:
            os.makedirs(self.shots, exist_ok=True)
            a.screenshot(os.path.join(self.shots, 'walk-' + name + '.png'))

    # Auditing ---------------------------------------------------------------------------------

    def check(self, page, root=None, window=None, toolkit_scope=None, prune=None,
              expect=None):
        """Walks what is on show under @root in @window and records the page's problems (they
        fail the step at its end, so one page's problem does not stop the walk). @toolkit_scope:
        the reason every unnamed control here is a toolkit widget's own (a window the toolkit
        builds). @expect: texts that must be on show, to know the page is the one meant."""
        root = root or self.win
        window = window or self.win
        t0 = time.monotonic()
        nodes = walk_shown(root, window, prune=prune)
        controls = [n for n in nodes if is_control(n)]
        invalid = [n for n in nodes if n.states & a.INVALID_STATES]
        unnamed = []
        for n in controls:
            if a.accessible_name(n.obj):
                continue
            scoped = toolkit_scope(n) if callable(toolkit_scope) else toolkit_scope
            issue = scoped or a.known_toolkit_issue(n) or extra_toolkit_issue(n)
            if issue and not STRICT:
                # One line a kind of issue: how many, and a few of them.
                kind = re.sub(r"'[^']*'", "'…'", issue)
                entry = self.unnamed_toolkit.setdefault(kind, {'n': 0, 'examples': []})
                entry['n'] += 1
                example = '%s: %s' % (page, n.describe().split(', at ')[0])
                if len(entry['examples']) < 3 and example not in entry['examples']:
                    entry['examples'].append(example)
            else:
                unnamed.append((n, issue))
        for line in a.group(unnamed):
            self.problems.append('%s: unnamed: %s' % (page, line))
        explained = []
        for n in invalid:
            why = invalid_explained(n, nodes)
            if why is None:
                self.problems.append('%s: invalid with no words saying why: %s'
                                     % (page, n.describe()))
            else:
                explained.append('%s %r: %s' % (a.role_name(n.obj), a.accessible_name(n.obj),
                                                why))
        if a.role_of(root) in WINDOW_ROLES:
            title = a.safe(lambda: root.name, '') or ''
            if a.is_placeholder_name(title):
                self.problems.append('%s: the window has no title (named %r)' % (page, title))
        if expect:
            texts = {text_or_name(n.obj) for n in nodes}
            missing = [e for e in expect if not any(e in t for t in texts)]
            if missing:
                self.problems.append('%s: not the page meant: %r not on show' % (page, missing))
        self.counts.append((page, len(nodes), len(controls), len(invalid)))
        if DEBUG:
            pages = {}
            for n in nodes:
                top = [x for x in n.ancestors() if x.name == 'GtkStackPage']
                key = top[0].path if top else '(no stack page)'
                pages[key] = pages.get(key, 0) + 1
            self.step_notes += ['  %5d under %s' % (v, k[-90:]) for k, v in pages.items()]
        line = ('%s: %d objects walked, %d controls and %d invalid checked (%.1f s)'
                % (page, len(nodes), len(controls), len(invalid), time.monotonic() - t0))
        self.step_notes.append(line)
        for e in explained:
            self.step_notes.append('  invalid, explained: ' + e)
        return nodes

    # Windows ----------------------------------------------------------------------------------

    def windows(self):
        out = []
        for i in range(a.safe(lambda: self.app.accessible.childCount, 0) or 0):
            w = a.safe(lambda: self.app.accessible.getChildAtIndex(i))
            if w is not None and a.role_of(w) in WINDOW_ROLES and \
                    pyatspi.STATE_VISIBLE in a.states_of(w):
                out.append(w)
        return out

    def new_window(self, before, timeout=None):
        return a.wait_for(lambda: next((w for w in self.windows() if w not in before), None),
                          timeout=timeout)

    def close_window(self, window):
        """Escape, as a user would; a window that stays gets its own "window.close"."""
        self.kb.key('Escape')
        if a.wait_for(lambda: window not in self.windows(), timeout=2):
            return 'Escape'
        self.do_action(window, 'window.close')
        if not a.wait_for(lambda: window not in self.windows(), timeout=5):
            raise StepFailed('the window %r does not close' % a.safe(lambda: window.name))
        return 'window.close (Escape did not close it)'

    @staticmethod
    def do_action(obj, name=None):
        action = obj.queryAction()
        names = [action.getName(i) for i in range(action.nActions)]
        if not names:
            raise StepFailed('%s has no action' % Walk.describe(obj))
        index = names.index(name) if name is not None else 0
        if not action.doAction(index):
            raise StepFailed('the action %r of %s failed' % (names[index], Walk.describe(obj)))
        return names[index]

    def find_shown(self, root, predicate, window=None, prune=None):
        for n in walk_shown(root, window or self.win, prune=prune):
            if a.safe(lambda: predicate(n), False):
                return n
        return None

    def wait_shown(self, root, predicate, what, window=None, timeout=None, prune=None):
        node = a.wait_for(lambda: self.find_shown(root, predicate, window, prune), timeout)
        if node is None:
            raise StepFailed('no ' + what)
        return node

    def dialog_buttons(self, nodes):
        """The buttons among @nodes (a page as walked) whose words end in "…" (they open a
        dialog), one per name, in the order met; those NOT_OPENED left out."""
        seen, out = set(), []
        for n in nodes:
            if n.role != pyatspi.ROLE_PUSH_BUTTON:
                continue
            # The words on the button: GTK 4.8 may name it by its accessible label and its
            # own label together.
            words = next((a.text_of(m.obj) for m in a.walk(n.obj, max_depth=4)
                          if m.role == pyatspi.ROLE_LABEL and a.text_of(m.obj)),
                         None) or plain(a.accessible_name(n.obj))
            if not words.endswith('…') or NOT_OPENED.search(words) or words in seen:
                continue
            seen.add(words)
            out.append((words, n))
        return out

    def open_dialogs(self, page, nodes, skip=()):
        """Opens each dialog button on @page (@nodes: as check() walked it) in turn, walks the
        dialog, closes it."""
        opened = []
        for name, node in self.dialog_buttons(nodes):
            if name in skip:
                continue
            if pyatspi.STATE_SENSITIVE not in a.states_of(node.obj):
                self.step_notes.append('%s: %r is not enabled; not opened' % (page, name))
                continue
            self.open_dialog('%s, %s' % (page, name), node.obj)
            opened.append(name)
        return opened

    def open_dialog(self, page, button):
        before = self.windows()
        self.do_action(button, 'click')
        dialog = self.new_window(before, timeout=5)
        if dialog is None:
            self.problems.append('%s: no window opened' % page)
            return None
        a.pump(0.3)
        self.check(page, dialog, dialog)
        if self.in_dialog is not None:
            self.in_dialog(page, dialog)
        how = self.close_window(dialog)
        self.step_notes.append('  closed with ' + how)
        return dialog

    def wrong_time(self, page, dialog):
        """In a dialog with a "When" field: Alt+W, a time that cannot be, and the dialog is
        walked again: the field must be invalid, and say why."""
        when = self.find_shown(dialog, lambda n: n.role in a.TEXT_ROLES and
                               a.accessible_name(n.obj).startswith('When'), dialog)
        if when is None:
            return
        self.kb.key('w', mods=['alt'])
        self.kb.key('a', mods=['ctrl'])
        self.kb.type('31/02/2026 25:00')
        if not a.wait_for(lambda: a.invalid_state_names(a.states_of(when.obj)), timeout=5):
            self.problems.append('%s: "When" holds %r and is not marked invalid'
                                 % (page, a.text_of(when.obj)))
        self.check(page + ', a time that cannot be', dialog, dialog)

    # Steps ------------------------------------------------------------------------------------

    def pick_people(self):
        carers = a.cli_json(self.cli, self.profile, self.tmp, 'list', '--json')
        found, seen = {}, []
        for c in carers:
            if 'waiting' not in found and c.get('status') == 'waiting':
                found['waiting'] = c
            if 'closed' not in found and c.get('status') == 'closed':
                found['closed'] = c
            if c.get('status') != 'active' or ('full' in found and 'draft' in found):
                continue
            record = a.cli_json(self.cli, self.profile, self.tmp, 'show', c['id'], '--json')
            states = [x.get('assessment', {}).get('fields', {}).get('status')
                      for x in record.get('assessments', [])]
            has = [k for k in ('support_plans', 'emergency_plan', 'direct_payments', 'reviews')
                   if record.get(k)]
            seen.append('%s: assessments %r, %s' % (c['reference'], states, ', '.join(has)))
            if 'full' not in found and 'finished' in states and len(has) == 4:
                c['_record'] = record
                found['full'] = c
            elif 'draft' not in found and states and set(states) == {'draft'}:
                found['draft'] = c
        return found, seen

    def step_start(self):
        a.run_cli(self.cli, self.profile, self.tmp, 'init', '--user', support.DECIDED_BY)
        seen = []
        # gen-demo is the same for a seed (only the ids differ): seed 11's 40 carers have one
        # with everything. Others are added should that change.
        for seed in ('11', '16', '18', '29'):
            a.run_cli(self.cli, self.profile, self.tmp, 'gen-demo', '--carers', '40',
                      '--seed', seed)
            self.people, seen = self.pick_people()
            if len(self.people) == 4:
                break
        missing = [k for k in ('full', 'draft', 'waiting', 'closed') if k not in self.people]
        if missing:
            raise StepFailed('gen-demo made no carer for %s' % ', '.join(missing), seen)
        full = self.people['full']
        record = full.pop('_record')
        fields = record['carer']['fields']
        self.carer = full
        self.given = fields.get('preferred_name') or fields.get('given_name')
        env = a.isolated_env(self.tmp)
        env['CAREFIELD_PASSPHRASE'] = a.PASSPHRASE
        env['CAREFIELD_NOW'] = a.NOW
        res = subprocess.run([self.conflicts_tool, self.profile, full['id']], env=env,
                               capture_output=True, timeout=60)
        if res.returncode != 0:
            raise StepFailed('a11y-conflicts failed', (res.stdout + res.stderr).decode(
                'utf-8', 'replace').splitlines())
        settings = os.path.join(env['XDG_CONFIG_HOME'], 'gtk-4.0')
        os.makedirs(settings, exist_ok=True)
        with open(os.path.join(settings, 'settings.ini'), 'w') as f:
            f.write('[Settings]\ngtk-enable-animations=false\n')
        t0 = time.monotonic()
        self.start_app()
        return ['carers: ' + ', '.join('%s %s (%s)' % (k, c['reference'], c['status'])
                                       for k, c in sorted(self.people.items())),
                res.stdout.decode('utf-8', 'replace').strip(),
                'found after %.1f s' % (time.monotonic() - t0)]

    def start_app(self):
        self.app = a.App(self.app_path, self.profile, self.tmp)
        self.app.start()
        if self.app.find_accessible() is None:
            raise StepFailed('no application named "carefield" (pid %d) on the AT-SPI desktop'
                             % self.app.proc.pid, self.app.log_tail())
        self.win = a.wait_for(self.app.window)
        if self.win is None:
            raise StepFailed('the application has no window')
        self.carers = self.filter_combo = None

    def restart(self):
        """After the application stopped: starts it again and unlocks, so the pages after the
        one that stopped it are still walked. The output of the run that stopped is kept."""
        self.stopped_logs.append(self.app.log_text())
        self.app.stop()
        self.start_app()
        entry = self.wait_shown(self.win, lambda n: n.role in a.TEXT_ROLES and
                                a.accessible_name(n.obj) == 'Passphrase',
                                'text field named "Passphrase"')
        a.wait_for(lambda: pyatspi.STATE_ACTIVE in a.states_of(self.win), timeout=5)
        self.kb.type(a.PASSPHRASE)
        a.wait_for(lambda: a.char_count(entry.obj) == len(a.PASSPHRASE), timeout=5)
        self.kb.key('Return')
        self.search = self.wait_shown(self.win, lambda n: n.role in a.TEXT_ROLES and
                                      a.accessible_name(n.obj) == 'Search caseload',
                                      'caseload with a "Search caseload" entry',
                                      timeout=30).obj

    def step_unlock(self):
        entry = self.wait_shown(self.win, lambda n: n.role in a.TEXT_ROLES and
                                a.accessible_name(n.obj) == 'Passphrase',
                                'text field named "Passphrase"')
        a.wait_for(lambda: pyatspi.STATE_ACTIVE in a.states_of(self.win), timeout=5)
        self.check('Unlock page', expect=['Passphrase'])
        self.kb.type('not the passphrase')
        if not a.wait_for(lambda: a.char_count(entry.obj) == len('not the passphrase'),
                          timeout=5):
            raise StepFailed('what was typed did not land in "Passphrase"')
        self.kb.key('Return')
        if not a.wait_for(lambda: a.invalid_state_names(a.states_of(entry.obj)), timeout=10):
            raise StepFailed('a wrong passphrase did not mark "Passphrase" invalid')
        self.check('Unlock page, wrong passphrase')
        self.kb.key('a', mods=['ctrl'])
        self.kb.type(a.PASSPHRASE)
        if not a.wait_for(lambda: a.char_count(entry.obj) == len(a.PASSPHRASE), timeout=5):
            raise StepFailed('the passphrase did not land in "Passphrase"')
        self.kb.key('Return')
        search = self.wait_shown(self.win, lambda n: n.role in a.TEXT_ROLES and
                                 a.accessible_name(n.obj) == 'Search caseload',
                                 'caseload with a "Search caseload" entry', timeout=30)
        self.search = search.obj

    def caseload_rows(self):
        """The rows the caseload list shows (the list itself is found once)."""
        if getattr(self, 'carers', None) is None:
            self.carers = self.wait_shown(self.win, lambda n: n.role in a.LIST_ROLES and
                                          n.name == 'Carers', 'list named "Carers"').obj
        return [c for c in self.carers if a.role_of(c) == pyatspi.ROLE_LIST_ITEM
                and pyatspi.STATE_VISIBLE in a.states_of(c)]

    def filter_shown(self):
        """What the filter shows as chosen (the drop-down is found once)."""
        if getattr(self, 'filter_combo', None) is None:
            self.filter_combo = self.wait_shown(
                self.win, lambda n: n.role == pyatspi.ROLE_COMBO_BOX and
                a.accessible_name(n.obj) == 'Show', 'drop-down named "Show"').obj
        # Its own button only, not the list in its popover.
        button = a.safe(lambda: self.filter_combo.getChildAtIndex(0))
        for n in a.walk(button or self.filter_combo, max_depth=8):
            if n.role == pyatspi.ROLE_LABEL and a.text_of(n.obj) in FILTERS:
                return a.text_of(n.obj)
        return None

    def choose_filter(self, index):
        """Alt+S (the "Show" label's mnemonic) opens the filter's list; Home, Down, Enter."""
        self.kb.key('s', mods=['alt'], settle=0.3)
        self.kb.key('Home', settle=0.1)
        for _ in range(index):
            self.kb.key('Down', settle=0.1)
        self.kb.key('Return', settle=0.2)
        if not a.wait_for(lambda: self.filter_shown() == FILTERS[index], timeout=5):
            raise StepFailed('Alt+S, Home, Down ×%d, Enter: the filter shows %r, not %r'
                             % (index, self.filter_shown(), FILTERS[index]))
        last = {'n': None, 'at': 0}

        def settled():
            n = len(self.caseload_rows())
            if n != last['n']:
                last['n'], last['at'] = n, time.monotonic()
                return False
            return time.monotonic() - last['at'] > 0.4
        a.wait_for(settled, timeout=10, interval=0.1)
        return last['n']

    def step_caseload(self):
        rows = {}
        for i, name in enumerate(FILTERS):
            rows[name] = self.choose_filter(i)
            self.check('Caseload, "%s" (%d carers)' % (name, rows[name]))
        if not rows.get('Conflicts'):
            self.problems.append('the "Conflicts" filter shows no carer: the conflicts were '
                                 'not put in the profile')
        self.choose_filter(0)

    def popover_items(self, role):
        return [n for n in walk_shown(self.win, self.win)
                if n.role == role and any(anc.name in ('GtkPopoverMenu', 'GtkPopover')
                                          for anc in n.ancestors())]

    def step_main_menu(self):
        self.kb.key('Escape')
        self.kb.key('F10', settle=0.3)
        items = a.wait_for(lambda: self.popover_items(pyatspi.ROLE_MENU_ITEM), timeout=5)
        if not items:
            raise StepFailed('F10 opened no menu')
        self.check('Main menu', expect=['About Carefield'])
        self.step_notes.append('items: ' + ', '.join(a.accessible_name(n.obj) for n in items))
        self.kb.key('Escape')
        a.wait_for(lambda: not self.popover_items(pyatspi.ROLE_MENU_ITEM), timeout=5)

    def sync_button(self):
        return self.wait_shown(self.win, lambda n: n.role == pyatspi.ROLE_PUSH_BUTTON and
                               a.accessible_name(n.obj).startswith('Sync: ') and
                               a.n_actions(n.obj) > 0, 'button named "Sync: …"')

    def step_sync_popover(self):
        button = self.sync_button()
        self.do_action(button.obj, 'click')
        inside = a.wait_for(lambda: self.popover_items(pyatspi.ROLE_PUSH_BUTTON), timeout=5)
        if not inside:
            raise StepFailed('clicking %r opened no popover with a button in it'
                             % a.accessible_name(button.obj))
        self.check('Sync status popover')
        self.kb.key('Escape')
        a.wait_for(lambda: not self.popover_items(pyatspi.ROLE_PUSH_BUTTON), timeout=5)

    def step_conflicts(self):
        before = self.windows()
        self.do_action(self.win, 'win.show-conflicts')
        dialog = self.new_window(before, timeout=5)
        if dialog is None:
            raise StepFailed('"win.show-conflicts" opened no window')
        self.wait_shown(dialog, lambda n: n.role == pyatspi.ROLE_PUSH_BUTTON and
                        plain(a.accessible_name(n.obj)).startswith('Resolve'),
                        'conflict with a "Resolve" button', window=dialog)
        self.check('Conflicts dialog', dialog, dialog, expect=['3 conflicts'])
        self.close_window(dialog)

    def step_shortcuts(self):
        before = self.windows()
        self.do_action(self.win, 'win.show-help-overlay')
        window = self.new_window(before, timeout=5)
        if window is None:
            raise StepFailed('"win.show-help-overlay" opened no window')
        a.pump(0.3)
        def search_button(node):
            # Its header's search button, an image in a button, and nothing else of GTK's.
            if node.role == pyatspi.ROLE_PUSH_BUTTON and node.name == 'GtkImage' and \
                    node.depth <= 6:
                return ('GTK 4.8 GtkShortcutsWindow: its search button is an unnamed image '
                        'button')
            return None
        self.check('Keyboard shortcuts window', window, window, toolkit_scope=search_button,
                   expect=['Search the caseload'])
        self.close_window(window)

    def step_about(self):
        self.kb.key('F10', settle=0.3)
        items = a.wait_for(lambda: self.popover_items(pyatspi.ROLE_MENU_ITEM), timeout=5)
        about = next((n for n in items or [] if a.accessible_name(n.obj) == 'About Carefield'),
                     None)
        if about is None:
            raise StepFailed('no "About Carefield" in the main menu')
        before = self.windows()
        self.do_action(about.obj, 'click')
        window = self.new_window(before, timeout=5)
        if window is None:
            raise StepFailed('"About Carefield" opened no window')
        a.pump(0.3)
        self.check('About window', window, window, expect=['Carefield'],
                   toolkit_scope='libadwaita 1.2 AdwAboutWindow: its own version button and '
                                 'lists are unnamed; Carefield only gives it words')
        self.close_window(window)

    def step_preferences(self):
        before = self.windows()
        self.kb.key(',', mods=['ctrl'])
        window = self.new_window(before, timeout=5)
        if window is None:
            raise StepFailed('Ctrl+comma opened no window')
        tabs = a.wait_for(lambda: [n for n in walk_shown(window, window)
                                   if n.role == pyatspi.ROLE_PAGE_TAB], timeout=5)
        names = []
        for tab in tabs or []:
            name = a.accessible_name(tab.obj)
            if name in names:
                continue     # the view switcher bar at the bottom, for narrow windows
            names.append(name)
            self.do_action(tab.obj, 'click')
            a.wait_for(lambda: pyatspi.STATE_SELECTED in a.states_of(tab.obj)
                       or pyatspi.STATE_CHECKED in a.states_of(tab.obj), timeout=3)
            a.pump(0.3)
            nodes = self.check('Preferences, %s' % name, window, window)
            self.open_dialogs('Preferences, %s' % name, nodes, skip=('Sign In…',))
        if not names:
            self.check('Preferences', window, window)
        self.step_notes.append('pages: %r' % names)
        self.close_window(window)

    def step_due(self):
        self.kb.key('d', mods=['ctrl'])
        self.wait_shown(self.win, lambda n: n.role == pyatspi.ROLE_LABEL and
                        a.text_of(n.obj) == 'Due Soon and Overdue', '"Due Soon and Overdue"')
        a.pump(0.5)
        self.check('Due page', expect=['Due Soon and Overdue'])

    def open_person(self, key):
        self.carer = self.people[key]
        self.search_and_open()
        self.wait_shown(self.win, lambda n: n.role == pyatspi.ROLE_LABEL and
                        a.text_of(n.obj) == self.carer['reference'],
                        'page of carer %s' % self.carer['reference'])
        a.pump(0.5)

    def expand_cared_for(self):
        """Tabs to the first person cared for (an expander row's header) and opens it."""
        lst = self.find_shown(self.win, lambda n: n.role == pyatspi.ROLE_LIST and
                              n.name == 'People Cared For')
        if lst is None:
            return None
        # From the button just before the people, not from the top of the page: most of the
        # way is entry rows, which say nothing of the focus (GTK 4.8), each a wait.

        # libadwaita 1.2: the header of an AdwExpanderRow is a list item without EXPANDABLE.
        def header(obj):
            if a.role_of(obj) != pyatspi.ROLE_LIST_ITEM or not a.accessible_name(obj):
                return False
            return any(anc.obj == lst.obj for anc in a.node_for(obj).ancestors())
        f, _ = self.until(header, limit=60, what='a person cared for')
        self.kb.key('space', settle=0.3)
        # Open: the person's own fields are on show.
        if not a.wait_for(lambda: self.find_shown(lst.obj, lambda n: n.role in a.TEXT_ROLES),
                          timeout=3):
            self.problems.append('space on %r opened nothing' % a.accessible_name(f))
        return a.accessible_name(f)

    def step_carer(self):
        self.open_person('full')
        nodes = self.check('Carer page, %s' % self.carer['reference'],
                           expect=['Resolve conflicting changes'])
        headings = {text_or_name(n.obj) for n in nodes if n.role == pyatspi.ROLE_LABEL}
        missing = [s for s in CARER_SECTIONS if s not in headings]
        self.step_notes.append('sections: %s' % ', '.join(s for s in CARER_SECTIONS
                                                          if s in headings))
        if missing:
            self.problems.append('carer page: sections not on show: %r' % missing)
        person = self.expand_cared_for()
        if person:
            self.check('Carer page, "%s" opened' % person)
        else:
            self.problems.append('carer page: no person cared for to open')

    def step_referral(self):
        self.in_dialog = self.wrong_time
        opened = []
        try:
            for key in ('full', 'waiting', 'closed'):
                self.open_person(key)
                if key == 'full':
                    nodes = walk_shown(self.win, self.win)    # checked in step_carer
                else:
                    nodes = self.check('Carer page, %s (%s)' % (self.carer['reference'], key))
                opened += self.open_dialogs('Carer %s (%s)' % (self.carer['reference'], key),
                                            nodes, skip=('Start Assessment…', 'Resolve…'))
        finally:
            self.in_dialog = None
        self.step_notes.append('dialogs opened: %r' % opened)
        wanted = ['Re-rate…', 'Close with Information and Advice…', 'Record First Contact…',
                  'Waiting Well Call…', 'Reopen…']
        missing = [w for w in wanted if w not in opened]
        if missing:
            self.problems.append('referral dialogs not found: %r' % missing)

    def step_start_dialog(self):
        self.open_person('full')
        button = self.wait_shown(self.win, lambda n: n.role == pyatspi.ROLE_PUSH_BUTTON and
                                 plain(a.accessible_name(n.obj)).startswith('Start Assessment…'),
                                 '"Start Assessment…" button')
        self.open_dialog('Start an Assessment', button.obj)

    def open_assessment(self):
        """Tab to the carer's (first) assessment and Enter: the editor and its sidebar."""
        def row(obj):
            return (a.role_of(obj) == pyatspi.ROLE_LIST_ITEM and
                    a.accessible_name(obj).startswith('Carer’s assessment'))
        self.until(row, limit=60, what='the carer\'s assessment')
        self.press('Return', wait=2.0)
        node = self.wait_shown(self.win, lambda n: n.role in a.LIST_ROLES and
                               n.name == 'Parts of the assessment',
                               'list named "Parts of the assessment"')
        self.sidebar = node.obj
        editor = next((anc for anc in node.ancestors() if anc.name == 'CfAssessmentEditor'),
                      None)
        self.editor = editor.obj if editor is not None else self.win

    def walk_sections(self, label, only=None):
        """Each part of the assessment in turn, chosen in the sidebar with the arrow keys, and
        walked (those in @only, if given)."""
        f = self.to_sidebar()
        for _ in range(len(assessment.SIDEBAR) + 2):
            if self.sidebar_rows() and f == self.sidebar_rows()[0]:
                break
            f = self.press('Up')
        walked = []
        for i, title in enumerate(assessment.SIDEBAR):
            if i > 0:
                f = self.press('Down')
            name = a.accessible_name(f) if f is not None else ''
            if not (name == title or name.startswith(title + ' ')):
                raise StepFailed('the sidebar row after %r is %r, not %r'
                                 % (assessment.SIDEBAR[i - 1] if i else None, name, title))
            if only is not None and title not in only:
                continue
            a.wait_for(lambda: pyatspi.STATE_SELECTED in a.states_of(f), timeout=3)
            nodes = self.check('%s, %s' % (label, title), self.editor)
            walked.append(title)
            self.open_dialogs('%s, %s' % (label, title), nodes)
            if self.focus is None or not self.in_sidebar(self.focus):
                f = self.to_sidebar()
        return walked

    def step_assessment(self):
        self.open_person('full')
        self.open_assessment()
        walked = self.walk_sections('Finished assessment')
        self.step_notes.append('sections: %d' % len(walked))

    def step_support(self):
        # Opened again, so the focus starts at the top of the carer's page.
        self.open_person('full')
        row = self.wait_shown(self.win, lambda n: n.role == pyatspi.ROLE_LIST_ITEM and
                              plain(a.accessible_name(n.obj)) == 'Support Plan',
                              'row "Support Plan" on the carer\'s page')
        self.plan_row = row.obj
        self.step_support_row()
        for title, letter in support.PAGES:
            self.switch_page(title, letter)
            a.pump(0.5)
            page = '%s page' % title
            nodes = self.check(page, self.view, prune=self.page_pruner())
            self.open_dialogs(page, nodes)

    def page_pruner(self):
        """The support view's pages other than the one chosen, by their type names (see
        test-a11y-support.py, Scenario.pruner)."""
        chosen = [t for t, o in self.tabs.items() if self.checked(o)]
        keep = support.PAGE_TYPES.get(chosen[0]) if len(chosen) == 1 else None

        def prune(node):
            return (keep is not None and node.name in support.PAGE_TYPES.values()
                    and node.name != keep)
        return prune

    def step_draft(self):
        # The parts whose controls differ from a finished assessment's: the rest are the same
        # pages, walked above (and each walk of them here took as long as it would there).
        self.open_person('draft')
        self.open_assessment()
        walked = self.walk_sections('Draft assessment', only=DRAFT_SECTIONS)
        self.step_notes.append('sections: %r' % walked)

    def try_restart(self, key):
        """Lines for the report; blocks the rest if the application cannot be started again."""
        if key in ('start', 'unlock'):
            self.blocked = 'the application stopped'
            return []
        try:
            self.restart()
            return ['the application was started again for the steps that follow']
        except Exception as e:
            self.blocked = 'the application stopped, and did not start again'
            return ['starting it again failed: %s' % e]

    def step_new_referral(self):
        self.kb.key('n', mods=['ctrl'])
        self.wait_shown(self.win, lambda n: n.role in a.TEXT_ROLES and
                        a.accessible_name(n.obj) == 'Given Name' and
                        not a.text_of(n.obj), 'empty "Given Name" field')
        a.pump(0.5)
        self.check('New referral form')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--conflicts', required=True)
    parser.add_argument('--skip', default='', help='steps to leave out, for debugging: a,b')
    args = parser.parse_args()
    skipped = set(k for k in args.skip.split(',') if k)
    tap = a.Tap([d for _, d in STEPS])
    tmp_holder = tempfile.TemporaryDirectory(prefix='carefield-a11y-walk-')
    scenario = Walk(tap, tmp_holder.name, args.conflicts)

    def cleanup():
        scenario.kb.release_all()
        if scenario.app is not None:
            scenario.app.stop()

    a.install_signal_handlers(cleanup)
    started = time.monotonic()
    try:
        for key, description in STEPS:
            if key == 'counts':
                lines = ['%-70s %5d walked %4d controls %3d invalid' % c
                         for c in scenario.counts]
                total = [sum(c[i] for c in scenario.counts) for i in (1, 2, 3)]
                lines.append('%d pages: %d objects walked, %d controls and %d invalid checked'
                             % (len(scenario.counts), *total))
                tap.emit(bool(scenario.counts), description, lines)
                continue
            if key == 'toolkit':
                issues = ['%s: %d object(s), e.g. %s' % (kind, e['n'], '; '.join(e['examples']))
                          for kind, e in sorted(scenario.unnamed_toolkit.items())]
                if issues:
                    tap.emit(False, description, issues,
                             directive='TODO not Carefield\'s own widgets; see the notes')
                else:
                    tap.emit(True, description)
                continue
            if scenario.blocked or key in skipped:
                tap.emit(True, description, directive='SKIP ' + (scenario.blocked or '--skip'))
                continue
            step = getattr(scenario, 'step_' + key.replace('-', '_'))
            scenario.problems, scenario.step_notes = [], []
            t0 = time.monotonic()
            try:
                diags = step() or []
                took = '%.1f s' % (time.monotonic() - t0)
                if scenario.problems:
                    scenario.shot('failed-' + key)
                    tap.emit(False, description, ['%d problem(s):' % len(scenario.problems)]
                             + scenario.problems + diags + scenario.step_notes + [took])
                else:
                    tap.emit(True, description, diags + scenario.step_notes + [took])
            except StepFailed as e:
                scenario.shot('failed-' + key)
                lines = [str(e)] + e.diagnostics + scenario.problems + scenario.step_notes
                if scenario.app is not None and scenario.app.proc is not None and \
                        not scenario.app.alive():
                    lines += ['the application is no longer running (status %s)'
                              % scenario.app.proc.returncode] + scenario.app.log_tail()
                    lines += scenario.try_restart(key)
                tap.emit(False, description, lines + ['%.1f s' % (time.monotonic() - t0)])
                if key in ('start', 'unlock'):
                    scenario.blocked = 'after "%s" failed' % description
                else:
                    # Whatever was left open goes, so the next page starts from the window.
                    for w in scenario.windows():
                        if w != scenario.win:
                            a.safe(lambda: scenario.do_action(w, 'window.close'))
                    scenario.kb.key('Escape')
            except Exception:
                scenario.shot('failed-' + key)
                lines = a.format_exception()
                if scenario.app is not None and not scenario.app.alive():
                    lines += ['the application is no longer running (status %s)'
                              % scenario.app.proc.returncode] + scenario.app.log_tail()
                    lines += scenario.try_restart(key)
                tap.emit(False, description, lines)
                if key in ('start', 'unlock'):
                    scenario.blocked = 'after "%s" failed' % description
    finally:
        cleanup()
        for log in scenario.stopped_logs:
            warnings = [l for l in log.splitlines() if 'WARNING' in l or 'CRITICAL' in l]
            for w in warnings[:8]:
                tap.diag('a run of the application that stopped printed: ' + w)
        a.finish_run(tap, scenario.app, started)
        tmp_holder.cleanup()
    return 1 if tap.failures else 0


if __name__ == '__main__':
    sys.exit(main())
