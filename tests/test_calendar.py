"""The calendar's rules: reading what the head types, who still owes what, what each reminder says,
and the iCalendar export; services on a temporary SQLite database with an injected clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from sqlmodel import select

from bot.dates import parse_when
from bot.errors import UserError
from bot.i18n import t
from bot.ports import Attachment
from bot.services.blocs.standing import standing
from bot.services.calendar import service as cal
from bot.services.calendar import views
from bot.services.calendar.boards import LATE, MISSING, ON_TIME, deadline_boards, meeting_boards
from bot.services.calendar.export import unit_file_name
from bot.services.calendar.ics import build_ics, uid
from bot.services.calendar.reminders import CalendarSource, phase_of
from bot.services.calendar.views import time_left
from bot.services.reminders.slots import slots_of
from storage.models import AuditLog, CalendarItem, CalendarScope, ReminderSlot
from storage.models.calendar import DEADLINE, EXEMPT, MEETING, PAPER
from tests.builders import build_bloc
from tests.conftest import VN
from tests.texts import said

DUE = datetime(2026, 12, 10, 17, 0, tzinfo=VN)  # Thursday


# --- reading what the head types -----------------------------------------------------------------------
@pytest.mark.parametrize(("word", "kind"), [
    ("sơ kết", cal.SO_KET), ("So Ket", cal.SO_KET), ("soket", cal.SO_KET), ("tổng kết", cal.TONG_KET),
    ("TỔNG  KẾT", cal.TONG_KET), ("year-end", cal.TONG_KET), ("khác", cal.KHAC), ("other", cal.KHAC),
])
def test_meeting_kinds_are_read_with_or_without_accents(word: str, kind: str) -> None:
    assert cal.meeting_kind_of(word) == kind


def test_an_unknown_meeting_kind_is_refused() -> None:
    with pytest.raises(UserError) as err:
        cal.meeting_kind_of("họp mặt")
    assert err.value.key == "cal.bad_meeting_kind"


@pytest.mark.parametrize(("title", "kind"), [
    ("Hội nghị tổng kết công tác thi đua năm 2026", cal.TONG_KET),
    ("HỘI NGHỊ SƠ KẾT 6 THÁNG ĐẦU NĂM", cal.SO_KET),
    ("Hội nghị ký kết giao ước thi đua", cal.KHAC),
])
def test_the_kind_is_inferred_from_the_title(title: str, kind: str) -> None:
    assert cal.infer_meeting_kind(title) == kind


def test_deadline_fields() -> None:
    assert cal.deadline_fields(["Báo cáo"]) == cal.DeadlineFields("Báo cáo", None, None)
    assert cal.deadline_fields(["Báo cáo", "Kế hoạch 1116/KH-KTĐVHXH"]) == \
        cal.DeadlineFields("Báo cáo", "Kế hoạch 1116/KH-KTĐVHXH", None)
    assert cal.deadline_fields(["Báo  cáo ", "units=YTE, gddt"]) == cal.DeadlineFields("Báo cáo", None, ["YTE", "GDDT"])
    assert cal.deadline_fields(["Báo cáo", "đơn vị: YTE;BDT", "KH 1"]) == cal.DeadlineFields("Báo cáo", "KH 1", ["YTE", "BDT"])
    for bad, key in ([[], "cal.deadline.usage"], [[""], "cal.deadline.usage"],
                     [["X", "a", "b"], "cal.deadline.usage"], [["X", "units="], "cal.deadline.no_units"],
                     [["X", "units=A", "units=B"], "cal.deadline.usage"], [["X" * 301], "cal.too_long"]):
        with pytest.raises(UserError) as err:
            cal.deadline_fields(bad)
        assert err.value.key == key


@pytest.mark.parametrize(("word", "mark"), [
    ("mien", EXEMPT), ("miễn", EXEMPT), ("exempt", EXEMPT), ("giay", PAPER), ("giấy", PAPER), ("paper", PAPER),
    ("bo", "clear"), ("bỏ", "clear"), ("clear", "clear"),
])
def test_mark_words(word: str, mark: str) -> None:
    assert cal.mark_word(word) == mark


def test_slot_phases_follow_the_planner_keys() -> None:
    assert [phase_of(k) for k in ("b10080m", "day@0800", "over1@0800", "summary4@0800")] == \
        ["before", "today", "overdue", "summary"]


def test_time_left_is_rounded_to_the_nearest_unit() -> None:
    item = CalendarItem(bloc_id=1, kind=DEADLINE, title="x", when_at=DUE, year=2026)
    assert time_left("vi", item, DUE - timedelta(days=7)) == "còn 7 ngày"
    assert time_left("vi", item, DUE - timedelta(hours=2, minutes=10)) == "còn 2 giờ"
    assert time_left("en", item, DUE - timedelta(minutes=30)) == "30 minute(s) left"


def test_every_date_refusal_shows_the_accepted_forms() -> None:
    now = datetime(2026, 11, 23, 9, 0, tzinfo=VN)
    for raw in ("31/02/2027 08:00", "20/12/2026 25:00", "hôm qua", "20/12/2026", "20/11/2026 08:00"):
        with pytest.raises(UserError) as err:
            parse_when(raw, now=now, tz="Asia/Ho_Chi_Minh")
        text = t("vi", err.value.key, **err.value.params)
        assert "20/12/2026 08:00 · 20/12/2026 8h · 8h30 20/12/2026 · 20/12 14:00" in text and "2026-12-20 08:00" in text


@given(st.datetimes(min_value=datetime(2026, 11, 24), max_value=datetime(2035, 12, 31)).map(
    lambda d: d.replace(minute=0, second=0, microsecond=0, tzinfo=VN)))
def test_whole_hours_round_trip_in_every_short_form(moment: datetime) -> None:
    now = datetime(2026, 11, 23, 9, 0, tzinfo=VN)
    for text in (f"{moment:%d/%m/%Y} {moment.hour}h", f"{moment.hour}h {moment:%d/%m/%Y}",
                 f"{moment:%Y-%m-%d} {moment.hour}:00", f"{moment.hour}g {moment:%d/%m/%Y}"):
        assert parse_when(text, now=now, tz="Asia/Ho_Chi_Minh") == moment.astimezone(UTC), text


# --- services on a real database -------------------------------------------------------------------------
@pytest.fixture
def built(core):
    return build_bloc(core)


def _deadline(core, built, *, codes: list[str] | None = None, when: datetime = DUE) -> CalendarItem:
    with core.db.session() as s:
        return cal.create_deadline(s, bloc=built.bloc, actor=built.admin, when=when,
                                   fields=cal.DeadlineFields("Báo cáo năm", "KH 1116", codes), template=None,
                                   now=core.now())


def _submit(core, built, item: CalendarItem, code: str) -> None:
    with core.db.session() as s:
        who = standing(s, built.bloc, built.officers[code], core.now())
        saved = core.files.write(f"{code} {core.now()}".encode())
        cal.record_submission(s, bloc=built.bloc, who=who, item_id=item.id, saved=saved,  # type: ignore[arg-type]
                              attachment=Attachment("document", file_ref="F", file_name=f"{code}.pdf", size=3),
                              platform="telegram", now=core.now())


def _mark(core, built, item: CalendarItem, code: str, mark: str) -> None:
    with core.db.session() as s:
        cal.set_mark(s, bloc=built.bloc, item_id=item.id, code=code, mark=mark, actor=built.admin,  # type: ignore[arg-type]
                     now=core.now())


def test_a_deadline_is_planned_with_the_defaults_and_audited(core, built) -> None:
    item = _deadline(core, built)
    with core.db.session() as s:
        slots = {r.slot: r.due_at.astimezone(VN) for r in slots_of(s, DEADLINE, item.id)}  # type: ignore[arg-type]
        audit = s.exec(select(AuditLog).where(AuditLog.action == "deadline.create")).one()
    assert slots["b10080m"] == datetime(2026, 12, 3, 17, 0, tzinfo=VN)
    assert slots["day@0800"] == datetime(2026, 12, 10, 8, 0, tzinfo=VN)
    assert slots["summary4@0800"] == datetime(2026, 12, 16, 8, 0, tzinfo=VN)
    assert '"units": "all"' in audit.details and "KH 1116" in audit.details


def test_listed_units_are_rows_and_unknown_codes_refused(core, built) -> None:
    item = _deadline(core, built, codes=["yte", "GDDT", "YTE"])
    with core.db.session() as s:
        assert len(s.exec(select(CalendarScope)).all()) == 2
        board = deadline_boards(s, [item])[item.id]  # type: ignore[index]
    assert [r.unit.code for r in board.rows] == ["GDDT", "YTE"]
    with pytest.raises(UserError) as err:
        _deadline(core, built, codes=["YTE", "ZZZ"])
    assert err.value.key == "cal.deadline.unknown_units" and err.value.params["codes"] == "ZZZ"


def test_unit_states_a_submission_wins_over_a_mark_and_the_first_version_decides(core, clock, built) -> None:
    item = _deadline(core, built)
    _submit(core, built, item, "YTE")
    _mark(core, built, item, "GDDT", PAPER)
    _mark(core, built, item, "BDT", EXEMPT)
    _mark(core, built, item, "YTE", EXEMPT)  # YTE also submitted: the file counts
    clock.set(DUE + timedelta(hours=1))
    _submit(core, built, item, "YTE")  # a late second version does not make YTE late
    _submit(core, built, item, "CDSP")
    with core.db.session() as s:
        board = deadline_boards(s, [item])[item.id]  # type: ignore[index]
    states = {r.unit.code: r.state for r in board.rows}
    assert states == {"YTE": ON_TIME, "GDDT": PAPER, "BDT": EXEMPT, "CDSP": LATE, "VHTTDL": MISSING,
                      "LDTBXH": MISSING, "TTTT": MISSING, "PTTH": MISSING, "BHXH": MISSING}
    assert (board.done, board.required, len(board.pending)) == (3, 8, 5)
    assert [v.version for v in next(r for r in board.rows if r.unit.code == "YTE").versions] == [1, 2]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(["submit", EXEMPT, PAPER, "none"]), min_size=9, max_size=9))
def test_the_pending_units_are_exactly_those_without_a_file_or_a_mark(core, built, actions: list[str]) -> None:
    item = _deadline(core, built)
    codes = sorted(built.units)
    for code, action in zip(codes, actions, strict=True):
        if action == "submit":
            _submit(core, built, item, code)
        elif action != "none":
            _mark(core, built, item, code, action)
    with core.db.session() as s:
        board = deadline_boards(s, [item])[item.id]  # type: ignore[index]
        reminder = CalendarSource(DEADLINE).build(s, s.exec(select(ReminderSlot).where(
            ReminderSlot.item_id == item.id, ReminderSlot.slot == "b10080m")).one(), DUE - timedelta(days=7))
    expected = {c for c, a in zip(codes, actions, strict=True) if a == "none"}
    assert {u.code for u in board.pending} == expected
    assert board.done + len(board.pending) == board.required == 9 - actions.count(EXEMPT)
    if expected:
        assert reminder is not None and {u.code for u in reminder.units} == expected
    else:
        assert reminder is None


def test_the_deadline_source_by_phase(core, clock, built) -> None:
    item = _deadline(core, built)
    _submit(core, built, item, "YTE")
    source = CalendarSource(DEADLINE)
    with core.db.session() as s:
        slots = {r.slot: r for r in slots_of(s, DEADLINE, item.id)}  # type: ignore[arg-type]
        before = source.build(s, slots["b4320m"], DUE - timedelta(days=3))
        # A reminder before the due time that comes after it (the bot was down) sends nothing.
        assert source.build(s, slots["b1440m"], DUE + timedelta(minutes=1)) is None
        overdue = source.build(s, slots["over1@0800"], DUE + timedelta(hours=15))
        summary = source.build(s, slots["summary4@0800"], DUE + timedelta(days=6))
    assert before is not None and len(before.units) == 8 and "YTE" not in before.group_text
    assert before.group_text.startswith("⏰ Nhắc việc: #1 · Hạn nộp «Báo cáo năm» — hạn 10/12/2026 17:00 (còn 3 ngày).")
    assert "• BDT — Ban Dân tộc: Minh" in before.group_text
    assert before.private_text(built.units["BDT"]).startswith("⏰ Đơn vị BDT chưa nộp")
    assert overdue is not None and overdue.group_text.startswith("⚠️ Quá hạn: #1")
    assert summary is not None and summary.units == [] and summary.group_text is None
    assert summary.managers_text.startswith("📊 Tổng hợp #1") and "• BDT — Ban Dân tộc" in summary.managers_text
    # A cancelled deadline sends nothing at all.
    with core.db.session() as s:
        cal.cancel_item(s, bloc=built.bloc, item_id=item.id, actor=built.admin, reason="", now=core.now())  # type: ignore[arg-type]
        assert source.build(s, slots["summary4@0800"], DUE + timedelta(days=6)) is None
        assert {r.state for r in slots_of(s, DEADLINE, item.id) if r.state != "cancelled"} == set()  # type: ignore[arg-type]


def test_the_meeting_source_reminds_everyone_and_names_the_unconfirmed(core, built) -> None:
    with core.db.session() as s:
        item = cal.create_meeting(s, bloc=built.bloc, actor=built.admin, when=DUE, title="Hội nghị tổng kết",
                                  place="Hội trường", meeting_kind=None, now=core.now())
        who = standing(s, built.bloc, built.officers["YTE"], core.now())
        cal.attend(s, bloc=built.bloc, who=who, item_id=item.id, delegate="Nguyễn Văn An", now=core.now())  # type: ignore[arg-type]
    source = CalendarSource(MEETING)
    with core.db.session() as s:
        slot = next(r for r in slots_of(s, MEETING, item.id) if r.slot == "b1440m")  # type: ignore[arg-type]
        reminder = source.build(s, slot, DUE - timedelta(days=1))
        assert source.build(s, slot, DUE + timedelta(minutes=5)) is None
        board = meeting_boards(s, [item])[item.id]  # type: ignore[index]
    assert item.meeting_kind == cal.TONG_KET
    assert reminder is not None and len(reminder.units) == 9
    assert "• YTE" not in reminder.group_text and "• GDDT" in reminder.group_text
    assert reminder.buttons[0][0].data == f"mt:a:{item.id}"
    assert said(reminder.private_text(built.units["YTE"]), 'cal.meeting.delegate_suffix', name='Nguyễn Văn An')
    assert "chưa xác nhận" in reminder.private_text(built.units["GDDT"])
    assert [u.code for u, _ in board.confirmed] == ["YTE"]


def test_the_ics_export_parses_back_with_stable_uids_and_sequences(core, built) -> None:
    item = _deadline(core, built)
    with core.db.session() as s:
        meeting = cal.create_meeting(s, bloc=built.bloc, actor=built.admin, when=DUE + timedelta(days=8),
                                     title="Hội nghị tổng kết; năm 2026, Khối VH-XH", place="Hội trường, tầng 2",
                                     meeting_kind=None, now=core.now())
        cal.move_item(s, bloc=built.bloc, item_id=item.id, when=DUE + timedelta(days=1), actor=built.admin,  # type: ignore[arg-type]
                      now=core.now())
        cal.cancel_item(s, bloc=built.bloc, item_id=meeting.id, actor=built.admin, reason="Hoãn", now=core.now())  # type: ignore[arg-type]
        items = s.exec(select(CalendarItem).order_by(CalendarItem.id)).all()
        raw = build_ics(built.bloc, list(items), core.now())
    parsed = Calendar.from_ical(raw)
    assert str(parsed["x-wr-calname"]) == "Khối thi đua Văn hóa – Xã hội"
    events = {str(e["uid"]): e for e in parsed.walk("VEVENT")}
    deadline_event, meeting_event = events[uid(items[0])], events[uid(items[1])]
    assert deadline_event.decoded("dtstart") == datetime(2026, 12, 11, 10, 0, tzinfo=UTC)
    assert "dtend" not in deadline_event and int(deadline_event["sequence"]) == 1
    assert str(deadline_event["status"]) == "CONFIRMED"
    assert str(meeting_event["summary"]) == "[#2] Hội nghị tổng kết; năm 2026, Khối VH-XH"
    assert str(meeting_event["location"]) == "Hội trường, tầng 2"
    assert meeting_event.decoded("dtend") - meeting_event.decoded("dtstart") == timedelta(hours=3)
    assert str(meeting_event["status"]) == "CANCELLED" and int(meeting_event["sequence"]) == 1
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75  # folded as RFC 5545 requires


def test_moves_and_cancels_are_one_group_notice_each(core, built) -> None:
    from storage.models import OutboxMessage

    item = _deadline(core, built, codes=["YTE", "BDT"])
    with core.db.session() as s:
        cal.move_item(s, bloc=built.bloc, item_id=item.id, when=DUE + timedelta(days=2), actor=built.admin,  # type: ignore[arg-type]
                      now=core.now())
        cal.cancel_item(s, bloc=built.bloc, item_id=item.id, actor=built.admin, reason="Hủy", now=core.now())  # type: ignore[arg-type]
        rows = s.exec(select(OutboxMessage).order_by(OutboxMessage.id)).all()
    # The officers see the group: no private copies (tests/test_e2e_calendar_changes.py has the Zalo ones).
    assert [r.chat_id for r in rows] == ["-100", "-100"]
    assert rows[0].text.startswith("📢 Thay đổi thời gian: #1") and rows[1].text.endswith("Lý do: Hủy")
    with pytest.raises(UserError) as err, core.db.session() as s:
        cal.move_item(s, bloc=built.bloc, item_id=item.id, when=DUE, actor=built.admin, now=core.now())  # type: ignore[arg-type]
    assert err.value.key == "cal.is_cancelled"


@pytest.mark.parametrize(("code", "file_name", "expected"), [
    ("YTE", "baocao.docx", "YTE_baocao.docx"),
    ("YTE", "YTE_baocao_2026.docx", "YTE_baocao_2026.docx"),
    ("YTE", "yte-bao cao.pdf", "yte-bao cao.pdf"),
    ("YTE", "YTEX_baocao.docx", "YTE_YTEX_baocao.docx"),  # another code that merely starts alike
    ("GDDT", "../../etc/passwd", "GDDT_passwd"),
])
def test_collected_files_are_named_by_unit_once(code: str, file_name: str, expected: str) -> None:
    assert unit_file_name(code, file_name) == expected


def test_a_title_that_names_its_kind_is_not_prefixed_twice(core, built) -> None:
    item = CalendarItem(id=3, bloc_id=1, kind="meeting", meeting_kind="tong_ket", title="Hội nghị tổng kết năm 2026",
                        when_at=datetime(2026, 12, 20, 1, 0, tzinfo=UTC), created_at=datetime(2026, 11, 1, tzinfo=UTC))
    assert views.head("vi", item) == "#3 · «Hội nghị tổng kết năm 2026»"
    item.title = "Tổng kết năm 2026"
    assert views.head("vi", item) == "#3 · Hội nghị tổng kết «Tổng kết năm 2026»"
