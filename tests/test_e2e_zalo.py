"""End to end through the real Zalo adapter and real HTTP: a bloc that lives on Zalo alone.

The head creates the bloc in a private chat, invites officers with one-time codes, officers link
with /join <code>, reminders and notices reach them privately through the outbox, button messages
become numbered choices, long messages arrive split at 2,000 characters.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import httpx
from sqlmodel import Session, func, select

from bot.clock import ManualClock
from bot.ports import Button, Document, OutMessage
from bot.services.delivery.notify import Notice, queue_notice
from bot.services.reminders.planner import At, Before, plan
from bot.services.reminders.slots import replace_plan
from bot.services.reminders.sources import Reminder
from handlers.registry import Command, Who
from handlers.request import Request
from storage.models import AuditLog, Bloc, InviteCode, ReminderSlot, UnitOfficer
from storage.queries.blocs import member_units
from tests.conftest import VN
from tests.fakes.zalo_api import ZaloUser, zalo_user
from tests.texts import said
from tests.zalo_harness import ZaloHarness

CODE = re.compile(r"\b([A-Z2-9]{4}-[A-Z2-9]{4})\b")
UNITS = "YTE Sở Y tế\nGDDT Sở Giáo dục và Đào tạo\nBDT Ban Dân tộc"


def code_in(text: str) -> str:
    match = CODE.search(text)
    assert match, f"no code in {text!r}"
    return match.group(1)


def count(zh: ZaloHarness, model, *where) -> int:
    assert zh.core is not None
    with zh.core.db.session() as s:
        return s.exec(select(func.count()).select_from(model).where(*where)).one()


async def bloc_on_zalo(zh: ZaloHarness, head: ZaloUser, officers: dict[str, ZaloUser]) -> None:
    """The head sets the bloc up in private, adds three units and invites one officer per code."""
    await zh.zsay(head, "/setup Khối thi đua Văn hóa – Xã hội")
    await zh.zsay(head, f"/unit_add {UNITS}")
    for unit, officer in officers.items():
        code = code_in(await zh.zreply(head, f"/invite {unit}"))
        assert f"đại diện cho đơn vị {unit}" in await zh.zreply(officer, f"/join {code}")


async def test_an_officer_links_with_a_code_and_the_head_runs_the_bloc_in_private(zalo: ZaloHarness) -> None:
    head, lan, outsider = zalo_user("Hà Trần"), zalo_user("Lan"), zalo_user("Bình")

    text = await zalo.zreply(head, "/setup Khối thi đua Văn hóa – Xã hội")
    assert "✅ Đã tạo khối «Khối thi đua Văn hóa – Xã hội»" in text and "gửi riêng cho từng cán bộ" in text
    assert said(await zalo.zreply(head, "/setup Khối khác"), 'setup.already_private', bloc='Khối thi đua Văn hóa – Xã hội')
    assert count(zalo, Bloc) == 1
    assert said(await zalo.zreply(head, f"/unit_add {UNITS}"), 'unit.added_total', count=3)

    # Only a manager invites; the code is for one member unit.
    assert said(await zalo.zreply(outsider, "/invite YTE"), 'err.no_bloc_private.nogroup')
    assert said(await zalo.zreply(head, "/invite"), 'invite.usage')
    assert said(await zalo.zreply(head, "/invite ZZZ"), 'unit.unknown', code='ZZZ')
    invitation = await zalo.zreply(head, "/invite yte")
    assert "Mã mời cán bộ đơn vị YTE — Sở Y tế" in invitation and "hết hạn 30/11/2026 09:00" in invitation
    code = code_in(invitation)

    # The officer, in no bloc yet, redeems the code (typed in lower case, without the dash).
    text = await zalo.zreply(lan, f"/join {code.replace('-', '').lower()}")
    assert said(text, 'invite.joined', name='Lan', code='YTE', unit='Sở Y tế', bloc='Khối thi đua Văn hóa – Xã hội')
    # The same code a second time, by someone else: refused, nothing changes.
    assert f"Mã {code} đã được dùng" in await zalo.zreply(outsider, f"/join {code}")
    assert count(zalo, UnitOfficer) == 1

    who = await zalo.zreply(lan, "/whoami")
    assert "Khối: Khối thi đua Văn hóa – Xã hội" in who and "Đơn vị: YTE — Sở Y tế" in who
    assert said(who, 'role.officer')
    # The head's commands work in the head's private chat.
    assert said(await zalo.zreply(head, "/head YTE"), 'role.set', code='YTE', unit='Sở Y tế', role='Trưởng khối', year=2026)
    assert said(await zalo.zreply(lan, "/units"), 'units.officers', names='Lan')
    # The head's unit has an officer, but the deputy is not in place: the setup admin keeps the rights...
    assert said(await zalo.zreply(head, "/unit_add TTTT Sở TT-TT"), 'unit.added', code='TTTT')
    assert said(await zalo.zreply(head, "/deputy BDT"), 'role.set', code='BDT', role='Phó trưởng khối')
    minh = zalo_user("Minh")
    assert said(await zalo.zreply(minh, f"/join {code_in(await zalo.zreply(head, '/invite BDT'))}"), 'invite.joined')
    # ...until the deputy's unit has an officer too; from then on the head and deputy manage.
    assert said(await zalo.zreply(head, "/unit_add PTTH Đài PT-TH"), 'err.not_manager')
    helped = await zalo.zreply(lan, "/help")
    assert "/invite <MÃ ĐƠN VỊ>" in helped and "/join <mã mời>" in helped and "/remind_config" in helped
    plans = await zalo.zreply(lan, "/remind_config")
    assert "Hạn nộp báo cáo (han): 7n 3n 1n 08:00 +1 +2 +3 tổng+4 (mặc định)" in plans
    assert said(await zalo.zreply(lan, "/remind_config phieu 2n 1g!"), 'remind.set')

    # The former setup admin asks to act for a unit: the request reaches the head privately as
    # numbered choices; she answers "2" (reject) and the menu is done.
    sent = await zalo.zsay(head, "/join GDDT")
    [answer] = [m["text"] for m in sent if m["chat_id"] == head.id]
    assert said(answer, "join.request_sent", code="GDDT", unit="Sở Giáo dục và Đào tạo",
                who="Lan, Minh (Trưởng khối, Phó trưởng khối)")
    asked = next(m["text"] for m in sent if m["chat_id"] == lan.id)
    assert asked.startswith("🙋 Hà Trần xin đại diện cho đơn vị GDDT") and "1. ✅ Duyệt\n2. ❌ Từ chối" in asked
    assert "hãy trả lời một số từ 1 đến 2" in await zalo.zreply(lan, "3")
    assert said(await zalo.zreply(lan, "1 2"), 'menu.one_number')
    assert await zalo.zreply(lan, "2") == "❌ Yêu cầu của Hà Trần đại diện cho đơn vị GDDT đã bị từ chối (bởi Lan)."
    assert count(zalo, UnitOfficer) == 2

    with zalo.core.db.session() as s:  # type: ignore[union-attr]
        actions = list(s.exec(select(AuditLog.action).order_by(AuditLog.id)))
        details = " ".join(s.exec(select(AuditLog.details)))
    assert "invite.create" in actions and "invite.redeem.unit" in actions
    assert code not in details and code.replace("-", "") not in details  # the audit never holds a code


async def test_bad_input_gets_readable_answers_and_changes_nothing(zalo: ZaloHarness, clock: ManualClock) -> None:
    head, lan, minh = zalo_user("Hà"), zalo_user("Lan"), zalo_user("Minh")
    await bloc_on_zalo(zalo, head, {"YTE": lan})
    invites_before, audit_before = count(zalo, InviteCode), count(zalo, AuditLog)

    assert said(await zalo.zreply(lan, "/foo"), 'err.unknown_command', command='foo')
    assert said(await zalo.zreply(minh, "/join"), 'join.usage.nogroup')
    assert said(await zalo.zreply(minh, "/join ABCD-EFGH"), 'invite.unknown', code='ABCD-EFGH')
    assert said(await zalo.zreply(minh, "/join YTE"), 'err.no_bloc_private.nogroup')
    assert said(await zalo.zreply(minh, "/units"), 'err.no_bloc_private.nogroup')
    assert said(await zalo.zreply(lan, "/join YTE"), 'join.already_same', code='YTE')
    assert said(await zalo.zreply(head, "/remind_config han 7x"), 'remind.bad_unknown', token='7x')
    assert said(await zalo.zreply(minh, "xin chào"), 'private.text_hint')
    assert count(zalo, InviteCode) == invites_before and count(zalo, AuditLog) == audit_before

    # A code expires after seven days.
    code = code_in(await zalo.zreply(head, "/invite GDDT"))
    clock.set(clock.now() + timedelta(days=7, minutes=1))
    assert f"Mã {code} đã hết hạn" in await zalo.zreply(minh, f"/join {code}")
    assert count(zalo, UnitOfficer) == 1


async def test_stickers_photos_and_unsupported_messages_get_a_short_help(zalo: ZaloHarness) -> None:
    lan = zalo_user("Lan")
    for event in ("message.sticker.received", "message.unsupported.received"):
        before = len(zalo.zalo_api.sent)
        await zalo.handled_update(zalo.zalo_api.send_event(lan, event, {"sticker": "abc"}))
        assert said(zalo.zalo_api.sent[before]["text"], 'zalo.unsupported')
    # A photo nobody claims (no deadline open) gets the ordinary hint.
    before = len(zalo.zalo_api.sent)
    await zalo.handled_update(zalo.zalo_api.send_photo(lan, b"\xff\xd8jpeg"))
    assert said(zalo.zalo_api.sent[before]["text"], 'private.text_hint')


class Todo:
    """A reminder source standing in for a feature (deadlines): units not in ``done`` are reminded."""

    kind = "todo"
    config_kind = "deadline"

    def __init__(self) -> None:
        self.done: set[str] = set()

    def build(self, s: Session, slot: ReminderSlot, now: datetime) -> Reminder | None:
        if slot.slot == "at":
            return Reminder(units=[], group_text="Đã hết hạn nộp báo cáo 6 tháng.")
        pending = [u for u in member_units(s, slot.bloc_id, 2026) if u.code not in self.done]
        return Reminder(units=pending, group_text="Còn chưa nộp: " + ", ".join(u.code for u in pending),
                        private_text=lambda u: f"Đơn vị {u.code} chưa nộp báo cáo 6 tháng (hạn 10/12/2026 17:00).")

    def replan_bloc(self, s: Session, bloc: Bloc, now: datetime) -> int:
        return 0


async def test_reminders_and_notices_reach_zalo_officers_through_the_outbox(database: str, tmp_path: Path,
                                                                           clock: ManualClock) -> None:
    todo = Todo()
    async with ZaloHarness(tmp_path, clock, sources=(todo,)) as zh:
        head, lan, minh = zalo_user("Hà"), zalo_user("Lan"), zalo_user("Minh")
        await bloc_on_zalo(zh, head, {"YTE": lan, "GDDT": minh})
        assert zh.core is not None
        with zh.core.db.session() as s:
            bloc = s.exec(select(Bloc)).one()
            due = datetime(2026, 12, 10, 17, 0, tzinfo=VN)
            replace_plan(s, bloc_id=bloc.id, kind="todo", item_id=1, now=clock.now(),  # type: ignore[arg-type]
                         planned=plan(due, (Before(timedelta(days=3)), At()), "Asia/Ho_Chi_Minh"))
        todo.done = {"GDDT"}
        clock.set(datetime(2026, 12, 7, 17, 0, tzinfo=VN))
        report = await zh.tick()
        assert report.fired == 1
        # A reminder is for the units that still have to act: the pending unit's officer is reminded
        # privately; the unit that is done hears nothing (without a group chat there is no group
        # post to copy to it); the setup admin is no officer: nothing.
        assert zh.zalo_api.texts_to(lan) [-1] == "Đơn vị YTE chưa nộp báo cáo 6 tháng (hạn 10/12/2026 17:00)."
        assert not any("chưa nộp" in t for t in zh.zalo_api.texts_to(minh))
        assert not any("chưa nộp" in t for t in zh.zalo_api.texts_to(head))
        # Once, however often the scheduler runs.
        sent = len(zh.zalo_api.sent)
        await zh.tick()
        assert len(zh.zalo_api.sent) == sent
        # The action at the deadline (a notice to everyone) arrives too.
        clock.set(due)
        await zh.tick()
        assert zh.zalo_api.texts_to(lan)[-1] == zh.zalo_api.texts_to(minh)[-1] == "Đã hết hạn nộp báo cáo 6 tháng."

        # A 5,000-character notice arrives in parts of at most 2,000 characters, cut between lines.
        lines = [f"{i:03d}. Đơn vị thành viên số {i} đã gửi báo cáo tổng kết năm 2026 kèm tự chấm điểm."
                 for i in range(1, 80)]
        long_text = "\n".join(lines)[:5000].rsplit("\n", 1)[0]
        assert len(long_text) > 4900
        with zh.core.db.session() as s:
            queue_notice(s, bloc=s.exec(select(Bloc)).one(), notice=Notice(group_text=long_text), key="long",
                         now=clock.now())
        before = len(zh.zalo_api.sent)
        await zh.tick()
        parts = [m["text"] for m in zh.zalo_api.sent[before:] if m["chat_id"] == lan.id]
        assert len(parts) == 3 and all(len(p) <= 2000 for p in parts)
        assert "\n".join(parts) == long_text  # nothing lost, each part ends at a line's end


async def test_a_blocked_officer_is_recorded_and_others_still_get_the_notice(zalo: ZaloHarness) -> None:
    head, lan, minh = zalo_user("Hà"), zalo_user("Lan"), zalo_user("Minh")
    await bloc_on_zalo(zalo, head, {"YTE": lan, "GDDT": minh})
    zalo.zalo_api.blocked.add(lan.id)
    assert zalo.core is not None
    with zalo.core.db.session() as s:
        queue_notice(s, bloc=s.exec(select(Bloc)).one(), notice=Notice(group_text="Hội nghị dời sang 20/12."),
                     key="moved", now=zalo.clock.now())
    report = await zalo.tick()
    assert report.outbox.undeliverable == 1 and report.outbox.sent == 1
    assert zalo.zalo_api.texts_to(minh)[-1] == "Hội nghị dời sang 20/12."


# --- the seams later features plug into -------------------------------------------------------------

picked: list[str] = []


async def _pick(req: Request) -> None:
    """Stands in for the vote feature: a ballot numbers its candidates in its text and takes the
    typed form ``/pick #7 2 5``; on Telegram the same message would carry toggle buttons."""
    if req.args:
        picked.append(req.args)
        await req.reply(f"Đã nhận: {req.args}")
        return
    text = "Phiếu bầu #7 — Bằng khen (chọn tối đa 2):\n1. YTE — Sở Y tế\n2. GDDT — Sở Giáo dục\n3. BDT — Ban Dân tộc"
    await req.reply(OutMessage(text=text, buttons=[[Button("☐ YTE", data="x:1"), Button("☐ GDDT", data="x:2")]],
                               numbered_reply="/pick #7"))


