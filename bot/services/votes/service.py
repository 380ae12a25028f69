"""Secret ballots (bỏ phiếu kín): opening a vote, casting and replacing a ballot, closing and counting.

Secrecy by construction:
- while a vote is open, a unit's ballot is one row (the database refuses a second); nothing but
  the count of rows (turnout) and which units have a row is ever read for display;
- the audit log records that a unit cast or replaced a ballot and when, never its content;
- closing counts the ballots, stores the counts, keeps the ballots as anonymous slips in a random
  order (no unit, no time, no receipt), lists the receipt codes sorted, and deletes the rows that
  linked a unit to its choices (SQLite's secure_delete overwrites them on disk).
"""

from __future__ import annotations

import json
import secrets
import weakref
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, delete, select

from bot.dates import parse_when
from bot.errors import UserError
from bot.i18n import Ref, t
from bot.services.audit import Actor, record
from bot.services.awards import service as awards
from bot.services.blocs import roles
from bot.services.blocs.standing import DEPUTY, HEAD, bloc_year
from bot.services.delivery import live, outbox
from bot.services.delivery.notify import open_accounts
from bot.services.registration import service as registration
from bot.services.reminders import holidays
from bot.services.reminders.planner import At, plan
from bot.services.reminders.service import VOTE, offsets_for
from bot.services.reminders.slots import cancel_plan, replace_plan
from bot.services.scores.service import final_scores
from bot.services.votes.rules import BlocRules, rules_of
from bot.services.votes.tally import BASE_CAST, BASE_MEMBERS, Rules, Share, Tally, check_ballot, count
from bot.text import fold
from bot.timefmt import fmt_datetime
from storage.db import forget_deleted
from storage.locks import lock
from storage.models import (
    AwardType,
    Ballot,
    BallotSlip,
    Bloc,
    RoleAssignment,
    Unit,
    Vote,
    VoteCandidate,
    id_of,
)
from storage.queries.blocs import acting_unit, member_units
from storage.queries.votes import (
    ballot_of_unit,
    ballots_of,
    candidates_of,
    candidates_with_units,
    runoffs_of,
    selected_for_higher_awards,
    units_by_ids,
    votes_of_topic,
    votes_of_year,
)

KIND = "vote"  # reminder slots and live posts
AWARD, ELECT_KINDS = "award", (HEAD, DEPUTY)
OPEN, CLOSED, VOID = "open", "closed", "void"
BALLOT_LINK = "v"  # deep-link payload prefix: /start v<vote id> opens the ballot in the private chat
BALLOT_PREFIX = "vb"  # ballot buttons: vb:<vote id>:<ticks as a hex bitmask>:<op> (handlers.votes)
MAX_CANDIDATES = 60  # the ballot's choices travel as a bitmask in callback data
RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud without doubt


HAND_WORDS = ("tay", "bang tay", "dong bang tay", "hand", "by hand")


def is_by_hand(raw: str) -> bool:
    return fold(raw) in HAND_WORDS


def parse_closing(raw: str, *, now: datetime, tz: str) -> datetime | None:
    """A closing time the head typed, or None for "close by hand" (``tay``)."""
    if is_by_hand(raw):
        return None
    return parse_when(raw, now=now, tz=tz)


def vote_in_bloc(s: Session, bloc: Bloc, vote_id: int) -> Vote:
    """The vote ``#vote_id`` of this bloc; another bloc's vote is refused as unknown."""
    vote = s.get(Vote, vote_id)
    if vote is None or vote.bloc_id != bloc.id:
        raise UserError("vote.unknown", id=vote_id)
    return vote


def votes_of(s: Session, bloc: Bloc, year: int) -> list[Vote]:
    assert bloc.id is not None
    return votes_of_year(s, bloc.id, year)


def new_receipt() -> str:
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(6))
    return f"{raw[:3]}-{raw[3:]}"


# --- rules snapshots ------------------------------------------------------------------------------

