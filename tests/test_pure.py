"""Fast unit tests of pure helpers: command parsing, text splitting, the message catalog."""

from __future__ import annotations

import re
import string
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from adapters.text_split import split_text
from bot.i18n import catalog, t
from handlers.dispatch import parse_command
from tests.texts import said

ROOT = Path(__file__).resolve().parents[1]


def test_parse_command() -> None:
    parsed = parse_command("/unit_add@KhoiBot VHTTDL Sở Văn hóa, Thể thao và Du lịch")
    assert parsed is not None
    assert (parsed.name, parsed.args, parsed.addressed_to) == (
        "unit_add", "VHTTDL Sở Văn hóa, Thể thao và Du lịch", "KhoiBot")
    multi = parse_command("/unit_add YTE Sở Y tế\nGDDT Sở Giáo dục")
    assert multi is not None and multi.args == "YTE Sở Y tế\nGDDT Sở Giáo dục"
    assert parse_command("/HELP").name == "help"  # type: ignore[union-attr]
    for not_command in ("hello", "/", "/ x", "//x", "/tên"):
        assert parse_command(not_command) is None


@given(st.text(alphabet=string.ascii_letters + " \nàáạảãăằắặẳẵđêềếệểễ", max_size=3000),
       st.integers(min_value=20, max_value=500))
def test_split_text_respects_the_limit_and_keeps_the_words(text: str, limit: int) -> None:
    chunks = split_text(text, limit)
    assert all(len(c) <= limit for c in chunks)
    if text.strip():
        assert "".join(text.split()) == "".join("".join(chunks).split())


def test_split_text_prefers_line_boundaries() -> None:
    lines = [f"dòng {i:03d} " + "x" * 50 for i in range(100)]
    chunks = split_text("\n".join(lines), 2000)
    # 60 characters a line with its newline: 33 whole lines fit in 2000.
    assert [len(c.split("\n")) for c in chunks] == [33, 33, 33, 1]
    assert [line for c in chunks for line in c.split("\n")] == lines


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    fields = string.Formatter()
    for key, texts in catalog().items():
        assert set(texts) == {"vi", "en"}, key
        names = [{f for _, f, _, _ in fields.parse(texts[lang]) if f} for lang in ("vi", "en")]
        assert names[0] == names[1], key


def test_every_key_used_in_the_code_exists() -> None:
    used: set[str] = set()
    pattern = re.compile(r"""(?:UserError\(|\.t\(|\bt\(lang, |Ref\()\s*f?["']([a-z_]+\.[a-z_.]+)["']""")
    for path in [*ROOT.glob("bot/**/*.py"), *ROOT.glob("handlers/**/*.py"), *ROOT.glob("scheduler/**/*.py")]:
        used |= set(pattern.findall(path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if k not in catalog())
    assert not missing
    assert len(used) > 40  # the scan itself works


def test_ref_parameters_are_translated() -> None:
    from bot.i18n import Ref

    assert said(t("vi", "role.unchanged", code="YTE", year=2026, role=Ref("role.head")), 'role.head')
    assert said(t("en", "role.unchanged", code="YTE", year=2026, role=Ref("role.head")), 'role.head')
