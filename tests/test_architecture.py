"""The package's shape: no module reaches into another module's private names.

A name that starts with ``_`` is private to its module. Code that several
modules share lives in a ``_``-prefixed helper module (``backpain._diary_arrays``,
``backpain.read._apple_rules``, ...) under public names, and the modules
import it from there. The check reads the source with :mod:`ast`: it finds
``from m import _name`` where ``m`` is another module, ``from _helper import
_name`` (a helper's shared names are public), and ``m._name`` where ``m`` is a
backpain module bound by an import. Dunders (``__version__``) are not private.
That ``plot`` imports neither ``stats`` nor ``classify`` is tested in
``tests/test_plot.py``.

The layer check reads every import between the package's modules (inside
functions and under ``if TYPE_CHECKING:`` too) and fails on an import from a
higher layer and on any import cycle, except for the imports listed, each with
its reason, in ``ALLOWED``, a list that may only shrink.
"""

from __future__ import annotations

import ast
from pathlib import Path

import backpain

PACKAGE = Path(backpain.__file__).parent


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _module_name(path: Path, root: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts = parts[:-1]
    return ".".join(parts), is_package


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def private_imports(root: Path) -> list[str]:
    """Every use of another module's private name in the package at ``root``."""
    modules = {}
    for path in sorted(root.rglob("*.py")):
        name, is_package = _module_name(path, root)
        modules[name] = (path, is_package)
    top = root.name

    def helper(module: str) -> bool:
        return _private(module.rsplit(".", 1)[-1])

    found = []
    for module, (path, is_package) in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        bound: dict[str, str] = {}  # local name -> the package module it stands for
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                source = _resolve(node, module, is_package)
                for alias in node.names:
                    full = f"{source}.{alias.name}"
                    if full in modules:  # a module imported from its package
                        bound[alias.asname or alias.name] = full
                        continue
                    if _private(alias.name) and source != module:
                        where = "helper module" if helper(source) else "module"
                        found.append(
                            f"{path.relative_to(root.parent)}:{node.lineno}: imports "
                            f"{alias.name} from {where} {source}"
                        )
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name.split(".")[0] == top:
                        if alias.asname:
                            bound[alias.asname] = alias.name
                        else:
                            bound[top] = top
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Attribute) and _private(node.attr)):
                continue
            chain, value = [], node.value
            while isinstance(value, ast.Attribute):
                chain.append(value.attr)
                value = value.value
            if not (isinstance(value, ast.Name) and value.id in bound):
                continue
            target = ".".join([bound[value.id], *reversed(chain)])
            if target in modules and target != module:
                found.append(
                    f"{path.relative_to(root.parent)}:{node.lineno}: uses {target}.{node.attr}"
                )
    return found


def test_no_module_uses_another_modules_private_names():
    assert private_imports(PACKAGE) == []


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return root


def test_the_check_finds_each_kind_of_violation(tmp_path):
    root = _write(
        tmp_path / "pkg",
        {
            "__init__.py": "__version__ = '1'\n",
            "stats.py": "def _helper(): ...\ndef _own(): ...\nx = _own()\n",
            "_shared.py": "def public(): ...\ndef _hidden(): ...\n",
            "multilevel.py": "from .stats import _helper\n",
            "uses_helper_private.py": "from ._shared import _hidden\n",
            "read/__init__.py": "",
            "read/xml.py": "def _scan(): ...\n",
            "read/csv.py": "from . import xml as x\nx._scan()\n",
            "read/absolute.py": "import pkg.stats as st\nst._helper()\n",
            "read/up.py": "from .. import stats\nstats._helper()\n",
        },
    )
    found = private_imports(root)
    # a private imported from a module or a helper, used through a relative,
    # aliased or absolute import: each caught once
    assert len(found) == 5, found
    assert any("multilevel.py:1: imports _helper from module pkg.stats" in f for f in found)
    assert any("imports _hidden from helper module pkg._shared" in f for f in found)
    assert any("csv.py:2: uses pkg.read.xml._scan" in f for f in found)
    assert any("absolute.py:2: uses pkg.stats._helper" in f for f in found)
    assert any("up.py:2: uses pkg.stats._helper" in f for f in found)


def test_the_check_allows_helper_modules_dunders_and_own_names(tmp_path):
    root = _write(
        tmp_path / "pkg",
        {
            "__init__.py": "__version__ = '1'\n",
            "_shared.py": "def public(): ...\n",
            "stats.py": "from ._shared import public\nfrom . import _shared\n_shared.public()\n",
            "cli.py": "from . import __version__\nfrom pkg import stats\nstats.public = 1\n",
            "own.py": "class A:\n    def _f(self): ...\n    def g(self):\n        return self._f()\n",
        },
    )
    assert private_imports(root) == []


