"""Reads about pledges (giao ước thi đua) and their signatures."""

from __future__ import annotations

from sqlmodel import Session, col, select

from storage.models import Officer, Pledge, PledgeSignature, Unit
from storage.models.pledge import CANCELLED, OPEN


def pledge_of_year(s: Session, bloc_id: int, year: int) -> Pledge | None:
    """The bloc's pledge of a year (a cancelled one does not count)."""
    return s.exec(select(Pledge).where(Pledge.bloc_id == bloc_id, Pledge.year == year,
                                       Pledge.state != CANCELLED)).first()


def open_pledges(s: Session, bloc_id: int) -> list[Pledge]:
    """The bloc's pledges still open for signing, earliest deadline first."""
    return list(s.exec(select(Pledge).where(Pledge.bloc_id == bloc_id, Pledge.state == OPEN)
                       .order_by(col(Pledge.deadline))))


def latest_pledge(s: Session, bloc_id: int) -> Pledge | None:
    return s.exec(select(Pledge).where(Pledge.bloc_id == bloc_id, Pledge.state != CANCELLED)
                  .order_by(col(Pledge.year).desc())).first()


def active_signature(s: Session, pledge_id: int, unit_id: int) -> tuple[PledgeSignature, Officer] | None:
    """The unit's counted signature of the pledge and the officer who signed, if any."""
    row = s.exec(
        select(PledgeSignature, Officer)
        .join(Officer, col(Officer.id) == col(PledgeSignature.officer_id))
        .where(PledgeSignature.pledge_id == pledge_id, PledgeSignature.unit_id == unit_id,
               col(PledgeSignature.withdrawn_at).is_(None))
    ).first()
    return (row[0], row[1]) if row is not None else None


def active_signatures(s: Session, pledge_id: int) -> dict[int, tuple[PledgeSignature, Officer]]:
    """Every counted signature of the pledge, by unit id, with its signer (one query)."""
    rows = s.exec(
        select(PledgeSignature, Officer)
        .join(Officer, col(Officer.id) == col(PledgeSignature.officer_id))
        .where(PledgeSignature.pledge_id == pledge_id, col(PledgeSignature.withdrawn_at).is_(None))
    )
    return {sig.unit_id: (sig, officer) for sig, officer in rows}


def signature_history(s: Session, pledge_id: int) -> list[tuple[PledgeSignature, Officer, Unit]]:
    """All signatures of the pledge, withdrawn ones included, in the order they were made."""
    return [(sig, officer, unit) for sig, officer, unit in s.exec(
        select(PledgeSignature, Officer, Unit)
        .join(Officer, col(Officer.id) == col(PledgeSignature.officer_id))
        .join(Unit, col(Unit.id) == col(PledgeSignature.unit_id))
        .where(PledgeSignature.pledge_id == pledge_id)
        .order_by(col(PledgeSignature.signed_at), col(PledgeSignature.id))
    )]


def pledge_years(s: Session, bloc_id: int) -> list[tuple[int, str]]:
    """(year, state) of the bloc's pledges that were not cancelled, oldest first."""
    return [(y, st) for y, st in s.exec(select(Pledge.year, Pledge.state)
                                        .where(Pledge.bloc_id == bloc_id, Pledge.state != CANCELLED)
                                        .order_by(col(Pledge.year)))]
