#!/usr/bin/env bash
# Build the one-folder desktop bundle (dist/timeline-app/) with PyInstaller and
# smoke-test the frozen binary with no Python environment in reach.
#
#   bash packaging/build.sh            # PYTHON=python3.12 bash packaging/build.sh for another one
#
# Environment: PYTHON (default python3), DIST (default: dist/ in the checkout),
# KEEP_WORK=1 keeps the temporary build venv and PyInstaller work folder.
# Exits non-zero on any failed step or check.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
cd "$root"

python=${PYTHON:-python3}
dist=${DIST:-$root/dist}
name=timeline-app
bundle=$dist/$name

work=$(mktemp -d -t timeline-build.XXXXXX)
cleanup() {
  if [[ ${KEEP_WORK:-} == 1 ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

fail() { echo "build.sh: FAIL: $*" >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }

t0=$(date +%s)

# --- 1. a throwaway build venv: the app at the tested versions, plus PyInstaller
step "build venv ($("$python" --version 2>&1)), pip as it comes"
"$python" -m venv "$work/venv"
venv_python=$work/venv/bin/python
# Only the app's run-time dependencies (no [test] extra): what is in this venv
# is what PyInstaller may find and bundle.
"$venv_python" -m pip install -q -c constraints.txt -r packaging/requirements-build.txt -e .
if "$venv_python" -m pip show -q PySide6_Addons >/dev/null 2>&1; then
  fail "PySide6-Addons got installed: the bundle is meant to hold PySide6-Essentials only"
fi
"$venv_python" -m pip freeze --exclude-editable >"$work/freeze.txt"
echo "$(wc -l <"$work/freeze.txt") packages; PyInstaller $("$venv_python" -m PyInstaller --version)"

# --- 2. PyInstaller
step "pyinstaller packaging/timeline.spec"
t1=$(date +%s)
rm -rf "$bundle"
"$venv_python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work/pyinstaller" packaging/timeline.spec
t2=$(date +%s)
[[ -x $bundle/$name ]] || fail "no executable at $bundle/$name"

# --- 3. desktop entry and icon beside the executable
cp resources/timeline.svg "$bundle/$name.svg"
desktop=$(<packaging/timeline-app.desktop)
printf '%s\n' "${desktop//@BUNDLE@/$bundle}" >"$bundle/$name.desktop"
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$bundle/$name.desktop" || fail "desktop-file-validate"
fi

# --- 4. smoke test: a clean environment, a temporary folder as cwd and HOME
step "smoke test of the bundled binary (env -i, cwd and HOME in a temporary folder)"
smoke=$work/smoke
mkdir -p "$smoke/home" "$smoke/seeds"
cp seeds/* "$smoke/seeds/"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml)

# run LABEL ARGS...: the bundle's binary with nothing of this shell's environment
# (plus the VAR=VALUE words in run_env)
run_env=()
run() {
  local label=$1
  shift
  if ! (cd "$smoke" && env -i HOME="$smoke/home" PATH=/usr/bin:/bin QT_QPA_PLATFORM=offscreen \
        "${run_env[@]}" timeout 120 "$bundle/$name" "$@" >"$smoke/$label.out" 2>"$smoke/$label.err"); then
    echo "--- stdout" >&2; cat "$smoke/$label.out" >&2
    echo "--- stderr" >&2; cat "$smoke/$label.err" >&2
    fail "$label: timeline-app $* exited non-zero"
  fi
  printf '  %-12s ok  %s\n' "$label" "$(head -n 1 "$smoke/$label.out")"
}
expect() {  # expect LABEL TEXT: TEXT must appear in LABEL's stdout
  grep -qF -- "$2" "$smoke/$1.out" || { cat "$smoke/$1.out" "$smoke/$1.err" >&2; fail "$1: expected '$2'"; }
}
png_over_10k() {
  local file=$smoke/$1
  [[ -f $file ]] || fail "$1 was not written"
  [[ $(head -c 8 "$file" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "$1 is not a PNG"
  local size
  size=$(stat -c %s "$file")
  ((size > 10240)) || fail "$1 is only $size bytes"
  echo "               $1: $size bytes"
}

run version --version
expect version "$name $version"

shopt -s nullglob
sample=("$smoke"/seeds/*.txt)
shopt -u nullglob
((${#sample[@]})) || fail "no sample articles in seeds/"
run import import --db smoke.db "${sample[@]#"$smoke/"}"
expect import "1 imported"

run events events --db smoke.db
"$python" - "$smoke/events.out" <<'EOF' || fail "events: not a JSON list of events with sources"
import json, sys
events = json.load(open(sys.argv[1], encoding="utf-8"))
assert isinstance(events, list) and events and all(e["sources"] for e in events), events
print(f"               {len(events)} events, e.g. {events[0]['place']}: {events[0]['status']}")
EOF

run export export-png timeline.png --db smoke.db
png_over_10k timeline.png

# A saved web page whose article is short enough (under trafilatura's
# min_extracted_size) that trafilatura also runs justext, which reads its
# stoplists; settings.cfg is read when trafilatura is imported; htmldate and
# dateparser find the date. Any missing data file fails the import.
cat >"$smoke/kunduz.html" <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Taliban capture Kunduz - Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2021-08-08T09:00:00Z">
<link rel="canonical" href="https://news.example.org/world/kunduz-falls">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/cookies">Cookies</a></nav>
<article><h1>Taliban capture Kunduz</h1>
<p>The Taliban captured Kunduz on Sunday, officials said.</p>
</article>
<footer>&copy; Example News</footer>
</body></html>
EOF
run html import --db html.db kunduz.html
expect html "1 imported"
run articles articles --db html.db
expect articles "2021-08-08"
expect articles "Example News"
expect articles "Taliban capture Kunduz"

# The window: --demo seeds a throwaway database from the bundled sample, draws,
# and closes itself (TIMELINE_APP_QUIT_AFTER_MS) or saves a screenshot.
run_env=(TIMELINE_APP_QUIT_AFTER_MS=1500)
run window --demo
run_env=()
expect window "window shown: 1 article(s)"
if grep -E "Cannot open file|Traceback" "$smoke/window.err" >&2; then
  fail "window: a file of the bundle was not found"
fi
run screenshot --demo --screenshot window.png
png_over_10k window.png

# Files that are only read on some paths: check they are there.
internal=$bundle/_internal
for f in timeline_app/data/afghanistan.csv timeline_app/resources/timeline.svg \
         trafilatura/settings.cfg justext/stoplists/English.txt \
         tld/res/effective_tld_names.dat.txt \
         PySide6/Qt/plugins/platforms/libqoffscreen.so PySide6/Qt/plugins/platforms/libqxcb.so \
         PySide6/Qt/plugins/imageformats/libqsvg.so PySide6/Qt/plugins/iconengines/libqsvgicon.so; do
  [[ -e $internal/$f ]] || fail "missing from the bundle: $f"
done
# ...and that what should stay out did.
for pattern in 'PyQt5*' 'PyQt6*' 'tkinter' '_tkinter*' 'pytest*' '_pytest' 'hypothesis' 'ruff' \
               'libQt6Quick*' 'libQt6Qml*' 'libQt6WebEngine*' 'libQt6Multimedia*' 'libQt6Pdf*' \
               'libQt63D*' 'libQt6Sql*' 'libQt6Designer*'; do
  found=$(find "$internal" -name "$pattern" -print -quit)
  [[ -z $found ]] || fail "should not be in the bundle: ${found#"$internal/"}"
done
echo "  bundle contents checked"

t3=$(date +%s)
step "result"
echo "bundle:     $bundle"
echo "size:       $(du -sh "$bundle" | cut -f1) ($(find "$bundle" -type f | wc -l) files)"
echo "build time: $((t2 - t1)) s PyInstaller, $((t3 - t0)) s in all (venv, install, build, smoke)"
echo "smoke test: passed"
