"""Settings of a bloc's documents (/place) and the files of a year's documents."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.errors import UserError
from bot.services.audit import Actor, record
from storage.models import Bloc

PLACE_MAX = 60


def set_place(s: Session, *, bloc: Bloc, place: str, actor: Actor, now: datetime) -> Bloc:
    """The place name on the date line of the bloc's documents ("Yên Bái, ngày …")."""
    clean = " ".join(place.split())
    if not clean or len(clean) > PLACE_MAX or any(ch in clean for ch in ",;|/\\"):
        raise UserError("place.bad", max=PLACE_MAX)
    if clean == bloc.place:
        raise UserError("place.unchanged", place=clean)
    previous, bloc.place = bloc.place, clean
    s.add(bloc)
    record(s, bloc_id=bloc.id, actor=actor, action="bloc.place", at=now, place=clean, previous=previous)
    return bloc
