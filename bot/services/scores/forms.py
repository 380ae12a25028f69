"""Scoring on the web: a personal one-time link to a small form (for Zalo officers, who cannot upload a
workbook, and anyone who would rather not type 30 scores into Excel on a phone).

A link names a row (its nonce), the unit, the year, what is scored and its expiry, and is signed with
HMAC-SHA256 under a secret derived from the bot's token: an altered link fails the signature, a link
used once is refused again, an expired one too. No login: the link is the key, sent privately to the
officer who asked. What the form submits goes through exactly what a workbook goes through (the same
checks and messages, the same stored record, a workbook generated from the values as its file), and
the receipt is sent to the chat the link was asked from.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from openpyxl import load_workbook
from sqlmodel import Session, select

from bot.errors import UserError
from bot.files import FileStore
from bot.ports import Attachment
from bot.services.audit import Actor
from bot.services.blocs.standing import Standing, standing
from bot.services.delivery import outbox
from bot.services.scores import service as scores
from bot.services.scores import views
from bot.services.scores.sheets import FIRST_ROW, XLSX_MIME, Filled, SheetError, check_points, unit_workbook
from bot.services.scores.table import Table
from storage.models import Account, Bloc, FormLink, Officer, Unit

LIFETIME = timedelta(hours=24)
SELF, CHECK = "self", "check"


def _sign(secret: str, payload: str) -> str:
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()[:32]


def create(s: Session, *, bloc: Bloc, unit: Unit, year: int, kind: str, officer_id: int | None,
           account_id: int | None, secret: str, now: datetime) -> tuple[str, datetime]:
    """A new link's token and expiry."""
    assert bloc.id is not None and unit.id is not None
    nonce = secrets.token_urlsafe(12)
    expires = now + LIFETIME
    s.add(FormLink(nonce=nonce, bloc_id=bloc.id, unit_id=unit.id, year=year, kind=kind, officer_id=officer_id,
                   account_id=account_id, expires_at=expires))
    s.flush()
    payload = f"{nonce}.{unit.id}.{year}.{kind}.{int(expires.timestamp())}"
    return f"{payload}.{_sign(secret, payload)}", expires


@dataclass(frozen=True)
class Opened:
    link: FormLink
    bloc: Bloc
    unit: Unit  # the unit whose scores the form holds (the checked unit for a check)
    scorer: Unit  # the unit that fills it in
    table: Table
    given: Filled | None


def open_link(s: Session, token: str, secret: str, now: datetime) -> Opened:
    """The link's form, or refused: ``form.bad_link`` (altered, unknown), ``form.used``, ``form.expired``."""
    parts = token.split(".")
    if len(parts) != 6:
        raise UserError("form.bad_link")
    payload, signature = ".".join(parts[:5]), parts[5]
    if not hmac.compare_digest(_sign(secret, payload), signature):
        raise UserError("form.bad_link")
    nonce, unit_id, year, kind, _ = parts[:5]
    link = s.exec(select(FormLink).where(FormLink.nonce == nonce)).first()
    if link is None or str(link.unit_id) != unit_id or str(link.year) != year or link.kind != kind:
        raise UserError("form.bad_link")
    if link.used_at is not None:
        raise UserError("form.used")
    if now >= link.expires_at:
        raise UserError("form.expired")
    bloc = s.get(Bloc, link.bloc_id)
    scorer = s.get(Unit, link.unit_id)
    assert bloc is not None and bloc.id is not None and scorer is not None
    table, _ = scores.table_of(s, bloc.id, link.year)
    if kind == CHECK:
        target, _content = scores.check_sheet(s, bloc, scorer, link.year)
        mine = scores.latest_self(s, bloc.id, link.year).get(target.id or 0)
        return Opened(link, bloc, target, scorer, table, scores.filled_of(mine) if mine else None)
    mine = scores.latest_self(s, bloc.id, link.year).get(scorer.id or 0)
    return Opened(link, bloc, scorer, scorer, table, scores.filled_of(mine) if mine else None)


def validate(table: Table, values: dict[str, str]) -> Filled:
    """The form's fields ``score-<code>`` and ``note-<code>``, checked as a sheet's cells are."""
    problems: list[tuple[str, dict[str, object]]] = []
    filled = Filled()
    for c in table.leaves:
        checked = check_points(c, values.get(f"score-{c.code}"))
        if isinstance(checked, tuple):
            problems.append((f"form.{checked[0]}", checked[1]))
        else:
            filled.scores[c.code] = checked
            filled.notes[c.code] = " ".join(values.get(f"note-{c.code}", "").split())[:500]
    if problems:
        raise SheetError(problems)
    return filled


def submit(s: Session, opened: Opened, values: dict[str, str], files: FileStore, now: datetime) -> str:
    """Stores the form's scores as a workbook would be stored, uses the link up, queues the receipt for
    the chat it was asked from; returns the receipt."""
    filled = validate(opened.table, values)
    link, bloc = opened.link, opened.bloc
    officer = s.get(Officer, link.officer_id) if link.officer_id else None
    account = s.get(Account, link.account_id) if link.account_id else None
    who = _who(s, bloc, officer, account, now)
    head = scores.head(bloc, opened.unit, link.year)
    if link.kind == CHECK:
        data = unit_workbook(opened.table, head, given=opened.given, checked=True)
        data = _with_column(data, filled, "F", opened.table)
        saved = files.write(data)
        scored, own = scores.submit_check(s, bloc=bloc, who=who, year=link.year, data=data, saved=saved,
                                          file_name=f"cham-cheo-{link.year}-{opened.unit.code}-web.xlsx",
                                          platform=account.platform if account else "web", now=now)
        text = views.receipt(bloc.language, bloc, scored, "scores.check_received", checker=opened.scorer.code,
                             own=str(own).replace(".", ","))
    else:
        data = unit_workbook(opened.table, head, given=filled)
        saved = files.write(data)
        scored = scores.submit_self(s, bloc=bloc, who=who, year=link.year, data=data, saved=saved,
                                    attachment=Attachment("document", file_name=f"bang-diem-{link.year}-"
                                                          f"{opened.unit.code}-web.xlsx", mime=XLSX_MIME),
                                    platform=account.platform if account else "web", now=now)
        text = views.receipt(bloc.language, bloc, scored, "scores.received")
    link.used_at = now
    s.add(link)
    if account is not None and account.private_chat_id:
        outbox.enqueue(s, dedup_key=f"form{link.id}", platform=account.platform, chat_id=account.private_chat_id,
                       text=text, now=now, bloc_id=bloc.id, account_id=account.id)
    return text


def _who(s: Session, bloc: Bloc, officer: Officer | None, account: Account | None, now: datetime) -> Standing:
    """The officer who asked for the link, as they stand now (they may have left the unit since)."""
    if officer is None or account is None:
        raise UserError("form.bad_link")
    return standing(s, bloc, Actor(officer, account), now)


def _with_column(data: bytes, filled: Filled, column: str, table: Table) -> bytes:
    """The checker's scores written into column F/G of the generated check sheet."""
    book = load_workbook(io.BytesIO(data))
    sheet = book.active
    assert sheet is not None
    for offset, c in enumerate(table.criteria):
        if c.code in filled.scores:
            sheet[f"{column}{FIRST_ROW + offset}"] = float(filled.scores[c.code])
            sheet[f"{chr(ord(column) + 1)}{FIRST_ROW + offset}"] = filled.notes.get(c.code, "")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
