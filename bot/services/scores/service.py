"""The year's scores: the table in force, self-scoring through a calendar deadline, cross-checking,
the status, and the settled ranking (DOMAIN.md: the scores rank the candidates, the vote decides).

Self-scoring is an ordinary calendar deadline (its reference "Tự chấm điểm năm <năm>"): each sheet a
unit sends is also a submission to it, so the calendar's engine reminds only units that have not
scored themselves, posts overdue notices and the head's summary. Every sheet is kept as a version;
the latest counts.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlmodel import Session, col, select

from bot.errors import UserError
from bot.files import Saved, record_file
from bot.ports import Attachment, Document
from bot.services.audit import Actor, record
from bot.services.blocs.standing import Standing
from bot.services.calendar import service as cal
from bot.services.delivery.notify import Notice, queue_notice
from bot.services.scores import facts
from bot.services.scores.sheets import (
    XLSX_MIME,
    Filled,
    SheetHead,
    Totals,
    read_table,
    read_unit_sheet,
    totals,
    unit_workbook,
)
from bot.services.scores.table import DEFAULT, FACTS, Table, decimal_of, fmt, on_step
from bot.text import fold
from storage.models import Bloc, CalendarItem, ScoreCheck, ScoreFinal, ScoreSheet, ScoreTable, Unit
from storage.queries.blocs import member_units

SHEET, CHECK_SHEET = "scoresheet", "checksheet"  # outbox attachments: a unit's sheet, a checker's sheet
REF_PREFIX = "Tự chấm điểm năm "


def scoring_ref(year: int) -> str:
    return f"{REF_PREFIX}{year}"


# --- the table ---------------------------------------------------------------------------------------

def table_of(s: Session, bloc_id: int, year: int) -> tuple[Table, bool]:
    """The table in force for ``year`` and whether the bloc adopted it (else the default)."""
    row = s.exec(select(ScoreTable).where(ScoreTable.bloc_id == bloc_id, ScoreTable.year == year)
                 .order_by(col(ScoreTable.id).desc())).first()
    return (Table.from_json(row.criteria), True) if row is not None else (DEFAULT, False)


def adopt(s: Session, *, bloc: Bloc, year: int, data: bytes, saved: Saved, file_name: str, platform: str,
          actor: Actor, now: datetime) -> Table:
    """Adopts a workbook as the year's table after validation; nothing is stored from a refused one."""
    assert bloc.id is not None
    if _sheets(s, bloc.id, year):
        raise UserError("scores.table_in_use", year=year)
    table = read_table(data)
    stored = record_file(s, saved, file_name=file_name, mime=XLSX_MIME, platform=platform, platform_file_id=None,
                         now=now)
    s.add(ScoreTable(bloc_id=bloc.id, year=year, criteria=table.to_json(), file_id=stored.id,
                     adopted_by_id=actor.officer_id, adopted_at=now))
    record(s, bloc_id=bloc.id, actor=actor, action="scores.table", at=now, year=year, criteria=len(table.criteria),
           total=str(table.total), sha256=saved.sha256)
    return table


# --- self-scoring ------------------------------------------------------------------------------------

def scoring_item(s: Session, bloc: Bloc, year: int) -> CalendarItem | None:
    return cal.deadline_by_ref(s, bloc, scoring_ref(year))


def _require_item(s: Session, bloc: Bloc, year: int) -> CalendarItem:
    item = scoring_item(s, bloc, year)
    if item is None:
        raise UserError("scores.not_open", year=year)
    return item


def head(bloc: Bloc, unit: Unit, year: int) -> SheetHead:
    return SheetHead(f"BẢNG TỰ CHẤM ĐIỂM THI ĐUA NĂM {year}", bloc.name, unit.code, unit.name, year)


