"""The guided ``/vote``: the head picks an award, the candidates, the closing time, then opens the vote.

Its draft holds nothing secret (which award, which units are proposed, when the vote closes), so it is
kept in a table and survives restarts. Every press is checked again here: the draft's owner, its bloc,
still open and less than a day old, the presser still a manager, the award and the units still valid.
The steps are :class:`Step`; the presses the handler may pass are :class:`Verb` (short, because they
travel in callback data).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlmodel import Session

from bot.errors import UserError
from bot.services.audit import Actor
from bot.services.awards import service as awards
from bot.services.blocs.standing import Standing, bloc_year
from bot.services.votes import service as vs
from bot.services.votes.rules import rules_of
from bot.timefmt import to_local
from storage.models import AwardType, Bloc, Unit, Vote, VoteDraft
from storage.queries.votes import open_draft

DRAFT_TTL = timedelta(days=1)
CLOSING_HOUR = 17  # "today / tomorrow at 17:00": the end of the working day


class Step(StrEnum):
    AWARD = "award"
    CANDIDATES = "candidates"
    TIME = "time"
    CONFIRM = "confirm"


class Verb(StrEnum):
    CANCEL = "x"
    AWARD = "a"  # arg: the award's id
    ALL = "all"  # every eligible unit is a candidate
    SHORTLIST = "sl"  # pick the candidates one by one
    TOGGLE = "u"  # arg: a unit's id
    DONE = "ok"  # the shortlist is complete
    CLOSING = "c"  # arg: a preset (minutes, "eod", "tom", "hand")
    OPEN = "go"


@dataclass(frozen=True)
class Draft:
    """The flow as the head sees it at one step."""

    id: int
    step: Step
    award: AwardType | None
    candidates: vs.Candidates | None  # the eligible units, once an award is chosen
    shortlist: frozenset[int] | None  # unit ids ticked; None = every eligible unit
    closes_at: datetime | None
    by_hand: bool

    @property
    def chosen(self) -> list[Unit]:
        if self.candidates is None:
            return []
        if self.shortlist is None:
            return self.candidates.units
        return [u for u in self.candidates.units if u.id in self.shortlist]


@dataclass(frozen=True)
class Opened:
    vote: Vote


@dataclass(frozen=True)
class Cancelled:
    pass


Outcome = Draft | Opened | Cancelled


def start(s: Session, *, bloc: Bloc, actor: Actor, platform: str, chat_id: str,
          now: datetime) -> tuple[Draft, list[AwardType]]:
    """A new draft in this chat (an earlier open one there is cancelled) and the awards to choose from."""
    assert bloc.id is not None and actor.officer_id is not None
    earlier = open_draft(s, actor.officer_id, platform, chat_id)
    if earlier is not None:
        earlier.state = "cancelled"
        s.add(earlier)
    items = awards.catalog(s, bloc, now)
    if not items:
        raise UserError("vote.no_awards")
    row = VoteDraft(bloc_id=bloc.id, officer_id=actor.officer_id, platform=platform, chat_id=chat_id,
                    created_at=now)
    s.add(row)
    s.flush()
    return _view(s, bloc, row, now), items


def press(s: Session, *, bloc: Bloc, who: Standing, draft_id: int, verb: Verb, arg: str | None,
          now: datetime) -> Outcome:
    """Applies one press; refuses (``flow.gone``) a press that does not fit the draft's step."""
    row = _owned(s, bloc, who, draft_id, now)
    if verb is Verb.CANCEL:
        row.state = "cancelled"
        s.add(row)
        return Cancelled()
    if verb is Verb.AWARD:
        award = s.get(AwardType, int(arg or 0))
        if award is None or award.bloc_id != row.bloc_id or not award.active:
            raise UserError("flow.gone")
        row.award_id, row.shortlist, row.step = award.id, None, Step.CANDIDATES
    elif row.step == Step.CANDIDATES and verb in (Verb.ALL, Verb.SHORTLIST, Verb.TOGGLE, Verb.DONE):
        _candidates_press(s, bloc, row, verb, arg, now)
    elif row.step == Step.TIME and verb is Verb.CLOSING:
        _set_closing(row, preset_closing(arg or "", now=now, tz=bloc.timezone))
    elif row.step == Step.CONFIRM and verb is Verb.OPEN:
        return Opened(_open(s, bloc, row, who.actor, now))
    else:
        raise UserError("flow.gone")
    s.add(row)
    return _view(s, bloc, row, now)


