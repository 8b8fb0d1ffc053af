#!/usr/bin/python3
# test-a11y-i18n.py: Carefield in Polish, Romanian and Urdu, as a screen reader meets it
#
# Copyright 2026 The Carefield authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run as test-a11y.py is (see there and tests/a11y/meson.build), with two more arguments:
#   --localedir DIR   the catalogues the build makes: DIR/<language>/LC_MESSAGES/carefield.mo,
#                     given to the application as CAREFIELD_LOCALEDIR (a test installs nothing)
# and optionally --languages pl,ro,ur (the default). Prints TAP.
#
# For each language the application is started with LANGUAGE=<code> (LC_ALL=C.UTF-8, as the
# suite sets it, under which gettext honours LANGUAGE) and what a screen reader is told is
# compared with the built catalogue, read here with Python's gettext: the window's title, the
# "Passphrase" field, the caseload's title and search field, the header's buttons (new
# referral, main menu, lock) and the main menu's items. Nothing is written down here in
# another language: a message missing from the catalogue, or left empty, fails as untranslated,
# and a missing catalogue fails by name.
#
# The layout is checked from AT-SPI extents (Component, window coordinates): in Urdu, written
# from right to left, the caseload header's start button ("New referral") is to the right of
# its end button ("Main Menu"), the caseload is to the right of the carer's pane, and the
# "Show" label is to the right of the filter it names; in Polish and Romanian, the other way
# round (so the check is known to tell the two apart). Where the window shows one pane (the
# leaflet folded: in Polish and Urdu the panes need more than the default 1090 pixels), the
# panes' order and the lock button cannot be seen, and are left out with a note; the menu's
# "Lock" item is checked instead.

import argparse
import gettext
import os
import re
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cfa11y as a  # noqa: E402  (first: it keeps G_DEBUG away from GLib in this process)

import pyatspi  # noqa: E402
from cfa11y import StepFailed  # noqa: E402

a.KEYSYMS.setdefault('F10', 0xffc7)

