"""Bad input around votes: every refusal says what to do instead and changes nothing."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import func, select

from storage.models import AuditLog, Ballot, Vote
from tests.conftest import VN
from tests.fakes.telegram_api import TgUser
from tests.harness import TelegramHarness, button
from tests.texts import said
from tests.vote_play import HEAD, OFFICERS, setup_bloc, vote

OF = OFFICERS


def count(tg: TelegramHarness, model) -> int:
    with tg.core.db.session() as s:
        return s.exec(select(func.count()).select_from(model)).one()


async def test_bad_vote_commands_change_nothing(tg_fast: TelegramHarness) -> None:
    tg = tg_fast
    group = await setup_bloc(tg)
    dm = tg.api.private(HEAD)
    audit = count(tg, AuditLog)
    refusals = {
        (OF["YTE"], "group", "/vote 1 | tay"): "Chỉ cán bộ của đơn vị Trưởng khối",
        (HEAD, "group", "/vote abc"): "Cách dùng: /vote",
        (HEAD, "group", "/vote | tay"): "Cách dùng: /vote",
        (HEAD, "group", "/vote xyz | tay"): "Không tìm thấy danh hiệu «xyz»",
        (HEAD, "group", "/vote co thi dua | tay"): "khớp với nhiều danh hiệu",
        (HEAD, "group", "/vote 1 | 32/13/2026 10:00"): "không có trên lịch",
        (HEAD, "group", "/vote 1 | 01/01/2020 10:00"): "đã qua",
        (HEAD, "group", "/vote 1 | mai"): "Không đọc được thời gian «mai»",
        (HEAD, "group", "/vote 1 | tay | ZZZ"): "«ZZZ» không phải đơn vị thành viên",
        (HEAD, "group", "/vote 1 | tay | YTE,yte"): "Mã YTE được ghi hai lần",
        (HEAD, "group", "/vote_close"): "Cách dùng: /vote_close",
        (HEAD, "group", "/vote_close abc"): "Cách dùng: /vote_close",
        (HEAD, "group", "/vote_close 99"): "Khối không có phiếu bầu #99",
        (HEAD, "group", "/vote_runoff"): "Cách dùng: /vote_runoff",
        (HEAD, "group", "/vote_minutes x"): "Cách dùng: /vote_minutes",
        (HEAD, "group", "/results 20x6"): "Năm «20x6» không hợp lệ",
        (HEAD, "group", "/elect abcd"): "Năm «abcd» không hợp lệ",
        (HEAD, "group", "/elect 2020"): "Không bầu cho năm 2020 đã qua",
        (HEAD, "group", "/handover 2027"): "Chưa có Trưởng khối năm 2027",
        (HEAD, "group", "/handover 2026"): "Bàn giao cho năm sau (2027)",
        (HEAD, "dm", "/phieu"): "Cách dùng (trong chat riêng): /phieu",
        (HEAD, "dm", "/phieu 7 1"): "Khối không có phiếu bầu #7",
    }
    for (who, where, text), expected in refusals.items():
        chat = group if where == "group" else dm
        answer = await tg.reply_text(who, chat, text)
        assert expected in answer, (text, answer)
    assert count(tg, AuditLog) == audit and count(tg, Vote) == 0
    assert await tg.reply_text(HEAD, group, "/results") == "Năm 2026 khối chưa có cuộc bỏ phiếu nào."

    # With a vote open: ballots typed wrong, a second vote for the same award, early minutes and run-off.
    await tg.say(HEAD, group, "/vote 1 | tay")
    audit = count(tg, AuditLog)
    assert said(await tg.reply_text(HEAD, group, "/vote_runoff 1 | 31/02/2027"), "date.impossible")
    refusals = {
        (HEAD, "group", "/vote Cờ thi đua của Chính phủ | 30/11/2026 10:00"): "Đang có phiếu bầu mở cho «Cờ thi đua của Chính phủ»",
        (HEAD, "dm", "/phieu 1 x"): "Cách dùng (trong chat riêng): /phieu",
        (HEAD, "dm", "/phieu 1 1 2"): "tối đa 1 đơn vị",
        (HEAD, "dm", "/phieu 1 42"): "Số 42 không có trong phiếu (phiếu có các số từ 1 đến 9)",
        (HEAD, "dm", "/phieu 1 3 3"): "Mỗi số chỉ ghi một lần",
        (HEAD, "group", "/vote_minutes 1"): "biên bản kiểm phiếu chỉ có sau khi đóng",
        (HEAD, "group", "/vote_runoff 1"): "Phiếu #1 chưa đóng",
    }
    for (who, where, text), expected in refusals.items():
        chat = group if where == "group" else dm
        answer = await tg.reply_text(who, chat, text)
        assert expected in answer, (text, answer)
    assert count(tg, AuditLog) == audit and count(tg, Vote) == 1 and count(tg, Ballot) == 0
    # /phieu alone shows the ballot; a clear winner leaves nothing to run off.
    assert said(await tg.reply_text(HEAD, dm, "/phieu #1"), 'ballot.head', id=1)
    for code in ("VHTTDL", "YTE", "GDDT", "LDTBXH", "TTTT", "PTTH"):
        await vote(tg, OF[code], 1, ["YTE"])
    await tg.confirm(HEAD, group, "/vote_close 1")
    assert said(await tg.reply_text(HEAD, group, "/vote_runoff 1"), 'runoff.nothing')


async def test_another_blocs_vote_and_a_unit_added_after_opening(tg_fast: TelegramHarness) -> None:
    tg = tg_fast
    group = await setup_bloc(tg)
    await tg.say(HEAD, group, "/vote 1 | tay")
    # Another bloc with its own vote (#2).
    admin2, officer2 = TgUser(3, "Quân"), TgUser(4, "Sơn")
    group2 = tg.api.group("Khối khác", admins=[admin2])
    await tg.say(admin2, group2, "/setup Khối thi đua Kinh tế")
    await tg.say(admin2, group2, "/unit_add SCT Sở Công Thương")
    await tg.say(officer2, group2, "/join SCT")
    await tg.say(admin2, group2, "/vote 1 | tay")
    ballots = count(tg, Ballot)
    # An officer of the first bloc cannot vote in the second bloc's vote, by link, typing or a forged button.
    text = await tg.reply_text(OF["YTE"], tg.api.private(OF["YTE"]), "/start v2")
    assert said(text, 'ballot.no_unit', id=2)
    assert said(await tg.reply_text(OF["YTE"], tg.api.private(OF["YTE"]), "/phieu 2 1"), 'ballot.no_unit')
    ballot = (await tg.say(OF["YTE"], tg.api.private(OF["YTE"]), "/start v1"))[0]
    answer = await tg.press(OF["YTE"], ballot, "vb:2:1:s")
    assert answer["show_alert"] and "không đại diện" in answer["text"]
    # Bloc 1 cannot close bloc 2's vote.
    assert said(await tg.reply_text(HEAD, group, "/vote_close 2"), 'vote.unknown', id=2)
    # A unit added after the vote opened is not in its electorate.
    newcomer = TgUser(300, "Phúc")
    await tg.say(HEAD, group, "/unit_add SNV Sở Nội vụ")
    post = (await tg.say(newcomer, group, "/join SNV"))[0]
    await tg.press(HEAD, post, button(post, "Duyệt")["callback_data"])
    text = await tg.reply_text(newcomer, tg.api.private(newcomer), "/start v1")
    assert said(text, 'ballot.not_elector', id=1)
    assert count(tg, Ballot) == ballots


async def test_guided_flow_with_a_shortlist_and_a_typed_time(tg_fast: TelegramHarness) -> None:
    tg = tg_fast
    group = await setup_bloc(tg)
    flow = (await tg.say(HEAD, group, "/vote"))[0]
    await tg.press(HEAD, flow, button(flow, "Cờ thi đua của UBND tỉnh")["callback_data"])
    await tg.press(HEAD, flow, button(flow, "rút gọn")["callback_data"])
    answer = await tg.press(HEAD, flow, button(flow, "Xong")["callback_data"])
    assert answer["show_alert"] and "ít nhất một đơn vị" in answer["text"]
    for code in ("YTE", "GDDT", "BDT"):
        await tg.press(HEAD, flow, button(flow, f"{code} — ")["callback_data"])
    await tg.press(HEAD, flow, button(flow, "BDT — ")["callback_data"])  # untick
    assert "☑️ YTE" in str(flow["reply_markup"]) and "⬜ BDT" in str(flow["reply_markup"])
    await tg.press(HEAD, flow, button(flow, "Xong (2 đơn vị)")["callback_data"])
    # A forged press from another step changes nothing.
    answer = await tg.press(HEAD, flow, f"{button(flow, 'Huỷ')['callback_data'].rsplit(':', 1)[0]}:go")
    assert answer["show_alert"] and "hết hiệu lực" in answer["text"]
    # The closing time typed: a bad one is refused with the accepted forms, a good one is confirmed.
    assert said(await tg.reply_text(HEAD, group, "32/11/2026 10:00"), 'date.impossible', value='32/11/2026 10:00')
    # Chatter in the group is left alone; a reply to the bot is read as the answer.
    assert await tg.say(HEAD, group, "chờ chút nhé") == []
    answer = [m for m in await tg.say(HEAD, group, "mai nhé", reply_to=flow) if m["chat"]["id"] == group.id]
    assert len(answer) == 1 and "Không đọc được thời gian «mai nhé»" in answer[0]["text"]
    # Someone else's text in the group is not taken as the time.
    assert await tg.say(OF["YTE"], group, "25/11/2026 10:00") == []
    confirm = (await tg.say(HEAD, group, "25/11/2026 10:00"))[0]
    assert "Danh sách bầu (2): GDDT, YTE" in confirm["text"] and "Đóng phiếu: 25/11/2026 10:00" in confirm["text"]
    await tg.press(HEAD, confirm, button(confirm, "Mở bỏ phiếu")["callback_data"])
    assert confirm["text"].startswith("🗳 BỎ PHIẾU KÍN #1 — bình xét, suy tôn: Cờ thi đua của UBND tỉnh")
    assert "Danh sách bầu (2 đơn vị):\n1. GDDT — Sở Giáo dục và Đào tạo\n2. YTE — Sở Y tế\n" in confirm["text"]
    # Cancelling a new flow opens nothing.
    flow = (await tg.say(HEAD, group, "/vote"))[0]
    await tg.press(HEAD, flow, button(flow, "Huỷ")["callback_data"])
    assert flow["text"] == "Đã huỷ, chưa mở bỏ phiếu."
    assert count(tg, Vote) == 1


async def test_self_vote_off_leaves_the_unit_off_its_own_ballot(tg_fast: TelegramHarness) -> None:
    tg = tg_fast
    group = await setup_bloc(tg)
    await tg.say(HEAD, group, "/vote_rules tubau khong")
    post = (await tg.say(HEAD, group, "/vote 3 | tay"))[0]
    assert said(post["text"], 'vote.rule_self_no')
    dm = tg.api.private(OF["YTE"])
    ballot = (await tg.say(OF["YTE"], dm, "/start v1"))[0]
    assert "YTE không có trong phiếu của bạn" in ballot["text"] and ". YTE — " not in str(ballot["reply_markup"])
    assert said(await tg.reply_text(OF["YTE"], dm, "/phieu 1 9"), 'ballot.self_vote')
    answer = await tg.press(OF["YTE"], ballot, "vb:1:100:s")  # position 9 = YTE, forged
    assert answer["show_alert"] and "không cho đơn vị tự bỏ phiếu" in answer["text"]
    assert said(await tg.reply_text(OF["YTE"], dm, "/phieu 1 4 1"), 'ballot.received')
    assert count(tg, Ballot) == 1


async def test_a_closing_time_alone_means_today(tg_fast: TelegramHarness) -> None:
    tg = tg_fast
    group = await setup_bloc(tg)
    await tg.say(HEAD, group, "/vote 1 | 10:30")
    with tg.core.db.session() as s:
        vote = s.exec(select(Vote)).one()
    assert vote.closes_at == datetime(2026, 11, 23, 10, 30, tzinfo=VN)  # the clock says 09:00 that day


async def test_a_ballot_typed_in_the_group_is_deleted_and_refused_privately(tg_fast: TelegramHarness) -> None:
    tg = tg_fast
    group = await setup_bloc(tg)
    await tg.say(HEAD, group, "/vote 1 | tay")
    officer = OFFICERS["YTE"]
    await tg.say(officer, tg.api.private(officer), "/start")
    # The bot is not an admin of the group: it cannot delete; the officer is told privately to do it.
    sent = await tg.say(officer, group, "/phieu 1 8")
    assert [m["chat"]["id"] for m in sent] == [officer.id]
    assert said(sent[0]["text"], "phieu.in_group_kept") and tg.api.deleted == []
    # As an admin with the right to delete: the message disappears, the officer is told why.
    tg.api.can_delete.add(group.id)
    sent = await tg.say(officer, group, "/phieu 1 8")
    assert [m["chat"]["id"] for m in sent] == [officer.id] and said(sent[0]["text"], "phieu.in_group_deleted")
    assert [chat for chat, _ in tg.api.deleted] == [group.id]
    left = [m for (cid, _), m in tg.api.messages.items() if cid == group.id and m.get("text") == "/phieu 1 8"]
    assert len(left) == 1  # only the first one, which the bot could not delete
    # Nothing was counted.
    assert count(tg, Ballot) == 0
    # Someone without a private chat with the bot: the refusal is said in the group, without the numbers.
    stranger = TgUser(999, "Khách")
    sent = await tg.say(stranger, group, "/phieu 1 3")
    assert said(sent[0]["text"], "phieu.in_group_public") and "3" not in sent[0]["text"]
