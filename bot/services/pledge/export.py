"""/pledge_export: the signatures as a spreadsheet (.xlsx) and as CSV.

One row per member unit of the pledge's year: unit code, unit name, the officer who signed, the
time (bloc's zone, dd/mm/yyyy HH:MM) and the status. The workbook has a second sheet with the full
history, withdrawn signatures included. openpyxl writes real .xlsx files that Excel and LibreOffice
open without a conversion prompt, which a hand-written CSV cannot promise; the CSV is UTF-8 with a
byte-order mark so Excel shows Vietnamese correctly when the file is opened by double-click.
"""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from sqlmodel import Session

from bot.i18n import t
from bot.services.pledge.service import Board
from bot.timefmt import fmt_datetime
from storage.queries.pledge import signature_history

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_MIME = "text/csv"


def header(lang: str) -> list[str]:
    return [t(lang, f"pledge.col_{name}") for name in ("code", "name", "officer", "time", "status")]


def rows(b: Board) -> list[list[str]]:
    """The table's rows (no header), in unit code order."""
    lang, tz = b.bloc.language, b.bloc.timezone
    signed = {x.unit.id: x for x in b.signed}
    out: list[list[str]] = []
    for unit in sorted([*(x.unit for x in b.signed), *b.unsigned], key=lambda u: u.code):
        found = signed.get(unit.id)
        if found is None:
            out.append([unit.code, unit.name, "", "", t(lang, "pledge.status_unsigned_cell")])
        else:
            out.append([unit.code, unit.name, found.officer.display_name,
                        fmt_datetime(found.signature.signed_at, tz), t(lang, "pledge.status_signed_cell")])
    return out


def file_stem(b: Board) -> str:
    return f"giao-uoc-thi-dua-{b.pledge.year}"


def to_csv(b: Board) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(b.bloc.language))
    writer.writerows(rows(b))
    return buffer.getvalue().encode("utf-8-sig")


def _sheet(ws: Worksheet, title: str, head: list[str], body: list[list[str]]) -> None:
    ws.title = title[:31]  # Excel's limit on sheet names
    ws.append(head)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in body:
        ws.append(row)
    ws.freeze_panes = "A2"
    for index, column in enumerate(zip(head, *body, strict=False), start=1):
        ws.column_dimensions[get_column_letter(index)].width = min(60, max(10, *(len(v) + 2 for v in column)))


def to_xlsx(s: Session, b: Board) -> bytes:
    lang, tz = b.bloc.language, b.bloc.timezone
    assert b.pledge.id is not None
    book = Workbook()
    assert isinstance(book.active, Worksheet)
    _sheet(book.active, t(lang, "pledge.sheet_signatures", year=b.pledge.year), header(lang), rows(b))
    history = [
        [unit.code, unit.name, officer.display_name, fmt_datetime(sig.signed_at, tz),
         fmt_datetime(sig.withdrawn_at, tz) if sig.withdrawn_at else ""]
        for sig, officer, unit in signature_history(s, b.pledge.id)
    ]
    history_head = [*header(lang)[:4], t(lang, "pledge.col_withdrawn")]
    _sheet(book.create_sheet(), t(lang, "pledge.sheet_history"), history_head, history)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
