"""End to end through the real Telegram adapter and real HTTP: set up a bloc, 9 units, 9 officers."""

from __future__ import annotations

from sqlmodel import func, select

from storage.models import AuditLog, Bloc, JoinRequest, Unit, UnitOfficer
from tests.fakes.telegram_api import TgUser
from tests.harness import TelegramHarness, button, buttons_of
from tests.texts import said
from tests.units_data import OFFICER_NAMES, UNITS

ADMIN = TgUser(1, "Hà", "Trần", "ha_tran")
OUTSIDER = TgUser(2, "Bình", "Lê")
OFFICERS = [TgUser(100 + i, name) for i, name in enumerate(OFFICER_NAMES)]


def _count(tg: TelegramHarness, model) -> int:
    with tg.core.db.session() as s:
        return s.exec(select(func.count()).select_from(model)).one()


async def test_setup_units_join_approve_and_list(tg: TelegramHarness) -> None:
    group = tg.api.group("Khối VH-XH", admins=[ADMIN])

    # A non-admin cannot bind the group.
    text = await tg.reply_text(OUTSIDER, group, "/setup Khối thi đua Văn hóa – Xã hội")
    assert said(text, 'setup.not_admin')
    assert _count(tg, Bloc) == 0

    # Missing name: the usage, nothing created.
    assert said(await tg.reply_text(ADMIN, group, "/setup"), 'setup.usage')
    text = await tg.reply_text(ADMIN, group, "/setup Khối thi đua Văn hóa – Xã hội")
    assert said(text, 'setup.done', bloc='Khối thi đua Văn hóa – Xã hội')
    assert "Đã gắn" not in text
    # A second /setup in a bound group is refused.
    assert said(await tg.reply_text(ADMIN, group, "/setup Khối khác"), 'setup.already')
    assert _count(tg, Bloc) == 1

    # Nine units in one multi-line command.
    lines = "\n".join(f"{code} {name}" for code, name in UNITS)
    text = await tg.reply_text(ADMIN, group, f"/unit_add {lines}")
    assert said(text, 'unit.added_total', count=9, year=2026)

    # Each officer asks to join; the setup admin approves with the button.
    for officer, (code, _name) in zip(OFFICERS, UNITS, strict=True):
        sent = await tg.say(officer, group, f"/join {code}")
        assert len(sent) == 1 and f"xin đại diện cho đơn vị {code}" in sent[0]["text"]
        post = sent[0]
        # An ordinary member cannot approve someone else's request.
        if officer is not OFFICERS[0]:
            answer = await tg.press(OFFICERS[0], post, button(post, "Duyệt")["callback_data"])
            assert answer.get("show_alert") and "Chỉ Trưởng khối" in answer["text"]
        answer = await tg.press(ADMIN, post, button(post, "Duyệt")["callback_data"])
        assert answer["text"] == "Đã duyệt."
        assert f"{officer.full_name} đại diện cho đơn vị {code}" in post["text"]
        assert said(post["text"], 'join.approved_post', approver='Hà Trần')
        assert buttons_of(post) == []  # the decided request loses its buttons

    text = await tg.reply_text(OFFICERS[3], group, "/units")
    assert said(text, 'units.header', count=9)
    for officer, (code, name) in zip(OFFICERS, UNITS, strict=True):
        assert f"{code} — {name}" in text
        assert officer.full_name in text
    assert _count(tg, UnitOfficer) == 9


