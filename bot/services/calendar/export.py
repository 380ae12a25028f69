"""Collecting a deadline's files for the head (thu bài): one zip with each unit's latest version.

The head files the bloc's reports with the provincial board, so the bundle holds, per unit, the
newest version it sent (named ``<MÃ>_<tên tệp>``) and an index (``danh-sach.csv``) of every unit:
its state, how many versions it sent, when the kept one came, and its SHA-256 so the file can be
checked against the receipt the unit got, and the link of a unit that sent one (its .url shortcut
is in the zip too). Everything is read from the file store, nothing is re-downloaded from the chat
platform, and a link is never followed.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass

from sqlmodel import Session, col, select

from bot.files import FileStore
from bot.i18n import t
from bot.services.calendar import links as link_files
from bot.services.calendar.boards import DeadlineBoard
from bot.timefmt import fmt_datetime
from storage.models import Bloc, StoredFile

_UNSAFE = re.compile(r"[^\w.\- ]+", re.UNICODE)


def safe_name(name: str) -> str:
    """A file name without folders or characters archives and Windows refuse; Vietnamese letters kept."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _UNSAFE.sub("_", base).strip(" .") or "tep"
    return cleaned[:120]


def unit_file_name(code: str, file_name: str) -> str:
    """``YTE_baocao.docx``: the unit's code first, unless the file's name already starts with it
    (``YTE_baocao_2026.docx`` stays as it is, not ``YTE_YTE_baocao_2026.docx``)."""
    name = safe_name(file_name)
    if re.match(rf"{re.escape(code)}(?![A-Za-z0-9])", name, re.IGNORECASE):
        return name
    return f"{code}_{name}"


@dataclass(frozen=True)
class Bundle:
    content: bytes
    files: int
    missing: list[str]  # unit codes whose kept file could not be read from the store


def bundle(s: Session, store: FileStore, bloc: Bloc, board: DeadlineBoard, lang: str) -> Bundle:
    files = {f.id: f for f in _stored(s, [r.latest.file_id for r in board.rows if r.latest is not None])}
    out = io.BytesIO()
    index = io.StringIO()
    writer = csv.writer(index)
    writer.writerow([t(lang, f"cal.collect.col_{c}") for c in ("code", "unit", "state", "versions", "at", "file",
                                                                 "sha256", "link")])
    count, missing = 0, []
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for row in board.rows:
            latest = row.latest
            stored = files.get(latest.file_id) if latest is not None else None
            name = link = ""
            if stored is not None:
                name = unit_file_name(row.unit.code, stored.file_name)
                try:
                    content = store.read(stored.sha256)
                    archive.writestr(name, content)  # a link goes in as its .url shortcut
                    count += 1
                    if stored.mime == link_files.MIME:
                        link = link_files.url_in(content) or ""
                except OSError:
                    missing.append(row.unit.code)
                    name = ""
            writer.writerow([
                row.unit.code, row.unit.name, t(lang, f"cal.collect.state_{row.state}"), len(row.versions),
                fmt_datetime(latest.submitted_at, bloc.timezone) if latest is not None else "",
                name, stored.sha256 if stored is not None else "", link,
            ])
        # UTF-8 with a byte-order mark, so Excel shows Vietnamese names correctly.
        archive.writestr("danh-sach.csv", ("\ufeff" + index.getvalue()).encode("utf-8"))
    return Bundle(out.getvalue(), count, missing)


def _stored(s: Session, ids: list[int]) -> list[StoredFile]:
    if not ids:
        return []
    return list(s.exec(select(StoredFile).where(col(StoredFile.id).in_(set(ids)))))
