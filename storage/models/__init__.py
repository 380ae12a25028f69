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
from storage.models.invites import InviteCode
from storage.models.platforms import ChoiceMenu, InboundUpdate, SharedFile
from storage.models.reminders import ReminderConfig

__all__ = [
    "Account",
    "AuditLog",
    "Bloc",
    "BlocChat",
    "ChoiceMenu",
    "InboundUpdate",
    "InviteCode",
    "JoinRequest",
    "LivePost",
    "Officer",
    "OutboxMessage",
    "ReminderConfig",
    "ReminderSlot",
    "RoleAssignment",
    "SentReminder",
    "SharedFile",
    "StoredFile",
    "Unit",
    "UnitMembership",
    "UnitOfficer",
]