def open_scoring(s: Session, *, bloc: Bloc, year: int, when: datetime, standing: Standing, now: datetime,
                 sheet_text: str) -> CalendarItem:
    """Opens self-scoring: a deadline for every member unit, and each unit's own sheet sent privately
    to its officers (rendered when sent: the outbox attachment ``scoresheet:<unit id>``)."""
    assert bloc.id is not None
    existing = scoring_item(s, bloc, year)
    if existing is not None:
        raise UserError("scores.exists", year=year, id=existing.id)
    fields = cal.DeadlineFields(title=f"Tự chấm điểm thi đua năm {year}", doc_ref=scoring_ref(year), codes=None)
    item = cal.create_deadline(s, bloc=bloc, actor=standing.actor, when=when, fields=fields, template=None, now=now)
    def text(u: Unit) -> str:
        return sheet_text.format(code=u.code)

    for unit in member_units(s, bloc.id, year):
        assert unit.id is not None
        queue_notice(s, bloc=bloc, notice=Notice(units=[unit], private_text=text, attachment=(SHEET, unit.id)),
                     key=f"scoring{item.id}:u{unit.id}", now=now)
    return item


def _sheets(s: Session, bloc_id: int, year: int) -> list[ScoreSheet]:
    return list(s.exec(select(ScoreSheet).where(ScoreSheet.bloc_id == bloc_id, ScoreSheet.year == year)
                       .order_by(col(ScoreSheet.version))))


def latest_self(s: Session, bloc_id: int, year: int) -> dict[int, ScoreSheet]:
    return {r.unit_id: r for r in _sheets(s, bloc_id, year) if r.checker_unit_id is None}


def filled_of(row: ScoreSheet) -> Filled:
    raw: dict[str, list[str]] = json.loads(row.scores)
    return Filled({k: Decimal(v[0]) for k, v in raw.items()}, {k: v[1] for k, v in raw.items()})


def unit_sheet(s: Session, bloc: Bloc, unit: Unit, year: int, now: datetime) -> bytes:
    """The unit's sheet, with its latest self-score filled in if it sent one, else the mapped
    criteria pre-filled from the year's records (bot.services.scores.facts)."""
    assert bloc.id is not None and unit.id is not None
    table, _ = table_of(s, bloc.id, year)
    mine = latest_self(s, bloc.id, year).get(unit.id)
    if mine is not None:
        return unit_workbook(table, head(bloc, unit, year), given=filled_of(mine))
    return unit_workbook(table, head(bloc, unit, year), facts=facts.prefill(s, table, bloc, unit, year, now))


def map_fact(s: Session, *, bloc: Bloc, year: int, code: str, fact: str, actor: Actor, now: datetime) -> Table:
    """``/scoretable map <criterion> <fact>``: the criterion is pre-filled from the year's records."""
    assert bloc.id is not None
    word = fold(fact).replace(" ", "")
    if word not in FACTS:
        raise UserError("scores.map_usage")
    table, _ = table_of(s, bloc.id, year)
    leaf = next((c for c in table.leaves if c.code == code.strip()), None)
    if leaf is None:
        raise UserError("scores.final_unknown_criterion", criterion=code.strip()[:20])
    mapped = table.with_fact(leaf.code, word)
    s.add(ScoreTable(bloc_id=bloc.id, year=year, criteria=mapped.to_json(), adopted_by_id=actor.officer_id,
                     adopted_at=now))
    record(s, bloc_id=bloc.id, actor=actor, action="scores.map", at=now, year=year, criterion=leaf.code, fact=word)
    return mapped


@dataclass(frozen=True)
class Scored:
    row: ScoreSheet
    unit: Unit
    totals: Totals
    table: Table
    late: bool


