"""The rules of the year's emulation pledge (giao ước thi đua): opening, signing, withdrawing, closing.

The unit signs, not the person: any officer acting for a unit signs for it, the first signature
counts and a second one (another officer, a double press, a race) is answered with who signed and
when. The database enforces it (a partial unique index on the unit's counted signature), so two
processes racing cannot both count. A pledge closes at its deadline (the reminder engine fires the
close) or earlier with /pledge_close; nothing can be signed or withdrawn after that.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from bot.errors import UserError
from bot.files import FileStore
from bot.i18n import Ref
from bot.ports import Document
from bot.services.audit import Actor, record
from bot.services.blocs.standing import Standing, bloc_year
from bot.services.delivery import live
from bot.services.reminders import holidays, planner
from bot.services.reminders.service import PLEDGE, offsets_for
from bot.services.reminders.slots import cancel_plan, replace_plan
from bot.timefmt import fmt_datetime, to_local
from storage.locks import lock
from storage.models import Bloc, Officer, Pledge, PledgeSignature, StoredFile, Unit, id_of
from storage.models.pledge import CANCELLED, CLOSED, OPEN
from storage.queries.blocs import is_member, member_units
from storage.queries.pledge import (
    active_signature,
    active_signatures,
    latest_pledge,
    open_pledges,
    pledge_of_year,
    pledge_years,
)

KIND = "pledge"  # reminder slots and live posts of pledges
YEARS_AHEAD = 1  # next year's pledge is signed at this year's year-end conference
YEARS_BACK = 10  # looking up an old pledge (/pledge_status 2024)
MAX_TEXT = 2000  # the live post must stay within one chat message; a longer text goes in a file
DEFAULT_DEADLINE_TIME = time(17, 0)  # "31/01/2027" alone means the end of that working day


# --- reading years --------------------------------------------------------------------------
def _four_digits(raw: str) -> int | None:
    text = raw.strip()
    return int(text) if text.isdigit() and len(text) == 4 else None


def parse_open_year(raw: str, bloc: Bloc, now: datetime) -> int:
    """The year of a new pledge: this year or next (a pledge for a past year makes no sense)."""
    this_year = bloc_year(bloc, now)
    year = _four_digits(raw)
    if year is None or not this_year <= year <= this_year + YEARS_AHEAD:
        raise UserError("pledge.bad_year", value=raw.strip()[:20], this=this_year, next=this_year + 1)
    return year


def parse_lookup_year(s: Session, raw: str, bloc: Bloc, now: datetime, command: str) -> int:
    """A year typed after /sign, /pledge_status...: refused with the years that would work."""
    this_year = bloc_year(bloc, now)
    year = _four_digits(raw)
    if year is None or not this_year - YEARS_BACK <= year <= this_year + YEARS_AHEAD:
        raise UserError("pledge.bad_lookup_year", value=raw.strip()[:20], command=command, year=this_year,
                        min=this_year - YEARS_BACK, max=this_year + YEARS_AHEAD, known=_known_years(s, bloc))
    return year


def _known_years(s: Session, bloc: Bloc) -> Ref | str:
    years = pledge_years(s, id_of(bloc))
    if not years:
        return Ref("pledge.years_none")
    return ", ".join(str(y) for y, _state in years)


# --- which pledge a command means -------------------------------------------------------------
def pick(s: Session, bloc: Bloc, year: int | None, command: str) -> Pledge:
    """The pledge of ``year``; without a year the one open pledge (several open: ask for the year),
    or when none is open the latest one (to read, export, or be told it is closed)."""
    assert bloc.id is not None
    if year is not None:
        pledge = pledge_of_year(s, bloc.id, year)
        if pledge is None:
            raise UserError("pledge.none_for_year", year=year, known=_known_years(s, bloc))
        return pledge
    pledges = open_pledges(s, bloc.id)
    if len(pledges) > 1:
        years = sorted(p.year for p in pledges)
        raise UserError("pledge.which", years=", ".join(map(str, years)), command=command, year=years[-1])
    latest = pledges[0] if pledges else latest_pledge(s, bloc.id)
    if latest is None:
        raise UserError("pledge.none_open")
    return latest


# --- who signed -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Signed:
    unit: Unit
    signature: PledgeSignature
    officer: Officer


@dataclass(frozen=True)
class Board:
    """A pledge's signatures against the member units of its year (three queries)."""

    pledge: Pledge
    bloc: Bloc
    signed: list[Signed]
    unsigned: list[Unit]

    @property
    def total(self) -> int:
        return len(self.signed) + len(self.unsigned)

    @property
    def count(self) -> int:
        return len(self.signed)


