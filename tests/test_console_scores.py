"""The start of the year in the console, with files: registration, then self-scoring with the sheet the
bot saved, filled in and sent back with /file (the whole flow without a chat platform)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import load_workbook

from bot.services.scores.sheets import FIRST_ROW
from bot.services.scores.table import DEFAULT
from tests.test_console import BLOC_WITH_HEAD, run_cli
from tests.texts import said

SETUP = BLOC_WITH_HEAD + """/as Lan
/register_open {year} | 15/03/{year} 17:00
/register {year} 1 4
/register_status {year}
/score_open {year} | 10/12/{year} 17:00
/dm
/score {year}
/quit
"""


def test_registration_and_a_self_score_in_the_console(database: str, tmp_path: Path) -> None:
    # The console runs on the real clock: next year's registration and scores, whatever today is.
    year = datetime.now(UTC).year + 1
    first = run_cli(tmp_path, ["console"], SETUP.replace("{year}", str(year)))
    assert first.returncode == 0 and "Traceback" not in first.stdout + first.stderr, first.stderr
    assert f"✅ YTE — Sở Y tế đăng ký năm {year}: Cờ thi đua của Chính phủ; Tập thể lao động xuất sắc." in first.stdout
    assert "✅ YTE: Cờ thi đua của Chính phủ; Tập thể lao động xuất sắc — Lan" in first.stdout
    sheet_path = tmp_path / "data" / "console-files" / f"bang-diem-{year}-YTE.xlsx"
    book = load_workbook(io.BytesIO(sheet_path.read_bytes()))
    sheet = book.active
    assert sheet is not None and sheet["B3"].value == "YTE"
    codes = [c.code for c in DEFAULT.criteria]
    for leaf in DEFAULT.leaves:
        sheet[f"D{FIRST_ROW + codes.index(leaf.code)}"] = float(leaf.max) if leaf.code != "VI" else 0
    filled = tmp_path / "Bảng điểm YTE.xlsx"
    book.save(filled)
    second = run_cli(tmp_path, ["console"], f'/as Lan\n/dm\n/file "{filled}" /score {year}\n/score_status {year}\n/quit\n')
    assert second.returncode == 0 and "Traceback" not in second.stdout + second.stderr, second.stderr
    assert said(second.stdout, "scores.total", total="105", max="100")
    assert said(second.stdout, "scores.status_self", code="YTE", total="105", version=1)
