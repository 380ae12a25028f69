"""A 9-unit bloc whose officers are people of the fake Bot API, for the calendar's end-to-end tests.

The bloc is built through the real services (its set-up is tested end to end elsewhere); everything
the calendar does is then played through the chat.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import func, select

from bot.ports import ChatInfo, Sender
from bot.services.blocs import roles
from bot.services.blocs import service as blocs
from bot.services.blocs.standing import HEAD, standing
from bot.services.people import membership
from bot.services.people.accounts import ensure_actor, note_private_chat
from tests.fakes.telegram_api import TgChat, TgUser
from tests.harness import TelegramHarness
from tests.units_data import OFFICER_NAMES, UNITS

ADMIN = TgUser(1, "Hà", "Trần", "ha_tran")
OUTSIDER = TgUser(2, "Bình", "Lê")
# One officer per unit, in UNITS order; the first (VHTTDL) acts for the head unit.
OFFICERS = [TgUser(100 + i, name, username=f"cb_{i}") for i, name in enumerate(OFFICER_NAMES)]
CODES = [code for code, _ in UNITS]


@dataclass
class Bloc9:
    group: TgChat
    head: TgUser
    by_code: dict[str, TgUser]


def seed_bloc(tg: TelegramHarness, *, open_dm: set[str] | None = None, head: str = "VHTTDL") -> Bloc9:
    """Group, 9 units, one officer each (private chat opened for ``open_dm``, all by default), a head."""
    assert tg.core is not None
    group = tg.api.group("Khối VH-XH", admins=[ADMIN])
    now = tg.core.now()
    with tg.core.db.session() as s:
        admin = ensure_actor(s, Sender("telegram", str(ADMIN.id), ADMIN.full_name, ADMIN.username), now)
        bloc = blocs.setup_bloc(s, chat=ChatInfo("telegram", str(group.id), True, group.title), name="Khối thi đua Văn hóa – Xã hội",
                                actor=admin, now=now, language="vi", timezone="Asia/Ho_Chi_Minh")
        for code, name in UNITS:
            blocs.add_unit(s, bloc=bloc, code=code, name=name, actor=admin, now=now)
        for user, code in zip(OFFICERS, CODES, strict=True):
            actor = ensure_actor(s, Sender("telegram", str(user.id), user.full_name, user.username), now)
            if open_dm is None or code in open_dm:
                tg.api.private(user)
                note_private_chat(s, actor.account, str(user.id))  # type: ignore[arg-type]
            outcome = membership.request_join(s, who=standing(s, bloc, actor, now), code=code, now=now)
            if outcome.request is not None:
                membership.decide_join(s, bloc=bloc, request_id=outcome.request.id, approve=True,  # type: ignore[arg-type]
                                       approver=admin, now=now)
        roles.assign_role(s, bloc=bloc, role=HEAD, code=head, year=now.year, actor=admin, now=now)
    return Bloc9(group=group, head=OFFICERS[CODES.index(head)], by_code=dict(zip(CODES, OFFICERS, strict=True)))


def count(tg: TelegramHarness, model: Any, *where: Any) -> int:
    assert tg.core is not None
    with tg.core.db.session() as s:
        return s.exec(select(func.count()).select_from(model).where(*where)).one()


def last_user_message(tg: TelegramHarness, user: TgUser, chat: TgChat) -> dict[str, Any]:
    """The latest message ``user`` sent in ``chat`` (to reply to it)."""
    mine = [m for (cid, _), m in tg.api.messages.items() if cid == chat.id and m["from"]["id"] == user.id]
    return max(mine, key=lambda m: m["message_id"])


def texts(messages: list[dict[str, Any]], chat: TgChat | None = None) -> list[str]:
    return [m.get("text") or m.get("caption", "") for m in messages if chat is None or m["chat"]["id"] == chat.id]
