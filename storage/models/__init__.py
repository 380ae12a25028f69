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

__all__ = [
    "Account",
    "AuditLog",
    "Bloc",
    "BlocChat",
    "JoinRequest",
    "Officer",
    "RoleAssignment",
    "Unit",
    "UnitMembership",
    "UnitOfficer",
]
