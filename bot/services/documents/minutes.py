"""Minutes in official form (bot/services/documents/layout.py): the year's evaluation meeting
(biên bản họp bình xét, suy tôn: /minutes) and the count of one vote (/vote_minutes).

Official documents go to the provincial council in Vietnamese whatever the bloc's chat language, so
their wording lives here, not in the chat catalog. Everything comes from stored results only: nothing
stored links a unit to its choices.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction

from sqlmodel import Session, col, select

from bot.errors import UserError
from bot.i18n import t
from bot.services.calendar.service import TONG_KET
from bot.services.scores.service import final_scores
from bot.services.scores.table import fmt as fmt_points
from bot.services.votes import final as finals
from bot.services.votes.export import count_rows
from bot.services.votes.service import AWARD, CLOSED, OPEN, outcome
from bot.services.votes.slips import hashes
from bot.services.votes.tally import percent_text
from bot.services.votes.views import rules_lines, turnout
from bot.text import fold
from bot.timefmt import fmt_datetime, to_local
from storage.models import Attendance, Bloc, CalendarItem, Pledge, PledgeSignature, Unit, Vote
from storage.queries.blocs import member_units, role_of_year
from storage.queries.votes import votes_of_year

from .layout import Issuer, OfficialDocument, Signer

DOTS = "………………"


def _role(kind: str) -> str:
    """"Trưởng khối", "Phó trưởng khối": the chat's word, in Vietnamese as every document is."""
    return t("vi", f"role.{kind}")


@dataclass(frozen=True)
class Options:
    """What the head may add on the command line: the number and the meeting's committee."""

    number: str | None = None
    chair: str | None = None
    secretary: str | None = None
    tellers: list[str] = field(default_factory=list)


_OPTION_WORDS = {
    "so": "number", "number": "number", "chu tri": "chair", "chair": "chair", "thu ky": "secretary",
    "secretary": "secretary", "kiem phieu": "tellers", "to kiem phieu": "tellers", "tellers": "tellers",
}


def parse_options(parts: list[str]) -> Options:
    """``số: 05 | chủ trì: Nguyễn Văn A | thư ký: Trần Thị B | kiểm phiếu: Lê C, Phạm D``."""
    values: dict[str, str] = {}
    for part in parts:
        label, sep, value = part.partition(":")
        key = _OPTION_WORDS.get(" ".join(fold(label).split()))
        if not sep or key is None or not value.strip():
            raise UserError("docs.bad_option", option=part.strip()[:60])
        values[key] = " ".join(value.split())[:100]
    tellers = [n.strip() for n in values.get("tellers", "").split(",") if n.strip()]
    return Options(number=values.get("number"), chair=values.get("chair"), secretary=values.get("secretary"),
                   tellers=tellers)


def issuer(s: Session, bloc: Bloc, year: int, day: date) -> Issuer:
    assert bloc.id is not None
    head = role_of_year(s, bloc.id, year, "head")
    unit = s.get(Unit, head.unit_id) if head is not None else None
    return Issuer(bloc_name=bloc.name, head_unit=unit.name if unit else None, place=bloc.place or DOTS, day=day)


def _share(n: int, base: int) -> str:
    return percent_text(Fraction(n, base), "vi") if base else ""


def year_meeting(s: Session, bloc: Bloc, year: int) -> CalendarItem | None:
    """The year-end conference of ``year`` (tổng kết), else its last conference."""
    assert bloc.id is not None
    meetings = list(s.exec(select(CalendarItem).where(
        CalendarItem.bloc_id == bloc.id, CalendarItem.kind == "meeting", CalendarItem.year == year,
        CalendarItem.state == "open").order_by(col(CalendarItem.when_at))))
    year_end = [m for m in meetings if m.meeting_kind == TONG_KET]
    chosen = year_end or meetings
    return chosen[-1] if chosen else None


