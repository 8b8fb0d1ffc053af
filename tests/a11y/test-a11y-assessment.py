#!/usr/bin/python3
# test-a11y-assessment.py: a carer's assessment, from "Start Assessment…" to the written record,
# keyboard only, checked through AT-SPI as a screen reader user meets it
#
# Copyright 2026 The Carefield authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run as test-a11y.py is (see there and tests/a11y/meson.build): Debian's /usr/bin/python3 with
# python3-pyatspi, one X display and one session bus, CAREFIELD_APP and CAREFIELD_CLI set.
# Prints TAP. Optional: CAREFIELD_A11Y_TIMEOUT, CAREFIELD_A11Y_KEYS=xdotool,
# CAREFIELD_A11Y_SCREENSHOTS=DIR.
#
# Every input is a key press through cfa11y.Keyboard; nothing is clicked and no AT-SPI action
# is done. The focus is followed from AT-SPI focus events (EventLog). What is found on the way:
#  - The carer's page: its status actions are a GtkFlowBox. A hidden button in a shown flow box
#    child kept Tab and Shift+Tab on the button before it (GTK 4.8), cutting the page in two
#    for the keyboard; the editor now hides the child with its button. "Start Assessment…" is
#    reached with Tab from where opening the carer leaves the focus, and a trap fails the step.
#  - AdwEntryRow never reports STATE_FOCUSED in GTK 4.8 (see cfa11y.py): a focus stop that
#    sends no focus event is counted but not named. None of the steps type into one.
#  - AdwComboRow in libadwaita 1.2: the chosen value is not part of the row's name or
#    description; it is read from the label inside the row's own list view (combo_value).
#  - Audits walk what is on show only (cfa11y.showing_pruner): with 16 stack pages in the
#    assessment editor a whole-tree walk would take longer than the rest of the test.
#  - The application runs with gtk-enable-animations=false (settings.ini in its own XDG config
#    directory), as for a person who has reduced motion: every AT-SPI call waits on the
#    application's main loop, and animated scrolling and popovers made the test three times
#    as slow.
#  - GTK 4.8 under X11 without a window manager: a popover opened from a row that is still
#    outside the screen (scrolled to, not yet there) makes GDK ask a monitor it has not found
#    for its geometry, a CRITICAL that G_DEBUG=fatal-warnings turns into a crash. A combo row
#    is opened only once it is inside the window (wait_on_screen).

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cfa11y as a  # noqa: E402  (first: it keeps G_DEBUG away from GLib in this process)

import pyatspi  # noqa: E402
from cfa11y import StepFailed  # noqa: E402

STEPS = [
    ('start', 'a demo caseload (CLI), and the application in the AT-SPI registry'),
    ('unlock', 'unlocked with the passphrase: the caseload appears'),
    ('open-carer', 'Ctrl+F, the reference, Enter, Enter: the carer\'s page opens; all named'),
    ('start-button', '"Start Assessment…" reached with Tab; every focus stop named'),
    ('dialog', 'start dialog: kinds and ways are named radio buttons, one of each chosen; '
               'Tab reaches the named date, assessor and people fields'),
    ('audit-dialog', 'start dialog: every interactive object has an accessible name'),
    ('editor', 'Enter starts it: the editor opens on a draft, the dialog gone'),
    ('sidebar', 'Shift+Tab reaches the sidebar; its 16 rows are named with their progress'),
    ('audit-editor', 'editor: every interactive object has an accessible name'),
    ('caring', 'Caring role: Tab into the page, notes typed and kept, a choice made; '
               'all named'),
    ('ability', 'Able and willing: four choices made with arrow keys and Enter'),
    ('health', 'The carer\'s health: "Health deteriorating or at risk" answered'),
    ('outcomes', 'Outcomes: all eight; "Maintaining a habitable home" unable, with a reason'),
    ('audit-outcomes', 'Outcomes page: every interactive object has an accessible name'),
    ('wellbeing', 'Wellbeing: the impact on all nine areas, and a significant impact overall'),
    ('safeguarding-consent', 'Safeguarding and Consent answered; the sidebar proposes '
                             '"Eligible"'),
    ('conditions', 'Decision page: the three conditions say "Met", the proposal "Eligible"'),
    ('use-proposal', '"Use the Proposed Decision": the Decision row reads "Eligible" and has '
                     'the focus'),
    ('missing', '"Finish Assessment" too early: the one missing thing is listed, the button '
                'marked invalid and described by the list'),
    ('finish', '"Decided By" chosen, "Finish Assessment": the status reads "Finished"'),
    ('audit-decision', 'finished Decision page: every interactive object has an accessible name'),
    ('chooser', 'Written Record, "Save as PDF…": the file chooser, its name field focused; '
                'every interactive object of ours named'),
    ('pdf', 'a full path typed, Enter: a PDF that says the carer is eligible for support'),
    ('given', '"How" chosen, "Record That It Was Given": "Last Recorded" changes'),
    ('audit-record', 'Written Record page: every interactive object has an accessible name'),
    ('back', 'Alt+Left: the carer\'s page lists the assessment as "Finished: Eligible"'),
    ('cli', 'stored (CLI show --json): finished, "eligible", decided by, given, the answers'),
    ('toolkit', 'unnamed controls inside toolkit widgets (GTK 4.8, libadwaita 1.2)'),
    ('elsewhere', 'keyboard problems met outside the assessment\'s own code'),
]

TODAY = '18/11/2026'          # cfa11y.NOW, shown day/month/year
PEOPLE = 'Their daughter'
NOTES = 'Helps with washing, dressing and meals every day.'
PDF_WORDS = ('eligible for support',)

SIDEBAR = ['About This Assessment', 'Caring role', 'Able and willing', 'Good days and bad days',
           'The carer’s health', 'Outcomes', 'Wellbeing', 'Work, learning and leisure',
           'Strengths and networks', 'What matters', 'Technology', 'Family', 'Safeguarding',
           'Consent', 'Decision', 'Written Record']

OUTCOMES = [
    ('child-care', 'Carrying out caring responsibilities for a child', 'Does not apply'),
    ('other-care', 'Providing care to other people they care for', 'Can achieve it'),
    ('home', 'Maintaining a habitable home', 'Unable to achieve it'),
    ('nutrition', 'Managing and maintaining nutrition', 'Can achieve it'),
    ('relationships', 'Developing and maintaining family or other personal relationships',
     'Can achieve it'),
    ('work', 'Engaging in work, training, education or volunteering', 'Can achieve it'),
    ('community', 'Using necessary facilities or services in the local community',
     'Can achieve it'),
    ('recreation', 'Engaging in recreational activities', 'Can achieve it'),
]
UNABLE_REASON = 'Cannot achieve it without help'

WELLBEING = [
    ('dignity', 'Personal dignity', 'Some impact'),
    ('health', 'Physical and mental health and emotional wellbeing', 'Significant impact'),
    ('protection', 'Protection from abuse and neglect', 'No impact'),
    ('control', 'Control over day-to-day life', 'Some impact'),
    ('participation', 'Participation in work, education, training or recreation',
     'Some impact'),
    ('social-economic', 'Social and economic wellbeing', 'Some impact'),
    ('relationships', 'Domestic, family and personal relationships', 'Some impact'),
    ('accommodation', 'Suitability of accommodation', 'No impact'),
    ('contribution', 'Contribution to society', 'Some impact'),
]

