"""A throwaway PostgreSQL server for the suite, and a fresh database per test.

The controller process of the test run (pytest, or xdist's controller) starts one server in a temporary
directory with the machine's ``initdb``/``pg_ctl`` and stops it at the end; the workers read its address
from ``KHOIBOT_TEST_PG``. PostgreSQL refuses to run as root, and CI runs as root: the server then runs
as the ``postgres`` user (``runuser``), its directory owned by that user.

Each test that asks for PostgreSQL gets a database cloned from a template that the migrations built
once per worker (``CREATE DATABASE … TEMPLATE``): the real schema, without running the migrations per
test. Where no server can start, ``KHOIBOT_TEST_PG_MISSING`` says why and those tests fail, saying so:
the PostgreSQL half of the suite never counts as passed when it did not run.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

ENV_URL = "KHOIBOT_TEST_PG"  # postgresql+psycopg://postgres@127.0.0.1:<port>
ENV_MISSING = "KHOIBOT_TEST_PG_MISSING"  # why no server runs
OFF = "off"  # KHOIBOT_TEST_PG=off: a developer skips the half on purpose (said loudly, never in CI)
INSTALL_HINT = "install PostgreSQL's server (Debian: apt-get install postgresql) or set KHOIBOT_TEST_PG to a server URL"


def _binaries() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    return Path(versions[-1]).parent if versions else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    data_dir: Path
    bindir: Path
    as_user: str | None

    def _run(self, *args: str) -> None:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.as_user:
            cmd = ["runuser", "-u", self.as_user, "--", *cmd]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")
        except (subprocess.SubprocessError, OSError):
            pass
        shutil.rmtree(self.data_dir.parent, ignore_errors=True)


def start() -> Server:
    """initdb + pg_ctl start in a temporary directory; raises RuntimeError with the reason."""
    bindir = _binaries()
    if bindir is None:
        raise RuntimeError(f"PostgreSQL's pg_ctl was not found; {INSTALL_HINT}")
    as_user = None
    if os.geteuid() == 0:  # initdb and postgres refuse root: run them as the postgres user
        try:
            pwd.getpwnam("postgres")
        except KeyError as exc:
            raise RuntimeError("running as root and there is no postgres user to run the server as") from exc
        as_user = "postgres"
    base = Path(tempfile.mkdtemp(prefix="khoibot-pg-"))
    data = base / "data"
    data.mkdir()
    if as_user:
        entry = pwd.getpwnam(as_user)
        os.chown(base, entry.pw_uid, entry.pw_gid)
        os.chown(data, entry.pw_uid, entry.pw_gid)
        base.chmod(0o755)
    port = free_port()
    server = Server(f"postgresql+psycopg://postgres@127.0.0.1:{port}", data, bindir, as_user)
    try:
        server._run("initdb", "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")
        # A test server: durability off (fsync, synchronous commit) for speed; nothing here must survive.
        options = (f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
                   "-c full_page_writes=off -c max_connections=300 -c timezone=UTC")
        server._run("pg_ctl", "-D", str(data), "-o", options, "-l", str(base / "server.log"), "-w", "start")
    except (subprocess.SubprocessError, OSError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        shutil.rmtree(base, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {exc} {detail.decode(errors='replace')[-300:]}") from exc
    return server


# --- per-test databases (in the workers) -----------------------------------------------------------
_TEMPLATE: str | None = None


def _admin_execute(sql: str) -> None:
    import psycopg

    base = os.environ[ENV_URL].replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def status() -> str | None:
    """None when a server is available, else why not (the text a failing test shows)."""
    url = os.environ.get(ENV_URL)
    if url == OFF:
        return "off"
    if url:
        return None
    return os.environ.get(ENV_MISSING, f"no PostgreSQL server for the tests; {INSTALL_HINT}")


def empty_database() -> str:
    """A new database with no schema at all (to run the migrations from nothing)."""
    name = f"e_{uuid.uuid4().hex[:12]}"
    _admin_execute(f'CREATE DATABASE "{name}"')
    return f"{os.environ[ENV_URL]}/{name}"


def require() -> None:
    """Inside a PostgreSQL-only test: skip when a developer turned the half off, else fail loudly."""
    import pytest

    reason = status()
    if reason == "off":
        pytest.skip("PostgreSQL half skipped on purpose (KHOIBOT_TEST_PG=off)")
    if reason is not None:
        pytest.fail(f"PostgreSQL half could not run: {reason}", pytrace=False)


def fresh_database() -> str:
    """A new empty-but-migrated database; returns its SQLAlchemy URL."""
    global _TEMPLATE
    if _TEMPLATE is None:
        from storage.db import Database

        name = f"tpl_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_{uuid.uuid4().hex[:6]}"
        _admin_execute(f'CREATE DATABASE "{name}"')
        db = Database(f"{os.environ[ENV_URL]}/{name}")
        db.migrate()
        db.dispose()
        _TEMPLATE = name
    name = f"t_{uuid.uuid4().hex[:12]}"
    _admin_execute(f'CREATE DATABASE "{name}" TEMPLATE "{_TEMPLATE}"')
    return f"{os.environ[ENV_URL]}/{name}"


def drop_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    try:
        _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    except Exception:
        pass
