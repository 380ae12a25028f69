"""The seams the architecture promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_core_never_imports_a_platform_library() -> None:
    modules = sorted(
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
        for p in [*ROOT.glob("bot/**/*.py"), *ROOT.glob("storage/**/*.py"), *ROOT.glob("scheduler/**/*.py")]
        if p.name != "__main__.py"
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('telegram', 'aiohttp'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_only_adapters_import_telegram() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in ROOT.glob("**/*.py")
        if ".venv" not in p.parts and "tests" not in p.parts and "benchmarks" not in p.parts
        and not str(p.relative_to(ROOT)).startswith("handlers/telegram/")
        and any(line.lstrip().startswith(("import telegram", "from telegram"))
                for line in p.read_text(encoding="utf-8").splitlines())
    ]
    # bot/app.py imports the adapter lazily, inside the function that starts Telegram.
    assert offenders == []