async def test_refusals_change_nothing(tg: TelegramHarness) -> None:
    group = tg.api.group("Khối VH-XH", admins=[ADMIN])
    await tg.say(ADMIN, group, "/setup Khối thi đua Văn hóa – Xã hội")
    await tg.say(ADMIN, group, "/unit_add YTE Sở Y tế")
    units_before, audit_before = _count(tg, Unit), _count(tg, AuditLog)

    # A non-admin's /unit_add is refused.
    text = await tg.reply_text(OUTSIDER, group, "/unit_add GDDT Sở Giáo dục và Đào tạo")
    assert said(text, 'err.not_manager')

    # Malformed arguments get the usage text or a precise reason.
    assert said(await tg.reply_text(ADMIN, group, "/unit_add"), 'unit_add.usage')
    assert said(await tg.reply_text(ADMIN, group, "/unit_add GDDT"), 'unit_add.usage')
    assert "không hợp lệ" in await tg.reply_text(ADMIN, group, "/unit_add Y Sở Y")
    assert "không hợp lệ" in await tg.reply_text(ADMIN, group, "/unit_add GIÁODỤC Sở Giáo dục")
    assert said(await tg.reply_text(ADMIN, group, "/unit_add yte Sở Y tế khác"), 'unit.duplicate', code='YTE')
    assert said(await tg.reply_text(ADMIN, group, "/unit_add GDDT " + "Sở " * 80), 'name.too_long', limit=200)
    # A bad line in a list refuses the whole list.
    text = await tg.reply_text(ADMIN, group, "/unit_add GDDT Sở Giáo dục\nYTE Sở Y tế\nBDT Ban Dân tộc")
    assert "Dòng 2" in text and "Không đơn vị nào được thêm" in text
    assert said(await tg.reply_text(OUTSIDER, group, "/join"), 'join.usage')
    assert said(await tg.reply_text(OUTSIDER, group, "/join ZZZ"), 'unit.unknown', code='ZZZ')
    assert said(await tg.reply_text(ADMIN, group, "/head"), 'head.usage')
    assert said(await tg.reply_text(ADMIN, group, "/head YTE 20x6"), 'role.bad_year', value='20x6')
    assert said(await tg.reply_text(ADMIN, group, "/lang fr"), 'lang.usage')
    assert said(await tg.reply_text(ADMIN, group, "/unit_remove"), 'unit_remove.usage')

    assert _count(tg, Unit) == units_before
    assert _count(tg, AuditLog) == audit_before
    assert _count(tg, JoinRequest) == 0


async def test_unbound_group_and_private_chat(tg: TelegramHarness) -> None:
    group = tg.api.group("Nhóm lạ", admins=[ADMIN])
    assert said(await tg.reply_text(ADMIN, group, "/units"), 'err.not_bound_group')
    assert said(await tg.reply_text(ADMIN, group, "/unit_add YTE Sở Y tế"), 'err.not_bound_group')
    # Unknown commands in a group are left to other bots, unless addressed to us.
    assert await tg.say(ADMIN, group, "/weather") == []
    assert said(await tg.reply_text(ADMIN, group, "/weather@KhoiTestBot"), 'err.unknown_command', command='weather')
    assert await tg.say(ADMIN, group, "/units@OtherBot") == []

    dm = tg.api.private(OUTSIDER)
    text = await tg.reply_text(OUTSIDER, dm, "/start")
    assert "Xin chào Bình Lê" in text and "chưa đại diện cho đơn vị nào" in text
    assert said(await tg.reply_text(OUTSIDER, dm, "/units"), 'err.no_bloc_private')
    assert said(await tg.reply_text(OUTSIDER, dm, "/setup Khối"), 'err.group_only')
    assert said(await tg.reply_text(OUTSIDER, dm, "xin chào"), 'private.text_hint')
    assert said(await tg.reply_text(OUTSIDER, dm, "/foo"), 'err.unknown_command', command='foo')


