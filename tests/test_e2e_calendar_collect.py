"""/collect: the head gets a deadline's files in one zip, with an index of every unit."""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile

from bot.services.calendar.export import safe_name
from tests.calendar_helpers import seed_bloc
from tests.harness import TelegramHarness
from tests.texts import said


def test_file_names_lose_folders_and_unsafe_characters() -> None:
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("C:\\Users\\lan\\Báo cáo: quý 4?.docx") == "Báo cáo_ quý 4_.docx"
    assert safe_name("...") == "tep"


async def test_the_head_collects_the_latest_version_of_each_unit(tg_fast: TelegramHarness) -> None:
    tg = tg_fast
    b = seed_bloc(tg)
    group, head = b.group, b.head
    dm = tg.api.private(head)
    post = (await tg.say(head, group, "/deadline 10/12/2026 17:00 | Báo cáo tổng kết"))[0]
    await tg.say(head, group, "/meeting 20/12/2026 08:00 | Hội nghị tổng kết | Hội trường")
    assert said(await tg.reply_text(head, dm, "/collect 1"), 'cal.collect.nothing')

    await tg.send_document(b.by_code["YTE"], group, b"ban 1", "bc.pdf", reply_to=post)
    await tg.send_document(b.by_code["YTE"], group, b"ban 2 sua", "bc-sua.pdf", reply_to=post)
    await tg.send_document(b.by_code["GDDT"], group, b"GDDT report", "Báo cáo GDĐT.docx", reply_to=post)
    await tg.say(head, group, "/mark 1 BDT mien")

    assert said(await tg.reply_text(b.by_code["YTE"], group, "/collect 1"), 'err.not_manager')
    assert said(await tg.reply_text(head, dm, "/collect"), 'cal.collect.usage')
    assert said(await tg.reply_text(head, dm, "/collect 2"), 'cal.collect.not_deadline')
    assert said(await tg.reply_text(head, dm, "/collect 99"), 'cal.unknown_item', id=99)

    [sent] = await tg.say(head, dm, "/collect #1")
    assert sent["document"]["file_name"] == "han-nop-1.zip"
    assert said(sent["caption"], 'cal.collect.caption', files=2)
    archive = zipfile.ZipFile(io.BytesIO(tg.api.files[sent["document"]["file_id"]][1]))
    assert sorted(archive.namelist()) == ["GDDT_Báo cáo GDĐT.docx", "YTE_bc-sua.pdf", "danh-sach.csv"]
    assert archive.read("YTE_bc-sua.pdf") == b"ban 2 sua"
    rows = list(csv.reader(io.StringIO(archive.read("danh-sach.csv").decode("utf-8-sig"))))
    assert rows[0][:3] == ["Mã", "Đơn vị", "Trạng thái"] and len(rows) == 10
    by_code = {r[0]: r for r in rows[1:]}
    assert by_code["YTE"][2:4] == ["đã nộp", "2"] and by_code["YTE"][6] == hashlib.sha256(b"ban 2 sua").hexdigest()
    assert by_code["BDT"][2] == "miễn nộp" and by_code["CDSP"][2] == "chưa nộp" and by_code["CDSP"][5] == ""
