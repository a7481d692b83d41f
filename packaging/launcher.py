"""Entry script of the frozen app.

timeline_app/__main__.py uses a relative import, which fails when PyInstaller
runs a file as the top-level script, so the bundle starts here and calls the
same main() as the ``timeline-app`` console script.
"""

import sys

from timeline_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
