"""Asserting what the bot said by catalog key and facts, not by wording.

``said(text, "pledge.signed_reply", code="YTE", count=3)`` holds when ``text`` contains the message
``pledge.signed_reply`` (in any language) with those values in those places; the other placeholders
match anything. A wording fix in the catalog then breaks no behaviour test; the few tests that pin the
exact wording of the most important messages say so in their names.
"""

from __future__ import annotations

import re
import string
from functools import cache
from typing import Any

from bot.i18n import catalog


@cache
def _parts(template: str) -> tuple[tuple[str, str | None], ...]:
    return tuple((literal, field) for literal, field, _, _ in string.Formatter().parse(template))


def pattern(key: str, lang: str, **params: Any) -> re.Pattern[str]:
    """The regular expression of the key's text in ``lang``: given values fixed, the rest wildcards."""
    out = []
    for literal, field in _parts(catalog()[key][lang]):
        out.append(re.escape(literal))
        if field is not None:
            out.append(re.escape(str(params[field])) if field in params else ".*?")
    return re.compile("".join(out), re.DOTALL)


def said(text: str | None, key: str, **params: Any) -> bool:
    """Whether ``text`` contains the message ``key`` (any language) with ``params`` in their places."""
    if key not in catalog():
        raise KeyError(f"no message key {key!r}")
    texts = catalog()[key]
    return any(pattern(key, lang, **params).search(text or "") for lang in texts)


def keys_in(text: str, prefix: str = "") -> set[str]:
    """Every catalog key whose message appears in ``text`` (for a test's failure message)."""
    return {k for k in catalog() if k.startswith(prefix) and said(text, k)}