def snapshot(rules: BlocRules, *, kind: str, runoff: bool) -> dict[str, object]:
    """The rules a vote is decided by, frozen when it opens (later /vote_rules changes do not apply)."""
    election = kind in ELECT_KINDS
    return {
        "quorum": rules.quorum.text(),
        "threshold": (rules.election if election else rules.threshold).text(),
        "base": BASE_CAST if election else BASE_MEMBERS,
        "plurality": election and runoff,
        "runoff_when_unfilled": election and not runoff,
        "self_vote": rules.self_vote,
        "exclude_higher": rules.exclude_higher,
        # Only when set: the votes opened before the score rule keep the same snapshot.
        **({"min_score": str(rules.min_score)} if rules.min_score is not None and not election else {}),
    }


def rules_snapshot(vote: Vote) -> dict[str, object]:
    return json.loads(vote.rules)


def share_base(vote: Vote) -> int:
    """What a candidate's share is a share of: the ballots cast (elections) or the member units (awards)."""
    return (vote.cast_count or 0) if rules_snapshot(vote)["base"] == BASE_CAST else vote.members


def tally_rules(vote: Vote) -> Rules:
    snap = rules_snapshot(vote)
    return Rules(quorum=Share.parse(str(snap["quorum"])), threshold=Share.parse(str(snap["threshold"])),
                 base=str(snap["base"]), plurality=bool(snap["plurality"]),
                 runoff_when_unfilled=bool(snap["runoff_when_unfilled"]))


def electorate(vote: Vote) -> list[int]:
    return list(json.loads(vote.electorate))


@dataclass(frozen=True)
class Outcome:
    """What closing stores beside the counts: the receipts (sorted, so their order says nothing), which
    units voted, the counts that reached the quorum and the threshold, the positions proposed for a run-off."""

    receipts: tuple[str, ...] = ()
    voted: tuple[int, ...] = ()
    quorum_needed: int = 0
    threshold_needed: int = 0
    runoff: tuple[int, ...] = ()

    def to_json(self) -> str:
        return json.dumps({"receipts": list(self.receipts), "voted": list(self.voted),
                           "quorum_needed": self.quorum_needed, "threshold_needed": self.threshold_needed,
                           "runoff": list(self.runoff)})

    @classmethod
    def from_json(cls, raw: str | None) -> Outcome:
        data = json.loads(raw) if raw else {}
        return cls(receipts=tuple(data.get("receipts", ())), voted=tuple(data.get("voted", ())),
                   quorum_needed=int(data.get("quorum_needed", 0)),
                   threshold_needed=int(data.get("threshold_needed", 0)), runoff=tuple(data.get("runoff", ())))


def outcome(vote: Vote) -> Outcome:
    return Outcome.from_json(vote.outcome)


def topic_of(kind: str, *, award_id: int | None = None, year: int) -> str:
    return f"award:{award_id}:{year}" if kind == AWARD else f"{kind}:{year}"


# --- opening ----------------------------------------------------------------------------------------

HIGHER, UNREGISTERED, LOW_SCORE = "higher", "unregistered", "score"  # why a unit is left off a ballot


@dataclass(frozen=True)
class Exclusion:
    unit: Unit
    reason: str  # HIGHER (detail: the award) | UNREGISTERED | LOW_SCORE (detail: its settled score)
    detail: str = ""


@dataclass(frozen=True)
class Candidates:
    units: list[Unit]
    excluded: list[Exclusion]


def award_candidates(s: Session, bloc: Bloc, award: AwardType, year: int, rules: BlocRules) -> Candidates:
    """The member units of ``year`` in ranking order once the year's scores are settled (DOMAIN.md: the
    scores rank, the vote decides), less those selected this year for a higher award (rule loaitru),
    those that did not register for this award (rule dangky: on by default once the year has a
    registration) and those below the minimum settled score (rule diem)."""
    assert bloc.id is not None
    members = member_units(s, bloc.id, year)
    excluded: list[Exclusion] = []
    if rules.exclude_higher:
        higher = dict(selected_for_higher_awards(s, bloc.id, year, award.precedence))
        excluded += [Exclusion(u, HIGHER, higher[id_of(u)]) for u in members if u.id in higher]
    if rules.registration is not False:
        registered = registration.registered_units(s, bloc.id, year, award.name)
        if registered is not None:
            excluded += [Exclusion(u, UNREGISTERED) for u in members if u.id not in registered]
    scores = final_scores(s, bloc.id, year)
    if rules.min_score is not None and scores:
        excluded += [Exclusion(u, LOW_SCORE, str(scores[id_of(u)][0]) if u.id in scores else "")
                     for u in members if u.id not in scores or scores[id_of(u)][0] < rules.min_score]
    first: dict[int, Exclusion] = {}
    for e in excluded:  # one reason a unit: the first that applies
        first.setdefault(id_of(e.unit), e)
    chosen = [u for u in members if u.id not in first]
    if scores:
        chosen.sort(key=lambda u: (scores[id_of(u)][1], u.code) if u.id in scores else (10**6, u.code))
    return Candidates(chosen, list(first.values()))


