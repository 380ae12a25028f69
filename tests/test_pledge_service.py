"""The pledge service on a real (temporary) SQLite database: one signature per unit, withdrawing,
closing, late attempts, reminders to the units that have not signed, export."""

from __future__ import annotations

import csv
import io
import threading
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, func, select

from bot.core import Core
from bot.errors import UserError
from bot.ports import Sender
from bot.services.audit import Actor
from bot.services.blocs import service as blocs
from bot.services.blocs.standing import standing
from bot.services.people import membership
from bot.services.people.accounts import ensure_actor, note_private_chat
from bot.services.pledge import export
from bot.services.pledge import service as rules
from bot.services.pledge.reminders import PledgeReminders
from bot.services.reminders import service as reminder_config
from bot.services.reminders.slots import slots_of
from scheduler.engine import ReminderEngine
from storage.models import AuditLog, Bloc, Pledge, PledgeSignature, SentReminder
from storage.queries import pledge as pledge_queries
from tests.builders import BuiltBloc, build_bloc
from tests.conftest import VN
from tests.fakes.memory_messenger import MemoryMessenger
from tests.texts import said

DEADLINE = datetime(2026, 12, 15, 17, 0, tzinfo=VN)  # Tuesday


@pytest.fixture
def built(core: Core) -> BuiltBloc:
    return build_bloc(core)


def open_pledge(core: Core, built: BuiltBloc, *, year: int = 2027, deadline: datetime = DEADLINE,
                text: str = "Các đơn vị cam kết thi đua hoàn thành xuất sắc nhiệm vụ năm 2027.", by: str = "VHTTDL") -> int:
    with core.db.session() as s:
        pledge = rules.open_pledge(s, bloc=s.get(Bloc, built.bloc.id), year=year, deadline=deadline, text=text,
                                   file_id=None, actor=built.officers[by], now=core.now())
        assert pledge.id is not None
        return pledge.id


def sign(core: Core, built: BuiltBloc, pledge_id: int, actor: Actor) -> rules.SignOutcome:
    with core.db.session() as s:
        pledge = s.get(Pledge, pledge_id)
        assert pledge is not None
        return rules.sign(s, pledge=pledge, who=standing(s, built.bloc, actor, core.now()), now=core.now())


def unsign(core: Core, built: BuiltBloc, pledge_id: int, actor: Actor) -> rules.Withdrawn:
    with core.db.session() as s:
        pledge = s.get(Pledge, pledge_id)
        assert pledge is not None
        return rules.unsign(s, pledge=pledge, who=standing(s, built.bloc, actor, core.now()), now=core.now())


def add_officer(core: Core, built: BuiltBloc, code: str, user_id: str, name: str, approver: str = "VHTTDL") -> Actor:
    """A second officer for ``code``, approved by the head unit's officer."""
    now = core.now()
    with core.db.session() as s:
        actor = ensure_actor(s, Sender("telegram", user_id, name), now)
        note_private_chat(s, actor.account, user_id)  # type: ignore[arg-type]
        outcome = membership.request_join(s, who=standing(s, built.bloc, actor, now), code=code, now=now)
        membership.decide_join(s, bloc=built.bloc, request_id=outcome.request.id, approve=True,  # type: ignore[union-attr]
                               approver=built.officers[approver], now=now)
    return actor


def board(core: Core, pledge_id: int) -> rules.Board:
    with core.db.session() as s:
        pledge = s.get(Pledge, pledge_id)
        assert pledge is not None
        return rules.board(s, pledge)


def count(core: Core, model, *where) -> int:
    with core.db.session() as s:
        return s.exec(select(func.count()).select_from(model).where(*where)).one()


# --- opening ------------------------------------------------------------------------------------
def test_opening_plans_reminders_before_the_deadline_the_close_and_the_summary(core, built) -> None:
    pledge_id = open_pledge(core, built)
    with core.db.session() as s:
        slots = {row.slot: row.due_at.astimezone(VN) for row in slots_of(s, "pledge", pledge_id)}
    # The default pledge plan 7n 3n 1n 08:00 tổng+4 (no overdue notices: signing is closed by then), plus the close.
    assert slots == {
        "b10080m": datetime(2026, 12, 8, 17, 0, tzinfo=VN),
        "b4320m": datetime(2026, 12, 14, 8, 0, tzinfo=VN),  # Saturday 12/12 moves to Monday morning
        "b1440m": datetime(2026, 12, 14, 17, 0, tzinfo=VN),
        "day@0800": datetime(2026, 12, 15, 8, 0, tzinfo=VN),
        "at": DEADLINE,
        "summary4@0800": datetime(2026, 12, 21, 8, 0, tzinfo=VN),
    }
    assert count(core, AuditLog, AuditLog.action == "pledge.open") == 1


