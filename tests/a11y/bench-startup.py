#!/usr/bin/python3
# bench-startup.py: how long a screen reader user waits, measured through AT-SPI
#
# Copyright 2026 The Carefield authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Prints numbers, asserts nothing. Same harness as test-a11y.py:
#   xvfb-run -a -s "-screen 0 1366x768x24" dbus-run-session -- env \
#     GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=_build/data TZ=Europe/London \
#     LC_ALL=C.UTF-8 CAREFIELD_APP=_build/src/gui/carefield \
#     CAREFIELD_CLI=_build/src/cli/carefield-cli /usr/bin/python3 tests/a11y/bench-startup.py
# Options: --carers N (20000), --runs N (3), --profile DIR (reuse a profile made with the test
# passphrase instead of generating one).
#
# For each run it measures
#   launch -> the unlock page's "Passphrase" entry is in the AT-SPI tree
#   Return on the right passphrase -> the caseload list has items (and the application's own
#     "carefield-timing:" line, printed with CAREFIELD_TIMING=1)
#   start of typing a search query -> the list's item count changes (and -> settles on 1)
# The AT-SPI times include the polling (every 20 ms; the list is polled with one D-Bus call,
# its child count) and are what an assistive technology could observe at best. GTK 4.8's
# GtkListView exposes a row widget for each item it has realised (about 200 here), not one per
# carer, so "the item count" is that number.

import argparse
import os
import re
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import cfa11y as a  # noqa: E402  (first: it keeps G_DEBUG away from GLib in this process)

import pyatspi  # noqa: E402
from gi.repository import Atspi  # noqa: E402

POLL = 0.02


def list_items(lst):
    n = 0
    for i in range(a.safe(lambda: lst.childCount, 0) or 0):
        child = a.safe(lambda: lst.getChildAtIndex(i))
        if child is not None and a.role_of(child) == pyatspi.ROLE_LIST_ITEM \
                and pyatspi.STATE_VISIBLE in a.states_of(child):
            n += 1
    return n