# --------------------------------------------------------------- layers and cycles
# The package's layers, lowest first (issue #23 section 6): a module may import
# from its own layer and the layers below it, never from a layer above, and no
# chain of imports may lead back to where it started. ``text`` (the catalogue,
# the error types and progress bars) sits under everything. A module's layer is
# its longest listed prefix (``backpain`` alone is the package's ``__init__``
# only); a module that matches none fails the test, so a new module is placed
# here on purpose.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "text",
        (
            "backpain.text",
            "backpain._check",
            "backpain._config",
            "backpain._locale",
            "backpain._catalogue",
            "backpain.errors",
            "backpain._progress",
            "backpain._cluster",
            "backpain._results",
        ),
    ),
    ("schema", ("backpain.schema",)),
    ("read", ("backpain.read", "backpain.datasets")),
    ("validate", ("backpain.validate",)),
    (
        "analyses",
        (
            "backpain._diary_arrays",
            "backpain._correlation",
            "backpain._cohort_sums",
            "backpain._momentary",
            "backpain.stats",
            "backpain.multilevel",
            "backpain.classify",
            "backpain._durations",
            "backpain.cohort",
            "backpain.describe",
            "backpain.questionnaires",
            "backpain.privacy",
            "backpain.simulate",
            "backpain.change",
            "backpain.esm",
        ),
    ),
    ("dask", ("backpain.dask", "backpain.read._dask")),
    ("plot/explain", ("backpain.plot", "backpain._formatting", "backpain.explain")),
    ("report", ("backpain.report",)),
    (
        "app/cli/demo",
        ("backpain.app", "backpain.cli", "backpain.demo", "backpain.__main__", "backpain"),
    ),
)

# Imports the layer test still lets through, each one (importer, imported): an
# upward import, or the one import that breaks a cycle. This list only shrinks:
# an entry whose import is gone, or that the test would pass without, fails the
# test until it is deleted here.
ALLOWED: dict[tuple[str, str], str] = {
    ("backpain.read", "backpain.read._dask"): "read_dask is exported by backpain.read",
    # The report's two halves import each other (issue #23 section 2): ReportData's
    # to_html/sections/_repr_html_ call back into _render, which imports ReportData;
    # and _build takes check_diary, data_quality and __version__ from the package's top.
    ("backpain.report._build", "backpain.report._render"): "ReportData renders itself",
    ("backpain.report._build", "backpain"): "check_diary, data_quality, __version__",
}


def _imports(root: Path) -> tuple[dict[str, Path], dict[tuple[str, str], list[int]]]:
    """Every module of the package at ``root`` and every import between two of them.

    Imports anywhere in a module count (inside functions and ``if TYPE_CHECKING:``
    too). ``from package import name`` points at the submodule ``package.name``
    when there is one, else at ``package``. Returns the modules' paths and, for each
    (importer, imported) pair, the lines of the imports.
    """
    modules = {}
    for path in sorted(root.rglob("*.py")):
        name, is_package = _module_name(path, root)
        modules[name] = (path, is_package)
    edges: dict[tuple[str, str], list[int]] = {}
    for module, (path, is_package) in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            targets = []
            if isinstance(node, ast.ImportFrom):
                source = _resolve(node, module, is_package)
                for alias in node.names:
                    if f"{source}.{alias.name}" in modules:
                        targets.append(f"{source}.{alias.name}")
                    elif source in modules:
                        targets.append(source)
            elif isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names if alias.name in modules]
            for target in targets:
                if target == module:
                    continue
                lines = edges.setdefault((module, target), [])
                if node.lineno not in lines:
                    lines.append(node.lineno)
    return {name: path for name, (path, _) in modules.items()}, edges


def _layer_of(module: str, layers) -> int | None:
    best, found = -1, None
    for index, (_, prefixes) in enumerate(layers):
        for prefix in prefixes:
            # the package itself ("backpain", no dot) stands for its __init__ only
            inside = "." in prefix and module.startswith(prefix + ".")
            if (module == prefix or inside) and len(prefix) > best:
                best, found = len(prefix), index
    return found


def _reaches(edges, start: str, goal: str) -> bool:
    seen, todo = {start}, [start]
    while todo:
        here = todo.pop()
        if here == goal:
            return True
        for a, b in edges:
            if a == here and b not in seen:
                seen.add(b)
                todo.append(b)
    return False