async def test_roles_give_rights_and_setup_admin_steps_back(tg: TelegramHarness) -> None:
    group = tg.api.group("Khối VH-XH", admins=[ADMIN])
    head_officer, deputy_officer, member = OFFICERS[:3]
    await tg.say(ADMIN, group, "/setup Khối thi đua Văn hóa – Xã hội")
    await tg.say(ADMIN, group, "/unit_add YTE Sở Y tế\nGDDT Sở Giáo dục và Đào tạo\nBDT Ban Dân tộc")
    text = await tg.reply_text(ADMIN, group, "/head YTE")
    assert "YTE — Sở Y tế là Trưởng khối năm 2026" in text and "/join YTE" in text
    # Head and deputy must differ.
    assert said(await tg.reply_text(ADMIN, group, "/deputy YTE"), 'role.same_unit_both')
    await tg.say(ADMIN, group, "/deputy GDDT")
    # Next year's head is recorded but not in force.
    assert said(await tg.reply_text(ADMIN, group, "/head BDT 2027"), 'role.from_date', date='01/01/2027')

    post = (await tg.say(head_officer, group, "/join YTE"))[0]
    assert said(post["text"], "join.request_post") and "Hà Trần (người lập khối" in post["text"]  # who approves
    assert (await tg.press(ADMIN, post, button(post, "Duyệt")["callback_data"]))["text"] == "Đã duyệt."
    # The head unit has an officer, the deputy unit not yet: the setup admin keeps the rights.
    post = (await tg.say(deputy_officer, group, "/join GDDT"))[0]
    assert "Hà Trần (người lập khối" in post["text"] and head_officer.first_name in post["text"]
    assert (await tg.press(ADMIN, post, button(post, "Duyệt")["callback_data"]))["text"] == "Đã duyệt."
    # Both units have officers: the setup admin steps back and the head or deputy approves.
    post = (await tg.say(member, group, "/join BDT"))[0]
    assert said(post["text"], "join.request_post") and "người lập khối" not in post["text"]
    answer = await tg.press(ADMIN, post, button(post, "Duyệt")["callback_data"])
    assert answer["show_alert"] and "Chỉ Trưởng khối" in answer["text"]
    assert (await tg.press(deputy_officer, post, button(post, "Duyệt")["callback_data"]))["text"] == "Đã duyệt."

    # The head unit's officer now manages; the setup admin no longer does.
    assert "Trưởng khối" in await tg.reply_text(head_officer, group, "/whoami")
    assert said(await tg.reply_text(head_officer, group, "/unit_add TTTT Sở Thông tin và Truyền thông"), 'unit.added', code='TTTT')
    assert said(await tg.reply_text(ADMIN, group, "/unit_add PTTH Đài PT-TH"), 'err.not_manager')
    assert said(await tg.reply_text(member, group, "/lang en"), 'err.not_manager')
    # The deputy's officer switches the bloc to English.
    assert said(await tg.reply_text(deputy_officer, group, "/lang en"), 'lang.set')
    assert "Member units" in await tg.reply_text(member, group, "/units")
    # A person already acting for a unit cannot join another; /leave frees them.
    assert said(await tg.reply_text(member, group, "/join TTTT"), 'join.already_other')
    assert said(await tg.reply_text(member, group, "/leave"), 'leave.done', code='BDT')
    # /help shows the management commands to the head only.
    # A manager's help is longer than one Telegram message (4,096 characters): it comes in parts.
    helped = "\n".join(m["text"] for m in await tg.say(head_officer, group, "/help") if m["chat"]["id"] == group.id)
    assert said(helped, 'help.header_manager') and "/dossier_collect" in helped
    assert not said(await tg.reply_text(member, group, "/help"), 'help.header_manager')


async def test_command_menu_registered_in_vietnamese_and_english(tg: TelegramHarness) -> None:
    calls = tg.api.calls_of("setMyCommands")
    scopes = {(c.params["scope"]["type"], c.params.get("language_code")) for c in calls}
    assert scopes == {("all_group_chats", None), ("all_group_chats", "en"),
                      ("all_private_chats", None), ("all_private_chats", "en")}
    group_vi = next(c for c in calls if c.params["scope"]["type"] == "all_group_chats" and not c.params.get("language_code"))
    described = {c["command"]: c["description"] for c in group_vi.params["commands"]}
    assert described["unit_add"] == "Thêm đơn vị thành viên"
    assert "setup" in described
    private_vi = next(c for c in calls if c.params["scope"]["type"] == "all_private_chats" and not c.params.get("language_code"))
    assert "setup" not in {c["command"] for c in private_vi.params["commands"]}


async def test_group_migration_keeps_the_bloc(tg_fast: TelegramHarness) -> None:
    tg = tg_fast
    group = tg.api.group("Khối VH-XH", admins=[ADMIN])
    await tg.say(ADMIN, group, "/setup Khối thi đua Văn hóa – Xã hội")
    new_group, update_id = tg.api.migrate(group, ADMIN)
    await tg.api.wait_for(lambda: update_id in tg.api.processed)
    assert "Khối thi đua Văn hóa – Xã hội" in await tg.reply_text(ADMIN, new_group, "/start")