def test_one_pledge_per_bloc_and_year_is_a_database_rule(core, built) -> None:
    open_pledge(core, built)
    with pytest.raises(UserError) as refused:
        open_pledge(core, built, text="lần hai")
    assert refused.value.key == "pledge.exists" and refused.value.params["year"] == 2027
    with pytest.raises(IntegrityError), core.db.session() as s:
        s.add(Pledge(bloc_id=built.bloc.id, year=2027, text="x", deadline=DEADLINE, opened_at=core.now()))
        s.flush()
    # Another year is another pledge.
    open_pledge(core, built, year=2026, deadline=datetime(2026, 12, 10, 17, 0, tzinfo=VN))
    assert count(core, Pledge) == 2


@pytest.mark.parametrize(("raw", "ok"), [("2026", True), ("2027", True), ("2025", False), ("2028", False),
                                         ("27", False), ("năm", False)])
def test_a_pledge_is_for_this_year_or_next(core, built, raw, ok) -> None:
    if ok:
        assert rules.parse_open_year(raw, built.bloc, core.now()) == int(raw)
    else:
        with pytest.raises(UserError) as refused:
            rules.parse_open_year(raw, built.bloc, core.now())
        assert refused.value.key == "pledge.bad_year"


def test_bad_deadlines_and_texts_are_refused(core, built) -> None:
    with pytest.raises(UserError) as refused:
        open_pledge(core, built, year=2026, deadline=datetime(2027, 1, 15, 17, 0, tzinfo=VN))
    assert refused.value.key == "pledge.deadline_not_in_year"
    with pytest.raises(UserError) as refused:  # November: before the year-end conference
        open_pledge(core, built, year=2027, deadline=datetime(2026, 11, 30, 17, 0, tzinfo=VN))
    assert refused.value.key == "pledge.deadline_not_in_year"
    with pytest.raises(UserError) as refused:  # a typing mistake: June of the year before
        open_pledge(core, built, year=2027, deadline=datetime(2026, 6, 15, 17, 0, tzinfo=VN))
    assert refused.value.key == "pledge.deadline_not_in_year"
    with pytest.raises(UserError) as refused:
        open_pledge(core, built, year=2026, deadline=datetime(2026, 11, 20, 17, 0, tzinfo=VN))
    assert refused.value.key == "date.past"
    with pytest.raises(UserError) as refused:
        open_pledge(core, built, text="x" * (rules.MAX_TEXT + 1))
    assert refused.value.key == "pledge.text_too_long"
    assert count(core, Pledge) == 0


# --- signing --------------------------------------------------------------------------------------
def test_the_first_signature_of_a_unit_counts(core, built, clock) -> None:
    pledge_id = open_pledge(core, built)
    second = add_officer(core, built, "YTE", "y2", "Hùng Hai")
    first = sign(core, built, pledge_id, built.officers["YTE"])
    assert first.signed and first.unit.code == "YTE"
    clock.advance(timedelta(minutes=5))
    again = sign(core, built, pledge_id, second)
    assert not again.signed
    assert again.signer.display_name == "Hùng" and again.signature.signed_at == first.signature.signed_at
    assert not sign(core, built, pledge_id, built.officers["YTE"]).signed  # a double press
    b = board(core, pledge_id)
    assert (b.count, b.total) == (1, 9) and [x.unit.code for x in b.signed] == ["YTE"]
    assert count(core, PledgeSignature) == 1
    assert count(core, AuditLog, AuditLog.action == "pledge.sign") == 1


