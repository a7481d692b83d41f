"""``timeline-app`` and ``python -m timeline_app``: the CLI, which opens the GUI when asked."""

import os
import sys

# Options of the whole command that take a value, so that it is not read as the command.
_VALUED = {"--db", "--screenshot"}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if _may_use_workers(args):
        # The workers' forkserver loads the extraction while this process loads the CLI
        # and opens the database, instead of after (on two cores, about 0.3 s sooner).
        from .parallel import start_forkserver

        start_forkserver()
    from .cli import main as run

    return run(argv)


def _may_use_workers(args: list[str]) -> bool:
    """Whether ``args`` look like an import big enough for worker processes (a
    guess, made before loading anything: the import itself decides)."""
    command, rest = None, iter(args)
    for arg in rest:
        if arg in _VALUED:
            next(rest, None)
        elif not arg.startswith("-"):
            command = arg
            break
    if command != "import" or "-h" in args or "--help" in args:
        return False  # (the window, for one, starts without multiprocessing)
    from .parallel import MIN_FILES_PER_WORKER, default_workers  # light: no extraction

    paths, workers = [], None
    for arg in rest:
        if arg.startswith("--workers"):
            workers = arg.partition("=")[2] or next(rest, "")
        elif arg in ("--db", "--published", "--gazetteer", "--period"):
            next(rest, None)
        elif not arg.startswith("-"):
            paths.append(arg)
    if workers is not None and workers.strip() in ("", "0", "1"):
        return False
    if workers is None and default_workers() < 2:
        return False
    return _holds_files(paths, 2 * MIN_FILES_PER_WORKER)


def _holds_files(paths: list[str], enough: int) -> bool:
    """Whether ``paths`` name or hold (in folders, not hidden, links to folders not
    followed) at least ``enough`` files: a look at names only, that stops there."""
    count, folders = 0, []
    for path in paths:
        if os.path.isdir(path):
            folders.append(path)
        else:
            count += 1
    while folders and count < enough:
        try:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        folders.append(entry.path)
                    else:
                        count += 1
        except OSError:
            continue
    return count >= enough


if __name__ == "__main__":
    sys.exit(main())
