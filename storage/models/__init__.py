"""All tables; importing this package registers every table on ``SQLModel.metadata``."""

from typing import Protocol

from storage.models.audit import AuditLog
from storage.models.blocs import (
    Account,
    Bloc,
    BlocChat,
    JoinRequest,
    Officer,
    RoleAssignment,
    Unit,
    UnitMembership,
    UnitOfficer,
)
from storage.models.calendar import Attendance, CalendarItem, CalendarScope, Submission, UnitMark
from storage.models.delivery import BotProcess, LivePost, OutboxMessage, ReminderSlot, SentReminder
from storage.models.files import StoredFile
from storage.models.invites import CodeGuess, InviteCode
from storage.models.platforms import ChoiceMenu, InboundUpdate, SharedFile
from storage.models.pledge import Pledge, PledgeSignature
from storage.models.registration import Registration
from storage.models.reminders import DayOff, ReminderConfig
from storage.models.scores import FormLink, ScoreCheck, ScoreFinal, ScoreSheet, ScoreTable
from storage.models.votes import AwardType, Ballot, BallotSlip, Vote, VoteCandidate, VoteDraft, VoteRules

__all__ = [
    "Account",
    "Attendance",
    "AuditLog",
    "AwardType",
    "Ballot",
    "BallotSlip",
    "Bloc",
    "BlocChat",
    "BotProcess",
    "CalendarItem",
    "CalendarScope",
    "ChoiceMenu",
    "CodeGuess",
    "DayOff",
    "FormLink",
    "InboundUpdate",
    "InviteCode",
    "JoinRequest",
    "LivePost",
    "Officer",
    "OutboxMessage",
    "Pledge",
    "PledgeSignature",
    "Registration",
    "ReminderConfig",
    "ReminderSlot",
    "RoleAssignment",
    "ScoreCheck",
    "ScoreFinal",
    "ScoreSheet",
    "ScoreTable",
    "SentReminder",
    "SharedFile",
    "StoredFile",
    "Submission",
    "Unit",
    "UnitMark",
    "UnitMembership",
    "UnitOfficer",
    "Vote",
    "VoteCandidate",
    "VoteDraft",
    "VoteRules",
    "id_of",
]


class _Stored(Protocol):
    id: int | None


def id_of(row: _Stored) -> int:
    """A stored row's primary key. Rows the services hand around were flushed, so they have one; a
    row without one is a bug, said here rather than as a ``None`` further on."""
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no id yet (not flushed)")
    return row.id
