"""After a vote closes, nothing on disk links a unit to its choices. SQLite: not the database file
(secure_delete zeroes deleted rows) and not the write-ahead log (checkpointed and truncated in the
closing's wake). PostgreSQL: not the ballot table's files nor its indexes' (rewritten by VACUUM FULL);
its WAL is the operator's, as the README says."""

from __future__ import annotations

import re
from pathlib import Path

from tests.harness import TelegramHarness
from tests.vote_play import HEAD, OFFICERS, setup_bloc, vote


def _raw(tg: TelegramHarness) -> bytes:
    assert tg.core is not None
    if not tg.core.db.is_sqlite:
        return _pg_files(tg)
    db = Path(tg.tmp_path / "khoibot.db")
    wal = db.with_name(db.name + "-wal")
    return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _pg_files(tg: TelegramHarness) -> bytes:
    """The bytes of the files that hold the ballot table and its indexes, read from the server's data
    directory after a checkpoint wrote every page out (the test runs beside the throwaway server)."""
    assert tg.core is not None
    with tg.core.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("CHECKPOINT")
        data = conn.exec_driver_sql("SHOW data_directory").scalar_one()
        paths = conn.exec_driver_sql(
            "SELECT pg_relation_filepath(c.oid) FROM pg_class c WHERE c.oid = 'ballot'::regclass "
            "OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = 'ballot'::regclass) "
            "OR c.oid = (SELECT reltoastrelid FROM pg_class WHERE oid = 'ballot'::regclass)").scalars().all()
    return b"".join((Path(data) / p).read_bytes() for p in paths if p and (Path(data) / p).exists())


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
    if tg.core is not None and not tg.core.db.is_sqlite:
        # PostgreSQL: the second VACUUM on the scheduler's next pass (README, "What the operator of a
        # PostgreSQL server can see").
        assert tg.core.db.wipe_pending
        await tg.tick()
        assert not tg.core.db.wipe_pending
    after = _raw(tg)
    # The log was checkpointed and truncated when the closing committed; what it holds now was written
    # after (the result chart queued for sending), and the scan below (database and log) finds no ballot.
    for receipt in receipts:
        if tg.core is not None and tg.core.db.is_sqlite:
            assert receipt.encode() in after  # published in the results
        assert _bare(receipt, after) == [], receipt
