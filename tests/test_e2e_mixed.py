"""Telegram and Zalo in one process sharing one bloc: a Telegram group with officers on both
platforms, each through its real adapter over real HTTP against its fake API."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

from sqlmodel import Session, func, select

from adapters.telegram.adapter import TelegramAdapter
from adapters.zalo.adapter import ZaloAdapter
from app.wiring import build_core, build_dispatcher, build_platforms
from bot.clock import ManualClock
from bot.services.delivery.notify import Notice, queue_notice
from bot.services.reminders.planner import Before, plan
from bot.services.reminders.slots import replace_plan
from bot.services.reminders.sources import Reminder
from storage.models import Account, Bloc, ReminderSlot, UnitOfficer
from storage.queries.blocs import unit_by_code
from tests.conftest import VN
from tests.fakes.telegram_api import TOKEN, TgUser
from tests.fakes.zalo_api import ZALO_TOKEN, zalo_user
from tests.harness import button, make_settings
from tests.texts import said
from tests.zalo_harness import ZaloHarness

CODE = re.compile(r"\b([A-Z2-9]{4}-[A-Z2-9]{4})\b")
ADMIN = TgUser(1, "Hà", "Trần")
MINH = TgUser(2, "Minh", "Lê")


def code_in(text: str) -> str:
    match = CODE.search(text)
    assert match, f"no code in {text!r}"
    return match.group(1)


async def test_officers_on_both_platforms_share_one_bloc(mixed: ZaloHarness) -> None:
    zh = mixed
    lan = zalo_user("Lan")
    group = zh.api.group("Khối VH-XH", admins=[ADMIN])
    await zh.say(ADMIN, group, "/setup Khối thi đua Văn hóa – Xã hội")
    await zh.say(ADMIN, group, "/unit_add YTE Sở Y tế\nGDDT Sở Giáo dục và Đào tạo\nBDT Ban Dân tộc")

    # A code asked for in the group goes to the asker's private chat, never to the group.
    assert said(await zh.reply_text(ADMIN, group, "/invite YTE"), 'invite.needs_private')
    admin_dm = zh.api.private(ADMIN)
    await zh.say(ADMIN, admin_dm, "/start")
    assert said(await zh.reply_text(ADMIN, group, "/invite YTE"), 'invite.sent_privately')
    code = code_in(zh.api.bot_messages(admin_dm.id)[-1]["text"])
    assert code not in " ".join(m.get("text", "") for m in zh.api.bot_messages(group.id))

    # The Zalo officer links with it; the Telegram admin makes that unit the head.
    assert said(await zh.zreply(lan, f"/join {code}"), 'invite.joined', name='Lan', code='YTE')
    assert said(await zh.reply_text(ADMIN, group, "/head YTE"), 'role.in_force')
    units = await zh.reply_text(ADMIN, group, "/units")
    assert "3. YTE — Sở Y tế (Trưởng khối)\n   Cán bộ: Lan" in units

    # A Telegram officer asks to join in the group; the head on Zalo cannot see the group's
    # buttons, so the request reaches her privately as numbered choices, answered with "1".
    before = len(zh.zalo_api.sent)
    post = (await zh.say(MINH, group, "/join GDDT"))[0]
    assert "xin đại diện cho đơn vị GDDT" in post["text"] and button(post, "Duyệt")
    await zh.zalo_api.wait_for(lambda: len(zh.zalo_api.sent) > before)
    asked = zh.zalo_api.texts_to(lan)[-1]
    assert "🙋 Minh Lê xin đại diện cho đơn vị GDDT — Sở Giáo dục và Đào tạo" in asked
    assert "1. ✅ Duyệt\n2. ❌ Từ chối" in asked and "Trả lời bằng một số (1–2)" in asked
    answer = await zh.zsay(lan, "1")
    assert [m["text"] for m in answer] == ["✅ Minh Lê đại diện cho đơn vị GDDT — Sở Giáo dục và Đào tạo (duyệt bởi Lan)."]
    # The menu is answered: the same number again means nothing now.
    assert said(await zh.zreply(lan, "1"), 'private.text_hint')
    with zh.core.db.session() as s:  # type: ignore[union-attr]
        assert s.exec(select(func.count()).select_from(UnitOfficer)).one() == 2
    # The stale group button changes nothing.
    answer_tg = await zh.press(MINH, post, button(post, "Duyệt")["callback_data"])
    assert answer_tg["show_alert"] and "Chỉ Trưởng khối" in answer_tg["text"]

    # A bloc notice reaches the group and the Zalo officer privately (she is not in the group);
    # the Telegram officer reads it in the group and gets no private copy.
    minh_dm = zh.api.private(MINH)
    await zh.say(MINH, minh_dm, "/start")
    with zh.core.db.session() as s:  # type: ignore[union-attr]
        queue_notice(s, bloc=s.exec(select(Bloc)).one(), key="conf",
                     notice=Notice(group_text="📅 Hội nghị tổng kết năm: 08:00 20/12/2026 tại Sở Y tế."),
                     now=zh.clock.now())
    await zh.tick()
    notice = "📅 Hội nghị tổng kết năm: 08:00 20/12/2026 tại Sở Y tế."
    assert zh.api.bot_messages(group.id)[-1]["text"] == notice
    assert zh.zalo_api.texts_to(lan)[-1] == notice
    assert notice not in [m.get("text") for m in zh.api.bot_messages(minh_dm.id)]


class Pending:
    """Reminds every unit except YTE (stands in for a feature's deadline)."""

    kind = "todo"
    config_kind = "deadline"

    def build(self, s: Session, slot: ReminderSlot, now: datetime) -> Reminder | None:
        bloc = s.get(Bloc, slot.bloc_id)
        assert bloc is not None and bloc.id is not None
        unit = unit_by_code(s, bloc.id, "GDDT")
        assert unit is not None
        return Reminder(units=[unit], group_text="Nhắc: GDDT chưa nộp báo cáo.",
                        private_text=lambda u: f"Đơn vị {u.code} chưa nộp báo cáo.")

    def replan_bloc(self, s: Session, bloc: Bloc, now: datetime) -> int:
        return 0


async def test_one_person_on_both_platforms_gets_reminders_on_both(database: str, tmp_path: Path, clock: ManualClock) -> None:
    async with ZaloHarness(tmp_path, clock, telegram=True, sources=(Pending(),)) as zh:
        group = zh.api.group("Khối VH-XH", admins=[ADMIN])
        await zh.say(ADMIN, group, "/setup Khối thi đua Văn hóa – Xã hội")
        await zh.say(ADMIN, group, "/unit_add YTE Sở Y tế\nGDDT Sở Giáo dục và Đào tạo")
        post = (await zh.say(MINH, group, "/join GDDT"))[0]
        await zh.press(ADMIN, post, button(post, "Duyệt")["callback_data"])

        # Minh adds his Zalo account with a link code asked for on Telegram.
        minh_dm = zh.api.private(MINH)
        minh_zalo = zalo_user("Minh (Zalo)")
        await zh.say(MINH, minh_dm, "/start")
        code = code_in(await zh.reply_text(MINH, minh_dm, "/link"))
        assert said(zh.api.bot_messages(minh_dm.id)[-1]["text"], 'link.created')
        assert said(await zh.zreply(minh_zalo, f"/join {code}"), 'link.done', name='Minh Lê', bloc='Khối thi đua Văn hóa – Xã hội')
        assert said(await zh.zreply(minh_zalo, "/whoami"), 'whoami.text', unit='GDDT — Sở Giáo dục và Đào tạo')
        assert said(await zh.zreply(minh_zalo, f"/join {code_in(await zh.reply_text(MINH, minh_dm, '/link'))}"), 'link.same_person')
        with zh.core.db.session() as s:  # type: ignore[union-attr]
            owners = {a.platform: a.officer_id for a in s.exec(select(Account).where(Account.display_name.startswith("Minh")))}  # type: ignore[union-attr]
        assert owners["telegram"] == owners["zalo"]

        # A reminder for his unit reaches both of his accounts, and the group; the group post is
        # not copied to his Zalo (he reads the group on Telegram).
        with zh.core.db.session() as s:  # type: ignore[union-attr]
            bloc = s.exec(select(Bloc)).one()
            replace_plan(s, bloc_id=bloc.id, kind="todo", item_id=1, now=clock.now(),  # type: ignore[arg-type]
                         planned=plan(datetime(2026, 12, 10, 17, 0, tzinfo=VN), (Before(timedelta(days=1)),),
                                      "Asia/Ho_Chi_Minh"))
        clock.set(datetime(2026, 12, 9, 17, 0, tzinfo=VN))
        await zh.tick()
        assert zh.api.bot_messages(minh_dm.id)[-1]["text"] == "Đơn vị GDDT chưa nộp báo cáo."
        assert zh.zalo_api.texts_to(minh_zalo) [-1] == "Đơn vị GDDT chưa nộp báo cáo."
        assert zh.api.bot_messages(group.id)[-1]["text"] == "Nhắc: GDDT chưa nộp báo cáo."
        assert "Nhắc: GDDT chưa nộp báo cáo." not in zh.zalo_api.texts_to(minh_zalo)


def test_both_platforms_run_in_one_process_when_both_tokens_are_set(tmp_path: Path, clock: ManualClock) -> None:
    core = build_core(make_settings(tmp_path, telegram_bot_token=TOKEN, zalo_bot_token=ZALO_TOKEN), clock)
    platforms = build_platforms(core, build_dispatcher(core))
    assert [type(p) for p in platforms] == [TelegramAdapter, ZaloAdapter]
    assert set(core.messengers) == {"telegram", "zalo"}
    core.db.dispose()
    zalo_only = build_core(make_settings(tmp_path / "z", zalo_bot_token=ZALO_TOKEN), clock)
    assert [type(p) for p in build_platforms(zalo_only, build_dispatcher(zalo_only))] == [ZaloAdapter]
    zalo_only.db.dispose()