def pick_shortlist(candidates: Candidates, codes: list[str]) -> list[Unit]:
    """The units named by ``codes`` (in the order typed), each a candidate; refuses anything else."""
    by_code = {u.code: u for u in candidates.units}
    excluded = {e.unit.code: e for e in candidates.excluded}
    out: list[Unit] = []
    for raw in codes:
        code = raw.strip().upper()
        if code in excluded:
            why = excluded[code]
            if why.reason == UNREGISTERED:
                raise UserError("vote.code_unregistered", code=code)
            if why.reason == LOW_SCORE:
                raise UserError("vote.code_low_score", code=code, score=why.detail or "—")
            raise UserError("vote.code_excluded", code=code, award=why.detail)
        if code not in by_code:
            raise UserError("vote.code_unknown", code=code[:30])
        if by_code[code] in out:
            raise UserError("vote.code_repeated", code=code)
        out.append(by_code[code])
    return out


def open_vote(s: Session, *, bloc: Bloc, kind: str, title: str, quota: int, candidates: list[Unit],
              closes_at: datetime | None, actor: Actor, now: datetime, award_id: int | None = None,
              term_year: int | None = None, runoff_of: Vote | None = None,
              excluded: list[Exclusion] | None = None) -> Vote:
    """Opens a vote: candidates numbered as listed, the electorate = this year's member units."""
    assert bloc.id is not None
    year = bloc_year(bloc, now)
    voters = member_units(s, bloc.id, year)
    if not voters:
        raise UserError("vote.no_members")
    if not candidates:
        raise UserError("vote.no_candidates")
    if len(candidates) > MAX_CANDIDATES:
        raise UserError("vote.too_many_candidates", max=MAX_CANDIDATES)
    if closes_at is not None and closes_at <= now:
        raise UserError("vote.closes_in_past")
    if runoff_of is not None:
        rules = json.loads(runoff_of.rules)
        rules.update(snapshot_runoff(runoff_of))
    else:
        rules = snapshot(rules_of(s, bloc.id), kind=kind, runoff=False)
    topic = runoff_of.topic if runoff_of is not None else topic_of(kind, award_id=award_id, year=term_year or year)
    vote = Vote(bloc_id=bloc.id, year=runoff_of.year if runoff_of else year, kind=kind, award_id=award_id,
                term_year=term_year, title=title, topic=topic, quota=quota, closes_at=closes_at,
                runoff_of=runoff_of.id if runoff_of else None, round=(runoff_of.round + 1) if runoff_of else 1,
                rules=json.dumps(rules, sort_keys=True), members=len(voters),
                electorate=json.dumps([u.id for u in voters]),
                excluded=json.dumps([[e.unit.id, e.reason, e.detail] for e in excluded or []], ensure_ascii=False),
                opened_at=now, opened_by_id=actor.officer_id)
    s.add(vote)
    try:
        s.flush()
    except IntegrityError as exc:  # the one-open-vote-per-topic index
        raise UserError("vote.topic_open", title=title) from exc
    assert vote.id is not None
    s.add_all(VoteCandidate(vote_id=vote.id, unit_id=id_of(u), position=i)
              for i, u in enumerate(candidates, start=1))
    s.flush()
    plan_vote(s, vote, bloc, now)
    record(s, bloc_id=bloc.id, actor=actor, action="vote.open", at=now, vote=vote.id, kind=kind, title=title,
           quota=quota, candidates=[u.code for u in candidates], closes_at=closes_at, runoff_of=vote.runoff_of,
           members=vote.members, rules=rules)
    return vote


