"""``timeline-app`` and ``python -m timeline_app``: the CLI, which opens the GUI when asked."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
