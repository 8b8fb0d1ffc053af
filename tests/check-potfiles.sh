#!/usr/bin/env bash
# Checks po/POTFILES.in against the sources:
#  - every .c or .ui file under src/ with translatable strings must be listed;
#  - every file listed must exist.
# Usage: check-potfiles.sh [SOURCE_ROOT]   (default: the folder above this script)
# Exits 0 when all is well, 1 with the offending files on stderr otherwise.

set -euo pipefail

if [[ $# -ge 1 ]]; then
  root=$1
else
  root="$(dirname -- "${BASH_SOURCE[0]}")/.."
fi

if ! cd -- "$root" 2>/dev/null; then
  echo "check-potfiles: cannot enter source root ‘$root’" >&2
  exit 1
fi

potfiles=po/POTFILES.in
if [[ ! -f $potfiles ]]; then
  echo "check-potfiles: $root/$potfiles does not exist" >&2
  exit 1
fi

# The files POTFILES.in lists, without comments, blank lines or [encoding] lines.
declare -A listed=()
while IFS= read -r line || [[ -n $line ]]; do
  line=${line%%#*}
  line="${line#"${line%%[![:space:]]*}"}"
  line="${line%"${line##*[![:space:]]}"}"
  [[ -z $line || $line == \[* ]] && continue
  listed["$line"]=1
done < "$potfiles"

# Candidate sources: files tracked by git and files present on disk, each once.
declare -A candidates=()
if [[ -d src ]]; then
  while IFS= read -r -d '' f; do
    candidates["${f#./}"]=1
  done < <(find ./src -type f \( -name '*.c' -o -name '*.ui' \) -print0)
fi
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  while IFS= read -r -d '' f; do
    candidates["$f"]=1
  done < <(git ls-files -z -- 'src/*.c' 'src/*.ui' 2>/dev/null)
fi

# _( N_( C_( NC_( and any *ngettext( call, with or without a space before the bracket,
# and not as the tail of a longer identifier (so foo_( does not count).
code_pattern='(^|[^[:alnum:]_])(_|N_|C_|NC_)[[:space:]]*\(|ngettext[[:space:]]*\('
ui_pattern='translatable[[:space:]]*=[[:space:]]*["'"'"']yes["'"'"']'

missing=()
for f in "${!candidates[@]}"; do
  [[ -f $f ]] || continue
  [[ -n ${listed[$f]:-} ]] && continue
  if grep -Eq -e "$code_pattern" -e "$ui_pattern" -- "$f"; then
    missing+=("$f")
  fi
done

absent=()
for f in "${!listed[@]}"; do
  [[ -e $f ]] || absent+=("$f")
done

status=0
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "These files have translatable strings but are not in $potfiles:" >&2
  printf '  %s\n' "${missing[@]}" | sort >&2
  status=1
fi
if [[ ${#absent[@]} -gt 0 ]]; then
  echo "$potfiles lists files that do not exist:" >&2
  printf '  %s\n' "${absent[@]}" | sort >&2
  status=1
fi

exit "$status"
