"""An update Telegram delivers twice (the bot crashed after handling it, before its offset was confirmed)
changes nothing and sends nothing the second time; a ballot sent twice keeps one ballot and one receipt."""

from __future__ import annotations

from sqlmodel import func, select

from storage.models import AuditLog, Ballot, CalendarItem, InboundUpdate, InviteCode, Submission
from tests.harness import TelegramHarness, button
from tests.texts import said
from tests.vote_play import HEAD, OFFICERS, RECEIPT, open_ballot, setup_bloc, tick_choices


def count(tg: TelegramHarness, model, *where) -> int:
    with tg.core.db.session() as s:
        return s.exec(select(func.count()).select_from(model).where(*where)).one()


async def test_commands_delivered_twice_are_handled_once(tg: TelegramHarness) -> None:
    group = await setup_bloc(tg)
    dm = tg.api.private(HEAD)
    await tg.say(HEAD, dm, "/start")

    cases = [
        (group, "/deadline 30/11/2026 17:00 | Báo cáo tổng kết năm", CalendarItem),
        (group, "/meeting 20/12/2026 08:00 | Hội nghị tổng kết | Hội trường Sở", CalendarItem),
        (dm, "/invite YTE", InviteCode),
    ]
    for chat, text, model in cases:
        before = count(tg, model)
        first = await tg.say(HEAD, chat, text)
        assert first and count(tg, model) == before + 1
        audit = count(tg, AuditLog)
        assert await tg.redeliver(tg.last_update_id()) == []
        assert count(tg, model) == before + 1 and count(tg, AuditLog) == audit

    await tg.say(HEAD, group, "/remind_config han 3n 1n")
    audit = count(tg, AuditLog)
    assert await tg.redeliver(tg.last_update_id()) == []
    assert count(tg, AuditLog) == audit

    # A refusal is not repeated either.
    refusal = await tg.say(OFFICERS["YTE"], group, "/lang en")
    assert len(refusal) == 1 and said(refusal[0]["text"], "err.not_manager", command="lang")
    assert await tg.redeliver(tg.last_update_id()) == []

    # A report sent once is one version, however often the update arrives.
    yte = tg.api.private(OFFICERS["YTE"])
    await tg.send_document(OFFICERS["YTE"], yte, b"%PDF report", "baocao.pdf", caption="/submit 1")
    assert count(tg, Submission) == 1
    assert await tg.redeliver(tg.last_update_id()) == []
    assert count(tg, Submission) == 1

    # Every handled update is recorded once; nothing else is.
    with tg.core.db.session() as s:
        keys = list(s.exec(select(InboundUpdate.update_key).where(InboundUpdate.platform == "telegram")))
    assert len(keys) == len(set(keys)) == len(tg.api.processed)


async def test_a_ballot_sent_twice_keeps_one_ballot_and_one_receipt(tg: TelegramHarness) -> None:
    group = await setup_bloc(tg)
    await tg.say(HEAD, group, "/vote 3 | 24/11/2026 17:00")
    officer = OFFICERS["YTE"]
    ballot = await open_ballot(tg, officer, 1)
    await tick_choices(tg, officer, ballot, ["GDDT"])
    send_data = button(ballot, "Gửi phiếu")["callback_data"]
    stale = dict(ballot)  # the message as it was when «Gửi phiếu» was pressed the first time

    await tg.press(officer, ballot, send_data)
    first = RECEIPT.search(ballot["text"])
    assert first is not None
    receipt = first.group(1)
    assert await tg.redeliver(tg.last_update_id()) == []

    # Pressed again before the edit arrived: the same ballot, the same receipt, nothing replaced.
    answer = await tg.press(officer, stale, send_data)
    assert receipt in answer["text"]
    with tg.core.db.session() as s:
        rows = list(s.exec(select(Ballot)))
        actions = [a.action for a in s.exec(select(AuditLog)) if a.action.startswith("ballot.")]
    assert [(r.receipt, r.times) for r in rows] == [(receipt, 1)]
    assert actions == ["ballot.cast"]


async def test_strangers_writing_privately_leave_no_rows(tg: TelegramHarness) -> None:
    """Only doing something that needs a record creates one (/start, /join, /setup)."""
    from storage.models import Account, Officer
    from tests.fakes.telegram_api import TgUser

    for i in range(20):
        stranger = TgUser(5000 + i, f"Lạ {i}")
        dm = tg.api.private(stranger)
        for text in ("xin chào", "/whoami", "/unknown_cmd", "/sign", "/phieu 1 2", "/join"):
            await tg.say(stranger, dm, text)
    assert count(tg, Officer) == 0 and count(tg, Account) == 0

    # Opening the private chat with /start is what lets the bot remind a person: that one is kept.
    newcomer = TgUser(6000, "Mới")
    await tg.say(newcomer, tg.api.private(newcomer), "/start")
    with tg.core.db.session() as s:
        [account] = s.exec(select(Account)).all()
    assert account.platform_user_id == "6000" and account.private_status == "open"
