"""The core services and permission rules on a temporary SQLite database."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from bot.core import Core
from bot.errors import UserError
from bot.ports import ChatInfo, Sender
from bot.services.audit import Actor
from bot.services.blocs import roles
from bot.services.blocs import service as blocs
from bot.services.blocs.standing import DEPUTY, HEAD, standing
from bot.services.people import membership
from bot.services.people.accounts import ensure_actor
from storage.models import AuditLog, BlocChat, UnitOfficer
from storage.queries.blocs import member_units
from tests.conftest import VN

GROUP = ChatInfo("telegram", "-100", True, "Khối VH-XH")


def actor(s, core: Core, user_id: str, name: str) -> Actor:
    return ensure_actor(s, Sender("telegram", user_id, name), core.now())


@pytest.fixture
def bloc_with_units(core: Core):
    with core.db.session() as s:
        admin = actor(s, core, "1", "Hà")
        bloc = blocs.setup_bloc(s, chat=GROUP, name="  Khối   thi đua VH-XH ", actor=admin, now=core.now(),
                                language="vi", timezone="Asia/Ho_Chi_Minh")
        for code, name in (("YTE", "Sở Y tế"), ("GDDT", "Sở Giáo dục"), ("BDT", "Ban Dân tộc")):
            blocs.add_unit(s, bloc=bloc, code=code, name=name, actor=admin, now=core.now())
    return bloc


def test_setup_cleans_name_and_binds_once(core: Core, bloc_with_units) -> None:
    assert bloc_with_units.name == "Khối thi đua VH-XH"
    with core.db.session() as s:
        admin = actor(s, core, "1", "Hà")
        with pytest.raises(UserError) as err:
            blocs.setup_bloc(s, chat=GROUP, name="Khác", actor=admin, now=core.now(), language="vi",
                             timezone="Asia/Ho_Chi_Minh")
        assert err.value.key == "setup.already"


def test_chat_uniqueness_is_enforced_by_the_database(core: Core, bloc_with_units) -> None:
    with pytest.raises(IntegrityError), core.db.session() as s:
        s.add(BlocChat(bloc_id=bloc_with_units.id, platform="telegram", chat_id="-100", bound_at=core.now()))
        s.flush()


@pytest.mark.parametrize("code", ["Y", "A" * 21, "Y TẾ", "Y.TE", ""])
def test_bad_codes_are_refused(code: str) -> None:
    with pytest.raises(UserError):
        blocs.clean_code(code)


def test_codes_are_upper_cased() -> None:
    assert blocs.clean_code(" yte ") == "YTE"


def test_remove_and_readd_keeps_history(core: Core, clock, bloc_with_units) -> None:
    bloc = bloc_with_units
    clock.set(datetime(2027, 2, 1, 9, 0, tzinfo=VN))
    with core.db.session() as s:
        admin = actor(s, core, "1", "Hà")
        removed = blocs.remove_unit(s, bloc=bloc, code="bdt", actor=admin, now=core.now())
        assert removed.unit.code == "BDT" and removed.year == 2027
        assert [u.code for u in member_units(s, bloc.id, 2027)] == ["GDDT", "YTE"]
        with pytest.raises(UserError) as err:
            blocs.remove_unit(s, bloc=bloc, code="BDT", actor=admin, now=core.now())
        assert err.value.key == "unit.unknown"
    # Two years later the unit comes back; the years in between stay without it.
    clock.set(datetime(2029, 3, 1, 9, 0, tzinfo=VN))
    with core.db.session() as s:
        admin = actor(s, core, "1", "Hà")
        added = blocs.add_unit(s, bloc=bloc, code="BDT", name="Ban Dân tộc tỉnh", actor=admin, now=core.now())
        assert added.readded and added.year == 2029
        membership_by_year = {y: "BDT" in [u.code for u in member_units(s, bloc.id, y)] for y in range(2025, 2030)}
        assert membership_by_year == {2025: False, 2026: True, 2027: False, 2028: False, 2029: True}


def test_removing_a_unit_releases_its_officers(core: Core, bloc_with_units) -> None:
    bloc = bloc_with_units
    with core.db.session() as s:
        admin = actor(s, core, "1", "Hà")
        membership.request_join(s, who=standing(s, bloc, admin, core.now()), code="BDT", now=core.now())
        removed = blocs.remove_unit(s, bloc=bloc, code="BDT", actor=admin, now=core.now())
        assert [o.display_name for o in removed.officers] == ["Hà"]
        assert standing(s, bloc, admin, core.now()).unit is None


def test_join_needs_approval_unless_the_asker_may_approve(core: Core, bloc_with_units) -> None:
    bloc = bloc_with_units
    with core.db.session() as s:
        lan = actor(s, core, "10", "Lan")
        outcome = membership.request_join(s, who=standing(s, bloc, lan, core.now()), code="yte", now=core.now())
        assert outcome.status == "pending"
        with pytest.raises(UserError) as err:
            membership.request_join(s, who=standing(s, bloc, lan, core.now()), code="YTE", now=core.now())
        assert err.value.key == "join.pending_same"
        # Another member cannot decide.
        hung = actor(s, core, "11", "Hùng")
        with pytest.raises(UserError) as err:
            membership.decide_join(s, bloc=bloc, request_id=outcome.request.id, approve=True, approver=hung,
                                   now=core.now())
        assert err.value.key == "join.cannot_decide"
        admin = actor(s, core, "1", "Hà")
        decision = membership.decide_join(s, bloc=bloc, request_id=outcome.request.id, approve=True,
                                          approver=admin, now=core.now())
        assert decision.approved and standing(s, bloc, lan, core.now()).unit.code == "YTE"
        # Deciding twice is refused.
        with pytest.raises(UserError) as err:
            membership.decide_join(s, bloc=bloc, request_id=outcome.request.id, approve=False, approver=admin,
                                   now=core.now())
        assert err.value.key == "join.request_gone"
        # The setup admin joins at once.
        joined = membership.request_join(s, who=standing(s, bloc, admin, core.now()), code="GDDT", now=core.now())
        assert joined.status == "joined"


def test_one_active_unit_per_officer_is_a_database_rule(core: Core, bloc_with_units) -> None:
    bloc = bloc_with_units
    with core.db.session() as s:
        lan = actor(s, core, "10", "Lan")
        units = member_units(s, bloc.id, 2026)
    with pytest.raises(IntegrityError), core.db.session() as s:
        for unit in units[:2]:
            s.add(UnitOfficer(bloc_id=bloc.id, unit_id=unit.id, officer_id=lan.officer_id, since=core.now()))
        s.flush()


def test_setup_admin_steps_back_once_head_and_deputy_units_have_officers(core: Core, bloc_with_units) -> None:
    bloc = bloc_with_units
    with core.db.session() as s:
        admin = actor(s, core, "1", "Hà")
        lan = actor(s, core, "10", "Lan")
        hung = actor(s, core, "11", "Hùng")
        roles.assign_role(s, bloc=bloc, role=HEAD, code="YTE", year=2026, actor=admin, now=core.now())
        assert standing(s, bloc, admin, core.now()).can_manage  # nobody acts for YTE yet
        req = membership.request_join(s, who=standing(s, bloc, lan, core.now()), code="YTE", now=core.now())
        membership.decide_join(s, bloc=bloc, request_id=req.request.id, approve=True, approver=admin, now=core.now())
        # The head's officer is in, but no deputy yet: the admin still finishes setting the bloc up.
        assert standing(s, bloc, admin, core.now()).can_manage
        assert set(membership.approver_ids(s, bloc, core.now())) == {lan.officer_id, admin.officer_id}
        roles.assign_role(s, bloc=bloc, role=DEPUTY, code="GDDT", year=2026, actor=admin, now=core.now())
        assert standing(s, bloc, admin, core.now()).can_manage  # the deputy unit has no officer yet
        req = membership.request_join(s, who=standing(s, bloc, hung, core.now()), code="GDDT", now=core.now())
        membership.decide_join(s, bloc=bloc, request_id=req.request.id, approve=True, approver=admin, now=core.now())
        assert not standing(s, bloc, admin, core.now()).can_manage
        assert set(membership.approver_ids(s, bloc, core.now())) == {lan.officer_id, hung.officer_id}
        lan_standing = standing(s, bloc, lan, core.now())
        assert lan_standing.can_manage and lan_standing.roles == {HEAD}


def test_next_years_roles_take_effect_on_the_first_of_january(core: Core, clock, bloc_with_units) -> None:
    bloc = bloc_with_units
    with core.db.session() as s:
        admin = actor(s, core, "1", "Hà")
        roles.assign_role(s, bloc=bloc, role=HEAD, code="YTE", year=2026, actor=admin, now=core.now())
        result = roles.assign_role(s, bloc=bloc, role=HEAD, code="GDDT", year=2027, actor=admin, now=core.now())
        assert not result.in_force_now
        lan = actor(s, core, "10", "Lan")
        req = membership.request_join(s, who=standing(s, bloc, lan, core.now()), code="GDDT", now=core.now())
        membership.decide_join(s, bloc=bloc, request_id=req.request.id, approve=True, approver=admin, now=core.now())
        assert not standing(s, bloc, lan, core.now()).can_manage
        # 31/12/2026 23:59 in Hà Nội: still YTE; 00:00 on 1/1/2027: GDDT.
        assert not standing(s, bloc, lan, datetime(2026, 12, 31, 23, 59, tzinfo=VN)).can_manage
        assert standing(s, bloc, lan, datetime(2027, 1, 1, 0, 0, tzinfo=VN)).roles == {HEAD}


def test_role_rules(core: Core, bloc_with_units) -> None:
    bloc = bloc_with_units
    with core.db.session() as s:
        admin = actor(s, core, "1", "Hà")
        roles.assign_role(s, bloc=bloc, role=DEPUTY, code="GDDT", year=2026, actor=admin, now=core.now())
        for code, key in (("GDDT", "role.same_unit_both"), ("ZZZ", "unit.unknown")):
            with pytest.raises(UserError) as err:
                roles.assign_role(s, bloc=bloc, role=HEAD, code=code, year=2026, actor=admin, now=core.now())
            assert err.value.key == key
        replaced = roles.assign_role(s, bloc=bloc, role=DEPUTY, code="BDT", year=2026, actor=admin, now=core.now())
        assert replaced.previous_unit.code == "GDDT"
        with pytest.raises(UserError) as err:
            roles.assign_role(s, bloc=bloc, role=DEPUTY, code="BDT", year=2026, actor=admin, now=core.now())
        assert err.value.key == "role.unchanged"
        # The deputy unit cannot be removed while it holds the role.
        with pytest.raises(UserError) as err:
            blocs.remove_unit(s, bloc=bloc, code="BDT", actor=admin, now=core.now())
        assert err.value.key == "unit.remove_role_holder"


@pytest.mark.parametrize("raw", ["abc", "20266", "2015", "2028", "26"])
def test_years_out_of_range_are_refused(core: Core, bloc_with_units, raw: str) -> None:
    with pytest.raises(UserError):
        roles.parse_year(raw, bloc_with_units, core.now())


def test_year_defaults_to_the_blocs_local_year(core: Core, bloc_with_units) -> None:
    # 31/12/2026 18:00 UTC is already 01/01/2027 in Hà Nội.
    assert roles.parse_year(None, bloc_with_units, datetime(2026, 12, 31, 18, 0, tzinfo=VN) + timedelta(hours=7)) == 2027


def test_every_change_is_audited_and_the_log_is_append_only(core: Core, bloc_with_units) -> None:
    with core.db.session() as s:
        actions = [row.action for row in s.exec(select(AuditLog).order_by(AuditLog.id))]
    assert actions == ["bloc.setup", "unit.add", "unit.add", "unit.add"]
    with pytest.raises(Exception, match="append-only"), core.db.session() as s:
        s.exec(select(AuditLog)).first()
        s.connection().exec_driver_sql("UPDATE auditlog SET action = 'x'")
    with pytest.raises(Exception, match="append-only"), core.db.session() as s:
        s.connection().exec_driver_sql("DELETE FROM auditlog")


def test_naive_datetimes_are_refused_by_the_storage(core: Core, bloc_with_units) -> None:
    with pytest.raises(Exception, match="naive"), core.db.session() as s:
        s.add(UnitOfficer(bloc_id=1, unit_id=1, officer_id=1, since=datetime(2026, 1, 1)))
        s.flush()


def test_an_accounts_name_follows_the_platform(core: Core) -> None:
    with core.db.session() as s:
        first = ensure_actor(s, Sender("telegram", "5", "Lan"), core.now())
        again = ensure_actor(s, Sender("telegram", "5", "Nguyễn Thị Lan", "lan_nt"), core.now())
        assert first.officer.id == again.officer.id
        assert again.officer.display_name == "Nguyễn Thị Lan" and again.account.username == "lan_nt"
