"""What the bot already knows of a unit's year, for the criteria the head mapped (/scoretable map):

- ``nopmuon``: reports to the bloc sent after their deadline;
- ``thieubaocao``: reports not sent by a passed deadline (not exempt, not on paper);
- ``hoinghi``: the bloc's conferences held this year whose attendance the unit did not confirm;
- ``giaouoc``: the year's pledge not signed.

A deduction criterion (điểm trừ) takes a point per item, up to its maximum; an ordinary criterion
keeps its maximum less a share for what was missed (rounded down to 0.25); the pledge is all or
nothing. Each pre-filled score comes with the items behind it, which the officer can still correct
with an explanation (the ranking marks any change from the self-score).
"""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_FLOOR, Decimal

from sqlmodel import Session, col, select

from bot.services.calendar.boards import LATE, MISSING, deadline_boards, meeting_boards
from bot.services.scores.table import PENALTY, STEP, Criterion, Table, fmt
from bot.timefmt import fmt_date
from storage.models import Bloc, CalendarItem, Pledge, PledgeSignature, Unit

# Deadlines that are not reports to the bloc: the registration and self-scoring themselves.
OWN_REFS = ("Đăng ký thi đua năm ", "Tự chấm điểm năm ")


def _items(s: Session, bloc: Bloc, year: int, kind: str, now: datetime) -> list[CalendarItem]:
    assert bloc.id is not None
    rows = s.exec(select(CalendarItem).where(CalendarItem.bloc_id == bloc.id, CalendarItem.year == year,
                                             CalendarItem.kind == kind, CalendarItem.state == "open",
                                             col(CalendarItem.when_at) <= now))
    return [r for r in rows if not (r.doc_ref or "").startswith(OWN_REFS)]


def _missed(s: Session, bloc: Bloc, unit: Unit, year: int, fact: str, now: datetime) -> tuple[list[str], int]:
    """(the items behind the fact, how many there could have been)."""
    if fact in ("nopmuon", "thieubaocao"):
        items = _items(s, bloc, year, "deadline", now)
        boards = deadline_boards(s, items)
        wanted = LATE if fact == "nopmuon" else MISSING
        out, total = [], 0
        for item in items:
            row = next((r for r in boards[item.id or 0].rows if r.unit.id == unit.id), None)
            if row is None:
                continue
            total += 1
            if row.state == wanted:
                out.append(f"#{item.id} {item.title} (hạn {fmt_date(item.when_at, bloc.timezone)})")
        return out, total
    if fact == "hoinghi":
        meetings = _items(s, bloc, year, "meeting", now)
        attended = meeting_boards(s, meetings)
        missed = [f"#{i.id} {i.title} ({fmt_date(i.when_at, bloc.timezone)})" for i in meetings
                  if unit in attended[i.id or 0].unconfirmed]
        return missed, len(meetings)
    pledge = s.exec(select(Pledge).where(Pledge.bloc_id == bloc.id, Pledge.year == year,
                                         Pledge.state != "cancelled")).first()
    if pledge is None:
        return [], 0
    signed = s.exec(select(PledgeSignature).where(PledgeSignature.pledge_id == pledge.id,
                                                  PledgeSignature.unit_id == unit.id,
                                                  col(PledgeSignature.withdrawn_at).is_(None))).first()
    return ([] if signed else [f"Chưa ký giao ước thi đua năm {year}"]), 1


def points(c: Criterion, missed: int, total: int) -> Decimal:
    if c.kind == PENALTY:
        return min(c.max, Decimal(missed))
    if total == 0:
        return c.max
    kept = c.max * Decimal(total - missed) / Decimal(total)
    return (kept / STEP).to_integral_value(rounding=ROUND_FLOOR) * STEP


def prefill(s: Session, table: Table, bloc: Bloc, unit: Unit, year: int, now: datetime) -> dict[str, tuple[Decimal, str]]:
    """Per mapped leaf: the pre-filled score and the items behind it, in words."""
    out: dict[str, tuple[Decimal, str]] = {}
    for c in table.leaves:
        if c.fact is None:
            continue
        items, total = _missed(s, bloc, unit, year, c.fact, now)
        value = points(c, len(items), total)
        why = f"Theo dữ liệu của bot ({c.fact}): " + ("; ".join(items) if items else "không có")
        out[c.code] = (value, why[:500])
    return out


def describe(table: Table) -> list[str]:
    return [f"{c.code} ← {c.fact} (tối đa {fmt(c.max)})" for c in table.leaves if c.fact]