def _cycles(edges) -> list[list[str]]:
    """The import cycles: each strongly connected set of two or more modules (Tarjan)."""
    graph: dict[str, list[str]] = {}
    for a, b in sorted(edges):
        graph.setdefault(a, []).append(b)
        graph.setdefault(b, [])
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def layer_problems(root: Path, layers=LAYERS, allowed=ALLOWED) -> list[str]:
    """Imports of the package at ``root`` that break the layer order, form a cycle, or
    are allowed in ``allowed`` although they no longer need to be."""
    modules, edges = _imports(root)
    problems = [
        f"{name} is in no layer: add it to LAYERS in tests/test_architecture.py"
        for name in modules
        if _layer_of(name, layers) is None
    ]

    def where(a: str, b: str) -> str:
        lines = ",".join(str(n) for n in edges[a, b])
        return f"{modules[a].relative_to(root.parent)}:{lines}: {a} imports {b}"

    def upward(a: str, b: str) -> bool:
        la, lb = _layer_of(a, layers), _layer_of(b, layers)
        return la is not None and lb is not None and lb > la

    for a, b in sorted(edges):
        if upward(a, b) and (a, b) not in allowed:
            upper, lower = layers[_layer_of(b, layers)][0], layers[_layer_of(a, layers)][0]
            problems.append(f"{where(a, b)} (layer {upper!r} above {lower!r})")
    kept = {edge: lines for edge, lines in edges.items() if edge not in allowed}
    for group in _cycles(kept):
        inside = [where(a, b) for a, b in sorted(kept) if a in group and b in group]
        problems.append("import cycle among " + ", ".join(group) + ": " + "; ".join(inside))
    for a, b in sorted(allowed):
        if (a, b) not in edges:
            problems.append(f"ALLOWED lists {a} -> {b}, which is gone: delete the entry")
        elif not upward(a, b) and not _reaches(kept, b, a):
            problems.append(
                f"ALLOWED lists {a} -> {b}, which neither points upward nor closes a cycle "
                "any more: delete the entry"
            )
    return problems


def test_imports_follow_the_layers_without_cycles():
    problems = layer_problems(PACKAGE)
    assert problems == [], "\n".join(problems)


def test_the_layer_check_finds_upward_imports_cycles_and_stale_entries(tmp_path):
    layers = (
        ("low", ("pkg.low", "pkg.util")),
        ("mid", ("pkg.mid", "pkg.sub")),
        ("high", ("pkg.high", "pkg")),
    )
    root = _write(
        tmp_path / "pkg",
        {
            "__init__.py": "from . import high\n",
            "util.py": "",
            "low.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .mid import M\n",
            "mid.py": "def f():\n    from . import high\n",
            "high.py": "import pkg.mid\n",
            "sub/__init__.py": "from .a import A\n",
            "sub/a.py": "from . import A as B\ndef g():\n    from .. import util\n",
            "stray.py": "",
        },
    )
    found = layer_problems(root, layers, allowed={})
    assert "pkg.stray is in no layer: add it to LAYERS in tests/test_architecture.py" in found
    # an import under TYPE_CHECKING and one inside a function count as imports
    assert any("low.py:3: pkg.low imports pkg.mid (layer 'mid' above 'low')" in f for f in found)
    assert any("mid.py:2: pkg.mid imports pkg.high (layer 'high' above 'mid')" in f for f in found)
    assert any(f.startswith("import cycle among pkg.high, pkg.mid:") for f in found)
    assert any(f.startswith("import cycle among pkg.sub, pkg.sub.a:") for f in found)
    assert len(found) == 5, found

    # allowing the upward edge of the cycle clears both its problems; an entry for an
    # import that is gone, or one the check would pass without, is reported
    allowed = {
        ("pkg.mid", "pkg.high"): "",
        ("pkg.sub.a", "pkg.sub"): "",
        ("pkg.high", "pkg.low"): "",
        ("pkg.sub.a", "pkg.util"): "",
        ("pkg.high", "pkg.mid"): "",  # its cycle is already broken by mid -> high
    }
    found = layer_problems(root, layers, allowed=allowed)
    assert not any(f.startswith("import cycle") or "mid.py" in f for f in found), found
    assert "ALLOWED lists pkg.high -> pkg.low, which is gone: delete the entry" in found
    assert any(f.startswith("ALLOWED lists pkg.sub.a -> pkg.util, which neither") for f in found)
    assert any(f.startswith("ALLOWED lists pkg.high -> pkg.mid, which neither") for f in found)
    assert len(found) == 5, found  # with the stray module and the TYPE_CHECKING import
