"""The README's "Getting a bloc started" works as written: its commands, typed in its order by the
people it names, give a bloc whose head and deputy units have officers and which they run.

The steps are read from the README (between the getting-started markers), so a step that is changed
there is what this test runs. A step a bloc head cannot follow (a refusal, a request nobody may
approve) fails here."""

from __future__ import annotations

import re
from pathlib import Path

from tests.test_console import run_cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()
OFFICERS = {"YTE": "Lan", "GDDT": "Hùng", "VHTTDL": "Mai"}  # one officer per unit of the example


def readme_commands() -> list[str]:
    """The commands of the steps in order, a multi-line command as one string with its lines."""
    block = README.split("<!-- getting-started:start -->", 1)[1].split("<!-- getting-started:end -->", 1)[0]
    commands: list[str] = []
    in_code = False
    for line in block.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            in_code = not in_code
        elif in_code and stripped.startswith("/"):
            commands.append(stripped)
        elif in_code and stripped:
            commands[-1] += "\n" + stripped  # the next line of a multi-line command (/unit_add)
        elif not in_code:
            commands += [c for c in re.findall(r"`(/[^`]+)`", line) if "<" not in c]
    return commands


def test_the_steps_name_the_commands_a_bloc_needs() -> None:
    names = [c.split()[0] for c in readme_commands()]
    for name in ("/setup", "/unit_add", "/head", "/deputy", "/join", "/units"):
        assert name in names, name
    assert names.index("/setup") == 0 and names.index("/unit_add") < names.index("/join")


def test_getting_a_bloc_started_works_as_written(tmp_path: Path) -> None:
    script: list[str] = []
    approver = "Quản trị"  # the group admin who typed /setup approves until the head's officer has joined
    for command in readme_commands():
        if command.startswith("/join"):
            # "Each unit's officer types /join <their code>": the head's first, then the deputy's,
            # then the others, each approved by whoever the post names at that moment.
            for code, officer in OFFICERS.items():
                script += [f"/as {officer}", f"/join {code}", f"/as {approver}", "1"]  # ✅ under the post
                approver = OFFICERS["YTE"] if approver == "Quản trị" else OFFICERS["GDDT"]
        elif command.startswith("/requests"):
            continue  # the other way to answer a request; pressing ✅ under its post is used above
        else:
            script += command.replace("\n", "\\\n").splitlines()
    out = run_cli(tmp_path, ["console"], "\n".join([*script, "/quit"]) + "\n")
    assert out.returncode == 0 and "Traceback" not in out.stdout + out.stderr, out.stderr

    text = out.stdout
    assert "✅ Đã tạo khối «Khối thi đua Văn hóa – Xã hội»" in text
    assert text.count("✅ Đã thêm") == 3
    assert "YTE — Sở Y tế là Trưởng khối năm" in text and "GDDT — Sở Giáo dục và Đào tạo là Phó trưởng khối năm" in text
    approvals = re.findall(r"✅ (\w+) đại diện cho đơn vị (\w+) .*\(duyệt bởi ([^)]+)\)", text)
    assert approvals == [("Lan", "YTE", "Quản trị"), ("Hùng", "GDDT", "Lan"), ("Mai", "VHTTDL", "Hùng")]
    # The last /units: every unit with its officer, the head and the deputy marked.
    units = text.rsplit("📋 Đơn vị thành viên", 1)[1]
    assert "GDDT — Sở Giáo dục và Đào tạo (Phó trưởng khối)\n   Cán bộ: Hùng" in units
    assert "YTE — Sở Y tế (Trưởng khối)\n   Cán bộ: Lan" in units
    assert "VHTTDL — Sở Văn hóa, Thể thao và Du lịch\n   Cán bộ: Mai" in units