def test_a_unit_withdraws_and_signs_again_history_kept(core, built, clock) -> None:
    pledge_id = open_pledge(core, built)
    second = add_officer(core, built, "YTE", "y2", "Hùng Hai")
    sign(core, built, pledge_id, built.officers["YTE"])
    clock.advance(timedelta(hours=1))
    withdrawn = unsign(core, built, pledge_id, second)  # any officer of the unit acts for it
    assert withdrawn.signer.display_name == "Hùng"
    assert board(core, pledge_id).count == 0
    with pytest.raises(UserError) as refused:
        unsign(core, built, pledge_id, second)
    assert refused.value.key == "pledge.not_signed"
    clock.advance(timedelta(hours=1))
    assert sign(core, built, pledge_id, second).signed
    with core.db.session() as s:
        history = pledge_queries.signature_history(s, pledge_id)
    assert [(o.display_name, sig.withdrawn_at is not None) for sig, o, _ in history] == [
        ("Hùng", True), ("Hùng Hai", False)]
    assert count(core, AuditLog, AuditLog.action == "pledge.unsign") == 1
    assert board(core, pledge_id).count == 1


def test_the_database_allows_one_counted_signature_per_unit(core, built) -> None:
    pledge_id = open_pledge(core, built)
    unit_id, officer_id = built.units["YTE"].id, built.officers["YTE"].officer_id
    with core.db.session() as s:
        s.add(PledgeSignature(pledge_id=pledge_id, unit_id=unit_id, officer_id=officer_id, signed_at=core.now(),
                              withdrawn_at=core.now()))
        s.add(PledgeSignature(pledge_id=pledge_id, unit_id=unit_id, officer_id=officer_id, signed_at=core.now()))
    with pytest.raises(IntegrityError), core.db.session() as s:
        s.add(PledgeSignature(pledge_id=pledge_id, unit_id=unit_id, officer_id=officer_id, signed_at=core.now()))
        s.flush()


def test_a_person_acting_for_no_unit_cannot_sign(core, built) -> None:
    pledge_id = open_pledge(core, built)
    with pytest.raises(UserError) as refused:
        sign(core, built, pledge_id, built.admin)
    assert refused.value.key == "pledge.no_unit"
    assert count(core, PledgeSignature) == 0


def test_closing_refuses_late_signatures_and_withdrawals(core, built, clock) -> None:
    pledge_id = open_pledge(core, built)
    sign(core, built, pledge_id, built.officers["YTE"])
    clock.advance(timedelta(days=1))
    with core.db.session() as s:
        pledge = s.get(Pledge, pledge_id)
        result = rules.close(s, pledge=pledge, actor=built.officers["VHTTDL"], now=core.now(), early=True)
    assert (result.count, result.total) == (1, 9)
    with core.db.session() as s:
        assert {row.state for row in slots_of(s, "pledge", pledge_id)} == {"cancelled"}
    for attempt in (lambda: sign(core, built, pledge_id, built.officers["GDDT"]),
                    lambda: unsign(core, built, pledge_id, built.officers["YTE"])):
        with pytest.raises(UserError) as refused:
            attempt()
        assert refused.value.key == "pledge.closed" and refused.value.params["at"] == "24/11/2026 09:00"
    with pytest.raises(UserError) as refused, core.db.session() as s:
        rules.close(s, pledge=s.get(Pledge, pledge_id), actor=built.officers["VHTTDL"], now=core.now(), early=True)
    assert refused.value.key == "pledge.already_closed"
    assert board(core, pledge_id).count == 1


def test_the_deadline_refuses_signatures_even_before_the_engine_closes(core, built, clock) -> None:
    pledge_id = open_pledge(core, built)
    clock.set(DEADLINE)
    with pytest.raises(UserError) as refused:
        sign(core, built, pledge_id, built.officers["YTE"])
    assert refused.value.key == "pledge.closed" and refused.value.params["at"] == "15/12/2026 17:00"


def test_a_removed_unit_no_longer_counts_nor_signs(core, built) -> None:
    pledge_id = open_pledge(core, built)
    with core.db.session() as s:
        blocs.remove_unit(s, bloc=built.bloc, code="BDT", actor=built.officers["VHTTDL"], now=core.now())
    assert board(core, pledge_id).total == 8
    with pytest.raises(UserError) as refused:
        sign(core, built, pledge_id, built.officers["BDT"])
    assert refused.value.key == "pledge.no_unit"


