"""The docs stay true to the code: links between them resolve, the README's configuration table lists
exactly the bot's settings, and the design notes name only paths that exist and lay out every
feature package and handler module there is."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.config import Settings

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
ARCHITECTURE = (ROOT / "docs" / "ARCHITECTURE.md").read_text()


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped (letters with accents kept), spaces
    to hyphens."""
    text = heading.strip().lower().replace("`", "")
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(doc: Path) -> set[str]:
    found: set[str] = set()
    in_code = False
    for line in doc.read_text().splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and (match := re.match(r"#{1,6} (.+)", line)):
            base = slug(match.group(1))
            name, n = base, 0
            while name in found:  # GitHub numbers repeated headings: x, x-1, x-2
                n += 1
                name = f"{base}-{n}"
            found.add(name)
    return found


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_link_between_the_docs_resolves(doc: Path) -> None:
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", doc.read_text()):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        path, _, anchor = target.partition("#")
        file = (doc.parent / path).resolve() if path else doc
        if not file.exists():
            broken.append(target)
        elif anchor and (file.suffix != ".md" or anchor not in anchors(file)):
            broken.append(target)
    assert broken == [], f"{doc.name}: links to nothing: {broken}"


def test_the_slug_follows_github() -> None:
    assert slug("Linking officers: `/invite` and `/join <mã>`") == "linking-officers-invite-and-join-mã"
    assert slug("Tra cứu lệnh · Command reference") == "tra-cứu-lệnh--command-reference"


def configuration_rows() -> set[str]:
    readme = (ROOT / "README.md").read_text()
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    return {name for line in section.splitlines() if line.startswith("| `")
            for name in re.findall(r"`([A-Z][A-Z_]+)`", line.split("|")[1])}


def test_the_configuration_table_lists_exactly_the_settings() -> None:
    settings = {name.upper() for name in Settings.model_fields}
    assert configuration_rows() == settings


def test_the_design_notes_name_only_paths_that_exist() -> None:
    named = set(re.findall(r"`((?:app|adapters|handlers|scheduler|bot|storage|tests|benchmarks|deploy|docs)"
                           r"/[\w./-]*)`", ARCHITECTURE))
    assert len(named) > 30
    missing = sorted(p for p in named if not (ROOT / p).exists())
    assert missing == [], f"docs/ARCHITECTURE.md names paths that do not exist: {missing}"


def layout_block() -> str:
    section = ARCHITECTURE.split("## Layers and the layout of the code", 1)[1]
    return section.split("```", 2)[1]


def test_the_layout_lists_every_feature_package_and_its_modules() -> None:
    block = layout_block()
    services = ROOT / "bot" / "services"
    for package in sorted(p for p in services.iterdir() if (p / "__init__.py").exists()):
        line = re.search(rf"^ +{package.name}/ .*(?:\n {{18,}}.*)*", block, re.M)
        assert line, f"bot/services/{package.name}/ is not in the layout"
        modules = {m.stem for m in package.glob("*.py") if m.stem != "__init__"}
        listed = set(re.findall(r"(\w+)\.py", line.group(0)))
        assert modules == listed, (package.name, sorted(modules ^ listed))


def test_the_layout_lists_every_handler_module() -> None:
    handlers_part = layout_block().split("handlers/", 1)[1].split("scheduler/", 1)[0]
    named = set(re.findall(r"\b(\w+)\b", handlers_part))
    modules = {m.stem for m in (ROOT / "handlers").glob("*.py") if m.stem != "__init__"}
    assert modules <= named, sorted(modules - named)
