"""The pledge in the console chat: the sign button is typed as a number, the export is saved as files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from adapters.console import ConsoleChat
from app.wiring import build_dispatcher
from bot.core import Core

SCRIPT = [
    "/setup Khối thi đua Văn hóa – Xã hội",
    "/unit_add YTE Sở Y tế\nGDDT Sở Giáo dục và Đào tạo",
    "/head YTE",
    "/as Lan",
    "/join YTE",
    "/as Quản trị",
    "1",
    "/as Lan",
    "/pledge_open 2027 | 15/12/2026 17:00 | Các đơn vị cam kết thi đua năm 2027.",
    "1",
    "1",
    "/as Mai",
    "1",
    "/as Lan",
    "/pledge_status",
    "/pledge_export",
]


async def test_signing_in_the_console(core: Core, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # exported files land in ./data/console-files
    out = io.StringIO()
    chat = ConsoleChat(core, build_dispatcher(core), out=out)
    for line in SCRIPT:
        assert await chat.handle_line(line)
    text = out.getvalue()
    assert "[1] ✍️ Ký giao ước" in text
    assert "(thông báo cho Lan) ✅ Đã ký giao ước thi đua năm 2027 cho đơn vị YTE — Sở Y tế." in text
    assert "(⚠️ thông báo cho Lan) Đơn vị YTE đã ký giao ước thi đua năm 2027: Lan ký lúc 23/11/2026 09:00." in text
    assert "(⚠️ thông báo cho Mai) Bạn chưa đại diện cho đơn vị nào" in text
    assert "Đã ký: 1/2 đơn vị" in text and "• GDDT — Sở Giáo dục và Đào tạo: chưa có cán bộ (/join GDDT)" in text
    assert (tmp_path / "data/console-files/giao-uoc-thi-dua-2027.xlsx").stat().st_size > 0
    assert (tmp_path / "data/console-files/giao-uoc-thi-dua-2027.csv").read_bytes().startswith(b"\xef\xbb\xbfM")
