"""Fills a database with many blocs quickly (bulk inserts, not the services, which audit each row)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import insert

from storage.db import Database
from storage.models import Account, Bloc, BlocChat, Officer, RoleAssignment, Unit, UnitMembership, UnitOfficer

NOW = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
YEAR_START = datetime(2025, 12, 31, 17, 0, tzinfo=UTC)


def seed(db: Database, blocs: int, units_per_bloc: int = 10, officers_per_unit: int = 2) -> None:
    """Blocs 1..N bound to telegram chats -1..-N; unit 1 of each bloc is head, unit 2 deputy."""
    bloc_rows, chat_rows, unit_rows, span_rows, officer_rows, account_rows, link_rows, role_rows = ([] for _ in range(8))
    unit_id = officer_id = 0
    for b in range(1, blocs + 1):
        bloc_rows.append({"id": b, "name": f"Khối thi đua {b}", "language": "vi", "timezone": "Asia/Ho_Chi_Minh",
                          "created_at": NOW})
        chat_rows.append({"bloc_id": b, "platform": "telegram", "chat_id": str(-b), "bound_at": NOW})
        for u in range(units_per_bloc):
            unit_id += 1
            unit_rows.append({"id": unit_id, "bloc_id": b, "code": f"DV{u:02d}", "name": f"Đơn vị {u} khối {b}",
                              "created_at": NOW})
            span_rows.append({"bloc_id": b, "unit_id": unit_id, "from_year": 2025})
            if u < 2:
                role_rows.append({"bloc_id": b, "year": 2026, "role": "head" if u == 0 else "deputy",
                                  "unit_id": unit_id, "effective_from": YEAR_START, "assigned_at": NOW})
            for _ in range(officers_per_unit):
                officer_id += 1
                officer_rows.append({"id": officer_id, "display_name": f"Cán bộ {officer_id}", "created_at": NOW})
                account_rows.append({"officer_id": officer_id, "platform": "telegram",
                                     "platform_user_id": str(officer_id), "display_name": f"Cán bộ {officer_id}",
                                     "private_chat_id": str(officer_id), "private_status": "open",
                                     "created_at": NOW})
                link_rows.append({"bloc_id": b, "unit_id": unit_id, "officer_id": officer_id, "since": NOW})
    with db.engine.begin() as conn:
        for model, rows in ((Bloc, bloc_rows), (BlocChat, chat_rows), (Unit, unit_rows), (UnitMembership, span_rows),
                            (Officer, officer_rows), (Account, account_rows), (UnitOfficer, link_rows),
                            (RoleAssignment, role_rows)):
            for start in range(0, len(rows), 5000):
                conn.execute(insert(model), rows[start:start + 5000])


def seed_wave(db: Database, blocs: list[int], *, per_bloc: int, due: datetime, when: datetime) -> int:
    """A deadline per bloc (``per_bloc`` of them) for every member unit, with a reminder slot due at
    ``due``: the 08:00 wave. Returns how many slots fall due."""
    from storage.models import CalendarItem, ReminderSlot

    items, slots = [], []
    item_id = 0
    with db.engine.connect() as conn:
        start = conn.exec_driver_sql("SELECT COALESCE(MAX(id), 0) FROM calendaritem").scalar() or 0
    item_id = int(start)
    for b in blocs:
        for n in range(per_bloc):
            item_id += 1
            items.append({"id": item_id, "bloc_id": b, "kind": "deadline", "title": f"Báo cáo số {n + 1}",
                          "when_at": when, "state": "open", "year": 2026, "scope_all": True, "created_at": NOW,
                          "sequence": 0})
            slots.append({"bloc_id": b, "kind": "deadline", "item_id": item_id, "slot": "b1440m", "due_at": due,
                          "state": "pending"})
    with db.engine.begin() as conn:
        for model, rows in ((CalendarItem, items), (ReminderSlot, slots)):
            for begin in range(0, len(rows), 5000):
                conn.execute(insert(model), rows[begin:begin + 5000])
    return len(slots)
