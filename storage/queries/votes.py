"""Reads about awards, votes, candidates and ballots (batched: one query per list, never per unit)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam
from sqlmodel import Session, col, func, select

from storage.models import AwardType, Ballot, Unit, Vote, VoteCandidate, VoteDraft, VoteRules, id_of


def awards_of(s: Session, bloc_id: int) -> list[AwardType]:
    """The bloc's active awards, highest first."""
    return list(s.exec(select(AwardType).where(AwardType.bloc_id == bloc_id, col(AwardType.active).is_(True))
                       .order_by(col(AwardType.precedence), col(AwardType.id))))


def any_award_row(s: Session, bloc_id: int) -> bool:
    return s.exec(select(AwardType.id).where(AwardType.bloc_id == bloc_id).limit(1)).first() is not None


def rules_row(s: Session, bloc_id: int) -> VoteRules | None:
    return s.exec(select(VoteRules).where(VoteRules.bloc_id == bloc_id)).first()


def units_by_ids(s: Session, ids: Iterable[int]) -> dict[int, Unit]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    return {id_of(u): u for u in s.exec(select(Unit).where(col(Unit.id).in_(wanted)))}


def candidates_of(s: Session, vote_id: int) -> list[VoteCandidate]:
    return list(s.exec(select(VoteCandidate).where(VoteCandidate.vote_id == vote_id)
                       .order_by(col(VoteCandidate.position))))


def candidates_with_units(s: Session, vote_id: int) -> list[tuple[VoteCandidate, Unit]]:
    """A vote's candidates in ballot order with their units (one query: every ballot reads it)."""
    return [(c, u) for c, u in s.exec(
        select(VoteCandidate, Unit).join(Unit, col(Unit.id) == col(VoteCandidate.unit_id))
        .where(VoteCandidate.vote_id == vote_id).order_by(col(VoteCandidate.position)))]


def ballots_of(s: Session, vote_id: int) -> list[Ballot]:
    return list(s.exec(select(Ballot).where(Ballot.vote_id == vote_id)))


_BALLOT_OF_UNIT = select(Ballot).where(col(Ballot.vote_id) == bindparam("vote_id"),
                                       col(Ballot.unit_id) == bindparam("unit_id"))


def ballot_of_unit(s: Session, vote_id: int, unit_id: int) -> Ballot | None:
    return s.execute(_BALLOT_OF_UNIT, {"vote_id": vote_id, "unit_id": unit_id}).scalars().first()


def voted_unit_ids(s: Session, vote_id: int) -> list[int]:
    """Units that cast a ballot in an open vote (turnout only: no choices are read)."""
    return list(s.exec(select(Ballot.unit_id).where(Ballot.vote_id == vote_id)))


def votes_of_year(s: Session, bloc_id: int, year: int) -> list[Vote]:
    return list(s.exec(select(Vote).where(Vote.bloc_id == bloc_id, Vote.year == year).order_by(col(Vote.id))))


def votes_of_topic(s: Session, bloc_id: int, topic: str) -> list[Vote]:
    return list(s.exec(select(Vote).where(Vote.bloc_id == bloc_id, Vote.topic == topic).order_by(col(Vote.id))))


def open_votes(s: Session, bloc_id: int) -> list[Vote]:
    return list(s.exec(select(Vote).where(Vote.bloc_id == bloc_id, Vote.state == "open").order_by(col(Vote.id))))


def runoffs_of(s: Session, vote_id: int) -> list[Vote]:
    return list(s.exec(select(Vote).where(Vote.runoff_of == vote_id).order_by(col(Vote.id))))


def selected_for_higher_awards(s: Session, bloc_id: int, year: int, precedence: int) -> list[tuple[int, str]]:
    """(unit id, award name) of units selected this year for an award ranked above ``precedence``."""
    rows = s.exec(
        select(VoteCandidate.unit_id, AwardType.name)
        .join(Vote, col(Vote.id) == col(VoteCandidate.vote_id))
        .join(AwardType, col(AwardType.id) == col(Vote.award_id))
        .where(Vote.bloc_id == bloc_id, Vote.year == year, Vote.kind == "award", Vote.state == "closed",
               col(VoteCandidate.selected).is_(True), col(AwardType.precedence) < precedence)
        .order_by(col(AwardType.precedence), col(Vote.id))
    )
    return [(unit_id, name) for unit_id, name in rows]


def open_vote_count_for_award(s: Session, award_id: int) -> int:
    return s.exec(select(func.count()).select_from(Vote).where(Vote.award_id == award_id, Vote.state == "open")).one()


def open_draft(s: Session, officer_id: int, platform: str, chat_id: str) -> VoteDraft | None:
    return s.exec(select(VoteDraft).where(VoteDraft.officer_id == officer_id, VoteDraft.platform == platform,
                                          VoteDraft.chat_id == chat_id, VoteDraft.state == "open")
                  .order_by(col(VoteDraft.id).desc())).first()