# Answers as stored (CLI), for what was chosen above.
STORED_CHOICES = {'Yes': 'yes', 'No': 'no', 'Can achieve it': 'achievable',
                  'Unable to achieve it': 'unable', 'Does not apply': 'not-applicable',
                  'No impact': 'none', 'Some impact': 'some',
                  'Significant impact': 'significant', UNABLE_REASON: 'needs-help'}

PROGRESS = re.compile(r'\b(\d+) of (\d+) answered\b')
FOCUS_WAIT = 0.5    # seconds to wait for a focus event after a key; AdwEntryRow sends none


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
        self.toolkit = {}
        self.elsewhere = []
        self.quirks_seen = set()
        self.shots = os.environ.get('CAREFIELD_A11Y_SCREENSHOTS')
        self.blocked = None
        self.carer = None
        self.editor = None
        self.sidebar = None
        self.answers = {}        # key -> stored value, as chosen
        self.done = []           # what the current step has done so far, for its diagnostics
        self.pdf_path = os.path.join(tmp, 'out', 'written-record.pdf')

    # Helpers: the focus --------------------------------------------------------------------

    def shot(self, name):
        if self.shots:
            os.makedirs(self.shots, exist_ok=True)
            a.screenshot(os.path.join(self.shots, 'assessment-' + name + '.png'))

    @property
    def focus(self):
        f = self.app.events.focus
        if f is not None and pyatspi.STATE_FOCUSED not in a.states_of(f):
            return None
        return f

    def press(self, key, mods=(), wait=FOCUS_WAIT):
        """Presses @key and waits (a little) for an object to gain the focus. Returns the object
        with the focus, or None (nothing said it gained it: an AdwEntryRow, or no move)."""
        events = self.app.events
        mark = events.mark()
        self.kb.key(key, mods=list(mods), settle=0)
        lost = {}

        def moved():
            changes = events.since(mark, 'object:state-changed:focused')
            if any(e[1] for e in changes):
                return True
            # GTK sends the loss and the gain together: a loss alone for a while means the
            # focus went where nothing reports it.
            if changes and 'at' not in lost:
                lost['at'] = time.monotonic()
            return 'at' in lost and time.monotonic() - lost['at'] > 0.15
        a.wait_for(moved, timeout=wait, interval=0.01)
        return self.focus

    @staticmethod
    def describe(obj):
        if obj is None:
            return '(no object reports the focus)'
        return '%s %r' % (a.role_name(obj), a.accessible_name(obj) or a.safe(lambda: obj.name))

    def until(self, predicate, key='Tab', mods=(), limit=30, what=None):
        """Presses @key until the focused object satisfies @predicate. Returns (object, stops)
        where stops are the objects with the focus after each press (None where none said)."""
        stops = []
        for _ in range(limit):
            f = self.press(key, mods)
            stops.append(f)
            if f is not None and a.safe(lambda: predicate(f), False):
                return f, stops
        keys = '+'.join(list(mods) + [key])
        raise StepFailed('%s not reached in %d presses of %s' % (what or 'the control', limit,
                                                                 keys),
                         ['focus stops: ' + ', '.join(self.describe(s) for s in stops)])

    def unnamed_stops(self, stops):
        """Focus stops without a name, toolkit ones set aside (and remembered)."""
        unnamed = []
        for s in stops:
            if s is None or a.accessible_name(s):
                continue
            node = a.node_for(s)
            issue = a.known_toolkit_issue(node)
            if issue:
                self.note_toolkit('%s -- %s' % (node.describe(), issue))
            else:
                unnamed.append(node.describe())
        return sorted(set(unnamed))

    def note_toolkit(self, text):
        """Remembers a toolkit issue once per kind: the same issue in every combo row is one
        line, with the count and the first few examples."""
        issue = text.split(' -- ', 1)[-1]
        kind = re.sub(r"'[^']*'", "'…'", issue)
        what = text.split(', at ')[0]
        entry = self.toolkit.setdefault(kind, {})
        entry.setdefault((what, issue), text)

    def toolkit_lines(self):
        lines = []
        for kind in sorted(self.toolkit):
            items = self.toolkit[kind]
            examples = []
            for (what, issue) in items:
                named = re.findall(r"'([^']*)'", issue)
                example = ('%s in %r' % (what, named[0])) if named else what
                if example not in examples:
                    examples.append(example)
            lines.append('%s: %d object(s), e.g. %s' % (kind, len(items),
                                                        '; '.join(examples[:3])))
        return lines

    @staticmethod
    def named(name, description=None):
        def pred(obj):
            return (a.accessible_name(obj) == name and
                    (description is None or a.safe(lambda: obj.description) == description))
        return pred

    @staticmethod
    def button(name):
        return lambda obj: (a.role_of(obj) == pyatspi.ROLE_PUSH_BUTTON
                            and a.name_matches(obj, name))

    # Helpers: reading ----------------------------------------------------------------------

    @staticmethod
    def first_text(obj, depth=6, skip=('GtkPopover',)):
        """The text of the first label under @obj, depth first, reading as little as possible
        (each read is a D-Bus call). Subtrees named in @skip are not entered."""
        stack = [(obj, 0)]
        while stack:
            cur, d = stack.pop()
            role = a.role_of(cur)
            if role == pyatspi.ROLE_LABEL:
                return a.text_of(cur) or a.safe(lambda: cur.name)
            if d >= depth:
                continue
            n = a.safe(lambda: cur.childCount, 0) or 0
            children = []
            for i in range(n):
                c = a.safe(lambda: cur.getChildAtIndex(i))
                if c is None or (role != pyatspi.ROLE_LIST and a.safe(lambda: c.name) in skip):
                    continue
                children.append((c, d + 1))
            stack.extend(reversed(children))
        return None

    @staticmethod
    def child_path(obj, *path):
        for i in path:
            obj = a.safe(lambda: obj.getChildAtIndex(i))
            if obj is None:
                return None
        return obj

    def item_text(self, item):
        """The text of a list item in a combo row's list: list item > panel > label (GTK 4.8),
        else whatever label comes first."""
        label = self.child_path(item, 0, 0)
        if label is not None and a.role_of(label) == pyatspi.ROLE_LABEL:
            return a.text_of(label)
        return self.first_text(item)

    def combo_value(self, combo):
        """What an AdwComboRow shows as chosen: the label in the list view inside the row (not
        the one in its popover). libadwaita 1.2: row > box > [title box, box > [list, ...]]."""
        lst = self.child_path(combo, 0, 1, 0)
        if lst is not None and a.role_of(lst) == pyatspi.ROLE_LIST:
            item = a.safe(lambda: lst.getChildAtIndex(0))
            if item is not None:
                return self.item_text(item)
        stack = [combo]
        while stack:
            cur = stack.pop()
            if a.role_of(cur) == pyatspi.ROLE_LIST:
                return self.first_text(cur)
            n = a.safe(lambda: cur.childCount, 0) or 0
            kids = [a.safe(lambda: cur.getChildAtIndex(i)) for i in range(n)]
            stack.extend(reversed([k for k in kids
                                   if k is not None and a.safe(lambda: k.name) != 'GtkPopover']))
        return None

    @staticmethod
    def related_texts(obj, relation):
        return [a.text_of(t) or a.safe(lambda: t.name, '') or ''
                for t in a.relation_targets(obj, relation)]

    def find(self, root, predicate, what, timeout=None, window=None):
        """Waits for a Node under @root that satisfies @predicate, looking only at what is on
        show in @window (the main window by default): hidden stack pages come first in the
        tree, and the assessment editor alone holds some thousands of objects."""
        prune = a.showing_pruner(window or self.win)
        node = a.wait_for(lambda: a.find_first(root, predicate, prune=prune), timeout)
        if node is None:
            raise StepFailed('no ' + what)
        return node

    def status_text(self):
        """The assessment's status under its title ("Draft", "Finished")."""
        node = a.find_first(self.editor, lambda n: n.role == pyatspi.ROLE_LABEL and
                            (a.text_of(n.obj) or '') in ('Draft', 'Finished')
                            or (a.text_of(n.obj) or '').startswith('Returned for correction'))
        return a.text_of(node.obj) if node else None

    def sidebar_rows(self):
        rows = []
        for i in range(a.safe(lambda: self.sidebar.childCount, 0) or 0):
            row = a.safe(lambda: self.sidebar.getChildAtIndex(i))
            if row is not None and a.role_of(row) == pyatspi.ROLE_LIST_ITEM:
                rows.append(row)
        return rows

    def sidebar_name(self, title):
        for row in self.sidebar_rows():
            name = a.accessible_name(row)
            if name == title or name.startswith(title + ' '):
                return name
        return None

    def in_sidebar(self, obj):
        return (a.role_of(obj) == pyatspi.ROLE_LIST_ITEM
                and a.safe(lambda: obj.parent) == self.sidebar)

    def audit(self, root=None, window=None):
        """audit_names on what is on show under @root, in @window (the main window unless
        @root is a window of its own)."""
        root = root or self.win
        offenders, toolkit, quirks = a.audit_names(root,
                                                   prune=a.showing_pruner(window or self.win))
        for t in toolkit:
            self.note_toolkit(t)
        new = [q for q in quirks if q.split(', at ')[0] not in self.quirks_seen]
        self.quirks_seen.update(q.split(', at ')[0] for q in quirks)
        notes = ['note: %s' % q for q in new]
        if offenders:
            raise StepFailed('%d interactive object(s) without an accessible name'
                             % len(offenders),
                             ['unnamed: ' + o for o in offenders] + notes)
        return notes

    # Helpers: the assessment -----------------------------------------------------------------

    def to_sidebar(self, forward=False):
        """Moves the focus back to the sidebar with Shift+Tab (Escape first, should a popover
        be open). @forward: with Tab, round through the caseload and the header: shorter from
        the end of a long page."""
        f = self.focus
        if f is not None and self.in_sidebar(f):
            return f
        if f is not None and a.role_of(f) == pyatspi.ROLE_LIST_ITEM and not self.in_sidebar(f):
            if a.safe(lambda: f.parent.parent.parent.name) == 'GtkPopover':
                self.press('Escape')
        f, _ = self.until(self.in_sidebar, mods=[] if forward else ['shift'], limit=45,
                          what='the sidebar')
        return f

    def open_section(self, title):
        """Selects @title in the sidebar with the arrow keys (the page follows) and Tabs into
        its page. Returns the first control of the page that reports the focus."""
        f = self.to_sidebar()
        want = SIDEBAR.index(title)
        for _ in range(len(SIDEBAR) + 2):
            name = a.accessible_name(f)
            here = next((i for i, t in enumerate(SIDEBAR)
                         if name == t or name.startswith(t + ' ')), None)
            if here is None:
                raise StepFailed('the sidebar row %r is not a part of the assessment' % name)
            if here == want:
                break
            f = self.press('Down' if want > here else 'Up')
            if f is None or not self.in_sidebar(f):
                raise StepFailed('an arrow key took the focus out of the sidebar, to %s'
                                 % self.describe(f))
        else:
            raise StepFailed('%r not reached in the sidebar with the arrow keys' % title)
        if not a.wait_for(lambda: pyatspi.STATE_SELECTED in a.states_of(f), timeout=3):
            raise StepFailed('the sidebar row %r has the focus but is not selected'
                             % a.accessible_name(f))
        return self.press('Tab')

    def choose(self, combo, wanted, limit=8):
        """Opens the combo row with the focus (space), moves with Down to @wanted, Enter; then
        checks the row shows it."""
        events = self.app.events
        self.wait_on_screen(combo)
        mark = events.mark()
        self.kb.key('space', settle=0)

        def popped():
            f = self.focus
            return f if (f is not None and f != combo
                         and a.role_of(f) == pyatspi.ROLE_LIST_ITEM) else None
        item = a.wait_for(popped, timeout=5, interval=0.01)
        if item is None:
            raise StepFailed('space on %r opened no list of choices with the focus in it'
                             % a.accessible_name(combo),
                             ['events: %d' % len(events.since(mark, 'object:'))])
        seen = []
        for _ in range(limit):
            text = self.item_text(item)
            seen.append(text)
            if text == wanted:
                break
            item = self.press('Down')
            if item is None:
                raise StepFailed('Down in the list of %r lost the focus'
                                 % a.accessible_name(combo), ['choices seen: %r' % seen])
        else:
            raise StepFailed('%r is not among the choices of %r' % (wanted,
                                                                    a.accessible_name(combo)),
                             ['choices seen: %r' % seen])
        self.kb.key('Return', settle=0)
        # The list closes and gives the focus back to the row, which by then shows the choice.
        back = a.wait_for(lambda: self.focus == combo, timeout=5, interval=0.01)
        if not a.wait_for(lambda: self.combo_value(combo) == wanted, timeout=5, interval=0.05):
            raise StepFailed('after choosing %r, %r shows %r' % (wanted, a.accessible_name(combo),
                                                                self.combo_value(combo)))
        if not back:
            raise StepFailed('after choosing %r in %r, the focus is not back on the row (%s)'
                             % (wanted, a.accessible_name(combo), self.describe(self.focus)))
        return '%s: %s' % (a.accessible_name(combo), wanted)

    def wait_on_screen(self, obj):
        """Waits until @obj is inside the window. GTK 4.8 scrolls a focused row
        into view with an animation; a popover opened from a row that is still outside the
        screen makes GDK's X11 backend ask a monitor it has not found for its geometry (a
        CRITICAL, fatal under G_DEBUG=fatal-warnings). A person sees the row first, too."""
        win = a.extents(self.win)
        last = {}

        def settled():
            ext = a.extents(obj)
            if ext is None or win is None:
                return True
            last['ext'] = ext
            return ext[1] >= 0 and ext[1] + ext[3] <= win[3]
        if not a.wait_for(settled, timeout=5, interval=0.03):
            raise StepFailed('%r does not come into view (at %r, the window %r)'
                             % (a.accessible_name(obj), last.get('ext'), win))

    def answer(self, name, wanted, group=None, key=None):
        """Tabs to the combo row named @name (described by @group, for the questions repeated
        for each outcome or area) and chooses @wanted."""
        pred = self.named(name, group)
        f = self.focus
        if f is None or not (a.role_of(f) == pyatspi.ROLE_COMBO_BOX and pred(f)):
            f, _ = self.until(lambda o: a.role_of(o) == pyatspi.ROLE_COMBO_BOX and pred(o),
                              limit=12, what='%r%s' % (name, ' (%s)' % group if group else ''))
        done = self.choose(f, wanted)
        if key:
            self.answers[key] = STORED_CHOICES.get(wanted, wanted)
        self.done.append(done)
        return done

    def expect_progress(self, title, answered=None, total=None):
        name = a.wait_for(lambda: (lambda n: n if n and PROGRESS.search(n) and
                                   (answered is None or PROGRESS.search(n).group(1)
                                    == str(answered)) and
                                   (total is None or PROGRESS.search(n).group(2) == str(total))
                                   else None)(self.sidebar_name(title)), timeout=5)
        if name is None:
            raise StepFailed('the sidebar row %r does not say %s of %s answered'
                             % (self.sidebar_name(title), answered or 'N', total or 'M'))
        return 'sidebar: ' + name

    # Steps ------------------------------------------------------------------------------------

    def step_start(self):
        a.run_cli(self.cli, self.profile, self.tmp, 'init', '--user', 'Access Tester')
        a.run_cli(self.cli, self.profile, self.tmp, 'gen-demo', '--carers', '5')
        carers = a.cli_json(self.cli, self.profile, self.tmp, 'list', '--json')
        candidates = [c for c in carers if c.get('status') in ('waiting', 'active')]
        if not candidates:
            raise StepFailed('gen-demo made no carer who is waiting or active',
                             ['statuses: %r' % [c.get('status') for c in carers]])
        # One with no assessment yet, waiting first: starting the assessment makes it active.
        candidates.sort(key=lambda c: c.get('status') != 'waiting')
        chosen = None
        for c in candidates:
            record = a.cli_json(self.cli, self.profile, self.tmp, 'show', c['id'], '--json')
            if not record.get('assessments'):
                chosen = c
                break
        self.carer = chosen or candidates[0]
        # Reduced motion, as many screen reader users have it: no scrolling or popover
        # animations to wait for (the app's own HOME and XDG dirs are under self.tmp).
        settings = os.path.join(a.isolated_env(self.tmp)['XDG_CONFIG_HOME'], 'gtk-4.0')
        os.makedirs(settings, exist_ok=True)
        with open(os.path.join(settings, 'settings.ini'), 'w') as f:
            f.write('[Settings]\ngtk-enable-animations=false\n')
        self.app = a.App(self.app_path, self.profile, self.tmp)
        self.app.start()
        t0 = time.monotonic()
        if self.app.find_accessible() is None:
            raise StepFailed('no application named "carefield" (pid %d) on the AT-SPI desktop'
                             % self.app.proc.pid, self.app.log_tail())
        self.win = a.wait_for(self.app.window)
        if self.win is None:
            raise StepFailed('the application has no window')
        return ['carer %s (%s, %s)' % (self.carer['reference'], self.carer['status'],
                                       'no assessment yet' if chosen else 'has assessments'),
                'found after %.1f s' % (time.monotonic() - t0)]

    def step_unlock(self):
        entry = self.find(self.win, lambda n: n.role in a.TEXT_ROLES and
                          a.accessible_name(n.obj) == 'Passphrase' and a.is_showing(n),
                          'text field named "Passphrase"')
        a.wait_for(lambda: pyatspi.STATE_ACTIVE in a.states_of(self.win), timeout=5)
        events = self.app.events
        mark = events.mark()
        self.kb.type(a.PASSPHRASE)
        # AdwPasswordEntryRow reports no focus (GTK 4.8): the characters landing tell.
        if not a.wait_for(lambda: a.char_count(entry.obj) == len(a.PASSPHRASE), timeout=5):
            if self.kb.backend == 'atspi' and shutil.which('xdotool'):
                self.kb.key('a', mods=['ctrl'])
                self.kb = a.Keyboard('xdotool')
                self.kb.type(a.PASSPHRASE)
            if not a.wait_for(lambda: a.char_count(entry.obj) == len(a.PASSPHRASE), timeout=5):
                raise StepFailed('the passphrase typed did not land in "Passphrase" (%s '
                                 'characters there)' % a.char_count(entry.obj),
                                 ['text events: %d' % len(events.since(mark, 'object:text'))])
        self.kb.key('Return')
        search = self.find(self.win, lambda n: n.role in a.TEXT_ROLES and
                           a.accessible_name(n.obj) == 'Search caseload',
                           'caseload with a "Search caseload" entry')
        self.search = search.obj
        return ['keyboard: ' + self.kb.backend]

    def search_and_open(self):
        """Ctrl+F, the carer's reference, Enter (to the one row left), Enter: opens the
        carer's page. Returns the row that had the focus. Shared with test-a11y-support.py."""
        self.press('f', mods=['ctrl'])
        if not a.wait_for(lambda: self.focus == self.search, timeout=5):
            raise StepFailed('Ctrl+F did not put the focus in "Search caseload" (it is on %s)'
                             % self.describe(self.focus))
        ref = self.carer['reference']
        self.kb.key('a', mods=['ctrl'])
        self.kb.type(ref)
        if not a.wait_for(lambda: a.text_of(self.search) == ref, timeout=5):
            raise StepFailed('typed %r, the search holds %r' % (ref, a.text_of(self.search)))
        carers = self.find(self.win, lambda n: n.role in a.LIST_ROLES and n.name == 'Carers',
                           'list named "Carers"')

        def rows():
            return [c for c in carers.obj if a.role_of(c) == pyatspi.ROLE_LIST_ITEM
                    and pyatspi.STATE_VISIBLE in a.states_of(c)]
        # The list is filtered as the search changes: Enter only once it shows the one carer.
        if not a.wait_for(lambda: (lambda r: len(r) == 1 and ref in a.accessible_name(r[0]))(
                rows()), timeout=10, interval=0.2):
            raise StepFailed('the caseload does not come down to the one carer %s (rows: %r)'
                             % (ref, [a.accessible_name(r) for r in rows()]))
        # Enter in the search moves the focus to the first row.
        item = self.press('Return', wait=2.0)
        if item is None or a.role_of(item) != pyatspi.ROLE_LIST_ITEM or \
                ref not in a.accessible_name(item):
            raise StepFailed('Enter in the search did not move the focus to a row naming %s '
                             '(it is on %s)' % (ref, self.describe(self.focus)))
        self.kb.key('Return')
        return item

    def step_open_carer(self):
        item = self.search_and_open()
        diags = ['row: ' + a.accessible_name(item)]
        start = self.find(self.win, lambda n: n.role == pyatspi.ROLE_PUSH_BUTTON and
                          a.name_matches(n.obj, 'Start Assessment…') and a.is_showing(n),
                          '"Start Assessment…" button on a carer\'s page')
        self.start_button = start.obj
        a.wait_for(lambda: self.focus is not None and self.focus != item, timeout=3)
        diags.append('focus after opening: ' + self.describe(self.focus))
        self.shot('01-carer')
        return diags + self.audit()

    def step_start_button(self):
        # Down the carer's page from where opening it left the focus, past the status actions.
        f, stops = self.until(lambda o: o == self.start_button, limit=25,
                              what='"Start Assessment…"')
        diags = ['%d presses of Tab' % len(stops),
                 'focus stops: ' + ', '.join(self.describe(s) for s in stops)]
        unnamed = self.unnamed_stops(stops)
        if unnamed:
            raise StepFailed('%d focus stop(s) without an accessible name' % len(unnamed),
                             diags + ['unnamed: ' + u for u in unnamed])
        # Is the trap still there? One more Shift+Tab should leave the button.
        g = self.press('Tab', mods=['shift'])
        if g is None and pyatspi.STATE_FOCUSED in a.states_of(self.start_button):
            g = self.start_button
        if g == self.start_button:
            raise StepFailed('Shift+Tab does not leave "Start Assessment…": a keyboard trap',
                             diags)
        else:
            diags.append('Shift+Tab from "Start Assessment…" moves on, to ' + self.describe(g))
            self.until(lambda o: o == self.start_button, limit=3, what='"Start Assessment…"')
        return diags

    def step_dialog(self):
        self.kb.key('Return')

        def dialog():
            for i in range(a.safe(lambda: self.app.accessible.childCount, 0) or 0):
                w = a.safe(lambda: self.app.accessible.getChildAtIndex(i))
                if w is not None and w != self.win and a.safe(lambda: w.name) == \
                        'Start an Assessment':
                    return w
            return None
        self.dialog = a.wait_for(dialog)
        if self.dialog is None:
            raise StepFailed('Enter on "Start Assessment…" opened no "Start an Assessment" '
                             'window')
        diags = ['dialog: %s %r' % (a.role_name(self.dialog), self.dialog.name)]
        def on_radio():
            f = self.focus
            return f if (f is not None and a.role_of(f) == pyatspi.ROLE_RADIO_BUTTON) else None
        first = a.wait_for(on_radio, timeout=5)
        nodes = a.walk(self.dialog)
        problems = []
        for group_name, expected in (('Kind of assessment', 6), ('How it is done', 4)):
            group = next((n for n in nodes if n.role in (pyatspi.ROLE_PANEL, pyatspi.ROLE_GROUPING)
                          and n.name == group_name), None)
            if group is None:
                problems.append('no group named %r' % group_name)
                continue
            buttons = [n for n in nodes if group in list(n.ancestors())
                       and n.role in (pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_CHECK_BOX)]
            names = [a.accessible_name(b.obj) for b in buttons]
            checked = [a.accessible_name(b.obj) for b in buttons
                       if pyatspi.STATE_CHECKED in b.states]
            diags.append('%s: %s; chosen %r' % (group_name, ', '.join(
                '%s %r' % (a.role_name(b.obj), n) for b, n in zip(buttons, names)), checked))
            if len(buttons) != expected:
                problems.append('%r holds %d choices, not %d' % (group_name, len(buttons),
                                                                 expected))
            if not all(names):
                problems.append('%r has unnamed choices' % group_name)
            if any(b.role != pyatspi.ROLE_RADIO_BUTTON for b in buttons):
                problems.append('%r: the choices are not radio buttons to AT-SPI' % group_name)
            if len(checked) != 1:
                problems.append('%r: %d choices chosen, not one' % (group_name, len(checked)))
        if first is None:
            problems.append('the focus is not on a radio button when the dialog opens (%s)'
                            % self.describe(self.focus))
        else:
            diags.append('focus: ' + self.describe(first))
        # Tab: the way it is done (one stop for the group), then the three fields.
        stops = []
        for name, text in (('Face to face', None), ('Date (day/month/year)', TODAY),
                           ('Assessor', 'Access Tester'),
                           ('People the carer wants involved', '')):
            f = self.press('Tab')
            stops.append(self.describe(f))
            if f is None or a.accessible_name(f) != name:
                problems.append('Tab reached %s, not %r' % (self.describe(f), name))
                break
            if text is not None and a.text_of(f) != text:
                problems.append('%r holds %r, not %r' % (name, a.text_of(f), text))
        diags.append('Tab: ' + ', '.join(stops))
        if not problems:
            people = self.focus
            self.kb.type(PEOPLE)
            if not a.wait_for(lambda: a.text_of(people) == PEOPLE, timeout=5):
                problems.append('typed %r into "People the carer wants involved", it holds %r'
                                % (PEOPLE, a.text_of(people)))
            self.people_field = people
        self.shot('02-dialog')
        if problems:
            raise StepFailed('; '.join(problems), diags)
        return diags

    def step_audit_dialog(self):
        return self.audit(self.dialog, self.dialog)

    def step_editor(self):
        f = self.focus
        if f is None or f != getattr(self, 'people_field', None):
            raise StepFailed('the focus is not in "People the carer wants involved" (%s)'
                             % self.describe(f))
        self.kb.key('Return')
        node = self.find(self.win, lambda n: n.role in a.LIST_ROLES and
                         n.name == 'Parts of the assessment' and a.is_showing(n),
                         'list named "Parts of the assessment"')
        self.sidebar = node.obj
        editor = next((anc for anc in node.ancestors() if anc.name == 'CfAssessmentEditor'),
                      None)
        self.editor = editor.obj if editor is not None else self.win
        if not a.wait_for(lambda: not any(a.safe(lambda: w.name) == 'Start an Assessment'
                                          for w in self.app.accessible), timeout=5):
            raise StepFailed('the start dialog is still open')
        status = a.wait_for(self.status_text, timeout=5)
        title = a.find_first(self.editor, lambda n: n.role == pyatspi.ROLE_LABEL and
                             (a.text_of(n.obj) or '').startswith('Carer’s assessment'))
        diags = ['title: %r, status: %r' % (a.text_of(title.obj) if title else None, status)]
        if status != 'Draft':
            raise StepFailed('the assessment\'s status reads %r, not "Draft"' % status, diags)
        if title is None or TODAY not in (a.text_of(title.obj) or ''):
            raise StepFailed('no title "Carer’s assessment, %s"' % TODAY, diags)
        self.shot('03-editor')
        return diags

    def step_sidebar(self):
        f = self.press('Tab', mods=['shift'])
        diags = ['Shift+Tab from the first field: ' + self.describe(f)]
        if f is None or not self.in_sidebar(f):
            f = self.to_sidebar()
            diags.append('the sidebar reached further back: ' + self.describe(f))
        if not a.accessible_name(f).startswith('About This Assessment'):
            raise StepFailed('the sidebar row with the focus is %r, not "About This Assessment"'
                             % a.accessible_name(f), diags)
        names = [a.accessible_name(r) for r in self.sidebar_rows()]
        diags.append('rows: ' + ' | '.join(names))
        problems = []
        if len(names) != len(SIDEBAR):
            problems.append('%d rows, not %d' % (len(names), len(SIDEBAR)))
        for title, name in zip(SIDEBAR, names):
            if not name.startswith(title + ' '):
                problems.append('%r is not %r followed by its progress' % (name, title))
            elif title == 'About This Assessment' and TODAY not in name:
                problems.append('%r does not give the date' % name)
            elif title == 'Decision' and 'Proposed: not yet known' not in name:
                problems.append('%r does not say "Proposed: not yet known"' % name)
            elif title == 'Written Record' and 'Once the assessment is finished' not in name:
                problems.append('%r does not say "Once the assessment is finished"' % name)
            elif title not in ('About This Assessment', 'Decision', 'Written Record') and \
                    not re.search(r'\b0 of \d+ answered$', name):
                problems.append('%r does not say "0 of N answered"' % name)
        if problems:
            raise StepFailed('; '.join(problems), diags)
        return diags

    def step_audit_editor(self):
        return self.audit()

    def step_caring(self):
        f = self.open_section('Caring role')
        diags = ['Tab from the sidebar: ' + self.describe(f)]
        if f is None or a.accessible_name(f) != 'The care the carer gives':
            raise StepFailed('Tab from "Caring role" in the sidebar did not reach "The care the '
                             'carer gives" (%s)' % self.describe(f), diags)
        if a.role_of(f) not in a.TEXT_ROLES:
            raise StepFailed('"The care the carer gives" is a %s, not a text field'
                             % a.role_name(f), diags)
        events = self.app.events
        mark = events.mark()
        self.kb.type(NOTES)
        if not a.wait_for(lambda: a.text_of(f) == NOTES, timeout=5):
            raise StepFailed('typed %r, "The care the carer gives" holds %r'
                             % (NOTES, a.text_of(f)), diags)
        strays = {self.describe(s) for (_, _, s) in events.since(mark, 'object:text-changed')
                  if s != f}
        if strays:
            raise StepFailed('typing also changed ' + ', '.join(sorted(strays)), diags)
        self.answers['caring.role'] = NOTES
        diags.append(self.answer('Gives necessary care to an adult', 'Yes',
                                 key='caring.necessary_care'))
        diags.append(self.expect_progress('Caring role', 2, 3))
        return diags + self.audit(self.editor)

    def step_ability(self):
        diags = ['first: ' + self.describe(self.open_section('Able and willing'))]
        for name, key in (('Able to care now', 'ability.able_now'),
                          ('Willing to care now', 'ability.willing_now'),
                          ('Able to care in future', 'ability.able_future'),
                          ('Willing to care in future', 'ability.willing_future')):
            diags.append(self.answer(name, 'Yes', key=key))
        diags.append(self.expect_progress('Able and willing', 4, 4))
        return diags

    def step_health(self):
        diags = ['first: ' + self.describe(self.open_section('The carer’s health'))]
        # Not at risk: the carer is eligible through an outcome they cannot achieve.
        diags.append(self.answer('Health deteriorating or at risk', 'No', key='health.at_risk'))
        diags.append(self.expect_progress('The carer’s health', 1, 2))
        return diags

    def step_outcomes(self):
        diags = ['first: ' + self.describe(self.open_section('Outcomes'))]
        for oid, label, wanted in OUTCOMES:
            diags.append(self.answer('Can the carer achieve this?', wanted, group=label,
                                     key='outcome.%s.achievable' % oid))
            if wanted == 'Unable to achieve it':
                # The question that appears once "unable" is chosen is the next focus stop.
                f = self.press('Tab')
                if f is None or not self.named('Why unable', label)(f):
                    raise StepFailed('after "Unable to achieve it", Tab reached %s, not "Why '
                                     'unable" (%s)' % (self.describe(f), label), diags)
                diags.append(self.answer('Why unable', UNABLE_REASON, group=label,
                                         key='outcome.%s.reason' % oid))
        self.to_sidebar(forward=True)
        diags.append(self.expect_progress('Outcomes'))
        name = self.sidebar_name('Outcomes')
        m = PROGRESS.search(name or '')
        if not m or m.group(1) != m.group(2):
            raise StepFailed('the sidebar says %r after every outcome was answered' % name, diags)
        self.shot('04-outcomes')
        return diags

    def step_audit_outcomes(self):
        return self.audit()

    def step_wellbeing(self):
        diags = ['first: ' + self.describe(self.open_section('Wellbeing'))]
        for wid, label, wanted in WELLBEING:
            diags.append(self.answer('Impact of caring', wanted, group=label,
                                     key='wellbeing.%s.impact' % wid))
        diags.append(self.answer('Significant impact on wellbeing overall', 'Yes',
                                 key='wellbeing.overall'))
        self.to_sidebar(forward=True)
        diags.append(self.expect_progress('Wellbeing', 10, 10))
        return diags + self.audit(self.editor)

    def step_safeguarding_consent(self):
        diags = ['first: ' + self.describe(self.open_section('Safeguarding'))]
        diags.append(self.answer('Safeguarding concern', 'No', key='safeguarding.concern'))
        diags.append('first: ' + self.describe(self.open_section('Consent')))
        diags.append(self.answer('Consent to the assessment', 'Yes', key='consent.assessment'))
        name = a.wait_for(lambda: (lambda n: n if n and 'Proposed: Eligible' in n else None)(
            self.sidebar_name('Decision')), timeout=5)
        diags.append('sidebar: %s' % (name or self.sidebar_name('Decision')))
        if name is None:
            raise StepFailed('the sidebar\'s Decision row does not say "Proposed: Eligible"',
                             diags)
        return diags + self.audit(self.editor)

    def step_conditions(self):
        f = self.open_section('Decision')
        diags = ['Tab from the sidebar: ' + self.describe(f)]
        panel = self.find(self.editor, lambda n: n.role in a.LIST_ROLES and
                          n.name == 'Proposed Eligibility' and a.is_showing(n),
                          'list named "Proposed Eligibility"')
        rows = [r for r in panel.obj if a.role_of(r) == pyatspi.ROLE_LIST_ITEM]
        problems = []
        words = {}
        for row in rows:
            name = a.accessible_name(row)
            reason = ' '.join(self.related_texts(row, pyatspi.RELATION_DESCRIBED_BY))
            diags.append('%r, described as %r' % (name, reason))
            for title, word in (('Necessary care', 'Met'), ('Health or outcomes', 'Met'),
                                ('Impact on wellbeing', 'Met'), ('Proposed Result', 'Eligible')):
                if name.startswith(title):
                    words[title] = name
                    if name != '%s %s' % (title, word):
                        problems.append('%r does not say %r in its name' % (name, word))
            if name.startswith('Proposed Result') and 'eligible for support' not in reason:
                problems.append('the proposed result is not described as "eligible for '
                                'support" (%r)' % reason)
        if len(words) != 4:
            problems.append('rows found: %r' % sorted(words))
        if f is None or not a.accessible_name(f).startswith('Necessary care'):
            problems.append('Tab into the page did not reach the first condition (%s)'
                            % self.describe(f))
        self.shot('05-decision')
        if problems:
            raise StepFailed('; '.join(problems), diags)
        return diags

    def step_use_proposal(self):
        _, stops = self.until(self.button('Use the Proposed Decision'), limit=8,
                              what='"Use the Proposed Decision"')
        diags = ['stops: ' + ', '.join(self.describe(s) for s in stops)]
        unnamed = self.unnamed_stops(stops)
        self.press('space')

        def moved():
            f = self.focus
            return f if (f is not None and a.role_of(f) == pyatspi.ROLE_COMBO_BOX
                         and a.accessible_name(f) == 'Decision') else None
        combo = a.wait_for(moved, timeout=5)
        self.decision_combo = combo or self.find(
            self.editor, lambda n: n.role == pyatspi.ROLE_COMBO_BOX and n.name == 'Decision',
            'Decision row').obj
        value = a.wait_for(lambda: (lambda v: v if v == 'Eligible' else None)(
            self.combo_value(self.decision_combo)), timeout=5)
        diags.append('Decision shows %r; focus on %s' % (self.combo_value(self.decision_combo),
                                                         self.describe(self.focus)))
        if value != 'Eligible':
            raise StepFailed('the Decision row does not show "Eligible"', diags)
        if combo is None:
            raise StepFailed('the focus did not move to the Decision row', diags)
        if unnamed:
            raise StepFailed('unnamed focus stops', diags + unnamed)
        return diags

    def step_missing(self):
        finish, stops = self.until(self.button('Finish Assessment'), limit=10,
                                   what='"Finish Assessment"')
        diags = ['stops: ' + ', '.join(self.describe(s) for s in stops)]
        self.finish_button = finish
        self.kb.key('space')

        def message():
            texts = self.related_texts(finish, pyatspi.RELATION_DESCRIBED_BY)
            return texts if any('still needed' in t for t in texts) else None
        texts = a.wait_for(message, timeout=5)
        states = a.invalid_state_names(a.states_of(finish))
        diags.append('described by %r; states %r' % (texts, states))
        if not texts:
            raise StepFailed('"Finish Assessment" is not described by a list of what is still '
                             'needed', diags)
        text = ' '.join(texts)
        if 'Who made the decision' not in text or '1 thing is still needed' not in text:
            raise StepFailed('the list does not name the one thing missing, who decided',
                             diags)
        if not states:
            raise StepFailed('"Finish Assessment" is not marked invalid', diags)
        if self.status_text() != 'Draft':
            raise StepFailed('the assessment finished with something missing', diags)
        return diags

    def step_finish(self):
        decided, _ = self.until(lambda o: a.role_of(o) == pyatspi.ROLE_COMBO_BOX and
                                a.accessible_name(o) == 'Decided By', mods=['shift'],
                                limit=10, what='"Decided By"')
        diags = [self.choose(decided, 'The carers organisation')]
        finish, _ = self.until(self.button('Finish Assessment'), limit=10,
                               what='"Finish Assessment"')
        events = self.app.events
        mark = events.mark()
        self.kb.key('space')
        status = a.wait_for(lambda: (lambda s: s if s == 'Finished' else None)(
            self.status_text()), timeout=10)
        diags.append('status: %r' % self.status_text())
        if status != 'Finished':
            raise StepFailed('the status does not read "Finished"', diags + [
                'Finish described by %r' % self.related_texts(finish,
                                                             pyatspi.RELATION_DESCRIBED_BY)])
        f = a.wait_for(lambda: self.focus, timeout=3)
        diags.append('focus: %s %r' % (a.role_name(f) if f else None,
                                       (a.text_of(f) or '')[:60] if f else None))
        name = a.wait_for(lambda: (lambda n: n if n and 'Decided: Eligible' in n else None)(
            self.sidebar_name('Decision')), timeout=5)
        diags.append('sidebar: %s' % self.sidebar_name('Decision'))
        if name is None:
            raise StepFailed('the sidebar\'s Decision row does not say "Decided: Eligible"',
                             diags)
        if f is None or 'Finished on' not in (a.text_of(f) or a.accessible_name(f)):
            raise StepFailed('after finishing, the focus is not on the words saying it is '
                             'finished', diags + ['events: %d' % len(events.since(mark, ''))])
        self.shot('06-finished')
        return diags

    def step_audit_decision(self):
        return self.audit()

    def step_chooser(self):
        f = self.open_section('Written Record')
        diags = ['Tab from the sidebar: ' + self.describe(f)]
        pdf, stops = self.until(self.button('Save as PDF…'), limit=8, what='"Save as PDF…"')
        diags.append('stops: ' + ', '.join(self.describe(s) for s in stops))
        unnamed = self.unnamed_stops(stops)
        if unnamed:
            raise StepFailed('unnamed focus stops', diags + unnamed)
        self.kb.key('space')

        def chooser():
            for w in self.app.accessible:
                if w is not None and w != self.win and \
                        a.safe(lambda: w.name) == 'Save the Written Record as PDF':
                    return w
            return None
        self.chooser = a.wait_for(chooser)
        if self.chooser is None:
            raise StepFailed('"Save as PDF…" opened no window "Save the Written Record as PDF"',
                             diags)
        # The field's focus event may come before the window is there to be read: then the
        # field is found by its state.
        def focused_field():
            f = self.focus
            if f is not None and a.role_of(f) in a.TEXT_ROLES:
                return f
            node = a.find_first(self.chooser, lambda n: n.role in a.TEXT_ROLES and
                                pyatspi.STATE_FOCUSED in n.states)
            return node.obj if node is not None else None
        name_field = a.wait_for(focused_field, timeout=10, interval=0.3)
        diags.append('file chooser: %s; focus %s, holding %r'
                     % (a.role_name(self.chooser), self.describe(name_field),
                        a.text_of(name_field) if name_field else None))
        self.shot('07-chooser')
        notes = self.audit(self.chooser, self.chooser)
        if name_field is None:
            raise StepFailed('no text field has the focus in the file chooser', diags + notes)
        ref = self.carer['reference']
        if ref not in (a.text_of(name_field) or ''):
            raise StepFailed('the suggested file name does not hold the reference %s' % ref,
                             diags + notes)
        self.name_field = name_field
        return diags + notes

    def step_pdf(self):
        field = self.name_field
        os.makedirs(os.path.dirname(self.pdf_path), exist_ok=True)
        self.kb.key('a', mods=['ctrl'])
        self.kb.type(self.pdf_path)
        if not a.wait_for(lambda: a.text_of(field) == self.pdf_path, timeout=5):
            raise StepFailed('typed %r, the name field holds %r' % (self.pdf_path,
                                                                   a.text_of(field)))
        self.kb.key('Return')
        base = os.path.basename(self.pdf_path)
        prune = a.showing_pruner(self.win)

        def saved():
            node = a.find_first(self.editor, lambda n: n.role == pyatspi.ROLE_STATUS_BAR and
                                ('written record' in (a.text_of(n.obj) or '')), prune=prune)
            return a.text_of(node.obj) if node is not None and \
                not (a.text_of(node.obj) or '').startswith('Saving') else None
        status = a.wait_for(saved, timeout=max(30, a.TIMEOUT))
        diags = ['status: %r' % status]
        if status is None or 'Saved the written record as %s' % base not in status:
            raise StepFailed('the page does not say the PDF was saved', diags)
        gone = a.wait_for(lambda: self.chooser not in list(self.app.accessible), timeout=5)
        if not gone:
            diags.append('note: the file chooser is still listed')
        with open(self.pdf_path, 'rb') as fp:
            head = fp.read(5)
        if head != b'%PDF-':
            raise StepFailed('%s starts with %r, not %%PDF-' % (self.pdf_path, head), diags)
        if not shutil.which('pdftotext'):
            raise StepFailed('pdftotext (poppler-utils) is not installed', diags)
        text = subprocess.run(['pdftotext', '-layout', self.pdf_path, '-'], capture_output=True,
                              timeout=a.TIMEOUT, check=True).stdout.decode('utf-8', 'replace')
        flat = ' '.join(text.split())
        diags.append('%d bytes; %d words of text' % (os.path.getsize(self.pdf_path),
                                                     len(flat.split())))
        missing = [w for w in PDF_WORDS + (self.carer['reference'], 'Eligible',
                                           'Maintaining a habitable home')
                   if w not in flat]
        if missing:
            raise StepFailed('the PDF does not say %r' % missing, diags + [flat[:400]])
        return diags

    def step_given(self):
        last = self.find(self.editor, lambda n: n.role == pyatspi.ROLE_LIST_ITEM and
                         n.name == 'Last Recorded' and a.is_showing(n), 'row "Last Recorded"')
        before = self.related_texts(last.obj, pyatspi.RELATION_DESCRIBED_BY)
        diags = ['Last Recorded before: %r' % before]
        diags.append('focus after the file chooser: ' + self.describe(self.focus))
        self.open_section('Written Record')
        how, _ = self.until(lambda o: a.role_of(o) == pyatspi.ROLE_COMBO_BOX and
                            a.accessible_name(o) == 'How', limit=12, what='"How"')
        diags.append(self.choose(how, 'Printed and given in person'))
        self.until(self.button('Record That It Was Given'), limit=4,
                            what='"Record That It Was Given"')
        self.kb.key('space')
        want = '%s: Printed and given in person' % TODAY
        after = a.wait_for(lambda: (lambda t: t if want in t else None)(
            ' '.join(self.related_texts(last.obj, pyatspi.RELATION_DESCRIBED_BY))), timeout=5)
        diags.append('Last Recorded after: %r' % after)
        if not after or after == ' '.join(before):
            raise StepFailed('"Last Recorded" does not change to %r' % want, diags)
        name = self.sidebar_name('Written Record')
        diags.append('sidebar: %s' % name)
        if not name or 'Given on %s' % TODAY not in name:
            raise StepFailed('the sidebar\'s Written Record row does not say "Given on %s"'
                             % TODAY, diags)
        self.shot('08-given')
        return diags

    def step_audit_record(self):
        return self.audit()

    def step_back(self):
        self.press('Left', mods=['alt'])
        lst = self.find(self.win, lambda n: n.role in a.LIST_ROLES and n.name == 'Assessments'
                        and a.is_showing(n), 'list named "Assessments" on the carer\'s page')
        texts = []

        def listed():
            texts.clear()
            for row in lst.obj:
                if a.role_of(row) == pyatspi.ROLE_LIST_ITEM:
                    words = [a.accessible_name(row)] + self.related_texts(
                        row, pyatspi.RELATION_DESCRIBED_BY)
                    texts.append(' / '.join(words))
            return any(TODAY in t and 'Finished: Eligible' in t for t in texts)
        ok = a.wait_for(listed, timeout=5)
        diags = ['assessments: %r' % texts]
        if not ok:
            raise StepFailed('the carer\'s page does not list the assessment as "Finished: '
                             'Eligible"', diags)
        self.shot('09-back')
        return diags

    def step_cli(self):
        self.app.stop()
        record = a.cli_json(self.cli, self.profile, self.tmp, 'show', self.carer['reference'],
                            '--json')
        found = [x for x in record.get('assessments', [])
                 if x['assessment']['fields'].get('assessed_on') == '2026-11-18'
                 and x['assessment']['fields'].get('assessor') == 'Access Tester']
        if len(found) != 1:
            raise StepFailed('%d assessments of today by "Access Tester" stored, not one'
                             % len(found))
        fields = found[0]['assessment']['fields']
        answers = found[0].get('answers', {})
        diags = ['assessment fields: %s' % ', '.join(
            '%s=%r' % (k, fields.get(k)) for k in ('kind', 'mode', 'status', 'decision',
                                                  'decided_by', 'people_involved',
                                                  'record_given_on', 'record_given_how'))]
        problems = []
        for k, want in (('status', 'finished'), ('decision', 'eligible'),
                        ('decided_by', 'organisation'), ('kind', 'carer'),
                        ('mode', 'face-to-face'), ('people_involved', PEOPLE),
                        ('record_given_on', '2026-11-18'), ('record_given_how', 'in-person')):
            if fields.get(k) != want:
                problems.append('%s is %r, not %r' % (k, fields.get(k), want))
        for k, want in sorted(self.answers.items()):
            if answers.get(k) != want:
                problems.append('answer %s is %r, not %r' % (k, answers.get(k), want))
        proposed = found[0].get('eligibility', {}).get('proposed')
        if proposed != 'eligible':
            problems.append('the stored proposal is %r' % proposed)
        status = record['carer']['fields'].get('status')
        diags.append('%d answers stored, %d checked; carer status %r'
                     % (len(answers), len(self.answers), status))
        if self.carer['status'] == 'waiting' and status != 'active':
            problems.append('the carer is %r, not "active", after the assessment' % status)
        if len(self.answers) < 27:
            problems.append('only %d answers were given in the steps' % len(self.answers))
        if problems:
            raise StepFailed('; '.join(problems), diags)
        return diags


