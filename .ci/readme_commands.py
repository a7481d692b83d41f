"""Print the README's set-up commands, one per line: the ```sh blocks under '## Set up'.

.ci/run runs exactly what this prints, so CI cannot drift from what users are told;
tests/test_setup_commands.py checks both sides.
"""

import re
import sys
from pathlib import Path


def setup_commands(readme: str) -> list[str]:
    section = re.search(r"^## Set up\n(.*?)(?=^## )", readme, re.S | re.M)
    if not section:
        raise SystemExit("README.md has no '## Set up' section")
    blocks = re.findall(r"^```sh\n(.*?)^```", section.group(1), re.S | re.M)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


if __name__ == "__main__":
    readme = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md").read_text(encoding="utf-8")
    print("\n".join(setup_commands(readme)))
