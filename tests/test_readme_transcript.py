"""The README's console session ("Try it in the console in five minutes") replayed against the real
console: the same commands give the same answers, so the transcript never goes stale. Dates, times,
receipt codes and hashes differ from run to run and are compared as placeholders; the session's years
are this year and next, whatever today is."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from tests.test_console import run_cli

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()
PROMPT = re.compile(r"^[^\n>\[]+ \((?:nhóm|riêng)\)> (.*)$")
SHOWN_YEAR, SHOWN_NEXT = 2026, 2027  # the years in the transcript as recorded


def transcript() -> str:
    block = README.split("<!-- transcript:start -->", 1)[1].split("<!-- transcript:end -->", 1)[0]
    return block.strip().removeprefix("```text").removesuffix("```").strip("\n")


def normalized(text: str) -> str:
    text = re.sub(r"\b\d\d/\d\d/\d{4} \d\d:\d\d\b", "<dd/mm/yyyy hh:mm>", text)
    text = re.sub(r"\b20\d\d\b", "<năm>", text)
    text = re.sub(r"\b[A-Z2-9]{3}-[A-Z2-9]{3}\b", "<mã phiếu>", text)
    return re.sub(r"\b[0-9a-f]{64}\b", "<sha256>", text)


def test_the_readme_console_session_replays_as_shown(tmp_path: Path) -> None:
    shown = transcript()
    lines: list[str] = []
    after_prompt = False
    for line in shown.splitlines():
        match = PROMPT.match(line)
        if match:
            lines.append(match.group(1))
            after_prompt = True
        elif after_prompt and not line.startswith(("[", "→", "(", " ", "Tạm biệt")):
            # The console echoes a multi-line command without its trailing "\": type it back with one.
            lines[-1] += "\\"
            lines.append(line)
        else:
            after_prompt = False
    assert lines[0].startswith("/setup") and lines[-1] == "/quit" and len(lines) > 20
    year = datetime.now(UTC).year
    script = "\n".join(lines).replace(str(SHOWN_NEXT), str(year + 1)).replace(str(SHOWN_YEAR), str(year)) + "\n"
    (tmp_path / "baocao.pdf").write_bytes(b"%PDF-1.4 bao cao")
    out = run_cli(tmp_path, ["console"], script)
    assert out.returncode == 0 and "Traceback" not in out.stdout + out.stderr, out.stderr
    assert normalized(out.stdout.rstrip("\n")) == normalized(shown)
