"""After a vote closes, nothing on disk links a unit to its choices: not the database file (secure_delete
zeroes deleted rows) and not the write-ahead log (checkpointed and truncated in the closing's wake)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.harness import TelegramHarness
from tests.vote_play import HEAD, OFFICERS, setup_bloc, vote


def _raw(tg: TelegramHarness) -> bytes:
    db = Path(tg.tmp_path / "khoibot.db")
    wal = db.with_name(db.name + "-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _bare(receipt: str, raw: bytes) -> list[int]:
    """Where the receipt stands on disk other than inside the published list ("ABC-DEF" in JSON): a
    ballot row, or an index entry of one."""
    return [m.start() for m in re.finditer(re.escape(receipt.encode()), raw) if raw[m.start() - 1:m.start()] != b'"']


async def test_closing_a_vote_leaves_no_ballot_row_in_the_database_or_its_log(tg: TelegramHarness) -> None:
    group = await setup_bloc(tg)
    await tg.say(HEAD, group, "/vote 3 | 24/11/2026 17:00")
    receipts = [await vote(tg, OFFICERS[code], 1, choice)
                for code, choice in (("YTE", ["GDDT"]), ("GDDT", ["YTE", "BDT"]), ("BDT", []), ("VHTTDL", ["YTE"]),
                                     ("LDTBXH", ["YTE", "GDDT"]), ("TTTT", ["BDT"]))]
    before = _raw(tg)
    # The scan sees ballots while the vote is open, so it would see them after closing too.
    assert all(_bare(r, before) for r in receipts)

    await tg.confirm(HEAD, group, "/vote_close 1")
    after = _raw(tg)
    wal = tg.tmp_path / "khoibot.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    for receipt in receipts:
        assert receipt.encode() in after  # published in the results
        assert _bare(receipt, after) == [], receipt
