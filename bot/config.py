"""Configuration from the environment and an optional ``.env`` file."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_TELEGRAM_API = "https://api.telegram.org"
DEFAULT_ZALO_API = "https://bot-api.zaloplatforms.com"


class Settings(BaseSettings):
    """Every knob an operator may set. Field names are the environment variable names."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = Field(default=None, description="Bot token from @BotFather")
    # Root of a Bot API server; "/bot<token>/<method>" and "/file/bot<token>/<path>" are appended.
    telegram_api_base_url: str = DEFAULT_TELEGRAM_API
    # Respect Telegram's flood limits (30 msg/s overall, 20 msg/min per group) and retry on 429.
    telegram_rate_limit: bool = True
    # Webhook mode (khoibot run --telegram-webhook): Telegram posts updates to this URL, or to
    # <KHOIBOT_PUBLIC_URL><TELEGRAM_WEBHOOK_PATH>, on the same web server as Zalo's webhook.
    telegram_webhook_url: str | None = None
    telegram_webhook_path: str = "/telegram/webhook"
    # The X-Telegram-Bot-Api-Secret-Token Telegram sends; derived from the bot token when not set, so
    # every process of one bot agrees on it without more configuration.
    telegram_webhook_secret: SecretStr | None = Field(default=None, min_length=16, max_length=256)
    # Zalo's bot platform (private chats only); runs beside Telegram when its token is set.
    zalo_bot_token: SecretStr | None = Field(default=None, description="Bot token from Zalo Bot Manager")
    # Root of the Zalo Bot API; "/bot<token>/<method>" is appended.
    zalo_api_base_url: str = DEFAULT_ZALO_API
    # Webhook mode (khoibot run --zalo-webhook): the secret Zalo sends in X-Bot-Api-Secret-Token.
    zalo_webhook_secret: SecretStr | None = Field(default=None, min_length=8, max_length=256)
    zalo_webhook_path: str = "/zalo/webhook"
    # The https root at which this process's web server is reachable from outside: Zalo's webhook
    # is <url><ZALO_WEBHOOK_PATH>, and files the bot cannot attach on Zalo are offered as links
    # <url>/files/... . Without it (and without the webhook) no web server runs.
    khoibot_public_url: str | None = None
    khoibot_http_host: str = "0.0.0.0"
    khoibot_http_port: int = Field(default=8080, ge=1, le=65535)
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

    @field_validator("telegram_bot_token", "zalo_bot_token", "zalo_webhook_secret", "telegram_webhook_secret",
                     "telegram_webhook_url", mode="before")
    @classmethod
    def _blank_token_is_none(cls, value: object) -> object:
        if isinstance(value, str) and not value.strip():
            return None
        return value

    @field_validator("telegram_api_base_url", "zalo_api_base_url")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @field_validator("khoibot_public_url", mode="before")
    @classmethod
    def _public_url(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.strip().rstrip("/") or None
            if value is not None and not value.startswith(("https://", "http://")):
                raise ValueError("KHOIBOT_PUBLIC_URL must start with https://")
        return value

    @field_validator("zalo_webhook_path", "telegram_webhook_path")
    @classmethod
    def _path(cls, value: str) -> str:
        if not value.startswith("/") or value.startswith("/files/"):
            raise ValueError("a webhook path must start with / (and not with /files/)")
        return value

    @field_validator("telegram_webhook_secret")
    @classmethod
    def _telegram_secret_chars(cls, value: SecretStr | None) -> SecretStr | None:
        # Telegram accepts only these characters in secret_token (setWebhook would refuse it at start).
        if value is not None and not re.fullmatch(r"[A-Za-z0-9_-]+", value.get_secret_value()):
            raise ValueError("TELEGRAM_WEBHOOK_SECRET may hold only A-Z, a-z, 0-9, _ and -")
        return value

    @field_validator("telegram_webhook_url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("https://", "http://")):
            raise ValueError("TELEGRAM_WEBHOOK_URL must start with https://")
        return value

    def token(self) -> str | None:
        """The bot token in clear, for the adapter only; never log it."""
        return self.telegram_bot_token.get_secret_value() if self.telegram_bot_token else None

    def zalo_token(self) -> str | None:
        """The Zalo bot token in clear, for the Zalo client only; never log it."""
        return self.zalo_bot_token.get_secret_value() if self.zalo_bot_token else None

    def webhook_secret(self) -> str | None:
        return self.zalo_webhook_secret.get_secret_value() if self.zalo_webhook_secret else None

    def telegram_webhook(self) -> tuple[str, str] | None:
        """Where Telegram posts updates in webhook mode, and the secret it sends; None without a token
        or an address."""
        token = self.token()
        url = self.telegram_webhook_url or (
            f"{self.khoibot_public_url}{self.telegram_webhook_path}" if self.khoibot_public_url else None)
        if not token or not url:
            return None
        if self.telegram_webhook_secret is not None:
            secret = self.telegram_webhook_secret.get_secret_value()
        else:
            secret = hashlib.sha256(f"khoibot-telegram-webhook:{token}".encode()).hexdigest()[:48]
        return url, secret

    def form_secret(self) -> str | None:
        """The key that signs the scoring form's one-time links (bot.services.scores.forms): derived from
        the bot's token, so every process of one bot agrees on it; None without a token."""
        token = self.token() or self.zalo_token()
        return hashlib.sha256(f"khoibot-scoring-form:{token}".encode()).hexdigest() if token else None

    def form_url(self, token: str) -> str | None:
        return f"{self.khoibot_public_url}/form/{token}" if self.khoibot_public_url else None

    def secrets(self) -> list[str]:
        """Values the log redactor must hide: both bot tokens and the webhook secrets."""
        hook = self.telegram_webhook()
        return [v for v in (self.token(), self.zalo_token(), self.webhook_secret(), hook[1] if hook else None) if v]
