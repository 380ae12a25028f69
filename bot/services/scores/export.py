"""/score_final's workbook, "Bảng tổng hợp kết quả chấm điểm" (openpyxl): the ranking first, then every
criterion × every unit with the self-score, the checked score and the settled one, totals and rank."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from sqlmodel import Session

from bot.services.scores.service import Ranked, filled_of, status
from bot.services.scores.table import Table
from bot.timefmt import fmt_datetime
from storage.models import Bloc


def workbook(bloc: Bloc, year: int, table: Table, ranking: list[Ranked], checked: dict[int, dict[str, float]],
             now: datetime) -> bytes:
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = "Xep hang"
    first.append([f"BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM {year}"])
    first.append([bloc.name, "", "", f"Lập lúc {fmt_datetime(now, bloc.timezone)}"])
    first.append([])
    first.append(["Hạng", "Mã", "Đơn vị", "Tự chấm", "Chấm chéo", "Chính thức", "Tiêu chí thay đổi",
                  "Sửa điểm điền sẵn"])
    for r in ranking:
        first.append([r.rank, r.unit.code, r.unit.name, float(r.self_total),
                      float(r.checked_total) if r.checked_total is not None else None, float(r.total),
                      ", ".join(r.changed), ", ".join(r.corrected)])
    first["A1"].font = Font(bold=True, size=13)
    for cell in first[4]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGH", (6, 9, 40, 10, 10, 11, 30, 20), strict=True):
        first.column_dimensions[letter].width = width
    detail = book.create_sheet("Chi tiet")
    header = ["Mã", "Tiêu chí", "Tối đa"]
    for r in ranking:
        header += [f"{r.unit.code} tự chấm", f"{r.unit.code} chấm chéo", f"{r.unit.code} chính thức"]
    detail.append(header)
    for c in table.leaves:
        line: list[object] = [c.code, c.name, float(c.max)]
        for r in ranking:
            mine = r.final.scores.get(c.code)
            line += [checked.get(r.unit.id or 0, {}).get(f"self:{c.code}"), checked.get(r.unit.id or 0, {}).get(c.code),
                     float(mine) if mine is not None else None]
        detail.append(line)
    detail.append(["", "Tổng", float(table.total)] + [x for r in ranking for x in (
        float(r.self_total), float(r.checked_total) if r.checked_total is not None else None, float(r.total))])
    detail.append(["", "Hạng", None] + [x for r in ranking for x in (None, None, r.rank)])
    for cell in detail[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True)
    detail.column_dimensions["B"].width = 50
    detail.freeze_panes = "D2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def cell_values(s: Session, bloc: Bloc, year: int) -> dict[int, dict[str, float]]:
    """Per unit: ``self:<code>`` its self-score and ``<code>`` the checked score, for the detail sheet."""
    out: dict[int, dict[str, float]] = {}
    for row in status(s, bloc, year):
        values: dict[str, float] = {}
        if row.self_row is not None:
            values.update({f"self:{k}": float(v) for k, v in filled_of(row.self_row).scores.items()})
        if row.check_row is not None:
            values.update({k: float(v) for k, v in filled_of(row.check_row).scores.items()})
        out[row.unit.id or 0] = values
    return out
