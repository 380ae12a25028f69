"""The bloc's award catalog (danh hiệu thi đua) and voting rules (quy chế bỏ phiếu).

Defaults are seeded on first use: Cờ thi đua của Chính phủ (1), Cờ thi đua của UBND tỉnh (1),
Bằng khen của Chủ tịch UBND tỉnh (2). Rules default to: valid when at least 2/3 of member units cast
a ballot; a candidate is selected with the approval of more than half of all member units; the
head and deputy need more than half of the ballots cast; a unit may vote for itself; a unit already
selected for a higher award this year is left off lower awards' candidates.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from bot.errors import UserError
from bot.services.audit import Actor, record
from bot.services.blocs import clean_name
from bot.services.tally import OVER_HALF, TWO_THIRDS, Share, percent_text
from storage.models import AwardType, Bloc, VoteRules
from storage.queries.votes import any_award_row, awards_of, open_vote_count_for_award, rules_row

DEFAULT_AWARDS: tuple[tuple[str, int], ...] = (
    ("Cờ thi đua của Chính phủ", 1),
    ("Cờ thi đua của UBND tỉnh", 1),
    ("Bằng khen của Chủ tịch UBND tỉnh", 2),
)
QUOTA_MAX = 20
AWARDS_MAX = 30


def fold(text: str) -> str:
    """Lower case without accents, spaces folded: "Bằng  khen" -> "bang khen" (đ -> d)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().split())


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


# --- the voting rules ----------------------------------------------------------------------------

@dataclass(frozen=True)
class BlocRules:
    quorum: Share = TWO_THIRDS
    threshold: Share = OVER_HALF
    election: Share = OVER_HALF
    self_vote: bool = True
    exclude_higher: bool = True


DEFAULT_RULES = BlocRules()

# The words officers type for each rule (without accents), and English.
RULE_KEYS: dict[str, str] = {
    "tucso": "quorum", "quorum": "quorum",
    "nguong": "threshold", "threshold": "threshold",
    "bau": "election", "baucu": "election", "election": "election",
    "tubau": "self_vote", "self": "self_vote", "selfvote": "self_vote",
    "loaitru": "exclude_higher", "exclude": "exclude_higher",
}
RESET_WORDS = ("macdinh", "default")
_YES = ("co", "yes", "on", "bat", "true", "1", "duoc")
_NO = ("khong", "no", "off", "tat", "false", "0")
_SHARE = re.compile(r"^(>=|≥|=>|>)?\s*(?:(\d{1,3})\s*/\s*(\d{1,3})|(\d{1,3}(?:[.,]\d{1,2})?)\s*%)$")


def rules_of(s: Session, bloc_id: int) -> BlocRules:
    row = rules_row(s, bloc_id)
    if row is None:
        return DEFAULT_RULES
    return BlocRules(quorum=Share.parse(row.quorum), threshold=Share.parse(row.threshold),
                     election=Share.parse(row.election), self_vote=row.self_vote, exclude_higher=row.exclude_higher)


def parse_share(raw: str, *, default_strict: bool) -> Share:
    """``2/3``, ``>=2/3``, ``>1/2``, ``50%``, ``>50%``, ``66,7%``; the default comparison is the rule's own."""
    match = _SHARE.match(raw.strip().replace(" ", ""))
    if match is None:
        raise UserError("rules.bad_share", value=raw.strip()[:30])
    op, num, den, percent = match.groups()
    try:
        value = Fraction(int(num), int(den)) if num else Fraction(Decimal(percent.replace(",", "."))) / 100
    except (ZeroDivisionError, InvalidOperation) as exc:
        raise UserError("rules.bad_share", value=raw.strip()[:30]) from exc
    strict = default_strict if op is None else op == ">"
    try:
        return Share(value, strict)
    except ValueError as exc:
        raise UserError("rules.bad_share", value=raw.strip()[:30]) from exc


def _flag(raw: str) -> bool:
    word = fold(raw).replace(" ", "")
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise UserError("rules.bad_flag", value=raw.strip()[:30])


def set_rule(s: Session, *, bloc: Bloc, key: str, value: str, actor: Actor, now: datetime) -> BlocRules:
    """Changes one rule (or resets them all); votes already open keep the rules they opened with."""
    assert bloc.id is not None
    word = fold(key).replace(" ", "").replace("_", "")
    row = rules_row(s, bloc.id)
    if word in RESET_WORDS:
        if row is not None:
            s.delete(row)
        record(s, bloc_id=bloc.id, actor=actor, action="rules.reset", at=now)
        return DEFAULT_RULES
    name = RULE_KEYS.get(word)
    if name is None:
        raise UserError("rules.unknown_key", value=key[:30])
    if not value.strip():
        raise UserError("rules.usage")
    current = rules_of(s, bloc.id)
    if name in ("quorum", "threshold", "election"):
        default_strict = getattr(DEFAULT_RULES, name).strict
        updated = replace(current, **{name: parse_share(value, default_strict=default_strict)})
    else:
        updated = replace(current, **{name: _flag(value)})
    if row is None:
        row = VoteRules(bloc_id=bloc.id, updated_at=now)
    row.quorum, row.threshold, row.election = updated.quorum.text(), updated.threshold.text(), updated.election.text()
    row.self_vote, row.exclude_higher, row.updated_at = updated.self_vote, updated.exclude_higher, now
    s.add(row)
    s.flush()
    record(s, bloc_id=bloc.id, actor=actor, action="rules.set", at=now, rule=name, value=value.strip()[:30])
    return updated


def share_words(share: Share, lang: str) -> str:
    """"từ 2/3 trở lên" / "trên 1/2": the comparison and fraction in words (for /vote_rules and posts)."""
    value = share.value
    frac = f"{value.numerator}/{value.denominator}" if value.denominator <= 12 else percent_text(value, lang)
    if lang == "vi":
        return f"trên {frac}" if share.strict else f"từ {frac} trở lên"
    return f"more than {frac}" if share.strict else f"at least {frac}"
