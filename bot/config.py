"""Configuration from the environment and an optional ``.env`` file."""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_TELEGRAM_API = "https://api.telegram.org"


class Settings(BaseSettings):
    """Every knob an operator may set. Field names are the environment variable names."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = Field(default=None, description="Bot token from @BotFather")
    # Root of a Bot API server; "/bot<token>/<method>" and "/file/bot<token>/<path>" are appended.
    telegram_api_base_url: str = DEFAULT_TELEGRAM_API
    # Respect Telegram's flood limits (30 msg/s overall, 20 msg/min per group) and retry on 429.
    telegram_rate_limit: bool = True
    database_url: str = "sqlite:///./data/khoibot.db"
    # Where submitted files are kept (content-addressed by SHA-256); back it up with the database.
    khoibot_files_dir: Path = Path("./data/files")
    khoibot_timezone: str = "Asia/Ho_Chi_Minh"
    khoibot_language: Literal["vi", "en"] = "vi"
    log_level: str = "INFO"
    # How often the scheduler fires due reminders, edits live posts and retries the outbox.
    khoibot_tick_seconds: float = Field(default=5.0, gt=0, le=300)

    @field_validator("khoibot_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("telegram_bot_token", mode="before")
    @classmethod
    def _blank_token_is_none(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("telegram_api_base_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.rstrip("/")

    def token(self) -> str | None:
        """The bot token in clear, for the adapter only; never log it."""
        return self.telegram_bot_token.get_secret_value() if self.telegram_bot_token else None

    def secrets(self) -> list[str]:
        """Values the log redactor must hide."""
        token = self.token()
        return [token] if token else []