def main():
    tap = a.Tap([d for _, d in STEPS])
    tmp_holder = tempfile.TemporaryDirectory(prefix='carefield-a11y-assessment-')
    scenario = Scenario(tap, tmp_holder.name)

    def cleanup():
        scenario.kb.release_all()
        if scenario.app is not None:
            scenario.app.stop()

    a.install_signal_handlers(cleanup)
    # Each step leads on from the one before: after a failure the rest can only mislead.
    independent = {'cli', 'toolkit', 'elsewhere'}
    audits = {k for k, _ in STEPS if k.startswith('audit-')}
    started = time.monotonic()
    try:
        for key, description in STEPS:
            if key in ('toolkit', 'elsewhere'):
                issues = (scenario.toolkit_lines() if key == 'toolkit'
                          else scenario.elsewhere)
                if issues:
                    tap.emit(False, description, issues,
                             directive='TODO not the assessment\'s own widgets; see the notes')
                else:
                    tap.emit(True, description)
                continue
            if scenario.blocked and key not in independent:
                tap.emit(True, description, directive='SKIP ' + scenario.blocked)
                continue
            if key == 'cli' and scenario.carer is None:
                tap.emit(True, description, directive='SKIP no carer was chosen')
                continue
            step = getattr(scenario, 'step_' + key.replace('-', '_'))
            scenario.done = []
            t0 = time.monotonic()
            try:
                diags = step() or []
                tap.emit(True, description, diags + ['%.1f s' % (time.monotonic() - t0)])
            except StepFailed as e:
                scenario.shot('failed-' + key)
                lines = [str(e)] + e.diagnostics + ['done before: ' + d for d in scenario.done]
                if scenario.app is not None and scenario.app.proc is not None and \
                        not scenario.app.alive():
                    lines += ['the application is no longer running (status %s)'
                              % scenario.app.proc.returncode] + scenario.app.log_tail()
                tap.emit(False, description, lines + ['%.1f s' % (time.monotonic() - t0)])
                # An audit's failure leaves the keyboard where it was: go on.
                if key not in audits:
                    scenario.blocked = 'after "%s" failed' % description
            except Exception:
                scenario.shot('failed-' + key)
                lines = a.format_exception()
                if scenario.app is not None and not scenario.app.alive():
                    lines += ['the application is no longer running (status %s)'
                              % scenario.app.proc.returncode] + scenario.app.log_tail()
                tap.emit(False, description, lines)
                if key not in independent:
                    scenario.blocked = 'after "%s" failed' % description
    finally:
        cleanup()
        a.finish_run(tap, scenario.app, started)
        tmp_holder.cleanup()
    return 1 if tap.failures else 0


if __name__ == '__main__':
    sys.exit(main())
