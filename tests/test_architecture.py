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
