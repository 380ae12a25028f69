"""What the pledge looks like in a chat: the live post, the final list, the status, the reminders.

Rendered in the bloc's language from a :class:`bot.services.pledge.Board`; times in the bloc's zone.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlmodel import Session

from bot.i18n import t
from bot.ports import Button, OutMessage
from bot.services.delivery.notify import officer_handles
from bot.services.pledge.service import Board, board
from bot.timefmt import fmt_datetime
from storage.models import Pledge, StoredFile, Unit, id_of
from storage.models.pledge import CANCELLED, OPEN

SIGN_PREFIX = "pl"  # callback data pl:s:<pledge id> signs; registered by handlers/pledge.py


def sign_data(pledge_id: int) -> str:
    return f"{SIGN_PREFIX}:s:{pledge_id}"


def sign_buttons(lang: str, pledge: Pledge) -> list[list[Button]]:
    assert pledge.id is not None
    return [[Button(t(lang, "pledge.btn_sign"), data=sign_data(pledge.id))]]


def _signed_lines(b: Board) -> list[str]:
    tz, lang = b.bloc.timezone, b.bloc.language
    return [t(lang, "pledge.signed_line", code=x.unit.code, unit=x.unit.name, signer=x.officer.display_name,
              at=fmt_datetime(x.signature.signed_at, tz)) for x in b.signed]


def _closed_at(b: Board) -> str:
    at = b.pledge.closed_at or b.pledge.deadline
    return fmt_datetime(at, b.bloc.timezone)


def post_message(s: Session, pledge: Pledge) -> OutMessage:
    """The pledge's group post: text, deadline, the live counter and who signed; the button while open."""
    b = board(s, pledge)
    lang, tz = b.bloc.language, b.bloc.timezone
    lines = [t(lang, "pledge.post_header", year=pledge.year, bloc=b.bloc.name), "", pledge.text, ""]
    if pledge.file_id is not None:
        stored = s.get(StoredFile, pledge.file_id)
        if stored is not None:
            lines.append(t(lang, "pledge.post_file", file=stored.file_name))
    lines.append(t(lang, "pledge.post_deadline", deadline=fmt_datetime(pledge.deadline, tz)))
    lines.append(t(lang, "pledge.count", count=b.count, total=b.total))
    lines += _signed_lines(b)
    is_open = pledge.state == OPEN
    if pledge.state == CANCELLED:
        lines += ["", t(lang, "pledge.post_cancelled")]
    elif is_open:
        if b.unsigned:
            lines.append(t(lang, "pledge.unsigned_codes", codes=", ".join(u.code for u in b.unsigned)))
        lines += ["", t(lang, "pledge.post_howto")]
    else:
        lines += ["", t(lang, "pledge.post_closed", at=_closed_at(b))]
    return OutMessage(text="\n".join(lines), buttons=sign_buttons(lang, pledge) if is_open else [])


def render_live(s: Session, pledge_id: int) -> OutMessage | None:
    """The live renderer (kind "pledge"): the post as it should read now."""
    pledge = s.get(Pledge, pledge_id)
    return post_message(s, pledge) if pledge is not None else None


def _unit_line(lang: str, unit: Unit, handles: dict[int, str]) -> str:
    who = handles.get(id_of(unit)) or t(lang, "pledge.no_officer", code=unit.code)
    return t(lang, "pledge.unsigned_line", code=unit.code, unit=unit.name, officers=who)


def final_text(b: Board) -> str:
    """The list posted when signing closes: who signed and when, who did not."""
    lang = b.bloc.language
    lines = [t(lang, "pledge.final_header", year=b.pledge.year, bloc=b.bloc.name, at=_closed_at(b)),
             t(lang, "pledge.count", count=b.count, total=b.total), *_signed_lines(b)]
    if b.unsigned:
        lines.append(t(lang, "pledge.final_unsigned", count=len(b.unsigned)))
        lines += [t(lang, "pledge.final_unsigned_line", code=u.code, unit=u.name) for u in b.unsigned]
    else:
        lines.append(t(lang, "pledge.final_all"))
    return "\n".join(lines)


def status_text(s: Session, b: Board) -> str:
    """/pledge_status: the state, the counter, who signed, and whom to chase (their officers)."""
    lang, tz, pledge = b.bloc.language, b.bloc.timezone, b.pledge
    state = (t(lang, "pledge.state_open", deadline=fmt_datetime(pledge.deadline, tz)) if pledge.state == OPEN
             else t(lang, "pledge.state_closed", at=_closed_at(b)))
    lines = [t(lang, "pledge.status_header", year=pledge.year, bloc=b.bloc.name, state=state),
             t(lang, "pledge.count", count=b.count, total=b.total), *_signed_lines(b)]
    if b.unsigned:
        handles = officer_handles(s, b.unsigned)
        lines.append(t(lang, "pledge.status_unsigned", count=len(b.unsigned)))
        lines += [_unit_line(lang, u, handles) for u in b.unsigned]
    if pledge.file_id is not None:
        stored = s.get(StoredFile, pledge.file_id)
        if stored is not None:
            lines.append(t(lang, "pledge.post_file", file=stored.file_name))
    return "\n".join(lines)


def reminder_texts(s: Session, b: Board) -> tuple[str, Callable[[Unit], str]]:
    """The group reminder naming the units that have not signed (and their officers), and the
    private reminder to each of those units' officers."""
    lang, tz, pledge = b.bloc.language, b.bloc.timezone, b.pledge
    deadline = fmt_datetime(pledge.deadline, tz)
    handles = officer_handles(s, b.unsigned)
    lines = [t(lang, "pledge.remind_header", year=pledge.year, deadline=deadline, count=len(b.unsigned),
               total=b.total)]
    lines += [_unit_line(lang, u, handles) for u in b.unsigned]
    lines.append(t(lang, "pledge.remind_howto"))

    def private(unit: Unit) -> str:
        return t(lang, "pledge.remind_dm", code=unit.code, unit=unit.name, year=pledge.year, bloc=b.bloc.name,
                 deadline=deadline)

    return "\n".join(lines), private


def summary_text(b: Board) -> str:
    lang = b.bloc.language
    units = "; ".join(f"{u.code} — {u.name}" for u in b.unsigned)
    return t(lang, "pledge.summary", year=b.pledge.year, bloc=b.bloc.name, count=b.count, total=b.total,
             units=units)
