"""The final answer of the year's votes, per award or role, after run-offs (/results, the minutes,
the proposal letter): which units an award goes to, and the path that led there (first round, then
each run-off), so the record shows exactly how each unit was chosen.

A run-off fills the seats its first round left open, so the units of an award are those selected in
every closed round of its chain. A new first-round vote for the same award (after a void one) starts
the chain again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session

from bot.services.votes.service import AWARD, CLOSED, OPEN, VOID, outcome
from storage.models import Bloc, Unit, Vote, VoteCandidate
from storage.queries.votes import candidates_of, units_by_ids, votes_of_year

DONE, TIED, VOTING, NO_RESULT, NONE_SELECTED = "done", "tied", "voting", "void", "none"


@dataclass(frozen=True)
class Round:
    vote: Vote
    candidates: list[VoteCandidate]
    units: dict[int, Unit]

    def selected(self) -> list[Unit]:
        return [self.units[c.unit_id] for c in self.candidates if c.selected]

    def tied(self) -> list[Unit]:
        return [self.units[c.unit_id] for c in self.candidates if c.tied]


@dataclass
class Final:
    topic: str
    kind: str  # award | head | deputy
    title: str  # the award's name, or the role
    year: int  # the vote's year (awards) or the term's year (roles)
    rounds: list[Round] = field(default_factory=list)

    @property
    def units(self) -> list[Unit]:
        chosen: list[Unit] = []
        for r in self.rounds:
            if r.vote.state == CLOSED:
                chosen += [u for u in r.selected() if u not in chosen]
        return chosen

    @property
    def status(self) -> str:
        last = self.rounds[-1]
        if last.vote.state == OPEN:
            return VOTING
        if last.vote.state == VOID:
            return NO_RESULT
        if outcome(last.vote).runoff and last.tied():
            return TIED
        return DONE if self.units else NONE_SELECTED


def final_results(s: Session, bloc: Bloc, year: int) -> list[Final]:
    """Per topic of the year, in the order the topics were first voted on."""
    assert bloc.id is not None
    votes = votes_of_year(s, bloc.id, year)
    finals: dict[str, Final] = {}
    for vote in votes:
        assert vote.id is not None
        candidates = candidates_of(s, vote.id)
        units = units_by_ids(s, [c.unit_id for c in candidates])
        final = finals.get(vote.topic)
        if final is None or vote.runoff_of is None:
            # A first round (again): the chain starts here.
            final = Final(topic=vote.topic, kind=vote.kind, title=vote.title,
                          year=vote.year if vote.kind == AWARD else (vote.term_year or vote.year))
            finals.pop(vote.topic, None)
            finals[vote.topic] = final
        final.rounds.append(Round(vote, candidates, units))
    return list(finals.values())


def selected_units(s: Session, bloc: Bloc, year: int) -> list[tuple[Final, Unit]]:
    """(award, unit) for every unit finally selected for an award of the year (not roles)."""
    return [(f, u) for f in final_results(s, bloc, year) if f.kind == AWARD for u in f.units]
