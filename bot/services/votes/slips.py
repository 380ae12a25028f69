"""A recount anyone can do: a closed vote's anonymous slips as a CSV file, and the SHA-256 of that
file and of the list of receipt codes, published with the results and printed in the minutes.

The file holds the choices only, one row a slip, in the shuffled order they were stored in at
closing (bot.services.votes.service.close_vote): no unit, no time, no receipt. Recounting it
(``recount``, or ``khoibot recount <file>``) gives the published counts. The receipt list is the
sorted codes of the counted ballots; an officer checks theirs with /verify. Nothing links a receipt
to a slip: the slips were shuffled and stored apart from the receipts, and the ballots deleted.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass

from sqlmodel import Session, col, select

from bot.services.votes.service import CLOSED, outcome
from storage.models import BallotSlip, Vote
from storage.queries.votes import candidates_of, units_by_ids

SLIP = "phieu"  # the first column: the slip's number in the file


def slips_csv(s: Session, vote: Vote) -> bytes:
    """Header: ``phieu`` then ``<số>. <MÃ>`` per candidate; a row per slip, 1 under each choice."""
    assert vote.id is not None and vote.state == CLOSED
    candidates = candidates_of(s, vote.id)
    units = units_by_ids(s, [c.unit_id for c in candidates])
    positions = [c.position for c in candidates]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([SLIP, *[f"{c.position}. {units[c.unit_id].code}" for c in candidates]])
    rows = s.exec(select(BallotSlip.choices).where(BallotSlip.vote_id == vote.id).order_by(col(BallotSlip.id)))
    for number, choices in enumerate(rows, start=1):
        chosen = set(json.loads(choices))
        writer.writerow([number, *["1" if p in chosen else "0" for p in positions]])
    return out.getvalue().encode("utf-8")


def receipts_text(vote: Vote) -> bytes:
    """The sorted receipt codes of the counted ballots, one a line (what the receipts hash covers)."""
    return "".join(f"{r}\n" for r in outcome(vote).receipts).encode("utf-8")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Hashes:
    slips: str
    receipts: str


def hashes(s: Session, vote: Vote) -> Hashes:
    return Hashes(sha256(slips_csv(s, vote)), sha256(receipts_text(vote)))


class BadSlips(ValueError):
    """The file is not a slips file (what is wrong, in English and Vietnamese, for the command line)."""


@dataclass(frozen=True)
class Recount:
    slips: int
    blank: int
    counts: dict[str, int]  # candidate column -> approvals


def recount(data: bytes) -> Recount:
    """Counts a slips file: per candidate, the slips that chose it; a slip with no choice is blank."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadSlips("không phải tệp văn bản UTF-8 (not a UTF-8 text file)") from exc
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or not rows[0] or rows[0][0] != SLIP:
        raise BadSlips(f"dòng đầu phải bắt đầu bằng «{SLIP}» (the first row must start with «{SLIP}»)")
    columns = rows[0][1:]
    counts = dict.fromkeys(columns, 0)
    blank = 0
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(columns) + 1 or any(v not in ("0", "1") for v in row[1:]):
            raise BadSlips(f"dòng {line} không hợp lệ (line {line} is not a slip)")
        marks = row[1:]
        if "1" not in marks:
            blank += 1
        for column, mark in zip(columns, marks, strict=True):
            counts[column] += mark == "1"
    return Recount(slips=len(rows) - 1, blank=blank, counts=counts)


def find_receipt(s: Session, bloc_id: int, code: str) -> Vote | None:
    """The closed vote of this bloc whose counted ballots include ``code`` (receipts are sorted and
    stored with the results; nothing else is looked up)."""
    votes = s.exec(select(Vote).where(Vote.bloc_id == bloc_id, Vote.state == CLOSED).order_by(col(Vote.id)))
    for vote in votes:
        if code in outcome(vote).receipts:
            return vote
    return None
