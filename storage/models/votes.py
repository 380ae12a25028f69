"""Award nominations and elections by secret ballot (bình xét, suy tôn; bầu Trưởng khối, Phó trưởng khối).

- ``AwardType``: the bloc's award catalog (danh hiệu): name, quota per bloc, precedence (1 = highest).
- ``VoteRules``: the bloc's voting rules (túc số, ngưỡng, tự bầu, loại trừ); no row = the defaults.
- ``Vote``: one ballot: an award nomination, or the election of a year's head or deputy. It keeps a
  snapshot of the rules and of the electorate (the member units when it opened), so later changes
  never alter how a closed vote was decided.
- ``VoteCandidate``: the units on the ballot, numbered as printed; the counts once closed.
- ``Ballot``: a unit's counted ballot while the vote is open: one per (vote, unit), enforced by the
  database; replacing it updates the row. Deleted when the vote closes (see ``BallotSlip``).
- ``BallotSlip``: the counted ballots after closing, anonymous (no unit, no time, no receipt) and
  stored in a random order, so a recount is possible and nobody can tell whose slip is whose.
- ``VoteDraft``: the guided ``/vote`` flow's choices so far, validated on every button press.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, Index, UniqueConstraint, text
from sqlmodel import Field, SQLModel

from storage.models.types import UTCDateTime, utc_now


def _utc(nullable: bool = False) -> Column:
    return Column(UTCDateTime(), nullable=nullable, default=None if nullable else utc_now)


class AwardType(SQLModel, table=True):
    __table_args__ = (
        # One active award per folded name per bloc ("Bằng khen" = "bang khen").
        Index("ux_awardtype_active_name", "bloc_id", "name_key", unique=True,
              sqlite_where=text("active = 1"), postgresql_where=text("active")),
    )

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id", index=True)
    name: str = Field(max_length=200)
    name_key: str = Field(max_length=200)  # lower case, without accents: how names are matched
    quota: int
    precedence: int  # 1 = the highest award; a unit selected for a higher one leaves lower ones' lists
    active: bool = True  # removed awards stay for the votes that used them
    created_at: datetime = Field(sa_column=_utc())


class VoteRules(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("bloc_id", name="uq_voterules_bloc"),)

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id")
    # Shares as ">=2/3" / ">1/2" (see bot.services.tally.Share).
    quorum: str = Field(default=">=2/3", max_length=20)  # of member units casting a ballot
    threshold: str = Field(default=">1/2", max_length=20)  # of all member units approving (awards)
    election: str = Field(default=">1/2", max_length=20)  # of ballots cast (head, deputy)
    self_vote: bool = True
    exclude_higher: bool = True
    # Only units that registered for an award are its candidates (/vote_rules dangky); None: on once
    # a registration exists for the year.
    registration: bool | None = None
    # The minimum settled score (/score_final) to be on an award's ballot (/vote_rules diem); None: off.
    min_score: str | None = Field(default=None, max_length=20)
    updated_at: datetime = Field(sa_column=_utc())


class Vote(SQLModel, table=True):
    __table_args__ = (
        # One open vote per topic (an award of a year, the head or deputy of a year).
        Index("ux_vote_open_topic", "bloc_id", "topic", unique=True,
              sqlite_where=text("state = 'open'"), postgresql_where=text("state = 'open'")),
        Index("ix_vote_bloc_year", "bloc_id", "year"),
        Index("ix_vote_runoff_of", "runoff_of"),
    )

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id")
    year: int  # the bloc's year when the vote was held (/results <year>)
    kind: str = Field(max_length=10)  # award | head | deputy
    award_id: int | None = Field(default=None, foreign_key="awardtype.id")
    term_year: int | None = None  # for head/deputy: the year of the elected role
    title: str = Field(max_length=200)  # the award's name (or the role) when the vote opened
    topic: str = Field(max_length=60)  # "award:3:2026", "head:2027"
    quota: int
    closes_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))  # None: by hand
    state: str = Field(default="open", max_length=10)  # open | closed | void
    runoff_of: int | None = Field(default=None, foreign_key="vote.id")
    round: int = 1
    rules: str  # JSON snapshot of the rules used
    members: int  # size of the electorate
    electorate: str  # JSON list of the member unit ids allowed to vote
    excluded: str = "[]"  # JSON [[unit_id, reason, award]] left off the candidates, for the record
    link: str | None = Field(default=None, max_length=300)  # the ballot's deep link, shown under the post
    opened_at: datetime = Field(sa_column=_utc())
    opened_by_id: int | None = Field(default=None, foreign_key="officer.id")
    closed_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    closed_by_id: int | None = Field(default=None, foreign_key="officer.id")
    cast_count: int | None = None
    blank_count: int | None = None
    # JSON, once closed: receipts (sorted), voted unit ids, quorum/threshold needed, run-off proposal.
    outcome: str | None = None


class VoteCandidate(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("vote_id", "unit_id", name="uq_votecandidate_unit"),
        UniqueConstraint("vote_id", "position", name="uq_votecandidate_position"),
    )

    id: int | None = Field(default=None, primary_key=True)
    vote_id: int = Field(foreign_key="vote.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    position: int  # the number printed on the ballot (1, 2, ...)
    approvals: int | None = None  # set when the vote closes
    selected: bool = False
    tied: bool = False


class Ballot(SQLModel, table=True):
    __table_args__ = (
        # One counted ballot per unit per vote: the database refuses a second one.
        UniqueConstraint("vote_id", "unit_id", name="uq_ballot_vote_unit"),
        UniqueConstraint("vote_id", "receipt", name="uq_ballot_vote_receipt"),
    )

    id: int | None = Field(default=None, primary_key=True)
    vote_id: int = Field(foreign_key="vote.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    choices: str  # JSON sorted candidate positions; [] is a blank ballot
    receipt: str = Field(max_length=12)
    cast_at: datetime = Field(sa_column=_utc())
    cast_by_id: int | None = Field(default=None, foreign_key="officer.id")
    times: int = 1  # 2 after one replacement, ...


class BallotSlip(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    vote_id: int = Field(foreign_key="vote.id", index=True)
    choices: str  # JSON sorted candidate positions


class VoteDraft(SQLModel, table=True):
    __table_args__ = (Index("ix_votedraft_officer_chat", "officer_id", "platform", "chat_id", "state"),)

    id: int | None = Field(default=None, primary_key=True)
    bloc_id: int = Field(foreign_key="bloc.id")
    officer_id: int = Field(foreign_key="officer.id")
    platform: str = Field(max_length=20)
    chat_id: str = Field(max_length=64)
    step: str = Field(default="award", max_length=12)  # award | candidates | time | confirm
    award_id: int | None = Field(default=None, foreign_key="awardtype.id")
    shortlist: str | None = None  # JSON unit ids; None = every eligible member unit
    closes_at: datetime | None = Field(default=None, sa_column=_utc(nullable=True))
    by_hand: bool = False
    state: str = Field(default="open", max_length=10)  # open | done | cancelled
    created_at: datetime = Field(sa_column=_utc())