def open_award_vote(s: Session, *, bloc: Bloc, award_ref: str, closes_at: datetime | None,
                    shortlist: list[str] | None, actor: Actor, now: datetime) -> Vote:
    """``/vote <award> | <closing> [| codes]``: every eligible member unit, or the units listed."""
    assert bloc.id is not None
    award = awards.find_award(s, bloc, award_ref, now)
    candidates = award_candidates(s, bloc, award, bloc_year(bloc, now), rules_of(s, bloc.id))
    chosen = pick_shortlist(candidates, shortlist) if shortlist else candidates.units
    return open_vote(s, bloc=bloc, kind=AWARD, title=award.name, quota=award.quota, candidates=chosen,
                     closes_at=closes_at, actor=actor, now=now, award_id=award.id, excluded=candidates.excluded)


def set_link(s: Session, vote: Vote, link: str | None) -> None:
    """The deep link that opens the ballot privately (None where the bloc's platforms have none)."""
    vote.link = link
    s.add(vote)


def snapshot_runoff(original: Vote) -> dict[str, object]:
    """A run-off keeps the original rules; an election's run-off is decided by the most votes."""
    if original.kind in ELECT_KINDS:
        return {"plurality": True, "runoff_when_unfilled": False}
    return {}


def plan_vote(s: Session, vote: Vote, bloc: Bloc, now: datetime) -> None:
    """Reminders before the closing time (the bloc's vote plan) and the closing itself (At)."""
    assert vote.id is not None and bloc.id is not None
    if vote.closes_at is None or vote.state != OPEN:
        cancel_plan(s, kind=KIND, item_id=vote.id, note="closed by hand")
        return
    offsets = (*offsets_for(s, bloc.id, VOTE), At())
    planned = plan(vote.closes_at, offsets, bloc.timezone, holidays.days_off(s, bloc, vote.closes_at))
    replace_plan(s, bloc_id=bloc.id, kind=KIND, item_id=vote.id, planned=planned, now=now)


# --- who may vote, and casting ------------------------------------------------------------------

@dataclass(frozen=True)
class BallotSeat:
    """A person's right to fill in the ballot of ``vote`` for ``unit``."""

    vote: Vote
    bloc: Bloc
    unit: Unit
    candidates: list[VoteCandidate]
    offered: list[VoteCandidate]  # the candidates this unit may tick (self-vote rule)
    units: dict[int, Unit]  # candidates' units


def seat(s: Session, *, vote_id: int, actor: Actor, now: datetime) -> BallotSeat:
    """Checks, on the server, that ``actor`` may vote in ``vote_id`` now; raises a UserError otherwise."""
    vote = s.get(Vote, vote_id)
    if vote is None:
        raise UserError("vote.unknown", id=vote_id)
    bloc = s.get(Bloc, vote.bloc_id)
    assert bloc is not None and bloc.id is not None
    unit = acting_unit(s, bloc.id, actor.officer_id) if actor.officer_id is not None else None
    if unit is None:
        raise UserError("ballot.no_unit", id=vote_id)
    if unit.id not in electorate(vote):
        raise UserError("ballot.not_elector", id=vote_id)
    if vote.state != OPEN or (vote.closes_at is not None and vote.closes_at <= now):
        raise UserError("ballot.closed", id=vote_id)
    candidates, units, self_vote = _ballot_basis(s, vote)
    offered = [c for c in candidates if self_vote or c.unit_id != unit.id]
    return BallotSeat(vote, bloc, unit, candidates, offered, units)


# What every ballot of an open vote reads and nothing changes while it is open (candidates, their units,
# the self-vote rule), kept per process: the whole country's ballots read it, and it never goes stale
# because a closed vote is refused before it is used. Bounded, oldest out first.
_Basis = tuple[list[VoteCandidate], dict[int, Unit], bool]
_BASIS: weakref.WeakKeyDictionary[object, dict[int, _Basis]] = weakref.WeakKeyDictionary()  # per database
_BASIS_MAX = 2048


