"""Score the extractor on the dev sets (real articles, hand-made gold) and print the figures.

usage: python bench/accuracy.py [TEXTS_ROOT] [--detail DIR]

TEXTS_ROOT holds one folder per set, ``afg/`` and ``drc/``, with the texts fetched as
``../shared/dev/README.md`` says (default: ``$TIMELINE_DEV_TEXTS`` or ``$TMPDIR/dev``).
The DR Congo set is scored with the places file the app ships for it.  The texts are
never part of this repository.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_DEV = ROOT.parent / "shared" / "dev"
SETS = (
    ("afghanistan", "afg", None),
    ("drc", "drc", ROOT / "timeline_app" / "data" / "drc.csv"),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("TIMELINE_DEV_TEXTS") or str(Path(tempfile.gettempdir()) / "dev")
    parser.add_argument("texts", nargs="?", type=Path, default=Path(default))
    parser.add_argument("--detail", type=Path, help="write NAME-detail.txt files here")
    parser.add_argument("--only", choices=[name for name, _, _ in SETS])
    args = parser.parse_args()
    app = Path(sys.executable).parent / "timeline-app"
    for name, folder, places in SETS:
        if args.only and name != args.only:
            continue
        texts = args.texts / folder
        if not texts.is_dir():
            print(f"{name}: no texts in {texts} (fetch them as {SHARED_DEV}/README.md says)")
            continue
        command = [sys.executable, str(SHARED_DEV / "score.py"), str(SHARED_DEV / f"{name}.json"),
                   str(texts), str(app), "--corpus"]  # fmt: skip
        if places:
            command += ["--gazetteer", str(places)]
        if args.detail:
            args.detail.mkdir(parents=True, exist_ok=True)
            command += ["--detail", str(args.detail / f"{name}-detail.txt")]
        result = subprocess.run(command, capture_output=True, text=True)
        lines = (result.stdout or result.stderr).strip().splitlines()
        print(f"{name:12} {lines[-1] if lines else 'no output'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
