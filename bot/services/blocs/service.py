"""Creating a bloc, its member units and its language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from bot.errors import UserError
from bot.i18n import Ref
from bot.ports import ChatInfo
from bot.services.audit import Actor, record
from bot.services.blocs.standing import ROLES, bloc_year, role_units_now
from storage.models import Bloc, BlocChat, Officer, Unit, UnitMembership, UnitOfficer, id_of
from storage.queries.blocs import (
    bloc_for_chat,
    chats_of_bloc,
    member_units,
    officers_by_unit,
    open_membership,
    role_of_year,
    unit_by_code,
)

NAME_MAX = 200
CODE_RE = re.compile(r"^[A-Za-z0-9_-]{2,20}$")
LANGUAGES = ("vi", "en")


def clean_name(raw: str) -> str:
    """A bloc or unit name: trimmed, inner whitespace folded, at most 200 characters."""
    name = " ".join(raw.split())
    if len(name) > NAME_MAX:
        raise UserError("name.too_long", length=len(name), limit=NAME_MAX)
    return name


def clean_code(raw: str) -> str:
    """A unit code: 2–20 ASCII letters, digits, '-' or '_', upper-cased (YTE, GDDT, VHTTDL)."""
    code = raw.strip()
    if not CODE_RE.match(code):
        raise UserError("unit.bad_code", code=raw.strip()[:40])
    return code.upper()


def setup_bloc(
    s: Session, *, chat: ChatInfo | None, name: str, actor: Actor, now: datetime, language: str, timezone: str
) -> Bloc:
    """Creates a bloc bound to ``chat`` (or to no chat, on a platform without groups), with the
    caller as its provisional administrator."""
    existing = bloc_for_chat(s, chat.platform, chat.chat_id) if chat is not None else None
    if existing is not None:
        raise UserError("setup.already", bloc=existing.name)
    bloc = Bloc(
        name=clean_name(name),
        language=language,
        timezone=timezone,
        setup_admin_id=actor.officer_id,
        created_at=now,
    )
    s.add(bloc)
    s.flush()
    assert bloc.id is not None
    if chat is not None:
        s.add(BlocChat(bloc_id=bloc.id, platform=chat.platform, chat_id=chat.chat_id, title=chat.title,
                       bound_at=now))
        try:
            s.flush()
        except IntegrityError as exc:  # another /setup won the race for this chat
            raise UserError("setup.already", bloc=name) from exc
    record(s, bloc_id=bloc.id, actor=actor, action="bloc.setup", at=now, name=bloc.name,
           chat=f"{chat.platform}:{chat.chat_id}" if chat else None)
    return bloc


@dataclass(frozen=True)
class UnitAdded:
    unit: Unit
    readded: bool
    year: int
    count: int


def add_unit(s: Session, *, bloc: Bloc, code: str, name: str, actor: Actor, now: datetime) -> UnitAdded:
    """Adds a member unit from this year on; a removed unit's code brings it back."""
    assert bloc.id is not None
    code = clean_code(code)
    name = clean_name(name)
    year = bloc_year(bloc, now)
    unit = unit_by_code(s, bloc.id, code)
    readded = False
    if unit is not None:
        if open_membership(s, id_of(unit)) is not None:
            raise UserError("unit.duplicate", code=code, name=unit.name)
        readded = True
        unit.name = name or unit.name
        s.add(unit)
    else:
        if not name:
            raise UserError("unit_add.usage")
        unit = Unit(bloc_id=bloc.id, code=code, name=name, created_at=now)
        s.add(unit)
        try:
            s.flush()
        except IntegrityError as exc:
            raise UserError("unit.duplicate", code=code, name=name) from exc
    assert unit.id is not None
    s.add(UnitMembership(bloc_id=bloc.id, unit_id=unit.id, from_year=year))
    s.flush()
    record(s, bloc_id=bloc.id, actor=actor, action="unit.add", at=now, code=code, name=unit.name,
           year=year, readded=readded)
    return UnitAdded(unit=unit, readded=readded, year=year, count=len(member_units(s, bloc.id, year)))