def board(s: Session, pledge: Pledge) -> Board:
    """Member units of the pledge's year by code; the counted signature of each, if any."""
    assert pledge.id is not None
    bloc = s.get(Bloc, pledge.bloc_id)
    assert bloc is not None
    members = member_units(s, pledge.bloc_id, pledge.year)
    signatures = active_signatures(s, pledge.id)
    signed: list[Signed] = []
    unsigned: list[Unit] = []
    for unit in members:
        found = signatures.get(id_of(unit))
        if found is None:
            unsigned.append(unit)
        else:
            signed.append(Signed(unit=unit, signature=found[0], officer=found[1]))
    return Board(pledge=pledge, bloc=bloc, signed=signed, unsigned=unsigned)


def is_open(pledge: Pledge, now: datetime) -> bool:
    """Open for signing: not closed, and the deadline not reached (even before the engine closes it)."""
    return pledge.state == OPEN and now < pledge.deadline


def _ensure_open(pledge: Pledge, bloc: Bloc, now: datetime) -> None:
    if not is_open(pledge, now):
        at = pledge.closed_at if pledge.closed_at is not None and pledge.closed_at < pledge.deadline else pledge.deadline
        raise UserError("pledge.closed", year=pledge.year, at=fmt_datetime(at, bloc.timezone))


# --- opening --------------------------------------------------------------------------------
def clean_text(raw: str) -> str:
    text = raw.strip()
    if len(text) > MAX_TEXT:
        raise UserError("pledge.text_too_long", length=len(text), limit=MAX_TEXT)
    return text


def check_new(s: Session, bloc: Bloc, year: int, deadline: datetime) -> None:
    """Refuses a second pledge for the year and a deadline after the pledge's year, before any download."""
    assert bloc.id is not None
    check_deadline(bloc, year, deadline)
    existing = pledge_of_year(s, bloc.id, year)
    if existing is not None:
        raise _existing_error(existing, bloc)


def check_deadline(bloc: Bloc, year: int, deadline: datetime) -> None:
    """The deadline falls within the pledge's year, or in December of the year before: the year-end
    conference (December) signs next year's pledge (DOMAIN.md), and signing runs to about March.
    Anything else is a typing mistake (``/pledge_open 2027 | 15/06/2026``)."""
    local = to_local(deadline, bloc.timezone)
    if not (local.year == year or (local.year == year - 1 and local.month == 12)):
        raise UserError("pledge.deadline_not_in_year", deadline=fmt_datetime(deadline, bloc.timezone),
                        deadline_year=local.year, year=year, previous=year - 1)


def _existing_error(existing: Pledge, bloc: Bloc) -> UserError:
    return UserError("pledge.exists", year=existing.year, opened=fmt_datetime(existing.opened_at, bloc.timezone),
                    deadline=fmt_datetime(existing.deadline, bloc.timezone))


