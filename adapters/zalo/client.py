"""A thin async client of Zalo's Bot API over httpx.

``POST <base>/bot<TOKEN>/<method>`` with a JSON body; the answer is ``{"ok": true, "result": ...}``
or ``{"ok": false, "error_code": ..., "description": ...}``. The PyPI packages for this API were
reviewed and not used (partial copies of other libraries, synchronous, or wrong on the response
shapes); the API is eight small methods, so our own client is shorter than adapting one.

The token is in every URL, so nothing here ever puts a URL, or an httpx exception (whose text may
hold the URL), into an error message or a log line.
"""

from __future__ import annotations

from typing import Any

import httpx

NO_UPDATE = 408  # getUpdates: the long poll ended without an update
TOO_MANY = 429
MAX_DOWNLOAD = 20 * 1024 * 1024  # a photo an officer sends; Zalo's own limit is lower


class ZaloApiError(Exception):
    def __init__(self, code: int, description: str) -> None:
        super().__init__(f"Zalo API error {code}: {description}")
        self.code = code
        self.description = description

    @property
    def retryable(self) -> bool:
        """Worth trying again later: flood control, a timeout, the server's own trouble."""
        return self.code in (NO_UPDATE, TOO_MANY) or self.code >= 500


class ZaloNetworkError(Exception):
    """The API could not be reached (the message never says the URL, which holds the token)."""


class ZaloClient:
    def __init__(self, token: str, base_url: str, *, timeout: float = 40.0,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._token = token
        self._base = base_url.rstrip("/")
        self._http = httpx.AsyncClient(timeout=timeout, transport=transport, follow_redirects=False)

    async def close(self) -> None:
        await self._http.aclose()

    async def call(self, method: str, payload: dict[str, Any] | None = None, *,
                   http_timeout: float | None = None) -> Any:
        """Calls ``method``; returns its ``result`` or raises ZaloApiError / ZaloNetworkError."""
        url = f"{self._base}/bot{self._token}/{method}"
        try:
            response = await self._http.post(
                url, json=payload or {},
                timeout=http_timeout if http_timeout is not None else httpx.USE_CLIENT_DEFAULT)
        except httpx.HTTPError as exc:
            raise ZaloNetworkError(f"{method}: {type(exc).__name__}") from None
        try:
            body = response.json()
        except ValueError:
            raise ZaloApiError(response.status_code, f"{method}: not JSON (HTTP {response.status_code})") from None
        if not isinstance(body, dict):
            raise ZaloApiError(response.status_code, f"{method}: unexpected answer")
        if not body.get("ok"):
            try:
                code = int(body.get("error_code") or response.status_code)
            except (TypeError, ValueError):
                code = response.status_code
            raise ZaloApiError(code, f"{method}: {body.get('description') or ''}"[:300])
        return body.get("result")

    # --- the methods KhốiBot uses ------------------------------------------------------------------
    async def get_me(self) -> dict[str, Any]:
        return await self.call("getMe")

    async def get_updates(self, wait: int = 30) -> Any:
        """The next update (a long poll of ``wait`` seconds), or None when none came (error 408).

        Zalo answers one update per call and keeps no offsets: an update is gone from the API once
        returned, so the caller must keep it before asking for the next one.
        """
        try:
            return await self.call("getUpdates", {"timeout": str(wait)}, http_timeout=wait + 10)
        except ZaloApiError as exc:
            if exc.code == NO_UPDATE:
                return None
            raise

    async def set_webhook(self, url: str, secret_token: str) -> Any:
        return await self.call("setWebhook", {"url": url, "secret_token": secret_token})

    async def delete_webhook(self) -> Any:
        return await self.call("deleteWebhook")

    async def get_webhook_info(self) -> Any:
        return await self.call("getWebhookInfo")

    async def send_message(self, chat_id: str, text: str) -> dict[str, Any]:
        return await self.call("sendMessage", {"chat_id": chat_id, "text": text})

    async def send_photo(self, chat_id: str, photo_url: str, caption: str | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {"chat_id": chat_id, "photo": photo_url}
        if caption:
            payload["caption"] = caption
        return await self.call("sendPhoto", payload)

    async def send_chat_action(self, chat_id: str, action: str = "typing") -> Any:
        return await self.call("sendChatAction", {"chat_id": chat_id, "action": action})

    async def download(self, url: str, limit: int = MAX_DOWNLOAD) -> bytes:
        """A photo a person sent: Zalo gives a URL (not a file id). Refuses more than ``limit`` bytes."""
        if not url.startswith(("https://", "http://")):
            raise ZaloNetworkError("download: not an http(s) address")
        try:
            async with self._http.stream("GET", url) as response:
                if response.status_code != 200:
                    raise ZaloNetworkError(f"download: HTTP {response.status_code}")
                chunks: list[bytes] = []
                size = 0
                async for chunk in response.aiter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise ZaloNetworkError(f"download: larger than {limit} bytes")
                    chunks.append(chunk)
        except httpx.HTTPError as exc:
            raise ZaloNetworkError(f"download: {type(exc).__name__}") from None
        return b"".join(chunks)
