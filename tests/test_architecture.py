"""What the import contract (pyproject.toml, ``lint-imports``) cannot say: no two modules of pairaid
import each other, directly or round a loop, every public function has a caller in pairaid, and the
pages, the API, the command line and the reports read through selectors instead of querying models
themselves, and no module is over 400 lines."""

from __future__ import annotations

import ast
import io
import re
import sys
import tokenize
from collections import Counter
from pathlib import Path

import grimp

SRC = Path(__file__).resolve().parents[1] / "src" / "pairaid"

#: Services that nothing calls yet, each with why it stays: the reporting year's pages are being built
#: on them. A name here that gains a caller, or is removed, must leave the list (the test says so).
AWAITING_CALLERS = {
    "events.services.event_delete": "removing an event from the year's pages",
    "events.services.datavalues_from_events": "storing the indicators a year's events give, from the year's pages",
    "plans.services.plan_value_remove": "removing a planned value from the plan's page",
}

#: Modules of the pages, API, command line and reports that still query models themselves (``Model.objects``,
#: or ``get_object_or_404(Model, ...)``), how many times, and why. A number may only fall: a new query in these
#: modules, or in any other, fails; a module that queries less must lower its number here (the test says so).
#: Empty: every read goes through selectors.
QUERYING_MODELS_STILL: dict[str, tuple[int, str]] = {}


def _import_loops(package: str = "pairaid") -> list[list[str]]:
    """Each set of modules that import one another round a loop, for typing only too (Tarjan's strongly
    connected components)."""
    graph = grimp.build_graph(package, exclude_type_checking_imports=False, cache_dir=None)  # typing imports too
    edges = {module: sorted(graph.find_modules_directly_imported_by(module)) for module in graph.modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    loops: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in edges.get(module, []):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                loops.append(sorted(component))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return loops


def test_no_two_modules_import_each_other() -> None:
    assert _import_loops() == []


def _sources() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in SRC.rglob("*.py") if "migrations" not in path.parts}


#: Decorators that do not register a function anywhere: a function under any other (``@router.get``,
#: ``@app.command``, ``@register.filter``, ``@receiver``) is called by what it registers with.
_NOT_REGISTERING = re.compile(r"(transaction\.atomic|staticmethod|classmethod|cached_property|property)$")


def _names_a_function(token: tokenize.TokenInfo) -> bool:
    """An f-string (or, from Python 3.12, a part of one), or a string that is a name or a dotted path."""
    if getattr(tokenize, "FSTRING_MIDDLE", None) == token.type:
        return True
    text = token.string
    return token.type == tokenize.STRING and bool(
        re.match(r"[rbuRBU]*[fF]", text) or re.fullmatch(r"[rbuRBU]*(['\"])[\w.:]+\1", text)
    )


def _names_in_code(sources: dict[Path, str], templates: list[str]) -> Counter[str]:
    """How often each name is written in pairaid's code: Python names (not words of docstrings or comments),
    names in f-strings and in strings that are a name or a dotted path (``"pairaid.web.context.language"``),
    and the words of the templates."""
    names: Counter[str] = Counter()
    for text in sources.values():
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.NAME:
                names[token.string] += 1
            elif _names_a_function(token):
                names.update(re.findall(r"\w+", token.string))
    for template in templates:
        names.update(re.findall(r"\w+", template))
    return names


def _uncalled(*, core: bool = False) -> list[str]:
    """``app.module.function`` for each public function of pairaid outside the core (with ``core``: of
    :mod:`pairaid.core`) that nothing in pairaid calls or names: its name is written nowhere else in the code
    or the templates (a test, a docstring or a comment is no caller). A function registered by a decorator
    (a route, a command, a template filter, a signal's receiver) is called by what it registers with."""
    sources = _sources()
    templates = [p.read_text(encoding="utf-8") for p in SRC.rglob("*.html")]
    names = _names_in_code(sources, templates)
    uncalled = []
    for path, text in sorted(sources.items()):
        if ("core" in path.relative_to(SRC).parts) != core:
            continue
        for node in ast.parse(text).body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            if any(not _NOT_REGISTERING.match(ast.unparse(d)) for d in node.decorator_list):
                continue
            if names[node.name] == 1:  # its own def line only
                uncalled.append(f"{path.parent.name}.{path.stem}.{node.name}")
    return uncalled


def test_a_function_called_only_by_tests_or_named_only_in_prose_is_found(tmp_path: Path) -> None:
    """The scan reads names, not words: a function that a docstring mentions but nothing calls is uncalled;
    one called in an f-string, or named in a dotted path, is called."""
    sources = {
        tmp_path / "a.py": (
            'def tested_only():\n    """Nothing in pairaid calls tested_only."""\n'
            "def shown():\n    pass\n"
            "def wired():\n    pass\n"
            'LABEL = f"{shown()}"\nPATH = "pairaid.a.wired"\n'
        )
    }
    names = _names_in_code(sources, [])
    assert (names["tested_only"], names["shown"], names["wired"]) == (1, 2, 2)