def test_which_pledge_a_command_means(core, built) -> None:
    with core.db.session() as s:
        bloc = s.get(Bloc, built.bloc.id)
        with pytest.raises(UserError) as refused:
            rules.pick(s, bloc, None, "sign")
        assert refused.value.key == "pledge.none_open"
    this_year = open_pledge(core, built, year=2026, deadline=datetime(2026, 12, 10, 17, 0, tzinfo=VN))
    next_year = open_pledge(core, built)
    with core.db.session() as s:
        bloc = s.get(Bloc, built.bloc.id)
        with pytest.raises(UserError) as refused:
            rules.pick(s, bloc, None, "sign")
        assert refused.value.key == "pledge.which" and refused.value.params["years"] == "2026, 2027"
        assert rules.pick(s, bloc, 2027, "sign").id == next_year
        rules.close(s, pledge=s.get(Pledge, this_year), actor=built.officers["VHTTDL"], now=core.now(), early=True)
    with core.db.session() as s:
        bloc = s.get(Bloc, built.bloc.id)
        assert rules.pick(s, bloc, None, "sign").id == next_year
        rules.close(s, pledge=s.get(Pledge, next_year), actor=built.officers["VHTTDL"], now=core.now(), early=True)
    with core.db.session() as s:  # nothing open: the latest pledge, to read or to be told it is closed
        bloc = s.get(Bloc, built.bloc.id)
        assert rules.pick(s, bloc, None, "sign").id == next_year
        with pytest.raises(UserError) as refused:
            rules.pick(s, bloc, 2025, "sign")
        assert refused.value.key == "pledge.none_for_year"


# --- concurrency ------------------------------------------------------------------------------------
def test_racing_signatures_count_once_per_unit(core, built, monkeypatch) -> None:
    """Two officers of each of the 9 units sign at once, in 18 threads with their own sessions. Both
    officers of a unit read "not signed yet" before either writes (a barrier per unit holds them
    there), so only the database's unique index can keep one signature per unit: the loser of each
    race gets "already signed" with the winner's name."""
    pledge_id = open_pledge(core, built)
    extra = {code: add_officer(core, built, code, f"{code}-2", f"Phó {code}") for code in built.units}
    signers = [*built.officers.values(), *extra.values()]
    barriers = {unit.id: threading.Barrier(2, timeout=20) for unit in built.units.values()}
    real_lookup = rules.active_signature
    waited = threading.local()
    lock = threading.Lock()

    def stale_lookup(s: Session, p_id: int, unit_id: int):
        found = real_lookup(s, p_id, unit_id)
        if not getattr(waited, "done", False):  # the first read only, not the re-read after losing
            waited.done = True
            barriers[unit_id].wait()  # the unit's other officer has read "nobody signed" too
        return found

    monkeypatch.setattr(rules, "active_signature", stale_lookup)
    outcomes: list[rules.SignOutcome] = []
    errors: list[BaseException] = []

    def press(actor: Actor) -> None:
        try:
            outcome = sign(core, built, pledge_id, actor)
            with lock:
                outcomes.append(outcome)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=press, args=(actor,)) for actor in signers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    assert len(outcomes) == 18
    assert sum(o.signed for o in outcomes) == 9
    by_unit: dict[str, list[rules.SignOutcome]] = {}
    for outcome in outcomes:
        by_unit.setdefault(outcome.unit.code, []).append(outcome)
    for pair in by_unit.values():  # the loser is told who won
        winner = next(o for o in pair if o.signed)
        loser = next(o for o in pair if not o.signed)
        assert loser.signer.id == winner.signer.id and loser.signature.id == winner.signature.id
    assert count(core, PledgeSignature) == 9
    assert board(core, pledge_id).count == 9