def submit_self(s: Session, *, bloc: Bloc, who: Standing, year: int, data: bytes, saved: Saved,
                attachment: Attachment, platform: str, now: datetime) -> Scored:
    """A unit's self-score from its sheet: validated, kept as a new version, a submission to the
    self-scoring deadline (so the reminders stop for the unit)."""
    assert bloc.id is not None
    item = _require_item(s, bloc, year)
    if who.unit is None or who.unit.id is None:
        raise UserError("scores.not_officer")
    unit = who.unit
    assert unit.id is not None
    table, _ = table_of(s, bloc.id, year)
    filled = read_unit_sheet(data, table, head(bloc, unit, year))
    assert item.id is not None
    submission = cal.record_submission(s, bloc=bloc, who=who, item_id=item.id, saved=saved, attachment=attachment,
                                       platform=platform, now=now)
    result = totals(table, filled.scores)
    row = ScoreSheet(bloc_id=bloc.id, year=year, unit_id=unit.id, version=submission.version,
                     scores=_scores_json(filled), total=str(result.total), file_id=submission.file_id,
                     officer_id=who.actor.officer_id, submitted_at=now)
    s.add(row)
    s.flush()
    record(s, bloc_id=bloc.id, actor=who.actor, action="scores.self", at=now, year=year, unit=unit.code,
           version=row.version, total=row.total)
    return Scored(row, unit, result, table, submission.late)


def _scores_json(filled: Filled) -> str:
    return json.dumps({k: [str(v), filled.notes.get(k, "")] for k, v in filled.scores.items()}, ensure_ascii=False)


def render_sheet(s: Session, unit_id: int, now: datetime) -> Document | None:
    """The outbox attachment ``scoresheet:<unit id>``: the unit's sheet for its bloc's open self-scoring."""
    unit = s.get(Unit, unit_id)
    bloc = s.get(Bloc, unit.bloc_id) if unit is not None else None
    if unit is None or bloc is None:
        return None
    item = s.exec(select(CalendarItem).where(
        CalendarItem.bloc_id == bloc.id, CalendarItem.state == "open",
        col(CalendarItem.doc_ref).startswith(REF_PREFIX)).order_by(col(CalendarItem.id).desc())).first()
    if item is None or item.doc_ref is None:
        return None
    year = int(item.doc_ref.removeprefix(REF_PREFIX))
    return Document(f"bang-diem-{year}-{unit.code}.xlsx", unit_sheet(s, bloc, unit, year, now), XLSX_MIME)


# --- cross-checking ----------------------------------------------------------------------------------

def assign_checks(s: Session, *, bloc: Bloc, year: int, how: str, actor: Actor, now: datetime,
                  sheet_text: str) -> list[tuple[Unit, Unit]]:
    """``xoay`` (each unit checks the next by code, the last the first) or ``A=B,C=D`` (A checks B);
    never its own. Each checker's officers get the sheet to check privately."""
    assert bloc.id is not None
    units = sorted(member_units(s, bloc.id, year), key=lambda u: u.code)
    scored = latest_self(s, bloc.id, year)
    if len(units) < 2:
        raise UserError("scores.check_too_few")
    by_code = {u.code: u for u in units}
    pairs: list[tuple[Unit, Unit]] = []
    if how.strip() in ("", "xoay", "rotation"):
        pairs = [(units[i], units[(i + 1) % len(units)]) for i in range(len(units))]
    else:
        for part in how.replace(";", ",").split(","):
            checker_code, _, target_code = part.strip().upper().partition("=")
            checker, target = by_code.get(checker_code.strip()), by_code.get(target_code.strip())
            if checker is None or target is None:
                raise UserError("scores.check_bad_pair", pair=part.strip()[:30])
            if checker == target:
                raise UserError("scores.check_own", code=checker.code)
            if any(c == checker for c, _ in pairs):
                raise UserError("scores.check_twice", code=checker.code)
            pairs.append((checker, target))
    missing = [t.code for _, t in pairs if t.id not in scored]
    if missing:
        raise UserError("scores.check_unscored", codes=", ".join(missing))
    for row in s.exec(select(ScoreCheck).where(ScoreCheck.bloc_id == bloc.id, ScoreCheck.year == year)):
        s.delete(row)
    s.flush()
    for checker, target in pairs:
        assert checker.id is not None and target.id is not None
        s.add(ScoreCheck(bloc_id=bloc.id, year=year, checker_unit_id=checker.id, target_unit_id=target.id,
                         assigned_at=now))
        queue_notice(s, bloc=bloc, notice=Notice(units=[checker], private_text=_fixed(
            sheet_text.format(code=checker.code, target=target.code)), attachment=(CHECK_SHEET, checker.id)),
                     key=f"check{year}:{now.timestamp():.0f}:u{checker.id}", now=now)
    record(s, bloc_id=bloc.id, actor=actor, action="scores.checks", at=now, year=year,
           pairs=[f"{c.code}={t.code}" for c, t in pairs])
    return pairs


