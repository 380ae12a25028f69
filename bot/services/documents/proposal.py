"""The proposal letter (tờ trình) from the head unit to the provincial emulation council, proposing
each unit the bloc finally selected for its award, with its share of the vote and the way it was
chosen (first round or run-off): the council may cut proposals, so the record shows exactly how."""

from __future__ import annotations

from datetime import datetime
from fractions import Fraction

from sqlmodel import Session

from bot.errors import UserError
from bot.services.scores.service import final_scores
from bot.services.scores.table import fmt
from bot.services.votes import final as finals
from bot.services.votes.service import AWARD, share_base
from bot.services.votes.tally import percent_text
from bot.timefmt import fmt_date, to_local
from storage.models import Bloc

from .layout import OfficialDocument, Signer
from .minutes import DOTS, Options, issuer, settled_votes, year_meeting


def proposal(s: Session, bloc: Bloc, year: int, options: Options, now: datetime) -> bytes:
    settled_votes(s, bloc, year, none_ok=True)
    awards = [f for f in finals.final_results(s, bloc, year) if f.kind == AWARD and f.units]
    if not awards:
        raise UserError("docs.nothing_selected", year=year)
    meeting = year_meeting(s, bloc, year)
    doc = OfficialDocument(issuer(s, bloc, year, to_local(now, bloc.timezone).date()), kind="TTr",
                           number=options.number, doc_type="Tờ trình",
                           summary=f"Về việc đề nghị khen thưởng năm {year} cho các đơn vị thuộc {bloc.name}")
    council = f"Hội đồng Thi đua - Khen thưởng tỉnh {bloc.place}" if bloc.place else "Hội đồng Thi đua - Khen thưởng tỉnh"
    doc.centered(f"Kính gửi: {council}.")
    held = (f"tại {meeting.title} ngày {fmt_date(meeting.when_at, bloc.timezone)}" if meeting is not None
            else "tại Hội nghị tổng kết năm")
    doc.para(f"Căn cứ kết quả bình xét, suy tôn bằng phiếu kín của các đơn vị thành viên {bloc.name} {held} "
             f"(biên bản họp bình xét, suy tôn kèm theo), {bloc.name} kính đề nghị {council} xem xét, trình "
             f"cấp có thẩm quyền khen thưởng các đơn vị sau:")
    rows: list[list[str]] = []
    assert bloc.id is not None
    points = final_scores(s, bloc.id, year)
    for f in awards:
        for unit in f.units:
            chosen_in = next(r for r in f.rounds if unit in r.selected())
            candidate = next(c for c in chosen_in.candidates if c.unit_id == unit.id)
            base = share_base(chosen_in.vote)
            share = percent_text(Fraction(candidate.approvals or 0, base), "vi") if base else ""
            how = "vòng 1" if chosen_in.vote.runoff_of is None else f"bầu lại (vòng {chosen_in.vote.round})"
            row = [str(len(rows) + 1), unit.name, f.title, f"{candidate.approvals}/{base} ({share})",
                   f"phiếu số {chosen_in.vote.id}, {how}"]
            if points:  # the settled score and rank, when the year's scores were settled
                settled = points.get(unit.id or 0)
                row.insert(4, f"{fmt(settled[0])} ({settled[1]})" if settled else "—")
            rows.append(row)
    header = ["STT", "Đơn vị", "Hình thức khen thưởng đề nghị", "Số phiếu đồng ý", "Căn cứ"]
    if points:
        header.insert(4, "Điểm chấm (hạng)")
    doc.table(header, rows, numeric=(0, 3, 4) if points else (0, 3))
    doc.para("Hồ sơ kèm theo: biên bản họp bình xét, suy tôn; báo cáo thành tích của từng đơn vị được đề nghị; "
             "bảng kết quả bỏ phiếu.")
    doc.para(f"{bloc.name} kính trình {council} xem xét, quyết định./.")
    doc.signatures([Signer("TM. Khối thi đua\nTrưởng khối", options.chair)])
    doc.recipients(["Như trên", "Các đơn vị thành viên Khối", f"Lưu: VT, Khối{'' if bloc.place else ' ' + DOTS}"])
    return doc.bytes()
