"""The score table (bảng tiêu chuẩn chấm điểm): criteria with maximum points, pure rules.

A table is a list of criteria in order, each with a code ("1", "1.1", "1.1.a", or "I", "II"), a name,
a maximum and a kind: ``thuong`` (ordinary points, adding up to the table's total, usually 100 or
1,000), ``diemthuong`` (bonus points, capped) or ``diemtru`` (deductions, up to the maximum). A
criterion whose code prefixes others ("1" before "1.1") is a group: its maximum must equal the sum of
its children's. Only the leaves are scored. Points are exact decimals in steps of 0.25 (never floats).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

ORDINARY, BONUS, PENALTY = "thuong", "diemthuong", "diemtru"
STEP = Decimal("0.25")
KIND_WORDS = {
    "": ORDINARY, "thuong": ORDINARY, "diem": ORDINARY, "tieu chi": ORDINARY,
    "thuong them": BONUS, "diem thuong": BONUS, "cong": BONUS, "bonus": BONUS,
    "tru": PENALTY, "diem tru": PENALTY, "penalty": PENALTY,
}
# Facts the bot knows from the year's records, that a criterion may be mapped to (/scoretable map).
FACTS = ("nopmuon", "thieubaocao", "hoinghi", "giaouoc")


class TableError(ValueError):
    """What is wrong with a table, as a catalog key and its parameters (the cell named where there is one)."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key, self.params = key, params


@dataclass(frozen=True)
class Criterion:
    code: str
    name: str
    max: Decimal
    kind: str = ORDINARY
    fact: str | None = None  # mapped to a fact of the year's records (pre-filled, explained)

    def is_parent_of(self, other: Criterion) -> bool:
        return other.code != self.code and other.code.startswith(self.code + ".")


@dataclass(frozen=True)
class Table:
    criteria: tuple[Criterion, ...]

    @property
    def leaves(self) -> list[Criterion]:
        return [c for c in self.criteria if not any(c.is_parent_of(o) for o in self.criteria)]

    @property
    def groups(self) -> list[Criterion]:
        """The top-level criteria (no parent), in order."""
        return [c for c in self.criteria if not any(o.is_parent_of(c) for o in self.criteria)]

    def group_of(self, leaf: Criterion) -> Criterion:
        return next(g for g in self.groups if g == leaf or g.is_parent_of(leaf))

    @property
    def total(self) -> Decimal:
        return sum((g.max for g in self.groups if g.kind == ORDINARY), Decimal(0))

    @property
    def bonus_cap(self) -> Decimal:
        return sum((g.max for g in self.groups if g.kind == BONUS), Decimal(0))

    def by_code(self, code: str) -> Criterion | None:
        return next((c for c in self.criteria if c.code == code), None)

    def to_json(self) -> str:
        return json.dumps([[c.code, c.name, str(c.max), c.kind, c.fact] for c in self.criteria], ensure_ascii=False)

    @staticmethod
    def from_json(raw: str) -> Table:
        return Table(tuple(Criterion(code, name, Decimal(mx), kind, fact) for code, name, mx, kind, fact in json.loads(raw)))

    def with_fact(self, code: str, fact: str | None) -> Table:
        return Table(tuple(Criterion(c.code, c.name, c.max, c.kind, fact) if c.code == code else c
                           for c in self.criteria))


def decimal_of(value: object) -> Decimal | None:
    """A number typed in a cell: 7, 7.5, "7,5"; None when it is not a number."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(str(value))  # the cell's shortest repr, not the binary float: 7.3 stays 7.3
    text = str(value).strip().replace(",", ".")
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


def on_step(value: Decimal) -> bool:
    return (value / STEP) == (value / STEP).to_integral_value()


def fmt(value: Decimal) -> str:
    """Vietnamese decimal comma, no trailing zeros: 7,5 · 100 · 0,25."""
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def check(table: Table) -> Table:
    """A table's own consistency: codes unique, maxima positive and on the 0.25 step, every group's
    maximum the sum of its children's, at least one ordinary criterion."""
    seen: set[str] = set()
    for c in table.criteria:
        if c.code in seen:
            raise TableError("scores.table_duplicate", code=c.code)
        seen.add(c.code)
        if c.max <= 0 or not on_step(c.max):
            raise TableError("scores.table_bad_max", code=c.code, max=fmt(c.max))
    for c in table.criteria:
        children = [o for o in table.criteria if c.is_parent_of(o)
                    and not any(m.is_parent_of(o) and c.is_parent_of(m) for m in table.criteria)]
        if children and sum((o.max for o in children), Decimal(0)) != c.max:
            raise TableError("scores.table_sum", code=c.code, max=fmt(c.max),
                             sum=fmt(sum((o.max for o in children), Decimal(0))))
    if not any(g.kind == ORDINARY for g in table.groups):
        raise TableError("scores.table_empty")
    return table


def _c(code: str, name: str, mx: str, kind: str = ORDINARY) -> Criterion:
    return Criterion(code, name, Decimal(mx), kind)


# The default table (sent by /scoretable until the head adopts the bloc's own): four groups adding
# up to 100 as in DOMAIN.md, bonus points capped at 5, deductions for late or missing reports and
# missed conferences.
DEFAULT = check(Table((
    _c("I", "Thực hiện nhiệm vụ chính trị, chuyên môn được giao", "55"),
    _c("I.1", "Hoàn thành các chỉ tiêu, nhiệm vụ chuyên môn của năm", "35"),
    _c("I.2", "Cải cách hành chính, chuyển đổi số", "10"),
    _c("I.3", "Thực hiện các nhiệm vụ đột xuất được giao", "10"),
    _c("II", "Phong trào thi đua và công tác thi đua, khen thưởng", "20"),
    _c("II.1", "Tổ chức phát động, triển khai các phong trào thi đua", "10"),
    _c("II.2", "Phát hiện, nhân rộng điển hình tiên tiến", "5"),
    _c("II.3", "Công tác khen thưởng đúng quy định", "5"),
    _c("III", "Xây dựng Đảng, đoàn thể và cơ quan", "12"),
    _c("III.1", "Xây dựng tổ chức Đảng, đoàn thể trong sạch, vững mạnh", "6"),
    _c("III.2", "Xây dựng cơ quan văn hóa, thực hành tiết kiệm", "6"),
    _c("IV", "Tham gia hoạt động chung của Khối", "13"),
    _c("IV.1", "Gửi báo cáo cho Trưởng khối đầy đủ, đúng hạn", "5"),
    _c("IV.2", "Dự đầy đủ các hội nghị của Khối", "4"),
    _c("IV.3", "Ký giao ước thi đua", "4"),
    _c("V", "Điểm thưởng (sáng kiến, khen thưởng cấp trên; tối đa)", "5", BONUS),
    _c("VI", "Điểm trừ (báo cáo nộp muộn, thiếu; vắng hội nghị; tối đa)", "10", PENALTY),
)))
