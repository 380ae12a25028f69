"""The tally (kiểm phiếu) as pure functions: examples from the domain, then properties (hypothesis)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.services.votes.tally import BASE_CAST, BallotError, Rules, Share, count, last_ballots, percent_text

AWARD = Rules()
ELECTION = Rules(base=BASE_CAST, runoff_when_unfilled=True)
RUNOFF = Rules(base=BASE_CAST, plurality=True)
NINE = list(range(1, 10))


def test_two_thirds_of_nine_is_exactly_six_and_more_than_half_is_five() -> None:
    assert AWARD.quorum.needed(9) == 6
    assert AWARD.threshold.needed(9) == 5
    assert AWARD.threshold.needed(10) == 6  # 5 of 10 is not more than half
    assert AWARD.quorum.needed(12) == 8
    assert Share(Fraction(2, 3), strict=True).needed(9) == 7
    assert Share.parse(">=2/3") == AWARD.quorum and Share.parse(">1/2") == AWARD.threshold


def test_quorum_missed_voids_the_vote() -> None:
    result = count(9, NINE, {u: {1} for u in range(1, 6)}, 1, AWARD)  # 5 of 9 voted
    assert result.void and result.cast == 5 and result.quorum_needed == 6
    assert result.selected == () and result.tied == ()


def test_flag_goes_to_the_unit_approved_by_more_than_half() -> None:
    ballots = {1: {2}, 2: {2}, 3: {2}, 4: {2}, 5: {2}, 6: {3}, 7: set()}
    result = count(9, NINE, ballots, 1, AWARD)
    assert result.quorum_met and result.cast == 7 and result.blank == 1
    assert result.counts[2] == 5 and result.selected == (2,) and result.tied == ()


def test_nobody_selected_below_the_threshold() -> None:
    ballots = {1: {2}, 2: {2}, 3: {2}, 4: {2}, 5: {3}, 6: {3}, 7: {3}}
    result = count(9, NINE, ballots, 1, AWARD)
    assert result.selected == () and result.runoff == ()  # 4/9 is not more than half


def test_a_tie_at_the_boundary_is_reported() -> None:
    # Quota 2: 6, 5 and 4 approvals: the two best are selected.
    ballots = {1: {1, 2}, 2: {1, 2}, 3: {1, 2}, 4: {1, 3}, 5: {1, 3}, 6: {2, 3}, 7: {2, 3}, 8: {1}}
    result = count(9, NINE, ballots, 2, AWARD)
    assert (result.counts[1], result.counts[2], result.counts[3]) == (6, 5, 4)
    assert result.selected == (1, 2) and result.tied == ()
    # 5, 5 and 5: three units tied for two seats.
    ballots = {1: {1, 2}, 2: {1, 2}, 3: {1, 3}, 4: {1, 3}, 5: {2, 3}, 6: {2, 3}, 7: {1}, 8: {2, 3}}
    result = count(9, NINE, ballots, 2, AWARD)
    assert (result.counts[1], result.counts[2], result.counts[3]) == (5, 5, 5)
    assert result.selected == () and result.tied == (1, 2, 3) and result.runoff == (1, 2, 3)


def test_election_majority_of_ballots_cast_and_runoff_between_the_top_two() -> None:
    ballots = {1: {1}, 2: {1}, 3: {1}, 4: {2}, 5: {2}, 6: {3}, 7: set()}
    result = count(9, NINE, ballots, 1, ELECTION)
    assert result.threshold_needed == 4 and result.selected == ()
    assert result.runoff == (1, 2)
    ballots[7] = {1}
    result = count(9, NINE, ballots, 1, ELECTION)
    assert result.selected == (1,)
    # The run-off is decided by the most votes; an exact tie stays a tie.
    assert count(9, [1, 2], {1: {1}, 2: {1}, 3: {2}, 4: set(), 5: set(), 6: set()}, 1, RUNOFF).selected == (1,)
    assert count(9, [1, 2], {1: {1}, 2: {2}, 3: {1}, 4: {2}, 5: set(), 6: set()}, 1, RUNOFF).tied == (1, 2)


def test_bad_ballots_are_refused() -> None:
    with pytest.raises(BallotError):
        count(9, NINE, {1: {1, 2}}, 1, AWARD)
    with pytest.raises(BallotError):
        count(9, NINE, {1: {42}}, 1, AWARD)
    with pytest.raises(BallotError):
        count(2, NINE, {1: {1}, 2: {1}, 3: {1}}, 1, AWARD)


def test_percentages_are_rounded_half_up_from_exact_values() -> None:
    assert percent_text(Fraction(7, 9), "vi") == "77,8%"
    assert percent_text(Fraction(2, 3), "en") == "66.7%"
    assert percent_text(Fraction(1, 8), "vi") == "12,5%"
    assert percent_text(Fraction(1, 1), "vi") == "100%"
    assert percent_text(Fraction(0), "vi") == "0%"


# --- properties ------------------------------------------------------------------------------

@st.composite
def elections(draw):
    members = draw(st.integers(min_value=1, max_value=15))
    candidates = draw(st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=members + 3, unique=True))
    quota = draw(st.integers(min_value=1, max_value=max(1, min(4, len(candidates)))))
    voters = draw(st.lists(st.integers(min_value=1, max_value=members), unique=True, max_size=members))
    ballots = {v: frozenset(draw(st.lists(st.sampled_from(candidates), unique=True, max_size=quota)))
               for v in voters}
    rules = draw(st.sampled_from([AWARD, ELECTION, RUNOFF, Rules(quorum=Share(Fraction(1, 2), True),
                                                                   threshold=Share(Fraction(2, 3), False))]))
    return members, candidates, quota, ballots, rules


@settings(max_examples=300, deadline=None)
@given(elections())
def test_counts_equal_the_ballots_and_no_unit_counts_twice(case) -> None:
    members, candidates, quota, ballots, rules = case
    result = count(members, candidates, ballots, quota, rules)
    assert result.cast == len(ballots) <= members
    assert sum(result.counts.values()) == sum(len(b) for b in ballots.values())
    assert result.blank == sum(1 for b in ballots.values() if not b)
    for c in candidates:
        # Each voting unit adds at most one approval to a candidate.
        assert 0 <= result.counts[c] <= result.cast
        assert result.counts[c] == sum(1 for b in ballots.values() if c in b)


@settings(max_examples=300, deadline=None)
@given(elections())
def test_quota_threshold_and_boundary_ties(case) -> None:
    members, candidates, quota, ballots, rules = case
    result = count(members, candidates, ballots, quota, rules)
    assert result.quorum_met == (len(ballots) * rules.quorum.value.denominator
                                 >= rules.quorum.value.numerator * members + (1 if rules.quorum.strict else 0))
    if not result.quorum_met:
        assert result.selected == result.tied == result.runoff == ()
        return
    assert len(result.selected) <= quota
    assert not set(result.selected) & set(result.tied)
    base = result.cast if rules.base == BASE_CAST else members
    for c in result.selected + result.tied:
        if rules.plurality:
            assert result.counts[c] > 0
        else:
            assert rules.threshold.passes(result.counts[c], base)
            assert result.counts[c] >= result.threshold_needed
    # Whoever is selected has more approvals than every eligible candidate left out.
    left_out = [c for c in result.eligible if c not in result.selected]
    for c in result.selected:
        assert all(result.counts[c] >= result.counts[o] for o in left_out)
        assert all(result.counts[c] > result.counts[o] for o in left_out if o not in result.tied)
    if result.tied:
        levels = {result.counts[c] for c in result.tied}
        assert len(levels) == 1  # a tie is a tie: one count
        level = levels.pop()
        assert len(result.selected) < quota < len(result.selected) + len(result.tied)
        assert all(result.counts[c] > level for c in result.selected)
        assert result.runoff == result.tied
    else:
        # No tie: every eligible candidate fits, or the quota is full with clear winners.
        assert len(result.selected) == min(quota, len(result.eligible))


@settings(max_examples=200, deadline=None)
@given(elections(), st.randoms(use_true_random=False), st.data())
def test_independent_of_ballot_order_and_replaced_ballots(case, rnd, data) -> None:
    members, candidates, quota, ballots, rules = case
    result = count(members, candidates, ballots, quota, rules)
    # Same ballots in another order (as anonymous slips): same result.
    slips = list(ballots.values())
    rnd.shuffle(slips)
    shuffled = count(members, candidates, slips, quota, rules)
    assert (shuffled.counts, shuffled.selected, shuffled.tied, shuffled.cast) == (
        result.counts, result.selected, result.tied, result.cast)
    # Units first cast other ballots, then replaced them: only the last one counts.
    earlier = [(v, frozenset(data.draw(st.lists(st.sampled_from(candidates), unique=True, max_size=quota))))
               for v in ballots if data.draw(st.booleans())]
    rnd.shuffle(earlier)  # earlier ballots in any order, each unit's final one last
    events = earlier + list(ballots.items())
    assert last_ballots(events) == ballots
    replaced = count(members, candidates, last_ballots(events), quota, rules)
    assert (replaced.counts, replaced.selected, replaced.tied) == (result.counts, result.selected, result.tied)


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=12), st.booleans(),
       st.integers(min_value=0, max_value=60))
def test_needed_is_the_smallest_passing_count(num, den, strict, base) -> None:
    value = Fraction(min(num, den), den)
    if strict and value == 1:
        return
    share = Share(value, strict)
    n = share.needed(base)
    assert share.passes(n, base) and not share.passes(n - 1, base)
