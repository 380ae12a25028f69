"""The deployment files say what the code expects: compose.yaml's settings are real settings, the
schema is migrated once before any bot process starts, and the balancer points at the bot's port."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.config import Settings

ROOT = Path(__file__).resolve().parent.parent


def test_compose_runs_postgresql_migrates_first_and_sets_only_known_settings() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert services["db"]["image"].startswith("postgres:") and "healthcheck" in services["db"]
    assert services["migrate"]["command"] == ["khoibot", "migrate"]
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["bot"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    known = {name.upper() for name in Settings.model_fields}
    for name in ("migrate", "bot"):
        env = services[name]["environment"]
        assert set(env) <= known, set(env) - known
        assert env["DATABASE_URL"].startswith("postgresql+psycopg://khoibot:")
        assert env["DATABASE_URL"].endswith("@db:5432/khoibot")
    assert services["proxy"]["profiles"] == ["scale"]


def test_the_balancer_forwards_to_the_bot_port() -> None:
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    port = Settings.model_fields["khoibot_http_port"].default
    assert f"server bot:{port};" in conf and "proxy_pass http://khoibot;" in conf
