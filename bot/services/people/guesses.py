"""Limits on guessing /join codes: a code that matches no invitation is remembered for a day, and
after too many in an hour, by one person or typed in one bloc, /join with a code is refused for a
while. A code has 31⁸ values, so guessing is already hopeless; the limit also keeps someone who
mistypes from hammering the database, and shows in the log who tried."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from bot.errors import UserError
from bot.timefmt import fmt_datetime
from storage.models import CodeGuess

WINDOW = timedelta(hours=1)
PER_PERSON = 5  # wrong codes in WINDOW by one account
PER_BLOC = 20  # wrong codes in WINDOW typed in one bloc's chats (several accounts guessing together)
KEEP = timedelta(days=1)


def _oldest_within(s: Session, where: list, limit: int, now: datetime) -> datetime | None:
    """The time the limit frees up again, or None if it is not reached."""
    since = now - WINDOW
    rows = list(s.exec(select(CodeGuess.at).where(*where, col(CodeGuess.at) > since)
                       .order_by(col(CodeGuess.at).desc()).limit(limit)))
    if len(rows) < limit:
        return None
    return rows[-1] + WINDOW


def check(s: Session, *, platform: str, user_id: str, bloc_id: int | None, tz: str, now: datetime) -> None:
    """Refuses a code when this person, or this bloc, made too many wrong guesses lately."""
    person = [CodeGuess.platform == platform, CodeGuess.platform_user_id == user_id]
    until = _oldest_within(s, person, PER_PERSON, now)
    if until is None and bloc_id is not None:
        until = _oldest_within(s, [CodeGuess.bloc_id == bloc_id], PER_BLOC, now)
    if until is not None:
        raise UserError("invite.too_many", until=fmt_datetime(until, tz))


def remember(*, platform: str, user_id: str, bloc_id: int | None, now: datetime) -> Callable[[Session], None]:
    """What a refusal for a wrong code still writes after its transaction is rolled back."""
    def write(s: Session) -> None:
        s.add(CodeGuess(platform=platform, platform_user_id=user_id, bloc_id=bloc_id, at=now))
    return write


def prune(s: Session, now: datetime) -> int:
    return int(s.execute(delete(CodeGuess).where(col(CodeGuess.at) < now - KEEP)).rowcount)  # type: ignore[attr-defined]


def count(s: Session) -> int:
    return int(s.exec(select(func.count()).select_from(CodeGuess)).one())
