"""The README's command reference and the bot agree: every command the bot registers is in it, and
every command a reference table lists exists (the console's own commands aside)."""

from __future__ import annotations

import re
from pathlib import Path

from handlers.features import build_registry

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()
CONSOLE_ONLY = {"as", "dm", "group", "file", "quit"}


def listed_commands() -> set[str]:
    """Commands named in the first cell of a README table row (a row may name several: `/a` · `/b`)."""
    names: set[str] = set()
    for line in README.splitlines():
        if line.startswith("| ") and line.count("|") >= 3:
            names.update(re.findall(r"`/([a-z_]+)", line.split("|")[1]))
    return names


def test_every_registered_command_is_in_the_reference() -> None:
    listed = listed_commands()
    missing = sorted(set(build_registry().commands) - listed)
    assert missing == [], f"commands without a row in a README command table: {missing}"


def test_every_command_in_the_reference_exists() -> None:
    listed = listed_commands()
    unknown = sorted(listed - set(build_registry().commands) - CONSOLE_ONLY)
    assert unknown == [], f"README rows for commands the bot does not have: {unknown}"


def test_the_guides_name_only_real_commands() -> None:
    known = set(build_registry().commands) | CONSOLE_ONLY
    for guide in ("huong-dan-can-bo.md", "huong-dan-truong-khoi.md"):
        text = (Path(__file__).resolve().parent.parent / "docs" / guide).read_text()
        named = set(re.findall(r"`/([a-z_]+)", text))
        assert named and named <= known, (guide, sorted(named - known))
