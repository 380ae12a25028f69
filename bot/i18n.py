"""The message catalog: every user-facing text, in Vietnamese (default) and English.

Feature modules keep their texts in ``bot/catalog/<feature>.py`` as ``MESSAGES = {key: {"vi": ..., "en": ...}}``;
they are merged here. A missing English text falls back to Vietnamese, never to the key.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from functools import cache

import bot.catalog

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"


@cache
def catalog() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for info in pkgutil.iter_modules(bot.catalog.__path__):
        module = importlib.import_module(f"bot.catalog.{info.name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice (in {info.name})")
            merged[key] = texts
    return merged


@dataclass(frozen=True)
class Ref:
    """A parameter that is itself a catalog text, translated when the message is rendered.

    Lets a service say ``role=Ref("role.head")`` without knowing the reader's language.
    """

    key: str


def t(lang: str, key: str, /, **params: object) -> str:
    """The text for ``key`` in ``lang``, with ``{placeholders}`` filled from ``params``."""
    texts = catalog()[key]
    template = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    filled = {k: t(lang, v.key) if isinstance(v, Ref) else v for k, v in params.items()}
    return template.format(**filled)


def has(key: str) -> bool:
    return key in catalog()
