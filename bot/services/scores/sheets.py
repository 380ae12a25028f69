"""The score table and the units' score sheets as real Excel workbooks (openpyxl), both ways.

Officers live in Excel: the bot sends the table and each unit's sheet as .xlsx and reads back what
they fill in. Reading refuses, naming the cell, anything it cannot take as it stands: another unit's or
year's sheet, rows moved or deleted, a score that is missing, not a number, off the 0.25 step or over
the criterion's maximum, a formula with no value saved; and whole files over 5 MB or with macros.
Nothing is stored from a refused workbook (the caller stores only what this returns).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from bot.services.scores.table import (
    BONUS,
    KIND_WORDS,
    ORDINARY,
    PENALTY,
    Criterion,
    Table,
    TableError,
    check,
    decimal_of,
    fmt,
    on_step,
)
from bot.text import fold

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_BYTES = 5 * 1024 * 1024
FIRST_ROW = 7  # the first criterion's row in a unit's sheet (a header above it)
KIND_NAMES = {ORDINARY: "", BONUS: "điểm thưởng", PENALTY: "điểm trừ"}
MAX_ERRORS = 6
_THIN = Side(style="thin")
_GROUP_FILL = PatternFill("solid", fgColor="E8EEF4")


class SheetError(ValueError):
    """Every problem found, each a catalog key and its parameters (the cell named)."""

    def __init__(self, problems: list[tuple[str, dict[str, object]]]) -> None:
        super().__init__(problems[0][0] if problems else "")
        self.problems = problems


def _open(data: bytes) -> tuple[Any, Any]:
    """(workbook with formulas, workbook with saved values); refuses what is not a plain .xlsx."""
    if len(data) > MAX_BYTES:
        raise SheetError([("scores.too_big", {"size": f"{len(data) / 1024 / 1024:.1f}"})])
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except zipfile.BadZipFile:
        raise SheetError([("scores.not_xlsx", {})]) from None
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise SheetError([("scores.macros", {})])
    try:
        return load_workbook(io.BytesIO(data)), load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # openpyxl raises many kinds for a broken file; the officer needs one answer
        raise SheetError([("scores.not_xlsx", {})]) from None


def _value(formulas: Any, values: Any, ref: str, problems: list[tuple[str, dict[str, object]]]) -> Any:
    """A cell's value; a formula is read by the value Excel saved with it, or refused without one."""
    cell = formulas[ref]
    if cell.data_type == "f":
        saved = values[ref].value
        if saved is None:
            problems.append(("scores.formula", {"cell": ref}))
        return saved
    return cell.value


# --- the table ---------------------------------------------------------------------------------------

