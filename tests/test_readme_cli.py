"""README's "## Command line" section names every sub-command and every option the
parser has: a new option cannot ship undocumented."""

import argparse
import re
from pathlib import Path

import pytest

from timeline_app.cli import build_parser

README = Path(__file__).resolve().parent.parent / "README.md"
HELP = {"-h", "--help"}


def command_line_section() -> str:
    readme = README.read_text(encoding="utf-8")
    section = re.search(r"^## Command line\n(.*?)(?=^## |\Z)", readme, re.S | re.M)
    assert section, "README.md has no '## Command line' section"
    return section.group(1)


def usage_lines() -> list[str]:
    """The lines of the section's ```sh blocks."""
    blocks = re.findall(r"^```sh\n(.*?)^```", command_line_section(), re.S | re.M)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def sub_commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(commands.choices)


def options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if set(a.option_strings) - HELP]


def mentions(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def test_the_parser_has_the_commands_this_test_expects():
    # A guard on the introspection: if argparse's internals changed, fail loudly.
    assert {"import", "events", "articles", "history", "export-png"} <= set(sub_commands())


@pytest.mark.parametrize("name", sorted(sub_commands()))
def test_every_sub_command_and_its_options_are_in_the_readme(name):
    lines = [line for line in usage_lines() if line.startswith(f"timeline-app {name} ")]
    assert lines, f"README '## Command line' shows no `timeline-app {name} ...` line"
    usage = " ".join(lines)
    for action in options(sub_commands()[name]):
        for option in set(action.option_strings) - HELP:
            assert mentions(usage, option), f"`{name} {option}` is not in README's usage line"
        for choice in action.choices or ():
            assert mentions(usage, str(choice)), f"`{name} {action.option_strings[0]} {choice}`"


def test_every_option_of_the_program_itself_is_in_the_readme():
    # Only the lines without a sub-command: `import [--db DB]` does not document `--db`.
    usage = "\n".join(
        line for line in usage_lines() if line.split()[1:2] not in ([n] for n in sub_commands())
    )
    for action in options(build_parser()):
        for option in set(action.option_strings) - HELP:
            assert mentions(usage, option), f"`timeline-app {option}` is not in README"