def open_pledge(s: Session, *, bloc: Bloc, year: int, deadline: datetime, text: str, file_id: int | None,
                actor: Actor, now: datetime) -> Pledge:
    """Opens the year's pledge for signing and plans its reminders and its close; audited."""
    assert bloc.id is not None
    check_new(s, bloc, year, deadline)
    if deadline <= now:
        raise UserError("date.past", value=fmt_datetime(deadline, bloc.timezone),
                        now=fmt_datetime(now, bloc.timezone))
    pledge = Pledge(bloc_id=bloc.id, year=year, text=clean_text(text), file_id=file_id, deadline=deadline,
                    state=OPEN, opened_at=now, opened_by_id=actor.officer_id)
    s.add(pledge)
    try:
        s.flush()
    except IntegrityError as exc:  # another /pledge_open for the same year won the race
        s.rollback()
        existing = pledge_of_year(s, bloc.id, year)
        if existing is None:
            raise
        raise _existing_error(existing, bloc) from exc
    plan_reminders(s, bloc, pledge, now)
    record(s, bloc_id=bloc.id, actor=actor, action="pledge.open", at=now, pledge=pledge.id, year=year,
           deadline=deadline.isoformat(), file=file_id, text_length=len(pledge.text))
    return pledge


def plan_offsets(s: Session, bloc_id: int) -> list[planner.Offset]:
    """The bloc's pledge plan, without overdue notices, plus the close exactly at the deadline.

    A pledge closes at its deadline, so "+1" (sign now, you are late) cannot be acted on: those
    offsets are left out. A "tổng+N" summary still tells the head which units never signed.
    """
    kept: list[planner.Offset] = [o for o in offsets_for(s, bloc_id, PLEDGE) if not isinstance(o, planner.Overdue)]
    return [*kept, planner.At()]


def plan_reminders(s: Session, bloc: Bloc, pledge: Pledge, now: datetime) -> None:
    assert bloc.id is not None and pledge.id is not None
    planned = planner.plan(pledge.deadline, plan_offsets(s, bloc.id), bloc.timezone,
                           holidays.days_off(s, bloc, pledge.deadline))
    replace_plan(s, bloc_id=bloc.id, kind=KIND, item_id=pledge.id, planned=planned, now=now)


# --- signing --------------------------------------------------------------------------------
@dataclass(frozen=True)
class SignOutcome:
    signed: bool  # False: the unit had signed already; ``signature`` is that first signature
    pledge: Pledge
    unit: Unit
    signature: PledgeSignature
    signer: Officer


def _unit_of(who: Standing) -> Unit:
    if who.unit is None:
        raise UserError("pledge.no_unit")
    return who.unit


def sign(s: Session, *, pledge: Pledge, who: Standing, now: datetime) -> SignOutcome:
    """Signs for the person's unit; the first signature of a unit counts.

    Must be the first write of the caller's transaction: a concurrent signature for the same unit
    makes the insert fail on the database's unique index, and the transaction is rolled back to
    read the signature that won.
    """
    bloc = who.bloc
    assert pledge.id is not None and bloc.id == pledge.bloc_id
    unit = _unit_of(who)
    assert unit.id is not None and who.actor.officer is not None and who.actor.officer.id is not None
    lock(s, pledge, shared=True)  # a close waits for this signature, or this one sees it closed
    _ensure_open(pledge, bloc, now)
    if not is_member(s, unit.id, pledge.year):
        raise UserError("pledge.unit_not_member", code=unit.code, year=pledge.year)
    existing = active_signature(s, pledge.id, unit.id)
    if existing is None:
        signature = PledgeSignature(pledge_id=pledge.id, unit_id=unit.id, officer_id=who.actor.officer.id,
                                    signed_at=now)
        s.add(signature)
        try:
            s.flush()
        except IntegrityError:
            s.rollback()  # another officer of the unit signed between our read and our write
            existing = active_signature(s, pledge.id, unit.id)
            if existing is None:
                raise
        else:
            record(s, bloc_id=bloc.id, actor=who.actor, action="pledge.sign", at=now, pledge=pledge.id,
                   year=pledge.year, unit=unit.code)
            live.mark_dirty(s, kind=KIND, item_id=pledge.id, now=now)
            return SignOutcome(signed=True, pledge=pledge, unit=unit, signature=signature, signer=who.actor.officer)
    return SignOutcome(signed=False, pledge=pledge, unit=unit, signature=existing[0], signer=existing[1])


