"""The minutes of the count (biên bản kiểm phiếu) of a closed vote, as .docx (python-docx) and CSV.

Both are built from the stored results only: the bloc, the award or role, the dates, the member
units and who voted, the rules used, each candidate's count and share, who was selected or tied,
and the receipt codes of the counted ballots. Nothing links a unit to its choices, because nothing
stored does.
"""

from __future__ import annotations

import csv as csv_module
import io
from fractions import Fraction

from docx import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from sqlmodel import Session

from bot.i18n import t
from bot.services.votes.service import CLOSED, outcome, share_base
from bot.services.votes.tally import percent_text
from bot.services.votes.views import rules_lines, turnout, unit_line, vote_title
from bot.timefmt import fmt_datetime
from storage.models import Bloc, Officer, Vote, VoteCandidate
from storage.queries.votes import candidates_of, units_by_ids

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _rows(s: Session, vote: Vote, lang: str) -> list[tuple[VoteCandidate, str, int, str, str]]:
    """(candidate, unit, count, share, result) in ballot order."""
    assert vote.id is not None
    candidates = candidates_of(s, vote.id)
    units = units_by_ids(s, [c.unit_id for c in candidates])
    base = share_base(vote)
    out = []
    for c in candidates:
        n = c.approvals or 0
        share = percent_text(Fraction(n, base), lang) if base and vote.state == CLOSED else ""
        result = (t(lang, "minutes.selected") if c.selected else t(lang, "minutes.tied") if c.tied
                  else t(lang, "minutes.not_selected")) if vote.state == CLOSED else ""
        out.append((c, unit_line(units[c.unit_id]), n, share, result))
    return out


def _facts(s: Session, vote: Vote, lang: str) -> list[tuple[str, str]]:
    bloc = s.get(Bloc, vote.bloc_id)
    assert bloc is not None
    voted, waiting = turnout(s, vote)
    opener = s.get(Officer, vote.opened_by_id) if vote.opened_by_id else None
    closer = s.get(Officer, vote.closed_by_id) if vote.closed_by_id else None
    result = outcome(vote)
    return [
        (t(lang, "minutes.bloc"), bloc.name),
        (t(lang, "minutes.vote"), f"#{vote.id} — {vote_title(vote, lang)}"
         + (f" ({t(lang, 'minutes.runoff_of', id=vote.runoff_of)})" if vote.runoff_of else "")),
        (t(lang, "minutes.quota"), str(vote.quota)),
        (t(lang, "minutes.opened"), fmt_datetime(vote.opened_at, bloc.timezone)
         + (f" — {opener.display_name}" if opener else "")),
        (t(lang, "minutes.closed"), (fmt_datetime(vote.closed_at, bloc.timezone) if vote.closed_at else "")
         + (f" — {closer.display_name}" if closer else f" — {t(lang, 'minutes.closed_on_time')}")),
        (t(lang, "minutes.members"), f"{vote.members}: " + ", ".join(u.code for u in voted + waiting)),
        (t(lang, "minutes.turnout"), f"{vote.cast_count or 0}/{vote.members} "
         f"({percent_text(Fraction(vote.cast_count or 0, vote.members), lang)}); "
         + t(lang, "minutes.blank", blank=vote.blank_count or 0)),
        (t(lang, "minutes.voted"), ", ".join(u.code for u in voted) or "—"),
        (t(lang, "minutes.not_voted"), ", ".join(u.code for u in waiting) or "—"),
        (t(lang, "minutes.validity"), t(lang, "minutes.valid") if vote.state == CLOSED
         else t(lang, "minutes.void", needed=result.quorum_needed)),
    ]


def docx(s: Session, vote: Vote, lang: str) -> bytes:
    doc = WordDocument()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(t(lang, "minutes.title"))
    run.bold = True
    run.font.size = Pt(15)
    for label, value in _facts(s, vote, lang):
        para = doc.add_paragraph()
        para.add_run(f"{label}: ").bold = True
        para.add_run(value)
    doc.add_paragraph().add_run(t(lang, "minutes.rules")).bold = True
    for line in rules_lines(vote, lang):
        doc.add_paragraph(line.lstrip("• "), style="List Bullet")
    doc.add_paragraph().add_run(t(lang, "minutes.counts")).bold = True
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, [t(lang, "minutes.col_number"), t(lang, "minutes.col_unit"),
                                                t(lang, "minutes.col_count"), t(lang, "minutes.col_share"),
                                                t(lang, "minutes.col_result")], strict=True):
        cell.text = text
    for c, unit, n, share, result in _rows(s, vote, lang):
        cells = table.add_row().cells
        values = [str(c.position), unit, str(n) if vote.state == CLOSED else "", share, result]
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    rows = _rows(s, vote, lang)
    selected = [unit for c, unit, *_ in rows if c.selected]
    tied = [unit for c, unit, *_ in rows if c.tied]
    para = doc.add_paragraph()
    para.add_run(t(lang, "minutes.selected_units") + ": ").bold = True
    para.add_run("; ".join(selected) or "—")
    if tied:
        para = doc.add_paragraph()
        para.add_run(t(lang, "minutes.tied_units") + ": ").bold = True
        para.add_run("; ".join(tied))
    receipts = list(outcome(vote).receipts)
    para = doc.add_paragraph()
    para.add_run(t(lang, "minutes.receipts", count=len(receipts)) + ": ").bold = True
    para.add_run(", ".join(receipts) or "—")
    doc.add_paragraph(t(lang, "minutes.secrecy"))
    signatures = doc.add_table(rows=1, cols=2)
    for cell, key in zip(signatures.rows[0].cells, ("minutes.sign_counter", "minutes.sign_head"), strict=True):
        cell.text = t(lang, key)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def csv(s: Session, vote: Vote, lang: str) -> bytes:
    """The same as a table: facts first, then one row per candidate. UTF-8 with BOM for Excel."""
    out = io.StringIO()
    writer = csv_module.writer(out)
    for label, value in _facts(s, vote, lang):
        writer.writerow([label, value])
    writer.writerow([t(lang, "minutes.rules"), " | ".join(line.lstrip("• ") for line in rules_lines(vote, lang))])
    receipts = list(outcome(vote).receipts)
    writer.writerow([t(lang, "minutes.receipts", count=len(receipts)), " ".join(receipts)])
    writer.writerow([])
    writer.writerow([t(lang, "minutes.col_number"), t(lang, "minutes.col_code"), t(lang, "minutes.col_unit"),
                     t(lang, "minutes.col_count"), t(lang, "minutes.col_share"), t(lang, "minutes.col_result")])
    for c, unit, n, share, result in _rows(s, vote, lang):
        code, _, name = unit.partition(" — ")
        writer.writerow([c.position, code, name, n if vote.state == CLOSED else "", share, result])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
