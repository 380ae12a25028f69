"""The score table and sheets as workbooks: round trips, every refusal naming its cell, exact decimals."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from bot.services.scores.sheets import (
    FIRST_ROW,
    Filled,
    SheetError,
    SheetHead,
    read_table,
    read_unit_sheet,
    table_workbook,
    totals,
    unit_workbook,
)
from bot.services.scores.table import DEFAULT, ORDINARY, Criterion, Table, TableError, check, fmt
from tests.texts import said

HEAD = SheetHead("BẢNG TỰ CHẤM ĐIỂM NĂM 2026", "Khối VH-XH", "YTE", "Sở Y tế", 2026)


def row_of(code: str) -> int:
    return FIRST_ROW + [c.code for c in DEFAULT.criteria].index(code)


def edited(data: bytes, change: Callable[[Any], None]) -> bytes:
    book = load_workbook(io.BytesIO(data))
    change(book.active)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def full_sheet() -> bytes:
    scores = {c.code: c.max for c in DEFAULT.leaves}
    scores["VI"] = Decimal("1.5")
    return unit_workbook(DEFAULT, HEAD, given=Filled(scores, {c: "minh chứng" for c in scores}))


def problems(data: bytes, table: Table = DEFAULT) -> list[tuple[str, dict[str, object]]]:
    with pytest.raises(SheetError) as caught:
        read_unit_sheet(data, table, HEAD)
    return caught.value.problems


def test_the_default_table_adds_up_to_100_with_capped_bonus() -> None:
    assert DEFAULT.total == 100 and DEFAULT.bonus_cap == 5
    assert [g.code for g in DEFAULT.groups] == ["I", "II", "III", "IV", "V", "VI"]


def test_a_filled_sheet_reads_back_exactly_with_totals() -> None:
    filled = read_unit_sheet(full_sheet(), DEFAULT, HEAD)
    result = totals(DEFAULT, filled.scores)
    assert result.total == Decimal("100") + 5 - Decimal("1.5")
    assert dict((g.code, p) for g, p in result.groups)["IV"] == 13
    assert filled.notes["I.1"] == "minh chứng"


@pytest.mark.parametrize(("change", "key", "params"), [
    (lambda s: s.__setitem__(f"D{row_of('II.3')}", 7), "scores.over_max",
     {"cell": f"D{row_of('II.3')}", "value": "7", "max": "5", "code": "II.3"}),
    (lambda s: s.__setitem__(f"D{row_of('I.2')}", "mười"), "scores.cell_not_number",
     {"cell": f"D{row_of('I.2')}", "value": "mười"}),
    (lambda s: s.__setitem__(f"D{row_of('III.1')}", None), "scores.missing",
     {"code": "III.1", "cell": f"D{row_of('III.1')}"}),
    (lambda s: s.__setitem__(f"D{row_of('I.1')}", 7.3), "scores.off_step", {"cell": f"D{row_of('I.1')}", "value": "7,3"}),
    (lambda s: s.__setitem__(f"D{row_of('I.3')}", -1), "scores.negative", {"cell": f"D{row_of('I.3')}", "value": "-1"}),
    (lambda s: s.__setitem__(f"D{row_of('I.3')}", f"=C{row_of('I.3')}"), "scores.formula", {"cell": f"D{row_of('I.3')}"}),
    (lambda s: s.__setitem__("B3", "GDDT"), "scores.other_unit", {"found": "GDDT", "code": "YTE"}),
    (lambda s: s.__setitem__("B4", 2025), "scores.other_year", {"found": "2025", "year": 2026}),
    (lambda s: s.delete_rows(row_of("II.2")), "scores.rows_moved",
     {"row": row_of("II.2"), "found": "II.3", "code": "II.2"}),
])
def test_each_bad_sheet_is_refused_naming_the_cell(change: Callable[[Any], None], key: str,
                                                   params: dict[str, object]) -> None:
    found = problems(edited(full_sheet(), change))
    assert (key, params) in found, found


def test_a_formula_with_a_saved_value_is_read_by_that_value() -> None:
    data = edited(full_sheet(), lambda s: s.__setitem__(f"D{row_of('I.3')}", "=5+5"))
    # openpyxl saves no computed value: refused. A file saved by Excel carries one (checked by the
    # same code path: the cached value wins), which is what the officer is told to do.
    assert problems(data)[0][0] == "scores.formula"


def test_macros_size_and_non_excel_files_are_refused() -> None:
    assert problems(b"not a zip at all")[0][0] == "scores.not_xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/vbaProject.bin", b"macro")
    assert problems(buffer.getvalue())[0][0] == "scores.macros"
    assert problems(b"x" * (5 * 1024 * 1024 + 1))[0][0] == "scores.too_big"


def test_several_problems_are_reported_at_once() -> None:
    def spoil(sheet: Any) -> None:
        sheet[f"D{row_of('I.1')}"] = 99
        sheet[f"D{row_of('II.1')}"] = "x"

    keys = [k for k, _ in problems(edited(full_sheet(), spoil))]
    assert keys == ["scores.over_max", "scores.cell_not_number"]
    assert said("Ô D8: 99 điểm vượt điểm tối đa 35 của tiêu chí I.1",
                "scores.over_max", cell="D8", value="99", max="35", code="I.1")


def test_tables_of_1000_points_and_nested_criteria_load_and_round_trip() -> None:
    table = check(Table((
        Criterion("1", "Nhiệm vụ", Decimal(600)), Criterion("1.1", "Chuyên môn", Decimal(400)),
        Criterion("1.1.a", "Chỉ tiêu", Decimal(250)), Criterion("1.1.b", "Chất lượng", Decimal(150)),
        Criterion("1.2", "Khác", Decimal(200)), Criterion("2", "Phong trào", Decimal(250)),
        Criterion("3", "Khối", Decimal(150)), Criterion("4", "Điểm thưởng", Decimal(50), "diemthuong"),
    )))
    assert table.total == 1000 and [c.code for c in table.leaves] == ["1.1.a", "1.1.b", "1.2", "2", "3", "4"]
    assert read_table(table_workbook(table, title="Bảng")) == table
    assert read_table(table_workbook(DEFAULT, title="Bảng")) == DEFAULT


def test_a_table_whose_groups_do_not_add_up_is_refused() -> None:
    with pytest.raises(TableError) as caught:
        check(Table((Criterion("1", "A", Decimal(50)), Criterion("1.1", "B", Decimal(30)),
                     Criterion("1.2", "C", Decimal(10)))))
    assert caught.value.key == "scores.table_sum" and caught.value.params == {"code": "1", "max": "50", "sum": "40"}
    bad = edited(table_workbook(DEFAULT, title="Bảng"), lambda s: s.__setitem__("C6", 30))
    with pytest.raises(SheetError) as refused:
        read_table(bad)
    assert refused.value.problems[0][0] == "scores.table_sum"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=400), min_size=len(DEFAULT.leaves), max_size=len(DEFAULT.leaves)))
def test_totals_are_exact_quarters_and_never_exceed_the_maximum_plus_bonus(quarters: list[int]) -> None:
    scores = {c.code: min(c.max, Decimal(q) / 4) for c, q in zip(DEFAULT.leaves, quarters, strict=True)}
    result = totals(DEFAULT, scores)
    assert result.total * 4 == (result.total * 4).to_integral_value()
    assert result.total <= DEFAULT.total + DEFAULT.bonus_cap
    ordinary = sum((v for k, v in scores.items() if DEFAULT.by_code(k).kind == ORDINARY), Decimal(0))  # type: ignore[union-attr]
    assert result.total == ordinary + scores["V"] - scores["VI"]
    assert fmt(Decimal("7.50")) == "7,5" and fmt(Decimal("100")) == "100"
