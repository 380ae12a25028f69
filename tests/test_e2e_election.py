"""Electing next year's head and deputy by secret ballot, with a run-off, then the handover,
end to end through the real Telegram adapter over real HTTP."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import func, select

from bot.timefmt import year_start
from storage.models import RoleAssignment, Unit, Vote
from tests.conftest import VN
from tests.harness import TelegramHarness, button
from tests.texts import said
from tests.vote_play import HEAD, OFFICERS, YTE_SECOND, assert_secret, setup_bloc, vote

OF = OFFICERS


async def test_election_with_a_runoff_and_the_handover(tg: TelegramHarness, clock) -> None:
    group = await setup_bloc(tg)
    assert said(await tg.reply_text(HEAD, group, "/elect"), 'elect.usage')
    assert said(await tg.reply_text(OF["YTE"], group, "/elect 2027"), 'err.not_manager')

    # --- the head's ballot: nobody gets more than half, YTE and GDDT tie at the top -----------------
    post = (await tg.say(HEAD, group, "/elect 2027"))[0]
    assert post["text"].startswith("🗳 BỎ PHIẾU KÍN #1 — bầu Trưởng khối năm 2027")
    assert "Mỗi đơn vị chọn 1 đơn vị" in post["text"] and "Danh sách bầu (9 đơn vị)" in post["text"]
    assert said(post["text"], 'vote.rule_election', share='trên 1/2')
    assert button(post, "Bỏ phiếu")["url"] == "https://t.me/KhoiTestBot?start=v1"
    assert said(await tg.reply_text(HEAD, group, "/elect 2027"), 'elect.open', id=1, role='Trưởng khối')
    choices = {"VHTTDL": ["YTE"], "YTE": ["YTE"], "TTTT": ["YTE"], "GDDT": ["GDDT"], "LDTBXH": ["GDDT"],
               "PTTH": ["GDDT"], "BDT": ["BDT"], "BHXH": ["BDT"], "CDSP": []}
    for code, chosen in choices.items():
        await vote(tg, OF[code], 1, chosen)
    text = await tg.confirm_text(HEAD, group, "/vote_close 1")
    assert text.startswith("📊 KẾT QUẢ KIỂM PHIẾU #1 — Trưởng khối năm 2027\n"
                           "Đóng lúc 23/11/2026 09:00. Đơn vị thành viên: 9. Đã bỏ phiếu: 9 (100%), trong đó 1 phiếu trắng.")
    assert ("Số phiếu bầu (tỷ lệ trên số phiếu đã bỏ):\n4. GDDT — Sở Giáo dục và Đào tạo: 3 phiếu (33,3%)\n"
            "9. YTE — Sở Y tế: 3 phiếu (33,3%)\n1. BDT — Ban Dân tộc: 2 phiếu (22,2%)\n") in text
    assert said(text, 'results.runoff_needed', role='Trưởng khối', units='GDDT, YTE', id=1)
    assert said(await tg.reply_text(HEAD, group, "/elect 2027"), 'elect.needs_runoff', id=1)

    # --- the run-off between the top two, decided by the most votes, closing at its time -------------
    runoff = (await tg.say(HEAD, group, "/vote_runoff 1 | 23/11/2026 10:00"))[0]
    assert runoff["text"].startswith("🗳 BỎ PHIẾU KÍN #2 — bầu Trưởng khối năm 2027 — bầu lại (vòng 2, sau phiếu #1)")
    assert "Danh sách bầu (2 đơn vị):\n1. GDDT — Sở Giáo dục và Đào tạo\n2. YTE — Sở Y tế\n" in runoff["text"]
    assert said(runoff["text"], 'vote.rule_plurality')
    assert said(await tg.reply_text(HEAD, group, "/vote_runoff 1"), 'runoff.exists', id=1)
    for code in ("VHTTDL", "YTE", "TTTT", "BDT", "BHXH"):
        await vote(tg, OF[code], 2, ["YTE"])
    for code in ("GDDT", "LDTBXH", "PTTH"):
        await vote(tg, OF[code], 2, ["GDDT"])
    # YTE's second officer sends another ballot for YTE: still one ballot for the unit.
    await vote(tg, YTE_SECOND, 2, ["YTE"])
    before = len(tg.api.bot_messages(group.id))
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=VN))
    await tg.tick()
    # At its time the run-off closes: the results, then the deputy's ballot opens at once (one flow).
    # (The first round's chart, queued when it was closed by hand, went out with this pass too.)
    sent = tg.api.bot_messages(group.id)[before:]
    assert said(sent[0]["caption"], "chart.caption", id=1, title="Trưởng khối năm 2027") and "photo" in sent[0]
    text, chart, post = (m.get("text") or m.get("caption") for m in sent[1:])
    assert said(chart, "chart.caption", id=2, title="Trưởng khối năm 2027") and "photo" in sent[2]
    assert text.startswith("📊 KẾT QUẢ KIỂM PHIẾU #2")
    assert said(text, 'results.turnout', members=9, cast=8, percent='88,9%', blank=0)
    assert "2. YTE — Sở Y tế: 5 phiếu (62,5%) ✅\n1. GDDT — Sở Giáo dục và Đào tạo: 3 phiếu (37,5%)" in text
    assert said(text, 'results.elected', role='Trưởng khối', year=2027, unit='YTE — Sở Y tế')
    assert said(text, 'results.deputy_opened', id=3)

    with tg.core.db.session() as s:
        yte = s.exec(select(Unit).where(Unit.code == "YTE")).one()
        head_2027 = s.exec(select(RoleAssignment).where(RoleAssignment.year == 2027,
                                                        RoleAssignment.role == "head")).one()
    assert head_2027.unit_id == yte.id and head_2027.effective_from == year_start(2027, "Asia/Ho_Chi_Minh")

    # --- the deputy's ballot leaves out the elected head; it lasts as long as the run-off did ----------
    assert post.startswith("🗳 BỎ PHIẾU KÍN #3 — bầu Phó trưởng khối năm 2027")
    assert "Danh sách bầu (8 đơn vị)" in post and "YTE — Sở Y tế" not in post
    assert "23/11/2026 11:00" in post
    deputy_post = tg.api.bot_messages(group.id)[-1]
    assert button(deputy_post, "Bỏ phiếu")["url"] == "https://t.me/KhoiTestBot?start=v3"
    assert said(await tg.reply_text(HEAD, group, "/elect 2027"), 'elect.open', id=3, role='Phó trưởng khối')
    for code in ("VHTTDL", "YTE", "GDDT", "LDTBXH", "TTTT", "PTTH"):
        await vote(tg, OF[code], 3, ["GDDT"])
    await vote(tg, OF["BDT"], 3, ["BDT"])
    clock.set(datetime(2026, 11, 23, 10, 30, tzinfo=VN))
    await tg.tick()
    assert said(deputy_post["text"], 'vote.turnout', voted=7, members=9)  # the live turnout of a post the scheduler made
    clock.set(datetime(2026, 11, 23, 11, 0, tzinfo=VN))
    await tg.tick()
    results = [m.get("text", "") for m in tg.api.bot_messages(group.id) if m.get("text", "").startswith("📊 KẾT QUẢ KIỂM PHIẾU #3")]
    assert len(results) == 1
    assert said(results[0], 'results.line', position=4, unit='GDDT — Sở Giáo dục và Đào tạo', count=6, percent='85,7%', mark=' ✅')
    assert said(results[0], 'results.elected', role='Phó trưởng khối', year=2027, unit='GDDT — Sở Giáo dục và Đào tạo')
    assert said(results[0], 'results.roles_recorded', year=2027)
    assert said(await tg.reply_text(HEAD, group, "/elect 2027"), 'elect.done', year=2027, head='YTE', deputy='GDDT')
    text = await tg.reply_text(HEAD, group, "/results")
    assert "#1 Trưởng khối năm 2027: bầu lại giữa GDDT, YTE" in text
    # The final answer first, after the run-off; the path below it.
    final, path = text.split("\n\n")
    assert "• Trưởng khối năm 2027: YTE" in final and "• Phó trưởng khối năm 2027: GDDT" in final
    assert "#1" not in final and "#2 Trưởng khối năm 2027" in path
    assert "#2 Trưởng khối năm 2027: ✅ YTE (5/8)" in text and "#3 Phó trưởng khối năm 2027: ✅ GDDT (6/7)" in text

    # --- the handover: by the outgoing head only; the new head unit manages at once --------------------
    assert said(await tg.reply_text(OF["YTE"], group, "/handover 2027"), 'err.not_manager')
    assert said(await tg.reply_text(OF["YTE"], group, "/vote_rules tubau khong"), 'err.not_manager')
    text = await tg.reply_text(HEAD, group, "/handover")
    assert text == ("🤝 BÀN GIAO: từ 23/11/2026 11:00, YTE — Sở Y tế là Trưởng khối (nhiệm kỳ năm 2027), nhận bàn giao "
                    "từ VHTTDL — Sở Văn hóa, Thể thao và Du lịch. Cán bộ của đơn vị Trưởng khối mới quản trị khối "
                    "từ bây giờ.\nPhó trưởng khối: GDDT — Sở Giáo dục và Đào tạo.")
    assert said(await tg.reply_text(OF["YTE"], tg.api.private(OF["YTE"]), "/whoami"), 'whoami.text')
    assert said(await tg.reply_text(OF["GDDT"], tg.api.private(OF["GDDT"]), "/whoami"), 'whoami.text')
    assert said(await tg.reply_text(HEAD, group, "/vote_rules tubau khong"), 'err.not_manager')
    assert said(await tg.reply_text(OF["YTE"], group, "/vote_rules tubau khong"), 'rules.set')
    assert said(await tg.reply_text(OF["YTE"], group, "/handover 2027"), 'handover.already')

    assert_secret(tg, {o.id for o in OF.values()} | {YTE_SECOND.id})


async def test_closing_the_head_ballot_by_hand_opens_the_deputy_ballot(tg_fast: TelegramHarness) -> None:
    tg = tg_fast
    group = await setup_bloc(tg)
    await tg.say(HEAD, group, "/elect 2027")
    for code in ("VHTTDL", "YTE", "GDDT", "LDTBXH", "TTTT", "PTTH", "BDT"):
        await vote(tg, OF[code], 1, ["BDT"])
    sent = [m for m in (await tg.confirm(HEAD, group, "/vote_close 1"))[1:] if m["chat"]["id"] == group.id]
    assert len(sent) == 2
    assert said(sent[0]["text"], 'results.elected', role='Trưởng khối', year=2027, unit='BDT — Ban Dân tộc')
    assert said(sent[0]["text"], 'results.deputy_opened', id=2)
    assert sent[1]["text"].startswith("🗳 BỎ PHIẾU KÍN #2 — bầu Phó trưởng khối năm 2027")
    assert "BDT — Ban Dân tộc" not in sent[1]["text"].split("Danh sách bầu")[1].split("\n\n")[0]
    assert button(sent[1], "Bỏ phiếu")["url"] == "https://t.me/KhoiTestBot?start=v2"
    assert said(await tg.reply_text(HEAD, group, "/elect 2027"), 'elect.open', id=2, role='Phó trưởng khối')


async def test_elect_asks_before_replacing_a_head_set_by_hand(tg: TelegramHarness) -> None:
    def votes() -> int:
        with tg.core.db.session() as s:
            return s.exec(select(func.count()).select_from(Vote)).one()

    group = await setup_bloc(tg)
    await tg.say(HEAD, group, "/head BDT 2027")
    ask = (await tg.say(HEAD, group, "/elect 2027 | 20/12/2026 11:00"))[-1]
    assert said(ask["text"], "elect.confirm_replace", year=2027) and "BDT — Ban Dân tộc" in ask["text"]
    await tg.press(HEAD, ask, button(ask, "Giữ như cũ")["callback_data"])
    assert said(ask["text"], "elect.kept", year=2027) and votes() == 0

    ask = (await tg.say(HEAD, group, "/elect 2027 | 20/12/2026 11:00"))[-1]
    assert (await tg.press(OF["YTE"], ask, button(ask, "Mở bầu")["callback_data"]))["show_alert"]
    sent = await tg.confirm(HEAD, group, "/elect 2027 | 20/12/2026 11:00", "Mở bầu")
    assert any(m.get("text", "").startswith("🗳 BỎ PHIẾU KÍN #1 — bầu Trưởng khối năm 2027") for m in sent)
    with tg.core.db.session() as s:
        vote = s.exec(select(Vote)).one()
        assert vote.closes_at == datetime(2026, 12, 20, 11, 0, tzinfo=VN)
    # Under way: /elect no longer asks, it says the ballot is open.
    assert said(await tg.reply_text(HEAD, group, "/elect 2027"), "elect.open", id=1)
