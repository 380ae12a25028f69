"""The pledge and a vote in one bloc whose officers are on Telegram and on Zalo, end to end through
both real adapters in one process, each against its fake API over real HTTP.

The bloc lives in a Telegram group. VHTTDL (the head) and YTE are on Telegram; GDDT and BDT are on
Zalo only, so they cannot see the group: every post, notice and result reaches them privately, with
the group's buttons as numbered choices; CDSP's officer is on both (he reads the group on Telegram,
and gets his reminders on both). Counts, reminders only to the units that still have to act, on
both platforms, results on both, and a secrecy scan of both.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import select

from storage.models import LivePost, PledgeSignature
from tests.conftest import VN
from tests.fakes.telegram_api import TgChat, TgUser
from tests.fakes.zalo_api import ZaloUser, zalo_user
from tests.harness import button
from tests.texts import said
from tests.vote_play import assert_secret, vote
from tests.zalo_harness import ZaloHarness
from tests.zalo_play import RECEIPT, assert_zalo_secret, code_in, count, invite_to_zalo, new_texts

ADMIN = TgUser(1, "Hà", "Trần")
HEAD = TgUser(10, "Lan", username="lan_vh")  # VHTTDL, the head unit
HUNG = TgUser(11, "Hùng", username="hung_yte")  # YTE
NGOC = TgUser(14, "Ngọc")  # CDSP, also on Zalo
UNITS = ("VHTTDL Sở Văn hóa, Thể thao và Du lịch\nYTE Sở Y tế\nGDDT Sở Giáo dục và Đào tạo\nBDT Ban Dân tộc\n"
         "CDSP Trường Cao đẳng Sư phạm")
SIGN_CHOICE = "1. ✍️ Ký giao ước"
VOTE_CHOICE = "1. 🗳 Bỏ phiếu"


@dataclass
class Bloc:
    group: TgChat
    mai: ZaloUser  # GDDT, Zalo only
    minh: ZaloUser  # BDT, Zalo only
    ngoc: ZaloUser  # CDSP's officer's Zalo account


async def mixed_bloc(zh: ZaloHarness) -> Bloc:
    group = zh.api.group("Khối VH-XH", admins=[ADMIN])
    await zh.say(ADMIN, group, "/setup Khối thi đua Văn hóa – Xã hội")
    await zh.say(ADMIN, group, f"/unit_add {UNITS}")
    await zh.say(ADMIN, group, "/head VHTTDL")
    for officer, unit in ((HEAD, "VHTTDL"), (HUNG, "YTE"), (NGOC, "CDSP")):
        post = (await zh.say(officer, group, f"/join {unit}"))[0]
        answer = await zh.press(ADMIN if officer is HEAD else HEAD, post, button(post, "Duyệt")["callback_data"])
        assert answer["text"] == "Đã duyệt."
        await zh.say(officer, zh.api.private(officer), "/start")
    mai, minh, ngoc = zalo_user("Mai"), zalo_user("Minh"), zalo_user("Ngọc (Zalo)")
    await invite_to_zalo(zh, HEAD, "GDDT", mai)
    await invite_to_zalo(zh, HEAD, "BDT", minh)
    code = code_in(await zh.reply_text(NGOC, zh.api.private(NGOC), "/link"))
    assert said(await zh.zreply(ngoc, f"/join {code}"), 'link.done', name='Ngọc')
    return Bloc(group, mai, minh, ngoc)


def dm_texts(zh: ZaloHarness, user: TgUser, since: int) -> list[str]:
    return [m.get("text") or "" for m in zh.api.bot_log[since:] if m["chat"]["id"] == user.id]


def group_texts(zh: ZaloHarness, b: Bloc, since: int) -> list[str]:
    return [m.get("text") or "" for m in zh.api.bot_log[since:] if m["chat"]["id"] == b.group.id]


def live_chats(zh: ZaloHarness) -> set[tuple[str, str]]:
    with zh.core.db.session() as s:  # type: ignore[union-attr]
        return {(r.platform, r.chat_id) for r in s.exec(select(LivePost))}


async def test_the_pledge_with_officers_on_telegram_and_on_zalo(mixed: ZaloHarness, clock) -> None:
    zh = mixed
    b = await mixed_bloc(zh)
    post = (await zh.say(HEAD, b.group, "/pledge_open 2027 | 15/12/2026 17:00 | Các đơn vị cam kết thi đua năm 2027."))[0]
    assert post["chat"]["id"] == b.group.id and "Đã ký: 0/5 đơn vị" in post["text"]
    zalo_before = len(zh.zalo_api.sent)
    await zh.tick()
    # The officers who cannot see the group get the post privately, its button as a numbered choice;
    # the one who reads the group on Telegram gets no copy on Zalo.
    for officer in (b.mai, b.minh):
        [copy] = new_texts(zh, officer, zalo_before)
        assert copy.startswith("📜 GIAO ƯỚC THI ĐUA NĂM 2027") and SIGN_CHOICE in copy
    assert new_texts(zh, b.ngoc, zalo_before) == []

    # Signing from both platforms: the group button, the number on Zalo, /sign on Zalo by the
    # officer who is on both.
    answer = await zh.press(HUNG, post, button(post, "Ký giao ước")["callback_data"])
    assert answer["text"].startswith("✅ Đã ký giao ước thi đua năm 2027 cho đơn vị YTE")
    assert await zh.zreply(b.mai, "1") == "✅ Đã ký giao ước thi đua năm 2027 cho đơn vị GDDT — Sở Giáo dục và Đào tạo."
    assert "cho đơn vị CDSP" in await zh.zreply(b.ngoc, "/sign")
    clock.advance(timedelta(seconds=3))
    await zh.tick()
    assert "Đã ký: 3/5 đơn vị" in post["text"] and "Chưa ký: BDT, VHTTDL" in post["text"]
    assert live_chats(zh) == {("telegram", str(b.group.id))}  # only the group's post is live

    # A week before the deadline: the group post names the two units left; their officers are
    # reminded privately on their platform (the Zalo one with the sign choice); nobody else is.
    tg_before, zalo_before = len(zh.api.bot_log), len(zh.zalo_api.sent)
    clock.set(datetime(2026, 12, 8, 17, 0, tzinfo=VN))
    await zh.tick()
    [reminder] = group_texts(zh, b, tg_before)
    assert "còn 2/5 đơn vị chưa ký" in reminder and "BDT — Ban Dân tộc: Minh" in reminder
    assert "VHTTDL — Sở Văn hóa, Thể thao và Du lịch: Lan (@lan_vh)" in reminder
    assert len(dm_texts(zh, HEAD, tg_before)) == 1
    [to_minh] = new_texts(zh, b.minh, zalo_before)
    assert "BDT" in to_minh and SIGN_CHOICE in to_minh
    assert dm_texts(zh, HUNG, tg_before) == dm_texts(zh, NGOC, tg_before) == []
    assert new_texts(zh, b.mai, zalo_before) == new_texts(zh, b.ngoc, zalo_before) == []
    assert "cho đơn vị BDT" in await zh.zreply(b.minh, "1")

    # The bot restarts (both platforms); at the deadline the final list reaches the group and,
    # privately, the Zalo-only officers.
    await zh.restart()
    tg_before, zalo_before = len(zh.api.bot_log), len(zh.zalo_api.sent)
    clock.set(datetime(2026, 12, 15, 17, 0, tzinfo=VN))
    await zh.tick()
    [final] = [t for t in group_texts(zh, b, tg_before) if t.startswith("🔒")]
    assert "Đã ký: 4/5 đơn vị" in final and "❌ Chưa ký (1 đơn vị):\n• VHTTDL" in final
    assert new_texts(zh, b.mai, zalo_before) == new_texts(zh, b.minh, zalo_before) == [final]
    assert new_texts(zh, b.ngoc, zalo_before) == []
    assert count(zh, PledgeSignature) == 4
    # The export, which Zalo cannot carry as files, is described there.
    export = await zh.zreply(b.mai, "/pledge_export")
    assert "4/5 đơn vị đã ký" in export and "«giao-uoc-thi-dua-2027.xlsx»" in export and "«giao-uoc-thi-dua-2027.csv»" in export


async def test_a_vote_with_officers_on_telegram_and_on_zalo(mixed: ZaloHarness, clock) -> None:
    zh = mixed
    b = await mixed_bloc(zh)
    post = (await zh.say(HEAD, b.group, "/vote Bằng khen | 24/11/2026 17:00"))[0]
    assert "Danh sách bầu (5 đơn vị):\n1. BDT — Ban Dân tộc\n2. CDSP" in post["text"]
    link = button(post, "Bỏ phiếu")["url"]
    assert link == "https://t.me/KhoiTestBot?start=v1"
    zalo_before = len(zh.zalo_api.sent)
    await zh.tick()
    for officer in (b.mai, b.minh):
        [copy] = new_texts(zh, officer, zalo_before)
        assert copy.startswith("🗳 BỎ PHIẾU KÍN #1") and "gõ /phieu 1 trong chat riêng" in copy and VOTE_CHOICE in copy
    assert new_texts(zh, b.ngoc, zalo_before) == []

    # Telegram officers vote with the deep link and the buttons; on Zalo the deep link is the
    # choice "1" (it types /start v1), and the ballot is answered with numbers.
    receipts = {"VHTTDL": await vote(zh, HEAD, 1, ["GDDT", "YTE"]), "YTE": await vote(zh, HUNG, 1, ["GDDT", "CDSP"])}
    ballot = await zh.zreply(b.mai, "1")
    assert "Đơn vị bỏ phiếu: GDDT" in ballot and "5. YTE — Sở Y tế" in ballot
    zalo_receipts = [await zh.zreply(b.mai, "3 5")]
    zalo_receipts.append(await zh.zreply(b.ngoc, "/phieu 1 3"))  # CDSP, from his Zalo account
    assert said(await zh.zreply(b.ngoc, "/phieu 1 1 2 3"), 'ballot.too_many', quota=2)
    clock.advance(timedelta(seconds=3))
    await zh.tick()
    assert "Đã bỏ phiếu: 4/5 đơn vị" in post["text"] and "⏳ Chưa bỏ phiếu: BDT" in post["text"]
    assert live_chats(zh) == {("telegram", str(b.group.id))}

    # The day before closing only BDT is reminded: in the group, and its Zalo officer privately.
    tg_before, zalo_before = len(zh.api.bot_log), len(zh.zalo_api.sent)
    clock.set(datetime(2026, 11, 23, 17, 0, tzinfo=VN))
    await zh.tick()
    [reminder] = group_texts(zh, b, tg_before)
    assert reminder.startswith("⏰ Nhắc bỏ phiếu #1") and "còn 1/5 đơn vị chưa bỏ phiếu: BDT (Minh)" in reminder
    [to_minh] = new_texts(zh, b.minh, zalo_before)
    assert to_minh.startswith("⏰ Đơn vị BDT chưa bỏ phiếu #1") and VOTE_CHOICE in to_minh
    assert all(dm_texts(zh, u, tg_before) == [] for u in (HEAD, HUNG, NGOC))
    assert new_texts(zh, b.mai, zalo_before) == new_texts(zh, b.ngoc, zalo_before) == []
    # A wrong answer changes nothing; the right one is counted.
    assert said(await zh.zreply(b.minh, "/phieu 1 6"), 'ballot.not_candidate', number=6)
    await zh.zreply(b.minh, "1")
    zalo_receipts.append(await zh.zreply(b.minh, "3 5"))

    # Closing on time: the results reach the group and the Zalo-only officers.
    tg_before, zalo_before = len(zh.api.bot_log), len(zh.zalo_api.sent)
    clock.set(datetime(2026, 11, 24, 17, 0, tzinfo=VN))
    await zh.tick()
    [results] = [t for t in group_texts(zh, b, tg_before) if t.startswith("📊")]
    assert said(results, 'results.line', position=3, unit='GDDT — Sở Giáo dục và Đào tạo', count=5, percent='100%', mark=' ✅')
    assert "5. YTE — Sở Y tế: 3 phiếu (60%) ✅" in results and "2. CDSP — Trường Cao đẳng Sư phạm: 1 phiếu (20%)" in results
    for code in [*receipts.values(), *(RECEIPT.search(r).group(1) for r in zalo_receipts)]:  # type: ignore[union-attr]
        assert code in results
    [chart] = [t for t in group_texts(zh, b, tg_before) if t == ""]  # the chart: a photo with a caption
    zalo_chart = [t for t in new_texts(zh, b.mai, zalo_before) if t.startswith("📈")]
    assert len(zalo_chart) == 1 and "«ket-qua-phieu-1.png»" in zalo_chart[0]
    assert new_texts(zh, b.mai, zalo_before) == new_texts(zh, b.minh, zalo_before) == [results, zalo_chart[0]]
    assert new_texts(zh, b.ngoc, zalo_before) == []

    # A vote opened with the guided flow in the group (its message becomes the post) reaches the
    # Zalo officers too; closed by hand in the group, so do its results.
    flow = (await zh.say(HEAD, b.group, "/vote"))[0]
    for label in ("Cờ thi đua của UBND tỉnh", "Tất cả 5 đơn vị", "Đóng bằng tay", "Mở bỏ phiếu"):
        assert not (await zh.press(HEAD, flow, button(flow, label)["callback_data"])).get("show_alert")
    assert flow["text"].startswith("🗳 BỎ PHIẾU KÍN #2")
    zalo_before = len(zh.zalo_api.sent)
    await zh.tick()
    [copy] = new_texts(zh, b.mai, zalo_before)
    assert copy.startswith("🗳 BỎ PHIẾU KÍN #2 —") and VOTE_CHOICE in copy
    assert new_texts(zh, b.ngoc, zalo_before) == []
    void = await zh.confirm_text(HEAD, b.group, "/vote_close 2")
    assert void.startswith("📊 PHIẾU #2") and "KHÔNG CÓ GIÁ TRỊ" in void
    zalo_before = len(zh.zalo_api.sent)
    await zh.tick()
    assert new_texts(zh, b.mai, zalo_before) == new_texts(zh, b.minh, zalo_before) == [void]

    minutes = await zh.zreply(b.minh, "/vote_minutes 1")
    assert "«bien-ban-kiem-phieu-1.docx»" in minutes and "«bien-ban-kiem-phieu-1.csv»" in minutes

    # Nothing on either platform reveals a unit's choices.
    assert_secret(zh, {HEAD.id, HUNG.id})
    assert_zalo_secret(zh, zalo_receipts, vote_ids=(1, 2))