def _ballot_basis(s: Session, vote: Vote) -> _Basis:
    vote_id = id_of(vote)
    cache = _BASIS.setdefault(s.get_bind(), {})
    basis = cache.get(vote_id)
    if basis is None:
        # Copies that belong to no session: a later rollback elsewhere cannot expire them.
        rows = [(VoteCandidate(**c.model_dump()), Unit(**u.model_dump())) for c, u in candidates_with_units(s, vote_id)]
        basis = ([c for c, _ in rows], {id_of(u): u for _, u in rows}, bool(rules_snapshot(vote).get("self_vote", True)))
        if len(cache) >= _BASIS_MAX:
            del cache[next(iter(cache))]
        cache[vote_id] = basis
    return basis


def positions_from_mask(mask: int) -> list[int]:
    return [i + 1 for i in range(mask.bit_length()) if mask >> i & 1]


def mask_of(positions: list[int]) -> int:
    return sum(1 << (p - 1) for p in set(positions))


def check_choices(place: BallotSeat, positions: list[int]) -> list[int]:
    """The ballot's choices, refused if they name a non-candidate, the unit itself (when self-vote is
    off), or more units than the quota."""
    chosen = sorted(set(positions))
    if len(chosen) != len(positions):
        raise UserError("ballot.repeated")
    offered = {c.position for c in place.offered}
    all_positions = {c.position for c in place.candidates}
    for p in chosen:
        if p not in all_positions:
            raise UserError("ballot.not_candidate", number=p, count=len(place.candidates))
        if p not in offered:
            raise UserError("ballot.self_vote")
    if len(chosen) > place.vote.quota:
        raise UserError("ballot.too_many", quota=place.vote.quota)
    check_ballot(chosen, sorted(all_positions), place.vote.quota)
    return chosen


def toggle(place: BallotSeat, mask: int, position: int) -> int:
    """The ballot's ticks after pressing candidate ``position``; refuses a non-candidate and a tick over
    the quota (with a quota of one, ticking another moves the tick)."""
    if position not in {c.position for c in place.offered}:
        raise UserError("ballot.not_candidate", number=position, count=len(place.candidates))
    bit = 1 << (position - 1)
    if not mask & bit and len(positions_from_mask(mask)) >= place.vote.quota:
        if place.vote.quota != 1:
            raise UserError("ballot.too_many", quota=place.vote.quota)
        mask = 0
    return mask ^ bit


@dataclass(frozen=True)
class Cast:
    receipt: str
    replaced: bool
    previous_by: int | None  # the officer who cast the ballot it replaced
    at: datetime
    unchanged: bool = False  # the unit's ballot already had exactly these choices


def cast_ballot(s: Session, *, place: BallotSeat, positions: list[int], actor: Actor, now: datetime,
                replace: bool = True) -> Cast:
    """Stores the unit's ballot (replacing its earlier one); one counted ballot per unit, by the database.

    ``replace=False`` (a typed ballot without «thay»): a different ballot when the unit already has
    one is refused with how to confirm, so a number typed again into an old menu never silently
    replaces the unit's ballot. The button ballot warns in the ballot itself before «Gửi phiếu».
    """
    chosen = check_choices(place, positions)
    vote, unit = place.vote, place.unit
    assert vote.id is not None and unit.id is not None
    # Shared lock on the vote until this ballot is committed: a close (in this process or another
    # sharing the database) waits for it, and a ballot after the close sees the vote closed.
    lock(s, vote, shared=True)
    if vote.state != OPEN:
        raise UserError("vote.not_open", id=vote.id)
    existing = ballot_of_unit(s, vote.id, unit.id)
    if existing is not None and json.loads(existing.choices) == chosen:
        # The same ballot again (a double press, a re-sent form): nothing changes, the receipt the
        # officer holds stays valid.
        return Cast(receipt=existing.receipt, replaced=False, previous_by=existing.cast_by_id, at=existing.cast_at,
                    unchanged=True)
    if existing is not None and not replace:
        # Said without the numbers: no message of the bot ever echoes a unit's choices.
        raise UserError("ballot.replace_confirm", id=vote.id, code=unit.code, receipt=existing.receipt,
                        when=fmt_datetime(existing.cast_at, place.bloc.timezone))
    receipt = new_receipt()
    previous_by = existing.cast_by_id if existing is not None else None
    try:
        if existing is None:
            # A plain INSERT: the country's ballots go through here, and nothing reads the row back.
            s.connection().execute(_INSERT_BALLOT, {"vote_id": vote.id, "unit_id": unit.id, "choices": json.dumps(chosen),
                                                    "receipt": receipt, "cast_at": now, "cast_by_id": actor.officer_id,
                                                    "times": 1})
        else:
            existing.choices, existing.receipt, existing.cast_at = json.dumps(chosen), receipt, now
            existing.cast_by_id, existing.times = actor.officer_id, existing.times + 1
            s.add(existing)
            s.flush()
    except IntegrityError as exc:
        # A receipt collision or another officer's ballot in the same instant: the whole request is
        # rolled back by the dispatcher (no savepoint needed), and the officer is asked to send again.
        raise UserError("ballot.busy") from exc
    # Who and when, never what: the audit trail must not reveal the content.
    record(s, bloc_id=vote.bloc_id, actor=actor, action="ballot.replace" if existing else "ballot.cast", at=now,
           vote=vote.id, unit=unit.code)
    live.mark_dirty(s, kind=KIND, item_id=vote.id, now=now)
    cast = Cast(receipt=receipt, replaced=existing is not None, previous_by=previous_by, at=now)
    if cast.replaced:
        _tell_fellow_officers(s, place, cast, actor, now)
    return cast


