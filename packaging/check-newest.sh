#!/usr/bin/env bash
# Does the app still work with the NEWEST versions pyproject.toml allows?
#
#   bash packaging/check-newest.sh        # PYTHON=python3.12 bash packaging/check-newest.sh
#
# A fresh venv (pip as it comes), `pip install -e '.[test]'` without
# constraints.txt, then `pip install --upgrade` of every installed
# distribution together with the project (so pyproject.toml's bounds and
# markers still hold). Prints which versions differ from constraints.txt,
# runs a CLI smoke test and the test suite, and exits non-zero if any of that
# fails. When it passes and the versions differ, constraints.txt can be
# refreshed from the printed list (then run the README's set-up and tests).
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
cd "$root"
python=${PYTHON:-python3}
unset PIP_CONSTRAINT  # the point is to run without pinned versions

work=$(mktemp -d -t timeline-newest.XXXXXX)
trap 'rm -rf "$work"' EXIT
venv=$work/venv
step() { printf '\n== %s\n' "$*"; }
die() { echo "check-newest.sh: FAIL: $*" >&2; exit 1; }

step "fresh venv ($("$python" --version 2>&1)), pip as it comes: $("$python" -m pip --version | cut -d' ' -f1,2)"
"$python" -m venv "$venv" || die "python -m venv"
"$venv/bin/python" -m pip install -q -e '.[test]' || die "pip install -e '.[test]'"

step "pip install --upgrade of every dependency"
mapfile -t installed < <("$venv/bin/python" -m pip freeze --exclude-editable | sed 's/==.*//' \
                          | grep -viE '^(pip|setuptools|wheel)$')
"$venv/bin/python" -m pip install -q --upgrade --upgrade-strategy eager -e '.[test]' "${installed[@]}" \
  || die "pip install --upgrade"
"$venv/bin/python" -m pip check || die "pip check: the upgraded set is inconsistent"

step "versions that differ from constraints.txt"
"$venv/bin/python" -m pip freeze --exclude-editable >"$work/freeze.txt"
"$venv/bin/python" - constraints.txt "$work/freeze.txt" <<'EOF'
import re
import sys


def pins(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            out[re.sub(r"[-_.]+", "-", name).lower()] = (name, version.split(";")[0].strip())
    return out


pinned, newest = pins(sys.argv[1]), pins(sys.argv[2])
rows = []
for key in sorted(pinned.keys() | newest.keys()):
    old = pinned.get(key, (None, "-"))[1]
    name, new = newest.get(key, (pinned[key][0], "-"))
    if old != new:
        rows.append((name, old, new))
for name, old, new in rows:
    note = "  (not pinned)" if old == "-" else "  (not installed now)" if new == "-" else ""
    print(f"  {name:<28} {old:>18} -> {new}{note}")
print(f"{len(rows)} of {len(newest)} installed distributions differ from constraints.txt")
EOF

status=0
fail() { echo "  FAIL: $*" >&2; status=1; }

step "smoke test (QT_QPA_PLATFORM=offscreen, a temporary folder as cwd and HOME)"
smoke=$work/smoke
mkdir -p "$smoke/home"
app() { (cd "$smoke" && HOME="$smoke/home" QT_QPA_PLATFORM=offscreen timeout 120 "$venv/bin/timeline-app" "$@"); }
if out=$(app --version 2>&1); then echo "  --version: $out"; else fail "--version: $out"; fi
if out=$(app import --db smoke.db "$root"/seeds/*.txt 2>&1) && [[ $out == *"1 imported"* ]]; then
  echo "  import:    $out"
else
  fail "import: $out"
fi
if app events --db smoke.db >"$smoke/events.json" 2>"$smoke/events.err" \
   && "$venv/bin/python" -c 'import json,sys; e=json.load(open(sys.argv[1])); assert e; print(f"  events:    {len(e)}")' "$smoke/events.json"; then
  :
else
  fail "events: $(cat "$smoke/events.err")"
fi
if out=$(app export-png timeline.png --db smoke.db 2>&1) && [[ -f $smoke/timeline.png ]] \
   && (($(stat -c %s "$smoke/timeline.png") > 10240)); then
  echo "  export:    $out ($(stat -c %s "$smoke/timeline.png") bytes)"
else
  fail "export-png: $out"
fi

step "python -m pytest -q -x"
if QT_QPA_PLATFORM=offscreen "$venv/bin/python" -m pytest -q -x -p no:cacheprovider; then
  echo "  tests passed"
else
  fail "tests failed on the newest versions"
fi

step "result"
if ((status == 0)); then
  echo "newest allowed versions: smoke test and tests PASS"
else
  echo "newest allowed versions: FAIL (see above)"
fi
exit $status
