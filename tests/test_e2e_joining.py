"""Joining a bloc end to end: /requests answers any pending request, requests close when they are moot
or old, the setup admin finishes setting up, and /leave warns before the bloc loses its head."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlmodel import func, select

from storage.models import JoinRequest, UnitOfficer
from tests.fakes.telegram_api import TgUser
from tests.harness import TelegramHarness, button, buttons_of
from tests.texts import said

ADMIN = TgUser(1, "Hà", "Trần")
PEOPLE = [TgUser(200 + i, name) for i, name in enumerate(("An", "Bình", "Chi", "Dũng", "Giang", "Hải", "Khoa"))]
UNITS = ["YTE", "GDDT", "BDT", "TTTT", "PTTH", "LDTBXH", "SNV"]


def count(tg: TelegramHarness, model, *where) -> int:
    with tg.core.db.session() as s:
        return s.exec(select(func.count()).select_from(model).where(*where)).one()


def statuses(tg: TelegramHarness) -> list[str]:
    with tg.core.db.session() as s:
        return [r.status for r in s.exec(select(JoinRequest).order_by(JoinRequest.id))]


async def new_bloc(tg: TelegramHarness):
    group = tg.api.group("Khối VH-XH", admins=[ADMIN])
    await tg.say(ADMIN, group, "/setup Khối thi đua Văn hóa – Xã hội")
    await tg.say(ADMIN, group, "/unit_add " + "\n".join(f"{c} Đơn vị {c}" for c in UNITS))
    return group


async def settle(tg: TelegramHarness) -> None:
    tg.clock.advance(timedelta(seconds=3))  # live posts are edited after a 2-second coalescing window
    await tg.tick()


async def test_seven_requests_answered_from_the_list(tg: TelegramHarness) -> None:
    group = await new_bloc(tg)
    posts = [(await tg.say(p, group, f"/join {code}"))[0] for p, code in zip(PEOPLE, UNITS, strict=True)]
    # Before any head exists, the post names who can approve: the setup admin.
    assert all("Hà Trần (người lập khối" in p["text"] for p in posts)

    listing = (await tg.say(ADMIN, group, "/requests"))[-1]
    assert said(listing["text"], "requests.header", count=7)
    assert all(f"{p.first_name} → {c}" in listing["text"] for p, c in zip(PEOPLE, UNITS, strict=True))
    assert len(buttons_of(listing)) == 14  # approve and reject for each one
    # A member cannot answer from the list.
    answer = await tg.press(PEOPLE[0], listing, button(listing, "3. Chi")["callback_data"])
    assert answer["show_alert"] and count(tg, UnitOfficer) == 0
    await tg.press(ADMIN, listing, button(listing, "3. Chi")["callback_data"])
    # The list was redrawn without Chi, so number 5 is now Hải (the sixth request).
    assert "5. Hải → LDTBXH" in listing["text"]
    await tg.press(ADMIN, listing, button(listing, "Từ chối 5")["callback_data"])
    assert said(listing["text"], "requests.header", count=5)
    assert "Chi →" not in listing["text"] and "Hải →" not in listing["text"]
    assert statuses(tg) == ["pending", "pending", "approved", "pending", "pending", "rejected", "pending"]

    # The group posts of the answered requests lose their buttons and say the outcome.
    await settle(tg)
    assert said(posts[2]["text"], "join.approved_post", name="Chi", code="BDT") and not buttons_of(posts[2])
    assert said(posts[5]["text"], "join.rejected_post", name="Hải", code="LDTBXH") and not buttons_of(posts[5])
    assert buttons_of(posts[0])  # still pending

    # An old button of an answered request changes nothing.
    answer = await tg.press(ADMIN, posts[2], "j:r:3")
    assert answer["show_alert"] and said(answer["text"], "join.request_gone")


async def test_a_code_closes_the_request_and_a_new_join_posts_anew(tg: TelegramHarness) -> None:
    group = await new_bloc(tg)
    an = PEOPLE[0]
    await tg.say(an, tg.api.private(an), "/start")
    await tg.say(ADMIN, tg.api.private(ADMIN), "/start")
    post = (await tg.say(an, group, "/join GDDT"))[0]
    assert said(await tg.reply_text(an, group, "/join GDDT"), "join.pending_same", code="GDDT")  # within the hour
    invitation = await tg.reply_text(ADMIN, tg.api.private(ADMIN), "/invite GDDT")
    code = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}", invitation)
    assert code is not None
    assert said(await tg.reply_text(an, tg.api.private(an), f"/join {code.group()}"), "invite.joined")
    assert statuses(tg) == ["cancelled"]
    await settle(tg)
    assert said(post["text"], "join.cancelled_post", name="An", code="GDDT") and not buttons_of(post)

    # After /leave, asking again posts a new request (not a pointer to the old one).
    assert said(await tg.reply_text(an, group, "/leave"), "leave.done")
    again = (await tg.say(an, group, "/join GDDT"))[0]
    assert said(again["text"], "join.request_post", name="An", code="GDDT") and buttons_of(again)
    assert statuses(tg) == ["cancelled", "pending"]

    # Asked again for the same unit after an hour: the old post closes, a new one is posted.
    tg.clock.advance(timedelta(hours=2))
    third = (await tg.say(an, group, "/join GDDT"))[0]
    assert buttons_of(third) and statuses(tg) == ["cancelled", "cancelled", "pending"]


async def test_a_request_nobody_answers_expires_after_seven_days(tg: TelegramHarness) -> None:
    group = await new_bloc(tg)
    an, binh = PEOPLE[:2]
    await tg.say(an, tg.api.private(an), "/start")
    post = (await tg.say(an, group, "/join YTE"))[0]
    await tg.tick()
    tg.clock.advance(timedelta(days=6, hours=23))
    await tg.tick()
    assert statuses(tg) == ["pending"]
    await tg.say(binh, group, "/join GDDT")  # a day younger: it stays
    tg.clock.advance(timedelta(hours=2))
    await tg.tick()
    assert statuses(tg) == ["expired", "pending"]
    await settle(tg)
    assert said(post["text"], "join.expired_post", name="An", code="YTE") and not buttons_of(post)
    told = [m["text"] for m in tg.api.bot_messages(an.id)]
    assert sum(said(t, "join.expired_dm", code="YTE", days=7) for t in told) == 1
    answer = await tg.press(ADMIN, post, "j:a:1")
    assert answer["show_alert"] and count(tg, UnitOfficer) == 0


async def test_the_setup_admin_sets_head_then_deputy_as_the_readme_says(tg: TelegramHarness) -> None:
    group = await new_bloc(tg)
    an, binh, chi = PEOPLE[:3]
    await tg.say(ADMIN, group, "/head YTE")
    post = (await tg.say(an, group, "/join YTE"))[0]
    await tg.press(ADMIN, post, button(post, "Duyệt")["callback_data"])
    # The head's officer is in; the admin still sets the deputy (refused before this fix).
    assert said(await tg.reply_text(ADMIN, group, "/deputy GDDT"), "role.set", code="GDDT")
    post = (await tg.say(binh, group, "/join GDDT"))[0]
    assert "An (Trưởng khối" not in post["text"] and "An" in post["text"]
    await tg.press(ADMIN, post, button(post, "Duyệt")["callback_data"])
    assert said(await tg.reply_text(ADMIN, group, "/unit_add XYZ Đơn vị XYZ"), "err.not_manager")

    # The last officer of the deputy's unit leaves: warned, the head still runs the bloc.
    ask = (await tg.say(binh, group, "/leave"))[-1]
    assert said(ask["text"], "leave.confirm_role", code="GDDT", roles="Phó trưởng khối")
    assert said((await tg.press(chi, ask, button(ask, "Vẫn thôi")["callback_data"]))["text"], "leave.not_yours")
    await tg.press(binh, ask, button(ask, "Ở lại")["callback_data"])
    assert said(ask["text"], "leave.kept") and count(tg, UnitOfficer, UnitOfficer.until == None) == 2  # noqa: E711
    ask = (await tg.say(binh, group, "/leave"))[-1]
    await tg.press(binh, ask, button(ask, "Vẫn thôi")["callback_data"])
    assert said(ask["text"], "leave.done", code="GDDT") and count(tg, UnitOfficer, UnitOfficer.until == None) == 1  # noqa: E711
    # With the deputy's unit empty, the setup admin has the rights back beside the head.
    assert said(await tg.reply_text(ADMIN, group, "/unit_add XYZ Đơn vị XYZ"), "unit.added", code="XYZ")

    # The head's last officer: the setup admin is still there, so it is the role that is warned about.
    ask = (await tg.say(an, group, "/leave"))[-1]
    assert said(ask["text"], "leave.confirm_role", code="YTE", roles="Trưởng khối")


async def test_leaving_nobody_to_run_the_bloc_is_said_plainly(tg: TelegramHarness) -> None:
    group = await new_bloc(tg)
    await tg.say(ADMIN, group, "/head YTE")
    await tg.say(ADMIN, group, "/join YTE")  # the admin acts for the head's unit: no one else manages
    ask = (await tg.say(ADMIN, group, "/leave"))[-1]
    assert said(ask["text"], "leave.confirm_nobody", code="YTE", roles="Trưởng khối")


async def test_wrong_codes_are_limited_per_person_and_per_bloc(tg: TelegramHarness) -> None:
    group = await new_bloc(tg)
    await tg.say(ADMIN, tg.api.private(ADMIN), "/start")
    invitation = await tg.reply_text(ADMIN, tg.api.private(ADMIN), "/invite YTE")
    code = re.search(r"[A-Z0-9]{4}-[A-Z0-9]{4}", invitation)
    assert code is not None
    an = PEOPLE[0]
    for _ in range(5):
        assert said(await tg.reply_text(an, tg.api.private(an), "/join ABCD-EFGH"), "invite.unknown")
    # A delivered-again update is not counted again.
    assert await tg.redeliver(tg.last_update_id()) == []
    # The sixth try is refused, even with the right code, until an hour after the first wrong one.
    assert said(await tg.reply_text(an, tg.api.private(an), f"/join {code.group()}"), "invite.too_many",
                until="23/11/2026 10:00")
    tg.clock.advance(timedelta(hours=1, seconds=1))
    assert said(await tg.reply_text(an, tg.api.private(an), f"/join {code.group()}"), "invite.joined")

    # Typed in the bloc's group by several people: twenty wrong codes in an hour close it for everyone.
    for person in PEOPLE[1:5]:
        for _ in range(5):
            assert said(await tg.reply_text(person, group, "/join ABCD-EFGH"), "invite.unknown")
    assert said(await tg.reply_text(PEOPLE[5], group, "/join ABCD-EFGH"), "invite.too_many")
    # The unit-code path of /join is not a guess and is not limited.
    assert said(await tg.reply_text(PEOPLE[5], group, "/join GDDT"), "join.request_post")