def vote_section(doc: OfficialDocument, s: Session, vote: Vote, number: str) -> None:
    """One vote: what was voted on, the rules, turnout and blank ballots, the counts and shares, the
    outcome (selected, tied for a run-off, elected), and the hashes a recount is checked against."""
    assert vote.id is not None
    bloc = s.get(Bloc, vote.bloc_id)
    assert bloc is not None
    if vote.kind == AWARD:
        what = f"Bình xét, suy tôn {vote.title} năm {vote.year}"
    else:
        what = f"Bầu {_role(vote.kind)} năm {vote.term_year}"
    if vote.runoff_of:
        what += f" — bầu lại (vòng {vote.round}, sau phiếu số {vote.runoff_of})"
    doc.heading(f"{number}. {what} (phiếu số {vote.id})")
    closed = fmt_datetime(vote.closed_at, bloc.timezone) if vote.closed_at else ""
    doc.para(f"mở lúc {fmt_datetime(vote.opened_at, bloc.timezone)}, đóng lúc {closed}; "
             f"số đơn vị được bầu chọn tối đa trên mỗi phiếu: {vote.quota}.", label="Thời gian bỏ phiếu: ")
    doc.para("; ".join(line.lstrip("• ").rstrip(".") for line in rules_lines(vote, "vi")) + ".",
             label="Quy chế áp dụng: ")
    _, waiting = turnout(s, vote)
    cast, blank = vote.cast_count or 0, vote.blank_count or 0
    doc.para(f"số đơn vị thành viên có quyền bỏ phiếu: {vote.members}; số phiếu thu về: {cast} "
             f"({_share(cast, vote.members)}); phiếu trắng: {blank}; đơn vị không bỏ phiếu: "
             f"{', '.join(u.code for u in waiting) or 'không có'}.", label="Kết quả kiểm phiếu: ")
    result = outcome(vote)
    if vote.state != CLOSED:
        doc.para(f"Cuộc bỏ phiếu không có giá trị: cần ít nhất {result.quorum_needed} đơn vị bỏ phiếu; "
                 "không kiểm phiếu, các phiếu đã gửi bị huỷ.")
        return
    counted = count_rows(s, vote, "vi")
    rows = [[str(c.position), unit.name, unit.code, str(n), share, mark[:1].upper() + mark[1:]]
            for c, unit, n, share, mark in counted]
    header = ["Số TT trên phiếu", "Đơn vị", "Mã", "Số phiếu đồng ý", "Tỷ lệ", "Kết quả"]
    scores = final_scores(s, vote.bloc_id, vote.year) if vote.kind == AWARD else {}
    if scores:  # the settled score beside each candidate (the scores rank, the vote decides)
        header.insert(3, "Điểm chấm (hạng)")
        for row, (c, *_) in zip(rows, counted, strict=True):
            settled = scores.get(c.unit_id)
            row.insert(3, f"{fmt_points(settled[0])} ({settled[1]})" if settled else "—")
    doc.table(header, rows, numeric=(0, 2, 3, 4, 5) if scores else (0, 2, 3, 4))
    selected = [unit for c, unit, *_ in counted if c.selected]
    tied = [unit for c, unit, *_ in counted if c.tied]
    if vote.kind == AWARD:
        doc.para("; ".join(u.name for u in selected) or "không có", label="Đơn vị được suy tôn: ")
    else:
        role = _role(vote.kind)
        doc.para(selected[0].name if selected else "chưa có (bầu lại)", label=f"Đơn vị trúng cử {role}: ")
    if tied:
        doc.para("; ".join(u.name for u in tied) + ".", label="Bằng phiếu ở suất cuối (bầu lại): ")
    found = hashes(s, vote)
    doc.para("bất kỳ ai cũng có thể đếm lại từ tệp phiếu ẩn danh (chỉ lựa chọn, thứ tự đã xáo trộn) và đối chiếu "
             "mã phiếu của mình với danh sách mã phiếu đã được đếm; mã SHA-256 của hai tệp:", label="Kiểm tra: ")
    doc.small("Tệp phiếu ẩn danh: ", found.slips)
    doc.small(f"Danh sách {len(result.receipts)} mã phiếu: ", found.receipts)


def _attendance(s: Session, bloc: Bloc, year: int, meeting: CalendarItem | None) -> str:
    assert bloc.id is not None
    members = member_units(s, bloc.id, year)
    if meeting is None or meeting.id is None:
        return f"đại diện {len(members)} đơn vị thành viên Khối: " + "; ".join(u.name for u in members) + "."
    rows = list(s.exec(select(Attendance).where(Attendance.item_id == meeting.id)))
    present = {a.unit_id: a for a in rows}
    names = [f"{u.name}" + (f" (đ/c {present[u.id].delegate})" if u.id in present and present[u.id].delegate else "")
             for u in members if u.id in present]
    absent = [u.name for u in members if u.id not in present]
    text = f"{len(names)}/{len(members)} đơn vị thành viên xác nhận dự: " + ("; ".join(names) or "không có") + "."
    if absent:
        text += " Không xác nhận dự: " + "; ".join(absent) + "."
    return text


def _day(s: Session, bloc: Bloc, meeting: CalendarItem | None, votes: list[Vote], now: datetime) -> date:
    when = meeting.when_at if meeting is not None else max(
        (v.closed_at for v in votes if v.closed_at is not None), default=now)
    return to_local(when, bloc.timezone).date()


def settled_votes(s: Session, bloc: Bloc, year: int, *, none_ok: bool = False) -> list[Vote]:
    """The year's votes, refused while one is still open (a document must not freeze a count that
    is still moving) or when there is none (unless ``none_ok``)."""
    assert bloc.id is not None
    votes = votes_of_year(s, bloc.id, year)
    if not votes and not none_ok:
        raise UserError("docs.no_votes", year=year)
    if any(v.state == OPEN for v in votes):
        raise UserError("docs.votes_open", year=year, ids=", ".join(f"#{v.id}" for v in votes if v.state == OPEN))
    return votes


