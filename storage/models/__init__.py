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
from storage.models.delivery import LivePost, OutboxMessage, ReminderSlot, SentReminder
from storage.models.files import StoredFile
from storage.models.pledge import Pledge, PledgeSignature
from storage.models.reminders import ReminderConfig
from storage.models.votes import AwardType, Ballot, BallotSlip, Vote, VoteCandidate, VoteDraft, VoteRules

__all__ = [
    "Account",
    "AuditLog",
    "AwardType",
    "Ballot",
    "BallotSlip",
    "Bloc",
    "BlocChat",
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
    "StoredFile",
    "Unit",
    "UnitMembership",
    "UnitOfficer",
    "Vote",
    "VoteCandidate",
    "VoteDraft",
    "VoteRules",
]