_INSERT_BALLOT = insert(Ballot)


def _tell_fellow_officers(s: Session, place: BallotSeat, cast: Cast, actor: Actor, now: datetime) -> None:
    """A unit's other officers learn that its ballot was replaced (who and when, never what)."""
    unit, vote, bloc = place.unit, place.vote, place.bloc
    assert unit.id is not None and vote.id is not None
    mine = actor.account.id if actor.account is not None else None
    text = t(bloc.language, "ballot.replaced_dm", id=vote.id, code=unit.code, name=actor.name,
             when=fmt_datetime(cast.at, bloc.timezone))
    outbox.enqueue_many(s, [
        outbox.Outgoing(f"vote{vote.id}:u{unit.id}:{cast.receipt}:{account.id}", account.platform,
                        account.private_chat_id or "", text, vote.bloc_id, account.id)
        for account in open_accounts(s, [unit.id]).get(unit.id, []) if account.id != mine
    ], now)


# --- closing ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Closed:
    vote: Vote
    tally: Tally
    role_error: str | None = None  # an election result the roles table refused (said in the results)


def preview_close(s: Session, vote: Vote) -> Tally:
    """What closing now would give, for the confirmation of /vote_close: the turnout and whether the
    quorum is met (below it the vote is void). Only counts are shown to the head, never choices."""
    if vote.state != OPEN:
        raise UserError("vote.not_open", id=vote.id)
    assert vote.id is not None
    candidates = candidates_of(s, vote.id)
    return count(vote.members, [c.position for c in candidates],
                 {b.unit_id: json.loads(b.choices) for b in ballots_of(s, vote.id)}, vote.quota, tally_rules(vote))


