"""Builds blocs for service-level tests through the real services (so the audit trail is real too)."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.core import Core
from bot.ports import ChatInfo, Sender
from bot.services.audit import Actor
from bot.services.blocs import roles
from bot.services.blocs import service as blocs
from bot.services.blocs.standing import HEAD, standing
from bot.services.people import membership
from bot.services.people.accounts import ensure_actor, note_private_chat
from storage.models import Bloc, Unit
from tests.units_data import OFFICER_NAMES, UNITS


@dataclass
class BuiltBloc:
    bloc: Bloc
    admin: Actor
    group: ChatInfo
    units: dict[str, Unit] = field(default_factory=dict)
    # unit code -> the officer acting for it (user id "u<index>")
    officers: dict[str, Actor] = field(default_factory=dict)


def build_bloc(
    core: Core,
    *,
    units: list[tuple[str, str]] = UNITS,
    platform: str = "telegram",
    group_id: str = "-100",
    with_group: bool = True,
    open_dm: set[str] | None = None,
    head: str | None = "VHTTDL",
) -> BuiltBloc:
    """A bloc with ``units``, one officer per unit (private chat opened for codes in ``open_dm``,
    all by default), and ``head`` as this year's head unit."""
    now = core.now()
    with core.db.session() as s:
        admin = ensure_actor(s, Sender(platform, "admin", "Quản trị"), now)
        group = ChatInfo(platform, group_id, True, "Khối VH-XH")
        bloc = blocs.setup_bloc(s, chat=group, name="Khối thi đua Văn hóa – Xã hội", actor=admin, now=now,
                                language="vi", timezone="Asia/Ho_Chi_Minh")
        if not with_group:
            from sqlmodel import delete

            from storage.models import BlocChat

            s.execute(delete(BlocChat).where(BlocChat.bloc_id == bloc.id))
        built = BuiltBloc(bloc=bloc, admin=admin, group=group)
        for code, name in units:
            built.units[code] = blocs.add_unit(s, bloc=bloc, code=code, name=name, actor=admin, now=now).unit
        for index, (code, _) in enumerate(units):
            name = OFFICER_NAMES[index % len(OFFICER_NAMES)]
            officer = ensure_actor(s, Sender(platform, f"u{index}", name), now)
            if open_dm is None or code in open_dm:
                note_private_chat(s, officer.account, f"u{index}")  # type: ignore[arg-type]
            outcome = membership.request_join(s, who=standing(s, bloc, officer, now), code=code, now=now)
            membership.decide_join(s, bloc=bloc, request_id=outcome.request.id, approve=True,  # type: ignore[union-attr]
                                   approver=admin, now=now)
            built.officers[code] = officer
        if head is not None:
            roles.assign_role(s, bloc=bloc, role=HEAD, code=head, year=2026, actor=admin, now=now)
    return built
