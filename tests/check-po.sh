#!/usr/bin/env bash
# Checks every translation listed in po/LINGUAS:
#  - msgfmt --check finds no error (format strings, plural forms, the header);
#  - nothing is fuzzy or untranslated, counting the messages the sources have now and the
#    catalogue lacks: the catalogue is first merged (msgmerge, without fuzzy matching) with a
#    template made here from po/POTFILES.in, as `ninja carefield-pot` makes it;
#  - a language listed has its .po file.
# Usage: check-po.sh [SOURCE_ROOT]   (default: the folder above this script)
# Exits 0 when all is well (also when LINGUAS lists nothing yet), 1 with the problems on
# stderr otherwise. Nothing is written in the source tree.

set -euo pipefail

if [[ $# -ge 1 ]]; then
  root=$1
else
  root="$(dirname -- "${BASH_SOURCE[0]}")/.."
fi

if ! cd -- "$root" 2>/dev/null; then
  echo "check-po: cannot enter source root ‘$root’" >&2
  exit 1
fi

for tool in xgettext msgmerge msgfmt; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "check-po: $tool is missing (Debian: gettext)" >&2
    exit 1
  fi
done

if [[ ! -f po/LINGUAS ]]; then
  echo "check-po: $root/po/LINGUAS does not exist" >&2
  exit 1
fi

languages=()
while IFS= read -r line || [[ -n $line ]]; do
  line=${line%%#*}
  for code in $line; do
    languages+=("$code")
  done
done < po/LINGUAS

if [[ ${#languages[@]} -eq 0 ]]; then
  echo "check-po: po/LINGUAS lists no language yet; nothing to check"
  exit 0
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The template, as po/meson.build makes it (i18n.gettext, preset glib, and our own arguments).
xgettext --package-name=carefield -p "$scratch" -f po/POTFILES.in -D . -k_ -o carefield.pot \
  --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
  --keyword=g_dpgettext2:2c,3 --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
  --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
  --add-comments=Translators 2>"$scratch/xgettext.log" || {
    echo "check-po: xgettext could not make the template:" >&2
    cat "$scratch/xgettext.log" >&2
    exit 1
  }

status=0
for code in "${languages[@]}"; do
  po=po/$code.po
  if [[ ! -f $po ]]; then
    echo "$code: po/LINGUAS lists it, but $po does not exist" >&2
    status=1
    continue
  fi

  # As the catalogue is: errors only.
  if ! msgfmt --check -o /dev/null "$po" 2>"$scratch/$code.check"; then
    echo "$code: msgfmt --check finds errors in $po:" >&2
    sed 's/^/  /' "$scratch/$code.check" >&2
    status=1
    continue
  fi

  # Against what the sources say now: every message, translated and not fuzzy.
  if ! msgmerge --quiet --no-fuzzy-matching --no-wrap -o "$scratch/$code.po" "$po" \
       "$scratch/carefield.pot" 2>"$scratch/$code.merge"; then
    echo "$code: msgmerge failed:" >&2
    sed 's/^/  /' "$scratch/$code.merge" >&2
    status=1
    continue
  fi
  if ! msgfmt --check --statistics -o /dev/null "$scratch/$code.po" \
       2>"$scratch/$code.stats"; then
    echo "$code: msgfmt --check finds errors once merged with the sources:" >&2
    sed 's/^/  /' "$scratch/$code.stats" >&2
    status=1
    continue
  fi
  stats=$(tail -n 1 "$scratch/$code.stats")
  echo "$code: $stats"
  if [[ $stats == *fuzzy* || $stats == *untranslated* ]]; then
    echo "$code: $po is not complete ($stats). The messages:" >&2
    # Fuzzy and untranslated entries, by their msgid, a few at most.
    { msgattrib --only-fuzzy --no-obsolete --no-wrap "$scratch/$code.po" 2>/dev/null
      msgattrib --untranslated --no-obsolete --no-wrap "$scratch/$code.po" 2>/dev/null
    } | grep '^msgid "..*"' | head -n 20 | sed 's/^/  /' >&2 || true
    status=1
  fi
done

exit "$status"