@dataclass(frozen=True)
class UnitRemoved:
    unit: Unit
    year: int
    officers: list[Officer]


def remove_unit(s: Session, *, bloc: Bloc, code: str, actor: Actor, now: datetime) -> UnitRemoved:
    """Ends a unit's membership from this year; its officers stop acting for it; history stays."""
    assert bloc.id is not None
    code = clean_code(code)
    year = bloc_year(bloc, now)
    unit = unit_by_code(s, bloc.id, code)
    span = open_membership(s, unit.id) if unit is not None and unit.id is not None else None
    if unit is None or span is None:
        raise UserError("unit.unknown", code=code)
    assert unit.id is not None
    for role in ROLES:
        current = role_units_now(s, bloc, now).get(role)
        of_year = role_of_year(s, bloc.id, year, role)
        if current == unit.id or (of_year is not None and of_year.unit_id == unit.id):
            raise UserError("unit.remove_role_holder", code=code, role=Ref(f"role.{role}"))
    span.until_year = year - 1
    s.add(span)
    officers = officers_by_unit(s, [unit.id]).get(unit.id, [])
    links = s.exec(
        select(UnitOfficer).where(UnitOfficer.unit_id == unit.id, col(UnitOfficer.until).is_(None))
    )
    for link in links:
        link.until = now
        s.add(link)
    record(s, bloc_id=bloc.id, actor=actor, action="unit.remove", at=now, code=code, year=year,
           officers_released=[o.id for o in officers])
    return UnitRemoved(unit=unit, year=year, officers=officers)


def set_language(s: Session, *, bloc: Bloc, language: str, actor: Actor, now: datetime) -> None:
    if language not in LANGUAGES:
        raise UserError("lang.usage")
    if bloc.language == language:
        return
    old = bloc.language
    bloc.language = language
    s.add(bloc)
    record(s, bloc_id=bloc.id, actor=actor, action="bloc.language", at=now, old=old, new=language)


def rename(s: Session, *, bloc: Bloc, name: str, actor: Actor, now: datetime) -> str:
    """Renames the bloc (a typo at /setup, a new name from the province); audited. Returns the old name."""
    new = clean_name(name)
    if not new:
        raise UserError("rename.usage")
    old = bloc.name
    if new == old:
        raise UserError("rename.same", name=old)
    bloc.name = new
    s.add(bloc)
    record(s, bloc_id=bloc.id, actor=actor, action="bloc.rename", at=now, old=old, new=new)
    return old


@dataclass(frozen=True)
class UnitRow:
    unit: Unit
    officers: list[Officer]
    roles: frozenset[str]


def unit_board(s: Session, bloc: Bloc, now: datetime) -> list[UnitRow]:
    """Member units of the current year with their officers and current roles (two queries)."""
    assert bloc.id is not None
    units = member_units(s, bloc.id, bloc_year(bloc, now))
    officers = officers_by_unit(s, [u.id for u in units if u.id is not None])
    held = role_units_now(s, bloc, now)
    return [
        UnitRow(
            unit=u,
            officers=officers.get(id_of(u), []),
            roles=frozenset(r for r, uid in held.items() if uid == u.id),
        )
        for u in units
    ]


def member_count(s: Session, bloc: Bloc, year: int) -> int:
    """How many member units the bloc has in ``year`` (the electorate of its votes)."""
    assert bloc.id is not None
    return len(member_units(s, bloc.id, year))


def chats_of(s: Session, bloc: Bloc) -> list[BlocChat]:
    """The group chats the bloc lives in (none for a bloc on Zalo alone)."""
    assert bloc.id is not None
    return chats_of_bloc(s, bloc.id)


def bloc_of_chat(s: Session, platform: str, chat_id: str) -> Bloc | None:
    return bloc_for_chat(s, platform, chat_id)
