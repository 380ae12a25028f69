"""Writing the audit trail (nhật ký)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert
from sqlmodel import Session

from storage.models import Account, AuditLog, Officer


@dataclass(frozen=True)
class Actor:
    """Who asked for a change: a person through one of their accounts, or the system."""

    officer: Officer | None
    account: Account | None = None
    # A person the bot has no record of yet (nothing they did needed one): their shown name.
    stranger: str | None = None

    @property
    def officer_id(self) -> int | None:
        return self.officer.id if self.officer else None

    @property
    def name(self) -> str:
        if self.officer is not None:
            return self.officer.display_name
        return self.stranger or "KhốiBot"

    @property
    def label(self) -> str:
        if self.officer is None:
            return f"stranger {self.stranger}" if self.stranger else "system"
        if self.account is None:
            return self.officer.display_name
        return f"{self.officer.display_name} ({self.account.platform}:{self.account.platform_user_id})"


SYSTEM = Actor(officer=None)


def record(s: Session, *, bloc_id: int | None, actor: Actor, action: str, at: datetime, **details: object) -> None:
    """Appends one audit row in the caller's transaction. ``details`` must never carry a ballot's content.

    A plain INSERT rather than an ORM object: nothing reads the row back, and every change writes one.
    """
    s.connection().execute(_INSERT, {"bloc_id": bloc_id, "at": at, "actor_officer_id": actor.officer_id, "actor": actor.label[:300],
                        "action": action, "details": json.dumps(details, ensure_ascii=False, default=str, sort_keys=True)})


_INSERT = insert(AuditLog)
