"""The seams the architecture promises, read from the source (every import, lazy and type-only ones too).

Layers, top to bottom: ``app`` (start-up) → ``adapters`` (Telegram, Zalo, console) → ``handlers`` →
``scheduler`` → ``bot`` (the core) → ``storage``. A module imports only from its own layer or below; a
handler never imports ``storage`` (it goes through a service); only adapters import a platform library;
and no two packages import each other, even through others.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("app", "adapters", "handlers", "scheduler", "bot", "storage")
PLATFORM_LIBRARIES = ("telegram", "aiohttp", "httpx")


def _modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for layer in LAYERS:
        for path in (ROOT / layer).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            out[name] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> Iterator[tuple[int, str]]:
    """(line, imported module) for every import in the file, resolved to a module where one exists."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                yield node.lineno, full if full in MODULES else base


def _layer(module: str) -> str | None:
    top = module.split(".")[0]
    return top if top in LAYERS else None


def test_imports_point_down_the_layers_only() -> None:
    wrong = []
    for name, path in MODULES.items():
        mine = LAYERS.index(_layer(name) or "")
        for line, target in _imports(name, path):
            layer = _layer(target)
            if layer is None:
                continue
            if LAYERS.index(layer) < mine:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {target} (a layer above)")
            if _layer(name) == "handlers" and layer == "storage":
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {target} (handlers go through services)")
    assert wrong == []


def test_only_adapters_import_a_platform_library() -> None:
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {target}"
        for name, path in MODULES.items() if _layer(name) not in ("adapters", "app")
        for line, target in _imports(name, path) if target.split(".")[0] in PLATFORM_LIBRARIES
    ]
    assert wrong == []


def _package_of(module: str) -> str:
    """The package a module belongs to: its folder (``bot.services.votes``), or itself for a package."""
    path = MODULES[module]
    return module if path.name == "__init__.py" else module.rpartition(".")[0]


def _package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, path in MODULES.items():
        mine = _package_of(name)
        edges = graph.setdefault(mine, set())
        for _, target in _imports(name, path):
            if target in MODULES and _package_of(target) != mine:
                edges.add(_package_of(target))
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_no_import_cycle_between_packages() -> None:
    assert _cycle(_package_graph()) is None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_the_core_never_loads_a_platform_library() -> None:
    """Importing every module below the adapters loads no platform library, even indirectly."""
    # Migration scripts are run by Alembic, not imported.
    below = sorted(n for n in MODULES if _layer(n) in ("handlers", "scheduler", "bot", "storage")
                   and not n.startswith("storage.migrations"))
    code = (
        "import importlib, sys\n"
        f"for m in {below!r}: importlib.import_module(m)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {PLATFORM_LIBRARIES!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_handlers_hold_no_session_workflow() -> None:
    """Handlers pass the request's session to services; they never query or write through it."""
    wrong = []
    for name, path in MODULES.items():
        if _layer(name) != "handlers":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "session"
                    and node.func.attr in ("get", "add", "add_all", "exec", "execute", "delete", "flush", "scalar")):
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno} session.{node.func.attr}")
    assert wrong == []
