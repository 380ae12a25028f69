"""The year's documents end to end on Telegram: a year with a run-off, then /results (the final answer
per award), /minutes and /proposal in official form, /place, /verify in private, and a recount of the
published slips with `khoibot recount`."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path
from typing import Any

import docx
from docx.shared import Cm

from bot.services.documents.layout import CHAR_CM_13PT
from tests.harness import TelegramHarness
from tests.test_console import run_cli
from tests.texts import said
from tests.vote_play import HEAD, OFFICERS, setup_bloc, vote

FLAG = {"BDT": ["YTE"], "BHXH": ["YTE"], "CDSP": ["YTE"], "GDDT": ["YTE"], "LDTBXH": ["YTE"], "PTTH": ["YTE"],
        "TTTT": ["GDDT"], "VHTTDL": ["GDDT"], "YTE": ["GDDT"]}
# Bằng khen, two seats: GDDT 7, BDT 5, TTTT 5 -> a tie for the second seat.
MERIT = {"BDT": ["GDDT", "TTTT"], "BHXH": ["GDDT", "BDT"], "CDSP": ["GDDT", "BDT"], "GDDT": ["BDT", "TTTT"],
         "LDTBXH": ["GDDT", "TTTT"], "PTTH": ["GDDT", "BDT"], "TTTT": ["GDDT", "TTTT"], "VHTTDL": ["GDDT", "TTTT"],
         "YTE": ["BDT"]}
RUNOFF = {"BDT": ["TTTT"], "BHXH": ["BDT"], "CDSP": ["BDT"], "GDDT": ["BDT"], "LDTBXH": ["BDT"], "PTTH": ["BDT"],
          "TTTT": ["TTTT"], "VHTTDL": ["TTTT"], "YTE": ["BDT"]}


def word(tg: TelegramHarness, message: dict[str, Any]) -> docx.document.Document:
    return docx.Document(io.BytesIO(tg.api.files[message["document"]["file_id"]][1]))


def text_of(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += ["\t".join(c.text for c in row.cells) for row in table.rows]
    return "\n".join(parts)


async def play_year(tg: TelegramHarness) -> tuple[Any, dict[str, str]]:
    group = await setup_bloc(tg)
    await tg.say(HEAD, group, "/meeting 20/12/2026 08:00 | Hội nghị tổng kết năm 2026 | Hội trường Sở VHTTDL")
    for code in ("YTE", "GDDT", "BDT"):
        await tg.say(OFFICERS[code], group, "/attend 1")
    receipts: dict[str, str] = {}
    for vote_id, plan in ((1, FLAG), (2, MERIT)):
        await tg.say(HEAD, group, f"/vote {'1' if vote_id == 1 else '3'} | tay")
        for code, choices in plan.items():
            receipts[f"{vote_id}:{code}"] = await vote(tg, OFFICERS[code], vote_id, choices)
        await tg.confirm(HEAD, group, f"/vote_close {vote_id}", "Đóng phiếu")
    await tg.say(HEAD, group, "/vote_runoff 2")
    for code, choices in RUNOFF.items():
        receipts[f"3:{code}"] = await vote(tg, OFFICERS[code], 3, choices)
    await tg.confirm(HEAD, group, "/vote_close 3", "Đóng phiếu")
    return group, receipts


async def test_the_year_in_official_documents(tg: TelegramHarness, tmp_path: Path) -> None:
    group, receipts = await play_year(tg)

    # /results: the final answer per award after the run-off, no numbering; the path below.
    text = await tg.reply_text(OFFICERS["BDT"], group, "/results")
    final, path = text.split("\n\n")
    assert said(final.split("\n")[0], "results.final_head", bloc="Khối thi đua Văn hóa – Xã hội", year=2026)
    assert "• Cờ thi đua của Chính phủ: YTE" in final
    assert "• Bằng khen của Chủ tịch UBND tỉnh: BDT, GDDT" in final
    assert "#" not in final
    assert "#2 Bằng khen của Chủ tịch UBND tỉnh (năm 2026): ✅ GDDT (7/9); ⚖️ bằng phiếu: BDT (5/9), TTTT (5/9)" in path
    assert "#3 Bằng khen của Chủ tịch UBND tỉnh (năm 2026): ✅ BDT (6/9)" in path

    # /place: the head sets it; an officer of another unit may read it, not change it.
    assert said(await tg.reply_text(OFFICERS["YTE"], group, "/place"), "place.none")
    assert said(await tg.reply_text(OFFICERS["YTE"], group, "/place Hà Nội"), "err.not_manager", command="place")
    assert said(await tg.reply_text(HEAD, group, "/place Yên Bái, tỉnh"), "place.bad", max=60)
    assert said(await tg.reply_text(HEAD, group, "/place  Yên   Bái "), "place.set", place="Yên Bái")

    # /minutes: the meeting's minutes in official form.
    bad = await tg.reply_text(HEAD, group, "/minutes 2026 | người ký: A")
    assert said(bad, "docs.bad_option", option="người ký: A")
    sent = await tg.say(HEAD, group, "/minutes 2026 | số: 05 | chủ trì: Nguyễn Văn An | thư ký: Trần Thị Bình | "
                                     "kiểm phiếu: Lê Văn C, Phạm Thị D")
    assert len(sent) == 1 and sent[0]["document"]["file_name"] == "bien-ban-binh-xet-2026.docx"
    assert said(sent[0]["caption"], "docs.minutes_caption", year=2026)
    minutes = word(tg, sent[0])
    body = text_of(minutes)
    left, right = (c.text for c in minutes.tables[0].rows[0].cells)
    assert left.split("\n") == ["KHỐI THI ĐUA VĂN HÓA – XÃ HỘI", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "", "Số: 05/BB-KTĐ"]
    assert right.split("\n") == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "",
                                 "Yên Bái, ngày 20 tháng 12 năm 2026"]
    assert "BIÊN BẢN\nHọp bình xét, suy tôn thi đua năm 2026" in body
    assert "Thời gian: 08:00, ngày 20/12/2026." in body and "Địa điểm: Hội trường Sở VHTTDL" in body
    assert "Thành phần: 3/9 đơn vị thành viên xác nhận dự:" in body and "Không xác nhận dự:" in body
    assert "Chủ trì: Nguyễn Văn An" in body and "Tổ kiểm phiếu: Lê Văn C, Phạm Thị D" in body
    assert "1. Bình xét, suy tôn Cờ thi đua của Chính phủ năm 2026 (phiếu số 1)" in body
    assert "3. Bình xét, suy tôn Bằng khen của Chủ tịch UBND tỉnh năm 2026 — bầu lại (vòng 2, sau phiếu số 2)" in body
    assert "Bằng phiếu ở suất cuối (bầu lại): Sở Thông tin và Truyền thông; Ban Dân tộc." in body \
        or "Bằng phiếu ở suất cuối (bầu lại): Ban Dân tộc; Sở Thông tin và Truyền thông." in body
    assert "- Bằng khen của Chủ tịch UBND tỉnh: Sở Giáo dục và Đào tạo; Ban Dân tộc." in body
    assert "Nơi nhận:" in body and "- Lưu: VT, Khối." in body
    assert "THƯ KÝ" in body and "Trần Thị Bình" in body and "CHỦ TRÌ" in body
    # Secret: no receipt, no unit-to-choice link; only counts and hashes.
    assert not any(code in body for code in receipts.values())
    # The page and the type: A4, margins, Times New Roman 14, page numbers from page 2.
    section = minutes.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 1) == 3.0 and round(section.right_margin.cm, 1) == 1.5
    assert section.different_first_page_header_footer and "PAGE" in section.header._element.xml
    assert minutes.styles["Normal"].font.name == "Times New Roman" and minutes.styles["Normal"].font.size.pt == 14
    # A unit's name fits in its column on at most two lines.
    counts = minutes.tables[1]
    name_width = counts.rows[1].cells[1].width
    longest = max(len(row.cells[1].text) for row in counts.rows[1:])
    assert longest * CHAR_CM_13PT <= 2 * (name_width / Cm(1))

    # /proposal: the letter, each finally selected unit with its share and how it was chosen.
    sent = await tg.say(HEAD, group, "/proposal 2026")
    proposal = text_of(word(tg, sent[0]))
    assert "TỜ TRÌNH" in proposal and "Số:       /TTr-KTĐ" in proposal
    assert "Kính gửi: Hội đồng Thi đua - Khen thưởng tỉnh Yên Bái." in proposal
    assert "1\tSở Y tế\tCờ thi đua của Chính phủ\t6/9 (66,7%)\tphiếu số 1, vòng 1" in proposal
    assert "3\tBan Dân tộc\tBằng khen của Chủ tịch UBND tỉnh\t6/9 (66,7%)\tphiếu số 3, bầu lại (vòng 2)" in proposal
    assert "TM. KHỐI THI ĐUA" in proposal

    # /verify: private only; tells whether a receipt was counted and in which vote, nothing else.
    dm = tg.api.private(OFFICERS["TTTT"])
    mine = receipts["3:TTTT"]
    answer = await tg.reply_text(OFFICERS["TTTT"], dm, f"/verify {mine.lower().replace('-', '')}")
    assert said(answer, "verify.found", code=mine, id=3, title="Bằng khen của Chủ tịch UBND tỉnh (năm 2026)",
                closed="23/11/2026 09:00")
    assert "TTTT" not in answer and "BDT" not in answer
    assert said(await tg.reply_text(OFFICERS["TTTT"], dm, "/verify ZZZ-ZZZ"), "verify.not_found", code="ZZZ-ZZZ")
    assert said(await tg.reply_text(OFFICERS["TTTT"], dm, "/verify 12345"), "verify.usage")

    # `khoibot recount`: the published file, counted offline, gives the published counts and hash.
    sent = await tg.say(HEAD, group, "/vote_minutes 2")
    slips_file = tg.api.files[sent[2]["document"]["file_id"]][1]
    # No receipt and no voter in the slips file: choices only.
    assert not any(code.encode() in slips_file for code in receipts.values())
    assert slips_file.decode().splitlines()[0].startswith("phieu,")
    path_csv = tmp_path / "phieu-an-danh-2.csv"
    path_csv.write_bytes(slips_file)
    out = run_cli(tmp_path, ["recount", str(path_csv)])
    assert out.returncode == 0, out.stderr
    assert f"SHA-256: {hashlib.sha256(slips_file).hexdigest()}" in out.stdout
    assert "Số phiếu (slips): 9; phiếu trắng (blank): 0" in out.stdout
    assert "GDDT: 7" in out.stdout and "BDT: 5" in out.stdout and "TTTT: 5" in out.stdout
    (tmp_path / "bad.csv").write_text("đơn vị,lựa chọn\nYTE,GDDT\n")
    bad_out = run_cli(tmp_path, ["recount", str(tmp_path / "bad.csv")])
    assert bad_out.returncode == 2 and "Traceback" not in bad_out.stderr


async def test_the_dossier_collects_the_nominated_units_reports(tg: TelegramHarness, clock: Any) -> None:
    import zipfile
    from datetime import datetime

    from tests.conftest import VN

    group, _ = await play_year(tg)
    # Before the collection is opened: the dossier says what is missing.
    sent = await tg.say(HEAD, group, "/dossier 2026")
    archive = zipfile.ZipFile(io.BytesIO(tg.api.files[sent[0]["document"]["file_id"]][1]))
    names = archive.namelist()
    assert names[0] == "0-muc-luc.txt" and "1-to-trinh-2026.docx" in names and "2-bien-ban-binh-xet-2026.docx" in names
    assert "3-ket-qua-bo-phieu/phieu-3-phieu-an-danh.csv" in names
    index = archive.read("0-muc-luc.txt").decode()
    for name in names[1:]:
        assert f"{hashlib.sha256(archive.read(name)).hexdigest()}  {name}" in index
    assert "chưa mở hạn nộp (/dossier_collect 2026 | <hạn>)" in index

    # Only a manager opens the collection; it is addressed to the nominated units only.
    refused = await tg.reply_text(OFFICERS["BDT"], group, "/dossier_collect 2026 | 30/11/2026 17:00")
    assert said(refused, "err.not_manager", command="dossier_collect")
    assert said(await tg.reply_text(HEAD, group, "/dossier_collect 2026"), "dossier_collect.usage")
    post = await tg.reply_text(HEAD, group, "/dossier_collect 2026 | 30/11/2026 17:00")
    assert "Báo cáo thành tích năm 2026" in post and "Hồ sơ khen thưởng năm 2026" in post
    again = await tg.reply_text(HEAD, group, "/dossier_collect 2026 | 01/12/2026 17:00")
    assert said(again, "dossier.collect_exists", year=2026, id=2)

    # YTE sends its report; on the due day only GDDT and BDT are reminded.
    yte = tg.api.private(OFFICERS["YTE"])
    await tg.send_document(OFFICERS["YTE"], yte, b"%PDF-1.4 bao cao thanh tich YTE", "Báo cáo thành tích YTE.pdf",
                           caption="/submit 2")
    before = len(tg.api.bot_log)
    clock.set(datetime(2026, 11, 30, 8, 0, tzinfo=VN))
    await tg.tick()
    wave = [m for m in tg.api.bot_log[before:] if "Báo cáo thành tích" in m.get("text", "")]
    reminded = {m["chat"]["id"] for m in wave}
    group_post = next(m["text"] for m in wave if m["chat"]["id"] == group.id)
    assert "GDDT" in group_post and "BDT" in group_post and "YTE" not in group_post and "TTTT" not in group_post
    assert OFFICERS["GDDT"].id in reminded and OFFICERS["BDT"].id in reminded
    assert OFFICERS["YTE"].id not in reminded and OFFICERS["TTTT"].id not in reminded

    sent = await tg.say(HEAD, group, "/dossier 2026")
    caption = sent[0]["caption"]
    assert "Còn thiếu: báo cáo thành tích của GDDT" in caption and "BDT — Ban Dân tộc" in caption
    archive = zipfile.ZipFile(io.BytesIO(tg.api.files[sent[0]["document"]["file_id"]][1]))
    report = "4-bao-cao-thanh-tich/YTE-bao-cao-thanh-tich-yte.pdf"
    assert archive.read(report) == b"%PDF-1.4 bao cao thanh tich YTE"
    index = archive.read("0-muc-luc.txt").decode()
    assert f"{hashlib.sha256(b'%PDF-1.4 bao cao thanh tich YTE').hexdigest()}  {report}" in index
    assert "báo cáo thành tích của GDDT — Sở Giáo dục và Đào tạo (hạn 30/11/2026 17:00)" in index
