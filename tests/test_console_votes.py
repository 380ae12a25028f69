"""A vote in the console chat: the deep-link button opens the private ballot, buttons are numbers."""

from __future__ import annotations

from pathlib import Path

from tests.test_console import BLOC_WITH_HEAD, run_cli
from tests.texts import said

SCRIPT = BLOC_WITH_HEAD + """/as Hùng
/join GDDT
/as Lan
1
/vote Cờ thi đua của Chính phủ | tay
1
2
3
/group
/as Hùng
/dm
/phieu 1 2
/group
/as Lan
/vote_close 1
1
/quit
"""


def test_a_vote_in_the_console(database: str, tmp_path: Path) -> None:
    out = run_cli(tmp_path, ["console"], SCRIPT)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "Traceback" not in text + out.stderr
    assert said(text, 'vote.post_head_award', id=1)
    assert "→ Mở chat riêng của Lan với KhốiBot." in text  # the «🗳 Bỏ phiếu» deep link
    assert "[1] ⬜ 1. GDDT — Sở Giáo dục và Đào tạo   [2] ⬜ 2. YTE — Sở Y tế   [3] 📨 Gửi phiếu trắng" in text
    assert "✅ Đã nhận phiếu của đơn vị YTE cho #1" in text and "✅ Đã nhận phiếu của đơn vị GDDT cho #1" in text
    assert "2. YTE — Sở Y tế: 2 phiếu (100%) ✅" in text
    assert said(text, 'results.selected', quota=1, units='YTE — Sở Y tế')
