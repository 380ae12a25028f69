"""The bloc's voting rules (quy chế bỏ phiếu), set with /vote_rules.

Defaults: valid when at least 2/3 of member units cast a ballot; a candidate is selected with the
approval of more than half of all member units; the head and deputy need more than half of the
ballots cast; a unit may vote for itself; a unit already selected for a higher award this year is
left off lower awards' candidates. A vote keeps a snapshot of the rules it opened with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from sqlmodel import Session

from bot.errors import UserError
from bot.services.audit import Actor, record
from bot.services.votes.tally import OVER_HALF, TWO_THIRDS, Share, percent_text
from bot.text import fold
from storage.models import Bloc, VoteRules, id_of
from storage.queries.votes import rules_row


@dataclass(frozen=True)
class BlocRules:
    quorum: Share = TWO_THIRDS
    threshold: Share = OVER_HALF
    election: Share = OVER_HALF
    self_vote: bool = True
    exclude_higher: bool = True
    # Only units that registered for an award are its candidates; None: on once the year has a registration.
    registration: bool | None = None
    # Units below this settled score are left off award ballots (/vote_rules diem <n>); None: off.
    min_score: Decimal | None = None


DEFAULT_RULES = BlocRules()

# The words officers type for each rule (without accents), and English.
RULE_KEYS: dict[str, str] = {
    "tucso": "quorum", "quorum": "quorum",
    "nguong": "threshold", "threshold": "threshold",
    "bau": "election", "baucu": "election", "election": "election",
    "tubau": "self_vote", "self": "self_vote", "selfvote": "self_vote",
    "loaitru": "exclude_higher", "exclude": "exclude_higher",
    "dangky": "registration", "registration": "registration", "registered": "registration",
    "diem": "min_score", "score": "min_score", "minscore": "min_score",
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
                     election=Share.parse(row.election), self_vote=row.self_vote, exclude_higher=row.exclude_higher,
                     registration=row.registration,
                     min_score=Decimal(row.min_score) if row.min_score else None)


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


def _min_score(raw: str) -> Decimal | None:
    """``diem 80`` / ``diem 80,5``; ``diem khong`` turns the rule off."""
    word = fold(raw).replace(" ", "")
    if word in _NO:
        return None
    try:
        value = Decimal(word.replace(",", "."))
    except InvalidOperation:
        raise UserError("rules.bad_score", value=raw.strip()[:20]) from None
    if value <= 0 or value > 10_000 or (value * 4) != (value * 4).to_integral_value():
        raise UserError("rules.bad_score", value=raw.strip()[:20])
    return value


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
    if name == "quorum":
        updated = replace(current, quorum=parse_share(value, default_strict=DEFAULT_RULES.quorum.strict))
    elif name == "threshold":
        updated = replace(current, threshold=parse_share(value, default_strict=DEFAULT_RULES.threshold.strict))
    elif name == "election":
        updated = replace(current, election=parse_share(value, default_strict=DEFAULT_RULES.election.strict))
    elif name == "self_vote":
        updated = replace(current, self_vote=_flag(value))
    elif name == "registration":
        updated = replace(current, registration=_flag(value))
    elif name == "min_score":
        updated = replace(current, min_score=_min_score(value))
    else:
        updated = replace(current, exclude_higher=_flag(value))
    if row is None:
        row = VoteRules(bloc_id=bloc.id, updated_at=now)
    row.quorum, row.threshold, row.election = updated.quorum.text(), updated.threshold.text(), updated.election.text()
    row.self_vote, row.exclude_higher, row.updated_at = updated.self_vote, updated.exclude_higher, now
    row.registration = updated.registration
    row.min_score = str(updated.min_score) if updated.min_score is not None else None
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


def rules_of_bloc(s: Session, bloc: Bloc) -> BlocRules:
    return rules_of(s, id_of(bloc))
