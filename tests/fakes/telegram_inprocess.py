"""The fake Bot API without sockets: a python-telegram-bot ``BaseRequest`` that calls it directly."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.request import BaseRequest, RequestData

from tests.fakes.telegram_api import TOKEN, FakeBotApi


class InProcessRequest(BaseRequest):
    def __init__(self, api: FakeBotApi) -> None:
        self.api = api

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        marker = f"/file/bot{TOKEN}/"
        # python-telegram-bot quotes file URLs (the token's ":" arrives as "%3A").
        if marker in unquote(url):
            content = self.api.file_content(unquote(url).split(marker, 1)[1])
            return (200, content) if content is not None else (404, b"")
        prefix = f"/bot{TOKEN}/"
        if prefix not in url:
            return 401, json.dumps({"ok": False, "error_code": 401, "description": "Unauthorized"}).encode()
        api_method = url.split(prefix, 1)[1]
        params: dict[str, Any] = dict(request_data.json_parameters) if request_data else {}
        files: dict[str, tuple[str, bytes]] = {}
        if request_data is not None and request_data.contains_files:
            for name, part in request_data.multipart_data.items():
                filename, content = part[0], part[1]
                files[name] = (filename, content if isinstance(content, bytes) else content.read())
        payload = await self.api.call(api_method, params, files)
        return (200 if payload["ok"] else payload["error_code"]), json.dumps(payload).encode()
