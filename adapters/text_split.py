"""Splitting long texts for platforms with a length limit (Telegram 4096, Zalo 2000 characters)."""

from __future__ import annotations


def split_text(text: str, limit: int) -> list[str]:
    """Chunks of at most ``limit`` characters, cut at line boundaries where possible.

    A single line longer than the limit is cut at the last space before it, else hard.
    Joining the chunks with newlines gives back the text's lines (blank lines at a cut are dropped).
    """
    if limit < 1:
        raise ValueError("limit must be positive")
    if len(text) <= limit:
        return [text]
    chunks: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit + 1)
            cut = cut if cut > 0 else limit
            piece, line = line[:cut], line[cut:].lstrip(" ")
            if current:
                chunks.append(current)
                current = ""
            chunks.append(piece)
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= limit:
            current = candidate
        else:
            if current:
                chunks.append(current)
            current = line
    if current:
        chunks.append(current)
    return [c for c in chunks if c.strip()] or [text[:limit]]
