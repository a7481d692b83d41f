"""The README's set-up commands, .ci/run and constraints.txt cannot drift apart.

CI (.ci/run) runs exactly the commands .ci/readme_commands.py reads from the
README's "## Set up" section, so what users are told is what CI checks; these
tests keep both sides honest without running the (slow) install itself.
"""

import re
import runpy
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CI_RUN = ROOT / ".ci" / "run"
READER = ROOT / ".ci" / "readme_commands.py"
VENV = ".venv"


def setup_commands() -> list[str]:
    reader = runpy.run_path(str(READER))  # not as __main__: nothing printed
    return reader["setup_commands"](README.read_text(encoding="utf-8"))


def steps(command: str) -> list[list[str]]:
    """A `a && b && c` command line as the words of each step."""
    return [shlex.split(step) for step in command.split("&&")]


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_the_readme_has_exactly_two_set_up_commands():
    assert len(setup_commands()) == 2


def test_the_first_creates_a_venv_installs_with_the_constraints_and_launches_the_demo():
    first, _ = setup_commands()
    create, *install, launch = steps(first)
    assert create == ["python3", "-m", "venv", VENV]
    pips = [words for words in install if words[:2] == [f"{VENV}/bin/pip", "install"]]
    assert len(pips) == 1, f"one `{VENV}/bin/pip install` step: {install}"
    [pip] = pips
    pairs = list(zip(pip, pip[1:], strict=False))
    assert ("-c", "constraints.txt") in pairs, f"installs without the tested versions: {pip}"
    assert "-e" in pip and ".[test]" in pip, "the tests need the test extras installed"
    assert launch == [f"{VENV}/bin/timeline-app", "--demo"]


def test_the_second_runs_pytest_in_that_venv():
    _, second = setup_commands()
    [words] = steps(second)
    assert words[:3] == [f"{VENV}/bin/python", "-m", "pytest"]


def test_the_reader_as_a_script_prints_those_commands():
    result = subprocess.run(
        [sys.executable, str(READER), str(README)],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert result.stdout.splitlines() == setup_commands()


def ci_code_lines() -> list[str]:
    """.ci/run without comments (whole-line, or after whitespace) and blank lines."""
    lines = []
    for line in CI_RUN.read_text(encoding="utf-8").splitlines():
        code = re.sub(r"(^|\s)#.*$", "", line).strip()
        if code:
            lines.append(code)
    return lines


def test_ci_runs_what_the_reader_prints_and_nothing_of_its_own():
    lines = ci_code_lines()
    code = "\n".join(lines)
    assert CI_RUN.read_text(encoding="utf-8").startswith("#!/usr/bin/env bash\n")
    assert re.search(r"<\(python3 \.ci/readme_commands\.py README\.md\)", code), code
    assert re.search(r"\$\{#commands\[@\]\} -eq 2\b", code), "CI should insist on 2 commands"
    assert re.search(r'for command in "\$\{commands\[@\]\}"', code)
    assert re.search(r'-c "\$command"', code), "each command is run as written"
    own = [line for line in lines if re.search(r"\b(pip3?|pytest|venv|ruff)\b", line)]
    assert not own, f".ci/run installs or tests on its own: {own}"


def test_constraints_pin_every_dependency_and_test_extra():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [Requirement(r) for r in project["dependencies"]]
    requirements += [Requirement(r) for r in project["optional-dependencies"]["test"]]
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, sep, version = line.partition("==")
            assert sep and version.strip(), f"constraints.txt: {line!r} is not a == pin"
            pins[normalise(name.strip())] = version.strip()
    missing = sorted({r.name for r in requirements if normalise(r.name) not in pins})
    assert not missing, f"constraints.txt pins none of {missing}"
    for requirement in requirements:
        pinned = pins[normalise(requirement.name)]
        if requirement.marker is None or requirement.marker.evaluate():
            assert requirement.specifier.contains(pinned, prereleases=True), (
                f"constraints.txt pins {requirement.name}=={pinned}, outside {requirement}"
            )