RTL = {'ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'ckb', 'dv'}

# msgid -> where it is shown, as checked below. Mnemonic underscores are not spoken.
MESSAGES = [
    ('Carefield', 'the main window\'s title'),
    ('Passphrase', 'the unlock page\'s passphrase field'),
    ('Caseload', 'the caseload\'s title'),
    ('Search caseload', 'the caseload\'s search field'),
    ('New referral', 'the "new referral" button (start of the caseload\'s header)'),
    ('Main Menu', 'the main menu button (end of the caseload\'s header)'),
    ('Lock', 'the lock button (carer\'s pane)'),
    ('_Lock', 'a main menu item'),
    ('_Show', 'the filter\'s label'),
    ('_Preferences', 'a main menu item'),
    ('_Keyboard Shortcuts', 'a main menu item'),
    ('_About Carefield', 'a main menu item'),
]


def spoken(text):
    """A label as a screen reader says it: without mnemonic underscores ("__" is one "_")."""
    return re.sub(r'_(.)', r'\1', text or '')


class Catalogue:
    def __init__(self, localedir, code):
        self.code = code
        self.path = os.path.join(localedir, code, 'LC_MESSAGES', 'carefield.mo')
        if not os.path.isfile(self.path):
            raise StepFailed('no catalogue for %r: %s does not exist (is %r in po/LINGUAS, and '
                             'the build\'s carefield-gmo made?)' % (code, self.path, code))
        with open(self.path, 'rb') as f:
            self.translations = gettext.GNUTranslations(f)
        self.catalog = self.translations._catalog

    def get(self, msgid):
        """The translation of @msgid; StepFailed if the catalogue leaves it untranslated."""
        text = self.catalog.get(msgid)
        if not text:
            raise StepFailed('%s: the message %r is untranslated in %s'
                             % (self.code, msgid, self.path))
        return text


class I18n:
    def __init__(self, tap, tmp, args):
        self.tap = tap
        self.tmp = tmp
        self.args = args
        self.app_path = a.require_env('CAREFIELD_APP')
        self.cli = a.require_env('CAREFIELD_CLI')
        self.profile = os.path.join(tmp, 'profile')
        self.kb = a.Keyboard(os.environ.get('CAREFIELD_A11Y_KEYS', 'atspi'))
        self.app = None
        self.win = None
        self.catalogue = None
        self.expected = {}
        self.blocked = set()

    def step_profile(self):
        a.run_cli(self.cli, self.profile, self.tmp, 'init', '--user', 'Access Tester')
        a.run_cli(self.cli, self.profile, self.tmp, 'gen-demo', '--carers', '5')
        settings = os.path.join(a.isolated_env(self.tmp)['XDG_CONFIG_HOME'], 'gtk-4.0')
        os.makedirs(settings, exist_ok=True)
        with open(os.path.join(settings, 'settings.ini'), 'w') as f:
            f.write('[Settings]\ngtk-enable-animations=false\n')
        return ['catalogues from %s' % self.args.localedir]

    def step_catalogue(self, code):
        self.catalogue = Catalogue(self.args.localedir, code)
        self.expected = {}
        problems = []
        for msgid, where in MESSAGES:
            try:
                self.expected[msgid] = spoken(self.catalogue.get(msgid))
            except StepFailed as e:
                problems.append('%s (%s)' % (e, where))
        n = len(self.catalogue.catalog) - 1   # the header is a message too
        if problems:
            raise StepFailed('%d of the messages checked are untranslated' % len(problems),
                             problems)
        return ['%s: %d messages' % (self.catalogue.path, n)] + \
            ['%r -> %r' % (spoken(m), self.expected[m]) for m, _ in MESSAGES]

    def start_app(self, code):
        env = {
            'LANGUAGE': code,
            'CAREFIELD_LOCALEDIR': self.args.localedir,
        }
        self.app = a.App(self.app_path, self.profile, self.tmp, extra_env=env)
        self.app.start()
        if self.app.find_accessible() is None:
            raise StepFailed('no application named "carefield" (pid %d) on the AT-SPI desktop'
                             % self.app.proc.pid, self.app.log_tail())
        self.win = a.wait_for(self.app.window)
        if self.win is None:
            raise StepFailed('the application has no window')

    def find(self, predicate, what, timeout=None):
        prune = a.showing_pruner(self.win)
        node = a.wait_for(lambda: a.find_first(self.win, predicate, prune=prune), timeout)
        if node is None:
            raise StepFailed('no %s' % what)
        return node

    def named(self, roles, msgid):
        want = self.expected[msgid]
        return lambda n: n.role in roles and a.is_showing(n) and a.name_matches(n.obj, want)

    def step_shown(self, code):
        t0 = time.monotonic()
        self.start_app(code)
        diags = ['window after %.1f s' % (time.monotonic() - t0)]
        problems = []

        def expect(name_of, msgid):
            want = self.expected[msgid]
            if name_of != want:
                problems.append('%s shows %r, not %r (the catalogue\'s %r)'
                                % (dict(MESSAGES)[msgid], name_of, want, spoken(msgid)))
            else:
                diags.append('%s: %r' % (dict(MESSAGES)[msgid], name_of))

        expect(a.safe(lambda: self.win.name, ''), 'Carefield')
        entry = self.find(lambda n: n.role in a.TEXT_ROLES and a.is_showing(n),
                          'text field on the unlock page')
        expect(a.accessible_name(entry.obj), 'Passphrase')
        a.wait_for(lambda: pyatspi.STATE_ACTIVE in a.states_of(self.win), timeout=5)
        self.kb.type(a.PASSPHRASE)
        if not a.wait_for(lambda: a.char_count(entry.obj) == len(a.PASSPHRASE), timeout=5):
            raise StepFailed('the passphrase typed did not land in the passphrase field',
                             problems)
        t0 = time.monotonic()
        self.kb.key('Return')
        # The search field, in the catalogue's words or (to say so, not wait) in English.
        english = lambda n: (n.role in a.TEXT_ROLES and a.is_showing(n)  # noqa: E731
                             and a.accessible_name(n.obj) == 'Search caseload')
        translated = self.named(a.TEXT_ROLES, 'Search caseload')
        try:
            search = self.find(lambda n: translated(n) or english(n),
                               'search field named %r (%s)' % (self.expected['Search caseload'],
                                                               'Search caseload'), timeout=30)
        except StepFailed as e:
            raise StepFailed(str(e), problems + diags)
        expect(a.accessible_name(search.obj), 'Search caseload')
        buttons = (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)
        self.nodes = {'Search caseload': search}
        diags.append('unlocked after %.1f s' % (time.monotonic() - t0))
        self.folded = self.is_folded()
        if self.folded:
            diags.append('note: the window (%r) shows the caseload alone, the carer\'s pane '
                         'folded away: in this language the two panes need more than the '
                         'window\'s width' % (a.extents(self.win),))
        for msgid in ('New referral', 'Main Menu', 'Lock'):
            if msgid == 'Lock' and self.folded:
                continue     # in the carer's pane; the menu's "Lock" is checked below
            # The carer's pane is filled in just after the caseload: wait for its buttons.
            node = a.wait_for(lambda: a.find_first(self.win, self.named(buttons, msgid),
                                                   prune=a.showing_pruner(self.win)),
                              timeout=10)
            if node is None:
                names = sorted({a.accessible_name(n.obj) for n in a.walk(
                    self.win, prune=a.showing_pruner(self.win)) if n.role in buttons})
                problems.append('no button named %r (%s); the buttons: %r'
                                % (self.expected[msgid], dict(MESSAGES)[msgid], names))
            else:
                self.nodes[msgid] = node
                diags.append('%s: %r' % (dict(MESSAGES)[msgid], a.accessible_name(node.obj)))
        for msgid, roles in (('Caseload', (pyatspi.ROLE_LABEL,)),
                             ('_Show', (pyatspi.ROLE_LABEL,))):
            want = self.expected[msgid]
            node = a.find_first(self.win, lambda n: n.role in roles and a.is_showing(n) and
                                (a.text_of(n.obj) or n.name) == want,
                                prune=a.showing_pruner(self.win))
            if node is None:
                problems.append('no label reading %r (%s)' % (want, dict(MESSAGES)[msgid]))
            else:
                self.nodes[msgid] = node
                diags.append('%s: %r' % (dict(MESSAGES)[msgid], want))
        combo = a.find_first(self.win, lambda n: n.role == pyatspi.ROLE_COMBO_BOX and
                             a.is_showing(n), prune=a.showing_pruner(self.win))
        if combo is not None:
            self.nodes['combo'] = combo
            if a.accessible_name(combo.obj) != self.expected['_Show']:
                problems.append('the filter is named %r, not %r'
                                % (a.accessible_name(combo.obj), self.expected['_Show']))
        # The main menu's items.
        self.kb.key('F10', settle=0.3)

        def items():
            return [n for n in a.walk(self.win) if n.role == pyatspi.ROLE_MENU_ITEM and
                    pyatspi.STATE_VISIBLE in n.states]
        menu = a.wait_for(items, timeout=5) or []
        names = [a.accessible_name(n.obj) for n in menu]
        for msgid in ('_Lock', '_Preferences', '_Keyboard Shortcuts', '_About Carefield'):
            if self.expected[msgid] in names:
                diags.append('%s: %r' % (dict(MESSAGES)[msgid], self.expected[msgid]))
            else:
                problems.append('no menu item %r (the catalogue\'s %r); the items: %r'
                                % (self.expected[msgid], spoken(msgid), names))
        self.kb.key('Escape')
        if problems:
            raise StepFailed('%d thing(s) not shown as the catalogue has them' % len(problems),
                             problems + diags)
        return diags

    def is_folded(self):
        """Whether the main window's leaflet shows one pane: the carer's pane has no extent."""
        leaflet = a.find_first(self.win, lambda n: n.name == 'AdwLeaflet')
        if leaflet is None:
            return False
        widths = [(a.extents(c) or (0, 0, 0, 0))[2] for c in leaflet.obj
                  if a.role_of(c) != pyatspi.ROLE_SEPARATOR]
        return sum(1 for w in widths if w > 0) < 2

    def step_layout(self, code):
        rtl = code.split('_')[0] in RTL
        need = ('New referral', 'Main Menu', 'Search caseload', '_Show', 'combo')
        if not self.folded:
            need += ('Lock',)
        missing = [k for k in need if k not in self.nodes]
        if missing:
            raise StepFailed('not found in the window: %r' % missing)
        ext = {k: a.extents(self.nodes[k].obj) for k in need}
        diags = ['extents (x, y, width, height): ' + ', '.join(
            '%s %r' % (spoken(k), ext[k]) for k in need)]
        if any(e is None for e in ext.values()):
            raise StepFailed('no extents for %r' % [k for k, e in ext.items() if e is None],
                             diags)

        def right_of(k1, k2):
            """@k1 wholly to the right of @k2."""
            return ext[k1][0] >= ext[k2][0] + ext[k2][2]
        checks = [
            ('the caseload header\'s start button ("%s") is to the %s of its end button ("%s")'
             % (self.expected['New referral'], 'right' if rtl else 'left',
                self.expected['Main Menu']),
             right_of('New referral', 'Main Menu') if rtl
             else right_of('Main Menu', 'New referral')),
            ('the label "%s" is to the %s of the filter it names'
             % (self.expected['_Show'], 'right' if rtl else 'left'),
             right_of('_Show', 'combo') if rtl else right_of('combo', '_Show')),
        ]
        if not self.folded:
            checks.append(
                ('the caseload (its search field) is to the %s of the carer\'s pane (its "%s" '
                 'button)' % ('right' if rtl else 'left', self.expected['Lock']),
                 right_of('Search caseload', 'Lock') if rtl
                 else right_of('Lock', 'Search caseload')))
        else:
            diags.append('note: one pane on show (folded): the panes\' order is not checked')
        failed = [what for what, ok in checks if not ok]
        diags += ['%s: %s' % ('yes' if ok else 'NO', what) for what, ok in checks]
        if failed:
            raise StepFailed('the layout is not %s' % ('mirrored for a right-to-left language'
                                                       if rtl else 'left to right'), diags)
        return diags

    def stop(self):
        if self.app is not None:
            self.app.stop()
            self.app = None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--localedir', required=True)
    parser.add_argument('--languages', default='pl,ro,ur')
    args = parser.parse_args()
    languages = [c for c in args.languages.split(',') if c]
    steps = [('profile', None, 'a demo profile (CLI)')]
    for code in languages:
        steps += [('catalogue', code, '%s: the built catalogue translates every message checked'
                   % code),
                  ('shown', code, '%s: the window, unlock page, caseload, header and main menu '
                   'show the catalogue\'s words' % code),
                  ('layout', code, '%s: the layout runs %s' % (
                      code, 'right to left (mirrored)' if code in RTL else 'left to right'))]
    tap = a.Tap([d for _, _, d in steps])
    tmp_holder = tempfile.TemporaryDirectory(prefix='carefield-a11y-i18n-')
    test = I18n(tap, tmp_holder.name, args)

    def cleanup():
        test.kb.release_all()
        test.stop()

    a.install_signal_handlers(cleanup)
    started = time.monotonic()
    last_app = None
    try:
        for key, code, description in steps:
            if 'all' in test.blocked or code in test.blocked:
                tap.emit(True, description, directive='SKIP an earlier step for %s failed'
                         % (code or 'every language'))
                continue
            t0 = time.monotonic()
            try:
                if key == 'profile':
                    diags = test.step_profile()
                else:
                    diags = getattr(test, 'step_' + key)(code)
                tap.emit(True, description, diags + ['%.1f s' % (time.monotonic() - t0)])
            except StepFailed as e:
                lines = [str(e)] + e.diagnostics
                if test.app is not None and not test.app.alive():
                    lines += test.app.log_tail()
                tap.emit(False, description, lines + ['%.1f s' % (time.monotonic() - t0)])
                test.blocked.add(code or 'all')
            except Exception:
                tap.emit(False, description, a.format_exception())
                test.blocked.add(code or 'all')
            if key in ('layout',) or code in test.blocked:
                last_app = test.app
                test.stop()
    finally:
        cleanup()
        a.finish_run(tap, last_app, started)
        tmp_holder.cleanup()
    return 1 if tap.failures else 0


if __name__ == '__main__':
    sys.exit(main())
