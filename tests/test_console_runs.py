"""The console across runs on one database: people are who their name says, files with spaces in their
path, a deadline's template as a file caption, /requests, and a number typed with no buttons shown."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.test_console import run_cli
from tests.texts import said

FIRST = """/setup Khối thi đua Văn hóa – Xã hội
/unit_add YTE Sở Y tế\\
GDDT Sở Giáo dục và Đào tạo\\
BDT Ban Dân tộc
/as Trần Thị Bình
/join YTE
/as Lê Văn An
/join GDDT
/as Phạm Chi
/join BDT
/as Quản trị
/requests
2
/requests
1
/quit
"""

SECOND = """/as Lê Văn An
/whoami
/as Trần Thị Bình
/whoami
/units
1
/as Quản trị
/file "{path}" /deadline {when} | Báo cáo quý IV
/template 1
/file "không có.docx" /submit 1
/quit
"""


def test_people_stay_who_they_are_across_runs(database: str, tmp_path: Path) -> None:
    out = run_cli(tmp_path, ["console"], FIRST)
    assert out.returncode == 0 and "Traceback" not in out.stdout + out.stderr, out.stderr
    assert said(out.stdout, "requests.header", count=3)
    # "2" rejects the first request (Bình); the list is redrawn, "1" then approves An.
    assert said(out.stdout, "requests.header", count=2)
    assert "Không có" not in out.stdout

    template = tmp_path / "Mẫu báo cáo quý IV.docx"
    template.write_bytes(b"PK\x03\x04 a docx template")
    when = (date.today() + timedelta(days=20)).strftime("%d/%m/%Y")
    out = run_cli(tmp_path, ["console"], SECOND.format(path=template, when=when))
    text = out.stdout
    assert out.returncode == 0 and "Traceback" not in text + out.stderr, out.stderr
    # A second run, people typed in another order: each is still the person of the first run.
    assert "Đơn vị: GDDT — Sở Giáo dục và Đào tạo" in text  # Lê Văn An
    assert text.count("Đơn vị: YTE") == 0 and said(text, "whoami.no_unit")  # Bình was rejected
    assert text.count("Lê Văn An") >= 2 and "Cán bộ: Lê Văn An" in text
    # A bare number with nothing to press says so instead of vanishing.
    assert "không còn nút nào để bấm" in text
    # The quoted path with spaces is read, and the /deadline caption takes the file as its template.
    assert said(text, "cal.template.caption") and "Mẫu báo cáo quý IV.docx" in text
    assert "Không thấy tệp «không có.docx»" in text