def close_vote(s: Session, *, vote: Vote, actor: Actor, now: datetime) -> Closed:
    """Counts, stores the result, anonymises the ballots; records the elected role for an election."""
    lock(s, vote)  # ballots being cast finish first; a second close (another process) finds it closed
    if vote.state != OPEN:
        raise UserError("vote.not_open", id=vote.id)
    assert vote.id is not None
    bloc = s.get(Bloc, vote.bloc_id)
    assert bloc is not None
    candidates = candidates_of(s, vote.id)
    ballots = ballots_of(s, vote.id)
    result = count(vote.members, [c.position for c in candidates],
                   {b.unit_id: json.loads(b.choices) for b in ballots}, vote.quota, tally_rules(vote))
    for c in candidates:
        c.approvals = result.counts[c.position] if result.quorum_met else None
        c.selected = c.position in result.selected
        c.tied = c.position in result.tied
        s.add(c)
    vote.state = CLOSED if result.quorum_met else VOID
    vote.closed_at, vote.closed_by_id = now, actor.officer_id
    vote.cast_count, vote.blank_count = result.cast, result.blank
    vote.outcome = Outcome(receipts=tuple(sorted(b.receipt for b in ballots)) if result.quorum_met else (),
                           voted=tuple(sorted(b.unit_id for b in ballots)), quorum_needed=result.quorum_needed,
                           threshold_needed=result.threshold_needed, runoff=tuple(result.runoff)).to_json()
    if result.quorum_met:
        slips = [b.choices for b in ballots]
        secrets.SystemRandom().shuffle(slips)  # stored in random order: no link to who cast them, or when
        s.add_all(BallotSlip(vote_id=vote.id, choices=c) for c in slips)
    s.add(vote)
    s.flush()
    s.execute(delete(Ballot).where(col(Ballot.vote_id) == vote.id))
    forget_deleted(s)
    cancel_plan(s, kind=KIND, item_id=vote.id, note="vote closed")
    live.mark_dirty(s, kind=KIND, item_id=vote.id, now=now)
    units = units_by_ids(s, [c.unit_id for c in candidates])
    code = {c.position: units[c.unit_id].code for c in candidates}
    record(s, bloc_id=vote.bloc_id, actor=actor, action="vote.close" if result.quorum_met else "vote.void", at=now,
           vote=vote.id, members=vote.members, cast=result.cast, blank=result.blank,
           counts={code[p]: n for p, n in result.counts.items()} if result.quorum_met else None,
           selected=[code[p] for p in result.selected], tied=[code[p] for p in result.tied])
    role_error = None
    if vote.kind in ELECT_KINDS and result.selected:
        winner = units[next(c.unit_id for c in candidates if c.position == result.selected[0])]
        role_error = _record_role(s, bloc, vote, winner, actor, now)
    return Closed(vote, result, role_error)


def close_and_continue(s: Session, *, bloc: Bloc, vote: Vote, actor: Actor,
                       now: datetime) -> tuple[Closed, Vote | None]:
    """Closes a vote by hand; closing the head's ballot of an election opens the deputy's."""
    closed = close_vote(s, vote=vote, actor=actor, now=now)
    return closed, continue_election(s, bloc=bloc, closed=closed.vote, actor=actor, now=now)


def _record_role(s: Session, bloc: Bloc, vote: Vote, winner: Unit, actor: Actor, now: datetime) -> str | None:
    assert vote.term_year is not None
    try:
        with s.begin_nested():
            roles.assign_role(s, bloc=bloc, role=vote.kind, code=winner.code, year=vote.term_year, actor=actor,
                              now=now)
    except UserError as exc:
        if exc.key == "role.unchanged":
            return None
        return exc.key
    return None


def due_to_close(vote: Vote, now: datetime) -> bool:
    return vote.state == OPEN and vote.closes_at is not None and vote.closes_at <= now


# --- run-offs ----------------------------------------------------------------------------------------

def start_runoff(s: Session, *, bloc: Bloc, vote: Vote, closes_at: datetime | None, actor: Actor,
                 now: datetime) -> Vote:
    """A run-off (bầu lại) among the tied units of a closed vote, for the seats still free."""
    assert vote.id is not None
    if vote.bloc_id != bloc.id:
        raise UserError("vote.unknown", id=vote.id)
    if vote.state == OPEN:
        raise UserError("runoff.still_open", id=vote.id)
    proposal = list(outcome(vote).runoff)
    if vote.state != CLOSED or not proposal:
        raise UserError("runoff.nothing", id=vote.id)
    if any(r.state in (OPEN, CLOSED) for r in runoffs_of(s, vote.id)):
        raise UserError("runoff.exists", id=vote.id)
    candidates = candidates_of(s, vote.id)
    units = units_by_ids(s, [c.unit_id for c in candidates])
    tied_units = [units[c.unit_id] for c in candidates if c.position in proposal]
    seats = vote.quota - sum(1 for c in candidates if c.selected)
    return open_vote(s, bloc=bloc, kind=vote.kind, title=vote.title, quota=max(1, seats), candidates=tied_units,
                     closes_at=closes_at, actor=actor, now=now, award_id=vote.award_id, term_year=vote.term_year,
                     runoff_of=vote)


# --- elections (bầu Trưởng khối, Phó trưởng khối) -------------------------------------------------

