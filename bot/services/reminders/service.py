"""Each bloc's reminder plans: which offsets remind of deadlines, conferences, the pledge and votes.

Features ask :func:`offsets_for` when they plan an item; ``/remind_config`` changes a list with
:func:`set_plan` and the features replan their open items at once (``ReminderSource.replan_bloc``).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, select

from bot.errors import UserError
from bot.i18n import Ref
from bot.services.audit import Actor, record
from bot.services.reminders.offsets import ConfigOffset, OffsetError, format_plan, parse_plan
from bot.services.reminders.planner import (
    DEADLINE_DEFAULTS,
    MEETING_DEFAULTS,
    Before,
    OnDueDay,
    Overdue,
    Summary,
)
from storage.models import Bloc, ReminderConfig

DEADLINE = "deadline"
MEETING = "meeting"
PLEDGE = "pledge"
VOTE = "vote"
KINDS = (DEADLINE, MEETING, PLEDGE, VOTE)

# A vote is short-lived (often opened at the conference itself): a day and an hour before it closes,
# the last one at its exact time.
VOTE_DEFAULTS: tuple[ConfigOffset, ...] = (Before(timedelta(days=1)), Before(timedelta(hours=1), keep_time=True))

# Signing the pledge is a deadline like the others, but the pledge closes at it: no overdue notices,
# only the summary telling the head which units never signed.
PLEDGE_DEFAULTS: tuple[ConfigOffset, ...] = tuple(
    o for o in DEADLINE_DEFAULTS if isinstance(o, Before | OnDueDay | Summary))

DEFAULTS: dict[str, tuple[ConfigOffset, ...]] = {
    DEADLINE: DEADLINE_DEFAULTS,
    MEETING: MEETING_DEFAULTS,
    PLEDGE: PLEDGE_DEFAULTS,
    VOTE: VOTE_DEFAULTS,
}
# A conference is not "overdue" after it is held; the pledge and a vote close at their time.
ALLOWED: dict[str, tuple[type, ...]] = {
    DEADLINE: (Before, OnDueDay, Overdue, Summary),
    MEETING: (Before, OnDueDay),
    PLEDGE: (Before, OnDueDay, Summary),
    VOTE: (Before,),
}
# Names officers type for each list (Vietnamese without accents, and English).
ALIASES: dict[str, str] = {
    "han": DEADLINE, "hạn": DEADLINE, "deadline": DEADLINE, "hannop": DEADLINE,
    "hoinghi": MEETING, "hộinghị": MEETING, "meeting": MEETING,
    "giaouoc": PLEDGE, "giaoước": PLEDGE, "pledge": PLEDGE,
    "phieu": VOTE, "phiếu": VOTE, "vote": VOTE, "bophieu": VOTE,
}
RESET_WORDS = ("macdinh", "mặcđịnh", "default")


def _row(s: Session, bloc_id: int, kind: str) -> ReminderConfig | None:
    return s.exec(select(ReminderConfig).where(ReminderConfig.bloc_id == bloc_id, ReminderConfig.kind == kind)).first()


def offsets_for(s: Session, bloc_id: int, kind: str) -> tuple[ConfigOffset, ...]:
    """The bloc's plan for ``kind``, or the default plan."""
    if kind not in DEFAULTS:
        raise ValueError(f"unknown reminder kind {kind!r}")
    row = _row(s, bloc_id, kind)
    if row is None:
        return DEFAULTS[kind]
    return parse_plan(row.plan, ALLOWED[kind])


def is_default(s: Session, bloc_id: int, kind: str) -> bool:
    return _row(s, bloc_id, kind) is None


def kind_of(word: str) -> str:
    kind = ALIASES.get(word.strip().lower().replace("_", "").replace("-", ""))
    if kind is None:
        raise UserError("remind.unknown_kind", value=word[:30])
    return kind


def set_plan(s: Session, *, bloc: Bloc, kind: str, text: str, actor: Actor, now: datetime
             ) -> tuple[ConfigOffset, ...]:
    """Sets (or with "macdinh" resets) the bloc's plan for ``kind``; audited. Raises UserError."""
    assert bloc.id is not None
    row = _row(s, bloc.id, kind)
    old = row.plan if row is not None else None
    if text.strip().lower().replace(" ", "") in RESET_WORDS:
        if row is not None:
            s.delete(row)
        record(s, bloc_id=bloc.id, actor=actor, action="remind.config", at=now, kind=kind, old=old, new=None)
        return DEFAULTS[kind]
    try:
        offsets = parse_plan(text, ALLOWED[kind])
    except OffsetError as exc:
        raise UserError(f"remind.bad_{exc.reason}", token=exc.token[:30], kind_name=Ref(f"remind.kind.{kind}")) from exc
    plan = format_plan(offsets)
    if row is None:
        row = ReminderConfig(bloc_id=bloc.id, kind=kind, plan=plan, updated_at=now)
    else:
        row.plan, row.updated_at = plan, now
    s.add(row)
    s.flush()
    record(s, bloc_id=bloc.id, actor=actor, action="remind.config", at=now, kind=kind, old=old, new=plan)
    return offsets