def test_every_function_outside_the_core_has_a_caller_in_pairaid() -> None:
    assert sorted(set(_uncalled()) - set(AWAITING_CALLERS)) == []


def test_every_function_of_core_has_a_caller_in_pairaid() -> None:
    assert _uncalled(core=True) == []


def test_the_list_of_services_awaiting_callers_is_current() -> None:
    assert sorted(set(AWAITING_CALLERS) - set(_uncalled())) == []


def test_a_loop_of_three_modules_is_found(tmp_path: Path) -> None:
    package = tmp_path / "looped"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name, imported in (("a", "b"), ("b", "c"), ("c", "a"), ("d", "a")):
        (package / f"{name}.py").write_text(f"from looped import {imported}\n")
    sys.path.insert(0, str(tmp_path))
    try:
        assert _import_loops("looped") == [["looped.a", "looped.b", "looped.c"]]
    finally:
        sys.path.remove(str(tmp_path))


#: The layers that read through the apps' selectors; of the reports, the modules other than its own
#: selectors and services (which may query, as every app's do).
READING_LAYERS = ("web", "api", "cli", "reports")
_OWN_QUERIES = {"selectors.py", "services.py", "models.py"}
_SHORTCUTS = {"get_object_or_404", "get_list_or_404"}


def _shortcuts_on_models(code: str) -> int:
    """Calls of Django's ``get_object_or_404`` / ``get_list_or_404`` given a model (a name, an attribute or an
    item of a table of models) rather than a selector's query (a call)."""
    calls = 0
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Call) and node.args and not isinstance(node.args[0], ast.Call):
            called = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            calls += called in _SHORTCUTS
    return calls


def _model_queries(root: Path = SRC) -> dict[str, int]:
    """``{module under pairaid: times it queries a model}`` for the pages, the API, the command line and the
    reports: each ``.objects`` and each ``get_object_or_404(Model, ...)`` / ``get_list_or_404(Model, ...)``."""
    found = {}
    for layer in READING_LAYERS:
        for path in sorted((root / layer).rglob("*.py")):
            if layer == "reports" and (path.name in _OWN_QUERIES or "migrations" in path.parts):
                continue
            text = path.read_text(encoding="utf-8")
            code = "\n".join(line.split("#")[0] for line in text.splitlines())
            if count := len(re.findall(r"\.objects\b", code)) + _shortcuts_on_models(text):
                found[path.relative_to(root).as_posix()] = count
    return found


def test_a_model_read_in_pages_or_reports_is_found(tmp_path: Path) -> None:
    """The scan finds ``.objects`` and the 404 shortcuts given a model, in the reports as in the pages, and
    leaves a shortcut given a selector's query, and the reports' own selectors, alone."""
    for layer in READING_LAYERS:
        (tmp_path / layer).mkdir()
    (tmp_path / "web" / "views.py").write_text(
        "get_object_or_404(Pairing, pk=1)\n"
        "shortcuts.get_list_or_404(MODELS[kind], pk=2)\n"
        "get_object_or_404(job_list(user=user), pk=3)\n"
    )
    (tmp_path / "api" / "year.py").write_text("event = get_object_or_404(model, pk=pk)\n")
    (tmp_path / "reports" / "rows.py").write_text("docs = SourceDocument.objects.in_bulk(ids)  # .objects\n")
    (tmp_path / "reports" / "selectors.py").write_text("rows = DataValue.objects.all()\n")
    assert _model_queries(tmp_path) == {"web/views.py": 2, "api/year.py": 1, "reports/rows.py": 1}


def test_pages_api_and_command_line_read_through_selectors() -> None:
    allowed = {module: count for module, (count, _why) in QUERYING_MODELS_STILL.items()}
    more = {module: count for module, count in _model_queries().items() if count > allowed.get(module, 0)}
    assert more == {}, "read through the apps' selectors (and write through their services) instead"


def test_the_list_of_modules_querying_models_is_current() -> None:
    found = _model_queries()
    fewer = {module: found.get(module, 0) for module, (count, _why) in QUERYING_MODELS_STILL.items()}
    assert {module: n for module, n in fewer.items() if n < QUERYING_MODELS_STILL[module][0]} == {}


def test_no_module_is_over_400_lines() -> None:
    """Small modules (issue 15): a module that grows past 400 lines is split by what its parts hold."""
    long = {
        path.relative_to(SRC).as_posix(): lines
        for path in SRC.rglob("*.py")
        if "migrations" not in path.parts and (lines := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}