async def _doc(req: Request) -> None:
    """Stands in for a feature that sends a document (the minutes, a template)."""
    await req.reply(OutMessage(text="Biên bản kiểm phiếu", document=Document("bien-ban.pdf", b"%PDF-1.4 kiem phieu",
                                                                             "application/pdf")))


async def _start_here(req: Request) -> None:
    """A bloc notice with a Telegram deep link (as the vote feature posts in a group)."""
    await req.reply(OutMessage(text="Đã mở bỏ phiếu.", buttons=[
        [Button("🗳 Bỏ phiếu", url="https://t.me/KhoiTestBot?start=v7")],
        [Button("Hướng dẫn", url="https://example.vn/huong-dan")]]))


TEST_COMMANDS = [Command("pick", _pick, who=Who.ANYONE), Command("doc", _doc, who=Who.ANYONE),
                 Command("open", _start_here, who=Who.ANYONE)]


def add_test_commands(zh: ZaloHarness) -> None:
    assert zh.zalo is not None
    registry = zh.zalo.dispatcher.registry
    for command in TEST_COMMANDS:
        registry.commands.setdefault(command.name, command)


async def test_a_multi_choice_menu_is_answered_with_numbers_that_complete_its_command(zalo: ZaloHarness) -> None:
    add_test_commands(zalo)
    lan = zalo_user("Lan")
    picked.clear()
    text = await zalo.zreply(lan, "/pick")
    assert "1. YTE — Sở Y tế" in text and "☐ YTE" not in text  # the ballot's own numbers, no buttons
    assert said(text, 'menu.reply_numbers', command='/pick #7')
    assert await zalo.zreply(lan, "2 3") == "Đã nhận: #7 2 3"
    assert await zalo.zreply(lan, "1, 3") == "Đã nhận: #7 1 3"
    # The typed form works as well, and a number that means nothing here is left to the feature.
    assert await zalo.zreply(lan, "/pick #7 2") == "Đã nhận: #7 2"
    assert picked == ["#7 2 3", "#7 1 3", "#7 2"]


