"""Checks CI runs as tests (CI runs only pytest): import rules and lint.

The import rules are an import-linter contract in pyproject.toml; `lint-imports`
reads every import statement, also those inside functions and modules no test
imports, so a core module that reaches for Qt fails here even where Qt is installed.
"""

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "timeline_app"
BIN = Path(sys.executable).parent  # the venv's scripts, installed with the test extras
NOT_CORE = {"gui", "cli", "__main__"}
CORE_CONTRACT = "The core works without Qt"


def top_level_modules() -> set[str]:
    """timeline_app's modules and packages (folders holding Python), from the files."""
    modules = {p.stem for p in PACKAGE.glob("*.py") if p.name != "__init__.py"}
    packages = {
        p.name
        for p in PACKAGE.iterdir()
        if p.is_dir() and p.name != "__pycache__" and any(p.rglob("*.py"))
    }
    return modules | packages


def core_contract() -> dict:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    linter = config["tool"]["importlinter"]
    assert linter["root_package"] == "timeline_app"
    assert linter.get("include_external_packages") is True, "needed to forbid PySide6"
    [contract] = [c for c in linter["contracts"] if c["name"].startswith(CORE_CONTRACT)]
    return contract


def test_the_filesystem_scan_sees_the_package():
    # If the scan found nothing, the comparison below would prove nothing.
    assert {"gui", "cli", "__main__", "storage", "importers", "services"} <= top_level_modules()


def test_the_core_contract_covers_every_module_but_gui_and_cli():
    contract = core_contract()
    assert contract["type"] == "forbidden"
    assert set(contract["forbidden_modules"]) == {
        "timeline_app.gui", "PySide6", "shiboken6", "pyqtgraph",
    }  # fmt: skip
    listed = set(contract["source_modules"])
    expected = {f"timeline_app.{name}" for name in top_level_modules() - NOT_CORE}
    assert listed == expected, (
        f"add to the contract in pyproject.toml: {sorted(expected - listed)}; "
        f"remove (no longer there): {sorted(listed - expected)}"
    )


def run_tool(name: str, *args: str) -> subprocess.CompletedProcess:
    tool = BIN / name
    assert tool.is_file(), f"{name} is not installed beside {sys.executable} (the test extras)"
    return subprocess.run([str(tool), *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_import_contracts_are_kept():
    result = run_tool("lint-imports", "--no-cache", "--no-logo", "pyproject.toml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_ruff_finds_nothing():
    result = run_tool("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_package_the_build_lists_is_a_folder():
    """A listed package that is a module (or gone) breaks every install."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    renamed = config.get("package-dir", {})
    for package in config["packages"]:
        folder = renamed.get(package, package.replace(".", "/"))
        assert (ROOT / folder).is_dir(), f"pyproject lists {package}, but {folder}/ is no folder"


# What querying the database looks like in source: a call of one of these methods
# (sqlite3's and sqlite-utils'), or a reach for the connection itself.
_QUERY_CALLS = {"execute", "executemany", "executescript", "query"}
_CONNECTION_ATTRIBUTES = {"_db", "conn"}


def sql_outside_storage(source: str) -> list[str]:
    """Lines of a module that query a database connection: 'LINE: what'."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Attribute):
            continue
        if node.attr in _CONNECTION_ATTRIBUTES:
            found.append(f"{node.lineno}: .{node.attr}")
        elif node.attr in _QUERY_CALLS:
            found.append(f"{node.lineno}: .{node.attr}()")
    return found


def test_the_sql_scan_sees_a_query():
    # The scan must recognise what it forbids, or its silence below proves nothing.
    query = "rows = store.db.execute('SELECT 1').fetchall()"
    assert sql_outside_storage(query) == ["1: .execute()"]
    assert sql_outside_storage("store._db.conn.close()") == ["1: .conn", "1: ._db"]
    assert sql_outside_storage("rows = store.events()") == []


def test_sql_lives_only_in_storage():
    """Every query is a Store method named for what it returns: no module outside
    storage/ reaches the connection or runs SQL itself."""
    offenders = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "storage" in path.relative_to(PACKAGE).parts:
            continue
        found = sql_outside_storage(path.read_text(encoding="utf-8"))
        if found:
            offenders[str(path.relative_to(ROOT))] = found
    assert not offenders, f"move these queries behind Store methods: {offenders}"