def _fixed(text: str) -> Callable[[Unit], str]:
    return lambda _unit: text


def _assignment(s: Session, bloc_id: int, year: int, checker_id: int) -> ScoreCheck | None:
    return s.exec(select(ScoreCheck).where(ScoreCheck.bloc_id == bloc_id, ScoreCheck.year == year,
                                           ScoreCheck.checker_unit_id == checker_id)).first()


def check_sheet(s: Session, bloc: Bloc, checker: Unit, year: int) -> tuple[Unit, bytes]:
    """The sheet a checker fills in: the target's latest self-score, columns F and G for the check."""
    assert bloc.id is not None and checker.id is not None
    assignment = _assignment(s, bloc.id, year, checker.id)
    if assignment is None:
        raise UserError("scores.no_check", code=checker.code, year=year)
    target = s.get(Unit, assignment.target_unit_id)
    assert target is not None
    table, _ = table_of(s, bloc.id, year)
    mine = latest_self(s, bloc.id, year).get(assignment.target_unit_id)
    return target, unit_workbook(table, head(bloc, target, year), given=filled_of(mine) if mine else None,
                                 checked=True)


def render_check_sheet(s: Session, checker_id: int, now: datetime) -> Document | None:
    """The outbox attachment ``checksheet:<checker unit id>``."""
    checker = s.get(Unit, checker_id)
    bloc = s.get(Bloc, checker.bloc_id) if checker is not None else None
    if checker is None or bloc is None or checker.id is None:
        return None
    row = s.exec(select(ScoreCheck).where(ScoreCheck.checker_unit_id == checker.id)
                 .order_by(col(ScoreCheck.id).desc())).first()
    if row is None:
        return None
    target, content = check_sheet(s, bloc, checker, row.year)
    return Document(f"cham-cheo-{row.year}-{target.code}.xlsx", content, XLSX_MIME)


def submit_check(s: Session, *, bloc: Bloc, who: Standing, year: int, data: bytes, saved: Saved, file_name: str,
                 platform: str, now: datetime) -> tuple[Scored, Decimal]:
    """A checker's scores for its assigned unit (column F); returns them and the target's self total."""
    assert bloc.id is not None
    if who.unit is None or who.unit.id is None:
        raise UserError("scores.not_officer")
    assignment = _assignment(s, bloc.id, year, who.unit.id)
    if assignment is None:
        raise UserError("scores.no_check", code=who.unit.code, year=year)
    target = s.get(Unit, assignment.target_unit_id)
    assert target is not None and target.id is not None
    table, _ = table_of(s, bloc.id, year)
    filled = read_unit_sheet(data, table, head(bloc, target, year), column="F")
    stored = record_file(s, saved, file_name=file_name, mime=XLSX_MIME, platform=platform, platform_file_id=None,
                         now=now)
    versions = [r.version for r in _sheets(s, bloc.id, year)
                if r.unit_id == target.id and r.checker_unit_id == who.unit.id]
    result = totals(table, filled.scores)
    row = ScoreSheet(bloc_id=bloc.id, year=year, unit_id=target.id, checker_unit_id=who.unit.id,
                     version=max(versions, default=0) + 1, scores=_scores_json(filled), total=str(result.total),
                     file_id=stored.id, officer_id=who.actor.officer_id, submitted_at=now)
    s.add(row)
    s.flush()
    record(s, bloc_id=bloc.id, actor=who.actor, action="scores.check", at=now, year=year, unit=target.code,
           checker=who.unit.code, version=row.version, total=row.total)
    mine = latest_self(s, bloc.id, year).get(target.id)
    return Scored(row, target, result, table, False), Decimal(mine.total) if mine else Decimal(0)