def poll(predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = a.safe(predicate)
        if value:
            return value, time.monotonic()
        time.sleep(POLL)
    return None, time.monotonic()


def one_run(app_path, profile, tmp, query, timeout):
    res = {}
    app = a.App(app_path, profile, tmp, extra_env={'CAREFIELD_TIMING': '1'})
    t_launch = time.monotonic()
    app.start()
    try:
        def passphrase_entry():
            acc = app.accessible
            if acc is None:
                desktop = pyatspi.Registry.getDesktop(0)
                for i in range(desktop.childCount):
                    c = desktop.getChildAtIndex(i)
                    if c is not None and c.name == 'carefield' \
                            and c.get_process_id() == app.proc.pid:
                        app.accessible = acc = c
                        a.safe(lambda: c.set_cache_mask(Atspi.Cache.NONE))
                if acc is None:
                    return None
            return a.find_first(acc, lambda n: n.role in a.TEXT_ROLES
                                and a.accessible_name(n.obj) == 'Passphrase')
        entry, t_entry = poll(passphrase_entry, timeout)
        if entry is None:
            raise RuntimeError('no "Passphrase" entry within %.0f s' % timeout)
        res['launch_to_passphrase'] = t_entry - t_launch

        # Not timed: find the caseload list (there, empty, while locked) to poll it cheaply.
        lst = a.find_first(app.accessible, lambda n: n.role in a.LIST_ROLES
                           and a.accessible_name(n.obj) == 'Carers')
        if lst is None:
            raise RuntimeError('no list named "Carers" in the tree')
        kb = a.Keyboard(os.environ.get('CAREFIELD_A11Y_KEYS', 'atspi'))
        kb.type(a.PASSPHRASE)
        ok, _ = poll(lambda: a.char_count(entry.obj) == len(a.PASSPHRASE), timeout)
        if not ok:
            raise RuntimeError('the passphrase did not reach the entry')
        t_return = time.monotonic()
        kb.key('Return')
        n, t_items = poll(lambda: lst.obj.childCount > 0, timeout * 3)
        if not n:
            raise RuntimeError('the caseload list has no items after %.0f s' % (timeout * 3))
        res['return_to_items'] = t_items - t_return

        line, _ = poll(lambda: re.search(r'carefield-timing:.*', app.log_text()), 10)
        res['app_timing'] = line.group(0) if line else '(no carefield-timing line)'
        m = line and re.search(r'ready ([0-9.]+) ms', line.group(0))
        res['app_ms'] = float(m.group(1)) / 1000 if m else None

        # Let the list settle, with the focus in the search entry (where unlocking puts it).
        last, since = None, time.monotonic()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            n = list_items(lst.obj)
            if n != last:
                last, since = n, time.monotonic()
            elif time.monotonic() - since > 1.0:
                break
            time.sleep(0.05)
        res['items_before'] = last
        children = lst.obj.childCount
        t_type = time.monotonic()
        kb.type(query)
        t_typed = time.monotonic()
        # One D-Bus call per poll: the number of row widgets the list exposes.
        changed, t_change = poll(lambda: lst.obj.childCount != children, timeout)
        if not changed:
            raise RuntimeError('the list did not change after typing %r' % query)
        one, t_one = poll(lambda: lst.obj.childCount <= 5 and list_items(lst.obj) == 1, timeout)
        res['type_to_change'] = t_change - t_type
        res['typed_to_change'] = t_change - t_typed
        res['typing'] = t_typed - t_type
        res['type_to_one'] = (t_one - t_type) if one else None
    finally:
        app.stop()
    return res


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--carers', type=int, default=20000)
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--profile')
    args = parser.parse_args()
    app_path = a.require_env('CAREFIELD_APP')
    cli = a.require_env('CAREFIELD_CLI')
    timeout = max(a.TIMEOUT, 30)

    with tempfile.TemporaryDirectory(prefix='carefield-bench-') as tmp:
        profile = args.profile
        if profile is None:
            profile = os.path.join(tmp, 'profile')
            t0 = time.monotonic()
            a.run_cli(cli, profile, tmp, 'init', '--user', 'Access Tester')
            a.run_cli(cli, profile, tmp, 'gen-demo', '--carers', str(args.carers), timeout=600)
            print('profile: %d carers generated in %.1f s' % (args.carers, time.monotonic() - t0))
        carers = a.cli_json(cli, profile, tmp, 'list', '--json')
        target = carers[len(carers) // 2]
        query = target['reference']
        print('profile: %d carers; search query %r (%s)' % (len(carers), query, target['name']))

        # Start the accessibility bus and registry before the first launch is timed.
        a.safe(lambda: pyatspi.Registry.getDesktop(0).childCount)

        runs = []
        for i in range(args.runs):
            r = one_run(app_path, profile, tmp, query, timeout)
            runs.append(r)
            print('run %d: launch->Passphrase %.3f s | Return->list items %.3f s (app: %s) | '
                  'search: %d items, typing %.3f s, start of typing->count changed %.3f s, '
                  'end of typing->changed %.3f s, ->one item %s'
                  % (i + 1, r['launch_to_passphrase'], r['return_to_items'], r['app_timing'],
                     r['items_before'], r['typing'], r['type_to_change'], r['typed_to_change'],
                     '%.3f s' % r['type_to_one'] if r['type_to_one'] is not None else 'never'),
                  flush=True)

        def med(key):
            values = [r[key] for r in runs if r.get(key) is not None]
            return statistics.median(values) if values else float('nan')
        print('median of %d: launch->Passphrase %.3f s; Return->list items %.3f s '
              '(app-side caseload ready %.3f s after the store opened); '
              'search: start of typing->count changed %.3f s, end of typing->changed %.3f s, '
              'start of typing->one item %.3f s'
              % (len(runs), med('launch_to_passphrase'), med('return_to_items'), med('app_ms'),
                 med('type_to_change'), med('typed_to_change'), med('type_to_one')))
    return 0


if __name__ == '__main__':
    sys.exit(main())
