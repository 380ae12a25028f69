"""Scores end to end on Telegram with real workbooks: the table (default, then the bloc's own adopted
from an .xlsx after validation), self-scoring through a deadline with each unit's sheet sent privately,
sheets refused cell by cell, receipts with totals, cross-checking, the status, and the settled ranking
with ties and the head's decision on a criterion."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from openpyxl import load_workbook
from sqlmodel import select

from bot.services.scores.sheets import FIRST_ROW, table_workbook
from bot.services.scores.table import BONUS, Criterion, Table, check
from bot.services.scores.table import DEFAULT as DEFAULT_TABLE
from storage.models import ScoreSheet, ScoreTable
from tests.harness import TelegramHarness
from tests.texts import said
from tests.vote_play import HEAD, OFFICERS, setup_bloc

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OWN = check(Table((
    Criterion("1", "Nhiệm vụ chuyên môn", Decimal(60)), Criterion("1.1", "Chỉ tiêu", Decimal(40)),
    Criterion("1.2", "Chuyển đổi số", Decimal(20)), Criterion("2", "Phong trào thi đua", Decimal(25)),
    Criterion("3", "Hoạt động của Khối", Decimal(15)), Criterion("4", "Điểm thưởng", Decimal(5), BONUS),
)))


def workbook_of(tg: TelegramHarness, message: dict[str, Any]) -> Any:
    return load_workbook(io.BytesIO(tg.api.files[message["document"]["file_id"]][1]))


def filled(tg: TelegramHarness, message: dict[str, Any], points: dict[str, object], column: str = "D") -> bytes:
    book = workbook_of(tg, message)
    sheet = book.active
    codes = [c.code for c in OWN.criteria]
    for code, value in points.items():
        sheet[f"{column}{FIRST_ROW + codes.index(code)}"] = value
        sheet[f"{chr(ord(column) + 1)}{FIRST_ROW + codes.index(code)}"] = f"Minh chứng {code}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sheet_sent_to(tg: TelegramHarness, user_id: int, name: str) -> dict[str, Any]:
    return next(m for m in reversed(tg.api.bot_log) if m["chat"]["id"] == user_id
                and m.get("document", {}).get("file_name") == name)


async def test_scores_from_the_table_to_the_ranking(tg: TelegramHarness) -> None:
    group = await setup_bloc(tg)
    for code in ("YTE", "GDDT", "BDT"):
        await tg.say(OFFICERS[code], tg.api.private(OFFICERS[code]), "/start")

    # The default table, as a workbook and a summary.
    sent = await tg.say(OFFICERS["BDT"], group, "/scoretable")
    assert said(sent[0]["caption"].split("\n")[0], "scores.table_head", year=2026, total="100",
                source="bảng mặc định; Trưởng khối thay bằng cách gửi tệp .xlsx kèm /scoretable")
    assert sent[0]["document"]["file_name"] == "bang-tieu-chuan-2026.xlsx"

    # The bloc's own table: refused when its groups do not add up, refused from a non-manager, then adopted.
    bad = table_workbook(Table(OWN.criteria[:2] + OWN.criteria[3:]), title="Bảng")
    refused = await tg.send_document(HEAD, group, bad, "bang.xlsx", caption="/scoretable")
    assert said(refused[0]["text"].split("\n")[1].lstrip("• "), "scores.table_sum", code="1", max="60", sum="40")
    refused = await tg.send_document(OFFICERS["YTE"], group, table_workbook(OWN, title="B"), "b.xlsx",
                                     caption="/scoretable")
    assert said(refused[0]["text"], "err.not_manager", command="scoretable")
    adopted = await tg.send_document(HEAD, group, table_workbook(OWN, title="Bảng của khối"), "bang-khoi.xlsx",
                                     caption="/scoretable")
    assert said(adopted[0]["text"].split("\n")[0], "scores.adopted", year=2026)
    with tg.core.db.session() as s:  # type: ignore[union-attr]
        assert len(list(s.exec(select(ScoreTable)))) == 1

    # Self-scoring opens: each unit's officers get the unit's own sheet privately.
    assert said(await tg.reply_text(HEAD, group, "/score_open 2026"), "score_open.usage")
    await tg.say(HEAD, group, "/score_open 2026 | 10/12/2026 17:00")
    await tg.tick()
    yte_sheet = sheet_sent_to(tg, OFFICERS["YTE"].id, "bang-diem-2026-YTE.xlsx")
    assert workbook_of(tg, yte_sheet).active["B3"].value == "YTE"
    dm = {code: tg.api.private(OFFICERS[code]) for code in ("YTE", "GDDT", "BDT")}

    # Refused sheets name their cells; nothing is stored.
    spoiled = filled(tg, yte_sheet, {"1.1": 45, "1.2": "nhiều", "2": 20, "3": 15, "4": 2})
    refused = await tg.send_document(OFFICERS["YTE"], dm["YTE"], spoiled, "YTE.xlsx", caption="/score")
    text = refused[0]["text"]
    assert said(text.split("\n")[1].lstrip("• "), "scores.over_max", cell="D8", value="45", max="40", code="1.1")
    assert said(text.split("\n")[2].lstrip("• "), "scores.cell_not_number", cell="D9", value="nhiều")
    gddt_copy = await tg.send_document(OFFICERS["GDDT"], dm["GDDT"], filled(tg, yte_sheet, {}), "x.xlsx",
                                       caption="/score")
    assert said(gddt_copy[0]["text"].split("\n")[1].lstrip("• "), "scores.other_unit", found="YTE", code="GDDT")
    with tg.core.db.session() as s:  # type: ignore[union-attr]
        assert list(s.exec(select(ScoreSheet))) == []

    # Good sheets: receipts with the totals per group.
    receipt = await tg.send_document(OFFICERS["YTE"], dm["YTE"],
                                     filled(tg, yte_sheet, {"1.1": 38.5, "1.2": 18, "2": 22.25, "3": 15, "4": 3}),
                                     "YTE.xlsx", caption="/score")
    assert said(receipt[0]["text"].split("\n")[0], "scores.received", code="YTE", version=1, when="23/11/2026 09:00")
    assert "• 1: 56,5/60" in receipt[0]["text"] and said(receipt[0]["text"].split("\n")[-1], "scores.total",
                                                         total="96,75", max="100")
    gddt_sheet = sheet_sent_to(tg, OFFICERS["GDDT"].id, "bang-diem-2026-GDDT.xlsx")
    await tg.send_document(OFFICERS["GDDT"], dm["GDDT"],
                           filled(tg, gddt_sheet, {"1.1": 35, "1.2": 15, "2": 20, "3": 15, "4": 5}), "G.xlsx",
                           caption="/score")
    bdt_sheet = (await tg.say(OFFICERS["BDT"], dm["BDT"], "/score"))[0]
    await tg.send_document(OFFICERS["BDT"], dm["BDT"],
                           filled(tg, bdt_sheet, {"1.1": 36, "1.2": 14, "2": 20, "3": 15, "4": 5}), "B.xlsx",
                           caption="/score")

    status = await tg.reply_text(HEAD, group, "/score_status")
    assert said(status.split("\n")[0], "scores.status_head", year=2026, done=3, total=9)
    assert said(status, "scores.status_self", code="YTE", total="96,75", version=1)
    assert said(status, "scores.status_missing", code="TTTT")

    # Cross-checks: rotation needs every unit scored; pairs given by the head.
    refused_text = await tg.reply_text(HEAD, group, "/crosscheck open")
    assert "BHXH" in refused_text and "chưa gửi bảng tự chấm" in refused_text
    assert said(await tg.reply_text(HEAD, group, "/crosscheck open YTE=YTE"), "scores.check_own", code="YTE")
    assigned = await tg.reply_text(HEAD, group, "/crosscheck open GDDT=YTE, YTE=GDDT")
    assert said(assigned, "scores.checks_assigned", year=2026, pairs="GDDT → YTE, YTE → GDDT")
    await tg.tick()
    to_check = sheet_sent_to(tg, OFFICERS["GDDT"].id, "cham-cheo-2026-YTE.xlsx")
    checked = filled(tg, to_check, {"1.1": 36.5, "1.2": 18, "2": 22.25, "3": 15, "4": 3}, column="F")
    answer = await tg.send_document(OFFICERS["GDDT"], dm["GDDT"], checked, "check.xlsx", caption="/crosscheck")
    assert said(answer[0]["text"].split("\n")[0], "scores.check_received", checker="GDDT", code="YTE", version=1,
                when="23/11/2026 09:00", own="96,75")
    status = await tg.reply_text(HEAD, group, "/score_status")
    assert said(status, "scores.status_checked", checker="GDDT", total="94,75", differences="1.1")

    # Settled: the checked score where there is one; ties share a rank; the workbook has it all.
    assert said(await tg.reply_text(OFFICERS["YTE"], group, "/score_final"), "err.not_manager", command="score_final")
    sent = await tg.say(HEAD, group, "/score_final")
    ranking = sent[0]["caption"]
    assert said(ranking.split("\n")[1], "scores.ranking_line", rank=1, code="YTE", name="Sở Y tế", total="94,75",
                mark=" (khác tự chấm ở 1.1)")
    assert "2. BDT — Ban Dân tộc: 90 điểm" in ranking and "2. GDDT — Sở Giáo dục và Đào tạo: 90 điểm" in ranking
    assert said(ranking, "scores.ranking_ties")
    book = workbook_of(tg, sent[0])
    first = book["Xep hang"]
    assert [c.value for c in first[5]][:6] == [1, "YTE", "Sở Y tế", 96.75, 94.75, 94.75]

    # The head settles a disputed criterion; the ranking follows.
    assert said(await tg.reply_text(HEAD, group, "/score_final YTE 1.1 41"), "scores.final_bad_points",
                value="41", max="40", criterion="1.1")
    sent = await tg.say(HEAD, group, "/score_final YTE 1.1 38,5")
    assert said(sent[0]["caption"].split("\n")[1], "scores.ranking_line", rank=1, code="YTE", name="Sở Y tế",
                total="96,75", mark="")

    # The settled scores feed the vote: candidates in ranking order with their score; rule diem.
    text = await tg.reply_text(HEAD, group, "/vote 3 | tay")
    lines = [line for line in text.split("\n") if line[:2] in ("1.", "2.", "3.", "4.")]
    assert lines[:3] == ["1. YTE — Sở Y tế — 96,75 điểm, hạng 1", "2. BDT — Ban Dân tộc — 90 điểm, hạng 2",
                         "3. GDDT — Sở Giáo dục và Đào tạo — 90 điểm, hạng 2"]
    assert said(await tg.reply_text(HEAD, group, "/vote_rules diem nhieu"), "rules.bad_score", value="nhieu")
    rules = await tg.reply_text(HEAD, group, "/vote_rules diem 91")
    assert said(rules, "rules.min_score", value="91")
    text = await tg.reply_text(HEAD, group, "/vote 2 | tay")
    assert said(text, "vote.post_candidates", count=1) and "1. YTE — Sở Y tế — 96,75 điểm, hạng 1" in text
    assert "BDT (90)" in text and "GDDT (90)" in text and "TTTT (—)" in text
    assert said(await tg.reply_text(HEAD, group, "/vote 1 | tay | YTE, BDT"), "vote.code_low_score", code="BDT",
                score="90")

    # The dossier carries the settled ranking workbook.
    import zipfile

    for vote_id in (1, 2):
        await tg.confirm(HEAD, group, f"/vote_close {vote_id}", "Đóng phiếu")
    sent = await tg.say(HEAD, group, "/dossier 2026")
    archive = zipfile.ZipFile(io.BytesIO(tg.api.files[sent[0]["document"]["file_id"]][1]))
    assert "5-ket-qua-cham-diem-2026.xlsx" in archive.namelist()
    ranked = load_workbook(io.BytesIO(archive.read("5-ket-qua-cham-diem-2026.xlsx")))["Xep hang"]
    assert [c.value for c in ranked[5]][:3] == [1, "YTE", "Sở Y tế"]


async def test_mapped_criteria_come_prefilled_from_the_years_records(tg: TelegramHarness, clock: Any) -> None:
    from datetime import datetime

    from tests.conftest import VN

    group = await setup_bloc(tg)
    for code in ("YTE", "GDDT"):
        await tg.say(OFFICERS[code], tg.api.private(OFFICERS[code]), "/start")
    await tg.say(HEAD, group, "/deadline 24/11/2026 17:00 | Báo cáo tháng 11")
    await tg.say(HEAD, group, "/meeting 26/11/2026 08:00 | Hội nghị chuyên đề | Hội trường Sở")
    await tg.say(OFFICERS["YTE"], group, "/attend 2")
    clock.set(datetime(2026, 11, 25, 9, 0, tzinfo=VN))
    await tg.send_document(OFFICERS["GDDT"], tg.api.private(OFFICERS["GDDT"]), b"%PDF late", "bc.pdf",
                           caption="/submit 1")
    clock.set(datetime(2026, 11, 27, 9, 0, tzinfo=VN))

    assert said(await tg.reply_text(OFFICERS["YTE"], group, "/scoretable map VI thieubaocao"), "err.not_manager",
                command="scoretable")
    assert said(await tg.reply_text(HEAD, group, "/scoretable map VI dunghan"), "scores.map_usage")
    assert said(await tg.reply_text(HEAD, group, "/scoretable map IX thieubaocao"),
                "scores.final_unknown_criterion", criterion="IX")
    for code, fact in (("VI", "thieubaocao"), ("IV.1", "nopmuon"), ("IV.2", "hoinghi")):
        answer = await tg.reply_text(HEAD, group, f"/scoretable map {code} {fact}")
    assert said(answer, "scores.mapped", year=2026,
                mapping="IV.1 ← nopmuon (tối đa 5); IV.2 ← hoinghi (tối đa 4); VI ← thieubaocao (tối đa 10)")
    await tg.say(HEAD, group, "/score_open 2026 | 10/12/2026 17:00")
    await tg.tick()
    codes = [c.code for c in DEFAULT_TABLE.criteria]

    def cells(user_id: int, unit: str) -> dict[str, tuple[Any, Any]]:
        sheet = workbook_of(tg, sheet_sent_to(tg, user_id, f"bang-diem-2026-{unit}.xlsx")).active
        return {code: (sheet[f"D{FIRST_ROW + codes.index(code)}"].value, sheet[f"E{FIRST_ROW + codes.index(code)}"].value)
                for code in ("IV.1", "IV.2", "VI")}

    yte, gddt = cells(OFFICERS["YTE"].id, "YTE"), cells(OFFICERS["GDDT"].id, "GDDT")
    assert yte["VI"][0] == 1 and "#1 Báo cáo tháng 11 (hạn 24/11/2026)" in yte["VI"][1]
    assert yte["IV.2"][0] == 4 and yte["IV.1"][0] == 5  # attended; nothing sent late (it sent nothing)
    assert gddt["VI"][0] == 0 and gddt["IV.1"][0] == 0 and "#1 Báo cáo tháng 11" in gddt["IV.1"][1]
    assert gddt["IV.2"][0] == 0 and "#2 Hội nghị chuyên đề" in gddt["IV.2"][1]

    # YTE corrects the pre-filled deduction with an explanation; the ranking marks the correction.
    sheet = workbook_of(tg, sheet_sent_to(tg, OFFICERS["YTE"].id, "bang-diem-2026-YTE.xlsx"))
    active = sheet.active
    for leaf in DEFAULT_TABLE.leaves:
        row = FIRST_ROW + codes.index(leaf.code)
        if active[f"D{row}"].value is None:
            active[f"D{row}"] = float(leaf.max) if leaf.code != "V" else 0
    active[f"D{FIRST_ROW + codes.index('VI')}"] = 0
    active[f"E{FIRST_ROW + codes.index('VI')}"] = "Báo cáo gửi bản giấy ngày 24/11 (công văn 88/SYT)"
    out = io.BytesIO()
    sheet.save(out)
    receipt = await tg.send_document(OFFICERS["YTE"], tg.api.private(OFFICERS["YTE"]), out.getvalue(), "y.xlsx",
                                     caption="/score")
    assert said(receipt[0]["text"].split("\n")[0], "scores.received", code="YTE", version=1, when="27/11/2026 09:00")
    ranking = (await tg.say(HEAD, group, "/score_final"))[0]["caption"]
    assert said(ranking.split("\n")[1], "scores.ranking_line", rank=1, code="YTE", name="Sở Y tế", total="100",
                mark=" (sửa điểm bot điền sẵn ở VI)")