# --- status and the settled ranking --------------------------------------------------------------------

@dataclass(frozen=True)
class UnitScores:
    unit: Unit
    self_row: ScoreSheet | None
    check_row: ScoreSheet | None
    checker: Unit | None

    def differences(self) -> list[str]:
        if self.self_row is None or self.check_row is None:
            return []
        mine, theirs = filled_of(self.self_row).scores, filled_of(self.check_row).scores
        return [code for code in mine if theirs.get(code) != mine[code]]


def status(s: Session, bloc: Bloc, year: int) -> list[UnitScores]:
    assert bloc.id is not None
    rows = _sheets(s, bloc.id, year)
    selfs = {r.unit_id: r for r in rows if r.checker_unit_id is None}
    checks = {r.unit_id: r for r in rows if r.checker_unit_id is not None}
    units = member_units(s, bloc.id, year)
    by_id = {u.id: u for u in units}
    return [UnitScores(u, selfs.get(u.id or 0), checks.get(u.id or 0),
                       by_id.get(checks[u.id].checker_unit_id) if u.id in checks else None) for u in units]


@dataclass(frozen=True)
class Ranked:
    unit: Unit
    self_total: Decimal
    checked_total: Decimal | None
    final: Filled
    total: Decimal
    rank: int
    changed: list[str]  # criteria where the final score differs from the self-score
    # Pre-filled criteria (/scoretable map) whose settled score differs from what the records gave.
    corrected: list[str] = field(default_factory=list)


def rank(totals_by_unit: list[tuple[Unit, Decimal]]) -> list[tuple[Unit, Decimal, int]]:
    """Highest first; equal totals share a rank and the next rank skips (1, 2, 2, 4): ties shown as ties."""
    ordered = sorted(totals_by_unit, key=lambda x: (-x[1], x[0].code))
    out: list[tuple[Unit, Decimal, int]] = []
    for index, (unit, total) in enumerate(ordered):
        position = out[-1][2] if out and out[-1][1] == total else index + 1
        out.append((unit, total, position))
    return out


def settle(s: Session, *, bloc: Bloc, year: int, actor: Actor, now: datetime,
           override: tuple[str, str, str] | None = None) -> tuple[Table, list[Ranked]]:
    """The settled scores: the checked score where a check exists, else the self-score; the head may
    settle one criterion of one unit (``override``: unit code, criterion code, points). Stored and audited."""
    assert bloc.id is not None
    table, _ = table_of(s, bloc.id, year)
    previous = s.exec(select(ScoreFinal).where(ScoreFinal.bloc_id == bloc.id, ScoreFinal.year == year)
                      .order_by(col(ScoreFinal.id).desc())).first()
    overrides: dict[str, dict[str, str]] = json.loads(previous.overrides) if previous else {}
    rows = status(s, bloc, year)
    if override is not None:
        code, criterion, raw = override
        unit_row = next((r for r in rows if r.unit.code == code.upper()), None)
        if unit_row is None or unit_row.self_row is None:
            raise UserError("scores.final_unknown_unit", code=code[:20])
        leaf = next((c for c in table.leaves if c.code == criterion), None)
        if leaf is None:
            raise UserError("scores.final_unknown_criterion", criterion=criterion[:20])
        points = decimal_of(raw)
        if points is None or points < 0 or points > leaf.max or not on_step(points):
            raise UserError("scores.final_bad_points", value=raw[:20], max=fmt(leaf.max), criterion=criterion)
        overrides.setdefault(unit_row.unit.code, {})[criterion] = str(points)
    out = ranking(table, rows, overrides, known=_known(s, table, bloc, rows, year, now))
    if not out:
        raise UserError("scores.nothing_to_settle", year=year)
    s.add(ScoreFinal(bloc_id=bloc.id, year=year, settled_by_id=actor.officer_id, settled_at=now,
                     overrides=json.dumps(overrides), results=json.dumps(
                         [{"unit": x.unit.id, "total": str(x.total), "rank": x.rank} for x in out])))
    record(s, bloc_id=bloc.id, actor=actor, action="scores.final", at=now, year=year, override=list(override or ()),
           ranking=[f"{x.rank}. {x.unit.code} {x.total}" for x in out])
    return table, out