def typed_closing(s: Session, *, bloc: Bloc, who: Standing, platform: str, chat_id: str, text: str,
                  looks_addressed: bool, now: datetime) -> Draft | None:
    """The closing time typed at the step that asks for it; None when the text is not such an answer
    (no draft waiting for a time in this chat, or, in a busy group, a message that does not look like
    one: ``looks_addressed`` is a reply to the bot, or any message in a private chat)."""
    officer_id = who.actor.officer_id
    if officer_id is None or not text.strip() or not who.can_manage:
        return None
    row = open_draft(s, officer_id, platform, chat_id)
    if row is None or row.step != Step.TIME or row.bloc_id != bloc.id or row.created_at + DRAFT_TTL < now:
        return None
    looks_like_time = any(ch.isdigit() for ch in text) or vs.is_by_hand(text)
    if not looks_addressed and not looks_like_time:
        return None
    _set_closing(row, vs.parse_closing(text, now=now, tz=bloc.timezone))
    s.add(row)
    return _view(s, bloc, row, now)


def preset_closing(code: str, *, now: datetime, tz: str) -> datetime | None:
    """A closing-time button: ``30``/``60``/``120`` minutes from now, ``eod`` today at 17:00, ``tom``
    tomorrow at 17:00, ``hand`` closed by hand (None)."""
    if code == "hand":
        return None
    if code.isdigit():
        return now + timedelta(minutes=int(code))
    if code not in ("eod", "tom"):
        raise UserError("flow.gone")
    local = to_local(now, tz)
    day = local.date() + timedelta(days=0 if code == "eod" else 1)
    when = datetime(day.year, day.month, day.day, CLOSING_HOUR, 0, tzinfo=local.tzinfo)
    if when <= local:
        raise UserError("vote.closes_in_past")
    return when.astimezone(now.tzinfo)


def today_closing_offered(now: datetime, tz: str) -> bool:
    """«Today 17:00» is offered until 16:30, so a vote is open at least half an hour."""
    local = to_local(now, tz)
    return local.hour < 16 or (local.hour == 16 and local.minute < 30)


# --- inside ----------------------------------------------------------------------------------------

def _owned(s: Session, bloc: Bloc, who: Standing, draft_id: int, now: datetime) -> VoteDraft:
    row = s.get(VoteDraft, draft_id)
    if row is None or row.state != "open" or row.bloc_id != bloc.id:
        raise UserError("flow.gone")
    if row.officer_id != who.actor.officer_id:
        raise UserError("flow.not_yours")
    if not who.can_manage:
        raise UserError("err.not_manager", command="vote")
    if row.created_at + DRAFT_TTL < now:
        raise UserError("flow.gone")
    return row


def _shortlist(row: VoteDraft) -> frozenset[int] | None:
    return None if row.shortlist is None else frozenset(int(i) for i in json.loads(row.shortlist))


def _candidates(s: Session, bloc: Bloc, row: VoteDraft, now: datetime) -> tuple[AwardType, vs.Candidates] | None:
    award = s.get(AwardType, row.award_id) if row.award_id else None
    if award is None:
        return None
    if not award.active or award.bloc_id != bloc.id:
        raise UserError("flow.gone")
    assert bloc.id is not None
    return award, vs.award_candidates(s, bloc, award, bloc_year(bloc, now), rules_of(s, bloc.id))


def _view(s: Session, bloc: Bloc, row: VoteDraft, now: datetime) -> Draft:
    assert row.id is not None
    found = _candidates(s, bloc, row, now)
    return Draft(id=row.id, step=Step(row.step), award=found[0] if found else None,
                 candidates=found[1] if found else None, shortlist=_shortlist(row), closes_at=row.closes_at,
                 by_hand=row.by_hand)


def _candidates_press(s: Session, bloc: Bloc, row: VoteDraft, verb: Verb, arg: str | None, now: datetime) -> None:
    found = _candidates(s, bloc, row, now)
    if found is None:
        raise UserError("flow.gone")
    eligible = {u.id for u in found[1].units}
    ticked = _shortlist(row)
    if verb is Verb.ALL:
        row.shortlist, row.step = None, Step.TIME
    elif verb is Verb.SHORTLIST:
        row.shortlist = "[]"
    elif verb is Verb.TOGGLE:
        unit_id = int(arg or 0)
        if ticked is None or unit_id not in eligible:
            raise UserError("flow.gone")
        row.shortlist = json.dumps(sorted(ticked ^ {unit_id}))
    else:
        if not ticked:
            raise UserError("flow.empty_shortlist")
        row.step = Step.TIME


def _set_closing(row: VoteDraft, closes_at: datetime | None) -> None:
    row.closes_at, row.by_hand, row.step = closes_at, closes_at is None, Step.CONFIRM


def _open(s: Session, bloc: Bloc, row: VoteDraft, actor: Actor, now: datetime) -> Vote:
    draft = _view(s, bloc, row, now)
    if draft.award is None or draft.candidates is None:
        raise UserError("flow.gone")
    vote = vs.open_vote(s, bloc=bloc, kind=vs.AWARD, title=draft.award.name, quota=draft.award.quota,
                        candidates=draft.chosen, closes_at=row.closes_at, actor=actor, now=now,
                        award_id=draft.award.id, excluded=draft.candidates.excluded)
    row.state = "done"
    s.add(row)
    return vote
