"""One-time codes and who a bloc notice reaches, on the real services and a temporary database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from bot.core import Core
from bot.errors import UserError
from bot.ports import Sender
from bot.services.audit import Actor
from bot.services.blocs import service as blocs
from bot.services.blocs.standing import standing
from bot.services.delivery.notify import Notice, queue_notice
from bot.services.people import invites
from bot.services.people import membership as membership_service
from bot.services.people.accounts import ensure_actor, note_private_chat
from storage.models import Account, Bloc, InviteCode, OutboxMessage, UnitOfficer
from tests.builders import BuiltBloc, build_bloc


def zalo_actor(s: Session, core: Core, user_id: str, name: str = "Lan") -> Actor:
    actor = ensure_actor(s, Sender("zalo", user_id, name), core.now())
    note_private_chat(s, actor.account, user_id)  # type: ignore[arg-type]
    return actor


def invite_for(core: Core, built: BuiltBloc, unit: str) -> str:
    with core.db.session() as s:
        head = built.officers["VHTTDL"]
        who = standing(s, s.get(Bloc, built.bloc.id), head, core.now())  # type: ignore[arg-type]
        return invites.create_unit_invite(s, who=who, unit_code=unit, now=core.now())[0].code


def test_a_unit_code_works_once_for_seven_days(core: Core, clock) -> None:
    built = build_bloc(core, units=[("VHTTDL", "Sở VH-TT-DL"), ("YTE", "Sở Y tế"), ("BDT", "Ban Dân tộc")])
    with core.db.session() as s:  # YTE's officer leaves: the unit needs a new one
        membership_service.leave(s, who=standing(s, s.get(Bloc, built.bloc.id), built.officers["YTE"], core.now()),  # type: ignore[arg-type]
                                 now=core.now())
    code = invite_for(core, built, "yte")
    with core.db.session() as s:
        lan = zalo_actor(s, core, "z1")
        done = invites.redeem(s, code=code, actor=lan, now=core.now())
        assert (done.kind, done.unit.code, done.bloc.id) == ("unit", "YTE", built.bloc.id)  # type: ignore[union-attr]
    with pytest.raises(UserError) as used, core.db.session() as s:
        invites.redeem(s, code=code, actor=zalo_actor(s, core, "z2", "Minh"), now=core.now())
    assert used.value.key == "invite.used"

    late = invite_for(core, built, "BDT")
    with pytest.raises(UserError) as expired, core.db.session() as s:
        invites.redeem(s, code=late, actor=zalo_actor(s, core, "z3"), now=core.now() + timedelta(days=7))
    assert expired.value.key == "invite.expired"
    with pytest.raises(UserError) as unknown, core.db.session() as s:
        invites.redeem(s, code="K7P3QX9A", actor=zalo_actor(s, core, "z4"), now=core.now())
    assert unknown.value.key == "invite.unknown"
    with pytest.raises(UserError) as not_a_unit, core.db.session() as s:
        who = standing(s, s.get(Bloc, built.bloc.id), built.officers["VHTTDL"], core.now())  # type: ignore[arg-type]
        invites.create_unit_invite(s, who=who, unit_code="ZZZ", now=core.now())
    assert not_a_unit.value.key == "unit.unknown"


def test_a_code_for_a_unit_removed_since_is_refused(core: Core) -> None:
    built = build_bloc(core, units=[("VHTTDL", "Sở VH-TT-DL"), ("YTE", "Sở Y tế"), ("BDT", "Ban Dân tộc")])
    code = invite_for(core, built, "BDT")
    with core.db.session() as s:
        blocs.remove_unit(s, bloc=s.get(Bloc, built.bloc.id), code="BDT", actor=built.admin, now=core.now())  # type: ignore[arg-type]
    with pytest.raises(UserError) as refused, core.db.session() as s:
        invites.redeem(s, code=code, actor=zalo_actor(s, core, "z1"), now=core.now())
    assert refused.value.key == "unit.unknown"


def test_of_two_redemptions_racing_only_one_wins(core: Core, monkeypatch) -> None:
    built = build_bloc(core, units=[("VHTTDL", "Sở VH-TT-DL"), ("YTE", "Sở Y tế")], open_dm=set())
    with core.db.session() as s:
        membership_service.leave(s, who=standing(s, s.get(Bloc, built.bloc.id), built.officers["YTE"], core.now()),  # type: ignore[arg-type]
                                 now=core.now())
    code = invite_for(core, built, "YTE")
    real = invites.is_member

    def rival_first(s: Session, unit_id: int, year: int) -> bool:
        # Between our checks and our update, another redemption of the same code commits.
        with core.db.session() as other:
            row = other.exec(select(InviteCode).where(InviteCode.code == code)).one()
            row.used_at = core.now()
            other.add(row)
        return real(s, unit_id, year)

    monkeypatch.setattr(invites, "is_member", rival_first)
    with core.db.session() as s:
        lan = zalo_actor(s, core, "z1")
    with pytest.raises(UserError) as lost, core.db.session() as s:
        invites.redeem(s, code=code, actor=lan, now=core.now())
    assert lost.value.key == "invite.used"
    with core.db.session() as s:
        assert len(list(s.exec(select(UnitOfficer).where(UnitOfficer.until == None)))) == 1  # noqa: E711


def test_a_link_code_makes_another_account_the_same_person(core: Core) -> None:
    built = build_bloc(core, units=[("VHTTDL", "Sở VH-TT-DL"), ("YTE", "Sở Y tế")])
    yte = built.officers["YTE"]
    with core.db.session() as s:
        code = invites.create_link_code(s, who=standing(s, s.get(Bloc, built.bloc.id), yte, core.now()),  # type: ignore[arg-type]
                                        now=core.now()).code
        again = invites.create_link_code(s, who=standing(s, s.get(Bloc, built.bloc.id), yte, core.now()),  # type: ignore[arg-type]
                                         now=core.now()).code
    with core.db.session() as s:
        done = invites.redeem(s, code=code, actor=zalo_actor(s, core, "z9", "Lan Zalo"), now=core.now())
        assert done.kind == "link" and done.officer.id == yte.officer_id
    with core.db.session() as s:
        account = s.exec(select(Account).where(Account.platform == "zalo")).one()
        assert account.officer_id == yte.officer_id
        who = standing(s, s.get(Bloc, built.bloc.id), Actor(yte.officer, account), core.now())  # type: ignore[arg-type]
        assert who.unit is not None and who.unit.code == "YTE"
        # Redeeming another of the person's own codes from an account already theirs: refused.
        with pytest.raises(UserError) as same:
            invites.redeem(s, code=again, actor=Actor(yte.officer, account), now=core.now())
        assert same.value.key == "link.same_person"
    # An account acting for a unit of its own cannot be merged into another person.
    with core.db.session() as s:
        other = built.officers["VHTTDL"]
        with pytest.raises(UserError) as busy:
            invites.redeem(s, code=again, actor=other, now=core.now())
        assert busy.value.key == "link.account_busy"


def test_a_group_post_reaches_privately_only_the_officers_who_cannot_see_the_group(core: Core) -> None:
    # A Telegram bloc with a group; YTE's officer is on Zalo only; BDT's officer is on both.
    built = build_bloc(core, units=[("VHTTDL", "Sở VH-TT-DL"), ("BDT", "Ban Dân tộc"), ("YTE", "Sở Y tế")])
    with core.db.session() as s:
        bloc = s.get(Bloc, built.bloc.id)
        assert bloc is not None
        membership_service.leave(s, who=standing(s, bloc, built.officers["YTE"], core.now()), now=core.now())
        lan = zalo_actor(s, core, "z1", "Lan")
        who = standing(s, bloc, built.officers["VHTTDL"], core.now())
        invite = invites.create_unit_invite(s, who=who, unit_code="YTE", now=core.now())[0]
        invites.redeem(s, code=invite.code, actor=lan, now=core.now())
        bdt = built.officers["BDT"]
        both = ensure_actor(s, Sender("zalo", "z2", "Hùng"), core.now())
        assert both.account is not None and bdt.officer_id is not None
        both.account.officer_id = bdt.officer_id
        note_private_chat(s, both.account, "z2")
    with core.db.session() as s:
        bloc = s.get(Bloc, built.bloc.id)
        assert bloc is not None
        queue_notice(s, bloc=bloc, notice=Notice(group_text="Thông báo"), key="n1", now=core.now())
        queue_notice(s, bloc=bloc, notice=Notice(units=list(built.units.values()), group_text="Nhắc",
                                                 private_text=lambda u: f"{u.code} chưa nộp"), key="n2",
                     now=core.now())
    with core.db.session() as s:
        rows = {(r.dedup_key.split(":")[0], r.platform, r.chat_id, r.text) for r in s.exec(select(OutboxMessage))}
    assert {(k, c, t) for k, p, c, t in rows if k == "n1"} == {("n1", "-100", "Thông báo"), ("n1", "z1", "Thông báo")}
    # A private reminder reaches every open account of the unit's officers; the group post is not
    # copied to someone who already got a private one.
    n2 = {(p, c, t) for k, p, c, t in rows if k == "n2"}
    assert ("zalo", "z1", "YTE chưa nộp") in n2 and ("zalo", "z2", "BDT chưa nộp") in n2
    assert ("telegram", "-100", "Nhắc") in n2 and not any(t == "Nhắc" and c == "z1" for _, c, t in n2)