# --- reminders and the close at the deadline ----------------------------------------------------------
async def test_reminders_go_to_unsigned_units_and_the_deadline_closes(core, clock, built) -> None:
    messenger = MemoryMessenger()
    core.add_messenger(messenger)
    pledge_id = open_pledge(core, built)
    signed = ["VHTTDL", "YTE", "GDDT", "LDTBXH", "TTTT", "PTTH", "BHXH"]
    for code in signed:
        sign(core, built, pledge_id, built.officers[code])
    engine = ReminderEngine(core, {"pledge": PledgeReminders()}, {}, fire_rate=None)
    clock.set(datetime(2026, 12, 8, 17, 0, tzinfo=VN))
    report = await engine.tick()
    assert report.fired == 1
    group = messenger.texts_to("-100")
    assert len(group) == 1 and "còn 2/9 đơn vị chưa ký" in group[0]
    assert "BDT — Ban Dân tộc: Minh" in group[0] and "CDSP — Trường Cao đẳng Sư phạm: Ngọc" in group[0]
    assert "YTE" not in group[0]
    group_post = next(x.message for x in messenger.sent if x.chat_id == "-100")
    assert group_post.buttons[0][0].data == f"pl:s:{pledge_id}"
    private = sorted((x.chat_id, x.message.text) for x in messenger.sent if x.chat_id != "-100")
    assert [chat for chat, _ in private] == ["u7", "u8"]
    assert said(private[0][1], 'pledge.remind_dm', code='BDT', unit='Ban Dân tộc', year=2027)
    with core.db.session() as s:
        reminded = set(s.exec(select(SentReminder.unit_id)))
    assert reminded == {built.units["BDT"].id, built.units["CDSP"].id}

    # Everyone signs: the next reminder has nothing to say.
    sign(core, built, pledge_id, built.officers["BDT"])
    sign(core, built, pledge_id, built.officers["CDSP"])
    clock.set(datetime(2026, 12, 14, 8, 0, tzinfo=VN))
    assert (await engine.tick()).skipped == 1

    # At the deadline the pledge closes and the final list is posted.
    clock.set(DEADLINE)
    await engine.tick()
    with core.db.session() as s:
        pledge = s.get(Pledge, pledge_id)
        assert pledge.state == "closed" and pledge.closed_by_id is None
    final = messenger.texts_to("-100")[-1]
    assert "ĐÃ ĐÓNG KÝ GIAO ƯỚC THI ĐUA NĂM 2027" in final and "Đã ký: 9/9 đơn vị" in final
    assert said(final, 'pledge.final_all')
    # Nobody left to chase: no summary to the head.
    clock.set(datetime(2026, 12, 21, 8, 0, tzinfo=VN))
    assert (await engine.tick()).skipped == 1


async def test_a_deadline_missed_while_down_still_closes_and_the_head_gets_the_summary(core, clock, built) -> None:
    messenger = MemoryMessenger()
    core.add_messenger(messenger)
    pledge_id = open_pledge(core, built)
    sign(core, built, pledge_id, built.officers["YTE"])
    engine = ReminderEngine(core, {"pledge": PledgeReminders()}, {}, fire_rate=None)
    # The bot was down from before the first reminder until after the summary's moment.
    clock.set(datetime(2026, 12, 21, 9, 0, tzinfo=VN))
    report = await engine.tick()
    assert report.fired == 1 and report.skipped == 5
    with core.db.session() as s:
        assert s.get(Pledge, pledge_id).state == "closed"
    final = messenger.texts_to("-100")
    assert len(final) == 1 and "Đã ký: 1/9 đơn vị" in final[0] and "Chưa ký (8 đơn vị)" in final[0]
    # The head unit's officer (u0) gets the summary privately.
    summary = [x.message.text for x in messenger.sent if x.chat_id == "u0"]
    assert len(summary) == 1 and summary[0].startswith("📋 Tổng hợp ký giao ước thi đua năm 2027")
    assert "1/9 đơn vị đã ký" in summary[0] and "BDT — Ban Dân tộc" in summary[0]


def test_remind_config_replans_open_pledges(core, built) -> None:
    pledge_id = open_pledge(core, built)
    with core.db.session() as s:
        bloc = s.get(Bloc, built.bloc.id)
        reminder_config.set_plan(s, bloc=bloc, kind="pledge", text="2n tổng+2", actor=built.officers["VHTTDL"],
                                 now=core.now())
        assert PledgeReminders().replan_bloc(s, bloc, core.now()) == 1
    with core.db.session() as s:
        pending = {row.slot for row in slots_of(s, "pledge", pledge_id) if row.state == "pending"}
    assert pending == {"b2880m", "at", "summary2@0800"}