def _known(s: Session, table: Table, bloc: Bloc, rows: list[UnitScores], year: int,
           now: datetime) -> dict[str, dict[str, Decimal]]:
    """Per unit code: the pre-filled score of each mapped criterion, as the records give it now."""
    if not any(c.fact for c in table.leaves):
        return {}
    return {r.unit.code: {k: v for k, (v, _) in facts.prefill(s, table, bloc, r.unit, year, now).items()}
            for r in rows if r.self_row is not None}


def ranking(table: Table, rows: list[UnitScores], overrides: dict[str, dict[str, str]],
            known: dict[str, dict[str, Decimal]] | None = None) -> list[Ranked]:
    """Each unit with a self-score: its checked score where a check exists, else its own, with the head's
    decisions applied; ranked (ties share a rank)."""
    finals: dict[str, tuple[UnitScores, Filled, Decimal]] = {}
    for r in rows:
        if r.self_row is None:
            continue
        mine = filled_of(r.self_row)
        final = Filled(dict(mine.scores), dict(mine.notes))
        if r.check_row is not None:
            final.scores.update(filled_of(r.check_row).scores)
        for criterion, settled in overrides.get(r.unit.code, {}).items():
            final.scores[criterion] = Decimal(settled)
        finals[r.unit.code] = (r, final, totals(table, final.scores).total)
    out: list[Ranked] = []
    for unit, total, position in rank([(r.unit, total) for r, _, total in finals.values()]):
        r, final, _ = finals[unit.code]
        assert r.self_row is not None
        own = filled_of(r.self_row).scores
        given = (known or {}).get(unit.code, {})
        out.append(Ranked(unit, Decimal(r.self_row.total), Decimal(r.check_row.total) if r.check_row else None, final,
                          total, position, [c for c in final.scores if final.scores[c] != own.get(c)],
                          [c for c, v in given.items() if final.scores.get(c) != v]))
    return out


def settled(s: Session, bloc: Bloc, year: int) -> tuple[Table, list[Ranked]] | None:
    """The year's settlement as /score_final last made it (for the dossier); None before it."""
    assert bloc.id is not None
    row = s.exec(select(ScoreFinal).where(ScoreFinal.bloc_id == bloc.id, ScoreFinal.year == year)
                 .order_by(col(ScoreFinal.id).desc())).first()
    if row is None:
        return None
    table, _ = table_of(s, bloc.id, year)
    rows = status(s, bloc, year)
    return table, ranking(table, rows, json.loads(row.overrides), known=_known(s, table, bloc, rows, year,
                                                                                 row.settled_at))


def final_scores(s: Session, bloc_id: int, year: int) -> dict[int, tuple[Decimal, int]]:
    """unit id -> (settled total, rank) of the year's latest settlement; empty before /score_final."""
    row = s.exec(select(ScoreFinal).where(ScoreFinal.bloc_id == bloc_id, ScoreFinal.year == year)
                 .order_by(col(ScoreFinal.id).desc())).first()
    if row is None:
        return {}
    return {int(r["unit"]): (Decimal(r["total"]), int(r["rank"])) for r in json.loads(row.results)}

