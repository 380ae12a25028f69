"""The console chat, driven through stdin of the real ``khoibot`` command."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.harness import DATABASES
from tests.texts import said

ROOT = Path(__file__).resolve().parents[1]


def run_cli(tmp_path: Path, args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ZALO_", "KHOIBOT_"))}
    # The database the test asked for (SQLite or PostgreSQL, see conftest's ``database``), else a new file.
    url = DATABASES.get(tmp_path, f"sqlite:///{tmp_path / 'console.db'}")
    env.update({"DATABASE_URL": url, "PYTHONPATH": str(ROOT)})
    return subprocess.run([sys.executable, "-m", "app.cli", *args], input=stdin, capture_output=True,
                          text=True, cwd=tmp_path, env=env, timeout=60, check=False)


# A bloc of two units whose head unit (YTE) has its officer, Lan: where the console scenarios start.
BLOC_WITH_HEAD = """/setup Khối thi đua Văn hóa – Xã hội
/unit_add YTE Sở Y tế\\
GDDT Sở Giáo dục và Đào tạo
/head YTE
/as Lan
/join YTE
/as Quản trị
1
"""

SCRIPT = """/help
/setup Khối thi đua Văn hóa – Xã hội
/unit_add YTE Sở Y tế\\
GDDT Sở Giáo dục và Đào tạo
/as Lan
/join YTE
/unit_add BDT Ban Dân tộc
/as Quản trị
1
/head YTE
/as Lan
/dm
/whoami
/group
/units
/quit
"""


def test_console_runs_the_same_core_through_stdin(database: str, tmp_path: Path) -> None:
    out = run_cli(tmp_path, ["console"], SCRIPT)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "Traceback" not in text + out.stderr
    assert "✅ Đã tạo khối «Khối thi đua Văn hóa – Xã hội»" in text
    assert said(text, 'unit.added_total', count=2)
    assert "[1] ✅ Duyệt   [2] ❌ Từ chối" in text
    assert said(text, 'err.not_manager', command='unit_add')
    assert said(text, 'join.approved_post', name='Lan', code='YTE', unit='Sở Y tế', approver='Quản trị')
    assert "[riêng: Lan] KhốiBot:" in text and "Vai trò: Trưởng khối, cán bộ phụ trách thi đua" in text
    assert "1. GDDT — Sở Giáo dục và Đào tạo" in text and "Cán bộ: Lan" in text
    assert text.rstrip().endswith("Tạm biệt!")


def test_run_without_token_says_how_to_connect_then_opens_the_console(tmp_path: Path) -> None:
    """At a terminal, ``khoibot run`` without a token opens the console chat after a one-line hint."""
    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "ZALO_", "KHOIBOT_"))}
    # The database the test asked for (SQLite or PostgreSQL, see conftest's ``database``), else a new file.
    url = DATABASES.get(tmp_path, f"sqlite:///{tmp_path / 'console.db'}")
    env.update({"DATABASE_URL": url, "PYTHONPATH": str(ROOT)})
    try:
        os.write(master, b"/start\n/quit\n")
        out = subprocess.run([sys.executable, "-m", "app.cli", "run"], stdin=slave, capture_output=True, text=True,
                             cwd=tmp_path, env=env, timeout=60, check=False)
    finally:
        os.close(master)
        os.close(slave)
    assert out.returncode == 0, out.stderr
    first = out.stdout.splitlines()[0]
    assert "TELEGRAM_BOT_TOKEN" in first and "make run" in first
    assert "KhốiBot — chat thử trên máy" in out.stdout
    assert said(out.stdout, "start.group_unbound")  # the console starts in a simulated group


def test_run_without_token_and_without_a_terminal_says_so_and_fails(tmp_path: Path) -> None:
    """A container with no token must not print the banner, exit 0 and be restarted in a silent loop."""
    out = run_cli(tmp_path, ["run"], "/start\n")
    assert out.returncode == 2
    assert out.stdout == ""
    assert "TELEGRAM_BOT_TOKEN" in out.stderr and "ZALO_BOT_TOKEN" in out.stderr and "Traceback" not in out.stderr


def test_help_lists_the_subcommands(tmp_path: Path) -> None:
    out = run_cli(tmp_path, ["--help"])
    assert out.returncode == 0
    assert "run" in out.stdout and "console" in out.stdout


def test_a_bad_configuration_is_reported_plainly(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("KHOIBOT_TIMEZONE=Mars/Olympus\n", encoding="utf-8")
    out = run_cli(tmp_path, ["run"])
    assert out.returncode == 2
    assert "Cấu hình không hợp lệ" in out.stderr and "Mars/Olympus" in out.stderr
    assert "Traceback" not in out.stderr


def test_console_deadline_submission_and_attendance(database: str, tmp_path: Path) -> None:
    report = tmp_path / "bao-cao-yte.pdf"
    report.write_bytes(b"%PDF-1.4 YTE")
    script = f"""/setup Khối thi đua Văn hóa – Xã hội
/unit_add YTE Sở Y tế
/deadline 10/12/2099 17:00 | Báo cáo tổng kết năm | Kế hoạch 1116/KH-KTĐVHXH
/as Lan
/join YTE
/as Quản trị
1
/as Lan
/file {report} /submit 1
/status 1
/meeting 20/12/2099 08:00 | Hội nghị tổng kết | Hội trường
/as Quản trị
/meeting 20/12/2099 08:00 | Hội nghị tổng kết | Hội trường
/as Lan
1
/meetings
/agenda
/quit
"""
    out = run_cli(tmp_path, ["console"], script)
    assert out.returncode == 0, out.stderr
    text = out.stdout
    assert "Traceback" not in text + out.stderr
    assert "📄 #1 · Hạn nộp «Báo cáo tổng kết năm»" in text
    assert "📥 Đã nhận báo cáo của YTE — Sở Y tế cho #1" in text and "bao-cao-yte.pdf (12 B)" in text
    assert said(text, 'cal.status.on_time', unit='YTE — Sở Y tế')
    assert said(text, 'err.not_manager')
    assert "[1] ✅ Xác nhận tham dự" in text
    assert said(text, 'cal.attend.toast', code='YTE')
    assert "🏛 20/12/2099 08:00 · #2 · «Hội nghị tổng kết» tại Hội trường — xác nhận 1/1" in text
    assert "Không có hội nghị hay hạn nộp nào trong 30 ngày tới." in text
