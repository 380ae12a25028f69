"""The bloc's award catalog (danh hiệu thi đua, hình thức khen thưởng).

Defaults are seeded on first use: Cờ thi đua của Chính phủ (1), Cờ thi đua của UBND tỉnh (1),
Bằng khen của Chủ tịch UBND tỉnh (2). The voting rules are in :mod:`bot.services.votes.rules`.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from bot.errors import UserError
from bot.services.audit import Actor, record
from bot.services.blocs.service import clean_name
from bot.text import fold
from storage.models import AwardType, Bloc
from storage.queries.votes import any_award_row, awards_of, open_vote_count_for_award

DEFAULT_AWARDS: tuple[tuple[str, int], ...] = (
    ("Cờ thi đua của Chính phủ", 1),
    ("Cờ thi đua của UBND tỉnh", 1),
    ("Bằng khen của Chủ tịch UBND tỉnh", 2),
)
QUOTA_MAX = 20
AWARDS_MAX = 30


# --- the award catalog ---------------------------------------------------------------------------

def catalog(s: Session, bloc: Bloc, now: datetime) -> list[AwardType]:
    """The bloc's awards, highest first; the defaults are written the first time it is read."""
    assert bloc.id is not None
    if not any_award_row(s, bloc.id):
        try:
            with s.begin_nested():
                for precedence, (name, quota) in enumerate(DEFAULT_AWARDS, start=1):
                    s.add(AwardType(bloc_id=bloc.id, name=name, name_key=fold(name), quota=quota,
                                    precedence=precedence, created_at=now))
        except IntegrityError:
            pass  # a concurrent first reader seeded them
    return awards_of(s, bloc.id)


def find_award(s: Session, bloc: Bloc, ref: str, now: datetime) -> AwardType:
    """An award by its number in /awards or by its name (case and accents ignored; a unique part will do)."""
    awards = catalog(s, bloc, now)
    text = ref.strip().lstrip("#")
    if not text:
        raise UserError("award.unknown", value=ref[:60], names=_names(awards))
    if text.isdigit():
        index = int(text)
        if 1 <= index <= len(awards):
            return awards[index - 1]
        raise UserError("award.unknown", value=ref[:60], names=_names(awards))
    key = fold(text)
    exact = [a for a in awards if a.name_key == key]
    if exact:
        return exact[0]
    partial = [a for a in awards if key in a.name_key]
    if len(partial) == 1:
        return partial[0]
    if len(partial) > 1:
        raise UserError("award.ambiguous", value=ref[:60], names=_names(partial))
    raise UserError("award.unknown", value=ref[:60], names=_names(awards))


def _names(awards: list[AwardType]) -> str:
    return "; ".join(f"{i}. {a.name}" for i, a in enumerate(awards, start=1))


def parse_quota(raw: str) -> int:
    text = raw.strip()
    if not text.isdigit() or not 1 <= int(text) <= QUOTA_MAX:
        raise UserError("award.bad_quota", value=text[:20], max=QUOTA_MAX)
    return int(text)


def _renumber(s: Session, awards: list[AwardType]) -> None:
    for precedence, award in enumerate(awards, start=1):
        if award.precedence != precedence:
            award.precedence = precedence
            s.add(award)


def add_award(s: Session, *, bloc: Bloc, name: str, quota: int, position: int | None, actor: Actor,
              now: datetime) -> AwardType:
    assert bloc.id is not None
    awards = catalog(s, bloc, now)
    clean = clean_name(name)
    if not clean:
        raise UserError("awards.usage")
    if len(awards) >= AWARDS_MAX:
        raise UserError("award.too_many", max=AWARDS_MAX)
    key = fold(clean)
    if any(a.name_key == key for a in awards):
        raise UserError("award.duplicate", name=clean)
    at = len(awards) + 1 if position is None else max(1, min(position, len(awards) + 1))
    award = AwardType(bloc_id=bloc.id, name=clean, name_key=key, quota=quota, precedence=at, created_at=now)
    for other in awards:
        if other.precedence >= at:
            other.precedence += 1
            s.add(other)
    s.add(award)
    try:
        s.flush()
    except IntegrityError as exc:
        raise UserError("award.duplicate", name=clean) from exc
    record(s, bloc_id=bloc.id, actor=actor, action="award.add", at=now, name=clean, quota=quota, precedence=at)
    return award


def set_quota(s: Session, *, bloc: Bloc, ref: str, quota: int, actor: Actor, now: datetime) -> AwardType:
    award = find_award(s, bloc, ref, now)
    old = award.quota
    award.quota = quota
    s.add(award)
    record(s, bloc_id=bloc.id, actor=actor, action="award.quota", at=now, name=award.name, old=old, new=quota)
    return award


def move_award(s: Session, *, bloc: Bloc, ref: str, position: int, actor: Actor, now: datetime) -> AwardType:
    award = find_award(s, bloc, ref, now)
    awards = [a for a in catalog(s, bloc, now) if a.id != award.id]
    at = max(1, min(position, len(awards) + 1))
    awards.insert(at - 1, award)
    old = award.precedence
    _renumber(s, awards)
    record(s, bloc_id=bloc.id, actor=actor, action="award.move", at=now, name=award.name, old=old, new=at)
    return award


def remove_award(s: Session, *, bloc: Bloc, ref: str, actor: Actor, now: datetime) -> AwardType:
    award = find_award(s, bloc, ref, now)
    assert award.id is not None
    if open_vote_count_for_award(s, award.id):
        raise UserError("award.in_use", name=award.name)
    award.active = False
    s.add(award)
    s.flush()
    _renumber(s, catalog(s, bloc, now))
    record(s, bloc_id=bloc.id, actor=actor, action="award.remove", at=now, name=award.name)
    return award
