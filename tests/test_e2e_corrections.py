"""Undoing what was typed wrong: a pledge's text or deadline, a pledge opened by mistake, the bloc's name;
and the confirmations before acts that cannot be taken back (closing a vote, the last manager leaving,
an election replacing a head set by hand)."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import func, select

from storage.models import AuditLog, Bloc, CalendarItem, Pledge, PledgeSignature, ReminderSlot, StoredFile
from tests.harness import TelegramHarness, button, buttons_of
from tests.test_e2e_pledge import HEAD, OFFICERS, setup_bloc
from tests.texts import said


def count(tg: TelegramHarness, model, *where) -> int:
    with tg.core.db.session() as s:
        return s.exec(select(func.count()).select_from(model).where(*where)).one()


def actions(tg: TelegramHarness, prefix: str) -> list[str]:
    with tg.core.db.session() as s:
        return [a.action for a in s.exec(select(AuditLog)) if a.action.startswith(prefix)]


async def test_a_pledge_text_typed_wrong_is_edited_and_signed_again(tg: TelegramHarness) -> None:
    group = await setup_bloc(tg)
    # The README's rule: within the pledge's year or the December before it (the year-end conference).
    for deadline in ("30/11/2026", "15/06/2028"):
        assert said(await tg.reply_text(HEAD, group, f"/pledge_open 2027 | {deadline} | abc"),
                    "pledge.deadline_not_in_year", year=2027)
    assert count(tg, Pledge) == 0
    post = (await tg.say(HEAD, group, "/pledge_open 2027 | 10/01/2027 | abc"))[-1]
    data = button(post, "Ký giao ước")["callback_data"]
    for officer in OFFICERS[1:3]:
        await tg.press(officer, post, data)
    assert count(tg, PledgeSignature, PledgeSignature.withdrawn_at == None) == 2  # noqa: E711

    # The text changes: the two signatures were given to "abc", so they are withdrawn and asked again.
    sent = await tg.say(HEAD, group, "/pledge_edit 2027 | - | Các đơn vị thành viên cam kết thi đua năm 2027.")
    reply = next(m["text"] for m in sent if m["chat"]["id"] == group.id and said(m["text"], "pledge_edit.done_text"))
    assert said(reply, "pledge_edit.done_text", count=2, codes="GDDT, YTE")  # OFFICERS[1:3] act for YTE, GDDT
    assert count(tg, PledgeSignature, PledgeSignature.withdrawn_at == None) == 0  # noqa: E711
    assert count(tg, PledgeSignature) == 2  # kept as history
    await tg.tick()
    for officer in OFFICERS[1:3]:
        dm = [m for m in tg.api.bot_messages(officer.id) if said(m.get("text"), "pledge.sign_again_dm", year=2027)]
        assert len(dm) == 1 and buttons_of(dm[0])
    assert any(said(m.get("text"), "pledge.notice_text", year=2027) for m in tg.api.bot_messages(group.id))
    with tg.core.db.session() as s:
        assert s.exec(select(Pledge)).one().text.startswith("Các đơn vị thành viên cam kết")

    # Only the deadline changes: signatures stay, the reminders follow it.
    await tg.press(OFFICERS[1], post, data)
    before = {r.slot: r.due_at for r in _slots(tg)}
    sent = await tg.say(HEAD, group, "/pledge_edit 2027 | 15/01/2027 17:00")
    assert any(said(m["text"], "pledge_edit.done_deadline", deadline="15/01/2027 17:00") for m in sent)
    assert count(tg, PledgeSignature, PledgeSignature.withdrawn_at == None) == 1  # noqa: E711
    after = {r.slot: r.due_at for r in _slots(tg)}
    assert after["at"] != before["at"]
    assert actions(tg, "pledge.edit") == ["pledge.edit", "pledge.edit"]

    # Nothing to change, a deadline of the wrong year, a typo: refused, nothing changes.
    for text, key in (("/pledge_edit 2027 | - | -", "pledge_edit.usage"),
                      ("/pledge_edit 2027 | 15/06/2028", "pledge.deadline_not_in_year"),
                      ("/pledge_edit 2027 | 15/01/2027 17:00", "pledge_edit.nothing")):
        assert said(await tg.reply_text(HEAD, group, text), key)
    assert said(await tg.reply_text(OFFICERS[3], group, "/pledge_edit 2027 | 16/01/2027"), "err.not_manager")
    assert actions(tg, "pledge.edit") == ["pledge.edit", "pledge.edit"]


def _slots(tg: TelegramHarness) -> list[ReminderSlot]:
    with tg.core.db.session() as s:
        return list(s.exec(select(ReminderSlot).where(ReminderSlot.kind == "pledge", ReminderSlot.state == "pending")))


async def test_a_pledge_opened_by_mistake_is_cancelled_after_a_confirmation(tg: TelegramHarness) -> None:
    group = await setup_bloc(tg)
    post = (await tg.say(HEAD, group, "/pledge_open 2027 | 10/01/2027 | abc"))[-1]
    await tg.press(OFFICERS[1], post, button(post, "Ký giao ước")["callback_data"])

    ask = (await tg.say(HEAD, group, "/pledge_cancel"))[-1]
    assert said(ask["text"], "pledge_cancel.confirm", year=2027, count=1) and "• YTE — Sở Y tế (Hùng" in ask["text"]
    await tg.press(HEAD, ask, button(ask, "Không hủy")["callback_data"])
    assert said(ask["text"], "pledge_cancel.kept") and count(tg, Pledge, Pledge.state == "open") == 1

    ask = (await tg.say(HEAD, group, "/pledge_cancel 2027"))[-1]
    assert (await tg.press(OFFICERS[2], ask, button(ask, "Hủy giao ước")["callback_data"]))["show_alert"]
    assert count(tg, Pledge, Pledge.state == "open") == 1  # not a manager: nothing happens
    await tg.press(HEAD, ask, button(ask, "Hủy giao ước")["callback_data"])
    assert said(ask["text"], "pledge_cancel.done", year=2027)
    assert count(tg, Pledge, Pledge.state == "cancelled") == 1 and actions(tg, "pledge.cancel") == ["pledge.cancel"]
    assert _slots(tg) == []
    tg.clock.advance(timedelta(seconds=3))  # the live post's edits are coalesced for 2 seconds
    await tg.tick()
    assert any(said(m.get("text"), "pledge.notice_cancelled") for m in tg.api.bot_messages(group.id))
    assert said(post["text"], "pledge.post_cancelled") and not buttons_of(post)

    # The year is free again; a pledge nobody signed is cancelled without a question.
    sent = await tg.say(HEAD, group, "/pledge_open 2027 | 15/01/2027 | Cam kết thi đua năm 2027")
    assert any("GIAO ƯỚC THI ĐUA NĂM 2027" in m["text"] for m in sent)
    assert said(await tg.reply_text(HEAD, group, "/pledge_cancel 2027"), "pledge_cancel.done")


async def test_the_bloc_is_renamed(tg: TelegramHarness) -> None:
    group = await setup_bloc(tg)
    text = await tg.reply_text(HEAD, group, "/rename Khối thi đua Văn hóa – Xã hội tỉnh Yên Bái")
    assert said(text, "rename.done", old="Khối thi đua Văn hóa – Xã hội", new="Khối thi đua Văn hóa – Xã hội tỉnh Yên Bái")
    with tg.core.db.session() as s:
        assert s.exec(select(Bloc)).one().name == "Khối thi đua Văn hóa – Xã hội tỉnh Yên Bái"
    assert actions(tg, "bloc.rename") == ["bloc.rename"]
    assert said(await tg.reply_text(OFFICERS[3], group, "/rename X"), "err.not_manager")
    assert said(await tg.reply_text(HEAD, group, "/rename"), "rename.usage")


async def test_a_deadline_typed_as_the_caption_of_its_template(tg: TelegramHarness) -> None:
    group = await setup_bloc(tg, private=False)
    sent = await tg.send_document(HEAD, group, "Mẫu".encode(), "mau-quy-4.docx",
                                  caption="/deadline 15/12/2026 | Báo cáo quý IV")
    assert said(sent[0]["text"], "cal.deadline.template_line", name="mau-quy-4.docx")
    with tg.core.db.session() as s:
        item = s.exec(select(CalendarItem)).one()
        assert tg.core.files.read(s.get(StoredFile, item.template_file_id).sha256) == "Mẫu".encode()