def year_minutes(s: Session, bloc: Bloc, year: int, options: Options, now: datetime) -> bytes:
    """Biên bản họp bình xét, suy tôn: the meeting, who attended, the committee, every vote and
    election of the year in order with its run-offs, the final answer, next year's pledge."""
    assert bloc.id is not None
    votes = settled_votes(s, bloc, year)
    meeting = year_meeting(s, bloc, year)
    doc = OfficialDocument(issuer(s, bloc, year, _day(s, bloc, meeting, votes, now)), kind="BB",
                           number=options.number, doc_type="Biên bản",
                           summary=f"Họp bình xét, suy tôn thi đua năm {year}")
    if meeting is not None:
        local = to_local(meeting.when_at, bloc.timezone)
        doc.para(f"{local:%H:%M}, ngày {local:%d/%m/%Y}.", label="Thời gian: ")
        doc.para(meeting.place or DOTS, label="Địa điểm: ")
        doc.para(meeting.title, label="Hội nghị: ")
    else:
        doc.para(DOTS, label="Thời gian, địa điểm: ")
    doc.para(_attendance(s, bloc, year, meeting), label="Thành phần: ")
    doc.para(options.chair or DOTS, label="Chủ trì: ")
    doc.para(options.secretary or DOTS, label="Thư ký: ")
    doc.para(", ".join(options.tellers) or DOTS, label="Tổ kiểm phiếu: ")
    doc.heading("NỘI DUNG")
    doc.para("Hội nghị tiến hành bình xét, suy tôn và bầu bằng phiếu kín; mỗi đơn vị thành viên một phiếu. "
             "Kết quả từng lần bỏ phiếu như sau:")
    for index, vote in enumerate(votes, start=1):
        vote_section(doc, s, vote, str(index))
    doc.heading("KẾT QUẢ CHUNG")
    for f in finals.final_results(s, bloc, year):
        title = f.title if f.kind == AWARD else f"{_role(f.kind)} năm {f.year}"
        if f.status == finals.DONE:
            answer = "; ".join(u.name for u in f.units)
        elif f.status == finals.TIED:
            answer = "còn bằng phiếu, chưa bầu lại"
        else:
            answer = "không có đơn vị được chọn"
        doc.para(answer + ".", label=f"- {title}: ", indent=True)
    pledge = s.exec(select(Pledge).where(Pledge.bloc_id == bloc.id, Pledge.year == year + 1,
                                         Pledge.state != "cancelled")).first()
    if pledge is not None and pledge.id is not None:
        signed = len(list(s.exec(select(PledgeSignature.id).where(PledgeSignature.pledge_id == pledge.id,
                                                                  col(PledgeSignature.withdrawn_at).is_(None)))))
        total = len(member_units(s, bloc.id, year + 1))
        doc.para(f"{signed}/{total} đơn vị thành viên đã ký giao ước thi đua năm {year + 1}.",
                 label="Ký giao ước thi đua: ")
    doc.para("Biên bản kết thúc lúc …… giờ …… cùng ngày, đã được thông qua trước Hội nghị và được lập thành "
             "…… bản có giá trị như nhau.")
    doc.signatures([Signer("Thư ký", options.secretary), Signer("Chủ trì", options.chair)])
    doc.recipients(["Ban Thi đua - Khen thưởng tỉnh", "Các đơn vị thành viên Khối", "Lưu: VT, Khối"])
    return doc.bytes()


def vote_minutes(s: Session, vote: Vote, options: Options, now: datetime) -> bytes:
    """Biên bản kiểm phiếu of one vote, in the same form."""
    bloc = s.get(Bloc, vote.bloc_id)
    assert bloc is not None and vote.id is not None
    if vote.state == OPEN:
        raise UserError("minutes.still_open", id=vote.id)
    day = to_local(vote.closed_at or now, bloc.timezone).date()
    doc = OfficialDocument(issuer(s, bloc, vote.year, day), kind="BB", number=options.number,
                           doc_type="Biên bản kiểm phiếu", summary=f"Phiếu số {vote.id} năm {vote.year}")
    doc.para(", ".join(options.tellers) or DOTS, label="Tổ kiểm phiếu: ")
    vote_section(doc, s, vote, "1")
    doc.para("Nội dung bỏ phiếu được giữ bí mật: hệ thống chỉ lưu số phiếu; không ai, kể cả Trưởng khối, "
             "biết đơn vị nào đã chọn ai.")
    doc.signatures([Signer("Tổ kiểm phiếu", ", ".join(options.tellers) or None),
                    Signer("Trưởng khối", options.chair)])
    doc.recipients(["Các đơn vị thành viên Khối", "Lưu: VT, Khối"])
    return doc.bytes()
