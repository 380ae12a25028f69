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

__all__ = [
    "Account",
    "AuditLog",
    "Bloc",
    "BlocChat",
    "JoinRequest",
    "LivePost",
    "Officer",
    "OutboxMessage",
    "ReminderSlot",
    "RoleAssignment",
    "SentReminder",
    "StoredFile",
    "Unit",
    "UnitMembership",
    "UnitOfficer",
]
