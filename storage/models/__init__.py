"""All tables; importing this package registers every table on ``SQLModel.metadata``."""

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
from storage.models.delivery import LivePost, OutboxMessage, ReminderSlot, SentReminder
from storage.models.files import StoredFile
from storage.models.invites import InviteCode
from storage.models.platforms import ChoiceMenu, InboundUpdate, SharedFile
from storage.models.pledge import Pledge, PledgeSignature
from storage.models.reminders import ReminderConfig
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
    "CalendarItem",
    "CalendarScope",
    "ChoiceMenu",
    "InboundUpdate",
    "InviteCode",
    "JoinRequest",
    "LivePost",
    "Officer",
    "OutboxMessage",
    "Pledge",
    "PledgeSignature",
    "ReminderConfig",
    "ReminderSlot",
    "RoleAssignment",
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
]
