"""/register_export: "Bảng tổng hợp đăng ký danh hiệu thi đua" as .xlsx (openpyxl), the list the head
sends the provincial emulation board: one row per member unit, an "x" under each title it registered,
when and by whom; a unit that has not registered is shown as such. In Vietnamese, like every document
the province receives."""

from __future__ import annotations

import io
from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from bot.services.registration.service import StatusRow
from bot.timefmt import fmt_datetime
from storage.models import Bloc

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook(bloc: Bloc, year: int, offered: list[str], rows: list[StatusRow], now: datetime) -> bytes:
    titles = list(offered) + sorted({t for r in rows for t in r.titles} - set(offered))  # titles since removed too
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = f"Dang ky {year}"
    width = 3 + len(titles) + 2
    sheet.append([f"BẢNG TỔNG HỢP ĐĂNG KÝ DANH HIỆU THI ĐUA NĂM {year}"])
    sheet.append([bloc.name])
    sheet.append([f"Lập lúc {fmt_datetime(now, bloc.timezone)}"])
    sheet.append([])
    header = ["STT", "Mã", "Đơn vị", *titles, "Thời gian đăng ký", "Người đăng ký"]
    sheet.append(header)
    for number, row in enumerate(rows, start=1):
        marks = ["x" if t in row.titles else "" for t in titles]
        if row.row is None:
            sheet.append([number, row.unit.code, row.unit.name, *marks, "Chưa đăng ký", ""])
        else:
            sheet.append([number, row.unit.code, row.unit.name, *marks,
                          fmt_datetime(row.row.registered_at, bloc.timezone),
                          row.officer.display_name if row.officer else ""])
    sheet.append([])
    totals = ["", "", "Cộng", *[sum(1 for r in rows if t in r.titles) for t in titles], "", ""]
    sheet.append(totals)
    thin = Side(style="thin")
    for cell in sheet[1]:
        cell.font = Font(bold=True, size=13)
    for cell in sheet[5]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    for line in sheet.iter_rows(min_row=5, max_row=5 + len(rows), max_col=width):
        for cell in line:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    widths = [5, 9, 40, *[16] * len(titles), 18, 22]
    for index, value in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = value
    sheet.row_dimensions[5].height = 48
    sheet.freeze_panes = "D6"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
