"""Join requests after they are filed: the pending list (/requests), closing a request that is no
longer needed (the person joined with a code, or asked again), and expiry after seven days.

A request's group post is a live post (kind ``join``): whatever closes the request, from any
platform, the post loses its buttons and says what happened on the scheduler's next pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from bot.i18n import t
from bot.services.delivery import live, outbox
from storage.models import Account, Bloc, JoinRequest, Officer, Unit, id_of
from storage.queries.blocs import accounts_of_officers

KIND = "join"  # live posts of join requests
EXPIRY = timedelta(days=7)
REPOST_AFTER = timedelta(hours=1)  # /join again for the same unit within this: "still waiting"

PENDING, APPROVED, REJECTED, CANCELLED, EXPIRED = "pending", "approved", "rejected", "cancelled", "expired"


@dataclass(frozen=True)
class PendingRequest:
    request: JoinRequest
    unit: Unit
    officer: Officer


def pending_of_bloc(s: Session, bloc: Bloc) -> list[PendingRequest]:
    """The bloc's pending requests, oldest first, with the unit and the person who asked."""
    rows = s.exec(
        select(JoinRequest, Unit, Officer)
        .join(Unit, col(Unit.id) == JoinRequest.unit_id)
        .join(Officer, col(Officer.id) == JoinRequest.officer_id)
        .where(JoinRequest.bloc_id == id_of(bloc), JoinRequest.status == PENDING)
        .order_by(col(JoinRequest.created_at), col(JoinRequest.id))
    )
    return [PendingRequest(r, u, o) for r, u, o in rows]


def close(s: Session, request: JoinRequest, *, status: str, by: int | None, now: datetime) -> None:
    """Ends a pending request without a decision (cancelled, expired); its post is brought up to date."""
    request.status, request.decided_at, request.decided_by_id = status, now, by
    s.add(request)
    live.mark_dirty(s, kind=KIND, item_id=id_of(request), now=now)


def close_pending_of(s: Session, *, bloc_id: int, officer_id: int, now: datetime) -> None:
    """The person now acts for a unit another way (an invitation code): their request is moot."""
    for request in s.exec(select(JoinRequest).where(JoinRequest.bloc_id == bloc_id,
                                                    JoinRequest.officer_id == officer_id,
                                                    JoinRequest.status == PENDING)):
        close(s, request, status=CANCELLED, by=officer_id, now=now)


@dataclass(frozen=True)
class Expired:
    request: JoinRequest
    told: int  # private messages queued to the person who asked


def expire(s: Session, now: datetime, limit: int = 500) -> list[Expired]:
    """Requests pending for seven days expire; the person who asked is told privately how to ask
    again. Run by the scheduler's hourly housekeeping, so a request expires within the hour."""
    stale = list(s.exec(select(JoinRequest).where(JoinRequest.status == PENDING,
                                                  col(JoinRequest.created_at) <= now - EXPIRY)
                        .order_by(col(JoinRequest.id)).limit(limit)))
    out: list[Expired] = []
    for request in stale:
        close(s, request, status=EXPIRED, by=None, now=now)
        out.append(Expired(request, _tell_expired(s, request, now)))
    return out


def _tell_expired(s: Session, request: JoinRequest, now: datetime) -> int:
    bloc, unit = s.get(Bloc, request.bloc_id), s.get(Unit, request.unit_id)
    assert bloc is not None and unit is not None
    text = t(bloc.language, "join.expired_dm", code=unit.code, unit=unit.name, bloc=bloc.name,
             days=EXPIRY.days)
    accounts: list[Account] = accounts_of_officers(s, [request.officer_id]).get(request.officer_id, [])
    items = [outbox.Outgoing(f"join{request.id}:expired:{a.id}", a.platform, a.private_chat_id, text, bloc.id, a.id)
             for a in accounts if a.private_chat_id is not None and a.private_status == "open"]
    return outbox.enqueue_many(s, items, now)