def table_workbook(table: Table, *, title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Bang tieu chuan"
    sheet.append([title])
    sheet.append([f"Tổng điểm tối đa: {fmt(table.total)}; điểm thưởng tối đa: {fmt(table.bonus_cap)}."])
    sheet.append(["Cột Loại: để trống (điểm thường), «điểm thưởng» hoặc «điểm trừ». Tiêu chí con ghi mã 1.1, 1.1.a."])
    sheet.append(["Mã", "Tiêu chí", "Điểm tối đa", "Loại"])
    for c in table.criteria:
        sheet.append([c.code, c.name, float(c.max) if c.max != int(c.max) else int(c.max), KIND_NAMES[c.kind]])
        if "." not in c.code:
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
    sheet["A1"].font = Font(bold=True, size=13)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCD", (8, 70, 12, 14), strict=True):
        sheet.column_dimensions[letter].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_table(data: bytes) -> Table:
    """The bloc's own table from a workbook laid out like the one /scoretable sends (a header row
    «Mã | Tiêu chí | Điểm tối đa | Loại», then one criterion a row)."""
    formulas, values = _open(data)
    sheet, vsheet = formulas.worksheets[0], values.worksheets[0]
    header = next((r for r in range(1, min(sheet.max_row, 30) + 1)
                   if fold(str(sheet.cell(r, 1).value or "")).strip() == "ma"
                   and "toi da" in fold(str(sheet.cell(r, 3).value or ""))), None)
    if header is None:
        raise SheetError([("scores.table_no_header", {})])
    problems: list[tuple[str, dict[str, object]]] = []
    criteria: list[Criterion] = []
    for row in range(header + 1, sheet.max_row + 1):
        code = str(sheet.cell(row, 1).value or "").strip()
        if not code:
            continue
        name = " ".join(str(sheet.cell(row, 2).value or "").split())
        raw = _value(sheet, vsheet, f"C{row}", problems)
        maximum = decimal_of(raw)
        kind = KIND_WORDS.get(" ".join(fold(str(sheet.cell(row, 4).value or "")).split()))
        if maximum is None:
            problems.append(("scores.cell_not_number", {"cell": f"C{row}", "value": str(raw)[:20]}))
        elif kind is None:
            problems.append(("scores.table_bad_kind", {"cell": f"D{row}", "value": str(sheet.cell(row, 4).value)[:20]}))
        else:
            criteria.append(Criterion(code[:20], name[:300] or code, maximum, kind))
        if len(problems) >= MAX_ERRORS:
            break
    if problems:
        raise SheetError(problems)
    try:
        return check(Table(tuple(criteria)))
    except TableError as exc:
        raise SheetError([(exc.key, exc.params)]) from None


# --- a unit's sheet ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class SheetHead:
    title: str
    bloc: str
    unit_code: str
    unit_name: str
    year: int


@dataclass
class Filled:
    """Scores read from a sheet: per leaf code, the points and the evidence or explanation."""

    scores: dict[str, Decimal] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


def unit_workbook(table: Table, head: SheetHead, *, given: Filled | None = None, checked: bool = False,
                  facts: dict[str, tuple[Decimal, str]] | None = None) -> bytes:
    """The sheet a unit fills in: unit and year at the top (checked when it comes back), a row per
    criterion, the score in column D and the evidence in E. ``given`` fills D/E (a resend, or the
    self-score a checker reviews, then F/G are for the checker); ``facts`` pre-fill mapped criteria."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Cham diem"
    sheet["A1"] = head.title
    sheet["A2"], sheet["B2"] = "Khối:", head.bloc
    sheet["A3"], sheet["B3"], sheet["C3"] = "Đơn vị:", head.unit_code, head.unit_name
    sheet["A4"], sheet["B4"] = "Năm:", head.year
    sheet["A5"] = ("Ghi điểm vào cột D (bước 0,25), minh chứng hoặc giải trình vào cột E. Không thêm, xóa hay "
                   "đổi thứ tự dòng.") if not checked else "Ghi điểm chấm chéo vào cột F, ghi chú vào cột G."
    header = ["Mã tiêu chí", "Nội dung", "Điểm tối đa", "Điểm tự chấm", "Minh chứng, giải trình"]
    if checked:
        header += ["Điểm chấm chéo", "Ghi chú chấm chéo"]
    for col, text in enumerate(header, start=1):
        cell = sheet.cell(FIRST_ROW - 1, col, text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    leaves = {c.code for c in table.leaves}
    for offset, c in enumerate(table.criteria):
        row = FIRST_ROW + offset
        sheet.cell(row, 1, c.code)
        sheet.cell(row, 2, c.name + (f" ({KIND_NAMES[c.kind]})" if c.kind != ORDINARY else ""))
        sheet.cell(row, 3, float(c.max))
        if c.code not in leaves:
            for col in range(1, len(header) + 1):
                sheet.cell(row, col).fill = _GROUP_FILL
                sheet.cell(row, col).font = Font(bold=True)
            continue
        if given is not None and c.code in given.scores:
            sheet.cell(row, 4, float(given.scores[c.code]))
            sheet.cell(row, 5, given.notes.get(c.code, ""))
        elif facts and c.code in facts:
            points, why = facts[c.code]
            sheet.cell(row, 4, float(points))
            sheet.cell(row, 5, why)
    last = FIRST_ROW + len(table.criteria) - 1
    for line in sheet.iter_rows(min_row=FIRST_ROW - 1, max_row=last, max_col=len(header)):
        for box in line:
            box.border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
    for col, width in enumerate((10, 60, 10, 12, 40, 12, 30)[:len(header)], start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = f"C{FIRST_ROW}"
    sheet["A1"].font = Font(bold=True, size=13)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def read_unit_sheet(data: bytes, table: Table, head: SheetHead, *, column: str = "D") -> Filled:
    """The scores in ``column`` (D: self-score, F: a checker's) of a unit's sheet, validated."""
    formulas, values = _open(data)
    sheet, vsheet = formulas.worksheets[0], values.worksheets[0]
    code = str(sheet["B3"].value or "").strip().upper()
    year = sheet["B4"].value
    if code != head.unit_code:
        raise SheetError([("scores.other_unit", {"found": code[:20] or "?", "code": head.unit_code})])
    if str(year).strip() != str(head.year):
        raise SheetError([("scores.other_year", {"found": str(year)[:10], "year": head.year})])
    problems: list[tuple[str, dict[str, object]]] = []
    for offset, c in enumerate(table.criteria):
        row = FIRST_ROW + offset
        found = str(sheet.cell(row, 1).value or "").strip()
        if found != c.code:
            raise SheetError([("scores.rows_moved", {"row": row, "found": found[:20] or "—", "code": c.code})])
    extra = str(sheet.cell(FIRST_ROW + len(table.criteria), 1).value or "").strip()
    if extra:
        raise SheetError([("scores.rows_added", {"row": FIRST_ROW + len(table.criteria), "found": extra[:20]})])
    filled = Filled()
    note_col = chr(ord(column) + 1)
    for offset, c in enumerate(table.criteria):
        if c not in table.leaves:
            continue
        row = FIRST_ROW + offset
        ref = f"{column}{row}"
        raw = _value(sheet, vsheet, ref, problems)
        if any(p[1].get("cell") == ref for p in problems):
            continue  # a formula without a value: already said
        checked = check_points(c, raw)
        if isinstance(checked, Decimal):
            filled.scores[c.code] = checked
            filled.notes[c.code] = " ".join(str(sheet[f"{note_col}{row}"].value or "").split())[:500]
        else:
            name, params = checked
            if name not in ("missing", "over_max"):  # the cell says where; the code is said by those two
                params = {k: v for k, v in params.items() if k != "code"}
            problems.append((f"scores.{name}", {"cell": ref, **params}))
        if len(problems) >= MAX_ERRORS:
            break
    if problems:
        raise SheetError(problems)
    return filled


def check_points(c: Criterion, raw: object) -> Decimal | tuple[str, dict[str, object]]:
    """One score as typed (a cell, a form field): the points, or what is wrong (a problem name —
    missing, cell_not_number, negative, over_max, off_step — and its parameters). Sheets and the web
    form say the same thing about the same value."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return "missing", {"code": c.code}
    points = decimal_of(raw)
    if points is None:
        return "cell_not_number", {"value": str(raw)[:20], "code": c.code}
    if points < 0:
        return "negative", {"value": fmt(points), "code": c.code}
    if points > c.max:
        return "over_max", {"value": fmt(points), "max": fmt(c.max), "code": c.code}
    if not on_step(points):
        return "off_step", {"value": fmt(points), "code": c.code}
    return points


# --- totals -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Totals:
    groups: list[tuple[Criterion, Decimal]]  # each top-level group and its points
    total: Decimal  # ordinary + bonus (capped) - deductions


def totals(table: Table, scores: dict[str, Decimal]) -> Totals:
    per_group: list[tuple[Criterion, Decimal]] = []
    for group in table.groups:
        points = sum((scores.get(c.code, Decimal(0)) for c in table.leaves if c == group or group.is_parent_of(c)),
                     Decimal(0))
        per_group.append((group, points))
    ordinary = sum((p for g, p in per_group if g.kind == ORDINARY), Decimal(0))
    bonus = min(sum((p for g, p in per_group if g.kind == BONUS), Decimal(0)), table.bonus_cap)
    penalty = sum((p for g, p in per_group if g.kind == PENALTY), Decimal(0))
    return Totals(per_group, ordinary + bonus - penalty)
