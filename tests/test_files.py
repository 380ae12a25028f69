from __future__ import annotations

import hashlib

from bot.core import Core
from bot.files import record_file


def test_files_are_stored_once_by_content_and_recorded(core: Core, tmp_path) -> None:
    content = "Báo cáo tổng kết năm 2026".encode()
    first = core.files.write(content)
    second = core.files.write(content)
    assert first == second and first.sha256 == hashlib.sha256(content).hexdigest()
    assert core.files.read(first.sha256) == content
    assert len([p for p in core.files.root.rglob("*") if p.is_file()]) == 1
    with core.db.session() as s:
        row = record_file(s, first, file_name="bao-cao.pdf", mime="application/pdf", platform="telegram",
                          platform_file_id="FILE1", now=core.now())
        assert row.id is not None and row.size == len(content)