# --- export ----------------------------------------------------------------------------------------------
def test_the_export_opens_in_a_spreadsheet_with_the_right_rows(core, built, clock) -> None:
    pledge_id = open_pledge(core, built)
    sign(core, built, pledge_id, built.officers["YTE"])
    clock.advance(timedelta(minutes=30))
    sign(core, built, pledge_id, built.officers["BDT"])
    unsign(core, built, pledge_id, built.officers["BDT"])
    clock.advance(timedelta(minutes=1))
    sign(core, built, pledge_id, built.officers["BDT"])
    with core.db.session() as s:
        b = rules.board(s, s.get(Pledge, pledge_id))
        xlsx = export.to_xlsx(s, b)
    book = load_workbook(io.BytesIO(xlsx))
    sheet = book["Ký giao ước 2027"]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0] == ["Mã đơn vị", "Tên đơn vị", "Cán bộ ký", "Thời gian ký", "Trạng thái"]
    assert len(values) == 10
    by_code = {row[0]: row for row in values[1:]}
    assert by_code["YTE"] == ["YTE", "Sở Y tế", "Hùng", "23/11/2026 09:00", "Đã ký"]
    assert by_code["BDT"] == ["BDT", "Ban Dân tộc", "Minh", "23/11/2026 09:31", "Đã ký"]
    assert by_code["GDDT"] == ["GDDT", "Sở Giáo dục và Đào tạo", None, None, "Chưa ký"]
    history = [list(row) for row in book["Lịch sử ký"].iter_rows(values_only=True)]
    assert history[1:] == [["YTE", "Sở Y tế", "Hùng", "23/11/2026 09:00", None],
                           ["BDT", "Ban Dân tộc", "Minh", "23/11/2026 09:30", "23/11/2026 09:30"],
                           ["BDT", "Ban Dân tộc", "Minh", "23/11/2026 09:31", None]]

    raw = export.to_csv(b)
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes Excel read UTF-8
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][0] == "Mã đơn vị" and len(rows) == 10
    assert ["LDTBXH", "Sở Lao động – Thương binh và Xã hội", "", "", "Chưa ký"] in rows


def test_a_racing_second_open_is_refused_by_the_database(core, built, monkeypatch) -> None:
    open_pledge(core, built)
    monkeypatch.setattr(rules, "check_new", lambda *args: None)  # both requests passed the early check
    with pytest.raises(UserError) as refused:
        open_pledge(core, built, text="cùng lúc")
    assert refused.value.key == "pledge.exists"
    assert count(core, Pledge) == 1


SMALL = [("YTE", "Sở Y tế"), ("GDDT", "Sở Giáo dục và Đào tạo"), ("BDT", "Ban Dân tộc")]


@pytest.fixture
def small(core: Core) -> tuple[BuiltBloc, dict[str, tuple[Actor, Actor]], int]:
    """Three units with two officers each and an open pledge, shared by the examples of one test."""
    built = build_bloc(core, units=SMALL, head="YTE")
    officers = {code: (built.officers[code], add_officer(core, built, code, f"{code}-2", f"Phó {code}", "YTE"))
                for code, _ in SMALL}
    return built, officers, open_pledge(core, built, by="YTE")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from([code for code, _ in SMALL]), st.integers(0, 1), st.booleans()),
                      max_size=20))
def test_signatures_follow_a_simple_model(core, small, steps) -> None:
    """Any sequence of signing and withdrawing by the two officers of three units: the first signer of
    a unit counts until withdrawn, the count is the number of units signed, no row is ever lost."""
    built, officers, pledge_id = small
    with core.db.session() as s:
        for row in s.exec(select(PledgeSignature)):  # each example starts with no signature
            s.delete(row)
    model: dict[str, int] = {}
    rows = 0
    for code, which, signing in steps:
        actor = officers[code][which]
        if signing:
            outcome = sign(core, built, pledge_id, actor)
            assert outcome.signed == (code not in model)
            if outcome.signed:
                model[code], rows = which, rows + 1
            assert outcome.signer.id == officers[code][model[code]].officer_id
        elif code in model:
            unsign(core, built, pledge_id, actor)
            del model[code]
        else:
            with pytest.raises(UserError):
                unsign(core, built, pledge_id, actor)
    b = board(core, pledge_id)
    assert b.count == len(model) and {x.unit.code for x in b.signed} == set(model)
    assert count(core, PledgeSignature) == rows
