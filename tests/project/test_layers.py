"""The import graph: layers run one way, press uses the plugin's one door, no circle.

Layers: `site_checks` → `press` → `socratic_blog` (the plugin). A module of ours
that names another module's attribute (`fm.SLUG_PATTERN`, `from x import NAME`)
must find it there, wherever the use sits: a stale name in a rarely run path
fails here, in the fast tier, not in an author's hands.
"""

from __future__ import annotations

import ast
import importlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.support.builds import ROOT

PACKAGES = {
    "socratic_blog": ROOT / "plugins" / "socratic_blog",
    "press": ROOT / "press",
    "site_checks": ROOT / "site_checks",
}
LAYER = {"socratic_blog": 0, "press": 1, "site_checks": 2}
DOOR = "socratic_blog.api"


@dataclass
class Module:
    """One module of ours: its name, its file, and what it imports from ours."""

    name: str
    path: Path
    imports: list[tuple[str, int, bool]] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)
    uses: list[tuple[str, str, int]] = field(default_factory=list)


def module_name(package: str, root: Path, path: Path) -> str:
    """The dotted name of the module at `path` in `package`."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([package, *parts])


def ours(name: str) -> bool:
    """Say whether a dotted module name belongs to one of our packages."""
    return name.split(".", maxsplit=1)[0] in PACKAGES


def is_module(name: str) -> bool:
    """Say whether `name` imports as a module (not an attribute of one)."""
    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


def absolute(module: Module, node: ast.ImportFrom) -> str:
    """The absolute module an ImportFrom names, relative ones resolved."""
    if not node.level:
        return node.module or ""
    package = module.name
    if module.path.name != "__init__.py":
        package = package.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


def typing_only(tree: ast.Module) -> set[int]:
    """The imports under `if TYPE_CHECKING:`: for annotations, never run."""
    return {
        id(inner)
        for node in tree.body
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
        for inner in node.body
    }


def read_import(module: Module, node: ast.Import | ast.ImportFrom, local: bool):
    """Record what one import statement takes from our packages."""
    if isinstance(node, ast.Import):
        for alias in node.names:
            if ours(alias.name):
                module.imports.append((alias.name, node.lineno, local))
                if alias.asname:
                    module.aliases[alias.asname] = alias.name
        return
    source = absolute(module, node)
    if not ours(source):
        return
    for alias in node.names:
        dotted = f"{source}.{alias.name}"
        if is_module(dotted):
            module.imports.append((dotted, node.lineno, local))
            module.aliases[alias.asname or alias.name] = dotted
        else:
            module.imports.append((source, node.lineno, local))
            module.uses.append((source, alias.name, node.lineno))


def read_module(module: Module) -> Module:
    """Collect a module's imports of ours, its module aliases and their uses."""
    tree = ast.parse(module.path.read_text(encoding="utf-8"))
    top_level = {id(node) for node in tree.body}
    skipped = typing_only(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in skipped:
            read_import(module, node, local=id(node) not in top_level)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in module.aliases
        ):
            module.uses.append((module.aliases[node.value.id], node.attr, node.lineno))
    return module


def our_modules() -> list[Module]:
    """Every module of our three packages, read."""
    return [
        read_module(Module(module_name(package, root, path), path))
        for package, root in PACKAGES.items()
        for path in sorted(root.rglob("*.py"))
    ]


MODULES = our_modules()


def where(module: Module, line: int) -> str:
    """`path:line` of a module's line, for a failure message."""
    return f"{module.path.relative_to(ROOT)}:{line}"


def test_no_layer_imports_a_higher_one():
    wrong = [
        f"{where(module, line)}: {module.name} imports {target}"
        for module in MODULES
        for target, line, _ in module.imports
        if LAYER[target.split(".")[0]] > LAYER[module.name.split(".")[0]]
    ]
    assert wrong == []


def test_press_reads_the_plugin_only_through_its_door_at_the_top():
    wrong = [
        f"{where(module, line)}: {target}" + (" (inside a function)" if local else "")
        for module in MODULES
        if not module.name.startswith("socratic_blog")
        for target, line, local in module.imports
        if target.startswith("socratic_blog")
        and (target != DOOR or local)
        and not module.name.startswith("site_checks")
    ]
    assert wrong == []


def test_site_checks_reach_the_plugin_only_through_press():
    wrong = [
        f"{where(module, line)}: {target}"
        for module in MODULES
        if module.name.startswith("site_checks")
        for target, line, _ in module.imports
        if target.startswith("socratic_blog")
    ]
    assert wrong == []


def owning_module(target: str, names: set[str]) -> str:
    """The module of ours that `target` (a module or a name in one) lies in."""
    while target and target not in names:
        target = target.rpartition(".")[0]
    return target


def test_no_import_circle():
    graph: dict[str, set[str]] = {}
    names = {module.name for module in MODULES}
    for module in MODULES:
        graph[module.name] = {
            owner
            for target, _, _ in module.imports
            if (owner := owning_module(target, names)) not in ("", module.name)
        }
    circles = []
    state: dict[str, int] = {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in sorted(graph.get(name, ())):
            if state.get(target) == 1:
                circles.append(" → ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert circles == []


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.name)
def test_every_name_taken_from_a_module_of_ours_exists_there(module):
    missing = [
        f"{where(module, line)}: {source}.{name}"
        for source, name, line in module.uses
        if not hasattr(importlib.import_module(source), name)
    ]
    assert missing == []
