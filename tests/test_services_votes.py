"""Vote services on a temporary SQLite database: candidates, the database's one-ballot rule,
boundary ties and run-offs, anonymised closing, replanning reminders."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from bot.errors import UserError
from bot.services.awards import service as awards
from bot.services.reminders import service as reminder_config
from bot.services.reminders.slots import slots_of
from bot.services.votes import rules as vote_rules
from bot.services.votes import service as vs
from bot.services.votes.reminders import SOURCE
from storage.models import Ballot, BallotSlip, Unit, Vote
from tests.builders import build_bloc
from tests.conftest import VN


def _open(s, built, award_ref: str, codes: list[str] | None = None, closes_at=None) -> Vote:
    bloc = built.bloc
    award = awards.find_award(s, bloc, award_ref, built_now(s))
    cands = vs.award_candidates(s, bloc, award, 2026, vote_rules.rules_of(s, bloc.id))
    chosen = vs.pick_shortlist(cands, codes) if codes else cands.units
    return vs.open_vote(s, bloc=bloc, kind=vs.AWARD, title=award.name, quota=award.quota, candidates=chosen,
                        closes_at=closes_at, actor=built.admin, now=built_now(s), award_id=award.id,
                        excluded=cands.excluded)


_NOW = datetime(2026, 11, 23, 9, 0, tzinfo=VN)


def built_now(_s) -> datetime:
    return _NOW


def _cast(s, built, vote: Vote, code: str, choices: list[str]) -> vs.Cast:
    place = vs.seat(s, vote_id=vote.id, actor=built.officers[code], now=_NOW)
    by_code = {place.units[c.unit_id].code: c.position for c in place.candidates}
    return vs.cast_ballot(s, place=place, positions=[by_code[c] for c in choices], actor=built.officers[code], now=_NOW)


def test_a_unit_selected_for_a_higher_award_leaves_lower_lists(core) -> None:
    built = build_bloc(core)
    with core.db.session() as s:
        flag = _open(s, built, "1")
        for code in built.units:
            _cast(s, built, flag, code, ["YTE"])
        closed = vs.close_vote(s, vote=flag, actor=built.admin, now=_NOW)
        assert closed.vote.state == "closed"
        merit = awards.find_award(s, built.bloc, "bang khen", _NOW)
        cands = vs.award_candidates(s, built.bloc, merit, 2026, vote_rules.rules_of(s, built.bloc.id))
        assert [(e.unit.code, e.reason, e.detail) for e in cands.excluded] == [("YTE", "higher", "Cờ thi đua của Chính phủ")]
        assert "YTE" not in [u.code for u in cands.units] and len(cands.units) == 8
        with pytest.raises(UserError) as refused:
            vs.pick_shortlist(cands, ["GDDT", "YTE"])
        assert refused.value.key == "vote.code_excluded"
        # A lower award's result does not exclude from a higher one; the rule can be turned off.
        flag_cands = vs.award_candidates(s, built.bloc, awards.find_award(s, built.bloc, "1", _NOW), 2026,
                                         vote_rules.rules_of(s, built.bloc.id))
        assert len(flag_cands.units) == 9
        vote_rules.set_rule(s, bloc=built.bloc, key="loaitru", value="khong", actor=built.admin, now=_NOW)
        cands = vs.award_candidates(s, built.bloc, merit, 2026, vote_rules.rules_of(s, built.bloc.id))
        assert len(cands.units) == 9 and cands.excluded == []


def test_the_database_refuses_a_second_ballot_for_a_unit(core) -> None:
    built = build_bloc(core)
    with core.db.session() as s:
        vote = _open(s, built, "1")
        _cast(s, built, vote, "YTE", ["GDDT"])
        unit_id = built.units["YTE"].id
    with core.db.session() as s:
        with pytest.raises(IntegrityError):
            s.add(Ballot(vote_id=vote.id, unit_id=unit_id, choices="[]", receipt="AAA-AAA", cast_at=_NOW))
            s.flush()
        s.rollback()


def test_a_boundary_tie_goes_to_a_runoff_for_the_seats_left(core) -> None:
    built = build_bloc(core)
    with core.db.session() as s:
        merit = _open(s, built, "3")  # Bằng khen, quota 2
        plan = {"VHTTDL": ["YTE", "GDDT"], "YTE": ["YTE", "GDDT"], "GDDT": ["YTE", "GDDT"], "LDTBXH": ["YTE", "BDT"],
                "TTTT": ["YTE", "BDT"], "PTTH": ["YTE", "BDT"], "BHXH": ["GDDT", "BDT"], "BDT": ["GDDT", "BDT"]}
        for code, choices in plan.items():
            _cast(s, built, merit, code, choices)
        closed = vs.close_vote(s, vote=merit, actor=built.admin, now=_NOW)
        units = {u.id: u.code for u in s.exec(select(Unit))}
        cands = vs.candidates_of(s, merit.id)
        assert {units[c.unit_id]: (c.approvals, c.selected, c.tied) for c in cands if c.approvals} == {
            "YTE": (6, True, False), "GDDT": (5, False, True), "BDT": (5, False, True)}
        assert closed.tally.runoff and s.exec(select(Ballot)).all() == []
        slips = sorted(json.loads(c) for c in s.exec(select(BallotSlip.choices)))
        assert len(slips) == 8 and sum(len(x) for x in slips) == 16
        runoff = vs.start_runoff(s, bloc=built.bloc, vote=merit, closes_at=None, actor=built.admin, now=_NOW)
        assert runoff.quota == 1 and runoff.round == 2 and runoff.runoff_of == merit.id
        assert [units[c.unit_id] for c in vs.candidates_of(s, runoff.id)] == ["BDT", "GDDT"]
        assert json.loads(runoff.rules) == json.loads(merit.rules)  # the same rules decide the run-off
        with pytest.raises(UserError) as refused:
            vs.start_runoff(s, bloc=built.bloc, vote=merit, closes_at=None, actor=built.admin, now=_NOW)
        assert refused.value.key == "runoff.exists"


def test_rules_are_frozen_when_a_vote_opens(core) -> None:
    built = build_bloc(core)
    with core.db.session() as s:
        vote = _open(s, built, "1")
        vote_rules.set_rule(s, bloc=built.bloc, key="tucso", value=">=1/3", actor=built.admin, now=_NOW)
        for code in ("YTE", "GDDT", "BDT", "PTTH", "TTTT"):
            _cast(s, built, vote, code, ["YTE"])
        # 5 of 9 voted: void under the 2/3 the vote opened with, although the bloc now asks 1/3.
        assert vs.close_vote(s, vote=vote, actor=built.admin, now=_NOW).vote.state == "void"
        assert s.exec(select(BallotSlip)).all() == []


def test_reminders_follow_the_bloc_plan_and_replan(core) -> None:
    built = build_bloc(core)
    closes = datetime(2026, 11, 27, 16, 0, tzinfo=VN)  # Friday afternoon
    with core.db.session() as s:
        vote = _open(s, built, "1", closes_at=closes)
        assert {r.slot: r.due_at for r in slots_of(s, vs.KIND, vote.id)} == {
            "b1440m": datetime(2026, 11, 26, 16, 0, tzinfo=VN), "b60m": datetime(2026, 11, 27, 15, 0, tzinfo=VN),
            "at": closes}
        reminder_config.set_plan(s, bloc=built.bloc, kind="vote", text="2g 30p!", actor=built.admin, now=_NOW)
        assert SOURCE.replan_bloc(s, built.bloc, _NOW) == 1
        pending = {r.slot for r in slots_of(s, vs.KIND, vote.id) if r.state == "pending"}
        assert pending == {"b120m", "b30m", "at"}
        vs.close_vote(s, vote=vote, actor=built.admin, now=_NOW)
        assert all(r.state != "pending" for r in slots_of(s, vs.KIND, vote.id))