async def test_deep_links_become_choices_and_documents_are_described(zalo: ZaloHarness) -> None:
    add_test_commands(zalo)
    lan = zalo_user("Lan")
    text = await zalo.zreply(lan, "/open")
    assert "1. 🗳 Bỏ phiếu" in text and "🔗 Hướng dẫn: https://example.vn/huong-dan" in text
    assert said(text, 'menu.reply_number', last=1)
    # "1" types the deep link's /start command: the vote feature answers (there is no vote #7).
    assert said(await zalo.zreply(lan, "1"), 'vote.unknown', id=7)
    assert said(await zalo.zreply(lan, "4"), 'menu.out_of_range', last=1)
    # Without a public address the bot cannot serve files: the document is described.
    text = await zalo.zreply(lan, "/doc")
    assert text.startswith("Biên bản kiểm phiếu") and "Kèm tệp «bien-ban.pdf» (1 KB): Zalo không gửi được tệp" in text


async def test_with_a_public_address_documents_are_offered_as_links(database: str, tmp_path: Path, clock: ManualClock) -> None:
    async with ZaloHarness(tmp_path, clock, public=True) as zh:
        add_test_commands(zh)
        lan = zalo_user("Lan")
        text = await zh.zreply(lan, "/doc")
        url = re.search(r"(http://127\.0\.0\.1:\d+/files/\S+)", text)
        assert url and "(đường dẫn dùng đến 23/12/2026)" in text
        async with httpx.AsyncClient() as http:
            got = await http.get(url.group(1))
            assert got.status_code == 200 and got.content == b"%PDF-1.4 kiem phieu"
            assert "bien-ban.pdf" in got.headers["content-disposition"]
            assert (await http.get(url.group(1).replace("/files/", "/files/x"))).status_code == 404
        clock.set(clock.now() + timedelta(days=31))
        async with httpx.AsyncClient() as http:
            assert (await http.get(url.group(1))).status_code == 404  # the link expired