def winner_of_topic(s: Session, bloc_id: int, topic: str) -> Unit | None:
    """The unit elected on a topic (its latest closed vote with a selected candidate)."""
    for vote in reversed(votes_of_topic(s, bloc_id, topic)):
        if vote.state == CLOSED:
            chosen = [c for c in candidates_of(s, id_of(vote)) if c.selected]
            if chosen:
                return s.get(Unit, chosen[0].unit_id)
    return None


@dataclass(frozen=True)
class ElectionStep:
    vote: Vote
    head: Unit | None  # the elected head when this is the deputy ballot


def elect_next(s: Session, *, bloc: Bloc, term_year: int, closes_at: datetime | None, actor: Actor,
               now: datetime) -> ElectionStep:
    """Opens the next ballot of the election of ``term_year``: the head's, then the deputy's."""
    assert bloc.id is not None
    candidates = member_units(s, bloc.id, term_year)
    head = winner_of_topic(s, bloc.id, topic_of(HEAD, year=term_year))
    kind = HEAD if head is None else DEPUTY
    topic = topic_of(kind, year=term_year)
    history = votes_of_topic(s, bloc.id, topic)
    if any(v.state == OPEN for v in history):
        current = next(v for v in history if v.state == OPEN)
        raise UserError("elect.open", id=current.id, role=Ref(f"role.{kind}"))
    if kind == DEPUTY and winner_of_topic(s, bloc.id, topic) is not None:
        deputy = winner_of_topic(s, bloc.id, topic)
        assert deputy is not None
        raise UserError("elect.done", year=term_year, head=head.code, deputy=deputy.code)  # type: ignore[union-attr]
    last = history[-1] if history else None
    if last is not None and last.state == CLOSED and outcome(last).runoff:
        raise UserError("elect.needs_runoff", id=last.id, role=Ref(f"role.{kind}"))
    if head is not None:
        candidates = [u for u in candidates if u.id != head.id]
    vote = open_vote(s, bloc=bloc, kind=kind, title=kind, quota=1, candidates=candidates, closes_at=closes_at,
                     actor=actor, now=now, term_year=term_year)
    return ElectionStep(vote, head)


def manual_roles(s: Session, bloc: Bloc, term_year: int) -> list[tuple[str, Unit]]:
    """The head or deputy of ``term_year`` already set by hand (/head, /deputy), not by an election:
    an election's result would replace them, so /elect asks first."""
    assert bloc.id is not None
    if votes_of_topic(s, bloc.id, topic_of(HEAD, year=term_year)):
        return []  # the election is under way: asked when it began
    out: list[tuple[str, Unit]] = []
    for role in (HEAD, DEPUTY):
        held = s.exec(select(RoleAssignment).where(RoleAssignment.bloc_id == bloc.id, RoleAssignment.year == term_year,
                                                   RoleAssignment.role == role)).first()
        if held is None or winner_of_topic(s, bloc.id, topic_of(role, year=term_year)) is not None:
            continue
        unit = s.get(Unit, held.unit_id)
        assert unit is not None
        out.append((role, unit))
    return out


def continue_election(s: Session, *, bloc: Bloc, closed: Vote, actor: Actor, now: datetime) -> Vote | None:
    """Once the head's ballot elects a head, the deputy's ballot opens at once: one flow, as at the
    conference (bầu Trưởng khối, rồi bầu Phó trưởng khối). It lasts as long as the head's ballot did,
    or is closed by hand like it. None when there is nothing to open (no head elected yet, or the
    deputy is already elected or being elected)."""
    if closed.kind != HEAD or closed.state != CLOSED or closed.term_year is None:
        return None
    if winner_of_topic(s, id_of(bloc), topic_of(HEAD, year=closed.term_year)) is None:
        return None
    closes_at = now + (closed.closes_at - closed.opened_at) if closed.closes_at is not None else None
    try:
        with s.begin_nested():
            step = elect_next(s, bloc=bloc, term_year=closed.term_year, closes_at=closes_at, actor=actor, now=now)
    except UserError:
        return None
    deputy = step.vote
    # The ballot link is the head ballot's, for the new vote: the same bot on the same platform.
    suffix = f"{BALLOT_LINK}{closed.id}"
    if closed.link and closed.link.endswith(suffix):
        deputy.link = f"{closed.link[: -len(suffix)]}{BALLOT_LINK}{deputy.id}"
        s.add(deputy)
    return deputy
