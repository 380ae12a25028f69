"""Counting a secret ballot (kiểm phiếu): pure functions, exact fractions, no database.

Input: the number of member units (the electorate), the candidates, the counted ballots (one per
voting unit: the set of candidates it approved, empty for a blank ballot), the quota (how many
units the award goes to) and the rules. Output: counts, turnout, whether the quorum was met,
who is selected and who is tied at the quota boundary (and so needs a run-off).

Rules (configurable per bloc; the defaults follow common provincial regulations):

- quorum (túc số): the vote is valid when ``cast >= 2/3 * members`` (or ``>`` when strict);
- threshold (ngưỡng): a candidate is eligible when ``approvals > 1/2 * base``, where base is all
  member units for awards, the ballots cast for the election of the head and deputy;
- the eligible candidates are ranked by approvals and fill the quota; equal counts at the last
  seat that do not all fit are a tie at the boundary (⚖️), settled by a run-off among them;
- a run-off of an election is decided by the most votes (``plurality``), so it always ends unless
  the votes are exactly equal again.

Everything is compared with :class:`fractions.Fraction` (``count * den > num * base``), so 2/3 of
9 is exactly 6 and no float rounding can move a unit across a threshold.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

BASE_MEMBERS = "members"
BASE_CAST = "cast"


@dataclass(frozen=True)
class Share:
    """A fraction with its comparison: ``>= 2/3`` (``strict=False``) or ``> 1/2`` (``strict=True``)."""

    value: Fraction
    strict: bool

    def __post_init__(self) -> None:
        if not (0 < self.value <= 1) or (self.strict and self.value == 1):
            raise ValueError(f"share out of range: {self}")

    def passes(self, count: int, base: int) -> bool:
        """Whether ``count`` out of ``base`` reaches the share (exactly, in integers)."""
        left, right = count * self.value.denominator, self.value.numerator * base
        return left > right if self.strict else left >= right

    def needed(self, base: int) -> int:
        """The smallest count that passes out of ``base`` (may exceed ``base``: then none can pass)."""
        exact = self.value * base
        if self.strict:
            return int(exact // 1) + 1
        return -(-exact.numerator // exact.denominator)  # ceiling

    def text(self) -> str:
        return f"{'>' if self.strict else '>='}{self.value.numerator}/{self.value.denominator}"

    @classmethod
    def parse(cls, text: str) -> Share:
        """``>=2/3`` or ``>1/2`` as stored in a rules snapshot."""
        strict = not text.startswith(">=")
        body = text[1:] if strict else text[2:]
        return cls(Fraction(body), strict)


# The defaults: at least two thirds cast a ballot; more than half approve.
TWO_THIRDS = Share(Fraction(2, 3), strict=False)
OVER_HALF = Share(Fraction(1, 2), strict=True)


@dataclass(frozen=True)
class Rules:
    quorum: Share = TWO_THIRDS
    threshold: Share = OVER_HALF
    base: str = BASE_MEMBERS  # members | cast
    # A run-off of an election: the most votes wins, whatever the share.
    plurality: bool = False
    # Elections propose a run-off between the top ones when nobody reached the threshold.
    runoff_when_unfilled: bool = False


@dataclass(frozen=True)
class Tally:
    members: int
    cast: int
    blank: int
    quota: int
    counts: dict[int, int]
    quorum_needed: int
    quorum_met: bool
    # Approvals a candidate needs (members-based: known before; cast-based: after counting).
    threshold_needed: int
    eligible: tuple[int, ...]  # passed the threshold, best first
    selected: tuple[int, ...]
    tied: tuple[int, ...]  # tied at the quota boundary
    runoff: tuple[int, ...]  # proposed for a run-off (the tied, or an election's top ones)
    order: tuple[int, ...] = field(default=())  # every candidate, by approvals then as listed

    @property
    def void(self) -> bool:
        return not self.quorum_met


class BallotError(ValueError):
    """A ballot the tally must not count (the services refuse it before it is stored)."""


def check_ballot(ballot: Iterable[int], candidates: Sequence[int], quota: int) -> frozenset[int]:
    chosen = frozenset(ballot)
    if len(chosen) > quota:
        raise BallotError(f"{len(chosen)} choices for a quota of {quota}")
    unknown = chosen - set(candidates)
    if unknown:
        raise BallotError(f"not candidates: {sorted(unknown)}")
    return chosen


def last_ballots(events: Iterable[tuple[int, frozenset[int]]]) -> dict[int, frozenset[int]]:
    """The counted ballot of each unit from its casts in order: the last one replaces the earlier."""
    out: dict[int, frozenset[int]] = {}
    for unit, ballot in events:
        out[unit] = ballot
    return out


def count(members: int, candidates: Sequence[int], ballots: Mapping[int, Iterable[int]] | Iterable[Iterable[int]],
          quota: int, rules: Rules) -> Tally:
    """Counts the ballots. ``ballots`` maps each voting unit to its choices (one ballot per unit by
    construction), or is a plain collection of already anonymous ballots (one per voting unit)."""
    if quota < 1:
        raise ValueError("quota must be at least 1")
    if len(set(candidates)) != len(candidates):
        raise ValueError("a candidate is listed twice")
    slips = list(ballots.values()) if isinstance(ballots, Mapping) else list(ballots)
    if len(slips) > members:
        raise BallotError(f"{len(slips)} ballots for {members} member units")
    counts = dict.fromkeys(candidates, 0)
    blank = 0
    for slip in slips:
        chosen = check_ballot(slip, candidates, quota)
        if not chosen:
            blank += 1
        for candidate in chosen:
            counts[candidate] += 1
    cast = len(slips)
    position = {c: i for i, c in enumerate(candidates)}
    order = tuple(sorted(candidates, key=lambda c: (-counts[c], position[c])))
    quorum_needed = rules.quorum.needed(members)
    quorum_met = rules.quorum.passes(cast, members)
    base = cast if rules.base == BASE_CAST else members
    threshold_needed = 1 if rules.plurality else rules.threshold.needed(base)
    if not quorum_met:
        return Tally(members, cast, blank, quota, counts, quorum_needed, False, threshold_needed,
                     (), (), (), (), order)
    if rules.plurality:
        eligible = tuple(c for c in order if counts[c] > 0)
    else:
        eligible = tuple(c for c in order if rules.threshold.passes(counts[c], base))
    selected, tied = _fill(eligible, counts, quota)
    runoff = tied
    if not runoff and not selected and rules.runoff_when_unfilled:
        runoff = _top_two(order, counts)
    return Tally(members, cast, blank, quota, counts, quorum_needed, True, threshold_needed,
                 eligible, selected, tied, runoff, order)


def _fill(eligible: tuple[int, ...], counts: Mapping[int, int], quota: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The best ``quota`` of the eligible; equal counts that straddle the last seat are tied."""
    if len(eligible) <= quota:
        return eligible, ()
    boundary = counts[eligible[quota - 1]]
    above = tuple(c for c in eligible if counts[c] > boundary)
    at = tuple(c for c in eligible if counts[c] == boundary)
    if len(above) + len(at) <= quota:
        return above + at, ()
    return above, at


def _top_two(order: tuple[int, ...], counts: Mapping[int, int]) -> tuple[int, ...]:
    """An election without a winner: the candidates of the two best counts (all of the best if tied),
    leaving out those nobody voted for."""
    voted = [c for c in order if counts[c] > 0]
    if not voted:
        return ()
    levels = sorted({counts[c] for c in voted}, reverse=True)
    best = [c for c in voted if counts[c] == levels[0]]
    if len(best) >= 2 or len(levels) == 1:
        return tuple(best)
    return tuple(best + [c for c in voted if counts[c] == levels[1]])


def percent_text(value: Fraction, lang: str) -> str:
    """77,8% (vi) / 77.8% (en): one decimal, rounded half up, exact until printed."""
    tenths = value * 1000
    rounded = (tenths.numerator * 2 + tenths.denominator) // (2 * tenths.denominator)
    whole, decimal = divmod(rounded, 10)
    sep = "," if lang == "vi" else "."
    return f"{whole}{sep}{decimal}%" if decimal else f"{whole}%"