@dataclass(frozen=True)
class Withdrawn:
    unit: Unit
    signature: PledgeSignature
    signer: Officer


def unsign(s: Session, *, pledge: Pledge, who: Standing, now: datetime) -> Withdrawn:
    """Withdraws the unit's signature while the pledge is open; the row stays as history; audited."""
    bloc = who.bloc
    assert pledge.id is not None and bloc.id == pledge.bloc_id
    unit = _unit_of(who)
    assert unit.id is not None
    _ensure_open(pledge, bloc, now)
    existing = active_signature(s, pledge.id, unit.id)
    if existing is None:
        raise UserError("pledge.not_signed", code=unit.code, year=pledge.year)
    signature, signer = existing
    signature.withdrawn_at, signature.withdrawn_by_id = now, who.actor.officer_id
    s.add(signature)
    record(s, bloc_id=bloc.id, actor=who.actor, action="pledge.unsign", at=now, pledge=pledge.id,
           year=pledge.year, unit=unit.code, signed_by=signer.id, signed_at=signature.signed_at.isoformat())
    live.mark_dirty(s, kind=KIND, item_id=pledge.id, now=now)
    return Withdrawn(unit=unit, signature=signature, signer=signer)


# --- closing --------------------------------------------------------------------------------
def close(s: Session, *, pledge: Pledge, actor: Actor, now: datetime, early: bool) -> Board:
    """Closes signing; ``early`` (a /pledge_close before the deadline) also cancels the reminders
    still planned. At the deadline the engine is firing the close itself and a later "tổng+N"
    summary stays planned. Audited; the live post loses its button on the next pass."""
    assert pledge.id is not None
    bloc = s.get(Bloc, pledge.bloc_id)
    assert bloc is not None
    lock(s, pledge)  # signatures in flight finish first; a second close finds it closed
    if pledge.state == CLOSED:
        assert pledge.closed_at is not None
        raise UserError("pledge.already_closed", year=pledge.year, at=fmt_datetime(pledge.closed_at, bloc.timezone))
    pledge.state, pledge.closed_at, pledge.closed_by_id = CLOSED, now, actor.officer_id
    s.add(pledge)
    if early:
        cancel_plan(s, kind=KIND, item_id=pledge.id, note="pledge closed early")
    result = board(s, pledge)
    record(s, bloc_id=bloc.id, actor=actor, action="pledge.close", at=now, pledge=pledge.id, year=pledge.year,
           signed=result.count, total=result.total, early=early)
    live.mark_dirty(s, kind=KIND, item_id=pledge.id, now=now)
    return result


def replan_bloc(s: Session, bloc: Bloc, now: datetime) -> int:
    """After /remind_config giaouoc: the open pledges follow the bloc's new plan."""
    assert bloc.id is not None
    pledges = [p for p in open_pledges(s, bloc.id) if p.deadline > now]
    for pledge in pledges:
        plan_reminders(s, bloc, pledge, now)
    return len(pledges)


def by_id(s: Session, pledge_id: int) -> Pledge:
    """The pledge a button names; a button of a pledge that no longer exists is refused."""
    pledge = s.get(Pledge, pledge_id)
    if pledge is None:
        raise UserError("pledge.gone")
    return pledge


def bloc_of(s: Session, pledge: Pledge) -> Bloc:
    bloc = s.get(Bloc, pledge.bloc_id)
    assert bloc is not None
    return bloc


def document(s: Session, files: FileStore, pledge: Pledge) -> Document | None:
    """The pledge's own document (the file it was opened with), if it has one and it is on disk."""
    stored = s.get(StoredFile, pledge.file_id) if pledge.file_id is not None else None
    if stored is None:
        return None
    return Document(stored.file_name, files.read(stored.sha256), stored.mime or "application/octet-stream")


