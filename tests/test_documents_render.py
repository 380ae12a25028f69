"""The documents as an officer sees them: each .docx converted to PDF by LibreOffice (Debian's
libreoffice-writer-nogui) and its first page rendered to PNG by pdftoppm. Checks that LibreOffice
reads them, that the first page holds the national heading, the title and the body, and that the
page count is sane. With KHOIBOT_RENDER_DIR set, the PNGs are kept there (the README's pictures).

Runs where LibreOffice is installed (.ci/run installs it); elsewhere it is skipped and the summary
says so in red (conftest), never counted as passed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.harness import TelegramHarness
from tests.test_e2e_documents import play_year
from tests.texts import said
from tests.vote_play import HEAD

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOPPM = shutil.which("pdftoppm")
PDFTOTEXT = shutil.which("pdftotext")
INSTALL = "apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation"

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


def render(docs: dict[str, bytes], workdir: Path) -> dict[str, tuple[Path, str, int]]:
    """name -> (page 1 as PNG, the PDF's text, its page count)."""
    assert SOFFICE and PDFTOPPM and PDFTOTEXT
    for name, content in docs.items():
        (workdir / f"{name}.docx").write_bytes(content)
    profile = workdir / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(workdir), *[str(workdir / f"{n}.docx") for n in docs]],
                   check=True, capture_output=True, timeout=180)
    out: dict[str, tuple[Path, str, int]] = {}
    for name in docs:
        pdf = workdir / f"{name}.pdf"
        subprocess.run([PDFTOPPM, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(workdir / name)], check=True, timeout=60)
        text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True,
                              text=True, timeout=60).stdout
        pages = text.count("\f") or 1
        out[name] = (workdir / f"{name}.png", text, pages)
    return out


async def test_the_documents_render_as_an_officer_would_print_them(tg: TelegramHarness, tmp_path: Path) -> None:
    if not (SOFFICE and PDFTOPPM and PDFTOTEXT):
        if os.environ.get("CI"):  # .ci/run installs them: missing there is a failure, not a skip
            pytest.fail(f"LibreOffice or poppler-utils is not installed ({INSTALL})", pytrace=False)
        pytest.skip(f"LibreOffice or poppler-utils is not installed ({INSTALL})")
    group, _ = await play_year(tg)
    await tg.say(HEAD, group, "/place Yên Bái")
    files: dict[str, bytes] = {}
    for name, command in (("bien-ban", "/minutes 2026 | chủ trì: Nguyễn Văn An | thư ký: Trần Thị Bình"),
                          ("to-trinh", "/proposal 2026 | chủ trì: Nguyễn Văn An"),
                          ("bien-ban-kiem-phieu", "/vote_minutes 3 | kiểm phiếu: Lê Văn C, Phạm Thị D")):
        sent = await tg.say(HEAD, group, command)
        files[name] = tg.api.files[sent[0]["document"]["file_id"]][1]
    rendered = render(files, tmp_path)
    minutes_png, minutes_text, minutes_pages = rendered["bien-ban"]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in minutes_text and "Độc lập - Tự do - Hạnh phúc" in minutes_text
    assert "Yên Bái, ngày 20 tháng 12 năm 2026" in minutes_text and "BIÊN BẢN" in minutes_text
    assert 2 <= minutes_pages <= 6
    _, proposal_text, proposal_pages = rendered["to-trinh"]
    assert "TỜ TRÌNH" in proposal_text and "Kính gửi" in proposal_text and proposal_pages <= 3
    for png, _, _ in rendered.values():
        assert png.stat().st_size > 20_000  # a page with text on it, not a blank one
    # The result chart of the run-off, sent to the group as a photo when it closed.
    await tg.tick()
    photos = [m for m in tg.api.bot_messages(group.id) if "photo" in m]
    assert [said(m["caption"], "chart.caption", id=n, title=t) for m, (n, t) in zip(photos, (
        (1, "Cờ thi đua của Chính phủ (năm 2026)"), (2, "Bằng khen của Chủ tịch UBND tỉnh (năm 2026)"),
        (3, "Bằng khen của Chủ tịch UBND tỉnh (năm 2026)")), strict=True)] == [True] * 3
    chart = tg.api.files[photos[-1]["photo"][0]["file_id"]][1]
    assert chart.startswith(b"\x89PNG") and len(chart) > 20_000
    keep = os.environ.get("KHOIBOT_RENDER_DIR")
    if keep:
        for name, (png, _, _) in rendered.items():
            shutil.copy(png, Path(keep) / f"{name}.png")
        (Path(keep) / "bieu-do-ket-qua.png").write_bytes(chart)
