"""Every package pairaid imports is declared in ``pyproject.toml`` and pinned in ``requirements.lock``.

Three ways a fresh ``pip install .`` can break, each with its test:

* the code imports a package it does not declare (it arrived through another one, until it no longer
  does): the imports of ``src/`` must be runtime dependencies, those of ``tests/`` and ``bench/``
  runtime or ``dev`` ones;
* a declared package is not pinned, or pinned differently in the lock;
* a dependency imports a package it does not ask for (spaCy imports click; typer 0.29 no longer
  brings it): every distribution loaded by importing all of pairaid must be asked for by the
  declared runtime dependencies, read from the installed packages' metadata.

``scripts/check-install`` (run by CI) proves the same from the other side: ``pip install .`` into a
new virtual environment, then ``pairaid --help`` and ``pairaid extract``.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RUNTIME = [Requirement(line) for line in PROJECT["dependencies"]]
DEV = [Requirement(line) for line in PROJECT["optional-dependencies"]["dev"]]
LOCAL = {"pairaid", "tests", "bench", "conftest"}


def _names(requirements: list[Requirement]) -> set[str]:
    return {canonicalize_name(r.name) for r in requirements}


def _imported_top_modules(folder: Path) -> dict[str, str]:
    """Top-level module -> one file importing it, for every absolute import (lazy ones included)."""
    found: dict[str, str] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module]
            else:
                continue
            for module in modules:
                top = module.split(".")[0]
                if top not in sys.stdlib_module_names and top not in LOCAL:
                    found.setdefault(top, str(path.relative_to(REPO)))
    return found


def _undeclared(folder: str, declared: set[str]) -> list[str]:
    owners = metadata.packages_distributions()
    missing = []
    for module, where in _imported_top_modules(REPO / folder).items():
        distributions = {canonicalize_name(d) for d in owners.get(module, [module])}
        if not distributions & declared:
            missing.append(f"{module} (imported in {where}; installed from {sorted(distributions)})")
    return missing


def _asked_for(roots: list[Requirement]) -> set[str]:
    """The distributions ``roots`` ask for, with what those ask for in turn (markers and extras honoured)."""
    environment = {k: str(v) for k, v in default_environment().items()}
    seen: set[tuple[str, frozenset[str]]] = set()
    todo = list(roots)
    while todo:
        requirement = todo.pop()
        key = (canonicalize_name(requirement.name), frozenset(requirement.extras))
        if key in seen:
            continue
        seen.add(key)
        for line in metadata.distribution(requirement.name).requires or []:
            wanted = Requirement(line)
            extras = requirement.extras or {""}
            if wanted.marker is None or any(wanted.marker.evaluate({**environment, "extra": e}) for e in extras):
                todo.append(wanted)
    return {name for name, _ in seen}


def test_the_code_imports_only_declared_packages() -> None:
    assert _undeclared("src", _names(RUNTIME)) == []


def test_tests_and_benchmarks_import_only_declared_packages() -> None:
    declared = _names(RUNTIME) | _names(DEV)
    assert _undeclared("tests", declared) == []
    assert _undeclared("bench", declared) == []


def test_every_declared_package_is_pinned_as_in_the_lock() -> None:
    lock = {}
    for line in (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            lock[canonicalize_name(name)] = version.strip()
    for requirement in RUNTIME + DEV:
        (pin,) = requirement.specifier
        assert pin.operator == "==", f"{requirement} is not pinned"
        assert lock.get(canonicalize_name(requirement.name)) == pin.version, f"{requirement} differs in the lock"


_IMPORT_ALL = """
import json, os, pkgutil, importlib, sys
for name in sys.argv[1:]:
    sys.modules[name] = None  # importing it now raises ImportError, as if it were not installed
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pairaid.config.settings")
import django
django.setup()
import pairaid
for module in pkgutil.walk_packages(pairaid.__path__, "pairaid."):
    if ".migrations" not in module.name and not module.name.endswith((".wsgi", ".asgi")):
        importlib.import_module(module.name)
print(json.dumps(sorted({n.split(".")[0] for n in sys.modules if sys.modules[n] is not None})))
"""


def _import_all(*blocked: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _IMPORT_ALL, *blocked], capture_output=True, text=True)


def test_what_importing_pairaid_needs_is_asked_for_by_the_declared_packages() -> None:
    """Import every pairaid module in a fresh interpreter; a module it loaded from a distribution that
    no runtime dependency asks for must be an optional import (the import succeeds without it, as
    rich's of attrs and Django's of colorama do), not one that breaks a fresh install (spaCy's of click)."""
    loaded = _import_all()
    assert loaded.returncode == 0, loaded.stderr
    owners = metadata.packages_distributions()
    asked = _asked_for(RUNTIME)
    strays = [
        module
        for module in json.loads(loaded.stdout)
        if module in owners
        and module not in LOCAL
        and not {canonicalize_name(d) for d in owners[module]} & asked
    ]
    needed = [f"{module} ({', '.join(owners[module])})" for module in strays if _import_all(module).returncode != 0]
    assert needed == [], "imported, not declared, and pairaid fails without it"