# --- correcting: editing and cancelling ------------------------------------------------------
@dataclass(frozen=True)
class Edited:
    pledge: Pledge
    deadline_changed: bool
    text_changed: bool
    # Units whose signature was given to the old text: withdrawn (kept as history), asked to sign again.
    to_sign_again: list[Unit]


def edit(s: Session, *, pledge: Pledge, deadline: datetime | None, text: str | None, actor: Actor,
         now: datetime) -> Edited:
    """Changes an open pledge's deadline and/or text; audited.

    A new deadline keeps every signature (the units signed the same commitments). A new text withdraws
    the signatures (kept as history): a unit signed the text it read, not the new one, so each signed
    unit is asked to sign again.
    """
    bloc = bloc_of(s, pledge)
    assert pledge.id is not None and bloc.id is not None
    _ensure_open(pledge, bloc, now)
    new_text = clean_text(text) if text is not None else None
    if deadline is not None:
        check_deadline(bloc, pledge.year, deadline)
        if deadline <= now:
            raise UserError("date.past", value=fmt_datetime(deadline, bloc.timezone), now=fmt_datetime(now, bloc.timezone))
    deadline_changed = deadline is not None and deadline != pledge.deadline
    text_changed = new_text is not None and new_text != pledge.text
    if not deadline_changed and not text_changed:
        raise UserError("pledge_edit.nothing")
    old_deadline, to_sign_again = pledge.deadline, []
    if deadline_changed and deadline is not None:
        pledge.deadline = deadline
    if text_changed and new_text is not None:
        pledge.text = new_text
        for signature, _officer in active_signatures(s, pledge.id).values():
            signature.withdrawn_at, signature.withdrawn_by_id = now, actor.officer_id
            s.add(signature)
            unit = s.get(Unit, signature.unit_id)
            assert unit is not None
            to_sign_again.append(unit)
    s.add(pledge)
    if deadline_changed:
        plan_reminders(s, bloc, pledge, now)
    record(s, bloc_id=bloc.id, actor=actor, action="pledge.edit", at=now, pledge=pledge.id, year=pledge.year,
           old_deadline=old_deadline.isoformat() if deadline_changed else None,
           deadline=pledge.deadline.isoformat() if deadline_changed else None,
           text_length=len(pledge.text) if text_changed else None,
           signatures_withdrawn=[u.code for u in to_sign_again])
    live.mark_dirty(s, kind=KIND, item_id=pledge.id, now=now)
    return Edited(pledge, deadline_changed, text_changed, sorted(to_sign_again, key=lambda u: u.code))


def signed_units(s: Session, pledge: Pledge) -> list[tuple[Unit, Officer, PledgeSignature]]:
    """The units whose signature counts, with who signed and when (a cancellation lists them)."""
    return [(x.unit, x.officer, x.signature) for x in board(s, pledge).signed]


def cancel(s: Session, *, pledge: Pledge, actor: Actor, now: datetime, confirmed: bool) -> Board:
    """Cancels a pledge opened by mistake (while open): at once when nobody signed, else only
    ``confirmed`` (the head saw who signed). Kept as history, its reminders cancelled; audited. The
    year is free for a new /pledge_open."""
    bloc = bloc_of(s, pledge)
    assert pledge.id is not None and bloc.id is not None
    if pledge.state == CANCELLED:
        raise UserError("pledge.gone")
    _ensure_open(pledge, bloc, now)
    result = board(s, pledge)
    if result.count and not confirmed:
        raise UserError("pledge_cancel.needs_confirmation")
    pledge.state, pledge.closed_at, pledge.closed_by_id = CANCELLED, now, actor.officer_id
    s.add(pledge)
    cancel_plan(s, kind=KIND, item_id=pledge.id, note="pledge cancelled")
    record(s, bloc_id=bloc.id, actor=actor, action="pledge.cancel", at=now, pledge=pledge.id, year=pledge.year,
           signed=[x.unit.code for x in result.signed])
    live.mark_dirty(s, kind=KIND, item_id=pledge.id, now=now)
    return result
