"""Reading what people type: text folded for matching words and names typed with or without accents."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Lower case without accents, spaces folded: "Bằng  khen" -> "bang khen" (đ -> d)."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().split())
