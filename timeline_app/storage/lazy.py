"""numpy for the storage modules, executed on its first use.

An import from the command line stores its articles with plain SQL and never
needs numpy, which cost about 0.1 s of CPU at every start (the workers wait
for the caller to open the database); the window, the exports, the table's
order and a large refresh load it when they first reach into it.
``importlib.util.LazyLoader`` is the standard library's way of doing this: the
module object is there at once and runs its code on its first attribute access.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy(name: str) -> ModuleType:
    """The module ``name``, run when first reached into (at once when it is loaded)."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:  # pragma: no cover - numpy is a dependency
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


np = lazy("numpy")
