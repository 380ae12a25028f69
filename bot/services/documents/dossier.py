"""The year's dossier for the provincial emulation council (hồ sơ đề nghị khen thưởng), as one zip:
the proposal letter, the minutes of the evaluation meeting, each vote's count data and anonymous
slips, and each nominated unit's achievement report (báo cáo thành tích), collected through a deadline
addressed to the nominated units only (/dossier_collect: the deadline engine reminds only those that
have not sent theirs). An index lists every file with its SHA-256 and says what is still missing.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from bot.errors import UserError
from bot.files import FileStore
from bot.services.calendar.service import DeadlineFields, deadline_by_ref
from bot.services.scores import export as score_export
from bot.services.scores import service as scores
from bot.services.votes import export, slips
from bot.services.votes import final as finals
from bot.services.votes.service import CLOSED
from bot.text import fold
from bot.timefmt import fmt_datetime
from storage.models import Bloc, CalendarItem, StoredFile, Submission, Unit

from .minutes import Options, settled_votes, year_minutes
from .proposal import proposal


def dossier_ref(year: int) -> str:
    """The reference the collection deadline carries: how the dossier finds it again."""
    return f"Hồ sơ khen thưởng năm {year}"


def nominated(s: Session, bloc: Bloc, year: int) -> list[Unit]:
    units: list[Unit] = []
    for _, unit in finals.selected_units(s, bloc, year):
        if unit not in units:
            units.append(unit)
    return units


def collection(s: Session, bloc: Bloc, year: int) -> CalendarItem | None:
    return deadline_by_ref(s, bloc, dossier_ref(year))


def collect_fields(s: Session, bloc: Bloc, year: int) -> DeadlineFields:
    """The deadline /dossier_collect opens: the achievement reports of the units nominated in ``year``."""
    units = nominated(s, bloc, year)
    if not units:
        raise UserError("docs.nothing_selected", year=year)
    existing = collection(s, bloc, year)
    if existing is not None:
        raise UserError("dossier.collect_exists", year=year, id=existing.id)
    return DeadlineFields(title=f"Báo cáo thành tích năm {year}", doc_ref=dossier_ref(year),
                          codes=[u.code for u in units])


@dataclass(frozen=True)
class Dossier:
    content: bytes
    files: list[tuple[str, str]]  # (name in the zip, SHA-256)
    missing: list[str]  # what is not in it yet, in words


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", fold(name)).strip("-")[:80] or "tep"


def build(s: Session, files: FileStore, bloc: Bloc, year: int, now: datetime) -> Dossier:
    votes = settled_votes(s, bloc, year)
    entries: list[tuple[str, bytes]] = []
    missing: list[str] = []
    units = nominated(s, bloc, year)
    if units:
        entries.append((f"1-to-trinh-{year}.docx", proposal(s, bloc, year, Options(), now)))
    else:
        missing.append("tờ trình: chưa có đơn vị nào được suy tôn")
    entries.append((f"2-bien-ban-binh-xet-{year}.docx", year_minutes(s, bloc, year, Options(), now)))
    for vote in votes:
        entries.append((f"3-ket-qua-bo-phieu/phieu-{vote.id}-ket-qua.csv", export.csv(s, vote, "vi")))
        if vote.state == CLOSED:
            entries.append((f"3-ket-qua-bo-phieu/phieu-{vote.id}-phieu-an-danh.csv", slips.slips_csv(s, vote)))
    settlement = scores.settled(s, bloc, year)
    if settlement is not None:
        table, ranked = settlement
        entries.append((f"5-ket-qua-cham-diem-{year}.xlsx", score_export.workbook(
            bloc, year, table, ranked, score_export.cell_values(s, bloc, year), now)))
    item = collection(s, bloc, year)
    if units and item is None:
        missing.append(f"báo cáo thành tích: chưa mở hạn nộp (/dossier_collect {year} | <hạn>)")
    for unit in units:
        row = None
        if item is not None and item.id is not None:
            row = s.exec(select(Submission).where(Submission.item_id == item.id, Submission.unit_id == unit.id)
                         .order_by(col(Submission.version).desc())).first()
        if row is None:
            if item is not None:
                missing.append(f"báo cáo thành tích của {unit.code} — {unit.name} (hạn "
                               f"{fmt_datetime(item.when_at, bloc.timezone)})")
            continue
        stored = s.get(StoredFile, row.file_id)
        assert stored is not None
        entries.append((f"4-bao-cao-thanh-tich/{unit.code}-{_safe(stored.file_name)}", files.read(stored.sha256)))
    hashed = [(name, hashlib.sha256(data).hexdigest()) for name, data in entries]
    index = [f"HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG NĂM {year} — {bloc.name}", f"Lập lúc {fmt_datetime(now, bloc.timezone)}.", "",
             "Các tệp (SHA-256):"]
    index += [f"{digest}  {name}" for name, digest in hashed]
    index += ["", "Còn thiếu: " + ("; ".join(missing) if missing else "không.")]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("0-muc-luc.txt", "\n".join(index) + "\n")
        for name, data in entries:
            archive.writestr(name, data)
    return Dossier(out.getvalue(), hashed, missing)
