"""A link sent instead of a file (Zalo has no uploads: a report on Drive, or on the unit's portal).

The bot never downloads what a link points at (it may need a login, change later, or point inside
the office's network). The link itself is the submission, kept like a file: a small Internet
Shortcut (``.url``; Windows opens it in the browser with a double click), its bytes on disk by
SHA-256 and a ``StoredFile`` row. So a link has a receipt, versions and a late flag like any file,
``/status`` shows it, and ``/collect`` puts it in the head's zip beside the files.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from sqlmodel import Session, col, select

from bot.errors import UserError
from bot.files import FileStore
from storage.models import StoredFile

MIME = "application/internet-shortcut"
MAX_URL = 2000
_URL = re.compile(r"https?://[^\s<>\"']+")
_HOST = re.compile(r"[^A-Za-z0-9.-]+")


def find_url(text: str) -> str | None:
    """The first http(s) link in a text, without the punctuation that ends a sentence."""
    match = _URL.search(text or "")
    return match.group(0).rstrip(".,;)") if match else None


def check_url(url: str) -> str:
    if len(url) > MAX_URL:
        raise UserError("cal.submit.link_too_long", limit=MAX_URL)
    return url


def shortcut(url: str) -> bytes:
    """The Internet Shortcut file that stands for ``url``."""
    return f"[InternetShortcut]\r\nURL={url}\r\n".encode()


def url_in(content: bytes) -> str | None:
    for line in content.decode("utf-8", errors="replace").splitlines():
        if line.startswith("URL="):
            return line[4:].strip() or None
    return None


def file_name(url: str) -> str:
    """``lien-ket-drive.google.com.url``: names the site, so the head sees where each link goes."""
    host = _HOST.sub("", urlsplit(url).hostname or "")[:80].strip(".")
    return f"lien-ket-{host}.url" if host else "lien-ket.url"


def urls_of(s: Session, store: FileStore, file_ids: list[int]) -> dict[int, str]:
    """The link kept in each of these files that is a link (one query; small files read from disk)."""
    if not file_ids:
        return {}
    rows = s.exec(select(StoredFile).where(col(StoredFile.id).in_(set(file_ids)), StoredFile.mime == MIME))
    out: dict[int, str] = {}
    for row in rows:
        try:
            url = url_in(store.read(row.sha256))
        except OSError:
            continue
        if url is not None and row.id is not None:
            out[row.id] = url
    return out
